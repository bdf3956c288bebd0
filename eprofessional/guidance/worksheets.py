"""Worksheet writes: save with principles and options, share, withdraw, comment.

The one place where worksheet rows are written. Reads go through ``Worksheet.objects.visible_to`` and
``editable_by``. Nothing here logs any worksheet text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from eprofessional.policy.models import Clause, PolicyVersion

from .models import Case, Worksheet, WorksheetComment, WorksheetPrinciple


def initial_from_case(case: Case) -> tuple[dict[str, str], list[dict[str, str]], list[dict[str, str]]]:
    """Pre-fill a new worksheet from a casebook case: title, law and policy, principles, options."""
    law = [f"- {item.citation}: {item.title}" for item in case.legislation.all()]
    law += [f"- {s.regulator.name} {s.document} {s.code}: {s.title}".replace("  ", " ")
            for s in case.standards.select_related("regulator")]
    version = PolicyVersion.objects.current()
    clauses = (
        {c.anchor: c for c in Clause.objects.filter(version=version, anchor__in=case.clause_anchors)}
        if version else {}
    )
    for anchor in case.clause_anchors:
        clause = clauses.get(anchor)
        law.append(f"- Policy clause {clause.number}: {clause.title or anchor}" if clause else f"- Policy clause: {anchor}")
    initial = {"title": case.title, "law_and_policy": "\n".join(law)}
    tensions = [{"principle": t.get("id", ""), "notes": (t.get("tension") or "").strip()} for t in case.tensions]
    options = [
        {"option": (o.get("option") or "").strip(), "benefits": (o.get("benefits") or "").strip(),
         "risks": (o.get("risks") or "").strip()}
        for o in case.options
    ]
    return initial, tensions, options


@transaction.atomic
def save_worksheet(
    worksheet: Worksheet,
    options: Iterable[Mapping[str, Any]],
    tensions: Iterable[Mapping[str, Any]],
) -> Worksheet:
    worksheet.options = [
        {k: (o.get(k) or "").strip() for k in ("option", "benefits", "risks")}
        for o in options
        if any((o.get(k) or "").strip() for k in ("option", "benefits", "risks"))
    ]
    worksheet.save()
    worksheet.tensions.all().delete()
    WorksheetPrinciple.objects.bulk_create(
        WorksheetPrinciple(
            worksheet=worksheet, principle_id=t["principle"], notes=(t.get("notes") or "").strip(), position=n
        )
        for n, t in enumerate(t for t in tensions if t.get("principle"))
    )
    return worksheet


def share(worksheet: Worksheet, supervisor: Any) -> None:
    worksheet.shared_with = supervisor
    worksheet.shared_at = timezone.now()
    worksheet.save(update_fields=["shared_with", "shared_at", "updated_at"])


def withdraw(worksheet: Worksheet) -> None:
    """The supervisor loses access at once; their comments stay with the worksheet for the author."""
    worksheet.shared_with = None
    worksheet.shared_at = None
    worksheet.save(update_fields=["shared_with", "shared_at", "updated_at"])


def add_comment(worksheet: Worksheet, author: Any, body: str, parent_id: int | None = None) -> WorksheetComment:
    parent = worksheet.comments.filter(pk=parent_id).first() if parent_id else None
    return WorksheetComment.objects.create(worksheet=worksheet, author=author, body=body.strip(), parent=parent)
