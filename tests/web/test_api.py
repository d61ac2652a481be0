"""The JSON API in process (real assistant on the fixture corpus)."""

import json
import logging

import pytest
from fastapi.testclient import TestClient

from assistant.web.app import create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(fixture_assistant):
    with TestClient(create_app(fixture_assistant)) as test_client:
        yield test_client


def post(client, body, content_type="application/json"):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post("/api/chat", content=data, headers={"content-type": content_type})


def test_chat_returns_the_reply_contract(client):
    response = post(client, {"message": "Does water exercise help knee arthritis?", "history": []})
    assert response.status_code == 200
    body = response.json()
    assert {"kind", "answer", "citations", "disclaimer", "latency_ms", "index_version"} <= set(body)
    assert body["kind"] == "answer"
    citation = body["citations"][0]
    assert {"n", "passage_id", "source_id", "title", "section", "url", "quote", "score"} <= set(
        citation
    )


def test_history_is_accepted(client):
    history = [
        {"role": "user", "content": "Does weight matter for knees?"},
        {"role": "assistant", "content": "It can."},
    ]
    response = post(client, {"message": "and for the back?", "history": history})
    assert response.status_code == 200
    assert response.json()["kind"] == "answer"


BAD_REQUESTS = [
    pytest.param(b"{not json", "application/json", 400, "invalid_json", id="broken-json"),
    pytest.param(b"", "application/json", 400, "invalid_json", id="empty-body"),
    pytest.param(
        b'{"message": "hi"}', "text/plain", 415, "unsupported_media_type", id="wrong-content-type"
    ),
    pytest.param(b"[1, 2]", "application/json", 422, "invalid_body", id="array-body"),
    pytest.param(b'{"history": []}', "application/json", 422, "message_missing", id="no-message"),
    pytest.param(b'{"message": 42}', "application/json", 422, "invalid_type", id="number"),
    pytest.param(b'{"message": "   "}', "application/json", 422, "message_empty", id="blank"),
    pytest.param(
        json.dumps({"message": "x" * 4001}).encode(),
        "application/json",
        422,
        "message_too_long",
        id="too-long",
    ),
    pytest.param(
        b'{"message": "hi", "history": "no"}',
        "application/json",
        422,
        "invalid_history",
        id="history-not-list",
    ),
    pytest.param(
        b'{"message": "hi", "history": [{"role": "system", "content": "x"}]}',
        "application/json",
        422,
        "invalid_history",
        id="system-role",
    ),
    pytest.param(
        json.dumps({"message": "hi", "history": [{"role": "user", "content": "a"}] * 51}).encode(),
        "application/json",
        422,
        "history_too_long",
        id="history-too-long",
    ),
    pytest.param(
        b'{"message": "hi", "admin": true}',
        "application/json",
        422,
        "unknown_field",
        id="unknown-field",
    ),
    pytest.param(
        b'{"message": "' + b"a" * 300_000 + b'"}',
        "application/json",
        413,
        "body_too_large",
        id="oversized",
    ),
    pytest.param(
        b"[" * 5000 + b"]" * 5000, "application/json", 400, "invalid_json", id="deep-nesting"
    ),
    pytest.param(
        b'{"message": "\\ud800"}', "application/json", 422, "invalid_text", id="lone-surrogate"
    ),
    pytest.param(
        b'{"message": "\xff\xfe"}', "application/json", 400, "invalid_json", id="not-utf8"
    ),
]


@pytest.mark.parametrize(("body", "content_type", "status", "code"), BAD_REQUESTS)
def test_bad_input_gets_a_4xx_json_error(client, body, content_type, status, code):
    response = post(client, body, content_type)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"]
    assert "aaaaaaaa" not in response.text


def test_wrong_method_and_unknown_path_are_json_errors(client):
    assert client.get("/api/chat").json()["error"]["code"] == "method_not_allowed"
    response = client.get("/nope<script>")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_server_still_answers_after_bad_input(client):
    post(client, b"{broken", "application/json")
    assert post(client, {"message": "What is knee-spine syndrome?"}).status_code == 200


def test_each_request_is_logged_with_path_and_status_but_not_its_query(client, caplog):
    with caplog.at_level(logging.INFO, logger="assistant.web"):
        post(client, b"{broken", "application/json")
        client.get("/healthz?patient=secret-name")
    lines = [record.getMessage() for record in caplog.records if record.name == "assistant.web"]
    assert lines[0].startswith("POST /api/chat 400 ")
    assert lines[1].startswith("GET /healthz 200 ")
    assert "secret-name" not in caplog.text


def test_healthz_reports_the_index(client, fixture_assistant):
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["index"]["passages"] == len(fixture_assistant.index.passages)
    assert body["index"]["corpus_sha256"] == fixture_assistant.index.manifest["corpus_sha256"]


def test_openapi_schema_describes_chat(client):
    schema = client.get("/openapi.json").json()
    body = schema["paths"]["/api/chat"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"]["required"] == ["message"]
