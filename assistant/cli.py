"""Command line: parse, call, print. No logic of its own."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from assistant.config import Settings
from assistant.embeddings import set_offline_environment
from assistant.errors import AssistantError, InputError

Command = Callable[[argparse.Namespace, Settings], int]


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    _quiet_environment()
    try:
        return args.command(args, Settings.load(args.config))
    except AssistantError as exc:  # expected failure: one line, its own exit code
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant", description="Grounded knee and lower-back pain assistant."
    )
    parser.add_argument("--config", type=Path, help="settings file (default: ./assistant.toml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    index = commands.add_parser("index", help="build or refresh the search index")
    index.add_argument("--check", action="store_true", help="only check freshness; exit 1 if stale")
    index.set_defaults(command=run_index)

    ask = commands.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--history-file", type=Path, help='JSON list of {"role", "content"} turns')
    ask.add_argument("--json", action="store_true", help="print the Reply object as JSON")
    ask.set_defaults(command=run_ask)

    serve = commands.add_parser("serve", help="serve the chat UI, widget and API")
    serve.add_argument("--host", help="address to bind (default from settings: 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default from settings: 7860)")
    serve.set_defaults(command=run_serve)

    evaluate = commands.add_parser("eval", help="run the grounding evaluation and write reports")
    evaluate.add_argument(
        "--dataset",
        type=Path,
        default=Path("evals/dev"),
        help="a .jsonl file or a folder of them (default: evals/dev)",
    )
    evaluate.add_argument(
        "--report-dir",
        type=Path,
        default=Path("build/eval"),
        help="where report.json, junit.xml and report.md go",
    )
    evaluate.add_argument("--thresholds", type=Path, default=Path("evals/thresholds.toml"))
    evaluate.add_argument(
        "--baseline",
        action="store_true",
        help="also measure the vanilla LangChain retrieval baseline",
    )
    evaluate.set_defaults(command=run_eval)

    corpus = commands.add_parser("corpus", help="corpus tools")
    corpus_commands = corpus.add_subparsers(required=True, metavar="ACTION")
    check = corpus_commands.add_parser(
        "check", help="validate front matter, citations, seed coverage, copying, reading grade"
    )
    check.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (overdue review, reading grade) as errors",
    )
    check.add_argument(
        "--against", type=Path, help="the reference list notes must not copy sentences from"
    )
    check.set_defaults(command=run_corpus_check)
    return parser


def run_index(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.chain import build_config, build_embedder, open_index
    from assistant.index import check_index

    if args.check:
        staleness = check_index(settings.corpus_dir, settings.index_dir, build_config(settings))
        print(f"index: {staleness.describe()}")
        return 1 if staleness.is_stale else 0
    index, report = open_index(settings, build_embedder(settings))
    if report is None:
        print(f"index: up to date ({len(index.passages)} passages, version {index.version})")
    else:
        print(
            f"index: built {report.passages} passages ({report.embedded_passages} embedded, "
            f"{report.reused_passages} reused) in {report.seconds:.1f}s, version {index.version}"
        )
    return 0


def run_ask(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.chain import Assistant
    from assistant.validation import parse_chat_request

    history = _read_history(args.history_file, settings.max_body_bytes) if args.history_file else []
    request = parse_chat_request(
        {"message": args.question, "history": history},
        max_message_chars=settings.max_message_chars,
        max_history_turns=settings.max_history_turns,
    )
    reply = Assistant.from_settings(settings).reply(request.message, request.history)
    if args.json:
        print(json.dumps(reply.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(reply.answer)
    for citation in reply.citations:
        print(f'\n[{citation.n}] {citation.title} — {citation.section}\n    "{citation.quote}"')
    print(f"\n{reply.disclaimer}")
    return 0


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.web.server import serve

    changes = {k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None}
    if args.config is not None:  # worker processes read their settings from the environment
        os.environ["ASSISTANT_CONFIG"] = str(args.config.resolve())
    serve(settings.replace(**changes))
    return 0


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.evaluation.run import run_evaluation

    report = run_evaluation(
        settings,
        dataset=args.dataset,
        report_dir=args.report_dir,
        thresholds=args.thresholds,
        with_baseline=args.baseline,
    )
    for check in report.checks:
        if not check.holds:
            print(f"FAIL {check.metric} = {check.value} ({check.bound} {check.limit})")
    failing = sum(not result.passed for result in report.results)
    verdict = "passed" if report.passed else "FAILED"
    print(
        f"eval {verdict}: {len(report.results)} cases, {failing} failing; "
        f"reports in {args.report_dir}/ (report.md, report.json, junit.xml)"
    )
    return 0 if report.passed else 1


def run_corpus_check(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.corpus_check import TARGET_GRADE, check_corpus

    report = check_corpus(settings.corpus_dir, against=args.against)
    print(f"{'note':44} {'cited':>9} {'grade':>6}  review due")
    for note in report.notes:
        grade = "-" if note.grade is None else f"{note.grade:.1f}"
        print(
            f"{note.source_id[:44]:44} {note.cited_paragraphs:>4}/{note.paragraphs:<4} "
            f"{grade:>6}  {note.review_due}"
        )
        for warning in note.warnings:
            print(f"  warning: {warning}")
    errors = report.all_errors(strict=args.strict)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    grades = [n.grade for n in report.notes if n.grade is not None]
    mean = sum(grades) / len(grades) if grades else 0.0
    print(
        f"corpus: {len(report.notes)} notes, {len(errors)} error(s); mean reading grade "
        f"{mean:.1f} (target <= {TARGET_GRADE:g})"
    )
    return 1 if errors else 0


def _read_history(path: Path, max_bytes: int) -> object:
    """The parsed history file; like an API body, it may be at most `max_bytes` long."""
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(
            f"cannot read history file {path}: {exc.strerror}", code="history_file"
        ) from exc
    if len(data) > max_bytes:
        raise InputError(
            f"history file {path} is over the {max_bytes}-byte limit", code="history_file"
        )
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputError(
            f"history file {path} is not valid UTF-8 JSON", code="history_file"
        ) from exc


def _quiet_environment() -> None:
    """No hub lookups, no telemetry: this program never needs the network."""
    set_offline_environment()
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


if __name__ == "__main__":
    sys.exit(main())
