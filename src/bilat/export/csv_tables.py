"""CSV tables: events.csv, missions.csv, facts.csv, evidence.csv in a folder."""
from __future__ import annotations

import csv

from ._out import folder_out, text_out

TABLES = ("events", "missions", "facts", "evidence")


def write(view, out, pair=None) -> str:
    folder = folder_out(out)
    counts = []
    for name in TABLES:
        cols, rows = view.table(name, pair)
        n = 0
        with text_out(folder / f"{name}.csv") as f:
            w = csv.writer(f)
            w.writerow(cols)
            for r in rows:
                w.writerow(r)
                n += 1
        counts.append(f"{name}.csv ({n} rows)")
    return f"{folder}: " + ", ".join(counts)
