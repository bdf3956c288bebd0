"""Members and staff.

A member has a UK nation and a role; any member may also be a supervisor (practice supervisor or practice
educator). Staff roles are flags so one person can hold several (a policy officer who also moderates).
"""

from __future__ import annotations

from datetime import timedelta
from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac


class Nation(models.TextChoices):
    ENGLAND = "england", "England"
    WALES = "wales", "Wales"
    SCOTLAND = "scotland", "Scotland"
    NORTHERN_IRELAND = "northern-ireland", "Northern Ireland"


class Role(models.TextChoices):
    SOCIAL_WORKER = "social-worker", "Social worker"
    STUDENT = "student", "Social work student"
    CARER = "carer", "Foster carer or carer"
    MANAGER = "manager", "Manager"
    EDUCATOR = "educator", "Educator"


class SupervisorKind(models.TextChoices):
    NONE = "", "Not a supervisor"
    PRACTICE_SUPERVISOR = "practice-supervisor", "Practice supervisor"
    PRACTICE_EDUCATOR = "practice-educator", "Practice educator"


FORMER_MEMBER = "A former member"


class UserQuerySet(models.QuerySet["User"]):
    def supervisors(self) -> UserQuerySet:
        return self.filter(is_active=True).exclude(supervisor_kind="")

    def policy_officers(self) -> UserQuerySet:
        return self.filter(is_active=True, is_policy_officer=True)

    def moderators(self) -> UserQuerySet:
        return self.filter(is_active=True, is_moderator=True)


class UserManager(DjangoUserManager.from_queryset(UserQuerySet)):  # type: ignore[misc]
    """Django's user manager (create_user, create_superuser) with the queries above."""


class User(AbstractUser):
    display_name = models.CharField(
        "name shown to others", max_length=120, blank=True,
        help_text="How your name appears when you are credited. Leave blank to use your username.",
    )
    nation = models.CharField(
        "UK nation", max_length=20, choices=Nation.choices, blank=True,
        help_text="The nation whose regulator and law apply to your practice.",
    )
    role = models.CharField(max_length=20, choices=Role.choices, blank=True)
    supervisor_kind = models.CharField(
        "supervisor", max_length=30, choices=SupervisorKind.choices, blank=True, default="",
        help_text="Practice supervisors and practice educators can be shared worksheets for supervision.",
    )
    credit_by_name = models.BooleanField(
        "credit me by name", default=True,
        help_text="Whether your name is shown when your contributions are credited, or 'a member'.",
    )
    is_policy_officer = models.BooleanField(default=False)
    is_moderator = models.BooleanField(default=False)
    # Administrators use Django's is_superuser / is_staff.
    closed_at = models.DateTimeField(
        null=True, blank=True,
        help_text="When the member deleted their account. The row stays, emptied of everything personal, so "
        "their public posts and staff decisions keep an author: 'a former member'.",
    )
    former_roles = models.CharField(
        max_length=100, blank=True, help_text="Staff roles held when the account was closed, for the audit log."
    )

    objects: ClassVar[UserManager] = UserManager()

    class Meta:
        ordering = ["username"]

    def __str__(self) -> str:
        return self.public_name

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def public_name(self) -> str:
        if self.closed_at is not None:
            return FORMER_MEMBER
        return self.display_name or self.get_full_name() or self.username

    @property
    def credited_as(self) -> str:
        """The name to show when this member's contribution is credited, honouring their choice."""
        return self.public_name if self.credit_by_name else "A member"

    @property
    def record_name(self) -> str:
        """How staff records (drafts, the audit log) name this person: by name, or once the account is
        closed, by the role they held ("A former policy officer")."""
        if self.closed_at is None:
            return self.public_name
        role = self.former_roles.split(",")[0].strip().lower()
        return f"A former {role}" if role else FORMER_MEMBER

    @property
    def is_supervisor(self) -> bool:
        return bool(self.supervisor_kind)

    @property
    def is_administrator(self) -> bool:
        return self.is_superuser

    # Staff permissions. Only active accounts hold them; an administrator holds every one.
    # eprofessional.accounts.permissions wraps these for views (and for anonymous visitors).

    @property
    def can_moderate(self) -> bool:
        return self.is_active and (self.is_moderator or self.is_superuser)

    @property
    def can_edit_policy(self) -> bool:
        """Draft policy changes and respond to contributions."""
        return self.is_active and (self.is_policy_officer or self.is_superuser)

    @property
    def can_approve_policy(self) -> bool:
        """Approve a version for publication. The workflow adds its own rule that the approver is not the
        author of the change."""
        return self.is_active and (self.is_policy_officer or self.is_superuser)

    @property
    def staff_roles(self) -> list[str]:
        roles = []
        if self.is_policy_officer:
            roles.append("Policy officer")
        if self.is_moderator:
            roles.append("Moderator")
        if self.is_superuser:
            roles.append("Administrator")
        return roles


def login_failure_key(identifier: str, address: str) -> str:
    """A keyed hash of what was typed as the username (or email) and the client address.

    Neither is stored in the clear, and no password ever is.
    """
    material = f"{identifier.strip().casefold()}|{address}"
    return salted_hmac("eprofessional.accounts.login-failure", material, algorithm="sha256").hexdigest()


class LoginFailureQuerySet(models.QuerySet["LoginFailure"]):
    def recent(self) -> LoginFailureQuerySet:
        since = timezone.now() - timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)
        return self.filter(at__gte=since)

    def is_locked(self, identifier: str, address: str) -> bool:
        """True after settings.LOGIN_ATTEMPTS failures within settings.LOGIN_LOCKOUT_SECONDS."""
        key = login_failure_key(identifier, address)
        return self.recent().filter(key=key).count() >= settings.LOGIN_ATTEMPTS

    def record(self, identifier: str, address: str) -> None:
        """Count one failure and forget failures too old to matter."""
        since = timezone.now() - timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)
        self.filter(at__lt=since).delete()
        self.create(key=login_failure_key(identifier, address))

    def clear(self, identifier: str, address: str) -> None:
        self.filter(key=login_failure_key(identifier, address)).delete()


class LoginFailure(models.Model):
    """A failed sign-in, kept only to throttle guessing. Holds no password, only a hashed key."""

    key = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = LoginFailureQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Failed sign-in at {self.at:%Y-%m-%d %H:%M}"
