"""`lundao console`, `lundao ask` and `lundao run`'s start-up checks, with no Slack account."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.console import Console, console_lines, mrkdwn_to_text
from config.settings import Settings
from knowledge.models import Corpus
from knowledge.search import SearchEngine
from tests.corpus_factory import write_tiny_corpus

_SLACK_VARIABLES = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_BASE_URL", "PORT")


@pytest.fixture
def console(tiny_corpus: Corpus) -> Iterator[Console]:
    with Console(Settings(), tiny_corpus, SearchEngine.build(tiny_corpus)) as running:
        yield running


@pytest.fixture
def fresh_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No Slack variables at all, and a knowledge base of our own."""
    for name in _SLACK_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    root = write_tiny_corpus(tmp_path / "kb")
    monkeypatch.setenv("LUNDAO_KNOWLEDGE_DIR", str(root))
    monkeypatch.setenv("LUNDAO_DATA_DIR", str(root))
    return root


def test_mrkdwn_is_rendered_readably() -> None:
    shown = mrkdwn_to_text("*粗体* <https://x.test/a?b=1&amp;c=2|标题> <@U1> &lt;!channel&gt;\n>引文")
    assert shown == "粗体 标题 (https://x.test/a?b=1&c=2) @U1 <!channel>\n  │ 引文"


def test_console_answers_a_query_and_clicks_buttons(console: Console, tiny_corpus: Corpus) -> None:
    expected = [h.claim for h in SearchEngine.build(tiny_corpus).search("开源", limit=3).hits]
    first = console.handle("/insight 开源")
    assert "visible only to you" in first
    assert all(c.text in first and c.en in first for c in expected)
    assert "share 1" in first and "context 3" in first and "`more`" in first

    shared = console.handle(f"share {len(expected)}")
    assert "posted in the channel" in shared and expected[-1].text in shared and "@UCONSOLE01" in shared

    console.handle("/insight 开源")
    context = console.handle("context 1")
    assert expected[0].quote in context

    console.handle("开源")  # a bare line is a query
    more = console.handle("more")
    assert "replaces the answer above" in more
    assert not any(c.text in more for c in expected)


def test_console_mentions_home_and_shortcut(console: Console, tiny_corpus: Corpus) -> None:
    mention = console.handle("@lundao 算力")
    assert "in the thread" in mention and tiny_corpus.claim("compute-shortage").text in mention  # type: ignore[union-attr]
    assert "App Home" in console.handle("home")
    assert "in the thread" in console.handle("related 开源社区的迭代速度")


def test_console_handles_bad_input_without_crashing(console: Console) -> None:
    assert "unknown command" in console.handle("/other 开源")
    assert "no `share 9` button" in console.handle("share 9")
    assert "usage" in console.handle("share x")
    assert console.handle("   ") == ""
    answers = list(console_lines(iter(["/insight <!channel>", "quit", "never reached"]), console))
    assert len(answers) == 1 and "<!channel>" in answers[0]  # shown as the text typed, never a ping


def test_ask_works_on_a_fresh_machine(fresh_machine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "开源模型"]) == 0
    out = capsys.readouterr().out
    assert "visible only to you" in out and "开源" in out


def test_ask_in_english(fresh_machine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--lang", "en", "topics"]) == 0
    assert "Topics" in capsys.readouterr().out


def test_ask_reports_a_broken_knowledge_base_in_one_line(
    fresh_machine: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (fresh_machine / "people.yaml").write_text("people: [oops", encoding="utf-8")
    assert main(["ask", "开源"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("lundao ask:") and "people.yaml" in err and "\n" not in err


@pytest.mark.parametrize(
    ("environment", "named"),
    [({}, "SLACK_BOT_TOKEN"), ({"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET")],
)
def test_run_stops_with_one_line_naming_the_missing_variable(
    fresh_machine: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    environment: dict[str, str],
    named: str,
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"lundao run: {named} is not set") and "\n" not in err and "Traceback" not in err


def test_run_reports_a_rejected_token_in_one_line(
    fresh_machine: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fake_slack: object
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-revoked")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    monkeypatch.setenv("SLACK_API_BASE_URL", fake_slack.api_url)  # type: ignore[attr-defined]
    monkeypatch.setenv("LUNDAO_DIGEST_ENABLED", "false")
    fake_slack.fail_next("auth.test", error="invalid_auth")  # type: ignore[attr-defined]
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("lundao run: cannot connect to Slack") and "\n" not in err
