from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from eprofessional.community import actions
from eprofessional.community.models import NotificationSettings
from eprofessional.community.notifications import send_notification_emails, send_review_reminders

pytestmark = pytest.mark.django_db


def test_digest_emails_respect_each_members_setting(content, alice, bob, charlie) -> None:
    anchor = content.clauses.first().anchor
    for member in (bob, charlie):
        actions.follow(member, clause_anchor=anchor)
    NotificationSettings.objects.create(user=charlie, email="never")
    NotificationSettings.objects.create(user=bob, email="daily")
    actions.contribute(alice, kind="comment", title="First", body="x", clause_anchor=anchor)
    actions.contribute(alice, kind="comment", title="Second", body="y", clause_anchor=anchor)
    now = timezone.now()
    assert send_notification_emails("https://ep.example", now=now) == 1
    assert [m.to for m in mail.outbox] == [["bob@example.org"]]
    assert "2 updates" in mail.outbox[0].subject and "https://ep.example/community/" in mail.outbox[0].body
    actions.contribute(alice, kind="comment", title="Third", body="z", clause_anchor=anchor)
    assert send_notification_emails("https://ep.example", now=now + dt.timedelta(hours=2)) == 0  # daily digest
    assert send_notification_emails("https://ep.example", now=now + dt.timedelta(days=1, minutes=1)) == 1


def test_review_reminders_go_to_policy_officers_once_a_day(content, olivia) -> None:
    section = content.sections.first()
    section.review_by = timezone.localdate() + dt.timedelta(days=5)
    section.save()
    assert send_review_reminders("https://ep.example") == 1
    assert section.title in mail.outbox[0].body
    assert send_review_reminders("https://ep.example") == 0
