"""Build and load the search index: FAISS + BM25 + manifest.json, incremental and atomic.

Layout under `index_dir`: `builds/<build-id>/` holds complete builds; the file `CURRENT`
names the live one. A build is written in full, then `CURRENT` is swapped with os.replace,
so a build killed half-way leaves the previous index loadable.
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
from typing import Any

import faiss
import numpy as np

from assistant.bm25 import BM25Index
from assistant.chunking import chunk, embedding_prefix
from assistant.corpus import load_corpus
from assistant.embeddings import Embedder
from assistant.errors import CorpusError, IndexCorruptError
from assistant.manifest import (
    BuildConfig,
    Staleness,
    compare,
    corpus_digest,
    corpus_hashes,
    sha256_file,
    sha256_text,
)
from assistant.models import Document, Hit, Passage, Source

log = logging.getLogger(__name__)

CURRENT = "CURRENT"
BUILDS = "builds"
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


class CorpusIndex:
    """A loaded, read-only index: passages, sources, dense and keyword search."""

    def __init__(self, folder: Path, manifest: dict[str, Any]) -> None:
        self.folder = folder
        self.manifest = manifest
        self.passages = [
            Passage.from_dict(json.loads(line))
            for line in (folder / "passages.jsonl").read_text("utf-8").splitlines()
        ]
        self.passage_by_id = {passage.passage_id: passage for passage in self.passages}
        self.sources = {
            source["source_id"]: Source.from_dict(source)
            for source in json.loads((folder / "sources.json").read_text("utf-8"))
        }
        self.dense = faiss.read_index(str(folder / "dense.faiss"))
        self.bm25 = BM25Index.load(folder)
        self.passage_vectors = np.load(folder / "passage_vectors.npy", mmap_mode="r")
        self.sentence_vectors = np.load(folder / "sentence_vectors.npy", mmap_mode="r")
        self._passage_rows = {p.passage_id: row for row, p in enumerate(self.passages)}
        self._by_source: dict[str, list[Passage]] = {}
        for passage in self.passages:
            self._by_source.setdefault(passage.source_id, []).append(passage)
        self._sentence_rows = _sentence_rows(self.passages)
        self._check_shapes()

    @property
    def version(self) -> str:
        return str(self.manifest["index_version"])

    def search_dense(self, query_vector: np.ndarray, k: int) -> list[Hit]:
        """Top-k passages by cosine similarity (inner product of unit vectors)."""
        k = min(k, len(self.passages))
        scores, rows = self.dense.search(query_vector.reshape(1, -1).astype(np.float32), k)
        return [
            Hit(self.passages[row].passage_id, float(score))
            for score, row in zip(scores[0], rows[0], strict=True)
            if row >= 0
        ]

    def search_bm25(self, query: str, k: int) -> list[Hit]:
        """Top-k passages by BM25 score; passages with score 0 are left out."""
        scores = self.bm25.scores(query)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        ordered = sorted(top, key=lambda row: (-scores[row], row))
        return [
            Hit(self.passages[row].passage_id, float(scores[row]))
            for row in ordered
            if scores[row] > 0
        ]

    def passage_vector(self, passage_id: str) -> np.ndarray:
        return np.asarray(self.passage_vectors[self._passage_rows[passage_id]], dtype=np.float32)

    def passages_of(self, source_id: str) -> list[Passage]:
        return self._by_source.get(source_id, [])

    def sentence_vectors_of(self, passage_id: str) -> np.ndarray:
        """Unit vectors of the passage's sentences, in order (float32)."""
        start = self._sentence_rows[passage_id]
        count = len(self.passage_by_id[passage_id].sentences)
        return np.asarray(self.sentence_vectors[start : start + count], dtype=np.float32)

    def _check_shapes(self) -> None:
        sentences = sum(len(passage.sentences) for passage in self.passages)
        if (
            self.dense.ntotal != len(self.passages)
            or len(self.sentence_vectors) != sentences
            or len(self.passage_vectors) != len(self.passages)
        ):
            raise IndexCorruptError(f"index at {self.folder} has inconsistent sizes; rebuild it")
        if self.bm25.weights.shape[0] != len(self.passages):
            raise IndexCorruptError(f"BM25 index at {self.folder} does not match its passages")


def read_manifest(index_dir: Path) -> dict[str, Any] | None:
    """The live build's manifest, or None when there is no (readable) index."""
    try:
        folder = live_folder(index_dir)
        return json.loads((folder / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError, IndexCorruptError):
        return None


def live_folder(index_dir: Path) -> Path:
    try:
        name = (index_dir / CURRENT).read_text("utf-8").strip()
    except OSError as exc:
        raise IndexCorruptError(f"no index at {index_dir}; run `assistant index`") from exc
    folder = index_dir / BUILDS / Path(name).name
    if not folder.is_dir():
        raise IndexCorruptError(f"{index_dir}/{CURRENT} names a missing build {name!r}")
    return folder


def check_index(corpus_dir: Path, index_dir: Path, config: BuildConfig) -> Staleness:
    """Whether the index matches the corpus and config, and its files their manifest."""
    staleness = compare(read_manifest(index_dir), corpus_hashes(corpus_dir), config)
    if not staleness.is_stale and _damaged_artifacts(index_dir):
        return Staleness(damaged=True)
    return staleness


def _damaged_artifacts(index_dir: Path) -> list[str]:
    folder = live_folder(index_dir)
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    return [
        name
        for name, expected in manifest["artifacts"].items()
        if not (folder / name).is_file() or sha256_file(folder / name) != expected
    ]


def load_index(index_dir: Path) -> CorpusIndex:
    """Load the live build after checking every file against its manifest hash."""
    folder = live_folder(index_dir)
    try:
        damaged = _damaged_artifacts(index_dir)
        if damaged:
            raise IndexCorruptError(f"index files do not match the manifest: {', '.join(damaged)}")
        manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
        return CorpusIndex(folder, manifest)
    except IndexCorruptError:
        raise
    except (OSError, ValueError, KeyError, RuntimeError) as exc:
        raise IndexCorruptError(f"index at {folder} cannot be read ({exc}); rebuild it") from exc


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
        sentence_texts = [text for passage in passages for text in passage.sentence_texts()]
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
    dense = _dense_index(passage_vectors, config.dense_index)
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


def _dense_index(vectors: np.ndarray, kind: str) -> faiss.Index:
    """Exact inner-product search, or HNSW graph search for large corpora ("auto")."""
    dimension = vectors.shape[1]
    if kind == "hnsw" or (kind == "auto" and len(vectors) >= AUTO_HNSW_MIN_PASSAGES):
        index = faiss.IndexHNSWFlat(dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
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


def _sentence_rows(passages: list[Passage]) -> dict[str, int]:
    rows, position = {}, 0
    for passage in passages:
        rows[passage.passage_id] = position
        position += len(passage.sentences)
    return rows


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
    """The live index, rebuilt first when stale or unreadable. A corpus that fails to load
    keeps the last good index in service (logged); with no index at all it raises."""
    hashes = corpus_hashes(corpus_dir)
    staleness = compare(read_manifest(index_dir), hashes, config)
    report = None
    if staleness.is_stale:
        log.info("index is stale (%s); rebuilding", staleness.describe())
        try:
            documents = load_corpus(corpus_dir)
        except CorpusError:
            if staleness.missing:
                raise
            log.exception("corpus has errors; serving the last good index")
        else:
            report = build_index(documents, embedder, index_dir, config, hashes)
    try:
        return load_index(index_dir), report
    except IndexCorruptError as exc:
        log.error("index unusable (%s); rebuilding from the corpus", exc)
        report = build_index(load_corpus(corpus_dir), embedder, index_dir, config, hashes)
        return load_index(index_dir), report
