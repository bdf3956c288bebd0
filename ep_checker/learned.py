"""The learned component of the checker: a small post-level model stacked on the rules.

Two logistic models, trained offline by ``scripts/train_checker_model.py`` on the labelled dev posts and
shipped as ``data/learned_model.json``, give

* ``p_stop``: the probability that the post should be *stop*;
* ``p_warn``: the probability that it should be at least *review*.

They read (:func:`features`) the post's ordinary-English words and word pairs, 3-letter pieces of the other
words, the shape of its tokens (capitalised words in mid-sentence, words not in a common-English list,
initials, "baby X", numbers next to person words) and the rules' own output (risk, and each finding's
category, severity and rule): the shipped model is stacked on the rules (fifth round, docs/checker.md), so it
must be retrained after every rule change (a test compares the rules' fingerprint stored in the model file).
Since the sixth round the models *can* also read the meaning of the post's content words (:func:`meaning`):
the mean of static word vectors distilled from MiniLM, folded offline into one number per WordPiece piece and
model (``data/learned_pieces.txt``), so that words nobody in training used still count. The shipped model does
not use them (no ``dense`` entry in the model file, no table shipped, nothing read): across authors they
ranked posts better but did not move the decisions enough (docs/checker.md, "Sixth round"); the training
script ships them with ``train --groups w,b,c,s,r,d``.

:func:`assess` raises the rules' risk by one level at most when a probability passes its threshold (stored
in the model file); :func:`lower` (sixth round, twelve authors) turns a rule *review* into *ok*, with the rule findings
kept as *info* notes that say why, when P(warn) is below its threshold (at most 0.5: the model rates the post
more likely ok than not); :func:`decide` is the decision both apply. A rule *stop* is never lowered.
``engine.check()`` applies both (after computing the probabilities once). Pure Python: no numpy or scikit-learn at run time. The data
files are read on first use, so ``import ep_checker`` stays cheap. Nothing here writes the text anywhere.

Switch it off with ``check(text, learned=False)`` or the environment variable ``EP_CHECKER_LEARNED=0``.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import hashlib
import itertools
import json
import math
import os
import re
import unicodedata
import zlib
from collections.abc import Container, Iterable
from pathlib import Path
from typing import Any

from . import _data
from .model import Finding

MODEL_PATH = Path(__file__).with_name("data") / "learned_model.json"
WORDS_PATH = Path(__file__).with_name("data") / "common_words.txt"
ENV_SWITCH = "EP_CHECKER_LEARNED"
RISKS = ("ok", "review", "stop")

TOKEN_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]+(?:['’][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]+)*|\d+")
SENT_END_RE = re.compile(r"[.!?\n]\s*$|^\s*$")
PERSON_WORDS = frozenset(
    [
        "boy",
        "girl",
        "lad",
        "lass",
        "son",
        "daughter",
        "kid",
        "kids",
        "child",
        "children",
        "baby",
        "mum",
        "dad",
        "mam",
        "mom",
        "brother",
        "sister",
        "nephew",
        "niece",
        "twins",
        "toddler",
        "teen",
        "teenager",
        "yo",
        "yr",
        "yrs",
        "year",
        "years",
        "month",
        "months",
        "old",
        "wee",
        "little",
        "grandson",
        "granddaughter",
        "gran",
        "nan",
        "grandad",
        "man",
        "woman",
        "he",
        "she",
        "hes",
        "shes",
        "him",
        "her",
    ]
)

MESSAGE = (
    "This reads like a post about a particular person you work with; someone who knows them might "
    "recognise them. Check for nicknames, initials, places and events."
)
SUGGESTION = (
    "Leave out anything that points to one person or family (nicknames, initials, places, events, "
    "ages) and talk about the work in general terms - or take it to supervision."
)
CLAUSES = ["no-identifiable-case-details", "jigsaw-identification"]


def enabled(flag: bool | None = None) -> bool:
    """Whether the learned component runs: the explicit flag wins, then ``EP_CHECKER_LEARNED``."""
    if flag is not None:
        return bool(flag)
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "false", "no", "off")


# ---------------------------------------------------------------- common-English words (bit set)

WORD_BITS = 1 << 20


def word_hashes(word: str) -> tuple[int, int]:
    """The two bit positions of a lower-case word in the common-word bit set (stable across runs)."""
    b = word.encode("utf-8")
    return zlib.crc32(b) % WORD_BITS, zlib.adler32(b[::-1] + b"#") % WORD_BITS


@functools.cache
def _word_bits() -> bytes:
    with open(WORDS_PATH, encoding="ascii") as fh:
        lines = [ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")]
    return zlib.decompress(base64.b64decode("".join(lines)))


def is_common(word: str) -> bool:
    """True when the lower-case word is (almost certainly) an ordinary English word."""
    bits = _word_bits()
    return all(bits[h >> 3] & (1 << (h & 7)) for h in word_hashes(word))


@functools.lru_cache(maxsize=65536)
def common_word(word: str) -> bool:
    """``is_common`` for a lower-case token: possessives, contractions and plurals included."""
    if word.isdigit():
        return True
    base = word.split("'", 1)[0] if "'" in word else word
    return is_common(base) or (base.endswith("s") and is_common(base[:-1]))


@functools.lru_cache(maxsize=65536)
def vocab_word(word: str) -> str:
    """The form a lower-case token takes in word and word-pair features.

    Only ordinary English words are kept as themselves; numbers become ``<n20>`` (under 20, a possible
    age) or ``<n>``, and every other word (names, nicknames, places, misspellings) becomes ``<unk>``, so
    no name, place or number from a training post is stored in the model: such words reach the model
    only as 3-letter pieces and shape counts.
    """
    if word.isdigit():
        return "<n20>" if len(word) <= 2 and int(word) < 20 else "<n>"
    return word if common_word(word) else "<unk>"


def _base(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word


# ---------------------------------------------------------------- features


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3+"


@functools.lru_cache(maxsize=65536)
def _token_facts(tok: str) -> tuple[str, str, bool, str, bool, str, bool, bool, bool, bool, tuple[str, ...]]:
    """What features() needs to know about one token on its own, worked out once per distinct token:
    (lower-cased, vocabulary word, all digits, base, common word, first-name feature or "", a place, a
    single-letter initial, capitalised but not all capitals, capitalised, letter-trigram features)."""
    w = tok.lower().replace("’", "'")
    vocab = vocab_word(w)
    if tok.isdigit():
        return w, vocab, True, "", False, "", False, False, False, False, ()
    base = _base(w)
    common = common_word(w)
    name_feat = ""
    if base in _data.first_names():
        name_feat = "s:first-name" + ("-cap" if tok[0].isupper() else "-lower")
    trigrams: tuple[str, ...] = ()
    if not common and len(base) > 2:
        g = "^" + base + "$"
        trigrams = tuple("c:" + g[k : k + 3] for k in range(len(g) - 2))
    return (
        w,
        vocab,
        False,
        base,
        common,
        name_feat,
        base in _data.places(),
        len(tok) == 1 and tok.isupper() and tok not in ("I", "A"),
        tok[0].isupper() and not tok.isupper(),
        tok[0].isupper(),
        trigrams,
    )


def features(text: str, findings: Iterable[Finding], risk: str) -> set[str]:
    """The binary features of a post: words, token shapes and the rules' output."""
    feats: set[str] = {"bias"}
    toks = [(m.group(0), m.start()) for m in TOKEN_RE.finditer(text)]
    facts = [_token_facts(t) for t, _ in toks]
    low = [f[0] for f in facts]
    vocab = [f[1] for f in facts]
    n_cap_mid = n_unknown = n_unknown_cap = n_name = n_initial = 0
    for i, (_tok, start) in enumerate(toks):
        _w, _v, digits, _b, common, name_feat, place, initial, cap_mid, cap, trigrams = facts[i]
        feats.add("w:" + vocab[i])
        if i:
            feats.add("b:" + vocab[i - 1] + "_" + vocab[i])
        if digits:
            near = low[max(0, i - 3) : i + 4]
            if any(x in PERSON_WORDS for x in near):
                feats.add("s:num-near-person")
            continue
        if name_feat:
            n_name += 1
            feats.add(name_feat)
        if place:
            feats.add("s:place")
        if initial:
            n_initial += 1
        if cap_mid and not (SENT_END_RE.search(text[max(0, start - 3) : start]) is not None or i == 0):
            n_cap_mid += 1
            if not common:
                n_unknown_cap += 1
        if trigrams:
            n_unknown += 1
            feats.update(trigrams)
        if i and cap and low[i - 1] in ("baby", "little", "wee", "lil", "our"):
            feats.add("s:" + low[i - 1] + "-cap")
    feats.add("s:cap-mid:" + _bucket(n_cap_mid))
    feats.add("s:unknown:" + _bucket(n_unknown))
    feats.add("s:unknown-cap:" + _bucket(n_unknown_cap))
    feats.add("s:names:" + _bucket(n_name))
    feats.add("s:initials:" + _bucket(n_initial))
    feats.add("r:risk:" + risk)
    n = 0
    for f in findings:
        n += 1
        feats.add("r:cat:" + f.category)
        feats.add("r:cat-sev:" + f.category + ":" + f.severity)
        feats.add("r:rule:" + f.rule)
    feats.add("r:n:" + _bucket(n))
    return feats


# ---------------------------------------------------------------- meaning (dense word vectors, folded offline)
#
# The word and word-pair weights exist only for words seen in training. To reach words nobody in training
# used, the training script also gives the models the mean word vector of the post (static 128-dimensional
# vectors distilled from MiniLM, shipped with ep_search; a word's vector is the mean of its WordPiece
# pieces' vectors). The models are linear, so w . mean(v) = mean(w . v): after training, the script
# folds the weights into ONE number per WordPiece piece and model, and run time is a look-up and an average
# per post (data/learned_pieces.txt). No vector, no numpy and no ep_search import at run time.

PIECES_PATH = Path(__file__).with_name("data") / "learned_pieces.txt"
PIECE_RE = re.compile(r"(?:##)?[a-z0-9]+")
# function words carry little meaning and would dominate a plain mean; they and numbers are left out
_FUNCTION_WORDS = """a an the and or but if so as of to in on at by for with from into onto about over than then that this
    these those there here is are was were be been being am do does did done have has had having will would
    shall should can could may might must i me my mine we us our ours you your yours he him his she her hers
    it its they them their theirs who whom whose which what when where why how all any some no not nor only
    just very too also up out off own same such each both few more most other s t d ll m re ve im ive id
    dont doesnt didnt cant wont isnt arent wasnt werent its thats whats theres"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())


def meaning_word(word: str) -> bool:
    """Whether a lower-case token takes part in the mean word vector (not a number or a function word)."""
    return not word.isdigit() and word.replace("’", "'").replace("'", "") not in FUNCTION_WORDS


def split_word(word: str) -> list[str]:
    """The parts of a lower-case token that WordPiece reads: accents stripped, split at apostrophes."""
    if not word.isascii():
        word = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return [p for p in word.replace("’", "'").split("'") if p]


def word_pieces(part: str, vocab: Container[str]) -> list[str] | None:
    """Greedy longest-match-first WordPiece pieces of one part of a word (BERT uncased), or None."""
    start, pieces = 0, []
    n = len(part)
    if n > 60:
        return None
    while start < n:
        end = n
        cur = None
        while start < end:
            sub = part[start:end] if start == 0 else "##" + part[start:end]
            if sub in vocab:
                cur = sub
                break
            end -= 1
        if cur is None:
            return None
        pieces.append(cur)
        start = end
    return pieces


def pieces_of(word: str, vocab: Container[str]) -> list[str]:
    """All the pieces of a lower-case token (its parts that WordPiece cannot read are left out)."""
    out: list[str] = []
    for part in split_word(word):
        p = word_pieces(part, vocab)
        if p:
            out.extend(p)
    return out


@functools.cache
def _pieces() -> dict[str, tuple[float, float]]:
    """piece -> (stop, warn) contributions, read on first use."""
    table: dict[str, tuple[float, float]] = {}
    scale = 1.0
    with open(PIECES_PATH, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# "):  # comments; pieces such as "##ing" have no space
                if line.startswith("# scale "):
                    scale = float(line.split()[2])
                continue
            piece, s, w = line.rstrip("\n").split("\t")
            table[piece] = (int(s) / scale, int(w) / scale)
    return table


@functools.lru_cache(maxsize=65536)
def _word_meaning(word: str) -> tuple[float, float] | None:
    table = _pieces()
    ps = pieces_of(word, table)
    if not ps:
        return None
    return sum(table[p][0] for p in ps) / len(ps), sum(table[p][1] for p in ps) / len(ps)


def meaning(text: str) -> tuple[float, float]:
    """The dense part of (z_stop, z_warn): the mean over the post's words of their pieces' folded weights,
    less the offset that centres the training posts (0 for a post with no readable word)."""
    dense = model()["dense"]
    s = w = 0.0
    n = 0
    for m in TOKEN_RE.finditer(text):
        word = m.group(0).lower()
        v = _word_meaning(word) if meaning_word(word) else None
        if v is not None:
            s += v[0]
            w += v[1]
            n += 1
    if not n:
        return 0.0, 0.0
    return s / n - dense["stop_offset"], w / n - dense["warn_offset"]


# ---------------------------------------------------------------- the model


def rules_fingerprint(texts: Iterable[str]) -> str:
    """A digest of what the rules say about ``texts`` (risk, and each finding's category, severity, rule).

    The model is stacked on the rules' findings, so it is only valid for the rules it was trained with.
    The training script stores this digest over the repository's dev posts in the model file, and a test
    recomputes it: a rule change that alters any finding fails that test until the model is retrained.
    """
    from .engine import check  # here, not at the top: engine imports this module

    h = hashlib.sha256()
    for text in texts:
        r = check(text, learned=False)
        row = [r.risk, sorted([f.category, f.severity, f.rule] for f in r.findings)]
        h.update(json.dumps(row, separators=(",", ":")).encode("utf-8"))
    return h.hexdigest()


@functools.cache
def model() -> dict[str, Any]:
    """The shipped model: {"stop": {"bias", "weights"}, "warn": {...}, "thresholds": {...}, ...}."""
    with open(MODEL_PATH, encoding="utf-8") as fh:
        return json.load(fh)


def _prob(part: dict[str, Any], feats: set[str], dense: float = 0.0) -> float:
    w = part["weights"]
    z = part["bias"] + dense + sum(map(w.get, feats, itertools.repeat(0.0)))
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def probabilities(text: str, findings: Iterable[Finding], risk: str) -> dict[str, float]:
    """P(stop) and P(at least review) for a post, given the rules' findings and risk."""
    m = model()
    feats = features(text, findings, risk)
    ms, mw = meaning(text) if "dense" in m else (0.0, 0.0)
    return {"stop": _prob(m["stop"], feats, ms), "warn": _prob(m["warn"], feats, mw)}


def decide(risk: str, p_stop: float, p_warn: float, thresholds: dict[str, float]) -> str:
    """The learned component's decision: the post-level risk given the rules' risk and the two probabilities.

    One level at most (the checker's cap): a rule *review* becomes *stop* when P(stop) >= ``stop``; a rule
    *ok* becomes *review* when P(warn) >= ``warn`` or P(stop) >= ``stop`` (the model cannot point at the
    identifier itself, so on its own it never turns a post the rules found nothing in into a *stop*); a rule
    *review* that was not raised becomes *ok* when P(warn) < ``lower`` (sixth round, twelve authors; 0 or absent = never).
    A rule *stop* is never changed. The training script's evaluation applies the same decision
    (``ncombine``), and the thresholds are chosen on the training side only.
    """
    if risk == "review" and p_stop >= thresholds["stop"]:
        return "stop"
    if risk == "ok" and (p_warn >= thresholds["warn"] or p_stop >= thresholds["stop"]):
        return "review"
    if risk == "review" and p_warn < thresholds.get("lower", 0.0):
        return "ok"
    return risk


def assess(
    text: str, findings: list[Finding], risk: str, probs: dict[str, float] | None = None
) -> Finding | None:
    """A finding that raises the rules' risk, or None when the model does not raise it (see :func:`lower`).
    ``probs``: :func:`probabilities` already worked out for this post (``check()`` computes them once)."""
    if risk == "stop" or not text.strip():
        return None
    m = model()
    probs = probs or probabilities(text, findings, risk)
    severity = decide(risk, probs["stop"], probs["warn"], m["thresholds"])
    if RISKS.index(severity) <= RISKS.index(risk):
        return None
    start, end = _span(text, findings, m["stop"]["weights"])
    return Finding(
        category="case-detail",
        start=start,
        end=end,
        text=text[start:end],
        severity=severity,
        message=MESSAGE,
        topics=["confidentiality-in-posts"],
        suggestion=SUGGESTION,
        clauses=list(CLAUSES),
        rule="learned",
        why=(
            "a learned model that reads the whole post (trained on labelled example posts) rates it as "
            + ("likely to identify someone" if severity == "stop" else "worth a second look")
            + "; the highlighted word is one detail that could point to them"
        ),
    )


LOWERED_WHY = (
    "; shown for information only: a learned model that reads the whole post (trained on labelled example "
    "posts) rates it as unlikely to be about a particular person, so the post is rated ok - check this "
    "detail yourself before you post"
)


# Lowering is about whether a post talks about a particular person: only findings of that kind may be turned
# into notes. The author's own safety, their own contact details, boundaries, workplace criticism and
# derogatory remarks are warnings in their own right and are never lowered.
LOWERABLE = frozenset({"case-detail", "age", "place", "institution", "name", "special-category"})


def lowerable(findings: list[Finding]) -> bool:
    """Whether the model may lower this post's rule *review*: every warning is about identifying someone
    (``LOWERABLE``) and nothing in the post is about the author's own safety."""
    return all(
        f.category in LOWERABLE for f in findings if f.severity in ("review", "stop")
    ) and not any(f.category == "own-safety" or (f.why or "").startswith("your own") for f in findings)


def lower(
    text: str, findings: list[Finding], risk: str, probs: dict[str, float] | None = None
) -> list[Finding] | None:
    """The findings to show when the model lowers a rule *review* to *ok*, or None when it does not.

    A lowered post keeps every rule finding, so the worker still sees what the rules noticed, but each
    *review* finding becomes *info* (a note, not a warning) and its ``why`` says that a learned model rated
    the whole post as general and that the worker should check the detail. A post with nothing at *review*
    any more is rated *ok* by the ordinary rule (the highest severity), so the result is consistent: no
    warning is shown for an ok post, and nothing is hidden. *Info* findings are not redacted.

    Meant to be called by ``check()`` after :func:`assess` returned None for a rule *review* (the caller
    replaces its findings and sets the risk to ok). It only acts when the model file holds a
    ``lower`` threshold.
    """
    t = model()["thresholds"]
    if risk != "review" or not t.get("lower") or not text.strip() or not lowerable(findings):
        return None
    probs = probs or probabilities(text, findings, risk)
    if decide(risk, probs["stop"], probs["warn"], t) != "ok":
        return None
    return [
        dataclasses.replace(f, severity="info", why=(f.why or "a rule found this") + LOWERED_WHY)
        if f.severity == "review"
        else f
        for f in findings
    ]


def _span(text: str, findings: list[Finding], weights: dict[str, float]) -> tuple[int, int]:
    """A detail to point at: the cue word that weighs most towards *stop* outside the other findings.

    The model judges the whole post, but a finding needs a span, and a whole-post span would hide the
    other findings' highlights on the web page. Cue words are the kinds of detail the message names:
    words not in the common-English list (nicknames, places), capitalised words in mid-sentence, numbers
    and person words. With no cue word left, the whole post (without surrounding white space) is used.
    """
    taken = [(f.start, f.end) for f in findings]
    best, best_w = None, -1e9
    for m in TOKEN_RE.finditer(text):
        a, b = m.span()
        tok = m.group(0)
        if any(a < e and s < b for s, e in taken):
            continue
        w = tok.lower().replace("’", "'")
        base = _base(w)
        common = common_word(w)
        mid_cap = (
            tok[0].isupper()
            and not tok.isupper()
            and not SENT_END_RE.search(text[max(0, a - 3) : a])
            and a > 0
        )
        if not (not common or mid_cap or w.isdigit() or base in PERSON_WORDS) or len(tok) < 2:
            continue
        score = weights.get("w:" + vocab_word(w), 0.0) + (0.0 if common else 1.0) + (0.5 if mid_cap else 0.0)
        if not common:
            g = "^" + base + "$"
            score += sum(weights.get("c:" + g[k : k + 3], 0.0) for k in range(len(g) - 2))
        if score > best_w:
            best, best_w = (a, b), score
    if best is not None:
        return best
    return len(text) - len(text.lstrip()), len(text.rstrip())
