"""bot/http_run.py: the app factory ``lundao run`` serves in HTTP mode (real app, fake Slack, SQLite)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.db_migrate import current, head_revision
from bot.http_run import build_served_app
from config.settings import Settings, SettingsError
from tests.corpus_factory import write_corpus, write_tiny_corpus


def test_the_factory_migrates_starts_and_reports_ready(slack_settings: Settings, tmp_path: Path) -> None:
    settings = replace(
        slack_settings,
        knowledge_dir=write_tiny_corpus(tmp_path / "kb"),
        data_dir=tmp_path / "data",
        digest=replace(slack_settings.digest, enabled=True),
    )
    served = build_served_app(settings)
    try:
        state = served.ready() if served.ready else None
        assert state is not None and state.ready
        assert dict(state.checks) == {"knowledge": "ok", "index": "ok", "database": "ok"}
        assert current(settings.effective_database_url) == head_revision()
    finally:
        assert served.close is not None
        served.close()


def test_an_empty_knowledge_base_is_refused(slack_settings: Settings, tmp_path: Path) -> None:
    settings = replace(slack_settings, knowledge_dir=write_corpus(tmp_path / "kb", claims=[]))
    with pytest.raises(SettingsError, match="the knowledge base has no claims"):
        build_served_app(settings)


def test_a_database_down_at_start_does_not_stop_the_app(slack_settings: Settings, tmp_path: Path) -> None:
    settings = replace(
        slack_settings,
        knowledge_dir=write_tiny_corpus(tmp_path / "kb"),
        database_url="postgresql://nobody@127.0.0.1:1/none?connect_timeout=1",
        digest=replace(slack_settings.digest, enabled=True),
    )
    served = build_served_app(settings)  # serves; the digest keeps retrying its migrations in the background
    try:
        assert served.ready is not None
        state = served.ready()
        assert not state.ready and state.checks["knowledge"] == "ok" and state.checks["database"] != "ok"
    finally:
        assert served.close is not None
        served.close()


def test_the_factory_builds_on_the_corpus_preflight_loaded(slack_settings: Settings, tmp_path: Path) -> None:
    # lundao run's master loads the knowledge base before forking; the worker must not read the YAML again.
    from knowledge.loader import load_corpus

    corpus = load_corpus(write_tiny_corpus(tmp_path / "kb"))
    settings = replace(slack_settings, knowledge_dir=tmp_path / "not-there", data_dir=tmp_path / "data")
    served = build_served_app(settings, corpus)
    try:
        assert served.ready is not None and served.ready().checks["knowledge"] == "ok"
    finally:
        assert served.close is not None
        served.close()
    with pytest.raises(SettingsError, match="cannot be loaded"):
        build_served_app(settings)  # without it, the folder is read (and here it is missing)


def test_preflight_refuses_in_one_line_and_leaves_the_worker_a_parsed_copy(
    slack_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import knowledge.loader as loader
    from bot.http_run import preflight

    broken = replace(slack_settings, knowledge_dir=write_corpus(tmp_path / "broken", claims=[{"id": "c1"}]))
    with pytest.raises(SettingsError, match=r"^the knowledge base cannot be loaded: .*lundao corpus check"):
        preflight(broken)
    empty = replace(slack_settings, knowledge_dir=write_corpus(tmp_path / "empty", claims=[]))
    with pytest.raises(SettingsError, match="the knowledge base has no claims"):
        preflight(empty)

    good = replace(slack_settings, knowledge_dir=write_tiny_corpus(tmp_path / "kb"), data_dir=tmp_path / "data")
    claims = preflight(good)
    assert claims > 0
    # The master checked it in a child that saved the parsed copy: the worker reads no YAML.
    monkeypatch.setattr(loader, "read_corpus", lambda *a: pytest.fail("the worker read the YAML again"))
    monkeypatch.setattr(loader.multiprocessing, "get_context", lambda *a: pytest.fail("forked again"))
    assert preflight(good) == claims  # and a second start's master does not fork again
    served = build_served_app(good)
    try:
        assert served.ready is not None and served.ready().checks["knowledge"] == "ok"
    finally:
        assert served.close is not None
        served.close()
