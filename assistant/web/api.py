"""JSON routes: POST /api/chat, POST /api/chat/stream (server-sent events) and GET /healthz.
Thin: validate, call the assistant, return."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.requests import ClientDisconnect

from assistant.chain import Assistant
from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.models import Reply
from assistant.transcripts import TranscriptStore
from assistant.validation import ChatRequest, invalid, parse_chat_request

JSON_TYPES = ("application/json",)
SSE_HEADERS = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}  # no proxy buffering
INTERNAL_ERROR = {"code": "internal_error", "message": "something went wrong on our side"}
log = logging.getLogger("assistant.web")


def build_router(assistant: Assistant) -> APIRouter:
    settings = assistant.settings
    transcripts = (
        TranscriptStore(
            settings.transcripts_dir, retention_days=settings.transcripts_retention_days
        )
        if settings.keep_transcripts
        else None
    )
    router = APIRouter(lifespan=transcripts.purging if transcripts else None)

    @router.post("/api/chat", openapi_extra=CHAT_OPENAPI)
    async def chat(request: Request) -> JSONResponse:
        """Answer one message in the context of its history (see the Reply schema)."""
        chat_request = await read_chat_request(request, settings)
        message, history = chat_request.message, chat_request.history
        if settings.calls_other_servers:  # seconds of waiting: a thread keeps the loop free
            reply = await run_in_threadpool(assistant.reply, message, history)
        else:  # milliseconds of CPU work holding the GIL: a thread would only add its hop
            reply = assistant.reply(message, history)
        if transcripts is not None:  # opt-in only; redacted (see PRIVACY.md)
            await run_in_threadpool(transcripts.record, chat_request.message, reply)
        return JSONResponse(reply.to_dict())

    @router.post("/api/chat/stream", openapi_extra=STREAM_OPENAPI)
    async def chat_stream(request: Request) -> StreamingResponse:
        """The same answer as server-sent events: `delta` pieces, then `reply` (or `error`)."""
        chat_request = await read_chat_request(request, settings)
        pieces = assistant.stream(chat_request.message, chat_request.history)
        return StreamingResponse(  # a sync iterator: Starlette runs each step in a thread
            sse_events(pieces), media_type="text/event-stream", headers=SSE_HEADERS
        )

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


async def read_chat_request(request: Request, settings: Settings) -> ChatRequest:
    """The validated body of a chat request; 4xx InputErrors otherwise."""
    data = await read_json(request, max_bytes=settings.max_body_bytes)
    return parse_chat_request(
        data,
        max_message_chars=settings.max_message_chars,
        max_history_turns=settings.max_history_turns,
    )


def sse(event: str, data: dict[str, Any]) -> str:
    """One server-sent event; JSON keeps the data on one line."""
    return f"event: {event}\ndata: {json.dumps(data)}\n\n"


def sse_events(pieces: Iterable[str | Reply]) -> Iterator[str]:
    """`delta` for each text piece, `reply` for the final Reply, `error` if answering fails
    (the status line is already sent, so a failure can only be reported as an event)."""
    try:
        for piece in pieces:
            if isinstance(piece, Reply):
                yield sse("reply", piece.to_dict())
            else:
                yield sse("delta", {"text": piece})
    except AssistantError as exc:
        yield sse("error", {"error": {"code": exc.code, "message": exc.message}})
    except Exception as exc:
        log.error("unexpected %s while streaming a reply", type(exc).__name__, exc_info=exc)
        yield sse("error", {"error": INTERNAL_ERROR})


async def read_json(request: Request, *, max_bytes: int) -> Any:
    """The parsed JSON body; 415/413/400 errors for wrong type, too large or not JSON."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in JSON_TYPES:
        raise invalid("unsupported_media_type", "send the body as application/json", 415)
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > max_bytes):
        raise invalid("body_too_large", f"the body is over the {max_bytes}-byte limit", 413)
    body = bytearray()
    try:
        async for part in request.stream():
            body.extend(part)
            if len(body) > max_bytes:
                raise invalid("body_too_large", f"the body is over the {max_bytes}-byte limit", 413)
    except ClientDisconnect as exc:  # the client hung up mid-body: nobody to answer
        raise invalid("client_disconnected", "the client closed the connection", 400) from exc
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

STREAM_OPENAPI: dict[str, Any] = {
    "requestBody": CHAT_OPENAPI["requestBody"],
    "responses": {
        "200": {
            "description": (
                'text/event-stream: `delta` events {"text": ...} with answer pieces, then one '
                "`reply` event (the Reply, as from /api/chat) or one `error` event "
                '{"error": {"code": "...", "message": "..."}}'
            ),
            "content": {"text/event-stream": {"schema": {"type": "string"}}},
        },
        "4XX": CHAT_OPENAPI["responses"]["4XX"],
    },
}
