"""DATABASE_URL as SQLAlchemy needs it, or one line saying what to do.

Heroku (and most hosts) set ``postgres://user:pass@host/db``; SQLAlchemy 2 no longer accepts that
scheme and would pick psycopg2 for ``postgresql://``. lundao ships psycopg 3, so both become
``postgresql+psycopg://``. Messages never contain the URL itself: it carries the password.
"""

from __future__ import annotations

import re

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

SUPPORTED = "PostgreSQL (postgres://user:password@host:5432/name) or SQLite (sqlite:////absolute/path.db)"

# Drivers a user might name, and the package that provides each.
_DRIVER_PACKAGES = {
    "psycopg": "psycopg[binary]",
    "psycopg2": "psycopg2-binary",
    "pg8000": "pg8000",
    "asyncpg": "asyncpg",
}
_OTHER_DATABASES = {
    "mysql": "MySQL",
    "mariadb": "MariaDB",
    "mssql": "SQL Server",
    "oracle": "Oracle",
    "cockroachdb": "CockroachDB",
}


class DatabaseURLError(ValueError):
    """A DATABASE_URL lundao cannot use; the message is one line naming what to do."""


def normalize_database_url(url: str) -> str:
    """``url`` in the form SQLAlchemy should use with lundao's drivers; raise DatabaseURLError otherwise."""
    raw = url.strip()
    if not raw:
        raise DatabaseURLError(f"DATABASE_URL is empty: unset it for the SQLite default, or set it to {SUPPORTED}")
    scheme, sep, rest = raw.partition("://")
    if not sep:
        raise DatabaseURLError(f"DATABASE_URL is not a URL (no scheme://): set it to {SUPPORTED}")
    scheme = scheme.lower()
    if scheme in ("postgres", "postgresql"):
        raw, scheme = f"postgresql+psycopg://{rest}", "postgresql+psycopg"
    backend, _, driver = scheme.partition("+")
    if backend in _OTHER_DATABASES:
        raise DatabaseURLError(
            f"DATABASE_URL names a {_OTHER_DATABASES[backend]} database, which lundao does not support: use {SUPPORTED}"
        )
    if backend not in ("postgresql", "sqlite"):
        raise DatabaseURLError(f"DATABASE_URL has the unknown scheme {scheme}://: use {SUPPORTED}")
    try:
        parsed: URL = make_url(raw)
        dialect = parsed.get_dialect()
    except NoSuchModuleError:  # before ArgumentError, its base class
        raise DatabaseURLError(
            f"DATABASE_URL names the driver {driver!r}, which SQLAlchemy does not know: use postgres://... "
            "(lundao's psycopg driver)"
        ) from None
    except (ArgumentError, ValueError):
        raise DatabaseURLError(f"DATABASE_URL ({scheme}://...) cannot be parsed: use {SUPPORTED}") from None
    try:
        dialect.import_dbapi()
    except ImportError:
        package = _DRIVER_PACKAGES.get(driver or "", driver or backend)
        hint = " (or postgres://..., which uses psycopg, installed with lundao)" if driver != "psycopg" else ""
        raise DatabaseURLError(
            f"DATABASE_URL needs the {driver or backend} driver, which is not installed: pip install '{package}'{hint}"
        ) from None
    return raw


def safe_url(url: str) -> str:
    """``url`` with its password hidden, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        scheme, sep, _ = url.partition("://")
        return f"{scheme}://..." if sep and re.fullmatch(r"[A-Za-z0-9+.-]+", scheme) else "(not a URL)"
