from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from eprofessional.policy.models import Nation


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "SITE_NAME": settings.SITE_NAME,
        "NATIONS": Nation.choices,
        "search_query": request.GET.get("q", "") if request.path.startswith("/search") else "",
    }
