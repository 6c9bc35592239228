"""A running app with the team's insights over a database, and a workspace that sends it signed requests."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine

from bot.app import create_app
from bot.fake_slack import FakeSlack
from bot.feedback.service import FeedbackService
from bot.listeners.shortcuts.save_insight import SAVE_INSIGHT
from bot.slack_payloads import (
    FORM,
    JSON,
    event_body,
    home_block_actions_body,
    message_shortcut_body,
    modal_state,
    slash_command_body,
    view_submission_body,
)
from bot.team.service import TeamService
from bot.team.store import TeamStore
from config.settings import Settings
from knowledge.models import Corpus
from knowledge.search import SearchEngine
from knowledge.search.embedding import HashingStubEmbedder
from tests.bot.http_support import Answer, answer_of, buttons, post_signed, served
from tests.bot.http_support import texts as every_text
from tests.support import SIGNING_SECRET

CHANNEL = "C0TEAM0001"


class TeamWorkspace:
    def __init__(self, url: str, slack: FakeSlack, team: TeamService, *, secret: str = SIGNING_SECRET):
        self.url, self.slack, self.team, self.secret = url, slack, team, secret

    def post(self, body: str, content_type: str) -> Answer:
        return post_signed(self.url, body, content_type, secret=self.secret, timeout=20)

    def save_shortcut(self, message: dict[str, Any], *, user_id: str) -> dict[str, Any] | None:
        """The shortcut on ``message``; the view it opened (None if none)."""
        mark = len(self.slack.calls)
        body = message_shortcut_body(SAVE_INSIGHT, message, user_id=user_id, channel_id=CHANNEL)
        assert self.post(body, FORM).status == 200
        opened = [c for c in self.slack.calls[mark:] if c.method == "views.open"]
        return _view(opened[-1].args) if opened else None

    def submit(self, view: dict[str, Any], answers: dict[str, Any], *, user_id: str) -> Answer:
        return self.post(view_submission_body(view, modal_state(view, answers), user_id=user_id), FORM)

    def command(self, text: str, *, user_id: str = "U0ASKER01") -> Answer:
        response_url = self.slack.new_response_url()
        ack = self.post(slash_command_body(text, user_id=user_id, response_url=response_url), FORM)
        return answer_of(ack, self.slack, response_url)

    def home(self, user_id: str) -> dict[str, Any]:
        mark = len(self.slack.calls)
        event = {"type": "app_home_opened", "user": user_id, "channel": "D0HOME", "tab": "home"}
        assert self.post(event_body(event), JSON).status == 200
        published = [c for c in self.slack.calls[mark:] if c.method == "views.publish"]
        return _view(published[-1].args)

    def click_home(self, button: dict[str, Any], *, user_id: str) -> Answer:
        return self.post(home_block_actions_body(button, user_id=user_id), FORM)


def last_opened(slack: FakeSlack) -> dict[str, Any]:
    """The view of the latest views.open call."""
    return _view(slack.calls_to("views.open")[-1].args)


def _view(args: dict[str, Any]) -> dict[str, Any]:
    view = args["view"]
    return json.loads(view) if isinstance(view, str) else view


def home_buttons(view: dict[str, Any]) -> list[dict[str, Any]]:
    return buttons(view["blocks"])


def texts(node: object) -> str:
    """Every text in a view or message, joined (to look for what a user sees)."""
    return "\n".join(every_text(node))


@contextlib.contextmanager
def team_app(
    settings: Settings,
    corpus: Corpus,
    slack: FakeSlack,
    engine: Engine,
    *,
    wired: bool = True,
    feedback: FeedbackService | None = None,
) -> Iterator[TeamWorkspace]:
    """An app over ``corpus`` (hybrid search with the stub embedder) whose team store is ``engine``'s
    (``wired=False``: an app without the team's insights, as when no database is configured)."""
    team = TeamService(TeamStore(engine), settings)
    search = SearchEngine.build(corpus, use_cache=False, embedder=HashingStubEmbedder())
    app = create_app(settings, corpus, search, team=team if wired else None, feedback=feedback)
    with served(app) as url:
        yield TeamWorkspace(url, slack, team)
