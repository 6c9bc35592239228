"""Burst load on HTTP mode: signed `/insight` requests at several concurrencies, one server per subprocess.

    .venv/bin/python bench/slash_load.py [--requests 1000] [--concurrency 1 10 50] [--rounds 3] [--targets ...]

All targets are started first; then each round runs every target at each concurrency in turn, so the peers
meet the machine of the same minutes, and the table pools the rounds (the p99 of 1000 acks is their tenth
worst: it moves by 2x between runs of the same code on this 2-core machine, the bare app's most of all). The
ratios are of the pooled p99s, with each round's own ratio beside them.

``--server-cpus 0`` gives the servers CPU 0 and the load generator and the fake Slack the others, as a load
test keeps its client off the server's cores (Slack's own senders are not on the app's machine). Without
it all share the machine's CPUs: on 2 cores, lundao's answer work, which starts the moment an ack is
written, then competes with the load generator that is reading that ack; the bare app does no such work.

Targets (each its own process on a free loopback port; the fake Slack Web API in a third process):

* ``lundao-run``: ``lundao run`` itself (bot.cli → bot.http_run: preflight, gunicorn, SlackGate, the real
  app and bundled knowledge base; WEB_CONCURRENCY=--workers, LUNDAO_THREADS default).
* ``bare-gunicorn``: a bare Bolt app (one listener acking a constant) behind Bolt's own WSGI adapter,
  under the same gunicorn settings: the floor the issue's "≤ 1.5× the bare Bolt app" target compares to.
* ``lundao-wsgiref``: the server ``lundao run`` used before (bot.app.make_http_server, listen backlog 5).
* ``bare-wsgiref``: the bare Bolt app on that server.

Each request is a new connection (what a burst of Slack deliveries looks like to the listen queue).
Errors count connection resets/refusals/timeouts and non-200 answers. Bounded: N requests per run,
10 s timeout per request, all on 127.0.0.1.

Two times per request. ``ack``: until the HTTP answer (what Slack's 3 seconds and the issue's "≤ 1.5×
the bare Bolt app" target are about). ``answer``: until the answer reached the request's response_url on
the fake Slack (lundao acknowledges a question empty and answers it after the ack; the bare app's ack is
its answer, so it has none): what the user waits for. Each of the N concurrent senders waits for its
answer before sending again (N people asking; without it lundao would get a flood, the next question
sent as soon as the previous one is acked), and then ``--pause-ms`` more (0 by default; a person reading
the answer: the next ack then does not meet the end of the previous answer's work in the server). Answers that never came (within 30 s) and answers that went
by chat.postEphemeral instead are counted.

The fake Slack runs in a process of its own (``--fake-slack``) and reports each call on a pipe once it has
answered it (method, path, arrival by ``time.perf_counter``, which is the system-wide CLOCK_MONOTONIC on
Linux): a sender asks again once its answer has been taken, not while the fake is still answering it. In this process its HTTP handling and its growing record of calls shared the GIL and the garbage
collector with the threads timing the acks, and only lundao's answers feed it (the bare app sends none):
with the fake in the load's process, an ack read while an answer was being received there was timed late
(at concurrency 1, answers recorded up to 2 ms before the client had read the ack that preceded them).
No garbage collection runs in this process while it times, as timeit does.
"""

from __future__ import annotations

import argparse
import gc
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECRET = "bench-signing-secret"
TARGETS = ("lundao-run", "bare-gunicorn", "lundao-wsgiref", "bare-wsgiref")


# Servers (run in the subprocess) ------------------------------------------------------------------


def _bare_app():  # type: ignore[no-untyped-def]
    from slack_bolt import App
    from slack_bolt.authorization import AuthorizeResult
    from slack_sdk import WebClient

    def authorize(**_: object) -> AuthorizeResult:
        return AuthorizeResult(enterprise_id=None, team_id="T1", bot_token="xoxb-x", bot_user_id="U1", bot_id="B1")

    app = App(
        signing_secret=SECRET,
        authorize=authorize,
        client=WebClient(base_url="http://127.0.0.1:9/"),
        process_before_response=True,
    )

    @app.command("/insight")
    def insight(ack):  # type: ignore[no-untyped-def]
        ack({"response_type": "ephemeral", "text": "ok"})

    return app


def serve(target: str, port: int) -> int:
    import logging

    logging.basicConfig(level=logging.WARNING)
    if target == "lundao-run":
        from bot.cli import main

        return main(["run"])
    if target == "bare-gunicorn":
        from bot.serving import serve_http
        from config.settings import Secret, Settings

        settings = Settings(signing_secret=Secret(SECRET))
        return serve_http(_bare_app, port, settings, host="127.0.0.1")
    from bot.app import make_http_server

    if target == "lundao-wsgiref":
        from bot.app import create_app
        from config.settings import load_settings
        from knowledge.loader import load_corpus
        from knowledge.search import SearchEngine

        settings = load_settings()
        corpus = load_corpus()
        app = create_app(settings, corpus, SearchEngine.build(corpus))
    else:
        app = _bare_app()
    server = make_http_server(app, "127.0.0.1", port)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0


# Load (this process) ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_env(port: int, slack_api_url: str, data_dir: str, workers: int = 1) -> dict[str, str]:
    """The environment of a served target: test credentials, the fake Slack, no digest, no Socket Mode."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PORT": str(port),
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_BASE_URL": slack_api_url,
        "LUNDAO_DATA_DIR": data_dir,
        "LUNDAO_DIGEST_ENABLED": "false",
        "WEB_CONCURRENCY": str(workers),
    }
    env.pop("SLACK_APP_TOKEN", None)
    return env


def start_target(target: str, env: dict[str, str], **popen: object) -> subprocess.Popen[bytes]:
    """``target`` served on ``env["PORT"]`` by this script's --serve, once it answers; RuntimeError if it does not."""
    port = int(env["PORT"])
    process = subprocess.Popen(  # type: ignore[call-overload]
        [sys.executable, str(Path(__file__).resolve()), "--serve", target, "--port", str(port)], env=env, **popen
    )
    deadline = time.monotonic() + 60
    while not _ready(port):
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            raise RuntimeError(f"{target} did not start")
        time.sleep(0.1)
    return process


def _ready(port: int) -> bool:
    from bot.slack_payloads import FORM, signed_headers, slash_command_body

    # help: answered in lundao's ack (a question's answer, sent later without a response_url, would be
    # posted by chat.postEphemeral into the next run's counts).
    body = slash_command_body("help")
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("POST", "/slack/events", body.encode(), signed_headers(SECRET, body, FORM))
        response = conn.getresponse()
        text = response.read()
        conn.close()
    except OSError:
        return False
    return response.status == 200 and not _warming_up(text)


def _warming_up(text: bytes) -> bool:
    """The gate's "warming up" answer, in any language (the bundled settings say zh: no "warming up" in it)."""
    from bot.server import WARMING_UP_TEXT

    try:
        payload = json.loads(text)
    except ValueError:
        return False
    return isinstance(payload, dict) and payload.get("text") in WARMING_UP_TEXT.values()


@dataclass
class Load:
    """One run's ack latencies and errors; the answers' latencies (ms) and what became of the others."""

    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    answers: list[float] = field(default_factory=list)
    awaited: int = 0
    """Requests acknowledged empty, whose answer was waited for."""
    unanswered: int = 0
    fallbacks: int = 0

    def add(self, other: Load) -> None:
        """Pool ``other``'s run into this one."""
        self.latencies += other.latencies
        self.errors += other.errors
        self.answers += other.answers
        self.awaited += other.awaited
        self.unanswered += other.unanswered
        self.fallbacks += other.fallbacks


@dataclass
class Received:
    """A call the fake Slack process reported."""

    method: str
    path: str
    received: float


class SlackProcess:
    """The fake Slack Web API (``bot.fake_slack.FakeSlack``) in a process of its own, as run_load uses it."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--fake-slack"],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert self._process.stdout is not None
        first = self._process.stdout.readline().split()
        if first[:1] != ["url"]:
            self._process.kill()
            raise RuntimeError("the fake Slack did not start")
        self.url = first[1]
        self.api_url = self.url + "/api/"
        self._ids = iter(range(1, 1 << 62))
        self._lock = threading.Lock()
        self._by_path: dict[str, Received] = {}
        self._waiting: dict[str, threading.Event] = {}
        self._calls: list[Received] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            method, path, received = line.split()
            call = Received(method, path, float(received))
            with self._lock:
                self._calls.append(call)
                self._by_path.setdefault(path, call)
                event = self._waiting.get(path)
            if event is not None:
                event.set()

    def new_response_url(self) -> str:
        return f"{self.url}/response/{next(self._ids)}"

    def wait_for(self, method: str, *, path: str, timeout: float) -> Received | None:
        """The first call to ``path``, if it is ``method``, waiting up to ``timeout`` seconds for it."""
        with self._lock:
            call = self._by_path.get(path)
            event = self._waiting.setdefault(path, threading.Event()) if call is None else None
        if event is not None:
            event.wait(timeout)
            with self._lock:
                call = self._by_path.get(path)
                del self._waiting[path]
        return call if call is not None and call.method == method else None

    def calls_to(self, method: str) -> list[Received]:
        with self._lock:
            return [c for c in self._calls if c.method == method]

    def clear(self) -> None:
        with self._lock:
            self._calls.clear()
            self._by_path.clear()

    def __enter__(self) -> SlackProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self._process.terminate()
        self._process.wait(timeout=10)


def serve_fake_slack() -> int:
    """``--fake-slack``: run the fake, print its URL, then one line per call (method, path, arrival).

    A call is reported once the fake has written its HTTP answer, as Slack shows an answer once it has
    taken it: reported at arrival, the sender asked again while the fake was still answering and the app
    still reading that answer, and the next ack was timed on a machine busy with both (at concurrency 1 the
    answer's post takes 3.3 ms at p50 here, of which the fake's own answer is most).
    """
    from bot.fake_slack import Call, FakeSlack

    writing = threading.Lock()

    def report(call: Call) -> None:
        with writing:
            sys.stdout.write(f"{call.method} {call.path} {call.received!r}\n")
            sys.stdout.flush()
        if len(slack.state.calls) > 10_000:  # nothing here reads them again: keep the fake's memory flat
            slack.clear()

    with FakeSlack(answered=report) as slack:
        print("url", slack.url, flush=True)
        threading.Event().wait()
    return 0


def run_load(
    port: int, queries: list[str], requests: int, concurrency: int, slack: SlackProcess, pause: float = 0.0
) -> Load:
    from bot.slack_payloads import FORM, signed_headers, slash_command_body

    load = Load()
    latencies, errors = load.latencies, load.errors
    lock = threading.Lock()
    next_index = iter(range(requests))
    slack.clear()

    def worker() -> None:
        while True:
            with lock:
                i = next(next_index, None)
            if i is None:
                return
            response_url = slack.new_response_url()
            body = slash_command_body(queries[i % len(queries)], response_url=response_url)
            headers = signed_headers(SECRET, body, FORM)
            start = time.perf_counter()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                conn.request("POST", "/slack/events", body.encode(), headers)
                response = conn.getresponse()
                text = response.read()
                conn.close()
                outcome = None if response.status == 200 else f"HTTP {response.status}"
                if outcome is None and _warming_up(text):
                    outcome = "warming up"  # answered, but not by the app: not a latency of the app
            except OSError as exc:
                outcome = type(exc).__name__
            elapsed = (time.perf_counter() - start) * 1000
            answered = None
            if outcome is None and not text:
                # Acknowledged empty: the answer comes to the response_url. This user waits for it before
                # asking again, so the concurrency is that of people waiting for answers, as with the bare app.
                answered = slack.wait_for("response_url", path=response_url.removeprefix(slack.url), timeout=30)
            with lock:
                if outcome is None:
                    latencies.append(elapsed)
                    if not text:
                        load.awaited += 1
                    if answered is not None:
                        load.answers.append((answered.received - start) * 1000)
                else:
                    errors[outcome] += 1
            if pause:
                time.sleep(pause)  # the user reads the answer before asking again

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    gc.collect()
    gc.disable()  # a collection would land inside some request's timing; a run allocates a few MB at most
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=600)
    finally:
        gc.enable()
    load.fallbacks = len(slack.calls_to("chat.postEphemeral"))
    load.unanswered = max(0, load.awaited - len(load.answers) - load.fallbacks)
    return load


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--targets", nargs="+", choices=TARGETS, default=["lundao-run", "bare-gunicorn"])
    parser.add_argument("--workers", type=int, default=1, help="WEB_CONCURRENCY for the gunicorn targets")
    parser.add_argument(
        "--pause-ms",
        type=float,
        default=0.0,
        help="each sender waits this long after its answer before asking again (default 0: at once)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="runs of each target at each concurrency, alternating targets; the table pools them (default 3)",
    )
    parser.add_argument(
        "--server-cpus",
        help="CPUs for the servers, comma-separated (e.g. 0); the load and the fake Slack get the others. "
        "Default: all share every CPU",
    )
    parser.add_argument("--serve", choices=TARGETS, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--fake-slack", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        return serve(args.serve, args.port)
    if args.fake_slack:
        return serve_fake_slack()

    import tempfile

    import yaml

    queries = [c["query"] for c in yaml.safe_load((ROOT / "tests" / "search_eval.yaml").read_text("utf-8"))]
    server_cpus: set[int] = set()
    if args.server_cpus:
        server_cpus = {int(cpu) for cpu in args.server_cpus.split(",")}
        load_cpus = os.sched_getaffinity(0) - server_cpus
        if not load_cpus:
            parser.error("--server-cpus must leave at least one CPU to the load and the fake Slack")
        os.sched_setaffinity(0, load_cpus)  # inherited by the fake Slack's process
        print(f"servers on CPUs {sorted(server_cpus)}, the load and the fake Slack on {sorted(load_cpus)}")
    rows: dict[tuple[int, str, int], Load] = {}
    pooled = {(target, concurrency): Load() for target in args.targets for concurrency in args.concurrency}
    with SlackProcess() as slack, tempfile.TemporaryDirectory() as data_dir, ExitStack() as servers:
        ports = {}
        for target in args.targets:
            ports[target] = port = free_port()
            env = server_env(port, slack.api_url, data_dir, args.workers)
            pin = {"preexec_fn": lambda: os.sched_setaffinity(0, server_cpus)} if server_cpus else {}
            process = start_target(target, env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **pin)
            servers.callback(_stop, process)
            run_load(port, queries, min(100, args.requests), 10, slack)  # warm-up
        # Rounds alternate the targets at each concurrency, so each meets the machine's state of the same minutes.
        for round_number in range(1, args.rounds + 1):
            for concurrency in args.concurrency:
                for target in args.targets:
                    load = run_load(ports[target], queries, args.requests, concurrency, slack, args.pause_ms / 1000)
                    rows[round_number, target, concurrency] = load
                    pooled[target, concurrency].add(load)
                    print(f"round {round_number}: " + _row((target, concurrency, load)), flush=True)

    print()
    print(
        f"load average after the runs: {Path('/proc/loadavg').read_text().strip() if Path('/proc/loadavg').exists() else '?'}"
    )
    print()
    print("| server | concurrency | ok | errors | ack p50 | ack p99 | ack max | answer p50 | answer p99 | answer max |")
    print("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for (target, concurrency), load in pooled.items():
        print(_row((target, concurrency, load)))
    if args.rounds > 1:
        print(f"(each row: {args.rounds} rounds pooled, {args.rounds * args.requests} requests)")
    for lundao_target, bare_target in (("lundao-run", "bare-gunicorn"), ("lundao-wsgiref", "bare-wsgiref")):
        for concurrency in args.concurrency:
            if (lundao_target, concurrency) not in pooled or (bare_target, concurrency) not in pooled:
                continue
            lundao = _percentile(pooled[lundao_target, concurrency].latencies, 0.99)
            bare = _percentile(pooled[bare_target, concurrency].latencies, 0.99)
            by_round = [
                _percentile(rows[r, lundao_target, concurrency].latencies, 0.99)
                / _percentile(rows[r, bare_target, concurrency].latencies, 0.99)
                for r in range(1, args.rounds + 1)
            ]
            spread = f" (rounds: {', '.join(f'{r:.2f}x' for r in by_round)})" if len(by_round) > 1 else ""
            print(f"ack p99 {lundao_target}/{bare_target} at concurrency {concurrency}: {lundao / bare:.2f}x{spread}")
    return 0


def _ms(values: list[float], q: float | None) -> str:
    if not values:
        return "—"
    return f"{(statistics.median(values) if q is None else _percentile(values, q)):.1f} ms"


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=40)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def _row(row: tuple[str, int, Load]) -> str:
    target, concurrency, load = row
    error_text = ", ".join(f"{k} {v}" for k, v in sorted(load.errors.items())) or "0"
    lost = [f"{n} {what}" for n, what in ((load.unanswered, "unanswered"), (load.fallbacks, "by postEphemeral")) if n]
    if lost:
        error_text += f" ({', '.join(lost)})"
    return (
        f"| {target} | {concurrency} | {len(load.latencies)} | {error_text} | {_ms(load.latencies, None)} "
        f"| {_ms(load.latencies, 0.99)} | {_ms(load.latencies, 1.0)} | {_ms(load.answers, None)} "
        f"| {_ms(load.answers, 0.99)} | {_ms(load.answers, 1.0)} |"
    )


if __name__ == "__main__":
    sys.exit(main())
