"""Copies of the session's built fixture corpus and index, for tests that damage them or
start servers over them (a copy is up to date, so nothing is rebuilt)."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.config import Settings


def copy_built(settings: Settings, root: Path) -> Settings:
    """A private copy of a built corpus and index under `root` (safe to damage)."""
    shutil.copytree(settings.corpus_dir, root / "corpus")
    shutil.copytree(settings.index_dir, root / "index")
    return settings.replace(corpus_dir=root / "corpus", index_dir=root / "index")
