"""Reading grade of patient-facing text: the Flesch-Kincaid grade level (Kincaid et al.
1975), with a vowel-group syllable count (approximate; no dictionary download needed)."""

from __future__ import annotations

import re

from assistant.sentences import split_sentences

WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
VOWEL_GROUP = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """Vowel groups, less a silent final "e" (make, rule: not "people"), at least one."""
    lower = word.lower()
    count = len(VOWEL_GROUP.findall(lower))
    if count > 1 and lower.endswith("e") and not lower.endswith(("le", "ee", "ye")):
        count -= 1
    return max(1, count)


def reading_grade(text: str) -> float | None:
    """US school grade needed to read `text`; None when it has no words."""
    words = WORD.findall(text)
    if not words:
        return None
    sentence_count = max(1, len(split_sentences(text)))
    syllable_count = sum(syllables(word) for word in words)
    return 0.39 * len(words) / sentence_count + 11.8 * syllable_count / len(words) - 15.59
