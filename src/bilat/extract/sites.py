"""Installations named in the text: radars, fortresses, missile systems, plants."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Site
from .document import Document, facts_lexicon
from .places import locate

_SNAME = r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
_WHERE = re.compile(r"^[^.;]{0,60}?\b(?:in|at|near|outside|on)\s+(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


@lru_cache(maxsize=1)
def _patterns():
    """Two regexes over all site kinds, and the kind each kind phrase stands for."""
    kinds = [(re.compile(k["pattern"], re.I), k["kind"]) for k in facts_lexicon()["site_kinds"]]
    alt = "|".join(f"(?:{k['pattern']})" for k in facts_lexicon()["site_kinds"])
    return [
        # "the GLOBUS radar installation", "a Bal coastal missile system"
        re.compile(rf"\b(?:the|a|an)\s+{_SNAME}\s+(?P<kind>{alt})\b"),
        # "the fortress of Vardøhus"
        re.compile(rf"\bthe\s+(?P<kind>{alt})\s+of\s+{_SNAME}"),
    ], kinds


def _kind(phrase: str) -> str:
    for rx, kind in _patterns()[1]:
        if rx.fullmatch(phrase):
            return kind
    return phrase.lower()


def extract_sites(doc: Document) -> tuple[Site, ...]:
    found: dict[str, Site] = {}
    for s in doc.narrative:
        for rx in _patterns()[0]:
            for m in rx.finditer(s.text):
                kind = _kind(m.group("kind"))
                name = m.group("name")
                if name in found or len(name) < 3:
                    continue
                place_name = country = lat = lon = None
                w = _WHERE.match(s.text[m.end():])
                if w:
                    for cand in (doc.pair[0], doc.pair[1]):
                        place, ok = locate(w.group("place"), cand)
                        if place and ok:
                            place_name, country, lat, lon = place.name, cand, place.lat, place.lon
                            break
                found[name] = Site(name, kind, place_name, country, lat, lon, (doc.evidence(s),))
    return tuple(found.values())
