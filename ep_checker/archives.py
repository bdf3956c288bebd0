"""Archive audit: check every past post in a worker's own social-media export.

Formats (detected from the file, not its name):

* X/Twitter archive - zip with ``data/tweets.js`` (``window.YTD.tweets.part0 = [...]``), or that file alone;
* Facebook "Download your information" JSON - ``your_posts*.json`` (zip or the file alone);
* Instagram JSON - ``posts_*.json`` with captions (zip or the file alone);
* LinkedIn export - ``Shares.csv`` (zip or the file alone).

Zip files are read defensively: unsafe member names (``..``, absolute paths) are refused, only the
members needed are read, and reading stops when the uncompressed size or the compression ratio looks
like a zip bomb. Nothing is sent anywhere and nothing is written except where the caller asks (CSV).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from .engine import check
from .errors import CheckerError
from .model import RISK_ORDER, CheckResult

MAX_MEMBER_BYTES = 1024 * 1024 * 1024  # 1 GiB of text in one member is far beyond any real export
MAX_TOTAL_BYTES = 20 * 1024 * 1024 * 1024  # exports with videos can be several GB
MAX_RATIO = 200  # uncompressed / compressed; real JSON compresses about 5-15x
MAX_MEMBERS = 200_000


@dataclass
class Post:
    id: str
    date: str | None
    text: str
    source: str


@dataclass
class AuditedPost:
    post: Post
    result: CheckResult

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.post.id,
            "date": self.post.date,
            "source": self.post.source,
            "text": self.post.text,
            **self.result.to_dict(),
        }


@dataclass
class AuditReport:
    format: str
    total: int
    posts: list[AuditedPost] = field(default_factory=list)  # posts with findings, risk first
    by_risk: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    skipped: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "summary": {
                "posts": self.total,
                "by_risk": self.by_risk,
                "by_category": self.by_category,
                "skipped_without_text": self.skipped,
            },
            "posts": [p.to_dict() for p in self.posts],
        }


# ------------------------------------------------------------------ safe reading


def _check_member_name(name: str) -> None:
    n = name.replace("\\", "/")
    if n.startswith("/") or re.match(r"^[A-Za-z]:", n) or any(part == ".." for part in n.split("/")):
        raise CheckerError(f"refusing an archive with an unsafe file path inside it: {name!r}")


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    if info.file_size > MAX_MEMBER_BYTES:
        raise CheckerError(f"{info.filename} is too large to audit ({info.file_size:,} bytes when unpacked)")
    if (
        info.compress_size
        and info.file_size / max(1, info.compress_size) > MAX_RATIO
        and info.file_size > 10_000_000
    ):
        raise CheckerError(
            f"{info.filename} looks like a zip bomb (compression ratio over {MAX_RATIO}:1); not unpacked"
        )
    out = io.BytesIO()
    limit = min(MAX_MEMBER_BYTES, max(info.file_size, 1) + 1024)
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(1 << 20)
                if not chunk:
                    break
                out.write(chunk)
                if out.tell() > limit:
                    raise CheckerError(
                        f"{info.filename} unpacks to more than it declares: a zip bomb; stopped"
                    )
                if (
                    info.compress_size
                    and out.tell() > 10_000_000
                    and out.tell() / info.compress_size > MAX_RATIO
                ):
                    raise CheckerError(f"{info.filename} looks like a zip bomb; stopped unpacking")
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError) as exc:
        raise CheckerError(f"could not unpack {info.filename}: {exc}") from exc
    except NotImplementedError as exc:
        raise CheckerError(f"{info.filename} uses an unsupported compression method") from exc
    return out.getvalue()


def _decode(raw: bytes, what: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CheckerError(f"{what} is not valid UTF-8 text (byte {exc.start})") from exc


# ------------------------------------------------------------------ formats


def _fix_mojibake(s: str) -> str:
    """Facebook/Instagram exports write UTF-8 bytes as \\u00XX escapes; undo that."""
    if not s or all(ord(c) < 128 for c in s):
        return s
    try:
        return s.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s


def _ts(v: Any) -> str | None:
    try:
        return datetime.fromtimestamp(int(v), tz=UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _twitter_date(s: Any) -> str | None:
    if not s:
        return None
    try:
        return (
            datetime.strptime(str(s), "%a %b %d %H:%M:%S %z %Y")
            .astimezone(UTC)
            .isoformat(timespec="seconds")
            .replace("+00:00", "Z")
        )
    except ValueError:
        return str(s)


def _parse_json(text: str, what: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CheckerError(
            f"{what} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    except RecursionError as exc:  # thousands of nested brackets: no real export is built like that
        raise CheckerError(f"{what} is nested too deeply to be a social media export") from exc


def _items(value: Any) -> list[Any]:
    """``value`` when it is a list, else an empty list: a field of an odd shape is skipped, not a crash."""
    return value if isinstance(value, list) else []


def parse_tweets_js(text: str, what: str = "tweets.js") -> Iterator[Post]:
    m = re.match(r"\s*window\.YTD\.[A-Za-z_]+\.part\d+\s*=\s*", text)
    if not m:
        raise CheckerError(
            f"{what} does not start with 'window.YTD.tweets.part0 = [' as an X/Twitter archive does"
        )
    data = _parse_json(text[m.end() :].rstrip().rstrip(";"), what)
    if not isinstance(data, list):
        raise CheckerError(f"{what}: expected a list of tweets")
    for i, item in enumerate(data):
        tw = item.get("tweet", item) if isinstance(item, dict) else None
        if not isinstance(tw, dict):
            continue
        text_ = tw.get("full_text") or tw.get("text") or ""
        yield Post(
            str(tw.get("id_str") or tw.get("id") or i), _twitter_date(tw.get("created_at")), str(text_), "x"
        )


def parse_facebook(data: Any, what: str = "your_posts.json") -> Iterator[Post]:
    items = data
    if isinstance(data, dict):
        for key in ("status_updates_v2", "status_updates", "posts_v2", "posts"):
            if isinstance(data.get(key), list):
                items = data[key]
                break
    if not isinstance(items, list):
        raise CheckerError(f"{what}: not a Facebook posts file (expected a list of posts)")
    for i, it in enumerate(items):
        if not isinstance(it, dict):
            continue
        texts = []
        for d in _items(it.get("data")):
            if isinstance(d, dict) and d.get("post"):
                texts.append(_fix_mojibake(str(d["post"])))
        for att in _items(it.get("attachments")):
            for d in _items(att.get("data")) if isinstance(att, dict) else []:
                media = d.get("media") if isinstance(d, dict) else None
                if isinstance(media, dict) and media.get("description"):
                    texts.append(_fix_mojibake(str(media["description"])))
        yield Post(str(it.get("id") or i), _ts(it.get("timestamp")), "\n".join(texts), "facebook")


def parse_instagram(data: Any, what: str = "posts_1.json") -> Iterator[Post]:
    items = data
    if isinstance(data, dict):
        for key in ("ig_posts", "posts", "media"):
            if isinstance(data.get(key), list):
                items = data[key]
                break
    if not isinstance(items, list):
        raise CheckerError(f"{what}: not an Instagram posts file (expected a list of posts)")
    for i, it in enumerate(items):
        if not isinstance(it, dict):
            continue
        caption = it.get("title") or ""
        ts = it.get("creation_timestamp")
        media = _items(it.get("media"))
        if not caption and media and isinstance(media[0], dict):
            caption = media[0].get("title") or ""
        if ts is None and media and isinstance(media[0], dict):
            ts = media[0].get("creation_timestamp")
        yield Post(str(i), _ts(ts), _fix_mojibake(str(caption)), "instagram")


def parse_linkedin_csv(text: str, what: str = "Shares.csv") -> Iterator[Post]:
    reader = csv.DictReader(io.StringIO(text))
    fields = {f.strip().lower() for f in (reader.fieldnames or [])}
    if "sharecommentary" not in fields:
        raise CheckerError(f"{what}: not a LinkedIn Shares.csv (no ShareCommentary column)")
    try:
        for i, row in enumerate(reader):
            row = {(k or "").strip().lower(): v for k, v in row.items()}
            yield Post(
                str(row.get("sharelink") or i),
                row.get("date") or None,
                str(row.get("sharecommentary") or "").replace('""', '"'),
                "linkedin",
            )
    except csv.Error as exc:
        raise CheckerError(f"{what}: malformed CSV ({exc})") from exc


# ------------------------------------------------------------------ detection


FORMAT_NAMES = {
    "x": "X/Twitter archive",
    "facebook": "Facebook export",
    "instagram": "Instagram export",
    "linkedin": "LinkedIn export",
}


def _classify_json(data: Any) -> str | None:
    items = data
    if isinstance(data, dict):
        if any(k in data for k in ("status_updates_v2", "status_updates", "posts_v2")):
            return "facebook"
        if any(k in data for k in ("ig_posts",)):
            return "instagram"
        return None
    if isinstance(items, list) and items:
        first = next((x for x in items if isinstance(x, dict)), None)
        if first is None:
            return None
        if "media" in first or "creation_timestamp" in first:
            return "instagram"
        if "data" in first or "timestamp" in first:
            return "facebook"
    return None


class Archive:
    """An opened export. ``iter_posts()`` yields :class:`Post` objects."""

    def __init__(self, kind: str, loader: Callable[[], Iterator[Post]], name: str) -> None:
        self.kind = kind
        self.name = name
        self._loader = loader

    @property
    def format_name(self) -> str:
        return FORMAT_NAMES[self.kind]

    def iter_posts(self) -> Iterator[Post]:
        return self._loader()


# How each export is recognised inside a zip (first match wins, in this order) and how its files are read.
_ZIP_FORMATS: list[tuple[str, tuple[str, ...], Callable[[str, str], Iterable[Post]]]] = [
    ("x", (r"(?:^|/)data/tweets?(?:-part\d+)?\.js$", r"(?:^|/)tweets?\.js$"), parse_tweets_js),
    ("linkedin", (r"(?:^|/)shares\.csv$",), parse_linkedin_csv),
    (
        "instagram",
        (r"(?:^|/)(?:your_instagram_activity/)?(?:content|media)/posts_\d+\.json$",),
        lambda t, f: parse_instagram(_parse_json(t, f), f),
    ),
    (
        "facebook",
        (r"(?:^|/)posts/your_posts(?:__[a-z_]+)?_\d+\.json$", r"your_posts[^/]*\.json$"),
        lambda t, f: parse_facebook(_parse_json(t, f), f),
    ),
]


def _member_loader(
    zf: zipfile.ZipFile, members: list[zipfile.ZipInfo], parse: Callable[[str, str], Iterable[Post]]
) -> Callable[[], Iterator[Post]]:
    def load() -> Iterator[Post]:
        for info in members:
            yield from parse(_decode(_read_member(zf, info), info.filename), info.filename)

    return load


def _zip_archive(zf: zipfile.ZipFile, name: str) -> Archive:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise CheckerError(f"{name} has too many files inside ({len(infos):,})")
    total = packed = 0
    for info in infos:
        _check_member_name(info.filename)
        total += info.file_size
        packed += info.compress_size
    if total > MAX_TOTAL_BYTES or (total > 100_000_000 and total / max(1, packed) > MAX_RATIO):
        raise CheckerError(
            f"{name} declares {total:,} bytes when unpacked from {packed:,}; refusing a likely zip bomb"
        )
    names = {i.filename.replace("\\", "/"): i for i in infos if not i.is_dir()}

    def pick(pattern: str) -> list[zipfile.ZipInfo]:
        rx = re.compile(pattern, re.I)
        return [names[n] for n in sorted(names) if rx.search(n)]

    for kind, patterns, parse in _ZIP_FORMATS:
        members = next((found for pattern in patterns if (found := pick(pattern))), [])
        if members:
            return Archive(kind, _member_loader(zf, members, parse), name)
    inner = next((n for n in sorted(names) if n.lower().endswith(".zip")), None)
    if inner:
        raise CheckerError(
            f"{name} holds another zip file ({inner}) rather than the export itself: unzip it once and "
            "give the export inside"
        )
    if not names:
        raise CheckerError(f"{name} is an empty zip file")
    raise CheckerError(
        f"{name} is a zip file but not a recognised export: expected data/tweets.js (X/Twitter), "
        "your_posts_1.json (Facebook), posts_1.json (Instagram) or Shares.csv (LinkedIn)"
    )


def open_archive(path_or_file: str | Path | IO[bytes]) -> Archive:
    """Open an export (zip or single file), detecting its format. Raises CheckerError when it cannot."""
    if isinstance(path_or_file, (str, Path)):
        path = Path(path_or_file)
        name = path.name
        if not path.exists():
            raise CheckerError(f"{path} does not exist")
        if path.is_dir():
            raise CheckerError(f"{path} is a folder; give the export's zip file or its posts file")
        if path.stat().st_size > MAX_MEMBER_BYTES:
            raise CheckerError(f"{path} is too large to audit")
        raw = path.read_bytes()
    else:
        name = getattr(path_or_file, "name", "the archive")
        raw = path_or_file.read(MAX_MEMBER_BYTES + 1)
        if len(raw) > MAX_MEMBER_BYTES:
            raise CheckerError(f"{name} is too large to audit")
    if not raw:
        raise CheckerError(f"{name} is empty")
    if raw[:4] == b"PK\x03\x04" or raw[:4] == b"PK\x05\x06":
        try:
            zf = zipfile.ZipFile(io.BytesIO(raw))
        except zipfile.BadZipFile as exc:
            raise CheckerError(f"{name} is a damaged zip file: {exc}") from exc
        return _zip_archive(zf, name)
    text = _decode(raw, name)
    stripped = text.lstrip()
    if stripped.startswith("window.YTD."):
        return Archive("x", lambda: parse_tweets_js(text, name), name)
    if stripped.startswith(("[", "{")):
        data = _parse_json(text, name)
        if data in ([], {}):
            raise CheckerError(f"{name} holds no posts (it is an empty JSON list): nothing to audit")
        kind = _classify_json(data)
        if kind == "facebook":
            return Archive("facebook", lambda: parse_facebook(data, name), name)
        if kind == "instagram":
            return Archive("instagram", lambda: parse_instagram(data, name), name)
        raise CheckerError(f"{name} is JSON but not a Facebook or Instagram posts file")
    first_line = stripped.split("\n", 1)[0].lower()
    if "sharecommentary" in first_line:
        return Archive("linkedin", lambda: parse_linkedin_csv(text, name), name)
    raise CheckerError(
        f"{name} is not a recognised export (X/Twitter zip or tweets.js, Facebook or Instagram JSON, "
        "LinkedIn Shares.csv)"
    )


# ------------------------------------------------------------------ audit


def audit(archive: Archive, progress: Callable[[int, int], None] | None = None) -> AuditReport:
    """Check every post; return the posts with findings, highest risk first, and summary counts."""
    posts = list(archive.iter_posts())
    total = len(posts)
    by_risk: Counter[str] = Counter()
    by_cat: Counter[str] = Counter()
    flagged: list[AuditedPost] = []
    skipped = 0
    step = max(1, total // 200)
    for i, post in enumerate(posts, 1):
        if not post.text.strip():
            skipped += 1
            by_risk["ok"] += 1
        else:
            res = check(post.text[:100_000])
            by_risk[res.risk] += 1
            for f in res.findings:
                if f.severity != "info":
                    by_cat[f.category] += 1
            if res.risk != "ok":
                flagged.append(AuditedPost(post, res))
        if progress and (i % step == 0 or i == total):
            progress(i, total)
    if progress and total == 0:
        progress(0, 0)
    flagged.sort(key=lambda a: (-RISK_ORDER[a.result.risk], _neg_date(a.post.date)))
    return AuditReport(
        format=archive.format_name,
        total=total,
        posts=flagged,
        by_risk={k: by_risk.get(k, 0) for k in ("stop", "review", "ok")},
        by_category=dict(by_cat.most_common()),
        skipped=skipped,
    )


def _neg_date(d: str | None) -> str:
    # newest first inside a risk level: invert the characters of an ISO date
    if not d:
        return "~"
    return "".join(chr(255 - ord(c)) if ord(c) < 255 else c for c in d)


CSV_FIELDS = [
    "risk",
    "date",
    "source",
    "post_id",
    "category",
    "severity",
    "flagged_text",
    "message",
    "suggestion",
    "clauses",
    "post_text",
]


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: str) -> str:
    """Neutralise spreadsheet formula injection: a cell starting with = + - @ tab or CR gets a leading '.

    A lone surrogate (from a "\\ud83d" escape cut in half in the export) becomes U+FFFD, as a CSV file is
    UTF-8 and cannot hold it."""
    value = re.sub("[\ud800-\udfff]", "\ufffd", value)
    return "'" + value if value.startswith(FORMULA_START) else value


def write_csv(report: AuditReport, fileobj: IO[str]) -> int:
    """Write one row per finding of every flagged post. Returns the number of rows.

    Every cell is passed through `csv_safe`, so a post such as "=HYPERLINK(...)" cannot run as a formula
    when the file is opened in a spreadsheet."""
    w = csv.writer(fileobj)
    w.writerow(CSV_FIELDS)
    n = 0
    for ap in report.posts:
        for f in ap.result.findings:
            if f.severity == "info":
                continue
            w.writerow(
                csv_safe(str(cell))
                for cell in [
                    ap.result.risk,
                    ap.post.date or "",
                    ap.post.source,
                    ap.post.id,
                    f.category,
                    f.severity,
                    f.text,
                    f.message,
                    f.suggestion,
                    " ".join(f.clauses),
                    ap.post.text,
                ]
            )
            n += 1
    return n
