"""The header and the main pages as a person on a phone sees them: a compact menu that works by keyboard and
without JavaScript, and no page that scrolls sideways at 375px."""

from __future__ import annotations

import pytest

from tests.conftest import make_user, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


def _no_sideways_scroll(page, url: str) -> None:
    page.goto(url)
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{url} scrolls sideways at {widths[1]}px: {widths}"


def test_account_menu_opens_by_keyboard_and_is_compact_on_a_phone(page, live_server, axe, content):
    make_user("olivia", display_name="Olivia Officer", is_policy_officer=True, role="manager")
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, "olivia")
    page.goto(live_server.url + "/cases/")
    nav = page.get_by_role("navigation", name="Main")
    # Signed in, the header stays short: the main sections plus one "Your account" menu, closed.
    header_height = page.locator(".ep-header").bounding_box()["height"]
    assert header_height < 200, f"the header takes {header_height}px of a 740px screen"
    assert not nav.get_by_role("link", name="Worksheets").is_visible()
    axe("dilemmas on a phone, menu closed")

    # Tab to the menu, open it with Enter: its links are reachable and the page still passes axe.
    toggle = nav.locator("summary", has_text="Your account")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('ep-menu__toggle')"):
            break
    else:
        pytest.fail("Tab never reached the account menu")
    page.keyboard.press("Enter")
    for name in ["Worksheets", "Notifications", "Policy team", "Profile and settings"]:
        assert nav.get_by_role("link", name=name).is_visible()
    assert nav.get_by_role("button", name="Sign out").is_visible()
    box = nav.locator(".ep-menu__list").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    axe("dilemmas on a phone, menu open")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Worksheets"
    # Escape closes it and gives focus back to the toggle.
    page.keyboard.press("Escape")
    assert not nav.get_by_role("link", name="Worksheets").is_visible()
    assert page.evaluate("() => document.activeElement.classList.contains('ep-menu__toggle')")
    toggle.click()
    nav.get_by_role("link", name="Policy team").click()
    page.wait_for_url("**/community/policy-team/")


def test_account_menu_works_without_javascript(browser, live_server, content):
    make_user("alice", display_name="Alice Ward")
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    sign_in(page, live_server, "alice")
    page.goto(live_server.url + "/")
    nav = page.get_by_role("navigation", name="Main")
    nav.locator("summary", has_text="Your account").click()
    nav.get_by_role("link", name="Worksheets").click()
    page.wait_for_url("**/worksheets/")
    nav.locator("summary", has_text="Your account").click()
    nav.get_by_role("button", name="Sign out").click()
    page.wait_for_url(live_server.url + "/")
    assert page.get_by_role("link", name="Sign in").is_visible()
    context.close()


def test_main_pages_do_not_scroll_sideways_on_a_phone(page, live_server, content):
    make_user("olivia", display_name="Olivia Officer", is_policy_officer=True, role="manager")
    page.set_viewport_size(PHONE)
    for path in [
        "/",
        "/policy/",
        "/policy/principles/",
        "/policy/versions/",
        "/cases/",
        "/cases/care-leaver-friend-request-after-closure/",
        "/search/?q=parent+sent+me+friend+request+on+fb",
        "/check/",
        "/check/photo/",
        "/community/",
    ]:
        _no_sideways_scroll(page, live_server.url + path)
    sign_in(page, live_server, "olivia")
    for path in [
        "/worksheets/",
        "/worksheets/new/?case=care-leaver-friend-request-after-closure",
        "/community/policy-team/",
        "/community/notifications/",
        "/accounts/profile/",
    ]:
        _no_sideways_scroll(page, live_server.url + path)


def test_a_member_finds_a_clause_to_discuss_from_have_your_say(page, live_server, axe, content):
    make_user("alice", display_name="Alice Ward")
    sign_in(page, live_server, "alice")
    page.goto(live_server.url + "/community/")
    axe("have your say, with the clause chooser")
    page.get_by_label("Which clause?").select_option(
        label="7.1 Do not connect with people who use services on personal accounts"
    )
    page.get_by_role("button", name="Go to the clause").click()
    page.wait_for_url("**/community/clauses/no-friending-service-users/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("7.1 ")
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    assert crumbs.get_by_role("link", name="Have your say").is_visible()
    assert page.get_by_role("group", name="What would you like to add?").is_visible()
    axe("clause discussion")


def test_a_dilemma_has_a_contents_list_and_leads_to_the_clauses_and_their_discussion(
    page, live_server, axe, content
):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/cases/care-leaver-friend-request-after-closure/")
    contents = page.get_by_role("navigation", name="On this page")
    contents.get_by_role("link", name="What the policy says").click()
    assert page.url.endswith("#clauses")
    section = page.locator("h2#clauses + p + ul")
    assert section.get_by_role("link", name="Discuss this clause (7.2)").count() == 1
    axe("a dilemma on a phone")
    section.get_by_role("link").first.click()
    page.wait_for_url("**/policy/#former-service-users")
    assert page.locator("#former-service-users").is_visible()


def test_policy_contents_lists_sections_only_on_a_phone(page, live_server, content):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/policy/")
    toc = page.get_by_role("navigation", name="Contents")
    assert toc.get_by_role("link", name="13. Children in care, contact and social media").is_visible()
    assert toc.locator("ol ol").first.is_hidden()
    toc_height = toc.bounding_box()["height"]
    assert toc_height < 1400, f"the contents take {toc_height}px on a phone"
    toc.get_by_role("link", name="13. Children in care, contact and social media").click()
    assert page.url.endswith("#children-in-care-and-contact")
    page.get_by_role("link", name="Back to contents (from section 13)").click()
    assert page.url.endswith("#contents-heading")
    page.set_viewport_size({"width": 1280, "height": 800})
    assert toc.locator("ol ol").first.is_visible()
