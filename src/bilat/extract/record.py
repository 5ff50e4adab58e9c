"""Assemble the relations record of one article from the fact and event extractors."""
from __future__ import annotations

from ..model import Article, Record
from .border import extract_border
from .document import Document
from .established import extract_established
from .lists import extract_lists
from .missions import date_missions, extract_missions
from .pair import pair_from_title
from .sites import extract_sites


def extract_record(article: Article, dct: str | None = None, events: bool = True) -> Record:
    pair = pair_from_title(article.title, article.path or "<text>")
    doc = Document(article, pair)
    evs: tuple = ()
    if events:
        from .events import extract_events
        evs = extract_events(article, pair, dct=dct, doc=doc)
    return Record(
        source={"title": article.title, "path": article.path, "format": article.format,
                "sha256": article.sha256},
        pair=pair,
        established=extract_established(doc),
        missions=date_missions(extract_missions(doc), evs),
        border=extract_border(doc),
        lists=extract_lists(doc),
        people=doc.people,
        sites=extract_sites(doc),
        events=evs,
    )
