"""JSON Lines: one bilat.record/1 record per line."""
from __future__ import annotations

import json

from ._out import text_out


def write(view, out, pair=None) -> str:
    n = 0
    with text_out(out) as f:
        for rec in view.records(pair):
            f.write(json.dumps(rec.to_json(), ensure_ascii=False) + "\n")
            n += 1
    return f"{out}: {n} records"
