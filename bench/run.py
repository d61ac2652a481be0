"""`make bench`: every measurement in one run -> bench/results.json and bench/results.md.

Work files go to build/bench/ (rebuilt each run); the project's own index/ is not touched.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from contextlib import ExitStack, closing
from pathlib import Path
from typing import Any

from assistant.chain import Assistant
from assistant.config import Settings
from assistant.corpus import load_corpus
from assistant.embeddings import Embedder, load_embedder, resolve_model_path
from assistant.evaluation.baseline import VanillaBaseline
from assistant.evaluation.dataset import Case
from bench import http_load, inprocess, scale, startup
from bench.machine import describe_machine
from bench.measure import own_peak_rss_mb
from bench.quality import evaluate
from bench.report import write_report
from bench.synthetic import SENTENCES_PER_PASSAGE, SentenceSample

DATASET = Path("evals/dev")
WORK = Path("build/bench")
RESULTS = Path("bench")
REPEATS = 1  # passes over the questions under concurrent load
SEQUENTIAL_REPEATS = 3  # interleaved timed passes (after one warm-up pass of each path)
SCALES = (1_000, 10_000, 100_000)
THROUGHPUT_SAMPLE = 96  # synthetic passages embedded for real (plus their sentences)


def main() -> int:
    started = time.perf_counter()
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    results: dict[str, Any] = {"machine": describe_machine()}
    base = Settings.load()
    results["index_build"] = startup.build_and_update(base, WORK / "incremental", WORK / "index")
    backends = {
        "torch": base.replace(index_dir=WORK / "index"),
        "onnx-int8": base.replace(embedding_backend="onnx-int8", index_dir=WORK / "index-onnx"),
    }
    torch_assistant = Assistant.from_settings(backends["torch"])
    opened = time.perf_counter()
    onnx_assistant = Assistant.from_settings(backends["onnx-int8"])
    results["onnx_index_build_seconds"] = round(time.perf_counter() - opened, 2)
    assistants = {"torch": torch_assistant, "onnx-int8": onnx_assistant}
    settings, assistant = backends["torch"], assistants["torch"]
    cases = inprocess.answerable_cases(DATASET)
    results["questions"] = {"dataset": str(DATASET), "answerable": len(cases)}
    steps = {
        "sequential": lambda: measure_sequential(backends, assistants, cases),
        "quality": lambda: evaluate(settings, WORK / "eval-torch", with_baseline=True),
        "profile": lambda: inprocess.profile_replies(assistant, cases),
        "http": lambda: measure_http(settings, cases),
        "cold_start": lambda: measure_cold_start(settings),
        "backends": lambda: compare_backends(backends, results),
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


def measure_sequential(
    backends: dict[str, Settings], assistants: dict[str, Assistant], cases: list[Case]
) -> dict[str, Any]:
    """Warm sequential latencies, all interleaved (see inprocess.interleaved): per backend
    the query embedding, the floor, our reply in-process and over HTTP (one worker, one
    keep-alive client); and the vanilla LangChain pipeline."""
    settings = backends["torch"]
    built = time.perf_counter()
    vanilla = VanillaBaseline(
        load_corpus(settings.corpus_dir), resolve_model_path(settings.embedding_model)
    )
    vanilla_build_seconds = round(time.perf_counter() - built, 2)
    actions = {"vanilla": inprocess.vanilla_action(vanilla)}
    with ExitStack() as stack:
        for name, assistant in assistants.items():
            server = stack.enter_context(http_load.Server(_server_env(backends[name])))
            connection = stack.enter_context(closing(http_load.connect(server.port)))
            actions |= {
                f"{name}/query_embedding": inprocess.embedding_action(assistant),
                f"{name}/floor": inprocess.floor_action(assistant),
                f"{name}/message_floor": inprocess.floor_action(assistant, in_context=False),
                f"{name}/reply": inprocess.reply_action(assistant),
                f"{name}/http": http_load.post_action(connection),
            }
        latency = inprocess.interleaved(actions, cases, SEQUENTIAL_REPEATS)
    per_backend = {
        name: {
            measure: latency[f"{name}/{measure}"]
            for measure in ("query_embedding", "message_floor", "floor", "reply", "http")
        }
        for name in assistants
    }
    return per_backend | {
        "vanilla": {
            "latency": latency["vanilla"],
            "build_seconds": vanilla_build_seconds,
            "chunks": vanilla.chunks,
        },
        "repeats": SEQUENTIAL_REPEATS,
    }


def _server_env(settings: Settings) -> dict[str, str]:
    return {
        "ASSISTANT_INDEX_DIR": str(settings.index_dir),
        "ASSISTANT_EMBEDDING_BACKEND": settings.embedding_backend,
    }


def measure_http(settings: Settings, cases: list[Case]) -> dict[str, Any]:
    """Concurrent clients: one worker with 4 and 16, two workers with 16; memory of each."""
    payloads = [http_load.chat_payload(case) for case in cases]
    env = _server_env(settings)
    results: dict[str, Any] = {}
    for workers, concurrencies in ((1, (4, 16)), (2, (16,))):
        with http_load.Server({**env, "ASSISTANT_WORKERS": str(workers)}) as server:
            runs = [http_load.load(server.url, payloads * REPEATS, n) for n in concurrencies]
            results[f"workers_{workers}"] = {
                "start_to_first_answer_s": round(server.first_answer_s, 2),
                "runs": runs,
                "memory": server.memory(),
            }
    return results


def compare_backends(backends: dict[str, Settings], results: dict[str, Any]) -> dict[str, Any]:
    """Quality, cold start and memory per backend (latencies are in the sequential step)."""
    torch = {
        "eval": {k: v for k, v in results["quality"].items() if not k.startswith("baseline")},
        "cold_start_with_index": results["cold_start"]["with_index"],
    }
    onnx = backends["onnx-int8"]
    return {
        "torch": torch,
        "onnx-int8": {
            "eval": evaluate(onnx, WORK / "eval-onnx", with_baseline=False),
            "cold_start_with_index": startup.cold_start(_server_env(onnx)),
        },
    }


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
