"""Events API listeners: mentions (answered in threads), App Home (which is idempotent: a retried delivery republishes it)."""

from __future__ import annotations

from slack_bolt import App

from bot.listeners.common import Lundao
from bot.listeners.events.app_home import make_app_home_opened
from bot.listeners.events.mentions import make_app_mention


def register(app: App, lundao: Lundao) -> None:
    app.event("app_mention")(make_app_mention(lundao))
    app.event("app_home_opened")(make_app_home_opened(lundao))
