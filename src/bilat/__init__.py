"""bilat: evidence-backed, time-aware records of the relations of two countries.

    >>> import bilat
    >>> rec = bilat.extract("examples/norway-russia.txt")
    >>> rec.pair
    ('NOR', 'RUS')
"""
from __future__ import annotations

from pathlib import Path

# The extract/ layer is imported before the function of the same name is
# defined, so that `bilat.extract` stays the function even after a submodule
# such as bilat.extract.record is imported (which binds the package here).
from . import extract as _extract_layer  # noqa: F401
from .errors import BilatError, DataFileError, SourceError, StoreError
from .model import Article, Event, Evidence, Mission, Record

__version__ = "0.2.0"
__all__ = ["extract", "read", "open", "Record", "Article", "Event", "Evidence", "Mission",
           "BilatError", "SourceError", "DataFileError", "StoreError", "__version__"]


def read(path_or_text: str | Path) -> Article:
    """An Article from a file path, '-' for stdin, or the text of an article itself."""
    from .sources import read as read_file, read_text
    if isinstance(path_or_text, Path) or path_or_text == "-" or (
            "\n" not in path_or_text and len(path_or_text) < 4096 and Path(path_or_text).exists()):
        return read_file(path_or_text)
    if "\n" not in path_or_text and len(path_or_text) < 4096:
        raise SourceError(str(path_or_text), "no such file; pass a path, '-' or an article's text")
    return read_text(path_or_text)


def extract(path_or_text: str | Path, dct: str | None = None) -> Record:
    """The relations record of one article (a path, '-', or the article's text)."""
    from .extract.record import extract_record
    return extract_record(read(path_or_text), dct=dct)


def open(db: str | Path = "bilat.db"):
    """The knowledge base in the store `db`: pairs(), timeline(a, b, ...),
    events(...), missions(...), asof(a, b, date), records(); see bilat.store."""
    from .store import open_store
    return open_store(db)
