"""Migrations (bot/migrations via bot/db_migrate.py) on a fresh SQLite file and on PostgreSQL.

PostgreSQL is the server named by LUNDAO_TEST_POSTGRES_URL (default: the one on this machine), each
test in its own throwaway schema; skipped with the reason when none is reachable.
"""

from __future__ import annotations

import argparse
import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, create_engine, insert, inspect, select

from bot import db_migrate
from bot.db_migrate import BASELINE, current, head_revision, upgrade
from bot.digest import store
from bot.events_seen import slack_events_seen
from tests.support import POSTGRES_URL, postgres_schema_name

NOW = dt.datetime(2024, 5, 6, 9, 30, tzinfo=dt.UTC)


class Database:
    def __init__(self, url: str, schema: str | None):
        self.url, self.schema = url, schema

    def engine(self):
        if self.schema:
            return create_engine(self.url, connect_args={"options": f"-c search_path={self.schema}"})
        return store.make_engine(self.url)

    def diffs(self, metadata: MetaData | list[MetaData]) -> list[object]:
        engine = self.engine()
        try:
            with engine.connect() as conn:
                context = MigrationContext.configure(conn, opts={"compare_type": True})
                return [d for d in compare_metadata(context, metadata) if not _is_version_table(d)]
        finally:
            engine.dispose()

    def tables(self) -> set[str]:
        engine = self.engine()
        try:
            with engine.connect() as conn:
                return set(inspect(conn).get_table_names())
        finally:
            engine.dispose()


def _is_version_table(diff: object) -> bool:
    return isinstance(diff, tuple) and diff[0] == "remove_table" and diff[1].name == "alembic_version"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        yield Database(f"sqlite:///{tmp_path / 'data' / 'lundao.sqlite3'}", None)
        return
    with postgres_schema_name() as schema:
        yield Database(POSTGRES_URL, schema)


def test_head_matches_the_tables_in_code(database: Database) -> None:
    before, after = upgrade(database.url, schema=database.schema)
    assert (before, after) == (None, head_revision())
    assert database.diffs(db_migrate.target_metadata()) == []
    assert current(database.url, schema=database.schema) == head_revision()


def test_the_first_revision_is_exactly_the_digest_store(database: Database) -> None:
    upgrade(database.url, BASELINE, schema=database.schema)
    assert database.diffs(store.metadata) == []
    assert "slack_events_seen" not in database.tables()


def test_upgrading_twice_changes_nothing(database: Database) -> None:
    upgrade(database.url, schema=database.schema)
    assert upgrade(database.url, schema=database.schema) == (head_revision(), head_revision())


def test_a_database_made_before_migrations_is_adopted_with_its_rows(database: Database) -> None:
    engine = database.engine()
    try:
        store.create_tables(engine)
        with engine.begin() as conn:
            conn.execute(
                insert(store.subscriptions).values(
                    channel_id="C1", post_time="09:30", weekdays_only=True, active=True, updated_at=NOW
                )
            )
    finally:
        engine.dispose()
    assert current(database.url, schema=database.schema).startswith(f"{BASELINE} (unversioned")
    assert upgrade(database.url, schema=database.schema) == (BASELINE, head_revision())
    engine = database.engine()
    try:
        with engine.connect() as conn:
            assert conn.execute(select(store.subscriptions.c.channel_id)).scalars().all() == ["C1"]
            conn.execute(select(slack_events_seen)).all()
    finally:
        engine.dispose()
    assert database.diffs(db_migrate.target_metadata()) == []


def test_processes_starting_together_migrate_once(database: Database) -> None:
    results: list[object] = []
    barrier = threading.Barrier(4)

    def run() -> None:
        barrier.wait(timeout=30)
        try:
            results.append(upgrade(database.url, schema=database.schema))
        except Exception as exc:  # recorded: the assertion below names it
            results.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(results, key=str) == sorted(
        [(None, head_revision())] + [(head_revision(), head_revision())] * 3, key=str
    )


def test_the_events_table_keeps_one_row_per_event(database: Database) -> None:
    upgrade(database.url, schema=database.schema)
    engine = database.engine()
    row = {"event_id": "Ev1", "first_seen_at": NOW, "claimed_by": "a", "attempts": 1, "expires_at": NOW}
    try:
        with engine.begin() as conn:
            conn.execute(insert(slack_events_seen).values(**row))
        from sqlalchemy.exc import IntegrityError

        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(insert(slack_events_seen).values(**{**row, "claimed_by": "b"}))
    finally:
        engine.dispose()


# The CLI -------------------------------------------------------------------------------------------


def _cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="lundao")
    db_migrate.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.handler(args))


def test_cli_upgrade_and_current(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    assert _cli(["db", "current"]) == 0
    assert "(empty) (behind" in capsys.readouterr().out
    assert _cli(["db", "upgrade"]) == 0
    assert f"(empty) -> {head_revision()}" in capsys.readouterr().out
    assert _cli(["db", "current"]) == 0
    assert f"{head_revision()} (up to date)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("mysql://u:secret@db/x", "MySQL database, which lundao does not support"),
        ("postgresql+psycopg://u:secret@127.0.0.1:1/x", "cannot use the database: OperationalError"),
    ],
)
def test_cli_failures_are_one_line_without_the_password(
    url: str, expected: str, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    assert _cli(["db", "upgrade"]) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert err.count("\n") == 1 and "secret" not in err
