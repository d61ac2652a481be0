"""`make bench`: every measurement in one run -> bench/results.json and bench/results.md.

Work files go to build/bench/ (rebuilt each run); the project's own index/ is not touched.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from assistant.chain import Assistant
from assistant.config import Settings
from assistant.corpus import load_corpus
from assistant.embeddings import Embedder, load_embedder, resolve_model_path
from assistant.evaluation.dataset import Case
from bench import http_load, inprocess, scale, startup
from bench.backends import compare_backend, evaluate
from bench.machine import describe_machine
from bench.measure import own_peak_rss_mb, summary, time_each
from bench.report import write_report
from bench.synthetic import SENTENCES_PER_PASSAGE, SentenceSample

DATASET = Path("evals/dev")
WORK = Path("build/bench")
RESULTS = Path("bench")
REPEATS = 1  # timed passes over the questions (after one warm-up pass)
SCALES = (1_000, 10_000, 100_000)
THROUGHPUT_SAMPLE = 96  # synthetic passages embedded for real (plus their sentences)


def main() -> int:
    started = time.perf_counter()
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    results: dict[str, Any] = {"machine": describe_machine()}
    base = Settings.load()
    results["index_build"] = startup.build_and_update(base, WORK / "incremental", WORK / "index")
    settings = base.replace(index_dir=WORK / "index")
    assistant = Assistant.from_settings(settings)
    cases = inprocess.answerable_cases(DATASET)
    results["questions"] = {"dataset": str(DATASET), "answerable": len(cases)}
    steps = {
        "in_process": lambda: measure_in_process(settings, assistant, cases),
        "quality": lambda: evaluate(settings, WORK / "eval-torch", with_baseline=True),
        "profile": lambda: inprocess.profile_replies(assistant, cases),
        "http": lambda: measure_http(settings, cases),
        "cold_start": lambda: measure_cold_start(settings),
        "backends": lambda: compare_backends(settings, results, cases),
        "embedding_throughput": lambda: embedding_throughput(settings, assistant),
        "scale": lambda: measure_scale(assistant),
    }
    for name, step in steps.items():
        results[name] = step()
        _save(results, started)  # a run stopped half-way keeps what it measured
    results["bench_process_peak_rss_mb"] = own_peak_rss_mb()
    results["machine"]["load_average_at_end"] = [round(v, 2) for v in os.getloadavg()]
    _save(results, started)
    write_report(RESULTS / "results.json", RESULTS / "results.md")
    print(f"bench: {results['seconds']:.0f}s; see {RESULTS}/results.md")
    return 0


def _save(results: dict[str, Any], started: float) -> None:
    results["seconds"] = round(time.perf_counter() - started, 1)
    (RESULTS / "results.json").write_text(json.dumps(results, indent=1) + "\n")


def measure_cold_start(settings: Settings) -> dict[str, Any]:
    return {
        "with_index": startup.cold_start({"ASSISTANT_INDEX_DIR": str(settings.index_dir)}),
        "without_index": startup.cold_start({"ASSISTANT_INDEX_DIR": str(WORK / "empty-index")}),
    }


def measure_scale(assistant: Assistant) -> dict[str, Any]:
    scale.save_sample(SentenceSample.from_index(assistant.index), WORK / "scale")
    return {
        str(size): scale.run_scale(WORK / "scale" / str(size), size, DATASET) for size in SCALES
    }


def measure_in_process(
    settings: Settings, assistant: Assistant, cases: list[Case]
) -> dict[str, Any]:
    reply = inprocess.reply_latency(assistant, cases, REPEATS)
    floor = inprocess.floor_latency(assistant, cases, REPEATS)
    embedder = assistant.search_engine.embedder
    vanilla = inprocess.vanilla_latency(
        load_corpus(settings.corpus_dir),
        resolve_model_path(settings.embedding_model),
        cases,
        REPEATS,
    )
    return {
        "reply": reply,
        "floor": floor,
        "query_embedding": summary(
            time_each(cases, lambda case: embedder.embed_batch([case.message]))
        ),
        "vanilla": vanilla,
        "reply_p50_to_floor": round(reply["p50_ms"] / floor["p50_ms"], 2),
        "vanilla_p50_to_floor": round(vanilla["latency"]["p50_ms"] / floor["p50_ms"], 2),
    }


def measure_http(settings: Settings, cases: list[Case]) -> dict[str, Any]:
    """One worker: sequential, 4 and 16 clients; two workers: 16 clients; memory of each."""
    payloads = [http_load.chat_payload(case) for case in cases]
    env = {"ASSISTANT_INDEX_DIR": str(settings.index_dir)}
    results: dict[str, Any] = {}
    for workers, concurrencies in ((1, (1, 4, 16)), (2, (16,))):
        with http_load.Server({**env, "ASSISTANT_WORKERS": str(workers)}) as server:
            runs = [http_load.load(server.url, payloads * REPEATS, n) for n in concurrencies]
            results[f"workers_{workers}"] = {
                "start_to_first_answer_s": round(server.first_answer_s, 2),
                "runs": runs,
                "memory": server.memory(),
            }
    return results


def compare_backends(
    settings: Settings, results: dict[str, Any], cases: list[Case]
) -> dict[str, Any]:
    """torch figures from the runs above; onnx-int8 measured the same way on its own index."""
    in_process = results["in_process"]
    torch = {
        "eval": {k: v for k, v in results["quality"].items() if not k.startswith("baseline")},
        "reply": in_process["reply"],
        "query_embedding": in_process["query_embedding"],
        "cold_start_with_index": results["cold_start"]["with_index"],
    }
    onnx_settings = settings.replace(embedding_backend="onnx-int8", index_dir=WORK / "index-onnx")
    onnx = compare_backend(onnx_settings, cases, WORK / "eval-onnx", REPEATS)
    return {"torch": torch, "onnx-int8": onnx}


def embedding_throughput(settings: Settings, assistant: Assistant) -> dict[str, Any]:
    """Real embedding speed on corpus sentences and passages of three of them, per backend,
    and the time a 100k-passage corpus would take to embed at that speed."""
    sample = SentenceSample.from_index(assistant.index)
    sentences = sample.texts[: SENTENCES_PER_PASSAGE * THROUGHPUT_SAMPLE]
    passages = [
        " ".join(sentences[start : start + SENTENCES_PER_PASSAGE])
        for start in range(0, len(sentences), SENTENCES_PER_PASSAGE)
    ]
    rates: dict[str, Any] = {}
    for backend in ("torch", "onnx-int8"):
        embedder = load_embedder(settings.embedding_model, backend=backend)
        rates[backend] = _rates(embedder, passages, sentences)
    return rates


def _rates(embedder: Embedder, passages: list[str], sentences: list[str]) -> dict[str, float]:
    embedder.embed_batch(passages[:16])  # load the model
    timings = {}
    for name, texts in (("passages", passages), ("sentences", sentences)):
        started = time.perf_counter()
        embedder.embed_batch(texts)
        timings[name] = len(texts) / (time.perf_counter() - started)
    per_passage_s = 1 / timings["passages"] + SENTENCES_PER_PASSAGE / timings["sentences"]
    hours = 100_000 * per_passage_s / 3600
    return {
        "passages_per_s": round(timings["passages"], 1),
        "sentences_per_s": round(timings["sentences"], 1),
        "hours_to_embed_100k_passages": round(hours, 2),
    }


if __name__ == "__main__":
    sys.exit(main())
