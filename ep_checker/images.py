"""Photo metadata check: what an image file reveals before it is posted.

``inspect_image(data, filename)`` reports GPS position, place names (EXIF/IPTC/XMP/PNG text), author,
copyright, camera make/model/serial, software, original file name and date taken; ``strip_metadata``
returns a re-encoded copy without any of it. Pillow only (imported lazily). Bad files - decompression
bombs, truncated or fake images - raise :class:`CheckerError` with a clear message.
"""

from __future__ import annotations

import contextlib
import io
import math
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

from . import _data
from .errors import CheckerError
from .model import Finding

MAX_BYTES = 50 * 1024 * 1024
MAX_PIXELS = 64_000_000  # well above any phone camera (48-50 MP), far below a bomb

# EXIF tag ids (Pillow's ExifTags.Base values)
IFD_EXIF = 0x8769
IFD_GPS = 0x8825
TAGS_0 = {
    0x013B: ("author", "Artist"),
    0x8298: ("copyright", "Copyright"),
    0x0131: ("software", "Software"),
    0x010E: ("description", "ImageDescription"),
    0x010F: ("make", "Make"),
    0x0110: ("model", "Model"),
    0x0132: ("date", "DateTime"),
    0x9C9D: ("author", "XPAuthor"),
    0x9C9C: ("comment", "XPComment"),
    0x9C9B: ("title", "XPTitle"),
    0x9C9E: ("keywords", "XPKeywords"),
    0x9C9F: ("subject", "XPSubject"),
}
TAGS_EXIF = {
    0x9003: ("date_taken", "DateTimeOriginal"),
    0xA430: ("owner", "CameraOwnerName"),
    0xA431: ("serial", "BodySerialNumber"),
    0xA435: ("lens_serial", "LensSerialNumber"),
    0xA420: ("unique_id", "ImageUniqueID"),
    0x9286: ("comment", "UserComment"),
}
IPTC_TAGS = {
    (2, 90): ("place", "IPTC City"),
    (2, 92): ("place", "IPTC Sub-location"),
    (2, 95): ("place", "IPTC Province/State"),
    (2, 101): ("place", "IPTC Country"),
    (2, 80): ("author", "IPTC By-line"),
    (2, 116): ("copyright", "IPTC Copyright"),
    (2, 120): ("description", "IPTC Caption"),
    (2, 5): ("title", "IPTC Object name"),
    (2, 25): ("keywords", "IPTC Keywords"),
}
XMP_FIELDS = [
    ("place", "XMP City", r"photoshop:City"),
    ("place", "XMP State", r"photoshop:State"),
    ("place", "XMP Country", r"photoshop:Country"),
    ("place", "XMP Location", r"Iptc4xmpCore:Location"),
    ("author", "XMP Creator", r"dc:creator"),
    ("copyright", "XMP Rights", r"dc:rights"),
    (
        "original_filename",
        "XMP original file name",
        r"(?:xmpMM:PreservedFileName|crs:RawFileName|photoshop:SidecarForExtension)",
    ),
    ("serial", "XMP camera serial", r"(?:aux:SerialNumber|exifEX:BodySerialNumber)"),
    ("software", "XMP creator tool", r"xmp:CreatorTool"),
    ("gps_lat", "XMP GPS latitude", r"exif:GPSLatitude"),
    ("gps_lon", "XMP GPS longitude", r"exif:GPSLongitude"),
]
PNG_TEXT_KEYS = {
    "author": "author",
    "artist": "author",
    "copyright": "copyright",
    "software": "software",
    "description": "description",
    "comment": "comment",
    "location": "place",
    "title": "title",
    "source": "make",
    "creation time": "date_taken",
    "subject": "subject",
    "keywords": "keywords",
    "caption": "description",
    "disclaimer": "comment",
    "warning": "comment",
    "label": "title",
}
MESSAGES = {
    "author": "the author's name",
    "owner": "the camera owner's name",
    "copyright": "a copyright notice (often your name)",
    "serial": "the camera's serial number (links photos to one device)",
    "lens_serial": "the lens serial number",
    "unique_id": "a unique image id",
    "software": "the software or phone that made it",
    "make": "the camera make",
    "model": "the camera or phone model",
    "date_taken": "the date and time it was taken",
    "date": "a date and time",
    "original_filename": "the original file name",
    "description": "a description",
    "comment": "a comment",
    "title": "a title",
    "keywords": "keywords",
    "subject": "a subject",
}
# categories that identify a person or place on their own -> review; others -> info
REVIEW_KEYS = {
    "author",
    "owner",
    "copyright",
    "serial",
    "lens_serial",
    "original_filename",
    "description",
    "comment",
    "title",
    "keywords",
    "subject",
}


@dataclass
class ImageReport:
    format: str
    width: int
    height: int
    risk: str
    findings: list[Finding] = field(default_factory=list)
    gps: tuple[float, float] | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "width": self.width,
            "height": self.height,
            "risk": self.risk,
            "gps": {"lat": self.gps[0], "lon": self.gps[1]} if self.gps else None,
            "metadata": self.metadata,
            "findings": [f.to_dict() for f in self.findings],
        }


def _pil():
    from PIL import Image, ImageFile

    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:  # HEIC/HEIF when the optional plug-in is installed
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:
        pass
    return Image


def _open(data: bytes, filename: str | None):
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise CheckerError("image data must be bytes")
    name = filename or "the image"
    if len(data) == 0:
        raise CheckerError(f"{name} is empty")
    if len(data) > MAX_BYTES:
        raise CheckerError(f"{name} is too large ({len(data) // (1024 * 1024)} MB; the limit is 50 MB)")
    Image = _pil()
    old_max = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            try:
                img = Image.open(io.BytesIO(bytes(data)))
                img.load()
            except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
                raise CheckerError(
                    f"{name} declares an enormous picture size (a 'decompression bomb'); it was not opened"
                ) from exc
            except Image.UnidentifiedImageError as exc:
                head = bytes(data[:12])
                if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc", b"ftypmsf1"):
                    raise CheckerError(
                        f"{name} is a HEIC/HEIF photo, which this installation cannot read; "
                        "export it as JPEG first"
                    ) from exc
                raise CheckerError(
                    f"{name} is not an image this checker can read (JPEG, PNG, WebP, GIF, TIFF)"
                ) from exc
            except OSError as exc:
                raise CheckerError(f"{name} is damaged or truncated: {exc}") from exc
            except (ValueError, SyntaxError, EOFError, IndexError, KeyError, TypeError) as exc:
                raise CheckerError(f"{name} is damaged or not a valid image: {exc}") from exc
    finally:
        Image.MAX_IMAGE_PIXELS = old_max
    return img


def _text(v: Any) -> str:
    if isinstance(v, bytes) and v[:8] in (b"ASCII\0\0\0", b"JIS\0\0\0\0\0", b"\0" * 8):
        v = v[8:].decode("utf-8", "replace")  # EXIF UserComment: an 8-byte character-code prefix, then text
    elif isinstance(v, bytes) and v[:8] == b"UNICODE\0":
        body = v[8:]
        v = body.decode("utf-16-be" if body[:1] == b"\0" else "utf-16-le", "replace")
    if isinstance(v, bytes):
        # UTF-16 (the XP* tags) when there are zero bytes, else UTF-8: plain ASCII bytes such as a GIF
        # comment would otherwise read as UTF-16 and come out as Chinese characters
        encodings = ("utf-16-le", "utf-8", "latin-1") if b"\0" in v else ("utf-8", "latin-1")
        for enc in encodings:
            try:
                s = v.decode(enc)
                if enc == "utf-16-le" and not s.isprintable() and "\x00" not in s:
                    continue
                v = s
                break
            except UnicodeDecodeError:
                continue
        else:
            v = v.decode("latin-1", "replace")
    if isinstance(v, (list, tuple)):
        v = ", ".join(_text(x) for x in v)
    s = str(v).replace("\x00", "").strip()
    if s.upper().startswith(("ASCII\0", "UNICODE")):
        s = s[8:]
    return s.strip()


def _ratio(x: Any) -> float:
    try:
        return float(x)
    except (TypeError, ValueError, ZeroDivisionError):
        num, den = x
        return float(num) / float(den) if den else 0.0


def _dms(value: Any, ref: Any) -> float | None:
    try:
        # degrees, minutes, seconds as the standard says; some writers give only degrees (decimal) or
        # degrees and decimal minutes
        parts = [_ratio(v) for v in (value if isinstance(value, (tuple, list)) else (value,))]
    except (TypeError, ValueError):
        return None
    if not 1 <= len(parts) <= 3:
        return None
    d, m, s = (*parts, 0.0, 0.0)[:3]
    out = d + m / 60 + s / 3600
    if not math.isfinite(out):  # a zero denominator in a GPS rational: no usable position
        return None
    if _text(ref).upper() in ("S", "W"):
        out = -out
    return round(out, 6)


def _plausible(lat: float | None, lon: float | None) -> bool:
    return lat is not None and lon is not None and abs(lat) <= 90 and abs(lon) <= 180 and bool(lat or lon)


def _xmp_dms(s: str) -> float | None:
    m = re.match(r"\s*(\d+),(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?([NSEW])", s)
    if not m:
        try:
            value = float(s)
        except ValueError:
            return None
        return value if math.isfinite(value) else None
    val = float(m.group(1)) + float(m.group(2)) / 60 + (float(m.group(3) or 0)) / 3600
    return round(-val if m.group(4) in "SW" else val, 6)


def _xmp_value(xmp: str, tag: str) -> str | None:
    m = re.search(r"<(" + tag + r")\b[^>]*>(.*?)</\1>", xmp, re.S)
    if m:
        inner = re.sub(r"<[^>]+>", " ", m.group(2))
        inner = re.sub(r"\s+", " ", inner).strip()
        return inner or None
    m = re.search(r"\b(" + tag + r')="([^"]*)"', xmp)
    return m.group(2).strip() if m and m.group(2).strip() else None


def _collect(
    img, filename: str | None
) -> tuple[dict[str, Any], tuple[float, float] | None, list[tuple[str, str]]]:
    """Return (metadata dict, gps, [(key, label)...] of found items)."""
    meta: dict[str, Any] = {}
    found: list[tuple[str, str]] = []
    gps = None

    def put(key: str, label: str, value: Any) -> None:
        s = _text(value)
        if not s or s in ("0", "None"):
            return
        meta[label] = s[:500]
        found.append((key, label))

    try:
        exif = img.getexif()
    except Exception:
        exif = None
    if exif:
        for tag, (key, label) in TAGS_0.items():
            if tag in exif:
                put(key, label, exif[tag])
        try:
            sub = exif.get_ifd(IFD_EXIF)
        except Exception:
            sub = {}
        for tag, (key, label) in TAGS_EXIF.items():
            if tag in sub:
                put(key, label, sub[tag])
        try:
            g = exif.get_ifd(IFD_GPS)
        except Exception:
            g = {}
        if g:
            lat = _dms(g.get(2), g.get(1)) if g.get(2) else None
            lon = _dms(g.get(4), g.get(3)) if g.get(4) else None
            if lat is not None and lon is not None and _plausible(lat, lon):
                gps = (lat, lon)
            else:
                meta["GPS"] = "GPS block present"
                found.append(("gps_partial", "GPS"))
    # IPTC (JPEG/TIFF)
    try:
        from PIL import IptcImagePlugin

        iptc = IptcImagePlugin.getiptcinfo(img) or {}
    except Exception:
        iptc = {}
    for iptc_tag, (key, label) in IPTC_TAGS.items():
        if iptc_tag in iptc:
            put(key, label, iptc[iptc_tag])
    # XMP (JPEG APP1, PNG iTXt, WebP chunk)
    xmp_raw = img.info.get("xmp") or img.info.get("XML:com.adobe.xmp")
    if xmp_raw:
        xmp = xmp_raw.decode("utf-8", "replace") if isinstance(xmp_raw, bytes) else str(xmp_raw)
        xlat = xlon = None
        for key, label, xmp_tag in XMP_FIELDS:
            v = _xmp_value(xmp, xmp_tag)
            if not v:
                continue
            if key == "gps_lat":
                xlat = _xmp_dms(v)
            elif key == "gps_lon":
                xlon = _xmp_dms(v)
            else:
                put(key, label, v)
        if gps is None and xlat is not None and xlon is not None and _plausible(xlat, xlon):
            gps = (xlat, xlon)
    # a comment block (JPEG COM, GIF comment extension, WebP/other formats that carry one)
    comment = img.info.get("comment")
    if comment:
        # "Created with GIMP", "CREATOR: gd-jpeg v1.0", "Created by OpenJPEG": a program's note, not a person's
        tool = re.match(r"(?i)\s*(?:created|made|generated|optimi[sz]ed|edited|saved)\s+(?:with|by|using)\b|"
                        r"\s*creator:", _text(comment))
        put("software" if tool else "comment", f"{img.format or 'image'} comment", comment)
    # PNG text chunks
    for k, v in (getattr(img, "text", None) or {}).items():
        text_key = PNG_TEXT_KEYS.get(k.lower())
        if text_key and not k.startswith("XML:"):
            put(text_key, f"PNG {k}", v)
    if filename:
        meta["file name"] = filename
    return meta, gps, found


def _finding(category: str, text: str, severity: str, rule: str) -> Finding:
    info = _data.categories()[category]
    return Finding(
        category=category,
        start=0,
        end=0,
        text=text,
        severity=severity,
        message=info["message"].replace("{text}", text),
        topics=list(info["topics"]),
        suggestion=info["suggestion"],
        clauses=list(_data.clauses().get(category, [])),
        rule=rule,
    )


def inspect_image(data: bytes, filename: str | None = None) -> ImageReport:
    """Report what an image's metadata reveals. Raises CheckerError for unreadable images."""
    img = _open(data, filename)
    meta, gps, found = _collect(img, filename)
    findings: list[Finding] = []
    if gps:
        findings.append(_finding("image-location", f"GPS {gps[0]:.6f}, {gps[1]:.6f}", "stop", "exif-gps"))
    for key, label in found:
        value = meta.get(label, "")
        if key == "place":
            findings.append(_finding("image-location", f"{label}: {value}", "review", "metadata-place"))
        elif key == "gps_partial":
            findings.append(_finding("image-location", "a GPS block", "review", "exif-gps"))
        else:
            sev = "review" if key in REVIEW_KEYS else "info"
            findings.append(
                _finding(
                    "image-metadata", f"{MESSAGES.get(key, key)}: {label} = {value}", sev, f"metadata-{key}"
                )
            )
    if filename:
        # a file name such as "IMG_2024_jayden_contact.jpg" can itself identify someone
        from .engine import check as check_text

        stem = re.sub(r"[_\-.]+", " ", filename.rsplit("/", 1)[-1].rsplit(".", 1)[0])
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", stem)}
        if words & (_data.first_names() | _data.surnames()) and not re.fullmatch(
            r"(?i)(img|dsc|pxl|photo|image)?\s*\d*\s*", stem
        ):
            res = check_text(stem)
            findings.append(_finding("image-metadata", f'file name "{filename}"', "review", "file-name"))
            _ = res
    top = (
        max((2 if f.severity == "stop" else 1 if f.severity == "review" else 0) for f in findings)
        if findings
        else 0
    )
    risk = {0: "ok", 1: "review", 2: "stop"}[top]
    return ImageReport(
        format=img.format or "unknown",
        width=img.width,
        height=img.height,
        risk=risk,
        findings=findings,
        gps=gps,
        metadata=meta,
    )


def strip_metadata(data: bytes, filename: str | None = None) -> bytes:
    """Return a re-encoded copy of the image with all metadata (EXIF, GPS, IPTC, XMP, text) removed.

    The picture is rotated upright first, so dropping the EXIF orientation tag does not turn it.
    """
    img = _open(data, filename)
    from PIL import Image, ImageOps

    fmt = (img.format or "PNG").upper()
    if fmt in ("GIF", "PNG", "WEBP") and getattr(img, "n_frames", 1) > 1:
        return _strip_animation(img, fmt)  # before exif_transpose, which keeps the first frame only
    with contextlib.suppress(Exception):  # a broken orientation tag is not fatal
        img = ImageOps.exif_transpose(img) or img
    if fmt not in ("JPEG", "PNG", "WEBP", "GIF", "TIFF", "BMP"):
        fmt = "JPEG"
    clean = Image.new(img.mode, img.size)
    clean.putdata(list(img.getdata())) if img.mode == "P" else clean.paste(img)
    if img.mode == "P" and img.getpalette():
        clean.putpalette(img.getpalette())
    if fmt == "JPEG" and clean.mode not in ("RGB", "L", "CMYK"):
        clean = clean.convert("RGB")
    out = io.BytesIO()
    kwargs: dict[str, Any] = {}
    if fmt == "JPEG" or fmt == "WEBP":
        kwargs = {"quality": 95}
    clean.save(out, format=fmt, **kwargs)
    return out.getvalue()


def _strip_animation(img: Any, fmt: str) -> bytes:
    """A clean copy of an animated GIF, PNG or WebP that keeps every frame and its timing (but no metadata)."""
    from PIL import Image, ImageSequence

    if img.n_frames * img.width * img.height > 4 * MAX_PIXELS:
        raise CheckerError("the animation has too many frames to clean here; post a still picture instead")
    frames: list[Any] = []
    durations: list[int] = []
    try:
        for frame in ImageSequence.Iterator(img):
            durations.append(int(frame.info.get("duration") or 100))
            clean = Image.new("RGBA", frame.size)
            clean.paste(frame.convert("RGBA"))
            frames.append(clean)
    except (OSError, ValueError, EOFError) as exc:
        raise CheckerError(f"a frame of the animation is damaged: {exc}") from exc
    out = io.BytesIO()
    kwargs: dict[str, Any] = {"save_all": True, "append_images": frames[1:], "duration": durations, "loop": 0}
    if fmt == "GIF":
        kwargs["disposal"] = 2
    frames[0].save(out, format=fmt, **kwargs)
    return out.getvalue()
