"""Anchoring: turning atoms into `Timex` values against the running
narrative reference, joining ranges and sets, and section frames.

The reference is the last fully known date the narrative mentioned (an
explicit one, or a relative one once resolved); a section's heading frames
its text until the first date in it. Relative words ("the following year",
"three months later", "that evening") shift the reference; deictic words
("last year", "Tuesday", "two years ago") use the document date (--dct)
when there is one, else the reference. Nothing to anchor on leaves the
unknown digits as X ("XXXX-08") and anchored=False.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .edtf import DAY, MONTH, Point, fmt_year, iso_week, parse_point, shift, weekday_near
from .timex_patterns import Atom


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str        # "DATE" | "TIME" | "DURATION" | "SET"
    value: str       # EDTF (DATE/TIME/SET) or ISO 8601 duration (DURATION)
    anchored: bool   # resolved against context or DCT, not read off the phrase alone
    # For a range, set or open interval: the TimeML-style inner expressions
    # ("1809" and "1917" of "from 1809 to 1917"), each with its own value.
    parts: tuple["Timex", ...] = field(default=(), compare=False, repr=False)


_JOIN = re.compile(r"\s*(?:(-|–|—|/)|(to|until|till|through|thru|and|&|or))\s*(?:the\s+)?", re.I)
_PRE = re.compile(r"\b(from|between|since|after|before|until|till|up\s+to)\s+$", re.I)
_ONWARDS = re.compile(r"\s*(?:on|onwards?|and\s+after|forward)\b", re.I)
_WD_JOIN = re.compile(r"\s*,?\s*(?:the\s+)?(?:(?:dawn|morning|night|evening)\s+of\s+)?", re.I)
_MODIFIER = re.compile(r"\b(?:an?|his|her|their|its|whose|our|my|your|the)\s+$|'s\s+$", re.I)
_UNTIL = re.compile(r"\b(until|till|from|since)\s+$", re.I)
# before a date, its end point ("extended the lease to 2042", "stripped out by 2027"); lower case:
# a sentence opening "By 1920 ..." tells where the narrative is. Events read it too.
# (but "go back to 1493", "date back to 1817": where something starts)
END_POINT = re.compile(r"\b(?:until|till|(?<!back )to|through|by)\s+(?:the\s+(?:end|middle|start)\s+of\s+)?$")
_JOIN_AHEAD = re.compile(r"\s*(?:-|–|—|to|until|till|through)\s", re.I)
_APPOS = re.compile(r"\s*[,–—-]\s*(?:(?:just|only|exactly|precisely)\s+)?")
_SEASON_START = {21: 3, 22: 6, 23: 9, 24: 12}
_PREC = {"D": DAY, "W": DAY, "M": MONTH, "S": MONTH, "Y": 0}


def link(atoms: list[Atom], text: str) -> None:
    """Mark ranges and sets between neighbouring atoms and share the year
    or month the second one names with the first ("August and September
    1914", "14 August-24 August 1914")."""
    for i in range(len(atoms) - 1):
        a, b = atoms[i], atoms[i + 1]
        if a.type == "TIME" and a.kind == "tod" and text[a.start:a.end].rstrip().lower().endswith(" of") \
                and b.start - a.end <= 1 and b.type == "DATE" and b.kind in ("abs", "partial"):
            a.link = "tod"
            continue
        if a.kind == "weekday" and b.type == "DATE" and b.kind in ("abs", "partial") \
                and _WD_JOIN.fullmatch(text, a.end, b.start):
            a.link = "wd"
            continue
        if a.type != "DATE" or b.type != "DATE" or a.kind not in ("abs", "partial") \
                or b.kind not in ("abs", "partial") or a.opt or b.opt:
            continue
        if a.link == ",":  # "between 7 and 13 September" is a period, not two days
            pre = _PRE.search(text, max(0, a.start - 12), a.start)
            if pre and pre.group(1).lower() == "between":
                a.link = "/"
        if a.link is None:
            j = _JOIN.fullmatch(text, a.end, b.start)
            if not j or (j.group(2) or "").lower() == "or":
                continue
            word = (j.group(2) or "").lower()
            pre = _PRE.search(text, max(0, a.start - 12), a.start)
            between = pre and pre.group(1).lower() == "between"
            a.link = "," if word in ("and", "&") and not between else "/"
        _share(a, b)


def _share(a: Atom, b: Atom) -> None:
    if a.y is None and b.y is not None:
        a.y = b.y - 1 if (a.m and b.m and a.m <= 12 and b.m <= 12 and a.m > b.m) else b.y
        a.kind = "abs"
    if a.m is None and a.d is not None and b.m is not None:
        a.m = b.m
    if b.y is None and a.y is not None and b.m is not None:
        b.y = a.y + 1 if (a.m and a.m <= 12 and b.m <= 12 and b.m < a.m) else a.y
        b.kind = "abs"


def _pad(p: Point, prec: str) -> str:
    """EDTF of p at the precision `prec` asks for, X-filling what p lacks."""
    if p.month is not None and p.month > 12 and prec in ("D", "W", "M"):
        p = Point(p.year)  # a season says nothing of the month or day
    v = p.edtf()
    want = {"Y": 0, "M": 1, "S": 1, "D": 2, "W": 2}.get(prec, 0)
    have = 0 if p.month is None else (1 if p.day is None else 2)
    if have < want:
        v += "-XX" * (want - have)
    return v


_UNKNOWN = {"Y": "XXXX", "M": "XXXX-XX", "S": "XXXX", "D": "XXXX-XX-XX", "W": "XXXX-WXX"}


class Resolver:
    """The running state of one section: reference, frame and DCT."""

    def __init__(self, dct: Point | None = None):
        self.dct = dct
        self.ref: Point | None = None
        self.frame: str | None = None
        # News (the first year the text names is near the document date) or a
        # history told long after: decides what a bare "in May" counts from.
        self.news: bool = dct is not None
        self._mode_set = False

    def reset(self, frame: str | None) -> None:
        """A new section, framed by the value its heading names (or None)."""
        self.frame = frame
        p = parse_point(frame) if frame and "/" not in frame and "," not in frame else None
        self.ref = p

    def _deictic(self) -> Point | None:
        """What "last year" or "Tuesday" counts from: the document date, unless
        the narrative is far from it (a history told in the past)."""
        if self.dct is None:
            return self.ref
        if self.news or self.ref is None:
            return self.dct
        return self.ref

    def _month_year(self, base: Point, a: Atom) -> int:
        """The year of a month named alone: the narrative's, or, in news (the
        reference near the document date), the last such month before the
        document date, or the next one after it if the sentence looks ahead."""
        dct = self.dct
        if dct is None or dct.month is None or not self.news:
            return base.year
        m = a.m if a.m <= 12 else _SEASON_START[a.m]
        if a.fut:
            return dct.year if m >= dct.month else dct.year + 1
        return dct.year if m <= dct.month else dct.year - 1

    # -- one atom --------------------------------------------------------
    def value(self, a: Atom) -> tuple[str, bool] | None:  # noqa: C901
        k = a.kind
        if k == "abs":
            v = Point(a.y, a.m, a.d).edtf()
            if a.opt:
                if self.ref is not None and self.ref.year <= 0:
                    v = fmt_year(1 - a.y)
                elif not (a.n and a.y >= 100 and (self.ref is None or self.ref.year < 1000)):
                    return None
            if a.tod:
                v += "T" + a.tod
            return v + ("~" if a.approx else ""), False
        if k == "value":
            return a.value, False
        base = self.ref or self.dct
        if k == "partial":
            if base is None:
                v = "XXXX" + (f"-{a.m:02d}" if a.m else "-XX") + (f"-{a.d:02d}" if a.d else "")
                return v, False
            if a.m is None:
                if base.month is None or base.month > 12:
                    return f"{fmt_year(base.year)}-XX-{a.d:02d}", True
                return Point(base.year, base.month, a.d).edtf(), True
            v = Point(self._month_year(base, a), a.m, a.d).edtf()
            return v + (f"T{a.tod}" if a.tod else ""), True
        if k in ("rel", "dct"):
            if k == "dct":
                base = self.dct or self.ref
            if base is None:
                v = _UNKNOWN.get(a.prec or a.unit, "XXXX")
                if a.m:
                    v = f"XXXX-{a.m:02d}"
                return v + (f"T{a.tod}" if a.tod else ""), False
            if a.prec == "W" and base.day is not None:
                w = iso_week(shift(base, a.n, "W") if a.n else base)
                if w:
                    return w, True
            p = shift(base, a.n, a.unit) if a.n else base.truncate(_PREC.get(a.prec, 0))
            if a.m:
                p = Point(p.year, a.m)
                return p.edtf(), True
            if a.n and a.unit == "D" and base.day is None and p.month == base.month:
                return p.edtf() + (f"T{a.tod}" if a.tod else ""), True   # "two days later" after "in May 1985": May
            v = _pad(p.truncate(_PREC.get(a.prec, 0)), a.prec or a.unit)
            return v + (f"T{a.tod}" if a.tod else ""), True
        if k == "dctmonth":
            base = self.dct or self.ref
            if base is None or base.month is None or base.month > 12:
                return (f"XXXX-{a.m:02d}", False) if base is None else (Point(base.year, a.m).edtf(), True)
            y = base.year
            if a.n < 0 and a.m >= base.month:
                y -= 1
            elif a.n > 0 and a.m <= base.month:
                y += 1
            return Point(y, a.m).edtf(), True
        if k == "relseason":
            if self.ref is None:
                return f"XXXX-{a.m}", False
            y = self.ref.year
            start = _SEASON_START[a.m]
            if a.n > 0 and not (self.ref.month and self.ref.month <= 12 and start > self.ref.month):
                y += 1
            elif a.n < 0:
                y -= 1
            return f"{fmt_year(y)}-{a.m}", True
        if k == "weekday":
            base = self._deictic()
            if base is not None and base.day is None:
                base = None
            day = weekday_near(base, a.d, a.n if self.dct else (a.n or 1)) if base else None
            if day is None:
                return f"XXXX-WXX-{a.d}" + (f"T{a.tod}" if a.tod else ""), False
            return day.edtf() + (f"T{a.tod}" if a.tod else ""), True
        if k == "tod":
            if a.opt or base is None:
                return f"XXXX-XX-XXT{a.tod}", False
            return _pad(base, "D") + f"T{a.tod}", True
        return None

    def note(self, value: str, start_point: bool = False) -> None:
        """Move the reference to a date the narrative just named."""
        if value and "T" in value and not value.startswith("P"):
            value = value.split("T", 1)[0]          # "the night of 29 March 2013": that day
        if not value or "X" in value or value.endswith("_REF") or value.startswith("P"):
            return
        if self.dct is not None and value.startswith(self.dct.edtf()):
            return  # a dateline repeating the DCT says nothing of the narrative
        if value.startswith("{"):
            value = value.strip("{}").split(",")[-1]
        if "/" in value:
            a, b = value.split("/", 1)
            value = a if (start_point or b == "..") else b
            if value == "..":
                return
        p = parse_point(value)
        if p is not None:
            if self.ref is not None and self.ref.edtf().startswith(p.edtf()):
                return  # "earlier that month" keeps the day the narrative is at
            self.ref = p

    def _set_mode(self, a: Atom) -> None:
        """The first explicit year decides news vs. history (see `news`)."""
        if self._mode_set or self.dct is None or a.kind != "abs" or a.opt:
            return
        if a.m == self.dct.month and a.d == self.dct.day and a.y == self.dct.year:
            return
        self._mode_set = True
        self.news = abs(a.y - self.dct.year) <= 3

    def _aside(self, a: Atom, text: str) -> bool:
        """A date that does not move the narrative: a bare year as a modifier
        ("a 2004 study", "(2004)"), or the end or start of a state ("until
        1 October")."""
        before = text[max(0, a.start - 12):a.start]
        m = _UNTIL.search(before)
        if m and not _JOIN_AHEAD.match(text, a.end) and not (m.group(1).lower() in ("from", "since")
                                                               and a.kind == "abs" and a.y and a.m):
            # "until 1 October", "from 1 October": the end or start of a state, not a step; but a
            # month with its year ("from February 2025") tells the year the narrative has reached
            return True
        if END_POINT.search(before) and not _JOIN_AHEAD.match(text, a.end):
            return True  # "ordered it stripped out by 2027", "extended the lease to 2042": an end, not a step
        if a.m is not None or a.y is None:
            return False
        return bool(_MODIFIER.search(before)) or before.endswith("(")

    # -- a paragraph -----------------------------------------------------
    def resolve(self, atoms: list[Atom], text: str) -> list[Timex]:
        link(atoms, text)
        out: list[Timex] = []
        i = 0
        n = len(atoms)
        while i < n:
            a = atoms[i]
            if a.link in ("wd", "tod") and i + 1 < n:     # "Tuesday, 3 May", "at dawn on 3 May"
                b = atoms[i + 1]
                r = self.value(b)
                i += 2
                if r is None:
                    continue
                self.note(r[0])
                v = r[0] + (f"T{a.tod}" if a.tod else "")
                out.append(Timex(a.start, b.end, text[a.start:b.end], "TIME" if a.tod else "DATE", v, r[1]))
                continue
            if a.link in ("/", ",") and i + 1 < n:
                b = atoms[i + 1]
                ra, rb = self.value(a), self.value(b)
                i += 2
                if ra is None or rb is None:
                    for at, r in ((a, ra), (b, rb)):
                        if r is not None:
                            self.note(r[0])
                            out.append(Timex(at.start, at.end, text[at.start:at.end], at.type, r[0], r[1]))
                    continue
                ta = Timex(a.start, a.end, text[a.start:a.end], a.type, ra[0], ra[1])
                tb = Timex(b.start, b.end, text[b.start:b.end], b.type, rb[0], rb[1])
                pre = _PRE.search(text, max(0, a.start - 12), a.start)
                s = pre.start() if pre and pre.group(1).lower() in ("from", "between") else a.start
                val = f"{ra[0]}/{rb[0]}" if a.link == "/" else "{" + f"{ra[0]},{rb[0]}" + "}"
                out.append(Timex(s, b.end, text[s:b.end], "DATE", val, ra[1] or rb[1], (ta, tb)))
                eol = text.find("\n", b.end)
                line_rest = text[b.end:eol if eol >= 0 else len(text)]
                heading = a.link == "/" and not re.search(r"[a-z.]", line_rest)
                self.note(val, start_point=heading)
                continue
            i += 1
            if a.evrel and out and _APPOS.fullmatch(text, out[-1].end, a.start) and out[-1].type == "DATE" \
                    and a.n is not None and (told := parse_point(out[-1].value)) is not None:
                # "established on 30 October 1905 – four days after the independence": the
                # event the phrase names came four days before that date (1905-10-26)
                p = shift(told, -a.n, a.unit)
                v = _pad(p.truncate(_PREC.get(a.prec, 0)), a.prec or a.unit)
                out.append(Timex(a.start, a.end, text[a.start:a.end], "DATE", v, True))
                continue
            if a.evrel and self.news and a.n:
                # news: "two years after his diagnosis" measures a span
                out.append(Timex(a.start, a.end, text[a.start:a.end], "DURATION", f"P{abs(a.n)}{a.unit}", False))
                continue
            r = self.value(a)
            if r is None:
                continue
            v, anchored = r
            t = Timex(a.start, a.end, text[a.start:a.end], a.type, v, anchored)
            if a.type == "DATE" and a.kind == "abs":
                pre = _PRE.search(text, max(0, a.start - 12), a.start)
                word = pre.group(1).lower() if pre else ""
                onwards = _ONWARDS.match(text, a.end)
                if pre and (word == "since" or (word == "from" and onwards)):
                    e = onwards.end() if onwards else a.end
                    t = Timex(pre.start(), e, text[pre.start():e], "DATE", v.rstrip("~") + "/..", anchored, (t,))
            out.append(t)
            self._set_mode(a)
            if a.type in ("DATE", "TIME") and a.kind not in ("dct", "weekday") \
                    and not (a.kind == "rel" and a.n is not None and a.n < 0) \
                    and not (a.kind in ("abs", "partial") and self._aside(a, text)):
                self.note(v)
        return out


def frame_of(title: str | None, tag) -> str | None:
    """The period a heading names: "1537–1814" -> "1537/1814", "After 1991"
    -> "1991/..", "Before 1920" -> "../1920", "Grand Duchy (1809–1917)" ->
    "1809/1917", "The 1990s" -> "199X"; None when it names none. `tag` is
    the tagger function."""
    if not title:
        return None
    for t in tag(title):
        if t.type != "DATE" or not t.value or t.value.startswith("XXXX") or t.value.endswith("_REF"):
            continue
        v = t.value
        pre = _PRE.search(title, 0, t.start)
        w = re.sub(r"\s+", " ", pre.group(1).lower()) if pre else ""
        if w in ("after", "since") and "/" not in v:
            return v + "/.."
        if w in ("before", "until", "till", "up to") and "/" not in v:
            return "../" + v
        return v
    return None
