"""Warm, sequential latencies on the eval's answerable questions, every path measured
interleaved (our reply, the floor, the vanilla LangChain pipeline, HTTP), and a profile."""

from __future__ import annotations

import cProfile
import pstats
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from assistant.chain import Assistant
from assistant.evaluation.baseline import VanillaBaseline
from assistant.evaluation.dataset import ANSWERABLE, Case, load_cases
from bench.measure import summary, time_each

PROFILE_TOP = 12
ENTRY_SHARE = 0.97  # functions with more of the time than this are entry points

Action = Callable[[Case], object]


def answerable_cases(dataset: Path) -> list[Case]:
    return [case for case in load_cases(dataset) if case.category in ANSWERABLE]


def reply_action(assistant: Assistant) -> Action:
    """A whole reply: triage, policy, retrieval, scope gate, composition."""
    return lambda case: assistant.reply(case.message, case.history)


def floor_action(assistant: Assistant) -> Action:
    """The unavoidable work per question: embed it, search FAISS for the candidates."""
    embedder, index = assistant.search_engine.embedder, assistant.index
    k = assistant.settings.candidate_k
    return lambda case: index.search_dense(embedder.embed_batch([case.message])[0], k)


def embedding_action(assistant: Assistant) -> Action:
    """The query embedding alone."""
    embedder = assistant.search_engine.embedder
    return lambda case: embedder.embed_batch([case.message])


def vanilla_action(baseline: VanillaBaseline) -> Action:
    """RecursiveCharacterTextSplitter 1000/200 + FAISS + the same MiniLM through LangChain."""
    return lambda case: baseline.search(case.message, k=5)


def interleaved(
    actions: Mapping[str, Action], cases: Sequence[Case], repeats: int
) -> dict[str, dict[str, float]]:
    """Latency summaries of every action on the same questions, measured interleaved.

    After one warm-up pass of each action, every question goes through all the actions back
    to back, starting at a different action each time. The machine speeding up or slowing
    down during the run (other work on it) then touches every action alike, and their
    ratios hold even when the absolute times drift."""
    names = list(actions)
    for name in names:
        time_each(cases, actions[name])
    samples: dict[str, list[float]] = {name: [] for name in names}
    turn = 0
    for _ in range(repeats):
        for case in cases:
            for name in names[turn:] + names[:turn]:
                started = time.perf_counter()
                actions[name](case)
                samples[name].append((time.perf_counter() - started) * 1000)
            turn = (turn + 1) % len(names)
    return {name: summary(values) for name, values in samples.items()}


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
