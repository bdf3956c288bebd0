"""The Django side's one door to the pure checker core (``ep_checker``).

Turns a :class:`ep_checker.CheckResult` into what the templates show: the risk in plain words, the draft
split into highlighted segments, and each finding with its topic labels and the policy clauses it
relates to. Nothing here stores, caches or logs the text it is given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_CHARS = 100_000

RISK_WORDS = {
    "stop": ("Stop", "Stop: do not post this as it is.",
             "It could let someone recognise a person you work with, or breach the policy."),
    "review": ("Think again", "Think again before you post.",
               "Not a clear breach, but the policy asks you to look at these points first."),
    "ok": ("Looks fine", "Looks fine.",
           "The checker found nothing the policy would question. "
           "You are still responsible for what you post."),
}
SEVERITY_WORDS = {"stop": "Stop", "review": "Think again", "info": "For information"}
CATEGORY_WORDS = {
    "name": "Name", "address": "Address", "postcode": "Postcode", "phone": "Phone number",
    "email": "Email address", "date-of-birth": "Date of birth", "id-number": "Identifying number",
    "institution": "School, home or service", "age": "Age", "place": "Place",
    "case-detail": "Case detail", "special-category": "Sensitive personal information",
    "derogatory": "Derogatory language", "workplace": "Workplace", "own-safety": "Your own safety",
    "boundary": "Professional boundaries", "image-location": "Location in the photo",
    "image-metadata": "Identifying photo details",
}


class CheckUnavailable(RuntimeError):
    """The checker core could not be loaded (a broken installation)."""


def _core() -> Any:
    import ep_checker

    return ep_checker


def checker_error() -> type[Exception]:
    from ep_checker import CheckerError

    return CheckerError


def check(text: str) -> Any:
    """Run the core checker; raises the core's ``CheckerError`` for bad input."""
    return _core().check(text)


def result_dict(result: Any) -> dict[str, Any]:
    """The contract's result object (interfaces.md), as the CLI's ``--json`` prints it."""
    return dict(result.to_dict())


@dataclass
class Segment:
    text: str
    finding: int | None = None  # 1-based number of the finding that covers this segment
    severity: str = ""


@dataclass
class ShownFinding:
    number: int
    category: str
    category_label: str
    severity: str
    severity_label: str
    text: str
    message: str
    why: str
    suggestion: str
    topics: list[tuple[str, str]] = field(default_factory=list)
    clauses: list[dict[str, str]] = field(default_factory=list)


@dataclass
class ShownResult:
    risk: str
    risk_label: str
    headline: str
    explanation: str
    segments: list[Segment]
    findings: list[ShownFinding]
    redacted: str


def _getattr(obj: Any, name: str, default: Any = "") -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def segments(text: str, findings: list[Any]) -> list[Segment]:
    """Split ``text`` into plain and highlighted runs; overlapping findings go to the earliest one."""
    marks: list[tuple[int, int, int, str]] = []
    for number, f in enumerate(findings, start=1):
        start, end = int(_getattr(f, "start", 0)), int(_getattr(f, "end", 0))
        if 0 <= start < end <= len(text):
            marks.append((start, end, number, str(_getattr(f, "severity", ""))))
    marks.sort()
    out: list[Segment] = []
    pos = 0
    for start, end, number, severity in marks:
        if start < pos:
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], number, severity))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def _clause_details(anchors: set[str]) -> dict[str, dict[str, str]]:
    from django.urls import reverse

    details = {
        a: {"anchor": a, "label": a.replace("-", " ").capitalize(), "url": reverse("policy:clause", args=[a])}
        for a in anchors
    }
    if not anchors:
        return details
    from eprofessional.policy.models import Clause, PolicyVersion

    current = PolicyVersion.objects.current()
    if current is not None:
        for c in Clause.objects.filter(version=current, anchor__in=anchors).only("anchor", "number", "title"):
            details[c.anchor]["label"] = f"Clause {c.number}" + (f": {c.title}" if c.title else "")
    return details


def _topic_labels(keys: set[str]) -> dict[str, str]:
    from eprofessional.policy.models import Topic

    labels = {k: k.replace("-", " ").capitalize() for k in keys}
    if keys:
        labels.update(dict(Topic.objects.filter(key__in=keys).values_list("key", "label")))
    return labels


def present(text: str, result: Any) -> ShownResult:
    findings = list(_getattr(result, "findings", []))
    risk = str(_getattr(result, "risk", "ok"))
    label, headline, explanation = RISK_WORDS.get(risk, RISK_WORDS["review"])
    anchors = {a for f in findings for a in (_getattr(f, "clauses", []) or [])}
    topic_keys = {t for f in findings for t in (_getattr(f, "topics", []) or [])}
    clauses = _clause_details(anchors)
    topics = _topic_labels(topic_keys)
    shown = []
    for number, f in enumerate(findings, start=1):
        category = str(_getattr(f, "category", ""))
        severity = str(_getattr(f, "severity", ""))
        shown.append(ShownFinding(
            number=number,
            category=category,
            category_label=CATEGORY_WORDS.get(category, category.replace("-", " ").capitalize()),
            severity=severity,
            severity_label=SEVERITY_WORDS.get(severity, severity.capitalize()),
            text=str(_getattr(f, "text", "")),
            message=str(_getattr(f, "message", "")),
            why=str(_getattr(f, "why", "")),
            suggestion=str(_getattr(f, "suggestion", "")),
            topics=[(t, topics[t]) for t in (_getattr(f, "topics", []) or [])],
            clauses=[clauses[a] for a in (_getattr(f, "clauses", []) or [])],
        ))
    return ShownResult(
        risk=risk, risk_label=label, headline=headline, explanation=explanation,
        segments=segments(text, findings), findings=shown, redacted=str(_getattr(result, "redacted", "")),
    )
