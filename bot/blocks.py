"""Block Kit builders: pure functions from knowledge-base objects to slack_sdk block models.

Nothing here talks to Slack. Every builder stays inside Slack's limits (50 blocks a message,
3,000 characters of section text, 2,000 of a button value, 75 of a button label) and escapes
text before it goes into mrkdwn, so a query like ``<!channel>`` is shown, never executed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.i18n import Strings
from bot.mrkdwn import escape, link, truncate, truncate_plain
from knowledge.models import Claim, Corpus, Person
from knowledge.search import Hit, SearchResult

MAX_BLOCKS = 50
MAX_HOME_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_CONTEXT_TEXT = 2000
MAX_BUTTON_VALUE = 2000
MAX_BUTTON_TEXT = 75
MAX_HEADER_TEXT = 150
MAX_ECHOED_QUERY = 300
"""Queries are echoed in headers at most this long: enough to recognise, short enough to read."""
LACKING_KINDS = ("amount", "money", "time")
"""Kinds of fact a search can say it found no claim giving (``SearchResult.lacking``), each with its UI word."""

# action_ids the action listeners match; the value of each button is compact JSON.
ACTION_SHARE = "share_claim"
ACTION_MORE = "more_results"
ACTION_CONTEXT = "claim_context"


def _section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=truncate(text, MAX_SECTION_TEXT)))


def _context(*texts: str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=truncate(t, MAX_CONTEXT_TEXT)) for t in texts if t][:10])


def _header(text: str) -> HeaderBlock:
    return HeaderBlock(text=PlainTextObject(text=truncate_plain(text, MAX_HEADER_TEXT), emoji=True))


def button(label: str, action_id: str, value: dict[str, Any], *, style: str | None = None) -> ButtonElement:
    """A button whose value is ``value`` as compact JSON, refused past Slack's limit (the answers' and feedback's)."""
    encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if len(encoded) > MAX_BUTTON_VALUE:
        raise ValueError(f"button value of {len(encoded)} characters exceeds Slack's {MAX_BUTTON_VALUE}")
    return ButtonElement(
        text=PlainTextObject(text=truncate_plain(label, MAX_BUTTON_TEXT)),
        action_id=action_id,
        value=encoded,
        style=style,
    )


def more_button_value(query: str, offset: int) -> dict[str, Any]:
    """The More button's value: the query (cut to fit 2,000 characters of JSON) and the next offset."""
    value: dict[str, Any] = {"q": query, "o": offset}
    while len(json.dumps(value, ensure_ascii=False, separators=(",", ":"))) > MAX_BUTTON_VALUE:
        # JSON escapes (quotes, backslashes, control characters) can make a character cost up to 6.
        excess = len(json.dumps(value, ensure_ascii=False, separators=(",", ":"))) - MAX_BUTTON_VALUE
        value["q"] = value["q"][: max(0, len(value["q"]) - max(1, excess))]
    return value


def cap(blocks: Sequence[Block], limit: int = MAX_BLOCKS) -> list[Block]:
    """At most ``limit`` blocks, keeping a trailing actions block (the More button) if there is one."""
    blocks = list(blocks)
    if len(blocks) <= limit:
        return blocks
    if isinstance(blocks[-1], ActionsBlock):
        return [*blocks[: limit - 1], blocks[-1]]
    return blocks[:limit]


def to_dicts(blocks: Iterable[Block]) -> list[dict[str, Any]]:
    """The JSON Slack receives; slack_sdk validates each block's limits on the way."""
    return [block.to_dict() for block in blocks]


# --- claims -----------------------------------------------------------------------------------


def speaker_label(person: Person, language: str) -> str:
    """Name in both scripts, then role and organisation (when the role does not already name it)."""
    if language == "en":
        name = person.en if person.en == person.zh else f"{person.en} ({person.zh})"
        role = person.role_en or person.role
    else:
        name = person.zh if person.en == person.zh else f"{person.zh}（{person.en}）"
        role = person.role or person.role_en
    parts = [name]
    if role:
        parts.append(role)
    if person.org and not (role and person.org in role) and person.org != person.zh:
        parts.append(person.org)
    return ", ".join(parts) if language == "en" else "，".join(parts)


def source_label(corpus: Corpus, claim: Claim) -> str:
    source = corpus.sources.get(claim.source_id)
    if source is None:
        return escape(claim.source_id)
    shown = link(source.url, source.title)
    extras = [escape(x) for x in (source.publisher, source.date.isoformat() if source.date else None) if x]
    return " · ".join([shown, *extras])


def topics_label(corpus: Corpus, claim: Claim, language: str) -> str:
    return " · ".join(escape(t.en if language == "en" else t.zh) for t in corpus.topics_of(claim))


def claim_blocks(
    corpus: Corpus,
    claim: Claim,
    strings: Strings,
    *,
    buttons: Sequence[str] = (ACTION_SHARE, ACTION_CONTEXT),
    number: int | None = None,
) -> list[Block]:
    """One claim: its text and English gloss, who said it, where, on what topics; then its buttons."""
    prefix = f"*{number}.* " if number is not None else ""
    # A claim saved from Slack may have no gloss yet: no empty italics then.
    gloss = f"\n_{escape(claim.en)}_" if claim.en else ""
    blocks: list[Block] = [_section(f"{prefix}*{escape(claim.text)}*{gloss}")]
    person = corpus.people.get(claim.speaker_id)
    speaker = escape(speaker_label(person, strings.language)) if person else escape(claim.speaker_id)
    lines = [strings("speaker_line", speaker=speaker), strings("source_line", source=source_label(corpus, claim))]
    topics = topics_label(corpus, claim, strings.language)
    if topics:
        lines.append(strings("topics_line", topics=topics))
    blocks.append(_context("\n".join(lines)))
    labels = {ACTION_SHARE: strings("button_share"), ACTION_CONTEXT: strings("button_context")}
    elements = [
        button(labels[action], action, {"c": claim.id}, style="primary" if action == ACTION_SHARE else None)
        for action in buttons
    ]
    if elements:
        blocks.append(ActionsBlock(block_id=truncate_plain(f"claim:{claim.id}", 255), elements=elements))
    return blocks


def claim_fallback_text(claim: Claim) -> str:
    """The notification text of a message about one claim (shown where blocks cannot be)."""
    return truncate(" — ".join(escape(t) for t in (claim.text, claim.en) if t), MAX_SECTION_TEXT)


# --- answers ----------------------------------------------------------------------------------


def no_answer_blocks(
    query: str,
    suggestions: Sequence[str],
    strings: Strings,
    command: str,
    unknown: Sequence[str] = (),
    lacking: str = "",
) -> list[Block]:
    """A plain "no confident answer", the suggestions the search offered, and where to get help.

    ``unknown``: names the question asked about that the knowledge base has never heard of; saying so
    ("nothing on DeepSeek R1") tells the reader the gap is in the knowledge base, not in their wording.
    ``lacking``: the kind of fact the question asked for that no matching claim gives (``amount``,
    ``money``, ``time``): the claims are on its subject, but none has the number or date it wants."""
    shown = escape(truncate_plain(query.strip(), MAX_ECHOED_QUERY))
    if unknown:
        names = "、".join(escape(truncate_plain(name, MAX_ECHOED_QUERY)) for name in unknown[:3])
        lines = [strings("no_answer_unknown", names=names)]
    elif lacking in LACKING_KINDS and shown:
        lines = [strings("no_answer_lacking", query=shown, what=strings(f"fact_{lacking}"))]
    else:
        lines = [strings("no_answer", query=shown) if shown else strings("no_answer_short")]
    if suggestions:
        lines.append(strings("try_instead", suggestions="、".join(f"`{escape(s)}`" for s in suggestions[:8])))
    lines.append(strings("try_help", command=escape(command)))
    return [_section("\n".join(lines))]


def results_blocks(
    corpus: Corpus,
    result: SearchResult,
    strings: Strings,
    *,
    query: str,
    offset: int,
    command: str,
) -> list[Block]:
    """A page of search results with Share/Context per claim and More when results remain."""
    if not result.hits:
        if offset > 0:
            return [_section(strings("more_end"))]
        return no_answer_blocks(query, result.suggestions, strings, command, result.unknown, result.lacking)
    total = max(result.total, offset + len(result.hits))
    shown = escape(truncate_plain(query.strip(), MAX_ECHOED_QUERY))
    blocks: list[Block] = [
        _section(strings("results_header", query=shown, first=offset + 1, last=offset + len(result.hits), total=total))
    ]
    for index, hit in enumerate(result.hits, start=offset + 1):
        blocks.append(DividerBlock())
        blocks.extend(claim_blocks(corpus, hit.claim, strings, number=index))
    next_offset = offset + len(result.hits)
    if next_offset < total:
        blocks.append(
            ActionsBlock(
                block_id="more",
                elements=[button(strings("button_more"), ACTION_MORE, more_button_value(query, next_offset))],
            )
        )
    return cap(blocks)


def results_fallback_text(result: SearchResult, strings: Strings, query: str) -> str:
    if not result.hits:
        return strings("no_answer", query=escape(truncate_plain(query, MAX_ECHOED_QUERY)))
    return claim_fallback_text(result.hits[0].claim)


def hits_blocks(corpus: Corpus, hits: Sequence[Hit], strings: Strings, header: str) -> list[Block]:
    """Claims answering in a thread or for a shortcut: no Share (they are already in the channel)."""
    blocks: list[Block] = [_section(header)]
    for hit in hits:
        blocks.extend(claim_blocks(corpus, hit.claim, strings, buttons=(ACTION_CONTEXT,)))
    return cap(blocks)


def shared_blocks(corpus: Corpus, claim: Claim, strings: Strings, user_id: str) -> list[Block]:
    """The public post of a shared claim, crediting who shared it."""
    return [
        _context(strings("shared_by", user=escape(user_id))),
        *claim_blocks(corpus, claim, strings, buttons=(ACTION_CONTEXT,)),
    ]


def context_blocks(corpus: Corpus, claim: Claim, strings: Strings) -> list[Block]:
    """The verbatim quote and the paragraph of the source around it."""
    source = corpus.sources.get(claim.source_id)
    paragraph = source.paragraph_around(claim.quote) if source else None
    blocks: list[Block] = [
        _section(f"*{strings('context_header')}* · {source_label(corpus, claim)}"),
        _section(f"{strings('context_quote')}\n>{escape(claim.quote)}"),
    ]
    if paragraph:
        quoted = "\n".join(">" + line for line in escape(paragraph).splitlines() if line.strip())
        blocks.append(_section(f"{strings('context_paragraph')}\n{quoted}"))
    else:
        blocks.append(_context(strings("context_missing")))
    blocks.append(_context(f"*{escape(claim.text)}*\n_{escape(claim.en)}_"))
    return blocks


# --- help, topics, today ----------------------------------------------------------------------


@dataclass(frozen=True)
class TopicCount:
    id: str
    zh: str
    en: str
    count: int


def topic_counts(corpus: Corpus) -> list[TopicCount]:
    """Every topic with its number of claims, most claims first (topics without claims last)."""
    counts = Counter(t for c in corpus.claims for t in c.topic_ids)
    rows = [TopicCount(t.id, t.zh, t.en, counts.get(t.id, 0)) for t in corpus.topics.values()]
    return sorted(rows, key=lambda r: (-r.count, r.id))


def _chunked_sections(lines: Sequence[str], budget: int) -> list[Block]:
    """Lines packed into as few sections as fit 3,000 characters each, at most ``budget`` sections."""
    sections: list[Block] = []
    current = ""
    for line in lines:
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > MAX_SECTION_TEXT and current:
            sections.append(_section(current))
            current = line
        else:
            current = candidate
    if current:
        sections.append(_section(current))
    return sections[:budget]


def topics_blocks(corpus: Corpus, strings: Strings, *, budget: int = 20) -> list[Block]:
    rows = topic_counts(corpus)
    lines = [
        strings("topic_row", zh=escape(r.zh), en=escape(r.en), count=r.count, id=escape(r.id)) for r in rows if r.count
    ] or [strings("empty_corpus")]
    return [_section(f"*{strings('topics_header', count=len(rows))}*"), *_chunked_sections(lines, budget)]


def help_blocks(corpus: Corpus, strings: Strings, *, command: str, bot_name: str, page_size: int) -> list[Block]:
    examples = "\n".join(f"• `{escape(command)} {escape(e)}`" for e in strings.examples)
    names = [escape(r.zh if strings.language == "zh" else r.en) for r in topic_counts(corpus) if r.count]
    blocks: list[Block] = [
        _header(strings("help_header")),
        _section(strings("help_usage", command=escape(command), n=page_size, bot=escape(bot_name))),
        _section(strings("help_examples", examples=examples)),
    ]
    if names:
        blocks.append(_section(strings("help_topics", topics=" · ".join(names))))
    else:
        blocks.append(_context(strings("empty_corpus")))
    return blocks


def today_blocks(
    corpus: Corpus,
    claim: Claim | None,
    strings: Strings,
    on: dt.date,
    *,
    buttons: Sequence[str] = (ACTION_SHARE, ACTION_CONTEXT),
) -> list[Block]:
    header = _header(strings("today_header", date=on.isoformat()))
    if claim is None:
        return [header, _section(strings("today_none"))]
    return [header, *claim_blocks(corpus, claim, strings, buttons=buttons)]


def random_blocks(corpus: Corpus, claim: Claim | None, strings: Strings) -> list[Block]:
    if claim is None:
        return [_section(strings("empty_corpus"))]
    return [_section(f"*{strings('random_header')}*"), *claim_blocks(corpus, claim, strings)]


def home_view(
    corpus: Corpus,
    strings: Strings,
    *,
    today: Claim | None,
    command: str,
    bot_name: str,
    page_size: int,
) -> View:
    """The App Home tab: today's insight, topics with counts, how to use the command."""
    blocks: list[Block] = [_header(strings("home_header")), _section(strings("home_today"))]
    if today is None:
        blocks.append(_context(strings("today_none")))
    else:
        blocks.extend(claim_blocks(corpus, today, strings, buttons=(ACTION_CONTEXT,)))
    blocks.append(DividerBlock())
    rows = [r for r in topic_counts(corpus) if r.count]
    lines = [strings("topic_row", zh=escape(r.zh), en=escape(r.en), count=r.count, id=escape(r.id)) for r in rows]
    blocks.append(_section(strings("home_topics")))
    blocks.extend(_chunked_sections(lines or [strings("empty_corpus")], 30))
    blocks.append(DividerBlock())
    blocks.append(_section(strings("home_usage")))
    blocks.append(_section(strings("help_usage", command=escape(command), n=page_size, bot=escape(bot_name))))
    return View(type="home", blocks=cap(blocks, MAX_HOME_BLOCKS))


def text_blocks(text: str) -> list[Block]:
    """A plain message (confirmations, errors); the caller escapes what a user typed."""
    return [_section(text)]
