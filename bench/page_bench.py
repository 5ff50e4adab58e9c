#!/usr/bin/env python3
"""How long the explorer's pair page takes to become interactive in a real browser.

    python bench/page_bench.py [--runs N]

Builds the browser tests' store (the bundled example and a made-up pair with
200 events), serves it on 127.0.0.1 with a free port, and opens the pair page
N times in Debian's headless Chromium (no browser is downloaded). Each run is
timed by the page's own clock, from the start of the navigation to a drawn,
clickable timeline (`window.bilatReadyAt`). Prints the best, median and worst
run; the goal is a best run under 1 s.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "web"))     # the store and server the browser tests use

from conftest import ARGS, CHROMIUM, Server, two_hundred_events  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=10)
    a = ap.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"skipped: no Chromium at {CHROMIUM}")
        return 0
    from playwright.sync_api import sync_playwright

    from bilat.store import Writer
    from bilat.store.ingest import ingest
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bilat.db"
        report = ingest([str(ROOT / "examples" / "norway-russia.txt"),
                         str(ROOT / "tests" / "api" / "iceland-malta.txt")], db, jobs=1)
        if not report.ok:
            print(f"ingest failed: {report.failed}")
            return 1
        with Writer(db) as w:
            w.put(two_hundred_events())
        with Server(db) as server, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(server.url + "/")            # warm the connection and the browser's cache
            times = []
            for _ in range(a.runs):
                page.goto(server.url + "/pairs/CHL/FIN")
                page.locator("html[data-ready]").wait_for(state="attached", timeout=10000)
                times.append(page.evaluate("() => window.bilatReadyAt") / 1000)
            marks = page.locator("#timeline .mark[data-event-id]").count()
            browser.close()
    print(f"pair page with {marks} events, {a.runs} runs: best {min(times):.3f} s, "
          f"median {statistics.median(times):.3f} s, worst {max(times):.3f} s (goal: best < 1 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
