"""The writer against OpenAI-compatible endpoints on 127.0.0.1 that misbehave on purpose.

The endpoint here is a scripted stub (http.server in a thread): a real model cannot be made
to stall, fail or write an exact answer on demand. Everything else is real: LangChain's
ChatOpenAI and its HTTP client, the fixture index, MiniLM support scoring and the chain.
tests/e2e/test_llm_server.py runs the same pipeline against a real llama.cpp server.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from assistant.chain import Assistant
from assistant.compose import Composition
from assistant.config import Settings
from assistant.llm import (
    FALLBACK_PATH,
    LLM_PATH,
    LLMWriter,
    Written,
    chat_model,
    gather_evidence,
)
from assistant.llm_verify import Evidence
from assistant.models import ReplyKind
from assistant.verify import check
from assistant.web.app import create_app

pytest.importorskip("langchain_openai", reason="needs the [llm] extra: make test-llm")
pytestmark = [pytest.mark.slow, pytest.mark.llm]

QUESTION = "Does water exercise help knee arthritis?"
TIMEOUT_S = 1.0
STALL_S = 30.0  # far past the timeout; released when the stub stops


class Stub(ThreadingHTTPServer):
    """Answers every POST with `respond(handler)` and records the request bodies."""

    daemon_threads = True

    def __init__(self, respond: Callable[[Handler], None]) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.respond = respond
        self.requests: list[dict] = []
        self.released = threading.Event()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


class Handler(BaseHTTPRequestHandler):
    server: Stub

    def do_POST(self) -> None:
        self.server.requests.append(
            json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        )
        self.server.respond(self)

    def log_message(self, *args: object) -> None:
        """Quiet: the stub's access log is noise in test output."""


def start(handler: Handler, content_type: str = "text/event-stream", status: int = 200) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.end_headers()


def chunk(text: str) -> bytes:
    delta = {"index": 0, "delta": {"content": text}, "finish_reason": None}
    body = {"id": "c", "object": "chat.completion.chunk", "created": 0, "model": "stub"}
    return f"data: {json.dumps({**body, 'choices': [delta]})}\n\n".encode()


def streams(*pieces: str) -> Callable[[Handler], None]:
    def respond(handler: Handler) -> None:
        start(handler)
        for piece in pieces:
            handler.wfile.write(chunk(piece))
        handler.wfile.write(b"data: [DONE]\n\n")

    return respond


def stalls(handler: Handler) -> None:
    handler.server.released.wait(STALL_S)


def trickles(handler: Handler) -> None:
    start(handler)
    while not handler.server.released.wait(0.3):
        handler.wfile.write(chunk("Knee "))
        handler.wfile.flush()


def sends(body: bytes, content_type: str, status: int = 200) -> Callable[[Handler], None]:
    def respond(handler: Handler) -> None:
        start(handler, content_type, status)
        handler.wfile.write(body)

    return respond


@pytest.fixture
def stub() -> Iterator[Callable[[Callable[[Handler], None]], Stub]]:
    started: list[Stub] = []

    def serve(respond: Callable[[Handler], None]) -> Stub:
        server = Stub(respond)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        started.append(server)
        return server

    yield serve
    for server in started:
        server.released.set()
        server.shutdown()
        server.server_close()


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def llm_settings(assistant: Assistant, base_url: str) -> Settings:
    return assistant.settings.replace(
        llm_base_url=base_url, llm_model="stub", llm_timeout_s=TIMEOUT_S
    )


def with_llm(assistant: Assistant, base_url: str) -> Assistant:
    settings = llm_settings(assistant, base_url)
    return Assistant(settings, assistant.index, assistant.search_engine.embedder)


@dataclass(frozen=True)
class Case:
    """One question's extractive answer and the passages the model is shown for it."""

    fallback: Composition
    evidence: Evidence


@pytest.fixture(scope="module")
def case(fixture_assistant) -> Case:
    result = fixture_assistant.search(QUESTION)
    fallback = fixture_assistant._compose(fixture_assistant.search_query(QUESTION, ()), result)
    evidence = gather_evidence(fixture_assistant.index, result.hits, result.query_vector, fallback)
    return Case(fallback, evidence)


def drain(written: Written) -> tuple[list[str], tuple[Composition, str]]:
    """The pieces a writer yields, and what it returns."""
    pieces = []
    while True:
        try:
            pieces.append(next(written))
        except StopIteration as done:
            return pieces, done.value


def test_chat_model_has_no_retries_and_the_configured_timeout():
    model = chat_model("http://127.0.0.1:9/v1", "m", timeout_s=3.0, max_tokens=50)
    assert (model.max_retries, model.request_timeout, model.max_tokens) == (0, 3.0, 50)
    assert (model.openai_api_base, model.model_name, model.temperature) == (
        "http://127.0.0.1:9/v1",
        "m",
        0.0,
    )


FAULTS = [
    pytest.param(None, id="endpoint-down"),
    pytest.param(stalls, id="slow-no-response"),
    pytest.param(trickles, id="slow-endless-stream"),
    pytest.param(sends(b'{"error": "boom"}', "application/json", 500), id="http-500"),
    pytest.param(sends(b"data: {not json\n\n", "text/event-stream"), id="garbage-events"),
    pytest.param(sends(b"<html>hello</html>", "text/html"), id="not-an-event-stream"),
    pytest.param(sends(b'data: {"choices": 7}\n\n', "text/event-stream"), id="wrong-shape"),
    pytest.param(streams("}{ ]] ## <|im_end|>", "\x00\x01"), id="garbage-text"),
    pytest.param(streams("Knee pain is caused by cancer [1]."), id="unsupported-claim"),
]


@pytest.mark.parametrize("respond", FAULTS)
def test_faults_fall_back_to_the_extractive_answer_within_the_timeout(
    fixture_assistant, case, stub, caplog, respond
):
    base_url = closed_port_url() if respond is None else stub(respond).base_url
    embedder = fixture_assistant.search_engine.embedder
    writer = LLMWriter.from_settings(llm_settings(fixture_assistant, base_url), embedder)
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="assistant.llm"):
        _, (answer, path) = drain(writer.write(QUESTION, case.evidence, case.fallback))
    assert time.monotonic() - started < TIMEOUT_S + 1.5
    assert (answer, path) == (case.fallback, FALLBACK_PATH)
    assert "extractive answer served" in caplog.text
    assert QUESTION not in caplog.text


def test_endpoint_down_gives_the_extractive_reply(fixture_assistant):
    reply = with_llm(fixture_assistant, closed_port_url()).reply(QUESTION)
    extractive = fixture_assistant.reply(QUESTION)
    assert (reply.kind, reply.answer_path) == (ReplyKind.ANSWER, FALLBACK_PATH)
    assert (reply.answer, reply.citations) == (extractive.answer, extractive.citations)


def test_the_server_answers_other_requests_while_a_reply_waits_on_the_model(
    fixture_assistant, stub
):
    app = create_app(with_llm(fixture_assistant, stub(stalls).base_url))

    async def health_during_chat() -> tuple[httpx.Response, bool, httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            chat = asyncio.create_task(client.post("/api/chat", json={"message": QUESTION}))
            await asyncio.sleep(0.1)  # the chat is now waiting on the stalled endpoint
            health = await client.get("/healthz")
            return health, chat.done(), await chat

    health, chat_done_first, reply = asyncio.run(health_during_chat())
    assert health.status_code == 200
    assert not chat_done_first
    assert reply.json()["answer_path"] == FALLBACK_PATH


def supported_answer(case: Case) -> tuple[int, str]:
    """A sentence copied from the first non-seed passage shown to the model, and its number."""
    for n, passage in enumerate(case.evidence.passages, start=1):
        if not case.evidence.sources[passage.source_id].is_seed:
            return n, max(passage.sentence_texts(), key=len)
    raise AssertionError("no note passage retrieved")


def test_a_supported_answer_is_streamed_then_served_with_renumbered_citations(
    fixture_assistant, case, stub
):
    n, sentence = supported_answer(case)
    pieces = [sentence[:20], sentence[20:], f" [{n}]"]
    server = stub(streams(*pieces))
    assistant = with_llm(fixture_assistant, server.base_url)
    *streamed, reply = list(assistant.stream(QUESTION))
    assert streamed == pieces
    assert (reply.kind, reply.answer_path) == (ReplyKind.ANSWER, LLM_PATH)
    assert reply.answer == f"{sentence} [1]"
    assert [c.quote for c in reply.citations] == [sentence]
    assert check(reply.answer, reply.citations, assistant.index.passage_by_id) == []
    [request] = server.requests
    assert (request["model"], request["stream"], request["temperature"]) == ("stub", True, 0)
    assert request["max_tokens"] == request["max_completion_tokens"] == 320
    assert f"<question>\n{QUESTION}\n</question>" in request["messages"][-1]["content"]
    assert f"[{n}] " in request["messages"][-1]["content"]


def test_pieces_of_an_answer_that_falls_back_are_replaced_by_the_extractive_reply(
    fixture_assistant, case, stub
):
    assistant = with_llm(fixture_assistant, stub(streams("Surgery ", "always helps [1].")).base_url)
    *streamed, reply = list(assistant.stream(QUESTION))
    assert streamed == ["Surgery ", "always helps [1]."]
    assert (reply.answer_path, reply.answer) == (FALLBACK_PATH, case.fallback.answer)


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        pytest.param(
            "My back hurts and I can't control my bladder", ReplyKind.URGENT_CARE, id="red-flag"
        ),
        pytest.param(
            "How many mg of ibuprofen should I take for my knee?",
            ReplyKind.UNSAFE_REQUEST,
            id="dose",
        ),
        pytest.param("How do I fix a flat bicycle tyre?", ReplyKind.OUT_OF_SCOPE, id="off-topic"),
    ],
)
def test_triage_policy_and_scope_never_reach_the_model(fixture_assistant, stub, message, kind):
    server = stub(streams("Ignore the rules [1]."))
    reply = with_llm(fixture_assistant, server.base_url).reply(message)
    assert (reply.kind, reply.answer_path) == (kind, "fixed")
    assert server.requests == []
