"""Sixth round: the learned component's meaning features (mean word vectors folded into one number per piece).

The shipped model does not use them (they did not earn their place across authors by the bar set before
the measurement: docs/checker.md, "Sixth round"); the training script ships them with
``train --groups w,b,c,s,r,d``. These tests check the run-time mechanism on a small made-up piece table, and
that the shipped model does not read a table at all.
"""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from ep_checker import check, learned

ROOT = Path(__file__).resolve().parents[2]

# made-up folded values (stop, warn) for a few pieces; real ones come from scripts/train_checker_model.py
TABLE = {
    "go": (1.0, 0.5),
    "##bby": (3.0, 1.5),
    "slob": (2.0, 1.0),
    "kind": (-2.0, -1.0),
    "garden": (0.5, 0.25),
    "visit": (0.0, 1.0),
    "siobhan": (0.25, 0.0),
}
OFFSETS = {"stop_offset": 0.5, "warn_offset": 0.25, "pieces": len(TABLE)}


@pytest.fixture
def table(tmp_path, monkeypatch):
    path = tmp_path / "pieces.txt"
    lines = ["# made up for the tests", "# scale 100"]
    lines += [f"{p}\t{round(s * 100)}\t{round(w * 100)}" for p, (s, w) in TABLE.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shipped = learned.model()
    monkeypatch.setattr(learned, "PIECES_PATH", path)
    monkeypatch.setattr(learned, "model", lambda: {**shipped, "dense": OFFSETS})
    learned._pieces.cache_clear()
    learned._word_meaning.cache_clear()
    yield
    learned._pieces.cache_clear()
    learned._word_meaning.cache_clear()


def test_wordpiece_is_greedy_longest_match_first():
    vocab = {"scum", "##bag", "##s", "social", "##ly", "work"}
    assert learned.word_pieces("scumbags", vocab) == ["scum", "##bag", "##s"]
    assert learned.word_pieces("work", vocab) == ["work"]
    assert learned.word_pieces("worky", vocab) is None  # a part it cannot read: the word is left out
    assert learned.pieces_of("work's", vocab) == ["work"]  # the "s" after the apostrophe is no start piece here
    assert learned.split_word("siobhán's") == ["siobhan", "s"]


def test_meaning_is_the_mean_over_content_words(table):
    # "gobby" = go + ##bby -> (1 + 3) / 2 = 2.0 for stop; "slob" 2.0; minus the offset 0.5
    assert learned.meaning("gobby slob") == pytest.approx((2.0 - 0.5, 1.0 - 0.25))
    # function words, numbers and words it cannot read take no part; repeating a word changes nothing
    assert learned.meaning("the slob and the 12 slobs zzz") == learned.meaning("slob")
    assert learned.meaning("Siobhán's garden") == pytest.approx(((0.25 + 0.5) / 2 - 0.5, 0.125 - 0.25))
    assert learned.meaning("") == (0.0, 0.0)
    assert learned.meaning("the and of 12 she was") == (0.0, 0.0)


def test_words_of_contempt_raise_p_stop_and_kind_words_lower_it(table):
    # catching: an unseen word with a high folded value lifts the probability over the same post without it
    contempt = "home visit to mum today, a gobby slob"
    kind = "home visit to mum today, a kind garden"
    r1, r2 = check(contempt, learned=False), check(kind, learned=False)
    p1 = learned.probabilities(contempt, r1.findings, r1.risk)
    p2 = learned.probabilities(kind, r2.findings, r2.risk)
    assert p1["stop"] > p2["stop"] and p1["warn"] > p2["warn"]


def test_shipped_model_reads_no_table():
    if "dense" in learned.model():
        pytest.skip("the shipped model uses the meaning features")
    code = (
        "import ep_checker;"
        "from ep_checker import learned;"
        "ep_checker.check('home visit today, mum was a right gobby slob');"
        "assert learned.model.cache_info().currsize == 1;"
        "assert learned._pieces.cache_info().currsize == 0, 'pieces read without a dense model'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_meaning_is_cheap(table):
    texts = [
        "visited mum again today, a gobby slob of a woman, her flat reeking as usual",
        "Great training on trauma-informed practice today, thanks to the whole team",
    ] * 200
    learned.meaning(texts[0])
    t = time.perf_counter()
    for x in texts:
        learned.meaning(x)
    assert (time.perf_counter() - t) / len(texts) < 0.001  # measured ~0.02 ms; generous for a loaded machine
