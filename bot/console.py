"""The console: the real Bolt app, listeners and middleware, driven from a terminal prompt.

Nothing is mocked inside the app. The console starts the local fake Web API (``bot.fake_slack``),
builds signed requests exactly as Slack would send them (slash command form bodies, event JSON,
interactive ``payload=``), dispatches them through ``app.dispatch``, and renders what came back:
the acknowledgement's body and every call the app made to the fake (response_url posts,
chat.postMessage, views.publish ...), converted from Block Kit to readable text.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse

from bot.app import create_app
from bot.blocks import ACTION_CONTEXT, ACTION_MORE, ACTION_SHARE
from bot.fake_slack import BOT_USER_ID, Call, FakeSlack
from bot.i18n import Strings
from bot.listeners.common import DigestLike
from bot.listeners.shortcuts.find_related import FIND_RELATED
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
from config.settings import Secret, Settings
from knowledge.models import Corpus
from knowledge.search import SearchEngine

CONSOLE_USER = "UCONSOLE01"
CONSOLE_CHANNEL = "CCONSOLE01"
_SKIPPED_CALLS = {"auth.test", "users.info", "conversations.open"}


# --- Block Kit → terminal text ------------------------------------------------------------------

_LINK = re.compile(r"<(https?://[^|>]+)\|([^>]*)>")
_BARE_LINK = re.compile(r"<(https?://[^>]+)>")
_USER = re.compile(r"<@([A-Z0-9]+)>")
_BOLD = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w])_(?!\s)([^_\n]+?)_(?![\w])")


def mrkdwn_to_text(text: str) -> str:
    """Slack mrkdwn as a person reads it: links as ``label (url)``, mentions as ``@U…``, entities decoded."""
    text = _LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})", text)
    text = _BARE_LINK.sub(lambda m: m.group(1), text)
    text = _USER.sub(lambda m: "@" + ("lundao" if m.group(1) == BOT_USER_ID else m.group(1)), text)
    text = _BOLD.sub(r"\1", text)
    text = _ITALIC.sub(r"\1", text)
    lines = ["  │ " + line[1:] if line.startswith(">") else line for line in text.split("\n")]
    # Entities last, so an escaped "&lt;!channel&gt;" prints as the harmless text it is.
    return "\n".join(lines).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


@dataclass
class Button:
    kind: str
    """share | context | more (what the user types to click it)."""
    number: int
    action: dict[str, Any]


def render_blocks(blocks: list[dict[str, Any]], buttons: list[Button]) -> str:
    """Blocks as text; each button is listed with what to type to click it (appended to ``buttons``)."""
    out: list[str] = []
    for block in blocks:
        kind = block.get("type")
        if kind == "header":
            title = block["text"]["text"]
            out.append(f"{title}\n{'═' * min(60, max(8, len(title) * 2))}")
        elif kind == "section":
            out.append(mrkdwn_to_text(block.get("text", {}).get("text", "")))
        elif kind == "context":
            texts = [mrkdwn_to_text(e.get("text", "")) for e in block.get("elements", [])]
            out.append("\n".join("    " + line for t in texts for line in t.split("\n")))
        elif kind == "divider":
            out.append("─" * 40)
        elif kind == "actions":
            labels = []
            for element in block.get("elements", []):
                action = {**element, "block_id": block.get("block_id", "")}
                button_kind = {ACTION_SHARE: "share", ACTION_CONTEXT: "context", ACTION_MORE: "more"}.get(
                    element.get("action_id", ""), ""
                )
                if not button_kind:
                    continue
                number = sum(1 for b in buttons if b.kind == button_kind) + 1
                buttons.append(Button(button_kind, number, action))
                typed = "more" if button_kind == "more" else f"{button_kind} {number}"
                labels.append(f"[{element.get('text', {}).get('text', '')}: type `{typed}`]")
            if labels:
                out.append("    " + "  ".join(labels))
    return "\n".join(out)


def render_message(where: str, message: dict[str, Any], buttons: list[Button]) -> str:
    blocks = message.get("blocks") or []
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    body = render_blocks(blocks, buttons) if blocks else mrkdwn_to_text(str(message.get("text") or ""))
    return f"┌ {where}\n{body}\n└"


def describe_call(call: Call, channel_names: dict[str, str]) -> str | None:
    """Where a recorded call would appear in Slack, as the heading of its rendering."""
    args = call.args
    if call.method == "response_url":
        if args.get("response_type") == "in_channel":
            return "posted in the channel for everyone (via response_url)"
        if args.get("replace_original"):
            return "replaces the answer above, visible only to you"
        return "visible only to you"
    if call.method == "chat.postMessage":
        channel = str(args.get("channel", ""))
        place = "a DM from lundao" if channel.startswith(("D", "U", "W")) else channel_names.get(channel, channel)
        return f"{place}, in the thread" if args.get("thread_ts") else place
    if call.method == "chat.postEphemeral":
        return "visible only to you"
    if call.method == "views.publish":
        return "the App Home tab"
    if call.method == "views.open":
        return "a pop-up window"
    return None


# --- the console ------------------------------------------------------------------------------


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
        try:
            self.app = app_factory(self.settings, corpus, search_engine, digest)
        except BaseException:
            self.fake.stop()
            raise
        self.buttons: list[Button] = []
        self._ts = int(time.time())

    def close(self) -> None:
        self.fake.stop()

    def __enter__(self) -> Console:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def greeting(self) -> str:
        return mrkdwn_to_text(self.strings("console_hello", command=self.settings.command, bot=self.settings.bot_name))

    # --- requests -------------------------------------------------------------------------------

    def _next_ts(self) -> str:
        self._ts += 1
        return f"{self._ts}.000100"

    def dispatch(self, body: str, content_type: str) -> BoltResponse:
        # BoltRequest takes multi-valued headers; ours are single strings.
        headers: dict[str, str | Sequence[str]] = {**signed_headers(self.signing_secret, body, content_type)}
        return self.app.dispatch(BoltRequest(body=body, headers=headers))

    def _run(self, body: str, content_type: str) -> str:
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
                where = "visible only to you" if ack.get("response_type") != "in_channel" else "posted in the channel"
                parts.append(render_message(where, ack, self.buttons))
        for call in self.fake.calls[mark:]:
            if call.method in _SKIPPED_CALLS:
                continue
            heading = describe_call(call, {CONSOLE_CHANNEL: "#general"})
            if heading is None:
                continue
            message = call.args.get("view") if call.method.startswith("views.") else call.args
            if isinstance(message, str):
                message = json.loads(message)
            parts.append(render_message(heading, message or {}, self.buttons))
        return "\n".join(parts) if parts else "(no reply)"

    def command(self, text: str, command: str | None = None) -> str:
        body = slash_command_body(
            text,
            command=command or self.settings.command,
            user_id=CONSOLE_USER,
            channel_id=CONSOLE_CHANNEL,
            response_url=self.fake.new_response_url(),
        )
        return self._run(body, FORM)

    def mention(self, text: str) -> str:
        event = mention_event(text, user=CONSOLE_USER, channel=CONSOLE_CHANNEL, ts=self._next_ts())
        return self._run(event_body(event), JSON)

    def home(self) -> str:
        event = {"type": "app_home_opened", "user": CONSOLE_USER, "channel": "DCONSOLE01", "tab": "home"}
        return self._run(event_body(event), JSON)

    def related(self, text: str) -> str:
        message = {"type": "message", "user": CONSOLE_USER, "text": text, "ts": self._next_ts()}
        body = message_shortcut_body(
            FIND_RELATED,
            message,
            user_id=CONSOLE_USER,
            channel_id=CONSOLE_CHANNEL,
            response_url=self.fake.new_response_url(),
        )
        return self._run(body, FORM)

    def click(self, kind: str, number: int = 1) -> str:
        for button in self.buttons:
            if button.kind == kind and button.number == number:
                body = block_actions_body(
                    button.action,
                    user_id=CONSOLE_USER,
                    channel_id=CONSOLE_CHANNEL,
                    response_url=self.fake.new_response_url(),
                )
                return self._run(body, FORM)
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
        if words[0] in ("share", "context") and len(words) <= 2:
            number = words[1] if len(words) == 2 else "1"
            if not number.isdigit():
                return f"(usage: {words[0]} N, where N is the number shown on the button)"
            return self.click(words[0], int(number))
        if lowered == "more":
            return self.click("more")
        if lowered == "home":
            return self.home()
        if words[0] == "related" and len(words) > 1:
            return self.related(line.split(None, 1)[1])
        return self.command(line)


def console_lines(lines: Iterator[str], console: Console) -> Iterator[str]:
    """Answers for a sequence of typed lines (used by the prompt loop and tests)."""
    for line in lines:
        if line.strip().lower() in ("quit", "exit", ":q"):
            return
        yield console.handle(line)
