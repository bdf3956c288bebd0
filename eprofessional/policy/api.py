"""Read-only policy API (see interfaces.md). Skeleton: being built out."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["policy"])
