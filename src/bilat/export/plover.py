"""PLOVER JSON lines: one event per line, in the PLOVER data format's fields.

`actor`/`recipient` are the source and target countries (for a symmetric
event, the two actors); `date` is the EDTF date as precise as the text,
and `text_info` says where the sentence comes from.
"""
from __future__ import annotations

import json

from ._out import text_out


def line(e) -> dict:
    actor = e.source or (e.actors[0] if e.actors else None)
    recipient = e.target or (e.actors[1] if len(e.actors) > 1 else None)
    return {"id": f"{e.pair[0]}-{e.pair[1]}-{e.id}", "date": e.date, "actor": actor, "recipient": recipient,
            "event": e.type, "mode": e.mode, "context": list(e.context), "text": e.text,
            "text_info": {"title": e.title, "section": e.section, "start": e.start, "end": e.end,
                          "date_start": e.date_lo, "date_end": e.date_hi, "cameo": e.cameo,
                          "goldstein": e.goldstein, "count": e.count, "summary": e.summary,
                          "fictional": e.fictional, "response_to": e.response_to}}


def write(view, out, pair=None) -> str:
    rows = view.timeline(*pair) if pair else view.events()
    with text_out(out) as f:
        for e in rows:
            f.write(json.dumps(line(e), ensure_ascii=False) + "\n")
    return f"{out}: {len(rows)} events"
