"""Worksheets API (read-only, session auth): ``GET /api/worksheets`` and ``GET /api/worksheets/{id}``.

Same visibility as the web pages: through ``Worksheet.objects.visible_to``; anything else is a 404.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.security import django_auth

from eprofessional.core.api_schemas import ErrorOut, ValidationErrorOut

from .models import Worksheet

router = Router(tags=["worksheets"], auth=django_auth)


class TensionOut(Schema):
    principle: str
    title: str
    notes: str


class OptionOut(Schema):
    option: str = ""
    benefits: str = ""
    risks: str = ""


class WorksheetSummary(Schema):
    id: int
    title: str
    url: str
    author: str
    mine: bool
    case: str | None
    shared_with: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


class CommentOut(Schema):
    id: int
    parent: int | None
    author: str
    body: str
    created_at: dt.datetime


class WorksheetOut(WorksheetSummary):
    facts: str
    people_affected: str
    principles: list[TensionOut]
    law_and_policy: str
    options: list[OptionOut]
    decision: str
    rationale: str
    record: str
    supervision_questions: str
    comments: list[CommentOut]


class WorksheetList(Schema):
    own: list[WorksheetSummary]
    shared_with_me: list[WorksheetSummary]


def _handle(user: Any) -> str:
    """A member's username; an account since closed has none to give ("A former member")."""
    return str(user.public_name if user.is_closed else user.username)


def _summary(w: Worksheet, request: HttpRequest) -> dict[str, object]:
    return {
        "id": w.pk, "title": w.title, "url": w.get_absolute_url(), "author": _handle(w.author),
        "mine": w.author_id == request.user.pk, "case": w.case_id,
        "shared_with": _handle(w.shared_with) if w.shared_with else None,
        "created_at": w.created_at, "updated_at": w.updated_at,
    }


@router.get("", response={200: WorksheetList, 401: ErrorOut}, summary="Your worksheets and those shared with you")
def list_worksheets(request: HttpRequest) -> dict[str, object]:
    visible = Worksheet.objects.visible_to(request.user).select_related("author", "shared_with")
    items = [(_summary(w, request), w.author_id == request.user.pk) for w in visible]
    return {"own": [s for s, mine in items if mine], "shared_with_me": [s for s, mine in items if not mine]}


@router.get(
    "/{worksheet_id}",
    response={200: WorksheetOut, 401: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut},
    summary="One worksheet you may read",
)
def get_worksheet(request: HttpRequest, worksheet_id: int) -> dict[str, object]:
    w = get_object_or_404(
        Worksheet.objects.visible_to(request.user).select_related("author", "shared_with"), pk=worksheet_id
    )
    return {
        **_summary(w, request),
        "facts": w.facts, "people_affected": w.people_affected, "law_and_policy": w.law_and_policy,
        "principles": [
            {"principle": t.principle_id, "title": t.principle.title, "notes": t.notes}
            for t in w.tensions.select_related("principle")
        ],
        "options": w.options, "decision": w.decision, "rationale": w.rationale, "record": w.record,
        "supervision_questions": w.supervision_questions,
        "comments": [
            {"id": c.pk, "parent": c.parent_id, "author": _handle(c.author), "body": c.body,
             "created_at": c.created_at}
            for c in w.comments.select_related("author")
        ],
    }
