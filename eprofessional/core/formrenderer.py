"""One look for every form: GOV.UK-style field markup from templates/forms/ (see docs/forms.md)."""

from __future__ import annotations

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Renders ``{{ form }}`` and ``{{ field.as_field_group }}`` with the project's templates.

    TemplatesSetting uses the TEMPLATES setting, so templates/forms/ can be overridden like any other
    template; ``django.forms`` in INSTALLED_APPS supplies Django's widget templates.
    """

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
