"""Who needs to confirm they have read the current version.

A member who has never attested is asked to read the current version. After that, a new version asks
them again only when it has a *material* change that touches them: a change for every nation or for
their nation (a change to one nation's note touches that nation only), on a clause whose topics matter to
their role. Editorial changes never ask anyone to re-attest.
"""

from __future__ import annotations

from typing import Any

from eprofessional.policy.models import ClauseChange, PolicyVersion

from .models import Attestation

# Topics that concern foster carers and other carers; every other role is concerned by every topic.
CARER_TOPICS = {
    "children-in-care-contact", "service-user-online-safety", "photos-and-images", "personal-privacy-and-security",
    "contact-requests", "recording-and-filming", "harassment-and-doxxing", "messaging-service-users",
    "confidentiality-in-posts",
}
ROLE_TOPICS: dict[str, set[str]] = {"carer": CARER_TOPICS}


def change_touches(change: ClauseChange, *, nation: str, role: str) -> bool:
    if not change.material:
        return False
    if change.nations and nation not in change.nations:
        return False
    topics = ROLE_TOPICS.get(role)
    return topics is None or not change.topics or bool(topics & set(change.topics))


def last_attested(user: Any) -> Attestation | None:
    return Attestation.objects.filter(user=user).select_related("version").order_by("-version__number").first()


def relevant_changes(user: Any, since: PolicyVersion, current: PolicyVersion) -> list[ClauseChange]:
    changes = ClauseChange.objects.filter(
        version__number__gt=since.number, version__number__lte=current.number, material=True
    ).select_related("version")
    return [c for c in changes if change_touches(c, nation=user.nation, role=user.role)]


def attestation_due(user: Any) -> PolicyVersion | None:
    """The version the member should confirm they have read, or None if they are up to date."""
    if not (user and user.is_authenticated):
        return None
    current = PolicyVersion.objects.current()
    if current is None:
        return None
    last = last_attested(user)
    if last is None:
        return current
    if last.version.number >= current.number:
        return None
    return current if relevant_changes(user, last.version, current) else None


def is_up_to_date(user: Any, current: PolicyVersion | None = None) -> bool:
    current = current or PolicyVersion.objects.current()
    if current is None:
        return True
    last = last_attested(user)
    if last is None:
        return False
    return last.version.number >= current.number or not relevant_changes(user, last.version, current)
