"""Every write members, moderators and policy officers make in the community: the one place, audited.

Views and the API call these functions; they never save community models themselves.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from eprofessional.accounts.permissions import can_edit_policy, can_moderate
from eprofessional.core.models import audit
from eprofessional.policy.models import Clause, PolicyVersion, Principle, Topic

from .models import (
    CLAUSE_KINDS,
    Attestation,
    ConsultationRound,
    Contribution,
    ContributionKind,
    Decision,
    Endorsement,
    Follow,
    Notification,
    Outcome,
    Reply,
    Report,
    Team,
    Visibility,
)

# Checker categories that mean a post may identify a service user: such contributions are held for a
# moderator before anyone else sees them.
IDENTIFYING = {
    "name", "address", "postcode", "phone", "email", "date-of-birth", "id-number", "institution", "age", "place",
}


class ActionError(Exception):
    """Something the member cannot do, with a message fit to show them."""


def identifying_categories(*texts: str) -> list[str]:
    """Categories of identifying details the before-you-post checker finds in these texts."""
    try:
        from ep_checker import check
        from ep_checker.tagger import RULE as SPAN_NOTE
    except ImportError:  # pragma: no cover - the checker core ships with the project
        return []
    found: set[str] = set()
    for text in texts:
        if text and text.strip():
            result = check(text[:100_000])
            if result.risk == "stop":
                # the span tagger's notes are guesses, not what made the post a stop
                found |= {f.category for f in result.findings if f.category in IDENTIFYING and f.rule != SPAN_NOTE}
    return sorted(found)


def _member(user: Any) -> None:
    if not (user and user.is_authenticated and user.is_active):
        raise ActionError("Sign in to take part.")


def notify(users: Iterable[Any], message: str, url: str, *, exclude: Any = None) -> int:
    rows = [
        Notification(user=u, message=message[:300], url=url)
        for u in {u.pk: u for u in users}.values()
        if exclude is None or u.pk != exclude.pk
    ]
    Notification.objects.bulk_create(rows)
    return len(rows)


def _followers_of(contribution: Contribution) -> list[Any]:
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    q = Follow.objects.filter(contribution=contribution).values("user")
    if contribution.clause_anchor:
        q = q.union(Follow.objects.filter(clause_anchor=contribution.clause_anchor).values("user"))
    return list(user_model.objects.filter(pk__in=[row["user"] for row in q]))


@transaction.atomic
def contribute(
    author: Any,
    *,
    kind: str,
    title: str,
    body: str,
    clause_anchor: str = "",
    proposed_text: str = "",
    evidence: list[dict[str, str]] | None = None,
    principles: Iterable[str] = (),
    topics: Iterable[str] = (),
    credit_by_name: bool | None = None,
    round: ConsultationRound | None = None,
) -> Contribution:
    _member(author)
    if kind not in ContributionKind.values:
        raise ActionError("Choose what kind of contribution this is.")
    title, body = (title or "").strip(), (body or "").strip()
    if not title or not body:
        raise ActionError("Give your contribution a title and say what you want to share.")
    version = None
    if clause_anchor:
        version = PolicyVersion.objects.current()
        if version is None or not Clause.objects.filter(version=version, anchor=clause_anchor).exists():
            raise ActionError("That clause is not in the current policy.")
    elif kind in CLAUSE_KINDS and kind != ContributionKind.COMMENT:
        raise ActionError("Amendments and evidence are made on a clause.")
    if kind == ContributionKind.AMENDMENT and not proposed_text.strip():
        raise ActionError("Write the clause as you would like it to read.")
    if round is not None and not round.is_open:
        raise ActionError("That consultation round is closed.")
    evidence = [
        {k: str(item.get(k, "")).strip()[:1000] for k in ("citation", "url", "summary")}
        for item in (evidence or [])
        if any(str(item.get(k, "")).strip() for k in ("citation", "url", "summary"))
    ]
    flagged = identifying_categories(title, body, proposed_text, *(e["summary"] for e in evidence))
    contribution = Contribution.objects.create(
        kind=kind,
        author=author,
        clause_anchor=clause_anchor,
        version=version,
        round=round,
        title=title[:200],
        body=body,
        proposed_text=proposed_text.strip(),
        evidence=evidence,
        credit_by_name=getattr(author, "credit_by_name", True) if credit_by_name is None else credit_by_name,
        visibility=Visibility.HELD if flagged else Visibility.PUBLISHED,
        identifying_findings=flagged,
    )
    contribution.principles.set(Principle.objects.filter(id__in=list(principles)))
    contribution.topics.set(Topic.objects.filter(key__in=list(topics)))
    Follow.objects.get_or_create(user=author, contribution=contribution)
    if flagged:
        audit(None, "moderation.hold", f"contribution:{contribution.pk}",
              "The checker found details that may identify someone.", categories=flagged)
        from django.contrib.auth import get_user_model

        notify(get_user_model().objects.moderators(), "A contribution is waiting for moderation.",
               contribution.get_absolute_url())
    else:
        _announce(contribution)
    return contribution


def _announce(contribution: Contribution) -> None:
    if contribution.clause_anchor:
        followers = Follow.objects.filter(clause_anchor=contribution.clause_anchor).select_related("user")
        notify([f.user for f in followers], f"New {contribution.get_kind_display().lower()} on a clause you follow: "
               f"{contribution.title}", contribution.get_absolute_url(), exclude=contribution.author)


@transaction.atomic
def reply(author: Any, contribution: Contribution, body: str, *, parent: Reply | None = None) -> Reply:
    _member(author)
    body = (body or "").strip()
    if not body:
        raise ActionError("Write your reply first.")
    if contribution.visibility != Visibility.PUBLISHED:
        raise ActionError("Replies are closed on this contribution.")
    if parent is not None and parent.contribution_id != contribution.pk:
        raise ActionError("You can only reply within the same discussion.")
    flagged = identifying_categories(body)
    r = Reply.objects.create(
        contribution=contribution, parent=parent, author=author, body=body,
        credit_by_name=getattr(author, "credit_by_name", True),
        visibility=Visibility.HELD if flagged else Visibility.PUBLISHED,
    )
    Follow.objects.get_or_create(user=author, contribution=contribution)
    if not flagged:
        notify(_followers_of(contribution), f"New reply on “{contribution.title}”",
               contribution.get_absolute_url() + f"#reply-{r.pk}", exclude=author)
    return r


def endorse(member: Any, contribution: Contribution) -> bool:
    """Endorse once; returns False if the member had already endorsed it."""
    _member(member)
    if contribution.author_id == member.pk:
        raise ActionError("You cannot endorse your own contribution.")
    if contribution.visibility != Visibility.PUBLISHED:
        raise ActionError("This contribution cannot be endorsed.")
    try:
        with transaction.atomic():
            Endorsement.objects.create(contribution=contribution, member=member)
    except IntegrityError:
        return False
    return True


def withdraw_endorsement(member: Any, contribution: Contribution) -> None:
    Endorsement.objects.filter(contribution=contribution, member=member).delete()


def follow(user: Any, *, clause_anchor: str = "", contribution: Contribution | None = None) -> None:
    _member(user)
    if bool(clause_anchor) == (contribution is not None):
        raise ActionError("Follow either a clause or a contribution.")
    Follow.objects.get_or_create(user=user, clause_anchor=clause_anchor, contribution=contribution)


def unfollow(user: Any, *, clause_anchor: str = "", contribution: Contribution | None = None) -> None:
    Follow.objects.filter(user=user, clause_anchor=clause_anchor, contribution=contribution).delete()


@transaction.atomic
def report(reporter: Any, *, reason: str, contribution: Contribution | None = None, reply: Reply | None = None) -> Report:
    _member(reporter)
    reason = (reason or "").strip()
    if not reason:
        raise ActionError("Tell the moderators what is wrong.")
    if (contribution is None) == (reply is None):
        raise ActionError("Report one post at a time.")
    rep = Report.objects.create(reporter=reporter, reason=reason, contribution=contribution, reply=reply)
    from django.contrib.auth import get_user_model

    target = contribution or reply.contribution  # type: ignore[union-attr]
    notify(get_user_model().objects.moderators(), "A post has been reported.", target.get_absolute_url())
    return rep


def _require_moderator(user: Any) -> None:
    if not can_moderate(user):
        raise ActionError("Only moderators can do that.")


@transaction.atomic
def moderate(moderator: Any, target: Contribution | Reply, *, action: str, reason: str, new_body: str = "") -> None:
    """Hide, restore, release (from the hold) or edit a post. The reason is shown in place and audited."""
    _require_moderator(moderator)
    reason = (reason or "").strip()
    if not reason:
        raise ActionError("Moderation always needs a reason; it is shown in place of the post.")
    kind = "contribution" if isinstance(target, Contribution) else "reply"
    before = {"visibility": target.visibility, "body": target.body}
    was_held = target.visibility == Visibility.HELD
    if action == "hide":
        target.visibility = Visibility.HIDDEN
        target.moderation_note = f"Hidden by a moderator: {reason}"
    elif action in {"restore", "release"}:
        target.visibility = Visibility.PUBLISHED
        target.moderation_note = "" if action == "release" else f"Restored by a moderator: {reason}"
    elif action == "edit":
        if not new_body.strip():
            raise ActionError("Write the edited text.")
        target.body = new_body.strip()
        target.moderation_note = f"Edited by a moderator: {reason}"
    else:
        raise ActionError("Unknown moderation action.")
    target.save()
    audit(moderator, f"moderation.{action}", f"{kind}:{target.pk}", reason, before=before,
          after={"visibility": target.visibility, "body": target.body})
    Report.objects.filter(**{kind: target}, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=moderator
    )
    if was_held and target.visibility == Visibility.PUBLISHED and isinstance(target, Contribution):
        _announce(target)
    notify([target.author], f"A moderator acted on your post: {reason}",
           (target if isinstance(target, Contribution) else target.contribution).get_absolute_url())


@transaction.atomic
def decide(officer: Any, contribution: Contribution, *, outcome: str, reason: str) -> Decision:
    if not can_edit_policy(officer):
        raise ActionError("Only policy officers decide on contributions.")
    reason = (reason or "").strip()
    if not reason:
        raise ActionError("Every decision needs a public reason.")
    if outcome not in Outcome.values:
        raise ActionError("Choose accepted, accepted in part, declined or deferred.")
    if contribution.visibility == Visibility.HELD:
        raise ActionError("This contribution is held for moderation: decide on it once a moderator releases it.")
    if contribution.visibility == Visibility.HIDDEN:
        # A decision notifies followers with the title, which a moderator has taken down.
        raise ActionError("A moderator has hidden this contribution, so it cannot be decided on.")
    decision, _ = Decision.objects.update_or_create(
        contribution=contribution,
        defaults={"outcome": outcome, "reason": reason, "decided_by": officer, "decided_at": timezone.now()},
    )
    audit(officer, "triage.decide", f"contribution:{contribution.pk}", reason, outcome=outcome)
    notify([*_followers_of(contribution), contribution.author],
           f"Decision on “{contribution.title}”: {decision.get_outcome_display()}",
           contribution.get_absolute_url())
    return decision


@transaction.atomic
def open_round(
    officer: Any, *, title: str, description: str, questions: list[str], section_anchors: list[str],
    closes_at: dt.datetime, opens_at: dt.datetime | None = None,
) -> ConsultationRound:
    if not can_edit_policy(officer):
        raise ActionError("Only policy officers open consultation rounds.")
    opens_at = opens_at or timezone.now()
    if closes_at <= opens_at:
        raise ActionError("The closing date must be after the opening date.")
    questions = [q.strip() for q in questions if q and q.strip()]
    if not title.strip() or not questions:
        raise ActionError("A round needs a title and at least one question.")
    current = PolicyVersion.objects.current()
    known = set(current.sections.values_list("anchor", flat=True)) if current else set()
    if not section_anchors or not set(section_anchors) <= known:
        raise ActionError("Choose the sections of the current policy the round is about.")
    rnd = ConsultationRound.objects.create(
        title=title.strip(), description=description.strip(), questions=questions,
        section_anchors=list(section_anchors), opens_at=opens_at, closes_at=closes_at, opened_by=officer,
    )
    audit(officer, "round.open", f"round:{rnd.pk}", closes_at=closes_at.isoformat())
    return rnd


@transaction.atomic
def respond_to_round(officer: Any, rnd: ConsultationRound, *, response: str, version: PolicyVersion | None) -> None:
    if not can_edit_policy(officer):
        raise ActionError("Only policy officers respond to consultation rounds.")
    if not response.strip():
        raise ActionError('Write the "you said, we did" response.')
    rnd.response = response.strip()
    rnd.version = version
    rnd.save(update_fields=["response", "version"])
    audit(officer, "round.respond", f"round:{rnd.pk}")


def attest(user: Any, version: PolicyVersion) -> Attestation:
    _member(user)
    if not version.is_published or version.is_scheduled:
        raise ActionError("You can only confirm you have read a published version.")
    attestation, _ = Attestation.objects.get_or_create(user=user, version=version)
    return attestation


def create_team(lead: Any, name: str) -> Team:
    _member(lead)
    if lead.role not in {"manager", "educator"}:
        raise ActionError("Teams and cohorts are led by managers and educators.")
    if not name.strip():
        raise ActionError("Name the team or cohort.")
    return Team.objects.create(name=name.strip(), lead=lead, join_code=secrets.token_hex(4))


def join_team(member: Any, join_code: str) -> Team:
    _member(member)
    team = Team.objects.filter(join_code=(join_code or "").strip().lower()).first()
    if team is None:
        raise ActionError("No team has that joining code. Check it with your manager or educator.")
    team.members.add(member)
    return team


def leave_team(member: Any, team: Team) -> None:
    team.members.remove(member)
