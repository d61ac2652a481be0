import pytest

from assistant.evaluation.dataset import Case, Gold
from assistant.evaluation.metrics import (
    Span,
    first_hit_rank,
    hit_at,
    mentions,
    ndcg_at,
    percentile,
    rate,
    reading_grade,
    reciprocal_rank,
)
from assistant.evaluation.runner import CaseResult
from assistant.evaluation.scoring import summarize
from assistant.models import Reply, ReplyKind
from assistant.support import calibrate, lexical_support

GOLD = Span("note", 100, 200)


@pytest.mark.parametrize(
    ("span", "covers"),
    [
        pytest.param(Span("note", 90, 210), True, id="contains"),
        pytest.param(Span("note", 150, 300), True, id="half-overlap"),
        pytest.param(Span("note", 160, 300), False, id="under-half"),
        pytest.param(Span("other", 90, 210), False, id="other-source"),
    ],
)
def test_span_covers_gold_when_holding_half(span, covers):
    assert span.covers(GOLD) is covers


def test_ranks_and_rates():
    ranked = [Span("x", 0, 10), Span("note", 100, 200), Span("note", 100, 200)]
    rank = first_hit_rank(ranked, [GOLD])
    assert rank == 2
    assert (hit_at(rank, 1), hit_at(rank, 5)) == (0.0, 1.0)
    assert reciprocal_rank(rank) == 0.5
    assert reciprocal_rank(None) == 0.0


def test_ndcg_is_one_for_ideal_order_and_lower_otherwise():
    golds = [GOLD, Span("note", 300, 400)]
    ideal = [Span("note", 100, 200), Span("note", 300, 400)]
    assert ndcg_at(ideal, golds) == pytest.approx(1.0)
    assert ndcg_at([Span("x", 0, 1), *ideal], golds) < 1.0
    assert ndcg_at([Span("x", 0, 1)], golds) == 0.0


@pytest.mark.parametrize(
    ("text", "item", "expected"),
    [
        ("Routine imaging is not advised", "routine|routinely", True),
        ("Routinely done", "routine", True),
        ("no match", "scan|MRI", False),
    ],
)
def test_mentions_alternatives(text, item, expected):
    assert mentions(text, item) is expected


def test_rate_and_percentile_handle_empty_input():
    assert rate([]) is None
    assert percentile([], 0.5) is None
    assert percentile([1, 2, 3, 4], 0.5) == 2
    assert percentile([1, 2, 3, 4], 0.95) == 4


def test_reading_grade_orders_simple_below_complex():
    simple = reading_grade("Walk a bit each day. It helps your back.")
    complex_ = reading_grade(
        "Intra-articular corticosteroid administration demonstrated "
        "statistically heterogeneous effectiveness regarding osteoarthritic "
        "symptomatology."
    )
    assert simple < 6 < complex_


def test_lexical_support_and_calibration():
    assert lexical_support("exercise helps knee pain", "Exercise helps knee pain a lot.") == 1.0
    assert lexical_support("surgery cures everything", "Exercise helps knee pain.") == 0.0
    calibration = calibrate([0.9, 0.95, 1.0], [0.2, 0.3, 0.4])
    assert 0.4 < calibration.threshold <= 0.9
    assert (calibration.supported_pass_rate, calibration.unsupported_pass_rate) == (1.0, 0.0)


def test_ndcg_counts_a_passage_covering_two_golds_once_and_stays_at_most_one():
    golds = [Span("a", 0, 10), Span("a", 20, 30)]
    both = Span("a", 0, 30)
    assert ndcg_at([both], golds) == pytest.approx(1.0)
    assert ndcg_at([Span("x", 0, 1), both], golds) < 1.0


def _graded(category: str, rank: int | None, baseline_rank: int | None) -> CaseResult:
    case = Case(
        f"{category}-{rank}",
        category,
        "question?",
        ReplyKind.ANSWER,
        gold=(Gold("note", "quote"),),
    )
    return CaseResult(
        case, Reply(ReplyKind.ANSWER, "answer"), rank=rank, baseline_rank=baseline_rank
    )


def test_per_category_retrieval_is_ours_and_baseline_appears_only_when_run():
    results = [_graded("seed", 1, None), _graded("seed", None, 1), _graded("guide", 7, 2)]
    without = summarize(results)
    assert without["category.seed.hit_at_5"] == pytest.approx(0.5)
    assert without["category.guide.hit_at_5"] == 0.0
    assert not any(key.startswith("baseline.") for key in without)
    with_baseline = summarize(results, with_baseline=True)
    assert with_baseline["baseline.hit_at_5"] == pytest.approx(2 / 3)
    assert with_baseline["category.seed.hit_at_5"] == pytest.approx(0.5)
