"""The embedding backends side by side on the same eval: hit@5 (through `assistant eval`'s
own code), reply and query-embedding latency, cold start and memory."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.chain import Assistant
from assistant.config import Settings
from assistant.evaluation.dataset import Case
from assistant.evaluation.run import run_evaluation
from bench.inprocess import reply_latency
from bench.measure import own_peak_rss_mb, summary, time_each
from bench.startup import cold_start


def evaluate(settings: Settings, report_dir: Path, *, with_baseline: bool) -> dict[str, Any]:
    """hit@5 of ours (and of the vanilla baseline) as `assistant eval` reports them."""
    report = run_evaluation(settings, report_dir=report_dir, with_baseline=with_baseline)
    keys = ["retrieval.hit_at_5", "retrieval.mrr"]
    if with_baseline:
        keys += ["baseline.hit_at_5", "baseline.mrr"]
    return {key: report.metrics[key] for key in keys} | {"eval_passed": report.passed}


def compare_backend(
    settings: Settings, cases: Sequence[Case], report_dir: Path, repeats: int
) -> dict[str, Any]:
    """One backend: its own index (built here, timed), eval, latencies, cold start."""
    started = time.perf_counter()
    assistant = Assistant.from_settings(settings)
    open_seconds = time.perf_counter() - started
    embedder = assistant.search_engine.embedder
    texts = [case.message for case in cases]
    return {
        "index_open_or_build_seconds": round(open_seconds, 2),
        "eval": evaluate(settings, report_dir, with_baseline=False),
        "reply": reply_latency(assistant, cases, repeats),
        "query_embedding": summary(time_each(texts, lambda text: embedder.embed_batch([text]))),
        "cold_start_with_index": cold_start(_environment(settings)),
        "bench_process_peak_rss_mb": own_peak_rss_mb(),
    }


def _environment(settings: Settings) -> dict[str, str]:
    return {
        "ASSISTANT_INDEX_DIR": str(settings.index_dir),
        "ASSISTANT_EMBEDDING_BACKEND": settings.embedding_backend,
    }
