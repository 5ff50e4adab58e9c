"""Server-rendered pages: content, escaping, static files and their safety."""
from __future__ import annotations

import json
import re

import pytest


def test_index_lists_pairs(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "Norway – Russia" in r.text and "Iceland – Malta" in r.text
    assert 'href="/pairs/NOR/RUS"' in r.text
    data = json.loads(re.search(r'<script type="application/json" id="index-data">(.*?)</script>',
                                r.text, re.S).group(1))
    assert data["countries"]["NOR"] == {"n": 1, "id": "578", "name": "Norway"}
    filtered = client.get("/", params={"q": "malta"}).text
    assert "Iceland – Malta" in filtered and "Norway – Russia" not in filtered


def test_pair_page_has_facts_and_event_ids(client):
    r = client.get("/pairs/Norway/Russia")
    assert r.status_code == 200
    html = r.text
    assert "1905-10-30" in html and "195.7 km" in html and "Unfriendly Countries List" in html
    rec = client.get("/api/pairs/NOR/RUS").json()
    for e in rec["events"]:
        assert f'data-event-id="{e["id"]}"' in html
    # scripts only from /static: nothing loaded from elsewhere (works offline)
    for src in re.findall(r'<script[^>]*src="([^"]+)"', html):
        assert src.startswith("/static/")
    assert "default-src 'self'" in r.headers["content-security-policy"]


def test_pair_page_escapes_article_text(client):
    html = client.get("/pairs/ISL/MLT").text
    assert "<script>alert" not in html
    assert "<b>in bold</b>" not in html
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert all('src="/static/' in s or 'type="application/json"' in s for s in scripts)
    # the embedded data parses back to the very text
    data = json.loads(re.search(r'id="pair-data">(.*?)</script>', html, re.S).group(1))
    assert any('<script>alert("x")</script>' in ev["text"] for e in data["events"] for ev in e["evidence"])
    assert "\\u003cscript\\u003ealert" in html


EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&'


def test_every_field_is_escaped(tmp_path):
    """A record with markup in every text field renders no element of it."""
    from fastapi.testclient import TestClient
    from bilat.api import create_app
    from bilat.model import (Border, Established, Event, Evidence, ListMembership, Mission, Person,
                             Record, Site)
    from bilat.store import Writer
    ev = (Evidence(EVIL, 0, len(EVIL), EVIL),)
    rec = Record(source={"title": "Iceland–Malta " + EVIL, "path": EVIL, "format": "plaintext", "sha256": "x"},
                 pair=("ISL", "MLT"), established=Established("1965", ev),
                 missions=(Mission("ISL", "MLT", EVIL, EVIL, evidence=ev),),
                 border=Border(None, (EVIL,), ev), lists=(ListMembership(EVIL, "MLT", "ISL", "2001", ev),),
                 people=(Person(EVIL, "ISL", EVIL, ev),), sites=(Site(EVIL, EVIL, EVIL, "MLT", evidence=ev),),
                 events=(Event("ev-1", "2001", "ACCUSE", mode=EVIL, summary=EVIL, evidence=ev),
                         Event("ev-2", "2002", "ASSAULT", summary=EVIL, fictional=True, evidence=ev)))
    db = tmp_path / "evil.db"
    with Writer(db) as w:
        w.put(rec)
    with TestClient(create_app(db)) as c:
        for url in ("/", "/pairs/ISL/MLT", "/pairs/ISL/MLT?asof=2010", "/?q=" + EVIL):
            html = c.get(url).text
            assert "<script>alert" not in html and "<img" not in html, url
            assert len(re.findall(r"<script\b", html)) == html.count('<script src="/static/') + \
                html.count('<script type="application/json"'), url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in c.get("/pairs/ISL/MLT").text


def test_fictional_rows_are_hidden(client):
    html = client.get("/pairs/ISL/MLT").text
    row = re.search(r'<tr data-event-id="[^"]+"[^>]*data-fictional="1"[^>]*>', html)
    assert row and " hidden" in row.group(0)


def test_pair_page_asof(client):
    html = client.get("/pairs/NOR/RUS", params={"asof": "1900"}).text
    assert "not yet established" in html
    html = client.get("/pairs/NOR/RUS", params={"asof": "2023-12"}).text
    assert "established (1905-10-30)" in html and "Unfriendly Countries List" in html
    assert "is not a date" in client.get("/pairs/NOR/RUS", params={"asof": "someday"}).text


def test_pair_page_unknown_pair_is_html_404(client):
    r = client.get("/pairs/NOR/SWE")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert 'data-code="unknown_pair"' in r.text
    assert client.get("/pairs/NOR/Narnia").status_code == 400


@pytest.mark.parametrize("path", ["vendor/d3.min.js", "vendor/topojson-client.min.js", "vendor/countries-50m.json", "vendor/d3.LICENSE", "pair.js", "bilat.css"])
def test_static_files_are_served(client, path):
    r = client.get(f"/static/{path}")
    assert r.status_code == 200 and len(r.content) > 100


@pytest.mark.parametrize("path", ["/static/../api/queries.py", "/static/%2e%2e/%2e%2e/store/view.py",
                                  "/static/..%2f..%2fapi%2fqueries.py", "/static/%2e%2e%2f%2e%2e%2fcli.py",
                                  "/static//etc/passwd", "/static/vendor/../../templates/base.html",
                                  "/static/..%5c..%5capi%5cqueries.py"])
def test_static_refuses_path_traversal(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert "import" not in r.text and "root:" not in r.text and "<!doctype" not in r.text[:20].lower() \
        or r.headers["content-type"].startswith("text/html") and "404" in r.text


def test_read_only(client):
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/pairs/NOR/RUS").status_code == 405
