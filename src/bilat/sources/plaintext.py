"""Reader for the plain-text rendering of Wikipedia articles.

    = Title =
    Infobox
    - Key: Value
    <lead paragraphs>
    ==Section==      (inner spaces optional; === for subsections)
    - bullet

The article text is the file's text unchanged, so every offset we report
is an offset into the file as the user has it.
"""
from __future__ import annotations

import re

from ..errors import SourceError
from ..model import Article, Section

TITLE_RE = re.compile(r"\A\s*=(?!=)\s*(?P<title>[^=\n]+?)\s*=\s*$", re.M)
HEADING_RE = re.compile(r"^(?P<eq>={2,6})\s*(?P<title>[^=\n]*?)\s*(?P=eq)\s*$", re.M)
INFOBOX_LINE_RE = re.compile(r"^-\s*(?P<key>[A-Za-z][\w ]*?)\s*:\s*(?P<value>.*?)\s*$")


def looks_like_plaintext(text: str) -> bool:
    return bool(TITLE_RE.match(text)) or bool(HEADING_RE.search(text))


def read_plaintext(text: str, where: str = "<text>") -> Article:
    if not text.strip():
        raise SourceError(where, "empty input; expected an article ('= Title =' then text)")
    m = TITLE_RE.match(text)
    if not m:
        raise SourceError(where, "line 1: expected a title line '= Title ='")
    title = m.group("title").strip()
    pos = m.end()
    infobox, pos = _read_infobox(text, pos)
    sections = _sections(text, pos)
    return Article(title=title, text=text, sections=tuple(sections), infobox=infobox,
                   format="plaintext", path=where)


def _read_infobox(text: str, pos: int) -> tuple[dict[str, str], int]:
    """Parse an 'Infobox' block of '- Key: Value' lines that follows the title."""
    rest = text[pos:]
    m = re.match(r"\s*\n?Infobox[^\n]*\n", rest)
    if not m:
        return {}, pos
    box: dict[str, str] = {}
    i = pos + m.end()
    while i < len(text):
        nl = text.find("\n", i)
        line_end = len(text) if nl < 0 else nl
        line = text[i:line_end]
        if not line.strip():
            break
        lm = INFOBOX_LINE_RE.match(line)
        if not lm:
            break
        box[lm.group("key")] = lm.group("value")
        i = line_end + 1
    return box, min(i, len(text))


def _sections(text: str, body_start: int) -> list[Section]:
    heads = [(h.start(), h.end(), len(h.group("eq")), h.group("title").strip())
             for h in HEADING_RE.finditer(text, body_start)]
    sections = [Section(path=(), start=body_start,
                        end=heads[0][0] if heads else len(text), level=0)]
    stack: list[tuple[int, str]] = []     # (level, title) of open headings
    for k, (hs, he, level, title) in enumerate(heads):
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, title))
        # a section runs to the next heading of the same or a higher rank
        end = len(text)
        for hs2, _, level2, _ in heads[k + 1:]:
            if level2 <= level:
                end = hs2
                break
        body = he + 1 if he < len(text) and text[he:he + 1] == "\n" else he
        sections.append(Section(path=tuple(t for _, t in stack), start=min(body, end), end=end, level=level))
    return sections
