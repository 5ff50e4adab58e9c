"""EDTF value helpers for the temporal tagger: a calendar point with its
precision, arithmetic on it, and parsing/formatting of EDTF strings.

Years are astronomical (1 BC is year 0, 490 BC is -489), as EDTF wants.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

# Precision levels, coarse to fine.
CENTURY, DECADE, YEAR, SEASON, MONTH, DAY = range(6)

_POINT_RE = re.compile(r"(-?)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Point:
    """A calendar point: year, optional month or season, optional day."""
    year: int
    month: int | None = None   # 1-12, or 21-24 for a season
    day: int | None = None

    @property
    def precision(self) -> int:
        if self.day is not None:
            return DAY
        if self.month is None:
            return YEAR
        return SEASON if self.month > 12 else MONTH

    def edtf(self) -> str:
        s = fmt_year(self.year)
        if self.month is not None:
            s += f"-{self.month:02d}"
            if self.day is not None:
                s += f"-{self.day:02d}"
        return s

    def truncate(self, precision: int) -> "Point":
        if precision <= YEAR:
            return Point(self.year)
        if precision in (MONTH, SEASON):
            return Point(self.year, self.month)
        return self


def fmt_year(y: int) -> str:
    return f"-{-y:04d}" if y < 0 else f"{y:04d}"


def bc(year: int) -> int:
    """The astronomical year of `year` BC."""
    return 1 - year


def parse_point(value: str | None) -> Point | None:
    """The Point an EDTF value starts at ("1939-09-01", "1537/1814" -> 1537,
    "{2017,2018}" -> 2018, the last item); None when it has no known year."""
    if not value:
        return None
    v = value.strip("{}[]")
    if "," in v:
        v = v.rsplit(",", 1)[1]
    if "/" in v:
        a, b = v.split("/", 1)
        v = a if a and a != ".." else b
    v = v.rstrip("~?%")
    m = _POINT_RE.fullmatch(v.split("T")[0])
    if not m:
        return None
    y = int(m.group(2)) * (-1 if m.group(1) else 1)
    mo = int(m.group(3)) if m.group(3) else None
    d = int(m.group(4)) if m.group(4) else None
    return Point(y, mo, d)


def shift(p: Point, n: int, unit: str) -> Point:
    """p moved by n units ("D", "W", "M", "Y"); the result keeps the precision
    the unit implies (days -> day, months -> month, years -> year)."""
    if unit == "Y":
        if p.month and p.month > 12:
            return Point(p.year + n, p.month)
        return Point(p.year + n)
    if unit == "M":
        if p.month is None or p.month > 12:
            return Point(p.year)
        k = p.year * 12 + (p.month - 1) + n
        return Point(k // 12, k % 12 + 1)
    if unit in ("D", "W"):
        days = n * (7 if unit == "W" else 1)
        if p.day is None or p.month is None or p.month > 12:
            if p.month and p.month <= 12 and (unit == "W" or abs(days) <= 20):
                return Point(p.year, p.month)      # "two days later" after "in September": still about September
            return Point(p.year)
        if p.year < 1 or p.year > 9998:
            return Point(p.year, p.month)
        try:
            d = _dt.date(p.year, p.month, p.day) + _dt.timedelta(days=days)
        except (ValueError, OverflowError):
            return Point(p.year, p.month)
        return Point(d.year, d.month, d.day)
    return p


def weekday_near(dct: Point, weekday: int, direction: int = 0) -> Point | None:
    """The date of `weekday` (1 = Monday) nearest before (-1), after (+1) or
    around (0: the past week, as news uses it) the day `dct`."""
    if dct.day is None or dct.month is None or dct.month > 12 or not 1 <= dct.year <= 9998 \
            or not valid_day(dct.year, dct.month, dct.day):
        return None
    d = _dt.date(dct.year, dct.month, dct.day)
    diff = weekday - d.isoweekday()
    if direction > 0:
        diff = diff if diff > 0 else diff + 7
    elif direction < 0:
        diff = diff if diff < 0 else diff - 7
    elif diff > 1:
        diff -= 7  # news: "Friday" mostly means the one just past
    r = d + _dt.timedelta(days=diff)
    return Point(r.year, r.month, r.day)


def iso_week(p: Point) -> str | None:
    if p.day is None or p.month is None or p.month > 12 or not 1 <= p.year <= 9998 \
            or not valid_day(p.year, p.month, p.day):
        return None
    y, w, _ = _dt.date(p.year, p.month, p.day).isocalendar()
    return f"{y:04d}-W{w:02d}"


def valid_day(y: int, m: int, d: int) -> bool:
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return False
    if y < 1 or y > 9999:
        return d <= (29 if m == 2 else 30 if m in (4, 6, 9, 11) else 31)
    try:
        _dt.date(y, m, d)
    except ValueError:
        return False
    return True


def parse_dct(s: str | None) -> Point | None:
    """A DCT in YYYY-MM-DD form, or None if empty; ValueError if malformed."""
    if s is None or not s.strip():
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T[\d:]+)?", s.strip())
    if not m or not valid_day(int(m.group(1)), int(m.group(2)), int(m.group(3))):
        raise ValueError(f"--dct must be a date YYYY-MM-DD, got {s!r}")
    return Point(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def is_date_value(value: str) -> bool:
    """True for an EDTF date value bilat can place on a timeline (not a
    TimeML reference word such as PRESENT_REF, not a duration)."""
    return bool(value) and not value.endswith("_REF") and not value.startswith("P")
