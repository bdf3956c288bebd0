"""Forms for worksheets, sharing and comments."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MaxLengthValidator

from eprofessional.policy.models import Principle

from .models import Worksheet

TEXTAREA = {"rows": 5, "class": "ep-textarea"}
MAX_TEXT = 20_000


def describe_help(form: forms.BaseForm) -> None:
    """Point each input with help text at its hint (rendered by guidance/_field.html)."""
    for name, field in form.fields.items():
        if field.help_text:
            field.widget.attrs["aria-describedby"] = f"{form[name].id_for_label}-hint"


class WorksheetForm(forms.ModelForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        describe_help(self)
        for name in self.Meta.fields:
            if name != "title":
                self.fields[name].validators.append(MaxLengthValidator(MAX_TEXT))
                self.fields[name].widget.attrs["maxlength"] = str(MAX_TEXT)

    save_anyway = forms.BooleanField(
        required=False,
        label="Save anyway: I have checked and these details do not identify anyone",
    )

    class Meta:
        model = Worksheet
        fields = [
            "title", "facts", "people_affected", "law_and_policy", "decision", "rationale", "record",
            "supervision_questions",
        ]
        labels = {
            "title": "Title",
            "facts": "The facts",
            "people_affected": "People affected",
            "law_and_policy": "Law and policy",
            "decision": "Your decision",
            "rationale": "Why: your rationale",
            "record": "What will be recorded",
            "supervision_questions": "Questions for supervision",
        }
        help_texts = {
            "title": "A short description, without names, for example “Child in care messaging birth parent”.",
            "facts": "What happened, as facts. Use roles (“the young person”, “the carer”), not names.",
            "people_affected": "Who is affected and how, by role: the person, family, carers, colleagues, you.",
            "law_and_policy": "The legislation, regulator standards and policy clauses that apply.",
            "decision": "What you have decided, or propose, to do.",
            "rationale": "Why, weighing the principles and options above.",
            "record": "What will go on the case record, and where.",
            "supervision_questions": "What you want to think through with your supervisor.",
        }
        widgets = {
            f: forms.Textarea(attrs=TEXTAREA)
            for f in ["facts", "people_affected", "law_and_policy", "decision", "rationale", "record",
                      "supervision_questions"]
        }


class OptionForm(forms.Form):
    option = forms.CharField(label="Option", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))
    benefits = forms.CharField(label="Benefits", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))
    risks = forms.CharField(label="Risks", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))

    def has_content(self) -> bool:
        data = getattr(self, "cleaned_data", {}) or {}
        return any((data.get(k) or "").strip() for k in ("option", "benefits", "risks"))


def principle_choices() -> list[tuple[str, str]]:
    return [("", "Choose a principle")] + [
        (p.id, f"{p.id}: {p.title}") for p in Principle.objects.order_by("code_version", "sort_key")
    ]


class TensionForm(forms.Form):
    principle = forms.ChoiceField(label="Principle", required=False, choices=())
    notes = forms.CharField(
        label="How it pulls in this situation", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["principle"].choices = principle_choices()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (data.get("notes") or "").strip() and not data.get("principle"):
            self.add_error("principle", "Choose the principle this note is about, or clear the note.")
        return data


OptionFormSet = forms.formset_factory(OptionForm, extra=1, max_num=12, absolute_max=12)
TensionFormSet = forms.formset_factory(TensionForm, extra=1, max_num=20, absolute_max=20)


class ShareForm(forms.Form):
    username = forms.CharField(
        label="Your supervisor's username",
        help_text="They must be a practice supervisor or practice educator on e-Professional.",
        max_length=150,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        describe_help(self)

    def clean_username(self) -> Any:
        username = self.cleaned_data["username"].strip()
        supervisor = get_user_model().objects.supervisors().filter(username__iexact=username).first()
        if supervisor is None:
            raise forms.ValidationError(
                "There is no practice supervisor or practice educator with that username."
            )
        return supervisor


class CommentForm(forms.Form):
    body = forms.CharField(label="Add a comment", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
