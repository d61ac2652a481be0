"""Hand-written hostile bodies, in process: each gets its 4xx JSON error (or an answer),
never a 5xx or a hang, and the server answers normally afterwards."""

from __future__ import annotations

import pytest

from tests.fuzz.contract import post_chat
from tests.fuzz.hostile import HOSTILE, QUESTION, Hostile, chat

pytestmark = pytest.mark.slow

MAX_ERROR_BYTES = 600  # an error names the broken rule; it never echoes the input back


@pytest.mark.parametrize("case", HOSTILE, ids=lambda case: case.name)
def test_hostile_body_gets_its_status_and_a_json_error_or_reply(api, case: Hostile):
    status, data = post_chat(api, case.body, case.content_type)
    assert status == case.status, data
    if case.code is not None:
        assert data["error"]["code"] == case.code
    if status != 200:
        assert len(str(data)) < MAX_ERROR_BYTES


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_other_methods_get_a_405_json_error(api, method):
    response = api.request(method, "/api/chat", content=chat(QUESTION))
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_server_answers_normally_after_every_hostile_body(api):
    for case in HOSTILE:
        post_chat(api, case.body, case.content_type)
    status, data = post_chat(api, chat("Does water exercise help knee arthritis?"))
    assert status == 200
    assert data["kind"] == "answer"
    assert data["citations"]
