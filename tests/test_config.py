from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import ConfigError


def test_defaults_need_no_file_or_environment():
    settings = Settings.load(env={})
    assert settings.corpus_dir == Path("corpus")
    assert settings.rate_limit == 30


def test_environment_overrides_file(tmp_path):
    config = tmp_path / "assistant.toml"
    config.write_text('clinic_name = "Riverside Clinic"\nretrieval_k = 7\n[llm]\nmodel = "x"\n')
    settings = Settings.load(config, env={"ASSISTANT_RETRIEVAL_K": "3"})
    assert (settings.clinic_name, settings.retrieval_k, settings.llm_model) == (
        "Riverside Clinic",
        3,
        "x",
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        pytest.param(
            {"ASSISTANT_ALLOWED_ORIGINS": "https://a.example, https://b.example"},
            ("https://a.example", "https://b.example"),
            id="comma-list",
        ),
        pytest.param({"ASSISTANT_ALLOWED_ORIGINS": ""}, (), id="empty-list"),
    ],
)
def test_origins_parse_from_comma_separated_variable(env, expected):
    assert Settings.load(env=env).allowed_origins == expected


@pytest.mark.parametrize(
    ("env", "fragment"),
    [
        pytest.param({"ASSISTANT_NOPE": "1"}, "unknown setting", id="unknown-key"),
        pytest.param({"ASSISTANT_RETRIEVAL_K": "many"}, "retrieval_k", id="not-a-number"),
        pytest.param({"ASSISTANT_LOG_USER_TEXT": "maybe"}, "log_user_text", id="not-a-bool"),
        pytest.param({"ASSISTANT_RETRIEVAL_MODE": "magic"}, "retrieval_mode", id="bad-choice"),
        pytest.param({"ASSISTANT_MAX_TOKENS": "400"}, "max_tokens", id="over-model-window"),
        pytest.param({"ASSISTANT_ALLOWED_ORIGINS": "clinic.example"}, "origin", id="bad-origin"),
        pytest.param({"ASSISTANT_KEEP_ALIVE_S": "0"}, "keep_alive_s", id="no-keep-alive"),
    ],
)
def test_bad_values_raise_config_error_naming_the_setting(env, fragment):
    with pytest.raises(ConfigError, match=fragment):
        Settings.load(env=env)


def test_bad_toml_names_the_file(tmp_path):
    config = tmp_path / "assistant.toml"
    config.write_text("clinic_name = \n")
    with pytest.raises(ConfigError, match=r"assistant\.toml"):
        Settings.load(config, env={})


@pytest.mark.parametrize(
    ("changes", "calls"),
    [
        ({}, False),
        ({"vector_store": "qdrant"}, False),  # embedded: a folder on this machine
        ({"vector_store": "qdrant", "qdrant_url": "http://qdrant.internal:6333"}, True),
        ({"llm_base_url": "http://127.0.0.1:8080/v1", "llm_model": "m"}, True),
    ],
)
def test_calls_other_servers_only_with_an_llm_endpoint_or_a_qdrant_server(changes, calls):
    assert Settings().replace(**changes).calls_other_servers is calls


def test_signature_changes_with_answer_settings_only():
    base = Settings()
    assert base.signature() == base.replace(port=9999).signature()
    assert base.signature() == base.replace(keep_alive_s=5).signature()
    assert base.signature() != base.replace(retrieval_k=9).signature()
