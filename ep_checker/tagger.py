"""The learned span tagger: points at single words the rules missed that could identify someone.

The rules find names, places, ages and institutions by their forms and by lists; on posts by people who did
not write the rules, they still miss about one identifying detail in four (a name no list holds, a bare
"45," after a name, a small town, a ward's bed number). The labelled dev posts mark those details
(``must_flag``), so a small word-level logistic model, trained offline by
``scripts/train_checker_model.py spans``, learns which words authors point at: from the word's shape
(capitalised in mid-sentence, a number and its size, an initial, a word outside the common-English list,
its 3-letter pieces), its neighbours (two words either side, punctuation included: "Davy, 45, just out"),
and the rules' verdict on the post (risk and categories found).

It only adds **information notes** (severity ``info``) on words no finding already covers: it never
changes the post's risk and its words are not redacted. The note says why in plain words and asks the
author to judge. It is part of the learned component: ``check(text, learned=False)`` or
``EP_CHECKER_LEARNED=0`` switch it off.

Privacy as in ``learned.py``: the model stores ordinary English words, token shapes and 3-letter pieces,
never a whole name, place or number from a training post. Pure Python at run time; nothing is written.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import _data
from .learned import common_word, vocab_word
from .model import Finding

MODEL_PATH = Path(__file__).with_name("data") / "span_model.json"
RULE = "learned-span"
# words, numbers and single punctuation marks (punctuation is context: "Davy, 45, just out")
TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
SENTENCE_START = frozenset(".!?:")
ROOM_WORDS = frozenset(["room", "bed", "bay", "ward", "unit", "cell", "wing", "pod"])
HOUSE_WORDS = frozenset(["flat", "house", "no", "no.", "number", "apartment", "block"])
PLACE_WORDS = frozenset(["in", "at", "from", "near", "to", "outside", "round", "around", "off", "by"])

WHY = "a learned model: words like this one are often what makes a post like this identifiable"
MESSAGE = (
    "Could \u201c{text}\u201d help someone recognise a person you work with? In posts like this one, words "
    "like it are often a name, a nickname, a place, an age or a detail of someone's story. If it is about a "
    "real person, leave it out or make it general."
)
SUGGESTION = "Leave the detail out, or replace it with something general (\u201ca young person\u201d, \u201ca town nearby\u201d)."


@functools.cache
def model() -> dict[str, Any]:
    """The shipped model: {"bias", "weights", "threshold", "rules_fingerprint", "trained_on"}."""
    with open(MODEL_PATH, encoding="utf-8") as fh:
        return json.load(fh)


def _word(tok: str) -> str:
    """A token as context: ordinary words as themselves, other words and numbers as classes, punctuation as is."""
    if tok[0].isalnum():
        return vocab_word(tok.lower().replace("’", "'"))
    return tok


@functools.lru_cache(maxsize=65536)
def _own(tok: str, at_start: bool) -> tuple[str, ...]:
    """The features of a token on its own (shape, lists, 3-letter pieces), worked out once per token."""
    keys = ["w=" + _word(tok)]
    if tok.isdecimal():
        n = int(tok) if len(tok) < 5 else 99999
        keys.append("num=lt20" if n < 20 else "num=lt110" if n < 110 else "num=big")
        return tuple(keys)
    w = tok.lower().replace("’", "'")
    base = w[:-2] if w.endswith("'s") else w
    common = common_word(w)
    if common:
        keys.append("common")
    if base in _data.first_names():
        keys.append("fname")
    if base in _data.places():
        keys.append("place")
    if tok[0].isupper():
        keys.append("cap_start" if at_start else "cap_mid")
    if tok.isupper() and len(tok) > 1:
        keys.append("allcaps")
    if len(tok) == 1 and tok.isupper():
        keys.append("initial")
    if not common and len(base) > 2:
        g = "^" + base + "$"
        keys.extend("c:" + g[k : k + 3] for k in range(len(g) - 2))
    return tuple(dict.fromkeys(keys))  # a piece can repeat ("banana"); the model reads each once


@functools.lru_cache(maxsize=65536)
def is_candidate(tok: str) -> bool:
    """Words the tagger scores: numbers, capitalised words and words outside the common-English list.

    Lower-case ordinary words ("went", "stroke") are left to the rules: scoring them cost a sixth of the
    checker's time for about one must-flag span in a hundred (seventh round).
    """
    if tok.isdecimal() or tok[0].isupper():
        return True
    return tok[0].isalpha() and not common_word(tok.lower().replace("’", "'"))


def post_keys(findings: Iterable[Finding], risk: str) -> list[str]:
    """The post-level features: the rules' risk and the categories they found."""
    return ["R=" + risk, *("C=" + c for c in sorted({f.category for f in findings}))]


def candidates(text: str, findings: list[Finding]) -> list[tuple[int, int, list[str]]]:
    """Every word or number no finding covers, with its features (``post_keys`` not included).

    The training script and :func:`find` both use this, so what is learned and what is scored match.
    """
    toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN_RE.finditer(text)]
    if not toks:
        return []
    words = [_word(t) for _, _, t in toks]
    taken = sorted((f.start, f.end) for f in findings)
    out: list[tuple[int, int, list[str]]] = []
    n = len(toks)
    for i, (a, b, tok) in enumerate(toks):
        if not is_candidate(tok):
            continue
        if taken and any(s < b and a < e for s, e in taken):
            continue
        at_start = i == 0 or toks[i - 1][2] in SENTENCE_START
        keys = list(_own(tok, at_start))
        prev = words[i - 1] if i else "<b>"
        keys.append("-2=" + (words[i - 2] if i > 1 else "<b>"))
        keys.append("-1=" + prev)
        keys.append("1=" + (words[i + 1] if i + 1 < n else "<b>"))
        keys.append("2=" + (words[i + 2] if i + 2 < n else "<b>"))
        keys.append("-1w=" + prev + "|" + words[i])
        if i and toks[i - 1][2][0].isupper():
            keys.append("prevcap")
        if i + 1 < n and toks[i + 1][2][0].isupper():
            keys.append("nextcap")
        out.append((a, b, keys))
    return out


def _category(text: str, a: int, b: int) -> str:
    tok = text[a:b]
    before = text[max(0, a - 12) : a].split()
    prev = before[-1].lower() if before else ""
    if tok.isdecimal():
        if prev in ROOM_WORDS:
            return "institution"
        if prev in HOUSE_WORDS:
            return "address"
        return "age" if len(tok) <= 3 and int(tok) < 120 else "case-detail"
    low = tok.lower()
    if low in _data.places() or prev in PLACE_WORDS:
        return "place"
    if tok[0].isupper() or low in _data.first_names():
        return "name"
    return "case-detail"


class _Scorer:
    """The shipped model, ready to score: weights, the score threshold, and a cache of each token's own part."""

    def __init__(self, m: dict[str, Any]) -> None:
        self.bias: float = m["bias"]
        self.weights: dict[str, float] = m["weights"]
        t = m["threshold"]
        self.cut = math.log(t / (1.0 - t))  # a threshold on the probability is one on the score
        self.own: dict[tuple[str, bool], float] = {}

    def own_score(self, tok: str, at_start: bool) -> float:
        key = (tok, at_start)
        v = self.own.get(key)
        if v is None:
            w = self.weights
            v = sum(w.get(k, 0.0) for k in _own(tok, at_start))
            if len(self.own) < 65536:
                self.own[key] = v
        return v


# the features read from a word's neighbours (the rest are the word's own and the post's)
CONTEXT_SLOTS = ("-2=", "-1=", "1=", "2=", "-1w=", "prevcap", "nextcap")


@functools.cache
def scorer() -> _Scorer:
    return _Scorer(model())


def find(text: str, rule_findings: list[Finding], rule_risk: str, findings: list[Finding]) -> list[Finding]:
    """Information notes on the words the model points at, outside all ``findings``.

    ``rule_findings`` and ``rule_risk`` are the rules' own output (the model's post-level features);
    ``findings`` is everything already reported (rules and the post-level learned note), which the notes
    never overlap. Scores exactly as :func:`candidates` builds the features (a test compares the two).
    """
    sc = scorer()
    w = sc.weights
    z0 = sc.bias + sum(w.get(k, 0.0) for k in post_keys(rule_findings, rule_risk))
    matches = list(TOKEN_RE.finditer(text))
    toks = [m.group(0) for m in matches]
    taken = [(f.start, f.end) for f in findings]
    n = len(toks)
    words: dict[int, str] = {}

    def word(j: int) -> str:
        if j < 0 or j >= n:
            return "<b>"
        v = words.get(j)
        if v is None:
            v = words[j] = _word(toks[j])
        return v

    notes: list[Finding] = []
    for i, tok in enumerate(toks):
        if not is_candidate(tok):
            continue
        at_start = i == 0 or toks[i - 1] in SENTENCE_START
        a, b = matches[i].span()
        if taken and any(s < b and a < e for s, e in taken):
            continue
        prev = word(i - 1)
        z = z0 + sc.own_score(tok, at_start) + w.get("-2=" + word(i - 2), 0.0) + w.get("-1=" + prev, 0.0)
        z += w.get("1=" + word(i + 1), 0.0) + w.get("2=" + word(i + 2), 0.0) + w.get("-1w=" + prev + "|" + word(i), 0.0)
        if i and toks[i - 1][0].isupper():
            z += w.get("prevcap", 0.0)
        if i + 1 < n and toks[i + 1][0].isupper():
            z += w.get("nextcap", 0.0)
        if z >= sc.cut:
            notes.append(_note(text, a, b, z))
    return notes


def score_slowly(text: str, rule_findings: list[Finding], rule_risk: str, findings: list[Finding]) -> list[tuple[int, int, float]]:
    """Every candidate word's score, from :func:`candidates` (the training features); for tests."""
    m = model()
    w = m["weights"]
    z0 = m["bias"] + sum(w.get(k, 0.0) for k in post_keys(rule_findings, rule_risk))
    return [(a, b, z0 + sum(w.get(k, 0.0) for k in keys)) for a, b, keys in candidates(text, findings)]


def _note(text: str, a: int, b: int, z: float) -> Finding:
    category = _category(text, a, b)
    span = text[a:b]
    return Finding(
        category=category,
        start=a,
        end=b,
        text=span,
        severity="info",
        message=MESSAGE.replace("{text}", span),
        topics=list(_data.categories()[category]["topics"]),
        suggestion=SUGGESTION,
        clauses=list(_data.clauses().get(category, [])),
        rule=RULE,
        why=WHY + f" (score {1.0 / (1.0 + math.exp(-z)):.2f})",
    )
