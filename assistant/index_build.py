"""Build the search index: chunk, embed (reusing unchanged vectors), write, swap in.

A build is written in full into `builds/<build-id>/`, then the pointer file `CURRENT` is
replaced with os.replace, so a build killed half-way leaves the previous index loadable.
One build runs at a time per index folder (a file lock).
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import secrets
import shutil
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import faiss
import numpy as np

from assistant.bm25 import BM25Index
from assistant.chunking import chunk, embedding_prefix, sentence_inputs
from assistant.corpus import load_corpus
from assistant.embeddings import Embedder
from assistant.errors import CorpusError, IndexCorruptError
from assistant.index import BUILDS, CURRENT, CorpusIndex, live_folder, load_index, read_manifest
from assistant.manifest import (
    BuildConfig,
    Staleness,
    compare,
    corpus_digest,
    corpus_hashes,
    sha256_file,
    sha256_text,
)
from assistant.models import Document, Passage

log = logging.getLogger(__name__)

ARTIFACTS = (
    "passages.jsonl",
    "sources.json",
    "passage_vectors.npy",
    "sentence_vectors.npy",
    "vector_keys.json",
    "dense.faiss",
    "bm25.npz",
    "bm25_vocabulary.json",
)
HNSW_NEIGHBOURS = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 128  # recall@10 >= 0.95 at 100k passages (bench/results.md); saved in the file
AUTO_HNSW_MIN_PASSAGES = 20_000  # below this, exact search is fast enough (see docs/scaling.md)


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did: how many passages it embedded and how many it reused."""

    build_id: str
    passages: int
    embedded_passages: int
    reused_passages: int
    embedded_sentences: int
    seconds: float
    staleness: Staleness


def build_index(
    documents: Sequence[Document],
    embedder: Embedder,
    index_dir: Path,
    config: BuildConfig,
    hashes: dict[str, str],
) -> BuildReport:
    """Chunk, embed (reusing vectors of unchanged text), write a new build, swap it live."""
    started = time.perf_counter()
    index_dir.mkdir(parents=True, exist_ok=True)
    with _build_lock(index_dir):
        previous = _previous_vectors(index_dir, config)
        staleness = compare(read_manifest(index_dir), hashes, config)
        passages = [
            p
            for document in documents
            for p in chunk(
                document, max_tokens=config.max_tokens, count_tokens=embedder.count_tokens
            )
        ]
        titles = {document.source_id: document.title for document in documents}
        passage_texts = [
            embedding_prefix(titles[p.source_id], p.section) + p.text for p in passages
        ]
        sentence_texts = [text for passage in passages for text in sentence_inputs(passage)]
        passage_vectors, embedded = _embed_reusing(passage_texts, embedder, previous)
        sentence_vectors, embedded_sentences = _embed_reusing(sentence_texts, embedder, previous)
        build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)
        folder = index_dir / BUILDS / build_id
        folder.mkdir(parents=True)
        contents = _Contents(
            documents, passages, passage_texts + sentence_texts, passage_vectors, sentence_vectors
        )
        _write_build(folder, contents, config, hashes)
        _swap_live(index_dir, build_id)
    return BuildReport(
        build_id,
        len(passages),
        embedded,
        len(passages) - embedded,
        embedded_sentences,
        time.perf_counter() - started,
        staleness,
    )


@dataclass(frozen=True, slots=True)
class _Contents:
    """Everything a build writes; `embedded_texts` are the passage then sentence inputs."""

    documents: Sequence[Document]
    passages: list[Passage]
    embedded_texts: list[str]
    passage_vectors: np.ndarray
    sentence_vectors: np.ndarray


def _write_build(
    folder: Path, contents: _Contents, config: BuildConfig, hashes: dict[str, str]
) -> None:
    """Write every artifact, then the manifest with their hashes (written last)."""
    documents, passages = contents.documents, contents.passages
    passage_vectors, sentence_vectors = contents.passage_vectors, contents.sentence_vectors
    _write(
        folder / "passages.jsonl",
        "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in passages),
    )
    _write(
        folder / "sources.json",
        json.dumps([d.source.to_dict() for d in documents], ensure_ascii=False, indent=1),
    )
    _write(folder / "vector_keys.json", json.dumps([_key(t) for t in contents.embedded_texts]))
    _save_array(folder / "passage_vectors.npy", passage_vectors)
    _save_array(folder / "sentence_vectors.npy", sentence_vectors.astype(np.float16))
    dense = make_dense_index(passage_vectors, config.dense_index)
    faiss.write_index(dense, str(folder / "dense.faiss"))
    BM25Index.build(contents.embedded_texts[: len(passages)]).save(folder)
    per_file = {
        d.source.path: {
            "sha256": hashes[d.source.path],
            "source_id": d.source_id,
            "passages": sum(p.source_id == d.source_id for p in passages),
        }
        for d in documents
    }
    digest = corpus_digest(hashes)
    manifest = {
        "format": config.describe()["format"],
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "config": config.describe(),
        "config_signature": config.signature(),
        "corpus_sha256": digest,
        "index_version": f"{digest[:12]}-{config.signature()[:8]}",
        "files": per_file,
        "counts": {
            "documents": len(documents),
            "passages": len(passages),
            "sentences": len(sentence_vectors),
            "dimension": int(passage_vectors.shape[1]),
        },
        "artifacts": {name: sha256_file(folder / name) for name in ARTIFACTS},
    }
    _write(folder / "manifest.json", json.dumps(manifest, indent=1))


def dense_index_kind(setting: str, passages: int) -> str:
    """The dense index to build, flat (exact) or hnsw: auto picks hnsw for large corpora."""
    if setting == "auto":
        return "hnsw" if passages >= AUTO_HNSW_MIN_PASSAGES else "flat"
    return setting


def make_dense_index(vectors: np.ndarray, setting: str) -> faiss.Index:
    """Exact inner-product search, or an HNSW graph for large corpora (see dense_index_kind)."""
    dimension = vectors.shape[1]
    if dense_index_kind(setting, len(vectors)) == "hnsw":
        index = faiss.IndexHNSWFlat(dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
    else:
        index = faiss.IndexFlatIP(dimension)
    index.add(vectors)
    return index


def _embed_reusing(
    texts: list[str], embedder: Embedder, previous: dict[str, np.ndarray]
) -> tuple[np.ndarray, int]:
    """Vectors for `texts`, taking unchanged ones from the previous build; returns the count
    actually embedded."""
    keys = [_key(text) for text in texts]
    missing = [index for index, key in enumerate(keys) if key not in previous]
    fresh = embedder.embed_batch([texts[index] for index in missing]) if missing else None
    rows: list[np.ndarray] = []
    fresh_rows = dict(zip(missing, range(len(missing)), strict=True))
    for index, key in enumerate(keys):
        rows.append(fresh[fresh_rows[index]] if index in fresh_rows else previous[key])
    if not rows:
        raise IndexCorruptError("the corpus produced no passages to index")
    return np.vstack(rows).astype(np.float32), len(missing)


def _previous_vectors(index_dir: Path, config: BuildConfig) -> dict[str, np.ndarray]:
    """Vectors of the live build keyed by text hash, when it used the same model."""
    manifest = read_manifest(index_dir)
    if manifest is None or manifest["config"]["embedding_model"] != config.embedding_model:
        return {}
    try:
        folder = live_folder(index_dir)
        keys = json.loads((folder / "vector_keys.json").read_text("utf-8"))
        vectors = np.concatenate(
            [
                np.load(folder / "passage_vectors.npy"),
                np.load(folder / "sentence_vectors.npy").astype(np.float32),
            ]
        )
    except (OSError, ValueError, IndexCorruptError) as exc:
        log.warning("previous index unreadable, embedding everything again: %s", exc)
        return {}
    if len(keys) != len(vectors):
        return {}
    return dict(zip(keys, vectors, strict=True))


def _key(text: str) -> str:
    return sha256_text(text)[:24]


@contextmanager
def _build_lock(index_dir: Path) -> Iterator[None]:
    """One build at a time per index folder (other processes wait)."""
    with (index_dir / ".build.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _swap_live(index_dir: Path, build_id: str) -> None:
    pointer = index_dir / f"{CURRENT}.tmp"
    _write(pointer, build_id + "\n")
    os.replace(pointer, index_dir / CURRENT)
    _fsync_dir(index_dir)
    for old in (index_dir / BUILDS).iterdir():
        if old.name != build_id:
            shutil.rmtree(old, ignore_errors=True)


def _write(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def _save_array(path: Path, array: np.ndarray) -> None:
    with path.open("wb") as handle:
        np.save(handle, array, allow_pickle=False)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def ensure_index(
    corpus_dir: Path, index_dir: Path, embedder: Embedder, config: BuildConfig
) -> tuple[CorpusIndex, BuildReport | None]:
    """The live index, rebuilt first when stale or unreadable.

    When the corpus has errors, the last good index stays in service only if it was built
    with the same settings and model (its answers are still right for what it holds);
    otherwise this raises, rather than serve an index that does not match."""
    hashes = corpus_hashes(corpus_dir)
    staleness = compare(read_manifest(index_dir), hashes, config)
    report = None
    if staleness.is_stale:
        log.info("index is stale (%s); rebuilding", staleness.describe())
        try:
            documents = load_corpus(corpus_dir)
        except CorpusError:
            if staleness.missing or staleness.config_changed:
                raise
            log.error(
                "corpus has errors (run `assistant corpus check`); serving the last good "
                "index, which does not include the latest edits"
            )
        else:
            report = build_index(documents, embedder, index_dir, config, hashes)
    try:
        return load_index(index_dir), report
    except IndexCorruptError as exc:
        log.error("index unusable (%s); rebuilding it from the corpus", exc)
        report = build_index(load_corpus(corpus_dir), embedder, index_dir, config, hashes)
        return load_index(index_dir), report
