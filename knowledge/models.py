"""The knowledge base's types: sources, claims and the registries they point into."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from knowledge.fold import squash_space

ClaimKind = Literal["judgement", "number", "prediction", "argument", "fact", "advice"]
CLAIM_KINDS: tuple[str, ...] = ("judgement", "number", "prediction", "argument", "fact", "advice")
SpeakerKind = Literal["person", "publication", "organisation", "group"]
SPEAKER_KINDS: tuple[str, ...] = ("person", "publication", "organisation", "group")
DRAFT, APPROVED = "draft", "approved"
STATUSES: tuple[str, ...] = (DRAFT, APPROVED)
"""A claim or person written by ``lundao corpus suggest`` is a draft until the curator approves it."""


@dataclass(frozen=True)
class Location:
    """Where something was read from: a file and a 1-based line (0 when unknown)."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class SourceMessage:
    """A chat message a claim was saved from (``sources/slack.yaml``'s ``messages``): its claim's quote is in it."""

    claim: str
    channel: str
    ts: str
    text: str
    permalink: str | None = None
    location: Location | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    text: str
    publisher: str | None = None
    author: str | None = None
    date: dt.date | None = None
    url: str | None = None
    summary: str | None = None
    summary_en: str | None = None
    title_is_editorial: bool = False
    via: str | None = None
    seed: str | None = None
    derived_from: str | None = None
    """The source this one was compiled from (a digest of another article's points), if any."""
    messages: tuple[SourceMessage, ...] = ()
    """For a source of chat messages (``lundao corpus pull``): each message and the claim saved from it."""
    location: Location | None = field(default=None, compare=False, repr=False)

    def paragraph_around(self, quote: str) -> str | None:
        """The paragraph of the text that contains ``quote`` (white space aside), if any."""
        needle = squash_space(quote)
        for paragraph in self.text.split("\n\n"):
            if needle and needle in squash_space(paragraph):
                return paragraph.strip()
        return None


@dataclass(frozen=True)
class Person:
    id: str
    kind: str
    zh: str
    en: str
    pinyin: str | None = None
    role: str | None = None
    role_en: str | None = None
    org: str | None = None
    aliases: tuple[str, ...] = ()
    status: str = APPROVED
    location: Location | None = field(default=None, compare=False, repr=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name someone might type for this speaker."""
        found = [self.zh, self.en, *((self.pinyin and [self.pinyin]) or []), *self.aliases]
        return tuple(dict.fromkeys(n for n in found if n))


@dataclass(frozen=True)
class Topic:
    id: str
    zh: str
    en: str
    aliases: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False, repr=False)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for n in (self.id, self.zh, self.en, *self.aliases) if n))


@dataclass(frozen=True)
class Entity:
    """A glossary entry: one named thing and the spellings people use for it."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    zh: str | None = None
    note: str | None = None
    location: Location | None = field(default=None, compare=False, repr=False)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for n in (self.name, *((self.zh and [self.zh]) or []), *self.aliases) if n))


@dataclass(frozen=True)
class Claim:
    id: str
    source_id: str
    text: str
    en: str
    quote: str
    speaker_id: str
    topic_ids: tuple[str, ...]
    kind: str = "judgement"
    digest: bool = True
    takeaway: int | None = None
    status: str = APPROVED
    distinct_from: tuple[str, ...] = ()
    """Ids of claims a curator judged distinct from this one, though the near-duplicate check pairs them."""
    location: Location | None = field(default=None, compare=False, repr=False)

    @property
    def is_draft(self) -> bool:
        return self.status == DRAFT


@dataclass(frozen=True)
class Corpus:
    """The whole knowledge base, loaded and cross-referenced. Immutable once built.

    ``claims`` are the approved claims, the only ones searched, served, exported or posted; ``drafts``
    (``status: draft``, written by ``lundao corpus suggest``) are kept apart for ``corpus check`` and
    ``corpus stats`` until the curator approves them.
    """

    sources: Mapping[str, Source]
    claims: tuple[Claim, ...]
    people: Mapping[str, Person]
    topics: Mapping[str, Topic]
    entities: Mapping[str, Entity]
    root: str = ""
    drafts: tuple[Claim, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "_claims_by_id", {c.id: c for c in self.claims})

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)

    def claim(self, claim_id: str) -> Claim | None:
        return self._claims_by_id.get(claim_id)  # type: ignore[attr-defined]

    def source_of(self, claim: Claim) -> Source:
        return self.sources[claim.source_id]

    def speaker_of(self, claim: Claim) -> Person:
        return self.people[claim.speaker_id]

    def topics_of(self, claim: Claim) -> tuple[Topic, ...]:
        return tuple(self.topics[t] for t in claim.topic_ids if t in self.topics)

    def digest_claims(self) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.digest)
