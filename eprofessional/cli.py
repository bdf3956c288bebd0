"""The ``eprofessional`` command.

``check`` and ``audit-archive`` run the pure checker without importing Django, so they start fast.
Everything else sets Django up first. See docs/cli.md and ../shared/contract/interfaces.md.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from pathlib import Path
from typing import Any

BASE_DIR = Path(__file__).resolve().parent.parent


def _var_dir() -> Path:
    path = Path(os.environ.get("EP_VAR_DIR", BASE_DIR / "var"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _local_secret_key() -> None:
    """For local serving: keep a generated secret key in var/secret_key unless one is configured."""
    if os.environ.get("SECRET_KEY") or os.environ.get("SECRET_KEY_FILE") or os.environ.get("EP_DEBUG"):
        return
    key_file = _var_dir() / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    os.environ["SECRET_KEY_FILE"] = str(key_file)


def setup_django(*, local: bool = True) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eprofessional.settings")
    if local:
        _local_secret_key()
        # Served on loopback over plain HTTP: secure-only cookies would make signing in impossible.
        os.environ.setdefault("EP_HTTPS", "false")
    import django

    django.setup()


def prepare_database(*, verbose: bool = True) -> None:
    from eprofessional.core.setup import prepare_database as _prepare

    for line in _prepare():
        if verbose:
            print(line)


def cmd_serve(args: argparse.Namespace) -> int:
    setup_django()
    prepare_database()
    from eprofessional.core.server import serve

    return serve(host=args.host, port=args.port, workers=args.workers)


def cmd_load_content(args: argparse.Namespace) -> int:
    setup_django()
    from eprofessional.core.contentfiles import ContentError

    try:
        prepare_database(verbose=True)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    setup_django()
    prepare_database(verbose=False)
    from eprofessional.core.search_cli import run_ask

    return run_ask(args)


def cmd_demo(args: argparse.Namespace) -> int:
    setup_django()
    prepare_database(verbose=False)
    from eprofessional.core.demo import run_demo

    return run_demo(args)


def cmd_manage(args: argparse.Namespace) -> int:
    setup_django(local=True)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["eprofessional manage", *args.rest])
    return 0


def _add_checker_commands(sub: Any) -> None:
    try:
        from ep_checker import cli as checker_cli
    except ImportError:  # pragma: no cover - the checker core ships with the project
        return
    p = sub.add_parser("check", help="Check a draft post before you publish it.")
    checker_cli.add_check_arguments(p)
    p.set_defaults(func=checker_cli.run_check)
    if hasattr(checker_cli, "add_audit_arguments"):
        p = sub.add_parser("audit-archive", help="Check every post in an export of your own account.")
        checker_cli.add_audit_arguments(p)
        p.set_defaults(func=checker_cli.run_audit)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eprofessional",
        description="e-Professional: the Social Media Policy for UK social workers, as working software.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("serve", help="Prepare the database if needed and serve the platform.")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--workers", type=int, default=3)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("load-content", help="Migrate the database and load the content files.")
    p.set_defaults(func=cmd_load_content)

    p = sub.add_parser("ask", help="Search the guidance (cases and policy clauses).")
    p.add_argument("query", nargs="?", help="Your question, in your own words.")
    p.add_argument("--json", action="store_true", help="Print one JSON object.")
    p.add_argument("--jsonl", metavar="FILE", help="Read one JSON object per line with 'query' (- for stdin).")
    p.add_argument("--limit", type=int, default=10)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("demo", help="Add demo accounts and activity.")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("manage", help="Run a Django management command.")
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_manage)

    _add_checker_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        from ep_checker.cli import stdout_closed

        return stdout_closed()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
