"""What is wrong with a knowledge base: ``Problem``, ``CorpusError`` and the reference checks.

The loader raises ``CorpusError`` when ``reference_problems`` finds something that would break the
bot at run time; ``knowledge.check`` adds the slower editorial checks for ``lundao corpus check``.
Both build on this module, which builds only on the models (no cycle).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

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


UNREADABLE = ("malformed YAML", "cannot read file", "expected a mapping")
"""How a problem begins when a whole file could not be read: every other problem may follow from it."""

REGISTRIES = {"people.yaml": "people", "topics.yaml": "topics", "glossary.yaml": "glossary"}


def is_unreadable_file(problem: Problem) -> bool:
    return problem.message.startswith(UNREADABLE)


def order_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Files that could not be read first (they are the cause of what follows), then by file and line."""
    return sorted(set(problems), key=lambda p: (not is_unreadable_file(p), p))


def unreadable_registries(problems: Iterable[Problem]) -> frozenset[str]:
    """The registries (``people``, ``topics``, ``glossary``) whose file could not be read at all.

    A claim naming a speaker of an unreadable people.yaml is not an "unknown speaker": the registry's
    own error is the one to report, so the reference checks skip what such a registry would answer.
    """
    return frozenset(
        REGISTRIES[name] for p in problems if is_unreadable_file(p) and (name := PurePath(p.path).name) in REGISTRIES
    )


class CorpusError(Exception):
    """The knowledge base cannot be loaded; ``problems`` says where and why, unreadable files first."""

    def __init__(self, problems: list[Problem]):
        self.problems = order_problems(problems)
        first = str(self.problems[0]) if self.problems else "unknown problem"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(first + more)


def reference_problems(corpus: Corpus, skip: frozenset[str] = frozenset()) -> list[Problem]:
    """Dangling references and duplicate ids over claims and drafts: what would break the bot at run time.

    ``skip`` names registries that could not be read (see ``unreadable_registries``): references into
    them are not checked, since their file's own error says why they cannot be resolved.
    """
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for claim in (*corpus.claims, *corpus.drafts):
        where = claim.location
        if claim.id in seen:
            problems.append(Problem.at(where, claim.id, f"duplicate claim id (first in {seen[claim.id]})"))
        else:
            seen[claim.id] = str(where) if where else claim.source_id
        if not ID_PATTERN.match(claim.id):
            problems.append(Problem.at(where, claim.id, "claim id must be a lowercase slug (a-z, 0-9, -)"))
        if claim.source_id not in corpus.sources:
            problems.append(Problem.at(where, claim.id, f"unknown source {claim.source_id!r}"))
        if "people" not in skip and claim.speaker_id not in corpus.people:
            problems.append(Problem.at(where, claim.id, f"unknown speaker {claim.speaker_id!r} (not in people.yaml)"))
        for topic in claim.topic_ids:
            if "topics" not in skip and topic not in corpus.topics:
                problems.append(Problem.at(where, claim.id, f"unknown topic {topic!r} (not in topics.yaml)"))
        if len(set(claim.topic_ids)) != len(claim.topic_ids):
            problems.append(Problem.at(where, claim.id, "a topic is listed twice"))
    return problems
