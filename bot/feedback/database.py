"""Opening feedback's database: the configured one with the schema migrated, or a private scratch one."""

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


def scratch_engine() -> Engine:
    """A private SQLite file with feedback's tables, in a temporary folder removed when the process exits.

    Not ``sqlite://`` in memory: that is one connection shared by every thread, and the background writer
    (gaps, purges) using it while a click records its vote made one of them fail, losing the vote."""
    import atexit
    import shutil
    import tempfile

    from bot.digest.store import make_engine

    folder = tempfile.mkdtemp(prefix="lundao-feedback-")
    atexit.register(shutil.rmtree, folder, True)
    engine = make_engine(f"sqlite:///{folder}/feedback.sqlite3")
    metadata.create_all(engine)
    return engine
