"""When the two states established diplomatic relations."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Established
from ..nlp.timex import attributive_year
from .document import Document, facts_lexicon


@lru_cache(maxsize=1)
def _patterns():
    lex = facts_lexicon()
    return ([re.compile(p, re.I) for p in lex["establishment"]],
            re.compile("|".join(lex["establishment_not"]), re.I),
            [re.compile(p, re.I) for p in lex.get("establishment_weak", [])])


@lru_cache(maxsize=None)
def _cue(key: str) -> re.Pattern:
    """One of facts.yaml's establishment cues (establishment_vague, _never, _soon_after), compiled."""
    return re.compile(facts_lexicon()[key], re.I)


_UNTIL = re.compile(r"[^.;]*?\buntil\b", re.I)


def extract_established(doc: Document) -> Established | None:
    """The first dated establishment the article tells, the lead first."""
    strong, negative, weak = _patterns()
    ordered = sorted(doc.narrative, key=lambda s: (not s.in_lead, s.start))
    return _first_dated(doc, ordered, strong, negative) or _first_dated(doc, ordered, weak, negative)


def _first_dated(doc: Document, ordered, triggers, negative) -> Established | None:
    never, soon_after = _cue("establishment_never"), _cue("establishment_soon_after")
    for s in ordered:
        # every trigger in the sentence, earliest first: "first established in X,
        # restored in Y" and "exchanged envoys in X; present relations date from Y"
        hits = sorted((m for rx in triggers for m in rx.finditer(s.text)), key=lambda m: m.start())
        for m in hits:
            # "restored relations" is not the establishment; "has never recognised" is none at all
            # (but "did not establish relations until 2008" is one, in 2008)
            if negative.search(s.text[max(0, m.end() - 25):m.end()]) or \
                    (never.search(s.text, 0, m.start()) and not _UNTIL.match(s.text, m.end())):
                continue
            at = s.start + m.end()
            # "the 2005 Comprehensive Peace Agreement" names a thing, it dates nothing
            dates = [t for t in doc.dates_in(s) if t.type == "DATE" and not t.value.startswith(("..", "{"))
                     and not attributive_year(doc.text, t, names=True)]
            if not dates:
                continue
            # the date told with the trigger: the nearest after it in its clause, else before it
            semi = doc.text.find(";", at, s.end)
            after = [t for t in dates if t.start >= at and (semi < 0 or t.start < semi)]
            before = [t for t in dates if t.start < at]
            t = after[0] if after else (before or dates)[-1]
            value = t.value.split("/")[0] or None
            if value and not after and _cue("establishment_vague").match(doc.text, at, s.end):
                value = value[:4]         # "... on 11 August 1960, and relations soon afterwards": 1960
            elif value and after and soon_after.search(doc.text, at, t.start):
                value = value[:4]         # "established relations soon after independence in July 1962": 1962
            return Established(date=value, evidence=(doc.evidence(s),))
    return None
