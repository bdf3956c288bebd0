"""Faster compiled forms of the checker's long word-list alternations, with exactly the same matches.

A lexicon pattern is ``(?<![\\w])(?:item1|item2|...)(?![\\w])`` with a few hundred items, and Python's
``re`` tries every item at every word start. :func:`dispatched` puts a one-character look-ahead in front of
the items that can start with that character, so at each position only the few items that can match are
tried::

    (?:(?=a)(?:items that can start with a)|(?=b)(?:...)|...|(?![ab...])(?:items of unknown start))

(the look-aheads are grouped a few characters at a time, so that fewer of them are tried).

The items keep their order inside each branch, and the branches are mutually exclusive (each look-ahead
names different characters), so at every position the first item that matches is the same one as in the
plain alternation: the matches, their spans and their order are identical. Items whose first character
cannot be worked out (a class such as ``\\w``, ``.``, an empty match) go into every branch, so the rewrite
never hides an item from a position it could match at.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from re._casefix import _EXTRA_CASES

_MAX_RANGE = 64  # a character range wider than this is treated as "any first character"
_CHUNK = 5  # first characters per chunk of look-aheads
_MIN_SECOND = 4  # a group of fewer items is not dispatched on its second character


def _first(items: list, flags: int) -> tuple[set[str] | None, bool]:
    """(lower-cased characters a match of the sequence ``items`` can start with, or None for unknown;
    whether the sequence can match the empty string)."""
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            ch = chr(av).lower() if flags & re.I else chr(av)
            if len(ch) != 1:
                return None, False
            out.add(ch)
            return out, False
        if op is C.IN:
            for iop, iav in av:
                if iop is C.LITERAL:
                    ch = chr(iav).lower() if flags & re.I else chr(iav)
                    if len(ch) != 1:
                        return None, False
                    out.add(ch)
                elif iop is C.RANGE and iav[1] - iav[0] <= _MAX_RANGE:
                    for code in range(iav[0], iav[1] + 1):
                        ch = chr(code).lower() if flags & re.I else chr(code)
                        if len(ch) != 1:
                            return None, False
                        out.add(ch)
                else:  # NEGATE, CATEGORY (\w, \d ...), a wide range
                    return None, False
            return out, False
        if op is C.BRANCH:
            nullable = False
            for branch in av[1]:
                sub, empty = _first(branch.data, flags)
                if sub is None:
                    return None, False
                out |= sub
                nullable = nullable or empty
            if not nullable:
                return out, False
            continue  # the branch can be skipped: what follows can start the match too
        if op is C.SUBPATTERN:
            group, add_flags, del_flags, sub_pattern = av
            if group is not None:
                return None, False  # a capturing group would be duplicated
            if add_flags or del_flags:
                return None, False
            sub, empty = _first(sub_pattern.data, flags)
            if sub is None:
                return None, False
            out |= sub
            if not empty:
                return out, False
            continue
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, _high, sub_pattern = av
            sub, empty = _first(sub_pattern.data, flags)
            if sub is None:
                return None, False
            out |= sub
            if low > 0 and not empty:
                return out, False
            continue
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width: the next element decides (a superset of the real first characters)
        return None, False  # ANY, CATEGORY, NOT_LITERAL, GROUPREF ...: unknown
    return out, True


def _char(code: int, flags: int) -> str | None:
    ch = chr(code).lower() if flags & re.I else chr(code)
    return ch if len(ch) == 1 else None


def _prefixes(seq: list, flags: int, k: int, budget: list[int]) -> set[str] | None:
    """The lower-cased ``k``-character strings a match of the sequence ``seq`` can start with, or None
    (unknown, or the sequence can match fewer than ``k`` characters). A superset, like ``_first``."""
    budget[0] -= 1
    if budget[0] < 0:
        return None  # a pathological nesting: give up (the item then goes everywhere)
    if k == 0:
        return {""}
    if not seq:
        return None
    (op, av), rest = seq[0], list(seq[1:])
    if op is C.LITERAL or op is C.IN:
        if op is C.LITERAL:
            heads = [_char(av, flags)]
        else:
            heads = []
            for iop, iav in av:
                if iop is C.LITERAL:
                    heads.append(_char(iav, flags))
                elif iop is C.RANGE and iav[1] - iav[0] <= _MAX_RANGE:
                    heads += [_char(code, flags) for code in range(iav[0], iav[1] + 1)]
                else:
                    return None
        tails = _prefixes(rest, flags, k - 1, budget)
        if tails is None or None in heads:
            return None
        return {str(h) + t for h in heads for t in tails}
    out: set[str] = set()
    if op is C.BRANCH:
        for branch in av[1]:
            sub = _prefixes(list(branch.data) + rest, flags, k, budget)
            if sub is None:
                return None
            out |= sub
        return out
    if op is C.SUBPATTERN:
        group, add_flags, del_flags, sub_pattern = av
        if group is not None or add_flags or del_flags:
            return None
        return _prefixes(list(sub_pattern.data) + rest, flags, k, budget)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        low, high, sub_pattern = av
        if low == 0:
            sub = _prefixes(rest, flags, k, budget)  # no repetition at all
            if sub is None:
                return None
            out |= sub
        if high != 0:  # one repetition, then the repeat with one fewer
            more = (
                []
                if high == 1
                else [(op, (max(low - 1, 0), high if high == C.MAXREPEAT else high - 1, sub_pattern))]
            )
            sub = _prefixes(list(sub_pattern.data) + more + rest, flags, k, budget)
            if sub is None:
                return None
            out |= sub
        return out
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return _prefixes(rest, flags, k, budget)
    return None


_META = frozenset(".^$*+?{}[]\\|()#")  # an item without any of these is a plain literal string


def _plain(item: str, flags: int) -> bool:
    """Whether ``item`` is a plain literal (no special character; no verbose mode, where spaces are special)."""
    return not flags & re.X and not _META.intersection(item)


def first_two(item: str, flags: int) -> set[str] | None:
    """The lower-cased two-character strings a match of ``item`` can start with (None: unknown)."""
    if _plain(item, flags):  # the same answer as the parse below, without parsing (start-up time)
        two = [_char(ord(c), flags) for c in item[:2]]
        return None if len(two) < 2 or None in two else {str(two[0]) + str(two[1])}
    try:
        parsed = _parser.parse(item, flags)
    except re.error:
        return None
    if parsed.state.groups > 1:
        return None
    return _prefixes(list(parsed.data), flags, 2, [2000])


def first_chars(item: str, flags: int) -> set[str] | None:
    """The lower-cased characters a match of the regular expression ``item`` can start with (None: unknown)."""
    if _plain(item, flags):  # the same answer as the parse below, without parsing (start-up time)
        first = _char(ord(item[0]), flags) if item else None
        return None if first is None else {first}
    try:
        parsed = _parser.parse(item, flags)
    except re.error:
        return None
    if parsed.state.groups > 1:
        return None  # capturing groups would be duplicated and renumbered
    chars, empty = _first(parsed.data, flags)
    return None if empty else chars


def dispatched(items: list[str], flags: int) -> str:
    """``(?:item1|item2|...)`` rewritten with a first-character dispatch (same matches, see the module)."""
    firsts = [first_chars(i, flags) for i in items]
    known = sorted({c for f in firsts if f is not None for c in f})
    codes = {ord(c) for c in known}
    if not known or any(codes.intersection(_EXTRA_CASES.get(n, ())) for n in codes):
        # two first characters that ignore-case matching treats as one ("s" and "ſ") would both dispatch
        return "(?:" + "|".join(items) + ")"
    branches = []
    # the look-aheads in chunks of a few characters: "(?=[abcde])(?:(?=a)...|(?=b)...)|(?=[fghij])..."
    # tries about ten look-aheads at a word start instead of one for every letter
    for n in range(0, len(known), _CHUNK):
        chunk = known[n : n + _CHUNK]
        inner = []
        for c in chunk:
            group = [i for i, f in zip(items, firsts, strict=True) if f is None or c in f]
            inner.append("(?=" + re.escape(c) + ")" + _by_second(c, group, flags))
        branches.append("(?=[" + "".join(re.escape(c) for c in chunk) + "])(?:" + "|".join(inner) + ")")
    unknown = [i for i, f in zip(items, firsts, strict=True) if f is None]
    if unknown:
        branches.append("(?![" + "".join(re.escape(c) for c in known) + "])(?:" + "|".join(unknown) + ")")
    return "(?:" + "|".join(branches) + ")"


def _by_second(c: str, group: list[str], flags: int) -> str:
    """``(?:item|item...)`` for the items that can start with ``c``, dispatched on the second character
    the same way when there are enough of them: ``(?:(?=co)(?:...)|(?=ca)(?:...)|(?!c[oa])(?:...))``."""
    plain = "(?:" + "|".join(group) + ")"
    if len(group) < _MIN_SECOND:
        return plain
    seconds: list[set[str] | None] = []
    for item in group:
        two = first_two(item, flags)
        seconds.append(None if two is None else {t[1] for t in two if t[0] == c})
    known = sorted({d for f in seconds if f is not None for d in f})
    codes = {ord(d) for d in known}
    if not known or any(codes.intersection(_EXTRA_CASES.get(n, ())) for n in codes):
        return plain
    branches = []
    for d in known:
        sub = [i for i, f in zip(group, seconds, strict=True) if f is None or d in f]
        branches.append("(?=" + re.escape(c + d) + ")(?:" + "|".join(sub) + ")")
    unknown = [i for i, f in zip(group, seconds, strict=True) if f is None]
    if unknown:
        branches.append(
            "(?!"
            + re.escape(c)
            + "["
            + "".join(re.escape(d) for d in known)
            + "])(?:"
            + "|".join(unknown)
            + ")"
        )
    return "(?:" + "|".join(branches) + ")"


# ---------------------------------------------------------------- literal gates

# the only characters outside ASCII that a case-insensitive pattern matches for an ASCII character
# ("İ" and "ı" for "i", "ſ" for "s", the Kelvin sign for "k"); tests/checker/test_speed_gates.py checks the list
CASE_ODDITIES = frozenset("İıſ\u212a")


def _required(seq: list, depth: int = 0) -> frozenset[str] | None:
    """Lower-cased ASCII strings one of which is in every match of the parsed sequence ``seq`` (the best such
    set found: its shortest string as long as possible), or None when there is none to be sure of."""
    if depth > 50:
        return None
    options: list[frozenset[str]] = []
    run = ""
    for op, av in [*seq, (None, None)]:
        if op is C.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if run:
            options.append(frozenset([run]))
            run = ""
        sub: frozenset[str] | None = None
        if op is C.SUBPATTERN:
            sub = _required(av[3].data, depth + 1)
        elif op is C.BRANCH:
            alternatives = [_required(branch.data, depth + 1) for branch in av[1]]
            if all(a is not None for a in alternatives):
                sub = frozenset().union(*[a for a in alternatives if a is not None])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            sub = _required(av[2].data, depth + 1)
        elif op is C.ASSERT:  # a look-ahead or look-behind: what it needs is in the text too
            sub = _required(av[1].data, depth + 1)
        if sub:
            options.append(sub)
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


def required_words(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-cased ASCII strings one of which is in the lower-cased text wherever ``rx`` matches, when the text
    holds none of CASE_ODDITIES (a gate: if none of them is in the text, ``rx`` cannot match); None when the
    pattern needs no such string. Read from Python's own parse of the pattern, so it follows the pattern."""
    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
    except re.error:
        return None
    found = _required(list(parsed.data))
    return None if not found or "" in found else tuple(sorted(found))
