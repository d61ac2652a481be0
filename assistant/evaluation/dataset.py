"""Eval cases (JSON Lines): loading and validation against the corpus."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import InputError
from assistant.models import Document, ReplyKind, Turn

CATEGORIES = frozenset(
    "factual paraphrase multi_passage follow_up guideline out_of_scope_far out_of_scope_near "
    "in_scope_hard red_flag ordinary unsafe injection".split()
)
ANSWERABLE = frozenset("factual paraphrase multi_passage follow_up guideline in_scope_hard".split())


@dataclass(frozen=True, slots=True)
class Gold:
    """A verbatim quote that a correct answer should be built from."""

    source_id: str
    quote: str


@dataclass(frozen=True, slots=True)
class Case:
    """One eval case; see evals/README.md for the JSONL schema."""

    case_id: str
    category: str
    message: str
    expected_kind: ReplyKind
    history: tuple[Turn, ...] = ()
    gold: tuple[Gold, ...] = ()
    must_mention: tuple[str, ...] = ()
    must_not_mention: tuple[str, ...] = ()
    red_flag: str | None = None
    unsafe: str | None = None
    tags: tuple[str, ...] = field(default=())
    source_file: str = ""


def dataset_files(path: Path) -> list[Path]:
    """A .jsonl file, or every .jsonl file in a folder (sorted)."""
    if path.is_dir():
        return sorted(path.glob("*.jsonl"))
    if path.is_file():
        return [path]
    raise InputError(f"eval dataset not found: {path}", code="dataset_missing")


def load_cases(path: Path) -> list[Case]:
    """Every case in the dataset file(s); a clear error names the file and line."""
    cases = []
    for file in dataset_files(path):
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                cases.append(_parse(line, f"{file.name}:{number}"))
    if not cases:
        raise InputError(f"no eval cases in {path}", code="dataset_empty")
    return cases


def _parse(line: str, where: str) -> Case:
    try:
        data: dict[str, Any] = json.loads(line)
        return Case(
            case_id=str(data["id"]),
            category=str(data["category"]),
            message=str(data["message"]),
            expected_kind=ReplyKind(data["expected_kind"]),
            history=tuple(Turn(t["role"], t["content"]) for t in data.get("history", [])),
            gold=tuple(Gold(g["source_id"], g["quote"]) for g in data.get("gold", [])),
            must_mention=tuple(data.get("must_mention", [])),
            must_not_mention=tuple(data.get("must_not_mention", [])),
            red_flag=data.get("red_flag"),
            unsafe=data.get("unsafe"),
            tags=tuple(data.get("tags", [])),
            source_file=where.split(":")[0],
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{where}: invalid eval case ({exc})", code="dataset_invalid") from exc


def validate(cases: Sequence[Case], documents: Sequence[Document]) -> list[str]:
    """Problems: duplicate ids, unknown categories, bad history roles, gold quotes that are
    not verbatim corpus text, answerable cases without gold."""
    texts = {document.source_id: document.body for document in documents}
    problems: list[str] = []
    seen: set[str] = set()
    for case in cases:
        where = f"{case.source_file} {case.case_id}"
        if case.case_id in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(case.case_id)
        if case.category not in CATEGORIES:
            problems.append(f"{where}: unknown category {case.category!r}")
        if any(turn.role not in ("user", "assistant") for turn in case.history):
            problems.append(f"{where}: history roles must be user or assistant")
        if case.category in ANSWERABLE - {"in_scope_hard"} and not case.gold:
            problems.append(f"{where}: answerable case without gold quotes")
        for gold in case.gold:
            if gold.source_id not in texts:
                problems.append(f"{where}: gold source {gold.source_id!r} is not in the corpus")
            elif gold.quote not in texts[gold.source_id]:
                problems.append(
                    f"{where}: gold quote is not verbatim in {gold.source_id}: {gold.quote[:60]!r}"
                )
    return problems
