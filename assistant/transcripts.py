"""Opt-in transcript store: one JSONL file per day, personal details redacted, old days purged.

Off unless a clinic sets `keep_transcripts` (see PRIVACY.md). Each record holds the patient's
message after `redact`, the reply kind, the cited passage ids and the index version; never
the history (its turns were recorded when they were sent). Files are 0600 in a 0700 folder.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from assistant.models import Reply

FILE_MODE = 0o600
FOLDER_MODE = 0o700
PURGE_INTERVAL_S = 24 * 60 * 60
DAY_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.jsonl$")

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
DATE = re.compile(
    rf"\b(?:\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}"  # 12/03/1980, 1980-03-12, 3.12.80
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{2,4}}"  # 12 March 1980, 3rd of Dec 80
    rf"|{_MONTH}\s+{_DAY},?\s+\d{{2,4}})\b",  # March 12, 1980
    re.IGNORECASE,
)
NUMBER_RUN = re.compile(r"(?<![\w+])\+?\(?\d[\d ().-]{4,}\d\b")  # digits with separators
MIN_PHONE_DIGITS = 7
MIN_LONG_NUMBER_DIGITS = 6


def _redact_number(match: re.Match[str]) -> str:
    """A phone number (7+ digits with separators or a +), a long number (6+ digits), or
    the text unchanged (a short figure such as "10-15")."""
    text = match.group(0)
    digits = sum(char.isdigit() for char in text)
    if digits >= MIN_PHONE_DIGITS and not text.isdigit():
        return "[phone]"
    if digits >= MIN_LONG_NUMBER_DIGITS:
        return "[number]"
    return text


def redact(text: str) -> str:
    """The text with e-mail addresses, dates (of birth), phone numbers and long digit runs
    replaced by [email], [date], [phone] and [number]. Names are not detected."""
    text = EMAIL.sub("[email]", text)
    text = DATE.sub("[date]", text)
    return NUMBER_RUN.sub(_redact_number, text)


def record_of(message: str, reply: Reply, now: datetime) -> dict[str, Any]:
    """The JSON record kept for one answered message."""
    return {
        "at": now.isoformat(timespec="seconds"),
        "message": redact(message),
        "kind": reply.kind.value,
        "red_flags": list(reply.red_flags),
        "passage_ids": [citation.passage_id for citation in reply.citations],
        "index_version": reply.index_version,
    }


class TranscriptStore:
    """Appends redacted records to `<folder>/<YYYY-MM-DD>.jsonl` (UTC days) and deletes day
    files older than `retention_days`. Safe across threads and worker processes: each
    record is a single O_APPEND write."""

    def __init__(
        self,
        folder: Path,
        *,
        retention_days: int,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        if retention_days < 1:
            raise ValueError(f"retention_days must be >= 1, got {retention_days}")
        self.folder = folder
        self.retention_days = retention_days
        self.clock = clock
        self._lock = threading.Lock()
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        folder.chmod(FOLDER_MODE)

    def record(self, message: str, reply: Reply) -> Path:
        """Append one record to today's file; returns the file."""
        now = self.clock()
        path = self.folder / f"{now.date().isoformat()}.jsonl"
        line = json.dumps(record_of(message, reply, now), ensure_ascii=False) + "\n"
        with self._lock:
            descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
            try:
                os.write(descriptor, line.encode("utf-8"))
            finally:
                os.close(descriptor)
        return path

    def purge(self) -> list[Path]:
        """Delete day files dated `retention_days` or more days before today."""
        oldest_kept = self.clock().date() - timedelta(days=self.retention_days - 1)
        removed = []
        for path in self.folder.iterdir():
            day = _day_of(path)
            if day is not None and day < oldest_kept:
                path.unlink(missing_ok=True)
                removed.append(path)
        return removed

    @asynccontextmanager
    async def purging(self, _app: object) -> AsyncIterator[None]:
        """An app lifespan: purge before the app serves its first request, then every 24
        hours until shutdown."""
        await asyncio.to_thread(self.purge)
        task = asyncio.create_task(self._purge_daily())
        try:
            yield
        finally:
            task.cancel()

    async def _purge_daily(self) -> None:
        while True:
            await asyncio.sleep(PURGE_INTERVAL_S)
            await asyncio.to_thread(self.purge)


def _day_of(path: Path) -> date | None:
    match = DAY_FILE.match(path.name)
    if match is None:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None
