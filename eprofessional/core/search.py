"""The platform's one search: builds ``ep_search`` documents from the database and keeps one engine per process.

Each app that has something worth finding registers a document provider here (clauses of the current
policy, casebook cases, later leaflets and training). The engine is rebuilt when content changes: loaders
and the publishing workflow call ``invalidate()``, which bumps a generation number in the cache shared by
all worker processes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from django.core.cache import cache

if TYPE_CHECKING:
    from ep_search import Document, Hit, SearchEngine

Provider = Callable[[], Iterable["Document"]]
_providers: list[Provider] = []
_lock = threading.Lock()
_engine: SearchEngine | None = None
_engine_generation: int | None = None
_GENERATION_KEY = "search:generation"


def register(provider: Provider) -> Provider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def invalidate() -> None:
    try:
        cache.incr(_GENERATION_KEY)
    except ValueError:
        cache.set(_GENERATION_KEY, 1, None)
    global _engine
    with _lock:
        _engine = None


def documents() -> list[Document]:
    return [doc for provider in _providers for doc in provider()]


def engine() -> SearchEngine:
    from ep_search import SearchEngine

    global _engine, _engine_generation
    generation = cache.get(_GENERATION_KEY, 0)
    with _lock:
        if _engine is None or generation != _engine_generation:
            _engine = SearchEngine(documents())
            _engine_generation = generation
        return _engine


def search(query: str, limit: int = 10, kinds: set[str] | None = None) -> list[Hit]:
    query = (query or "").strip()
    if not query:
        return []
    limit = max(1, min(int(limit), 50))
    return engine().search(query[:2000], limit=limit, kinds=kinds)
