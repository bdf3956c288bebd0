"""The learned component (ep_checker/learned.py): loads, deterministic, switchable, honest findings."""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ep_checker import check, learned
from ep_checker.engine import MAX_CHARS

ROOT = Path(__file__).resolve().parents[2]

# invented posts (not taken from any eval set)
# A post the rules find nothing in. Which made-up post the real model raises changes whenever the rules change
# (each round's rules caught the previous example), so the decision tests below fix the model's probabilities
# with `confident_model` and test the decision itself; `test_the_real_model_raises_descriptive_posts` checks
# the real model on made-up posts.
RAISED = "his mam kept us on the doorstep for an hour again, kids screaming behind her"
RAISED_FROM_REVIEW = (
    "visited the lassie with the purple hair fae the estate behind the chippy again, her da was raging"
)
BENIGN = [
    "Lovely sunny day for a walk with the dog",
    "Great training on trauma-informed practice today, thanks to the whole team",
    "If you're struggling tonight, Samaritans are there on 116 123, day or night",
    "Reading the new national review on neglect this weekend. Lots to think about for practice.",
]
CONTRACT_KEYS = {"category", "start", "end", "text", "severity", "message", "topics", "suggestion"}


def test_model_file_is_small_and_complete():
    # sixth round, twelve authors: 462 KB after training on 2 640 posts (more word pairs seen twice); eighth round,
    # fifteen authors and 3 664 posts: 602 KB. Read once, on first use
    assert learned.MODEL_PATH.stat().st_size < 800_000
    assert learned.WORDS_PATH.stat().st_size < 150_000
    m = learned.model()
    for part in ("stop", "warn"):
        assert isinstance(m[part]["bias"], float)
        assert m[part]["weights"] and all(isinstance(w, float) for w in m[part]["weights"].values())
    assert 0 < m["thresholds"]["stop"] < 1 and 0 < m["thresholds"]["warn"] < 1
    # no literal post texts in the model: features are single words, word pairs or 3-letter pieces
    longest = max(len(f) for part in ("stop", "warn") for f in m[part]["weights"])
    assert longest < 60


def test_common_word_list():
    for w in ("house", "visit", "placement", "the", "children", "i'm", "don't", "mum's"):
        assert learned.common_word(w), w
    for w in ("oighrig", "kayden", "rhodri", "drumchapel"):
        assert not learned.common_word(w), w


def test_deterministic():
    r0 = check(RAISED, learned=False)
    a = learned.probabilities(RAISED, r0.findings, r0.risk)
    b = learned.probabilities(RAISED, r0.findings, r0.risk)
    assert a == b
    assert check(RAISED).to_dict() == check(RAISED).to_dict()
    assert learned.features(RAISED, r0.findings, r0.risk) == learned.features(RAISED, r0.findings, r0.risk)


@pytest.fixture
def confident_model(monkeypatch):
    """The model as if it were sure the post identifies someone (the decision logic is what is tested)."""
    monkeypatch.setattr(learned, "probabilities", lambda text, findings, risk: {"stop": 0.99, "warn": 0.99})


def test_the_real_model_raises_descriptive_posts():
    """Made-up review posts about a family described, not named: the model asks for stop on some."""
    posts = [
        "another visit to the family by the old mill, the kids were still in their pyjamas at 3pm",
        "went back to see the lad whose dad got sent down last month, he's not coping",
        RAISED_FROM_REVIEW,
    ]
    raised = [t for t in posts if check(t, learned=False).risk == "review" and check(t).risk == "stop"]
    assert raised


def test_raises_risk_with_an_honest_finding(confident_model):
    assert check(RAISED, learned=False).risk == "ok"
    r = check(RAISED)
    # the rules found nothing, so the model asks for a second look rather than saying "stop" (one level at most)
    assert r.risk == "review"
    f = next(f for f in r.findings if f.rule == "learned")
    assert f.category == "case-detail" and f.severity == "review"
    assert 0 <= f.start < f.end <= len(RAISED) and f.text == RAISED[f.start : f.end]
    assert "particular person" in f.message and f.suggestion and f.why
    assert f.topics == ["confidentiality-in-posts"]
    assert f.clauses == ["no-identifiable-case-details", "jigsaw-identification"]
    d = r.to_dict()
    assert set(d) == {"risk", "findings", "redacted"}
    fd = next(x for x in d["findings"] if x["rule"] == "learned")
    assert set(fd) >= CONTRACT_KEYS and fd["severity"] in ("stop", "review", "info")
    json.dumps(d)
    # case detail is not an identifier: the redacted text is the rules' own
    assert r.redacted == check(RAISED, learned=False).redacted


def test_review_raised_to_stop_keeps_rule_findings(confident_model):
    r0 = check(RAISED_FROM_REVIEW, learned=False)
    r = check(RAISED_FROM_REVIEW)
    assert r0.risk == "review" and r.risk == "stop"
    assert [f for f in r.findings if f.rule not in ("learned", "learned-span")] == r0.findings
    # the highlighted word does not overlap a rule finding (so the web page still shows them all)
    f = next(f for f in r.findings if f.rule == "learned")
    assert not any(f.start < g.end and g.start < f.end for g in r0.findings)


def test_switched_off_by_argument_and_environment(monkeypatch, confident_model):
    assert not any(f.rule == "learned" for f in check(RAISED, learned=False).findings)
    monkeypatch.setenv("EP_CHECKER_LEARNED", "0")
    assert check(RAISED).risk == "ok"
    assert check(RAISED, learned=True).risk == "review"  # the argument wins
    monkeypatch.setenv("EP_CHECKER_LEARNED", "1")
    assert check(RAISED).risk == "review"


@pytest.mark.parametrize("text", BENIGN)
def test_benign_posts_stay_ok(text):
    assert check(text).risk == "ok"


def test_never_lowers_a_stop_and_lowers_a_review_only_to_notes():
    for text in (
        "Court tomorrow for the Kowalski kids",
        "Home visit to Jayden (7) at Oakwood Primary went well",
        "my manager is useless and the council doesn't care",
        "Would you ever let a young person in care have TikTok? Genuine question, no judgement.",
    ):
        r0 = check(text, learned=False)
        r = check(text)
        if r0.risk == "stop":
            assert r.risk == "stop"
        if learned.RISKS.index(r.risk) >= learned.RISKS.index(r0.risk):
            assert r.findings[: len(r0.findings)] == r0.findings or len(r.findings) == len(r0.findings) + 1
        else:  # a review lowered to ok: every rule finding is still there, the warnings now notes
            assert (r0.risk, r.risk) == ("review", "ok")
            assert [(f.category, f.start, f.end) for f in r.findings] == [
                (f.category, f.start, f.end) for f in r0.findings
            ]
            assert all(f.severity == "info" for f in r.findings if f.severity != "stop")
            pairs = zip(r.findings, r0.findings, strict=True)
            assert all("learned model" in f.why for f, g in pairs if g.severity == "review")


def test_edge_inputs():
    assert check("").risk == "ok"
    assert check("   \n ").risk == "ok"
    assert check("!!! ???").risk in ("ok", "review", "stop")
    check("x" * MAX_CHARS)


def test_import_stays_cheap_and_pure_python():
    code = (
        "import sys, ep_checker;"
        "from ep_checker import learned;"
        "assert learned.model.cache_info().currsize == 0, 'model loaded on import';"
        "ep_checker.check('a quiet day in the office');"
        "assert learned.model.cache_info().currsize == 1;"
        "bad = [m for m in ('numpy', 'sklearn', 'scipy') if m in sys.modules];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_speed():
    texts = [RAISED, RAISED_FROM_REVIEW, *BENIGN] * 100
    check(texts[0])
    t = time.perf_counter()
    for x in texts:
        learned.probabilities(x, [], "ok")
    per_post = (time.perf_counter() - t) / len(texts)
    assert per_post < 0.002  # measured ~0.1 ms; generous for a loaded machine


def test_no_names_or_numbers_from_training_posts_in_the_model():
    # word and word-pair features hold only ordinary English words and the <unk>/<n20>/<n> tokens;
    # unknown words (names, places) reach the model only as 3-letter pieces
    special = {"<unk>", "<n20>", "<n>"}
    for part in ("stop", "warn"):
        for f in learned.model()[part]["weights"]:
            kind, _, rest = f.partition(":")
            if kind == "w":
                assert rest in special or learned.common_word(rest), f
            elif kind == "b":
                for w in rest.split("_"):
                    assert w in special or learned.common_word(w), f
            elif kind == "c":
                assert len(rest) == 3, f


def test_model_is_in_step_with_the_rules():
    """The model is stacked on the rules' findings: after a rule change that alters any finding on the dev
    posts, retrain it (scripts/train_checker_model.py train) so its thresholds and weights fit the rules."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    texts: list[str] = []
    for path in sorted((root / "eval").glob("posts-own-dev*.jsonl")):
        texts += [
            json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
    assert texts
    assert learned.rules_fingerprint(texts) == learned.model()["rules_fingerprint"], (
        "the rules' output changed since the learned model was trained: "
        "run scripts/train_checker_model.py train (see docs/checker.md)"
    )
