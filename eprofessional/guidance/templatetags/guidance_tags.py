"""Template helpers for the casebook and worksheets."""

from __future__ import annotations

import bleach
import markdown as md
from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

ALLOWED_TAGS = {"p", "ul", "ol", "li", "em", "strong", "a", "br", "code", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}


@register.filter
def markdown(text: str | None) -> SafeString:
    """Render the safe Markdown subset used by the content files (paragraphs, lists, emphasis, links)."""
    html = md.markdown(text or "", output_format="html")
    clean = bleach.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols={"http", "https"})
    return mark_safe(clean)  # noqa: S308 - sanitised by bleach above


@register.filter
def get_item(mapping: dict, key: str) -> object:
    return mapping.get(key, "") if mapping else ""
