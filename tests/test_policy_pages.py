"""The policy reading pages: policy, permalinks, nations, principles, versions, compare, PDF, feed."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from django.test import override_settings

from eprofessional.policy.models import Clause, PolicyVersion, Principle
from tests.policy_factories import ADDED, MODIFIED, MOVED, REMOVED, REWORDED_FIRST_WORD, make_second_version

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_every_policy_page_renders_with_real_content(client, content):
    principle = Principle.objects.filter(clauses__version=content).first()
    urls = [
        "/policy/",
        f"/policy/versions/{content.number}/",
        "/policy/principles/",
        principle.get_absolute_url(),
        "/policy/versions/",
        "/policy/compare/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Security-Policy"]
    feed = client.get("/policy/feed/")
    assert feed.status_code == 200


def test_policy_page_shows_metadata_contents_clauses_and_references(client, content):
    clause = (
        Clause.objects.filter(version=content, standards__isnull=False, legislation__isnull=False)
        .distinct()
        .first()
    )
    html = client.get("/policy/").content.decode()
    assert content.title in html
    assert f"Version {content.number}" in html
    assert content.published_at.strftime("%Y-%m-%d") in html
    assert content.next_review.strftime("%Y-%m-%d") in html
    assert 'aria-labelledby="contents-heading"' in html
    assert f'href="#{clause.anchor}"' in html  # table of contents
    assert f'id="{clause.anchor}"' in html
    assert f'href="/policy/clauses/{clause.anchor}/"' in html
    assert "Link to this clause" in html
    p = clause.principles.first()
    assert f'href="{p.get_absolute_url()}"' in html
    assert p.summary.split()[0] in html
    law = clause.legislation.first()
    assert law.url in html and law.citation in html
    standard = clause.standards.first()
    assert standard.url in html
    assert clause.topics.first().label in html
    assert "<script" not in html.split("</head>")[1]  # no inline script in the body
    assert "application/atom+xml" in html


def test_markdown_is_rendered_and_sanitised(client, content):
    clause = Clause.objects.filter(version=content).first()
    clause.text = (
        "Use **care**. <script>alert(1)</script> [bad](javascript:alert(1)) [ok](https://example.org/)"
    )
    clause.save()
    html = client.get("/policy/").content.decode()
    assert "<strong>care</strong>" in html
    assert "<script>alert(1)" not in html
    assert "javascript:" not in html
    assert 'href="https://example.org/"' in html


def test_clause_permalink_redirects_to_current_version(client, content):
    response = client.get("/policy/clauses/no-identifiable-case-details/")
    assert response.status_code == 302
    assert response["Location"] == "/policy/#no-identifiable-case-details"


def test_removed_clause_permalink_says_so_with_last_version(client, content):
    make_second_version(content)
    response = client.get(f"/policy/clauses/{REMOVED}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "no longer in the policy" in html
    assert f"/policy/versions/1/#{REMOVED}" in html
    assert client.get(f"/policy/clauses/{MOVED}/")["Location"] == f"/policy/#{MOVED}"
    assert client.get("/policy/clauses/never-existed/").status_code == 404


def test_old_version_page_says_it_is_not_current(client, content):
    make_second_version(content)
    html = client.get("/policy/versions/1/").content.decode()
    assert "not the current version" in html
    assert client.get("/policy/versions/2/").status_code == 200
    assert client.get("/policy/versions/99/").status_code == 404


def reader(username: str, nation: str):
    """A signed-in member with a profile nation (created directly: only the nation matters here)."""
    from eprofessional.accounts.models import User

    return User.objects.create(username=username, email=f"{username}@example.org", nation=nation)


def _chosen_note(html: str) -> str:
    start = html.index("ep-nation-note--chosen")
    return html[start : start + 300]


def test_nation_notes_follow_the_profile(client, content):
    client.force_login(reader("alice", "england"))
    html = client.get("/policy/").content.decode()
    assert "In England:" in _chosen_note(html)
    assert 'value="england" selected' in html
    client.force_login(reader("charlie", "scotland"))
    html = client.get("/policy/").content.decode()
    assert "In Scotland:" in _chosen_note(html)


def test_nation_chooser_is_remembered_and_all_shows_every_nation(client, content):
    html = client.get("/policy/").content.decode()
    assert "ep-nation-note--chosen" not in html
    assert "<strong>Wales:</strong>" in html and "<strong>Scotland:</strong>" in html
    html = client.get("/policy/?nation=wales").content.decode()
    assert "In Wales:" in _chosen_note(html)
    html = client.get("/policy/").content.decode()  # remembered in the session
    assert "In Wales:" in _chosen_note(html)
    html = client.get("/policy/?nation=all").content.decode()
    assert "ep-nation-note--chosen" not in html
    assert client.get("/policy/?nation=atlantis").status_code == 200


def test_chooser_overrides_profile(client, content):
    user = reader("nia", "northern-ireland")
    client.force_login(user)
    assert "In Northern Ireland:" in _chosen_note(client.get("/policy/").content.decode())
    assert "In Scotland:" in _chosen_note(client.get("/policy/?nation=scotland").content.decode())


def test_policy_page_queries_are_flat(
    client, content, django_assert_max_num_queries, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with django_assert_max_num_queries(12):
        client.get("/policy/")
    with CaptureQueriesContext(connection) as first:
        client.get("/policy/versions/1/")
    make_second_version(content)
    Clause.objects.filter(version__number=2).first()  # more clauses in version 2 must not mean more queries
    with CaptureQueriesContext(connection) as second:
        client.get("/policy/versions/2/")
    assert len(second) == len(first)


def test_principle_page_lists_its_clauses(client, content):
    principle = Principle.objects.get(id="COE-2014:3.9")
    clauses = list(Clause.objects.filter(version=content, principles=principle))
    assert clauses
    response = client.get("/policy/principles/COE-2014:3.9/")
    html = response.content.decode()
    assert principle.title in html and principle.summary[:40] in html
    assert "Code version" in html and "2014" in html
    for clause in clauses:
        assert f"/policy/#{clause.anchor}" in html
    assert client.get("/policy/principles/COE-1999:9.9/").status_code == 404


def test_principles_index_is_grouped_by_code_and_value(client, content):
    html = client.get("/policy/principles/").content.decode()
    assert html.index("The 2021 Code") < html.index("The 2014 Code")
    for value in ["Human rights", "Social justice", "Professional integrity"]:
        assert f"<h3>{value}</h3>" in html
    assert "/policy/principles/COE-2014:2.3.3/" in html


def test_versions_page_lists_newest_first(client, content):
    make_second_version(content)
    html = client.get("/policy/versions/").content.decode()
    assert html.index("Version 2") < html.index("Version 1")
    assert "The second edition" in html
    assert "/policy/compare/?from=1&amp;to=2" in html


def test_compare_shows_added_removed_modified_and_moved_with_reasons(client, content):
    make_second_version(content)
    response = client.get("/policy/compare/?from=1&to=2")
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 added, 1 modified, 1 moved and 1 removed" in html
    assert f"<ins>{REWORDED_FIRST_WORD}" in html and "<del>" in html
    assert "Members asked for a firmer opening word." in html
    assert "Merged into the supervision section." in html
    assert "Do not paste case details into AI tools" in html
    assert f"/policy/versions/2/#{MOVED}" in html
    assert "editorial change" in html


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("?from=abc&to=1", 400, "version numbers"),
        ("?from=1&to=1", 400, "two different versions"),
        ("?from=1&to=99", 404, "no published version 99"),
        ("?from=&to=", 400, "version numbers"),
        ("?from=1", 400, "version numbers"),
        ("?from=99999999999999999999&to=1", 400, "version numbers"),
    ],
)
def test_compare_bad_input_gives_a_clear_message(client, content, query, status, message):
    response = client.get("/policy/compare/" + query)
    assert response.status_code == status
    assert message in response.content.decode()


def test_compare_form_without_parameters(client, content):
    html = client.get("/policy/compare/").content.decode()
    assert "nothing to compare yet" in html
    make_second_version(content)
    html = client.get("/policy/compare/").content.decode()
    assert '<option value="1" selected>' in html.replace("\n", "") or 'value="1" selected' in html


def test_atom_feed_parses_and_lists_versions(client, content):
    make_second_version(content)
    response = client.get("/policy/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "Social Media Policy, version 2",
        "Social Media Policy, version 1 (archived)",
    ]
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert links[0].endswith("/policy/versions/2/")


@pytest.fixture
def pdf_dir(tmp_path):
    with override_settings(VAR_DIR=tmp_path):
        yield tmp_path


def test_pdf_download(client, content, pdf_dir, monkeypatch):
    from eprofessional.policy import pdf

    calls = []
    real = pdf.render_pdf
    monkeypatch.setattr(pdf, "render_pdf", lambda *a: calls.append(1) or real(*a))
    response = client.get(f"/policy/versions/{content.number}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"] == f'attachment; filename="social-media-policy-v{content.number}.pdf"'
    )
    data = b"".join(response.streaming_content)
    assert data.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        path = pdf_dir / "check.pdf"
        path.write_bytes(data)
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        clause = Clause.objects.get(version=content, anchor=MODIFIED)
        assert " ".join(clause.text.split()[:6]) in " ".join(text.split())
        assert "COE-2014:3.9" in text
        assert "References" in text
    # Cached: the current-version URL serves the same file without rendering again.
    again = client.get("/policy/pdf/")
    assert b"".join(again.streaming_content) == data
    assert calls == [1]
    assert client.get("/policy/versions/42/pdf/").status_code == 404


def test_drafts_are_not_readable(client, content):
    PolicyVersion.objects.create(number=7, status="draft", title="Draft")
    assert client.get("/policy/versions/7/").status_code == 404
    assert client.get("/policy/versions/7/pdf/").status_code == 404
    assert client.get("/api/policy/versions/7").status_code == 404


def test_removed_and_added_clause_anchors_appear_in_versions(content):
    second = make_second_version(content)
    anchors = set(second.clauses.values_list("anchor", flat=True))
    assert ADDED in anchors and REMOVED not in anchors
