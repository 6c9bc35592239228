"""``upgrade_engine`` skips alembic when the database is already at the newest migration (bot/db_migrate.py):
a restarted ``lundao run`` worker, with the digest on or off, serves without importing it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import bot.db_migrate
from bot.db_migrate import head_revision, migrations_head, schema_is_current, upgrade_engine
from bot.digest.store import make_engine
from bot.http_run import build_served_app
from config.settings import Settings
from tests.corpus_factory import write_tiny_corpus


def test_the_head_read_from_the_files_is_alembics() -> None:
    assert migrations_head() == head_revision()


def _migration(folder: Path, name: str, revision: str, down: str) -> None:
    (folder / f"{name}.py").write_text(f"revision = {revision}\ndown_revision = {down}\n", encoding="utf-8")


def test_a_history_that_is_not_one_plain_line_has_no_head(tmp_path: Path) -> None:
    _migration(tmp_path, "a", '"a"', "None")
    _migration(tmp_path, "b", '"b"', '"a"')
    assert migrations_head(tmp_path) == "b"
    _migration(tmp_path, "c", '"c"', '"a"')  # two heads
    assert migrations_head(tmp_path) is None
    _migration(tmp_path, "c", '"c"', '("a", "b")')  # a merge: left to alembic
    assert migrations_head(tmp_path) is None


def test_only_a_database_at_the_head_is_current(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'lundao.db'}")
    try:
        assert not schema_is_current(engine)  # new: no alembic_version table
        upgrade_engine(engine, "0004_team_insights")
        assert not schema_is_current(engine)
        upgrade_engine(engine)
        assert schema_is_current(engine)
    finally:
        engine.dispose()


@pytest.mark.parametrize("digest", [False, True], ids=["digest-off", "digest-on"])
def test_a_restart_on_a_current_database_serves_without_alembic(
    slack_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, digest: bool
) -> None:
    settings = replace(
        slack_settings,
        knowledge_dir=write_tiny_corpus(tmp_path / "kb"),
        data_dir=tmp_path / "data",
        digest=replace(slack_settings.digest, enabled=digest),
    )
    first = build_served_app(settings)  # a new database: migrated
    assert first.close is not None
    first.close()

    def no_alembic(*args: object, **kwargs: object) -> None:
        pytest.fail("the migrations ran on a database already at the newest one")

    monkeypatch.setattr(bot.db_migrate, "_upgrade_on", no_alembic)
    again = build_served_app(settings)
    try:
        assert again.ready is not None and again.ready().ready
    finally:
        assert again.close is not None
        again.close()
