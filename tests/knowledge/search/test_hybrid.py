"""The hybrid prototype on the tiny corpus: stop words, unknown names, the gate, the lexical view."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.search import SearchEngine
from knowledge.search.embedding import HashingStubEmbedder
from knowledge.search.hybrid import (
    HybridSettings,
    QueryStopWords,
    hybrid_search,
    lexical_view,
    library_stop_words,
    unknown_names,
)
from knowledge.search.vectors import build_claim_vectors

pytest.importorskip("stopwordsiso")


@pytest.fixture(scope="module")
def engine(tiny_corpus) -> SearchEngine:  # type: ignore[no-untyped-def]
    return SearchEngine.build(tiny_corpus, use_cache=False)


def test_library_lists_hold_question_words_of_both_languages() -> None:
    words = library_stop_words("iso")
    assert {"什么", "怎么", "为什么", "吗", "呢", "does", "much", "how", "what"} <= words


def test_question_words_are_dropped_before_stemming(engine: SearchEngine) -> None:
    stop = QueryStopWords(engine, library_stop_words("iso"))
    rewritten = stop.rewrite("how much does the GPU shortage matter, 为什么呢")
    assert "does" not in rewritten.split() and "much" not in rewritten.split()  # "does" would stem to "doe"
    assert rewritten.split()[:2] == ["gpu", "shortage"]  # content words stay, whole and unstemmed
    assert "为什么" not in rewritten and "呢" not in rewritten
    assert stop.rewrite("what is it") == ""  # only stop words: nothing left to search for


def test_lexical_view_reproduces_the_engine(engine: SearchEngine) -> None:
    for query in ("开源模型", "算力短缺 GPU", "infra 人才", "今天天气怎么样"):
        expected = [h.claim.id for h in engine.search(query, limit=5).hits]
        view = lexical_view(engine, query)
        assert [engine.corpus.claims[i].id for i in view.hits[:5]] == expected
        assert view.answered == bool(expected)


def test_unknown_latin_names_are_named_as_typed(engine: SearchEngine) -> None:
    query = "What does Qwen2.5-Max say about 开源"
    names = unknown_names(engine, query, lexical_view(engine, query))
    assert names == ["Qwen2.5-Max"]  # not "What": a capital at the start of a sentence is no name


def test_gate_refuses_off_topic_and_names_what_it_never_heard_of(engine: SearchEngine) -> None:
    stub = HashingStubEmbedder(64)
    vectors, _ = build_claim_vectors(engine.corpus.claims, stub)
    settings = HybridSettings(min_dense_z=50.0)  # the stub's cosines never stand out this far

    def run(query: str):  # type: ignore[no-untyped-def]
        return hybrid_search(engine, vectors, stub.embed_queries([query])[0], query, settings)

    off = run("how to cook rice")
    assert off.hits == () and off.refused_because == "both gates"
    named = run("Mixtral 开源模型")
    assert named.hits == () and named.unknown == ("Mixtral",)
    assert named.why == ("nothing on Mixtral in the knowledge base",)
    answered = run("开源模型")
    assert answered.hits and engine.corpus.claims[answered.hits[0].position].id in {
        h.claim.id for h in engine.search("开源模型").hits
    }


def test_dense_evidence_alone_can_answer(engine: SearchEngine) -> None:
    stub = HashingStubEmbedder(64)
    vectors, _ = build_claim_vectors(engine.corpus.claims, stub)
    claim = engine.corpus.claims[0]
    query = "zzzz " + claim.text  # lexically refused? then only the dense side can answer it
    vector = vectors.matrix[0]
    strict = hybrid_search(engine, vectors, vector, query, HybridSettings(min_dense_z=50.0))
    lenient = hybrid_search(engine, vectors, vector, query, HybridSettings(min_dense_z=0.5, min_shown_z=0.5))
    assert lenient.hits and lenient.hits[0].position == 0
    assert lenient.hits[0].cosine == pytest.approx(1.0, abs=1e-5)
    assert len(strict.hits) <= len(lenient.hits)
    assert np.isfinite([h.dense_z for h in lenient.hits]).all()
