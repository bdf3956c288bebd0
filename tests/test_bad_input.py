"""Bad input gets a clear message and never a 500: a sweep of every form and query parameter of the site.

Each form is submitted with its valid data except one field, set in turn to each bad value of its kind:
empty, blank, 100,000 characters, a NUL byte, control characters, words where numbers or dates belong,
unknown choices, huge, negative and non-ASCII numbers. Every submission must answer below 500 and, unless it
is a 403/404, show the member something (an error summary, a field error or a message). Raw bodies with
invalid UTF-8 and broken multipart are sent to every POST address too.

PostgreSQL rejects NUL bytes in text, where SQLite stores them silently; so that this sweep finds on SQLite
what would be a 500 on PostgreSQL, every query it runs fails the same way if a parameter holds a NUL.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import warnings
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from django.core import mail
from django.core.cache.backends.base import CacheKeyWarning
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DataError, connection
from PIL import Image

from eprofessional.community import actions
from eprofessional.community.models import Contribution, Reply
from eprofessional.guidance.models import Worksheet
from eprofessional.policy import workflow
from eprofessional.policy.models import PolicyVersion
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db

HUGE = "x" * 100_000
TEXT = {"empty": "", "blank": "   ", "huge": HUGE, "nul": "Bad\x00input", "control": "\x01\x02\x1b[31m\u202e\ufeff"}
NUMBER = {"empty": "", "word": "abc", "negative": "-1", "huge": "9" * 30, "fraction": "1.5",
          "superscript": "²", "nul": "1\x00"}
CHOICE = {"empty": "", "unknown": "xx", "huge": HUGE, "nul": "\x00", "number": "-1"}
DATE = {"empty": "", "word": "abc", "impossible": "2026-02-31", "year-zero": "0000-01-01",
        "far": "99999-12-31", "last": "9999-12-31", "first": "0001-01-01", "nul": "2026\x00"}
KINDS = {"text": TEXT, "number": NUMBER, "choice": CHOICE, "date": DATE}
FEEDBACK = ("There is a problem", "ep-error-summary", "ep-error-message", "ep-notification-banner")
PRINCIPLE = "COE-2014:3.2"


@pytest.fixture(autouse=True)
def nul_bytes_fail_like_postgresql() -> Iterator[None]:
    def guard(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        rows = params if many else [params]
        for row in rows or []:
            values = row.values() if isinstance(row, dict) else row or []
            if any(isinstance(v, str) and "\x00" in v for v in values):
                raise DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(guard):
        yield


def shows_feedback(response: Any) -> bool:
    body = response.content.decode("utf-8", errors="replace")
    return any(marker in body for marker in FEEDBACK)


def post(client: Any, url: str, data: dict[str, Any], **extra: Any) -> Any:
    """Post and follow; a form shown again (not redirected away from) must say what is wrong."""
    response = client.post(url, data, follow=True, **extra)
    assert response.status_code < 500, (url, response.status_code)
    if not response.redirect_chain and response.status_code not in (403, 404):
        assert shows_feedback(response), f"{url}: no message shown for {_short(data)}"
    return response


def _short(data: dict[str, Any]) -> dict[str, Any]:
    return {k: (v[:20] + "…" if isinstance(v, str) and len(v) > 20 else v) for k, v in data.items()}


def sweep(client: Any, url: str, valid: dict[str, Any], fields: dict[str, str], before: Any = None) -> None:
    """Submit ``valid`` with each field in turn set to each bad value of its kind."""
    for field, kind in fields.items():
        for value in KINDS[kind].values():
            if before:
                before()
            post(client, url, {**valid, field: value})
    raw_bodies(client, url)


def raw_bodies(client: Any, url: str) -> None:
    """Bodies no browser sends: invalid UTF-8, a broken multipart, a body that is not what it says."""
    for body, content_type in [
        (b"title=%FF%FE%00&body=\xff\xfe\x00", "application/x-www-form-urlencoded"),
        (b"--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n\xff\xfe", "multipart/form-data; boundary=b"),
        (b"--b\r\nbroken", "multipart/form-data; boundary=b"),
        (b"garbage", "multipart/form-data"),
        (b'{"title": "json"}', "application/json"),
    ]:
        response = client.post(url, body, content_type=content_type, follow=True)
        assert response.status_code < 500, (url, body, response.status_code)


# --- Accounts ---------------------------------------------------------------------------------------------

SIGN_UP = {"username": "newmember", "email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD,
           "display_name": "New Member", "nation": "wales", "role": "social-worker", "supervisor_kind": "none",
           "credit_by_name": "yes"}


def test_sign_up_and_sign_in(client: Any, content: Any) -> None:
    sweep(client, "/accounts/sign-up/", SIGN_UP, {
        "username": "text", "email": "text", "password1": "text", "display_name": "text", "nation": "choice",
        "role": "choice", "supervisor_kind": "choice", "credit_by_name": "choice",
    }, before=client.logout)
    client.logout()
    make_user("member")
    sweep(client, "/accounts/sign-in/", {"username": "member", "password": "wrong"},
          {"username": "text", "password": "text"})


def test_profile_edit_keeps_what_was_saved(client: Any, alice: Any) -> None:
    client.force_login(alice)
    valid = {"display_name": "Alice W", "email": "alice@example.org", "nation": "england",
             "role": "social-worker", "supervisor_kind": "none", "credit_by_name": "yes"}
    sweep(client, "/accounts/profile/edit/", valid, {k: "choice" if k in {"nation", "role", "supervisor_kind",
                                                                          "credit_by_name"} else "text"
                                                     for k in valid})
    alice.refresh_from_db()
    assert alice.email == "alice@example.org" and alice.nation == "england"
    assert alice.display_name in {"Alice Ward", "Alice W"}


def test_account_deletion_form(client: Any, alice: Any) -> None:
    client.force_login(alice)
    sweep(client, "/accounts/profile/delete/", {"password": "wrong"}, {"password": "text"})
    alice.refresh_from_db()
    assert alice.is_active and not alice.is_closed


def test_password_change_and_reset(client: Any, alice: Any) -> None:
    client.force_login(alice)
    sweep(client, "/accounts/password/",
          {"old_password": "wrong", "new_password1": "x", "new_password2": "y"},
          {"old_password": "text", "new_password1": "text", "new_password2": "text"})
    client.logout()
    sweep(client, "/accounts/password-reset/", {"email": "nobody@example.org"}, {"email": "text"})
    client.post("/accounts/password-reset/", {"email": "alice@example.org"})
    link = re.search(r"http://testserver(/accounts/password-reset/\S+/\S+/)", mail.outbox[-1].body)
    assert link
    form_url = client.get(link.group(1), follow=True).request["PATH_INFO"]
    sweep(client, form_url, {"new_password1": "short", "new_password2": "other"},
          {"new_password1": "text", "new_password2": "text"})
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


# --- The checker --------------------------------------------------------------------------------------------

def test_checker_form(client: Any) -> None:
    """Every draft gets either a result or a message; the checker stores nothing, so NUL bytes are fine."""
    for value in [*TEXT.values(), HUGE + "x"]:
        response = client.post("/check/", {"text": value})
        assert response.status_code == 200
        assert shows_feedback(response) or b"ep-risk ep-risk--" in response.content, value[:20]
    raw_bodies(client, "/check/")


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, "PNG")
    return out.getvalue()


BAD_FILES = [
    ("empty.jpg", b""),
    ("not-a-photo.jpg", b"this is text, not a JPEG"),
    ("truncated.png", _png()[:40]),
    ("x" * 300 + ".png", _png()),
    ("nul\x00name.png", _png()),
    ("\udcff.png".encode("utf-8", "surrogatepass").decode("utf-8", "replace"), _png()),
]


@pytest.mark.parametrize("url", ["/check/photo/", "/check/photo/clean-copy/"])
def test_photo_upload(client: Any, url: str) -> None:
    for name, data in BAD_FILES:
        response = client.post(url, {"photo": SimpleUploadedFile(name, data)})
        assert response.status_code < 500, name
        if response["Content-Type"].startswith("text/html"):
            assert shows_feedback(response) or b"photo-result-title" in response.content, name
    for value in TEXT.values():
        response = client.post(url, {"photo": value})
        assert response.status_code in (200, 400) and shows_feedback(response)
    raw_bodies(client, url)


def test_archive_upload(client: Any, alice: Any, settings: Any, tmp_path: Any) -> None:
    settings.VAR_DIR = tmp_path
    client.force_login(alice)
    broken_zip = io.BytesIO()
    with zipfile.ZipFile(broken_zip, "w") as zf:
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = [{")
    for name, data in [*BAD_FILES, ("posts.json", b'{"not": "posts"}'), ("posts.json", b"\xff\xfe\x00"),
                       ("Shares.csv", b"\xff\xfe,\x00\n"), ("archive.zip", broken_zip.getvalue()),
                       ("posts.json", b'[{"data": [{"post": "a\\u0000b"}], "timestamp": 99999999999999}]')]:
        response = client.post("/check/archive/", {"archive": SimpleUploadedFile(name, data)}, follow=True)
        assert response.status_code < 500, name
        assert shows_feedback(response) or b"ep-stats" in response.content, name
    raw_bodies(client, "/check/archive/")


# --- Worksheets ---------------------------------------------------------------------------------------------

def worksheet_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "title": "Messaging a parent", "facts": "The young person has been messaging a parent.",
        "people_affected": "The young person", "law_and_policy": "Children Act 1989", "decision": "Review",
        "rationale": "Safety", "record": "Plan", "supervision_questions": "Listening?",
        "options-TOTAL_FORMS": "1", "options-INITIAL_FORMS": "0", "options-MIN_NUM_FORMS": "0",
        "options-MAX_NUM_FORMS": "12", "options-0-option": "Block", "options-0-benefits": "Quick",
        "options-0-risks": "Secrecy", "tensions-TOTAL_FORMS": "1", "tensions-INITIAL_FORMS": "0",
        "tensions-MIN_NUM_FORMS": "0", "tensions-MAX_NUM_FORMS": "20", "tensions-0-principle": PRINCIPLE,
        "tensions-0-notes": "Risk now",
    }
    data.update(overrides)
    return data


WORKSHEET_FIELDS = {
    "title": "text", "facts": "text", "options-0-option": "text", "tensions-0-notes": "text",
    "tensions-0-principle": "choice", "options-TOTAL_FORMS": "number", "tensions-TOTAL_FORMS": "number",
    "options-INITIAL_FORMS": "number", "save_anyway": "choice",
}


@pytest.fixture
def worksheet(alice: Any, content: Any) -> Worksheet:
    return Worksheet.objects.create(author=alice, title="Kept", facts="Facts to keep", options=[{"option": "A"}])


def test_new_worksheet(client: Any, alice: Any, content: Any) -> None:
    client.force_login(alice)
    for key, value in CHOICE.items():
        assert client.get("/worksheets/new/", {"case": value}).status_code == 200, key
    sweep(client, "/worksheets/new/", worksheet_data(), WORKSHEET_FIELDS)
    assert not Worksheet.objects.filter(title="").exists()


def _snapshot(w: Worksheet) -> tuple[Any, ...]:
    w.refresh_from_db()
    return (w.title, w.facts, w.options, [(t.principle_id, t.notes) for t in w.tensions.all()])


def test_editing_a_worksheet_with_bad_input_does_not_wipe_it(client: Any, alice: Any, worksheet: Worksheet) -> None:
    """Whatever is sent, the worksheet is either saved as sent (with a message) or left exactly as it was."""
    client.force_login(alice)
    url = f"/worksheets/{worksheet.pk}/edit/"
    kept = _snapshot(worksheet)
    for field, kind in WORKSHEET_FIELDS.items():
        for value in KINDS[kind].values():
            response = post(client, url, worksheet_data(**{field: value}))
            if b"Worksheet saved." in response.content:
                assert "\x00" not in str(_snapshot(worksheet))
                Worksheet.objects.filter(pk=worksheet.pk).update(title="Kept", facts="Facts to keep",
                                                                 options=[{"option": "A"}])
                worksheet.tensions.all().delete()
            else:
                assert _snapshot(worksheet) == kept, (field, value[:20])
    raw_bodies(client, url)
    assert _snapshot(worksheet) == kept


def test_sharing_and_comments(client: Any, alice: Any, bob: Any, worksheet: Worksheet) -> None:
    client.force_login(alice)
    sweep(client, f"/worksheets/{worksheet.pk}/share/", {"username": "nobody"}, {"username": "text"})
    worksheet.refresh_from_db()
    assert worksheet.shared_with is None
    sweep(client, f"/worksheets/{worksheet.pk}/comments/", {"body": "A comment", "parent": ""},
          {"body": "text", "parent": "number"})
    assert not worksheet.comments.filter(body__in=["", "   "]).exists()


# --- Community ----------------------------------------------------------------------------------------------

@pytest.fixture
def anchor(content: Any) -> str:
    return content.clauses.order_by("section__position", "position").first().anchor


@pytest.fixture
def contribution(content: Any, alice: Any, anchor: str) -> Contribution:
    return actions.contribute(alice, kind="comment", title="Plainer", body="Hard to follow.", clause_anchor=anchor)


CONTRIBUTION = {"kind": "comment", "title": "A title", "body": "Some words.", "proposed_text": "",
                "evidence_citation": "", "evidence_url": "", "evidence_summary": "", "credit_by_name": "name",
                "principles": PRINCIPLE}
CONTRIBUTION_FIELDS = {"kind": "choice", "title": "text", "body": "text", "evidence_url": "text",
                       "principles": "choice", "topics": "choice", "credit_by_name": "choice"}


def test_contributions(client: Any, charlie: Any, anchor: str, contribution: Contribution) -> None:
    client.force_login(charlie)
    sweep(client, f"/community/clauses/{anchor}/", CONTRIBUTION, CONTRIBUTION_FIELDS)
    general = {**CONTRIBUTION, "kind": "information"}
    sweep(client, "/community/contribute/", general, {**CONTRIBUTION_FIELDS, "round": "number"})
    for value in NUMBER.values():
        assert client.get("/community/contribute/", {"round": value}).status_code == 200


def test_replies_reports_endorsements_and_follows(client: Any, charlie: Any, contribution: Contribution) -> None:
    client.force_login(charlie)
    base = f"/community/contributions/{contribution.pk}"
    reply = actions.reply(charlie, contribution, "First reply")
    sweep(client, f"{base}/reply/", {"reply-body": "A reply", "reply-parent": str(reply.pk)},
          {"reply-body": "text", "reply-parent": "number"})
    sweep(client, f"{base}/report/", {"report-reason": "Rude", "target_reply": str(reply.pk)},
          {"report-reason": "text", "target_reply": "number"})
    sweep(client, f"{base}/endorse/", {"withdraw": ""}, {"withdraw": "choice"})
    sweep(client, "/community/follow/", {"contribution": str(contribution.pk), "clause": "", "stop": ""},
          {"contribution": "number", "clause": "choice", "stop": "choice"})
    assert Reply.objects.get(pk=reply.pk).body == "First reply"
    for param in ("reply_to", "report", "moderate"):
        for value in [*NUMBER.values(), "reply-²", "reply-" + "9" * 30]:
            assert client.get(f"{base}/", {param: value}).status_code == 200, (param, value)


def test_moderation_and_decisions(client: Any, maud: Any, olivia: Any, contribution: Contribution) -> None:
    base = f"/community/contributions/{contribution.pk}"
    reply = actions.reply(maud, contribution, "A reply")
    client.force_login(maud)
    sweep(client, f"{base}/moderate/", {"mod-action": "hide", "mod-reason": "Off topic", "mod-new_body": "",
                                        "target_reply": str(reply.pk)},
          {"mod-action": "choice", "mod-reason": "text", "mod-new_body": "text", "target_reply": "number"})
    client.force_login(olivia)
    sweep(client, f"{base}/decide/", {"decision-outcome": "bogus", "decision-reason": "Because"},
          {"decision-outcome": "choice", "decision-reason": "text"})


def test_notifications_rounds_teams_and_attestation(client: Any, olivia: Any, content: Any) -> None:
    client.force_login(olivia)
    sweep(client, "/community/notifications/", {"email": "never"}, {"email": "choice"})
    section = content.sections.order_by("position").first()
    closes = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    sweep(client, "/community/rounds/new/", {"title": "Round", "description": "D", "questions": "Q?",
                                             "sections": section.anchor, "closes_on": closes},
          {"title": "text", "description": "text", "questions": "text", "sections": "choice",
           "closes_on": "date"})
    lead = make_user("mona", role="manager")
    client.force_login(lead)
    sweep(client, "/community/teams/", {"name": "North"}, {"name": "text"})
    sweep(client, "/community/teams/", {"join_code": "nope"}, {"join_code": "text"})
    sweep(client, "/community/teams/", {"leave": "1"}, {"leave": "number"})
    sweep(client, "/community/attest/", {"version": str(content.number), "next": "/"},
          {"version": "number", "next": "text"})


@pytest.fixture
def draft(content: Any, olivia: Any) -> PolicyVersion:
    return workflow.start_draft(olivia, summary="Draft")


def test_drafting_forms(client: Any, olivia: Any, oscar: Any, draft: PolicyVersion, anchor: str) -> None:
    client.force_login(olivia)
    base = f"/community/policy-team/drafts/{draft.number}"
    sweep(client, f"{base}/clauses/{anchor}/", {"title": "T", "text": "", "revision": "1", "reason": "R",
                                                 "material": "material", "contributions": ""},
          {"title": "text", "text": "text", "revision": "number", "reason": "text", "material": "choice",
           "contributions": "number"})
    clause = draft.clauses.get(anchor=anchor)
    assert clause.text.strip() and "\x00" not in clause.text + clause.title  # edited or kept, never wiped
    section = draft.sections.order_by("position").first()
    sweep(client, f"{base}/add/", {"section": section.anchor, "title": "New", "anchor": "", "text": "T",
                                   "principles": PRINCIPLE, "topics": "", "reason": "", "contributions": ""},
          {"section": "choice", "title": "text", "anchor": "text", "principles": "choice", "topics": "choice",
           "reason": "text", "contributions": "number"})
    sweep(client, f"{base}/clauses/no-such-clause/remove/", {"reason": "Gone", "contributions": ""},
          {"reason": "text", "contributions": "number"})
    sweep(client, f"{base}/clauses/{anchor}/move/", {"section": "nowhere", "position": "1", "reason": "R"},
          {"section": "choice", "position": "number", "reason": "text"})
    client.force_login(oscar)
    sweep(client, f"{base}/approve/", {"withdraw": "yes", "reason": "Not yet"},
          {"withdraw": "choice", "reason": "text"})
    sweep(client, f"{base}/publish/", {"summary": "", "response": "", "publish_on": ""},
          {"summary": "text", "response": "text", "publish_on": "date"})
    assert draft.clauses.filter(anchor=anchor).exists()


def test_starting_a_draft_with_bad_summaries(client: Any, olivia: Any, content: Any) -> None:
    client.force_login(olivia)
    for value in TEXT.values():
        post(client, "/community/policy-team/drafts/", {"summary": value})
        for version in PolicyVersion.objects.filter(status="draft"):
            assert "\x00" not in version.summary
            version.delete()


# --- Query parameters and addresses -----------------------------------------------------------------------

BAD_PARAMS = [*NUMBER.values(), "99999", "xx", HUGE]


def test_query_parameters(client: Any, alice: Any, olivia: Any, content: Any, contribution: Contribution,
                          anchor: str) -> None:
    def get(url: str, params: dict[str, str]) -> None:
        response = client.get(url, params)
        assert response.status_code < 500, (url, _short(params))

    for value in BAD_PARAMS:
        get("/policy/compare/", {"from": "1", "to": value})
        get("/policy/compare/", {"from": value, "to": "1"})
        get("/search/", {"q": value})
        get("/cases/", {"topic": value, "setting": value})
        get(f"/community/clauses/{anchor}/", {"page": value})
        get("/api/search", {"q": "friend request", "limit": value})
        get("/api/policy/diff", {"from": value, "to": "1"})
    for value in ("xx", "\x00", ""):  # the whole policy is a big page: a few values only
        get("/policy/", {"nation": value})
    client.force_login(olivia)
    for value in BAD_PARAMS:
        get("/community/policy-team/triage/", {"page": value})
        get("/community/notifications/", {"page": value})
    response = client.get("/policy/compare/", {"from": "1", "to": "abc"})
    assert response.status_code == 400 and shows_feedback(response)


HUGE_NUMBER = "9" * 30


@pytest.mark.parametrize("path", [
    f"/policy/versions/{HUGE_NUMBER}/", f"/policy/versions/{HUGE_NUMBER}/pdf/", "/policy/principles/%00/",
    "/policy/principles/" + "x" * 5000 + "/", "/policy/clauses/" + "x" * 5000 + "/",
    f"/worksheets/{HUGE_NUMBER}/", f"/worksheets/{HUGE_NUMBER}/edit/", f"/worksheets/{HUGE_NUMBER}/export.md",
    f"/community/contributions/{HUGE_NUMBER}/", f"/community/rounds/{HUGE_NUMBER}/",
    f"/community/versions/{HUGE_NUMBER}/changelog/", f"/community/policy-team/drafts/{HUGE_NUMBER}/",
    "/community/export/contributions.%00", "/cases/%00/", "/check/archive/00000000-0000-0000-0000-000000000000/",
    f"/api/policy/versions/{HUGE_NUMBER}", f"/api/worksheets/{HUGE_NUMBER}", "/api/policy/versions/%C2%B2",
])
def test_addresses_with_bad_parts_are_not_found(client: Any, olivia: Any, content: Any, path: str) -> None:
    client.force_login(olivia)
    assert client.get(path).status_code in (400, 404, 422)


# --- The 500s this sweep found, one test each ------------------------------------------------------------

def test_non_ascii_digits_are_not_version_numbers(client: Any, content: Any) -> None:
    # "²".isdigit() is True but int("²") raises: both used to be a 500.
    page = client.get("/policy/compare/", {"from": "²", "to": "1"})
    assert page.status_code == 400 and b"Choose two versions to compare" in page.content
    api = client.get("/api/policy/diff", {"from": "²", "to": "1"})
    assert api.status_code == 400 and "must be a version number" in api.json()["detail"]


def test_non_ascii_digits_in_community_forms(client: Any, charlie: Any, maud: Any, contribution: Contribution) -> None:
    client.force_login(charlie)
    assert client.post("/community/contribute/", {**CONTRIBUTION, "kind": "information", "round": "²"}).status_code == 302
    assert client.get(f"/community/contributions/{contribution.pk}/", {"reply_to": "²"}).status_code == 200
    assert client.post("/community/attest/", {"version": "²"}).status_code == 302
    client.force_login(maud)
    response = client.post(f"/community/contributions/{contribution.pk}/moderate/",
                           {"mod-action": "hide", "mod-reason": "Spam", "target_reply": "²"})
    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.visibility == "hidden"


def test_leaving_a_team_that_is_not_a_number_is_not_found(client: Any, alice: Any) -> None:
    client.force_login(alice)
    assert client.post("/community/teams/", {"leave": "abc"}).status_code == 404
    assert client.post("/community/teams/", {"leave": ""}).status_code == 404


def test_following_nothing_says_so(client: Any, alice: Any, content: Any) -> None:
    client.force_login(alice)
    for clause in ("", "not a slug", "x" * 200):
        response = client.post("/community/follow/", {"clause": clause}, follow=True)
        assert response.status_code == 200 and b"Choose a clause or a contribution to follow" in response.content


def test_draft_numbers_with_other_digits(client: Any, olivia: Any, draft: PolicyVersion, anchor: str) -> None:
    client.force_login(olivia)
    base = f"/community/policy-team/drafts/{draft.number}"
    assert client.post(f"{base}/clauses/{anchor}/move/", {"section": "x", "position": "²"}).status_code == 302
    edit = client.post(f"{base}/clauses/{anchor}/", {"title": "T", "text": "New text", "revision": "1",
                                                     "reason": "R", "material": "material", "contributions": "²"})
    assert edit.status_code == 302
    assert client.post(f"{base}/clauses/{anchor}/remove/", {"reason": "R", "contributions": "²,1"}).status_code == 302
    assert not draft.clauses.filter(anchor=anchor).exists()


# --- NUL bytes: PostgreSQL cannot store them -------------------------------------------------------------

def test_a_nul_byte_in_a_form_gets_a_clear_message_and_saves_nothing(client: Any, alice: Any) -> None:
    client.force_login(alice)
    response = client.post("/worksheets/new/", worksheet_data(title="Bad\x00title"))
    assert response.status_code == 200 and b"Null characters are not allowed" in response.content
    assert not Worksheet.objects.exists()


def test_a_nul_byte_sent_to_the_api_is_answered(client: Any, content: Any) -> None:
    checked = client.post("/api/check", {"text": "Call me\x00 on 07700 900123"}, content_type="application/json")
    assert checked.status_code == 200 and checked.json()["risk"] in {"review", "stop"}
    assert client.get("/api/search", {"q": "friend\x00request"}).status_code == 200
    assert client.get("/api/policy/diff", {"from": "\x00", "to": "1"}).status_code == 400


def test_nul_bytes_in_raw_parameters_are_dropped_or_not_found(client: Any, alice: Any, olivia: Any,
                                                              content: Any) -> None:
    client.force_login(alice)
    assert client.get("/worksheets/new/", {"case": "\x00"}).status_code == 200
    assert client.get("/policy/principles/%00/").status_code == 404
    client.force_login(olivia)
    client.post("/community/policy-team/drafts/", {"summary": "Plainer\x00 words"})
    assert PolicyVersion.objects.get(status="draft").summary == "Plainer words"


def test_an_archive_post_with_a_nul_byte_is_audited(client: Any, alice: Any, settings: Any, tmp_path: Any) -> None:
    from eprofessional.checks.models import AuditJob

    settings.VAR_DIR = tmp_path
    client.force_login(alice)
    posts = [{"timestamp": 1700000000, "data": [{"post": "Visited Jayden Smith\u0000 at home today"}]}]
    data = json.dumps(posts).encode()
    client.post("/check/archive/", {"archive": SimpleUploadedFile("posts.json", data)})
    job = AuditJob.objects.get()
    assert job.status == "done", job.error
    assert "\x00" not in job.posts.get().text


def test_a_very_long_address_is_served_from_the_public_page_cache(client: Any, anchor: str) -> None:
    """The cache key used to hold the whole address; the database cache's key column holds 255 characters,
    so on PostgreSQL a long ?page= was a 500."""
    url = f"/community/clauses/{anchor}/?page={'x' * 5000}"
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheKeyWarning)
        first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200 and first.content == second.content
