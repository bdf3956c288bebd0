"""Tune the offline neighbours (ep_search/data/neighbours.tsv) on the DEV question sets only.

    PYTHONPATH=. .venv/bin/python benchmarks/tune_neighbours.py [--table FILE] [--no-lexicon]

The dev sets are near their ceiling with the lexicon on, so the table is also measured with the
lexicon switched off (``--no-lexicon``): that shows whether the neighbours supply vocabulary the
engine would otherwise lack, which is the situation of unseen questions.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.search_quality import default_content_dirs, evaluate, question_sets  # noqa: E402
from ep_search import SearchEngine, Settings  # noqa: E402
from ep_search.content_source import load_merged  # noqa: E402
from ep_search.neighbours import Neighbours  # noqa: E402

DEV = ("shared dev", "own dev", "own slang dev", "own dev2", "own dev5")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--table", type=Path, default=None)
    ap.add_argument("--no-lexicon", action="store_true")
    ap.add_argument("--weights", default="0,0.2,0.3,0.5")
    ap.add_argument("--thresholds", default="0.55,0.6,0.65,0.7")
    ap.add_argument("--tops", default="1,3")
    ap.add_argument("--topics", type=float, default=0.0, help="nb_topics (topic cues lent by neighbours)")
    ap.add_argument("--misses", action="store_true", help="list dev misses of the last setting")
    args = ap.parse_args()
    docs = load_merged(default_content_dirs())
    sets = {k: v for k, v in question_sets().items() if k in DEV and v}
    nb = Neighbours.load(args.table)
    print(f"{len(nb)} neighbour entries; sets: " + ", ".join(f"{k} ({len(v)})" for k, v in sets.items()))
    grid = itertools.product(
        [float(x) for x in args.weights.split(",")],
        [float(x) for x in args.thresholds.split(",")],
        [int(x) for x in args.tops.split(",")],
    )
    res = {}
    for w, thr, top in grid:
        if w == 0 and (thr, top) != (float(args.thresholds.split(",")[0]), int(args.tops.split(",")[0])):
            continue
        st = Settings(
            nb_weight=w, nb_threshold=thr, nb_top=top, nb_topics=args.topics, expand=not args.no_lexicon
        )
        eng = SearchEngine(docs, settings=st, neighbours=nb)
        cells = []
        tot_h = tot_r = n = 0.0
        for name, qs in sets.items():
            r = evaluate(eng, qs)
            res[name] = r
            cells.append(f"{r['hit@3']:.3f}/{r['mrr']:.3f}")
            tot_h += r["hit@3"] * r["n"]
            tot_r += r["mrr"] * r["n"]
            n += r["n"]
        print(
            f"w={w:.2f} thr={thr:.2f} top={top}: "
            + "  ".join(cells)
            + f"  | all {tot_h / n:.4f}/{tot_r / n:.4f}"
        )
    if args.misses:
        for name, r in res.items():
            print(f"\nmisses, {name}:")
            for m in r["misses"]:
                print("  ", m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
