"""Search benchmark: latency, build time, start-up and peak memory, with bm25s as the reference.

    .venv/bin/python bench/search_bench.py            # bundled corpus, 10k and 100k synthetic claims
    .venv/bin/python bench/search_bench.py --sizes 0   # bundled only (0 means the bundled corpus)

Synthetic corpora are made from the bundled claims' parts, recombined at random: a claim's text is
a real claim text plus a source sentence, its quote a real quote, its English a real gloss,
its speaker and topics drawn from the registries. Each size runs in a child process so that
"peak memory" is that size's own.

bm25s gets the same terms as lundao's index, so the comparison is of the index and scoring, not of
tokenisers: per claim, every term occurrence ``claim_terms`` yields (words and sub-words of text,
quote and gloss, registry names, character pairs, speaker, topics), each counted once where lundao
weighs it by field; per query, the terms of the units lundao's query analysis finds (fuzzy
corrections included). bm25s runs in the calling thread (``n_threads=0``), as lundao does.
Queries: tests/search_eval.yaml, each run once to warm up, then timed, all of them for both (a
query with no indexed term costs bm25s a lookup of its empty token). lundao's time is its whole
``search`` (query analysis, filters, scoring, rerank); bm25s's is ``retrieve`` alone, the query's
terms computed beforehand.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def synthetic(corpus, size: int, seed: int = 7):
    from knowledge.models import Corpus

    rng = random.Random(seed)
    sentences = [
        s.strip()
        for source in corpus.sources.values()
        for s in re.split(r"(?<=[。!?;])", source.text)
        if 12 <= len(s.strip()) <= 160
    ]
    base = corpus.claims
    people = list(corpus.people)
    topics = list(corpus.topics)
    claims = []
    for i in range(size):
        a, b, c = rng.choice(base), rng.choice(base), rng.choice(base)
        claims.append(
            replace(
                a,
                id=f"syn-{i}",
                text=a.text + rng.choice(sentences),
                quote=b.quote,
                en=c.en,
                speaker_id=rng.choice(people),
                topic_ids=tuple(rng.sample(topics, 2)),
            )
        )
    return Corpus(corpus.sources, tuple(claims), corpus.people, corpus.topics, corpus.entities)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def run_size(size: int) -> dict:
    import bm25s

    from knowledge.loader import load_corpus
    from knowledge.search import SearchEngine, claim_terms
    from knowledge.text import clean_query
    from tests.search_judge import load_cases

    corpus = load_corpus()
    if size:
        corpus = synthetic(corpus, size)
    queries = [c["query"] for c in load_cases()]

    started = time.perf_counter()
    engine = SearchEngine.build(corpus)
    build_s = time.perf_counter() - started

    started = time.perf_counter()
    tokens = [[term for term, _ in claim_terms(c, engine.pipeline, engine.matcher)] for c in corpus.claims]
    tokenize_s = time.perf_counter() - started
    started = time.perf_counter()
    reference = bm25s.BM25()
    reference.index(tokens, show_progress=False)
    bm25s_build_s = time.perf_counter() - started

    ours: list[float] = []
    theirs: list[float] = []
    for query in queries:
        engine.search(query)
        for _ in range(3):
            t = time.perf_counter()
            engine.search(query, limit=5)
            ours.append((time.perf_counter() - t) * 1000)
        parsed = engine.analyzer.parse_filters(clean_query(query))
        q_terms = [term for unit in engine.analyzer.units(parsed.text) for term in unit.members]
        reference.retrieve([q_terms], k=5, show_progress=False, n_threads=0)
        for _ in range(3):
            t = time.perf_counter()
            reference.retrieve([q_terms], k=5, show_progress=False, n_threads=0)
            theirs.append((time.perf_counter() - t) * 1000)
    return {
        "claims": len(corpus.claims),
        "build_s": round(build_s, 3),
        "lundao_p50_ms": round(statistics.median(ours), 3),
        "lundao_p99_ms": round(percentile(ours, 99), 3),
        "bm25s_tokenize_s": round(tokenize_s, 3),
        "bm25s_build_s": round(bm25s_build_s, 3),
        "bm25s_p50_ms": round(statistics.median(theirs), 3),
        "bm25s_p99_ms": round(percentile(theirs, 99), 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def startup(cold: bool) -> float:
    """Wall time of `lundao search --json` answering one query, index built from scratch."""
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as cache:
        if cold:
            env["LUNDAO_CACHE_DIR"] = cache
        started = time.perf_counter()
        subprocess.run(
            [str(ROOT / ".venv/bin/lundao"), "search", "--json"],
            input="开源模型\n",
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="0,10000,100000", help="claims per synthetic corpus; 0 = bundled")
    parser.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(run_size(args.one)))
        return 0
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True, cwd=ROOT
        )
        print(out.stdout.strip().splitlines()[-1], flush=True)
    startup(False)  # make sure the warm cache exists
    warm = [startup(False) for _ in range(3)]
    cold = [startup(True) for _ in range(2)]
    print(json.dumps({"startup_warm_s": round(min(warm), 3), "startup_cold_s": round(min(cold), 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
