"""The "no answer" gate: unknown names, lexical evidence, and the off-topic bank's nearest-neighbour vote."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from knowledge.models import Corpus
from knowledge.search import SearchEngine
from knowledge.search.embedding import HashingStubEmbedder
from knowledge.search.gate import (
    BANK_MATRIX_FILE,
    GateInputs,
    GateSettings,
    NegativeBank,
    decide,
    load_bank_lines,
)
from knowledge.search.hybrid import HybridSettings
from knowledge.search.vectors import build_claim_vectors, claim_passage

EVERYDAY = ("how long do I boil an egg", "明天要不要带伞", "what should I pack for a beach holiday", "晚饭吃什么好")


@pytest.fixture(scope="module")
def stub() -> HashingStubEmbedder:
    return HashingStubEmbedder(128)


@pytest.fixture(scope="module")
def bank(stub: HashingStubEmbedder) -> NegativeBank:
    return NegativeBank.build(stub, EVERYDAY)


@pytest.fixture(scope="module")
def claim_matrix(tiny_corpus: Corpus, stub: HashingStubEmbedder) -> np.ndarray:
    return build_claim_vectors(tiny_corpus.claims, stub)[0].matrix


def inputs_for(vector: np.ndarray, claim_matrix: np.ndarray, **changes: object) -> GateInputs:
    values: dict[str, object] = {
        "lexical_eligible": False,
        "query_vector": vector,
        "claim_cosines": claim_matrix @ vector,
    }
    values.update(changes)
    return GateInputs(**values)  # type: ignore[arg-type]


def test_shipped_bank_is_bilingual_and_stays_off_the_knowledge_base_domain() -> None:
    lines = load_bank_lines()
    assert len(lines) >= 150
    chinese = [line for line in lines if any("\u4e00" <= ch <= "\u9fff" for ch in line)]
    assert len(chinese) >= 60 and len(lines) - len(chinese) >= 60
    chinese_domain = ("模型", "算力", "人工智能", "智能体", "融资")
    latin_domain = {"ai", "gpu", "openai", "llm", "model", "models", "chatbot", "startup", "funding"}
    on_domain = [
        line
        for line in lines
        if any(word in line for word in chinese_domain) or latin_domain & set(re.findall(r"[a-z0-9]+", line.lower()))
    ]
    assert not on_domain


def test_unknown_names_are_refused_and_named_even_with_a_lexical_match() -> None:
    decision = decide(GateInputs(lexical_eligible=True, unknown_names=("DeepSeek", "R1")), None)
    assert not decision.answer and decision.reason == "unknown-name"
    assert decision.message == "nothing on DeepSeek, R1 in the knowledge base"
    lenient = decide(
        GateInputs(lexical_eligible=True, unknown_names=("X1",)), None, GateSettings(veto_unknown_names=False)
    )
    assert lenient.answer


@pytest.mark.parametrize(
    ("query", "names", "named"),
    [
        ("DeepSeek R1 的训练成本是多少", ("DeepSeek",), ("DeepSeek R1",)),
        ("what license is Falcon 180B under", ("Falcon", "180B"), ("Falcon 180B",)),
        ("Qwen2.5-Max vs GLM-4", ("Qwen2.5-Max", "GLM-4"), ("Qwen2.5-Max", "GLM-4")),
        ("Perplexity ads", ("Perplexity",), ("Perplexity",)),
    ],
)
def test_refusals_name_the_model_with_its_version(query: str, names: tuple[str, ...], named: tuple[str, ...]) -> None:
    decision = decide(GateInputs(lexical_eligible=False, unknown_names=names, query=query), None)
    assert decision.unknown == named
    assert decision.message == f"nothing on {', '.join(named)} in the knowledge base"


def test_without_an_embedder_the_lexical_gate_decides_alone() -> None:
    assert decide(GateInputs(lexical_eligible=True), None).reason == "lexical"
    refused = decide(GateInputs(lexical_eligible=False, lexical_best_coverage=0.4), None)
    assert not refused.answer and refused.reason == "no-match" and "semantic search off" in refused.message


def test_everyday_question_is_refused_and_a_claim_paraphrase_answered(
    tiny_corpus: Corpus, stub: HashingStubEmbedder, bank: NegativeBank, claim_matrix: np.ndarray
) -> None:
    everyday = stub.embed_queries(["明天要不要带伞"])[0]
    refused = decide(inputs_for(everyday, claim_matrix), bank)
    assert not refused.answer and refused.reason == "off-topic"
    assert refused.nearest_bank_line == "明天要不要带伞" and refused.margin is not None and refused.margin < 0

    passage = claim_passage(tiny_corpus.claims[1])
    answered = decide(inputs_for(stub.embed_queries([passage])[0], claim_matrix), bank, GateSettings(min_dense_z=1.0))
    assert answered.answer and answered.reason == "dense"
    assert answered.margin is not None and answered.margin > 0 and answered.best_cosine == pytest.approx(1.0, abs=1e-5)
    strict = decide(inputs_for(stub.embed_queries([passage])[0], claim_matrix), bank, GateSettings(min_dense_z=50.0))
    assert not strict.answer and strict.reason == "weak-dense"  # nearer the claims, but no claim stands out


def test_a_stricter_margin_never_answers_more(
    tiny_corpus: Corpus, stub: HashingStubEmbedder, bank: NegativeBank, claim_matrix: np.ndarray
) -> None:
    queries = [c.text[:12] for c in tiny_corpus.claims] + list(EVERYDAY) + ["开源 晚饭", "GPU 带伞"]
    vectors = stub.embed_queries(queries)
    answered_at = []
    for margin in (-1.0, -0.1, 0.0, 0.1, 1.0):
        settings = GateSettings(min_bank_margin=margin, min_dense_z=0.0)
        answered_at.append(
            {
                q
                for q, v in zip(queries, vectors, strict=True)
                if decide(inputs_for(v, claim_matrix), bank, settings).answer
            }
        )
    for looser, stricter in itertools.pairwise(answered_at):
        assert stricter <= looser
    assert answered_at[0] == set(queries) and answered_at[-1] == set()


def test_a_bank_of_another_dimension_is_ignored_for_the_z_gate(
    stub: HashingStubEmbedder, claim_matrix: np.ndarray
) -> None:
    other = NegativeBank.build(HashingStubEmbedder(32), EVERYDAY)
    vector = claim_matrix[0]
    decision = decide(inputs_for(vector, claim_matrix), other, GateSettings(no_bank_min_dense_z=0.5))
    assert decision.bank_cosine is None and decision.reason == "dense" and "no off-topic bank" in decision.message


def test_saved_bank_is_reused_and_a_damaged_or_stale_one_rebuilt(tmp_path: Path, stub: HashingStubEmbedder) -> None:
    built = NegativeBank.load_or_build(stub, tmp_path, EVERYDAY)
    loaded = NegativeBank.load(tmp_path, stub.name, EVERYDAY)
    assert loaded is not None and np.array_equal(loaded.matrix, built.matrix)
    assert NegativeBank.load(tmp_path, stub.name, EVERYDAY[:2]) is None  # other lines
    assert NegativeBank.load(tmp_path, "another-embedder", EVERYDAY) is None
    matrix_file = tmp_path / BANK_MATRIX_FILE
    matrix_file.write_bytes(matrix_file.read_bytes()[:-16])  # truncated
    assert NegativeBank.load(tmp_path, stub.name, EVERYDAY) is None
    rebuilt = NegativeBank.load_or_build(stub, tmp_path, EVERYDAY)
    assert np.array_equal(rebuilt.matrix, built.matrix)
    assert NegativeBank.load(tmp_path, stub.name, EVERYDAY) is not None


def test_the_engine_loads_the_bank_once_and_its_gate_refuses_from_it(tiny_corpus: Corpus, tmp_path: Path) -> None:
    pytest.importorskip("stopwordsiso")

    class Counting(HashingStubEmbedder):
        texts = 0

        def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
            Counting.texts += len(texts)
            return super().embed_queries(texts)

    engine = SearchEngine.build(tiny_corpus, index_dir=tmp_path, embedder=Counting(128))
    assert engine.semantic is not None and engine.semantic.bank is not None
    assert Counting.texts == len(load_bank_lines())  # embedded at start-up, saved beside the claim vectors
    assert (tmp_path / BANK_MATRIX_FILE).exists()
    engine.semantic.settings = HybridSettings(gate=GateSettings(min_dense_z=-10.0))
    bank_line = load_bank_lines()[0]
    off = engine.search(bank_line, explain=True)
    assert off.hits == () and "(off-topic)" in off.notes[1] and repr(bank_line) in off.notes[1]
    assert Counting.texts == len(load_bank_lines()) + 1  # the query alone, never the bank again
    named = engine.search("Mixtral 开源模型")
    assert named.hits == () and named.refusal == "nothing on Mixtral in the knowledge base"
    again = SearchEngine.build(tiny_corpus, index_dir=tmp_path, embedder=Counting(128))
    assert again.semantic is not None and again.semantic.bank is not None
    assert Counting.texts == len(load_bank_lines()) + 2  # the saved bank is loaded, not embedded
