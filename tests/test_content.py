"""Content is code: the policy, registers and casebook are validated like code."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest
import yaml

from eprofessional.core.contentfiles import NATIONS, ContentError, read_content, validate, without_asked

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


def test_asked_is_validated(tmp_path: Path) -> None:
    import shutil

    broken = tmp_path / "content"
    shutil.copytree(CONTENT, broken)
    section = sorted((broken / "policy" / "sections").glob("*.yaml"))[0]
    data = yaml.safe_load(section.read_text())
    data["clauses"][0]["asked"] = ["can i add a service user on fb", "", "x" * 201]
    data["clauses"][1]["asked"] = "not a list"
    section.write_text(yaml.safe_dump(data))
    case_path = sorted((broken / "cases").glob("*.yaml"))[0]
    case = yaml.safe_load(case_path.read_text())
    case["asked"] = ["mum keeps adding me on fb", "Mum keeps  adding me on FB", 42]
    case_path.write_text(yaml.safe_dump(case))
    joined = "\n".join(validate(read_content(broken)))
    assert "asked has an empty or non-text entry" in joined
    assert "asked entry longer than 200 characters" in joined
    assert "asked must be a list of strings" in joined
    assert "asked entry 'Mum keeps  adding me on FB' is used twice" in joined


def test_asked_is_optional_and_only_short_distinct_strings(content) -> None:
    for doc in [*content.clauses, *content.cases]:
        asked = doc.get("asked") or []
        assert all(isinstance(a, str) and 0 < len(a.strip()) <= 200 for a in asked)


def test_asked_does_not_change_the_policy_hash(tmp_path: Path, content) -> None:
    """Phrasings are search metadata: adding or removing them must not make the published policy look
    changed, while any other edit does."""
    import shutil

    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    for section in (copy / "policy" / "sections").glob("*.yaml"):
        section.write_bytes(without_asked(section.read_bytes()))
    stripped = read_content(copy)
    assert validate(stripped) == []
    assert not any("asked" in c for c in stripped.clauses)
    assert [c["text"] for c in stripped.clauses] == [c["text"] for c in content.clauses]
    assert stripped.policy_hash == content.policy_hash
    first = sorted((copy / "policy" / "sections").glob("*.yaml"))[0]
    first.write_text(first.read_text() + "\n# an edit\n")
    assert read_content(copy).policy_hash != content.policy_hash


def test_without_asked_removes_only_the_asked_lists() -> None:
    raw = (
        b"clauses:\n"
        b"  - anchor: a\n"
        b"    asked:\n"
        b"      - can i friend a client\n"
        b"      - \"fb request\n"
        b"        from mum\"\n"
        b"    text: >\n"
        b"      Keep this.\n"
        b"  - anchor: b\n"
        b"    asked:\n"
        b"    - same indent list\n"
        b"    asked_by: kept\n"
    )
    assert without_asked(raw).decode() == (
        "clauses:\n  - anchor: a\n    text: >\n      Keep this.\n  - anchor: b\n    asked_by: kept\n"
    )
