"""Feedback's private scratch database, for when the configured one cannot be used (the console) and for tests.

The configured database is opened by ``bot.db_migrate.migrated_engine``, as for every other table."""

from __future__ import annotations

from sqlalchemy import Engine

from bot.feedback.store import metadata


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
