"""Shared fixtures: an environment that leaves nothing behind, the tiny knowledge base, a fake Slack.

Every test runs without the developer's ``SLACK_*`` / ``LUNDAO_*`` variables and with caches in a
temporary folder (never ``~/.cache/lundao``). Constants and factories live in ``tests/support.py``
and ``tests/corpus_factory.py``, not here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from config.settings import Secret, Settings
from knowledge.loader import load_corpus
from knowledge.models import Corpus
from tests.corpus_factory import write_tiny_corpus
from tests.support import ISOLATED_PREFIXES, KEPT_PREFIXES, SIGNING_SECRET

CACHE_ENV = "LUNDAO_CACHE_DIR"  # honoured by knowledge.search.lexicon.cache_dir()
EMBEDDER_ENV = "LUNDAO_EMBEDDER"  # honoured by config.settings (search.embedder)


def _isolate(monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    for name in list(os.environ):
        if name.startswith(ISOLATED_PREFIXES) and not name.startswith(KEPT_PREFIXES):
            monkeypatch.delenv(name)
    monkeypatch.setenv(CACHE_ENV, str(cache))
    monkeypatch.setenv(EMBEDDER_ENV, "stub")  # tests never load a real model (the shipped vectors' header aside)


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the whole run, so the search index's lexicon is built once, not per test."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="session", autouse=True)
def _isolated_session(cache_dir: Path) -> Iterator[None]:
    """The same isolation for session- and module-scoped fixtures, which run before any test's own."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        _isolate(monkeypatch, cache_dir)
        monkeypatch.setenv("XDG_DATA_HOME", str(cache_dir / "xdg-data"))
        yield


@pytest.fixture(autouse=True)
def _isolated_test(monkeypatch: pytest.MonkeyPatch, cache_dir: Path, tmp_path: Path) -> None:
    """Each test starts clean again: what an earlier test set is gone (monkeypatch restores it after).

    The default SQLite database lives under XDG_DATA_HOME (config.settings.default_data_dir): each
    test gets its own, never the developer's ~/.local/share/lundao.
    """
    _isolate(monkeypatch, cache_dir)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture(scope="session")
def tiny_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """Six claims from one source, three speakers, five topics (one without claims)."""
    return load_corpus(write_tiny_corpus(tmp_path_factory.mktemp("kb")))


@pytest.fixture
def fake_slack() -> Iterator[object]:
    """A running local fake of Slack's Web API and response URLs (see bot/fake_slack.py)."""
    from bot.fake_slack import FakeSlack

    with FakeSlack() as slack:
        yield slack


@pytest.fixture
def slack_settings(fake_slack: object) -> Settings:
    """Settings for an HTTP-mode app talking to ``fake_slack``; never the developer's environment."""
    return replace(
        Settings(),
        bot_token=Secret("xoxb-test-token"),
        signing_secret=Secret(SIGNING_SECRET),
        api_base_url=fake_slack.api_url,  # type: ignore[attr-defined]
    )
