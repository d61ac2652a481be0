import pytest

from assistant.chunking import chunk, embedding_prefix, sections
from assistant.corpus import load_corpus
from assistant.embeddings import MiniLMEmbedder
from tests.conftest import SEED


@pytest.fixture(scope="module")
def count_tokens():
    return MiniLMEmbedder().count_tokens  # tokenizer only; the model is not loaded


@pytest.fixture(scope="module")
def seed():
    (document,) = load_corpus(SEED.parent)
    return document


def test_plain_text_headings_of_the_seed_become_section_paths(seed):
    paths = [section.path for section in sections(seed)]
    assert (
        "Insight into Knee-Spine Syndrome",
        "What is Knee-Spine Syndrome?",
    ) in paths
    assert ("A Holistic Approach to Managing Interconnected Pain",) in paths
    assert all("References" not in path for path in paths)  # heading with no text under it


@pytest.mark.parametrize("max_tokens", [64, 120, 200])
def test_passages_are_verbatim_slices_within_the_token_budget(seed, count_tokens, max_tokens):
    passages = chunk(seed, max_tokens=max_tokens, count_tokens=count_tokens)
    for passage in passages:
        assert seed.text[passage.start : passage.end] == passage.text
        prefix = embedding_prefix(seed.title, passage.section)
        assert count_tokens(prefix + passage.text) <= max_tokens + 2  # whitespace joins
        for start, end in passage.sentences:
            assert passage.text[start:end].strip() == passage.text[start:end]


def test_every_sentence_of_the_body_lands_in_exactly_one_passage(seed, count_tokens):
    passages = chunk(seed, max_tokens=120, count_tokens=count_tokens)
    covered = [(p.start + a, p.start + b) for p in passages for a, b in p.sentences]
    assert len(covered) == len(set(covered))
    words = seed.body.split()
    chunked = " ".join(seed.text[a:b] for a, b in sorted(covered)).split()
    headings = {w for s in sections(seed) for h in s.path for w in h.split()}
    missing = [w for w in words if w not in chunked and w not in headings and w != "-"]
    assert missing == [] or set(missing) <= {"References", "Exploring", "Link", "Between"}


def test_passage_ids_are_stable_and_content_derived(seed, count_tokens):
    first = chunk(seed, max_tokens=200, count_tokens=count_tokens)
    again = chunk(seed, max_tokens=200, count_tokens=count_tokens)
    assert [p.passage_id for p in first] == [p.passage_id for p in again]
    assert len({p.passage_id for p in first}) == len(first)
    assert all(p.passage_id.startswith("knee-and-lower-back-pain#") for p in first)


def test_markdown_headings_nest(tmp_path, count_tokens):
    note = (SEED.parents[2] / "tests/fixtures/corpus/notes/weight.md").read_text()
    (tmp_path / "w.md").write_text(note)
    (document,) = load_corpus(tmp_path)
    passages = chunk(document, max_tokens=200, count_tokens=count_tokens)
    assert [p.section for p in passages] == [("Weight and the knee",), ("Weight and the back",)]
    assert passages[0].text.endswith("(Sources: Messier et al. 2013, DOI 10.1001/jama.2013.277669)")
