"""No patient text kept by default: a real `assistant serve` (every logger at DEBUG)
gets a unique marker in messages, history, bad requests, headers and the Gradio chat; then no
log line and no file written anywhere (working, index, temp and home folders, the repo's
build/, /tmp) contains it, and the server talked to no one but its loopback clients."""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil
import pytest

from tests.builds import copy_built
from tests.e2e.conftest import LiveServer, start_server, stop_server

pytestmark = pytest.mark.slow

MARKER = "zq" + uuid.uuid4().hex  # letters and digits only: no escaping can disguise it
REPO = Path(__file__).resolve().parents[1]
MAX_SCANNED_BYTES = 200 * 2**20
DEBUG_EVERYWHERE = (  # sitecustomize runs first in the server and in each spawned worker
    "import logging\n"
    "logging.basicConfig(level=logging.DEBUG, format='%(levelname)s %(name)s: %(message)s')\n"
)
HEADERS = {"user-agent": f"agent-{MARKER}", "referer": f"https://clinic.example/{MARKER}"}
QUESTION = f"Does water exercise help knee arthritis? {MARKER}"
HISTORY = [
    {"role": "user", "content": f"My name is {MARKER} and my knee hurts."},
    {"role": "assistant", "content": f"Sorry to hear that, {MARKER}."},
]
GOOD_BODIES = [
    {"message": QUESTION, "history": HISTORY},
    {"message": f"I can't feel my bum and can't pee {MARKER}"},  # urgent care
    {"message": f"How many mg of ibuprofen should I take {MARKER}?"},  # unsafe request
    {"message": f"What is the capital of France {MARKER}?"},  # out of scope
]
BAD_BODIES = [
    f'{{"message": "{MARKER}'.encode(),  # broken JSON
    json.dumps({"message": MARKER * 200}).encode(),  # too long
    json.dumps({"message": "hi", MARKER: 1}).encode(),  # unknown field
    json.dumps({"message": "hi", "history": [{"role": MARKER, "content": "x"}]}).encode(),
    f'{{"message": "{MARKER} \\ud800"}}'.encode(),  # lone surrogate
]


@dataclass
class Traffic:
    """What was sent, what came back, and what the server left behind."""

    server: LiveServer
    started: float
    statuses: list[int]
    remote_addresses: set[str]


def chat_in_the_ui(url: str, message: str, state: list, session: str) -> list:
    """One turn through the Gradio page's own queue protocol (as the browser sends it)."""
    config = httpx.get(f"{url}/config", timeout=30).json()
    ids = {component["id"]: component["props"].get("elem_id") for component in config["components"]}
    respond = next(
        dependency
        for dependency in config["dependencies"]
        if any(ids[target[0]] == "question" for target in dependency["targets"])
    )
    join = {
        "data": [message, state],
        "fn_index": respond["id"],
        "trigger_id": respond["targets"][0][0],
        "session_hash": session,
        "event_data": None,
    }
    httpx.post(f"{url}/gradio_api/queue/join", json=join, headers=HEADERS, timeout=30)
    params = {"session_hash": session}
    with httpx.stream("GET", f"{url}/gradio_api/queue/data", params=params, timeout=60) as events:
        for line in events.iter_lines():
            event = json.loads(line.removeprefix("data: ")) if line.startswith("data: ") else {}
            if event.get("msg") == "process_completed":
                assert event["success"], event
                return event["output"]["data"][-1]  # the conversation state
    raise AssertionError("the UI never completed the turn")


def send_everything(url: str) -> list[int]:
    statuses = []
    with httpx.Client(base_url=url, headers=HEADERS, timeout=60) as http:
        for body in GOOD_BODIES:
            statuses.append(http.post("/api/chat", json=body).status_code)
            statuses.append(http.post("/api/chat/stream", json=body).status_code)
        for content in BAD_BODIES:
            response = http.post(
                "/api/chat", content=content, headers={"content-type": "application/json"}
            )
            statuses.append(response.status_code)
        statuses.append(http.post("/api/chat", content=QUESTION.encode()).status_code)  # 415
        statuses.append(
            http.post("/api/chat", params={"q": MARKER}, json={"message": QUESTION}).status_code
        )
    state = chat_in_the_ui(url, QUESTION, [], session=uuid.uuid4().hex)
    chat_in_the_ui(url, f"and what about swimming, {MARKER}?", state, session=uuid.uuid4().hex)
    return statuses


def remote_addresses(server: LiveServer) -> set[str]:
    """Addresses the server's processes are connected to (listening sockets have none)."""
    root = psutil.Process(server.process.pid)
    return {
        connection.raddr.ip
        for process in [root, *root.children(recursive=True)]
        for connection in process.net_connections(kind="inet")
        if connection.raddr
    }


@pytest.fixture(scope="module")
def traffic(fixture_assistant, tmp_path_factory: pytest.TempPathFactory) -> Traffic:
    root = tmp_path_factory.mktemp("privacy")
    copy_built(fixture_assistant.settings, root)
    for folder in ("site", "tmp", "home"):
        (root / folder).mkdir()
    (root / "site" / "sitecustomize.py").write_text(DEBUG_EVERYWHERE)
    env = {
        "PYTHONPATH": str(root / "site"),
        "TMPDIR": str(root / "tmp"),
        "HOME": str(root / "home"),
        "ASSISTANT_RATE_LIMIT": "0",
    }
    started = time.time()
    server = start_server(root, env)
    try:
        statuses = send_everything(server.url)
        addresses = remote_addresses(server)
    finally:
        stop_server(server)
    return Traffic(server, started, statuses, addresses)


def test_the_marked_requests_reached_the_server(traffic):
    assert traffic.statuses == [200] * 8 + [400, 422, 422, 422, 422, 415, 200]


def test_the_server_logged_at_debug_level(traffic):
    assert "DEBUG " in traffic.server.log_path.read_text()


def test_no_log_line_holds_the_marker(traffic):
    log = traffic.server.log_path.read_text()
    assert "POST /api/chat 200" in log
    assert MARKER not in log


def files_written_since(started: float, folders: list[Path]) -> Iterator[Path]:
    for folder in folders:
        for directory, _, names in os.walk(folder, onerror=lambda error: None):
            for name in names:
                path = Path(directory) / name
                try:
                    info = path.lstat()
                except OSError:
                    continue
                is_recent = info.st_mtime >= started - 1 and info.st_size <= MAX_SCANNED_BYTES
                if is_recent and path.is_file() and not path.is_symlink():
                    yield path


def test_no_file_written_anywhere_holds_the_marker(traffic):
    folders = [traffic.server.root, REPO / "build", Path("/tmp"), Path("/dev/shm")]
    scanned, holding = 0, []
    for path in files_written_since(traffic.started, folders):
        try:
            content = path.read_bytes()
        except OSError:
            continue
        scanned += 1
        if MARKER.encode() in content:
            holding.append(str(path))
    assert scanned > 0  # the server log and the index copy at least
    assert holding == []


def test_no_transcript_is_kept_by_default(traffic):
    assert not (traffic.server.root / "transcripts").exists()


def test_the_server_talked_only_to_loopback(traffic):
    assert traffic.remote_addresses <= {"127.0.0.1", "::1"}
