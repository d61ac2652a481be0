"""Split a document into passages: by heading, then whole sentences packed to a token budget."""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from assistant.models import Document, Passage, section_label
from assistant.sentences import SentenceSpan, split_sentences, trailing_tag_end

CHUNKER_VERSION = "4"  # bump when the rules below change: it invalidates built indexes
MARKDOWN_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
NEW_PARAGRAPH_FILL = 0.6  # start a new passage at a paragraph once this share is used
SHORT_TAIL = 0.25  # a last passage under this share of the budget joins the one before
BALANCE_SLACK = 1.25  # even re-packing may exceed the mean passage size by this factor

CountTokens = Callable[[str], int]


@dataclass(frozen=True, slots=True)
class Section:
    """A heading path and the character range of the text under it."""

    path: tuple[str, ...]
    start: int
    end: int


def chunk(document: Document, *, max_tokens: int, count_tokens: CountTokens) -> list[Passage]:
    """Passages of whole sentences, each within `max_tokens` including its heading context."""
    counted = functools.cache(count_tokens)  # packing counts each sentence several times
    passages: list[Passage] = []
    for section in sections(document):
        budget = max_tokens - counted(embedding_prefix(document.title, section.path))
        spans = split_sentences(document.text, section.start, section.end)
        for group in _balanced_pack(document.text, spans, max(budget, 16), counted):
            passages.append(_make_passage(document, section.path, group))
    return passages


def embedding_prefix(title: str, section: tuple[str, ...]) -> str:
    """The heading context embedded with each passage (not part of its quotable text)."""
    return section_label((title, *section)) + "\n"


def sentence_inputs(passage: Passage) -> list[str]:
    """What is embedded for each sentence: its innermost heading, then the sentence, so that
    "It usually improves within 4 to 6 weeks" under "How sciatica usually goes" is found for
    "how long does sciatica last?"."""
    heading = f"{passage.section[-1]}\n" if passage.section else ""
    return [heading + text for text in passage.sentence_texts()]


def sections(document: Document) -> list[Section]:
    """Heading-delimited ranges of the body: markdown headings, or plain-text heading lines."""
    lines = list(_lines(document.text, document.body_start))
    is_markdown = any(MARKDOWN_HEADING.match(text) for _, _, text in lines)
    found: list[Section] = []
    open_headings: list[tuple[int, str]] = []  # (level, heading), outermost first
    section_start = document.body_start
    for line_start, line_end, text in lines:
        level, heading = (
            _markdown_heading(text) if is_markdown else _plain_heading(text, document.title)
        )
        if level is None:
            continue
        found.append(Section(tuple(h for _, h in open_headings), section_start, line_start))
        open_headings = [(lv, h) for lv, h in open_headings if lv < level]
        if level:  # level 0 is the document title: not part of the path
            open_headings.append((level, heading))
        section_start = line_end
    found.append(Section(tuple(h for _, h in open_headings), section_start, len(document.text)))
    return [section for section in found if document.text[section.start : section.end].strip()]


def _lines(text: str, start: int) -> Iterator[tuple[int, int, str]]:
    position = start
    for line in text[start:].splitlines(keepends=True):
        yield position, position + len(line), line.strip()
        position += len(line)


def _markdown_heading(line: str) -> tuple[int | None, str]:
    match = MARKDOWN_HEADING.match(line)
    return (len(match.group(1)), match.group(2).strip()) if match else (None, "")


def _plain_heading(line: str, title: str) -> tuple[int | None, str]:
    """Plain text (the verbatim seed): a short line without closing punctuation is a heading;
    Title Case lines are level 1, other headings (questions, sentence case) level 2."""
    if line == title:
        return 0, line
    words = line.split()
    if not line or len(line) > 120 or len(words) > 20 or line.startswith(("-", "*", "•")):
        return None, ""
    if line.endswith((".", ":", ";", ",", "!", ")")):
        return None, ""
    long_words = [word for word in words if len(word) > 3]
    capitalised = sum(word[0].isupper() for word in long_words)
    is_title_case = bool(long_words) and capitalised / len(long_words) >= 0.6
    return (1 if is_title_case and not line.endswith("?") else 2), line


def _balanced_pack(
    text: str, spans: list[SentenceSpan], budget: int, count_tokens: CountTokens
) -> list[list[tuple[int, int]]]:
    """Greedy packing; a short leftover joins the passage before it when it fits, otherwise
    the section is re-packed to even sizes when that needs no extra passage."""
    greedy = list(_pack(text, spans, budget, count_tokens))
    if len(greedy) < 2:
        return greedy
    sizes = [_cost(text, group, count_tokens) for group in greedy]
    if sizes[-1] < budget * SHORT_TAIL and sizes[-1] + sizes[-2] <= budget:
        return [*greedy[:-2], greedy[-2] + greedy[-1]]
    even_budget = min(budget, int(sum(sizes) / len(greedy) * BALANCE_SLACK))
    balanced = list(_pack(text, spans, even_budget, count_tokens))
    return balanced if len(balanced) == len(greedy) else greedy


def _cost(text: str, group: list[tuple[int, int]], count_tokens: CountTokens) -> int:
    return sum(count_tokens(text[start : trailing_tag_end(text, end)]) for start, end in group)


def _pack(
    text: str, spans: list[SentenceSpan], budget: int, count_tokens: CountTokens
) -> Iterator[list[tuple[int, int]]]:
    """Greedy packing of sentences; a sentence over budget is cut at word boundaries."""
    group: list[tuple[int, int]] = []
    used = 0
    for span in spans:
        for start, end in _fit(text, span.start, span.end, budget, count_tokens):
            cost = count_tokens(text[start : trailing_tag_end(text, end)])
            starts_paragraph = span.starts_block and start == span.start
            if group and (
                used + cost > budget or (starts_paragraph and used >= budget * NEW_PARAGRAPH_FILL)
            ):
                yield group
                group, used = [], 0
            group.append((start, end))
            used += cost
    if group:
        yield group


def _fit(
    text: str, start: int, end: int, budget: int, count_tokens: CountTokens
) -> list[tuple[int, int]]:
    if count_tokens(text[start:end]) <= budget:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    words = [match.span() for match in re.finditer(r"\S+", text[start:end])]
    piece_start = 0
    for index in range(1, len(words) + 1):
        candidate_end = words[index - 1][1]
        if (
            index == len(words)
            or count_tokens(text[start + words[piece_start][0] : start + words[index][1]]) > budget
        ):
            pieces.append((start + words[piece_start][0], start + candidate_end))
            piece_start = index
    return pieces


def _make_passage(document: Document, path: tuple[str, ...], group: list) -> Passage:
    start = group[0][0]
    end = trailing_tag_end(document.text, group[-1][1])
    text = document.text[start:end]
    digest = hashlib.sha256(
        "\x1f".join((document.source_id, *path, text)).encode("utf-8")
    ).hexdigest()
    return Passage(
        passage_id=f"{document.source_id}#{digest[:12]}",
        source_id=document.source_id,
        section=path,
        start=start,
        end=end,
        text=text,
        sentences=tuple((a - start, b - start) for a, b in group),
    )
