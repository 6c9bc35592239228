"""Slash-command latency: signed `/insight` requests through the real HTTP adapter, bundled corpus.

    .venv/bin/python bench/slash_bench.py [--rounds 3] [--feedback]

Starts the app's WSGI server on a free local port with the fake Slack Web API behind it (no real
Slack), then sends every query of tests/search_eval.yaml as a signed slash-command form body and
times it until the ephemeral answer reached the command's response_url on the fake (a question is
acknowledged empty and answered after the ack; bench/slash_load.py times the ack alone under load).
Also times `More` (a button click through `payload=`).
``--feedback``: with Helpful / Not helpful wired to a SQLite file (unanswered questions are written as
gaps, learned phrasings consulted), and a Helpful click on each answer's first claim timed too.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECRET = "bench-signing-secret"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--feedback", action="store_true", help="wire feedback to a SQLite file in a temp folder")
    args = parser.parse_args()

    import yaml

    from bot.app import EVENTS_PATH, create_app, make_http_server
    from bot.blocks import ACTION_MORE
    from bot.fake_slack import FakeSlack
    from bot.slack_payloads import FORM, block_actions_body, signed_headers, slash_command_body
    from config.settings import Secret, Settings
    from knowledge.loader import load_corpus
    from knowledge.search import SearchEngine

    queries = [c["query"] for c in yaml.safe_load((ROOT / "tests" / "search_eval.yaml").read_text("utf-8"))]
    corpus = load_corpus()
    with FakeSlack() as slack:
        settings = Settings(bot_token=Secret("xoxb-bench"), signing_secret=Secret(SECRET), api_base_url=slack.api_url)
        extra = {}
        if args.feedback:
            import tempfile

            from bot.db_migrate import migrated_engine
            from bot.feedback.service import FeedbackService

            folder = tempfile.mkdtemp(prefix="lundao-slash-bench-")
            extra["feedback"] = FeedbackService(migrated_engine(f"sqlite:///{folder}/lundao.sqlite3"))
        app = create_app(settings, corpus, SearchEngine.build(corpus), **extra)
        server = make_http_server(app, "127.0.0.1", 0)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{server.server_port}{EVENTS_PATH}"

        def post(body: str) -> tuple[float, dict]:
            request = urllib.request.Request(
                url, data=body.encode("utf-8"), headers=signed_headers(SECRET, body, FORM), method="POST"
            )
            start = time.perf_counter()
            with urllib.request.urlopen(request, timeout=10) as response:
                payload = response.read()
            return (time.perf_counter() - start) * 1000, json.loads(payload or b"{}")

        command_ms: list[float] = []
        more_ms: list[float] = []
        helpful_ms: list[float] = []
        try:
            for query in queries:  # warm-up
                post(slash_command_body(query, response_url=slack.new_response_url()))
            for _ in range(args.rounds):
                for query in queries:
                    response_url = slack.new_response_url()
                    started = time.perf_counter()
                    elapsed, answer = post(slash_command_body(query, response_url=response_url))
                    if not answer:  # acknowledged empty: timed until the answer reached the response_url
                        posted = slack.wait_for("response_url", path=response_url.removeprefix(slack.url))
                        answer = posted.args if posted is not None else {}
                        elapsed = (posted.received - started) * 1000 if posted is not None else elapsed
                    command_ms.append(elapsed)
                    buttons = [
                        e
                        for b in answer.get("blocks", [])
                        if b.get("type") == "actions"
                        for e in b.get("elements", [])
                        if e.get("action_id") == ACTION_MORE
                    ]
                    if buttons:
                        body = block_actions_body(buttons[0], response_url=slack.new_response_url())
                        more_ms.append(post(body)[0])
                    helpful = [
                        {**e, "block_id": b.get("block_id", "")}
                        for b in answer.get("blocks", [])
                        if b.get("type") == "actions"
                        for e in b.get("elements", [])
                        if e.get("action_id") == "feedback_helpful"
                    ]
                    if helpful:
                        body = block_actions_body(helpful[0], response_url=slack.new_response_url())
                        helpful_ms.append(post(body)[0])
        finally:
            server.shutdown()
            server.server_close()

    def line(name: str, values: list[float]) -> str:
        values = sorted(values)
        p99 = values[min(len(values) - 1, int(0.99 * len(values)))]
        return (
            f"{name}: n={len(values)} p50={statistics.median(values):.1f} ms p99={p99:.1f} ms max={values[-1]:.1f} ms"
        )

    print(line("slash command, until the answer reached its response_url", command_ms))
    if more_ms:
        print(line("More button", more_ms))
    if helpful_ms:
        print(line("Helpful button (recorded, the page redrawn)", helpful_ms))
    return 0


if __name__ == "__main__":
    sys.exit(main())
