"""knowledge/snapshot.py: the parsed copy of a knowledge base that spares a start the YAML read."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import knowledge.loader as loader
from knowledge.loader import BUNDLED_DATA_DIR, KnowledgeBaseUnavailable, load_corpus, servable_claim_count
from knowledge.models import Corpus
from knowledge.snapshot import load_snapshot, saved_claim_count, snapshot_key, snapshot_path
from tests.corpus_factory import claim, write_corpus, write_tiny_corpus


def _no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the YAML was read although a parsed copy was saved")

    monkeypatch.setattr(loader, "read_corpus", refuse)


def _same(a: Corpus, b: Corpus) -> None:
    assert a == b  # every field but the locations (compare=False), which are checked apart
    for mine, theirs in ((a.claims, b.claims), (a.drafts, b.drafts)):
        assert [c.location for c in mine] == [c.location for c in theirs]
    for name in ("sources", "people", "topics", "entities"):
        mine, theirs = getattr(a, name), getattr(b, name)
        assert list(mine) == list(theirs)
        assert [r.location for r in mine.values()] == [r.location for r in theirs.values()]


def test_the_bundled_knowledge_base_comes_back_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    read = load_corpus(BUNDLED_DATA_DIR, snapshot=False)
    load_corpus(BUNDLED_DATA_DIR)  # reads the files, saves the copy
    _no_yaml(monkeypatch)
    again = load_corpus(BUNDLED_DATA_DIR)
    _same(again, read)
    assert again.claim(read.claims[0].id) == read.claims[0]  # the id map is rebuilt too
    assert any(s.date is not None for s in again.sources.values())


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "kb", claims=[claim(id="c1", text="原来的说法")])
    assert load_corpus(folder).claims[0].text == "原来的说法"
    write_corpus(folder, claims=[claim(id="c1", text="改过的说法")])
    assert load_corpus(folder).claims[0].text == "改过的说法"


def test_a_damaged_copy_is_logged_and_not_used(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = write_tiny_corpus(tmp_path / "kb")
    expected = load_corpus(folder)
    path = snapshot_path(folder)
    data = bytearray(path.read_bytes())
    at = data.index(b"claims", data.index(b"\n"))  # inside the body, past the header line
    data[at] = ord("k")
    path.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING):
        assert load_snapshot(folder, snapshot_key(folder)) is None
        _same(load_corpus(folder), expected)
    assert "checksum mismatch" in caplog.text


def test_a_broken_knowledge_base_is_never_saved(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "kb", claims=[claim(id="c1", speaker="nobody-known")])
    with pytest.raises(loader.CorpusError):
        load_corpus(folder)
    assert saved_claim_count(folder, snapshot_key(folder)) is None
    with pytest.raises(KnowledgeBaseUnavailable, match="nobody-known"):
        servable_claim_count(folder, KnowledgeBaseUnavailable)


def test_the_servable_count_is_checked_in_a_child_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_tiny_corpus(tmp_path / "kb")
    expected = len(load_corpus(folder, snapshot=False).claims)
    assert saved_claim_count(folder, snapshot_key(folder)) is None
    assert servable_claim_count(folder, KnowledgeBaseUnavailable) == expected  # a child read and saved it
    assert saved_claim_count(folder, snapshot_key(folder)) == expected
    monkeypatch.setattr(loader.multiprocessing, "get_context", lambda *a: pytest.fail("forked again"))
    _no_yaml(monkeypatch)
    assert servable_claim_count(folder, KnowledgeBaseUnavailable) == expected
    assert len(load_corpus(folder).claims) == expected


def test_a_missing_folder_is_refused_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseUnavailable, match="knowledge base folder not found"):
        servable_claim_count(tmp_path / "not-there", KnowledgeBaseUnavailable)


def test_a_cache_that_cannot_be_written_only_costs_the_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("LUNDAO_CACHE_DIR", str(blocker / "cache"))  # mkdir fails under a file, even as root
    folder = write_tiny_corpus(tmp_path / "kb")
    assert load_corpus(folder).claims == load_corpus(folder, snapshot=False).claims
    assert saved_claim_count(folder, snapshot_key(folder)) is None
