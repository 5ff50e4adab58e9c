"""Country arguments as users type them: "Norway", "NOR", "NO", "Norwegian"."""
from __future__ import annotations

import difflib

from ..errors import BilatError


class CountryError(BilatError):
    """A country argument that names no known country."""


def country_code(name: str) -> str:
    """The ISO3 (or stable upper-case) code of a name, ISO code or demonym;
    a CountryError with suggestions otherwise."""
    from ..nlp.gazetteer import gazetteer
    g = gazetteer()
    text = (name or "").strip()
    code = g.resolve(text) if text else None
    if code:
        return code
    if text.upper() in ("EUR", "EU", "NATO", "UN"):
        return {"EU": "EUR"}.get(text.upper(), text.upper())
    names = {}
    for c in g.countries():
        for n in (c.name, *c.names, *c.demonyms):
            names[n.lower()] = n
    close = difflib.get_close_matches(text.lower(), list(names), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(names[x] for x in close)}?" if close else ""
    raise CountryError(f"unknown country {name!r}: give a name, ISO code or demonym "
                       f"(e.g. Norway, NOR, NO, Norwegian){hint}")


def country_name(code: str | None) -> str:
    if not code:
        return ""
    from ..nlp.gazetteer import gazetteer
    c = gazetteer().country(code)
    return c.name if c else code
