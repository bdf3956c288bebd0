"""Plain-data views of policy versions, shared by the API, the PDF cache key and the feed."""

from __future__ import annotations

from typing import Any

from .models import PolicyVersion, Section


def clause_data(clause: Any) -> dict[str, Any]:
    return {
        "anchor": clause.anchor,
        "number": clause.number,
        "title": clause.title,
        "text": clause.text,
        "principles": [p.id for p in clause.principles.all()],
        "topics": [t.key for t in clause.topics.all()],
        "standards": [
            {"key": s.key, "regulator": s.regulator.name, "citation": str(s), "title": s.title, "url": s.url}
            for s in clause.standards.all()
        ],
        "legislation": [
            {"key": x.key, "citation": x.citation, "title": x.title, "nations": list(x.nations), "url": x.url}
            for x in clause.legislation.all()
        ],
        "nations": dict(clause.nation_notes or {}),
        "url": clause.permalink(),
    }


def section_data(section: Section) -> dict[str, Any]:
    return {
        "anchor": section.anchor,
        "number": section.number,
        "title": section.title,
        "intro": section.intro,
        "clauses": [clause_data(c) for c in section.clauses.all()],
    }


def version_summary(version: PolicyVersion) -> dict[str, Any]:
    return {
        "version": version.number,
        "title": version.title,
        "status": version.status,
        "published_at": version.published_at,
        "next_review": version.next_review,
        "summary": version.summary,
        "url": version.get_absolute_url(),
    }


def version_data(version: PolicyVersion) -> dict[str, Any]:
    return {**version_summary(version), "sections": [section_data(s) for s in version.ordered_sections()]}
