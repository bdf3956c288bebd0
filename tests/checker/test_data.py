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
