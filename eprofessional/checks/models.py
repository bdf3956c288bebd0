"""The archive audit's records: a member's own past posts and what the checker found in them.

Drafts checked on /check/, through the API or the CLI are never stored: there is no model for them.
An audit's results are private to the member who uploaded the archive: every view goes through
``AuditJob.objects.visible_to(user)``.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse


class AuditJobQuerySet(models.QuerySet["AuditJob"]):
    def visible_to(self, user: Any) -> AuditJobQuerySet:
        """The one way to reach audit jobs: only the member who uploaded the archive sees them."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)


class AuditStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Checking your posts"
    DONE = "done", "Finished"
    FAILED = "failed", "Could not be read"


class AuditJob(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="audit_jobs")
    original_name = models.CharField(max_length=255, blank=True)
    platform = models.CharField(max_length=40, blank=True)
    status = models.CharField(max_length=10, choices=AuditStatus.choices, default=AuditStatus.QUEUED)
    # The random name of the uploaded file under VAR_DIR/private-uploads while the job waits or runs;
    # empty once the job has finished (the file is deleted then).
    upload_name = models.CharField(max_length=80, blank=True)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    count_stop = models.PositiveIntegerField(default=0)
    count_review = models.PositiveIntegerField(default=0)
    count_ok = models.PositiveIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = AuditJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Archive audit {self.id}"

    def get_absolute_url(self) -> str:
        return reverse("checks:audit", args=[self.id])

    @property
    def is_finished(self) -> bool:
        return self.status in {AuditStatus.DONE, AuditStatus.FAILED}

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.is_finished else 0
        return min(100, round(100 * self.processed / self.total))


class AuditPost(models.Model):
    """One of the member's past posts that the checker flagged (posts that look fine are only counted)."""

    RISK_RANK = {"stop": 2, "review": 1, "ok": 0}

    job = models.ForeignKey(AuditJob, on_delete=models.CASCADE, related_name="posts")
    position = models.PositiveIntegerField(help_text="Order in the core's report: riskiest, newest first.")
    post_id = models.CharField(max_length=200, blank=True)
    source = models.CharField(max_length=40, blank=True)
    date = models.CharField(max_length=40, blank=True, help_text="The post's date as the export gives it.")
    posted_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField()
    risk = models.CharField(max_length=10)
    risk_rank = models.PositiveSmallIntegerField(default=0)
    findings = models.JSONField(default=list)

    class Meta:
        ordering = ["-risk_rank", "position"]
        indexes = [models.Index(fields=["job", "risk_rank", "position"])]

    def __str__(self) -> str:
        return f"Post {self.position} of {self.job_id}"

    @property
    def shown_findings(self) -> list[dict[str, Any]]:
        """Findings worth showing (information-only notes are left out, as in the CSV)."""
        return [f for f in self.findings if f.get("severity") != "info"]
