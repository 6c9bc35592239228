"""Slash command listeners."""

from __future__ import annotations

from slack_bolt import App

from bot.listeners.commands.insight import make_insight_command
from bot.listeners.common import Lundao


def register(app: App, lundao: Lundao) -> None:
    app.command(lundao.settings.command)(make_insight_command(lundao))
