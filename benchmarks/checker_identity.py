"""Whether a change to the checker left its output exactly as it was (for speed work: same output, faster).

    PYTHONPATH=. python benchmarks/checker_identity.py --write /tmp/before.jsonl   # on the old commit
    PYTHONPATH=. python benchmarks/checker_identity.py --against /tmp/before.jsonl # after the change

Runs ``check()`` (learned component on and off) on every dev post, on every rewrite of the robustness
benchmark (``benchmarks/checker_robustness.py``) and on the speed benchmark's worst cases, plus the CLI's
``--jsonl`` output on the dev posts, and writes or compares the full results: risk, every finding (span,
category, severity, message, rule, why...) and the redacted text. The frozen test sets are never opened.
Exit status 1 when anything differs (the first differences are printed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.checker_quality import SETS, load  # noqa: E402
from benchmarks.checker_robustness import PERTURBATIONS, analyse, perturb  # noqa: E402

WORST = [
    "x" * 100_000,
    ("Jayden " * 14_000)[:100_000],
    ("07700 900123 " * 7_600)[:100_000],
    ("visited Jayden (7) at Oakwood Primary on elm road. " * 1_900)[:100_000],
    ("LS24C00871 AB123456C SW1A 1AA " * 3_200)[:100_000],
]


def texts() -> list[str]:
    posts = []
    for name, path in SETS.items():
        if "frozen" in name or "test" in name or not path.exists():
            continue  # the frozen test sets are never opened here
        posts += load(path)
    out = [p["text"] for p in posts]
    for i, p in enumerate(posts):
        kinds = analyse(p)
        for pert in PERTURBATIONS[1:]:
            res = perturb(pert, p, kinds, seed=i * 7919 + len(pert))
            if res is not None:
                out.append(res[0])
    return out + WORST


def cli_digest(posts: list[str]) -> str:
    fd, name = tempfile.mkstemp(suffix=".jsonl")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for i, t in enumerate(posts):
                fh.write(json.dumps({"id": i, "text": t}) + "\n")
        r = subprocess.run(
            [sys.executable, "-m", "ep_checker", "check", "--jsonl", name],
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=True,
        )
    finally:
        os.unlink(name)
    return hashlib.sha256(r.stdout).hexdigest()


def results() -> list[str]:
    from ep_checker import check

    all_texts = texts()
    lines = []
    for learned in (True, False):
        for i, t in enumerate(all_texts):
            d = check(t, learned=learned).to_dict()
            lines.append(json.dumps({"n": i, "learned": learned, **d}, ensure_ascii=False, sort_keys=True))
    n_dev = len(all_texts) - len(WORST)
    lines.append(json.dumps({"cli-jsonl-sha256": cli_digest(all_texts[:n_dev])}))
    return lines


def main() -> int:
    ap = argparse.ArgumentParser()
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--write", metavar="FILE", help="write the results to FILE")
    g.add_argument("--against", metavar="FILE", help="compare the results with FILE")
    args = ap.parse_args()
    lines = results()
    if args.write:
        Path(args.write).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} results written to {args.write}")
        return 0
    old = Path(args.against).read_text(encoding="utf-8").splitlines()
    diffs = [(i, a, b) for i, (a, b) in enumerate(zip(old, lines, strict=False)) if a != b]
    if len(old) != len(lines):
        print(f"different number of results: {len(old)} before, {len(lines)} now")
    for _i, a, b in diffs[:5]:
        print(f"- {a[:600]}\n+ {b[:600]}\n")
    print(f"{len(lines)} results compared, {len(diffs)} differ")
    return 1 if diffs or len(old) != len(lines) else 0


if __name__ == "__main__":
    raise SystemExit(main())
