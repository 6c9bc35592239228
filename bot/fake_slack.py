"""A local fake of Slack's Web API and response URLs, for the console and the tests.

An ``http.server`` on 127.0.0.1 with an ephemeral port. It records every call (method, arguments,
whether a token was sent) and answers the way Slack does for the methods lundao uses. It can be told
to fail the next call(s) of a method: HTTP 429 with ``Retry-After``, HTTP 500, an ``ok: false``
error such as ``not_in_channel``, an answer that hangs past the client's timeout, or a dropped
connection; with ``accept=True`` the call is done first (the message is posted) and only its answer
fails, which is what makes a blind retry post twice. Response URLs are ``{url}/response/<id>``; what is posted to them is
recorded too, as Slack would show it in the channel.

Each channel's messages are kept with their metadata (``conversations.history`` returns them, newest
first), so a test can check what a channel shows and the digest's recovery of a post made just
before a crash. Channel membership is modelled when asked for: ``FakeSlack(members=..., public=...,
private=...)`` makes ``chat.postMessage`` answer ``not_in_channel`` / ``channel_not_found`` the way
Slack does, and ``conversations.join`` work for public channels only; by default the bot is in
every channel.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

BOT_USER_ID = "ULUNDAOBOT"
BOT_ID = "BLUNDAOBOT"
TEAM_ID = "TFAKETEAM"


@dataclass
class Call:
    """One request the fake received: a Web API method (``chat.postMessage``) or ``response_url``."""

    method: str
    args: dict[str, Any]
    authorized: bool = False
    path: str = ""
    received: float = field(default_factory=time.perf_counter)
    """When it arrived (``time.perf_counter``): bench/slash_load.py times answers sent after the ack with it."""


@dataclass
class Failure:
    status: int = 200
    error: str | None = None
    retry_after: int | None = None
    accept: bool = False
    """Do the call first (store the message), then fail: Slack acted, the caller cannot tell."""
    hang: float = 0.0
    """Seconds to wait before answering (longer than the client's timeout: a timeout after the post)."""
    drop: bool = False
    """Close the connection without an answer."""


@dataclass
class FakeUser:
    id: str
    name: str = "someone"
    is_admin: bool = False
    is_owner: bool = False
    is_bot: bool = False


@dataclass
class _State:
    calls: list[Call] = field(default_factory=list)
    failures: dict[str, deque[Failure]] = field(default_factory=dict)
    users: dict[str, FakeUser] = field(default_factory=dict)
    messages: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    first_by_path: dict[str, Call] = field(default_factory=dict)
    """The first call to each path: ``wait_for(path=...)`` looks there (a burst has many waiters)."""
    recorded: threading.Condition = field(init=False)
    """Notified with each call recorded (on ``lock``): ``wait_for`` waits on it."""

    def __post_init__(self) -> None:
        self.recorded = threading.Condition(self.lock)


class FakeSlack:
    """``with FakeSlack() as slack: WebClient(base_url=slack.api_url)``; inspect ``slack.calls``."""

    def __init__(
        self,
        *,
        members: Iterable[str] | None = None,
        public: Iterable[str] = (),
        private: Iterable[str] = (),
        answered: Callable[[Call], None] | None = None,
    ) -> None:
        """``answered``: called with each call once its HTTP answer is written and flushed (on the handler's
        thread), as a sender sees a post taken (bench/slash_load.py reports answers to its load that way)."""
        self.state = _State()
        # None: membership is not modelled, the bot is in every channel.
        self.members: set[str] | None = None if members is None else set(members)
        self.public = set(public)  # channels the bot can join
        self.private = set(private)  # channels it can only be invited to
        self._ts = itertools.count(1)
        self._response_ids = itertools.count(1)
        state = self.state
        fake = self

        class Handler(BaseHTTPRequestHandler):
            call: Call | None = None

            def log_message(self, format: str, *args: Any) -> None:
                return  # quiet: the console prints what matters, the tests read ``calls``

            def handle_one_request(self) -> None:
                self.call = None
                super().handle_one_request()  # the answer is written and flushed
                if self.call is not None and answered is not None:
                    answered(self.call)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8") if length else ""
                content_type = self.headers.get("Content-Type") or ""
                if "json" in content_type:
                    try:
                        args = json.loads(raw) if raw else {}
                    except json.JSONDecodeError:
                        args = {"_raw": raw}
                else:
                    args = {k: v[-1] for k, v in parse_qs(raw, keep_blank_values=True).items()}
                path = urlparse(self.path).path
                query = {k: v[-1] for k, v in parse_qs(urlparse(self.path).query).items()}
                args = {**query, **args}
                authorized = (self.headers.get("Authorization") or "").startswith("Bearer ") or "token" in args
                args.pop("token", None)
                if path.startswith("/response/"):
                    method = "response_url"
                elif path.startswith("/api/"):
                    method = path[len("/api/") :]
                else:
                    self._answer(404, {"ok": False, "error": "unknown_path"})
                    return
                call = self.call = Call(method, args, authorized, path)
                with state.lock:
                    state.calls.append(call)
                    state.first_by_path.setdefault(path, call)
                    state.recorded.notify_all()
                    queue = state.failures.get(method)
                    failure = queue.popleft() if queue else None
                if failure is not None and failure.accept:
                    accepted = fake._reply(method, args, authorized) if method != "response_url" else None
                    if failure.status == 200 and failure.error is None and not failure.drop:
                        # Only late: the answer is the real one, after ``hang`` seconds.
                        time.sleep(failure.hang)
                        self._answer(200, accepted)
                        return
                if failure is not None and failure.hang:
                    time.sleep(failure.hang)
                if failure is not None and failure.drop:
                    self.close_connection = True
                    with contextlib.suppress(OSError):
                        self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if failure is not None:
                    headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after is not None else {}
                    body = {
                        "ok": False,
                        "error": failure.error or ("ratelimited" if failure.status == 429 else "fatal_error"),
                    }
                    self._answer(failure.status, body, headers)
                    return
                if method == "response_url":
                    self._answer(200, None)
                    return
                self._answer(200, fake._reply(method, args, authorized))

            def do_GET(self) -> None:
                self.do_POST()

            def _answer(self, status: int, body: dict[str, Any] | None, headers: dict[str, str] | None = None) -> None:
                payload = b"ok" if body is None else json.dumps(body).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "text/plain" if body is None else "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    # --- lifecycle ----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}"  # where __init__ bound it

    @property
    def api_url(self) -> str:
        """The Web API base URL, as SLACK_API_BASE_URL or ``WebClient(base_url=...)`` take it."""
        return self.url + "/api/"

    def start(self) -> FakeSlack:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- scripting ----------------------------------------------------------------------------

    def new_response_url(self) -> str:
        return f"{self.url}/response/{next(self._response_ids)}"

    def fail_next(
        self,
        method: str,
        *,
        status: int = 200,
        error: str | None = None,
        retry_after: int | None = None,
        times: int = 1,
        accept: bool = False,
        hang: float = 0.0,
        drop: bool = False,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail.

        ``status=429, retry_after=N``; ``status=500``; ``error="not_in_channel"`` (ok:false); ``hang=S``
        (answer after S seconds); ``drop=True`` (close the connection, no answer). ``accept=True`` does
        the call first, so the message is posted and only the answer fails: Slack's ambiguous failures.
        """
        if accept and status == 200 and error is None and not drop and not hang:
            raise ValueError("an accepted call must then fail: give status, error, hang or drop")
        with self.state.lock:
            queue = self.state.failures.setdefault(method, deque())
            for _ in range(times):
                queue.append(Failure(status, error, retry_after, accept, hang, drop))

    def add_user(self, user: FakeUser) -> None:
        with self.state.lock:
            self.state.users[user.id] = user

    # --- inspection ---------------------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        with self.state.lock:
            return list(self.state.calls)

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, *, path: str | None = None, timeout: float = 10.0) -> Call | None:
        """The first call of ``method`` (to ``path``), waiting up to ``timeout`` seconds for it; None if none came.

        For what the app sends after it answered the request (a slash command's answer to its response_url).
        """

        def found() -> Call | None:
            if path is not None:
                call = self.state.first_by_path.get(path)
                return call if call is not None and call.method == method else None
            return next((c for c in self.state.calls if c.method == method), None)

        with self.state.recorded:
            self.state.recorded.wait_for(found, timeout=timeout)
            return found()

    def clear(self) -> None:
        with self.state.lock:
            self.state.calls.clear()
            self.state.first_by_path.clear()

    def posts(self, channel: str | None = None) -> list[dict[str, Any]]:
        """The arguments of every chat.postMessage call (to ``channel``), failed ones included."""
        return [
            c.args for c in self.calls_to("chat.postMessage") if channel is None or c.args.get("channel") == channel
        ]

    @property
    def messages(self) -> dict[str, list[dict[str, Any]]]:
        """Each channel's messages, oldest first, as the channel shows them (a test may edit them)."""
        return self.state.messages

    # --- answers ------------------------------------------------------------------------------

    def _next_ts(self) -> str:
        return f"{int(time.time())}.{next(self._ts):06d}"

    def _reply(self, method: str, args: dict[str, Any], authorized: bool) -> dict[str, Any]:
        if not authorized and method not in ("api.test",):
            return {"ok": False, "error": "not_authed"}
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://fake-workspace.slack.com/",
                "team": "Fake workspace",
                "user": "lundao",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        channel = str(args.get("channel", ""))
        if method == "chat.postMessage":
            if self.members is not None and channel not in self.members:
                known = channel in self.public or channel in self.private
                return {"ok": False, "error": "not_in_channel" if known else "channel_not_found"}
            ts = self._next_ts()
            message = {"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "ts": ts, "text": args.get("text", "")}
            if args.get("thread_ts"):
                message["thread_ts"] = args["thread_ts"]
            metadata = args.get("metadata")
            if metadata:
                message["metadata"] = json.loads(metadata) if isinstance(metadata, str) else metadata
            with self.state.lock:
                self.state.messages.setdefault(channel, []).append(message)
            return {"ok": True, "channel": channel, "ts": ts, "message": message}
        if method == "conversations.join":
            if self.members is None or channel in self.public:
                if self.members is not None:
                    self.members.add(channel)
                return {"ok": True, "channel": {"id": channel}}
            if channel in self.private:
                return {"ok": False, "error": "method_not_supported_for_channel_type"}
            return {"ok": False, "error": "channel_not_found"}
        if method == "conversations.history":
            if self.members is not None and channel not in self.members:
                return {"ok": False, "error": "not_in_channel"}
            with self.state.lock:
                return {"ok": True, "messages": list(reversed(self.state.messages.get(channel, [])))}
        if method == "conversations.replies":
            thread = str(args.get("ts", ""))
            with self.state.lock:
                in_thread = [
                    m
                    for m in self.state.messages.get(channel, [])
                    if m.get("ts") == thread or m.get("thread_ts") == thread
                ]
            return {"ok": True, "messages": in_thread}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._next_ts()}
        if method in ("views.publish", "views.open", "views.update"):
            view = args.get("view")
            if isinstance(view, str):
                view = json.loads(view)
            return {"ok": True, "view": {"id": "VFAKEVIEW", **(view or {})}}
        if method == "users.info":
            user_id = str(args.get("user", ""))
            with self.state.lock:
                user = self.state.users.get(user_id)
            if user is None:
                return {"ok": False, "error": "user_not_found"}
            return {"ok": True, "user": asdict(user)}
        if method == "chat.getPermalink":
            ts = str(args.get("message_ts", ""))
            return {
                "ok": True,
                "channel": channel,
                "permalink": f"{self.url}/archives/{channel}/p{ts.replace('.', '')}",
            }
        if method == "conversations.open":
            users = str(args.get("users", ""))
            return {"ok": True, "channel": {"id": "D" + users.lstrip("UW")[:10]}}
        return {"ok": True}
