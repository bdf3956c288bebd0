"""Speed of the before-you-post checker, next to stock Presidio, in one run.

    PYTHONPATH=. python benchmarks/checker_speed.py [--bulk 5000] [--presidio-bulk 1000] [--cold-runs 7]

* bulk: wall-clock posts/s of `python -m ep_checker check --jsonl FILE` (start-up included) on the
  labelled posts repeated to --bulk lines, as shipped (one worker process per CPU core) and with
  `--workers 1` (one process, like for like with Presidio's single process); Presidio (UK recognisers on, en_core_web_sm) on --presidio-bulk
  of the same lines through benchmarks/presidio_runner.py in its own virtual environment, wall-clock too.
* single post warm: p50/p95 of ep_checker.check() per post, in process, after one warm-up call.
* cold start: wall time of `python -m ep_checker check --json TEXT` in a fresh interpreter, several runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.checker_quality import PRESIDIO_PY, SETS, load  # noqa: E402
from ep_checker.cli import default_workers  # noqa: E402


def posts() -> list[str]:
    out = []
    for name, path in SETS.items():
        if path.exists() and "frozen" not in name:  # the frozen test sets are never opened here
            out += [p["text"] for p in load(path)]
    return out


def write_jsonl(texts: list[str], n: int) -> str:
    fd, name = tempfile.mkstemp(suffix=".jsonl")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": i, "text": texts[i % len(texts)]}) + "\n")
    return name


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bulk", type=int, default=5000)
    ap.add_argument("--presidio-bulk", type=int, default=1000)
    ap.add_argument("--cold-runs", type=int, default=7)
    ap.add_argument("--no-presidio", action="store_true")
    args = ap.parse_args()
    texts = posts()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    print(
        f"Posts: {len(texts)} distinct labelled posts, mean {statistics.mean(map(len, texts)):.0f} characters"
    )
    print(f"Python: {sys.executable}; CPUs: {os.cpu_count()}\n")

    # bulk, ours: as shipped (one worker process per core) and in one process (like for like with Presidio)
    def bulk(extra: list[str]) -> float:
        f = write_jsonl(texts, args.bulk)
        try:
            t = time.perf_counter()
            r = subprocess.run(
                [sys.executable, "-m", "ep_checker", "check", "--jsonl", f, *extra],
                capture_output=True,
                env=env,
                check=True,
            )
            elapsed = time.perf_counter() - t
            assert len(r.stdout.splitlines()) == args.bulk
        finally:
            os.unlink(f)
        return elapsed

    ours_s = bulk([])
    one_s = bulk(["--workers", "1"])
    ours_rate = args.bulk / ours_s
    print("| measure | e-Professional | Presidio 2.2.366 (UK on, sm) | target |\n|---|---|---|---|")
    pres_rate = None
    pres_lat = None
    if not args.no_presidio and Path(PRESIDIO_PY).exists():
        f = write_jsonl(texts, args.presidio_bulk)
        try:
            t = time.perf_counter()
            with open(f, "rb") as fh:
                r = subprocess.run(
                    [PRESIDIO_PY, str(ROOT / "benchmarks" / "presidio_runner.py"), "--time"],
                    stdin=fh,
                    capture_output=True,
                    check=True,
                )
            pres_s = time.perf_counter() - t
        finally:
            os.unlink(f)
        pres_rate = args.presidio_bulk / pres_s
        pres_lat = json.loads(r.stdout)
    one_rate = args.bulk / one_s
    ratio = f" ({ours_rate / pres_rate:.1f}x)" if pres_rate else ""
    one_ratio = f" ({one_rate / pres_rate:.1f}x)" if pres_rate else ""
    pres_cell = f"{pres_rate:,.1f} ({args.presidio_bulk} posts, one process)" if pres_rate else "n/a"
    print(
        f"| bulk posts/s, --jsonl as shipped ({default_workers()} worker processes), wall clock incl. start-up | "
        f"{ours_rate:,.0f} ({args.bulk} posts){ratio} | {pres_cell} | >= 10x Presidio |"
    )
    print(
        f"| bulk posts/s, --jsonl --workers 1 (one process, like for like) | {one_rate:,.0f}{one_ratio} | "
        f"{pres_cell} | |"
    )

    # single post, warm, in process
    from ep_checker import check

    check("warm up")
    pl = f"{pres_lat['p50_ms']:.1f} / {pres_lat['p95_ms']:.1f}" if pres_lat else "n/a"
    for label, learned in (("", True), (" (rules only, learned=False)", False)):
        lat = []
        for _ in range(5):
            for tx in texts:
                s = time.perf_counter()
                check(tx, learned=learned)
                lat.append((time.perf_counter() - s) * 1000)
        print(
            f"| single post warm p50 / p95 ms{label} | {pct(lat, 0.5):.2f} / {pct(lat, 0.95):.2f} "
            f"(max {max(lat):.1f}) | {pl} | p95 <= 20 ms |"
        )

    # worst cases: texts at the 100,000-character limit built to stress one rule family each (a quadratic
    # step once made a single such request take about a minute)
    worst = {
        "one long word": "x" * 100_000,
        "names": "Jayden " * 14_000,
        "phone numbers": "07700 900123 " * 7_600,
        "casework with identifiers": "visited Jayden (7) at Oakwood Primary on elm road. " * 1_900,
        "ids and postcodes": "LS24C00871 AB123456C SW1A 1AA " * 3_200,
    }
    worst_s = {}
    for label, tx in worst.items():
        s = time.perf_counter()
        check(tx[:100_000])
        worst_s[label] = time.perf_counter() - s
    slowest = max(worst_s, key=worst_s.__getitem__)
    print(
        f"| worst case at the 100,000-character limit, s | {worst_s[slowest]:.2f} ({slowest}) | n/a | "
        "a few seconds at most |"
    )

    # cold start
    cold = []
    for _ in range(args.cold_runs):
        t = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "ep_checker",
                "check",
                "--json",
                "Long day in court today, home now",  # not a rules stop, so the learned model loads too
            ],
            capture_output=True,
            env=env,
            check=False,
        )
        cold.append(time.perf_counter() - t)
    pc = f"{pres_lat['load_seconds']:.2f} (engine load only)" if pres_lat else "n/a"
    print(
        f"| cold start of the check CLI, s (median / max of {args.cold_runs}) | "
        f"{statistics.median(cold):.2f} / {max(cold):.2f} | {pc} | <= 3 s |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
