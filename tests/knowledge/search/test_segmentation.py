"""A query word is found even where jieba cut the claim's characters differently."""

from __future__ import annotations

from knowledge.models import Claim, Corpus, Person, Source, Topic
from knowledge.search import SearchEngine

TEXT = "被问云是技术还是产品时,张勇回答云本身应该是产品。自 6 月开始,产品的月活首次出现下滑。"


def _corpus() -> Corpus:
    claims = (
        Claim(
            "cloud-product",
            "s",
            "被问云是技术还是产品时,张勇回答云本身应该是产品。",
            "Asked whether cloud is a technology or a product, Zhang Yong said it is a product.",
            "张勇回答云本身应该是产品",
            "zhang-yong",
            ("cloud",),
        ),
        Claim(
            "mau-decline",
            "s",
            "自 6 月开始,产品的月活首次出现下滑。",
            "Monthly active users fell for the first time in June.",
            "产品的月活首次出现下滑",
            "press",
            ("users",),
        ),
        Claim(
            "unrelated",
            "s",
            "英伟达一年的 GPU 出货量在 100 万颗。",
            "Nvidia ships a million GPUs a year.",
            "英伟达一年的 GPU 出货量在 100 万颗",
            "press",
            ("compute",),
        ),
    )
    return Corpus(
        sources={"s": Source("s", "标题", TEXT)},
        claims=claims,
        people={
            "zhang-yong": Person("zhang-yong", "person", "张勇", "Daniel Zhang", "Zhang Yong"),
            "press": Person("press", "publication", "媒体", "Press"),
        },
        topics={
            "cloud": Topic("cloud", "云计算", "Cloud"),
            "users": Topic("users", "用户", "Users"),
            "compute": Topic("compute", "算力", "Compute"),
        },
        entities={},
    )


def test_segmentation_differences_do_not_hide_a_claim() -> None:
    engine = SearchEngine.build(_corpus(), use_cache=False)
    tokens = engine.pipeline.tokens("自 6 月开始,产品的月活首次出现下滑")
    assert "月活" not in tokens, "this test needs the claim's characters cut another way than the query's"
    hits = engine.search("月活 下滑", limit=3).hits
    assert hits and hits[0].claim.id == "mau-decline"


def test_a_question_quoting_the_claims_words_finds_it() -> None:
    engine = SearchEngine.build(_corpus(), use_cache=False)
    hits = engine.search("云是技术还是产品", limit=3).hits
    assert hits and hits[0].claim.id == "cloud-product"
