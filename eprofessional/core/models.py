"""The audit log: one append-only record for every action that must be accountable.

Moderation, triage decisions, drafting, approval and publishing all write here, from the one module per
app that performs those writes (``community/actions.py``, ``policy/workflow.py``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditEvent(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=60, db_index=True)
    target = models.CharField(max_length=120, help_text="What was acted on, e.g. contribution:12.")
    reason = models.TextField(blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Audit events are never changed once written")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Audit events are never deleted")

    @property
    def actor_label(self) -> str:
        """Who acted: a name, or for an account since closed, the role they held; nobody for the system."""
        return self.actor.record_name if self.actor is not None else "The system"


def audit(actor: Any, action: str, target: str, reason: str = "", **detail: Any) -> AuditEvent:
    return AuditEvent.objects.create(actor=actor, action=action, target=target, reason=reason, detail=detail)
