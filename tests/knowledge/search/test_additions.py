"""Claims added to a built engine (knowledge.search.additions): found at once, as a rebuild would find them."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.models import Claim, Corpus, Person, Source
from knowledge.search import SearchEngine
from knowledge.search.additions import extend_index, with_claims
from knowledge.search.embedding import HashingStubEmbedder
from knowledge.search.index import build_index, claim_bag

MESSAGE = "我们团队认为鸿蒙生态的端侧模型会在明年爆发。"


def _grown(corpus: Corpus, *, new_person: bool = True) -> Corpus:
    speaker = "slack-u0xiaoming" if new_person else next(iter(corpus.people))
    person = Person(id="slack-u0xiaoming", kind="person", zh="小明", en="Xiaoming")
    claim = Claim(
        id="slack-c1-1700000000-000100",
        source_id="slack-c1-1700000000-000100",
        text="小明认为鸿蒙生态的端侧模型明年会爆发。",
        en="Xiaoming expects on-device models on HarmonyOS to take off next year.",
        quote=MESSAGE,
        speaker_id=speaker,
        topic_ids=(next(iter(corpus.topics)),),
    )
    source = Source(id=claim.source_id, title="Slack", text=MESSAGE)
    people = {**corpus.people, person.id: person} if new_person else dict(corpus.people)
    return Corpus(
        sources={**corpus.sources, source.id: source},
        claims=(*corpus.claims, claim),
        people=people,
        topics=corpus.topics,
        entities=corpus.entities,
    )


@pytest.fixture
def engine(tiny_corpus: Corpus) -> SearchEngine:
    return SearchEngine.build(tiny_corpus, use_cache=False, embedder=HashingStubEmbedder())


def test_an_added_claim_is_found_by_its_words_its_speaker_and_meaning(
    engine: SearchEngine, tiny_corpus: Corpus
) -> None:
    grown = with_claims(engine, _grown(tiny_corpus))
    new_id = "slack-c1-1700000000-000100"
    assert engine.search("鸿蒙 端侧模型").hits == ()  # the old engine is untouched: requests in flight keep it
    assert [h.claim.id for h in grown.search("鸿蒙 端侧模型").hits][:1] == [new_id]
    assert [h.claim.id for h in grown.search("by:小明").hits] == [new_id]
    assert grown.semantic is not None and grown.semantic.vectors.ids[-1] == new_id
    assert grown.semantic.vectors.matrix.shape[0] == len(tiny_corpus.claims) + 1
    # The old claims still answer as before.
    assert [h.claim.id for h in grown.search("开源").hits][:3] == [h.claim.id for h in engine.search("开源").hits][:3]


def test_a_stored_vector_is_used_instead_of_embedding_again(engine: SearchEngine, tiny_corpus: Corpus) -> None:
    corpus = _grown(tiny_corpus)
    stored = np.zeros(engine.semantic.vectors.dimension, dtype=np.float32)  # type: ignore[union-attr]
    stored[0] = 2.0
    grown = with_claims(engine, corpus, {corpus.claims[-1].id: stored})
    row = grown.semantic.vectors.matrix[-1]  # type: ignore[union-attr]
    assert row[0] == pytest.approx(1.0) and float(np.abs(row[1:]).sum()) == 0.0  # normalised, not re-embedded


def test_the_extended_index_holds_what_a_rebuild_holds(engine: SearchEngine, tiny_corpus: Corpus) -> None:
    corpus = _grown(tiny_corpus, new_person=False)
    added = corpus.claims[-1]
    bag = claim_bag(added, engine.pipeline, engine.matcher)
    extended = extend_index(engine.index, [added], [bag], average_length=10.0)
    rebuilt = build_index(corpus.claims, engine.pipeline, engine.matcher)
    assert extended.claim_ids == rebuilt.claim_ids
    assert set(extended.vocab) == set(rebuilt.vocab)
    for term in rebuilt.vocab:
        ext, reb = extended.postings(term), rebuilt.postings(term)
        assert ext is not None and reb is not None
        assert ext[0].tolist() == reb[0].tolist(), term  # same claims, ascending
    assert extended.filter_postings[("source", added.source_id)].tolist() == [len(corpus.claims) - 1]


def test_a_corpus_that_drops_or_reorders_claims_is_refused(engine: SearchEngine, tiny_corpus: Corpus) -> None:
    reordered = Corpus(
        sources=tiny_corpus.sources,
        claims=tuple(reversed(tiny_corpus.claims)),
        people=tiny_corpus.people,
        topics=tiny_corpus.topics,
        entities=tiny_corpus.entities,
    )
    with pytest.raises(ValueError, match="first, in order"):
        with_claims(engine, reordered)
