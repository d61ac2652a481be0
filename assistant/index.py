"""The search index on disk: load it, check it against its manifest, report staleness.

Layout under `index_dir`: `builds/<build-id>/` holds complete builds; the file `CURRENT`
names the live one (see index_build.py for how builds are written and swapped in).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import faiss
import numpy as np
from threadpoolctl import ThreadpoolController

from assistant.bm25 import BM25Index, tokenize
from assistant.errors import IndexCorruptError
from assistant.manifest import BuildConfig, Staleness, compare, corpus_hashes, sha256_file
from assistant.models import Hit, Passage, Source

CURRENT = "CURRENT"
BUILDS = "builds"


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
        # Memory-mapped, read through plain ndarray views: indexing a np.memmap builds a
        # memmap object per row, which cost about 0.2 ms per reply.
        self.passage_vectors = np.asarray(np.load(folder / "passage_vectors.npy", mmap_mode="r"))
        self.sentence_vectors = np.asarray(np.load(folder / "sentence_vectors.npy", mmap_mode="r"))
        self._passage_rows = {p.passage_id: row for row, p in enumerate(self.passages)}
        self._by_source: dict[str, list[Passage]] = {}
        for passage in self.passages:
            self._by_source.setdefault(passage.source_id, []).append(passage)
        self._sentence_rows = _sentence_rows(self.passages)
        self._sentence_terms: dict[str, list[frozenset[str]]] = {}
        self._threads = ThreadpoolController()
        self._check_shapes()

    @property
    def version(self) -> str:
        return str(self.manifest["index_version"])

    def search_dense(self, query_vector: np.ndarray, k: int) -> list[Hit]:
        """Top-k passages by cosine similarity (inner product of unit vectors)."""
        k = min(k, len(self.passages))
        with self._threads.limit(limits=1):  # one query: see MiniLMEmbedder.embed_batch
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

    def sentence_terms_of(self, passage_id: str) -> list[frozenset[str]]:
        """Keyword terms of the passage's sentences, in order (tokenised once per process)."""
        terms = self._sentence_terms.get(passage_id)
        if terms is None:
            texts = self.passage_by_id[passage_id].sentence_texts()
            terms = self._sentence_terms[passage_id] = [frozenset(tokenize(t)) for t in texts]
        return terms

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
    """The live build's manifest, or None when there is no readable, well-formed one."""
    try:
        return _manifest_of(live_folder(index_dir))
    except (OSError, ValueError, IndexCorruptError):
        return None


def _manifest_of(folder: Path) -> dict[str, Any]:
    """The folder's manifest; IndexCorruptError when its shape is not what a build writes."""
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    files = manifest.get("files") if isinstance(manifest, dict) else None
    well_formed = (
        isinstance(files, dict)
        and all(
            isinstance(entry, dict) and isinstance(entry.get("sha256"), str)
            for entry in files.values()
        )
        and isinstance(manifest.get("artifacts"), dict)
        and isinstance(manifest.get("config"), dict)
    )
    if not well_formed:
        raise IndexCorruptError(f"the manifest in {folder} is not a build manifest")
    return manifest


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
    manifest = _manifest_of(folder)
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
        return CorpusIndex(folder, _manifest_of(folder))
    except IndexCorruptError:
        raise
    except (OSError, ValueError, KeyError, RuntimeError) as exc:
        raise IndexCorruptError(f"index at {folder} cannot be read ({exc}); rebuild it") from exc


def _sentence_rows(passages: list[Passage]) -> dict[str, int]:
    rows, position = {}, 0
    for passage in passages:
        rows[passage.passage_id] = position
        position += len(passage.sentences)
    return rows
