"""The Gradio chat UI at `/`: cited answers, a sources panel, the urgent-care banner.

Every piece of user, corpus or model text is HTML-escaped here before Gradio sees it, so it is
shown as text; Gradio's own sanitizer (Chatbot sanitize_html) is a second layer, not the first.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterator, Sequence
from typing import Any

import gradio as gr

from assistant import replies
from assistant.chain import Assistant
from assistant.errors import InputError
from assistant.models import Citation, Reply, ReplyKind
from assistant.validation import ChatRequest, parse_chat_request
from assistant.web.security import Network, RateLimiter, request_client

EXAMPLES = [
    "Which exercises help knee osteoarthritis?",
    "When does lower-back pain need a scan?",
    "Is bed rest good for back pain?",
]
KIND_LABELS = {
    ReplyKind.URGENT_CARE: "Please get medical help urgently",
    ReplyKind.OUT_OF_SCOPE: "Outside what this assistant can answer",
    ReplyKind.UNSAFE_REQUEST: "I can't help with that request",
}
PRIVACY = (
    "<strong>Privacy:</strong> messages are not stored; the conversation is kept only while "
    "this page is open, to understand follow-up questions. Please don't enter names, contact "
    "details or other personal information."
)
MARKER = re.compile(r"\[(\d+)\]")
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")  # not < > &: escaped as HTML
NO_SOURCES = '<p class="sources-empty">Sources for each answer appear here.</p>'
Exchange = dict[str, Any]  # {"message": str, "reply": Reply}: one turn kept in session state


def source_id(answer_no: int, n: int) -> str:
    return f"source-{answer_no}-{n}"


def plain_markdown(text: str) -> str:
    """Text for the Chatbot's markdown, shown exactly as written, never as HTML or markup."""
    return html.escape(MARKDOWN_SPECIALS.sub(r"\\\1", text), quote=True)


def answer_markdown(reply: Reply, answer_no: int) -> str:
    """A reply for the Chatbot: a label for non-answers, escaped text, [n] linked to sources."""
    numbers = {citation.n for citation in reply.citations}

    def link(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if n not in numbers:
            return match.group(0)
        return f'<a class="cite" href="#{source_id(answer_no, n)}" title="Source {n}">[{n}]</a>'

    text = MARKER.sub(link, html.escape(reply.answer, quote=True))
    label = KIND_LABELS.get(reply.kind)
    if label is None:
        return text
    return f'<span class="kind-label kind-{reply.kind.value}">{label}</span>\n\n{text}'


def citation_html(citation: Citation, answer_no: int) -> str:
    """One source: title, section, evidence type, review date, evidence note, link and the
    verbatim quote."""
    facts = [citation.section, citation.source_type]
    if citation.reviewed_on:
        facts.append(f"reviewed {citation.reviewed_on}")
    meta = " · ".join(html.escape(fact) for fact in facts if fact)
    evidence = ""
    if citation.evidence_note:
        evidence = f'<span class="source-evidence">{html.escape(citation.evidence_note)}</span>'
    link = ""
    if citation.url and citation.url.startswith(("https://", "http://")):
        link = (
            f'<a class="source-link" href="{html.escape(citation.url, quote=True)}" '
            'target="_blank" rel="noopener noreferrer">Open the source</a>'
        )
    return (
        f'<li class="source" id="{source_id(answer_no, citation.n)}" tabindex="-1">'
        f'<strong class="source-title">[{citation.n}] {html.escape(citation.title)}</strong>'
        f'<span class="source-meta">{meta}</span>{evidence}{link}'
        f'<blockquote class="quote">{html.escape(citation.quote)}</blockquote></li>'
    )


def sources_html(conversation: Sequence[Exchange]) -> str:
    """The sources panel: every cited answer's sources, newest first."""
    groups = []
    for answer_no, exchange in reversed(list(enumerate(conversation, start=1))):
        citations = exchange["reply"].citations
        if citations:
            items = "".join(citation_html(c, answer_no) for c in citations)
            groups.append(f"<h3>Answer {answer_no}</h3><ol class='source-list'>{items}</ol>")
    body = "".join(groups) or NO_SOURCES
    return f'<section class="sources-panel" aria-label="Sources"><h2>Sources</h2>{body}</section>'


def banner_html(conversation: Sequence[Exchange]) -> str:
    """The urgent-care banner (role=alert) when the latest reply is urgent, else nothing."""
    if not conversation or conversation[-1]["reply"].kind is not ReplyKind.URGENT_CARE:
        return ""
    text = conversation[-1]["reply"].answer.replace("**", "")
    paragraphs = "".join(f"<p>{html.escape(part)}</p>" for part in text.split("\n\n") if part)
    title = "<h2>Urgent: please get medical help now</h2>"
    return f'<div class="urgent-banner" role="alert">{title}{paragraphs}</div>'


def chat_messages(conversation: Sequence[Exchange]) -> list[dict[str, str]]:
    """The Chatbot's messages for the whole conversation."""
    messages = []
    for answer_no, exchange in enumerate(conversation, start=1):
        messages.append({"role": "user", "content": plain_markdown(exchange["message"])})
        content = answer_markdown(exchange["reply"], answer_no)
        messages.append({"role": "assistant", "content": content})
    return messages


def history_of(
    conversation: Sequence[Exchange], *, max_turns: int, max_chars: int
) -> list[dict[str, str]]:
    """The last `max_turns` turns as API-style history, each cut to `max_chars`."""
    turns = []
    for exchange in conversation:
        turns.append({"role": "user", "content": exchange["message"][:max_chars]})
        turns.append({"role": "assistant", "content": exchange["reply"].answer[:max_chars]})
    return turns[-max_turns:] if max_turns > 0 else []


def status_html(text: str) -> str:
    """A notice under the question box (alert, so screen readers read it at once)."""
    return f'<p class="chat-status" role="alert">{html.escape(text)}</p>' if text else ""


class ChatHandler:
    """The UI's chat turn: rate limit, validate like the API, stream the assistant's reply."""

    def __init__(
        self, assistant: Assistant, limiter: RateLimiter, trusted: Sequence[Network]
    ) -> None:
        self.assistant = assistant
        self.limiter = limiter
        self.trusted = trusted

    def respond(
        self, message: str, conversation: list[Exchange], request: gr.Request
    ) -> Iterator[tuple[Any, ...]]:
        """Outputs (chatbot, banner, sources, status, textbox, state) after each answer piece,
        then once more with the final reply and its citations."""
        chat = self.accept(message, conversation, request)
        if isinstance(chat, str):
            yield render(conversation, status=chat, textbox=message)
            return
        text = ""
        for piece in self.assistant.stream(chat.message, chat.history):
            if isinstance(piece, Reply):
                updated = [*conversation, {"message": chat.message, "reply": piece}]
                yield render(updated, status="", textbox="")
            else:
                text += piece
                yield render_pending(conversation, chat.message, text)

    def accept(
        self, message: str, conversation: Sequence[Exchange], request: gr.Request
    ) -> ChatRequest | str:
        """The validated request, or a notice for the user (rate limited or invalid)."""
        settings = self.assistant.settings
        client = request_client(_peer(request), dict(request.headers or {}), self.trusted)
        wait_s = self.limiter.retry_after_s(client)
        if wait_s > 0:
            return f"You have sent a lot of messages. Please wait {math.ceil(wait_s)} seconds."
        history = history_of(
            conversation,
            max_turns=settings.max_history_turns,
            max_chars=settings.max_message_chars,
        )
        try:
            return parse_chat_request(
                {"message": message or "", "history": history},
                max_message_chars=settings.max_message_chars,
                max_history_turns=settings.max_history_turns,
            )
        except InputError as exc:
            return f"Please check your message: {exc.message}."


def render(
    conversation: list[Exchange],
    *,
    status: str,
    textbox: str,
    pending: Sequence[dict[str, str]] = (),
) -> tuple[Any, ...]:
    """Every output of a chat turn, computed from the conversation kept in session state
    (plus `pending` messages: a turn whose answer is still streaming in)."""
    return (
        [*chat_messages(conversation), *pending],
        banner_html(conversation),
        sources_html(conversation),
        status_html(status),
        textbox,
        conversation,
    )


def render_pending(conversation: list[Exchange], message: str, text_so_far: str) -> tuple[Any, ...]:
    """The outputs while an answer streams in: its text so far as plain text (markers become
    links when the final reply arrives); sources and state are still the previous ones."""
    pending = [
        {"role": "user", "content": plain_markdown(message)},
        {"role": "assistant", "content": plain_markdown(text_so_far)},
    ]
    return render(conversation, status="", textbox="", pending=pending)


def _peer(request: gr.Request) -> str | None:
    client = getattr(request, "client", None)
    return getattr(client, "host", None)


def header_html(clinic_name: str, crisis_text: str) -> str:
    """Title, what the assistant is, the privacy notice and the persistent disclaimer."""
    clinic = html.escape(clinic_name)
    disclaimer = html.escape(replies.disclaimer(clinic_name, crisis_text))
    return (
        '<header class="app-header"><h1>Knee &amp; lower-back pain questions</h1>'
        f"<p>Answers come only from {clinic}'s reviewed library and show the sources behind "
        "every sentence: select a number like [1] to see the exact passage.</p>"
        f'<p class="privacy">{PRIVACY}</p>'
        f'<p class="disclaimer" role="note"><strong>Please note:</strong> {disclaimer}</p></header>'
    )


def build_ui(
    assistant: Assistant, *, limiter: RateLimiter, trusted: Sequence[Network]
) -> gr.Blocks:
    """The chat page: conversation, question box, examples, sources panel, banner."""
    handler = ChatHandler(assistant, limiter, trusted)
    settings = assistant.settings
    with gr.Blocks(title="Knee & lower-back pain assistant", analytics_enabled=False) as blocks:
        gr.HTML(header_html(settings.clinic_name, settings.crisis_text), elem_id="header")
        banner = gr.HTML("", elem_id="urgent")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(
                    label="Conversation",
                    elem_id="conversation",
                    height=460,
                    sanitize_html=True,
                    feedback_options=None,
                    buttons=["copy"],
                    placeholder="Ask a question about knee or lower-back pain to begin.",
                )
                textbox = gr.Textbox(
                    label="Your question",
                    elem_id="question",
                    placeholder="For example: is walking good for knee arthritis?",
                    lines=1,
                    max_lines=6,
                    max_length=settings.max_message_chars,
                )
                status = gr.HTML("", elem_id="chat-status")
                with gr.Row():
                    send = gr.Button("Send", variant="primary", elem_id="send")
                    clear = gr.Button("New conversation", elem_id="clear")
                gr.Examples([[q] for q in EXAMPLES], inputs=[textbox], label="Example questions")
            with gr.Column(scale=2):
                sources = gr.HTML(sources_html([]), elem_id="sources")
        state = gr.State([])
        outputs = [chatbot, banner, sources, status, textbox, state]
        for trigger in (textbox.submit, send.click):  # no queue limit, like the JSON API
            trigger(
                handler.respond,
                [textbox, state],
                outputs,
                api_visibility="private",
                concurrency_limit=None,
            )
        for reset in (clear.click, chatbot.clear):  # the Chatbot's own bin icon too
            reset(new_conversation, None, outputs, api_visibility="private")
    return blocks


def new_conversation() -> tuple[Any, ...]:
    return render([], status="", textbox="")
