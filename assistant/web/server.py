"""Run the web app with uvicorn: build the index once, then serve one or more workers."""

from __future__ import annotations

import logging

import uvicorn
from fastapi import FastAPI

from assistant.chain import Assistant, build_embedder, open_index
from assistant.config import Settings
from assistant.web.app import create_app

log = logging.getLogger(__name__)


def serve(settings: Settings) -> None:
    """Refresh the index if stale, then serve on settings.host:settings.port."""
    embedder = build_embedder(settings)
    index, report = open_index(settings, embedder)
    if report is not None:
        log.info("index rebuilt: %d passages", report.passages)
    options = {
        "host": settings.host,
        "port": settings.port,
        "access_log": False,
        "log_level": "info",
        "server_header": False,
        # uvicorn would trust X-Forwarded-For from 127.0.0.1 by default; the app honours it
        # only from settings.trusted_proxies (web/security.py), so uvicorn must not rewrite it.
        "proxy_headers": False,
        # A worker imports torch and loads the model and index before it can answer uvicorn's
        # health pings; with the default 5 s, a busy machine kills and respawns it in a loop.
        "timeout_worker_healthcheck": 60,
        "timeout_keep_alive": settings.keep_alive_s,
    }
    if settings.workers > 1:  # each worker process loads the (read-only) index itself
        uvicorn.run(
            "assistant.web.server:app_from_environment",
            factory=True,
            workers=settings.workers,
            **options,
        )
        return
    assistant = Assistant(settings, index, embedder)
    assistant.warm_up()
    uvicorn.run(create_app(assistant), **options)


def app_from_environment() -> FastAPI:
    """Worker entry point: settings from assistant.toml / ASSISTANT_* variables."""
    assistant = Assistant.from_settings(Settings.load())
    assistant.warm_up()
    return create_app(assistant)
