"""Readers: turn an input (file, stdin or a string) into one Article.

The format is told from the content: MediaWiki markup ({{Infobox, '''bold''',
[[links]], <ref>) means wikitext; '= Title =' or '==Section==' lines mean
the plain-text rendering.
"""
from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import replace
from pathlib import Path

from ..errors import SourceError
from ..model import Article
from .plaintext import looks_like_plaintext, read_plaintext

_WIKI_RE = re.compile(r"\{\{|\[\[|'''|<ref[ >]|^\{\|", re.M)

__all__ = ["read", "read_text", "decode", "detect_format"]


def decode(data: bytes, where: str) -> str:
    """UTF-8 text of `data`, or a SourceError naming where it stopped making sense."""
    if not data.strip():
        raise SourceError(where, "empty input; expected an article")
    if b"\x00" in data[:8192]:
        nul = data.index(b"\x00")     # no backslash inside an f-string before 3.12
        raise SourceError(where, f"binary data at byte {nul}; expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise SourceError(where, f"line {line}, byte {e.start}: not UTF-8 text") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def detect_format(text: str) -> str:
    if looks_like_plaintext(text) and not _WIKI_RE.search(text[:20000]):
        return "plaintext"
    if _WIKI_RE.search(text):
        return "wikitext"
    return "plaintext"


def read_text(text: str, where: str = "<text>", fmt: str | None = None, title: str | None = None,
              fallback_title: str | None = None) -> Article:
    if not text.strip():
        raise SourceError(where, "empty input; expected an article")
    fmt = fmt or detect_format(text)
    if fmt == "wikitext":
        from .wikitext import read_wikitext
        art = read_wikitext(text, where=where, title=title, fallback_title=fallback_title)
    else:
        art = read_plaintext(text, where=where)
    return replace(art, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def read(source: str | Path, fmt: str | None = None) -> Article:
    """Read a file path, '-' for stdin."""
    if str(source) == "-":
        data = sys.stdin.buffer.read()
        where = "<stdin>"
    else:
        where = str(source)
        try:
            data = Path(source).read_bytes()
        except IsADirectoryError:
            raise SourceError(where, "is a directory; expected an article file") from None
        except OSError as e:
            raise SourceError(where, f"cannot read: {e.strerror or e}") from None
    text = decode(data, where)
    # the file name is only a guess: the page's own infobox or bold name comes first
    return read_text(text, where=where, fmt=fmt, fallback_title=_title_from_name(where))


def _title_from_name(where: str) -> str | None:
    """A wikitext page has no title line: guess one from 'norway-russia.wiki'."""
    stem = Path(where).stem if where not in ("<stdin>", "<text>") else ""
    if not stem:
        return None
    parts = re.split(r"[-_ ]+", stem)
    return None if len(parts) < 2 else stem.replace("_", " ")
