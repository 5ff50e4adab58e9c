"""What the API and the web pages read, over the store's read-only View.

The View answers timelines, events and as-of questions; this module adds
what the explorer needs on top: a fast pairs summary, a record read
straight from its stored JSON, one pair's page data (pagedata.py), a
search over pairs and evidence, parameter checks, and caches keyed on the
store's `PRAGMA data_version`, so an ingest that runs meanwhile is seen on
the next request.
"""
from __future__ import annotations

import calendar
import json
import os
import re
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

from ..errors import BilatError
from ..store.view import View

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


class BadParameter(BilatError):
    """A request parameter that cannot be used (HTTP 400)."""


class NotFound(BilatError):
    """Nothing in the store under that name (HTTP 404)."""
    code = "unknown_pair"


class UnknownEvent(NotFound):
    code = "unknown_event"


@lru_cache(maxsize=1)
def iso_numeric() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> numeric, the ids of the world-atlas features."""
    out = {}
    path = Path(__file__).resolve().parents[1] / "web" / "iso_numeric.tsv"
    for line in path.read_text(encoding="utf-8").splitlines()[3:]:
        iso3, _, num = line.partition("\t")
        out[iso3] = num
    return out


def country_name(code: str | None) -> str:
    from ..store.countries import country_name as name
    return name(code)


class Explorer:
    """One store, read-only, for one server process (used from its event loop)."""

    def __init__(self, db_path: str | os.PathLike):
        self.view = View(db_path)
        self.path = self.view.path
        self._stamp: int | None = None
        self._pairs: list[dict] | None = None
        self._pages: OrderedDict[tuple[str, str], dict] = OrderedDict()
        self.rendered: dict = {}         # responses built once per store state (see web.pages, api.routes)

    def close(self) -> None:
        self.view.close()

    # ------------------------------------------------------------ caching

    def _fresh(self) -> None:
        """Drop the caches when another connection has written the store."""
        stamp = self.view.conn.execute("PRAGMA data_version").fetchone()[0]
        if stamp != self._stamp:
            self._stamp, self._pairs = stamp, None
            self._pages.clear()
            self.rendered.clear()

    # ------------------------------------------------------------ pairs

    def pairs(self) -> list[dict]:
        """The fields of View.pairs(), by grouped scans: View.pairs() runs
        correlated subqueries per pair, which take many seconds on a store
        of thousands of pairs; this takes a fraction of one."""
        self._fresh()
        if self._pairs is None:
            self._pairs = pairs_summary(self.view.conn)
        return self._pairs

    def pair_key(self, a: str, b: str) -> tuple[str, str]:
        try:
            pa, pb = self.view.pair_key(a, b)
        except BilatError as e:
            raise BadParameter(str(e)) from None
        if pa == pb:
            raise BadParameter(f"a pair needs two different countries, got {a!r} and {b!r}")
        return pa, pb

    def cached(self, key, make):
        """`make()` once per store state; `key` names the response."""
        self._fresh()
        value = self.rendered.get(key)
        if value is None:
            value = self.rendered[key] = make()
            if len(self.rendered) > 512:
                self.rendered.pop(next(iter(self.rendered)))
        return value

    def pair(self, a: str, b: str) -> dict:
        """Everything the pair page shows, from the pair's records (cached)."""
        key = self.pair_key(a, b)
        self._fresh()
        page = self._pages.get(key)
        if page is None:
            records = list(self.view.records(key))
            if not records:
                raise NotFound(f"no article about {country_name(key[0])} and "
                               f"{country_name(key[1])} in the store")
            from .pagedata import build_page
            page = build_page(key, records)
            self._pages[key] = page
            while len(self._pages) > 256:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(key)
        return page

    def record(self, a: str, b: str, title: str | None = None) -> dict:
        """The bilat.record/1 of the pair: its main article's (the one with
        most events, as on the pair page), plus `articles`, the titles of
        all its articles. Read straight from the stored JSON: no page built."""
        key = self.pair_key(a, b)
        rows = self.view.conn.execute(
            "SELECT a.title, a.record FROM articles a WHERE a.pa = ? AND a.pb = ? ORDER BY"
            " (SELECT count(*) FROM events e WHERE e.article_id = a.id) DESC, a.title", key).fetchall()
        if not rows:
            raise NotFound(f"no article about {country_name(key[0])} and {country_name(key[1])} in the store")
        chosen = rows[0] if title is None else next((r for r in rows if r[0] == title), None)
        if chosen is None:
            raise NotFound(f"no article titled {title!r} for this pair")
        return {**json.loads(chosen[1]), "articles": [r[0] for r in rows]}

    def asof(self, a: str, b: str, date: str) -> dict:
        check_day(date, "date")
        self.pair(a, b)                      # 404 for a pair without data
        try:
            return self.view.asof(a, b, date).to_json()
        except BilatError as e:
            raise BadParameter(str(e)) from None

    def evidence(self, a: str, b: str, event_id: str, title: str | None = None) -> dict:
        """An event's evidence, each sentence with the whole section it stands
        in (`context`: section label, its text and the sentence's offsets in
        that text), read from the article's stored text. `context` is None for
        an article stored without its text: the page then shows the sentences.
        Without `title`, the article the pair page takes the event from."""
        key = self.pair_key(a, b)
        rows = self.view.conn.execute(
            "SELECT a.id, a.title, a.path, e.seq FROM events e JOIN articles a ON a.id = e.article_id"
            " WHERE e.pa = ? AND e.pb = ? AND e.id = ? ORDER BY"
            " (SELECT count(*) FROM events x WHERE x.article_id = a.id) DESC, a.title", (*key, event_id)).fetchall()
        if not rows:
            self.pair(a, b)                  # 404 for a pair without data first
            raise UnknownEvent(f"no event {event_id!r} for {country_name(key[0])} and {country_name(key[1])}")
        chosen = rows[0] if title is None else next((r for r in rows if r[1] == title), None)
        if chosen is None:
            raise UnknownEvent(f"no event {event_id!r} in the article titled {title!r}")
        aid, art_title, path, seq = chosen
        items = []
        for text, start, end, section in self.view.conn.execute(
                'SELECT text, start, "end", section FROM evidence WHERE article_id = ? AND owner = \'event\''
                " AND owner_seq = ? ORDER BY seq", (aid, seq)):
            ctx = None
            if start is not None:
                sec = self.view.section_text(art_title, start, end)
                # the stored text must hold the sentence where its offsets say
                if sec is not None and sec.text[sec.start:sec.end] == text:
                    ctx = {"section": sec.section, "text": sec.text, "start": sec.start, "end": sec.end,
                           "offset": sec.offset}
            items.append({"text": text, "start": start, "end": end, "section": section, "context": ctx})
        from .pagedata import wiki_url
        return {"event": event_id, "pair": list(key), "article": art_title, "path": path,
                "url": wiki_url(art_title), "evidence": items}

    # ------------------------------------------------------------ events

    def events(self, country: str | None = None, type: str | None = None, since: str | None = None,
               until: str | None = None, q: str | None = None, fictional: bool = False,
               limit: int = 500) -> list[dict]:
        types = None
        if type:
            types = [t.strip().upper() for t in type.split(",") if t.strip()]
            bad = [t for t in types if t not in PLOVER_TYPES]
            if bad:
                raise BadParameter(f"type: unknown PLOVER type {', '.join(bad)}; "
                                   f"expected one of {', '.join(PLOVER_TYPES)}")
        for name, value in (("since", since), ("until", until)):
            if value:
                check_day(value, name)
        try:
            rows = self.view.events(country=country or None, type=types, since=since or None,
                                    until=until or None, text=q or None, include_fictional=fictional,
                                    limit=limit)
        except BilatError as e:
            raise BadParameter(str(e)) from None
        return [event_row_json(r) for r in rows]

    def search(self, q: str, limit: int = 50) -> dict:
        """Pairs whose country names or codes contain the words, and events
        whose evidence has all of them."""
        words = q.lower().split()
        pairs = []
        for p in self.pairs():
            hay = " ".join((p["a"], p["b"], p["a_name"], p["b_name"])).lower()
            if all(w in hay for w in words):
                pairs.append(p)
        events = self.events(q=q, limit=limit) if words else []
        return {"query": q, "pairs": pairs[:limit], "events": events}


_DAY = re.compile(r"(-?)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def check_day(text: str, name: str) -> None:
    """A date parameter: YYYY, YYYY-MM or YYYY-MM-DD, a real calendar day."""
    m = _DAY.fullmatch(text.strip())
    ok = m is not None
    if m and m.group(3):
        month = int(m.group(3))
        ok = 1 <= month <= 12
        if ok and m.group(4):
            year = int(m.group(2)) or 2000          # year 0: check as a leap year
            ok = 1 <= int(m.group(4)) <= calendar.monthrange(year, month)[1]
    if not ok:
        raise BadParameter(f"{name}: {text!r} is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD")


def pairs_summary(conn) -> list[dict]:
    q = conn.execute
    events = {(a, b): n for a, b, n in q(
        "SELECT pa, pb, count(*) FROM events WHERE fictional = 0 GROUP BY pa, pb")}
    # SQLite takes a bare column from the row that holds the min() / max()
    first = {(a, b): d for a, b, _, d in q(
        "SELECT pa, pb, min(date_lo), date FROM events WHERE fictional = 0 AND date_lo IS NOT NULL"
        " GROUP BY pa, pb")}
    last = {(a, b): d for a, b, _, d in q(
        "SELECT pa, pb, max(date_lo), date FROM events WHERE fictional = 0 AND date_lo IS NOT NULL"
        " GROUP BY pa, pb")}
    missions = {(a, b): n for a, b, n in q("SELECT pa, pb, count(*) FROM missions GROUP BY pa, pb")}
    out = []
    for a, b, n, est in q("SELECT pa, pb, count(*), min(established) FROM articles GROUP BY pa, pb"
                          " ORDER BY pa, pb"):
        k = (a, b)
        out.append({"a": a, "b": b, "a_name": country_name(a), "b_name": country_name(b), "articles": n,
                    "events": events.get(k, 0), "missions": missions.get(k, 0), "established": est,
                    "first": first.get(k), "last": last.get(k)})
    return out


def event_row_json(r) -> dict:
    d = r.to_json()
    d["pair"] = list(r.pair)
    return d
