"""The Bolt app: built from explicit dependencies, with each listener group registering itself.

``create_app`` is used the same way by ``lundao run`` (real Slack), ``lundao console`` and the
tests (both against the local fake Web API in ``bot.fake_slack``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from socketserver import ThreadingMixIn
from typing import TYPE_CHECKING, Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from sqlalchemy.exc import SQLAlchemyError

from bot.events_seen import EventLedgerLike
from bot.feedback.service import FeedbackService
from bot.listeners import actions, commands, events, shortcuts, views
from bot.listeners.common import DigestLike, Lundao
from bot.slack_client import ClientPolicy, make_client
from bot.team.service import TeamService
from config.settings import Settings
from knowledge.models import Claim, Corpus
from knowledge.search import SearchEngine

if TYPE_CHECKING:
    from wsgiref.types import WSGIApplication

EVENTS_PATH = "/slack/events"
ANSWER_THREADS = 8
"""Threads answering slash commands after their ack: as many as a worker's request threads."""
GAPS_HOME_DAYS = 30
"""The curators' Home lists the questions nobody could answer in this many days."""


class _SameTokenWarningFilter(logging.Filter):
    """Bolt also reads SLACK_BOT_TOKEN itself and warns that our client's (identical) token wins: noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


_SLACK_LOGGER = logging.getLogger("lundao.slack")
_SLACK_LOGGER.addFilter(_SameTokenWarningFilter())


def create_app(
    settings: Settings,
    corpus: Corpus,
    search_engine: SearchEngine,
    digest: DigestLike | None = None,
    client: WebClient | None = None,
    *,
    today: Callable[[], dt.date] | None = None,
    event_ledger: EventLedgerLike | None = None,
    team: TeamService | None = None,
    feedback: FeedbackService | None = None,
    listener_executor: Executor | None = None,
) -> App:
    """The app with every listener registered. Calls auth.test once, so a bad token fails here.

    ``event_ledger``: the ledger of answered events; ``lundao run`` passes the database's (shared by every
    process), the console and most tests keep the default, this process's memory. ``team``: the team's
    insights over the database; its approved claims are served from here on (``bot.team.live``).
    ``listener_executor``: where slash-command answers sent after the ack run (``lundao run`` drains it on
    SIGTERM; the console runs them inline); by default a pool of ``ANSWER_THREADS`` threads.
    """
    settings.require_slack()
    answers = listener_executor or ThreadPoolExecutor(ANSWER_THREADS, thread_name_prefix="lundao-answer")
    lundao = Lundao(settings, corpus, search_engine, digest, today=today, feedback=feedback, answers=answers)
    if event_ledger is not None:
        lundao.events = event_ledger
    if team is not None:
        serve_team(lundao, team)
        if feedback is not None:
            link_team_and_feedback(lundao, team, feedback)
    socket_mode = settings.signing_secret is None
    app = App(
        client=client or make_client(settings, ClientPolicy.APP),
        signing_secret=settings.signing_secret.reveal() if settings.signing_secret else "",
        # Socket Mode connections are authenticated by the app token; there is no signature to check.
        request_verification_enabled=not socket_mode,
        # The listener runs before Slack is answered, so a cheap answer (help) can be the ack itself; a
        # slash command's slow answer is handed to ``answers`` and sent through its response_url.
        process_before_response=True,
        listener_executor=answers,
        logger=_SLACK_LOGGER,
        # Without a name Bolt calls inspect.stack(), which reads the source of every frame: 25+ ms at start.
        name="lundao",
    )
    for group in (commands, actions, events, shortcuts, views):
        group.register(app, lundao)
    return app


def serve_team(lundao: Lundao, team: TeamService) -> None:
    """Wire ``team`` into ``lundao``: its approved claims are served now and kept current (the digest's too)."""
    from bot.team.live import LiveKnowledge

    use_corpus = getattr(lundao.digest, "use_corpus", None)
    lundao.team = team
    team.live = LiveKnowledge(team.store, lundao, on_change=use_corpus)
    team.live.refresh(force=True)


def link_team_and_feedback(lundao: Lundao, team: TeamService, feedback: FeedbackService) -> None:
    """The review flow and the feedback loop meet here: approving a claim marks the gaps it now answers as
    answered, and curators see the top gaps and the learned phrasings under the claims waiting for review."""
    from bot.blocks import to_dicts
    from bot.feedback_blocks import gaps_home_blocks, phrasings_home_blocks

    def on_approved(claim: Claim) -> None:
        # ``approve`` has already refreshed this process's engine, so the claim is searchable here.
        feedback.mark_gaps_answered(lundao.search_engine, [claim.id])

    def curator_blocks() -> list[dict[str, Any]]:
        language = lundao.settings.language
        try:
            blocks = gaps_home_blocks(feedback.gaps(days=GAPS_HOME_DAYS, wait=False), language, days=GAPS_HOME_DAYS)
            blocks += phrasings_home_blocks(feedback.store.phrasings(), language)
        except SQLAlchemyError as exc:  # the Home still shows the review section
            logging.getLogger("lundao.team").warning("cannot list gaps for the Home: %s", type(exc).__name__)
            return []
        return to_dicts(blocks)

    team.on_approved = on_approved
    team.extra_home_blocks = curator_blocks


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        logging.getLogger("lundao.http").debug("%s " + format, self.address_string(), *args)


def make_http_server(app: App, host: str, port: int) -> WSGIServer:
    """A threaded wsgiref server for Bolt's WSGI adapter: for tests and bench/slash_load.py's old baseline.

    ``lundao run`` does not use it (listen backlog 5, no body limit): it serves gunicorn (bot.serving).
    """
    return make_wsgi_server(SlackRequestHandler(app, path=EVENTS_PATH), host, port)


def make_wsgi_server(application: WSGIApplication, host: str, port: int) -> WSGIServer:
    """``application`` on a threaded, quiet wsgiref server (each response closed once written, as gunicorn does)."""
    return make_server(host, port, application, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler)
