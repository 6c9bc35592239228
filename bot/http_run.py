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
from typing import Any

from bot.server import Readiness, run_checks
from bot.serving import ServedApp, serve_http
from config.settings import Settings, SettingsError, load_settings

log = logging.getLogger("lundao.run")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def migrate_on_start(settings: Settings) -> None:
    """Bring the schema to head before the digest uses it (a lock makes this safe from several processes)."""
    from bot.db_migrate import upgrade
    from bot.db_url import safe_url

    url = settings.effective_database_url
    try:
        before, after = upgrade(url)
    except Exception as exc:  # the bot answers questions without its database; readiness will say why
        log.error("database migrations did not run (%s): %s", safe_url(url), _first_line(exc))
        return
    if before != after:
        log.info("database migrated: %s -> %s", before or "(empty)", after)


def build_served_app(settings: Settings) -> ServedApp:
    """Everything slow, in order; raise with a one-line reason when the app cannot serve."""
    from bot.app import create_app
    from bot.app_cli import start_digest
    from bot.slack_client import ClientPolicy, make_client
    from knowledge.loader import CorpusError, load_corpus
    from knowledge.search import SearchEngine

    try:
        corpus = load_corpus(settings.knowledge_dir)
    except CorpusError as exc:
        raise SettingsError(f"the knowledge base cannot be loaded: {exc} (run `lundao corpus check`)") from None
    if not corpus.claims:
        raise SettingsError("the knowledge base has no claims: nothing to serve (run `lundao corpus check`)")
    search_engine = SearchEngine.build(corpus, embedder=settings.search.embedder, index_dir=settings.search.index_dir)
    client = make_client(settings, ClientPolicy.APP)
    if settings.digest.enabled:
        migrate_on_start(settings)
    try:
        # Not the app's client: the digest's posts must not be re-sent on a 5xx (see bot.slack_client).
        digest, scheduler = start_digest(corpus, settings, make_client(settings, ClientPolicy.POSTING))
    except Exception as exc:  # the bot answers questions even if the digest cannot start
        log.error("the daily digest could not start: %s", _first_line(exc))
        digest, scheduler = None, None
    app = create_app(settings, corpus, search_engine, digest, client)

    checks: dict[str, Callable[[], object]] = {
        "knowledge": lambda: len(corpus.claims) > 0,
        "index": lambda: search_engine is not None,
    }
    engine = getattr(getattr(digest, "store", None), "engine", None)
    if engine is not None:
        checks["database"] = lambda: _ping(engine)

    def close() -> None:
        if scheduler is not None:
            scheduler.shutdown(wait=True)  # a post in progress finishes and is recorded

    def ready() -> Readiness:
        return run_checks(checks)

    return ServedApp(app, ready=ready, close=close)


def _ping(engine: Any) -> bool:
    from sqlalchemy import text

    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return True


def run_http(settings: Settings) -> int:
    """Serve HTTP mode until SIGTERM; the exit status."""
    try:
        return serve_http(lambda: build_served_app(settings), settings.port, settings)
    except ValueError as exc:  # a bad WEB_CONCURRENCY / LUNDAO_THREADS / ...
        print(f"lundao run: {exc}", file=sys.stderr)
        return 2


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
