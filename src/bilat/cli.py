"""The `bilat` command: thin subcommands over the Python API."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from . import __version__
from .errors import BilatError


def _build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="bilat", description=(
        "Turn articles about the relations of two countries into evidence-backed records."))
    p.add_argument("--version", action="version", version=f"bilat {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    ex = sub.add_parser("extract", help="extract the relations record of articles",
                        description="Print the bilat.record/1 record of each ARTICLE "
                                    "(plain-text rendering or MediaWiki wikitext; '-' reads stdin).")
    ex.add_argument("files", nargs="+", metavar="ARTICLE")
    ex.add_argument("--format", choices=["json", "jsonl", "table"], default="table")
    ex.add_argument("--dct", metavar="YYYY-MM-DD", help="document creation date for relative dates")
    ex.set_defaults(run=_run_extract)

    da = sub.add_parser("dates", help="find and normalise time expressions (EDTF)",
                        description="List the time expressions of FILE with EDTF values.")
    da.add_argument("files", nargs="+", metavar="FILE")
    da.add_argument("--dct", metavar="YYYY-MM-DD", help="document creation date (news)")
    da.add_argument("--format", choices=["json", "table"], default="table")
    da.add_argument("--ranges", choices=["split", "joined"], default="split",
                    help="print a range or set as its parts, as TimeML does (split), or as one item (joined)")
    da.set_defaults(run=_lazy("bilat.dates_cli", "run_dates"))

    co = sub.add_parser("code", help="code events sentence by sentence (one input line each)",
                        description="Code each input line as PLOVER events; prints one JSON object per line.")
    co.add_argument("files", nargs="+", metavar="FILE")
    co.add_argument("--format", choices=["jsonl"], default="jsonl")
    co.set_defaults(run=_lazy("bilat.events_cli", "run_code"))

    from .store_cli import add_commands; add_commands(sub)
    from .web_cli import add_commands as add_web; add_web(sub)
    return p


def _lazy(module: str, func: str):
    def run(args: argparse.Namespace) -> int:
        import importlib
        return getattr(importlib.import_module(module), func)(args)
    return run


def error(message: str) -> None:
    """One line on stderr, prefixed so it reads well in a batch."""
    print(f"bilat: error: {message}", file=sys.stderr)


def _run_extract(args: argparse.Namespace) -> int:
    from .extract.record import extract_record
    from .report import print_record_table
    from .sources import read

    status = 0
    records = []
    for path in args.files:
        try:
            rec = extract_record(read(path), dct=args.dct)
        except BilatError as e:
            error(str(e))
            status = 2
            continue
        except Exception as e:  # a bug must not cost the user the rest of the batch
            error(f"{path}: internal error, this is a bug in bilat: {type(e).__name__}: {e}")
            status = 2
            continue
        if args.format == "jsonl":
            print(json.dumps(rec.to_json(), ensure_ascii=False), flush=True)
        elif args.format == "table":
            print_record_table(rec)
        else:
            records.append(rec.to_json())
    if args.format == "json" and records:
        out = records[0] if len(args.files) == 1 else records
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return status


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    try:
        return args.run(args)
    except BilatError as e:
        error(str(e))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
