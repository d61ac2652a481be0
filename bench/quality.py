"""Retrieval quality for the bench, through `assistant eval`'s own code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.evaluation.run import run_evaluation


def evaluate(settings: Settings, report_dir: Path, *, with_baseline: bool) -> dict[str, Any]:
    """hit@5 of ours (and of the vanilla baseline) as `assistant eval` reports them."""
    report = run_evaluation(settings, report_dir=report_dir, with_baseline=with_baseline)
    keys = ["retrieval.hit_at_5", "retrieval.mrr"]
    if with_baseline:
        keys += ["baseline.hit_at_5", "baseline.mrr"]
    return {key: report.metrics[key] for key in keys} | {"eval_passed": report.passed}
