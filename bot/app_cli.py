"""Slack-side commands of the ``lundao`` CLI: ``run`` (serve Slack), ``console`` and ``ask`` (no Slack needed)."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from dataclasses import replace
from typing import Any

from config.settings import LANGUAGES, SettingsError, load_settings
from knowledge.loader import load_corpus_or_fail


def register(subparsers: argparse._SubParsersAction) -> None:
    run = subparsers.add_parser(
        "run",
        help="serve Slack: Socket Mode if SLACK_APP_TOKEN is set, else HTTP on $PORT at /slack/events",
    )
    run.set_defaults(handler=run_app)

    console = subparsers.add_parser("console", help="a prompt that runs the Slack app against a fake Slack")
    _add_local_options(console)
    console.set_defaults(handler=run_console)

    ask = subparsers.add_parser("ask", help="ask one question as `/insight QUERY` would, and print the answer")
    ask.add_argument("query", nargs="+", help="the question, or `/insight ...`, `@lundao ...`, `home`")
    _add_local_options(ask)
    ask.set_defaults(handler=run_ask)


def _add_local_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help="UI language (default: from settings)")


def _fail(command: str, message: str) -> int:
    print(f"lundao {command}: {message}", file=sys.stderr)
    return 2


def run_app(args: argparse.Namespace) -> int:
    """``lundao run``: Socket Mode when SLACK_APP_TOKEN is set, else HTTP under gunicorn (bot.http_run)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings()
        settings.require_slack()
        settings.effective_database_url  # noqa: B018  (a DATABASE_URL lundao cannot use: one line, now)
    except SettingsError as exc:
        return _fail("run", str(exc))
    if not (settings.socket_mode and settings.app_token is not None):
        from bot.http_run import run_http

        return run_http(settings)

    from slack_bolt.adapter.socket_mode import SocketModeHandler
    from slack_bolt.error import BoltError
    from slack_sdk.errors import SlackApiError

    from bot.http_run import build_served_app

    # The same checks and start-up as HTTP mode: an empty knowledge base is refused, migrations run.
    try:
        served = build_served_app(settings)
    except SettingsError as exc:
        return _fail("run", str(exc))
    except (BoltError, SlackApiError, OSError) as exc:
        return _fail("run", f"cannot connect to Slack with SLACK_BOT_TOKEN: {exc}")
    from bot.serving import settle_heap

    settle_heap()
    # SIGTERM (a dyno restart, systemctl stop) unwinds through `finally`: a digest post in flight is recorded.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        print("lundao run: connecting to Slack in Socket Mode", file=sys.stderr)
        SocketModeHandler(served.app, settings.app_token.reveal()).start()
    finally:
        if served.close is not None:
            served.close()
    return 0


def _console(args: argparse.Namespace, command: str) -> Any:
    """A Console over the configured knowledge base, or raise SettingsError with one line."""
    settings = load_settings()
    if args.lang:
        settings = replace(settings, language=args.lang)
    corpus = load_corpus_or_fail(settings.knowledge_dir, SettingsError)

    from bot.console import Console
    from knowledge.search import SearchEngine

    # The app's own warnings (a failed fake call) still show; Bolt's debug chatter does not.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    digest, team, feedback = _console_services(corpus, settings, command)
    return Console(
        settings,
        corpus,
        SearchEngine.build(corpus, embedder=settings.search.embedder, index_dir=settings.search.index_dir),
        digest,
        team=team,
        feedback=feedback,
    )


def _console_services(corpus: Any, settings: Any, command: str) -> tuple[Any, Any, Any]:
    """The digest (subscriptions), the team's insights and feedback, on one engine over the configured database,
    migrated once (so `lundao report gaps` sees the console's gaps). When it cannot be used (one line says why)
    the console still answers questions: subscribe and save are off, feedback is kept in a scratch file."""
    from sqlalchemy.exc import SQLAlchemyError

    from bot.db_migrate import migrated_engine
    from bot.digest.service import DigestService
    from bot.feedback.database import scratch_engine
    from bot.feedback.service import FeedbackService
    from bot.team.service import TeamService
    from bot.team.store import TeamStore

    try:
        engine = migrated_engine(settings.effective_database_url)
    except (SettingsError, SQLAlchemyError, RuntimeError, OSError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"lundao {command}: no database ({reason[:200]}); subscribe and save are off", file=sys.stderr)
        logging.getLogger("lundao.console").warning(
            "feedback is kept for this session only: the database cannot be used (%s)", type(exc).__name__
        )
        return None, None, FeedbackService(scratch_engine(), settings.feedback)
    digest = DigestService(corpus, settings, None, engine)
    return digest, TeamService(TeamStore(engine), settings), FeedbackService(engine, settings.feedback)


def run_ask(args: argparse.Namespace) -> int:
    query = " ".join(args.query).strip()
    if not query:
        return _fail("ask", "give a question, e.g. lundao ask 开源模型值得用吗")
    try:
        console = _console(args, "ask")
    except SettingsError as exc:
        return _fail("ask", str(exc))
    with console:
        print(console.handle(query))
    return 0


def run_console(args: argparse.Namespace) -> int:
    try:
        console = _console(args, "console")
    except SettingsError as exc:
        return _fail("console", str(exc))
    from bot.console import enable_line_editing

    enable_line_editing()
    with console:
        print(console.greeting())
        while True:
            try:
                line = input("lundao> ")
            except EOFError:
                print()
                return 0
            if line.strip().lower() in ("quit", "exit", ":q"):
                return 0
            answer = console.handle(line)
            if answer:
                print(answer)
