"""DATABASE_URL normalisation (bot/db_url.py): what hosts set becomes what SQLAlchemy and our driver need."""

from __future__ import annotations

import sys

import pytest

from bot.db_url import DatabaseURLError, normalize_database_url, safe_url


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p%40ss@db.example:5432/lundao", "postgresql+psycopg://u:p%40ss@db.example:5432/lundao"),
        (
            "postgresql://u:p@db.example/lundao?sslmode=require",
            "postgresql+psycopg://u:p@db.example/lundao?sslmode=require",
        ),
        ("POSTGRES://u@h/d", "postgresql+psycopg://u@h/d"),
        ("  postgres://u@h/d\n", "postgresql+psycopg://u@h/d"),
        ("postgresql+psycopg://u@h/d", "postgresql+psycopg://u@h/d"),
        ("sqlite:////var/lib/lundao/lundao.sqlite3", "sqlite:////var/lib/lundao/lundao.sqlite3"),
        ("sqlite:///data/lundao.sqlite3", "sqlite:///data/lundao.sqlite3"),
    ],
)
def test_urls_lundao_can_use(given: str, expected: str) -> None:
    assert normalize_database_url(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("mysql://root:hunter2@db/lundao", "names a MySQL database, which lundao does not support: use PostgreSQL"),
        ("mariadb+pymysql://root:hunter2@db/x", "names a MariaDB database"),
        ("mongodb://root:hunter2@db/x", "unknown scheme mongodb://"),
        ("hunter2", "not a URL"),
        ("", "is empty"),
        ("postgresql+nosuchdriver://root:hunter2@db/x", "names the driver 'nosuchdriver'"),
    ],
)
def test_urls_lundao_cannot_use_say_what_to_do_in_one_line(given: str, expected: str) -> None:
    with pytest.raises(DatabaseURLError) as caught:
        normalize_database_url(given)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message and "hunter2" not in message


def test_a_missing_driver_names_the_package_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if psycopg were not installed
    with pytest.raises(
        DatabaseURLError, match=r"needs the psycopg driver, which is not installed: pip install 'psycopg\[binary\]'"
    ):
        normalize_database_url("postgres://u:hunter2@h/d")


def test_psycopg2_urls_point_at_the_installed_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg2", None)
    with pytest.raises(DatabaseURLError, match=r"pip install 'psycopg2-binary' \(or postgres://"):
        normalize_database_url("postgresql+psycopg2://u@h/d")


def test_safe_url_hides_the_password() -> None:
    assert safe_url("postgresql+psycopg://u:hunter2@h/d") == "postgresql+psycopg://u:***@h/d"
    assert "hunter2" not in safe_url("::not a url hunter2")
