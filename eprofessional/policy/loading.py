"""Load the registers and the policy edition from content files into the database.

The one place where content files become rows. Idempotent: registers are upserted; an edition that is
already loaded with the same content is left alone; a published edition is never rewritten silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from eprofessional.core.contentfiles import Content

from .models import (
    Clause,
    Legislation,
    PolicyVersion,
    Principle,
    Regulator,
    Section,
    Standard,
    Topic,
    VersionStatus,
)


@dataclass
class LoadReport:
    topics: int = 0
    principles: int = 0
    standards: int = 0
    legislation: int = 0
    edition: str = ""

    def lines(self) -> list[str]:
        return [
            f"{self.topics} topics, {self.principles} principles, {self.standards} standards, "
            f"{self.legislation} legislation entries",
            self.edition,
        ]


def _sort_key(number: str) -> str:
    return ".".join(part.zfill(3) for part in number.split("."))


def _label(key: str) -> str:
    return key.replace("-", " ").capitalize()


@transaction.atomic
def load_registers(content: Content) -> LoadReport:
    report = LoadReport()
    for key, description in content.taxonomy.get("topics", {}).items():
        Topic.objects.update_or_create(key=key, defaults={"label": _label(key), "description": description})
        report.topics += 1
    for p in content.principles:
        Principle.objects.update_or_create(
            id=p["id"],
            defaults={
                "code_version": str(p["code"]),
                "value": p["value"],
                "number": str(p["number"]),
                "title": p["title"],
                "summary": p["summary"].strip(),
                "sort_key": _sort_key(str(p["number"])),
            },
        )
        report.principles += 1
    for r in content.regulators:
        Regulator.objects.update_or_create(
            key=r["key"],
            defaults={
                "name": r["name"],
                "nation": r.get("nation") or "",
                "url": r["url"],
                "current": r.get("current", True),
            },
        )
    for s in content.standards:
        Standard.objects.update_or_create(
            key=s["key"],
            defaults={
                "regulator_id": s["regulator"],
                "document": s["document"],
                "code": str(s.get("code") or ""),
                "title": s["title"],
                "summary": s["summary"].strip(),
                "url": s["url"],
                "effective_from": s.get("effective_from"),
            },
        )
        report.standards += 1
    for law in content.legislation:
        Legislation.objects.update_or_create(
            key=law["key"],
            defaults={
                "act": law["act"],
                "year": law["year"],
                "section": str(law.get("section") or ""),
                "title": law["title"],
                "nations": list(law["nations"]),
                "url": law["url"],
                "summary": law["summary"].strip(),
            },
        )
        report.legislation += 1
    return report


def _aware(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value, dt.UTC)
    return dt.datetime.combine(value, dt.time(9, 0), tzinfo=dt.UTC)


@transaction.atomic
def create_version_from_content(content: Content, *, number: int, status: str) -> PolicyVersion:
    """Create a policy version with its sections and clauses exactly as the content files say."""
    edition = content.edition
    version = PolicyVersion.objects.create(
        number=number,
        status=status,
        title=edition.get("title", "Social Media Policy"),
        summary=str(edition.get("summary", "")).strip(),
        published_at=_aware(edition["published_at"]) if status != VersionStatus.DRAFT else None,
        next_review=edition.get("next_review"),
        content_hash=content.policy_hash,
    )
    for s_pos, s in enumerate(content.sections, start=1):
        section = Section.objects.create(
            version=version,
            anchor=s["anchor"],
            number=s["number"],
            position=s_pos,
            title=s["title"],
            intro=str(s.get("intro") or "").strip(),
            review_by=s.get("review_by") or edition.get("next_review"),
        )
        for c_pos, c in enumerate(s["clauses"], start=1):
            clause = Clause.objects.create(
                version=version,
                section=section,
                anchor=c["anchor"],
                number=f"{s['number']}.{c_pos}",
                position=c_pos,
                title=c.get("title", ""),
                text=c["text"].strip(),
                nation_notes={k: str(v).strip() for k, v in (c.get("nations") or {}).items()},
                asked=[str(a).strip() for a in c.get("asked") or []],
            )
            clause.principles.set(c["principles"])
            clause.topics.set(c["topics"])
            clause.standards.set(c.get("standards") or [])
            clause.legislation.set(c.get("legislation") or [])
    return version


@transaction.atomic
def refresh_asked(content: Content) -> int:
    """Copy each clause's ``asked`` phrasings onto every stored clause with that anchor; returns how many
    rows changed. ``asked`` is search metadata, not policy text (it is left out of the content hash), so
    it may be updated in place without a new policy version."""
    wanted = {c["anchor"]: [str(a).strip() for a in c.get("asked") or []] for c in content.clauses}
    changed = []
    for clause in Clause.objects.filter(anchor__in=list(wanted)).only("pk", "anchor", "asked"):
        if (clause.asked or []) != wanted[clause.anchor]:
            clause.asked = wanted[clause.anchor]
            changed.append(clause)
    Clause.objects.bulk_update(changed, ["asked"])
    return len(changed)


def load_edition(content: Content) -> str:
    """Create the first published edition from content, once. Returns a line for the report."""
    if not content.sections:
        return "No policy sections in the content files."
    number = content.edition["version"]
    existing = PolicyVersion.objects.filter(number=number).first()
    if existing is None:
        version = create_version_from_content(content, number=number, status=VersionStatus.PUBLISHED)
        return f"Loaded policy version {version.number}: {version.sections.count()} sections, {version.clauses.count()} clauses."
    refreshed = refresh_asked(content)
    if existing.content_hash == content.policy_hash:
        extra = f" Updated the search phrasings of {refreshed} clause(s)." if refreshed else ""
        return f"Policy version {number} is already loaded and unchanged.{extra}"
    return (
        f"Policy version {number} is already loaded and the content files have changed since; a published "
        "version is never rewritten. Publish changes as a new version through the policy workflow."
    )
