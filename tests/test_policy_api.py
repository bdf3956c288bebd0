"""The read-only policy API, against the contract in interfaces.md ("Policy API")."""

from __future__ import annotations

import datetime as dt

import pytest

from eprofessional.policy.models import Clause
from tests.policy_factories import (
    ADDED,
    MODIFIED,
    MOVED,
    MOVED_TO_SECTION,
    REMOVED,
    REWORDED_FIRST_WORD,
    make_second_version,
)

pytestmark = pytest.mark.django_db


def _check_version_shape(data):
    assert isinstance(data["version"], int)
    dt.datetime.fromisoformat(data["published_at"])  # ISO 8601
    dt.date.fromisoformat(data["next_review"])
    assert data["sections"]
    for section in data["sections"]:
        assert {"anchor", "number", "title", "clauses"} <= set(section)
        for clause in section["clauses"]:
            assert {"anchor", "number", "text", "principles", "topics"} <= set(clause)
            assert clause["principles"] and all(p.startswith("COE-") for p in clause["principles"])
            assert clause["topics"] and all(isinstance(t, str) for t in clause["topics"])


def test_current_policy(client, content):
    response = client.get("/api/policy")
    assert response.status_code == 200
    data = response.json()
    _check_version_shape(data)
    assert data["version"] == content.number
    anchors = [c["anchor"] for s in data["sections"] for c in s["clauses"]]
    assert len(anchors) == Clause.objects.filter(version=content).count()
    clause = next(c for s in data["sections"] for c in s["clauses"] if c["anchor"] == MODIFIED)
    assert "COE-2014:3.9" in clause["principles"]
    assert "confidentiality-in-posts" in clause["topics"]
    db_clause = Clause.objects.select_related("section").get(version=content, anchor=MODIFIED)
    assert clause["number"] == db_clause.number == f"{db_clause.section.number}.{db_clause.position}"
    assert clause["nations"]["england"]
    assert clause["legislation"][0]["url"].startswith("https://")


def test_versions_list_newest_first(client, content):
    make_second_version(content)
    data = client.get("/api/policy/versions").json()
    assert [v["version"] for v in data] == [2, 1]
    for item in data:
        assert {"version", "published_at", "summary"} <= set(item)
        dt.datetime.fromisoformat(item["published_at"])


def test_one_version_and_unknown_versions(client, content):
    make_second_version(content)
    one = client.get("/api/policy/versions/1").json()
    _check_version_shape(one)
    assert one["version"] == 1
    two = client.get("/api/policy/versions/2").json()
    assert two["version"] == 2
    assert client.get("/api/policy").json()["version"] == 2
    missing = client.get("/api/policy/versions/99")
    assert missing.status_code == 404
    assert "99" in missing.json()["detail"]
    assert client.get("/api/policy/versions/abc").status_code in {400, 422}


def test_diff(client, content):
    make_second_version(content)
    response = client.get("/api/policy/diff?from=1&to=2")
    assert response.status_code == 200
    data = response.json()
    assert data["from"] == 1 and data["to"] == 2
    changes = {c["clause"]: c for c in data["changes"]}
    assert {c["change"] for c in data["changes"]} == {"added", "modified", "removed", "moved"}
    for change in data["changes"]:
        assert {"clause", "change", "before", "after", "reason", "contributions"} <= set(change)
        assert isinstance(change["contributions"], list)
    assert changes[ADDED]["change"] == "added" and changes[ADDED]["before"] is None
    assert changes[ADDED]["reason"] == "AI tools are now common."
    assert changes[REMOVED]["change"] == "removed" and changes[REMOVED]["after"] is None
    assert changes[MODIFIED]["change"] == "modified"
    assert not changes[MODIFIED]["before"]["text"].startswith(REWORDED_FIRST_WORD)
    assert changes[MODIFIED]["after"]["text"].startswith(REWORDED_FIRST_WORD)
    assert changes[MOVED]["change"] == "moved"
    assert changes[MOVED]["before"]["section"] != MOVED_TO_SECTION
    assert changes[MOVED]["after"]["section"] == MOVED_TO_SECTION
    assert changes[MOVED]["material"] is False
    # Clauses only renumbered because one was removed before them are not reported as moved.
    assert len(data["changes"]) == 4


def test_diff_reverse_direction(client, content):
    make_second_version(content)
    changes = {c["clause"]: c["change"] for c in client.get("/api/policy/diff?from=2&to=1").json()["changes"]}
    assert changes[ADDED] == "removed" and changes[REMOVED] == "added"


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("?from=abc&to=1", 400),
        ("?from=1&to=abc", 400),
        ("?from=1", 400),
        ("", 400),
        ("?from=1&to=1", 400),
        ("?from=1&to=99", 404),
        ("?from=-1&to=1", 400),
    ],
)
def test_diff_bad_params(client, content, query, status):
    response = client.get("/api/policy/diff" + query)
    assert response.status_code == status
    assert response.json()["detail"]


def test_openapi_documents_the_policy_api(client, content):
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    assert {
        "/api/policy",
        "/api/policy/versions",
        "/api/policy/versions/{version}",
        "/api/policy/diff",
    } <= set(paths)
    assert {"200", "400", "404"} <= set(paths["/api/policy/diff"]["get"]["responses"])
    assert "404" in paths["/api/policy/versions/{version}"]["get"]["responses"]
    params = {p["name"] for p in paths["/api/policy/diff"]["get"]["parameters"]}
    assert params == {"from", "to"}


def test_api_docs_page_is_local(client, content):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn" not in html.lower()
    assert "/static/ninja/" in html
