"""Clause-level comparison of two policy versions: the one place the diff is computed.

``compare_versions(a, b)`` returns a list of change dicts (used by the compare page and by
``GET /api/policy/diff``). Clauses are matched by their stable anchor, so an edited or moved clause is
recognised whatever its number. A clause is:

- ``added``     only in ``b``;
- ``removed``   only in ``a``;
- ``modified``  in both, with a different title, text or references (``moved`` is also true if it moved);
- ``moved``     in both and otherwise unchanged, but now in another section or out of its old order
                (a clause renumbered only because others were added or removed before it is not "moved").

Reasons and credited contributions come from ``ClauseChange`` records of the versions after ``a`` up to
``b``. The only database work is a fixed number of queries; the rest is pure.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from django.db.models import Prefetch
from django.utils.html import escape

from .models import Clause, ClauseChange, PolicyVersion

_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(before: str, after: str) -> str:
    """HTML showing a word-level difference: removed words in <del>, added words in <ins>, all escaped."""
    a = _TOKEN.findall(before or "")
    b = _TOKEN.findall(after or "")
    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if op in {"delete", "replace"}:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if op in {"insert", "replace"}:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return "".join(out)


def _clauses(version: PolicyVersion) -> list[Clause]:
    return list(
        Clause.objects.filter(version=version)
        .select_related("section")
        .prefetch_related("principles", "topics", "standards", "legislation")
        .order_by("section__position", "position")
    )


def clause_snapshot(clause: Clause) -> dict[str, Any]:
    """What a clause says in one version (the ``before``/``after`` of a change)."""
    return {
        "number": clause.number,
        "title": clause.title,
        "text": clause.text,
        "section": clause.section.anchor,
        "section_number": clause.section.number,
        "section_title": clause.section.title,
        "principles": sorted(p.id for p in clause.principles.all()),
        "topics": sorted(t.key for t in clause.topics.all()),
        "standards": sorted(s.key for s in clause.standards.all()),
        "legislation": sorted(x.key for x in clause.legislation.all()),
        "nations": dict(sorted((clause.nation_notes or {}).items())),
    }


_CONTENT_KEYS = ("title", "text", "principles", "topics", "standards", "legislation", "nations")


def _change_records(a: PolicyVersion, b: PolicyVersion) -> dict[str, list[ClauseChange]]:
    low, high = sorted((a.number, b.number))
    records: dict[str, list[ClauseChange]] = {}
    queryset = ClauseChange.objects.filter(version__number__gt=low, version__number__lte=high).select_related(
        "version"
    )
    # Contributions credited by the living-policy workflow (community.Contribution.changes).
    queryset = queryset.prefetch_related(Prefetch("contributions", queryset=_credited()))
    for record in queryset.order_by("version__number", "anchor"):
        records.setdefault(record.anchor, []).append(record)
    return records


def _credited() -> Any:
    from eprofessional.community.models import Contribution

    return Contribution.objects.credited().select_related("author").order_by("pk")


def _contributions(records: list[ClauseChange]) -> list[Any]:
    found: list[Any] = []
    for record in records:
        found.extend(c for c in record.contributions.all() if c not in found)
    return found


def _moved_by_order(common_a: list[str], common_b: list[str]) -> set[str]:
    """Anchors outside the longest common subsequence of the two orders: the ones that really moved."""
    matcher = difflib.SequenceMatcher(a=common_a, b=common_b, autojunk=False)
    kept: set[str] = set()
    for block in matcher.get_matching_blocks():
        kept.update(common_a[block.a : block.a + block.size])
    return set(common_a) - kept


def compare_versions(a: PolicyVersion, b: PolicyVersion) -> list[dict[str, Any]]:
    """Changes from version ``a`` to ``b``, in the reading order of ``b`` (removed ones where they were)."""
    before = {c.anchor: c for c in _clauses(a)}
    after = {c.anchor: c for c in _clauses(b)}
    records = _change_records(a, b)

    common_a = [anchor for anchor in before if anchor in after]
    common_b = [anchor for anchor in after if anchor in before]
    moved = _moved_by_order(common_a, common_b)
    moved |= {x for x in common_a if before[x].section.anchor != after[x].section.anchor}

    # Reading order: b's clauses in order; a removed clause goes after the clause that preceded it in a.
    order: dict[str, tuple[int, int]] = {anchor: (i, 0) for i, anchor in enumerate(after)}
    last = -1
    offset = 0
    for anchor in before:
        if anchor in after and anchor not in moved:
            last, offset = order[anchor][0], 0
        else:
            offset += 1
            order[anchor] = (last, offset)

    changes: list[dict[str, Any]] = []
    for anchor in sorted(set(before) | set(after), key=lambda x: order[x]):
        old = clause_snapshot(before[anchor]) if anchor in before else None
        new = clause_snapshot(after[anchor]) if anchor in after else None
        if old is None:
            kind = "added"
        elif new is None:
            kind = "removed"
        elif any(old[key] != new[key] for key in _CONTENT_KEYS):
            kind = "modified"
        elif anchor in moved:
            kind = "moved"
        else:
            continue
        found = records.get(anchor, [])
        contributions = _contributions(found)
        reason = "\n\n".join(r.reason.strip() for r in found if r.reason.strip())
        changes.append(
            {
                "clause": anchor,
                "change": kind,
                "moved": anchor in moved,
                "before": old,
                "after": new,
                "reason": reason,
                "material": any(r.material for r in found) if found else None,
                "contributions": [c.pk for c in contributions],
                "credits": [f"“{c.title}” by {c.credit}" for c in contributions],
                "title_diff": word_diff(old["title"], new["title"]) if old and new else "",
                "text_diff": word_diff(old["text"], new["text"]) if old and new else "",
            }
        )
    return changes


def summarise(changes: list[dict[str, Any]]) -> dict[str, int]:
    counts = {"added": 0, "modified": 0, "removed": 0, "moved": 0}
    for change in changes:
        counts[change["change"]] += 1
    return counts
