"""As-of snapshots: the state of the relations of a pair on a given day.

Missions carry no opening dates in the record, so a mission counts as open
on a day when the record lists it as open and the relations were (as far
as the articles say) established by then. A list membership is in force
from its `since` date on; one without a date is not counted.
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
    missions = Rows(m for m in view.missions(pair=(ca, cb), status="open") if established is not False)
    lists = Rows(x for x in view.lists(ca, cb) if x.since and span(x.since)[0] and span(x.since)[0] <= day)
    events = [e for e in view.timeline(ca, cb, end=day)]
    counts = Counter(e.type for e in events)
    return AsOf(a=ca, b=cb, date=day, established=established, established_date=est_date,
                missions=missions, lists=lists, counts=dict(sorted(counts.items())),
                events_so_far=len(events), last_events=Rows(events[-10:]))
