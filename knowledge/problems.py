"""What is wrong with a knowledge base: ``Problem``, ``CorpusError`` and the reference checks.

The loader raises ``CorpusError`` when ``reference_problems`` finds something that would break the
bot at run time; ``knowledge.check`` adds the slower editorial checks for ``lundao corpus check``.
Both build on this module, which builds only on the models (no cycle).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.models import Corpus, Location

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Ids of claims and people: lowercase slugs."""


@dataclass(frozen=True, order=True)
class Problem:
    """One defect found in the knowledge base, printed as one line."""

    path: str
    line: int
    subject: str
    message: str

    @classmethod
    def at(cls, location: Location | None, subject: str, message: str) -> Problem:
        if location is None:
            return cls("", 0, subject, message)
        return cls(location.path, location.line, subject, message)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        about = f" {self.subject}:" if self.subject else ""
        return f"{where}:{about} {self.message}"


class CorpusError(Exception):
    """The knowledge base cannot be loaded; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        first = str(self.problems[0]) if self.problems else "unknown problem"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(first + more)


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
        if not ID_PATTERN.match(claim.id):
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
