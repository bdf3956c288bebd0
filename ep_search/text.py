"""Text normalisation, tokenisation and light stemming (pure Python, no dependencies)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# Words with no search value on their own. Kept small on purpose: BM25's idf does the rest.
STOPWORDS = frozenset(
    [
        # function words that only ever showed up as noise in explanations ("Matches 'since', 'last'")
        "already",
        "although",
        "something",
        "surely",
        "though",
        "yet",
        "a",
        "about",
        "above",
        "after",
        "again",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "done",
        "down",
        "during",
        "each",
        "else",
        "even",
        "ever",
        "every",
        "few",
        "for",
        "from",
        "further",
        "get",
        "gets",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "let",
        "lets",
        "like",
        "me",
        "more",
        "most",
        "much",
        "must",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "im",
        "ive",
        "id",
        "ill",
        "dont",
        "doesnt",
        "didnt",
        "cant",
        "wont",
        "isnt",
        "arent",
        "wasnt",
        "shouldnt",
        "couldnt",
        "wouldnt",
        # contractions typed without the apostrophe (else "theres" is "corrected" to "themes")
        "theres",
        "thats",
        "whats",
        "wheres",
        "whos",
        "hows",
        "heres",
        "theyre",
        "youre",
        "weve",
        "theyve",
        "youve",
        "hes",
        "shes",
        "itll",
        "youd",
        "theyd",
        "hadnt",
        "havent",
        "hasnt",
        "werent",
        "aint",
        "ok",
        "okay",
        "yes",
        "please",
        "thanks",
        "help",
        "really",
        "actually",
        "just",
        "still",
        "now",
        "one",
        "ask",
        "asked",
        "know",
        "want",
        "wants",
        "wanted",
        "think",
        "thing",
        "things",
        "way",
        "lot",
        "lots",
        "bit",
        "need",
        "needs",
        "going",
        "go",
        "gone",
        "keep",
        "keeps",
        "kept",
        "say",
        "says",
        "said",
        "tell",
        "told",
        "make",
        "made",
        "new",
        "etc",
    ]
)

IRREGULAR = {
    "children": "child",
    "kids": "kid",
    "women": "woman",
    "men": "man",
    "people": "person",
    "grandchildren": "grandchild",
    "mums": "mum",
    "bought": "buy",
    # "care" loses its final e and would become "car": keep the vehicle apart from care (in care, duty of
    # care, care leaver), or "my care leavers" reads as "my car" (a doxxing cue)
    "car": "motorcar",
    "cars": "motorcar",
}

_TOKEN_RE = re.compile(r"[a-z0-9]+")
_VOWEL_RE = re.compile(r"[aeiouy]")


def normalise(text: str) -> str:
    """Lower-case, fold accents and fancy quotes, and turn emoji/punctuation into spaces.

    One output character per input character, so offsets found in the result are offsets into
    the original text (used for highlights).
    """
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    if text.isascii():
        return text.lower()
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch.lower())
            continue
        decomposed = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in decomposed if c.isascii())
        out.append(base.lower()[:1] if base else " ")
    return "".join(out)


_APOSTROPHE_S = re.compile(r"'s\b|'")
_SECTION_RE = re.compile(r"\b(?:section|sect|sec|s)\s*\.?\s*(\d{1,3})\b")


def prepare(text: str) -> str:
    """Normalise and canonicalise a few patterns workers type in many ways."""
    text = normalise(text)
    text = _APOSTROPHE_S.sub(lambda m: "  " if len(m.group(0)) == 2 else " ", text)
    # "section 47", "s.47", "s 47" -> "s47"
    text = _SECTION_RE.sub(lambda m: f"s{m.group(1)}", text)
    return text


def tokens_with_offsets(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield (token, start, end) of alphanumeric runs in an already normalised string."""
    for m in _TOKEN_RE.finditer(text):
        yield m.group(0), m.start(), m.end()


def tokenize(text: str) -> list[str]:
    return _TOKEN_RE.findall(prepare(text))


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A light, deterministic English suffix stripper (S-stemmer plus -ing/-ed and final -e)."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= 3 or word.isdigit():
        return word
    w = word
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses") or w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix):
            base = w[: -len(suffix)]
            if len(base) >= 3 and _VOWEL_RE.search(base):
                w = base
                if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                    w = w[:-1]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if w.endswith("y") and len(w) > 3:
        w = w[:-1] + "i"
    return w


def analyse(text: str) -> list[str]:
    """Tokens -> stems, stopwords removed. The analysis used for indexing."""
    return [stem(t) for t in tokenize(text) if t not in STOPWORDS]


_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\n\s*[-*]\s+")


def split_passages(text: str, max_chars: int = 320) -> list[str]:
    """Split plain text into sentence-sized passages (long sentences cut at word boundaries)."""
    parts: list[str] = []
    for raw in _SENTENCE_RE.split(text):
        s = " ".join(raw.split())
        s = s.lstrip("-* ").strip()
        if not s:
            continue
        while len(s) > max_chars:
            cut = s.rfind(" ", 0, max_chars)
            if cut <= 0:
                cut = max_chars
            parts.append(s[:cut].strip())
            s = s[cut:].strip()
        if s:
            parts.append(s)
    return parts


_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_MARK = re.compile(r"[*_`#>]+")


def strip_markdown(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    return _MD_MARK.sub("", text)
