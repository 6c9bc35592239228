"""The search's quality on its own evaluation set (tests/search_eval.yaml), kept above a floor."""

from __future__ import annotations

import pytest

from knowledge.loader import load_corpus
from knowledge.search import SearchEngine
from tests.search_judge import is_relevant, load_cases, score

# Measured 2026-11 on the bundled corpus: MRR@5 0.84, hit@3 0.95, off-topic 0.97. The floor leaves
# room for curation changes, not for a regression in the method.
FLOOR = {"mrr5": 0.75, "hit3": 0.85, "offtopic": 0.9}


def test_judge_follows_the_protocol() -> None:
    assert is_relevant("腾讯发布了作为中间层工具的向量数据库产品。", "", ["发布了作为中间层工具的向量数据库产品"])
    assert not is_relevant("这是一段只包含向量数据库产品的引文", "", ["发布了作为中间层工具的向量数据库产品"])
    assert is_relevant("GPT-5!", "", ["gpt 5"])  # short phrase: all of it must match, after folding


def test_eval_set_is_large_and_varied() -> None:
    cases = load_cases()
    assert len(cases) >= 80
    assert sum(1 for c in cases if not c["snippets"]) >= 10
    natural = load_cases(kind="natural")
    assert len(natural) >= 40
    assert {c["style"] for c in natural} >= {"english-question", "zh-colloquial", "paraphrase", "negative-near"}


def test_quality_stays_above_the_floor() -> None:
    corpus = load_corpus()
    if len(corpus.claims) < 100:
        pytest.skip("the bundled knowledge base has no curated claims yet")
    engine = SearchEngine.build(corpus)
    # The floor holds for the keyword-style cases; the natural questions are issue 9's target, scored by
    # bench/quality_bench.py until the hybrid search is integrated.
    cases = load_cases(kind="keyword")
    results = [[(h.claim.quote, h.claim.text) for h in engine.search(c["query"], limit=5).hits] for c in cases]
    figures = score(cases, results)
    assert figures.mrr5 >= FLOOR["mrr5"], f"{figures}\n" + "\n".join(figures.misses)
    assert figures.hit3 >= FLOOR["hit3"], f"{figures}\n" + "\n".join(figures.misses)
    assert figures.offtopic >= FLOOR["offtopic"], f"{figures}\n" + "\n".join(figures.misses)
