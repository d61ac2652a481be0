"""`assistant corpus check`: everything a clinician's edit must satisfy before it ships.

Errors: front matter (see corpus.py), a prose paragraph of a reference note without its
sources tag, a malformed PMID/DOI/URL, a cited identifier missing from the note's
`references`, a `qualifies`/`supports` heading the seed does not have, a seed section no
note covers, `[n]`-style markers in corpus text, a sentence copied from the reference list.
Warnings (errors with --strict): review overdue, reading grade above the target.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.chunking import sections
from assistant.corpus import DOI_PATTERN, PMID_PATTERN, URL_PATTERN, load_corpus, split_front_matter
from assistant.models import Document
from assistant.readability import reading_grade
from assistant.sentences import SOURCES_TAG, split_sentences

TARGET_GRADE = 9.0
COPY_RUN_WORDS = 9  # this many consecutive words shared with a source counts as copying
TAG_ITEM = re.compile(r"^(?P<label>[^,]+?),\s*(?P<kind>PMID|DOI|URL)\s+(?P<id>\S+)\s*$")
ITEM_BREAK = re.compile(r";\s+(?=[^;]*?,\s*(?:PMID|DOI|URL)\s)")  # a DOI may contain ";"
MARKER = re.compile(r"\[\d+\]")
HEADING = re.compile(r"^\s*#{1,6}\s")
LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+")
ID_FORMATS = {"PMID": PMID_PATTERN, "DOI": DOI_PATTERN, "URL": URL_PATTERN}


@dataclass
class NoteReport:
    """What the checker found in one note."""

    source_id: str
    path: str
    paragraphs: int = 0
    cited_paragraphs: int = 0
    grade: float | None = None
    review_due: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class CorpusReport:
    notes: list[NoteReport]
    errors: list[str]  # corpus-wide

    def all_errors(self, *, strict: bool) -> list[str]:
        found = list(self.errors)
        for note in self.notes:
            found += [f"{note.path}: {e}" for e in note.errors]
            if strict:
                found += [f"{note.path}: {w}" for w in note.warnings]
        return found


def check_corpus(
    corpus_dir: Path, *, against: Path | None = None, today: dt.date | None = None
) -> CorpusReport:
    """Check every note; `against` is the reference list notes must not copy from."""
    documents = load_corpus(corpus_dir)  # raises CorpusError for front matter problems
    today = today or dt.date.today()
    runs = _word_runs(_words(against.read_text(encoding="utf-8"))) if against else None
    notes = [_check_note(d, today, runs) for d in documents]
    return CorpusReport(notes, _seed_coverage(documents))


def _check_note(
    document: Document, today: dt.date, source_runs: set[tuple[str, ...]] | None
) -> NoteReport:
    source = document.source
    note = NoteReport(source.source_id, source.path, review_due=source.review_due)
    if dt.date.fromisoformat(source.review_due) < today:
        note.warnings.append(f"review overdue since {source.review_due}")
    if MARKER.search(document.body):
        note.errors.append("contains [n]-style markers, which would be confused with citations")
    if source.is_seed:
        return note
    meta, _ = split_front_matter(document.text, source.path)
    known = _reference_ids(meta.get("references") or [], note)
    prose = []
    for paragraph in _paragraphs(document.body):
        note.paragraphs += 1
        tag = SOURCES_TAG.search(paragraph)
        if tag is None:
            note.errors.append(f"paragraph without a sources tag: {paragraph[:70]!r}")
            continue
        note.cited_paragraphs += 1
        _check_tag(tag.group(0), known, note)
        prose.append(paragraph[: tag.start()])
    note.grade = reading_grade(" ".join(prose))
    if note.grade is not None and note.grade > TARGET_GRADE:
        note.warnings.append(f"reading grade {note.grade:.1f} is above the target {TARGET_GRADE:g}")
    if source_runs is not None:
        note.errors += _copied(prose, source_runs)
    return note


def _paragraphs(body: str) -> Iterator[str]:
    """Prose paragraphs (not headings, not list items), whitespace-joined."""
    for block in re.split(r"\n\s*\n", body):
        lines = [line for line in block.splitlines() if line.strip()]
        prose = [line for line in lines if not HEADING.match(line) and not LIST_ITEM.match(line)]
        if prose:
            yield " ".join(line.strip() for line in prose)


def _reference_ids(references: list[Any], note: NoteReport) -> set[str]:
    """Identifiers listed in front matter; each entry needs a citation and an identifier."""
    known: set[str] = set()
    for position, entry in enumerate(references):
        if not isinstance(entry, dict) or not str(entry.get("citation", "")).strip():
            note.errors.append(f"references[{position}] needs a 'citation'")
            continue
        ids = {str(entry[key]).strip() for key in ("pmid", "doi", "url") if entry.get(key)}
        if not ids:
            note.errors.append(f"references[{position}] needs a pmid, doi or url")
        known |= ids
    return known


def _check_tag(tag: str, known: set[str], note: NoteReport) -> None:
    body = tag[tag.index(":") + 1 : tag.rindex(")")].strip()
    items = [TAG_ITEM.match(part.strip()) for part in ITEM_BREAK.split(body)]
    if not all(items):
        note.errors.append(f"sources tag items must read 'Name Year, PMID|DOI|URL id': {tag[:80]}")
    for item in filter(None, items):
        kind, identifier = item.group("kind"), item.group("id")
        if not ID_FORMATS[kind].match(identifier):
            note.errors.append(f"malformed {kind} {identifier!r}")
        elif identifier not in known:
            note.errors.append(f"{kind} {identifier} is cited but not listed in 'references'")


def _seed_coverage(documents: Sequence[Document]) -> list[str]:
    """Every heading named in qualifies/supports exists in the seed; every seed section with
    text is qualified or supported by some note."""
    seeds = [d for d in documents if d.source.is_seed]
    if not seeds:
        return []
    headings = {heading for seed in seeds for s in sections(seed) for heading in s.path}
    errors = []
    covered: set[str] = set()
    for document in documents:
        for heading in (*document.source.qualifies, *document.source.supports):
            if heading not in headings:
                errors.append(f"{document.source.path}: seed has no section {heading!r}")
            covered.add(heading)
    for seed in seeds:
        for section in sections(seed):
            if section.path and not covered.intersection(section.path):
                errors.append(
                    f"seed section {section.path[-1]!r} is not qualified or supported by any note"
                )
    return errors


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _word_runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + COPY_RUN_WORDS]) for i in range(len(words) - COPY_RUN_WORDS + 1)}


def _copied(prose: list[str], source_runs: set[tuple[str, ...]]) -> list[str]:
    """Sentences sharing COPY_RUN_WORDS consecutive words with the source list."""
    errors = []
    for paragraph in prose:
        for span in split_sentences(paragraph):
            if _word_runs(_words(paragraph[span.start : span.end])) & source_runs:
                errors.append(
                    f"sentence copied from the reference list: "
                    f"{paragraph[span.start : span.end][:80]!r}"
                )
    return errors
