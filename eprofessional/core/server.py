"""Serve the platform with gunicorn (several worker processes, static files through WhiteNoise)."""

from __future__ import annotations

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


def serve(*, host: str = "127.0.0.1", port: int = 8000, workers: int = 3) -> int:
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
