import json

import pytest

from assistant.corpus import load_corpus
from assistant.errors import InputError
from assistant.evaluation.dataset import load_cases, validate
from tests.conftest import make_corpus

CASE = {
    "id": "c1",
    "category": "factual",
    "message": "What is knee-spine syndrome?",
    "expected_kind": "answer",
    "gold": [
        {
            "source_id": "knee-spine-basics",
            "quote": "Knee-spine syndrome was first described as a posture link",
        }
    ],
}


def write(path, *cases):
    path.write_text("\n".join(json.dumps(case) for case in cases) + "\n")
    return path


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    return load_corpus(make_corpus(tmp_path_factory.mktemp("c") / "corpus"))


def test_valid_case_has_no_problems(tmp_path, documents):
    assert validate(load_cases(write(tmp_path / "a.jsonl", CASE)), documents) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        pytest.param(
            {"gold": [{"source_id": "knee-spine-basics", "quote": "not in the note"}]},
            "not verbatim",
            id="quote-not-verbatim",
        ),
        pytest.param(
            {"gold": [{"source_id": "nope", "quote": "x"}]},
            "not in the corpus",
            id="unknown-source",
        ),
        pytest.param({"gold": []}, "without gold", id="answerable-without-gold"),
        pytest.param({"category": "trivia"}, "unknown category", id="bad-category"),
        pytest.param({"history": [{"role": "system", "content": "x"}]}, "roles", id="bad-role"),
    ],
)
def test_validator_names_the_problem(tmp_path, documents, change, problem):
    problems = validate(load_cases(write(tmp_path / "a.jsonl", {**CASE, **change})), documents)
    assert any(problem in p for p in problems)


def test_duplicate_ids_across_files_are_reported(tmp_path, documents):
    write(tmp_path / "a.jsonl", CASE)
    write(tmp_path / "b.jsonl", CASE)
    assert any("duplicate id" in p for p in validate(load_cases(tmp_path), documents))


def test_broken_line_names_file_and_line(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps(CASE) + "\n{broken\n")
    with pytest.raises(InputError, match=r"a\.jsonl:2"):
        load_cases(tmp_path)


def test_project_dataset_is_valid():
    from tests.conftest import REPO

    cases = load_cases(REPO / "evals" / "dev")
    assert validate(cases, load_corpus(REPO / "corpus")) == []
    assert len(cases) >= 200
