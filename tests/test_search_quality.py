"""Search quality on the REAL content as the web serves it: documents built from the database by the
registered providers (``eprofessional.core.search``), not from the YAML files the benchmark reads.

Thresholds are the product targets (docs/search.md): hit@3 >= 0.9 and MRR@10 >= 0.8 on the shared dev
questions, and the three founding dilemmas in the top 3 for natural phrasings.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DEV = Path("/work/shared/eval/questions-dev.jsonl")
LOCAL_DEV = ROOT / "eval" / "questions-dev.jsonl"

pytestmark = pytest.mark.django_db


def _questions() -> list[dict[str, Any]]:
    path = SHARED_DEV if SHARED_DEV.exists() else LOCAL_DEV
    if not path.exists():
        pytest.skip("the shared dev questions are not available")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def engine_search(content: Any) -> Any:
    from eprofessional.core import search

    search.invalidate()  # build from what is in this test database now
    assert len(search.documents()) > 100, "expected the published clauses and casebook cases"
    return search.search


def test_shared_dev_questions_meet_the_targets(engine_search: Any) -> None:
    questions = _questions()
    hits3 = 0
    rr = 0.0
    misses = []
    for q in questions:
        results = engine_search(q["query"], limit=10)
        want = set(q["topics"])
        rank = next((r for r, h in enumerate(results, 1) if want & set(h.document.topics)), None)
        if rank is not None:
            rr += 1 / rank
        if rank is not None and rank <= 3:
            hits3 += 1
        else:
            misses.append((q["id"], [h.document.id for h in results[:3]]))
    n = len(questions)
    assert hits3 / n >= 0.9, misses
    assert rr / n >= 0.8, misses


FOUNDING = [
    # the browser test's query
    (
        "foster kid messaging birth mum on snapchat behind our backs",
        "looked-after-child-contacts-birth-family",
    ),
    (
        "our foster daughter has been secretly talking to her real dad on insta",
        "looked-after-child-contacts-birth-family",
    ),
    (
        "can i look at mum and dad's facebook during a section 47",
        "viewing-family-social-media-in-safeguarding",
    ),
    (
        "is it ok to check the parents' instagram for a child protection assessment",
        "viewing-family-social-media-in-safeguarding",
    ),
    ("angry parents posted my home address and photo in a facebook group", "worker-doxxed-by-hostile-group"),
    ("a campaign group put my name and where I live online, what do I do", "worker-doxxed-by-hostile-group"),
]


@pytest.mark.parametrize(("query", "case_id"), FOUNDING)
def test_founding_dilemmas_in_the_top_three(engine_search: Any, query: str, case_id: str) -> None:
    top3 = [h.document.id for h in engine_search(query, limit=3)]
    assert case_id in top3, top3


def test_parent_friend_request_is_not_answered_with_the_care_leaver_case(engine_search: Any) -> None:
    """A colleague's report: a parent's friend request ranked the care-leaver case first."""
    ids = [h.document.id for h in engine_search("parent sent me friend request on fb", limit=3)]
    assert ids[0] != "care-leaver-friend-request-after-closure"
    assert "no-friending-service-users" in ids
