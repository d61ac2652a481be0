"""In-process latencies on the eval's answerable questions: our reply, the floor (query
embedding + FAISS search, nothing else), the vanilla LangChain pipeline; and a profile."""

from __future__ import annotations

import cProfile
import pstats
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.chain import Assistant
from assistant.evaluation.baseline import VanillaBaseline
from assistant.evaluation.dataset import ANSWERABLE, Case, load_cases
from assistant.models import Document
from bench.measure import summary, time_each

PROFILE_TOP = 12
ENTRY_SHARE = 0.97  # functions with more of the time than this are entry points


def answerable_cases(dataset: Path) -> list[Case]:
    return [case for case in load_cases(dataset) if case.category in ANSWERABLE]


def reply_latency(assistant: Assistant, cases: Sequence[Case], repeats: int) -> dict[str, Any]:
    """Warm replies, sequential: every case once to warm up, then `repeats` timed passes."""
    time_each(cases, lambda case: assistant.reply(case.message, case.history))
    samples = []
    for _ in range(repeats):
        samples += time_each(cases, lambda case: assistant.reply(case.message, case.history))
    return summary(samples)


def floor_latency(assistant: Assistant, cases: Sequence[Case], repeats: int) -> dict[str, Any]:
    """The unavoidable work per question: embed it, search FAISS for the candidates."""
    embedder, index = assistant.search_engine.embedder, assistant.index
    k = assistant.settings.candidate_k

    def floor(case: Case) -> None:
        index.search_dense(embedder.embed_batch([case.message])[0], k)

    time_each(cases, floor)
    return summary([ms for _ in range(repeats) for ms in time_each(cases, floor)])


def vanilla_latency(
    documents: Sequence[Document], model_path: Path, cases: Sequence[Case], repeats: int
) -> dict[str, Any]:
    """RecursiveCharacterTextSplitter 1000/200 + FAISS + the same MiniLM through LangChain."""
    started = time.perf_counter()
    baseline = VanillaBaseline(documents, model_path)
    build_seconds = time.perf_counter() - started

    def search(case: Case) -> None:
        baseline.search(case.message, k=5)

    time_each(cases, search)
    samples = [ms for _ in range(repeats) for ms in time_each(cases, search)]
    return {
        "latency": summary(samples),
        "build_seconds": round(build_seconds, 2),
        "chunks": baseline.chunks,
    }


def profile_replies(assistant: Assistant, cases: Sequence[Case]) -> list[dict[str, Any]]:
    """Where a reply's time goes: our functions by cumulative time per reply (cProfile),
    as a share of the profiled wall time; the entry points (all of it) are left out."""
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.runcall(lambda: [assistant.reply(case.message, case.history) for case in cases])
    total = time.perf_counter() - started
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = [
        {
            "function": f"{Path(file).stem}.{name}",
            "ms_per_reply": round(cumulative / len(cases) * 1000, 2),
            "share": round(cumulative / total, 3),
        }
        for (file, _, name), (_, _, _, cumulative, _) in stats.items()
        if "/assistant/" in file and not name.startswith("<") and cumulative < ENTRY_SHARE * total
    ]
    return sorted(rows, key=lambda row: row["ms_per_reply"], reverse=True)[:PROFILE_TOP]
