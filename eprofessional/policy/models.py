"""The policy as data: versions, sections, clauses and the registers they cite.

A clause's ``anchor`` is stable: the same clause keeps it across versions when edited or moved, so
permalinks, contributions and diffs follow the clause, not its number.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from eprofessional.accounts.models import Nation

NATION_KEYS = [n.value for n in Nation]


class Topic(models.Model):
    key = models.SlugField(primary_key=True, max_length=60)
    label = models.CharField(max_length=120)
    description = models.TextField()

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.label


class Principle(models.Model):
    """A Code of Ethics principle with a versioned ID such as ``COE-2014:2.3.3``."""

    id = models.CharField(primary_key=True, max_length=40)
    code_version = models.CharField(max_length=8)
    value = models.CharField(max_length=80, help_text="The value or part of the Code it sits under.")
    number = models.CharField(max_length=20)
    title = models.CharField(max_length=200)
    summary = models.TextField(help_text="What the principle asks of a social worker, in plain words.")
    sort_key = models.CharField(max_length=60, db_index=True)

    class Meta:
        ordering = ["code_version", "sort_key"]

    def __str__(self) -> str:
        return f"{self.id} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("policy:principle", args=[self.id])


class Regulator(models.Model):
    key = models.SlugField(primary_key=True, max_length=20)
    name = models.CharField(max_length=120)
    nation = models.CharField(max_length=20, choices=Nation.choices, blank=True)
    url = models.URLField()
    current = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Standard(models.Model):
    """A regulator's standard or code clause that a policy clause or case relies on."""

    key = models.SlugField(primary_key=True, max_length=80)
    regulator = models.ForeignKey(Regulator, on_delete=models.PROTECT, related_name="standards")
    document = models.CharField(max_length=200)
    code = models.CharField(max_length=40, blank=True)
    title = models.CharField(max_length=300)
    summary = models.TextField()
    url = models.URLField()
    effective_from = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["regulator", "key"]

    def __str__(self) -> str:
        return f"{self.regulator.name} {self.code}".strip()


class Legislation(models.Model):
    """One entry of the legislation register: an Act (or section of one) and where it applies."""

    key = models.SlugField(primary_key=True, max_length=80)
    act = models.CharField(max_length=200)
    year = models.PositiveIntegerField()
    section = models.CharField(max_length=80, blank=True)
    title = models.CharField(max_length=300)
    nations = models.JSONField(default=list, help_text="Nation keys where this applies.")
    url = models.URLField()
    summary = models.TextField()

    class Meta:
        ordering = ["act", "key"]
        verbose_name_plural = "legislation"

    def __str__(self) -> str:
        return f"{self.act} {self.section}".strip()

    @property
    def citation(self) -> str:
        return f"{self.act}, {self.section}" if self.section else self.act

    @property
    def nation_labels(self) -> list[str]:
        labels = dict(Nation.choices)
        return [str(labels.get(n, n)) for n in self.nations]


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    ARCHIVED = "archived", "Archived"


class PolicyVersionQuerySet(models.QuerySet["PolicyVersion"]):
    def published(self) -> PolicyVersionQuerySet:
        """Versions the public may read: published now, or published before and since archived."""
        return self.filter(
            status__in=[VersionStatus.PUBLISHED, VersionStatus.ARCHIVED],
            published_at__isnull=False,
            published_at__lte=timezone.now(),
        )

    def current(self) -> PolicyVersion | None:
        return self.published().filter(status=VersionStatus.PUBLISHED).order_by("-number").first()


class PolicyVersion(models.Model):
    number = models.PositiveIntegerField(unique=True)
    status = models.CharField(max_length=12, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    title = models.CharField(max_length=200, default="Social Media Policy")
    summary = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    next_review = models.DateField(null=True, blank=True)
    based_on = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    content_hash = models.CharField(max_length=64, blank=True, help_text="Hash of the content files it was loaded from.")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    round_response = models.TextField(
        blank=True, help_text='The public response to the consultation: "you said, we did".'
    )

    objects = PolicyVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"Version {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("policy:version", args=[self.number])

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT

    @property
    def is_scheduled(self) -> bool:
        return self.status == VersionStatus.PUBLISHED and bool(self.published_at and self.published_at > timezone.now())

    @property
    def is_published(self) -> bool:
        return self.status in {VersionStatus.PUBLISHED, VersionStatus.ARCHIVED} and self.published_at is not None

    def ordered_sections(self) -> models.QuerySet[Section]:
        """Sections with their clauses and every clause reference fetched in a fixed number of queries."""
        clauses = Clause.objects.order_by("position").prefetch_related(
            "principles", "topics", "standards__regulator", "legislation"
        )
        return self.sections.order_by("position").prefetch_related(models.Prefetch("clauses", queryset=clauses))


class Section(models.Model):
    version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE, related_name="sections")
    anchor = models.SlugField(max_length=80)
    number = models.PositiveIntegerField()
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    intro = models.TextField(blank=True)
    review_by = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "anchor"], name="section_anchor_unique_in_version"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def is_review_due(self) -> bool:
        return self.review_by is not None and self.review_by <= dt.date.today()  # noqa: DTZ011


class Clause(models.Model):
    version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE, related_name="clauses")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="clauses")
    anchor = models.SlugField(max_length=100)
    number = models.CharField(max_length=12)
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    principles = models.ManyToManyField(Principle, related_name="clauses")
    topics = models.ManyToManyField(Topic, related_name="clauses")
    standards = models.ManyToManyField(Standard, related_name="clauses", blank=True)
    legislation = models.ManyToManyField(Legislation, related_name="clauses", blank=True)
    nation_notes = models.JSONField(default=dict, blank=True, help_text="Nation key to a note for that nation.")
    asked = models.JSONField(
        default=list, blank=True, help_text="Ways people ask about this clause, in their own words (search only)."
    )
    revision = models.PositiveIntegerField(
        default=1, help_text="Bumped on every edit of a draft clause, so two officers never overwrite each other."
    )

    class Meta:
        ordering = ["version", "section__position", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "anchor"], name="clause_anchor_unique_in_version"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title or self.anchor}"

    def get_absolute_url(self) -> str:
        return reverse("policy:current") + f"#{self.anchor}"

    def permalink(self) -> str:
        """A link that always shows this clause in the current version, whatever its number."""
        return reverse("policy:clause", args=[self.anchor])

    def note_for(self, nation: str | None) -> str:
        return self.nation_notes.get(nation or "", "") if self.nation_notes else ""


class ChangeKind(models.TextChoices):
    ADDED = "added", "Added"
    MODIFIED = "modified", "Modified"
    REMOVED = "removed", "Removed"
    MOVED = "moved", "Moved"


class ClauseChange(models.Model):
    """Why a clause changed in a version: the reason and whether the change is material.

    The diff itself is computed from the two versions' clauses; this records what the computation cannot
    know. The living-policy workflow creates these when officers edit a draft.
    """

    version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE, related_name="changes")
    anchor = models.SlugField(max_length=100)
    change = models.CharField(max_length=10, choices=ChangeKind.choices)
    reason = models.TextField()
    material = models.BooleanField(
        default=True, help_text="Material changes ask members to re-attest; editorial ones do not."
    )
    nations = models.JSONField(
        default=list, blank=True, help_text="Nations the change affects; empty means every nation."
    )
    topics = models.JSONField(default=list, blank=True, help_text="Topic keys of the clause changed.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["version", "anchor"]
        constraints = [
            models.UniqueConstraint(fields=["version", "anchor"], name="one_change_record_per_clause_version"),
        ]

    def __str__(self) -> str:
        return f"{self.version}: {self.anchor} {self.change}"
