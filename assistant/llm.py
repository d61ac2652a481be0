"""Optional generated answers, off unless `llm_base_url` is set.

An OpenAI-compatible chat endpoint (llama.cpp, Ollama, vLLM) is called through LangChain's
`ChatOpenAI` with the retrieved passages; its pieces are passed on as they arrive, then its
sentences go through `llm_verify`. Whatever goes wrong (endpoint down, slow, erroring or
writing unsupported text), the caller gets the extractive answer instead, never an error.
Logs name the reason, never the user's text.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass

import numpy as np
from langchain_core.language_models import BaseChatModel

from assistant.compose import Composition
from assistant.config import Settings
from assistant.embeddings import Embedder
from assistant.errors import ConfigError
from assistant.index import CorpusIndex
from assistant.llm_parse import Generated, parse
from assistant.llm_prompt import build_messages
from assistant.llm_verify import Evidence, verify_answer
from assistant.models import Hit
from assistant.support import SupportScorer
from assistant.verify import SupportScore

log = logging.getLogger(__name__)

LLM_PATH = "llm"
FALLBACK_PATH = "extractive-fallback"
LOCAL_API_KEY = "not-needed"  # local servers ignore it; the OpenAI client requires one
Written = Generator[str, None, tuple[Composition, str]]  # pieces, then (answer, answer_path)


@dataclass(frozen=True, slots=True)
class Rules:
    """What the writer is held to."""

    clinic_name: str
    timeout_s: float
    min_support: float
    min_kept_share: float


def chat_model(base_url: str, model: str, *, timeout_s: float, max_tokens: int) -> BaseChatModel:
    """LangChain's ChatOpenAI for an OpenAI-compatible endpoint: no retries, deterministic.

    ChatOpenAI sends the limit as `max_completion_tokens`; llama.cpp and Ollama read
    `max_tokens`, so it is sent under both names."""
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as exc:
        raise ConfigError(
            "llm_base_url is set but langchain-openai is not installed: "
            "pip install -e '.[llm]' (see docs/llm.md)"
        ) from exc
    return ChatOpenAI(
        model=model,
        base_url=base_url,
        api_key=LOCAL_API_KEY,
        timeout=timeout_s,
        max_retries=0,
        max_tokens=max_tokens,
        extra_body={"max_tokens": max_tokens},
        temperature=0.0,
    )


class LLMWriter:
    """Writes an answer from retrieved passages; only verified sentences are served."""

    def __init__(self, model: BaseChatModel, embedder: Embedder, rules: Rules) -> None:
        self.model = model
        self.embedder = embedder
        self.rules = rules

    @classmethod
    def from_settings(cls, settings: Settings, embedder: Embedder) -> LLMWriter | None:
        """The configured writer, or None when no endpoint is configured (the default)."""
        if not settings.llm_base_url:
            return None
        model = chat_model(
            settings.llm_base_url,
            settings.llm_model,
            timeout_s=settings.llm_timeout_s,
            max_tokens=settings.llm_max_tokens,
        )
        rules = Rules(
            settings.clinic_name,
            settings.llm_timeout_s,
            settings.llm_min_support,
            settings.llm_min_kept_share,
        )
        return cls(model, embedder, rules)

    def write(self, question: str, evidence: Evidence, fallback: Composition) -> Written:
        """Yield the model's pieces as they arrive, then return the verified answer and
        "llm", or `fallback` and "extractive-fallback"."""
        started = time.monotonic()
        messages = build_messages(question, evidence.passages, clinic_name=self.rules.clinic_name)
        output: list[str] = []
        try:
            for piece in stream_within(lambda: self._pieces(messages), self.rules.timeout_s):
                output.append(piece)
                yield piece
        except Exception as exc:  # endpoint down, slow, HTTP error, unreadable response
            return _fall_back(fallback, f"endpoint:{type(exc).__name__}", started)
        written = parse("".join(output))
        verdict = verify_answer(
            written,
            evidence,
            self._support_for(written, evidence),
            min_support=self.rules.min_support,
            min_kept_share=self.rules.min_kept_share,
        )
        if verdict.composition is None:
            reason = f"{verdict.reason} ({verdict.kept} of {verdict.written} sentences kept)"
            return _fall_back(fallback, reason, started)
        log.info(
            "llm answer: %d of %d sentences kept in %.1f s",
            verdict.kept,
            verdict.written,
            time.monotonic() - started,
        )
        return verdict.composition, LLM_PATH

    def _support_for(self, written: Sequence[Generated], evidence: Evidence) -> SupportScore:
        """A support measure for this answer (its cache lives as long as the answer), warmed
        in one batch with the cited sentences and the sentences of the passages they cite."""
        scorer = SupportScorer(self.embedder)
        shown = range(1, len(evidence.passages) + 1)
        cited = sorted({n for g in written for n in g.markers if n in shown})
        scorer.warm(
            [g.text for g in written if g.markers],
            [text for n in cited for text in evidence.passages[n - 1].sentence_texts()],
        )
        return scorer.score

    def _pieces(self, messages: list[tuple[str, str]]) -> Generator[str, None, None]:
        for chunk in self.model.stream(messages):
            if chunk.text:
                yield chunk.text


def gather_evidence(
    index: CorpusIndex, hits: Sequence[Hit], query_vector: np.ndarray, fallback: Composition
) -> Evidence:
    """The passages shown to the model: those the extractive answer cites (qualifying notes
    included), then the other retrieved ones."""
    ids = dict.fromkeys([c.passage_id for c in fallback.citations] + [h.passage_id for h in hits])
    scores = {i: round(float(index.passage_vector(i) @ query_vector), 4) for i in ids}
    return Evidence([index.passage_by_id[i] for i in ids], index.sources, scores)


def _fall_back(fallback: Composition, reason: str, started: float) -> tuple[Composition, str]:
    log.warning(
        "llm answer not used, extractive answer served: %s (%.1f s)",
        reason,
        time.monotonic() - started,
    )
    return fallback, FALLBACK_PATH


_DONE = object()


def stream_within(
    pieces: Callable[[], Generator[str, None, None]], timeout_s: float
) -> Iterator[str]:
    """The pieces, read on a worker thread so that a stalled endpoint cannot hold the caller
    past `timeout_s` in all; raises TimeoutError then, or whatever the reading raised."""
    box: queue.Queue[object] = queue.Queue()
    stop = threading.Event()
    worker = threading.Thread(target=_pump, args=(pieces, box, stop), name="llm-stream")
    worker.daemon = True
    worker.start()
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            try:
                item = box.get(timeout=max(deadline - time.monotonic(), 0.0))
            except queue.Empty:
                raise TimeoutError(f"no complete answer within {timeout_s} s") from None
            if item is _DONE:
                return
            if isinstance(item, Exception):
                raise item
            yield str(item)
    finally:
        stop.set()


def _pump(
    pieces: Callable[[], Generator[str, None, None]],
    box: queue.Queue[object],
    stop: threading.Event,
) -> None:
    """Worker: put each piece, then _DONE or the exception; stop early once told to."""
    try:
        with closing(pieces()) as stream:
            for piece in stream:
                if stop.is_set():
                    return
                box.put(piece)
        box.put(_DONE)
    except Exception as exc:  # handed over to the reading thread, which raises it
        box.put(exc)
