"""The photo checker's adapter to ``ep_checker.images``: read metadata, make a clean copy.

The photo is held in memory for one request only; nothing is written to disk or logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from .engine import CATEGORY_WORDS

logger = logging.getLogger(__name__)

UNREADABLE = (
    "We could not read that file as a photo. Choose a JPEG, PNG, HEIC, WebP or TIFF image "
    "(a screenshot or a photo straight from your phone is fine)."
)
CONTENT_TYPES = {"jpeg": "image/jpeg", "jpg": "image/jpeg", "png": "image/png", "webp": "image/webp",
                 "tiff": "image/tiff", "gif": "image/gif", "heic": "image/heic", "heif": "image/heif", "bmp": "image/bmp"}


@dataclass
class PhotoItem:
    label: str
    value: str
    message: str
    severity: str = "review"


@dataclass
class PhotoReport:
    items: list[PhotoItem] = field(default_factory=list)
    risk: str = "ok"
    error: str | None = None
    format: str = ""


@dataclass
class CleanCopy:
    data: bytes = b""
    content_type: str = "application/octet-stream"
    filename: str = "photo-clean.jpg"
    error: str | None = None


def _field(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _bad_input(exc: Exception) -> str:
    from ep_checker import CheckerError

    if isinstance(exc, CheckerError) and str(exc):
        return str(exc)
    return UNREADABLE


def inspect(data: bytes, filename: str) -> PhotoReport:
    from ep_checker import CheckerError, images

    try:
        raw = images.inspect_image(data, filename)
    except Exception as exc:  # any failure to parse a hostile file is a clear message, never a 500
        if not isinstance(exc, CheckerError):
            logger.warning("Photo could not be read: %s", type(exc).__name__)
        return PhotoReport(error=_bad_input(exc))
    items = []
    for f in _field(raw, "findings", []) or []:
        category = str(_field(f, "category", ""))
        label = str(_field(f, "label", "") or CATEGORY_WORDS.get(category, category))
        items.append(PhotoItem(
            label=label,
            value=str(_field(f, "text", "") or _field(f, "value", "") or ""),
            message=str(_field(f, "message", "") or ""),
            severity=str(_field(f, "severity", "review") or "review"),
        ))
    risk = str(_field(raw, "risk", "") or ("review" if items else "ok"))
    return PhotoReport(items=items, risk=risk, format=str(_field(raw, "format", "") or ""))


def strip(data: bytes, filename: str) -> CleanCopy:
    from ep_checker import CheckerError, images

    try:
        cleaned = images.strip_metadata(data, filename or None)
    except Exception as exc:
        if not isinstance(exc, CheckerError):
            logger.warning("Photo could not be cleaned: %s", type(exc).__name__)
        return CleanCopy(error=_bad_input(exc))
    fmt = ""
    if not isinstance(cleaned, bytes | bytearray):
        fmt = str(_field(cleaned, "format", "") or "").lower()
        cleaned = _field(cleaned, "data", b"")
    if not fmt:
        fmt = _sniff(bytes(cleaned[:16]))
    stem = PurePath(filename or "photo").stem or "photo"
    stem = "".join(ch for ch in stem if ch.isalnum() or ch in "-_")[:60] or "photo"
    ext = "jpg" if fmt in {"jpeg", "jpg"} else (fmt or "jpg")
    return CleanCopy(data=bytes(cleaned), content_type=CONTENT_TYPES.get(fmt, "application/octet-stream"),
                     filename=f"{stem}-no-metadata.{ext}")


def _sniff(head: bytes) -> str:
    if head.startswith(b"\xff\xd8"):
        return "jpeg"
    if head.startswith(b"\x89PNG"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:4] in {b"II*\x00", b"MM\x00*"}:
        return "tiff"
    if head[:3] == b"GIF":
        return "gif"
    if head[:2] == b"BM":
        return "bmp"
    return ""
