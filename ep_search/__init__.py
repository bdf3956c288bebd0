"""Guidance search core ("ask"): ranks policy clauses and dilemma cases for a worker's question.

Pure Python; no Django import. The web side builds ``Document``s from the database (see
``ep_search.content_source`` for the field conventions) and calls ``SearchEngine.search``.
"""

from .documents import Document, Hit
from .engine import DEFAULT_FIELD_WEIGHTS, SearchEngine, Settings

__all__ = ["DEFAULT_FIELD_WEIGHTS", "Document", "Hit", "SearchEngine", "Settings"]
