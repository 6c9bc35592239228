"""Cleaning seeds into the archive: removes only what is not the article."""

from __future__ import annotations

import pytest

from bot.cli import main
from knowledge.cleaning import CleaningRules, clean_text, strip_jammer
from knowledge.loader import BUNDLED_DATA_DIR, load_corpus
from tests.support import SHARED_DIR

SEEDS = SHARED_DIR / "seeds"


def test_jammer_only_line_is_dropped() -> None:
    assert strip_jammer("( e* H8 f6 L1 b' Q! T3 t5 h\u00a0 \u00a0d& A! Y8 f! ]$ D5 K% M6 i") is None


def test_jammer_prefix_and_suffix_are_cut_and_text_kept() -> None:
    line = "+ J7 U& o9 W: U$ e6 Q2 T  回看历史总是充满戏剧性。' Y* [- h& v' q5 ]"
    assert strip_jammer(line).strip() == "回看历史总是充满戏剧性。"


def test_real_half_width_punctuation_before_jammer_is_kept() -> None:
    assert strip_jammer('OpenAI真的能持续*吗?5 x( v" o( b; F4 {5 B').endswith("持续*吗?")
    # After a closing quotation mark too, and with a space before the run: the question's own mark.
    assert strip_jammer("这本书到底是“老师”还是“裁判”? k; p9 B5 Q. g* n- r7 G+ N") == "这本书到底是“老师”还是“裁判”?"
    assert strip_jammer("他们喊出“快一点”! k; p9 B5 Q. g* n- r7") == "他们喊出“快一点”!"


def test_section_numbers_and_short_latin_words_survive() -> None:
    assert strip_jammer("  02") == "  02"
    assert strip_jammer("\u00a0\u00a0_, A& d& U: M. B/ v0 g  01").strip() == "01"
    assert strip_jammer("  03* q: k; h6 }1 k8 G") == "03"
    assert strip_jammer("  我们用的是 AI") == "  我们用的是 AI"
    assert strip_jammer("  而做 toC 呢?") == "  而做 toC 呢?"


def test_rules_drop_chrome_lines_spans_and_isolate_captions() -> None:
    raw = "标题\n分享海报\n正文第一句。IMG_257图片来源:Meta这看起来是真的。\n出自:https://example.com\n页脚\n"
    rules = CleaningRules(
        drop_lines=("分享海报",),
        drop_spans=(r"IMG_\d+",),
        isolate_spans=("图片来源:Meta",),
        keep_until="^出自:",
    )
    assert clean_text(raw, rules) == "标题\n\n正文第一句。\n\n图片来源:Meta\n\n这看起来是真的。\n"


def test_censor_marks_stay() -> None:
    assert "最*的公司" in clean_text("  最*的公司各选山头\n", CleaningRules(discuz_jammer=True))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seeds are not beside this checkout")
def test_archive_is_exactly_what_the_cleaning_rules_give(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["corpus", "archive", "--seeds", str(SEEDS), "--check"])
    out = capsys.readouterr().out
    assert status == 0, out
    seeded = [p for p in (BUNDLED_DATA_DIR / "sources").glob("*.yaml") if "\nseed: " in p.read_text(encoding="utf-8")]
    assert len(seeded) >= 5
    assert out.count("up to date") == len(seeded)


def test_archived_texts_hold_no_scraping_noise() -> None:
    corpus = load_corpus()
    for source in corpus.sources.values():
        for marker in ("IMG_", ".jpg", "找回密码", "Powered by Discuz", "分享海报", "微信扫一扫", "随意打赏"):
            assert marker not in source.text, (source.id, marker)
        # No line is a run of 1-2 character ASCII tokens (the Discuz jammer).
        for line in source.text.splitlines():
            tokens = line.split()
            assert not (len(tokens) >= 3 and all(len(t) <= 2 and t.isascii() for t in tokens)), (source.id, line)
