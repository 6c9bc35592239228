"""A migrated database for the team's tests: a SQLite file, and a throwaway PostgreSQL schema."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from bot.db_migrate import upgrade_engine
from bot.digest.store import make_engine


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    upgrade_engine(engine)
    try:
        yield engine
    finally:
        engine.dispose()
