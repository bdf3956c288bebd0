"""Search document providers for the guidance: casebook cases and the clauses of the current policy.

Registered with ``eprofessional.core.search`` in ``GuidanceConfig.ready()``. The field conventions follow
``ep_search.content_source`` (title, summary, body, questions, keywords, section, advice).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from eprofessional.core import search

if TYPE_CHECKING:
    from ep_search import Document


def _join(values: Iterable[Any]) -> str:
    return "\n\n".join(str(v).strip() for v in values if v and str(v).strip())


def case_documents() -> list[Document]:
    from ep_search import Document

    from .models import Case

    docs = []
    for case in Case.objects.prefetch_related("topics"):
        options = [o.get("option", "") for o in case.options if isinstance(o, Mapping)]
        fields = {
            "title": case.title,
            "summary": case.summary,
            "body": case.situation,
            "questions": _join(case.questions),
            "keywords": _join(case.keywords),
            "advice": _join([*options, case.recommended, case.reasoning]),
        }
        docs.append(
            Document(
                kind="dilemma",
                id=case.id,
                title=case.title,
                url=case.get_absolute_url(),
                topics=tuple(t.key for t in case.topics.all()),
                fields={k: v for k, v in fields.items() if v.strip()},
            )
        )
    return docs


def clause_documents() -> list[Document]:
    """The clauses of the current published policy version only."""
    from django.urls import reverse

    from ep_search import Document
    from eprofessional.policy.models import Clause, PolicyVersion

    version = PolicyVersion.objects.current()
    if version is None:
        return []
    docs = []
    for clause in Clause.objects.filter(version=version).select_related("section").prefetch_related("topics"):
        fields = {
            "title": clause.title,
            "body": clause.text,
            "section": clause.section.title,
            "advice": _join((clause.nation_notes or {}).values()),
        }
        docs.append(
            Document(
                kind="clause",
                id=clause.anchor,
                title=clause.title or f"Clause {clause.number}",
                url=reverse("policy:clause", args=[clause.anchor]),
                topics=tuple(t.key for t in clause.topics.all()),
                fields={k: v for k, v in fields.items() if v and v.strip()},
            )
        )
    return docs


def register() -> None:
    search.register(case_documents)
    search.register(clause_documents)
