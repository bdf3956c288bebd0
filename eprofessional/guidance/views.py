"""The casebook and the private reasoning worksheets.

Every worksheet view reads through ``Worksheet.objects.visible_to(user)`` or ``editable_by(user)``; a
worksheet someone may not see is a 404, never a 403, so its existence is not revealed.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_http_methods, require_POST

from eprofessional.core.params import lookup_key
from eprofessional.policy.models import Clause, Nation, PolicyVersion, Principle, Topic

from . import worksheets as workflow
from .forms import CommentForm, OptionFormSet, ShareForm, TensionFormSet, WorksheetForm
from .identifying import case_text, checker_available, identifying_findings
from .models import SETTING_LABELS, Case, Worksheet

# --- Casebook ------------------------------------------------------------------------------------------


def cases(request: HttpRequest) -> HttpResponse:
    all_cases = list(Case.objects.prefetch_related("topics"))
    topic = request.GET.get("topic", "")
    setting = request.GET.get("setting", "")
    in_topic = [c for c in all_cases if not topic or any(t.key == topic for t in c.topics.all())]
    in_setting = [c for c in all_cases if not setting or setting in c.settings]
    shown = [c for c in in_topic if c in in_setting]
    # Facet counts: each filter counts the cases that the other filter leaves.
    topic_counts = Counter(t.key for c in in_setting for t in c.topics.all())
    setting_counts = Counter(s for c in in_topic for s in c.settings)
    all_topic_keys = {t.key for c in all_cases for t in c.topics.all()}
    topics = [(t, topic_counts[t.key]) for t in Topic.objects.filter(key__in=all_topic_keys)]
    settings = [
        (key, label, setting_counts[key]) for key, label in SETTING_LABELS.items()
        if any(key in c.settings for c in all_cases)
    ]
    return render(
        request,
        "guidance/cases.html",
        {
            "cases": shown, "total": len(all_cases), "topics": topics, "settings_choices": settings,
            "topic_total": len(in_setting), "setting_total": len(in_topic),
            "topic": topic, "setting": setting,
            "topic_label": dict(Topic.objects.values_list("key", "label")).get(topic, ""),
            "setting_label": SETTING_LABELS.get(setting, ""),
        },
    )


def _nations_for(case: Case, user: Any) -> list[tuple[str, str, str, bool]]:
    """(key, label, text, is_yours) with the reader's own nation first."""
    labels = dict(Nation.choices)
    mine = getattr(user, "nation", "") if user.is_authenticated else ""
    keys = [k for k, _ in Nation.choices]
    if mine in keys:
        keys.remove(mine)
        keys.insert(0, mine)
    return [(k, str(labels[k]), case.nations.get(k, ""), k == mine) for k in keys if case.nations.get(k)]


def case(request: HttpRequest, case_id: str) -> HttpResponse:
    found = get_object_or_404(
        Case.objects.prefetch_related("topics", "legislation", "standards__regulator"), id=case_id
    )
    principles = Principle.objects.in_bulk([t.get("id") for t in found.tensions])
    tensions = [
        {"principle": principles.get(t.get("id")), "id": t.get("id"), "tension": t.get("tension", "")}
        for t in found.tensions
    ]
    version = PolicyVersion.objects.current()
    clause_rows = (
        {c.anchor: c for c in Clause.objects.filter(version=version, anchor__in=found.clause_anchors)}
        if version else {}
    )
    clauses = [(anchor, clause_rows.get(anchor)) for anchor in found.clause_anchors]
    standards_by_regulator: dict[Any, list[Any]] = {}
    for s in found.standards.all():
        standards_by_regulator.setdefault(s.regulator, []).append(s)
    return render(
        request,
        "guidance/case.html",
        {
            "case": found, "tensions": tensions, "clauses": clauses,
            "nations": _nations_for(found, request.user),
            "standards_by_regulator": list(standards_by_regulator.items()),
        },
    )


# --- Worksheets ----------------------------------------------------------------------------------------


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store, private"
    return response


def _visible(request: HttpRequest, pk: int) -> Worksheet:
    return get_object_or_404(Worksheet.objects.visible_to(request.user).select_related("author", "case"), pk=pk)


def _editable(request: HttpRequest, pk: int) -> Worksheet:
    return get_object_or_404(Worksheet.objects.editable_by(request.user), pk=pk)


@login_required
def worksheet_list(request: HttpRequest) -> HttpResponse:
    visible = Worksheet.objects.visible_to(request.user).select_related("author", "case", "shared_with")
    return _private(render(
        request,
        "guidance/worksheets.html",
        {
            "own": [w for w in visible if w.author_id == request.user.pk],
            "shared": [w for w in visible if w.author_id != request.user.pk],
        },
    ))


def _worksheet_form(request: HttpRequest, worksheet: Worksheet, case: Case | None) -> HttpResponse:
    """Create or edit. On save, look for identifying details first and ask before keeping them."""
    findings = []
    if request.method == "POST":
        form = WorksheetForm(request.POST, instance=worksheet)
        option_set = OptionFormSet(request.POST, prefix="options")
        tension_set = TensionFormSet(request.POST, prefix="tensions")
        if form.is_valid() and option_set.is_valid() and tension_set.is_valid():
            texts = [(name, str(form.fields[name].label), form.cleaned_data.get(name) or "")
                     for name in Worksheet.FREE_TEXT_FIELDS]
            for n, f in enumerate(option_set.forms, start=1):
                for key in ("option", "benefits", "risks"):
                    texts.append((f"options-{n-1}-{key}", f"Option {n}: {key}", f.cleaned_data.get(key) or ""))
            for n, tf in enumerate(tension_set.forms, start=1):
                texts.append((f"tensions-{n-1}-notes", f"Principle {n}: notes", tf.cleaned_data.get("notes") or ""))
            findings = identifying_findings(texts, source_text=case_text(case))
            if not findings or form.cleaned_data.get("save_anyway"):
                new = worksheet.pk is None
                workflow.save_worksheet(
                    form.save(commit=False),
                    [f.cleaned_data for f in option_set.forms],
                    [f.cleaned_data for f in tension_set.forms],
                )
                messages.success(request, "Worksheet saved." if not new else "Worksheet created.")
                return redirect(worksheet.get_absolute_url())
    else:
        if worksheet.pk:
            form = WorksheetForm(instance=worksheet)
            options = list(worksheet.options)
            tensions = [{"principle": t.principle_id, "notes": t.notes} for t in worksheet.tensions.all()]
        elif case is not None:
            initial, tensions, options = workflow.initial_from_case(case)
            form = WorksheetForm(initial=initial)
        else:
            form, options, tensions = WorksheetForm(), [{}, {}], [{}, {}]
        option_set = OptionFormSet(initial=options, prefix="options")
        tension_set = TensionFormSet(initial=tensions, prefix="tensions")
    return _private(render(
        request,
        "guidance/worksheet_form.html",
        {
            "form": form, "option_set": option_set, "tension_set": tension_set, "worksheet": worksheet,
            "case": case, "findings": findings, "checker_available": checker_available(),
        },
    ))


@login_required
@require_http_methods(["GET", "POST"])
def worksheet_new(request: HttpRequest) -> HttpResponse:
    case_id = lookup_key(request.GET.get("case") or request.POST.get("case") or "")
    case = Case.objects.filter(id=case_id).first() if case_id else None
    return _worksheet_form(request, Worksheet(author=request.user, case=case), case)  # type: ignore[misc]


@login_required
@require_http_methods(["GET", "POST"])
def worksheet_edit(request: HttpRequest, pk: int) -> HttpResponse:
    worksheet = _editable(request, pk)
    return _worksheet_form(request, worksheet, worksheet.case)


def _comment_tree(worksheet: Worksheet) -> list[Any]:
    comments = list(worksheet.comments.select_related("author"))
    children: dict[int | None, list[Any]] = {}
    for c in comments:
        children.setdefault(c.parent_id, []).append(c)
    for c in comments:
        c.children = children.get(c.pk, [])  # type: ignore[attr-defined]
    return children.get(None, [])


@login_required
def worksheet_detail(request: HttpRequest, pk: int) -> HttpResponse:
    worksheet = _visible(request, pk)
    return _private(render(
        request,
        "guidance/worksheet.html",
        {
            "worksheet": worksheet, "is_author": worksheet.is_author(request.user),
            "tensions": worksheet.tensions.select_related("principle"),
            "comments": _comment_tree(worksheet), "comment_form": CommentForm(), "share_form": ShareForm(),
        },
    ))


@login_required
@require_http_methods(["GET", "POST"])
def worksheet_delete(request: HttpRequest, pk: int) -> HttpResponse:
    worksheet = _editable(request, pk)
    if request.method == "POST":
        worksheet.delete()
        messages.success(request, "Worksheet deleted.")
        return redirect("guidance:worksheets")
    return _private(render(request, "guidance/worksheet_delete.html", {"worksheet": worksheet}))


@login_required
@require_POST
def worksheet_share(request: HttpRequest, pk: int) -> HttpResponse:
    worksheet = _editable(request, pk)
    form = ShareForm(request.POST)
    if form.is_valid() and form.cleaned_data["username"].pk != request.user.pk:
        supervisor = form.cleaned_data["username"]
        workflow.share(worksheet, supervisor)
        messages.success(request, f"Shared with {supervisor.public_name} for supervision.")
        return redirect(worksheet.get_absolute_url())
    if form.is_valid():
        form.add_error("username", "Share it with your supervisor, not with yourself.")
    return _private(render(
        request,
        "guidance/worksheet.html",
        {
            "worksheet": worksheet, "is_author": True, "tensions": worksheet.tensions.select_related("principle"),
            "comments": _comment_tree(worksheet), "comment_form": CommentForm(), "share_form": form,
        },
        status=400,
    ))


@login_required
@require_POST
def worksheet_unshare(request: HttpRequest, pk: int) -> HttpResponse:
    worksheet = _editable(request, pk)
    workflow.withdraw(worksheet)
    messages.success(request, "Sharing withdrawn. Your supervisor can no longer see this worksheet.")
    return redirect(worksheet.get_absolute_url())


@login_required
@require_POST
def worksheet_comment(request: HttpRequest, pk: int) -> HttpResponse:
    worksheet = _visible(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        workflow.add_comment(worksheet, request.user, form.cleaned_data["body"], form.cleaned_data.get("parent"))
        messages.success(request, "Comment added.")
    else:
        messages.error(request, "Write a comment before adding it.")
    return redirect(worksheet.get_absolute_url() + "#comments")


def _export_context(worksheet: Worksheet) -> dict[str, Any]:
    return {
        "worksheet": worksheet, "tensions": worksheet.tensions.select_related("principle"),
        "comments": _comment_tree(worksheet),
    }


@login_required
def worksheet_markdown(request: HttpRequest, pk: int) -> HttpResponse:
    worksheet = _visible(request, pk)
    text = render_to_string("guidance/worksheet.md", _export_context(worksheet))
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="worksheet-{worksheet.pk}.md"'
    return _private(response)


@login_required
def worksheet_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from django.contrib.staticfiles import finders
    from weasyprint import CSS, HTML

    worksheet = _visible(request, pk)
    html = render_to_string("guidance/worksheet_pdf.html", _export_context(worksheet), request=request)
    stylesheet = CSS(filename=finders.find("css/worksheet-pdf.css"))
    # No base URL: the record is self-contained and WeasyPrint fetches nothing.
    pdf = HTML(string=html).write_pdf(stylesheets=[stylesheet])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="worksheet-{worksheet.pk}.pdf"'
    return _private(response)

