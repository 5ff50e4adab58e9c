"""`bilat ingest`: idempotent, replacing, going on past bad articles, surviving kill -9."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time


from bilat.store import open_store
from bilat.store.ingest import ingest

from kb_articles import article, write_articles


def bilat(*args, stdin: bytes | None = None, env=None, timeout=300):
    return subprocess.run([sys.executable, "-m", "bilat.cli", *args], input=stdin, capture_output=True,
                          text=False, timeout=timeout, env=env)


def rows(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def snapshot(db) -> dict:
    """What a store holds, independent of row ids and ingest time."""
    return {
        "articles": sorted(rows(db, "SELECT title, sha256, a, b, record, text FROM articles")),
        "events": sorted(rows(db, "SELECT a.title, e.seq, e.id, e.date, e.date_lo, e.type FROM events e "
                                  "JOIN articles a ON a.id = e.article_id")),
        "missions": sorted(rows(db, "SELECT a.title, m.seq, m.city FROM missions m "
                                    "JOIN articles a ON a.id = m.article_id")),
        "evidence": sorted(rows(db, "SELECT a.title, v.owner, v.owner_seq, v.seq, v.text FROM evidence v "
                                    "JOIN articles a ON a.id = v.article_id")),
        "fts": rows(db, "SELECT count(*) FROM evidence_fts")[0][0],
    }


def test_reingest_changes_nothing_and_changed_content_replaces(tmp_path):
    files = write_articles(tmp_path / "a", 3)
    db = tmp_path / "kb.db"
    r1 = ingest([str(tmp_path / "a")], db, jobs=1)
    assert (r1.added, r1.replaced, r1.unchanged, r1.failed) == (3, 0, 0, [])
    before = snapshot(db)
    ids = rows(db, "SELECT id, title FROM articles ORDER BY id")
    r2 = ingest([str(tmp_path / "a")], db, jobs=1)
    assert (r2.added, r2.replaced, r2.unchanged) == (0, 0, 3)
    assert snapshot(db) == before
    assert rows(db, "SELECT id, title FROM articles ORDER BY id") == ids

    # the same article, changed: it replaces its previous record, nothing is duplicated
    stem, text = article(1, year=1970)
    files[1].write_text(text, encoding="utf-8")
    r3 = ingest([str(tmp_path / "a")], db, jobs=1)
    assert (r3.added, r3.replaced, r3.unchanged) == (0, 1, 2)
    after = snapshot(db)
    assert len(after["articles"]) == 3
    assert len(after["events"]) == len(before["events"])
    title = [t for t, *_ in after["articles"] if "Austria" in t][0]
    dates = {d for t, _, _, d, _, _ in after["events"] if t == title}
    assert "1970-03" in dates and "1990-03" not in dates
    assert rows(db, "SELECT count(*) FROM events GROUP BY article_id, seq HAVING count(*) > 1") == []


def test_the_article_text_is_stored_for_every_format(tmp_path):
    """The text evidence offsets point into: the file's for plain text, the
    derived plain text for wikitext (a file or a page of a dump)."""
    from pathlib import Path
    from bilat.sources import read, read_text
    from bilat.sources.dump import iter_dump
    root = Path(__file__).resolve().parents[2]
    for name in ("norway-russia.txt", "norway-russia.wiki"):
        db = tmp_path / f"{name}.db"
        assert ingest([str(root / "examples" / name)], db, jobs=1).ok
        art = read(root / "examples" / name)
        [(text,)] = rows(db, "SELECT text FROM articles")
        assert text == art.text
        with open_store(db) as kb:
            for e in kb.record(art.title).events:
                for v in e.evidence:
                    assert text[v.start:v.end] == v.text
    # a page of a dump: the example's wikitext, escaped into a one-page dump
    from xml.sax.saxutils import escape
    wiki = (root / "examples" / "norway-russia.wiki").read_text(encoding="utf-8")
    dump = tmp_path / "one.xml"
    dump.write_text('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10"><page>'
                    "<title>Norway–Russia relations</title><ns>0</ns><id>1</id><revision><id>2</id>"
                    f'<text xml:space="preserve">{escape(wiki)}</text></revision></page></mediawiki>',
                    encoding="utf-8")
    db = tmp_path / "dump.db"
    assert ingest([str(dump)], db, jobs=1).ok
    pages = {t: read_text(x, fmt="wikitext", title=t).text for t, x in iter_dump(str(dump))}
    assert dict(rows(db, "SELECT title, text FROM articles")) == pages


def test_a_store_without_texts_gets_them_on_the_next_ingest(tmp_path):
    """An article stored before texts were kept is extracted once more to keep
    its text; its record stays as it was (unchanged), and then it is skipped."""
    write_articles(tmp_path / "a", 2)
    db = tmp_path / "kb.db"
    ingest([str(tmp_path / "a")], db, jobs=1)
    before = snapshot(db)
    con = sqlite3.connect(db)
    con.execute("UPDATE articles SET text = NULL")
    con.commit()
    con.close()
    r = ingest([str(tmp_path / "a")], db, jobs=1)
    assert (r.added, r.replaced, r.unchanged, r.events) == (0, 0, 2, 0)
    assert snapshot(db) == before
    assert rows(db, "SELECT count(*) FROM articles WHERE text IS NULL") == [(0,)]


def test_parallel_ingest_stores_what_a_serial_one_does(tmp_path):
    write_articles(tmp_path / "a", 4)
    ingest([str(tmp_path / "a")], tmp_path / "one.db", jobs=1)
    rep = ingest([str(tmp_path / "a")], tmp_path / "two.db", jobs=2)
    assert rep.added == 4 and rep.ok
    assert snapshot(tmp_path / "one.db") == snapshot(tmp_path / "two.db")


def test_bad_article_is_reported_and_the_others_stored(tmp_path):
    write_articles(tmp_path / "a", 2)
    (tmp_path / "a" / "empty.txt").write_bytes(b"")
    (tmp_path / "a" / "cats.txt").write_text("= Cats and dogs =\n\nCats are not dogs.\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    cp = bilat("ingest", str(tmp_path / "a"), str(tmp_path / "missing.txt"), "--db", str(db), "--jobs", "2")
    out = cp.stdout.decode()
    assert cp.returncode == 1, (out, cp.stderr)
    assert "2 added" in out and "3 failed" in out
    assert "empty.txt: empty input" in out
    assert "cats.txt:" in out and "names no known pair" in out
    assert "missing.txt: no such file or folder" in out
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == 2
    # everything fine: exit status 0
    cp = bilat("ingest", str(tmp_path / "a" / "000-chile-peru.txt"), "--db", str(db))
    assert cp.returncode == 0 and b"1 unchanged" in cp.stdout


def test_stdin_globs_and_bilat_db_variable(tmp_path):
    write_articles(tmp_path / "a", 3)
    env = {**os.environ, "BILAT_DB": str(tmp_path / "env.db")}
    stem, text = article(5)
    cp = bilat("ingest", "-", str(tmp_path / "a" / "00[01]-*.txt"), stdin=text.encode(), env=env)
    assert cp.returncode == 0, cp.stdout + cp.stderr
    assert b"3 added" in cp.stdout
    assert rows(tmp_path / "env.db", "SELECT count(*) FROM articles")[0][0] == 3


def test_store_is_in_wal_mode_and_readable_during_a_write(tmp_path):
    write_articles(tmp_path / "a", 1)
    db = tmp_path / "kb.db"
    ingest([str(tmp_path / "a")], db, jobs=1)
    assert rows(db, "PRAGMA journal_mode")[0][0] == "wal"
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM events")
    with open_store(db) as kb:                      # reads the last committed state, without waiting
        assert len(kb.timeline("Chile", "Peru")) > 0
    writer.execute("ROLLBACK")
    writer.close()


def test_kill_9_during_ingest_loses_nothing_and_duplicates_nothing(tmp_path):
    write_articles(tmp_path / "a", 40)
    clean = tmp_path / "clean.db"
    rep = ingest([str(tmp_path / "a")], clean, jobs=2)
    assert rep.added == 40

    db = tmp_path / "killed.db"
    proc = subprocess.Popen([sys.executable, "-m", "bilat.cli", "ingest", str(tmp_path / "a"), "--db", str(db),
                             "--jobs", "2", "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    committed = 0
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            committed = rows(db, "SELECT count(*) FROM articles")[0][0] if db.exists() else 0
        except sqlite3.OperationalError:
            continue                                  # the store is being created
        if committed >= 3:
            break
    assert proc.poll() is None, "the ingest finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)               # the command and its workers, as kill -9 would
    proc.wait()
    partial = rows(db, "SELECT count(*) FROM articles")[0][0]
    assert 3 <= partial < 40

    cp = bilat("ingest", str(tmp_path / "a"), "--db", str(db), "--jobs", "2", timeout=900)
    assert cp.returncode == 0, cp.stdout + cp.stderr
    assert f"{40 - partial} added".encode() in cp.stdout, cp.stdout
    assert f"{partial} unchanged".encode() in cp.stdout, cp.stdout
    # nothing lost: every article once, with all the rows its record has
    killed, ok = snapshot(db), snapshot(clean)
    assert [a[:2] for a in killed["articles"]] == [a[:2] for a in ok["articles"]]
    assert_rows_match_records(db)
    assert len(killed["events"]) == len(ok["events"]) and len(killed["evidence"]) == len(ok["evidence"])
    assert killed["fts"] == len(killed["evidence"])
    # nothing duplicated
    for table, key in (("articles", "title"), ("events", "article_id, seq"), ("missions", "article_id, seq"),
                       ("evidence", "article_id, owner, owner_seq, seq")):
        assert rows(db, f"SELECT {key} FROM {table} GROUP BY {key} HAVING count(*) > 1") == [], table


def assert_rows_match_records(db):
    """Each article's rows are exactly those of its stored record."""
    import json
    for aid, doc in rows(db, "SELECT id, record FROM articles"):
        rec = json.loads(doc)
        assert rows(db, f"SELECT count(*) FROM events WHERE article_id = {aid}")[0][0] == len(rec["events"])
        assert rows(db, f"SELECT count(*) FROM missions WHERE article_id = {aid}")[0][0] == len(rec["missions"])
        n_ev = sum(len(x["evidence"]) for k in ("events", "missions", "lists", "people", "sites") for x in rec[k])
        n_ev += sum(len(rec[k]["evidence"]) for k in ("established", "border") if rec.get(k))
        assert rows(db, f"SELECT count(*) FROM evidence WHERE article_id = {aid}")[0][0] == n_ev
