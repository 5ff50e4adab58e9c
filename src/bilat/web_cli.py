"""`bilat serve`: the HTTP JSON API and the web explorer over a store."""
from __future__ import annotations

import argparse


def add_commands(sub) -> None:
    sv = sub.add_parser("serve", help="serve the web explorer and the JSON API over a store",
                        description="Serve the web explorer (http://HOST:PORT/) and the JSON API "
                                    "(/api/..., described at /openapi.json) over the store, read-only.")
    sv.add_argument("--db", default=None, metavar="PATH", help="the store (default: $BILAT_DB or ./bilat.db)")
    sv.add_argument("--host", default="127.0.0.1",
                    help="address to bind (default 127.0.0.1: this machine only)")
    sv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    sv.set_defaults(run=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    from .errors import BilatError
    from .store import default_path
    try:
        import uvicorn

        from .api import create_app
    except ImportError as e:
        raise BilatError(f"`bilat serve` needs the web extra: pip install 'bilat[web]' ({e})") from None
    db = args.db or default_path()
    app = create_app(db)                 # a StoreError here says to run `bilat ingest` first
    print(f"bilat: serving {db} at http://{_host(args.host)}:{args.port}/ (Ctrl-C stops)", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0


def _host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
