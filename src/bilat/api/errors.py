"""One JSON error shape for every error the API returns.

    {"error": {"status": 404, "code": "unknown_pair", "message": "..."}}

Web pages get the same facts as an HTML page with the same status.
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import BilatError
from .queries import BadParameter, NotFound

log = logging.getLogger("bilat.api")

_CODES = {400: "bad_parameter", 404: "not_found", 405: "method_not_allowed", 422: "bad_parameter",
          500: "internal_error"}


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str


class ErrorResponse(BaseModel):
    """The shape of every error response."""
    error: ErrorBody


ERROR_RESPONSES = {400: {"model": ErrorResponse, "description": "Bad parameter"},
                   404: {"model": ErrorResponse, "description": "Unknown pair or resource"}}


def error_response(request: Request, status: int, code: str, message: str):
    if _wants_html(request):
        from ..web.pages import error_page
        return error_page(request, status, code, message)
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api/") or path == "/api" or path.startswith("/static/")
                or path == "/openapi.json")


def install(app: FastAPI) -> None:
    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, exc: BadParameter):
        return error_response(request, 400, "bad_parameter", str(exc))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return error_response(request, 404, exc.code, str(exc))

    @app.exception_handler(BilatError)
    async def bilat_error(request: Request, exc: BilatError):
        return error_response(request, 400, "bad_parameter", str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation(request: Request, exc: RequestValidationError):
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path"))
            parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else err.get("msg", "invalid"))
        return error_response(request, 400, "bad_parameter", "; ".join(parts) or "bad parameter")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        status = exc.status_code
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if status == 404 and message == "Not Found":
            message = f"no such resource: {request.url.path}"
        return error_response(request, status, _CODES.get(status, f"http_{status}"), message)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception):
        log.exception("internal error on %s", request.url.path)
        return error_response(request, 500, "internal_error",
                              "internal error: this is a bug in bilat, please report it")
