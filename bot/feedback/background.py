"""Feedback's database work that no answer waits for, done in order on one daemon thread.

A question without an answer is written as a gap, and other processes' new phrasings are read, while
the answer goes back to Slack: a slow or unreachable database must never hold up ``/insight`` (its
answer is the 3-second ack). Work still queued when the process exits is lost (a few gaps at most);
``flush`` waits for it (``lundao run`` and the console call it when they stop).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable

log = logging.getLogger("lundao.feedback")

MAX_QUEUED = 1000
"""Jobs waiting beyond this are dropped (and said so): a database down for long must not grow memory."""
WARN_EVERY = 60.0


class Background:
    def __init__(self, *, name: str = "lundao-feedback", max_queued: int = MAX_QUEUED):
        self.name = name
        self._queue: queue.Queue[Callable[[], object]] = queue.Queue(max_queued)
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._warned = float("-inf")

    def submit(self, job: Callable[[], object]) -> bool:
        """Queue ``job``; False (and a log line, at most once a minute) when the queue is full."""
        self._start()
        try:
            self._queue.put_nowait(job)
        except queue.Full:
            self._warn("the feedback queue is full (is the database down?); dropping work")
            return False
        return True

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything queued before this call is done; False if that took longer than ``timeout``."""
        done, deadline = threading.Event(), time.monotonic() + timeout
        self._start()
        try:
            self._queue.put(done.set, timeout=timeout)  # waits for room: a full queue is what is being flushed
        except queue.Full:
            return False
        return done.wait(max(0.0, deadline - time.monotonic()))

    def _start(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            try:
                job()
            except Exception as exc:  # any database error: the next job may well work
                self._warn(f"feedback work failed ({type(exc).__name__}: {str(exc).splitlines()[0][:200]})")
            finally:
                self._queue.task_done()

    def _warn(self, message: str) -> None:
        now = time.monotonic()
        if now - self._warned >= WARN_EVERY:
            self._warned = now
            log.warning("%s", message)
