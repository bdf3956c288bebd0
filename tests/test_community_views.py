"""The living-policy pages: who may see and do what, through the web, and that bad input is handled."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.utils import timezone

from eprofessional.community import actions
from eprofessional.community.models import Contribution, Decision, Visibility
from eprofessional.policy.models import PolicyVersion
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def anchor(content) -> str:
    return content.clauses.order_by("section__position", "position").first().anchor


@pytest.fixture
def amendment(content, alice, anchor) -> Contribution:
    return actions.contribute(
        alice, kind="amendment", title="Plainer wording", body="The clause is hard to follow on a phone.",
        clause_anchor=anchor, proposed_text="Keep it short.",
        evidence=[{"citation": "Team survey", "url": "https://example.org/survey", "summary": "12 of 15 agreed"}],
    )


def test_a_member_proposes_an_amendment_through_the_clause_page(client, alice, anchor) -> None:
    page = client.get(f"/community/clauses/{anchor}/")
    assert page.status_code == 200 and b"Sign in" in page.content
    client.force_login(alice)
    response = client.post(f"/community/clauses/{anchor}/", {
        "kind": "amendment", "title": "Name the apps", "body": "Workers ask which apps this covers.",
        "proposed_text": "This covers WhatsApp, Snapchat and TikTok.", "evidence_citation": "Practice experience",
        "evidence_url": "", "evidence_summary": "Asked at three team meetings", "credit_by_name": "anonymous",
    })
    c = Contribution.objects.get(title="Name the apps")
    assert response.status_code == 302 and response["Location"] == c.get_absolute_url()
    assert c.credit == "A member (anonymous)" and c.evidence[0]["citation"] == "Practice experience"
    detail = client.get(c.get_absolute_url())
    assert b"A member (anonymous)" in detail.content and b"Asked at three team meetings" in detail.content


def test_an_amendment_without_wording_gets_a_clear_error(client, alice, anchor) -> None:
    client.force_login(alice)
    response = client.post(f"/community/clauses/{anchor}/", {
        "kind": "amendment", "title": "T", "body": "B", "proposed_text": "", "credit_by_name": "name"})
    assert response.status_code == 200
    assert b"Write the clause as you would like it to read" in response.content
    assert not Contribution.objects.exists()


def test_unknown_clause_and_contribution_are_404(client) -> None:
    assert client.get("/community/clauses/no-such-clause/").status_code == 404
    assert client.get("/community/contributions/999999/").status_code == 404


def test_endorse_reply_and_follow_need_sign_in(client, amendment, charlie) -> None:
    for url in (f"/community/contributions/{amendment.pk}/endorse/", f"/community/contributions/{amendment.pk}/reply/"):
        response = client.post(url, {"reply-body": "x"})
        assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]
    client.force_login(charlie)
    client.post(f"/community/contributions/{amendment.pk}/endorse/")
    client.post(f"/community/contributions/{amendment.pk}/endorse/")
    assert amendment.endorsements.count() == 1
    client.post(f"/community/contributions/{amendment.pk}/reply/", {"reply-body": "Agreed."})
    assert amendment.replies.get().body == "Agreed."


@pytest.mark.parametrize("who", ["anonymous", "alice", "charlie", "olivia"])
def test_only_moderators_moderate(client, who, amendment, request) -> None:
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.post(f"/community/contributions/{amendment.pk}/moderate/",
                           {"mod-action": "hide", "mod-reason": "nope"})
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert "/accounts/sign-in/" in response["Location"]
    amendment.refresh_from_db()
    assert amendment.visibility == Visibility.PUBLISHED
    assert client.get("/community/moderation/").status_code in {302, 403}


def test_a_moderator_hides_a_reply_with_a_reason_shown_in_place(client, amendment, charlie, maud) -> None:
    r = actions.reply(charlie, amendment, "Rude remark")
    client.force_login(maud)
    assert client.get("/community/moderation/").status_code == 200
    client.post(f"/community/contributions/{amendment.pk}/moderate/",
                {"target_reply": r.pk, "mod-action": "hide", "mod-reason": "Not respectful"})
    r.refresh_from_db()
    assert r.is_hidden
    client.logout()
    page = client.get(amendment.get_absolute_url()).content.decode()
    assert "Hidden by a moderator: Not respectful" in page and "Rude remark" not in page


@pytest.mark.parametrize("who", ["anonymous", "alice", "maud"])
def test_only_policy_officers_decide_draft_and_see_drafts(client, who, amendment, request, content) -> None:
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    client.post(f"/community/contributions/{amendment.pk}/decide/",
                {"decision-outcome": "accepted", "decision-reason": "Good"})
    assert not Decision.objects.exists()
    for url in ("/community/policy-team/", "/community/policy-team/triage/", "/community/policy-team/drafts/",
                "/community/policy-team/calendar.ics", "/community/rounds/new/"):
        assert client.get(url).status_code in {302, 403}, url
    client.post("/community/policy-team/drafts/")
    assert not PolicyVersion.objects.filter(status="draft").exists()


def test_a_decision_needs_a_reason(client, amendment, olivia) -> None:
    client.force_login(olivia)
    client.post(f"/community/contributions/{amendment.pk}/decide/", {"decision-outcome": "accepted", "decision-reason": ""})
    assert not Decision.objects.exists()
    client.post(f"/community/contributions/{amendment.pk}/decide/",
                {"decision-outcome": "accepted", "decision-reason": "We will say it plainly"})
    assert Decision.objects.get().reason == "We will say it plainly"


def test_officers_run_the_loop_through_the_pages(client, content, amendment, olivia, oscar, anchor) -> None:
    client.force_login(olivia)
    assert client.get("/community/policy-team/").status_code == 200
    client.post("/community/policy-team/drafts/", {"summary": "Plainer words"})
    draft = PolicyVersion.objects.get(status="draft")
    assert client.get(f"/community/policy-team/drafts/{draft.number}/").status_code == 200
    edit_url = f"/community/policy-team/drafts/{draft.number}/clauses/{anchor}/"
    form = {"title": "Shorter", "text": "Keep it short.", "revision": "1", "reason": "Members asked",
            "material": "material", "contributions": str(amendment.pk)}
    assert client.post(edit_url, form).status_code == 302
    # Oscar had the same clause open at revision 1: he sees a conflict, and his text is kept in the form.
    client.force_login(oscar)
    conflict = client.post(edit_url, {**form, "text": "Oscar's version."})
    assert conflict.status_code == 409
    assert b"Someone else saved this clause" in conflict.content and b"Oscar&#x27;s version." in conflict.content
    # Olivia cannot approve her own draft; Oscar can.
    client.force_login(olivia)
    client.post(f"/community/policy-team/drafts/{draft.number}/approve/")
    draft.refresh_from_db()
    assert draft.approved_at is None
    client.force_login(oscar)
    client.post(f"/community/policy-team/drafts/{draft.number}/approve/")
    draft.refresh_from_db()
    assert draft.approved_by == oscar
    response = client.post(f"/community/policy-team/drafts/{draft.number}/publish/",
                           {"summary": "Plainer words", "response": "You said it was long; we shortened it."})
    assert response.status_code == 302
    assert PolicyVersion.objects.current() == draft
    changelog = client.get(f"/community/versions/{draft.number}/changelog/").content.decode()
    assert "Members asked" in changelog and "Plainer wording" in changelog and "Alice Ward" in changelog
    assert "You said it was long" in changelog


def test_calendar_feed_lists_review_dates(client, olivia, content) -> None:
    client.force_login(olivia)
    response = client.get("/community/policy-team/calendar.ics")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert body.startswith("BEGIN:VCALENDAR") and body.count("BEGIN:VEVENT") == content.sections.count()


def test_rounds_are_shown_and_opened_by_officers(client, olivia, content) -> None:
    client.force_login(olivia)
    section = content.sections.order_by("position").first()
    response = client.post("/community/rounds/new/", {
        "title": "Messaging apps", "description": "What has changed?", "questions": "What works?\nWhat worries you?",
        "sections": [section.anchor], "closes_on": (timezone.localdate() + dt.timedelta(days=30)).isoformat(),
    })
    assert response.status_code == 302
    assert b"Messaging apps" in client.get("/community/").content
    bad = client.post("/community/rounds/new/", {"title": "x", "description": "y", "questions": "q",
                                                  "sections": ["not-a-section"], "closes_on": "not a date"})
    assert bad.status_code == 200 and b"There is a problem" in bad.content


def test_exports_of_the_public_response_report(client, amendment, olivia, charlie) -> None:
    actions.decide(olivia, amendment, outcome="declined", reason="Covered elsewhere")
    actions.contribute(charlie, kind="information", title="Held one", body="x")
    Contribution.objects.filter(title="Held one").update(visibility=Visibility.HELD)
    rows = list(csv.DictReader(io.StringIO(b"".join(client.get("/community/export/contributions.csv").streaming_content).decode())))
    assert [r["title"] for r in rows] == ["Plainer wording"]
    assert rows[0]["decision"] == "declined" and rows[0]["reason"] == "Covered elsewhere"
    data = json.loads(client.get("/community/export/contributions.json").content)
    assert data["contributions"][0]["credit"] == "Alice Ward"
    assert client.get("/community/export/contributions.xml").status_code == 404


def test_team_leads_see_attestation_status_and_nothing_else(client, content, alice) -> None:
    manager = make_user("mona", role="manager")
    client.force_login(manager)
    client.post("/community/teams/", {"name": "North team"})
    code = manager.teams_led.get().join_code
    client.force_login(alice)
    client.post("/community/teams/", {"join_code": code})
    client.post("/community/attest/", {"version": str(content.number), "next": "/community/"})
    client.force_login(manager)
    page = client.get("/community/teams/").content.decode()
    assert "Alice Ward" in page and "Yes" in page
    client.force_login(alice)
    assert b"Create a team" not in client.get("/community/teams/").content


def test_notifications_are_private_to_their_owner(client, amendment, alice, charlie, olivia) -> None:
    actions.decide(olivia, amendment, outcome="accepted", reason="Yes")
    client.force_login(alice)
    assert b"Decision on" in client.get("/community/notifications/").content
    client.force_login(charlie)
    assert b"Decision on" not in client.get("/community/notifications/").content


def test_public_pages_are_cached_for_anonymous_readers_and_never_stale(client, amendment, charlie) -> None:
    url = amendment.get_absolute_url()
    assert b"No replies yet." in client.get(url).content
    assert b"No replies yet." in client.get(url).content  # from the cache
    actions.reply(charlie, amendment, "A new reply after caching")
    assert b"A new reply after caching" in client.get(url).content


def test_signed_in_pages_are_never_served_from_the_public_cache(client, amendment, alice) -> None:
    client.get(amendment.get_absolute_url())
    client.force_login(alice)
    page = client.get(amendment.get_absolute_url())
    assert b"Add to the discussion" in page.content and b"csrfmiddlewaretoken" in page.content
    client.logout()
    assert b"csrfmiddlewaretoken" not in client.get(amendment.get_absolute_url()).content


def test_open_rounds_show_on_the_home_page(client, content, olivia) -> None:
    actions.open_round(olivia, title="Dating apps and boundaries", description="d", questions=["q"],
                       section_anchors=[content.sections.first().anchor],
                       closes_at=timezone.now() + dt.timedelta(days=10))
    assert b"Dating apps and boundaries" in client.get("/").content


def test_csv_export_never_carries_a_spreadsheet_formula(client, content, alice) -> None:
    actions.contribute(alice, kind="information", title="=HYPERLINK(\"http://evil.example\")", body="x")
    body = b"".join(client.get("/community/export/contributions.csv").streaming_content).decode()
    assert "'=HYPERLINK" in body and ",=HYPERLINK" not in body


def test_calendar_subscription_link_works_without_sign_in_only_for_officers(client, content, olivia) -> None:
    from eprofessional.community.views import calendar_token

    url = f"/community/calendar/{calendar_token(olivia)}/reviews.ics"
    assert client.get(url).content.startswith(b"BEGIN:VCALENDAR")
    assert client.get("/community/calendar/forged-token/reviews.ics").status_code == 404
    olivia.is_policy_officer = False
    olivia.save()
    assert client.get(url).status_code == 404


def test_the_clause_chooser_on_have_your_say_leads_to_the_clause(client, content):
    html = client.get("/community/").content.decode()
    assert 'name="clause"' in html and 'value="no-friending-service-users"' in html
    response = client.get("/community/?clause=no-friending-service-users")
    assert response.status_code == 302
    assert response["Location"] == "/community/clauses/no-friending-service-users/"
    assert client.get("/community/?clause=not-a-clause").status_code == 200


def test_a_clause_discussion_links_the_dilemmas_that_use_the_clause(client, content):
    html = client.get("/community/clauses/no-friending-service-users/").content.decode()
    assert "Dilemmas that use this clause" in html
    assert 'href="/cases/care-leaver-friend-request-after-closure/"' in html
    assert 'aria-label="Breadcrumb"' in html
