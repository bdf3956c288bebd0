"""Demo activity made through the product's own workflow: contributions, debate, moderation, a round,
decisions with reasons, and a second published version whose changes cite the contributions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from eprofessional.policy import workflow
from eprofessional.policy.models import Clause, PolicyVersion

from . import actions
from .models import Contribution

MARK = "Say which messaging apps are agreed for work"


def _clause(version: PolicyVersion, topic: str) -> Clause:
    clause = version.clauses.filter(topics__key=topic).order_by("section__position", "position").first()
    if clause is None:  # pragma: no cover - the content covers every topic
        raise LookupError(topic)
    return clause


def add_demo_activity(users: dict[str, Any]) -> list[str]:
    if Contribution.objects.filter(title=MARK).exists():
        return ["Demo activity is already there (contributions, debate, decisions and version 2)."]
    current = PolicyVersion.objects.current()
    if current is None:
        return ["No published policy: load the content first."]
    worker, student, carer = users["demo-worker"], users["demo-student"], users["demo-carer"]
    manager, educator, supervisor = users["demo-manager"], users["demo-educator"], users["demo-supervisor"]
    officer, officer2, moderator = users["demo-officer"], users["demo-officer2"], users["demo-moderator"]
    messaging = _clause(current, "messaging-service-users")
    photos = _clause(current, "photos-and-images")

    for member in (worker, student, carer, manager):
        actions.attest(member, current)
    rnd = actions.open_round(
        officer, title="Messaging apps and out-of-hours contact",
        description="Members told us WhatsApp and texts are now how many families reach their worker. "
                    "We are reviewing the clauses on messaging.",
        questions=["Which channels does your employer agree for work messages?",
                   "What has gone wrong, or well, with messaging families out of hours?"],
        section_anchors=[messaging.section.anchor], closes_at=timezone.now() + dt.timedelta(days=30),
    )
    amendment = actions.contribute(
        worker, kind="amendment", title=MARK, clause_anchor=messaging.anchor, round=rnd,
        body="Families ask me to use WhatsApp because it is what they have. The clause should say to use the "
             "channel the employer has agreed, and what to do when there is none.",
        proposed_text=messaging.text + " If your employer has not agreed a messaging channel, ask your manager "
                      "for one in writing before you use any app with a family.",
        evidence=[{"citation": "Team practice survey (demo)", "url": "",
                   "summary": "Nine of eleven workers in our team had been asked to use WhatsApp in the last month."}],
        principles=[p.id for p in messaging.principles.all()[:2]], topics=["messaging-service-users"],
    )
    comment = actions.contribute(
        student, kind="comment", title="Students need this too", clause_anchor=messaging.anchor, round=rnd,
        body="On placement we were not told which apps we could use. Please make the clause cover students.",
    )
    info = actions.contribute(
        carer, kind="information", title="How our fostering team set up a shared calendar",
        body="Our agency set up a shared calendar for contact arrangements so nobody needs a personal number.",
        credit_by_name=False,
    )
    evidence = actions.contribute(
        manager, kind="evidence", title="Photos at events: consent forms we use", clause_anchor=photos.anchor,
        body="We added a line to our event consent form about where photos will be shared.",
        evidence=[{"citation": "Service consent form (demo)", "url": "", "summary": "A short form, reviewed yearly."}],
    )
    first = actions.reply(supervisor, amendment, "Agreed. We have the same problem after 5pm.")
    actions.reply(worker, amendment, "Thanks. Does your service have an agreed app?", parent=first)
    rude = actions.reply(carer, amendment, "Workers who use WhatsApp are lazy.")
    actions.moderate(moderator, rude, action="hide", reason="Not respectful to other members")
    for member in (educator, student, supervisor):
        actions.endorse(member, amendment)
    actions.endorse(worker, evidence)
    actions.decide(officer, amendment, outcome="accepted-in-part",
                   reason="We have added the advice to ask for an agreed channel in writing; we have not named "
                          "particular apps because employers' agreements differ.")
    actions.decide(officer, comment, outcome="accepted",
                   reason="The clause now says it applies to students on placement.")
    actions.decide(officer, info, outcome="deferred", reason="We will consider it with the carers' guidance next year.")
    actions.decide(officer2, evidence, outcome="accepted",
                   reason="We have added a sentence on telling people where photos will be shared.")

    draft = workflow.start_draft(officer, summary="Clearer advice on messaging channels and event photos")
    workflow.edit_clause(
        draft, messaging.anchor, officer=officer, expected_revision=1, material=True,
        text=messaging.text + " This applies to students on placement too. If your employer has not agreed a "
             "messaging channel, ask your manager for one in writing before you use any app with a family.",
        reason="Members told us they are asked to use apps the employer has not agreed.",
        contributions=[amendment, comment],
    )
    workflow.edit_clause(
        draft, photos.anchor, officer=officer, expected_revision=1, material=False,
        text=photos.text + " When you take photos at an event, tell people where they will be shared.",
        reason="A manager shared the consent wording their service uses.", contributions=[evidence],
    )
    workflow.approve(draft, officer2)
    workflow.publish(draft, officer, response="You said families ask to use WhatsApp and there is often no agreed "
                                              "channel. We have said to ask for one in writing.")
    actions.respond_to_round(officer, rnd, response="You said families ask to use WhatsApp and there is often no "
                             "agreed channel. We have said to ask for one in writing.", version=draft)
    return [
        "Demo activity: 4 contributions with debate, endorsements and a moderated reply; a consultation round;",
        f"decisions with reasons; and version {draft.number}, published with changes crediting the contributions.",
    ]
