"""Versioned schema: an earlier store opens (upgraded after a backup); others are refused clearly."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest

from bilat import __version__
from bilat.errors import StoreError
from bilat.model import Established, Event, Evidence, Mission, Record
from bilat.store import open_store, schema
from bilat.store.writer import Writer

REC = Record(
    source={"title": "Chile–Peru relations", "path": "chile-peru.txt", "format": "plaintext", "sha256": "f" * 64},
    pair=("CHL", "PER"),
    established=Established("1839-05-12", (Evidence("Relations were established in 1839.", 0, 35, "Lead"),)),
    events=(Event("ev-1", "1990-03", "SANCTION", mode="expel", source="CHL", target="PER", count=2,
                  summary="Chile expels 2 diplomats", evidence=(Evidence("Chile expelled two diplomats.", 40, 69,
                                                                         "History"),)),
            Event("ev-2", "1537/1814", "COOPERATE", summary="a long period")))


def v1_store(path):
    """A store as version 1 of bilat wrote it (its DDL, its rows)."""
    con = sqlite3.connect(path)
    con.executescript(schema.V1_DDL)
    con.execute("INSERT INTO articles (id, title, path, format, sha256, a, b, pa, pb, established, record, "
                "ingested_at) VALUES (1, ?, ?, 'plaintext', ?, 'CHL', 'PER', 'CHL', 'PER', '1839-05-12', ?, "
                "'2026-01-01T00:00:00+00:00')",
                (REC.source["title"], REC.source["path"], REC.source["sha256"], json.dumps(REC.to_json())))
    con.execute("INSERT INTO facts (article_id, kind, seq, pa, pb, name, subject, object, date) "
                "VALUES (1, 'established', 0, 'CHL', 'PER', 'diplomatic relations', 'CHL', 'PER', '1839-05-12')")
    for i, e in enumerate(REC.events):
        con.execute("INSERT INTO events (article_id, seq, id, pa, pb, date, type, mode, context, source, target,"
                    " actors, count, summary, fictional) VALUES (1, ?, ?, 'CHL', 'PER', ?, ?, ?, '[]', ?, ?, '[]',"
                    " ?, ?, 0)", (i, e.id, e.date, e.type, e.mode, e.source, e.target, e.count, e.summary))
        for k, v in enumerate(e.evidence):
            con.execute('INSERT INTO evidence (article_id, owner, owner_seq, seq, text, start, "end", section)'
                        " VALUES (1, 'event', ?, ?, ?, ?, ?, ?)", (i, k, v.text, v.start, v.end, v.section))
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()


def test_a_version_1_store_is_backed_up_and_upgraded_in_place(tmp_path):
    db = tmp_path / "old.db"
    v1_store(db)
    with open_store(db) as kb:
        assert kb.conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
        tl = kb.timeline("Chile", "Peru")
        assert [e.date for e in tl] == ["1537/1814", "1990-03"]
        assert tl[1].date_lo == "1990-03-01" and tl[1].date_hi == "1990-03-31"
        assert [e.id for e in kb.events(text="expelled")] == ["ev-1"]        # the new full-text index
        assert kb.asof("Chile", "Peru", "1900").established is True
        assert kb.record("Chile–Peru relations") == REC
        # no text kept then: evidence is shown as its sentence only
        assert kb.conn.execute("SELECT text FROM articles").fetchall() == [(None,)]
        assert kb.section_text("Chile–Peru relations", 40, 69) is None
    backup = tmp_path / "old.db.v1.bak"
    assert backup.exists()
    con = sqlite3.connect(backup)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 2
    con.close()
    # opening again changes nothing more; the upgraded store takes new records
    with open_store(db):
        pass
    assert not (tmp_path / "old.db.v2.bak").exists()
    with Writer(db) as w:
        assert w.put(REC) == "replaced"         # written by an older extractor: extracted anew


# An article text in which REC's evidence sits where its offsets say.
TEXT = ("= Chile–Peru relations =\n\nChile and Peru are neighbours. Relations were established in 1839.\n\n"
        "== History ==\nTalks failed in 1989. Chile expelled two diplomats. Peru protested.\n\n"
        "=== Later ===\nTrade grew.\n")


def rec_in(text: str) -> Record:
    """REC with its evidence offsets pointing into `text`."""
    def at(e: Evidence, section: str) -> Evidence:
        i = text.index(e.text)
        return Evidence(e.text, i, i + len(e.text), section)
    ev1 = REC.events[0]
    return replace(REC, established=replace(REC.established, evidence=(at(REC.established.evidence[0], "Lead"),)),
                   events=(replace(ev1, evidence=(at(ev1.evidence[0], "History"),)), REC.events[1]))


def v2_store(path, extractor: str):
    """A store as version 2 of bilat wrote it: version 1 upgraded, no article texts."""
    v1_store(path)
    con = sqlite3.connect(path, isolation_level=None)
    schema.MIGRATIONS[1](con)
    con.execute("UPDATE articles SET extractor = ?", (extractor,))
    con.execute("PRAGMA user_version = 2")
    con.close()


def test_a_version_2_store_is_backed_up_and_gets_texts(tmp_path):
    db = tmp_path / "v2.db"
    v2_store(db, __version__)
    with open_store(db) as kb:
        assert kb.conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
        assert kb.record("Chile–Peru relations") == REC
        assert [e.id for e in kb.events(text="expelled")] == ["ev-1"]
        assert kb.section_text("Chile–Peru relations", 40, 69) is None     # no text: the old behaviour
    con = sqlite3.connect(tmp_path / "v2.db.v2.bak")
    assert con.execute("PRAGMA user_version").fetchone()[0] == 2
    assert "text" not in [c[1] for c in con.execute("PRAGMA table_info(articles)")]
    con.close()
    rec = rec_in(TEXT)
    with Writer(db) as w:
        assert not w.known(REC.source["sha256"])     # stored without its text: extract once more
        # same source text and extractor: the record stays, its text is added
        assert w.put(REC, text=TEXT) == "unchanged"
        assert w.known(REC.source["sha256"])
        assert w.put(rec, text=TEXT) == "unchanged"
    with open_store(db) as kb:
        assert kb.conn.execute("SELECT text FROM articles").fetchall() == [(TEXT,)]
        e = rec.events[0].evidence[0]
        sec = kb.section_text("Chile–Peru relations", e.start, e.end)
        assert sec.section == "History"
        assert sec.text == "Talks failed in 1989. Chile expelled two diplomats. Peru protested."
        assert sec.text[sec.start:sec.end] == "Chile expelled two diplomats."
        assert TEXT[sec.offset:sec.offset + len(sec.text)] == sec.text


def fts_rows(db) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH 'expelled'").fetchone()[0]
    finally:
        con.close()


def test_a_version_3_store_indexes_new_evidence_once(tmp_path):
    """Schema 4 drops the per-row index trigger for the writer's own statement:
    an upgraded store must not index new evidence twice, nor keep deleted rows."""
    db = tmp_path / "v3.db"
    v2_store(db, "0.0.0")
    con = sqlite3.connect(db, isolation_level=None)
    schema.MIGRATIONS[2](con)
    con.execute("PRAGMA user_version = 3")
    con.close()
    assert fts_rows(db) == 1
    with Writer(db) as w:
        assert w.put(rec_in(TEXT), text=TEXT) == "replaced"     # old rows out of the index, new ones in once
        assert w.put(replace(REC, source={**REC.source, "title": "Peru–Chile relations", "sha256": "e" * 64})) \
            == "added"
    assert fts_rows(db) == 2
    with open_store(db) as kb:
        assert kb.conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
        assert [e.id for e in kb.events(text="expelled")] == ["ev-1"]     # one event, told by both
    with Writer(db) as w:
        assert w.delete("Peru–Chile relations")
    assert fts_rows(db) == 1


def test_section_text_is_the_innermost_section(tmp_path):
    db = tmp_path / "s.db"
    with Writer(db) as w:
        assert w.put(rec_in(TEXT), text=TEXT) == "added"
    title = REC.source["title"]
    with open_store(db) as kb:
        lead = kb.section_text(title, TEXT.index("Relations were"))
        assert lead.section == "Lead"
        assert lead.text == "Chile and Peru are neighbours. Relations were established in 1839."
        assert lead.start == lead.end == lead.text.index("Relations were")
        later = kb.section_text(title, TEXT.index("Trade grew."), TEXT.index("Trade grew.") + 11)
        assert (later.section, later.text, later.start, later.end) == ("History > Later", "Trade grew.", 0, 11)
        assert kb.section_text(title, len(TEXT) + 5) is None           # outside the text
        assert kb.section_text(title, 10, 5) is None                   # not a span
        assert kb.section_text("No such article", 0) is None


def test_a_newer_store_is_refused(tmp_path):
    db = tmp_path / "new.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE x (y)")
    con.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer bilat"):
        open_store(db)


@pytest.mark.parametrize("content,message", [
    (b"this is not a database at all" * 100, "not a bilat store|cannot open"),
    (None, "no such store"),
])
def test_bad_store_files_give_one_clear_error(tmp_path, content, message):
    db = tmp_path / "x.db"
    if content is not None:
        db.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        open_store(db)


def test_another_sqlite_database_is_not_taken_for_a_store(tmp_path):
    db = tmp_path / "other.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE people (name)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a bilat store"):
        Writer(db)


def test_a_version_4_store_gains_mission_dates(tmp_path):
    """Schema 5 adds when a mission opened and closed; missions stored before read as undated."""
    db = tmp_path / "v4.db"
    con = sqlite3.connect(db, isolation_level=None)
    schema.create(con, version=4)
    con.execute("INSERT INTO articles (id, title, sha256, a, b, pa, pb, record, ingested_at) VALUES "
                "(1, 'Old', ?, 'CHL', 'PER', 'CHL', 'PER', '{}', '2026-01-01')", ("a" * 64,))
    con.execute("INSERT INTO missions (article_id, seq, pa, pb, sending, receiving, kind, city, status) "
                "VALUES (1, 0, 'CHL', 'PER', 'CHL', 'PER', 'embassy', 'Lima', 'open')")
    con.close()
    dated = Mission("PER", "CHL", "consulate", "Arica", status="closed", opened="1929", closed="1979-05")
    with Writer(db) as w:
        assert w.put(replace(REC, missions=(dated,))) == "added"
    with open_store(db) as kb:
        assert kb.conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
        got = {m.city: (m.opened, m.closed) for m in kb.missions()}
    assert got == {"Lima": (None, None), "Arica": ("1929", "1979-05")}
