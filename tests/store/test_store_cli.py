"""The query commands as a user runs them: pairs, timeline, events, missions, asof."""
from __future__ import annotations

import csv
import io
import json

import pytest

from bilat.cli import main

from kb_articles import EXAMPLES, kb_db  # noqa: F401  (kb_db: the session store fixture)


@pytest.fixture
def cli(kb_db, capsys):
    def run(*args):
        code = main([*args, "--db", str(kb_db)])
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


def test_pairs(cli):
    code, out, _ = cli("pairs", "--format", "json")
    assert code == 0
    pairs = {(p["a"], p["b"]): p for p in json.loads(out)}
    assert set(pairs) == {("NOR", "RUS"), ("CHL", "PER"), ("AUT", "HUN"), ("BRA", "PRT")}
    assert pairs[("CHL", "PER")]["established"] == "1839-05-12"
    assert pairs[("NOR", "RUS")]["events"] > 10


@pytest.mark.parametrize("a,b", [("Norway", "Russia"), ("RUS", "NOR"), ("NO", "ru"), ("Norwegian", "Russian")])
def test_timeline_takes_names_codes_and_demonyms_in_either_order(cli, a, b):
    code, out, _ = cli("timeline", a, b, "--format", "json")
    assert code == 0
    events = json.loads(out)
    assert len(events) > 10
    los = [e["date_lo"] for e in events]
    assert los == sorted(los)
    assert not any(e["fictional"] for e in events)


def test_timeline_filters(cli):
    code, out, _ = cli("timeline", "Chile", "Peru", "--from", "1900", "--to", "1990-03", "--type", "sanction",
                       "--format", "csv")
    assert code == 0
    table = list(csv.DictReader(io.StringIO(out)))
    assert [(r["date"], r["type"], r["count"]) for r in table] == [("1990-03", "SANCTION:expel", "2"),
                                                                  ("1990-03", "SANCTION:expel", "3")]
    assert {r["source → target"] for r in table} == {"CHL → PER", "PER → CHL"}


def test_timeline_of_an_article_file_is_still_the_article_timeline(capsys):
    assert main(["timeline", str(EXAMPLES / "norway-russia.txt"), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["pair"] == ["NOR", "RUS"] and doc["events"]


def test_events_full_text_and_filters(cli):
    code, out, _ = cli("events", "--text", "expelled diplomats", "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert found and all("expelled" in e["text"] and "diplomats" in e["text"] for e in found)
    code, out, _ = cli("events", "--country", "Peruvian", "--since", "2000", "--format", "json")
    assert {tuple(e["pair"]) for e in json.loads(out)} == {("CHL", "PER")}
    assert all(e["date_hi"] >= "2000-01-01" for e in json.loads(out))
    code, out, _ = cli("events", "--text", 'unbalanced "quote', "--format", "json")
    assert code == 0 and json.loads(out) == []


def test_missions(cli):
    code, out, _ = cli("missions", "--country", "CL", "--open", "--format", "json")
    assert code == 0
    assert {(m["sending"], m["city"]) for m in json.loads(out)} == {("CHL", "Lima"), ("PER", "Santiago")}
    code, out, _ = cli("missions", "--closed", "--format", "json")
    assert all(m["status"] == "closed" for m in json.loads(out))


def test_asof(cli):
    code, out, _ = cli("asof", "Chile", "Peru", "1990-03-31", "--format", "json")
    assert code == 0
    s = json.loads(out)
    assert s["established"] is True and s["established_date"] == "1839-05-12"
    assert s["counts"].get("SANCTION") == 2
    assert s["lists"] == []
    code, out, _ = cli("asof", "Chile", "Peru", "1800", "--format", "table")
    assert code == 0 and "not yet" in out


@pytest.mark.parametrize("args", [("timeline", "Narnia", "Norway"), ("asof", "Norway", "Atlantis", "2000"),
                                  ("events", "--country", "Narnian"), ("missions", "--country", "XX")])
def test_unknown_countries_get_a_helpful_error(cli, args):
    code, out, err = cli(*args)
    assert code == 2
    assert "unknown country" in err and "ISO code or demonym" in err
    assert "Traceback" not in err


def test_bad_date_and_missing_store(cli, tmp_path, capsys):
    code, _, err = cli("asof", "Norway", "Russia", "yesterday")
    assert code == 2 and "not a date" in err
    assert main(["pairs", "--db", str(tmp_path / "none.db")]) == 2
    assert "no such store" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("args", [("Norway",), ("a.txt", "b.txt"), ("Norway", "Russia", "Sweden")])
def test_timeline_arguments_that_are_neither_a_pair_nor_files(cli, args):
    code, _, err = cli("timeline", *args)
    assert code == 2 and "no such article file" in err and "two countries A B" in err
