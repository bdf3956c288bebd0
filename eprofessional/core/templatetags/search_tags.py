"""Template helpers for search results: the matching passage with the matched words marked."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

TOPIC_LABELS: dict[str, str] = {}


@register.filter
def highlighted(hit: Any) -> SafeString:
    """``hit.passage`` escaped, with each ``hit.highlights`` span wrapped in ``<mark>``."""
    passage: str = getattr(hit, "passage", "") or ""
    spans = sorted((int(s), int(e)) for s, e in getattr(hit, "highlights", []) or [])
    out: list[str] = []
    pos = 0
    for start, end in spans:
        if start < pos or end > len(passage) or start >= end:
            continue
        out.append(escape(passage[pos:start]))
        out.append(f"<mark>{escape(passage[start:end])}</mark>")
        pos = end
    out.append(escape(passage[pos:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of text above is escaped


@register.filter
def topic_label(key: str) -> str:
    """A topic's label from the database, falling back to the key in words."""
    if not TOPIC_LABELS:
        from eprofessional.policy.models import Topic

        TOPIC_LABELS.update(dict(Topic.objects.values_list("key", "label")))
    return TOPIC_LABELS.get(key) or key.replace("-", " ").capitalize()
