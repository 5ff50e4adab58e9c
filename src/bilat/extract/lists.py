"""Lists one state keeps of others ("Unfriendly Countries List") and since when."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import ListMembership
from .document import Document, Sentence, facts_lexicon


@lru_cache(maxsize=1)
def _patterns():
    lex = facts_lexicon()
    return ([(re.compile(x["pattern"], re.I), x["name"]) for x in lex["lists"]],
            re.compile(rf"\b{lex['list_object_verbs']}\b"))


def _since(doc: Document, s: Sentence, after: int) -> str | None:
    """The date the sentence gives to the listing: the last one before the list
    name, else the first after it; an open interval gives its start."""
    dates = [t for t in doc.dates_in(s) if t.type == "DATE"]
    if not dates:
        return None
    before = [t for t in dates if t.end <= after]
    t = before[-1] if before else dates[0]
    value = t.value
    if value.endswith("/.."):
        value = value[:-3]
    return value if re.fullmatch(r"-?\d{4}(?:-\d{2}){0,2}~?", value) else None


def _membership(doc: Document, s: Sentence, pos: int) -> tuple[str, str] | None:
    """(lister, listed) for a list named at `pos` in sentence s."""
    _, verb_re = _patterns()
    text = doc.text
    parties = [m for m in doc.mentions(s)
               if m.code in doc.pair and m.kind in ("country", "polity", "capital")]
    if not parties:
        return None
    # "<X>'s ... list": X keeps the list
    for m in reversed([p for p in parties if p.start < pos]):
        if text[m.end:m.end + 2] in ("'s", "’s"):
            other = [c for c in doc.pair if c != m.code][0]
            return m.code, other
    # "added / counted <X> to / among its list": X is listed
    for vm in verb_re.finditer(text, s.start, pos):
        objs = [m for m in parties if vm.end() <= m.start < pos]
        if objs:
            listed = objs[0].code
            return [c for c in doc.pair if c != listed][0], listed
    # "<X> is on <Y>'s list" handled above; "<X> is on the list": the subject is listed
    if re.search(r"\b(?:is|are|was|were|remains)\s+(?:now\s+)?(?:on|among|in)\b", text[s.start:pos]):
        listed = parties[0].code
        return [c for c in doc.pair if c != listed][0], listed
    return None


def extract_lists(doc: Document) -> tuple[ListMembership, ...]:
    names, _ = _patterns()
    found: dict[tuple[str, str, str], ListMembership] = {}
    for s in doc.narrative:
        for rx, name in names:
            m = rx.search(s.text)
            if not m:
                continue
            who = _membership(doc, s, s.start + m.start())
            if not who:
                continue
            lister, listed = who
            since = _since(doc, s, s.start + m.start())
            key = (name, lister, listed)
            cur = found.get(key)
            ev = doc.evidence(s)
            if cur is None:
                found[key] = ListMembership(name, lister, listed, since, (ev,))
            else:
                best = _earliest(cur.since, since)
                found[key] = ListMembership(name, lister, listed, best, cur.evidence + (ev,))
    return tuple(found.values())


def _earliest(a: str | None, b: str | None) -> str | None:
    if not a or not b:
        return a or b
    return min(a, b, key=lambda v: v.replace("~", ""))
