"""The Gradio UI in process: safe rendering of user and corpus text, the sources panel, the
urgent banner, and a chat turn with the real assistant (rate limit included)."""

from __future__ import annotations

import gc
import re
import warnings

import gradio as gr
import pytest
from fastapi.testclient import TestClient

from assistant.models import Citation, Reply, ReplyKind
from assistant.web.app import create_app
from assistant.web.security import RateLimiter
from assistant.web.ui import (
    ChatHandler,
    answer_markdown,
    banner_html,
    chat_messages,
    header_html,
    history_of,
    plain_markdown,
    render_pending,
    sources_html,
)
from assistant.web.ui_mount import QUEUE_POLL_S

XSS = "<img src=x onerror=window.__xss=1><script>window.__xss=2</script>"


def citation(n: int = 1, **changes) -> Citation:
    fields = {
        "n": n,
        "passage_id": f"p{n}",
        "source_id": "exercise-note",
        "title": "Exercise for knee osteoarthritis",
        "section": "Why exercise comes first",
        "url": "https://doi.org/10.1002/14651858.CD004376.pub3",
        "quote": "Water exercise works about as well as exercise on land.",
        "score": 0.8,
        "source_type": "systematic-review",
        "reviewed_on": "2026-01-10",
        "evidence_note": "A Cochrane review of 54 trials.",
        **changes,
    }
    return Citation(**fields)


def answer(text: str = "Water exercise helps. [1]", *citations: Citation, **kw) -> Reply:
    return Reply(kw.pop("kind", ReplyKind.ANSWER), text, citations or (citation(),), **kw)


def exchange(reply: Reply, message: str = "question") -> dict:
    return {"message": message, "reply": reply}


def tags(html_text: str) -> set[str]:
    return {tag.lower() for tag in re.findall(r"<\s*([a-zA-Z][a-zA-Z0-9]*)", html_text)}


def test_user_text_is_shown_as_typed_never_as_html():
    rendered = plain_markdown(f"{XSS} *not bold* [link](javascript:alert(1))")
    assert tags(rendered) == set()
    assert "&lt;script&gt;" in rendered
    assert r"\*not bold\*" in rendered
    assert r"\[link\]\(javascript:alert\(1\)\)" in rendered


def test_answer_markers_link_to_their_sources_and_others_stay_text():
    rendered = answer_markdown(answer("Water helps. [1] Not cited. [7]"), answer_no=3)
    assert '<a class="cite" href="#source-3-1"' in rendered
    assert "[7]" in rendered
    assert "source-3-7" not in rendered


def test_corpus_markup_in_an_answer_is_escaped():
    rendered = answer_markdown(answer(f"Exercise helps {XSS}. [1]"), answer_no=1)
    assert tags(rendered) == {"a"}
    assert "&lt;img src=x onerror=window.__xss=1&gt;" in rendered


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        (ReplyKind.URGENT_CARE, "Please get medical help urgently"),
        (ReplyKind.OUT_OF_SCOPE, "Outside what this assistant can answer"),
        (ReplyKind.UNSAFE_REQUEST, "I can't help with that request"),
    ],
)
def test_non_answers_are_clearly_labelled(kind, label):
    rendered = answer_markdown(answer("Fixed text.", kind=kind), answer_no=1)
    assert rendered.startswith(f'<span class="kind-label kind-{kind.value}">{label}</span>')


def test_plain_answers_have_no_label():
    assert "kind-label" not in answer_markdown(answer(), answer_no=1)


def test_sources_panel_lists_every_citation_field_with_the_quote_as_text():
    quote = f"Quote with {XSS} inside."
    panel = sources_html([exchange(answer("A. [1]", citation(quote=quote)))])
    assert 'id="source-1-1"' in panel
    for text in ("Exercise for knee osteoarthritis", "Why exercise comes first"):
        assert text in panel
    assert '<span class="source-evidence">A Cochrane review of 54 trials.</span>' in panel
    assert "systematic-review" in panel
    assert "reviewed 2026-01-10" in panel
    assert 'href="https://doi.org/10.1002/14651858.CD004376.pub3"' in panel
    assert "Quote with &lt;img src=x onerror=window.__xss=1&gt;&lt;script&gt;" in panel
    assert "script" not in tags(panel)
    assert "img" not in tags(panel)


def test_corpus_markup_in_source_fields_is_escaped():
    planted = citation(title=f"T {XSS}", section=f"S {XSS}", evidence_note=f"E {XSS}")
    panel = sources_html([exchange(answer("A. [1]", planted))])
    assert tags(panel) <= {"section", "h2", "h3", "ol", "li", "strong", "span", "a", "blockquote"}
    assert panel.count("&lt;script&gt;") == 3  # title, section and evidence note, as text


def test_sources_panel_shows_newest_answer_first():
    panel = sources_html([exchange(answer()), exchange(answer())])
    assert panel.index("source-2-1") < panel.index("source-1-1")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,hi", None, ""])
def test_source_links_are_only_http_urls(url):
    panel = sources_html([exchange(answer("A. [1]", citation(url=url)))])
    assert "source-link" not in panel


def test_no_sources_shows_a_hint_not_an_empty_panel():
    assert "Sources for each answer appear here." in sources_html([])


def test_urgent_banner_is_an_alert_only_when_the_latest_reply_is_urgent():
    urgent = answer(f"**Please get medical help urgently.** {XSS}", kind=ReplyKind.URGENT_CARE)
    banner = banner_html([exchange(answer()), exchange(urgent)])
    assert 'role="alert"' in banner
    assert "Please get medical help urgently." in banner
    assert tags(banner) == {"div", "h2", "p"}
    assert banner_html([exchange(urgent), exchange(answer())]) == ""
    assert banner_html([]) == ""


def test_chat_messages_alternate_user_and_assistant():
    messages = chat_messages([exchange(answer(), "first"), exchange(answer(), "second")])
    assert [m["role"] for m in messages] == ["user", "assistant", "user", "assistant"]
    assert messages[2]["content"] == "second"


def test_streaming_turn_shows_the_text_so_far_as_plain_text_and_keeps_the_state():
    before = [exchange(answer(), "first")]
    messages, banner, sources, status, textbox, state = render_pending(
        before, "second <b>q</b>", f"Partial {XSS} [1]"
    )
    assert [m["role"] for m in messages] == ["user", "assistant", "user", "assistant"]
    assert tags(messages[-1]["content"]) == set()  # no link yet: sources are not final
    assert r"Partial &lt;img" in messages[-1]["content"]
    assert messages[-2]["content"] == plain_markdown("second <b>q</b>")
    assert state is before
    assert sources == sources_html(before)
    assert (banner, status, textbox) == ("", "", "")


def test_history_keeps_the_last_turns_each_cut_to_the_limit():
    conversation = [exchange(answer("x" * 50), f"q{i}") for i in range(5)]
    history = history_of(conversation, max_turns=3, max_chars=10)
    assert [turn["role"] for turn in history] == ["assistant", "user", "assistant"]
    assert history[1]["content"] == "q4"
    assert all(len(turn["content"]) <= 10 for turn in history)
    assert history_of(conversation, max_turns=0, max_chars=10) == []


def test_header_has_privacy_notice_and_escaped_disclaimer():
    header = header_html("<b>Clinic</b>", "Call <i>Samaritans</i> on 116 123.")
    assert "messages are not stored" in header
    assert "don't enter names, contact details" in header
    assert 'role="note"' in header
    assert "not medical advice" in header
    assert "thinking of harming yourself" in header
    assert "116 123" in header
    assert "<b>" not in header
    assert "<i>" not in header


# --- with the real assistant --------------------------------------------------------------


def request_from(host: str, **headers: str) -> gr.Request:
    return gr.Request(headers=headers, client={"host": host, "port": 1})


def final(turn) -> tuple:
    """The last outputs of a streamed chat turn."""
    return list(turn)[-1]


@pytest.mark.slow
def test_chat_turn_streams_the_text_then_renders_the_cited_answer(fixture_assistant):
    handler = ChatHandler(fixture_assistant, RateLimiter(0), ())
    question = "Does water exercise help knee arthritis?"
    *pieces, last = handler.respond(question, [], request_from("1.2.3.4"))
    assert pieces
    assert all(outputs[-1] == [] for outputs in pieces)  # state changes only at the end
    messages, banner, sources, status, textbox, state = last
    assert [m["role"] for m in messages] == ["user", "assistant"]
    assert 'class="cite"' in messages[1]["content"]
    reply = state[0]["reply"]
    assert reply.kind is ReplyKind.ANSWER
    assert pieces[-1][0][1]["content"] == plain_markdown(reply.answer)
    assert all(c.title in sources for c in reply.citations)
    assert (banner, status, textbox) == ("", "", "")


@pytest.mark.slow
def test_follow_up_uses_the_conversation_so_far(fixture_assistant):
    handler = ChatHandler(fixture_assistant, RateLimiter(0), ())
    first = final(handler.respond("I can't control my bladder", [], request_from("1.2.3.4")))
    *_, state = final(handler.respond("and my back hurts", first[-1], request_from("1.2.3.4")))
    assert state[-1]["reply"].kind is ReplyKind.URGENT_CARE  # triage sees earlier turns


@pytest.mark.slow
def test_chat_turn_is_rate_limited_per_client(fixture_assistant):
    handler = ChatHandler(fixture_assistant, RateLimiter(1), ())
    first = final(handler.respond("Is walking good for back pain?", [], request_from("5.5.5.5")))
    conversation = first[-1]
    *_, status, textbox, state = final(
        handler.respond("And for knees?", conversation, request_from("5.5.5.5"))
    )
    assert "Please wait" in status
    assert 'role="alert"' in status
    assert textbox == "And for knees?"  # kept so the user can send it again
    assert state == conversation
    other = final(handler.respond("And for knees?", conversation, request_from("6.6.6.6")))
    assert len(other[-1]) == 2


@pytest.mark.slow
def test_invalid_message_gets_a_notice_not_an_error(fixture_assistant):
    handler = ChatHandler(fixture_assistant, RateLimiter(0), ())
    *_, status, textbox, state = final(handler.respond("x" * 5000, [], request_from("1.2.3.4")))
    assert "Please check your message" in status
    assert state == []
    assert len(textbox) == 5000


@pytest.mark.slow
def test_ui_keeps_sanitizing_and_stores_nothing(fixture_assistant):
    app = create_app(fixture_assistant)
    blocks = app.state.ui
    chatbot = next(b for b in blocks.blocks.values() if isinstance(b, gr.Chatbot))
    assert chatbot.sanitize_html is True
    assert blocks.analytics_enabled is False
    with TestClient(app) as client:
        config = client.get("/config").json()
    assert config["run_history"] is False
    assert config["footer_links"] == []


@pytest.mark.slow
def test_the_idle_ui_queue_does_not_wake_the_server_every_millisecond(fixture_assistant):
    app = create_app(fixture_assistant)
    with TestClient(app) as client:  # after start-up, when the queue is running
        assert client.get("/healthz").status_code == 200
        queue = app.state.ui._queue
        assert queue.sleep_when_free >= QUEUE_POLL_S
        assert queue.progress_update_sleep_when_free >= QUEUE_POLL_S


@pytest.mark.slow
def test_building_the_app_outside_an_event_loop_leaks_no_loop(fixture_assistant):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        create_app(fixture_assistant)
        gc.collect()
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []


@pytest.mark.slow
def test_ui_page_is_served_at_root_next_to_the_api(fixture_assistant):
    with TestClient(create_app(fixture_assistant)) as client:
        page = client.get("/")
        assert page.status_code == 200
        assert "<gradio-app" in page.text
        assert client.get("/healthz").json()["status"] == "ok"
        assert client.get("/embed").status_code == 200
        assert client.get("/does-not-exist").json()["error"]["code"] == "not_found"
