"""One pair's page data: its records merged into events with date spans,
map points, header facts and the evidence sentences of each section."""
from __future__ import annotations

import math
from functools import lru_cache
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

from ..analysis.series import goldstein_by_year
from ..nlp.edtf_span import span
from ..model import Record
from .queries import PLOVER_TYPES, country_name, iso_numeric


def build_page(key: tuple[str, str], records: list[Record]) -> dict:
    """Merge the records of one pair into the data of its page."""
    records.sort(key=lambda r: (-len(r.events), r.source.get("title") or ""))
    a, b = key
    main = records[0]

    events, seen = [], set()
    for rec in records:
        title = rec.source.get("title") or ""
        for e in rec.events:
            if e.id in seen:
                continue
            seen.add(e.id)
            lo, hi = span(e.date)
            events.append({
                "id": e.id, "date": e.date, "lo": lo, "hi": hi, "type": e.type, "mode": e.mode,
                "context": list(e.context), "cameo": e.cameo, "goldstein": e.goldstein,
                "source": e.source, "target": e.target, "actors": list(e.actors), "count": e.count,
                "summary": e.summary, "fictional": e.fictional, "response_to": e.response_to,
                "article": title, "evidence": [_ev(x) for x in e.evidence]})
    events.sort(key=lambda e: (e["lo"] is None, e["lo"] or "", e["hi"] or ""))
    series = goldstein_by_year(SimpleNamespace(date_lo=e["lo"], fictional=e["fictional"],
                                               goldstein=e["goldstein"]) for e in events)

    def place(name: str | None, country: str | None):
        """Coordinates of a named place in the pair's countries (never elsewhere:
        a guess outside them would put a point in the wrong country)."""
        if not name:
            return None
        p = _place(name, country)
        return (p.lat, p.lon) if p and p.country in (country or a, country or b) else None

    missions, mkeys = [], set()
    for rec in records:
        for m in rec.missions:
            k = (m.sending, m.receiving, m.kind, m.city)
            if k in mkeys:
                continue
            mkeys.add(k)
            lat, lon = m.lat, m.lon
            if lat is None or lon is None:
                lat, lon = place(m.city, m.receiving) or (None, None)
            missions.append({"sending": m.sending, "receiving": m.receiving, "kind": m.kind, "city": m.city,
                             "status": m.status, "opened": m.opened, "closed": m.closed, "lat": lat, "lon": lon,
                             "evidence": [_ev(x) for x in m.evidence]})

    sites = []
    for rec in records:
        for s in rec.sites:
            lat, lon = s.lat, s.lon
            if lat is None or lon is None:
                lat, lon = place(s.place, s.country) or (None, None)
            sites.append({"name": s.name, "kind": s.kind, "place": s.place, "country": s.country,
                          "lat": lat, "lon": lon, "evidence": [_ev(x) for x in s.evidence]})

    border = next((r.border for r in records if r.border), None)
    crossings = []
    if border:
        for c in border.crossings:
            pt = _crossing_point([_place(part.strip(), code) for part in _split_crossing(c) for code in (a, b)],
                                 (a, b))
            crossings.append({"name": c, "lat": pt[0] if pt else None, "lon": pt[1] if pt else None})

    established = next((r.established for r in records if r.established and r.established.date), None) \
        or next((r.established for r in records if r.established), None)
    lists = [{"name": x.name, "lister": x.lister, "listed": x.listed, "since": x.since,
              "evidence": [_ev(e) for e in x.evidence]} for r in records for x in r.lists]
    people = [{"name": p.name, "nationality": p.nationality, "role": p.role,
               "evidence": [_ev(e) for e in p.evidence]} for r in records for p in r.people]

    num = iso_numeric()
    return {
        "a": a, "b": b, "a_name": country_name(a), "b_name": country_name(b),
        "a_numeric": num.get(a, ""), "b_numeric": num.get(b, ""),
        "title": main.source.get("title") or f"{country_name(a)}–{country_name(b)} relations",
        "articles": [{"title": r.source.get("title"), "path": r.source.get("path"),
                      "format": r.source.get("format"), "url": wiki_url(r.source.get("title"))}
                     for r in records],
        "established": ({"date": established.date, "evidence": [_ev(e) for e in established.evidence]}
                        if established else None),
        "border": ({"length_km": border.length_km, "crossings": crossings,
                    "evidence": [_ev(e) for e in border.evidence]} if border else None),
        "missions": missions, "sites": sites, "lists": lists, "people": people,
        "events": events, "types": [t for t in PLOVER_TYPES if any(e["type"] == t for e in events)],
        "series": series,
        "sections": {r.source.get("title") or "": _sections(r) for r in records},
        "_records": records,
    }


def _ev(e) -> dict:
    return {"text": e.text, "start": e.start, "end": e.end, "section": e.section}


@lru_cache(maxsize=4096)
def _place(name: str, country: str | None):
    """The gazetteer's place (a look-up scans its table: remembered)."""
    from ..nlp.gazetteer import gazetteer
    return gazetteer().place(name, country)


def _crossing_point(places, pair) -> tuple[float, float] | None:
    """Where a crossing named after places on either side lies: between the
    two nearest namesakes in the pair's countries; else the smallest one
    (a crossing is named after small places; a far city of the same name is
    a mismatch)."""
    found = [p for p in places if p is not None and p.country in pair]
    best = None
    for i, p in enumerate(found):
        for q in found[i + 1:]:
            d = math.dist((p.lat, p.lon * math.cos(math.radians(p.lat))), (q.lat, q.lon * math.cos(math.radians(q.lat))))
            if p.name != q.name and d < 1.0 and (best is None or d < best[0]):      # under ~110 km
                best = (d, ((p.lat + q.lat) / 2, (p.lon + q.lon) / 2))
    if best:
        return best[1]
    if found:
        p = min(found, key=lambda p: p.population)
        return (p.lat, p.lon)
    return None


def _split_crossing(name: str) -> list[str]:
    for dash in ("–", "—", "/", " - ", "-"):
        if dash in name:
            return name.split(dash)
    return [name]


def _sections(rec: Record) -> dict[str, list[list[Any]]]:
    """Section label -> its evidence sentences [start, end, text], in text order.

    What the page shows of a section until its whole text comes from
    /api/pairs/{a}/{b}/events/{id}/evidence, and all it can show for an
    article stored without its text (before schema 3)."""
    out: dict[str, dict[tuple[int, int], str]] = {}

    def add(items) -> None:
        for e in items:
            out.setdefault(e.section or "", {})[(e.start, e.end)] = e.text

    if rec.established:
        add(rec.established.evidence)
    if rec.border:
        add(rec.border.evidence)
    for group in (rec.missions, rec.lists, rec.people, rec.sites, rec.events):
        for x in group:
            add(x.evidence)
    return {sec: [[s, e, t] for (s, e), t in sorted(d.items(), key=lambda kv: (kv[0][0] or 0))]
            for sec, d in out.items()}


def wiki_url(title: str | None) -> str | None:
    """The article's address on the English Wikipedia (a link, never loaded)."""
    if not title:
        return None
    return "https://en.wikipedia.org/wiki/" + quote(title.replace(" ", "_"), safe="")
