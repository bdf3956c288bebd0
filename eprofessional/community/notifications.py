"""Email: notifications as they happen or as a daily or weekly digest, and review reminders for policy
officers. Run ``eprofessional manage send_notifications`` from a scheduler (e.g. every 15 minutes)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.utils import timezone

from eprofessional.policy.models import PolicyVersion

from .models import DigestFrequency, Notification, NotificationSettings

PERIODS = {DigestFrequency.DAILY: dt.timedelta(days=1), DigestFrequency.WEEKLY: dt.timedelta(days=7)}


def _absolute(url: str, base_url: str) -> str:
    return base_url.rstrip("/") + url if url.startswith("/") else url


def send_notification_emails(base_url: str, now: dt.datetime | None = None) -> int:
    """Email unsent notifications to members according to their setting. Returns emails sent."""
    now = now or timezone.now()
    sent = 0
    user_model = get_user_model()
    pending_users = user_model.objects.filter(
        is_active=True, notifications__emailed_at__isnull=True, notifications__read_at__isnull=True
    ).exclude(email="").distinct()
    for user in pending_users.iterator():
        prefs, _ = NotificationSettings.objects.get_or_create(user=user)
        if prefs.email == DigestFrequency.NEVER:
            continue
        period = PERIODS.get(prefs.email)  # type: ignore[call-overload]
        if period is not None and prefs.last_digest_at and now - prefs.last_digest_at < period:
            continue
        items = list(Notification.objects.filter(user=user, emailed_at__isnull=True, read_at__isnull=True)
                     .order_by("created_at")[:50])
        if not items:
            continue
        subject = items[0].message if len(items) == 1 else f"{len(items)} updates from {settings.SITE_NAME}"
        body = "\n\n".join(f"{n.message}\n{_absolute(n.url, base_url)}" for n in items)
        body += (f"\n\nYou get these emails because you follow clauses or contributions. Change how often: "
                 f"{_absolute('/community/notifications/', base_url)}")
        send_mail(subject[:150], body, None, [user.email])
        Notification.objects.filter(pk__in=[n.pk for n in items]).update(emailed_at=now)
        prefs.last_digest_at = now
        prefs.save(update_fields=["last_digest_at"])
        sent += 1
    return sent


def send_review_reminders(base_url: str, today: dt.date | None = None, horizon_days: int = 30) -> int:
    """Once a day, email policy officers the sections due for review within the horizon or overdue."""
    today = today or timezone.localdate()
    key = f"review-reminders:{today.isoformat()}"
    if cache.get(key):
        return 0
    current = PolicyVersion.objects.current()
    if current is None:
        return 0
    due = list(current.sections.filter(review_by__lte=today + dt.timedelta(days=horizon_days)).order_by("review_by"))
    if not due:
        return 0
    lines = [f"{s.number}. {s.title}: {'overdue since' if s.review_by and s.review_by < today else 'due'} "
             f"{s.review_by:%d %B %Y}" for s in due]
    body = "Sections of the Social Media Policy due for review:\n\n" + "\n".join(lines)
    body += f"\n\nDashboard: {_absolute('/community/policy-team/', base_url)}"
    officers: Any = get_user_model().objects.policy_officers().exclude(email="")
    recipients = list(officers.values_list("email", flat=True))
    if recipients:
        send_mail(f"{len(due)} policy section(s) due for review", body, None, recipients)
    cache.set(key, True, 60 * 60 * 36)
    return len(recipients)
