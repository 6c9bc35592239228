"""The search's jieba dictionary: its general-language total, and the cache folder that keeps it."""

from __future__ import annotations

import os
from pathlib import Path

import jieba
import pytest

from knowledge.search.lexicon import (
    MAX_CACHED_LEXICONS,
    build_lexicon,
    default_dictionary_path,
    load_lexicon,
    load_segments,
    save_segments,
)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LUNDAO_CACHE_DIR", str(tmp_path))
    return tmp_path


def _stale_lexicon(folder: Path, name: str, age_s: float) -> Path:
    """A cache entry (lexicon and segmentations) last used ``age_s`` seconds ago."""
    lexicon = folder / f"{name}.lexicon"
    lexicon.write_text("#total 100\n开源 5\n", encoding="utf-8")
    save_segments(lexicon, {"开源": ("开源",)})
    when = lexicon.stat().st_mtime - age_s
    os.utime(lexicon, (when, when))
    return lexicon


def test_total_frequency_is_the_one_jieba_computes_from_its_dictionary() -> None:
    with default_dictionary_path().open("rb") as handle:
        _, jieba_total = jieba.Tokenizer().gen_pfdict(handle)
    assert build_lexicon(["开源模型"], []).total_freq == jieba_total


def test_cached_lexicon_reads_back_the_same_words_and_total(cache: Path) -> None:
    cold, path = load_lexicon(["开源模型的出货量"], ["李开复"])
    warm, warm_path = load_lexicon(["开源模型的出货量"], ["李开复"])
    assert path == warm_path and path.parent == cache
    assert warm == cold and warm.words["李开复"] >= 1


def test_writing_a_lexicon_evicts_all_but_the_most_recently_used(cache: Path) -> None:
    stale = [_stale_lexicon(cache, f"old{i}", age_s=1000 * (i + 1)) for i in range(MAX_CACHED_LEXICONS + 2)]
    _, fresh = load_lexicon(["向量数据库"], [])
    kept = sorted(cache.glob("*.lexicon"))
    assert len(kept) == MAX_CACHED_LEXICONS and fresh in kept
    assert set(kept) == {fresh, *stale[: MAX_CACHED_LEXICONS - 1]}  # the youngest of the old ones
    for evicted in stale[MAX_CACHED_LEXICONS - 1 :]:
        assert not load_segments(evicted) and not evicted.with_suffix(".segments.json").exists()
    assert load_segments(stale[0]) == {"开源": ("开源",)}


def test_reading_a_cached_lexicon_keeps_it_from_eviction(cache: Path) -> None:
    _, used = load_lexicon(["幻觉"], [])
    old = used.stat().st_mtime - 10_000
    os.utime(used, (old, old))
    for i in range(MAX_CACHED_LEXICONS - 1):
        _stale_lexicon(cache, f"newer{i}", age_s=i)
    load_lexicon(["幻觉"], [])  # a cache hit: now the most recently used
    load_lexicon(["算力"], [])  # a new entry: one of the others must go
    assert used.exists() and len(list(cache.glob("*.lexicon"))) == MAX_CACHED_LEXICONS


def test_a_lexicon_without_the_total_is_rebuilt(cache: Path) -> None:
    _, path = load_lexicon(["模型"], [])
    path.write_text("模型 5\n", encoding="utf-8")  # a damaged or older-format entry
    again, _ = load_lexicon(["模型"], [])
    assert again.total_freq > 5 and again.words.get("模型", 0) > 5


def test_raw_texts_are_prepared_only_when_the_lexicon_is_built(cache: Path) -> None:
    from knowledge.text import normalize

    prepared: list[str] = []

    def prepare(text: str) -> str:
        prepared.append(text)
        return normalize(text)

    raw = ["開源模型的出貨量", "ＧＰＵ算力"]  # traditional and full-width: normalize changes them
    built, path = load_lexicon(raw, [], prepare=prepare, prepared_by="v1")
    assert prepared == raw
    assert built == build_lexicon([normalize(t) for t in raw], [])  # as from the normalized texts
    assert "模型" in built.words  # 開源模型 was read as 开源模型
    again, again_path = load_lexicon(raw, [], prepare=prepare, prepared_by="v1")
    assert again == built and again_path == path and prepared == raw  # a cache hit: nothing prepared
    _, other = load_lexicon(raw, [], prepare=prepare, prepared_by="v2")  # another normalizer: another key
    assert other != path and prepared == raw * 2
