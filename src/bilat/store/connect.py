"""Opening the SQLite file: WAL, so that readers never wait for a writer."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..errors import StoreError
from . import schema

DEFAULT = "bilat.db"


def default_path() -> str:
    """--db, else $BILAT_DB, else ./bilat.db."""
    return os.environ.get("BILAT_DB") or DEFAULT


def connect(path: str | os.PathLike, create: bool) -> sqlite3.Connection:
    p = Path(path)
    if not create and not p.exists():
        raise StoreError(f"{p}: no such store; run `bilat ingest ARTICLES --db {p}` first")
    if create and p.parent and not p.parent.exists():
        raise StoreError(f"{p}: folder {p.parent} does not exist")
    try:
        conn = sqlite3.connect(str(p), isolation_level=None, timeout=30, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 30000")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StoreError(f"{p}: cannot switch the store to WAL mode (got {mode})")
        # WAL with synchronous=NORMAL survives a killed process (not a power cut
        # in the last moment), and commits without an fsync each.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{p}: cannot open the store ({e})") from None
    schema.prepare(conn, p, create_if_empty=create)
    return conn
