from __future__ import annotations

import pytest

from tests.conftest import PASSWORD

CASE = "looked-after-child-contacts-birth-family"


@pytest.mark.django_db
def test_case_list_shows_every_case_with_counts(client, content):
    from eprofessional.guidance.models import Case

    response = client.get("/cases/")
    assert response.status_code == 200
    html = response.content.decode()
    for case in Case.objects.all():
        assert case.get_absolute_url() in html
    assert f"Showing {Case.objects.count()} of {Case.objects.count()}" in html


@pytest.mark.django_db
def test_case_list_filters_by_topic_and_setting(client, content):
    from eprofessional.guidance.models import Case

    html = client.get("/cases/", {"topic": "children-in-care-contact"}).content.decode()
    assert f"/cases/{CASE}/" in html
    assert "/cases/worker-doxxed-by-hostile-group/" not in html
    expected = Case.objects.filter(topics="children-in-care-contact").count()
    assert f"Showing {expected} of" in html

    html = client.get("/cases/", {"setting": "fostering-and-adoption"}).content.decode()
    assert f"/cases/{CASE}/" in html
    html = client.get("/cases/", {"setting": "no-such-setting"}).content.decode()
    assert "Showing 0 of" in html


@pytest.mark.django_db
def test_case_page_shows_everything(client, content):
    from eprofessional.guidance.models import Case

    case = Case.objects.get(id=CASE)
    response = client.get(f"/cases/{CASE}/")
    assert response.status_code == 200
    html = response.content.decode()
    for heading in ["The situation", "Questions it raises", "Principles in tension", "Law and regulator standards",
                    "What differs between the four nations", "Options", "Recommended approach", "What to record",
                    "What to take to supervision", "What the policy says", "Topics"]:
        assert heading in html
    for t in case.tensions:
        assert f'href="/policy/principles/{t["id"]}/"' in html
    for law in case.legislation.all():
        assert law.url in html
    for s in case.standards.all():
        assert s.url in html
    for anchor in case.clause_anchors:
        assert f'href="/policy/clauses/{anchor}/"' in html
    for o in case.options:
        assert o["option"].strip()[:40].replace("'", "&#x27;") in html
    assert "Benefits" in html and "Risks" in html
    assert case.questions[0].replace("'", "&#x27;") in html
    assert f'/worksheets/new/?case={CASE}' in html
    assert "Start a worksheet from this dilemma" in html


@pytest.mark.django_db
def test_case_page_puts_the_readers_nation_first(client, content, charlie):
    html = client.get(f"/cases/{CASE}/").content.decode()
    assert html.index(">England") < html.index(">Scotland")
    client.login(username="charlie", password=PASSWORD)  # charlie practises in Scotland
    html = client.get(f"/cases/{CASE}/").content.decode()
    assert html.index(">Scotland") < html.index(">England")
    assert "Your nation" in html


@pytest.mark.django_db
def test_unknown_case_is_404(client, content):
    assert client.get("/cases/no-such-case/").status_code == 404


@pytest.mark.django_db
def test_filter_counts_follow_the_other_filter(client, content):
    from eprofessional.guidance.models import Case

    response = client.get("/cases/", {"topic": "children-in-care-contact"})
    in_topic = list(Case.objects.filter(topics="children-in-care-contact"))
    settings = dict((key, count) for key, _, count in response.context["settings_choices"])
    for key, count in settings.items():
        assert count == sum(key in c.settings for c in in_topic)
    assert response.context["setting_total"] == len(in_topic)
    both = client.get("/cases/", {"topic": "children-in-care-contact", "setting": "fostering-and-adoption"})
    assert len(both.context["cases"]) == settings["fostering-and-adoption"]
