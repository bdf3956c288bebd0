"""The guidance search end to end: web page, `eprofessional ask`, GET /api/search."""

from __future__ import annotations

import io
import json

import pytest

QUERY = "foster kid messaging birth mum on snapchat behind our backs"
CASE = "looked-after-child-contacts-birth-family"
CONTRACT_KEYS = {"kind", "id", "title", "url", "topics", "score"}


@pytest.mark.django_db
def test_providers_give_cases_and_current_clauses(content):
    from eprofessional.core import search
    from eprofessional.guidance.models import Case
    from eprofessional.policy.models import Clause

    docs = search.documents()
    kinds = {(d.kind, d.id): d for d in docs}
    assert ("dilemma", CASE) in kinds
    case_doc = kinds[("dilemma", CASE)]
    assert case_doc.url == f"/cases/{CASE}/"
    assert "children-in-care-contact" in case_doc.topics
    assert {"title", "summary", "body", "questions", "keywords", "advice"} <= set(case_doc.fields)
    assert sum(d.kind == "dilemma" for d in docs) == Case.objects.count()
    clauses = [d for d in docs if d.kind == "clause"]
    assert len(clauses) == Clause.objects.filter(version=content).count()
    clause = clauses[0]
    assert clause.url == f"/policy/clauses/{clause.id}/"
    assert clause.topics and "body" in clause.fields and "section" in clause.fields


@pytest.mark.django_db
def test_ask_json_finds_the_birth_family_case(content, capsys):
    from eprofessional.cli import main

    assert main(["ask", "--json", QUERY]) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    assert CASE in [r["id"] for r in results[:3]]
    for r in results:
        assert set(r) >= CONTRACT_KEYS
        assert r["why"] and r["passage"]


@pytest.mark.django_db
def test_ask_jsonl_keeps_ids_and_order(content, capsys, monkeypatch):
    from eprofessional.cli import main

    lines = [{"id": "q2", "query": QUERY}, {"id": 7, "query": "someone posted my home address online"},
             {"query": "friend request from a service user"}]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(json.dumps(x) for x in lines) + "\n"))
    assert main(["ask", "--jsonl", "-", "--limit", "3"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["id"] for o in out] == ["q2", 7, None]
    assert all(len(o["results"]) <= 3 for o in out)
    assert CASE in [r["id"] for r in out[0]["results"]]


@pytest.mark.django_db
def test_api_search_returns_contract_keys(client, content):
    response = client.get("/api/search", {"q": QUERY, "limit": 5})
    assert response.status_code == 200
    results = response.json()["results"]
    assert 1 <= len(results) <= 5
    assert CASE in [r["id"] for r in results[:3]]
    for r in results:
        assert set(r) >= CONTRACT_KEYS
        assert isinstance(r["topics"], list) and isinstance(r["score"], float)
        assert r["url"].startswith("/")
        for start, end in r["highlights"]:
            assert 0 <= start < end <= len(r["passage"])
    assert client.get("/api/search", {"q": "x" * 2001}).status_code in {400, 422}
    assert client.get("/api/search", {"q": ""}).json() == {"results": []}


@pytest.mark.django_db
def test_search_page_explains_matches(client, content):
    response = client.get("/search/", {"q": QUERY})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="/cases/{CASE}/"' in html
    assert "<mark>" in html
    assert "Why this matched" in html
    assert "Children in care" in html or "children in care" in html.lower()
    partial = client.get("/search/", {"q": QUERY}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and f"/cases/{CASE}/" in partial


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/cases/", f"/cases/{CASE}/", "/policy/"])
def test_search_box_on_every_page(client, content, path):
    html = client.get(path).content.decode()
    assert 'action="/search/"' in html and 'name="q"' in html


@pytest.mark.django_db
def test_clause_urls_resolve(client, content):
    from eprofessional.core import search

    hits = search.search("friend request from a service user", limit=5, kinds={"clause"})
    assert hits
    for hit in hits:
        assert client.get(hit.document.url).status_code in {200, 302}


@pytest.mark.django_db
def test_openapi_documents_search_and_worksheets(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/search" in paths
    assert "/api/worksheets" in paths and "/api/worksheets/{worksheet_id}" in paths
