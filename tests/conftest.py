"""Shared fixtures. The cast, as in healthchecks: alice (a social worker), bob (her supervisor),
charlie (a member with no access to anyone else's things), olivia and oscar (policy officers),
maud (moderator)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def _fresh_page_memory() -> Any:
    """Each test starts from the same database state, which production never does: forget pages."""
    from eprofessional.core.pagecache import forget_local

    forget_local()
    yield
    forget_local()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    """Load the real content once into the test database (migrations ran already)."""
    from eprofessional.core.setup import load_content

    with django_db_blocker.unblock():
        load_content()


@pytest.fixture
def content(db: Any) -> Any:
    """The published content, reloaded if a transactional test flushed it."""
    from eprofessional.core.setup import load_content
    from eprofessional.policy.models import PolicyVersion

    if not PolicyVersion.objects.exists():
        load_content()
    return PolicyVersion.objects.current()


def make_user(username: str, **fields: Any) -> Any:
    from eprofessional.accounts.models import User

    fields.setdefault("email", f"{username}@example.org")
    fields.setdefault("nation", "england")
    fields.setdefault("role", "social-worker")
    return User.objects.create_user(username=username, password=PASSWORD, **fields)


@pytest.fixture
def alice(db: Any) -> Any:
    return make_user("alice", display_name="Alice Ward")


@pytest.fixture
def bob(db: Any) -> Any:
    return make_user("bob", display_name="Bob Supervisor", supervisor_kind="practice-supervisor")


@pytest.fixture
def charlie(db: Any) -> Any:
    return make_user("charlie", nation="scotland")


@pytest.fixture
def olivia(db: Any) -> Any:
    return make_user("olivia", role="manager", is_policy_officer=True)


@pytest.fixture
def oscar(db: Any) -> Any:
    return make_user("oscar", role="manager", is_policy_officer=True)


@pytest.fixture
def maud(db: Any) -> Any:
    return make_user("maud", is_moderator=True)


# --- Browser tests: Debian's chromium driven by Playwright, checked with axe-core ---------------------

@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        pytest.skip("Debian's chromium is not installed (the README's test command installs it)")
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "args": [
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    # axe-core is injected as a script tag, which the site's strict CSP would block; the CSP itself is
    # tested without a browser (tests/test_security.py checks the header and that no template has inline
    # script, style or event handlers).
    return {**browser_context_args, "bypass_csp": True, "locale": "en-GB"}


@pytest.fixture
def page(page: Any, live_server: Any) -> Any:
    """A page that fails the test if anything is requested from outside this server."""
    outside: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(live_server.url) or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", guard)
    page.set_default_timeout(10_000)
    yield page
    assert not outside, f"the page tried to load from outside the site: {outside}"


@pytest.fixture
def axe(page: Any) -> Any:
    """``axe()`` runs axe-core on the current page and fails on any violation."""
    if not AXE_JS.exists():
        pytest.fail("axe-core is missing: run the README's test command, which installs it")

    def run(context: str = "") -> None:
        page.add_script_tag(path=str(AXE_JS))
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
        )
        problems = [
            f"{v['id']} [{v['impact']}] {v['help']}: {[n['target'] for n in v['nodes']][:5]}"
            for v in result["violations"]
        ]
        assert not problems, f"accessibility violations on {context or page.url}:\n" + "\n".join(problems)

    return run


def open_account_menu(page: Any) -> Any:
    """Open the header's account menu (a <details>) and return the main navigation."""
    nav = page.get_by_role("navigation", name="Main")
    menu = nav.locator("details.ep-menu")
    if menu.get_attribute("open") is None:
        menu.locator("summary").click()
    return nav


def sign_in(page: Any, live_server: Any, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{live_server.url}/accounts/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
