"""``lundao corpus suggest``: rank the sentences of a source that carry a claim, as draft claims.

The candidates are the sentences ``knowledge.ingest.speakers`` gives a named speaker. They are ranked
by what makes a claim worth keeping: an opinion verb, numbers, judgement words. Each draft keeps its
sentence verbatim as ``quote`` and ``text``, takes topics from the nearest existing claims
(``knowledge.search``), leaves ``en`` empty and carries ``status: draft``; a speaker the registry
lacks gets a draft person with pypinyin's name.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from knowledge.ingest.extract import IngestError
from knowledge.ingest.speakers import (
    COMMENTED,
    CUT_ATTRIBUTION,
    GOES_ON,
    HANDS_OVER,
    HEADLINE_OVER,
    HIGHLIGHT,
    POINTS_BACK,
    SPEECH_VERBS,
    VIEW_BELOW,
    Names,
    Sentence,
    attribute,
    closing_mark_lost,
    person_id_for,
    pinyin_name,
    simplified,
    split_sentences,
    without_pinyin_notes,
)
from knowledge.models import Corpus

DRAFT = "draft"
_FIRST_PERSON = re.compile(r"我认为|我觉得|我相信|我想|我的判断|我的观点|在我看来")
_NUMBER = re.compile(r"\d|[一二三四五六七八九十百千万亿]+(?:倍|成|个|%|亿|万)|百分之")
_JUDGEMENT = re.compile(
    r"一定|必须|应该|不会|不能|最|关键|核心|唯一|本质|其实|浪费|机会|价值|趋势|未来|将会|需要|只有|才能|绝对|很难|难以|"
    r"不是.+而是|问题|风险|意味着|决定|重要|优势|门槛|壁垒"
)
# Advice on thanking, 谢谢 the object of saying it after a negation (不要对机器说谢谢 / 不必说声谢谢): the speaker's view
# of thanks, not thanks the speaker gives, so 谢谢 there frames nothing.
_THANKS_ADVISED_AGAINST = re.compile(
    r"(?:不要|不用|不必|无需|无须|没必要|不需要|不该|不应该?|别)(?:对|向|跟|和)?[^,，。!！?？]{0,10}?(?:说|道)(?:声|一声)?谢谢$"
)
# A clause of the speaker's own view after a comma (…,我觉得… / …,我认为…): a greeting or a pleasantry the sentence
# opens with (大家好,很高兴又来到这里,…,我觉得…) frames only the clauses before it, not the view.
_OWN_VIEW_AFTER = re.compile(r"[,，]\s*(?:我|我们)(?:觉得|认为|相信|的看法是|的判断是)")
_FRAMING = re.compile(
    # Sharing one's experience only announces it, unless the sentence spells it out after a colon (分享他的经验:…) or
    # after a speech verb of its own (分享了对行业的看法,他认为,…).
    # 很高兴 is a pleasantry (我很高兴来到这里), unless it hands over news or what the speaker sees (…非常重要,而且我很高兴告诉
    # 大家,… / 很高兴看到…).
    # 谢谢 is thanks, unless it only signs off a long statement after a comma (今天我们宣布,…将建成…,谢谢。): the
    # announcement before it is the sentence.
    # 欢迎 is a welcome, unless it names the address the words come from (某某在欢迎致辞中表示,…): what follows the verb is
    # the person's. Nor is it one as an attitude (以欢迎的心态看待…) or taken to an idea or a change (我很欢迎这个想法): the
    # speaker's stance on something, not a greeting to the guests (欢迎这位嘉宾 still is one).
    r"大家(?:上午|下午|晚上|早上)?好|(?<!.{20}[,，])谢谢|谢谢(?![。!！.]?[”」』]?\s*$)|很高兴(?!地?(?:告诉|宣布|看到))|借此机会|分享.{0,16}(?:思考|体会|经验|观点|看法|观察)(?![:：]\s*[^\s“”「」『』])(?![,，][他她]?(?:还|也)?(?:认为|表示|指出|强调)[,，:：]?\s*[^\s,，。])|演讲的主题|题目叫|^以下(?:是|为)|整理[:：]?$|欢迎(?!(?:致辞|致词|辞|词|讲话)中|的|(?:这|此|该)(?!位))"
    # A self-introduction that opens the sentence or a dialogue turn (某某:我是来自某公司的,我负责产品。).
    r"|(?:^|[:：])\s*我(?:是)?来自"
    # A host's welcome: thanks for coming (感谢各位光临) or the honour of receiving the guests (很荣幸在这里接待你们).
    r"|感谢(?:各位|大家|你们|您)[^。,，]{0,16}?(?:光临|莅临|到来|来访)|荣幸[^。,，]{0,8}?(?:接待|迎接|欢迎)(?:你们|各位|大家)"
    # The speaker naming the topic of the talk (我今天分享的话题也聚焦…,主题是《…》), as 演讲的主题 does.
    r"|(?:分享|讲|报告)的(?:话题|主题)"
    # Thanking the interviewer for the question (这是个好问题。) says nothing yet.
    r"|(?:^|[:：])\s*(?:这|这真|这确实)是(?:一)?个(?:很|非常)?好(?:的)?问题[。!！]?$"
    # The writer's wish to the reader closing an intro (…,希望对你有所启发。): no one's view.
    r"|希望(?:能|可以)?对(?:你|您|大家|各位|读者)(?:们)?有(?:所)?(?:启发|帮助|启示|收获)"
    # A speaker running the session rather than saying anything: the talk's title, its place in the programme.
    r"|报告(?:的)?题目|我的题目|进入[^,，。]{0,6}环节|开始我的(?:报告|演讲|分享)"
    # A sentence that only names what the person went on to describe, no word of it (他也清晰描绘了…的路径。 / 某某还谈到了
    # 开源的未来。): the view follows, or the page left it out.
    r"|(?:描绘|描述|阐释|阐述|剖析|分析|介绍|谈及|谈到|回顾|梳理|探讨|讨论|解读|强调|提到|提及|指出)了[^,，。:：;；“”「」『』]{0,40}"
    r"(?:路径|观点|看法|思考|逻辑|趋势|问题|话题|差异|观察|优势|前景|未来|现状|方向|挑战|机遇)[。.]?$"
    # …or that only praises the view the person put forward (某某提出了引人深思的观点。 / 他分享了独到的见解。), the writer's
    # word on it, none of the person's; a view that differs (提出了不同的思考。) says where the person stands.
    r"|(?:提出|分享|发表|表达|给出|抛出)了[^,，。:：“”「」『』]{0,6}?(?:引人深思|发人深省|耐人寻味|独到|精彩|深刻|犀利|有趣|新颖|鲜明|重要|有意思)"
    r"的(?:观点|看法|见解|思考|判断|洞察|洞见)[。.]?$"
    # …or that only names the topics the person gave views on (某某谈到了…的特点,同时还对A、B等话题发表了看法。), with no verb
    # before it that hands over what was said.
    r"|^(?![^。]*(?:认为|表示|指出|强调|坦言|直言|称|说)[,，:：])[^。]*对[^。:：“”「」『』]{1,40}?等?(?:话题|问题|议题|方面)"
    r"(?:发表|谈|分享)了?(?:自己的|各自的)?(?:看法|观点|见解)[。.]?$"
    # …or that says what the words just quoted reveal (这番话不仅道出了…,更揭示了…。): the writer's verdict on them, not a
    # word of the person's.
    r"|^(?:这番话|这句话|这段话|这些话|此番话|此番言论|这番言论)[^。,，:：“”「」『』]{0,6}?"
    r"(?:道出|揭示|点出|说出|表明|折射|反映|体现|印证|透露出)"
)
# A speaker's filler in a spoken answer, the whole sentence (after a turn's label, if any): remarking on the question
# (这是个很有意思的问题。/ 这个问题很难回答。/ 我经常被问到这个问题。), agreeing or hesitating (嗯,你说得对。/ 让我想想。),
# or a bare hedge (我觉得是这样的。): nothing said yet.
_FILLER = re.compile(
    r"(?:^|[:：])\s*(?:(?:嗯|呃|啊|哦|对|是的|好|好的|没错|当然|确实|所以|那么|其实)[,，、…]*\s*)*"
    r"(?:(?:这|这真|这确实|这的确)是(?:一)?个(?:很|非常|特别|相当|真正)?(?:好|有趣|有意思|重要|棘手|难|困难|复杂|深刻|大|关键)(?:的)?"
    r"(?:问题|观点|看法|比喻|类比)"
    r"|这个问题(?:问得)?(?:很|非常|特别|真的|挺)?(?:有意思|有趣|好|重要|难回答|难|复杂|深刻)"
    r"|我(?:经常|常常|总是|一直|也经常)被(?:人)?问(?:到|起)?(?:这个)?问题"
    r"|(?:你|您)说得(?:很|非常|完全)?(?:对|好|没错|有道理)"
    r"|让我(?:想想|想一想|想一下|思考一下)|我想想|怎么说呢|我(?:完全)?同意(?:你(?:的看法)?)?"
    r"|我(?:觉得|认为|想|猜)(?:是|就是)?(?:这样|如此|对的|是的)(?:的)?"
    # …or remarking on how time flies when the host recalls the past (对,确实时间过得很快。): a pleasantry.
    r"|(?:确实|真的|的确)?时间过得(?:很|真|太|好|挺|非常)?快(?:啊|呀|了)?"
    r")[。!！…]*[”」』]?$"
)
# A news lead that tells of a person appearing and giving a speech (某日,某某现身…并发表…演讲,…), with no speech verb
# that hands over what was said: the writer's announcement, not a view.
_EVENT_LEAD = re.compile(
    r"(?:现身|出席|亮相)[^。:：“”]{0,30}?并(?:发表|作|做)了?[^。:：]{0,12}?(?:演讲|讲话|致辞|发言)"
    r"(?![^。]*(?:表示|认为|指出|强调|坦言|直言|称|说)[,，:：])"
)
# The writer reading the exchange the article reports (这场辩论凸显了…的分歧 / 此次交锋揭示了…): the debate as a whole is
# what reveals, told from outside it, not one side's view.
_EXCHANGE_READ = re.compile(
    r"^(?:这场|这次|此次|本次)[^,，。]{0,8}?(?:辩论|争论|论战|交锋|争议|论争)[^,，。]{0,4}?"
    r"(?:凸显|揭示|反映|表明|折射|体现|暴露|彰显)"
)
# The writer's examples of what a person or company stands for, listed with 如…等 or A、B等 and summed with 都 (某公司的
# 产品如A、B等,都体现了这一理念 / 某公司的A、B等,都是其在该领域的代表作): an illustration told of them, not their words; a speaker
# says 我们 / 我 or is quoted.
_EXAMPLES_SUMMED = re.compile(
    r"(?:如[^。,，;；“”「」]{2,40}?|[^。,，;；“”「」]{2,30}?、[^。,，;；“”「」]{2,30}?)等[,，]?\s*都(?:体现|展现|展示|彰显|证明|是)"
)
# A news lead opening with its dateline (某月某日消息,…) that tells what a person talked about (谈及了…, 涵盖…) with no verb
# that hands over what was said: the writer's summary of the talk, not a view.
_TOPIC_LEAD = re.compile(
    r"^[^,，。]{0,20}消息[,，][^。]*?(?:谈及|谈到|提及|提到|谈论|聊到)了"
    r"(?![^。]*(?:表示|认为|指出|强调|坦言|直言|称|说)[,，:：])"
)
# The writer telling what the article will do (本文将深入探讨…的前因后果 / 下文将逐一分析…): the article's plan, no one's
# view, though it follows a person's reported speech.
_ARTICLE_PLAN = re.compile(
    r"^(?:本文|下文|本篇|以下)(?:将|会|要|试图|尝试)?(?:深入|详细|简要|逐一|一起|进一步)?"
    r"(?:探讨|分析|梳理|介绍|解读|回顾|盘点|讨论|剖析)"
)
# Words that decline to give a view (没有什么想法 / 我已经没有话要说了 / 不予置评 / 无可奉告): no view to draft.
_NO_COMMENT = re.compile(
    r"(?:没有|没)(?:什么)?(?:想法|话要说|话可说|评论)|不予(?:置评|评论|回应)|无可奉告|不便(?:透露|评论|置评)|拒绝(?:评论|置评)"
)
# Words said in jest (逗趣向记者说 / 开玩笑地说 / 打趣道): banter, not a view.
_BANTER = re.compile(r"(?:逗趣|打趣|开玩笑|开玩笑地|调侃|戏称|戏言)[^。,，:：]{0,15}?(?:说|道|称|表示)")
# A sentence that only hands over what the person says below: at most the topic it answers (针对…等问题, / 围绕…,), then
# the person or 他 / 她 and a verb of proposing or saying, then the colon (针对…问题,某某呼吁: / 他提出:). The points are
# the lines under it, drafted on their own; the sentence holds none. The verb may name the list it hands over (某某提出
# 企业落地的“五步方法论”: / 他总结了三条原则:), a name for the points, none of them.
# A sentence after a quotation that only says who spoke it (“…。”在某论坛上,某银行副行长某某说。): a setting, posts, the
# name and a verb of speech that ends it, nothing said. The quotation before it is the draft; this one holds no view.
# …or that says the person once said such words (某某曾说过这样一句话。): the saying is the quotation before it.
_NAMES_WHO_SAID = re.compile(
    r"(?:说|表示|指出|称|说道|坦言|强调|认为)[。!！]?$|(?:曾经?|也曾)?(?:说|讲)过(?:这样|这么)(?:一句|一番|的)话[。!！]?$"
)
_SETTING_OPENS = re.compile(r"^在[^,，。]*?(?:上|中|时|期间|现场|之际)[,，]")
# …or that names the person with the post and the background in a clause of its own, then says 他 / 她 spoke, in a
# setting perhaps (”某大学副校长某某长期从事…研究,他在接受记者采访时说。): who the person is, nothing said.
_PRONOUN_SAID = re.compile(r"[,，]\s*(?:他|她)(?:在[^,，。]*?(?:上|中|时|期间|现场|之际))?$")


def _only_names_the_speaker(plain: str, item: Sentence, before: Sentence | None) -> bool:
    """Whether ``plain`` (``item``'s text as the rules read it) only names the speaker of the quotation that closes right
    before it."""
    if item.speaker is None or before is None or before.speaker is None or before.speaker.id != item.speaker.id:
        return False
    speaker_zh = simplified(item.speaker.zh)
    if before.text.rstrip()[-1:] not in "”」』" and not closing_mark_lost(before.text.rstrip()):
        return False
    verb = _NAMES_WHO_SAID.search(plain)
    if verb is None:
        return False
    if (said := _PRONOUN_SAID.search(plain[: verb.start()])) is not None:
        background = plain[: said.start()]
        return speaker_zh in background and not re.search(r"[:：;；“”「」『』]|说|表示|认为|指出|强调|称", background)
    if not plain[: verb.start()].endswith(speaker_zh):
        return False
    posts = _SETTING_OPENS.sub("", plain[: verb.start() - len(speaker_zh)])
    return not re.search(r"[,，;；:：“”「」『』]|说|表示|认为|指出", posts)


_INTRO_ONLY = re.compile(
    r"^(?:(?:针对|围绕|就|关于|对于|面对)[^。!?！？:：“”「」]{1,60}?[,，]\s*)?(?P<who>[^,，。!?！？:：“”「」]{1,16}?)"
    r"(?:还|也|则|同时|进一步)?(?:提出|呼吁|建议|表示|指出|强调|认为|说"
    r"|(?:提出|总结|归纳|给出|分享)了?[^。!?！？:：]{1,30}?(?:方法论|方法|建议|步骤|原则|要点|法则|策略|举措)[”」』]?)\s*[:：]$"
)
# A short sentence that only points back at what was just said (这一点可以讨论。 / 某某属于后者。): no view read alone.
_POINTS_BACK = re.compile(r"这一点|这点|这个|那个|这些|那些|后者|前者|如此|这样")
_POINTING_CHARS = 8
# A short sentence of an argument that only names the point it turns to next (先聚焦于估值。 / 再看利润与股价的关系。 /
# 接下来谈谈人才。): a signpost, no view; one with a comma or a verdict (再看利润,就更不乐观了。) says more and stays.
_SIGNPOST = re.compile(
    r"^(?:先|再|接下来|然后|其次|最后|首先)(?:来|我们)?(?:看看?|聚焦于?|谈谈?|说说|聊聊)[^,，;；:：。!！?？]{1,16}[。.]$"
)
# A sentence that only asks the listener to think over open questions (用这个办法,你可以想象一下,哪些工作会被替代,哪些不会。
# / 大家不妨想一想,什么样的公司能活下来?): every clause after the invitation is a question of which or what, so it states
# nothing; one with a statement among them (你想想,这个市场有多大,十年后还会翻倍。) stays.
_QUESTION_WORD = r"什么|哪些|哪个|哪种|哪里|哪儿|怎么|怎样|如何|为什么|是否|能不能|会不会|该不该|有没有"
_PONDER_ONLY = re.compile(
    r"(?:^|[,，:：])(?:你|您|我们|大家)?(?:可以|不妨|先)?(?:想象|设想|想想|想一想|思考|琢磨)(?:一下)?[,，:：]"
    rf"(?:[^,，。!！?？;；]*(?:{_QUESTION_WORD})[^,，。!！?？;；]*[,，]?)+[。!！?？]$"
)
# A turn that only nods, greets or calls the other by name (对! / 没错。 / 又见面了! / 欢迎欢迎! / Kevin!), after its label
# if any: small talk, no view; a nod with words after it (对,芯片明年会降价。) says something and stays.
_NOD_OR_GREETING = re.compile(
    r"^(?:[^:：。!！?？,，“”「」]{1,12}[:：]\s*)?(?:"
    r"(?:(?:对|没错|是的|好的|嗯|当然|确实|没问题|又见面了|好久不见|欢迎|你好|您好|大家好|谢谢|感谢)[,，、…!！]*\s*)+"
    r"|[A-Z][A-Za-z]{1,20}[,，]?"
    r")[。!！…]*$"
)
_ENDS_SENTENCE = re.compile(r"[。!?！？…;；][”’」』\"')）】]*$")
# The text's last sentence, which the page cut short after the quotation its speech verb handed over had closed (某某指
# 「…」,如…): the quoted words are whole, though the sentence is not. So are they when they closed on a full stop and the
# next quotation had just opened where the page cut it (某某告诉某刊:「…『…』…。」「我认为): a word quoted inside them
# (『…』) leaves them whole, and the verb may name whom the words were told before its colon (告诉某刊:).
_QUOTED_BEFORE_CUT = re.compile(
    rf"(?:{'|'.join(sorted(SPEECH_VERBS, key=len, reverse=True))})(?:[^,，。!?！？:：“”「」『』]{{0,8}}[:：])?\s*[“「『]"
    r"(?:[^“”「」『』‘’]|[『‘][^“”「」『』‘’]*[』’])+(?:[”」』][,，]|[。!?！？…][”」』]\s*[“「『])"
)
# A question that states its answer: rhetorical (谁还会花这么多钱去用闭源的?) or with a tag (…优势,是吧?).
_STATING_QUESTION = re.compile(
    r"谁还|难道|何必|何尝|岂不|怎么可能|哪有|(?:[,，]|的)(?:是吧|对吧|不是吗|对不对|你知道吗|知道吗)[?？]"
    # 怎么会…呢? asks how it could be so, and answers that it is not (…才刚起步,怎么会是泡沫呢?): the statement before it
    # stands.
    r"|怎么会[^,，。!！?？]{1,12}呢[?？]"
    # Statements that end on a short question of their own (…但是超级应用没出现,那怎么办?), not one put to the listener
    # (…开源和闭源之争,你怎么看? is the interviewer's question).
    r"|[^?？]{15,}[,，](?![^,，?？]*(?:你|您|怎么看|如何看|如何评价))[^,，?？]{1,5}[?？]"
    # …or on a question the speaker puts to themselves (…没有站到更长远的角度考虑终局,我到底在干嘛?): 我 asking, never the
    # listener.
    r"|[^?？]{15,}[,，](?:我|我们)(?![^,，?？]*(?:你|您))[^,，?？]{1,8}[?？]"
    # …or on a question set against the statements before it by 但 (…是一个老话题,也是一个新话题,但什么是算力?): the
    # statements stand, the question asks what they leave open.
    r"|[^?？]{15,}[,，](?:但|但是|可是|然而)(?![^,，?？]*(?:你|您))[^,，?？]{1,12}[?？]"
    # …a longer one too when it doubts them, whether that is really so (…一台电脑就能写完一本书,但是不是就真的能够写出
    # 一本好书呢?): the doubt answers no, against what the statements allow, and they stand.
    r"|[^?？]{15,}[,，](?:但|但是|可是|然而)(?![^,，?？]*(?:你|您))(?:是不是|是否|能否|能不能|会不会)[^,，?？]{1,30}呢[?？]"
    # …or on a question the statement before it leads to, by 所以 / 因此 (…这个词把人带偏了,所以什么是智能?): the
    # statement is the speaker's, short as it may be; the question only follows from it. Not one put to the listener.
    r"|[^?？,，]{8,}[,，](?:所以|因此|因而)(?![^,，?？]*(?:你|您))[^,，?？]{1,12}[?？]"
    # …or the claim a rebuttal opens its quoted words with, as a question (某某驳斥称:“…将取代…?): the speaker asks it
    # only to reject it, which is where they stand; the same question after a plain 称 asks.
    r"|(?:驳斥|反驳|批驳|回怼|怒怼|回击)(?:称|道|说|表示)?[:：]\s*[“「『][^?？“”「」『』]{2,40}[?？]"
)
# "朱某重申了分红的重要性,他说:“…?”": a speech verb with an object of its own before the quotation states it.
_REPORTED_BEFORE_QUOTE = re.compile(r"(?:重申|强调|指出|表示|认为|提出)了?[^,，:：“「『]{4,}[,，:：]")
# "我的看法是:…能否…?": the speaker frames a question as their own view; it states where they stand.
_OWN_VIEW_BEFORE_QUESTION = re.compile(r"(?:我的(?:看法|观点|判断)|我(?:认为|觉得))是?[:：]")
# "某某…:他观察到,…在上升,这可能会带来冲击——…是否会…?": a reported view that states what was seen, a clause of its
# own, before the question it ends on; not one put to the listener (你认为,…?).
_STATEMENT_BEFORE_QUESTION = re.compile(
    r"(?<![你您])(?:认为|指出|表示|观察到|发现|注意到|强调|坦言)[,，:：][^,，?？“「『]{6,}[,，]"
    # Or a sentence that states a whole clause up to a semicolon before its question (…的差距是多维度的,…;另一个…,成本
    # 是多少?): the question only carries the statement on.
    r"|^[“「『]?[^?？;；“”「」『』]{15,}[;；][^?？]+[?？]"
    # Or the speaker's own stance opening the sentence and stated over two clauses before the question it hands the
    # listener (我觉得这件事其实不难,关键是肯花时间,你说对不对?): the stance stands, the question only invites assent.
    r"|(?:^|[:：])\s*我(?:觉得|认为|相信)[^,，?？“”「」『』]{4,}[,，][^,，?？“”「」『』]{4,}[,，][^?？]+[?？]"
)
# A question of whether (是否 / 会不会 / 能否 …), put to nobody: as a person's reported speech goes on right after their
# own such question, it is the second half of the doubt they voiced, not the writer asking.
_DOUBT = re.compile(r"是否|会不会|能否|能不能|是不是|可否|难道")
_ASKED_OF_LISTENER = re.compile(r"你|您")
# A paragraph's last sentence that lost its full stop on the way to the page is running text, not a heading:
# it is long and holds a comma. (The text's very last sentence without one was cut short by the page.)
_LOST_STOP_CHARS = 25
_CLAUSE_PUNCT = re.compile(r"[,，;；]")
# An item of a numbered list of the speaker's points (1. 语义理解是人工智能皇冠上的明珠) needs no full stop.
_LIST_ITEM = re.compile(r"^(?:\d{1,2}\s*[.、．)）]|[一二三四五六七八九十]{1,2}、)\s*\S")
# …unless it is a subheading: a short line with no clause of its own and nothing it states or judges (1、公司的起源, not
# 1、开源一定会赢), over a paragraph of running text that is no item of the list, the part it names.
_SUBHEADING_CHARS = 16
# A numbered question with no question mark and no clause (一、为什么不开源 / 2. 如何落地): the name of the part that
# answers it, whatever stands under it (a subheading of its own, perhaps), and no point of the speaker's.
_QUESTION_HEADING = re.compile(
    r"^(?:\d{1,2}\s*[.、．)）]|[一二三四五六七八九十]{1,2}、)\s*(?:为什么|为何|如何|怎么|怎样|何时|哪些)[^,，;；:：。!！?？]*$"
)
# A speaker's headline in a deck of them (某甲:台湾应聚焦… then 某乙:台湾应扮演…), a name, a colon and the gist of that
# person's view with no full stop: a line of its own whose neighbour is another person's headline.
_NAMED_HEADLINE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4})[:：]\s*[^\s:：。!！?？]{8,40}$")
# How many characters in a row a lone name:view headline shares with the words reported under it, to restate them.
_ECHO_CHARS = 4


def _core(text: str) -> str:
    """The characters, letters and digits of ``text``, without its punctuation and spaces."""
    return re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", text)


# A verb that reports what the person said, right after their name (某某表示 / 某某曾指出).
_REPORTS_SPEECH = r"(?:表示|认为|指出|强调|坦言|直言|称|说|透露|预测|预言|断言)"
MIN_SCORE = 2


def _headline_deck(paragraphs: list[str]) -> set[str]:
    """The lines of a deck of two or more speakers' headlines, one after another, each naming another person; or the
    headlines of a report's parts, two or more naming different people, each over a paragraph that names its person
    (某甲:善用算力… over 某某院长某甲在演讲中…), or one such headline over a paragraph that reports its person's speech."""
    heads = [_NAMED_HEADLINE.match(simplified(p)) for p in paragraphs]
    deck: set[str] = set()
    for i, (a, b) in enumerate(itertools.pairwise(heads)):
        if a is not None and b is not None and a.group("name") != b.group("name"):
            deck |= {paragraphs[i], paragraphs[i + 1]}
    parts = {
        paragraphs[i]: head.group("name")
        for i, head in enumerate(heads[:-1])
        if head is not None and heads[i + 1] is None and head.group("name") in simplified(paragraphs[i + 1])
    }
    if len(set(parts.values())) >= 2:
        deck |= set(parts)
    # A single such headline counts when the paragraph under it reports that person's speech and the headline restates
    # it, four characters in a row (某甲:未来不再需要… over …某甲表示,以后不再需要…): the gist of what they said. A lone
    # heading the words under it do not echo names a section, no view of the person's.
    for i, head in enumerate(heads[:-1]):
        if paragraphs[i] not in parts or head is None:
            continue
        said = re.search(
            rf"{re.escape(head.group('name'))}[^,，。:：“”「」]{{0,4}}?{_REPORTS_SPEECH}", simplified(paragraphs[i + 1])
        )
        gist = _core(head.string[head.end("name") + 1 :])
        words = _core(simplified(paragraphs[i + 1])[said.end() :]) if said else ""
        if any(gist[k : k + _ECHO_CHARS] in words for k in range(len(gist) - _ECHO_CHARS + 1)):
            deck.add(paragraphs[i])
    return deck


@dataclass
class Suggestion:
    """One sentence proposed as a draft claim."""

    quote: str
    speaker_id: str
    speaker_zh: str
    score: int
    reasons: tuple[str, ...]
    kind: str = "judgement"
    topics: tuple[str, ...] = ()
    new_speaker: bool = False

    def as_claim(self, claim_id: str) -> dict[str, Any]:
        return {
            "id": claim_id,
            "status": DRAFT,
            "text": self.quote,
            "en": "",
            "quote": self.quote,
            "speaker": self.speaker_id,
            "topics": list(self.topics),
            "kind": self.kind,
        }


def _kind(sentence: str) -> str:
    if re.search(r"将会|一定会|未来|预计|将要|会成为|趋势", sentence):
        return "prediction"
    if re.search(r"应该|不要|建议|最好|需要", sentence) and re.search(r"你|创业者|企业|开发者|我们", sentence):
        return "advice"
    if re.search(r"\d", sentence):
        return "number"
    if re.search(r"因为|所以|因此|为什么", sentence):
        return "argument"
    return "judgement"


def _carries_a_doubt_on(item: Sentence, before: Sentence | None) -> bool:
    """Whether ``item`` is a question of whether that carries on, as reported speech, the same person's question of
    whether right before it, one that states something first (他观察到,…在上升——…是否会逐渐淡化? then 另一方面,…是否也会
    极度的无聊?): the doubt they voiced, both halves. After a bare question of theirs it is a question still."""
    return (
        before is not None
        and item.speaker is not None
        and before.speaker is item.speaker
        and item.how.endswith(GOES_ON)
        and not _bare_question(before.text)
        and all(
            re.search(r"[?？][”」』]*$", s.text) and _DOUBT.search(s.text) and not _ASKED_OF_LISTENER.search(s.text)
            for s in (before, item)
        )
    )


# A quotation given to a person by the speech verb after it (“…,”某某写道。 / “…。”她说。): the words are theirs, quoted.
_ATTRIBUTED_QUOTATION = re.compile(r"^[“「『][^“”「」『』]+[”」』][^“”「」『』]{1,20}[。!！]$")
# A quotation that is only a question (“…吗?”).
_QUOTED_QUESTION = re.compile(r"^[“「『][^“”「」『』。!！]+[?？][”」』]$")


def _jabs_after_own_quotation(item: Sentence, before: Sentence | None) -> bool:
    """Whether ``item`` is a quoted question that carries on, as the same person's reported speech, the quotation the
    sentence right before gave them by its verb (“…,”某某写道。“…也这么干过吗?”): the question they put to make their
    point, not one asked of anyone; a question asked of the listener (你 / 您) is a question still."""
    return (
        before is not None
        and item.speaker is not None
        and before.speaker is item.speaker
        and item.how.endswith(GOES_ON)
        and bool(_ATTRIBUTED_QUOTATION.match(before.text))
        and bool(_QUOTED_QUESTION.match(item.text))
        and not _ASKED_OF_LISTENER.search(item.text)
    )


def _score(item: Sentence, carries_a_doubt: bool = False) -> tuple[int, list[str]]:
    text = item.text
    score, reasons = 2, [item.how]
    if item.opinion_verb or _FIRST_PERSON.search(text):
        score += 1
        reasons.append("opinion")
    if _NUMBER.search(text):
        score += 1
        reasons.append("numbers")
    if _JUDGEMENT.search(text):
        score += 1
        reasons.append("judgement")
    core = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", text)
    if len(core) < 6:
        score -= 1
    if _bare_question(text) and not carries_a_doubt:
        score -= 3  # a question alone states nothing
    return score, reasons


def _bare_question(text: str) -> bool:
    """A question that states nothing: no statement before it, no rhetorical or tagged question, no view framing it."""
    plain = simplified(text)
    return (
        bool(re.search(r"[?？][”」』]*$", text))
        and not re.search(r"[。!！]", text)
        and not _STATING_QUESTION.search(plain)
        and not _REPORTED_BEFORE_QUOTE.search(plain.split("“")[0])
        and not _OWN_VIEW_BEFORE_QUESTION.search(plain)
        and not _STATEMENT_BEFORE_QUESTION.search(plain)
    )


# A round-table's turn that only runs the talk, the whole sentence after its label: the host handing the floor to a guest
# (首先请郭总谈一谈。 / 那么钱总您怎么看?) or thanking them (感谢两位的精彩分享。), a guest taking it (我补充一点。 / 我说两句。).
_RUNS_THE_TALK = re.compile(
    r"(?:^|[:：])\s*(?:(?:好的?|那么|那|首先|下面|接下来|最后)[,，、]?\s*)*"
    r"(?:(?:有)?请[^,，。!！?？]{1,12}?(?:先)?(?:来)?(?:谈一谈|谈谈|讲一讲|讲讲|说一说|说说|聊一聊|聊聊|分享一下|介绍一下|发言)"
    r"|(?:非常|十分)?(?:感谢|谢谢)[^,，。!！?？]{0,10}?(?:的)?(?:精彩)?(?:分享|发言|回答|参与)"
    r"|我(?:来)?(?:补充|说|讲|谈)(?:一点|两句|几句|一下))"
    r"[。!！]?[”」』]?$"
    # …or, at the end of a turn that addresses the guest (你 / 您), inviting them to talk (…,你现在已经…,不如谈谈你们的新产品。 /
    # 要不你来讲讲…): whatever the host recalled before it, the turn hands the floor over.
    r"|(?:^|[:：])(?=[^。!！?？]*[你您])[^。!！?？]*[,，](?:那)?(?:要不|不如|那就|就先|先)(?:请)?(?:你|您)?(?:来)?"
    r"(?:聊一下|聊聊|聊一聊|谈一下|谈谈|谈一谈|讲一下|讲讲|说一下|说说|介绍一下)[^。!！?？,，]{0,20}[。!！?？]?[”」』]?$"
)
# A guest saying who they are at a turn's or a sentence's start (某某:我是某某公司的技术总监,主要负责…。): their post, and
# what they do after it, no view, unless the sentence goes on to judge something (``_JUDGEMENT`` / ``_FIRST_PERSON``).
_SELF_INTRODUCTION = re.compile(
    r"(?:^|[:：])\s*我是(?:来自)?[^,，。;；!！?？]{0,24}?"
    r"(?:创始人|合伙人|总监|经理|总裁|董事长|CEO|CTO|COO|负责人|老师|教授|研究员|工程师|主任|院长|博士|学生|主编|首席[\u4e00-\u9fff]{1,4}官)"
    r"(?:[,，。;；!！]|$)"
)


# The answer a speaker gives their own question at once, in a few words (…出路在哪里?做细分的工具。): a statement, no question.
_SHORT_ANSWER_CHARS = 12
_SHORT_ANSWER = re.compile(r"^[^?？。!！]+[。!！][”」』]?$")


def _with_short_answers(attributed: list[Sentence], text: str) -> list[Sentence]:
    """The sentences, with a question the speaker answers at once in a few words joined to that answer, as the page
    writes them side by side (出路在哪里?做细分的工具。): the question alone states nothing, the answer alone says little
    of what it answers; together they are the view."""
    joined: list[Sentence] = []
    i = 0
    while i < len(attributed):
        item = attributed[i]
        answer = attributed[i + 1] if i + 1 < len(attributed) else None
        if (
            answer is not None
            and item.speaker is not None
            and answer.speaker is not None
            and answer.speaker.id == item.speaker.id
            and _bare_question(item.text)
            and _SHORT_ANSWER.match(answer.text)
            and len(re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", answer.text)) <= _SHORT_ANSWER_CHARS
            and item.text + answer.text in text
        ):
            joined.append(dataclasses.replace(item, text=item.text + answer.text))
            i += 2
            continue
        joined.append(item)
        i += 1
    return joined


def _introduces_oneself(sentence: str) -> bool:
    return bool(
        _SELF_INTRODUCTION.search(sentence) and not _JUDGEMENT.search(sentence) and not _FIRST_PERSON.search(sentence)
    )


def _names_oneself(sentence: str, speaker: str) -> bool:
    """A sentence (after a turn's label, if any) in which the speaker says their own name (我是孙立。 / 我叫孙立,…)."""
    return bool(re.search(rf"(?:^|[:：])\s*我(?:是|叫){re.escape(simplified(speaker))}(?:[,，。!！]|$)", sentence))


def _lost_its_stop(sentence: str, paragraph_ends: set[str]) -> bool:
    return sentence in paragraph_ends and len(sentence) >= _LOST_STOP_CHARS and bool(_CLAUSE_PUNCT.search(sentence))


def _topic_id(corpus: Corpus, label: str) -> str | None:
    for topic in corpus.topics.values():
        if label in topic.names:
            return topic.id
    return None


def _topics(engine: Any, quote: str, limit: int = 2) -> tuple[str, ...]:
    """Topics of the existing claims nearest to ``quote`` (and to each of its clauses), weighted by nearness.

    The engine answers only confident hits, which a whole long sentence rarely gets; its clauses do.
    When nothing is near, the topics the engine suggests instead are used.
    """
    if engine is None:
        return ()
    weights: dict[str, float] = defaultdict(float)
    fallback: list[str] = []
    clauses = [c for c in re.split(r"[,，;；:：。!！?？「」“”『』]", quote) if len(c.strip()) >= 4]
    for query in dict.fromkeys([quote, *clauses]):
        result = engine.search(query, limit=5)
        for hit in result.hits:
            for rank, topic in enumerate(hit.claim.topic_ids):
                weights[topic] += hit.score / (1 + rank)
        for label in result.suggestions:
            if label.startswith("topic:"):
                topic_id = _topic_id(engine.corpus, label.removeprefix("topic:"))
                if topic_id and topic_id not in fallback:
                    fallback.append(topic_id)
    if not weights:
        return tuple(fallback[:limit])
    best = max(weights.values())
    ranked = sorted(weights.items(), key=lambda kv: -kv[1])
    return tuple(t for t, w in ranked[:limit] if w >= 0.3 * best)


# A wish that others share (期待大家今后…分享经验 / 希望各位…分享看法), right before 分享 in its sentence: the speaker's closing
# wish, not the speaker announcing what they will share.
_WISH_OTHERS_SHARE = re.compile(r"(?:期待|希望|欢迎|邀请)(?:大家|各位|彼此)[^。!?！？]{0,30}$")


def suggest_claims(
    corpus: Corpus, source_id: str, *, engine: Any = None, min_score: int = MIN_SCORE
) -> list[Suggestion]:
    """The sentences of ``source_id`` that carry a named person's claim, best first."""
    source = corpus.sources.get(source_id)
    if source is None:
        raise IngestError(f"no source {source_id!r} in the knowledge base; add it first with `corpus add`")
    names = Names(corpus)
    names.collect(source.text)
    names.learn_title(simplified(source.title or ""))
    paragraphs = [p.strip() for p in source.text.split("\n\n") if p.strip()]
    # The last sentence of each paragraph but the text's last: one of these may have lost its full stop.
    paragraph_ends = {split_sentences(p)[-1] for p in paragraphs[:-1]}
    # The numbered subheadings over a part of running text (1、公司的起源 then 2019年,我们…。): names of parts, not points.
    subheadings = {
        p
        for p, under in itertools.pairwise(paragraphs)
        if _LIST_ITEM.match(p)
        and len(p) <= _SUBHEADING_CHARS
        and not re.search(r"[,，;；:：。!！?？]|是|会|将|要|能", p)
        and not _JUDGEMENT.search(p)
        and not _LIST_ITEM.match(under)
        and _ENDS_SENTENCE.search(under)
    } | {p for p in paragraphs if _QUESTION_HEADING.match(simplified(p)) and len(p) <= _SUBHEADING_CHARS}
    deck = _headline_deck(paragraphs)
    # The text's last sentence, when a quotation closed in it before the page cut its attribution short (…,」奥).
    text_end = split_sentences(paragraphs[-1])[-1] if paragraphs else ""
    suggestions: list[Suggestion] = []
    seen: set[str] = set()
    attributed = _with_short_answers(attribute(source.text, names), source.text)
    for before, item in zip([None, *attributed], attributed, strict=False):
        # The filters read the sentence as the speaker rules do, without a spinner's pinyin notes (沒(méi)錯(cuò)).
        plain = simplified(without_pinyin_notes(item.text)[0])
        if item.speaker is None or item.text in seen:
            continue
        framing = _FRAMING.search(plain)
        if framing and framing.group(0) == "谢谢" and _THANKS_ADVISED_AGAINST.search(plain[: framing.end()]):
            framing = _FRAMING.search(plain, framing.end())  # 不要对机器说谢谢: advice on thanking, no thanks given
        if (
            framing
            and (view := _OWN_VIEW_AFTER.search(plain, framing.end()))
            and not _FRAMING.search(plain[view.start() :])
        ):
            framing = None  # 大家好,…,我觉得…: the greeting opens the sentence, the view after it is the speaker's
        if framing and framing.group(0).startswith("分享") and _WISH_OTHERS_SHARE.search(plain[: framing.start()]):
            framing = None  # …,“期待大家…分享经验,…”: the speaker wishes others to share, announcing no talk of theirs
        if framing or _FILLER.search(plain) or _EVENT_LEAD.search(plain) or _TOPIC_LEAD.search(plain):
            continue  # the speaker framing the talk, filling a pause, or the writer announcing the event
        if _EXAMPLES_SUMMED.search(plain) and not re.search(r"[我“「『]", plain):
            continue  # 某公司的产品如A、B等,都体现了这一理念。: the writer's illustration
        if _EXCHANGE_READ.match(plain.strip()):
            continue  # 这场辩论凸显了…: the writer reading the debate, not one side's view
        if _RUNS_THE_TALK.search(plain):
            continue  # a round-table's host handing over the floor or thanking, a guest taking it
        core = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", re.sub(r"^[^:：。]{1,12}[:：]", "", plain))
        if len(core) <= _POINTING_CHARS and _POINTS_BACK.search(core):
            continue  # 这一点可以讨论。 an answer that points back, no view of its own
        if _SIGNPOST.match(plain.strip()):
            continue  # 再看利润与股价的关系。 the argument turning to its next point
        if _PONDER_ONLY.search(plain.strip()):
            continue  # 你可以想象一下,哪些…,哪些…。 open questions handed to the listener, no view
        if _ARTICLE_PLAN.match(plain.strip()):
            continue  # 本文将深入探讨…。 the writer announcing what the article does
        if _NOD_OR_GREETING.match(plain.strip()):
            continue  # 对! / 又见面了! small talk between the speakers
        if item.how.endswith(VIEW_BELOW):
            continue  # 他的理由很简单: / 某某给出过一个判断: the view is the paragraph under it, drafted on its own
        if _only_names_the_speaker(plain.strip(), item, before):
            continue  # “…。”在某论坛上,某某说。 the quotation before it is the view
        intro = _INTRO_ONLY.match(plain.strip())
        if intro and (intro.group("who").endswith(simplified(item.speaker.zh)) or intro.group("who") in ("他", "她")):
            continue  # 针对…问题,某某呼吁: the points follow under it, each a draft of its own
        if _names_oneself(plain, item.speaker.zh) or _introduces_oneself(plain):
            continue  # 某某:我是某某,… / 我是某公司的总监,… a guest saying who they are
        if _BANTER.search(plain) or (_NO_COMMENT.search(plain) and not re.search(r"[;；]", plain)):
            continue  # a joke, or declining to say (unless a semicolon joins it to a statement that is a view)
        # A sentence that hands over a person's list (从速度看,进步堪称“爆发式”:) states a view before its colon.
        handing_over = item.how.endswith(HANDS_OVER)
        # A quoted subheading (“…”, a line of its own) needs no full stop.
        quoted_line = item.text[:1] in "“「『" and item.text[-1:] in "”」』" and item.text in paragraphs
        if not (
            _ENDS_SENTENCE.search(item.text)
            or (_LIST_ITEM.match(item.text) and item.text not in subheadings)
            or _lost_its_stop(item.text, paragraph_ends)
            or handing_over
            or quoted_line
            # A line of a guest's answer that points back and goes on (这种变革同样体现在…) lost its stop, short as it is.
            or (item.text in paragraphs and POINTS_BACK.match(plain) and item.how.endswith("(interview turn)"))
            # A line of a deck of speakers' headlines (某甲:… then 某乙:…) is that person's gist, with no stop.
            or (item.text in deck and item.how.endswith("(dialogue)"))
            or item.how.endswith(HIGHLIGHT)
            # A roundup's heading of a post, a name and a colon (全国人大代表 某某:要把…): the headline is the person's gist.
            or item.how.endswith(HEADLINE_OVER)
            # A person's comment handed over by a colon, a line of its own (某某评论…:较晚,但已成功): the headline over
            # their turn, with no stop.
            or (item.how.endswith(COMMENTED) and item.text in paragraphs)
            # A statement cut off at its comma where another's view opens after 但 (…,首先要感谢开源的生态, | 但他认同某某的
            # 观点:…): the comma ends it as a stop would.
            or (item.text[-1:] in ",，" and re.search(re.escape(item.text) + r"\s*但", source.text) is not None)
            or (item.text == text_end and CUT_ATTRIBUTION.search(simplified(item.text)))
            or (item.text == text_end and _QUOTED_BEFORE_CUT.search(simplified(item.text)))
        ):
            continue  # a heading, or a sentence the page cut short
        score, reasons = _score(item, _carries_a_doubt_on(item, before) or _jabs_after_own_quotation(item, before))
        if score < min_score:
            continue
        seen.add(item.text)
        suggestions.append(
            Suggestion(
                quote=item.text,
                speaker_id=item.speaker.id,
                speaker_zh=item.speaker.zh,
                score=score,
                reasons=tuple(reasons),
                kind=_kind(item.text),
                topics=_topics(engine, item.text),
                new_speaker=item.speaker.person is None,
            )
        )
    # Stable: equal scores keep the article's order.
    return sorted(suggestions, key=lambda s: -s.score)


def person_stub(zh: str, person_id: str | None = None) -> dict[str, Any]:
    """A draft person for a speaker the registry lacks; the curator fills in the role. ``person_id`` is the id the
    drafts give the speaker when it is not the pinyin of ``zh`` (the Latin name the text writes beside a foreign
    name, elon-musk for 马斯克(Elon Musk); a dotted name's fullest form): the stub takes it, so the drafts' speaker
    exists, with its English name from it and ``zh`` kept as the name in characters."""
    name = pinyin_name(zh)
    own_id = person_id or person_id_for(zh)
    return {
        "id": own_id,
        "kind": "person",
        "status": DRAFT,
        "zh": zh,
        "en": name if own_id == person_id_for(zh) else " ".join(part.capitalize() for part in own_id.split("-")),
        "pinyin": name,
        "role": None,
        "role_en": None,
        "org": None,
        "aliases": [],
    }


def _indented_item(mapping: dict[str, Any]) -> str:
    dumped = yaml.safe_dump([mapping], allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)
    return "".join("  " + line + "\n" for line in dumped.splitlines())


def write_drafts(data_dir: Path, source_id: str, suggestions: list[Suggestion]) -> tuple[Path, list[str]]:
    """Write ``claims/ID.yaml`` with the drafts and add draft people to ``people.yaml``.

    Returns the claims file and the ids of the people added. Refuses to overwrite a claims file.
    """
    data_dir = Path(data_dir)
    claims_path = data_dir / "claims" / f"{source_id}.yaml"
    if claims_path.exists():
        raise IngestError(f"{claims_path} exists; move it away to suggest again")
    if not suggestions:
        raise IngestError(f"no sentence of {source_id!r} carries a named person's claim; nothing written")
    people_path = data_dir / "people.yaml"
    people_text = people_path.read_text(encoding="utf-8") if people_path.exists() else "people:\n"
    known_ids = set(re.findall(r"^\s*-\s*id:\s*(\S+)", people_text, flags=re.MULTILINE))
    added: list[str] = []
    stubs = ""
    for suggestion in suggestions:
        if suggestion.new_speaker and suggestion.speaker_id not in known_ids:
            known_ids.add(suggestion.speaker_id)
            added.append(suggestion.speaker_id)
            stubs += f"  # draft speaker found by `lundao corpus suggest {source_id}`: check the name, fill in role, then delete status\n"
            stubs += _indented_item(person_stub(suggestion.speaker_zh, suggestion.speaker_id))
    lines = [
        f"# Draft claims suggested by `lundao corpus suggest {source_id}` from sources/{source_id}.txt, best first.",
        "# For each: rewrite `text` as a concise statement naming the speaker, write `en`, check `speaker` and",
        "# `topics`, rename `id`, then set `status: approved` (or delete the line) and run `lundao corpus check`.",
        "# Delete the drafts that carry no claim. Drafts are never served.",
        f"source: {source_id}",
        "claims:",
    ]
    body = ""
    for number, suggestion in enumerate(suggestions, start=1):
        body += f"  # score {suggestion.score}: {'; '.join(suggestion.reasons)}\n"
        body += _indented_item(suggestion.as_claim(f"{source_id}-draft-{number:02d}"))
    claims_text = "\n".join(lines) + "\n" + body
    claims_path.parent.mkdir(parents=True, exist_ok=True)
    claims_path.write_text(claims_text, encoding="utf-8")
    if stubs:
        if not people_text.endswith("\n"):
            people_text += "\n"
        people_path.write_text(people_text + stubs, encoding="utf-8")
    return claims_path, added
