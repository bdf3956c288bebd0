"""Command-line functions for ``eprofessional check`` and ``eprofessional audit-archive``.

The main ``eprofessional`` entry point adds these to its own sub-parsers; ``python -m ep_checker``
runs them stand-alone. Exit status: 0 when the check completed, 1 when ``--fail-on`` was reached,
2 for bad input (message on standard error).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

RISK_ORDER = {"ok": 0, "review": 1, "stop": 2}
MAX_WORKERS = 8
BATCH = 512  # lines per batch with more than one worker
RISK_WORDS = {
    "ok": "OK - nothing the policy would question.",
    "review": "REVIEW - not a clear breach, but think again before posting.",
    "stop": "STOP - likely breach of confidentiality or professional standards if published.",
}


class _BadInput(Exception):
    pass


class _NotJSON(ValueError):
    pass


def add_check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="?", metavar="TEXT", help="the draft post, or - to read standard input")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--jsonl", metavar="FILE", help='check one JSON object per line ({"text", "id"}); - for stdin'
    )
    parser.add_argument(
        "--fail-on", choices=["review", "stop"], help="exit 1 when the risk reaches this level"
    )
    parser.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help=f"with --jsonl: check in N processes, output in the same order "
        f"(default: one per CPU core, at most {MAX_WORKERS}; 1 = one process, streaming line by line)",
    )
    parser.add_argument("--image", metavar="FILE", help="check a photo's metadata instead of text")
    parser.add_argument("--strip", metavar="OUT", help="with --image: write a copy without metadata to OUT")


def add_audit_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        metavar="FILE",
        help="your export: X/Twitter zip, Facebook/Instagram JSON or zip, LinkedIn Shares.csv or zip",
    )
    parser.add_argument("--csv", metavar="OUT", help="write the findings as CSV to OUT (- for stdout)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--progress", action="store_true", help="show the progress bar even when not on a terminal"
    )
    parser.add_argument(
        "--limit", type=_count, default=50, help="posts to list in the readable report (default 50)"
    )


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number 1 or more, not {value!r}")
    return number


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number 0 or more, not {value!r}")
    return number


def _err(msg: str) -> int:
    print(f"eprofessional: {msg}", file=sys.stderr)
    return 2


def _reached(risk: str, fail_on: str | None) -> bool:
    return fail_on is not None and RISK_ORDER[risk] >= RISK_ORDER[fail_on]


# A JSON escape such as "\ud800" with no partner decodes to a lone surrogate, which no UTF-8 output can hold.
_SURROGATE = re.compile("[\ud800-\udfff]")


# what json.dumps(obj, ensure_ascii=False) uses, made once (json.dumps makes a new encoder for every call)
_JSON_TEXT = json.JSONEncoder(ensure_ascii=False)


def _write_json(obj: Any, out: IO[str]) -> None:
    line = _JSON_TEXT.encode(obj)
    if _SURROGATE.search(line):
        line = json.dumps(obj)  # keep the lone surrogate as its escape, so text and offsets stay exact
    out.write(line + "\n")


class _Readable:
    """Standard output for the readable reports: a lone surrogate is shown as U+FFFD instead of failing."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(_SURROGATE.sub("\ufffd", text))

    def flush(self) -> None:
        self.stream.flush()


def format_report(result: Any, out: IO[str]) -> None:
    out.write(f"Risk: {RISK_WORDS[result.risk]}\n")
    shown = [f for f in result.findings if f.severity != "info"]
    if not shown:
        out.write("No findings.\n" if not result.findings else "Only minor notes:\n")
    for i, f in enumerate(shown or result.findings, 1):
        out.write(f'\n{i}. [{f.severity}] {f.category}: "{f.text}" (characters {f.start}-{f.end})\n')
        out.write(f"   Why: {f.message}\n")
        if f.why:
            out.write(f"   Because: {f.why}\n")
        out.write(f"   Instead: {f.suggestion}\n")
        if f.clauses:
            out.write(f"   Policy: {', '.join(f.clauses)}\n")
    notes = [f for f in result.findings if f.severity == "info"] if shown else []
    if notes:
        out.write("\nAlso worth a look (notes, not warnings):\n")
        for f in notes:
            out.write(f'- {f.category}: "{f.text}" (characters {f.start}-{f.end}): {f.message}\n')
    if result.findings and result.redacted:
        out.write(f"\nRedacted:\n  {result.redacted}\n")


def _read_stdin_text() -> str:
    raw = sys.stdin.buffer.read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _BadInput(f"standard input is not valid UTF-8 (byte {exc.start})") from exc


def run_check(args: argparse.Namespace) -> int:
    from . import CheckerError, check

    out = sys.stdout
    if getattr(args, "image", None):
        return _run_image(args)
    if getattr(args, "strip", None):
        return _err("--strip needs --image FILE")
    if getattr(args, "jsonl", None):
        return _run_jsonl(args)
    if args.text is None:
        return _err("give the text to check, or - to read it from standard input (or use --jsonl / --image)")
    try:
        if args.text == "-":
            text = _read_stdin_text()
        else:
            text = args.text
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise _BadInput("the text argument is not valid UTF-8") from exc
        result = check(text)
    except _BadInput as exc:
        return _err(str(exc))
    except CheckerError as exc:
        return _err(str(exc))
    if args.json:
        _write_json(result.to_dict(), out)
    else:
        format_report(result, _Readable(out))  # type: ignore[arg-type]
    return 1 if _reached(result.risk, args.fail_on) else 0


def _no_constant(name: str) -> Any:
    """NaN and Infinity are not JSON: refuse them, as echoing one back would make our own output invalid."""
    raise _NotJSON(f"{name} is not allowed in JSON")


def default_workers() -> int:
    """One process per CPU core this process may use, at most ``MAX_WORKERS``."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        n = os.cpu_count() or 1
    return max(1, min(n, MAX_WORKERS))


def _jsonl_items(fh: IO[bytes], name: str) -> Iterator[tuple[int, dict]]:
    """Each non-blank line as (line number, object); at the first bad line, ``_BadInput`` naming it."""
    for lineno, raw in enumerate(fh, 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _BadInput(f"{name} line {lineno}: not valid UTF-8 (byte {exc.start})") from exc
        if lineno == 1:
            line = line.removeprefix("\ufeff")  # a file saved by Windows Notepad starts with a BOM
        if not line.strip():
            continue
        try:
            obj = json.loads(line, parse_constant=_no_constant)
        except json.JSONDecodeError as exc:
            raise _BadInput(f"{name} line {lineno}: invalid JSON ({exc.msg}, column {exc.colno})") from exc
        except _NotJSON as exc:
            raise _BadInput(f"{name} line {lineno}: invalid JSON ({exc})") from exc
        if not isinstance(obj, dict) or "text" not in obj:
            raise _BadInput(f'{name} line {lineno}: missing "text"')
        if not isinstance(obj["text"], str):
            raise _BadInput(f'{name} line {lineno}: "text" must be a string')
        yield lineno, obj


def _check_one(text: str) -> dict[str, Any] | str:
    """A post's result as a dict, or the checker's message when it refuses the text (in a worker, too)."""
    from . import CheckerError, check

    try:
        return check(text).to_dict()
    except CheckerError as exc:
        return str(exc)


def _run_jsonl(args: argparse.Namespace) -> int:
    """Check one post per line, results in the same order. With more than one worker, lines are read in
    batches of ``BATCH`` and checked by a pool of processes forked after the models are loaded; a bad line
    still stops the run after every result before it has been written, as with one process."""
    src = args.jsonl
    try:
        fh = sys.stdin.buffer if src == "-" else open(src, "rb")  # noqa: SIM115
    except OSError as exc:
        return _err(f"cannot read {src}: {exc.strerror}")
    workers = args.workers or default_workers()
    out = sys.stdout
    worst = "ok"
    name = "standard input" if src == "-" else src
    items = _jsonl_items(fh, name)
    size = 1 if workers == 1 else BATCH  # one process streams line by line
    pool = None
    try:
        while True:
            batch: list[tuple[int, dict]] = []
            bad = None
            try:
                for item in items:
                    batch.append(item)
                    if len(batch) >= size:
                        break
            except _BadInput as exc:
                bad = str(exc)
            if pool is None and workers > 1 and len(batch) >= size and bad is None:
                import multiprocessing

                _check_one("warm up")  # load the models once, before forking, so every worker starts warm
                out.flush()  # nothing buffered may be copied into the workers
                pool = multiprocessing.get_context("fork").Pool(workers)
            texts = [obj["text"] for _, obj in batch]
            if pool is not None:
                results: Iterable[dict[str, Any] | str] = pool.map(
                    _check_one, texts, chunksize=max(1, len(texts) // (workers * 4))
                )
            else:
                results = map(_check_one, texts)
            for (lineno, obj), res in zip(batch, results, strict=True):
                if isinstance(res, str):
                    out.flush()
                    return _err(f"{name} line {lineno}: {res}")
                _write_json({"id": obj["id"], **res} if "id" in obj else res, out)
                if RISK_ORDER[res["risk"]] > RISK_ORDER[worst]:
                    worst = res["risk"]
            if bad is not None:
                out.flush()
                return _err(bad)
            if len(batch) < size:
                break
    finally:
        if pool is not None:
            pool.terminate()
        if fh is not sys.stdin.buffer:
            fh.close()
    out.flush()
    return 1 if _reached(worst, args.fail_on) else 0


def _run_image(args: argparse.Namespace) -> int:
    from .errors import CheckerError
    from .images import MAX_BYTES, inspect_image, strip_metadata

    try:
        with open(args.image, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_BYTES:  # refused before reading: a huge file is never loaded into memory
                return _err(f"{args.image} is too large ({size // (1024 * 1024)} MB; the limit is 50 MB)")
            data = fh.read(MAX_BYTES + 1)  # a pipe or device has no size: read no more than the limit
    except OSError as exc:
        return _err(f"cannot read {args.image}: {exc.strerror}")
    try:
        report = inspect_image(data, args.image.rsplit("/", 1)[-1])
        clean = strip_metadata(data, args.image) if args.strip else None
    except CheckerError as exc:
        return _err(str(exc))
    if clean is not None:
        try:
            with open(args.strip, "wb") as fh:
                fh.write(clean)
        except OSError as exc:
            return _err(f"cannot write {args.strip}: {exc.strerror}")
    if args.json:
        d = report.to_dict()
        if clean is not None:
            d["stripped"] = args.strip
        _write_json(d, sys.stdout)
    else:
        out = _Readable(sys.stdout)
        out.write(f"Image: {args.image} ({report.format}, {report.width}x{report.height})\n")
        out.write(f"Risk: {RISK_WORDS[report.risk]}\n")
        if report.gps:
            out.write(f"GPS position: {report.gps[0]:.6f}, {report.gps[1]:.6f}\n")
        for i, f in enumerate(report.findings, 1):
            out.write(f"\n{i}. [{f.severity}] {f.category}: {f.text}\n   Instead: {f.suggestion}\n")
        if not report.findings:
            out.write("No identifying metadata found.\n")
        if clean is not None:
            out.write(f"\nWrote a copy without metadata to {args.strip}\n")
    return 1 if _reached(report.risk, args.fail_on) else 0


class ProgressBar:
    """A small text progress bar on standard error."""

    def __init__(self, stream: IO[str], width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.start = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        frac = done / total if total else 1.0
        filled = int(self.width * frac)
        rate = done / max(1e-6, time.monotonic() - self.start)
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done:,}/{total:,} posts "
            f"({frac:4.0%}, {rate:,.0f}/s)"
        )
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def run_audit(args: argparse.Namespace) -> int:
    from .archives import audit, open_archive, write_csv
    from .errors import CheckerError

    if args.csv == "-" and args.json:
        return _err("--csv - and --json would both write to standard output: give --csv a file name")
    if args.csv and args.csv != "-":
        # find out now, not after checking 100,000 posts, that the CSV cannot be written
        target = Path(args.csv)
        if target.is_dir():
            return _err(f"cannot write {args.csv}: it is a folder")
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir() or not os.access(folder, os.W_OK):
            return _err(f"cannot write {args.csv}: no such folder, or it is not writable")
    show = args.progress or sys.stderr.isatty()
    try:
        archive = open_archive(args.file)
        report = audit(archive, progress=ProgressBar(sys.stderr) if show else None)
    except CheckerError as exc:
        return _err(str(exc))
    except MemoryError:
        return _err(f"{args.file} is too large to audit in memory")
    if args.csv:
        try:
            if args.csv == "-":
                write_csv(report, sys.stdout)
            else:
                with open(args.csv, "w", newline="", encoding="utf-8") as fh:
                    write_csv(report, fh)
        except OSError as exc:
            return _err(f"cannot write {args.csv}: {exc.strerror}")
    if args.json:
        _write_json(report.to_dict(), sys.stdout)
    elif args.csv != "-":
        out = _Readable(sys.stdout)
        out.write(f"{report.format}: {report.total:,} posts checked.\n")
        out.write(
            f"  stop: {report.by_risk['stop']:,}   review: {report.by_risk['review']:,}   "
            f"ok: {report.by_risk['ok']:,}\n"
        )
        if report.by_category:
            out.write(
                "  findings by category: "
                + ", ".join(f"{k} {v:,}" for k, v in report.by_category.items())
                + "\n"
            )
        for ap in report.posts[: args.limit]:
            out.write(
                f"\n[{ap.result.risk.upper()}] {ap.post.date or 'no date'} ({ap.post.source} {ap.post.id})\n"
            )
            out.write(f"  {ap.post.text}\n")
            for f in ap.result.findings:
                if f.severity != "info":
                    out.write(f'  - {f.category} "{f.text}": {f.suggestion}\n')
        if len(report.posts) > args.limit:
            out.write(
                f"\n... and {len(report.posts) - args.limit:,} more flagged posts (use --csv or --json)\n"
            )
        if args.csv:
            out.write(f"\nFindings written to {args.csv}\n")
    return 0


def stdout_closed() -> int:
    """The reader of our output went away (``... | head``): stop quietly, as Unix tools do, with the status a
    shell gives a program ended by SIGPIPE, instead of a BrokenPipeError traceback."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's final flush of stdout must not fail again
    return 141


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ep_checker", description="e-Professional before-you-post checker"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    add_check_arguments(sub.add_parser("check", help="check a draft post or a photo"))
    add_audit_arguments(sub.add_parser("audit-archive", help="check every post in your own export"))
    args = parser.parse_args(argv)
    try:
        return run_check(args) if args.command == "check" else run_audit(args)
    except BrokenPipeError:
        return stdout_closed()
