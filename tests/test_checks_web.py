"""The before-you-post checker on the web and through POST /api/check."""

from __future__ import annotations

import json

import pytest

RISKY = "Court tomorrow for the Kowalski kids, their mum Jayden Smith lives at 14 Acacia Road, Leeds LS6 2AB."


@pytest.mark.django_db
def test_check_page_shows_an_empty_form(client):
    response = client.get("/check/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'autocomplete="off"' in html
    assert "<textarea" in html
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_risky_draft_gets_stop_with_findings_clause_link_and_redacted_copy(client, content):
    response = client.post("/check/", {"text": RISKY})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Stop: do not post this" in html
    assert "ep-risk--stop" in html
    assert '<mark class="ep-mark ep-mark--stop">Kowalski' in html
    assert "/policy/clauses/" in html
    assert 'data-copy-target="redacted-text"' in html
    assert "[name]" in html
    # the draft is echoed back into the textarea so the worker can edit it
    assert "Court tomorrow for the Kowalski kids" in html.split("<textarea", 1)[1]


@pytest.mark.django_db
def test_clause_links_lead_to_the_clause(client, content):
    from eprofessional.checks import engine

    result = engine.check(RISKY)
    anchors = {a for f in result.findings for a in f.clauses}
    assert anchors
    for anchor in anchors:
        assert client.get(f"/policy/clauses/{anchor}/").status_code in {200, 302}


@pytest.mark.django_db
def test_harmless_draft_looks_fine(client):
    text = "Really enjoyed the CPD session on reflective practice today."
    response = client.post("/check/", {"text": text})
    assert response.status_code == 200
    assert "Looks fine" in response.content.decode()


@pytest.mark.django_db
def test_htmx_request_gets_only_the_result_panel(client):
    response = client.post("/check/", {"text": RISKY}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "ep-risk--stop" in html


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
def test_empty_draft_gets_a_friendly_message(client, htmx):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.post("/check/", {"text": "   \n "}, **headers)
    assert response.status_code == 200
    assert "Paste or type the post you want to check." in response.content.decode()


@pytest.mark.django_db
def test_too_long_draft_gets_a_clear_message(client):
    response = client.post("/check/", {"text": "a" * 100_001})
    assert response.status_code == 200
    assert "too long to check" in response.content.decode()


@pytest.mark.django_db
def test_body_bigger_than_django_accepts_is_not_a_500(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post("/check/", {"text": "a" * 5000})
    assert response.status_code == 200
    assert "too long to check" in response.content.decode()


@pytest.mark.django_db
def test_check_page_needs_csrf(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/check/", {"text": "hello"}).status_code == 403


# --- API ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_api_returns_the_contract_object():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)  # scripts have no CSRF token
    response = client.post("/api/check", json.dumps({"text": RISKY}), content_type="application/json")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    data = response.json()
    assert data["risk"] == "stop"
    assert set(data) == {"risk", "findings", "redacted"}
    from ep_checker import check

    assert data == check(RISKY).to_dict()
    for f in data["findings"]:
        assert {"category", "start", "end", "text", "severity", "message", "topics", "suggestion"} <= set(f)
        assert RISKY[f["start"]:f["end"]] == f["text"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [b"{not json", b"{}", b'{"text": 5}', b"[]", b'{"text": null}'],
)
def test_api_rejects_bad_bodies_with_a_clear_detail(client, body):
    response = client.post("/api/check", body, content_type="application/json")
    assert response.status_code in {400, 422}
    assert response.json()["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["", "   ", "x" * 100_001])
def test_api_rejects_empty_and_too_long_text(client, text):
    response = client.post("/api/check", json.dumps({"text": text}), content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"]


@pytest.mark.django_db
def test_api_is_documented_in_openapi(client):
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"]["/api/check"]["post"]
    assert operation["summary"]
    assert "200" in operation["responses"]


@pytest.mark.django_db
def test_api_body_too_large_for_django_gets_a_json_detail(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post("/api/check", json.dumps({"text": "a" * 5000}), content_type="application/json")
    assert response.status_code == 400
    assert "too large" in response.json()["detail"]
