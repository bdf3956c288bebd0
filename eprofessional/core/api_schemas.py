"""Error bodies shared by every API router, so the OpenAPI document declares every status the API sends.

- 400, 401, 404: ``{"detail": "a sentence saying what is wrong"}``
- 422 (django-ninja's validation of parameters and bodies): ``{"detail": [{"type", "loc", "msg"}, ...]}``,
  each item naming where the bad value was (``loc``, e.g. ``["query", "limit"]``) and what is wrong (``msg``).
"""

from __future__ import annotations

from typing import Any

from ninja import Schema


class ErrorOut(Schema):
    detail: str


class ValidationErrorOut(Schema):
    detail: list[dict[str, Any]]


ERRORS: dict[int, Any] = {400: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}
"""The usual error responses, for ``response={200: ..., **ERRORS}``."""
