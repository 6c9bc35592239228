"""Alembic migrations for every table lundao keeps, run by ``lundao db upgrade`` (bot/db_migrate.py).

There is no alembic.ini: ``bot.db_migrate.alembic_config`` points alembic at this folder and hands it
an open connection. A new revision is a new file in versions/ whose ``down_revision`` is the latest
one's ``revision`` (script.py.mako is the template ``alembic revision`` would fill in).
"""
