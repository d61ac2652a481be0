"""Extractive composition: a chosen sentence that leans on the one before it brings it along,
even when that sentence ends the previous passage."""

import pytest

from assistant.chain import Assistant, open_index
from assistant.compose import _leans_back
from assistant.config import Settings
from tests.conftest import make_corpus

SOURCES = (
    "(Sources: NICE NG59 2016, URL https://www.nice.org.uk/guidance/ng59/chapter/Recommendations)"
)
NICE = "NICE advises that scans should not be offered as a routine step at a GP surgery."
SPECIALIST = "In specialist clinics, it advises a scan only when the result would change the plan."
SIMILAR = "The American College of Physicians gives similar advice."
LONG_FIRST_PARAGRAPH = " ".join(
    [
        "Back pain is very common and most of it settles with time and gentle activity.",
        "Many people who see their doctor about it hope that a scan will find the cause.",
        "For most of them a scan shows changes that are also found in people without pain.",
        "Those findings rarely change what helps, and they can make people worry more.",
        "Guidelines have looked at when a scan is worth doing and when it is not.",
        NICE,
        SPECIALIST,
    ]
)
SECOND_PARAGRAPH = " ".join(
    [
        SIMILAR,
        "It says back pain needs imaging only with severe or worsening nerve problems.",
        "For everyone else a routine scan brings no benefit and may lead to harm.",
    ]
)
NOTE = f"""---
id: scans-two-guidelines
title: Two guidelines on back scans
source_type: guideline
authors: [Test editorial team]
year: 2026
url: https://www.nice.org.uk/guidance/ng59/chapter/Recommendations
evidence_note: Fixture note for tests; national guideline.
reviewed_by: Test reviewer
reviewed_on: 2026-01-10
review_due: 2027-01-10
qualifies: []
supports: []
references:
  - ref: R22
    citation: "NICE NG59. Low back pain and sciatica in over 16s. 2016, updated 2020."
    url: https://www.nice.org.uk/guidance/ng59/chapter/Recommendations
---

## What two guidelines say about scans

{LONG_FIRST_PARAGRAPH} {SOURCES}

{SECOND_PARAGRAPH} {SOURCES}
"""


@pytest.mark.parametrize(
    "sentence",
    [
        "So an X-ray is not a routine part of diagnosing knee arthritis.",
        "It says imaging is needed only when nerve problems worsen.",
        "However, the trials were small.",
        SIMILAR,
        SPECIALIST,
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
        NICE,
    ],
)
def test_self_contained_sentences_are_not(sentence):
    assert not _leans_back(sentence)


@pytest.fixture(scope="module")
def two_paragraph_assistant(tmp_path_factory, embedder) -> Assistant:
    root = tmp_path_factory.mktemp("compose")
    corpus = make_corpus(root / "corpus")
    (corpus / "notes" / "scans-two-guidelines.md").write_text(NOTE, "utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=root / "index")
    index, _ = open_index(settings, embedder)
    return Assistant(settings, index, embedder)


def test_a_passage_of_the_note_opens_with_a_sentence_that_leans_back(two_paragraph_assistant):
    passages = two_paragraph_assistant.index.passages_of("scans-two-guidelines")
    assert len(passages) >= 2
    assert any(p.text.startswith((SPECIALIST, SIMILAR)) for p in passages[1:])


def test_a_dependent_opening_sentence_brings_the_end_of_the_previous_passage(
    two_paragraph_assistant,
):
    reply = two_paragraph_assistant.reply(
        "When does the American College of Physicians say back pain needs imaging?"
    )
    answer = reply.answer
    assert SIMILAR in answer
    # "gives similar advice" needs the NICE sentences; "In specialist clinics, it" needs NICE.
    assert answer.index(NICE) < answer.index(SPECIALIST) < answer.index(SIMILAR)
