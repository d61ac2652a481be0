"""Hand-written hostile request bodies for POST /api/chat, each with the status it must get
(sent in process by test_api_hostile.py and over loopback by test_api_loopback.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass

JSON = "application/json"
QUESTION = "Does walking help knee pain?"
TURN = {"role": "user", "content": "My knee aches after running."}


@dataclass(frozen=True)
class Hostile:
    """One request body and what it must get: `status` (200 = answered) and error `code`."""

    name: str
    body: bytes
    status: int
    code: str | None = None
    content_type: str = JSON


def body(**fields: object) -> bytes:
    return json.dumps(fields).encode()


def chat(message: str, history: object = ()) -> bytes:
    return body(message=message, history=list(history) if isinstance(history, tuple) else history)


def nested(depth: int, opening: str, closing: str) -> bytes:
    return (
        (b'{"message": "hi", "history": ' + opening.encode() * depth)
        + closing.encode() * depth
        + b"}"
    )


HOSTILE = [
    # Broken JSON
    Hostile("truncated", b'{"message": "hi"', 400, "invalid_json"),
    Hostile("single-quotes", b"{'message': 'hi'}", 400, "invalid_json"),
    Hostile("trailing-comma", b'{"message": "hi",}', 400, "invalid_json"),
    Hostile("comment", b'{"message": "hi" /* x */}', 400, "invalid_json"),
    Hostile("two-documents", b'{"message": "hi"}{"message": "hi"}', 400, "invalid_json"),
    Hostile("utf8-bom", b'\xef\xbb\xbf{"message": "hi"}', 400, "invalid_json"),
    Hostile("raw-newline-in-string", b'{"message": "a\nb"}', 400, "invalid_json"),
    Hostile("raw-nul-in-string", b'{"message": "a\x00b"}', 400, "invalid_json"),
    Hostile("nul-bytes-only", b"\x00" * 64, 400, "invalid_json"),
    Hostile("empty", b"", 400, "invalid_json"),
    Hostile("whitespace", b" \n\t ", 400, "invalid_json"),
    Hostile("5000-digit-number", b'{"message": ' + b"9" * 5000 + b"}", 400, "invalid_json"),
    # Invalid UTF-8 and invalid Unicode
    Hostile("invalid-utf8", b'{"message": "\xff\xfe"}', 400, "invalid_json"),
    Hostile("overlong-utf8", b'{"message": "\xc0\xaf"}', 400, "invalid_json"),
    Hostile("truncated-utf8", b'{"message": "\xe2\x82"}', 400, "invalid_json"),
    Hostile("cesu8-surrogate", b'{"message": "\xed\xa0\x80"}', 400, "invalid_json"),
    Hostile("latin1-body", '{"message": "genou doulouré"}'.encode("latin-1"), 400, "invalid_json"),
    Hostile("lone-high-surrogate", b'{"message": "knee \\ud800"}', 422, "invalid_text"),
    Hostile("lone-low-surrogate", b'{"message": "\\udfff knee"}', 422, "invalid_text"),
    Hostile(
        "surrogate-in-history",
        b'{"message": "hi", "history": [{"role": "user", "content": "\\udc80"}]}',
        422,
        "invalid_text",
    ),
    Hostile("surrogate-pair-emoji", b'{"message": "knee pain \\ud83d\\ude00"}', 200),
    # Wrong types
    Hostile("array", b"[]", 422, "invalid_body"),
    Hostile("string", b'"hi"', 422, "invalid_body"),
    Hostile("null", b"null", 422, "invalid_body"),
    Hostile("message-null", body(message=None), 422, "invalid_type"),
    Hostile("message-number", body(message=1), 422, "invalid_type"),
    Hostile("message-bool", body(message=True), 422, "invalid_type"),
    Hostile("message-list", body(message=["hi"]), 422, "invalid_type"),
    Hostile("message-object", body(message={"text": "hi"}), 422, "invalid_type"),
    Hostile("message-nan", b'{"message": NaN}', 422, "invalid_type"),
    Hostile("message-infinity", b'{"message": 1e999}', 422, "invalid_type"),
    Hostile("history-object", body(message="hi", history={"role": "user"}), 422),
    Hostile("history-string", body(message="hi", history="user: hi"), 422, "invalid_history"),
    Hostile("history-of-strings", body(message="hi", history=["hi"]), 422, "invalid_history"),
    Hostile("history-of-lists", body(message="hi", history=[["user", "hi"]]), 422),
    Hostile("role-number", chat("hi", [{"role": 1, "content": "x"}]), 422, "invalid_history"),
    Hostile("role-system", chat("hi", [{"role": "system", "content": "x"}]), 422),
    Hostile("role-list", chat("hi", [{"role": ["user"], "content": "x"}]), 422),
    Hostile("content-null", chat("hi", [{"role": "user", "content": None}]), 422),
    Hostile("turn-extra-key", chat("hi", [{**TURN, "name": "x"}]), 422, "invalid_history"),
    Hostile("proto-key", b'{"message": "hi", "__proto__": {"admin": true}}', 422),
    Hostile("no-message", body(history=[]), 422, "message_missing"),
    # Empty, control characters and odd Unicode
    Hostile("empty-message", body(message=""), 422, "message_empty"),
    Hostile("controls-only", body(message="\x00\x01\x07\x1b\x7f"), 422, "message_empty"),
    Hostile("escaped-nul-in-message", body(message="knee\x00 pain\x1b[31m"), 200),
    Hostile("bidi-and-zero-width", body(message="\u202eknee\u200b pain\u2066?\ufeff"), 200),
    Hostile("combining-marks", body(message="kne" + "e\u0301" * 1500), 200),
    Hostile("private-use-and-astral", body(message="\ue000\U0010fffd knee \U0001f9b5"), 200),
    Hostile("html-and-markdown", body(message="<script>alert(1)</script>[x](javascript:1)"), 200),
    Hostile("sql-and-template", body(message="' OR 1=1; -- {{7*7}} ${7*7} %s%n"), 200),
    Hostile("duplicate-keys", b'{"message": "x", "message": "Is swimming good?"}', 200),
    # Size limits
    Hostile("message-at-limit", body(message="knee " * 800), 200),
    Hostile("message-over-limit", body(message="k" * 4001), 422, "message_too_long"),
    Hostile("history-at-limit", chat(QUESTION, [{**TURN, "content": "x" * 4000}] * 50), 200),
    Hostile("history-1000-turns", chat(QUESTION, [TURN] * 1000), 422, "history_too_long"),
    Hostile("history-turn-too-long", chat("hi", [{**TURN, "content": "x" * 4001}]), 422),
    Hostile("body-over-limit", body(message="k" * 300_000), 413, "body_too_large"),
    Hostile("10000-keys", json.dumps({f"k{n}": n for n in range(10_000)}).encode(), 422),
    # Deep nesting
    Hostile("deep-lists", nested(100_000, "[", "]"), 400, "invalid_json"),
    Hostile("deep-objects", nested(30_000, '{"a":', "}"), 400, "invalid_json"),
    Hostile("nesting-under-limit", nested(500, "[", "]"), 422, "invalid_history"),
    # Content types
    Hostile("text-plain", chat(QUESTION), 415, "unsupported_media_type", "text/plain"),
    Hostile(
        "form", b"message=hi", 415, "unsupported_media_type", "application/x-www-form-urlencoded"
    ),
    Hostile(
        "multipart",
        chat(QUESTION),
        415,
        "unsupported_media_type",
        "multipart/form-data; boundary=x",
    ),
    Hostile("json-lookalike", chat(QUESTION), 415, "unsupported_media_type", "application/jsonx"),
    Hostile("upper-case-json", chat(QUESTION), 200, None, "APPLICATION/JSON"),
    Hostile("json-with-charset", chat(QUESTION), 200, None, "application/json; charset=utf-8"),
]
