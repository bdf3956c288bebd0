"""Quality of the before-you-post checker on the labelled post sets, next to stock Presidio.

    PYTHONPATH=. python benchmarks/checker_quality.py [--no-presidio] [--no-learned]
                                                      [--sets shared-dev,own-dev,own-test] [--show-errors SET]

Metrics per set (see docs/checker.md): stop recall (gold stop posts rated stop), warn recall (gold
stop/review posts rated review or stop), ok false-alarm rate (gold ok posts rated review or stop),
risk accuracy, must-flag recall (gold spans overlapped by any finding), must-not-flag violations
(benign look-alike spans overlapped by any finding), per-category recall (gold category present among
the post's findings). Recall figures carry Wilson 95% intervals.

Two e-Professional columns: "rules only" (check(text, learned=False)) and "rules + learned" (the default
check(), with the learned component of ep_checker/learned.py). The shipped learned model is trained on all
the dev sets, so its column on a dev set is a training-set figure, not an estimate; the honest
cross-author estimate is `scripts/train_checker_model.py evaluate` (docs/checker.md, "Learned component").
`--show-errors` lists the errors of the "rules + learned" column.

Presidio has no notion of risk: a post counts as flagged ("stop") when it has any entity at score
>= 0.35 ("any" row), or any entity other than DATE_TIME/URL/ORGANIZATION/NRP ("filtered" row).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SETS = {
    "shared-dev": Path(os.environ.get("EP_SHARED_EVAL", "/work/shared/eval")) / "posts-dev.jsonl",
    "own-dev": ROOT / "eval" / "posts-own-dev.jsonl",
    "own-dev2": ROOT / "eval" / "posts-own-dev2.jsonl",
    "own-dev3": ROOT / "eval" / "posts-own-dev3.jsonl",
    "own-dev4": ROOT / "eval" / "posts-own-dev4.jsonl",
    "own-dev5": ROOT / "eval" / "posts-own-dev5.jsonl",
    "own-dev6": ROOT / "eval" / "posts-own-dev6.jsonl",
    "own-dev7": ROOT / "eval" / "posts-own-dev7.jsonl",
    "own-dev8": ROOT / "eval" / "posts-own-dev8.jsonl",
    "own-dev9": ROOT / "eval" / "posts-own-dev9.jsonl",
    "own-dev10": ROOT / "eval" / "posts-own-dev10.jsonl",
    "own-dev11": ROOT / "eval" / "posts-own-dev11.jsonl",
    "own-dev12": ROOT / "eval" / "posts-own-dev12.jsonl",
    "own-dev13": ROOT / "eval" / "posts-own-dev13.jsonl",
    "own-dev14": ROOT / "eval" / "posts-own-dev14.jsonl",
    "own-dev15": ROOT / "eval" / "posts-own-dev15.jsonl",
    "own-dev16": ROOT / "eval" / "posts-own-dev16.jsonl",
    "own-dev17": ROOT / "eval" / "posts-own-dev17.jsonl",
    "own-test (frozen)": ROOT / "eval" / "posts-own-test.jsonl",
    "own-test2 (frozen)": ROOT / "eval" / "posts-own-test2.jsonl",
    "own-test3 (frozen)": ROOT / "eval" / "posts-own-test3.jsonl",
    "own-test4 (frozen)": ROOT / "eval" / "posts-own-test4.jsonl",
}
PRESIDIO_PY = os.environ.get("EP_PRESIDIO_PYTHON", "/work/venvs/presidio/bin/python")
PRESIDIO_MAP = {
    "PERSON": "name",
    "PHONE_NUMBER": "phone",
    "EMAIL_ADDRESS": "email",
    "UK_NHS": "id-number",
    "UK_NINO": "id-number",
    "UK_POSTCODE": "postcode",
    "LOCATION": "place",
    "DATE_TIME": "date-of-birth",
    "ORGANIZATION": "institution",
    "NRP": "special-category",
    "UK_PASSPORT": "id-number",
    "UK_DRIVING_LICENCE": "id-number",
    "UK_VEHICLE_REGISTRATION": "own-safety",
}
FILTERED_OUT = {"DATE_TIME", "URL", "ORGANIZATION", "NRP"}


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (max(0.0, c - h), min(1.0, c + h))


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(x) for x in fh if x.strip()]


def spans_of(text: str, needle: str) -> list[tuple[int, int]]:
    out, low, n = [], text.lower(), needle.lower()
    i = low.find(n)
    while i >= 0:
        out.append((i, i + len(n)))
        i = low.find(n, i + 1)
    return out


def overlapped(spans: list[tuple[int, int]], found: list[tuple[int, int]]) -> bool:
    return any(a < d and c < b for a, b in spans for c, d in found)


def ours(posts: list[dict], learned: bool = True) -> list[dict]:
    from ep_checker import check

    out = []
    for p in posts:
        r = check(p["text"], learned=learned)
        out.append(
            {
                "risk": r.risk,
                "spans": [(f.start, f.end) for f in r.findings],
                "cats": {f.category for f in r.findings},
            }
        )
    return out


def presidio(posts: list[dict], filtered: bool) -> list[dict] | None:
    if not Path(PRESIDIO_PY).exists():
        return None
    key = "_presidio_raw"
    if key not in presidio.__dict__:
        presidio.__dict__[key] = {}
    cache = presidio.__dict__[key]
    ident = id(posts)
    if ident not in cache:
        inp = "".join(json.dumps({"id": i, "text": p["text"]}) + "\n" for i, p in enumerate(posts))
        res = subprocess.run(
            [PRESIDIO_PY, str(ROOT / "benchmarks" / "presidio_runner.py")],
            input=inp,
            capture_output=True,
            text=True,
            check=True,
        )
        cache[ident] = [json.loads(x)["entities"] for x in res.stdout.splitlines() if x.strip()]
    out = []
    for ents in cache[ident]:
        ents = [e for e in ents if not (filtered and e["type"] in FILTERED_OUT)]
        out.append(
            {
                "risk": "stop" if ents else "ok",
                "spans": [(e["start"], e["end"]) for e in ents],
                "cats": {PRESIDIO_MAP.get(e["type"], e["type"]) for e in ents},
            }
        )
    return out


def score(posts: list[dict], preds: list[dict]) -> dict:
    s: dict = defaultdict(int)
    cat_tot: dict = defaultdict(int)
    cat_hit: dict = defaultdict(int)
    errors = []
    for p, r in zip(posts, preds, strict=True):
        gold = p["risk"]
        s["n"] += 1
        s["acc"] += r["risk"] == gold
        if gold == "stop":
            s["stop_n"] += 1
            s["stop_hit"] += r["risk"] == "stop"
        if gold in ("stop", "review"):
            s["warn_n"] += 1
            s["warn_hit"] += r["risk"] != "ok"
        if gold == "ok":
            s["ok_n"] += 1
            s["ok_fa"] += r["risk"] != "ok"
        missed, noisy = [], []
        for m in p.get("must_flag") or []:
            s["mf_n"] += 1
            if overlapped(spans_of(p["text"], m), r["spans"]):
                s["mf_hit"] += 1
            else:
                missed.append(m)
        for m in p.get("must_not_flag") or []:
            s["mnf_n"] += 1
            if overlapped(spans_of(p["text"], m), r["spans"]):
                s["mnf_bad"] += 1
                noisy.append(m)
        for c in p.get("categories") or []:
            cat_tot[c] += 1
            cat_hit[c] += c in r["cats"]
        if r["risk"] != gold or missed or noisy:
            errors.append((p["id"], gold, r["risk"], missed, noisy, p["text"]))
    s["cats"] = {c: (cat_hit[c], cat_tot[c]) for c in sorted(cat_tot)}
    s["errors"] = errors
    return s


def fmt_rate(k: int, n: int, ci: bool = True) -> str:
    if n == 0:
        return "n/a"
    if not ci:
        return f"{k / n:.3f} ({k}/{n})"
    lo, hi = wilson(k, n)
    return f"{k / n:.3f} ({k}/{n}) [{lo:.2f}-{hi:.2f}]"


def table(name: str, rows: list[tuple[str, dict]]) -> str:
    lines = [
        f"### {name}",
        "",
        "| metric | " + " | ".join(r[0] for r in rows) + " |",
        "|---|" + "---|" * len(rows),
    ]
    metrics = [
        ("stop recall", lambda s: fmt_rate(s["stop_hit"], s["stop_n"])),
        ("warn recall (stop+review rated >= review)", lambda s: fmt_rate(s["warn_hit"], s["warn_n"])),
        ("ok false-alarm rate", lambda s: fmt_rate(s["ok_fa"], s["ok_n"], ci=False)),
        ("risk accuracy", lambda s: fmt_rate(s["acc"], s["n"], ci=False)),
        ("must-flag recall", lambda s: fmt_rate(s["mf_hit"], s["mf_n"])),
        ("must-not-flag violations", lambda s: fmt_rate(s["mnf_bad"], s["mnf_n"], ci=False)),
    ]
    for label, f in metrics:
        lines.append(f"| {label} | " + " | ".join(f(r[1]) for r in rows) + " |")
    cats = sorted({c for _, s in rows for c in s["cats"]})
    for c in cats:
        cells = []
        for _, s in rows:
            k, n = s["cats"].get(c, (0, 0))
            cells.append(fmt_rate(k, n) if n else "n/a")
        lines.append(f"| recall: {c} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-presidio", action="store_true")
    ap.add_argument("--no-learned", action="store_true", help="only the rules-only column of e-Professional")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--show-errors", default="", help="set name whose errors to list (never the frozen test)")
    args = ap.parse_args()
    for name in args.sets.split(","):
        path = SETS[name]
        if not path.exists():
            print(f"(skipping {name}: {path} not found)")
            continue
        posts = load(path)
        rows = []
        if not args.no_learned:
            rows.append(("e-Professional rules + learned", score(posts, ours(posts, learned=True))))
        rows.append(("e-Professional rules only", score(posts, ours(posts, learned=False))))
        if not args.no_presidio:
            for filt in (False, True):
                pr = presidio(posts, filt)
                if pr is not None:
                    rows.append((f"Presidio ({'filtered' if filt else 'any entity'})", score(posts, pr)))
        print(table(f"{name} - {len(posts)} posts", rows))
        if args.show_errors and args.show_errors == name and "test" not in name:
            for e in rows[0][1]["errors"]:
                print(f"{e[0]} gold={e[1]} got={e[2]} missed={e[3]} noisy={e[4]}\n    {e[5]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
