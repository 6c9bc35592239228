"""A small Bolt app served by ``bot.serving.serve_http``, run as a subprocess by tests/test_serving.py.

``python -m tests.serve_app PORT WARM_UP_SECONDS MARKER_FILE [fail]``: the app takes WARM_UP_SECONDS to
build (as the index build does), answers ``/insight slow`` after 1.5 s, acknowledges ``/insight later``
at once and answers it 2.5 s later on the app's answer pool (as lundao's questions: it appends
"answered later" to MARKER_FILE), leaves ``/insight gate-later`` to the gate's fast ack (``FastAck``: acked
before Bolt, then dispatched on that pool, where it appends "answered later after the gate's ack" 2.5 s
later), and on worker exit drains those answers, as ``bot.http_run`` does, then appends
"closed" to MARKER_FILE so the test can see that the graceful shutdown ran, in that order.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

from bot.server import AnswersAfterResponse, FastAck, Readiness
from bot.serving import ServedApp, serve_http
from config.settings import Secret, Settings

SIGNING_SECRET = "serve-test-secret"
ACKED_BY_GATE = "acked_by_gate"


def main(argv: list[str]) -> int:
    port, warm_up, marker = int(argv[0]), float(argv[1]), Path(argv[2])
    fail = len(argv) > 3 and argv[3] == "fail"
    settings = replace(Settings(), signing_secret=Secret(SIGNING_SECRET), language="en")

    def factory() -> ServedApp:
        from concurrent.futures import ThreadPoolExecutor

        from slack_bolt import App
        from slack_bolt.authorization import AuthorizeResult
        from slack_sdk import WebClient

        time.sleep(warm_up)
        if fail:
            raise RuntimeError("cannot connect to Slack: invalid_auth")

        answers = AnswersAfterResponse(ThreadPoolExecutor(2))

        def authorize(**_: object) -> AuthorizeResult:  # no auth.test: this app never talks to Slack
            return AuthorizeResult(enterprise_id=None, team_id="T1", bot_token="xoxb-x", bot_user_id="U1", bot_id="B1")

        app = App(
            signing_secret=SIGNING_SECRET,
            authorize=authorize,
            # Loopback port 9 (discard): were a listener to call the Web API, it would fail here, not go out.
            client=WebClient(base_url="http://127.0.0.1:9/"),
            process_before_response=True,
            listener_executor=answers,
        )

        def answer_later(line: str = "answered later") -> None:
            time.sleep(2.5)
            with marker.open("a") as out:
                out.write(line + "\n")

        @app.command("/insight")
        def insight(ack, command, context):  # type: ignore[no-untyped-def]
            if context.get(ACKED_BY_GATE):  # on the answer pool, after the gate's own ack
                ack()
                answer_later("answered later after the gate's ack")
                return
            if command.get("text") == "later":
                ack()
                answers.submit(answer_later)
                return
            if command.get("text") == "slow":
                time.sleep(1.5)
            ack(f"answer to {command.get('text', '')}")

        def close() -> None:
            answers.shutdown(wait=True)
            with marker.open("a") as out:
                out.write("closed\n")

        return ServedApp(
            app,
            ready=lambda: Readiness(True, {"index": "ok"}),
            close=close,
            answers=answers,
            fast_ack=FastAck("/insight", lambda text: text == "gate-later", ACKED_BY_GATE),
        )

    return serve_http(
        factory, port, settings, host="127.0.0.1", environ={"WEB_CONCURRENCY": "1", "LUNDAO_GRACEFUL_TIMEOUT": "5"}
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
