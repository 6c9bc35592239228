"""Draft claims and people (``status: draft``): loaded apart, never served, listed by check and stats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from knowledge.cli import export_document
from knowledge.loader import load_corpus, read_corpus
from tests.corpus_factory import CLAIMS, PEOPLE, claim, write_corpus

DRAFT = claim(
    id="sample-draft-01",
    status="draft",
    text="开源模型降低了冷启动的成本,对创业者这并不丢人。",
    quote="开源模型降低了冷启动的成本,对创业者这并不丢人。",
    en="",
    topics=[],
)
DRAFT_PERSON = {
    "id": "zhou-ming",
    "kind": "person",
    "status": "draft",
    "zh": "周明",
    "en": "Zhou Ming",
    "pinyin": "Zhou Ming",
}


def lundao(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, (captured.out + captured.err).strip().splitlines()


def test_drafts_are_kept_apart_from_the_claims_that_are_served(tmp_path: Path) -> None:
    corpus = load_corpus(write_corpus(tmp_path, claims=[*CLAIMS, DRAFT]))
    assert [c.id for c in corpus.drafts] == ["sample-draft-01"]
    assert "sample-draft-01" not in {c.id for c in corpus.claims}
    assert corpus.claim("sample-draft-01") is None
    assert "sample-draft-01" not in {c.id for c in corpus.digest_claims()}
    assert "sample-draft-01" not in {c["id"] for c in export_document(corpus)["claims"]}


def test_a_draft_needs_no_english_and_no_topics_but_an_approved_claim_does(tmp_path: Path) -> None:
    _, problems = read_corpus(write_corpus(tmp_path, claims=[*CLAIMS, DRAFT]))
    assert problems == []
    _, problems = read_corpus(write_corpus(tmp_path / "b", claims=[*CLAIMS, {**DRAFT, "status": "approved"}]))
    assert {p.message for p in problems} >= {"field 'en' is missing or empty", "field 'topics' is missing or empty"}


def test_check_lists_what_each_draft_still_needs_and_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_corpus(tmp_path, claims=[*CLAIMS, DRAFT], people=[*PEOPLE, DRAFT_PERSON])
    status, lines = lundao("corpus", "--data", str(root), "check", capsys=capsys)
    assert status == 0, lines
    note = next(line for line in lines if "sample-draft-01" in line)
    assert note.split(":")[1].isdigit()
    assert note.endswith("draft, still needs: en, topics, a concise text (text is the quote), an id")
    assert any("zhou-ming: draft person, still needs: role, role_en" in line for line in lines)
    assert lines[-1].startswith("corpus check: ok (3 claims") and lines[-1].endswith("1 draft(s) to review")


def test_a_draft_is_still_checked_for_its_quote_and_speaker(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = {**DRAFT, "quote": "原文里没有这句话", "speaker": "nobody"}
    status, lines = lundao(
        "corpus", "--data", str(write_corpus(tmp_path, claims=[*CLAIMS, bad])), "check", capsys=capsys
    )
    assert status == 1
    assert any("sample-draft-01" in line and "quote not found verbatim" in line for line in lines)
    assert any("sample-draft-01" in line and "unknown speaker 'nobody'" in line for line in lines)


def test_a_draft_id_may_not_repeat_an_approved_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_corpus(tmp_path, claims=[*CLAIMS, {**DRAFT, "id": CLAIMS[0]["id"]}])
    status, lines = lundao("corpus", "--data", str(root), "check", capsys=capsys)
    assert status == 1
    assert any("duplicate claim id" in line for line in lines)


def test_a_source_with_only_drafts_has_claims_under_review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = lundao("corpus", "--data", str(write_corpus(tmp_path, claims=[DRAFT])), "check", capsys=capsys)
    assert status == 0, lines
    assert not [line for line in lines if "source has no claims" in line]


def test_an_approved_claim_may_not_name_a_draft_speaker(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_corpus(
        tmp_path, claims=[*CLAIMS, claim(id="sample-zhou", speaker="zhou-ming")], people=[*PEOPLE, DRAFT_PERSON]
    )
    status, lines = lundao("corpus", "--data", str(root), "check", capsys=capsys)
    assert status == 1
    assert any(
        "sample-zhou" in line and "speaker 'zhou-ming' is a draft in people.yaml: fill in role and role_en" in line
        for line in lines
    )


def test_stats_count_drafts_per_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_corpus(tmp_path, claims=[*CLAIMS, DRAFT])
    status, lines = lundao("corpus", "--data", str(root), "stats", capsys=capsys)
    assert status == 0
    assert lines[0] == "3 claims (3 eligible for the daily insight); 1 draft(s) not served"
    assert lines[lines.index("drafts:") + 1].split() == ["1", "sample", "样例文章标题"]
    status, lines = lundao("corpus", "--data", str(root), "stats", "--json", capsys=capsys)
    stats = json.loads("\n".join(lines))
    assert stats["claims"] == 3 and stats["draft_claims"] == 1 and stats["drafts"] == {"sample": 1}
    assert stats["sources"] == {"sample": 3}


def test_archive_skips_a_source_whose_seed_is_absent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_corpus(tmp_path / "kb", source={"title": "样例文章标题", "seed": "000_absent.txt"})
    before = (root / "sources" / "sample.txt").read_bytes()
    status, lines = lundao(
        "corpus", "--data", str(root), "archive", "--seeds", str(tmp_path / "no-seeds"), capsys=capsys
    )
    assert status == 0
    assert lines == [
        f"sample.yaml: skipped, seed {tmp_path / 'no-seeds' / '000_absent.txt'} not found (its text is kept as archived)"
    ]
    assert (root / "sources" / "sample.txt").read_bytes() == before


def test_archive_rebuilds_a_web_page_seed_from_its_main_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    paragraphs = [
        "第一段:大模型的价格今年下降了很多,这是所有创业者都看到的变化。",
        "第二段:李开复认为,团队比模型更重要。",
    ]
    (seeds / "page.html").write_text(
        "<html><body><article>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article><footer>版权所有</footer></body></html>",
        encoding="utf-8",
    )
    root = write_corpus(tmp_path / "kb", source={"title": "样例", "seed": "page.html"})
    status, lines = lundao("corpus", "--data", str(root), "archive", "--seeds", str(seeds), capsys=capsys)
    assert status == 0, lines
    assert (root / "sources" / "sample.txt").read_text(encoding="utf-8") == "\n\n".join(paragraphs) + "\n"


def test_search_never_answers_with_a_draft(tmp_path: Path) -> None:
    from knowledge.search import SearchEngine

    corpus = load_corpus(write_corpus(tmp_path, claims=[*CLAIMS, {**DRAFT, "id": "sample-draft-02"}]))
    engine = SearchEngine.build(corpus, use_cache=False)
    hits = engine.search("开源模型 冷启动 创业者", limit=10).hits
    assert hits and "sample-draft-02" not in {h.claim.id for h in hits}


def test_archive_rebuilds_a_text_seed_holding_a_pages_markup_as_its_paragraphs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    paragraphs = ["问:价格还会降吗?", "孙立:会的,我们认为明年还会降一半。"]
    (seeds / "page.txt").write_text("".join(f"<p><b>{p}</b></p>" for p in paragraphs) + "\n", encoding="utf-8")
    root = write_corpus(tmp_path / "kb", source={"title": "样例", "seed": "page.txt"})
    status, lines = lundao("corpus", "--data", str(root), "archive", "--seeds", str(seeds), capsys=capsys)
    assert status == 0, lines
    assert (root / "sources" / "sample.txt").read_text(encoding="utf-8") == "\n\n".join(paragraphs) + "\n"
