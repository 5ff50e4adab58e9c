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
    kinds = facts_lexicon()["site_kinds"]
    out = []
    for k in kinds:
        # "the GLOBUS radar installation", "a Bal coastal missile system"
        out.append((re.compile(rf"\b(?:the|a|an)\s+{_SNAME}\s+(?P<kind>{k['pattern']})\b"), k["kind"]))
        # "the fortress of Vardøhus"
        out.append((re.compile(rf"\bthe\s+(?P<kind>{k['pattern']})\s+of\s+{_SNAME}"), k["kind"]))
    return out


def extract_sites(doc: Document) -> tuple[Site, ...]:
    found: dict[str, Site] = {}
    for s in doc.narrative:
        for rx, kind in _patterns():
            for m in rx.finditer(s.text):
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
