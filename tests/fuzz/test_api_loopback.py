"""A smaller sample over a real `assistant serve` on 127.0.0.1: the hostile bodies, generated
bodies, and raw-socket abuse of HTTP framing. The process stays up and logs no traceback."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.builds import copy_built
from tests.e2e.conftest import LiveServer, start_server, stop_server
from tests.fuzz.contract import REQUEST_TIMEOUT_S, check_error, post_chat
from tests.fuzz.hostile import HOSTILE, QUESTION, Hostile, chat

pytestmark = pytest.mark.slow

LOOPBACK_EXAMPLES = 20


@pytest.fixture(scope="module")
def server(fixture_assistant, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    root = tmp_path_factory.mktemp("fuzz-live")
    copy_built(fixture_assistant.settings, root)
    live = start_server(root, {"ASSISTANT_RATE_LIMIT": "0"})
    yield live
    stop_server(live)


@pytest.fixture(scope="module")
def client(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=REQUEST_TIMEOUT_S) as http:
        yield http


@pytest.mark.parametrize("case", HOSTILE, ids=lambda case: case.name)
def test_hostile_body_over_http_gets_its_status(client, case: Hostile):
    status, data = post_chat(client, case.body, case.content_type)
    assert status == case.status, data
    if case.code is not None:
        assert data["error"]["code"] == case.code


@settings(max_examples=LOOPBACK_EXAMPLES)
@given(content=st.binary(max_size=500) | st.text(max_size=200).map(str.encode))
def test_generated_bodies_over_http_get_a_reply_or_a_4xx_json_error(client, content):
    post_chat(client, content)


def exchange(server: LiveServer, data: bytes, *, read: bool = True) -> bytes:
    """Send raw bytes on a fresh connection; the whole response (the server closes it)."""
    address = urlsplit(server.url)
    with socket.create_connection((address.hostname, address.port), REQUEST_TIMEOUT_S) as sock:
        sock.sendall(data)
        if not read:
            return b""
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)


def request_head(*headers: str) -> bytes:
    lines = ["POST /api/chat HTTP/1.1", "Host: 127.0.0.1", "Connection: close", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def status_and_body(response: bytes) -> tuple[int, bytes]:
    head, _, body = response.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


def test_declared_length_over_the_limit_is_refused_before_the_body_arrives(server):
    head = request_head("Content-Type: application/json", "Content-Length: 1000000000000")
    status, body = status_and_body(exchange(server, head + b'{"message": "hi"'))
    assert status == 413
    check_error(json.loads(body))


def test_chunked_body_over_the_limit_is_cut_off_with_413(server):
    head = request_head("Content-Type: application/json", "Transfer-Encoding: chunked")
    chunk = b"x" * 65536
    chunks = (b"%x\r\n" % len(chunk) + chunk + b"\r\n") * 5 + b"0\r\n\r\n"
    status, body = status_and_body(exchange(server, head + chunks))
    assert status == 413
    check_error(json.loads(body))


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(request_head("Content-Length: abc") + b"{}", id="non-numeric-length"),
        pytest.param(request_head("Content-Length: -5") + b"{}", id="negative-length"),
        pytest.param(
            b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64, id="tls-hello"
        ),
        pytest.param(  # answered on a kept-alive connection unless the client closes it
            b"GARBAGE / HTTP/9.9\r\nConnection: close\r\n\r\n", id="unknown-method-and-version"
        ),
        pytest.param(
            b"POST /api/chat HTTP/1.1\r\n" + b"X: " + b"a" * 70000 + b"\r\n\r\n", id="huge-header"
        ),
    ],
)
def test_broken_http_framing_gets_a_4xx_or_a_closed_connection(server, data):
    response = exchange(server, data)
    assert response == b"" or 400 <= status_and_body(response)[0] < 500


HANG_UP = b"starlette.requests.ClientDisconnect"


def hang_up_mid_body(server: LiveServer, times: int = 20) -> None:
    head = request_head("Content-Type: application/json", "Content-Length: 5000")
    for _ in range(times):
        exchange(server, head + b'{"message": "knee', read=False)


def test_clients_that_hang_up_mid_body_do_not_hurt_the_server(server, client):
    hang_up_mid_body(server)
    status, _ = post_chat(client, chat(QUESTION))
    assert status == 200


def test_a_hang_up_is_not_logged_as_a_server_error(server):
    hang_up_mid_body(server, times=1)
    deadline = time.monotonic() + 5  # give the server time to notice the hang-up
    while HANG_UP not in server.log_path.read_bytes() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert HANG_UP not in server.log_path.read_bytes()


def test_server_is_healthy_after_the_fuzzing_with_no_traceback_in_its_log(server, client):
    for case in HOSTILE:
        post_chat(client, case.body, case.content_type)
    status, data = post_chat(client, chat("Does water exercise help knee arthritis?"))
    assert status == 200
    assert data["kind"] == "answer"
    assert server.process.poll() is None
    log = server.log_path.read_bytes()
    assert b"Traceback" not in log
