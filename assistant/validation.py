"""Validate a chat request (API body or CLI input): message, history, limits, clean text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.errors import InputError
from assistant.models import Turn

ROLES = frozenset({"user", "assistant"})
FIELDS = frozenset({"message", "history"})
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class ChatRequest:
    """A validated message and the conversation before it."""

    message: str
    history: tuple[Turn, ...]


def invalid(code: str, message: str, status: int = 422) -> InputError:
    error = InputError(message, code=code)
    error.http_status = status
    return error


def parse_chat_request(data: Any, *, max_message_chars: int, max_history_turns: int) -> ChatRequest:
    """A ChatRequest, or an InputError whose code names the broken rule."""
    if not isinstance(data, dict):
        raise invalid("invalid_body", 'the body must be a JSON object like {"message": "..."}')
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        raise invalid("unknown_field", f"unknown field(s): {', '.join(map(str, unknown))[:200]}")
    if "message" not in data:
        raise invalid("message_missing", "the field 'message' is required")
    message = clean_text(data["message"], "message", max_message_chars)
    if not message.strip():
        raise invalid("message_empty", "the message is empty")
    history = parse_history(data.get("history", []), max_message_chars, max_history_turns)
    return ChatRequest(message, history)


def parse_history(raw: Any, max_chars: int, max_turns: int) -> tuple[Turn, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise invalid("invalid_history", "'history' must be a list of {role, content} objects")
    if len(raw) > max_turns:
        raise invalid(
            "history_too_long", f"'history' has {len(raw)} turns; the limit is {max_turns}"
        )
    turns = []
    for position, item in enumerate(raw):
        if not isinstance(item, dict) or set(item) != {"role", "content"}:
            raise invalid("invalid_history", f"history[{position}] must be {{role, content}}")
        if not isinstance(item["role"], str) or item["role"] not in ROLES:
            raise invalid("invalid_history", f"history[{position}].role must be user or assistant")
        turns.append(Turn(item["role"], clean_text(item["content"], "history", max_chars)))
    return tuple(turns)


def clean_text(value: Any, field: str, max_chars: int) -> str:
    """The text with control characters removed; rejects non-strings, over-long text and
    text that is not valid Unicode (lone surrogates)."""
    if not isinstance(value, str):
        raise invalid("invalid_type", f"'{field}' must be a string")
    if len(value) > max_chars:
        code = "message_too_long" if field == "message" else "history_too_long"
        raise invalid(code, f"'{field}' text is {len(value)} characters; the limit is {max_chars}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise invalid("invalid_text", f"'{field}' is not valid Unicode text") from exc
    return CONTROL.sub(" ", value)
