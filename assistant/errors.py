"""Expected failures: each carries a stable code, an HTTP status and a CLI exit code.

Adapters (CLI, web) map these to one line or one JSON error; they never show a traceback.
"""

from __future__ import annotations


class AssistantError(Exception):
    """Base class: `code` is the stable machine-readable name used in API errors."""

    code = "assistant_error"
    http_status = 500
    exit_code = 2

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self)


class ConfigError(AssistantError):
    """Settings file or ASSISTANT_* variable is invalid."""

    code = "config_error"


class CorpusError(AssistantError):
    """A corpus file is missing, unreadable or has invalid front matter."""

    code = "corpus_error"
    exit_code = 1


class IndexStaleError(AssistantError):
    """The built index does not match the corpus or the settings."""

    code = "index_stale"
    http_status = 503
    exit_code = 1


class IndexCorruptError(AssistantError):
    """Index files are missing, truncated or do not match their manifest."""

    code = "index_corrupt"
    http_status = 503


class ModelUnavailableError(AssistantError):
    """The embedding model cannot be loaded from local files."""

    code = "model_unavailable"
    http_status = 503


class InputError(AssistantError):
    """A request or CLI input is malformed; the code says which rule it broke."""

    code = "invalid_request"
    http_status = 400


class RateLimitedError(AssistantError):
    """Too many requests from one client in the current window."""

    code = "rate_limited"
    http_status = 429
