"""Load on loopback: 50 concurrent clients for 60 s against `assistant serve` with 2 workers
(rate limit off) must see zero errors and bounded memory growth; p95 goes to
build/load/report.json. Then the rate limit: 429 JSON when exceeded, answers after the window.

Run alone with `make load` (prints the figures)."""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil
import pytest

from assistant.chain import Assistant
from tests.builds import copy_built
from tests.e2e.conftest import LiveServer, start_server, stop_server
from tests.fuzz.contract import check_error, check_reply

pytestmark = pytest.mark.slow

CLIENTS = 50
DURATION_S = 60.0
WORKERS = 2  # the machine's cores
REQUEST_TIMEOUT_S = 30.0
MAX_RSS_GROWTH_MB = 50.0  # all server processes together, once every worker is warm
WARM_UP_S = 10.0
WORKER_START_TIMEOUT_S = 180.0
RATE_LIMIT = 5  # per minute, for the rate-limit run (one worker, so one counter)
REPORT = Path(__file__).resolve().parents[2] / "build" / "load" / "report.json"

# What the clients send, in turn: each kind of reply, plus bad input that must stay a 4xx.
MIX: list[tuple[dict[str, object] | bytes, int]] = [
    ({"message": "Does water exercise help knee arthritis?"}, 200),
    ({"message": "Do I need an X-ray for lower back pain?"}, 200),
    ({"message": "What is knee-spine syndrome?"}, 200),
    ({"message": "and what about weight?", "history": [{"role": "user", "content": "knees"}]}, 200),
    ({"message": "I can't feel my bum and I can't pee, my back hurts"}, 200),  # urgent care
    ({"message": "How many mg of ibuprofen should I take for my knee?"}, 200),  # unsafe
    ({"message": "What is the capital of France?"}, 200),  # out of scope
    (b'{"message": "broken', 400),
    ({"message": ""}, 422),
    ({"message": "knee", "history": [{"role": "user", "content": "x"}] * 51}, 422),
]


@dataclass
class LoadResult:
    """What the clients saw."""

    latencies_ms: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def percentile(self, share: float) -> float:
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[
            round(share * 100) - 1
        ]


async def send(http: httpx.AsyncClient, body: dict[str, object] | bytes) -> httpx.Response:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return await http.post(
        "/api/chat", content=content, headers={"content-type": "application/json"}
    )


async def client_loop(http: httpx.AsyncClient, number: int, stop_at: float, result: LoadResult):
    turn = number
    while time.monotonic() < stop_at:
        body, expected = MIX[turn % len(MIX)]
        turn += 1
        started = time.perf_counter()
        try:
            response = await send(http, body)
            data = response.json()
            (check_reply if response.status_code == 200 else check_error)(data)
        except (httpx.HTTPError, ValueError, AssertionError) as exc:
            result.errors.append(f"{type(exc).__name__}: {exc}"[:200])
            continue
        result.latencies_ms.append((time.perf_counter() - started) * 1000)
        result.statuses[response.status_code] += 1
        if response.status_code != expected:
            result.errors.append(f"expected {expected}, got {response.status_code}")
        elif expected == 200:
            result.kinds[data["kind"]] += 1


async def run_load(url: str, clients: int, duration_s: float) -> LoadResult:
    result = LoadResult()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=REQUEST_TIMEOUT_S) as http:
        stop_at = time.monotonic() + duration_s
        await asyncio.gather(*(client_loop(http, n, stop_at, result) for n in range(clients)))
    return result


def wait_for_workers(server: LiveServer, workers: int) -> None:
    """Return once every worker has started (healthz answers as soon as the first one has)."""
    deadline = time.monotonic() + WORKER_START_TIMEOUT_S
    while server.log_path.read_text().count("Application startup complete") < workers:
        assert time.monotonic() < deadline, f"{workers} workers did not start"
        time.sleep(0.5)


def server_rss_mb(server: LiveServer) -> dict[int, float]:
    """Resident memory of the server process and its workers, in MiB."""
    root = psutil.Process(server.process.pid)
    return {p.pid: p.memory_info().rss / 2**20 for p in [root, *root.children(recursive=True)]}


def start_over_fixture_index(
    assistant: Assistant, tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]
) -> LiveServer:
    root = tmp_path_factory.mktemp("load")
    copy_built(assistant.settings, root)
    return start_server(root, env)


@pytest.fixture(scope="module")
def limited_server(fixture_assistant, tmp_path_factory) -> Iterator[LiveServer]:
    env = {"ASSISTANT_RATE_LIMIT": str(RATE_LIMIT), "ASSISTANT_WORKERS": "1"}
    server = start_over_fixture_index(fixture_assistant, tmp_path_factory, env)
    yield server
    stop_server(server)


@dataclass
class Burst:
    """One client's burst of requests past the limit, and when it started."""

    started: float
    responses: list[httpx.Response]


@pytest.fixture(scope="module")
def burst(limited_server: LiveServer) -> Burst:
    started = time.monotonic()
    with httpx.Client(base_url=limited_server.url, timeout=REQUEST_TIMEOUT_S) as http:
        responses = [
            http.post("/api/chat", json=MIX[n % 3][0], headers={"x-forwarded-for": f"10.9.9.{n}"})
            for n in range(RATE_LIMIT + 5)
        ]
    return Burst(started, responses)


def test_rate_limit_answers_429_json_past_the_limit(burst):
    statuses = [response.status_code for response in burst.responses]
    assert statuses == [200] * RATE_LIMIT + [429] * 5  # a forged X-Forwarded-For changes nothing
    refused = burst.responses[-1]
    assert refused.headers["content-type"] == "application/json"
    check_error(refused.json())
    assert refused.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(refused.headers["retry-after"]) <= 60


@pytest.fixture(scope="module")
def load_server(fixture_assistant, tmp_path_factory) -> Iterator[LiveServer]:
    env = {"ASSISTANT_RATE_LIMIT": "0", "ASSISTANT_WORKERS": str(WORKERS)}
    server = start_over_fixture_index(fixture_assistant, tmp_path_factory, env)
    yield server
    stop_server(server)


def test_50_clients_for_60_s_get_no_errors_and_memory_stays_bounded(load_server):
    wait_for_workers(load_server, WORKERS)
    asyncio.run(run_load(load_server.url, CLIENTS, WARM_UP_S))  # every worker answers once
    before = server_rss_mb(load_server)
    result = asyncio.run(run_load(load_server.url, CLIENTS, DURATION_S))
    after = server_rss_mb(load_server)
    growth_mb = sum(after.values()) - sum(before.values())
    report = {
        "clients": CLIENTS,
        "duration_s": DURATION_S,
        "workers": WORKERS,
        "requests": sum(result.statuses.values()),
        "errors": len(result.errors),
        "requests_per_s": round(sum(result.statuses.values()) / DURATION_S, 1),
        "latency_ms": {
            "p50": round(result.percentile(0.50), 1),
            "p95": round(result.percentile(0.95), 1),
            "p99": round(result.percentile(0.99), 1),
            "max": round(max(result.latencies_ms), 1),
        },
        "statuses": dict(result.statuses),
        "reply_kinds": dict(result.kinds),
        "rss_mb": {
            "before": round(sum(before.values()), 1),
            "after": round(sum(after.values()), 1),
        },
        "rss_growth_mb": round(growth_mb, 1),
        "rss_growth_bound_mb": MAX_RSS_GROWTH_MB,
        "first_errors": result.errors[:10],
    }
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nload: {json.dumps(report)}")
    assert result.errors == []
    assert report["requests"] >= CLIENTS
    assert set(result.kinds) == {"answer", "urgent_care", "unsafe_request", "out_of_scope"}
    assert growth_mb < MAX_RSS_GROWTH_MB
    assert load_server.process.poll() is None
    log = load_server.log_path.read_text()
    assert "Traceback" not in log
    assert "died" not in log  # no worker was lost and respawned


def test_rate_limit_lets_the_client_in_again_after_the_window(limited_server, burst):
    retry_after_s = int(burst.responses[-1].headers["retry-after"])
    time.sleep(max(0.0, burst.started + retry_after_s + 1 - time.monotonic()))
    response = httpx.post(f"{limited_server.url}/api/chat", json=MIX[0][0], timeout=30)
    assert response.status_code == 200
    check_reply(response.json())
