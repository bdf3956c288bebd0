"""``eprofessional ask``: the guidance search on the command line (see interfaces.md)."""

from __future__ import annotations

import argparse
import json
import sys

from eprofessional.core import search


def _results(query: str, limit: int) -> list[dict[str, object]]:
    return [hit.to_dict() for hit in search.search(query, limit=limit)]


def run_ask(args: argparse.Namespace) -> int:
    limit = max(1, min(args.limit, 50))
    if args.jsonl:
        stream = sys.stdin if args.jsonl == "-" else open(args.jsonl, encoding="utf-8")  # noqa: SIM115
        try:
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                    query = item["query"]
                    if not isinstance(query, str):
                        raise TypeError
                except (json.JSONDecodeError, KeyError, TypeError):
                    print(f"line {number}: expected a JSON object with a \"query\" string", file=sys.stderr)
                    return 2
                out = {"id": item.get("id"), "results": _results(query, limit)}
                print(json.dumps(out, ensure_ascii=False))
        except UnicodeDecodeError:
            print("the input is not valid UTF-8 text", file=sys.stderr)
            return 2
        finally:
            if stream is not sys.stdin:
                stream.close()
        return 0
    if not args.query:
        print("Ask a question, for example: eprofessional ask \"can I accept a friend request from a parent\"",
              file=sys.stderr)
        return 2
    results = _results(args.query, limit)
    if args.json:
        print(json.dumps({"results": results}, ensure_ascii=False, indent=2))
        return 0
    if not results:
        print("No guidance matched. Try describing the situation in a few more words.")
    for rank, r in enumerate(results, start=1):
        print(f"{rank}. [{r['kind']}] {r['title']}\n   {r['url']}\n   {r.get('why', '')}")
    return 0
