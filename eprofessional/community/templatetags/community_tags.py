from __future__ import annotations

from typing import Any

from django import template

from eprofessional.community.models import ConsultationRound

register = template.Library()


@register.simple_tag
def open_rounds() -> Any:
    """Consultation rounds open now, soonest closing first."""
    return list(ConsultationRound.objects.open_now().order_by("closes_at")[:3])
