"""A worker finds the right dilemma from the header search, works through it in a worksheet, shares it with
her supervisor, who comments, and exports the supervision record. axe-core checks every page on the way."""

from __future__ import annotations

import re

import pytest

from tests.conftest import open_account_menu, sign_in

QUERY = "foster kid messaging birth mum on snapchat behind our backs"
CASE = "looked-after-child-contacts-birth-family"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_search_worksheet_share_comment_export(content, page, live_server, axe, alice, bob):
    sign_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/cases/")

    # Search from the header box on any page.
    page.get_by_role("searchbox", name="Search the guidance").fill(QUERY)
    page.get_by_role("searchbox", name="Search the guidance").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    results = page.locator("#search-results .ep-result h3 a")
    top3 = [results.nth(i).get_attribute("href") for i in range(min(3, results.count()))]
    assert f"/cases/{CASE}/" in top3
    axe("search results")

    page.locator(f'#search-results a[href="/cases/{CASE}/"]').first.click()
    page.wait_for_url(f"**/cases/{CASE}/")
    from eprofessional.guidance.models import Case

    title = Case.objects.get(id=CASE).title
    assert page.get_by_role("heading", level=1).inner_text() == title
    axe("case page")

    # Start a worksheet from the case: pre-filled.
    page.get_by_role("link", name="Start a worksheet from this dilemma").click()
    page.wait_for_url(re.compile(r"/worksheets/new/"))
    assert page.get_by_label("Title").input_value() == title
    assert page.get_by_text("Do not write names or details that identify people").is_visible()
    axe("worksheet form")

    # Identifying details are held back until the author changes them or ticks "Save anyway".
    from eprofessional.guidance.identifying import checker_available

    if checker_available():
        page.get_by_label("The facts").fill("Tyler lives at 4 Elm Street.")
        page.get_by_role("button", name="Save worksheet").click()
        assert page.get_by_role("heading", name=re.compile("may identify someone")).is_visible()
        assert page.get_by_label(re.compile("Save anyway")).is_visible()
        axe("worksheet form with the identifying-details warning")
    page.get_by_label("The facts").fill("The young person has been messaging a parent on a new account.")
    page.get_by_label("People affected").fill("The young person, the carers, the parent.")
    page.get_by_label("Your decision").fill("Agree safety steps and ask for an urgent review of contact.")
    page.get_by_label("Why: your rationale").fill("Safety now, and her voice in the plan.")
    page.get_by_label("Questions for supervision").fill("Have we been hearing her requests?")
    page.get_by_role("button", name="Save worksheet").click()
    page.wait_for_url(re.compile(r"/worksheets/\d+/$"))
    worksheet_url = page.url
    assert page.get_by_text("Agree safety steps and ask for an urgent review of contact.").is_visible()
    axe("worksheet page")

    # Share with bob.
    page.get_by_label("Your supervisor's username").fill("bob")
    page.get_by_role("button", name="Share with supervisor").click()
    assert page.get_by_text("Shared with Bob Supervisor for supervision.").is_visible()
    open_account_menu(page).get_by_role("link", name="Worksheets").click()
    assert page.get_by_role("cell", name="Bob Supervisor").is_visible()
    axe("worksheet list")

    # Bob signs in, reads and comments.
    page.context.clear_cookies()
    sign_in(page, live_server, "bob")
    page.goto(worksheet_url)
    assert page.get_by_text("shared with you for supervision").is_visible()
    assert page.get_by_role("link", name="Edit").count() == 0
    page.get_by_label("Add a comment").fill("Let's talk about the school journey plan on Tuesday.")
    page.get_by_role("button", name="Add comment").click()
    assert page.get_by_text("Let's talk about the school journey plan on Tuesday.").is_visible()
    axe("worksheet page with a comment")

    # Alice sees the comment and exports the supervision record.
    page.context.clear_cookies()
    sign_in(page, live_server, "alice")
    page.goto(worksheet_url)
    assert page.get_by_text("Let's talk about the school journey plan on Tuesday.").is_visible()
    pk = worksheet_url.rstrip("/").rsplit("/", 1)[-1]
    with page.expect_download() as info:
        page.get_by_role("link", name="Download supervision record (PDF)").click()
    download = info.value
    assert download.suggested_filename == f"worksheet-{pk}.pdf"
    with open(download.path(), "rb") as f:
        assert f.read(4) == b"%PDF"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_casebook_list_is_accessible(content, page, live_server, axe):
    page.goto(f"{live_server.url}/cases/")
    axe("case list")
    page.get_by_label("Topic").select_option("children-in-care-contact")
    page.get_by_role("button", name="Show dilemmas").click()
    assert page.locator(f'a[href="/cases/{CASE}/"]').count() >= 1
    axe("filtered case list")
