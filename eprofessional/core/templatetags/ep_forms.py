"""Helpers for templates/forms/ (docs/forms.md)."""

from __future__ import annotations

from typing import Any

from django import template
from django.forms import BoundField

register = template.Library()

CHOICE_WIDGETS = {"radioselect", "checkboxselectmultiple"}


@register.filter
def field_anchor(field: BoundField) -> str:
    """The id an error summary links to: the field's input, or a choice group's first option."""
    if field.widget_type in CHOICE_WIDGETS:
        return f"{field.auto_id}_0"
    return str(field.id_for_label or field.auto_id)


@register.filter
def is_choice_group(field: BoundField) -> bool:
    return field.widget_type in CHOICE_WIDGETS


@register.filter
def first_anchor(form: Any) -> str:
    """Where a form-wide error (such as a failed sign-in) links: the first visible field."""
    visible = form.visible_fields()
    return field_anchor(visible[0]) if visible else ""
