"""Members contribute, debate and are moderated; officers decide; members attest. Permissions for each."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from eprofessional.community import actions
from eprofessional.community.attestation import attestation_due
from eprofessional.community.models import Contribution, Notification, Visibility
from eprofessional.core.models import AuditEvent
from eprofessional.policy import workflow
from eprofessional.policy.models import PolicyVersion
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def a_clause(version: PolicyVersion, topic: str = "confidentiality-in-posts") -> str:
    return version.clauses.filter(topics__key=topic).order_by("section__position", "position").first().anchor


def amendment(author, anchor: str, **extra):
    fields = {
        "kind": "amendment", "title": "Say what counts as anonymised", "clause_anchor": anchor,
        "body": "Members keep asking whether changing the names is enough.",
        "proposed_text": "Changing names does not make a story safe to post.",
        "evidence": [{"citation": "Practice experience", "url": "", "summary": "Three queries at our team meeting"}],
    }
    fields.update(extra)
    return actions.contribute(author, **fields)


def test_a_member_proposes_an_amendment_with_evidence(content, alice) -> None:
    anchor = a_clause(content)
    c = amendment(alice, anchor, principles=["COE-2014:3.9"], topics=["confidentiality-in-posts"])
    assert c.visibility == Visibility.PUBLISHED
    assert c.version == content
    assert c.evidence[0]["citation"] == "Practice experience"
    assert list(c.principles.values_list("id", flat=True)) == ["COE-2014:3.9"]
    assert c.credit == "Alice Ward"


def test_bad_contributions_get_clear_messages(content, alice) -> None:
    with pytest.raises(actions.ActionError, match="not in the current policy"):
        amendment(alice, "no-such-clause")
    with pytest.raises(actions.ActionError, match="as you would like it to read"):
        amendment(alice, a_clause(content), proposed_text="  ")
    with pytest.raises(actions.ActionError, match="title"):
        actions.contribute(alice, kind="information", title="", body="x")


def test_anonymous_credit(content, alice) -> None:
    c = amendment(alice, a_clause(content), credit_by_name=False)
    assert c.credit == "A member (anonymous)"


def test_contributions_that_may_identify_someone_are_held(content, alice, charlie, maud) -> None:
    if not hasattr(pytest.importorskip("ep_checker"), "check"):
        pytest.skip("the checker core is not in this checkout yet")
    c = actions.contribute(
        alice, kind="information", title="A family I worked with",
        body="Jayden Smith (7) at Oakfield Primary was taken into care last week after the court hearing.",
    )
    assert c.visibility == Visibility.HELD
    assert c.identifying_findings
    assert c not in Contribution.objects.visible_to(charlie)
    assert c in Contribution.objects.visible_to(alice)
    assert c in Contribution.objects.visible_to(maud)
    assert Notification.objects.filter(user=maud).exists()
    actions.moderate(maud, c, action="release", reason="Edited to remove the details with the author")
    assert Contribution.objects.visible_to(charlie).filter(pk=c.pk).exists()


def test_one_endorsement_per_member_and_not_your_own(content, alice, charlie) -> None:
    c = amendment(alice, a_clause(content))
    assert actions.endorse(charlie, c) is True
    assert actions.endorse(charlie, c) is False
    assert c.endorsements.count() == 1
    with pytest.raises(actions.ActionError, match="own"):
        actions.endorse(alice, c)


def test_threaded_replies_notify_followers(content, alice, bob, charlie) -> None:
    anchor = a_clause(content)
    actions.follow(bob, clause_anchor=anchor)
    c = amendment(alice, anchor)
    assert Notification.objects.filter(user=bob, url=c.get_absolute_url()).exists()
    first = actions.reply(charlie, c, "I agree, and SWE guidance says the same.")
    second = actions.reply(alice, c, "Thanks: could you add the reference?", parent=first)
    assert second.parent == first
    assert Notification.objects.filter(user=alice, message__contains="New reply").exists()
    assert not Notification.objects.filter(user=alice, url__endswith=f"reply-{second.pk}").exists()


def test_moderation_needs_a_moderator_and_a_reason_and_is_audited(content, alice, charlie, maud) -> None:
    c = amendment(alice, a_clause(content))
    r = actions.reply(charlie, c, "This is a silly idea and so are you.")
    actions.report(alice, reply=r, reason="Personal attack")
    with pytest.raises(actions.ActionError, match="Only moderators"):
        actions.moderate(alice, r, action="hide", reason="I don't like it")
    with pytest.raises(actions.ActionError, match="reason"):
        actions.moderate(maud, r, action="hide", reason="")
    actions.moderate(maud, r, action="hide", reason="Personal remarks about another member")
    r.refresh_from_db()
    assert r.is_hidden and r.moderation_note == "Hidden by a moderator: Personal remarks about another member"
    event = AuditEvent.objects.get(action="moderation.hide")
    assert event.actor == maud and event.target == f"reply:{r.pk}"
    assert event.detail["before"]["body"] == "This is a silly idea and so are you."
    assert r.reports.get().resolved_by == maud


def test_no_decision_without_a_reason_and_only_officers_decide(content, alice, olivia) -> None:
    c = amendment(alice, a_clause(content))
    with pytest.raises(actions.ActionError, match="Only policy officers"):
        actions.decide(alice, c, outcome="accepted", reason="I like it")
    with pytest.raises(actions.ActionError, match="public reason"):
        actions.decide(olivia, c, outcome="accepted", reason=" ")
    decision = actions.decide(olivia, c, outcome="accepted-in-part", reason="We will add the sentence on names")
    assert decision.get_outcome_display() == "Accepted in part"
    assert Notification.objects.filter(user=alice, message__contains="Accepted in part").exists()


def test_rounds_are_opened_by_officers_on_current_sections(content, alice, olivia) -> None:
    closes = timezone.now() + dt.timedelta(days=30)
    section = content.sections.first().anchor
    with pytest.raises(actions.ActionError, match="Only policy officers"):
        actions.open_round(alice, title="t", description="d", questions=["q"], section_anchors=[section], closes_at=closes)
    with pytest.raises(actions.ActionError, match="closing date"):
        actions.open_round(olivia, title="t", description="d", questions=["q"], section_anchors=[section],
                           closes_at=timezone.now() - dt.timedelta(days=1))
    rnd = actions.open_round(olivia, title="Messaging apps", description="d", questions=["What works?"],
                             section_anchors=[section], closes_at=closes)
    assert rnd.is_open


def _publish_change(content, olivia, oscar, anchor: str, *, material: bool, nation_only: str = ""):
    draft = workflow.start_draft(olivia, summary="Update")
    clause = draft.clauses.get(anchor=anchor)
    if nation_only:
        notes = dict(clause.nation_notes)
        notes[nation_only] = "A new note for this nation only."
        workflow.edit_clause(draft, anchor, officer=olivia, text=clause.text, expected_revision=1,
                             nation_notes=notes, reason="Nation update", material=material)
    else:
        workflow.edit_clause(draft, anchor, officer=olivia, text=clause.text + " More.", expected_revision=1,
                             reason="Clarify", material=material)
    workflow.approve(draft, oscar)
    return workflow.publish(draft, olivia)


def test_re_attestation_only_for_material_changes_that_touch_the_member(content, olivia, oscar) -> None:
    worker = make_user("wendy", nation="england", role="social-worker")
    scot = make_user("sandy", nation="scotland", role="social-worker")
    carer = make_user("cara", nation="england", role="carer")
    assert attestation_due(worker) == content  # never attested: asked to read the current version
    for member in (worker, scot, carer):
        actions.attest(member, content)
        assert attestation_due(member) is None

    editorial = _publish_change(content, olivia, oscar, a_clause(content), material=False)
    assert all(attestation_due(m) is None for m in (worker, scot, carer))

    nation_note = _publish_change(editorial, olivia, oscar, a_clause(editorial), material=True, nation_only="scotland")
    assert attestation_due(scot) == nation_note
    assert attestation_due(worker) is None

    students_only = a_clause(nation_note, topic="students-and-newly-qualified")
    v4 = _publish_change(nation_note, olivia, oscar, students_only, material=True)
    assert attestation_due(worker) == v4
    assert attestation_due(carer) is None or "students-and-newly-qualified" in {"confidentiality-in-posts"}


def test_contributions_stay_on_edited_clauses_and_are_marked_on_removed_ones(content, alice, olivia, oscar) -> None:
    anchor = a_clause(content)
    c = amendment(alice, anchor)
    draft = workflow.start_draft(olivia, summary="Remove a clause")
    workflow.remove_clause(draft, anchor, officer=olivia, reason="Merged into another clause", contributions=[c])
    workflow.approve(draft, oscar)
    workflow.publish(draft, olivia)
    c.refresh_from_db()
    assert c.clause_anchor == anchor and c.version == content
    assert list(c.changes.values_list("change", flat=True)) == ["removed"]


def test_demo_runs_the_whole_loop_once(content, capsys) -> None:
    from eprofessional.cli import main
    from eprofessional.policy.models import ClauseChange

    assert main(["demo"]) == 0
    current = PolicyVersion.objects.current()
    assert current.number == content.number + 1
    credited = ClauseChange.objects.filter(version=current, contributions__isnull=False).distinct()
    assert credited.count() == 2
    assert Contribution.objects.filter(decision__isnull=False).count() == 4
    assert "version 2" in capsys.readouterr().out
    assert main(["demo"]) == 0
    assert PolicyVersion.objects.current() == current


def test_the_diff_api_and_compare_page_credit_contributions(client, content) -> None:
    from eprofessional.cli import main

    main(["demo"])
    data = client.get(f"/api/policy/diff?from={content.number}&to={content.number + 1}").json()
    credited = [c for c in data["changes"] if c["contributions"]]
    assert len(credited) == 2
    ids = {i for c in credited for i in c["contributions"]}
    assert ids <= set(Contribution.objects.values_list("pk", flat=True))
    assert all(c["reason"] for c in credited)
    page = client.get(f"/policy/compare/?from={content.number}&to={content.number + 1}").content.decode()
    assert "Say which messaging apps are agreed for work" in page
