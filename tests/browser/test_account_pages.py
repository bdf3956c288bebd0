"""A member finds their worksheets, downloads their data and deletes their account; a rate limit reads
clearly in the checker's result panel. With axe-core checks."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_worksheets_on_home_and_profile_then_the_member_deletes_the_account(page, live_server, axe, content, alice, bob):
    from eprofessional.guidance import worksheets as workflow
    from eprofessional.guidance.models import Case, Worksheet

    case = Case.objects.first()
    sheet = workflow.save_worksheet(Worksheet(author=alice, title="Friend request from a parent", case=case), [], [])
    workflow.share(sheet, bob)
    sign_in(page, live_server, "alice")
    page.goto(live_server.url + "/")
    summary = page.locator("section.ep-worksheet-summary")
    assert "Friend request from a parent" in summary.inner_text() and "With Bob Supervisor" in summary.inner_text()
    axe("home page with worksheets")
    page.goto(live_server.url + "/accounts/profile/")
    assert page.get_by_role("link", name="Download your data (JSON)").is_visible()
    axe("profile with worksheets")

    page.get_by_role("link", name="Delete your account").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Delete your account"
    axe("delete account page")
    page.get_by_label("Your password").fill("not the password")
    page.get_by_role("button", name="Delete my account").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: ")
    assert "The password is not right" in page.locator(".ep-error-summary").inner_text()
    axe("delete account page with an error")
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account").click()
    page.wait_for_url(live_server.url + "/")
    assert "Your account has been deleted" in page.content()
    assert not Worksheet.objects.filter(pk=sheet.pk).exists()


def test_a_rate_limit_shows_in_the_result_panel(page, live_server, axe, content, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "check": (1, 60)}
    page.goto(live_server.url + "/check/")
    page.get_by_label("Your draft post").fill("A quiet day at work.")
    page.get_by_role("button", name="Check my post").click()
    page.locator("#check-result h2").first.wait_for()
    page.get_by_role("button", name="Check my post").click()
    page.locator("#check-result", has_text="too many checks").wait_for()
    assert "Please wait" in page.locator("#check-result").inner_text()
    assert page.get_by_label("Your draft post").input_value() == "A quiet day at work."
    axe("checker over its rate limit")
