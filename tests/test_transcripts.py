"""The opt-in transcript store: redaction, file modes, retention purge, off by default."""

from __future__ import annotations

import json
import stat
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from assistant.chain import Assistant
from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.models import Citation, Reply, ReplyKind
from assistant.transcripts import TranscriptStore, redact
from assistant.web.app import create_app

NOW = datetime(2026, 5, 31, 14, 30, tzinfo=UTC)
REPLY = Reply(
    ReplyKind.ANSWER,
    "Keep moving [1].",
    (Citation(1, "p-1", "note", "Note", "Intro", None, "Keep moving.", 0.8),),
    index_version="abc+123",
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "mail me at jo.bloggs+knee@mail.example.org", "mail me at [email]", id="email"
        ),
        pytest.param("call 07700 900123 please", "call [phone] please", id="uk-mobile"),
        pytest.param("ring +44 7700 900123", "ring [phone]", id="international"),
        pytest.param("on (020) 7946 0958 today", "on [phone] today", id="brackets"),
        pytest.param("or 555-123-4567", "or [phone]", id="us-dashes"),
        pytest.param("born 12/03/1980", "born [date]", id="dob-slashes"),
        pytest.param("dob 1980-03-12.", "dob [date].", id="dob-iso"),
        pytest.param("born on 12 March 1980", "born on [date]", id="dob-words"),
        pytest.param("born March 12, 1980", "born [date]", id="dob-us-words"),
        pytest.param("born the 3rd of Dec 80", "born the [date]", id="dob-ordinal"),
        pytest.param("NHS number 9434765919", "NHS number [number]", id="nhs-number"),
        pytest.param("MRN 123456 ok", "MRN [number] ok", id="six-digits"),
        pytest.param(
            "walk 10-15 minutes, 2 to 3 times", "walk 10-15 minutes, 2 to 3 times", id="figures"
        ),
        pytest.param("L5-S1 disc, age 54, 400 mg", "L5-S1 disc, age 54, 400 mg", id="clinical"),
        pytest.param(
            "rest 30 - 60 minutes since 2019", "rest 30 - 60 minutes since 2019", id="ranges"
        ),
    ],
)
def test_redact_replaces_contact_details_dates_and_long_numbers(text, expected):
    assert redact(text) == expected


def test_record_appends_one_redacted_line_per_message(tmp_path):
    store = TranscriptStore(tmp_path / "t", retention_days=30, clock=lambda: NOW)
    store.record("my email is a@b.example and my knee hurts", REPLY)
    path = store.record("what about swimming?", REPLY)
    assert path == tmp_path / "t" / "2026-05-31.jsonl"
    first, second = (json.loads(line) for line in path.read_text().splitlines())
    assert first == {
        "at": "2026-05-31T14:30:00+00:00",
        "message": "my email is [email] and my knee hurts",
        "kind": "answer",
        "red_flags": [],
        "passage_ids": ["p-1"],
        "index_version": "abc+123",
    }
    assert second["message"] == "what about swimming?"


def test_transcript_files_are_private_to_the_server_user(tmp_path):
    store = TranscriptStore(tmp_path / "t", retention_days=30, clock=lambda: NOW)
    path = store.record("knee", REPLY)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700


def test_concurrent_records_never_interleave(tmp_path):
    store = TranscriptStore(tmp_path, retention_days=30, clock=lambda: NOW)
    messages = [f"message {n} " + "x" * 2000 for n in range(200)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda message: store.record(message, REPLY), messages))
    lines = (tmp_path / "2026-05-31.jsonl").read_text().splitlines()
    assert sorted(json.loads(line)["message"] for line in lines) == sorted(messages)


def test_purge_deletes_day_files_past_the_retention_period_only(tmp_path):
    store = TranscriptStore(tmp_path, retention_days=7, clock=lambda: NOW)
    days = {age: (NOW - timedelta(days=age)).date().isoformat() for age in (0, 6, 7, 30)}
    for day in days.values():
        (tmp_path / f"{day}.jsonl").write_text("{}\n")
    (tmp_path / "notes.txt").write_text("not a transcript")
    removed = store.purge()
    assert sorted(path.name for path in removed) == [f"{days[30]}.jsonl", f"{days[7]}.jsonl"]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        f"{days[6]}.jsonl",
        f"{days[0]}.jsonl",
        "notes.txt",
    ]


def test_transcript_settings_are_off_by_default_and_validated():
    settings = Settings()
    assert settings.keep_transcripts is False
    loaded = Settings.load(env={"ASSISTANT_KEEP_TRANSCRIPTS": "true"})
    assert loaded.keep_transcripts is True
    assert loaded.signature() == settings.signature()  # where transcripts go is not an answer
    with pytest.raises(ConfigError, match="transcripts_retention_days"):
        Settings(transcripts_retention_days=0).validate()


def chat(client: TestClient, message: str) -> None:
    response = client.post("/api/chat", json={"message": message, "history": []})
    assert response.status_code == 200


@pytest.mark.slow
def test_api_keeps_no_transcript_by_default(fixture_assistant, embedder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = fixture_assistant.settings.replace(transcripts_dir=tmp_path / "transcripts")
    app = create_app(Assistant(settings, fixture_assistant.index, embedder))
    with TestClient(app) as client:
        chat(client, "Does water exercise help knee arthritis? call 07700 900123")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_api_records_redacted_messages_and_purges_at_startup_when_enabled(
    fixture_assistant, embedder, tmp_path
):
    folder = tmp_path / "transcripts"
    folder.mkdir()
    old = folder / "2000-01-01.jsonl"
    old.write_text("{}\n")
    settings = fixture_assistant.settings.replace(
        keep_transcripts=True, transcripts_dir=folder, transcripts_retention_days=30
    )
    app = create_app(Assistant(settings, fixture_assistant.index, embedder))
    with TestClient(app) as client:
        assert not old.exists()
        chat(client, "Does water exercise help knee arthritis? call 07700 900123")
    (today,) = folder.iterdir()
    record = json.loads(today.read_text())
    assert record["message"] == "Does water exercise help knee arthritis? call [phone]"
    assert record["kind"] == "answer"
    assert record["passage_ids"]
