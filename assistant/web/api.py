"""JSON routes: POST /api/chat and GET /healthz. Thin: validate, call the assistant, return."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from assistant.chain import Assistant
from assistant.validation import invalid, parse_chat_request

JSON_TYPES = ("application/json",)


def build_router(assistant: Assistant) -> APIRouter:
    router = APIRouter()
    settings = assistant.settings

    @router.post("/api/chat", openapi_extra=CHAT_OPENAPI)
    async def chat(request: Request) -> JSONResponse:
        """Answer one message in the context of its history (see the Reply schema)."""
        data = await read_json(request, max_bytes=settings.max_body_bytes)
        chat_request = parse_chat_request(
            data,
            max_message_chars=settings.max_message_chars,
            max_history_turns=settings.max_history_turns,
        )
        reply = await run_in_threadpool(assistant.reply, chat_request.message, chat_request.history)
        return JSONResponse(reply.to_dict())

    @router.get("/healthz")
    async def healthz() -> dict[str, Any]:
        """Liveness plus which index is being served."""
        manifest = assistant.index.manifest
        return {
            "status": "ok",
            "index": {
                "passages": manifest["counts"]["passages"],
                "documents": manifest["counts"]["documents"],
                "corpus_sha256": manifest["corpus_sha256"],
                "built_at": manifest["built_at"],
                "index_version": manifest["index_version"],
                "config_signature": manifest["config_signature"],
            },
            "settings_signature": settings.signature(),
        }

    return router


async def read_json(request: Request, *, max_bytes: int) -> Any:
    """The parsed JSON body; 415/413/400 errors for wrong type, too large or not JSON."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in JSON_TYPES:
        raise invalid("unsupported_media_type", "send the body as application/json", 415)
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > max_bytes):
        raise invalid("body_too_large", f"the body is over the {max_bytes}-byte limit", 413)
    body = bytearray()
    async for part in request.stream():
        body.extend(part)
        if len(body) > max_bytes:
            raise invalid("body_too_large", f"the body is over the {max_bytes}-byte limit", 413)
    try:
        return json.loads(bytes(body).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # RecursionError: nesting
        raise invalid("invalid_json", "the body is not valid UTF-8 JSON", 400) from exc


CHAT_OPENAPI: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["message"],
                    "additionalProperties": False,
                    "properties": {
                        "message": {"type": "string", "minLength": 1, "maxLength": 4000},
                        "history": {
                            "type": "array",
                            "maxItems": 50,
                            "items": {
                                "type": "object",
                                "required": ["role", "content"],
                                "additionalProperties": False,
                                "properties": {
                                    "role": {"enum": ["user", "assistant"]},
                                    "content": {"type": "string", "maxLength": 4000},
                                },
                            },
                        },
                    },
                }
            }
        },
    },
    "responses": {
        "200": {"description": "A Reply: kind, answer with [n] markers, citations, disclaimer"},
        "4XX": {"description": 'An error: {"error": {"code": "...", "message": "..."}}'},
    },
}
