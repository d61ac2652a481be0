"""Every dev eval case as its own pytest test (`make eval-cases`; not in the default run,
where `assistant eval` applies the gates to the whole set instead)."""

import pytest

from assistant.chain import Assistant, open_index
from assistant.config import Settings
from assistant.corpus import load_corpus
from assistant.evaluation.dataset import load_cases
from assistant.evaluation.run import DEFAULT_MIN_SUPPORT
from assistant.evaluation.runner import EvalRunner
from assistant.support import SupportScorer
from tests.conftest import REPO

CASES = load_cases(REPO / "evals" / "dev")


@pytest.fixture(scope="module")
def runner(tmp_path_factory, embedder):
    settings = Settings(corpus_dir=REPO / "corpus", index_dir=tmp_path_factory.mktemp("idx"))
    index, _ = open_index(settings, embedder)
    return EvalRunner(
        Assistant(settings, index, embedder),
        load_corpus(settings.corpus_dir),
        SupportScorer(embedder),
        min_support=DEFAULT_MIN_SUPPORT,
    )


@pytest.mark.eval_case
@pytest.mark.parametrize("case", CASES, ids=[case.case_id for case in CASES])
def test_eval_case(runner, case):
    result = runner.run_case(case)
    assert result.passed, "; ".join(result.reasons)
