"""Revising the policy: drafting, approval and publishing. The one place these writes happen; every
step is in the audit log.

- ``start_draft`` copies the current published version into a new draft (one open draft at a time).
- ``edit_clause`` / ``add_clause`` / ``remove_clause`` / ``move_clause`` change the draft; each records the
  reason, whether the change is material, and the contributions it answers (a ``ClauseChange``).
  Edits carry the revision the officer started from: if someone else saved the clause in between,
  ``EditConflict`` is raised with both texts, and nothing is overwritten.
- ``approve`` needs a second policy officer, never the one who started the draft.
- ``publish`` makes an approved draft the published version now or at a scheduled time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from eprofessional.accounts.permissions import can_edit_policy
from eprofessional.core.models import audit

from .models import ChangeKind, Clause, ClauseChange, PolicyVersion, Principle, Section, Topic, VersionStatus


class WorkflowError(Exception):
    """An action the workflow does not allow, with a message fit to show the officer."""


class EditConflict(WorkflowError):
    def __init__(self, clause: Clause, attempted_text: str) -> None:
        self.clause = clause
        self.current_text = clause.text
        self.current_revision = clause.revision
        self.attempted_text = attempted_text
        super().__init__(
            "Someone else saved this clause after you opened it. Your text has not been lost: compare the two "
            "versions below, then save again."
        )


def _require_officer(user: Any) -> None:
    if not can_edit_policy(user):
        raise WorkflowError("Only policy officers can revise the policy.")


def _require_draft(version: PolicyVersion) -> None:
    if version.status != VersionStatus.DRAFT:
        raise WorkflowError("Only a draft can be changed; published versions never change.")
    if version.approved_at is not None:
        raise WorkflowError("This draft has been approved. Withdraw the approval before changing it.")


def open_draft() -> PolicyVersion | None:
    return PolicyVersion.objects.filter(status=VersionStatus.DRAFT).order_by("-number").first()


@transaction.atomic
def start_draft(officer: Any, summary: str = "") -> PolicyVersion:
    _require_officer(officer)
    if open_draft() is not None:
        raise WorkflowError("There is already a draft in progress; work on that one.")
    base = PolicyVersion.objects.current()
    if base is None:
        raise WorkflowError("There is no published version to start from.")
    number = (PolicyVersion.objects.aggregate(n=Max("number"))["n"] or 0) + 1
    draft = PolicyVersion.objects.create(
        number=number,
        status=VersionStatus.DRAFT,
        title=base.title,
        summary=summary,
        next_review=base.next_review,
        based_on=base,
        created_by=officer,
    )
    for section in base.sections.order_by("position"):
        old_clauses = list(section.clauses.order_by("position").prefetch_related("principles", "topics", "standards", "legislation"))
        section.pk = None
        section.version = draft
        section.save()
        for clause in old_clauses:
            principles, topics = list(clause.principles.all()), list(clause.topics.all())
            standards, legislation = list(clause.standards.all()), list(clause.legislation.all())
            clause._prefetched_objects_cache = {}  # type: ignore[attr-defined]  # else set() thinks copies exist
            clause.pk = None
            clause.version = draft
            clause.section = section
            clause.revision = 1
            clause.save()
            clause.principles.set(principles)
            clause.topics.set(topics)
            clause.standards.set(standards)
            clause.legislation.set(legislation)
    audit(officer, "policy.draft.start", f"version:{draft.number}", based_on=base.number)
    return draft


def _record(
    draft: PolicyVersion,
    clause: Clause,
    change: str,
    *,
    reason: str,
    material: bool,
    contributions: Iterable[Any],
    nations: list[str] | None = None,
) -> ClauseChange:
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError("Every change needs a reason: it is published in the changelog.")
    record = ClauseChange.objects.filter(version=draft, anchor=clause.anchor).first()
    if record is None:
        record = ClauseChange(version=draft, anchor=clause.anchor, change=change)
    elif record.change == ChangeKind.ADDED and change != ChangeKind.REMOVED:
        change = ChangeKind.ADDED  # still new in this version, however often it is edited
    elif (record.change == ChangeKind.MOVED and change == ChangeKind.MODIFIED) or (record.change == ChangeKind.MODIFIED and change == ChangeKind.MOVED):
        change = ChangeKind.MODIFIED
    record.change = change
    record.reason = reason if not record.reason or record.reason == reason else f"{record.reason}\n{reason}"
    record.material = material or (record.pk is not None and record.material)
    record.nations = sorted(set(record.nations or []) | set(nations or [])) if nations else []
    record.topics = sorted(clause.topics.values_list("key", flat=True)) if clause.pk else record.topics
    record.save()
    record.contributions.add(*list(contributions))
    return record


def _renumber(section: Section) -> None:
    for position, clause in enumerate(section.clauses.order_by("position", "id"), start=1):
        number = f"{section.number}.{position}"
        if clause.position != position or clause.number != number:
            Clause.objects.filter(pk=clause.pk).update(position=position, number=number)


@transaction.atomic
def edit_clause(
    draft: PolicyVersion,
    anchor: str,
    *,
    officer: Any,
    text: str,
    expected_revision: int,
    reason: str,
    material: bool,
    title: str | None = None,
    nation_notes: dict[str, str] | None = None,
    contributions: Iterable[Any] = (),
) -> Clause:
    _require_officer(officer)
    _require_draft(draft)
    text = (text or "").strip()
    if not text:
        raise WorkflowError("A clause needs some text. To take a clause out, remove it instead.")
    clause = Clause.objects.select_for_update().get(version=draft, anchor=anchor)
    if clause.revision != expected_revision:
        raise EditConflict(clause, text)
    changed_nations: list[str] = []
    if nation_notes is not None:
        cleaned = {k: v.strip() for k, v in nation_notes.items() if v and v.strip()}
        changed_nations = sorted(
            n for n in set(cleaned) | set(clause.nation_notes or {})
            if cleaned.get(n) != (clause.nation_notes or {}).get(n)
        )
        clause.nation_notes = cleaned
    text_changed = text != clause.text or (title is not None and title != clause.title)
    if not text_changed and not changed_nations:
        raise WorkflowError("Nothing has changed in this clause.")
    clause.text = text
    if title is not None:
        clause.title = title.strip()
    clause.revision = F("revision") + 1
    clause.save()
    clause.refresh_from_db()
    # A change only to one nation's note affects readers in that nation alone.
    _record(draft, clause, ChangeKind.MODIFIED, reason=reason, material=material, contributions=contributions,
            nations=changed_nations if not text_changed else None)
    audit(officer, "policy.clause.edit", f"version:{draft.number}/{anchor}", reason, revision=clause.revision)
    return clause


@transaction.atomic
def add_clause(
    draft: PolicyVersion,
    section_anchor: str,
    *,
    officer: Any,
    anchor: str,
    title: str,
    text: str,
    principles: Iterable[str],
    topics: Iterable[str],
    reason: str,
    material: bool = True,
    contributions: Iterable[Any] = (),
) -> Clause:
    _require_officer(officer)
    _require_draft(draft)
    principles, topics = list(principles), list(topics)
    if not principles:
        raise WorkflowError("Every clause rests on at least one Code of Ethics principle.")
    if not topics:
        raise WorkflowError("Every clause needs at least one topic.")
    if not (text or "").strip():
        raise WorkflowError("A clause needs some text.")
    from django.utils.text import slugify

    anchor = slugify(anchor or title)[:100]
    if not anchor:
        raise WorkflowError("A clause needs an anchor made of letters, numbers and hyphens.")
    if Clause.objects.filter(anchor=anchor).exists() or ClauseChange.objects.filter(anchor=anchor).exists():
        raise WorkflowError("That anchor has been used before. Anchors are never reused: choose another.")
    section = Section.objects.get(version=draft, anchor=section_anchor)
    last = section.clauses.aggregate(p=Max("position"))["p"] or 0
    clause = Clause.objects.create(
        version=draft, section=section, anchor=anchor, title=title.strip(), text=text.strip(),
        position=last + 1, number=f"{section.number}.{last + 1}",
    )
    clause.principles.set(Principle.objects.filter(id__in=principles))
    clause.topics.set(Topic.objects.filter(key__in=topics))
    _record(draft, clause, ChangeKind.ADDED, reason=reason, material=material, contributions=contributions)
    audit(officer, "policy.clause.add", f"version:{draft.number}/{anchor}", reason)
    return clause


@transaction.atomic
def remove_clause(
    draft: PolicyVersion, anchor: str, *, officer: Any, reason: str, material: bool = True,
    contributions: Iterable[Any] = (),
) -> None:
    _require_officer(officer)
    _require_draft(draft)
    clause = Clause.objects.select_related("section").get(version=draft, anchor=anchor)
    record = ClauseChange.objects.filter(version=draft, anchor=anchor).first()
    section = clause.section
    if record is not None and record.change == ChangeKind.ADDED:
        record.delete()  # added and removed in the same draft: it never existed
    else:
        _record(draft, clause, ChangeKind.REMOVED, reason=reason, material=material, contributions=contributions)
    clause.delete()
    _renumber(section)
    audit(officer, "policy.clause.remove", f"version:{draft.number}/{anchor}", reason)


@transaction.atomic
def move_clause(
    draft: PolicyVersion, anchor: str, *, officer: Any, to_section: str, position: int, reason: str,
    material: bool = False, contributions: Iterable[Any] = (),
) -> Clause:
    _require_officer(officer)
    _require_draft(draft)
    clause = Clause.objects.select_related("section").get(version=draft, anchor=anchor)
    old_section = clause.section
    new_section = Section.objects.get(version=draft, anchor=to_section)
    siblings = list(new_section.clauses.exclude(pk=clause.pk).order_by("position"))
    position = max(1, min(position, len(siblings) + 1))
    siblings.insert(position - 1, clause)
    clause.section = new_section
    clause.save(update_fields=["section"])
    for pos, item in enumerate(siblings, start=1):
        Clause.objects.filter(pk=item.pk).update(position=pos, number=f"{new_section.number}.{pos}")
    if old_section.pk != new_section.pk:
        _renumber(old_section)
    clause.refresh_from_db()
    _record(draft, clause, ChangeKind.MOVED, reason=reason, material=material, contributions=contributions)
    audit(officer, "policy.clause.move", f"version:{draft.number}/{anchor}", reason,
          to_section=to_section, position=position)
    return clause


@transaction.atomic
def approve(draft: PolicyVersion, officer: Any) -> PolicyVersion:
    _require_officer(officer)
    if draft.status != VersionStatus.DRAFT:
        raise WorkflowError("Only a draft can be approved.")
    if draft.created_by_id == officer.pk:
        raise WorkflowError("A second policy officer must approve: you started this draft.")
    if not draft.changes.exists():
        raise WorkflowError("This draft has no changes yet.")
    draft.approved_by = officer
    draft.approved_at = timezone.now()
    draft.save(update_fields=["approved_by", "approved_at"])
    audit(officer, "policy.draft.approve", f"version:{draft.number}")
    return draft


@transaction.atomic
def withdraw_approval(draft: PolicyVersion, officer: Any, reason: str) -> PolicyVersion:
    _require_officer(officer)
    if draft.status != VersionStatus.DRAFT or draft.approved_at is None:
        raise WorkflowError("This draft is not awaiting publication.")
    draft.approved_by = None
    draft.approved_at = None
    draft.save(update_fields=["approved_by", "approved_at"])
    audit(officer, "policy.draft.unapprove", f"version:{draft.number}", reason)
    return draft


@transaction.atomic
def publish(
    draft: PolicyVersion, officer: Any, *, at: dt.datetime | None = None, summary: str = "", response: str = ""
) -> PolicyVersion:
    """Publish an approved draft now, or schedule it: it becomes current when ``at`` arrives."""
    _require_officer(officer)
    if draft.status != VersionStatus.DRAFT:
        raise WorkflowError("This version has already been published.")
    if draft.approved_at is None:
        raise WorkflowError("A second policy officer must approve the draft before it is published.")
    when = at or timezone.now()
    if at is not None and at < timezone.now() - dt.timedelta(minutes=1):
        raise WorkflowError("A scheduled time must be in the future.")
    draft.status = VersionStatus.PUBLISHED
    draft.published_at = when
    if summary.strip():
        draft.summary = summary.strip()
    if not draft.summary:
        raise WorkflowError("Write a short summary of what changed: it heads the changelog and the feed.")
    draft.round_response = response.strip() or draft.round_response
    draft.save()
    audit(officer, "policy.publish", f"version:{draft.number}", scheduled_for=when.isoformat())
    from eprofessional.core import search

    search.invalidate()
    return draft
