"""Check a composed answer: every [n] is valid, every quote verbatim, every sentence cited
and contained in (extractive) or supported by (generated) the quote it cites."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from assistant.compose import LEAD_INS
from assistant.models import Citation, Passage, Source

CLAIM = re.compile(r"(?P<text>[^\[\]]+?)(?P<markers>(?:\s*\[\d+\])+)")
MARKER = re.compile(r"\[(\d+)\]")

SupportScore = Callable[[str, str], float]  # (sentence, quote) -> 0..1


@dataclass(frozen=True, slots=True)
class Claim:
    """One answer sentence and the citation numbers that follow it."""

    text: str
    markers: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in an answer that is not grounded; `kind` is a stable name."""

    kind: str
    detail: str


def claims(answer: str) -> list[Claim]:
    """Cited sentences in order; text left without a marker becomes a claim with none."""
    found: list[Claim] = []
    position = 0
    for match in CLAIM.finditer(answer):
        if answer[position : match.start()].strip():
            found.append(Claim(answer[position : match.start()].strip(), ()))
        markers = tuple(int(n) for n in MARKER.findall(match.group("markers")))
        found.append(Claim(strip_lead_in(match.group("text").strip()), markers))
        position = match.end()
    if answer[position:].strip():
        found.append(Claim(answer[position:].strip(), ()))
    return found


def strip_lead_in(text: str) -> str:
    for lead_in in LEAD_INS:
        if text.startswith(lead_in.strip()):
            return text[len(lead_in.strip()) :].strip()
    return text


def check(
    answer: str,
    citations: Sequence[Citation],
    passages: Mapping[str, Passage],
    *,
    support: SupportScore | None = None,
    min_support: float = 0.0,
) -> list[Problem]:
    """Problems in the answer. Without `support`, sentences must appear verbatim in the
    quote they cite (extractive); with it, they must score at least `min_support`."""
    problems = _citation_problems(citations, passages)
    by_number = {citation.n: citation for citation in citations}
    used: set[int] = set()
    for claim in claims(answer):
        if not claim.markers:
            problems.append(Problem("uncited_sentence", claim.text[:120]))
            continue
        used.update(claim.markers)
        quotes = [by_number[n].quote for n in claim.markers if n in by_number]
        if len(quotes) < len(claim.markers):
            problems.append(Problem("invalid_marker", f"{claim.markers} after {claim.text[:80]}"))
        elif not _is_supported(claim.text, quotes, support, min_support):
            problems.append(Problem("unsupported_sentence", claim.text[:120]))
    problems.extend(
        Problem("unused_citation", f"[{n}] is never cited") for n in by_number if n not in used
    )
    return problems


def _citation_problems(
    citations: Sequence[Citation], passages: Mapping[str, Passage]
) -> list[Problem]:
    problems = []
    numbers = [citation.n for citation in citations]
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(Problem("citation_numbering", f"citations are numbered {numbers}"))
    for citation in citations:
        passage = passages.get(citation.passage_id)
        if passage is None:
            problems.append(Problem("unknown_passage", citation.passage_id))
        elif not citation.quote or citation.quote not in passage.text:
            problems.append(Problem("quote_not_verbatim", f"[{citation.n}] {citation.quote[:80]}"))
    return problems


def _is_supported(
    text: str, quotes: list[str], support: SupportScore | None, min_support: float
) -> bool:
    if support is None:
        return any(text in quote for quote in quotes)
    return max(support(text, quote) for quote in quotes) >= min_support


def unqualified_seed_citations(
    citations: Sequence[Citation], passages: Mapping[str, Passage], sources: Mapping[str, Source]
) -> list[Citation]:
    """Seed citations whose section a reference note qualifies, with no such note cited:
    an overstated seed claim shown without its correction."""
    cited_sources = {citation.source_id for citation in citations}
    missing = []
    for citation in citations:
        if not sources[citation.source_id].is_seed:
            continue
        section = set(passages[citation.passage_id].section)
        qualifiers = {s.source_id for s in sources.values() if section & set(s.qualifies)}
        if qualifiers and not qualifiers & cited_sources:
            missing.append(citation)
    return missing
