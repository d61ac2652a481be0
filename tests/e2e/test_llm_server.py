"""The LLM writer against a real local OpenAI-compatible server: llama.cpp serving
SmolLM2-135M on 127.0.0.1 (tests/llama_server.py). The model is weak, so these tests check
the pipeline — the request reaches it, its pieces stream, its sentences are parsed and
verified, and whatever it writes the served answer is grounded — not the quality of its prose.
Endpoint faults a real model cannot produce on demand are in tests/test_llm_endpoint.py.
"""

from __future__ import annotations

import importlib.util
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from assistant.chain import Assistant
from assistant.llm import FALLBACK_PATH, LLM_PATH
from assistant.models import Reply, ReplyKind
from assistant.support import SupportScorer
from assistant.verify import check
from tests.e2e.conftest import LiveServer, start_server, stop_server

pytest.importorskip("langchain_openai", reason="needs the [llm] extra: make test-llm")
if importlib.util.find_spec("llama_cpp") is None:  # not imported here: the server runs it
    pytest.skip("needs the [llm-test] extra: make test-llm", allow_module_level=True)
from tests.llama_server import MODEL_NAME, LlamaServer, llama_server

pytestmark = [pytest.mark.slow, pytest.mark.llm]

QUESTIONS = [
    "Does water exercise help knee arthritis?",
    "Do I need an MRI scan for back pain?",
    "What is knee-spine syndrome?",
]
MIN_SUPPORT = 0.6  # the settings' default llm_min_support


@pytest.fixture(scope="module")
def llama(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlamaServer]:
    with llama_server(tmp_path_factory.mktemp("llama")) as server:
        yield server


def with_llm(assistant: Assistant, llama: LlamaServer, timeout_s: float = 120.0) -> Assistant:
    settings = assistant.settings.replace(
        llm_base_url=llama.base_url, llm_model=MODEL_NAME, llm_timeout_s=timeout_s
    )
    return Assistant(settings, assistant.index, assistant.search_engine.embedder)


@dataclass(frozen=True)
class Served:
    """Each question's streamed pieces and final reply, and how many requests the model got."""

    replies: dict[str, tuple[list[str], Reply]]
    requests: int


@pytest.fixture(scope="module")
def served(fixture_assistant: Assistant, llama: LlamaServer) -> Served:
    assistant = with_llm(fixture_assistant, llama)
    before = llama.completions_served()
    replies = {}
    for question in QUESTIONS:
        *pieces, reply = list(assistant.stream(question))
        replies[question] = (pieces, reply)
    return Served(replies, llama.completions_served() - before)


def test_every_question_was_sent_to_the_model_once(served):
    assert served.requests == len(QUESTIONS)


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_model_streams_several_pieces_before_the_reply(served, question):
    pieces, reply = served.replies[question]
    assert len(pieces) > 1  # token by token, not one block
    assert all(isinstance(piece, str) for piece in pieces)
    assert reply.kind == ReplyKind.ANSWER
    assert reply.answer_path in (LLM_PATH, FALLBACK_PATH)


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_served_answer_is_grounded_on_either_path(
    served, fixture_assistant, embedder, question
):
    """Written by the model: every sentence cites a verbatim quote that supports it.
    Fallen back: the extractive answer, each sentence verbatim in its quote."""
    _, reply = served.replies[question]
    passages = fixture_assistant.index.passage_by_id
    if reply.answer_path == LLM_PATH:
        support = SupportScorer(embedder).score
        problems = check(
            reply.answer, reply.citations, passages, support=support, min_support=MIN_SUPPORT
        )
    else:
        problems = check(reply.answer, reply.citations, passages)
        assert reply.answer == fixture_assistant.reply(question).answer
    assert problems == []
    assert reply.disclaimer


def test_a_timeout_shorter_than_the_model_falls_back_in_time(fixture_assistant, llama):
    assistant = with_llm(fixture_assistant, llama, timeout_s=0.3)
    started = time.monotonic()
    reply = assistant.reply(QUESTIONS[0])
    assert time.monotonic() - started < 0.3 + 5  # retrieval and composition included
    assert reply.answer_path == FALLBACK_PATH
    assert reply.answer == fixture_assistant.reply(QUESTIONS[0]).answer


def test_a_red_flag_never_reaches_the_model(fixture_assistant, llama):
    before = llama.completions_served()
    reply = with_llm(fixture_assistant, llama).reply(
        "what is knee-spine syndrome? also I can't feel anything when I wipe"
    )
    assert (reply.kind, reply.answer_path) == (ReplyKind.URGENT_CARE, "fixed")
    assert llama.completions_served() == before


@pytest.fixture(scope="module")
def live_llm_server(
    tmp_path_factory: pytest.TempPathFactory, llama: LlamaServer
) -> Iterator[LiveServer]:
    server = start_server(tmp_path_factory.mktemp("live-llm"), llama.llm_env())
    yield server
    stop_server(server)


def test_the_http_stream_carries_the_models_pieces_then_the_cited_reply(live_llm_server):
    with httpx.stream(
        "POST",
        f"{live_llm_server.url}/api/chat/stream",
        json={"message": QUESTIONS[0]},
        timeout=180,
    ) as response:
        assert response.status_code == 200
        events = [
            (event, json.loads(data)) for event, data in _sse_events("".join(response.iter_text()))
        ]
    names = [name for name, _ in events]
    assert names.count("delta") > 1
    assert names[-1] == "reply"
    assert "error" not in names
    reply = events[-1][1]
    assert reply["kind"] == "answer"
    assert reply["answer_path"] in (LLM_PATH, FALLBACK_PATH)
    assert reply["citations"]
    assert all(c["quote"] for c in reply["citations"])
    assert QUESTIONS[0].encode() not in live_llm_server.log_path.read_bytes()


def _sse_events(text: str) -> Iterator[tuple[str, str]]:
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        yield fields.get("event", "message"), fields.get("data", "")
