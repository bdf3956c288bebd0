"""A member's own data as one JSON document (the right of access, in a form they can keep or move).

Read-only. Everything here is theirs: their details, worksheets (with the comments on them), contributions
(held and hidden ones too, with the moderator's note), replies, endorsements, follows, attestations,
teams, and archive audits (each audit's summary and the past posts it flagged, with their findings: posts
that looked fine were only ever counted, never kept). Nothing about other members beyond the name they show publicly, and no password hash.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

FORMAT = "e-professional-member-data/1"


def _when(value: Any) -> str | None:
    return value.isoformat() if value else None


def member_data(user: Any) -> dict[str, Any]:
    from eprofessional.checks.models import AuditJob
    from eprofessional.community.models import Attestation, Contribution, Endorsement, Follow, Reply
    from eprofessional.guidance.models import Worksheet

    worksheets = (
        Worksheet.objects.editable_by(user).select_related("case", "shared_with")
        .prefetch_related("tensions__principle", "comments__author").order_by("created_at", "id")
    )
    contributions = (
        Contribution.objects.filter(author=user).select_related("version", "round", "decision")
        .prefetch_related("principles", "topics").order_by("created_at", "id")
    )
    audits = AuditJob.objects.filter(owner=user).prefetch_related("posts").order_by("created_at", "id")
    return {
        "format": FORMAT,
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "username": user.username, "email": user.email, "display_name": user.display_name,
            "first_name": user.first_name, "last_name": user.last_name,
            "nation": user.nation, "role": user.role, "supervisor_kind": user.supervisor_kind,
            "credit_by_name": user.credit_by_name, "staff_roles": user.staff_roles,
            "date_joined": _when(user.date_joined), "last_login": _when(user.last_login),
        },
        "worksheets": [
            {
                "id": w.pk, "title": w.title, "case": w.case_id, "facts": w.facts,
                "people_affected": w.people_affected, "law_and_policy": w.law_and_policy,
                "principles": [{"principle": t.principle_id, "title": t.principle.title, "notes": t.notes}
                               for t in w.tensions.all()],
                "options": w.options, "decision": w.decision, "rationale": w.rationale, "record": w.record,
                "supervision_questions": w.supervision_questions,
                "shared_with": w.shared_with.public_name if w.shared_with else None,
                "shared_at": _when(w.shared_at), "created_at": _when(w.created_at), "updated_at": _when(w.updated_at),
                "comments": [
                    {"id": c.pk, "parent": c.parent_id,
                     "author": "you" if c.author_id == user.pk else c.author.public_name,
                     "body": c.body, "created_at": _when(c.created_at)}
                    for c in w.comments.all()
                ],
            }
            for w in worksheets
        ],
        "contributions": [
            {
                "id": c.pk, "kind": c.kind, "clause": c.clause_anchor or None,
                "version": c.version.number if c.version else None, "round": c.round.title if c.round else None,
                "title": c.title, "body": c.body, "proposed_text": c.proposed_text, "evidence": c.evidence,
                "principles": [p.id for p in c.principles.all()], "topics": [t.key for t in c.topics.all()],
                "credit_by_name": c.credit_by_name, "visibility": c.visibility,
                "moderation_note": c.moderation_note, "created_at": _when(c.created_at),
                "decision": (
                    {"outcome": c.decision.outcome, "reason": c.decision.reason,
                     "decided_at": _when(c.decision.decided_at)}
                    if hasattr(c, "decision") else None
                ),
                "url": c.get_absolute_url(),
            }
            for c in contributions
        ],
        "replies": [
            {"id": r.pk, "contribution": r.contribution_id, "parent": r.parent_id, "body": r.body,
             "credit_by_name": r.credit_by_name, "visibility": r.visibility, "moderation_note": r.moderation_note,
             "created_at": _when(r.created_at)}
            for r in Reply.objects.filter(author=user).order_by("created_at", "id")
        ],
        "endorsements": [
            {"contribution": e.contribution_id, "created_at": _when(e.created_at)}
            for e in Endorsement.objects.filter(member=user).order_by("created_at", "id")
        ],
        "follows": [
            {"clause": f.clause_anchor or None, "contribution": f.contribution_id}
            for f in Follow.objects.filter(user=user).order_by("id")
        ],
        "attestations": [
            {"version": a.version.number, "attested_at": _when(a.attested_at)}
            for a in Attestation.objects.filter(user=user).select_related("version").order_by("attested_at")
        ],
        "teams": {
            "led": [t.name for t in user.teams_led.order_by("name")],
            "joined": [t.name for t in user.teams.order_by("name")],
        },
        "archive_audits": [
            {
                "file": a.original_name, "platform": a.platform, "status": a.status, "error": a.error,
                "posts_checked": a.processed, "stop": a.count_stop, "review": a.count_review, "ok": a.count_ok,
                "created_at": _when(a.created_at), "finished_at": _when(a.finished_at),
                "flagged_posts": [
                    {"post_id": p.post_id, "source": p.source, "date": p.date, "text": p.text, "risk": p.risk,
                     "findings": p.findings}
                    for p in a.posts.all()
                ],
            }
            for a in audits
        ],
    }
