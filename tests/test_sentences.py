import pytest

from assistant.sentences import split_sentences, trailing_tag_end


def texts(text):
    return [text[span.start : span.end] for span in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("One here. Two there.", ["One here.", "Two there."], id="two"),
        pytest.param(
            "Dr. Lee et al. found 1.5 times more. Next.",
            ["Dr. Lee et al. found 1.5 times more.", "Next."],
            id="abbreviations",
        ),
        pytest.param(
            "Intro:\n- First item here.\n- Second item.",
            ["Intro:", "First item here.", "Second item."],
            id="list-items",
        ),
        pytest.param(
            "A wrapped\nparagraph line. End.",
            ["A wrapped\nparagraph line.", "End."],
            id="hard-wrapped",
        ),
        pytest.param(
            "Fact one. Fact two. (Sources: Smith 2020, PMID 123456)",
            ["Fact one.", "Fact two."],
            id="sources-tag-excluded",
        ),
        pytest.param(
            "It said “Stop.” Then left.", ["It said “Stop.”", "Then left."], id="curly-quotes"
        ),
        pytest.param("Is it bad? Maybe not!", ["Is it bad?", "Maybe not!"], id="question"),
    ],
)
def test_split_sentences_finds_sentence_boundaries(text, expected):
    assert texts(text) == expected


def test_new_paragraph_is_marked():
    spans = split_sentences("First. Second.\n\nThird.")
    assert [span.starts_block for span in spans] == [True, False, True]


def test_tag_with_doi_parentheses_is_recognised():
    text = "Fact. (Sources: Wolfe 1996, DOI 10.1002/1529-0131(199610)9:5<376::aid>3.0.co;2-1)"
    assert texts(text) == ["Fact."]
    assert trailing_tag_end(text, len("Fact.")) == len(text)
