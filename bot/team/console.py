"""The console's side of the team's insights: save a message, fill in the modal, review in the Home.

``save 我们认为……`` posts the text as your message in #general and runs the "Save as insight" shortcut
on it (``save`` alone: the latest message in #general); the modal it opens is shown with its fields.
``submit SUMMARY #topic … [by:person-id] [en: GLOSS]`` submits it (``quote: …`` to cut the quote); what is
wrong is answered as Slack would show it on each field, and the modal stays open for another ``submit``.
``home`` shows the review section (you are a curator), ``approve N``, ``edit N``, ``reject N`` click.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from bot.console_text import render_message
from bot.listeners.shortcuts.save_insight import SAVE_INSIGHT
from bot.slack_payloads import FORM, message_shortcut_body, modal_state, view_submission_body
from bot.team.blocks import AUTHOR_OPTION, PERSON_PREFIX

if TYPE_CHECKING:
    from bot.console import Console

_EN = re.compile(r"\ben:\s*(.*)$", re.IGNORECASE | re.DOTALL)
_QUOTE = re.compile(r"\bquote:\s*(.*?)(?=\s+(?:en:|#|by:)|$)", re.IGNORECASE | re.DOTALL)
USAGE = "(usage: submit 一句话总结 #topic [#topic …] [by:person-id] [en: English gloss] [quote: the part to keep])"


def parse_submit(text: str, view: dict[str, Any]) -> dict[str, Any]:
    """What ``submit …`` typed, as answers for ``modal_state``; topics by id or by their shown name."""
    answers: dict[str, Any] = {}
    en = _EN.search(text)
    if en:
        answers["en"] = en.group(1).strip()
        text = text[: en.start()]
    quote = _QUOTE.search(text)
    if quote:
        answers["quote"] = quote.group(1).strip()
        text = text[: quote.start()] + text[quote.end() :]
    inputs = {b["block_id"]: b["element"] for b in view.get("blocks") or [] if b.get("type") == "input"}
    topic_options = inputs.get("topics", {}).get("options") or []
    topics: list[str] = []
    summary: list[str] = []
    for word in text.split():
        if word.startswith(("#", "＃")) and len(word) > 1:
            name = word[1:].lower()
            found = [o["value"] for o in topic_options if name in (o["value"], *o["text"]["text"].lower().split(" · "))]
            topics.append(found[0] if found else name)
        elif word.lower().startswith("by:"):
            person = word[3:]
            answers["speaker"] = AUTHOR_OPTION if person in ("", "author", "me") else PERSON_PREFIX + person
        else:
            summary.append(word)
    answers["summary"] = " ".join(summary)
    if topics:
        answers["topics"] = topics
    return answers


class TeamConsole:
    """The console's team commands; ``console`` renders what the app did, as for every other command."""

    def __init__(self, console: Console):
        self.console = console
        self.form: dict[str, Any] | None = None
        """The save or edit modal open now (``submit`` submits it)."""

    def save(self, text: str) -> str:
        console = self.console
        if text:
            message = {"type": "message", "user": console.user_id, "text": text, "ts": console.next_ts()}
            console.fake.messages.setdefault(console.channel_id, []).append(message)
        else:
            posted = console.fake.messages.get(console.channel_id) or []
            if not posted:
                return "(nothing in #general to save yet: `save 我们认为……` saves your own message)"
            message = posted[-1]
        body = message_shortcut_body(
            SAVE_INSIGHT,
            message,
            user_id=console.user_id,
            channel_id=console.channel_id,
            response_url=console.fake.new_response_url(),
        )
        shown = console.run(body, FORM)
        return shown + ("\n" + USAGE if self.form is not None else "")

    def opened(self, view: dict[str, Any]) -> None:
        """A modal was opened: a form (it has inputs) is what the next ``submit`` answers."""
        if any(b.get("type") == "input" for b in view.get("blocks") or []):
            self.form = view

    def submit(self, text: str) -> str:
        if self.form is None:
            return "(no form is open: `save 我们认为……` opens one, or `edit N` in the Home)"
        if not text.strip():
            return USAGE
        view = self.form
        body = view_submission_body(view, modal_state(view, parse_submit(text, view)), user_id=self.console.user_id)
        mark = len(self.console.fake.calls)
        self.console.buttons = []
        response = self.console.dispatch(body, FORM)
        answer = json.loads(response.body) if response.body else {}
        if answer.get("response_action") == "errors":
            errors = "\n".join(f"  {field}: {message}" for field, message in answer.get("errors", {}).items())
            return f"┌ the pop-up window stays open, with what you typed\n{errors}\n└\n{USAGE}"
        self.form = None
        shown = self.console.render_calls(mark)
        if answer.get("response_action") == "update":
            shown = render_message("the pop-up window", answer["view"], self.console.buttons) + "\n" + shown
        return shown.strip() or "(the pop-up window closed)"
