"""Guidance search API: ``GET /api/search?q=...&limit=N`` (see interfaces.md)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema

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
    why: str = ""


class SearchResponse(Schema):
    results: list[SearchResult]


class ErrorOut(Schema):
    detail: str


@router.get("/search", response={200: SearchResponse, 400: ErrorOut}, summary="Search cases and policy clauses")
def search(
    request: HttpRequest,
    q: str = Query("", max_length=2000, description="The question, in the worker's own words"),
    limit: int = Query(10, ge=1, le=50),
) -> dict[str, object] | tuple[int, dict[str, str]]:
    hits = search_engine.search(q, limit=limit)
    return {"results": [hit.to_dict() for hit in hits]}
