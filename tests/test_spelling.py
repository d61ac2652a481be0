import difflib

import pytest

from assistant.spelling import CUTOFF, SpellingCorrector


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


@pytest.mark.parametrize(
    "word", ["sciatca", "kneee", "osteoarthritus", "exercize", "nerv", "irritaton", "oteo"]
)
def test_correction_matches_difflib_over_the_whole_vocabulary(corrector, word):
    """The letter-count prefilter only skips words difflib would reject anyway."""
    same_initial = [w for w in sorted(corrector.corpus_words) if w[0] == word[0]]
    expected = difflib.get_close_matches(word, same_initial, n=1, cutoff=CUTOFF) or (
        difflib.get_close_matches(word, sorted(corrector.corpus_words), n=1, cutoff=CUTOFF + 0.05)
    )
    assert corrector.correct(word) == (expected[0] if expected else word)
