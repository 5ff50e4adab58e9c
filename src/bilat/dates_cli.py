"""`bilat dates FILE [--dct YYYY-MM-DD] [--format json|table]`: the time
expressions of a text file, with EDTF values and character offsets.

Input is read and tagged paragraph by paragraph, so memory stays flat on
large files; output streams as it is found. By default a range or set is
printed as its inner expressions (TimeML's convention: "from 1809 to 1917"
gives "1809" and "1917"), each carrying the whole `interval`; `--ranges
joined` prints the range as one item instead.
"""
from __future__ import annotations

import codecs
import json
import sys
from typing import IO, Iterator

from .errors import BugError, SourceError
from .nlp.timex import Tagger

CHUNK = 1 << 16
MAX_PARA = 1 << 20  # split a paragraph longer than this at whitespace


def paragraphs(stream: IO[bytes], where: str) -> Iterator[tuple[int, str]]:
    """(character offset, text) of each paragraph-sized piece of a UTF-8
    byte stream; SourceError at the first undecodable byte."""
    dec = codecs.getincrementaldecoder("utf-8")()
    buf = ""
    offset = 0
    nbytes = 0
    while True:
        try:
            raw = stream.read(CHUNK)
        except OSError as e:
            raise SourceError(where, f"cannot read: {e.strerror or e}") from None
        try:
            piece = dec.decode(raw, final=not raw)
        except UnicodeDecodeError as e:
            raise SourceError(where, f"not UTF-8 text (bad byte near byte offset {nbytes + max(e.start, 0)})") from None
        nbytes += len(raw)
        buf += piece
        while True:
            cut = buf.rfind("\n\n", 0, MAX_PARA)
            if cut < 0:
                if len(buf) <= MAX_PARA:
                    break
                cut = max(buf.rfind(" ", 0, MAX_PARA), buf.rfind("\n", 0, MAX_PARA))
                if cut <= 0:
                    cut = MAX_PARA
            else:
                cut += 2
            if cut >= len(buf) and raw:
                break
            yield offset, buf[:cut]
            offset += len(buf[:cut])
            buf = buf[cut:]
        if not raw:
            if buf:
                yield offset, buf
            return


def _items(timexes, ranges: str):
    for t in timexes:
        if t.parts and ranges != "joined":
            for p in t.parts:
                d = _item(p)
                d["interval"] = t.value
                yield d
        else:
            yield _item(t)


def _item(t) -> dict:
    return {"start": t.start, "end": t.end, "text": t.text, "type": t.type,
            "value": t.value, "anchored": t.anchored}


def _open(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except OSError as e:
        raise SourceError(path, e.strerror or str(e)) from None


def run_dates(args) -> int:
    """Implements `bilat dates`; returns the exit code. Errors are one line
    on stderr (exit 2), never a traceback."""
    dct = getattr(args, "dct", None) or None
    fmt = getattr(args, "format", None) or "json"
    ranges = getattr(args, "ranges", None) or "split"
    files = getattr(args, "files", None) or [getattr(args, "file", "-")]
    if isinstance(files, str):
        files = [files]
    try:
        Tagger(dct)
    except ValueError as e:
        print(f"bilat dates: {e}", file=sys.stderr)
        return 2
    try:
        if fmt == "table":
            return _table(files, dct, ranges)
        return _json(files, dct, ranges)
    except SourceError as e:
        print(f"bilat dates: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except Exception as e:  # noqa: BLE001 - one line, never a traceback
        print(f"bilat dates: {BugError(f'internal error, please report: {type(e).__name__}: {e}')}", file=sys.stderr)
        return 2


def _json(files, dct, ranges) -> int:
    out = sys.stdout
    many = len(files) > 1
    first = True
    for path in files:
        tagger = Tagger(dct)
        with _open(path) if path != "-" else _nullctx(sys.stdin.buffer) as f:
            for off, para in paragraphs(f, path):
                for d in _items(tagger.feed(para, off), ranges):
                    if many:
                        d = {"file": path, **d}
                    # "[" waits for the first item, so a file that fails before
                    # any output prints nothing on stdout
                    out.write(("[\n " if first else ",\n ") + json.dumps(d, ensure_ascii=False))
                    first = False
    out.write("\n]\n" if not first else "[]\n")
    return 0


def _table(files, dct, ranges) -> int:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for path in files:
        table = Table(title=path if len(files) > 1 else None)
        for col in ("start", "end", "text", "type", "value", "anchored"):
            table.add_column(col, justify="right" if col in ("start", "end") else "left")
        tagger = Tagger(dct)
        with _open(path) if path != "-" else _nullctx(sys.stdin.buffer) as f:
            for off, para in paragraphs(f, path):
                for d in _items(tagger.feed(para, off), ranges):
                    table.add_row(str(d["start"]), str(d["end"]), d["text"].replace("\n", " "), d["type"],
                                  d["value"], "yes" if d["anchored"] else "")
        console.print(table)
    return 0


class _nullctx:
    def __init__(self, f):
        self.f = f

    def __enter__(self):
        return self.f

    def __exit__(self, *a):
        return False


def main(argv: list[str] | None = None) -> int:
    """`python -m bilat.dates_cli FILE...`: the same command without the
    rest of the CLI (used by the evaluation test and the benchmark)."""
    import argparse

    ap = argparse.ArgumentParser(prog="bilat dates", description="Time expressions of a text file, as EDTF.")
    ap.add_argument("files", nargs="+", help="text files (UTF-8); - for stdin")
    ap.add_argument("--dct", help="document creation date YYYY-MM-DD (news)")
    ap.add_argument("--format", choices=("json", "table"), default="json")
    ap.add_argument("--ranges", choices=("split", "joined"), default="split",
                    help="print a range as its two ends (TimeML, default) or as one EDTF interval")
    return run_dates(ap.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
