"""The hybrid's fusion over its candidates against the fusion over every claim: same answers, and the time saved.

    .venv/bin/python bench/fusion_check.py                      # bundled knowledge base, shipped claim vectors
    .venv/bin/python bench/fusion_check.py --size 100000 --index-dir /tmp/ix100k   # synthetic claims (search_bench's)

``knowledge.search.hybrid`` ranks the fused top from a float32 estimate of every claim's fused value,
computing the exact (float64) values only for the claims the estimate puts near the top, and the dense
z-score only for the claims it returns. ``reference_rank_convex`` below is the code it replaced (min-max
scaling, the mix and the z-score over every claim), kept here verbatim as the yardstick. For every question
of tests/search_eval.yaml and of both shared sets (../shared/eval/queries.yaml, natural.yaml) this asks the engine twice, once with each
fusion, and compares what a user sees (claim ids in order, the total, refusal, unknown names, the lacking
word) for the first page and the "More" page, and the ranked candidates themselves (position, fused value,
cosine, z: exactly, no tolerance). Then it times ``rank`` alone and the whole search (query embedding
remembered, so the fusion is not lost in its noise), old and new alternating query by query, CPU time
(``time.process_time``) and wall. Exit status 1 when any answer differs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from knowledge.search import hybrid  # noqa: E402
from knowledge.search.results import top_positions  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"


def reference_minmax(values: np.ndarray, reach: np.ndarray | None) -> np.ndarray:
    pool = values if reach is None else values[reach]
    if pool.size == 0:
        return np.zeros(len(values), dtype=np.float64)
    low, high = float(pool.min()), float(pool.max())
    if high - low <= 1e-9:
        return np.zeros(len(values), dtype=np.float64)
    return (values.astype(np.float64) - low) / (high - low)


def reference_dense_z(cosines: np.ndarray, allowed: np.ndarray | None = None) -> np.ndarray:
    pool = cosines if allowed is None else cosines[allowed]
    if len(pool) == 0:
        return np.full(len(cosines), -np.inf, dtype=np.float32)
    mean, std = float(pool.mean()), float(pool.std())
    z = ((cosines - mean) / max(std, 1e-6)).astype(np.float32)
    if allowed is not None:
        z[~allowed] = -np.inf
    return z


def reference_rank_convex(view, cosines, z, settings, depth):  # type: ignore[no-untyped-def]
    """main's ``_rank_convex`` (and the full ``dense_z`` its caller computed) before the candidates."""
    if z is None:
        z = reference_dense_z(cosines, view.mask)
    reach = view.mask
    share = settings.lexical_share
    fused = share * reference_minmax(hybrid.plain_bm25(view), reach) + (1.0 - share) * reference_minmax(cosines, reach)
    if reach is not None:
        fused = np.where(reach, fused, -np.inf)
    depth = min(depth, int(np.isfinite(fused).sum()))
    return [
        hybrid.HybridHit(pos, float(fused[pos]), float(view.score[pos]), float(cosines[pos]), float(z[pos]))
        for pos in (int(i) for i in top_positions(fused, depth))
    ]


CANDIDATES = hybrid._rank_convex


def use(fusion) -> None:  # type: ignore[no-untyped-def]
    hybrid._rank_convex = fusion  # type: ignore[assignment]


def questions() -> dict[str, list[str]]:
    from tests.search_judge import load_cases

    sets = {"own (tests/search_eval.yaml)": [c["query"] for c in load_cases()]}
    for name in ("queries.yaml", "natural.yaml"):
        path = SHARED / name
        if path.exists():
            sets[f"shared {name}"] = [c["query"] for c in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return sets


def answer(engine, query: str) -> list:  # type: ignore[no-untyped-def]
    pages = []
    for offset in (0, 5):
        result = engine.search(query, limit=5, offset=offset)
        pages.append(
            (
                [h.claim.id for h in result.hits],
                [h.score for h in result.hits],
                result.total,
                result.refusal,
                result.unknown,
                result.lacking,
            )
        )
    return pages


def ranked(engine, query: str) -> list[tuple] | None:  # type: ignore[no-untyped-def]
    view = engine.score_all(query, discount_context=True)
    if view.problems or view.filters_only or not view.units:
        return None
    side = engine.semantic
    cosines = side.vectors.cosines(side.query_vector(view.text))
    return [tuple(vars(h).values()) for h in hybrid.rank(view, cosines, None, side.settings, depth=60)]


def ms(values: list[float]) -> str:
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):.3f} / p99 {p99:.3f} ms"


def timing(engine, queries: list[str], rounds: int) -> dict:  # type: ignore[no-untyped-def]
    side = engine.semantic
    prepared = []
    for query in queries:
        view = engine.score_all(query, discount_context=True)
        if not (view.problems or view.filters_only or not view.units):
            prepared.append((view, side.vectors.cosines(side.query_vector(view.text))))
    out: dict[str, dict[str, list[float]]] = {
        part: {"old_cpu": [], "new_cpu": [], "old_wall": [], "new_wall": []} for part in ("rank", "search")
    }
    for _ in range(rounds):
        for view, cosines in prepared:
            for label, fusion in (("old", reference_rank_convex), ("new", CANDIDATES)):
                use(fusion)
                c, t = time.process_time(), time.perf_counter()
                hybrid.rank(view, cosines, None, side.settings, depth=5)
                out["rank"][f"{label}_cpu"].append((time.process_time() - c) * 1000)
                out["rank"][f"{label}_wall"].append((time.perf_counter() - t) * 1000)
        for query in queries:
            for label, fusion in (("old", reference_rank_convex), ("new", CANDIDATES)):
                use(fusion)
                c, t = time.process_time(), time.perf_counter()
                engine.search(query, limit=5)
                out["search"][f"{label}_cpu"].append((time.process_time() - c) * 1000)
                out["search"][f"{label}_wall"].append((time.perf_counter() - t) * 1000)
    use(CANDIDATES)
    return {
        f"{part} {kind}": {label: ms(series[f"{label}_{kind}"]) for label in ("old", "new")}
        for part, series in out.items()
        for kind in ("cpu", "wall")
    }


def main() -> int:
    from search_bench import semantic_side, synthetic

    from knowledge.loader import load_corpus
    from knowledge.search import SearchEngine

    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=0, help="synthetic claims (search_bench's); 0: the bundled ones")
    parser.add_argument("--index-dir", type=Path, default=None, help="saved lexical index (speeds a second run)")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds over the own set's questions")
    args = parser.parse_args()

    corpus = load_corpus()
    if args.size:
        corpus = synthetic(corpus, args.size)
    engine = SearchEngine.build(corpus, use_cache=args.index_dir is not None, index_dir=args.index_dir)
    engine.semantic = semantic_side(corpus, args.size)
    report: dict = {"claims": len(corpus.claims), "sets": {}}
    differing: list[str] = []
    for name, queries in questions().items():
        same = 0
        for query in queries:
            use(reference_rank_convex)
            before = (answer(engine, query), ranked(engine, query))
            use(CANDIDATES)
            after = (answer(engine, query), ranked(engine, query))
            if before == after:
                same += 1
            else:
                differing.append(f"{name}: {query}")
        report["sets"][name] = f"{same} of {len(queries)} questions answered identically (both pages, candidates)"
    report["differing"] = differing
    report["timing_ms"] = timing(engine, questions()["own (tests/search_eval.yaml)"], args.rounds)
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
