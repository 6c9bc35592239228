"""The team's Block Kit, as data: the modal within Slack's limits, the review section escaped and capped."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import blocks as kit
from bot.i18n import Strings
from bot.team.blocks import (
    ACTION_APPROVE,
    ACTION_EDIT,
    ACTION_REJECT,
    MAX_HOME_BLOCKS,
    REVIEW_SHOWN,
    SAVE_CALLBACK,
    Choice,
    review_blocks,
    save_modal,
    with_section,
)
from bot.team.store import TeamClaim
from knowledge.models import Claim, Corpus


def _row(i: int, text: str = "总结") -> TeamClaim:
    return TeamClaim(
        id=i, claim_id=f"slack-c1-{i}", status="pending", channel_id="C1", message_ts=f"{i}.0", permalink=None,
        author_id="U1", author_name="<!channel>", message_text="m", quote="<@U2> 说 & 做", text=text, en="",
        speaker_id=None, topics=("compute",), saved_by="U3", saved_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        reviewed_by=None, reviewed_at=None, approved_seq=None, vector=None, vector_embedder=None,
    )  # fmt: skip


def test_the_modal_keeps_slacks_limits_and_says_what_it_carries() -> None:
    modal = save_modal(
        "en",
        callback_id=SAVE_CALLBACK,
        metadata={"t": "x"},
        quote="q" * 5000,
        speakers=[Choice(f"person:p{i}", f"Person {i}") for i in range(150)],
        speaker="person:p3",
        topics=[Choice("compute", "算力 · Compute")],
    )
    inputs = {b["block_id"]: b["element"] for b in modal["blocks"] if b["type"] == "input"}
    assert len(inputs["quote"]["initial_value"]) == 3000 and len(inputs["speaker"]["options"]) == 100
    assert inputs["speaker"]["initial_option"]["value"] == "person:p3"
    assert len(modal["title"]["text"]) <= 24 and modal["private_metadata"] == '{"t":"x"}'
    with pytest.raises(ValueError, match="private_metadata"):
        save_modal(
            "en", callback_id=SAVE_CALLBACK, metadata={"t": "x" * 3000}, quote="", speakers=[], speaker="", topics=[]
        )


def test_the_review_section_escapes_what_users_typed_and_is_capped() -> None:
    rows = [_row(i, text="<!here> *bold*") for i in range(REVIEW_SHOWN + 3)]
    section = review_blocks("zh", rows, {}, {"compute": "算力"})
    shown = str(section)
    assert "<!here>" not in shown and "&lt;!here&gt;" in shown and "&lt;!channel&gt;" in shown
    assert "&lt;@U2&gt; 说 &amp; 做" in shown
    assert f"（{REVIEW_SHOWN + 3}）" in section[1]["text"]["text"]  # the count is all of them
    assert sum(b["type"] == "actions" for b in section) == REVIEW_SHOWN
    assert [e["action_id"] for e in section[4]["elements"]] == [ACTION_APPROVE, ACTION_EDIT, ACTION_REJECT]
    home = {"type": "home", "blocks": [{"type": "divider"}] * 90}
    assert len(with_section(home, section)["blocks"]) == MAX_HOME_BLOCKS


def test_a_claim_without_a_gloss_shows_no_empty_italics(tiny_corpus: Corpus) -> None:
    base = tiny_corpus.claims[0]
    claim = Claim(
        base.id, base.source_id, "小明认为端侧模型明年会爆发。", "", base.quote, base.speaker_id, base.topic_ids
    )
    text = kit.to_dicts(kit.claim_blocks(tiny_corpus, claim, Strings("zh")))[0]["text"]["text"]
    assert text == "*小明认为端侧模型明年会爆发。*"
    assert kit.claim_fallback_text(claim) == "小明认为端侧模型明年会爆发。"
