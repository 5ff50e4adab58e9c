"""Places named as mission cities, crossings and sites, checked against the pair."""
from __future__ import annotations

from functools import lru_cache

from ..data import load_tsv
from ..nlp.gazetteer import Place, gazetteer


@lru_cache(maxsize=1)
def _sovereigns() -> dict[str, str]:
    return {r["territory"]: r["sovereign"] for r in load_tsv("territories.tsv", ("territory", "sovereign"))}


def sovereign(code: str | None) -> str | None:
    """The state a territory's relations belong to (HKG -> CHN); a state is its own."""
    return _sovereigns().get(code, code) if code else None


def locate(name: str, country: str | None) -> tuple[Place | None, bool]:
    """(place, plausible): the place itself, and whether it may lie in `country`.

    A name found only in another state (an embassy "in Taipei" in an article
    about Australia and China) is not plausible; an unknown name is."""
    gaz = gazetteer()
    place = gaz.place(name, country)
    if place is None:
        return None, True
    if country is None or sovereign(place.country) == country:
        return place, True
    return place, False
