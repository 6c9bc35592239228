"""The digest's user-facing strings: Chinese by default, English when ``language: en``."""

from __future__ import annotations

from bot.blocks import escape  # one escaping rule for everything echoed into Slack

__all__ = ["escape", "text"]

_TEXTS: dict[str, dict[str, str]] = {
    "zh": {
        "header": "今日洞见 · {date}",
        "gloss": "_{gloss}_",
        "speaker_source": "—— {speaker},出自 {source}",
        "cycle_note": "第 {cycle} 轮 · 本轮还剩 {left} 条",
        "fallback": "今日洞见:{text}",
        "q.judgement": "你同意这个判断吗?在本帖里说说你的看法,或 @{bot} 追问出处。",
        "q.number": "这个数字今天还成立吗?在本帖里讨论,或 @{bot} 查相关的数字。",
        "q.prediction": "这个预测兑现了吗?在本帖里说说你的观察,或 @{bot} 追问。",
        "q.argument": "这个论证哪一环最站得住,哪一环最弱?在本帖里聊聊,或 @{bot} 找相关观点。",
        "q.fact": "这对我们团队意味着什么?在本帖里讨论,或 @{bot} 追问背景。",
        "q.advice": "这条建议适合我们吗?在本帖里说说,或 @{bot} 找不同的声音。",
        "subscribed": "好的:本频道将在每天{days} {time}({tz})收到今日洞见。用 `{command} unsubscribe` 取消。",
        "subscribed_weekdays": "(仅工作日)",
        "unsubscribed": "好的:本频道不再收到今日洞见。用 `{command} subscribe` 可以重新订阅。",
        "not_subscribed": "本频道本来就没有订阅今日洞见。",
        "bad_time": "时间「{value}」无效:请用 24 小时制 HH:MM,例如 09:30。",
        "bad_channel": "频道「{value}」无效:需要 Slack 频道 id,例如 C012ABCDEF。",
    },
    "en": {
        "header": "Insight of the day · {date}",
        "gloss": "_{gloss}_",
        "speaker_source": "— {speaker}, from {source}",
        "cycle_note": "Round {cycle} · {left} left in this round",
        "fallback": "Insight of the day: {text}",
        "q.judgement": "Do you agree? Say why in this thread, or ask @{bot} where it comes from.",
        "q.number": "Does this number still hold today? Discuss in this thread, or ask @{bot} for related figures.",
        "q.prediction": "Has this prediction come true? Share what you see in this thread, or ask @{bot}.",
        "q.argument": "Which step of this argument is strongest, which weakest? Discuss here, or ask @{bot} for related views.",
        "q.fact": "What does this mean for our team? Discuss in this thread, or ask @{bot} for background.",
        "q.advice": "Does this advice fit us? Say so in this thread, or ask @{bot} for other voices.",
        "subscribed": "Done: this channel gets the insight of the day {days}at {time} ({tz}). `{command} unsubscribe` stops it.",
        "subscribed_weekdays": "on weekdays ",
        "unsubscribed": "Done: this channel no longer gets the insight of the day. `{command} subscribe` brings it back.",
        "not_subscribed": "This channel was not subscribed to the insight of the day.",
        "bad_time": "Time “{value}” is not valid: use 24-hour HH:MM, e.g. 09:30.",
        "bad_channel": "Channel “{value}” is not valid: a Slack channel id such as C012ABCDEF is needed.",
    },
}


def text(language: str, key: str, **values: object) -> str:
    table = _TEXTS.get(language, _TEXTS["zh"])
    return table[key].format(**values)
