"""The checker's data files agree with the shared vocabulary and the policy text."""

import re
from pathlib import Path

import pytest
import yaml

from ep_checker import _data

ROOT = Path(__file__).resolve().parents[2]
TAXONOMY = ROOT / "content" / "taxonomy.yaml"
SECTIONS = ROOT / "content" / "policy" / "sections"


def test_categories_and_topics_are_taxonomy_keys():
    tax = yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))
    cats = _data.categories()
    assert set(cats) == set(tax["finding_categories"])
    for info in cats.values():
        assert set(info["topics"]) <= set(tax["topics"])
        assert info["message"] and info["suggestion"]
    assert set(_data.clauses()) == set(tax["finding_categories"])


@pytest.mark.skipif(not SECTIONS.is_dir(), reason="policy sections not in this checkout")
def test_clause_anchors_exist_in_policy():
    anchors = set()
    for f in SECTIONS.glob("*.yaml"):
        for c in (yaml.safe_load(f.read_text(encoding="utf-8")) or {}).get("clauses") or []:
            anchors.add(c["anchor"])
    used = {a for v in _data.clauses().values() for a in v}
    assert used <= anchors, used - anchors


def test_lexicon_entries_are_strings_and_compile():
    lex = _data._yaml("lexicon.yaml")
    for key, items in lex.items():
        for it in items:
            assert isinstance(it, str), (key, it)
            re.compile(it)


def test_word_lists_are_sizeable_and_disjoint():
    assert len(_data.first_names()) > 1500
    assert not (_data.first_names() & _data.ambiguous_names())
    assert {"will", "may", "grace", "hope", "mark", "rose", "amber", "jade"} <= _data.ambiguous_names()


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Reading the Cass Review this weekend: Dr Hilary Cass's recommendations will change practice", "Cass"),
        ("Reading the Francis Report again. Robert Francis QC's points on candour still hit hard", "Francis"),
        ("Congrats to Prince William on the homelessness project reaching six cities", "William"),
        ("Stephen Fry talking about bipolar did more for my own recovery than any leaflet", "Fry"),
    ],
)
def test_public_figures_in_the_news_are_not_flagged_as_names(text, figure):
    from ep_checker import check

    assert not [f for f in check(text).findings if f.category == "name" and figure in f.text]


def test_a_public_figures_first_name_alone_is_still_a_name():
    from ep_checker import check

    r = check("Home visit to William (7) from the Elm estate today, he came into care last week")
    assert r.risk == "stop" and any(f.category == "name" and f.text == "William" for f in r.findings)


def test_a_public_figures_first_name_alone_later_in_the_post_is_them_too():
    from ep_checker import check

    r = check("Stephen Fry talking about bipolar helped my own recovery more than any leaflet. Thank you Stephen.")
    assert not [f for f in r.findings if f.category == "name"]
    r = check("Congrats to Prince William on the housing project. Well done William!")
    assert not [f for f in r.findings if f.category == "name"]
