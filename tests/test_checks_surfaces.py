"""Sixth round: bugs found by a hostile review of the checker's surfaces (archives, photos, CLI, web).

Each test here failed before its fix; docs/checker.md ("Sixth round: bug hunt on the surfaces") lists them.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from typing import Any

import pytest
from PIL import Image, PngImagePlugin
from PIL.TiffImagePlugin import IFDRational

from ep_checker.archives import audit, open_archive
from ep_checker.errors import CheckerError
from ep_checker.images import inspect_image

# ------------------------------------------------------------------ archives of an odd shape


def _open(raw: bytes, name: str = "export.json") -> Any:
    fh = io.BytesIO(raw)
    fh.name = name
    return open_archive(fh)


@pytest.mark.parametrize(
    "items",
    [
        [{"timestamp": 1, "data": 5}],
        [{"timestamp": 1, "data": [{"post": "hi"}], "attachments": 5}],
        [{"timestamp": 1, "attachments": [{"data": 7}]}],
        [{"media": 5, "creation_timestamp": 1}],
        [{"media": {"title": "a dict, not a list"}}],
    ],
)
def test_facebook_and_instagram_fields_of_an_odd_shape_are_skipped_not_a_crash(items: list[Any]) -> None:
    report = audit(_open(json.dumps(items).encode()))
    assert report.total == 1


def test_deeply_nested_json_is_a_clear_message_not_a_recursion_error() -> None:
    with pytest.raises(CheckerError, match="nested too deeply"):
        _open(b"[" * 100_000 + b"]" * 100_000)
    tweets = b"window.YTD.tweets.part0 = " + b"[" * 100_000 + b"]" * 100_000
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("data/tweets.js", tweets)
    with pytest.raises(CheckerError, match="nested too deeply"):
        audit(_open(out.getvalue(), "twitter.zip"))


def test_cli_audit_of_an_odd_facebook_file_exits_2_with_no_traceback(tmp_path: Any) -> None:
    path = tmp_path / "your_posts_1.json"
    path.write_bytes(b"[" * 50_000 + b"]" * 50_000)
    run = subprocess.run(
        [sys.executable, "-m", "ep_checker", "audit-archive", str(path)], capture_output=True, text=True
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert "nested too deeply" in run.stderr


# ------------------------------------------------------------------ photos


def _jpeg(**save: Any) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, "JPEG", **save)
    return out.getvalue()


def _gps(lat: Any, lon: Any) -> Image.Exif:
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: lat, 3: "W", 4: lon}
    return exif


def test_gps_with_a_zero_denominator_is_not_reported_as_nan() -> None:
    zero = (IFDRational(1, 0), IFDRational(0, 1), IFDRational(0, 1))
    report = inspect_image(_jpeg(exif=_gps(zero, zero)), "p.jpg")
    assert report.gps is None
    assert report.risk == "review"  # the GPS block is still worth a second look
    assert not any("nan" in f.text for f in report.findings)
    json.dumps(report.to_dict(), allow_nan=False)  # the CLI's --json output stays valid JSON


def test_gps_outside_the_globe_is_not_a_position() -> None:
    report = inspect_image(_jpeg(exif=_gps((951.0, 30.0, 0.0), (500.0, 7.0, 0.0))), "p.jpg")
    assert report.gps is None
    assert report.risk == "review"


def test_a_real_gps_position_is_still_found() -> None:
    report = inspect_image(_jpeg(exif=_gps((51.0, 30.0, 0.0), (0.0, 7.0, 0.0))), "p.jpg")
    assert report.gps == (51.5, -0.116667)
    assert report.risk == "stop"


def test_exif_user_comment_with_its_character_code_prefix_is_readable() -> None:
    exif = Image.Exif()
    exif[0x8769] = {0x9286: b"ASCII\x00\x00\x00Jayden at Oakfield"}
    report = inspect_image(_jpeg(exif=exif), "p.jpg")
    assert any(f.text.endswith("UserComment = Jayden at Oakfield") for f in report.findings)


def test_jpeg_and_gif_comments_are_reported_and_readable() -> None:
    report = inspect_image(_jpeg(comment=b"Jayden Smith at home"), "p.jpg")
    assert any("Jayden Smith at home" in f.text for f in report.findings)
    assert report.risk == "review"
    frames = [Image.new("P", (8, 8), i) for i in range(3)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], comment=b"Kai Jones")
    report = inspect_image(out.getvalue(), "a.gif")
    assert any("Kai Jones" in f.text for f in report.findings)


def test_png_caption_subject_and_keywords_are_reported() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Caption", "Jayden at home")
    info.add_text("Subject", "Kai Jones")
    info.add_text("Keywords", "Oakfield")
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "PNG", pnginfo=info)
    texts = " ".join(f.text for f in inspect_image(out.getvalue(), "p.png").findings)
    assert "Jayden at home" in texts and "Kai Jones" in texts and "Oakfield" in texts


def test_a_bmp_clean_copy_is_named_bmp() -> None:
    from eprofessional.checks.photos import strip

    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "BMP")
    clean = strip(out.getvalue(), "scan.bmp")
    assert clean.error is None
    assert clean.filename == "scan-no-metadata.bmp"
    assert clean.content_type == "image/bmp"


# ------------------------------------------------------------------ CLI --jsonl


def _jsonl(data: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "ep_checker", "check", "--jsonl", "-"], input=data, capture_output=True
    )


def _refuse(name: str) -> Any:
    raise ValueError(f"{name} in the output")


def test_jsonl_refuses_nan_rather_than_writing_invalid_json() -> None:
    run = _jsonl(b'{"text": "fine", "id": 1}\n{"text": "x", "id": NaN}\n')
    assert run.returncode == 2
    assert b"line 2" in run.stderr and b"NaN" in run.stderr
    for line in run.stdout.splitlines():
        json.loads(line, parse_constant=_refuse)


def test_jsonl_accepts_a_byte_order_mark_at_the_start() -> None:
    run = _jsonl(b'\xef\xbb\xbf{"text": "fine", "id": 7}\n')
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["id"] == 7


# ------------------------------------------------------------------ web: a large audit is paged


@pytest.mark.django_db
def test_audit_results_page_shows_a_page_of_posts_at_a_time(client: Any, settings: Any, tmp_path: Any) -> None:
    from eprofessional.checks.models import AuditJob, AuditPost
    from tests.conftest import make_user

    settings.VAR_DIR = tmp_path
    owner = make_user("pager")
    client.force_login(owner)
    job = AuditJob.objects.create(owner=owner, status="done", total=250, processed=250, count_review=250)
    AuditPost.objects.bulk_create(
        AuditPost(job=job, position=i, post_id=str(i), source="x", text=f"Post number {i} zzq", risk="review",
                  risk_rank=1, findings=[])
        for i in range(1, 251)
    )
    html = client.get(job.get_absolute_url()).content.decode()
    assert html.count("zzq") == 100
    assert "Page 1 of 3" in html
    last = client.get(job.get_absolute_url() + "?page=3").content.decode()
    assert "Post number 250 zzq" in last and "Post number 1 zzq" not in last
    assert client.get(job.get_absolute_url() + "?page=oops").status_code == 200


@pytest.mark.parametrize("command", [["-m", "ep_checker"], ["-m", "eprofessional.cli"]])
def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Any, command: list[str]) -> None:
    """``eprofessional check --jsonl FILE | head -1``: the pipe closes while we write."""
    path = tmp_path / "posts.jsonl"
    path.write_text('{"text": "Coffee with Jayden Smith at Oakfield school"}\n' * 2000, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, *command, "check", "--jsonl", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().startswith(b"{")
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait() == 141
    assert b"Traceback" not in err


@pytest.mark.parametrize("fmt", ["GIF", "PNG", "WEBP"])
def test_the_clean_copy_of_an_animation_keeps_its_frames(fmt: str) -> None:
    from ep_checker.images import strip_metadata

    frames = [Image.new("RGB", (8, 8), colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, fmt, save_all=True, append_images=frames[1:], duration=[50, 60, 70], loop=0,
                   comment=b"Jayden Smith")
    clean = strip_metadata(out.getvalue(), f"wave.{fmt.lower()}")
    copy = Image.open(io.BytesIO(clean))
    assert copy.format == fmt
    assert getattr(copy, "n_frames", 1) == 3
    assert not inspect_image(clean, "wave").findings


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def test_a_zip_inside_a_zip_and_an_empty_zip_say_so() -> None:
    inner = _zip({"data/tweets.js": b"window.YTD.tweets.part0 = []"})
    with pytest.raises(CheckerError, match=r"holds another zip file \(twitter\.zip\)"):
        _open(_zip({"twitter.zip": inner}), "download.zip")
    with pytest.raises(CheckerError, match="empty zip file"):
        _open(_zip({}), "download.zip")


def _audit_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ep_checker", "audit-archive", *args], capture_output=True, text=True
    )


def test_audit_cli_refuses_bad_output_options_before_the_long_work(tmp_path: Any) -> None:
    archive = tmp_path / "your_posts_1.json"
    archive.write_text(json.dumps([{"timestamp": 1, "data": [{"post": "Jayden (14) at Oakfield school"}]}]))
    run = _audit_cli(str(archive), "--limit", "-3")
    assert run.returncode == 2 and "--limit" in run.stderr
    run = _audit_cli(str(archive), "--csv", "-", "--json")
    assert run.returncode == 2 and "standard output" in run.stderr
    assert run.stdout == ""
    run = _audit_cli(str(archive), "--csv", str(tmp_path))
    assert run.returncode == 2 and "folder" in run.stderr
    run = _audit_cli(str(archive), "--csv", str(tmp_path / "missing" / "out.csv"))
    assert run.returncode == 2 and "cannot write" in run.stderr
    run = _audit_cli(str(archive), "--csv", str(tmp_path / "out.csv"))
    assert run.returncode == 0, run.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("date", ["2024-02-30 10:00:00", "2024-13-45 10:00:00", "0000-01-01 00:00:00",
                                  "0001-01-01T00:00:00+14:00"])
def test_one_impossible_date_does_not_lose_the_whole_audit(client: Any, settings: Any, tmp_path: Any,
                                                           date: str) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from eprofessional.checks.models import AuditJob
    from tests.conftest import make_user

    settings.VAR_DIR = tmp_path
    client.force_login(make_user("dated"))
    shares = (
        "Date,ShareLink,ShareCommentary\n"
        f'{date},https://www.linkedin.com/feed/1,"Court tomorrow for Jayden (14), mum lives at 14 Acacia Road"\n'
        "2024-01-02 10:00:00,https://www.linkedin.com/feed/2,Great CPD session today\n"
    )
    client.post("/check/archive/", {"archive": SimpleUploadedFile("Shares.csv", shares.encode())})
    job = AuditJob.objects.get()
    assert job.status == "done", job.error
    post = job.posts.get()
    assert post.date == date and post.posted_at is None
    assert date in client.get(job.get_absolute_url()).content.decode()


# ------------------------------------------------------------------ a "\ud83d" escape cut in half

SURROGATE_TWEETS = (
    'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1\\ud800", "created_at": "x\\udc00", '
    '"full_text": "Court for Jayden (14) at Oakfield school \\ud83d"}}]'
)


def test_jsonl_with_a_lone_surrogate_escape_writes_valid_json() -> None:
    run = _jsonl(b'{"text": "Jayden \\ud800 (14)", "id": "a\\udc00"}\n')
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["id"] == "a\udc00"
    assert "\ud800" in result["redacted"]


@pytest.mark.parametrize("options", [[], ["--json"], ["--csv", "-"]])
def test_audit_cli_survives_a_lone_surrogate(tmp_path: Any, options: list[str]) -> None:
    path = tmp_path / "tweets.js"
    path.write_text(SURROGATE_TWEETS, encoding="utf-8")
    run = _audit_cli(str(path), *options)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert "Oakfield school" in run.stdout


@pytest.mark.django_db
def test_web_audit_stores_a_post_with_a_lone_surrogate(client: Any, settings: Any, tmp_path: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from eprofessional.checks.models import AuditJob
    from tests.conftest import make_user

    settings.VAR_DIR = tmp_path
    client.force_login(make_user("halfemoji"))
    client.post("/check/archive/", {"archive": SimpleUploadedFile("x.zip", _zip({"data/tweets.js":
                                                                                  SURROGATE_TWEETS.encode()}))})
    job = AuditJob.objects.get()
    assert job.status == "done", job.error
    assert job.posts.get().text.endswith("school \ufffd")
    assert client.get(f"{job.get_absolute_url()}findings.csv").status_code == 200


@pytest.mark.django_db
def test_a_job_left_by_a_stopped_worker_is_cleared_when_its_owner_looks(
    client: Any, settings: Any, tmp_path: Any
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from eprofessional.checks import auditing
    from eprofessional.checks.models import AuditJob, AuditStatus
    from tests.conftest import make_user

    settings.VAR_DIR = tmp_path
    owner = make_user("patient")
    client.force_login(owner)
    for page in ("list", "job"):
        (auditing.upload_dir() / f"left-{page}").write_bytes(b"past posts")
        job = AuditJob.objects.create(owner=owner, status=AuditStatus.RUNNING, upload_name=f"left-{page}")
        AuditJob.objects.filter(id=job.id).update(created_at=timezone.now() - timedelta(hours=7))
        html = client.get("/check/archive/" if page == "list" else job.get_absolute_url()).content.decode()
        job.refresh_from_db()
        assert job.status == "failed" and job.upload_name == ""
        assert not (auditing.upload_dir() / f"left-{page}").exists()
        assert "interrupted" in html or page == "list"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body,content_type",
    [(b"text=hello", "application/x-www-form-urlencoded"), (b'{"text": "\xff\xfe"}', "application/json"),
     (b'{"text": "unterminated', "application/json")],
)
def test_api_check_says_what_to_send_when_the_body_is_not_json(client: Any, body: bytes,
                                                                content_type: str) -> None:
    response = client.generic("POST", "/api/check", body, content_type=content_type)
    assert response.status_code == 400
    assert "Content-Type: application/json" in response.json()["detail"]


@pytest.mark.parametrize(
    "lat,lon,expected",
    [((51.0, 30.0), (0.0, 7.0), (51.5, -0.116667)), ((51.5,), (0.1,), (51.5, -0.1)), (51.5, 0.1, (51.5, -0.1))],
)
def test_gps_written_as_degrees_or_degrees_and_minutes_is_a_position(lat: Any, lon: Any, expected: Any) -> None:
    report = inspect_image(_jpeg(exif=_gps(lat, lon)), "p.jpg")
    assert report.gps == expected
    assert report.risk == "stop"
