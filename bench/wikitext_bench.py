#!/usr/bin/env python3
"""Reading MediaWiki wikitext: kB of source per second, per page and overall.

    python bench/wikitext_bench.py [PAGE ...] [--repeat N]

Defaults to the real pages in ../shared/data/wikitext (the sibling of the
repository). Times are CPU seconds of this process, so other load on the
machine does not count; the slowest page is printed with its rate.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bilat.errors import SourceError  # noqa: E402
from bilat.sources.wikitext import read_wikitext  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "wikitext"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    pages = a.pages or sorted(DEFAULT.glob("*.txt"))
    if not pages:
        print(f"skipped: no pages given and none at {DEFAULT}")
        return 0
    rows = []
    for p in pages:
        src = p.read_text(encoding="utf-8")
        t0 = time.process_time()
        try:
            for _ in range(a.repeat):
                read_wikitext(src, where=p.name)
        except SourceError:
            continue                      # a redirect: nothing to read
        rows.append((p.name, len(src.encode("utf-8")), (time.process_time() - t0) / a.repeat))
    size = sum(r[1] for r in rows)
    secs = sum(r[2] for r in rows)
    slow = min(rows, key=lambda r: r[1] / max(r[2], 1e-9))
    print(f"pages: {len(rows)} ({size / 1e3:.0f} kB), {secs:.2f} s of CPU per pass = {size / 1e3 / secs:.0f} kB/s")
    print(f"slowest: {slow[0]} ({slow[1] / 1e3:.0f} kB in {slow[2]:.2f} s = {slow[1] / 1e3 / slow[2]:.0f} kB/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
