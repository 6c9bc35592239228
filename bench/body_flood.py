"""Unsigned junk against HTTP mode: memory under big bodies, and log lines per rejected request.

    .venv/bin/python bench/body_flood.py [--target lundao-run] [--megabytes 10] [--parallel 4]

Starts the target of bench/slash_load.py in a subprocess on loopback, then sends ``--parallel`` unsigned
POSTs of ``--megabytes`` each at once (declared with Content-Length), the same again chunked, and 200
small unsigned junk bodies. Reports the server's RSS (master and workers, from /proc) before and after,
the status codes seen, and how many lines the server logged. Bounded: a fixed number of requests,
10 s timeouts, all on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.slash_load import TARGETS, free_port, server_env, start_target  # noqa: E402


def _rss_kb(pid: int) -> int:
    """RSS of ``pid`` and its descendants, in KiB."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                pending.extend(int(c) for c in children)
        except (OSError, StopIteration):
            continue
    return total


def _big_post(port: int, size: int, chunked: bool, statuses: Counter[str], lock: threading.Lock) -> None:
    block = b"x" * 65536
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        head = "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        head += "Transfer-Encoding: chunked\r\n\r\n" if chunked else f"Content-Length: {size}\r\n\r\n"
        sock.sendall(head.encode())
        sent = 0
        try:
            while sent < size:
                if chunked:
                    sock.sendall(b"%x\r\n" % len(block) + block + b"\r\n")
                else:
                    sock.sendall(block)
                sent += len(block)
            if chunked:
                sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server answered and closed before we finished: that is the point
        sock.settimeout(10)
        answer = sock.recv(64).decode("latin-1").split("\r\n")[0]
        sock.close()
        outcome = answer or "closed without an answer"
    except OSError as exc:
        outcome = type(exc).__name__
    with lock:
        statuses[("chunked " if chunked else "") + outcome] += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=TARGETS, default="lundao-run")
    parser.add_argument("--megabytes", type=int, default=10)
    parser.add_argument("--parallel", type=int, default=4)
    args = parser.parse_args()

    from bot.fake_slack import FakeSlack

    port = free_port()
    with FakeSlack() as slack, tempfile.TemporaryDirectory() as data_dir, tempfile.TemporaryFile("w+") as log:
        env = server_env(port, slack.api_url, data_dir)
        process = start_target(args.target, env, stdout=log, stderr=log)
        try:
            time.sleep(0.5)
            before = _rss_kb(process.pid)
            log.seek(0, os.SEEK_END)
            lines_before = log.tell()
            statuses: Counter[str] = Counter()
            lock = threading.Lock()
            peak = before
            for chunked in (False, True):
                threads = [
                    threading.Thread(target=_big_post, args=(port, args.megabytes << 20, chunked, statuses, lock))
                    for _ in range(args.parallel)
                ]
                for thread in threads:
                    thread.start()
                while any(t.is_alive() for t in threads):
                    peak = max(peak, _rss_kb(process.pid))
                    time.sleep(0.02)
            junk = [b"", b"{not json", b"payload=%7B", b"\xff" * 300, b'{"type":"event_callback"}']
            for i in range(200):
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                conn.request("POST", "/slack/events", junk[i % len(junk)])
                statuses[f"junk {conn.getresponse().status}"] += 1
                conn.close()
            after = _rss_kb(process.pid)
            time.sleep(0.3)
            log.seek(lines_before)
            logged = [line for line in log.read().splitlines() if line.strip()]
        finally:
            process.terminate()
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                process.kill()

    print(
        f"target {args.target}: {args.parallel} x {args.megabytes} MB with Content-Length, then chunked, then 200 junk"
    )
    print(f"RSS before {before / 1024:.1f} MB, peak {peak / 1024:.1f} MB, after {after / 1024:.1f} MB")
    print("answers: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
    print(f"server log lines during the flood: {len(logged)}")
    for line in logged[:5]:
        print("  " + line[:160])
    return 0


if __name__ == "__main__":
    sys.exit(main())
