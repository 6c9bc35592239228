"""Feedback's background work: in order, surviving failures, bounded, and never in the answer's way."""

from __future__ import annotations

import threading
import time

import pytest

from bot.feedback.background import Background
from bot.feedback.database import scratch_engine
from bot.feedback.service import FeedbackService
from bot.feedback.store import FeedbackStore
from bot.listeners.common import Lundao
from config.settings import Settings
from knowledge.models import Corpus
from knowledge.search import SearchEngine


def test_jobs_run_in_order_and_a_failure_does_not_stop_the_next() -> None:
    background, done = Background(), []

    def fail() -> None:
        raise RuntimeError("database went away")

    for job in (lambda: done.append(1), fail, lambda: done.append(2)):
        assert background.submit(job)
    assert background.flush(timeout=5) and done == [1, 2]


def test_a_full_queue_drops_work_and_says_so(caplog: pytest.LogCaptureFixture) -> None:
    background, started, release = Background(max_queued=2), threading.Event(), threading.Event()
    assert background.submit(lambda: (started.set(), release.wait(5)))
    assert started.wait(5)  # the worker is busy with that one: the queue holds two more, not three
    assert background.submit(lambda: None) and background.submit(lambda: None)
    assert not background.submit(lambda: None)
    assert "queue is full" in caplog.text
    release.set()
    assert background.flush(timeout=5)


class SlowStore(FeedbackStore):
    def add_gap(self, **values: object) -> None:  # type: ignore[override]
        time.sleep(1.5)
        super().add_gap(**values)  # type: ignore[arg-type]


def test_an_unanswered_question_is_answered_before_its_gap_is_written(tiny_corpus: Corpus) -> None:
    feedback = FeedbackService(SlowStore(scratch_engine()))
    lundao = Lundao(Settings(), tiny_corpus, SearchEngine.build(tiny_corpus), feedback=feedback)
    started = time.perf_counter()
    reply = lundao.answer("量子纠缠的哲学意义")
    assert time.perf_counter() - started < 1.0 and "量子纠缠" in reply.text
    assert feedback.flush(timeout=5) and [g.query for g in feedback.store.gaps()] == ["量子纠缠的哲学意义"]
