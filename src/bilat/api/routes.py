"""The HTTP JSON API: pairs, records, as-of snapshots, events and search.

Country arguments take codes or names ("NOR", "Norway", "Norwegian").
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from .errors import ERROR_RESPONSES

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

Country = Annotated[str, Path(description="ISO 3166-1 code or name of a country", max_length=100)]


def _explorer(request: Request):
    return request.app.state.explorer


def _json(content: Any) -> JSONResponse:
    """Plain JSON data goes out as it is (no per-field re-encoding)."""
    return JSONResponse(content)


@router.get("/pairs", summary="All pairs in the store, with counts")
async def pairs(request: Request) -> dict[str, Any]:
    ex = _explorer(request)

    def make() -> bytes:
        items = ex.pairs()
        return JSONResponse({"count": len(items), "pairs": items}).body
    return Response(ex.cached("api:pairs", make), media_type="application/json")


@router.get("/pairs/{a}/{b}", summary="The bilat.record/1 of a pair")
async def pair_record(request: Request, a: Country, b: Country,
                      title: Annotated[str | None, Query(description="one article of the pair, by title",
                                                         max_length=500)] = None) -> dict[str, Any]:
    return _json(_explorer(request).record(a, b, title))


@router.get("/pairs/{a}/{b}/asof/{date}", summary="The state of the relations on a day")
async def pair_asof(request: Request, a: Country, b: Country,
                    date: Annotated[str, Path(description="YYYY, YYYY-MM or YYYY-MM-DD", max_length=40)]
                    ) -> dict[str, Any]:
    return _json(_explorer(request).asof(a, b, date))


@router.get("/pairs/{a}/{b}/events/{event_id}/evidence",
            summary="An event's evidence, each sentence within the text of its section")
async def event_evidence(request: Request, a: Country, b: Country,
                         event_id: Annotated[str, Path(description="the event's id", max_length=200)],
                         title: Annotated[str | None, Query(description="the article the event is taken from",
                                                            max_length=500)] = None) -> dict[str, Any]:
    ex = _explorer(request)
    key = ex.pair_key(a, b)

    def make() -> bytes:
        return JSONResponse(ex.evidence(*key, event_id, title)).body
    return Response(ex.cached(("api:evidence", key, event_id, title), make), media_type="application/json")


@router.get("/events", summary="Events of every pair, filtered")
async def events(request: Request,
                 country: Annotated[str | None, Query(description="a country of the pair", max_length=100)] = None,
                 type: Annotated[str | None, Query(description="PLOVER type(s), comma-separated",
                                                   max_length=200)] = None,
                 since: Annotated[str | None, Query(description="YYYY[-MM[-DD]]", max_length=40)] = None,
                 until: Annotated[str | None, Query(description="YYYY[-MM[-DD]]", max_length=40)] = None,
                 q: Annotated[str | None, Query(description="words all found in the evidence",
                                                max_length=200)] = None,
                 fictional: Annotated[bool, Query(description="include fictional, negated and planned events")]
                 = False,
                 limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> dict[str, Any]:
    items = _explorer(request).events(country, type, since, until, q, fictional, limit)
    return _json({"count": len(items), "events": items})


@router.get("/search", summary="Pairs and events matching words")
async def search(request: Request,
                 q: Annotated[str, Query(min_length=1, max_length=200, description="words to find")],
                 limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
    return _json(_explorer(request).search(q, limit))
