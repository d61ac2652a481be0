"""Warm, sequential latencies on the eval's answerable questions, every path measured
interleaved (our reply, the floor, the vanilla LangChain pipeline, HTTP), and a profile."""

from __future__ import annotations

import cProfile
import pstats
import random
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from assistant.chain import Assistant
from assistant.conversation import contextualize
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


def floor_action(assistant: Assistant, *, in_context: bool = True) -> Action:
    """The unavoidable work per question: embed it, search FAISS for the candidates. In
    context, a follow-up ("and for the knee?") is embedded with the earlier turns it refers
    to, as any search that answers it must; otherwise the message alone, as vanilla does."""
    embedder, index = assistant.search_engine.embedder, assistant.index
    k = assistant.settings.candidate_k
    turns = assistant.settings.context_turns if in_context else 0

    def floor(case: Case) -> object:
        question = contextualize(case.message, case.history, context_turns=turns)
        return index.search_dense(embedder.embed_batch([question])[0], k)

    return floor


def embedding_action(assistant: Assistant) -> Action:
    """The query embedding alone."""
    embedder = assistant.search_engine.embedder
    return lambda case: embedder.embed_batch([case.message])


def vanilla_action(baseline: VanillaBaseline) -> Action:
    """RecursiveCharacterTextSplitter 1000/200 + FAISS + the same MiniLM through LangChain."""
    return lambda case: baseline.search(case.message, k=5)


def interleaved(
    actions: Mapping[str, Action], cases: Sequence[Case], repeats: int, *, seed: int = 0
) -> dict[str, dict[str, float]]:
    """Latency summaries of every action on the same questions, measured interleaved.

    After one warm-up pass of each action, every question goes through all the actions back
    to back, in a shuffled order (seeded). The machine speeding up or slowing down during
    the run (other work on it) then touches every action alike, and their ratios hold even
    when the absolute times drift. The order is shuffled, not rotated: in a fixed cycle an
    action always follows the same one, and what that one leaves behind (the vanilla
    pipeline's torch threads, the server process finishing a response) was charged to it,
    by up to a third of a floor."""
    names = list(actions)
    for name in names:
        time_each(cases, actions[name])
    samples: dict[str, list[float]] = {name: [] for name in names}
    order = random.Random(seed)
    for _ in range(repeats):
        for case in cases:
            for name in order.sample(names, len(names)):
                started = time.perf_counter()
                actions[name](case)
                samples[name].append((time.perf_counter() - started) * 1000)
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
