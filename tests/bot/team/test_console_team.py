"""The console does the team's insights too: save, submit (errors kept in the form), home, approve, subscribe."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Engine

from bot.console import Console, console_lines
from bot.digest.service import DigestService
from bot.team.service import TeamService
from bot.team.store import TeamStore
from config.settings import Settings
from knowledge.models import Corpus
from knowledge.search import SearchEngine


def _console(corpus: Corpus, engine: Engine) -> Console:
    settings = replace(Settings(), digest=replace(Settings().digest, enabled=True))
    digest = DigestService(corpus, settings, None, engine)
    return Console(
        settings,
        corpus,
        SearchEngine.build(corpus, use_cache=False),
        digest,
        team=TeamService(TeamStore(engine), settings),
    )


def test_save_review_and_find_in_the_console(tiny_corpus: Corpus, engine: Engine) -> None:
    with _console(tiny_corpus, engine) as console:
        opened, missing, saved, again, home, approved, found = console_lines(
            iter(
                [
                    "save 我们认为鸿蒙生态的端侧模型会在明年爆发",
                    "submit 小明认为端侧模型明年会爆发",
                    "submit 团队认为鸿蒙生态的端侧模型明年会爆发 #算力 en: The team expects on-device models to boom",
                    "save",
                    "home",
                    "approve 1",
                    "/insight 鸿蒙 端侧模型",
                ]
            ),
            console,
        )
    assert "我们认为鸿蒙生态的端侧模型会在明年爆发" in opened and "submit" in opened
    assert "topics:" in missing and "stays open" in missing  # the form is kept for the next submit
    assert "团队认为鸿蒙生态的端侧模型明年会爆发" in saved
    assert "已经保存" in again  # `save` alone: the latest message, which is this one
    assert "approve 1" in home and "团队认为鸿蒙生态的端侧模型明年会爆发" in home
    assert "a DM from lundao" in approved and "没有待审核的观点" in approved
    assert "团队认为鸿蒙生态的端侧模型明年会爆发" in found


def test_subscribe_works_against_the_consoles_database(tiny_corpus: Corpus, engine: Engine) -> None:
    with _console(tiny_corpus, engine) as console:
        (subscribed,) = console_lines(iter(["/insight subscribe 10:00"]), console)
        stored = {s.channel_id: s for s in DigestService(tiny_corpus, Settings(), None, engine).store.subscriptions()}
        (unsubscribed,) = console_lines(iter(["/insight unsubscribe"]), console)
    assert "10:00" in subscribed and "unsubscribe" in subscribed
    assert stored["CCONSOLE01"].time == "10:00" and stored["CCONSOLE01"].active
    assert "subscribe" in unsubscribed
    after = {s.channel_id: s for s in DigestService(tiny_corpus, Settings(), None, engine).store.subscriptions()}
    assert not after["CCONSOLE01"].active


def test_submit_without_a_form_explains_itself(tiny_corpus: Corpus) -> None:
    with Console(Settings(), tiny_corpus, SearchEngine.build(tiny_corpus, use_cache=False)) as console:
        (answer,) = console_lines(iter(["submit 总结 #算力"]), console)
        (saved,) = console_lines(iter(["save 一条消息"]), console)
    assert "no form is open" in answer
    assert "数据库" in saved or "database" in saved
