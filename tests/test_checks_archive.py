"""The archive audit: background job, private results, clear messages for bad files, CSV export."""

from __future__ import annotations

import csv
import io
import json
import stat
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import PASSWORD

RISKY_TWEET = "Court tomorrow for the Kowalski kids, mum lives at 14 Acacia Road, Leeds LS6 2AB"
FINE_TWEET = "Great CPD session on reflective supervision today"


def x_archive(texts: list[str]) -> bytes:
    tweets = [
        {"tweet": {"id_str": str(1000 + i), "full_text": t, "created_at": "Wed Mar 06 10:00:00 +0000 2024"}}
        for i, t in enumerate(texts)
    ]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(tweets))
    return out.getvalue()


def facebook_json(texts: list[str]) -> bytes:
    posts = [{"timestamp": 1700000000 + i, "data": [{"post": t}]} for i, t in enumerate(texts)]
    return json.dumps(posts).encode()


def linkedin_csv(texts: list[str]) -> bytes:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["Date", "ShareLink", "ShareCommentary", "Visibility"])
    for i, t in enumerate(texts):
        w.writerow([f"2024-01-0{i + 1} 10:00:00", f"https://www.linkedin.com/feed/{i}", t, "MEMBER_NETWORK"])
    return out.getvalue().encode()


def instagram_json(texts: list[str]) -> bytes:
    return json.dumps(
        [{"media": [{"uri": "x.jpg", "creation_timestamp": 1700000000, "title": t}]} for t in texts]
    ).encode()


def _user(username: str, **fields):
    """Like conftest's make_user, without relying on the manager's create_user (missing on this branch)."""
    from eprofessional.accounts.models import User

    user = User(
        username=username, email=f"{username}@example.org", nation="england", role="social-worker", **fields
    )
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def alice(db):
    return _user("alice", display_name="Alice Ward")


@pytest.fixture
def charlie(db):
    return _user("charlie")


@pytest.fixture(autouse=True)
def private_var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def upload(client, data: bytes, name: str = "twitter-archive.zip"):
    return client.post("/check/archive/", {"archive": SimpleUploadedFile(name, data)})


def signed_in(client, user):
    client.force_login(user)  # the sign-in form is tested by the accounts app
    return client


@pytest.mark.django_db
def test_archive_page_needs_sign_in(client):
    response = client.get("/check/archive/")
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data,name,platform",
    [
        (x_archive([RISKY_TWEET, FINE_TWEET]), "twitter.zip", "X/Twitter"),
        (facebook_json([RISKY_TWEET, FINE_TWEET]), "your_posts_1.json", "Facebook"),
        (instagram_json([RISKY_TWEET, FINE_TWEET]), "posts_1.json", "Instagram"),
        (linkedin_csv([RISKY_TWEET, FINE_TWEET]), "Shares.csv", "LinkedIn"),
    ],
)
def test_job_runs_and_shows_risky_posts_first(client, alice, private_var_dir, data, name, platform):
    from eprofessional.checks.models import AuditJob

    signed_in(client, alice)
    response = upload(client, data, name)
    job = AuditJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    assert job.owner == alice
    assert job.status == "done", job.error
    assert job.total == 2
    assert job.count_stop == 1
    assert platform in job.platform
    assert job.upload_name == ""
    assert not any((private_var_dir / "private-uploads").iterdir())

    page = client.get(job.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert "Kowalski" in html
    assert FINE_TWEET not in html  # posts that look fine are only counted
    assert "2</strong> posts checked" in html


@pytest.mark.django_db
def test_upload_waits_in_a_private_file_until_the_job_runs(client, alice, private_var_dir, monkeypatch):
    from eprofessional.checks import auditing, tasks
    from eprofessional.checks.models import AuditJob

    queued: list[str] = []

    class Later:
        def enqueue(self, job_id: str) -> None:
            queued.append(job_id)

    monkeypatch.setattr(tasks, "run_audit", Later())
    signed_in(client, alice)
    upload(client, x_archive([RISKY_TWEET]))
    job = AuditJob.objects.get()
    assert queued == [str(job.id)]
    assert job.status == "queued"
    path = private_var_dir / "private-uploads" / job.upload_name
    assert path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert job.upload_name not in "twitter-archive.zip"

    # the page shows progress, with a refresh link and htmx polling
    html = client.get(job.get_absolute_url()).content.decode()
    assert "<progress" in html
    assert 'hx-trigger="every 2s"' in html
    assert "Refresh this page" in html
    partial = client.get(f"{job.get_absolute_url()}progress/", HTTP_HX_REQUEST="true").content.decode()
    assert "<progress" in partial and "<html" not in partial

    auditing.process_job(job.id)
    job.refresh_from_db()
    assert job.status == "done"
    assert not path.exists()
    partial = client.get(f"{job.get_absolute_url()}progress/", HTTP_HX_REQUEST="true")
    assert partial["HX-Refresh"] == "true"


@pytest.mark.django_db
def test_upload_is_deleted_even_when_the_job_fails(client, alice, private_var_dir, monkeypatch):
    from ep_checker import archives
    from eprofessional.checks.models import AuditJob

    def boom(*args, **kwargs):
        raise RuntimeError("unexpected")

    monkeypatch.setattr(archives, "audit", boom)
    signed_in(client, alice)
    upload(client, x_archive([RISKY_TWEET]))
    job = AuditJob.objects.get()
    assert job.status == "failed"
    assert "Something went wrong" in job.error
    assert not any((private_var_dir / "private-uploads").iterdir())


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data,name",
    [
        (b"just some text", "notes.txt"),
        (b"PK\x03\x04broken zip", "archive.zip"),
        (b'{"hello": "world"}', "data.json"),
        (b"", "empty.json"),
        (b"\xff\xfe\x00garbage\x00\x00", "x.csv"),
    ],
)
def test_bad_archives_get_a_clear_message(client, alice, data, name):
    from eprofessional.checks.models import AuditJob

    signed_in(client, alice)
    response = upload(client, data, name)
    assert response.status_code in {200, 302}
    html = client.get(response["Location"]).content.decode() if response.status_code == 302 else (
        response.content.decode()
    )
    assert "There is a problem" in html or "We could not check that file" in html
    job = AuditJob.objects.first()
    if job is not None:
        assert job.status == "failed"
        assert job.error


@pytest.mark.django_db
def test_csv_has_a_header_and_one_row_per_finding(client, alice):
    from eprofessional.checks.models import AuditJob

    signed_in(client, alice)
    upload(client, x_archive([RISKY_TWEET, FINE_TWEET, "Mum of Jayden Smith rang the office again"]))
    job = AuditJob.objects.get()
    response = client.get(f"{job.get_absolute_url()}findings.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    from ep_checker.archives import CSV_FIELDS

    assert rows[0] == CSV_FIELDS
    expected = sum(1 for p in job.posts.all() for f in p.findings if f["severity"] != "info")
    assert expected > 0
    assert len(rows) - 1 == expected
    assert all(len(r) == len(CSV_FIELDS) for r in rows)


def _urls(job) -> list[tuple[str, str]]:
    base = job.get_absolute_url()
    return [
        ("get", base), ("get", f"{base}progress/"), ("get", f"{base}findings.csv"), ("post", f"{base}delete/")
    ]


@pytest.mark.django_db
def test_results_are_visible_only_to_the_owner(client, alice, charlie):
    from django.test import Client

    from eprofessional.checks.models import AuditJob

    signed_in(client, alice)
    upload(client, x_archive([RISKY_TWEET]))
    job = AuditJob.objects.get()

    other = signed_in(Client(), charlie)
    assert "Kowalski" not in other.get("/check/archive/").content.decode()
    for method, url in _urls(job):
        assert getattr(other, method)(url).status_code == 404, url

    anonymous = Client()
    for method, url in _urls(job):
        response = getattr(anonymous, method)(url)
        assert response.status_code == 302 and "/accounts/" in response["Location"], url

    assert AuditJob.objects.filter(id=job.id).exists()
    for method, url in _urls(job)[:3]:
        headers = {"HTTP_HX_REQUEST": "true"} if "progress" in url else {}
        assert getattr(client, method)(url, **headers).status_code == 200
    assert list(AuditJob.objects.visible_to(charlie)) == []
    assert list(AuditJob.objects.visible_to(alice)) == [job]


@pytest.mark.django_db
def test_delete_removes_everything(client, alice, private_var_dir, monkeypatch):
    from eprofessional.checks import tasks
    from eprofessional.checks.models import AuditJob, AuditPost

    signed_in(client, alice)
    upload(client, x_archive([RISKY_TWEET]))
    job = AuditJob.objects.get()
    assert AuditPost.objects.filter(job=job).exists()
    response = client.post(f"{job.get_absolute_url()}delete/")
    assert response.status_code == 302
    assert not AuditJob.objects.exists()
    assert not AuditPost.objects.exists()

    # a job still waiting: its upload goes too
    monkeypatch.setattr(tasks, "run_audit", type("Later", (), {"enqueue": lambda self, job_id: None})())
    upload(client, x_archive([RISKY_TWEET]))
    job = AuditJob.objects.get()
    assert any((private_var_dir / "private-uploads").iterdir())
    client.post(f"{job.get_absolute_url()}delete/")
    assert not any((private_var_dir / "private-uploads").iterdir())
    assert not AuditJob.objects.exists()


@pytest.mark.django_db
def test_jobs_left_by_a_stopped_worker_expire_and_their_files_go(client, alice, private_var_dir, monkeypatch):
    import os
    from datetime import timedelta

    from django.utils import timezone

    from eprofessional.checks import auditing, tasks
    from eprofessional.checks.models import AuditJob

    monkeypatch.setattr(tasks, "run_audit", type("Later", (), {"enqueue": lambda self, job_id: None})())
    signed_in(client, alice)
    upload(client, x_archive([RISKY_TWEET]))
    job = AuditJob.objects.get()
    orphan = private_var_dir / "private-uploads" / "orphan"
    orphan.write_bytes(b"left behind")
    old = (timezone.now() - timedelta(days=1)).timestamp()
    os.utime(orphan, (old, old))
    assert auditing.expire_stale_jobs() == 0
    assert (private_var_dir / "private-uploads" / job.upload_name).exists()
    assert not orphan.exists()

    assert auditing.expire_stale_jobs(now=timezone.now() + timedelta(hours=7)) == 1
    job.refresh_from_db()
    assert job.status == "failed" and "interrupted" in job.error
    assert not any((private_var_dir / "private-uploads").iterdir())
