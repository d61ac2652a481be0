import datetime as dt

import pytest

from assistant.corpus_check import check_corpus
from tests.conftest import make_corpus

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def corpus(tmp_path):
    return make_corpus(tmp_path / "corpus")


def note_errors(report, source_id):
    return next(n for n in report.notes if n.source_id == source_id).errors


def edit(corpus, name, old, new):
    path = corpus / "notes" / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_fixture_notes_are_clean(corpus):
    report = check_corpus(corpus, today=TODAY)
    assert all(note.errors == [] for note in report.notes)
    assert all(note.cited_paragraphs == note.paragraphs for note in report.notes)


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        pytest.param(
            " (Sources: Shiri et al. 2010, PMID 20007994)",
            "",
            "without a sources tag",
            id="missing-tag",
        ),
        pytest.param("PMID 20007994)", "PMID 2000799x)", "malformed PMID", id="bad-pmid"),
        pytest.param(
            "PMID 20007994)", "PMID 11111111)", "not listed in 'references'", id="unlisted-id"
        ),
        pytest.param(
            '    pmid: "20007994"\n', "", "needs a pmid, doi or url", id="reference-without-id"
        ),
        pytest.param(
            "no trial has shown", "no trial [1] has shown", "[n]-style markers", id="marker-in-text"
        ),
    ],
)
def test_citation_problems_are_errors(corpus, old, new, problem):
    edit(corpus, "weight.md", old, new)
    assert any(
        problem in error for error in note_errors(check_corpus(corpus, today=TODAY), "weight")
    )


def test_copied_sentence_is_an_error(corpus, tmp_path):
    sources = tmp_path / "references.md"
    sources.write_text(
        "Obesity is linked with back pain, but no trial has shown that losing "
        "weight relieves back pain in anyone."
    )
    errors = note_errors(check_corpus(corpus, against=sources, today=TODAY), "weight")
    assert any("copied from the reference list" in error for error in errors)


def test_overdue_review_is_a_warning_unless_strict(corpus):
    report = check_corpus(corpus, today=dt.date(2028, 1, 1))
    weight = next(n for n in report.notes if n.source_id == "weight")
    assert any("review overdue" in warning for warning in weight.warnings)
    assert report.all_errors(strict=False) == report.errors
    assert any("review overdue" in e for e in report.all_errors(strict=True))


def test_unknown_seed_heading_and_uncovered_sections_are_errors(corpus):
    edit(
        corpus,
        "weight.md",
        '"What lifestyle modifications can support treatment?"',
        '"Lifestyle tips"',
    )
    errors = check_corpus(corpus, today=TODAY).errors
    assert any("seed has no section 'Lifestyle tips'" in error for error in errors)
    assert any(
        "'What lifestyle modifications can support treatment?' is not qualified" in e
        for e in errors
    )


def test_reading_grade_is_reported_per_note(corpus):
    report = check_corpus(corpus, today=TODAY)
    grades = {note.source_id: note.grade for note in report.notes}
    assert grades["knee-and-lower-back-pain"] is None  # the seed is not graded
    assert 0 < grades["imaging-back"] < 12
