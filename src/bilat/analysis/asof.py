"""As-of snapshots: the state of the relations of a pair on a given day.

A mission counts as open on a day when it had opened by then (its `opened`
date, or, where the article gives none, the establishment of relations)
and had not yet closed: one open today, or one closed after that day. A
mission closed at a date the article does not give is left out. A list
membership is in force from its `since` date on; one without a date is not
counted.
"""
from __future__ import annotations

from collections import Counter

from ..store.rows import AsOf, Rows
from ..nlp.edtf_span import parse_day, span


def asof(view, a: str, b: str, date: str) -> AsOf:
    ca, cb = view.code(a), view.code(b)
    day = parse_day(date, "DATE", end=True)      # "2014" means by the end of 2014
    dates = view.established(ca, cb)
    if not dates:
        established, est_date = None, None
    else:
        known = [d for d in dates if span(d)[0]]
        est_date = known[0] if known else None
        if est_date is None:
            established = None
        else:
            established = span(est_date)[0] <= day
    missions = Rows(m for m in view.missions(pair=(ca, cb)) if _open_on(m, day, established))
    lists = Rows(x for x in view.lists(ca, cb) if x.since and span(x.since)[0] and span(x.since)[0] <= day)
    events = [e for e in view.timeline(ca, cb, end=day)]
    counts = Counter(e.type for e in events)
    return AsOf(a=ca, b=cb, date=day, established=established, established_date=est_date,
                missions=missions, lists=lists, counts=dict(sorted(counts.items())),
                events_so_far=len(events), last_events=Rows(events[-10:]))


def _open_on(m, day: str, established: bool | None) -> bool:
    opened, closed = span(m.opened)[0], span(m.closed)[0]
    if opened:
        if opened > day:
            return False
    elif established is False:
        return False
    if m.status == "open":
        return True
    return bool(closed) and closed > day
