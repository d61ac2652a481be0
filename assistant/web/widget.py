"""The embeddable widget: GET /embed (iframe page), its assets, and GET /embed.js (loader)."""

from __future__ import annotations

import html
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse, Response

from assistant import replies
from assistant.config import Settings

STATIC_DIR = Path(__file__).parent / "static"
JS_TYPE = "text/javascript; charset=utf-8"
CSS_TYPE = "text/css; charset=utf-8"
CACHE = {"Cache-Control": "public, max-age=300"}  # clinics' pages re-check every 5 minutes
WIDGET_ASSETS = {"widget.js": JS_TYPE, "widget.css": CSS_TYPE}


def read_static(name: str) -> str:
    return (STATIC_DIR / name).read_text(encoding="utf-8")


def render_embed_page(settings: Settings) -> str:
    """embed.html with the clinic's name, disclaimer and input limits filled in (escaped)."""
    values = {
        "clinic": settings.clinic_name,
        "disclaimer": replies.disclaimer(settings.clinic_name, settings.crisis_text),
        "max_chars": str(settings.max_message_chars),
        "max_turns": str(settings.max_history_turns),
    }
    page = read_static("embed.html")
    for name, value in values.items():
        page = page.replace("{{" + name + "}}", html.escape(value, quote=True))
    return page


def build_widget_router(settings: Settings) -> APIRouter:
    """Routes for the widget page, its two assets and the one-tag loader."""
    router = APIRouter(include_in_schema=False)
    page = render_embed_page(settings)
    assets = {name: read_static(name) for name in WIDGET_ASSETS}
    loader = read_static("embed.js")

    @router.get("/embed")
    async def embed() -> HTMLResponse:
        """The chat page shown inside the clinic's iframe."""
        return HTMLResponse(page, headers={"Cache-Control": "no-cache"})

    @router.get("/embed/{name}")
    async def embed_asset(name: str) -> Response:
        """widget.js and widget.css for the page above."""
        if name not in WIDGET_ASSETS:
            raise HTTPException(404, "no such widget file")
        return Response(assets[name], media_type=WIDGET_ASSETS[name], headers=CACHE)

    @router.get("/embed.js")
    async def embed_loader() -> Response:
        """The loader a clinic adds with one <script> tag."""
        headers = {**CACHE, "Cross-Origin-Resource-Policy": "cross-origin"}
        return Response(loader, media_type=JS_TYPE, headers=headers)

    return router
