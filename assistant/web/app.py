"""The FastAPI application: routes, one error handler, request logging without user text."""

from __future__ import annotations

import logging
import time

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.chain import Assistant
from assistant.errors import AssistantError
from assistant.web.api import build_router

log = logging.getLogger("assistant.web")


def create_app(assistant: Assistant) -> FastAPI:
    """The web app serving one assistant (its index and model are shared by all requests)."""
    app = FastAPI(
        title="Knee & lower-back pain assistant",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.assistant = assistant
    app.include_router(build_router(assistant))
    _add_error_handlers(app)
    _add_request_log(app)
    return app


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AssistantError)
    async def on_assistant_error(_: Request, exc: AssistantError) -> JSONResponse:
        return error_response(exc.http_status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return error_response(exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def on_unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected %s while handling a request", type(exc).__name__, exc_info=exc)
        return error_response(500, "internal_error", "something went wrong on our side")


def _add_request_log(app: FastAPI) -> None:
    """One line per request: method, path (never the query or body), status, duration."""

    @app.middleware("http")
    async def log_request(request: Request, call_next):
        started = time.perf_counter()
        response = await call_next(request)
        log.info(
            "%s %s %d %.1fms",
            request.method,
            request.url.path,
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return response
