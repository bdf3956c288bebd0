"""Load the casebook from content files. The one place where case files become rows."""

from __future__ import annotations

from django.db import transaction

from eprofessional.core.contentfiles import Content

from .models import Case


@transaction.atomic
def load_cases(content: Content) -> str:
    seen = []
    for position, c in enumerate(sorted(content.cases, key=lambda c: c["id"]), start=1):
        case, _ = Case.objects.update_or_create(
            id=c["id"],
            defaults={
                "title": c["title"],
                "summary": c["summary"].strip(),
                "settings": list(c.get("settings") or []),
                "situation": c["situation"].strip(),
                "questions": list(c["questions"]),
                "tensions": [
                    p if isinstance(p, dict) else {"id": p, "tension": ""} for p in c["principles"]
                ],
                "nations": dict(c["nations"]),
                "options": list(c["options"]),
                "recommended": c["recommended"].strip(),
                "reasoning": c["reasoning"].strip(),
                "record": c["record"].strip(),
                "supervision": list(c["supervision"]),
                "clause_anchors": list(c.get("clauses") or []),
                "keywords": list(c.get("keywords") or []),
                "asked": [str(a).strip() for a in c.get("asked") or []],
                "position": position,
            },
        )
        case.principles.set([p["id"] if isinstance(p, dict) else p for p in c["principles"]])
        case.topics.set(c["topics"])
        case.standards.set(c.get("standards") or [])
        case.legislation.set(c.get("legislation") or [])
        seen.append(case.id)
    removed, _ = Case.objects.exclude(id__in=seen).delete()
    return f"Loaded {len(seen)} cases" + (f", removed {removed} no longer in the content files." if removed else ".")
