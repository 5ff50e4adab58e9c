"""Reading the store: pairs, timelines, events, missions, records.

A View never writes (PRAGMA query_only); with the store in WAL mode it
reads a consistent snapshot while an ingest goes on.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import Iterable, Iterator

from ..nlp.edtf_span import parse_day
from ..errors import SourceError
from ..model import Article, Record
from .connect import connect
from .countries import country_code, country_name
from .rows import EventRow, ListRow, MissionRow, Pair, Rows, SectionText

_EVENT_SQL = """
SELECT e.id, e.date, e.date_lo, e.date_hi, e.type, e.mode, e.context, e.cameo, e.goldstein, e.source,
       e.target, e.actors, e.count, e.summary, e.fictional, e.response_to, e.pa, e.pb, a.title,
       v.text, v.section, v.start, v."end"
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN evidence v ON v.article_id = e.article_id AND v.owner = 'event' AND v.owner_seq = e.seq AND v.seq = 0
"""

_MISSION_SQL = """
SELECT m.sending, m.receiving, m.kind, m.city, m.status, m.lat, m.lon, m.pa, m.pb, a.title, v.text,
       m.opened, m.closed
FROM missions m JOIN articles a ON a.id = m.article_id
LEFT JOIN evidence v ON v.article_id = m.article_id AND v.owner = 'mission' AND v.owner_seq = m.seq AND v.seq = 0
"""

# export tables: name -> SELECT (with the article's title), filterable by pair
TABLES = {
    "events": "SELECT a.title, e.seq, e.id, e.pa, e.pb, e.date, e.date_lo, e.date_hi, e.type, e.mode, e.context,"
              " e.cameo, e.goldstein, e.source, e.target, e.actors, e.count, e.summary, e.fictional,"
              " e.response_to FROM events e JOIN articles a ON a.id = e.article_id",
    "missions": "SELECT a.title, e.seq, e.pa, e.pb, e.sending, e.receiving, e.kind, e.city, e.status, e.opened,"
                " e.closed, e.lat, e.lon"
                " FROM missions e JOIN articles a ON a.id = e.article_id",
    "facts": "SELECT a.title, e.kind, e.seq, e.pa, e.pb, e.name, e.subject, e.object, e.date, e.date_lo, e.lat,"
             " e.lon, e.data FROM facts e JOIN articles a ON a.id = e.article_id",
    "evidence": "SELECT a.title, e.owner, e.owner_seq, e.seq, e.text, e.start, e.\"end\", e.section"
                " FROM evidence e JOIN articles a ON a.id = e.article_id",
}


def _event(r: tuple) -> EventRow:
    return EventRow(
        id=r[0], date=r[1], date_lo=r[2], date_hi=r[3], type=r[4], mode=r[5],
        context=tuple(json.loads(r[6] or "[]")), cameo=r[7], goldstein=r[8], source=r[9], target=r[10],
        actors=tuple(json.loads(r[11] or "[]")), count=r[12], summary=r[13] or "", fictional=bool(r[14]),
        response_to=r[15], pair=(r[16], r[17]), title=r[18], text=r[19] or "", section=r[20] or "",
        start=r[21], end=r[22])


def _mission(r: tuple) -> MissionRow:
    return MissionRow(sending=r[0], receiving=r[1], kind=r[2], city=r[3], status=r[4], lat=r[5], lon=r[6],
                      pair=(r[7], r[8]), title=r[9], text=r[10] or "", opened=r[11], closed=r[12])


def _unique(rows: Iterable, key) -> list:
    """One row per key: an event told by two articles of the same pair is one event."""
    seen, out = set(), []
    for r in rows:
        k = key(r)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def fts_query(words: str) -> str:
    """User words as an FTS5 query: every word must occur (quoted, so no syntax errors)."""
    toks = [w for w in words.split() if w.strip('"')]
    return " ".join('"' + w.replace('"', '""') + '"' for w in toks)


class View:
    """Read-only access to a store; country arguments take names, codes or demonyms."""

    def __init__(self, path: str | os.PathLike):
        self.path = str(path)
        self.conn = connect(path, create=False)
        self.conn.execute("PRAGMA query_only = ON")
        # parsed articles, keyed by (title, sha256, extractor): a page's clicks
        # on evidence read and split the same article once
        self._article = lru_cache(maxsize=32)(self._read_article)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "View":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<bilat store {self.path}>"

    # ---------------------------------------------------------------- basics

    @staticmethod
    def code(country: str) -> str:
        return country_code(country)

    def pair_key(self, a: str, b: str) -> tuple[str, str]:
        ca, cb = country_code(a), country_code(b)
        return (ca, cb) if ca <= cb else (cb, ca)

    def counts(self) -> dict[str, int]:
        q = self.conn.execute
        return {t: q(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "missions", "facts", "evidence")}

    def pairs(self) -> Rows:
        q = self.conn.execute
        arts = q("SELECT pa, pb, count(*), min(established) FROM articles GROUP BY pa, pb ORDER BY pa, pb").fetchall()
        # one pass over the events each (SQLite returns the bare `date` of the min/max row)
        first = {(r[0], r[1]): (r[2], r[3]) for r in q(
            "SELECT pa, pb, count(*), date, min(date_lo) FROM events WHERE fictional = 0 GROUP BY pa, pb")}
        last = {(r[0], r[1]): r[2] for r in q(
            "SELECT pa, pb, date, max(date_lo) FROM events WHERE fictional = 0 AND date_lo IS NOT NULL"
            " GROUP BY pa, pb")}
        missions = {(r[0], r[1]): r[2] for r in q("SELECT pa, pb, count(*) FROM missions GROUP BY pa, pb")}
        out = []
        for pa, pb, n, est in arts:
            n_ev, first_date = first.get((pa, pb), (0, None))
            out.append(Pair(a=pa, b=pb, a_name=country_name(pa), b_name=country_name(pb), articles=n,
                            established=est, events=n_ev, missions=missions.get((pa, pb), 0),
                            first=first_date, last=last.get((pa, pb))))
        return Rows(out)

    # ---------------------------------------------------------------- events

    def timeline(self, a: str, b: str, start: str | None = None, end: str | None = None,
                 types: Iterable[str] | str | None = None, include_fictional: bool = False) -> Rows:
        """The dated events of the pair (either order), oldest first."""
        pa, pb = self.pair_key(a, b)
        where, args = ["e.pa = ?", "e.pb = ?", "e.date_lo IS NOT NULL"], [pa, pb]
        return self._events(where, args, start, end, types, include_fictional, None)

    def events(self, country: str | None = None, type: Iterable[str] | str | None = None,
               since: str | None = None, until: str | None = None, text: str | None = None,
               include_fictional: bool = False, limit: int | None = None) -> Rows:
        """Events of every pair with `country`, of a type, in a period, whose evidence has all `text` words."""
        where: list[str] = []
        args: list = []
        if country:
            c = country_code(country)
            where.append("(e.pa = ? OR e.pb = ?)")
            args += [c, c]
        if text and fts_query(text):
            where.append("(e.article_id, e.seq) IN (SELECT v.article_id, v.owner_seq FROM evidence_fts f"
                         " JOIN evidence v ON v.id = f.rowid WHERE f.text MATCH ? AND v.owner = 'event')")
            args.append(fts_query(text))
        return self._events(where, args, since, until, type, include_fictional, limit)

    def _events(self, where, args, start, end, types, include_fictional, limit) -> Rows:
        where, args = list(where), list(args)
        if start:
            where.append("e.date_hi >= ?")
            args.append(parse_day(start, "--from/--since"))
        if end:
            where.append("e.date_lo <= ?")
            args.append(parse_day(end, "--to/--until", end=True))
        if types:
            ts = [types] if isinstance(types, str) else list(types)
            ts = [t.strip().upper() for x in ts for t in x.split(",") if t.strip()]
            where.append(f"e.type IN ({','.join('?' * len(ts))})")
            args += ts
        if not include_fictional:
            where.append("e.fictional = 0")
        sql = _EVENT_SQL + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY e.date_lo IS NULL, e.date_lo, e.date_hi, e.article_id, e.seq"
        rows = _unique(map(_event, self.conn.execute(sql, args)), lambda r: (r.pair, r.id))
        return Rows(rows[:limit] if limit else rows)

    # ---------------------------------------------------------------- facts

    def missions(self, country: str | None = None, status: str | None = None,
                 pair: tuple[str, str] | None = None) -> Rows:
        where, args = [], []
        if country:
            c = country_code(country)
            where.append("(m.sending = ? OR m.receiving = ?)")
            args += [c, c]
        if pair:
            pa, pb = self.pair_key(*pair)
            where.append("m.pa = ? AND m.pb = ?")
            args += [pa, pb]
        if status:
            where.append("m.status = ?")
            args.append(status)
        sql = _MISSION_SQL + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY m.sending, m.receiving, m.kind, m.city"
        return Rows(_unique(map(_mission, self.conn.execute(sql, args)),
                            lambda m: (m.sending, m.receiving, m.kind, m.city)))

    def lists(self, a: str, b: str) -> Rows:
        pa, pb = self.pair_key(a, b)
        rows = self.conn.execute(
            "SELECT f.name, f.subject, f.object, f.date, a.title, v.text FROM facts f"
            " JOIN articles a ON a.id = f.article_id LEFT JOIN evidence v ON v.article_id = f.article_id"
            " AND v.owner = 'list' AND v.owner_seq = f.seq AND v.seq = 0"
            " WHERE f.kind = 'list' AND f.pa = ? AND f.pb = ? ORDER BY f.date_lo", (pa, pb))
        return Rows(_unique((ListRow(name=r[0], lister=r[1], listed=r[2], since=r[3], title=r[4], text=r[5] or "")
                             for r in rows), lambda x: (x.name, x.lister, x.listed)))

    def established(self, a: str, b: str) -> list[str | None]:
        """The establishment dates the pair's articles give (None: established, date unknown)."""
        pa, pb = self.pair_key(a, b)
        return [r[0] for r in self.conn.execute(
            "SELECT f.date FROM facts f WHERE f.kind = 'established' AND f.pa = ? AND f.pb = ?"
            " ORDER BY f.date_lo IS NULL, f.date_lo", (pa, pb))]

    def asof(self, a: str, b: str, date: str):
        """The state of the relations on `date` (see bilat.analysis.asof)."""
        from ..analysis.asof import asof    # the snapshot is analysis over these queries
        return asof(self, a, b, date)

    # ---------------------------------------------------------------- records

    def records(self, pair: tuple[str, str] | None = None) -> Iterator[Record]:
        sql, args = "SELECT record FROM articles", []
        if pair:
            sql += " WHERE pa = ? AND pb = ?"
            args = list(self.pair_key(*pair))
        for (doc,) in self.conn.execute(sql + " ORDER BY pa, pb, title", args):
            yield Record.from_json(json.loads(doc))

    def record(self, title: str) -> Record | None:
        row = self.conn.execute("SELECT record FROM articles WHERE title = ?", (title,)).fetchone()
        return Record.from_json(json.loads(row[0])) if row else None

    def section_text(self, title: str, start: int, end: int | None = None) -> SectionText | None:
        """The innermost section of article `title` holding the evidence at
        `start`..`end` (offsets into the article's text): its own text (without
        its subsections) and the evidence's place in that text. None when the
        store has no text for the article (stored before schema 3, or put
        without one) or the offsets lie outside its sections."""
        row = self.conn.execute("SELECT sha256, extractor FROM articles WHERE title = ? AND text IS NOT NULL",
                                (title,)).fetchone()
        if row is None:
            return None
        art = self._article(title, row[0], row[1])
        end = start if end is None else end
        if art is None or not 0 <= start <= end <= len(art.text):
            return None
        sec = art.section_at(start)
        if sec is None:
            return None
        # the section's own text: up to the heading of its first subsection
        stop = min((x.start for x in art.sections if x.level > sec.level and sec.start < x.start <= sec.end),
                   default=None)
        stop = sec.end if stop is None else max(art.text.rfind("\n", sec.start, stop - 1) + 1, sec.start)
        raw = art.text[sec.start:stop].rstrip()
        # blank lines around the section's text go (not past the evidence's start)
        offset = sec.start + min(len(raw) - len(raw.lstrip()), start - sec.start)
        text = art.text[offset:sec.start + len(raw)]
        if end > offset + len(text):            # evidence running past its section: not a span of it
            return None
        return SectionText(title=title, section=sec.label, text=text, offset=offset,
                           start=start - offset, end=end - offset)

    def _read_article(self, title: str, sha256: str, extractor: str | None) -> Article | None:
        """The stored text of `title` split into its sections again. The text is
        the plain-text layout for both formats (wikitext is stored as the plain
        text derived from it), so the plain-text reader gives the same sections."""
        from ..sources import read_text     # the readers, only when a page asks
        row = self.conn.execute("SELECT text FROM articles WHERE title = ? AND sha256 = ?",
                                (title, sha256)).fetchone()
        if row is None or not row[0]:
            return None
        try:
            return read_text(row[0], where=title, fmt="plaintext")
        except SourceError:
            return None

    def table(self, name: str, pair: tuple[str, str] | None = None) -> tuple[list[str], Iterator[tuple]]:
        """(column names, rows) of an export table: events, missions, facts, evidence."""
        sql, args = TABLES[name], []
        if pair:
            if name == "evidence":
                sql += " WHERE a.pa = ? AND a.pb = ?"
            else:
                sql += " WHERE e.pa = ? AND e.pb = ?"
            args = list(self.pair_key(*pair))
        cur = self.conn.execute(sql + " ORDER BY e.rowid" if name != "evidence" else sql + " ORDER BY e.id", args)
        return [d[0] for d in cur.description], iter(cur)
