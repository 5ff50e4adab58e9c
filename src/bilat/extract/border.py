"""The land border: its length in km and the places where it may be crossed."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Border
from ..nlp.gazetteer import gazetteer
from .document import Document, Sentence, facts_lexicon
from .missions import parse_city_list

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
    for m in re.finditer(r"\b(?:at|via|through|in|are|is|:)\s+(?=[A-Z])", s.text):
        if not crossing_re.search(s.text[max(0, m.start() - 80):m.start() + 1]):
            continue
        rest = s.text[m.end():]
        for a, b in parse_city_list(rest.replace("/", "–")):
            name = rest[a:b]
            if gazetteer().resolve(name) is None:
                out.append(name)
        break
    return out


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
