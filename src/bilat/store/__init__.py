"""The embedded knowledge base: an SQLite file in WAL mode.

    >>> import bilat
    >>> kb = bilat.open("bilat.db")          # a View: read-only queries
    >>> kb.timeline("Norway", "Russia")

`Writer` puts records, one article per transaction; `ingest` runs the
extraction of many files in parallel and writes as they come.
"""
from __future__ import annotations

import os

from .connect import default_path
from .view import View
from .writer import Writer

__all__ = ["open_store", "View", "Writer", "default_path"]


def open_store(path: str | os.PathLike = "bilat.db") -> View:
    """A read-only View of the store at `path` (upgraded in place, after a
    backup copy, if an earlier bilat wrote it)."""
    return View(path)
