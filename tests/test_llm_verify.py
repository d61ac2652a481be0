"""Verifying generated answers with hand-written model outputs and the real support measure
(MiniLM + lexical overlap, threshold from Settings)."""

import pytest

from assistant.config import Settings
from assistant.llm_parse import parse
from assistant.llm_verify import Evidence, verify_answer
from assistant.models import Passage, Source
from assistant.sentences import split_sentences
from assistant.support import SupportScorer
from assistant.verify import check

pytestmark = pytest.mark.slow

SEED_SECTION = "What is Knee-Spine Syndrome?"
TEXTS = {
    "exercise": (
        "Exercise therapy reduces pain and improves function in knee osteoarthritis. "
        "The benefit is similar to that of simple pain medicines. "
        "Land-based exercise such as walking and strengthening is recommended for most people."
    ),
    "rest": (
        "Staying active helps people recover from low back pain. "
        "Long bed rest is not recommended because it can slow recovery."
    ),
    "seed": (
        "Knee-spine syndrome describes knee and lower-back problems that occur together. "
        "Some authors think a stiff knee changes posture and loads the spine."
    ),
    "posture-note": (
        "Evidence that knee stiffness changes posture and loads the spine comes from a few "
        "small studies only."
    ),
}
SOURCES = {
    "exercise": Source("exercise", "exercise.md", "Exercise for knees", "systematic-review"),
    "rest": Source("rest", "rest.md", "Back pain: stay active", "guideline"),
    "seed": Source("seed", "seed.md", "Knee and back pain", "seed-article"),
    "posture-note": Source(
        "posture-note", "posture.md", "Posture link", "cohort", qualifies=(SEED_SECTION,)
    ),
}
GOOD = (
    "Exercise therapy reduces pain in knee osteoarthritis [1]. "
    "Long bed rest can slow recovery from back pain [2]."
)


def passage(source_id):
    text = TEXTS[source_id]
    section = (SEED_SECTION,) if source_id == "seed" else ("Care",)
    spans = tuple((s.start, s.end) for s in split_sentences(text))
    return Passage(f"p-{source_id}", source_id, section, 0, len(text), text, spans)


def evidence(*source_ids):
    passages = [passage(source_id) for source_id in source_ids]
    return Evidence(passages, SOURCES, {p.passage_id: 0.5 for p in passages})


@pytest.fixture(scope="module")
def support(embedder):
    return SupportScorer(embedder).score


@pytest.fixture(scope="module")
def run(support):
    settings = Settings()

    def verify(output, shown, *, min_kept_share=settings.llm_min_kept_share):
        return verify_answer(
            parse(output),
            shown,
            support,
            min_support=settings.llm_min_support,
            min_kept_share=min_kept_share,
        )

    return verify


def test_supported_sentences_become_a_cited_answer_that_passes_the_checker(run, support):
    shown = evidence("exercise", "rest")
    verdict = run(GOOD, shown)
    assert (verdict.reason, verdict.written, verdict.kept) == ("", 2, 2)
    answer = verdict.composition
    assert answer.answer == (
        "Exercise therapy reduces pain in knee osteoarthritis. [1] "
        "Long bed rest can slow recovery from back pain. [2]"
    )
    assert [(c.n, c.passage_id) for c in answer.citations] == [(1, "p-exercise"), (2, "p-rest")]
    problems = check(
        answer.answer,
        answer.citations,
        shown.by_id,
        support=support,
        min_support=Settings().llm_min_support,
    )
    assert problems == []


def test_each_quote_is_the_passage_sentence_that_best_supports_the_claim(run):
    verdict = run(GOOD, evidence("exercise", "rest"))
    quotes = [c.quote for c in verdict.composition.citations]
    assert quotes == [
        "Exercise therapy reduces pain and improves function in knee osteoarthritis.",
        "Long bed rest is not recommended because it can slow recovery.",
    ]


def test_two_claims_from_one_passage_cite_the_verbatim_span_between_them(run):
    output = (
        "Exercise therapy reduces pain in knee osteoarthritis [1]. "
        "Walking and strengthening exercise is recommended for most people [1]."
    )
    verdict = run(output, evidence("exercise"))
    [citation] = verdict.composition.citations
    assert citation.quote == TEXTS["exercise"]


def test_uncited_sentence_is_dropped(run):
    verdict = run(GOOD + " Honey cures arthritis.", evidence("exercise", "rest"))
    assert (verdict.written, verdict.kept) == (3, 2)
    assert "Honey" not in verdict.composition.answer


def test_sentence_citing_a_number_that_was_not_shown_is_dropped(run):
    verdict = run(
        GOOD + " Staying active helps recovery from back pain [7].", evidence("exercise", "rest")
    )
    assert verdict.kept == 2
    assert "Staying active" not in verdict.composition.answer


def test_unsupported_claim_is_dropped(run):
    verdict = run(
        GOOD + " Knee pain is usually caused by cancer [1].", evidence("exercise", "rest")
    )
    assert verdict.kept == 2
    assert "cancer" not in verdict.composition.answer


def test_marker_of_a_passage_that_does_not_support_the_claim_is_removed(run):
    output = "Exercise therapy reduces pain in knee osteoarthritis [2][1]."
    verdict = run(output, evidence("exercise", "rest"))
    assert verdict.composition.answer == (
        "Exercise therapy reduces pain in knee osteoarthritis. [1]"
    )
    assert [c.passage_id for c in verdict.composition.citations] == ["p-exercise"]


def test_citations_are_renumbered_in_order_of_first_use(run):
    output = (
        "Long bed rest can slow recovery from back pain [2]. "
        "Exercise therapy reduces pain in knee osteoarthritis [1]."
    )
    verdict = run(output, evidence("exercise", "rest"))
    assert verdict.composition.answer.endswith("osteoarthritis. [2]")
    assert [(c.n, c.passage_id) for c in verdict.composition.citations] == [
        (1, "p-rest"),
        (2, "p-exercise"),
    ]


SEED_CLAIM = "Some authors think a stiff knee changes posture and loads the spine [1]."


def test_seed_claim_without_its_qualifying_note_is_dropped(run):
    output = f"{SEED_CLAIM} Exercise therapy reduces pain in knee osteoarthritis [3]."
    verdict = run(output, evidence("seed", "posture-note", "exercise"), min_kept_share=0.1)
    assert verdict.kept == 1
    assert "stiff knee" not in verdict.composition.answer


def test_seed_claim_with_its_qualifying_note_is_kept(run):
    output = f"{SEED_CLAIM} That knee stiffness changes posture comes from small studies [2]."
    verdict = run(output, evidence("seed", "posture-note"))
    assert verdict.kept == 2
    assert [c.source_id for c in verdict.composition.citations] == ["seed", "posture-note"]


@pytest.mark.parametrize(
    ("output", "reason"),
    [
        pytest.param("}{ ]] ## <|im_end|> \x00", "no_supported_sentence", id="garbage"),
        pytest.param("", "no_supported_sentence", id="empty"),
        pytest.param("NO ANSWER", "no_supported_sentence", id="declined"),
        pytest.param(
            "Exercise therapy reduces pain [9]. Rest is good [0].",
            "no_supported_sentence",
            id="only-wrong-markers",
        ),
        pytest.param(
            "Exercise therapy reduces pain in knee osteoarthritis [1]. "
            "Knee pain is usually caused by cancer [1]. Surgery is always needed [2]. "
            "Glucosamine cures arthritis [1].",
            "too_few_supported",
            id="mostly-unsupported",
        ),
    ],
)
def test_too_little_supported_text_means_the_extractive_answer(run, output, reason):
    verdict = run(output, evidence("exercise", "rest"))
    assert verdict.composition is None
    assert verdict.reason == reason
