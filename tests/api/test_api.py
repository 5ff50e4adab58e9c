"""The JSON API: pairs, records, as-of, events, search, and one error shape."""
from __future__ import annotations

import pytest

from bilat.model import Record


def error_of(r, status):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status
    assert body["error"]["message"]
    return body["error"]


def test_pairs_lists_the_store(client):
    r = client.get("/api/pairs")
    assert r.status_code == 200
    body = r.json()
    pairs = {(p["a"], p["b"]): p for p in body["pairs"]}
    assert body["count"] == 2
    assert set(pairs) == {("NOR", "RUS"), ("ISL", "MLT")}
    assert pairs[("NOR", "RUS")]["established"] == "1905-10-30"
    assert pairs[("NOR", "RUS")]["events"] > 10


@pytest.mark.parametrize("a,b", [("NOR", "RUS"), ("RUS", "NOR"), ("Norway", "Russia"), ("no", "Russian")])
def test_record_by_code_or_name(client, a, b):
    r = client.get(f"/api/pairs/{a}/{b}")
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["schema"] == "bilat.record/1"
    assert d["pair"] == ["NOR", "RUS"]
    assert d["articles"] == ["Norway–Russia relations"]
    rec = Record.from_json({k: v for k, v in d.items() if k not in ("schema", "articles")})
    assert rec.established.date == "1905-10-30"
    assert any(m.city == "Oslo" for m in rec.missions)


def test_record_by_title_and_unknown_title(client):
    assert client.get("/api/pairs/ISL/MLT", params={"title": "Iceland–Malta relations"}).status_code == 200
    error_of(client.get("/api/pairs/ISL/MLT", params={"title": "Nope"}), 404)


def test_unknown_pair_is_404(client):
    e = error_of(client.get("/api/pairs/Norway/Sweden"), 404)
    assert e["code"] == "unknown_pair"
    assert "Sweden" in e["message"]


@pytest.mark.parametrize("url", ["/api/pairs/Norway/Narnia", "/api/pairs/NOR/NOR",
                                 "/api/pairs/NOR/RUS/asof/yesterday", "/api/pairs/NOR/RUS/asof/2022-02-30",
                                 "/api/pairs/NOR/RUS/asof/2022-13", "/api/events?until=2020-00", "/api/events?type=HUG",
                                 "/api/events?since=soon", "/api/events?country=Atlantis",
                                 "/api/events?limit=0", "/api/search", "/api/search?q="])
def test_bad_parameters_are_400(client, url):
    assert error_of(client.get(url), 400)["code"] == "bad_parameter"


def test_unknown_route_and_method(client):
    assert error_of(client.get("/api/nothing"), 404)["code"] == "not_found"
    assert error_of(client.post("/api/pairs"), 405)["code"] == "method_not_allowed"


def test_asof(client):
    before = client.get("/api/pairs/NOR/RUS/asof/1900").json()
    assert before["established"] is False
    assert before["missions"] == []
    after = client.get("/api/pairs/Russia/Norway/asof/2024-12-31").json()
    assert after["established"] is True
    assert after["date"] == "2024-12-31"
    assert after["events_so_far"] > before["events_so_far"]
    assert [x["name"] for x in after["lists"]] == ["Unfriendly Countries List"]
    error_of(client.get("/api/pairs/NOR/SWE/asof/2000"), 404)


def test_events_filters(client):
    all_ = client.get("/api/events").json()["events"]
    assert {tuple(e["pair"]) for e in all_} == {("NOR", "RUS"), ("ISL", "MLT")}
    assert not any(e["fictional"] for e in all_)
    with_fiction = client.get("/api/events", params={"fictional": "true"}).json()["events"]
    assert any(e["fictional"] for e in with_fiction)
    sanctions = client.get("/api/events", params={"country": "Norway", "type": "sanction"}).json()["events"]
    assert sanctions and all(e["type"] == "SANCTION" and "NOR" in e["pair"] for e in sanctions)
    recent = client.get("/api/events", params={"since": "2014", "until": "2019"}).json()["events"]
    assert recent and all("2014-01-01" <= e["date_hi"] and e["date_lo"] <= "2019-12-31" for e in recent)
    words = client.get("/api/events", params={"q": "diplomats"}).json()["events"]
    assert words and all("diplomat" in e["text"].lower() for e in words)
    assert client.get("/api/events", params={"limit": 2}).json()["count"] == 2


def test_search(client):
    d = client.get("/api/search", params={"q": "malta"}).json()
    assert [(p["a"], p["b"]) for p in d["pairs"]] == [("ISL", "MLT")]
    d = client.get("/api/search", params={"q": "spying"}).json()
    assert d["pairs"] == [] and d["events"]
    assert all("spying" in e["text"].lower() for e in d["events"])
    assert ["ISL", "MLT"] in [e["pair"] for e in d["events"]]


def test_openapi_describes_the_api(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/pairs", "/api/pairs/{a}/{b}", "/api/pairs/{a}/{b}/asof/{date}", "/api/events",
                 "/api/search", "/api/pairs/{a}/{b}/events/{event_id}/evidence"):
        assert path in spec["paths"], path
    assert "ErrorResponse" in spec["components"]["schemas"]


def test_markup_in_article_text_is_returned_as_data(client):
    d = client.get("/api/pairs/ISL/MLT").json()
    texts = [ev["text"] for e in d["events"] for ev in e["evidence"]]
    assert any("<script>" in t for t in texts)      # JSON carries it verbatim; pages escape it


def test_event_evidence_comes_with_its_section_text(client):
    """Each evidence sentence of every event, inside the whole text of its
    section, at the offsets the answer gives."""
    from pathlib import Path
    from bilat.sources import read
    art = read(Path(__file__).resolve().parents[2] / "examples" / "norway-russia.txt")
    page = client.get("/api/pairs/NOR/RUS").json()
    assert len(page["events"]) > 10
    longer = 0
    for e in page["events"]:
        r = client.get(f"/api/pairs/Norway/Russia/events/{e['id']}/evidence")
        assert r.status_code == 200, r.text
        d = r.json()
        assert (d["event"], d["pair"], d["article"]) == (e["id"], ["NOR", "RUS"], "Norway–Russia relations")
        assert d["url"].startswith("https://en.wikipedia.org/wiki/Norway%E2%80%93Russia_relations")
        assert [(v["text"], v["start"], v["end"]) for v in d["evidence"]] == \
            [(v["text"], v["start"], v["end"]) for v in e["evidence"]]
        for v in d["evidence"]:
            ctx = v["context"]
            assert ctx is not None, v
            assert ctx["text"][ctx["start"]:ctx["end"]] == v["text"]
            assert ctx["section"] == v["section"]
            # the section as the article has it, where the answer says
            sec = art.section_at(v["start"])
            assert ctx["text"] == art.text[ctx["offset"]:ctx["offset"] + len(ctx["text"])]
            assert sec.start <= ctx["offset"] and ctx["offset"] + len(ctx["text"]) <= sec.end
            assert ctx["offset"] + ctx["start"] == v["start"]
            longer += len(ctx["text"]) > len(v["text"]) + 100
    assert longer > 5                   # more than the sentence: its section


def test_event_evidence_keeps_markup_as_data_and_unknown_events_are_404(client):
    page = client.get("/api/pairs/ISL/MLT").json()
    e = next(e for e in page["events"] if any("<script>" in v["text"] for v in e["evidence"]))
    d = client.get(f"/api/pairs/MLT/ISL/events/{e['id']}/evidence",
                   params={"title": "Iceland–Malta relations"}).json()
    ctx = d["evidence"][0]["context"]
    assert '<script>alert("x")</script>' in ctx["text"][ctx["start"]:ctx["end"]]
    assert "<b>in bold</b>" in ctx["text"]           # the rest of the section, verbatim
    assert error_of(client.get("/api/pairs/ISL/MLT/events/nope/evidence"), 404)["code"] == "unknown_event"
    assert error_of(client.get(f"/api/pairs/ISL/MLT/events/{e['id']}/evidence", params={"title": "Nope"}),
                    404)["code"] == "unknown_event"
    assert error_of(client.get(f"/api/pairs/NOR/SWE/events/{e['id']}/evidence"), 404)["code"] == "unknown_pair"


def test_event_evidence_without_a_stored_text_has_no_context(tmp_path):
    """A record stored without its article's text (as before schema 3): the
    sentences only, and the page shows them as before."""
    from fastapi.testclient import TestClient
    from bilat.api import create_app
    from bilat.model import Event, Evidence
    from bilat.store import Writer
    rec = Record(source={"title": "Iceland–Malta relations", "sha256": "x"}, pair=("ISL", "MLT"),
                 events=(Event("ev-1", "2001", "ACCUSE", evidence=(Evidence("Iceland accused Malta.", 40, 62,
                                                                             "History"),)),))
    with Writer(tmp_path / "old.db") as w:
        w.put(rec)
    with TestClient(create_app(tmp_path / "old.db")) as c:
        d = c.get("/api/pairs/ISL/MLT/events/ev-1/evidence").json()
    assert d["evidence"] == [{"text": "Iceland accused Malta.", "start": 40, "end": 62, "section": "History",
                              "context": None}]


def test_internal_error_has_the_shape(store):
    from fastapi.testclient import TestClient
    from bilat.api import create_app
    app = create_app(store)

    def boom(*a, **k):
        raise RuntimeError("boom")
    app.state.explorer.pairs = boom
    with TestClient(app, raise_server_exceptions=False) as c:
        e = error_of(c.get("/api/pairs"), 500)
    assert e["code"] == "internal_error" and "boom" not in e["message"]


def test_missing_store_is_a_clear_error(tmp_path):
    from bilat.api import create_app
    from bilat.errors import StoreError
    with pytest.raises(StoreError, match="bilat ingest"):
        create_app(tmp_path / "none.db")
