"""Train the learned component of the checker offline (never at run time, never by the tests).

Run by hand with an environment that has numpy and scikit-learn (the project's own .venv does not need
them):

    /work/venvs/embed/bin/python scripts/train_checker_model.py words      # data/common_words.txt
    /work/venvs/embed/bin/python scripts/train_checker_model.py evaluate   # leave one author out (~1 min)
    /work/venvs/embed/bin/python scripts/train_checker_model.py evaluate --variants  # + decision variants
    /work/venvs/embed/bin/python scripts/train_checker_model.py train      # data/learned_model.json
    /work/venvs/embed/bin/python scripts/train_checker_model.py fingerprint  # record the rules' output only
    /work/venvs/embed/bin/python scripts/train_checker_model.py spans-evaluate  # span tagger, leave one author out
    /work/venvs/embed/bin/python scripts/train_checker_model.py spans      # data/span_model.json (tagger.py)

``words`` builds the common-English word list the shape features use: the lower-case words of the
system dictionary (/usr/share/dict/british-english), stored as a 2^20-bit set with two hashes per word
(about 1 % false positives), compressed and base64-encoded.

``evaluate`` is the honest measure; leave one author out is the main report (seventeen dev sets). Each of the
fifteen authors (``AUTHORS``: A = own-dev, own-dev2, own-dev3 and shared dev; B to O = own-dev4 to own-dev17) is
held out in turn; the model and its thresholds are fitted on the other authors only (thresholds from 5-fold
out-of-fold probabilities on that training side, never on the scored side). It prints per author and pooled
stop recall, warn recall, ok false alarms, risk accuracy and gold stop posts rated ok, for the rules alone and
rules + learned. ``--variants`` adds the decision variants (threshold allowances, lowering a rule review,
the forbidden ok -> stop jump for information), regularisation and feature groups, with a count of the
authors on which each beats or loses to the shipped recipe; ``--meaning`` adds the meaning features and
``--pairs`` the older fixed splits (train on some authors, score on one).

``train`` fits the shipped model on all the dev sets (own-dev to own-dev17 and shared dev),
chooses the thresholds from out-of-fold probabilities the same way (``SHIPPED_DECISION``), writes
``learned_model.json`` and checks that the run-time code reproduces the fitted models' probabilities.

Sixth round: the decision evaluated and used to choose thresholds is the shipped one (one level at most);
``evaluate --pairs`` also prints threshold-free AUCs where the model can act, and the variants with "meaning" add the post's mean content-word vector
(ep_search's static vectors), which ``train --groups w,b,c,s,r,d`` folds into ``data/learned_pieces.txt``
(one number per WordPiece piece and model; the run time reads no vector). ``EP_TRAIN_SEED`` sets the seed of
the folds.

``spans`` (seventh round) fits the span tagger (``ep_checker/tagger.py``): a word-level logistic model of
which words the dev sets' authors marked as identifying (``must_flag``) among the words no rule covers,
with the words they marked must-not-flag weighted ``SPAN_QUIET_WEIGHT`` times as negatives. Its features read
the rules' output, so run ``spans`` after ``train`` whenever the rules change. ``spans-evaluate`` holds each
author out in turn and reports must-flag recall, must-not-flag hits and notes on ok posts for the shipped
checker without and with the tagger at several thresholds.

The frozen test sets (eval/posts-own-test*.jsonl) are never read here. Output is deterministic.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
import zlib
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.checker_quality import overlapped, spans_of  # noqa: E402
from ep_checker import check, learned, tagger  # noqa: E402

SHARED = Path(os.environ.get("EP_SHARED_EVAL", "/work/shared/eval")) / "posts-dev.jsonl"
SETS = {
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
    # seventh round: held out until the round was measured on them, then added
    "own-dev13": ROOT / "eval" / "posts-own-dev13.jsonl",
    "own-dev14": ROOT / "eval" / "posts-own-dev14.jsonl",
    "own-dev15": ROOT / "eval" / "posts-own-dev15.jsonl",
    # eighth round: held out until the round was measured on them, then added
    "own-dev16": ROOT / "eval" / "posts-own-dev16.jsonl",
    "own-dev17": ROOT / "eval" / "posts-own-dev17.jsonl",
    "shared-dev": SHARED,
}
AUTHOR_A = ["own-dev", "own-dev2", "own-dev3", "shared-dev"]
AUTHOR_B = ["own-dev4", "shared-dev"]
GROUPS_ALL = ("w", "b", "c", "s", "r")
# "d": the post's mean content-word vector (sixth round), folded into one number per piece on export
GROUPS_DENSE = (*GROUPS_ALL, "d")
# fifth round: with dev4 and dev5 in the sets, stacking on the rules' findings generalised better than text only
# on all three cross-author splits (docs/checker.md, "Fifth round"); retrain after every rule change
# sixth round: the meaning features (GROUPS_DENSE) ranked better across authors but failed the bar set before
# the new authors were scored (one stop post fewer, one false alarm more on own-dev7), so they are not shipped
SHIPPED_GROUPS = GROUPS_ALL
FA_EXTRA = 0.01  # extra ok false alarms over the rules' own allowed on the training side
# sixth round, twelve authors: raise as before, then lower a rule review to ok when P(warn) is below the highest threshold
# losing at most 1 point of warn recall on the training side (docs/checker.md, "Sixth round: the decision over
# twelve authors"); learned.decide applies it
SHIPPED_DECISION = "raise+lower"
C = 0.1
PROTOS = ("derogatory", "boundary", "own-safety", "special-category", "workplace")
ALPHA = 0.3  # scale of the standardised dense features against the binary ones (same regularisation)
MIN_DF = 2
DICT = Path("/usr/share/dict/british-english")


# ---------------------------------------------------------------- data


_VECS: dict[str, np.ndarray] = {}
WITH_VECTORS = True  # set False when no variant reads the mean word vector (groups "d", "p"): loads faster


def piece_vectors() -> dict[str, np.ndarray]:
    """The static word vectors ep_search ships (distilled from MiniLM), for the pieces the checker reads."""
    if not _VECS:
        from ep_search.static import StaticEmbedder

        emb = StaticEmbedder.load()
        assert emb is not None, "ep_search/data/static-vectors.bin is missing"
        vals = np.frombuffer(emb._values.tobytes(), dtype=np.int8).reshape(-1, emb.dim).astype(np.float64)
        scales = np.frombuffer(emb._scales.tobytes(), dtype=np.float32).astype(np.float64)
        for tok, i in emb.vocab.items():
            if learned.PIECE_RE.fullmatch(tok):
                _VECS[tok] = vals[i] * scales[i]
    return _VECS


def word_vectors(text: str) -> np.ndarray | None:
    """One row per content word: the mean of its pieces' vectors (as learned.meaning reads them)."""
    vecs = piece_vectors()
    rows = []
    for m in learned.TOKEN_RE.finditer(text):
        word = m.group(0).lower()
        ps = learned.pieces_of(word, vecs) if learned.meaning_word(word) else []
        if ps:
            rows.append(np.mean([vecs[p] for p in ps], axis=0))
    return np.array(rows) if rows else None


def load(name: str) -> list[dict]:
    path = SETS[name]
    assert "test" not in path.name, "the frozen test sets are never read"
    with open(path, encoding="utf-8") as fh:
        posts = [json.loads(x) for x in fh if x.strip()]
    for p in posts:
        r = check(p["text"], learned=False)
        p["rule_risk"] = r.risk
        p["lowerable"] = learned.lowerable(r.findings)
        p["span_post"] = tagger.post_keys(r.findings, r.risk)
        p["span_rows"] = span_rows(p, r.findings)
        p["feats"] = learned.features(p["text"], r.findings, r.risk)
        p["words"] = word_vectors(p["text"]) if WITH_VECTORS else None
        p["dense"] = None if p["words"] is None else p["words"].mean(axis=0)
    return posts


def keep(feats: set[str], groups: tuple[str, ...]) -> set[str]:
    return {f for f in feats if f == "bias" or f.split(":", 1)[0] in groups}


class Model:
    """Logistic regression over a post's binary features (and, with group "d", its mean word vector).

    ``posts`` are dicts with "feats" (a set of feature names) and "dense" (a vector or None)."""

    def __init__(self, groups: tuple[str, ...], c: float | None = None) -> None:
        self.groups = groups
        self.c = C if c is None else c
        self.dense = "d" in groups
        self.protos = "p" in groups

    def fit(self, posts: list[dict], y: np.ndarray) -> Model:
        df: dict[str, int] = {}
        for p in posts:
            for f in keep(p["feats"], self.groups):
                df[f] = df.get(f, 0) + 1
        self.vocab = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= MIN_DF))}
        if self.dense:
            d = np.array([p["dense"] for p in posts if p["dense"] is not None])
            self.mu, self.sd = d.mean(axis=0), d.std(axis=0) + 1e-6
        if self.protos:
            # a direction per category: mean vector of the training posts with it minus that of the others
            dirs = []
            for k in PROTOS:
                a = [p["dense"] for p in posts if p["dense"] is not None and k in p.get("categories", [])]
                b = [p["dense"] for p in posts if p["dense"] is not None and k not in p.get("categories", [])]
                u = np.mean(a, axis=0) - np.mean(b, axis=0)
                dirs.append(u / np.linalg.norm(u))
            self.dirs = np.array(dirs)
            q = np.array([self._proto(p) for p in posts])
            self.qmu, self.qsd = q.mean(axis=0), q.std(axis=0) + 1e-6
        x = self._matrix(posts)
        self.lr = LogisticRegression(C=self.c, max_iter=5000, class_weight="balanced", solver="liblinear")
        self.lr.fit(x, y)
        return self

    def _matrix(self, posts: list[dict]) -> sparse.csr_matrix:
        rows, cols = [], []
        for i, p in enumerate(posts):
            for f in keep(p["feats"], self.groups):
                j = self.vocab.get(f)
                if j is not None:
                    rows.append(i)
                    cols.append(j)
        data = np.ones(len(rows))
        x = sparse.csr_matrix((data, (rows, cols)), shape=(len(posts), len(self.vocab)))
        parts = [x]
        if self.dense:
            zero = np.zeros_like(self.mu)
            d = np.array([zero if p["dense"] is None else (p["dense"] - self.mu) / self.sd for p in posts])
            parts.append(sparse.csr_matrix(ALPHA * d))
        if self.protos:
            q = np.array([(self._proto(p) - self.qmu) / self.qsd for p in posts])
            parts.append(sparse.csr_matrix(ALPHA * q))
        return sparse.hstack(parts).tocsr() if len(parts) > 1 else x

    def _proto(self, p: dict) -> np.ndarray:
        """Per category direction: the largest projection of a content word of the post (0 with none)."""
        if p["words"] is None:
            return np.zeros(len(PROTOS))
        return (p["words"] @ self.dirs.T).max(axis=0)

    def predict(self, posts: list[dict]) -> np.ndarray:
        return self.lr.predict_proba(self._matrix(posts))[:, 1]

    def export(self) -> dict:
        w = self.lr.coef_[0]
        weights = {f: round(float(w[j]), 4) for f, j in self.vocab.items() if abs(w[j]) >= 1e-3}
        return {"bias": round(float(self.lr.intercept_[0]), 4), "weights": dict(sorted(weights.items()))}

    def folded(self) -> tuple[np.ndarray, float]:
        """The dense weights folded into the standardisation: z_dense = mean_words(v) . u - offset."""
        wd = self.lr.coef_[0][len(self.vocab) :]
        u = ALPHA * wd / self.sd
        return u, float(u @ self.mu)


def labels(posts: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    stop = np.array([p["risk"] == "stop" for p in posts], dtype=int)
    warn = np.array([p["risk"] != "ok" for p in posts], dtype=int)
    return stop, warn


def oof(posts: list[dict], groups: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold P(stop), P(warn) on the training posts (5 folds, fixed seed)."""
    ys, yw = labels(posts)
    ps, pw = np.zeros(len(posts)), np.zeros(len(posts))
    strata = np.array([{"ok": 0, "review": 1, "stop": 2}[p["risk"]] for p in posts])
    for tr, te in StratifiedKFold(
        5, shuffle=True, random_state=int(os.environ.get("EP_TRAIN_SEED", "0"))
    ).split(strata, strata):
        ftr = [posts[i] for i in tr]
        fte = [posts[i] for i in te]
        ps[te] = Model(groups).fit(ftr, ys[tr]).predict(fte)
        pw[te] = Model(groups).fit(ftr, yw[tr]).predict(fte)
    return ps, pw


# ---------------------------------------------------------------- decisions and scores


def combine(rule: list[str], ps: np.ndarray, pw: np.ndarray, t1: float, t2: float) -> list[str]:
    """The shipped decision (learned.assess): one level at most - a rule *review* becomes *stop* when
    P(stop) >= t1, a rule *ok* becomes *review* when P(warn) >= t2 or P(stop) >= t1. (Until the sixth round
    this let an *ok* jump to *stop*, which assess never does, so the thresholds and the cross-author
    figures were for a different decision from the shipped one.)"""
    out = []
    for r, s, w in zip(rule, ps, pw, strict=True):
        if r == "review" and s >= t1:
            r = "stop"
        elif r == "ok" and (w >= t2 or s >= t1):
            r = "review"
        out.append(r)
    return out


def lower(risk: list[str], rule: list[str], pw: np.ndarray, t3: float) -> list[str]:
    """Experiment only (not shipped): a rule's review (never a stop) becomes ok when P(warn) < t3."""
    return [
        "ok" if r == "review" and rr == "review" and w < t3 else r
        for r, rr, w in zip(risk, rule, pw, strict=True)
    ]


def choose_lower(gold: list[str], rule: list[str], pw: np.ndarray) -> float:
    """The highest t3 losing at most 1 % warn recall on the training side."""
    base = score(gold, rule)["warn_recall"]
    best = 0.0
    for t3 in [x / 100 for x in range(1, 60)]:
        if score(gold, lower(rule, rule, pw, t3))["warn_recall"] >= base - 0.01:
            best = t3
    return best


def alone(ps: np.ndarray, pw: np.ndarray, t1: float, t2: float) -> list[str]:
    return ["stop" if s >= t1 else "review" if w >= t2 else "ok" for s, w in zip(ps, pw, strict=True)]


def score(gold: list[str], got: list[str]) -> dict:
    n_stop = sum(g == "stop" for g in gold)
    n_warn = sum(g != "ok" for g in gold)
    n_ok = sum(g == "ok" for g in gold)
    return {
        "stop_recall": sum(g == "stop" and r == "stop" for g, r in zip(gold, got, strict=True))
        / max(1, n_stop),
        "warn_recall": sum(g != "ok" and r != "ok" for g, r in zip(gold, got, strict=True)) / max(1, n_warn),
        "ok_fa": sum(g == "ok" and r != "ok" for g, r in zip(gold, got, strict=True)) / max(1, n_ok),
        "acc": sum(g == r for g, r in zip(gold, got, strict=True)) / max(1, len(gold)),
        "n": (n_stop, n_warn, n_ok),
    }


GRID = [round(x, 2) for x in np.arange(0.10, 0.991, 0.02)]


def choose_combined(gold: list[str], rule: list[str], ps: np.ndarray, pw: np.ndarray) -> tuple[float, float]:
    """Thresholds maximising stop recall, then warn recall, adding at most FA_EXTRA ok false alarms."""
    best: tuple = ()
    budget = score(gold, rule)["ok_fa"] + FA_EXTRA + 1e-9
    for t1 in GRID:
        for t2 in GRID:
            s = score(gold, combine(rule, ps, pw, t1, t2))
            if s["ok_fa"] > budget:
                continue
            key = (round(s["stop_recall"], 6), round(s["warn_recall"], 6), round(s["acc"], 6), -t1, -t2)
            if not best or key > best[0]:
                best = (key, t1, t2)
    if not best:
        return 1.01, 1.01
    return best[1], best[2]


def choose_alone(gold: list[str], ps: np.ndarray, pw: np.ndarray) -> tuple[float, float]:
    best: tuple = ()
    for t1 in GRID:
        for t2 in GRID:
            s = score(gold, alone(ps, pw, t1, t2))
            key = (round(s["acc"], 6), -abs(t1 - 0.5), -abs(t2 - 0.5))
            if not best or key > best[0]:
                best = (key, t1, t2)
    return best[1], best[2]


def auc(pos: list[float], neg: list[float]) -> float:
    """P(a random positive scores above a random negative), ties half."""
    if not pos or not neg:
        return float("nan")
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def auc_line(gold: list[str], rule: list[str], ps: np.ndarray, pw: np.ndarray) -> str:
    """Threshold-free: AUC of P(stop) for gold stop among the posts the rules rate review (where the model can
    raise to stop), and of P(warn) for gold review/stop among the posts the rules rate ok."""
    rv = [(g, s) for g, r, s in zip(gold, rule, ps, strict=True) if r == "review"]
    ok = [(g, w) for g, r, w in zip(gold, rule, pw, strict=True) if r == "ok"]
    a1 = auc([s for g, s in rv if g == "stop"], [s for g, s in rv if g != "stop"])
    a2 = auc([w for g, w in ok if g != "ok"], [w for g, w in ok if g == "ok"])
    n1 = sum(g == "stop" for g, _ in rv)
    n2 = sum(g != "ok" for g, _ in ok)
    return f"AUC stop|rule review {a1:.3f} ({n1}/{len(rv)})  AUC warn|rule ok {a2:.3f} ({n2}/{len(ok)})"


def fmt(s: dict) -> str:
    return (
        f"stop recall {s['stop_recall']:.3f}  warn recall {s['warn_recall']:.3f}  "
        f"ok FA {s['ok_fa']:.3f}  risk acc {s['acc']:.3f}"
    )


def split(train_names: list[str], test_names: list[str], cache: dict, variants: dict) -> None:
    train = [p for n in train_names for p in cache[n]]
    test = [p for n in test_names for p in cache[n]]
    gold_tr = [p["risk"] for p in train]
    gold_te = [p["risk"] for p in test]
    rule_tr = [p["rule_risk"] for p in train]
    rule_te = [p["rule_risk"] for p in test]
    ys, yw = labels(train)
    print(f"\n## train {'+'.join(train_names)} ({len(train)}) -> score {'+'.join(test_names)} ({len(test)})")
    print(f"rules alone            {fmt(score(gold_te, rule_te))}")
    for name, groups in variants.items():
        ps_tr, pw_tr = oof(train, groups)
        ftr, fte = train, test
        ps = Model(groups).fit(ftr, ys).predict(fte)
        pw = Model(groups).fit(ftr, yw).predict(fte)
        print(f"    ranking where it can act [{name}]: {auc_line(gold_te, rule_te, ps, pw)}")
        a1, a2 = choose_alone(gold_tr, ps_tr, pw_tr)
        print(f"model alone [{name}] t=({a1},{a2})  {fmt(score(gold_te, alone(ps, pw, a1, a2)))}")
        t1, t2 = choose_combined(gold_tr, rule_tr, ps_tr, pw_tr)
        print(
            f"rules+model [{name}] t=({t1},{t2})  {fmt(score(gold_te, combine(rule_te, ps, pw, t1, t2)))}"
            f"   (train OOF: {fmt(score(gold_tr, combine(rule_tr, ps_tr, pw_tr, t1, t2)))})"
        )
        t3 = choose_lower(gold_tr, rule_tr, pw_tr)
        lowered = lower(combine(rule_te, ps, pw, t1, t2), rule_te, pw, t3)
        print(f"    + lowering a rule's review to ok when P(warn) < {t3}: {fmt(score(gold_te, lowered))}")
        for t1x in (0.5, 0.7, 0.9):
            s = score(gold_te, combine(rule_te, ps, pw, t1x, 1.01))
            print(f"    (for reference only, stop-raise at {t1x}: {fmt(s)})")


# ---------------------------------------------------------------- leave one author out (sixth round, twelve authors)
#
# The main cross-author report: each author's sets held out in turn, the model and its thresholds fitted on
# all the other authors (thresholds from 5-fold out-of-fold probabilities on the training side only), the
# held-out author scored once. "Pooled" adds up the held-out posts of every fold (each post scored once, by a
# model that never saw its author). Risks are coded 0 = ok, 1 = review, 2 = stop and the decisions are
# vectorised, so a full run of the shipped recipe takes about a minute on the shared 2-core machine.

AUTHORS = {
    "A": ["own-dev", "own-dev2", "own-dev3", "shared-dev"],
    "B": ["own-dev4"],
    "C": ["own-dev5"],
    "D": ["own-dev6"],
    "E": ["own-dev7"],
    "F": ["own-dev8"],
    "G": ["own-dev9"],
    "H": ["own-dev10"],
    "I": ["own-dev11"],
    "J": ["own-dev12"],
    "K": ["own-dev13"],
    "L": ["own-dev14"],
    "M": ["own-dev15"],
    "N": ["own-dev16"],
    "O": ["own-dev17"],
}
CODE = {"ok": 0, "review": 1, "stop": 2}


def codes(risks: list[str]) -> np.ndarray:
    return np.array([CODE[r] for r in risks], dtype=np.int8)


def nscore(g: np.ndarray, r: np.ndarray) -> dict:
    """``score`` on coded risks; also keeps the counts, so that folds can be pooled."""
    s_stop, s_warn, s_ok = g == 2, g > 0, g == 0
    c = {
        "stop_hit": int((s_stop & (r == 2)).sum()),
        "warn_hit": int((s_warn & (r > 0)).sum()),
        "fa": int((s_ok & (r > 0)).sum()),
        "right": int((g == r).sum()),
        "stop_as_ok": int((s_stop & (r == 0)).sum()),
        "n_stop": int(s_stop.sum()),
        "n_warn": int(s_warn.sum()),
        "n_ok": int(s_ok.sum()),
        "n": len(g),
    }
    return rates(c)


def rates(c: dict) -> dict:
    return {
        **c,
        "stop_recall": c["stop_hit"] / max(1, c["n_stop"]),
        "warn_recall": c["warn_hit"] / max(1, c["n_warn"]),
        "ok_fa": c["fa"] / max(1, c["n_ok"]),
        "acc": c["right"] / max(1, c["n"]),
    }


def pool(scores: list[dict]) -> dict:
    keys = ("stop_hit", "warn_hit", "fa", "right", "stop_as_ok", "n_stop", "n_warn", "n_ok", "n")
    return rates({k: sum(s[k] for s in scores) for k in keys})


def ncombine(
    rule: np.ndarray, ps: np.ndarray, pw: np.ndarray, t: dict, low: np.ndarray | None = None
) -> np.ndarray:
    """The decision on coded risks. ``t`` holds the thresholds: "stop" and "warn" (the shipped one-level
    raise, as ``combine``), "lower" (a rule *review* not raised to stop becomes *ok* when P(warn) < it; 0 =
    never) and "jump" (experiment only, not shipped: a rule *ok* becomes *stop* when P(stop) >= it). ``low``
    marks the posts whose rule review may be lowered at all (``learned.lowerable``; None = all)."""
    out = rule.copy()
    t1, t2 = t["stop"], t["warn"]
    out[(rule == 1) & (ps >= t1)] = 2
    out[(rule == 0) & ((pw >= t2) | (ps >= t1))] = 1
    if t.get("lower", 0.0) > 0:
        may = (rule == 1) & (out == 1) & (pw < t["lower"])
        out[may if low is None else may & low] = 0
    if t.get("jump", 1.01) <= 1.0:
        out[(rule == 0) & (ps >= t["jump"])] = 2
    return out


LOWER_GRID = [round(x, 2) for x in np.arange(0.02, 0.51, 0.02)]


def nchoose(
    g: np.ndarray, rule: np.ndarray, ps: np.ndarray, pw: np.ndarray, how: str, fa_extra: float,
    low: np.ndarray | None = None,
) -> dict:
    """Thresholds from the training side's out-of-fold probabilities.

    "raise": the shipped choice (``choose_combined``): most stop recall, then warn recall, then accuracy,
    with ok false alarms at most the rules' own + ``fa_extra``.
    "raise+lower": the same, then the highest "lower" threshold losing at most 1 point of warn recall
    (the round-4 experiment, ``choose_lower``).
    "joint": raise and lower chosen together, most stop recall, then warn recall, then accuracy, with ok
    false alarms at most the rules' own + ``fa_extra`` (lowering buys room for raising).
    "raise+jump": the shipped choice, then the lowest "jump" threshold at which at least 90 % of the rule-ok
    training posts it would turn into stop are gold stop (information only).
    """
    base = nscore(g, rule)
    budget = base["ok_fa"] + fa_extra + 1e-9
    lows = [0.0, *LOWER_GRID] if how == "joint" else [0.0]
    best: tuple = ()
    for t3 in lows:
        for t1 in GRID:
            for t2 in GRID:
                t = {"stop": t1, "warn": t2, "lower": t3}
                s = nscore(g, ncombine(rule, ps, pw, t, low))
                if s["ok_fa"] > budget:
                    continue
                key = (s["stop_hit"], s["warn_hit"], s["right"], -t3, -t1, -t2)
                if not best or key > best[0]:
                    best = (key, t)
    t = {k: float(v) for k, v in best[1].items()} if best else {"stop": 1.01, "warn": 1.01, "lower": 0.0}
    if how.startswith("raise+lower"):
        # "raise+lower" caps the lowering threshold at 0.5 (lower only when the model rates the post more
        # likely ok than not); "raise+lower<=0.3" etc. set a lower cap (sensitivity check)
        cap = float(how.split("<=")[1]) if "<=" in how else LOWER_GRID[-1]
        floor = nscore(g, ncombine(rule, ps, pw, t, low))["warn_recall"] - 0.01
        for t3 in [x for x in LOWER_GRID if x <= cap + 1e-9]:
            if nscore(g, ncombine(rule, ps, pw, {**t, "lower": t3}, low))["warn_recall"] >= floor:
                t["lower"] = float(t3)
    if how == "raise+jump":
        t["jump"] = 1.01
        okp = rule == 0
        for t4 in sorted(GRID, reverse=True):
            sel = okp & (ps >= t4)
            if sel.sum() and (g[sel] == 2).mean() >= 0.9:
                t["jump"] = t4
            elif sel.sum():
                break
    return t


def fold_probs(train: list[dict], test: list[dict], groups: tuple[str, ...], c: float) -> tuple:
    """Out-of-fold probabilities on the training side and the held-out probabilities (same C, groups)."""
    global C
    keep_c, C = C, c
    try:
        ys, yw = labels(train)
        ps_tr, pw_tr = oof(train, groups)
        ps = Model(groups).fit(train, ys).predict(test)
        pw = Model(groups).fit(train, yw).predict(test)
    finally:
        C = keep_c
    return ps_tr, pw_tr, ps, pw


# (name, model groups, C, threshold choice, false-alarm allowance); the first is the shipped recipe
Variant = tuple[str, tuple[str, ...], float, str, float]
LOAO_MAIN: list[Variant] = [
    (
        "shipped: stacked, C 0.1, raise one level + lower review->ok (lose <=1pt warn), FA +0.01",
        GROUPS_ALL,
        0.1,
        "raise+lower",
        0.01,
    ),
]
LOAO_VARIANTS: list[Variant] = [
    ("sixth round's decision: raise one level only, FA +0.01", GROUPS_ALL, 0.1, "raise", 0.01),
    ("(b) FA allowance 0 (train-side FA <= rules')", GROUPS_ALL, 0.1, "raise", 0.0),
    ("(b) FA allowance 0.02", GROUPS_ALL, 0.1, "raise", 0.02),
    ("(a) raise + lower review->ok (lose <=1pt warn), FA 0", GROUPS_ALL, 0.1, "raise+lower", 0.0),
    ("(a) lowering threshold capped at 0.3", GROUPS_ALL, 0.1, "raise+lower<=0.3", 0.01),
    ("(a) lowering threshold capped at 0.2", GROUPS_ALL, 0.1, "raise+lower<=0.2", 0.01),
    ("(a+b) raise and lower chosen jointly, FA 0", GROUPS_ALL, 0.1, "joint", 0.0),
    ("(a+b) raise and lower chosen jointly, FA +0.01", GROUPS_ALL, 0.1, "joint", 0.01),
    ("(c) C 0.03", GROUPS_ALL, 0.03, "raise", 0.01),
    ("(c) C 0.3", GROUPS_ALL, 0.3, "raise", 0.01),
    ("(c) C 1.0", GROUPS_ALL, 1.0, "raise", 0.01),
    ("(c) no word pairs (w,c,s,r)", ("w", "c", "s", "r"), 0.1, "raise", 0.01),
    ("(c) no letter pieces (w,b,s,r)", ("w", "b", "s", "r"), 0.1, "raise", 0.01),
    ("(c) text only (w,b,c,s)", ("w", "b", "c", "s"), 0.1, "raise", 0.01),
    ("(c) shape + pieces + rules (s,c,r)", ("s", "c", "r"), 0.1, "raise", 0.01),
    ("(d) info only: + ok->stop when P(stop) very high", GROUPS_ALL, 0.1, "raise+jump", 0.01),
]
LOAO_DENSE: list[Variant] = [("(c) + meaning (w,b,c,s,r,d)", GROUPS_DENSE, 0.1, "raise", 0.01)]


def fmt_counts(s: dict) -> str:
    return (
        f"{s['stop_recall']:.3f} ({s['stop_hit']}/{s['n_stop']})  {s['warn_recall']:.3f}  "
        f"{s['ok_fa']:.3f} ({s['fa']}/{s['n_ok']})  {s['acc']:.3f}  {s['stop_as_ok']:3d}"
    )


def cmd_loao(variants: list[tuple], seeds: list[int] | None = None) -> None:
    """Leave one author out: per author and pooled, rules only and rules + learned for each variant."""
    cache = {n: load(n) for n in SETS}
    rows: dict[str, dict[str, dict]] = {"rules only": {}}
    ts: dict[str, dict[str, dict]] = {}
    probs: dict[tuple, tuple] = {}
    for author, sets in AUTHORS.items():
        train = [p for a, ss in AUTHORS.items() if a != author for n in ss for p in cache[n]]
        test = [p for n in sets for p in cache[n]]
        g_tr, r_tr = codes([p["risk"] for p in train]), codes([p["rule_risk"] for p in train])
        g_te, r_te = codes([p["risk"] for p in test]), codes([p["rule_risk"] for p in test])
        low_tr, low_te = np.array([p["lowerable"] for p in train]), np.array([p["lowerable"] for p in test])
        rows["rules only"][author] = nscore(g_te, r_te)
        for name, groups, c, how, extra in variants:
            key = (author, groups, c)
            if key not in probs:
                probs[key] = fold_probs(train, test, groups, c)
            ps_tr, pw_tr, ps, pw = probs[key]
            t = nchoose(g_tr, r_tr, ps_tr, pw_tr, how, extra, low_tr)
            rows.setdefault(name, {})[author] = nscore(g_te, ncombine(r_te, ps, pw, t, low_te))
            ts.setdefault(name, {})[author] = t
        print(f"  ... author {author} done", file=sys.stderr, flush=True)
    head = "stop recall (n)  warn recall  ok FA (n)  risk acc  stop posts rated ok"
    print(f"\n# Leave one author out ({sum(len(v) for v in cache.values())} posts, {len(AUTHORS)} authors)")
    print("Each author held out in turn; model and thresholds fitted on the other authors only.")
    for name, per in rows.items():
        print(f"\n## {name}\n{'author':8}{head}")
        for author, s in per.items():
            tx = ts.get(name, {}).get(author)
            tt = "" if tx is None else "  t=" + "/".join(f"{v:g}" for v in tx.values())
            print(f"{author:8}{fmt_counts(s)}{tt}  [{'+'.join(AUTHORS[author])}]")
        others = [per[a] for a in AUTHORS if a != "A"]
        print(f"pooled  {fmt_counts(pool(list(per.values())))}")
        new = [a for a in AUTHORS if a != "A"]
        print(f"pooled {new[0]}-{new[-1]} (new authors only)  {fmt_counts(pool(others))}")
    ship = rows.get(variants[0][0]) if variants else None
    if ship:
        print("\n# Against the shipped recipe, author by author (stop posts, false alarms, right risks)")
        print(
            "variant: better / worse on stop hits; fewer / more false alarms; better / worse on right risks"
        )
        for name, per in rows.items():
            if name in ("rules only", variants[0][0]):
                continue
            d = [
                (
                    per[a]["stop_hit"] - ship[a]["stop_hit"],
                    per[a]["fa"] - ship[a]["fa"],
                    per[a]["right"] - ship[a]["right"],
                )
                for a in AUTHORS
            ]
            sp = sum(x[0] > 0 for x in d), sum(x[0] < 0 for x in d)
            fa = sum(x[1] < 0 for x in d), sum(x[1] > 0 for x in d)
            ac = sum(x[2] > 0 for x in d), sum(x[2] < 0 for x in d)
            tot = [sum(x[i] for x in d) for i in range(3)]
            print(
                f"{name}\n    stop {sp[0]}/{sp[1]} ({tot[0]:+d})  FA {fa[0]}/{fa[1]} ({tot[1]:+d})  "
                f"right {ac[0]}/{ac[1]} ({tot[2]:+d})"
            )


VARIANTS = {
    "stacked: words+chars+shape+rules": GROUPS_ALL,
    "stacked + meaning: words+chars+shape+rules+mean vector": GROUPS_DENSE,
    "stacked, no bigrams: words+chars+shape+rules": ("w", "c", "s", "r"),
    "stacked, no chars: words+bigrams+shape+rules": ("w", "b", "s", "r"),
    "text only: words+bigrams+chars+shape": ("w", "b", "c", "s"),
    "text only + meaning: words+bigrams+chars+shape+mean vector": ("w", "b", "c", "s", "d"),
    "meaning + rules: mean vector+rules": ("r", "d"),
    "stacked + meaning + prototypes": (*GROUPS_ALL, "d", "p"),
    "stacked + prototypes": (*GROUPS_ALL, "p"),
    "shape+rules": ("s", "r", "c"),
}


def cmd_words() -> None:
    bits = bytearray(learned.WORD_BITS // 8)
    n = 0
    with open(DICT, encoding="utf-8") as fh:
        for line in fh:
            w = line.strip()
            if w.isascii() and w.isalpha() and w.islower():
                n += 1
                for h in learned.word_hashes(w):
                    bits[h >> 3] |= 1 << (h & 7)
    blob = base64.b64encode(zlib.compress(bytes(bits), 9)).decode("ascii")
    with open(learned.WORDS_PATH, "w", encoding="ascii") as fh:
        fh.write(
            f"# {n} lower-case words of {DICT.name}, 2^20-bit set, 2 hashes; built by {Path(__file__).name}\n"
        )
        for i in range(0, len(blob), 100):
            fh.write(blob[i : i + 100] + "\n")
    print(f"{n} words -> {learned.WORDS_PATH} ({learned.WORDS_PATH.stat().st_size} bytes)")


def cmd_evaluate(only: str | None, loao: bool = False) -> None:
    cache = {n: load(n) for n in SETS}
    variants = {k: v for k, v in VARIANTS.items() if not only or only in k}
    if loao:
        # leave one author out (sixth round): each independent author scored by a model trained on all the others
        authors = {"A": AUTHOR_A, "B": ["own-dev4"], "C": ["own-dev5"], "D": ["own-dev6"], "E": ["own-dev7"]}
        for name, sets in authors.items():
            if name == "A":
                continue
            rest = [s for k, v in authors.items() if k != name for s in v]
            split(rest, sets, cache, variants)
        return
    split(AUTHOR_A, ["own-dev4"], cache, variants)
    split(AUTHOR_B, ["own-dev2", "own-dev3"], cache, variants)
    # third author (own-dev5, fifth round): train on the first two authors, score on the third
    split([*AUTHOR_A, "own-dev4"], ["own-dev5"], cache, variants)
    # fourth and fifth authors (own-dev6, own-dev7, sixth round): train on the first three, score on each
    split([*AUTHOR_A, "own-dev4", "own-dev5"], ["own-dev6"], cache, variants)
    split([*AUTHOR_A, "own-dev4", "own-dev5"], ["own-dev7"], cache, variants)


def fingerprint_texts() -> list[str]:
    """The posts whose rule output the model file records (tests/checker/test_learned.py reads the same)."""
    texts: list[str] = []
    for path in sorted((ROOT / "eval").glob("posts-own-dev*.jsonl")):
        texts += [
            json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
    return texts


def write_model(out: dict, path: Path = learned.MODEL_PATH) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        fh.write("\n")


def cmd_fingerprint() -> None:
    """Record the rules' current output in the model file without retraining (only when the rules' output
    is known not to have changed since training, e.g. after a speed-only change)."""
    out = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))
    out["rules_fingerprint"] = learned.rules_fingerprint(fingerprint_texts())
    write_model(out)
    if tagger.MODEL_PATH.exists():  # the span tagger is stacked on the same rules
        spans = json.loads(tagger.MODEL_PATH.read_text(encoding="utf-8"))
        spans["rules_fingerprint"] = out["rules_fingerprint"]
        write_model(spans, tagger.MODEL_PATH)
    print(f"rules_fingerprint {out['rules_fingerprint'][:16]}...")


PIECE_SCALE = 10000


def write_pieces(m_stop: Model, m_warn: Model) -> dict:
    """data/learned_pieces.txt: each piece's folded stop and warn weights (integers / PIECE_SCALE)."""
    u_s, off_s = m_stop.folded()
    u_w, off_w = m_warn.folded()
    vecs = piece_vectors()
    with open(learned.PIECES_PATH, "w", encoding="utf-8") as fh:
        fh.write(
            "# WordPiece pieces -> folded weights of the learned model's mean-word-vector features (stop, warn);\n"
            f"# built by {Path(__file__).name} from ep_search's static vectors (see docs/checker.md)\n"
            f"# scale {PIECE_SCALE}\n"
        )
        for piece in sorted(vecs):
            v = vecs[piece]
            s, w = round(float(v @ u_s) * PIECE_SCALE), round(float(v @ u_w) * PIECE_SCALE)
            fh.write(f"{piece}\t{s}\t{w}\n")
    return {"stop_offset": round(off_s, 6), "warn_offset": round(off_w, 6), "pieces": len(vecs)}


def cmd_train(groups: tuple[str, ...]) -> None:
    cache = {n: load(n) for n in SETS}
    posts = [p for n in SETS for p in cache[n]]
    gold = [p["risk"] for p in posts]
    rule = [p["rule_risk"] for p in posts]
    ps_tr, pw_tr = oof(posts, groups)
    g, r = codes(gold), codes(rule)
    low = np.array([p["lowerable"] for p in posts])
    t = nchoose(g, r, ps_tr, pw_tr, SHIPPED_DECISION, FA_EXTRA, low)
    ys, yw = labels(posts)
    m_stop, m_warn = Model(groups).fit(posts, ys), Model(groups).fit(posts, yw)
    oof_score = {k: v for k, v in nscore(g, ncombine(r, ps_tr, pw_tr, t, low)).items() if "_" in k or k == "acc"}
    oof_raise = nscore(g, ncombine(r, ps_tr, pw_tr, {**t, "lower": 0.0}))
    out = {
        "about": "Learned component of ep_checker; built by scripts/train_checker_model.py (see docs/checker.md).",
        "trained_on": {n: len(cache[n]) for n in SETS},
        "groups": list(groups),
        "c": C,
        "fa_extra": FA_EXTRA,
        "decision": SHIPPED_DECISION,
        "thresholds": t,
        "oof_rules_alone": score(gold, rule),
        "oof": oof_score,
        "oof_raise_only": {k: v for k, v in oof_raise.items() if "_" in k or k == "acc"},
        "stop": m_stop.export(),
        "warn": m_warn.export(),
    }
    if "d" in groups:
        out["alpha"] = ALPHA
        out["dense"] = write_pieces(m_stop, m_warn)
    elif learned.PIECES_PATH.exists():
        learned.PIECES_PATH.unlink()
    out["rules_fingerprint"] = learned.rules_fingerprint(fingerprint_texts())
    write_model(out)
    print(f"thresholds {t}; OOF on all dev sets: {fmt(oof_score)}")
    print(f"  (raise only, without lowering: {fmt(oof_raise)}; rules alone: {fmt(score(gold, rule))})")
    print(f"{learned.MODEL_PATH} ({learned.MODEL_PATH.stat().st_size} bytes)")
    verify(posts, m_stop.predict(posts), m_warn.predict(posts))


def verify(posts: list[dict], ps: np.ndarray, pw: np.ndarray) -> None:
    """The shipped files, read by the run-time code, give the fitted models' probabilities (weights and
    folded piece values are rounded, so up to about 1e-3 apart)."""
    for f in (learned.model, learned._pieces, learned._word_meaning):
        f.cache_clear()
    worst = 0.0
    for p, a, b in zip(posts, ps, pw, strict=True):
        r = check(p["text"], learned=False)
        q = learned.probabilities(p["text"], r.findings, r.risk)
        worst = max(worst, abs(q["stop"] - a), abs(q["warn"] - b))
    print(f"run time against the fitted models: largest difference in probability {worst:.5f}")
    assert worst < 0.005, "the run-time model does not reproduce the fitted one"


# ---------------------------------------------------------------- the span tagger (seventh round)

SPAN_C = float(os.environ.get("EP_SPAN_C", "1.0"))
# chosen by leave one author out over ten authors (seventh round, docs/checker.md): with must-not-flag words
# weighted 30 times as negatives, 0.3 gained about three points of must-flag recall for one point of
# must-not-flag hits and notes on about one ok post in seventy; a plain model needed twice the hits for that
SPAN_THRESHOLD = 0.3
SPAN_QUIET_WEIGHT = float(os.environ.get("EP_SPAN_QW", "30"))
SPAN_THRESHOLDS = (0.2, 0.25, 0.3, 0.4, 0.5)
SPAN_MIN_WEIGHT = 0.005


def span_rows(p: dict, findings: list) -> list[tuple[int, int, list[str], int]]:
    """The tagger's candidate words in a post, with their features and label: 1 marked by the author as
    identifying, -1 marked as must-not-flag, 0 neither."""
    marked = [s for m in p.get("must_flag") or [] for s in spans_of(p["text"], m)]
    quiet = [s for m in p.get("must_not_flag") or [] for s in spans_of(p["text"], m)]
    return [
        (a, b, keys, 1 if any(x < b and a < y for x, y in marked) else -1 if any(x < b and a < y for x, y in quiet) else 0)
        for a, b, keys in tagger.candidates(p["text"], findings)
    ]


class SpanModel:
    """Word-level logistic regression over the tagger's features (its own keys plus the post's)."""

    def fit(self, posts: list[dict]) -> SpanModel:
        rows = [(keys + p["span_post"], y) for p in posts for _a, _b, keys, y in p["span_rows"]]
        self.vocab = {f: i for i, f in enumerate(sorted({k for keys, _ in rows for k in keys}))}
        x = self._matrix([keys for keys, _ in rows])
        self.lr = LogisticRegression(C=SPAN_C, max_iter=5000, solver="liblinear")
        # words an author marked must NOT be flagged (helplines, public figures) weigh more as negatives
        weight = np.array([SPAN_QUIET_WEIGHT if y < 0 else 1.0 for _, y in rows])
        self.lr.fit(x, np.array([y > 0 for _, y in rows], dtype=int), sample_weight=weight)
        return self

    def _matrix(self, key_lists: list[list[str]]) -> sparse.csr_matrix:
        r, c = [], []
        for i, keys in enumerate(key_lists):
            for k in set(keys):
                j = self.vocab.get(k)
                if j is not None:
                    r.append(i)
                    c.append(j)
        return sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=(len(key_lists), len(self.vocab)))

    def predict(self, p: dict) -> np.ndarray:
        if not p["span_rows"]:
            return np.zeros(0)
        return self.lr.predict_proba(self._matrix([keys + p["span_post"] for _a, _b, keys, _y in p["span_rows"]]))[:, 1]

    def export(self) -> dict:
        w = self.lr.coef_[0]
        weights = {f: round(float(w[j]), 4) for f, j in self.vocab.items() if abs(w[j]) >= SPAN_MIN_WEIGHT}
        return {"bias": round(float(self.lr.intercept_[0]), 4), "weights": weights}


def span_counts(p: dict, extra: list[tuple[int, int]], rule_spans: list[tuple[int, int]]) -> np.ndarray:
    """must-flag hits, must-flag total, must-not-flag hits, must-not-flag total, notes on ok posts, ok posts noted."""
    spans = rule_spans + extra
    s = np.zeros(6)
    for m in p.get("must_flag") or []:
        s[1] += 1
        s[0] += overlapped(spans_of(p["text"], m), spans)
    for m in p.get("must_not_flag") or []:
        s[3] += 1
        s[2] += overlapped(spans_of(p["text"], m), spans)
    if p["risk"] == "ok":
        s[4] += len(extra)
        s[5] += bool(extra)
    return s


def fmt_spans(s: np.ndarray) -> str:
    return (
        f"must-flag {s[0] / s[1]:.3f} ({int(s[0])}/{int(s[1])})  must-not-flag hit {s[2] / s[3]:.3f} "
        f"({int(s[2])}/{int(s[3])})  notes on ok posts {int(s[4])} (on {int(s[5])} posts)"
    )


def cmd_spans_evaluate() -> None:
    """Leave one author out for the span tagger: per author and pooled, the shipped checker without and with
    the tagger's notes at each threshold (the tagger fitted on the other authors only; the post-level learned
    model is the shipped one in both columns, so only the difference is the tagger's)."""
    cache = {n: load(n) for n in SETS}
    pooled = {t: np.zeros(6) for t in (None, *SPAN_THRESHOLDS)}
    print(f"# Span tagger, leave one author out ({sum(len(v) for v in cache.values())} posts, {len(AUTHORS)} authors)")
    print("The checker as shipped without the tagger (rules + learned), then with it at each threshold.")
    shipped = tagger.scorer
    try:
        for author, sets in AUTHORS.items():
            train = [p for a, ss in AUTHORS.items() if a != author for n in ss for p in cache[n]]
            test = [p for n in sets for p in cache[n]]
            fold = SpanModel().fit(train).export()
            per = {t: np.zeros(6) for t in (None, *SPAN_THRESHOLDS)}
            for t in per:
                sc = tagger._Scorer({**fold, "threshold": 0.5 if t is None else t})
                if t is None:
                    sc.cut = float("inf")  # no notes: the checker as shipped without the tagger
                tagger.scorer = lambda sc=sc: sc  # type: ignore[assignment]
                for p in test:
                    r = check(p["text"])
                    spans = [(f.start, f.end) for f in r.findings if f.rule != tagger.RULE]
                    extra = [(f.start, f.end) for f in r.findings if f.rule == tagger.RULE]
                    per[t] += span_counts(p, extra, spans)
            print(f"\n## author {author} ({', '.join(sets)})")
            for t, s in per.items():
                pooled[t] += s
                print(f"  {'none' if t is None else f'>= {t}':>6}  {fmt_spans(s)}")
    finally:
        tagger.scorer = shipped
    print("\n## pooled")
    for t, s in pooled.items():
        print(f"  {'none' if t is None else f'>= {t}':>6}  {fmt_spans(s)}")


def cmd_spans_train() -> None:
    cache = {n: load(n) for n in SETS}
    posts = [p for n in SETS for p in cache[n]]
    m = SpanModel().fit(posts)
    out = {
        "about": "Span tagger of ep_checker (tagger.py); built by scripts/train_checker_model.py spans (docs/checker.md).",
        "trained_on": {n: len(cache[n]) for n in SETS},
        "c": SPAN_C,
        "threshold": SPAN_THRESHOLD,
        **m.export(),
        "rules_fingerprint": learned.rules_fingerprint(fingerprint_texts()),
    }
    write_model(out, tagger.MODEL_PATH)
    print(f"{tagger.MODEL_PATH} ({tagger.MODEL_PATH.stat().st_size} bytes, {len(out['weights'])} weights)")
    # the run-time code must reproduce the fitted model (weights are rounded and tiny ones dropped)
    tagger.model.cache_clear()
    worst = 0.0
    for p in posts:
        r = check(p["text"], learned=False)
        if not p["span_rows"]:
            continue
        fitted = m.predict(p)
        z0 = out["bias"] + sum(out["weights"].get(k, 0.0) for k in tagger.post_keys(r.findings, r.risk))
        for (_a, _b, keys), q in zip(tagger.candidates(p["text"], r.findings), fitted, strict=True):
            z = z0 + sum(out["weights"].get(k, 0.0) for k in set(keys))
            worst = max(worst, abs(1.0 / (1.0 + np.exp(-z)) - q))
    print(f"run time against the fitted model: largest difference in probability {worst:.5f}")
    assert worst < 0.01, "the run-time span model does not reproduce the fitted one"


def main() -> int:
    global C, FA_EXTRA, ALPHA, WITH_VECTORS
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["words", "evaluate", "train", "fingerprint", "spans", "spans-evaluate"])
    ap.add_argument("--c", type=float, default=0.1, help="inverse regularisation strength")
    ap.add_argument(
        "--fa-extra", type=float, default=0.01, help="extra ok false alarms allowed (training side)"
    )
    ap.add_argument(
        "--variant",
        default=None,
        help="evaluate: only variants whose name contains this (or one of these, comma-separated)",
    )
    ap.add_argument("--groups", default=",".join(SHIPPED_GROUPS), help="train: feature groups (w,b,c,s,r)")
    ap.add_argument("--loao", action="store_true", help="evaluate: leave one author out (the default)")
    ap.add_argument(
        "--variants", action="store_true", help="evaluate: also the decision and model variants (slower)"
    )
    ap.add_argument("--meaning", action="store_true", help="evaluate --variants: also the meaning features")
    ap.add_argument(
        "--pairs",
        action="store_true",
        help="evaluate: the older fixed author splits and model variants instead",
    )
    ap.add_argument("--alpha", type=float, default=ALPHA, help="scale of the dense features")
    args = ap.parse_args()
    ALPHA = args.alpha
    C = args.c
    FA_EXTRA = args.fa_extra
    if args.command == "words":
        cmd_words()
    elif args.command == "evaluate" and args.pairs:
        cmd_evaluate(args.variant, False)
    elif args.command == "evaluate":
        WITH_VECTORS = args.meaning
        variants = LOAO_MAIN + (LOAO_VARIANTS + (LOAO_DENSE if args.meaning else []) if args.variants else [])
        if args.variant:
            variants = LOAO_MAIN + [
                v for v in variants[1:] if any(x in v[0] for x in args.variant.split(","))
            ]
        cmd_loao(variants)
    elif args.command == "fingerprint":
        cmd_fingerprint()
    elif args.command == "spans":
        cmd_spans_train()
    elif args.command == "spans-evaluate":
        cmd_spans_evaluate()
    else:
        groups = tuple(args.groups.split(","))
        WITH_VECTORS = "d" in groups or "p" in groups
        cmd_train(groups)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
