"""Button listeners: Share, More and Context on the answers; Helpful / Not helpful (bot.listeners.actions.feedback)."""

from __future__ import annotations

from slack_bolt import App

from bot.blocks import ACTION_CONTEXT, ACTION_MORE, ACTION_SHARE
from bot.feedback_blocks import ACTION_HELPFUL, ACTION_NOT_HELPFUL
from bot.listeners.actions.buttons import make_context_button, make_more_button, make_share_button
from bot.listeners.actions.feedback import make_feedback_button
from bot.listeners.common import Lundao


def register(app: App, lundao: Lundao) -> None:
    app.action(ACTION_SHARE)(make_share_button(lundao))
    app.action(ACTION_MORE)(make_more_button(lundao))
    app.action(ACTION_CONTEXT)(make_context_button(lundao))
    app.action(ACTION_HELPFUL)(make_feedback_button(lundao, helpful=True))
    app.action(ACTION_NOT_HELPFUL)(make_feedback_button(lundao, helpful=False))
