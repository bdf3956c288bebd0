"""The optional dense part: fusion through the embedder interface, and the numpy MiniLM when present."""

import importlib.util
import math

import pytest

from ep_search import SearchEngine, Settings
from ep_search.dense import WordPiece, load_default_embedder

from .synthetic import DOCS


class FakeEmbedder:
    """Bag-of-letters vectors: enough to check the fusion plumbing without numpy."""

    def _vec(self, text):
        v = [0.0] * 26
        for ch in text.lower():
            if "a" <= ch <= "z":
                v[ord(ch) - 97] += 1
        n = math.sqrt(sum(x * x for x in v)) or 1.0
        return [x / n for x in v]

    def encode_documents(self, docs):
        return [self._vec(d.title) for d in docs]

    def encode_query(self, text):
        return self._vec(text) if text.strip() else None

    def similarities(self, qv, matrix, allowed):
        return {
            i: sum(a * b for a, b in zip(qv, row, strict=True))
            for i, row in enumerate(matrix)
            if allowed is None or i in allowed
        }


def test_fusion_with_custom_embedder():
    e = SearchEngine(DOCS, embedder=FakeEmbedder(), settings=Settings(dense_weight=0.3))
    hits = e.search("foster kid messaging birth mum on snapchat behind our backs", limit=3)
    assert hits[0].document.id == "looked-after-child-contacts-birth-family"
    assert e.search("", limit=3) == []
    only_cases = e.search("friend request", kinds={"dilemma"})
    assert all(h.document.kind == "dilemma" for h in only_cases)


class CountingEmbedder(FakeEmbedder):
    def __init__(self):
        self.queries = 0

    def encode_query(self, text):
        self.queries += 1
        return super().encode_query(text)


def test_confidence_gate_skips_the_model_when_lexical_evidence_is_strong():
    emb = CountingEmbedder()
    e = SearchEngine(DOCS, embedder=emb, settings=Settings(dense_gate=0.5))
    e.search("friend request birth", limit=3)  # every word known, strong match: lexical only
    assert emb.queries == 0
    e.search("friend request from a zxqvw", limit=3)  # a word the index does not know: fused
    assert emb.queries == 1
    always = CountingEmbedder()
    SearchEngine(DOCS, embedder=always).search("friend request birth mum", limit=3)
    assert always.queries == 1


def test_wordpiece(tmp_path):
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "birth", "mum", "snap", "##chat", "!", "cafe"]
    (tmp_path / "vocab.txt").write_text("\n".join(vocab))
    wp = WordPiece(tmp_path / "vocab.txt")
    assert wp.encode("Birth mum Snapchat! Café zzz") == [2, 4, 5, 6, 7, 8, 9, 1, 3]


@pytest.mark.skipif(
    importlib.util.find_spec("numpy") is None or load_default_embedder() is None,
    reason="numpy and the packaged MiniLM weights are optional",
)
def test_minilm_embedder_paraphrase():
    emb = load_default_embedder()
    a, b, c = emb.encode(
        [
            "my foster child is messaging her birth mother",
            "a child in care contacts her birth mum online",
            "how do I set up a podcast",
        ]
    )
    assert float(a @ b) > float(a @ c) + 0.2
