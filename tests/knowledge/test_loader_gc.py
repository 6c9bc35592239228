"""knowledge/loader.py pauses the cyclic garbage collector while it reads, and leaves it as it found it."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from knowledge.loader import load_corpus, read_corpus
from tests.corpus_factory import write_tiny_corpus


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_leaves_the_collector_as_it_was(tmp_path: Path, enabled: bool) -> None:
    folder = write_tiny_corpus(tmp_path / "kb")
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        corpus = load_corpus(folder)
        assert corpus.claims
        assert gc.isenabled() is enabled
        read_corpus(tmp_path / "missing")  # a folder that is not there: an early return, same rule
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_the_collector_is_paused_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import knowledge.loader as loader

    seen: list[bool] = []
    real = loader._load_claims

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(loader, "_load_claims", spy)
    gc.enable()
    load_corpus(write_tiny_corpus(tmp_path / "kb"))
    assert seen == [False] and gc.isenabled()
