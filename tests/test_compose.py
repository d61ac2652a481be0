"""Extractive composition: a chosen sentence that leans on the one before it brings it along."""

import numpy as np
import pytest

from assistant.compose import Candidate, _leans_back, _with_antecedents
from assistant.models import Passage

FIRST = "NICE advises against routine imaging for low back pain."
SECOND = "The American College of Physicians gives similar advice."
TEXT = f"{FIRST} {SECOND}"
PASSAGE = Passage(
    "p", "imaging", ("Imaging",), 0, len(TEXT), TEXT,
    ((0, len(FIRST)), (len(FIRST) + 1, len(TEXT))),
)  # fmt: skip


def candidate(position: int) -> Candidate:
    return Candidate(PASSAGE, position, 0, 0.5, np.zeros(3, dtype=np.float32))


@pytest.mark.parametrize(
    "sentence",
    [
        "So an X-ray is not a routine part of diagnosing knee arthritis.",
        "It says imaging is needed only when nerve problems worsen.",
        "However, the trials were small.",
        "The American College of Physicians gives similar advice.",
    ],
)
def test_sentences_that_depend_on_the_previous_one_are_recognised(sentence):
    assert _leans_back(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Most people with low back pain do not need an X-ray or MRI scan.",
        "Soft tissue injuries usually heal within weeks.",  # "so" only as a word start
        "Italian researchers followed 400 patients.",
    ],
)
def test_self_contained_sentences_are_not(sentence):
    assert not _leans_back(sentence)


def test_the_sentence_before_a_dependent_one_is_added():
    first, second = candidate(0), candidate(1)
    assert first.text == FIRST
    assert _with_antecedents([second], [first, second]) == [second, first]


def test_a_self_contained_sentence_comes_alone():
    first, second = candidate(0), candidate(1)
    assert _with_antecedents([first], [first, second]) == [first]
