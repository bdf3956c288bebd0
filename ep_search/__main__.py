"""Debugging aid: ``python -m ep_search [--content DIR ...] [--limit N] [--dense] QUESTION``.

Prints ``{"results": [...]}`` in the ``ask`` contract shape (plus passage, highlights, why).
The product's own command is ``eprofessional ask``; this one needs no Django and no database.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import SearchEngine
from .content_source import load_merged


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m ep_search", description=__doc__)
    ap.add_argument("question", nargs="+")
    ap.add_argument("--content", action="append", type=Path, help="content folder(s) (default: ./content)")
    ap.add_argument("--limit", type=int, default=10)
    ap.add_argument("--dense", action="store_true", help="add the optional MiniLM ranking if installed")
    args = ap.parse_args(argv)
    docs = load_merged(args.content or [Path("content")])
    engine = SearchEngine(docs, embedder="auto" if args.dense else "static")
    hits = engine.search(" ".join(args.question), limit=args.limit)
    json.dump({"results": [h.to_dict() for h in hits]}, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
