"""Parquet tables (events, missions, facts, evidence) in a folder; needs pyarrow."""
from __future__ import annotations

from ..errors import BilatError
from ._out import folder_out
from .csv_tables import TABLES


def write(view, out, pair=None) -> str:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise BilatError("Parquet export needs pyarrow: pip install 'bilat[parquet]'") from None
    folder = folder_out(out)
    counts = []
    for name in TABLES:
        cols, rows = view.table(name, pair)
        data = list(zip(*rows)) or [()] * len(cols)
        table = pa.table({c: pa.array(list(v)) if v else pa.array([], type=pa.string())
                          for c, v in zip(cols, data)})
        pq.write_table(table, folder / f"{name}.parquet")
        counts.append(f"{name}.parquet ({table.num_rows} rows)")
    return f"{folder}: " + ", ".join(counts)
