"""Record -> store -> Record gives the same record (property test)."""
from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilat.model import (Border, Established, Event, Evidence, ListMembership, Mission, Person, Record,
                         Site)
from bilat.store import Writer, open_store

codes = st.sampled_from(["NOR", "RUS", "SWE", "FIN", "EST", "CHN", None])
code = st.sampled_from(["NOR", "RUS", "SWE", "FIN", "EST", "CHN"])
text = st.text(max_size=30)
floats = st.floats(allow_nan=False, allow_infinity=False, width=64)
edtf = st.sampled_from([None, "2022-04-06", "2022-04", "1326", "09XX", "1537/1814", "2022-02/..",
                        "{2017,2018}", "2015~", "garbage"])
evidence = st.builds(Evidence, text=text, start=st.integers(0, 10**6), end=st.integers(0, 10**6), section=text)
evs = st.lists(evidence, max_size=2).map(tuple)
events = st.builds(
    Event, id=st.text(min_size=1, max_size=12), date=edtf, type=st.sampled_from(["AGREE", "SANCTION", "ASSAULT"]),
    mode=st.none() | text, context=st.lists(text, max_size=2).map(tuple), cameo=st.none() | text,
    goldstein=st.none() | floats, source=codes, target=codes, actors=st.lists(code, max_size=3).map(tuple),
    count=st.none() | st.integers(-2**62, 2**62), summary=text, fictional=st.booleans(),
    response_to=st.none() | text, evidence=evs)
missions = st.builds(Mission, sending=code, receiving=code, kind=text, city=text,
                     status=st.sampled_from(["open", "closed"]), lat=st.none() | floats, lon=st.none() | floats,
                     evidence=evs)
records = st.builds(
    Record,
    source=st.fixed_dictionaries({"title": st.text(min_size=1, max_size=20), "path": st.none() | text,
                                  "format": st.sampled_from(["plaintext", "wikitext"]),
                                  "sha256": st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)}),
    pair=st.tuples(code, code),
    established=st.none() | st.builds(Established, date=edtf, evidence=evs),
    missions=st.lists(missions, max_size=3).map(tuple),
    border=st.none() | st.builds(Border, length_km=st.none() | floats,
                                 crossings=st.lists(text, max_size=2).map(tuple), evidence=evs),
    lists=st.lists(st.builds(ListMembership, name=text, lister=code, listed=code, since=edtf, evidence=evs),
                   max_size=2).map(tuple),
    people=st.lists(st.builds(Person, name=text, nationality=codes, role=st.none() | text, evidence=evs),
                    max_size=2).map(tuple),
    sites=st.lists(st.builds(Site, name=text, kind=text, place=st.none() | text, country=codes,
                             lat=st.none() | floats, lon=st.none() | floats, evidence=evs), max_size=2).map(tuple),
    events=st.lists(events, max_size=4).map(tuple),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records, st.none() | st.text())
def test_record_store_record_is_the_same(rec, article_text):
    with tempfile.TemporaryDirectory() as d:
        db = Path(d) / "t.db"
        with Writer(db) as w:
            assert w.put(rec, text=article_text) == "added"
            assert w.put(rec, text=article_text) == "unchanged"
        with open_store(db) as kb:
            assert kb.record(rec.source["title"]) == rec
            assert kb.conn.execute("SELECT text FROM articles").fetchall() == [(article_text,)]
            n = kb.counts()
            assert n["articles"] == 1
            assert n["events"] == len(rec.events)
            assert n["missions"] == len(rec.missions)
            n_ev = sum(len(x.evidence) for x in (*rec.events, *rec.missions, *rec.lists, *rec.people, *rec.sites))
            n_ev += len(rec.established.evidence) if rec.established else 0
            n_ev += len(rec.border.evidence) if rec.border else 0
            assert n["evidence"] == n_ev


def test_changed_record_replaces_in_place(tmp_path):
    ev = Evidence("Norway expelled a diplomat.", 0, 27, "Lead")
    old = Record(source={"title": "T", "sha256": "a" * 64}, pair=("NOR", "RUS"),
                 events=(Event("e1", "2020", "SANCTION", evidence=(ev,)), Event("e2", "2021", "AGREE")))
    new = Record(source={"title": "T", "sha256": "b" * 64}, pair=("NOR", "RUS"),
                 events=(Event("e3", "2022", "AGREE"),))
    with Writer(tmp_path / "s.db") as w:
        assert w.put(old) == "added"
        assert w.put(new) == "replaced"
    con = sqlite3.connect(tmp_path / "s.db")
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert [r[0] for r in con.execute("SELECT id FROM events")] == ["e3"]
    assert con.execute("SELECT count(*) FROM evidence").fetchone()[0] == 0
    # the full-text index forgot the old sentence too
    assert con.execute("SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH 'expelled'").fetchone()[0] == 0
