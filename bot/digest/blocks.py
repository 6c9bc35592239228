"""The digest post's Block Kit message, built with slack_sdk's models."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.digest.texts import text
from bot.mrkdwn import escape, link
from knowledge.models import Claim, Corpus

# Slack message metadata: lets a process that died between posting and recording find its own
# post again in the channel's history instead of posting twice.
METADATA_EVENT = "lundao_digest"


@dataclass(frozen=True)
class DigestMessage:
    text: str
    blocks: list[Block]
    metadata: dict[str, Any]


def digest_message(
    corpus: Corpus, claim: Claim, *, channel_id: str, post_date: dt.date, language: str, bot_name: str
) -> DigestMessage:
    source = corpus.sources.get(claim.source_id)
    speaker = corpus.people.get(claim.speaker_id)
    if speaker is None:
        speaker_label = claim.speaker_id
    elif language == "en":
        speaker_label = speaker.en + (f" ({speaker.role_en})" if speaker.role_en and speaker.kind == "person" else "")
    else:
        speaker_label = speaker.zh + (f"({speaker.role})" if speaker.role and speaker.kind == "person" else "")
    source_label = link(source.url, source.title) if source else escape(claim.source_id)
    topics = corpus.topics_of(claim)
    topic_label = " · ".join((t.en if language == "en" else t.zh) for t in topics)
    question_key = (
        f"q.{claim.kind}"
        if f"q.{claim.kind}" in ("q.judgement", "q.number", "q.prediction", "q.argument", "q.fact", "q.advice")
        else "q.judgement"
    )

    blocks: list[Block] = [
        HeaderBlock(text=PlainTextObject(text=text(language, "header", date=post_date.isoformat()), emoji=True)),
        SectionBlock(text=MarkdownTextObject(text=f"*{escape(claim.text)}*")),
        ContextBlock(
            elements=[
                MarkdownTextObject(text=text(language, "gloss", gloss=escape(claim.en))),
            ]
        ),
        SectionBlock(
            text=MarkdownTextObject(
                text=text(language, "speaker_source", speaker=escape(speaker_label), source=source_label)
            )
        ),
    ]
    if topic_label:
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=escape(topic_label))]))
    blocks += [
        DividerBlock(),
        SectionBlock(text=MarkdownTextObject(text=text(language, question_key, bot=escape(bot_name)))),
    ]
    fallback = text(language, "fallback", text=escape(claim.text))
    metadata = {
        "event_type": METADATA_EVENT,
        "event_payload": {"channel": channel_id, "date": post_date.isoformat(), "claim_id": claim.id},
    }
    return DigestMessage(fallback, blocks, metadata)
