"""Serve the platform with gunicorn (several worker processes, static files through WhiteNoise).

Background jobs (the archive audit) run in a separate process: ``serve`` starts Django's task worker
(``eprofessional manage db_worker``, from django-tasks-db) next to gunicorn and stops it on exit, so
uploads never wait in a request. Set ``EP_TASK_WORKER=false`` to run the worker yourself instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from gunicorn.app.base import BaseApplication


class _App(BaseApplication):
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from eprofessional.wsgi import application

        return application


def start_task_worker() -> subprocess.Popen[bytes] | None:
    """Start the database task worker for background jobs, unless EP_TASK_WORKER=false."""
    from django.conf import settings

    if os.environ.get("EP_TASK_WORKER", "true").strip().lower() in {"false", "0", "no", "off"}:
        return None
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    if not backend.startswith("django_tasks_db"):
        return None
    command = [sys.executable, "-m", "eprofessional.cli", "manage", "db_worker",
               "--no-reload", "--no-startup-delay", "--verbosity", "0", "--interval", "1"]
    return subprocess.Popen(command, env=os.environ.copy())


def stop_task_worker(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def serve(*, host: str = "127.0.0.1", port: int = 8000, workers: int = 3) -> int:
    worker = start_task_worker()
    try:
        return _serve(host=host, port=port, workers=workers)
    finally:
        stop_task_worker(worker)


def _serve(*, host: str, port: int, workers: int) -> int:
    print(f"e-Professional is being served on http://{host}:{port}/  (Ctrl+C to stop)", flush=True)
    _App({
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": 2,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "timeout": 60,
    }).run()
    return 0
