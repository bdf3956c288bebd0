"""Reading raw request parameters safely: whole numbers and text that the database can take.

Forms do this for their own fields (Django's CharField already refuses NUL characters with a message);
these helpers are for the few values views read straight from ``request.GET`` or ``request.POST``.
"""

from __future__ import annotations

from typing import Any

# 18 digits always fit a 64-bit database integer; nothing on the site is numbered beyond that.
MAX_DIGITS = 18


def whole_number(raw: Any, max_digits: int = MAX_DIGITS) -> int | None:
    """``raw`` as a non-negative whole number, or None unless it is 1 to ``max_digits`` ASCII digits.

    ``str.isdigit`` alone is not enough: it is true for "²" and other digits ``int`` refuses.
    """
    if not isinstance(raw, str):
        return None
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > max_digits:
        return None
    return int(raw)


def whole_numbers(raw: Any) -> list[int]:
    """The whole numbers in a comma-separated list such as "12, 15,x"; anything else is ignored."""
    if not isinstance(raw, str):
        return []
    return [n for n in (whole_number(part) for part in raw.split(",")) if n is not None]


def text(raw: Any) -> str:
    """A raw text parameter without NUL characters, which PostgreSQL can neither store nor compare."""
    return raw.replace("\x00", "") if isinstance(raw, str) else ""


def lookup_key(raw: Any) -> str:
    """A raw identifier to look something up by; one with a NUL character matches nothing (and PostgreSQL
    would refuse to compare it), so it becomes the empty string."""
    return raw if isinstance(raw, str) and "\x00" not in raw else ""
