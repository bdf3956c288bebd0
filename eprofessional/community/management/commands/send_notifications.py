from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from eprofessional.community.notifications import send_notification_emails, send_review_reminders


class Command(BaseCommand):
    help = "Email members their notifications (as they happen or as digests) and policy officers review reminders."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--base-url", default="http://127.0.0.1:8000", help="The site's address, for links.")

    def handle(self, *args: Any, **opts: Any) -> None:
        members = send_notification_emails(opts["base_url"])
        officers = send_review_reminders(opts["base_url"])
        self.stdout.write(f"Emailed {members} member(s); review reminders to {officers} officer(s).")
