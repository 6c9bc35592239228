"""Schema migrations: ``lundao db upgrade`` and ``lundao db current``, and the functions behind them.

Alembic runs from the package (bot/migrations) with no ini file, on a connection opened here, under
a lock so that several processes starting at once (two dynos, a release phase next to a restart)
run each migration once: a transaction-scoped advisory lock on PostgreSQL, a lock file next to a
SQLite database. A database made by the digest's ``create_tables`` before migrations existed has
its tables but no version: it is stamped with the first revision, which creates exactly those.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import logging
import re
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, MetaData, inspect, text
from sqlalchemy.engine import URL, make_url

from bot.db_url import DatabaseURLError, normalize_database_url, safe_url

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")
HEAD = "head"
# The revision that creates the tables create_tables() made before migrations existed.
BASELINE = "0001_digest_tables"
BASELINE_TABLES = ("digest_subscriptions", "digest_posts")
# pg_advisory_xact_lock key: any constant shared by every lundao process ("lundao" in ASCII).
_PG_LOCK_KEY = 0x6C756E64616F
log = logging.getLogger("lundao.db")


def target_metadata() -> list[MetaData]:
    """Every table lundao defines in code; migrations at head must produce exactly these."""
    from bot.digest.store import metadata as digest_metadata
    from bot.events_seen import metadata as events_metadata
    from bot.feedback.store import metadata as feedback_metadata
    from bot.team.store import metadata as team_metadata

    return [digest_metadata, events_metadata, team_metadata, feedback_metadata]


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's Config for lundao's migrations, without an ini file."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


@contextlib.contextmanager
def _sqlite_lock(url: str | URL) -> Iterator[None]:
    database = make_url(url).database or ""
    if not database or database == ":memory:":
        yield
        return
    lock_path = Path(database + ".migrate-lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # released when the file closes, also if the process dies
        yield


@contextlib.contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """One transaction on ``engine`` holding the migration lock (advisory on PostgreSQL, a file on SQLite)."""
    with contextlib.ExitStack() as stack:
        if engine.dialect.name == "sqlite":
            stack.enter_context(_sqlite_lock(engine.url))
        connection = stack.enter_context(engine.begin())
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        yield connection


@contextlib.contextmanager
def _connection(url: str, schema: str | None) -> Iterator[Connection]:
    """One transaction on ``url`` (normalised), holding the migration lock; ``schema``: PostgreSQL only."""
    from sqlalchemy import create_engine

    from bot.digest.store import make_engine

    url = normalize_database_url(url)
    if schema is not None and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,62}", schema):
        raise ValueError(f"not a schema name: {schema!r}")
    if schema and make_url(url).get_backend_name() == "postgresql":
        # At connect time, so that SQLAlchemy's idea of the default schema (reflection) is this one too.
        engine = create_engine(url, connect_args={"options": f"-c search_path={schema}"})
    elif schema:
        raise ValueError("a schema can only be chosen on PostgreSQL")
    else:
        engine = make_engine(url)
    try:
        with _locked(engine) as connection:
            yield connection
    finally:
        engine.dispose()


def _revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def _stamp_unversioned(connection: Connection) -> bool:
    """Stamp a database made by create_tables() with the baseline; True if it was one."""
    tables = set(inspect(connection).get_table_names())
    if "alembic_version" in tables or not tables.intersection(BASELINE_TABLES):
        return False
    missing = [t for t in BASELINE_TABLES if t not in tables]
    if missing:
        raise RuntimeError(f"the database has some of lundao's tables but not {', '.join(missing)}: restore it")
    from alembic import command

    command.stamp(alembic_config(connection), BASELINE)
    return True


def upgrade(url: str, revision: str = HEAD, *, schema: str | None = None) -> tuple[str | None, str | None]:
    """Migrate the database at ``url`` to ``revision``; (revision before, revision after)."""
    with _connection(url, schema) as connection:
        return _upgrade_on(connection, revision)


MIGRATIONS_VERSIONS = MIGRATIONS_DIR / "versions"
_REVISION_LINE = re.compile(r"""^(revision|down_revision)\s*(?::[^=]*)?=\s*(None|"[^"\n]*"|'[^'\n]*')\s*$""", re.M)


def migrations_head(versions: Path = MIGRATIONS_VERSIONS) -> str | None:
    """The newest migration's revision, read from the files' own ``revision`` / ``down_revision`` lines, without
    importing alembic; None (so the caller migrates) when a file does not say them plainly or the history is
    not one line (a merge, two heads)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted(versions.glob("*.py")):
        if path.name == "__init__.py":
            continue
        said = {name: value.strip("\"'") for name, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8"))}
        if "revision" not in said or "down_revision" not in said:
            return None
        revisions.add(said["revision"])
        if said["down_revision"] != "None":
            parents.add(said["down_revision"])
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 and parents <= revisions else None


def schema_is_current(engine: Engine) -> bool:
    """True when the database is already at the newest migration: ``upgrade_engine`` then skips alembic
    (its import and the scan of the migrations cost ~0.2 s before a restarted worker's first answer,
    bench/RESULTS.md). A database that cannot be reached raises, as the migrations would; anything else
    unclear is False."""
    from sqlalchemy.exc import SQLAlchemyError

    head = migrations_head()
    if head is None:
        return False
    with engine.connect() as connection:
        try:
            versions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        except SQLAlchemyError:  # no alembic_version table: a new database, or one made before migrations
            return False
    if list(versions) != [head]:
        return False
    log.info("the database is at the newest migration (%s)", head)
    return True


def upgrade_engine(engine: Engine, revision: str = HEAD) -> tuple[str | None, str | None]:
    """``upgrade`` on an engine the caller owns (the digest's): start-up runs this instead of create_all.

    A database already at the newest migration is left as it is without importing alembic (a restart)."""
    if revision == HEAD and schema_is_current(engine):
        current = migrations_head()
        return current, current
    with _locked(engine) as connection:
        return _upgrade_on(connection, revision)


def migrated_engine(url: str) -> Engine:
    """An engine on ``url`` with the schema migrated to head: for commands that may run before any ``lundao run``."""
    from bot.digest.store import make_engine

    engine = make_engine(url)
    try:
        upgrade_engine(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _upgrade_on(connection: Connection, revision: str) -> tuple[str | None, str | None]:
    from alembic import command

    _stamp_unversioned(connection)
    before = _revision(connection)
    command.upgrade(alembic_config(connection), revision)
    return before, _revision(connection)


def current(url: str, *, schema: str | None = None) -> str | None:
    """The database's revision (None for a database without lundao's tables)."""
    with _connection(url, schema) as connection:
        revision = _revision(connection)
        if revision is None and set(inspect(connection).get_table_names()).issuperset(BASELINE_TABLES):
            return f"{BASELINE} (unversioned: made before migrations)"
        return revision


class BackgroundMigrations:
    """Run the migrations now, or keep retrying them in a background thread with backoff; then ``then()``.

    A database down at start-up must not stop the bot answering questions, nor leave the schema (and
    whatever waits for it: the digest's scheduler) off until the next restart. The delays grow through
    ``BACKOFF`` and repeat its last one; each failure is one log line.
    """

    BACKOFF: tuple[float, ...] = (1, 2, 5, 10, 30, 60)

    def __init__(
        self,
        migrate: Callable[[], object],
        *,
        then: Callable[[], object] | None = None,
        backoff: tuple[float, ...] | None = None,
        logger: logging.Logger | None = None,
        what: str = "database",
    ):
        self.migrate = migrate
        self.then = then
        self.backoff = backoff or self.BACKOFF
        self.log = logger or logging.getLogger("lundao.db")
        self.what = what
        self.done = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> bool:
        """True when the migrations ran now; False when they will be retried in the background."""
        if self._try(first=True):
            return True
        self._thread = threading.Thread(target=self._retry, name=f"lundao-{self.what}-migrations", daemon=True)
        self._thread.start()
        return False

    def _try(self, *, first: bool, next_delay: float | None = None) -> bool:
        try:
            self.migrate()
        except Exception as exc:  # any driver error: unreachable, refused, authentication, DNS
            text = str(exc).strip()
            reason = f"{type(exc).__name__}: {text.splitlines()[0] if text else ''}"[:200]
            if first:
                self.log.error("%s: the database is unavailable (%s); retrying in the background", self.what, reason)
            else:
                self.log.warning(
                    "%s: the database is still unavailable (%s); next try in %gs", self.what, reason, next_delay
                )
            return False
        if not first:
            self.log.info("%s: the database is back", self.what)
        self.done = True
        if self.then is not None:
            self.then()
        return True

    def _retry(self) -> None:
        attempt = 0
        while True:
            delay = self.backoff[min(attempt, len(self.backoff) - 1)]
            if self._stop.wait(delay):
                return
            attempt += 1
            if self._try(first=False, next_delay=self.backoff[min(attempt, len(self.backoff) - 1)]):
                return

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)


# CLI -----------------------------------------------------------------------------------------------


def register(subparsers: argparse._SubParsersAction) -> None:
    db = subparsers.add_parser("db", help="the database schema: upgrade it, or show its revision")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION")
    up = db_commands.add_parser("upgrade", help="run the migrations not yet run (safe to run from several processes)")
    up.add_argument("revision", nargs="?", default=HEAD, help="target revision (default: head)")
    up.set_defaults(handler=_run_upgrade)
    now = db_commands.add_parser("current", help="print the database's revision and the code's head")
    now.set_defaults(handler=_run_current)
    db.set_defaults(handler=lambda args: (db.print_help(), 2)[1])


def _database_url() -> str:
    from config.settings import load_settings

    return load_settings().effective_database_url


def _fail(action: str, exc: BaseException) -> int:
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        first = str(exc.orig).strip().splitlines()[0] if exc.orig is not None and str(exc.orig).strip() else ""
        message = f"cannot use the database: {type(exc.orig).__name__}: {first}"
    else:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    print(f"lundao db {action}: {message}", file=sys.stderr)
    return 2


def _run_upgrade(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import DBAPIError

    from config.settings import SettingsError

    try:
        url = _database_url()
        before, after = upgrade(url, args.revision)
    except (SettingsError, DatabaseURLError, DBAPIError, RuntimeError, ValueError) as exc:
        return _fail("upgrade", exc)
    where = safe_url(normalize_database_url(url))
    if before == after:
        print(f"lundao db upgrade: {where} is at {after}; nothing to do")
    else:
        print(f"lundao db upgrade: {where} {before or '(empty)'} -> {after}")
    return 0


def _run_current(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import DBAPIError

    from config.settings import SettingsError

    try:
        url = _database_url()
        revision = current(url)
    except (SettingsError, DatabaseURLError, DBAPIError, RuntimeError, ValueError) as exc:
        return _fail("current", exc)
    head = head_revision()
    state = "up to date" if revision == head else f"behind: run `lundao db upgrade` to reach {head}"
    print(f"{safe_url(normalize_database_url(url))}: {revision or '(empty)'} ({state})")
    return 0
