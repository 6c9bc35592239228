"""The App Home tab, published each time someone opens it (so today's insight is always today's)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import blocks as kit
from bot.listeners.common import Lundao


def make_app_home_opened(lundao: Lundao) -> Callable[..., None]:
    def app_home_opened(event: dict[str, Any], client: WebClient, logger: logging.Logger) -> None:
        if event.get("tab", "home") != "home" or not event.get("user"):
            return  # the Messages tab opens the DM; there is nothing to publish for it
        view = kit.home_view(
            lundao.corpus,
            lundao.strings,
            today=lundao.todays_claim(None),
            command=lundao.command,
            bot_name=lundao.settings.bot_name,
            page_size=lundao.settings.results_per_page,
        )
        try:
            client.views_publish(user_id=event["user"], view=view)
        except SlackApiError as exc:
            logger.warning("views.publish failed: %s", exc.response.get("error"))

    return app_home_opened
