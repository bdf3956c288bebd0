"""Property-based fuzzing of the JSON API, in process, from its own OpenAPI document.

Schemathesis generates requests for every operation in /api/openapi.json (valid ones and, in its negative
phases, deliberately invalid ones: wrong types, missing or extra fields, huge numbers, odd strings), sends
them straight to the WSGI application and checks that the answer is never a server error, that its status
code is one the document declares, and that a 2xx body matches the declared schema. It runs over the real
published content, anonymously and signed in (the worksheets API needs a session).
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.conftest import make_user

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]
FUZZ = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure here is reproducible, never flaky
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(autouse=True)
def keep_the_test_transaction() -> Any:
    """Requests go through the real WSGI handler, whose request signals close the database connection
    at the end of each request, and with it the test's transaction (on PostgreSQL). Django's test client
    disconnects them the same way."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def session_cookie(content: Any, client: Any) -> dict[str, str]:
    """A signed-in member with a worksheet, so the worksheets API has something to show."""
    from eprofessional.guidance.models import Worksheet

    member = make_user("fuzzer")
    Worksheet.objects.create(author=member, title="Fuzzed", facts="Some facts")
    client.force_login(member)
    return {"sessionid": client.cookies["sessionid"].value}


@pytest.mark.django_db
@schema.parametrize()
@FUZZ
def test_no_operation_fails_for_an_anonymous_caller(case: Any, content: Any) -> None:
    case.call_and_validate(checks=CHECKS)


@pytest.mark.django_db
@schema.include(tag="worksheets").parametrize()
@FUZZ
def test_worksheets_api_holds_for_a_signed_in_member(case: Any, session_cookie: dict[str, str]) -> None:
    response = case.call(cookies=session_cookie)
    assert response.status_code != 401, "the session cookie did not sign the caller in"
    case.validate_response(response, checks=CHECKS)
