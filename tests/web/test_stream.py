"""POST /api/chat/stream: server-sent events with the same validation and Reply as /api/chat."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from assistant.errors import IndexCorruptError
from assistant.models import Reply, ReplyKind
from assistant.web.api import sse_events
from assistant.web.app import create_app

QUESTION = {"message": "Does water exercise help knee arthritis?", "history": []}


def parse_events(text: str) -> list[tuple[str, dict]]:
    """(event, data) pairs of a text/event-stream body."""
    events = []
    for block in text.split("\n\n"):
        if not block.strip():
            continue
        fields = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((fields["event"], json.loads(fields["data"])))
    return events


def failing(error: Exception):
    yield "A first piece"
    raise error


def test_each_piece_is_a_delta_and_the_reply_comes_last():
    reply = Reply(ReplyKind.ANSWER, "One. Two. [1]")
    events = parse_events("".join(sse_events(["One. ", "Two. [1]", reply])))
    assert events == [
        ("delta", {"text": "One. "}),
        ("delta", {"text": "Two. [1]"}),
        ("reply", reply.to_dict()),
    ]


def test_an_assistant_error_mid_stream_is_an_error_event_with_its_code():
    events = parse_events("".join(sse_events(failing(IndexCorruptError("index damaged")))))
    assert events[-1] == ("error", {"error": {"code": "index_corrupt", "message": "index damaged"}})


def test_an_unexpected_failure_is_an_error_event_without_details(caplog):
    text = "".join(sse_events(failing(ZeroDivisionError("secret detail"))))
    assert parse_events(text)[-1] == (
        "error",
        {"error": {"code": "internal_error", "message": "something went wrong on our side"}},
    )
    assert "secret detail" not in text
    assert "Traceback" not in text
    assert "ZeroDivisionError" in caplog.text  # the operator still sees what happened


@pytest.fixture(scope="module")
def client(fixture_assistant):
    with TestClient(create_app(fixture_assistant)) as test_client:
        yield test_client


@pytest.mark.slow
def test_stream_sends_deltas_then_the_same_reply_as_chat(client):
    response = client.post("/api/chat/stream", json=QUESTION)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["cache-control"] == "no-store"
    events = parse_events(response.text)
    names = [name for name, _ in events]
    assert names[-1] == "reply"
    assert set(names[:-1]) == {"delta"}
    streamed = events[-1][1]
    plain = client.post("/api/chat", json=QUESTION).json()
    assert streamed.keys() == plain.keys()
    for field in ("kind", "answer", "citations", "index_version"):
        assert streamed[field] == plain[field]
    assert "".join(data["text"] for _, data in events[:-1]).strip()


@pytest.mark.slow
def test_stream_of_a_red_flag_ends_in_an_urgent_care_reply(client):
    response = client.post("/api/chat/stream", json={"message": "I can't control my bladder"})
    assert parse_events(response.text)[-1][1]["kind"] == "urgent_care"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "content_type", "status", "code"),
    [
        pytest.param(b"{oops", "application/json", 400, "invalid_json", id="broken-json"),
        pytest.param(b'{"message": "hi"}', "text/plain", 415, "unsupported_media_type", id="type"),
        pytest.param(b'{"message": " "}', "application/json", 422, "message_empty", id="empty"),
        pytest.param(
            b'{"message": "hi", "x": 1}', "application/json", 422, "unknown_field", id="x"
        ),
        pytest.param(
            b'{"message": "' + b"a" * 300_000 + b'"}', "application/json", 413, "body_too_large"
        ),
    ],
)
def test_stream_rejects_bad_input_like_chat_with_4xx_json(client, body, content_type, status, code):
    response = client.post("/api/chat/stream", content=body, headers={"content-type": content_type})
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"]["code"] == code


@pytest.mark.slow
def test_openapi_schema_describes_the_stream(client):
    operation = client.get("/openapi.json").json()["paths"]["/api/chat/stream"]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"]["required"] == [
        "message"
    ]
    assert "text/event-stream" in operation["responses"]["200"]["content"]
