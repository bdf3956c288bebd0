"""``POST /api/check``: the before-you-post checker for scripts (see interfaces.md).

The body is ``{"text": "..."}``; the answer is the same result object that ``eprofessional check --json``
prints. The draft is checked in memory and never stored or logged. Like every ninja route without
``csrf=True`` it is exempt from Django's CSRF check, so scripts can call it without a session.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema
from ninja.responses import Status

from eprofessional.core import ratelimit
from eprofessional.core.api_schemas import ErrorOut, ValidationErrorOut

from . import engine

router = Router(tags=["checker"])


class CheckIn(Schema):
    text: str = Field(..., description="The draft post to check (up to 100,000 characters).")


class FindingOut(Schema):
    category: str = Field(..., description="A finding category key from taxonomy.yaml")
    start: int = Field(..., description="Offset of the first character (Python str index)")
    end: int = Field(..., description="Offset after the last character (exclusive)")
    text: str
    severity: str = Field(..., description="stop, review or info")
    message: str = Field(..., description="Why this matters, in plain words")
    topics: list[str]
    suggestion: str = Field(..., description="What to write instead")
    clauses: list[str] = Field(
        default_factory=list, description="Anchors of the policy clauses it relates to"
    )
    rule: str = ""
    why: str = ""


class CheckOut(Schema):
    risk: str = Field(..., description="ok, review or stop")
    findings: list[FindingOut]
    redacted: str = Field(..., description="The text with identifying spans replaced")


def _no_store(response: HttpResponse) -> None:
    response["Cache-Control"] = "no-store"


@router.post(
    "/check",
    response={200: CheckOut, 400: ErrorOut, 422: ValidationErrorOut, 429: ErrorOut},
    summary="Check a draft post before you publish it",
    description="Returns the risk (ok, review, stop), each finding with its character offsets, and a "
    "redacted version. Bad bodies get 422 with the validation errors; a text that is empty or longer "
    "than 100,000 characters gets 400 with a `detail`. Too many requests in a short time get 429 with a "
    "`detail` and a Retry-After header (seconds). Nothing sent here is stored or logged.",
)
def check(request: HttpRequest, response: HttpResponse, body: CheckIn) -> Any:
    _no_store(response)
    wait = ratelimit.limited("check", ratelimit.client_key(request))
    if wait:
        response["Retry-After"] = str(wait)
        return Status(429, {"detail": ratelimit.message(wait, "checks")})
    text = body.text
    if not text.strip():
        return Status(400, {"detail": "The text is empty: send the draft post in \"text\"."})
    if len(text) > engine.MAX_CHARS:
        return Status(400, {"detail": f"The text is too long: send up to {engine.MAX_CHARS:,} characters."})
    try:
        result = engine.check(text)
    except engine.checker_error() as exc:
        return Status(400, {"detail": str(exc)})
    return Status(200, engine.result_dict(result))


def register_error_handlers(api: Any) -> None:
    """A body larger than Django accepts gets a JSON detail instead of Django's HTML error page, and a body
    that is not JSON a detail that says what to send."""
    from django.core.exceptions import RequestDataTooBig

    def too_big(request: HttpRequest, exc: Exception) -> HttpResponse:
        detail = f"The request body is too large: send up to {engine.MAX_CHARS:,} characters of text."
        return api.create_response(request, {"detail": detail}, status=400)

    api.add_exception_handler(RequestDataTooBig, too_big)

    from ninja.errors import HttpError

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        detail = str(exc)
        if detail.startswith("Cannot parse request body"):  # a form post, text/plain that is not JSON...
            what = '{"text": "..."}' if request.path.rstrip("/").endswith("/check") else "the body"
            detail = (
                f"The request body is not JSON: send {what} as UTF-8 JSON, with the header "
                "Content-Type: application/json."
            )
        return api.create_response(request, {"detail": detail}, status=exc.status_code)

    api.add_exception_handler(HttpError, http_error)
