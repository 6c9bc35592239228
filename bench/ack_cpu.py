"""CPU time of the ack alone: lundao's app against the bare Bolt app, in process, one request at a time.

    .venv/bin/python bench/ack_cpu.py [--requests 1000]

Wall-clock latencies (bench/slash_load.py) move with whatever else the machine runs; the CPU time the
request thread spends from the WSGI call to the written response (``time.thread_time``) does much less.
Both apps sit behind ``SlackGate`` as in ``lundao run`` (lundao's with its fast ack for questions, built by
``bot.http_run.build_served_app`` over the bundled knowledge base, digest off, a temporary SQLite, the fake
Slack Web API); each request is a
signed ``/insight`` question of tests/search_eval.yaml with its own response_url, and the next one is sent
once its answer reached the fake (that answer's work runs on other threads: not counted here).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import slash_load  # noqa: E402  (the bare app, the secret and the server environment are that benchmark's)


def ack_cpu(gate: Any, bodies: list[str], wait_answer: Callable[[str], None] | None) -> list[float]:
    """Request-thread CPU ms per request, through the gate's WSGI call and the response's close()."""
    import io

    from bot.slack_payloads import FORM, signed_headers

    spent: list[float] = []
    for body in bodies:
        data = body.encode()
        env = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": "/slack/events",
            "wsgi.input": io.BytesIO(data),
            "CONTENT_LENGTH": str(len(data)),
            "CONTENT_TYPE": FORM,
        }
        for name, value in signed_headers(slash_load.SECRET, body, FORM).items():
            if name != "content-type":
                env["HTTP_" + name.upper().replace("-", "_")] = value
        start = time.thread_time()
        written = gate(env, lambda status, headers, exc_info=None: None)
        b"".join(written)
        close = getattr(written, "close", None)
        if close is not None:
            close()
        spent.append((time.thread_time() - start) * 1000)
        if wait_answer is not None:
            wait_answer(body)
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    args = parser.parse_args()

    import yaml

    from bot.fake_slack import FakeSlack
    from bot.server import SlackGate
    from bot.slack_payloads import slash_command_body

    queries = [c["query"] for c in yaml.safe_load((ROOT / "tests" / "search_eval.yaml").read_text("utf-8"))]
    with FakeSlack() as slack, tempfile.TemporaryDirectory() as data_dir:
        os.environ.update(slash_load.server_env(slash_load.free_port(), slack.api_url, data_dir))
        from bot.http_run import build_served_app
        from config.settings import load_settings

        served = build_served_app(load_settings())
        lundao = SlackGate(slash_load.SECRET)
        lundao.install(served.app, served.ready, served.answers, served.fast_ack)
        bare = SlackGate(slash_load.SECRET)
        bare.install(slash_load._bare_app())
        urls: dict[str, str] = {}

        def bodies(n: int) -> list[str]:
            made = []
            for i in range(n):
                url = slack.new_response_url()
                body = slash_command_body(queries[i % len(queries)], response_url=url)
                urls[body] = url.removeprefix(slack.url)
                made.append(body)
            return made

        def wait_answer(body: str) -> None:
            if slack.wait_for("response_url", path=urls[body], timeout=30) is None:
                raise RuntimeError("an answer did not come")

        try:
            ack_cpu(lundao, bodies(100), wait_answer)  # warm-up
            ack_cpu(bare, bodies(100), None)
            results = {
                "lundao": ack_cpu(lundao, bodies(args.requests), wait_answer),
                "bare": ack_cpu(bare, bodies(args.requests), None),
            }
        finally:
            if served.close is not None:
                served.close()
    print(f"load average: {Path('/proc/loadavg').read_text().strip() if Path('/proc/loadavg').exists() else '?'}")
    print("| app | requests | ack CPU p50 | p99 | mean |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, spent in results.items():
        ordered = sorted(spent)
        p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
        print(
            f"| {name} | {len(spent)} | {statistics.median(spent):.2f} ms | {p99:.2f} ms | {statistics.fmean(spent):.2f} ms |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
