"""Offline-learnt vocabulary: everyday words the guidance never uses -> guidance words close in meaning.

The table (``data/neighbours.tsv``) is built offline by ``scripts/build_search_neighbours.py`` from a
sentence-embedding model; at run time it is a plain dictionary lookup (no model, no numpy). A word
of the question whose stem the index does not know, which spelling correction left alone and no
lexicon rule covered, is expanded to its neighbours at a low weight.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_PATH = DATA_DIR / "neighbours.tsv"


@dataclass(frozen=True)
class Neighbours:
    # source stem -> (target stem, similarity) best first, or the file's unparsed "target:sim ..." text
    # (parsed on first use: loading stays a few milliseconds)
    table: dict[str, tuple[tuple[str, float], ...] | str]

    @classmethod
    def load(cls, path: Path | None = None) -> Neighbours:
        return _load(str(path or DEFAULT_PATH))

    def __len__(self) -> int:
        return len(self.table)

    def lookup(
        self,
        source: str,
        known: frozenset[str] | set[str],
        *,
        threshold: float = 0.0,
        margin: float = 1.0,
        top: int = 3,
    ) -> list[tuple[str, float]]:
        """The neighbours of ``source`` that the index knows, at least ``threshold`` similar and within
        ``margin`` of the best one, at most ``top``."""
        entries = self.table.get(source)
        if not entries:
            return []
        if isinstance(entries, str):
            entries = _parse(entries)
            self.table[source] = entries
        best = entries[0][1]
        out: list[tuple[str, float]] = []
        for target, sim in entries:
            if sim < threshold or sim < best - margin:
                break
            if target in known:
                out.append((target, sim))
                if len(out) >= top:
                    break
        return out


def _parse(rest: str) -> tuple[tuple[str, float], ...]:
    pairs = []
    for item in rest.split():
        target, _, sim = item.rpartition(":")
        pairs.append((target, float(sim)))
    return tuple(sorted(pairs, key=lambda x: -x[1]))


@lru_cache(maxsize=2)
def _load(path: str) -> Neighbours:
    p = Path(path)
    if not p.exists():
        return Neighbours({})
    lines = p.read_text(encoding="utf-8").splitlines()
    table: dict[str, tuple[tuple[str, float], ...] | str] = {}
    for line in lines:
        if line and not line.startswith("#"):
            source, _, rest = line.partition("\t")
            table[source] = rest
    return Neighbours(table)
