"""Button listeners: Share, More and Context on the answers."""

from __future__ import annotations

from slack_bolt import App

from bot.blocks import ACTION_CONTEXT, ACTION_MORE, ACTION_SHARE
from bot.listeners.actions.buttons import make_context_button, make_more_button, make_share_button
from bot.listeners.common import Lundao


def register(app: App, lundao: Lundao) -> None:
    app.action(ACTION_SHARE)(make_share_button(lundao))
    app.action(ACTION_MORE)(make_more_button(lundao))
    app.action(ACTION_CONTEXT)(make_context_button(lundao))
