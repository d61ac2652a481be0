"""Fuzzing setup: one bounded Hypothesis profile (derandomized when CI is set) and an
in-process client for the real app over the fixture corpus, with the rate limit off."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from assistant.chain import Assistant
from assistant.web.app import create_app

settings.register_profile(
    "fuzz",
    max_examples=60,
    deadline=None,  # latency belongs in benchmarks; hangs are caught by timeouts
    derandomize=bool(os.environ.get("CI")),  # CI: the same examples on every run
    database=None,  # nothing written to .hypothesis/
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("fuzz")


@pytest.fixture(scope="session")
def fuzz_app(fixture_assistant: Assistant, embedder) -> FastAPI:
    """The full app (UI mounted too) with the rate limit off, so volume is not throttled."""
    settings_ = fixture_assistant.settings.replace(rate_limit=0)
    return create_app(Assistant(settings_, fixture_assistant.index, embedder))


@pytest.fixture(scope="session")
def api(fuzz_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(fuzz_app, raise_server_exceptions=False) as client:
        yield client
