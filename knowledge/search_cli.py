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
from knowledge.loader import load_corpus_or_fail

if TYPE_CHECKING:  # the engine (numpy, jieba, OpenCC) is imported only when a search runs
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
    search.set_defaults(handler=run_search)


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
    if result.filters:
        record["filters"] = result.filters
    if result.problems:
        record["problems"] = list(result.problems)
    return record


def print_text(engine: SearchEngine, result: SearchResult, out: TextIO, *, explain: bool = False) -> None:
    for problem in result.problems:
        print(problem, file=out)
    if not result.hits:
        print(f"no good answer for {result.query.strip()!r}", file=out)
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

    engine = SearchEngine.build(corpus)

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
