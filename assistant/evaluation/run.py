"""`assistant eval`: load and validate the dataset, run it, score it, write the reports."""

from __future__ import annotations

import time
import tomllib
from datetime import UTC, datetime
from pathlib import Path

from assistant import replies
from assistant.chain import Assistant
from assistant.config import Settings
from assistant.corpus import load_corpus
from assistant.embeddings import resolve_model_path
from assistant.errors import InputError
from assistant.evaluation.baseline import VanillaBaseline
from assistant.evaluation.dataset import load_cases, validate
from assistant.evaluation.report import EvalReport, write_reports
from assistant.evaluation.runner import CaseResult, EvalRunner
from assistant.evaluation.scoring import (
    check_thresholds,
    recommend_threshold,
    scope_tradeoff,
    summarize,
)
from assistant.support import Calibration, SupportScorer, calibrate
from assistant.verify import claims

DEFAULT_DATASET = Path("evals/dev")
DEFAULT_THRESHOLDS = Path("evals/thresholds.toml")
DEFAULT_MIN_SUPPORT = 0.6
MAX_CALIBRATION_PAIRS = 200


def run_evaluation(
    settings: Settings,
    *,
    dataset: Path = DEFAULT_DATASET,
    report_dir: Path = Path("build/eval"),
    thresholds: Path = DEFAULT_THRESHOLDS,
    with_baseline: bool = False,
) -> EvalReport:
    """Run every case through the server's chain and write report.json/junit.xml/report.md."""
    started = time.perf_counter()
    cases = load_cases(dataset)
    documents = load_corpus(settings.corpus_dir)
    problems = validate(cases, documents)
    if problems:
        raise InputError(
            "invalid eval dataset:\n  " + "\n  ".join(problems), code="dataset_invalid"
        )
    assistant = Assistant.from_settings(settings)
    baseline = (
        VanillaBaseline(documents, resolve_model_path(settings.embedding_model))
        if with_baseline
        else None
    )
    scorer = SupportScorer(assistant.search_engine.embedder)
    min_support = _min_support(thresholds)
    results = EvalRunner(
        assistant, documents, scorer, min_support=min_support, baseline=baseline
    ).run(cases)
    metrics = summarize(results, with_baseline=baseline is not None)
    if baseline is not None:
        for key in ("hit_at_5", "mrr", "ndcg_at_10"):
            ours, theirs = metrics[f"retrieval.{key}"], metrics[f"baseline.{key}"]
            metrics[f"comparison.{key}_gain"] = (
                None if ours is None or theirs is None else ours - theirs
            )
    checks = [
        c
        for c in check_thresholds(metrics, thresholds)
        if baseline is not None or not c.metric.startswith(("comparison.", "baseline."))
    ]
    points = scope_tradeoff(results)
    report = EvalReport(
        dataset=str(dataset),
        index_version=assistant.version,
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        configured_scope_threshold=settings.scope_threshold,
        metrics=metrics,
        checks=checks,
        results=results,
        scope_points=points,
        recommended_scope_threshold=recommend_threshold(points),
        support=calibrate_support(results, scorer),
        min_support=min_support,
        seconds=time.perf_counter() - started,
    )
    write_reports(report, report_dir)
    return report


def _min_support(thresholds: Path) -> float:
    try:
        data = tomllib.loads(thresholds.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(
            f"thresholds file not found: {thresholds}", code="thresholds_missing"
        ) from exc
    return float(data.get("sentence_support", {}).get("min_support", DEFAULT_MIN_SUPPORT))


def calibrate_support(results: list[CaseResult], scorer: SupportScorer) -> Calibration:
    """Supported pairs: each cited sentence with its own quote, and with every fourth word
    dropped (a crude paraphrase). Unsupported: the sentence against a quote from another
    source cited elsewhere in the run."""
    pairs = [
        (claim_text, citation.quote, citation.source_id)
        for result in results
        for citation in result.reply.citations
        for claim_text in _claims_citing(result, citation.n)
    ]
    pairs = pairs[:: max(1, len(pairs) // MAX_CALIBRATION_PAIRS)]
    shortened = [" ".join(w for i, w in enumerate(t.split()) if i % 4 != 3) for t, _, _ in pairs]
    scorer.warm([t for t, _, _ in pairs] + shortened, [q for _, q, _ in pairs])
    supported, unsupported = [], []
    for position, (text, quote, source) in enumerate(pairs):
        supported.append(scorer.score(text, quote))
        supported.append(scorer.score(shortened[position], quote))
        other = next(
            (q for t, q, s in pairs[position + 1 :] + pairs[:position] if s != source), None
        )
        if other is not None:
            unsupported.append(scorer.score(text, other))
    if not supported:
        return Calibration(DEFAULT_MIN_SUPPORT, 0.0, 0.0, 0)
    return calibrate(supported, unsupported)


def _claims_citing(result: CaseResult, number: int) -> list[str]:
    grounded = replies.grounded_part(result.reply.answer)
    return [claim.text for claim in claims(grounded) if number in claim.markers]
