import io

import pytest
from PIL import Image, PngImagePlugin

from ep_checker import CheckerError
from ep_checker.images import inspect_image, strip_metadata

GPS = {1: "N", 2: (53.0, 48.0, 38.88), 3: "W", 4: (1.0, 31.0, 5.16)}


def jpeg_with_exif(fmt="JPEG"):
    img = Image.new("RGB", (64, 48), (200, 40, 40))
    exif = Image.Exif()
    exif[0x013B] = "Jane Bloggs"
    exif[0x0110] = "Pixel 8"
    exif[0x0131] = "HDR+ 1.0"
    exif[0x8825] = GPS
    exif[0x8769] = {0xA431: "SN-0042", 0x9003: "2026:03:12 14:05:00"}
    buf = io.BytesIO()
    img.save(buf, fmt, exif=exif)
    return buf.getvalue()


@pytest.mark.parametrize("fmt", ["JPEG", "WEBP", "PNG"])
def test_gps_detected_and_stripped(fmt):
    data = jpeg_with_exif(fmt)
    r = inspect_image(data, f"photo.{fmt.lower()}")
    assert r.gps == pytest.approx((53.8108, -1.5181), abs=1e-4)
    assert r.risk == "stop"
    cats = {f.category for f in r.findings}
    assert cats == {"image-location", "image-metadata"}
    texts = " ".join(f.text for f in r.findings)
    assert "Jane Bloggs" in texts and "SN-0042" in texts and "2026:03:12" in texts
    clean = strip_metadata(data)
    r2 = inspect_image(clean)
    assert r2.gps is None and r2.findings == [] and r2.risk == "ok"
    assert Image.open(io.BytesIO(clean)).size == (64, 48)
    assert not Image.open(io.BytesIO(clean)).getexif()


def test_png_text_place_and_author():
    pi = PngImagePlugin.PngInfo()
    pi.add_text("Author", "Sam Smith")
    pi.add_text("Location", "Harehills, Leeds")
    buf = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buf, "PNG", pnginfo=pi)
    r = inspect_image(buf.getvalue())
    assert any(f.category == "image-location" and "Harehills" in f.text for f in r.findings)
    assert any(f.category == "image-metadata" and "Sam Smith" in f.text for f in r.findings)
    assert inspect_image(strip_metadata(buf.getvalue())).findings == []


def test_xmp_place_and_original_name():
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description photoshop:City="Otley" '
        b'xmpMM:PreservedFileName="mia_adoption_day.jpg"/></rdf:RDF></x:xmpmeta>'
    )
    buf = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buf, "JPEG", xmp=xmp)
    r = inspect_image(buf.getvalue())
    texts = " ".join(f.text for f in r.findings)
    assert "Otley" in texts and "mia_adoption_day.jpg" in texts


def test_clean_image_is_ok():
    buf = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buf, "PNG")
    assert inspect_image(buf.getvalue()).risk == "ok"


def test_bad_images_get_clear_errors():
    with pytest.raises(CheckerError, match="not an image"):
        inspect_image(b"GIF89a? definitely not", "fake.jpg")
    with pytest.raises(CheckerError, match="not an image"):
        inspect_image(b"%PDF-1.4 hello", "doc.pdf")
    with pytest.raises(CheckerError, match="empty"):
        inspect_image(b"", "empty.jpg")
    data = jpeg_with_exif()
    with pytest.raises(CheckerError, match=r"truncated|damaged"):
        inspect_image(data[: len(data) // 2], "cut.jpg")
    with pytest.raises(CheckerError, match="HEIC"):
        inspect_image(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64, "IMG_0001.HEIC")


def test_decompression_bomb():
    buf = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(buf, "PNG")  # 144 MP, a few KB on disk
    with pytest.raises(CheckerError, match="decompression bomb"):
        inspect_image(buf.getvalue(), "bomb.png")
