import pytest

from assistant.spelling import SpellingCorrector


@pytest.fixture(scope="module")
def corrector():
    corpus = ["Sciatica is irritation of the sciatic nerve.", "Knee osteoarthritis and exercise."]
    return SpellingCorrector.from_texts(corpus, {"shoulder", "should", "knee", "pain"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("sciatca pain", "sciatica pain", id="dropped-letter"),
        pytest.param("osteoarthritus exercize", "osteoarthritis exercise", id="two-typos"),
        pytest.param("shoulder pain", "shoulder pain", id="english-word-kept"),
        pytest.param("Kneee hurts", "Knee hurts", id="capital-kept"),
        pytest.param("xylophone", "xylophone", id="nothing-close"),
        pytest.param("the L4 disc", "the L4 disc", id="short-words-kept"),
    ],
)
def test_correct_fixes_unknown_words_only(corrector, text, expected):
    assert corrector.correct(text) == expected
