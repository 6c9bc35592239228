"""Block Kit as terminal text, for the console: messages, modals' fields, and the buttons to type.

Each button is listed with what to type to click it (``share 2``, ``approve 1``, ``more``); the console
keeps them (``Button``) to send the click Slack would send.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from bot.blocks import ACTION_CONTEXT, ACTION_MORE, ACTION_SHARE
from bot.fake_slack import BOT_USER_ID, Call
from bot.feedback_blocks import ACTION_HELPFUL, ACTION_NOT_HELPFUL
from bot.team.blocks import ACTION_APPROVE, ACTION_EDIT, ACTION_REJECT

_LINK = re.compile(r"<(https?://[^|>]+)\|([^>]*)>")
_BARE_LINK = re.compile(r"<(https?://[^>]+)>")
_USER = re.compile(r"<@([A-Z0-9]+)>")
_BOLD = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w])_(?!\s)([^_\n]+?)_(?![\w])")
_BUTTON_KINDS = {
    ACTION_SHARE: "share",
    ACTION_CONTEXT: "context",
    ACTION_MORE: "more",
    ACTION_APPROVE: "approve",
    ACTION_EDIT: "edit",
    ACTION_REJECT: "reject",
    ACTION_HELPFUL: "helpful",
    ACTION_NOT_HELPFUL: "unhelpful",
}
_RESULT_NUMBER = re.compile(r"^\*(\d+)\.\* ")
"""A result's number as bot.blocks writes it (``*4.* ``): its buttons take that number, so `share 4` after `more`."""


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
    """share | context | more | helpful | unhelpful (what the user types to click it)."""
    number: int
    action: dict[str, Any]
    message: dict[str, Any] | None = None
    """The channel message the button is on (Slack sends it with the click); None for ephemeral answers."""


def render_blocks(blocks: list[dict[str, Any]], buttons: list[Button]) -> str:
    """Blocks as text; each button is listed with what to type to click it (appended to ``buttons``)."""
    out: list[str] = []
    shown_number: int | None = None
    claim_rows = 0
    for block in blocks:
        kind = block.get("type")
        if kind == "header":
            title = block["text"]["text"]
            out.append(f"{title}\n{'═' * min(60, max(8, len(title) * 2))}")
        elif kind == "section":
            section_text = block.get("text", {}).get("text", "")
            numbered = _RESULT_NUMBER.match(section_text)
            if numbered:
                shown_number = int(numbered.group(1))
            out.append(mrkdwn_to_text(section_text))
        elif kind == "context":
            texts = [mrkdwn_to_text(e.get("text", "")) for e in block.get("elements", [])]
            out.append("\n".join("    " + line for t in texts for line in t.split("\n")))
        elif kind == "divider":
            out.append("─" * 40)
            shown_number = None
        elif kind == "actions":
            row_number = None
            if str(block.get("block_id", "")).startswith("claim:"):
                claim_rows += 1
                row_number = claim_rows
            labels = []
            for element in block.get("elements", []):
                action = {**element, "block_id": block.get("block_id", "")}
                button_kind = _BUTTON_KINDS.get(element.get("action_id", ""), "")
                if not button_kind:
                    continue
                taken = {b.number for b in buttons if b.kind == button_kind}
                # An unnumbered answer (a thread's): a claim's buttons all take the number of its row.
                wanted = shown_number if shown_number is not None else row_number
                if button_kind != "more" and wanted is not None and wanted not in taken:
                    number = wanted
                else:
                    number = max(taken, default=0) + 1
                buttons.append(Button(button_kind, number, action))
                typed = "more" if button_kind == "more" else f"{button_kind} {number}"
                labels.append(f"[{element.get('text', {}).get('text', '')}: type `{typed}`]")
            if labels:
                out.append("    " + "  ".join(labels))
        elif kind == "input":
            out.append(_input_line(block))
    return "\n".join(out)


def _input_line(block: dict[str, Any]) -> str:
    """A modal's field as ``label: what it holds``, so the console shows what the form is prefilled with."""
    element = block.get("element") or {}
    if element.get("type") == "multi_static_select":
        value = ", ".join(o["value"] for o in element.get("initial_options") or []) or "(choose: submit … #topic)"
    elif element.get("type") == "static_select":
        value = ((element.get("initial_option") or {}).get("text") or {}).get("text", "")
    else:
        value = str(element.get("initial_value") or "")
    label = (block.get("label") or {}).get("text", "")
    return f"▸ {label}: {value}" if value else f"▸ {label}: (empty)"


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
    if call.method == "chat.update":
        return "updates the answer in the channel"
    if call.method == "views.publish":
        return "the App Home tab"
    if call.method == "views.open":
        return "a pop-up window"
    return None
