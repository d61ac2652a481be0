"""Normalise patient text for rule matching: case, apostrophes, contractions, typos."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
CONTRACTIONS = (
    (r"\bcan'?t\b|\bcannot\b", "can not"),
    (r"\bwon'?t\b", "will not"),
    (r"\b(do|does|did|is|are|was|were|has|have|had|could|would|should|must|need)n'?t\b", r"\1 not"),
    (r"\bain'?t\b", "is not"),
    (r"\bi'?m\b", "i am"),
    (r"\b(he|she|it|that|there|what)'s got\b", r"\1 has got"),
    (r"\bi'?ve\b", "i have"),
    (r"\bi'?d\b", "i would"),
    (r"\bi'?ll\b", "i will"),
    (r"\bit's\b", "it is"),
    (r"\b(that|there|what|he|she)'?s\b", r"\1 is"),  # "whats" too; "its" stays a possessive
    (r"\b(you|we|they)'re\b", r"\1 are"),
    (r"\bshan'?t\b", "shall not"),
    (r"\b(it|that|there|he|she|you|we|they)'d\b", r"\1 would"),
)
# Text-speak and phonetic spellings, whole words only ("wat is rong wiv my back").
TEXTSPEAK = {
    "u": "you",
    "ur": "your",
    "n": "and",
    "nd": "and",
    "wat": "what",
    "wot": "what",
    "wht": "what",
    "rong": "wrong",
    "wiv": "with",
    "wif": "with",
    "cud": "could",
    "cld": "could",
    "shud": "should",
    "shld": "should",
    "wud": "would",
    "hav": "have",
    "hv": "have",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "have to",
    "wen": "when",
    "hw": "how",
    "dat": "that",
    "tht": "that",
    "da": "the",
    "kno": "know",
    "knw": "know",
    "abt": "about",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "b4": "before",
    "2day": "today",
    "2nite": "tonight",
    "2night": "tonight",
    "tmrw": "tomorrow",
    "pls": "please",
    "plz": "please",
    "ppl": "people",
    "sumthing": "something",
    "smth": "something",
    "rly": "really",
    "cnt": "can not",
    "feva": "fever",
    "nite": "night",
    "wk": "week",
    "wks": "weeks",
    "w": "with",
    "tae": "to",
    "aboot": "about",
    "anymair": "anymore",
    "tonite": "tonight",
    "cyaan": "can not",
    "cannae": "can not",
    "canna": "can not",
    "ower": "over",
    "oot": "out",
    "noo": "now",
    "huvtae": "have to",
    "doon": "down",
    "watter": "water",
    "waan": "want",
    "wi": "with",
    "intae": "into",
    "nicht": "night",
    "bahookie": "bum",
    "gona": "going to",
}
G_DROPPED = re.compile(r"\b[a-z]{2,}in\b'?")  # "takin'", "thinkin" (not "cabin", "begin")
TEXTSPEAK_WORD = re.compile(r"(?<![\w'/=-])(?:" + "|".join(TEXTSPEAK) + r")(?![\w'/=-])")
CONTRACTION_PATTERNS = tuple((re.compile(pattern), repl) for pattern, repl in CONTRACTIONS)
WORD = re.compile(r"[a-z]+")
MIN_TYPO_LENGTH = 5


@cache
def english_words() -> frozenset[str]:
    """Common English words (shipped list); these are never treated as typos."""
    text = resources.files("assistant.data").joinpath("english_words.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


NEGATED_WORD = r"(?:no|not|never|without|none|nor|non)\b"


def _gap(words: int) -> str:
    """Up to `words` words in between, none of them a negation ("have never had cancer")."""
    return rf"(?:\W+(?!{NEGATED_WORD})\w+){{0,{words}}}?\W+"


def near(first: str, second: str, words: int = 6) -> str:
    """Regex: `first` and `second` within `words` words of each other, in either order."""
    gap = _gap(words)
    return rf"(?:\b(?:{first})\b{gap}\b(?:{second})\b|\b(?:{second})\b{gap}\b(?:{first})\b)"


def then(first: str, second: str, words: int = 6) -> str:
    """Regex: `first` followed by `second` within `words` words."""
    return rf"\b(?:{first})\b{_gap(words)}\b(?:{second})\b"


def given(condition: str, pattern: str) -> str:
    """Regex: `pattern`, in a text where `condition` also occurs anywhere. The condition is
    checked once, from the start, so a long text costs linear time, not quadratic."""
    return rf"\A(?=[\s\S]*?(?:{condition}))[\s\S]*?(?:{pattern})"


def any_of(*patterns: str) -> re.Pattern[str]:
    """One compiled pattern matching any of `patterns`."""
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


def normalize(text: str) -> str:
    """Lower case, straight apostrophes, contractions expanded, single spaces."""
    text = text.translate(APOSTROPHES).lower()
    text = TEXTSPEAK_WORD.sub(lambda match: TEXTSPEAK[match.group(0)], text)
    text = G_DROPPED.sub(_restore_g, text)
    for pattern, replacement in CONTRACTION_PATTERNS:
        text = pattern.sub(replacement, text)
    return re.sub(r"[ \t\r\f\v]+", " ", text)


def _restore_g(match: re.Match[str]) -> str:
    word = match.group(0).rstrip("'")
    words = english_words()
    return f"{word}g" if word not in words and f"{word}g" in words else match.group(0)


class TypoFixer:
    """Maps misspelled words onto a keyword list (one edit for short words, two for long
    ones, same first letter); real English words are left alone."""

    def __init__(self, keywords: Iterable[str]) -> None:
        self.keywords = frozenset(keywords)
        self._by_initial: dict[str, list[str]] = {}
        for keyword in sorted(self.keywords):
            self._by_initial.setdefault(keyword[0], []).append(keyword)

    def fix(self, text: str) -> str:
        return WORD.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) < MIN_TYPO_LENGTH or word in self.keywords or word in english_words():
            return word
        allowed = 1 if len(word) < 8 else 2
        best = min(
            ((edit_distance(word, k), k) for k in self._by_initial.get(word[0], ())),
            default=(allowed + 1, word),
        )
        return best[1] if best[0] <= allowed else word


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (insertions, deletions, substitutions, swaps)."""
    if abs(len(a) - len(b)) > 2:
        return 3
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous_previous[j - 2] + 1)
            current.append(value)
        previous_previous, previous = previous, current
    return previous[-1]
