"""What every listener group shares: the app's dependencies and the answers built from them.

Listeners stay thin: they read the payload, call one of these, and send the blocks back. Keeping
the answers here means the slash command, the buttons, the thread answers and the console agree.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from slack_sdk.models.blocks import Block

from bot import blocks as kit
from bot.events_seen import EventLedgerLike, MemoryLedger
from bot.feedback_blocks import with_feedback
from bot.i18n import Strings
from config.settings import Settings
from knowledge.models import Claim, Corpus
from knowledge.search import MAX_QUERY_CHARS, Hit, SearchEngine, SearchResult
from knowledge.text import strip_slack_markup

if TYPE_CHECKING:
    from bot.feedback.service import FeedbackService
    from bot.team.service import TeamService

RELATED_LIMIT = 3


class DigestLike(Protocol):
    """The part of ``bot.digest.service.DigestService`` the Slack listeners use."""

    def todays_claim(self, channel_id: str | None, on: dt.date | None = None) -> Claim | None: ...

    def subscribe(self, channel_id: str, *, time: str | None, weekdays_only: bool | None) -> str: ...

    def unsubscribe(self, channel_id: str) -> str: ...

    def can_manage(self, user_id: str, is_workspace_admin: bool) -> bool: ...

    def thread_claim(self, channel_id: str, thread_ts: str) -> Claim | None: ...


@dataclass(frozen=True)
class Reply:
    """A message to send: the notification text and the blocks."""

    text: str
    blocks: list[Block]

    def block_dicts(self) -> list[dict[str, Any]]:
        return kit.to_dicts(self.blocks)


def message_to_query(text: str) -> str:
    """A Slack message's text as a search query, through the search's own markup rule (one place)."""
    return " ".join(strip_slack_markup(text).split())[:MAX_QUERY_CHARS]


@dataclass
class Lundao:
    """The app's dependencies, passed explicitly to each listener group's ``register``."""

    settings: Settings
    corpus: Corpus
    search_engine: SearchEngine
    digest: DigestLike | None = None
    today: Callable[[], dt.date] | None = None
    """The local date (tests pin it); None means today in the digest time zone."""
    events: EventLedgerLike = field(default_factory=MemoryLedger)
    """Which Slack events were answered: the database's ledger in ``lundao run``, this process's otherwise."""
    rng: random.Random = field(default_factory=random.Random)
    team: TeamService | None = None
    """Saving, reviewing and serving the team's insights (``bot.team``); None when no database is wired."""
    feedback: FeedbackService | None = None
    """Helpful / Not helpful, gaps and learned phrasings (bot.feedback); None when no database is wired."""
    answers: Executor | None = None
    """Where a slash command's answer runs after its ack (``bot.app.create_app`` sets it); None: in the ack's thread."""

    @property
    def strings(self) -> Strings:
        return Strings(self.settings.language)

    @property
    def command(self) -> str:
        return self.settings.command

    def date(self) -> dt.date:
        if self.today is not None:
            return self.today()
        return dt.datetime.now(self.settings.digest.tz).date()

    # --- searching ----------------------------------------------------------------------------

    def search(self, query: str, offset: int = 0, *, limit: int | None = None) -> SearchResult:
        """The search's answer; with feedback wired, claims of close learned phrasings come first."""
        query, limit = query[:MAX_QUERY_CHARS], self.settings.results_per_page if limit is None else limit
        if self.feedback is not None:
            return self.feedback.search(self.search_engine, query, limit=limit, offset=offset)
        return self.search_engine.search(query, limit=limit, offset=offset)

    def answer(self, query: str, offset: int = 0, *, user_id: str | None = None) -> Reply:
        """A page of results for the slash command or the More button (a first page without answer is a gap)."""
        offset = max(0, offset)
        result = self.search(query, offset)
        blocks = kit.results_blocks(self.corpus, result, self.strings, query=query, offset=offset, command=self.command)
        if self.feedback is not None:
            if offset == 0:
                self.feedback.note_unanswered(self.search_engine, query, result, user_id)
            blocks = with_feedback(blocks, query=query, offset=offset, language=self.settings.language)
        return Reply(kit.results_fallback_text(result, self.strings, query), blocks)

    def thread_hits(
        self, text: str, *, about: Claim | None, user_id: str | None = None, question: bool = True
    ) -> tuple[list[Hit], SearchResult | None]:
        """The best claims for a mention, using ``about`` (a digest thread's claim) as context.

        Claims both matching the text and related to the thread's claim come first, then the other
        matches, then the related claims; the thread's own claim is never repeated to it. A ``question``
        (a mention, not any message a shortcut was used on) without an answer is recorded as a gap.
        """
        query = message_to_query(text)
        result = self.search(query, limit=10) if query else None
        matches = list(result.hits) if result else []
        if about is None:
            if self.feedback is not None and question and not matches:
                self.feedback.note_unanswered(self.search_engine, query, result, user_id)
            return matches[:RELATED_LIMIT], result
        related = self.search_engine.related(about.id, limit=10)
        related_ids = {h.claim.id for h in related}
        ordered = [h for h in matches if h.claim.id in related_ids] + matches + related
        picked: list[Hit] = []
        seen = {about.id}
        for hit in ordered:
            if hit.claim.id not in seen:
                seen.add(hit.claim.id)
                picked.append(hit)
        return picked[:RELATED_LIMIT], result

    def hits_reply(self, hits: Sequence[Hit], result: SearchResult | None, header_key: str) -> Reply:
        strings = self.strings
        if not hits:
            suggestions = result.suggestions if result else ()
            unknown = result.unknown if result else ()
            blocks = kit.no_answer_blocks("", suggestions, strings, self.command, unknown)
            return Reply(strings("no_answer_short"), blocks)
        blocks = kit.hits_blocks(self.corpus, hits, strings, strings(header_key))
        if self.feedback is not None:
            query = result.query if result is not None else ""
            blocks = with_feedback(blocks, query=query, offset=None, language=self.settings.language)
        return Reply(kit.claim_fallback_text(hits[0].claim), blocks)

    # --- the daily insight and friends ------------------------------------------------------

    def todays_claim(self, channel_id: str | None) -> Claim | None:
        on = self.date()
        if self.digest is not None:
            return self.digest.todays_claim(channel_id, on)
        # Without the digest service: the same claim for everyone all day, a different one each day.
        pool = sorted(self.corpus.digest_claims(), key=lambda c: c.id)
        return pool[on.toordinal() % len(pool)] if pool else None

    def today_reply(self, channel_id: str | None) -> Reply:
        claim = self.todays_claim(channel_id)
        blocks = kit.today_blocks(self.corpus, claim, self.strings, self.date())
        return Reply(kit.claim_fallback_text(claim) if claim else self.strings("today_none"), blocks)

    def random_reply(self) -> Reply:
        pool = self.corpus.digest_claims() or self.corpus.claims
        claim = self.rng.choice(pool) if pool else None
        blocks = kit.random_blocks(self.corpus, claim, self.strings)
        return Reply(kit.claim_fallback_text(claim) if claim else self.strings("empty_corpus"), blocks)

    def help_reply(self) -> Reply:
        blocks = kit.help_blocks(
            self.corpus,
            self.strings,
            command=self.command,
            bot_name=self.settings.bot_name,
            page_size=self.settings.results_per_page,
        )
        return Reply(self.strings("help_header"), blocks)

    def topics_reply(self) -> Reply:
        return Reply(
            self.strings("topics_header", count=len(self.corpus.topics)), kit.topics_blocks(self.corpus, self.strings)
        )

    def text_reply(self, text: str) -> Reply:
        return Reply(text, kit.text_blocks(text))

    def claim_or_none(self, claim_id: object) -> Claim | None:
        return self.corpus.claim(claim_id) if isinstance(claim_id, str) else None
