"""A newcomer finds their way from the home page to an account, by keyboard and on a phone."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "lantern-otter-quietly-9"


def test_home_page_is_accessible_and_starts_with_the_skip_link(page, live_server, axe, content):
    page.goto(live_server.url + "/")
    assert page.get_by_role("heading", level=1).inner_text() == "Social media and your practice"
    axe("home page")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.textContent]")
    assert focused == ["ep-skip-link", "Skip to main content"]
    assert page.locator(".ep-skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main-content"
    # the four ways in are all on the page
    for name in ["Check a post before you publish", "Work through a dilemma", "Read the policy"]:
        assert page.get_by_role("link", name=name).is_visible()
    assert page.get_by_label("Describe what is happening").is_visible()
    assert "call 999" in page.locator(".ep-home-emergency").inner_text()


def test_home_page_on_a_phone_has_no_horizontal_scroll(page, live_server, content):
    page.set_viewport_size({"width": 375, "height": 740})
    for path in ["/", "/accounts/sign-up/", "/accounts/sign-in/"]:
        page.goto(live_server.url + path)
        widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], f"{path} scrolls sideways at 375px: {widths}"
    page.goto(live_server.url + "/")
    # the search is reachable in the first screen
    box = page.get_by_label("Describe what is happening").bounding_box()
    assert box and box["y"] + box["height"] <= 740


def test_newcomer_signs_up_after_fixing_mistakes_and_lands_on_the_profile(page, live_server, axe, content):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Create an account").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Create an account"
    axe("empty sign-up form")

    page.get_by_label("Username", exact=True).fill("newcomer")
    page.get_by_label("Email address").fill("not an email")
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Confirm your password").fill("a different one")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_load_state()

    assert page.title().startswith("Error: ")
    summary = page.locator(".ep-error-summary")
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.classList.contains('ep-error-summary')")
    assert "Select the UK nation you practise in" in summary.inner_text()
    assert "The passwords do not match." in summary.inner_text()
    axe("sign-up form showing errors")
    # the summary's links take you to the field
    summary.get_by_role("link", name="Enter an email address in the correct format").click()
    assert page.evaluate("() => document.activeElement.id") == "id_email"

    page.get_by_label("Email address").fill("newcomer@example.org")
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Confirm your password").fill(PASSWORD)
    page.get_by_label("Name shown to others").fill("New Comer")
    page.get_by_role("group", name="Which UK nation do you practise in?").get_by_label("Scotland").check()
    page.get_by_role("group", name="What is your role?").get_by_label("Foster carer or carer").check()
    page.get_by_role("group", name="How should we credit you?").get_by_label("Anonymously").check()
    page.get_by_role("button", name="Create account").click()

    assert page.url == live_server.url + "/accounts/profile/"
    assert page.get_by_role("heading", level=1).inner_text() == "Your account"
    assert "Your account has been created" in page.locator(".ep-notification-banner").inner_text()
    assert "Scotland" in page.locator(".ep-summary-list").inner_text()
    axe("profile")


def test_member_signs_in_with_email_and_signs_out(page, live_server, axe, content):
    from tests.conftest import PASSWORD as FIXTURE_PASSWORD
    from tests.conftest import make_user, sign_in

    make_user("alice", display_name="Alice Ward")
    sign_in(page, live_server, "alice@example.org", FIXTURE_PASSWORD)
    assert page.url == live_server.url + "/accounts/profile/"
    page.get_by_role("button", name="Sign out").first.click()
    assert page.url == live_server.url + "/"
    assert page.get_by_role("link", name="Sign in").is_visible()


def test_sign_in_errors_are_accessible(page, live_server, axe, content):
    page.goto(live_server.url + "/accounts/sign-in/")
    axe("sign-in form")
    page.get_by_role("button", name="Sign in").click()
    assert page.locator(".ep-error-summary").is_visible()
    axe("sign-in form showing errors")
