"""Sentence-level event coding with no article around it (`bilat code`).

    code_line(text) -> list[Event]

Each line is coded on its own: its source and target come from whatever
states it names (countries, demonyms, capitals, institutions, leaders named
in full). A line that names one state only codes a domestic event (source =
target), as event datasets do. The coder keeps the line's main event (and a
second one of another type when the line plainly tells two acts), never
plans, denials or fiction.
"""
from __future__ import annotations

from functools import lru_cache

from ..model import Event, Evidence
from .candidates import Candidate, sentence_candidates
from .events import event_id
from .summary import summary

MAX_CHARS = 20000          # longer lines are skipped: no sentence is that long

# which of several triggers in a line is its main event: acts before words, words before context
_PRIORITY = {"ASSAULT": 0, "COERCE": 1, "SANCTION": 1, "MOBILIZE": 2, "THREATEN": 0, "PROTEST": 2,
             "REQUEST": 1, "REJECT": 1, "ACCUSE": 2, "AGREE": 1, "SUPPORT": 2, "CONCEDE": 1, "RETREAT": 1,
             "AID": 1, "COOPERATE": 2, "CONSULT": 2}


def _gazetteer():
    from ..nlp.gazetteer import gazetteer
    return gazetteer()


def _timexes(text: str):
    try:
        from ..nlp.timex import calendar_dates, tag_text
        return calendar_dates(tag_text(text))
    except Exception:          # a line the tagger cannot read is coded without dates
        return []


@lru_cache(maxsize=65536)
def _place_code(name: str) -> str | None:
    try:
        p = _gazetteer().place(name, None)
    except Exception:              # a gazetteer without places: no city is known
        return None
    # only well-known places: a small village named like a word misleads more than it helps
    return p.country if p is not None and getattr(p, "population", 0) >= 100000 else None


def _place_finder(gaz):
    return _place_code


def _complete(c: Candidate, named: list[str]) -> None:
    """Fill an open side from the states the line names; one state only: a domestic event."""
    if c.symmetric:
        if c.source is None:
            c.source = next((x for x in named if x != c.target), c.target)
        if c.target is None:
            c.target = next((x for x in named if x != c.source), c.source)
        return
    if c.source is None:
        c.source = next((x for x in named if x != c.target), c.target)
    if c.target is None:
        c.target = next((x for x in named if x != c.source), c.source)


_COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})


def _intent(c: Candidate) -> Candidate | None:
    """A line's plan or refusal is itself an event: "X will give aid" is a promise (AGREE), "X will
    impose sanctions" a threat (THREATEN), "X will not accept" a rejection (REJECT), as CAMEO's
    03 / 13 / 12 codes record them. Fiction and plain denials code nothing."""
    if not c.modality:
        return c
    if c.modality == "fiction":
        return None
    if c.modality == "negation":
        if c.type in _COOPERATIVE:
            c.type, c.mode, c.cameo, c.modality = "REJECT", None, "120", None
            return c
        return None
    if c.type in _COOPERATIVE and not c.conditional:
        c.type, c.mode, c.cameo = "AGREE", None, "030"
    elif c.type not in ("REQUEST", "ACCUSE"):
        c.type, c.mode, c.cameo = "THREATEN", None, "130"
    else:
        return None
    c.modality = None
    return c


def _rank(c: Candidate) -> tuple:
    return (c.order,)


def code_sentence(text: str) -> list[Candidate]:
    """Every event a line tells, flagged ones included, parties filled from the states it names,
    the same act told twice in it merged."""
    from .dedup import merge
    if not text.strip():
        return []
    from ..nlp.leaders import leaders_named
    gaz = _gazetteer()
    mentions = gaz.mentions(text)
    people = leaders_named(text)           # "Justin Trudeau said ...": the leader's state speaks
    cands = sentence_candidates(text, 0, len(text), mentions=mentions, timexes=_timexes(text), pair=None,
                                people=people, place_code=_place_finder(gaz))
    named: list[str] = []
    for code in [m.code for m in mentions] + list(people.values()):
        if code and code not in named:
            named.append(code)
    for c in cands:
        _complete(c, named)
    return [m.first for m in merge(cands)]


def code_line(text: str, max_events: int = 2) -> list[Event]:
    """The events one line tells (at most `max_events`), history only."""
    cands = [c for c in (_intent(c) for c in code_sentence(text)) if c is not None]
    if not cands:
        return []
    cands.sort(key=_rank)
    best = [cands[0]]
    for c in cands[1:]:
        if len(best) >= max_events:
            break
        if all(c.type != b.type for b in best) and c.explicit and (c.source or c.target) and \
                c.type in ("ASSAULT", "COERCE", "SANCTION", "THREATEN", "REJECT", "RETREAT") and \
                best[0].type not in ("ASSAULT", "COERCE", "SANCTION", "THREATEN", "REJECT", "RETREAT"):
            best.append(c)
    out = []
    for c in best:
        actors = tuple(sorted({x for x in (c.source, c.target) if x}))
        ev = (Evidence(text=text, start=0, end=len(text), section=""),)
        from .lexicon import cameo_table
        c.goldstein = cameo_table().get(c.cameo, c.goldstein)
        out.append(Event(id=event_id(c.type, c.source, c.target, c.date, c.head), date=c.date, type=c.type,
                         mode=c.mode, context=c.context, cameo=c.cameo, goldstein=c.goldstein,
                         source=None if c.symmetric else c.source, target=None if c.symmetric else c.target,
                         actors=actors, count=c.count, summary=summary(c, text), fictional=False,
                         response_to=None, evidence=ev))
    return out
