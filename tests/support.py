"""Constants and helpers shared by several test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The checkout: tests are arranged like the source tree below it, so none counts its own depth."""

SHARED_DIR = Path(os.environ.get("LUNDAO_TEST_SHARED_DIR") or REPO_ROOT.parent / "shared")
"""The steering repo's shared/ folder (seeds, evaluation sets): beside the checkout when present (as in CI),
or wherever LUNDAO_TEST_SHARED_DIR says."""

SIGNING_SECRET = "test-signing-secret-0123456789"
"""The signing secret of the test app: requests signed with it pass Bolt's verification."""

ISOLATED_PREFIXES = ("SLACK_", "LUNDAO_")
"""Environment variables no test may inherit from the developer's shell."""

KEPT_PREFIXES = ("LUNDAO_TEST_",)
"""Settings of the test run itself (e.g. LUNDAO_TEST_POSTGRES_URL), not of the app: kept."""

POSTGRES_URL = os.environ.get("LUNDAO_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
"""The test PostgreSQL (127.0.0.1:5432, database ``test``); tests that need it skip when it does not answer."""


def postgres_schema_url(schema: str) -> str:
    """POSTGRES_URL with ``search_path`` set to ``schema`` at connect: every process and engine sees only it."""
    separator = "&" if "?" in POSTGRES_URL else "?"
    return f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"


@contextlib.contextmanager
def postgres_schema_name() -> Iterator[str]:
    """A fresh schema in the test PostgreSQL, dropped afterwards: its name; pytest.skip when unreachable."""
    import pytest
    from sqlalchemy import create_engine, text

    admin = create_engine(POSTGRES_URL)
    try:
        with admin.connect() as conn:
            conn.execute(text("select 1"))
    except Exception as exc:
        admin.dispose()
        pytest.skip(f"no PostgreSQL reachable at LUNDAO_TEST_POSTGRES_URL ({type(exc).__name__})")
    schema = f"lundao_test_{uuid.uuid4().hex[:12]}"
    with admin.begin() as conn:
        conn.execute(text(f'create schema "{schema}"'))
    try:
        yield schema
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'drop schema "{schema}" cascade'))
        admin.dispose()


@contextlib.contextmanager
def postgres_schema() -> Iterator[str]:
    """A fresh schema in the test PostgreSQL, dropped afterwards: a URL that sees only it."""
    with postgres_schema_name() as schema:
        yield postgres_schema_url(schema)


def free_port() -> int:
    """A loopback port nobody listens on now (the OS's choice), for a server a test starts."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def http_request(
    port: int, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None, *, timeout: float = 10
) -> tuple[int, bytes]:
    """One request to a server on 127.0.0.1: its status and body."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()
