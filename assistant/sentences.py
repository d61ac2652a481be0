"""Sentence spans in corpus text: list items, abbreviations and source tags handled."""

from __future__ import annotations

import re
from dataclasses import dataclass

LIST_MARKER = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,2}[.)])[ \t]+")
TAG = r"\((?:Sources?|References?):[^()]*(?:\([^()]*\)[^()]*)*\)"  # one nested level: DOIs
SOURCES_TAG = re.compile(TAG + r"\s*$")
TRAILING_TAG = re.compile(r"[ \t]*" + TAG)
CLOSING = "\"'\u201d\u2019)\\]"  # straight and curly closing quotes, brackets
OPENING = "\"'\u201c\u2018(\\["
SENTENCE_END = re.compile(rf"[.!?][{CLOSING}]*(?=\s+[{OPENING}]?[A-Z0-9])")
ABBREVIATIONS = frozenset(
    "e.g i.e al vs etc dr mr mrs ms st fig figs no approx ca cf resp vol pp ed eds jr sr "
    "u.s u.k dept inc ltd".split()
)
TERMINAL = (".", "!", "?", ":", ";", ")", '"', "\u201d")


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    """A sentence as offsets into the text it came from; `starts_block` marks a new paragraph."""

    start: int
    end: int
    starts_block: bool


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[SentenceSpan]:
    """Sentence spans of text[start:end], whitespace-trimmed, source tags and bullets excluded."""
    end = len(text) if end is None else end
    spans: list[SentenceSpan] = []
    for block_start, block_end in _blocks(text, start, end):
        content_end = _strip_sources_tag(text, block_start, block_end)
        first = True
        for a, b in _split_block(text, block_start, content_end):
            spans.append(SentenceSpan(a, b, starts_block=first))
            first = False
    return spans


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraphs and list items: a new block at blank lines, list markers, or after a line
    that ends a sentence; other line breaks are hard-wrapped paragraphs."""
    blocks: list[tuple[int, int]] = []
    block_start: int | None = None
    position = start
    for line in text[start:end].splitlines(keepends=True):
        line_start, position = position, position + len(line)
        stripped = line.strip()
        marker = LIST_MARKER.match(line)
        if not stripped or marker:
            if block_start is not None:
                blocks.append((block_start, line_start))
                block_start = None
            if marker and stripped:
                block_start = line_start + marker.end()
        elif block_start is None:
            block_start = line_start
        if block_start is not None and stripped.endswith(TERMINAL):
            blocks.append((block_start, position))
            block_start = None
    if block_start is not None:
        blocks.append((block_start, end))
    return blocks


def _strip_sources_tag(text: str, start: int, end: int) -> int:
    match = SOURCES_TAG.search(text, start, end)
    return match.start() if match else end


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for match in SENTENCE_END.finditer(text, start, end):
        if _is_abbreviation(text, piece_start, match.start()):
            continue
        pieces.append((piece_start, match.end()))
        piece_start = match.end()
    pieces.append((piece_start, end))
    return [span for span in (_trim(text, a, b) for a, b in pieces) if span[1] > span[0]]


def _is_abbreviation(text: str, piece_start: int, dot: int) -> bool:
    """True when the '.' at `dot` ends an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    word = re.search(r"([A-Za-z][A-Za-z.]*)$", text[piece_start:dot])
    if word is None:
        return False
    token = word.group(1).lower()
    return token in ABBREVIATIONS or (len(token) == 1 and text[dot - 1].isupper())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def trailing_tag_end(text: str, end: int) -> int:
    """If a sources tag directly follows offset `end`, the offset where it ends; else `end`."""
    match = TRAILING_TAG.match(text, end)
    return match.end() if match else end
