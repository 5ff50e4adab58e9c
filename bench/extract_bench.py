#!/usr/bin/env python3
"""End-to-end `bilat extract` throughput: MB of article text per second in one process.

    python bench/extract_bench.py [ARTICLE_OR_DIR ...] [--repeat N]

Defaults to the bundled examples, plus ../shared/corpus/dev when present.
The first pass (loading lexicons and gazetteers) is timed apart, then the
articles are extracted N times and the steady rate is printed.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bilat.extract.record import extract_record  # noqa: E402
from bilat.sources import read_text  # noqa: E402


def articles(paths: list[str]) -> list[tuple[str, str]]:
    if not paths:
        paths = [str(ROOT / "examples")]
        dev = ROOT.parent / "shared" / "corpus" / "dev"
        if dev.is_dir():
            paths.append(str(dev))
    out = []
    for p in map(Path, paths):
        files = sorted(p.glob("*.txt")) + sorted(p.glob("*.wiki")) if p.is_dir() else [p]
        out += [(str(f), f.read_text(encoding="utf-8")) for f in files]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    docs = articles(a.paths)
    size = sum(len(t.encode("utf-8")) for _, t in docs)
    t0 = time.perf_counter()
    for where, text in docs:
        extract_record(read_text(text, where=where))
    warm = time.perf_counter() - t0
    t0 = time.perf_counter()
    events = 0
    for _ in range(a.repeat):
        for where, text in docs:
            events += len(extract_record(read_text(text, where=where)).events)
    secs = time.perf_counter() - t0
    mb = size * a.repeat / 1e6
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(docs)} ({size / 1e3:.1f} kB), first pass incl. loading: {warm:.2f} s")
    print(f"steady: {mb:.2f} MB in {secs:.2f} s = {mb / secs:.2f} MB/s, "
          f"{len(docs) * a.repeat / secs:.1f} articles/s, {events / a.repeat:.0f} events per pass")
    print(f"peak RSS: {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
