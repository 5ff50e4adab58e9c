"""Where an export writes: a file (written whole, then renamed) or stdout."""
from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from ..errors import BilatError


@contextlib.contextmanager
def text_out(out):
    """A text stream for `out`; '-' is stdout. A file appears only when complete."""
    if str(out) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    p = Path(out)
    if p.is_dir():
        raise BilatError(f"{p}: is a folder; this export writes one file")
    if not p.parent.exists():
        raise BilatError(f"{p}: folder {p.parent} does not exist")
    tmp = p.with_name(f".{p.name}.tmp{os.getpid()}")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            yield f
        os.replace(tmp, p)
    finally:
        if tmp.exists():
            tmp.unlink()


def folder_out(out) -> Path:
    p = Path(out)
    if str(out) == "-":
        raise BilatError("this export writes several files; give a folder, not '-'")
    if p.exists() and not p.is_dir():
        raise BilatError(f"{p}: exists and is not a folder; this export writes a folder of tables")
    p.mkdir(parents=True, exist_ok=True)
    return p
