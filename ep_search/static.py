"""A static sentence embedder in pure Python: model2vec vectors distilled offline from all-MiniLM-L6-v2.

A text's vector is the mean of its WordPiece tokens' vectors (then unit length); no neural network
runs, and neither numpy nor torch is needed. The vectors (29 525 tokens x 128 dimensions, int8 with a
scale per token, ~3.9 MB) are exported by ``scripts/build_static_vectors.py`` into ``data/``.

Used by ``SearchEngine(docs, embedder="static")`` as a second opinion fused by reciprocal rank; it
reads the whole question, so it helps most where the wording shares few words with the guidance.
"""

from __future__ import annotations

import math
import operator
import struct
from array import array
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .dense import WordPiece, wordpiece

DATA_DIR = Path(__file__).parent / "data"
VOCAB_FILE = "static-vocab.txt"
VECTORS_FILE = "static-vectors.bin"
MAX_TOKENS = 512
MAGIC = b"EPSV1"


class StaticEmbedder:
    fusion = "score"  # its similarity is added to the lexical score (see Settings.fusion)

    def __init__(self, tokens: Sequence[str], dim: int, scales: array, values: array) -> None:
        self.vocab = {t: i for i, t in enumerate(tokens)}
        self.unk = self.vocab.get("[UNK]")
        self.dim = dim
        self._scales = scales
        self._values = values

    @classmethod
    def load(cls, data_dir: Path | None = None) -> StaticEmbedder | None:
        """The shipped vectors, or None when the files are missing."""
        return _load(str(data_dir or DATA_DIR))

    # ---- tokenisation (BERT uncased WordPiece, as the model's tokenizer)
    def token_ids(self, text: str, max_tokens: int = MAX_TOKENS) -> list[int]:
        vocab = self.vocab
        ids: list[int] = []
        for word in WordPiece._basic(text):
            pieces = wordpiece(word, vocab)
            if pieces is None:
                pieces = [self.unk] if self.unk is not None else []
            ids.extend(pieces)
            if len(ids) >= max_tokens:
                return ids[:max_tokens]
        return ids

    def _row(self, i: int, cache: dict[int, list[float]] | None = None) -> list[float]:
        row = cache.get(i) if cache is not None else None
        if row is None:
            s = self._scales[i]
            d = self.dim
            row = [s * v for v in self._values[i * d : (i + 1) * d]]
            if cache is not None:
                cache[i] = row
        return row

    def encode(
        self, text: str, max_tokens: int = MAX_TOKENS, cache: dict[int, list[float]] | None = None
    ) -> list[float] | None:
        """Unit-length mean of the token vectors (rows are dequantised on the fly: nothing is kept
        between calls, so the embedder holds only the 3.8 MB of int8 values)."""
        ids = self.token_ids(text, max_tokens)
        if not ids:
            return None
        acc = [sum(col) for col in zip(*(self._row(i, cache) for i in ids), strict=True)]
        norm = math.sqrt(sum(x * x for x in acc)) or 1.0
        return [x / norm for x in acc]

    # ---- the interface SearchEngine uses (as ep_search.dense.MiniLMEmbedder)
    @staticmethod
    def document_text(doc) -> str:
        f = doc.fields
        parts = [doc.title, f.get("summary", ""), f.get("keywords", ""), f.get("body", ""), f.get("questions", "")]
        return " ".join(str(x) for x in parts if x)

    def encode_documents(self, docs) -> list[list[float] | None]:
        cache: dict[int, list[float]] = {}  # rows shared by the documents, dropped afterwards
        return [self.encode(self.document_text(d), cache=cache) for d in docs]

    def encode_phrases(self, items):
        """(owner, text) pairs -> (owner, vector) for the texts that have a vector."""
        cache: dict[int, list[float]] = {}
        out = []
        for owner, text in items:
            v = self.encode(text, cache=cache)
            if v is not None:
                out.append((owner, v))
        return out

    def encode_query(self, text: str) -> list[float] | None:
        return self.encode((text or "")[:2000])

    def similarities(self, qv, matrix, allowed) -> dict[int, float]:
        return {
            i: sum(map(operator.mul, qv, dv))
            for i, dv in enumerate(matrix)
            if dv is not None and (allowed is None or i in allowed)
        }


@lru_cache(maxsize=2)
def _load(data_dir: str) -> StaticEmbedder | None:
    d = Path(data_dir)
    try:
        tokens = (d / VOCAB_FILE).read_text(encoding="utf-8").split("\n")
        raw = (d / VECTORS_FILE).read_bytes()
    except OSError:
        return None
    if not raw.startswith(MAGIC):
        return None
    rows, dim = struct.unpack_from("<II", raw, len(MAGIC))
    offset = len(MAGIC) + 8
    scales = array("f")
    scales.frombytes(raw[offset : offset + 4 * rows])
    values = array("b")
    values.frombytes(raw[offset + 4 * rows : offset + 4 * rows + rows * dim])
    return StaticEmbedder(tokens[:rows], dim, scales, values)
