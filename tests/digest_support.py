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
from knowledge.models import Claim, Corpus, Person, Source, Topic

SHANGHAI = ZoneInfo("Asia/Shanghai")
TOPIC_IDS = ("compute", "talent", "open-source", "infra", "money", "apps", "china")
KINDS = ("judgement", "number", "prediction", "argument", "fact", "advice")


def make_claim(index: int, source_id: str, topics: tuple[str, ...], *, digest: bool = True) -> Claim:
    return Claim(
        id=f"{source_id}-claim-{index:03d}",
        source_id=source_id,
        text=f"第 {index} 条判断,出自 {source_id}。",
        en=f"Claim {index} from {source_id}.",
        quote=f"quote {index}",
        speaker_id="li-kaifu" if index % 2 else "sample-press",
        topic_ids=topics,
        kind=KINDS[index % len(KINDS)],
        digest=digest,
    )


def make_corpus(sizes: dict[str, int], *, ineligible_every: int = 0, extra: tuple[Claim, ...] = ()) -> Corpus:
    """Sources with the given numbers of claims, topics spread over them, every ``ineligible_every``-th not for the digest."""
    claims: list[Claim] = []
    index = 0
    for source_id, count in sizes.items():
        for _ in range(count):
            index += 1
            topics = (TOPIC_IDS[index % len(TOPIC_IDS)], TOPIC_IDS[(index * 3 + 1) % len(TOPIC_IDS)])
            topics = tuple(dict.fromkeys(topics))
            digest = not (ineligible_every and index % ineligible_every == 0)
            claims.append(make_claim(index, source_id, topics, digest=digest))
    sources = {
        s: Source(id=s, title=f"《{s}》文章 <标题> & co", text="...", url=f"https://example.com/{s}?a=1&b=2")
        for s in sizes
    }
    people = {
        "li-kaifu": Person("li-kaifu", "person", "李开复", "Kai-Fu Lee", role="创新工场董事长", role_en="Chairman"),
        "sample-press": Person("sample-press", "publication", "样例媒体", "Sample Press"),
    }
    topics = {t: Topic(t, f"话题{t}", t.title()) for t in TOPIC_IDS}
    return Corpus(sources, (*claims, *extra), people, topics, {})


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
    return DigestService(corpus, settings, client_for(base_url), engine, clock, worker=worker)
