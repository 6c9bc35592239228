"""Block Kit for feedback: Helpful / Not helpful on every answer, the thanks, the gaps for curators.

Pure functions, like ``bot.blocks``: answers are built there, and ``with_feedback`` adds the two
buttons to each claim's row of buttons (the ``claim:<id>`` actions block), so no answer builder
changes and no message gains blocks. Each button's value carries the claim, the question (cut to
Slack's 2,000 characters of value) and, on a results page, the page's offset, so a click can be
recorded and the page redrawn without state on the server.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import ActionsBlock, Block, ButtonElement, ContextBlock, MarkdownTextObject, SectionBlock

from bot.blocks import ACTION_SHARE, MAX_BUTTON_VALUE, MAX_ECHOED_QUERY, button
from bot.feedback.gaps import GapGroup
from bot.feedback.store import Phrasing
from bot.feedback.texts import text
from bot.mrkdwn import escape, truncate, truncate_plain

ACTION_HELPFUL = "feedback_helpful"
ACTION_NOT_HELPFUL = "feedback_not_helpful"
FEEDBACK_ACTIONS = (ACTION_HELPFUL, ACTION_NOT_HELPFUL)
CLAIM_ROW_PREFIX = "claim:"
MAX_SECTION_TEXT = 3000


def _encoded(value: dict[str, Any]) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def feedback_value(claim_id: str, query: str, offset: int | None = None) -> dict[str, Any]:
    """``{"c": claim, "q": query[, "o": offset]}``, the query cut until the JSON fits Slack's 2,000 characters."""
    value: dict[str, Any] = {"c": claim_id, "q": query}
    if offset is not None:
        value["o"] = offset
    if _encoded(value) <= MAX_BUTTON_VALUE:
        return value
    # The longest prefix that fits: JSON escapes make a character cost 1 to 6, so search for it.
    low, high = 0, len(query)
    while low < high:
        middle = (low + high + 1) // 2
        if _encoded({**value, "q": query[:middle]}) <= MAX_BUTTON_VALUE:
            low = middle
        else:
            high = middle - 1
    value["q"] = query[:low]
    return value


def _claim_of(row: ActionsBlock) -> str | None:
    for element in row.elements:
        raw = getattr(element, "value", None)
        try:
            claim_id = json.loads(raw).get("c") if raw else None
        except (json.JSONDecodeError, AttributeError):
            continue
        if isinstance(claim_id, str):
            return claim_id
    return None


def with_feedback(blocks: Sequence[Block], *, query: str, offset: int | None, language: str) -> list[Block]:
    """``blocks`` with Helpful / Not helpful in each claim's row; Share learns the question too."""
    out: list[Block] = []
    for block in blocks:
        if not (isinstance(block, ActionsBlock) and (block.block_id or "").startswith(CLAIM_ROW_PREFIX)):
            out.append(block)
            continue
        claim_id = _claim_of(block)
        if claim_id is None:
            out.append(block)
            continue
        value = feedback_value(claim_id, query, offset)
        elements: list[Any] = []
        for element in block.elements:
            if isinstance(element, ButtonElement) and element.action_id == ACTION_SHARE and query:
                # The shared answer teaches its question too: the Share button carries it (ignored by old clicks).
                label = element.text.text if element.text is not None else ""
                element = button(label, ACTION_SHARE, {"c": claim_id, "q": value["q"]}, style="primary")
            elements.append(element)
        elements.append(button(text(language, "helpful"), ACTION_HELPFUL, value))
        elements.append(button(text(language, "not_helpful"), ACTION_NOT_HELPFUL, value))
        out.append(ActionsBlock(block_id=block.block_id, elements=elements))
    return out


def thanks_text(language: str, *, helpful: bool, query: str) -> str:
    if not helpful:
        return text(language, "thanks_not_helpful")
    if not query.strip():
        return text(language, "thanks_helpful_no_query")
    return text(language, "thanks_helpful", query=escape(truncate_plain(query.strip(), MAX_ECHOED_QUERY)))


def acknowledge(blocks: Sequence[dict[str, Any]], claim_id: str, thanks: str) -> list[dict[str, Any]]:
    """The message's blocks (as Slack sent them) with the clicked claim's feedback buttons replaced by ``thanks``.

    Everything else stays: the other claims, their buttons, More. Pure: the input is not changed."""
    out: list[dict[str, Any]] = []
    for block in blocks:
        is_row = block.get("type") == "actions" and str(block.get("block_id", "")).startswith(CLAIM_ROW_PREFIX)
        elements = block.get("elements") or []
        if not is_row or not any(_element_claim(e) == claim_id for e in elements):
            out.append(block)
            continue
        kept = [e for e in elements if e.get("action_id") not in FEEDBACK_ACTIONS]
        if kept:
            out.append({**block, "elements": kept})
        out.append(ContextBlock(elements=[MarkdownTextObject(text=truncate(thanks, 2000))]).to_dict())
    return out


def _element_claim(element: dict[str, Any]) -> str | None:
    try:
        value = json.loads(element.get("value") or "{}")
    except (json.JSONDecodeError, TypeError):
        return None
    claim_id = value.get("c") if isinstance(value, dict) else None
    return claim_id if isinstance(claim_id, str) else None


def gaps_home_blocks(groups: Sequence[GapGroup], language: str, *, days: int = 30, limit: int = 5) -> list[Block]:
    """The top unanswered questions, for the curators' part of the App Home (pure: give it ``gaps()``)."""
    header = SectionBlock(text=MarkdownTextObject(text=f"*{text(language, 'gaps_header')}*"))
    if not groups:
        return [header, ContextBlock(elements=[MarkdownTextObject(text=text(language, "gaps_none", days=days))])]
    blocks: list[Block] = [header]
    for group in groups[:limit]:
        extra = text(language, "gap_not_helpful", n=group.not_helpful) if group.not_helpful else ""
        line = text(
            language,
            "gap_row",
            text=escape(truncate_plain(group.text, MAX_ECHOED_QUERY)),
            count=group.count,
            last=group.last_asked.date().isoformat(),
            extra=extra,
        )
        others = [escape(truncate_plain(w, 100)) for w in group.wordings if w != group.text]
        if others:
            line += "\n" + text(language, "gap_wordings", wordings=" · ".join(f"「{w}」" for w in others))
        blocks.append(SectionBlock(text=MarkdownTextObject(text=truncate(line, MAX_SECTION_TEXT))))
    return blocks


def phrasings_home_blocks(rows: Sequence[Phrasing], language: str, *, limit: int = 10) -> list[Block]:
    """The learned phrasings, most used first, for curators (pure: give it ``store.phrasings()``).

    Each line names its id, so a wrong one can be removed with ``lundao phrasings remove ID``."""
    header = SectionBlock(text=MarkdownTextObject(text=f"*{text(language, 'phrasings_header')}*"))
    if not rows:
        return [header, ContextBlock(elements=[MarkdownTextObject(text=text(language, "phrasings_none"))])]
    ordered = sorted(rows, key=lambda r: (-r.uses, -r.last_used_at.timestamp(), r.id))[:limit]
    lines = [
        text(
            language,
            "phrasing_row",
            text=escape(truncate_plain(r.text, MAX_ECHOED_QUERY)),
            claim=escape(r.claim_id),
            uses=r.uses,
            id=r.id,
        )
        for r in ordered
    ]
    body = SectionBlock(text=MarkdownTextObject(text=truncate("\n".join(lines), MAX_SECTION_TEXT)))
    return [header, body, ContextBlock(elements=[MarkdownTextObject(text=text(language, "phrasings_remove"))])]
