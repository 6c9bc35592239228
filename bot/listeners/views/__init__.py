"""The team's insights: the "Save as insight" shortcut, its modals' submissions, the review buttons,
and the middleware that keeps this process's knowledge base current with the approved claims."""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import App

from bot.listeners.common import Lundao
from bot.listeners.shortcuts.save_insight import SAVE_INSIGHT, make_save_insight
from bot.listeners.views.review import make_edit_action, make_review_action
from bot.listeners.views.submissions import make_edit_submitted, make_save_submitted
from bot.team.blocks import ACTION_APPROVE, ACTION_EDIT, ACTION_REJECT, EDIT_CALLBACK, SAVE_CALLBACK


def register(app: App, lundao: Lundao) -> None:
    app.shortcut(SAVE_INSIGHT)(make_save_insight(lundao))
    app.view_submission(SAVE_CALLBACK)(make_save_submitted(lundao))
    app.view_submission(EDIT_CALLBACK)(make_edit_submitted(lundao))
    app.action(ACTION_APPROVE)(make_review_action(lundao, "approve"))
    app.action(ACTION_REJECT)(make_review_action(lundao, "reject"))
    app.action(ACTION_EDIT)(make_edit_action(lundao))

    def refresh_knowledge(next_: Callable[[], None]) -> None:
        # At most one cheap version read per TTL (none where a poller does it): other processes' approvals.
        team = lundao.team
        if team is not None and team.live is not None:
            team.live.refresh_on_request()
        next_()

    app.use(refresh_knowledge)
