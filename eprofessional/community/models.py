"""Members take part in revising the policy: contributions, debate, moderation, consultation rounds,
decisions, attestation and teams.

Contributions on a clause hold the clause's stable anchor and the version the member was reading, so they
stay attached when the clause is edited or moved, and are shown as "on a removed clause" when it goes:
never silently re-attached. All writes go through ``community/actions.py``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from eprofessional.policy.models import ClauseChange, PolicyVersion, Principle, Topic


class ContributionKind(models.TextChoices):
    COMMENT = "comment", "Comment"
    AMENDMENT = "amendment", "Proposed amendment"
    EVIDENCE = "evidence", "Evidence"
    INFORMATION = "information", "Information or advice"
    DILEMMA = "dilemma", "New dilemma for the casebook"


CLAUSE_KINDS = {ContributionKind.COMMENT, ContributionKind.AMENDMENT, ContributionKind.EVIDENCE}


class Visibility(models.TextChoices):
    PUBLISHED = "published", "Published"
    HELD = "held", "Held for moderation"
    HIDDEN = "hidden", "Hidden by a moderator"


def _count_of(model_label: str, **filters: Any) -> Coalesce:
    from django.apps import apps

    model = apps.get_model(model_label)
    counted = (
        model.objects.filter(contribution=OuterRef("pk"), **filters)
        .order_by().values("contribution").annotate(n=Count("pk")).values("n")[:1]
    )
    return Coalesce(Subquery(counted), 0)


class MemberPost(models.Model):
    """What contributions and replies share: an author credited by name or anonymously, and moderation."""

    author: Any
    credit_by_name = models.BooleanField(default=True)
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.PUBLISHED)
    moderation_note = models.TextField(blank=True, help_text="Shown in place when a moderator hid or edited it.")

    class Meta:
        abstract = True

    @property
    def credit(self) -> str:
        return self.author.public_name if self.credit_by_name else "A member (anonymous)"

    @property
    def is_hidden(self) -> bool:
        return self.visibility == Visibility.HIDDEN


class ContributionQuerySet(models.QuerySet["Contribution"]):
    def visible_to(self, user: Any) -> ContributionQuerySet:
        """Published contributions for everyone; hidden ones show as a placeholder with the moderator's
        reason, so they are listed too. Held ones only to their author and moderators."""
        if user is not None and getattr(user, "can_moderate", False):
            return self
        shown = Q(visibility__in=[Visibility.PUBLISHED, Visibility.HIDDEN])
        if user is not None and user.is_authenticated:
            shown |= Q(author=user)
        return self.filter(shown)

    def credited(self) -> ContributionQuerySet:
        """Contributions that may be named in public credits (changelog, compare, diff API): published
        ones only. A held post may identify someone; a hidden one was taken down by a moderator."""
        return self.filter(visibility=Visibility.PUBLISHED)

    def on_clause(self, anchor: str) -> ContributionQuerySet:
        return self.filter(clause_anchor=anchor)

    def undecided(self) -> ContributionQuerySet:
        return self.filter(decision__isnull=True).exclude(visibility=Visibility.HIDDEN)

    def for_listing(self) -> ContributionQuerySet:
        # Correlated subqueries, not joins: with ORDER BY created_at and a LIMIT the database counts only for
        # the rows it shows, however many replies there are in all.
        return self.select_related("author", "version", "decision", "round").annotate(
            endorsement_count=_count_of("community.Endorsement"),
            reply_count=_count_of("community.Reply", visibility=Visibility.PUBLISHED),
        ).order_by("-created_at", "-id")


class Contribution(MemberPost):
    kind = models.CharField(max_length=12, choices=ContributionKind.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contributions")
    clause_anchor = models.SlugField(max_length=100, blank=True, db_index=True)
    version = models.ForeignKey(
        PolicyVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The published version the member was reading.",
    )
    round = models.ForeignKey(
        "ConsultationRound", null=True, blank=True, on_delete=models.SET_NULL, related_name="contributions"
    )
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="The comment, rationale, information or dilemma.")
    proposed_text = models.TextField(blank=True, help_text="For an amendment: the clause as you would write it.")
    evidence = models.JSONField(default=list, blank=True, help_text="[{citation, url, summary}]")
    principles = models.ManyToManyField(Principle, blank=True, related_name="contributions")
    topics = models.ManyToManyField(Topic, blank=True, related_name="contributions")
    identifying_findings = models.JSONField(
        default=list, blank=True, help_text="Categories the checker found when it held this for moderation."
    )
    changes = models.ManyToManyField(ClauseChange, blank=True, related_name="contributions")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["clause_anchor", "-created_at"]),
            models.Index(fields=["-created_at", "-id"], name="contribution_recent"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:contribution", args=[self.pk])


class Reply(MemberPost):
    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="replies")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name_plural = "replies"

    def __str__(self) -> str:
        return f"Reply {self.pk} on {self.contribution_id}"


class Endorsement(models.Model):
    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="endorsements")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["contribution", "member"], name="one_endorsement_per_member")]

    def __str__(self) -> str:
        return f"Endorsement of {self.contribution_id} by {self.member_id}"


class Follow(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    clause_anchor = models.SlugField(max_length=100, blank=True)
    contribution = models.ForeignKey(Contribution, null=True, blank=True, on_delete=models.CASCADE, related_name="follows")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "clause_anchor"], condition=~Q(clause_anchor=""),
                                    name="follow_clause_once"),
            models.UniqueConstraint(fields=["user", "contribution"], condition=Q(contribution__isnull=False),
                                    name="follow_contribution_once"),
            models.CheckConstraint(
                condition=(~Q(clause_anchor="") & Q(contribution__isnull=True))
                | (Q(clause_anchor="") & Q(contribution__isnull=False)),
                name="follow_one_thing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.clause_anchor or self.contribution_id}"


class DigestFrequency(models.TextChoices):
    IMMEDIATE = "immediate", "As it happens"
    DAILY = "daily", "A daily digest"
    WEEKLY = "weekly", "A weekly digest"
    NEVER = "never", "No emails (see them on the site)"


class NotificationSettings(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings")
    email = models.CharField(max_length=10, choices=DigestFrequency.choices, default=DigestFrequency.DAILY)
    last_digest_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Email {self.email} for {self.user_id}"


class NotificationQuerySet(models.QuerySet["Notification"]):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.message


class Report(models.Model):
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    contribution = models.ForeignKey(Contribution, null=True, blank=True, on_delete=models.CASCADE, related_name="reports")
    reply = models.ForeignKey(Reply, null=True, blank=True, on_delete=models.CASCADE, related_name="reports")
    reason = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Report {self.pk}: {self.reason[:40]}"


class ConsultationRoundQuerySet(models.QuerySet["ConsultationRound"]):
    def open_now(self) -> ConsultationRoundQuerySet:
        now = timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)


class ConsultationRound(models.Model):
    title = models.CharField(max_length=200)
    description = models.TextField()
    questions = models.JSONField(default=list)
    section_anchors = models.JSONField(default=list, help_text="The sections the round asks about.")
    opens_at = models.DateTimeField(default=timezone.now)
    closes_at = models.DateTimeField()
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    response = models.TextField(blank=True, help_text='The public "you said, we did" response.')
    version = models.ForeignKey(PolicyVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="rounds")

    objects = ConsultationRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:round", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.opens_at <= timezone.now() < self.closes_at


class Outcome(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    ACCEPTED_IN_PART = "accepted-in-part", "Accepted in part"
    DECLINED = "declined", "Declined"
    DEFERRED = "deferred", "Deferred"


class Decision(models.Model):
    contribution = models.OneToOneField(Contribution, on_delete=models.CASCADE, related_name="decision")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    reason = models.TextField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.CheckConstraint(condition=~Q(reason=""), name="decision_has_a_reason")]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.contribution_id}"


class Attestation(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attestations")
    version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE, related_name="attestations")
    attested_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "version"], name="attest_once_per_version")]

    def __str__(self) -> str:
        return f"{self.user_id} read version {self.version_id}"


class Team(models.Model):
    """A manager's team or an educator's cohort. Members join by choice and can leave."""

    name = models.CharField(max_length=120)
    lead = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="teams_led")
    join_code = models.CharField(max_length=20, unique=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="teams")

    def __str__(self) -> str:
        return self.name
