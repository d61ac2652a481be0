"""Fix misspelled words in a query against the corpus vocabulary ("sciatca" -> "sciatica")."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

WORD = re.compile(r"[A-Za-z][A-Za-z']+")
MIN_LENGTH = 4  # shorter words are too ambiguous to correct
CUTOFF = 0.8  # difflib similarity ratio a correction must reach


class SpellingCorrector:
    """Replaces words that are neither English (the model's vocabulary) nor in the corpus
    with the closest corpus word, when one is close enough."""

    def __init__(self, corpus_words: Iterable[str], dictionary_words: Iterable[str]) -> None:
        self.corpus_words = {word.lower() for word in corpus_words if len(word) >= MIN_LENGTH}
        self.known = self.corpus_words | {word.lower() for word in dictionary_words}
        self._by_initial: dict[str, dict[int, list[str]]] = {}
        self._by_length: dict[int, list[str]] = {}
        for word in sorted(self.corpus_words):
            self._by_initial.setdefault(word[0], {}).setdefault(len(word), []).append(word)
            self._by_length.setdefault(len(word), []).append(word)

    @classmethod
    def from_texts(cls, texts: Iterable[str], dictionary_words: Iterable[str]) -> SpellingCorrector:
        words = {match.group(0).lower() for text in texts for match in WORD.finditer(text)}
        return cls(words, dictionary_words)

    def correct(self, text: str) -> str:
        """The text with unknown words replaced by their closest corpus word."""
        return WORD.sub(self._replacement, text)

    def _replacement(self, match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower().rstrip("'")
        if len(lower) < MIN_LENGTH or lower in self.known or lower.replace("'", "") in self.known:
            return word
        best = _closest(lower, self._by_initial.get(lower[0], {}), CUTOFF)
        if not best:  # a wrong first letter is rarer; try the whole vocabulary once
            best = _closest(lower, self._by_length, CUTOFF + 0.05)
        if not best:
            return word
        return best.capitalize() if word[0].isupper() else best


def _closest(word: str, by_length: dict[int, list[str]], cutoff: float) -> str | None:
    """The most similar word by difflib's ratio, if it reaches `cutoff`. Only lengths that
    could reach it are compared: the ratio is at most 2 * shorter / (sum of lengths)."""
    candidates = [
        candidate
        for length, words in by_length.items()
        if 2 * min(length, len(word)) / (length + len(word)) >= cutoff
        for candidate in words
    ]
    best = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
    return best[0] if best else None
