"""Reading time expressions: the handlers that turn each match of the
pattern (timex_patterns) into an `Atom`, with the checks that keep counts,
measures and homographs out ("1000 copies", "may", "the fall of Paris").
"""
from __future__ import annotations

import re

from .edtf import valid_day
from .timex_patterns import Atom, master, master_ignorecase, words

_BC_RE = re.compile(r"B\.?\s?C", re.I)
_WORD_AFTER = re.compile(r"\s*(\S+)")
_WORD_BEFORE = re.compile(r"(\S+)\s*$")
_THAN = re.compile(r"\s+than\b", re.I)
_FROM = re.compile(r"\s+from\b", re.I)
_SPAN_BEFORE = re.compile(r"\b(?:over|within|throughout)\s+$", re.I)
_FUTURE = re.compile(r"\b(?:will|would|shall|'ll|due|plans?|planned|planning|expected|expects|scheduled|next|through|until|upcoming)\b", re.I)
# after "four days after": the clause ends, so it counts from the narrative, not from an event
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)!?\]]|$|(?:that|this|it|and|but|when)\b)")
_PREP_BEFORE = re.compile(r"(?:\b(?:in|on|by|of|until|till|since|from|to|and|or|during|early|late|mid|through|before|after"
                          r"|between|last|next|this|that|throughout|around|about|end|beginning|start|middle)\s+|mid-|[-–,(])$", re.I)
_VAGUE_APPROX = frozenset("about around over some nearly approximately roughly".split())
_FUNCTION_WORDS = frozenset("the and to when after before a an with as at in on by but he she they it his their its "
                            "this that these those bc ad b.c a.d".split())
_FOLLOW_OK = frozenset("and to in when the until or with after before but by as on at for from of was were is had".split())


def _num(s: str) -> float | None:
    w = words()
    s = re.sub(r"\s+", " ", s.lower().strip())
    if s.replace(",", "").isdigit():
        return int(s.replace(",", ""))
    if s in w["numbers"]:
        return w["numbers"][s]
    total = 0
    for part in re.split(r"[\s-]+", s):
        if part not in w["numbers"]:
            return None
        total += w["numbers"][part]
    return total


def _year(s: str, era: str | None) -> int:
    y = int(s)
    return 1 - y if era and _BC_RE.match(era) else y


def _unit(u: str) -> tuple[str, int, bool]:
    spec = words()["_units"][u.lower()]
    return spec["code"], spec.get("factor", 1), bool(spec.get("time"))


def _month(s: str) -> int:
    return words()["_month"][s.lower().rstrip(".")]


def _lower_homograph(s: str) -> bool:
    return s.islower() and s.lower() in words()["month_homographs"]


def _is_count(text: str, end: int, start: int, approx: str | None) -> bool:
    """Does the number at text[start:end] count or measure something?"""
    w = words()
    m = _WORD_AFTER.match(text, end, min(len(text), end + 40))
    nxt = m.group(1).strip(".,;:()\"'").lower() if m else ""
    if nxt in w["_count"]:
        return True
    before = text[max(0, start - 30):start]
    mb = _WORD_BEFORE.search(before)
    if mb and mb.group(1).lower() in w["_notbefore"]:
        return True
    if "isbn" in before.lower():
        return True
    if approx and approx.lower() in _VAGUE_APPROX and m and nxt and nxt not in _FOLLOW_OK and m.group(1)[0].isalpha():
        return True
    return False


def _make(handler_kind, m, text):  # noqa: C901 - one switch over alternatives
    def g(name):
        a, b = m.span(name)
        return text[a:b] if a >= 0 else None
    s, e = m.start(), m.end()
    k = handler_kind
    if k == "year":
        if g("y_n3"):
            if _is_count(text, e, m.start("y_n3"), g("y_ap")):
                return None
            y = int(g("y_n3"))
        elif g("y_n1"):
            y = int(g("y_n1"))
            if g("y_ad").islower():  # "an ad 1999 campaign": an advert, the year alone
                s = m.start("y_n1")
        else:
            y = _year(g("y_n2"), g("y_e"))
            if _is_count(text, m.start("y_e"), m.start("y_n2"), None):
                return None
        return [Atom(s, e, y=y, approx=bool(g("y_ap")))]
    if k in ("dmy", "mdy", "my"):
        mt = g(k + "_m")
        if _lower_homograph(mt.strip()):
            return None
        if k == "my" and mt.rstrip(".").lower() in words()["month_abbreviations"] and not mt[0].isupper():
            return None
        mo = _month(mt)
        ys = g(k + "_y")
        y = _year(ys, g(k + "_e") if k != "mdy" else None) if ys else None
        # "On 4 November 1979 students stormed ...": after a day and a month, or a
        # capitalised month name, four digits are the year, whatever word follows
        sure = k == "dmy" or (len(ys or "") == 4 and mt[0].isupper() and mt.lower() in words()["months"])
        if ys and k != "mdy" and not sure and _is_count(text, e, m.start(k + "_y"), None):
            if k == "my" and mt[0].isupper() and mt.lower() in words()["months"]:
                return [Atom(m.start("my_m"), m.end("my_m"), kind="partial", m=mo)]
            return None
        d = int(re.match(r"\d+", g(k + "_d")).group()) if k != "my" else None
        if d is not None and not _day_ok(y, mo, d):
            return None
        return [Atom(s, e, kind="abs" if y is not None else "partial", y=y, m=mo, d=d, fut=_future(text, s))]
    if k == "month":
        mt = g("mo_m")
        if mt.islower():
            return None
        mo = _month(mt)
        if mt.lower() in words()["month_homographs"] and not _PREP_BEFORE.search(text, max(0, s - 14), s) \
                and not re.match(r"\s*[,;)]", text[e:e + 2]) and s == m.start("mo_m"):
            return None
        if g("mo_rel"):
            r = g("mo_rel").lower().split()[-1]
            n = {"following": 1, "next": 1, "previous": -1, "last": -1}.get(r, 0)
            return [Atom(s, e, kind="rel", n=n, unit="Y", m=mo, prec="M")]
        if g("mo_dir"):
            return [Atom(s, e, kind="dctmonth", m=mo, n={"last": -1, "next": 1}.get(g("mo_dir").lower(), 0))]
        return [Atom(s, e, kind="partial", m=mo, fut=_future(text, s))]
    if k == "iso":
        y, mo, d = int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        if g("iso_t"):
            return [Atom(s, e, "TIME", y=y, m=mo, d=d, tod=g("iso_t"))]
        return [Atom(s, e, y=y, m=mo, d=d)]
    if k in ("drange", "mrange"):
        p = "dr" if k == "drange" else "mr"
        mt = g(p + "_m")
        if _lower_homograph(mt.strip()):
            return None
        mo = _month(mt)
        y = int(g(p + "_y")) if g(p + "_y") else None
        d1, d2 = (int(re.match(r"\d+", g(p + x)).group()) for x in ("_d1", "_d2"))
        if not (d1 < d2 and _day_ok(y, mo, d2)):
            return None
        sep = text[m.end(p + "_d1"):m.start(p + "_d2")].lower()
        kind = "abs" if y is not None else "partial"
        if k == "drange":
            a = Atom(s, m.end(p + "_d1"), kind=kind, y=y, m=mo, d=d1)
            b = Atom(m.start(p + "_d2"), e, kind=kind, y=y, m=mo, d=d2)
        else:
            a = Atom(s, m.end(p + "_d1"), kind=kind, y=y, m=mo, d=d1)
            b = Atom(m.start(p + "_d2"), e, kind=kind, y=y, m=mo, d=d2)
        a.link = "," if ("and" in sep or "&" in sep) else "/"
        return [a, b]
    if k == "yrange":
        a_s, b_s = g("yr_a"), g("yr_b")
        ya = int(a_s)
        yb = int(b_s) if len(b_s) == 4 else (ya // 100) * 100 + int(b_s)
        if yb <= ya or yb - ya > 300 or _is_count(text, e, s, None):
            return None
        era = g("yr_e")
        if era and _BC_RE.match(era):
            ya, yb = 1 - ya, 1 - yb
        a = Atom(s, m.end("yr_a"), y=ya)
        b = Atom(m.start("yr_b"), e, y=yb)
        a.link = "/"
        return [a, b]
    if k == "season":
        sw = g("se_s")
        det = (g("se_det") or "").lower()
        code = words()["seasons"][sw.lower()]
        if not g("se_y"):
            if re.match(r"\s+Time\b|\s+of\s+(?!\d)", text[e:e + 8]):
                return None  # "British Summer Time", "the fall of Paris"
            before = text[max(0, m.start("se_s") - 30):m.start("se_s")]
            if sw[:1].isupper() and re.search(r"[A-Z][\w'’-]*\s+$", before) \
                    and not re.search(r"(?:^|[.!?]\s+)\S*\s+$", before):
                return None  # "the Prague Spring", "the Arab Spring": a name, not a season
            if sw.islower() and sw in words()["season_homographs"] \
                    and det not in ("the", "that", "this", "last", "next", "in"):
                return None
            if det in ("last", "next"):
                return [Atom(s, e, kind="dct", n=-1 if det == "last" else 1, unit="Y", m=code, prec="S")]
            s2 = m.start("se_s") if det == "in" else s
            return [Atom(s2, e, kind="partial", m=code)]
        s2 = m.start("se_s") if det in ("in", "last", "next") else s
        return [Atom(s2, e, y=_year(g("se_y"), g("se_e")), m=code)]
    if k == "century":
        n = g("ce_n").lower()
        c = int(re.match(r"\d+", n).group()) if n[0].isdigit() else words()["ordinals"].get(re.sub(r"\s+", " ", n))
        if not c or c > 21:
            return None
        if g("ce_e") and _BC_RE.match(g("ce_e")):
            v = f"-{c - 1:02d}XX"
        else:
            v = f"{c - 1:02d}XX"
        return [Atom(s, e, kind="value", value=v)]
    if k == "decade":
        if g("de_y"):
            ds = g("de_y")
            if len(ds) == 4 and ds.endswith("00"):
                v = ds[:2] + "XX"
            else:
                v = ds.zfill(4)[:3] + "X"
        else:
            v = "19" + (g("de_t") or g("de_s"))[0] + "X"
        return [Atom(s, e, kind="value", value=v)]
    if k in ("relunit", "relbare"):
        if k == "relunit":
            nt, ut, dt = g("ru_n"), g("ru_u"), g("ru_d").lower()
            n = _num(nt)
        else:
            ut, dt, n = g("rb_u"), g("rb_d").lower(), None
        code, factor, is_time = _unit(ut)
        if code == "S" or (code == "M" and is_time):
            return None
        back = dt in ("earlier", "before", "ago", "previously", "prior", "back")
        if _THAN.match(text, e) or (dt == "on" and _FROM.match(text, e)):
            return [_duration(s, m.start("ru_d") - 1 if k == "relunit" else e, n, code, factor, is_time, text)]
        evrel = dt in ("after", "before") and not _CLAUSE_END.match(text, e)
        if n is None:
            return [Atom(s, e, kind="value", value="PAST_REF" if back else "FUTURE_REF")]
        n = int(n * factor) * (-1 if back else 1)
        if is_time:
            return [Atom(s, e, "DATE", kind="rel", n=0, unit="D", prec="D", evrel=evrel)]
        # "a week later" after 12 May is 19 May: weeks count in days
        return [Atom(s, e, kind="dct" if dt == "ago" else "rel", n=n, unit=code, prec="D" if code == "W" else code,
                     evrel=evrel)]
    if k == "relword":
        w, u = g("rw_w").lower(), g("rw_u").lower()
        if u in ("week", "month", "year", "decade", "century") and w in ("next", "following", "previous", "preceding") \
                and _SPAN_BEFORE.search(text, max(0, s - 12), s):
            code, factor, _ = _unit(u)
            return [_duration(s, e, 1, code, factor, False, text)]
        n = 0 if w == "same" else (-1 if w in ("previous", "preceding", "prior") else 1)
        return [_rel_unit(s, e, n, u)]
    if k == "relthat":
        u = g("rt_u").lower()
        if g("rt_w").lower() == "this" and u in ("week", "month", "year"):
            return [Atom(s, e, kind="dct", n=0, unit=u[0].upper(), prec="W" if u == "week" else u[0].upper())]
        return [_rel_unit(s, e, 0, u)]
    if k == "relthe":
        u = (g("rh_u") or g("rh_u2") or g("rh_m") or "").lower()
        if g("rh_d"):
            return [Atom(s, e, kind="rel", n=1 if g("rh_d").lower() == "after" else -1, unit="D", prec="D",
                         evrel=not _CLAUSE_END.match(text, e))]
        if u in ("decade", "century"):
            return [Atom(s, e, kind="rel", n=0, unit="Y", prec="Y")]
        return [_rel_unit(s, e, 0, u)]
    if k == "dctrel":
        w, u = g("dc_w").lower(), g("dc_u").lower()
        n = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(w, 0)
        if u == "weekend":
            u = "week"
        if u in ("decade", "century"):
            return [Atom(s, e, "DURATION", kind="value", value="P10Y" if u == "decade" else "P100Y")] if n else None
        return [Atom(s, e, kind="dct", n=n, unit=u[0].upper(), prec="W" if u == "week" else u[0].upper())]
    if k == "dctword":
        w = g("dw").lower()
        if w == "tonight":
            return [Atom(s, e, "TIME", kind="dct", n=0, unit="D", prec="D", tod="NI")]
        return [Atom(s, e, kind="dct", n=-1 if w == "yesterday" else 1, unit="D", prec="D")]
    if k == "weekday":
        wd = words()["weekdays"][g("wd_w").lower()]
        if g("wd_pl"):
            return [Atom(s, e, "SET", kind="value", value=f"XXXX-WXX-{wd}")]
        dr = (g("wd_dir") or "").lower()
        pod = words()["parts_of_day"].get((g("wd_p") or "").lower())
        return [Atom(s, e, "TIME" if pod else "DATE", kind="weekday", d=wd, tod=pod,
                     n={"last": -1, "past": -1, "next": 1, "coming": 1}.get(dr, 0))]
    if k == "time":
        if g("tm_h2"):
            h, mi, ap = int(g("tm_h2")), 0, g("tm_ap2").lower()
        else:
            h, mi, ap = int(g("tm_h")), int(g("tm_mi")), (g("tm_ap") or "").lower()
            if not ap and re.match(r"[.,:]\d", text[e:e + 2]):
                return None  # "3:07:35", a race time
        if ap.startswith("p") and h < 12:
            h += 12
        if ap.startswith("a") and h == 12:
            h = 0
        return [Atom(s, e, "TIME", kind="tod", tod=f"{h:02d}:{mi:02d}")]
    if k == "pod":
        pw = g("pd_w")
        if pw.lower() in ("dawn", "dusk") and (pw[0].isupper() and s == m.start("pd_w")
                                                 or re.match(r"\s+of\s+(?!\d|the\s+\d)", text[e:e + 9])):
            return None  # "Operation Dawn", "the dawn of a new era"
        code = words()["parts_of_day"][pw.lower()]
        det = re.sub(r"\s+", " ", (g("pd_det") or "").lower())
        if "next" in det:
            return [Atom(s, e, "TIME", kind="rel", n=1, unit="D", prec="D", tod=code)]
        if det in ("one",):
            return [Atom(s, e, "TIME", kind="tod", tod=code, opt=True)]
        return [Atom(s, e, "TIME", kind="tod", tod=code, opt=not det)]
    if k == "set":
        if g("st_w"):
            v = words()["sets"][g("st_w").lower()]
            return [Atom(s, e, "SET", kind="value", value=v)]
        u = (g("st_u") or g("st_u2")).lower()
        if g("st_n"):
            n = _num(g("st_n"))
            code, factor, is_time = _unit(u) if u in words()["_units"] else ("D", 1, False)
            return [Atom(s, e, "SET", kind="value", value=f"P{'T' if is_time else ''}{int(n * factor)}{code}")]
        v = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX",
             "morning": "XXXX-XX-XXTMO", "evening": "XXXX-XX-XXTEV", "night": "XXXX-XX-XXTNI"}.get(u)
        if v is None and u in words()["seasons"]:
            v = f"XXXX-{words()['seasons'][u]}"
        if v is None and u in words()["weekdays"]:
            v = f"XXXX-WXX-{words()['weekdays'][u]}"
        return [Atom(s, e, "SET", kind="value", value=v or "XXXX")]
    if k == "dur":
        nt, ut = g("du_n"), g("du_u")
        if nt.lower() in ("a", "an") and ut.lower() in ("second", "minute"):
            return None
        code, factor, is_time = _unit(ut)
        n = None if (nt.lower() in ("a", "an") and ut.lower().endswith("s")) else _num(nt)
        return [_duration(s, e, n, code, factor, is_time, text)]
    if k == "durvague":
        code, factor, is_time = _unit(g("dv_u"))
        return [_duration(s, e, None, code, factor, is_time, text)]
    if k == "durbare":
        code, factor, is_time = _unit(g("db_u"))
        return [_duration(m.start("db_u"), e, None, code, factor, is_time, text)]
    if k == "y3":
        if _is_count(text, e, s, None):
            return None
        strong = len(g("y3")) == 3 and re.match(r"\s*(?:[,.;)]|$)", text[e:e + 2]) is not None
        nxt = _WORD_AFTER.match(text, e, min(len(text), e + 30))
        word = nxt.group(1).strip(".,;:()") if nxt else ""
        if text[s - 3:s].lower() == "of " or (word[:1].isalpha() and word.lower() not in _FUNCTION_WORDS):
            if not strong:
                return None  # "of 46 nations", "271 triremes": counts, not years
        return [Atom(s, e, y=int(g("y3")), opt=True, n=1 if strong else 0)]
    if k == "ref":
        return [Atom(s, e, kind="value", value=words()["references"][re.sub(r"\s+", " ", g("rf").lower())])]
    if k == "holiday":
        mo, d = words()["holidays"][re.sub(r"\s+", " ", g("ho").lower())]
        y = int(g("ho_y")) if g("ho_y") else None
        pod = {"night": "NI", "morning": "MO"}.get((g("ho_p") or "").lower())
        return [Atom(s, e, "TIME" if pod else "DATE", kind="abs" if y else "partial", y=y, m=mo, d=d, tod=pod)]
    if k == "ordday":
        return [Atom(s, e, kind="partial", d=int(re.match(r"\d+", g("od")).group()))]
    return None


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _day_ok(y: int | None, m: int, d: int) -> bool:
    """A day that exists ("31 Sept." does not; 29 February only in a leap year)."""
    if not 1 <= d <= _MONTH_DAYS[m - 1]:
        return False
    return y is None or valid_day(y, m, d)


def _future(text: str, s: int) -> bool:
    a = max(text.rfind(".", max(0, s - 80), s), text.rfind("\n", max(0, s - 80), s), s - 80, 0)
    return _FUTURE.search(text, a, s) is not None


def _duration(s, e, n, code, factor, is_time, text) -> Atom:
    t = "T" if is_time else ""
    if n is None:
        v = f"P{t}X{code}"
    else:
        n = n * factor
        v = f"P{t}{int(n) if n == int(n) else n}{code}"
    return Atom(s, e, "DURATION", kind="value", value=v)


def _rel_unit(s, e, n, u) -> Atom:
    """"the following year", "that same day", "the next morning"."""
    pod = words()["parts_of_day"].get(u)
    if pod:
        return Atom(s, e, "TIME", kind="rel", n=n, unit="D", prec="D", tod=pod)
    if u in words()["seasons"]:
        return Atom(s, e, kind="relseason", n=n, m=words()["seasons"][u])
    if u in ("decade", "century"):
        f = 10 if u == "decade" else 100
        return Atom(s, e, kind="rel", n=n * f, unit="Y", prec="Y")
    code = {"day": "D", "week": "W", "month": "M", "year": "Y"}[u]
    return Atom(s, e, kind="rel", n=n, unit=code, prec=code)


_last_lower: list = [None, None]


def _lower(text: str) -> str:
    """text.lower(), remembered for the last text (sections of one document
    are scanned one after another)."""
    if len(text) < 4096:
        return text.lower()  # headings and sentences: not worth remembering
    if _last_lower[0] is not text:
        _last_lower[0], _last_lower[1] = text, text.lower()
    return _last_lower[1]


def find_atoms(text: str, pos: int = 0, endpos: int | None = None) -> list[Atom]:
    """Atoms in text[pos:endpos], in order, offsets into `text`."""
    out: list[Atom] = []
    endpos = len(text) if endpos is None else endpos
    low = _lower(text)
    if len(low) == len(text):
        it = master().finditer(low, pos, endpos)
    else:
        it = master_ignorecase().finditer(text, pos, endpos)
    for m in it:
        atoms = _make((m.lastgroup or "")[2:], m, text)
        if atoms:
            out.extend(atoms)
    return out
