"""``lundao report gaps`` and ``lundao phrasings``: what users asked that lundao could not answer, and what it learned.

Both read the database only (no knowledge base, no search index): gaps were grouped by the search
pipeline's terms when they were recorded (bot.feedback.gaps).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, TextIO

from sqlalchemy.exc import SQLAlchemyError

from bot.cli import day_count
from config.settings import SettingsError, load_settings

if TYPE_CHECKING:
    from bot.feedback.service import FeedbackService


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a phrasing id (a whole number): {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a phrasing id: {number}")
    return number


def register(subparsers: argparse._SubParsersAction) -> None:
    report = subparsers.add_parser("report", help="reports for curators: the questions nobody could answer")
    reports = report.add_subparsers(dest="report", metavar="REPORT")
    gaps = reports.add_parser("gaps", help="unanswered and not-helpful questions, near-duplicates merged")
    gaps.add_argument("--days", type=day_count, default=30, help="how far back (default: 30 days)")
    gaps.add_argument("--all", action="store_true", help="include the gaps a claim has answered since")
    gaps.add_argument("--limit", type=int, default=50, help="at most this many groups (default: 50)")
    gaps.add_argument("--json", action="store_true", help="one JSON array")
    gaps.set_defaults(handler=run_gaps)
    report.set_defaults(handler=lambda args: (report.print_help(), 2)[1])

    phrasings = subparsers.add_parser("phrasings", help="list or remove the phrasings learned from users")
    actions = phrasings.add_subparsers(dest="phrasings_action", metavar="ACTION")
    listing = actions.add_parser("list", help="every learned phrasing, by claim")
    listing.add_argument("--claim", help="only this claim's")
    listing.add_argument("--json", action="store_true", help="one JSON array")
    listing.set_defaults(handler=run_phrasings_list)
    remove = actions.add_parser("remove", help="remove learned phrasings by id (ids from `lundao phrasings list`)")
    remove.add_argument("ids", nargs="+", type=_positive, metavar="ID")
    remove.set_defaults(handler=run_phrasings_remove)
    phrasings.set_defaults(handler=lambda args: (phrasings.print_help(), 2)[1])


def _fail(command: str, message: str, err: TextIO) -> int:
    print(f"lundao {command}: {message}", file=err)
    return 1


def _service() -> FeedbackService:
    """Feedback on the configured database, its schema migrated (a report before the first `lundao run` works)."""
    from bot.db_migrate import migrated_engine
    from bot.feedback.service import FeedbackService

    settings = load_settings()
    return FeedbackService(migrated_engine(settings.effective_database_url), settings.feedback)


def run_gaps(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        service = _service()
        groups = service.gaps(days=args.days, include_answered=args.all)
    except SettingsError as exc:
        return _fail("report gaps", str(exc), err)
    except SQLAlchemyError as exc:
        return _fail("report gaps", f"cannot read the database ({type(exc).__name__}); check DATABASE_URL", err)
    groups = groups[: max(1, args.limit)]
    if args.json:
        print(json.dumps([g.as_json() for g in groups], ensure_ascii=False, indent=2), file=out)
        return 0
    if not groups:
        print(f"no unanswered questions in the last {args.days} days", file=out)
        return 0
    print(f"{'count':>5}  {'last asked':<10}  {'not helpful':>11}  question (other wordings)", file=out)
    for group in groups:
        others = [w for w in group.wordings if w != group.text]
        shown = group.text + (f"  (also: {' | '.join(others)})" if others else "")
        last = group.last_asked.date().isoformat()
        print(f"{group.count:>5}  {last:<10}  {group.not_helpful:>11}  {shown}", file=out)
    return 0


def run_phrasings_list(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        service = _service()
        rows = service.store.phrasings(args.claim)
    except SettingsError as exc:
        return _fail("phrasings list", str(exc), err)
    except SQLAlchemyError as exc:
        return _fail("phrasings list", f"cannot read the database ({type(exc).__name__}); check DATABASE_URL", err)
    if args.json:
        data = [
            {"id": r.id, "claim": r.claim_id, "text": r.text, "source": r.source, "uses": r.uses,
             "last_used": r.last_used_at.isoformat()}
            for r in rows
        ]  # fmt: skip
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
        return 0
    if not rows:
        print("no learned phrasings" + (f" for {args.claim}" if args.claim else ""), file=out)
        return 0
    for row in rows:
        print(f"{row.id:>5}  {row.claim_id}  ×{row.uses} ({row.source})  {row.text}", file=out)
    return 0


def run_phrasings_remove(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        service = _service()
        missing = [i for i in args.ids if not service.store.remove_phrasing(i)]
    except SettingsError as exc:
        return _fail("phrasings remove", str(exc), err)
    except SQLAlchemyError as exc:
        return _fail("phrasings remove", f"cannot write the database ({type(exc).__name__}); check DATABASE_URL", err)
    removed = len(args.ids) - len(missing)
    print(f"removed {removed} learned phrasing(s)", file=out)
    if missing:
        return _fail("phrasings remove", f"no learned phrasing with id {', '.join(map(str, missing))}", err)
    return 0
