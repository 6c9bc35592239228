"""Saving a Slack message as a claim, reviewing it, and what a saved row is as knowledge-base objects.

The service validates what the modal sent (every problem named on its field, so Slack keeps the modal
open with the user's input: nothing typed is lost), stores pending claims with their provenance, and
approves or rejects them; approving embeds the claim once and stores the vector with it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy.exc import SQLAlchemyError

from bot.mrkdwn import escape
from bot.team.blocks import AUTHOR_OPTION, MAX_EN, MAX_SUMMARY, MAX_TOPICS, PERSON_PREFIX, Choice
from bot.team.store import AlreadySaved, TeamClaim, TeamStore
from bot.team.texts import text
from config.settings import Settings
from knowledge.fold import squash_space
from knowledge.models import Claim, Corpus, Person, Source

if TYPE_CHECKING:
    from bot.team.live import LiveKnowledge
    from knowledge.search.embedding import Embedder

log = logging.getLogger("lundao.team")


@dataclass(frozen=True)
class SavedMessage:
    """The message being saved, as the shortcut saw it (carried in the modal's private_metadata)."""

    channel_id: str
    message_ts: str
    author_id: str
    author_name: str
    text: str
    """Readable (``bot.team.markup.readable``): the quote must be found in it."""

    def metadata(self) -> dict[str, str]:
        return {"c": self.channel_id, "ts": self.message_ts, "a": self.author_id, "n": self.author_name, "t": self.text}

    @classmethod
    def from_metadata(cls, data: Mapping[str, Any]) -> SavedMessage | None:
        try:
            return cls(str(data["c"]), str(data["ts"]), str(data["a"]), str(data["n"]), str(data["t"]))
        except (KeyError, TypeError):
            return None


class Invalid(Exception):
    """What is wrong with a submission: block id → message, as ``response_action: errors`` takes them."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class Fields:
    """A submission's values, checked."""

    quote: str
    text: str
    en: str
    speaker_id: str | None
    topics: tuple[str, ...]


def claim_id_for(channel_id: str, message_ts: str) -> str:
    """A stable slug per message: saving it twice meets the same id."""
    return f"slack-{channel_id.lower()}-{message_ts.replace('.', '-')}"


def author_person_id(author_id: str) -> str:
    return f"slack-{author_id.lower()}"


def message_date(message_ts: str) -> dt.date | None:
    try:
        return dt.datetime.fromtimestamp(float(message_ts), dt.UTC).date()
    except (ValueError, OverflowError):
        return None


def knowledge_of(row: TeamClaim, people: Mapping[str, Person]) -> tuple[Claim, Source, Person | None]:
    """The claim a saved row stands for, its source (the message) and, for a new speaker, the person."""
    person: Person | None = None
    speaker = row.speaker_id
    if speaker is None or speaker not in people:
        # The author as a new person (also when the registry person chosen has left the registry since).
        speaker = author_person_id(row.author_id)
        if speaker not in people:
            person = Person(id=speaker, kind="person", zh=row.author_name, en=row.author_name)
    source = Source(
        id=row.claim_id,
        title=f"Slack · {row.author_name}",
        text=row.message_text,
        date=message_date(row.message_ts),
        url=row.permalink,
    )
    claim = Claim(
        id=row.claim_id,
        source_id=source.id,
        text=row.text,
        en=row.en,
        quote=row.quote,
        speaker_id=speaker,
        topic_ids=row.topics,
    )
    return claim, source, person


def state_values(view: Mapping[str, Any]) -> dict[str, Any]:
    """A submitted view's inputs by block id: text, one selected value, or a list of selected values."""
    found: dict[str, Any] = {}
    for block_id, actions in ((view.get("state") or {}).get("values") or {}).items():
        for element in (actions or {}).values():
            if "selected_options" in element:
                found[block_id] = [str(o.get("value")) for o in element.get("selected_options") or []]
            elif "selected_option" in element:
                found[block_id] = str((element.get("selected_option") or {}).get("value") or "")
            else:
                found[block_id] = str(element.get("value") or "")
    return found


@dataclass
class TeamService:
    store: TeamStore
    settings: Settings
    live: LiveKnowledge | None = field(default=None)
    extra_home_blocks: Callable[[], list[dict[str, Any]]] | None = None
    """More blocks for the curators' App Home section (the top gaps, for instance)."""
    on_approved: Callable[[Claim], None] | None = None
    """Called with each claim once it is approved and served here (to mark the gaps it answers, for instance);
    its failure is logged, never the approval's."""

    @property
    def language(self) -> str:
        return self.settings.language

    def is_curator(self, user_id: str, is_workspace_admin: bool) -> bool:
        """``curators`` from the settings when given; else workspace admins and the digest's admins."""
        if self.settings.curators:
            return user_id in self.settings.curators
        return is_workspace_admin or user_id in self.settings.digest.admins

    # --- the modal's choices ----------------------------------------------------------------

    def speaker_choices(self, corpus: Corpus, message: SavedMessage) -> tuple[list[Choice], str]:
        """The author as a new person first, then the registry's approved people; and the preselected one."""
        chosen = AUTHOR_OPTION
        choices = [Choice(AUTHOR_OPTION, text(self.language, "speaker_author", name=message.author_name))]
        for person in sorted(corpus.people.values(), key=lambda p: p.id):
            if person.status != "approved":
                continue
            choices.append(Choice(PERSON_PREFIX + person.id, f"{person.zh} · {person.en}"))
            if message.author_name in person.names or person.id == author_person_id(message.author_id):
                chosen = PERSON_PREFIX + person.id  # the author is already in the registry
        return choices, chosen

    def topic_choices(self, corpus: Corpus) -> list[Choice]:
        return [Choice(t.id, f"{t.zh} · {t.en}") for t in corpus.topics.values()]

    # --- saving -----------------------------------------------------------------------------

    def check(self, corpus: Corpus, values: Mapping[str, Any], message_text: str) -> Fields:
        """The submission's fields, or Invalid naming every problem on its field."""
        lang = self.language
        errors: dict[str, str] = {}
        summary = str(values.get("summary") or "").strip()
        if not summary:
            errors["summary"] = text(lang, "err_summary_empty")
        elif "\n" in summary:
            errors["summary"] = text(lang, "err_summary_lines")
        elif len(summary) > MAX_SUMMARY:
            errors["summary"] = text(lang, "err_too_long", limit=MAX_SUMMARY)
        quote = str(values.get("quote") or "").strip()
        if not quote:
            errors["quote"] = text(lang, "err_quote_empty")
        elif squash_space(quote) not in squash_space(message_text):
            errors["quote"] = text(lang, "err_quote_changed")
        raw_topics = values.get("topics") or []
        topics = tuple(dict.fromkeys(str(t) for t in raw_topics)) if isinstance(raw_topics, list) else ()
        unknown = [t for t in topics if t not in corpus.topics]
        if not topics:
            errors["topics"] = text(lang, "err_topics_empty")
        elif unknown:
            errors["topics"] = text(lang, "err_topic_unknown", topics=", ".join(unknown))
        elif len(topics) > MAX_TOPICS:
            errors["topics"] = text(lang, "err_topics_many", limit=MAX_TOPICS)
        speaker_value = str(values.get("speaker") or AUTHOR_OPTION)
        speaker_id: str | None = None
        if speaker_value != AUTHOR_OPTION:
            speaker_id = speaker_value.removeprefix(PERSON_PREFIX)
            if not speaker_value.startswith(PERSON_PREFIX) or speaker_id not in corpus.people:
                errors["speaker"] = text(lang, "err_speaker_unknown")
        en = str(values.get("en") or "").strip()
        if len(en) > MAX_EN:
            errors["en"] = text(lang, "err_too_long", limit=MAX_EN)
        if errors:
            raise Invalid(errors)
        return Fields(quote, summary, en, speaker_id, topics)

    def save(
        self,
        corpus: Corpus,
        message: SavedMessage,
        values: Mapping[str, Any],
        *,
        saved_by: str,
        permalink: str | None,
    ) -> TeamClaim:
        """Store a pending claim; Invalid (on the summary field) when the message is already saved or the
        database is down, so the modal stays open with what was typed."""
        fields = self.check(corpus, values, message.text)
        try:
            return self.store.save(
                claim_id=claim_id_for(message.channel_id, message.message_ts),
                channel_id=message.channel_id,
                message_ts=message.message_ts,
                permalink=permalink,
                author_id=message.author_id,
                author_name=message.author_name,
                message_text=message.text,
                quote=fields.quote,
                text=fields.text,
                en=fields.en,
                speaker_id=fields.speaker_id,
                topics=fields.topics,
                saved_by=saved_by,
            )
        except AlreadySaved as exc:
            raise Invalid({"summary": self.already_saved_text(exc.existing, "err_already_saved")}) from None
        except SQLAlchemyError as exc:
            log.warning("team: cannot save a claim: %s", type(exc).__name__)
            raise Invalid({"summary": text(self.language, "err_database")}) from None

    def already_saved_text(self, row: TeamClaim | None, key: str) -> str:
        status = text(self.language, f"status_{row.status}") if row else "?"
        return text(self.language, key, status=status, user=row.saved_by if row else "?")

    def edit(self, corpus: Corpus, row: TeamClaim, values: Mapping[str, Any]) -> TeamClaim | None:
        """Apply an edit to a pending claim; None when it was reviewed meanwhile. Invalid as for ``save``."""
        fields = self.check(corpus, values, row.message_text)
        try:
            changed = self.store.edit(
                row.claim_id,
                quote=fields.quote,
                text=fields.text,
                en=fields.en,
                speaker_id=fields.speaker_id,
                topics=fields.topics,
            )
        except SQLAlchemyError as exc:
            log.warning("team: cannot edit a claim: %s", type(exc).__name__)
            raise Invalid({"summary": text(self.language, "err_database")}) from None
        return self.store.get(row.claim_id) if changed else None

    # --- reviewing --------------------------------------------------------------------------

    def approve(self, claim_id: str, by: str, corpus: Corpus, embedder: Embedder | None) -> TeamClaim | None:
        """Approve a pending claim (its vector computed now, once, and stored); None if not pending.
        This process serves it at once; the others when they next see the version change."""
        row = self.store.get(claim_id)
        if row is None or row.status != "pending":
            return None
        vector: bytes | None = None
        if embedder is not None:
            from knowledge.search.vectors import claim_passage

            claim = knowledge_of(row, corpus.people)[0]
            vector = np.asarray(embedder.embed_passages([claim_passage(claim)])[0], dtype=np.float32).tobytes()
        approved = self.store.approve(claim_id, by, vector, embedder.name if embedder is not None else None)
        if approved is not None and self.live is not None:
            self.live.refresh(force=True)
        if approved is not None and self.on_approved is not None:
            try:
                self.on_approved(knowledge_of(approved, corpus.people)[0])
            except Exception:
                log.exception("team: the on_approved hook failed for %s", claim_id)
        return approved

    def reject(self, claim_id: str, by: str) -> TeamClaim | None:
        return self.store.reject(claim_id, by)

    def dm_text(self, row: TeamClaim) -> str:
        key = "dm_approved" if row.status == "approved" else "dm_rejected"
        return text(self.language, key, text=escape(row.text))
