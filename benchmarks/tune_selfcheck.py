"""Compare engine configurations on the `asked` self-check and the dev sets (no frozen set is read).

    PYTHONPATH=. .venv/bin/python benchmarks/tune_selfcheck.py "topic_boost=0.6" "w:questions=2.0,topic_boost=0.8"

Each argument is one configuration: comma-separated NAME=VALUE Settings overrides, "w:FIELD=VALUE" for a
field weight, "lexical" for no embedder. The first row is always the default engine.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from search_quality import FROZEN, evaluate, question_sets  # noqa: E402
from search_selfcheck import build_docs, load_raw, parse_overrides, run, summarise  # noqa: E402

from ep_search import SearchEngine, Settings  # noqa: E402

DEV = ("shared dev", "own dev", "own slang dev", "own dev2", "own dev5")


def parse(config: str) -> tuple[Settings, dict[str, float], bool]:
    settings: list[str] = []
    weights: dict[str, float] = {}
    lexical = False
    for part in filter(None, (p.strip() for p in config.split(","))):
        if part == "lexical":
            lexical = True
        elif part.startswith("w:"):
            k, _, v = part[2:].partition("=")
            weights[k] = float(v)
        else:
            settings.append(part)
    return Settings(**parse_overrides(settings)), weights, lexical


def main() -> int:
    configs = ["", *sys.argv[1:]]
    raw = load_raw(ROOT / "content")
    docs = build_docs(raw)
    sets = {k: v for k, v in question_sets().items() if k in DEV and k not in FROZEN}
    print("| config | self hit@3 | self MRR | own@3 | " + " | ".join(sets) + " |")
    for config in configs:
        settings, weights, lexical = parse(config)
        emb = None if lexical else "static"

        def make(d, settings=settings, weights=weights, emb=emb):
            return SearchEngine(d, settings=settings, field_weights=weights or None, embedder=emb)

        res, _ = run(raw, {"x": make})
        s = summarise(res["x"])
        engine = make(docs)
        cells = []
        for qs in sets.values():
            r = evaluate(engine, qs)
            cells.append(f"{r['hit@3']:.3f}/{r['mrr']:.3f}")
        print(
            f"| {config or 'default'} | {s['hit@3']:.3f} | {s['mrr']:.3f} | {s['own@3']:.3f} | "
            + " | ".join(cells)
            + " |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
