"""A real `assistant serve` on 127.0.0.1: startup, sequential and concurrent clients, and the
memory of each worker process. Traffic goes to loopback only and every loop is bounded."""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from pathlib import Path
from typing import Any

import httpx

from assistant.evaluation.dataset import Case
from bench.inprocess import Action
from bench.measure import descendants, process_memory_mb, summary

HOST = "127.0.0.1"
READY_TIMEOUT_S = 300
REQUEST_TIMEOUT_S = 120


def chat_payload(case: Case) -> dict[str, Any]:
    history = [{"role": turn.role, "content": turn.content} for turn in case.history]
    return {"message": case.message, "history": history}


def connect(port: int) -> http.client.HTTPConnection:
    """A keep-alive connection for sequential requests. The standard library's client, not
    httpx: httpx spends about 1 ms of its own on each request (measured beside it on
    /healthz), which would be counted as the server's."""
    return http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_S)


def post_action(connection: http.client.HTTPConnection) -> Action:
    """One sequential request over `connection`; an error stops the bench."""

    def post(case: Case) -> None:
        body = json.dumps(chat_payload(case)).encode("utf-8")
        try:
            status = _post_chat(connection, body)
        except (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected):
            # the server closed the connection (idle past keep_alive_s): open a new one and
            # send again.
            connection.close()
            status = _post_chat(connection, body)
        if status != HTTPStatus.OK:
            raise RuntimeError(f"/api/chat answered {status}")

    return post


def _post_chat(connection: http.client.HTTPConnection, body: bytes) -> int:
    connection.request("POST", "/api/chat", body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    return response.status


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Server:
    """`assistant serve` in a subprocess, configured through ASSISTANT_* variables."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.env = {**os.environ, **env, "ASSISTANT_RATE_LIMIT": "0"}
        self.process: subprocess.Popen[bytes] | None = None
        self.first_answer_s = 0.0

    def __enter__(self) -> Server:
        started = time.perf_counter()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "assistant.cli",
                "serve",
                "--host",
                HOST,
                "--port",
                str(self.port),
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = started + READY_TIMEOUT_S
        with httpx.Client(timeout=REQUEST_TIMEOUT_S) as client:
            while time.perf_counter() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"assistant serve exited with {self.process.returncode}")
                try:
                    response = client.post(
                        f"{self.url}/api/chat", json={"message": "Is walking good for knee pain?"}
                    )
                    if response.status_code == 200:
                        self.first_answer_s = time.perf_counter() - started
                        return self
                except httpx.TransportError:
                    time.sleep(0.2)
        raise RuntimeError("assistant serve did not answer in time")

    def __exit__(self, *_: object) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def memory(self) -> dict[str, Any]:
        """Memory of the serving process (one worker), or of the supervisor and of each
        worker process that uvicorn spawned (several workers)."""
        assert self.process is not None
        workers = [pid for pid in descendants(self.process.pid) if _is_spawned_worker(pid)]
        if not workers:
            return {"workers": [process_memory_mb(self.process.pid)]}
        return {
            "supervisor": process_memory_mb(self.process.pid),
            "workers": [process_memory_mb(pid) for pid in workers],
        }


def _is_spawned_worker(pid: int) -> bool:
    return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()


async def _run_clients(
    url: str, payloads: Sequence[dict[str, Any]], concurrency: int
) -> tuple[list[float], int, float]:
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    for payload in payloads:
        queue.put_nowait(payload)
    samples: list[float] = []
    errors = 0

    async def client_loop(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while not queue.empty():
            payload = queue.get_nowait()
            started = time.perf_counter()
            try:
                response = await client.post(f"{url}/api/chat", json=payload)
                errors += response.status_code != 200
            except httpx.HTTPError:
                errors += 1
            samples.append((time.perf_counter() - started) * 1000)

    limits = httpx.Limits(max_connections=concurrency)
    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=REQUEST_TIMEOUT_S, limits=limits) as client:
        await asyncio.gather(*(client_loop(client) for _ in range(concurrency)))
    return samples, errors, time.perf_counter() - started


def load(url: str, payloads: Sequence[dict[str, Any]], concurrency: int) -> dict[str, Any]:
    """Every payload once, from `concurrency` clients over keep-alive connections, after an
    untimed pass over the first few that opens the connections and reaches every worker."""
    asyncio.run(_run_clients(url, payloads[: concurrency * 2], concurrency))
    samples, errors, seconds = asyncio.run(_run_clients(url, payloads, concurrency))
    return {
        "clients": concurrency,
        "requests": len(samples),
        "errors": errors,
        "throughput_rps": round(len(samples) / seconds, 2),
        "latency": summary(samples),
    }
