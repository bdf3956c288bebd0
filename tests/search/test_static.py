"""The static embedder (pure Python, shipped vectors) and its fusion with the lexical ranking."""

import time
from pathlib import Path

import pytest

from ep_search import SearchEngine, Settings
from ep_search.content_source import load_documents
from ep_search.static import DATA_DIR, VECTORS_FILE, VOCAB_FILE, StaticEmbedder

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def static():
    emb = StaticEmbedder.load()
    assert emb is not None
    return emb


@pytest.fixture(scope="module")
def real_docs():
    return load_documents(ROOT / "content")


def _cos(a, b):
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_shipped_files_are_small_and_load(static):
    size = (DATA_DIR / VECTORS_FILE).stat().st_size + (DATA_DIR / VOCAB_FILE).stat().st_size
    assert size < 4_500_000
    assert static.dim == 128 and len(static.vocab) > 29_000


def test_wordpiece_tokens_and_unit_vectors(static):
    ids = static.token_ids("Snapchat!")
    assert len(ids) >= 2  # split into word pieces, punctuation kept as its own token
    assert static.token_ids("") == [] and static.encode("   ") is None
    v = static.encode("friend request from a parent")
    assert abs(_cos(v, v) - 1.0) < 1e-6


def test_paraphrases_are_closer_than_unrelated_text(static):
    a = static.encode("a parent sent me a friend request on facebook")
    b = static.encode("mum added me on fb")
    c = static.encode("court bundle deadline for the final hearing")
    assert _cos(a, b) > _cos(a, c)


def test_missing_files_mean_no_embedder(tmp_path):
    assert StaticEmbedder.load(tmp_path) is None


def test_default_engine_fuses_static_vectors_and_stays_fast(real_docs):
    engine = SearchEngine(real_docs)
    assert isinstance(engine.embedder, StaticEmbedder)
    assert SearchEngine(real_docs, embedder=None).embedder is None
    hits = engine.search("foster kid messaging birth mum on snapchat behind our backs", limit=3)
    assert hits[0].document.id == "looked-after-child-contacts-birth-family"
    assert engine.search("the and of", limit=3) == []
    assert all(h.document.kind == "dilemma" for h in engine.search("friend request", kinds={"dilemma"}))
    t0 = time.perf_counter()
    for _ in range(20):
        engine.search("can i accept a friend request from an ex service user on facebook")
    assert (time.perf_counter() - t0) / 20 < 0.05


def test_a_clear_lexical_winner_keeps_its_place(real_docs):
    lexical = SearchEngine(real_docs, embedder=None)
    fused = SearchEngine(real_docs)
    q = "screenshots as evidence for court"
    assert lexical.search(q, limit=1)[0].document.id == fused.search(q, limit=1)[0].document.id


def test_score_weight_zero_is_the_lexical_ranking(real_docs):
    lexical = SearchEngine(real_docs, embedder=None)
    fused = SearchEngine(real_docs, settings=Settings(score_weight=0.0))
    q = "dad brought a bodycam to the meeting"
    assert [h.document.id for h in lexical.search(q, limit=5)] == [h.document.id for h in fused.search(q, limit=5)]
