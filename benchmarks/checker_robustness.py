"""How well the checker's rules generalise: the dev sets' posts, perturbed the ways unseen authors differ.

    PYTHONPATH=. python benchmarks/checker_robustness.py [--sets own-dev,own-dev2,...] [--show PERTURBATION]

Takes the labelled dev posts (never the frozen test sets) and rewrites each one in several ways:

* ``name-invented`` / ``name-invented-lower``: every person's name replaced by a name made up from
  syllables (never in the checker's lists, nor an English word), in Title case or in lower case;
* ``street-invented``, ``school-invented``, ``place-invented``: the name part of streets, estates, schools,
  homes, hospitals and towns replaced by an invented word of the same kind (``Elm Road`` -> ``Brindlecote
  Road``, ``Oakwood Primary`` -> ``Vessingham Primary``);
* ``other-invented``: the other capitalised words in mid-sentence that nothing flags (brands, services, apps,
  programmes) replaced by made-up words: the false-alarm test of reading unknown words as names;
* ``lower``, ``upper``: the whole post in one casing; ``no-punct``: punctuation (and apostrophes) removed;
* ``typos``: about one word in six outside the identifiers gets a typo (letters swapped, dropped, doubled);
* ``emoji-hashtags``: emoji between sentences and hashtags at the end;
* ``buried``: the post in the middle of a longer chatty post about the author's day.

For every perturbation it reports, over the posts the perturbation changed: the share of gold-stop posts
still rated stop, of gold stop/review posts still rated at least review, of must-flag spans (rewritten the
same way) still overlapped by a finding, and of gold-ok posts rated review or stop (false alarms).

Which spans are names, streets or schools is decided from the checker's own findings on the original post
plus the shape of the must-flag spans, so a span the checker already missed on the original is not
rewritten (the figures measure brittleness, not the original misses). Everything is seeded: the same
commit gives the same figures.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.checker_quality import SETS, load, overlapped, spans_of  # noqa: E402

# EP_CHECKER_SRC: score another copy of the checker (an older commit's, say) on the same perturbed posts
if os.environ.get("EP_CHECKER_SRC"):
    sys.path.insert(0, os.environ["EP_CHECKER_SRC"])

DEV_SETS = [n for n in SETS if "frozen" not in n and "test" not in n]

ONSETS = [
    "b",
    "br",
    "d",
    "dr",
    "f",
    "g",
    "gr",
    "k",
    "kr",
    "l",
    "m",
    "n",
    "p",
    "pr",
    "r",
    "s",
    "sk",
    "t",
    "tr",
    "v",
    "z",
    "j",
    "sh",
    "ch",
    "th",
    "y",
]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ee", "oa", "ay"]
CODAS = ["", "", "n", "r", "l", "s", "th", "x", "nd", "rk", "m", "v"]
NAME_ENDS = ["a", "o", "i", "ya", "en", "in", "ie", "an", "el", "yn", "et", "is"]
PLACE_ENDS = ["ley", "ton", "field", "wick", "dale", "cote", "more", "by", "ham", "stow", "worth", "hurst"]

STREET_SUFFIX_WORDS = {
    "road",
    "rd",
    "street",
    "st",
    "avenue",
    "ave",
    "lane",
    "ln",
    "close",
    "drive",
    "dr",
    "crescent",
    "cres",
    "grove",
    "terrace",
    "gardens",
    "court",
    "view",
    "rise",
    "walk",
    "place",
    "way",
    "brae",
    "wynd",
    "mews",
    "estate",
    "flats",
    "park",
    "square",
    "row",
    "hill",
    "green",
    "parade",
    "heights",
    "tower",
    "towers",
}
INST_SUFFIX_WORDS = {
    "primary",
    "academy",
    "high",
    "school",
    "nursery",
    "college",
    "infants",
    "juniors",
    "junior",
    "secondary",
    "house",
    "lodge",
    "manor",
    "court",
    "wing",
    "hospital",
    "unit",
    "surgery",
    "centre",
    "home",
    "ward",
    "grammar",
    "comprehensive",
    "prep",
    "pru",
    "sixth",
    "form",
    "care",
    "children's",
    "family",
    "magistrates'",
    "magistrates",
    "crown",
    "civil",
    "justice",
    "infirmary",
    "clinic",
    "children",
    "childrens",
    "nursing",
    "contact",
    "day",
    "residential",
    "respite",
    "medical",
    "health",
    "girls",
    "boys",
    "pupil",
    "referral",
    "resource",
    "youth",
    "sheriff",
    "county",
}
KEEP_WORDS = {
    "the",
    "of",
    "on",
    "in",
    "at",
    "from",
    "st",
    "st.",
    "saint",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "nana",
    "grandad",
    "uncle",
    "auntie",
    "aunty",
    "and",
    "y",
    "yr",
    "heol",
    "ffordd",
    "ysgol",
    "hmp",
    "hmyoi",
    "a",
    "to",
    "off",
    "by",
    "near",
    "up",
    "down",
    "flat",
    "block",
    "no",
    "number",
    "ward",
    "bed",
    "room",
    "royal",
    "general",
    "north",
    "south",
    "east",
    "west",
    "upper",
    "lower",
    "new",
    "old",
    "little",
    "great",
}
CHATTER_BEFORE = [
    "Right, long day and I'm only just sitting down with a brew.",
    "Morning all, the traffic on the way in was a joke again and my coffee went cold in the car.",
    "Not sure anyone will read this but here goes, it's been one of those weeks.",
    "Had the best weekend away but back to reality now.",
]
CHATTER_AFTER = [
    "Anyway, off to make tea now, pasta again because I can't be bothered.",
    "Roll on Friday honestly, and then I am doing nothing at all for two whole days.",
    "The cat has been sick on the rug as well so that's the evening sorted.",
    "Hope everyone else is having a better week than me, sending love to all of you.",
]
EMOJI = ["😩", "🙏", "💔", "😂", "🥲", "❤️", "🤞"]
HASHTAGS = ["#socialworklife", "#fostercarer", "#tired", "#oneofthosedays", "#swlife", "#carers"]


def _word_lists() -> set[str]:
    from ep_checker import _data

    words = set(_data.first_names()) | set(_data.ambiguous_names()) | set(_data.surnames())
    words |= set(_data.places())
    if hasattr(_data, "english_words"):  # older checkers have no English word list
        words |= set(_data.english_words())
    return words


class Inventor:
    """Pronounceable made-up words that are in none of the checker's lists."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.avoid = _word_lists()

    def _syl(self) -> str:
        r = self.rng
        return r.choice(ONSETS) + r.choice(VOWELS) + r.choice(CODAS)

    def name(self) -> str:
        while True:
            w = self._syl() + self.rng.choice(NAME_ENDS)
            if 4 <= len(w) <= 9 and w not in self.avoid:
                return w

    def place(self) -> str:
        while True:
            w = self._syl() + self.rng.choice(PLACE_ENDS)
            if w not in self.avoid:
                return w


def _cased(new: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return new.upper()
    if like[:1].isupper():
        return new[:1].upper() + new[1:]
    return new.lower()


class Rewriter:
    """Replaces words everywhere in a post (and in its must-flag spans) consistently."""

    def __init__(self) -> None:
        self.map: dict[str, str] = {}

    def add(self, old: str, new: str) -> None:
        if old.lower() not in KEEP_WORDS and len(old) >= 2:
            self.map.setdefault(old.lower(), new)

    def apply(self, s: str, force_lower: bool = False) -> str:
        if not self.map:
            return s
        pat = re.compile(
            r"(?<![\w])("
            + "|".join(re.escape(k) for k in sorted(self.map, key=len, reverse=True))
            + r")(?![\w])",
            re.I,
        )

        def rep(m: re.Match[str]) -> str:
            new = self.map[m.group(1).lower()]
            return new.lower() if force_lower else _cased(new, m.group(1))

        return pat.sub(rep, s)


def _tokens(s: str) -> list[str]:
    return re.findall(r"[A-Za-zÀ-ÿ]+(?:['’-][A-Za-zÀ-ÿ]+)*", s)


def _strip_poss(w: str) -> str:
    return w[:-2] if w.endswith(("'s", "’s")) else w


def analyse(post: dict) -> dict[str, list[str]]:
    """Words to rewrite per kind, from the checker's findings on the original and the must-flag spans."""
    from ep_checker import check

    text = post["text"]
    r = check(text)
    kinds: dict[str, list[str]] = {"name": [], "street": [], "school": [], "place": [], "other": []}
    mf = [sp for m in post.get("must_flag") or [] for sp in spans_of(text, m)]
    for f in r.findings:
        words = [_strip_poss(w) for w in _tokens(f.text)]
        if f.category == "name" and not f.text.startswith("@"):
            kinds["name"] += [w for w in words if w.lower() not in KEEP_WORDS]
        elif f.category == "address":
            if not any(w.lower() in STREET_SUFFIX_WORDS for w in words):
                continue
            kinds["street"] += [
                w for w in words if w.lower() not in STREET_SUFFIX_WORDS and w.lower() not in KEEP_WORDS
            ]
        elif f.category == "institution" and any(w.lower() in INST_SUFFIX_WORDS for w in words):
            kinds["school"] += [
                w for w in words if w.lower() not in INST_SUFFIX_WORDS and w.lower() not in KEEP_WORDS
            ]
        elif f.category == "place" and len(words) <= 2:
            kinds["place"] += [w for w in words if w.lower() not in KEEP_WORDS]
    # names from the lists anywhere in the post (also in ok posts), except in benign look-alike spans
    from ep_checker import _data

    quiet = " ".join(post.get("must_not_flag") or []).lower()
    for w in _tokens(text):
        k = _strip_poss(w)
        kl = k.lower()
        if (
            k[:1].isupper()
            and kl in _data.first_names()
            and kl not in _data.ambiguous_names()
            and kl not in quiet
        ):
            kinds["name"].append(k)
    # other capitalised words in mid-sentence that nothing flags (brands, services, apps, teams, titles of
    # things): rewritten they test whether made-up words raise false alarms
    found_spans = [(f.start, f.end) for f in r.findings] + mf
    for m in re.finditer(r"(?<=[a-z,;] )([A-Z][a-z]{2,})\b(?!['’])", text):
        w = m.group(1)
        if overlapped([m.span(1)], found_spans) or w.lower() in KEEP_WORDS:
            continue
        if (
            w.lower() in _data.first_names()
            or w.lower() in _data.ambiguous_names()
            or w.lower() in _data.places()
        ):
            continue
        kinds["other"].append(w)
    # must-flag spans the checker missed that look like a lone name (one or two capitalised words)
    for m in post.get("must_flag") or []:
        if overlapped(spans_of(text, m), [(f.start, f.end) for f in r.findings]):
            continue
        ws = _tokens(m)
        shaped = 1 <= len(ws) <= 2 and all(w[:1].isupper() for w in ws) and not re.search(r"\d", m)
        if shaped and not any(w.lower() in STREET_SUFFIX_WORDS | INST_SUFFIX_WORDS for w in ws):
            kinds["name"] += [_strip_poss(w) for w in ws]
    return kinds


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    k = rng.randrange(3)
    if k == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if k == 1:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def perturb(name: str, post: dict, kinds: dict[str, list[str]], seed: int) -> tuple[str, list[str]] | None:
    """The rewritten text and must-flag spans, or None when the perturbation does not apply."""
    text = post["text"]
    mf = list(post.get("must_flag") or [])
    rng = random.Random(seed)
    inv = Inventor(seed)
    if name in (
        "name-invented",
        "name-invented-lower",
        "street-invented",
        "school-invented",
        "place-invented",
        "other-invented",
    ):
        kind = {"name-invented": "name", "name-invented-lower": "name"}.get(name, name.split("-")[0])
        words = kinds[kind]
        if not words:
            return None
        rw = Rewriter()
        for w in words:
            if kind in ("name", "other"):
                rw.add(w, inv.name())
            else:
                rw.add(w, inv.place())
        low = name.endswith("lower")
        return rw.apply(text, low), [rw.apply(m, low) for m in mf]
    if name == "lower":
        return text.lower(), [m.lower() for m in mf]
    if name == "upper":
        return text.upper(), [m.upper() for m in mf]
    if name == "no-punct":

        def strip(s: str) -> str:
            s = re.sub(r"['’]", "", s)
            return re.sub(r"\s+", " ", re.sub(r"[.,!?;:()\"“”‘]", " ", s)).strip()

        return strip(text), [strip(m) for m in mf]
    if name == "typos":
        protected = [sp for m in mf for sp in spans_of(text, m)]
        out, pos = [], 0
        for m in re.finditer(r"[A-Za-z]{4,}", text):
            if any(a < m.end() and m.start() < b for a, b in protected) or rng.random() > 0.17:
                continue
            out.append(text[pos : m.start()])
            out.append(typo(m.group(0), rng))
            pos = m.end()
        out.append(text[pos:])
        return "".join(out), mf
    if name == "emoji-hashtags":
        t = re.sub(r"([.!?])\s+", lambda m: m.group(1) + " " + rng.choice(EMOJI) + " ", text)
        t = t + " " + rng.choice(EMOJI) + rng.choice(EMOJI) + " " + " ".join(rng.sample(HASHTAGS, 2))
        return t, mf
    if name == "buried":
        before = rng.choice(CHATTER_BEFORE)
        after = rng.choice(CHATTER_AFTER)
        body = text if text.rstrip()[-1:] in ".!?" else text.rstrip() + "."
        return f"{before} {body} {after}", mf
    raise ValueError(name)


PERTURBATIONS = [
    "none",
    "name-invented",
    "name-invented-lower",
    "street-invented",
    "school-invented",
    "place-invented",
    "other-invented",
    "lower",
    "upper",
    "no-punct",
    "typos",
    "emoji-hashtags",
    "buried",
]


def main() -> int:
    from ep_checker import check

    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default=",".join(n for n in DEV_SETS))
    ap.add_argument("--show", default="", help="list the posts a perturbation broke")
    args = ap.parse_args()
    posts: list[dict] = []
    for name in args.sets.split(","):
        if "test" in name or "frozen" in name:
            raise SystemExit("the frozen test sets are never used here")
        path = SETS[name]
        if path.exists():
            posts += [dict(p, _set=name) for p in load(path)]
    analysed = [(p, analyse(p)) for p in posts]
    import ep_checker

    print(f"Posts: {len(posts)} from {args.sets}; checker: {Path(ep_checker.__file__).parent}")
    print()
    print(
        "| perturbation | stop posts still stop | stop/review still >= review | must-flag spans found "
        "| ok posts rated review/stop |"
    )
    print("|---|---|---|---|---|")
    crashes: dict[str, int] = {}
    for pert in PERTURBATIONS:
        st_n = st_k = w_n = w_k = mf_n = mf_k = ok_n = ok_fa = 0
        broken = []
        for i, (p, kinds) in enumerate(analysed):
            if pert == "none":
                res: tuple[str, list[str]] | None = (p["text"], list(p.get("must_flag") or []))
            else:
                res = perturb(pert, p, kinds, seed=i * 7919 + len(pert))
            if res is None:
                continue
            text, mf = res
            try:
                r = check(text)
                risk, found = r.risk, [(f.start, f.end) for f in r.findings]
            except Exception:  # an older checker may crash on a perturbed post: count it as a miss
                crashes[pert] = crashes.get(pert, 0) + 1
                risk, found = "ok", []
            gold = p["risk"]
            if gold == "stop":
                st_n += 1
                st_k += risk == "stop"
            if gold in ("stop", "review"):
                w_n += 1
                w_k += risk != "ok"
            if gold == "ok":
                ok_n += 1
                ok_fa += risk != "ok"
            missed = []
            if gold != "ok":
                for m in mf:
                    mf_n += 1
                    if overlapped(spans_of(text, m), found):
                        mf_k += 1
                    else:
                        missed.append(m)
            bad = (gold == "stop" and risk != "stop") or (gold == "ok" and risk != "ok") or missed
            if bad and args.show == pert:
                broken.append(f"{p['_set']}:{p['id']} gold={gold} got={risk} missed={missed}\n    {text}")

        def rate(k: int, n: int) -> str:
            return f"{k / n:.3f} ({k}/{n})" if n else "n/a"

        print(
            f"| {pert} | {rate(st_k, st_n)} | {rate(w_k, w_n)} | {rate(mf_k, mf_n)} | {rate(ok_fa, ok_n)} |"
        )
        for b in broken:
            print(b, file=sys.stderr)
    if crashes:
        print("\nThe checker raised an exception on: " + ", ".join(f"{k} {v}" for k, v in crashes.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
