"""The team's tables (migration 0004_team_insights) and their store, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Engine, inspect

from bot.db_migrate import upgrade_engine
from bot.team.store import APPROVED, PENDING, REJECTED, AlreadySaved, TeamStore


def _save(store: TeamStore, ts: str = "1700000000.000100", **changes: object) -> None:
    fields = {
        "claim_id": f"slack-c1-{ts.replace('.', '-')}",
        "channel_id": "C1",
        "message_ts": ts,
        "permalink": "https://example.slack.com/archives/C1/p1",
        "author_id": "U1",
        "author_name": "小明",
        "message_text": "我们认为端侧模型明年爆发。",
        "quote": "端侧模型明年爆发",
        "text": "小明认为端侧模型明年爆发。",
        "en": "",
        "speaker_id": None,
        "topics": ("compute",),
        "saved_by": "U2",
        **changes,
    }
    store.save(**fields)


def test_the_migration_makes_the_tables_and_a_version_of_zero(engine: Engine) -> None:
    assert {"team_claims", "team_kb_version"} <= set(inspect(engine).get_table_names())
    assert TeamStore(engine).version() == 0


def test_saving_keeps_the_provenance_and_a_message_saves_once(engine: Engine) -> None:
    store = TeamStore(engine)
    _save(store)
    row = store.by_message("C1", "1700000000.000100")
    assert row is not None and row.status == PENDING
    assert (row.permalink, row.author_id, row.saved_by, row.topics) == (
        "https://example.slack.com/archives/C1/p1",
        "U1",
        "U2",
        ("compute",),
    )
    assert row.saved_at.tzinfo is not None
    with pytest.raises(AlreadySaved) as raised:
        _save(store, text="another summary")
    assert raised.value.existing is not None and raised.value.existing.text == "小明认为端侧模型明年爆发。"
    assert [r.claim_id for r in store.pending()] == [row.claim_id]


def test_approving_bumps_the_version_in_the_same_transaction(engine: Engine) -> None:
    store = TeamStore(engine)
    _save(store, "1.1")
    _save(store, "1.2")
    first = store.approve("slack-c1-1-1", "UCURATOR", b"\x00\x00\x80?", "stub")
    assert first is not None and (first.status, first.approved_seq, first.vector) == (APPROVED, 1, b"\x00\x00\x80?")
    assert store.version() == 1
    assert store.approve("slack-c1-1-1", "UCURATOR", None, None) is None  # not pending any more
    assert store.version() == 1  # the refused approval was rolled back whole
    assert store.reject("slack-c1-1-2", "UCURATOR") is not None
    assert store.get("slack-c1-1-2").status == REJECTED  # type: ignore[union-attr]
    assert [r.claim_id for r in store.approved()] == ["slack-c1-1-1"]
    assert store.approved(after_seq=1) == []
    assert store.edit("slack-c1-1-1", text="changed") is False  # reviewed claims are not edited


def test_concurrent_approvals_get_distinct_versions(engine: Engine) -> None:
    store = TeamStore(engine)
    for i in range(6):
        _save(store, f"2.{i}")
    barrier = threading.Barrier(6)

    def approve(i: int) -> None:
        barrier.wait()
        store.approve(f"slack-c1-2-{i}", "UCURATOR", None, None)

    threads = [threading.Thread(target=approve, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(r.approved_seq for r in store.approved()) == [1, 2, 3, 4, 5, 6]  # type: ignore[type-var]
    assert store.version() == 6


def test_upgrading_again_keeps_the_rows(engine: Engine) -> None:
    store = TeamStore(engine)
    _save(store)
    upgrade_engine(engine)
    assert len(store.pending()) == 1
