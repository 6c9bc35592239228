"""``lundao run`` in HTTP mode: the app factory for bot.serving, and the function ``lundao run`` calls.

``run_http(settings)`` binds the port first (gunicorn's master), then each worker builds the app in
the background: knowledge base, search index, Slack client (auth.test), the digest and its scheduler.
Until that is done the worker answers "warming up" (bot/server.py). ``python -m bot.http_run`` runs
it directly, for bench/docker_smoke.sh and bench/slash_load.py until ``lundao run`` calls it.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.server import AnswersAfterResponse, FastAck, Readiness, run_checks
from bot.serving import ServedApp, serve_http
from config.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from knowledge.models import Corpus

log = logging.getLogger("lundao.run")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def start_digest(corpus: Corpus, settings: Settings, client: Any, engine: Any = None) -> tuple[Any, Any]:
    """The daily digest when it is enabled: (service, started DigestRunner), else (None, None).

    The runner migrates the database and starts the scheduler, or keeps retrying in the background
    while the database is down; a DATABASE_URL lundao cannot use raises SettingsError (one line).
    """
    if not settings.digest.enabled:
        return None, None
    from bot.digest.scheduler import DigestRunner
    from bot.digest.service import DigestService

    service = DigestService(corpus, settings, client, engine)
    runner = DigestRunner(service, settings)
    runner.start()
    return service, runner


def build_served_app(settings: Settings, corpus: Corpus | None = None) -> ServedApp:
    """Everything slow, in order; raise with a one-line reason when the app cannot serve.

    ``corpus``: a knowledge base already loaded; when not given (``lundao run``) it is loaded here, from
    the parsed copy ``preflight`` left in the cache (``knowledge.snapshot``) when the files are unchanged.

    Refused (SettingsError): a knowledge base that cannot be loaded or has no claims, a DATABASE_URL
    lundao cannot use. Not refused: a database that is down (the digest retries it in the background,
    events are de-duplicated in memory meanwhile, and /readyz says "database" is not ready).
    """
    from concurrent.futures import ThreadPoolExecutor

    from bot.app import ANSWER_THREADS, create_app
    from bot.digest.store import make_engine
    from bot.events_seen import EventLedger
    from bot.feedback.service import FeedbackService
    from bot.listeners.commands.insight import ACKED_BY_GATE, SEND_AFTER_DISPATCH, answered_later
    from bot.slack_client import ClientPolicy, make_client
    from bot.team.service import TeamService
    from bot.team.store import TeamStore
    from knowledge.search import SearchEngine

    corpus = servable_corpus(settings) if corpus is None else refuse_empty(corpus)
    engine = make_engine(settings.effective_database_url)  # SettingsError (one line) for an unusable URL
    search_engine = SearchEngine.build(corpus, embedder=settings.search.embedder, index_dir=settings.search.index_dir)
    client = make_client(settings, ClientPolicy.APP)
    migrations = None
    if settings.digest.enabled:
        # Not the app's client: the digest's posts must not be re-sent on a 5xx (see bot.slack_client).
        digest, runner = start_digest(corpus, settings, make_client(settings, ClientPolicy.POSTING), engine)
    else:
        from bot.db_migrate import BackgroundMigrations, upgrade_engine

        # The events table is needed without the digest too; until it exists, events are de-duplicated in memory.
        digest, runner = None, None
        migrations = BackgroundMigrations(lambda: upgrade_engine(engine), logger=log, what="events")
        migrations.start()
    worker = digest.worker if digest is not None else _worker_id()
    # Their tables come with the migrations started above; until they exist a Helpful click is "not recorded".
    team = TeamService(TeamStore(engine), settings)
    feedback = FeedbackService(engine, settings.feedback)
    answers = AnswersAfterResponse(ThreadPoolExecutor(ANSWER_THREADS, thread_name_prefix="lundao-answer"))
    app = create_app(
        settings,
        corpus,
        search_engine,
        digest,
        client,
        event_ledger=EventLedger(engine, worker),
        team=team,
        feedback=feedback,
        listener_executor=answers,
    )
    if team.live is not None:
        team.live.start_polling()  # approvals made elsewhere are served here even without requests

    checks: dict[str, Callable[[], object]] = {
        "knowledge": lambda: len(corpus.claims) > 0,
        "index": lambda: search_engine is not None,
        "database": lambda: _ping(engine),
    }

    def close() -> None:
        # gunicorn has finished the requests in flight; the answers they started (slash commands answered
        # after the ack) finish here, before the gaps they noted are flushed and the database goes.
        answers.shutdown(wait=True)
        if runner is not None:
            runner.shutdown(wait=True)  # a post in progress finishes and is recorded
        if migrations is not None:
            migrations.stop()
        if team.live is not None:
            team.live.stop()
        feedback.flush(timeout=5)  # gaps still queued are written (or given up on) before the engine goes
        engine.dispose()

    def ready() -> Readiness:
        return run_checks(checks)

    # The gate acks questions itself and hands them to this app on ``answers`` after the ack (bot/server.py).
    fast_ack = FastAck(settings.command, answered_later, ACKED_BY_GATE, SEND_AFTER_DISPATCH)
    return ServedApp(app, ready=ready, close=close, answers=answers, fast_ack=fast_ack)


def _worker_id() -> str:
    import os
    import socket
    import uuid

    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _ping(engine: Any) -> bool:
    from sqlalchemy import text

    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return True


def servable_corpus(settings: Settings) -> Corpus:
    """The configured knowledge base, or SettingsError (one line) when it cannot be loaded or has no claims."""
    from knowledge.loader import load_corpus_or_fail

    return refuse_empty(load_corpus_or_fail(settings.knowledge_dir, SettingsError))


NO_CLAIMS = "the knowledge base has no claims: nothing to serve (run `lundao corpus check`)"


def refuse_empty(corpus: Corpus) -> Corpus:
    if not corpus.claims:
        raise SettingsError(NO_CLAIMS)
    return corpus


def preflight(settings: Settings) -> int:
    """What can be checked before gunicorn starts: the knowledge base loads and has claims, and Slack
    accepts the token (auth.test). SettingsError (one line, exit status 2) if not; else how many claims it serves.

    Without it these would only show as each worker's boot error after the port is bound. The master does
    not keep the parsed knowledge base (at 100k claims, hundreds of MB held twice, once in each process):
    with a parsed copy saved for the current files it only hashes them; otherwise the files are read in a
    forked child that saves that copy, and the worker loads the copy (``knowledge.snapshot``).
    """
    from slack_sdk.errors import SlackApiError, SlackClientError

    from bot.slack_client import ClientPolicy, make_client
    from knowledge.loader import servable_claim_count

    claims = servable_claim_count(settings.knowledge_dir, SettingsError)
    if not claims:
        raise SettingsError(NO_CLAIMS)
    try:
        make_client(settings, ClientPolicy.APP).auth_test()
    except SlackApiError as exc:
        raise SettingsError(
            f"cannot connect to Slack with SLACK_BOT_TOKEN: {exc.response.get('error') or 'rejected'}"
        ) from None
    except (SlackClientError, OSError) as exc:
        raise SettingsError(f"cannot connect to Slack with SLACK_BOT_TOKEN: {type(exc).__name__}") from None
    return claims


def run_http(settings: Settings) -> int:
    """Serve HTTP mode until SIGTERM; the exit status (2 with one line when the app cannot start)."""
    from bot.serving import WORKER_BOOT_ERROR

    try:
        preflight(settings)
        status = serve_http(lambda: build_served_app(settings), settings.port, settings)
    except SettingsError as exc:
        print(f"lundao run: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # a bad WEB_CONCURRENCY / LUNDAO_THREADS / ...
        print(f"lundao run: {exc}", file=sys.stderr)
        return 2
    if status == WORKER_BOOT_ERROR:
        print(
            "lundao run: the app could not start (the reason is the 'lundao could not start' line above)",
            file=sys.stderr,
        )
        return 2
    return status


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings()
        settings.require_slack()
    except SettingsError as exc:
        print(f"lundao run: {exc}", file=sys.stderr)
        return 2
    if settings.signing_secret is None:
        print("lundao run: HTTP mode needs SLACK_SIGNING_SECRET", file=sys.stderr)
        return 2
    return run_http(settings)


if __name__ == "__main__":
    sys.exit(main())
