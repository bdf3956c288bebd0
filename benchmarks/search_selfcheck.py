"""Leave-one-out self-retrieval over the content's `asked` phrasings: a large development signal.

    PYTHONPATH=. .venv/bin/python benchmarks/search_selfcheck.py [--folds 10] [--misses] [--far]
        [--setting NAME=VALUE ...] [--weight FIELD=VALUE ...] [--only ours,lexical,bm25]

Every document's `asked` list holds hand-written ways people would ask about it (docs/content.md). Each
phrasing is searched against an index built WITHOUT it: the phrasings are dealt round-robin into k folds
and k indexes are built, each missing one fold's phrasings (the static document vectors too, as they
read the questions field). Scores, as in benchmarks/search_quality.py: hit@3 (a result whose topics
intersect the document's topics in the top 3), MRR@10 (first such result), and "own@3" (the phrasing's
own document in the top 3).

A phrasing whose topic is far from its document's (no result sharing a topic with the document in the
top 5 of the default engine, of the lexical engine AND of plain BM25, and no lexicon topic cue of the
document's) is listed apart (--far) and left out of the "near" figures: a content question to review,
not something to tune towards.

This is a development set (written by an author who never saw the eval sets): look at it freely.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ep_search import Document, SearchEngine, Settings  # noqa: E402
from ep_search.baseline import PlainBM25  # noqa: E402
from ep_search.content_source import case_document, clause_document  # noqa: E402

Phrasing = tuple[str, str, str, tuple[str, ...]]  # (doc id, kind, phrasing, doc topics)


def load_raw(content: Path) -> list[tuple[str, dict[str, Any], dict[str, Any] | None]]:
    """(kind, item, section) for every clause and case, in load_documents' order."""
    raw: list[tuple[str, dict[str, Any], dict[str, Any] | None]] = []
    for path in sorted((content / "policy" / "sections").glob("*.yaml")):
        section = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for clause in section.get("clauses") or []:
            raw.append(("clause", clause, section))
    for path in sorted((content / "cases").glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        case.setdefault("id", path.stem)
        raw.append(("dilemma", case, None))
    return raw


def _key(kind: str, item: Mapping[str, Any]) -> str:
    return str(item["anchor"] if kind == "clause" else item["id"])


def build_docs(raw, drop: set[tuple[str, int]] | None = None) -> list[Document]:
    """Documents with the (doc id, phrasing index) pairs in ``drop`` left out of `asked`."""
    drop = drop or set()
    docs = []
    for kind, item, section in raw:
        key = _key(kind, item)
        asked = [a for j, a in enumerate(item.get("asked") or []) if (key, j) not in drop]
        item = dict(item, asked=asked)
        docs.append(clause_document(item, section) if kind == "clause" else case_document(item))
    return docs


def phrasings(raw) -> list[tuple[str, int, str, tuple[str, ...]]]:
    out = []
    for kind, item, _ in raw:
        key = _key(kind, item)
        topics = tuple(sorted(item.get("topics") or ()))
        for j, a in enumerate(item.get("asked") or []):
            out.append((key, j, str(a), topics))
    return out


def rank_of(results, want: set[str], doc_id: str) -> tuple[int | None, int | None]:
    topical = next((r for r, h in enumerate(results, 1) if want & set(h.document.topics)), None)
    own = next((r for r, h in enumerate(results, 1) if h.document.id == doc_id), None)
    return topical, own


def run(
    raw,
    factories: Mapping[str, Callable[[list[Document]], Any]],
    folds: int = 10,
    limit: int = 10,
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, float]]:
    """Per engine name, one record per phrasing: {id, doc, query, topics, rank, own, top}."""
    items = phrasings(raw)
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in factories}
    build_ms: dict[str, list[float]] = {name: [] for name in factories}
    for f in range(folds):
        fold = [p for n, p in enumerate(items) if n % folds == f]
        docs = build_docs(raw, {(d, j) for d, j, _, _ in fold})
        for name, make in factories.items():
            t0 = time.perf_counter()
            engine = make(docs)
            build_ms[name].append((time.perf_counter() - t0) * 1000)
            for doc_id, j, text, topics in fold:
                results = engine.search(text, limit=limit)
                rank, own = rank_of(results, set(topics), doc_id)
                out[name].append(
                    {
                        "doc": doc_id,
                        "n": j,
                        "query": text,
                        "topics": topics,
                        "rank": rank,
                        "own": own,
                        "top": [h.document.id for h in results[:3]],
                        "top5_rel": rank is not None and rank <= 5,
                    }
                )
    return out, {name: statistics.median(v) for name, v in build_ms.items()}


def summarise(records: Iterable[dict[str, Any]]) -> dict[str, float]:
    recs = list(records)
    n = len(recs) or 1
    return {
        "n": len(recs),
        "hit@3": sum(1 for r in recs if r["rank"] is not None and r["rank"] <= 3) / n,
        "mrr": sum(1 / r["rank"] for r in recs if r["rank"] is not None) / n,
        "own@3": sum(1 for r in recs if r["own"] is not None and r["own"] <= 3) / n,
        "own_mrr": sum(1 / r["own"] for r in recs if r["own"] is not None) / n,
    }


def far_set(results: Mapping[str, list[dict[str, Any]]], cue_topics: Callable[[str], set[str]]) -> set:
    """Phrasings no engine relates to their document's topics (see the module docstring)."""
    names = list(results)
    by_key = {name: {(r["doc"], r["n"]): r for r in results[name]} for name in names}
    far = set()
    for key, r in by_key[names[0]].items():
        if all(not by_key[name][key]["top5_rel"] for name in names) and not (
            cue_topics(r["query"]) & set(r["topics"])
        ):
            far.add(key)
    return far


def parse_overrides(items: list[str]) -> dict[str, Any]:
    overrides: dict[str, Any] = {}
    for item in items:
        key, _, value = item.partition("=")
        default = getattr(Settings(), key)
        overrides[key] = type(default)(value) if not isinstance(default, bool) else value.lower() == "true"
    return overrides


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--content", type=Path, default=ROOT / "content")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--misses", action="store_true", help="list the default engine's misses (top 3)")
    ap.add_argument("--far", action="store_true", help="list the phrasings far from their document's topic")
    ap.add_argument("--only", default="ours,lexical,bm25", help="engines to run (ours, lexical, bm25)")
    ap.add_argument("--setting", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--weight", action="append", default=[], metavar="FIELD=VALUE", help="field weight")
    args = ap.parse_args()
    settings = Settings(**parse_overrides(args.setting))
    weights = {k: float(v) for k, _, v in (w.partition("=") for w in args.weight)} or None
    all_factories: dict[str, Callable[[list[Document]], Any]] = {
        "ours": lambda docs: SearchEngine(docs, settings=settings, field_weights=weights),
        "lexical": lambda docs: SearchEngine(docs, settings=settings, field_weights=weights, embedder=None),
        "bm25": PlainBM25,
    }
    wanted = [x.strip() for x in args.only.split(",") if x.strip()]
    factories = {k: all_factories[k] for k in wanted}
    raw = load_raw(args.content)
    t0 = time.perf_counter()
    results, build = run(raw, factories, folds=args.folds)
    elapsed = time.perf_counter() - t0
    full = SearchEngine(build_docs(raw), embedder=None)
    far = far_set(results, lambda q: set(full.analyse(q).topics)) if len(results) == 3 else set()
    print(f"{len(results[wanted[0]])} phrasings, {args.folds} folds, {elapsed:.1f} s")
    print()
    print("| engine | set | n | hit@3 | MRR@10 | own doc in top 3 | own doc MRR@10 | build ms |")
    print("|---|---|---|---|---|---|---|---|")
    for name, recs in results.items():
        rows = [("all", recs)]
        if far:
            rows.append(("near", [r for r in recs if (r["doc"], r["n"]) not in far]))
        for label, sub in rows:
            s = summarise(sub)
            print(
                f"| {name} | {label} | {s['n']} | {s['hit@3']:.3f} | {s['mrr']:.3f} | {s['own@3']:.3f} "
                f"| {s['own_mrr']:.3f} | {build[name]:.0f} |"
            )
    if far:
        print(f"\n{len(far)} phrasings far from their document's topic (content to review; --far lists them)")
    if args.far:
        for r in results[wanted[0]]:
            if (r["doc"], r["n"]) in far:
                print(f"   {r['doc']} #{r['n']}: {r['query']!r} -> {r['top']}")
    if args.misses:
        print(f"\nmisses ({wanted[0]}, topic not in the top 3):")
        for r in results[wanted[0]]:
            if (r["rank"] is None or r["rank"] > 3) and (r["doc"], r["n"]) not in far:
                print(f"   {r['doc']} #{r['n']}: {r['query']!r} -> {r['top']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
