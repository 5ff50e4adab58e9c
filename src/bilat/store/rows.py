"""What store queries return: frozen dataclasses, in tuples that know pandas."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from ..errors import BilatError


class Rows(tuple):
    """A tuple of result dataclasses; `.to_pandas()` gives a DataFrame."""

    def to_pandas(self):
        try:
            import pandas as pd
        except ImportError:
            raise BilatError("to_pandas() needs pandas: pip install 'bilat[pandas]'") from None
        if not self:
            return pd.DataFrame()
        return pd.DataFrame([asdict(r) for r in self])

    def to_json(self) -> list[dict[str, Any]]:
        return [r.to_json() for r in self]


class _Json:
    def to_json(self) -> dict[str, Any]:
        out = {}
        for f in fields(self):  # type: ignore[arg-type]
            v = getattr(self, f.name)
            if isinstance(v, Rows):
                v = v.to_json()
            elif isinstance(v, tuple):
                v = list(v)
            out[f.name] = v
        return out


@dataclass(frozen=True)
class Pair(_Json):
    a: str
    b: str
    a_name: str
    b_name: str
    articles: int
    events: int
    missions: int
    established: str | None
    first: str | None        # earliest event date (EDTF)
    last: str | None


@dataclass(frozen=True)
class EventRow(_Json):
    id: str
    date: str | None
    date_lo: str | None
    date_hi: str | None
    type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    goldstein: float | None
    source: str | None
    target: str | None
    actors: tuple[str, ...]
    count: int | None
    summary: str
    fictional: bool
    response_to: str | None
    pair: tuple[str, str]
    title: str
    text: str                # the first evidence sentence
    section: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class MissionRow(_Json):
    sending: str
    receiving: str
    kind: str
    city: str
    status: str
    lat: float | None
    lon: float | None
    pair: tuple[str, str]
    title: str
    text: str
    opened: str | None = None        # EDTF, where the article tells it
    closed: str | None = None


@dataclass(frozen=True)
class ListRow(_Json):
    name: str
    lister: str
    listed: str
    since: str | None
    title: str
    text: str


@dataclass(frozen=True)
class AsOf(_Json):
    """The state of the relations of a pair on a day."""
    a: str
    b: str
    date: str
    established: bool | None        # None: the articles do not say when
    established_date: str | None
    missions: Rows                   # MissionRow: open and (if known) established by then
    lists: Rows                      # ListRow in force on the day
    counts: dict[str, int]           # events so far, by PLOVER type
    events_so_far: int
    last_events: Rows                # EventRow: the last ten


@dataclass(frozen=True)
class SectionText(_Json):
    """The section of a stored article that holds a piece of evidence."""
    title: str               # the article's
    section: str             # its label: "Lead", "History > After 1991"
    text: str                # the section's text (heading excluded)
    offset: int              # where the section starts in the article's text
    start: int               # the evidence, relative to the section's text
    end: int
