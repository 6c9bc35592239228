"""Alembic's environment for lundao: always online, on the connection bot.db_migrate hands over.

``bot.db_migrate`` opens the connection (and takes the migration lock) itself and passes it in
``config.attributes["connection"]``; nothing here reads a URL or an ini file.
"""

from __future__ import annotations

from alembic import context

from bot.db_migrate import target_metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through bot.db_migrate (lundao db upgrade), which supplies the connection")

context.configure(
    connection=connection,
    target_metadata=target_metadata(),
    # SQLite cannot ALTER most things in place: alembic rebuilds the table ("batch" mode) when asked to.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
