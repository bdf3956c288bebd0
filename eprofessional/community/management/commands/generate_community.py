"""Generate a large synthetic community for load tests: members, contributions on clauses, replies,
endorsements. Bulk inserts (not the audited actions) so 10,000 members take seconds, not hours."""

from __future__ import annotations

import random
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from eprofessional.community.models import Contribution, ContributionKind, Endorsement, Reply
from eprofessional.policy.models import PolicyVersion


class Command(BaseCommand):
    help = "Generate a large synthetic community (default: 10,000 members, 5,000 contributions, 50,000 replies)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--members", type=int, default=10_000)
        parser.add_argument("--contributions", type=int, default=5_000)
        parser.add_argument("--replies", type=int, default=50_000)
        parser.add_argument("--seed", type=int, default=7)

    @transaction.atomic
    def handle(self, *args: Any, **opts: Any) -> None:
        rng = random.Random(opts["seed"])  # noqa: S311 - synthetic load data, not security
        current = PolicyVersion.objects.current()
        if current is None:
            raise CommandError("Load the content first (eprofessional load-content).")
        anchors = list(current.clauses.values_list("anchor", flat=True))
        user_model = get_user_model()
        start = user_model.objects.filter(username__startswith="load-").count()
        password = make_password(None)  # unusable: these accounts cannot sign in
        user_model.objects.bulk_create(
            [user_model(username=f"load-{start + i}", email=f"load-{start + i}@example.invalid", password=password,
                        nation=rng.choice(["england", "wales", "scotland", "northern-ireland"]),
                        role=rng.choice(["social-worker", "student", "carer", "manager", "educator"]))
             for i in range(opts["members"])],
            batch_size=2000,
        )
        members = list(user_model.objects.filter(username__startswith="load-").values_list("pk", flat=True))
        kinds = [ContributionKind.COMMENT, ContributionKind.AMENDMENT, ContributionKind.EVIDENCE]
        Contribution.objects.bulk_create(
            [Contribution(kind=rng.choice(kinds), author_id=rng.choice(members), clause_anchor=rng.choice(anchors),
                          version=current, title=f"Generated contribution {i}",
                          body="Generated for load testing. " * 5)
             for i in range(opts["contributions"])],
            batch_size=2000,
        )
        contribution_ids = list(Contribution.objects.filter(title__startswith="Generated contribution")
                                .values_list("pk", flat=True))
        Reply.objects.bulk_create(
            [Reply(contribution_id=rng.choice(contribution_ids), author_id=rng.choice(members),
                   body="A generated reply.") for _ in range(opts["replies"])],
            batch_size=5000,
        )
        pairs = {(rng.choice(contribution_ids), rng.choice(members)) for _ in range(opts["contributions"] * 3)}
        Endorsement.objects.bulk_create(
            [Endorsement(contribution_id=c, member_id=m) for c, m in pairs], batch_size=5000, ignore_conflicts=True,
        )
        self.stdout.write(f"{len(members)} load members, {len(contribution_ids)} contributions, "
                          f"{Reply.objects.count()} replies, {Endorsement.objects.count()} endorsements.")
