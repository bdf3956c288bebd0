"""The JSON API (django-ninja; OpenAPI document at /api/openapi.json, docs at /api/docs).

Each app contributes a router; the contract is in ../shared/contract/interfaces.md.
"""

from __future__ import annotations

from ninja import NinjaAPI

api = NinjaAPI(
    title="e-Professional API",
    version="1.0.0",
    description="Read-only policy API, guidance search and the before-you-post checker.",
    urls_namespace="api",
)

from eprofessional.checks.api import register_error_handlers as register_checks_errors  # noqa: E402
from eprofessional.checks.api import router as checks_router  # noqa: E402
from eprofessional.core.api import router as core_router  # noqa: E402
from eprofessional.guidance.api import router as worksheets_router  # noqa: E402
from eprofessional.policy.api import router as policy_router  # noqa: E402

api.add_router("/policy", policy_router)
api.add_router("/worksheets", worksheets_router)
api.add_router("", core_router)
api.add_router("", checks_router)
register_checks_errors(api)
