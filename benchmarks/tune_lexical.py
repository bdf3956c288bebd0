"""Grid over a few lexical settings, scored on the DEV questions only (shared dev + own dev).

PYTHONPATH=. python benchmarks/tune_lexical.py
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import search_quality as sq

from ep_search import SearchEngine, Settings
from ep_search.content_source import load_merged


def main() -> None:
    docs = load_merged(sq.default_content_dirs())
    sets = sq.question_sets()
    dev = sets["shared dev"] + sets["own dev"]
    rows = []
    for boost, b, adv, body in itertools.product(
        [0.2, 0.35, 0.5, 0.8], [0.5, 0.75, 0.9], [0.3, 0.6], [0.7, 1.0]
    ):
        e = SearchEngine(
            docs, settings=Settings(topic_boost=boost, b=b), field_weights={"advice": adv, "body": body}
        )
        r = sq.evaluate(e, dev)
        rows.append((r["hit@3"] + r["mrr"], r["hit@3"], r["mrr"], boost, b, adv, body))
    rows.sort(reverse=True)
    print("sum hit@3 mrr | topic_boost b advice body")
    for row in rows[:12]:
        print("{:.3f} {:.3f} {:.3f} | {} {} {} {}".format(*row))


if __name__ == "__main__":
    main()
