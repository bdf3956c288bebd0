"""Drafting, approval and publishing: who may do what, and what the changelog records."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from eprofessional.core.models import AuditEvent
from eprofessional.policy import workflow
from eprofessional.policy.models import ChangeKind, Clause, ClauseChange, PolicyVersion, VersionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(content, olivia):
    return workflow.start_draft(olivia, summary="Clearer advice on messaging")


def first_clause(version: PolicyVersion) -> Clause:
    return version.clauses.order_by("section__position", "position").first()


def test_a_draft_copies_the_current_version(content, draft) -> None:
    assert draft.number == content.number + 1
    assert draft.status == VersionStatus.DRAFT
    assert draft.clauses.count() == content.clauses.count()
    original, copy = first_clause(content), first_clause(draft)
    assert (copy.anchor, copy.text) == (original.anchor, original.text)
    assert set(copy.principles.all()) == set(original.principles.all())
    # The public still reads the published version.
    assert PolicyVersion.objects.current() == content


def test_only_policy_officers_draft_and_only_one_draft_at_a_time(content, alice, olivia, draft) -> None:
    with pytest.raises(workflow.WorkflowError, match="Only policy officers"):
        workflow.start_draft(alice)
    with pytest.raises(workflow.WorkflowError, match="already a draft"):
        workflow.start_draft(olivia)


def test_every_change_needs_a_reason(draft, olivia) -> None:
    clause = first_clause(draft)
    with pytest.raises(workflow.WorkflowError, match="reason"):
        workflow.edit_clause(draft, clause.anchor, officer=olivia, text="New text.", expected_revision=1,
                             reason="  ", material=True)
    clause.refresh_from_db()
    assert clause.revision == 1


def test_two_officers_editing_one_clause_never_lose_work_silently(draft, olivia, oscar) -> None:
    clause = first_clause(draft)
    workflow.edit_clause(draft, clause.anchor, officer=olivia, text="Olivia's wording.", expected_revision=1,
                         reason="Plainer words", material=False)
    with pytest.raises(workflow.EditConflict) as conflict:
        workflow.edit_clause(draft, clause.anchor, officer=oscar, text="Oscar's wording.", expected_revision=1,
                             reason="Shorter", material=False)
    assert conflict.value.current_text == "Olivia's wording."
    assert conflict.value.attempted_text == "Oscar's wording."
    assert conflict.value.current_revision == 2
    clause.refresh_from_db()
    assert clause.text == "Olivia's wording."
    # Having seen the conflict, Oscar saves on top of the current revision.
    workflow.edit_clause(draft, clause.anchor, officer=oscar, text="Oscar's wording, merged.", expected_revision=2,
                         reason="Shorter", material=False)
    record = ClauseChange.objects.get(version=draft, anchor=clause.anchor)
    assert record.change == ChangeKind.MODIFIED
    assert "Plainer words" in record.reason and "Shorter" in record.reason


def test_add_remove_and_move_renumber_and_record(draft, olivia) -> None:
    sections = list(draft.sections.order_by("position"))
    first, second = sections[0], sections[1]
    added = workflow.add_clause(
        draft, first.anchor, officer=olivia, anchor="new-clause-on-ai-tools", title="AI tools",
        text="Do not paste case details into AI tools.", principles=["COE-2014:3.9"],
        topics=["confidentiality-in-posts"], reason="Members asked about AI tools",
    )
    assert added.number == f"{first.number}.{first.clauses.count()}"
    with pytest.raises(workflow.WorkflowError, match="never reused"):
        workflow.add_clause(draft, first.anchor, officer=olivia, anchor=first_clause(draft).anchor, title="x",
                            text="x", principles=["COE-2014:3.9"], topics=["confidentiality-in-posts"], reason="r")
    moving = second.clauses.order_by("position").first()
    workflow.move_clause(draft, moving.anchor, officer=olivia, to_section=first.anchor, position=1,
                         reason="Belongs with purpose")
    moving.refresh_from_db()
    assert (moving.section_id, moving.number) == (first.pk, f"{first.number}.1")
    assert [c.position for c in second.clauses.order_by("position")] == list(range(1, second.clauses.count() + 1))
    removed = second.clauses.order_by("position").first()
    workflow.remove_clause(draft, removed.anchor, officer=olivia, reason="Repeated elsewhere")
    kinds = dict(ClauseChange.objects.filter(version=draft).values_list("anchor", "change"))
    assert kinds == {added.anchor: "added", moving.anchor: "moved", removed.anchor: "removed"}


def test_approval_needs_a_second_officer_and_publishing_needs_approval(content, draft, olivia, oscar) -> None:
    clause = first_clause(draft)
    workflow.edit_clause(draft, clause.anchor, officer=olivia, text="Reworded.", expected_revision=1,
                         reason="Clarity", material=True)
    with pytest.raises(workflow.WorkflowError, match="approve"):
        workflow.publish(draft, olivia)
    with pytest.raises(workflow.WorkflowError, match="second policy officer"):
        workflow.approve(draft, olivia)
    workflow.approve(draft, oscar)
    with pytest.raises(workflow.WorkflowError, match="approved"):
        workflow.edit_clause(draft, clause.anchor, officer=olivia, text="Again.", expected_revision=2,
                             reason="r", material=False)
    workflow.publish(draft, olivia)
    assert PolicyVersion.objects.current() == draft
    actions = list(AuditEvent.objects.order_by("at", "id").values_list("action", flat=True))
    assert actions == ["policy.draft.start", "policy.clause.edit", "policy.draft.approve", "policy.publish"]


def test_scheduled_publishing_waits_for_its_time(content, draft, olivia, oscar) -> None:
    clause = first_clause(draft)
    workflow.edit_clause(draft, clause.anchor, officer=olivia, text="Reworded.", expected_revision=1,
                         reason="Clarity", material=True)
    workflow.approve(draft, oscar)
    when = timezone.now() + dt.timedelta(days=7)
    workflow.publish(draft, olivia, at=when)
    assert PolicyVersion.objects.current() == content
    assert draft.is_scheduled
    with pytest.raises(workflow.WorkflowError, match="future"):
        other = workflow.start_draft(oscar)
        first = first_clause(other)
        workflow.edit_clause(other, first.anchor, officer=oscar, text="x", expected_revision=1, reason="r",
                             material=False)
        workflow.approve(other, olivia)
        workflow.publish(other, oscar, at=timezone.now() - dt.timedelta(days=1))


def test_published_versions_never_change(content, olivia) -> None:
    with pytest.raises(workflow.WorkflowError, match="Only a draft"):
        workflow.edit_clause(content, first_clause(content).anchor, officer=olivia, text="x",
                             expected_revision=1, reason="r", material=False)
