"""Load test of `bilat serve` on loopback: throughput and latency percentiles.

    python bench/serve_bench.py                     # 3,500 made-up pairs, 50 clients, 30 s
    python bench/serve_bench.py --pairs 200 --clients 20 --seconds 10
    python bench/serve_bench.py --db bilat.db       # an existing store, as it is
    python bench/serve_bench.py --db /tmp/b.db      # no such file yet: build it there, and keep it

It builds a store of `--pairs` pairs (the bundled example's record, put
under made-up country pairs; no article text is invented), starts
`bilat serve` on 127.0.0.1 with a free port, and then:

1. latency: one client asks for `/api/pairs/{a}/{b}` of random pairs, one
   request at a time (the p95 target is 50 ms);
2. load: `--clients` concurrent clients (HTTP/1.1 keep-alive) for
   `--seconds`, each request one of `/api/pairs/{a}/{b}`, the pair page
   `/pairs/{a}/{b}`, `/api/pairs` and `/api/events?country=...`.

It prints requests per second and p50/p90/p95/p99 per route, counts every
non-200 answer or socket error as an error, and exits 1 on any error (or
on a missed latency target with --strict). Traffic goes to 127.0.0.1 only,
and every loop is bounded in time.
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


def build_store(db: Path, n: int) -> list[tuple[str, str]]:
    """`n` pairs, each with the bundled example's record under its codes."""
    import bilat
    from bilat.nlp.gazetteer import gazetteer
    from bilat.store import Writer
    base = bilat.extract(str(ROOT / "examples" / "norway-russia.txt"))
    codes = sorted(c.iso3 for c in gazetteer().countries())
    pairs = list(itertools.combinations(codes, 2))
    random.Random(7).shuffle(pairs)
    pairs = sorted(pairs[:n])
    t0 = time.perf_counter()
    with Writer(db) as w:
        for i, (a, b) in enumerate(pairs):
            swap = {"NOR": a, "RUS": b}
            rec = replace(
                base, pair=(a, b),
                source={**base.source, "title": f"Bench pair {a}–{b}", "sha256": f"bench-{a}-{b}"},
                missions=tuple(replace(m, sending=swap.get(m.sending, m.sending),
                                       receiving=swap.get(m.receiving, m.receiving)) for m in base.missions),
                events=tuple(replace(e, id=f"{e.id}-{a}{b}", source=swap.get(e.source, e.source),
                                     target=swap.get(e.target, e.target),
                                     actors=tuple(swap.get(x, x) for x in e.actors)) for e in base.events))
            w.put(rec)
            if (i + 1) % 500 == 0:
                print(f"  stored {i + 1}/{len(pairs)} pairs ({time.perf_counter() - t0:.0f} s)", flush=True)
    return pairs


def store_pairs(db: Path) -> list[tuple[str, str]]:
    import bilat
    with bilat.open(db) as kb:
        return [(p.a, p.b) for p in kb.pairs()]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "bilat.cli", "serve", "--db", str(db), "--host", HOST, "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped: {proc.stdout.read()}")
        try:
            with socket.create_connection((HOST, port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


class Client:
    """A minimal HTTP/1.1 keep-alive GET client (the server always sends Content-Length)."""

    def __init__(self, port: int):
        self.port = port
        self.reader = self.writer = None

    async def get(self, path: str) -> tuple[int, int]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: keep-alive\r\n\r\n".encode())
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length, close = 0, False
        for line in lines[1:]:
            k, _, v = line.partition(":")
            if k.lower() == "content-length":
                length = int(v)
            elif k.lower() == "connection" and v.strip().lower() == "close":
                close = True
        body = await self.reader.readexactly(length)
        if close:
            await self.close()
        return status, len(body)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except OSError:
                pass
        self.reader = self.writer = None


def routes(pairs: list[tuple[str, str]], rng: random.Random):
    def pair():
        a, b = rng.choice(pairs)
        return quote(a), quote(b)

    def api_pair():
        a, b = pair()
        return "api pair", f"/api/pairs/{a}/{b}"

    def page():
        a, b = pair()
        return "pair page", f"/pairs/{a}/{b}"

    def api_pairs():
        return "api pairs", "/api/pairs"

    def api_events():
        return "api events", f"/api/events?country={pair()[0]}&since=2000&limit=100"
    # weights: mostly records and pages, as the issue asks
    return [api_pair] * 5 + [page] * 3 + [api_events, api_pairs]


async def load(port: int, pairs, clients: int, seconds: float, seed: int = 1):
    lat: dict[str, list[float]] = {}
    errors: list[str] = []
    deadline = time.perf_counter() + seconds

    async def worker(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        pick = routes(pairs, rng)
        c = Client(port)
        try:
            while time.perf_counter() < deadline:
                name, path = rng.choice(pick)()
                t = time.perf_counter()
                try:
                    status, _ = await asyncio.wait_for(c.get(path), timeout=30)
                except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError) as e:
                    errors.append(f"{path}: {type(e).__name__} {e}")
                    await c.close()
                    continue
                lat.setdefault(name, []).append(time.perf_counter() - t)
                if status != 200:
                    errors.append(f"{path}: HTTP {status}")
        finally:
            await c.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(clients)))
    return lat, errors, time.perf_counter() - t0


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(p / 100 * len(xs)) - 1))] * 1000


def report(title: str, lat: dict[str, list[float]], elapsed: float) -> None:
    print(f"\n{title}")
    print(f"  {'route':<12} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p90 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
          f" {'max ms':>8}")
    rows = sorted(lat.items()) + [("all", [x for xs in lat.values() for x in xs])]
    for name, xs in rows:
        if not xs:
            continue
        print(f"  {name:<12} {len(xs):>9} {len(xs) / elapsed:>8.1f} {pct(xs, 50):>8.1f} {pct(xs, 90):>8.1f}"
              f" {pct(xs, 95):>8.1f} {pct(xs, 99):>8.1f} {max(xs) * 1000:>8.1f}")


async def sequential(port: int, pairs, n: int, seed: int = 2) -> list[float]:
    rng = random.Random(seed)
    c = Client(port)
    out = []
    try:
        for _ in range(n):
            a, b = rng.choice(pairs)
            t = time.perf_counter()
            status, _ = await c.get(f"/api/pairs/{quote(a)}/{quote(b)}")
            out.append(time.perf_counter() - t)
            if status != 200:
                raise SystemExit(f"/api/pairs/{a}/{b}: HTTP {status}")
    finally:
        await c.close()
    return out


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) of a process so far, from /proc (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, help="an existing store; if the file does not exist, the store "
                                           "of --pairs pairs is built there and kept (default: a temporary one)")
    ap.add_argument("--pairs", type=int, default=3500)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--requests", type=int, default=1000, help="sequential requests in the latency pass")
    ap.add_argument("--strict", action="store_true", help="exit 1 when the p95 target (50 ms) is missed")
    args = ap.parse_args(argv)
    args.seconds = min(args.seconds, 600.0)          # bounded, whatever is asked

    with tempfile.TemporaryDirectory(prefix="bilat-bench-") as tmp:
        if args.db and args.db.exists():
            db = args.db
            pairs = store_pairs(db)
            print(f"store {db}: {len(pairs)} pairs")
        else:
            db = args.db or Path(tmp) / "bench.db"          # --db that does not exist yet: built and kept
            print(f"building a store of {args.pairs} pairs in {db} ...", flush=True)
            pairs = build_store(db, args.pairs)
        if not pairs:
            raise SystemExit("the store has no pairs")
        port = free_port()
        server = start_server(db, port)
        try:
            print(f"server: bilat serve on http://{HOST}:{port}/ (pid {server.pid}); machine has "
                  f"{os.cpu_count()} cores")
            asyncio.run(sequential(port, pairs, 50))                   # warm up
            seq = asyncio.run(sequential(port, pairs, args.requests))
            report(f"latency: 1 client, {args.requests} sequential requests of /api/pairs/{{a}}/{{b}} "
                   f"({len(pairs)} pairs in the store)", {"api pair": seq}, sum(seq))
            p95 = pct(seq, 95)
            print(f"  p95 {p95:.1f} ms: {'meets' if p95 < 50 else 'MISSES'} the 50 ms target")
            cpu0 = cpu_seconds(server.pid)
            lat, errors, elapsed = asyncio.run(load(port, pairs, args.clients, args.seconds))
            cpu1 = cpu_seconds(server.pid)
            report(f"load: {args.clients} concurrent clients for {elapsed:.1f} s", lat, elapsed)
            n = sum(len(xs) for xs in lat.values())
            if cpu0 is not None and cpu1 is not None and n:
                print(f"  server CPU: {cpu1 - cpu0:.1f} s for {n} requests = {1000 * (cpu1 - cpu0) / n:.1f} ms"
                      f" a request; {100 * (cpu1 - cpu0) / elapsed:.0f}% of one core (the rest went to the"
                      f" clients and to whatever else runs; load average now {os.getloadavg()[0]:.1f})")
            print(f"\nerrors: {len(errors)}")
            for e in errors[:10]:
                print(f"  {e}")
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    if errors:
        return 1
    if args.strict and p95 >= 50:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
