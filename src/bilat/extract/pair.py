"""The two states an article is about, read from its title."""
from __future__ import annotations

import re

from ..errors import SourceError
from ..nlp.gazetteer import gazetteer
from .document import facts_lexicon

_DASHES = "–—−‐-"


def pair_from_title(title: str, where: str = "<text>") -> tuple[str, str]:
    """("NOR", "RUS") for "Norway–Russia relations", "Relations between X and Y",
    "X and Y relations", "X-Y relations"; a SourceError naming the title otherwise."""
    core = _strip_affixes(title)
    gaz = gazetteer()
    for a, b in _splits(core):
        ca, cb = gaz.resolve(a), gaz.resolve(b)
        if ca and cb and ca != cb and gaz.country(ca) and gaz.country(cb):
            return ca, cb
    raise SourceError(where, f"title {title!r} names no known pair of countries; "
                             "expected 'A–B relations' or 'Relations between A and B'")


def _strip_affixes(title: str) -> str:
    lex = facts_lexicon()
    t = re.sub(r"\s*\([^)]*\)\s*$", "", title.strip())   # "X–Y relations (disambiguation)"
    low = t.lower()
    for suf in lex["title_suffixes"]:
        if low.endswith(suf):
            t, low = t[: -len(suf)], low[: -len(suf)]
            break
    for pre in lex["title_prefixes"]:
        if low.startswith(pre):
            t = t[len(pre):]
            break
    return t.strip()


def _splits(core: str):
    """Candidate (A, B) splits, most specific first: en/em dash, ' and ', then
    every hyphen (names like Guinea-Bissau hold one)."""
    for sep in ("–", "—", "−"):
        if sep in core:
            parts = core.split(sep)
            for i in range(1, len(parts)):
                yield sep.join(parts[:i]).strip(), sep.join(parts[i:]).strip()
    for m in re.finditer(r"\s+(?:and|&)\s+", core):
        yield core[: m.start()].strip(), core[m.end():].strip()
    for m in re.finditer(r"\s*[-‐]\s*", core):
        yield core[: m.start()].strip(), core[m.end():].strip()
