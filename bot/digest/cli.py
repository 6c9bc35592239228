"""``lundao digest preview|post|history|run``: the insight of the day from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import signal
import sys
import threading
from typing import TYPE_CHECKING, TextIO

from sqlalchemy.exc import SQLAlchemyError

from bot.cli import day_count
from bot.digest import service as outcomes
from bot.digest.service import DigestService
from config.settings import Settings, SettingsError, load_settings
from knowledge.loader import load_corpus_or_fail

if TYPE_CHECKING:
    from slack_sdk import WebClient


class CommandError(Exception):
    """A problem the user can fix, printed as one line."""


def register(subparsers: argparse._SubParsersAction) -> None:
    digest = subparsers.add_parser("digest", help="preview, post or list the insight of the day")
    actions = digest.add_subparsers(dest="digest_command", metavar="ACTION")
    actions.required = True

    preview = actions.add_parser("preview", help="the coming picks, as they will be posted given the history")
    preview.add_argument("--channel", help="a channel id (default: every subscribed channel)")
    preview.add_argument("--from", dest="start", type=_date, help="first day, YYYY-MM-DD (default: today)")
    preview.add_argument("--days", type=day_count, default=7, help="how many days (default 7)")
    preview.add_argument("--json", action="store_true", help='a JSON list of {"date", "channel", "claim_id"}')
    preview.set_defaults(handler=run_preview)

    post = actions.add_parser("post", help="post a channel's insight now; once per channel and date")
    post.add_argument("--channel", required=True, help="the channel id, e.g. C012ABCDEF")
    post.add_argument("--date", type=_date, help="the day it is the insight of, YYYY-MM-DD (default: today)")
    post.set_defaults(handler=run_post)

    history = actions.add_parser("history", help="what was posted (or failed, or was skipped), newest first")
    history.add_argument("--channel", help="only this channel id")
    history.add_argument("--limit", type=day_count, default=50, help="at most this many rows (default 50)")
    history.add_argument("--json", action="store_true", help="print the rows as JSON")
    history.set_defaults(handler=run_history)

    run = actions.add_parser("run", help="run the digest scheduler in the foreground (a clock process)")
    run.set_defaults(handler=run_scheduler)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None


def _service(client: WebClient | None = None) -> tuple[DigestService, Settings]:
    """The service over the configured corpus and database; without a client for what never calls Slack."""
    try:
        settings = load_settings()
    except SettingsError as exc:
        raise CommandError(str(exc)) from None
    corpus = load_corpus_or_fail(settings.knowledge_dir, CommandError)
    try:
        service = DigestService(corpus, settings, client)
        service.ensure_schema()  # a command run before the first `lundao run` finds its tables too
        from bot.team.live import follow_for_digest

        follow_for_digest(service, poll=False)  # claims approved in Slack are in the rotation
    except SettingsError as exc:  # a DATABASE_URL lundao cannot use: one line naming what to do
        raise CommandError(str(exc)) from None
    except SQLAlchemyError as exc:
        raise CommandError(f"cannot open the database ({type(exc).__name__}); check DATABASE_URL") from None
    return service, settings


def _guard(action):  # type: ignore[no-untyped-def]
    """Turn user-fixable problems into one line on stderr and exit status 1 (2 for bad input)."""

    def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
        # Looked up per call, not bound at import: tests and pipes replace sys.stdout.
        out = out or sys.stdout
        err = err or sys.stderr
        try:
            return int(action(args, out, err))
        except CommandError as exc:
            print(f"lundao digest: {exc}", file=err)
            return 1
        except ValueError as exc:
            print(f"lundao digest: {exc}", file=err)
            return 2
        except SQLAlchemyError as exc:
            print(f"lundao digest: database error ({type(exc).__name__}); check DATABASE_URL", file=err)
            return 1

    run.__name__ = action.__name__
    return run


@_guard
def run_preview(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    service, _settings = _service()
    start = args.start or service.today()
    if args.channel:
        channels = [args.channel.strip()]
    else:
        channels = [s.channel_id for s in service.subscriptions()]
        if not channels:
            print("no channel is subscribed; preview one with --channel C012ABCDEF", file=err)
    planned = [item for channel in channels for item in service.preview(channel, start, args.days)]
    planned.sort(key=lambda item: (item.post_date, item.channel_id))
    if args.json:
        rows = [{"date": p.post_date.isoformat(), "channel": p.channel_id, "claim_id": p.claim.id} for p in planned]
        json.dump(rows, out, ensure_ascii=False, indent=2)
        print(file=out)
        return 0
    if channels and not planned:
        print("no claim is eligible for the daily insight (digest: true); nothing to preview", file=err)
    for item in planned:
        status = "" if item.status == "planned" else f"  [{item.status}]"
        print(f"{item.post_date}  {item.channel_id}  {item.claim.id}{status}\n    {item.claim.text}", file=out)
    return 0


def _posting_client(settings: Settings) -> WebClient:
    # Imported only by the commands that post: preview and history never load slack_sdk.
    from bot.slack_client import ClientPolicy, make_client

    return make_client(settings, ClientPolicy.POSTING)


@_guard
def run_post(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        settings = load_settings()
        client = _posting_client(settings)
    except SettingsError as exc:
        raise CommandError(str(exc)) from None
    service, _ = _service(client)
    day = args.date or service.today()
    if day > service.today():
        raise ValueError(f"--date {day} is in the future; a post can be made for today or an earlier day")
    outcome = service.post(args.channel, day)
    where = f"{outcome.channel_id} for {outcome.post_date}"
    if outcome.result == outcomes.POSTED:
        print(f"posted {outcome.claim_id} to {where} (ts {outcome.message_ts})", file=out)
        return 0
    if outcome.result == outcomes.ALREADY_POSTED:
        print(f"already posted to {where} ({outcome.claim_id}, ts {outcome.message_ts}); nothing posted", file=out)
        return 0
    if outcome.result == outcomes.IN_PROGRESS:
        print(f"another process is posting to {where} right now; nothing posted", file=out)
        return 0
    if outcome.result == outcomes.NO_CLAIMS:
        print("no claim is eligible for the daily insight (digest: true); nothing posted", file=err)
        return 1
    print(f"could not post to {where}: {outcome.detail or outcome.result}; run it again to retry", file=err)
    return 1


@_guard
def run_history(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    service, _ = _service()
    rows = service.store.history(args.channel.strip() if args.channel else None, limit=args.limit)
    if args.json:
        data = [
            {
                "date": r.post_date.isoformat(),
                "channel": r.channel_id,
                "claim_id": r.claim_id,
                "status": r.status,
                "attempts": r.attempts,
                "message_ts": r.message_ts,
                "posted_at": r.posted_at.isoformat() if r.posted_at else None,
                "error": r.error,
            }
            for r in rows
        ]
        json.dump(data, out, ensure_ascii=False, indent=2)
        print(file=out)
        return 0
    if not rows:
        print("no digest posts yet", file=err)
    for r in rows:
        extra = f"  ts {r.message_ts}" if r.message_ts else ""
        extra += f"  ({r.error})" if r.error and r.status != "posted" else ""
        print(f"{r.post_date}  {r.channel_id}  {r.status:<8} {r.claim_id or '-'}{extra}", file=out)
    return 0


@_guard
def run_scheduler(_args: argparse.Namespace, _out: TextIO, err: TextIO) -> int:
    from bot.digest.scheduler import DigestRunner

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings()
        client = _posting_client(settings)
    except SettingsError as exc:
        raise CommandError(str(exc)) from None
    if not settings.digest.enabled:
        print("the digest is disabled in settings; nothing to run", file=err)
        return 0
    corpus = load_corpus_or_fail(settings.knowledge_dir, CommandError)
    try:
        service = DigestService(corpus, settings, client)
    except SettingsError as exc:  # a DATABASE_URL lundao cannot use
        raise CommandError(str(exc)) from None
    scheduler = DigestRunner(service, settings)  # a database down now is retried, not fatal
    scheduler.start()
    from bot.team.live import follow_for_digest

    team = follow_for_digest(service, poll=True)  # claims approved in Slack join the rotation
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())  # Heroku sends SIGTERM, then SIGKILL 30 s later
    stop.wait()
    team.stop()
    scheduler.shutdown(wait=True)
    return 0
