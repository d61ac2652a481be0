"""Load corpus files: markdown with YAML front matter, validated field by field."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import CorpusError
from assistant.models import Document, Source

SOURCE_TYPES = frozenset(
    {
        "seed-article",
        "guideline",
        "systematic-review",
        "trial",
        "cohort",
        "patient-leaflet",
        "clinic-note",
    }
)
REQUIRED_FIELDS = (
    "id",
    "title",
    "source_type",
    "authors",
    "year",
    "url",
    "evidence_note",
    "reviewed_by",
    "reviewed_on",
    "review_due",
)
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PMID_PATTERN = re.compile(r"^\d{5,9}$")
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
URL_PATTERN = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)
SKIPPED_NAMES = frozenset({"README.md"})


def corpus_files(corpus_dir: Path) -> list[Path]:
    """Every note below `corpus_dir` (sub-folders included), sorted; READMEs are not notes."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder not found: {corpus_dir}")
    return sorted(
        path
        for path in corpus_dir.rglob("*.md")
        if path.name not in SKIPPED_NAMES
        and not any(part.startswith((".", "_")) for part in path.relative_to(corpus_dir).parts)
    )


def load_corpus(corpus_dir: Path) -> list[Document]:
    """Load and validate every note; one CorpusError lists all problems found."""
    documents: list[Document] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in corpus_files(corpus_dir):
        relative = path.relative_to(corpus_dir).as_posix()
        try:
            document = load_document(path, relative)
        except CorpusError as exc:
            problems.append(str(exc))
            continue
        if document.source_id in seen:
            problems.append(
                f"{relative}: field 'id': {document.source_id!r} is already used by "
                f"{seen[document.source_id]}"
            )
            continue
        seen[document.source_id] = relative
        documents.append(document)
    if problems:
        raise CorpusError("invalid corpus:\n  " + "\n  ".join(problems))
    if not documents:
        raise CorpusError(f"no corpus notes (*.md) found in {corpus_dir}")
    return documents


def load_document(path: Path, relative: str) -> Document:
    """Parse one file; raise CorpusError naming the file and every bad field."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{relative}: cannot read as UTF-8 text ({exc})") from exc
    meta, body_start = split_front_matter(text, relative)
    problems = front_matter_problems(meta)
    if problems:
        raise CorpusError("; ".join(f"{relative}: {problem}" for problem in problems))
    if not text[body_start:].strip():
        raise CorpusError(f"{relative}: the note has front matter but no text")
    source = Source(
        source_id=meta["id"],
        path=relative,
        title=str(meta["title"]).strip(),
        source_type=meta["source_type"],
        url=meta.get("url"),
        evidence_note=" ".join(str(meta["evidence_note"]).split()),
        reviewed_on=_iso(meta["reviewed_on"]),
        review_due=_iso(meta["review_due"]),
        qualifies=tuple(meta.get("qualifies") or ()),
        supports=tuple(meta.get("supports") or ()),
    )
    return Document(source=source, text=text, body_start=body_start)


def split_front_matter(text: str, relative: str) -> tuple[dict[str, Any], int]:
    """Return (front matter mapping, offset where the body starts)."""
    match = FRONT_MATTER.match(text)
    if match is None:
        raise CorpusError(f"{relative}: must start with YAML front matter between '---' lines")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise CorpusError(f"{relative}: front matter is not valid YAML ({exc})") from exc
    if not isinstance(meta, dict):
        raise CorpusError(f"{relative}: front matter must be a mapping of fields")
    return meta, match.end()


def front_matter_problems(meta: Mapping[str, Any]) -> list[str]:
    """Every problem with the front matter fields, phrased as `field 'x': what is wrong`."""
    problems = [f"field '{name}' is missing" for name in REQUIRED_FIELDS if name not in meta]
    checks = (
        ("id", lambda v: isinstance(v, str) and ID_PATTERN.match(v), "lowercase-hyphenated slug"),
        ("title", lambda v: isinstance(v, str) and v.strip(), "non-empty text"),
        ("source_type", lambda v: v in SOURCE_TYPES, f"one of {', '.join(sorted(SOURCE_TYPES))}"),
        (
            "authors",
            lambda v: isinstance(v, list) and v and all(map(_is_text, v)),
            "a non-empty list of names",
        ),
        ("year", lambda v: v is None or (isinstance(v, int) and 1800 < v < 2200), "a year or null"),
        (
            "url",
            lambda v: v is None or (isinstance(v, str) and URL_PATTERN.match(v)),
            "an http(s) URL or null",
        ),
        ("pmid", lambda v: PMID_PATTERN.match(str(v)), 'digits only, e.g. "12585585"'),
        ("doi", lambda v: isinstance(v, str) and DOI_PATTERN.match(v), "like 10.1000/xyz123"),
        ("evidence_note", _is_text, "one line of text"),
        ("reviewed_by", _is_text, "the reviewer's name or role"),
        ("reviewed_on", _is_date, "a date YYYY-MM-DD"),
        ("review_due", _is_date, "a date YYYY-MM-DD"),
        ("qualifies", _is_text_list, "a list of seed section headings"),
        ("supports", _is_text_list, "a list of seed section headings"),
    )
    for name, is_valid, expected in checks:
        if name in meta and not is_valid(meta[name]):
            problems.append(f"field '{name}': expected {expected}, got {meta[name]!r}")
    if not problems and _iso(meta["review_due"]) < _iso(meta["reviewed_on"]):
        problems.append("field 'review_due': is before 'reviewed_on'")
    return problems


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(map(_is_text, value))


def _is_date(value: Any) -> bool:
    if isinstance(value, dt.date):
        return True
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def _iso(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return dt.date.fromisoformat(str(value)).isoformat()
