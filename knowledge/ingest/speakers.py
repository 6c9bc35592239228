"""Who says each sentence of an article: names before speech verbs, pronouns, quotations, transcripts.

A sentence is a person's when a named person says it: a name before a speech verb
(周鸿祎表示 / 在李彦宏看来 / “…”王小川告诉记者 / Sam Altman(OpenAI CEO)表态说), a pronoun for the
person named last (他表示), a quotation or reported speech that continues one, a dialogue turn
(张鹏:…, running over the paragraphs after it until the next turn or a heading), an interview turn under a
line holding only the speaker's name, or a speech transcript
introduced by "以下是…演讲全文", by "某某在会上发表演讲,主要观点如下:" or by "某某对…发表看法,以下几个核心论断:".
A paragraph whose last sentence names a speaker with a speech verb and ends with a colon (某某向记者解释了…调整:)
announces a list too; an announced list ends at a heading, at a paragraph that is not a point (when its points are
numbered), at a paragraph that names a person (when they are not) or when another person speaks. A quotation right
after the interviewer asks ("“…?” 这次我们问。") is the answer of the person named last. A title after the name
(李开复博士表示) and a role in brackets before a turn's colon (梁某(某公司创始人):…) leave the name to be read; when
both the last three and the last two characters read as a name, the longer wins if the text writes it on its own.
A speech verb that is also a noun (坚持, 判断, 建议) right after 的 names nobody.
其 where a clause starts (在其看来) is a pronoun like 他 / 她; a verb that opens a later clause (他拒绝…,反而坦承…)
has the sentence's subject; a judgement in the passive (…被某某定义为「…」) is the agent's; a family name with a
title (张院士) is the one person of that family name the text names; a setting (对此 / 向…) is not taken off
when it would swallow the name (对此王某表示). A name whose given name holds a character that is usually a function
word (向 / 中 …) is read when the text introduces the person by it after a title (某大学教授钱向东). A quotation of several sentences right after a
person's reported view in its paragraph (在他看来,…。“…。…”) is theirs unless an attribution glued to its end names
someone else. An answer given after the name and spelled out after a colon (某某给出了明确答案:…) is the person's view.
A sentence that names a speaker and counts their points (…三个方面。 / 分享了…几点思考。) announces
the numbered paragraphs after it with a full stop as with a colon, and so does a sentence that only hands over a
list (以下为…举措:) after a person's view in its paragraph. A speech named after the name (某某发表主旨演讲,抛出…观点:)
announces the views after it; a full text that names nobody (以下为演讲实录:) right after such a summary is the same
speaker's. A short colon paragraph that names nobody right after a person's reported view hands over their list of
numbered or semicolon-ended items; the sentence that opens the next paragraph and quotes after a comma without a
name or a verb (…,“…”。) is theirs too. A verb that opens a clause may take the subject of the clause before
(某某向来宾致谢,称…). 她 is never the person the text calls 他, nor the reverse. A quotation that opens a paragraph and
names nobody is the person the sentence right after it names as its subject without a speech verb (a news lede).
A view argued by evidence or example (某某从…维度印证了… / 某某则用…诠释了…) is the person's; a time clause keeps its
subject (当他…时意识到); a speaker line (演讲人:某某(…)) gives the speech under it to that person; a quoted nickname
after 这位 is the person named last, and a dash hands over their answer as a colon does. A judgement in the active
voice (他将…形容为…) is the subject's; words quoted right after 用 / 以 (他用“…”) are the subject's own; a colon
verb (道 only before a colon) keeps its clause's subject past a short time or manner word (他彼时言之凿凿道:“…); a
quotation that opens the paragraph after a person's view is theirs until an attribution names someone else; a lede
quotation in a paragraph of its own is the person the next paragraph introduces (某某的态度… included). A foreign name
written with a middle dot (蒂姆·德特默斯, any of · ‧ • ・) is a name; a paragraph with no verb of its own that reasons on
(说白了 / 其实 / 所以 …) or judges, right after a person's view, carries it on, and a paragraph the page broke after the
speech verb and its comma (某某指出,) hands over the ones after it; an account spelled out after a colon (某某勾勒出…轨迹:…)
is the person's view. A name alone on a line once, between paragraphs telling of the person, is a photo's caption that
ends the turn before it (a label stands over an answer in the first person), and a paragraph inside a turn that names its
speaker is the article's. A paragraph that is one quotation naming nobody, right after a person's view (a quoted
subheading, a pull quote), is theirs, and so is a paragraph in the first person printed without a label right after an
interviewer's question (问:…?) to the person whose turns the interview prints. A person named in Latin letters
(Andrej Karpathy) is then called by the surname alone (Karpathy认为), which is read as a name only when the text
writes the full name; two capitalised words of a company or a product (Hugging Face) are no person. A candidate name
that jieba's dictionary knows as a word of another kind (尚未, 常常) is no name unless the registry has it; a
three-character name written right after a title (执行长德蓝杰) keeps its full length though its first character is no
family name. A quotation in straight quotes that opens a paragraph and closes at the end of the next is the speaker's
over both, and a dash hands over a quoted sentence as a colon does (某某泼了盆冷水——“…,…。”). Three characters that open
with a two-character adjective, verb or adverb of the dictionary (高兴所 in 神不高兴所以下雪) are no name; 简单来说 /
换句话说 name nobody speaking; what the person felt, spelled out after 是 (他的感受是,… / 某某的第一个感受是:…), is their view;
a news report's time word after the name (某某周三在…表示 / 某某6日表示) leaves the name; a quotation that names nobody
right after a sentence that asks one person (记者问某某,…。“…”) or has them as its subject in the same paragraph
(某某笑了笑。“…”) is their answer, until an attribution names someone else; a company's rank, a dated step a government or a
company took and a document cited for figures (…财报显示) are the writer's background, not a reported view going on.
A heading naming a person's remarks (一、某某的发言) over first-person text naming nobody gives that part to them until the
next heading numbered the same way; a speaker box (主讲人介绍, then 某某博士,…) gives the talk under it to the person it
names from its first first-person paragraph under a heading or a question; a full Latin name introduced with a post is
then that person by its first name alone (Dario 的判断是:…); a reason, conclusion or judgement characterised before a colon
that ends its paragraph (他的理由很简单: / 某某给出过一个…的判断:) hands over the paragraph under it; a quotation right after a
sentence whose subject is 他 / 她 is that person's, and one before the clause naming the person's speech it comes from
(“…,”…某某的一则内部讲话曝光。) is theirs; 表达 before the stance it voices (表达了担忧) is a verb of speech.
``attribute(text, Names(corpus))`` gives every sentence with its speaker (or None for the article's own voice); ``pinyin_name`` and ``person_id_for`` name a speaker the registry lacks.
A page in traditional characters is read through ``simplified`` (one character for one) and quoted as written; straight
double quotes that pair up in a paragraph are read as opening and closing ones in turn (``reading``).
"""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from pypinyin import lazy_pinyin

from knowledge.models import Corpus, Person

# Verbs that introduce what a person says or thinks; 看来 and 眼中 / 眼里 follow the name (在X看来, X眼中, 在X眼里).
SPEECH_VERBS = (
    "认为", "表示", "指出", "提到", "谈到", "强调", "透露", "告诉", "坦言", "直言", "披露", "介绍", "回应",
    "解释", "预测", "判断", "建议", "提醒", "相信", "觉得", "看来", "眼中", "眼里", "谈及", "提出", "补充", "总结",
    "表态", "类比", "提及", "回忆", "告诫", "呼吁", "警告", "承认", "坚信", "确信", "意识到", "认识到", "体会到",
    "希望", "坚持", "不想", "重申", "主张", "看好", "偏爱", "讲到", "讲道",
    # More verbs of saying and of judging (the 言说 and 认知 classes of Chinese grammars: stating, explaining,
    # asserting, analysing), the general kinds, not one page's words.
    "坦陈", "阐述", "阐释", "阐明", "剖析", "分析", "解读", "宣称", "声称", "断言", "预言", "写道", "感叹", "感慨",
    "展望", "看到", "发现", "称", "说",
    # Admitting (坦承, beside 坦言 / 坦陈 / 承认) and sensing (感受到 / 注意到 / 观察到, beside 看到 / 发现: only before a
    # colon or a comma, so "感受到了观众的热情" names nobody).
    "坦承", "感受到", "注意到", "观察到",
    # Observing, beside 观察到 (她观察,…): only before a colon or a comma, so "观察了市场" names nobody.
    "观察",
    # Pointing out, beside 指出 / 点明 (某某指明,…): only before a colon or a comma, so "为行业指明了方向" names nobody.
    "指明",
    # Answering a question (记者询问…,某某回答,…): only before a colon or a comma, so "回答了提问" names nobody.
    "回答",
    # Arguing a view by evidence or by example (某某从…维度印证了… / 某某用…诠释了… / 某某论证了…).
    "印证", "诠释", "论证",
    # Comparing, beside 类比: 某某还对比了以往的做法…,而… / 他用…作比喻:…
    "对比", "比喻",
    # Talking of it, beside 谈到 / 讲道 (“…。”某院院长某某谈道。 / 某某谈道,…): 谈道 is 谈到 as many reports write it.
    "谈道",
    # Replying, beside 回应, as a report of a meeting writes an official's answer (某某回复称,… / 某某答复时称,…): only with
    # 称 after it, so "回复了邮件" names nobody.
    "回复称", "回复时称", "答复称", "答复时称",
    # Rebutting, beside 回应: 某某反驳称,… / 某某反驳道:… / 某某驳斥称这种说法…
    "反驳", "驳斥",
    # Criticising, beside 驳斥: 某某批评当前的路线“根本走不通” / 某某在播客中公开批评…: what is wrong is the person's view.
    "批评",
    # Questioning, beside 批评 (某某质疑对手是否…): what the person doubts is their view; 面对质疑 names nobody before it.
    "质疑",
    # Attacking, beside 批评 (某某在社交平台上抨击了…不断炒作的…): what the person attacks, and how, is their view of it.
    "抨击",
    # Blasting, the press's word for a fierce public attack beside 抨击 (某某多次公开炮轰某某,称其…): what the person
    # attacks, and why, is their view.
    "炮轰",
    # Estimating, beside 预测 (某某预估,未来… / 他预计明年…); with no name before it (预计明年…) it names nobody.
    "预估", "预计",
    # Reasoning out, beside 分析 / 预测: 他推演了…。 then the steps of his reasoning.
    "推演", "推断",
    # Describing, beside 阐述 (某某描述,当人们…): only before a colon or a comma, so "描述了产品" names nobody.
    "描述",
    # Promising (某某承诺,明年…): only before a colon or a comma, so "承诺了一笔投资" names nobody.
    "承诺",
    # Holding a stance (某某也持相似的观点 / 某某对…持乐观态度): only when a stance word ends the clause soon after, so
    # 支持 / 坚持 / 持续 / 持有 name nobody.
    "持",
    # 道 only right before a colon (他笑道: / 某某言之凿凿道:“…), never in 知道 / 报道 / 赛道 / 渠道.
    "道",
    # Thinking (他以为,…), beside 认为 as a rewriter swaps it: only before a colon or a comma, so "我以为他会来" names nobody.
    "以为",
    # 指 "points out" as Hong Kong papers write it, only right before the quotation it hands over (某某指「…」 /
    # 某某指:“…”), never in 指标 / 手指 / 指向.
    "指",
    # Proposing, beside 建议 / 提出 (某某提议优化…); saying frankly, beside 直言 / 坦言 (某某不讳言,…).
    "提议", "不讳言",
    # Crying out a view, beside 宣称 / 呼吁 (某某在大会上高呼…的时代到了 / 他大声疾呼,…): what follows is proclaimed.
    "高呼", "疾呼",
    # Voicing a stance, beside 表示 (某某对…表达了深切担忧 / 他表达了对…的信心): only before a stance it names or a colon or a
    # comma, so "模型的表达能力" or "表达了感谢" names no view.
    "表达",
    # Giving an example with nothing after it but the example (某某举例,假如是… / “…”某某举例。): only before a colon, a
    # comma or the full stop after a quotation, so "举例说" keeps 说 as its verb and "举例子" names no view.
    "举例",
    # Leaning more to one choice, beside 看好 / 偏爱 (某某更倾向于…): the person's stance; 倾向于 alone is often a
    # thing's tendency (处理器倾向于…).
    "更倾向于",
    # What the person holds in mind, beside 眼中 / 眼里 (在某某心里,… / 在她心中,…): only before a colon or a comma, so
    # "他心里很难受" names no view.
    "心里", "心中",
    # Revealing, beside 透露 / 披露 (某某在采访中曝出,…): only before a colon or a comma, so "曝出丑闻" names no view.
    "曝出",
    # The assessment or the report a person wrote, framing what follows (某某在评估中,将…列为… / 他在报告中,…): only
    # before a colon or a comma, so "在报告中提到" keeps 提到 as its verb and "在评估中表现良好" names no view.
    "评估中", "报告中",
    # Describing a thing in the person's own terms (某某形容其功能与…类似 / 他形容项目进入…阶段): the description is a view;
    # not 形容为 / 形容成 (the judgement rules read 将…形容为…), 形容词, nor 难以形容 / 用来形容.
    "形容",
    # Making a stance plain (某某再度表明…的决心 / 他表明了立场:…): only before the stance it names or a colon or a comma,
    # so "表明身份" names no view, and "数据表明" no person.
    "表明",
    # Warning, beside 警告 / 告诫 (某某一再警示创业者…): the danger the person points to is their view.
    "警示",
    # Tracing a thing to its origin, beside 回顾 / 剖析 (某某追溯街边小吃摊源于…): where the person says it comes from is
    # their reading; only with the origin named soon after (源于 / 源自 / 始于), so "追溯了家族的历史" names no view.
    "追溯",
    # Alerting people, beside 警示 (某某警醒人们,…): the danger the person alerts others to is their view.
    "警醒",
    # Looking back, beside 回忆 (某某回顾了…的历程,虽然…): the account the person gives of the past, and their reading of
    # it; not a list of what they looked back on (某某回顾了A,B,以及C。), which names topics.
    "回顾",
    # Changing one's tune (而最近他在播客中改口:“…”): only before a colon or a comma, the words now said.
    "改口",
    # Hoping, beside 希望 (他期许,… / 某某期望:…): only before a colon or a comma, so "不负期许" or "期望值" names nobody.
    "期许", "期望",
    # Advocating, beside 提议 / 呼吁 (某某倡议各地有机会打造…): what the person urges is their view, as a proposal is.
    "倡议",
    # Sharing, as news writes a panel's turn (某公司副总某某分享,两家公司自…合作至今,…): only right before a colon or a
    # comma that hands over what was shared, so "分享了经验" or "分享会" names no view.
    "分享",
    # Mocking, teasing, taunting (某某在社交平台上嘲讽:「…」 / 他调侃,…): the jab is the person's view of its target;
    # only before a colon or a comma, so "遭到嘲讽" or "讽刺小说" names no view.
    "嘲讽", "讽刺", "调侃", "揶揄", "挖苦",
    # Hitting back at someone in words, beside 嘲讽 / 反驳 (某某在访谈中暗怼,“…” / 他回怼:…): the jab is the person's view;
    # only before a colon or a comma that hands it over, so "怼上了某某" (a headline's verb with its object) names no view.
    "怼", "暗怼", "回怼", "怒怼",
    # Commenting (某某发表评论,支持… / 他发表意见:…): only before a colon or a comma that hands over what was said, so
    # "发表评论的网友" names no view. Not 发表看法 / 发表观点, which announce a list of points (…发表看法,以下几个核心论断:).
    "发表评论", "发表意见",
    # Praising in words quoted (某某赞扬「…」 / 某某称赞:“…”): the praise handed over is the person's view of its target;
    # only right before a colon or an opening quotation mark, so "赞扬了团队" or "盛赞某某" names no view.
    "赞扬", "称赞", "盛赞", "赞叹",
    # Declaring in public, beside 宣称 (某某早就放话:“…” / 某某语出惊人:…): only before a colon or a comma that hands
    # over the words (语出惊人 only before a colon: after its comma 宣称 / 表示 does), so "放话要收购" or "语出惊人的一幕"
    # names no view.
    "放话", "语出惊人",
    # Opposing in so many words (某某明确反对在…使用… / 他公开反对…): the stance taken is the person's view; only with the
    # adverb that makes it said, so "反对派" or "遭到反对" names no view.
    "明确反对", "公开反对", "坚决反对",
    # Feeling it deeply, then saying why (某某对此深有感触,“以前…” / 她感触颇深:…): what the person felt, handed over after
    # the colon or the comma, is their view; only there, so "让人深有感触的一幕" names no view.
    "深有感触", "感触颇深", "深有体会",
)  # fmt: skip
# Words that end with 道 and are not 道 "says": 知道, 报道, 赛道, 渠道, 频道, 轨道, 街道, 味道, 难道, 管道, 通道.
_NOT_SAYING_DAO = tuple("知报赛渠频轨街味难管通")
# The stances 表达 voices (担忧 / 信心 / 支持 …), within a few words after it: only then, or before a colon or a comma, is it
# a verb of speech.
_STANCE_VOICED = re.compile(
    r"^了?[^,，。:：;；!！?？]{0,12}?(?:担忧|忧虑|担心|关切|信心|乐观|悲观|期待|期望|不满|质疑|疑虑|怀疑|赞赏|认可|肯定|支持|反对|警惕|不安|失望"
    # …and a view or a stance itself (某某也表达了类似的观点 / 他表达了自己的看法): the sentence names the person voicing one.
    r"|观点|看法|立场)"
)
# The stance 表明 makes plain (…的决心 / 立场 / 态度), within a clause after it.
_STANCE_SHOWN = re.compile(r"^了?[^,，。:：;；!！?？“「『]{0,30}?(?:决心|态度|立场|看法|观点|主张)")
# The stance 持 holds (…持乐观态度 / …持相似的观点), a few words after it and ending the clause.
_STANCE_HELD = re.compile(r"^[^,，。:：;；!！?？“「『]{0,10}?(?:态度|立场|看法|观点)(?=[,，。;；!！]|$)")
# The characters before 持 that make another word of it (支持, 坚持, 保持, 主持, 维持, 把持, 扶持, 秉持, 相持, 劫持).
_NOT_HOLDING = tuple("支坚保主维把扶秉相劫挟矜僵操")
# Verbs of seeing are speech only when a colon or a comma hands over what was seen (李开复看到:应用…), not in
# "他看到了台下的观众".
_BEFORE_COLON_ONLY = frozenset(
    (
        "分享",
        "看到",
        "发现",
        "感受到",
        "注意到",
        "观察到",
        "观察",
        "回答",
        "描述",
        "承诺",
        "以为",
        "指明",
        "讲到",
        "讲道",
        "讲",
        "心里",
        "心中",
        "曝出",
        "评估中",
        "报告中",
        "改口",
        "期许",
        "期望",
        "嘲讽",
        "讽刺",
        "调侃",
        "揶揄",
        "挖苦",
        "怼",
        "暗怼",
        "回怼",
        "怒怼",
        "发表评论",
        "发表意见",
        "放话",
        "语出惊人",
        "深有感触",
        "感触颇深",
        "深有体会",
    )
)
# The origin a person traces a thing to, soon after 追溯 (某某追溯街边小吃摊源于早年的集市贸易).
_TRACED_ORIGIN = re.compile(r"[^,，。;；!！?？]{1,30}?(?:源于|源自|起源于|始于|根源在于)")
OPINION_VERBS = (
    "认为", "指出", "强调", "坦言", "直言", "相信", "觉得", "看来", "眼中", "眼里", "判断", "预测", "坚信", "确信", "意识到",
    "认识到", "体会到", "主张", "看好", "偏爱", "坦陈", "断言", "剖析", "分析", "看到", "坦承", "感受到", "注意到",
    "观察到", "观察", "以为", "更倾向于", "心里", "心中", "评估中", "报告中",
)  # fmt: skip
# Saying in the spoken register (某某讲:“…”, the traditional 講 read through simplified()), beside 讲到 / 讲道: a verb
# of speech only before a colon or a comma, so "讲故事" / "讲了一堂课" names nobody. Kept out of SPEECH_VERBS, which the
# page rules test by substring: 讲 stands inside 演讲 / 讲座, words that tell of a talk, not of saying something.
# The colon or comma is looked ahead for in the pattern itself, so 讲师 / 讲座 never stand as a verb in any rule.
# Giving an address (某某致辞:… / 致词:…) hands the speech's words over the colon as 讲: does; before anything else it
# names the address (某某致辞并颁奖), so it is a verb of speech only before its colon.
_COLON_VERBS = (
    "讲(?=[:：,，])",
    "致(?:辞|词)(?=[:：])",
    # Handing in a count of proposals, then after a comma what they cover (某某提交五份书面建议,重点围绕… / 某某向大会递交
    # 了三份议案,内容包括…): the proposals are the person's stand, as a proposal spoken is; a count alone, ending the sentence,
    # is not.
    r"(?:提交|递交)了?[一二三四五六七八九十两几多\d]{1,3}份(?:书面)?(?:建议|提案|议案)(?=[,，:：])",
    # Throwing out a line, then a colon (某某上来就抛出一句:… / 甩出一句话: / 撂下一句:): the words after the colon are the
    # remark; without the colon it tells of no words (抛出问题 / 丢下手机).
    r"(?:抛|丢|甩|撂)(?:出|下)了?一句(?:话)?(?=[:：])",
)
_VERB = re.compile("|".join([*sorted(SPEECH_VERBS, key=len, reverse=True), *_COLON_VERBS]))
# Speech verbs that are also nouns: right after 的 they name a thing, not an act of speaking ("需要非常长时间的坚持",
# "市场的判断", "专家的建议"). 说 after 的 stays a verb (很感慨的说), and so does 眼中 (在他的眼中).
_NOUN_AFTER_DE = frozenset(
    ("坚持", "判断", "建议", "预测", "提醒", "回应", "解释", "介绍", "总结", "补充", "希望", "呼吁", "警告", "主张",
     "回忆", "类比", "告诫", "提出", "提及", "透露", "披露", "承认", "表态", "阐述", "阐释", "剖析", "分析", "解读",
     "预言", "断言", "感叹", "感慨", "展望", "回顾", "警示", "发现", "坦承", "回答", "印证", "诠释", "论证", "对比", "推演", "推断", "比喻", "承诺", "提议", "驳斥", "预估", "预计", "表达", "举例", "倡议")
)  # fmt: skip
# Common family names; a name candidate must start with one (复姓 first).
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "宇文", "长孙")
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
    "金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂"
    "章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解"
    "牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎"
    "甄丛仲虞敖巩明佘池查麻苑迟邝傅"
    # The family names of 百家姓 that jieba's dictionary tags as a person's name (nr) when they stand alone as a word
    # (萧, 赖, 阎, 洪 …): a family name in real use, its plain reading no common word (tests/knowledge/ingest/
    # test_speakers.py derives them again from the dictionary).
    "奚昌凤酆廉萧禹昝裘宣贲郁杭洪钮嵇荀於惠芮羿汲邴富乌隗宓蓬钭厉戎祖束郜蓟宿邰鄂索赖蔺屠胥苍莘逄郦雍璩扈燕郏阎慕茹"
    "宦慎戈匡禄阙殳沃蔚隆晁訾阚毋乜鞠巢蒯竺逯益桓"
    # Family names outside 百家姓 still in use in the south whose character is written for nothing else (禤): no word
    # of running text starts with it, so read before a given name it can only be a person's.
    "禤"
    # 丘, the form of 邱 before the Qing made it take 阝 (Confucius' given name), kept by families in Hong Kong, Taiwan
    # and the diaspora; the edition of 百家姓 above already writes 邱.
    "丘"
)
# 百家姓's single family names, in its order: the source of the family names above that jieba's dictionary confirms.
BAIJIAXING = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方"
    "俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧"
    "计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫"
    "经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓"
    "牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙"
    "池乔阴鬱胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍卻璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容"
    "向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰"
    "巢关蒯相查后荆红游竺权逯盖益桓公"
)
# Characters that never sit in a person's name as written in these articles.
_NOT_IN_NAME = set(
    "他她它我你们的了是在和与及也都还就这那其此该有被把对向从等说时中上下后前里个位名为而并但或又再已将会要能比"
)
# Adverbs between the name and the verb; 始终 / 一贯 / 向来 say the view is long held (某某始终坚信…), beside 一直.
_ADVERBS = re.compile(
    r"(?:始终|一贯|向来|还|也|则|更|就|曾|又|再次|进一步|同时|此前|先前|早前|最后|首先|直接|坦率地|坦白|老实|明确|公开|都|亦|便|一再|多次|不止一次|屡次|反复|会|总|总是|常|常常|经常|一直|深刻|深深|清醒|早已|已经|更加|深度|深入|详细|系统|全面|清晰|同样|均|首次|再度|因此|因而|随即|据此|特别|专门|却|反而|大胆|愿意|宁愿|更愿意"
    # Urging hard (某某大力建议:… / 某某强烈呼吁…): how the person urges, between the name and the verb.
    r"|大力|极力|竭力|郑重|强烈"
    # For a long time, beside 一直 / 向来 (某某长期以来一直…持…态度 / 某某多年来始终认为…).
    r"|长期以来|长期|多年来"
    # Beginning to, beside 首次 / 再度 (某某开始呼吁… / 某某开始用…呼吁): when the person took up the urging, not who.
    r"|开始"
    # A count of times, beside 多次 / 再次 (某某先后两次表示… / 某某三次表示… / 某某第二次强调…): how often, not who.
    r"|(?:连续|接连|先后|前后)?[两三四五六七八九十几数]次|第[一二三四五六七八九十]次"
    # Long since, beside 早已 (某某早就放话:…): when, not who; 早 is no given name's last character here.
    r"|早就"
    # Already, the written short form of 已经 (某某已在多个场合强调… / 某某已多次表示…): when, not who; 已 ends no name.
    r"|已"
    # Right away, as soon as the talk opens (某某一上来就说:… / 某某上来直接抛出一句:… / 某某开口便问…): how soon, not who.
    r"|一?上来(?:就|便)?(?:直接)?|(?:开口|张口)(?:就|便)"
    # The manner in which the person said it, an adjective made adverb by 地 (某某含蓄地承认… / 他罕见地直言…), or the
    # feeling it was said with (某某曾不甘心地说): how, not who. A degree adverb may open it (某某非常直白地强调… / 她十分
    # 谨慎地表示…): still how the person spoke, not the end of the name.
    r"|(?:非常|十分|相当|极为|颇为|较为|比较|很|颇|更为)?(?:含蓄|委婉|坦然|直白|冷静|谨慎|审慎|乐观|悲观|自信|激动|兴奋|动情|罕见|难得|毫不客气|不客气|毫不讳言|直截了当|一针见血"
    r"|一如既往|不甘心|无奈|遗憾|得意)地)$"
)
# Writing an article, between the name and the verb (某某撰文称 / 某某发文表示 / 某某在某报发表署名文章指出).
_WROTE = r"撰文|发文|刊文|发表了?(?:一篇)?(?:署名)?(?:专栏|评论)?文章"
_SETTING = re.compile(
    # An interview named by its kind, without 上 / 中 after it (某某在会前媒体联访表示 / 某某在一次电视专访表示).
    # An occasion, without 上 (某某在公开场合提到 / 他在多个场合表示), is a setting too.
    # So is an interview given with nothing between 接受 and 采访 (某某(Jane Doe)最近接受采访时回应…), however long the
    # subject before it, and an exclusive one or a visit by the press the same way (某某接受某报记者专访时说 / 接受访问时).
    # A part of an event's programme, without 上 / 中 (某某在问答环节表示 / 他在公开环节向来宾说), is a setting too.
    # A title in 《》 with a colon in it (在题为《甲:乙》的主题报告中) may stand within the setting, as one word: the colon is
    # the title's, handing nothing over.
    r"(?:在(?:[^,，。:：]|《[^》:：]{0,40}[:：][^》]{0,40}》){1,25}?(?:中|上|时|里|后|前|日|天|月|年|之际|期间|底部|下方|末尾|文末|评论区|访|访谈|场合|环节)|对[^,，。:：]{1,15}|向[^,，。:：]{1,15}|为[^,，。:：]{1,15}|接受[^,，。:：]{0,20}?(?:采访|专访|访问)时?|受访时?|据|在"
    # A standpoint or a capacity between the name and the verb: 朱某站在投资者的角度认为 / 傅某从创业者角度出发,表示 /
    # 傅某作为创业者代表则认为.
    r"|(?:站在|从)[^,，。:：]{1,15}?(?:角度|立场|视角|层面|维度)(?:出发|来看|看)?[,，]?|作为[^,，。:：]{1,15}?[,，]?"
    # The channel the person wrote or spoke in, without 上 (某某在其网志表示 / 某某在个人微博发文称 / 某某在全员信中…), perhaps
    # after the platform's name (某某在某某直播间透露 / 某某在某站视频号回应).
    r"|在(?:其|他的|她的|自己的)?(?:个人)?(?:[^,，。:：《]{1,6}?)?(?:网志|博客|微博|朋友圈|社交媒体|社交平台|推特|公众号|专栏|播客|直播间?|节目"
    r"|视频号|帖子|公开信|内部信|全员信|邮件|声明)(?:发文|发帖|撰文|留言)?"
    # A paper or a magazine by its title in 《》, and the article the person wrote in it (某某在英国《某报》撰文称 / 某某在
    # 《某刊》上发表文章指出 / 某某发文表示).
    rf"|在[^,，。:：《]{{0,12}}?《[^》]{{1,30}}》(?:上|中|里)?(?:{_WROTE})?|(?:{_WROTE})"
    # The way the person joined, by video or in writing (某某通过视频致辞:… / 某某以书面形式表示 / 透过视频, as a Hong Kong
    # report writes it): how the words came, between the name and the verb.
    r"|(?:通过|透过|经由|以)(?:视频|视讯|线上|网络|远程|书面)(?:方式|形式|连线)?"
    # The speech the person gives, named right before the verb without 在 (某某致辞表示 / 某某发言指出 / 某某演讲时说), perhaps
    # with the session it opens or closes (某某开幕致词表示, 致词 as a Taiwanese report writes 致辞).
    r"|(?:开幕|闭幕|开场)?(?:致辞|致词|发言|演讲|讲话)(?:时|中)?"
    # …or the stage the person goes up to speak on (某某上台就表示… / 某某登台后指出…): the talk's opening words.
    r"|(?:一|刚)?(?:上台|登台)(?:后|时)?"
    # The meeting the person holds or attends, named right before the verb without 在 (某某17日举行座谈会指出 / 某某出席
    # 论坛时表示 / 某某召开记者会说): the occasion, and the name before it speaks. Its 会 may be gone already, taken off
    # before as the modal adverb (座谈会指出 read as 座谈 + 会指出).
    r"|(?:举行|举办|召开|主持|出席|参加)[^,，。:：]{0,12}?(?:(?:座谈|研讨|记者|发布|说明|公听|听证)会?|论坛|会议|峰会)"
    r"(?:时|中|上)?"
    # The same occasion after 于, the written 在 (某某于致词中表示 / 某某于记者会上指出); not 由于 / 关于 / 对于 / 基于,
    # which a name never ends in.
    r"|(?<![由关对基至属鉴])于[^,，。:：]{1,25}?(?:中|上|时|期间|之际)"
    # The figures the person cites to ground the view, right before the verb (某某援引数据指出 / 某某引用一份调查报告称):
    # the view is still theirs (read before 据 alone, which would leave 援引数 for a name). Only data, a report or a
    # survey: another person's words (他引用某某的话说) hand those over. Cases and instances ground it the same way
    # (某某援引案例指出 / 某某援引多个事例警示…): still the person's view.
    r"|(?:援引|引用|引述)[^,，。:：“「『的]{0,10}?(?:数据|报告|调查|研究|统计|数字|案例|事例|实例)[,，]?"
    # The town or city the person spoke in, a short place name after 在 with no 上 / 中 (某某在某镇告诉记者 / 某某在某地
    # 表示): where, not who; taken off only when a name is left before it.
    r"|在[\u4e00-\u9fff]{2,3})$"
)
# A news report's time word between the name and the setting or the verb (某某周三在峰会上表示 / 某某6日晚间表示 / 某某日前
# 透露): taken off as an adverb is, when a name is left before it.
_NEWS_TIME = re.compile(
    # …after 当地时间 / 北京时间, as a wire report dates a foreign event (某某当地时间8日表示).
    # …or after a Latin name and its space (合伙人 Larry Li 最近在接受采访时表示); 最近 / 近期 date it as 近日 does.
    # A Taiwanese report puts the day's date in brackets inside 今日 / 昨日 (某某今(15)日表示).
    # The day may come with its month (某某5月28日上午在某会上表示), as a report dates an event of days before.
    r"(?<=[\u4e00-\u9fffA-Za-z)）\s])(?:(?:当地|北京)时间)?(?:(?:周[一二三四五六日天]|星期[一二三四五六日天]|(?:\d{1,2}月)?\d{1,2}日|今天|昨天|今日|昨日|当天|当日"
    r"|[今昨][(（]\d{1,2}[)）]日)"
    r"(?:晚间|晚上|上午|下午|早上|中午|凌晨|傍晚)?|今晚|昨晚|今晨|今早|日前|近日|最近|近期|本周|上周)$"
)
# A role in brackets after the name (Sam Altman(OpenAI CEO)表态说, 李开复(零一万物CEO)表示).
# A Latin name in brackets after an abbreviated title (布某某(Sen. Richard Blumenthal)) may be longer than a role.
# The abbreviated titles and honorifics written before a Latin name (Sen. / Dr. / Mr / Dame ...).
_HONORIFIC_WORD = r"(?:Sen|Rep|Gov|Gen|Dr|Mr|Mrs|Ms|Miss|Prof|Sir|Dame)"
_HONORIFIC = rf"(?:{_HONORIFIC_WORD}\.\s?)?"
# The last character of a word for a kind of people (投资人 / 观察者 / 专家 / 人士 / 分析师 / 研究员).
_PEOPLE_WORD_END = "人者家士师员"
_ROLE = re.compile(
    rf"(?:[(（][^()（）]{{1,20}}|[(（]\s*{_HONORIFIC}[A-Z][a-z]+(?:[ ·-][A-Z][A-Za-z]+){{1,2}}\s*)[)）]\s*$"
)
# An instrument between the name and the verb (李彦宏以百度为例,指出 / 李开复以 Windows 内核类比 / 某某则用亲身经历
# 诠释了…); stripped only when a name is left before it (an adverb such as 则 aside), so 所以他认为 keeps its 所以.
# One's own experience told at length is such an instrument too (某某以自己在两地多年的创业与投资经历指出): the
# experience ends it, however far it runs.
# The 以 that closes a word of its own (可以 / 所以 / 得以 / 足以 / 难以 / 予以 / 加以) is none: 某某师可以在…论证 would
# leave 某某师可 to read as a name.
_INSTRUMENT = re.compile(
    r"(?:(?<![可所得足难予加])以|用)(?:[^,，。:：]{1,15}?(?:为例)?|[^,，。:：]{1,30}?(?:经历|经验|体会))[,，]?$"
)
# A title or a post written after the name (李开复博士表示, 在李开复博士看来, 张某教授指出): the name is before it.
# 律师 is such a title too, as news writes a lawyer (某某律师认为): else it read as a given name's end or hid the name.
_TITLE_AFTER = re.compile(
    r"(?:博士|教授|先生|女士|老师|院士|研究员|律师|总裁|总经理|董事长|主席|首席执行官|执行长|CEO|ceo"
    # A public office after the family name, as news writes a person it has named once (赖副总统表示, 李部长指出), or
    # after the full name, as a government report does (某某副司长在致辞中指出, 某某厅长表示); 政委 is the short form of
    # 政务委员 (a minister without portfolio) or of a political commissar, a post either way (某某政委表示).
    r"|副?(?:总统|总理|部长|市长|省长|县长|区长|院长|校长|所长|局长|司长|厅长|处长|署长|主任|委员长|议长|秘书长|书记|会长|理事长|行长|社长|政委))$"
)
# A deputy's or a member's seat after a full name the text has named (某某委员表示, …”某某代表说。): 委员 / 代表 are verbs
# and plain nouns as often (代表某国出战, 公司代表), so only after a name already read, never after a family name alone.
# A title a text may go on calling a person by, after the family name alone (魏教授 / 王院士).
_SHORT_TITLE = r"(?:教授|院士|博士|研究员)"
_SEAT_AFTER = re.compile(r"(?:委员|代表)$")
# Three characters between where a sentence or a clause starts and a seat that ends there (某某某委员发现…, not 委员会 /
# 代表团 / 代表性 / 代表作).
_SEATED_NAME = re.compile(
    r"(?:^|(?<=[^\u4e00-\u9fff]))(?P<name>[\u4e00-\u9fff]{3})(?:委员|代表)(?![会长团处性作队们])", re.M
)
# A title or a post written before a name, as news introduces a person (某大学教授钱向东 / 某公司董事长孙中和); 创办人 is
# 创始人 as Taiwan's papers write it.
_TITLE_BEFORE = (
    r"(?:教授|院士|博士|校长|院长|所长|主任|董事长|总裁|创始人|创办人|首席执行官|执行长|CEO|COO|CTO|CFO|总经理|主席|研究员|科学家"
    r"|代表|委员|议员|合伙人|负责人|书记|部长|总监|总工程师|总统|总理|市长|省长|理事长|会长|秘书长)"
)
# The roles of a host or a reporter, written before a name as a title is (记者某某 / 主持人某某).
_HOST_ROLE = r"(?:主持人|记者|主播|嘉宾主持)"
# The same posts for the cleaner, which keeps a speaker's label (某公司董事长 某某:) that a report repeats.
TITLE_BEFORE = _TITLE_BEFORE
# A public office written before a name, as news introduces an official (某机构前局长某某 / 某署署长某某).
# A minister's post in the short form news writes before the name (某国财长某某 / 外长某某 / 防长某某), a public office too.
_OFFICE_BEFORE = r"(?:局长|署长|司长|厅长|处长|行长|社长|财长|外长|防长)"
# The posts after which a news report introduces a person by a name the plain reading refuses (a given name holding 为 /
# 中 / 向): a title, a public office, or a paper's or a journal's chief editor (总编辑 / 主编).
_INTRODUCING_POST = rf"(?:{_TITLE_BEFORE}|{_OFFICE_BEFORE}|总编辑|主编)"
# An adviser's or an expert's post written before a name (某委员会首席专家某某 / 某协会顾问某某).
_ADVISER_BEFORE = r"(?:专家|顾问)"
# Three characters where a sentence or a clause starts, then a head of state's or a party's office and a verb of what
# the office holder does (某某某主席向…致贺信 / 某某某总统在…上表示): a name, as the office after it says.
_HEAD_OF_STATE_NAMED = re.compile(
    r"(?:^|(?<=[,，。;；:：!！?？\s]))(?P<name>[\u4e00-\u9fff]{3})(?:国家主席|主席|总统|总理|总书记)"
    r"(?=向|在|致|指出|表示|强调|说|称)",
    re.M,
)
# Pronouns and particles are never in a name, even in one the text introduces after a title.
_NEVER_IN_NAME = set("他她它我你们的了着过是")
# A name in Latin letters, two or three capitalised words (Sam Altman, Andrej Karpathy); one word alone is
# as often a company or a product (OpenAI, DeepSeek), so it counts only when the registry has it.
# A letter may carry an accent (Matthieu Soulé, José Núñez).
_LATIN_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff"
_LATIN_NAME = re.compile(
    rf"(?<![A-Za-z])[A-Z][{_LATIN_LOWER}]+(?:[ ·][A-Z\u00c0-\u00d6\u00d8-\u00de][{_LATIN_LOWER}]+){{1,2}}$"
)
# A Latin name with an honorific before it, as a speaker list or a programme writes a guest (Mr Jane Doe / Dr. Jane
# Doe): the honorific is no part of the name, so the person is the same one the text then calls Jane Doe or Doe.
_HONOURED_LATIN_NAME = re.compile(
    rf"{_HONORIFIC_WORD}\.?\s+(?P<name>[A-Z][{_LATIN_LOWER}]+(?:[ ·][A-Z][{_LATIN_LOWER}]+){{1,2}})"
)
# A word for a kind of person (创业者 / 开发者 / 化名) right before one capitalised Latin word, set off after it (Jack回忆).
_KIND_THEN_LATIN_WORD = re.compile(
    r"(?:创业者|开发者|创始人|投资人|从业者|工程师|研究员|分析师|设计师|产品经理|程序员|受访者|网友|用户|化名)\s*"
    r"(?P<name>[A-Z][a-z]{2,19})(?![A-Za-z])"
)
# A foreign name written in Chinese characters with a middle dot between its parts (蒂姆·德特默斯, 丹·傅, 约翰·冯·诺依曼),
# however the page writes the dot (· ‧ • ・ ･, a space on either side allowed). No family name starts it, so the plain
# reading never finds it.
_NAME_DOTS = "\u00b7\u2027\u2022\u30fb\uff65\u2219"
# A part after the dot holds no pronoun or particle (杰克·罗森给出的判断 is not a name).
_NAME_PART = rf"(?:(?![{''.join(sorted(_NOT_IN_NAME))}])[\u4e00-\u9fff])"
_DOTTED_NAME = re.compile(
    rf"(?P<first>[\u4e00-\u9fff]{{1,8}})(?P<rest>(?:[ \u00a0]?[{_NAME_DOTS}][ \u00a0]?{_NAME_PART}{{1,8}}){{1,3}})$"
)
# A dotted name mentioned where no verb follows: between punctuation marks, its parts no longer than a transliterated
# name's.
_DOTTED_MENTION = re.compile(
    rf"[\u4e00-\u9fff]{{1,8}}(?:[ \u00a0]?[{_NAME_DOTS}][ \u00a0]?{_NAME_PART}{{1,5}}){{1,3}}(?=[,，、。;；:：(（])"
)
# Or where a function word ends it (而埃隆·马斯克在使用后…), its last part stopping at the word, no longer than three
# characters and not ending in a common word (丹·傅每天都… is 丹·傅 and 每天).
_DOTTED_BEFORE_WORD = re.compile(
    rf"[\u4e00-\u9fff]{{1,8}}(?:[ \u00a0]?[{_NAME_DOTS}][ \u00a0]?{_NAME_PART}{{1,5}}){{0,2}}"
    rf"[ \u00a0]?[{_NAME_DOTS}][ \u00a0]?{_NAME_PART}{{1,3}}(?=[{''.join(sorted(_NOT_IN_NAME))}])"
)
# The characters Chinese uses to spell foreign names syllable by syllable (the usual transliteration table's: 维特根斯坦,
# 扎克伯格, 阿尔特曼). A run of four or more of them, set off before a speech verb, is a foreign name written without a
# dot (维特根斯坦说,…); three are as often a company or a brand (特斯拉, 英特尔), and words of the dictionary tagged other
# than a name (阿里巴巴) are left out.
_TRANSLITERATION = (
    "阿埃艾爱安奥巴拜班邦鲍贝本比彼毕宾波伯博布查达戴丹道德登迪蒂丁杜多厄恩尔法菲费芬丰弗夫福盖冈戈格古圭哈海汉豪赫"
    "亨根基吉加贾杰金卡凯坎柯科克肯库夸奎拉莱兰朗劳勒雷蕾里利莉丽林琳隆卢鲁伦罗洛玛迈曼梅门蒙米密莫姆默穆纳娜奈南内尼"
    "纽努诺欧帕潘佩彭皮普齐奇乔切琼萨塞森沙舍施什舒斯索塔泰坦汤特腾提廷图托瓦旺威韦维温沃乌西希锡谢辛休雅亚扬耶伊因"
    "尤约泽扎詹祖佐茨兹"
    # 历, outside the table, in the customary spelling of Alex- names (亚历山大 Alexander, 亚历克斯 Alex): without it a
    # post before such a dotted name no longer marks it as a person's.
    "历"
)
# A dotted name right before a title written after a name (某某·莫里斯教授告诉…): the title marks where its last part ends,
# so a last part spelt wholly in transliteration characters is whole though one of them is also a function word's (里
# "inside", 比 "than"), which _NAME_PART stops at.
_DOTTED_NAME_BEFORE_TITLE = re.compile(
    rf"(?P<first>[\u4e00-\u9fff]{{1,8}})(?P<rest>(?:[ \u00a0]?[{_NAME_DOTS}][ \u00a0]?{_NAME_PART}{{1,8}}){{0,2}}"
    rf"[ \u00a0]?[{_NAME_DOTS}][ \u00a0]?(?=[{_TRANSLITERATION}]*[比里])[{_TRANSLITERATION}]{{2,5}})$"
)
# A Latin name in brackets right after a name in characters or its dotted first part (哈萨比斯(Demis Hassabis) /
# 德米斯·(Demis Hassabis)): the fullest form of that person's name the text writes, a middle initial in it too
# (John F. Kennedy / John F.Kennedy).
_BRACKETED_LATIN = re.compile(
    rf"(?P<before>[\u4e00-\u9fff{_NAME_DOTS}]{{1,12}})\s?[(（]\s*{_HONORIFIC}"
    r"(?P<latin>[A-Z][a-z]+(?:[ ·-][A-Z]\.\s?[A-Z][A-Za-z]+|(?:[ ·-][A-Z][A-Za-z]+){1,2}))\s*[)）]"
)
_TRANSLITERATED_BEFORE_LATIN = re.compile(
    rf"(?:^|[^\u4e00-\u9fff{_NAME_DOTS}]|{_TITLE_BEFORE})(?P<name>[{_TRANSLITERATION}]{{2,6}})\s?[(（]\s*{_HONORIFIC}"
    r"(?P<latin>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\s*[)）]"
)
# The same right after a title or a post, in characters of any kind (创办人多尔柏格(Jane Dolberg)): the post marks where
# the name starts and the brackets say it spells a person's Latin name, though a character of it is missing from the
# transliteration table (柏, as Taiwan's papers spell -berg). A market analyst's or an economist's job, written before
# the name as a post is (某银行分析师某某(John D…)), marks the start of the name just as well.
_TITLED_BEFORE_LATIN = re.compile(
    rf"(?:{_TITLE_BEFORE}|分析师|策略师|经济学家)(?P<name>[\u4e00-\u9fff]{{2,6}})\s?[(（]\s*{_HONORIFIC}"
    r"(?P<latin>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\s*[)）]"
)
# The same with the space between the Latin first name and surname lost (分析师某某(PaulWeston)): two capitalised words
# run together, each of three letters or more, still spell the person's name, first name then surname.
_TITLED_BEFORE_JAMMED_LATIN = re.compile(
    rf"(?:{_TITLE_BEFORE}|分析师|策略师|经济学家)(?P<name>[\u4e00-\u9fff]{{2,6}})\s?[(（]\s*"
    r"(?P<first>[A-Z][a-z]{2,})(?P<last>[A-Z][a-z]{2,})\s*[)）]"
)
# How alike the sounds of a transliteration (ha-sabisi) and a Latin surname (Hassabis) must be to be one name.
_SAME_SOUNDS = 0.75
# A Latin word and the space a page sets after it before Chinese (某公司CEO 某某): the Chinese after it starts a word.
_LATIN_SPACED = r"(?<=[A-Za-z])[ \u00a0]"
_TRANSLITERATED_NAME = re.compile(rf"[{_TRANSLITERATION}]{{4,6}}$")
# One capitalised word at the end, no Latin word before it (Karpathy认为, but not the end of "Andrej Karpathy").
_LATIN_SURNAME = re.compile(r"(?<![A-Za-z] )(?<![A-Za-z])[A-Z][a-z]+$")
# Names of companies and products in two capitalised words (Hugging Face, Claude Code, Vision Pro) are no people.
_LATIN_ORG = re.compile(
    r"(?:Face|Code|Pro|Max|Ultra|Plus|Mini|Cloud|Research|Labs?|Group|Capital|Ventures|Partners|Times|News|Post|Journal|Review|Media|Technolog(?:y|ies)"
    r"|Systems|Intelligence|Foundation|University|Institute|Studios?|Street|Bank|Securities|Fund)$"
)
# A manner adverbial between the name and the verb (李彦宏很感慨地说 / 很感慨的说) is at most this long.
_MANNER_CHARS = 6
# 他 / 她, and 其 as a pronoun where a clause starts (在其看来 / 其指出), not 尤其 / 极其 / 与其 / 及其 / 何其.
_PRONOUN = re.compile(r"(?:他|她|(?:^|(?<=[,，;；:：\s在而但并且]))其)$")
# 其 after 基于 / 源于 / 由于 (某某的反对基于其认为…): the person named before it; read before a setting is taken off, as
# 对… would swallow 反对基于其.
_GROUNDS_PRONOUN = re.compile(r"[基源由]于其$")
# A role in brackets may stand between a turn's name and its colon (梁某(某公司创始人):…); a longer one, two posts
# at an expert's institutes (某某(某某中心某某部主任、某某研究中心主任):…), when it ends with a post.
_TURN_ROLE = (
    r"(?:\s*[(（](?:[^()（）\n]{1,24}|[^()（）\n]{25,60}?"
    r"(?:主任|院长|所长|教授|研究员|主席|书记|部长|局长|司长|理事长|会长|总裁|董事长|总经理|总监|专家))[)）])?"
)
_DIALOGUE = re.compile(rf"^(?P<name>[\u4e00-\u9fff]{{2,4}}){_TURN_ROLE}\s*[:：]")
# A note that what follows is a person's talk or a summary of their views (以下是某某的演讲全文 / 以下内容是访谈中某某部分观点的
# 汇总整理): the first-person text under it is theirs.
_TRANSCRIPT = re.compile(
    r"^以下(?:内容|文字)?(?:是|为)(?P<rest>.{2,40}?)(?:的)?(?:部分|主要|核心|精彩)?(?:演讲|发言|讲话|分享|对话|访谈|实录|全文|观点|汇总|整理)"
)
# A line that hands over a named person's own text printed in full below it, ending with a colon or 如下 (附某某公开信全文: /
# 某某演讲全文如下: / 以下为某某内部信全文:): the text under it, in the first person, is that person's.
_ATTACHED_TEXT = re.compile(
    r"^(?:附(?:上)?|以下(?:是|为))?(?P<rest>.{2,40}?)(?:的)?(?:演讲|发言|讲话|致辞|公开信|内部信|信)(?:全文|原文)"
    r"(?:如下)?\s*[:：]\s*$|^(?P<rest2>.{2,40}?)(?:的)?(?:演讲|发言|讲话|致辞|公开信|内部信)(?:全文|原文)?如下[:：。]?\s*$"
)
# A paragraph that announces what a speech said, by a colon at its end ("李彦宏在会上发表演讲,主要观点如下:",
# "傅盛在《…》主题演讲中分享了诸多精彩观点,以下为演讲内容的核心要点:"): the speaker is the name before 在.
# A summary noun (论断 / 看法 / 观点 / 判断 / 结论) announces the list of points that follows too: "李彦宏对…话题发表看法,
# 以下几个核心论断:" makes each point his.
# A line that names the speaker of the speech printed under it, a label, the name and perhaps a role in brackets
# (演讲人:某某(某大学教授)): the transcript under it is that person's, as after "以下是某某的演讲全文".
_SPEAKER_LINE = re.compile(
    rf"^(?:演讲人|演讲者|主讲人|主讲嘉宾|分享人|分享嘉宾|讲者|报告人)\s*[:：]\s*(?P<name>[\u4e00-\u9fff]{{2,4}}){_TURN_ROLE}\s*$"
)
# A section heading that names a person's remarks (一、某某的发言 / 某某教授的演讲实录 / 第二部分 某某的分享): the part under it,
# in the first person, is that person's, until the next heading numbered as it is (二、…), which ends it.
_REMARKS_HEADING = re.compile(
    r"^(?P<number>[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．]|第[一二三四五六七八九十\d]{1,3}(?:部分|节|章)[,，:：、\s]?)?\s*"
    r"(?P<who>[^\s,，。:：;；!！?？“”「」『』()（）]{2,16}?)的?(?:主题)?(?:发言|演讲|讲话|分享|报告|致辞)"
    r"(?:实录|全文|摘录|节选|要点|内容)?\s*[:：]?\s*$"
)
# A speaker box over a talk's transcript: its label on a line of its own (主讲人介绍 / 嘉宾简介 / 讲者介绍), then a line that
# opens with the speaker's name (某某博士,某研究院副院长) and their biography.
_SPEAKER_BOX = re.compile(
    r"^(?:主讲人|主讲嘉宾|演讲人|演讲者|演讲嘉宾|讲者|分享人|分享嘉宾|报告人|嘉宾)(?:介绍|简介|档案)\s*[:：]?\s*$"
)
_SUMMARY_INTRO = re.compile(
    r"(?:观点|要点|内容|全文|实录|如下|论断|看法|判断|结论|见解|主张)[^。!?！？]{0,20}[:：]$|(?:观点|要点|内容)如下。$"
)
# A talk the publication held with the person (《某刊》与某某就…进行了一次长谈,精彩观点如下。): the views are that person's.
_TALK_HELD = re.compile(
    r"(?:就[^,，。:：]{1,30}?)?(?:进行|展开)了?(?:一次|一场|一番)?[^,，。:：]{0,6}?(?:长谈|对话|访谈|专访)"
)
_SPEECH_SETTING = re.compile(r"在(?:《[^》]*》|[^,，。《:：])*?(?:演讲|讲话|发言|致辞|分享)")
# The person who gives the views the list holds: the name before "(对…)发表/分享/提出/阐述(了)…看法/观点/论断", or
# who has them (某某就有一些犀利的观察和观点,包括:). The angles the views come from may stand before the verb as what
# they are on does (某某主要从以下几个方面阐述观点:).
_VIEWS_GIVEN = re.compile(
    r"(?:(?:主要)?(?:对|从)[^,，。:：]{1,40}?)?"
    r"(?:发表|分享|提出|给出|阐述|阐明|谈|有)了?[^,，。:：]{0,8}?(?:看法|观点|论断|判断|见解|主张)"
)
# A speech the person gives, named after the name (某某发表主旨演讲,抛出重磅观点: / 某某作了题为…的报告,主要观点如下:).
# The talk's title in 《》 may stand before the noun (发表题为《…》的演讲), longer than a modifier.
_SPEECH_GIVEN = re.compile(r"(?:发表|作|做)了?(?:题为《[^》]{1,40}》的?)?[^,，。:：]{0,6}?(?:演讲|讲话|发言|致辞|报告)")
# A person who attends and speaks (某某出席并演讲。/ 某某出席并致辞): the transcript that names nobody right after is theirs.
_SPEECH_ATTENDED = re.compile(r"出席(?:[^,，。:：]{0,10}?)并(?:发表)?(?:主题)?(?:演讲|讲话|发言|致辞)")
# What may stand between a noun of judging and a colon that ends its sentence, the view spelled out in the paragraph
# under it: a characterisation, commas and all, nothing that ends a clause with a stop or quotes.
_HANDED_BELOW = r"(?!基于|源于|来自|出于|建立在)[^。!?！？:：;；“”「」『』—]{0,16}[:：]\s*$"
# A person's way of thinking spelled out after a colon (闫俊杰的逻辑挺简单:… / 他的观点是:…).
# A dash hands it over as a colon does (他的回答很朴素——第一,…).
# A quotation right after 是 names it as well (某某的判断是“…”).
# Not what the stance rests on (某某的判断基于一个事实:…): that is the writer explaining it.
# What the person has felt or learned, spelled out after 是 (他的感受是,… / 某某最大的体会是…): their view, with or without
# a colon or a quotation.
_STANCE = re.compile(
    # …and an explanation or a reply handed over the same way (对此,他的解释是:「…」), or an idea judged before the colon
    # (某某的想法则更为大胆:“…”).
    r"的(?:核心|主要|基本|一贯)?(?:逻辑|观点|看法|想法|见解|判断|理念|思路|回答|答案|答复|结论|解释|回应)"
    r"(?:(?!基于|源于|来自|出于|建立在)[^,，。:：“「『—]{0,10}(?:[:：]|——)|是\s*[“「『])"
    # A person's assessment handed over the same way, perhaps characterised with a word in quotes first (某某的评价几乎
    # 是“史诗级”的:“…”): the quotation after the colon is the assessment.
    r"|的评价(?:[^,，。:：“「『—]|[“「『][^”」』,，。:：]{1,6}[”」』]){0,12}[:：]\s*[“「『]"
    r"|(?:最(?:大|深|直观|深刻|强烈)的|的)(?:第[一二三]个|一个|最大的|最深的)?(?:感受|体会|感悟|心得)(?:就)?是[,，:：]?\s*[^\s。!?！？]"
    # The person's answer spelled out after 是, as after a writer's question (如何…?某某的答案是大力发展…).
    r"|的(?:答案|回答)(?:就)?是[,，]?\s*(?![错对否])[^\s。!?！？“「『]"
    # The person's argument or view spelled out after 是 and a comma (某某的核心论点是,…): the comma hands it over as a
    # colon does; without one, 是 may judge the view itself (某某的观点是错的).
    r"|的(?:核心|主要|基本)?(?:论点|观点|看法)(?:就)?是[,，]\s*[^\s。!?！？]"
    # …or with no comma, when what follows is a clause with its own subject and a modal verb (某某的观点是双方应该加强合作):
    # what someone should or will do, not a judgement of the view (某某的观点是错的 / 是可以理解的 / 是不能成立的).
    r"|的(?:核心|主要|基本)?(?:论点|观点|看法|主张)(?:就)?是(?![不没错对])[^,，。:：“「『]{1,12}?"
    r"(?:应该|应当|必须|需要|要|会|将|能够)"
    # The person's views on a field, their core spelled out after a colon (某某的人工智能观点核心在于:…).
    r"|的[^,，。:：“「『的]{1,6}?(?:观点|看法|理念|思想)(?:的)?(?:核心|要义|精髓)(?:就)?(?:在于|是)\s*[:：]"
)
# The person's reason, conclusion or judgement, perhaps characterised with commas, before a colon that ends the sentence
# (他的理由非常简单,也非常危险: / 他的理由是:): it hands over the paragraph under it, which spells it out.
_STANCE_BELOW = re.compile(rf"的(?:逻辑|观点|看法|判断|理由|结论|答案){_HANDED_BELOW}")
# How a sentence that hands its view to the paragraph under it is attributed: that paragraph is the person's, and only it
# unless numbered points follow.
VIEW_BELOW = "(spelled out in the paragraph below):"
# A nickname in quotes after 这位 is the person named last (这位“老将”的回答…); a plain noun (这位记者) may be anyone.
_EPITHET = re.compile(r"(?:^|[,，])这位[“「『][^”」』,，。]{1,10}[”」』]$")
# An answer a person gives, spelled out after a colon (某某给出了明确的答案:开源。 / 某某作出判断:… / 某某抛出更激进的
# 时间表:…, a forecast put forward as a judgement is); without the
# colon ("某某给出了自己的答案。") it only announces, and names no view.
_ANSWER_GIVEN = re.compile(
    r"(?:给出|作出|做出|亮出|道出|押注|提出|抛出)了?[^,，。:：“「『]{0,8}?"
    # A timeline's dates, beside 时间表 (某某给出了多个具体的时间节点:2030年…).
    r"(?:答案|回答|判断|结论|解释|答复|观点|看法|预测|预言|时间表|时间节点|时间点)[:：]\s*[^\s。!?！？]"
    # A dash hands the answer over as a colon does (某某早已给出更清醒的判断——电池不是越大越好).
    r"|(?:给出|作出|做出|亮出|道出|提出)了?[^,，。:：“「『]{0,8}?(?:答案|回答|判断|结论|观点|看法)\s*—{1,2}\s*[^\s—。!?！？]"
    # …or one whose colon ends the sentence, the judgement in the paragraph under it (某某给出过一个让很多人吃惊的判断:).
    r"|(?:给出|作出|做出|亮出|道出|提出)(?:了|过)?[^,，。:：“「『]{0,16}?(?:答案|判断|结论|预测|观点|看法)[:：]\s*$"
    # …or one that says which way it goes (某某给出了坚决的否定回答。 after the question it answers, 在…是否会…的问题上):
    # no, or yes, is the view itself, with no colon to spell it out.
    r"|(?:给出|作出|做出)了?[^,，。:：“「『]{0,6}?(?:否定|肯定)的?(?:答案|回答|答复)"
)
# Figures a person gives, spelled out after the colon (他给出了一组数据:…是过去的100倍): the figures are the person's
# claim; without the colon (他公布了财报数据。) it only reports an act. Only after 他 / 她, the person the text named last:
# a company makes figures public too (某公司公布了一个数字:…), and that is news, no one's view.
_FIGURES_GIVEN = re.compile(
    r"(?:^|[,，但而])(?P<who>[他她])(?:还|也|则|又|随后|接着|同时)?(?:给出|公布|亮出|列出|拿出|抛出)了?"
    r"[^,，。:：“「『]{0,8}?(?:数据|数字)[:：]\s*[^\s。!?！？]"
)
# …and figures a person the text names shares at a talk, spelled out after the colon (会上,某行副行长某某一连分享了几个
# 数据:…): sharing is a speaker's act, not a company's, so the name before it, a person's, is the one whose figures they are.
_FIGURES_SHARED = re.compile(
    r"(?:一连|接连|连续|一口气)?分享了?[^,，。:：“「『]{0,8}?(?:数据|数字)[:：]\s*[^\s。!?！？]"
)
# What a case, figures or a study a person showed shows, spelled out after the comma (某某院长展示的例子说明,… / 某某介绍的
# 数据表明,…): the person chose the evidence to make the point; the point is theirs, as figures they share are.
_EVIDENCE_SHOWN = re.compile(
    r"(?:展示|介绍|分享|列举|援引|引用)的[^,，。:：“「『]{0,6}?(?:案例|例子|数据|研究|调查)(?:显示|表明|说明)[,，:：]\s*[^\s。!?！？]"
)
# A person's words handed over at the end of a sentence (…,是他那句充满预言色彩的话语: / 某某的一句名言:): what follows the
# colon, in the next paragraph, is what they said.
_WORDS_HANDED = re.compile(
    r"(?P<who>[^,，。:：;；“「『]{1,12}?)的?(?:那|这)?一?句[^,，。:：“「『]{0,12}?(?:话|话语|名言|金句|原话|断言|预言)[:：]\s*$"
)
_WORDS = "那句话:"
# A reply someone gave, quoted right after its colon (…随即获得某公司员工某某的附和:「…」 / 引来某某的回击:“…”): the words in
# the quotation are the replier's, named before 的.
_ECHO_QUOTED = re.compile(
    r"(?P<who>[^,，。:：;；“”「」『』]{1,40}?)的(?:附和|回应|回复|回击|反驳|赞同|评论|点评)\s*[:：]\s*[“「『]"
)
# A picture or an account the person draws, spelled out after a colon in the same clause (某某勾勒出一条发展轨迹:… /
# 某某澄清了一个误区:…): what follows the colon is their view. Without the colon it only announces.
# So is a comparison the person draws (某某打了个生动的比方:… / 某某作了一个比喻:…). A dash hands it over as a colon does
# (某某进一步揭示…的底层逻辑——…的三重演进。).
_SPELLED_OUT = re.compile(
    r"(?:勾勒|描绘|描述|概括|归纳|澄清|揭示|点出|点明|指明|道破|梳理|亮明|拆解|剖析"
    r"|(?:打|作|做)(?=了?[一个]{0,2}[^,，。:：“「『]{0,6}?(?:比方|比喻)))(?:出了|出|了)?[^,，。:：“「『—]{0,20}?(?:[:：]|——)\s*[^\s。!?！？]"
)
# A study the person did, its finding spelled out after the comma or the colon in the same sentence (某某曾做过一项统计,
# …中将有一半被取代。 / 某某做了一项调查:…): the finding is the person's claim. A study named with nothing after it (某某
# 做过一项研究。) only reports an act.
_STUDY_DONE = re.compile(
    r"(?:做|作|进行|开展)(?:过|了)?一项[^,，。:：“「『]{0,10}?(?:统计|研究|调查|测算|调研)[,，:：]\s*[^\s。!?！？]"
)
# A judgement in the passive (日活被某某直接定义为「虚荣指标」): the agent after 被 is the one who judges.
_SPELLED = "(spelled out)"
_PASSIVE_JUDGEMENT = re.compile(
    r"被(?P<agent>[^,，。:：;；被“「『]{1,14}?)(?:定义为|定义成|称为|称作|视为|视作|看作|看成|形容为|描述为|描述成|比作|比喻为"
    r"|评价为|认定为|归结为)"
)
# A person who puts a view in words of their own, quoted right after 用 / 以 (他用“…”,“…”,表态… / 某某则以“…”形容…).
# Not a talk's title in quotes (以「某某」为题 / 以“…”为主题): what the talk was on, no words of the speaker's.
_OWN_WORDS = re.compile(r"(?:用|以)[“「『](?![^“”「」『』]{0,40}[”」』]\s*(?:为|作为)(?:题|主题|标题|名))")
# The same judgement in the active voice (某某将日活形容为「虚荣指标」 / 他把…比作…): the subject before 将 / 把 judges.
_ACTIVE_JUDGEMENT = re.compile(
    # A comma may set off a long object before the verb (某某首先将行业的核心问题,归结为…).
    r"(?:将|把)[^,，。:：;；将把“「『]{1,20}?[,，]?(?:定义为|定义成|称为|称作|视为|视作|看作|看成|形容为|形容成|比作|比喻为|评价为|认定为|归结为"
    # …and the cause they give it (某某将其归功于… / 把这归因于…).
    r"|归功于|归因于"
    # …and the stages or kinds they sort a thing into (某某将行业的演进划分为三个阶段 / 他把…概括为…): a framework is a view.
    # Not a company split into units (某某将公司划分为六个事业部): an act, not a view.
    # 分为 sorts as 划分为 does (某某将…的发展阶段分为三个时期).
    r"|划?分[为成](?=[^,，。]{0,8}?(?:阶段|时代|时期|类|种|层次|范式|流派))|归纳为|概括为|浓缩为"
    # …and how they describe it (某某将新芯片描述为…).
    r"|描述为|描述成)"
)
# A count of points (三个方面 / 几点思考 / 两条建议): a sentence that names a speaker and counts what they say
# announces the points that follow, with a full stop as well as with a colon.
_COUNTED = (
    r"(?:[几两二三四五六七八九十]|\d{1,2})(?:点|个方面|个层面|个维度|个趋势|个判断|个变化|条|大趋势|大方向"
    # Counted key points (某某为这次会议画出三大重点,第一就是…).
    r"|[个大]重点|[个大]要点)"
)
_COUNTED_POINTS = re.compile(_COUNTED)
# A person who gives counted points without a speech verb (张某分享了他对行业的几点观察 / 谈了三点看法).
_POINTS_GIVEN = re.compile(
    rf"(?:分享|谈|讲|给出|总结|概括|列举|归纳|(?:画|点|列)(?=了?出))(?:了|出)?[^,，。:：“「『]{{0,16}}?{_COUNTED}"
)
# A person who surveys the major changes, trends or lessons of a field without counting them, the sentence ending there
# (某某梳理了近年来行业发生的深刻变化。 then 第一,…): it announces the numbered points under it as counted points do.
_POINTS_SURVEYED = re.compile(
    r"(?:梳理|盘点|总结|归纳|概括|列举)(?:了|出)[^,，。:：“「『]{0,30}?"
    # Weighed as several or as major (深刻的变化 / 一系列经验), the way a list is announced; a bare topic (梳理了这两年的
    # 行业变化。) only tells what the person went over.
    r"(?:深刻|显著|重大|主要|关键|核心|一系列|几大|若干)的?"
    r"(?:变化|趋势|特点|特征|经验|教训|启示|观点|看法|思考|建议|问题|挑战)[。.]?$"
)
# The writer sharing counted passages a person said (我分享他说的几段话 / 摘录某某讲过的三段): the numbered
# paragraphs after it are that person's words, in the first person, with no verb of speech of their own.
_WORDS_SHARED = re.compile(
    r"(?:分享|摘录|摘抄|摘选|引用|转述)(?:了|一下)?(?P<who>他|她|[\u4e00-\u9fff]{2,4}?)(?:说|讲|谈)过?的"
    r"(?:[几两二三四五六七八九十]|\d{1,2})段"
)
# An interview printed with each speaker's name on a line of its own: a short line without punctuation.
_LABEL_CHARS = 8
_LABEL_PUNCT = re.compile(r"[,，。、;；:：!！?？…“”「」『』()（）]")
_OPEN_QUOTES, _CLOSE_QUOTES = "“「『", "”」』"
# A sentence that is one quotation and nothing outside it (“…也这么干过吗?”), after a quotation closed earlier in its
# paragraph: a name inside its marks is someone the speaker talks about, for a quotation's speaker is named outside it.
_WHOLE_QUOTATION = re.compile(r"^\s*[“「『][^“”「」『』]+[”」』]\s*$")
_CLOSE_QUOTE = re.compile(r"[”」』]")
_SENTENCE_END = "。!?！？…"
# A square bracket some pages quote with ([…。]) closes its sentence too.
_CLOSERS = "”’」』\"')）】]"
# The longest "王小川告诉某某科技。" that is glued to the quotation before it.
_ATTRIBUTION_TAIL = 20
# A quotation introduced by a colon or comma is speech ("金句频出:「…」"); one inside running text is a term.
# A dash hands over the words as a colon does (某某泼了盆冷水——“这不是…,而是…。”) when they are a sentence, with a
# comma or a full stop inside; a name after a dash (取了个名字——「某某论道」) is no speech.
_SPEECH_QUOTE = re.compile(r"[:：,，]\s*[“「『]|——\s*[“「『](?=[^”」』]*[,，。!！?？])")
# So is one that a word for speech introduces or names (有过精彩的分享,其中“…” / “…”的表述上了热搜).
# A name or a term in quotes that opens a sentence, which then goes on about it (「某应用」上线数天就登上排行榜前列,…):
# short, no punctuation inside; not a quotation whose speaker the next sentence may name.
_QUOTED_TERM = re.compile(
    r"^[“「『][^”」』,，。、!！?？:：;；\s]{1,10}[”」』](?![,，。!！?？…:：;；]|$)[^。!！?？]{10}"
)
# A speech verb's colon, then a quotation that closes the sentence (某某在 X 上解释: “…。”).
_QUOTED_WHOLE = re.compile(r"[:：]\s*[“「『][^“”「」『』]*[”」』]\s*$")
# A quotation a colon hands over that the sentence leaves open (某某告诉记者:“…。), to close in a later sentence.
_QUOTATION_OPENED = re.compile(r"[:：]\s*[“「『][^“”「」『』]*$")
_SPEECH_NOUN = "分享|发言|演讲|讲话|表述|说法|观点|金句|原话|论断|口号"
_NAMED_QUOTE = re.compile(rf"(?:{_SPEECH_NOUN})[^“「『。]{{0,12}}[“「『]|[”」』]的?(?:{_SPEECH_NOUN})")
# What the writer reads from words a noun names (“…”口号表明 / 的说法意味着): a comment on them, not them.
_READ_FROM_WORDS = re.compile(r"(?:表明|说明|显示|意味着|证明|反映|体现|揭示)")


@dataclass
class Speaker:
    zh: str
    person: Person | None = None
    # The id of the fullest form of the name the text writes (马克·扎克伯格 for 扎克伯格, Demis Hassabis for 哈萨比斯),
    # when the registry does not know the person.
    full_id: str | None = None

    @property
    def id(self) -> str:
        return self.person.id if self.person else self.full_id or person_id_for(self.zh)


@dataclass
class Sentence:
    text: str
    speaker: Speaker | None = None
    how: str = ""
    opinion_verb: bool = False
    extra: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _t2s() -> object:
    import opencc  # imported here: only `corpus add` / `corpus suggest` read traditional text

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=8192)
def _simplified_char(ch: str) -> str:
    converted = str(_t2s().convert(ch))  # type: ignore[attr-defined]
    # A rare character of a given name whose simplified form lies outside the basic block (a 讠 form in Extension B)
    # stays as written: the rules read names as characters of the basic block (\u4e00-\u9fff), and the one as written
    # is one of them.
    if len(converted) != 1 or not "\u4e00" <= converted <= "\u9fff":
        return ch
    return converted


def simplified(text: str) -> str:
    """``text`` in simplified characters, one character for one, so every offset still points at the original.

    The rules (speech verbs, settings, names) are written in simplified characters; a page in traditional
    characters (認爲 / 說 / 朱嘯虎) is read through this, and its sentences are quoted as the page wrote them.
    """
    if text.isascii():
        return text
    return "".join(ch if ch.isascii() else _simplified_char(ch) for ch in text)


def paired_quotes(paragraph: str) -> str:
    """``paragraph`` with its straight double quotes read as opening and closing ones in turn (“…”), when they pair
    up; one character for one, so every offset still points at the original. A page saved with ASCII quotes
    ("…。""…。") would otherwise glue the next quotation's opening mark to the sentence before."""
    count = paragraph.count('"')
    if count == 0:
        return paragraph
    if count % 2:
        # An odd count whose last mark follows a colon (…开刀:"我受过…): that one opens a quotation the page cut off or
        # that runs on into the next paragraph, and the marks before it pair up in turn.
        if not re.search(r'[:：]\s*"[^"]*$', paragraph):
            return paragraph
        count += 1
    marks = iter("“”" * (count // 2))
    return re.sub('"', lambda _: next(marks), paragraph)


# A quotation's full stop and closing mark (。”) that a page's wrong encoding turned into "?!", the characters after it
# garbled too (“价格战不会持续很久?!卞X多多…): in a paragraph whose quotation never closes, the first "?!" after
# its opening mark is where it closed. A quotation that closes (“真的吗?!”) keeps its marks.
_LOST_CLOSE = "?!"


def _lost_close_at(paragraph: str) -> int | None:
    """Where the "?!" standing for a lost 。” is in ``paragraph``: after the last opening mark, which never closes, and
    right after a Chinese character; None when there is none."""
    opening = paragraph.rfind("“")
    if opening < 0 or "”" in paragraph[opening:]:
        return None
    lost = paragraph.find(_LOST_CLOSE, opening)
    if lost < 0 or not re.match(r"[\u4e00-\u9fff]", paragraph[lost - 1 : lost]):
        return None
    return lost


def _lost_closing_mark(paragraph: str) -> str:
    """``paragraph`` with the quotation's closing lost to "?!" read as 。” ; one character for one."""
    lost = _lost_close_at(paragraph)
    if lost is None:
        return paragraph
    return paragraph[:lost] + "。”" + paragraph[lost + len(_LOST_CLOSE) :]


# The characters after that "?!" are the page's GBK bytes read one byte late: the closing mark's second byte (0xB1) was
# taken as the first of a pair, so each character after it is made of two halves of the page's own (…很久?!卞X多多 for
# …很久。”錢多多), up to the ASCII letter where the reading fell back into step (X). Dropping that byte reads them back;
# a space after the closing mark keeps the length, one character for one. A run that does not read back as Chinese
# text stays as it is.
_GARBLED_RUN = re.compile(r"[^\x00-\x7f]{1,30}[\x40-\x7e]")


def _ungarbled_after_lost_close(paragraph: str) -> str:
    """``paragraph`` with the characters a wrong encoding garbled after a lost closing mark read back; one for one."""
    lost = _lost_close_at(paired_quotes(paragraph))
    if lost is None:
        return paragraph
    start = lost + len(_LOST_CLOSE)
    run = _GARBLED_RUN.match(paragraph, start)
    if run is None:
        return paragraph
    try:
        pairs = run.group().encode("gbk")
        back = pairs[1:].decode("gbk") if pairs[0] == 0xB1 else ""
    except UnicodeError:
        return paragraph
    if len(back) != len(run.group()) - 1 or not re.fullmatch(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+", back):
        return paragraph
    return paragraph[:start] + " " + back + paragraph[run.end() :]


def closing_mark_lost(sentence: str) -> bool:
    """Whether ``sentence`` ends a quotation whose closing mark a wrong encoding turned into "?!"."""
    return _lost_closing_mark(sentence) != sentence


def _marks_in_turn(paragraph: str, marks: str) -> str:
    """``paragraph`` with its straight double quotes replaced by ``marks``' two marks in turn, the first first."""
    turn = iter(marks * paragraph.count('"'))
    return re.sub('"', lambda _: next(turn), paragraph)


def _paired_across(paragraphs: list[str]) -> list[str]:
    """``paired_quotes`` for each paragraph, and a quotation in straight quotes that opens one paragraph and closes in
    the next (" 当前…。 then …。"): a paragraph that starts with its odd straight quote, followed by one with an odd
    count, opens it; the next closes it. One character for one."""
    out = [_lost_closing_mark(paired_quotes(p)) for p in paragraphs]
    i = 0
    while i + 1 < len(paragraphs):
        first, second = paragraphs[i], paragraphs[i + 1]
        if first.count('"') % 2 and first.lstrip().startswith('"') and second.count('"') % 2:
            out[i] = _marks_in_turn(first, "“”")
            out[i + 1] = _marks_in_turn(second, "”“")
            i += 2
        else:
            i += 1
    return out


# A spinner's pinyin after a character (創(chuàng)業(yè)), or a reading aid after a word (智能(zhì néng)): lower-case syllables
# in brackets, one of them with a tone mark, right after a Han character. The rules read the text without it; a
# sentence is still quoted as the page wrote it. A bracket with a capital, a digit or no tone mark ((OpenAI), (GPT-4),
# (2023), (ma)) is the text's own.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_SYLLABLES = rf"[a-zü{_TONED}]+(?:[ '’][a-zü{_TONED}]+)*"
# A spinner may also put one inside a Latin name, between two of its letters (K(kǎi)evin): no text of the page either.
PINYIN_NOTE = re.compile(
    rf"(?:(?<=[\u4e00-\u9fff])[(（](?=[^()（）]*[{_TONED}]){_SYLLABLES}[)）]"
    rf"|(?<=[A-Za-z])[(（](?=[^()（）]*[{_TONED}]){_SYLLABLES}[)）](?=[a-z]))"
)


# A word filter's wrapping of a character it flags, the same one to three characters on both sides of it with "=" after
# the first and a space before the second (甲乙=丙 甲乙丁 for 丙丁): the rules read the character alone.
_FILTER_WRAP = re.compile(r"(?P<wrap>[\u4e00-\u9fff]{1,3})=(?P<kept>[\u4e00-\u9fff]) (?P=wrap)")


def without_pinyin_notes(text: str) -> tuple[str, list[int]]:
    """``text`` without a spinner's pinyin notes (and a word filter's wrapping), and for every offset in it (its end
    included) the offset in ``text``."""
    cuts = [(note.start(), note.end()) for note in PINYIN_NOTE.finditer(text)]
    for wrapped in _FILTER_WRAP.finditer(text):
        cuts += [(wrapped.start(), wrapped.start("kept")), (wrapped.end("kept"), wrapped.end())]
    kept: list[str] = []
    where: list[int] = []
    start = 0
    for cut_start, cut_end in sorted(cuts):
        if cut_start < start:
            continue
        kept.append(text[start:cut_start])
        where.extend(range(start, cut_start))
        start = cut_end
    kept.append(text[start:])
    where.extend(range(start, len(text) + 1))
    return "".join(kept), where


def reading(text: str) -> str:
    """The text as the rules read it: simplified characters and paired straight quotes, one character for one."""
    return "\n\n".join(_paired_across([simplified(_ungarbled_after_lost_close(p)) for p in text.split("\n\n")]))


# A longer attribution after a closed quotation that ends on its verb of saying, no clause of its own (全国政协委员、某集团
# 创始人某某在接受记者采访时说。): the speaker's posts and the setting, then the verb; it belongs to the quotation too.
# It may open with the day and the occasion, each set off by a comma (1月15日,在某会议“某某通道”采访活动上,某某代表说。).
_LONG_ATTRIBUTION = re.compile(
    r"(?:\d{1,2}月\d{1,2}日[,，])?(?:在[^,，。:：;；!！?？]{2,40}?(?:上|中|时|期间)[,，])?"
    rf"[^,，。:：;；“”「」『』!！?？]{{{_ATTRIBUTION_TAIL - 1},{2 * _ATTRIBUTION_TAIL}}}(?:说|表示|称|指出|强调|坦言|介绍|建议|透露|补充|认为|说道|回忆道|谈道)[。.!！]"
)


# The rest of a spinner's pinyin note after a question mark (因?yàn)… / 我們?cè)…): a wrong encoding turned the character and
# the note's opening bracket into ?, so the syllables with a tone mark and the closing bracket follow it.
_LOST_NOTED_CHARACTER = re.compile(rf"(?=[a-zü]*[{_TONED}]){_SYLLABLES}[)）]")


_HAN = re.compile(r"[\u4e00-\u9fff]")
# The characters a question ends on (吗 / 呢 / 么 / 谁 / 何 …), in both scripts.
_QUESTION_ENDING = set("吗嗎呢么麼吧啊呀嘛哪谁誰何样樣")


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, each with its closing quotes; nothing is lost or changed."""
    out: list[str] = []
    start, i, n = 0, 0, len(paragraph)
    while i < n:
        if paragraph[i] in "?？" and _LOST_NOTED_CHARACTER.match(paragraph, i + 1):
            i += 1  # a character a wrong encoding turned into ?, its pinyin note after it: no question ends there
            continue
        # Two plain question marks glued between two characters (非??快) are a character a wrong encoding broke into
        # its two bytes, not a question's end, unless a question's particle or word stands before them (真的吗??我…).
        if (
            paragraph[i : i + 2] == "??"
            and i > 0
            and _HAN.match(paragraph, i - 1)
            and _HAN.match(paragraph, i + 2)
            and paragraph[i - 1] not in _QUESTION_ENDING
        ):
            i += 2
            continue
        # "?;" between two characters is a character a wrong encoding broke (規?;膷), not a question's end: no question
        # mark is followed by a semicolon.
        if paragraph[i] in _SENTENCE_END and not (
            paragraph[i] in "?？" and paragraph[i + 1 : i + 2] in (";", "；") and i + 2 < n
        ):
            j = i + 1
            while j < n and (paragraph[j] in _SENTENCE_END or paragraph[j] in _CLOSERS):
                j += 1
            out.append(paragraph[start:j])
            start = i = j
            continue
        i += 1
    if paragraph[start:].strip():
        out.append(paragraph[start:])
    # Pieces are glued as the paragraph has them, spaces between included, so every sentence is found in it.
    glued: list[str] = []
    for piece in (s for s in out if s.strip()):
        sentence = piece.strip()
        last = glued[-1].strip() if glued else ""
        # "“…。”王小川告诉记者。" (or "“…。” 李开复说。"): the attribution after a closing quote belongs to the
        # quotation. Straight quotes ("…。"闫俊杰回忆道。) close a quotation when they also open the sentence.
        closed = bool(last) and (last[-1] in _CLOSE_QUOTES or last[0] == last[-1] == '"')
        if closed and (
            (len(sentence) <= _ATTRIBUTION_TAIL and _VERB.search(simplified(sentence)))
            or _LONG_ATTRIBUTION.fullmatch(simplified(sentence))
        ):
            glued[-1] += piece
        else:
            glued.append(piece)
    return [part for g in glued for part in _split_at_second_attribution(g.strip())]


# A second person's statement joined to a first by a semicolon (…张某表示,…;某公司 CTO 李某称,…): after the semicolon,
# a short subject and a speech verb with its comma or colon.
# So is one after 但 whose subject is a person introduced by a post (…,但某机构前局长某某指出,…), not one going on as 他 /
# 她 (但他也表示) nor a clause with no post in it (但在现有条件下发现,…).
_SECOND_ATTRIBUTION = re.compile(
    rf"[;；](?=[^,，。;；:：“”「」『』\"]{{2,30}}?(?:{_VERB.pattern})\s*[,，:：])"
    # So is one after a semicolon whose subject is a post and then a name, its verb run straight into what is said with
    # no comma (…;某大学教授某某建议通过…): the post and the family name say a new person speaks from there.
    rf"|[;；](?=[^,，。;；:：“”「」『』\"]{{0,20}}?{_TITLE_BEFORE}"
    rf"(?:{'|'.join(COMPOUND_SURNAMES)}|[{''.join(sorted(SURNAMES))}])[\u4e00-\u9fff]{{1,2}}(?:{_VERB.pattern}))"
    # So is one after a semicolon that opens with a bare name of two or three and a verb of stance run straight into the
    # view (…某甲指出…;某乙强调…;某丙认为…): a round-up of several people's positions, one clause each.
    rf"|[;；](?=(?:{'|'.join(COMPOUND_SURNAMES)}|[{''.join(sorted(SURNAMES))}])[\u4e00-\u9fff]{{1,2}}"
    r"(?:强调|指出|认为|坦言|直言|主张|呼吁)(?![,，:：]))"
    rf"|[,，](?=但[^,，。;；:：“”「」『』\"他她]{{0,20}}?(?:{_TITLE_BEFORE}|局长|署长|司长|厅长|处长|行长|社长|分析师|专家)"
    rf"[\u4e00-\u9fff{_NAME_DOTS}]{{2,8}}?"
    rf"(?:{_VERB.pattern})\s*[,，:：])"
    # So is one after a bare comma whose subject is a short name and a verb of opinion, no pronoun (…并估算…,某某直言,…):
    # the one who answers a figure another gave.
    r"|[,，](?=[\u4e00-\u9fff]{2,4}(?:直言|坦言|认为|指出|强调|表示)\s*[,，:：])(?![^,，]{0,4}?[他她我你它们])"
    # So is one where the speaker takes up another's view, spelled out after a colon (…,但他认同某公司创始人某某的观点:…):
    # the view after the colon is the one the other person stated.
    r"|[,，](?=但?(?:他|她)?(?:也|还|则)?(?:认同|赞同|同意|援引|引用|引述)[^,，。;；:：“”「」『』]{1,30}?"
    r"的(?:观点|看法|说法|判断|结论)[:：])"
)


def _split_at_second_attribution(sentence: str) -> list[str]:
    """``sentence`` cut after each semicolon, outside quotation marks, that ends a reported statement (a speech verb
    before it) and opens another (a subject and a speech verb after it): two statements, perhaps two people's."""
    plain = simplified(sentence)
    cuts: list[int] = []
    start = 0
    for match in _SECOND_ATTRIBUTION.finditer(plain):
        before = plain[start : match.start()]
        if match.group(0) in ",，" and plain[match.end() : match.end() + 1] != "但":
            # After a bare comma: only when the verb before has a clause of its own (…提出希望…,并估算…,某某直言,),
            # not a topic it opens the sentence with (谈到芯片,某某表示,…).
            verb = _VERB.search(before)
            if verb is None or not re.search(r"[,，]", before[verb.end() :]):
                continue
        if _quote_depth(plain[: match.start()], 0) == 0 and _VERB.search(before):
            cuts.append(match.end())
            start = match.end()
    if not cuts:
        return [sentence]
    bounds = [0, *cuts, len(sentence)]
    return [sentence[a:b].strip() for a, b in itertools.pairwise(bounds) if sentence[a:b].strip()]


def _same_opening(one: str, other: str) -> bool:
    """Whether two characters spell the same opening sound of a foreign name: one's reading starts the other's (阿 a and
    奥 ao, 马 ma and 麦 mai), as two transliterations of one name may differ."""
    a, b = sorted((lazy_pinyin(one)[0], lazy_pinyin(other)[0]), key=len)
    return bool(a) and b.startswith(a)


def _family_and_given(zh: str) -> tuple[str, str]:
    for compound in COMPOUND_SURNAMES:
        if zh.startswith(compound) and len(zh) > len(compound):
            return compound, zh[len(compound) :]
    return zh[:1], zh[1:]


# A family name read otherwise than the character's common reading (曾 is Zeng, not ceng; 单 is Shan, not dan).
_FAMILY_READINGS = {
    "曾": "zeng",
    "单": "shan",
    "解": "xie",
    "仇": "qiu",
    "朴": "piao",
    "查": "zha",
    "区": "ou",
    "缪": "miao",
    "覃": "qin",
    "翟": "zhai",
    "乐": "yue",
    "盖": "ge",
    "尉迟": "yuchi",
}


# A family name as Hong Kong, Taiwan, Singapore and Malaysia spell it in Latin letters (Cantonese, Hokkien, Wade-Giles),
# which pinyin does not sound like: a Chinese person's English name (某恩某(Andrew Ng), 某某(Jensen Tsai)) keeps the
# name in characters as the person's, not a foreign name spelt in characters.
_FAMILY_ROMANISATIONS: dict[str, tuple[str, ...]] = {
    "吴": ("ng", "goh", "woo"),
    "黄": ("wong", "ng", "ong", "oei"),
    "王": ("wong", "ong"),
    "陈": ("chan", "tan", "chin"),
    "张": ("cheung", "chang", "teo", "chong"),
    "李": ("lee", "lei"),
    "刘": ("lau", "lao", "lew"),
    "林": ("lam", "lim"),
    "郑": ("cheng", "tay", "teh"),
    "蔡": ("tsai", "choi", "chua", "choy"),
    "许": ("hsu", "hui", "koh", "khoo"),
    "谢": ("tse", "hsieh", "cheah", "chia"),
    "周": ("chow", "chou", "chau"),
    "杨": ("yeung", "yeo", "yong"),
    "梁": ("leung", "neo"),
    "郭": ("kwok", "kuo", "quek"),
    "徐": ("tsui", "hsu", "chee"),
    "邓": ("tang", "teng"),
    "曾": ("tsang", "tseng"),
    "叶": ("yip", "yeh", "yap"),
    "魏": ("ngai",),
    "胡": ("woo", "oh"),
    "钟": ("chung",),
    "江": ("kong", "chiang"),
    "蒋": ("chiang",),
    "萧": ("siu", "hsiao"),
    "庄": ("chong", "chuang"),
    "邱": ("yau", "chiu", "khoo"),
    "欧": ("au",),
    "区": ("au",),
}


# A character read otherwise in a foreign name spelt in characters than in Chinese words: the transliteration tables
# give 什 as shi (never the shen of 什么) and 都 as du (never the dou of 都是); pypinyin has no transliteration mode.
_TRANSLITERATION_READINGS = {"什": "shi", "都": "du"}


def _transliteration_reading(part: str) -> str:
    """One part of a dotted foreign name in pinyin, each character as the transliteration tables read it."""
    syllables = lazy_pinyin(part)
    if len(syllables) == len(part):
        syllables = [_TRANSLITERATION_READINGS.get(simplified(ch), s) for ch, s in zip(part, syllables, strict=True)]
    return "".join(syllables)


def pinyin_name(zh: str) -> str:
    """ "周鸿祎" → "Zhou Hongyi": family name first, given name as one word; a Latin name stays as written."""
    if not re.search(r"[\u4e00-\u9fff]", zh):
        return zh
    if re.search(f"[{_NAME_DOTS}]", zh):
        # A foreign name (蒂姆·德特默斯 → Dimu Detemosi): each part one word, no family name to split off.
        parts = [p for p in re.split(f"[{_NAME_DOTS}\\s]+", zh) if p]
        return " ".join(_transliteration_reading(part).capitalize() for part in parts)
    family, given = _family_and_given(zh)
    family_reading = _FAMILY_READINGS.get(family) or "".join(lazy_pinyin(family))
    parts = [family_reading.capitalize(), "".join(lazy_pinyin(given)).capitalize()]
    return " ".join(p for p in parts if p)


def person_id_for(zh: str) -> str:
    # An accented letter of a Latin name stands as its plain letter (Soulé → soule), not as a break in the id.
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", pinyin_name(zh)) if not unicodedata.combining(ch))
    return "-".join(part for part in re.split(r"[^a-z0-9]+", plain.lower()) if part)


class Names:
    """Who the text names: registry people first, then Chinese names that stand before a speech verb."""

    def __init__(self, corpus: Corpus):
        self.by_name: dict[str, Person] = {}
        self.by_latin: dict[str, Person] = {}
        for person in corpus.people.values():
            if person.kind != "person":
                continue
            for name in person.names:
                if re.search(r"[\u4e00-\u9fff]", name) and len(name) >= 2:
                    self.by_name[name] = person
                elif re.fullmatch(r"[A-Z][A-Za-z]+(?:[ ·.-][A-Za-z]+)*", name) and len(name) >= 3:
                    self.by_latin[name] = person
        self._longest_first = sorted(self.by_name, key=len, reverse=True)
        # The glossary's companies and products by their Chinese names (阿里巴巴): no person's, spelt as a name may be.
        self.things = {
            name for entity in corpus.entities.values() for name in entity.names if re.search(r"[\u4e00-\u9fff]", name)
        }
        self.found: dict[str, Speaker] = {}
        self._text = ""
        # The person whose talk the article's title says it is (某某最新演讲:…), learnt by ``learn_title``.
        self.talk_giver: Speaker | None = None
        # The person a first-person text naming nobody is written by, named only in its title (某某:…), learnt by
        # ``learn_title``.
        self.writer: Speaker | None = None
        # The person the title names before a colon after a post or a column's label (某栏目|某院院士某某:…), when the
        # text names them too, learnt by ``learn_title``: a first-person speech right after the lede that says they
        # gave it is theirs.
        self.titled: Speaker | None = None
        # The person a title opens with before a colon (某某:…) over a text that names nobody at all: its paragraphs
        # that are whole quotations are that person's words, learnt by ``learn_title``.
        self.title_quoted: Speaker | None = None

    def speaker(self, zh: str) -> Speaker:
        # A family name and 总, as staff call their chief (钱总:… for 总裁 / 总经理 钱某某), is the one person of that
        # family the text names in full; with none or two of them, it stays a name of its own.
        if (
            (chief := _CHIEF_LABEL.fullmatch(zh))
            and (chief.group("family") in SURNAMES or chief.group("family") in COMPOUND_SURNAMES)
            and (full := self.one_of_family(chief.group("family"), zh))
        ):
            return self.speaker(full)
        if honoured := _HONOURED_LATIN_NAME.fullmatch(zh):
            return self.speaker(honoured.group("name"))
        if zh not in self.found:
            person = self.by_name.get(zh) or self.by_latin.get(zh)
            full_id = None
            if person is None:
                person, full_id = self._fullest_form(zh)
            self.found[zh] = Speaker(zh, person, full_id)
            # A person named in Latin letters (Andrej Karpathy) is then called by the surname alone (Karpathy).
            surname = zh.split()[-1] if _LATIN_NAME.fullmatch(zh) and " " in zh else None
            if surname and surname not in self.found and surname not in self.by_latin:
                self.found[surname] = self.found[zh]
        return self.found[zh]

    def _fullest_form(self, zh: str) -> tuple[Person | None, str | None]:
        """(The registry's person, else the id) of the fullest form of a foreign name the text writes: a Latin name in
        brackets right after the name in characters, or after a dotted form of it whose part is lost (德米斯·(Demis
        Hassabis)) when it spells the same sounds; else the longest dotted form whose last part is ``zh``
        (马克·扎克伯格 for 扎克伯格). A Chinese person's name keeps its own reading."""
        key = _undotted(zh)
        if not key or re.search(r"[A-Za-z]", zh):
            return None, None
        # A name whose given name holds a character the plain reading refuses, which the text introduces after a post
        # (院士钱向东(Henry Chin)), is a Chinese person's: it keeps its own reading, though the English name beside it
        # sounds unlike it, unless the registry knows that English name.
        if zh == key and not _plausible_name(zh) and self._introduced_ending(zh) == zh:
            latin = self._foreign_latin_name(zh)
            return (self.by_latin.get(latin) if latin else None), None
        if zh == key and _plausible_name(zh):
            # A Chinese person's name keeps its own reading, though the text gives an English name beside it (李某某
            # (Kai-Fu Li)); a foreign name whose characters read as a Chinese one (马某克(Elon Musk)) takes the Latin
            # name written right after it, when no word of that name sounds like one of its syllables.
            latin = self._foreign_latin_name(zh)
            if latin is None:
                # …and one that is the last part of a dotted name the text writes, its first parts spelt in
                # transliteration characters (马斯克 after 埃隆·马斯克), is that foreign person, called by the surname.
                spelt = self._longest_dotted_form(zh)
                parts = [p for p in re.split(f"[{_NAME_DOTS}\\s]+", spelt) if p][:-1]
                if not parts or not all(set(part) <= set(_TRANSLITERATION) for part in parts):
                    return None, None
                person = next((p for n, p in self.by_name.items() if _undotted(n) == _undotted(spelt)), None)
                return person, None if person else person_id_for(spelt)
            person = self.by_latin.get(latin)
            return person, None if person else "-".join(re.split(r"[^a-z0-9]+", latin.lower()))
        for bracketed in _BRACKETED_LATIN.finditer(self._text):
            before, latin = _undotted(bracketed.group("before")), bracketed.group("latin")
            surname = re.split(r"[ ·-]", latin)[-1].lower()
            sounds = "".join(ch for ch in person_id_for(zh) if ch.isalpha())
            if before.endswith(key) or (
                bracketed.group("before")[-1:] in _NAME_DOTS
                and difflib.SequenceMatcher(None, sounds, surname).ratio() >= _SAME_SOUNDS
            ):
                person = self.by_latin.get(latin)
                return person, None if person else "-".join(re.split(r"[^a-z0-9]+", latin.lower()))
        longest = self._longest_dotted_form(zh)
        if not longest:
            return None, None
        person = next((p for n, p in self.by_name.items() if _undotted(n) == _undotted(longest)), None)
        return person, None if person else person_id_for(longest)

    def _longest_dotted_form(self, zh: str) -> str:
        """The longest dotted name the text writes whose last part is ``zh`` (马克·扎克伯格 for 扎克伯格), or ""."""
        key, longest = _undotted(zh), ""
        for dotted in re.finditer(rf"[{_NAME_DOTS}]\s?{re.escape(zh)}(?![\u4e00-\u9fff]?[{_NAME_DOTS}])", self._text):
            full = self._dotted_ending(self._text[: dotted.end()])
            if full and _undotted(full).endswith(key) and len(_undotted(full)) > len(_undotted(longest) or key):
                longest = full
        return longest

    def _foreign_latin_name(self, zh: str) -> str | None:
        """The Latin name in brackets right after ``zh`` (马某克(Elon Musk)), when none of its words sounds like a
        syllable of ``zh`` (as Li / Lee / Kai do in 李开复(Kai-Fu Lee), Chang does in 张某某(Morris Chang)), nor spells
        its family name as Cantonese, Hokkien or older romanisations do (Ng for 吴, Tsai for 蔡)."""
        syllables = lazy_pinyin(zh) + list(_FAMILY_ROMANISATIONS.get(simplified(zh[:1]), ()))
        for bracketed in _BRACKETED_LATIN.finditer(self._text):
            if not bracketed.group("before").endswith(zh):
                continue
            words = [w.lower() for w in re.split(r"[ ·-]", bracketed.group("latin")) if w]
            # A word that opens as a syllable does and is about as long (Rua for 瑞 rui) sounds like it too: a Chinese
            # name a foreigner took after the sound of their own.
            if not any(
                difflib.SequenceMatcher(None, w, s).ratio() >= _SAME_SOUNDS
                or w == s
                or (len(w) >= 2 and w[:2] == s[:2] and abs(len(w) - len(s)) <= 1)
                for w in words
                for s in syllables
            ):
                return bracketed.group("latin")
            return None
        return None

    def name_ending(self, prefix: str) -> str | None:
        """The person's name that ``prefix`` ends with, if any (before a title: 李开复博士 is 李开复)."""
        prefix = prefix.rstrip(" \u00a0")
        title = _TITLE_AFTER.search(prefix)
        if title:
            before = prefix[: title.start()].rstrip(" \u00a0")
            if name := self._dotted_ending(before, titled_after=True):
                return name
            if name := self._name_ending(before):
                return name
            family = _bare_family_name(before)
            if family is not None:
                # 张院士 / 李教授: the one person of that family name the text names, else nobody (not 张院士).
                named = {n for n in [*self.found, *self.by_name] if n.startswith(family) and n != family}
                named = {n for n in named if n in self._text}
                return named.pop() if len(named) == 1 else None
        if (family := _bare_family_name(prefix)) is not None and (one := self.one_of_family(family)):
            # 孙重申,… / 孙坦言…: a report that names its person in full once and then by the family name alone (as Hong
            # Kong and Taiwan papers do) means the one person of that family name the text names.
            return one
        if seat := _SEAT_AFTER.search(prefix):
            before = prefix[: seat.start()].rstrip(" \u00a0")
            known = [n for n in [*self._longest_first, *self.found] if len(n) >= 2 and before.endswith(n)]
            if known and (name := self._name_ending(before)) in known:
                return name
            # Or a name the text introduces right there after a post (某公司董事长某某某委员表示): the post before it
            # marks where the name starts, the seat where it ends, so neither is a verb or a plain noun here.
            name = self._name_ending(before)
            if name and 2 <= len(name) <= 3 and re.search(rf"{_TITLE_BEFORE}$", before[: -len(name)]):
                return name
            # So are the two or three characters there when they open with a family name and hold no pronoun,
            # particle or function word, though the plain reading refuses them (a given name that is also a word).
            if seated := re.search(rf"{_TITLE_BEFORE}(?P<name>[\u4e00-\u9fff]{{2,3}})$", before):
                name = seated.group("name")
                if name[0] in SURNAMES and not any(ch in _NOT_IN_NAME or ch in _NEVER_IN_NAME for ch in name):
                    return name
        return self._name_ending(prefix)

    def one_of_family(self, family: str, label: str = "") -> str | None:
        """The one person of ``family`` the text names in full (a name two characters or longer), else None; a
        ``label`` of the family name and a title (钱总), which a first reading may have taken for a name, is none."""
        named = {
            n for n in [*self.found, *self.by_name] if n.startswith(family) and len(n) > len(family) and n != label
        }
        named = {n for n in named if n in self._text}
        return named.pop() if len(named) == 1 else None

    def _word_of_its_own(self, name: str) -> bool:
        """Whether the text writes ``name`` somewhere set off on both sides: where a word starts (as ``stands_alone``)
        and before a punctuation mark or a particle (…的某某,… / 某某也…), not only as the start of a longer run (高管闭门会)."""
        before = rf"(?:^|[^\u4e00-\u9fff]|[的和与及让被把对向据而]|{_TITLE_BEFORE})"
        # A day word after it (某某昨(12日)出席… / 某某今天表示) sets it off as well as a particle does, and so does a
        # demonstrative that opens the noun after it (某某这番话引发争论): no given name ends before 这 / 那.
        after = r"(?=[^\u4e00-\u9fff]|[的在也还就和与曾已将则却又昨这那]|今[日天])"
        return bool(re.search(rf"{before}{re.escape(name)}{after}", self._text, re.M))

    def stands_alone(self, name: str) -> bool:
        """Whether the text writes ``name`` somewhere as a word of its own: at a paragraph's start, after a
        punctuation mark, a space, a particle or a conjunction (…的梁文锋, 而梁文锋…), or right after a title or a post
        (创始人梁文锋), not only inside a longer run."""
        before = rf"(?:^|[^\u4e00-\u9fff]|[的和与及让被把对向据而]|{_TITLE_BEFORE})"
        return bool(re.search(rf"{before}{re.escape(name)}", self._text, re.M))

    def _name_ending(self, prefix: str) -> str | None:
        # A name the text or the registry knows alone that ends a dotted name (某公司CEO 约翰·某某:, after 某某表示…) is
        # that name's last part: the person is the full dotted name the page writes there, not the short form cut at
        # its dot, whose remainder would be read as part of the post.
        if re.search(rf"[{_NAME_DOTS}][\u4e00-\u9fff]{{2,6}}$", prefix) and (dotted := self._dotted_ending(prefix)):
            return dotted
        for name in self._longest_first:
            if prefix.endswith(name) and not self._alias_inside_longer_name(prefix[: -len(name)], name):
                return name
        if titled := self._titled_ending(prefix):
            return titled
        for name in sorted([*self.found, *self.by_latin], key=len, reverse=True):
            if prefix.endswith(name) and not re.search(r"[A-Za-z]$", prefix[: -len(name)]):
                return name
        if given := self._given_name_ending(prefix):
            return given
        # The last part of a dotted name the text writes (萨姆·奥特曼), used alone where a word starts (奥特曼在…上解释:):
        # that person, under the fullest form's id.
        for name in [*self.found, *(n for n in self.by_name if n in self._text)]:
            last_part = _dotted_last_part(name)
            if (
                last_part != name
                and len(last_part) >= 2
                and prefix.endswith(last_part)
                and re.search(
                    rf"(?:^|[^\u4e00-\u9fff]|[的和与及而但并让被把对向据]|{_TITLE_BEFORE})$", prefix[: -len(last_part)]
                )
            ):
                return last_part
        latin = _LATIN_NAME.search(prefix)
        if latin and _LATIN_ORG.search(latin.group(0)):
            latin = None
        latin_name = latin.group(0) if latin else None
        if latin is None and (surname := _LATIN_SURNAME.search(prefix)):
            # A capitalised word alone (Karpathy认为) is the person whose full name the text writes with it (Andrej
            # Karpathy); alone it is as often a company or a product (OpenAI, Claude, Meta).
            full = self._full_latin_name(surname.group(0))
            # So is a first name alone (Dario 的判断是:…), as a write-up calls the guests it introduced by their full names
            # (Dario Amodei): the one full name the text writes starting with it.
            latin_name = full.group(0) if full else self.latin_name_first(surname.group(0))
        return (
            self._dotted_ending(prefix)
            or self._new_name_ending(prefix)
            or self._introduced_ending(prefix)
            or self._introduced_two(prefix)
            or self._rare_family_ending(prefix)
            or latin_name
            or self._transliterated_ending(prefix)
        )

    def _alias_inside_longer_name(self, before: str, name: str) -> bool:
        """Whether the registry's short name ``name`` (an alias such as a given name alone, 小川 for 王小川), which
        ``before`` precedes, is only the tail of another person's full name the text writes: a family name's character
        right before it (某行长陈小川), not a particle or a preposition (和小川 / 向小川)."""
        person = self.by_name[name]
        if name == person.zh or not before:
            return False
        family = before[-1]
        # The family name a longer name opens with, right before the alias; 和 / 向 / 于, also family names, are as
        # often the word before a name (和小川一起), so they leave the alias standing.
        return (
            family in SURNAMES or before[-2:] in COMPOUND_SURNAMES
        ) and family not in "和与及而但并让被把对向据于跟同给"

    def _new_name_ending(self, prefix: str) -> str | None:
        """A Chinese name at the end of ``prefix`` (``new_name_ending``), unless it is two characters the text writes
        several times, always right after the same character and never where a word starts (唐人 in a channel's name
        新唐人, written so on every line): the tail of a longer word, not a person."""
        name = new_name_ending(prefix, self.stands_alone)
        # A company or a product the glossary names in characters that read as a name (谷歌: 谷 is a family name) is
        # no person.
        if name is not None and name in self.things:
            return None
        if name is None or len(name) != 2 or self.stands_alone(name):
            return name
        before = {self._text[m.start() - 1 : m.start()] for m in re.finditer(re.escape(name), self._text)}
        if len(re.findall(re.escape(name), self._text)) >= 2 and len(before) == 1 and before <= set(prefix[-3:-2]):
            return None
        return name

    def _given_name_ending(self, prefix: str) -> str | None:
        """A person's given name alone at the end of ``prefix`` (那时某锐就有…观点), as a host calls a guest the text has
        named in full (嘉宾是…创始人,闵某锐。): the last two characters of the one known three-character name with a
        one-character family name that ends so, when they are no word of the dictionary and do not close one with the
        character before them. The given name is then that person's."""
        given = prefix[-2:]
        if not re.fullmatch(r"[\u4e00-\u9fff]{2}", given) or any(ch in _NOT_IN_NAME for ch in given):
            return None
        words = _dictionary_words()
        if given in words.two_characters or given in words.common or prefix[-3:-1] in words.two_characters:
            return None
        known = {*self.found, *(n for n in self.by_name if n in self._text)}
        full = [n for n in known if len(n) == 3 and n[0] in SURNAMES and n[1:] == given]
        if len(full) != 1 or prefix.endswith(full[0]):
            return None
        self.found[given] = self.speaker(full[0])
        return given

    def _full_latin_name(self, surname: str) -> re.Match[str] | None:
        """The full name in Latin letters the text writes ending with ``surname`` (Andrej Karpathy for Karpathy)."""
        for full in re.finditer(
            rf"(?<![A-Za-z])(?:[A-Z][a-z]+[ ·]){{1,2}}{re.escape(surname)}(?![A-Za-z])", self._text
        ):
            if not _LATIN_ORG.search(full.group(0)):
                return full
        return None

    def latin_name_first(self, first: str) -> str | None:
        """The one full name in Latin letters the text writes starting with ``first`` (Illia Polosukhin for Illia),
        as an introduction names guests it then calls by their first names; none when it writes two (Sam Altman and
        Sam Williams) or only a company's or a product's."""
        fulls = {
            full.group(0)
            for full in re.finditer(rf"(?<![A-Za-z]){re.escape(first)}(?: [A-Z][a-z]+){{1,2}}(?![A-Za-z])", self._text)
            if not _LATIN_ORG.search(full.group(0))
        }
        return fulls.pop() if len(fulls) == 1 else None

    def _dotted_ending(self, prefix: str, *, titled_after: bool = False) -> str | None:
        """A foreign name with a middle dot at the end of ``prefix`` (在蒂姆·德特默斯 / 副总裁丹·傅): its first part starts
        after a function word or a title, and is the longest the text writes somewhere as a word of its own; a name
        the registry has with another dot (蒂姆‧库克 for 蒂姆·库克) is that person."""
        dotted = (_DOTTED_NAME_BEFORE_TITLE if titled_after else _DOTTED_NAME).search(prefix)
        if dotted is None:
            return None
        first, rest = dotted.group("first"), dotted.group("rest")
        cut = max((i + 1 for i, ch in enumerate(first) if ch in _NOT_IN_NAME), default=0)
        # 之一 closes the phrase the name stands in apposition to (创始成员之一某某·某某: one of the founders, then the
        # name), so the first part starts after it, however long.
        if (one_of := first.rfind("之一")) >= 0:
            cut = max(cut, one_of + 2)
        # A title or a role right before a first part spelt wholly in transliteration characters marks where the name
        # starts, though a character of that part is also a function word (总裁某里某某·某某, 里 "inside"): the cut at it
        # would read the name short, from the character after it.
        posted = list(re.finditer(_DOTTED_POST, first))
        if (
            posted
            and posted[-1].end() < cut
            and len(first) - posted[-1].end() <= 6
            and set(first[posted[-1].end() :]) <= set(_TRANSLITERATION)
        ):
            cut = posted[-1].start()
        # A function word's character that also spells a foreign name's first syllable (比 "than" in 比尔 Bill, 里
        # "inside" in 里德 Reid): the reading that keeps it is a candidate too, when the whole first part is spelt in
        # transliteration characters; the text decides as for any dotted name (the longest it writes on its own wins).
        spelt = first[cut - 1 :] if cut > 0 else ""
        # …and with the transliteration characters right before it, when they spell the name's start as well (埃里克
        # Eric: 埃 before the 里 that cuts it).
        while spelt and len(spelt) < min(4, len(first)) and first[-len(spelt) - 1] in _TRANSLITERATION:
            spelt = first[-len(spelt) - 1 :]
        keeps = spelt + rest if spelt and len(spelt) <= 4 and set(spelt) <= set(_TRANSLITERATION) else None
        first = first[cut:]
        # A reporter's or a host's role marks where the name starts as a title does (某刊记者某某·某某指出,…).
        # So does a scholar's or an expert's calling (经济学家某某某·某某认为): a first part of three characters after
        # it is whole, not cut to its last two.
        titles = list(re.finditer(_DOTTED_POST, first))
        if titles:
            first, keeps = first[titles[-1].end() :], None
        if not first:
            return None
        # The whole first part after a title or a role, up to four characters, is the name's (记者某某某某·某某), though
        # the text writes it nowhere else set off.
        # A first part of five or six characters, all spelt in transliteration characters, is whole too after a title
        # (执行长塞巴斯蒂安·某某 for Sebastian): its start is not cut to four.
        # The title may stand before the part in Latin letters (CEO塞巴斯蒂安·某某), outside the characters read here.
        titled = bool(titles) or (
            cut == 0 and re.search(rf"(?:{_TITLE_BEFORE}|{_HOST_ROLE})\s*$", prefix[: dotted.start()]) is not None
        )
        spelt_long = titled and 4 < len(first) <= 6 and set(first) <= set(_TRANSLITERATION)
        marked = bool(titles) and (len(first) <= 4 or spelt_long)
        first = first if spelt_long else first[-4:]
        candidates = [first[-size:] + rest for size in range(len(first), 0, -1)]
        if keeps is not None:
            candidates.insert(0, keeps)
        for candidate in candidates:
            key = _undotted(candidate)
            person = next((p for n, p in self.by_name.items() if _undotted(n) == key), None)
            if person is not None:
                self.found.setdefault(candidate, Speaker(candidate, person))
                return candidate
        standing = next((c for c in candidates if self.stands_alone(c)), None)
        if standing:
            return standing
        # A first part that ends in three or four transliteration characters right after one that spells no foreign
        # sound (经纪人某某某·某某, a role noun ending in 人 / 家 / 者): the run is the name's first part, its start
        # marked as a title marks it, not cut to its last two.
        sounds = re.search(rf"(?<![{_TRANSLITERATION}])[{_TRANSLITERATION}]{{3,4}}$", dotted.group("first"))
        if sounds and not marked and len(sounds.group()) <= len(first):
            return sounds.group() + rest
        # The last character of a role noun (所有者 / 经纪人 / 收藏家 / 运动员 / 歌手) never spells a foreign sound: two
        # transliteration characters after it are the whole first part, though a function word's character before the
        # role (有 in 所有者) cut the part just before it.
        role = re.search(rf"[{_PEOPLE_WORD_END}手](?P<run>[{_TRANSLITERATION}]{{2,4}})$", dotted.group("first"))
        if role and not marked and len(role.group("run")) < len(first):
            return role.group("run") + rest
        return first[-2:] + rest if len(first) > 3 and not marked else first + rest

    def _transliterated_ending(self, prefix: str) -> str | None:
        return _transliterated_ending(prefix, self.things)

    def _titled_ending(self, prefix: str) -> str | None:
        """A three-character name at the end of ``prefix`` that the text introduces right after a title or a post
        (执行长德蓝杰), when its first character is no family name but its last two read as a name (蓝杰): a
        transliterated name keeps its full length, as the title marks where it starts."""
        three = prefix[-3:]
        if not re.fullmatch(r"[\u4e00-\u9fff]{3}", three) or any(ch in _NOT_IN_NAME for ch in three):
            return None
        if _plausible_name(three) or not _plausible_name(three[1:]):
            return None
        return three if re.search(rf"{_TITLE_BEFORE}{re.escape(three)}", self._text) else None

    def _introduced_ending(self, prefix: str) -> str | None:
        """A three-character name at the end of ``prefix`` whose given name holds a character that is usually a
        function word (向 / 中 / 上 / 和 …, which the plain reading refuses), when the text introduces the person by
        it right after a title or a post, as news does (某大学教授钱向东 / 某公司董事长孙中和)."""
        three = prefix[-3:]
        if not re.fullmatch(r"[\u4e00-\u9fff]{3}", three) or three[0] not in SURNAMES or three[0] in _NOT_IN_NAME:
            return None
        if any(ch in _NEVER_IN_NAME for ch in three):
            return None
        # A public office (某局局长) or a paper's chief editor's post (某报社社长、总编辑某为民) introduces a person too.
        return three if re.search(rf"{_INTRODUCING_POST}{re.escape(three)}", self._text) else None

    def _introduced_two(self, prefix: str) -> str | None:
        """A two-character name at the end of ``prefix`` whose family name is a character that is usually a function word
        (向, mostly a preposition, which the plain reading refuses: 某公司总裁向川表示), when the text introduces the person
        by it right after a post and names them by it at least once more, the name stands where a word starts, and the
        two characters are no word of the dictionary (向来 / 向前)."""
        two = prefix[-2:]
        if not re.fullmatch(r"[\u4e00-\u9fff]{2}", two) or two[0] not in SURNAMES or two[0] not in _NOT_IN_NAME:
            return None
        if two[1] in _NOT_IN_NAME or two[1] in _NEVER_IN_NAME:
            return None
        if two in _dictionary_words().two_characters or two in _dictionary_words().common:
            return None
        if not re.search(rf"(?:^|[^\u4e00-\u9fff]|{_TITLE_BEFORE})$", prefix[:-2]):
            return None  # inside a longer run of characters
        if self._text.count(two) < 2:
            return None
        return two if re.search(rf"{_TITLE_BEFORE}{re.escape(two)}", self._text) else None

    def _rare_family_ending(self, prefix: str) -> str | None:
        """A three-character name at the end of ``prefix`` whose family name is one the rules do not know (a rare one,
        or a character that is mostly a common word), when the text introduces the person by it right after a title or
        a post (某集团董事长某某某), the name stands where a word starts, and no pronoun, particle, function word or
        two-character word of the dictionary is inside it: the post marks where it starts, the verb where it ends."""
        if two := self._rare_family_two(prefix):
            return two
        three = prefix[-3:]
        if not re.fullmatch(r"[\u4e00-\u9fff]{3}", three) or three[0] in SURNAMES or _plausible_name(three[1:]):
            return None  # a known family name, or the last two alone a name: the other readings decide
        if any(ch in _NOT_IN_NAME for ch in three):
            return None
        words = _dictionary_words().two_characters
        if three[:2] in words or three[1:] in words or three in _dictionary_words().common:
            return None
        if set(three) <= set(_TRANSLITERATION):
            return None  # a foreign name or a place spelt in sounds (卡塔尔): the transliteration rules decide
        if not re.search(rf"(?:^|[^\u4e00-\u9fff]|{_TITLE_BEFORE})$", prefix[:-3]):
            return None  # inside a longer run of characters
        # 代表 / 委员 are verbs as often as posts (代表某国出战).
        posts = re.finditer(rf"(?P<post>{_TITLE_BEFORE}){re.escape(three)}", self._text)
        return three if any(p.group("post") not in ("代表", "委员") for p in posts) else None

    def _rare_family_two(self, prefix: str) -> str | None:
        """A two-character name at the end of ``prefix`` whose family name is one the rules do not know (某院院士某某),
        when the text introduces the person by it right after a post and names them by it at least once more, and
        the two characters are no word of the dictionary (近日 / 随后) and hold no pronoun, particle or function word."""
        two = prefix[-2:]
        if not re.fullmatch(r"[\u4e00-\u9fff]{2}", two) or two[0] in SURNAMES or two[0] in COMPOUND_SURNAMES:
            return None
        if any(ch in _NOT_IN_NAME for ch in two) or two in _dictionary_words().two_characters:
            return None
        if two in _dictionary_words().common or set(two) <= set(_TRANSLITERATION):
            return None
        if not re.search(rf"(?:^|[^\u4e00-\u9fff]|{_TITLE_BEFORE})$", prefix[:-2]):
            return None  # inside a longer run of characters
        if self._text.count(two) < 2:
            return None
        posts = re.finditer(
            rf"(?P<post>{_TITLE_BEFORE}){re.escape(two)}(?![\u4e00-\u9fff]{{0,1}}[{_NAME_DOTS}])", self._text
        )
        return two if any(p.group("post") not in ("代表", "委员") for p in posts) else None

    def collect(self, text: str) -> None:
        """Learn the names that stand before a speech verb anywhere in ``text``, so earlier mentions count."""
        self._text = reading(without_pinyin_notes(text)[0])
        # A dotted foreign name is a person's even where no verb follows, when a title introduces it or it stands
        # between punctuation marks (副总裁丹·傅,给出了… / ,蒂姆·德特默斯,): 他 after it is that person. So is one a
        # conjunction sets off before it (…,但里德·某某(Reid …)、…: 但, not a punctuation mark, is before it).
        for mention in _DOTTED_MENTION.finditer(self._text):
            name = self._dotted_ending(self._text[: mention.end()])
            start = mention.end() - len(name) if name else 0
            set_off = rf"(?:[^\u4e00-\u9fff\s]|{_TITLE_BEFORE}|[而和与及但并])$"
            if name and (start == 0 or re.search(set_off, self._text[:start])):
                self.speaker(name)
        # Then one a function word ends, set off before by punctuation, a title or a conjunction (而埃隆·马斯克在…),
        # unless it only runs on from a name already learned (丹·傅每天…).
        for mention in _DOTTED_BEFORE_WORD.finditer(self._text):
            name = self._dotted_ending(self._text[: mention.end()])
            if not name or any(name.startswith(known) for known in self.found) or _ends_in_word(name):
                continue
            start = mention.end() - len(name)
            if start == 0 or re.search(rf"(?:[^\u4e00-\u9fff\s]|{_TITLE_BEFORE}|[而和与及但并])$", self._text[:start]):
                self.speaker(name)
        # A Chinese name right after a title or a post and set off by a comma or a bracket (…集团创始人周某某,对此… /
        # …总裁某某(花名:…)则是…) is a person's, said something or not: 他 in a later sentence is that person. A space
        # some pages leave before the comma (…创始人某某 ,没有…) sets it off as well.
        # So is one a news report's day word follows (副总统某某今天出席…), 的 (院长某某的回应。), 在 (主任某某在现场…) or 将
        # (主任某某将…划分为…), or giving a talk (由执行长某某发表演讲, 某某发表了题为《…》的主旨演讲): a post's holder who speaks is a
        # person, its three characters one name though the last opens a word with 发 (华发).
        # So is one whose past the sentence goes on to tell (…联合创始人某某曾任职某公司,…): 他 in the next is that person.
        for titled in re.finditer(
            rf"{_TITLE_BEFORE}(?P<name>[\u4e00-\u9fff]{{2,3}})"
            r"(?= ?[,，]|[、(（]|今[日天]|昨[日天(（]|的|在|将|发表(?:了)?(?:题为《[^》]{1,40}》的)?(?:主题|专题|主旨)?(?:演讲|讲话|致辞)"
            r"|曾(?:任|经|在|就职|供职|担任))",
            self._text,
        ):
            # The title marks where the name starts: three characters that read as a name are one, though the second
            # is a family name too (院长王仲某: not 仲某).
            titled_name = titled.group("name")
            plausible = (
                new_name_ending(titled_name) == titled_name
                or _plausible_name(titled_name)
                # A given name holding 为 / 中 / 向 (某总裁钱向东在…): the post says a name starts there, unless the first
                # character is that word itself (局长向中方的…: 向 a preposition).
                or (
                    _plausible_name_holding_function_char(titled_name)
                    and titled_name[0] not in _GIVEN_NAME_FUNCTION_CHARS
                )
            )
            if plausible and titled_name not in self.by_name:
                self.speaker(titled_name)
        # So is one of three characters where a sentence or a clause starts, right before a head of state's or a
        # party's office and what the office holder does (。某某某主席向大会致贺信… / ,某某某总统在…): its family name
        # may be one of 百家姓's the dictionary does not tag as a name, the office says a person is named.
        for office in _HEAD_OF_STATE_NAMED.finditer(self._text):
            holder = office.group("name")
            # Not a body's name (董事会主席表示…): a word of the dictionary in the three is no given name.
            words = _dictionary_words()
            wordy = holder[:2] in words.two_characters or holder[1:] in words.two_characters or holder in words.common
            if (
                holder[0] in BAIJIAXING
                and not set(holder) & _NEVER_IN_NAME
                and not wordy
                and holder not in self.by_name
            ):
                self.speaker(holder)
        # So is one of three characters right before a member's or a deputy's seat where a sentence or a clause starts
        # (。某某某委员发现…), as a report on a session introduces its members: 他 after it is that person. The seat is
        # does not open a longer word (委员会 / 代表团 / 代表性).
        for seated in _SEATED_NAME.finditer(self._text):
            seated_name = seated.group("name")
            if (
                _plausible_name(seated_name)
                and self._new_name_ending(seated_name) == seated_name
                and seated_name not in self.by_name
            ):
                self.speaker(seated_name)
        # So is one with a title after it (…所长某少军教授) that the text goes on calling by the family name and that
        # title (某教授指出,…): the short form is that person.
        for titled in re.finditer(rf"(?={_SHORT_TITLE})", self._text):
            head = self._text[max(0, titled.start() - 3) : titled.start()]
            title = re.match(_SHORT_TITLE, self._text[titled.start() :])
            for n in (3, 2):
                candidate = head[-n:]
                if (
                    len(candidate) == n
                    and candidate[0] in SURNAMES
                    and (new_name_ending(candidate) == candidate or _plausible_name(candidate))
                    and title is not None
                    and f"{candidate[0]}{title.group(0)}" in self._text
                    and candidate not in self.by_name
                ):
                    self.speaker(candidate)
                    break
        # A Latin name of two or three capitalised words right before 在 (…得主Jane Doe在一期播客中批评…), the setting of
        # what its person did, is a person's, said something or not: 他 in the next sentence is that person. A company
        # or a product's name (…Labs / …Cloud) is not.
        for latin in re.finditer(
            r"(?<![A-Za-z] )(?<![A-Za-z])[A-Z][a-z]+(?:[ ·][A-Z][A-Za-z]+){1,2}(?=在)", self._text
        ):
            if not _LATIN_ORG.search(latin.group(0)) and not self.mentioned(latin.group(0)):
                self.speaker(latin.group(0))
        # So is one a comma sets after the post, when the name closes the sentence or the clause (嘉宾是某公司创始人,某某某。):
        # the apposition names the person the post is.
        for titled in re.finditer(rf"{_TITLE_BEFORE}[,，]\s*(?P<name>[\u4e00-\u9fff]{{2,3}})(?=[。;；])", self._text):
            titled_name = titled.group("name")
            plausible = new_name_ending(titled_name) == titled_name and _plausible_name(titled_name)
            if plausible and titled_name not in self.by_name:
                self.speaker(titled_name)
        # So is one set off by a mark before it and a comma after it, then an appositive that says who the person is
        # (…,「某某」钱某某,一位某大学…博士生… / …,孙某,这位某公司的工程师…): 他 later is that person.
        for introduced in re.finditer(
            r"(?<=[,，。;；」』”)）])(?P<name>[\u4e00-\u9fff]{2,3})[,，]\s*(?:一位|一名|这位)[^,，。;；:：“”「」]{0,40}?"
            rf"(?:{_TITLE_BEFORE}|学生|学者|工程师|作家|作者|投资人|创业者)",
            self._text,
        ):
            introduced_name = introduced.group("name")
            plausible = new_name_ending(introduced_name) == introduced_name and _plausible_name(introduced_name)
            if plausible and introduced_name not in self.by_name:
                self.speaker(introduced_name)
        # So is one right after a title or a post that opens a sentence whose clause after a colon goes on with 他 / 她
        # (人文学者某某对于…有些疑虑:他观察到,…) or hands over a quotation (创始人某某几乎无缝衔接,修正了问题的前提:“…”):
        # the person the sentence introduces is the one it then reports.
        for titled in _INTRODUCED_THEN_PRONOUN.finditer(self._text):
            ahead, at = titled.group("ahead"), titled.start("ahead")
            titled_name = next(
                (
                    ahead[:n]
                    for n in (3, 2)
                    if _plausible_name(ahead[:n])
                    and new_name_ending(ahead[:n]) == ahead[:n]
                    # 程某几乎…: the third character opens an adverb (几乎), so the name is the two before it.
                    and not (n == 3 and self._text[at + 2 : at + 4] in _dictionary_words().adverbs)
                ),
                None,
            )
            if titled_name is not None and titled_name not in self.by_name:
                self.speaker(titled_name)
        # So is a name in Latin letters right after a title or a post, set off after it by a bracket or a punctuation
        # mark (…总经理 Mark Collier(某某)。): 他 in a later sentence is that person. So is one the preposition 就 follows
        # (…主任Jane Doe就…发表看法。): the person the sentence says spoke on a subject.
        for titled in re.finditer(
            rf"{_TITLE_BEFORE}\s*(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){{1,2}})(?=\s*(?:[(（,，。、;；]|就))", self._text
        ):
            self.speaker(titled.group("name"))
        # One capitalised Latin word right after a word for a kind of person (创业者Jack / 开发者 Kevin / 化名Amy) is the
        # name the article goes by for that person, not a product's, when the text names it again: 他 and a speech verb
        # after it are that person's.
        for kind in _KIND_THEN_LATIN_WORD.finditer(self._text):
            if self._text.count(kind.group("name")) >= 2 and not _LATIN_ORG.search(kind.group("name")):
                self.speaker(kind.group("name"))
        # A transliterated name right before its Latin form in brackets (执行长奥特曼(Sam Altman)), where a word starts,
        # is a person's however short: the brackets say who it spells.
        for bracketed in [
            *_TRANSLITERATED_BEFORE_LATIN.finditer(self._text),
            *_TITLED_BEFORE_LATIN.finditer(self._text),
        ]:
            if not _LATIN_ORG.search(bracketed.group("latin")):
                self.speaker(bracketed.group("name"))
        # So is one before a Latin name whose space the page lost (分析师某某(PaulWeston)): the person is named by it, spaced.
        for jammed in _TITLED_BEFORE_JAMMED_LATIN.finditer(self._text):
            spaced = f"{jammed.group('first')} {jammed.group('last')}"
            if _LATIN_ORG.search(spaced):
                continue
            speaker = self.speaker(jammed.group("name"))
            if speaker.person is None and speaker.full_id is None:
                speaker.full_id = spaced.lower().replace(" ", "-")
        # So is the name of a TV script's sound bite (某党参议员 某某:「…」), the reporter's aside: mentioned before the
        # bite (某某,向本台表示,…), the name is that person.
        for paragraph in self._text.split("\n\n"):
            if _sound_bite(paragraph.strip()) and not _host_bite(paragraph.strip()):
                _company_turn(paragraph.strip(), self)
        # A name whose given part holds 为 or 中 (郭为 / 李为民 / 张建中), which ``_plausible_name`` never reads as one since 为
        # is as often a preposition and 中 a postposition (…为… / 在…中): the label of a dialogue's turns at a paragraph's
        # start (某为:我们…。), twice, or once where the text also writes it right after a post (副总裁某为): neither word
        # stands before a colon or after a post.
        labels = Counter(
            m.group("who")
            for m in re.finditer(r"^(?P<who>[\u4e00-\u9fff]{2,3})\s*[:：](?=[^\n]*[。!?！？…])", self._text, re.M)
        )
        for who, count in labels.items():
            if (
                _plausible_name_holding_function_char(who)
                and (count >= 2 or re.search(rf"{_TITLE_BEFORE}{who}", self._text))
                and who not in self.by_name
            ):
                self.speaker(who)
        # A two-character name that the dictionary has as a place (a city spelt like a family name and a given name), which
        # ``_plausible_name`` refuses: the label of a dialogue's turn (某阳:…。) where the text also writes it right after a
        # person's post or title (教授、博士生导师某阳), as an interview introduces its guest. A city neither labels a turn
        # nor follows a post, unless 代表 / 委员 are verbs (代表某阳队) or a 市 / 省 after it makes it the place's body.
        for who in labels:
            if len(who) != 2 or who in self.by_name or not _place_spelt_as_name(who):
                continue
            posts = re.finditer(rf"(?P<post>{_TITLE_BEFORE}|导师){who}(?![市省县区])", self._text)
            if any(p.group("post") not in ("代表", "委员") for p in posts):
                self.speaker(who)
        # So is one that opens a sentence right before a verb of speech (。某阳指出,…), as a report goes on about a guest it
        # introduced right after a post (研究员某阳作了报告。某阳指出,…): a city after a post is no speaker's subject.
        for opening in _OPENING_BEFORE_SPEECH_TWO.finditer(self._text):
            who = opening.group("who")
            if who in self.by_name or who in self.found or not _place_spelt_as_name(who):
                continue
            posts = re.finditer(rf"(?P<post>{_TITLE_BEFORE}|导师){who}(?![市省县区])", self._text)
            if any(p.group("post") not in ("代表", "委员") for p in posts):
                self.speaker(who)
        # Such a name (刘向东) is one too where a mark sets it off before a plain verb of speech (。刘向东说 / ”刘向东表示),
        # when the text writes it more than once: a preposition there would need its object before the verb.
        spoken = Counter(
            m.group("who")
            for m in re.finditer(
                r"(?:^|(?<=[。!?！？”」,，:：]))(?P<who>[\u4e00-\u9fff]{3})(?=说|表示|认为|指出)", self._text, re.M
            )
        )
        for who in spoken:
            if _plausible_name_holding_function_char(who) and self._text.count(who) >= 2 and who not in self.by_name:
                self.speaker(who)
        # A name of three characters whose given name is a word of the dictionary ending on a particle's character (某千里 /
        # 某万里: 里 is a particle in 这里 / 眼里), where a sentence starts right before a verb of speech (。某千里解释称,…):
        # no word of the dictionary opens it, so it is a family name and that given name, not a place word.
        words = _dictionary_words()
        for opening in _OPENING_BEFORE_SPEECH.finditer(self._text):
            who = opening.group("who")
            if (
                who[0] in SURNAMES
                and who[2] in _NOT_IN_NAME
                and not set(who[:2]) & _NOT_IN_NAME
                and who[1:] in words.two_characters
                and who[:2] not in words.two_characters
                and who not in words.common
                and who[1:] not in _TIME_WORDS
                and who not in self.by_name
            ):
                self.speaker(who)
        for paragraph in self._text.split("\n\n"):
            for sentence in split_sentences(paragraph):
                _attribution(sentence, self, None)
        self._learn_short_transliterations()
        self._learn_misspellings()
        self._learn_subjects_before_pronouns()
        self._learn_subjects_before_a_bare_verb()
        self._learn_titled_subjects_before_a_pronoun()
        self._learn_names_after_listed_companies()
        self._learn_latin_first_names()
        self._learn_dotted_last_parts()

    def _learn_dotted_last_parts(self) -> None:
        """A dotted foreign name the text has learned (萨姆·奥特曼) that it then writes by its last part alone where a word
        starts (…,奥特曼拿自己开刀:“…”): that person, under the last part too, so a sentence naming them so is read as
        naming them (``mentioned``), not as naming nobody. Not a part of one character, nor one another learned name
        shares."""
        dotted = [name for name in self.found if re.search(f"[{_NAME_DOTS}]", name)]
        # A last part that holds a function word's character between transliteration characters (里 in 某某·伍德里奇,
        # as 里德 spells Reid) was cut there by _NAME_PART: the longer part is the name when the text also writes it
        # alone where a word starts (“…”伍德里奇教授说), as it writes a dotted name's last part.
        for at, name in enumerate(dotted):
            tail = re.search(
                rf"{re.escape(name)}(?P<more>[{''.join(sorted(_NOT_IN_NAME))}][{_TRANSLITERATION}]{{1,3}})", self._text
            )
            if tail is None or tail.group("more")[0] not in _TRANSLITERATION:
                continue
            longer = name + tail.group("more")
            alone = rf"(?:^|[^\u4e00-\u9fff{_NAME_DOTS}\s]|{_LATIN_SPACED}|{_TITLE_BEFORE}){re.escape(_dotted_last_part(longer))}"
            if re.search(alone, self._text, re.M):
                self.found[longer] = self.speaker(longer)
                dotted[at] = longer
        # Each name once: a longer form read here may be one the post's pass learned already (某某·伍德里奇).
        dotted = list(dict.fromkeys(dotted))
        parts = Counter(_dotted_last_part(name) for name in dotted)
        for name in dotted:
            last = _dotted_last_part(name)
            if len(last) < 2 or parts[last] > 1 or last in self.found or last in self.by_name:
                continue
            alone = (
                rf"(?:^|[^\u4e00-\u9fff{_NAME_DOTS}\s]|{_LATIN_SPACED}|[的和与及而但并让被把对向据]|{_TITLE_BEFORE})"
                rf"{re.escape(last)}"
            )
            if re.search(alone, self._text, re.M):
                self.found[last] = self.speaker(name)

    def _learn_latin_first_names(self) -> None:
        """A full name in Latin letters that the text introduces with a post after it in its clause or right before it
        (一个是Dario Amodei,某公司的 CEO / 创始人Demis Hassabis), and then calls by the first name alone (Demis 依然…): that
        person, under the first name too, so 他 after a sentence the first name opens is them, not the person before."""
        for full in re.finditer(r"(?<![A-Za-z])(?P<first>[A-Z][a-z]+) [A-Z][a-z]+(?![A-Za-z])", self._text):
            name, first = full.group(0), full.group("first")
            if _LATIN_ORG.search(name) or first in self.found or self.latin_name_first(first) != name:
                continue
            posted = re.match(rf"[^。!?！？;；]{{0,30}}?{_TITLE_BEFORE}", self._text[full.end() :]) or re.search(
                rf"{_TITLE_BEFORE}\s*$", self._text[: full.start()]
            )
            alone = re.search(rf"(?<![A-Za-z]){first}(?!\s?[A-Za-z])", self._text)
            if posted and alone:
                self.found[first] = self.speaker(name)

    def _learn_names_after_listed_companies(self) -> None:
        """A name that opens a sentence right after a company the text lists elsewhere with 、 (星河动力、云帆科技、… then
        云帆科技钱多多分享了… / 云帆钱多多…): that company's person, as a post before a name marks where it starts, so a
        given name may hold a character that is usually a function word (某某求索陈德里表示)."""
        listed = {
            item
            for run in re.finditer(r"(?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8}", self._text)
            for item in run.group(0).split("、")
        }
        if len(listed) < 3:
            return
        words = _dictionary_words().two_characters
        for start in re.finditer(r"(?:^|(?<=[。!?！？\n]))\s*(?P<head>[\u4e00-\u9fff]{4,12})", self._text, re.M):
            head = start.group("head")
            for cut in range(min(len(head) - 2, 8), 1, -1):  # the longest company first
                company = head[:cut]
                if not any(item == company or (len(company) >= 3 and item.startswith(company)) for item in listed):
                    continue
                if any(item.startswith(head[: cut + 1]) for item in listed):
                    continue  # the sentence goes on with the listed word itself (多位某某创业者、…)
                name = _listed_persons_name(head[cut:], self._text[start.end("head") :], words)
                if name is not None:
                    if name not in self.by_name and name not in self.found:
                        self.speaker(name)
                    break

    def _learn_subjects_before_pronouns(self) -> None:
        """A Chinese name that opens the subject of a sentence naming no known person (after a setting and a comma, or
        after a relative clause's 的, a title after it allowed: 在…成为网红的某某医生也受邀参加了…), when the next sentence
        reports 他 / 她 (他直言,… / 在他看来,…): that is who the pronoun is, said something before or not."""
        probe = Speaker("\u0000")
        sentences = [(k, s) for k, paragraph in enumerate(self._text.split("\n\n")) for s in split_sentences(paragraph)]
        for i, (k, sentence) in enumerate(sentences):
            if i == 0 or not re.match(r"^(?:在|据|按|照)?(?:他|她)(?![们的所])", sentence):
                continue
            if self.mentioned(sentences[i - 1][1]) or _attribution(sentence, self, probe)[0] is not probe:
                continue
            # The sentence right before; or, further back in the same paragraph, past sentences that name no one and
            # have no subject of their own (某研究院院长某某也谈到…。在…的带动下,行业已经…。他认为,…): the person the
            # paragraph opened with.
            for j in range(i - 1, -1, -1):
                before_k, before = sentences[j]
                if j < i - 1 and (before_k != k or self.mentioned(before)):
                    break
                name = _subject_name(before)
                if name is None and len(posted := _posted_names(before)) == 1:
                    # Or the one Chinese name right after a post in that sentence (某研究院副院长某某谈论了…。她说,…): the
                    # post marks where the name starts.
                    name = posted[0]
                if name is not None:
                    if name not in self.by_name:
                        self.speaker(name)
                    break
                if re.match(r"(?:[^,，。]{0,12}[,，])?(?:他|她)(?![们的所])", before):
                    break  # a sentence with 他 / 她 as its subject is no sentence without one: the pronoun's referent is open

    def _learn_subjects_before_a_bare_verb(self) -> None:
        """A Chinese name that opens the subject of a sentence naming no known person, when a later clause of it opens
        with a verb of speech and no subject of its own (晚间,某某宣布将出任…,表示将…): the verb is that person's, said
        something before or not."""
        for paragraph in self._text.split("\n\n"):
            for sentence in split_sentences(paragraph):
                bare = _BARE_VERB_CLAUSE.search(sentence)
                if bare is None or self.mentioned(head := sentence[: bare.start()]):
                    continue
                name = _subject_name(head)
                if name is not None and name not in self.by_name and name not in self.things:
                    self.speaker(name)

    def _learn_titled_subjects_before_a_pronoun(self) -> None:
        """A Chinese name with a title after it (某某教授 / 某某博士) in a clause of a sentence whose later clause opens
        with 他 / 她 and a verb of speech, no known name between (峰会首日,某某教授进行了分析,他认为,…): the pronoun is
        that person, said something before or not, not someone the text named earlier."""
        for paragraph in self._text.split("\n\n"):
            for sentence in split_sentences(paragraph):
                for pronoun in re.finditer(r"[,，;；](?:他|她)(?![们的所])", sentence):
                    head = sentence[: pronoun.start()]
                    if self.mentioned(head) or not _speech_verbs(sentence[pronoun.end() :])[:1]:
                        continue
                    if _speech_verbs(sentence[pronoun.end() :])[0].start() > _MANNER_CHARS:
                        continue
                    titled = [
                        name
                        for title in re.finditer(r"(?:博士|教授|院士|先生|女士|老师)(?![\u4e00-\u9fff]?的)", head)
                        if (name := new_name_ending(head[: title.start()])) is not None and len(name) == 3
                    ]
                    if len(titled) == 1 and titled[0] not in self.by_name:
                        self.speaker(titled[0])
        # So is a Chinese name right after a post (某公司CEO某某首当其冲,他在…会上表示,…), the only post and name in the
        # clauses before the pronoun, when the clause from the pronoun on reads as the pronoun's speech (a setting
        # between 他 and the verb allowed): the post marks where the name starts.
        for head in self._heads_before_a_speaking_pronoun(r"[,，;；](?:他|她)(?![们的所])"):
            posted = _posted_names(head)
            if len(posted) == 1 and posted[0] not in self.by_name:
                self.speaker(posted[0])

        # So is the Chinese name that opens the sentence's subject (某某后来开了公开课,在他看来,…), when no known name
        # stands before the pronoun and the clause from it on reads as the pronoun's speech: the pronoun is the
        # sentence's own subject, not a person an earlier sentence named.
        for head in self._heads_before_a_speaking_pronoun(r"[,，;；](?:在|据|按|照)?(?:他|她)(?![们的所])"):
            opening = _subject_name(head)
            if opening is not None and opening not in self.by_name:
                self.speaker(opening)

    def _heads_before_a_speaking_pronoun(self, pronoun_pattern: str) -> Iterator[str]:
        """Each sentence's words before a 他 / 她 (matched by ``pronoun_pattern``) that names no person the text knows,
        when the clause from the pronoun on reads as the pronoun's speech; read lazily, so a name learned from one
        sentence counts as known in the next."""
        probe = Speaker("\u0000")
        for paragraph in self._text.split("\n\n"):
            for sentence in split_sentences(paragraph):
                for pronoun in re.finditer(pronoun_pattern, sentence):
                    head = sentence[: pronoun.start()]
                    if (
                        self.mentioned(head)
                        or _attribution(sentence[pronoun.start() + 1 :], self, probe)[0] is not probe
                    ):
                        continue
                    yield head

    def _learn_misspellings(self) -> None:
        """A transliteration the text writes with one character of its middle different from the last part of a dotted
        name it knows (奥尔曼 beside 山姆·奥特曼: the same sounds spelt with a wrong character), never written alone
        otherwise, is that person: 他 after it is them."""
        letters = f"[{_TRANSLITERATION}]"
        known: dict[str, Speaker] = {}
        for name, speaker in list(self.found.items()):
            last_part = _dotted_last_part(name)
            if last_part != name and len(last_part) >= 3 and set(last_part) <= set(_TRANSLITERATION):
                known.setdefault(last_part, speaker)
        for run in re.finditer(rf"(?<!{letters}){letters}{{3,6}}(?!{letters})", self._text):
            variant = run.group(0)
            if variant in self.found or variant in self.by_name:
                continue
            spelt = [
                speaker
                for last_part, speaker in known.items()
                if len(variant) == len(last_part)
                and variant[-1] == last_part[-1]
                and sum(a != b for a, b in zip(variant, last_part, strict=True)) == 1
                # Its first character may differ too when it spells the same opening sound (奥特曼 beside 山姆·阿特曼:
                # ao and a), as transliterations of one name do.
                and (variant[0] == last_part[0] or _same_opening(variant[0], last_part[0]))
            ]
            if len(spelt) == 1:
                self.found[variant] = spelt[0]

    def _learn_short_transliterations(self) -> None:
        """Learn the foreign names of two or three transliteration characters the text writes alone, which the rules
        do not read as names by themselves (特斯拉 and 英特尔 are companies): one right after a post (首席执行官某某某),
        and one of three that stands before a speech verb where a word starts, when the verb is one only a person does
        (觉得 / 感慨 / 回忆 …) or 他 / 她 then refers back to it, in the rest of that sentence or opening the next, with no
        known name between (某某某表示,…与他本人的判断一致 / 某某某指出,…。他还说,…): a company is 它 or 他们, never 他."""
        letters = f"[{_TRANSLITERATION}]"
        self._learn_titled_dotted_names()
        # Two or three characters the post introduces that a dot goes on from are a dotted name's first part (CEO埃纳·罗斯克).
        # A public office introduces one as a title does (某央行原行长某某某 / 某署署长某某): the office marks where it starts.
        for titled in re.finditer(
            rf"(?P<post>{_TITLE_BEFORE}|{_OFFICE_BEFORE})\s?(?P<name>{letters}{{2,3}})(?!{letters}|\s?[{_NAME_DOTS}])",
            self._text,
        ):
            # 代表 / 委员 are verbs as often as posts (代表某国出战): a country or a team may follow them.
            if titled.group("post") not in ("代表", "委员"):
                self._learn_short_transliteration(titled.group("name"))
        paragraphs = self._text.split("\n\n")
        for at, paragraph in enumerate(paragraphs):
            sentences = split_sentences(paragraph)
            # The sentence after the paragraph's last is the next paragraph's first: 他 opening it refers back as well.
            following = next((p for p in paragraphs[at + 1 :] if p.strip()), "")
            sentences_after = [*sentences, *split_sentences(following.strip())[:1]] if following.strip() else sentences
            for i, sentence in enumerate(sentences):
                for verb in _speech_verbs(sentence):
                    prefix = _without_setting(_ADVERBS.sub("", sentence[: verb.start()]), self)
                    short = re.search(rf"(?:^|[^\u4e00-\u9fff]|{_TITLE_BEFORE})(?P<name>{letters}{{3}})$", prefix)
                    if short is None:
                        continue
                    if verb.group(0) in _PERSONAL_VERBS:
                        self._learn_short_transliteration(short.group("name"))
                        continue
                    rest = sentence[verb.end() :]
                    pronoun = _REFERS_BACK.search(rest)
                    if pronoun is None and i + 1 < len(sentences_after) and _TOLD_OF.match(sentences_after[i + 1]):
                        rest += sentences_after[i + 1]
                        pronoun = _REFERS_BACK.search(rest)
                    if pronoun is not None and self.mentioned(rest[: pronoun.start()]) is None:
                        self._learn_short_transliteration(short.group("name"))

    def _learn_titled_dotted_names(self) -> None:
        """A dotted foreign name right after a post (…创始人、CEO埃纳·罗斯克则以连线方式参会), however the sentence goes on,
        is a person's: each part is a syllable, then the run of transliteration characters after it (马 of 马斯克 is a
        family name's character, not in the table), so 他 after it is the whole name, not its first part."""
        letters = f"[{_TRANSLITERATION}]"
        part = rf"{_NAME_PART}{letters}{{0,5}}"
        dotted = rf"{part}(?:\s?[{_NAME_DOTS}]\s?{part}){{1,3}}"
        for titled in re.finditer(rf"(?P<post>{_TITLE_BEFORE})\s?(?P<name>{dotted})(?!{letters})", self._text):
            # A dotted name learned already with its last part cut short at a function word's character (某某·兰德 for
            # 某某·兰德里, 里 "inside") is no reason to skip the whole one the post marks.
            known = self.mentioned(titled.group("name"))
            cut_short = (
                known is not None
                and known != titled.group("name")
                and titled.group("name").startswith(known)
                and re.search(f"[{_NAME_DOTS}]", known) is not None
            )
            if titled.group("post") not in ("代表", "委员") and (known is None or cut_short):
                self.speaker(titled.group("name"))

    def post_holder(self, post: str) -> str | None:
        """The person a turn's label names by a post alone (某某局局长:…), when the text introduced them with it, the
        name right after the post and a title after the name allowed (以下是某某局局长钱某某教授…的谈话内容:). An
        interviewer's role (记者 / 主持人) or 问 / 答 is nobody's post."""
        if len(post) < 2 or _HOST_BEFORE.search(post) or post in ("问", "答", "提问", "回答"):
            return None
        for introduced in re.finditer(re.escape(post), self._text):
            end = introduced.end()
            # A foreign name written with its dot after the post (某公司联合创始人某某·某某。), whose first part is no name.
            if (dotted := _DOTTED_MENTION.match(self._text, end)) is not None and self.mentioned(dotted.group(0)):
                return dotted.group(0)
            for size in (3, 2):
                name, rest = self._text[end : end + size], self._text[end + size :]
                if len(name) < size or not _plausible_name(name):
                    continue
                if size == 3 and name[-1] + rest[:1] in _dictionary_words().two_characters:
                    continue  # 钱多教授: 教授 is a title, the name is two characters
                ending = new_name_ending(name)
                if ending is not None and name.endswith(ending):
                    return name
        return None

    def _learn_short_transliteration(self, name: str) -> None:
        if name in self.by_name or name in self.found or any(name in thing for thing in self.things):
            return
        self.speaker(name)

    def learn_title(self, title: str) -> None:
        """A Chinese name that opens the article's title (某某纽约闭门演讲:…) is the person the article is about, when the
        text writes it too as a word of its own: a person, said something before a verb or not, so 他 after it is them.
        Call after ``collect``."""
        # A bad conversion's pinyin notes (大会(huì)上的演讲(jiǎng)) would split the title's words; no offset into it is kept.
        title = PINYIN_NOTE.sub("", title)
        self._learn_writer(title)
        opened = _TITLED_NAME.search(title)
        if (
            opened is not None
            and (opened.group("name") in self.by_name or _plausible_name(opened.group("name")))
            and opened.group("name") not in self._text
            and self._text.strip()
            and self.mentioned(self._text) is None
        ):
            self.title_quoted = self.speaker(opened.group("name"))
        if (titled := _TITLED_NAME.search(title)) is not None:
            name = titled.group("name")
            if (name in self.by_name or name in self.found or _plausible_name(name)) and name in self._text:
                self.titled = self.speaker(name)
        for size in (3, 2):
            name = title[:size]
            if name in self.by_name or name in self.found:
                self._learn_talk(title, name)
                return
            # Two characters are as often a role (高管闭门会): only when a colon or a space sets them off (王坚:…).
            set_off = size == 3 or bool(re.match(r"[:：\s|｜]", title[size : size + 1]))
            # A given name with a character the plain reading refuses (钱向东) counts when the text introduces the
            # person by it after a post (某院院士钱向东), as the text's own reading takes it.
            plausible = _plausible_name(name) or (size == 3 and self._introduced_ending(name) == name)
            if set_off and plausible and self._word_of_its_own(name):
                self.speaker(name)
                self._learn_talk(title, name)
                return

    def _learn_writer(self, title: str) -> None:
        """A title that opens with a name set off by a colon (某某:对…的几点思考), over a text that never writes that name,
        speaks in the first person (我, outside quotation marks) and names no other person, is that person's own writing:
        an op-ed or a talk printed under its writer's name. So is one whose title names the person's speech (…,某某演讲
        透露了什么?) or ends with the person's name in brackets, as an opinion page prints its columnist's (…(某某)),
        under the same conditions."""
        seated = _SEATED_SPEECH.match(title)
        opened = (
            re.match(r"(?P<name>[\u4e00-\u9fff]{2,3})\s*[:：]", title)
            or _TITLED_SPEECH.search(title)
            or _BYLINED_TITLE.search(title)
            or seated
        )
        if opened is None or not self._text.strip():
            return
        name = opened.group("name")
        if not (name in self.by_name or _plausible_name(name)) or name in self._text:
            return
        if self.mentioned(self._text) is not None:
            return
        # A member's speech printed under its title (某某委员的发言:…) is hers, though it neither says 我 nor argues
        # alone: a proposal cites the leaders' words and says what should be done, in the session's plain voice.
        if not (_speaks_as_i(self._text) or _argues_alone(self._text) or seated is not None):
            return
        self.writer = self.speaker(name)

    def _learn_talk(self, title: str, name: str) -> None:
        """The title says the article is the named person's talk (某某最新演讲:… / 某某在某大会的讲话:…)."""
        if _TALK_TITLE.match(title[len(name) :]):
            self.talk_giver = self.speaker(name)

    def named_last(self, text: str) -> str | None:
        """The known name that ends latest in ``text``."""
        best: tuple[int, str] | None = None
        for name in [*self._longest_first, *self.found]:
            end = text.rfind(name) + len(name)
            if end >= len(name) and (best is None or end > best[0]):
                best = (end, name)
        return best[1] if best else None

    def all_mentioned(self, text: str) -> list[tuple[int, str]]:
        """Every known name in ``text`` with where it starts, a name inside a longer one (小川 in 王小川) left out."""
        spans: list[tuple[int, int, str]] = []
        for name in sorted({*self._longest_first, *self.found}, key=len, reverse=True):
            for match in re.finditer(re.escape(name), text):
                if not any(s <= match.start() and match.end() <= e for s, e, _ in spans):
                    spans.append((match.start(), match.end(), name))
        return sorted((s, name) for s, _, name in spans)

    def mentioned(self, text: str) -> str | None:
        """The first known name in ``text``."""
        best: tuple[int, str] | None = None
        for name in [*self._longest_first, *self.found]:
            at = text.find(name)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, name)
        return best[1] if best else None


# The prepositions whose object a name is (与某某发生矛盾 / 对某某很失望): the name is no one speaking.
_BEFORE_OBJECT = "与和跟同对向把给被让"


def _named_only_as_object(quotation: str, names: Names) -> bool:
    """Whether a first-person quotation (我…) names the known people it names only as a preposition's object (“我不想与
    某某争吵,…”): someone the speaker talks about, not an attribution naming another speaker."""
    mentions = names.all_mentioned(quotation)
    return (
        "我" in quotation
        and bool(mentions)
        and all(at > 0 and quotation[at - 1] in _BEFORE_OBJECT for at, _ in mentions)
    )


# A clause before a colon that hands over someone else's words (他想起父亲的话: / 他引用了一句名言:): not his own.
_OTHERS_WORDS = re.compile(r"[^,，。]的(?:话|名言|原话|说法|一句话)|引用|转述|转发|念了|读了|朗读")

# A sentence with no subject of its own saying words were said (…的建议,说了不少简单但很实用的话。), and the paragraph
# after it that gives examples of them (比如…).
_WORDS_SAID = re.compile(
    r"^(?:[^,，。:：“”]{0,30}[,，])?(?:说|讲|谈|聊|给)了?(?:不少|很多|许多|一些|好些|好多)[^,，。:：“”]{0,16}?"
    r"(?:话|建议|观点|看法|心得)。?$"
)
_FOR_EXAMPLE = re.compile(r"^(?:比如|例如|譬如)")

# What follows the name at the head of a title that says the article is that person's talk, before its colon or dash: a
# short post, or a post and the event the talk was given at (院士在2024年某某大会上的演讲全文), longer than a post alone.
_TALK_TITLE = re.compile(
    r"^(?:[^:：,，。!！?？“”「」|｜—-]{0,6}?在[^:：,，。!！?？“”「」|｜—-]{1,20}?|[^:：,，。!！?？“”「」|｜—-]{0,10}?)"
    r"(?:演讲|讲话|发言|演说|致辞)[^,，。]{0,4}?(?:[:：|｜—-]|$)"
)

# A title that names a person's speech after its start or a break (…大会,某某演讲透露了什么? / 某某的讲话):
# the name is set off before it by the title's start, a comma, a colon or a space.
_TITLED_SPEECH = re.compile(
    r"(?:^|[,，:：|｜\s])(?P<name>[\u4e00-\u9fff]{2,3}?)的?(?:主题)?(?:演讲|讲话|发言|致辞|演说)"
)

# A title that opens with a name, the seat or post after it and the person's speech (某某常委的发言:… / 某某委员的讲话:…):
# a session's printed speech, under the speaker's name.
_SEATED_SPEECH = re.compile(
    rf"^(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?:常委|{_TITLE_BEFORE})的(?:大会)?(?:发言|讲话|演讲|致辞)\s*[:：]"
)

# An opinion page's headline with its columnist's name in brackets at the end (芯片热潮的两种结局(某某)).
_BYLINED_TITLE = re.compile(r"[(（](?P<name>[\u4e00-\u9fff]{2,3})[)）]\s*$")

# A name the title sets off by a colon after a post or a column's label (某栏目|某院院士某某:题目).
_TITLED_NAME = re.compile(rf"(?:^|[|｜]\s*|{_TITLE_BEFORE})(?P<name>[\u4e00-\u9fff]{{2,3}})\s*[:：]")

_INTRODUCED_THEN_PRONOUN = re.compile(
    rf"(?:^|(?<=[。!?！？\n]))[^。!?！？\n,，:：]{{0,8}}?(?:{_TITLE_BEFORE}|学者|专家)"
    r"(?P<ahead>[\u4e00-\u9fff]{2,3})[^。!?！？\n:：]{0,30}?[:：]\s*(?:他|她|[“「『])(?![们的])"
)


# Verbs of speech only a person is the subject of (a company 表示 / 指出 / 称 and even 坦言 in a report, but does not
# feel, sigh or remember).
_PERSONAL_VERBS = frozenset(("觉得", "感慨", "感叹", "回忆"))
# 他 / 她 for one person, not 他们 / 其他 / 他人.
_REFERS_BACK = re.compile(r"(?<!其)(?:他|她)(?![们人])")


def _posted_names(head: str) -> list[str]:
    """The Chinese names right after a post in ``head`` (某公司CEO某某), quotations left out; not three characters whose
    last opens a word with the character after it (副院长某某谈论了: 谈论 is a verb, the name is two characters)."""
    blanked = _quotations_blanked(head)
    return [
        name
        # The name is looked ahead at, not taken, so a post that ends a longer one's body (某委员会主任某某: 委员 is a
        # post too, and 会主任某 no name) does not swallow the post right after it.
        for post in re.finditer(rf"{_TITLE_BEFORE}(?=(?P<name>[\u4e00-\u9fff]{{2,4}}))", blanked)
        if (
            name := next(
                (
                    post.group("name")[:n]
                    for n in (4, 3, 2)  # four only with a compound family name (欧阳某某)
                    if _plausible_name(post.group("name")[:n])
                    # read with its post before it, which marks where the name starts (主任某贺某: 贺 is a family name
                    # too, but the three after the post are one name)
                    and new_name_ending(post.group(0) + post.group("name")[:n]) == post.group("name")[:n]
                    and not (
                        n == 3
                        # the third character and the one after it, in the match or past its end
                        and (post.group("name") + blanked[post.end("name") : post.end("name") + 1])[2:4]
                        in _dictionary_words().two_characters
                    )
                ),
                None,
            )
        )
        is not None
    ]


def _undotted(name: str) -> str:
    """A dotted name without its dot and spaces, to match it however a page writes the dot."""
    return re.sub(f"[{_NAME_DOTS}\\s]", "", name)


def _bare_family_name(prefix: str) -> str | None:
    """The family name alone at the end of ``prefix`` (张 in "在谈及此事时,张"), where a word starts."""
    for family in (*COMPOUND_SURNAMES, *(prefix[-1:],)):
        if family and prefix.endswith(family) and (family in SURNAMES or family in COMPOUND_SURNAMES):
            before = prefix[: -len(family)]
            # …also after a conjunction that turns the clause (…存在风险,但黄认为… / 而张表示…): a paper that names its person
            # in full once writes the family name alone right after 但 / 而 as after a comma.
            if not before or not re.match(r"[\u4e00-\u9fff]", before[-1]) or before[-1] in "的和与及让被把对向据在但而":
                return family
    return None


# jieba's tags of words that are no noun: adjectives, verbs, adverbs, distinguishing words, conjunctions, prepositions,
# pronouns and status words.
_NOT_NOMINAL_TAGS = frozenset(("a", "ad", "an", "v", "vd", "d", "b", "c", "p", "r", "z"))


@dataclass(frozen=True)
class _DictionaryWords:
    """The word sets the name rules take from jieba's dictionary (read once, in one pass)."""

    common: frozenset[str]
    """Words of 2-4 characters that start with a family name and are not tagged as a person's name (nr, nrfg, nrt):
    尚未 (an adverb), 未来, 常常, 方向 …. Such a word before a verb (人类尚未意识到) is no person's name."""
    two_characters: frozenset[str]
    """Two-character words not tagged as a person's or a place's name (每天, 一直, 今天, 形成, 网文)."""
    non_nominal_openings: frozenset[str]
    """Two-character words that start with a family name and are an adjective, a verb, an adverb or another word that
    is no noun (高兴, 尚未, 关注): a three-character run that opens with one (高兴所 in 神不高兴所以下雪) is that word and
    the next character, not a family name and a given name."""
    transliterated: frozenset[str]
    """Words of four characters or more spelt only in transliteration characters and not tagged as a person's name
    (阿里巴巴, a company): such a word before a verb is no foreign name."""
    word_openings: frozenset[str]
    """The first two characters of every word of two characters or more (相当, 语重 of 语重心长): where a word may start."""
    adverbs: frozenset[str]
    """Two-character adverbs (几乎, 随即): after a name they open its sentence's adverbial, not the name's third character."""
    idioms: frozenset[str]
    """Four-character idioms (开宗明义, 语重心长, tagged i): between a name and its verb they tell how the person spoke."""
    manners: frozenset[str]
    """Two-character adjectives (犀利, 尖锐, 冷静, tagged a / ad): between 他 or a name and its verb they tell how the person
    spoke (他犀利指出)."""


@lru_cache(maxsize=1)
def _dictionary_words() -> _DictionaryWords:
    from knowledge.search.lexicon import default_dictionary_path

    starts = SURNAMES | {c[0] for c in COMPOUND_SURNAMES}
    letters = set(_TRANSLITERATION)
    common: set[str] = set()
    two: set[str] = set()
    openings: set[str] = set()
    transliterated: set[str] = set()
    word_openings: set[str] = set()
    adverbs: set[str] = set()
    idioms: set[str] = set()
    manners: set[str] = set()
    with default_dictionary_path().open(encoding="utf-8") as dictionary:
        for line in dictionary:
            parts = line.split()
            if len(parts) != 3:
                continue
            word, tag = parts[0], parts[2]
            person = tag.startswith("nr")
            if 2 <= len(word) <= 4 and word[0] in starts and not person:
                common.add(word)
            if len(word) == 2 and not tag.startswith(("nr", "ns")):
                two.add(word)
            if len(word) == 2 and word[0] in starts and tag in _NOT_NOMINAL_TAGS:
                openings.add(word)
            if len(word) >= 4 and not person and set(word) <= letters:
                transliterated.add(word)
            if len(word) >= 2:
                word_openings.add(word[:2])
            if len(word) == 2 and tag == "d":
                adverbs.add(word)
            if len(word) == 4 and tag == "i":
                idioms.add(word)
            if len(word) == 2 and tag in ("a", "ad"):
                manners.add(word)
    return _DictionaryWords(
        frozenset(common),
        frozenset(two),
        frozenset(openings),
        frozenset(transliterated),
        frozenset(word_openings),
        frozenset(adverbs),
        frozenset(idioms),
        frozenset(manners),
    )


def _dotted_last_part(name: str) -> str:
    """The last part of a dotted foreign name (奥特曼 of 萨姆·奥特曼); a name without a dot is itself."""
    return re.split(f"[{_NAME_DOTS}]", name)[-1].strip()


def _ends_in_word(name: str) -> bool:
    """Whether a dotted name's last part, longer than two characters, ends in a common word (傅每天)."""
    last = _dotted_last_part(name)
    return len(last) > 2 and last[-2:] in _dictionary_words().two_characters


def _transliterated_ending(prefix: str, things: frozenset[str] | set[str] = frozenset()) -> str | None:
    """A foreign name spelt without a dot at the end of ``prefix`` (维特根斯坦), where a word starts, unless the glossary
    (``things``) or the dictionary has it as a company, a product or another word."""
    found = _TRANSLITERATED_NAME.search(prefix)
    if (
        found is None
        or found.group(0) in _dictionary_words().transliterated
        or any(t.endswith(found.group(0)) for t in things)
    ):
        return None
    # A public office before it (前局长 / 署长) marks where it starts as a title does.
    if not re.search(rf"(?:^|[^\u4e00-\u9fff]|{_TITLE_BEFORE}|{_OFFICE_BEFORE})$", prefix[: found.start()]):
        return None  # inside a longer run of characters: no word starts there
    return found.group(0)


def _plausible_name(candidate: str) -> bool:
    """Whether ``candidate`` reads as a Chinese personal name: a family name and one or two characters, none of them a
    pronoun or a particle, not a common word of another kind (尚未, 常常; the registry's names are looked up first), and
    not three characters that open with an adjective, a verb or an adverb of two (高兴所)."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", candidate) or any(ch in _NOT_IN_NAME for ch in candidate):
        return False
    if candidate in _dictionary_words().common or _OPENS_WITH_GROUP_COUNT.match(candidate):
        return False
    if re.fullmatch(_PERSON_NOUN, candidate):
        return False  # 富翁 / 富豪: the dictionary tags them as names, but they say what a person is (这位富豪说)
    if len(candidate) == 3 and candidate[:2] in _dictionary_words().non_nominal_openings:
        return False  # 高兴所: an adjective (高兴) and the next character, not 高 and a given name
    family, given = _family_and_given(candidate)
    if given in _TIME_WORDS:
        return False  # 于去年 / 于近日: the preposition 于 before a time word, not 于 and a given name
    if given in _MODAL_WORDS:
        return False  # 工程师可以…: a trade noun's last character (师) before the modal, not 师 and a given name
    # The word an organisation's name ends with (某江大学回应 / 某山集团表示): the end of a body's name, not a given name
    # after a family name's character.
    if given in _BODY_WORDS:
        return False
    # Three characters ending in 社, as a news agency or a press is named (某博社分析指出 / 某林社报道称): an outlet, which
    # a given name does not end with.
    if len(candidate) == 3 and candidate.endswith("社"):
        return False
    return (family in SURNAMES or family in COMPOUND_SURNAMES) and 1 <= len(given) <= 2


# Three characters where a sentence starts, right before a verb of speech (。某某某解释称 / 某某某也提到).
_OPENING_BEFORE_SPEECH = re.compile(
    r"(?:^|(?<=[。!?！？”」\s]))(?P<who>[\u4e00-\u9fff]{3})(?:也|还|则|又)?"
    r"(?:解释|表示|指出|认为|坦言|直言|强调|分析|提到|说|称)",
    re.M,
)


# Two characters where a sentence starts, right before a verb of speech (。某阳指出,…).
_OPENING_BEFORE_SPEECH_TWO = re.compile(
    r"(?:^|(?<=[。!?！？”」\s]))(?P<who>[\u4e00-\u9fff]{2})(?:也|还|则|又)?"
    r"(?:解释|表示|指出|认为|坦言|直言|强调|分析|提到|说|称)",
    re.M,
)


# Words an organisation's name ends with, never a person's given name.
_BODY_WORDS = frozenset(("大学", "学院", "中学", "小学", "公司", "集团", "银行", "医院", "协会", "学会"))


# Time words that may follow a character that is also a family name (于去年提出… / 于近日发布…): never a given name.
_TIME_WORDS = frozenset(
    ("去年", "今年", "明年", "前年", "后年", "近日", "日前", "近期", "近年", "昨日", "今日", "明日", "当天", "当日", "当年",
     "上月", "本月", "下月", "上周", "本周", "下周", "年初", "年底", "年末", "月初", "月底")
)  # fmt: skip


# Modal verbs that may follow a character that is also a family name (工程师可以… / 医师应该…): never a given name.
_MODAL_WORDS = frozenset(("可以", "可能", "应该", "应当", "能够", "需要", "必须", "愿意", "得以", "足以"))


def _place_spelt_as_name(candidate: str) -> bool:
    """Whether ``candidate`` is two characters the dictionary has only as a place's name (a family name's character, then
    one more: a city), no pronoun or particle in it: a name in every way but the dictionary's tag."""
    words = _dictionary_words()
    return (
        len(candidate) == 2
        and candidate[0] in SURNAMES
        and not any(ch in _NOT_IN_NAME for ch in candidate)
        and candidate in words.common  # no person's name (nr) …
        and candidate not in words.two_characters  # … and no common word: a place's (ns)
    )


# Function words' characters that are common in given names too (郭为 / 李为民 / 张建中 / 刘向东).
_GIVEN_NAME_FUNCTION_CHARS = "为中向"


def _plausible_name_holding_function_char(candidate: str) -> bool:
    """Whether ``candidate`` reads as a Chinese name but for 为 or 中 in its given part (郭为 / 李为民 / 张建中): a family
    name of one character and one or two more, no other pronoun or particle, and no word of the dictionary (成为 / 高中)."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,3}", candidate):
        return False
    if not any(ch in _GIVEN_NAME_FUNCTION_CHARS for ch in candidate[1:]):
        return False
    if any(ch in _NOT_IN_NAME and ch not in _GIVEN_NAME_FUNCTION_CHARS for ch in candidate):
        return False
    words = _dictionary_words()
    if candidate in words.common or candidate in words.two_characters or candidate[:2] in words.two_characters:
        return False
    return candidate[0] in SURNAMES


# A word that counts a group of people (不少 / 许多 / 多位 …): what follows it is a role (不少高管认为), not one person's name.
_GROUP_COUNT_WORDS = (
    r"(?:不少|许多|很多|多位|多名|一些|部分|多数|少数|有些|有的|众多|诸多|几位|数位|各位|各家|一众|大批)"
)
_GROUP_COUNT = re.compile(rf"{_GROUP_COUNT_WORDS}$")
# Nor is the word and what follows it a name, though its first character is a family name (许多人 / 诸多专家).
_OPENS_WITH_GROUP_COUNT = re.compile(rf"^{_GROUP_COUNT_WORDS}")
# The demonstrative 该 where a word starts (…,该某某全面总结了…): it points back to a thing or a body the text named
# (该报告 / 该公司), never to a person by name, so what follows it is no name.
_POINTING_BACK = re.compile(r"(?:^|(?<=[^\u4e00-\u9fff]))该$")


def new_name_ending(prefix: str, stands_alone: Callable[[str], bool] | None = None) -> str | None:
    """A Chinese personal name (family name + one or two characters) at the end of ``prefix``, not after a word that
    counts a group (不少高管: 高管 is a role, not 高 and a given name).

    When both the last three and the last two characters read as a name (老师王强: 师 and 王 are both family
    names), the shorter wins, unless the text writes the longer one as a word of its own somewhere and never
    the shorter (梁文锋 at a paragraph's start, 文锋 only ever after 梁): the longest name the text uses wins.
    """
    name = _new_name_ending(prefix, stands_alone)
    if name is not None and (_GROUP_COUNT.search(prefix[: -len(name)]) or _POINTING_BACK.search(prefix[: -len(name)])):
        return None
    return name


def _starts_inside_word(prefix: str, size: int) -> bool:
    """Whether a name of ``size`` characters at the end of ``prefix`` would start on the second character of a word of
    the dictionary (形成鲜明: 形成 is a verb; 网文小说: 网文 is a noun), unless a title or a post right before it marks where
    the name starts (董事长成某某: 长成 is a verb too)."""
    before = prefix[:-size]
    if not before or re.search(rf"{_TITLE_BEFORE}$", before):
        return False
    return before[-1] + prefix[-size] in _dictionary_words().two_characters


def _new_name_ending(prefix: str, stands_alone: Callable[[str], bool] | None) -> str | None:
    name = _read_name_ending(prefix, stands_alone)
    if name is not None and _starts_inside_word(prefix, len(name)):
        # The three characters start inside a word: the last two may still be a name of their own.
        two = prefix[-2:]
        return two if len(name) == 3 and _plausible_name(two) and not _starts_inside_word(prefix, 2) else None
    return name


# A scholar's or an expert's calling written before a name (知名学者某某某 / 经济学家某某某): no family name ends it, so
# it marks where a name of three characters starts, even when the name's second character is a family name too.
# An analyst's calling too (某行分析师某某某·某某): the dotted name after it starts right there, its first part whole.
_SCHOLAR_BEFORE = r"(?:学者|学家|专家|作家|分析师)"
# A board member's post (执行董事 / 独立董事) marks where a dotted name starts as 董事长 does. Only for a dotted name:
# before a name in characters, 董事 cut off at a prefix's end would read 董事长孙某 as 董事 and 长孙某.
_DOTTED_POST = rf"{_TITLE_BEFORE}|{_HOST_ROLE}|{_SCHOLAR_BEFORE}|董事(?![会长])"


# A post's last character, as a post ends (技术长 / 策略长 / 所长, 首席技术官 / 外交官): right before three characters that
# read as a name, it marks where the name starts.
# So does 得主, a prize's winner as a report writes it before the name (某奖得主某某某).
_POST_END = re.compile(rf"(?:{_TITLE_BEFORE}|[长官]|{_SCHOLAR_BEFORE}|得主)$")
# So does a board's or a council's seat that ends in 事 (某院原参事 / 某会理事 / 董事 / 监事), its holder's name right after it
# (参事钱全某): 事 is no family name, so the three characters are the name though the second is a family name too. Not
# three that open with 长 (董事长孙某 / 理事长孙某): 长 closes the post there, whatever 长孙 is as a family name.
_SEAT_END = re.compile(r"(?:参事|理事|董事|监事)$")


# An organisation's name as it ends (某某师范大学 / 某某研究院 / 某某集团), right before three characters that read as a
# name (某某大学杨宗某教授), marks where the name starts as a post does: its last character is no family name.
_ORGANISATION_END = re.compile(r"(?:大学|学院|研究院|研究所|医院|公司|集团|银行|协会|学会)$")


# Prepositions that often follow a name of three (某某某以…为题作报告 / 某某某于…出席), which a given name rarely ends with.
_AFTER_NAME_PREPOSITIONS = "以于"


def _read_name_ending(prefix: str, stands_alone: Callable[[str], bool] | None) -> str | None:
    three, two = prefix[-3:], prefix[-2:]
    # A compound family name that is no common word and a given name of two (会长欧阳某某): 阳 is a family name too, but
    # the three characters after 欧 are no name of their own where the four start a word (the text's start, a mark, or
    # a post right before them).
    four = prefix[-4:]
    if (
        four[:2] in COMPOUND_SURNAMES
        and four[:2] not in _dictionary_words().two_characters  # 东方 is a word too (东方某某 a company)
        and _plausible_name(four)
        and re.search(rf"(?:^|[^\u4e00-\u9fff]|{_TITLE_BEFORE}|[长官])$", prefix[:-4])
    ):
        return four
    # A married name as Hong Kong writes it (校长陈林某某): the husband's family name, then her own, then her given name of
    # two, right after a post or an organisation's name that marks where it starts. Read as three, the husband's family
    # name would be lost; so the four characters are one name when both of its first two are family names, the last three
    # read as a name and neither half is a word of the dictionary. Not when the fourth is the preposition a name is often
    # followed by (主任某某某以…为题 / 某某某于…): that is a name of three before the preposition.
    words = _dictionary_words()
    if (
        len(four) == 4
        and four[-1] not in _AFTER_NAME_PREPOSITIONS
        and four[0] in SURNAMES
        and four[0] not in _NOT_IN_NAME
        and _plausible_name(four[1:])
        and four[:2] not in words.two_characters
        and four[2:] not in words.two_characters
        and (_POST_END.search(prefix[:-4]) or _ORGANISATION_END.search(prefix[:-4]))
    ):
        return four
    longer_used = stands_alone is not None and _plausible_name(three) and stands_alone(three) and not stands_alone(two)
    # "技术长郭景明": 景 is a family name too, but the post right before 郭 marks where the name starts.
    after_post = bool(
        _POST_END.search(prefix[:-3])
        or _ORGANISATION_END.search(prefix[:-3])
        or (_SEAT_END.search(prefix[:-3]) and three[0] != "长")
    )
    longer_used = longer_used or after_post
    # "老师王强": 师 could be a family name, but a common family name right after it is the real start.
    if _plausible_name(three) and (three[1] not in SURNAMES or longer_used):
        return three
    if _plausible_name(two):
        return two
    if _plausible_name(three):
        return three
    return None


# Degree adverbs of one character that open a manner adverbial (很感慨地 / 颇为 …).
_DEGREE = "很最更颇挺极太真蛮"


def _without_manner(prefix: str, names: Names) -> str:
    """``prefix`` without the shortest "…地/…的" adverbial after which a name ends, if there is one. The adverbial starts
    where a word does (相当坦诚地: 相当 opens a word of the dictionary, 当坦 none), so it does not take a name's last
    character for its own (孙立相当坦诚地 is 孙立 and 相当坦诚地)."""
    # Never longer than the prefix: "谈到自动驾驶,李彦宏表示" has nothing before its first verb, 谈到.
    for size in range(2, min(_MANNER_CHARS, len(prefix)) + 1):
        adverbial = prefix[-size:]
        opens_word = adverbial[0] in _DEGREE or adverbial[:2] in _dictionary_words().word_openings
        if (
            adverbial[-1] in "地的"
            and re.fullmatch(r"[\u4e00-\u9fff]+", adverbial)
            and opens_word
            # A linking adverb may stand between the name and the adverbial (某某还乐观地表示).
            and names.name_ending(_ADVERBS.sub("", prefix[:-size]))
        ):
            return prefix[:-size]
    # How the person looked as they spoke, a short verb with 着 (某某笑着说 / 某某微笑着说 / 她苦笑着表示): the manner, not the
    # name's end, when a name ends right before it.
    for size in range(2, min(4, len(prefix)) + 1):
        if re.fullmatch(r"[\u4e00-\u9fff]+着", prefix[-size:]) and names.name_ending(_ADVERBS.sub("", prefix[:-size])):
            return prefix[:-size]
    return prefix


# A verb that opens a later clause, at most after a linking adverb (他拒绝谈论估值,反而坦承…): its subject is the
# sentence's, a pronoun for one person or a known name that opens it, or else the one that opens the clause before.
# So does one after the interview it was said in, with no subject of its own (某某今日出席…活动,接受媒体访问时指出,…).
# A manner adverb may stand between the link and the verb (…,称赞某某…,并迅速意识到…): how soon, not who; so may
# one of how soon the words came once the talk began (…与某某通话,上来就直接抛出一句:…).
_CLAUSE_OPENS = re.compile(
    r"[,，](?:反而|却|而|并|但|也|还|则|更|又|同时|随后|随即|继而)?(?:迅速|很快|立即|立刻|马上|早已|早就|一?上来(?:就|便)?(?:直接)?)?"
    r"(?:接受[^,，。:：;；“”「」]{1,20}?(?:采访|访问|专访)时)?$"
)
_LEADING_SAYING = re.compile(r"^[“「『][^“”「」『』]{1,40}[”」』][,，]\s*")
_LEADING_TIME = re.compile(
    r"^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:晚间|晚|上午|下午|早间)?|今天|昨天|今日|昨日|当天|当日|随后|此后|之后)[,，]?\s*"
)
# Verbs that put forward or present what the person says, a view or an account, after a clause whose subject is the
# person named after a post (…院长某某教授聚焦…,提出…): read to that person as verbs of opinion are.
_PUTS_FORWARD = frozenset(("提出", "介绍"))
# A conjunction that opens a sentence, turning from the one before (但某某多次批评…,称…): the subject follows it.
_LEADING_BUT = re.compile(r"^(?:但是?|然而|不过|可是)(?![,，])")
# A sentence set in the speech or the interview the text tells of, with no subject of its own (演讲中明确反对…).
_IN_THE_SPEECH = re.compile(r"^(?:在)?(?:此次|这次|本次)?(?:演讲|讲话|发言|采访|访谈|对话)中")
_SUBJECT_PRONOUN = re.compile(r"^(?:他|她)(?![们的所])")  # not 他们, nor 他的团队 / 他所在的公司


def _sentence_subject(
    sentence: str, names: Names, last: Speaker | None, after_role: bool = False
) -> tuple[Speaker | None, str]:
    if _SUBJECT_PRONOUN.match(sentence):
        return last, f"{sentence[0]}({last.zh})" if last else ""
    # An epithet the sentence opens with, before the name it describes (素有「某某王」之称的某某 / 被誉为…的某某): the
    # name after it is the subject.
    sentence = _LEADING_EPITHET.sub("", sentence)
    # A Latin name with the Chinese one the text goes on using in brackets after it (Jane Doe(某某)最近…): the Chinese
    # name is the subject, the person the text's later sentences name.
    if (glossed := _LATIN_GLOSSED.match(sentence)) and names.name_ending(glossed.group("zh")) == glossed.group("zh"):
        return names.speaker(glossed.group("zh")), glossed.group(0)
    # With ``after_role``, the name may follow its organisation and post (某某创投合伙人某某近期…,认为…): the post marks
    # where it starts.
    role = _LEADING_ROLE.match(sentence) if after_role else None
    # A full Latin name after the post is the subject whatever the verb (坐在某某旁边的某公司总裁 Jane Doe 感谢…,表示…):
    # two capitalised words name the person where two Chinese characters might open a word.
    if (
        not after_role
        and (posted := _LEADING_ROLE.match(sentence))
        and (latin := _latin_after_post(sentence[posted.end() :]))
    ):
        return names.speaker(latin), latin
    for start in (0, role.end()) if role else (0,):
        rest = sentence[start:]
        for name in sorted([*names.by_name, *names.found], key=len, reverse=True):
            if rest.startswith(name) and not rest[len(name) :].startswith(("的", "和", "与", "及", "、")):
                return names.speaker(name), name
        # A full name in Latin letters right after the post, perhaps after a blank (某公司总裁 Jane Doe 更是…,并…), or
        # opening the sentence (Jane Doe则一如既往地…,认为…): the person, as a Latin name before a verb is; not a
        # company's name of two capitalised words.
        if latin := _latin_after_post(rest):
            return names.speaker(latin), latin
        if start:
            # A name the text has not learned yet, right after the post (某公司副总经理某某某分享了…,并指出…): the post
            # marks where it starts; three characters unless the third opens a word with the next.
            words = _dictionary_words().two_characters
            for size in (3, 2):
                name = rest[:size]
                if (
                    _plausible_name(name)
                    and (new_name_ending(name) == name or (size == 3 and _three_after_post(rest, words)))
                    and not rest[size:].startswith(("的", "和", "与", "及", "、", "们"))
                    # 以 / 就 right before a work's title mark is the preposition that takes the title (某某以《…》为题):
                    # the name is the two characters before it.
                    and not (size == 3 and _PREPOSITION_BEFORE_TITLE.match(rest[2:]))
                    # …unless a word starts right after the three as well (院士某某福分享: 福分 is a word, but so is 分享).
                    and not (
                        size == 3 and name[-1] + rest[size : size + 1] in words and rest[size : size + 2] not in words
                    )
                ):
                    return names.speaker(name), name
    return None, ""


# 以 / 就 right before a title mark (某某以《…》为题发言 / 某某就「…」作报告): a preposition taking the work's title, no
# given name's last character.
_PREPOSITION_BEFORE_TITLE = re.compile(r"[以就][《「『“]")


# A later part may hold a capital inside it, as a surname after Mc / Le / De does (Jane McArdle, Yann LeCun). An
# honorific before it (某实验室负责人Dr. Jane Doe展示…) is the post's too: the name after it is the person's.
_LATIN_AFTER_POST = re.compile(
    rf"\s?{_HONORIFIC}(?P<name>[A-Z][{_LATIN_LOWER}]+(?:[ ·][A-Z\u00c0-\u00d6\u00d8-\u00de][{_LATIN_LOWER}]+(?:[A-Z][{_LATIN_LOWER}]+)?){{1,2}})"
    r"(?![A-Za-z])\s?"
)


def _latin_after_post(rest: str) -> str | None:
    """The full Latin name that opens ``rest``, right after a post, unless it names a company or the text goes on to
    modify or list it (Jane Doe 的团队 / Jane Doe 和…)."""
    latin = _LATIN_AFTER_POST.match(rest)
    if latin is None or _LATIN_ORG.search(latin.group("name")) or rest[latin.end() :].startswith(("的", "和", "与")):
        return None
    return latin.group("name")


# One-character adverbs and prepositions that may stand right after a name of two (某某则表示 / 某某曾在…): never the
# last character of a name of three read after a post.
_AFTER_NAME_CHARS = "则曾更亦均也还就都又在将已正等从对向以于为被把首近今昨再便即仍"


def _three_after_post(rest: str, words: frozenset[str]) -> bool:
    """Whether the three characters that open ``rest``, right after a post, are one name though their middle one is a
    family name's character too (校长某路明分享了…: 路明 reads as a name alone): the post marks where the name starts, a
    word of the dictionary opens right after the three, and the third is no adverb or preposition (某某则表示)."""
    return rest[2:3] not in _AFTER_NAME_CHARS and rest[3:5] in words


# An epithet opening a sentence, what the person is known or praised as, then 的 (素有“…”之称的 / 被誉为“…”的 / 人称…的).
_LEADING_EPITHET = re.compile(r"^(?:素有|素来有|享有|人称|被誉为|被称为)[^,，。:：;；]{1,20}?(?:之称|美誉|称号)?的\s*")
_LATIN_GLOSSED = re.compile(r"^[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*)*\s*[(（](?P<zh>[\u4e00-\u9fff·]{2,8})[)）]")
# A post before the name, and a second one it is held with (某集团创办人兼某公司董事长某某), or a list of posts set off by
# 、 (某科学院院士、某大学校长某某): the name follows the last. A later post's organisation may run as long as the first's
# (某科学院院士、某大学食品科学与营养工程学院院长某某).
_LEADING_ROLE = re.compile(
    rf"^[^,，。:：;；“”「」『』]{{0,20}}?{_TITLE_BEFORE}(?:[兼、][^,，。:：;；“”「」『』]{{0,20}}?{_TITLE_BEFORE})*"
)


# What may follow a clause's opening name without making it its subject: another name joined to it (某甲和某乙…), or a
# noun it owns (某甲的同事某乙…).
_NOT_SUBJECT_AFTER = "和与及、跟同的"
# ...unless what the name owns is a view set against the other's (某甲的观点与某乙不同,在他看来…): a view is no person,
# so the clause still has 某甲 as its subject and 某乙 only as what the view is compared with.
_VIEW_COMPARED = re.compile(r"^的(?:观点|看法|想法|立场|态度|主张|判断|思路|理念|见解)(?:则|却|也|就)?(?:与|和|跟|同)")


def _clause_subject_naming(text: str, named: str, names: Names) -> str | None:
    """The person whose name opens the clause of ``text`` that names ``named`` later, as its object (某甲赞扬某乙的领导,
    他指出…): 他 in the clause after is that clause's subject, 某甲, not the person named last; None when the clause
    opens with ``named`` or with no name."""
    at = text.rfind(named)
    start = max(text.rfind(mark, 0, at) for mark in ",，;；。!！?？") + 1
    clause = text[start:]
    mentioned = names.all_mentioned(clause)
    if len(mentioned) < 2 or mentioned[0][0] != 0:
        return None
    subject = mentioned[0][1]
    after = clause[len(subject) :]
    if subject == named or (after[:1] in (*_NOT_SUBJECT_AFTER, "") and not _VIEW_COMPARED.match(after)):
        return None
    return subject


def _clause_subject(prefix: str, names: Names, last: Speaker | None) -> tuple[Speaker, str] | None:
    """The subject that opens the last clause of ``prefix`` (a pronoun for one person or a known name), when at
    most a few characters of manner or time stand between it and the verb, none of them 的 / 们 (他身边的人说)."""
    clause = re.split(r"[,，;；:：—]", prefix)[-1]
    subject, how = _sentence_subject(clause, names, last)
    if subject is None:
        return None
    middle = clause[1:] if how.startswith(("他(", "她(")) else clause[len(how) :]
    if not middle or len(middle) > _MANNER_CHARS or re.search(r"[的们和与及、\s]", middle):
        return None
    return subject, how


def _listed_persons_name(head: str, rest: str, words: frozenset[str]) -> str | None:
    """The name of two or three characters that opens ``head`` (right after a company), family name first and no
    pronoun or particle in it; three unless the third opens a word with the character after it (冯某指出: 指出)."""
    text = head + rest
    for size in (3, 2):
        name = text[:size]
        if len(name) < size or not re.fullmatch(r"[\u4e00-\u9fff]+", name) or any(c in _NEVER_IN_NAME for c in name):
            continue
        if name[0] not in SURNAMES or text[size : size + 1] in ("的", "、", "和", "与", "及"):
            continue
        if size == 3 and _VERB.match(text[2:]):
            continue  # 冯某指出: the verb starts on the third character
        if not re.match(r"[\u4e00-\u9fff]", text[size : size + 1]):
            continue  # a name opens a clause whose verb follows it
        if new_name_ending(name) == name:
            return name
        if size == 3 and not _VERB.match(text[2:]) and not {name[:2], name[1:], name[2] + text[3:4]} & words:
            return name  # a given name with a character the plain reading refuses (陈德里), no word inside it
    return None


# A clause that opens with a verb of speech and no subject (…,表示… / …,并称…): its subject is the sentence's.
_BARE_VERB_CLAUSE = re.compile(r"[,，](?:并|还|也|同时)?(?:表示|称|指出|强调|认为|透露)")
# The parts after a foreign name's first one, from its middle dot on, each spelt in transliteration characters.
_DOTTED_REST = re.compile(rf"(?:[ \u00a0]?[{_NAME_DOTS}][ \u00a0]?[{_TRANSLITERATION}]{{1,6}}){{1,3}}")


def _subject_name(sentence: str) -> str | None:
    """The Chinese name that opens the sentence's subject, in its first two clauses: at its start, after the comma
    that ends a setting (在…中,某某反复读了…), or after the 的 of a relative clause before it (…成为网红的某某医生); not
    a name the sentence goes on to modify or list (某某的团队 / 某某和…). A name of three characters whose last one
    opens a word with the next (孙立反复: 反复) is two."""
    clauses = re.split(r"(?<=[,，])", sentence)
    head = "".join(clauses[:2])
    starts = sorted({0, *(m.end() for m in re.finditer(r"[,，的]", head))})
    words = _dictionary_words().two_characters
    for start in starts:
        for size in (3, 2):
            candidate, after = head[start : start + size], sentence[start + size :]
            if len(candidate) < size or not _plausible_name(candidate) or re.match(r"[的和与及、们]", after):
                continue
            # A name dot right after it (…的马克·某某也…): the characters are a foreign name's first part, not a
            # Chinese name of their own; the subject is the whole dotted name, spelt in transliteration characters.
            if re.match(rf"[ \u00a0]?[{_NAME_DOTS}]", after):
                rest = _DOTTED_REST.match(after)
                return candidate + rest.group(0) if rest else None
            if size == 3 and candidate[-1] + after[:1] in words:
                continue
            # 孙立曾是… / 孙立曾任…: after a name of two, 曾 (once) is the adverb before the verb, not a given name's
            # last character, though it is a family name too.
            if size == 3 and candidate[-1] == "曾" and _plausible_name(candidate[:2]):
                continue
            # 某某副教授 / 某某副院长: after a name of two, 副 (deputy) opens the title or the post written after the name,
            # not a given name's last character.
            if size == 3 and candidate[-1] == "副" and re.match(rf"{_TITLE_BEFORE}|{_SHORT_TITLE}|总", after):
                continue
            ending = new_name_ending(candidate)
            if ending is not None and candidate.endswith(ending):
                # A foreign name spelt without a dot whose first syllable is a family name's character (吴德林格 as a
                # paper may spell one): three or more transliteration characters right after it are one name, not a
                # Chinese name of three and a stray character.
                foreign = re.match(rf"[{_TRANSLITERATION}]{{3,5}}(?![{_TRANSLITERATION}])", head[start + 1 :])
                if size == 3 and foreign is not None:
                    return head[start] + foreign.group(0)
                return candidate
    return None


def _without_setting(prefix: str, names: Names) -> str:
    """``prefix`` without the setting at its end (对此 / 向记者 / 在会上), unless taking it off would swallow the name:
    in "对此王某表示" or "…对话负责人王某透露" the setting's pattern (对… / 向…) runs over the name itself, so a setting
    is taken off only when a name ends what is left, or none ended the prefix."""
    # 他 / 她 after a description (曾身为创业家的他 / 作为老兵的她) is the subject: the description is no setting (为… /
    # 作为…) to take off, and what it leaves before 为 (曾身) no name.
    if re.search(r"的(?:他|她)$", prefix):
        return prefix
    unset = _SETTING.sub("", prefix)
    # A name holding 向 / 对 (某向东对记者表示 / 某向东在会上提出): the setting read from inside it would take the name's end
    # with it; the setting that starts right after a name the text knows, with 对 / 向 or 在, is the one.
    if unset != prefix and not names.name_ending(unset):
        for at in (m.start() for m in re.finditer(r"[对向在]", prefix)):
            if at > len(unset) and _SETTING.fullmatch(prefix[at:]) and names.name_ending(prefix[:at]):
                return prefix[:at]
    if unset != prefix and unset.endswith((",", "，")) and names.name_ending(unset[:-1]):
        return unset[:-1]  # a comma setting the subject off from the setting (某某,向记者表示)
    # Two settings in a row (某某在问答环节向总统某某表示): when the first one is left after the addressee's is taken off,
    # it goes too, and the name before both speaks, not the addressee named nearest the verb.
    if unset != prefix and not names.name_ending(unset):
        twice = _SETTING.sub("", unset)
        if twice != unset and names.name_ending(twice):
            return twice
    # An adverb between the name and the setting (某某也对总统某某呼吁): the name before it, not the addressee's in it, speaks.
    if unset != prefix and (
        names.name_ending(unset) or names.name_ending(_ADVERBS.sub("", unset)) or not names.name_ending(prefix)
    ):
        return unset
    return prefix


# Even the person, opening the sentence and set off by a comma (即便是某某, / 就连某某,): the subject of the clause after.
_EVEN_PERSON = re.compile(r"(?:即便是|即使是|就连|甚至连|甚至是)\s*(?P<who>[^,，。:：;；“”「」]{2,30}?)\s*[,，]")


# 老 and a family name opening the clause before the verb (老黄认为 / 而老王表示): a familiar name for the one person of
# that family the text names in full; not 老板 / 老师 (a teacher, though 师 is a family name too).
_FAMILIAR = re.compile(
    rf"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[而但则也]))老(?!师)(?P<family>[{''.join(sorted(SURNAMES))}])$"
)


# A time clause whose subject is the speaker's (当他读到那篇论文时意识到 / 当某某回到公司时发现): the subject stays, the
# rest of the clause goes.
_WHEN = re.compile(r"当(?P<rest>[^,，。:：;；]{2,30}?)时$")


# The same clause without 当, opened by the speaker's name right before the verb (某某勾勒未来的生活时指出,…); up to 48
# characters, for a long epithet, organisation and post before the name (历经多次起落的业界老将-某集团创办人兼某公司董事长某某
# 日前接受专访时坦言,…). The clause may open right after a closed quotation, as the attribution of its words
# (“…。”某大学研究员某某接受专访时表示。).
_BARE_WHEN = re.compile(r"(?:^|[,，;；”」』])(?P<rest>[^,，。:：;；“”「」]{3,48}?)时$")


# Talking with someone, between the speaker and the verb (某某与某公司主席某某对谈时表示 / 他和…会面时指出): the one who
# speaks is the subject before 与, not the partner named nearest the verb.
_MET_WITH = re.compile(
    r"(?P<who>[^,，。:：;；“”「」『』与和同跟]{1,30})(?:与|和|同|跟)[^,，。:：;；“”「」『』]{2,40}?"
    r"(?:对谈|对话|会面|会谈|座谈|谈话|连线|会见|通话)(?:时|中|期间)?"
    # …and the act that names the words said before (某某与某某对谈时做出上述判断 / …会面时作出以上表示): the subject made it.
    r"(?:(?:做出|作出|做|作|发表)了?(?:上述|以上|这番|这一|前述))?$"
)


# Asked a question, between the speaker and the verb (某某被问及…时称 / 他被记者问到…时表示): the one asked answers; the
# question may hold quotation marks and commas of its own.
_ASKED_WHEN = re.compile(
    r"(?:^|[,，;；])(?P<who>[^,，。:：;；“”「」]{1,20}?)被(?:记者|主持人|媒体|观众|网友)?问(?:及|到|起)?[^。:：;；]{1,50}?时$"
)


def _without_when(prefix: str, names: Names) -> str:
    asked = _ASKED_WHEN.search(prefix)
    if asked and (names.name_ending(asked.group("who")) or asked.group("who")[-1] in "他她"):
        return prefix[: asked.end("who")]
    met = _MET_WITH.search(prefix)
    if met and (names.name_ending(met.group("who")) or met.group("who")[-1] in "他她"):
        return prefix[: met.end("who")]
    when = _WHEN.search(prefix) or _BARE_WHEN.search(prefix)
    if when is None:
        return prefix
    rest = when.group("rest")
    if rest[0] in "他她" and not rest.startswith(("他们", "她们", "他的", "她的")):
        return prefix[: when.start()] + rest[0]
    name = names.mentioned(rest)
    if name and rest.startswith(name) and not rest[len(name) :].startswith(tuple(_MODIFIER_AFTER)):
        return prefix[: when.start()] + name
    if _LEADING_ROLE.match(rest):
        # The name after its organisation and post (某联盟理事长某某近日接受采访时表示): the post marks where it starts.
        subject, how = _sentence_subject(rest, names, None, after_role=True)
        if subject is not None and not rest.startswith(how):
            return prefix[: when.start()] + how
    return prefix


# 坦白说 / 老实说 opening a later clause and running on into what is said, with no comma after it (某某也不…,坦白说最早…
# 其实觉得…): the sentence's subject owning up, not the writer's aside (坦白说,…), which a comma sets off.
_CANDID = re.compile(r"[,，](?:坦白|老实)说$")

# The last clause after 回顾 opening with a list's conjunction (…,以及C。): what follows the verb is a list of topics.
_TOPICS_LOOKED_BACK_ON = re.compile(r"[,，、](?:以及|还有|及|和|与)[^,，。;；:：]*[。]?$")
# What a verb inside a list of topics leads to: a noun phrase ending in 的 and a noun, with no clause of its own.
_NAMED_THING = re.compile(r"[^,，;；:：“「『]{0,20}的[\u4e00-\u9fff]{1,4}[。]?\s*$")


def _speech_verbs(sentence: str) -> list[re.Match[str]]:
    """The speech verbs of ``sentence`` that are verbs of speech there (not 说明 / 称为, 的判断, 看到了观众, 知道)."""
    found: list[re.Match[str]] = []
    spoken = [(m.start(), m.end()) for m in _SPOKEN_PHRASE.finditer(sentence)]
    for match in _VERB.finditer(sentence):
        verb, prefix, after = match.group(0), sentence[: match.start()], sentence[match.end() : match.end() + 1]
        candid = bool(_CANDID.search(prefix + verb)) and after not in ",，:：、"
        if any(start <= match.start() and match.end() <= end for start, end in spoken) and not candid:
            continue  # 简单来说 / 换句话说: a way of putting it, not someone speaking (no 单来 or 简单来 says it)
        # 说明 hands words over when a comma or a colon follows it (他进一步说明,…: explaining); before its object it
        # shows (这说明了问题), and only a person's name or a pronoun before it makes a speaker of it.
        explains = verb == "说" and re.match(r"明[,，:：]", sentence[match.end() :]) is not None
        # 说道 hands words over as 说 does when a stop, a comma, a colon or a quotation follows it (某某…演讲时说道。 /
        # 他说道:“…”); before anything else 道 opens a word of its own (说道理).
        says = verb == "说" and re.match(r"道[。.!！,，:：“「『]", sentence[match.end() :]) is not None
        if verb in ("说", "称") and re.match(r"[明为作道呼号赞话服法]", after) and not explains and not says:
            continue  # 说明, 称为, 称作, 说话, 说服, 说法: not speech
        if verb == "说" and re.match(r"得(?:很|非常|太|完全)?(?:对|好|没错|有道理|在理)", sentence[match.end() :]):
            continue  # 我认为某某说得对: the speaker judges the other's words right; the view is the speaker's own
        # 可以说是 / 可说是 ("might be called"): the writer's way of describing whoever the sentence is about (某某可以说是
        # 这一行的老前辈), no one saying anything; read as speech, the name before it swallows 可以 as its last characters.
        if verb == "说" and after == "是" and prefix.endswith(("可以", "可")):
            continue
        if verb == "说" and prefix.endswith(("小", "传")):
            continue  # 小说 (a novel), 传说 (a legend): nouns, not speech (同学说 is still a classmate speaking)
        if verb == "称" and prefix.endswith(tuple("著堪简俗统昵名职对尊合总")):
            continue  # 以…著称 (known for), 堪称, 简称, 名称, 对称: words, not speech (并称 / 自称 still say something)
        # 分析师 / 评论员 / 评论家: a calling, the name of the person who holds it after it (某行分析师某某·某某指出), not
        # the outlet before it speaking.
        if verb in ("分析", "评论") and after in "师员家":
            continue
        if verb in _NOUN_AFTER_DE and prefix.endswith("的"):
            continue  # 的坚持, 的判断: a noun
        if verb in _BEFORE_COLON_ONLY and after not in ":：,，":
            continue  # 看到了观众: seeing, not a view
        if verb == "讲" and prefix.endswith(tuple("演宣开主听")):
            continue  # 演讲 / 宣讲 / 开讲 / 主讲 / 听讲: a talk named, not a person saying the words after it
        if verb == "举例" and after not in ":：,，。":
            continue  # 举例说 (说 is the verb) / 举例子: only the example handed over, or the quotation before it, is a view
        if verb == "表达" and after not in ":：,，" and not _STANCE_VOICED.match(sentence[match.end() :]):
            continue  # 表达能力 / 表达了感谢: no stance voiced
        if verb == "表明" and after not in ":：,，" and not _STANCE_SHOWN.match(sentence[match.end() :]):
            continue  # 表明身份: no stance made plain
        if verb == "持" and (prefix[-1:] in _NOT_HOLDING or not _STANCE_HELD.match(sentence[match.end() :])):
            continue  # 支持 / 坚持 / 持续增长: no stance held
        if verb == "回顾" and (
            _TOPICS_LOOKED_BACK_ON.search(sentence[match.end() :])
            or re.search(r"[与和跟同][\u4e00-\u9fff]{2,4}$", prefix)
        ):
            continue  # 回顾了A,B,以及C。: the topics looked back on; 她与某某回顾了…: two talking it over, no one's account
        if verb == "追溯" and not _TRACED_ORIGIN.match(sentence[match.end() :]):
            continue  # 追溯了家族的历史: an account of the past, no origin the person reads into it
        if verb == "对比" and re.search(r"[与和跟同][\u4e00-\u9fff]{1,6}$", prefix):
            continue  # 学界跟业界对比巨头…: two things set side by side (compared with), no one comparing aloud
        if verb == "道" and (after not in ":：" or prefix.endswith(_NOT_SAYING_DAO)):
            continue  # 知道 / 赛道, or 道 without the colon that hands over the words
        if verb == "形容" and (after in "为成词了" or re.search(r"(?:难以|无法|不可|可以|来|去|以|所)$", prefix)):
            continue  # 形容为 (a judgement rule's) / 形容词 / 难以形容 / 用来形容: no view handed over
        if verb == "描述" and re.search(r"(?:难以|无法|很难|不能|不易)(?:用[^,，。:：;；]{1,12}?)?(?:来|去)?$", prefix):
            continue  # 关系难以用几句话描述: what cannot be described, no one describing it
        if verb == "语出惊人" and after not in ":：":
            continue  # 某某最近又语出惊人,宣称…: the verb after the comma hands over the words
        if verb in ("赞扬", "称赞", "盛赞", "赞叹") and not re.match(r"\s*[:：]|\s*[“「『]", sentence[match.end() :]):
            continue  # 赞扬了团队 / 盛赞某某: praise with no words handed over
        if (
            verb == "指"
            and not re.match(r"[:：]?\s*[“「『]", sentence[match.end() :])
            and not (
                (_NAME_CLAUSE_END.search(prefix) or _WHEN_CLAUSE_END.search(prefix))
                and not re.match(_NOT_POINTING_OUT, after)
            )
        ):
            continue  # 指标 / 手指 / 所指: 指 hands over words only in quotation marks, or right after a name
        if after == "的" and (
            re.search(r"(?:其|他|她|所)$", prefix) or sentence[match.end() + 1 : match.end() + 2] in _OPEN_QUOTES
        ):
            continue  # 其提出的理念 / 某某强调的“…”口号: a thing the sentence tells of, not an act of speaking
        # A verb that is a noun as well (坚持 / 预测 / 主张) with 的 and a noun after it (某某坚持的路线则延续了… / 某某预测的
        # 前景): the verb tells which thing the sentence is about, a relative clause, not the person speaking; 的是
        # (某某强调的是…) still hands over a view.
        if (
            verb in _NOUN_AFTER_DE
            and after == "的"
            and re.match(r"[\u4e00-\u9fff]", sentence[match.end() + 1 : match.end() + 2])
            and not re.match(r"(?:是|话|时候|时|一样)", sentence[match.end() + 1 :])
        ):
            continue
        if re.search(r"(?:以及|还有|及其)(?:他|她)$", prefix) and _NAMED_THING.match(sentence[match.end() :]):
            continue  # 谈及…,以及他认为最重要的能力。: a thing in a list the sentence names, not his view
        found.append(match)
    return found


# 指 "points out" also hands over a clause with no quotation marks (…挑战,某某指人工智能带来的机遇非凡。) when a name
# of two to four characters, or 他 / 她, is all of its clause before it: Hong Kong papers write it so. Not where 指 starts
# a word of its own (某某指标 / 指向 / 指导 / 指出 / 指明 / 指的是), nor after a longer clause (这一数字指…).
_NAME_CLAUSE_END = re.compile(r"(?:^|[,，;；])\s*(?:[\u4e00-\u9fff]{2,4}|他|她)$")
# …and right after a clause telling when the person spoke (某某在某会上致辞时,指…): the clause's subject points it out.
_WHEN_CLAUSE_END = re.compile(r"(?:致辞|发言|演讲|讲话|受访|出席[\u4e00-\u9fff]{0,8})(?:时|之际)\s*[,，]$")
_NOT_POINTING_OUT = r"[标向导引定挥南数令出明责控示点望纹甲环针代称的着了摘教正]"


# A sentence framed by what the person has seen or thinks (在他的实际观察中,… / 在他的眼中,… / 据他观察,…): the
# person's view, as after 他认为.
# What things are to the person (于他而言,… / 对她来说,…) frames their judgement the same way; not 对他们而言 (several people).
_OWN_FRAME = re.compile(
    r"^(?:(?:在|据|按|照)(?P<who>他|她)的?[^,，。:：“「『的]{0,4}?(?:观察|眼中|眼里|看来|理解|经验)(?:中|里|来看|看来)?"
    r"|(?:于|对)(?P<to>他|她)(?:而言|来说))[,，]"
)


# The others who share the named person's view, between the name and the verb (某某等人认为 / 某某等专家指出), named by
# the kind of people they are (在某某等业内观察者眼中 / 某某等分析人士认为): a word for people closes it (人 / 者 / 家 / 士 /
# 师 / 员), so 等 before anything else (等待) is no such list.
_AND_OTHERS = re.compile(rf"\s*等(?:[\u4e00-\u9fff]{{0,6}}?[{_PEOPLE_WORD_END}])?$")
# A group that includes one named person, voicing a view together (包括某某在内的多位投资人都呼吁… / 包括某某在内的不少业内
# 人士认为): the named person holds it, the others unnamed, as with 等. A word for people closes the group; a list of
# names (包括某甲、某乙在内) is the writer surveying a field, not one person's view.
_INCLUDING = re.compile(
    rf"包括(?P<who>[^,，。:：;；、“”「」『』]{{2,30}}?)在内的?[\u4e00-\u9fff]{{0,8}}?(?:[{_PEOPLE_WORD_END}]|佬|们|领袖)"
    r"(?:都|均|也|纷纷|一致|共同|曾)*$"
)


# A person releasing a report, then what it finds (某某在论坛上发布了《某某研究报告》,从…来看,… / …,报告显示,…): the
# findings are presented by that person.
_REPORT_RELEASED = re.compile(
    r"^(?P<who>[^,，。:：;；“”「」]{2,40}?)(?:发布|发表|公布|解读)了?《[^》]{1,60}》[^,，。:：;；]{0,12}[,，]"
    r"(?:从[^,，。:：;；]{1,20}?(?:来看|看)|(?:该)?(?:报告|研究|白皮书)?(?:显示|指出|认为|称))[,，]?"
)


# What a person is, said of them after 这位 as a post is (这位亿万富翁 / 这位企业家): a noun for one person, no post.
_PERSON_NOUN = r"(?:亿万富翁|富翁|富豪|企业家|作家|掌门人|大佬)"
# 这位 and a post opening a clause (视频里,这位某公司CEO穿着…), or right after a quotation closes (“…,”这位某公司CEO说): the
# person named last, told of by the post. Such a noun counts only after what the text tells of the person and 的 (这位54岁
# 的富豪补充道): a bare 这位创业者 / 这位投资人 is as often the unnamed source the text brought in (一位创业者告诉我们).
_POST_EPITHET = re.compile(
    rf"(?:^|[,，;；”」』])这位(?:[^,，。:：;；“”「」]{{0,16}}?(?P<post>{_TITLE_BEFORE})"
    rf"|(?![^,，。:：;；“”「」]{{0,16}}?(?:不愿|匿名|具名|透露))[^,，。:：;；“”「」]{{1,16}}?的(?P<noun>{_PERSON_NOUN})"
    # …or the founder a product or a field is named after (这位某某之父曾预测…): one person, the one named last.
    r"|[^,，。:：;；“”「」]{1,16}?(?P<founder>之[父母]))"
)

# An appositive that describes the person named before its comma (,这位曾是…的学者): between the name and the verb.
_APPOSITIVE = re.compile(r"[,，]\s*这位[^,，。:：;；“”「」]{1,60}$")


# A post and a name set off by a comma, then only when the person acted before the verb (…的某公司董事长某某,去年两会递交
# … / 某某,此次大会上表示,…): the clause after the comma has no subject of its own, so the name is the verb's subject.
_NAME_COMMA_WHEN = re.compile(
    rf"{_TITLE_BEFORE}(?P<who>[\u4e00-\u9fff]{{2,4}})[,，]\s*(?:今年|去年|本届|此次|这次|当年)的?(?:全国)?"
    r"(?:两会|大会|会议|论坛)?(?:上|期间|中)?$"
)


# Looking back or mocking oneself before the verb of saying (某某曾反思称 / 他自嘲说): how the words came, not the name's end.
_LOOKING_BACK = re.compile(r"(?:反思|回顾|自嘲|调侃|复盘)$")
# Words of manner, "thus", right before 说 after a dash that hands back the words before it (…的——不久前,某公司CEO某某
# 如是说。): the person said what came before; 如是 is no part of the name.
_SAID_THUS = re.compile(r"(?<=[\u4e00-\u9fff])(?:如是|如此)$")
# Faulting someone right before 称 / 说 / 道 (某某批评说 / 某某指责称 / 他抨击道): the criticism is what the verb hands
# over, not the name's end.
_FAULTING = re.compile(r"(?:批评|指责|抨击|斥责|痛批|怒斥|质疑|控诉)$")


# Voicing a view right before 称 / 说 / 道 (某某发表观点称 / 某某发表了看法说): the view is what the verb hands over.
_VIEW_VOICED = re.compile(r"(?:发表|提出|给出)了?(?:观点|看法|见解)$")


# Giving an example between the speaker and the verb (他举例说,… / 某某打了个比方称,…).
_BY_EXAMPLE = re.compile(r"(?:举例|举了?个例子|打了?个?比方)$")
# Answering right before the verb of speech (某某回答指出,… / 某某回答时称,… / 某某回话说,…, 回话 the spoken word for a
# reply): how the words came, as a reply to the question before; what the verb hands over is that person's answer, as
# after 某某回答,….
_ANSWERING = re.compile(r"(?:回答|答复|回话)(?:时)?$")
# Having or giving a reply as a noun before the verb of speech (某某有个回应,… / 某某做了一个表态:…): the words after it
# are that person's reply, as after 某某回应,….
_HAS_A_REPLY = re.compile(r"(?:有|做了|作了|给出了?|给了)(?:一)?个$")


# The writer citing a person's view (正如某某所言,… / 如某某所说的那样,… / 但诚如某某所言,…): what follows the comma is that view.
_AS_SAID = re.compile(
    r"(?:^|[,，;；])(?:但|而|可|不过|然而)?(?:正如|如同|诚如|恰如|就像|如)(?P<who>[^,，。:：;；“「『]{1,20}?)所(?:言|说|讲|指出|强调|预言|预测)"
    r"(?:的那样)?[,，]"
)

# 等 and the kind of people a named person stands for, closing who is cited (某某等业界领袖 / 某某等人).
_WITH_OTHERS = re.compile(r"等[^,，。:：;；“「『等]{0,8}$")


_BY_POST = "(named by the post the text introduced them with)"


def _post_as_subject(prefix: str, names: Names) -> str | None:
    """The person the clause before the verb names by a post alone, an organisation's and a title (…,某公司联合创始人则建议:),
    when the text introduced that post with their name right after it (某公司联合创始人某某·某某)."""
    subject = re.split(r"[,，;；:：。!！?？]", prefix)[-1].strip()
    title = re.search(rf"{_TITLE_BEFORE}$", subject)
    if (
        title is None
        or title.start() == 0
        or re.search(r"[“”「」『』\"]", subject)
        or _VERB.search(subject)
        or names.mentioned(subject) is not None
    ):
        return None
    return names.post_holder(subject)


# One sentence reporting several people in turn, a clause each joined by semicolons (某甲指出,…;某乙提到…;某丙则聚焦…,
# 呼吁…。): each clause opens with its own person's name, and each is that person's view, not the first one's.
_SEMICOLON_SPLIT = re.compile(r"(?<=[;；])")
# After a name the text did not know, what makes it the clause's subject: an adverb of contrast or addition, or a verb.
_OPENER_GOES_ON = re.compile(r"(?:则|也|还|又|亦|更)")
_OWN_CLAUSE_HOW = "(a clause of their own after a semicolon)"


# A clause opening with the person's posts, a first post set off by 、 and then where they hold another
# (某某代表、某某公司某某师某某希望…): only posts stand before the name, so the name before the speech verb opens it.
_POSTS_BEFORE_NAME = re.compile(
    rf"^[^,，。;；:：!！?？“”「」『』\s]{{1,12}}?{_TITLE_BEFORE}、[^,，。;；:：!！?？“”「」『』\s]+$"
)


# A clause opening with an organisation's short name and a post, then a name the text knows (某公司董事长某某关注… /
# 某公司总裁某某:聚焦…): nothing but the post stands before the name, so the name opens the clause, whatever follows it.
_COMPANY_POST_BEFORE_NAME = re.compile(rf"^[^,，。;；:：!！?？“”「」『』、\s]{{1,12}}?{_TITLE_BEFORE}$")


def _clause_opener(clause: str, names: Names) -> Speaker | None:
    """The person a clause opens with: a name the text knows, or a plausible one followed by 则 / 也 / a speech verb,
    or the name right before the first speech verb after a clause's posts."""
    known = names.mentioned(clause)
    if known is not None and clause.startswith(known):
        return names.speaker(known)
    if known is not None and _COMPANY_POST_BEFORE_NAME.match(clause[: clause.find(known)]):
        return names.speaker(known)
    for n in (3, 2):
        head, rest = clause[:n], clause[n:]
        if _plausible_name(head) and (_OPENER_GOES_ON.match(rest) or _VERB.match(rest)):
            return names.speaker(head)
    verb = _VERB.search(clause)
    if verb is not None and (name := new_name_ending(clause[: verb.start()])) is not None:
        posts = clause[: verb.start() - len(name)]
        if _POSTS_BEFORE_NAME.match(posts):
            return names.speaker(name)
    return None


def _clauses_of_their_own(sentences: list[str], names: Names, openers: dict[str, Speaker]) -> list[str]:
    """The sentences, each one that reports several people a clause each (two or more, split at their semicolons, every
    clause opening with another person's name and no quotation in the sentence) split into its clauses; ``openers``
    gets the person each clause after the first opens with."""
    out: list[str] = []
    for sentence in sentences:
        clauses = [c for c in _SEMICOLON_SPLIT.split(sentence) if c.strip()]
        if len(clauses) < 2 or re.search(r"[“”「」『』\"]", sentence):
            out.append(sentence)
            continue
        who = [_clause_opener(c.strip(), names) for c in clauses]
        if any(w is None for w in who) or len({w.zh for w in who if w is not None}) < len(who):
            out.append(sentence)
            continue
        for clause, person in zip(clauses, who, strict=True):
            if person is not None:
                openers[clause] = person
        out.extend(clauses)
    return out


def _spelling_out(
    before: str, head: str, names: Names, last: Speaker | None
) -> tuple[Speaker | None, str, bool] | None:
    """Who spells out the view a verb announces (some points laid out, a study's finding): the name ``before`` the verb
    ends with, else 他 / 她 alone there as the person named last; None when neither."""
    name = names.name_ending(before)
    if name:
        return names.speaker(name), f"{name} {head}…: {_SPELLED}", True
    if last is not None and re.fullmatch(r"(?:他|她)", before.strip()):
        return last, f"{before.strip()}({last.zh}) {head}…: {_SPELLED}", True
    return None


# The honours a Hong Kong report prints after a name or its 先生 / 女士 (某某先生SBS,JP / 某某女士 BBS、MH): the
# letters of the city's medals and of a justice of the peace, a run of them set off by commas or blanks, no part of what
# the person says nor of the name.
_HONOURS_AFTER = re.compile(
    r"(?<=[\u4e00-\u9fff])\s*(?:GBM|GBS|SBS|BBS|MH|JP|SC)(?:\s*[,，、]?\s*(?:GBM|GBS|SBS|BBS|MH|JP|SC))*$"
)


def _without_slipped_character(prefix: str, after: str, names: Names) -> str:
    """``prefix`` without its last character when that character slipped over the verb from the word after it
    (副厅长某某某面表示,对…: 面 and 对 are one word, cut in two by the page's typo), right after a name of three characters
    that follows a post, where the prefix as it stands reads no name right after that post."""
    if len(prefix) < 5 or not after:
        return prefix
    stray, name = prefix[-1], prefix[-4:-1]
    if stray + after[0] not in _dictionary_words().two_characters:
        return prefix
    if not _plausible_name(name) or name[:2] in COMPOUND_SURNAMES or not _POST_END.search(prefix[:-4]):
        return prefix
    read = names.name_ending(prefix)
    if read is not None and _POST_END.search(prefix[: -len(read)]):
        return prefix  # the name after the post already ends at the verb (院长某某强表示,大…)
    return prefix[:-1]


def _attribution(sentence: str, names: Names, last: Speaker | None) -> tuple[Speaker | None, str, bool]:
    """Who the sentence says is speaking (name or pronoun before a speech verb), how, and with which verb."""
    if last is not None and (frame := _OWN_FRAME.match(sentence)):
        pronoun = frame.group("who") or frame.group("to")
        return last, f"{pronoun}({last.zh}) {frame.group(0)[:-1]}", True
    if cited := _AS_SAID.search(sentence):
        # The one person named before 等 and the kind of people they stand for (正如某某等业界领袖所强调的那样,…): the view
        # is cited as theirs.
        if name := names.name_ending(_WITH_OTHERS.sub("", cited.group("who"))):
            return names.speaker(name), f"{name} 所言 (cited)", False
        if last is not None and cited.group("who") in ("他", "她"):
            return last, f"{cited.group('who')}({last.zh}) 所言 (cited)", False
    # A verb outside quotation marks first: inside them it is the quoted person's report of someone else's words
    # (“…,他说‘…’,”某某表示,…), and the attribution after the closing mark names the speaker.
    verbs = sorted(_speech_verbs(sentence), key=lambda m: _quote_depth(sentence[: m.start()], 0) > 0)
    for match in verbs:
        verb = match.group(0)
        prefix = sentence[: match.start()]
        if last is not None and (
            (_SUBJECTLESS_GOES_ON.fullmatch(prefix) and sentence[match.end() : match.end() + 1] in ",，:：")
            or _ONE_SIDE_GOES_ON.fullmatch(prefix)
        ):
            # 并且指出,… / 同时强调:… with no subject: the person who spoke in the sentence before goes on, whoever the
            # words then name (并且指出,某某的说法更适合…).
            return last, f"({last.zh}) {prefix}{verb}", verb in OPINION_VERBS
        prefix = _without_slipped_character(prefix, sentence[match.end() :].lstrip(",，:： "), names)
        if (cited := _CITED_BEFORE_VERB.search(prefix)) and names.name_ending(prefix[: cited.start()]):
            prefix = prefix[: cited.start()]  # 某某在《某书》(《某刊》2019年第3期)中认为: the author, the work cited
        for _ in range(3):
            # Before the adverbs go (会 in 两会 is none): …董事长某某,去年两会递交… has the name as the verb's subject.
            if (set_off := _NAME_COMMA_WHEN.search(prefix)) and names.name_ending(prefix[: set_off.end("who")]):
                prefix = prefix[: set_off.end("who")]
            stripped = _without_setting(_ROLE.sub("", _ADVERBS.sub("", _without_when(prefix, names))), names)
            if (unhonoured := _HONOURS_AFTER.sub("", stripped)) != stripped and names.name_ending(unhonoured):
                stripped = unhonoured
            stripped = _BY_EXAMPLE.sub("", stripped)
            if verb in ("回应", "表态", "回答", "评论") and names.name_ending(_HAS_A_REPLY.sub("", stripped)):
                stripped = _HAS_A_REPLY.sub("", stripped)
            if (unanswered := _ANSWERING.sub("", stripped)) != stripped and names.name_ending(unanswered):
                stripped = unanswered
            # A verb of looking back right before 称 / 说 / 道 (某某在信中曾反思称,…) says how the words came
            # and is taken off;
            if verb in ("称", "说", "道"):
                stripped = _LOOKING_BACK.sub("", stripped)
                # …and so is a verb of faulting someone (某某批评说,…): the criticism follows the verb.
                stripped = _FAULTING.sub("", stripped)
                # …and so is the view voiced before it (某某发表观点称,…): what the view is follows the verb.
                stripped = _VIEW_VOICED.sub("", stripped)
                unmannered = _SAID_THUS.sub("", stripped)
                if "——" in stripped and unmannered != stripped and names.name_ending(unmannered):
                    stripped = unmannered
            # An appositive after the name and a comma (某某,这位曾是…的学者官员认为): it describes the name's person.
            if (appositive := _APPOSITIVE.search(stripped)) and names.name_ending(stripped[: appositive.start()]):
                stripped = stripped[: appositive.start()]
            # An idiom for how the person spoke between the name and the verb (某某开宗明义指出 / 某某直截了当表示): not
            # the end of a name (明义), when a name ends right before it.
            if stripped[-4:] in _dictionary_words().idioms and names.name_ending(stripped[:-4]):
                stripped = stripped[:-4]
            # So does an adjective right before the verb (他犀利指出 / 某某尖锐指出), after 他 / 她 or a name, unless the
            # whole already reads as a name (王美丽).
            if (
                stripped[-2:] in _dictionary_words().manners
                and not names.name_ending(stripped)
                and (re.search(r"(?:^|[^其])(?:他|她)$", stripped[:-2]) or names.name_ending(stripped[:-2]))
            ):
                stripped = stripped[:-2]
            # 某某等人认为 / 某某等专家指出: the view is the named person's first, the others unnamed.
            if (fewer := _AND_OTHERS.sub("", stripped)) != stripped and names.name_ending(fewer):
                stripped = fewer
            if (including := _INCLUDING.search(stripped)) and names.name_ending(including.group("who")):
                stripped = stripped[: including.end("who")]
            # The time word may follow a role or a Latin name in brackets (奥特曼(Sam Altman)6日表示).
            if (untimed := _NEWS_TIME.sub("", stripped)) != stripped and names.name_ending(_ROLE.sub("", untimed)):
                stripped = _ROLE.sub("", untimed)
            if not names.name_ending(stripped):
                stripped = _without_manner(stripped, names)
            instrument = _INSTRUMENT.search(stripped)
            # …and a pronoun for one (他用…做对比: / 他用…作比喻:). Not where a post and a name close it (…、某用车创始人
            # 某某说出…): 用 / 以 is inside the company's name there, and the post's holder is the subject.
            held = names.name_ending(stripped)
            if held and re.search(rf"{_TITLE_BEFORE}$", stripped[: -len(held)]):
                instrument = None
            user = _ADVERBS.sub("", stripped[: instrument.start()]) if instrument else ""
            if instrument and (names.name_ending(user) or re.fullmatch(r"(?:他|她)", user)):
                stripped = user
            # Even the person, set off by a comma before the clause that says it (即便是某某,也在公开场合承认过…): the one
            # the sentence concedes is its subject.
            if (even := _EVEN_PERSON.fullmatch(stripped)) and names.name_ending(even.group("who")) == even.group("who"):
                stripped = even.group("who")
            if stripped == prefix:
                break
            prefix = stripped
        name = names.name_ending(prefix)
        # A cited work's authors named one after another with 、 (某甲、某乙《某文》(2020)指出): the first author's, as a
        # citation is known by its first author, not the last one named before the verb.
        if name and _WORK_CITED.search(sentence) and prefix[: -len(name)].endswith("、"):
            first = names.name_ending(prefix[: -len(name) - 1])
            if first and re.fullmatch(r"[,，;；]?", prefix[: -len(name) - 1 - len(first)].strip()):
                name = first
        if name:
            return names.speaker(name), f"{name} {verb}", verb in OPINION_VERBS
        if (familiar := _FAMILIAR.search(prefix)) and (full := names.one_of_family(familiar.group("family"))):
            # 老 and a family name, as the press calls a figure it has named in full (老黄认为…): that one person.
            return names.speaker(full), f"{familiar.group(0)}({full}) {verb}", verb in OPINION_VERBS
        if (holder := _post_as_subject(prefix, names)) is not None:
            return names.speaker(holder), f"{holder} {verb} {_BY_POST}", verb in OPINION_VERBS
        if prefix.endswith("后者") and (latter := names.named_last(_quotations_blanked(prefix[:-2]))):
            # 后者 (the latter) is the person the sentence named last before it (…针对某某,后者曾公开表示…).
            return names.speaker(latter), f"后者({latter}) {verb}", verb in OPINION_VERBS
        grounds = bool(_GROUNDS_PRONOUN.search(sentence[: match.start()]))
        if _PRONOUN.search(prefix) or grounds:
            # A name earlier in the same sentence comes first: "…联合创始人洪涛则更关心成本,他表示"; not one inside
            # the quotation before the pronoun, whom the speaker names (“我喜欢某某的回答,”他说).
            before = names.named_last(_quotations_blanked(prefix))
            if before:
                before = _clause_subject_naming(_quotations_blanked(prefix), before, names) or before
            referent = names.speaker(before) if before else last
            if referent is not None:
                pronoun = "其" if grounds else prefix[-1]
                return referent, f"{pronoun}({referent.zh}) {verb}", verb in OPINION_VERBS
        epithet = _POST_EPITHET.search(_quotations_blanked(sentence[: match.start()]))
        if (
            epithet
            and last is not None
            and names.mentioned(_quotations_blanked(sentence[: match.start()]))
            in (
                None,
                # The person's own name inside the post, a firm named after them (这位某某基金的联合创始人): still them.
                last.zh,
            )
        ):
            # 视频里,这位某公司CEO穿着…,对着镜头说:: 这位 and a post opening a clause is the person named last, as 他 is.
            return (
                last,
                f"这位…{epithet.group('post') or epithet.group('noun') or epithet.group('founder')}({last.zh}) …{verb}",
                verb in OPINION_VERBS,
            )
        carried = _PRONOUN_CARRIED.search(sentence[: match.start()])
        if carried and last is not None and not names.mentioned(_quotations_blanked(sentence[: match.start()])):
            # 他几乎把热情都倾注在了…上,甚至说…: the clause after a bare 甚至 / 还 / 并且 has the subject of the clause before,
            # 他 / 她, and the sentence names nobody else.
            return last, f"{carried.group('pronoun')}({last.zh}) …,{carried.group('link')}{verb}", verb in OPINION_VERBS
        if sentence[match.end() : match.end() + 1] in ":：" and (hands := _clause_subject(prefix, names, last)):
            # 他彼时言之凿凿道:“… / 某某当时表示:: a short manner or time word between the clause's subject and
            # the verb that hands over the words with a colon.
            hand_subject, hand_how = hands
            clauses_before = re.split(r"[,，;；:：—]", prefix)[:-1]
            named_before = names.named_last(_quotations_blanked(",".join(clauses_before)))
            if hand_how[:2] in ("他(", "她(") and named_before:
                # 这个说法某某并不认可,他转发并配文称:: as for 他表示 above, a name earlier in the same sentence is 他.
                hand_subject, hand_how = names.speaker(named_before), f"{hand_how[0]}({named_before})"
            return hand_subject, f"{hand_how} …{verb}:", verb in OPINION_VERBS
        if opens := _CLAUSE_OPENS.search(prefix):
            # The sentence's subject, after a date or a time word that may open it (6月26日,某某发文…,并称…).
            # A verb of opinion (…提出了质疑,认为…) may have a subject named after its post; a verb of talking about
            # (…举办交流会,谈及A、B) lists topics.
            # So may a verb that puts forward or presents what the person says (…副院长某某教授聚焦…,提出…的理论 /
            # …副校长某某其后进行演讲,介绍…): the view or the account is what follows it, unlike a topic's list.
            # And so may any verb of speech in a clause joined by 并 (…院士某某引用了一句名言,并表示,…): 并 ties the clause to
            # the subject of the one before, the person the post names, not a topic's list.
            # The saying such a sentence may open with, quoted before its subject (“…”,某院士某某引用这句名言,并表示,…), is what
            # the person cites: the subject is named after it.
            joined = "并" in opens.group(0)
            past_saying = _LEADING_SAYING.sub("", sentence) if joined else sentence
            # A verb that hands words over by a colon (…与某某通话,上来就抛出一句:…) lists no topics either: its subject
            # may be named after a post, as an opinion verb's may.
            colon = sentence[match.end() : match.end() + 1] in ":："
            # 表示 opening the clause with no link word (…某公司总裁某某·某某认同这一判断,表示…) states what the person says,
            # as 并表示 does: it names no topics, so its subject may be named after a post too.
            states = verb == "表示"
            subject, how = _sentence_subject(
                _LEADING_BUT.sub("", _LEADING_TIME.sub("", past_saying)),
                names,
                last,
                after_role=verb in OPINION_VERBS or verb in _PUTS_FORWARD or joined or colon or states,
            )
            clauses = re.split(r"[,，;；:：]", prefix[: opens.start()])
            if len(clauses) > 1 and subject is not None:
                # A later clause with a subject of its own, a name, goes on with the verb (他引述了某某的言论,某某不仅
                # 承认了…,还预测…): the one who predicts is the person that clause names, not the one who relays it.
                near, near_how = _sentence_subject(clauses[-1], names, last)
                if near is None:
                    # A name the text has not learned counts when the sentence has already named that person in an
                    # earlier clause (…某某的言论,某某不仅…).
                    earlier = "".join(clauses[:-1])
                    opening = next(
                        (
                            clauses[-1][:n]
                            for n in (3, 2)
                            if names.name_ending(clauses[-1][:n]) == clauses[-1][:n]
                            and _plausible_name(clauses[-1][:n])
                            and clauses[-1][:n] in earlier
                            and not clauses[-1][n:].startswith(("的", "和", "与", "及", "、"))
                        ),
                        None,
                    )
                    if opening is not None:
                        near, near_how = names.speaker(opening), opening
                if near is not None and not near_how.startswith(("他", "她")) and near is not subject:
                    subject, how = near, near_how
            if subject is None:
                # Or the subject of the clause right before it (演讲开篇,某某向来宾致谢,称…), named after its post as the
                # sentence's would be (在某环节,某大学校长某某分享了…,并提出…).
                clause = re.split(r"[,，;；:：]", prefix[: opens.start()])[-1]
                subject, how = _sentence_subject(
                    clause, names, last, after_role=verb in OPINION_VERBS or verb in _PUTS_FORWARD
                )
            if subject is None and last is not None and (setting := _IN_THE_SPEECH.match(sentence)):
                # 演讲中明确反对…,主张…: no subject but the speech the text is telling of, the last person named.
                subject, how = last, f"({last.zh}) {setting.group(0)}"
            if subject is not None:
                return subject, f"{how} …,{verb}", verb in OPINION_VERBS
    if released := _REPORT_RELEASED.search(sentence):
        # 某某在论坛上发布了《…报告》,从…来看,…: the findings the person presents from the report.
        who = _without_setting(_ADVERBS.sub("", _ROLE.sub("", released.group("who"))), names)
        if name := names.name_ending(who):
            return names.speaker(name), f"{name} 发布了《…》,…", True
    argued = _ARGUED_BY_COLON.match(sentence)
    if argued and names.name_ending(argued.group("who")) == argued.group("who"):
        # 某某以历史案例佐证观点:… / 某某用…说明:…: the person's argument, handed over by the colon.
        return names.speaker(argued.group("who")), f"{argued.group('who')} 以…{argued.group('verb')}:", True
    shared = _SHARED_ACCOUNT.match(sentence)
    if shared and (subject := _sentence_subject(shared.group("who") + "分享", names, None, after_role=True)[0]):
        # 某大学校长某某分享了该校的…策略,自…起便…: the account the person shares, spelled out after the comma, is theirs.
        return subject, f"{subject.zh} 分享了…,", False
    example = _EXAMPLE_BY_COLON.search(sentence)
    if example and (name := names.name_ending(example.group("who"))):
        # 某公司董事长某某也举了个例子:二三十年前,…: the example the person gives, handed over by the colon, is theirs.
        return names.speaker(name), f"{name} 举了个例子:", True
    if voiced := _VOICED_BY_COLON.search(sentence):
        # 而她只想泼冷水:这些言论正在误导大众。: 他 / 她 and a short verb phrase hand over a view by a colon.
        before = names.named_last(_quotations_blanked(sentence[: voiced.start()]))
        referent = names.speaker(before) if before else last
        if referent is not None:
            return referent, f"{voiced.group('who')}({referent.zh}){voiced.group('act')}:", True
    opener, opener_how = _sentence_subject(sentence, names, last)
    acted = _ACT_BY_COLON.match(sentence, len(opener_how)) if opener is not None else None
    if opener is not None and acted is not None and not opener_how.startswith(("他(", "她(")):
        # 某某随之泼来冷水:对…不要有太高的期望。: a name opening the sentence hands over a view by a colon as 他 / 她 does.
        return opener, f"{opener_how}{acted.group('act')}:", True
    commented = _COMMENTED_BY_COLON.match(sentence, len(opener_how)) if opener is not None else None
    if opener is not None and commented is not None and not opener_how.startswith(("他(", "她(")):
        # 某某评论公司向海外转型:较晚,但已成功: a name opening the sentence, the thing commented on, and the comment after
        # the colon, however long the thing's name.
        return opener, f"{opener_how}{commented.group('act')}: {COMMENTED}", True
    stance = _STANCE.search(sentence)
    found = stance or _STANCE_BELOW.search(sentence)
    if found is not None:
        told = found.group(0) if stance else f"{found.group(0).rstrip()[:-1]} {VIEW_BELOW}"
        name = names.name_ending(sentence[: found.start()])
        if name:
            return names.speaker(name), f"{name}{told}", True
        if last is not None and _EPITHET.search(sentence[: found.start()]):
            return last, f"这位({last.zh}){told}", True
        # 他的答案是:… / 她的看法很简单:… / 回顾这一年,他的感受是…: 他 opening the sentence or the clause after a setting.
        stance_subject = re.split(r"[,，;；:：]", sentence[: found.start()])[-1].strip()
        # 这印证了他的核心观点——…: what the writer just told bears out the person's view, spelled out after it.
        stance_subject = _BEARS_OUT.sub("", stance_subject)
        borne = names.name_ending(stance_subject)
        if borne and borne == stance_subject and stance_subject != sentence[: found.start()]:
            return names.speaker(borne), f"{borne}{told}", True
        if last is not None and re.fullmatch(r"(?:他|她)", stance_subject):
            return last, f"{stance_subject}({last.zh}){told}", True
    words = _WORDS_HANDED.search(sentence)  # (see _WORDS)
    if words:
        # …,是他那句充满预言色彩的话语: / 某某的一句话: the words follow in the next paragraph.
        name = names.name_ending(words.group("who"))
        if name:
            return names.speaker(name), f"{name} {_WORDS}", False
        if last is not None and words.group("who")[-1:] in ("他", "她"):
            return last, f"{words.group('who')[-1]}({last.zh}) {_WORDS}", False
    if (echo := _ECHO_QUOTED.search(sentence)) and (name := names.name_ending(echo.group("who"))):
        return names.speaker(name), f"{name} {echo.group(0)[len(echo.group('who')) :]}…", False
    answer = _ANSWER_GIVEN.search(sentence)
    if answer:
        answerer = _without_setting(_ADVERBS.sub("", sentence[: answer.start()]), names)
        name = names.name_ending(answerer)
        # An answer whose colon ends the sentence is spelled out in the paragraph under it.
        given = VIEW_BELOW if re.search(r"[:：]\s*$", answer.group(0)) else "(answer given)"
        # Two people giving it together (某甲与某公司CEO某乙早已给出…判断): the view is the first named one's.
        joint = re.search(rf"(?:与|和)[^,，。:：;；与和“”「」]{{0,20}}?{re.escape(name)}$", answerer) if name else None
        if joint and (first := names.name_ending(answerer[: joint.start()])):
            name = first
        if name:
            return names.speaker(name), f"{name} {answer.group(0)[:2]}…答案: {given}", True
        if last is not None and re.search(r"(?:^|[,，但而])(?:他|她)$", answerer):
            # 但他押注了一个判断:… : the person the text named last.
            return last, f"{answerer[-1]}({last.zh}) {answer.group(0)[:2]}…答案: {given}", True
    figures = _FIGURES_GIVEN.search(sentence)
    if figures and last is not None:
        return last, f"{figures.group('who')}({last.zh}) {figures.group(0)[-6:]} (figures given)", True
    if (shared_figures := _FIGURES_SHARED.search(sentence)) is not None:
        sharer = names.name_ending(_without_setting(_ADVERBS.sub("", sentence[: shared_figures.start()]), names))
        if sharer is not None and sharer not in names.things:
            return names.speaker(sharer), f"{sharer} {shared_figures.group(0)[-6:]} (figures given)", True
    if (evidence := _EVIDENCE_SHOWN.search(sentence)) is not None:
        shower = names.name_ending(_without_setting(_ADVERBS.sub("", sentence[: evidence.start()]), names))
        if shower is not None and shower not in names.things:
            return names.speaker(shower), f"{shower} {evidence.group(0)[:2]}的…显示 (evidence shown)", True
    spelled = _SPELLED_OUT.search(sentence)
    if spelled:
        before = _without_setting(_ADVERBS.sub("", sentence[: spelled.start()]), names)
        instrument = _INSTRUMENT.search(before)
        if instrument:  # 她用哲学的视角拆解了…: (with an instrument before the verb)
            before = _ADVERBS.sub("", before[: instrument.start()])
        if (spelled_by := _spelling_out(before, spelled.group(0)[:2], names, last)) is not None:
            return spelled_by
    study = _STUDY_DONE.search(sentence)
    if study:
        before = _without_setting(_ADVERBS.sub("", sentence[: study.start()]), names)
        if (spelled_by := _spelling_out(before, study.group(0)[:2], names, last)) is not None:
            return spelled_by
    passive = _PASSIVE_JUDGEMENT.search(sentence)
    if passive:
        name = names.name_ending(_ADVERBS.sub("", passive.group("agent")))
        if name:
            return names.speaker(name), f"{name} {passive.group(0)[-3:]} (passive)", True
    own_words = _OWN_WORDS.search(sentence)
    if own_words:
        clauses = re.split(r"[,，;；:：—]", sentence[: own_words.start()])
        clause = clauses[-1]
        subject, how = _sentence_subject(clause, names, last)
        middle = clause[1:] if how.startswith(("他(", "她(")) else clause[len(how) :]
        if subject is not None and not _ADVERBS.sub("", middle):
            return subject, f"{how} {own_words.group(0)[0]}“…” (own words)", False
        if not clause and len(clauses) > 1 and (name := names.name_ending(_without_setting(clauses[-2], names))):
            # 以 opening the clause after the one that names the speaker and the setting (某某在闭幕致词中,以“…”一席话,
            # 为…写下注解。): the words are that person's.
            return names.speaker(name), f"{name} ,{own_words.group(0)[0]}“…” (own words)", False
    active = _ACTIVE_JUDGEMENT.search(sentence)
    if active:
        prefix = _ADVERBS.sub("", sentence[: active.start()])
        name = names.name_ending(prefix)
        if name:
            return names.speaker(name), f"{name} 将…{active.group(0)[-3:]}", True
        # 他 opening the clause, after a setting set off by a comma (展望未来,他将…视为…) or alone.
        clause = re.split(r"[,，;；:：]", prefix)[-1]
        if _PRONOUN.search(prefix) and re.fullmatch(r"[他她其]", clause) and last is not None:
            return last, f"{prefix[-1]}({last.zh}) 将…{active.group(0)[-3:]}", True
    points = _POINTS_GIVEN.search(sentence)
    if points:
        before = _without_setting(_ADVERBS.sub("", sentence[: points.start()]), names)
        name = names.name_ending(before)
        if name:
            return names.speaker(name), f"{name} {points.group(0)}", False
        # A clause opened by 并 after the sentence's first (某某非常认同某某的想法,并从自身的角度谈论三点感触): its subject is
        # the name that opens the sentence, not one named inside the first clause.
        if re.search(r"[,，]并[^,，。:：;；]{0,12}$", before):
            subject, _ = _sentence_subject(sentence, names, last)
            opening = next(
                (
                    sentence[:size]
                    for size in (3, 2)
                    if names.name_ending(sentence[:size]) == sentence[:size]
                    and not sentence[size:].startswith(("的", "和", "与", "及", "、", "们"))
                    # …three characters unless the third opens a word with the next (某某非常认同: 非常).
                    and not (size == 3 and sentence[2:4] in _dictionary_words().two_characters)
                ),
                None,
            )
            if subject is None and opening is not None:
                subject = names.speaker(opening)
            if subject is not None:
                return subject, f"{subject.zh} …,并{points.group(0)}", False
    if (surveyed := _POINTS_SURVEYED.search(sentence)) is not None:
        name = names.name_ending(_without_setting(_ADVERBS.sub("", sentence[: surveyed.start()]), names))
        if name:
            return names.speaker(name), f"{name} {surveyed.group(0)}", False
    if (shared := _WORDS_SHARED.search(sentence)) is not None:
        who = shared.group("who")
        # The sentence is the writer's: the words are the paragraphs below it, drafted each on its own.
        if who in ("他", "她") and last is not None:
            return last, f"{who}({last.zh}) {shared.group(0)} {VIEW_BELOW}", False
        if (name := names.name_ending(who)) is not None and name == who:
            return names.speaker(name), f"{name} {shared.group(0)} {VIEW_BELOW}", False
    if (quoted := _QUOTED_FROM_SPEECH.match(sentence)) is not None:
        # “…,”近日据媒体报道,某某的一则内部讲话曝光。: the words quoted are from that person's speech, named after them.
        after = sentence[quoted.end("quote") :]
        name = names.name_ending(_without_setting(quoted.group("who"), names))
        named = {n for _, n in names.all_mentioned(after)}
        if name and named <= {name} and not _speech_verbs(after):
            return names.speaker(name), f"{name} 的…讲话 (quoted from it)", False
    dialogue = _DIALOGUE.match(sentence)
    if dialogue:
        name = dialogue.group("name")
        if (side := _QA_SIDE.fullmatch(name)) is not None:
            if side.group("part") == "问":
                return None, "", False  # the magazine's question (某刊问:…), nobody's view
            name = side.group("who")
        # A two-character label with a family name the rules do not know (某甲:) is a name when the text introduced the
        # person by it right after a post (董事长某甲) and names them by it again: the colon after it opens their turn.
        if (
            name in names.by_name
            or name in names.found
            or _plausible_name(name)
            or names._rare_family_two(name) == name
        ):
            return names.speaker(name), f"{name}: (dialogue)", False
    return None, "", False


# A quotation that opens the sentence, then the writer's clause naming the person's speech it comes from (“…,”近日据媒体报道,
# 某某的一则内部讲话曝光。 / “…。”这是某某在年会上的讲话): the words are that person's.
_QUOTED_FROM_SPEECH = re.compile(
    r"^(?P<quote>[“「『][^“”「」『』]+[”」』])[^。!?！？“”「」『』]*?"
    r"(?P<who>[^,，。:：;；“”「」『』]{2,20}?)(?:在[^,，。的]{0,12}?)?的(?:一(?:则|次|场|篇|份|段))?[^,，。:：的]{0,6}?"
    r"(?:讲话|演讲|发言|致辞|内部信|公开信|采访|访谈|分享)"
)
# The writer's 这…了 that a person's view is borne out by (这印证了他的观点——…), before that person.
_BEARS_OUT = re.compile(r"^这(?:也|正|恰恰)?(?:印证|证明|验证|体现|呼应|符合|说明|反映)了?")
# A connective alone before a verb of speech that opens the sentence (并且指出, / 同时强调:).
# 他 / 她 opening a clause, then a bare 甚至 / 还 / 并且 opening the next clause right before the verb (…,他几乎把…倾注在了…上,
# 甚至说…): the subject carries over; a clause between them may have a subject of its own (他引述了某某的话,某某不仅…,还…).
_PRONOUN_CARRIED = re.compile(
    r"(?:^|[,，;；])(?P<pronoun>他|她)(?![们的所])[^,，;；:：“”「」『』]*[,，](?P<link>甚至|甚而|还|并且|而且)$"
)
_SUBJECTLESS_GOES_ON = re.compile(r"(?:并且|而且|并|同时|此外|另外)[,，]?(?:还|也|又)?")
# One side of a two-sided statement opening the sentence with no subject (一方面强调… / 另一方面,又说…): the person
# named before goes on, and the side's words follow the verb with or without a comma.
_ONE_SIDE_GOES_ON = re.compile(r"(?:另)?一方面[,，]?(?:还|也|又|则)?")
# A short verb phrase and a colon after a name that opens the sentence (某某随之泼来冷水:…), as _VOICED_BY_COLON reads
# them after 他 / 她.
_ACT_BY_COLON = re.compile(
    r"(?P<act>[^,，。:：;；“”「」『』的们\s\d一二三四五六七八九十两几]{2,6})[:：](?!\s*[“「『])[^。!?！？]{6,}"
)
# A verb of commenting (评论 / 点评 / 评价) after a name that opens the sentence, what is commented on, and a colon that
# hands over the comment, no quotation (某某点评公司向海外转型:较晚,但已成功): the person's judgement. The headline a
# write-up sets over a person's turn is written so, with no full stop.
_COMMENTED_BY_COLON = re.compile(
    r"(?P<act>(?:评论|点评|评价)[^,，。:：;；“”「」『』]{1,16})[:：](?!\s*[“「『])[^。!?！？]{4,}"
)
COMMENTED = "(comment handed over by a colon)"
# A clause whose subject is 他 / 她 (after a comma or 而 / 但), a short verb phrase, and a colon that hands over a clause
# in the writer's sentence, no quotation (而她只想泼冷水:这些言论正在误导大众。): the person voices a view. Not a count
# of things done (他做了三件事:…) nor a noun phrase (她关心的是…:).
_VOICED_BY_COLON = re.compile(
    r"(?:^|[,，;；])(?:而|但|却|可)?(?P<who>他|她)(?![们的所])"
    r"(?P<act>[^,，。:：;；“”「」『』的们\s\d一二三四五六七八九十两几]{2,6})[:：](?!\s*[“「『])[^。!?！？]{6,}"
)


# A sentence that only names what a person talked about: a verb of talking about, then a noun phrase ending in 的 and a
# noun with no clause of its own (某某阐述了…的价值。 / 某某谈到了…的变化。), or 对… and a noun of explaining (某某对…的意义
# 做了解释。), and no verb of speech before it in the sentence. The view, if any, follows. A noun that is itself a view
# (某某提出了不同的思考。 / …的判断。) opens the view the next sentence spells out, and stays with it. So does looking back
# over a past (某某回顾了团队…的初心。): the story told after it (当时,… / 如今,…) is the writer's telling, not a view.
_TOPIC_ONLY = re.compile(
    r"(?:阐述|阐释|阐明|谈到|谈及|提到|提及|提出|介绍|解读|分析|探讨|讨论|回顾)了?"
    r"[^,，;；:：“”「」『』。!！?？是会将能要把被]{0,24}的(?!思考|看法|观点|判断|见解|观察|思路|想法)[\u4e00-\u9fff]{1,4}。$"
    r"|对[^,，;；:：。]{1,30}?(?:做|作)了?(?:解释|说明|阐述|解读|分析|介绍)。$"
    # A lead counting the topics a person talked about, then listing some (他谈到一些有趣的议题,比如… / 某某谈及多个话题,
    # 包括…), with no verb of saying after it: what was covered, told by the writer.
    r"|(?:谈到|谈及|提到|提及|探讨|讨论)了?(?:一些|几个|多个|许多|诸多|不少|很多|[两三四五六七八九十]个)[^,，;；:：。]{0,8}?"
    rf"(?:议题|话题|问题|主题|方面)[,，:：]\s*(?:比如|例如|譬如|包括|如)(?:(?!{_VERB.pattern})[^。])*。$"
    # Or one that closes by telling what the talk covered (某某谈及三个认知误区,涵盖了A、B、C等热点话题。): what was talked about
    # is a noun phrase, no clause that states (谈到芯片明年会降价,…).
    r"|(?:谈到|谈及|提到|提及|探讨|讨论)了?(?:(?!会|将|要|是|能|应|必须|可能)[^,，;；:：。]){2,20}[,，]\s*(?:涵盖|涉及|覆盖|包括)了?"
    rf"(?:(?!{_VERB.pattern})[^。,，;；]){{2,60}}?等[^,，。;；]{{0,6}}?(?:话题|议题|领域|方面|问题)。$"
)


# A name opening the sentence, an instrument (以 / 用 …) and a verb of arguing by it, then a colon that hands over a
# clause, no quotation (某某以历史案例佐证观点:… / 某某用一组数据说明:…): the person's argument.
_ARGUED_BY_COLON = re.compile(
    r"^(?P<who>[^,，。:：;；“”「」『』\s]{2,12}?)(?:则|也|还|更|又)?(?:以|用|拿)[^,，。:：;；“”「」『』]{2,16}?"
    r"(?P<verb>佐证|证明|说明|论证|印证|作比|类比)[^,，。:：;；“”「」『』]{0,4}[:：](?!\s*[“「『])[^。!?！？]{6,}"
)


# A person named after their post opening the sentence, sharing what their side did or plans (某大学校长某某分享了该校的
# “…”策略,自…起便…), the account spelled out after a comma: as 介绍了 does, it presents what the person says.
_SHARED_ACCOUNT = re.compile(
    r"^(?P<who>[^,，。:：;；“”「」『』]{2,40}?)(?:也|还|则|同时)?分享了[^,，。]{2,40}[,，][^。]{6,}"
)
# A person giving an example or drawing a comparison, handed over by a colon (…首席执行官某某也举了个耐人寻味的例子:…
# / 某某打了个比方:…), the words after it not quoted: the person's argument, as a verb of speech's words are.
_EXAMPLE_BY_COLON = re.compile(
    r"(?:^|[,，])(?P<who>[^,，。:：;；“”「」『』]{2,40}?)(?:则|也|还|更|又)?(?:举|打)了?一?个[^,，。:：;；“”「」『』]{0,12}?"
    r"(?:例子|比方|比喻)[:：](?!\s*[“「『])[^。!?！？]{6,}"
)


# Another person's words named right before the colon, with at most a time or a place and the act of giving them between
# the name and the noun (某某的观点印证了某某上周发布的警告:「…」 / …引用某某在会上的原话:「…」): the quotation is the words of
# the person named last, whose warning or remark it is, not of the one the clause opens with.
_OWNED_WORDS = re.compile(
    r"^[^,，。:：;；“”「」『』的]{0,16}?的(?:警告|呼吁|预言|断言|告诫|忠告|提醒|说法|名言|原话|话)\s*$"
)


def _words_owner(clause: str, names: Names) -> str | None:
    """The person whose words the clause before a colon names last (…某某发出的警告), if the clause ends so."""
    mentions = names.all_mentioned(clause)
    if len(mentions) < 2:
        return None
    at, name = mentions[-1]
    return name if _OWNED_WORDS.match(clause[at + len(name) :]) else None


def _quotations_blanked(text: str) -> str:
    """``text`` with what stands inside quotation marks replaced by spaces, one character for one."""
    out: list[str] = []
    depth = 0
    for ch in text:
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES and depth > 0:
            depth -= 1
        out.append(ch if depth == 0 or ch in _OPEN_QUOTES else " ")
    return "".join(out)


def _quote_depth(text: str, depth: int) -> int:
    for ch in text:
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES and depth > 0:
            depth -= 1
    return depth


def _summary_speaker(paragraph: str, names: Names) -> Speaker | None:
    """The person whose speech the paragraph announces, if it is such an introduction."""
    if not _SUMMARY_INTRO.search(paragraph):
        return None
    # The speaker named last before the colon: the one nearest the list.
    found = [(m.start(), names.name_ending(paragraph[: m.start()])) for m in _SPEECH_SETTING.finditer(paragraph)]
    found += [
        (m.start(), names.name_ending(_ADVERBS.sub("", paragraph[: m.start()])))
        for m in [*_VIEWS_GIVEN.finditer(paragraph), *_SPEECH_GIVEN.finditer(paragraph)]
    ]
    found += [
        (m.start(), names.name_ending(paragraph[: m.start()]))
        for m in _TALK_HELD.finditer(paragraph)
        if re.search(r"[与和同][^与和同,，。]{2,12}$", paragraph[: m.start()])
    ]
    name = next((n for _, n in sorted(found, key=lambda f: f[0], reverse=True) if n), None)
    return names.speaker(name) if name else None


# The person a sentence says shared their views, 他 / 她 or a name opening it (他在采访中详细分享了对…的看法,…): the verb, then
# what the views are on, then the summary noun.
_SHARED_VIEWS = re.compile(
    r"(?:发表|分享|谈|阐述|讲述|介绍)了?(?:对|关于)?[^,，。:：;；]{0,30}?(?:看法|观点|见解|思考|洞察|判断)"
)


# An interview the person gave, opening the sentence before the name (在近期接受的某报专访中,某某回顾了…。): the points
# listed under "采访要点如下:" are that person's.
_IN_AN_INTERVIEW = re.compile(r"^在[^,，。:：;；]{0,20}?(?:专访|采访|访谈)(?:中|里|时)[,，]?\s*")


def _views_sharer(paragraph: str, names: Names) -> Speaker | None:
    """The person the paragraph's last sentence says shared their views: 他 / 她 opening it is the person named last
    before it; a name opening it is that person, as is a name right after the interview it gave (在…专访中,某某…)."""
    sentences = split_sentences(paragraph)
    if sentences and (interview := _IN_AN_INTERVIEW.match(sentences[-1])):
        after = sentences[-1][interview.end() :]
        interviewee = names.mentioned(after)
        if interviewee is not None and after.startswith(interviewee):
            return names.speaker(interviewee)
    if not sentences or not _SHARED_VIEWS.search(sentences[-1]):
        return None
    last = sentences[-1]
    if last.startswith(("他", "她")):
        name = names.named_last(paragraph[: paragraph.rfind(last)])
    else:
        name = names.mentioned(last)
        name = name if name is not None and last.startswith(name) else None
    return names.speaker(name) if name else None


# What may stand right before a name in a transcript's introduction (以下是张某的… / 以下是与CEO张某的…).
_BEFORE_NAME = re.compile(rf"(?:^|[^\u4e00-\u9fff\d]|[的是与和对同及]|{_TITLE_BEFORE})$")


def _name_can_start(text: str, i: int) -> bool:
    """Whether a name may start at ``text[i]``: not inside a word ("90分钟高峰" holds no 钟某)."""
    return bool(_BEFORE_NAME.search(text[:i]))


def _speech_giver(paragraph: str, names: Names) -> str | None:
    """The person the paragraph says gave a speech (某某出席并演讲。/ 某某发表了主题演讲。) or wrote an article (某某在《某报》
    撰文称,…), named last, if any."""
    found = [
        (m.start(), names.name_ending(_ADVERBS.sub("", paragraph[: m.start()])))
        for m in [*_SPEECH_ATTENDED.finditer(paragraph), *_SPEECH_GIVEN.finditer(paragraph)]
    ]
    found += [
        (m.start(), names.name_ending(_without_setting(_ADVERBS.sub("", paragraph[: m.start()]), names)))
        for m in re.finditer(_WROTE, paragraph)
    ]
    return next((n for _, n in sorted(found, key=lambda f: f[0], reverse=True) if n), None)


# A speech named in a line that introduces a summary of it (演讲内容划重点: / 发言要点:).
_SPEECH_NAMED = re.compile(r"演讲|讲话|发言|致辞")


# 在 and a venue right before the verb of giving a speech (在2023某论坛发表…).
_VENUE_BEFORE = re.compile(r"在[^,，。:：;；“”「」在]{2,30}$")


def _recent_speech_giver(before: list[str], names: Names) -> Speaker | None:
    """The person the nearest of ``before``'s paragraphs that says someone gave a speech names as its giver."""
    for paragraph in reversed(before):
        # A name's Latin form in brackets (某某(Jane Doe)) and the setting between the name and the verb
        # (某某在首届某大会上发表主题演讲) stand between the name and the speech.
        plain = re.sub(r"[(（][^()（）]{0,40}[)）]", "", paragraph)
        found = [
            (m.start(), names.name_ending(_without_setting(_ADVERBS.sub("", plain[: m.start()]), names)))
            for m in _SPEECH_GIVEN.finditer(plain)
        ]
        # A venue with 在 and no 上 (某某在2023某论坛发表…演讲) is a setting too, when a name ends right before it.
        found += [
            (m.start(), names.name_ending(plain[: venue.start()]))
            for m in _SPEECH_GIVEN.finditer(plain)
            if (venue := _VENUE_BEFORE.search(plain[: m.start()]))
        ]
        name = _speech_giver(paragraph, names) or next(
            (n for _, n in sorted(found, key=lambda f: f[0], reverse=True) if n), None
        )
        if name:
            return names.speaker(name)
    return None


def _turn_label(paragraph: str, names: Names) -> tuple[bool, Speaker | None]:
    """(Is the paragraph a label line, whose turn it opens). A speaker's name on a line of its own opens
    that person's turn; another short line without punctuation (the interviewer's name, a heading) ends it."""
    # A transcript may label its turns by the speakers' Latin names (Jane Doe alone on its line), longer than a
    # Chinese label but as plainly a name: the line opens that person's turn.
    if _LATIN_NAME.match(paragraph.strip()):
        return True, names.speaker(paragraph.strip())
    # So may a conversation between people who go by handles (Jun / xBeta alone on a line, over their points): a
    # one-word Latin handle with a lower-case letter, no role's word; it opens a turn only where it recurs.
    if _HANDLE_LINE.fullmatch(paragraph.strip()) and paragraph.strip() not in _ROLE_WORDS:
        return True, names.speaker(paragraph.strip())
    if len(paragraph) > _LABEL_CHARS or _LABEL_PUNCT.search(paragraph):
        return False, None
    name = paragraph.strip()
    if name in names.by_name or name in names.found or _plausible_name(name):
        return True, names.speaker(name)
    return True, None


# A contributors' forum (a paper's readers' page): each contributor named alone on a line, at most with the place
# they write from (杭州张某) or spaced out (芳 蕾), over their own paragraphs that name nobody. Three such lines make
# the page a forum; one or two over narrative are photos' captions.
_FORUM_CONTRIBUTORS = 3
_PLACE_CHARS = 3


# A digest of talks prints each speaker's card the same way, with a few post lines between the name and the words
# (某某 / 某某大学校长 / 某某学会副会长, then the talk's gist with no verb of speech): each a short line with no
# punctuation that ends in a post. A Western name written in Chinese keeps its dot (某某•某, _DOTTED_NAME).
_CARD_POST_LINE = re.compile(rf"[^,，。、;；:：!！?？…“”「」『』()（）]{{2,20}}(?:{_TITLE_BEFORE}|[长官])")
_CARD_POST_LINES = 3


def _contributor_lines(paragraphs: list[str], names: Names) -> dict[int, Speaker]:
    """The lines that name a forum's contributors, by index, when the text has at least three of them: a short line
    with no punctuation, a name (after a place of at most three characters, or spaced out), over a paragraph that is
    no such line nor a heading and names nobody. Post lines between the name and the paragraph (a digest of talks)
    are the same person's card."""
    found: dict[int, Speaker] = {}
    for index, line in enumerate(paragraphs[:-1]):
        line = line.strip()
        posts = 0
        while (
            posts < _CARD_POST_LINES
            and index + posts + 2 < len(paragraphs)
            and _CARD_POST_LINE.fullmatch(paragraphs[index + posts + 1].strip())
        ):
            posts += 1
        under = paragraphs[index + posts + 1]
        if posts and _DOTTED_NAME.fullmatch(line) and names.mentioned(under) is None and not _is_heading(under):
            for at in range(index, index + posts + 1):
                found[at] = names.speaker(line)
            continue
        if len(line) > _LABEL_CHARS or _LABEL_PUNCT.search(line) or _is_heading(under) or len(under) <= _LABEL_CHARS:
            continue
        if names.mentioned(under) is not None:
            continue
        tokens = line.split()
        name: str | None = None
        if len(tokens) > 1 and all(len(token) == 1 for token in tokens) and 2 <= len(tokens) <= 3:
            name = "".join(tokens)  # 芳 蕾: a two-character name spaced out to fill the line
        elif len(tokens) == 1:
            if line in names.by_name or line in names.found or _plausible_name(line):
                name = line
            elif (ending := new_name_ending(line)) is not None and 0 < len(line) - len(ending) <= _PLACE_CHARS:
                name = ending  # 龙泉许某: the place the contributor writes from, then the name
            elif 2 <= len(line) <= 3 and line[0] in SURNAMES:
                name = line  # a family name, then a given name the name reader doubts (俞和某)
        if name is not None and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name):
            for at in range(index, index + posts + 1):
                found[at] = names.speaker(name)
    return found if len({s.zh for s in found.values()}) >= _FORUM_CONTRIBUTORS else {}


def _numbering(heading: str) -> str | None:
    """How a heading is numbered (一、 / 1. / 第一部分), as a kind: a heading numbered the same way is of the same level."""
    if re.match(r"[一二三四五六七八九十]{1,3}\s*[、.．]", heading):
        return "chinese"
    if re.match(r"\d{1,2}\s*[、.．]", heading):
        return "arabic"
    if re.match(r"第[一二三四五六七八九十\d]{1,3}(?:部分|节|章)", heading):
        return "part"
    return None


def _remarks_heading(paragraphs: list[str], index: int, names: Names) -> tuple[Speaker, str | None] | None:
    """(The person, the heading's numbering) when the paragraph is a heading naming a person's remarks (一、某某的发言)
    and the first paragraph under it that is no heading speaks in the first person and names nobody: the remarks are
    printed as the person gave them. A heading over a report of them (某某在发言中指出,…) opens nothing."""
    paragraph = paragraphs[index]
    heading = _REMARKS_HEADING.match(paragraph)
    if heading is None or not _is_heading(paragraph):
        return None
    who = heading.group("who")
    name = names.name_ending(who)
    if not name or not who.endswith(name):
        return None
    under = next((p for p in paragraphs[index + 1 :] if not _is_heading(p)), "")
    if not speaks_first_person(under) or names.mentioned(under) is not None:
        return None
    return names.speaker(name), _numbering(paragraph)


def _boxed_speaker(paragraphs: list[str], index: int, names: Names) -> Speaker | None:
    """The person a speaker box names (主讲人介绍, then 某某博士,某研究院副院长): the name that opens the line under the
    box's label, a title after it allowed."""
    if not _SPEAKER_BOX.match(paragraphs[index]) or index + 1 >= len(paragraphs):
        return None
    head = re.split(r"[,，:：;；(（\s]", paragraphs[index + 1].strip(), maxsplit=1)[0]
    name = names.name_ending(head) if len(head) <= 12 else None
    return names.speaker(name) if name and head.startswith(name) else None


# A heading of a post, a name and a colon before the headline of that person's remarks (全国人大代表 某某:要把…), no
# sentence in it, as a roundup heads each person's paragraph.
# A Western name written in Chinese may carry its Latin form in brackets before the colon (某执行长某某某(Jane Doe):…),
# and the headline may quote a word of theirs inside it (泡沫之议「彻底错误」), though it does not open with a quotation.
# A roundup may set the headline off by a comma instead (某公司共同创办人某某,表达对…的隐忧), still with no full stop.
_POSTED_NAME_HEADING = re.compile(
    rf"^[\u4e00-\u9fffA-Za-z]{{0,16}}?{_TITLE_BEFORE}\s?(?P<name>[\u4e00-\u9fff]{{2,3}})"
    r"(?P<latin>\s*[(（][A-Za-z][A-Za-z .'-]{1,40}[)）])?\s*[:：,，]\s*"
    r"(?P<headline>[^。!?！？:：“”「」『』][^。!?！？:：]{1,29})$"
)


# A heading of a name, a colon and a headline with no post before the name (某某:城市交通需回归步行优先), no sentence in it:
# a roundup's section heading when the paragraph under it introduces the person by that name, and every section opens so.
_NAME_COLON_HEADING = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,3})[:：]\s*(?P<headline>[^。!?！？:：“”「」『』][^。!?！？:：]{1,29})$"
)
# A headline that claims something (需 / 要 / 应 / 必须 / 亟待 …), not one that only names the topic (…的转折点).
_CLAIMING_HEADLINE = re.compile(r"需|要|应|必须|亟待|不能|不可|不是")


def _named_headings(paragraphs: list[str], names: Names) -> dict[int, Speaker]:
    """The roundup's section headings of a name, a colon and a claim (某某:城市交通需回归步行优先), each right over a paragraph
    that names the person (某公司董事长某某指出,…), by paragraph index: two or more, or none."""
    found: dict[int, Speaker] = {}
    for index, paragraph in enumerate(paragraphs[:-1]):
        heading = _NAME_COLON_HEADING.match(paragraph.strip())
        if heading is None or not _is_heading(paragraph):
            continue
        name, under = heading.group("name"), paragraphs[index + 1]
        if not (name in names.by_name or name in names.found or _plausible_name(name)):
            continue
        if name in under and not _is_heading(under):
            found[index] = names.speaker(name)
    return found if len(found) > 1 else {}


def _speaker_heading(paragraph: str, names: Names) -> Speaker | None:
    """The person a line of a name and a post heads, nothing else on it (某某 某公司联合创始人; the name may be spaced
    out, 段 某 某公司创始人), as a salon's or a forum's summary heads each speaker's remarks; or a heading of a post,
    the name, a colon and a headline (全国人大代表 某某:要把…)."""
    # The Latin form in brackets makes the heading no longer than its Chinese one.
    if (posted := _POSTED_NAME_HEADING.match(paragraph.strip())) is not None and _is_heading(
        paragraph.replace(posted.group("latin") or "", "")
    ):
        name = posted.group("name")
        if name in names.by_name or name in names.found or _plausible_name(name):
            return names.speaker(name)
        return None
    if len(paragraph) > _HEADING_CHARS or _LABEL_PUNCT.search(paragraph):
        return None
    tokens = paragraph.split()
    if len(tokens) < 2:
        return None
    if 2 <= len(tokens[0]) <= 4:
        name, post = tokens[0], "".join(tokens[1:])
    else:
        spaced = next((n for n, token in enumerate(tokens) if len(token) != 1), len(tokens))
        if not 2 <= spaced <= 3:
            return None
        name, post = "".join(tokens[:spaced]), "".join(tokens[spaced:])
    if not re.fullmatch(r"[\u4e00-\u9fffA-Za-z]{2,30}", post):
        return None
    if not (re.search(rf"{_TITLE_BEFORE}$", post) or _TITLE_AFTER.search(post)):
        return None
    if not (name in names.by_name or name in names.found or _plausible_name(name)):
        return None
    return names.speaker(name)


_FIRST_PERSON_START = re.compile(r"^[^。!?！？]*?(?:我|咱)")
# 我 for one person, not 我们 / 我国 / 自我.
_I = re.compile(r"(?<!自)我(?![们国方军校院司])")


# An op-ed may argue without 我 (当下,…无疑是…。然而,深入探究便会发现,…): a text that quotes nothing, tells of no one as
# 他 / 她 and has no verb of saying or judging but one of finding (发现 / 看到, the writer's own) reports nobody's words,
# so under a title that opens with a name and a colon it is that person's own argument.
_REPORTS_SOMEONE = re.compile(r"[“”「」『』\"]|(?<!其)(?:他|她)(?![们人])")
# A short term in quotation marks inside a clause, no punctuation inside it nor a comma or a colon after it (靠「芯片热」
# 起家 / 成了一种「共同语言」。): a word the writer sets off, nobody's words.
_SET_OFF_TERM = re.compile(r"(?<=[\u4e00-\u9fff])[“「『][^“”「」『』\"\s,，。、!！?？:：;；]{1,10}[”」』](?![,，:：])")
# A verb of speech as a noun's modifier (反复强调的关键词) or inside a noun (分析师): nobody saying anything.
_VERB_AS_WORD = re.compile(r"的(?!是)[\u4e00-\u9fff]|师")


def _argues_alone(text: str) -> bool:
    """Whether the text quotes nothing, refers to nobody as 他 / 她 and says nobody said or judged anything (业内人士认为):
    no one's words but its writer's."""
    text = _SET_OFF_TERM.sub("", text)
    if _REPORTS_SOMEONE.search(text):
        return False
    return all(
        verb.group(0) in _BEFORE_COLON_ONLY or _VERB_AS_WORD.match(text, verb.end()) for verb in _VERB.finditer(text)
    )


def _speaks_as_i(text: str) -> bool:
    """Whether the text says 我 in its own voice somewhere: outside quotation marks."""
    for paragraph in text.split("\n"):
        depth, at = 0, 0
        for match in _I.finditer(paragraph):
            depth, at = _quote_depth(paragraph[at : match.start()], depth), match.start()
            if depth == 0:
                return True
    return False


def speaks_first_person(paragraph: str) -> bool:
    """Whether the paragraph's first sentence speaks in the first person (我 / 我们 / 咱们), as an answer under its
    speaker's name line does; a caption's name line is followed by the article telling of the person."""
    return bool(_FIRST_PERSON_START.match(paragraph))


# A turn of a printed dialogue: a speaker's name, a role or 问/答/Q/A, then a colon (张一甲:… / 问:… / 记者:…).
# A speaker named in Latin letters (Satya Nadella:…) writes the full name with its space.
_TURN_PREFIX = re.compile(
    rf"^(?P<who>[A-Z][a-z]+(?: [A-Z][a-z]+){{1,2}}|[A-Z][a-z]{{2,19}}|[^\s,，。:：;；!！?？“”「」『』()（）]{{1,8}})"
    rf"{_TURN_ROLE}\s*[:：]"
)
# A turn's label of a family name and 总, the short form of 总裁 / 总经理 that staff call their chief by (钱总).
_CHIEF_LABEL = re.compile(r"(?P<family>[\u4e00-\u9fff]{1,2})总")
# A turn's label of a name and the title after it (某某教授 / 某某博士 / 某某老师).
_TITLED_LABEL = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,3})(?:教授|博士|老师|先生|女士|院士|研究员)")
# A guest who goes by one Latin word (a handle: Moonwalker:…) labels turns that answer in the first person; an English
# role word in that place (Answer:…, Host:…) is nobody's name.
_LATIN_HANDLE = re.compile(r"[A-Z][a-z]{2,19}")
# A handle a conversation's speakers go by (Jun / xBeta / alice_w): one Latin word of three to twenty letters with at
# least two lower-case ones, not an acronym (AI / GPT).
_HANDLE_LINE = re.compile(r"(?=(?:[^a-z]*[a-z]){2})[A-Za-z][A-Za-z0-9_]{2,19}")
_ROLE_WORDS = frozenset(
    (
        "Question", "Answer", "Host", "Guest", "Interviewer", "Interviewee", "Moderator", "Reporter", "Editor",
        "Note", "Speaker", "Audience", "Narrator", "Update", "Source", "Summary",
    )
)  # fmt: skip
_HEADING_CHARS = 40
# A foreign name with its dot as a turn's label (马克·扎克伯格:…).
_DOTTED_TURN = re.compile(rf"{_NAME_PART}{{1,6}}(?:[{_NAME_DOTS}]{_NAME_PART}{{1,6}}){{1,3}}")


# The sides of a magazine's Q&A named by who asks and who answers (某刊问:… / 某某答:…).
_QA_SIDE = re.compile(r"(?P<who>[^\s]{2,6}?)(?P<part>问|答)")


# A label the text itself shortens for the turns after it: 记者某某(以下简称"安"):… / 某某(下称"梁"):…; the short
# label then stands for the full one (安:… is the reporter's turn, 梁:… the guest's).
_SHORTENED_AS = re.compile(
    r"(?P<full>[^\s,，。:：;；!！?？“”「」『』()（）]{1,10})\s*[(（]\s*(?:以下|下文|后文)?(?:简称|称)(?:为)?\s*"
    r"[“「『\"']?(?P<short>[^\s“”「」『』\"'()（）,，。]{1,4})[”」』\"']?\s*[)）]\s*[:：]"
)


def shortened_labels(paragraphs: list[str]) -> dict[str, str]:
    """Each short label a dialogue defines (以下简称"安") with the full label it stands for ("记者某某")."""
    short: dict[str, str] = {}
    for paragraph in paragraphs:
        found = _SHORTENED_AS.match(paragraph)
        if found and found.group("short") != found.group("full"):
            short.setdefault(found.group("short"), found.group("full"))
    return short


# A roundtable's turn labelled by the guest's company, a space, then the guest's name (某某机器人 孙立:…).
_COMPANY_TURN = re.compile(
    r"^[^\s,，。:：;；!！?？“”「」『』()（）]{2,16}[ \u3000\u00a0]+(?P<who>[\u4e00-\u9fff]{2,4})\s*[:：]"
)


# A turn labelled by a post, longer than a name's label may be (某某及某某局局长:…).
_POST_TURN = re.compile(r"^(?P<who>[\u4e00-\u9fff]{2,16})\s*[:：](?=[^\n]*[。!?！？…])")


# A turn labelled by the speaker's post and name glued together, no blank between (某某集团董事长兼CEO钱某某:… /
# 某公司首席执行官Mark Ellison:…), longer than a name's label may be: the name ends the label, right after a post's end.
# The name may carry its Latin form in brackets before the colon (某智库主席钱某(Jane Qian):), as a digest of a forum's
# speakers writes a foreign guest's: the brackets gloss the name, the label still ends with it.
# Several posts set apart by 、 (某委员、某集团党组书记、总经理、某公司董事长 某某:) take it to forty-odd characters.
_POSTED_NAME_TURN = re.compile(
    r"^(?P<label>[^\s,，。:：;；!！?？“”「」『』()（）][^,，。:：;；!！?？“”「」『』()（）]{3,29}"
    r"|[^\s,，。:：;；!！?？“”「」『』()（）、][^,，。:：;；!！?？“”「」『』()（）]{3,29}(?:、[^,，。:：;；!！?？“”「」『』()（）、]{2,16}){1,3})"
    r"\s*(?:[(（][A-Z][A-Za-z.·' -]{1,40}[)）])?\s*[:：]"
)


# A second post in brackets after the first (某集团董事长(创始人)某某:…), read as part of the label's post.
_BRACKETED_POST = re.compile(
    rf"(?<=[\u4e00-\u9fff])[(（][^()（）,，。:：]{{0,8}}?(?:{_TITLE_BEFORE}|{_OFFICE_BEFORE})[)）]"
)


# A name of three characters between a post's blank and the label's end (某集团董事长 某和某): no pronoun or particle in it.
_SPACED_NAME_IN_LABEL = re.compile(
    rf"(?:{_TITLE_BEFORE}|[长官])[ \u3000\u00a0]+(?P<name>(?:(?![{''.join(sorted(_NEVER_IN_NAME))}])[\u4e00-\u9fff]){{3}})$"
)


def _posted_name_turn(paragraph: str, names: Names) -> Speaker | None:
    """The person whose turn a label of a post and a name opens (某公司董事长兼CEO钱某某:…), when a sentence ends in the
    turn or the label stands alone, and the name the label ends with comes right after a post (``_POST_END``)."""
    colon = re.search(r"[:：]", paragraph)
    bracket = _BRACKETED_POST.search(paragraph[: colon.start()] if colon else "")
    if bracket is not None:
        paragraph = paragraph[: bracket.start()] + paragraph[bracket.end() :]
    label = _POSTED_NAME_TURN.match(paragraph)
    if label is None or not (re.search(r"[。!?！？…]", paragraph) or not paragraph[label.end() :].strip()):
        return None
    text = label.group("label").rstrip(" \u00a0")
    name = names.name_ending(text)
    if name is None and not paragraph[label.end() :].strip():
        # A label alone on its line whose name has a family name the rules do not know (某协会副总裁某峰:): the post
        # marks where the name starts and the colon where it ends, when its two characters are no word and hold no
        # particle or pronoun.
        rare = re.search(rf"{_TITLE_BEFORE}(?P<name>[\u4e00-\u9fff]{{2}})$", text)
        two = rare.group("name") if rare else ""
        if (
            rare
            and rare.group(0)[: -len(two)] not in ("代表", "委员")
            and not any(ch in _NOT_IN_NAME for ch in two)
            and two not in _dictionary_words().two_characters
            and two not in _dictionary_words().common
        ):
            name = two
    if name is None and (spaced := _SPACED_NAME_IN_LABEL.search(text)) and spaced.group("name")[0] in SURNAMES:
        # 某集团董事长 某和某:…: the blank after the post and the colon bound the name, so a character that is a
        # conjunction or a preposition elsewhere (和 / 中 / 为) may stand in it.
        name = spaced.group("name")
    if name is None or len(name) >= len(text):
        return None
    post = text[: -len(name)].rstrip(" \u00a0")
    if not _POST_END.search(post) or _VERB.search(post):
        return None
    return names.speaker(name)


def _company_turn(paragraph: str, names: Names) -> Speaker | None:
    """The person whose turn a label of a company and a name opens (某某机器人 孙立:我是孙立。…), when the name reads as
    one and a sentence ends in the turn; a word that is no name after the company (某某动力 产品:…) opens no turn."""
    label = _COMPANY_TURN.match(paragraph)
    if label is None or not re.search(r"[。!?！？…]", paragraph):
        return None
    who = label.group("who")
    if who in names.by_name or who in names.found or (_plausible_name(who) and new_name_ending(who) == who):
        return names.speaker(who)
    if _sound_bite(paragraph) and re.fullmatch(f"[{_TRANSLITERATION}]{{2,6}}", who):
        # A sound bite's label (某党参议员 某某:「…」): the blank after the post marks where the name starts, so a foreign
        # name spelt in transliteration characters, however short, is the speaker's.
        return names.speaker(who)
    return None


def _sound_bite(paragraph: str) -> bool:
    """Whether the paragraph is a TV script's sound bite: a post or a company, a blank, a name and a colon that opens a
    quotation (某党参议员 某某:「…」). A label alone on its line (某公司董事长 某某:) opens no quotation: its turn is the
    paragraph under it, and nothing (the empty string is in every string) is no opening quote."""
    label = _COMPANY_TURN.match(paragraph)
    opening = paragraph[label.end() :].lstrip()[:1] if label is not None else ""
    return bool(opening) and opening in _OPEN_QUOTES


def _quoted_turn(paragraph: str) -> bool:
    """Whether what follows the turn's label is one quotation that closes where the paragraph ends (某某:“…。”)."""
    colon = re.search(r"[:：]", paragraph)
    words = paragraph[colon.end() :].strip() if colon else ""
    return (
        words[:1] in _OPEN_QUOTES and words[-1:] in _CLOSE_QUOTES and len(re.findall(f"[{_OPEN_QUOTES}]", words)) == 1
    )


def _host_bite(paragraph: str) -> bool:
    """A sound bite of the reporter's or the host's (某台记者 某某:「…?」): nobody's view, the question put to a guest."""
    label = _COMPANY_TURN.match(paragraph)
    return _sound_bite(paragraph) and label is not None and bool(_HOST_BEFORE.search(label.group(0).split()[0]))


# A date stamp a page glued before a conversation's first label (9-26某某:… / 2025-03-14某某:…): no part of the label.
_STAMPED_LABEL = re.compile(r"^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?\s*(?=[\u4e00-\u9fff])")
# A role's label rather than a name (主持人 / 记者 / 嘉宾 / 观众 / 甲方 / 问 / 答): no person's turn, however often it recurs.
_ROLE_LABEL = re.compile(r"(?:人|者|员|宾|众|友|师|生|方|家|问|答|甲|乙|男|女)$")
# A page's field label, which may recur over several items (来源:… / 链接:… / 标签:…): no one's turn either.
_FIELD_LABEL = re.compile(
    r"来源|出处|链接|原文|地址|网址|时间|日期|标签|关键[词字]|摘要|简介|备注|提示|注意|声明|导读|编辑|责编|校对|审核"
    r"|图片|视频|音频|下载|更多|相关|推荐|阅读|点击|回复|评论|附件|版权|说明|要点|总结|结论|背景"
)
# The kind of a point in a speaker's notes (观点:… / 事实:… / 案例:…), set before each point under the speaker's line: a
# tag of the point, no one's label, so the speaker's turn runs on through it.
# The members' turns that make a page a group chat's thread, whose other labels are members' nicknames.
_GROUP_CHAT_PEOPLE = 2
# A numbered list of several people's highlights (1.某某:… then 2.某某:…): the number before a name the text introduced
# is the list's, and the name after it labels that person's point as a bare label does.
_NUMBERED_LABEL = re.compile(r"\d{1,2}\s*[.、．]\s*(?P<name>[\u4e00-\u9fff]{2,4})")
_POINT_TAG = re.compile(r"观点|看法|事实|数据|案例|例子|举例|论据|启示")


def recurring_labels(paragraphs: list[str]) -> frozenset[str]:
    """The labels of a conversation that goes by first names or nicknames (a podcast's hosts, 晓雨:… 海风:…), which read
    as no family name and a given name: two or more labels of two to four characters, each opening two or more
    paragraphs in which a sentence ends, are speakers' turns; a role's label (主持人:) is none."""
    opened: Counter[str] = Counter()
    for paragraph in paragraphs:
        prefix = _TURN_PREFIX.match(paragraph)
        if prefix is None or not re.search(r"[。!?！？…]", paragraph[prefix.end() :]):
            continue
        who = _STAMPED_LABEL.sub("", prefix.group("who"))
        if (
            re.fullmatch(r"[\u4e00-\u9fff]{2,4}", who)
            and not _ROLE_LABEL.search(who)
            and not _FIELD_LABEL.search(who)
            and not _POINT_TAG.fullmatch(who)
        ):
            opened[who] += 1
    recurring = frozenset(who for who, times in opened.items() if times >= 2)
    return recurring if len(recurring) >= 2 else frozenset()


def _group_chat_nicknames(paragraphs: list[str], names: Names) -> frozenset[str]:
    """The nicknames in a group chat's thread, each post its own label (某总:… / 某老师:… / 立某:…): where two or more
    labels open turns of people, another label of two to four characters, no role's nor a field's nor a point's kind,
    opening a paragraph in which a sentence ends and nothing is asked, is a member's nickname and opens that member's
    turn."""
    people: set[str] = set()
    others: set[str] = set()
    for paragraph in paragraphs:
        prefix = _TURN_PREFIX.match(paragraph)
        if prefix is None or not re.search(r"[。!?！？…]", paragraph[prefix.end() :]):
            continue
        who = prefix.group("who")
        if _dialogue_turn(paragraph, names)[1] is not None:
            people.add(who)
        elif (
            re.fullmatch(r"[\u4e00-\u9fff]{2,4}", who)
            # A label whose paragraph asks (某某周刊:两位怎么看…?) is the interviewer's, no member's.
            and not re.search(r"[?？]", paragraph)
            # Nor is a post alone (主席:好,我们请部长。): the chair of a meeting whose record labels the members' turns.
            and not re.fullmatch(rf"(?:{_TITLE_BEFORE}|{_OFFICE_BEFORE})+", who)
            and not _ROLE_LABEL.search(who)
            and not _FIELD_LABEL.search(who)
            and not _POINT_TAG.fullmatch(who)
        ):
            others.add(who)
    return frozenset(others) if len(people) >= _GROUP_CHAT_PEOPLE else frozenset()


# A turn labelled as a parliament's record labels it: the family name, the post, then the given name (王委员某某:… /
# 李主任委员某某:…). The person is the family name and the given name; read as a post and a name glued together, the
# label would give the given name alone.
_SPLIT_NAME_TURN = re.compile(
    rf"^(?P<family>[\u4e00-\u9fff]{{1,2}}?)(?:{_TITLE_BEFORE}|{_OFFICE_BEFORE}|主委|召委){{1,2}}"
    r"(?P<given>[\u4e00-\u9fff]{1,2})\s*[:：]"
)


def _split_name_turn(paragraph: str, names: Names) -> Speaker | None:
    """The person whose turn a label of a family name, a post and a given name opens (王委员某某:…), when the label
    recurs in the text as a record's turns do, a sentence ends in the turn, and no speech verb stands where the given
    name would be (王部长表示:… is the minister of that family name saying something)."""
    label = _SPLIT_NAME_TURN.match(paragraph)
    if label is None or not re.search(r"[。!?！？…]", paragraph):
        return None
    family, given = label.group("family"), label.group("given")
    full = family + given
    if (
        family not in SURNAMES
        or _VERB.search(given)
        or set(given) & _NEVER_IN_NAME
        or names._text.count(paragraph[: label.end()].rstrip(":： ")) < 2
        or not _plausible_name(full)
    ):
        return None
    return names.speaker(full)


def _dialogue_turn(
    paragraph: str, names: Names, short: dict[str, str] | None = None, recurring: frozenset[str] = frozenset()
) -> tuple[bool, Speaker | None]:
    """(Does the paragraph open a turn of a printed dialogue, whose): "孙立:…" opens 孙立's, "问:…" nobody's.
    A label the dialogue shortened (``short``: 梁 for 梁某某) stands for its full label; a label of a conversation that goes
    by first names (``recurring``: 晓雨 / 海风) is that speaker's."""
    if (guest := _company_turn(paragraph, names)) is not None:
        return True, guest
    if (member := _split_name_turn(paragraph, names)) is not None:
        return True, member
    if _host_bite(paragraph):
        return True, None
    if (posted := _posted_name_turn(paragraph, names)) is not None:
        return True, posted
    # A post however long (某某及某某局局长:…), which the text introduced with its holder's name.
    if (post := _POST_TURN.match(paragraph)) and (holder := names.post_holder(post.group("who"))) is not None:
        return True, names.speaker(holder)
    prefix = _TURN_PREFIX.match(paragraph)
    alone = (
        prefix is not None and not paragraph[prefix.end() :].strip()
    )  # "孙立:" on a line of its own, the answer below
    if prefix is None or not (alone or re.search(r"[。!?！？…]", paragraph)):
        return False, None  # "李彦宏:百度搜索…" without a full stop is a headline, not a turn
    who = prefix.group("who")
    if _POINT_TAG.fullmatch(who):
        return False, None
    if (listed := _NUMBERED_LABEL.fullmatch(who)) and (
        listed.group("name") in names.by_name
        or listed.group("name") in names.found
        or _plausible_name(listed.group("name"))
    ):
        who = listed.group("name")
    if _STAMPED_LABEL.sub("", who) in recurring:
        who = _STAMPED_LABEL.sub("", who)
    if short and who in short:
        who = short[who]
    # A magazine's Q&A labels its sides by who asks and who answers (某刊问:… / 某某答:…): the asking side is the
    # interviewer, nobody's view; the answering side is the person named before 答.
    if (side := _QA_SIDE.fullmatch(who)) is not None:
        if side.group("part") == "问":
            return True, None
        who = side.group("who")
    # A name with its title after it (某某教授:… / 某某博士:…) labels that person's turn, as the bare name does.
    if (titled := _TITLED_LABEL.fullmatch(who)) and _plausible_name(titled.group("name")):
        who = titled.group("name")
    if (
        who in names.by_name
        or who in names.found
        or _plausible_name(who)
        or who in recurring
        or _LATIN_NAME.fullmatch(who)
        or _DOTTED_TURN.fullmatch(who)
        # A foreign name spelt in transliteration characters (特斯拉 would be a company) that answers in the first person.
        or (
            re.fullmatch(f"[{_TRANSLITERATION}]{{2,6}}", who) is not None
            and speaks_first_person(paragraph[prefix.end() :].strip())
        )
        or (
            _LATIN_HANDLE.fullmatch(who)
            and who not in _ROLE_WORDS
            and speaks_first_person(paragraph[prefix.end() :].strip())
        )
    ):
        # A guest labelled by a first name the introduction wrote in full (Illia: after Illia Polosukhin) is that person.
        full = names.latin_name_first(who) if _LATIN_HANDLE.fullmatch(who) else None
        return True, names.speaker(full or who)
    if (holder := names.post_holder(who)) is not None:
        return True, names.speaker(holder)
    # A label of three characters whose family name the rules do not know (a rare one), which the text introduces
    # right after a post (请来…副总裁某某某、…两位嘉宾): the guest list says a person is named, so the turn is theirs.
    if len(who) == 3 and names._rare_family_ending(who) == who:
        return True, names.speaker(who)
    return True, None


def _sectioned_points(paragraphs: list[str], index: int) -> bool:
    """Whether the numbered list a paragraph announces heads sections: the point right under it is followed by a
    paragraph of running text that is no point, and a later point follows that."""
    under = paragraphs[index + 1 : index + 3]
    rest = paragraphs[index + 3 :]
    return (
        len(under) == 2
        and not _POINT.match(under[1])
        and not _is_heading(under[1])
        and any(_POINT.match(p) for p in rest)
    )


def _headline_points(paragraphs: list[str], index: int) -> bool:
    """Whether the list a paragraph announces is of highlights, the two lines right under it short and with no full stop
    (采访亮点如下: then 某某和某某共进晚餐的时刻是… / 某某早期因…吸引了人才), not a heading over running text."""
    under = paragraphs[index + 1 : index + 3]
    return len(under) == 2 and all(_headline(p) and not _POINT.match(p) for p in under)


_HEADLINE_CHARS = 60


def _headline(paragraph: str) -> bool:
    """A line with no full stop, a heading's or a highlight's, which may run longer than a heading."""
    return len(paragraph) <= _HEADLINE_CHARS and not re.search(r"[。!?！？…;；][”’」』\"')）]*", paragraph)


def _is_heading(paragraph: str) -> bool:
    """A section heading: short, and no sentence ends in it."""
    return len(paragraph) <= _HEADING_CHARS and not re.search(r"[。!?！？…;；][”’」』\"')）]*", paragraph)


# A point of a list: numbered (1. / 2、/ 二、/ (3) / ① / 第一,) or bulleted.
_POINT = re.compile(
    r"^(?:\d{1,2}\s*[.、．)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[①-⑳]"
    r"|第[一二三四五六七八九十]{1,3}[,，、:：]|[-•·*]\s)"
)
# A speaker's first point opened right after the verb's comma or colon in the paragraph's first sentence (他进一步解释道,
# 首先,…): the paragraphs numbered after it (第二,… / 其次,…) go on with the same person's points.
_FIRST_POINT_OPENED = re.compile(r"^[^。!?！？“”「」]{0,40}?[,，:：]\s*(?:首先|第一)[,，、:：]")
_NEXT_POINT = re.compile(r"^(?:第二|其次|二是|2\s*[.、．])[,，、:：]?")
# The interviewer asks (“…?” 这次我们问。/ 记者追问:…?): the quotation that answers opens the next paragraph.
_ASKED = re.compile(r"(?:我们|记者|笔者|我)[^,，。:：“”「」]{0,3}(?:追问|问道|问)[。:：]?\s*$")


# A bulleted point (• … / - …), not a numbered one.
_BULLET = re.compile(r"^[•*-]\s")
# A sentence that only hands over a list (以下为一系列关键举措: / 具体如下:), after a person's view in its paragraph.
_HAND_OVER = re.compile(r"^(?:以下(?:是|为)|具体(?:如下|来看|来说)|如下)[^,，。]{0,20}[:：]$")
GOES_ON = "(reported speech goes on)"
# A published work cited with where and when it came out in brackets after its title (某某在《某书》(《某刊》2019年第3期)中
# 认为 / 某某《某文》(2020)指出): a survey of the literature, whose next sentences are its writer's, not the author's.
_WORK_CITED = re.compile(r"《[^》]{1,40}》\s*[(（][^()（）]{0,30}?(?:19|20)\d\d\s*年?[^()（）]{0,12}[)）]")
# The same citation right before the verb, perhaps after 在 and before 中 / an adverb (某某在《某书》(2019)中认为 / 某甲、
# 某乙《某文》(《某刊》2020年第5期)也指出): the name before it is the author's.
_CITED_BEFORE_VERB = re.compile(rf"在?{_WORK_CITED.pattern}\s*(?:中|里|上)?(?:也|还|则|亦|都|更)?$")
_GOES_ON = GOES_ON
# The writer's first-person reaction to the words just reported (这句话让我深感共鸣 / 这让我想起了他…): a person whose speech
# is reported in the third person does not speak as 我 in it, so the writer speaks, and the run of reported speech ends.
_WRITER_REACTS = re.compile(
    r"^(?:这|这句话|这番话|这段话|这些话|此话|这一观点|这个观点)(?:也|更|不禁|不由得|深深)?(?:让|令|使)我(?!们)"
)
# Inside a guest's answer, what someone else did, told as 他 / 她 and done (后来他自己就把这个功能给做了。): the guest, who
# speaks of himself as 我, narrates; no view of his.
_TELLS_WHAT_HE_DID = re.compile(
    r"^(?:(?:后来|当时|然后|于是|最后|结果|那时|之后)[,，]?)?(?:他|她)(?![们的所])[^。!?！？我咱]*了[。!！]?$"
)
# A line of an answer that points back at what the answer just said and goes on with an adverb (这种变革同样体现在… /
# 这一点也说明…): a sentence whose stop the page lost, no heading, so the turn runs on through it.
POINTS_BACK = re.compile(r"^这(?:种|一|些|样的|个)[^,，。:：“”]{0,12}?(?:同样|也|还|正|更|恰恰)[\u4e00-\u9fff]")
# A line of an answer in the speaker's own first person with a clause before its colon (我们的另一个发现是,…有两点不同:):
# the speaker handing over the points below, no heading (a heading names its topic, 两点不同:, with no clause), so the turn
# runs on through it.
_OWN_POINTS_HANDED = re.compile(r"^(?:我|我们|咱们)[^,，。:：“”「」]{0,16}[,，][^。:：“”「」]{2,40}[:：]\s*$")
# A paragraph whose first clause has 他 / 她 as its subject, at most after a short connective (因此,他… / 但她…).
_TOLD_OF = re.compile(r"^(?:[^,，。:：“「『]{1,6}[,，]\s*|但|而|可)?(?:他|她)(?![们的所])")
_CARRIES_ON = re.compile(r"^(?:而(?![言今已且])|此外[,，])")
# A paragraph that reasons on in the speaker's own register, with no verb of its own: it opens with a connective of an
# argument (所以 / 更关键的是 / 比如 …) or talks as people talk (说白了 / 其实 / 你看 / 这个东西 …). Right after a paragraph
# ending in a person's reported view, it is that view going on (他认为,…。 then 说白了,就是…。).
_REASONS_ON = re.compile(
    r"^(?:所以|因此|因为|但是|不过|更关键的是|更重要的是|关键(?:在于|是)|换言之|换句话说|也就是说|说白了|说到底|讲白了"
    r"|简单(?:来)?说|归根结底|本质上|事实上|实际上|比如|例如|譬如|打个比方|举个例子|一方面|另一方面|首先|其次|最后|相比之下|对比之下|与之相比|反观"
    # 其中,…: the parts of what the view just named (…面临多重挑战,尤其在A与B两个层面。 then 其中,在A方面,…).
    r"|其中[,，]"
    # 其一,… / 其二,…: the counted parts of what the view just named (…具备多重优势。 then 其一,在于…), as 首先 / 其次 are.
    r"|其[一二三四五六七八九十][,，、])"
    r"|说白了|讲白了|说到底|其实|你看|你想|咱们|这个东西|这件事(?:情)?(?:其实|很)|这玩意"
)
# A crowd's belief stated to be refuted in the same sentence (目前舆论似乎认为…,但…只是…): the speaker's argument.
_CROWD_REFUTED = re.compile(
    r"(?:舆论|外界|业界|市场|很多人|不少人|许多人|有人|人们|大家|一些人)(?:似乎|普遍|往往|一度|都|总|常常)?"
    r"(?:认为|觉得|以为)(?=[^。!?！？]*?[,，](?:但|但是|可是|然而|其实))"
)
# 应是 / 应为 and 需具备 are 应该是 and 需要具备 as a terser report writes them (…,应是站在使用者的角度…).
_OPINION_WORDS = re.compile(
    r"必须|应该|应当|需要|关键|核心|本质|不是[^。]{1,20}而是|才能|只有|一定|不能|将会|意味着|取决于|唯一|最大的"
    r"|应是|应为|需具备"
)
_ARTICLE_VOICE = re.compile(
    r"^(?:但|这也|这正|这就|尽管|虽然)|据悉|据了解|据报道|记者|本报|笔者|数据显示|资料显示|截至|日前|近日|此前|会上|现场|论坛|峰会|大会|举行|举办|出席|亮相|宣布|发布|推出|上线|\d{1,2}月\d{1,2}日|\d{4}年"
)
# Spoken phrases that hold a speech verb but report nobody's speech (说白了 / 简单来说 / 对比之下), left out before looking for one.
# 对(于)…来说 is "as for …" (对于某某来说,…), a frame the writer sets, not 来说 said by a person called 某某来.
_SPOKEN_PHRASE = re.compile(
    r"说白了|讲白了|说到底|说实话|老实说|坦白说|简单(?:来)?说|换句话说|也就是说|比如说|话说|对比之下"
    r"|对(?:于)?[^,，。:：;；“”「」『』]{1,16}?来说"
)
HANDS_OVER = "(hands over a list after their view)"
# A source the text does not name (知情人士表示 / 消息人士透露 / 据报道,): what it says is nobody's view, and it ends the
# run of a named person's reported speech.
_UNNAMED_SOURCE = re.compile(
    r"(?:知情|消息|内部|业内|相关|匿名|接近[^,，。]{1,12}的)人士[^,，。:：“「『]{0,6}?(?:表示|透露|称|指出|说|提到|认为|形容|披露)"
    r"|^据(?:[^,，。]{0,12}?)(?:报道|报导|消息|透露|了解)[,，]"
    # Unnamed experts or analysts as the sentence's subject (专家认为,… / 对此,有分析人士指出,…): nobody's words the text
    # names; an expert with a name after the word (某领域专家某某认为) is that person, for the verb's own rule.
    r"|^(?:(?:对此|此外|同时|另外|不过|但|而)[,，]?)?(?:有|多位|不少|许多|很多|一些|部分|业内|相关|与会)?"
    r"(?:专家|分析师|分析人士|观察人士|学者)们?(?:也|则|普遍|一致|还)?(?:表示|认为|指出|称|说|分析|预计|预测|透露)"
    # The people a report has quoted, counted as one subject (三位嘉宾一致强调,… / 两人都认为… / 双方均表示…): a view they
    # share is no one person's, and the run of the last one's reported speech has ended.
    r"|^(?:(?:对此|此外|同时|另外|不过|但|而|最后|最终)[,，]?)?"
    r"(?:[两二三四五六七八九几多数]位(?:嘉宾|专家|学者|院士|大佬|讲者|对话者|企业家|创始人)?|双方|二人|两人|三人)们?"
    r"(?:也|则|都|均|普遍|一致|还|同样|共同)*(?:表示|认为|指出|强调|称|说|预计|预测|同意|认同|坦言|呼吁)"
    # The company the text refers back to as the subject of a verb of speech (该公司上周在声明中称,… / 这家公司表示…):
    # its statement, not the words of the person whose reported speech ran before.
    r"|^(?:(?:此外|同时|另外|不过|但|而)[,，]?)?(?:该|这家)(?:公司|企业|集团|机构)[^,，。:：“「『]{0,16}?"
    r"(?:表示|称|指出|透露|宣布|说|披露)"
    # A company or a body the sentence introduces with 有, unnamed (有一家本地初创公司指,… / 有参与峰会的科技企业认为,…):
    # its view is nobody's the text names, and the run of the last person's reported speech has ended.
    r"|^(?:(?:此外|同时|另外|不过|但|而)[,，]?)?有[^,，。:：“「『]{0,30}?(?:公司|企业|机构|团体|商会|商户|厂商)"
    r"(?:负责人|代表)?(?:也|则|都)?(?:表示|认为|指出|指|称|说|透露)"
    # A named broker, bank, fund or institute opening the sentence with its analysis (某某证券分析称,… / 某某研究院认为,…):
    # the body's view, no person's, and the run of the last person's reported speech has ended.
    r"|^(?:(?:此外|同时|另外|不过|但|而|对此)[,，]?)?[\u4e00-\u9fffA-Za-z]{1,12}?(?:证券|银行|基金|研究院|研究所|咨询|评级)"
    r"(?:研报|报告)?(?:也|则|还|同样)?(?:分析|表示|认为|指出|预计|预测|称)"
    # A named company's post holder the sentence leaves unnamed (某某咨询的总裁在一次论坛上说,… / 某公司的发言人称,…): a
    # person the text does not name, not the one whose reported speech ran before (not 这位 / 该 / 其, which point back).
    r"|^(?:(?:此外|同时|另外|不过|但|而|对此)[,，]?)?(?!这位|该|其|他|她)[\u4e00-\u9fffA-Za-z]{1,16}?的"
    r"(?:CEO|首席执行官|创始人|总裁|董事长|总经理|负责人|高管|发言人)"
    r"(?:在[^,，。:：“”「」『』]{1,16}?(?:时|中|上))?(?:也|则|还)?(?:表示|认为|指出|透露|称|说)"
)
# What a crowd thinks or says of the one addressed (因为很多人觉得你越来越温和。/ 有人说你…): the grounds of a question put
# to them, the crowd's view, not the speaker's.
_OTHERS_ON_YOU = re.compile(
    r"^(?:因为|可是|但是?|而且|其实|现在)?(?:很多人|不少人|好多人|许多人|有人|大家|外界|外面|网友|网上)"
    r"[^,，。!?！？]{0,6}?(?:觉得|认为|说|评价|议论)[^。!?！？]*?你(?!们)"
)
# A sentence that explains what drove the person or where a trait of theirs shows, with them as its object (…的信仰,
# 促使他辞去… / 这种坚持体现在她对…上): the writer's portrait of them, not their reported speech going on.
_DROVE_THEM = re.compile(r"(?:促使|驱使|推动)(?:他|她)(?!们)|体现在(?:他|她)(?!们)")
# Other people listed as examples (如某甲、某乙等… / 包括某甲、某乙在内的…): the writer surveying a field, not the words of
# the person whose reported speech ran before.
_OTHERS_LISTED = re.compile(r"(?:如|像|包括|例如|比如)[^,，。:：“”「」]{2,12}、[^,，。:：“”「」]{2,12}(?:等|在内)")
# A dated fact of the past told as background (某公司已于今年稍早将…): the writer's, not the reported speech going on.
# So is a company described by what kind of company it is (作为一家以某某为主的公司,某公司…), in the third person.
_BACKGROUND = re.compile(
    r"已(?:于|在|经于)(?:今年|去年|前年|\d{4}年|\d{1,2}月)?(?:稍早|早些时候|初|年初|年中|年底|\d{1,2}月)"
    # How the view was received (这一观点得到众多同行认同 / 此番言论引发热议): the writer's telling, not the view. So is how
    # the person's ranking, report or forecast was (这份排名迅速引发了关注 / 该报告引起热议).
    r"|^(?:这一|这个|这种|这番|此番|此|这份|这篇|该)(?:观点|看法|判断|说法|言论|表态|论断|排名|榜单|评估|报告|预测)"
    r"[^,，。]{0,4}?(?:得到|获得|引发|引起|赢得|受到|引爆|激起)"
    # How the market or investors take a thing (…这类产品仍受到市场的关注 / …备受资本追捧): the writer reporting its
    # reception from outside, not the words of the person reported before; unless told in the first person (我们的产品
    # 受到市场青睐), the speaker's own.
    r"|^(?![^。]*(?:我|咱))[^。]*?(?:受到(?:了)?|备受)(?:市场|资本|投资者|投资人|外界|业界)(?:的)?(?:广泛|持续|高度|热烈)?"
    r"(?:的)?(?:关注|追捧|青睐|热捧)"
    r"|^作为一(?:家|个)[^,，。“”「」]{1,20}(?:公司|企业|厂商)[,，](?![^。]*(?:我|咱))"
    # What the person's company is, told of in the third person (作为某领域服务商,其公司专注于…): the writer's background.
    r"|^作为[^,，。“”「」]{1,20}[,，]其(?:公司|企业|团队|机构)"
    # A presenter handing over to the reporter's piece (下面来看记者从…发回的报道。): the script's, not the speaker's.
    r"|^(?:下面|接下来|以下)请?(?:我们)?(?:来|一起)?(?:看|收看)[^。]{0,20}?(?:记者|报道|报导|视频|画面)"
    # A document the writer cites for figures (某公司上月公布的财报显示,… / 数据显示,…): the writer's, not the speaker's.
    r"|(?:财报|年报|季报|数据|报告|统计|调查|资料|公告|文件)显示"
    # A company described by its rank (某公司是全球市值最高的芯片公司): the writer's background, in the third person.
    r"|^[^,，。“”「」我]{1,20}是(?:全球|世界|国内|中国|美国|业内|行业|目前)[^,，。“”「」]{0,20}?(?:最大|领先|最高|第一|知名|头部|龙头)"
    r"[^,，。“”「」]{0,12}?(?:公司|企业|制造商|厂商|供应商|平台|品牌)"
    # A dated step taken by a government or a company (美国政府自2022年起限制…): told by the writer, not in the first person.
    r"|^(?![^。]*(?:我|咱))[^,，。“”「」]{1,20}?(?:自|从|于|在)(?:\d{4}年|去年|今年|上月|上周)(?:\d{1,2}月)?(?:\d{1,2}日)?(?:起|以来)?"
    r"[^,，。“”「」]{0,6}?(?:宣布|公布|发布|推出|出台|实施|限制|禁止|批准|收购|上市|创办|成立)"
)


def _announces(paragraph: str, last: Sentence | None, following: str | None) -> Speaker | None:
    """The speaker a paragraph hands its following paragraphs to: its last sentence names a speaker with a
    speech verb and ends with a colon (李某向记者解释了实际发生的调整:) or with the verb and a comma where the page broke
    the line (周某指出,), or counts the points that the following
    numbered paragraphs make, ending with a full stop (在其看来,…主要体现在三个方面。 / 第一,…)."""
    if last is None or last.speaker is None or not last.how:
        return None
    counted = (
        _COUNTED_POINTS.search(simplified(last.text))
        or _WORDS_SHARED.search(simplified(last.text))
        or _POINTS_SURVEYED.search(simplified(last.text))
    )
    if counted and following is not None and _POINT.match(following):
        return last.speaker
    if _FIRST_POINT_OPENED.search(simplified(paragraph)) and following is not None and _NEXT_POINT.match(following):
        return last.speaker  # 他进一步解释道,首先,…。 then 第二,…
    if _HAND_OVER.search(simplified(last.text)) and last.how.endswith(_GOES_ON):
        return last.speaker  # 张某主张…。以下为一系列关键举措:
    if last.how.endswith(")"):
        return None
    if re.search(r"[:：]\s*$", paragraph):
        return last.speaker
    # A line the page broke right after the speech verb and its comma (周鸿祎指出,): what follows is what was said.
    said = simplified(last.text).rstrip()
    if said.endswith((",", "，")) and any(m.end() == len(said) - 1 for m in _speech_verbs(said)):
        return last.speaker
    return None


# A highlight line of a talk's list (采访亮点如下: then lines without a full stop), the speaker's point though no sentence
# ends in it.
HIGHLIGHT = "(a highlight listed from the talk)"
HEADLINE_OVER = "(headline over their remarks)"
# A bulleted point carried to the person whose view the paragraph before ends with: another point may follow it, but
# no list handed over after it is theirs (the writer's own 此外,…: then bullets).
_BULLETED = "(bulleted point after their view)"
_NOT_REPORTED = ("(speech transcript)", "(interview turn)", "(dialogue)", HIGHLIGHT, _BULLETED)
_HANDING_OVER_CHARS = 40


def _hands_over_after_a_view(
    paragraph: str, own: list[Sentence], view_before: Sentence | None, following: str | None, names: Names
) -> Speaker | None:
    """The person whose list a short paragraph hands over: it names nobody and ends with a colon, it comes right
    after a paragraph that ends with that person's reported view (他指出,…), and the paragraph after it is an item
    of a list (numbered, or ending with a semicolon): "从发展速度看,进步堪称“爆发式”:" then "短短数年,…;"."""
    if len(own) != 1 or own[0].speaker is not None or len(paragraph) > _HANDING_OVER_CHARS:
        return None
    if not re.search(r"[:：]\s*$", paragraph) or names.mentioned(paragraph) is not None:
        return None
    if view_before is None or view_before.speaker is None or view_before.how.endswith(_NOT_REPORTED):
        return None
    if following is None or not (_POINT.match(following) or re.search(r"[;；]\s*$", following)):
        return None
    return view_before.speaker


def _reasons_on(paragraph: str, names: Names) -> bool:
    """Whether a paragraph carries on the reported view before it by itself: it names nobody, quotes no one's words, is
    no heading, holds no speech verb (so no one else's view either) and reasons on as the speaker talks (``_REASONS_ON``),
    or judges (必须 / 关键 / 才能 …) without the article's own marks of reporting (据悉 / 会上 / a date, 这也是 …)."""
    if names.mentioned(paragraph) is not None or _is_heading(paragraph) or paragraph[0] in _OPEN_QUOTES + '"':
        return False
    # A sentence of the same person's speaking on (他举例说:“…”) is no one else's view or words.
    others = "".join(s for s in split_sentences(paragraph) if not _SUBJECT_PRONOUN.match(s))
    if _SPEECH_QUOTE.search(others) or _NAMED_QUOTE.search(others):
        return False  # someone's words quoted (…,“…” / 金句“…”); a term in quotes (使用的“最强模型”) is no speech
    # What a crowd is said to think, then refuted (舆论似乎认为…,但…): the speaker arguing on, not the crowd's view.
    refuted = _CROWD_REFUTED.search(others)
    if refuted:
        others = others[: refuted.start()] + others[refuted.end() :]
    # A turn's label numbered as the minutes number their questions (1、提问:…) opens a turn as a bare one does.
    if (
        _speech_verbs(_SPOKEN_PHRASE.sub("", others))
        or _DIALOGUE.match(_POINT.sub("", paragraph, count=1))
        or _ASKED.search(paragraph)
    ):
        return False
    if _REASONS_ON.search(paragraph) or refuted:
        return True
    return bool(_OPINION_WORDS.search(paragraph)) and not _ARTICLE_VOICE.search(paragraph)


def _quoted_after_view(raw: str, opens_paragraph: bool, view_before: Sentence | None) -> Speaker | None:
    """The person whose words a sentence quotes without naming anyone: it opens the paragraph right after one that
    ends with that person's reported view, names nobody, has no speech verb of its own and quotes after a comma
    (…,并且“进展顺利”,“同行都很意外”。). A quotation that runs on past the sentence may name its speaker at its
    end, so the caller gives only a sentence whose quotations close in it."""
    if not opens_paragraph or view_before is None or view_before.speaker is None:
        return None
    quote = _SPEECH_QUOTE.search(raw)
    if view_before.how.endswith(_NOT_REPORTED) or quote is None:
        return None
    if _VERB.search(_NOW_IT_SEEMS.sub("", raw[: quote.start()])):
        return None  # 业内人士认为,“…”: someone else's words
    if all(_TERM_IN_CLAUSE.match(raw, q.start()) for q in re.finditer(r"[“「『]", raw)):
        return None  # 如今,“某某技术”已经走进…: a term in quotes the writer's clause goes on about, no one's words
    return view_before.speaker


# A term in quotes inside the writer's clause (如今,“某某计算”已经…): short, no punctuation inside, and the clause goes on
# right after it with no mark between, as a noun does; words quoted (…,并且“进展顺利”,…) are followed by a mark.
_TERM_IN_CLAUSE = re.compile(r"[“「『][^”」』,，。、!！?？:：;；\s]{1,10}[”」』](?=[\u4e00-\u9fffA-Za-z0-9])")


# 看来 after a word for now (可现在看来,“…”) reads "as it turns out now", nobody's speech verb: the quotation after it
# still goes on with the view before.
_NOW_IT_SEEMS = re.compile(r"(?:现在|如今|目前|眼下|当下|今天)看来")


# After a name, a word that makes it a modifier or one of several (的 / 之 / 、 / 和 / 与 / 及 / 等), not the subject.
_MODIFIER_AFTER = "的之、和与及等"


# A person's stance after the name (某某的态度发生了逆转): still the subject a news lede introduces.
_STANCE_AFTER_NAME = re.compile(r"^的(?:态度|观点|看法|立场|判断|想法)")


def _subject_of(raw: str, name: str) -> bool:
    """Whether ``name`` is the subject of the sentence ``raw``: it opens a clause or follows a post (某公司 CEO 某某分享了…),
    and a word of what is said of it follows, not 的 or another name joined to it."""
    at = raw.find(name)
    after = raw[at + len(name) : at + len(name) + 1]
    opens = at == 0 or raw[at - 1] in ",，:：;；、 " or bool(re.search(rf"{_TITLE_BEFORE}$", raw[:at]))
    return opens and bool(re.match(r"[\u4e00-\u9fff]", after)) and after not in _MODIFIER_AFTER


_BETWEEN = "(between the sentence naming them and 他 reporting them)"
# A sentence that opens by resting what its person says or does on what came before it, named as that person's insight
# or judgement (基于上述洞察,某某断言,… / 根据以上判断,他认为…): the sentences before it in the paragraph, which no verb gave
# to anyone and which name nobody, are that insight. "基于上述原因" / "根据以上数据" name facts, which may be the writer's.
_ON_THE_INSIGHT_ABOVE = re.compile(
    r"^(?:正是)?(?:基于|根据|鉴于|出于|结合|依据)(?:上述|以上|前述|上面的?|这些|这样的|这一|这种|此)[^,，。:：]{0,6}?"
    r"(?:洞察|判断|分析|观察|认识|认知|思考|逻辑|看法|理解|研判|考量)[,，]"
)
_INSIGHT_ABOVE = "(the insight the sentence naming them rests on, 基于上述…)"


def _insight_above(own: list[Sentence], names: Names) -> None:
    """Give the sentences before "基于上述洞察,某某断言,…" in its paragraph to that person (``_ON_THE_INSIGHT_ABOVE``)."""
    for k, item in enumerate(own):
        if item.speaker is None or not _ON_THE_INSIGHT_ABOVE.match(simplified(item.text)):
            continue
        for before in reversed(own[:k]):
            if before.speaker is not None or names.mentioned(simplified(before.text)) is not None:
                break
            before.speaker, before.how = item.speaker, f"{item.speaker.zh} {_INSIGHT_ABOVE}"


_OPENING_HEAD_CHARS = 12


def _between_naming_and_pronoun(own: list[Sentence], names: Names) -> None:
    """A paragraph that opens with a sentence whose subject is a person (某公司某某分享了…, the name in its first clause
    after at most a company or a post), then sentences that name nobody and no verb gives to anyone, then 他 / 她
    reporting that person's words (他举例说,…): the sentences between are the person's account, as a summit report
    gives each speaker a paragraph. The opening sentence itself stays as it was read."""
    if len(own) < 3:
        return
    first = simplified(own[0].text)
    name = names.mentioned(first)
    if name is None:
        return
    at = first.find(name)
    after = first[at + len(name) : at + len(name) + 1]
    # Posts listed with 、 before the name (某大学校长、某院院士某某) are still only a post, a longer one.
    head_chars = _LISTED_POSTS_CHARS if "、" in first[:at] else _OPENING_HEAD_CHARS
    if at > head_chars or re.search(r"[^\u4e00-\u9fffA-Za-z\s、]", first[:at]) or not after:
        return
    if after in _MODIFIER_AFTER or not re.match(r"[\u4e00-\u9fff]", after):
        return
    person = names.speaker(name)
    if own[0].speaker not in (None, person):
        return
    if _LOOKED_BACK.search(first):
        return  # 某某回顾了团队…的初心。当时,…。如今,…。: the story of that past, told by the writer, then 他 speaks
    for k, item in enumerate(own[1:], start=1):
        if item.speaker is person and item.how.startswith(("他(", "她(")):
            for between in own[1:k]:
                # The writer's between stays the writer's: a trait of 他 (…,也是他与众不同的特点) or the person's
                # background (作为某领域服务商,其公司专注于…).
                between_text = simplified(between.text)
                if not _HIS_TRAIT.search(between_text) and not _BACKGROUND.search(between_text):
                    between.speaker, between.how = person, f"{person.zh} {_BETWEEN}"
            return
        if item.speaker is not None or names.mentioned(simplified(item.text)) is not None:
            return
        if _TELLS_OF_HIM.search(simplified(item.text)):
            return  # 一方面,他是最响亮的…者。: the writer telling of the person, whose own account never calls them 他


# An opening sentence that says the person looked back over a past (某某回顾了团队…的初心 / …的创业历程): the sentences after
# it tell that past (当时,… / 如今,…), the writer's story of it, not the person's account.
_LOOKED_BACK = re.compile(r"(?:回顾|回忆|讲述|追忆)了?[^。,，;；]{0,30}的(?:初心|历程|经历|故事|往事|起点|过往|岁月)")
# A trait the writer ascribes to 他 / 她 (…,也是他与众不同的特点): the writer's portrait between the person's words, not
# their account.
_HIS_TRAIT = re.compile(
    r"(?:是|成了|成为)(?:他|她)(?!们)[^。,，;；]{0,20}?的(?:特点|特色|风格|习惯|标签|个性|性格|作风)"
)
# 他 / 她 as the subject of a clause (一方面,他是…): a sentence that tells of the person.
_TELLS_OF_HIM = re.compile(r"(?:^|[,，;；])(?:他|她)(?![们的])")
_LISTED_POSTS_CHARS = 30
# The longest name in quotes (在“某某·某地”大会上) the sentence naming the lede's speaker may hold.
_QUOTED_NAME_CHARS = 12


# A news agency's dateline that opens the lede (某新社北京3月3日电(记者 某某) / 某网3月3日讯 / 某局11月5日消息), or a site's
# or a paper's with no date (某某网讯(记者 某某) / 本报讯): the quotation after it still opens the paragraph.
# Or the outlet's and the column's tag in square brackets before a quotation (【某网 行业】“…。”): the lede's label.
_NEWS_DATELINE = re.compile(
    r"^[^“”「」『』。,，:：;；!！?？]{0,20}?(?:\d{1,2}月\d{1,2}日(?:电|讯|消息)|[网报台]讯)\s*(?:[(（][^()（）“”]{0,20}[)）])?\s*"
    r"|^[\[【][^\[\]【】“”「」『』。,，:：;；!！?？]{1,20}[\]】]\s*(?=[“「『])"
)


# A sentence that ends by saying the one person it names spoke thus (…某某在某展会期间接受记者采访时如是说。): whatever it
# tells of them first (posts a title rule does not know, where and when), it credits the quotation before it to them.
_SAID_SO_END = re.compile(r"(?:如是|这样|如此)(?:说|说道|表示|回答|回应)[。.]?\s*$")


def _introduced_after_quotation(raw: str, pending: list[Sentence], own: list[Sentence], names: Names) -> Speaker | None:
    """The person whose words open the paragraph as a quotation that names nobody, when the sentence right after it
    names one person, with no speech verb, as its subject: opening a clause or after their title, with something
    said of them ("“…。…。”今年某会上,某公司董事长某某关注…"). The news lede's quotation is that person's."""
    if not pending or pending != own or not own[-1].text.rstrip().endswith(tuple(_CLOSE_QUOTES + '"')):
        return None
    if not _NEWS_DATELINE.sub("", own[0].text.lstrip()).startswith(tuple(_OPEN_QUOTES + '"')):
        return None
    # Words quoted in the sentence may be someone's speech, unless they are a name in quotes (在“某某·某地”大会上): a few
    # characters in curly quotes that close, no clause or stop inside.
    if (
        re.search(r"[「『\"]", raw)
        or raw.count("“") != raw.count("”")
        or any(
            re.search(r"[,，。!！?？:：;；]", q.group(1)) or len(q.group(1)) > _QUOTED_NAME_CHARS
            for q in re.finditer(r"“([^“”]*)”", raw)
        )
    ):
        return None
    found = names.all_mentioned(raw)
    if len({name for _, name in found}) != 1:
        return None
    at, name = found[0]
    if _SAID_SO_END.search(raw):
        # …某某在某展会期间接受记者采访时如是说。: the sentence credits the quotation to them.
        return names.speaker(name)
    after = raw[at + len(name) : at + len(name) + 1]
    # The subject opens a clause or follows its title (某公司董事长某某), and something is said of it after it.
    opens = at == 0 or raw[at - 1] in ",，:：;；、 " or bool(re.search(rf"{_TITLE_BEFORE}$", raw[:at]))
    # …or follows a list of posts, one of them a title (某院院士、某大学讲师某某): the list marks where the name starts.
    posts = re.split(r"[,，:：;；]", raw[:at])[-1]
    listed = "、" in posts and bool(re.search(_TITLE_BEFORE, posts)) and "的" not in posts and not _VERB.search(posts)
    opens = opens or (listed and len(posts) <= _LISTED_POSTS_CHARS)
    stance = _STANCE_AFTER_NAME.match(raw[at + len(name) :])
    if not opens or not re.match(r"[\u4e00-\u9fff]", after) or (after in _MODIFIER_AFTER and not stance):
        return None
    return names.speaker(name)


# 据 opening the sentence, then the person, with their posts or not, before the verb (据某组织副总干事某某介绍,…): the
# sentence credits the person first, whatever the post is called, as one opening with the name does.
_BY_ACCOUNT_OF = re.compile(rf"^据[^,，。:：;；!！?？“”「」『』\"]{{0,{2 * _ATTRIBUTION_TAIL}}}?(?={_VERB.pattern})")


def _by_account_of(raw: str, name: str) -> bool:
    """Whether ``raw`` opens with 据 and the person's name, their posts before it or not, right before a verb of speech
    (“…。”据某组织副总干事某某介绍,…): the quotation before it is theirs."""
    return bool((opening := _BY_ACCOUNT_OF.match(raw)) and opening.group(0).endswith(name))


# A sentence that ends on its speech verb after the name, with no comma or quotation between (…开过三家店的某某向记者
# 坦言 。): it only says who said the quotation before it, however long the description in front of the name is.
_CREDIT_TAIL = re.compile(
    rf"[^,，。:：;；!！?？“”「」『』\"]{{0,{_ATTRIBUTION_TAIL}}}?(?:{_VERB.pattern})\s*[。.]?\s*$"
)


def _only_credits(raw: str, name: str) -> bool:
    """Whether ``raw`` ends with the person's name, then at most a few words (向采访人员) and a verb of speech, then the
    stop (“…。”…的某某向记者坦言。): the sentence credits the quotation before it, whatever it says of them first."""
    at = raw.rfind(name)
    return at > 0 and bool(_CREDIT_TAIL.fullmatch(raw, at + len(name)))


def _titled_first(raw: str, name: str) -> bool:
    """Whether ``raw`` opens with the person's posts, the last a title, then their name (某院院士、某大学教授某某表示,…):
    the sentence names the speaker first, as one opening with the bare name does."""
    at = raw.find(name)
    posts = raw[:at] if at > 0 else ""
    return (
        bool(posts)
        and len(posts) <= 2 * _ATTRIBUTION_TAIL
        and not re.search(r"[,，。:：;；!！?？“”「」『』\"的]", posts)
        and not _VERB.search(posts)
        # An office counts as a title here (某银行副行长某某认为,…), as it does where a name is first read after a post.
        # So does an adviser's or an expert's post on a committee (某展会组委会首席顾问某某表示,…): the name after it
        # opens the sentence that credits the quotation before it.
        and bool(re.search(rf"(?:{_TITLE_BEFORE}|{_OFFICE_BEFORE}|{_ADVISER_BEFORE})$", posts))
    )


# A heading that names a topic the person talks on (谈人工智能带来的变革: / 谈年轻人: / 关于创业:), a line of its own; the
# quotations under it that name nobody, and the paragraphs in the first person that name nobody, are the words of the
# person the text introduced before the first such heading.
_TOPIC_HEADING = re.compile(r"^(?:谈|关于)[^,，。:：;；!！?？“”「」『』]{1,24}[:：]$")
# The host or the reporter beside the person (某某与主持人某某…对谈 / 某某接受某台专访): not the one who is quoted.
_HOST_BEFORE = re.compile(rf"{_HOST_ROLE}$")
_BESIDE_HOST = re.compile(r"(?:与|和|同)(?:主持人|记者|主播)|接受[^,，。]{0,12}?(?:采访|专访)|做客|作客")
_INTRO_PARAGRAPHS = 3


def _interviewee(before: list[str], names: Names) -> Speaker | None:
    """The person the paragraphs before a run of 谈…: headings introduce: a known name not after 主持人 / 记者, or the
    name right before 与主持人 / 接受…采访, in the nearest paragraph that has one."""
    for paragraph in reversed(before[-_INTRO_PARAGRAPHS:]):
        for at, name in names.all_mentioned(paragraph):
            if not _HOST_BEFORE.search(paragraph[:at]):
                return names.speaker(name)
        for beside in _BESIDE_HOST.finditer(paragraph):
            beside_name = new_name_ending(paragraph[: beside.start()])
            if beside_name is not None and not _HOST_BEFORE.search(paragraph[: beside.start() - len(beside_name)]):
                return names.speaker(beside_name)
    return None


# The text's last sentence, a quotation closed and then cut short by the page inside its attribution (…第三,」奥):
# the one or two characters left begin the name of the person who said it. Not a particle that ties the quotation into
# the sentence (…放下“…”的传): the page cut the sentence itself short, no attribution.
CUT_ATTRIBUTION = re.compile(r"[,，。!！?？…]?[”」』](?P<cut>(?![的地得了着过是])[\u4e00-\u9fff]{1,2})$")


def _cut_speaker(cut: str, names: Names) -> Speaker | None:
    """The one person whose name (or the last part of whose dotted name) begins with ``cut``, else None."""
    found = {
        speaker.zh: speaker
        for name, speaker in [*names.found.items(), *((n, names.speaker(n)) for n in names.by_name if n in names._text)]
        if any(part.startswith(cut) for part in [name, *re.split(f"[{_NAME_DOTS}]", name)[1:]])
    }
    # A name learned with a character run on (某·某某称 beside 某·某某) is the same person.
    found = {zh: speaker for zh, speaker in found.items() if not any(zh != o and zh.startswith(o) for o in found)}
    return next(iter(found.values())) if len(found) == 1 else None


# A quotation's signature: a dash, then the speaker's name, perhaps after a post (“…。” ——Yann LeCun / ——某公司CEO 张某).
_SIGNATURE = re.compile(r"^\s*(?:——|—|--)\s*(?P<who>[^,，。:：;；!！?？“”「」]{2,30}?)\s*$")
_SIGNATURE_TITLE_CHARS = 16


# The sentence before a quotation that names nobody and has no verb of speech, when it puts a question to one person or
# introduces them as its subject (记者问某某,公司明年会不会上市。 / 某某的回答很简短。 / 某某笑了笑。): the quotation is
# that person's answer, until an attribution after it names someone else.
_PUT_TO = re.compile(r"问|答|请[^,，。:：]{0,12}?(?:评价|谈谈|谈|解释|预测|展望|回应)")
_ANSWERS = "(quoted answer after the sentence that asks or introduces them)"
# A sentence that only says the person went back over something (某某也回顾了公司的创业历程。), then, in the next sentence of
# the paragraph, a clause whose subject is 自己 (…;当初自己力排众议…,自己的经验成了…): the person's own account.
_RECOUNTS = re.compile(r"^(?:也|还|又|则|更|随后)?(?:详细|简要)?(?:回顾|讲述|回忆|忆及|复盘|讲起|谈起)(?:了|起)")
_OWN_CLAUSE = re.compile(r"(?:^|[,，;；:：])(?:当初|当时|那时|后来|如今|现在|此前)?自己(?!的)")
_RECOUNTED = "(自己 in the sentence after they recount)"


def _closes_bare(paragraph: str, at: int) -> bool:
    """Whether the quotation that opens at ``paragraph[at]`` closes with no words after it in its sentence (“…。” and
    nothing, not “…。”一位投资人评价道。): words there may name another speaker without a verb of speech."""
    depth = 0
    for i in range(at, len(paragraph)):
        depth = _quote_depth(paragraph[i], depth)
        if depth == 0:
            tail = re.match(r"[^。!?！？…]*", paragraph[i + 1 :])
            return not re.search(r"[\u4e00-\u9fffA-Za-z]", tail.group(0) if tail else "")
    return False


def _put_to(
    paragraph: str, at: int, before: list[Sentence], names: Names, last: Speaker | None = None
) -> Speaker | None:
    """The one person the sentence right before the quotation opening at ``paragraph[at]`` (``before``, the last
    sentence so far if any) asks or introduces, when it gives nobody's words itself and the quotation closes with no
    words after it; across a paragraph break (``at`` 0) only one it asks (the quotation opening a paragraph may be a
    lede whose speaker comes next). In the same paragraph, a sentence whose subject is 他 / 她 and that names nobody
    (同时,他也对同行释放出善意。“…”) introduces ``last``, the person the text named last, unless it says the words are
    someone else's (他引用了一句名言。)."""
    if not before or before[-1].speaker is not None or not _closes_bare(paragraph, at):
        return None
    same_paragraph = at > 0
    plain = simplified(before[-1].text)
    if re.search(r"[“”「」『』\"]", plain) or not re.search(r"[。!！]$", plain.strip()):
        return None
    found = names.all_mentioned(plain)
    if same_paragraph and last is not None and not found and _TOLD_OF.match(plain) and not _OTHERS_WORDS.search(plain):
        return last
    if len({name for _, name in found}) != 1:
        return None
    named_at, name = found[0]
    after = plain[named_at + len(name) : named_at + len(name) + 1]
    opens = named_at == 0 or bool(re.search(rf"(?:{_TITLE_BEFORE}|[,，])$", plain[:named_at]))
    subject = opens and after not in tuple(_MODIFIER_AFTER)  # 某某笑了笑。, not 某某的公司…
    return names.speaker(name) if (subject and same_paragraph) or _PUT_TO.search(plain) else None


def _signer(raw: str, names: Names) -> Speaker | None:
    """The person whose name alone, after a dash, signs the quotation before it (——Yann LeCun)."""
    signature = _SIGNATURE.match(raw)
    if signature is None:
        return None
    who = signature.group("who").strip()
    name = names.name_ending(who)
    if name is None or len(who) - len(name) > _SIGNATURE_TITLE_CHARS:
        return None
    return names.speaker(name)


def _other_in_turn(text: str, speaker: Speaker) -> str | None:
    """The last person other than ``speaker`` that ``text`` (a turn's words) names, as a name standing on its own
    where a name may start (…的某某聊过天)."""
    found: str | None = None
    for i in range(len(text)):
        for size in (3, 2):
            candidate = text[i : i + size]
            if (
                len(candidate) == size
                and candidate != speaker.zh
                and _name_can_start(text, i)
                and _plausible_name(candidate)
                and new_name_ending(text[: i + size]) == candidate
            ):
                found = candidate
                break
    return found


# A sentence in a writer's own text that cites someone else's words: a speech verb with no 我 before it (我国 is the
# country's), right before the opening quotation mark (某某高度重视我国…,强调“要…”).
_CITES_ANOTHER = re.compile(r"^(?![^“”「」]*我(?!国))[^“”「」]{2,60}?(?:强调|指出|表示|提出|要求)[,，:：]?[“「]")

# A sentence that names who said the paragraph before (某某是在…时作上述表示的 / 某某在…上发表了上述讲话).
_SAID_ABOVE = re.compile(
    r"^(?P<who>[^,，。:：;；“”「」『』\s]{2,12}?)(?:是|则)?(?:在|于)[^。!?！？“”「」]{0,40}?(?:作|做|发表)了?"
    r"(?:上述|以上|这番)(?:表示|讲话|发言|表态|评论|言论|谈话)"
)
_SAID_ABOVE_HOW = "(作上述表示: the paragraph before)"
# A sentence whose speaker the rules found and which ends on the act naming the words said before (…,某某与某某对谈时做出
# 上述判断。 / 他在会上作出以上表示。): the paragraph before, words no verb gave to anyone, is that person's.
_MADE_ABOVE = re.compile(
    r"(?:做出|作出|做|作|发表)了?(?:上述|以上|这番|前述)"
    r"(?:表示|讲话|发言|表态|评论|言论|谈话|判断|观点|看法|预测|预判)的?[。.]?$"
)

# A paragraph that opens with a quotation and closes on who voiced it on the topic, however long the description before
# the name (“…。”和某甲一同前来…的某单位处长某乙也就这一话题发表了自己的看法。): the quotation is the person named last.
_VIEW_ON_TOPIC_AFTER = re.compile(
    r"^[“「][^“”「」]+[”」](?P<who>[^。!?！？“”「」]{2,80}?)(?:也|还|则|同样|随后)?就(?:这个|这一|该|此|这些|上述)?"
    r"(?:话题|问题|议题|事)(?:发表|谈|谈了谈|说出|分享)了?(?:自己的|个人的?|他的|她的)?(?:看法|观点|见解|意见)[。.]?$"
)


# A dialogue's turn label right after a sentence's end inside a paragraph (…你怎么看?某某:首先…): a transcript whose
# line breaks the page lost prints its turns one after another on a single line.
_INLINE_TURN = re.compile(r"(?<=[。!?！？…])\s*(?P<who>[\u4e00-\u9fff]{2,3})\s*[:：](?=\S)")
# A paragraph is such a transcript when it holds this many labels after a sentence's end, of two people or more.
_INLINE_TURNS = 3


def _inline_turns_split(paragraph: str, names: Names) -> list[str]:
    """The paragraph cut before each turn label it holds after a sentence's end (某甲:…?某乙:…。某甲:…), when the
    labels are three or more, of two people or more, each a name: a transcript printed as one
    line, whose every turn is its speaker's as a paragraph of its own would be. Any other paragraph whole."""
    read = simplified(paragraph)
    if len(read) != len(paragraph):
        return [paragraph]
    found = list(_INLINE_TURN.finditer(read))
    times = Counter(m.group("who") for m in found)
    # A name the rules know or read as one, or a label the line repeats that the text also writes right after a post
    # (副总裁某某: a given name the dictionary has as a word), never a repeated heading's word (优点: / 缺点:).
    labels = [
        m
        for m in found
        if m.group("who") in names.by_name
        or m.group("who") in names.found
        or _plausible_name(m.group("who"))
        or (times[m.group("who")] >= 2 and re.search(rf"{_TITLE_BEFORE}{m.group('who')}", read))
    ]
    if len(labels) < _INLINE_TURNS or len({m.group("who") for m in labels}) < 2:
        return [paragraph]
    cuts = [0, *(m.start("who") for m in labels), len(paragraph)]
    return [piece for a, b in itertools.pairwise(cuts) if (piece := paragraph[a:b].strip())]


def attribute(text: str, names: Names) -> list[Sentence]:
    """Every sentence of the text with the speaker it is attributed to (None for the article's own voice)."""
    sentences: list[Sentence] = []
    last: Speaker | None = None
    # A text its writer's title names (某某:…), in the first person and naming nobody, is that person's from the start.
    transcript: Speaker | None = names.writer
    turn: Speaker | None = None
    # The rules read the text in simplified characters; each sentence is quoted as the page wrote it.
    # A spinner's pinyin notes (創(chuàng)) are left out of what the rules read; ``offsets`` finds the page's own span.
    paragraphs: list[str] = []
    originals: dict[str, tuple[str, list[int]]] = {}
    pieces = [
        (o, *without_pinyin_notes(o)) for whole in text.split("\n\n") for o in _inline_turns_split(whole.strip(), names)
    ]
    pieces = [piece for piece in pieces if simplified(piece[1]).strip()]
    for (o, _, where), p in zip(
        pieces, _paired_across([simplified(_ungarbled_after_lost_close(bare)) for _, bare, _ in pieces]), strict=True
    ):
        paragraphs.append(p)
        originals[p] = (o, where)
    name_lines = Counter(p for p in paragraphs if _turn_label(p, names)[1] is not None)
    contributors = _contributor_lines(paragraphs, names)
    heading_speakers = {i: h for i, p in enumerate(paragraphs) if (h := _speaker_heading(p, names)) is not None}
    named_headings = _named_headings(paragraphs, names)
    section_of: Speaker | None = None  # the person whose roundup section (某某:headline) the paragraphs are in
    headed_at = -3  # the last speaker heading (某某 某公司创始人) whose paragraph is read as that person's
    short_labels = shortened_labels(paragraphs)
    first_names = recurring_labels(paragraphs) | _group_chat_nicknames(paragraphs, names)
    previous = ""
    # A list announced by a paragraph ("…发表看法,以下几个论断:", "…解释了…调整:") is the speaker's to the list's
    # end: a heading, a paragraph that is not a point when the points are numbered, another speaker, or the next
    # announcement. A full transcript ("以下是…演讲全文") runs on.
    bounded, numbered = False, False
    # Whether the list is of a talk's highlights, each a short line without a full stop (采访亮点如下: then 某某和某某共进晚餐的
    # 时刻是…), which read as headings but are its points.
    headlines = False
    # Whether a speech's numbered points each head a section of running text under it (1、…。 then the paragraphs that
    # spell it out, then 2、…): those paragraphs are the speech's too, not the list's end.
    sectioned = False
    # A list of semicolon-ended items handed over after a person's view (…他指出,…。 / 从速度看,…:) ends with the
    # first item that does not end with a semicolon.
    semicolons, handed_over_at = False, -1
    words_at = -2  # the paragraph that handed over one saying (…他那句话:): the run is the one paragraph after it
    view_before: Sentence | None = None  # the last sentence of the paragraph before
    answering: Speaker | None = None
    carried_at = -2  # the last paragraph that carried on a person's reported speech (而… / 此外,…)
    # The person whose turns an interview prints (李某:…), and whether the paragraph before was a question that opened
    # nobody's turn (问:…?): a paragraph in the first person right after it, with no label, is that person's answer.
    guest: Speaker | None = None
    # The guest's turn a subheading broke off, for the paragraph right after it.
    broken: Speaker | None = None
    # Each labelled speaker's turns and those that ask a question: the one who asks more is the host.
    turns_of: Counter[str] = Counter()
    questions_of: Counter[str] = Counter()
    speakers_by_zh: dict[str, Speaker] = {}  # everyone whose labelled turns the interview prints
    # The paragraphs that open the text in the first person naming nobody, before any turn (an interview's highlights).
    opening_run: list[tuple[str, list[Sentence]]] = []
    opening_open = True
    opening_quotation: list[Sentence] = []  # the text's first paragraph, when it is a quotation that names nobody
    # The person quoted under 谈…: headings (None once a paragraph that is neither such a heading nor a quotation ends it).
    topic_speaker: Speaker | None = None
    asked_by_nobody = False
    lede_paragraph: list[Sentence] = []  # the paragraph before, when it is a quotation that names nobody
    left_open: Speaker | None = None  # the speaker of a quotation the paragraph before left open
    # The pronoun (他 / 她) the text has used for each person: 她 is not the man the text calls 他, nor the reverse.
    pronoun_of: dict[str, str] = {}
    previous_own: list[Sentence] = []
    # The person whose remarks a heading names (一、某某的发言), with how that heading is numbered: a heading numbered the
    # same way ends them.
    remarks: tuple[Speaker, str | None] | None = None
    # The person a speaker box names (主讲人介绍 / 某某博士,…), until the first paragraph in the first person after it.
    boxed: Speaker | None = None
    for index, paragraph in enumerate(paragraphs):
        if (
            remarks is not None
            and _is_heading(paragraph)
            and (_numbering(paragraph) == remarks[1] if remarks[1] else bool(_REMARKS_HEADING.match(paragraph)))
        ):
            # The next part (二、…): the remarks have ended, and the writer's own part (二、几点感想) is not theirs.
            if transcript is remarks[0]:
                transcript = None
            remarks = None
        boxed = _boxed_speaker(paragraphs, index, names) or boxed
        # An unnumbered list's paragraph that names a person is the article speaking about them (访谈李某的这天,…)
        # or someone's own attribution: the points have ended.
        running = transcript  # the speech whose points ran up to this paragraph, if any
        if transcript is not None and bounded:
            point = bool(_POINT.match(paragraph))
            not_a_point = numbered and not point and not sectioned
            heading = _is_heading(paragraph) and not point and not headlines
            item_ended = semicolons and index - 1 > handed_over_at and not re.search(r"[;；]\s*$", previous)
            # So is one that tells of the speaker as 他 / 她 (因此,他做了一件事:…): the article's narration again.
            told_of = not numbered and bool(_TOLD_OF.match(paragraph))
            if (
                item_ended
                or not_a_point
                or heading
                or told_of
                or index == words_at + 2
                or (headlines and not _headline(paragraph))
                or (
                    (not numbered or sectioned)
                    and (named := names.mentioned(paragraph)) is not None
                    # A highlight line naming the speaker (某某和某某共进晚餐的时刻是…) is still one of the points.
                    and not ((headlines or sectioned) and names.speaker(named) is transcript)
                )
            ):
                transcript, bounded, semicolons, headlines, sectioned = None, False, False, False, False
        if headed_at == index - 2:
            turn, headed_at = None, -3  # a speaker heading's turn is the one paragraph under it
        running_turn = turn
        is_label, labelled = _turn_label(paragraph, names)
        if index in contributors:
            is_label, labelled = True, contributors[index]
        opened: tuple[bool, Speaker | None] = (False, None)
        # A name alone on a line is a speaker's label when it answers a question, recurs or stands over an answer in the
        # first person; once, after narrative, it is a photo's caption ("闫俊杰" under his picture) and opens no turn.
        if is_label:
            under = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
            if (
                labelled is None
                or index in contributors
                or name_lines[paragraph] > 1
                or re.search(r"[?？]\s*$", previous)
                or speaks_first_person(under)
            ):
                turn = labelled
            else:
                turn = None  # a photo's caption between paragraphs: whatever turn ran before it has ended
        elif (opened := _dialogue_turn(paragraph, names, short_labels, first_names))[0]:
            # "李彦宏:…" opens that person's turn, which runs over the paragraphs after it; "问:…" or another
            # name's turn ends it, and so does a heading.
            turn = opened[1]
            guest = opened[1] or guest
            if opened[1] is not None:
                turns_of[opened[1].zh] += 1
                questions_of[opened[1].zh] += bool(re.search(r"[?？]", paragraph))
                speakers_by_zh[opened[1].zh] = opened[1]
        elif (
            (headed := heading_speakers.get(index)) is not None
            and len(heading_speakers) > 1
            and index + 1 < len(paragraphs)
            and not _is_heading(paragraphs[index + 1])
            and names.mentioned(paragraphs[index + 1]) is None
        ):
            # A summary of several speakers, each a line of name and post over a paragraph that names nobody: the
            # paragraph right under it is that person's remarks, as under an interview's turn label.
            is_label, turn, headed_at = True, headed, index
        elif (
            broken is not None
            and len(speakers_by_zh) == 1
            and speaks_first_person(paragraph)
            and names.mentioned(paragraph) is None
        ):
            # A magazine's subheading inside the one guest's answer (…。 then 守护…的护城河 then 我们希望…): the answer
            # goes on under it, in the first person and naming nobody, as no question came between.
            turn = broken
        elif (
            turn is not None
            and index + 1 < len(paragraphs)
            and not speaks_first_person(paragraph)
            and (resumed := _dialogue_turn(paragraphs[index + 1], names, short_labels, first_names))[0]
            and resumed[1] is turn
        ):
            # The same guest's next answer opens with its label again (某某:… then 在…期间,…数据表明,… then 某某:…): the
            # paragraph between, naming no one in the first person, is the reporter's lead-in to it, not the answer
            # before running on.
            turn = None
        elif (
            _is_heading(paragraph)
            and not (turn is not None and (POINTS_BACK.match(paragraph) or _OWN_POINTS_HANDED.match(paragraph)))
        ) or (turn is not None and turn.zh in paragraph):
            # A paragraph inside a turn that names its speaker (…,李某亲自见证了…) is the article telling of them.
            turn = None
        elif (
            turn is not None and len(tail := _dotted_last_part(turn.zh)) >= 2 and tail != turn.zh and tail in paragraph
        ):
            # So is one that names a speaker with a dotted name by its last part alone, as a report calls a foreigner
            # after the card line (约翰·某某: then 虽然张三和某某…,但他们一致认为…).
            turn = None
        broken = running_turn if running_turn is not None and turn is None and _is_heading(paragraph) else None
        # The person's words under the heading: quoted, or in the first person naming nobody (我之所以说…).
        own_words = re.search(r"我|咱们", paragraph) is not None and names.mentioned(paragraph) is None
        if _TOPIC_HEADING.match(paragraph):
            topic_speaker = topic_speaker or _interviewee(paragraphs[:index], names)
        elif paragraph[0] not in _OPEN_QUOTES and not own_words:
            topic_speaker = None
        previous = paragraph
        original, offsets = originals[paragraph]
        cursor = 0
        intro = _TRANSCRIPT.match(paragraph) or _ATTACHED_TEXT.match(paragraph)
        introduces = bool(intro)  # the paragraph that introduces a transcript is the article's own
        speaker_line = _SPEAKER_LINE.match(paragraph)
        if speaker_line and _plausible_name(speaker_line.group("name")):
            transcript, introduces, bounded = names.speaker(speaker_line.group("name")), True, False
        elif (headed_remarks := _remarks_heading(paragraphs, index, names)) is not None:
            # 一、某某的发言 over first-person text naming nobody: the part is that person's remarks.
            transcript, introduces, bounded = headed_remarks[0], True, False
            remarks = headed_remarks
        elif (
            boxed is not None
            and transcript is None
            and turn is None
            and index > 0
            and speaks_first_person(paragraph)
            and names.mentioned(paragraph) is None
            and (_is_heading(paragraphs[index - 1]) or re.search(r"[?？]\s*$", paragraphs[index - 1]))
        ):
            # A speaker box (主讲人介绍, then 某某博士,…) over a talk: the first paragraph in the first person after it,
            # under the talk's title, a topic's heading or a question, opens the talk, which is that person's.
            transcript, introduces, bounded = boxed, False, False
        elif intro:
            # The setting before the name (以下是访谈中某某的观点) is not part of it.
            rest = _IN_THE_SPEECH.sub("", intro.group("rest") or intro.groupdict().get("rest2") or "", count=1)
            name = names.mentioned(rest) or next(
                (
                    rest[i : i + n]
                    for n in (3, 2)
                    for i in range(len(rest))
                    if _plausible_name(rest[i : i + n]) and _name_can_start(rest, i)
                ),
                None,
            )
            # "以下为演讲内容的详细整理:" names nobody: after a summary of a speech, the full text is the same speaker's,
            # and after a paragraph saying a person gave the speech (某某出席并演讲。), that person's.
            if name is None and running is None and index > 0:
                name = _speech_giver(paragraphs[index - 1], names)
            # "以下是演讲实录:" after a news lead of the talk: the person the nearest paragraph above says gave a speech
            # (某某在某论坛发表题为《…》演讲), the lead's reported views between.
            if name is None and running is None and index > 0 and _SPEECH_NAMED.search(paragraph):
                giver = _recent_speech_giver(paragraphs[:index], names)
                name = giver.zh if giver else None
            transcript = names.speaker(name) if name else running
            bounded = False
        elif summarised := _summary_speaker(paragraph, names):
            transcript, introduces, bounded = summarised, True, True
            numbered = index + 1 < len(paragraphs) and bool(_POINT.match(paragraphs[index + 1]))
            headlines = _headline_points(paragraphs, index)
        elif (
            index > 0
            and _SUMMARY_INTRO.search(paragraph)
            and names.mentioned(paragraph) is None
            and (sharer := _views_sharer(paragraphs[index - 1], names)) is not None
        ):
            # "部分精彩观点如下:" names nobody, right after a paragraph that ends saying a person shared their views
            # (他在采访中分享了对…的看法): the points listed under it are that person's.
            transcript, introduces, bounded = sharer, True, True
            numbered = index + 1 < len(paragraphs) and bool(_POINT.match(paragraphs[index + 1]))
            headlines = _headline_points(paragraphs, index)
        elif (
            index > 0
            and _SUMMARY_INTRO.search(paragraph)
            and _SPEECH_NAMED.search(paragraph)
            and names.mentioned(paragraph) is None
            and (giver := _recent_speech_giver(paragraphs[max(0, index - 3) : index], names)) is not None
        ):
            # "演讲内容划重点:" names nobody, but names the speech: a paragraph just before (the lede, perhaps with the
            # speaker's biography after it) says who gave it (某某在…上发表主题演讲): the points listed under it are theirs.
            transcript, introduces, bounded = giver, True, True
            numbered = index + 1 < len(paragraphs) and bool(_POINT.match(paragraphs[index + 1]))
            headlines = _headline_points(paragraphs, index)
            sectioned = numbered and _sectioned_points(paragraphs, index)
        elif (
            names.talk_giver is not None
            and transcript is None
            and turn is None
            and _is_heading(paragraph)
            and index + 1 < len(paragraphs)
            and speaks_first_person(paragraphs[index + 1])
            and names.mentioned(paragraphs[index + 1]) is None
        ):
            # The title says the article is a person's talk (某某最新演讲:…): after the writer's intro, a heading over
            # first-person speech that names nobody opens the talk's text, which is that person's.
            transcript, introduces, bounded = names.talk_giver, True, False
        elif (
            names.titled is not None
            and transcript is None
            and turn is None
            and index > 0
            and speaks_first_person(paragraph)
            and names.mentioned(paragraph) is None
            and re.search(
                rf"{re.escape(names.titled.zh)}[^。!?！？]{{0,30}}?{_SPEECH_GIVEN.pattern}", paragraphs[index - 1]
            )
        ):
            # The person the title names (…院士某某:题目), whom the lede says gave a speech (某某围绕“…”作主题演讲): the
            # first-person text right after the lede, naming nobody, is that speech.
            transcript, introduces, bounded = names.titled, False, False
        if boxed is not None and speaks_first_person(paragraph):
            boxed = None  # the first paragraph in the first person after the box opened the talk, or is the writer's
        depth, quote_speaker, reported = 0, None, None
        if (
            left_open is not None
            and paragraph[0] not in _OPEN_QUOTES
            and _quote_depth(paragraph, 1) == 0
            and turn is None
            and transcript is None
        ):
            # A quotation the paragraph before opened and left open, closed in this one: its words are still the
            # speaker's (“…。 then …。”).
            depth, quote_speaker = 1, left_open
        # A paragraph that opens by carrying on (而… / 此外,…) right after a paragraph that ended in a person's reported
        # speech, and names nobody, goes on with that speech.
        if (
            view_before is not None
            and view_before.speaker is not None
            and view_before.how.endswith((_GOES_ON, _SPELLED))
            and _CARRIES_ON.match(paragraph)
            and names.mentioned(paragraph) is None
            and transcript is None
            and turn is None
            and carried_at != index - 1  # one paragraph: a second 而 is the article's own again
        ):
            reported, carried_at = view_before.speaker, index
        elif (
            view_before is not None
            and view_before.speaker is not None
            and not view_before.how.endswith((*_NOT_REPORTED, HANDS_OVER))
            and transcript is None
            and turn is None
            and _reasons_on(paragraph, names)
        ):
            reported = view_before.speaker
        elif (
            view_before is not None
            and view_before.speaker is None
            and last is not None
            and transcript is None
            and turn is None
            and _FOR_EXAMPLE.match(paragraph)
            and names.mentioned(paragraph) is None
            and _WORDS_SAID.search(simplified(view_before.text))
        ):
            # …,说了不少简单但很实用的话。 then 比如…: the examples are the words of the person the text is telling
            # of, named last.
            reported = last
        elif (
            asked_by_nobody
            and guest is not None
            and turn is None
            and transcript is None
            and not is_label
            and re.search(r"我|咱们", paragraph)
            and names.mentioned(paragraph) is None
        ):
            reported = guest  # a pull quote or an answer printed without its label, right after the question
        asked_by_nobody = bool(opened[0] and opened[1] is None and re.search(r"[?？]\s*$", paragraph))
        pending: list[Sentence] = []
        signed: Sentence | None = None  # the last sentence of a quotation signed after a dash (“…。” ——某某)
        # A quotation given to the person whose view the paragraph reported (在他看来,…。“…。…”), until an
        # attribution glued to its end names someone else.
        tentative = False
        # That quotation once it closed, for the sentence right after it only: one that opens with another person's
        # name, bare or after their posts (“…。”某院院士、某大学教授某某表示,…), takes it back.
        closed_tentative: list[Sentence] = []
        first_of_paragraph = len(sentences)
        other_speaker = False
        quoted_whole = False  # the last speaker's sentence handed over a quotation that closed it
        opened_by_colon = False  # …and handed over by a colon a quotation that runs on past it
        recounter: Speaker | None = None  # who the sentence before, in this paragraph, says went back over something
        openers: dict[str, Speaker] = {}
        for raw in _clauses_of_their_own(split_sentences(paragraph), names, openers):
            at = paragraph.find(raw, cursor)
            cursor = at + len(raw)
            item = Sentence(original[offsets[at] : offsets[cursor]].strip())
            speaker, how, opinion = _attribution(raw, names, last)
            if speaker is None and raw in openers:
                speaker, how = openers[raw], f"{openers[raw].zh} {_OWN_CLAUSE_HOW}"
            just_closed, closed_tentative = closed_tentative, []
            # The turn's words up to the pronoun, the sentence's own clauses before it included (这让我想起,某某给
            # 员工发了一封邮件,他说…): the person named there is whom 他 refers to.
            told = paragraph[:at] + raw[: max(0, raw.find(how[:1]))] if how[:2] in ("他(", "她(") else ""
            if (
                turn is not None
                and speaker is turn
                and how[:2] in ("他(", "她(")
                and (re.search(r"我|咱", told) or (opened[0] and opened[1] is turn))
                and (other := _other_in_turn(told, turn)) is not None
            ):
                # 他说… inside a turn its speaker speaks in the first person (我和某公司的某某聊过天,…他说…): 他 is not
                # the speaker, who is 我, but the person the turn named before it. So in a paragraph its speaker's label
                # opens (某某: 以前的某某是…。你看,他放出一个信号,说…): nobody calls themselves 他 in their own turn.
                speaker, how = names.speaker(other), f"{how[0]}({other}){how[how.index(')') + 1 :]}"
            opening = raw[0] if _SUBJECT_PRONOUN.match(raw) else ""
            someone_else = words_named = False
            pronoun = how[0] if speaker is not None and how[:2] in ("他(", "她(") else ""
            if speaker is not None and pronoun and pronoun_of.setdefault(speaker.zh, pronoun) != pronoun:
                speaker, how, opinion = None, "", False  # 她 after a man called 他: someone else
                someone_else = True
            if someone_else or (opening and reported is not None and pronoun_of.get(reported.zh, opening) != opening):
                reported = None  # 她还探讨了… after his reported view: the run of his speech has ended
            before = depth
            depth = _quote_depth(raw, depth)
            mentioned = names.mentioned(raw)
            signer = _signer(raw, names) if speaker is None and depth == 0 and pending else None
            if signer is not None:
                # “…。” ——某某: the quotation before the dash is signed with its speaker's name; the name is no view.
                for earlier in pending:
                    earlier.speaker, earlier.how = signer, f"{signer.zh} (quotation signed after a dash)"
                signed, pending, last = pending[-1], [], signer
            elif (
                speaker is None
                and not mentioned
                and last is not None
                and _SUBJECT_PRONOUN.match(raw)
                and (colon := re.search(r"[:：]\s*[“「『]", raw))
                and not _OTHERS_WORDS.search(raw[: colon.start()])
                and pronoun_of.get(last.zh, raw[0]) == raw[0]
            ):
                # 他这么形容这段经历:“…”: a pronoun opening the sentence hands over a quotation by a colon, with no
                # verb of speech the rules know; the words are those of the person 他 / 她 is, unless the clause says
                # they are someone else's (他想起父亲的话:…).
                speaker, how = last, f"{raw[0]}({last.zh}) (quoted after a colon)"
            elif speaker is None and mentioned:
                # "…:「…」" after a known name: the quotation is that person's.
                speech = _SPEECH_QUOTE.search(raw) or _NAMED_QUOTE.search(raw)
                if speech and speech.group(0)[0] in _CLOSE_QUOTES and _READ_FROM_WORDS.match(raw, speech.end()):
                    speech = None  # “…”口号表明,…: the writer reads a meaning from the words
                if speech and speech.start() > raw.find(mentioned):
                    # The clause right before the colon opening with another name (某某的帖子发出不久,某某本人现身
                    # 评论区:“…”): that clause's subject hands over the words, not the first person the sentence names.
                    clause = re.split(r"[,，;；]", raw[: speech.start()])[-1].lstrip("而但")
                    if (
                        speech.group(0)[0] in ":："
                        and (clause_opener := names.mentioned(clause)) is not None
                        and clause.startswith(clause_opener)
                    ):
                        mentioned = clause_opener
                    if speech.group(0)[0] in ":：" and (owner := _words_owner(clause, names)) is not None:
                        mentioned = owner
                    speaker, how = names.speaker(mentioned), f"{mentioned} (quoted)"
                    # “…”的论断引发…: the words named by a noun inside the writer's sentence; what follows is the writer's.
                    words_named = speech.group(0)[0] in _CLOSE_QUOTES
                    if at == 0 and lede_paragraph and len({n for _, n in names.all_mentioned(raw)}) == 1:
                        # The lede's quotation, a paragraph of its own, then the paragraph that quotes the one person
                        # it names (“…。” then 某某泼了盆冷水——“…”): the lede is that person's words too.
                        for earlier in lede_paragraph:
                            earlier.speaker, earlier.how = (
                                speaker,
                                f"{mentioned} (quotation before the sentence naming them)",
                            )
                else:
                    # 他 in a later sentence is the person the text last named, said something or not:
                    # "…合伙人朱啸虎属于后者。…他说自己不看好大模型" is 朱啸虎's.
                    last = names.speaker(mentioned)
                    if reported is not None and last is not reported and _subject_of(raw, mentioned):
                        reported = (
                            last  # another person is the sentence's subject: the run of reported speech is theirs now
                        )
                    elif reported is not None and depth == 0 and _OTHERS_LISTED.search(raw) and last is not reported:
                        reported = None  # 随后,如某甲、某乙等人纷纷…: the writer surveying others; the run has ended
                    own_so_far = sentences[first_of_paragraph:]
                    if depth == 0 and at == 0 and lede_paragraph and not pending:
                        # The lede's quotation was a paragraph of its own, right before this one.
                        pending = own_so_far = lede_paragraph
                    if depth == 0 and (lede := _introduced_after_quotation(raw, pending, own_so_far, names)):
                        for earlier in pending:
                            earlier.speaker, earlier.how = (
                                lede,
                                f"{lede.zh} (quotation before the sentence naming them)",
                            )
                        pending = []
            if speaker is not None:
                if bounded and transcript is not None and speaker is not transcript:
                    other_speaker = True
                item.speaker, item.how, item.opinion_verb = speaker, how, opinion
                # "“不想再做跟随者了。”这是…他会反复提及的话": the sentence names the words before it.
                names_first = (
                    raw.startswith((speaker.zh, "他", "她", "这是", "这句话", "这番话"))
                    or _titled_first(raw, speaker.zh)
                    or _by_account_of(raw, speaker.zh)
                    or _only_credits(raw, speaker.zh)
                )
                if pending and (names_first or any(q in raw for q in _CLOSE_QUOTES)):
                    for earlier in pending:
                        earlier.speaker, earlier.how = speaker, f"{speaker.zh} (quote before the attribution)"
                elif (
                    just_closed
                    and depth == 0
                    and speaker is not just_closed[0].speaker
                    and (raw.startswith(speaker.zh) or _titled_first(raw, speaker.zh))
                ):
                    for earlier in just_closed:
                        earlier.speaker, earlier.how = speaker, f"{speaker.zh} (quote before the attribution)"
                elif (
                    len(sentences) - first_of_paragraph == 1
                    and depth == 0
                    and how.startswith(speaker.zh)
                    and (opener := sentences[-1]).text.startswith(tuple(_OPEN_QUOTES))
                    and (opener.text.endswith(tuple(_CLOSE_QUOTES)) or _lost_closing_mark(opener.text) != opener.text)
                    and (opener.speaker is None or opener.how.endswith(_GOES_ON))
                ):
                    # A paragraph that opens with a quotation, then a sentence naming its speaker further on
                    # (“…。”为说明…,某大学教授某某打了个比方:…): the quotation is the words of the person named, not
                    # of the one whose reported speech the paragraphs before carried.
                    opener.speaker, opener.how = speaker, f"{speaker.zh} (quote before the attribution)"
                elif (
                    at == 0
                    and depth == 0
                    and lede_paragraph
                    and all(earlier.speaker is None for earlier in lede_paragraph)
                    and {n for _, n in names.all_mentioned(raw)} == {speaker.zh}
                    and how.startswith(speaker.zh)
                ):
                    # The lede's quotation, a paragraph of its own, then the paragraph that opens with the one person
                    # it names and a verb of speech (“…。” then 某委员、某集团创始人某某近日接受采访时谈及…。): the
                    # lede is that person's words.
                    for earlier in lede_paragraph:
                        earlier.speaker, earlier.how = (
                            speaker,
                            f"{speaker.zh} (quotation before the sentence naming them)",
                        )
                pending = []
                last = reported = speaker
                if words_named or how.endswith("(cited)") or _WORK_CITED.search(raw):
                    reported = None  # the writer's sentence naming or citing the words goes on in the writer's voice
                if (
                    depth == 0
                    and (topic := _TOPIC_ONLY.search(raw))
                    and all(v.start() >= topic.start() for v in _speech_verbs(raw))
                ):
                    # 某某从…角度阐述了…的价值。: the writer naming what the person talked about, the words to follow
                    # (他指出,…); 他 after it is still that person.
                    item.speaker, item.how, item.opinion_verb = None, "", False
                    reported = None
                # 某某解释: “…。”: the quotation is what was said; the next words outside quotes are the writer's.
                quoted_whole = depth == 0 and bool(_QUOTED_WHOLE.search(raw))
                opened_by_colon = depth > 0 and bool(_QUOTATION_OPENED.search(raw))
                if transcript is not None and not bounded and speaker is not transcript:
                    # A saying the speech or the letter quotes (…,维特根斯坦说,…。): the text goes on in its writer's words.
                    reported = None
                quote_speaker = speaker if depth > 0 else None
                if turn is not None and speaker is not turn and depth == 0:
                    # Someone else's words a turn's speaker reports (…,他放出一个信号,说“…”。这可不是场面话。): the
                    # turn's speaker goes on, commenting on them, not the person reported.
                    reported = None
            elif before > 0:
                if quote_speaker is not None:
                    item.speaker, item.how = quote_speaker, f"{quote_speaker.zh} (inside the quotation)"
                if depth == 0 and opened_by_colon and raw.rstrip()[-1:] in _CLOSE_QUOTES:
                    # 某某告诉记者:“…。…。” over several sentences, closed at the end of this one: the quotation was
                    # what was said, as when it closes in the sentence that hands it over; the words after it are the
                    # writer's.
                    quoted_whole = True
                if quote_speaker is None or tentative:
                    pending.append(item)
            elif depth > 0 and (
                raw[0] in _OPEN_QUOTES or (at == 0 and _NEWS_DATELINE.sub("", raw)[:1] in _OPEN_QUOTES)
            ):
                # A quotation that runs on and opens the paragraph right after one ending with a person's reported
                # view (他认为,…。 then “…。…) is theirs too, until an attribution names someone else.
                # The lede's dateline before it (某网某地3月3日电(某某)“…。…”某某说。) still leaves the quotation opening the
                # paragraph: its speaker may be named where it closes, as a quotation of one sentence's is.
                viewer = reported
                if viewer is None and at == 0 and view_before is not None and view_before.speaker is not None:
                    viewer = None if view_before.how.endswith(_NOT_REPORTED) else view_before.speaker
                if viewer is not None and (not mentioned or _named_only_as_object(raw, names)):
                    item.speaker, item.how = viewer, f"{viewer.zh} (quotation after the reported view)"
                    quote_speaker, tentative = viewer, True
                elif not mentioned and (asked := _put_to(paragraph, at, sentences[-1:], names, last)) is not None:
                    item.speaker, item.how = asked, f"{asked.zh} {_ANSWERS}"
                    quote_speaker, tentative = asked, True
                pending.append(item)  # a quotation whose speaker may be named after it
            elif (
                at == 0
                and depth == 0
                and not mentioned
                and (bare := _NEWS_DATELINE.sub("", raw))[:1] in _OPEN_QUOTES
                and bare.rstrip().endswith(tuple(_CLOSE_QUOTES))
            ):
                # A quotation of one sentence opening the paragraph, after the lede's dateline or not (某网讯(记者 某某)
                # “…。”): its speaker may be named in the sentence after it, as a longer one's is.
                pending.append(item)
            elif _UNNAMED_SOURCE.search(raw):
                reported, pending = None, []  # 知情人士表示,…: an unnamed source's words, and the named run has ended
            elif depth == 0 and _OTHERS_ON_YOU.search(raw):
                pending = []  # 因为很多人觉得你…: what others think of the one addressed, the grounds of a question
            elif recounter is not None and depth == 0 and _OWN_CLAUSE.search(raw) and not _BACKGROUND.search(raw):
                item.speaker, item.how = recounter, f"{recounter.zh} {_RECOUNTED}"
            elif reported is not None and quoted_whole and raw[0] not in _OPEN_QUOTES:
                reported = None  # the writer's comment after the person's quoted words: the run has ended
            elif reported is not None and depth == 0 and _WRITER_REACTS.search(raw):
                reported = None  # 这句话让我深感共鸣。 the writer, in the first person, on the words reported: the run has ended
            elif (
                reported is not None
                and (not mentioned or (at > 0 and _WHOLE_QUOTATION.match(raw) and _CLOSE_QUOTE.search(paragraph[:at])))
                and not _BACKGROUND.search(raw)
                and not _DROVE_THEM.search(raw)
            ):
                item.speaker, item.how = reported, f"{reported.zh} {_GOES_ON}"
                if depth == 0 and _WHOLE_QUOTATION.match(raw):
                    # A whole quotation after a run of reported speech is that person's only until the sentence right
                    # after it opens with another person, bare or after their posts (“…。”某会首席顾问某某表示,…).
                    closed_tentative = [item]
            elif turn is not None and not is_label and not _TELLS_WHAT_HE_DID.match(raw):
                item.speaker, item.how = turn, f"{turn.zh} (interview turn)"
            elif transcript is not None and transcript is names.writer and not introduces and _CITES_ANOTHER.match(raw):
                pass  # the writer citing someone's words (某某强调“…”), no view of the writer's own
            elif transcript is not None and not introduces:
                listed = headlines and raw == paragraph
                item.speaker, item.how = transcript, f"{transcript.zh} {HIGHLIGHT if listed else '(speech transcript)'}"
            elif raw[0] in _OPEN_QUOTES and not _QUOTED_TERM.match(raw):
                pending = [item]  # a whole quotation: "“…。”李彦宏认为,…" names its speaker next
                if not mentioned and (asked := _put_to(paragraph, at, sentences[-1:], names, last)) is not None:
                    item.speaker, item.how = asked, f"{asked.zh} {_ANSWERS}"  # until an attribution names another
            elif (
                depth == 0
                and not mentioned
                and (quoted := _quoted_after_view(raw, not sentences[first_of_paragraph:], view_before))
            ):
                item.speaker, item.how = quoted, f"{quoted.zh} (quoted in the paragraph after their view)"
                pending = []
            else:
                pending = []
            # A sentence that only names what the person looked back on (某某回顾了…的历程。) recounts as well.
            recounter = (
                names.speaker(mentioned)
                if (speaker is None or item.speaker is None)
                and mentioned
                and raw.startswith(mentioned)
                and _RECOUNTS.match(raw[len(mentioned) :])
                else None
            )
            if depth == 0:
                quote_speaker = None
                if tentative:
                    # the quotation ended without naming anyone else
                    closed_tentative, pending, tentative = pending, [], False
            sentences.append(item)
        own = sentences[first_of_paragraph:]
        if (
            len(heading_speakers) > 1
            and (head := heading_speakers.get(index)) is not None
            and own
            and all(item.speaker is None for item in own)
            and _POSTED_NAME_HEADING.match(paragraph.strip())
        ):
            # A roundup's heading of a post, a name and a colon (全国人大代表 某某:要把…) heads that person's remarks with
            # their gist: the headline after the colon is the person's point, as the paragraph under it is.
            for item in own:
                item.speaker, item.how = head, f"{head.zh} {HEADLINE_OVER}"
        if (
            (claimer := named_headings.get(index)) is not None
            and own
            and all(item.speaker is None or item.speaker.zh == claimer.zh for item in own)
            and (claim := _NAME_COLON_HEADING.match(paragraph.strip())) is not None
            and _CLAIMING_HEADLINE.search(claim.group("headline"))
        ):
            # The same without a post before the name (某某:城市交通需回归步行优先), the paragraph under it introducing the
            # person: the claim after the colon is the person's gist; a topic alone (…的转折点) is none. The name and
            # colon may have been read as a turn's label already: the same person, now with the headline's reading.
            for item in own:
                item.speaker, item.how = claimer, f"{claimer.zh} {HEADLINE_OVER}"
        if index in named_headings:
            section_of = named_headings[index]
        elif _is_heading(paragraph):
            section_of = None  # another heading ends the section
        elif (
            section_of is not None
            and own
            and all(item.speaker is None for item in own)
            and names.mentioned(paragraph) is None
        ):
            # A paragraph in a roundup's section that names nobody (未来城市需…): the report of the headed person's talk
            # running on, as the paragraph above it introduced them.
            for item in own:
                item.speaker, item.how = section_of, f"{section_of.zh} (in the section under their headline)"
        if (
            names.title_quoted is not None
            and own
            and all(item.speaker is None for item in own)
            and paragraph.lstrip()[:1] in _OPEN_QUOTES
            and paragraph.rstrip()[-1:] in _CLOSE_QUOTES
            and len(re.findall(f"[{_OPEN_QUOTES}]", paragraph)) == 1
        ):
            # A paragraph that is one quotation, in a text naming nobody under a title that opens with a name and a
            # colon (某某:…): the words are the title's person's.
            for item in own:
                item.speaker, item.how = names.title_quoted, f"{names.title_quoted.zh} (quotation under the title)"
        if (
            opened[1] is not None
            and (numbered_label := _TURN_PREFIX.match(paragraph)) is not None
            and _NUMBERED_LABEL.fullmatch(numbered_label.group("who"))
        ):
            # A numbered point labelled with a name (8、某某:…) is that one paragraph: the next point, with no label, is
            # the list's own (9、…), not the same person's turn running on.
            turn = None
        if opened[1] is not None and _quoted_turn(paragraph):
            # A report's line of a post, a name and one quotation closed at its end (某集团董事长某某:“…。”): the words end
            # with the quotation, and the paragraph after it, with no label, is the writer's, not that turn running on.
            turn = None
        if _sound_bite(paragraph):
            # A TV script's sound bite is one paragraph: the narration after it is the writer's again, and the
            # reporter's question (某台记者 某某:「…?」) is nobody's view.
            turn = None
            if _host_bite(paragraph):
                for item in own:
                    item.speaker, item.how = None, ""
        _between_naming_and_pronoun(own, names)
        _insight_above(own, names)
        if own and (above := _SAID_ABOVE.match(simplified(own[0].text))) and (who := names.name_ending(above["who"])):
            # 某某是在…时作上述表示的。: the words of the paragraph before, told with a verb of speech whose speaker it
            # did not name (its lead wrote a post and a company where the name should be), are that person's.
            for item in previous_own:
                if item.speaker is None and _speech_verbs(simplified(item.text)):
                    item.speaker, item.how = names.speaker(who), f"{who} {_SAID_ABOVE_HOW}"
        elif own and (maker := own[0].speaker) is not None and _MADE_ABOVE.search(simplified(own[0].text)):
            for item in previous_own:
                if item.speaker is None and _speech_verbs(simplified(item.text)):
                    item.speaker, item.how = maker, f"{maker.zh} {_SAID_ABOVE_HOW}"
        if (
            own
            and (on_topic := _VIEW_ON_TOPIC_AFTER.match(paragraph))
            and (voiced := names.name_ending(on_topic["who"]) or new_name_ending(on_topic["who"]))
        ):
            # The closing sentence only says who spoke: the quotation before it is theirs.
            for item in own[:-1]:
                item.speaker, item.how = names.speaker(voiced), f"{voiced} (voiced on the topic after the quotation)"
        previous_own = own
        if answering is not None and paragraph[0] in _OPEN_QUOTES:
            # The quotation after "“…?” 这次我们问。" is the answer of the person the text named last.
            for item in own:
                if item.speaker is None:
                    item.speaker, item.how = answering, f"{answering.zh} (answers the question before)"
        answering = last if own and _ASKED.search(paragraph) else None
        if other_speaker:
            transcript, bounded = None, False  # another person speaks: the list has ended
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if (announced := _announces(paragraph, own[-1] if own else None, following)) is not None and not introduces:
            transcript, bounded, semicolons = announced, True, False
            # A saying handed over (…那句话:), or a view the sentence only characterised (他的理由很简单:): the one paragraph
            # under it, unless numbered points follow.
            one_paragraph = own[-1].how.endswith(VIEW_BELOW) and not (following and _POINT.match(following))
            words_at = index if own[-1].how.endswith(_WORDS) or one_paragraph else -2
            numbered = index + 1 < len(paragraphs) and bool(_POINT.match(paragraphs[index + 1]))
            headlines = _headline_points(paragraphs, index)
        elif (carried := _hands_over_after_a_view(paragraph, own, view_before, following, names)) is not None:
            own[0].speaker, own[0].how = carried, f"{carried.zh} {HANDS_OVER}"
            transcript, bounded, numbered, semicolons = carried, True, False, True
            handed_over_at = index
        # The full stop may stand after the closing mark, as some pages print it (“…”。).
        whole_quotation = (
            bool(own)
            and _NEWS_DATELINE.sub("", own[0].text).startswith(tuple(_OPEN_QUOTES))
            and own[-1].text.rstrip("。.").endswith(tuple(_CLOSE_QUOTES))
        )
        unnamed = all(item.speaker is None for item in own) and names.mentioned(paragraph) is None
        if (
            whole_quotation
            and unnamed
            and depth == 0
            and view_before is not None
            and view_before.speaker is not None
            and not view_before.how.endswith(_NOT_REPORTED)
        ):
            # A paragraph that is one quotation naming nobody, right after a paragraph ending in a person's view (a
            # quoted subheading, a pull quote): the person's words.
            for item in own:
                item.speaker, item.how = view_before.speaker, f"{view_before.speaker.zh} (quotation after their view)"
            unnamed = False
        if (
            unnamed
            and depth == 0
            and _BULLET.match(paragraph)
            and len(own) == 1
            and view_before is not None
            and view_before.speaker is not None
            and (not view_before.how.endswith(_NOT_REPORTED) or view_before.how.endswith(_BULLETED))
        ):
            # A bulleted point of one sentence naming nobody, right after a paragraph ending in a person's reported
            # view (or after a point carried so): the writer sets out that person's points one by one.
            own[0].speaker, own[0].how = view_before.speaker, f"{view_before.speaker.zh} {_BULLETED}"
            unnamed = False
        if whole_quotation and unnamed and depth == 0 and topic_speaker is not None:
            # A quotation that names nobody under a 谈…: heading: the words of the person the text introduced.
            for item in own:
                item.speaker, item.how = topic_speaker, f"{topic_speaker.zh} (quoted under a 谈…: heading)"
            unnamed = False
        if not whole_quotation and unnamed and own_words and topic_speaker is not None:
            # A paragraph in the first person naming nobody under the heading, a quotation left open or none: theirs.
            for item in own:
                item.speaker, item.how = topic_speaker, f"{topic_speaker.zh} (first person under a topic heading)"
            unnamed = False
        view_before = signed if signed is not None and own and own[-1].speaker is None else own[-1] if own else None
        left_open = quote_speaker if depth > 0 else None
        # A paragraph that is one quotation naming nobody may be a lede whose speaker the next paragraph names.
        lede_paragraph = list(own) if whole_quotation and unnamed and depth == 0 else []
        if index == 0 and lede_paragraph and re.search(r"我|咱们", paragraph):
            opening_quotation = lede_paragraph
        # The run opens in the first person; the paragraphs after it that name nobody, no heading, go on with it.
        if (
            opening_open
            and turn is None
            and not opened[0]
            and unnamed
            and own
            and not _is_heading(paragraph)
            and (opening_run or speaks_first_person(paragraph))
        ):
            opening_run.append((paragraph, list(own)))
        else:
            opening_open = False
    cut = CUT_ATTRIBUTION.search(simplified(sentences[-1].text)) if sentences else None
    if cut and sentences[-1].speaker is None and (cut_off := _cut_speaker(cut.group("cut"), names)) is not None:
        # The quotation that ends the text, back to the sentence that opens it, is that person's.
        for item in reversed(sentences[first_of_paragraph:] if paragraphs else []):
            if item.speaker is not None:
                break
            item.speaker, item.how = cut_off, f"{cut_off.zh} (attribution cut short by the page)"
            if item.text.lstrip()[:1] in _OPEN_QUOTES:
                break
    if guest is not None and len(speakers_by_zh) == 1:
        # An interview that opens with a pull quote in the first person naming nobody, and prints one guest's turns
        # (某某:…): the pull quote is the guest's.
        for item in opening_quotation:
            if item.speaker is None:
                item.speaker, item.how = guest, f"{guest.zh} (pull quote opening the interview)"
    if len(speakers_by_zh) == 2 and opening_run:
        # An interview of two labelled speakers, one asking more of the questions (the host): the first-person
        # paragraphs naming nobody that open the text, before any turn (its highlights), are the other's, the guest's.
        host, other = sorted(speakers_by_zh, key=lambda zh: questions_of[zh] / turns_of[zh], reverse=True)
        if questions_of[host] / turns_of[host] > questions_of[other] / turns_of[other]:
            answerer = speakers_by_zh[other]
            # The run ends where a paragraph names a labelled speaker (the guest's bio, the host's introduction).
            run = list(itertools.takewhile(lambda p: not any(zh in p[0] for zh in speakers_by_zh), opening_run))
            for item in itertools.chain.from_iterable(own for _, own in run):
                if item.speaker is None:
                    item.speaker, item.how = answerer, f"{answerer.zh} (highlights opening the interview)"
    _pull_quote_repeated_below(sentences)
    _credit_figures_before(text, sentences, names)
    return sentences


# A clause of a pull quote, long enough that finding it again further down is no chance: six characters or more.
_PULL_QUOTE_CLAUSE_CHARS = 6
# The clauses of a quotation, split at its commas and stops, without its quotation marks.
_QUOTE_CLAUSE_BREAK = re.compile(r"[,，。;；!！?？、:：“”「」『』]+")


def _pull_quote_repeated_below(sentences: list[Sentence]) -> None:
    """A whole quotation naming nobody (a pull quote printed near the top), two clauses or more, each of which a later
    sentence given to one and the same person says again word for word, is that person's: the page lifted it from
    the quotation it credits further down."""
    for at, item in enumerate(sentences):
        quoted = item.text.strip().rstrip("。.")
        if item.speaker is not None or quoted[:1] not in _OPEN_QUOTES or quoted[-1:] not in _CLOSE_QUOTES:
            continue
        if any(ch in _OPEN_QUOTES for ch in quoted[1:]):
            continue  # more than one quotation: not one pull quote
        clauses = [c for c in _QUOTE_CLAUSE_BREAK.split(quoted) if c]
        if len(clauses) < 2 or any(len(c) < _PULL_QUOTE_CLAUSE_CHARS for c in clauses):
            continue
        later = [s for s in sentences[at + 1 :] if s.speaker is not None]
        sayers: list[Speaker] = []
        for clause in clauses:
            saying = next((s for s in later if clause in s.text), None)
            if saying is None or saying.speaker is None:
                break
            sayers.append(saying.speaker)
        else:
            if len({s.id for s in sayers}) == 1:
                item.speaker, item.how = sayers[0], f"{sayers[0].zh} (pull quote repeated in their quotation below)"


# A sentence opening a paragraph that credits the figures before it to a person (这些数据是某协会会长某某在某大会上分享的。):
# the sentences of the paragraph right before that hold a figure, and that nobody else says, are that person's.
_FIGURES_CREDITED = re.compile(
    r"^(?:这些|以上|上述)(?:数据|数字)(?:是|来自|出自|均来自|由)(?P<who>[^,，。:：;；“”「」『』]{2,60}?)在[^。:：“”]{0,40}?"
    r"(?:分享|发布|披露|介绍|公布)的[。.]?$"
)


def _credit_figures_before(text: str, sentences: list[Sentence], names: Names) -> None:
    """Gives the figures of the paragraph before to the person a sentence like 这些数据是某某在…分享的。 names."""
    paragraph_of: list[int] = []
    cursor = 0
    for item in sentences:
        at = text.find(item.text, cursor)
        if at < 0:
            return  # the sentences are not the text's spans in order: leave them as they are
        paragraph_of.append(text.count("\n\n", 0, at))
        cursor = at + len(item.text)
    for i, item in enumerate(sentences):
        credit = _FIGURES_CREDITED.match(simplified(item.text).strip())
        if credit is None or (i > 0 and paragraph_of[i - 1] == paragraph_of[i]):
            continue
        who = credit.group("who").strip()
        name = names.name_ending(who) or new_name_ending(who)
        if not name:
            continue
        speaker = names.speaker(name)
        for j in range(i - 1, -1, -1):
            if paragraph_of[j] != paragraph_of[i] - 1:
                break
            if sentences[j].speaker is None and re.search(r"\d", sentences[j].text):
                sentences[j].speaker, sentences[j].how = speaker, f"{name} (figures the next paragraph credits)"
