"""The convex fusion ranks its candidates (dense top-k and the claims above the lowest BM25) exactly as fusing
every claim would: same positions, order, fused values and z-scores, ties and filters included."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.search.hybrid import HybridSettings, dense_z, dense_z_at, rank
from knowledge.search.results import LexicalView


def _view(bm25: np.ndarray, mask: np.ndarray | None) -> LexicalView:
    none = np.zeros(len(bm25), dtype=bool)
    return LexicalView("q", {}, (), (), bm25, bm25, none.astype(np.float32), none, none, mask, (), (), 0, bm25=bm25)


def _every_claim_fused(view: LexicalView, cosines: np.ndarray, share: float, depth: int) -> list[tuple]:
    """The fusion written out over every claim: min-max over the reachable claims, -inf outside them."""
    reach = np.ones(len(cosines), dtype=bool) if view.mask is None else view.mask
    assert view.bm25 is not None

    def scaled(values: np.ndarray) -> np.ndarray:
        low, high = float(values[reach].min()), float(values[reach].max())
        if high - low <= 1e-9:
            return np.zeros(len(values))
        return (values.astype(np.float64) - low) / (high - low)

    fused = np.where(reach, share * scaled(view.bm25) + (1.0 - share) * scaled(cosines), -np.inf)
    z = dense_z(cosines, view.mask)
    order = sorted(np.flatnonzero(reach).tolist(), key=lambda i: (-fused[i], i))[:depth]
    return [(i, float(fused[i]), float(cosines[i]), float(z[i])) for i in order]


@pytest.mark.parametrize("seed", range(40))
def test_candidates_rank_as_every_claim_would(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 400))
    # Few distinct values on both sides: ties everywhere, most claims without any lexical match.
    cosines = rng.choice(np.linspace(0.6, 0.9, int(rng.integers(1, 12))), n).astype(np.float32)
    bm25 = np.where(rng.random(n) < rng.choice([0.0, 0.05, 0.5]), rng.choice([1.0, 2.5, 4.0], n), 0.0)
    bm25 = bm25.astype(np.float32)
    mask = None if seed % 3 else rng.random(n) < 0.6
    view = _view(bm25, mask)
    share = float(rng.choice([0.0, 0.3, 0.5, 1.0]))
    depth = int(rng.choice([1, 5, 50, 500]))
    hits = rank(view, cosines, None, HybridSettings(lexical_share=share), depth=depth)
    assert [(h.position, h.score, h.cosine, h.dense_z) for h in hits] == _every_claim_fused(
        view, cosines, share, max(depth, HybridSettings().lexical_depth)
    )


def test_dense_z_at_is_the_full_z_score_at_those_claims() -> None:
    rng = np.random.default_rng(1)
    cosines = rng.random(300).astype(np.float32)
    allowed = rng.random(300) < 0.5
    picked = np.array([0, 7, 150, 299])
    for mask in (None, allowed):
        assert dense_z_at(cosines, mask, picked).tolist() == dense_z(cosines, mask)[picked].tolist()
    assert dense_z_at(cosines, np.zeros(300, dtype=bool), picked).tolist() == [-np.inf] * 4
