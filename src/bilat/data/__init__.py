"""Bundled data files: lexicons, gazetteers, tables. Loaded once, validated."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

import yaml

from ..errors import DataFileError

DATA_DIR = Path(str(resources.files(__package__)))


def data_path(name: str) -> Path:
    return DATA_DIR / name


def load_lines(name: str, path: Path | None = None) -> list[str]:
    """Non-empty, non-comment lines of a word list."""
    path = path or data_path(name)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(str(path), None, f"cannot read: {e}") from None
    return [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


# libyaml's loader, when PyYAML was built with it, reads the lexicons ten times faster
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load_yaml(name: str, path: Path | None = None) -> Any:
    path = path or data_path(name)
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.load(f, Loader=_SAFE_LOADER)
    except yaml.YAMLError as e:
        line = getattr(getattr(e, "problem_mark", None), "line", None)
        raise DataFileError(str(path), line + 1 if line is not None else None, str(e).splitlines()[0]) from None
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(str(path), None, f"cannot read: {e}") from None


def iter_tsv(path: Path, required: tuple[str, ...] = (), columns: tuple[str, ...] | None = None
             ) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of each data line of a tab-separated file with a header.

    Blank lines and lines starting with '#' are skipped; `columns`, when
    given, is the exact header; `required` cells must be non-empty."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(str(path), None, f"cannot read: {e}") from None
    header: list[str] | None = None
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            if columns is not None and tuple(cells) != tuple(columns):
                raise DataFileError(str(path), n, f"header must be {' '.join(columns)}, not {' '.join(cells)}")
            missing = [c for c in required if c not in cells]
            if missing:
                raise DataFileError(str(path), n, f"header lacks column(s) {', '.join(missing)}")
            header = cells
            continue
        if len(cells) > len(header) or (columns is not None and len(cells) != len(header)):
            raise DataFileError(str(path), n, f"{len(cells)} tab-separated cells, expected {len(header)}")
        row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
        for c in required:
            if not row[c].strip():
                raise DataFileError(str(path), n, f"empty '{c}'")
        yield n, row
    if header is None:
        raise DataFileError(str(path), None, "no header line")


def load_tsv(name: str, required: tuple[str, ...], path: Path | None = None) -> list[dict[str, str]]:
    """Rows of a bundled tab-separated file with a header."""
    return [row for _, row in iter_tsv(path or data_path(name), required)]
