"""``eprofessional demo``: demo accounts, one per role, with their passwords printed.

Demo activity through the living-policy workflow (contributions, debate, decisions and a second published
version citing them) is added by that workflow's own module when it exists: see ``DEMO_ACTIVITY``.
"""

from __future__ import annotations

import argparse
import secrets
from collections.abc import Callable

from django.db import transaction

from eprofessional.accounts.models import Nation, Role, SupervisorKind, User

DEMO_ACCOUNTS: list[dict[str, object]] = [
    {"username": "demo-worker", "display_name": "Sam Worker (demo)", "role": Role.SOCIAL_WORKER, "nation": Nation.ENGLAND},
    {"username": "demo-student", "display_name": "Priya Student (demo)", "role": Role.STUDENT, "nation": Nation.WALES},
    {"username": "demo-carer", "display_name": "Jo Carer (demo)", "role": Role.CARER, "nation": Nation.SCOTLAND},
    {"username": "demo-manager", "display_name": "Morgan Manager (demo)", "role": Role.MANAGER, "nation": Nation.NORTHERN_IRELAND},
    {"username": "demo-educator", "display_name": "Eden Educator (demo)", "role": Role.EDUCATOR, "nation": Nation.ENGLAND},
    {"username": "demo-supervisor", "display_name": "Sol Supervisor (demo)", "role": Role.SOCIAL_WORKER,
     "nation": Nation.ENGLAND, "supervisor_kind": SupervisorKind.PRACTICE_SUPERVISOR},
    {"username": "demo-officer", "display_name": "Olu Officer (demo)", "role": Role.SOCIAL_WORKER,
     "nation": Nation.ENGLAND, "is_policy_officer": True},
    {"username": "demo-officer2", "display_name": "Ola Officer (demo)", "role": Role.MANAGER,
     "nation": Nation.WALES, "is_policy_officer": True},
    {"username": "demo-moderator", "display_name": "Max Moderator (demo)", "role": Role.SOCIAL_WORKER,
     "nation": Nation.SCOTLAND, "is_moderator": True},
    {"username": "demo-admin", "display_name": "Ade Admin (demo)", "role": Role.MANAGER,
     "nation": Nation.ENGLAND, "is_superuser": True, "is_staff": True},
]

# Functions that add demo activity, registered by the apps that own it: each receives the accounts by
# username and returns lines for the report.
DEMO_ACTIVITY: list[Callable[[dict[str, User]], list[str]]] = []


@transaction.atomic
def create_demo_accounts() -> list[tuple[User, str]]:
    created = []
    for spec in DEMO_ACCOUNTS:
        fields = dict(spec)
        username = str(fields.pop("username"))
        password = secrets.token_urlsafe(9)
        user, _ = User.objects.update_or_create(
            username=username, defaults={**fields, "email": f"{username}@demo.invalid"}
        )
        user.set_password(password)
        user.save()
        created.append((user, password))
    return created


def run_demo(args: argparse.Namespace) -> int:
    accounts = create_demo_accounts()
    print("Demo accounts (passwords are new each time you run this command):")
    width = max(len(u.username) for u, _ in accounts)
    for user, password in accounts:
        roles = ", ".join([user.get_role_display() or "member", *user.staff_roles])
        if user.is_supervisor:
            roles += f", {user.get_supervisor_kind_display().lower()}"
        print(f"  {user.username.ljust(width)}  {password}  ({roles})")
    by_username = {u.username: u for u, _ in accounts}
    for add_activity in DEMO_ACTIVITY:
        for line in add_activity(by_username):
            print(line)
    if not DEMO_ACTIVITY:
        print("No demo activity yet: the living-policy workflow that creates it is not built yet.")
    return 0
