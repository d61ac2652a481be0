"""The API's promise for any request: a valid Reply (200) or a 4xx JSON error, never a 5xx."""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

REPLY_KINDS = {"answer", "out_of_scope", "urgent_care", "unsafe_request"}
REPLY_FIELDS = {"kind", "answer", "citations", "disclaimer", "latency_ms", "index_version"}
MARKER = re.compile(r"\[(\d+)\]")
REQUEST_TIMEOUT_S = 20.0


def check_response(status: int, content_type: str, body: bytes) -> dict[str, Any]:
    """The parsed body, after asserting it is a Reply (200) or an error object (4xx)."""
    assert status == 200 or 400 <= status < 500, f"status {status}: {body[:300]!r}"
    assert content_type.split(";")[0].strip() == "application/json", content_type
    data = json.loads(body)
    if status == 200:
        check_reply(data)
    else:
        check_error(data)
    return data


def check_error(data: Any) -> None:
    assert isinstance(data, dict)
    assert set(data) == {"error"}, data
    error = data["error"]
    assert set(error) == {"code", "message"}, error
    assert isinstance(error["code"], str)
    assert re.fullmatch(r"[a-z_]+", error["code"]), error
    assert isinstance(error["message"], str)
    assert error["message"]


def check_reply(data: Any) -> None:
    assert isinstance(data, dict)
    assert set(data) >= REPLY_FIELDS, sorted(data)
    assert data["kind"] in REPLY_KINDS
    assert isinstance(data["answer"], str)
    assert data["answer"].strip()
    assert data["disclaimer"]
    numbers = {citation["n"] for citation in data["citations"]}
    assert all(citation["quote"] for citation in data["citations"])
    assert {int(n) for n in MARKER.findall(data["answer"])} <= numbers


def within(seconds: float, call: Any, *args: Any, **kwargs: Any) -> Any:
    """call(*args, **kwargs), failing the test if it takes longer than `seconds` (a hang)."""
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(call, *args, **kwargs).result(timeout=seconds)
    finally:
        pool.shutdown(wait=False)  # a hung call fails the test instead of blocking it


def post_chat(
    client: httpx.Client, content: bytes, content_type: str = "application/json"
) -> tuple[int, dict[str, Any]]:
    """POST the raw body to /api/chat within the timeout; the status and the checked body.
    (A loopback client also sets its own socket timeout.)"""
    response = within(
        REQUEST_TIMEOUT_S,
        client.post,
        "/api/chat",
        content=content,
        headers={"content-type": content_type},
    )
    data = check_response(response.status_code, response.headers["content-type"], response.content)
    return response.status_code, data
