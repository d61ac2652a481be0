"""The assistant: the only code that knows the order of the steps.

(message, history) -> red-flag triage (whole conversation; nothing can skip it) -> unsafe-
request policy -> contextualize -> hybrid search -> scope gate -> compose -> verify -> Reply;
with an LLM configured, the verified generated answer replaces the extractive one (llm.py).
The model and the index are built once here and shared by every request.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Generator, Iterator, Mapping, Sequence
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda

from assistant import lay_terms, replies
from assistant.compose import Composition, compose
from assistant.config import Settings
from assistant.conversation import contextualize
from assistant.embeddings import Embedder, embedding_id, load_embedder
from assistant.index import CorpusIndex
from assistant.index_build import BuildReport, ensure_index
from assistant.llm import LLMWriter, gather_evidence
from assistant.manifest import BuildConfig
from assistant.models import Reply, ReplyKind, Turn
from assistant.policy import classify_request
from assistant.redflags import SELF_HARM
from assistant.retrieval import DenseSearch, HybridSearch, PassageRetriever, SearchResult
from assistant.scope import judge_scope
from assistant.spelling import SpellingCorrector
from assistant.triage import triage
from assistant.verify import check

log = logging.getLogger(__name__)
WARM_UP_QUESTION = "Is walking good for knee pain?"


def build_config(settings: Settings) -> BuildConfig:
    model = embedding_id(settings.embedding_model, settings.embedding_backend)
    return BuildConfig(model, settings.max_tokens, settings.dense_index)


def build_embedder(settings: Settings) -> Embedder:
    """The configured embedding model (loaded lazily; one per process)."""
    return load_embedder(
        settings.embedding_model,
        backend=settings.embedding_backend,
        batch_size=settings.embedding_batch_size,
    )


def open_index(settings: Settings, embedder: Embedder) -> tuple[CorpusIndex, BuildReport | None]:
    """The live index for these settings, rebuilt first if the corpus or config changed."""
    return ensure_index(settings.corpus_dir, settings.index_dir, embedder, build_config(settings))


def open_dense_search(settings: Settings, index: CorpusIndex, embedder: Embedder) -> DenseSearch:
    """The configured dense store: the index's own FAISS, or a Qdrant collection synced
    from it (see qdrant_store.py)."""
    if settings.vector_store != "qdrant":
        return index
    from assistant.qdrant_store import QdrantDense, open_client

    client = open_client(settings.qdrant_url, settings.qdrant_path)
    return QdrantDense.open(client, index, embedder, prefix=settings.qdrant_collection)


class Assistant:
    """Answers one message in the context of its conversation."""

    def __init__(self, settings: Settings, index: CorpusIndex, embedder: Embedder) -> None:
        self.settings = settings
        self.index = index
        self.search_engine = HybridSearch(
            index,
            embedder,
            mode=settings.retrieval_mode,
            candidate_k=settings.candidate_k,
            dense=open_dense_search(settings, index, embedder),
        )
        self.spelling = SpellingCorrector.from_texts(
            (p.text for p in index.passages), embedder.dictionary_words()
        )
        self.version = f"{index.version}+{settings.signature()}"
        self.writer = LLMWriter.from_settings(settings, embedder)

    @classmethod
    def from_settings(cls, settings: Settings) -> Assistant:
        embedder = build_embedder(settings)
        index, _ = open_index(settings, embedder)
        return cls(settings, index, embedder)

    def warm_up(self) -> None:
        """Run one search now, so that the first patient does not wait while the query model
        loads (a server calls this in each worker before it accepts requests)."""
        self.search(WARM_UP_QUESTION)

    def search_query(self, message: str, history: Sequence[Turn]) -> str:
        """What is searched for: the follow-up resolved, misspellings corrected, lay words
        joined by the corpus's terms."""
        query = contextualize(message, history, context_turns=self.settings.context_turns)
        return lay_terms.expand(self.spelling.correct(query))

    def search(self, message: str, history: Sequence[Turn] = ()) -> SearchResult:
        return self.search_engine.search(
            self.search_query(message, history), top=self.settings.retrieval_k
        )

    def reply(self, message: str, history: Sequence[Turn] = ()) -> Reply:
        """The reply to `message`: triage first, then policy, scope and a cited answer."""
        *_, reply = self.stream(message, history)
        return reply

    def stream(self, message: str, history: Sequence[Turn] = ()) -> Iterator[str | Reply]:
        """Pieces of answer text as they become ready, then the final Reply.

        The final Reply is what counts: a client shows the pieces while they arrive and then
        replaces them with the Reply's answer and citations. With an LLM the pieces are its raw
        text (its [n] are prompt numbers; sentences failing verification are not in the Reply);
        otherwise there is one piece, the answer.
        """
        started = time.perf_counter()
        steps = self._reply(message, history)
        streamed = False
        while True:
            try:
                piece = next(steps)
            except StopIteration as done:
                reply: Reply = done.value
                break
            streamed = True
            yield piece
        if not streamed:
            yield reply.answer
        yield dataclasses.replace(
            reply,
            disclaimer=replies.disclaimer(self.settings.clinic_name, self.settings.crisis_text),
            latency_ms=(time.perf_counter() - started) * 1000,
            index_version=self.version,
        )

    def _reply(self, message: str, history: Sequence[Turn]) -> Generator[str, None, Reply]:
        settings = self.settings
        user_turns = [turn.content for turn in history if turn.role == "user"]
        flags = triage([*user_turns, message])
        if flags:
            text = replies.urgent_care(
                [flag.sign for flag in flags],
                settings.emergency_text,
                settings.urgent_line,
                settings.crisis_text,
                self_harm=any(f.category == SELF_HARM for f in flags),
            )
            categories = tuple(dict.fromkeys(flag.category for flag in flags))
            return Reply(ReplyKind.URGENT_CARE, text, red_flags=categories, answer_path="fixed")
        query = self.search_query(message, history)
        unsafe = classify_request(
            contextualize(message, history, context_turns=1), earlier=" ".join(user_turns[-1:])
        )
        result = self.search_engine.search(query, top=settings.retrieval_k)
        scope = judge_scope(query, result.best_similarity, threshold=settings.scope_threshold)
        composition = self._compose(query, result) if scope.in_scope else None
        if unsafe is not None:
            general = composition.answer if composition else ""
            citations = composition.citations if composition else ()
            text = replies.refusal(unsafe.value, settings.clinic_name, general)
            return Reply(ReplyKind.UNSAFE_REQUEST, text, citations, answer_path="fixed")
        if not scope.in_scope:
            return Reply(
                ReplyKind.OUT_OF_SCOPE,
                replies.out_of_scope(settings.clinic_name),
                answer_path="fixed",
            )
        if composition is None:
            return Reply(
                ReplyKind.OUT_OF_SCOPE, replies.not_found(settings.clinic_name), answer_path="fixed"
            )
        return (yield from self._answer(message, history, result, composition))

    def _answer(
        self,
        message: str,
        history: Sequence[Turn],
        result: SearchResult,
        composition: Composition,
    ) -> Generator[str, None, Reply]:
        """The extractive answer, or with an LLM configured, its verified answer (streamed)
        with the extractive one as the fallback; triage, policy and scope ran before."""
        if self.writer is None:
            return Reply(ReplyKind.ANSWER, composition.answer, composition.citations)
        question = contextualize(message, history, context_turns=self.settings.context_turns)
        evidence = gather_evidence(self.index, result.hits, result.query_vector, composition)
        answer, path = yield from self.writer.write(question, evidence, composition)
        return Reply(ReplyKind.ANSWER, answer.answer, answer.citations, answer_path=path)

    def _compose(self, query: str, result: SearchResult) -> Composition | None:
        """The extractive answer, or None when nothing relevant is found or it fails
        verification (an answer that is not grounded is never served)."""
        composition = compose(
            query,
            result.query_vector,
            result.hits,
            self.index,
            max_sentences=self.settings.max_answer_sentences,
            min_score=self.settings.min_sentence_score,
        )
        if composition is None:
            return None
        problems = check(composition.answer, composition.citations, self.index.passage_by_id)
        if problems:
            log.warning("answer failed verification: %s", sorted({p.kind for p in problems}))
            return None
        return composition


def parse_history(raw: Any) -> list[Turn]:
    """Turns from a list of {"role", "content"} mappings (already validated by the caller)."""
    return [Turn(str(item["role"]), str(item["content"])) for item in raw or ()]


def build_chain(settings: Settings) -> Runnable:
    """A LangChain Runnable: `.invoke({"message": str, "history": [...]})` returns a Reply."""
    assistant = Assistant.from_settings(settings)

    def invoke(inputs: Mapping[str, Any]) -> Reply:
        return assistant.reply(str(inputs["message"]), parse_history(inputs.get("history")))

    return RunnableLambda(invoke, name="knee_back_assistant")


def retriever(settings: Settings) -> PassageRetriever:
    """The hybrid retriever as a LangChain BaseRetriever, for reuse in other chains."""
    assistant = Assistant.from_settings(settings)
    return PassageRetriever(search=assistant.search_engine, k=settings.retrieval_k)
