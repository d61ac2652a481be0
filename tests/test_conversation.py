import pytest

from assistant.conversation import contextualize, is_follow_up
from assistant.models import Turn

HISTORY = (
    Turn("user", "What helps sciatica?"),
    Turn("assistant", "Staying active and gentle exercise usually help."),
)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("what about surgery?", True),
        ("is that dangerous?", True),
        ("and for the knee?", True),
        ("how long does it take to get better?", True),
        ("ok thanks, what exercises help?", True),
        ("What exercises help knee arthritis?", False),
        ("Does losing weight help my back pain?", False),
        ("how does it affect the spine then?", True),
        ("Can tight hamstrings cause back pain?", False),
    ],
)
def test_is_follow_up(message, expected):
    assert is_follow_up(message) is expected


def test_follow_up_is_searched_with_the_earlier_topic():
    query = contextualize("what about surgery?", HISTORY, context_turns=6)
    assert query.startswith("what about surgery?")
    assert "sciatica" in query


def test_standalone_question_is_searched_alone():
    assert contextualize("Do I need an MRI for back pain?", HISTORY, context_turns=6) == (
        "Do I need an MRI for back pain?"
    )


def test_context_turns_zero_disables_context():
    assert contextualize("what about surgery?", HISTORY, context_turns=0) == "what about surgery?"


def test_walks_back_over_earlier_follow_ups_to_the_topic():
    history = (Turn("user", "Is swimming good for knee arthritis?"), Turn("user", "and cycling?"))
    query = contextualize("how often?", history, context_turns=6)
    assert "knee arthritis" in query
    assert "cycling" in query
