"""The learned component's decision (sixth round, twelve authors): learned.decide, and lowering a rule review with an honest
explanation (learned.lower). The checks run on made-up thresholds and probabilities, not on the shipped model."""

import pytest

from ep_checker import learned
from ep_checker.model import Finding

T = {"stop": 0.34, "warn": 0.66, "lower": 0.2}


@pytest.mark.parametrize(
    ("risk", "p_stop", "p_warn", "expected"),
    [
        ("ok", 0.1, 0.1, "ok"),
        ("ok", 0.1, 0.7, "review"),  # warn threshold passed
        # P(stop) alone raises an ok to review, never to stop (one level at most)
        ("ok", 0.99, 0.1, "review"),
        ("ok", 0.99, 0.99, "review"),
        ("review", 0.5, 0.9, "stop"),
        ("review", 0.5, 0.1, "stop"),  # raised first: a post rated likely stop is never lowered
        ("review", 0.1, 0.5, "review"),
        ("review", 0.1, 0.19, "ok"),  # lowered: P(warn) below the lowering threshold
        ("review", 0.1, 0.2, "review"),
        ("stop", 0.0, 0.0, "stop"),  # a rule stop is never changed
    ],
)
def test_decide(risk, p_stop, p_warn, expected):
    assert learned.decide(risk, p_stop, p_warn, T) == expected


def test_decide_never_lowers_without_a_lowering_threshold():
    t = {"stop": 0.34, "warn": 0.66}
    assert learned.decide("review", 0.0, 0.0, t) == "review"
    assert learned.decide("review", 0.0, 0.0, {**t, "lower": 0.0}) == "review"


def _review_finding() -> Finding:
    return Finding(
        category="case-detail",
        start=0,
        end=6,
        text="client",
        severity="review",
        message="A rule message.",
        rule="some-rule",
        why="a rule found a mention of casework",
    )


def test_lower_keeps_the_rule_findings_as_info_notes_that_say_why(monkeypatch):
    monkeypatch.setattr(learned, "model", lambda: {"thresholds": T})
    monkeypatch.setattr(learned, "probabilities", lambda *a: {"stop": 0.05, "warn": 0.1})
    info = Finding(category="x", start=7, end=9, text="ab", severity="info", rule="r")
    findings = [_review_finding(), info]
    out = learned.lower("client ab", findings, "review")
    assert out is not None and len(out) == 2
    assert out[0].severity == "info" and out[0].rule == "some-rule" and out[0].text == "client"
    assert out[0].why.startswith("a rule found a mention of casework")
    assert "learned model" in out[0].why and "rated ok" in out[0].why and "check this detail" in out[0].why
    assert out[1] == info
    assert findings[0].severity == "review"  # the caller's findings are not changed
    # no finding above info is left, so the ordinary rule (the highest severity) rates the post ok
    assert all(f.severity == "info" for f in out)


@pytest.mark.parametrize(
    ("risk", "probs", "thresholds"),
    [
        ("ok", {"stop": 0.0, "warn": 0.0}, T),
        ("stop", {"stop": 0.0, "warn": 0.0}, T),
        ("review", {"stop": 0.0, "warn": 0.5}, T),  # P(warn) not low enough
        ("review", {"stop": 0.9, "warn": 0.0}, T),  # raised instead
        ("review", {"stop": 0.0, "warn": 0.0}, {"stop": 0.34, "warn": 0.66}),  # no lowering threshold
    ],
)
def test_lower_does_nothing_otherwise(monkeypatch, risk, probs, thresholds):
    monkeypatch.setattr(learned, "model", lambda: {"thresholds": thresholds})
    monkeypatch.setattr(learned, "probabilities", lambda *a: probs)
    assert learned.lower("client", [_review_finding()], risk) is None


def test_assess_only_raises(monkeypatch):
    monkeypatch.setattr(learned, "model", lambda: {"thresholds": T, "stop": {"weights": {}}})
    monkeypatch.setattr(learned, "probabilities", lambda *a: {"stop": 0.0, "warn": 0.0})
    assert learned.assess("client", [_review_finding()], "review") is None


def test_shipped_model_records_its_decision():
    m = learned.model()
    t = m["thresholds"]
    assert m["decision"] in ("raise", "raise+lower")
    assert 0 <= t.get("lower", 0.0) <= 0.5  # lowers only posts the model rates more likely ok than not
    assert t.get("lower", 0.0) < t["warn"]


def test_only_warnings_about_identifying_someone_can_be_lowered():
    from ep_checker import check

    # the author's own number is a personal-safety warning in its own right: never turned into a note
    own = check("Call me on 07700 900123", learned=False)
    assert own.risk == "review" and not learned.lowerable(own.findings)
    assert check("Call me on 07700 900123").risk == "review"
    general = check("Would you ever let a young person in care have TikTok? Genuine question", learned=False)
    assert general.risk == "review" and learned.lowerable(general.findings)
