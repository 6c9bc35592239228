"""The APScheduler wrapper: explicit timezone and misfire grace, an immediate first tick, clean shutdown."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time

from bot.digest.scheduler import JOB_ID, DigestScheduler
from bot.fake_slack import FakeSlack
from config.settings import DigestChannel
from tests.digest_support import Clock, make_corpus, make_service, make_settings, sqlite_url


def test_scheduler_uses_the_workspace_timezone_and_posts_on_its_first_tick(tmp_path):
    slack = FakeSlack(members={"C0TICK1"}).start()
    try:
        settings = make_settings(channels=(DigestChannel("C0TICK1", "09:30"),))
        settings = dataclasses.replace(settings, digest=dataclasses.replace(settings.digest, timezone="Europe/Paris"))
        clock = Clock(dt.datetime(2024, 5, 6, 9, 45, tzinfo=settings.digest.tz))
        service = make_service(make_corpus({"a": 3, "b": 3}), settings, slack.api_url, sqlite_url(tmp_path), clock)
        scheduler = DigestScheduler(service, settings, tick_seconds=0.2)
        assert str(scheduler.scheduler.timezone) == "Europe/Paris"
        assert scheduler.start()
        try:
            job = scheduler.scheduler.get_job(JOB_ID)
            assert job.misfire_grace_time >= 1 and job.coalesce and job.max_instances == 1
            deadline = time.monotonic() + 5
            while not slack.posts() and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(0.5)  # a few more ticks: still one post
        finally:
            scheduler.shutdown()
        assert not scheduler.running
        assert len(slack.posts("C0TICK1")) == 1
    finally:
        slack.stop()


def test_a_disabled_digest_starts_no_scheduler(tmp_path):
    settings = make_settings()
    settings = dataclasses.replace(settings, digest=dataclasses.replace(settings.digest, enabled=False))
    service = make_service(
        make_corpus({"a": 2}),
        settings,
        "http://127.0.0.1:9/api/",
        sqlite_url(tmp_path),
        Clock(dt.datetime(2024, 5, 6, 9, 0)),
    )
    scheduler = DigestScheduler(service, settings)
    assert scheduler.start() is False
    assert not scheduler.running
    scheduler.shutdown()  # harmless when never started
