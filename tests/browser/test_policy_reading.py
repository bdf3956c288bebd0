"""A newcomer reads the policy in a real browser: contents, principle badges, comparison, PDF, keyboard."""

from __future__ import annotations

import pytest

from tests.policy_factories import MODIFIED, REWORDED_FIRST_WORD, make_second_version

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_newcomer_reads_the_policy_and_follows_a_principle(page, live_server, content, axe):
    page.goto(f"{live_server.url}/policy/")
    axe("policy page")

    # Keyboard: the first Tab reaches the skip link, which moves focus to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "ep-skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"

    # The table of contents jumps to a clause.
    toc = page.locator(".ep-toc")
    toc.locator(f'a[href="#{MODIFIED}"]').click()
    assert page.url.endswith(f"#{MODIFIED}")
    clause = page.locator(f"#{MODIFIED}")
    assert clause.is_visible()
    assert clause.locator("h3").inner_text().split()[0].count(".") == 1  # its number, e.g. 6.1

    # The principle explanations open with the keyboard, then a badge leads to the principle's page.
    clause.locator("summary").filter(has_text="What these principles ask").focus()
    page.keyboard.press("Enter")
    assert clause.locator("details.ep-principles-details").get_attribute("open") is not None
    badge = clause.locator("a.ep-tag").first
    href = badge.get_attribute("href")
    badge.click()
    page.wait_for_url(f"**{href}")
    principle_id = href.rstrip("/").rsplit("/", 1)[1]
    assert principle_id in page.locator("main").inner_text()
    assert page.locator(f'main a[href="/policy/#{MODIFIED}"]').count() == 1
    axe("principle page")

    page.goto(f"{live_server.url}/policy/principles/")
    axe("principles index")


def test_nation_chooser_without_javascript_semantics(page, live_server, content, axe):
    page.goto(f"{live_server.url}/policy/")
    page.get_by_label("In your nation", exact=True).select_option("scotland")
    page.get_by_role("button", name="Show notes").click()
    page.wait_for_url("**/policy/?nation=scotland")
    assert "In Scotland:" in page.locator(".ep-nation-note--chosen").first.inner_text()
    axe("policy page with a nation chosen")


def test_reader_compares_two_versions(page, live_server, content, axe):
    make_second_version(content)
    page.goto(f"{live_server.url}/policy/versions/")
    axe("version history")
    page.goto(f"{live_server.url}/policy/compare/")
    page.get_by_label("From version").select_option("1")
    page.get_by_label("To version").select_option("2")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url("**/policy/compare/?from=1&to=2")
    main = page.locator("main")
    assert "1 added, 1 modified, 1 moved and 1 removed" in main.inner_text()
    assert main.locator("ins").filter(has_text=REWORDED_FIRST_WORD).count() >= 1
    assert main.locator(".ep-change--modified del").count() >= 1
    axe("compare page")

    page.goto(f"{live_server.url}/policy/compare/?from=abc&to=2")
    assert "Choose two versions" in page.locator(".ep-error-summary").inner_text()
    axe("compare page with an error")


def test_reader_downloads_the_pdf(page, live_server, content, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    page.goto(f"{live_server.url}/policy/")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download as PDF").click()
    download = info.value
    assert download.suggested_filename == f"social-media-policy-v{content.number}.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"


def test_api_docs_work_under_the_strict_csp(browser, live_server, content):
    context = browser.new_context(bypass_csp=False)
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    page.goto(f"{live_server.url}/api/docs")
    page.locator(".swagger-ui .info").wait_for(timeout=15_000)
    assert "/api/policy/diff" in page.locator(".swagger-ui").inner_text()
    context.close()
    assert not violations, violations
