"""``corpus add``: bad input gives one clear line and writes nothing; good input writes both files."""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from knowledge.cleaning import CleaningRules, clean_text
from knowledge.ingest.add import add_source, rebuild_text
from knowledge.ingest.extract import IngestError, read_article
from knowledge.loader import BUNDLED_DATA_DIR, read_corpus

ARTICLE = "周鸿祎表示,这一轮技术浪潮会持续很多年。\n\n他认为,创业者应该做垂直大模型。\n"


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA_DIR, root)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    """``lundao ARGV`` as the console script runs it: status, standard output, standard error."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


def add(kb: Path, file: Path, **overrides: str) -> list[str]:
    options = {"--id": "new-article", "--title": "标题", "--publisher": "极客公园", "--date": "2024-03-01"}
    options.update(overrides)
    return ["corpus", "--data", str(kb), "add", str(file), *[x for kv in options.items() for x in kv]]


def assert_refused(kb: Path, argv: list[str], reason: str) -> None:
    before = snapshot(kb)
    status, out, err = run_cli(argv)
    assert status == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert reason in err
    assert "nothing written" in err
    assert snapshot(kb) == before


def test_an_empty_file_is_refused(kb: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    assert_refused(kb, add(kb, empty), "empty")


def test_a_binary_file_is_refused(kb: Path, tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)))
    assert_refused(kb, add(kb, binary), "not a text file")


def test_an_id_that_exists_is_refused(kb: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert_refused(kb, add(kb, article, **{"--id": "xixi-lundao"}), "exists")


@pytest.mark.parametrize("date", ["2024-13-01", "2024-02-30", "2024/03/01", "yesterday", "24-3-1"])
def test_a_date_that_is_not_one_is_refused(kb: Path, tmp_path: Path, date: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert_refused(kb, add(kb, article, **{"--date": date}), "is not a date")


def test_a_page_with_no_main_text_is_refused(kb: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>登录</title><script>var x = 1;</script></head>"
        "<body><nav><a href='/'>首页</a></nav><form><input name='user'></form></body></html>",
        encoding="utf-8",
    )
    assert_refused(kb, add(kb, page), "no main text")


@pytest.mark.parametrize(
    ("option", "value", "reason"),
    [
        ("--id", "New Article", "lowercase slug"),
        ("--title", " ", "--title is empty"),
        ("--url", "example", "web address"),
    ],
)
def test_other_bad_options_are_refused(kb: Path, tmp_path: Path, option: str, value: str, reason: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert_refused(kb, add(kb, article, **{option: value}), reason)


def test_an_unsupported_or_missing_file_is_refused(kb: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "a.pdf"
    sheet.write_text(ARTICLE, encoding="utf-8")
    assert_refused(kb, add(kb, sheet), "unsupported file type")
    assert_refused(kb, add(kb, tmp_path / "missing.txt"), "no such file")


def test_a_text_article_is_added_and_loads(kb: Path, tmp_path: Path) -> None:
    article = tmp_path / "talk.txt"
    article.write_text("首页 > 资讯\n\n标题\n\n" + ARTICLE + "\n分享到\n", encoding="utf-8")
    status, out, err = run_cli(add(kb, article, **{"--author": "凌梓郡", "--url": "https://example.com/a"}))
    assert status == 0, err
    assert "breadcrumb: 首页 > 资讯" in out
    assert (kb / "sources" / "new-article.txt").read_text(encoding="utf-8") == ARTICLE
    meta = yaml.safe_load((kb / "sources" / "new-article.yaml").read_text(encoding="utf-8"))
    assert meta["seed"] == "talk.txt" and meta["author"] == "凌梓郡" and str(meta["date"]) == "2024-03-01"
    corpus, problems = read_corpus(kb)
    assert "new-article" in corpus.sources
    assert [p for p in problems if "new-article" in str(p)] == []
    assert rebuild_text(article, meta["cleaning"]) == ARTICLE


def test_a_web_page_keeps_its_article_and_loses_its_site(kb: Path, tmp_path: Path) -> None:
    paragraphs = [
        "2024 年的大模型创业者面对的是一个快速变化的市场,模型能力每隔几个月就会刷新一次。",
        "周鸿祎在会上表示,这一轮技术浪潮至少会持续好几年,足以改变许多行业的做法。",
        "他认为,创业公司的机会在企业客户那里,应当专注于一个行业的模型。",
    ]
    page = tmp_path / "talk.html"
    page.write_text(
        "<html><head><title>周鸿祎:大模型</title></head><body>"
        "<nav><a href='/'>首页</a> | <a href='/news'>资讯</a> | <a href='/login'>登录</a></nav>"
        "<article><h1>周鸿祎:大模型</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>"
        "<footer>版权所有 © 2024 某某网 | 联系我们</footer></body></html>",
        encoding="utf-8",
    )
    report = add_source(
        page, data_dir=kb, source_id="web-page", title="周鸿祎:大模型", publisher="某某网", date="2024-03-01"
    )
    text = report.text_path.read_text(encoding="utf-8")
    assert text.split("\n\n") == [*paragraphs[:-1], paragraphs[-1] + "\n"]
    meta = yaml.safe_load(report.meta_path.read_text(encoding="utf-8"))
    assert any("trafilatura" in note for note in meta["cleaning"]["notes"])
    assert rebuild_text(page, meta["cleaning"]) == text


def test_markdown_markup_is_removed(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text(
        "# 标题\n\n![图](https://cdn.example.com/a.png?token=1)\n\n**李彦宏**认为,[应用](https://x.cn)更重要。\n"
    )
    assert read_article(note) == "标题\n\n\n\n李彦宏认为,应用更重要。\n"


def test_a_gb18030_page_is_read(tmp_path: Path) -> None:
    page = tmp_path / "gbk.txt"
    page.write_bytes(ARTICLE.encode("gb18030"))
    assert read_article(page) == ARTICLE


def test_reading_a_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="cannot read"):
        read_article(tmp_path)


def test_the_rules_written_rebuild_the_text_with_todays_cleaner(tmp_path: Path, kb: Path) -> None:
    article = tmp_path / "forum.txt"
    article.write_text(
        "找回密码\n 我要注册\n查看: 516|回复: 0\n发表于 2023-8-8 09:07 | 显示全部楼层 |阅读模式\n" + ARTICLE,
        encoding="utf-8",
    )
    report = add_source(article, data_dir=kb, source_id="forum", title="t", publisher="p", date="2023-08-08")
    meta = yaml.safe_load(report.meta_path.read_text(encoding="utf-8"))
    rebuilt = clean_text(article.read_text(encoding="utf-8"), CleaningRules.from_mapping(meta["cleaning"]))
    assert rebuilt == report.text_path.read_text(encoding="utf-8") == ARTICLE


def test_a_text_file_holding_a_pages_markup_is_read_as_paragraphs_without_tags(tmp_path: Path) -> None:
    # A transcript saved with its HTML on one line: each block is a paragraph, inline tags and entities are text.
    saved = tmp_path / "page.txt"
    saved.write_text(
        "访谈实录\n\n"
        '<p class="ql-block"><b>主持人:你们为什么降价?</b></p><p class="ql-block"><b>孙立:成本降了,'
        "我们就降价。</b></p><p>第二段<br>换行&amp;符号</p>\n\n"
        "正文里的 a<b 不是标签。\n",
        encoding="utf-8",
    )
    text = read_article(saved)
    assert "<" not in text.replace("a<b", "")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    assert paragraphs == [
        "访谈实录",
        "主持人:你们为什么降价?",
        "孙立:成本降了,我们就降价。",
        "第二段\n换行&符号",
        "正文里的 a<b 不是标签。",
    ]
