"""A migrated database for the team's tests: a SQLite file, and a throwaway PostgreSQL schema."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from bot.db_migrate import migrated_engine


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = migrated_engine(database_url)
    try:
        yield engine
    finally:
        engine.dispose()
