"""Shared fixtures: a tiny knowledge base written as real data files, and a fake Slack Web API.

Kept generic on purpose (the digest tests use them too): nothing here knows the bundled claims.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from config.settings import Secret, Settings
from knowledge.loader import load_corpus
from knowledge.models import Corpus

TINY_SOURCE_TEXT = """\
第一段：这是一篇关于大模型行业的测试文章，讲开源、算力和人才。

开源段落：张三说，开源模型会在一年内追上闭源模型，开源社区的迭代速度远超任何一家公司。李四补充说，企业客户更愿意私有化部署开源模型。

算力段落：王五认为，算力短缺会持续两年，GPU 的价格还会上涨 30%。

人才段落：张三还说，做过大模型 Infra 的人比做模型的人更稀缺。

反面段落：李四认为，闭源模型在可靠性上仍然领先，开源不是万能药 & 需要谨慎 <评估>。
"""

TINY_FILES: dict[str, str] = {
    "sources/test-article.yaml": """\
        id: test-article
        title: 测试文章：大模型的 2024
        publisher: 测试媒体
        date: 2024-01-02
        url: https://example.com/article?id=1&lang=zh
        summary: 一篇测试文章。
        summary_en: A test article.
        """,
    "people.yaml": """\
        people:
          - id: zhang-san
            kind: person
            zh: 张三
            en: San Zhang
            role: 某模型公司创始人
            role_en: Founder of a model company
            org: 某模型公司
            aliases: [Zhang San]
          - id: li-si
            kind: person
            zh: 李四
            en: Si Li
            role: 投资人
            role_en: Investor
            org: 某基金
          - id: wang-wu
            kind: person
            zh: 王五
            en: Wu Wang
            role: 分析师
            role_en: Analyst
        """,
    "topics.yaml": """\
        topics:
          - id: open-source
            zh: 开源
            en: Open source
            aliases: [开源模型, open source]
          - id: compute
            zh: 算力
            en: Compute
            aliases: [GPU]
          - id: talent
            zh: 人才与团队
            en: Talent and teams
          - id: to-b
            zh: 企业服务
            en: Enterprise (ToB)
          - id: empty-topic
            zh: 空话题
            en: Empty topic
        """,
    "glossary.yaml": """\
        entities:
          - id: gpu
            name: GPU
            aliases: [显卡]
        """,
    "claims/test-article.yaml": """\
        source: test-article
        claims:
          - id: open-catch-up
            text: 张三认为，开源模型会在一年内追上闭源模型。
            en: San Zhang thinks open models will catch up with closed ones within a year.
            quote: 开源模型会在一年内追上闭源模型
            speaker: zhang-san
            topics: [open-source]
            kind: prediction
          - id: open-community-speed
            text: 张三认为，开源社区的迭代速度远超任何一家公司。
            en: San Zhang thinks the open-source community iterates faster than any single company.
            quote: 开源社区的迭代速度远超任何一家公司
            speaker: zhang-san
            topics: [open-source]
          - id: open-private-deploy
            text: 李四说，企业客户更愿意私有化部署开源模型。
            en: Si Li says enterprise customers prefer deploying open models on their own premises.
            quote: 企业客户更愿意私有化部署开源模型
            speaker: li-si
            topics: [open-source, to-b]
            kind: fact
          - id: closed-reliability
            text: 李四认为，闭源模型在可靠性上仍然领先，开源不是万能药。
            en: Si Li thinks closed models still lead on reliability; open source is no panacea.
            quote: 闭源模型在可靠性上仍然领先，开源不是万能药
            speaker: li-si
            topics: [open-source]
          - id: compute-shortage
            text: 王五认为，算力短缺会持续两年，GPU 价格还会上涨 30%。
            en: Wu Wang thinks the compute shortage will last two years and GPU prices will rise 30%.
            quote: 算力短缺会持续两年，GPU 的价格还会上涨 30%
            speaker: wang-wu
            topics: [compute]
            kind: number
          - id: infra-talent
            text: 张三说，做过大模型 Infra 的人比做模型的人更稀缺。
            en: San Zhang says people who have built LLM infrastructure are scarcer than modellers.
            quote: 做过大模型 Infra 的人比做模型的人更稀缺
            speaker: zhang-san
            topics: [talent]
            digest: false
        """,
}


def write_knowledge_base(root: Path, files: dict[str, str] | None = None, source_text: str = TINY_SOURCE_TEXT) -> Path:
    """Write a small knowledge base in the data-file format of knowledge/data/README.md."""
    for name, content in (files or TINY_FILES).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content), encoding="utf-8")
    (root / "claims").mkdir(exist_ok=True)
    (root / "sources").mkdir(exist_ok=True)
    (root / "sources" / "test-article.txt").write_text(source_text, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def tiny_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """Six claims from one source, three speakers, five topics (one without claims)."""
    return load_corpus(write_knowledge_base(tmp_path_factory.mktemp("kb")))


@pytest.fixture
def fake_slack() -> Iterator[object]:
    """A running local fake of Slack's Web API and response URLs (see bot/fake_slack.py)."""
    from bot.fake_slack import FakeSlack

    with FakeSlack() as slack:
        yield slack


SIGNING_SECRET = "test-signing-secret-0123456789"


@pytest.fixture
def slack_settings(fake_slack: object) -> Settings:
    """Settings for an HTTP-mode app talking to ``fake_slack``; never the developer's environment."""
    return replace(
        Settings(),
        bot_token=Secret("xoxb-test-token"),
        signing_secret=Secret(SIGNING_SECRET),
        api_base_url=fake_slack.api_url,  # type: ignore[attr-defined]
    )
