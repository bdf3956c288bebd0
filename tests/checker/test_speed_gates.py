"""The checker's quick tests (gates) before a slower search never skip a search that could find something."""

from __future__ import annotations

import itertools
import json
import re
import string
from pathlib import Path

from ep_checker import _data, _fastre, calm, engine, tone


def _plain_finds(low: str, names: tuple[str, ...]) -> list[tuple[str, int]]:
    out = []
    for name in names:
        i = low.find(name)
        while i >= 0:
            j = i + len(name)
            if (i == 0 or not low[i - 1].isalnum()) and (j == len(low) or not low[j].isalnum()):
                out.append((name, i))
            i = low.find(name, i + 1)
    return out


def _gated_finds(low: str, names: tuple[str, ...]) -> list[tuple[str, int]]:
    runs = set(engine.ALNUM_RUN_RE.findall(low))
    return [
        hit
        for name, run in engine._with_first_run(names)
        if run is None or run in runs
        for hit in _plain_finds(low, (name,))
    ]


def test_gazetteer_quick_test_finds_every_name() -> None:
    for names in (engine._hospitals(), engine._multi_word_places(), ("-x y", "a", "b-c", "é z", "1 2")):
        for name in names:
            for before, after in itertools.product(
                ["", " ", "x", "-", "é", "_", "1"], ["", " ", "s", ".", "_"]
            ):
                for low in (
                    before + name + after,
                    f"at the {before}{name}{after} today",
                    name.upper().lower(),
                ):
                    assert _gated_finds(low, names) == _plain_finds(low, names), (name, low)


def test_one_slip_by_length_is_the_plain_comparison() -> None:
    words = engine.TYPO_CASE_WORDS | engine.TYPO_GENERIC_WORDS | frozenset(["a", "ab"])
    probes = [
        "placment",
        "palcement",
        "caseeload",
        "visti",
        "hearings",
        "x",
        "ab",
        "abc",
        "reprot",
        "webinars",
    ]
    probes += [w[:i] + w[i + 1 :] for w in sorted(words) for i in range(len(w))][:400]
    for k in probes:
        plain = any(abs(len(k) - len(w)) <= 1 and engine._within_one(k, w) for w in words)
        assert engine._one_slip_from(k, words) == plain, k


def test_name_quick_test_covers_every_listed_name() -> None:
    assert _data.any_first_names() == _data.first_names() | _data.ambiguous_names()
    assert _data.first_names_not_surnames() == _data.first_names() - _data.surnames()


def test_case_oddities_are_all_the_non_ascii_characters_read_as_ascii() -> None:
    every = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    found = set()
    for ch in string.ascii_letters + string.digits:
        found |= set(re.compile(re.escape(ch), re.I).findall(every))
    assert found == _fastre.CASE_ODDITIES


def test_required_words_read_from_patterns() -> None:
    def req(pattern: str, flags: int = re.I) -> tuple[str, ...] | None:
        return _fastre.required_words(re.compile(pattern, flags))

    assert req(r"\b(?:Dog|cat)s?\b") == ("cat", "dog")
    assert req(r"aged?\s+\d") == ("age",)
    assert req(r"(?:x|y)?z+") == ("z",)
    assert req(r"(?:x|\w)z") == ("z",)
    assert req(r"(?:x|\w)") is None
    assert req(r"a*") is None
    assert req(r"(?=.*carer)\w+") == ("carer",)
    assert req(r"caf\u00e9 bar") == (" bar",)  # only ASCII letters are read


def _patterns() -> list[re.Pattern[str]]:
    out = [v for mod in (engine, tone, calm) for v in vars(mod).values() if isinstance(v, re.Pattern)]
    out += list(engine._lex().values()) + list(engine.AGE_PATTERNS)
    return out


def test_a_pattern_matches_only_posts_its_gate_lets_through() -> None:
    texts = [json.loads(line)["text"] for line in Path("eval/posts-own-dev.jsonl").read_text().splitlines()]
    texts += ["Biscuit, our DOG", "the boy CALLED  Kai", "ſnake", "my 5 year old", "He's 6 now"]
    posts = [engine._Post(t) for t in texts]
    gated = 0
    for rx in _patterns():
        words = _fastre.required_words(rx)
        if words is None:
            continue
        gated += 1
        for p in posts:
            if not p.may_match(rx):
                assert rx.search(p.text) is None, (rx.pattern[:80], p.text[:80])
    assert gated > 100
