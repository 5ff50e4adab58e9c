"""Writing records: one article, one transaction.

An article's identity is its title. Putting a record whose source text
(sha256) and extractor version are those already stored changes nothing;
any other record replaces the article's previous one, all in one
transaction, so a killed process leaves either the old or the new record.
The article's text (the plain text evidence offsets point into) is stored
with it when given, so that evidence can be shown inside its section.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone

from .. import __version__
from ..nlp.edtf_span import span
from ..errors import StoreError
from ..model import Record
from .connect import connect
from .schema import dumps

ADDED, REPLACED, UNCHANGED = "added", "replaced", "unchanged"


class Writer:
    """The one writer of a store (SQLite allows one at a time; others wait)."""

    def __init__(self, path: str | os.PathLike, extractor: str = __version__):
        self.path = str(path)
        self.extractor = extractor
        self.conn = connect(path, create=True)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Writer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def known(self, sha256: str) -> bool:
        """True when an article with this source text is stored, with its text, by
        this extractor version: its record would come out the same, so extraction
        can be skipped. (An article stored before texts were kept is extracted
        once more, to store its text.)"""
        row = self.conn.execute("SELECT 1 FROM articles WHERE sha256 = ? AND extractor = ?"
                                " AND text IS NOT NULL LIMIT 1", (sha256, self.extractor)).fetchone()
        return row is not None

    def put(self, rec: "Record | Prepared", text: str | None = None) -> str:
        """Store a record: ADDED, REPLACED (same title, other content) or UNCHANGED.
        `text` is the article's text (`Article.text`), which the evidence offsets
        point into. A Prepared record (see `prepare`, done in a worker) is only
        written, with the text it carries."""
        p = rec if isinstance(rec, Prepared) else prepare(rec, self.extractor, text)
        c = self.conn
        try:
            c.execute("BEGIN IMMEDIATE")
            try:
                row = c.execute("SELECT id, sha256, extractor, text IS NULL FROM articles WHERE title = ?",
                                (p.title,)).fetchone()
                if row and row[1] == p.sha256 and row[2] == p.extractor:
                    if row[3] and p.text is not None:       # stored before texts were kept
                        c.execute("UPDATE articles SET text = ? WHERE id = ?", (p.text, row[0]))
                    c.execute("COMMIT")
                    return UNCHANGED
                if row:
                    _delete(c, row[0])
                _insert(c, p)
                c.execute("COMMIT")
            except BaseException:
                c.execute("ROLLBACK")
                raise
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot store {p.title!r} ({e})") from None
        return REPLACED if row else ADDED

    def delete(self, title: str) -> bool:
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            row = c.execute("SELECT id FROM articles WHERE title = ?", (title,)).fetchone()
            if row:
                _delete(c, row[0])
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        return row is not None


def _delete(c: sqlite3.Connection, aid: int) -> None:
    for table in ("evidence", "events", "missions", "facts"):
        c.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
    c.execute("DELETE FROM articles WHERE id = ?", (aid,))


@dataclass(frozen=True)
class Prepared:
    """A record as the rows it becomes (article id left out): made by `prepare`
    in a worker process, so that the one writer only runs the inserts."""
    title: str
    sha256: str
    extractor: str
    article: tuple
    events: tuple
    missions: tuple
    facts: tuple
    evidence: tuple
    n_events: int
    n_missions: int
    text: str | None = None      # the article's text, which evidence offsets point into


def prepare(rec: Record, extractor: str = __version__, text: str | None = None) -> Prepared:
    src = rec.source or {}
    title = src.get("title")
    if not title:
        raise StoreError("a record without source.title cannot be stored")
    a, b = rec.pair
    pa, pb = sorted((a, b))
    est = rec.established.date if rec.established else None
    article = (title, src.get("path"), src.get("format"), src.get("sha256") or "", a, b, pa, pb, est,
               span(est)[0], dumps(rec.to_json()), extractor,
               datetime.now(timezone.utc).isoformat(timespec="seconds"), text)
    evidence: list[tuple] = []

    def ev(owner: str, seq: int, items) -> None:
        for k, e in enumerate(items):
            evidence.append((owner, seq, k, e.text, e.start, e.end, e.section))

    events = tuple(
        (i, e.id, pa, pb, e.date, *span(e.date), e.type, e.mode, dumps(list(e.context)), e.cameo, e.goldstein,
         e.source, e.target, dumps(list(e.actors)), e.count, e.summary, int(bool(e.fictional)), e.response_to)
        for i, e in enumerate(rec.events))
    for i, e in enumerate(rec.events):
        ev("event", i, e.evidence)
    missions = tuple((i, pa, pb, m.sending, m.receiving, m.kind, m.city, m.status, m.lat, m.lon, m.opened, m.closed)
                     for i, m in enumerate(rec.missions))
    for i, m in enumerate(rec.missions):
        ev("mission", i, m.evidence)
    facts: list[tuple] = []

    def fact(kind, seq, name=None, subject=None, obj=None, date=None, lat=None, lon=None, data=None):
        facts.append((kind, seq, pa, pb, name, subject, obj, date, span(date)[0], lat, lon,
                      dumps(data) if data is not None else None))

    if rec.established:
        fact("established", 0, "diplomatic relations", a, b, rec.established.date)
        ev("established", 0, rec.established.evidence)
    if rec.border:
        fact("border", 0, "border", a, b, data={"length_km": rec.border.length_km,
                                                "crossings": list(rec.border.crossings)})
        ev("border", 0, rec.border.evidence)
    for i, m in enumerate(rec.lists):
        fact("list", i, m.name, m.lister, m.listed, m.since)
        ev("list", i, m.evidence)
    for i, p in enumerate(rec.people):
        fact("person", i, p.name, p.nationality, p.role)
        ev("person", i, p.evidence)
    for i, s in enumerate(rec.sites):
        fact("site", i, s.name, s.country, s.place, lat=s.lat, lon=s.lon, data={"kind": s.kind})
        ev("site", i, s.evidence)
    return Prepared(title=title, sha256=src.get("sha256") or "", extractor=extractor, article=article,
                    events=events, missions=missions, facts=tuple(facts), evidence=tuple(evidence),
                    n_events=len(rec.events), n_missions=len(rec.missions), text=text)


def _insert(c: sqlite3.Connection, p: Prepared) -> None:
    cur = c.execute(
        "INSERT INTO articles (title, path, format, sha256, a, b, pa, pb, established, established_lo,"
        " record, extractor, ingested_at, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", p.article)
    aid = cur.lastrowid
    c.executemany(
        "INSERT INTO events (article_id, seq, id, pa, pb, date, date_lo, date_hi, type, mode, context, cameo,"
        " goldstein, source, target, actors, count, summary, fictional, response_to)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", [(aid, *r) for r in p.events])
    c.executemany(
        "INSERT INTO missions (article_id, seq, pa, pb, sending, receiving, kind, city, status, lat, lon,"
        " opened, closed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", [(aid, *r) for r in p.missions])
    c.executemany(
        "INSERT INTO facts (article_id, kind, seq, pa, pb, name, subject, object, date, date_lo, lat, lon, data)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", [(aid, *r) for r in p.facts])
    c.executemany(
        'INSERT INTO evidence (article_id, owner, owner_seq, seq, text, start, "end", section)'
        " VALUES (?,?,?,?,?,?,?,?)", [(aid, *r) for r in p.evidence])
    # the full-text index, in one statement (schema 4; a trigger per row was slower)
    c.execute("INSERT INTO evidence_fts (rowid, text) SELECT id, text FROM evidence WHERE article_id = ?", (aid,))
