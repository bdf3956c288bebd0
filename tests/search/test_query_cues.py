"""How a question's lexicon matches become topic cues, and the `asked` self-check (real content)."""

import importlib.util
import sys
from pathlib import Path

import pytest

from ep_search import SearchEngine, Settings
from ep_search.content_source import load_documents
from ep_search.query import Lexicon, analyse_query
from ep_search.text import stem

ROOT = Path(__file__).resolve().parents[2]


def _selfcheck():
    spec = importlib.util.spec_from_file_location("search_selfcheck", ROOT / "benchmarks" / "search_selfcheck.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["search_selfcheck"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture
def two_rule_lexicon(tmp_path):
    path = tmp_path / "lexicon.yaml"
    path.write_text(
        "rules:\n"
        "  - match: [article]\n    add: blog\n    topics: {topic-a: 0.9}\n"
        "  - match: [articles, write an article]\n    add: writing\n    topics: {topic-a: 0.9}\n"
        "  - match: [hate page, page]\n    add: harassment\n    topics: {topic-b: 1.0}\n",
        encoding="utf-8",
    )
    return Lexicon.load(path)


def test_care_and_car_are_different_stems():
    assert stem("care") != stem("car")
    assert stem("car") == stem("cars")
    assert stem("caring") == stem("care") == stem("cared")


def test_rules_on_the_same_words_cue_a_topic_once(two_rule_lexicon):
    q = analyse_query("an article about work", two_rule_lexicon, None)
    assert q.topics == {"topic-a": pytest.approx(0.9)}
    summed = analyse_query("an article about work", two_rule_lexicon, None, span_max=False, single_cue=1.0)
    assert summed.topics == {"topic-a": pytest.approx(1.8)}


def test_one_word_and_known_phrases_cue_less(two_rule_lexicon):
    plain = analyse_query("a page", two_rule_lexicon, None, single_cue=1.0, known_cue=1.0)
    weak = analyse_query("a page", two_rule_lexicon, None, single_cue=0.5, known_cue=1.0)
    known = analyse_query("a page", two_rule_lexicon, None, {"pag"}, single_cue=1.0, known_cue=0.5)
    assert plain.topics["topic-b"] == pytest.approx(1.0)
    assert weak.topics["topic-b"] == pytest.approx(0.5)
    assert known.topics["topic-b"] == pytest.approx(0.5)
    longer = analyse_query("a hate page", two_rule_lexicon, None, single_cue=0.5, known_cue=1.0)
    assert longer.topics["topic-b"] == pytest.approx(1.0)  # a two-word phrase is not damped


def test_expand_weight_scales_the_added_words(two_rule_lexicon):
    q = analyse_query("a page", two_rule_lexicon, None, expand_weight=0.5)
    assert q.terms["harassment"] == pytest.approx(0.25)  # rule weight 0.5 (default) x 0.5


QUERIES = [
    # reported by the `asked` author: a generic word ("page", "stalking", "phone") moved the meaning
    ("how to report a facebook page about me", "harassment-and-doxxing"),
    ("stalking by a parent online", "harassment-and-doxxing"),
    ("parent recorded our phone call", "recording-and-filming"),
]


@pytest.fixture(scope="module")
def real_engine():
    return SearchEngine(load_documents(ROOT / "content"))


@pytest.fixture(scope="module")
def held_out_engine():
    """The real content without the `asked` phrasings the questions below copy (as the self-check does)."""
    sc = _selfcheck()
    raw = sc.load_raw(ROOT / "content")
    texts = {q for q, _ in QUERIES}
    drop = {(d, j) for d, j, text, _ in sc.phrasings(raw) if text in texts}
    assert len(drop) == len(texts)
    return SearchEngine(sc.build_docs(raw, drop))


@pytest.mark.parametrize(("query", "topic"), QUERIES)
def test_ambiguous_words_do_not_move_the_meaning(held_out_engine, query, topic):
    top = held_out_engine.search(query, limit=3)
    assert any(topic in h.document.topics for h in top), [h.document.id for h in top]


def test_my_care_leavers_is_not_my_car(real_engine):
    q = real_engine.analyse("one of my care leavers got into uni")
    assert "harassment-and-doxxing" not in q.topics


def test_someone_elses_phone_is_not_the_workers_number(real_engine):
    q = real_engine.analyse("parent showed me messages on her phone")
    assert "messaging-service-users" not in q.topics or q.topics["messaging-service-users"] < 0.3


def test_selfcheck_leaves_each_phrasing_out_of_its_own_index():
    sc = _selfcheck()
    raw = sc.load_raw(ROOT / "content")
    items = sc.phrasings(raw)
    assert len(items) > 1000
    doc_id, j, text, _ = items[0]
    docs = sc.build_docs(raw, {(doc_id, j)})
    doc = next(d for d in docs if d.id == doc_id)
    assert text not in doc.fields.get("questions", "")
    assert text in next(d for d in sc.build_docs(raw) if d.id == doc_id).fields["questions"]


def test_selfcheck_figures_are_high_for_the_lexical_engine():
    sc = _selfcheck()
    raw = sc.load_raw(ROOT / "content")
    res, _ = sc.run(raw, {"lexical": lambda d: SearchEngine(d, settings=Settings(), embedder=None)}, folds=2)
    s = sc.summarise(res["lexical"])
    assert s["n"] > 1000
    assert s["hit@3"] >= 0.9 and s["mrr"] >= 0.85


@pytest.mark.parametrize("word", ["bloke", "sibs", "rota", "supervisee"])
def test_everyday_british_words_are_not_corrected(real_engine, word):
    q = real_engine.analyse(f"my {word} asked about facebook")
    assert word not in q.corrections
