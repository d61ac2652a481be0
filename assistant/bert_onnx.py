"""Query embeddings for BERT-style sentence-transformers models (e.g. all-MiniLM-L6-v2) on
onnxruntime, from an ONNX graph written at start-up from the model's own weights.

The graph reads the same local files as sentence-transformers (model.safetensors,
tokenizer.json) and gives the same unit vectors (to about 1e-7): token, position and type
embeddings, the encoder layers, mean pooling over the attention mask, L2 normalisation. It is
written to a temporary folder and loaded in about 0.2 s without importing torch, and
onnxruntime embeds one query in about half the time of a NumPy forward pass (it packs the
weight matrices once, where BLAS repacks them on every call). The embedder uses it for small
batches (queries); builds use sentence-transformers.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from assistant import onnx_proto
from assistant.errors import ModelUnavailableError

OPSET = 20  # the first with a Gelu operator
GRAPH_FILE, WEIGHTS_FILE = "query.onnx", "weights.bin"
EXTERNAL_MIN_BYTES = 4096  # larger constants go to the weights file, page-aligned for mapping
PAGE_BYTES = 4096


def supports(path: Path) -> bool:
    """True for a BERT encoder with mean pooling and normalisation, stored as safetensors."""
    try:
        config = json.loads((path / "config.json").read_text("utf-8"))
        pooling = json.loads((path / "1_Pooling" / "config.json").read_text("utf-8"))
        modules = json.loads((path / "modules.json").read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return (
        config.get("model_type") == "bert"
        and config.get("hidden_act") == "gelu"
        and config.get("position_embedding_type", "absolute") == "absolute"
        and pooling.get("pooling_mode_mean_tokens") is True
        and any(m.get("type", "").endswith("Normalize") for m in modules)
        and (path / "model.safetensors").is_file()
    )


def open_session(model: str | bytes, *, threads: int) -> Any:
    """An onnxruntime CPU session on `threads` threads (0: one per core), never spinning:
    idle pool threads spinning after each run burned about 15 ms of CPU per query, a core
    taken from other requests, other workers and other processes."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3  # errors only
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])


class OnnxBert:
    """Mean-pooled, L2-normalised BERT sentence embeddings on one onnxruntime thread."""

    def __init__(self, path: Path) -> None:
        from tokenizers import Tokenizer

        settings = json.loads((path / "sentence_bert_config.json").read_text("utf-8"))
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(int(settings.get("max_seq_length", 256)))
        # From files, not bytes: a session keeps the bytes it was made from for as long as it
        # lives, while weights in a file are mapped and only the rows used become resident.
        try:
            with tempfile.TemporaryDirectory() as folder:
                self.session = open_session(str(write_graph(path, Path(folder))), threads=1)
        except OSError as exc:
            raise ModelUnavailableError(
                f"cannot write the query graph to a temporary folder ({exc}); "
                "point TMPDIR at a writable folder with 100 MB free"
            ) from exc

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(list(texts))
        length = max(len(encoding.ids) for encoding in encodings)
        ids = np.zeros((len(encodings), length), dtype=np.int64)
        mask = np.zeros((len(encodings), length), dtype=np.int64)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        (vectors,) = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
        return vectors


def write_graph(path: Path, folder: Path) -> Path:
    """Write the ONNX model of the model at `path` into `folder`: (input_ids, attention_mask)
    -> unit sentence vectors. Weights are copied one at a time into a page-aligned data file
    beside the graph, so no more than one of them is held in memory at once."""
    from safetensors import safe_open

    config = json.loads((path / "config.json").read_text("utf-8"))
    with (
        safe_open(str(path / "model.safetensors"), framework="numpy") as weights,
        (folder / WEIGHTS_FILE).open("wb") as data,
    ):
        model = _build(config, _Graph(weights.get_tensor, data, float(config["layer_norm_eps"])))
    graph_file = folder / GRAPH_FILE
    graph_file.write_bytes(model)
    return graph_file


def _build(config: dict[str, Any], graph: _Graph) -> bytes:
    hidden = graph.embeddings("input_ids")
    mask = graph.node("Cast", ["attention_mask"], to=onnx_proto.FLOAT)
    padding = graph.padding(mask)
    heads, width = int(config["num_attention_heads"]), int(config["hidden_size"])
    for layer in range(int(config["num_hidden_layers"])):
        hidden = graph.layer(hidden, f"encoder.layer.{layer}.", padding, heads, width)
    graph.mean_pool(hidden, mask, output="embedding")
    inputs = [
        onnx_proto.value_info(name, onnx_proto.INT64, ["batch", "length"])
        for name in ("input_ids", "attention_mask")
    ]
    output = onnx_proto.value_info("embedding", onnx_proto.FLOAT, ["batch", width])
    return onnx_proto.model(
        "sentence-embedding", graph.nodes, graph.constants, inputs, [output], opset=OPSET
    )


class _Graph:
    """Nodes and constants of the graph being built; each node's output is named after it."""

    def __init__(self, weight: Callable[[str], np.ndarray], data: BinaryIO, eps: float) -> None:
        self.weight = weight
        self.data = data
        self.eps = eps
        self.nodes: list[bytes] = []
        self.constants: list[bytes] = []

    def constant(self, value: Any) -> str:
        """A constant tensor: in the graph when small, in the data file otherwise."""
        name, array = f"c{len(self.constants)}", np.asarray(value)
        if array.nbytes < EXTERNAL_MIN_BYTES:
            self.constants.append(onnx_proto.tensor(name, array))
            return name
        offset = -self.data.tell() % PAGE_BYTES + self.data.tell()  # the next page boundary
        self.data.seek(offset)
        self.data.write(onnx_proto.little_endian(array))
        where = {"location": WEIGHTS_FILE, "offset": str(offset), "length": str(array.nbytes)}
        self.constants.append(onnx_proto.external_tensor(name, array.dtype, array.shape, where))
        return name

    def node(self, op: str, inputs: list[str], output: str = "", **attributes: Any) -> str:
        output = output or f"n{len(self.nodes)}"
        self.nodes.append(onnx_proto.node(op, inputs, output, attributes))
        return output

    def dense(self, x: str, name: str) -> str:
        weight = self.constant(self.weight(f"{name}.weight").T)
        return self.node(
            "Add", [self.node("MatMul", [x, weight]), self.constant(self.weight(f"{name}.bias"))]
        )

    def norm(self, x: str, name: str) -> str:
        scale, bias = self.weight(f"{name}.weight"), self.weight(f"{name}.bias")
        return self.node(
            "LayerNormalization",
            [x, self.constant(scale), self.constant(bias)],
            axis=-1,
            epsilon=self.eps,
        )

    def embeddings(self, ids: str) -> str:
        """Word + position + token-type (0) embeddings, normalised."""
        length = self.node("Squeeze", [self.node("Shape", [ids], start=1, end=2)])
        positions = self.node(
            "Range", [self.constant(np.int64(0)), length, self.constant(np.int64(1))]
        )
        words = self.node(
            "Gather", [self.constant(self.weight("embeddings.word_embeddings.weight")), ids]
        )
        places = self.node(
            "Gather",
            [self.constant(self.weight("embeddings.position_embeddings.weight")), positions],
        )
        token_type = self.constant(self.weight("embeddings.token_type_embeddings.weight")[0])
        summed = self.node("Add", [self.node("Add", [words, places]), token_type])
        return self.norm(summed, "embeddings.LayerNorm")

    def padding(self, mask: str) -> str:
        """-1e9 on padded positions, shaped to add to attention scores."""
        masked_out = self.node("Sub", [self.constant(np.float32(1.0)), mask])
        scaled = self.node("Mul", [masked_out, self.constant(np.float32(-1e9))])
        return self.node("Unsqueeze", [scaled, self.constant(np.array([1, 2], dtype=np.int64))])

    def layer(self, x: str, prefix: str, padding: str, heads: int, width: int) -> str:
        """One encoder layer: self-attention, then the feed-forward block (exact GELU)."""
        size = width // heads
        split = self.constant(np.array([0, 0, heads, size], dtype=np.int64))

        def project(name: str, order: list[int]) -> str:
            projected = self.dense(x, f"{prefix}attention.self.{name}")
            return self.node("Transpose", [self.node("Reshape", [projected, split])], perm=order)

        query, key = project("query", [0, 2, 1, 3]), project("key", [0, 2, 3, 1])
        value = project("value", [0, 2, 1, 3])
        scores = self.node(
            "Mul", [self.node("MatMul", [query, key]), self.constant(np.float32(size**-0.5))]
        )
        weights = self.node("Softmax", [self.node("Add", [scores, padding])], axis=-1)
        context = self.node("Transpose", [self.node("MatMul", [weights, value])], perm=[0, 2, 1, 3])
        merged = self.node(
            "Reshape", [context, self.constant(np.array([0, 0, width], dtype=np.int64))]
        )
        attended = self.dense(merged, f"{prefix}attention.output.dense")
        x = self.norm(self.node("Add", [attended, x]), f"{prefix}attention.output.LayerNorm")
        inner = self.node("Gelu", [self.dense(x, f"{prefix}intermediate.dense")])
        out = self.dense(inner, f"{prefix}output.dense")
        return self.norm(self.node("Add", [out, x]), f"{prefix}output.LayerNorm")

    def mean_pool(self, x: str, mask: str, *, output: str) -> str:
        """Mean over unmasked tokens, then unit length."""
        tokens_axis = self.constant(np.array([1], dtype=np.int64))
        weighted = self.node(
            "Mul", [x, self.node("Unsqueeze", [mask, self.constant(np.array([2], dtype=np.int64))])]
        )
        summed = self.node("ReduceSum", [weighted, tokens_axis], keepdims=0)
        count = self.node("ReduceSum", [mask, tokens_axis], keepdims=1)
        mean = self.node("Div", [summed, count])
        return self.node("LpNormalization", [mean], output, axis=-1, p=2)
