"""Template helpers for the casebook and worksheets."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from eprofessional.core.templatetags.ep_text import markdown_filter

register = template.Library()


@register.filter
def markdown(text: str | None) -> SafeString:
    """The site's one Markdown rendering (core ``ep_text``), for templates that load only these tags."""
    return markdown_filter(str(text or ""))


@register.filter
def get_item(mapping: dict, key: str) -> object:
    return mapping.get(key, "") if mapping else ""
