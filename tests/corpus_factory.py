"""Small, valid knowledge bases written to a temporary folder, for tests to break or search."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

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


def write_corpus(
    root: Path,
    *,
    claims: list[dict[str, Any]] | None = None,
    people: list[dict[str, Any]] | None = None,
    topics: list[dict[str, Any]] | None = None,
    entities: list[dict[str, Any]] | None = None,
    source_text: str = SOURCE_TEXT,
    source_id: str = "sample",
) -> Path:
    """Write a knowledge base with one source; every argument replaces the valid default."""
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "claims").mkdir(parents=True, exist_ok=True)
    meta = {"id": source_id, "title": "样例文章标题", "publisher": "样例媒体", "date": "2023-09-03"}
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
