"""Real model, real FAISS: incremental, atomic and checkable index builds."""

import json
import os
import signal
import subprocess
import sys

import faiss
import numpy as np
import pytest

from assistant.chain import build_config
from assistant.corpus import load_corpus
from assistant.errors import IndexCorruptError
from assistant.index import check_index, live_folder, load_index
from assistant.index_build import build_index, ensure_index
from assistant.manifest import corpus_hashes

pytestmark = pytest.mark.slow


def build(settings, embedder):
    return build_index(
        load_corpus(settings.corpus_dir),
        embedder,
        settings.index_dir,
        build_config(settings),
        corpus_hashes(settings.corpus_dir),
    )


def test_first_build_embeds_every_passage(fresh_settings, counting_embedder):
    report = build(fresh_settings, counting_embedder)
    index = load_index(fresh_settings.index_dir)
    assert report.embedded_passages == report.passages == len(index.passages) > 5
    assert index.dense.ntotal == len(index.passages)
    assert index.manifest["counts"]["documents"] == 5


def test_unchanged_corpus_embeds_nothing(fresh_settings, counting_embedder):
    build(fresh_settings, counting_embedder)
    counting_embedder.embedded.clear()
    report = build(fresh_settings, counting_embedder)
    assert report.embedded_passages == 0
    assert counting_embedder.embedded == []


def test_one_changed_file_re_embeds_only_its_passages(fresh_settings, counting_embedder):
    build(fresh_settings, counting_embedder)
    note = fresh_settings.corpus_dir / "notes" / "weight.md"
    note.write_text(note.read_text().replace("about 11 percent", "about eleven percent"))
    counting_embedder.embedded.clear()
    report = build(fresh_settings, counting_embedder)
    index = load_index(fresh_settings.index_dir)
    changed = [p for p in index.passages if "eleven percent" in p.text]
    assert report.embedded_passages == len(changed) == 1
    assert all("eleven percent" in text for text in counting_embedder.embedded)


def test_check_reports_added_changed_removed_and_config(fresh_settings, counting_embedder):
    build(fresh_settings, counting_embedder)
    config = build_config(fresh_settings)
    assert not check_index(fresh_settings.corpus_dir, fresh_settings.index_dir, config).is_stale
    notes = fresh_settings.corpus_dir / "notes"
    (notes / "weight.md").unlink()
    (notes / "copy.md").write_text(
        (notes / "exercise-knee.md").read_text().replace("id: exercise-knee", "id: copy")
    )
    staleness = check_index(fresh_settings.corpus_dir, fresh_settings.index_dir, config)
    assert (staleness.added, staleness.removed) == (("notes/copy.md",), ("notes/weight.md",))
    other = build_config(fresh_settings.replace(max_tokens=120))
    assert check_index(fresh_settings.corpus_dir, fresh_settings.index_dir, other).config_changed


def test_damaged_file_is_detected_and_rebuilt(fresh_settings, counting_embedder):
    build(fresh_settings, counting_embedder)
    folder = live_folder(fresh_settings.index_dir)
    (folder / "dense.faiss").write_bytes(b"garbage")
    config = build_config(fresh_settings)
    assert check_index(fresh_settings.corpus_dir, fresh_settings.index_dir, config).damaged
    with pytest.raises(IndexCorruptError, match=r"dense\.faiss"):
        load_index(fresh_settings.index_dir)
    index, report = ensure_index(
        fresh_settings.corpus_dir, fresh_settings.index_dir, counting_embedder, config
    )
    assert report is not None
    assert index.dense.ntotal == len(index.passages)


def test_failed_write_leaves_previous_index_live(fresh_settings, counting_embedder, monkeypatch):
    build(fresh_settings, counting_embedder)
    before = load_index(fresh_settings.index_dir).version
    note = fresh_settings.corpus_dir / "notes" / "weight.md"
    note.write_text(note.read_text().replace("454 adults", "455 adults"))

    def fail(*_):
        raise OSError("disk full")

    monkeypatch.setattr(faiss, "write_index", fail)
    with pytest.raises(OSError, match="disk full"):
        build(fresh_settings, counting_embedder)
    monkeypatch.undo()
    assert load_index(fresh_settings.index_dir).version == before
    build(fresh_settings, counting_embedder)  # the next build succeeds and cleans up
    builds = list((fresh_settings.index_dir / "builds").iterdir())
    assert len(builds) == 1
    assert load_index(fresh_settings.index_dir).version != before


def test_killed_build_leaves_previous_index_usable(fresh_settings, counting_embedder):
    build(fresh_settings, counting_embedder)
    before = load_index(fresh_settings.index_dir).version
    for note in (fresh_settings.corpus_dir / "notes").glob("*.md"):
        note.write_text(note.read_text() + "\nExtra sentence to force re-embedding here.\n")
    env = {
        **os.environ,
        "ASSISTANT_CORPUS_DIR": str(fresh_settings.corpus_dir),
        "ASSISTANT_INDEX_DIR": str(fresh_settings.index_dir),
    }
    command = [sys.executable, "-m", "assistant.cli", "-v", "index"]
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        for line in process.stderr:  # kill as soon as the rebuild has started: an
            if "rebuilding" in line:  # incremental build can finish in well under a second
                process.send_signal(signal.SIGKILL)
                break
        output, _ = process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert "built" not in output  # killed before the new build went live
    index = load_index(fresh_settings.index_dir)
    assert index.version == before
    assert np.isfinite(index.passage_vector(index.passages[0].passage_id)).all()


def test_manifest_records_hashes_config_and_versions(fresh_settings, counting_embedder):
    build(fresh_settings, counting_embedder)
    manifest = json.loads((live_folder(fresh_settings.index_dir) / "manifest.json").read_text())
    assert set(manifest["files"]) == set(corpus_hashes(fresh_settings.corpus_dir))
    assert manifest["config"]["max_tokens"] == fresh_settings.max_tokens
    assert "faiss-cpu" in manifest["config"]["versions"]
    assert manifest["counts"]["passages"] == sum(f["passages"] for f in manifest["files"].values())
