"""The chain end to end on the fixture corpus: real model, real FAISS, real composer."""

import re

import pytest
from langchain_core.documents import Document as LangChainDocument
from langchain_core.runnables import Runnable

from assistant import build_chain, replies, retriever
from assistant.chain import WARM_UP_QUESTION, Assistant
from assistant.models import ReplyKind, Turn
from assistant.verify import check, claims

pytestmark = pytest.mark.slow


def corpus_text(settings, source_id):
    for path in settings.corpus_dir.rglob("*.md"):
        if f"id: {source_id}\n" in path.read_text():
            return path.read_text()
    raise AssertionError(f"no corpus file for {source_id}")


def assert_grounded(reply, assistant):
    assert reply.kind is ReplyKind.ANSWER
    assert reply.citations
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", reply.answer)}
    assert markers == {c.n for c in reply.citations}
    for citation in reply.citations:
        assert citation.quote in corpus_text(assistant.settings, citation.source_id)
    assert check(reply.answer, reply.citations, assistant.index.passage_by_id) == []


def test_knee_spine_question_gets_a_grounded_cited_answer(fixture_assistant):
    reply = fixture_assistant.reply("What is knee-spine syndrome?")
    assert_grounded(reply, fixture_assistant)
    assert "knee" in reply.answer.lower()
    assert reply.disclaimer
    assert reply.index_version.startswith(fixture_assistant.index.version)


def test_every_reply_points_to_the_configured_crisis_line(fixture_assistant):
    """Self-harm worded in ways triage does not know still meets a crisis line."""
    crisis = fixture_assistant.settings.crisis_text
    for message in ("What is knee-spine syndrome?", "Best pasta recipe?", "My dose of naproxen?"):
        reply = fixture_assistant.reply(message)
        assert crisis in reply.disclaimer, reply.kind


def unqualified_seed_citations(reply, assistant):
    """Seed citations whose section a note qualifies, without any qualifying note cited."""
    index = assistant.index
    cited_sources = {c.source_id for c in reply.citations}
    missing = []
    for citation in reply.citations:
        if not index.sources[citation.source_id].is_seed:
            continue
        section = set(index.passage_by_id[citation.passage_id].section)
        qualifiers = {s.source_id for s in index.sources.values() if section & set(s.qualifies)}
        if qualifiers and not qualifiers & cited_sources:
            missing.append(citation.section)
    return missing


@pytest.mark.parametrize(
    "question",
    [
        "What is knee-spine syndrome?",
        "Is knee-spine syndrome caused by interconnected nerve systems and muscle pathways?",
        "Can blood tests or imaging show the link between knee and back pain?",
        "What lifestyle changes help knee and back pain?",
    ],
)
def test_seed_claims_come_with_their_qualifying_note(fixture_assistant, question):
    reply = fixture_assistant.reply(question)
    assert_grounded(reply, fixture_assistant)
    assert unqualified_seed_citations(reply, fixture_assistant) == []


def test_every_seed_sentence_is_followed_by_a_qualifying_note_sentence(fixture_assistant):
    reply = fixture_assistant.reply(
        "Knee-Spine Syndrome relates to lumbar spine issues due to interconnected nerve systems"
    )
    assert_grounded(reply, fixture_assistant)
    by_number = {c.n: c for c in reply.citations}
    sources = [by_number[claim.markers[0]].source_id for claim in claims(reply.answer)]
    assert "knee-and-lower-back-pain" in sources
    for position, source in enumerate(sources):
        if source == "knee-and-lower-back-pain":
            assert sources[position + 1 : position + 2] == ["knee-spine-basics"]


def test_note_outranks_seed_where_it_answers(fixture_assistant):
    reply = fixture_assistant.reply("Do I need an MRI scan for my back pain?")
    assert_grounded(reply, fixture_assistant)
    assert reply.citations[0].source_id == "imaging-back"


def test_follow_up_uses_the_earlier_topic(fixture_assistant):
    history = [Turn("user", "Does weight affect knee arthritis?"), Turn("assistant", "Yes.")]
    reply = fixture_assistant.reply("and what about the back?", history)
    assert_grounded(reply, fixture_assistant)
    assert any(c.source_id == "weight" for c in reply.citations)


def test_far_off_topic_question_is_declined_without_citations(fixture_assistant):
    reply = fixture_assistant.reply("What is the best lasagne recipe?")
    assert reply.kind is ReplyKind.OUT_OF_SCOPE
    assert reply.citations == ()
    assert reply.disclaimer


def test_build_chain_returns_a_runnable_producing_replies(fixture_settings):
    chain = build_chain(fixture_settings)
    assert isinstance(chain, Runnable)
    reply = chain.invoke({"message": "Does water exercise help knee arthritis?", "history": []})
    assert reply.kind is ReplyKind.ANSWER
    assert reply.to_dict()["citations"][0]["quote"]


def test_retriever_is_a_langchain_retriever_with_citation_metadata(fixture_settings):
    documents = retriever(fixture_settings).invoke("exercise for knee osteoarthritis")
    assert documents
    assert all(isinstance(d, LangChainDocument) for d in documents)
    top = documents[0]
    assert top.metadata["source_id"] == "exercise-knee"
    assert {"passage_id", "title", "section", "url", "score"} <= set(top.metadata)


def test_red_flag_gets_urgent_care_before_anything_else(fixture_assistant):
    reply = fixture_assistant.reply("what exercises help? I also can't control my bladder")
    assert reply.kind is ReplyKind.URGENT_CARE
    assert reply.citations == ()
    assert fixture_assistant.settings.emergency_text in reply.answer
    assert "bladder" in reply.answer  # names the recognised sign
    assert reply.red_flags == ("cauda_equina",)


def test_red_flag_in_history_keeps_the_conversation_urgent(fixture_assistant):
    history = [Turn("user", "my knee is red, hot and swollen"), Turn("assistant", "...")]
    reply = fixture_assistant.reply("ok, which exercises help knee arthritis?", history)
    assert reply.kind is ReplyKind.URGENT_CARE


def test_assistant_turns_are_not_triaged(fixture_assistant):
    history = [
        Turn("user", "when is back pain an emergency?"),
        Turn("assistant", "Fever, numbness in the groin or loss of bladder control."),
    ]
    reply = fixture_assistant.reply("thanks, does exercise help knee arthritis?", history)
    assert reply.kind is ReplyKind.ANSWER


def test_unsafe_request_is_refused_with_general_cited_information(fixture_assistant):
    reply = fixture_assistant.reply("Should I stop my painkillers and just lose weight instead?")
    assert reply.kind is ReplyKind.UNSAFE_REQUEST
    assert "can't advise you to start, stop" in reply.answer
    grounded = replies.grounded_part(reply.answer)
    assert reply.citations
    assert check(grounded, reply.citations, fixture_assistant.index.passage_by_id) == []
    assert not re.search(r"\d+\s?mg", reply.answer)


def test_near_domain_question_is_out_of_scope(fixture_assistant):
    reply = fixture_assistant.reply("What exercises help a frozen shoulder?")
    assert reply.kind is ReplyKind.OUT_OF_SCOPE
    assert reply.citations == ()


def test_warm_up_embeds_a_query_before_any_patient_asks(fixture_assistant, counting_embedder):
    """Each server worker warms up, so the query model is loaded before the first request."""
    warm = Assistant(fixture_assistant.settings, fixture_assistant.index, counting_embedder)
    assert counting_embedder.embedded == []
    warm.warm_up()
    assert counting_embedder.embedded == [WARM_UP_QUESTION]
