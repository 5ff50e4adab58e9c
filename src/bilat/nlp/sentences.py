"""Sentence spans over an article's text.

Lines are the first cut (bullets, headings and paragraphs never run into
each other); inside a line, a sentence ends at . ! ? followed by space and
a capital, unless the word before the stop is an abbreviation or an initial.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..data import load_lines

_END_RE = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lines("abbreviations.txt"))


def split(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text[start:end], whitespace trimmed."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        _split_line(text, pos, line_end, out)
        pos = line_end + 1
    return out


def _split_line(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    line = text[start:end]
    if line.startswith("- "):           # a bullet is its own unit; skip the marker
        start += 2
        line = line[2:]
    s = 0
    abbrevs = _abbreviations()
    for m in _END_RE.finditer(line):
        stop = m.start()
        before = line[s:stop]
        # the word the stop ends (none after a space)
        w = before.rsplit(None, 1)[-1].lower() if before and not before[-1].isspace() else ""
        w = w.lstrip("(\"'“‘")
        if w + "." in abbrevs or w in abbrevs:
            continue
        if len(w) == 1 and w.isalpha():   # an initial: "Anne K. Lund"
            continue
        _emit(text, start + s, start + m.end(), out)
        s = m.end()
    _emit(text, start + s, end, out)


def _emit(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b))
