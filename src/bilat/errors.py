"""The exceptions bilat raises: one root, a few kinds a caller can tell apart."""
from __future__ import annotations


class BilatError(Exception):
    """Root of every error bilat reports to a user."""


class SourceError(BilatError):
    """An input that cannot be read as an article.

    `where` names the file (and line or offset where known) so the message
    points at the problem without a traceback."""

    def __init__(self, where: str, message: str):
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}")


class DataFileError(BilatError):
    """A bundled data file (lexicon, gazetteer, table) that does not load."""

    def __init__(self, path: str, line: int | None, message: str):
        self.path, self.line, self.message = path, line, message
        loc = f"{path}:{line}" if line else path
        super().__init__(f"{loc}: {message}")


class StoreError(BilatError):
    """A database that cannot be opened, migrated or written."""


class BugError(BilatError):
    """An internal impossibility: this is a bug in bilat, please report it."""
