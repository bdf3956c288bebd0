"""The first-character dispatch of long alternations (ep_checker/_fastre.py) finds exactly the same matches."""

from __future__ import annotations

import re

from ep_checker import _data, _fastre

ITEMS = [
    "disclos(?:ed|ures?)",
    "(?:final |interim )?hearing",
    "cp",
    "cin",
    "court(?:room)?",
    "child protection|cp plans?",
    "(?:mash|lado|police) referral",
    "on (?:a |cp )?plans?",
    "ward(?!\\s+(?:manager|sister)s?\\b)",
    "(?:(?<=mine )|(?<=ours ))tonight",
    "\\w+ding",
    "x{0,2}y",
    "a",
    "ab",
    "abc",
    "abd",
    "ac",
    "[a-c]z",
    "📍",
    "£\\d+",
]
TEXTS = [
    "Disclosed at court today: the CP plan, cin review, final hearing, Court room 2, courtroom",
    "on a plan, on cp plans, a ab abc abd ac bz cz ay xy xxy y, mine tonight, ours tonight, tonight",
    "ward manager on the ward; wards; wedding; 📍 Costa; £20 for the MASH referral and a police referral",
    "ABC Abd AC Ward WARD Hearing HEARING ſcp KIN ı",
]


def _plain(items: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(items) + r")(?![\w])", re.I)


def _fast(items: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])" + _fastre.dispatched(items, re.I) + r"(?![\w])", re.I)


def _spans(p: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in p.finditer(text)]


def test_same_matches_as_the_plain_alternation() -> None:
    for n in range(1, len(ITEMS) + 1):
        for items in (ITEMS[:n], ITEMS[-n:], list(reversed(ITEMS[:n]))):
            plain, fast = _plain(items), _fast(items)
            for text in TEXTS:
                assert _spans(fast, text) == _spans(plain, text), (items, text)


def test_lexicon_lists_match_the_same_on_every_word_start() -> None:
    # every lexicon list, tried at every position of texts made of its own items
    for key, items in _data.lexicon().items():
        if key in ("helpline_numbers", "hospitals"):
            continue
        items = sorted((str(i) for i in items), key=len, reverse=True)
        plain, fast = _plain(items), _fast(items)
        words = " ".join(re.sub(r"[^\w' ]", " ", i) for i in items)
        for text in (words, words.upper(), words.title()):
            for pos in range(0, len(text), 7):
                a, b = plain.search(text, pos), fast.search(text, pos)
                assert (a and a.span()) == (b and b.span()), (key, text[pos : pos + 40])


def test_first_characters() -> None:
    assert _fastre.first_chars("(?:final |interim )?hearing", re.I) == {"f", "i", "h"}
    assert _fastre.first_chars("\\w+", re.I) is None
    assert _fastre.first_chars("x?", re.I) is None  # can match nothing
    assert _fastre.first_two("(?:mash|lado) referral", re.I) == {"ma", "la"}
    assert _fastre.first_two("a", re.I) is None  # shorter than two characters
