"""The eval reports which answers the LLM wrote and which fell back to extractive."""

import pytest

from assistant.evaluation.dataset import Case
from assistant.evaluation.report import _answer_paths
from assistant.evaluation.runner import CaseResult
from assistant.evaluation.scoring import summarize
from assistant.models import Reply, ReplyKind


def result(answer_path: str, kind: ReplyKind = ReplyKind.ANSWER) -> CaseResult:
    case = Case("case", "factual", "question", ReplyKind.ANSWER)
    return CaseResult(case, Reply(kind, "answer", answer_path=answer_path))


def test_eval_reports_the_share_of_llm_and_fallback_answers():
    results = [
        result("llm"),
        result("llm"),
        result("extractive-fallback"),
        result("fixed", ReplyKind.OUT_OF_SCOPE),  # not an answer: not counted
    ]
    metrics = summarize(results)
    assert metrics["answers.llm_share"] == pytest.approx(2 / 3)
    assert metrics["answers.llm_fallback_share"] == pytest.approx(1 / 3)
    assert "0.667 of answers" in _answer_paths(metrics)


def test_markdown_has_no_generated_answers_section_without_an_llm():
    metrics = summarize([result("extractive"), result("extractive")])
    assert (metrics["answers.llm_share"], metrics["answers.llm_fallback_share"]) == (0.0, 0.0)
    assert _answer_paths(metrics) == ""
