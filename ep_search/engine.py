"""The search engine: BM25F over named fields + query understanding + topic cues (+ optional dense)."""

from __future__ import annotations

import math
import operator
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from .documents import Document, Hit
from .neighbours import Neighbours
from .query import AnalysedQuery, Lexicon, analyse_query
from .spell import SpellCorrector
from .text import (
    STOPWORDS,
    normalise,
    prepare,
    split_passages,
    stem,
    strip_markdown,
    tokens_with_offsets,
)

DEFAULT_FIELD_WEIGHTS: dict[str, float] = {
    "title": 3.0,
    "keywords": 2.5,
    "summary": 2.0,
    "questions": 1.5,
    "section": 1.0,
    "topics": 1.0,
    "body": 1.0,
    "advice": 0.3,
}
# Fields that say what a document is about and how people ask about it (the actor cues and feedback read
# them); a clause has no summary, so its text stands in.
ASK_FIELDS = ("title", "summary", "keywords", "questions")
PASSAGE_FIELDS_ORDER = ("summary", "body", "questions", "advice", "keywords", "section", "title")
NO_PASSAGE_FIELDS = {"topics", "concepts"}
WEAK_PASSAGE_FIELDS = {"title", "keywords", "section"}
OWN_WORD_BONUS = 1.5
BACK_REFERENCES = ("as above", "as in option", "same as", "see above", "as before")


@dataclass
class Settings:
    k1: float = 1.2
    b: float = 0.75
    topic_boost: float = 1.0  # weight of the topic cues (0..1) added to the normalised lexical score (0..1)
    # Fusion with the dense ranking (when an embedder is used): reciprocal-rank fusion,
    # score = 1/(rrf_k + lexical rank) + dense_weight/(rrf_k + dense rank).
    dense_weight: float = 0.5
    rrf_k: float = 10.0
    # How the embedder's opinion joins the lexical one: "rrf" (above) or "score" (the similarity, rescaled
    # to 0..1 over the documents, x score_weight is added to the lexical + cue score). "" = the
    # embedder's own choice: the static embedder (the default) uses "score", MiniLM ("auto") "rrf".
    fusion: str = ""
    score_weight: float = 1.2
    # Static vectors: the similarity used is (1 - phrase_weight) x the document's + phrase_weight x that of
    # its closest single "how people ask" phrasing (0 = the document vector alone)
    phrase_weight: float = 0.0
    # Confidence gate for the dense ranking: 0 = always fuse; otherwise fuse only when the question
    # has a word the index does not know (after correction and the lexicon) or when the best raw
    # BM25F score is below dense_gate (weak lexical evidence). Questions outside the gate skip the
    # model entirely, so they cost no more than lexical search.
    dense_gate: float = 0.0
    dense_gate_unknown: bool = True  # with a gate, also fuse when the question has an unknown word
    expand: bool = True
    expand_weight: float = 1.0  # x the lexicon rules' weights for the words they add
    span_max: bool = True  # rules matching the same words cue a topic once (max), not once per rule
    single_cue: float = 0.8  # x the topic cues of a one-word lexicon phrase ("page", "video")
    known_cue: float = 0.6  # x the topic cues of a phrase whose words the guidance itself uses
    correct: bool = True
    use_topics: bool = True
    topic_confidence: float = 1.0  # cues weaker than this boost proportionally less
    topic_sum: bool = True  # a document carrying several cued topics gets more (capped at 1) than one
    # Role/actor cues: + actor_boost x (share of the question's actor groups the document's "how people
    # ask" fields name). Soft: it reorders close candidates, it does not outrank a clearly better match.
    actor_boost: float = 0.1
    # Pseudo-relevance feedback (RM3-style): the prf_terms most characteristic words of the prf_docs best
    # first-pass matches' "how people ask" fields join the query at weight <= prf_weight, then re-rank.
    actor_mismatch: float = 2.0  # x actor_boost taken off when the title is about another actor group
    prf_weight: float = 0.0
    doc_expand: float = 0.0  # weight of the index-time "concepts" field (0 = not built)
    prf_unknown_only: bool = True  # only when the question has a word the guidance never uses
    prf_docs: int = 3
    prf_terms: int = 10
    # Offline-learnt neighbours (data/neighbours.tsv): a word the guidance never uses, that spelling
    # correction and the lexicon left alone, adds its closest guidance words at nb_weight x similarity.
    nb_weight: float = 0.0  # off: no measurable gain (docs/search.md, 24 Nov 2026 round)
    nb_threshold: float = 0.5
    nb_margin: float = 1.0
    nb_top: int = 3
    nb_topics: float = 0.0  # x similarity: topic cues lent by a neighbour that is a one-word lexicon phrase


SERVICE_USER_GROUPS = frozenset({"family", "child", "care-leaver", "former-service-user"})


def _umbrella(actors: set[str]) -> set[str]:
    """Groups that also cover the question's actors: a parent or a child is a person who uses services."""
    return {"service-user"} if actors & SERVICE_USER_GROUPS else set()


def _phrasings(doc: Document) -> list[str]:
    """The separate ways of asking in a document's questions field (entries are joined by blank lines)."""
    text = str(doc.fields.get("questions") or "")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def topic_label(key: str) -> str:
    return key.replace("-", " ")


@dataclass
class _Passage:
    field: str
    text: str
    stems: frozenset[str]


class SearchEngine:
    """Index a list of ``Document`` once; ``search`` returns ranked ``Hit``s with explanations."""

    def __init__(
        self,
        documents: Iterable[Document],
        *,
        embedder: object | str | None = "static",
        field_weights: Mapping[str, float] | None = None,
        settings: Settings | None = None,
        lexicon: Lexicon | None = None,
        neighbours: Neighbours | None = None,
    ) -> None:
        self.documents: list[Document] = list(documents)
        self.settings = settings or Settings()
        self.field_weights = dict(DEFAULT_FIELD_WEIGHTS, concepts=self.settings.doc_expand)
        if field_weights:
            self.field_weights.update(field_weights)
        self.lexicon = lexicon or Lexicon.load()
        self.neighbours = neighbours
        if neighbours is None and self.settings.nb_weight > 0:
            self.neighbours = Neighbours.load()
        self._build()
        self.embedder = None
        if embedder == "auto":
            from .dense import load_default_embedder

            embedder = load_default_embedder()
        elif embedder == "static":
            from .static import StaticEmbedder

            embedder = StaticEmbedder.load()
        self._phrase_vectors: list[tuple[int, list[float]]] = []
        if embedder is not None:
            self.embedder = embedder
            self._doc_vectors = embedder.encode_documents(self.documents)  # type: ignore[attr-defined]
            if self.settings.phrase_weight > 0 and hasattr(embedder, "encode_phrases"):
                self._phrase_vectors = embedder.encode_phrases(
                    [(i, p) for i, d in enumerate(self.documents) for p in _phrasings(d)]
                )

    # ------------------------------------------------------------------ indexing
    def _build(self) -> None:
        k1, b = self.settings.k1, self.settings.b
        field_tfs: list[dict[str, Counter[str]]] = []
        field_lens: dict[str, list[int]] = defaultdict(list)
        surface: Counter[str] = Counter()
        self._passages: list[list[_Passage]] = []
        self._doc_actors: list[frozenset[str]] = []
        self._title_actors: list[frozenset[str]] = []
        self._ask_terms: list[dict[str, float]] = []
        for doc in self.documents:
            per_field: dict[str, Counter[str]] = {}
            passages: list[_Passage] = []
            fields = dict(doc.fields)
            fields.setdefault("title", doc.title)
            if "topics" not in fields and doc.topics:
                fields["topics"] = " ".join(topic_label(t) for t in doc.topics)
            if self.settings.doc_expand > 0:
                # document-side expansion, once at index time: the lexicon's vocabulary for the phrases
                # the document's "how people ask" fields use, as a weak extra field
                ask_src = " ".join(str(fields.get(f) or "") for f in (*ASK_FIELDS, "body"))
                dq = analyse_query(strip_markdown(ask_src), self.lexicon, None, expand=True)
                fields["concepts"] = " ".join(t for t in dq.terms if t not in dq.own_terms)
            for name, raw in fields.items():
                text = strip_markdown(str(raw or ""))
                toks = [t for t, _, _ in tokens_with_offsets(prepare(text))]
                surface.update(toks)
                stems = [stem(t) for t in toks if t not in STOPWORDS]
                per_field[name] = Counter(stems)
                field_lens[name].append(len(stems))
                if name not in NO_PASSAGE_FIELDS:
                    for p in split_passages(text):
                        ps = frozenset(
                            stem(t) for t, _, _ in tokens_with_offsets(prepare(p)) if t not in STOPWORDS
                        )
                        passages.append(_Passage(name, p, ps))
            field_tfs.append(per_field)
            self._passages.append(passages)
            ask_names = [f for f in ASK_FIELDS if f in fields]
            if "summary" not in fields and "body" in fields:
                ask_names.append("body")
            ask_text = " ".join(strip_markdown(str(fields[f] or "")) for f in ask_names)
            ask_stems = [stem(t) for t, _, _ in tokens_with_offsets(prepare(ask_text))]
            self._doc_actors.append(frozenset(self.lexicon.actor_groups(ask_stems)))
            title_stems = [stem(t) for t, _, _ in tokens_with_offsets(prepare(str(fields["title"] or "")))]
            self._title_actors.append(frozenset(self.lexicon.actor_groups(title_stems)))
            ask_counts = Counter(t for t in ask_stems if len(t) > 2 and not t.isdigit())
            for t in STOPWORDS:
                ask_counts.pop(stem(t), None)
            total = sum(ask_counts.values()) or 1
            self._ask_terms.append({t: c / total for t, c in ask_counts.items()})
        avg = {name: (sum(v) / len(v) if v else 1.0) or 1.0 for name, v in field_lens.items()}

        self._postings: dict[str, dict[int, float]] = defaultdict(dict)
        for i, per_field in enumerate(field_tfs):
            acc: dict[str, float] = defaultdict(float)
            for name, counts in per_field.items():
                w = self.field_weights.get(name, 1.0)
                length = sum(counts.values())
                norm = 1 - b + b * length / avg[name]
                for term, tf in counts.items():
                    acc[term] += w * tf / norm
            for term, ptf in acc.items():
                self._postings[term][i] = ptf
        n = len(self.documents)
        self._idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self._postings.items()}
        self._k1 = k1
        self._stems = frozenset(self._postings)
        self._speller = SpellCorrector(
            surface | Counter(dict.fromkeys(self.lexicon.words, 1)), never=STOPWORDS
        )

    # ------------------------------------------------------------------ querying
    def analyse(self, query: str) -> AnalysedQuery:
        s = self.settings
        return analyse_query(
            query,
            self.lexicon,
            self._speller if s.correct else None,
            self._stems,
            expand=s.expand,
            neighbours=self.neighbours,
            nb_weight=s.nb_weight,
            nb_threshold=s.nb_threshold,
            nb_margin=s.nb_margin,
            nb_top=s.nb_top,
            nb_topics=s.nb_topics,
            expand_weight=s.expand_weight,
            span_max=s.span_max,
            single_cue=s.single_cue,
            known_cue=s.known_cue,
        )

    def _lexical(self, q: AnalysedQuery, allowed: set[int] | None) -> dict[int, float]:
        scores: dict[int, float] = defaultdict(float)
        k1 = self._k1
        for term, qw in q.terms.items():
            postings = self._postings.get(term)
            if not postings:
                continue
            idf = self._idf[term]
            for i, tf in postings.items():
                if allowed is not None and i not in allowed:
                    continue
                scores[i] += qw * idf * tf / (k1 + tf)
        return scores

    def search(self, query: str, limit: int = 10, kinds: set[str] | None = None) -> list[Hit]:
        if not query or not query.strip() or limit <= 0:
            return []
        q = self.analyse(query)
        if q.empty:
            return []
        allowed = None
        if kinds:
            allowed = {i for i, d in enumerate(self.documents) if d.kind in kinds}
        s = self.settings
        final = self._score(q, allowed)
        if not final:
            return []
        if s.prf_weight > 0 and (not s.prf_unknown_only or any(t not in self._postings for t in q.own_terms)):
            final = self._score(self._feedback(q, final), allowed) or final
        dense_rank: dict[int, int] = {}
        sims: dict[int, float] = {}
        if self.embedder is not None and self._dense_wanted(q, allowed):
            qv = self.embedder.encode_query(q.text)  # type: ignore[attr-defined]
            if qv is not None:
                sims = self.embedder.similarities(qv, self._doc_vectors, allowed)  # type: ignore[attr-defined]
                if self._phrase_vectors:
                    sims = self._with_phrases(qv, sims, allowed)
                order = sorted(sims, key=lambda i: -sims[i])
                dense_rank = {i: r for r, i in enumerate(order, 1)}
        fusion = s.fusion or getattr(self.embedder, "fusion", "rrf")
        lexical_top = set(sorted(final, key=lambda i: (-final[i], self.documents[i].id))[:3])
        if dense_rank and fusion == "score":
            # score-level fusion: the similarity, rescaled to 0..1 over the candidates, is added to the
            # lexical score (0..~2.1), so a clear lexical winner keeps its place and near ties move
            lo, hi = min(sims.values()), max(sims.values())
            span = (hi - lo) or 1.0
            final = {i: final.get(i, 0.0) + s.score_weight * (sim - lo) / span for i, sim in sims.items()}
        elif dense_rank:
            lex_order = sorted(final, key=lambda i: (-final[i], self.documents[i].id))
            lex_rank = {i: r for r, i in enumerate(lex_order, 1)}
            k = s.rrf_k
            final = {
                i: (1.0 / (k + lex_rank[i]) if i in lex_rank else 0.0) + s.dense_weight / (k + r)
                for i, r in dense_rank.items()
            }
        ranked = sorted(final.items(), key=lambda kv: (-kv[1], self.documents[kv[0]].id))[:limit]
        # "close in meaning" only where the embedder, not the words, brought a document into the top 3
        return [
            self._hit(i, sc, q, dense_rank.get(i) if i not in lexical_top else None) for i, sc in ranked
        ]

    def _with_phrases(self, qv: list[float], sims: dict[int, float], allowed: set[int] | None) -> dict[int, float]:
        """Mix each document's similarity with that of its closest "how people ask" phrasing: a question
        close to one way of asking should not be diluted by the rest of the document."""
        best: dict[int, float] = {}
        for i, pv in self._phrase_vectors:
            if allowed is not None and i not in allowed:
                continue
            v = sum(map(operator.mul, qv, pv))
            if v > best.get(i, -2.0):
                best[i] = v
        a = self.settings.phrase_weight
        return {i: (1 - a) * sim + a * best[i] if i in best else sim for i, sim in sims.items()}

    def _dense_wanted(self, q: AnalysedQuery, allowed: set[int] | None) -> bool:
        gate = self.settings.dense_gate
        if gate <= 0:
            return True
        if self.settings.dense_gate_unknown and any(t not in self._postings for t in q.own_terms):
            return True
        lex = self._lexical(q, allowed)
        return max(lex.values(), default=0.0) < gate

    def _score(self, q: AnalysedQuery, allowed: set[int] | None) -> dict[int, float]:
        """Normalised BM25F + topic cues + actor cues, for every document matching a term."""
        lex = self._lexical(q, allowed)
        if not lex:
            return {}
        top = max(lex.values()) or 1.0
        s = self.settings
        topic_max = max(q.topics.values()) if q.topics else 0.0
        topic_total = sum(q.topics.values())
        final: dict[int, float] = {}
        for i in lex:
            score = lex[i] / top
            if s.use_topics and topic_max > 0:
                cues = [q.topics.get(t, 0.0) for t in self.documents[i].topics]
                cue = max(cues, default=0.0) / topic_max
                if s.topic_sum:  # half for the best cue, half for the share of all cues covered
                    cue = 0.5 * cue + 0.5 * sum(cues) / topic_total
                score += s.topic_boost * cue * min(1.0, topic_max / s.topic_confidence)
            if s.actor_boost and q.actors:
                score += s.actor_boost * len(q.actors & self._doc_actors[i]) / len(q.actors)
                # a document whose title is about someone else ("A care leaver sends ...") when the
                # question names a parent: "service user" covers the people who use services
                title_actors = self._title_actors[i]
                if title_actors and not title_actors & (q.actors | _umbrella(q.actors)):
                    score -= s.actor_mismatch * s.actor_boost
            final[i] = score
        return final

    def _feedback(self, q: AnalysedQuery, first: dict[int, float]) -> AnalysedQuery:
        """RM3-style expansion: words typical of the best first-pass matches join the query, weakly."""
        s = self.settings
        top = sorted(first, key=lambda i: (-first[i], self.documents[i].id))[: s.prf_docs]
        best = first[top[0]] or 1.0
        mass: dict[str, float] = defaultdict(float)
        for i in top:
            w = first[i] / best
            for t, p in self._ask_terms[i].items():
                if t not in q.terms:
                    mass[t] += w * p * self._idf.get(t, 0.0)
        if not mass:
            return q
        chosen = sorted(mass, key=lambda t: (-mass[t], t))[: s.prf_terms]
        peak = mass[chosen[0]] or 1.0
        terms = dict(q.terms)
        for t in chosen:
            terms[t] = s.prf_weight * mass[t] / peak
        return replace(q, terms=terms)

    # ------------------------------------------------------------------ explanations
    def _hit(self, i: int, score: float, q: AnalysedQuery, dense_rank: int | None = None) -> Hit:
        doc = self.documents[i]
        weights = {t: w * self._idf.get(t, 0.0) for t, w in q.terms.items()}
        best: _Passage | None = None
        best_key: tuple[float, int] = (-1.0, 0)
        order = {f: n for n, f in enumerate(PASSAGE_FIELDS_ORDER)}
        for p in self._passages[i]:
            # the worker's own words count more than words the lexicon added for them, so the passage
            # shown tends to contain what they typed
            value = sum(weights.get(t, 0.0) * (OWN_WORD_BONUS if t in q.own_terms else 1.0) for t in p.stems)
            if p.field in WEAK_PASSAGE_FIELDS:  # a keyword list or a heading makes a poor passage
                value *= 0.3
            if p.text[:12].lower().startswith(BACK_REFERENCES):  # "As above, plus ..." reads badly alone
                value *= 0.5
            if len(p.text) < 40:
                value *= 0.6
            key = (value, -order.get(p.field, len(order)))
            if key > best_key:
                best_key, best = key, p
        passage = best.text if best else doc.title
        spans: list[tuple[int, int, float, bool]] = []
        for tok, start, end in tokens_with_offsets(normalise(passage)):
            if tok in STOPWORDS:
                continue
            st = stem(tok)
            if st in q.terms:
                spans.append((start, end, weights.get(st, 0.0), st in q.own_terms))
        # merge neighbouring matched words into phrases ("birth mother", "contact order")
        merged: list[list] = []
        for start, end, w, own in spans:
            if merged and passage[merged[-1][1] : start] in (" ", "-") and start - merged[-1][1] == 1:
                merged[-1][1] = end
                merged[-1][2] += w
                merged[-1][3] = merged[-1][3] or own
            else:
                merged.append([start, end, w, own])
        highlights = [(m[0], m[1]) for m in merged]
        matched: dict[str, tuple[bool, float]] = {}
        surface: dict[tuple[str, ...], str] = {}  # one spelling per stem sequence ("family"/"families")
        for m_start, m_end, m_w, m_own in merged:
            phrase = passage[m_start:m_end].lower()
            stem_key = tuple(stem(t) for t, _, _ in tokens_with_offsets(normalise(phrase)))
            phrase = surface.setdefault(stem_key, phrase)
            rank = (bool(m_own), float(m_w))
            if phrase not in matched or rank > matched[phrase]:
                matched[phrase] = rank
        terms = [p for p, _ in sorted(matched.items(), key=lambda kv: kv[1], reverse=True)][:3]
        matched_topics = sorted(
            (t for t in doc.topics if q.topics.get(t, 0.0) > 0), key=lambda t: -q.topics[t]
        )
        parts = []
        if dense_rank is not None and dense_rank <= 3:
            parts.append("Close in meaning to your question")
        if terms:
            parts.append("Matches " + ", ".join(f"'{t}'" for t in terms))
        if matched_topics:
            parts.append("topic: " + ", ".join(topic_label(t) for t in matched_topics[:2]))
        if q.corrections:
            fixes = ", ".join(f"{a} → {b}" for a, b in list(q.corrections.items())[:2])
            parts.append(f"read as: {fixes}")
        why = " · ".join(parts) or "Related guidance"
        return Hit(
            document=doc,
            score=score,
            passage=passage,
            highlights=highlights,
            matched_topics=matched_topics,
            matched_terms=terms,
            why=why,
        )
