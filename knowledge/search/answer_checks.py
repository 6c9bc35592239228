"""Second-stage checks on an answer the gate let through: does what we would show fit what was asked?

The gate (``knowledge.search.gate``) judges whether a question is *about* the knowledge base. A
near-domain question can be about it and still ask a fact no claim holds: "how many GPUs did Alibaba use
to train Qwen" matches the claims on Alibaba and Qwen, lexically and semantically, and none of them has the
number. Two checks on the fused ranking's first ``CHECK_DEPTH`` candidates catch that kind, each from
something the question says about its answer:

1. **A figure is asked for** ("how many", "多少", "几家"): a claim that states no figure cannot answer it,
   and when the figure is a sum of money (what something cost, raised, earned, is worth: 多少钱, 估值多少,
   "how much did X pay"), a claim without a currency cannot either. When none of the first
   ``CHECK_DEPTH`` candidates states such a figure (and is about a thing the question names, if it names
   any), the search refuses ("no claim gives that figure"); otherwise the candidates that do are moved
   ahead of the others, the fused order kept within each group.
2. **Something is named** (a speaker or a glossary entity the knowledge base knows: Apple, 阿里云): an
   answer about the named thing mentions it. When none of the first ``CHECK_DEPTH`` candidates mentions
   any of the names the question gives, the search refuses, naming them. (Unknown names are the gate's
   business: "nothing on DeepSeek R1".) Names only refuse, never reorder: a claim on 阿里云 answers a
   question on Alibaba, and the glossary keeps them apart; only an amount question's figures are asked
   to be about the named thing.

Pure functions over the query, the candidates' claims and a ``contains(term, position)`` look-up; measured
on the own evaluation set's calibration part (bench/quality_bench.py, bench/RESULTS.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from knowledge.models import Claim

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
_SHARE = re.compile(r"%|percent|[\d一二两三四五六七八九十]\s*[成倍]", re.IGNORECASE)
_CHANGE = re.compile(
    r"涨|跌|降|增|减|翻|\b(?:rise|rose|fall|fell|drop|cut|grow|grew|increase|decrease|double)", re.IGNORECASE
)
"""A question on how much a sum changes ("GPU 价格还会涨多少") is answered by a share (30%) as well."""


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def asks_for_amount(query: str) -> bool:
    """The question asks for a number: how many, how much, 多少, 几家 ..."""
    return bool(_AMOUNT_QUESTION.search(_fold(query)))


def asks_for_money(query: str) -> bool:
    """The question asks for a sum of money: an amount of what something cost, raised, earned or is worth."""
    folded = _fold(query)
    return bool(_AMOUNT_QUESTION.search(folded) and _MONEY_QUESTION.search(folded))


def states_figure(claim: Claim) -> bool:
    """The claim's text or quote (what a reader is shown) states a number of some kind."""
    return bool(_FIGURE.search(_fold(f"{claim.text} {claim.quote}")))


def states_money(claim: Claim, *, change: bool = False) -> bool:
    """The claim's text or quote states a sum of money (a number and a currency); with ``change``, a share
    or a multiple (30%, 三成, 两倍) as well."""
    shown = _fold(f"{claim.text} {claim.quote}")
    if not _FIGURE.search(shown):
        return False
    return bool(_CURRENCY.search(shown) or (change and _SHARE.search(shown)))


@dataclass(frozen=True)
class AnswerCheck:
    answer: bool
    reason: str = ""
    """"" when it answers; "no-figure" or "names-absent" when it refuses."""
    message: str = ""
    order: tuple[int, ...] = ()
    """The candidates (positions), possibly reordered: figure-stating claims first for an amount question."""


def check_answer(
    query: str,
    candidates: Sequence[int],
    claims: Sequence[Claim],
    names: Sequence[tuple[str, Sequence[str]]],
    contains: Callable[[str, int], bool],
) -> AnswerCheck:
    """Both checks on ``candidates`` (claim positions, best first).

    ``names``: each known name the question gives, as (how it was typed, its concept terms: ``@person``,
    ``§entity``); ``contains(term, position)`` says whether a claim holds a term (its speaker included)."""
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
    if not asks_for_amount(query):
        return AnswerCheck(True, order=order)
    money, change = asks_for_money(query), bool(_CHANGE.search(_fold(query)))

    def states(pos: int) -> bool:
        return states_money(claims[pos], change=change) if money else states_figure(claims[pos])

    fitting = {pos for pos in order if states(pos) and (not terms or contains_any(pos))}
    if not fitting.intersection(first):
        what = "a sum of money" if money else "a figure"
        return AnswerCheck(False, "no-figure", f"the question asks for {what} and no matching claim gives one")
    return AnswerCheck(True, order=tuple(sorted(order, key=lambda pos: pos not in fitting)))  # stable
