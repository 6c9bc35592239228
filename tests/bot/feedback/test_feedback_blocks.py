"""The feedback Block Kit as data: buttons on every claim row, values within Slack's limits, the thanks, the gaps."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bot import blocks as kit
from bot.feedback import texts
from bot.feedback.gaps import GapGroup
from bot.feedback_blocks import (
    ACTION_HELPFUL,
    ACTION_NOT_HELPFUL,
    acknowledge,
    feedback_value,
    gaps_home_blocks,
    thanks_text,
    with_feedback,
)
from bot.i18n import Strings
from knowledge.models import Corpus
from knowledge.search import SearchEngine


def _buttons(blocks: list[dict]) -> list[dict]:
    return [{**e, "block_id": b.get("block_id", "")} for b in blocks if b["type"] == "actions" for e in b["elements"]]


@pytest.fixture(scope="module")
def page(tiny_corpus: Corpus) -> list[dict]:
    result = SearchEngine.build(tiny_corpus).search("开源", limit=3)
    blocks = kit.results_blocks(tiny_corpus, result, Strings("zh"), query="开源", offset=0, command="/insight")
    return kit.to_dicts(with_feedback(blocks, query="开源", offset=0, language="zh"))


def test_every_claim_row_gets_helpful_and_not_helpful_with_its_claim_query_and_offset(page: list[dict]) -> None:
    buttons = _buttons(page)
    shared = [json.loads(b["value"])["c"] for b in buttons if b["action_id"] == kit.ACTION_SHARE]
    assert len(shared) == 3
    for action in (ACTION_HELPFUL, ACTION_NOT_HELPFUL):
        values = [json.loads(b["value"]) for b in buttons if b["action_id"] == action]
        assert values == [{"c": c, "q": "开源", "o": 0} for c in shared]
    # Share carries the question too (it teaches it), More is untouched, and no block was added.
    assert all(json.loads(b["value"])["q"] == "开源" for b in buttons if b["action_id"] == kit.ACTION_SHARE)
    assert [b["action_id"] for b in buttons].count(kit.ACTION_MORE) <= 1
    assert len(page) <= kit.MAX_BLOCKS


@pytest.mark.parametrize("query", ['"' * 3000, "开源" * 1500, "\\\n" * 900])
def test_button_values_stay_within_slacks_2000_characters(query: str) -> None:
    value = feedback_value("c" * 200, query, 12)
    encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert len(encoded) <= kit.MAX_BUTTON_VALUE
    assert value["c"] == "c" * 200 and value["o"] == 12 and query.startswith(value["q"]) and value["q"]


def test_acknowledging_changes_only_the_clicked_row(page: list[dict]) -> None:
    clicked = json.loads(_buttons(page)[0]["value"])["c"]
    thanks = thanks_text("zh", helpful=True, query="<!channel> 开源")
    updated = acknowledge(page, clicked, thanks)
    assert "&lt;!channel&gt;" in thanks and "<!channel>" not in thanks
    left = [b for b in _buttons(updated) if json.loads(b["value"]).get("c") == clicked]
    assert [b["action_id"] for b in left] == [kit.ACTION_SHARE, kit.ACTION_CONTEXT]
    others = [b for b in _buttons(updated) if json.loads(b["value"]).get("c") not in (None, clicked)]
    assert others == [b for b in _buttons(page) if json.loads(b["value"]).get("c") not in (None, clicked)]
    assert len(updated) == len(page) + 1 and thanks in json.dumps(updated, ensure_ascii=False)
    assert acknowledge(page, "not-shown", thanks) == page


def test_gaps_home_blocks_escape_and_limit(tiny_corpus: Corpus) -> None:
    when = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    groups = [
        GapGroup(f"<!here> 问题 {i}", 10 - i, 10 - i, i % 2, when, when, (f"<!here> 问题 {i}", "别的问法"), (), (i,))
        for i in range(8)
    ]
    blocks = kit.to_dicts(gaps_home_blocks(groups, "en", limit=5))
    shown = json.dumps(blocks, ensure_ascii=False)
    assert len(blocks) == 6 and "<!here>" not in shown and "&lt;!here&gt; 问题 4" in shown
    assert "asked 10 times, last 2026-12-01" in shown and "别的问法" in shown and "问题 5" not in shown
    assert "No unanswered questions in the last 7 days" in json.dumps(kit.to_dicts(gaps_home_blocks([], "en", days=7)))


def test_phrasings_home_blocks_show_the_most_used_with_their_ids_escaped() -> None:
    from bot.feedback.store import Phrasing
    from bot.feedback_blocks import phrasings_home_blocks

    when = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    rows = [
        Phrasing(i, f"claim-{i}", f"<!channel> 问法 {i}", "", None, "", "helpful", i, when, when) for i in range(1, 15)
    ]
    shown = json.dumps(kit.to_dicts(phrasings_home_blocks(rows, "zh", limit=3)), ensure_ascii=False)
    assert "<!channel>" not in shown and "id 14" in shown and "id 12" in shown and "id 11" not in shown
    assert "lundao phrasings remove" in shown
    assert "还没有学到" in json.dumps(kit.to_dicts(phrasings_home_blocks([], "zh")), ensure_ascii=False)


def test_both_languages_have_every_feedback_string() -> None:
    assert texts.keys("zh") == texts.keys("en")
