"""Mount the Gradio UI on the FastAPI app at `/`: system fonts, the app's own CSS, no footer
links, no run history, no PWA/SSR/MCP, and nothing in the page that names a third party."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from pathlib import Path

import gradio as gr
from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.routing import Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.chain import Assistant
from assistant.web.security import Network, RateLimiter
from assistant.web.ui import build_ui

UI_CSS = Path(__file__).parent / "static" / "ui.css"
SYSTEM_FONTS = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial"]
MONO_FONTS = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"]
SOCIAL_META = re.compile(rb"<meta\s[^>]*(?:og:|twitter:)[^>]*>")
# Gradio's idle queue wakes the event loop every 1 ms (10 ms for progress) on Linux. Each wake
# takes the GIL from the thread answering /api/chat: with the UI mounted, replies took about
# 30% longer (19.3 ms against 14.7 ms in one run). A 20 ms poll is still instant for a person.
QUEUE_POLL_S = 0.02


def add_ui(
    app: FastAPI, assistant: Assistant, *, limiter: RateLimiter, trusted: Sequence[Network]
) -> None:
    """Build the UI and mount it on `app` inside a short-lived event loop: with no running
    loop, Gradio creates a new loop for every asyncio.Lock it makes and never closes them."""

    def build() -> None:
        app.state.ui = build_ui(assistant, limiter=limiter, trusted=trusted)
        mount_ui(app, app.state.ui)

    async def build_in_loop() -> None:
        build()

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(build_in_loop())
    else:
        build()


def mount_ui(app: FastAPI, blocks: gr.Blocks) -> None:
    """Mount the UI at `/` after the app's own routes: local fonts, no footer links, no run
    history (nothing kept in the browser), no PWA, no SSR node server, no MCP."""
    theme = gr.themes.Default(primary_hue="blue", font=SYSTEM_FONTS, font_mono=MONO_FONTS).set(
        button_primary_background_fill="*primary_700",  # white text at >= 4.5:1 contrast
        button_primary_background_fill_hover="*primary_800",
        button_primary_text_color="white",
    )
    gr.mount_gradio_app(
        app,
        blocks,
        path="/",
        theme=theme,
        css_paths=[UI_CSS],
        footer_links=[],
        run_history=False,
        pwa=False,
        ssr_mode=False,
        mcp_server=False,
        show_error=False,
    )
    calm_queue(blocks)
    mounted = app.router.routes.pop()
    if not isinstance(mounted, Mount):
        raise TypeError("gr.mount_gradio_app did not add a Mount as the last route")
    page = WithoutSocialMeta(mounted.app)
    app.router.routes.append(OwnRoutesMount(mounted.path, app=page, name=mounted.name))


def calm_queue(blocks: gr.Blocks) -> None:
    """Poll Gradio's queue every QUEUE_POLL_S instead of every millisecond (see above)."""
    queue = blocks._queue  # set by mount_gradio_app; Gradio offers no public setting for this
    queue.sleep_when_free = max(queue.sleep_when_free, QUEUE_POLL_S)
    queue.progress_update_sleep_when_free = max(queue.progress_update_sleep_when_free, QUEUE_POLL_S)


class OwnRoutesMount(Mount):
    """A mount that claims only paths the mounted app has a route for, so unknown paths get
    the parent's JSON 404 and parent routes called with the wrong method get its 405."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child_scope = super().matches(scope)
        if match is Match.NONE:
            return match, child_scope
        inner = {**scope, **child_scope}
        if any(route.matches(inner)[0] is not Match.NONE for route in self.routes):
            return match, child_scope
        return Match.NONE, {}


class WithoutSocialMeta:
    """Gradio's page template has og:/twitter: meta tags naming gradio.app and GitHub images;
    a clinic's page should name no third party, so they are removed from the HTML of `/`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.routes = getattr(app, "routes", [])

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != "/" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        headers = [(k, v) for k, v in scope["headers"] if k != b"accept-encoding"]  # plain text
        start: Message = {}
        chunks: list[bytes] = []

        async def rewrite(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = SOCIAL_META.sub(b"", b"".join(chunks))
            response_headers = MutableHeaders(raw=list(start.get("headers", [])))
            response_headers["content-length"] = str(len(body))
            await send({**start, "headers": response_headers.raw})
            await send({"type": "http.response.body", "body": body})

        await self.app({**scope, "headers": headers}, receive, rewrite)
