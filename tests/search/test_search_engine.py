"""Unit tests of the guidance search core on small synthetic documents (fast, no Django)."""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ep_search import Document, SearchEngine
from ep_search.baseline import PlainBM25
from ep_search.query import Lexicon
from ep_search.spell import SpellCorrector, damerau_levenshtein
from ep_search.text import split_passages, stem, tokenize

from .synthetic import DOCS

ROOT = Path(__file__).resolve().parents[2]
TAXONOMY = ROOT / "content" / "taxonomy.yaml"


@pytest.fixture(scope="module")
def engine():
    # the lexical engine alone: these tests are about its mechanisms (the static vectors, on by
    # default, are tested in test_static.py on the real content, where 15 documents are too few)
    return SearchEngine(DOCS, embedder=None)


def top_ids(engine, q, n=3, **kw):
    return [h.document.id for h in engine.search(q, limit=n, **kw)]


# ---------------------------------------------------------------- text handling
def test_stem_groups_inflections():
    assert stem("messaging") == stem("messages") == stem("message") == stem("messaged")
    assert stem("recording") == stem("recorded") == stem("records")
    assert stem("families") == stem("family")
    assert stem("children") == stem("child")


def test_prepare_canonicalises_section_numbers_and_apostrophes():
    assert "s47" in tokenize("Section 47 enquiry")
    assert "s47" in tokenize("s.47")
    assert tokenize("Mum's FB!!! 😡") == ["mum", "fb"]


def test_split_passages():
    parts = split_passages("First sentence. Second one!\n\n- a list item")
    assert parts == ["First sentence.", "Second one!", "a list item"]


def test_damerau_levenshtein():
    assert damerau_levenshtein("safegaurding", "safeguarding") == 1
    assert damerau_levenshtein("facebok", "facebook") == 1
    assert damerau_levenshtein("abc", "xyz", limit=1) == 2


def test_spell_corrector_prefers_frequent_words():
    sc = SpellCorrector({"contact": 10, "contract": 1, "confidentiality": 3})
    assert sc.correct("contsct") == "contact"
    assert sc.correct("confidentialty") == "confidentiality"
    assert sc.correct("zzzzzz") is None


def test_spell_corrector_prefers_a_dropped_letter_and_never_a_stopword():
    sc = SpellCorrector({"with": 50, "birth": 2, "form": 20, "former": 3, "doing": 9}, never={"doing"})
    assert sc.correct("bith") == "birth"  # phone typing drops letters: not "with"
    assert sc.correct("formr") == "former"  # not "form"
    assert sc.correct("dming") is None  # "doing" would be dropped as a stopword anyway


def test_dev2_style_typos_are_read(engine):
    fixes = engine.analyse("my foater chid is msging her bith dad on snpachat").corrections
    assert fixes.get("bith") == "birth"


def test_lexicon_topics_exist_in_taxonomy():
    import yaml

    topics = set(yaml.safe_load(TAXONOMY.read_text())["topics"])
    lex = Lexicon.load()
    assert lex.rules
    assert lex.topics() <= topics


# ---------------------------------------------------------------- ranking
def test_browser_query_finds_lac_birth_family_case(engine):
    q = "foster kid messaging birth mum on snapchat behind our backs"
    assert top_ids(engine, q, 1) == ["looked-after-child-contacts-birth-family"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("LAC contacting birth family", "looked-after-child-contacts-birth-family"),
        ("cla yp on insta with bio dad", "looked-after-child-contacts-birth-family"),
        ("s47 can we look at parents fb", "researching-parents-online-s47"),
        ("whatsapp service users from personal mobile", "use-agreed-channels"),
        ("got doxxed by a family", "worker-details-posted-online"),
        ("SU sent me a friend request on FB", "decline-service-user-requests"),
        ("dad filming me on a home visit", "parent-records-meeting"),
    ],
)
def test_abbreviations_and_slang(engine, query, expected):
    assert expected in top_ids(engine, query)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("freind reqest from a famly on facebok", "decline-service-user-requests"),
        ("confidentialty posting about my cases", "no-identifiable-case-details"),
        ("privasy setings", "review-privacy-settings"),
        ("scrrenshots as evidance", "screenshots-as-evidence"),
    ],
)
def test_misspellings(engine, query, expected):
    assert expected in top_ids(engine, query)


def test_lower_case_no_punctuation_same_as_proper(engine):
    a = top_ids(engine, "Can I accept a Facebook friend request from a service user?", 2)
    b = top_ids(engine, "can i accept a facebook friend request from a service user", 2)
    assert a == b
    assert a[0] == "decline-service-user-requests"


def test_long_first_person_story(engine):
    story = (
        "So I have been a social worker for about six years and never had anything like this. Last month "
        "we went to court and the children were removed. Yesterday my neighbour showed me a facebook page "
        "where the family has put my photo, my full name and the road where I live, and people in the "
        "comments are saying they know where to find me. I am scared to go home and my manager is on leave. "
        "What am I supposed to do now?"
    )
    assert top_ids(engine, story, 1) == ["worker-details-posted-online"]


def test_results_explain_themselves(engine):
    hits = engine.search("foster kid messaging birth mum on snapchat", limit=3)
    h = hits[0]
    assert h.passage and isinstance(h.passage, str)
    assert h.highlights
    for start, end in h.highlights:
        assert 0 <= start < end <= len(h.passage)
        assert h.passage[start:end].strip()
    assert "children-in-care-contact" in h.matched_topics
    assert h.why.startswith("Matches")
    assert "children in care contact" in h.why
    d = h.to_dict()
    for key in ("kind", "id", "title", "url", "topics", "score", "passage", "why"):
        assert key in d
    assert d["url"] == "/cases/looked-after-child-contacts-birth-family/"
    json.dumps(d)
    scores = [x.score for x in hits]
    assert scores == sorted(scores, reverse=True)


def test_limit_and_kinds(engine):
    assert len(engine.search("social media", limit=2)) == 2
    assert engine.search("social media", limit=0) == []
    clauses = engine.search("facebook friend request foster", limit=10, kinds={"clause"})
    assert clauses and all(h.document.kind == "clause" for h in clauses)
    cases = engine.search("facebook friend request foster", limit=10, kinds={"dilemma"})
    assert cases and all(h.document.kind == "dilemma" for h in cases)
    assert engine.search("facebook", kinds={"leaflet"}) == []


@pytest.mark.parametrize("query", ["", "   ", "\n\t", "?!?", "😀😀", "the and of", "x" * 10_000])
def test_degenerate_queries(engine, query):
    assert isinstance(engine.search(query), list)


def test_very_long_query_is_fast(engine):
    q = ("my foster daughter keeps messaging her birth mum on snapchat " * 200)[:10_000]
    t0 = time.perf_counter()
    hits = engine.search(q)
    assert time.perf_counter() - t0 < 0.5
    assert hits and hits[0].document.id == "looked-after-child-contacts-birth-family"


def test_index_build_is_fast():
    docs = [
        Document(
            kind="clause",
            id=f"{d.id}-{n}",
            title=d.title,
            url=d.url,
            topics=d.topics,
            fields=d.fields,
        )
        for n in range(14)
        for d in DOCS
    ]
    t0 = time.perf_counter()
    SearchEngine(docs)
    assert time.perf_counter() - t0 < 1.0


def test_empty_index():
    assert SearchEngine([]).search("anything") == []


def test_baseline_runs():
    base = PlainBM25(DOCS)
    assert base.search("birth mother snapchat")[0].document.id == "looked-after-child-contacts-birth-family"


def test_document_is_frozen_and_hashable():
    d = DOCS[0]
    with pytest.raises(AttributeError):
        d.id = "x"  # type: ignore[misc]
    assert {d: 1}[d] == 1


def test_no_django_import():
    code = "import sys, ep_search, ep_search.content_source; print('django' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.strip()
    assert out == "False"


JARGON = [
    *[
        "LAC",
        "CLA",
        "CIN",
        "CP",
        "CPP",
        "s47",
        "s17",
        "s20",
        "EPO",
        "ICO",
        "SGO",
        "PLO",
        "AMHP",
        "DoLS",
        "LPS",
        "MCA",
        "CAMHS",
        "FB",
        "insta",
        "IG",
        "snap",
        "snapchat",
    ],
    *["WA", "whatsapp", "DM", "PM", "tiktok"],
    *["birth mum", "bio dad", "foster kid", "my lad", "nan", "section 47", "s.47", "doxxed"],
    "stalking my profile",
]


@pytest.mark.parametrize("jargon", JARGON)
def test_jargon_is_expanded(engine, jargon):
    q = engine.analyse(jargon)
    assert set(q.terms) - q.own_terms, f"{jargon!r} adds no guidance vocabulary"


def test_spelling_correction_is_reported(engine):
    hits = engine.search("scrrenshots as evidance")
    assert hits
    assert "read as" in hits[0].why


def test_real_words_are_not_corrected(engine):
    assert engine.analyse("she sent me a message tonight").corrections == {}


def test_cli_prints_contract(tmp_path, capsys):
    from ep_search.__main__ import main

    assert main(["--content", str(tmp_path), "anything"]) == 0
    assert json.loads(capsys.readouterr().out) == {"results": []}


def test_passage_prefers_the_workers_own_words_and_skips_back_references():
    doc = Document(
        kind="dilemma",
        id="d1",
        title="A dilemma",
        url="/cases/d1/",
        topics=("contact-requests",),
        fields={
            "body": "A family member sends a Facebook friend request. The families ask again.",
            "advice": "As above, plus a Facebook friend request from the family needs a reply.",
        },
    )
    hit = SearchEngine([doc]).search("family facebook friend request reply", limit=1)[0]
    assert not hit.passage.startswith("As above")
    stems_shown = [stem(t) for t in hit.matched_terms]
    assert len(stems_shown) == len(set(stems_shown))  # "family" and "families" are one match


def test_text_speak_is_respelt_before_correction(engine):
    q = engine.analyse("can i use my own fone to txt a yp abt contact")
    assert "phone" in q.tokens and "about" in q.tokens
    assert "fone" not in q.corrections  # respelling is not reported as a spelling fix


# ---------------------------------------------------------------- role/actor cues and feedback
def test_actor_groups_are_read_from_questions():
    lex = Lexicon.load()
    assert lex.actor_groups([stem(t) for t in tokenize("parent sent me a friend request")]) == {"family"}
    assert "care-leaver" in lex.actor_groups([stem(t) for t in tokenize("a care leaver added me")])
    assert "manager" in lex.actor_groups([stem(t) for t in tokenize("my boss wants to monitor me")])


def _actor_docs():
    body = "Friend requests on your personal account: decline them politely and record it."
    return [
        Document(
            "dilemma",
            "leaver",
            "A care leaver sends a friend request",
            "/l/",
            ("contact-requests",),
            {"summary": "A care leaver sends a friend request after her case closed.", "body": body},
        ),
        Document(
            "dilemma",
            "parent",
            "A mum sends a friend request",
            "/p/",
            ("contact-requests",),
            {"summary": "A parent on your caseload sends a friend request on Facebook.", "body": body},
        ),
    ]


def test_actor_cue_prefers_guidance_about_the_same_person():
    engine = SearchEngine(_actor_docs())
    assert top_ids(engine, "parent sent me friend request on fb", 1) == ["parent"]
    assert top_ids(engine, "care leaver sent me friend request on fb", 1) == ["leaver"]


def test_pseudo_relevance_feedback_is_optional_and_safe():
    from ep_search.engine import Settings

    plain = SearchEngine(DOCS)
    prf = SearchEngine(DOCS, settings=Settings(prf_weight=0.3, prf_unknown_only=False))
    q = "foster kid messaging birth mum on snapchat behind our backs"
    assert top_ids(prf, q, 1) == top_ids(plain, q, 1)
    assert prf.search("zzqx unknownword", limit=3) == []
