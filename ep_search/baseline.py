"""Plain BM25 over each document's concatenated text: the yardstick the benchmark compares with.

No field weights, no jargon expansion, no spelling correction, no topic cues, no embeddings; the same
tokeniser (lower case, stopwords, light stemming) as the real engine.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

from .documents import Document, Hit
from .text import analyse, strip_markdown


class PlainBM25:
    def __init__(self, documents: Iterable[Document], k1: float = 1.2, b: float = 0.75) -> None:
        self.documents = list(documents)
        self.k1, self.b = k1, b
        self._tf: list[Counter[str]] = []
        df: Counter[str] = Counter()
        for d in self.documents:
            text = " ".join([d.title, *(str(v) for v in d.fields.values())])
            c = Counter(analyse(strip_markdown(text)))
            self._tf.append(c)
            df.update(c.keys())
        self._len = [sum(c.values()) for c in self._tf]
        self._avg = (sum(self._len) / len(self._len)) if self._len else 1.0
        n = len(self.documents)
        self._idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self._post: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(self._tf):
            for t in c:
                self._post[t].append(i)

    def search(self, query: str, limit: int = 10, kinds: set[str] | None = None) -> list[Hit]:
        scores: dict[int, float] = defaultdict(float)
        for t in set(analyse(query or "")):
            for i in self._post.get(t, ()):
                if kinds and self.documents[i].kind not in kinds:
                    continue
                tf = self._tf[i][t]
                norm = self.k1 * (1 - self.b + self.b * self._len[i] / self._avg)
                scores[i] += self._idf[t] * tf * (self.k1 + 1) / (tf + norm)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], self.documents[kv[0]].id))[:limit]
        return [Hit(document=self.documents[i], score=s) for i, s in ranked]
