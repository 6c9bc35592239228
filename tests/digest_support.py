"""Shared helpers of the digest tests: corpora of any size, settings, a controllable clock, services."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.digest.service import DigestService
from config.settings import DigestChannel, DigestSettings, Settings
from knowledge.models import Corpus
from tests.corpus_factory import make_claim, make_corpus  # noqa: F401  (the digest tests import them from here)

SHANGHAI = ZoneInfo("Asia/Shanghai")


def make_settings(
    *,
    channels: tuple[DigestChannel, ...] = (),
    grace_hours: float = 6.0,
    admins: tuple[str, ...] = (),
    language: str = "zh",
    weekdays_only: bool = False,
) -> Settings:
    return replace(
        Settings(),
        language=language,
        digest=DigestSettings(channels=channels, grace_hours=grace_hours, admins=admins, weekdays_only=weekdays_only),
    )


class Clock:
    """A clock the test moves; thread-safe so a scheduler thread can read it."""

    def __init__(self, local: dt.datetime):
        self._now = local.replace(tzinfo=SHANGHAI) if local.tzinfo is None else local
        self._lock = threading.Lock()

    def __call__(self) -> dt.datetime:
        with self._lock:
            return self._now

    def set(self, local: dt.datetime) -> None:
        with self._lock:
            self._now = local.replace(tzinfo=SHANGHAI) if local.tzinfo is None else local

    def advance(self, **delta: float) -> None:
        with self._lock:
            self._now = self._now + dt.timedelta(**delta)


def client_for(base_url: str) -> WebClient:
    return WebClient(token="xoxb-test-token", base_url=base_url, timeout=10)


def sqlite_url(folder: Path) -> str:
    return f"sqlite:///{(folder / 'digest.sqlite3').as_posix()}"


def make_service(
    corpus: Corpus, settings: Settings, base_url: str, engine: Engine | str, clock: Clock, worker: str | None = None
) -> DigestService:
    service = DigestService(corpus, settings, client_for(base_url), engine, clock, worker=worker)
    service.ensure_schema()
    return service
