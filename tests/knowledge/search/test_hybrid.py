"""Hybrid search on the tiny corpus (stub embedder): stop words, the lexical view, unknown names, the gate."""

from __future__ import annotations

import logging
from dataclasses import replace

import numpy as np
import pytest

from knowledge.models import Corpus
from knowledge.search import SearchEngine
from knowledge.search.embedding import HashingStubEmbedder
from knowledge.search.gate import GateSettings, decide
from knowledge.search.hybrid import HybridSettings, SemanticSide, dense_z, gate_inputs, rank, unknown_names
from knowledge.search.results import LexicalView
from knowledge.stop_words import library_stop_words

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
    query = "what does Zorblax's founder think of Infra"
    assert unknown_names(query, engine.score_all(query)) == ["Zorblax"]  # named without its possessive


def test_a_known_name_with_a_possessive_is_known(engine: SearchEngine) -> None:
    for query in ("what is Infra's view", "Infra’s view"):
        view = engine.score_all(query)
        assert unknown_names(query, view) == []
        assert ("infra", True) in [(u.label, u.known) for u in view.units]  # not an unknown word "infras"


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
    assert why[0].startswith("lexical: BM25 rank") and why[1].startswith("semantic: ")
    assert any(note.startswith("gate answered (lexical)") for note in result.notes)


def test_hybrid_refuses_off_topic_and_names_what_it_never_heard_of(hybrid: SearchEngine) -> None:
    off = hybrid.search("how to cook rice", explain=True)
    assert off.hits == () and off.refusal == ""
    assert any(note.startswith("gate refused") for note in off.notes)
    named = hybrid.search("Mixtral 开源模型")
    assert named.hits == () and named.refusal == "nothing on Mixtral in the knowledge base"


def test_dense_evidence_alone_can_answer(hybrid: SearchEngine) -> None:
    assert hybrid.semantic is not None
    claim = hybrid.corpus.claims[0]
    query = "zzzz qqqq wwww vvvv kkkk " + claim.en  # unknown words sink the lexical gate; the stub sees the gloss
    assert not hybrid.score_all(query).answered
    loose_gate = GateSettings(min_bank_margin=-10.0, min_dense_z=0.5, no_bank_min_dense_z=0.5)
    # The hybrid's own view discounts the unknown words (context words), so the semantic side must consent
    # either way: a margin and a z nothing reaches refuse.
    strict = HybridSettings(gate=GateSettings(min_bank_margin=50.0, min_dense_z=50.0, no_bank_min_dense_z=50.0))
    lenient = HybridSettings(min_shown_z=0.5, gate=loose_gate)
    side = hybrid.semantic
    try:
        side.settings = strict
        assert hybrid.search(query).hits == ()
        side.settings = lenient
        answered = hybrid.search(query)
    finally:
        side.settings = HybridSettings()
    assert answered.hits and answered.hits[0].claim.id == claim.id


def test_the_gate_decides_from_both_sides_evidence(hybrid: SearchEngine) -> None:
    assert hybrid.semantic is not None
    view = hybrid.score_all("开源模型")
    cosines = np.zeros(len(hybrid.corpus.claims), dtype=np.float32)
    inputs = gate_inputs("开源模型", view, np.zeros(64, np.float32), cosines)
    assert inputs.lexical_eligible and decide(inputs, None).answer
    refused = decide(replace(inputs, lexical_eligible=False), hybrid.semantic.bank)
    assert not refused.answer and refused.reason != "unknown-name"
    named = decide(replace(inputs, unknown_names=("Sora",)), None)
    assert not named.answer and named.message == "nothing on Sora in the knowledge base"


def test_explain_shows_the_gates_margin_z_and_nearest_bank_line(hybrid: SearchEngine) -> None:
    assert hybrid.semantic is not None and hybrid.semantic.bank is not None  # embedded once at start-up
    note = hybrid.search("how to cook rice", explain=True).notes[1]
    assert "margin over the off-topic bank" in note and "dense z" in note and "nearest everyday question" in note


def test_without_a_bank_the_gate_falls_back_to_the_z_score(hybrid: SearchEngine) -> None:
    side = hybrid.semantic
    assert side is not None
    bank = side.bank
    try:
        side.bank = None
        result = hybrid.search("how to cook rice", explain=True)
    finally:
        side.bank = bank
    assert result.hits == () and "no off-topic bank" in result.notes[1]


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
    Counting.calls = 0  # the off-topic bank is embedded at start-up
    first = engine.search("开源模型", limit=1)
    more = engine.search("开源模型", limit=1, offset=1)  # the "More" button: same query, next page
    assert Counting.calls == 1
    assert first.hits and more.hits and first.hits[0] != more.hits[0]


# ---- rank(): convex fusion of normalised signals ------------------------------------------------------


def _view(bm25: list[float], coverage: list[float] | None = None, mask: list[bool] | None = None) -> LexicalView:
    """A lexical view over len(bm25) claims: ``score`` is BM25 x coverage, as the engine computes it."""
    plain = np.array(bm25, dtype=np.float32)
    cover = np.array(coverage if coverage is not None else [1.0] * len(bm25), dtype=np.float32)
    none = np.zeros(len(bm25), dtype=bool)
    allowed = None if mask is None else np.array(mask)
    return LexicalView("q", {}, (), (), plain * cover, plain, cover, none, none, allowed, (), (), 0, bm25=plain)


def _order(view: LexicalView, cosines: list[float], settings: HybridSettings) -> list[int]:
    values = np.array(cosines, dtype=np.float32)
    return [h.position for h in rank(view, values, dense_z(values, view.mask), settings)]


def test_convex_fusion_weighs_the_two_normalised_signals() -> None:
    view = _view([9.0, 0.0, 7.0, 1.0])
    cosines = [0.80, 0.95, 0.90, 0.70]
    assert _order(view, cosines, HybridSettings(lexical_share=1.0))[:3] == [0, 2, 3]  # BM25 alone
    assert _order(view, cosines, HybridSettings(lexical_share=0.0)) == [1, 2, 0, 3]  # cosine alone
    # Even shares: claim 2 is second on both signals and beats either signal's single winner.
    assert _order(view, cosines, HybridSettings())[0] == 2


def test_convex_fusion_ignores_each_signals_scale() -> None:
    view, cosines = _view([9.0, 0.0, 4.0, 1.0]), [0.80, 0.95, 0.90, 0.70]
    # BM25 grows with the query's length and e5 cosines crowd near 0.8: neither scale may steer the fusion.
    shifted = [c * 0.5 + 0.3 for c in cosines]
    assert _order(_view([90.0, 0.0, 40.0, 10.0]), shifted, HybridSettings()) == _order(view, cosines, HybridSettings())


def test_plain_bm25_not_coverage_is_the_lexical_signal() -> None:
    # Claim 0 matches the query's topic words strongly but not all of its words (low coverage); claim 1
    # covers every word weakly. Dense evidence is even, so the lexical signal decides.
    view = _view([8.0, 3.0, 0.0], coverage=[0.25, 1.0, 0.0])
    assert _order(view, [0.9, 0.9, 0.5], HybridSettings())[0] == 0
    assert _order(view, [0.9, 0.9, 0.5], HybridSettings(fusion="mix", dense_weight=0.0))[0] == 1  # the old mix


def test_without_any_lexical_match_the_dense_order_decides() -> None:
    assert _order(_view([0.0, 0.0, 0.0, 0.0]), [0.81, 0.93, 0.85, 0.80], HybridSettings()) == [1, 2, 0, 3]


def test_claims_a_filter_excludes_are_never_ranked() -> None:
    view = _view([9.0, 0.0, 4.0, 1.0], mask=[False, True, True, True])
    order = _order(view, [0.99, 0.95, 0.90, 0.70], HybridSettings())
    assert sorted(order) == [1, 2, 3]


def test_lexical_view_keeps_bm25_before_coverage(engine: SearchEngine) -> None:
    view = engine.score_all("开源模型 GPU 天气")  # 天气 matches nothing: coverage < 1 everywhere
    assert view.bm25 is not None
    matched = view.score > 0
    assert matched.any()
    assert np.all(view.bm25[matched] >= view.score[matched])
    assert np.allclose(view.score, view.bm25 * view.coverage, atol=1e-6)


def test_default_hybrid_keeps_a_keyword_querys_lexical_winner(hybrid: SearchEngine) -> None:
    query = "开源模型"
    assert hybrid.search(query).hits[0].claim == hybrid.corpus.claims[hybrid.score_all(query).hits[0]]
