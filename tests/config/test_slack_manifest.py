"""config/slack-manifest.yaml creates the app this code expects: same command, shortcut, events, scopes."""

from __future__ import annotations

import yaml

from bot.listeners.shortcuts.find_related import FIND_RELATED
from bot.listeners.shortcuts.save_insight import SAVE_INSIGHT
from config.settings import DEFAULT_SETTINGS_FILE, load_settings
from tests.support import REPO_ROOT

MANIFEST = REPO_ROOT / "config" / "slack-manifest.yaml"


def test_manifest_matches_the_code() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    settings = load_settings({}, DEFAULT_SETTINGS_FILE)
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == [settings.command]
    assert [s["callback_id"] for s in manifest["features"]["shortcuts"] if s["type"] == "message"] == [
        FIND_RELATED,
        SAVE_INSIGHT,
    ]
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == {"app_mention", "app_home_opened"}
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["settings"]["socket_mode_enabled"] is True
    needed = {"commands", "chat:write", "chat:write.public", "app_mentions:read", "users:read", "im:write"}
    # The digest joins public channels and, after a crash mid-post, reads history to avoid a repeat.
    needed |= {"channels:join", "channels:history", "groups:history"}
    assert needed <= set(manifest["oauth_config"]["scopes"]["bot"])
