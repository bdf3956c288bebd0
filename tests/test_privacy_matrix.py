"""The privacy matrix: every URL pattern of the project, pages and API, declares who may see it.

``PRIVACY`` below is the one table. A URL pattern that is not in it fails ``test_every_url_is_classified``,
so a new feature has to declare its privacy (and give a sample request in ``samples``) before it lands.

Classes:

- public: anyone, signed in or not. Public pages that list member posts still must not show held ones.
- member: needs sign-in; shows only the member's own things (or public ones).
- owner-private: a private record: its owner (and whom they share it with) only; anyone else gets a 404
  (pages and API alike), never the content; signed-out readers are sent to sign in (API: 401/403).
- staff-only: policy officers, moderators or Django staff; other members get 403.

For every non-public pattern, real records are made for alice (shared with bob where sharing exists), each
carrying a unique marker, and the response to anonymous readers, to charlie, to bob and to the right staff
member is checked, including that the marker never appears where it should not.
"""

from __future__ import annotations

import datetime as dt
import secrets
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from tests.conftest import make_user

PUBLIC, MEMBER, OWNER, STAFF = "public", "member", "owner-private", "staff-only"

# route (as Django spells the pattern) -> privacy class. Keep in the order of the URL configuration.
PRIVACY: dict[str, str] = {
    "": PUBLIC,
    "search/": PUBLIC,
    "healthz": PUBLIC,
    "accounts/sign-up/": PUBLIC,
    "accounts/sign-in/": PUBLIC,
    "accounts/sign-out/": PUBLIC,
    "accounts/profile/": MEMBER,
    "accounts/profile/edit/": MEMBER,
    "accounts/profile/delete/": MEMBER,  # one's own account only (tests/test_account_deletion.py)
    "accounts/profile/my-data.json": MEMBER,  # one's own data only (tests/test_account_export.py)
    "accounts/password/": MEMBER,
    "accounts/password-reset/": PUBLIC,
    "accounts/password-reset/sent/": PUBLIC,
    "accounts/password-reset/complete/": PUBLIC,
    "accounts/password-reset/<uidb64>/<token>/": PUBLIC,
    "policy/": PUBLIC,
    "policy/pdf/": PUBLIC,
    "policy/clauses/<slug:anchor>/": PUBLIC,
    "policy/principles/": PUBLIC,
    "policy/principles/<str:principle_id>/": PUBLIC,
    "policy/versions/": PUBLIC,
    "policy/versions/<int:number>/": PUBLIC,  # published versions only: a draft is a 404
    "policy/versions/<int:number>/pdf/": PUBLIC,
    "policy/compare/": PUBLIC,
    "policy/feed/": PUBLIC,
    "cases/": PUBLIC,
    "cases/<slug:case_id>/": PUBLIC,
    "worksheets/": OWNER,
    "worksheets/new/": MEMBER,
    "worksheets/<int:pk>/": OWNER,
    "worksheets/<int:pk>/edit/": OWNER,
    "worksheets/<int:pk>/delete/": OWNER,
    "worksheets/<int:pk>/share/": OWNER,
    "worksheets/<int:pk>/unshare/": OWNER,
    "worksheets/<int:pk>/comments/": OWNER,
    "worksheets/<int:pk>/export.pdf": OWNER,
    "worksheets/<int:pk>/export.md": OWNER,
    "community/": PUBLIC,
    "community/clauses/<slug:anchor>/": PUBLIC,  # held contributions: author and moderators only
    "community/contribute/": MEMBER,
    "community/contributions/<int:pk>/": PUBLIC,  # a held one is owner-private (author + moderators)
    "community/contributions/<int:pk>/reply/": MEMBER,
    "community/contributions/<int:pk>/endorse/": MEMBER,
    "community/contributions/<int:pk>/report/": MEMBER,
    "community/contributions/<int:pk>/moderate/": STAFF,
    "community/contributions/<int:pk>/decide/": STAFF,
    "community/follow/": MEMBER,
    "community/notifications/": OWNER,
    "community/moderation/": STAFF,
    "community/rounds/": PUBLIC,
    "community/rounds/new/": STAFF,
    "community/rounds/<int:pk>/": PUBLIC,
    "community/policy-team/": STAFF,
    "community/policy-team/calendar.ics": STAFF,
    # A signed subscription link for an officer's calendar app: unguessable, and refused (404) once the
    # officer no longer holds the role; tested in tests/test_community_views.py.
    "community/calendar/<str:token>/reviews.ics": PUBLIC,
    "community/policy-team/triage/": STAFF,
    "community/policy-team/drafts/": STAFF,
    "community/policy-team/drafts/<int:number>/": STAFF,
    "community/policy-team/drafts/<int:number>/add/": STAFF,
    "community/policy-team/drafts/<int:number>/approve/": STAFF,
    "community/policy-team/drafts/<int:number>/publish/": STAFF,
    "community/policy-team/drafts/<int:number>/clauses/<slug:anchor>/": STAFF,
    "community/policy-team/drafts/<int:number>/clauses/<slug:anchor>/remove/": STAFF,
    "community/policy-team/drafts/<int:number>/clauses/<slug:anchor>/move/": STAFF,
    "community/versions/<int:number>/changelog/": PUBLIC,
    "community/attest/": MEMBER,
    "community/teams/": MEMBER,  # a lead sees only yes/no attestation of members who joined
    "community/export/contributions.<str:fmt>": PUBLIC,
    "check/": PUBLIC,  # drafts are never stored (tests/test_checks_privacy.py)
    "check/photo/": PUBLIC,
    "check/photo/clean-copy/": PUBLIC,
    "check/archive/": OWNER,
    "check/archive/<uuid:job_id>/": OWNER,
    "check/archive/<uuid:job_id>/progress/": OWNER,
    "check/archive/<uuid:job_id>/findings.csv": OWNER,
    "check/archive/<uuid:job_id>/delete/": OWNER,
    "api/openapi.json": PUBLIC,
    "api/docs": PUBLIC,
    "api/policy": PUBLIC,
    "api/policy/versions": PUBLIC,
    "api/policy/versions/<version>": PUBLIC,
    "api/policy/diff": PUBLIC,
    "api/worksheets": OWNER,
    "api/worksheets/<worksheet_id>": OWNER,
    "api/search": PUBLIC,  # worksheets and held posts are never indexed
    "api/check": PUBLIC,
    "api/": PUBLIC,
    # Django's admin: every pattern under admin/ is staff-only (is_staff); which models it shows is pinned
    # in ADMIN_MODELS below, so registering a private model there is a decision a test sees.
    "admin/*": STAFF,
}

# Models in Django's admin. Private records (worksheets, audit jobs, notifications, held posts) are not.
ADMIN_MODELS = {"auth.group", "accounts.user", "accounts.loginfailure", "django_tasks_database.dbtaskresult"}


def walk(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p


def all_routes() -> list[str]:
    return [route for route, _ in walk(get_resolver().url_patterns)]


def classify(route: str) -> str | None:
    if route in PRIVACY:
        return PRIVACY[route]
    if route.startswith("admin/"):
        return PRIVACY["admin/*"]
    return None


def test_every_url_is_classified() -> None:
    missing = [route for route in all_routes() if classify(route) is None]
    assert not missing, (
        "New URL patterns must declare their privacy in tests/test_privacy_matrix.py (PRIVACY and samples): "
        f"{missing}"
    )


def test_the_table_has_no_stale_rows() -> None:
    routes = set(all_routes())
    stale = [r for r in PRIVACY if r != "admin/*" and r not in routes]
    assert not stale, f"these rows name URL patterns that no longer exist: {stale}"


def test_the_walk_includes_the_api_routes() -> None:
    routes = set(all_routes())
    assert {"api/worksheets", "api/worksheets/<worksheet_id>", "api/check", "api/search"} <= routes


def test_admin_shows_only_the_models_we_chose() -> None:
    from django.contrib import admin

    registered = {m._meta.label_lower for m in admin.site._registry}
    assert registered == ADMIN_MODELS, "a model was added to or removed from the admin: decide its privacy"


# --- The world: alice's private records, shared with bob where sharing exists -----------------------------

IDENTIFYING = "Court tomorrow for the Zqwerty kids, their mum lives at 14 Acacia Road, Leeds LS6 2AB."


@dataclass
class World:
    mark: str
    alice: Any
    bob: Any
    charlie: Any
    olivia: Any
    maud: Any
    mona: Any
    anchor: str
    worksheet: Any
    job: Any
    held: Any
    published: Any
    held_reply: Any
    draft: Any
    round: Any
    notification: Any
    users: dict[str, Any] = field(default_factory=dict)


@pytest.fixture
def world(content, alice, bob, charlie, olivia, maud) -> World:
    from eprofessional.checks.models import AuditJob, AuditPost
    from eprofessional.community import actions
    from eprofessional.community.models import Notification, Visibility
    from eprofessional.guidance import worksheets as workflow
    from eprofessional.guidance.models import Worksheet
    from eprofessional.policy import workflow as policy_workflow

    mark = "Qmark" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(10))  # no digits
    anchor = content.clauses.order_by("section__position", "position").first().anchor
    sheet = workflow.save_worksheet(
        Worksheet(author=alice, title=f"Sheet {mark}", facts=f"The facts {mark}"), [], []
    )
    workflow.share(sheet, bob)
    workflow.add_comment(sheet, alice, f"Comment {mark}")
    job = AuditJob.objects.create(owner=alice, status="done", total=1, processed=1, count_stop=1,
                                  original_name=f"archive-{mark}.zip", finished_at=timezone.now())
    AuditPost.objects.create(job=job, position=0, text=f"Old post {mark}", risk="stop", risk_rank=2, findings=[])
    held = actions.contribute(alice, kind="comment", title=f"Held {mark}", body=f"{IDENTIFYING} {mark}",
                              clause_anchor=anchor)
    assert held.visibility == Visibility.HELD
    published = actions.contribute(charlie, kind="comment", title="A public thought", body="Plain words.",
                                   clause_anchor=anchor)
    assert published.visibility == Visibility.PUBLISHED
    held_reply = actions.reply(alice, published, f"{IDENTIFYING} reply {mark}")
    assert held_reply.visibility == Visibility.HELD
    notification = Notification.objects.create(user=alice, message=f"Note {mark}", url="/")
    draft = policy_workflow.start_draft(olivia, summary=f"Draft {mark}")
    rnd = actions.open_round(olivia, title="Round", description="d", questions=["q"],
                             section_anchors=[content.sections.first().anchor],
                             closes_at=timezone.now() + dt.timedelta(days=10))
    mona = make_user("mona", role="manager")
    team = actions.create_team(mona, "North team")
    actions.join_team(alice, team.join_code)
    w = World(mark, alice, bob, charlie, olivia, maud, mona, anchor, sheet, job, held, published, held_reply,
              draft, rnd, notification)
    w.users = {u.username: u for u in (alice, bob, charlie, olivia, maud, mona)}
    return w


# --- Sample requests for every pattern --------------------------------------------------------------------


@dataclass
class Probe:
    """One request. ``allowed``: who gets it; ``shared``: bob reads it by sharing; ``staff``: who is staff
    for it. ``api``: answers 401/403 to anonymous readers instead of a sign-in redirect."""

    path: str
    method: str = "get"
    data: dict[str, Any] = field(default_factory=dict)
    shared: bool = False
    staff: str = ""
    api: bool = False


def samples(w: World) -> dict[str, list[Probe]]:
    ws, job, held, draft = w.worksheet.pk, w.job.pk, w.held.pk, w.draft.number
    return {
        "accounts/profile/": [Probe("/accounts/profile/")],
        "accounts/profile/edit/": [Probe("/accounts/profile/edit/")],
        "accounts/profile/delete/": [Probe("/accounts/profile/delete/"),
                                     Probe("/accounts/profile/delete/", "post", {"password": "wrong"})],
        "accounts/profile/my-data.json": [Probe("/accounts/profile/my-data.json")],
        "accounts/password/": [Probe("/accounts/password/")],
        "worksheets/": [Probe("/worksheets/", shared=True)],
        "worksheets/new/": [Probe("/worksheets/new/")],
        "worksheets/<int:pk>/": [Probe(f"/worksheets/{ws}/", shared=True)],
        "worksheets/<int:pk>/edit/": [Probe(f"/worksheets/{ws}/edit/"),
                                      Probe(f"/worksheets/{ws}/edit/", "post", {"title": "x"})],
        "worksheets/<int:pk>/delete/": [Probe(f"/worksheets/{ws}/delete/"),
                                        Probe(f"/worksheets/{ws}/delete/", "post")],
        "worksheets/<int:pk>/share/": [Probe(f"/worksheets/{ws}/share/", "post", {"username": "bob"})],
        "worksheets/<int:pk>/unshare/": [Probe(f"/worksheets/{ws}/unshare/", "post")],
        "worksheets/<int:pk>/comments/": [Probe(f"/worksheets/{ws}/comments/", "post", {"body": "hi"},
                                                shared=True)],
        "worksheets/<int:pk>/export.pdf": [Probe(f"/worksheets/{ws}/export.pdf", shared=True)],
        "worksheets/<int:pk>/export.md": [Probe(f"/worksheets/{ws}/export.md", shared=True)],
        "community/contribute/": [Probe("/community/contribute/")],
        "community/contributions/<int:pk>/reply/": [
            Probe(f"/community/contributions/{held}/reply/", "post", {"reply-body": "hi"})],
        "community/contributions/<int:pk>/endorse/": [Probe(f"/community/contributions/{held}/endorse/", "post")],
        "community/contributions/<int:pk>/report/": [
            Probe(f"/community/contributions/{held}/report/", "post", {"report-reason": "x"})],
        "community/contributions/<int:pk>/moderate/": [
            Probe(f"/community/contributions/{held}/moderate/", "post", staff="maud")],
        "community/contributions/<int:pk>/decide/": [
            Probe(f"/community/contributions/{w.published.pk}/decide/", "post", staff="olivia")],
        "community/follow/": [Probe("/community/follow/", "post", {"contribution": str(held)})],
        "community/notifications/": [Probe("/community/notifications/")],
        "community/moderation/": [Probe("/community/moderation/", staff="maud")],
        "community/rounds/new/": [Probe("/community/rounds/new/", staff="olivia")],
        "community/policy-team/": [Probe("/community/policy-team/", staff="olivia")],
        "community/policy-team/calendar.ics": [Probe("/community/policy-team/calendar.ics", staff="olivia")],
        "community/policy-team/triage/": [Probe("/community/policy-team/triage/", staff="olivia")],
        "community/policy-team/drafts/": [Probe("/community/policy-team/drafts/", staff="olivia")],
        "community/policy-team/drafts/<int:number>/": [
            Probe(f"/community/policy-team/drafts/{draft}/", staff="olivia")],
        "community/policy-team/drafts/<int:number>/add/": [
            Probe(f"/community/policy-team/drafts/{draft}/add/", staff="olivia")],
        "community/policy-team/drafts/<int:number>/approve/": [
            Probe(f"/community/policy-team/drafts/{draft}/approve/", "post", staff="olivia")],
        "community/policy-team/drafts/<int:number>/publish/": [
            Probe(f"/community/policy-team/drafts/{draft}/publish/", "post", staff="olivia")],
        "community/policy-team/drafts/<int:number>/clauses/<slug:anchor>/": [
            Probe(f"/community/policy-team/drafts/{draft}/clauses/{w.anchor}/", staff="olivia")],
        "community/policy-team/drafts/<int:number>/clauses/<slug:anchor>/remove/": [
            Probe(f"/community/policy-team/drafts/{draft}/clauses/{w.anchor}/remove/", "post", staff="olivia")],
        "community/policy-team/drafts/<int:number>/clauses/<slug:anchor>/move/": [
            Probe(f"/community/policy-team/drafts/{draft}/clauses/{w.anchor}/move/", "post", staff="olivia")],
        "community/attest/": [Probe("/community/attest/", "post")],
        "community/teams/": [Probe("/community/teams/")],
        "check/archive/": [Probe("/check/archive/")],
        "check/archive/<uuid:job_id>/": [Probe(f"/check/archive/{job}/")],
        "check/archive/<uuid:job_id>/progress/": [Probe(f"/check/archive/{job}/progress/")],
        "check/archive/<uuid:job_id>/findings.csv": [Probe(f"/check/archive/{job}/findings.csv")],
        "check/archive/<uuid:job_id>/delete/": [Probe(f"/check/archive/{job}/delete/", "post")],
        "api/worksheets": [Probe("/api/worksheets", shared=True, api=True)],
        "api/worksheets/<worksheet_id>": [Probe(f"/api/worksheets/{ws}", shared=True, api=True)],
        "admin/*": [Probe("/admin/", staff="admin"), Probe("/admin/accounts/user/", staff="admin"),
                    Probe(f"/admin/accounts/user/{w.alice.pk}/change/", staff="admin"),
                    Probe("/admin/django_tasks_database/dbtaskresult/", staff="admin")],
    }


PUBLIC_SAMPLES = {
    "": "/", "search/": "/search/?q=friend+request", "healthz": "/healthz",
    "accounts/sign-up/": "/accounts/sign-up/", "accounts/sign-in/": "/accounts/sign-in/",
    "accounts/sign-out/": "/accounts/sign-out/", "accounts/password-reset/": "/accounts/password-reset/",
    "accounts/password-reset/sent/": "/accounts/password-reset/sent/",
    "accounts/password-reset/complete/": "/accounts/password-reset/complete/",
    "accounts/password-reset/<uidb64>/<token>/": "/accounts/password-reset/MQ/set-password/",
    "policy/": "/policy/", "policy/pdf/": "/policy/pdf/", "policy/clauses/<slug:anchor>/": "/policy/clauses/{anchor}/",
    "policy/principles/": "/policy/principles/", "policy/principles/<str:principle_id>/":
    "/policy/principles/COE-2014:3.2/", "policy/versions/": "/policy/versions/",
    "policy/versions/<int:number>/": "/policy/versions/1/", "policy/versions/<int:number>/pdf/": "/policy/versions/1/pdf/",
    "policy/compare/": "/policy/compare/", "policy/feed/": "/policy/feed/", "cases/": "/cases/",
    "cases/<slug:case_id>/": "/cases/looked-after-child-contacts-birth-family/", "community/": "/community/",
    "community/clauses/<slug:anchor>/": "/community/clauses/{anchor}/",
    "community/contributions/<int:pk>/": "/community/contributions/{published}/",
    "community/rounds/": "/community/rounds/", "community/rounds/<int:pk>/": "/community/rounds/{round}/",
    "community/versions/<int:number>/changelog/": "/community/versions/1/changelog/",
    "community/export/contributions.<str:fmt>": "/community/export/contributions.json",
    "check/": "/check/", "check/photo/": "/check/photo/", "check/photo/clean-copy/": "/check/photo/clean-copy/",
    "api/openapi.json": "/api/openapi.json", "api/docs": "/api/docs", "api/policy": "/api/policy",
    "api/policy/versions": "/api/policy/versions", "api/policy/versions/<version>": "/api/policy/versions/1",
    "api/policy/diff": "/api/policy/diff?from=1&to=1", "api/search": "/api/search?q=friend",
    "api/check": "/api/check", "api/": "/api/",
    "community/calendar/<str:token>/reviews.ics": "/community/calendar/forged-token/reviews.ics",
}


@pytest.mark.django_db
def test_every_pattern_has_a_sample_request(world) -> None:
    private = samples(world)
    missing = [r for r, c in PRIVACY.items() if r not in (private if c != PUBLIC else PUBLIC_SAMPLES)]
    assert not missing, f"give these patterns a sample request: {missing}"
    assert set(private) | set(PUBLIC_SAMPLES) == set(PRIVACY)


def _request(client: Any, probe: Probe, **extra: Any) -> Any:
    if probe.method == "post":
        return client.post(probe.path, probe.data, **extra)
    return client.get(probe.path, **extra)


def _login(client: Any, user: Any) -> None:
    client.logout()
    client.force_login(user)


def _text(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


@pytest.mark.django_db
def test_public_pages_are_public_and_show_no_private_record(client, world) -> None:
    fill = {"anchor": world.anchor, "published": world.published.pk, "round": world.round.pk}
    for route, sample in PUBLIC_SAMPLES.items():
        path = sample.format(**fill)
        for who in (None, world.charlie):
            if who is None:
                client.logout()
            else:
                _login(client, who)
            response = client.get(path)
            assert response.status_code < 500, (route, response.status_code)
            assert response.status_code not in (401, 403), route
            assert "/accounts/sign-in/" not in response.get("Location", ""), route
            assert world.mark not in _text(response), f"{route} shows a private record to {who}"


@pytest.mark.django_db
def test_anonymous_readers_are_sent_to_sign_in(client, world) -> None:
    for route, probes in samples(world).items():
        for probe in probes:
            client.logout()
            response = _request(client, probe)
            if probe.api:
                assert response.status_code in (401, 403), route
            elif route == "admin/*":
                assert response.status_code == 302 and "/admin/login/" in response["Location"], probe.path
            else:
                assert response.status_code == 302, (probe.path, response.status_code)
                assert response["Location"].startswith("/accounts/sign-in/?next="), probe.path
            assert world.mark not in _text(response)


@pytest.mark.django_db
def test_other_members_get_404_or_403_and_never_the_content(client, world) -> None:
    """charlie: a private record of alice's is a 404; a staff page is a 403; a list never shows it."""
    lists = {"worksheets/", "community/notifications/", "check/archive/", "api/worksheets", "community/teams/",
             "worksheets/new/", "community/contribute/", "accounts/profile/", "accounts/profile/edit/",
             "accounts/profile/delete/", "accounts/profile/my-data.json", "accounts/password/", "community/attest/"}
    for route, probes in samples(world).items():
        for probe in probes:
            _login(client, world.charlie)
            response = _request(client, probe)
            body = _text(response)
            assert world.mark not in body, f"{probe.method} {probe.path} shows alice's record to charlie"
            if route == "admin/*":
                assert response.status_code == 302 and "/admin/login/" in response["Location"], probe.path
            elif probe.staff:
                assert response.status_code == 403, (probe.path, response.status_code)
            elif route in lists:
                assert response.status_code in (200, 302), (probe.path, response.status_code)
            else:
                assert response.status_code == 404, (probe.method, probe.path, response.status_code)
    # Staff are not owners: policy officers, moderators and a team lead get the same as charlie.
    for route, probes in samples(world).items():
        if PRIVACY[route] != OWNER:
            continue
        for probe in probes:
            for who in (world.olivia, world.maud, world.mona):
                _login(client, who)
                response = _request(client, probe)
                assert world.mark not in _text(response), (who, probe.path)
                assert response.status_code in ((200, 302) if route in lists else (404,)), (who, probe.path)
    # Nothing of alice's changed.
    world.worksheet.refresh_from_db()
    assert world.worksheet.title == f"Sheet {world.mark}" and world.worksheet.shared_with == world.bob
    world.job.refresh_from_db()


@pytest.mark.django_db
def test_the_owner_reads_her_records(client, world) -> None:
    _login(client, world.alice)
    for path in (f"/worksheets/{world.worksheet.pk}/", f"/worksheets/{world.worksheet.pk}/export.md",
                 f"/api/worksheets/{world.worksheet.pk}", "/api/worksheets", "/worksheets/",
                 "/community/notifications/", "/check/archive/", f"/check/archive/{world.job.pk}/",
                 world.held.get_absolute_url(), world.published.get_absolute_url()):
        response = client.get(path)
        assert response.status_code == 200, path
        assert world.mark in _text(response), path


@pytest.mark.django_db
def test_bob_reads_what_is_shared_and_loses_it_on_withdrawal(client, world) -> None:
    probes = [p for ps in samples(world).values() for p in ps if p.shared]
    author_only = [p for r, ps in samples(world).items() for p in ps
                   if r.startswith(("worksheets/<int:pk>/", "api/worksheets/")) and not p.shared]
    _login(client, world.bob)
    for probe in probes:
        response = _request(client, probe)
        assert response.status_code in (200, 302), probe.path
        if probe.method == "get" and response["Content-Type"] != "application/pdf":  # compressed text
            assert world.mark in _text(response), probe.path
    for probe in author_only:  # sharing is for reading and commenting: never editing, sharing or deleting
        assert _request(client, probe).status_code == 404, probe.path
    # Sharing one worksheet shares only that one.
    from eprofessional.guidance.models import Worksheet

    other = Worksheet.objects.create(author=world.alice, title=f"Unshared {world.mark}x")
    assert client.get(f"/worksheets/{other.pk}/").status_code == 404
    assert client.get(f"/api/worksheets/{other.pk}").status_code == 404
    assert f"Unshared {world.mark}x" not in _text(client.get("/worksheets/")) + _text(client.get("/api/worksheets"))
    _login(client, world.alice)
    assert client.post(f"/worksheets/{world.worksheet.pk}/unshare/").status_code == 302
    _login(client, world.bob)
    for probe in probes:
        response = _request(client, probe)
        assert world.mark not in _text(response), probe.path
        if probe.path not in ("/worksheets/", "/api/worksheets"):
            assert response.status_code == 404, probe.path


@pytest.mark.django_db
def test_staff_pages_open_to_the_right_staff(client, world) -> None:
    for probes in samples(world).values():
        for probe in probes:
            if not probe.staff or probe.method != "get" or probe.staff == "admin":
                continue
            _login(client, world.users[probe.staff])
            assert _request(client, probe).status_code == 200, probe.path
    # Policy officers are not moderators: drafts and triage do not show held posts.
    _login(client, world.olivia)
    for path in ("/community/policy-team/triage/", f"/community/policy-team/drafts/{world.draft.number}/clauses/"
                 f"{world.anchor}/", "/community/policy-team/"):
        assert world.mark not in _text(client.get(path)), path
    # Moderators see held posts in the queue; a policy officer cannot open the queue.
    _login(client, world.maud)
    assert world.mark in _text(client.get("/community/moderation/"))
    assert world.mark in _text(client.get(world.held.get_absolute_url()))


@pytest.mark.django_db
def test_held_posts_are_for_their_author_and_moderators_only(client, world) -> None:
    held_url = world.held.get_absolute_url()
    pages = [f"/community/clauses/{world.anchor}/", "/community/", world.published.get_absolute_url(),
             f"/community/rounds/{world.round.pk}/", "/community/export/contributions.json",
             "/community/export/contributions.csv"]
    for who in (None, world.charlie, world.bob, world.olivia):
        if who is None:
            client.logout()
        else:
            _login(client, who)
        assert client.get(held_url).status_code == 404, who
        for page in pages:
            assert world.mark not in _text(client.get(page)), (who, page)
    for who in (world.alice, world.maud):
        _login(client, who)
        assert world.mark in _text(client.get(world.published.get_absolute_url())), who  # the held reply
        assert world.mark in _text(client.get(f"/community/clauses/{world.anchor}/")), who


@pytest.mark.django_db
def test_officers_cannot_decide_on_or_credit_a_held_contribution(client, world) -> None:
    """A policy officer does not see held posts, so cannot act on them by guessing their number: a
    decision would notify the clause's followers with the held title."""
    from eprofessional.community.models import Decision, Notification

    _login(client, world.olivia)
    response = client.post(f"/community/contributions/{world.held.pk}/decide/",
                           {"decision-outcome": "accepted", "decision-reason": "Yes"})
    assert response.status_code == 404
    assert not Decision.objects.filter(contribution=world.held).exists()
    assert not Notification.objects.filter(message__contains=world.mark).exclude(pk=world.notification.pk).exists()


@pytest.mark.django_db
def test_team_lead_sees_only_yes_or_no_of_members_who_joined(client, world) -> None:
    _login(client, world.mona)
    page = _text(client.get("/community/teams/"))
    assert "Alice Ward" in page and "Not yet" in page
    assert world.charlie.public_name not in page  # not a member
    assert world.alice.email not in page and world.mark not in page


@pytest.mark.django_db
def test_drafts_of_the_policy_are_for_officers_only(client, world) -> None:
    number = world.draft.number
    for who in (None, world.charlie, world.maud):
        if who is None:
            client.logout()
        else:
            _login(client, who)
        for path in (f"/policy/versions/{number}/", f"/policy/versions/{number}/pdf/", f"/api/policy/versions/{number}",
                     f"/api/policy/diff?from=1&to={number}", f"/community/versions/{number}/changelog/"):
            assert client.get(path).status_code == 404, path
        for path in ("/policy/versions/", "/api/policy/versions", "/policy/feed/", "/api/policy"):
            assert world.mark not in _text(client.get(path)), path
    _login(client, world.olivia)
    assert world.mark in _text(client.get(f"/community/policy-team/drafts/{number}/")) or \
        client.get(f"/community/policy-team/drafts/{number}/").status_code == 200


# --- Caching: private pages are no-store and never come from the public page cache ----------------------

# Pages that show alice something private (her records, or her held posts among public ones).
PRIVATE_PAGES: list[Callable[[World], str]] = [
    lambda w: f"/worksheets/{w.worksheet.pk}/", lambda w: "/worksheets/", lambda w: f"/api/worksheets/{w.worksheet.pk}",
    lambda w: "/api/worksheets", lambda w: "/community/notifications/", lambda w: "/check/archive/",
    lambda w: f"/check/archive/{w.job.pk}/", lambda w: w.held.get_absolute_url(),
    lambda w: f"/community/clauses/{w.anchor}/", lambda w: w.published.get_absolute_url(),
]


@pytest.mark.django_db
def test_private_pages_are_no_store_and_never_served_from_the_public_cache(client, world) -> None:
    for page in PRIVATE_PAGES:
        path = page(world)
        client.logout()
        client.get(path)  # an anonymous reader first, so a public page is in the cache
        assert client.login(username="alice", password="correct-horse-battery-staple")
        response = client.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"], path
        assert world.mark in _text(response), path
        client.post("/accounts/sign-out/")
        client.cookies.clear()
        again = client.get(path)
        assert world.mark not in _text(again), f"{path} was served to a signed-out reader from a cache"
    # And no cache row holds the marker (the cache is the database cache, values pickled).
    from tests.test_checks_privacy import cache_mentions

    assert cache_mentions("A public thought"), "the scan sees into the cache (public pages are there)"
    assert cache_mentions(world.mark) == []


# --- Search never returns private records -----------------------------------------------------------------


@pytest.mark.django_db
def test_search_never_returns_private_records(client, world) -> None:
    from eprofessional.core import search

    search.invalidate()
    assert all(world.mark not in repr(doc) for doc in search.documents())
    for who in (None, world.alice, world.charlie):
        if who is None:
            client.logout()
        else:
            _login(client, who)
        results = client.get("/api/search", {"q": world.mark, "limit": 50}).json()["results"]
        assert world.mark not in repr(results)
        for words in ("Sheet The facts Comment Old post", "Held Court tomorrow kids mum Acacia Road reply"):
            assert world.mark not in _text(client.get("/search/", {"q": words})), (who, words)
            assert world.mark not in repr(client.get("/api/search", {"q": words, "limit": 50}).json()), who


@pytest.mark.django_db
def test_public_credits_never_name_a_held_contribution(client, world, oscar) -> None:
    """The changelog, the compare page and the diff API credit contributions by title: a held one (which
    may identify someone) must never be named, whether an officer links it on the page or in code."""
    from eprofessional.policy import workflow
    from eprofessional.policy.models import Clause

    draft = world.draft
    clause = Clause.objects.get(version=draft, anchor=world.anchor)
    _login(client, world.olivia)
    response = client.post(f"/community/policy-team/drafts/{draft.number}/clauses/{world.anchor}/", {
        "title": clause.title, "text": clause.text + " Plainer.", "revision": clause.revision,
        "reason": "Members asked.", "material": "material",
        "contributions": f"{world.held.pk}, {world.published.pk}",
    })
    assert response.status_code == 302
    change = draft.changes.get(anchor=world.anchor)
    assert list(change.contributions.all()) == [world.published]  # an officer cannot link what they cannot see
    change.contributions.add(world.held)  # and if one is linked anyway, it is still not named in public
    workflow.approve(draft, oscar)
    workflow.publish(draft, world.olivia, summary="Plainer words")
    previous = draft.number - 1
    for who in (None, world.charlie, world.olivia):
        if who is None:
            client.logout()
        else:
            _login(client, who)
        for path in (f"/community/versions/{draft.number}/changelog/",
                     f"/policy/compare/?from={previous}&to={draft.number}",
                     f"/api/policy/diff?from={previous}&to={draft.number}"):
            page = _text(client.get(path))
            assert "/api/" in path or "A public thought" in page, path
            assert world.mark not in page and f'"contributions": [{world.published.pk}, {world.held.pk}]' \
                not in page, (who, path)
        api = client.get(f"/api/policy/diff?from={previous}&to={draft.number}").json()
        credited = [c for ch in api["changes"] for c in ch["contributions"]]
        assert world.held.pk not in credited


@pytest.mark.django_db
def test_no_decision_on_a_hidden_contribution_renames_it_to_followers(client, world) -> None:
    """A decision notifies followers with the title; a hidden contribution's title was taken down."""
    from eprofessional.community import actions
    from eprofessional.community.models import Notification

    actions.follow(world.bob, clause_anchor=world.anchor)
    actions.moderate(world.maud, world.published, action="hide", reason="Names a family")
    _login(client, world.olivia)
    client.post(f"/community/contributions/{world.published.pk}/decide/",
                {"decision-outcome": "accepted", "decision-reason": "Yes"})
    assert not Notification.objects.filter(user=world.bob, message__contains="A public thought").exists()
    with pytest.raises(actions.ActionError):
        actions.decide(world.olivia, world.published, outcome="accepted", reason="Yes")


@pytest.mark.django_db
def test_the_page_cache_never_keeps_a_page_with_a_csrf_token(rf) -> None:
    """The CSRF cookie is set by middleware after the view (and the cache decorator) have run, so the cache
    must see that the view used a token: otherwise one reader's token would be served to the next."""
    from django.core.cache import cache
    from django.middleware.csrf import get_token

    from eprofessional.core.pagecache import public_page

    calls = []

    @public_page("privacy-test")
    def view(request: Any) -> Any:
        from django.http import HttpResponse

        calls.append(1)
        return HttpResponse(f"<form>{get_token(request)}</form>")

    cache.clear()
    first = view(rf.get("/form/"))
    second = view(rf.get("/form/"))
    assert len(calls) == 2, "a page with a CSRF token was served from the public cache"
    assert first.content != second.content


@pytest.mark.django_db
def test_a_post_hidden_by_a_moderator_leaves_the_public_cache_at_once(client, world) -> None:
    from eprofessional.community import actions

    actions.reply(world.bob, world.published, "Her name is on the door of flat 3")
    client.logout()
    for path in (world.published.get_absolute_url(), f"/community/clauses/{world.anchor}/", "/community/"):
        client.get(path)  # now in the public cache
    actions.moderate(world.maud, world.published, action="hide", reason="Identifies someone")
    page = _text(client.get(world.published.get_absolute_url()))
    assert "Plain words." not in page and "Hidden contribution" in page
    for path in (f"/community/clauses/{world.anchor}/", "/community/"):
        assert "A public thought" not in _text(client.get(path)), path
