"""The lexical index on its own: what the engine's scores are read from (and a saved index must keep)."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.models import Corpus
from knowledge.search import LexicalIndex, SearchEngine, build_index, claim_terms


@pytest.fixture(scope="module")
def engine(tiny_corpus: Corpus) -> SearchEngine:
    return SearchEngine.build(tiny_corpus, use_cache=False)


def test_postings_list_exactly_the_claims_holding_each_term_in_claim_order(engine: SearchEngine) -> None:
    claims = engine.corpus.claims
    holders: dict[str, list[int]] = {}
    for pos, claim in enumerate(claims):
        for term in dict.fromkeys(t for t, _ in claim_terms(claim, engine.pipeline, engine.matcher)):
            holders.setdefault(term, []).append(pos)
    index = engine.index
    assert index.claim_ids == tuple(c.id for c in claims)
    assert set(index.vocab) == set(holders)
    for term, positions in holders.items():
        postings = index.postings(term)
        assert postings is not None
        assert postings[0].tolist() == positions
        assert all(index.contains(term, pos) for pos in positions)
        assert np.all(postings[1] > 0)
    assert index.postings("没有这个词") is None and index.idf("没有这个词") == 0.0


def test_rarer_terms_weigh_more(engine: SearchEngine) -> None:
    index = engine.index
    by_df = sorted(index.vocab, key=lambda t: int(index.doc_freq[index.vocab[t]]))
    rare, common = by_df[0], by_df[-1]
    assert index.doc_freq[index.vocab[rare]] < index.doc_freq[index.vocab[common]]
    assert index.idf(rare) > index.idf(common) and index.idf(rare) <= index.idf_max


def test_filters_select_claims_by_speaker_topic_and_source(engine: SearchEngine) -> None:
    index = engine.index
    for pos, claim in enumerate(engine.corpus.claims):
        for key in [("by", claim.speaker_id), ("source", claim.source_id), *(("topic", t) for t in claim.topic_ids)]:
            assert pos in index.filter_postings[key].tolist()


def test_an_empty_corpus_builds_an_empty_index(engine: SearchEngine) -> None:
    empty: LexicalIndex = build_index((), engine.pipeline, engine.matcher)
    assert empty.n_docs == 0 and not empty.vocab and empty.idf_max == 1.0
    assert len(empty.post_start) == 1 and len(empty.post_docs) == 0
