"""Block Kit for the team's insights, as plain data: the save/edit modal, the review section, DMs.

Pure functions (no Slack calls), tested as data. What a user typed is escaped before it goes into
mrkdwn; plain-text inputs take it as it is (Slack shows plain text literally).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.mrkdwn import escape, link, truncate, truncate_plain
from bot.team.store import TeamClaim
from bot.team.texts import text

SAVE_CALLBACK = "team_save_insight"
EDIT_CALLBACK = "team_edit_insight"
ACTION_APPROVE = "team_approve"
ACTION_EDIT = "team_edit"
ACTION_REJECT = "team_reject"
AUTHOR_OPTION = "author"
PERSON_PREFIX = "person:"

MAX_QUOTE = 3000  # Slack's limit for a plain-text input
MAX_SUMMARY = 300
MAX_EN = 500
MAX_TOPICS = 5
MAX_OPTIONS = 100  # Slack's limit for a select's options
MAX_METADATA = 3000  # Slack's limit for a view's private_metadata
MAX_HOME_BLOCKS = 100
REVIEW_SHOWN = 10


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


def _plain(label: str, limit: int = 75) -> dict[str, Any]:
    return {"type": "plain_text", "text": truncate_plain(label, limit), "emoji": True}


def _option(choice: Choice) -> dict[str, Any]:
    return {"text": _plain(choice.label), "value": choice.value}


def _input(block_id: str, label: str, element: dict[str, Any], *, optional: bool = False, hint: str = "") -> dict:
    block: dict[str, Any] = {
        "type": "input",
        "block_id": block_id,
        "label": _plain(label, 2000),
        "element": {**element, "action_id": block_id},
        "optional": optional,
    }
    if hint:
        block["hint"] = _plain(hint, 2000)
    return block


def save_modal(
    language: str,
    *,
    callback_id: str,
    metadata: dict[str, Any],
    quote: str,
    speakers: Sequence[Choice],
    speaker: str,
    topics: Sequence[Choice],
    chosen_topics: Sequence[str] = (),
    summary: str = "",
    en: str = "",
    context: str = "",
) -> dict[str, Any]:
    """The save (or edit) modal, prefilled; ``metadata`` rides in private_metadata (at most 3,000 characters)."""
    encoded = json.dumps(metadata, ensure_ascii=False, separators=(",", ":"))
    if len(encoded) > MAX_METADATA:
        raise ValueError(f"private_metadata of {len(encoded)} characters exceeds Slack's {MAX_METADATA}")
    speaker_options = [_option(c) for c in speakers[:MAX_OPTIONS]]
    speaker_select: dict[str, Any] = {"type": "static_select", "options": speaker_options}
    initial = next((o for o in speaker_options if o["value"] == speaker), None)
    if initial is not None:
        speaker_select["initial_option"] = initial
    topic_options = [_option(c) for c in topics[:MAX_OPTIONS]]
    topic_select: dict[str, Any] = {
        "type": "multi_static_select",
        "options": topic_options,
        "placeholder": _plain(text(language, "topics_placeholder")),
    }
    chosen = [o for o in topic_options if o["value"] in set(chosen_topics)]
    if chosen:
        topic_select["initial_options"] = chosen
    summary_input: dict[str, Any] = {"type": "plain_text_input", "max_length": MAX_SUMMARY}
    if summary:
        summary_input["initial_value"] = summary[:MAX_SUMMARY]
    en_input: dict[str, Any] = {"type": "plain_text_input", "multiline": True, "max_length": MAX_EN}
    if en:
        en_input["initial_value"] = en[:MAX_EN]
    blocks: list[dict[str, Any]] = []
    if context:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": truncate(context, 2000)}]})
    blocks += [
        _input(
            "quote",
            text(language, "quote_label"),
            {
                "type": "plain_text_input",
                "multiline": True,
                "initial_value": quote[:MAX_QUOTE],
                "max_length": MAX_QUOTE,
            },
        ),
        _input("speaker", text(language, "speaker_label"), speaker_select),
        _input("topics", text(language, "topics_label"), topic_select),
        _input("summary", text(language, "summary_label"), summary_input, hint=text(language, "summary_hint")),
        _input("en", text(language, "en_label"), en_input, optional=True),
    ]
    title_key = "modal_title" if callback_id == SAVE_CALLBACK else "edit_title"
    return {
        "type": "modal",
        "callback_id": callback_id,
        "title": _plain(text(language, title_key), 24),
        "submit": _plain(text(language, "submit"), 24),
        "close": _plain(text(language, "close"), 24),
        "private_metadata": encoded,
        "blocks": blocks,
    }


def notice_modal(language: str, title_key: str, body: str) -> dict[str, Any]:
    """A modal with one message and a close button (already saved, saved, cannot save)."""
    return {
        "type": "modal",
        "title": _plain(text(language, title_key), 24),
        "close": _plain(text(language, "close"), 24),
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": truncate(body, 3000)}}],
    }


def status_label(language: str, status: str) -> str:
    return text(language, f"status_{status}")


def review_blocks(
    language: str,
    rows: Sequence[TeamClaim],
    speaker_names: dict[str, str],
    topic_names: dict[str, str],
    *,
    total: int | None = None,
) -> list[dict[str, Any]]:
    """The curators' section of the App Home: each pending claim with Approve, Edit and Reject."""
    total = len(rows) if total is None else total
    blocks: list[dict[str, Any]] = [
        {"type": "divider"},
        {"type": "header", "text": _plain(text(language, "review_header", count=total), 150)},
    ]
    if not rows:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": text(language, "review_none")}]})
        return blocks
    for row in rows[:REVIEW_SHOWN]:
        speaker = speaker_names.get(row.speaker_id or "", row.author_name) if row.speaker_id else row.author_name
        where = link(row.permalink, text(language, "review_link")) if row.permalink else f"<#{row.channel_id}>"
        quote = "\n".join(">" + line for line in escape(row.quote).splitlines() or [""])
        blocks.append(
            {
                "type": "section",
                "block_id": f"review:{row.claim_id}"[:255],
                "text": {"type": "mrkdwn", "text": truncate(f"*{escape(row.text)}*\n{quote}", 3000)},
            }
        )
        topics = "、".join(escape(topic_names.get(t, t)) for t in row.topics)
        meta = text(language, "review_meta", speaker=escape(speaker), saver=row.saved_by, where=where)
        blocks.append(
            {
                "type": "context",
                "elements": [
                    {"type": "mrkdwn", "text": truncate(meta, 2000)},
                    {"type": "mrkdwn", "text": truncate(text(language, "review_topics", topics=topics), 2000)},
                ],
            }
        )
        blocks.append(
            {
                "type": "actions",
                "block_id": f"actions:{row.claim_id}"[:255],
                "elements": [
                    _button(text(language, "approve"), ACTION_APPROVE, row.claim_id, "primary"),
                    _button(text(language, "edit"), ACTION_EDIT, row.claim_id),
                    _button(text(language, "reject"), ACTION_REJECT, row.claim_id, "danger"),
                ],
            }
        )
    return blocks


def _button(label: str, action_id: str, value: str, style: str | None = None) -> dict[str, Any]:
    button: dict[str, Any] = {"type": "button", "text": _plain(label), "action_id": action_id, "value": value}
    if style:
        button["style"] = style
    return button


def with_section(view: dict[str, Any], section: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """``view`` (a Home tab) with ``section`` appended, within Slack's 100 blocks (the section is cut first)."""
    room = max(0, MAX_HOME_BLOCKS - len(view.get("blocks") or []))
    return {**view, "blocks": [*(view.get("blocks") or []), *list(section)[:room]]}
