"""The labelled post sets under eval/ are well formed, so the quality benchmark and the offline training
script measure what their authors meant. The check is about form only (keys, labels, spans), in aggregate:
it prints no post, so the frozen test sets can be checked too without anyone reading them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SETS = sorted((ROOT / "eval").glob("posts-own-*.jsonl"))
KEYS = {"id", "text", "risk", "categories", "must_flag", "must_not_flag"}


def categories() -> set[str]:
    with open(ROOT / "ep_checker" / "data" / "categories.yaml", encoding="utf-8") as fh:
        return set(yaml.safe_load(fh))


def test_there_are_sets_to_check():
    assert len(SETS) >= 7


@pytest.mark.parametrize("path", SETS, ids=[p.stem for p in SETS])
def test_each_set_is_well_formed(path: Path):
    known = categories()
    problems: list[str] = []
    ids: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        post = json.loads(line)
        where = f"line {number}"
        if not set(post) >= KEYS:
            problems.append(f"{where}: missing {sorted(KEYS - set(post))}")
            continue
        if post["id"] in ids:
            problems.append(f"{where}: repeated id")
        ids.add(post["id"])
        if post["risk"] not in {"stop", "review", "ok"}:
            problems.append(f"{where}: risk {post['risk']!r}")
        if set(post["categories"]) - known:
            problems.append(f"{where}: unknown categories {sorted(set(post['categories']) - known)}")
        if post["risk"] == "ok" and post["must_flag"]:
            problems.append(f"{where}: an ok post with must_flag spans")
        for key in ("must_flag", "must_not_flag"):
            if any(span not in post["text"] for span in post[key]):
                problems.append(f"{where}: a {key} span is not in the text")
    assert not problems, f"{path.name}: " + "; ".join(problems[:10])
