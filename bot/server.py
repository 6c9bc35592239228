"""The HTTP front of ``lundao run``: a WSGI application that guards Bolt and can start before Bolt is ready.

Bolt's own WSGI adapter reads and parses the whole body before it checks the signature, and answers
parse errors with a 500 and a traceback. ``SlackGate`` does the cheap checks first, in this order:

1. ``GET /healthz`` (alive) and ``GET /readyz`` (ready: the app is installed and its checks pass).
2. ``POST /slack/events``: the declared body size (413 before anything is read; a chunked body only
   from a server that decodes it, gunicorn: 411 otherwise), then the body read
   with a hard cap, then the request signature (401 and one short, rate-limited log line), and only
   then the parse (400 for a signed body that is not a Slack payload) and Bolt.

Between the body read and the signature check of 2 sits the fast ack (``FastAck``, installed with the
app): a signed, form-encoded slash command for lundao's own command whose text the router answers later
(a question, ``today``, ``subscribe``) is acknowledged there with the empty 200 the listener would send, checked with slack_sdk's ``SignatureVerifier`` as Bolt
checks it, and handed to Bolt on the answer pool once that ack is written. Bolt's per-request work over
all of lundao's listeners and middleware (four times the bare app's CPU per ack: ``bench/ack_cpu.py``)
then runs after the ack instead of before it. Anything that is not exactly that (another command, help,
an interaction, a bad or stale signature, the app not installed yet) goes the usual way, unchanged.

The gate is created and bound to its port before the slow work (loading the knowledge base, building
the search index, connecting to Slack); ``install`` swaps the Bolt app in when it is ready. Until then
a signed slash command is answered at once with an honest ephemeral "warming up" message, a URL
verification is answered, and events get a 503 so that Slack retries them later.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import parse_qs, parse_qsl

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

    from slack_bolt import App
    from slack_bolt.request import BoltRequest
    from slack_sdk.signature import SignatureVerifier

log = logging.getLogger("lundao.http")

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"

# Slack's own payloads are small: a slash command form is ~1 KiB, an event a few KiB, and the largest
# interactive payloads (a modal view_submission carrying a whole view) stay in the tens of KiB. 64 KiB
# leaves room for those and keeps a flood of junk bodies at 64 KiB of memory per connection at most.
MAX_BODY_BYTES = 64 * 1024
# Slack rejects its own requests older than this too (slack_sdk's SignatureVerifier uses the same).
MAX_CLOCK_SKEW_SECONDS = 5 * 60

WARMING_UP_TEXT = {
    "zh": "论道正在启动（正在加载知识库），请几秒钟后再试。",
    "en": "lundao is warming up (loading its knowledge base); try again in a few seconds.",
}


@dataclass(frozen=True)
class Readiness:
    """What ``/readyz`` reports: ready only when every check says ``ok``."""

    ready: bool
    checks: Mapping[str, str] = field(default_factory=dict)

    def as_json(self) -> bytes:
        return json.dumps({"ready": self.ready, "checks": dict(self.checks)}, ensure_ascii=False).encode()


def run_checks(checks: Mapping[str, Callable[[], object]]) -> Readiness:
    """Run named checks (each raises, or returns False, when not ready); the reason is one line per check."""
    results: dict[str, str] = {}
    for name, check in checks.items():
        try:
            outcome = check()
        except Exception as exc:  # a readiness probe reports failures, it never raises them
            results[name] = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": ")
            continue
        results[name] = "not ready" if outcome is False else "ok"
    return Readiness(all(v == "ok" for v in results.values()), results)


class _ThrottledWarning:
    """One log line per rejected request would let a flood of junk fill the logs: at most one per interval."""

    def __init__(self, interval: float = 10.0, clock: Callable[[], float] = time.monotonic):
        self.interval = interval
        self.clock = clock
        self._lock = threading.Lock()
        self._last = -float("inf")
        self._suppressed = 0

    def warn(self, message: str, *args: object) -> None:
        with self._lock:
            now = self.clock()
            if now - self._last < self.interval:
                self._suppressed += 1
                return
            suppressed, self._suppressed, self._last = self._suppressed, 0, now
        suffix = f" ({suppressed} more since the last such line)" if suppressed else ""
        log.warning(message + suffix, *args)


class _BodyTooLarge(Exception):
    pass


class _BadRequest(Exception):
    pass


class _LengthRequired(Exception):
    pass


def _read_body(environ: WSGIEnvironment, limit: int) -> bytes:
    """The request body, reading at most ``limit`` + 1 bytes whatever the client sends."""
    stream = environ.get("wsgi.input")
    declared = environ.get("CONTENT_LENGTH") or ""
    chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
    if declared:
        try:
            length = int(declared)
        except ValueError:
            raise _BadRequest("bad Content-Length") from None
        if length < 0:
            raise _BadRequest("bad Content-Length")
        if length > limit:
            raise _BodyTooLarge(length)
        return stream.read(length) if stream is not None and length else b""
    if chunked and stream is not None:
        if not environ.get("wsgi.input_terminated"):
            # The server hands over the raw socket (wsgiref): a read would see chunk framing and could
            # block on a client that waits for our answer. Slack always sends Content-Length.
            raise _LengthRequired()
        # gunicorn decodes chunked bodies; never read more than one byte past the limit to find out.
        data = stream.read(limit + 1)
        if len(data) > limit:
            raise _BodyTooLarge(len(data))
        return bytes(data)
    return b""


def _slack_headers(environ: WSGIEnvironment) -> dict[str, str]:
    headers = {}
    for key, value in environ.items():
        if key in ("CONTENT_LENGTH", "CONTENT_TYPE"):
            headers[key.lower().replace("_", "-")] = value
        elif key.startswith("HTTP_"):
            headers[key[5:].lower().replace("_", "-")] = value
    return headers


def signature_ok(secret: bytes, body: bytes, timestamp: str, signature: str, now: float) -> bool:
    """Slack's v0 request signature over the raw bytes, within the allowed clock skew."""
    try:
        stamp = int(timestamp)
    except ValueError:
        return False
    if abs(now - stamp) > MAX_CLOCK_SKEW_SECONDS:
        return False
    expected = "v0=" + hmac.new(secret, b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace"))


def _response(
    start_response: StartResponse, status: str, body: bytes | str = b"", content_type: str = "text/plain; charset=utf-8"
) -> list[bytes]:
    data = body.encode() if isinstance(body, str) else body
    start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(data)))])
    return [data]


def _json(start_response: StartResponse, status: str, payload: object) -> list[bytes]:
    data = json.dumps(payload, ensure_ascii=False).encode()
    return _response(start_response, status, data, "application/json; charset=utf-8")


_T = TypeVar("_T")


class AnswersAfterResponse(Executor):
    """The app's pool for answers sent after the ack, started once the ack is written.

    The slash command hands its answer over before Bolt returns the ack; started at once, the answer's
    search holds the GIL while its own ack waits to be written (a switch interval, 5 ms, in the ack's latency). What a
    request thread submits between ``hold`` and ``release`` (``SlackGate`` calls them around a request
    and after its response is written) goes to the pool then; anything else goes at once.
    """

    def __init__(self, pool: ThreadPoolExecutor):
        self.pool = pool
        self._held = threading.local()

    def hold(self) -> None:
        self._held.tasks = []

    def release(self) -> None:
        tasks: list[tuple[Future[Any], Callable[[], Any]]] = getattr(self._held, "tasks", None) or []
        self._held.tasks = None
        for future, task in tasks:
            self._start(future, task)

    def submit(self, fn: Callable[..., _T], /, *args: Any, **kwargs: Any) -> Future[_T]:
        future: Future[_T] = Future()
        tasks = getattr(self._held, "tasks", None)
        if tasks is None:
            self._start(future, lambda: fn(*args, **kwargs))
        else:
            tasks.append((future, lambda: fn(*args, **kwargs)))
        return future

    def _start(self, future: Future[Any], task: Callable[[], Any]) -> None:
        def run() -> None:
            try:
                future.set_result(task())
            except Exception as exc:
                future.set_exception(exc)

        try:
            self.pool.submit(run)
        except RuntimeError:  # the pool is shut down (the worker is exiting): answer here rather than never
            run()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.pool.shutdown(wait=wait, cancel_futures=cancel_futures)


class _ReleaseWhenWritten(list[bytes]):
    """A WSGI body whose ``close`` (called by the server once the response is written) releases held answers."""

    def __init__(self, data: list[bytes], release: Callable[[], None]):
        super().__init__(data)
        self._release = release

    def close(self) -> None:
        self._release()


FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"
# Bolt's own empty ack (``ack()`` with nothing: BoltResponse(200, "")), byte for byte.
_EMPTY_ACK_HEADERS = [("content-type", "text/plain;charset=utf-8"), ("Content-Length", "0")]


@dataclass(frozen=True)
class FastAck:
    """A slash command the gate may acknowledge itself, before Bolt: the app's own, when the app would ack it empty.

    ``command``: its name as configured (``/insight``). ``answered_later``: the router's own test of the
    command's text (``bot.listeners.commands.insight.answered_later``), so the gate never acks empty what
    the listener would answer in its ack. ``context_key``: set in the Bolt context of the request
    dispatched after the ack, so the listener answers at once instead of acking again.
    ``after_dispatch_key``: where that context holds a list the listener may append callables to; the gate
    calls them once Bolt's dispatch has returned (the answer's post, so that Bolt's own work on the request
    is over before the user has the answer and sends the next request).
    """

    command: str
    answered_later: Callable[[str], bool]
    context_key: str
    after_dispatch_key: str | None = None


class SlackGate:
    """The WSGI application served by ``lundao run`` in HTTP mode; see the module docstring for the order of checks.

    ``ready`` is the app's own readiness check (knowledge base and index loaded, database reachable),
    consulted only once a Bolt app is installed.
    """

    def __init__(
        self,
        signing_secret: str,
        *,
        ready: Callable[[], Readiness] | None = None,
        path: str = EVENTS_PATH,
        max_body_bytes: int = MAX_BODY_BYTES,
        language: str = "zh",
        clock: Callable[[], float] = time.time,
    ):
        if not signing_secret:
            raise ValueError("the HTTP server needs SLACK_SIGNING_SECRET")
        self._secret = signing_secret.encode()
        self._ready = ready
        self.path = path
        self.max_body_bytes = max_body_bytes
        self.warming_up_text = WARMING_UP_TEXT.get(language, WARMING_UP_TEXT["en"])
        self.clock = clock
        self._bolt: App | None = None
        self._answers: AnswersAfterResponse | None = None
        self._fast: tuple[FastAck, SignatureVerifier, AnswersAfterResponse] | None = None
        self._failure: str | None = None
        self._rejections = _ThrottledWarning()
        self._malformed = _ThrottledWarning()

    # The swap ------------------------------------------------------------------------------------

    def install(
        self,
        bolt_app: App,
        ready: Callable[[], Readiness] | None = None,
        answers: AnswersAfterResponse | None = None,
        fast_ack: FastAck | None = None,
    ) -> None:
        """Serve ``bolt_app`` from now on (one attribute assignment: requests in flight are unaffected).

        ``answers``: ``bolt_app``'s listener executor, when it is one: answers start once their ack is written.
        ``fast_ack``: the command the gate acknowledges itself and dispatches to ``bolt_app`` on ``answers``
        after the ack (ignored without ``answers``: there would be nothing to drain it on SIGTERM).
        """
        if ready is not None:
            self._ready = ready
        self._answers = answers
        if fast_ack is not None and answers is not None:
            from slack_sdk.signature import Clock, SignatureVerifier

            gate_clock = self.clock

            class GateClock(Clock):  # the gate's clock (tests move it to make a timestamp stale)
                def now(self) -> float:
                    return gate_clock()

            # Bolt's own check (RequestVerification middleware): the same class, secret and 5-minute window.
            verifier = SignatureVerifier(self._secret.decode(), clock=GateClock())
            self._fast = (fast_ack, verifier, answers)
        self._bolt = bolt_app

    def fail(self, reason: str) -> None:
        """Start-up failed for good: readiness says why; Slack requests get a 503 instead of "warming up"."""
        self._failure = reason

    @property
    def installed(self) -> bool:
        return self._bolt is not None

    def readiness(self) -> Readiness:
        if self._failure is not None:
            return Readiness(False, {"app": f"failed to start: {self._failure}"})
        if self._bolt is None:
            return Readiness(False, {"app": "warming up"})
        if self._ready is None:
            return Readiness(True, {"app": "ok"})
        outcome = self._ready()
        return Readiness(outcome.ready, {"app": "ok", **outcome.checks})

    # WSGI ----------------------------------------------------------------------------------------

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO", "")
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            return _json(start_response, "200 OK", {"alive": True})
        if path == READY_PATH and method in ("GET", "HEAD"):
            state = self.readiness()
            status = "200 OK" if state.ready else "503 Service Unavailable"
            return _response(start_response, status, state.as_json(), "application/json; charset=utf-8")
        if path != self.path:
            return _response(start_response, "404 Not Found", "Not Found")
        if method != "POST":
            return _response(start_response, "405 Method Not Allowed", "Method Not Allowed")
        return self._slack(environ, start_response)

    def _slack(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        client = environ.get("REMOTE_ADDR", "?")
        try:
            body = _read_body(environ, self.max_body_bytes)
        except _BodyTooLarge as exc:
            self._rejections.warn(
                "rejected a %s-byte body from %s (limit %s)", exc.args[0], client, self.max_body_bytes
            )
            return _response(start_response, "413 Content Too Large", "Request body too large")
        except _BadRequest as exc:
            return _response(start_response, "400 Bad Request", str(exc))
        except _LengthRequired:
            return _response(start_response, "411 Length Required", "Content-Length required")
        headers = _slack_headers(environ)
        fast, bolt = self._fast, self._bolt
        if fast is not None and bolt is not None and self._failure is None:
            acked = self._fast_ack(fast, bolt, start_response, body, environ.get("QUERY_STRING", ""), headers)
            if acked is not None:
                return acked
        if not signature_ok(
            self._secret,
            body,
            headers.get("x-slack-request-timestamp", ""),
            headers.get("x-slack-signature", ""),
            self.clock(),
        ):
            self._rejections.warn("rejected an unsigned or stale request from %s", client)
            return _response(start_response, "401 Unauthorized", "Invalid request signature")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return self._malformed_payload(start_response, "not UTF-8")
        bolt = self._bolt
        if bolt is None:
            return self._not_ready(start_response, text, headers.get("content-type", ""))
        return self._dispatch(bolt, start_response, text, environ.get("QUERY_STRING", ""), headers)

    def _dispatch(
        self, bolt: App, start_response: StartResponse, text: str, query: str, headers: dict[str, str]
    ) -> Iterable[bytes]:
        try:
            request = bolt_request(text, query, headers)
        except (ValueError, TypeError, AttributeError, KeyError, IndexError) as exc:
            # json.loads of a broken payload=, a JSON list instead of an object, a field of the wrong type
            return self._malformed_payload(start_response, type(exc).__name__)
        problem = payload_problem(request.body)
        if problem is not None:
            return self._malformed_payload(start_response, problem)
        answers = self._answers
        if answers is None:
            response = bolt.dispatch(request)
        else:
            answers.hold()
            try:
                response = bolt.dispatch(request)
            except BaseException:
                answers.release()
                raise
        out_headers = [
            (k, v) for k, values in response.headers.items() if k.lower() != "content-length" for v in values
        ]
        data = response.body.encode("utf-8") if isinstance(response.body, str) else bytes(response.body or b"")
        out_headers.append(("Content-Length", str(len(data))))

        status = HTTPStatus(response.status)
        start_response(f"{status.value} {status.phrase}", out_headers)
        return [data] if answers is None else _ReleaseWhenWritten([data], answers.release)

    def _fast_ack(
        self,
        fast: tuple[FastAck, SignatureVerifier, AnswersAfterResponse],
        bolt: App,
        start_response: StartResponse,
        body: bytes,
        query: str,
        headers: dict[str, str],
    ) -> list[bytes] | None:
        """The empty ack of a command the app answers later, or None when the request is not exactly that."""
        command, verifier, answers = fast
        if not headers.get("content-type", "").startswith(FORM_CONTENT_TYPE):
            return None
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return None
        # A body starting with "{" is JSON; a form with a payload field is an interaction.
        if text.startswith("{") or "payload" in parse_qs(text, keep_blank_values=True):
            return None
        form = parse_qs(text, keep_blank_values=True)
        # One value each: Bolt keeps the last of repeated fields, and ambiguity is the usual path's to answer.
        if form.get("command") != [command.command] or len(form.get("text", [""])) != 1 or "ssl_check" in form:
            return None
        if not command.answered_later(form.get("text", [""])[0]):
            return None
        try:
            signed = verifier.is_valid(body, headers.get("x-slack-request-timestamp"), headers.get("x-slack-signature"))
        except ValueError:  # a timestamp that is not a number
            signed = False
        if not signed:
            return None  # the usual path answers it (401) and logs it, as any unsigned request
        answers.hold()
        answers.submit(self._answer_after_ack, bolt, text, query, headers, command)
        start_response("200 OK", list(_EMPTY_ACK_HEADERS))
        return _ReleaseWhenWritten([b""], answers.release)

    def _answer_after_ack(self, bolt: App, text: str, query: str, headers: dict[str, str], command: FastAck) -> None:
        """On the answer pool, after the fast ack is written: the request through Bolt, its middleware included;
        then what the listener left to do after the dispatch (``FastAck.after_dispatch_key``)."""
        after_dispatch: list[Callable[[], object]] = []
        context: dict[str, Any] = {command.context_key: True}
        if command.after_dispatch_key:
            context[command.after_dispatch_key] = after_dispatch
        try:
            request = bolt_request(text, query, headers, context=context)
            response = bolt.dispatch(request)
        except Exception:  # nobody waits on this thread's result: say it here
            log.exception("a slash command acknowledged by the gate could not be answered")
            return
        if response.status != 200:
            # Bolt refused it after the ack (authorization, a middleware): the user saw an empty ack only.
            log.warning("a slash command acknowledged by the gate was refused by the app (HTTP %s)", response.status)
        for task in after_dispatch:
            try:
                task()
            except Exception:
                log.exception("a slash command acknowledged by the gate could not be answered")

    def _malformed_payload(self, start_response: StartResponse, why: str) -> list[bytes]:
        self._malformed.warn("rejected a signed request that is not a Slack payload (%s)", why)
        return _response(start_response, "400 Bad Request", "Not a Slack payload")

    def _not_ready(self, start_response: StartResponse, text: str, content_type: str) -> list[bytes]:
        """Before the app is installed: answer what needs no app, and make Slack retry the rest."""
        if self._failure is None:
            if text.startswith("{"):
                try:
                    payload = json.loads(text)
                except ValueError:
                    return self._malformed_payload(start_response, "bad JSON")
                if isinstance(payload, dict) and payload.get("type") == "url_verification":
                    return _json(start_response, "200 OK", {"challenge": str(payload.get("challenge", ""))})
            else:
                form = parse_qs(text, keep_blank_values=True)
                if form.get("ssl_check") == ["1"]:
                    return _response(start_response, "200 OK")
                if form.get("command") and "payload" not in form:
                    return _json(start_response, "200 OK", {"response_type": "ephemeral", "text": self.warming_up_text})
        # Events and interactions: Slack retries a 5xx; the warming up takes seconds, Slack's retries minutes.
        start_response(
            "503 Service Unavailable",
            [("Content-Type", "text/plain; charset=utf-8"), ("Retry-After", "5"), ("Content-Length", "11")],
        )
        return [b"warming up\n" if self._failure is None else b"unavailable"]


_INTERACTIVE_TYPES = (
    "block_actions",
    "block_suggestion",
    "shortcut",
    "message_action",
    "view_submission",
    "view_closed",
)


def _is_str(value: object) -> bool:
    return isinstance(value, str) and bool(value)


def bolt_request(
    text: str, query: str, headers: Mapping[str, str], *, context: dict[str, Any] | None = None
) -> BoltRequest:
    """Bolt's request for a body, a form that merely mentions "payload" read as the form it is.

    slack_bolt (1.30) reads every form body with the letters "payload" anywhere in it as an interaction
    and, finding no payload field, makes its body {}: so ``/insight what is a payload`` or a command typed
    in #payload-team was refused as "not a Slack payload". The raw body is kept as it came, so Bolt's own
    signature check still reads the bytes Slack signed.
    """
    from slack_bolt.context import BoltContext
    from slack_bolt.request import BoltRequest
    from slack_bolt.request.internals import build_context

    bolt_headers: dict[str, str | Sequence[str]] = dict(headers)
    request = BoltRequest(body=text, query=query, headers=bolt_headers, context=context)
    if not request.body and not text.lstrip().startswith("{") and "payload" in text:
        form = dict(parse_qsl(text, keep_blank_values=True))
        if "payload" not in form:
            request.body = form
            request.context = build_context(BoltContext(context or {}), form)
    return request


def payload_problem(body: object) -> str | None:
    """Why a signed body is not a payload Slack sends (None when it is one), checked before Bolt sees it.

    Bolt's matchers index into the payload and answer a missing or mistyped field with a 500 and a
    traceback; the fields checked here are the ones Slack always sends and Bolt or our listeners read.
    """
    if not isinstance(body, dict):
        return "not an object"
    if "ssl_check" in body:
        return None
    if "command" in body:
        return None if _is_str(body["command"]) else "command is not text"
    kind = body.get("type")
    if kind in ("url_verification", "app_rate_limited"):
        return None
    if kind == "event_callback":
        event = body.get("event")
        if not isinstance(event, dict) or not _is_str(event.get("type")):
            return "event without a type"
        return None
    if kind in _INTERACTIVE_TYPES:
        if not isinstance(body.get("user"), dict):
            return f"{kind} without a user"
        if kind == "block_actions":
            actions = body.get("actions")
            if not isinstance(actions, list) or not all(
                isinstance(a, dict) and _is_str(a.get("action_id")) for a in actions
            ):
                return "block_actions without action ids"
        elif kind in ("shortcut", "message_action") and not _is_str(body.get("callback_id")):
            return f"{kind} without a callback_id"
        elif kind == "message_action" and not (
            isinstance(body.get("message"), dict) and isinstance(body.get("channel"), dict)
        ):
            return "message_action without its message"
        elif kind in ("view_submission", "view_closed"):
            view = body.get("view")
            if not isinstance(view, dict) or not isinstance(view.get("callback_id", ""), str):
                return f"{kind} without a view"
        return None
    return "unknown payload type"
