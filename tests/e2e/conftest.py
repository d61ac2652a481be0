"""A real `assistant serve` process on 127.0.0.1 over the fixture corpus."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import make_corpus

STARTUP_TIMEOUT_S = 180


@dataclass
class LiveServer:
    url: str
    process: subprocess.Popen
    log_path: Path
    root: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(root: Path, extra_env: dict[str, str] | None = None) -> LiveServer:
    """Start the server; returns once /healthz answers (the index is built first)."""
    port = free_port()
    env = {
        **os.environ,
        "ASSISTANT_CORPUS_DIR": str(root / "corpus"),
        "ASSISTANT_INDEX_DIR": str(root / "index"),
        "ASSISTANT_PORT": str(port),
        **(extra_env or {}),
    }
    if not (root / "corpus").exists():
        make_corpus(root / "corpus")
    log_path = root / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "-v", "serve"],
            env=env,
            cwd=root,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited early:\n{log_path.read_text()[-3000:]}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return LiveServer(url, process, log_path, root)
        except httpx.TransportError:
            time.sleep(0.5)
    process.kill()
    raise AssertionError(f"server did not start in {STARTUP_TIMEOUT_S}s")


def stop_server(server: LiveServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=20)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = start_server(tmp_path_factory.mktemp("live"))
    yield server
    stop_server(server)
