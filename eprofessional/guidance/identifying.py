"""Keep worksheets from becoming a store of service-user details.

Runs the before-you-post checker core (``ep_checker.check``) over a worksheet's free text and keeps only the
findings that identify someone. The text itself is never logged or kept anywhere but the worksheet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

IDENTIFIER_CATEGORIES = {
    "name", "address", "postcode", "phone", "email", "date-of-birth", "id-number", "institution",
}
# An age or a place alone rarely identifies anyone; together ("the 14-year-old in Rhyl") they can.
COMBINED_CATEGORIES = {"age", "place"}

MAX_CHECK_CHARS = 100_000

CATEGORY_LABELS = {
    "name": "a name",
    "address": "an address",
    "postcode": "a postcode",
    "phone": "a phone number",
    "email": "an email address",
    "date-of-birth": "a date of birth",
    "id-number": "an ID or reference number",
    "institution": "a named school, home, hospital or court",
    "age": "an age",
    "place": "a place",
}


@dataclass(frozen=True)
class IdentifyingFinding:
    field: str
    field_label: str
    category: str
    text: str
    suggestion: str

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS.get(self.category, self.category)


def _checker() -> Any | None:
    try:
        import ep_checker
    except ImportError:  # pragma: no cover - ships with the project
        return None
    return getattr(ep_checker, "check", None)


def _span_note_rule() -> str:
    from ep_checker.tagger import RULE

    return RULE


def checker_available() -> bool:
    return _checker() is not None


def case_text(case: Any) -> str:
    """All the published text of a casebook case, to recognise its fictional details."""
    if case is None:
        return ""
    parts = [case.title, case.summary, case.situation, case.recommended, case.reasoning, case.record,
             *case.questions, *case.supervision, *(t.get("tension", "") for t in case.tensions),
             *(str(v) for o in case.options for v in o.values()), *case.nations.values()]
    return "\n".join(str(p) for p in parts if p)


def _get(finding: Any, key: str) -> Any:
    if isinstance(finding, Mapping):
        return finding.get(key, "")
    return getattr(finding, key, "")


def _findings(result: Any) -> list[Any]:
    if isinstance(result, Mapping):
        return list(result.get("findings") or [])
    if hasattr(result, "to_dict"):
        return list(result.to_dict().get("findings") or [])
    return list(getattr(result, "findings", []) or [])


def identifying_findings(
    texts: Iterable[tuple[str, str, str]], source_text: str = ""
) -> list[IdentifyingFinding]:
    """``texts`` is ``(field name, field label, text)``; returns what looks identifying, field by field.

    ``source_text`` is the published casebook case the worksheet was started from: its fictional people
    ("Keira", "Tom") come with the pre-filled text and are not flagged.
    """
    check = _checker()
    if check is None:
        return []
    out: list[IdentifyingFinding] = []
    for name, label, text in texts:
        if not text or not text.strip():
            continue
        try:
            found = _findings(check(text[:MAX_CHECK_CHARS]))
        except ValueError:  # the checker's own input errors; the form already limits lengths
            continue
        # the span tagger's notes are a learned model's guesses, left to the author on the checker's page
        found = [f for f in found if _get(f, "rule") != _span_note_rule()]
        if source_text:
            found = [f for f in found if not (str(_get(f, "text")) and str(_get(f, "text")) in source_text)]
        categories = {str(_get(f, "category")) for f in found}
        combined = categories >= COMBINED_CATEGORIES
        seen: set[tuple[str, str]] = set()
        for f in found:
            category = str(_get(f, "category"))
            if category in IDENTIFIER_CATEGORIES or (combined and category in COMBINED_CATEGORIES):
                key = (category, str(_get(f, "text")))
                if key in seen:
                    continue
                seen.add(key)
                out.append(
                    IdentifyingFinding(
                        field=name, field_label=label, category=category,
                        text=str(_get(f, "text")), suggestion=str(_get(f, "suggestion") or ""),
                    )
                )
    return out
