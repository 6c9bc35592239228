"""Slack-side commands of the ``lundao`` CLI: ``run`` (serve Slack), ``console`` and ``ask`` (no Slack needed)."""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import replace
from typing import Any

from config.settings import LANGUAGES, Settings, SettingsError, load_settings
from knowledge.loader import load_corpus_or_fail
from knowledge.models import Corpus


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


def start_digest(corpus: Corpus, settings: Settings, client: Any) -> tuple[Any, Any]:
    """The daily digest when it is enabled: (service, started scheduler), else (None, None)."""
    if not settings.digest.enabled:
        return None, None
    from bot.digest.scheduler import DigestScheduler
    from bot.digest.service import DigestService

    service = DigestService(corpus, settings, client)
    scheduler = DigestScheduler(service, settings)
    scheduler.start()
    return service, scheduler


def run_app(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings()
        settings.require_slack()
        corpus = load_corpus_or_fail(settings.knowledge_dir, SettingsError)
    except SettingsError as exc:
        return _fail("run", str(exc))

    from slack_bolt.error import BoltError
    from slack_sdk.errors import SlackApiError

    from bot.app import EVENTS_PATH, create_app, make_http_server
    from bot.slack_client import ClientPolicy, make_client
    from knowledge.search import SearchEngine

    client = make_client(settings, ClientPolicy.APP)
    try:
        # Not the app's client: the digest's posts must not be re-sent on a 5xx (see bot.slack_client).
        digest, scheduler = start_digest(corpus, settings, make_client(settings, ClientPolicy.POSTING))
    except Exception as exc:  # the bot answers questions even if the digest cannot start
        logging.getLogger("lundao").error("the daily digest could not start: %s", exc)
        digest, scheduler = None, None
    try:
        try:
            app = create_app(
                settings,
                corpus,
                SearchEngine.build(corpus, embedder=settings.search.embedder, index_dir=settings.search.index_dir),
                digest,
                client,
            )
        except (BoltError, SlackApiError, OSError) as exc:
            return _fail("run", f"cannot connect to Slack with SLACK_BOT_TOKEN: {exc}")
        if settings.socket_mode and settings.app_token is not None:
            from slack_bolt.adapter.socket_mode import SocketModeHandler

            print("lundao run: connecting to Slack in Socket Mode", file=sys.stderr)
            SocketModeHandler(app, settings.app_token.reveal()).start()
        else:
            try:
                server = make_http_server(app, "0.0.0.0", settings.port)
            except OSError as exc:
                return _fail("run", f"cannot listen on port {settings.port}: {exc.strerror}; set PORT to a free port")
            print(f"lundao run: listening on http://0.0.0.0:{settings.port}{EVENTS_PATH}", file=sys.stderr)
            try:
                server.serve_forever()
            finally:
                server.server_close()
    finally:
        if scheduler is not None:
            scheduler.shutdown()
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
    return Console(
        settings,
        corpus,
        SearchEngine.build(corpus, embedder=settings.search.embedder, index_dir=settings.search.index_dir),
    )


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
