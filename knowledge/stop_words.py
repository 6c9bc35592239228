"""Words that never count in a search: a maintained list, plus the few colloquial ones it lacks.

Compared with tokens as written (lower case), before stemming: ``does`` would stem to ``doe`` and
slip through. Corpus IDF and general-language frequency already push common words down; these are
the ones that should never count at all. A module of its own so that ``knowledge.check`` and the
tests can read the list without loading jieba.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def library_stop_words() -> frozenset[str]:
    """Function and question words of a maintained list: stopwordsiso's Chinese and English lists.

    zh: 什么 怎么 为什么 吗 呢 多少 ...; en: does much how what ..."""
    import stopwordsiso

    return frozenset(w.lower() for lang in ("zh", "en") for w in stopwordsiso.stopwords(lang) if w)


OWN_STOP_WORDS: frozenset[str] = frozenset(
    [
        # How people ask in chat rather than what they ask about: stopwordsiso's Chinese list, made
        # from written text, has none of these.
        "请问",
        "问",
        "问题",
        "告诉",
        "知道",
        "讲",
        "讲讲",
        "说说",
        "聊聊",
        "看看",
        "一下",
        "到底",
        "究竟",
        "是不是",
        "有没有",
        "会不会",
        "能不能",
        "可能",
        "没",
        "没有",
        "太",
        "非常",
        "比较",
        "相关",
        "里",
        # Comparison wording says how to relate the things named, not what they are.
        "compare",
        "compared",
        "comparison",
        "相比",
    ]
)

STOP_WORDS: frozenset[str] = OWN_STOP_WORDS | library_stop_words()
