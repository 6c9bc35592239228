"""Two real ``lundao run`` processes (gunicorn each) sharing one database: a mention is answered once.

As on a host running two web processes behind one URL: Slack's first delivery reaches A, whose reply
meets two 500s (nothing posted), so A answers 503; the retry reaches B, which posts; a later retry
to A is skipped. On SQLite (one file) and PostgreSQL. Bounded: every wait has a deadline, and the
processes are stopped with SIGTERM (then SIGKILL) by their pids.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from bot.fake_slack import FakeSlack
from bot.slack_payloads import JSON, event_body, mention_event, signed_headers
from tests.corpus_factory import write_tiny_corpus
from tests.support import REPO_ROOT, free_port, http_request

SECRET = "two-process-secret"
CHANNEL = "CFAKECHAN1"


def _deliver(port: int, event_id: str, event: dict[str, object], retry_num: int = 0) -> int:
    body = event_body(event, event_id=event_id)
    headers = signed_headers(SECRET, body, JSON)
    if retry_num:
        headers |= {"x-slack-retry-num": str(retry_num), "x-slack-retry-reason": "http_error"}
    return int(http_request(port, "POST", "/slack/events", body.encode(), headers, timeout=20)[0])


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@contextlib.contextmanager
def _two_processes(database_url: str, slack: FakeSlack, tmp_path: Path, cache_dir: Path) -> Iterator[list[int]]:
    knowledge = write_tiny_corpus(tmp_path / "kb")
    ports = [free_port(), free_port()]
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for index, port in enumerate(ports):
            env = {
                "PATH": os.environ.get("PATH", ""),
                "HOME": str(tmp_path),
                "PYTHONPATH": str(REPO_ROOT),
                "SLACK_BOT_TOKEN": "xoxb-two-processes",
                "SLACK_SIGNING_SECRET": SECRET,
                "SLACK_API_BASE_URL": slack.api_url,
                "PORT": str(port),
                "DATABASE_URL": database_url,
                "LUNDAO_KNOWLEDGE_DIR": str(knowledge),
                "LUNDAO_DIGEST_ENABLED": "false",
                "LUNDAO_CACHE_DIR": str(cache_dir),
                "WEB_CONCURRENCY": "1",
                "LUNDAO_THREADS": "4",
                "XDG_DATA_HOME": str(tmp_path / "xdg"),
            }
            log = (tmp_path / f"process-{index}.log").open("wb")
            processes.append(
                subprocess.Popen(
                    [sys.executable, "-m", "bot.cli", "run"], cwd=tmp_path, env=env, stdout=log, stderr=log
                )
            )
        deadline = time.monotonic() + 60
        for port, process in zip(ports, processes, strict=True):
            while True:
                assert process.poll() is None, (tmp_path / f"process-{processes.index(process)}.log").read_text()
                with contextlib.suppress(OSError):
                    if http_request(port, "GET", "/readyz", timeout=20)[0] == 200:
                        break
                assert time.monotonic() < deadline, "lundao run did not become ready within 60 s"
                time.sleep(0.1)
        yield ports
    finally:
        for process in processes:
            _stop(process)


def test_two_lundao_run_processes_answer_a_mention_once(database_url: str, tmp_path: Path, cache_dir: Path) -> None:
    with FakeSlack() as slack, _two_processes(database_url, slack, tmp_path, cache_dir) as (a, b):
        event = mention_event("开源", ts="1700000900.000100")
        slack.fail_next("chat.postMessage", status=500, times=2)
        assert _deliver(a, "Ev0TWOPROC", event) == 503
        assert not slack.messages.get(CHANNEL)
        assert _deliver(b, "Ev0TWOPROC", event, retry_num=1) == 200
        assert _deliver(a, "Ev0TWOPROC", event, retry_num=2) == 200
        assert _deliver(b, "Ev0TWOPROC", event, retry_num=3) == 200
        replies = [m for m in slack.messages.get(CHANNEL, []) if m.get("thread_ts") == "1700000900.000100"]
        assert len(replies) == 1
        # Another event, first delivered to B and retried to A: one reply too.
        other = mention_event("开源", ts="1700000901.000100")
        assert _deliver(b, "Ev0TWOPROC2", other) == 200
        assert _deliver(a, "Ev0TWOPROC2", other, retry_num=1) == 200
        assert len([m for m in slack.messages[CHANNEL] if m.get("thread_ts") == "1700000901.000100"]) == 1
