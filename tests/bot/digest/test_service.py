"""DigestService against a SQLite file and the fake Slack Web API, with a controlled clock."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging

import pytest
from sqlalchemy import update

from bot.digest import service as results
from bot.digest import store as db
from bot.digest.blocks import METADATA_EVENT
from bot.digest.outcomes import STALE_AFTER
from bot.fake_slack import FakeSlack
from config.settings import DigestChannel
from tests.digest_support import Clock, make_claim, make_corpus, make_service, make_settings, sqlite_url

CHANNEL = "C0DIGEST1"
PRIVATE = "G0PRIVATE1"


@pytest.fixture
def slack():
    api = FakeSlack(public={CHANNEL, "C0OTHER"}, private={PRIVATE}, members={CHANNEL}).start()
    yield api
    api.stop()


@pytest.fixture
def corpus():
    return make_corpus({"a": 12, "b": 10, "c": 8})


@pytest.fixture
def clock():
    return Clock(dt.datetime(2024, 5, 6, 8, 0))  # a Monday, 08:00 in Shanghai


@pytest.fixture
def url(tmp_path):
    return sqlite_url(tmp_path)


def configured(corpus, slack, url, clock, **settings):
    channels = settings.pop("channels", (DigestChannel(CHANNEL, "09:30"),))
    return make_service(corpus, make_settings(channels=channels, **settings), slack.api_url, url, clock)


def test_posts_once_at_the_local_time_with_the_claim_gloss_speaker_source_and_a_question(corpus, slack, url, clock):
    service = configured(corpus, slack, url, clock)
    clock.set(dt.datetime(2024, 5, 6, 9, 29))
    assert service.run_due() == []
    assert slack.posts() == []
    clock.set(dt.datetime(2024, 5, 6, 9, 30))
    [outcome] = service.run_due()
    assert outcome.result == results.POSTED
    clock.advance(minutes=5)
    assert [o.result for o in service.run_due()] == [results.ALREADY_POSTED]

    [post] = slack.posts(CHANNEL)
    claim = corpus.claim(outcome.claim_id)
    blocks = json.dumps(post["blocks"], ensure_ascii=False)
    assert claim.text in blocks and claim.en in blocks
    assert "李开复" in blocks or "样例媒体" in blocks
    source = corpus.sources[claim.source_id]
    # The title's < > & are escaped, and the link carries the url.
    assert "&lt;标题&gt; &amp;amp; co" not in blocks and "&lt;标题&gt; &amp; co" in blocks
    assert "https://example.com/" + source.id in blocks
    assert "@lundao" in blocks and "?" in blocks  # the question that opens the thread
    assert post["metadata"]["event_type"] == METADATA_EVENT
    assert post["unfurl_links"] is False
    assert claim.text in post["text"]

    assert service.thread_claim(CHANNEL, outcome.message_ts) == claim
    assert service.thread_claim(CHANNEL, "1.000") is None
    assert service.todays_claim(CHANNEL) == claim
    [row] = service.store.history(CHANNEL)
    assert (row.status, row.message_ts, row.attempts) == (db.POSTED, outcome.message_ts, 1)


def test_todays_claim_before_the_post_is_what_gets_posted(corpus, slack, url, clock):
    service = configured(corpus, slack, url, clock)
    for day in range(10):
        clock.set(dt.datetime(2024, 5, 6, 7, 0) + dt.timedelta(days=day))
        expected = service.todays_claim(CHANNEL)
        clock.set(dt.datetime(2024, 5, 6, 9, 31) + dt.timedelta(days=day))
        [outcome] = [o for o in service.run_due() if o.result == results.POSTED]
        assert outcome.claim_id == expected.id


def test_preview_shows_exactly_what_the_scheduler_then_posts(corpus, slack, url, clock):
    service = configured(corpus, slack, url, clock)
    clock.set(dt.datetime(2024, 5, 6, 10, 0))
    service.run_due()  # one day of history first
    plan = service.preview(CHANNEL, dt.date(2024, 5, 7), 40)  # longer than a cycle of 30
    assert len(plan) == 40
    posted = []
    for day in range(1, 41):
        clock.set(dt.datetime(2024, 5, 6, 9, 45) + dt.timedelta(days=day))
        posted += [o.claim_id for o in service.run_due() if o.result == results.POSTED]
    assert [p.claim.id for p in plan] == posted
    # Previewing the past shows what was posted, marked as such.
    again = service.preview(CHANNEL, dt.date(2024, 5, 6), 3)
    assert [p.status for p in again] == [db.POSTED] * 3


def test_a_cycle_posts_every_eligible_claim_once_even_when_claims_are_added(slack, url, clock):
    corpus = make_corpus({"a": 6, "b": 6})
    service = configured(corpus, slack, url, clock)
    days = 0
    for _ in range(5):
        clock.set(dt.datetime(2024, 5, 6, 9, 30) + dt.timedelta(days=days))
        service.run_due()
        days += 1
    added = (make_claim(100, "a", ("china",)), make_claim(101, "b", ("apps",)))
    grown = dataclasses.replace(corpus, claims=(*corpus.claims, *added))
    service = configured(grown, slack, url, clock)  # a restart with the new corpus
    for _ in range(9):
        clock.set(dt.datetime(2024, 5, 6, 9, 30) + dt.timedelta(days=days))
        service.run_due()
        days += 1
    rows = sorted(service.store.history(CHANNEL), key=lambda r: r.post_date)
    ids = [r.claim_id for r in rows]
    assert len(ids) == 14 == len(set(ids)) == len(grown.claims)
    assert {r.cycle for r in rows} == {0}


def test_weekdays_only_and_subscribing_after_todays_time(corpus, slack, url, clock):
    service = configured(corpus, slack, url, clock, channels=())
    clock.set(dt.datetime(2024, 5, 6, 10, 0))  # Monday, after 09:30
    message = service.subscribe("C0OTHER", time=None, weekdays_only=True)
    assert "09:30" in message and "工作日" in message and "Asia/Shanghai" in message
    slack.members.add("C0OTHER")
    assert service.run_due() == []  # today's slot was due before the channel subscribed
    posted_days = []
    for day in range(1, 8):
        clock.set(dt.datetime(2024, 5, 6, 9, 30) + dt.timedelta(days=day))
        if any(o.result == results.POSTED for o in service.run_due()):
            posted_days.append((dt.date(2024, 5, 6) + dt.timedelta(days=day)).weekday())
    assert posted_days == [1, 2, 3, 4, 0]  # Tue–Fri, then Monday; no Saturday or Sunday


def test_late_posts_inside_the_grace_window_and_skips_beyond_it(corpus, slack, url, clock):
    service = configured(corpus, slack, url, clock)
    clock.set(dt.datetime(2024, 5, 6, 15, 29))  # down since before 09:30; back 5 h 59 min late
    assert [o.result for o in service.run_due()] == [results.POSTED]
    clock.set(dt.datetime(2024, 5, 7, 15, 31))  # next day: 6 h 1 min late
    assert [o.result for o in service.run_due()] == [results.SKIPPED]
    clock.advance(hours=1)
    service.run_due()
    assert len(slack.posts()) == 1
    [skipped] = [r for r in service.store.history(CHANNEL) if r.status == db.SKIPPED]
    assert skipped.post_date == dt.date(2024, 5, 7) and "grace" in skipped.error
    # The skipped day consumed nothing: the next day posts the claim that was planned for it.
    planned = service.todays_claim(CHANNEL, dt.date(2024, 5, 8))
    clock.set(dt.datetime(2024, 5, 8, 9, 30))
    posted = [o for o in service.run_due() if o.result == results.POSTED]
    assert posted[0].claim_id == planned.id


def test_an_evening_post_missed_at_midnight_is_made_the_next_morning_within_grace(corpus, slack, url, clock):
    service = configured(corpus, slack, url, clock, channels=(DigestChannel(CHANNEL, "23:00"),))
    clock.set(dt.datetime(2024, 5, 7, 1, 0))
    [outcome] = service.run_due()
    assert (outcome.result, outcome.post_date) == (results.POSTED, dt.date(2024, 5, 6))


def test_a_failed_post_is_retried_after_a_delay_and_posted_once(corpus, slack, url, clock):
    service = configured(corpus, slack, url, clock)
    slack.fail_next("chat.postMessage", error="fatal_error", times=2)
    clock.set(dt.datetime(2024, 5, 6, 9, 30))
    [first] = service.run_due()
    assert (first.result, first.detail) == (results.FAILED, "fatal_error")
    assert [o.result for o in service.run_due()] == [results.WAITING]  # not hammering Slack
    clock.advance(minutes=3)
    assert [o.result for o in service.run_due()] == [results.FAILED]
    clock.advance(minutes=5)
    [third] = service.run_due()
    assert third.result == results.POSTED and third.claim_id == first.claim_id
    assert len(slack.messages[CHANNEL]) == 1
    [row] = service.store.history(CHANNEL)
    assert (row.status, row.attempts) == (db.POSTED, 3)


def test_a_failure_is_not_retried_beyond_the_grace_window(corpus, slack, url, clock):
    service = configured(corpus, slack, url, clock, grace_hours=1)
    slack.fail_next("chat.postMessage", error="fatal_error")
    clock.set(dt.datetime(2024, 5, 6, 9, 30))
    assert [o.result for o in service.run_due()] == [results.FAILED]
    clock.set(dt.datetime(2024, 5, 6, 10, 31))
    assert [o.result for o in service.run_due()] == [results.GAVE_UP]
    assert slack.messages.get(CHANNEL, []) == []


def test_rate_limits_wait_for_retry_after(corpus, slack, url, clock):
    service = configured(corpus, slack, url, clock)
    slack.fail_next("chat.postMessage", status=429, error="ratelimited", retry_after=1)
    clock.set(dt.datetime(2024, 5, 6, 9, 30))
    assert [o.result for o in service.run_due()] == [results.POSTED]
    assert len(slack.calls_to("chat.postMessage")) == 2
    assert len(slack.messages[CHANNEL]) == 1


def test_not_in_a_public_channel_joins_it_and_posts(corpus, slack, url, clock):
    service = configured(corpus, slack, url, clock, channels=(DigestChannel("C0OTHER", "09:30"),))
    clock.set(dt.datetime(2024, 5, 6, 9, 30))
    assert [o.result for o in service.run_due()] == [results.POSTED]
    assert [c.args["channel"] for c in slack.calls_to("conversations.join")] == ["C0OTHER"]
    assert len(slack.messages["C0OTHER"]) == 1


def test_not_in_a_private_channel_logs_one_line_saying_how_to_invite_the_bot(corpus, slack, url, clock, caplog):
    service = configured(corpus, slack, url, clock, channels=(DigestChannel(PRIVATE, "09:30"),))
    clock.set(dt.datetime(2024, 5, 6, 9, 30))
    with caplog.at_level(logging.WARNING, logger="bot.digest"):
        for _ in range(4):
            service.run_due()
            clock.advance(minutes=10)
    lines = [r.getMessage() for r in caplog.records if PRIVATE in r.getMessage()]
    assert len(lines) == 1
    assert "/invite @lundao" in lines[0] and "private" in lines[0]
    [row] = service.store.history(PRIVATE)
    assert row.status == db.FAILED and row.error == "not_in_channel"
    # Once invited, the next retry posts.
    slack.members.add(PRIVATE)
    clock.advance(minutes=30)
    assert [o.result for o in service.run_due()] == [results.POSTED]


def _crash_mid_post(service, clock) -> None:
    """Leave the row as a process that died mid-post would: pending, no ts, claimed 20 minutes ago."""
    clock.set(dt.datetime(2024, 5, 6, 9, 30))
    [outcome] = service.run_due()
    assert outcome.result == results.POSTED
    with service.engine.begin() as conn:
        conn.execute(
            update(db.posts).values(status=db.PENDING, message_ts=None, posted_at=None, claimed_by="dead-process")
        )
    clock.set(dt.datetime(2024, 5, 6, 9, 50))


def test_a_restart_after_slack_took_the_post_records_it_instead_of_posting_again(corpus, slack, url, clock):
    service = configured(corpus, slack, url, clock)
    _crash_mid_post(service, clock)
    restarted = configured(corpus, slack, url, clock)
    [outcome] = restarted.run_due()
    assert outcome.result == results.ALREADY_POSTED
    assert len(slack.messages[CHANNEL]) == 1
    [row] = restarted.store.history(CHANNEL)
    assert row.status == db.POSTED and row.message_ts == slack.messages[CHANNEL][0]["ts"]


def test_a_restart_before_slack_got_the_post_posts_it(corpus, slack, url, clock):
    service = configured(corpus, slack, url, clock)
    _crash_mid_post(service, clock)
    slack.messages[CHANNEL].clear()  # the post never reached Slack
    restarted = configured(corpus, slack, url, clock)
    claimed = dt.datetime(2024, 5, 6, 9, 30)
    clock.set(claimed + STALE_AFTER - dt.timedelta(seconds=30))
    assert [o.result for o in restarted.run_due()] == [results.IN_PROGRESS]  # too fresh to be a crash
    clock.set(claimed + STALE_AFTER + dt.timedelta(seconds=30))  # reconciled within minutes, not a quarter hour
    assert [o.result for o in restarted.run_due()] == [results.POSTED]
    assert len(slack.messages[CHANNEL]) == 1


def test_manual_post_is_idempotent_and_can_redo_a_skipped_day(corpus, slack, url, clock):
    service = configured(corpus, slack, url, clock)
    clock.set(dt.datetime(2024, 5, 6, 8, 0))
    first = service.post(CHANNEL)
    assert first.result == results.POSTED
    assert service.post(CHANNEL).result == results.ALREADY_POSTED
    clock.set(dt.datetime(2024, 5, 6, 9, 30))
    assert [o.result for o in service.run_due()] == [results.ALREADY_POSTED]
    clock.set(dt.datetime(2024, 5, 7, 20, 0))
    assert [o.result for o in service.run_due()] == [results.SKIPPED]
    redo = service.post(CHANNEL, dt.date(2024, 5, 7))
    assert redo.result == results.POSTED and redo.claim_id != first.claim_id
    assert len(slack.messages[CHANNEL]) == 2
    with pytest.raises(ValueError):
        service.post("not a channel")


def test_subscribe_validates_input_and_unsubscribe_stops_posts(corpus, slack, url, clock):
    service = configured(corpus, slack, url, clock)
    with pytest.raises(ValueError, match="25:00"):
        service.subscribe(CHANNEL, time="25:00", weekdays_only=None)
    with pytest.raises(ValueError) as bad:
        service.subscribe(CHANNEL, time="<b>&", weekdays_only=None)
    assert "&lt;b&gt;&amp;" in str(bad.value) and "<b>" not in str(bad.value)
    with pytest.raises(ValueError):
        service.subscribe("#general", time="10:00", weekdays_only=False)
    with pytest.raises(ValueError, match="D0DIRECT1"):  # a DM, refused as `digest post` refuses it
        service.subscribe("D0DIRECT1", time="10:00", weekdays_only=False)
    assert service.subscription("D0DIRECT1") is None
    assert " 07:05" in service.subscribe("C0NEW", time="7:05", weekdays_only=False)
    assert service.subscription("C0NEW").time == "07:05"
    # Re-subscribing without a time keeps the channel's time.
    service.subscribe("C0NEW", time=None, weekdays_only=None)
    assert service.subscription("C0NEW").time == "07:05"

    assert "不再" in service.unsubscribe(CHANNEL)  # a settings.yaml channel can leave from Slack
    assert service.subscription(CHANNEL) is None
    assert "没有订阅" in service.unsubscribe(CHANNEL)
    clock.set(dt.datetime(2024, 5, 6, 9, 30))
    service.run_due()
    assert slack.posts(CHANNEL) == []


def test_english_messages_and_who_may_manage(corpus, slack, url, clock):
    service = configured(corpus, slack, url, clock, language="en", admins=("U0ALLOWED",))
    assert "Done" in service.subscribe("C0NEW", time="10:00", weekdays_only=False)
    with pytest.raises(ValueError, match="24-hour"):
        service.subscribe("C0NEW", time="10:75", weekdays_only=False)
    assert service.can_manage("U0ANYONE", True)
    assert service.can_manage("U0ALLOWED", False)
    assert not service.can_manage("U0ANYONE", False)


def test_workspace_pick_is_stable_all_day_and_does_not_repeat(corpus, slack, url, clock):
    service = configured(corpus, slack, url, clock, channels=())
    seen = []
    for day in range(len(corpus.claims)):
        clock.set(dt.datetime(2024, 5, 6, 8, 0) + dt.timedelta(days=day))
        morning = service.todays_claim(None)
        clock.advance(hours=12)
        assert service.todays_claim(None) == morning
        # An unsubscribed channel asking /insight today gets the workspace pick.
        assert service.todays_claim("C0UNSUBSCRIBED") == morning
        seen.append(morning.id)
    assert len(set(seen)) == len(corpus.claims)
    assert slack.posts() == []
    assert service.store.history() == []  # the workspace picks are not channel history


def test_an_unreachable_database_does_not_break_a_tick(corpus, slack, tmp_path, clock, caplog):
    service = configured(corpus, slack, sqlite_url(tmp_path), clock)
    service.engine.dispose()
    (tmp_path / "digest.sqlite3").unlink()
    (tmp_path / "digest.sqlite3").mkdir()  # a directory where the database file was: every query fails
    clock.set(dt.datetime(2024, 5, 6, 9, 30))
    with caplog.at_level(logging.ERROR, logger="bot.digest"):
        assert service.run_due() == []
    assert any("database" in r.getMessage() for r in caplog.records)
    assert service.todays_claim(CHANNEL) is not None
    assert service.thread_claim(CHANNEL, "1.0") is None


def test_a_service_without_a_client_previews_but_refuses_to_post_before_claiming_the_slot(corpus, url, clock):
    service = results.DigestService(
        corpus, make_settings(channels=(DigestChannel(CHANNEL, "09:30"),)), None, url, clock
    )
    service.ensure_schema()
    assert len(service.preview(CHANNEL, dt.date(2024, 5, 6), 3)) == 3
    with pytest.raises(results.NoClientError):
        service.post(CHANNEL)
    assert service.store.history(CHANNEL) == []  # nothing left pending
