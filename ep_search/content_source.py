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


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return "\n\n".join(_text(v) for v in value.values())
    if isinstance(value, Iterable):
        return "\n\n".join(_text(v) for v in value)
    return str(value)


def clause_document(clause: Mapping[str, Any], section: Mapping[str, Any] | None = None) -> Document:
    """A policy clause. ``section`` (optional) gives the section title as extra context."""
    anchor = str(clause["anchor"])
    fields = {
        "title": _text(clause.get("title")),
        "body": _text(clause.get("text")),
        "section": _text((section or {}).get("title")),
        "keywords": _text(clause.get("keywords")),
        "advice": _text(clause.get("nations")),
    }
    return Document(
        kind="clause",
        id=anchor,
        title=str(clause.get("title") or anchor),
        url=f"/policy/clauses/{anchor}/",
        topics=tuple(clause.get("topics") or ()),
        fields={k: v for k, v in fields.items() if v},
    )


def case_document(case: Mapping[str, Any]) -> Document:
    """A dilemma case from the casebook."""
    cid = str(case["id"])
    options = case.get("options") or []
    fields = {
        "title": _text(case.get("title")),
        "summary": _text(case.get("summary")),
        "body": _text(case.get("situation")),
        "questions": _text(case.get("questions")),
        "keywords": _text(case.get("keywords")),
        "advice": "\n\n".join(
            [
                _text([o.get("option") for o in options if isinstance(o, Mapping)]),
                _text(case.get("recommended")),
                _text(case.get("reasoning")),
            ]
        ),
    }
    return Document(
        kind="dilemma",
        id=cid,
        title=str(case.get("title") or cid),
        url=f"/cases/{cid}/",
        topics=tuple(case.get("topics") or ()),
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
