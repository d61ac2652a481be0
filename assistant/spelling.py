"""Fix misspelled words in a query against the corpus vocabulary ("sciatca" -> "sciatica")."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

import numpy as np

WORD = re.compile(r"[A-Za-z][A-Za-z']+")
MIN_LENGTH = 4  # shorter words are too ambiguous to correct
CUTOFF = 0.8  # difflib similarity ratio a correction must reach
ALPHABET = "abcdefghijklmnopqrstuvwxyz'"  # what WORD matches, lower-cased


class SpellingCorrector:
    """Replaces words that are neither English (the model's vocabulary) nor in the corpus
    with the closest corpus word, when one is close enough."""

    def __init__(self, corpus_words: Iterable[str], dictionary_words: Iterable[str]) -> None:
        self.corpus_words = {word.lower() for word in corpus_words if len(word) >= MIN_LENGTH}
        self.known = self.corpus_words | {word.lower() for word in dictionary_words}
        self._words = sorted(self.corpus_words)
        self._letters = np.array([letter_counts(word) for word in self._words], dtype=np.int16)
        self._lengths = np.array([len(word) for word in self._words], dtype=np.float64)
        self._initials = np.array([word[0] for word in self._words])

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
        best = self._closest(lower, CUTOFF, same_initial=True)
        if not best:  # a wrong first letter is rarer; try the whole vocabulary once
            best = self._closest(lower, CUTOFF + 0.05, same_initial=False)
        if not best:
            return word
        return best.capitalize() if word[0].isupper() else best

    def _closest(self, word: str, cutoff: float, *, same_initial: bool) -> str | None:
        """The most similar corpus word by difflib's ratio, if it reaches `cutoff`.

        Only words that share enough letters to reach it are compared: difflib's quick_ratio
        (2 * letters in common / sum of lengths) bounds the ratio, and here it is computed
        for the whole vocabulary at once."""
        if not self._words:
            return None
        shared = np.minimum(self._letters, letter_counts(word)).sum(axis=1)
        possible = 2.0 * shared / (self._lengths + len(word)) >= cutoff
        if same_initial:
            possible &= self._initials == word[0]
        candidates = [self._words[row] for row in np.flatnonzero(possible)]
        best = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
        return best[0] if best else None


def letter_counts(word: str) -> list[int]:
    """How often each letter of ALPHABET occurs in `word` (lower case)."""
    return [word.count(letter) for letter in ALPHABET]
