"""The knowledge-base commands: ingest, pairs, timeline, events, missions, asof, export.

    bilat ingest PATH... [--db FILE] [--jobs N]
    bilat pairs
    bilat timeline A B [--from DATE] [--to DATE] [--type T] [--include-fictional]
    bilat timeline ARTICLE                   (one article file: its own timeline)
    bilat events [--country C] [--type T] [--since DATE] [--until DATE] [--text WORDS]
    bilat missions [--country C] [--open|--closed]
    bilat asof A B DATE
    bilat export --format csv|parquet|jsonl|geojson|timelinejs|plover OUT [--pair A B]

The store is --db, else $BILAT_DB, else ./bilat.db.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from .errors import BilatError

FORMATS = ["table", "json", "csv"]


def add_commands(sub) -> None:
    def db(p):
        p.add_argument("--db", metavar="FILE", help="the store (default: $BILAT_DB or ./bilat.db)")

    def fmt(p):
        p.add_argument("--format", choices=FORMATS, default="table")

    p = sub.add_parser("ingest", help="extract articles and store their records",
                       description="Extract the record of each article (files, folders, globs, '-' for "
                                   "stdin, XML dumps) and store it. Unchanged articles are skipped; changed "
                                   "ones replace their previous record. Exit status 1 if any article failed.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    db(p)
    p.add_argument("-j", "--jobs", type=int, default=None, help="extraction processes (default: all cores)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=run_ingest)

    p = sub.add_parser("pairs", help="the pairs of countries in the store",
                       description="List the pairs of countries in the store with their counts.")
    db(p)
    fmt(p)
    p.set_defaults(run=run_pairs)

    p = sub.add_parser("timeline", help="the dated events of a pair (store) or of an article file",
                       description="bilat timeline A B: the dated events of countries A and B from the store. "
                                   "bilat timeline ARTICLE: the timeline of one article file.")
    p.add_argument("files", nargs="+", metavar="A B | ARTICLE")
    p.add_argument("--from", dest="start", metavar="DATE", help="events from DATE (YYYY[-MM[-DD]])")
    p.add_argument("--to", dest="end", metavar="DATE", help="events until DATE")
    p.add_argument("--type", action="append", metavar="TYPE", help="PLOVER type(s), e.g. SANCTION,EXPEL")
    p.add_argument("--include-fictional", action="store_true",
                   help="also list flagged (fictional, negated, planned) events")
    db(p)
    fmt(p)
    p.set_defaults(run=run_timeline)

    p = sub.add_parser("events", help="search events in the store",
                       description="Events of the store, filtered by country, type, period and words of "
                                   "their evidence sentence (full-text search).")
    p.add_argument("--country", metavar="C", help="a country of the pair (name, ISO code or demonym)")
    p.add_argument("--type", action="append", metavar="TYPE", help="PLOVER type(s)")
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p.add_argument("--text", metavar="WORDS", help="words that the evidence sentence contains (all of them)")
    p.add_argument("--include-fictional", action="store_true")
    p.add_argument("--limit", type=int, default=None)
    db(p)
    fmt(p)
    p.set_defaults(run=run_events)

    p = sub.add_parser("missions", help="diplomatic missions in the store",
                       description="Embassies and consulates, by sending or receiving country.")
    p.add_argument("--country", metavar="C")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--open", dest="status", action="store_const", const="open")
    g.add_argument("--closed", dest="status", action="store_const", const="closed")
    db(p)
    fmt(p)
    p.set_defaults(run=run_missions)

    p = sub.add_parser("asof", help="the state of the relations of a pair on a date",
                       description="Relations established or not, missions open, list memberships in force, "
                                   "events so far by type and the last ten events, on DATE.")
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    p.add_argument("date", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD")
    db(p)
    fmt(p)
    p.set_defaults(run=run_asof)

    from .export import FORMATS as EXPORTS
    p = sub.add_parser("export", help="export the store: csv, parquet, jsonl, geojson, timelinejs, plover",
                       description="Write the store (or one pair) to OUT: csv and parquet write a folder of "
                                   "tables (events, missions, facts, evidence); the others one file "
                                   "('-' for stdout).")
    p.add_argument("--format", choices=list(EXPORTS), required=True)
    p.add_argument("out", metavar="OUT")
    p.add_argument("--pair", nargs=2, metavar=("A", "B"))
    db(p)
    p.set_defaults(run=run_export)


# ------------------------------------------------------------------ helpers

def _db(args) -> str:
    from .store import default_path
    return args.db or default_path()


def _view(args):
    from .store import open_store
    return open_store(_db(args))


def _err(msg: str) -> None:
    print(f"bilat: error: {msg}", file=sys.stderr)


def _print(rows, args, columns: list[tuple[str, object]], title: str = "") -> None:
    """rows as a rich table, JSON (full rows) or CSV (the table's columns)."""
    if args.format == "json":
        print(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2))
        return
    if args.format == "csv":
        w = csv.writer(sys.stdout)
        w.writerow([c for c, _ in columns])
        for r in rows:
            w.writerow([f(r) for _, f in columns])
        return
    from rich.console import Console
    from rich.table import Table
    t = Table(title=title or None)
    for c, _ in columns:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*(str(f(r)) for _, f in columns))
    Console().print(t)


def _v(x) -> str:
    return "" if x is None else str(x)


def _direction(e) -> str:
    if e.source or e.target:
        return f"{e.source or '?'} → {e.target or '?'}"
    return " – ".join(e.actors)


EVENT_COLUMNS = [("date", lambda e: _v(e.date)), ("type", lambda e: e.type + (f":{e.mode}" if e.mode else "")),
                 ("source → target", _direction), ("count", lambda e: _v(e.count)),
                 ("summary", lambda e: e.summary)]


# ------------------------------------------------------------------ commands

def run_ingest(args) -> int:
    from .store.ingest import ingest
    jobs = args.jobs
    if jobs is not None and jobs < 1:
        raise BilatError("--jobs must be 1 or more")
    from rich.console import Console
    err = Console(stderr=True)
    show = not args.quiet and err.is_terminal
    if show:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
        with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      TextColumn("{task.description}"), console=err, transient=True) as bar:
            task = bar.add_task("", total=None)

            def progress(done, total, where):
                bar.update(task, completed=done, total=total, description=Path(where).name if where else "")
            rep = ingest(args.paths, _db(args), jobs=jobs, progress=progress)
    else:
        rep = ingest(args.paths, _db(args), jobs=jobs)
    print(f"{rep.articles} articles in {rep.seconds:.1f} s: {rep.added} added, {rep.replaced} replaced, "
          f"{rep.unchanged} unchanged, {len(rep.failed)} failed; "
          f"{rep.events} events and {rep.missions} missions stored into {_db(args)}")
    for where, reason in rep.failed:
        print(f"  failed: {where}: {reason}")
    return 0 if rep.ok else 1


def run_pairs(args) -> int:
    with _view(args) as v:
        rows = v.pairs()
    _print(rows, args, [("a", lambda p: p.a), ("b", lambda p: p.b), ("names", lambda p: f"{p.a_name} – {p.b_name}"),
                        ("established", lambda p: _v(p.established)), ("events", lambda p: p.events),
                        ("missions", lambda p: p.missions), ("first", lambda p: _v(p.first)),
                        ("last", lambda p: _v(p.last))], title=f"{len(rows)} pairs")
    return 0


def run_timeline(args) -> int:
    files = args.files
    existing = [f for f in files if f == "-" or Path(f).is_file()]
    looks_like_file = any("/" in f or f.endswith((".txt", ".wiki", ".wikitext")) for f in files)
    if len(files) == 2 and not existing and not looks_like_file:
        with _view(args) as v:
            rows = v.timeline(files[0], files[1], start=args.start, end=args.end, types=args.type,
                              include_fictional=args.include_fictional)
            a, b = v.code(files[0]), v.code(files[1])
        _print(rows, args, EVENT_COLUMNS, title=f"{a}–{b}: {len(rows)} events")
        return 0
    if len(existing) != len(files):
        missing = [f for f in files if f not in existing]
        raise BilatError(f"{missing[0]}: no such article file (give one ARTICLE file, or two countries A B)")
    from .events_cli import run_timeline as article_timeline
    status = 0
    for f in files:
        args.article = f
        status = max(status, article_timeline(args))
    return status


def run_events(args) -> int:
    with _view(args) as v:
        rows = v.events(country=args.country, type=args.type, since=args.since, until=args.until,
                        text=args.text, include_fictional=args.include_fictional, limit=args.limit)
    cols = EVENT_COLUMNS + [("pair", lambda e: "–".join(e.pair))]
    if args.text:
        cols = cols + [("evidence", lambda e: e.text)]
    _print(rows, args, cols, title=f"{len(rows)} events")
    return 0


def run_missions(args) -> int:
    with _view(args) as v:
        rows = v.missions(country=args.country, status=args.status)
    _print(rows, args, [("sending", lambda m: m.sending), ("receiving", lambda m: m.receiving),
                        ("kind", lambda m: m.kind), ("city", lambda m: m.city), ("status", lambda m: m.status),
                        ("opened", lambda m: m.opened or ""), ("closed", lambda m: m.closed or "")],
           title=f"{len(rows)} missions")
    return 0


def run_asof(args) -> int:
    with _view(args) as v:
        s = v.asof(args.a, args.b, args.date)
    if args.format == "json":
        print(json.dumps(s.to_json(), ensure_ascii=False, indent=2))
        return 0
    est = {True: f"yes (since {s.established_date})", False: f"not yet (from {s.established_date})",
           None: "unknown"}[s.established]
    if args.format == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["field", "value"])
        w.writerow(["pair", f"{s.a}-{s.b}"])
        w.writerow(["date", s.date])
        w.writerow(["established", est])
        for m in s.missions:
            w.writerow(["mission", f"{m.sending} {m.kind} in {m.city}"])
        for x in s.lists:
            w.writerow(["list", f"{x.lister} lists {x.listed}: {x.name} (since {x.since})"])
        for t, n in s.counts.items():
            w.writerow([f"events:{t}", n])
        for e in s.last_events:
            w.writerow(["last_event", f"{e.date} {e.type} {e.summary}"])
        return 0
    from rich.console import Console
    con = Console()
    con.print(f"[bold]{s.a}–{s.b} on {s.date}[/bold]")
    con.print(f"diplomatic relations: {est}")
    con.print(f"missions open: {len(s.missions)}" + "".join(
        f"\n  {m.sending} {m.kind} in {m.city}" for m in s.missions))
    con.print(f"lists in force: {len(s.lists)}" + "".join(
        f"\n  {x.lister} lists {x.listed}: {x.name} (since {x.since})" for x in s.lists))
    con.print(f"events so far: {s.events_so_far}" + (" (" + ", ".join(
        f"{t} {n}" for t, n in s.counts.items()) + ")" if s.counts else ""))
    args.format = "table"
    _print(s.last_events, args, EVENT_COLUMNS, title="last ten events")
    return 0


def run_export(args) -> int:
    from .export import export
    with _view(args) as v:
        pair = tuple(args.pair) if args.pair else None
        if pair:
            v.pair_key(*pair)           # unknown countries fail before anything is written
        msg = export(v, args.format, args.out, pair)
    print(msg, file=sys.stderr if args.out == "-" else sys.stdout)
    return 0
