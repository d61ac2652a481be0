import pytest

from assistant.retrieval import fuse


@pytest.mark.parametrize(
    ("rankings", "expected"),
    [
        pytest.param([["a", "b", "c"], ["b", "c", "a"]], ["b", "a", "c"], id="agreement-wins"),
        pytest.param([["a", "b"], ["b", "a"]], ["a", "b"], id="tie-keeps-first-seen"),
        pytest.param([["a"], []], ["a"], id="one-retriever-empty"),
        pytest.param([["a", "b", "c"]], ["a", "b"], id="top-cuts"),
    ],
)
def test_fuse_orders_by_summed_reciprocal_rank(rankings, expected):
    top = 2 if len(rankings) == 1 else 10
    assert [hit.passage_id for hit in fuse(rankings, top=top)] == expected


def test_fuse_rejects_nonpositive_top():
    with pytest.raises(ValueError, match="top"):
        fuse([["a"]], top=0)
