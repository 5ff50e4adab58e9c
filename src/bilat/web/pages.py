"""Server-rendered pages: the index of pairs and one page per pair.

Every value goes through Jinja2 with autoescaping on; data for the scripts
is embedded with `tojson`, which escapes <, > and &, so article text that
contains markup stays text. Static files are served by Starlette's
StaticFiles, which refuses paths that leave the static folder.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import __version__
from ..api.queries import PLOVER_TYPES, BadParameter, iso_numeric

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"

# Scripts only from this server; no inline script runs, whatever a page holds.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")

_env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                   autoescape=select_autoescape(default=True, default_for_string=True),
                   trim_blocks=True, lstrip_blocks=True)
_env.globals.update(version=__version__, plover_types=PLOVER_TYPES)


def render(name: str, status: int = 200, **context) -> HTMLResponse:
    return HTMLResponse(_env.get_template(name).render(**context), status_code=status)


def error_page(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    return render("error.html", status=status, status_code=status, code=code, message=message)


class _Static(StaticFiles):
    """Static files, cached by browsers for an hour."""

    async def get_response(self, path, scope):
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["Cache-Control"] = "public, max-age=3600"
        return response


class SecurityHeaders:
    """Adds the CSP and no-sniff headers to every response (plain ASGI: cheap)."""

    HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
               (b"referrer-policy", b"no-referrer")]

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": list(message.get("headers", [])) + self.HEADERS}
            await send(message)
        await self.app(scope, receive, send_with_headers)


def install(app: FastAPI) -> None:
    for name in ("index.html", "pair.html", "error.html"):
        _env.get_template(name)          # compile now, not on the first request
    app.mount("/static", _Static(directory=str(STATIC)), name="static")

    app.add_middleware(SecurityHeaders)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index(request: Request, q: str = ""):
        ex = request.app.state.explorer
        if not q.strip():
            return HTMLResponse(ex.cached("page:index", lambda: _index(ex, "").body))
        return _index(ex, q)

    @app.get("/pairs/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    async def pair_page(request: Request, a: str, b: str, asof: str = ""):
        ex = request.app.state.explorer
        if asof.strip():
            return _pair(ex, a, b, asof.strip())
        key = ex.pair_key(a, b)
        return HTMLResponse(ex.cached(("page:pair", key), lambda: _pair(ex, *key, "").body))


def _index(ex, q: str) -> HTMLResponse:
    pairs = ex.pairs()
    per_country: Counter[str] = Counter()
    names: dict[str, str] = {}
    for p in pairs:
        per_country[p["a"]] += 1
        per_country[p["b"]] += 1
        names[p["a"]], names[p["b"]] = p["a_name"], p["b_name"]
    num = iso_numeric()
    countries = {c: {"n": n, "id": num.get(c, ""), "name": names[c]} for c, n in per_country.items()}
    words = q.lower().split()
    shown = [p for p in pairs
             if all(w in f"{p['a']} {p['b']} {p['a_name']} {p['b_name']}".lower() for w in words)]
    return render("index.html", pairs=shown, total=len(pairs), q=q, countries=countries)


def _pair(ex, a: str, b: str, asof: str) -> HTMLResponse:
    page = ex.pair(a, b)
    state = None
    if asof:
        try:
            state = ex.asof(page["a"], page["b"], asof)
        except BadParameter as e:
            state = {"error": str(e)}
    data = {k: v for k, v in page.items() if not k.startswith("_")}
    return render("pair.html", p=page, data=data, asof=asof, state=state,
                  names={page["a"]: page["a_name"], page["b"]: page["b_name"]})
