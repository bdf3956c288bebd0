"""The learned span tagger (ep_checker/tagger.py): information notes on words the rules missed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ep_checker import check, learned, tagger

ROOT = Path(__file__).resolve().parents[2]


def dev_texts(limit: int = 400) -> list[str]:
    texts: list[str] = []
    for path in sorted((ROOT / "eval").glob("posts-own-dev*.jsonl")):
        texts += [json.loads(x)["text"] for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return texts[::max(1, len(texts) // limit)]


@pytest.fixture
def tiny_model(monkeypatch):
    """A made-up model: a capitalised word in mid-sentence that no list knows is worth pointing at."""
    sc = tagger._Scorer(
        {"bias": -3.0, "threshold": 0.5, "weights": {"cap_mid": 2.0, "c:^zo": 2.0, "-1=with": 0.5, "R=stop": 5.0}}
    )
    monkeypatch.setattr(tagger, "scorer", lambda: sc)
    return sc


def test_points_at_a_word_the_model_scores_high_with_an_info_note(tiny_model):
    text = "Lovely afternoon at the park with Zorblax and the dog"
    r0 = check(text, learned=False)
    r = check(text)
    notes = [f for f in r.findings if f.rule == tagger.RULE]
    assert [(f.text, f.category, f.severity) for f in notes] == [("Zorblax", "name", "info")]
    assert notes[0].start == text.index("Zorblax") and notes[0].end == notes[0].start + 7
    assert "Zorblax" in notes[0].message and notes[0].suggestion and notes[0].clauses
    # a note never changes the risk and is not redacted
    assert r.risk == r0.risk == "ok"
    assert r.redacted == text


def test_no_notes_when_the_learned_component_is_off(tiny_model, monkeypatch):
    text = "Lovely afternoon at the park with Zorblax and the dog"
    assert not [f for f in check(text, learned=False).findings if f.rule == tagger.RULE]
    monkeypatch.setenv("EP_CHECKER_LEARNED", "0")
    assert not [f for f in check(text).findings if f.rule == tagger.RULE]


def test_notes_never_overlap_other_findings(tiny_model):
    # "R=stop" makes every candidate word pass; none may sit on a rule's finding
    text = "Jayden (7) from Zorbury Road told me his brother Zeb is at Oakwood Primary, Zorgate side"
    r = check(text)
    assert r.risk == "stop"
    notes = [f for f in r.findings if f.rule == tagger.RULE]
    others = [f for f in r.findings if f.rule != tagger.RULE]
    assert notes
    assert not any(n.start < o.end and o.start < n.end for n in notes for o in others)
    assert r.findings == sorted(r.findings, key=lambda f: (f.start, f.end))


@pytest.mark.parametrize(
    "text, word, category",
    [
        ("Davy, 45, just out of hospital", "45", "age"),
        ("the lad in room 3 is vaping again", "3", "institution"),
        ("she moved to flat 12 last week", "12", "address"),
        ("Mrs D, a retired teacher in Lerwick", "Lerwick", "place"),
        ("big bro Kacper loving the sand", "Kacper", "name"),
        ("he wants to stop his depot", "depot", "case-detail"),
    ],
)
def test_category_guess(text, word, category):
    a = text.index(word)
    assert tagger._category(text, a, a + len(word)) == category


def test_candidates_are_numbers_capitals_and_unknown_words():
    assert tagger.is_candidate("45") and tagger.is_candidate("Kacper") and tagger.is_candidate("zorblax")
    assert not tagger.is_candidate("went") and not tagger.is_candidate(",")


def test_fast_scoring_matches_the_training_features():
    """find() scores words directly and builds context lazily; it must give exactly what scoring the training
    features (candidates()) gives, on real dev posts."""
    cut = tagger.scorer().cut
    for text in dev_texts():
        r = check(text, learned=False)
        fast = [(f.start, f.end) for f in tagger.find(text, r.findings, r.risk, r.findings)]
        slow = [(a, b) for a, b, z in tagger.score_slowly(text, r.findings, r.risk, r.findings) if z >= cut]
        assert fast == slow, text


def test_shipped_model_is_in_step_with_the_rules():
    # the post-level model's test proves its fingerprint matches the rules; both files must agree
    assert tagger.model()["rules_fingerprint"] == learned.model()["rules_fingerprint"], (
        "rules changed since the span tagger was trained: "
        "/work/venvs/embed/bin/python scripts/train_checker_model.py spans"
    )


def test_shipped_model_stores_no_whole_names_places_or_numbers():
    """Like the post-level model, the tagger keeps ordinary words, shapes and 3-letter pieces only."""
    for key in tagger.model()["weights"]:
        if key.startswith("c:"):
            assert len(key) == 5, key
            continue
        if key.startswith(("R=", "C=", "num=")) or key in tagger.CONTEXT_SLOTS or "=" not in key:
            continue
        _slot, _, value = key.partition("=")
        for word in value.split("|"):
            assert word in ("<b>", "<unk>", "<n>", "<n20>", "") or not word[0].isalnum() or (
                learned.vocab_word(word) == word
            ), key


def test_benign_look_alikes_get_no_notes():
    for text in (
        "Call Childline on 0800 1111 any time, it's free",
        "Great keynote from Eileen Munro at the conference in Manchester today",
        "Happy birthday to my lovely mum! 60 and fabulous",
    ):
        assert not [f for f in check(text).findings if f.rule == tagger.RULE], text


def test_readable_report_lists_notes_after_the_warnings(tiny_model):
    import io

    from ep_checker.cli import format_report

    text = "Court tomorrow for the Kowalski kids, then tea with Zorblax"
    r = check(text)
    assert r.risk != "ok" and any(f.rule == tagger.RULE for f in r.findings)
    out = io.StringIO()
    format_report(r, out)
    report = out.getvalue()
    assert "Also worth a look (notes, not warnings):" in report
    assert report.index("Kowalski") < report.index('"Zorblax"')
