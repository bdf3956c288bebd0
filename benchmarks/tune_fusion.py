"""Grid over the fusion of the lexical ranking with the static embedder, on the DEV sets only.

    PYTHONPATH=. .venv/bin/python benchmarks/tune_fusion.py [--embedder static]
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

DEV = ("shared dev", "own dev", "own slang dev", "own dev2", "own dev5")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--embedder", default="static")
    ap.add_argument("--weights", default="0.3,0.5,0.7")
    ap.add_argument("--ks", default="10,30")
    ap.add_argument("--gates", default="0,6,9")
    ap.add_argument("--unknown", default="True,False")
    ap.add_argument("--fusion", default="score")
    args = ap.parse_args()
    docs = load_merged(default_content_dirs())
    sets = {k: v for k, v in question_sets().items() if k in DEV and v}
    base = SearchEngine(docs, embedder=args.embedder)
    emb, vecs = base.embedder, base._doc_vectors
    grid = itertools.product(
        [float(x) for x in args.weights.split(",")],
        [float(x) for x in args.ks.split(",")],
        [float(x) for x in args.gates.split(",")],
        [x == "True" for x in args.unknown.split(",")],
    )
    for w, k, gate, unknown in grid:
        if gate == 0 and not unknown:
            continue
        eng = SearchEngine(
            docs,
            settings=Settings(
                dense_weight=w, score_weight=w, rrf_k=k, dense_gate=gate, dense_gate_unknown=unknown, fusion=args.fusion
            ),
        )
        eng.embedder, eng._doc_vectors = emb, vecs
        cells, th, tr, n = [], 0.0, 0.0, 0
        for qs in sets.values():
            r = evaluate(eng, qs)
            cells.append(f"{r['hit@3']:.3f}/{r['mrr']:.3f}")
            th += r["hit@3"] * r["n"]
            tr += r["mrr"] * r["n"]
            n += r["n"]
        label = f"w={w} k={k:g} gate={gate:g}{' +unknown' if unknown and gate else ''}"
        print(f"{label:32} " + "  ".join(cells) + f" | all {th / n:.4f}/{tr / n:.4f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
