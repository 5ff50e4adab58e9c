"""Every export format writes something its readers can parse."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from bilat.cli import main  # noqa: E402

from kb_articles import kb_db  # noqa: E402,F401

PLOVER_KEYS = {"id", "date", "actor", "recipient", "event", "mode", "context", "text", "text_info"}


@pytest.fixture
def export(kb_db, tmp_path, capsys):
    def run(fmt, *extra, name=None):
        out = tmp_path / (name or f"out.{fmt}")
        code = main(["export", "--format", fmt, str(out), "--db", str(kb_db), *extra])
        capsys.readouterr()
        assert code == 0
        return out
    return run


def test_csv_tables(export):
    out = export("csv")
    tables = {}
    for name in ("events", "missions", "facts", "evidence"):
        with open(out / f"{name}.csv", newline="", encoding="utf-8") as f:
            tables[name] = list(csv.DictReader(f))
    assert tables["events"] and tables["evidence"] and tables["missions"] and tables["facts"]
    assert {"title", "date", "date_lo", "date_hi", "type", "source", "target"} <= set(tables["events"][0])
    assert {r["kind"] for r in tables["facts"]} >= {"established", "list"}


def test_csv_of_one_pair(export):
    out = export("csv", "--pair", "Peru", "Chile")
    with open(out / "events.csv", newline="", encoding="utf-8") as f:
        assert {(r["pa"], r["pb"]) for r in csv.DictReader(f)} == {("CHL", "PER")}


def test_parquet(export):
    pq = pytest.importorskip("pyarrow.parquet")
    out = export("parquet")
    t = pq.read_table(out / "events.parquet")
    assert t.num_rows > 0 and "date_lo" in t.column_names
    assert pq.read_table(out / "evidence.parquet").num_rows > 0


def test_parquet_without_pyarrow_says_what_to_install(kb_db, tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert main(["export", "--format", "parquet", str(tmp_path / "p"), "--db", str(kb_db)]) == 2
    assert "bilat[parquet]" in capsys.readouterr().err


def test_jsonl_records(export):
    import bilat
    lines = export("jsonl").read_text(encoding="utf-8").splitlines()
    recs = [bilat.Record.from_json(json.loads(x)) for x in lines]
    assert len(recs) == 4 and all(r.source["sha256"] for r in recs)


def test_geojson_is_a_feature_collection(export):
    doc = json.loads(export("geojson").read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and doc["features"]
    for f in doc["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        g = f["geometry"]
        if g is not None:
            lon, lat = g["coordinates"]
            assert g["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
    oslo = [f for f in doc["features"] if f["properties"].get("city") == "Oslo"]
    assert oslo and oslo[0]["geometry"] and round(oslo[0]["geometry"]["coordinates"][1]) == 60


def test_timelinejs(export):
    doc = json.loads(export("timelinejs", "--pair", "NOR", "RUS").read_text(encoding="utf-8"))
    assert doc["title"]["text"]["headline"]
    assert doc["events"]
    for e in doc["events"]:
        assert isinstance(e["start_date"]["year"], int) and e["text"]["headline"]
    for e in doc["events"]:
        if "end_date" in e:                                     # periods such as 1537/1814
            assert e["end_date"]["year"] >= e["start_date"]["year"]
    assert any(e["start_date"]["year"] == 900 for e in doc["events"])    # "09XX", the 10th century


def test_plover_lines(export):
    lines = export("plover").read_text(encoding="utf-8").splitlines()
    assert lines
    for x in map(json.loads, lines):
        assert set(x) == PLOVER_KEYS
        assert x["event"] in {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                              "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
                              "ASSAULT"}
        assert x["text_info"]["title"]


def test_single_file_formats_go_to_stdout(kb_db, capsys):
    assert main(["export", "--format", "plover", "-", "--db", str(kb_db), "--pair", "Chile", "Peru"]) == 0
    out = capsys.readouterr().out
    assert all(json.loads(x)["id"].startswith("CHL-PER-") for x in out.splitlines())


def test_export_errors(kb_db, tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    assert main(["export", "--format", "csv", str(tmp_path / "file"), "--db", str(kb_db)]) == 2
    assert "not a folder" in capsys.readouterr().err
    assert main(["export", "--format", "jsonl", str(tmp_path / "x.jsonl"), "--pair", "Narnia", "Peru",
                 "--db", str(kb_db)]) == 2
    assert "unknown country" in capsys.readouterr().err
    assert not (tmp_path / "x.jsonl").exists()
