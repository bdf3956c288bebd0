"""Read-only policy API (the "Policy API" section of interfaces.md), mounted at ``/api/policy``.

- ``GET /api/policy``                     the current published version
- ``GET /api/policy/versions``            every published version, newest first
- ``GET /api/policy/versions/{version}``  one published version (its integer number)
- ``GET /api/policy/diff?from=A&to=B``    clause-level changes between two published versions
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from eprofessional.core.api_schemas import ErrorOut, ValidationErrorOut
from eprofessional.core.params import whole_number

from .diff import compare_versions
from .models import PolicyVersion
from .serializers import version_data, version_summary

router = Router(tags=["policy"])


class StandardOut(Schema):
    key: str
    regulator: str
    citation: str
    title: str
    url: str


class LegislationOut(Schema):
    key: str
    citation: str
    title: str
    nations: list[str]
    url: str


class ClauseOut(Schema):
    anchor: str = Field(..., description="Stable: the same clause keeps its anchor across versions")
    number: str = Field(..., description="Derived from its position, e.g. 6.1; may change between versions")
    title: str
    text: str = Field(..., description="Markdown")
    principles: list[str] = Field(..., description="Code of Ethics principle IDs, e.g. COE-2014:3.9")
    topics: list[str] = Field(..., description="Topic keys from taxonomy.yaml")
    standards: list[StandardOut]
    legislation: list[LegislationOut]
    nations: dict[str, str] = Field(..., description="'In your nation' notes by nation key")
    url: str = Field(..., description="Permalink on the site (always the current version)")


class SectionOut(Schema):
    anchor: str
    number: int
    title: str
    intro: str
    clauses: list[ClauseOut]


class VersionSummaryOut(Schema):
    version: int
    title: str
    status: str
    published_at: dt.datetime
    next_review: dt.date | None
    summary: str
    url: str


class VersionOut(VersionSummaryOut):
    sections: list[SectionOut]


class ClauseSnapshotOut(Schema):
    number: str
    title: str
    text: str
    section: str
    section_number: int
    section_title: str
    principles: list[str]
    topics: list[str]
    standards: list[str]
    legislation: list[str]
    nations: dict[str, str]


class ChangeOut(Schema):
    clause: str = Field(..., description="The clause's anchor")
    change: str = Field(..., description="added, modified, removed or moved")
    moved: bool = Field(..., description="True when the clause changed section or order (even if modified)")
    before: ClauseSnapshotOut | None = Field(..., description="The clause in 'from' (null if added)")
    after: ClauseSnapshotOut | None = Field(..., description="The clause in 'to' (null if removed)")
    reason: str = Field(..., description="Why it changed, from the change records; empty if none recorded")
    material: bool | None = Field(..., description="Whether members must re-attest; null if no record")
    contributions: list[Any] = Field(..., description="IDs of the member contributions that led to it")


class DiffOut(Schema):
    from_version: int = Field(..., alias="from")
    to_version: int = Field(..., alias="to")
    changes: list[ChangeOut]


def _version(number: int) -> PolicyVersion | None:
    return PolicyVersion.objects.published().filter(number=number).first()


@router.get(
    "",
    response={200: VersionOut, 404: ErrorOut},
    summary="The current published version",
)
def current_policy(request: HttpRequest) -> Any:
    version = PolicyVersion.objects.current()
    if version is None:
        return Status(404, {"detail": "No policy has been published yet."})
    return version_data(version)


@router.get("/versions", response={200: list[VersionSummaryOut]}, summary="Every published version, newest first")
def list_versions(request: HttpRequest) -> Any:
    return [version_summary(v) for v in PolicyVersion.objects.published().order_by("-number")]


@router.get(
    "/versions/{version}",
    response={200: VersionOut, 404: ErrorOut, 422: ValidationErrorOut},
    summary="One published version, by its number",
)
def get_version(request: HttpRequest, version: int) -> Any:
    found = _version(version)
    if found is None:
        return Status(404, {"detail": f"There is no published version {version}."})
    return version_data(found)


class DiffQuery(Schema):
    from_: str = Field("", alias="from", description="The earlier version's number")
    to: str = Field("", description="The later version's number")


def _parse(raw: str, name: str) -> int | str:
    raw = (raw or "").strip()
    if not raw:
        return f"'{name}' is required: a published version number."
    number = whole_number(raw, max_digits=9)
    if number is None:
        return f"'{name}' must be a version number (a whole number), not {raw[:20]!r}."
    return number


@router.get(
    "/diff",
    response={200: DiffOut, 400: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut},
    summary="Clause-level changes between two published versions",
    description="400 when 'from' or 'to' is missing or not a whole number, or when they are equal; "
    "404 when either is not a published version.",
    by_alias=True,
)
def diff(request: HttpRequest, params: Query[DiffQuery]) -> Any:
    a_number = _parse(params.from_, "from")
    b_number = _parse(params.to, "to")
    for parsed in (a_number, b_number):
        if isinstance(parsed, str):
            return Status(400, {"detail": parsed})
    assert isinstance(a_number, int) and isinstance(b_number, int)
    if a_number == b_number:
        return Status(400, {"detail": "'from' and 'to' must be different versions."})
    a, b = _version(a_number), _version(b_number)
    if a is None or b is None:
        missing = a_number if a is None else b_number
        return Status(404, {"detail": f"There is no published version {missing}."})
    return {"from": a.number, "to": b.number, "changes": compare_versions(a, b)}
