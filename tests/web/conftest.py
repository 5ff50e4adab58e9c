"""Browser tests: the explorer served on 127.0.0.1 (a free port) and
Debian's headless Chromium driven by Playwright's Python API.

No browser is downloaded: the tests use /usr/bin/chromium and skip, saying
so, where it (or the playwright package) is missing."""
from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("BILAT_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
# screenshots the tests save, to look at (not kept in the repository)
SHOTS = Path(os.environ.get("BILAT_SCREENSHOTS") or Path(tempfile.gettempdir()) / "bilat-screenshots")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """uvicorn in a thread, stopped by should_exit."""

    def __init__(self, db: Path):
        import uvicorn
        from bilat.api import create_app
        self.port = free_port()
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port, log_level="warning",
                                access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "Server":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: browser tests skipped (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def web_store(tmp_path_factory) -> Path:
    """The bundled example, plus a made-up pair with 200 dated events."""
    pytest.importorskip("fastapi")
    from bilat.store import Writer
    from bilat.store.ingest import ingest
    db = tmp_path_factory.mktemp("web") / "bilat.db"
    report = ingest([str(ROOT / "examples" / "norway-russia.txt"),
                     str(ROOT / "tests" / "api" / "iceland-malta.txt")], db, jobs=1)
    assert report.ok, report.failed
    with Writer(db) as w:
        w.put(two_hundred_events())
    return db


def two_hundred_events():
    """A made-up record (Chile–Finland) with 200 events over 50 years."""
    from bilat.model import Event, Evidence, Record
    types = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "ACCUSE", "PROTEST", "SANCTION", "THREATEN",
             "ASSAULT"]
    events = []
    for i in range(200):
        text = f"In {1970 + i // 4} the two states did thing number {i}."
        sec = f"History > Part {i // 50}"
        events.append(Event(id=f"ev-{i:04d}", date=f"{1970 + i // 4}-{1 + i % 12:02d}", type=types[i % 10],
                            goldstein=(-5.0 if i % 10 >= 5 else 4.0), source="CHL", target="FIN",
                            actors=("CHL", "FIN"), summary=f"Made-up event {i}",
                            evidence=(Evidence(text, 100 * i, 100 * i + len(text), sec),)))
    return Record(source={"title": "Chile–Finland relations (made up)", "path": "made-up.txt",
                          "format": "plaintext", "sha256": "made-up"}, pair=("CHL", "FIN"), events=tuple(events))


@pytest.fixture(scope="session")
def shots() -> Path:
    """Where the tests save their screenshots."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


@pytest.fixture(scope="session")
def server(web_store):
    with Server(web_store) as s:
        yield s


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    # offline: any request that leaves the server fails the test
    pg.outside = []

    def route(r):
        if r.request.url.startswith(server.url):
            r.continue_()
        else:
            pg.outside.append(r.request.url)
            r.abort()
    pg.route("**/*", route)
    yield pg
    ctx.close()
