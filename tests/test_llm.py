"""The LLM writer's settings and its deadline (no endpoint needed)."""

import time
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.llm import LLMWriter, stream_within


def test_llm_is_off_by_default(embedder):
    settings = Settings()
    assert settings.llm_base_url == ""
    assert LLMWriter.from_settings(settings, embedder) is None


def test_llm_settings_load_from_the_llm_table(tmp_path):
    config = tmp_path / "assistant.toml"
    config.write_text(
        '[llm]\nbase_url = "http://127.0.0.1:8080/v1"\nmodel = "smollm2"\n'
        "timeout_s = 5\nmin_kept_share = 0.75\n"
    )
    settings = Settings.load(config, env={"ASSISTANT_LLM_MAX_TOKENS": "100"})
    assert (settings.llm_base_url, settings.llm_model) == ("http://127.0.0.1:8080/v1", "smollm2")
    assert (settings.llm_timeout_s, settings.llm_min_kept_share) == (5.0, 0.75)
    assert settings.llm_max_tokens == 100


def test_llm_min_support_defaults_to_the_eval_gate():
    thresholds = (Path(__file__).parents[1] / "evals" / "thresholds.toml").read_text()
    assert f"min_support = {Settings().llm_min_support}\n" in thresholds


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        pytest.param({"llm_base_url": "127.0.0.1:8080"}, "must look like", id="no-scheme"),
        pytest.param({"llm_model": ""}, "llm_model must name", id="no-model"),
        pytest.param({"llm_timeout_s": 0.0}, "llm_timeout_s must be > 0", id="zero-timeout"),
        pytest.param({"llm_max_tokens": 0}, "llm_max_tokens >= 1", id="no-tokens"),
        pytest.param({"llm_min_support": 1.5}, "llm_min_support must be", id="support>1"),
        pytest.param({"llm_min_kept_share": 0.0}, "llm_min_kept_share", id="share=0"),
    ],
)
def test_llm_settings_are_validated_when_an_endpoint_is_set(changes, message):
    base = {"llm_base_url": "http://127.0.0.1:8080/v1", "llm_model": "m"}
    with pytest.raises(ConfigError, match=message):
        Settings.from_mapping({**base, **changes})


def pieces(*items, pause_s=0.0, error=None):
    def generate():
        for item in items:
            time.sleep(pause_s)
            yield item
        if error is not None:
            raise error

    return generate


def test_stream_within_passes_pieces_on_in_order():
    assert list(stream_within(pieces("a", "b", "c"), 5.0)) == ["a", "b", "c"]


def test_stream_within_raises_what_the_reader_raised():
    stream = stream_within(pieces("a", error=ConnectionError("refused")), 5.0)
    assert next(stream) == "a"
    with pytest.raises(ConnectionError, match="refused"):
        next(stream)


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(pieces("late", pause_s=5.0), id="silent"),
        pytest.param(pieces(*["x"] * 100, pause_s=0.1), id="trickling"),
    ],
)
def test_stream_within_gives_up_at_the_deadline_in_total(source):
    received = []
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        received.extend(stream_within(source, 0.5))
    assert time.monotonic() - started < 1.5
    assert len(received) < 100
