"""Drafts are never stored or logged: not on the web, not through the API, not by the CLI.

A unique marker is checked through every door; afterwards it must appear in no database table, no log
record, no file under VAR_DIR or MEDIA_ROOT, no session and no cache entry.
"""

from __future__ import annotations

import json
import logging
import secrets
import string
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection


def _marker() -> str:
    # a made-up surname so the checker has something to flag, unique to this run
    # letters only: a run of hex digits can look like a phone number and change what the checker flags
    return "Zq" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(12))


def draft(marker: str) -> str:
    return f"Court tomorrow for the {marker} kids, their mum lives at 14 Acacia Road, Leeds LS6 2AB. {marker}"


def database_mentions(marker: str) -> list[str]:
    found = []
    text_types = {"CharField", "TextField", "JSONField", "SlugField", "EmailField", "URLField", "UUIDField"}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            description = connection.introspection.get_table_description(cursor, table)
            columns = []
            for col in description:
                field_type = connection.introspection.get_field_type(col.type_code, col)
                raw_type = str(col.type_code).lower()
                if field_type in text_types or "char" in raw_type or "text" in raw_type:
                    columns.append(col.name)
            if not columns:
                # be thorough: look at every column as text
                columns = [col.name for col in description]
            qn = connection.ops.quote_name
            where = " OR ".join(f"CAST({qn(c)} AS TEXT) LIKE %s" for c in columns)
            cursor.execute(f"SELECT COUNT(*) FROM {qn(table)} WHERE {where}", [f"%{marker}%"] * len(columns))  # noqa: S608
            if cursor.fetchone()[0]:
                found.append(table)
    return found


def file_mentions(marker: str) -> list[str]:
    needle = marker.encode()
    found = []
    roots = [Path(settings.VAR_DIR)]
    if settings.MEDIA_ROOT:
        roots.append(Path(settings.MEDIA_ROOT))
    for root in roots:
        if not root.exists():
            continue
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink():
                try:
                    if needle in path.read_bytes():
                        found.append(str(path))
                except OSError:
                    pass
    return found


def log_mentions(caplog, marker: str) -> list[str]:
    found = []
    for record in caplog.records:
        text = record.getMessage() + " " + repr(record.args) + " " + (record.exc_text or "")
        text += " " + " ".join(repr(v) for k, v in vars(record).items() if k not in {"msg", "args"})
        if marker in text:
            found.append(f"{record.name}: {record.getMessage()[:80]}")
    return found


def session_mentions(marker: str) -> list[str]:
    from django.contrib.sessions.models import Session

    sessions = Session.objects.all()
    return [s.session_key for s in sessions if marker in json.dumps(s.get_decoded(), default=str)]


def cache_mentions(marker: str) -> list[str]:
    """Cache keys whose value holds the marker. The cache is the database cache: values are pickled and
    base64-encoded, so the plain-text table scan above cannot see into them."""
    import base64
    import pickle

    from django.core.cache import caches

    found = []
    for alias in settings.CACHES:
        table = caches[alias]._table if hasattr(caches[alias], "_table") else None
        if table is None:
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT cache_key, value FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for key, value in cursor.fetchall():
                decoded = repr(pickle.loads(base64.b64decode(value)))  # noqa: S301 - our own cache rows
                if marker in decoded or marker in key:
                    found.append(key)
    return found


def assert_nowhere(caplog, marker: str) -> None:
    assert database_mentions(marker) == []
    assert cache_mentions(marker) == []
    assert session_mentions(marker) == []
    assert log_mentions(caplog, marker) == []
    assert file_mentions(marker) == []


@pytest.fixture
def all_logs(caplog):
    caplog.set_level(logging.DEBUG)  # the root logger and so every logger that propagates
    for name in list(logging.root.manager.loggerDict):
        logger = logging.getLogger(name)
        if not logger.propagate:
            logger.addHandler(caplog.handler)
    yield caplog
    for name in list(logging.root.manager.loggerDict):
        logger = logging.getLogger(name)
        if caplog.handler in logger.handlers:
            logger.removeHandler(caplog.handler)


@pytest.mark.django_db
def test_web_form_does_not_store_or_log_the_draft(client, all_logs):
    marker = _marker()
    response = client.post("/check/", {"text": draft(marker)})
    assert response.status_code == 200
    assert marker in response.content.decode()  # echoed back to its author only
    assert "no-store" in response["Cache-Control"]
    htmx = client.post("/check/", {"text": draft(marker)}, HTTP_HX_REQUEST="true")
    assert "no-store" in htmx["Cache-Control"]
    assert "ep-risk--stop" in response.content.decode()
    assert_nowhere(all_logs, marker)


@pytest.mark.django_db
def test_web_form_does_not_store_the_draft_for_a_signed_in_member(client, all_logs):
    from eprofessional.accounts.models import User

    user = User(username="dora", email="dora@example.org")
    user.set_password("correct-horse-battery-staple")
    user.save()
    client.force_login(user)
    marker = _marker()
    response = client.post("/check/", {"text": draft(marker)})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert_nowhere(all_logs, marker)


@pytest.mark.django_db
def test_validation_errors_do_not_store_or_log_the_draft(client, all_logs):
    marker = _marker()
    client.post("/check/", {"text": marker + " " + "x" * 100_001})
    client.post("/api/check", json.dumps({"text": marker + "x" * 100_001}), content_type="application/json")
    client.post("/api/check", json.dumps({"txt": marker}), content_type="application/json")
    client.post("/api/check", b'{"text": "' + marker.encode() + b'"', content_type="application/json")
    assert_nowhere(all_logs, marker)


@pytest.mark.django_db
def test_api_does_not_store_or_log_the_draft(client, all_logs):
    marker = _marker()
    response = client.post("/api/check", json.dumps({"text": draft(marker)}), content_type="application/json")
    assert response.status_code == 200
    assert response.json()["risk"] == "stop"
    assert "no-store" in response["Cache-Control"]
    assert_nowhere(all_logs, marker)


@pytest.mark.django_db
def test_cli_does_not_store_or_log_the_draft(all_logs, capsys):
    from eprofessional import cli

    marker = _marker()
    assert cli.main(["check", draft(marker)]) == 0
    assert cli.main(["check", "--json", draft(marker)]) == 0
    out = capsys.readouterr().out
    assert marker in out  # printed for the author, nowhere else
    assert_nowhere(all_logs, marker)


@pytest.mark.django_db
def test_photo_checker_keeps_no_file(client, all_logs):
    from tests.test_checks_photo import jpeg_with_gps, upload

    marker = _marker()
    client.post("/check/photo/", {"photo": upload(jpeg_with_gps(serial=marker))})
    client.post("/check/photo/clean-copy/", {"photo": upload(jpeg_with_gps(serial=marker))})
    assert_nowhere(all_logs, marker)


def test_the_check_form_turns_autocomplete_off():
    from eprofessional.checks.forms import CheckForm

    html = str(CheckForm()["text"])
    assert 'autocomplete="off"' in html
    root = Path(__file__).resolve().parent.parent
    template = (root / "eprofessional/checks/templates/checks/check.html").read_text()
    assert template.count('autocomplete="off"') >= 2  # the form and the textarea


def test_checker_views_do_not_use_the_session():
    source = (Path(__file__).resolve().parent.parent / "eprofessional/checks/views.py").read_text()
    assert "request.session" not in source
    assert "messages." not in source


@pytest.mark.django_db
def test_community_flow_stores_the_held_post_but_never_the_checkers_draft(client, all_logs, content):
    """A member tries the wording on the checker's draft page, then posts it to the community. The post is
    held by the checker and stored, as intended, in its one table, and nowhere else (no log, session, file,
    cache or notification); the draft tried on /check/ is stored nowhere at all."""
    from eprofessional.community.models import Contribution, Notification, Visibility
    from tests.conftest import make_user

    member = make_user("dora")
    client.force_login(member)
    tried, posted = _marker(), _marker()
    checked = client.post("/check/", {"text": draft(tried)})
    assert checked.status_code == 200 and "no-store" in checked["Cache-Control"]
    assert "ep-risk--stop" in checked.content.decode()
    anchor = content.clauses.order_by("section__position", "position").first().anchor
    response = client.post(f"/community/clauses/{anchor}/", {
        "kind": "comment", "title": f"Court tomorrow {posted}", "body": draft(posted), "credit_by_name": "name",
    })
    assert response.status_code == 302
    held = Contribution.objects.get(author=member)
    assert held.visibility == Visibility.HELD
    assert database_mentions(posted) == ["community_contribution"]
    assert not Notification.objects.filter(message__contains=posted).exists()
    assert session_mentions(posted) == [] and log_mentions(all_logs, posted) == []
    assert file_mentions(posted) == []
    assert cache_mentions(posted) == []
    assert_nowhere(all_logs, tried)
    # The author reads it back (no-store); nobody else can.
    page = client.get(held.get_absolute_url())
    assert posted in page.content.decode() and "no-store" in page["Cache-Control"]
    client.logout()
    assert client.get(held.get_absolute_url()).status_code == 404
