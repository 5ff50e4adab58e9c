"""TimelineJS JSON (https://timeline.knightlab.com): a timeline a newsroom can publish.

Only dated, non-fictional events; a period ("1537/1814") gets an end_date;
dates are as precise as the record (a year stays a year).
"""
from __future__ import annotations

import html
import json

from ..nlp.edtf import parse_point
from ._out import text_out


def _tl_date(value: str | None) -> dict | None:
    p = parse_point(value)
    if p is None:
        return None
    d: dict = {"year": p.year}
    if p.month and p.month <= 12:
        d["month"] = p.month
        if p.day:
            d["day"] = p.day
    return d


def document(view, pair=None) -> dict:
    events = []
    pairs = [pair] if pair else [(p.a, p.b) for p in view.pairs()]
    names = []
    for a, b in pairs:
        rows = view.timeline(a, b)
        for e in rows:
            start = _tl_date(e.date.split("/")[0] if e.date and "/" in e.date else e.date)
            if start is None and e.date_lo and e.date_lo[:4].isdigit():
                start = {"year": int(e.date_lo[:4])}         # "09XX": the span's first year
            if start is None:
                continue
            item = {"start_date": start,
                    "text": {"headline": html.escape(e.summary or e.type.title()),
                             "text": html.escape(e.text) + f"<br><small>{html.escape(e.title)}</small>"},
                    "group": e.type, "unique_id": f"{e.pair[0]}-{e.pair[1]}-{e.id}"}
            if e.date and "/" in e.date and not e.date.endswith(".."):
                end = _tl_date(e.date.split("/", 1)[1])
                if end:
                    item["end_date"] = end
            events.append(item)
        names.append(f"{a}–{b}")
    title = "Relations " + ", ".join(names) if len(names) <= 3 else f"Relations of {len(names)} pairs"
    return {"title": {"text": {"headline": html.escape(title),
                               "text": "Dated events with the sentence each comes from (bilat)."}},
            "events": events}


def write(view, out, pair=None) -> str:
    doc = document(view, pair)
    with text_out(out) as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return f"{out}: {len(doc['events'])} events"
