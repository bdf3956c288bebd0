"""Sixth round: the learned component's meaning features (mean word vectors folded into one number per piece).

The posts are made up; the words of contempt below ("gobby", "slob", "reeking", "scrounger") are in none of
the training posts, so only the meaning features can tell them from kind words.
"""

import subprocess
import sys
import time
from pathlib import Path

from ep_checker import check, learned

ROOT = Path(__file__).resolve().parents[2]


def test_pieces_table_is_small_and_plain():
    assert learned.PIECES_PATH.stat().st_size < 700_000
    table = learned._pieces()
    assert len(table) > 20_000
    assert all(learned.PIECE_RE.fullmatch(p) for p in table)
    # only WordPiece pieces of the public vocabulary ep_search ships: no word of a training post is stored
    vocab = set((ROOT / "ep_search" / "data" / "static-vocab.txt").read_text(encoding="utf-8").split("\n"))
    assert set(table) <= vocab
    dense = learned.model()["dense"]
    assert isinstance(dense["stop_offset"], float) and isinstance(dense["warn_offset"], float)


def test_wordpiece_is_greedy_longest_match_first():
    vocab = {"scum", "##bag", "##s", "social", "##ly", "work"}
    assert learned.word_pieces("scumbags", vocab) == ["scum", "##bag", "##s"]
    assert learned.word_pieces("work", vocab) == ["work"]
    assert learned.word_pieces("worky", vocab) is None  # a part it cannot read: the word is left out
    assert learned.pieces_of("work's", vocab) == ["work"]  # the "s" after the apostrophe is no start piece here
    assert learned.split_word("siobhán's") == ["siobhan", "s"]


def test_function_words_and_numbers_carry_no_meaning():
    assert learned.meaning("") == (0.0, 0.0)
    assert learned.meaning("the and of 12 she was") == (0.0, 0.0)
    assert learned.meaning("!!! ???") == (0.0, 0.0)
    # a mean over content words: repeating a word or adding function words changes nothing
    a = learned.meaning("garden")
    b = learned.meaning("the garden and the garden")
    assert abs(a[0] - b[0]) < 1e-9 and abs(a[1] - b[1]) < 1e-9


def test_unseen_words_of_contempt_weigh_towards_stop():
    pairs = [
        (
            "visited mum again today, a gobby slob of a woman, her flat reeking as usual",
            "visited mum again today, a warm gentle woman, her flat spotless as usual",
        ),
        ("the dad at contact was a gobby scrounger as per", "the dad at contact was a gentle caring presence as per"),
    ]
    for contempt, kind in pairs:
        assert learned.meaning(contempt)[0] > learned.meaning(kind)[0] + 0.2, (contempt, kind)


def test_contempt_without_a_person_stays_ok():
    # look-alikes: the same kind of words about the weather or a pet are no case detail
    for text in (
        "the weather was vile and the traffic grim on the way to the office",
        "what a slob my cat is, asleep on the sofa all day",
    ):
        assert check(text).risk == "ok", text


def test_meaning_is_cheap():
    texts = [
        "visited mum again today, a gobby slob of a woman, her flat reeking as usual",
        "Great training on trauma-informed practice today, thanks to the whole team",
    ] * 200
    learned.meaning(texts[0])
    t = time.perf_counter()
    for x in texts:
        learned.meaning(x)
    assert (time.perf_counter() - t) / len(texts) < 0.001  # measured ~0.02 ms; generous for a loaded machine


def test_pieces_not_read_on_import():
    code = (
        "import ep_checker;"
        "from ep_checker import learned;"
        "assert learned._pieces.cache_info().currsize == 0, 'pieces read on import';"
        "ep_checker.check('a quiet day in the office');"
        "assert learned._pieces.cache_info().currsize == 1"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
