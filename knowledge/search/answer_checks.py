"""Second-stage checks on an answer the gate let through: does what we would show fit what was asked?

The gate (``knowledge.search.gate``) judges whether a question is *about* the knowledge base. A
near-domain question can be about it and still ask a fact no claim holds: "how much did Mistral raise in
its latest funding round" matches the claims on Mistral, lexically and semantically, and none of them has
the sum. Two checks on the fused ranking's first ``CHECK_DEPTH`` candidates catch that kind, each from
something the question says about its answer:

1. **A kind of fact is asked for** (``asked_kind``): a number ("how many", "多少", "几家"), a sum of money
   (多少钱, 估值多少, "how much did X pay"), a date ("什么时候", "when did"). A claim that states no fact of
   that kind cannot answer: no figure at all; for money, no currency (or, for a question on a change or a
   share, no share: "涨多少" is answered by 30%); for a count, only a share ("20% of the value" does not
   say how many employees); for a date, no year, month or 去年. When none of the first ``CHECK_DEPTH``
   candidates gives one (and is about a thing the question names, if it names any), the search refuses
   ("the question asks for a date and no matching claim gives one"); otherwise the candidates that do are
   moved ahead of the others, the fused order kept within each group.
   An amount or money question also says *what* it counts (``counted_word``: the specific word after 多少 /
   how many, or before a closing 多少: 多少张 GPU, how many employees, 估值多少): a fitting claim must
   contain it too, so "how many parameters does mm-cot have" is not answered by the mm-cot claim's "2 月".
2. **Something is named** (a speaker or a glossary entity the knowledge base knows: Apple, 阿里云): an
   answer about the named thing mentions it. When none of the first ``CHECK_DEPTH`` candidates mentions
   any of the names the question gives, the search refuses, naming them. (Unknown names are the gate's
   business: "nothing on DeepSeek R1".) Names only refuse, never reorder: a claim on 阿里云 answers a
   question on Alibaba, and the glossary keeps them apart; only the fact asked for must be about it.

Pure functions over the query, the candidates' claims and a ``contains(term, position)`` look-up; measured
on the own evaluation set's calibration part (bench/quality_bench.py, bench/RESULTS.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from knowledge.models import Claim
from knowledge.stop_words import STOP_WORDS

CHECK_DEPTH = 5
"""Candidates the checks look at: the first page of an answer."""

_AMOUNT_QUESTION = re.compile(
    r"\bhow\s+(?:many|much)\b"
    r"|(?<![或多])多少(?![有些点])"  # 多少钱 / 多少人, not 或多或少 / 多少有点 (somewhat)
    r"|(?<![这那哪好])几(?:[个家次年位名倍成岁款种台张颗亿万千百十]|十|百|千|万)"  # 几家, not 这几个 / 好几家 (several)
    r"|多久|多长时间",
    re.IGNORECASE,
)
_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
_MEASURES = "个家人位名次倍成年月天周岁元块美刀台张颗款种项条亿万千百%"
_FIGURE = re.compile(
    r"(?<![A-Za-z0-9.+-])\d"  # a number (NFKC-folded: full-width too), not a name's version (Llama2, GPT-4)
    rf"|[{_NUMERALS}]{{2,}}"  # 一百, 十万, 三千
    rf"|[二两三四五六七八九十半][多余几]?[{_MEASURES}]"  # 两家, 三成, 半年; a lone 一个 is not a figure
    r"|\b(?:hundred|thousand|million|billion|trillion|percent)\b",
    re.IGNORECASE,
)


_MONEY_QUESTION = re.compile(
    r"钱|价格|售价|收费|估值|营收|收入|利润|融资|融了|投资|成本|花费|花了|赚"
    r"|\b(?:cost|costs|pay|paid|charge|raise|raised|earn|earned|revenue|worth|valued|valuation|price|priced"
    r"|spend|spent|money|sell|sold|funding|invest|invested|profit)\b",
    re.IGNORECASE,
)
_CURRENCY = re.compile(r"元|美金|美刀|块钱|\$|￥|€|dollar|yuan|rmb|人民币|usd", re.IGNORECASE)
_SHARE = re.compile(
    r"\d[\d.]*\s*%|百分之[一二两三四五六七八九十百]+|percent|[\d一二两三四五六七八九十]\s*[成倍]", re.IGNORECASE
)
_SHARE_OR_CHANGE_QUESTION = re.compile(
    r"比例|占比|份额|百分|涨|跌|降|增|减|翻|率"
    r"|\b(?:share|percent|percentage|proportion|ratio|rate|rise|rose|fall|fell|drop|cut|grow|grew|increase|decrease"
    r"|double)",
    re.IGNORECASE,
)
"""A question on a share or on how much something changes ("GPU 价格还会涨多少") is answered by 30% too;
"how many employees" is not."""
_TIME_QUESTION = re.compile(
    r"什么时候|何时|哪年|哪一年|几月|哪天|哪一天|^\s*when\b|\bwhen\s+(?:did|will|was|is|does|do|are|were)\b|what\s+year",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?<![A-Za-z0-9.+-])(?:19|20)\d{2}(?!\d)|\d{1,2}\s*月|[去今明前]年|年[底初中]|[上下]半年|季度|\d+\s*(?:年|个月)前"
    r"|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def asked_kind(query: str) -> str | None:
    """What kind of fact the question asks for: "time", "money", "share" (a share or a change may answer),
    "amount" (a count or measure), or None (anything)."""
    folded = _fold(query)
    if _TIME_QUESTION.search(folded):
        return "time"
    if not _AMOUNT_QUESTION.search(folded):
        return None
    if _MONEY_QUESTION.search(folded):
        return "money"
    return "share" if _SHARE_OR_CHANGE_QUESTION.search(folded) else "amount"


def gives(claim: Claim, kind: str | None, *, change: bool = False) -> bool:
    """Whether the claim's text or quote (what a reader is shown) states a fact of that kind.

    money: a number and a currency (or, for a question on a change, a share: 30%); share: any figure;
    amount: a figure that is not only a share ("20% of the value" does not say how many employees);
    time: a year, a month, 去年 / 年底 ..."""
    if kind is None:
        return True
    shown = _fold(f"{claim.text} {claim.quote}")
    if kind == "time":
        return bool(_TIME.search(shown))
    if not _FIGURE.search(shown):
        return False
    if kind == "money":
        return bool(_CURRENCY.search(shown) or (change and _SHARE.search(shown)))
    if kind == "amount":
        return bool(_FIGURE.search(_SHARE.sub(" ", shown)))
    return True


_MEASURE_WORDS = frozenset("个家人位名次倍成年月天周岁元块台张颗款种项条亿万千百")


def counted_word(tokens: Sequence[str], is_specific: Callable[[str], bool]) -> str | None:
    """What an amount question counts, as a token of the question (``TextPipeline.tokens``): the first word
    after 多少 / "how many" past measure and stop words (多少张 GPU, how many employees), or the word before a
    closing 多少 (估值多少). None unless that word is specific (``is_specific``: a rare word, a Latin term):
    多少才算够, 多少个模型 and 多少年 say how much, not of what."""
    for i, token in enumerate(tokens):
        if token != "多少" and not (token == "many" and i > 0 and tokens[i - 1] == "how"):
            continue
        j = i + 1
        while j < len(tokens) and (tokens[j] in _MEASURE_WORDS or tokens[j] in STOP_WORDS):
            j += 1
        word = tokens[j] if j < len(tokens) else (tokens[i - 1] if token == "多少" and i > 0 else "")
        if len(word) >= 2 and re.search(r"[^\W\d_]", word) and is_specific(word):
            return word
    return None


def asks_for_amount(query: str) -> bool:
    """The question asks for a number: how many, how much, 多少, 几家 ..."""
    return asked_kind(query) in ("money", "share", "amount")


@dataclass(frozen=True)
class AnswerCheck:
    answer: bool
    reason: str = ""
    """"" when it answers; "names-absent" or "no-<kind>" (no-money, no-amount, no-time) when it refuses."""
    message: str = ""
    order: tuple[int, ...] = ()
    """The candidates (positions), possibly reordered: claims giving the kind of fact asked for first."""


_WHAT = {"money": "a sum of money", "share": "a figure", "amount": "a number", "time": "a date"}


def check_answer(
    query: str,
    candidates: Sequence[int],
    claims: Sequence[Claim],
    names: Sequence[tuple[str, Sequence[str]]],
    contains: Callable[[str, int], bool],
    counted: tuple[str, Sequence[str]] | None = None,
) -> AnswerCheck:
    """Both checks on ``candidates`` (claim positions, best first).

    ``names``: each known name the question gives, as (how it was typed, its concept terms: ``@person``,
    ``§entity``); ``contains(term, position)`` says whether a claim holds a term (its speaker included);
    ``counted``: what an amount or money question counts (``counted_word``), as typed and as index terms."""
    order = tuple(candidates)
    first = order[:CHECK_DEPTH]
    if not first:
        return AnswerCheck(True, order=order)
    terms = [term for _, concept_terms in names for term in concept_terms]

    def contains_any(pos: int) -> bool:
        return any(contains(term, pos) for term in terms)

    if terms and not any(contains_any(pos) for pos in first):
        named = ", ".join(dict.fromkeys(label for label, _ in names))
        return AnswerCheck(False, "names-absent", f"no claim that matches the question is about {named}")
    kind = asked_kind(query)
    if kind is None:
        return AnswerCheck(True, order=order)
    change = bool(_SHARE_OR_CHANGE_QUESTION.search(_fold(query)))
    counted_terms = counted[1] if counted and kind in ("amount", "money") else ()

    def counts_it(pos: int) -> bool:
        return not counted_terms or any(contains(term, pos) for term in counted_terms)

    fitting = {
        pos
        for pos in order
        if gives(claims[pos], kind, change=change) and (not terms or contains_any(pos)) and counts_it(pos)
    }
    if not fitting.intersection(first):
        of = f" ({counted[0]})" if counted_terms and counted else ""
        message = f"the question asks for {_WHAT[kind]}{of} and no matching claim gives one"
        return AnswerCheck(False, f"no-{kind}", message)
    return AnswerCheck(True, order=tuple(sorted(order, key=lambda pos: pos not in fitting)))  # stable
