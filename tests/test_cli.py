"""The command line, in process (real model and index on the fixture corpus)."""

import json

import pytest

from assistant.cli import main


@pytest.fixture
def env(monkeypatch, fresh_settings):
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(fresh_settings.corpus_dir))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(fresh_settings.index_dir))
    monkeypatch.chdir(fresh_settings.corpus_dir.parent)
    return fresh_settings


@pytest.mark.slow
def test_index_then_check_then_stale(env, capsys):
    assert main(["index", "--check"]) == 1  # nothing built yet
    assert main(["index"]) == 0
    assert "built" in capsys.readouterr().out
    assert main(["index", "--check"]) == 0
    (env.corpus_dir / "notes" / "weight.md").write_text(
        (env.corpus_dir / "notes" / "weight.md").read_text() + "\nMore text here.\n"
    )
    assert main(["index", "--check"]) == 1
    assert "changed: notes/weight.md" in capsys.readouterr().out


@pytest.mark.slow
def test_ask_json_prints_the_reply_contract(env, capsys):
    assert main(["ask", "What is knee-spine syndrome?", "--json"]) == 0
    reply = json.loads(capsys.readouterr().out)
    assert reply["kind"] == "answer"
    assert reply["citations"]
    assert reply["disclaimer"]


@pytest.mark.slow
def test_ask_with_history_file(env, capsys, tmp_path):
    history = tmp_path / "history.json"
    history.write_text(json.dumps([{"role": "user", "content": "Is weight linked to back pain?"}]))
    assert main(["ask", "what about the knee?", "--history-file", str(history), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "answer"


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        pytest.param("{not json", "not valid UTF-8 JSON", id="broken"),
        pytest.param('{"role": "user"}', "history", id="not-a-list"),
        pytest.param('[{"role": "robot", "content": "x"}]', "role", id="bad-role"),
        pytest.param(None, "cannot read history file", id="missing-file"),
    ],
)
def test_bad_history_file_is_a_clear_error(env, capsys, tmp_path, content, fragment):
    path = tmp_path / "history.json"
    if content is not None:
        path.write_text(content)
    assert main(["ask", "hello", "--history-file", str(path)]) == 2
    assert fragment in capsys.readouterr().err


def test_empty_question_is_rejected(env, capsys):
    assert main(["ask", "   "]) == 2
    assert "empty" in capsys.readouterr().err


def test_bad_setting_is_reported_not_raised(env, capsys, monkeypatch):
    monkeypatch.setenv("ASSISTANT_RETRIEVAL_K", "lots")
    assert main(["index", "--check"]) == 2
    assert "retrieval_k" in capsys.readouterr().err


def test_corpus_check_reports_a_broken_note(env, capsys):
    note = env.corpus_dir / "notes" / "weight.md"
    note.write_text(note.read_text().replace("review_due: 2027-01-10", "review_due: soon"))
    assert main(["corpus", "check"]) != 0
    assert "notes/weight.md" in capsys.readouterr().err


def test_missing_model_is_a_one_line_startup_error(env, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_EMBEDDING_MODEL", str(tmp_path / "no-model"))
    assert main(["serve", "--port", "1"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: embedding model")
    assert "Traceback" not in error
