"""Any write in the community or to the policy makes cached public pages of the community stale."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from eprofessional.core.pagecache import bump
from eprofessional.policy.models import Clause, ClauseChange, PolicyVersion

from .models import ConsultationRound, Contribution, Decision, Endorsement, Reply


def _stale(**kwargs: Any) -> None:
    bump("community")


def connect() -> None:
    for model in (Contribution, Reply, Endorsement, Decision, ConsultationRound, PolicyVersion, Clause, ClauseChange):
        post_save.connect(_stale, sender=model, dispatch_uid=f"community-stale-save-{model.__name__}")
        post_delete.connect(_stale, sender=model, dispatch_uid=f"community-stale-delete-{model.__name__}")
    m2m_changed.connect(_stale, sender=Contribution.changes.through, dispatch_uid="community-stale-credits")
