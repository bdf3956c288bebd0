"""Guidance search API: ``GET /api/search?q=...&limit=N`` (see interfaces.md)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, Router, Schema

from eprofessional.core import search as search_engine

router = Router(tags=["search"])


class SearchResult(Schema):
    kind: str
    id: str
    title: str
    url: str
    topics: list[str]
    score: float
    passage: str = ""
    highlights: list[list[int]] = Field(
        default_factory=list, description="[start, end) character spans of the passage that matched"
    )
    matched_topics: list[str] = Field(default_factory=list)
    why: str = ""


class SearchResponse(Schema):
    results: list[SearchResult]


class ErrorOut(Schema):
    detail: str


@router.get("/search", response={200: SearchResponse, 400: ErrorOut}, summary="Search cases and policy clauses")
def search(
    request: HttpRequest,
    q: str = Field("", max_length=2000, description="The question, in the worker's own words"),  # type: ignore[assignment]
    limit: int = Field(10, ge=1, le=50),  # type: ignore[assignment]
) -> dict[str, object] | tuple[int, dict[str, str]]:
    hits = search_engine.search(q, limit=limit)
    return {"results": [hit.to_dict() for hit in hits]}
