"""Word lists and tables, loaded once from ep_checker/data."""

from __future__ import annotations

import functools
from pathlib import Path

DATA = Path(__file__).with_name("data")


def _words(name: str) -> list[str]:
    out: list[str] = []
    with open(DATA / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            out.extend(w.replace("_", " ") for w in line.split())
    return out


def _lines(name: str) -> list[str]:
    with open(DATA / name, encoding="utf-8") as fh:
        return [ln.strip() for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]


@functools.cache
def first_names() -> frozenset[str]:
    return frozenset(w.lower() for w in _words("first_names.txt"))


@functools.cache
def ambiguous_names() -> frozenset[str]:
    return frozenset(w.lower() for w in _words("ambiguous_names.txt"))


@functools.cache
def surnames() -> frozenset[str]:
    return frozenset(w.lower() for w in _words("surnames.txt"))


@functools.cache
def places() -> frozenset[str]:
    return frozenset(w.lower() for w in _words("places.txt"))


@functools.cache
def public_figures() -> tuple[str, ...]:
    # longest first so that "Eileen Munro" wins over "Munro"
    return tuple(sorted({p.lower() for p in _lines("public_figures.txt")}, key=len, reverse=True))


def _yaml(name: str) -> dict:
    import yaml  # PyYAML is a project dependency; imported lazily to keep start-up fast

    with open(DATA / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@functools.cache
def clauses() -> dict[str, list[str]]:
    return _yaml("clauses.yaml")


@functools.cache
def categories() -> dict[str, dict]:
    return _yaml("categories.yaml")
