"""Search document providers for the guidance: casebook cases and the clauses of the current policy.

Registered with ``eprofessional.core.search`` in ``GuidanceConfig.ready()``. The documents are built by the
same functions that build them from the YAML (``ep_search.content_source.case_document`` and
``clause_document``), given plain dicts with the content-schema keys, so the web page, the API, the CLI and
the benchmark search the same text (tests/guidance/test_search_parity.py). Only the URLs come from Django.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from eprofessional.core import search

if TYPE_CHECKING:
    from ep_search import Document


def case_fields(case: Any) -> dict[str, Any]:
    """A loaded case as the content-schema dict that ``case_document`` reads."""
    return {
        "id": case.id,
        "title": case.title,
        "summary": case.summary,
        "situation": case.situation,
        "questions": list(case.questions or []),
        "asked": list(case.asked or []),
        "keywords": list(case.keywords or []),
        "options": list(case.options or []),
        "recommended": case.recommended,
        "reasoning": case.reasoning,
        "topics": [t.key for t in case.topics.all()],
    }


def clause_fields(clause: Any) -> dict[str, Any]:
    """A loaded clause as the content-schema dict that ``clause_document`` reads."""
    return {
        "anchor": clause.anchor,
        "title": clause.title,
        "text": clause.text,
        "asked": list(clause.asked or []),
        "nations": dict(clause.nation_notes or {}),
        "topics": [t.key for t in clause.topics.all()],
    }


def case_documents() -> list[Document]:
    from ep_search.content_source import case_document

    from .models import Case

    return [
        dataclasses.replace(case_document(case_fields(case)), url=case.get_absolute_url())
        for case in Case.objects.prefetch_related("topics")
    ]


def clause_documents() -> list[Document]:
    """The clauses of the current published policy version only."""
    from django.urls import reverse

    from ep_search.content_source import clause_document
    from eprofessional.policy.models import Clause, PolicyVersion

    version = PolicyVersion.objects.current()
    if version is None:
        return []
    clauses = Clause.objects.filter(version=version).select_related("section").prefetch_related("topics")
    return [
        dataclasses.replace(
            clause_document(clause_fields(clause), {"title": clause.section.title}),
            title=clause.title or f"Clause {clause.number}",
            url=reverse("policy:clause", args=[clause.anchor]),
        )
        for clause in clauses
    ]


def register() -> None:
    search.register(case_documents)
    search.register(clause_documents)
