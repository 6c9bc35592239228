"""feedback.store_user_ids, retention_days, phrasings_per_claim: defaults (no user ids), the file, what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.settings import DEFAULT_SETTINGS_FILE, FeedbackSettings, SettingsError, load_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_by_default_no_user_id_is_stored(tmp_path: Path) -> None:
    assert load_settings({}, write(tmp_path, "language: zh\n")).feedback == FeedbackSettings()
    assert FeedbackSettings().store_user_ids is False
    assert load_settings({}, DEFAULT_SETTINGS_FILE).feedback == FeedbackSettings()  # the bundled file agrees


def test_the_file_sets_them(tmp_path: Path) -> None:
    path = write(tmp_path, "feedback:\n  store_user_ids: yes\n  retention_days: 30\n  phrasings_per_claim: 0\n")
    assert load_settings({}, path).feedback == FeedbackSettings(True, 30, 0)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("feedback:\n  retention_days: 0\n", "feedback.retention_days must be between 1 and 3650"),
        ("feedback:\n  store_user_ids: maybe\n", "feedback.store_user_ids must be true or false"),
        ("feedback:\n  keep_forever: true\n", "unknown feedback setting(s): keep_forever"),
        ("feedback: [1]\n", "feedback must be a mapping"),
    ],
)
def test_bad_values_are_one_line_naming_the_setting(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_settings({}, write(tmp_path, text))
