"""Pages out of a MediaWiki XML dump (.xml, .xml.bz2, .xml.gz), streamed.

Each <page> is cleared once read, and the root let go of it, so memory stays
flat over a dump of any size. Redirects and pages outside the article
namespace (ns 0) are skipped; by default only "X relations" titles are kept.
"""
from __future__ import annotations

import bz2
import gzip
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import IO, Iterator, cast

from ..errors import SourceError

RELATIONS_TITLE = r".+ relations$"
_REDIRECT_RE = re.compile(r"\A\s*#\s*REDIRECT\b", re.I)


def iter_dump(path: str | Path, titles_matching: str | None = RELATIONS_TITLE) -> Iterator[tuple[str, str]]:
    """(title, wikitext) of each article page whose title matches (None: all)."""
    where = str(path)
    wanted = re.compile(titles_matching) if titles_matching else None
    try:
        stream = _open(Path(path))
    except OSError as e:
        raise SourceError(where, f"cannot read: {e.strerror or e}") from None
    with stream:
        try:
            yield from _pages(stream, wanted)
        except ET.ParseError as e:
            line, col = e.position
            raise SourceError(where, f"line {line}, column {col}: not a MediaWiki XML dump "
                                     f"({str(e).split(':')[0]})") from None
        except (OSError, EOFError) as e:     # a damaged .bz2/.gz
            raise SourceError(where, f"cannot decompress: {e}") from None


def _open(path: Path) -> IO[bytes]:
    name = path.name.lower()
    if name.endswith(".bz2"):
        return bz2.open(path, "rb")
    if name.endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))   # a GzipFile reads bytes like any binary file
    return open(path, "rb")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _pages(stream: IO[bytes], wanted: re.Pattern | None) -> Iterator[tuple[str, str]]:
    root = None
    for event, elem in ET.iterparse(stream, events=("start", "end")):
        if event == "start":
            if root is None:
                root = elem
            continue
        if _local(elem.tag) != "page":
            continue
        title = ns = text = None
        redirect = False
        for child in elem:
            tag = _local(child.tag)
            if tag == "title":
                title = (child.text or "").strip()
            elif tag == "ns":
                ns = (child.text or "").strip()
            elif tag == "redirect":
                redirect = True
            elif tag == "revision":
                for part in child:
                    if _local(part.tag) == "text":
                        text = part.text or ""
        elem.clear()
        if root is not None:
            root.clear()                       # drop the cleared <page> from the tree too
        if redirect or not title or text is None or _REDIRECT_RE.match(text):
            continue
        if (ns or "0") != "0":
            continue
        if wanted is not None and not wanted.search(title):
            continue
        yield title, text
