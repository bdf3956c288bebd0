from __future__ import annotations

from typing import Any, cast

from django import forms

from eprofessional.core.params import whole_numbers
from eprofessional.policy.models import Principle, Section, Topic

from .models import ContributionKind, DigestFrequency, Outcome

CLAUSE_KIND_CHOICES = [
    (ContributionKind.COMMENT.value, "A comment on this clause"),
    (ContributionKind.AMENDMENT.value, "A proposed amendment: the clause as you would write it"),
    (ContributionKind.EVIDENCE.value, "Evidence: research or practice experience that bears on it"),
]
GENERAL_KIND_CHOICES = [
    (ContributionKind.INFORMATION.value, "Information or advice for other members"),
    (ContributionKind.DILEMMA.value, "A dilemma for the casebook"),
    (ContributionKind.COMMENT.value, "A comment on the policy as a whole"),
]


class ContributionForm(forms.Form):
    kind = forms.ChoiceField(label="What would you like to add?", widget=forms.RadioSelect, choices=CLAUSE_KIND_CHOICES)
    title = forms.CharField(label="Title", max_length=200, help_text="A few words that sum it up.")
    body = forms.CharField(
        label="What you want to say", widget=forms.Textarea(attrs={"rows": 6}), max_length=20_000,
        help_text="For an amendment, explain why. Do not include anything that could identify a person you work with.",
    )
    proposed_text = forms.CharField(
        label="The clause as you would write it (amendments only)", required=False,
        widget=forms.Textarea(attrs={"rows": 5}), max_length=10_000,
    )
    evidence_citation = forms.CharField(label="Evidence: source (optional)", required=False, max_length=500,
                                        help_text="A report, article, guidance or 'practice experience'.")
    evidence_url = forms.URLField(label="Evidence: link (optional)", required=False, max_length=500, assume_scheme="https")
    evidence_summary = forms.CharField(label="Evidence: short summary (optional)", required=False, max_length=1000,
                                       widget=forms.Textarea(attrs={"rows": 3}))
    principles = forms.ModelMultipleChoiceField(
        label="Code of Ethics principles it touches (optional)", queryset=Principle.objects.all(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    topics = forms.ModelMultipleChoiceField(
        label="Topics (optional)", queryset=Topic.objects.all(), required=False, widget=forms.CheckboxSelectMultiple,
    )
    credit_by_name = forms.TypedChoiceField(
        label="How should we credit you?", widget=forms.RadioSelect, coerce=lambda v: v == "name",
        choices=[("name", "By my name"), ("anonymous", "Anonymously")], initial="name",
    )

    def __init__(self, *args: Any, general: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if general:
            cast(forms.ChoiceField, self.fields["kind"]).choices = GENERAL_KIND_CHOICES
            for name in ("proposed_text",):
                del self.fields[name]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == ContributionKind.AMENDMENT and not (data.get("proposed_text") or "").strip():
            self.add_error("proposed_text", "Write the clause as you would like it to read.")
        return data

    def evidence(self) -> list[dict[str, str]]:
        d = self.cleaned_data
        return [{"citation": d.get("evidence_citation", ""), "url": d.get("evidence_url", ""),
                 "summary": d.get("evidence_summary", "")}]


class ReplyForm(forms.Form):
    body = forms.CharField(label="Your reply", widget=forms.Textarea(attrs={"rows": 3}), max_length=10_000)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ReportForm(forms.Form):
    reason = forms.CharField(label="What is wrong with this post?", max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))


class ModerateForm(forms.Form):
    action = forms.ChoiceField(choices=[("hide", "Hide"), ("restore", "Restore"), ("release", "Release from hold"),
                                        ("edit", "Edit")], widget=forms.RadioSelect, label="Action")
    reason = forms.CharField(label="Reason (shown in place of or beside the post)", max_length=2000)
    new_body = forms.CharField(label="Edited text (for Edit)", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(choices=Outcome.choices, widget=forms.RadioSelect, label="Decision")
    reason = forms.CharField(label="Public reason", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000,
                             help_text="Published with the decision. Every decision needs one.")


class RoundForm(forms.Form):
    title = forms.CharField(max_length=200)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    questions = forms.CharField(label="Questions, one a line", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    sections = forms.MultipleChoiceField(label="Sections the round is about", widget=forms.CheckboxSelectMultiple)
    closes_on = forms.DateField(label="Closing date", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, sections: list[Section] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["sections"]).choices = [(s.anchor, f"{s.number}. {s.title}") for s in sections or []]


class ClauseEditForm(forms.Form):
    title = forms.CharField(max_length=200, required=False)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), max_length=20_000)
    revision = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label="Reason for the change", max_length=5000, widget=forms.Textarea(attrs={"rows": 2}),
                             help_text="Published in the changelog.")
    material = forms.TypedChoiceField(
        label="Kind of change", widget=forms.RadioSelect, coerce=lambda v: v == "material",
        choices=[("material", "Material: members affected are asked to re-read"), ("editorial", "Editorial only")],
    )
    contributions = forms.CharField(label="Contributions it answers (numbers, comma separated)", required=False,
                                    max_length=500)

    def contribution_ids(self) -> list[int]:
        return whole_numbers(self.cleaned_data.get("contributions") or "")


class ClauseAddForm(forms.Form):
    section = forms.ChoiceField(label="Section")
    title = forms.CharField(max_length=200)
    anchor = forms.SlugField(label="Anchor (permanent link name)", max_length=100, required=False,
                             help_text="Leave blank to make one from the title.")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), max_length=20_000)
    principles = forms.ModelMultipleChoiceField(queryset=Principle.objects.all(), widget=forms.SelectMultiple(attrs={"size": 6}))
    topics = forms.ModelMultipleChoiceField(queryset=Topic.objects.all(), widget=forms.CheckboxSelectMultiple)
    reason = forms.CharField(label="Reason", max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))
    contributions = forms.CharField(label="Contributions it answers (numbers, comma separated)", required=False, max_length=500)

    def __init__(self, *args: Any, sections: list[Section] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["section"]).choices = [(s.anchor, f"{s.number}. {s.title}") for s in sections or []]


class PublishForm(forms.Form):
    summary = forms.CharField(label="Summary of this version", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    response = forms.CharField(label='"You said, we did": the public response to members', required=False,
                               widget=forms.Textarea(attrs={"rows": 5}), max_length=20_000)
    publish_on = forms.DateTimeField(label="Publish at (leave blank to publish now)", required=False,
                                     widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))


class NotificationSettingsForm(forms.Form):
    email = forms.ChoiceField(label="Email me about activity I follow", choices=DigestFrequency.choices,
                              widget=forms.RadioSelect)


class TeamForm(forms.Form):
    name = forms.CharField(label="Team or cohort name", max_length=120)


class JoinTeamForm(forms.Form):
    join_code = forms.CharField(label="Joining code", max_length=20)
