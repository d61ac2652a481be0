"""Property-based fuzzing of POST /api/chat in process: cases generated from the served
OpenAPI schema (schemathesis) and from Hypothesis strategies for bodies, text and headers."""

from __future__ import annotations

import json

import pytest
import schemathesis
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.contract import REQUEST_TIMEOUT_S, check_response, post_chat, within

pytestmark = pytest.mark.slow

MAX_CHARS = 4000  # Settings.max_message_chars
MAX_TURNS = 50  # Settings.max_history_turns


@pytest.fixture(scope="session")
def schema_cases(fuzz_app):
    """Cases for POST /api/chat drawn from the schema the app serves at /openapi.json: bodies
    that follow it (positive) and bodies that break it (negative)."""
    operation = schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)["/api/chat"]["POST"]
    return st.one_of(
        operation.as_strategy(schemathesis.GenerationMode.POSITIVE),
        operation.as_strategy(schemathesis.GenerationMode.NEGATIVE),
    )


@given(data=st.data())
def test_schema_generated_requests_get_a_reply_or_a_4xx_json_error(schema_cases, data):
    response = within(REQUEST_TIMEOUT_S, data.draw(schema_cases).call)
    check_response(response.status_code, response.headers["content-type"][0], response.content)


# Any JSON value at all: scalars, and lists and objects of them, a few levels deep.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=20,
)
# Text from the whole of Unicode, lone surrogates and control characters included.
any_text = st.text(st.characters(codec=None, categories=None), max_size=300)
# Text that is a valid message: under the limit, with something besides spaces and controls.
message_text = st.text(
    st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=MAX_CHARS
).filter(str.strip)
turns = st.fixed_dictionaries(
    {"role": st.sampled_from(["user", "assistant"]), "content": message_text}
)


@given(body=json_values)
def test_any_json_value_gets_a_reply_or_a_4xx_json_error(api, body):
    post_chat(api, json.dumps(body).encode())


# Turn-shaped objects whose role and content can be any JSON value.
odd_turns = st.fixed_dictionaries(
    {
        "role": st.sampled_from(["user", "assistant"]) | json_values,
        "content": any_text | json_values,
    }
)


@given(message=any_text | json_values, history=st.lists(odd_turns, max_size=4))
def test_any_value_in_any_field_gets_a_reply_or_a_4xx_json_error(api, message, history):
    post_chat(api, json.dumps({"message": message, "history": history}).encode())


@given(message=message_text, history=st.lists(turns, max_size=MAX_TURNS))
def test_every_valid_request_is_answered(api, message, history):
    status, body = post_chat(api, json.dumps({"message": message, "history": history}).encode())
    assert status == 200, body


@given(content=st.binary(max_size=2000))
def test_arbitrary_bytes_get_a_reply_or_a_4xx_json_error(api, content):
    post_chat(api, content)


@given(content_type=st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=60))
def test_any_content_type_gets_a_reply_or_a_4xx_json_error(api, content_type):
    post_chat(api, b'{"message": "Does walking help knee pain?"}', content_type)
