"""The photo checker: metadata report and a clean copy, never a 500 for a bad file."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def jpeg_with_gps(serial: str = "SN-123456") -> bytes:
    img = Image.new("RGB", (64, 48), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "Phonemaker"  # Make
    exif[0x0110] = "Phone 12"  # Model
    exif[0x013B] = "Alice Ward"  # Artist
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (53.0, 48.0, 0.0)
    gps[3] = "W"
    gps[4] = (1.0, 32.0, 0.0)
    exif_ifd = exif.get_ifd(0x8769)
    exif_ifd[0xA431] = serial  # BodySerialNumber
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif)
    return out.getvalue()


def plain_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (10, 10), (0, 0, 0)).save(out, "PNG")
    return out.getvalue()


def upload(data: bytes, name: str = "holiday.jpg", content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.mark.django_db
def test_photo_page_renders(client):
    response = client.get("/check/photo/")
    assert response.status_code == 200
    assert 'accept="image/*"' in response.content.decode()
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_photo_with_gps_and_author_is_reported_in_plain_words(client):
    response = client.post("/check/photo/", {"photo": upload(jpeg_with_gps())})
    assert response.status_code == 200
    html = response.content.decode()
    assert "hidden detail" in html
    assert "Location in the photo" in html
    assert "GPS 53.8" in html
    assert "Alice Ward" in html
    assert "SN-123456" in html
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_htmx_photo_check_returns_the_result_panel(client):
    response = client.post("/check/photo/", {"photo": upload(jpeg_with_gps())}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert "Location in the photo" in html


@pytest.mark.django_db
def test_photo_without_metadata_says_so(client):
    response = client.post("/check/photo/", {"photo": upload(plain_png(), "x.png", "image/png")})
    assert response.status_code == 200
    assert "No hidden details found" in response.content.decode()


@pytest.mark.django_db
def test_clean_copy_has_no_metadata_and_nothing_is_kept(client, settings, tmp_path):
    response = client.post("/check/photo/clean-copy/", {"photo": upload(jpeg_with_gps())})
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "holiday-no-metadata.jpg" in response["Content-Disposition"]
    from ep_checker.images import inspect_image

    report = inspect_image(response.content, "clean.jpg")
    assert report.gps is None
    assert not [f for f in report.findings if f.severity != "info"]
    assert b"SN-123456" not in response.content
    assert b"Alice Ward" not in response.content


def truncated_jpeg() -> bytes:
    return jpeg_with_gps()[:300]


def bomb_png() -> bytes:
    # a tiny PNG whose header declares an enormous picture
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        return struct.pack(">I", len(data)) + kind + data + crc

    ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
    idat = chunk(b"IDAT", zlib.compress(b"\0" * 1000))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + idat + chunk(b"IEND", b"")


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/check/photo/", "/check/photo/clean-copy/"])
@pytest.mark.parametrize(
    "data,name",
    [
        (b"this is not an image at all", "fake.jpg"),
        (b"%PDF-1.4 not an image", "doc.pdf"),
        ("truncated", "cut.jpg"),
        ("bomb", "bomb.png"),
    ],
)
def test_bad_files_get_a_clear_message_never_a_500(client, url, data, name):
    if data == "truncated":
        data = truncated_jpeg()
    elif data == "bomb":
        data = bomb_png()
    response = client.post(url, {"photo": upload(data, name)})
    assert response.status_code in {200, 400}
    html = response.content.decode()
    assert "There is a problem" in html
    assert 'aria-invalid="true"' in html


@pytest.mark.django_db
def test_missing_file_gets_a_clear_message(client):
    response = client.post("/check/photo/", {})
    assert "Choose a photo to check." in response.content.decode()


@pytest.mark.django_db
def test_oversized_photo_is_refused(client, monkeypatch):
    from eprofessional.checks import forms

    monkeypatch.setattr(forms, "PHOTO_MAX_BYTES", 100)
    response = client.post("/check/photo/", {"photo": upload(jpeg_with_gps())})
    assert "larger than 20 MB" in response.content.decode()


@pytest.mark.django_db
def test_photos_are_held_in_memory_and_big_uploads_refused(client, monkeypatch):
    from django.test import Client

    from eprofessional.checks import views

    seen = []
    original = views.photos.inspect

    def spy(data, name):
        seen.append(type(data))
        return original(data, name)

    monkeypatch.setattr(views.photos, "inspect", spy)
    big = jpeg_with_gps() + b"\0" * (6 * 1024 * 1024)  # above Django's in-memory limit
    monkeypatch.setattr("django.core.files.temp.NamedTemporaryFile", None)  # a temporary file would fail
    response = client.post("/check/photo/", {"photo": upload(big)})
    assert response.status_code == 200
    assert seen == [bytes]

    monkeypatch.setattr(views, "PHOTO_MAX_BYTES", 1024)
    response = client.post("/check/photo/", {"photo": upload(jpeg_with_gps() + b"\0" * 300_000)})
    assert "larger than 20 MB" in response.content.decode()

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/check/photo/", {"photo": upload(jpeg_with_gps())}).status_code == 403
    assert strict.post("/check/photo/clean-copy/", {"photo": upload(jpeg_with_gps())}).status_code == 403
