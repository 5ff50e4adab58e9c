"""Wikitext constructs still open where the page ends: the sign of a truncated page.

A page cut off inside `{{Infobox ...`, a `{|` table or a `<ref>` leaves the
parser nothing to close, and it falls back to reading the markup as text.
The reader closes what is open at the end (so what precedes reads
normally), or names the opener when nothing readable is left.
"""
from __future__ import annotations

import re

CLOSERS = {"T": "}}", "A": "}}}", "L": "]]", "B": "\n|}", "R": "</ref>"}

_SCAN_RE = re.compile(
    r"<!--.*?(?:-->|\Z)|<nowiki\s*>.*?</nowiki\s*>|<nowiki\s*/>"
    r"|<ref\b[^>]*?/>|(?P<ropen><ref\b[^>]*>)|(?P<rclose></ref\s*>)"
    r"|(?P<open>\{{2,})|(?P<close>\}{2,})|(?P<lopen>\[\[)|(?P<lclose>\]\])"
    r"|(?P<topen>^[ \t:]*\{\|)|(?P<tclose>^[ \t]*\|\}(?!\}))",
    re.S | re.M | re.I)


def unclosed_at_end(text: str) -> list[tuple[str, int, str]]:
    """Constructs still open at the end: (kind, offset, label), outermost first.

    T template, A argument, L link, B table, R ref."""
    stack: list[tuple[str, int]] = []
    for m in _SCAN_RE.finditer(text):
        g = m.lastgroup
        if g is None:
            continue
        if g == "open":
            k = len(m.group())
            at = m.start()
            while k >= 2:
                if k == 3 or k >= 5:
                    stack.append(("A", at))
                    k -= 3
                else:
                    stack.append(("T", at))
                    k -= 2
        elif g == "close":
            k = len(m.group())
            while k >= 2 and any(x[0] in "TA" for x in stack):
                top = stack[-1][0]
                if top == "A" and k >= 3:
                    k -= 3
                elif top in "TA":
                    k -= 2
                stack.pop()
        elif g in ("lopen", "topen", "ropen"):
            stack.append(({"lopen": "L", "topen": "B", "ropen": "R"}[g], m.start()))
        else:
            want = {"lclose": "L", "tclose": "B", "rclose": "R"}[g]
            if any(x[0] == want for x in stack):
                while stack.pop()[0] != want:
                    pass
    return [(k, at, _label(text, k, at)) for k, at in stack]


def _label(text: str, kind: str, at: int) -> str:
    if kind in "TA":
        name = re.match(r"\{+([^|{}\n<]*)", text[at:at + 200])
        return "{{" + (name.group(1).strip() if name else "")
    if kind == "L":
        link = re.match(r"\[\[([^|\]\n]*)", text[at:at + 200])
        return "[[" + (link.group(1).strip() if link else "")
    return {"B": "{| (table)", "R": "<ref>"}[kind]
