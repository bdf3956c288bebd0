"""Spelling correction against the index vocabulary (symmetric-delete candidates, Damerau-Levenshtein
check; at equal distance a dropped letter and the same first letter first, then frequency)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping


def damerau_levenshtein(a: str, b: str, limit: int = 3) -> int:
    """Optimal string alignment distance; returns ``limit + 1`` early when it is exceeded."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class SpellCorrector:
    """Correct a word to a known vocabulary word within edit distance 1 (short words) or 2."""

    def __init__(self, vocabulary: Mapping[str, int], min_length: int = 4, never: Iterable[str] = ()) -> None:
        self.freq = dict(vocabulary)
        self.min_length = min_length
        self.never = frozenset(never)  # never a correction (stopwords: the correction would be dropped)
        self._index: dict[str, list[str]] = defaultdict(list)
        for word in self.freq:
            if len(word) < min_length - 1 or not word.isalpha():
                continue
            self._index[word].append(word)
            for d in _deletes(word):
                self._index[d].append(word)

    def known(self, word: str) -> bool:
        return word in self.freq

    def correct(self, word: str) -> str | None:
        """Return the best correction of an unknown word, or None."""
        if len(word) < self.min_length or not word.isalpha() or word in self.freq:
            return None
        max_dist = 1 if len(word) <= 5 else 2
        candidates: set[str] = set()
        for key in {word, *_deletes(word)}:
            candidates.update(self._index.get(key, ()))
        best: tuple[int, bool, bool, int, str] | None = None
        for cand in candidates:
            dist = damerau_levenshtein(word, cand, max_dist)
            if dist > max_dist:
                continue
            if dist == 2 and cand[0] != word[0]:
                continue
            if cand in self.never:
                continue
            # At the same distance, phone typing drops letters more often than it swaps or adds them
            # ("bith" is "birth" before "with", "formr" is "former" before "form"), and the first letter
            # is rarely wrong; then the more frequent word.
            rank = (dist, cand[0] != word[0], len(cand) <= len(word), -self.freq[cand], cand)
            if best is None or rank < best:
                best = rank
        return best[-1] if best else None

    @classmethod
    def from_words(cls, words: Iterable[str]) -> SpellCorrector:
        freq: dict[str, int] = defaultdict(int)
        for w in words:
            freq[w] += 1
        return cls(freq)
