"""Settings: every tunable, built once at the edge (CLI, web) and passed down."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tomllib
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from assistant.errors import ConfigError

ENV_PREFIX = "ASSISTANT_"
DEFAULT_CONFIG_FILE = Path("assistant.toml")
CHOICES = {
    "retrieval_mode": ("hybrid", "dense", "bm25"),
    "dense_index": ("auto", "flat", "hnsw"),
    "embedding_backend": ("torch", "onnx-int8"),
    "vector_store": ("faiss", "qdrant"),
}


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable; defaults < assistant.toml < ASSISTANT_* environment variables."""

    # Paths
    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path("index")
    # Embedding and chunking
    embedding_model: str = "all-MiniLM-L6-v2"  # bundled name, or a local model folder
    embedding_batch_size: int = 32
    max_tokens: int = 200  # MiniLM truncates at 256 wordpieces; leave room for the heading
    dense_index: str = "auto"  # flat (exact) | hnsw (approximate) | auto (hnsw when large)
    embedding_backend: str = "torch"  # torch (NumPy for queries) | onnx-int8 (no torch)
    # Dense vector store: FAISS in index_dir, or Qdrant (see docs/scaling.md)
    vector_store: str = "faiss"  # faiss | qdrant
    qdrant_url: str = ""  # a Qdrant server or cluster; empty: embedded mode at qdrant_path
    qdrant_path: Path = Path("index/qdrant")  # embedded mode: one process at a time
    qdrant_collection: str = "passages"  # collections are named <this>-<index version>
    # Retrieval
    retrieval_mode: str = "hybrid"  # hybrid | dense | bm25
    retrieval_k: int = 5
    candidate_k: int = 40
    # Scope gate (calibrated on evals/dev; see evals/README.md)
    scope_threshold: float = 0.36
    # Answer composition
    max_answer_sentences: int = 4
    min_sentence_score: float = 0.32
    # Conversation and input limits
    max_message_chars: int = 4000
    max_history_turns: int = 50
    context_turns: int = 6
    max_body_bytes: int = 262_144
    # Clinic
    clinic_name: str = "your clinic"
    emergency_text: str = (
        "Call your local emergency number now (for example 999 in the UK, 911 in the US, "
        "112 in the EU) or go to the nearest emergency department."
    )
    urgent_line: str = "If you are unsure, contact your GP or an urgent care line today."
    crisis_text: str = (
        "In the UK you can call Samaritans on 116 123 (free, any time); in the US, call or "
        "text 988."
    )
    # Web
    host: str = "127.0.0.1"
    port: int = 7860
    workers: int = 1
    # Idle keep-alive connections stay open this long. Keep it above the idle timeout of any
    # proxy or client pool in front (nginx and most load balancers: 60 s): a server that closes
    # first can drop a request arriving on the closing connection (connection reset).
    keep_alive_s: int = 75
    allowed_origins: tuple[str, ...] = ()
    rate_limit: int = 30  # requests per minute per client; 0 disables
    trusted_proxies: tuple[str, ...] = ()
    log_user_text: bool = False
    # Transcripts: opt-in, redacted, purged after the retention period (see PRIVACY.md)
    keep_transcripts: bool = False
    transcripts_dir: Path = Path("transcripts")
    transcripts_retention_days: int = 30
    # Optional LLM writer (off when llm_base_url is empty; see docs/llm.md)
    llm_base_url: str = ""
    llm_model: str = ""
    llm_timeout_s: float = 20.0  # the whole generation, first byte to last piece
    llm_max_tokens: int = 320
    llm_min_support: float = 0.6  # as [sentence_support] min_support in evals/thresholds.toml
    llm_min_kept_share: float = 0.5  # fewer supported sentences than this share: extractive

    @classmethod
    def load(cls, path: Path | None = None, env: Mapping[str, str] | None = None) -> Self:
        """Defaults < assistant.toml (or `path`) < ASSISTANT_* variables; unknown keys raise."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        config_path = path if path is not None else _default_path(env)
        if config_path is not None:
            values.update(_read_toml(config_path))
        values.update(_read_env(env))
        return cls.from_mapping(values)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Self:
        """Build from raw values (strings from env allowed), converting and validating types."""
        hints = typing.get_type_hints(cls)
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)}")
        converted = {name: _convert(name, value, hints[name]) for name, value in values.items()}
        settings = cls(**converted)
        settings.validate()
        return settings

    def validate(self) -> None:
        """Raise ConfigError for values that would make the assistant misbehave."""
        for name, allowed in CHOICES.items():
            if getattr(self, name) not in allowed:
                raise ConfigError(f"{name} must be one of {', '.join(allowed)}")
        if self.vector_store == "qdrant" and not self.qdrant_url and self.workers > 1:
            raise ConfigError(
                "embedded Qdrant (qdrant_path) serves one process; set qdrant_url to a Qdrant "
                "server to run several workers"
            )
        positive = (
            "max_tokens",
            "retrieval_k",
            "candidate_k",
            "max_message_chars",
            "max_answer_sentences",
            "embedding_batch_size",
            "max_body_bytes",
            "workers",
            "keep_alive_s",
            "transcripts_retention_days",
        )
        for name in positive:
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be >= 1")
        if not 64 <= self.max_tokens <= 250:
            raise ConfigError("max_tokens must be between 64 and 250 (MiniLM keeps 256 wordpieces)")
        if self.rate_limit < 0 or self.max_history_turns < 0 or self.context_turns < 0:
            raise ConfigError("rate_limit, max_history_turns and context_turns must be >= 0")
        for origin in self.allowed_origins:
            if not origin.startswith(("http://", "https://")) or origin.endswith("/"):
                raise ConfigError(
                    f"allowed origin {origin!r} must look like https://clinic.example"
                )
        self._validate_llm()

    def _validate_llm(self) -> None:
        if not self.llm_base_url:
            return
        if not self.llm_base_url.startswith(("http://", "https://")):
            raise ConfigError("llm_base_url must look like http://127.0.0.1:8080/v1")
        if not self.llm_model:
            raise ConfigError("llm_model must name the model served at llm_base_url")
        if self.llm_timeout_s <= 0 or self.llm_max_tokens < 1:
            raise ConfigError("llm_timeout_s must be > 0 and llm_max_tokens >= 1")
        if not (0 <= self.llm_min_support <= 1 and 0 < self.llm_min_kept_share <= 1):
            raise ConfigError("llm_min_support must be in [0, 1], llm_min_kept_share in (0, 1]")

    @property
    def calls_other_servers(self) -> bool:
        """A reply waits on the network: an LLM endpoint, or a Qdrant server."""
        return bool(self.llm_base_url) or (self.vector_store == "qdrant" and bool(self.qdrant_url))

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed (validated)."""
        updated = dataclasses.replace(self, **changes)
        updated.validate()
        return updated

    def signature(self) -> str:
        """Short hash of every answer-affecting setting, stamped on each reply."""
        skipped = {
            "host",
            "port",
            "workers",
            "keep_alive_s",
            "log_user_text",
            "rate_limit",
            "trusted_proxies",
            "allowed_origins",
            "corpus_dir",
            "index_dir",
            "qdrant_url",
            "qdrant_path",
            "qdrant_collection",
            "keep_transcripts",
            "transcripts_dir",
            "transcripts_retention_days",
        }
        data = {
            f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name not in skipped
        }
        text = json.dumps(data, sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:12]


def _default_path(env: Mapping[str, str]) -> Path | None:
    explicit = env.get(f"{ENV_PREFIX}CONFIG")
    if explicit:
        return Path(explicit)
    return DEFAULT_CONFIG_FILE if DEFAULT_CONFIG_FILE.is_file() else None


def _read_toml(path: Path) -> dict[str, Any]:
    """Flatten `[llm] base_url = ...` into `llm_base_url`."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except OSError as exc:  # a folder, no permission
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat.update({f"{key}_{sub}": sub_value for sub, sub_value in value.items()})
        else:
            flat[key] = value
    return flat


def _read_env(env: Mapping[str, str]) -> dict[str, str]:
    return {
        key[len(ENV_PREFIX) :].lower(): value
        for key, value in env.items()
        if key.startswith(ENV_PREFIX) and key != f"{ENV_PREFIX}CONFIG"
    }


def _convert(name: str, value: Any, hint: Any) -> Any:
    """Convert a TOML value or an environment string to the field's type."""
    try:
        if hint is bool:
            return _to_bool(value)
        if hint in (int, float):
            if isinstance(value, bool):
                raise ValueError("expected a number")
            return hint(value)
        if hint is Path:
            return Path(value)
        if hint is str:
            if not isinstance(value, str):
                raise ValueError("expected a string")
            return value
        if typing.get_origin(hint) is tuple:
            items = value.split(",") if isinstance(value, str) else list(value)
            return tuple(str(item).strip() for item in items if str(item).strip())
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name}: cannot use {value!r} ({exc})") from exc
    raise ConfigError(f"setting {name} cannot be set from configuration")


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off"}:
        return False
    raise ValueError("expected true or false")
