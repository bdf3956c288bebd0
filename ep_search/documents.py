"""The searchable unit and the search result."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class Document:
    """One guidance item: a policy clause, a dilemma case, later a leaflet or training scenario.

    ``fields`` holds named plain-text (or Markdown) fields. The engine knows these names and weighs
    them (see ``DEFAULT_FIELD_WEIGHTS``); unknown names are indexed with weight 1.0:
    ``title``, ``summary``, ``body``, ``questions``, ``keywords``, ``section``, ``advice``.
    """

    kind: str
    id: str
    title: str
    url: str
    topics: tuple[str, ...] = ()
    fields: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "topics", tuple(self.topics))
        object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))

    def __hash__(self) -> int:
        return hash((self.kind, self.id))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return (self.kind, self.id) == (other.kind, other.id)


@dataclass
class Hit:
    document: Document
    score: float
    passage: str = ""
    highlights: list[tuple[int, int]] = field(default_factory=list)
    matched_topics: list[str] = field(default_factory=list)
    matched_terms: list[str] = field(default_factory=list)
    why: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = self.document
        return {
            "kind": d.kind,
            "id": d.id,
            "title": d.title,
            "url": d.url,
            "topics": list(d.topics),
            "score": round(float(self.score), 4),
            "passage": self.passage,
            "highlights": [list(h) for h in self.highlights],
            "matched_topics": list(self.matched_topics),
            "why": self.why,
        }
