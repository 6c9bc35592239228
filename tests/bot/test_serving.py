"""``serve_http`` for real: gunicorn in a subprocess on a free loopback port (tests/serve_app.py is the app).

Bounded: each wait has a deadline, and the subprocess is killed by its pid if a test fails half-way.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.serving import DEFAULT_BACKLOG, WORKER_BOOT_ERROR, gunicorn_options
from bot.slack_payloads import FORM, signed_headers, slash_command_body
from tests.serve_app import SIGNING_SECRET
from tests.support import REPO_ROOT, free_port, http_request

ROOT = REPO_ROOT
WARM_UP_SECONDS = 2.0


def _slash(port: int, text: str) -> tuple[int, bytes]:
    body = slash_command_body(text)
    return http_request(port, "POST", "/slack/events", body.encode(), signed_headers(SIGNING_SECRET, body, FORM))


def _start(port: int, marker: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.serve_app", str(port), str(WARM_UP_SECONDS), str(marker), *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _wait_until(predicate, deadline_seconds: float) -> bool:
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.05)
    return False


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[int, subprocess.Popen[str], Path]]:
    port, marker = free_port(), tmp_path / "closed.txt"
    process = _start(port, marker)
    try:
        yield port, process, marker
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)


def test_options_come_from_the_environment() -> None:
    options = gunicorn_options(8000, environ={"WEB_CONCURRENCY": "3", "LUNDAO_THREADS": "4"})
    assert options["workers"] == 3 and options["threads"] == 4 and options["worker_class"] == "gthread"
    assert options["backlog"] == DEFAULT_BACKLOG and options["preload_app"] is False
    assert options["bind"] == ["0.0.0.0:8000"]
    with pytest.raises(ValueError, match="WEB_CONCURRENCY"):
        gunicorn_options(8000, environ={"WEB_CONCURRENCY": "many"})


def test_binds_before_warm_up_then_serves_and_stops_gracefully(server) -> None:
    port, process, marker = server
    assert _wait_until(lambda: http_request(port, "GET", "/healthz")[0] == 200, 15), "no /healthz within 15 s"

    # The port answers while the app is still being built.
    status, body = http_request(port, "GET", "/readyz")
    assert status == 503 and b"warming up" in body
    status, body = _slash(port, "开源")
    assert status == 200 and b"warming up" in body

    assert _wait_until(lambda: http_request(port, "GET", "/readyz")[0] == 200, 15), "not ready within 15 s"
    assert _slash(port, "开源") == (200, "answer to 开源".encode())

    assert (
        http_request(port, "POST", "/slack/events", slash_command_body("x").encode(), {"content-type": FORM})[0] == 401
    )

    # A 100 MB declaration is refused at once: only the headers and a few bytes are sent.
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.putrequest("POST", "/slack/events")
    conn.putheader("Content-Length", str(100 * 1024 * 1024))
    conn.endheaders(b"x" * 1024)
    assert conn.getresponse().status == 413
    conn.close()

    # A chunked body (no declared size) is read only up to the limit, then refused.
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        chunk = b"x" * 65536
        with contextlib.suppress(OSError):  # the server may answer and close before all is sent
            for _ in range(64):
                sock.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
        assert sock.recv(64).startswith(b"HTTP/1.1 413")

    # SIGTERM while a slow request is in flight and answers sent after their ack are still being made (one
    # acked by the listener, one by the gate's fast ack): the request is answered, both answers finish,
    # then the worker closes the app and exits.
    assert _slash(port, "later") == (200, b"")
    assert _slash(port, "gate-later") == (200, b"")
    slow: list[tuple[int, bytes]] = []
    request = threading.Thread(target=lambda: slow.append(_slash(port, "slow")))
    request.start()
    time.sleep(0.5)
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=15)
    elapsed = time.monotonic() - started
    request.join(timeout=10)
    assert slow == [(200, b"answer to slow")]
    assert process.returncode == 0
    assert elapsed < 5 + 2, f"took {elapsed:.1f} s to stop (graceful timeout 5 s)"
    *answered, closed = marker.read_text().splitlines()
    assert sorted(answered) == ["answered later", "answered later after the gate's ack"] and closed == "closed"
    output = process.stdout.read() if process.stdout else ""
    assert "Traceback" not in output
    assert output.count("rejected an unsigned or stale request") == 1


def test_an_app_that_cannot_start_stops_the_server_with_one_line(tmp_path: Path) -> None:
    process = _start(free_port(), tmp_path / "closed.txt", "fail")
    try:
        output, _ = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == WORKER_BOOT_ERROR
    assert "lundao could not start: cannot connect to Slack: invalid_auth" in output
    assert "Traceback" not in output


class _Cycle:
    """A reference cycle: only the garbage collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_settle_heap_frees_start_up_garbage_and_freezes_the_rest() -> None:
    import gc
    import weakref

    from bot.serving import settle_heap

    kept = _Cycle()
    garbage = _Cycle()
    garbage_ref = weakref.ref(garbage)
    del garbage
    try:
        settle_heap()
        assert garbage_ref() is None  # collected, not frozen for the life of the process
        assert gc.get_freeze_count() > 0
        assert kept.me is kept
    finally:
        gc.unfreeze()
