"""Worksheets: privacy for every view and API endpoint, sharing, comments, exports, identifying details."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD

CASE = "looked-after-child-contacts-birth-family"
PRINCIPLE = "COE-2014:3.2"


@pytest.fixture
def worksheet(content, alice):
    from eprofessional.guidance import worksheets as workflow
    from eprofessional.guidance.models import Worksheet

    w = Worksheet(author=alice, title="Child in care messaging a parent", facts="The young person messaged.",
                  decision="Review the plan.")
    return workflow.save_worksheet(w, [{"option": "Talk to her", "benefits": "Trust", "risks": "Time"}],
                                   [{"principle": PRINCIPLE, "notes": "Risk now"}])


def signed_in(client, username):
    client.logout()
    assert client.login(username=username, password=PASSWORD)
    return client


def read_urls(pk):
    return [f"/worksheets/{pk}/", f"/worksheets/{pk}/export.pdf", f"/worksheets/{pk}/export.md",
            f"/api/worksheets/{pk}"]


def author_get_urls(pk):
    return [f"/worksheets/{pk}/edit/", f"/worksheets/{pk}/delete/"]


def author_post_urls(pk):
    return [f"/worksheets/{pk}/edit/", f"/worksheets/{pk}/delete/", f"/worksheets/{pk}/share/",
            f"/worksheets/{pk}/unshare/"]


def share_with_bob(client, worksheet):
    signed_in(client, "alice")
    response = client.post(f"/worksheets/{worksheet.pk}/share/", {"username": "bob"})
    assert response.status_code == 302
    worksheet.refresh_from_db()
    assert worksheet.shared_with.username == "bob"


# --- visibility -----------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in_everywhere(client, worksheet):
    for url in ["/worksheets/", "/worksheets/new/", *read_urls(worksheet.pk)[:3], *author_get_urls(worksheet.pk)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/sign-in/"), url
    for url in [*author_post_urls(worksheet.pk), f"/worksheets/{worksheet.pk}/comments/"]:
        response = client.post(url, {"body": "x", "username": "bob"})
        assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"], url
    assert client.get("/api/worksheets").status_code == 401
    assert client.get(f"/api/worksheets/{worksheet.pk}").status_code == 401


@pytest.mark.django_db
def test_author_can_read_everything(client, worksheet):
    signed_in(client, "alice")
    for url in read_urls(worksheet.pk) + author_get_urls(worksheet.pk):
        assert client.get(url).status_code == 200, url
    assert b"Child in care messaging a parent" in client.get("/worksheets/").content


@pytest.mark.django_db
def test_worksheet_page_says_near_the_top_who_can_see_it_and_how_to_share(client, worksheet):
    signed_in(client, "alice")
    html = client.get(f"/worksheets/{worksheet.pk}/").content.decode()
    top = html.split('id="sharing"')[0]
    assert 'href="#sharing">Share it with your supervisor</a>' in top
    assert "Delete worksheet" not in top  # deleting is at the end, not among the first buttons


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["charlie", "bob"])
def test_others_get_404_and_cannot_list(client, worksheet, bob, charlie, who):
    """charlie has no access at all; bob is a supervisor but nothing has been shared with him yet."""
    signed_in(client, who)
    for url in read_urls(worksheet.pk) + author_get_urls(worksheet.pk):
        assert client.get(url).status_code == 404, url
    for url in author_post_urls(worksheet.pk):
        assert client.post(url, {"username": who, "title": "Hijacked"}).status_code == 404, url
    assert client.post(f"/worksheets/{worksheet.pk}/comments/", {"body": "hello"}).status_code == 404
    assert b"Child in care messaging a parent" not in client.get("/worksheets/").content
    data = client.get("/api/worksheets").json()
    assert data == {"own": [], "shared_with_me": []}
    worksheet.refresh_from_db()
    assert worksheet.title == "Child in care messaging a parent"
    assert worksheet.comments.count() == 0


@pytest.mark.django_db
def test_supervisor_reads_and_comments_after_sharing_but_cannot_edit(client, worksheet, bob, charlie):
    share_with_bob(client, worksheet)
    signed_in(client, "bob")
    for url in read_urls(worksheet.pk):
        assert client.get(url).status_code == 200, url
    page = client.get(f"/worksheets/{worksheet.pk}/").content.decode()
    assert "shared with you for supervision" in page
    assert f"/worksheets/{worksheet.pk}/edit/" not in page
    assert "Child in care messaging a parent" in client.get("/worksheets/").content.decode()
    data = client.get("/api/worksheets").json()
    assert [w["id"] for w in data["shared_with_me"]] == [worksheet.pk] and data["own"] == []
    # comment, and reply to his own comment
    assert client.post(f"/worksheets/{worksheet.pk}/comments/", {"body": "What does she want?"}).status_code == 302
    first = worksheet.comments.get()
    client.post(f"/worksheets/{worksheet.pk}/comments/", {"body": "And the carer?", "parent": first.pk})
    assert worksheet.comments.get(parent=first).body == "And the carer?"
    # but never edit, share, withdraw or delete
    for url in author_get_urls(worksheet.pk):
        assert client.get(url).status_code == 404, url
    for url in author_post_urls(worksheet.pk):
        assert client.post(url, {"username": "bob", "title": "Changed"}).status_code == 404, url
    worksheet.refresh_from_db()
    assert worksheet.title == "Child in care messaging a parent" and worksheet.shared_with_id == bob.pk
    # charlie still sees nothing
    signed_in(client, "charlie")
    for url in read_urls(worksheet.pk):
        assert client.get(url).status_code == 404, url


@pytest.mark.django_db
def test_withdrawing_sharing_removes_access_and_keeps_comments(client, worksheet, bob):
    share_with_bob(client, worksheet)
    signed_in(client, "bob")
    client.post(f"/worksheets/{worksheet.pk}/comments/", {"body": "Bring this on Tuesday."})
    signed_in(client, "alice")
    assert client.post(f"/worksheets/{worksheet.pk}/unshare/").status_code == 302
    signed_in(client, "bob")
    for url in read_urls(worksheet.pk):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/worksheets/{worksheet.pk}/comments/", {"body": "again"}).status_code == 404
    assert client.get("/api/worksheets").json()["shared_with_me"] == []
    signed_in(client, "alice")
    assert "Bring this on Tuesday." in client.get(f"/worksheets/{worksheet.pk}/").content.decode()
    assert worksheet.comments.count() == 1


@pytest.mark.django_db
def test_only_supervisors_can_be_shared_with(client, worksheet, bob, charlie):
    signed_in(client, "alice")
    response = client.post(f"/worksheets/{worksheet.pk}/share/", {"username": "charlie"})
    assert response.status_code == 400
    assert b"no practice supervisor or practice educator with that username" in response.content
    response = client.post(f"/worksheets/{worksheet.pk}/share/", {"username": "nobody"})
    assert response.status_code == 400
    worksheet.refresh_from_db()
    assert worksheet.shared_with is None


@pytest.mark.django_db
def test_queryset_is_the_one_gate(worksheet, alice, bob, charlie):
    from django.contrib.auth.models import AnonymousUser

    from eprofessional.guidance.models import Worksheet

    assert list(Worksheet.objects.visible_to(alice)) == [worksheet]
    assert not Worksheet.objects.visible_to(bob).exists()
    assert not Worksheet.objects.visible_to(AnonymousUser()).exists()
    assert not Worksheet.objects.editable_by(AnonymousUser()).exists()
    worksheet.shared_with = bob
    worksheet.save()
    assert list(Worksheet.objects.visible_to(bob)) == [worksheet]
    assert not Worksheet.objects.editable_by(bob).exists()
    bob.supervisor_kind = ""  # no longer a supervisor: no longer sees shared worksheets
    bob.save()
    assert not Worksheet.objects.visible_to(bob).exists()
    assert not Worksheet.objects.visible_to(charlie).exists()


# --- creating, editing, deleting ------------------------------------------------------------------------

def form_data(**overrides):
    data = {
        "title": "Messaging a parent", "facts": "The young person has been messaging a parent.",
        "people_affected": "The young person, the carer.", "law_and_policy": "Children Act 1989 s.34",
        "decision": "Convene a review.", "rationale": "Safety and voice.", "record": "Safety plan.",
        "supervision_questions": "Are we listening?",
        "options-TOTAL_FORMS": "2", "options-INITIAL_FORMS": "0", "options-MIN_NUM_FORMS": "0",
        "options-MAX_NUM_FORMS": "12",
        "options-0-option": "Block the account", "options-0-benefits": "Quick", "options-0-risks": "Secrecy",
        "options-1-option": "", "options-1-benefits": "", "options-1-risks": "",
        "tensions-TOTAL_FORMS": "2", "tensions-INITIAL_FORMS": "0", "tensions-MIN_NUM_FORMS": "0",
        "tensions-MAX_NUM_FORMS": "20",
        "tensions-0-principle": PRINCIPLE, "tensions-0-notes": "Risk now",
        "tensions-1-principle": "", "tensions-1-notes": "",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_new_worksheet_from_case_is_prefilled(client, content, alice):
    from eprofessional.guidance.models import Case

    case = Case.objects.get(id=CASE)
    signed_in(client, "alice")
    response = client.get(f"/worksheets/new/?case={CASE}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "should not contain names" in html or "Do not write names" in html
    form = response.context["form"]
    assert form.initial["title"] == case.title
    assert "Children Act 1989, s.34" in form.initial["law_and_policy"]
    assert [f.initial["principle"] for f in response.context["tension_set"].forms[: len(case.tensions)]] == [
        t["id"] for t in case.tensions
    ]
    assert response.context["option_set"].forms[0].initial["option"] == case.options[0]["option"].strip()


@pytest.mark.django_db
def test_create_edit_delete(client, content, alice):
    from eprofessional.guidance.models import Worksheet

    signed_in(client, "alice")
    response = client.post(f"/worksheets/new/?case={CASE}", form_data())
    assert response.status_code == 302
    w = Worksheet.objects.get()
    assert w.author == alice and w.case_id == CASE
    assert w.options == [{"option": "Block the account", "benefits": "Quick", "risks": "Secrecy"}]
    assert [(t.principle_id, t.notes) for t in w.tensions.all()] == [(PRINCIPLE, "Risk now")]
    page = client.get(w.get_absolute_url()).content.decode()
    assert "Convene a review." in page and "Block the account" in page

    response = client.post(f"/worksheets/{w.pk}/edit/", form_data(title="Renamed", **{"tensions-0-principle": ""}))
    assert response.status_code == 200  # a note without a principle is an error
    response = client.post(f"/worksheets/{w.pk}/edit/", form_data(title="Renamed"))
    assert response.status_code == 302
    w.refresh_from_db()
    assert w.title == "Renamed" and w.tensions.count() == 1

    assert client.get(f"/worksheets/{w.pk}/delete/").status_code == 200
    assert client.post(f"/worksheets/{w.pk}/delete/").status_code == 302
    assert not Worksheet.objects.exists()


@pytest.mark.django_db
def test_blank_worksheet(client, content, alice):
    signed_in(client, "alice")
    assert client.get("/worksheets/new/").status_code == 200
    assert client.post("/worksheets/new/", form_data(**{"options-0-option": ""})).status_code == 302


# --- identifying details --------------------------------------------------------------------------------

@pytest.fixture
def fake_checker(monkeypatch):
    """A stand-in for ep_checker.check that finds 'Keira' (a name) and 'SW1A 1AA' (a postcode)."""
    import ep_checker

    def check(text):
        findings = []
        for word, category in [("Keira", "name"), ("SW1A 1AA", "postcode"), ("Rhyl", "place"),
                               ("14", "age"), ("angry", "derogatory")]:
            if word in text:
                start = text.index(word)
                findings.append({"category": category, "start": start, "end": start + len(word), "text": word,
                                 "severity": "stop", "message": "m", "topics": [],
                                 "suggestion": f"Use a role instead of {category}"})
        return {"risk": "stop" if findings else "ok", "findings": findings, "redacted": text}

    monkeypatch.setattr(ep_checker, "check", check, raising=False)
    return check


@pytest.mark.django_db
def test_identifying_details_need_save_anyway(client, content, alice, fake_checker, caplog):
    from eprofessional.guidance.models import Worksheet

    signed_in(client, "alice")
    data = form_data(facts="Keira lives at SW1A 1AA.", **{"options-0-risks": "Keira may be angry"})
    response = client.post("/worksheets/new/", data)
    assert response.status_code == 200
    assert not Worksheet.objects.exists()
    html = response.content.decode()
    assert "has not been saved yet" in html
    assert "a name" in html and "a postcode" in html and "Use a role instead of name" in html
    assert 'href="#id_facts"' in html and 'href="#id_options-0-risks"' in html
    assert "derogatory" not in html  # only identifiers are listed
    assert "Save anyway" in html
    assert "Keira" not in caplog.text

    response = client.post("/worksheets/new/", {**data, "save_anyway": "on"})
    assert response.status_code == 302
    assert Worksheet.objects.get().facts == "Keira lives at SW1A 1AA."


@pytest.mark.django_db
def test_age_and_place_only_together(client, content, alice, fake_checker):
    from eprofessional.guidance.models import Worksheet

    signed_in(client, "alice")
    assert client.post("/worksheets/new/", form_data(facts="A young person aged 14.")).status_code == 302
    response = client.post("/worksheets/new/", form_data(facts="A young person aged 14 in Rhyl."))
    assert response.status_code == 200 and b"an age" in response.content and b"a place" in response.content
    assert Worksheet.objects.count() == 1


@pytest.mark.django_db
def test_clean_text_saves_without_asking(client, content, alice, fake_checker):
    signed_in(client, "alice")
    assert client.post("/worksheets/new/", form_data()).status_code == 302


# --- exports and headers --------------------------------------------------------------------------------

@pytest.mark.django_db
def test_exports(client, worksheet):
    signed_in(client, "alice")
    pdf = client.get(f"/worksheets/{worksheet.pk}/export.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert pdf["Content-Disposition"] == f'attachment; filename="worksheet-{worksheet.pk}.pdf"'
    assert "no-store" in pdf["Cache-Control"]
    md = client.get(f"/worksheets/{worksheet.pk}/export.md")
    assert md["Content-Type"].startswith("text/markdown")
    assert md["Content-Disposition"] == f'attachment; filename="worksheet-{worksheet.pk}.md"'
    assert "no-store" in md["Cache-Control"]
    text = md.content.decode()
    assert text.startswith("# Child in care messaging a parent")
    assert "## 3. Principles in tension" in text and PRINCIPLE in text and "Talk to her" in text
    for url in ["/worksheets/", f"/worksheets/{worksheet.pk}/", f"/api/worksheets/{worksheet.pk}"]:
        assert "no-store" in client.get(url)["Cache-Control"], url


@pytest.mark.django_db
def test_api_shape(client, worksheet, bob):
    share_with_bob(client, worksheet)
    data = client.get(f"/api/worksheets/{worksheet.pk}").json()
    assert data["id"] == worksheet.pk and data["mine"] is True and data["shared_with"] == "bob"
    assert data["principles"] == [{"principle": PRINCIPLE, "title": data["principles"][0]["title"],
                                   "notes": "Risk now"}]
    assert data["options"] == [{"option": "Talk to her", "benefits": "Trust", "risks": "Time"}]
    listing = client.get("/api/worksheets").json()
    assert [w["id"] for w in listing["own"]] == [worksheet.pk]
    assert client.get("/api/worksheets/999999").status_code == 404


@pytest.mark.django_db
def test_real_checker_flags_identifiers(client, content, alice):
    """With the real checker core: a blank worksheet naming a child and a postcode is held back."""
    from eprofessional.guidance.identifying import checker_available
    from eprofessional.guidance.models import Worksheet

    if not checker_available():
        pytest.skip("ep_checker.check is not available")
    signed_in(client, "alice")
    response = client.post("/worksheets/new/", form_data(facts="Keira lives at 12 Acacia Road, LL18 1AA."))
    assert response.status_code == 200 and not Worksheet.objects.exists()
    html = response.content.decode()
    assert "a name" in html and "a postcode" in html and "Save anyway" in html


@pytest.mark.django_db
def test_prefilled_case_text_is_not_flagged_but_new_names_are(client, content, alice):
    """Casebook people are fictional: pre-filled text saves as it is; a real-looking new name is still caught."""
    from eprofessional.guidance.identifying import checker_available
    from eprofessional.guidance.models import Worksheet

    if not checker_available():
        pytest.skip("ep_checker.check is not available")
    case_id = "foster-carer-posts-photos-of-child"  # its text names "Jayden"
    signed_in(client, "alice")
    page = client.get(f"/worksheets/new/?case={case_id}")
    if page.status_code != 200:
        pytest.skip("case not in this content")
    ctx = page.context
    data = {
        "case": case_id, **{k: v or "" for k, v in ctx["form"].initial.items()},
        "options-TOTAL_FORMS": str(len(ctx["option_set"].forms)), "options-INITIAL_FORMS": "0",
        "tensions-TOTAL_FORMS": str(len(ctx["tension_set"].forms)), "tensions-INITIAL_FORMS": "0",
    }
    for prefix, formset in (("options", ctx["option_set"]), ("tensions", ctx["tension_set"])):
        for n, f in enumerate(formset.forms):
            for key in f.fields:
                data[f"{prefix}-{n}-{key}"] = (f.initial or {}).get(key, "")
    response = client.post(f"/worksheets/new/?case={case_id}", {**data, "facts": "Tyler lives at 4 Elm Street."})
    assert response.status_code == 200
    flagged = {f.text for f in response.context["findings"]}
    assert "Tyler" in flagged and "Jayden" not in flagged
    assert client.post(f"/worksheets/new/?case={case_id}", data).status_code == 302
    assert Worksheet.objects.get().case_id == case_id


@pytest.mark.django_db
def test_no_casebook_prefill_trips_the_identifying_warning(content):
    """Starting from any case and saving straight away must not ask about the case's own fictional people."""
    from eprofessional.guidance.identifying import case_text, identifying_findings
    from eprofessional.guidance.models import Case
    from eprofessional.guidance.worksheets import initial_from_case

    flagged = {}
    for case in Case.objects.all():
        initial, tensions, options = initial_from_case(case)
        texts = [(k, k, v) for k, v in initial.items()]
        texts += [("notes", "notes", t["notes"]) for t in tensions]
        texts += [(k, k, v) for o in options for k, v in o.items()]
        found = identifying_findings(texts, source_text=case_text(case))
        if found:
            flagged[case.id] = [(f.category, f.text) for f in found]
    assert not flagged


def test_identifying_warning_ignores_the_span_taggers_guesses(monkeypatch):
    """The tagger's information notes are left to the checker's page; the worksheet warns on rule findings."""
    from ep_checker import check, tagger
    from eprofessional.guidance.identifying import identifying_findings

    sc = tagger._Scorer({"bias": -3.0, "threshold": 0.5, "weights": {"cap_mid": 5.0}})
    monkeypatch.setattr(tagger, "scorer", lambda: sc)
    text = "We talked it through in supervision with Zorblax and agreed a plan"
    assert any(f.rule == tagger.RULE for f in check(text).findings)  # the note is there on the checker's page
    assert identifying_findings([("notes", "Notes", text)]) == []
