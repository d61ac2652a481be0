"""The real server process on loopback: startup, answers, errors, clean shutdown."""

import http.client
import time
from urllib.parse import urlsplit

import httpx
import pytest

pytestmark = pytest.mark.slow


def test_server_answers_over_http(live_server):
    response = httpx.post(
        f"{live_server.url}/api/chat", json={"message": "What is knee-spine syndrome?"}, timeout=30
    )
    assert response.status_code == 200
    body = response.json()
    assert body["kind"] == "answer"
    assert body["citations"]


@pytest.mark.parametrize(
    ("content", "headers", "status"),
    [
        (b"{oops", {"content-type": "application/json"}, 400),
        (b'{"message": ""}', {"content-type": "application/json"}, 422),
        (b'{"message": "hi"}', {"content-type": "application/x-www-form-urlencoded"}, 415),
        (b'{"message": "' + b"b" * 400_000 + b'"}', {"content-type": "application/json"}, 413),
    ],
)
def test_bad_requests_over_http_get_4xx_json(live_server, content, headers, status):
    response = httpx.post(
        f"{live_server.url}/api/chat", content=content, headers=headers, timeout=30
    )
    assert response.status_code == status
    assert response.json()["error"]["code"]


def test_healthz_over_http(live_server):
    body = httpx.get(f"{live_server.url}/healthz", timeout=10).json()
    assert body["status"] == "ok"
    assert body["index"]["passages"] > 0


def test_log_has_no_user_text(live_server):
    marker = "zebra-marker-7f3a"
    httpx.post(f"{live_server.url}/api/chat", json={"message": f"knee pain {marker}"}, timeout=30)
    httpx.post(
        f"{live_server.url}/api/chat",
        content=f'{{"message": "{marker}',
        timeout=30,
        headers={"content-type": "application/json"},
    )
    log = live_server.log_path.read_text()
    assert "POST /api/chat 200" in log
    assert marker not in log


def test_idle_connection_stays_open_past_uvicorns_default_keep_alive(live_server):
    """A pooled connection idle for 6 s (uvicorn closes at 5 s unless told otherwise) is still
    the same open connection: the server must not close connections a proxy may reuse."""
    address = urlsplit(live_server.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request("GET", "/healthz")
        assert connection.getresponse().read()
        local_end = connection.sock.getsockname()
        time.sleep(6)
        connection.request("GET", "/healthz")
        response = connection.getresponse()
        assert response.status == 200
        assert connection.sock.getsockname() == local_end  # reused, not reconnected
    finally:
        connection.close()
