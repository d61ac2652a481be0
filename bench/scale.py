"""Scale: synthetic corpora of 1k/10k/100k passages, each built and queried in fresh
subprocesses (so peak memory is per phase): build time, size on disk, memory, query
latency for exact (flat) and HNSW search, and HNSW recall@10 against exact search.

    python -m bench.scale build|query WORKDIR PASSAGES   (run by bench.run)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from assistant.chain import Assistant
from assistant.config import Settings
from assistant.embeddings import MiniLMEmbedder
from assistant.index import load_index
from assistant.index_build import build_index, dense_index_kind, make_dense_index
from assistant.manifest import BuildConfig
from bench.inprocess import answerable_cases
from bench.measure import own_peak_rss_mb, process_memory_mb, size_mb, summary, time_each
from bench.synthetic import (
    SampledEmbedder,
    SentenceSample,
    document_hashes,
    synthetic_documents,
)

SAMPLE_FILE = "sample.npz"
RESULT_FILE = "{phase}.json"
RECALL_DEPTH = 10
SEED = 20261125


def save_sample(sample: SentenceSample, root: Path) -> None:
    """Saved once in the scale folder; each size's workdir is a subfolder of it."""
    root.mkdir(parents=True, exist_ok=True)
    np.savez(root / SAMPLE_FILE, texts=np.array(sample.texts), vectors=sample.vectors)


def _load_sample(workdir: Path) -> SentenceSample:
    data = np.load(workdir.parent / SAMPLE_FILE)
    return SentenceSample([str(text) for text in data["texts"]], data["vectors"])


def run_scale(workdir: Path, passages: int, dataset: Path) -> dict[str, Any]:
    """Both phases for one corpus size, each in its own process."""
    result: dict[str, Any] = {"requested_passages": passages}
    for phase in ("build", "query"):
        subprocess.run(
            [sys.executable, "-m", "bench.scale", phase, str(workdir), str(passages), str(dataset)],
            check=True,
            env={**os.environ},
        )
        result[phase] = json.loads((workdir / RESULT_FILE.format(phase=phase)).read_text())
    return result


def build_phase(workdir: Path, passages: int) -> dict[str, Any]:
    """Index the synthetic corpus (exact dense index), then time an HNSW graph over it."""
    real, sample = MiniLMEmbedder(), _load_sample(workdir)
    documents = synthetic_documents(sample.texts, passages, seed=SEED)
    embedder = SampledEmbedder(real, sample)
    config = BuildConfig(real.name, Settings().max_tokens, "flat")
    report = build_index(documents, embedder, workdir / "index", config, document_hashes(documents))
    vectors = np.load(next((workdir / "index").glob("builds/*/passage_vectors.npy")))
    started = time.perf_counter()
    hnsw = make_dense_index(vectors, "hnsw")
    hnsw_seconds = time.perf_counter() - started
    faiss.write_index(hnsw, str(workdir / "hnsw.faiss"))
    folder = next((workdir / "index").glob("builds/*"))
    return {
        "passages": report.passages,
        "sentences": report.embedded_sentences,
        "build_seconds_without_graph": round(report.seconds, 2),
        "hnsw_graph_seconds": round(hnsw_seconds, 2),
        "auto_chooses": dense_index_kind("auto", report.passages),
        "index_size_mb": size_mb(folder),
        "flat_size_mb": size_mb(folder / "dense.faiss"),
        "hnsw_size_mb": size_mb(workdir / "hnsw.faiss"),
        "build_peak_rss_mb": own_peak_rss_mb(),
    }


def query_phase(workdir: Path, dataset: Path) -> dict[str, Any]:
    """Load the index, then time flat and HNSW search and whole replies on real questions."""
    cases = answerable_cases(dataset)
    embedder = MiniLMEmbedder()
    embedder.warm_up()
    before = process_memory_mb(os.getpid())["rss_mb"]
    index = load_index(workdir / "index")
    loaded = process_memory_mb(os.getpid())["rss_mb"]
    hnsw = faiss.read_index(str(workdir / "hnsw.faiss"))
    with_hnsw = process_memory_mb(os.getpid())["rss_mb"]
    # One question at a time: the query graph a server uses (no torch in this process).
    queries = np.vstack([embedder.embed_batch([case.message]) for case in cases])
    _, truth = index.dense.search(queries, RECALL_DEPTH)
    _, found = hnsw.search(queries, RECALL_DEPTH)
    recall = np.mean(
        [len(set(t) & set(f)) / RECALL_DEPTH for t, f in zip(truth, found, strict=True)]
    )
    assistant = Assistant(Settings(index_dir=workdir / "index"), index, embedder)
    k = assistant.settings.candidate_k
    timings = {}
    for name, dense in (("flat", index.dense), ("hnsw", hnsw)):
        index.dense = dense  # the same search and replies over each dense index
        timings[f"{name}_search"] = summary(time_each(queries, lambda q: index.search_dense(q, k)))
        timings[f"{name}_reply"] = summary(
            time_each(cases, lambda case: assistant.reply(case.message, case.history))
        )
    return {
        "index_load_rss_mb": round(loaded - before, 1),
        "hnsw_load_rss_mb": round(with_hnsw - loaded, 1),
        "hnsw_recall_at_10": round(float(recall), 4),
        **timings,
        "query_peak_rss_mb": own_peak_rss_mb(),
    }


def main(argv: list[str]) -> int:
    phase, workdir, passages, dataset = argv[0], Path(argv[1]), int(argv[2]), Path(argv[3])
    workdir.mkdir(parents=True, exist_ok=True)
    result = build_phase(workdir, passages) if phase == "build" else query_phase(workdir, dataset)
    (workdir / RESULT_FILE.format(phase=phase)).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
