"""The eprofessional command: serve on a fresh database, demo, load-content, help."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from eprofessional.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_prepares_a_fresh_database_and_serves(tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"EP_TESTING", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY", "SECRET_KEY_FILE", "EP_HTTPS", "EP_DEBUG"}}
    env.update({"EP_VAR_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}"})
    proc = subprocess.Popen(
        [sys.executable, "-m", "eprofessional.cli", "serve", "--port", str(port), "--workers", "1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 90
        status = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/policy/", timeout=5) as response:
                    status = response.status
                    body = response.read().decode()
                break
            except urllib.error.HTTPError as exc:
                status, body = exc.code, ""
                break
            except OSError:
                time.sleep(0.5)
        assert status == 200, proc.stdout.read() if proc.poll() is not None and proc.stdout else "no answer"
        assert "Social Media Policy" in body
        assert (tmp_path / "secret_key").exists(), "a local secret key is generated, never a default one"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.django_db
def test_demo_creates_one_account_per_role(capsys: pytest.CaptureFixture[str]) -> None:
    from eprofessional.accounts.models import Role, User

    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    roles = set(User.objects.filter(username__startswith="demo-").values_list("role", flat=True))
    assert roles == {r.value for r in Role}
    assert User.objects.filter(username__startswith="demo-", is_policy_officer=True).count() >= 2
    assert User.objects.filter(username__startswith="demo-", is_moderator=True).exists()
    assert User.objects.filter(username__startswith="demo-").exclude(supervisor_kind="").exists()
    assert "demo-officer" in out
    # Running it again works and changes the passwords.
    assert main(["demo"]) == 0


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "serve" in capsys.readouterr().out
