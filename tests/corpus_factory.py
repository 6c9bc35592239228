"""The tests' one corpus factory: small valid knowledge bases, written as data files or built in memory.

- ``write_corpus(root, ...)``: a knowledge base in the data-file format of knowledge/data/README.md,
  one source; every argument replaces part of the valid "sample" default, so tests can break it.
- ``write_tiny_corpus(root)``: the "tiny" one the app and search tests share (six claims, three
  speakers, five topics, one of them without claims), written with ``write_corpus``.
- ``make_corpus(sizes)``: an in-memory corpus of any size over the sample speakers, for the digest.

Nothing here knows the bundled claims.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from knowledge.models import CLAIM_KINDS, Claim, Corpus, Person, Source, Topic

SOURCE_TEXT = """样例文章标题

第一段:算力短缺是个长期问题,全球创业者都要面对。GPU 到底多少算够没人说得清。

第二段:李开复认为,Infra 团队必须比模型团队还要强大。

第三段:开源模型降低了冷启动的成本,对创业者这并不丢人。
"""

PEOPLE: list[dict[str, Any]] = [
    {
        "id": "li-kaifu",
        "kind": "person",
        "zh": "李开复",
        "en": "Kai-Fu Lee",
        "pinyin": "Li Kaifu",
        "role": "创新工场董事长",
        "role_en": "Chairman of Sinovation Ventures",
        "org": "创新工场",
        "aliases": ["Kaifu Lee"],
    },
    {
        "id": "sample-press",
        "kind": "publication",
        "zh": "样例媒体",
        "en": "Sample Press",
        "role": "科技媒体",
        "org": "样例媒体",
    },
]

TOPICS: list[dict[str, Any]] = [
    {"id": "compute", "zh": "算力", "en": "Compute", "aliases": ["GPU"]},
    {"id": "talent", "zh": "人才", "en": "Talent", "aliases": ["团队"]},
    {"id": "open-source", "zh": "开源", "en": "Open source", "aliases": ["开源模型"]},
]

ENTITIES: list[dict[str, Any]] = [
    {"id": "gpu", "name": "GPU", "aliases": ["显卡"]},
]

CLAIMS: list[dict[str, Any]] = [
    {
        "id": "sample-compute-shortage",
        "text": "算力短缺是长期问题。",
        "en": "The compute shortage is a long-term problem.",
        "quote": "算力短缺是个长期问题,全球创业者都要面对。",
        "speaker": "sample-press",
        "topics": ["compute"],
        "kind": "judgement",
    },
    {
        "id": "sample-infra-team",
        "text": "李开复认为 Infra 团队必须比模型团队更强。",
        "en": "Kai-Fu Lee says the infrastructure team must be stronger than the modelling team.",
        "quote": "李开复认为,Infra 团队必须比模型团队还要强大。",
        "speaker": "li-kaifu",
        "topics": ["talent"],
        "kind": "judgement",
    },
    {
        "id": "sample-open-source-cold-start",
        "text": "开源模型降低了冷启动成本。",
        "en": "Open models lower the cold-start cost for founders.",
        "quote": "开源模型降低了冷启动的成本",
        "speaker": "sample-press",
        "topics": ["open-source"],
        "kind": "argument",
        "takeaway": 8,
    },
]


SAMPLE_SOURCE: dict[str, Any] = {"id": "sample", "title": "样例文章标题", "publisher": "样例媒体", "date": "2023-09-03"}


def write_corpus(
    root: Path,
    *,
    claims: list[dict[str, Any]] | None = None,
    people: list[dict[str, Any]] | None = None,
    topics: list[dict[str, Any]] | None = None,
    entities: list[dict[str, Any]] | None = None,
    source_text: str = SOURCE_TEXT,
    source_id: str = "sample",
    source: dict[str, Any] | None = None,
) -> Path:
    """Write a knowledge base with one source; every argument replaces the valid default."""
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "claims").mkdir(parents=True, exist_ok=True)
    meta = {**SAMPLE_SOURCE, "id": source_id} if source is None else {**source, "id": source_id}
    (root / "sources" / f"{source_id}.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    (root / "sources" / f"{source_id}.txt").write_text(source_text, encoding="utf-8")

    def dump(path: Path, data: Any) -> None:
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    dump(root / "claims" / f"{source_id}.yaml", {"source": source_id, "claims": CLAIMS if claims is None else claims})
    dump(root / "people.yaml", {"people": PEOPLE if people is None else people})
    dump(root / "topics.yaml", {"topics": TOPICS if topics is None else topics})
    dump(root / "glossary.yaml", {"entities": ENTITIES if entities is None else entities})
    return root


def claim(**changes: Any) -> dict[str, Any]:
    """A copy of the first sample claim with some fields changed (None removes a field)."""
    base = dict(CLAIMS[0])
    for key, value in changes.items():
        if value is None:
            base.pop(key, None)
        else:
            base[key] = value
    return base


# The tiny knowledge base: one article, six claims, three speakers, five topics (one without claims).
TINY_SOURCE_TEXT = """\
第一段：这是一篇关于大模型行业的测试文章，讲开源、算力和人才。

开源段落：张三说，开源模型会在一年内追上闭源模型，开源社区的迭代速度远超任何一家公司。李四补充说，企业客户更愿意私有化部署开源模型。

算力段落：王五认为，算力短缺会持续两年，GPU 的价格还会上涨 30%。

人才段落：张三还说，做过大模型 Infra 的人比做模型的人更稀缺。

反面段落：李四认为，闭源模型在可靠性上仍然领先，开源不是万能药 & 需要谨慎 <评估>。
"""

TINY_SOURCE: dict[str, Any] = {
    "id": "test-article",
    "title": "测试文章：大模型的 2024",
    "publisher": "测试媒体",
    "date": "2024-01-02",
    "url": "https://example.com/article?id=1&lang=zh",
    "summary": "一篇测试文章。",
    "summary_en": "A test article.",
}

TINY_PEOPLE: list[dict[str, Any]] = [
    {
        "id": "zhang-san",
        "kind": "person",
        "zh": "张三",
        "en": "San Zhang",
        "role": "某模型公司创始人",
        "role_en": "Founder of a model company",
        "org": "某模型公司",
        "aliases": ["Zhang San"],
    },
    {
        "id": "li-si",
        "kind": "person",
        "zh": "李四",
        "en": "Si Li",
        "role": "投资人",
        "role_en": "Investor",
        "org": "某基金",
    },
    {"id": "wang-wu", "kind": "person", "zh": "王五", "en": "Wu Wang", "role": "分析师", "role_en": "Analyst"},
]

TINY_TOPICS: list[dict[str, Any]] = [
    {"id": "open-source", "zh": "开源", "en": "Open source", "aliases": ["开源模型", "open source"]},
    {"id": "compute", "zh": "算力", "en": "Compute", "aliases": ["GPU"]},
    {"id": "talent", "zh": "人才与团队", "en": "Talent and teams"},
    {"id": "to-b", "zh": "企业服务", "en": "Enterprise (ToB)"},
    {"id": "empty-topic", "zh": "空话题", "en": "Empty topic"},
]

TINY_CLAIMS: list[dict[str, Any]] = [
    {
        "id": "open-catch-up",
        "text": "张三认为，开源模型会在一年内追上闭源模型。",
        "en": "San Zhang thinks open models will catch up with closed ones within a year.",
        "quote": "开源模型会在一年内追上闭源模型",
        "speaker": "zhang-san",
        "topics": ["open-source"],
        "kind": "prediction",
    },
    {
        "id": "open-community-speed",
        "text": "张三认为，开源社区的迭代速度远超任何一家公司。",
        "en": "San Zhang thinks the open-source community iterates faster than any single company.",
        "quote": "开源社区的迭代速度远超任何一家公司",
        "speaker": "zhang-san",
        "topics": ["open-source"],
    },
    {
        "id": "open-private-deploy",
        "text": "李四说，企业客户更愿意私有化部署开源模型。",
        "en": "Si Li says enterprise customers prefer deploying open models on their own premises.",
        "quote": "企业客户更愿意私有化部署开源模型",
        "speaker": "li-si",
        "topics": ["open-source", "to-b"],
        "kind": "fact",
    },
    {
        "id": "closed-reliability",
        "text": "李四认为，闭源模型在可靠性上仍然领先，开源不是万能药。",
        "en": "Si Li thinks closed models still lead on reliability; open source is no panacea.",
        "quote": "闭源模型在可靠性上仍然领先，开源不是万能药",
        "speaker": "li-si",
        "topics": ["open-source"],
    },
    {
        "id": "compute-shortage",
        "text": "王五认为，算力短缺会持续两年，GPU 价格还会上涨 30%。",
        "en": "Wu Wang thinks the compute shortage will last two years and GPU prices will rise 30%.",
        "quote": "算力短缺会持续两年，GPU 的价格还会上涨 30%",
        "speaker": "wang-wu",
        "topics": ["compute"],
        "kind": "number",
    },
    {
        "id": "infra-talent",
        "text": "张三说，做过大模型 Infra 的人比做模型的人更稀缺。",
        "en": "San Zhang says people who have built LLM infrastructure are scarcer than modellers.",
        "quote": "做过大模型 Infra 的人比做模型的人更稀缺",
        "speaker": "zhang-san",
        "topics": ["talent"],
        "digest": False,
    },
]


def write_tiny_corpus(root: Path) -> Path:
    """Write the tiny knowledge base (the ``tiny_corpus`` fixture loads it once per session)."""
    return write_corpus(
        root,
        claims=TINY_CLAIMS,
        people=TINY_PEOPLE,
        topics=TINY_TOPICS,
        entities=ENTITIES,
        source_text=TINY_SOURCE_TEXT,
        source_id=TINY_SOURCE["id"],
        source=TINY_SOURCE,
    )


# In memory, any size: the digest's picker and posting tests need hundreds of claims, not files.
MEMORY_TOPIC_IDS = ("compute", "talent", "open-source", "infra", "money", "apps", "china")


def make_claim(index: int, source_id: str, topics: tuple[str, ...], *, digest: bool = True) -> Claim:
    return Claim(
        id=f"{source_id}-claim-{index:03d}",
        source_id=source_id,
        text=f"第 {index} 条判断,出自 {source_id}。",
        en=f"Claim {index} from {source_id}.",
        quote=f"quote {index}",
        speaker_id="li-kaifu" if index % 2 else "sample-press",
        topic_ids=topics,
        kind=CLAIM_KINDS[index % len(CLAIM_KINDS)],
        digest=digest,
    )


def make_corpus(sizes: dict[str, int], *, ineligible_every: int = 0, extra: tuple[Claim, ...] = ()) -> Corpus:
    """Sources with the given numbers of claims, topics spread over them, every ``ineligible_every``-th not for the digest.

    The speakers are the sample's (``PEOPLE``).
    """
    claims: list[Claim] = []
    index = 0
    for source_id, count in sizes.items():
        for _ in range(count):
            index += 1
            topics = (
                MEMORY_TOPIC_IDS[index % len(MEMORY_TOPIC_IDS)],
                MEMORY_TOPIC_IDS[(index * 3 + 1) % len(MEMORY_TOPIC_IDS)],
            )
            topics = tuple(dict.fromkeys(topics))
            digest = not (ineligible_every and index % ineligible_every == 0)
            claims.append(make_claim(index, source_id, topics, digest=digest))
    sources = {
        s: Source(id=s, title=f"《{s}》文章 <标题> & co", text="...", url=f"https://example.com/{s}?a=1&b=2")
        for s in sizes
    }
    people = {
        p["id"]: Person(p["id"], p["kind"], p["zh"], p["en"], role=p.get("role"), role_en=p.get("role_en"))
        for p in PEOPLE
    }
    topics = {t: Topic(t, f"话题{t}", t.title()) for t in MEMORY_TOPIC_IDS}
    return Corpus(sources, (*claims, *extra), people, topics, {})
