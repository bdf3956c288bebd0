"""Content is code: the policy, registers and casebook are validated like code."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest
import yaml

from eprofessional.core.contentfiles import NATIONS, ContentError, read_content, validate

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SHARED_TAXONOMY = ROOT.parent / "shared" / "contract" / "taxonomy.yaml"
FOUNDING_DILEMMAS = {
    "looked-after-child-contacts-birth-family",
    "viewing-family-social-media-in-safeguarding",
    "worker-doxxed-by-hostile-group",
}


@pytest.fixture(scope="module")
def content():
    return read_content(CONTENT)


def test_content_is_valid(content) -> None:
    assert validate(content) == []


def test_taxonomy_keeps_every_shared_contract_key() -> None:
    ours = yaml.safe_load((CONTENT / "taxonomy.yaml").read_text())
    if not SHARED_TAXONOMY.exists():
        pytest.skip("the shared contract is not beside this checkout")
    shared = yaml.safe_load(SHARED_TAXONOMY.read_text())
    for part in ("risk_levels", "topics", "finding_categories"):
        assert set(shared[part]) <= set(ours[part]), f"{part}: keys may be added, never removed or renamed"


def test_policy_is_complete(content) -> None:
    assert len(content.sections) >= 12
    assert len(content.clauses) >= 60
    covered = {t for c in content.clauses for t in c["topics"]}
    assert covered == content.topic_keys, f"topics with no clause: {content.topic_keys - covered}"


def test_every_clause_cites_a_principle_and_resolves(content) -> None:
    principle_ids = {p["id"] for p in content.principles}
    for clause in content.clauses:
        assert clause["principles"], clause["anchor"]
        assert set(clause["principles"]) <= principle_ids


def test_policy_names_the_founding_and_current_platforms(content) -> None:
    text = " ".join(c["text"] for c in content.clauses).lower()
    for platform in ("facebook", "twitter", "flickr", "youtube", "linkedin", "instagram", "tiktok",
                     "whatsapp", "snapchat", "dating"):
        assert platform in text, platform


def test_nation_notes_cover_all_four_nations(content) -> None:
    seen = collections.Counter(n for c in content.clauses for n in (c.get("nations") or {}))
    assert set(seen) == set(NATIONS)


def test_casebook_is_complete(content) -> None:
    assert len(content.cases) >= 40
    ids = {c["id"] for c in content.cases}
    assert ids >= FOUNDING_DILEMMAS
    per_topic = collections.Counter(t for c in content.cases for t in c["topics"])
    thin = {t for t in content.topic_keys if per_topic[t] < 2}
    assert not thin, f"topics with fewer than two cases: {thin}"
    settings = {s for c in content.cases for s in c.get("settings", [])}
    assert {"children-and-families", "fostering-and-adoption", "care-leavers", "adults", "mental-health",
            "learning-disability", "older-people", "students", "managers"} <= settings


def test_validation_catches_broken_references(tmp_path: Path, content) -> None:
    import shutil

    broken = tmp_path / "content"
    shutil.copytree(CONTENT, broken)
    section = sorted((broken / "policy" / "sections").glob("*.yaml"))[0]
    data = yaml.safe_load(section.read_text())
    data["clauses"][0]["principles"] = []
    data["clauses"][0]["topics"] = ["no-such-topic"]
    data["clauses"][1]["legislation"] = ["no-such-act"]
    data["clauses"][1]["anchor"] = data["clauses"][0]["anchor"]
    section.write_text(yaml.safe_dump(data))
    errors = validate(read_content(broken))
    joined = "\n".join(errors)
    assert "needs at least one Code of Ethics principle" in joined
    assert "unknown topic 'no-such-topic'" in joined
    assert "unknown legislation 'no-such-act'" in joined
    assert "anchor is used twice" in joined


def test_unreadable_yaml_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "taxonomy.yaml").write_text("topics: {a: b}\n")
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "bad.yaml").write_text("id: [unclosed\n")
    with pytest.raises(ContentError, match=r"bad\.yaml: cannot be read as YAML"):
        read_content(tmp_path)
