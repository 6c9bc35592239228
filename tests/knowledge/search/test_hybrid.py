"""Hybrid search on the tiny corpus (stub embedder): stop words, the lexical view, unknown names, the gate."""

from __future__ import annotations

import logging
from dataclasses import replace

import numpy as np
import pytest

from knowledge.models import Corpus
from knowledge.search import SearchEngine
from knowledge.search.embedding import HashingStubEmbedder
from knowledge.search.hybrid import GateDecision, GateInputs, HybridSettings, SemanticSide, gate, unknown_names
from knowledge.text import library_stop_words

pytest.importorskip("stopwordsiso")


@pytest.fixture(scope="module")
def engine(tiny_corpus: Corpus) -> SearchEngine:
    return SearchEngine.build(tiny_corpus, use_cache=False)


@pytest.fixture(scope="module")
def hybrid(tiny_corpus: Corpus) -> SearchEngine:
    return SearchEngine.build(tiny_corpus, use_cache=False, embedder=HashingStubEmbedder(64))


def test_library_lists_hold_question_words_of_both_languages() -> None:
    words = library_stop_words()
    assert {"什么", "怎么", "为什么", "吗", "呢", "does", "much", "how", "what"} <= words


def test_question_words_are_dropped_before_stemming(engine: SearchEngine) -> None:
    terms = engine.pipeline.terms("how much does the GPU shortage matter, 为什么呢")
    assert "doe" not in terms and "much" not in terms and "how" not in terms  # "does" would stem to "doe"
    assert "gpu" in terms and "shortag" in terms
    assert "为什么" not in terms and "呢" not in terms


def test_a_query_of_stop_words_alone_has_no_answer(engine: SearchEngine) -> None:
    assert engine.search("what is it, how does it do that").hits == ()


def test_lexical_view_is_the_engines_answer(engine: SearchEngine) -> None:
    for query in ("开源模型", "算力短缺 GPU", "infra 人才", "今天天气怎么样", "by:李开复"):
        result = engine.search(query, limit=5)
        view = engine.score_all(query)
        assert [engine.corpus.claims[i].id for i in view.hits[:5]] == [h.claim.id for h in result.hits]
        assert [h.score for h in result.hits] == list(view.hit_scores[:5])
        assert view.answered == bool(result.hits) and view.total == result.total
        assert len(view.score) == len(engine.corpus.claims)  # every claim, not only the eligible ones


def test_unknown_latin_names_are_named_as_typed(engine: SearchEngine) -> None:
    query = "What does Qwen2.5-Max say about 开源"
    assert unknown_names(query, engine.score_all(query)) == ["Qwen2.5-Max"]  # not "What"
    query = "how much did DeepSeek R1 cost, vs 开源模型"
    assert unknown_names(query, engine.score_all(query)) == ["DeepSeek R1"]  # one name, its version with it


def test_without_an_embedder_search_is_lexical_and_explain_says_so(engine: SearchEngine) -> None:
    assert engine.semantic is None
    result = engine.search("开源模型", explain=True)
    assert result.notes and "lexical-only" in result.notes[0]


def test_an_embedder_that_cannot_load_leaves_search_lexical(tiny_corpus: Corpus, caplog) -> None:  # type: ignore[no-untyped-def]
    with caplog.at_level(logging.WARNING):
        broken = SearchEngine.build(tiny_corpus, use_cache=False, embedder="sentence-transformers:no/such-model")
    assert broken.semantic is None
    assert "cannot load" in broken.search("开源模型", explain=True).notes[0]
    lexical = SearchEngine.build(tiny_corpus, use_cache=False)
    assert [h.claim.id for h in broken.search("开源模型").hits] == [h.claim.id for h in lexical.search("开源模型").hits]


def test_hybrid_answers_what_the_lexical_gate_passes_and_explains_both_sides(hybrid: SearchEngine) -> None:
    assert hybrid.semantic is not None
    lexical_ids = {i for i in hybrid.score_all("开源模型").hits}
    result = hybrid.search("开源模型", explain=True)
    assert result.hits and hybrid.corpus.claims.index(result.hits[0].claim) in lexical_ids
    why = result.hits[0].why
    assert why[0].startswith("lexical: rank") and why[1].startswith("semantic: ")
    assert any(note.startswith("gate passed: lexical match") for note in result.notes)


def test_hybrid_refuses_off_topic_and_names_what_it_never_heard_of(hybrid: SearchEngine) -> None:
    off = hybrid.search("how to cook rice", explain=True)
    assert off.hits == () and off.refusal == ""
    assert any(note.startswith("gate refused: no lexical match") for note in off.notes)
    named = hybrid.search("Mixtral 开源模型")
    assert named.hits == () and named.refusal == "nothing on Mixtral in the knowledge base"


def test_dense_evidence_alone_can_answer(hybrid: SearchEngine) -> None:
    assert hybrid.semantic is not None
    claim = hybrid.corpus.claims[0]
    query = "zzzz qqqq wwww vvvv kkkk " + claim.en  # unknown words sink the lexical gate; the stub sees the gloss
    assert not hybrid.score_all(query).answered
    strict, lenient = HybridSettings(min_dense_z=50.0), HybridSettings(min_dense_z=0.5, min_shown_z=0.5)
    side = hybrid.semantic
    try:
        side.settings = strict
        assert hybrid.search(query).hits == ()
        side.settings = lenient
        answered = hybrid.search(query)
    finally:
        side.settings = HybridSettings()
    assert answered.hits and answered.hits[0].claim.id == claim.id


def test_the_gate_is_one_function_of_both_sides_evidence(hybrid: SearchEngine) -> None:
    view = hybrid.score_all("开源模型")
    cosines = np.zeros(len(hybrid.corpus.claims), dtype=np.float32)
    inputs = GateInputs("开源模型", view, np.zeros(4, np.float32), cosines, cosines, ())
    assert gate(inputs, HybridSettings()) == GateDecision(True, gate(inputs, HybridSettings()).reason)
    refused = gate(replace(inputs, view=replace(view, hits=(), hit_scores=(), total=0)), HybridSettings())
    assert not refused.answer and refused.refusal == ""
    named = gate(replace(inputs, unknown_names=("Sora",)), HybridSettings())
    assert not named.answer and named.refusal == "nothing on Sora in the knowledge base"


def test_filters_restrict_the_dense_side_too(hybrid: SearchEngine) -> None:
    speaker = hybrid.corpus.claims[0].speaker_id
    name = hybrid.corpus.people[speaker].zh
    result = hybrid.search(f"by:{name} 开源模型 zzzz")
    assert all(h.claim.speaker_id == speaker for h in result.hits)


def test_semantic_side_rows_follow_the_corpus_order(hybrid: SearchEngine) -> None:
    side = hybrid.semantic
    assert isinstance(side, SemanticSide)
    assert side.vectors.ids == tuple(c.id for c in hybrid.corpus.claims)


def test_a_repeated_query_is_embedded_once(tiny_corpus: Corpus) -> None:
    class Counting(HashingStubEmbedder):
        calls = 0

        def embed_queries(self, texts):  # type: ignore[no-untyped-def]
            Counting.calls += 1
            return super().embed_queries(texts)

    engine = SearchEngine.build(tiny_corpus, use_cache=False, embedder=Counting(64))
    first = engine.search("开源模型", limit=1)
    more = engine.search("开源模型", limit=1, offset=1)  # the "More" button: same query, next page
    assert Counting.calls == 1
    assert first.hits and more.hits and first.hits[0] != more.hits[0]
