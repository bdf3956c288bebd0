"""The casebook: original dilemma cases, loaded from content/cases/*.yaml.

Worksheets (private reasoning records for supervision) live here too.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from eprofessional.policy.models import Legislation, Principle, Standard, Topic


class Case(models.Model):
    id = models.SlugField(primary_key=True, max_length=100)
    title = models.CharField(max_length=200)
    summary = models.TextField()
    settings = models.JSONField(default=list)
    situation = models.TextField()
    questions = models.JSONField(default=list)
    tensions = models.JSONField(default=list, help_text="[{id, tension}] principles in tension.")
    nations = models.JSONField(default=dict)
    options = models.JSONField(default=list)
    recommended = models.TextField()
    reasoning = models.TextField()
    record = models.TextField()
    supervision = models.JSONField(default=list)
    clause_anchors = models.JSONField(default=list)
    keywords = models.JSONField(default=list)
    asked = models.JSONField(
        default=list, blank=True, help_text="Ways people ask about this case, in their own words (search only)."
    )
    principles = models.ManyToManyField(Principle, related_name="cases")
    topics = models.ManyToManyField(Topic, related_name="cases")
    standards = models.ManyToManyField(Standard, related_name="cases", blank=True)
    legislation = models.ManyToManyField(Legislation, related_name="cases", blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guidance:case", args=[self.id])

    @property
    def setting_labels(self) -> list[str]:
        return [SETTING_LABELS.get(s, s.replace("-", " ").capitalize()) for s in self.settings]


SETTING_LABELS = {
    "children-and-families": "Children and families",
    "fostering-and-adoption": "Fostering and adoption",
    "care-leavers": "Care leavers",
    "adults": "Adults",
    "mental-health": "Mental health",
    "learning-disability": "Learning disability",
    "older-people": "Older people",
    "students": "Students",
    "managers": "Managers",
}


# --- Worksheets: a worker's private reasoning record, optionally shared with one supervisor -------------


class WorksheetQuerySet(models.QuerySet["Worksheet"]):
    """The one place worksheet privacy is decided. Every view and API goes through these two methods."""

    def visible_to(self, user: Any) -> WorksheetQuerySet:
        """Worksheets the user wrote, and those currently shared with them as a supervisor."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        shared = models.Q(shared_with=user) & ~models.Q(shared_with__supervisor_kind="")
        return self.filter(models.Q(author=user) | shared)

    def editable_by(self, user: Any) -> WorksheetQuerySet:
        """Only the author may change, share, withdraw or delete a worksheet."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(author=user)

    def summary_for(self, user: Any, limit: int = 5) -> dict[str, Any]:
        """What the home and profile pages show a member: their most recent worksheets and, for a
        supervisor, the most recent ones shared with them, each with the total count. Built on
        ``visible_to``, so nobody else's worksheet can appear."""
        visible = self.visible_to(user).select_related("case", "author", "shared_with")
        own = visible.filter(author=user)
        summary: dict[str, Any] = {"own": list(own[:limit]), "own_total": own.count(),
                                   "shared": [], "shared_total": 0}
        if getattr(user, "is_supervisor", False):
            shared = visible.exclude(author=user)
            summary["shared"] = list(shared.order_by("-shared_at", "-id")[:limit])
            summary["shared_total"] = shared.count()
        return summary


class Worksheet(models.Model):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="worksheets")
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="worksheets")
    title = models.CharField(max_length=200)
    facts = models.TextField("the facts", blank=True)
    people_affected = models.TextField("people affected", blank=True)
    law_and_policy = models.TextField("law and policy", blank=True)
    options = models.JSONField(default=list, blank=True, help_text="[{option, benefits, risks}]")
    decision = models.TextField("decision", blank=True)
    rationale = models.TextField("rationale", blank=True)
    record = models.TextField("what will be recorded", blank=True)
    supervision_questions = models.TextField("questions for supervision", blank=True)
    shared_with = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="shared_worksheets"
    )
    shared_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WorksheetQuerySet.as_manager()

    FREE_TEXT_FIELDS = (
        "title", "facts", "people_affected", "law_and_policy", "decision", "rationale", "record",
        "supervision_questions",
    )

    class Meta:
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guidance:worksheet", args=[self.pk])

    def is_author(self, user: Any) -> bool:
        return bool(user.is_authenticated and user.pk == self.author_id)


class WorksheetPrinciple(models.Model):
    """A Code of Ethics principle the author sees in tension, with their note on how it pulls."""

    worksheet = models.ForeignKey(Worksheet, on_delete=models.CASCADE, related_name="tensions")
    principle = models.ForeignKey(Principle, on_delete=models.PROTECT, related_name="+")
    notes = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["worksheet", "position", "id"]

    def __str__(self) -> str:
        return f"{self.worksheet_id}: {self.principle_id}"


class WorksheetComment(models.Model):
    """A simple threaded comment from the author or the supervisor. Stays with the worksheet when sharing
    is withdrawn."""

    worksheet = models.ForeignKey(Worksheet, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies")
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Comment {self.pk} on worksheet {self.worksheet_id}"
