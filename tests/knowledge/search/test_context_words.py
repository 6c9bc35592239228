"""English context words in a long question (justify, argument, boss): counted little in the hybrid's coverage,
and a match that needs that discount answers only when the semantic side agrees (tiny corpus, stub embedder)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from knowledge.models import Corpus
from knowledge.search import SearchEngine
from knowledge.search.embedding import HashingStubEmbedder
from knowledge.search.gate import GateInputs, GateSettings, NegativeBank, decide
from knowledge.search.hybrid import HybridSettings
from knowledge.search.searcher import CONTEXT_WORD_SHARE

# Only "Infra" (which the claims' Chinese text writes in Latin script) and "people" (in an English gloss)
# are in the knowledge base; the rest is how someone frames a question in Slack.
FRAMED = "could someone justify the argument about Infra people, my boss keeps throwing it around"


@pytest.fixture(scope="module")
def engine(tiny_corpus: Corpus) -> SearchEngine:
    return SearchEngine.build(tiny_corpus, use_cache=False)


@pytest.fixture(scope="module")
def hybrid(tiny_corpus: Corpus) -> SearchEngine:
    return SearchEngine.build(tiny_corpus, use_cache=False, embedder=HashingStubEmbedder(64))


def test_latin_terms_of_the_articles_are_told_from_english_glosses(engine: SearchEngine) -> None:
    source = engine.source_latin_terms()
    assert {"gpu", "infra"} <= source  # written in the claims' Chinese text
    assert "peopl" not in source and "shortag" not in source  # only in the English glosses


def test_context_words_count_a_share_of_their_weight_names_and_terms_all(engine: SearchEngine) -> None:
    units = {u.label: u for u in engine.analyzer.units(engine.score_all(FRAMED).text)}
    assert engine.coverage_weight(units["infra"]) == units["infra"].weight
    for word in ("justify", "argument", "boss", "people"):  # unknown, or in an English gloss only
        assert engine.coverage_weight(units[word]) == pytest.approx(units[word].weight * CONTEXT_WORD_SHARE)
    chinese = engine.analyzer.units("开源模型")
    assert all(engine.coverage_weight(u) == u.weight for u in chinese)


def test_context_words_sink_the_lexical_gate_but_not_the_hybrids_view(engine: SearchEngine) -> None:
    strict = engine.score_all(FRAMED)
    assert not strict.answered  # the lexical engine alone keeps its gate as it was
    view = engine.score_all(FRAMED, discount_context=True)
    assert view.answered and view.needs_dense
    assert engine.corpus.claims[view.hits[0]].id == "infra-talent"
    plain = engine.score_all("Infra 人才 稀缺", discount_context=True)
    assert plain.answered and not plain.needs_dense  # nothing discounted: an ordinary lexical match


def test_a_claim_matching_the_context_words_keeps_its_full_coverage(engine: SearchEngine) -> None:
    query = "people who built infrastructure, justify"
    strict, discounted = engine.score_all(query), engine.score_all(query, discount_context=True)
    assert np.all(discounted.coverage >= strict.coverage - 1e-6)


def _inputs(vector: np.ndarray, cosines: np.ndarray) -> GateInputs:
    return GateInputs(
        lexical_eligible=True, lexical_needs_dense=True, query_vector=vector, claim_cosines=cosines, query=FRAMED
    )


def test_a_discounted_match_answers_only_when_the_dense_side_agrees() -> None:
    stub = HashingStubEmbedder(64)
    bank = NegativeBank.build(stub, ("how long do I boil an egg", "what should I pack for a beach holiday"))
    claim_vectors = stub.embed_passages(["做过大模型 Infra 的人比做模型的人更稀缺", "开源模型会追上闭源模型"])
    near_claim = claim_vectors[0]
    agreed = decide(_inputs(near_claim, claim_vectors @ near_claim), bank)
    assert agreed.answer and agreed.reason == "lexical+dense"
    near_bank = bank.matrix[0]
    refused = decide(_inputs(near_bank, claim_vectors @ near_bank), bank)
    assert not refused.answer and refused.reason == "off-topic"
    ordinary = decide(replace(_inputs(near_bank, claim_vectors @ near_bank), lexical_needs_dense=False), bank)
    assert ordinary.answer and ordinary.reason == "lexical"  # a full lexical match needs no consent


def test_the_hybrid_answers_a_framed_question_through_the_gate(hybrid: SearchEngine) -> None:
    assert hybrid.semantic is not None
    side = hybrid.semantic
    try:
        side.settings = HybridSettings(gate=GateSettings(min_bank_margin=-10.0))
        answered = hybrid.search(FRAMED, explain=True)
        side.settings = HybridSettings(gate=GateSettings(min_bank_margin=10.0))
        refused = hybrid.search(FRAMED, explain=True)
    finally:
        side.settings = HybridSettings()
    assert answered.hits and answered.hits[0].claim.id == "infra-talent"
    assert any(note.startswith("gate answered (lexical+dense)") for note in answered.notes)
    why = answered.hits[0].why
    assert any(line.startswith("justify") and "[context word" in line for line in why)
    assert not any(line.startswith("infra") and "[context word" in line for line in why)
    assert refused.hits == () and any(note.startswith("gate refused (off-topic)") for note in refused.notes)
