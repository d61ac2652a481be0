"""Hostile CLI inputs (history files, questions, options, settings): a one-line error and a
non-zero exit, never a traceback. Every case fails before the model is loaded."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.cli import main

TURN = {"role": "user", "content": "My knee hurts."}
FileMaker = Callable[[Path], Path]


def write(content: bytes | str) -> FileMaker:
    def make(folder: Path) -> Path:
        path = folder / "history.json"
        data = content.encode() if isinstance(content, str) else content
        path.write_bytes(data)
        return path

    return make


def history(turns: object) -> FileMaker:
    return write(json.dumps(turns))


HISTORY_FILES = [
    pytest.param(lambda folder: folder / "missing.json", "No such file", id="missing"),
    pytest.param(lambda folder: folder, "Is a directory", id="a-folder"),
    pytest.param(lambda folder: Path("/dev/zero"), "byte limit", id="endless-device"),
    pytest.param(write(b"\x00\xff\xfe\x89PNG\r\n\x1a\n"), "not valid UTF-8 JSON", id="binary"),
    pytest.param(write("[]".encode("utf-16")), "not valid UTF-8 JSON", id="utf-16"),
    pytest.param(write(""), "not valid UTF-8 JSON", id="empty"),
    pytest.param(write("role: user\ncontent: hi"), "not valid UTF-8 JSON", id="yaml"),
    pytest.param(write("[" * 100_000 + "]" * 100_000), "not valid UTF-8 JSON", id="deep-nesting"),
    pytest.param(write(" " * 300_000 + "[]"), "byte limit", id="over-the-size-limit"),
    pytest.param(history({"role": "user"}), "must be a list", id="an-object"),
    pytest.param(history("user: hi"), "must be a list", id="a-string"),
    pytest.param(history(["hi"]), r"history\[0\] must be", id="list-of-strings"),
    pytest.param(history([["user", "hi"]]), r"history\[0\] must be", id="list-of-lists"),
    pytest.param(history([{**TURN, "role": "system"}]), "user or assistant", id="system-role"),
    pytest.param(history([{**TURN, "role": ["user"]}]), "user or assistant", id="role-a-list"),
    pytest.param(history([{**TURN, "content": 7}]), "must be a string", id="content-a-number"),
    pytest.param(history([{**TURN, "time": 1}]), r"history\[0\] must be", id="extra-key"),
    pytest.param(history([TURN] * 1000), "1000 turns; the limit is 50", id="1000-turns"),
    pytest.param(history([{**TURN, "content": "x" * 4001}]), "the limit is 4000", id="long-turn"),
    pytest.param(
        write('[{"role": "user", "content": "\\ud800"}]'), "not valid Unicode", id="surrogate"
    ),
]


@pytest.fixture
def in_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder with no ASSISTANT_* settings from the caller's environment."""
    monkeypatch.chdir(tmp_path)
    for name in [name for name in os.environ if name.startswith("ASSISTANT_")]:
        monkeypatch.delenv(name)
    return tmp_path


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.err


@pytest.mark.parametrize(("make_file", "expected"), HISTORY_FILES)  # expected: a regex
def test_bad_history_file_is_a_clear_error(in_empty_folder, capsys, make_file, expected):
    path = make_file(in_empty_folder)
    code, err = run_main(["ask", "Does walking help?", "--history-file", str(path)], capsys)
    assert code != 0
    assert err.startswith("error: ")
    assert err.count("\n") == 1
    assert re.search(expected, err), err


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        pytest.param("", "the message is empty", id="empty"),
        pytest.param(" \t\n ", "the message is empty", id="blank"),
        pytest.param("\x01\x07\x1b\x7f", "the message is empty", id="control-characters"),
        pytest.param("k" * 4001, "the limit is 4000", id="too-long"),
        pytest.param("knee \udcff pain", "not valid Unicode", id="undecodable-argv-byte"),
    ],
)
def test_bad_question_is_a_clear_error(in_empty_folder, capsys, question, expected):
    code, err = run_main(["ask", question], capsys)
    assert code != 0
    assert expected in err


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        pytest.param(["--config", "."], {}, "cannot read config file", id="config-a-folder"),
        pytest.param(["--config", "nope.toml"], {}, "config file not found", id="config-missing"),
        pytest.param(
            [], {"ASSISTANT_CONFIG": "."}, "cannot read config file", id="env-config-folder"
        ),
        pytest.param([], {"ASSISTANT_NOPE": "1"}, "unknown setting(s): nope", id="unknown-setting"),
        pytest.param([], {"ASSISTANT_RETRIEVAL_K": "many"}, "retrieval_k", id="not-a-number"),
        pytest.param([], {"ASSISTANT_RETRIEVAL_K": "0"}, "retrieval_k must be >= 1", id="zero"),
    ],
)
def test_bad_settings_are_a_clear_error(in_empty_folder, capsys, monkeypatch, argv, env, expected):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code, err = run_main([*argv, "ask", "Does walking help?"], capsys)
    assert code != 0
    assert expected in err


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["ask"], id="no-question"),
        pytest.param(["ask", "hi", "--history-file"], id="option-without-value"),
        pytest.param(["ask", "hi", "--bogus"], id="unknown-option"),
        pytest.param(["frobnicate"], id="unknown-command"),
        pytest.param([], id="no-command"),
    ],
)
def test_bad_arguments_print_usage_and_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: assistant")
    assert "Traceback" not in err


def run_cli(args: list[bytes | str], folder: Path) -> subprocess.CompletedProcess[bytes]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("ASSISTANT_")}
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param([b"ask", b"knee \xff\xfe pain"], b"not valid Unicode", id="invalid-utf8-argv"),
        pytest.param([b"ask", b"hi", b"--history-file", b"/dev/zero"], b"byte limit", id="endless"),
        pytest.param([b"--config", b".", b"ask", b"hi"], b"cannot read config", id="config-folder"),
    ],
)
def test_the_real_process_exits_non_zero_with_one_line_and_no_traceback(tmp_path, args, expected):
    result = run_cli(args, tmp_path)
    assert result.returncode != 0
    assert result.stderr.startswith(b"error: ")
    assert expected in result.stderr
    assert b"Traceback" not in result.stderr
