"""Feedback's user-facing strings, in the bot's two languages (kept beside the feature, looked up like bot.i18n)."""

from __future__ import annotations

_TEXTS: dict[str, dict[str, str]] = {
    "zh": {
        "helpful": "👍 有帮助",
        "not_helpful": "👎 没帮助",
        "thanks_helpful": "👍 谢谢反馈：已记下这条对「{query}」有帮助，下次有人这样问会先看到它。",
        "thanks_helpful_no_query": "👍 谢谢反馈：已记下这条有帮助。",
        "thanks_not_helpful": "谢谢反馈：已记下这条没帮助，这个问题会列给知识库维护者。",
        "not_recorded": "抱歉，这次反馈没能记下（数据库暂时不可用），请稍后再试。",
        "claim_gone": "这条观点已不在知识库中（可能已被修改或删除），反馈没有记下。",
        "gaps_header": "等待回答的问题",
        "gaps_none": "最近 {days} 天没有未回答的问题。",
        "gap_row": "• *{text}* — 问过 {count} 次，最近 {last}{extra}",
        "gap_not_helpful": "，{n} 次标为没帮助",
        "gap_wordings": "也这样问过：{wordings}",
        "disabled": "反馈没有启用（没有数据库）。",
        "phrasings_header": "从用户那里学到的问法",
        "phrasings_none": "还没有学到的问法：有人点「有帮助」或分享一条回答时，会记下那个问题。",
        "phrasing_row": "• 「{text}」→ `{claim}` · {uses} 次 · id {id}",
        "phrasings_remove": "问法不对？`lundao phrasings remove ID` 删掉它。",
        "console_hint": "`helpful N` / `unhelpful N` 评价一条回答；`gaps [天数]` 列出没答上的问题。",
    },
    "en": {
        "helpful": "👍 Helpful",
        "not_helpful": "👎 Not helpful",
        "thanks_helpful": "👍 Thanks: noted as helpful for “{query}”; the next person who asks this way sees it first.",
        "thanks_helpful_no_query": "👍 Thanks: noted as helpful.",
        "thanks_not_helpful": "Thanks: noted as not helpful; the question goes to the knowledge base's curators.",
        "not_recorded": "Sorry, your feedback could not be recorded (the database is unavailable); please try later.",
        "claim_gone": "This insight is no longer in the knowledge base; the feedback was not recorded.",
        "gaps_header": "Questions waiting for an answer",
        "gaps_none": "No unanswered questions in the last {days} days.",
        "gap_row": "• *{text}* — asked {count} times, last {last}{extra}",
        "gap_not_helpful": ", {n} marked not helpful",
        "gap_wordings": "Also asked as: {wordings}",
        "disabled": "Feedback is not enabled (no database).",
        "phrasings_header": "Phrasings learned from users",
        "phrasings_none": "Nothing learned yet: a question is kept when someone marks its answer helpful or shares it.",
        "phrasing_row": "• “{text}” → `{claim}` · {uses}× · id {id}",
        "phrasings_remove": "A wrong one? `lundao phrasings remove ID` removes it.",
        "console_hint": "`helpful N` / `unhelpful N` rate an answer; `gaps [DAYS]` lists the unanswered questions.",
    },
}


def text(language: str, key: str, /, **values: object) -> str:
    """The template of ``key`` in ``language`` (Chinese when missing), filled in; callers escape user text."""
    template = _TEXTS.get(language, _TEXTS["zh"]).get(key) or _TEXTS["zh"][key]
    return template.format(**values)


def keys(language: str) -> frozenset[str]:
    return frozenset(_TEXTS[language])
