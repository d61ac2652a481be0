"""The FastAPI application: API and widget routes, security middleware, one error handler,
request logging without user text, and the Gradio UI mounted last at `/`."""

from __future__ import annotations

import logging
import time
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.chain import Assistant
from assistant.errors import AssistantError
from assistant.web.api import INTERNAL_ERROR, build_router
from assistant.web.security import (
    RateLimit,
    RateLimiter,
    SecurityHeaders,
    add_cors,
    parse_networks,
)
from assistant.web.ui_mount import add_ui
from assistant.web.widget import build_widget_router

log = logging.getLogger("assistant.web")


def create_app(assistant: Assistant, *, limiter: RateLimiter | None = None) -> FastAPI:
    """The web app serving one assistant (its index and model are shared by all requests).

    `limiter` defaults to settings.rate_limit per minute per client; tests pass their own."""
    settings = assistant.settings
    trusted = parse_networks(settings.trusted_proxies)
    limiter = limiter if limiter is not None else RateLimiter(settings.rate_limit)
    app = FastAPI(
        title="Knee & lower-back pain assistant",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.assistant = assistant
    app.include_router(build_router(assistant))
    app.include_router(build_widget_router(settings))
    _add_error_handlers(app)
    # Added innermost first: the log sees every final status; 429s and 500s carry CORS and
    # the security headers.
    app.add_middleware(UnexpectedErrors)
    app.add_middleware(RateLimit, limiter=limiter, trusted=trusted)
    add_cors(app, settings.allowed_origins)
    app.add_middleware(SecurityHeaders, allowed_origins=settings.allowed_origins)
    app.add_middleware(RequestLog)
    add_ui(app, assistant, limiter=limiter, trusted=trusted)
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

    @app.exception_handler(Exception)  # last resort: a failure in the middleware itself
    async def on_unexpected(_: Request, exc: Exception) -> JSONResponse:
        return unexpected_error(exc)


def unexpected_error(exc: Exception) -> JSONResponse:
    """Log the failure for the operator; the client gets a JSON 500 with no details."""
    log.error("unexpected %s while handling a request", type(exc).__name__, exc_info=exc)
    return error_response(500, INTERNAL_ERROR["code"], INTERNAL_ERROR["message"])


class UnexpectedErrors:
    """Innermost middleware turning an unexpected exception into the JSON 500. Starlette runs
    an app's `Exception` handler outside every middleware, so its responses would miss the
    security headers and CORS; a response that has already started is left to fail."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def send_tracking(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, send_tracking)
        except Exception as exc:
            if started or scope["type"] != "http":
                raise
            await unexpected_error(exc)(scope, receive, send)


class RequestLog:
    """Outermost middleware: one line per request with method, path (never the query or
    body), status and duration (to the end of the response, streams included)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = HTTPStatus.INTERNAL_SERVER_ERROR.value

        async def send_recording_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_recording_status)
        finally:
            milliseconds = (time.perf_counter() - started) * 1000
            log.info("%s %s %d %.1fms", scope["method"], scope["path"], status, milliseconds)
