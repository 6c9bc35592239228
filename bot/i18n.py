"""UI strings in the two languages the bot speaks: Chinese (default) and English.

Only the bot's own words are translated; claims always show their Chinese text and English gloss.
Strings are ``str.format`` templates; callers pass already-escaped values for anything a user typed.
One table and one lookup rule for the app and the digest (the digest's keys start with ``digest.``).
"""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_LANGUAGE = "zh"

_STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "results_header": "关于「{query}」的观点（第 {first}–{last} 条，共 {total} 条）",
        "no_answer": "没有找到关于「{query}」的可靠答案。",
        "no_answer_short": "没有找到相关的观点。",
        "no_answer_unknown": "知识库里还没有关于 {names} 的内容。",
        "no_answer_lacking": "知识库里的观点没有给出「{query}」要的{what}。",
        "fact_amount": "数字",
        "fact_money": "金额",
        "fact_time": "时间",
        "try_instead": "可以试试：{suggestions}",
        "try_help": "输入 `{command} help` 查看用法和话题。",
        "empty_corpus": "知识库里还没有观点。",
        "button_share": "分享到频道",
        "button_more": "更多结果",
        "button_context": "原文上下文",
        "shared_by": "<@{user}> 分享了这条观点",
        "speaker_line": "—— {speaker}",
        "source_line": "{source}",
        "topics_line": "话题：{topics}",
        "context_header": "原文上下文",
        "context_quote": "*原话*",
        "context_paragraph": "*所在段落*",
        "context_missing": "原文中找不到这段引文的段落。",
        "claim_gone": "这条观点已不在知识库中（可能已被修改或删除）。",
        "today_header": "今日观点 · {date}",
        "today_none": "今天没有可推送的观点。",
        "random_header": "随手一条",
        "topics_header": "话题（共 {count} 个）",
        "topic_row": "• *{zh}* {en} — {count} 条 · `topic:{id}`",
        "help_header": "论道 lundao：团队整理的大模型行业观点库",
        "help_usage": (
            "*用法*\n"
            "• `{command} 问题或关键词`：只给你看的前 {n} 条观点，可分享到频道\n"
            "• `{command} today`：今日观点　• `{command} random`：随机一条　• `{command} topics`：话题列表\n"
            "• 过滤：`by:李开复`、`topic:开源`、`source:xixi-lundao`\n"
            "• `{command} subscribe [HH:MM] [weekdays]` / `{command} unsubscribe`：本频道的每日推送\n"
            "• 在线程里 @{bot} 提问；消息菜单里的「Find related insights」找相关观点"
        ),
        "help_examples": "*例子*\n{examples}",
        "help_topics": "*话题*：{topics}",
        "digest_disabled": "每日推送没有启用。",
        "not_allowed": "只有工作区管理员或设置里的推送管理员可以订阅或退订频道。",
        "bad_subscribe": "看不懂「{token}」：用法是 `{command} subscribe [HH:MM] [weekdays|daily]`。",
        "subscribe_failed": "订阅失败：{reason}",
        "internal_error": "抱歉，出了点问题，请稍后再试。",
        "reply_failed": "抱歉，我没能把回答发到这个对话里（Slack 暂时不可用）。请稍后再 @ 我一次。",
        "share_expired": "分享失败：这条回答的按钮已过期（Slack 只保留 30 分钟）。请重新搜索一次再分享。",
        "related_header": "相关观点",
        "thread_answer_header": "相关观点：",
        "home_header": "论道 lundao",
        "home_today": "*今日观点*",
        "home_topics": "*话题*",
        "home_usage": "*怎么用*",
        "more_end": "没有更多结果了。",
        "dm_fallback": "我不在那个频道里，所以把相关观点私信给你：",
        "console_hello": "论道 lundao 控制台（假的 Slack，无需账号）。输入 `{command} 开源`、`@{bot} 李开复怎么看开源`；"
        "`reply @{bot} 有反例吗` 在频道里最新一条消息的帖子里追问；"
        "`more`、`share N`、`context N` 点击按钮；`save 一段话` 把消息保存为观点，`home` 里 `approve N` 审核；`quit` 退出。",
        "digest.header": "今日洞见 · {date}",
        "digest.gloss": "_{gloss}_",
        "digest.speaker_source": "—— {speaker},出自 {source}",
        "digest.fallback": "今日洞见:{text}",
        "digest.q.judgement": "你同意这个判断吗?在本帖里说说你的看法,或 @{bot} 追问出处。",
        "digest.q.number": "这个数字今天还成立吗?在本帖里讨论,或 @{bot} 查相关的数字。",
        "digest.q.prediction": "这个预测兑现了吗?在本帖里说说你的观察,或 @{bot} 追问。",
        "digest.q.argument": "这个论证哪一环最站得住,哪一环最弱?在本帖里聊聊,或 @{bot} 找相关观点。",
        "digest.q.fact": "这对我们团队意味着什么?在本帖里讨论,或 @{bot} 追问背景。",
        "digest.q.advice": "这条建议适合我们吗?在本帖里说说,或 @{bot} 找不同的声音。",
        "digest.subscribed": "好的:本频道将在每天{days} {time}({tz})收到今日洞见。用 `{command} unsubscribe` 取消。",
        "digest.subscribed_weekdays": "(仅工作日)",
        "digest.unsubscribed": "好的:本频道不再收到今日洞见。用 `{command} subscribe` 可以重新订阅。",
        "digest.not_subscribed": "本频道本来就没有订阅今日洞见。",
        "digest.bad_time": "时间「{value}」无效:请用 24 小时制 HH:MM,例如 09:30。",
        "digest.bad_channel": "频道「{value}」无效:需要 Slack 频道 id,例如 C012ABCDEF。",
    },
    "en": {
        "results_header": "Insights about “{query}” ({first}–{last} of {total})",
        "no_answer": "I found no confident answer about “{query}”.",
        "no_answer_short": "I found no related insights.",
        "no_answer_unknown": "The knowledge base has nothing on {names} yet.",
        "no_answer_lacking": "No claim in the knowledge base gives the {what} that “{query}” asks for.",
        "fact_amount": "number",
        "fact_money": "sum of money",
        "fact_time": "date",
        "try_instead": "Try instead: {suggestions}",
        "try_help": "Type `{command} help` for usage and topics.",
        "empty_corpus": "The knowledge base has no claims yet.",
        "button_share": "Share to channel",
        "button_more": "More results",
        "button_context": "Context",
        "shared_by": "<@{user}> shared this insight",
        "speaker_line": "— {speaker}",
        "source_line": "{source}",
        "topics_line": "Topics: {topics}",
        "context_header": "Context in the source",
        "context_quote": "*Quote*",
        "context_paragraph": "*Paragraph*",
        "context_missing": "The quote's paragraph cannot be found in the source text.",
        "claim_gone": "This insight is no longer in the knowledge base (it may have been edited or removed).",
        "today_header": "Insight of the day · {date}",
        "today_none": "There is no insight to post today.",
        "random_header": "A random insight",
        "topics_header": "Topics ({count})",
        "topic_row": "• *{en}* {zh} — {count} · `topic:{id}`",
        "help_header": "lundao: the team's curated insights on the LLM industry",
        "help_usage": (
            "*Usage*\n"
            "• `{command} question or keywords`: the top {n} insights, only for you, shareable to the channel\n"
            "• `{command} today`: insight of the day  • `{command} random`  • `{command} topics`\n"
            "• Filters: `by:Kai-Fu Lee`, `topic:open-source`, `source:xixi-lundao`\n"
            "• `{command} subscribe [HH:MM] [weekdays]` / `{command} unsubscribe`: this channel's daily insight\n"
            "• Mention @{bot} in a thread; use the message shortcut “Find related insights”"
        ),
        "help_examples": "*Examples*\n{examples}",
        "help_topics": "*Topics*: {topics}",
        "digest_disabled": "The daily insight is not enabled.",
        "not_allowed": "Only workspace admins or the digest admins in the settings can subscribe or unsubscribe channels.",
        "bad_subscribe": "I don't understand “{token}”: usage is `{command} subscribe [HH:MM] [weekdays|daily]`.",
        "subscribe_failed": "Could not subscribe: {reason}",
        "internal_error": "Sorry, something went wrong; please try again later.",
        "reply_failed": "Sorry, I could not post my answer here (Slack was unavailable). Please mention me again later.",
        "share_expired": "Could not share: this answer's buttons have expired (Slack keeps them for 30 minutes). Search again, then share.",
        "related_header": "Related insights",
        "thread_answer_header": "Related insights:",
        "home_header": "lundao",
        "home_today": "*Insight of the day*",
        "home_topics": "*Topics*",
        "home_usage": "*How to use it*",
        "more_end": "No more results.",
        "dm_fallback": "I am not in that channel, so here are the related insights privately:",
        "console_hello": "lundao console (a fake Slack, no account needed). Type `{command} open source` or "
        "`@{bot} what does Kai-Fu Lee think of open source`; `reply @{bot} any counterexamples?` asks in the thread of "
        "the latest channel message; `more`, `share N`, `context N` click buttons; `save some text` saves a message as an "
        "insight, reviewed with `approve N` in the `home`; `quit` exits.",
        "digest.header": "Insight of the day · {date}",
        "digest.gloss": "_{gloss}_",
        "digest.speaker_source": "— {speaker}, from {source}",
        "digest.fallback": "Insight of the day: {text}",
        "digest.q.judgement": "Do you agree? Say why in this thread, or ask @{bot} where it comes from.",
        "digest.q.number": "Does this number still hold today? Discuss in this thread, or ask @{bot} for related figures.",
        "digest.q.prediction": "Has this prediction come true? Share what you see in this thread, or ask @{bot}.",
        "digest.q.argument": "Which step of this argument is strongest, which weakest? Discuss here, or ask @{bot} for related views.",
        "digest.q.fact": "What does this mean for our team? Discuss in this thread, or ask @{bot} for background.",
        "digest.q.advice": "Does this advice fit us? Say so in this thread, or ask @{bot} for other voices.",
        "digest.subscribed": "Done: this channel gets the insight of the day {days}at {time} ({tz}). `{command} unsubscribe` stops it.",
        "digest.subscribed_weekdays": "on weekdays ",
        "digest.unsubscribed": "Done: this channel no longer gets the insight of the day. `{command} subscribe` brings it back.",
        "digest.not_subscribed": "This channel was not subscribed to the insight of the day.",
        "digest.bad_time": "Time “{value}” is not valid: use 24-hour HH:MM, e.g. 09:30.",
        "digest.bad_channel": "Channel “{value}” is not valid: a Slack channel id such as C012ABCDEF is needed.",
    },
}

EXAMPLES: dict[str, tuple[str, ...]] = {
    "zh": ("开源模型值得用吗", "by:李开复 人才", "topic:算力", "大模型创业的机会在哪里"),
    "en": ("is open source worth it", "by:Kai-Fu Lee talent", "topic:compute", "where are the startup opportunities"),
}


class Strings:
    """The UI strings of one language: ``strings("key", name=value)``."""

    def __init__(self, language: str = "zh"):
        if language not in _STRINGS:
            raise ValueError(f"unknown UI language {language!r}; use one of {', '.join(_STRINGS)}")
        self.language = language
        self._table: Mapping[str, str] = _STRINGS[language]

    def __call__(self, key: str, /, **values: object) -> str:
        """The template of ``key`` filled in; a key missing in this language falls back to Chinese.

        A key missing in Chinese too is a bug, and raises KeyError.
        """
        template = self._table.get(key)
        if template is None:
            template = _STRINGS[DEFAULT_LANGUAGE][key]
        return template.format(**values)

    @property
    def examples(self) -> tuple[str, ...]:
        return EXAMPLES[self.language]


def keys(language: str) -> frozenset[str]:
    return frozenset(_STRINGS[language])
