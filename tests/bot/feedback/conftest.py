"""Feedback's database, on SQLite and PostgreSQL, made by the migrations (so 0005 is exercised on both)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.feedback.database import open_engine
from tests.support import postgres_schema


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'lundao.sqlite3'}"
        return
    with postgres_schema() as url:
        yield url


@pytest.fixture
def feedback_engine(database_url: str) -> Iterator[Engine]:
    engine = open_engine(database_url)
    try:
        yield engine
    finally:
        engine.dispose()
