"""The land border: its length in km and the places where it may be crossed."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Border
from ..nlp.gazetteer import gazetteer
from .document import Document, Sentence, facts_lexicon
from .missions import parse_city_list

_PLACE = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"


@lru_cache(maxsize=1)
def _patterns():
    lex = facts_lexicon()
    units = lex["length_units"]
    unit_alt = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    length_re = re.compile(rf"{_NUMBER}[\s\u00a0-]*(?P<unit>{unit_alt})\b\.?")
    return (re.compile(rf"\b{lex['border_words']}\b", re.I), length_re, units,
            re.compile(lex["length_not_after"], re.I), re.compile(rf"\b{lex['crossing_words']}\b", re.I))


def border_length(s: Sentence) -> float | None:
    """Length in km that a sentence gives the border, or None."""
    border_re, length_re, units, not_after, _ = _patterns()
    if not border_re.search(s.text):
        return None
    km = miles = None
    for m in length_re.finditer(s.text):
        if not_after.match(s.text[m.end():]):
            continue
        value = float(m.group("num").replace(",", ""))
        factor = units[m.group("unit").lower()]
        if factor == 1.0:
            km = km if km is not None else value
        else:
            miles = miles if miles is not None else value * factor
    if km is not None:
        return km
    return round(miles, 1) if miles is not None else None


def crossings(doc: Document, s: Sentence) -> list[str]:
    """Crossing points a sentence names ("crossings are at A, B and C", "only via A/B")."""
    _, _, _, _, crossing_re = _patterns()
    if not crossing_re.search(s.text):
        return []
    out: list[str] = []
    text = s.text
    starts = []
    # "crossings are at A, B and C", "only via A/B"
    for m in re.finditer(r"\b(?:at|via|through|in|are|is|:)\s+(?=[A-Z])", text):
        if crossing_re.search(text[max(0, m.start() - 80):m.start() + 1]):
            starts.append(m.end())
            break
    # "closed four crossings in the south-east, A, B, C and D"
    for m in crossing_re.finditer(text):
        listed = re.match(r"[^.;A-Z]{0,40}?,\s+(?=[A-Z])", text[m.end():])
        if listed:
            starts.append(m.end() + listed.end())
    for at in starts:
        for a, b in parse_city_list(text[at:], joined=True):
            _keep(text[at + a:at + b], out)
    # "A, the last crossing still open"
    for m in re.finditer(rf"({_PLACE}),\s+the\s+(?:\w+\s+){{0,2}}{crossing_re.pattern}", text):
        _keep(m.group(1), out)
    return out


def _keep(name: str, out: list[str]) -> None:
    if name not in out and gazetteer().resolve(name) is None:
        out.append(name)


def extract_border(doc: Document) -> Border | None:
    length = None
    evidence = []
    names: list[str] = []
    # the lead states the length; later sections may give distances to the border
    ordered = sorted(doc.narrative, key=lambda s: (not s.in_lead, s.start))
    for s in ordered:
        km = border_length(s)
        if km is not None and length is None:
            length = km
            evidence.append(doc.evidence(s))
        for c in crossings(doc, s):
            if c not in names:
                names.append(c)
                ev = doc.evidence(s)
                if ev not in evidence:
                    evidence.append(ev)
    if length is None and not names:
        return None
    return Border(length_km=length, crossings=tuple(names), evidence=tuple(evidence))
