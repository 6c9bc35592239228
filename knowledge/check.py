"""``lundao corpus check``: every defect of the knowledge base, one line each."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz

from knowledge.fold import fold, squash_space
from knowledge.loader import read_corpus
from knowledge.models import Corpus
from knowledge.problems import ID_PATTERN, Problem, reference_problems

# Two claims whose Chinese statements are this similar (rapidfuzz ratio, 0-100) say the same thing.
NEAR_DUPLICATE_RATIO = 90.0


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
    folded = [(c, fold(c.text), fold(c.quote)) for c in corpus.claims]
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
        if not ID_PATTERN.match(person.id):
            problems.append(Problem.at(person.location, person.id, "person id must be a lowercase slug"))
        if person.kind == "person" and not person.pinyin:
            problems.append(Problem.at(person.location, person.id, "a person needs a pinyin name"))
    alias_owner: dict[str, str] = {}
    for entity in corpus.entities.values():
        for name in entity.names:
            key = fold(name)
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
