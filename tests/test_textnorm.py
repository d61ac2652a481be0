import pytest

from assistant.textnorm import TypoFixer, edit_distance, normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I can't", "i can not"),
        ("Doesn\u2019t", "does not"),
        ("I'm ok", "i am ok"),
        ("it's gone", "it is gone"),
        ("cant  pee", "can not pee"),
        ("it'd help", "it would help"),
        ("wat is rong wiv u", "what is wrong with you"),
        ("cough n sneeze 2day", "cough and sneeze today"),
        ("L4/5 n=3, u/s", "l4/5 n=3, u/s"),  # clinical notation is left alone
        ("thinkin of takin it", "thinking of taking it"),  # a dropped g is restored ...
        ("a cabin in the begin", "a cabin in the begin"),  # ... only where that makes a word
        ("I shan't", "i shall not"),
    ],
)
def test_normalize_expands_contractions(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("fever", "feaver", 1), ("bladder", "bladdr", 1), ("form", "from", 1), ("abc", "abc", 0)],
)
def test_edit_distance(a, b, distance):
    assert edit_distance(a, b) == distance


def test_typo_fixer_restores_keywords_but_not_real_words():
    fixer = TypoFixer({"fever", "bladder", "numbness"})
    assert fixer.fix("feaver and bladdr numbnes") == "fever and bladder numbness"
    assert fixer.fix("fewer ladder never") == "fewer ladder never"
