"""The HTTP JSON API over a store: `create_app(db_path)` gives the FastAPI app."""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
