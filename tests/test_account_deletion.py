"""Deleting an account: private records go, the public record stays coherent and names nobody.

alice deletes her account after building a full life on the platform: worksheets shared with bob and
commented on, follows, notifications, a team, attestation, an archive audit, held and published posts, a
reply, an endorsement and a contribution credited in a changelog. Staff (olivia, maud) delete theirs after
making decisions that must stay in the audit log, by role.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.conftest import PASSWORD, make_user

IDENTIFYING = "Court tomorrow for the Zqwerty kids, their mum lives at 14 Acacia Road, Leeds LS6 2AB."


@pytest.fixture
def life(content, alice, bob, charlie, olivia, oscar, maud, tmp_path, settings):
    from eprofessional.checks.models import AuditJob, AuditPost
    from eprofessional.community import actions
    from eprofessional.community.models import NotificationSettings, Visibility
    from eprofessional.guidance import worksheets as workflow
    from eprofessional.guidance.models import Worksheet
    from eprofessional.policy import workflow as policy_workflow
    from eprofessional.policy.models import Clause

    settings.VAR_DIR = tmp_path
    anchor = content.clauses.order_by("section__position", "position").first().anchor
    sheet = workflow.save_worksheet(
        Worksheet(author=alice, title="Qalice sheet", facts="Qalice facts"),
        [{"option": "Qalice option"}], [{"principle": "COE-2014:3.2", "notes": "Qalice tension"}],
    )
    workflow.share(sheet, bob)
    workflow.add_comment(sheet, alice, "Qalice comment")
    workflow.add_comment(sheet, bob, "Qbob comment on alice's sheet")
    bobs_sheet = workflow.save_worksheet(Worksheet(author=bob, title="Qbob sheet"), [], [])
    published = actions.contribute(alice, kind="comment", title="Qalice published thought",
                                   body="Plain words from the author.", clause_anchor=anchor)
    assert published.visibility == Visibility.PUBLISHED
    held = actions.contribute(alice, kind="comment", title="Qalice held", body=IDENTIFYING, clause_anchor=anchor)
    assert held.visibility == Visibility.HELD
    still_held = actions.contribute(alice, kind="comment", title="Qalice still held", body=IDENTIFYING,
                                    clause_anchor=anchor)
    theirs = actions.contribute(charlie, kind="comment", title="Charlie thought", body="Charlie words.",
                                clause_anchor=anchor)
    actions.reply(charlie, published, "Charlie agrees with this.")
    actions.reply(alice, theirs, "Alice replies in public.")
    actions.reply(alice, theirs, f"{IDENTIFYING} Qalice held reply")
    actions.endorse(alice, theirs)
    actions.endorse(charlie, published)
    actions.follow(alice, clause_anchor=anchor)
    actions.follow(alice, contribution=theirs)
    NotificationSettings.objects.create(user=alice, email="weekly")
    actions.notify([alice], "Qalice notification", "/")
    actions.attest(alice, content)
    lead = make_user("mona", role="manager")
    team = actions.create_team(lead, "North team")
    actions.join_team(alice, team.join_code)
    alice.role = "manager"
    own_team = actions.create_team(alice, "Qalice team")
    actions.join_team(charlie, own_team.join_code)
    job = AuditJob.objects.create(owner=alice, status="done", total=1, processed=1, count_stop=1,
                                  original_name="archive.zip", finished_at=timezone.now())
    AuditPost.objects.create(job=job, position=0, text="Qalice old post", risk="stop", risk_rank=2, findings=[])
    # A changelog that credits alice's published contribution.
    draft = policy_workflow.start_draft(olivia, summary="Plainer")
    clause = Clause.objects.get(version=draft, anchor=anchor)
    policy_workflow.edit_clause(draft, anchor, officer=olivia, text=clause.text + " Plainer.",
                                expected_revision=clause.revision, reason="Members asked.", material=True,
                                contributions=[published])
    policy_workflow.approve(draft, oscar)
    policy_workflow.publish(draft, olivia, summary="Plainer words")
    decision = actions.decide(olivia, theirs, outcome="accepted", reason="Good point")
    rnd = actions.open_round(olivia, title="Round one", description="d", questions=["q"],
                             section_anchors=[content.sections.first().anchor],
                             closes_at=timezone.now() + dt.timedelta(days=10))
    actions.moderate(maud, held, action="hide", reason="Names a family")
    return {"anchor": anchor, "sheet": sheet, "bobs_sheet": bobs_sheet, "published": published, "held": held,
            "theirs": theirs, "still_held": still_held, "team": team, "own_team": own_team, "job": job, "version": draft,
            "decision": decision, "round": rnd}


def _delete(client, user, password=PASSWORD):
    client.force_login(user)
    return client.post("/accounts/profile/delete/", {"password": password})


@pytest.mark.django_db
def test_the_page_explains_first_and_asks_for_the_password(client, alice, life):
    client.force_login(alice)
    html = client.get("/accounts/profile/").content.decode()
    assert 'href="/accounts/profile/delete/"' in html
    page = client.get("/accounts/profile/delete/")
    text = page.content.decode()
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert "cannot be undone" in text and "a former member" in text and "Your worksheets (1)" in text
    assert 'type="password"' in text and 'autocomplete="current-password"' in text
    wrong = client.post("/accounts/profile/delete/", {"password": "not-my-password"})
    assert wrong.status_code == 200 and "The password is not right" in wrong.content.decode()
    assert "There is a problem" in wrong.content.decode()
    empty = client.post("/accounts/profile/delete/", {"password": ""})
    assert "Enter your password to delete your account" in empty.content.decode()
    alice.refresh_from_db()
    assert alice.is_active and not alice.is_closed


@pytest.mark.django_db
def test_wrong_passwords_are_throttled(client, alice, settings):
    settings.LOGIN_ATTEMPTS = 2
    client.force_login(alice)
    for _ in range(2):
        client.post("/accounts/profile/delete/", {"password": "nope"})
    locked = client.post("/accounts/profile/delete/", {"password": PASSWORD})
    assert "Too many wrong passwords" in locked.content.decode()
    alice.refresh_from_db()
    assert alice.is_active


@pytest.mark.django_db
def test_deleting_signs_out_and_the_member_cannot_sign_in_again(client, alice, life):
    response = _delete(client, alice)
    assert response.status_code == 302 and response["Location"] == "/"
    home = client.get("/", follow=True).content.decode()
    assert "Your account has been deleted" in home
    assert client.get("/accounts/profile/")["Location"].startswith("/accounts/sign-in/")
    for name in ("alice", "alice@example.org", "Alice"):
        page = client.post("/accounts/sign-in/", {"username": name, "password": PASSWORD})
        assert page.status_code == 200 and "Enter a correct username" in page.content.decode(), name
    assert not client.login(username="alice", password=PASSWORD)


@pytest.mark.django_db
def test_other_sessions_and_reset_links_stop_working(client, alice, life):
    from django.contrib.auth.tokens import default_token_generator
    from django.test import Client

    other = Client()
    other.force_login(alice)
    assert other.get("/accounts/profile/").status_code == 200
    token = default_token_generator.make_token(alice)
    _delete(client, alice)
    assert other.get("/accounts/profile/").status_code == 302
    alice.refresh_from_db()
    assert not default_token_generator.check_token(alice, token)
    client.post("/accounts/password-reset/", {"email": "alice@example.org"})
    from django.core import mail

    assert mail.outbox == []


@pytest.mark.django_db
def test_private_records_are_gone_from_the_database(client, alice, life):
    from eprofessional.accounts.models import User
    from eprofessional.checks.models import AuditJob, AuditPost
    from eprofessional.community.models import (
        Attestation,
        Contribution,
        Follow,
        Notification,
        NotificationSettings,
        Reply,
        Team,
    )
    from eprofessional.core.models import AuditEvent
    from eprofessional.guidance.models import Worksheet, WorksheetComment, WorksheetPrinciple

    pk = alice.pk
    _delete(client, alice)
    assert not Worksheet.objects.filter(author_id=pk).exists()
    assert not Worksheet.objects.filter(title__startswith="Qalice").exists()
    assert not WorksheetComment.objects.filter(body__startswith="Qalice").exists()
    assert not WorksheetComment.objects.filter(worksheet_id=life["sheet"].pk).exists()  # bob's comment on it too
    assert not WorksheetPrinciple.objects.filter(notes__startswith="Qalice").exists()
    assert not Notification.objects.filter(user_id=pk).exists()
    assert not NotificationSettings.objects.filter(user_id=pk).exists()
    assert not Follow.objects.filter(user_id=pk).exists()
    assert not Attestation.objects.filter(user_id=pk).exists()
    assert not AuditJob.objects.filter(owner_id=pk).exists() and not AuditPost.objects.filter(text__startswith="Qalice").exists()
    assert not Team.objects.filter(lead_id=pk).exists()
    assert not life["team"].members.filter(pk=pk).exists()
    assert not Contribution.objects.filter(pk=life["still_held"].pk).exists()  # never published
    assert Contribution.objects.get(pk=life["held"].pk).visibility == "hidden"  # a moderator's record stays
    assert Contribution.objects.get(pk=life["published"].pk).author_id == pk
    assert not Reply.objects.filter(body__contains="Qalice held reply").exists()
    # Nothing personal is left on the account row.
    row = User.objects.get(pk=pk)
    assert row.is_closed and not row.is_active and not row.has_usable_password()
    assert "alice" not in row.username.lower() and row.email == "" and row.display_name == ""
    assert row.nation == row.role == row.supervisor_kind == ""
    assert row.last_login is None
    # And no table holds alice's details any more (the audit log records counts only).
    event = AuditEvent.objects.get(action="account.close", target=f"user:{pk}")
    assert "alice" not in repr(event.detail).lower() and event.detail["removed"]["worksheets"] == 1
    assert event.actor_label == "A former member"


@pytest.mark.django_db
def test_bobs_things_stay_and_his_view_of_alices_sheet_goes(client, alice, bob, life):
    _delete(client, alice)
    client.force_login(bob)
    assert client.get(f"/worksheets/{life['sheet'].pk}/").status_code == 404
    assert "Qbob sheet" in client.get("/worksheets/").content.decode()


@pytest.mark.django_db
def test_public_posts_stay_but_are_by_a_former_member(client, alice, life):
    from eprofessional.community.models import Endorsement, Reply

    published = life["published"]
    endorsements = Endorsement.objects.filter(contribution=life["theirs"]).count()
    _delete(client, alice)
    client.logout()
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Qalice published thought" in page and "By A former member" in page
    assert "Charlie agrees with this." in page  # others' replies stay
    assert "Alice Ward" not in page and "alice" not in page.lower().replace("qalice", "")
    theirs = client.get(life["theirs"].get_absolute_url()).content.decode()
    assert "Alice replies in public." in theirs and "A former member" in theirs and "Alice Ward" not in theirs
    assert Endorsement.objects.filter(contribution=life["theirs"]).count() == endorsements
    assert Reply.objects.filter(body="Alice replies in public.").exists()
    for path in ("/community/", f"/community/clauses/{life['anchor']}/", "/community/export/contributions.json",
                 "/community/export/contributions.csv"):
        response = client.get(path)
        text = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
        assert response.status_code == 200, path
        assert "Alice Ward" not in text, path


@pytest.mark.django_db
def test_cached_public_pages_stop_naming_them_at_once(client, charlie, life):
    charlie.display_name = "Charlie Quist"
    charlie.save()
    paths = [life["theirs"].get_absolute_url(), life["published"].get_absolute_url(),
             f"/community/clauses/{life['anchor']}/", "/community/"]
    client.cookies.clear()
    for path in paths:
        assert "Charlie Quist" in client.get(path).content.decode(), path  # anonymous: now in the page cache
    _delete(client, charlie)  # nothing of charlie's is held, so no post is deleted
    client.logout()
    client.cookies.clear()
    for path in paths:
        assert "Charlie Quist" not in client.get(path).content.decode(), path


@pytest.mark.django_db
def test_changelog_credits_stop_naming_her(client, alice, life):
    number = life["version"].number
    before = client.get(f"/community/versions/{number}/changelog/").content.decode()
    assert "Qalice published thought" in before and "Alice Ward" in before
    _delete(client, alice)
    client.logout()
    for path in (f"/community/versions/{number}/changelog/", f"/policy/compare/?from={number - 1}&to={number}",
                 f"/api/policy/diff?from={number - 1}&to={number}"):
        text = client.get(path).content.decode()
        assert "Alice Ward" not in text, path
    after = client.get(f"/community/versions/{number}/changelog/").content.decode()
    assert "Qalice published thought" in after and "A former member" in after


@pytest.mark.django_db
def test_a_supervisors_comments_stay_with_the_workers_sheet_without_a_name(client, alice, bob, life):
    _delete(client, bob)
    life["sheet"].refresh_from_db()
    assert life["sheet"].shared_with is None
    client.force_login(alice)
    page = client.get(f"/worksheets/{life['sheet'].pk}/").content.decode()
    assert "Qbob comment on alice&#x27;s sheet" in page or "Qbob comment on alice's sheet" in page
    assert "A former member" in page and "Bob Supervisor" not in page
    api = client.get(f"/api/worksheets/{life['sheet'].pk}").json()
    assert {c["author"] for c in api["comments"]} == {"alice", "A former member"}
    from eprofessional.guidance.models import Worksheet

    assert not Worksheet.objects.filter(title="Qbob sheet").exists()


@pytest.mark.django_db
def test_staff_decisions_stay_in_the_audit_log_by_role(client, olivia, maud, life):
    from eprofessional.community.models import ConsultationRound, Decision
    from eprofessional.core.models import AuditEvent
    from eprofessional.policy.models import PolicyVersion

    officer_pk, moderator_pk = olivia.pk, maud.pk
    assert _delete(client, olivia).status_code == 302
    assert _delete(client, maud).status_code == 302
    decision = Decision.objects.get(pk=life["decision"].pk)  # PROTECT: still there, still hers
    assert decision.decided_by_id == officer_pk and decision.decided_by.record_name == "A former policy officer"
    assert ConsultationRound.objects.get(pk=life["round"].pk).opened_by_id == officer_pk
    assert PolicyVersion.objects.get(pk=life["version"].pk).created_by.record_name == "A former policy officer"
    events = AuditEvent.objects.filter(actor_id=officer_pk).exclude(action="account.close")
    assert events.filter(action="triage.decide").exists() and events.filter(action="policy.publish").exists()
    assert {e.actor_label for e in events} == {"A former policy officer"}
    moderation = AuditEvent.objects.filter(actor_id=moderator_pk, action="moderation.hide")
    assert moderation.exists() and moderation.first().actor_label == "A former moderator"
    closed = AuditEvent.objects.get(action="account.close", actor_id=officer_pk)
    assert closed.detail["roles"] == "Policy officer"
    client.logout()
    page = client.get(life["theirs"].get_absolute_url()).content.decode()
    assert "Good point" in page
    assert client.get(f"/community/rounds/{life['round'].pk}/").status_code == 200


@pytest.mark.django_db
def test_a_deleted_officers_calendar_link_stops_working(client, olivia, content):
    from eprofessional.community.views import calendar_token

    token = calendar_token(olivia)
    assert client.get(f"/community/calendar/{token}/reviews.ics").status_code == 200
    _delete(client, olivia)
    client.logout()
    assert client.get(f"/community/calendar/{token}/reviews.ics").status_code == 404


@pytest.mark.django_db
def test_a_draft_shows_its_former_author_by_role(client, olivia, oscar, content):
    from eprofessional.policy import workflow

    draft = workflow.start_draft(olivia, summary="x")
    _delete(client, olivia)
    client.force_login(oscar)
    page = client.get(f"/community/policy-team/drafts/{draft.number}/").content.decode()
    assert "by A former policy officer" in page and "olivia" not in page.lower()


@pytest.mark.django_db
def test_the_only_administrator_cannot_delete_their_account(client):
    admin = make_user("root", is_superuser=True, is_staff=True)
    response = _delete(client, admin)
    assert response.status_code == 200 and "only administrator" in response.content.decode()
    admin.refresh_from_db()
    assert admin.is_active and not admin.is_closed
    make_user("root2", is_superuser=True, is_staff=True)
    assert _delete(client, admin).status_code == 302


@pytest.mark.django_db
def test_the_name_and_email_are_free_again(client, alice):
    _delete(client, alice)
    client.logout()
    response = client.post("/accounts/sign-up/", {
        "username": "alice", "email": "alice@example.org", "password1": "plum-kettle-harbour-77",
        "password2": "plum-kettle-harbour-77", "display_name": "", "nation": "wales", "role": "student",
        "supervisor_kind": "", "credit_by_name": "yes"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_an_upload_still_waiting_is_removed(client, alice, tmp_path, settings):
    from eprofessional.checks import auditing
    from eprofessional.checks.models import AuditJob

    settings.VAR_DIR = tmp_path
    folder = auditing.upload_dir()
    (folder / "waiting-upload").write_bytes(b"posts")
    AuditJob.objects.create(owner=alice, status="queued", upload_name="waiting-upload")
    _delete(client, alice)
    assert not (folder / "waiting-upload").exists()


@pytest.mark.django_db
def test_a_new_display_name_reaches_cached_pages_at_once(client, alice, life):
    path = life["published"].get_absolute_url()
    assert "Alice Ward" in client.get(path).content.decode()  # anonymous: now in the page cache
    client.force_login(alice)
    client.post("/accounts/profile/edit/", {"display_name": "Alice Renamed", "email": "alice@example.org",
                                            "nation": "england", "role": "manager", "supervisor_kind": "",
                                            "credit_by_name": "yes"})
    client.logout()
    client.cookies.clear()
    page = client.get(path).content.decode()
    assert "Alice Ward" not in page and "Alice Renamed" in page
