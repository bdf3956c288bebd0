"""Text filters: the content's safe Markdown subset, and search-hit highlighting.

``{{ clause.text|markdown }}`` renders Markdown and then sanitises the HTML with bleach, so content can
never inject script, style or event handlers (the site's CSP forbids them anyway).
``{{ hit|highlight }}`` marks a search hit's highlight offsets in its passage with ``<mark>``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import bleach
import markdown as md
from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

ALLOWED_TAGS = frozenset(
    {"p", "ul", "ol", "li", "em", "strong", "a", "code", "blockquote", "br", "abbr", "h3", "h4"}
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title"], "abbr": ["title"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})


def render_markdown(text: str) -> str:
    """Markdown to sanitised HTML (a plain function, usable outside templates)."""
    html = md.markdown(text or "", extensions=["sane_lists"], output_format="html")
    cleaned = bleach.clean(
        html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS, strip=True
    )
    return str(bleach.linkify(cleaned, callbacks=[], skip_tags={"code"}, parse_email=False))


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    return mark_safe(render_markdown(str(text or "")))  # noqa: S308 - sanitised by bleach above


def _spans(highlights: Iterable[Sequence[int]] | None, length: int) -> list[tuple[int, int]]:
    """Clamp, sort and merge (start, end) offsets; drop empty or malformed ones."""
    spans: list[tuple[int, int]] = []
    for item in highlights or ():
        try:
            start, end = int(item[0]), int(item[1])
        except (TypeError, ValueError, IndexError):
            continue
        start, end = max(0, start), min(length, end)
        if start < end:
            spans.append((start, end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight_text(passage: str, highlights: Iterable[Sequence[int]] | None) -> str:
    """Escape ``passage`` and wrap each (start, end) span (Python str offsets, end exclusive) in <mark>."""
    passage = str(passage or "")
    out: list[str] = []
    pos = 0
    for start, end in _spans(highlights, len(passage)):
        out.append(escape(passage[pos:start]))
        out.append(f"<mark>{escape(passage[start:end])}</mark>")
        pos = end
    out.append(escape(passage[pos:]))
    return "".join(out)


def _get(obj: Any, name: str) -> Any:
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


@register.filter(name="highlight")
def highlight_filter(hit: Any, highlights: Any = None) -> SafeString:
    """``{{ hit|highlight }}`` uses ``hit.passage`` and ``hit.highlights``;
    ``{{ text|highlight:spans }}`` highlights a plain string with the given spans."""
    if isinstance(hit, str):
        return mark_safe(highlight_text(hit, highlights))  # noqa: S308 - every piece is escaped
    passage = _get(hit, "passage") or ""
    spans = highlights if highlights is not None else _get(hit, "highlights")
    return mark_safe(highlight_text(passage, spans))  # noqa: S308 - every piece is escaped


_TOPIC_LABELS: dict[str, str] = {}


@register.filter
def topic_label(key: str) -> str:
    """A topic's label from the database, falling back to the key in words."""
    if not _TOPIC_LABELS:
        from eprofessional.policy.models import Topic

        _TOPIC_LABELS.update(dict(Topic.objects.values_list("key", "label")))
    return _TOPIC_LABELS.get(key) or key.replace("-", " ").capitalize()
