"""Frozen value objects passed between the steps; `Reply.to_dict` is the API contract."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

SEED_SOURCE_TYPE = "seed-article"
SECTION_SEPARATOR = " > "


def section_label(section: tuple[str, ...]) -> str:
    """A heading path as one line of text, e.g. "Treatments > Medicines"."""
    return SECTION_SEPARATOR.join(section)


@dataclass(frozen=True, slots=True)
class Source:
    """What the front matter of one corpus file says about it (no text)."""

    source_id: str
    path: str  # relative to the corpus folder, with forward slashes
    title: str
    source_type: str
    url: str | None = None
    evidence_note: str = ""
    reviewed_on: str = ""
    review_due: str = ""
    qualifies: tuple[str, ...] = ()  # seed section headings this note corrects or adds to
    supports: tuple[str, ...] = ()  # seed section headings this note supports

    @property
    def is_seed(self) -> bool:
        return self.source_type == SEED_SOURCE_TYPE

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["qualifies"], data["supports"] = list(self.qualifies), list(self.supports)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        fields = {
            **data,
            "qualifies": tuple(data["qualifies"]),
            "supports": tuple(data["supports"]),
        }
        return cls(**fields)


@dataclass(frozen=True, slots=True)
class Document:
    """One corpus file: its source metadata, full text and where the body starts."""

    source: Source
    text: str  # the whole file, front matter included (passage offsets point into it)
    body_start: int

    @property
    def source_id(self) -> str:
        return self.source.source_id

    @property
    def title(self) -> str:
        return self.source.title

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


@dataclass(frozen=True, slots=True)
class Passage:
    """A chunk of one document: `text == document.text[start:end]`, sentences are spans in it."""

    passage_id: str
    source_id: str
    section: tuple[str, ...]
    start: int
    end: int
    text: str
    sentences: tuple[tuple[int, int], ...]  # (start, end) offsets into `text`

    def sentence_texts(self) -> list[str]:
        return [self.text[start:end] for start, end in self.sentences]

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["section"] = list(self.section)
        data["sentences"] = [list(span) for span in self.sentences]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Passage:
        return cls(
            passage_id=data["passage_id"],
            source_id=data["source_id"],
            section=tuple(data["section"]),
            start=int(data["start"]),
            end=int(data["end"]),
            text=data["text"],
            sentences=tuple((int(a), int(b)) for a, b in data["sentences"]),
        )


@dataclass(frozen=True, slots=True)
class Hit:
    """A passage id with a retrieval score (higher is better)."""

    passage_id: str
    score: float


class ReplyKind(StrEnum):
    """The four reply kinds; values are the API strings."""

    ANSWER = "answer"
    OUT_OF_SCOPE = "out_of_scope"
    URGENT_CARE = "urgent_care"
    UNSAFE_REQUEST = "unsafe_request"


@dataclass(frozen=True, slots=True)
class Turn:
    """One earlier message of the conversation."""

    role: str  # "user" | "assistant"
    content: str


@dataclass(frozen=True, slots=True)
class Citation:
    """What `[n]` in an answer points to: a verbatim quote of a corpus passage."""

    n: int
    passage_id: str
    source_id: str
    title: str
    section: str
    url: str | None
    quote: str
    score: float
    source_type: str = ""
    reviewed_on: str = ""
    evidence_note: str = ""

    @classmethod
    def of(cls, n: int, passage: Passage, source: Source, *, quote: str, score: float) -> Citation:
        """Citation `n` of `quote`, a verbatim span of `passage` from `source`."""
        return cls(
            n=n,
            passage_id=passage.passage_id,
            source_id=source.source_id,
            title=source.title,
            section=section_label(passage.section),
            url=source.url,
            quote=quote,
            score=score,
            source_type=source.source_type,
            reviewed_on=source.reviewed_on,
            evidence_note=source.evidence_note,
        )


@dataclass(frozen=True, slots=True)
class Reply:
    """The assistant's answer to one message; `to_dict` gives the JSON of the API contract."""

    kind: ReplyKind
    answer: str
    citations: tuple[Citation, ...] = ()
    disclaimer: str = ""
    latency_ms: float = 0.0
    index_version: str = ""
    red_flags: tuple[str, ...] = ()
    answer_path: str = "extractive"  # extractive | fixed | llm | extractive-fallback

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "answer": self.answer,
            "citations": [dataclasses.asdict(citation) for citation in self.citations],
            "disclaimer": self.disclaimer,
            "latency_ms": round(self.latency_ms, 2),
            "index_version": self.index_version,
            "red_flags": list(self.red_flags),
            "answer_path": self.answer_path,
        }
