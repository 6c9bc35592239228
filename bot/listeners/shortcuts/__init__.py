"""Shortcut listeners: the message shortcut "Find related insights"."""

from __future__ import annotations

from slack_bolt import App

from bot.listeners.common import Lundao
from bot.listeners.shortcuts.find_related import FIND_RELATED, make_find_related


def register(app: App, lundao: Lundao) -> None:
    app.shortcut(FIND_RELATED)(make_find_related(lundao))
