"""The console: the real Bolt app, listeners and middleware, driven from a terminal prompt.

Nothing is mocked inside the app. The console starts the local fake Web API (``bot.fake_slack``),
builds signed requests exactly as Slack would send them (slash command form bodies, event JSON,
interactive ``payload=``), dispatches them through ``app.dispatch``, and renders what came back:
the acknowledgement's body and every call the app made to the fake (response_url posts,
chat.postMessage, views.publish ...), converted from Block Kit to readable text.
"""

from __future__ import annotations

import json
import secrets
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import replace
from typing import Any, TextIO

from slack_bolt import App, BoltResponse

from bot.app import create_app
from bot.console_text import Button, describe_call, mrkdwn_to_text, render_message
from bot.fake_slack import Call, FakeSlack, FakeUser
from bot.feedback.console import FeedbackConsole
from bot.feedback.service import FeedbackService
from bot.i18n import Strings
from bot.listeners.common import DigestLike
from bot.listeners.shortcuts.find_related import FIND_RELATED
from bot.server import bolt_request
from bot.slack_payloads import (
    FORM,
    JSON,
    block_actions_body,
    event_body,
    mention_event,
    message_shortcut_body,
    signed_headers,
    slash_command_body,
)
from bot.team.console import TeamConsole
from bot.team.service import TeamService
from config.settings import Secret, Settings
from knowledge.models import Corpus
from knowledge.search import SearchEngine

CONSOLE_USER = "UCONSOLE01"
CONSOLE_CHANNEL = "CCONSOLE01"
_SKIPPED_CALLS = {"auth.test", "users.info", "conversations.open"}


_CLICKABLE = ("share", "context", "helpful", "unhelpful", "approve", "reject", "edit")
"""What a user types with a number to click a button (`more` takes none)."""


# --- the console ------------------------------------------------------------------------------


class InlineExecutor(Executor):
    """Runs what is submitted at once, in the caller's thread: the console shows a slash command's answer
    (sent after the ack, through the response_url) as soon as the command returns."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:
            future.set_exception(exc)
        return future


class Console:
    """A fake workspace with one user and one channel, wired to a real app over the fake Web API."""

    def __init__(
        self,
        settings: Settings,
        corpus: Corpus,
        search_engine: SearchEngine,
        digest: DigestLike | None = None,
        *,
        app_factory: Callable[..., App] = create_app,
        team: TeamService | None = None,
        feedback: FeedbackService | None = None,
    ):
        self.fake = FakeSlack().start()
        self.signing_secret = secrets.token_hex(16)
        self.settings = replace(
            settings,
            bot_token=Secret("xoxb-console-fake"),
            signing_secret=Secret(self.signing_secret),
            app_token=None,
            api_base_url=self.fake.api_url,
        )
        self.strings = Strings(self.settings.language)
        self.user_id, self.channel_id = CONSOLE_USER, CONSOLE_CHANNEL
        # You are the workspace's admin: you may subscribe channels and review saved insights.
        self.fake.add_user(FakeUser(CONSOLE_USER, name="you", is_admin=True))
        self.team = TeamConsole(self)
        try:
            self.app = app_factory(
                self.settings,
                corpus,
                search_engine,
                digest,
                team=team,
                feedback=feedback,
                listener_executor=InlineExecutor(),
            )
        except BaseException:
            self.fake.stop()
            raise
        self.feedback = FeedbackConsole(feedback, self.settings.language)
        self.buttons: list[Button] = []
        self._ts = int(time.time())
        self.thread_root: str | None = None
        """ts of the latest message shown in the channel: `reply @lundao …` posts in its thread."""

    def close(self) -> None:
        self.feedback.close()
        self.fake.stop()

    def __enter__(self) -> Console:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def greeting(self) -> str:
        hello = self.strings("console_hello", command=self.settings.command, bot=self.settings.bot_name)
        return mrkdwn_to_text(hello + self.feedback.hint())

    # --- requests -------------------------------------------------------------------------------

    def next_ts(self) -> str:
        self._ts += 1
        return f"{self._ts}.000100"

    def dispatch(self, body: str, content_type: str) -> BoltResponse:
        # bolt_request, as lundao run's gate: a command mentioning "payload" is still read as a command.
        return self.app.dispatch(bolt_request(body, "", signed_headers(self.signing_secret, body, content_type)))

    def run(self, body: str, content_type: str) -> str:
        """Dispatch a signed request; what the user sees of the app's answer and its Web API calls."""
        mark = len(self.fake.calls)
        response = self.dispatch(body, content_type)
        self.buttons = []
        parts: list[str] = []
        if response.status != 200:
            parts.append(f"(the app answered HTTP {response.status}: {response.body})")
        elif response.body:
            try:
                ack = json.loads(response.body)
            except json.JSONDecodeError:
                ack = {"text": response.body}
            if isinstance(ack, dict) and (ack.get("blocks") or ack.get("text")):
                in_channel = ack.get("response_type") == "in_channel"
                where = "posted in the channel" if in_channel else "visible only to you"
                if in_channel:
                    where = self._new_thread_root(where, self.next_ts())
                parts.append(render_message(where, ack, self.buttons))
        rendered = self.render_calls(mark)
        if rendered:
            parts.append(rendered)
        return "\n".join(parts) if parts else "(no reply)"

    def render_calls(self, mark: int) -> str:
        """What the app did through the fake Web API since call number ``mark``, as the user would see it."""
        parts: list[str] = []
        for call in self.fake.calls[mark:]:
            if call.method in _SKIPPED_CALLS:
                continue
            heading = describe_call(call, {CONSOLE_CHANNEL: "#general"})
            if heading is None:
                continue
            root = self._posted_root(call)
            if root is not None:
                heading = self._new_thread_root(heading, root)
            elif call.method == "chat.postMessage" and call.args.get("channel") == CONSOLE_CHANNEL:
                heading += f" · `reply @{self.settings.bot_name} …` continues it"
            message = call.args.get("view") if call.method.startswith("views.") else call.args
            if isinstance(message, str):
                message = json.loads(message)
            if call.method == "views.open":
                self.team.opened(message or {})
            shown = len(self.buttons)
            parts.append(render_message(heading, message or {}, self.buttons))
            posted = self._posted_message(call)
            for button in self.buttons[shown:]:
                button.message = posted
        return "\n".join(parts)

    def _new_thread_root(self, heading: str, ts: str) -> str:
        """Make the message ``ts`` the one `reply` answers under; its heading says so."""
        self.thread_root = ts
        return f"{heading} · `reply @{self.settings.bot_name} …` answers in its thread"

    def _posted_root(self, call: Call) -> str | None:
        """The ts of a message the app posted at the top of the console's channel (a shared claim, a digest post).

        A response_url post has no ts in Slack's answer, so the console gives it one, as Slack would; a
        chat.postMessage is stored by the fake with its ts.
        """
        if call.method == "response_url":
            return self.next_ts() if call.args.get("response_type") == "in_channel" else None
        if call.method != "chat.postMessage" or call.args.get("channel") != CONSOLE_CHANNEL:
            return None
        if call.args.get("thread_ts"):
            return None
        top_level = [m for m in self.fake.messages.get(CONSOLE_CHANNEL, []) if not m.get("thread_ts")]
        return str(top_level[-1]["ts"]) if top_level else None

    def _posted_message(self, call: Call) -> dict[str, Any] | None:
        """The channel message a chat.postMessage made (as Slack would send it back with a click on it)."""
        if call.method != "chat.postMessage":
            return None
        channel = str(call.args.get("channel", ""))
        for message in reversed(self.fake.messages.get(channel, [])):
            if message.get("text") == call.args.get("text"):
                blocks = call.args.get("blocks") or []
                return {**message, "blocks": json.loads(blocks) if isinstance(blocks, str) else blocks}
        return None

    def command(self, text: str, command: str | None = None) -> str:
        body = slash_command_body(
            text,
            command=command or self.settings.command,
            user_id=CONSOLE_USER,
            channel_id=CONSOLE_CHANNEL,
            response_url=self.fake.new_response_url(),
        )
        return self.run(body, FORM)

    def mention(self, text: str, thread_ts: str | None = None) -> str:
        """``@lundao text`` in the channel, or in the thread of ``thread_ts``; either way the thread stays open."""
        ts = self.next_ts()
        event = mention_event(text, user=CONSOLE_USER, channel=CONSOLE_CHANNEL, ts=ts, thread_ts=thread_ts)
        shown = self.run(event_body(event), JSON)
        self.thread_root = thread_ts or ts
        return shown

    def reply(self, text: str) -> str:
        """A message typed in the thread of the latest message shown in the channel."""
        if not text:
            return f"(usage: reply @{self.settings.bot_name} 有反例吗, in the thread of the latest channel message)"
        if self.thread_root is None:
            return f"(nothing in the channel to reply to yet; try `@{self.settings.bot_name} 算力` first)"
        if not text.startswith(("@", "＠")):
            return f"(lundao only answers a thread message that mentions it: `reply @{self.settings.bot_name} {text}`)"
        _, _, rest = text.partition(" ")
        return self.mention(rest.strip(), thread_ts=self.thread_root)

    def home(self) -> str:
        event = {"type": "app_home_opened", "user": CONSOLE_USER, "channel": "DCONSOLE01", "tab": "home"}
        return self.run(event_body(event), JSON)

    def related(self, text: str) -> str:
        ts = self.next_ts()
        message = {"type": "message", "user": CONSOLE_USER, "text": text, "ts": ts}
        body = message_shortcut_body(
            FIND_RELATED,
            message,
            user_id=CONSOLE_USER,
            channel_id=CONSOLE_CHANNEL,
            response_url=self.fake.new_response_url(),
        )
        shown = self.run(body, FORM)
        self.thread_root = ts  # the related claims are answered in that message's thread
        return shown

    def click(self, kind: str, number: int = 1) -> str:
        for button in self.buttons:
            if button.kind == kind and button.number == number:
                body = block_actions_body(
                    button.action,
                    user_id=CONSOLE_USER,
                    channel_id=CONSOLE_CHANNEL,
                    response_url=self.fake.new_response_url(),
                    message=button.message,
                )
                return self.run(body, FORM)
        available = ", ".join(f"{b.kind} {b.number}" if b.kind != "more" else "more" for b in self.buttons)
        return (
            f"(no `{kind}{'' if kind == 'more' else f' {number}'}` button above; try: {available or 'a query first'})"
        )

    # --- the prompt's language ------------------------------------------------------------------

    def handle(self, line: str) -> str:
        """One line typed at the prompt, answered as rendered text."""
        line = line.strip()
        if not line:
            return ""
        lowered = line.lower()
        words = lowered.split()
        if line.startswith("/"):
            command, _, rest = line.partition(" ")
            if command != self.settings.command:
                return f"(unknown command {command}; this app's command is {self.settings.command})"
            return self.command(rest.strip())
        if line.startswith(("@", "＠")):
            _, _, rest = line.partition(" ")
            return self.mention(rest.strip() if " " in line else "")
        if words[0] in _CLICKABLE and len(words) <= 2:
            number = words[1] if len(words) == 2 else "1"
            if not number.isdigit():
                return f"(usage: {words[0]} N, where N is the number shown on the button)"
            return self.click(words[0], int(number))
        if lowered == "more":
            return self.click("more")
        if lowered == "home":
            return self.home()
        if words[0] == "gaps" and len(words) <= 2:
            return self.feedback.gaps(words[1] if len(words) == 2 else "30")
        if words[0] == "reply":
            return self.reply(line.split(None, 1)[1] if len(words) > 1 else "")
        if words[0] == "related" and len(words) > 1:
            return self.related(line.split(None, 1)[1])
        if words[0] in ("save", "submit"):
            rest = line.split(None, 1)[1] if len(words) > 1 else ""
            return self.team.save(rest) if words[0] == "save" else self.team.submit(rest)
        return self.command(line)


def enable_line_editing(stdin: TextIO | None = None) -> bool:
    """Arrow keys, editing and this session's history at the prompt, when typing at a terminal.

    ``readline`` is missing on some platforms (Windows without pyreadline); importing it is what makes
    ``input()`` use it. History stays in memory: nothing typed is written to a file.
    """
    stream = sys.stdin if stdin is None else stdin
    if not stream.isatty():
        return False
    try:
        import readline
    except ImportError:
        return False
    readline.set_auto_history(True)
    return True


def console_lines(lines: Iterator[str], console: Console) -> Iterator[str]:
    """Answers for a sequence of typed lines (used by the prompt loop and tests)."""
    for line in lines:
        if line.strip().lower() in ("quit", "exit", ":q"):
            return
        yield console.handle(line)
