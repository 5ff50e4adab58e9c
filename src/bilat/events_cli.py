"""`bilat code` and `bilat timeline`: the event coder and the timeline on the command line.

    bilat code FILE|- --format jsonl         one JSON object per input line, in order
    bilat timeline ARTICLE --format table|json|csv

The coder never stops on bad input: an empty line gives {"line": N, "events": []},
a line that is not text or is too long is skipped with a warning on stderr,
and the numbering stays aligned with the input.
"""
from __future__ import annotations

import csv
import json
import sys
from typing import IO, Iterable

from .errors import BilatError
from .model import plain


def _warn(msg: str) -> None:
    print(f"bilat code: {msg}", file=sys.stderr)


def _lines(name: str) -> Iterable[tuple[int, str | None, str | None]]:
    """(line number, text or None, problem or None) for each line of a file or stdin."""
    stream: IO[bytes] = sys.stdin.buffer if name == "-" else open(name, "rb")
    try:
        for n, raw in enumerate(stream, 1):
            raw = raw.rstrip(b"\r\n")
            if b"\x00" in raw:
                yield n, None, "binary data, skipped"
                continue
            text = raw.decode("utf-8", errors="replace")
            problem = "not UTF-8, undecodable bytes replaced" if "\ufffd" in text and b"\xef\xbf\xbd" not in raw \
                else None
            yield n, text, problem
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def run_code(args) -> int:
    """Code each line of each file (args.files, "-" for stdin) as JSON lines on stdout."""
    from .extract.coder import MAX_CHARS, code_line
    fmt = getattr(args, "format", "jsonl") or "jsonl"
    if fmt != "jsonl":
        _warn(f"unknown format {fmt!r}; expected jsonl")
        return 2
    files = list(getattr(args, "files", None) or ["-"])
    status = 0
    out = sys.stdout
    for name in files:
        try:
            for n, text, problem in _lines(name):
                rec: dict = {"line": n}
                if len(files) > 1:
                    rec["file"] = name
                events: list = []
                if text is None:
                    _warn(f"{name}:{n}: {problem}")
                elif len(text) > MAX_CHARS:
                    _warn(f"{name}:{n}: line of {len(text)} characters skipped (limit {MAX_CHARS})")
                else:
                    if problem:
                        _warn(f"{name}:{n}: {problem}")
                    try:
                        events = [plain(e) for e in code_line(text)]
                    except BilatError as e:
                        _warn(f"{name}:{n}: {e}")
                    except RecursionError:
                        _warn(f"{name}:{n}: line too deeply nested, skipped")
                rec["events"] = events
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        except OSError as e:
            _warn(f"{name}: cannot read: {e.strerror or e}")
            status = 1
    out.flush()
    return status


_COLUMNS = ("date", "type", "mode", "source", "target", "count", "summary")


def _rows(events, include_fictional: bool = False) -> list[dict]:
    rows = []
    for e in events:
        if e.fictional and not include_fictional:
            continue                      # plans, denials and fiction are not history
        arrow = f"{e.source or '?'} → {e.target or '?'}" if (e.source or e.target) else " – ".join(e.actors)
        rows.append({"date": e.date or "", "type": e.type, "mode": e.mode or "", "source": e.source or "",
                     "target": e.target or "", "actors": list(e.actors), "direction": arrow,
                     "count": e.count if e.count is not None else "",
                     "summary": e.summary + (" [not history]" if e.fictional else ""), "id": e.id,
                     "response_to": e.response_to or "",
                     "evidence": e.evidence[0].text if e.evidence else ""})
    return rows


def run_timeline(args) -> int:
    """Print the dated events of each article (args.files, or args.article) as a table, JSON or CSV."""
    from .extract.events import extract_events
    from .extract.pair import pair_from_title
    from .sources import read
    fmt = getattr(args, "format", "table") or "table"
    if fmt not in ("table", "json", "csv"):
        print(f"bilat timeline: unknown format {fmt!r}; expected table, json or csv", file=sys.stderr)
        return 2
    files = list(getattr(args, "files", None) or [getattr(args, "article", None)])
    include = bool(getattr(args, "include_fictional", False))
    status = 0
    writer = None
    for name in files:
        try:
            article = read(name)
            pair = pair_from_title(article.title, article.path or str(name))
            events = extract_events(article, pair)
        except BilatError as e:
            print(f"bilat timeline: {e}", file=sys.stderr)
            status = 1
            continue
        rows = _rows(events, include)
        if fmt == "json":
            print(json.dumps({"article": str(name), "pair": list(pair),
                              "events": [plain(e) for e in events if include or not e.fictional]},
                             ensure_ascii=False, indent=2))
        elif fmt == "csv":
            if writer is None:
                writer = csv.writer(sys.stdout)
                writer.writerow(["article", "date", "type", "mode", "source", "target", "count", "summary", "id",
                                 "response_to"])
            for r in rows:
                writer.writerow([str(name), r["date"], r["type"], r["mode"], r["source"], r["target"], r["count"],
                                 r["summary"], r["id"], r["response_to"]])
        else:
            from rich.console import Console
            from rich.table import Table
            t = Table(title=f"{article.title}: {len(rows)} events")
            for col in ("date", "type", "source → target", "count", "summary"):
                t.add_column(col, overflow="fold")
            for r in rows:
                t.add_row(r["date"], r["type"] + (f":{r['mode']}" if r["mode"] else ""), r["direction"],
                          str(r["count"]), r["summary"])
            Console().print(t)
    return status
