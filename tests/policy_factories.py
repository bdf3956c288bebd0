"""Build a second published policy version from the first, with known edits, for diff and history tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone

from eprofessional.core.contentfiles import load_valid_content
from eprofessional.policy.loading import create_version_from_content
from eprofessional.policy.models import Clause, ClauseChange, PolicyVersion, Section, VersionStatus

MODIFIED = "no-identifiable-case-details"
MOVED = "jigsaw-identification"
REMOVED = "no-venting-about-cases"
ADDED = "ai-tools-and-case-details"
MOVED_TO_SECTION = "security-and-privacy"
REWORDED_FIRST_WORD = "Remember:"


def renumber(version: PolicyVersion) -> None:
    for section in version.sections.all():
        for position, clause in enumerate(section.clauses.order_by("position"), start=1):
            clause.position = position
            clause.number = f"{section.number}.{position}"
            clause.save(update_fields=["position", "number"])


def make_second_version(first: PolicyVersion | None = None) -> PolicyVersion:
    """Version 2: one clause reworded, one moved to another section, one removed and one added."""
    first = first or PolicyVersion.objects.get(number=1)
    content = load_valid_content(settings.CONTENT_DIR)
    second = create_version_from_content(content, number=2, status=VersionStatus.PUBLISHED)
    second.published_at = timezone.now() - dt.timedelta(minutes=5)
    second.summary = "The second edition: clearer confidentiality rules and a new clause on AI tools."
    second.based_on = first
    second.save()
    first.status = VersionStatus.ARCHIVED
    first.save(update_fields=["status"])

    edited = Clause.objects.get(version=second, anchor=MODIFIED)
    first_word, rest = edited.text.split(" ", 1)
    edited.text = f"{REWORDED_FIRST_WORD} {first_word.lower()} {rest}"
    edited.save(update_fields=["text"])
    ClauseChange.objects.create(
        version=second, anchor=MODIFIED, change="modified", reason="Members asked for a firmer opening word."
    )

    moved = Clause.objects.get(version=second, anchor=MOVED)
    target = Section.objects.get(version=second, anchor=MOVED_TO_SECTION)
    moved.section = target
    moved.position = 1000
    moved.save(update_fields=["section", "position"])
    ClauseChange.objects.create(
        version=second,
        anchor=MOVED,
        change="moved",
        reason="It is about privacy as much as confidentiality.",
        material=False,
    )

    Clause.objects.filter(version=second, anchor=REMOVED).delete()
    ClauseChange.objects.create(
        version=second, anchor=REMOVED, change="removed", reason="Merged into the supervision section."
    )

    section = edited.section
    added = Clause.objects.create(
        version=second,
        section=section,
        anchor=ADDED,
        number="",
        position=999,
        title="Do not paste case details into AI tools",
        text="Do not paste anything about the people you work with into AI chat tools.",
    )
    added.principles.set(["COE-2014:3.9"])
    added.topics.set(["confidentiality-in-posts"])
    ClauseChange.objects.create(
        version=second, anchor=ADDED, change="added", reason="AI tools are now common."
    )
    renumber(second)
    return second


def clause_number(version: PolicyVersion, anchor: str) -> Any:
    return Clause.objects.get(version=version, anchor=anchor).number
