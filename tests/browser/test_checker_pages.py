"""A worker checks a risky draft, a photo and their past posts in a real browser, with axe-core checks."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RISKY = "Court tomorrow for the Kowalski kids, their mum lives at 14 Acacia Road, Leeds LS6 2AB."


def test_worker_pastes_a_risky_draft_and_sees_stop(page, live_server, content, axe):
    page.goto(f"{live_server.url}/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Check a post").click()
    page.wait_for_url("**/check/")
    axe("checker before checking")

    page.get_by_label("Your draft post").fill(RISKY)
    page.get_by_role("button", name="Check my post").click()
    result = page.locator("#check-result")
    result.locator(".ep-risk--stop").wait_for()
    assert "Stop" in result.locator("h2").first.inner_text()
    assert page.url.endswith("/check/")  # updated in place by htmx
    assert result.locator("mark.ep-mark--stop", has_text="Kowalski").count() == 1
    assert result.locator(".ep-finding").count() >= 2
    clause_link = result.locator('a[href^="/policy/clauses/"]').first
    assert clause_link.is_visible()
    assert "[name]" in result.locator("#redacted-text").input_value()
    # the draft stays in the box so it can be edited
    assert page.get_by_label("Your draft post").input_value() == RISKY
    axe("checker after checking")

    href = clause_link.get_attribute("href")
    clause_link.click()
    page.wait_for_load_state()
    assert "/policy/" in page.url
    assert href


def test_checker_works_without_javascript(browser, live_server, content):
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/check/")
        page.get_by_label("Your draft post").fill(RISKY)
        page.get_by_role("button", name="Check my post").click()
        page.locator(".ep-risk--stop").wait_for()
        assert page.get_by_label("Your draft post").input_value() == RISKY
        page.get_by_label("Your draft post").fill("")
        page.get_by_role("button", name="Check my post").click()
        assert page.locator(".ep-error-summary").is_visible()
    finally:
        context.close()


def test_empty_draft_shows_a_friendly_message(page, live_server, axe):
    page.goto(f"{live_server.url}/check/")
    page.get_by_role("button", name="Check my post").click()
    page.locator("#check-result .ep-error-summary").wait_for()
    assert "Paste or type the post" in page.locator("#check-result").inner_text()
    axe("checker with an error")


def test_photo_page_is_accessible_and_reports_gps(page, live_server, axe, tmp_path):
    from tests.test_checks_photo import jpeg_with_gps

    page.goto(f"{live_server.url}/check/photo/")
    axe("photo checker")
    photo = tmp_path / "holiday.jpg"
    photo.write_bytes(jpeg_with_gps())
    page.get_by_label("Your photo").set_input_files(str(photo))
    page.get_by_role("button", name="Check my photo").click()
    page.locator("#photo-result .ep-summary-list").wait_for()
    assert "Location in the photo" in page.locator("#photo-result").inner_text()
    axe("photo checker with a report")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download a copy without hidden details").click()
    download = download_info.value
    assert download.suggested_filename == "holiday-no-metadata.jpg"


def _sign_in(page, live_server, username: str = "alice"):
    from django.conf import settings
    from django.test import Client

    from eprofessional.accounts.models import User

    user = User(username=username, email=f"{username}@example.org")
    user.set_password("correct-horse-battery-staple")
    user.save()
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    session = {"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}
    page.context.add_cookies([session])
    return user


def test_archive_page_and_results_are_accessible(page, live_server, content, axe, tmp_path, settings):
    settings.VAR_DIR = tmp_path
    _sign_in(page, live_server)
    page.goto(f"{live_server.url}/check/archive/")
    axe("archive upload page")

    when = "Wed Mar 06 10:00:00 +0000 2024"
    tweets = [{"tweet": {"id_str": "1", "full_text": RISKY, "created_at": when}},
              {"tweet": {"id_str": "2", "full_text": "Lovely CPD day", "created_at": when}}]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(tweets))
    archive = tmp_path / "twitter.zip"
    archive.write_bytes(out.getvalue())
    page.get_by_label("Your archive file").set_input_files(str(archive))
    page.get_by_role("button", name="Check my posts").click()
    page.wait_for_url("**/check/archive/*/")
    assert "Posts to look at, riskiest first" in page.locator("main").inner_text()
    assert "Kowalski" in page.locator("main").inner_text()
    axe("archive results")

    page.get_by_role("button", name="Delete everything").click()
    page.wait_for_url("**/check/archive/")
    assert "Kowalski" not in page.locator("main").inner_text()


def test_progress_updates_live_and_results_appear(
    page, live_server, content, axe, tmp_path, settings, monkeypatch
):
    from eprofessional.checks import auditing, tasks
    from eprofessional.checks.models import AuditJob

    settings.VAR_DIR = tmp_path
    monkeypatch.setattr(tasks, "run_audit", type("Later", (), {"enqueue": lambda self, job_id: None})())
    _sign_in(page, live_server)
    page.goto(f"{live_server.url}/check/archive/")
    tweets = [{"tweet": {"id_str": "1", "full_text": RISKY, "created_at": "Wed Mar 06 10:00:00 +0000 2024"}}]
    archive = tmp_path / "tweets.js"
    archive.write_text("window.YTD.tweets.part0 = " + json.dumps(tweets))
    page.get_by_label("Your archive file").set_input_files(str(archive))
    page.get_by_role("button", name="Check my posts").click()
    page.wait_for_url("**/check/archive/*/")
    assert page.locator("progress").is_visible()
    assert page.get_by_role("link", name="Refresh this page").is_visible()
    axe("archive job waiting")

    auditing.process_job(AuditJob.objects.get().id)  # the worker picks the job up
    page.get_by_text("Posts to look at, riskiest first").wait_for(timeout=10_000)  # polled every 2 s
    assert "Kowalski" in page.locator("main").inner_text()
