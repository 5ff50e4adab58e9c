"""Exports of the store: one module per format.

    csv        a folder of CSV tables: events, missions, facts, evidence
    parquet    the same tables as Parquet files (needs pyarrow: bilat[parquet])
    jsonl      one bilat.record/1 record per line
    geojson    a FeatureCollection of missions and sites
    timelinejs TimelineJS JSON, to publish a timeline
    plover     PLOVER JSON lines (id, date, actor, recipient, event, mode, context, text, text_info)
"""
from __future__ import annotations

import importlib
import os

FORMATS = {"csv": "csv_tables", "parquet": "parquet", "jsonl": "jsonl", "geojson": "geojson",
           "timelinejs": "timelinejs", "plover": "plover"}


def export(view, fmt: str, out: str | os.PathLike, pair: tuple[str, str] | None = None) -> str:
    """Write the store (or one pair) in `fmt` to `out` ('-' for stdout where the
    format is one file); returns a one-line description of what was written."""
    if fmt not in FORMATS:
        from ..errors import BilatError
        raise BilatError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    mod = importlib.import_module(f"{__name__}.{FORMATS[fmt]}")
    return mod.write(view, out, pair)
