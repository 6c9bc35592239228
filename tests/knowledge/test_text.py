"""The shared text pipeline: normalisation, Slack markup, tokens."""

from __future__ import annotations

import pytest

from knowledge.text import TextPipeline, clean_query, compact_latin, normalize, stem_english, strip_slack_markup


@pytest.fixture(scope="module")
def pipeline() -> TextPipeline:
    return TextPipeline({"开源": 20000, "模型": 2890, "开源模型": 20000, "李开复": 20000, "开复": 100, "人才": 5000})


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ＧＰＴ－５", "gpt-5"),  # full-width
        ("⼤模型", "大模型"),  # Kangxi radical
        ("開源模型", "开源模型"),  # traditional
        ("LLaMA", "llama"),
        ("a\x00b\u200bc", "a b c"),  # control and zero-width characters become separators
    ],
)
def test_normalize(typed: str, expected: str) -> None:
    assert normalize(typed) == expected


def test_slack_markup_is_stripped_but_link_labels_stay() -> None:
    text = strip_slack_markup("<@U123> <!channel> see <https://x.test/a|开源模型> &amp; <#C1|general> <https://y.test>")
    assert "U123" not in text and "channel" not in text.replace("general", "") and "https" not in text
    assert "开源模型" in text and "&" in text and "general" in text


def test_clean_query_combines_markup_and_normalisation() -> None:
    assert clean_query("<@U1> 開源").strip() == "开源"


def test_latin_tokens_stay_whole_and_compact(pipeline: TextPipeline) -> None:
    assert pipeline.tokens("GPT-4 和 Kai-Fu Lee") == ["gpt4", "和", "kaifu", "lee"]
    assert compact_latin("gpt-3.5") == "gpt3.5"


def test_dictionary_words_stay_whole_and_search_mode_adds_subwords(pipeline: TextPipeline) -> None:
    assert "李开复" in pipeline.tokens("李开复认为人才")
    terms = pipeline.terms("开源模型")
    assert {"开源模型", "开源", "模型"} <= set(terms)


def test_stop_words_are_dropped(pipeline: TextPipeline) -> None:
    assert "什么" not in pipeline.terms("什么是开源")
    assert "the" not in pipeline.terms("the open models")
    # "X vs Y" asks about X and Y: the comparison word must not make the query look off-topic.
    assert "vs" not in pipeline.terms("open source vs closed models")
    assert "versus" not in pipeline.terms("open source versus closed models")


def test_english_forms_meet() -> None:
    assert stem_english("models") == stem_english("model")
    assert stem_english("labeling") == stem_english("labeled")
    assert stem_english("gpt4") == "gpt4"
    assert stem_english("robotics") == stem_english("robot") == stem_english("robots")
    assert stem_english("hallucinations") == stem_english("hallucination")


def test_a_possessive_or_contraction_s_leaves_the_word_before_it(pipeline: TextPipeline) -> None:
    assert pipeline.tokens("Zorblax's founder and Quibly’s plan") == ["zorblax", "founder", "and", "quibly", "plan"]
    assert compact_latin("what's") == "what"
    assert compact_latin("don't") == "dont"  # only a closing 's is dropped
