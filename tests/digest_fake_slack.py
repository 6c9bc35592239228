"""A minimal fake of the Slack Web API methods the digest uses, recording every call.

Unlike ``bot.fake_slack`` it models channel membership (public channels the bot can join, private
ones it cannot) and keeps each channel's messages with their metadata, so a test can check what
the channel would show and the recovery of a post made just before a crash.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse


@dataclass
class Scripted:
    status: int = 200
    error: str | None = None
    retry_after: int | None = None


@dataclass
class FakeSlackAPI:
    public: set[str] = field(default_factory=set)  # channels the bot can join
    private: set[str] = field(default_factory=set)  # channels it can only be invited to
    members: set[str] = field(default_factory=set)  # channels the bot is in
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    messages: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    scripted: dict[str, deque[Scripted]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _ts: itertools.count = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self) -> None:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode() if length else ""
                parsed = urlparse(self.path)
                args: dict[str, Any] = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
                if "json" in (self.headers.get("Content-Type") or ""):
                    args.update(json.loads(raw or "{}"))
                else:
                    args.update({k: v[-1] for k, v in parse_qs(raw).items()})
                method = parsed.path.rsplit("/", 1)[-1]
                authorized = (self.headers.get("Authorization") or "").startswith("Bearer xoxb-")
                status, body, headers = api.handle(method, args, authorized)
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/api/"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def script(self, method: str, *, times: int = 1, **failure: Any) -> None:
        with self.lock:
            queue = self.scripted.setdefault(method, deque())
            queue.extend(Scripted(**failure) for _ in range(times))

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        with self.lock:
            return [args for name, args in self.calls if name == method]

    def posts(self, channel: str | None = None) -> list[dict[str, Any]]:
        return [a for a in self.calls_to("chat.postMessage") if channel is None or a.get("channel") == channel]

    def handle(self, method: str, args: dict[str, Any], authorized: bool) -> tuple[int, dict[str, Any], dict[str, str]]:
        with self.lock:
            self.calls.append((method, args))
            queue = self.scripted.get(method)
            scripted = queue.popleft() if queue else None
            if scripted is not None:
                headers = {"Retry-After": str(scripted.retry_after)} if scripted.retry_after is not None else {}
                return scripted.status, {"ok": False, "error": scripted.error or "ratelimited"}, headers
            if not authorized:
                return 200, {"ok": False, "error": "not_authed"}, {}
            channel = str(args.get("channel", ""))
            if method == "chat.postMessage":
                if channel not in self.members:
                    known = channel in self.public or channel in self.private
                    return 200, {"ok": False, "error": "not_in_channel" if known else "channel_not_found"}, {}
                ts = f"1700000000.{next(self._ts):06d}"
                message = {"ts": ts, "text": args.get("text"), "metadata": args.get("metadata")}
                self.messages.setdefault(channel, []).append(message)
                return 200, {"ok": True, "channel": channel, "ts": ts, "message": message}, {}
            if method == "conversations.join":
                if channel in self.public:
                    self.members.add(channel)
                    return 200, {"ok": True, "channel": {"id": channel}}, {}
                if channel in self.private:
                    return 200, {"ok": False, "error": "method_not_supported_for_channel_type"}, {}
                return 200, {"ok": False, "error": "channel_not_found"}, {}
            if method == "conversations.history":
                if channel not in self.members:
                    return 200, {"ok": False, "error": "not_in_channel"}, {}
                return 200, {"ok": True, "messages": list(reversed(self.messages.get(channel, [])))}, {}
            return 200, {"ok": False, "error": "unknown_method"}, {}
