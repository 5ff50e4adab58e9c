#!/usr/bin/env python3
"""Words per second of bilat's time tagger against dateparser.search_dates
on the same text, in one run.

    python bench/dates_bench.py [TEXT_FILE ...] [--dateparser-words N] [--repeat R]

Without files it uses the WikiWars texts from ../shared (the sibling of the
repository) when present, else a made-up paragraph repeated. dateparser is
slow, so it gets the first N words only (default 5,000); rates are per word
either way, in CPU seconds of one core (so other load on the machine does
not count). bilat is timed in-process (tag_text) and through the command
(`python -m bilat.dates_cli`, wall clock with process start included). dateparser is needed
only here: `pip install dateparser`.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bilat.nlp.timex import tag_text

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
FALLBACK = ("On 6 April 2022 the ministry said that three envoys must leave within a week. Relations had been "
            "cool since 2014, and the following year a fisheries deal was signed after talks in the north. "
            "In the 1990s trade grew; by late 1998 it had doubled, and 1000 copies of the report were printed. ")


def load_texts(paths: list[str]) -> str:
    if paths:
        return "\n\n".join(Path(p).read_text(encoding="utf-8") for p in paths)
    folder = SHARED / "data" / "temporal" / "wikiwars" / "timex3_tml"
    if folder.is_dir():
        docs = []
        for p in sorted(folder.glob("*.tml")):
            body = p.read_text(encoding="utf-8").split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0]
            docs.append(re.sub(r"<[^>]+>", "", body))
        return "\n\n".join(docs)
    return "\n\n".join([FALLBACK] * 2000)


def best_of(fn, repeat: int, clock=time.process_time) -> float:
    """Best of `repeat` runs, in CPU seconds of this process by default (a
    busy machine does not slow the figure down); wall-clock for the CLI."""
    best = float("inf")
    for _ in range(repeat):
        t = clock()
        fn()
        best = min(best, clock() - t)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--dateparser-words", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    text = load_texts(a.files)
    words = len(text.split())
    tag_text("warm-up on 1 May 1990")  # load the word lists and compile the pattern once

    n = len(tag_text(text))
    dt = best_of(lambda: tag_text(text), a.repeat)
    print(f"bilat tag_text:      {words:>9,} words  {dt:8.3f} s  {words / dt:>12,.0f} words/s  ({n} expressions)")

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
    try:
        cmd = [sys.executable, "-m", "bilat.dates_cli", f.name, "--format", "json"]
        dt_cli = best_of(lambda: subprocess.run(cmd, check=True, capture_output=True), a.repeat, time.perf_counter)
    finally:
        Path(f.name).unlink(missing_ok=True)
    print(f"bilat dates (CLI):   {words:>9,} words  {dt_cli:8.3f} s  {words / dt_cli:>12,.0f} words/s  (wall clock, process start included)")

    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser: not installed (pip install dateparser) - no comparison")
        return 0
    sample = " ".join(text.split()[:a.dateparser_words])
    sw = len(sample.split())
    search_dates("warm up on 1 May 1990", languages=["en"])
    t = time.process_time()
    found = search_dates(sample, languages=["en"]) or []
    dp = time.process_time() - t
    print(f"dateparser.search:   {sw:>9,} words  {dp:8.3f} s  {sw / dp:>12,.0f} words/s  ({len(found)} expressions)")
    ours = len(sample.split()) / best_of(lambda: tag_text(sample), a.repeat)
    print(f"bilat on that sample: {ours:,.0f} words/s  -> {ours / (sw / dp):,.0f}x dateparser")
    return 0


if __name__ == "__main__":
    sys.exit(main())
