"""Which channels get the insight of the day, and when: settings.yaml overridden by what channels did in Slack."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from bot.digest.store import DigestStore, Subscription
from bot.digest.texts import text
from bot.mrkdwn import escape
from config.settings import CHANNEL_ID_PATTERN, TIME_PATTERN, Settings


class Subscriptions:
    def __init__(self, settings: Settings, store: DigestStore, now: Callable[[], dt.datetime]):
        self.settings = settings
        self.store = store
        self.now = now

    def _text(self, key: str, **values: object) -> str:
        return text(self.settings.language, key, **values)

    def _channel(self, channel_id: str) -> str:
        channel_id = (channel_id or "").strip()
        # A DM (D...) is refused as `lundao digest post` refuses it: the insight of the day is for channels.
        if not CHANNEL_ID_PATTERN.match(channel_id) or channel_id.startswith("D"):
            raise ValueError(self._text("bad_channel", value=escape(channel_id)))
        return channel_id

    def all(self, *, include_inactive: bool = False) -> list[Subscription]:
        """settings.yaml channels, overridden by what channels did in Slack (an unsubscribe wins)."""
        merged: dict[str, Subscription] = {
            ch.channel_id: Subscription(ch.channel_id, ch.time, ch.weekdays_only, True, None)
            for ch in self.settings.digest.channels
        }
        merged.update({s.channel_id: s for s in self.store.subscriptions()})
        return [s for _, s in sorted(merged.items()) if include_inactive or s.active]

    def get(self, channel_id: str) -> Subscription | None:
        return next((s for s in self.all() if s.channel_id == channel_id), None)

    def subscribe(self, channel_id: str, *, time: str | None, weekdays_only: bool | None) -> str:
        channel_id = self._channel(channel_id)
        current = self.get(channel_id)
        if time is None:
            post_time = current.time if current else self.settings.digest.default_time
        else:
            match = TIME_PATTERN.match(time.strip())
            if not match:
                raise ValueError(self._text("bad_time", value=escape(time.strip())))
            post_time = f"{int(match.group(1)):02d}:{match.group(2)}"
        if weekdays_only is None:
            weekdays_only = current.weekdays_only if current else self.settings.digest.weekdays_only
        now = self.now()
        # A new subscriber starts with the next post time; changing the time of a live subscription
        # keeps its start, so moving today's time earlier does not lose today's post.
        since = current.since if current else now
        self.store.save_subscription(
            channel_id, time=post_time, weekdays_only=weekdays_only, active=True, since=since, now=now
        )
        return self._text(
            "subscribed",
            days=self._text("subscribed_weekdays") if weekdays_only else "",
            time=post_time,
            tz=self.settings.digest.timezone,
            command=self.settings.command,
        )

    def unsubscribe(self, channel_id: str) -> str:
        channel_id = self._channel(channel_id)
        current = self.get(channel_id)
        if current is None:
            return self._text("not_subscribed")
        self.store.save_subscription(
            channel_id,
            time=current.time,
            weekdays_only=current.weekdays_only,
            active=False,
            since=None,
            now=self.now(),
        )
        return self._text("unsubscribed", command=self.settings.command)

    def can_manage(self, user_id: str, is_workspace_admin: bool) -> bool:
        return bool(is_workspace_admin) or user_id in self.settings.digest.admins
