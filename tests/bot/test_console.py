"""`lundao console`, `lundao ask` and `lundao run`'s start-up checks, with no Slack account."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.cli import main
from bot.console import CONSOLE_CHANNEL, Console, console_lines, enable_line_editing, mrkdwn_to_text
from config.settings import Settings
from knowledge.models import Claim, Corpus
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
    assert "(no reply)" not in first  # said only when the app answered nothing at all

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


def test_numbers_after_more_are_the_numbers_share_and_context_accept(console: Console, tiny_corpus: Corpus) -> None:
    _, more = console_lines(iter(["/insight 开源", "more"]), console)
    shown = [int(n) for n in re.findall(r"^(\d+)\. ", more, flags=re.MULTILINE)]
    assert shown and min(shown) > 1  # the second page goes on from the first
    for number in shown:
        assert f"share {number}`" in more and f"context {number}`" in more
    assert "share 1`" not in more

    page = SearchEngine.build(tiny_corpus).search("开源", limit=len(shown), offset=min(shown) - 1).hits
    (shared,) = console_lines(iter([f"share {shown[-1]}"]), console)
    assert "posted in the channel" in shared and page[-1].claim.text in shared
    (stale,) = console_lines(iter(["share 1"]), console)
    assert "no `share 1` button" in stale


@dataclass
class ThreadDigest:
    """A digest whose posts are the threads the test names; records which threads the app asked about."""

    corpus: Corpus
    posts: dict[tuple[str, str], str] = field(default_factory=dict)
    asked: list[tuple[str, str]] = field(default_factory=list)

    def todays_claim(self, channel_id: str | None, on: dt.date | None = None) -> Claim | None:
        return None

    def subscribe(self, channel_id: str, *, time: str | None, weekdays_only: bool | None) -> str:
        return ""

    def unsubscribe(self, channel_id: str) -> str:
        return ""

    def can_manage(self, user_id: str, is_workspace_admin: bool) -> bool:
        return False

    def thread_claim(self, channel_id: str, thread_ts: str) -> Claim | None:
        self.asked.append((channel_id, thread_ts))
        claim_id = self.posts.get((channel_id, thread_ts))
        return self.corpus.claim(claim_id) if claim_id else None


def test_reply_mentions_in_the_thread_and_gets_its_claim_as_context(tiny_corpus: Corpus) -> None:
    digest = ThreadDigest(tiny_corpus)
    engine = SearchEngine.build(tiny_corpus)
    about = engine.search("开源", limit=1).hits[0].claim
    with Console(Settings(), tiny_corpus, engine, digest) as console:
        (plain,) = console_lines(iter(["@lundao 有反例吗"]), console)
        _, shared = console_lines(iter(["/insight 开源", "share 1"]), console)
        assert "reply @lundao" in shared and about.text in shared and console.thread_root is not None
        root = console.thread_root
        digest.posts[(CONSOLE_CHANNEL, root)] = about.id  # as if that post were the insight of the day

        in_thread, again = console_lines(iter(["reply @lundao 有反例吗", "reply @lundao 有反例吗"]), console)
    related = [h.claim for h in engine.related(about.id, limit=10)]
    assert related and related[0].text in in_thread and about.text not in in_thread
    assert related[0].text not in plain  # the same words outside the thread have no claim to go on
    assert digest.asked == [(CONSOLE_CHANNEL, root)] * 2 and in_thread == again  # the thread stays open


def test_reply_explains_itself_before_a_thread_exists_or_without_a_mention(console: Console) -> None:
    nothing, usage = console_lines(iter(["reply @lundao 有反例吗", "reply"]), console)
    assert "nothing in the channel" in nothing and "usage" in usage
    console.handle("@lundao 算力")
    assert "only answers a thread message that mentions it" in console.handle("reply 有反例吗")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_line_editing_at_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not enable_line_editing(io.StringIO("/insight 开源\n"))
    monkeypatch.setitem(sys.modules, "readline", None)  # a platform without readline
    assert not enable_line_editing(_Terminal())
    monkeypatch.undo()
    pytest.importorskip("readline")
    assert enable_line_editing(_Terminal())


def test_console_prompt_replies_in_a_thread(
    fresh_machine: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("@lundao 算力\nreply @lundao 算力\nquit\n"))
    assert main(["console"]) == 0
    out = capsys.readouterr().out
    assert out.count("#general, in the thread") == 2 and "reply @lundao" in out


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
