"""Pages of the living policy: discussion on clauses, moderation, consultation, triage, drafting,
publishing, the changelog, attestation and teams. Thin: every write is a function in ``actions`` or
``policy.workflow``; every read goes through a QuerySet method."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from eprofessional.accounts.models import User
from eprofessional.accounts.permissions import can_moderate, moderator_required
from eprofessional.accounts.permissions import policy_officer_required as officer_required
from eprofessional.core.pagecache import public_page
from eprofessional.core.params import lookup_key, text, whole_number, whole_numbers
from eprofessional.guidance.models import Case
from eprofessional.policy import workflow
from eprofessional.policy.models import Clause, ClauseChange, PolicyVersion, Section, VersionStatus

from . import actions
from .attestation import attestation_due, is_up_to_date
from .forms import (
    ClauseAddForm,
    ClauseEditForm,
    ContributionForm,
    DecisionForm,
    JoinTeamForm,
    ModerateForm,
    NotificationSettingsForm,
    PublishForm,
    ReplyForm,
    ReportForm,
    RoundForm,
    TeamForm,
)
from .models import (
    ConsultationRound,
    Contribution,
    DigestFrequency,
    Notification,
    NotificationSettings,
    Reply,
    Report,
    Team,
    Visibility,
)

View = Callable[..., HttpResponse]
SLUG_RE = re.compile(r"[-a-zA-Z0-9_]{1,100}")  # a clause anchor, as the community:clause address takes it


def _member(request: HttpRequest) -> User:
    """The signed-in member (views that call this require sign-in)."""
    return cast(User, request.user)


def _visible_contribution(request: HttpRequest, pk: int) -> Contribution:
    return get_object_or_404(Contribution.objects.visible_to(request.user).for_listing(), pk=pk)


def _clause_state(contribution: Contribution, current: PolicyVersion | None) -> str:
    """How the clause a contribution was made on stands now: never re-attached silently."""
    if not contribution.clause_anchor or current is None:
        return ""
    version_seen = contribution.version.number if contribution.version else None
    exists = Clause.objects.filter(version=current, anchor=contribution.clause_anchor).exists()
    if not exists:
        removed_in = (
            ClauseChange.objects.filter(anchor=contribution.clause_anchor, change="removed",
                                        version__status=VersionStatus.PUBLISHED)
            .order_by("version__number").values_list("version__number", flat=True).first()
        )
        return f"Made on version {version_seen}. The clause was removed in version {removed_in}." if removed_in else \
            f"Made on version {version_seen}. The clause is not in the current version."
    if version_seen and version_seen < current.number:
        edited = ClauseChange.objects.filter(
            anchor=contribution.clause_anchor, version__number__gt=version_seen, version__number__lte=current.number,
            change__in=["modified", "moved"],
        ).exists()
        return f"Made on version {version_seen}." + (" The clause has changed since." if edited else "")
    return f"Made on version {version_seen}." if version_seen else ""


# --- Members ------------------------------------------------------------------------------------------

@public_page("community")
def clause_discussion(request: HttpRequest, anchor: str) -> HttpResponse:
    current = PolicyVersion.objects.current()
    clause = Clause.objects.filter(version=current, anchor=anchor).select_related("section").first() if current else None
    contributions = Contribution.objects.visible_to(request.user).on_clause(anchor).for_listing()
    if clause is None and not contributions.exists():
        raise Http404("No such clause")
    form = ContributionForm()
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('accounts:login')}?next={request.path}")
        form = ContributionForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                c = actions.contribute(
                    request.user, kind=d["kind"], title=d["title"], body=d["body"], clause_anchor=anchor,
                    proposed_text=d.get("proposed_text", ""), evidence=form.evidence(),
                    principles=[p.id for p in d["principles"]], topics=[t.key for t in d["topics"]],
                    credit_by_name=d["credit_by_name"],
                    round=ConsultationRound.objects.open_now().filter(section_anchors__icontains=clause.section.anchor).first()
                    if clause else None,
                )
            except actions.ActionError as exc:
                form.add_error(None, str(exc))
            else:
                if c.visibility == Visibility.HELD:
                    messages.warning(request, "Thank you. Your contribution may contain details that identify "
                                     "someone, so a moderator will check it before others can see it.")
                else:
                    messages.success(request, "Thank you: your contribution is published.")
                return redirect(c.get_absolute_url())
    following = request.user.is_authenticated and _member(request).follows.filter(clause_anchor=anchor).exists()
    page = Paginator(contributions, 25).get_page(request.GET.get("page"))
    # the worked dilemmas that rely on this clause (a few dozen cases: filtering in Python is fine)
    cases = [case for case in Case.objects.only("id", "title", "clause_anchors").order_by("title")
             if anchor in (case.clause_anchors or [])]
    return render(request, "community/clause.html", {
        "clause": clause, "anchor": anchor, "page": page, "form": form, "following": following, "current": current,
        "cases": cases,
    })


@login_required
def contribute_general(request: HttpRequest) -> HttpResponse:
    form = ContributionForm(general=True)
    round_obj = None
    round_id = whole_number(request.GET.get("round"))
    if round_id is not None:
        round_obj = ConsultationRound.objects.open_now().filter(pk=round_id).first()
    if request.method == "POST":
        form = ContributionForm(request.POST, general=True)
        round_id = whole_number(request.POST.get("round"))
        round_obj = ConsultationRound.objects.open_now().filter(pk=round_id).first() if round_id is not None else None
        if form.is_valid():
            d = form.cleaned_data
            try:
                c = actions.contribute(
                    request.user, kind=d["kind"], title=d["title"], body=d["body"], evidence=form.evidence(),
                    principles=[p.id for p in d["principles"]], topics=[t.key for t in d["topics"]],
                    credit_by_name=d["credit_by_name"], round=round_obj,
                )
            except actions.ActionError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Thank you: your contribution is received.")
                return redirect(c.get_absolute_url())
    return render(request, "community/contribute.html", {"form": form, "round": round_obj})


@public_page("community")
def contribution(request: HttpRequest, pk: int) -> HttpResponse:
    c = _visible_contribution(request, pk)
    current = PolicyVersion.objects.current()
    replies = list(Reply.objects.filter(contribution=c).select_related("author"))
    user = request.user
    if not can_moderate(user):
        replies = [r for r in replies if r.visibility != Visibility.HELD or (user.is_authenticated and r.author_id == user.pk)]
    children: dict[int | None, list[Reply]] = {}
    for r in replies:
        children.setdefault(r.parent_id, []).append(r)
    current_clause = (
        Clause.objects.filter(version=current, anchor=c.clause_anchor).first() if c.clause_anchor and current else None
    )
    ctx = {
        "c": c,
        "thread": _flatten(children, None, 0),
        "clause_state": _clause_state(c, current),
        "current_clause": current_clause,
        "endorsed": user.is_authenticated and c.endorsements.filter(member=user).exists(),
        "following": user.is_authenticated and c.follows.filter(user=user).exists(),
        "reply_form": ReplyForm(prefix="reply", initial={"parent": _int(request.GET.get("reply_to"))}),
        "replying_to": next((r for r in replies if r.pk == _int(request.GET.get("reply_to"))), None),
        "report_form": ReportForm(prefix="report"), "moderate_form": ModerateForm(prefix="mod"),
        "decision_form": DecisionForm(prefix="decision"),
        "report_target": _target(request.GET.get("report"), replies),
        "moderate_target": _target(request.GET.get("moderate"), replies),
        "changes": c.changes.select_related("version").order_by("version__number"),
    }
    return render(request, "community/contribution.html", ctx)


def _int(value: Any) -> int | None:
    return whole_number(value)


def _target(value: Any, replies: list[Reply]) -> Reply | None:
    """``?report=reply-12`` picks the reply the single report (or moderation) form is about."""
    if isinstance(value, str) and value.startswith("reply-"):
        pk = _int(value.removeprefix("reply-"))
        return next((r for r in replies if r.pk == pk), None)
    return None


def _flatten(children: dict[int | None, list[Reply]], parent: int | None, depth: int) -> list[tuple[Reply, int]]:
    out: list[tuple[Reply, int]] = []
    for r in children.get(parent, []):
        out.append((r, min(depth, 4)))
        out.extend(_flatten(children, r.pk, depth + 1))
    return out


def _back(c: Contribution, anchor: str = "") -> HttpResponse:
    return redirect(c.get_absolute_url() + (f"#{anchor}" if anchor else ""))


@login_required
@require_POST
def reply_view(request: HttpRequest, pk: int) -> HttpResponse:
    c = _visible_contribution(request, pk)
    form = ReplyForm(request.POST, prefix="reply")
    if not form.is_valid():
        messages.error(request, "Write your reply first.")
        return _back(c, "reply")
    parent = None
    if form.cleaned_data.get("parent"):
        parent = Reply.objects.filter(pk=form.cleaned_data["parent"], contribution=c).first()
    try:
        r = actions.reply(request.user, c, form.cleaned_data["body"], parent=parent)
    except actions.ActionError as exc:
        messages.error(request, str(exc))
        return _back(c)
    if r.visibility == Visibility.HELD:
        messages.warning(request, "Your reply may identify someone, so a moderator will check it first.")
    return _back(c, f"reply-{r.pk}")


@login_required
@require_POST
def endorse_view(request: HttpRequest, pk: int) -> HttpResponse:
    c = _visible_contribution(request, pk)
    try:
        if request.POST.get("withdraw"):
            actions.withdraw_endorsement(request.user, c)
        elif not actions.endorse(request.user, c):
            messages.info(request, "You have already endorsed this.")
    except actions.ActionError as exc:
        messages.error(request, str(exc))
    return _back(c)


@login_required
@require_POST
def follow_view(request: HttpRequest) -> HttpResponse:
    anchor = lookup_key(request.POST.get("clause", ""))
    pk = whole_number(request.POST.get("contribution"))
    target = None
    if pk is not None:
        target = _visible_contribution(request, pk)
    elif not SLUG_RE.fullmatch(anchor):
        messages.error(request, "Choose a clause or a contribution to follow.")
        return redirect("community:home")
    try:
        if request.POST.get("stop"):
            actions.unfollow(request.user, clause_anchor=anchor if not target else "", contribution=target)
        else:
            actions.follow(request.user, clause_anchor=anchor if not target else "", contribution=target)
    except actions.ActionError as exc:
        messages.error(request, str(exc))
    return redirect(target.get_absolute_url() if target else reverse("community:clause", args=[anchor]))


@login_required
@require_POST
def report_view(request: HttpRequest, pk: int) -> HttpResponse:
    c = _visible_contribution(request, pk)
    form = ReportForm(request.POST, prefix="report")
    reply_id = whole_number(request.POST.get("target_reply"))
    reply_obj = Reply.objects.filter(pk=reply_id, contribution=c).first() if reply_id is not None else None
    if form.is_valid():
        actions.report(request.user, reason=form.cleaned_data["reason"],
                       contribution=None if reply_obj else c, reply=reply_obj)
        messages.success(request, "Thank you. A moderator will look at it.")
    else:
        messages.error(request, "Tell the moderators what is wrong.")
    return _back(c)


@moderator_required
@require_POST
def moderate_view(request: HttpRequest, pk: int) -> HttpResponse:
    c = get_object_or_404(Contribution, pk=pk)
    form = ModerateForm(request.POST, prefix="mod")
    reply_id = whole_number(request.POST.get("target_reply"))
    target: Contribution | Reply = c
    if reply_id is not None:
        target = get_object_or_404(Reply, pk=reply_id, contribution=c)
    if not form.is_valid():
        messages.error(request, "Choose an action and give a reason: it is shown in place.")
        return _back(c)
    try:
        actions.moderate(request.user, target, action=form.cleaned_data["action"], reason=form.cleaned_data["reason"],
                         new_body=form.cleaned_data.get("new_body") or "")
    except actions.ActionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Done. The reason is recorded in the audit log.")
    return _back(c)


@officer_required
@require_POST
def decide_view(request: HttpRequest, pk: int) -> HttpResponse:
    c = _visible_contribution(request, pk)  # a held post is not the officer's to see, so not to decide
    form = DecisionForm(request.POST, prefix="decision")
    if not form.is_valid():
        messages.error(request, "Choose a decision and give a public reason.")
        return _back(c, "decide")
    try:
        actions.decide(request.user, c, outcome=form.cleaned_data["outcome"], reason=form.cleaned_data["reason"])
    except actions.ActionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Decision recorded and published.")
    return _back(c)


@moderator_required
def moderation_queue(request: HttpRequest) -> HttpResponse:
    held = Contribution.objects.filter(visibility=Visibility.HELD).select_related("author")
    held_replies = Reply.objects.filter(visibility=Visibility.HELD).select_related("author", "contribution")
    reports = Report.objects.filter(resolved_at__isnull=True).select_related("reporter", "contribution", "reply__contribution")
    return render(request, "community/moderation.html", {"held": held, "held_replies": held_replies, "reports": reports})


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    settings_obj, _ = NotificationSettings.objects.get_or_create(user=_member(request))
    form = NotificationSettingsForm(initial={"email": settings_obj.email})
    if request.method == "POST":
        if request.POST.get("mark_read"):
            Notification.objects.filter(user=_member(request), read_at__isnull=True).update(read_at=timezone.now())
            return redirect("community:notifications")
        form = NotificationSettingsForm(request.POST)
        if form.is_valid():
            settings_obj.email = form.cleaned_data["email"]
            settings_obj.save(update_fields=["email"])
            messages.success(request, "Your email setting is saved.")
            return redirect("community:notifications")
    items = Paginator(Notification.objects.filter(user=_member(request)), 30).get_page(request.GET.get("page"))
    return render(request, "community/notifications.html", {"items": items, "form": form,
                                                             "frequencies": DigestFrequency})


@public_page("community")
def rounds(request: HttpRequest) -> HttpResponse:
    return render(request, "community/rounds.html", {
        "open_rounds": ConsultationRound.objects.open_now(),
        "past": ConsultationRound.objects.filter(closes_at__lte=timezone.now()),
    })


@public_page("community")
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    rnd = get_object_or_404(ConsultationRound, pk=pk)
    current = PolicyVersion.objects.current()
    sections = Section.objects.filter(version=current, anchor__in=rnd.section_anchors) if current else []
    contributions = Contribution.objects.visible_to(request.user).filter(round=rnd).for_listing()
    return render(request, "community/round.html", {"round": rnd, "sections": sections, "contributions": contributions})


# --- Policy team --------------------------------------------------------------------------------------

@officer_required
def round_new(request: HttpRequest) -> HttpResponse:
    current = PolicyVersion.objects.current()
    sections = list(current.sections.order_by("position")) if current else []
    form = RoundForm(sections=sections)
    if request.method == "POST":
        form = RoundForm(request.POST, sections=sections)
        if form.is_valid():
            d = form.cleaned_data
            closes = dt.datetime.combine(d["closes_on"], dt.time(23, 59), tzinfo=timezone.get_current_timezone())
            try:
                rnd = actions.open_round(request.user, title=d["title"], description=d["description"],
                                         questions=d["questions"].splitlines(), section_anchors=d["sections"],
                                         closes_at=closes)
            except actions.ActionError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "The round is open and shown to members on the home page.")
                return redirect(rnd.get_absolute_url())
    return render(request, "community/round_new.html", {"form": form})


@officer_required
def triage(request: HttpRequest) -> HttpResponse:
    undecided = Contribution.objects.undecided().exclude(visibility=Visibility.HELD).for_listing().order_by("created_at")
    page = Paginator(undecided, 50).get_page(request.GET.get("page"))
    return render(request, "community/triage.html", {"page": page})


@officer_required
def dashboard(request: HttpRequest) -> HttpResponse:
    current = PolicyVersion.objects.current()
    today = timezone.localdate()
    sections = list(current.sections.order_by("position")) if current else []
    due = [s for s in sections if s.review_by and s.review_by <= today + dt.timedelta(days=60)]
    overdue = [s for s in due if s.review_by and s.review_by < today]
    return render(request, "community/dashboard.html", {
        "current": current, "draft": workflow.open_draft(), "today": today,
        "overdue": overdue, "due_soon": [s for s in due if s not in overdue],
        "open_rounds": ConsultationRound.objects.open_now(),
        "undecided": Contribution.objects.undecided().exclude(visibility=Visibility.HELD).count(),
        "held": Contribution.objects.filter(visibility=Visibility.HELD).count(),
        "calendar_url": request.build_absolute_uri(
            reverse("community:calendar_feed", args=[calendar_token(request.user)])),
    })


_CALENDAR_SALT = "community.calendar"


def calendar_token(user: Any) -> str:
    """A private subscription token for one officer's calendar app (which cannot sign in)."""
    return signing.dumps(user.pk, salt=_CALENDAR_SALT, compress=True)


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The calendar by subscription link: valid while its officer still holds the role."""
    from django.contrib.auth import get_user_model

    try:
        pk = signing.loads(token, salt=_CALENDAR_SALT)
    except signing.BadSignature:
        raise Http404("Unknown calendar") from None
    officer = get_user_model().objects.filter(pk=pk).first()
    if officer is None or not getattr(officer, "can_edit_policy", False):
        raise Http404("Unknown calendar")
    return _calendar(request)


@officer_required
def calendar(request: HttpRequest) -> HttpResponse:
    """An ICS calendar of section review dates and round closing dates, for policy officers."""
    return _calendar(request)


def _calendar(request: HttpRequest) -> HttpResponse:
    current = PolicyVersion.objects.current()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//e-Professional//Policy reviews//EN", "CALSCALE:GREGORIAN"]
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    host = request.get_host().split(":")[0]

    def event(uid: str, day: dt.date, summary: str, url: str) -> None:
        lines.extend([
            "BEGIN:VEVENT", f"UID:{uid}@{host}", f"DTSTAMP:{stamp}", f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"SUMMARY:{_ics_escape(summary)}", f"URL:{request.build_absolute_uri(url)}",
            "BEGIN:VALARM", "TRIGGER:-P14D", "ACTION:DISPLAY", f"DESCRIPTION:{_ics_escape(summary)}", "END:VALARM",
            "END:VEVENT",
        ])

    if current:
        for s in current.sections.exclude(review_by=None).order_by("position"):
            assert s.review_by is not None
            event(f"review-{current.number}-{s.anchor}", s.review_by, f"Review due: section {s.number}. {s.title}",
                  reverse("policy:current") + f"#{s.anchor}")
    for rnd in ConsultationRound.objects.filter(closes_at__gte=timezone.now()):
        event(f"round-{rnd.pk}", timezone.localdate(rnd.closes_at), f"Consultation closes: {rnd.title}", rnd.get_absolute_url())
    lines.append("END:VCALENDAR")
    response = HttpResponse("\r\n".join(lines) + "\r\n", content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="policy-reviews.ics"'
    return response


def _ics_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,").replace("\n", r"\n")


@officer_required
def drafts(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            draft = workflow.start_draft(request.user, summary=text(request.POST.get("summary", "")))
        except workflow.WorkflowError as exc:
            messages.error(request, str(exc))
            return redirect("community:drafts")
        messages.success(request, f"Draft version {draft.number} started from the current version.")
        return redirect("community:draft", number=draft.number)
    return render(request, "community/drafts.html", {"draft": workflow.open_draft(),
                                                      "current": PolicyVersion.objects.current()})


def _draft_or_404(number: int) -> PolicyVersion:
    return get_object_or_404(PolicyVersion, number=number, status=VersionStatus.DRAFT)


@officer_required
def draft(request: HttpRequest, number: int) -> HttpResponse:
    version = _draft_or_404(number)
    sections = version.sections.order_by("position").prefetch_related(
        Prefetch("clauses", queryset=Clause.objects.order_by("position"))
    )
    changes = version.changes.prefetch_related("contributions").order_by("anchor")
    return render(request, "community/draft.html", {
        "draft": version, "sections": sections, "changes": changes, "publish_form": PublishForm(
            initial={"summary": version.summary}),
        "can_approve": version.created_by_id != request.user.pk,
    })


def _contributions_from(request: HttpRequest, ids: list[int]) -> list[Contribution]:
    """Contributions an officer credits: only ones they can see and that may be named in public."""
    return list(Contribution.objects.visible_to(request.user).credited().filter(pk__in=ids))


@officer_required
def draft_clause_edit(request: HttpRequest, number: int, anchor: str) -> HttpResponse:
    version = _draft_or_404(number)
    clause = get_object_or_404(Clause, version=version, anchor=anchor)
    conflict = None
    form = ClauseEditForm(initial={"title": clause.title, "text": clause.text, "revision": clause.revision,
                                   "material": "material"})
    if request.method == "POST":
        form = ClauseEditForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                workflow.edit_clause(version, anchor, officer=request.user, text=d["text"], title=d["title"],
                                     expected_revision=d["revision"], reason=d["reason"], material=d["material"],
                                     contributions=_contributions_from(request, form.contribution_ids()))
            except workflow.EditConflict as exc:
                conflict = exc
                data = request.POST.copy()
                data["revision"] = str(exc.current_revision)
                form = ClauseEditForm(data)
                form.is_valid()
            except workflow.WorkflowError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"Clause {clause.number} saved.")
                return redirect(reverse("community:draft", args=[number]) + f"#{anchor}")
    related = Contribution.objects.visible_to(request.user).on_clause(anchor).for_listing()[:20]
    return render(request, "community/draft_clause_edit.html", {
        "draft": version, "clause": clause, "form": form, "conflict": conflict, "related": related,
    }, status=409 if conflict else 200)


@officer_required
def draft_clause_add(request: HttpRequest, number: int) -> HttpResponse:
    version = _draft_or_404(number)
    sections = list(version.sections.order_by("position"))
    form = ClauseAddForm(sections=sections)
    if request.method == "POST":
        form = ClauseAddForm(request.POST, sections=sections)
        if form.is_valid():
            d = form.cleaned_data
            try:
                clause = workflow.add_clause(
                    version, d["section"], officer=request.user, anchor=d["anchor"] or d["title"], title=d["title"],
                    text=d["text"], principles=[p.id for p in d["principles"]], topics=[t.key for t in d["topics"]],
                    reason=d["reason"], contributions=_contributions_from(request, whole_numbers(d["contributions"])),
                )
            except workflow.WorkflowError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"Clause {clause.number} added.")
                return redirect(reverse("community:draft", args=[number]) + f"#{clause.anchor}")
    return render(request, "community/draft_clause_add.html", {"draft": version, "form": form})


@officer_required
@require_POST
def draft_clause_remove(request: HttpRequest, number: int, anchor: str) -> HttpResponse:
    version = _draft_or_404(number)
    try:
        workflow.remove_clause(version, anchor, officer=request.user, reason=text(request.POST.get("reason", "")),
                               contributions=_contributions_from(request, whole_numbers(request.POST.get("contributions"))))
    except (workflow.WorkflowError, Clause.DoesNotExist) as exc:
        messages.error(request, str(exc) or "That clause is not in this draft.")
    else:
        messages.success(request, "Clause removed from the draft.")
    return redirect("community:draft", number=number)


@officer_required
@require_POST
def draft_clause_move(request: HttpRequest, number: int, anchor: str) -> HttpResponse:
    version = _draft_or_404(number)
    position = whole_number(request.POST.get("position"), max_digits=9) or 1
    try:
        workflow.move_clause(version, anchor, officer=request.user, to_section=lookup_key(request.POST.get("section", "")),
                             position=position, reason=text(request.POST.get("reason", "")))
    except (workflow.WorkflowError, Clause.DoesNotExist, Section.DoesNotExist) as exc:
        messages.error(request, str(exc) or "Choose a section of this draft.")
    else:
        messages.success(request, "Clause moved.")
    return redirect(reverse("community:draft", args=[number]) + f"#{anchor}")


@officer_required
@require_POST
def draft_approve(request: HttpRequest, number: int) -> HttpResponse:
    version = _draft_or_404(number)
    try:
        if request.POST.get("withdraw"):
            workflow.withdraw_approval(version, request.user, text(request.POST.get("reason", "")))
        else:
            workflow.approve(version, request.user)
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Approval recorded.")
    return redirect("community:draft", number=number)


@officer_required
@require_POST
def draft_publish(request: HttpRequest, number: int) -> HttpResponse:
    version = _draft_or_404(number)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Write a summary of this version (and check the date).")
        return redirect("community:draft", number=number)
    d = form.cleaned_data
    try:
        workflow.publish(version, request.user, at=d.get("publish_on"), summary=d["summary"], response=d["response"])
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("community:draft", number=number)
    for rnd in ConsultationRound.objects.filter(version__isnull=True, closes_at__lte=timezone.now()):
        if d["response"]:
            actions.respond_to_round(request.user, rnd, response=d["response"], version=version)
    messages.success(request, f"Version {version.number} is published" +
                     (" and will become current at the time you chose." if version.is_scheduled else "."))
    return redirect("community:changelog", number=version.number)


# --- Everyone: changelog, attestation, teams, exports ------------------------------------------------

@public_page("community")
def changelog(request: HttpRequest, number: int) -> HttpResponse:
    version = get_object_or_404(PolicyVersion.objects.published(), number=number)
    changes = version.changes.prefetch_related(
        Prefetch("contributions", queryset=Contribution.objects.credited().select_related("author"))
    ).order_by("anchor")
    clauses = {c.anchor: c for c in version.clauses.all()}
    return render(request, "community/changelog.html", {"version": version, "changes": changes, "clauses": clauses})


@login_required
@require_POST
def attest_view(request: HttpRequest) -> HttpResponse:
    number = whole_number(request.POST.get("version"))
    version = PolicyVersion.objects.published().filter(number=number).first() if number is not None else None
    if version is None:
        messages.error(request, "Choose a published version.")
    else:
        try:
            actions.attest(request.user, version)
        except actions.ActionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Thank you: you have confirmed you have read version {version.number}.")
    next_url = request.POST.get("next") or "/"
    return redirect(next_url if next_url.startswith("/") and not next_url.startswith("//") else "/")


@login_required
def teams(request: HttpRequest) -> HttpResponse:
    user = _member(request)
    create_form, join_form = TeamForm(), JoinTeamForm()
    if request.method == "POST":
        try:
            if "name" in request.POST:
                create_form = TeamForm(request.POST)
                if create_form.is_valid():
                    actions.create_team(user, create_form.cleaned_data["name"])
                    messages.success(request, "Team created. Share its joining code with the people in it.")
                    return redirect("community:teams")
            elif "join_code" in request.POST:
                join_form = JoinTeamForm(request.POST)
                if join_form.is_valid():
                    team = actions.join_team(user, join_form.cleaned_data["join_code"])
                    messages.success(request, f"You have joined {team.name}.")
                    return redirect("community:teams")
            elif "leave" in request.POST:
                team = get_object_or_404(Team, pk=whole_number(request.POST["leave"]) or 0, members=user)
                actions.leave_team(user, team)
                messages.success(request, f"You have left {team.name}.")
                return redirect("community:teams")
        except actions.ActionError as exc:
            messages.error(request, str(exc))
    current = PolicyVersion.objects.current()
    led = []
    for team in Team.objects.filter(lead=user).prefetch_related("members"):
        # Only whether each member is up to date with the current version: nothing of their records.
        led.append((team, [(m, is_up_to_date(m, current)) for m in team.members.all()]))
    return render(request, "community/teams.html", {
        "led": led, "joined": Team.objects.filter(members=user).select_related("lead"),
        "create_form": create_form, "join_form": join_form, "current": current,
        "can_lead": user.role in {"manager", "educator"},
    })


def _public_rows() -> Any:
    return (
        Contribution.objects.filter(visibility=Visibility.PUBLISHED)
        .select_related("author", "decision", "version", "round")
        .annotate(endorsement_count=Count("endorsements", distinct=True))
        .order_by("created_at")
    )


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """Members write these texts: never let a spreadsheet run one as a formula."""
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def _row(c: Contribution) -> dict[str, Any]:
    decision = getattr(c, "decision", None)
    return {
        "id": c.pk, "kind": c.kind, "clause": c.clause_anchor, "version": c.version.number if c.version else None,
        "round": c.round.title if c.round else "", "title": c.title, "credit": c.credit,
        "created_at": c.created_at.isoformat(), "endorsements": c.endorsement_count,  # type: ignore[attr-defined]
        "decision": decision.outcome if decision else "", "reason": decision.reason if decision else "",
        "decided_at": decision.decided_at.isoformat() if decision else "",
    }


class _Echo:
    def write(self, value: str) -> str:
        return value


def export(request: HttpRequest, fmt: str) -> HttpResponse | StreamingHttpResponse:
    """The public response report: every published contribution and its decision, as CSV or JSON."""
    if fmt not in {"csv", "json"}:
        raise Http404("Choose contributions.csv or contributions.json")
    rows = (_row(c) for c in _public_rows().iterator(chunk_size=500))
    if fmt == "json":
        as_json = HttpResponse(json.dumps({"contributions": list(rows)}, ensure_ascii=False, indent=1),
                               content_type="application/json")
        as_json["Content-Disposition"] = 'attachment; filename="contributions-and-decisions.json"'
        return as_json
    fields = ["id", "kind", "clause", "version", "round", "title", "credit", "created_at", "endorsements",
              "decision", "reason", "decided_at"]
    writer = csv.DictWriter(_Echo(), fieldnames=fields)

    def stream() -> Any:
        yield writer.writeheader()
        for row in rows:
            yield writer.writerow({k: _cell(v) for k, v in row.items()})

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="contributions-and-decisions.csv"'
    return response


@public_page("community")
def community_home(request: HttpRequest) -> HttpResponse:
    current = PolicyVersion.objects.current()
    clauses = (list(Clause.objects.filter(version=current).select_related("section")
                    .order_by("section__position", "position").only("anchor", "number", "title", "section"))
               if current else [])
    chosen = request.GET.get("clause", "").strip()
    if chosen and any(c.anchor == chosen for c in clauses):
        # the clause chooser below works without JavaScript: a GET form that lands on the clause's discussion
        return redirect("community:clause", anchor=chosen)
    recent = Contribution.objects.visible_to(request.user).filter(visibility=Visibility.PUBLISHED).for_listing()[:10]
    decided = (Contribution.objects.filter(visibility=Visibility.PUBLISHED, decision__isnull=False)
               .select_related("decision", "author").order_by("-decision__decided_at")[:10])
    return render(request, "community/home.html", {
        "recent": recent, "decided": decided, "open_rounds": ConsultationRound.objects.open_now(),
        "due": attestation_due(request.user),
        "versions": PolicyVersion.objects.published().filter(Q(changes__isnull=False)).distinct()[:5],
        "clauses": clauses,
    })
