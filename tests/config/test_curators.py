"""The ``curators`` setting: Slack user ids who review insights saved from Slack."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.settings import SettingsError, load_settings


def _settings_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "settings.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_curators_are_read_from_the_file(tmp_path: Path) -> None:
    settings = load_settings({}, _settings_file(tmp_path, "curators: [U012ABCDEF, W0CURATOR]\n"))
    assert settings.curators == ("U012ABCDEF", "W0CURATOR")
    assert load_settings({}, _settings_file(tmp_path, "bot_name: lundao\n")).curators == ()


@pytest.mark.parametrize("value", ["U012ABCDEF", "[someone]", "[123]"])
def test_curators_that_are_not_user_ids_stop_with_one_line(tmp_path: Path, value: str) -> None:
    with pytest.raises(SettingsError, match="curators must be a list of Slack user ids"):
        load_settings({}, _settings_file(tmp_path, f"curators: {value}\n"))


def test_digest_admins_are_checked_the_same_way(tmp_path: Path) -> None:
    assert load_settings({}, _settings_file(tmp_path, "digest: {admins: [U012ABCDEF]}\n")).digest.admins == (
        "U012ABCDEF",
    )
    with pytest.raises(SettingsError, match=r"digest\.admins must be a list of Slack user ids"):
        load_settings({}, _settings_file(tmp_path, "digest: {admins: [someone]}\n"))
