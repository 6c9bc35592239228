"""Feedback's database, on SQLite and PostgreSQL, made by the migrations (so 0005 is exercised on both)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from bot.db_migrate import migrated_engine


@pytest.fixture
def feedback_engine(database_url: str) -> Iterator[Engine]:
    engine = migrated_engine(database_url)
    try:
        yield engine
    finally:
        engine.dispose()
