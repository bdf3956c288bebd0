"""The two document builders agree: the YAML one (CLI `ask`, benchmarks) and the database one (web, API)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ep_search.content_source import load_documents

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def _by_key(docs):
    return {(d.kind, d.id): d for d in docs}


def test_yaml_and_database_documents_are_the_same(content) -> None:
    from eprofessional.guidance.search_providers import case_documents, clause_documents

    from_yaml = _by_key(load_documents(ROOT / "content"))
    from_db = _by_key([*case_documents(), *clause_documents()])
    assert set(from_yaml) == set(from_db)
    for key, doc in from_yaml.items():
        other = from_db[key]
        assert other.topics == doc.topics, key
        assert dict(other.fields) == dict(doc.fields), key
        assert (other.title, other.url) == (doc.title, doc.url), key


def test_asked_reaches_the_questions_field(content) -> None:
    from eprofessional.guidance.models import Case
    from eprofessional.guidance.search_providers import case_documents, clause_documents
    from eprofessional.policy.models import Clause

    case = Case.objects.first()
    case.asked = ["my foster kid keeps snapchatting her birth mum"]
    case.save()
    doc = _by_key(case_documents())[("dilemma", case.id)]
    assert doc.fields["questions"].endswith("my foster kid keeps snapchatting her birth mum")
    assert case.questions[0] in doc.fields["questions"]
    clause = Clause.objects.filter(version=content).first()
    Clause.objects.filter(pk=clause.pk).update(asked=["can i accept a friend request from a parent"])
    doc = _by_key(clause_documents())[("clause", clause.anchor)]
    assert doc.fields["questions"] == "can i accept a friend request from a parent"


def test_asked_is_copied_through_drafting_and_publishing(content, olivia, oscar) -> None:
    from eprofessional.guidance.search_providers import clause_documents
    from eprofessional.policy import workflow
    from eprofessional.policy.models import Clause

    clause = Clause.objects.filter(version=content).order_by("section__position", "position").first()
    Clause.objects.filter(pk=clause.pk).update(asked=["someone set up a page slagging me off"])
    draft = workflow.start_draft(olivia, summary="Copy test")
    assert draft.clauses.get(anchor=clause.anchor).asked == ["someone set up a page slagging me off"]
    workflow.edit_clause(draft, clause.anchor, officer=olivia, text="Reworded.", expected_revision=1,
                         reason="Clarity", material=True)
    workflow.approve(draft, oscar)
    workflow.publish(draft, olivia)
    doc = _by_key(clause_documents())[("clause", clause.anchor)]
    assert doc.fields["questions"] == "someone set up a page slagging me off"


def test_loading_again_refreshes_asked_without_a_new_version(content) -> None:
    from eprofessional.core.setup import load_content
    from eprofessional.policy.models import Clause, PolicyVersion

    clause = Clause.objects.filter(version=content).first()
    expected = list(clause.asked)
    Clause.objects.filter(pk=clause.pk).update(asked=["stale phrasing"])
    versions = PolicyVersion.objects.count()
    load_content()
    assert PolicyVersion.objects.count() == versions
    assert Clause.objects.get(pk=clause.pk).asked == expected
