"""The calendar span of an EDTF value: first and last day, as ISO strings.

The store keeps (date_lo, date_hi) beside each EDTF date so that range
queries and sorting are plain string comparisons. Point parsing is
bilat.nlp.edtf's; this module only adds "where does the span end".
"""
from __future__ import annotations

import calendar
import re

from .edtf import Point, fmt_year, parse_point

OPEN_LO = "0000-01-01"     # "../2022": no known start
OPEN_HI = "9999-12-31"     # "2022-02/..": still going on

# season codes (EDTF level 1): 21 spring .. 24 winter, as (first month, last month)
_SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}
_UNSPEC = re.compile(r"-?[0-9X]{4}")


def span(value: str | None) -> tuple[str | None, str | None]:
    """(first day, last day) of an EDTF value, or (None, None) when it has no
    calendar position: "2022-04" -> ("2022-04-01", "2022-04-30"),
    "09XX" -> ("0900-01-01", "0999-12-31"), "1537/1814" -> ("1537-01-01",
    "1814-12-31"), "2022-02/.." -> ("2022-02-01", "9999-12-31"),
    "{2017,2018}" -> ("2017-01-01", "2018-12-31")."""
    if not value or not isinstance(value, str):
        return None, None
    v = value.strip()
    if v.startswith(("{", "[")):
        items = [x for x in v.strip("{}[]").split(",") if x and ".." not in x]
        spans = [span(x) for x in items]
        los = [lo for lo, _ in spans if lo]
        his = [hi for _, hi in spans if hi]
        return (min(los) if los else None, max(his) if his else None)
    if "/" in v:
        a, b = v.split("/", 1)
        lo = OPEN_LO if a in ("", "..") else _one(a)[0]
        hi = OPEN_HI if b in ("", "..") else _one(b)[1]
        if lo is None or hi is None:
            return None, None
        return lo, hi
    return _one(v)


def _one(v: str) -> tuple[str | None, str | None]:
    v = v.rstrip("~?%").lstrip("~?%")
    head = v.split("-")[0] if not v.startswith("-") else "-" + v[1:].split("-")[0]
    if "X" in head and _UNSPEC.fullmatch(head):
        # "09XX", "198X": a century or decade, unspecified digits
        neg = head.startswith("-")
        digits = head.lstrip("-")
        lo_y, hi_y = int(digits.replace("X", "0")), int(digits.replace("X", "9"))
        if neg:
            lo_y, hi_y = -hi_y, -lo_y
        return f"{fmt_year(lo_y)}-01-01", f"{fmt_year(hi_y)}-12-31"
    p = parse_point(v)
    if p is None:
        return None, None
    return _first(p), _last(p)


def _first(p: Point) -> str:
    if p.month is None:
        return f"{fmt_year(p.year)}-01-01"
    if p.month > 12:
        return f"{fmt_year(p.year)}-{_SEASONS.get(p.month, (1, 12))[0]:02d}-01"
    return f"{fmt_year(p.year)}-{p.month:02d}-{(p.day or 1):02d}"


def _last(p: Point) -> str:
    if p.month is None:
        return f"{fmt_year(p.year)}-12-31"
    year, month = p.year, p.month
    if month > 12:
        month = _SEASONS.get(month, (1, 12))[1]
        if month > 12:                      # winter runs into the next year
            year, month = year + 1, month - 12
    if p.day is not None and p.month <= 12:
        return f"{fmt_year(year)}-{month:02d}-{p.day:02d}"
    last = calendar.monthrange(year if 1 <= year <= 9999 else 2001, month)[1]
    return f"{fmt_year(year)}-{month:02d}-{last:02d}"


def parse_day(text: str, where: str = "date", end: bool = False) -> str:
    """A user's date argument ("2014", "2014-03", "2014-03-18") as an ISO day:
    the first day of its span, or the last when `end` is true."""
    lo, hi = span(text.strip()) if text else (None, None)
    if lo is None or hi is None:
        from ..errors import BilatError
        raise BilatError(f"{where}: {text!r} is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD")
    return hi if end else lo
