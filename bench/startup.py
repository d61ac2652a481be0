"""Cold start (process start -> first answer, in a subprocess), full index build throughput
and the incremental update after one note changes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from assistant.chain import build_config, build_embedder
from assistant.config import Settings
from assistant.corpus import load_corpus
from assistant.embeddings import SMALL_BATCH, Embedder
from assistant.index_build import BuildReport, build_index
from assistant.manifest import corpus_hashes

COLD_START_QUESTION = "Do I need an MRI for my back pain?"
EDITED_SENTENCE = " Most people find that gentle activity helps."


def cold_start(env: Mapping[str, str]) -> dict[str, Any]:
    """`assistant ask --json` from process start to its answer, with its peak memory."""
    with tempfile.TemporaryDirectory() as scratch:
        peak_file = Path(scratch) / "peak"
        command = ["-m", "bench.peak", str(peak_file), "assistant.cli", "ask", "--json"]
        started = time.perf_counter()
        finished = subprocess.run(
            [sys.executable, *command, COLD_START_QUESTION],
            env={**os.environ, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - started
        if finished.returncode != 0 or b'"kind": "answer"' not in finished.stdout:
            raise RuntimeError(f"cold start failed (exit {finished.returncode})")
        return {"seconds": round(seconds, 2), "peak_rss_mb": float(peak_file.read_text())}


def _report(report: BuildReport, texts_embedded: int) -> dict[str, Any]:
    return {
        "seconds": round(report.seconds, 2),
        "passages": report.passages,
        "embedded_passages": report.embedded_passages,
        "embedded_sentences": report.embedded_sentences,
        "passages_per_s": round(report.passages / report.seconds, 1),
        "texts_embedded_per_s": round(texts_embedded / report.seconds, 1),
    }


def build_and_update(settings: Settings, workdir: Path, keep: Path) -> dict[str, Any]:
    """A full build of a copy of the corpus (copied to `keep` for the other measurements),
    then the rebuild after one note is edited."""
    corpus = workdir / "corpus"
    shutil.copytree(settings.corpus_dir, corpus)
    settings = settings.replace(corpus_dir=corpus, index_dir=workdir / "index")
    embedder, config = build_embedder(settings), build_config(settings)
    _load_model(embedder)
    full = build_index(
        load_corpus(corpus), embedder, settings.index_dir, config, corpus_hashes(corpus)
    )
    shutil.copytree(settings.index_dir, keep)
    note = _edit_one_note(corpus)
    update = build_index(
        load_corpus(corpus), embedder, settings.index_dir, config, corpus_hashes(corpus)
    )
    return {
        "full": _report(full, full.embedded_passages + full.embedded_sentences),
        "incremental": {
            **_report(update, update.embedded_passages + update.embedded_sentences),
            "edited_note": note,
            "share_of_full_build": round(update.seconds / full.seconds, 3),
        },
    }


def _load_model(embedder: Embedder) -> None:
    """Load both embedding paths (batches and single queries) before a build is timed: the
    builds then measure their own work, alike; loading the model is cold start's figure."""
    embedder.embed_batch([EDITED_SENTENCE] * (SMALL_BATCH + 1))
    embedder.embed_batch([EDITED_SENTENCE])


def _edit_one_note(corpus: Path) -> str:
    """Add a sentence at the end of the first reference note."""
    note = sorted((corpus / "references").glob("*.md"))[0]
    note.write_text(note.read_text("utf-8").rstrip() + EDITED_SENTENCE + "\n", "utf-8")
    return note.name
