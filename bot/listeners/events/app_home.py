"""The App Home tab, published each time someone opens it (so today's insight is always today's)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient

from bot.listeners.common import Lundao
from bot.listeners.views.home import publish_home


def make_app_home_opened(lundao: Lundao) -> Callable[..., None]:
    def app_home_opened(event: dict[str, Any], client: WebClient, logger: logging.Logger) -> None:
        if event.get("tab", "home") != "home" or not event.get("user"):
            return  # the Messages tab opens the DM; there is nothing to publish for it
        # Curators also see the insights waiting for review (bot.listeners.views.home).
        publish_home(lundao, client, str(event["user"]), logger)

    return app_home_opened
