"""``lundao digest preview|post|history`` end to end: a tiny knowledge base, a SQLite file, the fake Slack."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from bot.fake_slack import FakeSlack
from tests.corpus_factory import write_corpus

CHANNEL = "C0CLI1"


@pytest.fixture
def slack():
    api = FakeSlack(public={CHANNEL}, members={CHANNEL}).start()
    yield api
    api.stop()


@pytest.fixture
def env(tmp_path, monkeypatch, slack):
    settings = tmp_path / "settings.yaml"
    settings.write_text("digest:\n  timezone: Asia/Shanghai\n  channels: []\n", encoding="utf-8")
    for name in ("LUNDAO_DATA_DIR", "DATABASE_URL", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "LUNDAO_LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LUNDAO_SETTINGS", str(settings))
    monkeypatch.setenv("LUNDAO_KNOWLEDGE_DIR", str(write_corpus(tmp_path / "kb")))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'db' / 'lundao.sqlite3'}")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-cli-test")
    monkeypatch.setenv("SLACK_API_BASE_URL", slack.api_url)
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["digest", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_preview_json_is_what_post_then_posts_and_a_second_post_posts_nothing(env, slack, capsys):
    code, out, _ = run(capsys, "preview", "--channel", CHANNEL, "--days", "5", "--json")
    assert code == 0
    plan = json.loads(out)
    assert [set(item) for item in plan] == [{"date", "channel", "claim_id"}] * 5
    assert len({item["claim_id"] for item in plan[:3]}) == 3  # the sample corpus has 3 claims: a full cycle

    code, out, _ = run(capsys, "post", "--channel", CHANNEL)
    assert code == 0 and f"posted {plan[0]['claim_id']}" in out
    code, out, _ = run(capsys, "post", "--channel", CHANNEL)
    assert code == 0 and "nothing posted" in out
    assert len(slack.messages[CHANNEL]) == 1

    code, out, _ = run(capsys, "preview", "--channel", CHANNEL, "--days", "5", "--json")
    assert json.loads(out) == plan  # posting changed nothing of the plan

    code, out, _ = run(capsys, "history", "--json")
    [row] = json.loads(out)
    assert (row["channel"], row["claim_id"], row["status"]) == (CHANNEL, plan[0]["claim_id"], "posted")
    assert row["message_ts"] == slack.messages[CHANNEL][0]["ts"]
    code, out, _ = run(capsys, "history", "--channel", CHANNEL)
    assert code == 0 and plan[0]["claim_id"] in out and "posted" in out


def test_preview_without_subscriptions_says_how_to_pick_a_channel(env, capsys):
    code, out, err = run(capsys, "preview")
    assert code == 0 and "--channel" in err
    code, out, _ = run(capsys, "preview", "--json")
    assert json.loads(out) == []


def test_post_without_a_token_says_so_in_one_line(env, monkeypatch, slack, capsys):
    monkeypatch.delenv("SLACK_BOT_TOKEN")
    code, _out, err = run(capsys, "post", "--channel", CHANNEL)
    assert code == 1
    assert err.count("\n") == 1 and "SLACK_BOT_TOKEN" in err
    assert slack.posts() == []


def test_bad_input_is_one_clear_line(env, slack, capsys):
    code, _, err = run(capsys, "post", "--channel", "#general")
    assert code == 2 and err.count("\n") == 1 and "C012ABCDEF" in err
    code, _, err = run(capsys, "post", "--channel", CHANNEL, "--date", "2999-01-01")
    assert code == 2 and "future" in err
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "preview", "--from", "2024-13-01")
    assert exit_.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert slack.posts() == []


def test_a_broken_settings_file_is_reported_not_raised(env, monkeypatch, capsys):
    (env / "settings.yaml").write_text("digest:\n  default_time: '25:00'\n", encoding="utf-8")
    code, _, err = run(capsys, "history")
    assert code == 1 and "digest.default_time" in err
