"""The FastAPI application: JSON API under /api, web pages, static files."""
from __future__ import annotations

import os

from fastapi import FastAPI

from .. import __version__
from . import errors
from .queries import Explorer


def create_app(db_path: str | os.PathLike) -> FastAPI:
    """The app over the store at `db_path`, opened read-only (a StoreError if
    there is none)."""
    explorer = Explorer(db_path)
    _warm_up()
    explorer.pairs()                     # the index's summary, before the first request
    # No /docs or /redoc: their pages load scripts from a CDN, and the
    # explorer works offline. The OpenAPI description is at /openapi.json.
    app = FastAPI(title="bilat", version=__version__, docs_url=None, redoc_url=None,
                  description="Evidence-backed records of the relations of two countries. "
                              "Every error is {\"error\": {\"status\", \"code\", \"message\"}}.")
    app.state.explorer = explorer
    errors.install(app)
    from .routes import router
    app.include_router(router)
    from ..web.pages import install as install_pages
    install_pages(app)
    return app


def _warm_up() -> None:
    """Load the gazetteer and its places now, not on the first request."""
    from ..nlp.gazetteer import gazetteer
    from ..store.countries import country_code
    country_code("Norway")
    gazetteer().place("Oslo", "NOR")
