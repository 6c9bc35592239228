"""Requests as Slack sends them to the app, signed: slash-command forms, event JSON, interaction payloads.

Used by the console, the tests and the benchmarks to drive the real Bolt app the way Slack would;
the fake Web API the app talks back to is ``bot.fake_slack``.
"""

from __future__ import annotations

import itertools
import json
import time
from typing import Any
from urllib.parse import urlencode

from bot.fake_slack import BOT_USER_ID, TEAM_ID

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


def signed_headers(
    signing_secret: str, body: str, content_type: str, *, timestamp: int | None = None
) -> dict[str, str]:
    """The headers Slack adds: X-Slack-Request-Timestamp and the v0 HMAC signature of the body."""
    from slack_sdk.signature import SignatureVerifier

    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(signing_secret).generate_signature(timestamp=stamp, body=body)
    return {
        "content-type": content_type,
        "x-slack-request-timestamp": stamp,
        "x-slack-signature": signature or "",
    }


def slash_command_body(
    text: str,
    *,
    command: str = "/insight",
    user_id: str = "UFAKEUSER1",
    channel_id: str = "CFAKECHAN1",
    response_url: str = "",
    trigger_id: str = "1.2.fake",
) -> str:
    return urlencode(
        {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "team_domain": "fake-workspace",
            "channel_id": channel_id,
            "channel_name": "general",
            "user_id": user_id,
            "user_name": "someone",
            "command": command,
            "text": text,
            "api_app_id": "AFAKEAPP01",
            "response_url": response_url,
            "trigger_id": trigger_id,
        }
    )


_event_ids = itertools.count(1)


def event_body(event: dict[str, Any], *, event_id: str | None = None) -> str:
    return json.dumps(
        {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "api_app_id": "AFAKEAPP01",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{int(time.time())}{next(_event_ids):06d}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
        },
        ensure_ascii=False,
    )


def mention_event(
    text: str, *, user: str = "UFAKEUSER1", channel: str = "CFAKECHAN1", ts: str, thread_ts: str | None = None
) -> dict[str, Any]:
    event = {
        "type": "app_mention",
        "user": user,
        "text": f"<@{BOT_USER_ID}> {text}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def _payload_body(payload: dict[str, Any]) -> str:
    return urlencode({"payload": json.dumps(payload, ensure_ascii=False)})


def _clicked_button(action: dict[str, Any]) -> dict[str, Any]:
    """``action`` (a button dict from our blocks, with its block_id) as a click payload's ``actions`` item."""
    return {
        "type": "button",
        "action_id": action.get("action_id"),
        "block_id": action.get("block_id", ""),
        "value": action.get("value", ""),
        "text": action.get("text") or {"type": "plain_text", "text": "button"},
        "action_ts": f"{time.time():.6f}",
    }


def block_actions_body(
    action: dict[str, Any],
    *,
    user_id: str = "UFAKEUSER1",
    channel_id: str = "CFAKECHAN1",
    response_url: str | None = None,
    message_ts: str = "1700000000.000100",
    trigger_id: str = "1.2.fake",
    message: dict[str, Any] | None = None,
) -> str:
    """A click on ``action`` (a button dict from our blocks: action_id, value, and its block_id).

    ``message``: the message the button is on, when it is a message in the channel (Slack sends those
    back with the click); without it the click is on an ephemeral message, which Slack does not send."""
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": {"id": user_id, "username": "someone", "team_id": TEAM_ID},
        "api_app_id": "AFAKEAPP01",
        "token": "legacy-verification-token",
        "container": {"type": "message", "message_ts": message_ts, "channel_id": channel_id, "is_ephemeral": True},
        "trigger_id": trigger_id,
        "team": {"id": TEAM_ID, "domain": "fake-workspace"},
        "channel": {"id": channel_id, "name": "general"},
        "actions": [_clicked_button(action)],
    }
    if response_url:
        payload["response_url"] = response_url
    if message is not None:
        payload["message"] = message
        payload["container"].update(is_ephemeral=False, message_ts=message.get("ts", message_ts))
    return _payload_body(payload)


def message_shortcut_body(
    callback_id: str,
    message: dict[str, Any],
    *,
    user_id: str = "UFAKEUSER1",
    channel_id: str = "CFAKECHAN1",
    response_url: str = "",
) -> str:
    return _payload_body(
        {
            "type": "message_action",
            "callback_id": callback_id,
            "trigger_id": "1.2.fake",
            "action_ts": f"{time.time():.6f}",
            "team": {"id": TEAM_ID, "domain": "fake-workspace"},
            "user": {"id": user_id, "name": "someone", "team_id": TEAM_ID},
            "channel": {"id": channel_id, "name": "general"},
            "message": message,
            "message_ts": message.get("ts"),
            "response_url": response_url,
            "token": "legacy-verification-token",
        }
    )


def modal_state(view: dict[str, Any], answers: dict[str, Any] | None = None) -> dict[str, Any]:
    """The ``state.values`` Slack sends when ``view`` (a modal we opened) is submitted.

    Each input keeps its initial value unless ``answers`` (block id → text, one option value, or a list
    of option values) says what the user typed or chose instead.
    """
    answers = answers or {}
    values: dict[str, Any] = {}
    for block in view.get("blocks") or []:
        if block.get("type") != "input":
            continue
        element = block["element"]
        block_id, kind = block["block_id"], element["type"]
        options = {o["value"]: o for o in element.get("options") or []}
        given = answers.get(block_id)
        if kind == "multi_static_select":
            chosen = given if given is not None else [o["value"] for o in element.get("initial_options") or []]
            state = {"type": kind, "selected_options": [options.get(v, {"value": v}) for v in chosen]}
        elif kind == "static_select":
            value = given if given is not None else (element.get("initial_option") or {}).get("value")
            state = {"type": kind, "selected_option": options.get(value, {"value": value}) if value else None}
        else:
            state = {"type": kind, "value": given if given is not None else element.get("initial_value")}
        values[block_id] = {element["action_id"]: state}
    return values


def view_submission_body(
    view: dict[str, Any], values: dict[str, Any], *, user_id: str = "UFAKEUSER1", view_id: str = "VFAKEVIEW"
) -> str:
    """The submission of ``view`` with ``values`` (see ``modal_state``), as Slack posts it."""
    return _payload_body(
        {
            "type": "view_submission",
            "team": {"id": TEAM_ID, "domain": "fake-workspace"},
            "user": {"id": user_id, "username": "someone", "team_id": TEAM_ID},
            "api_app_id": "AFAKEAPP01",
            "token": "legacy-verification-token",
            "trigger_id": "1.2.fake",
            "view": {**view, "id": view_id, "team_id": TEAM_ID, "state": {"values": values}},
            "response_urls": [],
        }
    )


def home_block_actions_body(action: dict[str, Any], *, user_id: str = "UFAKEUSER1") -> str:
    """A click on ``action`` (a button dict with its block_id) in the App Home tab: no channel, no response_url."""
    return _payload_body(
        {
            "type": "block_actions",
            "user": {"id": user_id, "username": "someone", "team_id": TEAM_ID},
            "api_app_id": "AFAKEAPP01",
            "token": "legacy-verification-token",
            "container": {"type": "view", "view_id": "VFAKEHOME"},
            "trigger_id": "1.2.fake",
            "team": {"id": TEAM_ID, "domain": "fake-workspace"},
            "view": {"id": "VFAKEHOME", "type": "home"},
            "actions": [_clicked_button(action)],
        }
    )
