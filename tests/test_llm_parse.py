"""Reading a model's answer: sentences and the passage numbers each one cites."""

import pytest

from assistant.llm_parse import Generated, parse


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        pytest.param(
            "Walking helps knees [1]. Rest slows back recovery [2].",
            [Generated("Walking helps knees.", (1,)), Generated("Rest slows back recovery.", (2,))],
            id="marker-before-period",
        ),
        pytest.param(
            "Walking helps knees. [1] Rest slows back recovery. [2]",
            [Generated("Walking helps knees.", (1,)), Generated("Rest slows back recovery.", (2,))],
            id="marker-after-period-stays-with-its-sentence",
        ),
        pytest.param(
            "Walking helps [1][3]. Swimming helps too [2, 4]",
            [Generated("Walking helps.", (1, 3)), Generated("Swimming helps too.", (2, 4))],
            id="several-markers-and-a-missing-period",
        ),
        pytest.param(
            "- **Rest** is not best [Passage 2].\n- Keep moving [ 1 ].",
            [Generated("Rest is not best.", (2,)), Generated("Keep moving.", (1,))],
            id="bullets-emphasis-and-worded-markers",
        ),
        pytest.param(
            "Exercise [2] eases pain, and heat [1] may help.",
            [Generated("Exercise eases pain, and heat may help.", (2, 1))],
            id="markers-inside-a-sentence",
        ),
        pytest.param(
            "Walking helps [1] [1].", [Generated("Walking helps.", (1,))], id="repeats-once"
        ),
        pytest.param("NO ANSWER", [Generated("NO ANSWER.", ())], id="uncited"),
        pytest.param("", [], id="empty"),
        pytest.param("]]] [[[ ... \x00", [], id="garbage-without-words"),
    ],
)
def test_parse_finds_sentences_and_their_markers(output, expected):
    assert parse(output) == expected


def test_parsed_text_has_no_brackets_or_control_characters():
    [sentence] = parse("Weight loss [eases] knee\x07 pain [3].")
    assert sentence == Generated("Weight loss eases knee pain.", (3,))
