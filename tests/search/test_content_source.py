"""The YAML loader, on a small content folder written by the test (and on the real one if present)."""

from pathlib import Path

import pytest

from ep_search import SearchEngine
from ep_search.content_source import load_documents, load_merged

ROOT = Path(__file__).resolve().parents[2]

SECTION = """
anchor: boundaries
number: 7
title: Boundaries and contact
clauses:
  - anchor: no-friending-service-users
    title: Do not friend people who use services
    text: >
      Decline friend and follow requests from people you work with.
    principles: ["COE-2014:2.3.3"]
    topics: [contact-requests]
"""

CASE = """
id: looked-after-child-contacts-birth-family
title: A looked-after child contacts her birth family on social media
summary: A foster carer finds a child messaging her birth mother.
settings: [fostering-and-adoption]
situation: >
  A girl of 14 in foster care messages her birth mother on Snapchat despite a contact order.
questions: ["What should the foster carer do?"]
options:
  - option: Take the phone away
    benefits: stops contact
    risks: damages trust
recommended: Talk with the child and the social worker.
reasoning: Because.
topics: [children-in-care-contact]
keywords: [snapchat, contact order]
"""


@pytest.fixture
def content(tmp_path):
    (tmp_path / "policy" / "sections").mkdir(parents=True)
    (tmp_path / "cases").mkdir()
    (tmp_path / "policy" / "sections" / "07-boundaries.yaml").write_text(SECTION)
    (tmp_path / "cases" / "looked-after-child-contacts-birth-family.yaml").write_text(CASE)
    return tmp_path


def test_load_documents(content):
    docs = {d.id: d for d in load_documents(content)}
    clause = docs["no-friending-service-users"]
    assert clause.kind == "clause"
    assert clause.url == "/policy/clauses/no-friending-service-users/"
    assert clause.topics == ("contact-requests",)
    assert "Boundaries" in clause.fields["section"]
    case = docs["looked-after-child-contacts-birth-family"]
    assert case.kind == "dilemma"
    assert case.url == "/cases/looked-after-child-contacts-birth-family/"
    assert "snapchat" in case.fields["keywords"]
    assert "Snapchat" in case.fields["body"]


def test_load_merged_dedupes(content):
    docs = load_merged([content, content])
    assert len(docs) == 2


def test_search_over_loaded_content(content):
    engine = SearchEngine(load_documents(content))
    hits = engine.search("foster kid messaging birth mum on snapchat behind our backs")
    assert hits[0].document.id == "looked-after-child-contacts-birth-family"


def _real_content_dirs():
    dirs = [ROOT / "content", Path("/work/wt/content/content"), Path("/work/wt/cases/content")]
    return [d for d in dirs if (d / "cases").exists() and any((d / "cases").glob("*.yaml"))]


@pytest.mark.skipif(not _real_content_dirs(), reason="no casebook content present")
def test_browser_query_on_real_content():
    dirs = [ROOT / "content", Path("/work/wt/content/content"), Path("/work/wt/cases/content")]
    docs = load_merged([d for d in dirs if d.exists()])
    if not any(d.id == "looked-after-child-contacts-birth-family" for d in docs):
        pytest.skip("the founding case is not written yet")
    hits = SearchEngine(docs).search("foster kid messaging birth mum on snapchat behind our backs", limit=3)
    assert "looked-after-child-contacts-birth-family" in [h.document.id for h in hits]


def _full_content_dirs():
    dirs = [
        d
        for d in [ROOT / "content", Path("/work/wt/content/content"), Path("/work/wt/cases/content")]
        if d.exists()
    ]
    docs = load_merged(dirs)
    if sum(d.kind == "clause" for d in docs) < 50 or sum(d.kind == "dilemma" for d in docs) < 20:
        return None
    return docs


def test_quality_guard_on_real_content():
    """Regression guard on the published content: the own question set must stay well above plain BM25."""
    import json

    docs = _full_content_dirs()
    if docs is None:
        pytest.skip("the full policy and casebook are not present")
    engine = SearchEngine(docs)
    questions = [
        json.loads(line)
        for line in (ROOT / "eval" / "questions-own.jsonl").read_text().splitlines()
        if line.strip()
    ]
    hits = rr = 0
    for q in questions:
        results = engine.search(q["query"], limit=10)
        rank = next((r for r, h in enumerate(results, 1) if set(q["topics"]) & set(h.document.topics)), None)
        hits += bool(rank and rank <= 3)
        rr += 1 / rank if rank else 0
    assert hits / len(questions) >= 0.85
    assert rr / len(questions) >= 0.8
