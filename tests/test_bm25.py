import pytest

from assistant.bm25 import BM25Index, stem, tokenize


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("knees", "knee"),
        ("injuries", "injury"),
        ("swimming", "swim"),
        ("walked", "walk"),
        ("stress", "stress"),
        ("sciatica", "sciatica"),
        ("is", "is"),
        ("l4", "l4"),
    ],
)
def test_stem_strips_common_suffixes_only(word, expected):
    assert stem(word) == expected


def test_tokenize_drops_stop_words_and_lowercases():
    assert tokenize("What is the Knee-Spine syndrome?") == ["knee", "spine", "syndrome"]


def test_scores_rank_the_passage_with_rare_matching_terms_first():
    index = BM25Index.build(["knee pain and swelling", "back pain at night", "sciatica in legs"])
    scores = index.scores("sciatica pain")
    assert scores.argmax() == 2
    assert index.scores("unrelated words").sum() == 0


def test_save_and_load_round_trip(tmp_path):
    index = BM25Index.build(["knee pain", "back pain"])
    index.save(tmp_path)
    assert list(BM25Index.load(tmp_path).scores("back")) == list(index.scores("back"))
