"""The console clicks Helpful / Not helpful by number and lists the gaps, through the same app."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.console import Console
from bot.feedback.database import scratch_engine
from bot.feedback.service import FeedbackService
from config.settings import Settings
from knowledge.models import Corpus
from knowledge.search import SearchEngine
from tests.corpus_factory import write_tiny_corpus


@pytest.fixture
def feedback() -> FeedbackService:
    return FeedbackService(scratch_engine())


@pytest.fixture
def console(tiny_corpus: Corpus, feedback: FeedbackService) -> Iterator[Console]:
    with Console(Settings(), tiny_corpus, SearchEngine.build(tiny_corpus), feedback=feedback) as running:
        yield running


def test_helpful_by_number_thanks_in_place_and_is_recorded(console: Console, feedback: FeedbackService) -> None:
    answer = console.handle("/insight 开源")
    assert "type `helpful 2`" in answer and "type `unhelpful 2`" in answer
    assert [b.number for b in console.buttons if b.kind == "helpful"] == [1, 2, 3]
    shown = console.handle("helpful 2")
    assert "replaces the answer above" in shown and "谢谢反馈" in shown
    assert "type `helpful 2`" not in shown and "type `helpful 1`" in shown and "type `share 2`" in shown
    [vote] = feedback.store.votes()
    assert vote["query"] == "开源" and vote["helpful"] is True


def test_a_thread_answer_is_updated_in_the_channel(console: Console, feedback: FeedbackService) -> None:
    assert "type `unhelpful 1`" in console.handle("@lundao 开源社区")
    shown = console.handle("unhelpful 1")
    assert "updates the answer in the channel" in shown and "知识库维护者" in shown
    assert [g.kind for g in feedback.store.gaps()] == ["not_helpful"]


def test_gaps_lists_the_unanswered_questions(console: Console) -> None:
    assert "最近 30 天没有未回答的问题" in console.handle("gaps")
    console.handle("/insight 量子纠缠的哲学意义")
    console.handle("/insight 量子纠缠 哲学意义")
    shown = console.handle("gaps 7")
    assert "等待回答的问题" in shown and "问过 2 次" in shown
    assert "usage" in console.handle("gaps x") and "usage" in console.handle("gaps 0")
    assert "no `helpful 9` button" in console.handle("helpful 9")


def test_the_console_keeps_feedback_in_its_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_tiny_corpus(tmp_path / "kb")
    monkeypatch.setenv("LUNDAO_KNOWLEDGE_DIR", str(root))
    monkeypatch.setenv("LUNDAO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "stdin", io.StringIO("/insight 量子纠缠的哲学意义\nquit\n"))
    assert main(["console"]) == 0
    assert "gaps" in capsys.readouterr().out  # the greeting names the new commands
    assert main(["report", "gaps", "--json"]) == 0
    assert "量子纠缠的哲学意义" in capsys.readouterr().out


def test_the_console_opens_one_engine_for_the_digest_the_team_and_feedback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_corpus: Corpus
) -> None:
    from bot.app_cli import _console_services
    from config.settings import load_settings

    monkeypatch.setenv("LUNDAO_DATA_DIR", str(tmp_path / "data"))
    digest, team, feedback = _console_services(tiny_corpus, load_settings(), "console")
    assert digest.engine is team.store.engine is feedback.store.engine


def test_the_console_without_a_usable_database_keeps_feedback_for_the_session(
    monkeypatch: pytest.MonkeyPatch, tiny_corpus: Corpus, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.app_cli import _console_services
    from config.settings import load_settings

    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=1")
    digest, team, feedback = _console_services(tiny_corpus, load_settings(), "console")
    assert (digest, team) == (None, None)
    assert "no database" in capsys.readouterr().err
    claim_id = tiny_corpus.claims[0].id
    engine = SearchEngine.build(tiny_corpus)
    assert feedback.record_vote(engine, query="开源", claim_id=claim_id, helpful=False, surface="results")
    assert [vote["claim_id"] for vote in feedback.store.votes()] == [claim_id]
