"""The second-stage answer checks: a figure for an amount question, the named thing for a named question."""

from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge.models import Claim, Corpus
from knowledge.search import SearchEngine
from knowledge.search.answer_checks import (
    CHECK_DEPTH,
    asked_kind,
    asks_for_amount,
    check_answer,
    counted_word,
    gives,
)
from knowledge.search.embedding import HashingStubEmbedder
from knowledge.search.hybrid import HybridSettings


def claim(text: str, quote: str = "") -> Claim:
    return Claim(id=text[:8], source_id="s", text=text, en="", quote=quote or text, speaker_id="p", topic_ids=())


@pytest.mark.parametrize(
    "query",
    ["how many GPUs did they buy", "How much did Databricks pay", "猎聘一年花多少钱", "国内有几家在做", "训练要多久"],
)
def test_amount_questions_are_recognised(query: str) -> None:
    assert asks_for_amount(query)


@pytest.mark.parametrize(
    "query",
    [
        "how does Scale AI keep labelling cheap",
        "或多或少有影响吗",
        "多少有点道理",
        "这几个公司怎么看",
        "接好几家模型图啥",
    ],
)
def test_other_questions_ask_for_no_amount(query: str) -> None:
    assert not asks_for_amount(query)


@pytest.mark.parametrize(
    "text",
    [
        "单次训练投入超过 5 亿元",
        "挖走了一百多人",
        "国内有两家",
        "占三成",
        "ＧＰＵ涨了３０％",
        "a billion users",
        "Qwen 72B 开源",
    ],
)
def test_figures_in_either_language_and_script_count(text: str) -> None:
    assert gives(claim(text), "share")


@pytest.mark.parametrize(
    "text", ["一个领域模型以 API 服务", "苹果对 AI 的运用更务实", "没有任何一家公司", "借鉴了 Llama2 和 GPT-3.5"]
)
def test_a_lone_one_or_no_numeral_is_no_figure(text: str) -> None:
    assert not gives(claim(text), "share")


def test_the_kind_of_fact_asked_for() -> None:
    assert asked_kind("how much did Databricks pay for MosaicML") == "money" == asked_kind("智谱现在估值多少")
    assert asked_kind("how many people did OpenAI hire") == "amount" == asked_kind("魔搭上有多少个模型")
    assert asked_kind("GPU 价格还会涨多少") == "money" and asked_kind("应用层公司占比多少") == "share"
    assert asked_kind("Gemini 什么时候发布") == "time" == asked_kind("when did Apple show autocorrect")
    assert asked_kind("what happens when a model makes things up") is None
    assert asked_kind("Infra 团队为什么更贵") is None


def test_each_kind_is_given_only_by_a_fact_of_that_kind() -> None:
    assert gives(claim("以 13 亿美元收购"), "money") and not gives(claim("初代基于 5 纳米工艺"), "money")
    assert gives(claim("GPU 价格还会上涨 30%"), "money", change=True)
    assert not gives(claim("20% 的价值是中心化的"), "money")  # a share alone is no sum of money
    assert not gives(claim("成立于 2016 年,成本很高"), "money")
    assert gives(claim("挖走了一百多人"), "amount") and not gives(claim("20% 可能是中心化的,80% 非中心化"), "amount")
    assert gives(claim("20% 可能是中心化的"), "share")
    assert gives(claim("2016 年创立"), "time") and gives(claim("去年底推出"), "time")
    assert not gives(claim("谷歌正用 YouTube 的视频数据训练 Gemini"), "time")
    assert not gives(claim("借鉴了 Llama2 和 GPT-4"), "time") and not gives(claim("训练 1000 亿 token"), "time")


def test_a_money_question_without_a_sum_among_the_candidates_is_refused() -> None:
    figure_only = [claim("微软从 2019 年起研发雅典娜芯片"), claim("以 13 亿美元收购 MosaicML")]
    refused = check_answer("how much does Microsoft pay for each chip", [0], figure_only, [], contains)
    assert not refused.answer and refused.reason == "no-money" and "money" in refused.message
    assert check_answer("how much does Microsoft pay for each chip", [0, 1], figure_only, [], contains).order == (1, 0)


def any_word(word: str) -> bool:
    return True


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["how", "many", "parameters", "does", "mm-cot", "have"], "parameters"),
        (["mm-cot", "到底", "有", "多少", "参数"], "参数"),
        (["买", "了", "多少", "张", "gpu"], "gpu"),  # past the measure word
        (["智谱", "现在", "估值", "多少"], "估值"),  # a closing 多少 counts the word before it
        (["早", "起步", "了", "多少", "年"], None),  # only a measure word, and 了 before
        (["how", "much", "did", "they", "pay"], None),  # "how much" says how much, not of what
    ],
)
def test_the_counted_word_is_the_one_after_or_before_the_amount(tokens: list[str], expected: str | None) -> None:
    assert counted_word(tokens, any_word) == expected


def test_a_counted_word_that_is_not_specific_counts_nothing() -> None:
    assert counted_word(["gpu", "到底", "多少", "算够"], lambda w: w != "算够") is None


def test_an_amount_answer_must_count_what_the_question_counts() -> None:
    claims = [claim("亚马逊 2 月推出 mm-cot"), claim("模型有 70 亿参数")]

    def holds(term: str, pos: int) -> bool:
        return term in claims[pos].text

    asked = "mm-cot 到底有多少参数"
    refused = check_answer(asked, [0], claims, [], holds, ("参数", ("参数",)))
    assert not refused.answer and refused.reason == "no-amount" and "(参数)" in refused.message
    assert check_answer(asked, [0], claims, [], holds).answer  # "2 月" is a figure: enough without the word
    assert check_answer(asked, [0, 1], claims, [], holds, ("参数", ("参数",))).order == (1, 0)
    when = check_answer("mm-cot 哪一年推出", [0], claims, [], holds, ("参数", ("参数",)))
    assert when.answer  # a date question counts nothing


CLAIMS = [claim("阿里云宣布所有产品都用通义千问改造"), claim("单集群可达 10 万台"), claim("苹果展示了 autocorrect")]
MENTIONS = {("§alibaba-cloud", 0), ("§alibaba-cloud", 1), ("§apple", 2)}


def contains(term: str, pos: int) -> bool:
    return (term, pos) in MENTIONS


def test_an_amount_question_without_any_figure_among_the_candidates_is_refused() -> None:
    refused = check_answer("how many GPUs does 阿里云 have", [0], CLAIMS, [("阿里云", ("§alibaba-cloud",))], contains)
    assert not refused.answer and refused.reason == "no-amount"
    answered = check_answer(
        "how many GPUs does 阿里云 have", [0, 1], CLAIMS, [("阿里云", ("§alibaba-cloud",))], contains
    )
    assert answered.answer and answered.order == (1, 0)  # the claim with the figure first


def test_a_figure_about_something_else_does_not_answer_a_named_amount_question() -> None:
    # Claim 1 has a figure, but the question is about Apple and only claim 2 is.
    result = check_answer("苹果卖了多少台", [2, 1], CLAIMS, [("Apple", ("§apple",))], contains)
    assert not result.answer and result.reason == "no-amount"


def test_a_named_question_needs_a_candidate_that_mentions_the_name() -> None:
    result = check_answer("what does Apple think of 通义千问", [0, 1], CLAIMS, [("Apple", ("§apple",))], contains)
    assert not result.answer and result.reason == "names-absent" and "Apple" in result.message
    kept = check_answer("what does Apple think of 通义千问", [0, 2, 1], CLAIMS, [("Apple", ("§apple",))], contains)
    assert kept.answer and kept.order == (0, 2, 1)  # names refuse, never reorder


def test_only_the_first_page_of_candidates_is_checked() -> None:
    deep = [0] * CHECK_DEPTH + [2]
    result = check_answer("Apple 怎么看", deep, CLAIMS, [("Apple", ("§apple",))], contains)
    assert not result.answer
    assert check_answer("Apple 怎么看", [], CLAIMS, [("Apple", ("§apple",))], contains).answer  # nothing to judge


@pytest.fixture(scope="module")
def hybrid(tiny_corpus: Corpus) -> SearchEngine:
    return SearchEngine.build(tiny_corpus, use_cache=False, embedder=HashingStubEmbedder(64))


def test_the_engine_refuses_an_amount_no_claim_of_the_named_speaker_gives(hybrid: SearchEngine) -> None:
    assert hybrid.semantic is not None
    # 张三's claims match the words but none states a figure; 王五's GPU claim does, about something else.
    result = hybrid.search("张三说开源模型有多少人用", explain=True)
    assert result.hits == () and "number" in result.refusal and result.lacking == "amount"
    assert any(note.startswith("answer check: no-amount") for note in result.notes)
    side = hybrid.semantic
    try:
        side.settings = replace(HybridSettings(), answer_checks=False)
        assert hybrid.search("张三说开源模型有多少人用").hits  # the gate alone answers it
    finally:
        side.settings = HybridSettings()
    answered = hybrid.search("GPU 价格还会涨多少", explain=True)
    assert answered.hits and answered.hits[0].claim.id == "compute-shortage"
    assert any(note == "answer check: passed" for note in answered.notes)


def test_the_engine_refuses_an_amount_of_something_no_figure_counts(hybrid: SearchEngine) -> None:
    # 王五's claim gives figures about GPUs; no claim gives a figure about Infra people.
    counted = hybrid.search("要多少 GPU", explain=True)
    assert counted.hits and counted.hits[0].claim.id == "compute-shortage"
    refused = hybrid.search("需要多少 Infra 的人", explain=True)
    assert refused.hits == () and refused.lacking == "amount"
    assert any(note.startswith("answer check: no-amount") and "(infra)" in note for note in refused.notes)
