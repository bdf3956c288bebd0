"""Reading the policy: the policy itself, clause permalinks, principles, versions, comparison, PDF, feed."""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from eprofessional.core.params import lookup_key, whole_number

from .diff import compare_versions, summarise
from .models import NATION_KEYS, Clause, Nation, PolicyVersion, Principle, Section, VersionStatus
from .pdf import policy_pdf_path

NATION_SESSION_KEY = "policy_nation"
ALL_NATIONS = "all"

# What each part of the Code asks, in our words (policy-facts §2), shown on the principle pages.
VALUE_EXPLANATIONS = {
    "Human rights": (
        "Social work rests on the inherent worth and dignity of every person. Under this value the Code asks "
        "social workers to uphold people's dignity and well-being, respect their right to make their own "
        "choices, involve them in decisions, see them as whole people and build on their strengths."
    ),
    "Social justice": (
        "Social workers have a duty to challenge discrimination and unjust policies, recognise diversity, "
        "make fair use of resources and work in solidarity with people facing poverty and exclusion."
    ),
    "Professional integrity": (
        "Social workers must respect and uphold the values of the profession and act in a reliable, honest "
        "and trustworthy way, online as much as anywhere else: their conduct must not bring the profession "
        "into disrepute, and they keep professional boundaries and make considered judgements."
    ),
    "Ethical practice principles": (
        "The 2014 Code's practice principles turn the values into everyday practice: relationships, risk, "
        "consent, information, authority, confidentiality, records, self-awareness, supervision and "
        "continuing professional development. They apply across the UK alongside each nation's law and "
        "regulatory standards."
    ),
    "Guidance on practising ethically as a social worker": (
        "The 2021 Code replaces the 2014 practice principles with guidance on practising ethically. It adds "
        "explicit responsibilities for the ethical use of digital technology and social media."
    ),
}
CODE_DESCRIPTIONS = {
    "2014": "The Code of Ethics adopted in 2012 and updated in October 2014 (typographically reset in 2018).",
    "2021": "The current Code of Ethics for Social Work (2021), based on the international statement of "
    "ethical principles of 2018.",
}


def _current_or_404() -> PolicyVersion:
    version = PolicyVersion.objects.current()
    if version is None:
        raise Http404("No policy has been published yet.")
    return version


def _published_or_404(number: int) -> PolicyVersion:
    return get_object_or_404(PolicyVersion.objects.published(), number=number)


def reader_nation(request: HttpRequest) -> str:
    """The nation whose notes to highlight: ?nation= (remembered in the session), else the profile's."""
    raw = request.GET.get("nation")
    if raw is not None:
        raw = raw.strip()
        if raw in NATION_KEYS:
            request.session[NATION_SESSION_KEY] = raw
        elif raw in {"", ALL_NATIONS}:
            request.session[NATION_SESSION_KEY] = ALL_NATIONS
    chosen = request.session.get(NATION_SESSION_KEY)
    if chosen == ALL_NATIONS:
        return ""
    if chosen in NATION_KEYS:
        return str(chosen)
    user = getattr(request, "user", None)
    profile_nation = getattr(user, "nation", "") if user is not None and user.is_authenticated else ""
    return profile_nation if profile_nation in NATION_KEYS else ""


def _with_notes(sections: list[Section], nation: str) -> list[Section]:
    """Give each clause ``notes``: (key, label, note, chosen) for every nation with a note, chosen first."""
    labels = dict(Nation.choices)
    for section in sections:
        for clause in section.clauses.all():
            notes = clause.nation_notes or {}
            rows = [
                (key, str(labels[key]), notes[key], key == nation) for key in NATION_KEYS if notes.get(key)
            ]
            rows.sort(key=lambda row: not row[3])
            clause.notes = rows  # type: ignore[attr-defined]
            clause.chosen_note = next((row for row in rows if row[3]), None)  # type: ignore[attr-defined]
            clause.other_notes = [row for row in rows if not row[3]]  # type: ignore[attr-defined]
    return sections


def _render_policy(
    request: HttpRequest, version: PolicyVersion, current: PolicyVersion | None = None
) -> HttpResponse:
    nation = reader_nation(request)
    sections = _with_notes(list(version.ordered_sections()), nation)
    current = current or PolicyVersion.objects.current()
    return render(
        request,
        "policy/policy.html",
        {
            "version": version,
            "sections": sections,
            "is_current": current is not None and current.pk == version.pk,
            "current": current,
            "nation": nation,
            "nation_label": dict(Nation.choices).get(nation, ""),
            "nations": Nation.choices,
            # each principle's explanation once, at the end, rather than under every clause that cites it
            "glossary": Principle.objects.filter(clauses__version=version)
            .distinct()
            .order_by("code_version", "sort_key"),
        },
    )


def current(request: HttpRequest) -> HttpResponse:
    version = _current_or_404()
    return _render_policy(request, version, current=version)


def version(request: HttpRequest, number: int) -> HttpResponse:
    return _render_policy(request, _published_or_404(number))


def clause(request: HttpRequest, anchor: str) -> HttpResponse:
    """A permalink: the clause in the current version, or a page saying it was removed and when."""
    current_version = _current_or_404()
    if Clause.objects.filter(version=current_version, anchor=anchor).exists():
        return redirect(reverse("policy:current") + f"#{anchor}")
    last = (
        Clause.objects.filter(anchor=anchor, version__in=PolicyVersion.objects.published())
        .select_related("version", "section")
        .order_by("-version__number")
        .first()
    )
    if last is None:
        raise Http404("There is no clause with that link.")
    return render(
        request,
        "policy/clause_removed.html",
        {"clause": last, "last_version": last.version, "current": current_version},
    )


def principles(request: HttpRequest) -> HttpResponse:
    groups: dict[str, dict[str, list[Principle]]] = {}
    for p in Principle.objects.order_by("code_version", "sort_key"):
        groups.setdefault(p.code_version, {}).setdefault(p.value, []).append(p)
    codes = [
        {
            "code": code,
            "description": CODE_DESCRIPTIONS.get(code, ""),
            "values": [{"value": value, "principles": items} for value, items in values.items()],
        }
        for code, values in sorted(groups.items(), reverse=True)
    ]
    return render(request, "policy/principles.html", {"codes": codes})


def principle(request: HttpRequest, principle_id: str) -> HttpResponse:
    p = get_object_or_404(Principle, id=lookup_key(principle_id))
    current_version = PolicyVersion.objects.current()
    clauses: QuerySet[Clause] | list[Clause] = []
    if current_version is not None:
        clauses = (
            p.clauses.filter(version=current_version)
            .select_related("section")
            .order_by("section__position", "position")
        )
    related = Principle.objects.filter(number=p.number).exclude(id=p.id)
    return render(
        request,
        "policy/principle.html",
        {
            "principle": p,
            "clauses": clauses,
            "current": current_version,
            "value_explanation": VALUE_EXPLANATIONS.get(p.value, ""),
            "code_description": CODE_DESCRIPTIONS.get(p.code_version, ""),
            "related": related,
        },
    )


def versions(request: HttpRequest) -> HttpResponse:
    published = list(PolicyVersion.objects.published().order_by("-number"))
    return render(
        request,
        "policy/versions.html",
        {
            "versions": published,
            "rows": list(zip(published, [*published[1:], None], strict=True)),
            "current": PolicyVersion.objects.current(),
        },
    )


def _parse_version_number(raw: str | None) -> int | None:
    return whole_number(raw, max_digits=9)


def compare(request: HttpRequest) -> HttpResponse:
    published = list(PolicyVersion.objects.published().order_by("-number"))
    context: dict[str, Any] = {"versions": published, "changes": None, "error": ""}
    raw_from, raw_to = request.GET.get("from"), request.GET.get("to")
    default_to = published[0].number if published else None
    default_from = published[1].number if len(published) > 1 else default_to
    context["selected_from"] = raw_from if raw_from is not None else default_from
    context["selected_to"] = raw_to if raw_to is not None else default_to
    if raw_from is None and raw_to is None:
        return render(request, "policy/compare.html", context)

    a_number, b_number = _parse_version_number(raw_from), _parse_version_number(raw_to)
    status = 200
    if a_number is None or b_number is None:
        context["error"] = "Choose two versions to compare, using their version numbers."
        status = 400
    elif a_number == b_number:
        context["error"] = "Choose two different versions: a version is the same as itself."
        status = 400
    else:
        by_number = {v.number: v for v in published}
        missing = [n for n in (a_number, b_number) if n not in by_number]
        if missing:
            context["error"] = f"There is no published version {missing[0]}. Choose from the list."
            status = 404
        else:
            a, b = by_number[a_number], by_number[b_number]
            changes = compare_versions(a, b)
            context.update(
                {"from_version": a, "to_version": b, "changes": changes, "counts": summarise(changes)}
            )
    return render(request, "policy/compare.html", context, status=status)


def _pdf_response(version: PolicyVersion) -> FileResponse:
    path = policy_pdf_path(version)
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=f"social-media-policy-v{version.number}.pdf",
        content_type="application/pdf",
    )


def current_pdf(request: HttpRequest) -> FileResponse:
    return _pdf_response(_current_or_404())


def version_pdf(request: HttpRequest, number: int) -> FileResponse:
    return _pdf_response(_published_or_404(number))


class VersionsFeed(Feed):
    """Atom feed of published versions, newest first."""

    feed_type = Atom1Feed
    title = "Social Media Policy: published versions"
    subtitle = "Each published version of the Social Media Policy for UK social workers."
    description = subtitle

    def link(self) -> str:
        return reverse("policy:versions")

    def feed_url(self) -> str:
        return reverse("policy:feed")

    def items(self) -> list[PolicyVersion]:
        return list(PolicyVersion.objects.published().order_by("-number")[:50])

    def item_title(self, item: PolicyVersion) -> str:
        status = "" if item.status == VersionStatus.PUBLISHED else " (archived)"
        return f"{item.title}, version {item.number}{status}"

    def item_description(self, item: PolicyVersion) -> str:
        return item.summary or f"Version {item.number} of the policy."

    def item_link(self, item: PolicyVersion) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: PolicyVersion) -> str:
        return f"urn:eprofessional:policy:version:{item.number}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: PolicyVersion) -> Any:
        return item.published_at

    def item_updateddate(self, item: PolicyVersion) -> Any:
        return item.published_at


feed = VersionsFeed()
