"""Read a model's answer as sentences, each with the passage numbers it cites."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.sentences import split_sentences

# [2], [1, 3], [ 2 ], [Passage 2]: the forms small models write.
MARKER = re.compile(r"\[\s*(?:passage|source)?\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]", re.IGNORECASE)
MARKERS = rf"(?:\s*{MARKER.pattern})+"
# "Fact. [2] Next" -> "Fact [2]. Next", so the marker stays with the sentence before it.
MARKERS_AFTER_END = re.compile(rf"([.!?])({MARKERS})", re.IGNORECASE)
EMPHASIS = re.compile(r"\*\*|__|`")
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?])")


@dataclass(frozen=True, slots=True)
class Generated:
    """One sentence the model wrote (markers removed) and the numbers it cited, in order."""

    text: str
    markers: tuple[int, ...]


def parse(output: str) -> list[Generated]:
    """The sentences of `output` in order; a sentence with no marker has `markers == ()`."""
    text = MARKERS_AFTER_END.sub(r"\2\1", EMPHASIS.sub("", output))
    found = []
    for span in split_sentences(text):
        raw = text[span.start : span.end]
        numbers = (int(n) for group in MARKER.findall(raw) for n in re.findall(r"\d+", group))
        plain = _tidy(MARKER.sub(" ", raw))
        if plain:
            found.append(Generated(plain, tuple(dict.fromkeys(numbers))))
    return found


def _tidy(text: str) -> str:
    """One printable line, no brackets (they would read as markers), ending in punctuation."""
    kept = "".join(ch if ch.isprintable() and ch not in "[]" else " " for ch in text)
    text = SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(kept.split()))
    if not re.search(r"\w", text):
        return ""
    return text if text.endswith((".", "!", "?")) else f"{text}."
