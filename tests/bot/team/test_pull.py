"""``lundao corpus pull``: approved claims from the database into the files, then ``corpus check`` on them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sqlalchemy import Engine

from bot.cli import main
from bot.team.store import TeamStore
from knowledge.check import check_corpus
from knowledge.loader import load_corpus
from tests.corpus_factory import write_tiny_corpus

MESSAGES = {
    "1700000001.000100": "我们认为端侧模型明年会爆发，手机厂商会先跑起来。",
    "1700000002.000100": "开源模型的社区迭代速度比闭源快得多，这是我在项目里看到的。",
    "1700000003.000100": "这条没有通过审核。",
}


def _approved(engine: Engine) -> TeamStore:
    store = TeamStore(engine)
    specs = [
        (
            "1700000001.000100",
            "端侧模型明年会爆发",
            "小明认为端侧模型明年会爆发。",
            "Xiaoming expects on-device models to boom next year.",
            None,
        ),
        (
            "1700000002.000100",
            "开源模型的社区迭代速度比闭源快得多",
            "李四认为开源模型的社区迭代速度比闭源快得多。",
            "",
            "li-si",
        ),
        ("1700000003.000100", "这条没有通过审核", "不通过的观点。", "", None),
    ]
    for ts, quote, summary, en, speaker in specs:
        claim_id = f"slack-c1-{ts.replace('.', '-')}"
        store.save(
            claim_id=claim_id, channel_id="C1", message_ts=ts, permalink=f"https://x.slack.com/archives/C1/p{ts}",
            author_id="U0AUTHOR", author_name="小明", message_text=MESSAGES[ts], quote=quote, text=summary,
            en=en, speaker_id=speaker, topics=("open-source",), saved_by="U0SAVER",
        )  # fmt: skip
        if ts.startswith("1700000003"):
            store.reject(claim_id, "U0CURATOR")
        else:
            store.approve(claim_id, "U0CURATOR", None, None)
    return store


def test_pull_writes_claims_messages_and_speakers_that_pass_the_check(engine: Engine, tmp_path: Path) -> None:
    from bot.team.pull import pull

    root = write_tiny_corpus(tmp_path / "kb")
    before = len(load_corpus(root).claims)
    known = {str(p) for p in check_corpus(root)[1]}  # the tiny corpus's own (its people lack pinyin)
    store = _approved(engine)
    assert pull(store, root).claims == 2
    corpus, problems = check_corpus(root)
    assert [str(p) for p in problems if str(p) not in known] == []
    assert len(corpus.claims) == before + 1  # the one with its gloss; the other is a draft until it has one
    [draft] = [c for c in corpus.drafts if c.source_id == "slack"]
    assert (draft.id, draft.speaker_id, draft.en) == ("slack-c1-1700000002-000100", "li-si", "")
    claim = corpus.claim("slack-c1-1700000001-000100")
    assert claim is not None and claim.speaker_id == "slack-u0author" and corpus.people["slack-u0author"].zh == "小明"
    source = corpus.sources["slack"]
    assert [m.claim for m in source.messages] == ["slack-c1-1700000001-000100", "slack-c1-1700000002-000100"]
    assert source.messages[0].permalink == "https://x.slack.com/archives/C1/p1700000001.000100"
    assert "这条没有通过审核" not in source.text
    # Pulling again adds nothing, and keeps what review changed in the files.
    claims_path = root / "claims" / "slack.yaml"
    edited = claims_path.read_text(encoding="utf-8").replace(
        "小明认为端侧模型明年会爆发。", "小明判断端侧模型明年会爆发。"
    )
    claims_path.write_text(edited, encoding="utf-8")
    assert pull(store, root).claims == 0
    assert load_corpus(root).claim("slack-c1-1700000001-000100").text == "小明判断端侧模型明年会爆发。"  # type: ignore[union-attr]
    assert (root / "people.yaml").read_text(encoding="utf-8").count("id: slack-u0author") == 1


def test_check_finds_a_quote_that_is_not_in_its_own_message(engine: Engine, tmp_path: Path) -> None:
    from bot.team.pull import pull

    root = write_tiny_corpus(tmp_path / "kb")
    pull(_approved(engine), root)
    path = root / "claims" / "slack.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # In the other message (so in sources/slack.txt), not in this claim's own.
    data["claims"][0]["quote"] = "开源模型的社区迭代速度"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    known = {str(p) for p in check_corpus(write_tiny_corpus(tmp_path / "plain"))[1]}
    problems = [
        str(p) for p in check_corpus(root)[1] if str(p).split(": ", 1)[1] not in {k.split(": ", 1)[1] for k in known}
    ]
    assert len(problems) == 1 and "quote not found verbatim in its message's text" in problems[0]


def test_the_command_reads_the_configured_database(
    database_url: str,
    engine: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = write_tiny_corpus(tmp_path / "kb")
    _approved(engine)
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["corpus", "--data", str(root), "pull"]) == 0
    assert "2 claim(s) written" in capsys.readouterr().out
    assert main(["corpus", "--data", str(root), "pull"]) == 0
    assert "nothing new" in capsys.readouterr().out
