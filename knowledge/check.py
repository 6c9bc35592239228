"""``lundao corpus check``: every defect of the knowledge base, one line each."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz

from knowledge.loader import Problem, read_corpus
from knowledge.models import Corpus

# Two claims whose Chinese statements are this similar (rapidfuzz ratio, 0-100) say the same thing.
NEAR_DUPLICATE_RATIO = 90.0
_ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def squash_space(text: str) -> str:
    """The text with all white space removed: quotes are compared to sources this way."""
    return "".join(text.split())


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PSZ")


def reference_problems(corpus: Corpus) -> list[Problem]:
    """Dangling references and duplicate ids: what would break the bot at run time."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for claim in corpus.claims:
        where = claim.location
        if claim.id in seen:
            problems.append(Problem.at(where, claim.id, f"duplicate claim id (first in {seen[claim.id]})"))
        else:
            seen[claim.id] = str(where) if where else claim.source_id
        if not _ID_PATTERN.match(claim.id):
            problems.append(Problem.at(where, claim.id, "claim id must be a lowercase slug (a-z, 0-9, -)"))
        if claim.source_id not in corpus.sources:
            problems.append(Problem.at(where, claim.id, f"unknown source {claim.source_id!r}"))
        if claim.speaker_id not in corpus.people:
            problems.append(Problem.at(where, claim.id, f"unknown speaker {claim.speaker_id!r} (not in people.yaml)"))
        for topic in claim.topic_ids:
            if topic not in corpus.topics:
                problems.append(Problem.at(where, claim.id, f"unknown topic {topic!r} (not in topics.yaml)"))
        if len(set(claim.topic_ids)) != len(claim.topic_ids):
            problems.append(Problem.at(where, claim.id, "a topic is listed twice"))
    return problems


def quote_problems(corpus: Corpus) -> list[Problem]:
    problems: list[Problem] = []
    squashed = {sid: squash_space(s.text) for sid, s in corpus.sources.items()}
    for claim in corpus.claims:
        text = squashed.get(claim.source_id)
        if text is not None and squash_space(claim.quote) not in text:
            problems.append(
                Problem.at(claim.location, claim.id, f"quote not found verbatim in source {claim.source_id!r}")
            )
    return problems


def near_duplicate_problems(corpus: Corpus, threshold: float = NEAR_DUPLICATE_RATIO) -> list[Problem]:
    problems: list[Problem] = []
    folded = [(c, _fold(c.text), _fold(c.quote)) for c in corpus.claims]
    for i, (a, text_a, quote_a) in enumerate(folded):
        for b, text_b, quote_b in folded[i + 1 :]:
            if a.id == b.id:
                continue  # reported as a duplicate id
            same_text = fuzz.ratio(text_a, text_b) >= threshold
            same_quote = quote_a == quote_b and a.source_id == b.source_id
            if same_text or same_quote:
                what = "statement" if same_text else "quote"
                problems.append(Problem.at(b.location, b.id, f"near-duplicate {what} of claim {a.id!r}"))
    return problems


def registry_problems(corpus: Corpus) -> list[Problem]:
    problems: list[Problem] = []
    for person in corpus.people.values():
        if not _ID_PATTERN.match(person.id):
            problems.append(Problem.at(person.location, person.id, "person id must be a lowercase slug"))
        if person.kind == "person" and not person.pinyin:
            problems.append(Problem.at(person.location, person.id, "a person needs a pinyin name"))
    alias_owner: dict[str, str] = {}
    for entity in corpus.entities.values():
        for name in entity.names:
            key = _fold(name)
            if key in alias_owner and alias_owner[key] != entity.id:
                problems.append(
                    Problem.at(entity.location, entity.id, f"alias {name!r} also names {alias_owner[key]!r}")
                )
            alias_owner.setdefault(key, entity.id)
    return problems


def coverage_problems(corpus: Corpus) -> list[Problem]:
    """Sources with no claims, and takeaway numbers given twice."""
    problems: list[Problem] = []
    per_source: dict[str, int] = defaultdict(int)
    takeaways: dict[int, str] = {}
    for claim in corpus.claims:
        per_source[claim.source_id] += 1
        if claim.takeaway is not None:
            if claim.takeaway in takeaways:
                problems.append(
                    Problem.at(
                        claim.location, claim.id, f"takeaway {claim.takeaway} already on {takeaways[claim.takeaway]!r}"
                    )
                )
            takeaways[claim.takeaway] = claim.id
    for source in corpus.sources.values():
        if per_source[source.id] == 0:
            problems.append(Problem.at(source.location, source.id, "source has no claims"))
    return problems


def check_corpus(root: Path | str | None = None) -> tuple[Corpus, list[Problem]]:
    """Load and validate; returns the corpus and every problem found, sorted by file and line."""
    corpus, problems = read_corpus(root)
    problems += reference_problems(corpus)
    problems += quote_problems(corpus)
    problems += near_duplicate_problems(corpus)
    problems += registry_problems(corpus)
    problems += coverage_problems(corpus)
    return corpus, sorted(set(problems))
