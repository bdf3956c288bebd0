"""Guidance search API: ``GET /api/search?q=...&limit=N`` (see interfaces.md)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from eprofessional.core import search as search_engine
from eprofessional.core.api_schemas import ErrorOut, ValidationErrorOut

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


@router.get("/search", response={200: SearchResponse, 400: ErrorOut, 422: ValidationErrorOut}, summary="Search cases and policy clauses")
def search(
    request: HttpRequest,
    q: str = Query("", description="The question, in the worker's own words (up to 2,000 characters)"),
    limit: int = Query(10, description="How many results, 1 to 50 (values outside are brought into range)"),
) -> dict[str, object] | Status[dict[str, str]]:
    if len(q) > 2000:
        return Status(400, {"detail": "The question is too long: please use up to 2,000 characters."})
    hits = search_engine.search(q, limit=limit)
    return {"results": [hit.to_dict() for hit in hits]}
