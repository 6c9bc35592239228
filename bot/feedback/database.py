"""Opening feedback's database: the configured one with the schema migrated, or a private one in memory."""

from __future__ import annotations

from sqlalchemy import Engine

from bot.feedback.store import metadata


def open_engine(url: str) -> Engine:
    """An engine on ``url`` with the schema migrated to head (feedback's tables included)."""
    from bot.db_migrate import upgrade_engine
    from bot.digest.store import make_engine

    engine = make_engine(url)
    try:
        upgrade_engine(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def memory_engine() -> Engine:
    """A private in-memory SQLite database with feedback's tables: one connection shared by every thread."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    metadata.create_all(engine)
    return engine
