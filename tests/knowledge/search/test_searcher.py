"""Search behaviour on small corpora built here (never the bundled claims' exact answers)."""

from __future__ import annotations

import json
import time
from io import StringIO
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.models import Claim, Corpus, Entity, Person, Source, Topic
from knowledge.search import SearchEngine
from knowledge.search_cli import run_search

SOURCE_TEXT = (
    "李开复认为开源模型让创业者站在同一起跑线。王小川说英伟达一年的 GPU 出货量在 100 万颗。"
    "腾讯发布了向量数据库产品。Meta 开源的 Llama2 很重要。Hugging Face 是开源社区。"
    "幻觉对药物设计可能有益。客户只需要语言理解和推理能力。"
)


def _claim(
    cid: str, text: str, en: str, quote: str, speaker: str, topics: tuple[str, ...], source: str = "s1"
) -> Claim:
    return Claim(cid, source, text, en, quote, speaker, topics)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    people = {
        "li-kaifu": Person("li-kaifu", "person", "李开复", "Kai-Fu Lee", "Li Kaifu", aliases=("Kaifu Lee",)),
        "wang-xiaochuan": Person("wang-xiaochuan", "person", "王小川", "Wang Xiaochuan", "Wang Xiaochuan"),
        "geekpark": Person("geekpark", "publication", "极客公园", "GeekPark", "Jike Gongyuan"),
    }
    topics = {
        "open-source": Topic("open-source", "开源", "Open source", ("开源模型", "open source")),
        "compute": Topic("compute", "算力", "Compute", ("GPU", "英伟达")),
        "middle-layer": Topic("middle-layer", "中间层", "Middle layer", ("向量数据库",)),
        "hallucination": Topic("hallucination", "幻觉", "Hallucination", ("幻象",)),
        "to-b": Topic("to-b", "企业服务", "Enterprise", ("ToB", "B端", "客户")),
    }
    entities = {
        "llama": Entity("llama", "Llama 2", ("Llama2", "LLaMA", "Llama")),
        "hugging-face": Entity("hugging-face", "Hugging Face", ("HuggingFace",)),
    }
    claims = (
        _claim(
            "c-open",
            "李开复认为,开源模型让创业者站在同一起跑线。",
            "Kai-Fu Lee says open-source models put founders on one starting line.",
            "李开复认为开源模型让创业者站在同一起跑线",
            "li-kaifu",
            ("open-source",),
        ),
        _claim(
            "c-gpu",
            "王小川说,英伟达一年的 GPU 出货量在 100 万颗。",
            "Wang Xiaochuan says Nvidia ships one million GPUs a year.",
            "王小川说英伟达一年的 GPU 出货量在 100 万颗",
            "wang-xiaochuan",
            ("compute",),
        ),
        _claim(
            "c-vector",
            "腾讯发布了向量数据库产品。",
            "Tencent launched a vector database product.",
            "腾讯发布了向量数据库产品",
            "geekpark",
            ("middle-layer",),
        ),
        _claim(
            "c-llama",
            "Meta 开源的 Llama2 很重要。",
            "Meta's open-source Llama 2 matters.",
            "Meta 开源的 Llama2 很重要",
            "geekpark",
            ("open-source",),
        ),
        _claim(
            "c-hf",
            "Hugging Face 是开源社区。",
            "Hugging Face is the open-source community.",
            "Hugging Face 是开源社区",
            "geekpark",
            ("open-source",),
            "s2",
        ),
        _claim(
            "c-halluc",
            "幻觉对药物设计可能有益。",
            "Hallucination may help drug design.",
            "幻觉对药物设计可能有益",
            "geekpark",
            ("hallucination",),
        ),
        _claim(
            "c-client",
            "客户只需要语言理解和推理能力。",
            "Customers only need language understanding and reasoning.",
            "客户只需要语言理解和推理能力",
            "geekpark",
            ("to-b",),
        ),
    )
    sources = {
        "s1": Source("s1", "Source one", SOURCE_TEXT),
        "s2": Source("s2", "Source two", SOURCE_TEXT),
    }
    return Corpus(sources, claims, people, topics, entities)


@pytest.fixture(scope="module")
def engine(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> SearchEngine:
    return SearchEngine.build(corpus, use_cache=False)


def _ids(engine: SearchEngine, query: str, limit: int = 5) -> list[str]:
    return [h.claim.id for h in engine.search(query, limit=limit).hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("向量数据库", "c-vector"),
        ("vector database", "c-vector"),
        ("向量數據庫", "c-vector"),  # traditional
        ("ＧＰＵ 出货量", "c-gpu"),  # full-width
        ("li kaifu", "c-open"),  # pinyin
        ("Kai-Fu Lee", "c-open"),  # English name
        ("kaifu lee", "c-open"),
        ("Lama2", "c-llama"),  # typo
        ("Hugingface", "c-hf"),  # typo
        ("hallucination", "c-halluc"),
        ("<@U123> <!channel> 药物设计", "c-halluc"),  # Slack markup
        ("开源模型值得用吗", "c-open"),  # a question
    ],
)
def test_finds_what_people_type(engine: SearchEngine, query: str, expected: str) -> None:
    assert _ids(engine, query)[:1] == [expected]


@pytest.mark.parametrize("query", ["今天天气怎么样", "how do I reset my password", "什么", "推荐一家好吃的火锅店"])
def test_off_topic_gets_no_answer_but_suggestions(engine: SearchEngine, query: str) -> None:
    result = engine.search(query)
    assert result.hits == () and result.total == 0
    assert result.suggestions and all(s.startswith(("topic:", "by:")) for s in result.suggestions)


def test_filters_combine_with_text_and_alone(engine: SearchEngine) -> None:
    assert set(_ids(engine, "topic:开源", limit=10)) == {"c-open", "c-llama", "c-hf"}
    assert _ids(engine, "topic:开源 社区") == ["c-hf"]
    assert _ids(engine, "by:李开复") == ["c-open"]
    assert _ids(engine, "by:li kaifu") == []  # a filter value is one word; "kaifu" is then free text
    assert _ids(engine, "by:likaifu") == ["c-open"]
    assert set(_ids(engine, "source:s2", limit=10)) == {"c-hf"}
    result = engine.search("by:王小川 开源")
    assert result.hits == () and result.filters == {"by": "wang-xiaochuan"}


def test_unknown_filter_value_says_so(engine: SearchEngine) -> None:
    result = engine.search("by:nobody-at-all 开源")
    assert result.hits == () and result.problems and "by:nobody-at-all" in result.problems[0]


def test_paging_and_total(engine: SearchEngine) -> None:
    first = engine.search("topic:开源", limit=2)
    second = engine.search("topic:开源", limit=2, offset=2)
    assert first.total == 3 and len(first.hits) == 2 and len(second.hits) == 1
    assert {h.claim.id for h in first.hits}.isdisjoint(h.claim.id for h in second.hits)


def test_scores_descend_and_explain(engine: SearchEngine) -> None:
    hits = engine.search("开源", explain=True).hits
    assert len(hits) >= 2
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert any("covers" in reason for reason in hits[0].why)
    assert engine.search("开源").hits[0].why == ()  # only on request: it re-reads the claims


def test_related_never_returns_the_claim_itself(engine: SearchEngine) -> None:
    related = engine.related("c-llama", limit=3)
    assert related and all(h.claim.id != "c-llama" for h in related)
    assert related[0].claim.id in {"c-open", "c-hf"}
    assert engine.related("no-such-claim") == []


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_answered_without_crash(engine: SearchEngine, text: str) -> None:
    result = engine.search(text)
    assert len(result.hits) <= 5 and result.total >= len(result.hits)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   \t\n",
        "😀" * 50,
        "\x00\x01\x02\x1b[31m",
        "<!channel>",
        "<@U123>",
        "开源" * 5000,
        "a" * 10000,
        "by:",
        'topic:""',
    ],
)
def test_bad_input_is_quick_and_safe(engine: SearchEngine, query: str) -> None:
    started = time.perf_counter()
    result = engine.search(query)
    assert time.perf_counter() - started < 2.0  # generous: a crash or a hang is what this catches
    assert isinstance(result.hits, tuple)


def test_cli_json_lines_from_stdin(corpus: Corpus, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import knowledge.search_cli as cli

    monkeypatch.setattr(cli, "load_corpus_or_fail", lambda root: corpus)
    out = StringIO()
    args = SimpleNamespace(query=[], limit=2, json=True, explain=False, data=tmp_path)
    assert run_search(args, out=out, stdin=StringIO("向量数据库\n今天天气怎么样\n\n")) == 0
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [d["query"] for d in lines] == ["向量数据库", "今天天气怎么样", ""]
    first = lines[0]["results"][0]
    assert set(first) >= {"id", "text", "en", "quote", "speaker", "source", "topics", "score"}
    assert first["id"] == "c-vector" and lines[1]["results"] == []


def test_lexicon_cache_gives_the_same_engine(corpus: Corpus, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUNDAO_CACHE_DIR", str(tmp_path))
    cold = SearchEngine.build(corpus)
    warm = SearchEngine.build(corpus)
    assert list(tmp_path.glob("*.lexicon")) and list(tmp_path.glob("*.segments.json"))
    for query in ("开源模型", "GPU", "li kaifu"):
        assert _ids(cold, query) == _ids(warm, query)
