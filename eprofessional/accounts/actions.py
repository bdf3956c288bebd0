"""Closing an account: the one place that erases a member's private records (privacy by design).

``close_account`` runs in one transaction and writes one audit event. It deletes what was only ever the
member's own: worksheets (with their principles and every comment on them), sharing of other people's
worksheets with them, notifications and email settings, follows, attestations, teams they lead and their
places in teams, archive audit jobs with their results and any upload still waiting, and contributions
and replies that were never published (held for moderation: they may identify someone).

The public record stays coherent. The ``User`` row is kept but emptied of everything personal (name,
username, email, password, nation, role, roles), so published contributions, replies, endorsements, reports,
decisions, consultation rounds and policy drafts keep an author, shown as "A former member"
(``User.public_name``); staff records and the audit log name them by the role they held ("A former policy
officer", ``User.record_name``). Foreign keys that PROTECT (decisions, rounds) are never touched. The
account can no longer sign in, and its old sessions and password-reset links stop working.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from eprofessional.core.models import audit
from eprofessional.core.pagecache import bump


class CloseError(Exception):
    """Why this account cannot be closed here, in words fit to show the member."""


@transaction.atomic
def close_account(user: Any) -> dict[str, int]:
    """Erase the member's private records and empty their account. Returns what was removed, by kind."""
    from eprofessional.accounts.models import User
    from eprofessional.checks import auditing
    from eprofessional.checks.models import AuditJob
    from eprofessional.community.models import (
        Attestation,
        Contribution,
        Follow,
        Notification,
        NotificationSettings,
        Reply,
        Team,
        Visibility,
    )
    from eprofessional.guidance.models import Worksheet

    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_closed:
        raise CloseError("This account has already been deleted.")
    if user.is_superuser and not User.objects.filter(is_superuser=True, is_active=True).exclude(pk=user.pk).exists():
        raise CloseError(
            "You are the only administrator. Make another member an administrator before you delete your account."
        )

    removed: dict[str, int] = {}
    removed["worksheets"] = Worksheet.objects.filter(author=user).count()
    Worksheet.objects.filter(author=user).delete()  # their principles and comments go with them
    removed["worksheets_unshared"] = Worksheet.objects.filter(shared_with=user).update(
        shared_with=None, shared_at=None
    )
    removed["notifications"] = Notification.objects.filter(user=user).delete()[0]
    NotificationSettings.objects.filter(user=user).delete()
    removed["follows"] = Follow.objects.filter(user=user).delete()[0]
    removed["attestations"] = Attestation.objects.filter(user=user).delete()[0]
    removed["teams_led"] = Team.objects.filter(lead=user).count()
    Team.objects.filter(lead=user).delete()
    user.teams.clear()
    # Never published: held for moderation because they may identify someone. Replies by others to a held
    # reply cannot exist (nobody else could see it), so nothing public goes with them.
    removed["held_replies"] = Reply.objects.filter(author=user, visibility=Visibility.HELD).count()
    Reply.objects.filter(author=user, visibility=Visibility.HELD).delete()
    removed["held_contributions"] = Contribution.objects.filter(author=user, visibility=Visibility.HELD).count()
    Contribution.objects.filter(author=user, visibility=Visibility.HELD).delete()
    jobs = list(AuditJob.objects.filter(owner=user))
    removed["archive_audits"] = len(jobs)
    for job in jobs:
        auditing.delete_job(job)  # the job, its rows and any upload still waiting

    roles = ", ".join(user.staff_roles)
    user.former_roles = roles
    user.closed_at = timezone.now()
    user.username = f"closed-{secrets.token_hex(8)}"
    user.email = ""
    user.first_name = user.last_name = user.display_name = ""
    user.nation = user.role = user.supervisor_kind = ""
    user.credit_by_name = False
    user.is_active = user.is_staff = user.is_superuser = False
    user.is_policy_officer = user.is_moderator = False
    user.last_login = None
    user.set_unusable_password()  # also ends every session and voids password-reset links
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    audit(user, "account.close", f"user:{user.pk}", roles=roles, removed=removed)
    # Cached public pages credit the member by name: make them stale now, not when they expire.
    bump("community")
    return removed
