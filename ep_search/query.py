"""Query understanding: normalisation, spelling correction, jargon/slang expansion, topic cues."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .neighbours import Neighbours
from .spell import SpellCorrector
from .text import STOPWORDS, prepare, stem, tokens_with_offsets

DATA_DIR = Path(__file__).parent / "data"
MAX_QUERY_TOKENS = 400
MAX_CORRECTABLE_LENGTH = 24


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Common English words (SCOWL via Debian's wbritish, see data/english-words.LICENSE.txt).

    A correctly spelt English word is never "corrected" into an index word ("sent" is not "sext")."""
    return frozenset((DATA_DIR / "english-words.txt").read_text(encoding="ascii").split())


@dataclass(frozen=True)
class Rule:
    phrases: tuple[tuple[str, ...], ...]  # stem sequences
    add: tuple[str, ...]  # stems
    weight: float
    topics: tuple[tuple[str, float], ...]
    label: str  # first phrase as written, for explanations


@dataclass
class Lexicon:
    rules: list[Rule]
    by_first: dict[str, list[tuple[tuple[str, ...], int]]]
    words: frozenset[str]  # surface words appearing in the lexicon (for spelling correction)
    respell: dict[str, str] = field(default_factory=dict)  # text speak -> word, before correction
    # actor group -> phrases (stem sequences): who a question or a document is about
    actors: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    _actor_first: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict, repr=False)

    def actor_groups(self, stems: list[str] | tuple[str, ...]) -> set[str]:
        """The actor groups named in a stem sequence ("parent", "care leaver", "manager"...)."""
        first = self._actor_first
        if not first and self.actors:  # first stem -> (phrase, group), built on first use
            for group, phrases in self.actors.items():
                for seq in phrases:
                    first.setdefault(seq[0], []).append((seq, group))
        found: set[str] = set()
        for i, st in enumerate(stems):
            for seq, group in first.get(st, ()):
                if group not in found and tuple(stems[i : i + len(seq)]) == seq:
                    found.add(group)
        return found

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        return _load_lexicon(str(path or DATA_DIR / "lexicon.yaml"))

    def topics(self) -> set[str]:
        return {t for r in self.rules for t, _ in r.topics}


def _stems(text: str) -> tuple[str, ...]:
    return tuple(stem(t) for t, _, _ in tokens_with_offsets(prepare(text)))


@lru_cache(maxsize=4)
def _load_lexicon(path: str) -> Lexicon:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    rules: list[Rule] = []
    by_first: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
    words: set[str] = set()
    for raw in data["rules"]:
        phrases = []
        for p in raw["match"]:
            p = str(p)
            seq = _stems(p)
            if seq:
                phrases.append(seq)
                words.update(t for t, _, _ in tokens_with_offsets(prepare(p)))
        add = tuple(s for s in _stems(str(raw.get("add", ""))) if s not in STOPWORDS)
        words.update(t for t, _, _ in tokens_with_offsets(prepare(str(raw.get("add", "")))))
        rule = Rule(
            phrases=tuple(phrases),
            add=add,
            weight=float(raw.get("weight", 0.5)),
            topics=tuple((str(k), float(v)) for k, v in (raw.get("topics") or {}).items()),
            label=str(raw["match"][0]),
        )
        idx = len(rules)
        rules.append(rule)
        for seq in phrases:
            by_first[seq[0]].append((seq, idx))
    for lst in by_first.values():
        lst.sort(key=lambda x: -len(x[0]))
    respell = {str(k).lower(): str(v).lower() for k, v in (data.get("respell") or {}).items()}
    words.update(respell.values())
    actors = {
        str(group): tuple(seq for seq in (_stems(str(p)) for p in phrases) if seq)
        for group, phrases in (data.get("actors") or {}).items()
    }
    return Lexicon(
        rules=rules, by_first=dict(by_first), words=frozenset(words), respell=respell, actors=actors
    )


@dataclass
class AnalysedQuery:
    text: str
    tokens: list[str]  # surface tokens after spelling correction
    terms: dict[str, float]  # stem -> weight
    own_terms: set[str]  # stems the worker typed (after correction)
    topics: dict[str, float]  # topic -> cue strength
    corrections: dict[str, str] = field(default_factory=dict)
    expansions: list[str] = field(default_factory=list)  # labels of the rules that fired
    actors: set[str] = field(default_factory=set)  # actor groups the question names
    neighbours: dict[str, list[str]] = field(default_factory=dict)  # unknown word -> guidance words added

    @property
    def empty(self) -> bool:
        return not self.terms


def analyse_query(
    text: str,
    lexicon: Lexicon,
    speller: SpellCorrector | None,
    known_stems: frozenset[str] | set[str] = frozenset(),
    *,
    expand: bool = True,
    neighbours: Neighbours | None = None,
    nb_weight: float = 0.0,
    nb_threshold: float = 0.0,
    nb_margin: float = 1.0,
    nb_top: int = 3,
    nb_topics: float = 0.0,
    expand_weight: float = 1.0,
    span_max: bool = True,
    single_cue: float = 1.0,
    known_cue: float = 1.0,
) -> AnalysedQuery:
    prepared = prepare(text or "")
    surface = [t for t, _, _ in tokens_with_offsets(prepared)][:MAX_QUERY_TOKENS]
    corrections: dict[str, str] = {}
    tokens: list[str] = []
    english = english_words() if speller is not None else frozenset()
    for tok in surface:
        if tok in lexicon.respell:  # "fone" -> "phone", "ur" -> "your": not shown as a correction
            tok = lexicon.respell[tok]
        fixed = tok
        if (
            speller is not None
            and tok not in STOPWORDS
            and tok not in lexicon.words
            and len(tok) <= MAX_CORRECTABLE_LENGTH
            and tok not in english
            and not speller.known(tok)
            and stem(tok) not in known_stems
            and not (neighbours is not None and nb_weight > 0 and stem(tok) in neighbours.table)
        ):
            c = speller.correct(tok)
            if c is not None:
                corrections[tok] = c
                fixed = c
        tokens.append(fixed)

    stems = [stem(t) for t in tokens]
    terms: dict[str, float] = {}
    own: set[str] = set()
    for tok, s in zip(tokens, stems, strict=True):
        if tok in STOPWORDS or (len(s) < 2 and not s.isdigit()):
            continue
        own.add(s)
        terms[s] = min(terms.get(s, 0.0) + 1.0, 2.0)

    topics: dict[str, float] = defaultdict(float)
    fired: list[str] = []
    covered: set[int] = set()  # token positions a lexicon rule matched
    if expand:
        fired_idx: set[int] = set()
        i = 0
        n = len(stems)
        while i < n:
            # greedy longest match: the longest phrase starting here wins ("checking in" is not "checking")
            best_len = 0
            best_rules: list[int] = []
            for seq, ridx in lexicon.by_first.get(stems[i], ()):
                L = len(seq)
                if best_len > L:
                    break
                if tuple(stems[i : i + L]) == seq:
                    best_len = L
                    best_rules.append(ridx)
            span_topics: dict[str, float] = {}
            # how much this match says about the topic: a one-word phrase ("page", "video") is weaker
            # evidence than a longer one, and a phrase the guidance itself uses is already matched as words
            factor = 1.0
            if best_len == 1:
                factor *= single_cue
            if best_len and all(st in known_stems for st in stems[i : i + best_len]):
                factor *= known_cue
            for ridx in best_rules:
                if ridx in fired_idx:
                    continue
                fired_idx.add(ridx)
                rule = lexicon.rules[ridx]
                fired.append(" ".join(tokens[i : i + best_len]))
                covered.update(range(i, i + best_len))
                w_add = rule.weight * expand_weight
                for a in rule.add:
                    if terms.get(a, 0.0) < w_add:
                        terms[a] = w_add
                for t, w in rule.topics:
                    w *= factor
                    # several rules matching the same words are one piece of evidence, not several
                    span_topics[t] = max(span_topics.get(t, 0.0), w) if span_max else span_topics.get(t, 0.0) + w
            for t, w in span_topics.items():
                topics[t] += w
            i += best_len or 1
    added: dict[str, list[str]] = {}
    if neighbours is not None and nb_weight > 0:
        # words the guidance never uses, that correction left alone and no lexicon rule covered: the
        # guidance words closest in meaning (learnt offline), at a low weight
        for pos, (tok, s) in enumerate(zip(tokens, stems, strict=True)):
            if pos in covered or s in known_stems or tok in STOPWORDS or s in added:
                continue
            near = neighbours.lookup(s, known_stems, threshold=nb_threshold, margin=nb_margin, top=nb_top)
            if not near:
                continue
            added[s] = [t for t, _ in near]
            for target, sim in near:
                w = nb_weight * sim
                if terms.get(target, 0.0) < w:
                    terms[target] = w
                if nb_topics > 0 and expand:
                    # a neighbour that is itself a one-word lexicon phrase lends that rule's topic cues
                    for seq, ridx in lexicon.by_first.get(target, ()):
                        if len(seq) == 1:
                            for t, tw in lexicon.rules[ridx].topics:
                                topics[t] += nb_topics * sim * tw
    return AnalysedQuery(
        text=text,
        tokens=tokens,
        terms=terms,
        own_terms=own,
        topics=dict(topics),
        corrections=corrections,
        expansions=fired,
        actors=lexicon.actor_groups(stems),
        neighbours=added,
    )
