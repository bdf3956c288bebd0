"""Build ``Document``s from the YAML content (``content/policy/sections/*.yaml``, ``content/cases/*.yaml``).

The Django side builds the same documents from the database with ``clause_document`` and
``case_document``, passing plain dicts with the content-schema keys (see docs/content.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from .documents import Document

NATION_ORDER = ("england", "wales", "scotland", "northern-ireland")


def _text(value: Any) -> str:
    """Flatten a value to text: each piece stripped, empty pieces skipped, pieces joined by a blank line.

    The database builders (``eprofessional.guidance.search_providers``) join stripped values the same way,
    so a document built from the YAML and one built from the loaded database carry the same text.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, Mapping):
        return _text(list(value.values()))
    if isinstance(value, Iterable):
        return "\n\n".join(t for t in (_text(v) for v in value) if t)
    return str(value).strip()


def _in_nation_order(notes: Any) -> list[Any]:
    """Nation notes in a fixed order (a database may not keep the order of a JSON object's keys)."""
    if not isinstance(notes, Mapping):
        return [notes]
    rank = {n: i for i, n in enumerate(NATION_ORDER)}
    return [notes[k] for k in sorted(notes, key=lambda k: (rank.get(str(k), len(rank)), str(k)))]


def clause_document(clause: Mapping[str, Any], section: Mapping[str, Any] | None = None) -> Document:
    """A policy clause. ``section`` (optional) gives the section title as extra context; ``asked`` (the ways
    people ask about the clause) becomes the ``questions`` field."""
    anchor = str(clause["anchor"])
    fields = {
        "title": _text(clause.get("title")),
        "body": _text(clause.get("text")),
        "section": _text((section or {}).get("title")),
        "questions": _text(clause.get("asked")),
        "advice": _text(_in_nation_order(clause.get("nations"))),
    }
    return Document(
        kind="clause",
        id=anchor,
        title=str(clause.get("title") or anchor),
        url=f"/policy/clauses/{anchor}/",
        topics=tuple(sorted(clause.get("topics") or ())),
        fields={k: v for k, v in fields.items() if v},
    )


def case_document(case: Mapping[str, Any]) -> Document:
    """A dilemma case from the casebook; ``asked`` is appended to the case's own ``questions``."""
    cid = str(case["id"])
    options = case.get("options") or []
    fields = {
        "title": _text(case.get("title")),
        "summary": _text(case.get("summary")),
        "body": _text(case.get("situation")),
        "questions": _text([case.get("questions"), case.get("asked")]),
        "keywords": _text(case.get("keywords")),
        "advice": _text(
            [
                [o.get("option") for o in options if isinstance(o, Mapping)],
                case.get("recommended"),
                case.get("reasoning"),
            ]
        ),
    }
    return Document(
        kind="dilemma",
        id=cid,
        title=str(case.get("title") or cid),
        url=f"/cases/{cid}/",
        topics=tuple(sorted(case.get("topics") or ())),
        fields={k: v for k, v in fields.items() if v.strip()},
    )


def load_documents(content_dir: Path | str) -> list[Document]:
    """All clauses and cases under ``content_dir`` (a folder shaped like the repository's ``content/``)."""
    root = Path(content_dir)
    docs: list[Document] = []
    for path in sorted((root / "policy" / "sections").glob("*.yaml")):
        section = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for clause in section.get("clauses") or []:
            docs.append(clause_document(clause, section))
    for path in sorted((root / "cases").glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if "id" not in case:
            case["id"] = path.stem
        docs.append(case_document(case))
    return docs


def load_merged(content_dirs: Iterable[Path | str]) -> list[Document]:
    """Documents from several content folders (e.g. worktrees that each hold part of the content);
    the first folder that provides a (kind, id) wins."""
    seen: set[tuple[str, str]] = set()
    out: list[Document] = []
    for d in content_dirs:
        for doc in load_documents(d):
            key = (doc.kind, doc.id)
            if key not in seen:
                seen.add(key)
                out.append(doc)
    return out
