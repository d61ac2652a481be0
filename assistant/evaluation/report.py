"""Eval reports: report.json (machines), junit.xml (CI), report.md (clinicians)."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from assistant.evaluation.runner import CaseResult
from assistant.evaluation.scoring import ScopePoint, ThresholdCheck
from assistant.support import Calibration


@dataclass(frozen=True, slots=True)
class EvalReport:
    """One evaluation run, ready to be written."""

    dataset: str
    index_version: str
    generated_at: str
    configured_scope_threshold: float
    metrics: dict[str, float | None]
    checks: list[ThresholdCheck]
    results: list[CaseResult]
    scope_points: list[ScopePoint]
    recommended_scope_threshold: float | None
    support: Calibration
    min_support: float
    seconds: float

    @property
    def passed(self) -> bool:
        return all(check.holds for check in self.checks)


def write_reports(report: EvalReport, folder: Path) -> dict[str, Any]:
    """Write the three files (reading any previous report.json first, for the diff)."""
    folder.mkdir(parents=True, exist_ok=True)
    previous = _read_previous(folder / "report.json")
    data = to_json(report)
    (folder / "report.json").write_text(json.dumps(data, indent=1, ensure_ascii=False), "utf-8")
    (folder / "junit.xml").write_bytes(to_junit(report))
    (folder / "report.md").write_text(to_markdown(report, data, previous), "utf-8")
    return data


def _read_previous(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None


def to_json(report: EvalReport) -> dict[str, Any]:
    return {
        "passed": report.passed,
        "dataset": report.dataset,
        "cases": len(report.results),
        "index_version": report.index_version,
        "generated_at": report.generated_at,
        "seconds": round(report.seconds, 1),
        "metrics": report.metrics,
        "thresholds": [{**asdict(c), "holds": c.holds} for c in report.checks],
        "scope": {
            "configured_threshold": report.configured_scope_threshold,
            "recommended_threshold": report.recommended_scope_threshold,
            "tradeoff": [asdict(point) for point in report.scope_points],
        },
        "sentence_support": {"min_support": report.min_support, **asdict(report.support)},
        "results": [_result_json(result) for result in report.results],
    }


def _result_json(result: CaseResult) -> dict[str, Any]:
    reply = result.reply
    return {
        "id": result.case.case_id,
        "category": result.case.category,
        "message": result.case.message,
        "expected_kind": result.case.expected_kind.value,
        "kind": reply.kind.value,
        "answer_path": reply.answer_path,
        "passed": result.passed,
        "reasons": result.reasons,
        "rank": result.rank,
        "baseline_rank": result.baseline_rank,
        "similarity": round(result.similarity, 4),
        "latency_ms": round(reply.latency_ms, 1),
        "answer": reply.answer,
        "answer_sha256": hashlib.sha256(reply.answer.encode()).hexdigest()[:12],
        "citations": [
            {"n": c.n, "source_id": c.source_id, "section": c.section, "quote": c.quote}
            for c in reply.citations
        ],
        "unsupported_sentences": result.unsupported,
    }


def to_junit(report: EvalReport) -> bytes:
    """One testcase per eval case (suite "eval-cases"), one per threshold ("eval-thresholds")."""
    root = ElementTree.Element("testsuites")
    cases = ElementTree.SubElement(
        root,
        "testsuite",
        name="eval-cases",
        tests=str(len(report.results)),
        failures=str(sum(not r.passed for r in report.results)),
    )
    for result in report.results:
        case = ElementTree.SubElement(
            cases,
            "testcase",
            classname=f"eval.{result.case.category}",
            name=result.case.case_id,
            time=f"{result.reply.latency_ms / 1000:.3f}",
        )
        if not result.passed:
            failure = ElementTree.SubElement(case, "failure", message="; ".join(result.reasons))
            failure.text = f"message: {result.case.message}\nanswer: {result.reply.answer}"
    thresholds = ElementTree.SubElement(
        root,
        "testsuite",
        name="eval-thresholds",
        tests=str(len(report.checks)),
        failures=str(sum(not c.holds for c in report.checks)),
    )
    for check in report.checks:
        case = ElementTree.SubElement(
            thresholds, "testcase", classname="eval.thresholds", name=check.metric
        )
        if not check.holds:
            ElementTree.SubElement(
                case,
                "failure",
                message=f"{check.metric} = {_fmt(check.value)}, {check.bound} {check.limit}",
            )
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def to_markdown(report: EvalReport, data: dict[str, Any], previous: dict[str, Any] | None) -> str:
    sections = [
        _summary(report),
        _threshold_table(report.checks),
        _baseline_table(report.metrics),
        _category_table(report.metrics),
        _scope_table(report),
        _support_section(report),
        _answer_paths(report.metrics),
        _changes(data, previous),
        _failures(report.results),
    ]
    return "\n\n".join(section for section in sections if section) + "\n"


def _summary(report: EvalReport) -> str:
    verdict = "PASSED" if report.passed else "FAILED"
    failing = sum(not r.passed for r in report.results)
    return (
        f"# Grounding evaluation: {verdict}\n\n"
        f"{len(report.results)} cases from `{report.dataset}` in {report.seconds:.0f} s; "
        f"{failing} case(s) failing. Index `{report.index_version}`, generated "
        f"{report.generated_at}. Thresholds: `evals/thresholds.toml`."
    )


def _threshold_table(checks: Sequence[ThresholdCheck]) -> str:
    rows = [
        f"| {c.metric} | {_fmt(c.value)} | {c.bound} {c.limit:g} | "
        f"{'ok' if c.holds else '**FAIL**'} |"
        for c in checks
    ]
    return "\n".join(
        ["## Summary", "", "| metric | value | threshold | |", "|---|---|---|---|", *rows]
    )


def _baseline_table(metrics: dict[str, float | None]) -> str:
    if "baseline.hit_at_5" not in metrics:
        return "Vanilla LangChain baseline not run (`assistant eval --baseline` adds it)."
    keys = ("hit_at_1", "hit_at_3", "hit_at_5", "hit_at_10", "mrr", "ndcg_at_10")
    rows = [
        f"| {key} | {_fmt(metrics.get(f'retrieval.{key}'))} | "
        f"{_fmt(metrics.get(f'baseline.{key}'))} |"
        for key in keys
    ]
    return "\n".join(
        [
            "## Retrieval: this assistant vs a vanilla LangChain pipeline",
            "",
            "Baseline: RecursiveCharacterTextSplitter 1000/200 + FAISS + the same MiniLM, raw "
            "message as query, same gold quotes.",
            "",
            "| metric | ours | baseline |",
            "|---|---|---|",
            *rows,
        ]
    )


def _category_table(metrics: dict[str, float | None]) -> str:
    categories = sorted({key.split(".")[1] for key in metrics if key.startswith("category.")})
    rows = []
    for name in categories:

        def value(metric: str, name: str = name) -> str:
            return _fmt(metrics.get(f"category.{name}.{metric}"))

        rows.append(
            f"| {name} | {value('n')} | {value('kind_accuracy')} | {value('pass_rate')} "
            f"| {value('hit_at_5')} | {value('mrr')} | {value('ndcg_at_10')} |"
        )
    return "\n".join(
        [
            "## Per category",
            "",
            "| category | n | kind accuracy | pass rate | hit@5 | MRR | nDCG@10 |",
            "|---|---|---|---|---|---|---|",
            *rows,
        ]
    )


def _scope_table(report: EvalReport) -> str:
    def label(point: ScopePoint) -> str:
        configured = abs(point.threshold - report.configured_scope_threshold) < 1e-9
        return f"{point.threshold:.3f}{' (configured)' if configured else ''}"

    rows = [
        f"| {label(p)} | {_fmt(p.out_of_scope_recall)} | {_fmt(p.false_refusal_rate)} |"
        for p in report.scope_points
    ]
    return "\n".join(
        [
            "## Scope gate: refusing out-of-scope questions vs refusing answerable ones",
            "",
            f"Configured threshold {report.configured_scope_threshold}; recommended "
            f"{_fmt(report.recommended_scope_threshold)} (most out-of-scope caught with at most 5% "
            "false refusals). Topic words decide first; the threshold is on the best passage "
            "similarity.",
            "",
            "| threshold | out-of-scope refused | answerable refused |",
            "|---|---|---|",
            *rows,
        ]
    )


def _support_section(report: EvalReport) -> str:
    calibration = report.support
    return (
        "## Sentence support\n\n"
        f"A sentence counts as supported when its score against the quote it cites is at least "
        f"{report.min_support}. Calibration on {calibration.pairs} pairs: best threshold "
        f"{calibration.threshold}, keeping {_fmt(calibration.supported_pass_rate)} of supported "
        f"pairs and {_fmt(calibration.unsupported_pass_rate)} of unsupported ones."
    )


def _answer_paths(metrics: dict[str, float | None]) -> str:
    """Shares of answers the LLM wrote and that fell back (nothing when no LLM was used)."""
    llm, fallback = metrics.get("answers.llm_share"), metrics.get("answers.llm_fallback_share")
    if not llm and not fallback:
        return ""
    return (
        "## Generated answers\n\n"
        f"Written by the LLM and verified: {_fmt(llm)} of answers; extractive fallback "
        f"(endpoint failed or too few supported sentences): {_fmt(fallback)}."
    )


def _changes(data: dict[str, Any], previous: dict[str, Any] | None) -> str:
    if previous is None:
        return "## Changes since the previous report\n\nNo previous report in this folder."
    lines = [
        "## Changes since the previous report",
        "",
        f"Previous: {previous.get('generated_at')} (index {previous.get('index_version')}).",
        "",
    ]
    old_metrics = previous.get("metrics", {})
    deltas = [
        (k, old_metrics.get(k), v)
        for k, v in data["metrics"].items()
        if not k.startswith("category.")
        and old_metrics.get(k) != v
        and isinstance(v, float)
        and isinstance(old_metrics.get(k), float)
    ]
    lines += [f"- {k}: {_fmt(old)} → {_fmt(new)}" for k, old, new in deltas] or [
        "- metrics unchanged"
    ]
    old_results = {r["id"]: r for r in previous.get("results", [])}
    for result in data["results"]:
        old = old_results.get(result["id"])
        if old is None:
            lines.append(f"- new case {result['id']}")
        elif old["passed"] != result["passed"]:
            lines.append(f"- {result['id']}: {'now passes' if result['passed'] else 'now FAILS'}")
        elif old.get("answer_sha256") != result["answer_sha256"]:
            lines.append(f"- {result['id']}: answer changed")
    return "\n".join(lines)


def _failures(results: Sequence[CaseResult]) -> str:
    failing = [r for r in results if not r.passed]
    if not failing:
        return "## Failing cases\n\nNone."
    blocks = ["## Failing cases"]
    for result in failing:
        citations = "\n".join(
            f"  - [{c.n}] {c.source_id} — {c.section}: “{c.quote[:200]}”"
            for c in result.reply.citations
        )
        blocks.append(
            f"### {result.case.case_id} ({result.case.category})\n\n"
            f"- message: {result.case.message[:300]}\n"
            f"- expected **{result.case.expected_kind.value}**, got **{result.reply.kind.value}**\n"
            f"- why: {'; '.join(result.reasons)}\n"
            f"- answer: {result.reply.answer[:600]}\n"
            + (f"- citations:\n{citations}\n" if citations else "")
        )
    return "\n\n".join(blocks)


def _fmt(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.0f}" if float(value).is_integer() and value > 1 else f"{value:.3f}"
