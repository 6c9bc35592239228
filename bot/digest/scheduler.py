"""Running the digest on a timer with APScheduler 3.x.

One interval job ticks every minute and asks the database what is due (``DigestService.run_due``),
rather than one cron job per channel. Why: subscriptions change in whichever process handled the
slash command, and APScheduler's job stores cannot be shared between processes (its FAQ), so
per-channel cron jobs would need every process told to reload. A tick that reads subscriptions
from the database sees every change within a minute, in every process, and the same query is what
makes late posts after downtime (inside the grace window) happen at start-up.

APScheduler's defaults are set explicitly: the timezone is the workspace's (the host is UTC on
Heroku), and misfire_grace_time is a tick's length, not 1 s: a tick delayed by a busy process
should still run, while one missed for longer is pointless because the next covers it. The grace
window for posts themselves lives in the service, measured from each slot's due time.
"""

from __future__ import annotations

import datetime as dt
import logging

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.db_migrate import BackgroundMigrations
from bot.digest.service import DigestService
from config.settings import Settings

log = logging.getLogger(__name__)

JOB_ID = "lundao-digest-tick"


class DigestScheduler:
    TICK_SECONDS = 60

    def __init__(self, service: DigestService, settings: Settings, *, tick_seconds: float | None = None):
        self.service = service
        self.settings = settings
        self.tick_seconds = tick_seconds or self.TICK_SECONDS
        self.scheduler = BackgroundScheduler(
            timezone=settings.digest.tz,
            job_defaults={
                "coalesce": True,  # after a pause, one catch-up tick, not one per missed minute
                "max_instances": 1,  # a slow tick (Slack rate limits) must not overlap the next
                "misfire_grace_time": max(1, int(self.tick_seconds)),
            },
        )

    @property
    def running(self) -> bool:
        return bool(self.scheduler.running)

    def start(self) -> bool:
        """Start ticking (the first tick runs at once); False when the digest is disabled in settings."""
        if not self.settings.digest.enabled:
            log.info("digest: disabled in settings (digest.enabled / LUNDAO_DIGEST_ENABLED); no scheduler")
            return False
        if self.scheduler.running:
            return True
        tz = self.settings.digest.tz
        self.scheduler.add_job(
            self.service.run_due,
            IntervalTrigger(seconds=self.tick_seconds, timezone=tz),
            id=JOB_ID,
            name="post the insight of the day where it is due",
            replace_existing=True,
            # Wall-clock now, not the service's clock: APScheduler times jobs by the real clock.
            next_run_time=dt.datetime.now(tz),
        )
        self.scheduler.start()
        log.info(
            "digest: scheduler started (every %gs, timezone %s, grace %g h)",
            self.tick_seconds,
            self.settings.digest.timezone,
            self.settings.digest.grace_hours,
        )
        return True

    def shutdown(self, wait: bool = True) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=wait)


class DigestRunner:
    """The digest's start-up: migrations, then the scheduler; retried with backoff while the database is down.

    Why a runner: a database unreachable at start-up (a PostgreSQL restart next to a dyno restart) used
    to turn the digest off until the process restarted. Now the bot serves at once, and a background
    thread retries the migrations with a growing delay (``BACKOFF``, the last one repeated); the
    scheduler starts as soon as they succeed. ``shutdown`` stops the retries and then the scheduler,
    waiting for a post in progress, so it is recorded before the process exits (SIGTERM).
    """

    BACKOFF = BackgroundMigrations.BACKOFF

    def __init__(
        self,
        service: DigestService,
        settings: Settings,
        *,
        tick_seconds: float | None = None,
        backoff: tuple[float, ...] | None = None,
    ):
        self.service = service
        self.scheduler = DigestScheduler(service, settings, tick_seconds=tick_seconds)
        self.migrations = BackgroundMigrations(
            lambda: service.ensure_schema(), then=self.scheduler.start, backoff=backoff, logger=log, what="digest"
        )

    @property
    def running(self) -> bool:
        return self.scheduler.running

    def start(self) -> bool:
        """Start now if the database answers (True), else keep trying in the background (False)."""
        return self.migrations.start()

    def shutdown(self, wait: bool = True) -> None:
        self.migrations.stop()
        self.scheduler.shutdown(wait=wait)
