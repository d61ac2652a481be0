"""The assistant: the only code that knows the order of the steps.

(message, history) -> contextualize -> hybrid search -> scope gate -> compose -> Reply.
The model and the index are built once here and shared by every request.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda

from assistant import replies
from assistant.compose import compose
from assistant.config import Settings
from assistant.conversation import contextualize
from assistant.embeddings import Embedder, MiniLMEmbedder
from assistant.index import BuildReport, CorpusIndex, ensure_index
from assistant.manifest import BuildConfig
from assistant.models import Reply, ReplyKind, Turn
from assistant.retrieval import HybridSearch, PassageRetriever, SearchResult
from assistant.spelling import SpellingCorrector
from assistant.verify import check

log = logging.getLogger(__name__)


def build_config(settings: Settings) -> BuildConfig:
    return BuildConfig(settings.embedding_model, settings.max_tokens, settings.dense_index)


def open_index(settings: Settings, embedder: Embedder) -> tuple[CorpusIndex, BuildReport | None]:
    """The live index for these settings, rebuilt first if the corpus or config changed."""
    return ensure_index(settings.corpus_dir, settings.index_dir, embedder, build_config(settings))


class Assistant:
    """Answers one message in the context of its conversation."""

    def __init__(self, settings: Settings, index: CorpusIndex, embedder: Embedder) -> None:
        self.settings = settings
        self.index = index
        self.search_engine = HybridSearch(
            index, embedder, mode=settings.retrieval_mode, candidate_k=settings.candidate_k
        )
        self.spelling = SpellingCorrector.from_texts(
            (p.text for p in index.passages), embedder.dictionary_words()
        )
        self.version = f"{index.version}+{settings.signature()}"

    @classmethod
    def from_settings(cls, settings: Settings) -> Assistant:
        embedder = MiniLMEmbedder(
            settings.embedding_model, batch_size=settings.embedding_batch_size
        )
        index, _ = open_index(settings, embedder)
        return cls(settings, index, embedder)

    def search_query(self, message: str, history: Sequence[Turn]) -> str:
        """What is searched for: the follow-up resolved, misspellings corrected."""
        query = contextualize(message, history, context_turns=self.settings.context_turns)
        return self.spelling.correct(query)

    def search(self, message: str, history: Sequence[Turn] = ()) -> SearchResult:
        return self.search_engine.search(
            self.search_query(message, history), top=self.settings.retrieval_k
        )

    def reply(self, message: str, history: Sequence[Turn] = ()) -> Reply:
        started = time.perf_counter()
        kind, answer, citations = self._answer(message, history)
        return Reply(
            kind=kind,
            answer=answer,
            citations=citations,
            disclaimer=replies.disclaimer(self.settings.clinic_name),
            latency_ms=(time.perf_counter() - started) * 1000,
            index_version=self.version,
        )

    def _answer(self, message: str, history: Sequence[Turn]) -> tuple[ReplyKind, str, tuple]:
        clinic = self.settings.clinic_name
        query = self.search_query(message, history)
        result = self.search_engine.search(query, top=self.settings.retrieval_k)
        if result.best_similarity < self.settings.scope_threshold:
            return ReplyKind.OUT_OF_SCOPE, replies.out_of_scope(clinic), ()
        composition = compose(
            query,
            result.query_vector,
            result.hits,
            self.index,
            max_sentences=self.settings.max_answer_sentences,
            min_score=self.settings.min_sentence_score,
        )
        if composition is None:
            return ReplyKind.OUT_OF_SCOPE, replies.not_found(clinic), ()
        problems = check(composition.answer, composition.citations, self.index.passage_by_id)
        if problems:  # never serve an answer that is not grounded
            log.warning("answer failed verification: %s", sorted({p.kind for p in problems}))
            return ReplyKind.OUT_OF_SCOPE, replies.not_found(clinic), ()
        return ReplyKind.ANSWER, composition.answer, composition.citations


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
