"""Query counts of the clause, contribution and dashboard pages stay flat as the community grows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eprofessional.community import actions
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def grow(anchor: str, n: int, start: int) -> None:
    for i in range(start, start + n):
        member = make_user(f"member{i}")
        c = actions.contribute(member, kind="comment", title=f"Comment {i}", body="A thought.", clause_anchor=anchor)
        other = make_user(f"replier{i}")
        actions.reply(other, c, "A reply.")
        actions.endorse(other, c)


def test_pages_do_a_fixed_number_of_queries(client, content, alice, olivia) -> None:
    anchor = content.clauses.order_by("section__position", "position").first().anchor
    first = actions.contribute(alice, kind="comment", title="First", body="x", clause_anchor=anchor)
    grow(anchor, 3, 0)
    for i in range(3):
        actions.reply(make_user(f"early{i}"), first, "Reply")
    client.force_login(olivia)
    urls = [f"/community/clauses/{anchor}/", first.get_absolute_url(), "/community/policy-team/",
            "/community/policy-team/triage/", "/community/"]
    before = {url: queries(client, url) for url in urls}
    grow(anchor, 20, 100)
    for i in range(20):
        actions.reply(make_user(f"late{i}"), first, "Reply")
    after = {url: queries(client, url) for url in urls}
    assert after == before


def test_generate_community_command(content) -> None:
    from django.core.management import call_command

    from eprofessional.community.models import Contribution, Reply

    call_command("generate_community", members=50, contributions=30, replies=200, stdout=__import__("io").StringIO())
    assert Contribution.objects.count() == 30 and Reply.objects.count() == 200
