"""What serving a claim approved in Slack costs a process: the version check and the incremental add.

    .venv/bin/python bench/team_add_bench.py                 # bundled corpus and 10k synthetic claims
    .venv/bin/python bench/team_add_bench.py --sizes 0 100000

For each size: the engine is built once without the disk cache (its time printed for comparison: what a
rebuild per approval would cost), then one new claim (with its stored vector, as the database hands it
over) is added with ``knowledge.search.additions.with_claims`` REPEATS times, timed; then the
``team_kb_version`` read that every process makes at most once a second, on a SQLite file. Synthetic
corpora are ``bench/search_bench.py``'s; their vectors random unit rows under the stub embedder.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPEATS = 7


def new_claim_corpus(corpus):
    from knowledge.models import Claim, Corpus, Person, Source

    text = "我们团队认为鸿蒙生态的端侧模型会在明年爆发。"
    source = Source(id="slack-bench-1", title="Slack", text=text)
    person = Person(id="slack-ubench", kind="person", zh="小明", en="Xiaoming")
    claim = Claim(
        id="slack-bench-1",
        source_id=source.id,
        text="小明认为鸿蒙生态的端侧模型明年会爆发。",
        en="Xiaoming expects on-device models on HarmonyOS to take off next year.",
        quote=text,
        speaker_id=person.id,
        topic_ids=(next(iter(corpus.topics)),),
    )
    return Corpus(
        {**corpus.sources, source.id: source},
        (*corpus.claims, claim),
        {**corpus.people, person.id: person},
        corpus.topics,
        corpus.entities,
    )


def run(size: int) -> None:
    import numpy as np

    from bench.search_bench import synthetic
    from knowledge.loader import load_corpus
    from knowledge.search import SearchEngine
    from knowledge.search.additions import with_claims
    from knowledge.search.embedding import HashingStubEmbedder, l2_normalise
    from knowledge.search.hybrid import SemanticSide
    from knowledge.search.vectors import ClaimVectors, claim_passage, content_hash

    bundled = load_corpus()
    corpus = synthetic(bundled, size) if size else bundled
    started = time.perf_counter()
    engine = SearchEngine.build(corpus, use_cache=False)
    build = time.perf_counter() - started
    stub = HashingStubEmbedder()
    rng = np.random.default_rng(7)
    matrix = l2_normalise(rng.standard_normal((len(corpus.claims), stub.dimension), dtype=np.float32))
    hashes = tuple(content_hash(stub.name, claim_passage(c)) for c in corpus.claims)
    engine.semantic = SemanticSide(stub, ClaimVectors(stub.name, tuple(c.id for c in corpus.claims), hashes, matrix))
    grown = new_claim_corpus(corpus)
    stored = {"slack-bench-1": stub.embed_passages([claim_passage(grown.claims[-1])])[0]}
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        added = with_claims(engine, grown, stored)
        times.append(time.perf_counter() - started)
    assert added.search("鸿蒙 端侧模型").hits[0].claim.id == "slack-bench-1"
    label = f"{size} synthetic" if size else f"bundled ({len(corpus.claims)})"
    print(
        f"{label:>18} claims: full build {build:7.2f} s | add one claim: median {1000 * statistics.median(times):7.1f} ms,"
        f" max {1000 * max(times):7.1f} ms (first, with the average-length sample: {1000 * times[0]:.1f} ms)"
    )


def version_read() -> None:
    from bot.db_migrate import upgrade_engine
    from bot.digest.store import make_engine
    from bot.team.store import TeamStore

    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/bench.sqlite3")
        upgrade_engine(engine)
        store = TeamStore(engine)
        store.version()
        times = []
        for _ in range(200):
            started = time.perf_counter()
            store.version()
            times.append(time.perf_counter() - started)
        engine.dispose()
    times.sort()
    print(
        f"team_kb_version read (SQLite file, 200 reads): p50 {1000 * times[100]:.2f} ms, p99 {1000 * times[197]:.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 10_000], help="0 means the bundled corpus")
    args = parser.parse_args()
    for size in args.sizes:
        run(size)
    version_read()


if __name__ == "__main__":
    main()
