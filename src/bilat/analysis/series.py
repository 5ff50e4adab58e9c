"""Yearly cooperation-conflict series: Goldstein scores summed per year."""
from __future__ import annotations

from collections import defaultdict


def goldstein_by_year(events) -> list[dict]:
    """[{"year": 2022, "events": 5, "goldstein": -12.0, "cooperation": 3.0, "conflict": -15.0}, ...]
    over the dated, non-fictional events given (EventRow or model.Event)."""
    acc: dict[int, dict] = defaultdict(lambda: {"events": 0, "goldstein": 0.0, "cooperation": 0.0,
                                                "conflict": 0.0})
    for e in events:
        lo = getattr(e, "date_lo", None)
        if getattr(e, "fictional", False) or not lo or lo.startswith("-"):
            continue
        y = int(lo[:4])
        row = acc[y]
        row["events"] += 1
        g = e.goldstein or 0.0
        row["goldstein"] += g
        row["cooperation" if g >= 0 else "conflict"] += g
    return [{"year": y, **acc[y]} for y in sorted(acc)]
