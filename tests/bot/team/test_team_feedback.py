"""The review flow and the feedback loop together, as ``lundao run`` wires them (``bot.app.link_team_and_feedback``):
a question nobody could answer is listed in the curators' Home, and approving a claim that answers it takes
it off the list. Signed requests through the real app against the fake Web API, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from bot.fake_slack import FakeSlack, FakeUser
from bot.feedback.service import FeedbackService
from bot.team.blocks import ACTION_APPROVE
from config.settings import Settings
from knowledge.models import Corpus
from tests.bot.team.app_support import TeamWorkspace, home_buttons, team_app, texts
from tests.bot.team.test_team_http import AUTHOR, CURATOR, GOOD, MESSAGE, SAVER, _saved

QUESTION = "鸿蒙 端侧模型"


@pytest.fixture
def slack(fake_slack: FakeSlack) -> FakeSlack:
    for user_id, name, admin in ((AUTHOR, "xiaoming", False), (SAVER, "saver", False), (CURATOR, "curie", True)):
        fake_slack.add_user(FakeUser(user_id, name=name, is_admin=admin))
    return fake_slack


@pytest.fixture
def feedback(engine: Engine) -> Iterator[FeedbackService]:
    service = FeedbackService(engine)
    yield service
    service.flush(timeout=5)


@pytest.fixture
def workspace(
    slack_settings: Settings, tiny_corpus: Corpus, slack: FakeSlack, engine: Engine, feedback: FeedbackService
) -> Iterator[TeamWorkspace]:
    with team_app(slack_settings, tiny_corpus, slack, engine, feedback=feedback) as workspace:
        yield workspace


def test_an_approval_answers_the_gap_it_fills_and_the_home_shows_what_is_left(
    workspace: TeamWorkspace, feedback: FeedbackService
) -> None:
    assert MESSAGE["ts"] not in workspace.command(QUESTION).body  # nothing on it yet: a gap
    assert feedback.flush(timeout=5)
    assert [g.text for g in feedback.gaps()] == [QUESTION]
    home = texts(workspace.home(CURATOR))
    assert QUESTION in home  # the curators see it under the review section
    assert QUESTION not in texts(workspace.home(SAVER))  # other people do not

    claim_id = _saved(workspace)
    approve = next(b for b in home_buttons(workspace.home(CURATOR)) if b["action_id"] == ACTION_APPROVE)
    assert workspace.click_home(approve, user_id=CURATOR).status == 200

    assert claim_id in workspace.command(QUESTION).body  # answered now
    assert feedback.gaps() == []  # and the gap is marked answered, not left for the curators
    assert [g.text for g in feedback.gaps(include_answered=True)] == [QUESTION]
    home = texts(workspace.home(CURATOR))
    assert QUESTION not in home and GOOD["summary"] not in home


def test_the_curators_home_does_not_wait_for_the_feedback_queue(
    workspace: TeamWorkspace, feedback: FeedbackService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Home is published inside the app_home_opened event's 3 seconds: a slow database holding up the
    background queue must not hold it up too. What the queue has already written is listed."""
    workspace.command(QUESTION)
    assert feedback.flush(timeout=5)

    def stuck(timeout: float = 10.0) -> bool:
        raise AssertionError("the Home waited for the feedback queue")

    with monkeypatch.context() as patched:  # undone before the fixture's own flush at teardown
        patched.setattr(feedback, "flush", stuck)
        assert QUESTION in texts(workspace.home(CURATOR))
