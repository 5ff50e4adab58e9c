"""The store's tables, versioned, and the migrations between versions.

`PRAGMA user_version` holds the schema version. Opening a store written by
an earlier version copies it aside (`bilat.db.v1.bak`) and upgrades it in
place, one transaction per step. A store from a newer bilat is refused.
"""
from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

from ..errors import StoreError

VERSION = 5

# Version 1, kept as the starting point of the migrations (and for tests):
# no date spans, no full-text index, no extractor version.
V1_DDL = """
CREATE TABLE articles (
  id INTEGER PRIMARY KEY, title TEXT NOT NULL UNIQUE, path TEXT, format TEXT,
  sha256 TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, pa TEXT NOT NULL, pb TEXT NOT NULL,
  established TEXT, record TEXT NOT NULL, ingested_at TEXT NOT NULL);
CREATE INDEX articles_sha ON articles(sha256);
CREATE INDEX articles_pair ON articles(pa, pb);
CREATE TABLE events (
  rid INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id), seq INTEGER NOT NULL,
  id TEXT NOT NULL, pa TEXT NOT NULL, pb TEXT NOT NULL, date TEXT, type TEXT NOT NULL, mode TEXT,
  context TEXT, cameo TEXT, goldstein REAL, source TEXT, target TEXT, actors TEXT, count INTEGER,
  summary TEXT, fictional INTEGER NOT NULL, response_to TEXT, UNIQUE(article_id, seq));
CREATE TABLE missions (
  rid INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id), seq INTEGER NOT NULL,
  pa TEXT NOT NULL, pb TEXT NOT NULL, sending TEXT, receiving TEXT, kind TEXT, city TEXT, status TEXT,
  lat REAL, lon REAL, UNIQUE(article_id, seq));
CREATE TABLE facts (
  rid INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id), kind TEXT NOT NULL,
  seq INTEGER NOT NULL, pa TEXT NOT NULL, pb TEXT NOT NULL, name TEXT, subject TEXT, object TEXT,
  date TEXT, lat REAL, lon REAL, data TEXT, UNIQUE(article_id, kind, seq));
CREATE TABLE evidence (
  id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id), owner TEXT NOT NULL,
  owner_seq INTEGER NOT NULL, seq INTEGER NOT NULL, text TEXT NOT NULL, start INTEGER, "end" INTEGER,
  section TEXT);
CREATE INDEX evidence_owner ON evidence(article_id, owner, owner_seq);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX missions_article ON missions(article_id);
CREATE INDEX facts_article ON facts(article_id);
"""

# What version 2 adds: the date span of each dated item (for range queries
# and sorting), the extractor version (re-extract when bilat changes), and
# a full-text index over the evidence sentences.
_V2_STEPS = """
ALTER TABLE articles ADD COLUMN established_lo TEXT;
ALTER TABLE articles ADD COLUMN extractor TEXT;
ALTER TABLE events ADD COLUMN date_lo TEXT;
ALTER TABLE events ADD COLUMN date_hi TEXT;
ALTER TABLE facts ADD COLUMN date_lo TEXT;
CREATE INDEX events_pair ON events(pa, pb, date_lo);
CREATE INDEX events_date ON events(date_lo);
CREATE INDEX events_type ON events(type, date_lo);
CREATE INDEX missions_sending ON missions(sending);
CREATE INDEX missions_receiving ON missions(receiving);
CREATE INDEX facts_pair ON facts(pa, pb, kind);
CREATE VIRTUAL TABLE evidence_fts USING fts5(text, content='evidence', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER evidence_ai AFTER INSERT ON evidence BEGIN
  INSERT INTO evidence_fts(rowid, text) VALUES (new.id, new.text); END;
CREATE TRIGGER evidence_ad AFTER DELETE ON evidence BEGIN
  INSERT INTO evidence_fts(evidence_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
"""


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    from ..nlp.edtf_span import span
    _apply(conn, _V2_STEPS)
    conn.execute("INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild')")
    for rid, date in conn.execute("SELECT rid, date FROM events").fetchall():
        conn.execute("UPDATE events SET date_lo = ?, date_hi = ? WHERE rid = ?", (*span(date), rid))
    for rid, date in conn.execute("SELECT rid, date FROM facts WHERE date IS NOT NULL").fetchall():
        conn.execute("UPDATE facts SET date_lo = ? WHERE rid = ?", (span(date)[0], rid))
    for aid, date in conn.execute("SELECT id, established FROM articles").fetchall():
        conn.execute("UPDATE articles SET established_lo = ? WHERE id = ?", (span(date)[0], aid))


# What version 3 adds: the article's text (the plain text that evidence
# offsets point into), so that evidence can be shown in its whole section.
# Articles stored before keep NULL: they are shown as their sentences.
_V3_STEPS = """
ALTER TABLE articles ADD COLUMN text TEXT;
"""


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    _apply(conn, _V3_STEPS)


# What version 4 changes: the writer indexes an article's evidence in one
# statement after inserting it (writer._insert) instead of a trigger per row,
# a third of the time an article takes to store. Deletions keep their trigger.
_V4_STEPS = """
DROP TRIGGER evidence_ai;
"""


def _v3_to_v4(conn: sqlite3.Connection) -> None:
    _apply(conn, _V4_STEPS)


# What version 5 adds: when a mission opened and closed, as the article tells it
# (EDTF). Missions stored before keep NULL until their article is ingested again.
_V5_STEPS = """
ALTER TABLE missions ADD COLUMN opened TEXT;
ALTER TABLE missions ADD COLUMN closed TEXT;
"""


def _v4_to_v5(conn: sqlite3.Connection) -> None:
    _apply(conn, _V5_STEPS)


def _apply(conn: sqlite3.Connection, ddl: str) -> None:
    for stmt in _statements(ddl):
        conn.execute(stmt)


MIGRATIONS = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5}     # from version -> step to the next


def _statements(ddl: str) -> list[str]:
    """Split DDL on statement ends, keeping trigger bodies whole."""
    out, buf = [], []
    for line in ddl.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    if "".join(buf).strip():
        out.append("\n".join(buf))
    return out


def create(conn: sqlite3.Connection, version: int = VERSION) -> None:
    """Create the tables of `version` in an empty database (one transaction)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        _apply(conn, V1_DDL)
        v = 1
        while v < version:
            MIGRATIONS[v](conn)
            v += 1
        conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def version_of(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def prepare(conn: sqlite3.Connection, path: Path, create_if_empty: bool) -> None:
    """Make the database at `path` current: create, or back up and migrate."""
    try:
        v = version_of(conn)
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{path}: not a bilat store ({e})") from None
    if v == 0:
        if tables:
            raise StoreError(f"{path}: an SQLite database, but not a bilat store")
        if not create_if_empty:
            raise StoreError(f"{path}: empty store; run `bilat ingest` first")
        create(conn)
        return
    if v > VERSION:
        raise StoreError(f"{path}: written by a newer bilat (schema {v}; this one reads up to {VERSION})")
    if v < VERSION:
        backup = backup_copy(conn, path, v)
        while v < VERSION:
            conn.execute("BEGIN IMMEDIATE")
            try:
                if version_of(conn) == v:        # another process may have migrated meanwhile
                    MIGRATIONS[v](conn)
                    conn.execute(f"PRAGMA user_version = {v + 1}")
                conn.execute("COMMIT")
            except BaseException as e:
                conn.execute("ROLLBACK")
                raise StoreError(f"{path}: upgrading schema {v} -> {v + 1} failed ({e}); "
                                 f"the store is unchanged, a copy is at {backup}") from None
            v += 1


def backup_copy(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """A consistent copy of the store beside it, before it is upgraded."""
    dest = Path(f"{path}.v{version}.bak")
    if dest.exists():
        dest = Path(f"{path}.v{version}.{int(time.time())}.bak")
    out = sqlite3.connect(dest)
    try:
        conn.backup(out)
    finally:
        out.close()
    return dest


def dumps(x) -> str:
    return json.dumps(x, ensure_ascii=False, separators=(",", ":"))
