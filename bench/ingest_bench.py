"""Ingest benchmark: a synthetic corpus made from the dev articles.

    python bench/ingest_bench.py [--n 3500] [--jobs 2] [--corpus DIR] [--keep DIR]

Generates N articles from the dev corpus (../shared/corpus/dev), each with
its pair of countries replaced by another pair (names, adjectives and
demonyms) and its years shifted, ingests them with `bilat ingest --jobs J`,
and prints the seconds, articles per second and peak RSS of the whole
process tree; then the p50/p95 of `timeline` over 200 random pairs.
The articles are generated at run time and never stored in the project.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def _forms(c) -> list[str]:
    """The words that name a country in text, longest first."""
    forms = {c.name, c.official, *c.names, *c.demonyms, *c.adjectives}
    return sorted((f for f in forms if f and len(f) > 2), key=len, reverse=True)


def _swap(text: str, mapping: dict[str, str]) -> str:
    pat = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in mapping) + r")(?!\w)")
    return pat.sub(lambda m: mapping[m.group(1)], text)


def _mapping(src, dst) -> dict[str, str]:
    """Name -> name, adjective -> adjective, demonym -> demonym of the other country."""
    m = {}
    for kind in ("demonyms", "adjectives"):
        a, b = getattr(src, kind), getattr(dst, kind)
        for i, w in enumerate(a):
            if b:
                m[w] = b[min(i, len(b) - 1)]
    for w in (src.name, src.official, *src.names):
        if w:
            m[w] = dst.name
    return m


def generate(corpus: Path, out: Path, n: int, seed: int = 7) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from bilat.extract.pair import pair_from_title
    from bilat.nlp.gazetteer import gazetteer
    from bilat.sources import read
    g = gazetteer()
    rnd = random.Random(seed)
    bases = []
    for f in sorted(corpus.glob("*.txt")):
        art = read(f)
        a, b = pair_from_title(art.title, str(f))
        bases.append((f.read_text(encoding="utf-8"), g.country(a), g.country(b)))
    states = [c for c in g.countries() if c.iso2 and c.adjectives and c.demonyms and len(c.iso3) == 3]
    seen: set[tuple[str, str]] = set()
    made = 0
    while made < n:
        text, ca, cb = bases[made % len(bases)]
        x, y = rnd.sample(states, 2)
        key = tuple(sorted((x.iso3, y.iso3)))
        if key in seen:
            continue
        seen.add(key)
        body = _swap(text, {**_mapping(ca, x), **_mapping(cb, y)})
        shift = rnd.randint(-25, 0)
        body = re.sub(r"(?<!\d)(1[6-9]\d\d|20[0-2]\d)(?!\d)", lambda m: str(int(m.group(1)) + shift), body)
        (out / f"{made:05d}-{x.iso3.lower()}-{y.iso3.lower()}.txt").write_text(body, encoding="utf-8")
        made += 1
    return made


def _tree_rss(pid: int) -> int:
    import psutil
    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for q in procs:
        try:
            total += q.memory_info().rss
        except psutil.Error:
            pass
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=3500)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (corpus and store)")
    ap.add_argument("--queries", type=int, default=200)
    a = ap.parse_args()
    if not a.corpus.is_dir() or not list(a.corpus.glob("*.txt")):
        print(f"skipped: no dev corpus at {a.corpus} (give --corpus DIR)")
        return 0
    try:
        import psutil  # noqa: F401
    except ImportError:
        print("needs psutil: pip install 'bilat[bench]'")
        return 2
    work = a.keep or Path(tempfile.mkdtemp(prefix="bilat-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    arts, db = work / "articles", work / "bench.db"
    arts.mkdir(exist_ok=True)
    t = time.perf_counter()
    n = generate(a.corpus, arts, a.n) if not list(arts.glob("*.txt")) else len(list(arts.glob("*.txt")))
    print(f"corpus: {n} articles in {arts} ({time.perf_counter() - t:.1f} s to generate)")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)

    import resource
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    load0 = os.getloadavg()[0]
    cmd = [sys.executable, "-m", "bilat.cli", "ingest", str(arts), "--db", str(db), "--jobs", str(a.jobs), "-q"]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.1)
    secs = time.perf_counter() - t
    out, err = proc.communicate()
    print(out.strip())
    if err.strip():
        print(err.strip()[-2000:], file=sys.stderr)
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)       # the command and its workers, all waited for
    cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    print(f"ingest: {secs:.1f} s, {n / secs:.1f} articles/s, peak RSS of the process tree "
          f"{peak / 2**20:.0f} MB, jobs={a.jobs}, exit status {proc.returncode}")
    print(f"cpu: {cpu:.0f} s user+sys over the tree, {cpu / n * 1000:.0f} ms per article; "
          f"{cpu / a.jobs:.0f} s of wall time at best on {a.jobs} idle cores "
          f"(load average {load0:.1f} at start, {os.getloadavg()[0]:.1f} at end; {os.cpu_count()} cores)")

    sys.path.insert(0, str(ROOT / "src"))
    import bilat
    kb = bilat.open(db)
    pairs = [(p.a, p.b) for p in kb.pairs()]
    rnd = random.Random(1)
    times, sizes = [], []
    kb.timeline(*pairs[0])                     # warm the gazetteer and the page cache
    for _ in range(a.queries):
        x, y = rnd.choice(pairs)
        t = time.perf_counter()
        rows = kb.timeline(x, y)
        times.append((time.perf_counter() - t) * 1000)
        sizes.append(len(rows))
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"timeline: {len(times)} queries over {len(pairs)} pairs, p50 {statistics.median(times):.2f} ms, "
          f"p95 {p95:.2f} ms, max {times[-1]:.2f} ms, {statistics.mean(sizes):.0f} events per timeline")
    print(f"store: {db} ({db.stat().st_size / 2**20:.0f} MB) {kb.counts()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
