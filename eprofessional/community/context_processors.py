from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .attestation import attestation_due
from .models import Notification


def community(request: HttpRequest) -> dict[str, Any]:
    """For signed-in members: the version they are asked to confirm reading, and unread notifications."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "attestation_due": attestation_due(user),
        "unread_notifications": Notification.objects.filter(user=user).unread().count(),
    }
