"""The data bilat produces: frozen dataclasses and the bilat.record/1 JSON.

An Article holds its text once; everything found in it is a span over that
text. Facts and events carry Evidence: the whole sentence, its offsets and
the section path it sits in.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

SCHEMA = "bilat.record/1"


@dataclass(frozen=True)
class Section:
    """A heading path and the span of the text under it (heading excluded)."""
    path: tuple[str, ...]        # ("Timeline", "After 1991"); () for the lead
    start: int
    end: int
    level: int = 0               # 0 lead, 2 for ==X==, 3 for ===X===, ...

    @property
    def title(self) -> str:
        return self.path[-1] if self.path else ""

    @property
    def label(self) -> str:
        return " > ".join(self.path) if self.path else "Lead"


@dataclass(frozen=True)
class Article:
    """One input article: its text held once, sections as spans over it.

    `offsets` maps plain-text offsets back to the source (wikitext); it is
    None when the text *is* the source (plain-text rendering)."""
    title: str
    text: str
    sections: tuple[Section, ...]
    infobox: dict[str, str] = field(default_factory=dict)
    format: str = "plaintext"
    path: str | None = None
    sha256: str = ""
    offsets: tuple[int, ...] | None = None

    def section_at(self, offset: int) -> Section | None:
        """The innermost section whose span holds `offset`."""
        best = None
        for s in self.sections:
            if s.start <= offset < s.end or (s.start == offset == s.end):
                if best is None or s.level >= best.level:
                    best = s
        return best

    def source_offset(self, offset: int) -> int:
        """Where a plain-text offset points in the source file's text."""
        if self.offsets is None:
            return offset
        if offset >= len(self.offsets):
            return self.offsets[-1] + 1 if self.offsets else 0
        return self.offsets[offset]


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int
    end: int
    section: str


@dataclass(frozen=True)
class Established:
    date: str | None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Mission:
    sending: str
    receiving: str
    kind: str                    # embassy, consulate-general, consulate, honorary consulate, ...
    city: str
    status: str = "open"         # open | closed
    opened: str | None = None    # EDTF: when the article says it opened (the first time)
    closed: str | None = None    # EDTF: when it says it closed, for a mission closed now
    lat: float | None = None
    lon: float | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Border:
    length_km: float | None
    crossings: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class ListMembership:
    name: str
    lister: str
    listed: str
    since: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Person:
    name: str
    nationality: str | None = None
    role: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Site:
    name: str
    kind: str
    place: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Event:
    id: str
    date: str | None
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    goldstein: float | None = None
    source: str | None = None
    target: str | None = None
    actors: tuple[str, ...] = ()
    count: int | None = None
    summary: str = ""
    fictional: bool = False
    response_to: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Record:
    source: dict[str, Any]
    pair: tuple[str, str]
    established: Established | None = None
    missions: tuple[Mission, ...] = ()
    border: Border | None = None
    lists: tuple[ListMembership, ...] = ()
    people: tuple[Person, ...] = ()
    sites: tuple[Site, ...] = ()
    events: tuple[Event, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The bilat.record/1 object (see contract/RECORD.md)."""
        d = plain(self)
        return {"schema": SCHEMA, **d}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Record":
        def ev(items):
            return tuple(Evidence(**e) for e in items or ())

        def many(kind, items):
            return tuple(kind(**{**x, "evidence": ev(x.get("evidence"))}) for x in items or ())

        est = d.get("established")
        border = d.get("border")
        events = tuple(
            Event(**{**e, "context": tuple(e.get("context") or ()),
                     "actors": tuple(e.get("actors") or ()), "evidence": ev(e.get("evidence"))})
            for e in d.get("events") or ())
        return cls(
            source=dict(d.get("source") or {}),
            pair=tuple(d["pair"]),
            established=Established(est["date"], ev(est.get("evidence"))) if est else None,
            missions=many(Mission, d.get("missions")),
            border=Border(border.get("length_km"), tuple(border.get("crossings") or ()),
                          ev(border.get("evidence"))) if border else None,
            lists=many(ListMembership, d.get("lists")),
            people=many(Person, d.get("people")),
            sites=many(Site, d.get("sites")),
            events=events,
        )


_FIELDS: dict[type, tuple[str, ...]] = {}


def plain(x: Any) -> Any:
    """Dataclasses to dicts (fields in order), tuples to lists, recursively, for JSON.
    Not dataclasses.asdict, which deep-copies every value: a third of a store write."""
    t = type(x)
    if t is str or x is None or t is int or t is float or t is bool:
        return x
    names = _FIELDS.get(t)
    if names is None and is_dataclass(x) and not isinstance(x, type):
        names = _FIELDS[t] = tuple(f.name for f in fields(x))
    if names is not None:
        return {k: plain(getattr(x, k)) for k in names}
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    return x
