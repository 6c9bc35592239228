"""Who says each sentence, on short made-up texts shaped like the public articles that once defeated it."""

from __future__ import annotations

import dataclasses

import pytest

from knowledge.ingest.speakers import (
    Names,
    attribute,
    new_name_ending,
    person_id_for,
    reading,
    split_sentences,
    without_pinyin_notes,
)
from knowledge.ingest.suggest import suggest_claims
from knowledge.loader import load_corpus
from knowledge.models import Corpus, Source


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


def speakers(corpus: Corpus, text: str) -> dict[str, str]:
    with_text = dataclasses.replace(corpus, sources={**corpus.sources, "new": Source(id="new", title="t", text=text)})
    return {s.quote: s.speaker_id for s in suggest_claims(with_text, "new")}


def test_a_sentence_that_opens_with_a_speech_verb_is_read_to_its_speaker(corpus: Corpus) -> None:
    # 谈到 is a speech verb with nothing before it; the speaker comes with the second verb.
    found = speakers(corpus, "谈到芯片,赵一鸣表示,国产算力三年内能追上来。\n\n谈及定价,他认为价格战不会持续。\n")
    assert found == {
        "谈到芯片,赵一鸣表示,国产算力三年内能追上来。": "zhao-yiming",
        "谈及定价,他认为价格战不会持续。": "zhao-yiming",
    }


def test_a_pronoun_is_the_person_named_last_even_when_that_person_said_nothing_yet(corpus: Corpus) -> None:
    text = (
        "投资圈对大模型分成两派,钱多多属于其中一派。他说自己只看能马上赚钱的应用。\n\n"
        "不过,钱多多也提到,自己挺看好孙立。\n\n"
        "孙立有着漂亮的履历。那时他就觉得,搜索引擎是通向智能的路径。\n\n"
        "孙立表示,医疗是大模型最重要的方向。\n"  # speaks later: a name is known once it stands before a verb
    )
    assert speakers(corpus, text) == {
        "他说自己只看能马上赚钱的应用。": "qian-duoduo",
        "不过,钱多多也提到,自己挺看好孙立。": "qian-duoduo",
        "那时他就觉得,搜索引擎是通向智能的路径。": "sun-li",
        "孙立表示,医疗是大模型最重要的方向。": "sun-li",
    }


def test_an_interview_with_each_speakers_name_on_its_own_line(corpus: Corpus) -> None:
    # The interviewer's label is no person's name; the answer runs over two paragraphs and names someone else.
    text = (
        "以下是与他的对话。\n\n"
        "某某播客\n\n"
        "最近钱多多的言论引起了讨论,你怎么看?\n\n"
        "孙立\n\n"
        "钱多多的表达是很真实的。他有自己的投资逻辑,首先要有应用场景。\n\n"
        "其实我们每个人都只能看到局部。\n\n"
        "某某播客\n\n"
        "下一个话题是开源模型的未来。\n"
    )
    assert speakers(corpus, text) == {
        "钱多多的表达是很真实的。": "sun-li",
        "他有自己的投资逻辑,首先要有应用场景。": "sun-li",
        "其实我们每个人都只能看到局部。": "sun-li",
    }


def test_a_transcript_whose_turns_are_labelled_by_latin_names(corpus: Corpus) -> None:
    # Each speaker's Latin name alone on its line opens their turn; 某某说得对 judges another's words right, the view
    # is the turn's speaker's own; 他说 after a name in the interviewer's own sentence is the person named there.
    text = (
        "某某论坛上,某公司CEO孙立与记者Anna Berg展开了一场对谈。\n\n"
        "Anna Berg\n\n"
        "这让我想起了一个时刻,赵一鸣给员工发送了一封邮件,他说股价涨涨跌跌,但要记住这个时刻。你会如何完成这句话?\n\n"
        "Li Sun\n\n"
        "我认为赵一鸣说得对。我们只有在推进使命时才能表现出色。\n\n"
        "Anna Berg\n\n"
        "那么芯片呢?\n\n"
        "Li Sun\n\n"
        "我认为芯片明年会降价。\n"
    )
    assert speakers(corpus, text) == {
        "这让我想起了一个时刻,赵一鸣给员工发送了一封邮件,他说股价涨涨跌跌,但要记住这个时刻。": "zhao-yiming",
        "我认为赵一鸣说得对。": "li-sun",
        "我们只有在推进使命时才能表现出色。": "li-sun",
        "我认为芯片明年会降价。": "li-sun",
    }


def test_he_said_after_a_name_in_the_same_sentence_of_an_interviewers_turn(corpus: Corpus) -> None:
    # The interviewer speaks in the first person and tells of someone else in one sentence: 他说 is that person.
    text = (
        "钱多多\n\n"
        "这让我想起去年,赵一鸣给全体员工写了一封信,他说芯片是公司的命脉。你怎么看?\n\n"
        "孙立\n\n"
        "我认为芯片明年会降价。\n\n"
        "钱多多\n\n"
        "为什么?\n\n"
        "孙立\n\n"
        "我觉得产能已经够了。\n"
    )
    found = speakers(corpus, text)
    assert found.get("这让我想起去年,赵一鸣给全体员工写了一封信,他说芯片是公司的命脉。") == "zhao-yiming"


def test_a_latin_name_with_its_role_in_brackets_is_a_speaker_and_so_is_his_pronoun(corpus: Corpus) -> None:
    text = (
        "主持人:最近Jack Turner(某某公司 CEO)表态说,在开源这方面他们“站错了边”。"
        "他也在内部会上说,过去5年的保守策略是一个战略失误。你怎么看?\n\n"
        "今年初,首席执行官 Alexandr Wang 在推特上表示,标注数据的花费会与算力同等量级。\n\n"
        "Google Cloud表示,企业客户增长了一倍。\n"
    )
    assert speakers(corpus, text) == {
        "主持人:最近Jack Turner(某某公司 CEO)表态说,在开源这方面他们“站错了边”。": "jack-turner",
        "他也在内部会上说,过去5年的保守策略是一个战略失误。": "jack-turner",
        "今年初,首席执行官 Alexandr Wang 在推特上表示,标注数据的花费会与算力同等量级。": "alexandr-wang",
    }


def test_an_example_or_a_comparison_between_the_name_and_the_verb(corpus: Corpus) -> None:
    text = (
        "赵一鸣以某某公司为例,指出他们最早推出了对话应用。\n\n"
        "赵一鸣以操作系统内核类比:基座模型是内核,平台才是操作系统。\n\n"
        "所以他认为这条路走得通。\n"
    )
    assert speakers(corpus, text) == {
        "赵一鸣以某某公司为例,指出他们最早推出了对话应用。": "zhao-yiming",
        "赵一鸣以操作系统内核类比:基座模型是内核,平台才是操作系统。": "zhao-yiming",
        "所以他认为这条路走得通。": "zhao-yiming",
    }


def test_a_question_that_states_its_answer_is_a_claim_and_a_real_question_is_not(corpus: Corpus) -> None:
    text = (
        "钱多多:如果花10倍成本,性能只提高10%,谁还会花这么多钱去用闭源的?"
        "后发跟进的人就有很大优势,是吧?你觉得下一步会怎样?\n"
    )
    assert speakers(corpus, text) == {
        "钱多多:如果花10倍成本,性能只提高10%,谁还会花这么多钱去用闭源的?": "qian-duoduo",
        "后发跟进的人就有很大优势,是吧?": "qian-duoduo",
    }


def test_a_paragraph_that_lost_its_full_stop_is_still_a_claim_but_a_heading_or_a_cut_last_line_is_not(
    corpus: Corpus,
) -> None:
    text = (
        "在访谈中赵一鸣表示,开源热潮之后,行业有了自己的转折点。"
        "公司也看到了基座模型与企业需求之间存在着缺位,中间件难以跟上企业的需要\n\n"
        "赵一鸣的判断\n\n"
        "赵一鸣认为,超大模型的预训练正在逐渐寡头化,并且程度在不断加大,而应用层还"
    )
    assert speakers(corpus, text) == {
        "在访谈中赵一鸣表示,开源热潮之后,行业有了自己的转折点。": "zhao-yiming",
        "公司也看到了基座模型与企业需求之间存在着缺位,中间件难以跟上企业的需要": "zhao-yiming",
    }


def test_a_pronoun_after_a_name_in_the_same_sentence_is_that_person(corpus: Corpus) -> None:
    # Both are in the registry: a name is known before the pronoun without a speech verb of its own.
    text = (
        "李开复认为,价格战不会持续。\n\n"
        "联合创始人王小川则更关心成本,他表示,一年下来做私有化项目,到底挣多少钱,其实没把握。\n"
    )
    assert speakers(corpus, text) == {
        "李开复认为,价格战不会持续。": "li-kaifu",
        "联合创始人王小川则更关心成本,他表示,一年下来做私有化项目,到底挣多少钱,其实没把握。": "wang-xiaochuan",
    }


def test_a_quotation_that_a_word_for_speech_names_is_the_persons_but_a_quoted_term_is_not(corpus: Corpus) -> None:
    text = (
        "此前在一场论坛上,王小川有过精彩的分享,其中“中国需要自己的基础模型”的表述还上了热搜。\n\n"
        "王小川、李开复等极少数人,目前能同时具备「模型——调优——应用」的全栈能力。\n"
    )
    assert speakers(corpus, text) == {
        "此前在一场论坛上,王小川有过精彩的分享,其中“中国需要自己的基础模型”的表述还上了热搜。": "wang-xiaochuan"
    }


def test_a_paragraph_announcing_what_a_speech_said_makes_what_follows_the_speakers(corpus: Corpus) -> None:
    text = (
        "11月9日,某论坛在乌镇举行。某公司创始人赵一鸣在会上发表演讲,主要观点如下:\n\n"
        "创新价值要从应用上体现出来。只有拥有百万量级的应用,这个才算成功。\n\n"
        "会上,董事长孙立在《大模型下半场,企业如何创新?》主题演讲中分享了诸多观点,以下为演讲内容的要点:\n\n"
        "作为创业者,最核心的学习是第一性原理。\n"
    )
    assert speakers(corpus, text) == {
        "创新价值要从应用上体现出来。": "zhao-yiming",
        "只有拥有百万量级的应用,这个才算成功。": "zhao-yiming",
        "作为创业者,最核心的学习是第一性原理。": "sun-li",
    }


def test_a_quotation_named_by_the_next_sentence_as_what_the_person_keeps_saying(corpus: Corpus) -> None:
    text = (
        "这一次,王小川看起来要与过去告别。“不想再做跟随者了。”这是在采访中他会反复提及的话,主语有时是他自己,有时是整个产业。\n\n"
        "与 OpenAI 所常常谈到的目标不同,巨头的战略意义更多出于防守。\n"  # 常常 is an adverb, not a name
    )
    assert speakers(corpus, text) == {
        "“不想再做跟随者了。”": "wang-xiaochuan",
        "这是在采访中他会反复提及的话,主语有时是他自己,有时是整个产业。": "wang-xiaochuan",
    }


def test_a_name_alone_under_a_photo_is_a_caption_not_an_interview_turn(corpus: Corpus) -> None:
    text = (
        "“温和”,是许多人见到孙立的第一印象。和缓得几乎让人忘记了他是一家公司的掌舵者。\n\n"
        "孙立\n\n"
        "然而,正是他带领的公司,成为今年规模最大的上市公司。\n"
    )
    assert speakers(corpus, text) == {}


def test_thinking_verbs_a_spelled_out_stance_and_a_straight_quoted_recollection(corpus: Corpus) -> None:
    text = (
        "一次调整让活跃用户下滑30%,这让孙立更加确信:商业回报本质上是技术能力的直接映射。\n\n"
        "但孙立的逻辑挺简单:只要方向对,这钱就得烧。\n\n"
        "孙立在上市次日就告诫员工:不要关注股价,技术迭代要以周为单位。\n\n"
        '"如果你真的相信人工智能,你就应该去做点什么。"孙立在采访中回忆道。\n\n'
        "这家公司比对手们更早意识到,企业一定倾向于部署私有的大模型。\n"  # 公司比 is no name
    )
    assert speakers(corpus, text) == {
        "一次调整让活跃用户下滑30%,这让孙立更加确信:商业回报本质上是技术能力的直接映射。": "sun-li",
        "但孙立的逻辑挺简单:只要方向对,这钱就得烧。": "sun-li",
        "孙立在上市次日就告诫员工:不要关注股价,技术迭代要以周为单位。": "sun-li",
        '"如果你真的相信人工智能,你就应该去做点什么。"孙立在采访中回忆道。': "sun-li",
    }


def test_a_persons_stance_and_the_numbered_points_of_a_speech(corpus: Corpus) -> None:
    text = (
        "孙立认为,技术要排在增长前面。\n\n"
        '他不想为了短期的形象去跟媒体讲故事。他坚持"技术优先",哪怕要长期追赶,也认了。\n\n'
        "会上,董事长赵一鸣在主题演讲中分享了诸多观点,以下为演讲内容的核心要点:\n\n"
        "1. 语义理解是人工智能皇冠上的明珠\n\n"
        "二、用新范式思考应用的机会\n\n"
        "大模型下半场\n"  # a heading, not a point
    )
    assert speakers(corpus, text) == {
        "孙立认为,技术要排在增长前面。": "sun-li",
        "他不想为了短期的形象去跟媒体讲故事。": "sun-li",
        '他坚持"技术优先",哪怕要长期追赶,也认了。': "sun-li",
        "1. 语义理解是人工智能皇冠上的明珠": "zhao-yiming",
        "二、用新范式思考应用的机会": "zhao-yiming",
    }


def test_a_page_in_traditional_characters_is_read_and_quoted_as_written(corpus: Corpus) -> None:
    text = (
        "“說實話我們膽子一直很小,我一直不太願意燒錢的你知道嗎?”錢多多告訴記者。\n\n"
        "他認爲五年後不會有獨立的大模型公司。\n\n"
        "所以,他偏愛能直接看到收入的應用項目。\n"
    )
    assert speakers(corpus, text) == {
        "“說實話我們膽子一直很小,我一直不太願意燒錢的你知道嗎?”錢多多告訴記者。": "qian-duoduo",
        "他認爲五年後不會有獨立的大模型公司。": "qian-duoduo",
        "所以,他偏愛能直接看到收入的應用項目。": "qian-duoduo",
    }


def test_a_name_colon_turn_runs_over_the_paragraphs_after_it_until_the_next_turn_or_a_heading(
    corpus: Corpus,
) -> None:
    text = (
        "以下是对话实录:\n\n"
        "钱多多:今年大会为什么定这个主题?\n\n"
        "孙立:因为模型本身不产生直接价值,应用才产生价值。\n\n"
        "过去这一年,整个行业有比较多的焦虑。\n\n"
        "问:那开源呢?\n\n"
        "开源模型的差距会越来越大。\n\n"
        "孙立:闭源才有商业模式。\n\n"
        "基座模型两年更新一代就够了\n\n"
        "这一年应用层的变化最快。\n"
    )
    assert speakers(corpus, text) == {
        "孙立:因为模型本身不产生直接价值,应用才产生价值。": "sun-li",
        "过去这一年,整个行业有比较多的焦虑。": "sun-li",
        "孙立:闭源才有商业模式。": "sun-li",
    }


def test_a_standpoint_or_a_capacity_between_the_name_and_the_verb(corpus: Corpus) -> None:
    text = (
        "钱多多站在投资者的角度认为,创业公司未来两年很难融资。"
        "而孙立作为创业者代表则认为,这一领域有很多机会。\n\n"
        "董事长赵一鸣从创业者角度出发,表示投资人不该指点江山。\n"
    )
    assert speakers(corpus, text) == {
        "钱多多站在投资者的角度认为,创业公司未来两年很难融资。": "qian-duoduo",
        "而孙立作为创业者代表则认为,这一领域有很多机会。": "sun-li",
        "董事长赵一鸣从创业者角度出发,表示投资人不该指点江山。": "zhao-yiming",
    }


def test_a_statement_that_ends_on_a_short_question_and_a_reported_view_before_a_quoted_question(
    corpus: Corpus,
) -> None:
    text = (
        "钱多多重申了分红的重要性,他说:“怎么才能有耐心资本?必须每年有稳定现金流。”\n\n"
        "孙立:有人觉得模型迭代已经慢下来了,但是超级应用没出现,那怎么办?你怎么看下一步?\n"
    )
    assert speakers(corpus, text) == {
        "钱多多重申了分红的重要性,他说:“怎么才能有耐心资本?": "qian-duoduo",
        "必须每年有稳定现金流。”": "qian-duoduo",
        "孙立:有人觉得模型迭代已经慢下来了,但是超级应用没出现,那怎么办?": "sun-li",
    }


def test_a_list_of_points_announced_by_a_summary_noun_is_the_named_persons(corpus: Corpus) -> None:
    # "…对…发表看法,以下几个核心论断:" announces the points that follow as the named person's views.
    text = (
        "某某科技4月1日消息,一段赵一鸣的内部讲话流出。在讲话中,赵一鸣对算力与价格战等行业话题发表看法,以下几个核心论断:\n\n"
        "1、价格战不会持续太久,三年内会结束。\n\n"
        "2、创业公司更应该专注应用。\n"
    )
    assert speakers(corpus, text) == {
        "1、价格战不会持续太久,三年内会结束。": "zhao-yiming",
        "2、创业公司更应该专注应用。": "zhao-yiming",
    }


def test_a_speech_verb_right_after_de_is_a_noun_and_names_nobody(corpus: Corpus) -> None:
    # 坚持 after 的 is "persistence": "非常长时间的坚持" is not a person 常长 speaking.
    text = "孙立在会上发表演讲,主要观点如下:\n\n做基础模型需要非常长时间的坚持才能跑出来。\n"
    assert speakers(corpus, text) == {"做基础模型需要非常长时间的坚持才能跑出来。": "sun-li"}


def test_a_title_after_the_name_leaves_the_name_to_the_verb(corpus: Corpus) -> None:
    # 博士 / 教授 after the name (赵一鸣博士表示, 在赵一鸣博士看来) used to hide it from the verb.
    text = (
        "近日,某公司CEO赵一鸣博士接受了专访。\n\n"
        "在赵一鸣博士看来,开源生态会让成本降到十分之一。\n\n"
        "钱多多教授指出,泡沫只是部分公司的估值。\n"
    )
    assert speakers(corpus, text) == {
        "在赵一鸣博士看来,开源生态会让成本降到十分之一。": "zhao-yiming",
        "钱多多教授指出,泡沫只是部分公司的估值。": "qian-duoduo",
    }


def test_an_officials_post_after_the_full_name_leaves_the_name_to_the_verb(corpus: Corpus) -> None:
    # A government report writes the post after the full name and the occasion before the verb (某某副司长在致辞中指出):
    # the post (司长, 厅长, 理事长 …) used to hide the name, as 博士 / 教授 once did.
    text = (
        "论坛由某部与某学院联合主办。\n\n"
        "赵一鸣副司长在致辞中指出,人工智能将重塑艺术教育的评价方式。\n\n"
        "錢多多廳長表示,各地要加快建設算力平臺。\n\n"
        "孙立副理事长在会上强调,行业标准要先行。\n"
    )
    assert speakers(corpus, text) == {
        "赵一鸣副司长在致辞中指出,人工智能将重塑艺术教育的评价方式。": "zhao-yiming",
        "錢多多廳長表示,各地要加快建設算力平臺。": "qian-duoduo",
        "孙立副理事长在会上强调,行业标准要先行。": "sun-li",
    }


def test_a_lawyers_title_after_the_name_leaves_the_name_to_the_verb(corpus: Corpus) -> None:
    # 律师 after the name (某某律师认为) is a title as 博士 is: it used to hide the name, or to be read as one with the
    # name's last character, and to hide a name introduced after a post whose last character is a function word.
    text = (
        "某城举办了一场关于数据出境的沙龙。\n\n"
        "钱多多律师认为,跨境传输的合规成本会逐年下降。\n\n"
        "某事务所高级合伙人孙中和律师指出,企业要先摸清自己的数据资产。\n"
    )
    assert speakers(corpus, text) == {
        "钱多多律师认为,跨境传输的合规成本会逐年下降。": "qian-duoduo",
        "某事务所高级合伙人孙中和律师指出,企业要先摸清自己的数据资产。": "sun-zhonghe",
    }


def test_a_trade_noun_before_the_modal_keyi_names_nobody(corpus: Corpus) -> None:
    # 工程师可以在电脑上论证…: 师 closes the trade noun and 可以 (can) is the modal, not a family name and a given name;
    # nor is the 以 of 可以 an instrument's 以 to strip (…师可 then). The turn's speaker keeps the sentence.
    text = (
        "赵一鸣:建筑行业会越来越依赖仿真。以一座旧桥的改造为例,过去要反复做实物模型,"
        "如今工程师可以在软件内论证结构的安全,省下了大量时间。\n"
    )
    assert set(speakers(corpus, text).values()) == {"zhao-yiming"}


def test_a_dialogue_turn_with_a_role_in_brackets_before_its_colon(corpus: Corpus) -> None:
    text = (
        "记者:你们的降价引发了价格战,有人认为你们是颠覆者。\n\n"
        "孙立(某科技创始人):我们从未想过要做颠覆者,这只是意外。\n\n"
        "我们的目标一直是通用人工智能。\n"
    )
    assert speakers(corpus, text) == {
        "孙立(某科技创始人):我们从未想过要做颠覆者,这只是意外。": "sun-li",
        "我们的目标一直是通用人工智能。": "sun-li",
    }


def test_the_longest_name_the_text_uses_wins_over_a_shorter_reading(corpus: Corpus) -> None:
    # 文 is a family name too, so "柳文川" also reads as "文川"; the text writes 柳文川 on its own, never 文川.
    text = (
        "1985年出生的柳文川,毕业于某大学。\n\n"
        "柳文川在采访时坦陈,国产模型落后对手一两年。\n\n"
        "分析师王强表示,差距还在缩小。\n"  # 师 is a family name too, but 师王强 is never written on its own
    )
    assert speakers(corpus, text) == {
        "柳文川在采访时坦陈,国产模型落后对手一两年。": "liu-wenchuan",
        "分析师王强表示,差距还在缩小。": "wang-qiang",
    }


def test_a_longer_name_after_a_title_or_a_conjunction_stands_alone(corpus: Corpus) -> None:
    # Traditional characters; 柳文川 is only ever written after a post (創辦人柳文川) or after 而 (而柳文川), never
    # at a paragraph's start: it is still the name the text uses, not 文川.
    text = "孫立表示,他與某公司創辦人柳文川聊過此事。而柳文川則表示推理只是第一步。\n"
    assert speakers(corpus, text) == {
        "孫立表示,他與某公司創辦人柳文川聊過此事。": "sun-li",
        "而柳文川則表示推理只是第一步。": "liu-wenchuan",
    }


def test_an_attribution_after_a_space_keeps_the_whole_quotation(corpus: Corpus) -> None:
    # "“…。” 孙立说。": the space before the attribution once made the quote come out empty.
    text = "“一些客户的营业额会翻倍,这是最好的 PMF。” 孙立说。\n"
    assert speakers(corpus, text) == {"“一些客户的营业额会翻倍,这是最好的 PMF。” 孙立说。": "sun-li"}


def test_a_list_announced_by_a_person_ends_where_the_list_ends(corpus: Corpus) -> None:
    text = (
        "赵一鸣对价格战发表看法,以下几个论断:\n\n"
        "1、价格战三年内就会结束。\n\n"
        "2、创业公司更应该专注应用。\n\n"
        "这家公司的收入去年翻了一番,达到30亿元。\n\n"  # not a point: the article speaks again
        "孙立向记者解释了实际发生的调整:\n\n"
        "公司大部分训练团队会并入合作方的实验室。\n\n"
        "之后公司将不再训练超大模型,但会继续训练更便宜的模型。\n\n"
        "访谈孙立的那天,办公楼里有30个工人在装修。\n\n"  # names the speaker: the article speaks about him
        "楼下的咖啡馆去年关了两家,租金涨了一倍。\n"
    )
    found = speakers(corpus, text)
    assert found["1、价格战三年内就会结束。"] == "zhao-yiming"
    assert found["公司大部分训练团队会并入合作方的实验室。"] == "sun-li"
    assert found["之后公司将不再训练超大模型,但会继续训练更便宜的模型。"] == "sun-li"
    assert "这家公司的收入去年翻了一番,达到30亿元。" not in found
    assert "访谈孙立的那天,办公楼里有30个工人在装修。" not in found
    assert "楼下的咖啡馆去年关了两家,租金涨了一倍。" not in found


def test_verbs_of_stating_and_analysing_and_a_view_seen_before_a_colon(corpus: Corpus) -> None:
    text = (
        "孙立坦陈,国产芯片还落后两年。\n\n"
        "他深入剖析了原因:成本太高,生态太弱。\n\n"
        "2025 年会更好吗?赵一鸣看到:应用爆发和淘汰会同时发生。\n\n"
        "钱多多看到了台下的观众,笑着挥手。\n"  # seeing, not a view
    )
    found = speakers(corpus, text)
    assert found["孙立坦陈,国产芯片还落后两年。"] == "sun-li"
    assert found["他深入剖析了原因:成本太高,生态太弱。"] == "sun-li"
    assert found["赵一鸣看到:应用爆发和淘汰会同时发生。"] == "zhao-yiming"
    assert "钱多多看到了台下的观众,笑着挥手。" not in found


def test_the_quotation_that_answers_the_interviewers_question_is_the_interviewees(corpus: Corpus) -> None:
    text = (
        "孙立表示,公司会继续做预训练。\n\n"
        "去年我们访谈孙立时,他说想做下一个微软。\n\n"
        "“这个梦想破灭了吗?” 这次我们问。\n\n"
        "“当然没有。我们现在是从应用起步,更重要的是脚踏实地。”\n"
    )
    found = speakers(corpus, text)
    assert found["我们现在是从应用起步,更重要的是脚踏实地。”"] == "sun-li"


def test_qi_as_a_pronoun_is_the_person_named_last_but_not_inside_youqi_or_yuqi(corpus: Corpus) -> None:
    text = (
        "孙立在发布会上介绍了新模型的进展。在其看来,开源模型会在两年内追上闭源模型。\n\n"
        "其同时指出,算力的价格每年会下降一半。\n\n"
        "尤其强调的一点是,这一代模型的数据质量决定了上限。\n\n"  # 尤其: no pronoun
        "与其说这是价格战,不如说这是效率战,未来价格还会更低。\n"  # 与其…不如: no pronoun
    )
    found = speakers(corpus, text)
    assert found["在其看来,开源模型会在两年内追上闭源模型。"] == "sun-li"
    assert found["其同时指出,算力的价格每年会下降一半。"] == "sun-li"
    assert "尤其强调的一点是,这一代模型的数据质量决定了上限。" not in found
    assert "与其说这是价格战,不如说这是效率战,未来价格还会更低。" not in found


def test_verbs_of_admitting_and_of_sensing_a_view_before_a_comma(corpus: Corpus) -> None:
    text = (
        "孙立坦承,公司的模型还落后对手一年。\n\n"
        "他感受到,海外客户对国产模型的接受度在上升。\n\n"
        "钱多多注意到:开源社区的贡献者越来越多,这会改变竞争格局。\n\n"
        "赵一鸣感受到了现场观众的热情,挥手致意。\n\n"  # sensing, not a view
        "孙立的坦承让投资人更放心了,估值反而更高。\n"  # a noun after 的
    )
    found = speakers(corpus, text)
    assert found["孙立坦承,公司的模型还落后对手一年。"] == "sun-li"
    assert found["他感受到,海外客户对国产模型的接受度在上升。"] == "sun-li"
    assert found["钱多多注意到:开源社区的贡献者越来越多,这会改变竞争格局。"] == "qian-duoduo"
    assert "赵一鸣感受到了现场观众的热情,挥手致意。" not in found
    assert "孙立的坦承让投资人更放心了,估值反而更高。" not in found


def test_a_quotation_after_a_reported_view_in_its_paragraph_goes_on_with_that_person(corpus: Corpus) -> None:
    text = (
        "孙立表示,公司明年会发布新模型。\n\n"
        "在他看来,开源模型会赢。“闭源的优势只剩半年。开源的生态会越来越大,明年就能看到。”\n\n"
        # An attribution after the quotation still names its speaker.
        "钱多多表示,价格战还会持续。“价格战对用户是好事。我们的成本更低,价格还能再降一半。”赵一鸣补充道。\n"
    )
    found = speakers(corpus, text)
    assert found["“闭源的优势只剩半年。"] == "sun-li"
    assert found["开源的生态会越来越大,明年就能看到。”"] == "sun-li"
    assert found["“价格战对用户是好事。"] == "zhao-yiming"
    assert found["我们的成本更低,价格还能再降一半。”赵一鸣补充道。"] == "zhao-yiming"


def test_points_announced_with_a_full_stop_are_the_persons_who_gives_them(corpus: Corpus) -> None:
    text = (
        "钱多多表示,明年的竞争将集中在三个方面。\n\n"
        "第一,推理成本决定了谁能活下来。\n\n"
        "第二,应用落地的速度比模型更重要。\n\n"
        "会场外,排队的观众有上百人,队伍排到了街角。\n\n"  # not a point: the list has ended
        "赵一鸣在论坛上分享了他对行业的几点观察。首先,大模型正在从聊天走向行动。其次,机器人会是下一个风口。\n"
    )
    found = speakers(corpus, text)
    assert found["第一,推理成本决定了谁能活下来。"] == "qian-duoduo"
    assert found["第二,应用落地的速度比模型更重要。"] == "qian-duoduo"
    assert "会场外,排队的观众有上百人,队伍排到了街角。" not in found
    assert found["首先,大模型正在从聊天走向行动。"] == "zhao-yiming"
    assert found["其次,机器人会是下一个风口。"] == "zhao-yiming"
    assert "赵一鸣在论坛上分享了他对行业的几点观察。" not in found  # it announces, it says nothing yet


def test_points_numbered_after_a_first_point_opened_in_the_speakers_paragraph_are_theirs(corpus: Corpus) -> None:
    text = (
        "“芯片行业的格局正在改变。”某大学研究员赵一鸣接受专访时表示。\n\n"
        "他进一步解释道,首先,是供应格局重塑。新的供应商已经出现。\n\n"
        "第二,软件生态重构。大公司正在把训练框架迁到新的架构上。\n\n"
        "第三,路径调整。企业正通过软件优化弥补性能差距。\n"
    )
    found = speakers(corpus, text)
    assert found["大公司正在把训练框架迁到新的架构上。"] == "zhao-yiming"
    assert found["企业正通过软件优化弥补性能差距。"] == "zhao-yiming"


def test_a_quotation_after_a_sentence_attributed_with_when_after_the_closing_mark_is_the_speakers(
    corpus: Corpus,
) -> None:
    text = (
        "会场上展出的一排芯片。“芯片的格局正在经历转变。可以说,进口依赖的时代已经结束。”"
        "某大学研究员赵一鸣接受专访时表示。\n"
    )
    found = speakers(corpus, text)
    assert found["“芯片的格局正在经历转变。"] == "zhao-yiming"
    assert found["可以说,进口依赖的时代已经结束。”某大学研究员赵一鸣接受专访时表示。"] == "zhao-yiming"
    assert "会场上展出的一排芯片。" not in found


def test_a_person_who_voices_a_like_view_is_the_one_the_next_pronoun_names(corpus: Corpus) -> None:
    text = (
        "钱多多明确表示,机器不会取代老师。\n\n"
        "某大学校长赵一鸣也表达了类似的观点。他指出,教学依赖于师生之间的交流。\n\n"
        "这种模型的表达能力很强。\n"
    )
    found = speakers(corpus, text)
    assert found["某大学校长赵一鸣也表达了类似的观点。"] == "zhao-yiming"
    assert found["他指出,教学依赖于师生之间的交流。"] == "zhao-yiming"
    assert "这种模型的表达能力很强。" not in found


def test_a_short_manner_with_zhe_between_the_name_and_the_verb_keeps_the_speaker(corpus: Corpus) -> None:
    text = "关于“你感受到冲击了吗?”这一问题,赵一鸣笑着说“当然。”\n\n钱多多苦笑着表示,价格战还会持续很久。\n"
    found = speakers(corpus, text)
    assert found["关于“你感受到冲击了吗?”这一问题,赵一鸣笑着说“当然。”"] == "zhao-yiming"
    assert found["钱多多苦笑着表示,价格战还会持续很久。"] == "qian-duoduo"


def test_a_quoted_reply_after_a_name_and_de_is_the_repliers(corpus: Corpus) -> None:
    text = (
        "赵一鸣表示,机器人明年一定会上市。\n\n"
        "他的说法随即获得公司员工 John Smith 的附和:「我认同这个时间表。」\n\n"
        "这一计划也获得了董事会的支持。\n"
    )
    found = speakers(corpus, text)
    assert found["他的说法随即获得公司员工 John Smith 的附和:「我认同这个时间表。」"] == "john-smith"
    assert "这一计划也获得了董事会的支持。" not in found


def test_a_quotation_after_a_second_persons_words_named_before_the_colon_is_that_persons(corpus: Corpus) -> None:
    text = (
        "John Smith 表示,今天的发布会很成功。\n\n"
        "John Smith 的观点印证了首席执行官 Mary Brown 上周发布的警告:「价格战还会持续很久」。\n\n"
        "John Smith 的观点引起了热议:「价格不会再降」。\n"
    )
    found = speakers(corpus, text)
    assert found["John Smith 的观点印证了首席执行官 Mary Brown 上周发布的警告:「价格战还会持续很久」。"] == "mary-brown"
    assert found["John Smith 的观点引起了热议:「价格不会再降」。"] == "john-smith"


def test_a_sentence_opening_with_an_epithet_before_the_name_is_that_persons(corpus: Corpus) -> None:
    text = (
        "赵一鸣表示,今天的发布会很成功。\n\n素有「预言家」之称的赵一鸣最近又语出惊人,宣称机器人明年将实现通用智能。\n"
    )
    found = speakers(corpus, text)
    assert found["素有「预言家」之称的赵一鸣最近又语出惊人,宣称机器人明年将实现通用智能。"] == "zhao-yiming"


def test_a_latin_name_glossed_with_the_chinese_one_opening_a_sentence_is_that_person(corpus: Corpus) -> None:
    text = "John Smith(赵一鸣)最近又语出惊人,宣称机器人明年将实现通用智能。\n\n赵一鸣表示,今天的发布会很成功。\n"
    found = speakers(corpus, text)
    assert found["John Smith(赵一鸣)最近又语出惊人,宣称机器人明年将实现通用智能。"] == "zhao-yiming"


def test_a_jab_after_a_mocking_verb_and_a_colon_is_the_mockers_view(corpus: Corpus) -> None:
    text = (
        "赵一鸣表示,明年一定会推出通用机器人。\n\n"
        "这番话让一些圈内人看不下去。某实验室的研究员 John Smith 在社交平台上嘲讽:「这是他第五次宣布明年推出。"
        "重点不是谁先做出来,而是谁先宣布。」\n\n"
        "这部讽刺小说去年卖出了十万册。\n"
    )
    found = speakers(corpus, text)
    assert found["某实验室的研究员 John Smith 在社交平台上嘲讽:「这是他第五次宣布明年推出。"] == "john-smith"
    assert found["重点不是谁先做出来,而是谁先宣布。」"] == "john-smith"
    assert "这部讽刺小说去年卖出了十万册。" not in found


def test_numbered_points_after_a_person_surveys_the_changes_uncounted_are_theirs(corpus: Corpus) -> None:
    text = (
        "赵一鸣梳理了近年来芯片行业和软件行业合作发生的显著变化。\n\n"
        "第一,软件公司越来越早参与芯片设计。芯片的设计指标开始由软件需求决定。\n\n"
        "第二,两个行业之间的人才流动更加频繁。\n"
    )
    found = speakers(corpus, text)
    assert found["赵一鸣梳理了近年来芯片行业和软件行业合作发生的显著变化。"] == "zhao-yiming"
    assert found["第一,软件公司越来越早参与芯片设计。"] == "zhao-yiming"
    assert found["芯片的设计指标开始由软件需求决定。"] == "zhao-yiming"
    assert found["第二,两个行业之间的人才流动更加频繁。"] == "zhao-yiming"


def test_a_list_handed_over_after_a_persons_view_in_the_same_paragraph_is_theirs(corpus: Corpus) -> None:
    text = (
        "孙立主张,模型的应用与监管要同步推进。以下为几项关键措施:\n\n"
        "建立分级制度:按能力给模型分级,高风险模型要先评估再上线。\n\n"
        "加大安全投入:企业应拿出一成的研发预算研究模型风险。\n\n"
        "会后,孙立和几位投资人一起去吃了晚饭,一直聊到深夜。\n"  # names a person: the list has ended
    )
    found = speakers(corpus, text)
    assert found["建立分级制度:按能力给模型分级,高风险模型要先评估再上线。"] == "sun-li"
    assert found["加大安全投入:企业应拿出一成的研发预算研究模型风险。"] == "sun-li"
    assert "会后,孙立和几位投资人一起去吃了晚饭,一直聊到深夜。" not in found
    assert "以下为几项关键措施:" not in found


def test_a_judgement_in_the_passive_is_the_view_of_the_person_after_bei(corpus: Corpus) -> None:
    text = (
        "孙立表示,公司不再追求用户规模。\n\n"
        "在公司内部,日活跃用户数被孙立直接定义为「虚荣指标」。\n\n"
        "这款产品被用户称为「效率神器」,销量翻了一倍。\n"  # 用户 is nobody's name
    )
    found = speakers(corpus, text)
    assert found["在公司内部,日活跃用户数被孙立直接定义为「虚荣指标」。"] == "sun-li"
    assert "这款产品被用户称为「效率神器」,销量翻了一倍。" not in found


def test_a_judgement_in_the_active_voice_is_the_subjects_view(corpus: Corpus) -> None:
    text = (
        "孙立表示,公司今年不会融资。\n\n"
        "他将开源模型形容为行业的公共道路。\n\n"
        "钱多多把这次融资视为新的起点。\n\n"
        "公司将这款产品定义为入门级手机。\n"  # 公司 is nobody's name
    )
    found = speakers(corpus, text)
    assert found["他将开源模型形容为行业的公共道路。"] == "sun-li"
    assert found["钱多多把这次融资视为新的起点。"] == "qian-duoduo"
    assert "公司将这款产品定义为入门级手机。" not in found


def test_a_quotation_opening_the_paragraph_after_a_view_is_the_viewers(corpus: Corpus) -> None:
    text = (
        "孙立认为,通用人工智能十年内会到来。\n\n"
        "“过去我觉得这是科幻,这辈子都等不到。可这两年,我看到它越来越近了。\n\n"
        "孙立的公司今年招了两百人。\n\n"
        "“我们会把价格降到一半。”钱多多说。\n"  # an attribution after it names the speaker
    )
    found = speakers(corpus, text)
    assert found["“过去我觉得这是科幻,这辈子都等不到。"] == "sun-li"
    assert found["可这两年,我看到它越来越近了。"] == "sun-li"
    assert found["“我们会把价格降到一半。”钱多多说。"] == "qian-duoduo"


def test_a_manner_or_time_word_before_a_colon_verb_keeps_the_clauses_subject(corpus: Corpus) -> None:
    text = (
        "孙立表示,公司今年不会融资。\n\n"
        "公司去年搬进了新的办公楼。\n\n"  # not his view: the quotation below is not read as following one
        "在去年的一次闭门会上,他当时斩钉截铁道:“三年内不做手机。我们不碰硬件。”\n\n"
        "钱多多表示,价格还会降。钱多多彼时笑道:便宜才有人用。\n\n"
        "他们知道:这件事不容易。\n\n"  # 知道, and 他们 is nobody
        "孙立身边的人事后说:他很少发火。\n"  # 的 between: someone near him speaks
    )
    found = speakers(corpus, text)
    assert found["在去年的一次闭门会上,他当时斩钉截铁道:“三年内不做手机。"] == "sun-li"
    assert found["我们不碰硬件。”"] == "sun-li"
    assert found["钱多多彼时笑道:便宜才有人用。"] == "qian-duoduo"
    assert "他们知道:这件事不容易。" not in found
    assert "孙立身边的人事后说:他很少发火。" not in found


def test_words_quoted_right_after_yong_are_the_subjects_own(corpus: Corpus) -> None:
    text = (
        "孙立表示,公司今年不会融资。\n\n"
        "他用“这事我们早看明白了”,“谁做谁亏钱”,“你想想看,有意义吗?没有”,拒绝了所有收购提议。\n\n"
        "钱多多表示,公司明年会上市。钱多多则以“慢就是快”概括自己的打法。\n\n"
        "这家公司用“小而美”来包装自己。\n"  # 这家公司 is nobody
    )
    found = speakers(corpus, text)
    assert found["他用“这事我们早看明白了”,“谁做谁亏钱”,“你想想看,有意义吗?"] == "sun-li"
    assert found["没有”,拒绝了所有收购提议。"] == "sun-li"
    assert found["钱多多则以“慢就是快”概括自己的打法。"] == "qian-duoduo"
    assert "这家公司用“小而美”来包装自己。" not in found


def test_comparing_is_a_view_like_drawing_an_analogy(corpus: Corpus) -> None:
    text = (
        "孙立表示,公司今年不会融资。同时,孙立还对比了过去的翻译软件只会逐字对应,而新模型能理解上下文。\n\n"
        "文章最后附上了两款产品的对比。\n"  # a noun after 的
    )
    found = speakers(corpus, text)
    assert found["同时,孙立还对比了过去的翻译软件只会逐字对应,而新模型能理解上下文。"] == "sun-li"
    assert "文章最后附上了两款产品的对比。" not in found


def test_reasoning_out_is_a_view_and_its_steps_follow_in_the_paragraph(corpus: Corpus) -> None:
    text = (
        "孙立表示,公司今年不会融资。\n\n"
        "此外,他推演了芯片市场的走向。若自研,三年内难以量产。而代工能省下这段时间。\n\n"
        "公司去年的营收翻了一番。\n"
    )
    found = speakers(corpus, text)
    assert found["若自研,三年内难以量产。"] == "sun-li"
    assert found["而代工能省下这段时间。"] == "sun-li"
    assert "公司去年的营收翻了一番。" not in found


def test_a_lede_quotation_in_a_paragraph_of_its_own_is_the_person_the_next_one_introduces(corpus: Corpus) -> None:
    text = (
        "孙立表示,公司今年不会融资。\n\n"
        "以下为对话全文:\n\n"
        "“这个钱我们一定要拿!估值已经不重要了。”\n\n"
        "短短一个月里,某基金合伙人孙立的态度出现了反转。\n\n"
        "“年底前一定会涨价。”\n\n"
        "孙立的公司今年招了两百人。\n"  # 的 before no stance: the article speaks about his company
    )
    found = speakers(corpus, text)
    assert found["估值已经不重要了。”"] == "sun-li"
    assert "“年底前一定会涨价。”" not in found


def test_a_verb_that_opens_a_later_clause_has_the_sentences_subject(corpus: Corpus) -> None:
    text = (
        "钱多多表示,估值已经见顶。孙立则介绍了新一代模型的进展。\n\n"
        "他拒绝谈论估值,反而坦承公司还没有盈利。\n\n"
        "钱多多坐在台下,却直言这个判断太悲观。\n\n"
        "他们离开会场后,又强调了合作的重要性。\n\n"  # 他们: no one person
        "他所在的公司去年亏损,却宣称今年一定盈利。\n"  # the subject is the company
    )
    found = speakers(corpus, text)
    assert found["他拒绝谈论估值,反而坦承公司还没有盈利。"] == "sun-li"
    assert found["钱多多坐在台下,却直言这个判断太悲观。"] == "qian-duoduo"
    assert "他们离开会场后,又强调了合作的重要性。" not in found
    assert "他所在的公司去年亏损,却宣称今年一定盈利。" not in found


def test_a_family_name_with_a_title_is_the_person_of_that_family_name_the_text_named(corpus: Corpus) -> None:
    text = (
        "张明远院士表示,算力仍是最大的瓶颈。\n\n"
        "张院士指出,国产芯片三年内能追上来。\n\n"
        "李教授认为,这个判断太乐观了,至少还要五年。\n"  # no 李 named: nobody, not a person called 李教授
    )
    found = speakers(corpus, text)
    assert found["张院士指出,国产芯片三年内能追上来。"] == "zhang-mingyuan"
    assert "李教授认为,这个判断太乐观了,至少还要五年。" not in found


def test_adverbs_of_agreement_and_of_a_first_time_leave_the_name_to_the_verb(corpus: Corpus) -> None:
    text = (
        "钱多多认为,端侧模型会先在手机上落地。\n\n"
        "孙立同样认为,明年会出现大量的智能体硬件。\n\n"
        "此外,钱多多和孙立均表示,国产芯片还要追三年。\n\n"
        "同时,他首次披露了公司的三年投入计划,总额超过百亿。\n"
    )
    found = speakers(corpus, text)
    assert found["孙立同样认为,明年会出现大量的智能体硬件。"] == "sun-li"
    assert found["此外,钱多多和孙立均表示,国产芯片还要追三年。"] == "sun-li"  # the name nearest the verb
    assert found["同时,他首次披露了公司的三年投入计划,总额超过百亿。"] == "sun-li"


def test_views_announced_after_a_speech_named_after_the_speaker_are_theirs(corpus: Corpus) -> None:
    text = (
        "5 月 10 日,某某大会在杭州开幕,某某公司 CEO 赵一鸣发表主旨演讲,抛出重磅观点:\n\n"
        "大模型的价格战已经结束,下一阶段比拼的是应用。\n\n"
        "宣布正推进三年百亿的算力投资计划,目标是让成本再降一半。\n\n"
        "演讲之后,孙立表示,这个判断太乐观了。\n\n"
        "会场外的展区也吸引了很多观众,未来几天人气还会更旺。\n"  # the list ended at the paragraph naming 孙立
    )
    found = speakers(corpus, text)
    assert found["大模型的价格战已经结束,下一阶段比拼的是应用。"] == "zhao-yiming"
    assert found["宣布正推进三年百亿的算力投资计划,目标是让成本再降一半。"] == "zhao-yiming"
    assert found["演讲之后,孙立表示,这个判断太乐观了。"] == "sun-li"
    assert "会场外的展区也吸引了很多观众,未来几天人气还会更旺。" not in found


def test_a_verb_that_opens_a_clause_has_the_subject_of_the_clause_before(corpus: Corpus) -> None:
    text = (
        "赵一鸣表示,开源会赢。\n\n"
        "发布会开场,赵一鸣先向合作伙伴致谢,称正是伙伴们让大模型真正走进了工厂。\n\n"
        "发布会开场,赵一鸣的团队向合作伙伴致谢,称明年还会加大投入。\n"  # the subject is the team
    )
    found = speakers(corpus, text)
    assert found["发布会开场,赵一鸣先向合作伙伴致谢,称正是伙伴们让大模型真正走进了工厂。"] == "zhao-yiming"
    assert "发布会开场,赵一鸣的团队向合作伙伴致谢,称明年还会加大投入。" not in found


def test_a_full_text_that_names_nobody_after_a_summary_of_a_speech_is_the_same_speakers(corpus: Corpus) -> None:
    text = (
        "会上,赵一鸣在主题演讲中分享了诸多观点,以下为演讲的核心要点:\n\n"
        "1. 端侧模型是下一个战场\n\n"
        "2. 价格战不会持续太久\n\n"
        "以下为演讲实录,由主办方整理:\n\n"
        "**端侧模型是下一个战场**\n\n"
        "我们做了十年硬件,我觉得手机会是第一个装上大模型的终端。\n"
    )
    found = speakers(corpus, text)
    assert found["1. 端侧模型是下一个战场"] == "zhao-yiming"
    assert found["我们做了十年硬件,我觉得手机会是第一个装上大模型的终端。"] == "zhao-yiming"
    assert not any(quote.startswith("以下为") for quote in found)


def test_she_is_not_the_man_the_text_calls_he(corpus: Corpus) -> None:
    text = (
        "赵一鸣认为,端侧模型会先在手机上落地。他认为,明年的价格战会更激烈,利润会继续变薄。"
        "钱多多梳理了这两年的行业变化。她还探讨了大模型对教育行业的冲击,以及未来可能出现的新入口。"
        "她与赵一鸣回顾了过去十年的创业,并展望了未来大模型创业的趋势。\n"
    )
    found = speakers(corpus, text)
    assert found["他认为,明年的价格战会更激烈,利润会继续变薄。"] == "zhao-yiming"
    assert "她还探讨了大模型对教育行业的冲击,以及未来可能出现的新入口。" not in found
    assert "她与赵一鸣回顾了过去十年的创业,并展望了未来大模型创业的趋势。" not in found


def test_a_list_handed_over_right_after_a_persons_view_is_theirs_to_its_last_item(corpus: Corpus) -> None:
    text = (
        "赵一鸣表示,开源会赢。\n\n"
        "他指出,大模型的成本正在快速下降,应用的门槛也会随之降低。\n\n"
        "从落地速度看,应用普及堪称“闪电式”:\n\n"
        "短短一年,企业客户从几百家涨到了几万家;\n\n"
        "调用量每个季度翻一番,未来三年还会增长十倍。\n\n"
        "会场外的展区同样热闹,未来几天还会有更多发布。\n\n"  # after the last item: the article's own
        "今年的展会规模很大,主要看点:\n\n"  # after the article's own words: nobody's
        "展区面积扩大了一倍,参展商的数量也创了新高;\n"
    )
    found = speakers(corpus, text)
    assert found["从落地速度看,应用普及堪称“闪电式”:"] == "zhao-yiming"  # the view that hands over the list
    assert found["短短一年,企业客户从几百家涨到了几万家;"] == "zhao-yiming"
    assert found["调用量每个季度翻一番,未来三年还会增长十倍。"] == "zhao-yiming"
    assert "会场外的展区同样热闹,未来几天还会有更多发布。" not in found
    assert "展区面积扩大了一倍,参展商的数量也创了新高;" not in found


def test_a_quotation_without_a_name_right_after_a_persons_view_is_theirs(corpus: Corpus) -> None:
    text = (
        "赵一鸣对记者表示,新模型已经完成了训练,下个月就会发布。\n\n"
        "而早在半年前,团队就开始了数据的准备,并且“一切顺利”,“连投资人都很意外”。\n\n"
        "赵一鸣对记者表示,价格不会再降了。\n\n"
        "业内人士则认为,“降价还远没有结束”。\n\n"  # a speech verb of its own: not his
        "孙立表示,端侧模型会先落地。\n\n"
        "会场很热闹。展台前排起了长队,“人比去年多多了”。\n"  # not the paragraph's first sentence
    )
    found = speakers(corpus, text)
    assert found["而早在半年前,团队就开始了数据的准备,并且“一切顺利”,“连投资人都很意外”。"] == "zhao-yiming"
    assert "业内人士则认为,“降价还远没有结束”。" not in found
    assert "展台前排起了长队,“人比去年多多了”。" not in found


def test_a_setting_is_not_taken_off_when_it_would_swallow_the_name(corpus: Corpus) -> None:
    # 对… is a setting (对此 / 对记者), but in "对此赵一鸣表示" and "…对话负责人钱多多透露" its pattern ran over the name.
    text = (
        "对此赵一鸣表示,开源模型会把推理成本压到十分之一。\n\n"
        "某公司智能对话负责人钱多多透露,团队正在把检索能力做进模型里。\n\n"
        "孙立向周小舟表示,明年的价格战还会更激烈。\n"  # a setting before the verb: the speaker is still 孙立
    )
    assert speakers(corpus, text) == {
        "对此赵一鸣表示,开源模型会把推理成本压到十分之一。": "zhao-yiming",
        "某公司智能对话负责人钱多多透露,团队正在把检索能力做进模型里。": "qian-duoduo",
        "孙立向周小舟表示,明年的价格战还会更激烈。": "sun-li",
    }


def test_a_name_with_a_function_character_is_read_when_the_text_introduces_it_after_a_title(corpus: Corpus) -> None:
    # 向 and 中 are usually a preposition and a noun, so 钱向东 / 孙中和 were no names and the page named nobody.
    text = (
        "日前,某大学讲座教授钱向东在论坛上作了报告。\n\n"
        "钱向东认为,多模态是通用人工智能的必经之路。\n\n"
        "某公司董事长孙中和则表示,明年的算力价格还会下降一半。\n"
    )
    assert speakers(corpus, text) == {
        "钱向东认为,多模态是通用人工智能的必经之路。": "qian-xiangdong",
        "某公司董事长孙中和则表示,明年的算力价格还会下降一半。": "sun-zhonghe",
    }
    # Without the introduction after a title, nobody: 高中生 is not a person.
    assert speakers(corpus, "高中生认为,作业应该更少一些。\n") == {}


def test_a_two_character_name_whose_family_name_is_a_preposition_is_read_when_introduced_after_a_post(
    corpus: Corpus,
) -> None:
    # 向 is mostly a preposition, so 向川 (family name and one character) was no name and its views went to nobody, or
    # to the person named before. Introduced right after a post (总裁向川) and named again, it is a name.
    text = (
        "某公司董事长王大明认为,算力会越来越便宜。\n\n"
        "说起行业的变化,某公司家电事业部总裁向川对本报记者表示,十年前这类产品就已出现,只是那时的模样和现在完全不同。\n\n"
        "“这些年间,我对它的观察让我习以为常,直到新模型出现,才让我反思自己的偏见。”向川说,从那时起,自己开始转变观念。\n"
    )
    got = speakers(corpus, text)
    assert (
        got[
            "说起行业的变化,某公司家电事业部总裁向川对本报记者表示,十年前这类产品就已出现,只是那时的模样和现在完全不同。"
        ]
        == "xiang-chuan"
    )
    assert {v for k, v in got.items() if "才让我反思" in k} == {"xiang-chuan"}
    # Not introduced after a post, the preposition stays one: 向前 is no person.
    assert speakers(corpus, "王大明认为,算力会越来越便宜。\n\n他们一起向前说,明天会更好。\n").get(
        "他们一起向前说,明天会更好。"
    ) in (None, "wang-daming")


def test_an_answer_given_after_a_colon_is_the_persons_view_but_announcing_one_is_not(corpus: Corpus) -> None:
    text = (
        "大模型之后的下一个机会在哪里?赵一鸣给出了清晰的答案:具身智能。他认为,机器人会先进工厂。\n\n"
        "对于开源还是闭源,钱多多给出了自己的答案。\n"  # no colon: it only announces
    )
    assert speakers(corpus, text) == {
        "赵一鸣给出了清晰的答案:具身智能。": "zhao-yiming",
        "他认为,机器人会先进工厂。": "zhao-yiming",
    }


def test_a_proposal_and_a_frank_saying_name_their_speaker(corpus: Corpus) -> None:
    # 提议 proposes as 建议 does, 不讳言 says frankly as 直言 does; after 的, 提议 is a thing (钱多多的提议得到了支持).
    text = (
        "针对教育领域,赵一鸣提议优化经费支出结构,为学校提供持续支持。\n\n"
        "钱多多不讳言,本地企业可把外地技术加工,变成自己的方案。\n\n"
        "钱多多的提议得到了不少支持。\n"
    )
    assert speakers(corpus, text) == {
        "针对教育领域,赵一鸣提议优化经费支出结构,为学校提供持续支持。": "zhao-yiming",
        "钱多多不讳言,本地企业可把外地技术加工,变成自己的方案。": "qian-duoduo",
    }


def test_advocating_names_its_speaker_as_proposing_does(corpus: Corpus) -> None:
    # 倡议 advocates as 提议 / 呼吁 do; after 的, 倡议 is a thing (钱多多的倡议得到了响应).
    text = "前部长赵一鸣倡议本地有很好的机会打造算力代工产业,原因是本地有三大特色。\n\n钱多多的倡议得到了不少响应。\n"
    assert speakers(corpus, text) == {
        "前部长赵一鸣倡议本地有很好的机会打造算力代工产业,原因是本地有三大特色。": "zhao-yiming",
    }


def test_a_quotation_of_two_sentences_after_the_dateline_is_the_person_named_where_it_closes(corpus: Corpus) -> None:
    # 某网某地某日电(记者)“…。…。”某某说。: the dateline opens the paragraph, the quotation after it is still its opening.
    text = (
        "新华网南京5月3日电(记者 周某)“这次来开会,我能看到行业的共识正在形成。"
        "算力在涨价,需求在变化,但我们做产品的初心没有变。”某协会会长赵一鸣说。\n\n"
        "会议为期三天。\n"
    )
    found = speakers(corpus, text)
    assert found["新华网南京5月3日电(记者 周某)“这次来开会,我能看到行业的共识正在形成。"] == "zhao-yiming"
    assert found["算力在涨价,需求在变化,但我们做产品的初心没有变。”某协会会长赵一鸣说。"] == "zhao-yiming"


def test_figures_he_gives_after_a_colon_are_his_claim_but_a_companys_are_news(corpus: Corpus) -> None:
    # 他给出了一组数据:… hands over figures the person claims; a company making a figure public is the writer's news.
    text = (
        "赵一鸣在台上讲了一个小时。他给出了一组数据:随着推理需求的增长,未来所需的算力是现在的至少50倍。\n\n"
        "近日,某某科技公布了一个数字:过去30天,平台上的付费客户超过2000家。\n"
    )
    found = speakers(corpus, text)
    assert found["他给出了一组数据:随着推理需求的增长,未来所需的算力是现在的至少50倍。"] == "zhao-yiming"
    assert "近日,某某科技公布了一个数字:过去30天,平台上的付费客户超过2000家。" not in found


def test_two_things_set_side_by_side_with_duibi_leave_the_reasoning_the_speakers(corpus: Corpus) -> None:
    # 学界跟业界对比巨头…: 对比 after a pair (A跟B) compares things, no one aloud; the paragraph reasons on (但是…) in the
    # view of the person reported before it.
    text = (
        "钱多多解释,过去的小公司都因为创新,成长为行业巨头。\n\n"
        "但是这一轮的趋势,因为需要投入巨大的资源,因此不但无法翻转格局,反而让学界跟教育界对比产业界的差距拉大。\n"
    )
    found = speakers(corpus, text)
    assert found[
        "但是这一轮的趋势,因为需要投入巨大的资源,因此不但无法翻转格局,反而让学界跟教育界对比产业界的差距拉大。"
    ] == ("qian-duoduo")


def test_straight_double_quotes_pair_up_so_each_quotation_is_a_sentence_of_its_own(corpus: Corpus) -> None:
    # ASCII quotes ("…。""…。") glued the next quotation's opening mark to the sentence before, and were never
    # read as quotations at all.
    text = '赵一鸣在会上妙语连连:"算力不是护城河。""数据才是真正的壁垒。""先做出产品,再谈模型。"\n\n赵一鸣还表示,明年会开源。\n'
    assert speakers(corpus, text) == {
        "赵一鸣还表示,明年会开源。": "zhao-yiming",
        '赵一鸣在会上妙语连连:"算力不是护城河。"': "zhao-yiming",
        '"数据才是真正的壁垒。"': "zhao-yiming",
        '"先做出产品,再谈模型。"': "zhao-yiming",
    }


def test_straight_quotes_of_an_odd_count_pair_up_when_the_last_opens_after_a_colon(corpus: Corpus) -> None:
    # A page cut off inside its last quotation (…开刀:"我是…。 and no closing mark): the marks before the colon's pair up,
    # so the sentence before the quoted one does not end on its closing mark and the last quotation is the speaker's.
    said = '被问到哪个岗位最危险,孙立拿自己开刀:"我是学芯片设计的,我学的方法现在完全过时了。'
    text = (
        "孙立表示,芯片很重要。\n\n"
        f'上次来的时候大家还在惊叹自动补全。"芯片这一行过去一年的变化,比我入行以来任何一年都大。"{said}\n'
    )
    assert speakers(corpus, text).get(said) == "sun-li"


def test_a_quotation_opening_the_paragraph_is_the_person_the_next_sentence_introduces(corpus: Corpus) -> None:
    # A news lede: the words first, then the sentence that introduces their speaker, with no speech verb.
    text = (
        "“开源模型最终会赢下这场竞争。我对此很有把握。”今年的行业峰会上,某公司董事长赵一鸣把目光投向了开源生态。\n\n"
        "“算力价格还会腰斩。”会后,钱多多和孙立一起参观了展台。\n\n"  # two people: nobody's
        "“模型会越来越小。”这句话让记者想起了赵一鸣。\n\n"  # 赵一鸣 is no subject here
        "赵一鸣表示,明年会开源。钱多多认为,价格战还会继续。孙立指出,应用会先落地。\n"
    )
    found = speakers(corpus, text)
    assert found["“开源模型最终会赢下这场竞争。"] == "zhao-yiming"
    assert found["我对此很有把握。”"] == "zhao-yiming"
    assert "“算力价格还会腰斩。”" not in found
    assert "“模型会越来越小。”" not in found


def test_a_self_introduction_in_a_dialogue_turn_is_no_draft(corpus: Corpus) -> None:
    text = "赵一鸣:我是来自某某科技的,我主要负责芯片和软件。\n\n赵一鸣:我认为垂直模型会先在医疗落地。\n"
    assert speakers(corpus, text) == {"赵一鸣:我认为垂直模型会先在医疗落地。": "zhao-yiming"}


def test_a_round_tables_turns_that_only_run_the_talk_are_no_drafts(corpus: Corpus) -> None:
    # The host handing the floor to a guest or thanking them, a guest taking it: no view. A guest's thanks to others
    # inside a view stays.
    text = (
        "孙立:首先请赵总谈一谈。\n\n"
        "赵一鸣:我补充一点。数据安全一定要放在第一位。\n\n"
        "钱多多:我们要感谢开源社区的贡献,没有它就没有今天的模型。\n\n"
        "孙立:感谢两位的精彩分享。\n"
    )
    assert speakers(corpus, text) == {
        "数据安全一定要放在第一位。": "zhao-yiming",
        "钱多多:我们要感谢开源社区的贡献,没有它就没有今天的模型。": "qian-duoduo",
    }


def test_a_guest_giving_their_post_in_a_forums_turn_is_no_draft(corpus: Corpus) -> None:
    # 我是某公司的总监 / 我是某资本的合伙人: who the guest is and what they do, no view; a self-introduction that goes
    # on to judge something stays.
    text = (
        "赵一鸣:我是某某数据公司的技术总监,主要负责大模型平台的研发。\n\n"
        "钱多多:我是某某资本的合伙人,过去五年一直在看人工智能方向的项目。\n\n"
        "孙立:我是某某大学的老师,我认为高校的算力缺口最大。\n\n"
        "赵一鸣:我认为垂直模型会先在医疗落地。\n"
    )
    assert speakers(corpus, text) == {
        "孙立:我是某某大学的老师,我认为高校的算力缺口最大。": "sun-li",
        "赵一鸣:我认为垂直模型会先在医疗落地。": "zhao-yiming",
    }


def test_a_view_argued_by_evidence_or_by_example_is_the_persons(corpus: Corpus) -> None:
    # 印证 / 诠释 after the name argue a view; a standpoint (从…维度) or an instrument (用…) with an adverb (则)
    # between the name and the verb leaves the name to be read. After 的 they are nouns and name nobody.
    text = (
        "赵一鸣从能耗变化的维度印证了端侧模型的必然性。他指出,芯片能效五年里提升了十倍。\n\n"
        "钱多多则用一线客户的案例诠释了垂直模型的商业价值。\n\n"
        "这份报告是对行业判断的印证,市场前景依然广阔。\n"
    )
    assert speakers(corpus, text) == {
        "赵一鸣从能耗变化的维度印证了端侧模型的必然性。": "zhao-yiming",
        "他指出,芯片能效五年里提升了十倍。": "zhao-yiming",
        "钱多多则用一线客户的案例诠释了垂直模型的商业价值。": "qian-duoduo",
    }


def test_a_speaker_line_over_a_speech_gives_the_transcript_to_that_person(corpus: Corpus) -> None:
    # "演讲人:某某(…)" names who speaks below; the talk's procedure (its title, its place in the programme) is no view.
    text = (
        "端侧智能的下一步\n\n"
        "演讲人:赵一鸣(某某科技首席科学家)\n\n"
        "今天时间有限,我们直接进入报告环节。\n\n"
        "我认为端侧模型三年内会成为手机的标配。我的报告题目,是讲我们实验室这一年的工作。\n\n"
        "演讲嘉宾名单:\n"  # a heading, not a speaker line: the talk runs on
    )
    assert speakers(corpus, text) == {"我认为端侧模型三年内会成为手机的标配。": "zhao-yiming"}


def test_a_time_clause_keeps_its_subject_before_the_speech_verb(corpus: Corpus) -> None:
    # 当他…时意识到: the pronoun inside the time clause is the subject; 当他们…时 names no one person.
    text = (
        "赵一鸣曾在某某研究院做了八年语音识别。\n\n"
        "转折点在前年,当他看到一份开源评测时意识到,小模型同样可以做好推理。\n\n"
        "当钱多多回到公司时发现,团队已经把成本降了一半。\n\n"
        "当他们讨论预算时提到,明年的芯片采购会翻倍。\n\n"
        "赵一鸣表示,语音识别已经是成熟技术。钱多多表示,芯片不是瓶颈。\n"  # both are named before a speech verb
    )
    assert speakers(corpus, text) == {
        "转折点在前年,当他看到一份开源评测时意识到,小模型同样可以做好推理。": "zhao-yiming",
        "当钱多多回到公司时发现,团队已经把成本降了一半。": "qian-duoduo",
        "赵一鸣表示,语音识别已经是成熟技术。": "zhao-yiming",
        "钱多多表示,芯片不是瓶颈。": "qian-duoduo",
    }


def test_sharing_experience_spelled_out_after_a_colon_is_a_view_but_announcing_it_is_framing(corpus: Corpus) -> None:
    text = (
        "赵一鸣表示,明年会开源。\n\n"
        "他在直播里告诉粉丝,要趁早动手,并分享了自己的创业经验:团队越小,试错越快。\n\n"
        "他还告诉粉丝,下周会分享自己的创业经验。\n"  # only announces
    )
    assert speakers(corpus, text) == {
        "赵一鸣表示,明年会开源。": "zhao-yiming",
        "他在直播里告诉粉丝,要趁早动手,并分享了自己的创业经验:团队越小,试错越快。": "zhao-yiming",
    }


def test_an_epithet_after_zhe_wei_is_the_person_named_last_and_a_dash_hands_over_the_answer(corpus: Corpus) -> None:
    text = (
        "赵一鸣表示,明年会开源。\n\n"
        "问到为何每天跑步,这位“老船长”的回答很干脆——第一,跑步让人保持专注;第二,跑步能减压。\n\n"
        "这位“老船长”的故事很长。\n\n"  # no view handed over
        "这位记者的看法很直接——开源会赢。\n"  # a plain noun after 这位 may be anyone
    )
    assert speakers(corpus, text) == {
        "赵一鸣表示,明年会开源。": "zhao-yiming",
        "问到为何每天跑步,这位“老船长”的回答很干脆——第一,跑步让人保持专注;第二,跑步能减压。": "zhao-yiming",
    }


def test_a_full_text_that_names_nobody_after_a_person_attended_and_spoke_is_theirs(corpus: Corpus) -> None:
    text = (
        "第三届智能制造大会于5月8日在苏州举行。某公司董事长赵一鸣出席并演讲。\n\n"
        "以下为演讲实录:\n\n"
        "大家好。我觉得端侧模型会是下一个战场,手机会先装上大模型。\n\n"
        "会场外的展区人气很旺。\n"
    )
    found = speakers(corpus, text)
    assert found["我觉得端侧模型会是下一个战场,手机会先装上大模型。"] == "zhao-yiming"
    assert not any(quote.startswith("以下为") for quote in found)


def test_a_full_text_that_names_nobody_after_narrative_stays_nobodys(corpus: Corpus) -> None:
    text = "第三届智能制造大会于5月8日在苏州举行。\n\n以下为演讲实录:\n\n我觉得端侧模型会是下一个战场。\n"
    assert "我觉得端侧模型会是下一个战场。" not in speakers(corpus, text)


def test_a_spinners_pinyin_notes_are_read_past_and_the_sentence_quoted_as_written(corpus: Corpus) -> None:
    text = "會上,趙一鳴認(rèn)為,開(kāi)源模型明年會贏(yíng)。\n\n會場外的展(zhǎn)區人很多。\n"
    found = speakers(corpus, text)
    assert found["會上,趙一鳴認(rèn)為,開(kāi)源模型明年會贏(yíng)。"] == "zhao-yiming"
    assert len(found) == 1


def test_a_reading_aid_of_several_pinyin_syllables_is_read_past_and_other_bracketed_text_is_not(corpus: Corpus) -> None:
    # A run of lower-case syllables with a tone mark, right after a Han character, is a reading aid; a bracket with a
    # capital, a digit or no tone mark is the text's own.
    assert without_pinyin_notes("孫立認為智能(zhì néng)體(tǐ)會普及")[0] == "孫立認為智能體會普及"
    kept = "某公司(OpenAI)發布的模型(GPT-4)於(2023)年上線,他(ma)"
    assert without_pinyin_notes(kept)[0] == kept
    text = "會上,趙一鳴(zhào yī míng)認為,開源模型明年會贏。\n"
    assert speakers(corpus, text) == {"會上,趙一鳴(zhào yī míng)認為,開源模型明年會贏。": "zhao-yiming"}


def test_a_pinyin_note_inside_a_latin_name_is_read_past(corpus: Corpus) -> None:
    # A spinner may put its note inside a Latin name too (K(kǎi)evin): between two Latin letters it is no text of the page.
    assert without_pinyin_notes("創業者K(kǎi)evin回憶說")[0] == "創業者Kevin回憶說"
    kept = "模型Q(Qwen)與A(ā)版"
    assert without_pinyin_notes(kept)[0] == kept
    text = "創業者K(kǎi)evin見過很多投資人。\n\n“錢(qián)不好找了”,K(kǎi)evin回憶說。\n"
    assert speakers(corpus, text)["“錢(qián)不好找了”,K(kǎi)evin回憶說。"] == "kevin"


def test_a_rare_family_name_introduced_after_a_post_is_read_with_a_spinners_pinyin_inside_it(corpus: Corpus) -> None:
    # 揭 is no family name the rules know; the post before it (董事長) marks where the name starts, the verb where it
    # ends, and the pinyin notes inside it (秋(qiū)) are read past.
    text = (
        "某集團董事長揭秋(qiū)川出席了活動。\n\n"
        "揭秋(qiū)川表示,開(kāi)源模型明年會贏(yíng)。\n\n"
        "他還指出,算力要先行。\n"
    )
    assert speakers(corpus, text) == {
        "揭秋(qiū)川表示,開(kāi)源模型明年會贏(yíng)。": "jie-qiuchuan",
        "他還指出,算力要先行。": "jie-qiuchuan",
    }
    # Without the post introducing it the name is not read; three characters after a post are no name when they hold
    # a function word or a word of the dictionary (在会上 / 对记者 / 办公室).
    assert speakers(corpus, "揭秋川表示,开源会赢。\n") == {}
    for said in (
        "某公司董事长在会上表示,开源会赢。",
        "某公司负责人对记者表示,开源会赢。",
        "某集团总裁办公室表示,开源会赢。",
    ):
        assert speakers(corpus, said + "\n") == {}, said


def test_a_two_character_name_of_a_rare_family_introduced_after_a_post_and_named_again_is_read(corpus: Corpus) -> None:
    # 揭 is no family name the rules know; the post before it (院士) marks where the name starts, and the text names
    # the person again by it (…”揭川表示): a family name and a given name of one character each.
    text = (
        "昨天,某科学院院士揭川在年会上发言指出,智能制造是制造强国的主要路线。\n\n"
        "“智能制造系统由三大功能系统集成。”揭川表示,智能制造也是一个不断演进的大系统。\n"
    )
    found = speakers(corpus, text)
    assert found.get("昨天,某科学院院士揭川在年会上发言指出,智能制造是制造强国的主要路线。") == "jie-chuan"
    assert found.get("“智能制造系统由三大功能系统集成。”") == "jie-chuan"
    assert found.get("揭川表示,智能制造也是一个不断演进的大系统。") == "jie-chuan"
    # Named once only, or two characters of the dictionary after a post (董事长近日表示), it is no name.
    assert speakers(corpus, "某科学院院士揭川在年会上发言指出,智能制造是主要路线。\n") == {}
    for said in (
        "某公司董事长近日表示,开源会赢。某公司董事长近日表示,开源会赢。",
        "某公司总裁随后指出,开源会赢。总裁随后指出,算力先行。",
    ):
        assert speakers(corpus, said + "\n") == {}, said


def test_a_name_read_inside_a_word_of_a_transcripts_introduction_names_nobody(corpus: Corpus) -> None:
    text = (
        "赵一鸣表示,开源会赢。\n\n"
        "以下是本报整理的这场90分钟高峰对话的要点:\n\n"
        "问:端侧模型什么时候落地?\n\n"
        "赵一鸣:\n\n"
        "我觉得手机会是第一个装上大模型的终端,明年就会落地。\n"
    )
    found = speakers(corpus, text)
    assert found["我觉得手机会是第一个装上大模型的终端,明年就会落地。"] == "zhao-yiming"
    assert "zhong-gaofeng" not in found.values()


def test_a_name_and_a_colon_on_a_line_of_their_own_open_that_persons_turn(corpus: Corpus) -> None:
    text = (
        "问:端侧模型什么时候落地?\n\n"
        "赵一鸣:\n\n"
        "我觉得手机会是第一个装上大模型的终端。\n\n"
        "问:价格战会持续吗?\n\n"
        "不会太久。\n"  # after the next question: nobody's turn
    )
    found = speakers(corpus, text)
    assert found["我觉得手机会是第一个装上大模型的终端。"] == "zhao-yiming"
    assert "不会太久。" not in found


def test_a_paragraph_that_carries_on_after_a_persons_reported_speech_goes_on_with_it(corpus: Corpus) -> None:
    text = (
        "赵一鸣在发言中表示,端侧模型会先在手机上落地。在成本方面,推理的价格还会再降一半。\n\n"
        "而隐私问题同样不能忽视。用户的数据一旦离开手机,就很难再收回。\n\n"
        "而会场外的展区同样热闹。\n\n"  # after a paragraph that did not end in reported speech: the article's own
        "钱多多则认为,云端模型更有优势。\n\n"
        "而赵一鸣的团队明年会扩招。\n"  # it names someone: not a run of her speech
    )
    found = speakers(corpus, text)
    assert found["而隐私问题同样不能忽视。"] == "zhao-yiming"
    assert found["用户的数据一旦离开手机,就很难再收回。"] == "zhao-yiming"
    assert "而会场外的展区同样热闹。" not in found
    assert found.get("而赵一鸣的团队明年会扩招。") != "qian-duoduo"


@pytest.mark.parametrize("dot", ["\u00b7", "\u2027", "\u2022", "\u30fb", "\uff65"])
def test_a_foreign_name_written_with_a_middle_dot_is_a_persons_name(corpus: Corpus, dot: str) -> None:
    # No family name opens 杰克·罗森 or 米娅·范: the dot marks them as names, however the page writes it.
    text = (
        f"“如果机器只会做题,它就谈不上通用。”\n\n"
        f"这是某大学助理教授,杰克{dot}罗森给出的判断。\n\n"
        f"几天后,某公司副总裁米娅{dot}范,给出了相反的回答。她写了一篇长文,说通用智能其实早已到来。\n\n"
        f"在杰克{dot}罗森看来,算力终究会撞上物理的极限。\n\n"
        f"但米娅{dot}范不这么看。在她看来,现在谈算力见顶还太早了。\n"
    )
    found = speakers(corpus, text)
    jack, mia = "jieke-luosen", "miya-fan"
    assert found["“如果机器只会做题,它就谈不上通用。”"] == jack
    assert found["她写了一篇长文,说通用智能其实早已到来。"] == mia
    assert found[f"在杰克{dot}罗森看来,算力终究会撞上物理的极限。"] == jack
    assert found["在她看来,现在谈算力见顶还太早了。"] == mia


def test_a_registry_name_written_with_another_dot_is_that_person(corpus: Corpus) -> None:
    found = speakers(corpus, "亚历山大‧王表示,数据标注会先被大模型取代。\n")
    assert found == {"亚历山大‧王表示,数据标注会先被大模型取代。": "alexandr-wang"}


def test_verbless_paragraphs_that_reason_on_after_a_view_carry_it_on(corpus: Corpus) -> None:
    text = (
        "赵一鸣认为,端侧模型会先在手机上落地。\n\n"
        "说白了,就是谁离用户近谁就赢。这个东西其实很简单,手机一直在用户手里。\n\n"  # his reasoning, no verb of its own
        "所以推理的成本还会再降一半。\n\n"  # and on
        "对比之下,云端模型的账更难算清。\n\n"  # a comparison goes on with it
        "钱多多则指出,云端模型更划算。\n\n"
        "会场外的展区同样热闹,不少观众排队体验。\n\n"  # no sign of her talking: the article's own
        "其实,业内人士认为,端云结合才是出路。\n"  # someone else's view: no carrying on
    )
    found = speakers(corpus, text)
    assert found["说白了,就是谁离用户近谁就赢。"] == "zhao-yiming"
    assert found["这个东西其实很简单,手机一直在用户手里。"] == "zhao-yiming"
    assert found["所以推理的成本还会再降一半。"] == "zhao-yiming"
    assert found["对比之下,云端模型的账更难算清。"] == "zhao-yiming"
    assert "会场外的展区同样热闹,不少观众排队体验。" not in found
    assert "其实,业内人士认为,端云结合才是出路。" not in found


def test_a_paragraph_that_ends_with_a_speech_verb_and_a_comma_hands_over_the_next_ones(corpus: Corpus) -> None:
    text = (
        "在昨天的论坛上,赵一鸣指出,\n\n"
        "端侧模型会先在手机上落地。\n\n"
        "推理成本每年下降一个数量级。\n\n"
        "钱多多则表示,云端模型更划算。\n\n"  # another speaker: the speech has ended
        "会场外的展区同样热闹,不少观众排队体验。\n"
    )
    found = speakers(corpus, text)
    assert found["端侧模型会先在手机上落地。"] == "zhao-yiming"
    assert found["推理成本每年下降一个数量级。"] == "zhao-yiming"
    assert found["钱多多则表示,云端模型更划算。"] == "qian-duoduo"
    assert "会场外的展区同样热闹,不少观众排队体验。" not in found


def test_a_name_line_once_after_narrative_is_a_caption_that_ends_the_turn_before_it(corpus: Corpus) -> None:
    text = (
        "赵一鸣:我觉得手机会是第一个装上大模型的终端。\n\n"
        "赵一鸣\n\n"  # the caption under his photo
        "他最早做的是搜索,后来才转向大模型,这段经历很关键。\n"
    )
    found = speakers(corpus, text)
    assert found["赵一鸣:我觉得手机会是第一个装上大模型的终端。"] == "zhao-yiming"
    assert "他最早做的是搜索,后来才转向大模型,这段经历很关键。" not in found


def test_a_paragraph_inside_a_turn_that_names_its_speaker_is_the_articles_own(corpus: Corpus) -> None:
    text = (
        "赵一鸣:我觉得手机会是第一个装上大模型的终端。\n\n"
        "过去二十年里,赵一鸣参与创办了三家公司,搜索是其中最关键的一段。\n"
    )
    found = speakers(corpus, text)
    assert "过去二十年里,赵一鸣参与创办了三家公司,搜索是其中最关键的一段。" not in found


def test_a_name_line_over_an_answer_in_the_first_person_opens_that_persons_turn(corpus: Corpus) -> None:
    text = "主持人请两位嘉宾谈谈端侧模型。\n\n赵一鸣\n\n我觉得手机会是第一个装上大模型的终端,关键是成本。\n"
    found = speakers(corpus, text)
    assert found["我觉得手机会是第一个装上大模型的终端,关键是成本。"] == "zhao-yiming"


def test_a_picture_or_a_mistake_the_person_spells_out_after_a_colon_is_their_view(corpus: Corpus) -> None:
    text = (
        "谈到行业走向,赵一鸣勾勒出一条清晰的路线:明年是智能体之年,后年是机器人之年。\n\n"
        "针对常见的误解,钱多多特别澄清了一个典型误区:训练算力和推理算力不是一回事。\n\n"
        "孙立勾勒出一幅蓝图。\n"  # no colon: it only announces
    )
    found = speakers(corpus, text)
    assert found["谈到行业走向,赵一鸣勾勒出一条清晰的路线:明年是智能体之年,后年是机器人之年。"] == "zhao-yiming"
    assert found["针对常见的误解,钱多多特别澄清了一个典型误区:训练算力和推理算力不是一回事。"] == "qian-duoduo"
    assert "孙立勾勒出一幅蓝图。" not in found


def test_a_verbless_paragraph_of_judgement_after_a_view_carries_it_on_but_the_articles_report_does_not(
    corpus: Corpus,
) -> None:
    text = (
        "赵一鸣认为,端侧模型会先在手机上落地。\n\n"
        "成本才是关键,只有足够便宜的模型才能装进每一部手机。\n\n"  # judgement, no verb: his view goes on
        "钱多多指出,云端模型更划算。\n\n"
        "据悉,她的公司正在筹备新一轮融资,关键投资人已经到位。\n\n"  # the article reports: not hers
        "孙立认为,开源会赢。\n\n"
        "这也是今年行业的共识,关键在于生态。\n"  # the article comments on his view
    )
    found = speakers(corpus, text)
    assert found["成本才是关键,只有足够便宜的模型才能装进每一部手机。"] == "zhao-yiming"
    assert "据悉,她的公司正在筹备新一轮融资,关键投资人已经到位。" not in found
    assert "这也是今年行业的共识,关键在于生态。" not in found


def test_a_quoted_subheading_right_after_a_persons_view_is_theirs(corpus: Corpus) -> None:
    text = (
        "赵一鸣认为,端侧模型会先在手机上落地,成本会一年降一半。\n\n"
        "“谁离用户近,谁就赢”\n\n"  # a subheading quoting him, no full stop
        "会场外的展区同样热闹。\n\n"
        "“排队的人比去年多”\n"  # after the article's own paragraph: nobody's
    )
    found = speakers(corpus, text)
    assert found["“谁离用户近,谁就赢”"] == "zhao-yiming"
    assert "“排队的人比去年多”" not in found


def test_a_first_person_paragraph_right_after_a_question_is_the_interviewed_persons(corpus: Corpus) -> None:
    text = (
        "赵一鸣:开源会赢,闭源的窗口期很短。\n\n"
        "问:您的公司现在主要做什么?\n\n"
        "而在海外,很多人相信一家公司会赢下一切。我认为这会是一条慢慢演进的路。\n\n"  # a pull quote, no label
        "赵一鸣:我们给企业做智能体的工具。\n"
    )
    found = speakers(corpus, text)
    assert found["我认为这会是一条慢慢演进的路。"] == "zhao-yiming"


def test_speaking_as_a_noun_after_de_names_nobody(corpus: Corpus) -> None:
    # "人类的说话": 说话 is speech as a thing, and 解人 before it no name (解 is also a family name).
    text = "赵一鸣认为,大模型会改变搜索。\n\n而AI更能够令机器理解人类的说话,认出图片中的东西。\n"
    found = speakers(corpus, text)
    assert found.get("而AI更能够令机器理解人类的说话,认出图片中的东西。") in (None, "zhao-yiming")
    assert "jie-ren" not in found.values()


def test_a_person_named_in_latin_letters_and_then_by_the_surname_alone(corpus: Corpus) -> None:
    # The full name never stands before a verb; the surname alone does, and 他 after it is the same person.
    text = (
        "上周,研究员 Jonas Whitfield 在一档播客里聊了两个小时。\n\n"
        "Whitfield第一次系统讲了机器人遇到的难题。他认为:\n\n"
        "通用机器人进入家庭,还要再等十年;\n\n"
        "数据比算法更稀缺;\n\n"
        "在Whitfield看来,真正的瓶颈不是算力,而是数据。\n\n"
        "Whitfield 明确指出:今天的机器人连叠衣服都做不好。\n"
    )
    found = speakers(corpus, text)
    assert found["通用机器人进入家庭,还要再等十年;"] == "jonas-whitfield"
    assert found["在Whitfield看来,真正的瓶颈不是算力,而是数据。"] == "jonas-whitfield"
    assert found["Whitfield 明确指出:今天的机器人连叠衣服都做不好。"] == "jonas-whitfield"


def test_a_company_or_a_product_in_latin_letters_is_no_person(corpus: Corpus) -> None:
    text = (
        "Hugging Face表示,开源模型的下载量去年翻了一番。\n\n"  # two capitalised words, a company's name
        "Meta认为,开源模型最终会胜出。\n"  # one word, and no full name in the text ends with it
    )
    assert set(speakers(corpus, text).values()) <= {"unnamed-insider"}


def test_a_common_word_before_a_verb_is_no_name(corpus: Corpus) -> None:
    # 尚未 (not yet) and 常常 (often) start with a family name (尚, 常), but jieba knows them as an adverb.
    text = (
        "很多用户尚未意识到,手机上的模型已经能离线回答问题了。\n\n"
        "工程师们常常发现,推理的成本比训练还高。\n\n"
        "赵一鸣认为,端侧模型会先在手机上落地。\n"
    )
    found = speakers(corpus, text)
    assert "shang-wei" not in found.values() and "chang-chang" not in found.values()
    assert found["赵一鸣认为,端侧模型会先在手机上落地。"] == "zhao-yiming"


def test_a_transliterated_name_after_a_title_keeps_its_full_length(corpus: Corpus) -> None:
    # 布 is no family name, 兰德 would read as one: the title 执行长 marks where the name starts. 却 stands between the
    # name (its Latin spelling in brackets after it) and the verb.
    text = (
        "某开源平台共同創辦人暨執行長布蘭德(Jan Brand)卻認為,即便泡沫破裂,整個行業也會繼續成長。\n\n"
        "布蘭德指出,銀行的客服機器人並不需要通用智慧。\n"
    )
    # The Latin name in brackets is the fullest form the page writes (round 15); without it, the full three characters.
    assert set(speakers(corpus, text).values()) == {"jan-brand"}
    found = speakers(corpus, text.replace("(Jan Brand)", ""))
    assert set(found.values()) == {"bu-lande"}
    assert len(found) == 2


def test_a_quotation_in_straight_quotes_over_two_paragraphs_is_the_speakers(corpus: Corpus) -> None:
    # It opens one paragraph and closes at the end of the next; the second paragraph has no verb of its own.
    text = (
        "赵一鸣认为,端侧模型会先在手机上落地。\n\n"
        '" 今天的模型已经足够好用了。比如手机上的助手,已经能离线回答大部分问题。\n\n'
        '现在很多人还在争论概念,但实际上,应用才是关键。我鼓励大家多看应用场景,少争论概念。"\n\n'
        "会场外的展区同样热闹。\n"
    )
    found = speakers(corpus, text)
    assert found["现在很多人还在争论概念,但实际上,应用才是关键。"] == "zhao-yiming"
    assert found['我鼓励大家多看应用场景,少争论概念。"'] == "zhao-yiming"
    assert "会场外的展区同样热闹。" not in found


def test_words_after_a_dash_are_the_persons_and_so_is_the_lede_quotation_before(corpus: Corpus) -> None:
    text = (
        "“我们总是高估一年,却低估十年。”\n\n"
        "当人们争论智能体何时成熟时,著名工程师 Jonas Whitfield 泼了盆冷水——“这不是智能体之年,而是智能体的十年。”\n\n"
        "Whitfield认为,智能体缺的不是算力,而是记忆。\n\n"  # known as a name where he stands before a verb
        "赵一鸣还给这次会议取了个名字——「湖畔夜话」。\n"  # a name after the dash, not speech
    )
    found = speakers(corpus, text)
    assert found["“我们总是高估一年,却低估十年。”"] == "jonas-whitfield"
    assert (
        found["当人们争论智能体何时成熟时,著名工程师 Jonas Whitfield 泼了盆冷水——“这不是智能体之年,而是智能体的十年。”"]
        == "jonas-whitfield"
    )
    assert "赵一鸣还给这次会议取了个名字——「湖畔夜话」。" not in found


def test_a_letter_printed_in_full_after_the_line_handing_it_over_is_its_writers(corpus: Corpus) -> None:
    text = (
        "创业者孙立宣布创办一家机器人公司,团队已有三十人。\n\n"
        "附孙立公開信全文:\n\n"  # traditional characters, as a converted page writes them
        "今天我想和大家说说我为什么要做机器人。机器人会像手机一样走进每个家庭,这一天比很多人想的更近。\n\n"
        "维克托森說,工具的边界就是想象的边界。我们要做的,就是把这条边界推远一点。\n"
    )
    found = speakers(corpus, text)
    assert found["机器人会像手机一样走进每个家庭,这一天比很多人想的更近。"] == "sun-li"
    # A saying the letter quotes keeps its speaker, a foreign name spelt without a dot.
    assert found["维克托森說,工具的边界就是想象的边界。"] == "wei-ketuosen"
    assert found["我们要做的,就是把这条边界推远一点。"] == "sun-li"  # and the letter goes on in its writer's words
    assert "创业者孙立宣布创办一家机器人公司,团队已有三十人。" not in found

    # A company the glossary names, spelt in the same characters, is no person.
    assert not speakers(corpus, "阿里巴巴表示,明年会继续加大对云计算的投入。\n")


def test_a_dotted_name_keeps_a_first_syllable_that_is_also_a_function_word(corpus: Corpus) -> None:
    # 比 is "than", but 比尔 at a paragraph's start is the name's first part (Bill); 而埃隆·马克斯 is learned as a person
    # though no speech verb follows it, so 他 after it is him, not the man named before.
    text = (
        "比尔·安德斯公开表示:“这样的芯片,与当年的个人电脑同等重要。”而埃隆·马克斯在试用后的感受是“快得惊人”,"
        "他甚至断言,“我们离通用机器人不远了。”\n\n"
        "某某集团创始人钱多,对机器人同样关心。钱多依然保持着工程师的习惯。他认为机器人会带来一轮新的产业革命。\n"
    )
    found = speakers(corpus, text)
    assert found["比尔·安德斯公开表示:“这样的芯片,与当年的个人电脑同等重要。”"] == "bier-andesi"
    assert found["而埃隆·马克斯在试用后的感受是“快得惊人”,他甚至断言,“我们离通用机器人不远了。”"] == "ailong-makesi"
    assert found["他认为机器人会带来一轮新的产业革命。"] == "qian-duo"


def test_a_long_time_between_the_name_and_the_verb_is_no_part_of_the_name(corpus: Corpus) -> None:
    # 长期以来 / 长期 says how long the view is held, as 一直 does: not the end of the dotted name before it.
    text = "某基金创始人里德·卡森长期以来一直认为,芯片的价格会在三年内减半。\n"
    assert speakers(corpus, text)["某基金创始人里德·卡森长期以来一直认为,芯片的价格会在三年内减半。"] == "lide-kasen"


def test_holding_a_stance_is_a_view_and_supporting_is_not(corpus: Corpus) -> None:
    # 持…观点 / 持…态度 holds a stance; 支持 / 坚持 / 持续 are other words.
    text = (
        "钱海平认为,芯片的价格会在三年内减半。\n\n"
        "某基金经理孙多也持相似的观点。罗一平对新能源的前景持谨慎态度。\n\n"
        "赵大勇支持这项计划。这家公司的营收持续增长。\n"
    )
    found = speakers(corpus, text)
    assert found["某基金经理孙多也持相似的观点。"] == "sun-duo"
    assert found["罗一平对新能源的前景持谨慎态度。"] == "luo-yiping"
    assert "赵大勇支持这项计划。" not in found
    assert "这家公司的营收持续增长。" not in found


def test_a_dotted_name_after_a_conjunction_and_before_a_bracket_is_learned(corpus: Corpus) -> None:
    # 里德·卡森 is set off by 但 before and a bracket after: a person, so 他 in the next paragraph is him, not the
    # person the first sentence names after him.
    text = (
        "尽管芯片涨价,但里德·卡森(Reid Carson)、Rob Hanke以及许多工程师都认为需求还会增长。\n\n"
        "某基金创始人里德·卡森长期以来一直对芯片持乐观态度。他认为,算力的价格会在三年内减半。\n\n"
        "Rob Hanke也持相似的观点。\n"
    )
    assert speakers(corpus, text)["他认为,算力的价格会在三年内减半。"] == "reid-carson"


def test_he_after_a_clause_naming_a_second_person_as_its_object_is_the_clause_subject(corpus: Corpus) -> None:
    # 钱海平 praises 孙多 in the first clause: 他 in the clause after is 钱海平, its subject, not 孙多, named last; so is
    # the 他 of the sentence after.
    text = (
        "孙多在活动中介绍钱海平时称赞他是能人。钱海平在演说时强调技术的重要性,他指出架构多年没有太大改变。\n\n"
        "钱海平赞扬孙多总统的领导与政策,推动了制造业的发展,他指出制造业的驱动力是技术,而非廉价劳力。"
        "他对政府的支持表达感谢。\n"
    )
    found = speakers(corpus, text)
    assert found["钱海平赞扬孙多总统的领导与政策,推动了制造业的发展,他指出制造业的驱动力是技术,而非廉价劳力。"] == (
        "qian-haiping"
    )
    assert found["他对政府的支持表达感谢。"] == "qian-haiping"


def test_a_dotted_first_part_keeps_the_syllables_before_a_function_word_in_it(corpus: Corpus) -> None:
    # 里 ("inside") cuts 德里克 (Derick), and 德 before it spells the name's start too: the name is 德里克·博恩, not 克·博恩.
    text = "前某基金CEO德里克·博恩近日表示,这一轮投资热潮会在两年内退去。\n"
    assert speakers(corpus, text)["前某基金CEO德里克·博恩近日表示,这一轮投资热潮会在两年内退去。"] == "delike-boen"


def test_a_dotted_name_after_a_scholars_calling_keeps_its_whole_first_part(corpus: Corpus) -> None:
    # 物理学家 marks where the name starts as a post does: the name is 卡洛斯·贝隆, not 洛斯·贝隆.
    text = "物理学家卡洛斯·贝隆认为,量子计算的热度已经超过了它的实际进展。他说,十年内难见商用。\n"
    found = speakers(corpus, text)
    assert found["物理学家卡洛斯·贝隆认为,量子计算的热度已经超过了它的实际进展。"] == person_id_for("卡洛斯·贝隆")
    assert found["他说,十年内难见商用。"] == person_id_for("卡洛斯·贝隆")


def test_a_dotted_first_part_after_a_post_is_whole_though_a_function_words_character_is_in_it(corpus: Corpus) -> None:
    # 会长 marks where 加布里埃拉 (Gabriela) starts; 里 ("inside") in it is a syllable, not where the name starts.
    text = "某钓鱼协会会长加布里埃拉·科瓦尔在年会上表示,湖里的鱼今年少了三成。\n"
    found = speakers(corpus, text)
    assert found["某钓鱼协会会长加布里埃拉·科瓦尔在年会上表示,湖里的鱼今年少了三成。"] == person_id_for(
        "加布里埃拉·科瓦尔"
    )


def test_a_dotted_alex_name_after_a_post_is_a_person_whose_last_part_alone_names_them(corpus: Corpus) -> None:
    # 历 spells the Alex- of 亚历克西 (Alexei) though the transliteration table leaves it out: the post before the dotted
    # name marks it as a person's, so 贝蒂尼 alone later is that person.
    text = "某足球俱乐部主席亚历克西·贝蒂尼出席了发布会。\n\n“球场的草皮每年都该换一次,”贝蒂尼在采访中解释道。\n"
    found = speakers(corpus, text)
    assert found["“球场的草皮每年都该换一次,”贝蒂尼在采访中解释道。"] == person_id_for("亚历克西·贝蒂尼")


def test_a_bare_biaoshi_clause_after_a_clause_opened_by_a_post_and_a_name_is_that_persons(corpus: Corpus) -> None:
    # 表示 with no link word before it states what follows, as 并表示 does: the subject is the name after the post.
    text = "某航运公司总裁孙立平认同这一判断,表示集装箱的运价会在三年内减半。\n"
    assert speakers(corpus, text)[text.strip()] == "sun-liping"


def test_a_name_between_a_post_and_a_seat_is_read_though_the_text_names_it_nowhere_else(corpus: Corpus) -> None:
    # 董事长 before and 委员 after mark where 钱多多 starts and ends; the view is hers, not the deputy's named before.
    text = "对此,赵一鸣代表认为,新一代电池的普及还要再等几年。某公司董事长钱多多委员表示,算力已经到了即将爆发的阶段。\n"
    assert speakers(corpus, text)["某公司董事长钱多多委员表示,算力已经到了即将爆发的阶段。"] == "qian-duoduo"


def test_a_given_name_that_is_also_a_word_between_a_post_and_a_seat_is_read(corpus: Corpus) -> None:
    # 江山 ("the land") is a word, but 所长 before it and 委员 after it mark it as a name.
    text = "某研究所原所长江山委员认为,机器人能降低成本。在他看来,这也会带来新的岗位。\n"
    found = speakers(corpus, text)
    assert found["某研究所原所长江山委员认为,机器人能降低成本。"] == "jiang-shan"
    assert found["在他看来,这也会带来新的岗位。"] == "jiang-shan"


def test_a_quotation_after_a_persons_assessment_and_a_colon_is_theirs(corpus: Corpus) -> None:
    # The assessment is characterised with a word in quotes before the colon; the name is in Latin letters.
    text = "某基金合伙人Ada Quill的评价几乎是“史诗级”的:“这是我见过最好的开源模型之一。”\n"
    assert speakers(corpus, text)[text.strip()] == "ada-quill"


def test_a_dotted_name_running_into_a_common_word_is_not_learned_longer(corpus: Corpus) -> None:
    text = "研究员杰克·罗,给出了相反的判断。杰克·罗每天都在和芯片打交道,在他看来,“算力远没有用好。”\n"
    assert speakers(corpus, text)["杰克·罗每天都在和芯片打交道,在他看来,“算力远没有用好。”"] == "jieke-luo"


def test_the_points_after_a_talk_the_publication_held_with_a_person_are_theirs(corpus: Corpus) -> None:
    text = (
        "近日,《某某周刊》与孙立就机器人这个话题进行了一次长谈,精彩观点如下。\n\n"
        "1.很多人把机器人当玩具,这恰恰说明它离真正普及还很远。\n\n"
        "2.机器人不是替代人,而是把人从重复劳动里解放出来。\n"
    )
    found = speakers(corpus, text)
    assert found["1.很多人把机器人当玩具,这恰恰说明它离真正普及还很远。"] == "sun-li"
    assert found["2.机器人不是替代人,而是把人从重复劳动里解放出来。"] == "sun-li"


def test_his_answer_after_a_colon_is_his_view_and_a_verb_inside_a_list_of_topics_is_not(corpus: Corpus) -> None:
    text = (
        "某公司创始人孙立在杭州举办用户交流会,谈及芯片成本、人才培养,以及他认为这个行业最稀缺的东西。\n\n"
        "会上,孙立回应了大家最关心的问题:机器人会不会抢走工作?\n\n"
        "他的答案是:不会,但工作的内容会完全不同。\n"
    )
    found = speakers(corpus, text)
    assert found["他的答案是:不会,但工作的内容会完全不同。"] == "sun-li"
    assert not any(quote.startswith("某公司创始人孙立") for quote in found)


def test_a_slogan_in_quotation_marks_is_the_persons_who_calls_it_out(corpus: Corpus) -> None:
    slogan = "充足的资金,让孙立有底气喊出「三年内做出最好的家用机器人」的口号。"
    found = speakers(corpus, f"孙立表示,家用机器人会在三年内普及。\n\n{slogan}\n")
    assert found[slogan] == "sun-li"


def test_his_judgement_is_a_quotation_after_de_panduan_shi(corpus: Corpus) -> None:
    sentence = "对于这轮价格战,孙立的判断是“我们至少还要熬两年。”"
    found = speakers(corpus, f"某公司今年开始降价。\n\n{sentence}\n")
    assert found[sentence] == "sun-li"


def test_her_account_spelled_out_after_a_colon_and_the_er_paragraph_after_it_are_hers(corpus: Corpus) -> None:
    spelled = "她用工程师的眼光拆解了这个难题:芯片的进步是一步一步来的,先有工艺,再有设计。"
    carried = "而当前的机器人行业完全反过来,跳过了工艺,直接从设计开始堆料。"
    text = (
        f"某公司首席科学家孙丽首次在发布会上亮相。\n\n{spelled}\n\n{carried}\n\n而发布会的现场座无虚席。\n\n"
        "孙丽最后指出,明年还会推出新的芯片。\n"
    )
    found = speakers(corpus, text)
    assert found[spelled] == "sun-li"
    assert found[carried] == "sun-li"
    assert "而发布会的现场座无虚席。" not in found


def test_a_month_before_the_verb_and_xianqian_do_not_hide_the_speaker(corpus: Corpus) -> None:
    month = "孙立在今年3月曾表示,新芯片有一半的可能性提前量产。"
    earlier = "孙立先前曾透露,工厂最快明年就能为海外客户供货。"
    found = speakers(corpus, f"某公司昨天召开了员工大会。\n\n{month}\n\n{earlier}\n")
    assert found[month] == "sun-li"
    assert found[earlier] == "sun-li"


def test_an_unnamed_source_and_a_dated_background_fact_do_not_carry_on_a_persons_view(corpus: Corpus) -> None:
    view = "孙立告诉员工,公司明年一定会扭亏为盈。"
    background = "某公司已于今年稍早将新芯片装进了手机。"
    unnamed = "知情人士表示,这些芯片最终可以用来控制整座工厂。"
    text = f"{view}{background}\n\n孙立还设想在海外建厂。{unnamed}\n"
    found = speakers(corpus, text)
    assert found[view] == "sun-li"
    assert background not in found
    assert unnamed not in found


def test_a_pull_quote_opening_an_interview_is_the_guests(corpus: Corpus) -> None:
    pull = ["“我们在芯片上还有差距。", "但我相信,只要有耐心,一定可以追上。”"]
    text = (
        f"{''.join(pull)}\n\n"
        "近来机器人成为热门话题。就此,本刊专访了某大学教授孙立。\n\n"
        "某某周刊:您怎么看现在的机器人热?\n\n"
        "孙立:我觉得热度是好事,但要冷静。\n"
    )
    found = speakers(corpus, text)
    assert all(found[sentence] == "sun-li" for sentence in pull)


def test_a_quotation_opening_a_text_with_two_guests_is_nobodys(corpus: Corpus) -> None:
    pull = "“我们在芯片上还有差距,但一定可以追上。”"
    text = (
        f"{pull}\n\n"
        "某某周刊:两位怎么看现在的机器人热?\n\n"
        "孙立:我觉得热度是好事,但要冷静。\n\n"
        "赵一鸣:我认为泡沫很快会破。\n"
    )
    assert pull not in speakers(corpus, text)


def test_quotations_under_tan_headings_are_the_interviewees_named_before_them(corpus: Corpus) -> None:
    quotes = ["“以后每个家庭都会有一台机器人,就像今天有冰箱一样。”", "“在芯片上,我们已经明显追上了对手。”"]
    text = (
        "在昨晚播出的《某某访谈》节目中,某公司创始人孙立与主持人钱多多围绕机器人和芯片进行了一场对谈。\n\n"
        f"谈机器人的未来:\n\n{quotes[0]}\n\n谈芯片:\n\n{quotes[1]}\n\n"
        "以下为节目实录:\n\n旁白:这是一家做机器人的公司。\n"
    )
    found = speakers(corpus, text)
    assert all(found.get(quote) == "sun-li" for quote in quotes)
    assert not any(speaker == "qian-duoduo" for speaker in found.values())


def test_first_person_paragraphs_under_guanyu_headings_are_the_person_named_before_them(corpus: Corpus) -> None:
    # 关于…: headings over the person's answers, one a quotation left open over two paragraphs (its closing mark lost),
    # one in the first person without quotation marks: the words of the person the paragraphs before introduced.
    opened = "“嗯,我之所以说做芯片像跑马拉松,原因在于,前十年几乎看不到回报。"
    goes_on = "因此,如果有人只想赚快钱,我会劝他不要做芯片。"
    plain = "真正的难题在于人才。我认为三年内这个缺口补不上。"
    text = (
        "近日,某公司创始人孙立在某某论坛上谈了很多。\n\n"
        "作为一名老兵,孙立对行业的理解远不止于此。\n\n"
        f"关于创业:\n\n{opened}\n\n{goes_on}\n\n关于人才:\n\n{plain}\n\n"
        "记者注意到,会场的观众很多。\n\n我们也看好这个行业。\n"
    )
    found = speakers(corpus, text)
    assert found.get(opened) == "sun-li"
    assert found.get(goes_on) == "sun-li"
    assert found.get("我认为三年内这个缺口补不上。") == "sun-li"
    # The writer's paragraph naming nobody in the third person ends the run: the first person after it is no longer his.
    assert "我们也看好这个行业。" not in found


def test_a_quotation_after_a_heading_that_is_no_tan_heading_is_nobodys(corpus: Corpus) -> None:
    quote = "“以后每个家庭都会有一台机器人,就像今天有冰箱一样。”"
    text = (
        "在昨晚播出的《某某访谈》节目中,某公司创始人孙立与主持人钱多多围绕机器人进行了一场对谈。\n\n"
        f"网友热议:\n\n{quote}\n"
    )
    assert quote not in speakers(corpus, text)


@pytest.mark.parametrize(("name", "cut"), [("孙立", "孙"), ("杰克·罗森", "罗")])
def test_a_quotation_whose_attribution_the_page_cut_short_is_the_person_the_cut_name_begins(
    corpus: Corpus, name: str, cut: str
) -> None:
    quote = ["「很快,每個家庭都會有一台機器人。", "我們現在是全球第二大廠商,我認為我們會成為第一,」" + cut]
    text = f"某公司CEO{name}接受了采访。\n\n「我們的芯片已經不夠用了,」{name}稱。\n\n出货量一年内增长了三倍。{''.join(quote)}"
    found = speakers(corpus, text)
    assert all(found.get(sentence) == person_id_for(name) for sentence in quote)


def test_the_turns_of_a_guest_labelled_with_a_latin_name_are_the_guests(corpus: Corpus) -> None:
    answer = ["John Smith: 我觉得芯片一定会越来越便宜。", "那是必然的趋势,因为工厂越来越多。"]
    found = speakers(corpus, f"主持人: 你怎么看芯片的未来?\n\n{''.join(answer)}\n")
    assert found == dict.fromkeys(answer, "john-smith")


def test_thanks_for_the_question_is_no_draft_but_a_question_framed_as_my_view_is(corpus: Corpus) -> None:
    view = "至少眼下,我的看法是:开源社区能否在三年内追上最好的闭源模型?"
    found = speakers(corpus, f"主持人: 开源会赢吗?\n\n孙立: 这是个好问题。{view}\n")
    assert found == {view: "sun-li"}


def test_views_in_square_brackets_after_bingcheng_fanbo_and_fan_er_are_the_debaters(corpus: Corpus) -> None:
    first = (
        "5月3日,孙立发了一条微博,对赵一鸣的说法[芯片已经严重过剩,未来三年不要再建新厂]表示反对,"
        "并称[国内的芯片产能还远远不够,工厂一定要扩建。]"
    )
    rebuttal = "随后,赵一鸣在其帖子底部反驳称,[产能过剩已经是事实,工厂还会继续倒闭。]"
    basis = "而赵一鸣的反对基于其认为芯片行业的机会太少,所以劝大家不要进入。"
    instead = "孙立反而认为芯片价格明年一定会上涨,因为需求还在增长。"
    found = speakers(corpus, "\n\n".join([first, rebuttal, "两人随后又争论了几轮。", basis, instead]) + "\n")
    assert found == {first: "sun-li", rebuttal: "zhao-yiming", basis: "zhao-yiming", instead: "sun-li"}


def test_qizhong_breaking_down_a_view_carries_it_on_and_an_announcement_or_a_company_is_no_draft(
    corpus: Corpus,
) -> None:
    view = "但孙立也指出,机器人仍面临两大难题,尤其在电池和电机两个方面。"
    parts = "其中,在电池方面,续航仍是瓶颈;在电机方面,成本依然太高。"
    example = "他举例说:“一台机器人的电机比一辆小车还贵。”"
    announced = "除了技术层面的难题,孙立还特别强调了团队管理的新挑战。"
    company = "作为一家以软件为主的公司,某某科技在快速扩张中明显感受到效率的波动。"
    found = speakers(corpus, f"{view}\n\n{parts}{example}\n\n{announced}{company}\n")
    assert found == {view: "sun-li", parts: "sun-li", example: "sun-li"}


def test_a_speech_lead_and_the_writers_comment_are_no_drafts_but_a_view_yanjiang_zhong_is(corpus: Corpus) -> None:
    lead = "2024年3月1日,孙立现身某某大会并发表主题演讲,系统阐释了他对机器人时代的思考,也释放了公司转型的信号。"
    view = "孙立认为,机器人的终极目标是让普通人从重复劳动中解放出来。"
    unnamed = "演讲中明确反对“机器人拟人化”的方向,主张“机器人应该做人做不到的事”。"
    comment = "其提出的“机器人普惠”理念,或将进一步影响行业的投资方向。"
    found = speakers(corpus, f"{lead}\n\n{view}\n\n{unnamed}\n\n孙立此次的频繁发声引发关注。{comment}\n")
    assert found == {view: "sun-li", unnamed: "sun-li"}


def test_the_grounds_the_writer_gives_for_a_view_and_its_reception_are_no_drafts(corpus: Corpus) -> None:
    view = "孙立认为,在技术转折的关键窗口期,观望就是落后。"
    reception = "这一观点得到不少同行认同——在这场变革中,算力投入决定未来十年的格局。"
    grounds = "孙立的判断基于一个基本事实:算力需求增长极快,而供给明显滞后。"
    found = speakers(corpus, f"{view}{reception}\n\n{grounds}无论是训练还是推理,都离不开大量芯片。\n")
    assert found == {view: "sun-li"}


def test_shuofa_is_a_noun_and_no_verb_of_speech(corpus: Corpus) -> None:
    view = "孙立表示,新芯片明年一定量产。"
    found = speakers(corpus, f"{view}\n\n孙立发了一条微博,对这种说法,业内一直不太认同。\n")
    assert found == {view: "sun-li"}


def test_a_turn_labelled_with_a_dotted_foreign_name_is_that_persons_under_the_fullest_form(corpus: Corpus) -> None:
    # The lede calls him by the last part only; the turns give his dotted full name, whose id both take.
    lede = "近日,某公司首席执行官约翰·卡森伯格接受了采访。访谈中,卡森伯格表示,开源模型会在两年内追上闭源模型。"
    answer = "约翰·卡森伯格: 在我看来,明年的算力会便宜一半。我估计大部分代码都将由模型来写。"
    question = "主持人汤米: 你们下一步打算做什么?"
    found = speakers(corpus, f"{lede}\n\n以下为采访内容:\n\n{question}\n\n{answer}\n")
    assert found == {
        "访谈中,卡森伯格表示,开源模型会在两年内追上闭源模型。": "yuehan-kasenboge",
        "约翰·卡森伯格: 在我看来,明年的算力会便宜一半。": "yuehan-kasenboge",
        "我估计大部分代码都将由模型来写。": "yuehan-kasenboge",
    }


def test_a_card_line_of_a_post_and_a_dotted_name_whose_last_part_the_text_used_alone_heads_the_turn(
    corpus: Corpus,
) -> None:
    # The report first calls him by the last part alone; his card line then gives the full dotted name, and the
    # paragraph under it is his turn, though it neither says 我 nor names him.
    lede = "但史密斯表示,港口的生意这几年变了很多。"
    card = "某航运公司联合创始人兼首席执行官 约翰·史密斯:"
    turn = "我们刚起步时只有两条旧货轮,客户一只手就数得过来。现在最难的是找到肯跑远洋的年轻船员。"
    found = speakers(corpus, f"{lede}\n\n{card}\n\n{turn}\n")
    assert found.get("现在最难的是找到肯跑远洋的年轻船员。") == person_id_for("约翰·史密斯")


def test_a_turn_under_a_dotted_name_ends_at_a_paragraph_naming_its_speaker_by_the_last_part(corpus: Corpus) -> None:
    # The paragraph after the turn tells of him and another man by the last part of his name: the writer's summing up.
    card = "某航运公司首席执行官 约翰·史密斯:"
    turn = "现在最难的是找到肯跑远洋的年轻船员。"
    summary = "虽然王大川和史密斯在运价上争了几句,但他们都认为,远洋航线明年还会更忙。"
    found = speakers(corpus, f"{card}\n\n{turn}\n\n{summary}\n")
    assert found.get(turn) == person_id_for("约翰·史密斯")
    assert summary not in found


def test_a_name_between_a_post_and_a_members_seat_is_the_speaker(corpus: Corpus) -> None:
    # A report on a session writes each member as post, name, seat, then the verb; one page is in traditional
    # characters with a spinner's pinyin notes, which the rules read past.
    quoted = "“這(zhè)幾年,我們的茶園面積翻了一番。”"
    told = "某茶葉研究所所長、某實(shí)驗室主任周海委員說,有了新機(jī)器,茶農(nóng)的收入還會再漲。"
    deputy = "某集团董事长钱向南代表认为,山里的路修好了,年轻人就愿意回来。"
    found = speakers(corpus, f"{quoted}{told}\n\n{deputy}\n")
    assert found.get(told) == person_id_for("周海")
    assert found.get(deputy) == person_id_for("钱向南")


def test_a_thing_the_demonstrative_gai_points_back_to_is_no_speaker(corpus: Corpus) -> None:
    # 蓝皮书 reads as a family name and a given name, but 该 before it points back to the report the sentence named.
    text = "主办方当天还发布了一本茶叶蓝皮书。该蓝皮书总结说,近十年茶叶出口翻了一番。"
    assert speakers(corpus, f"{text}\n") == {}


def test_a_latin_name_in_brackets_after_a_transliteration_gives_the_persons_id(corpus: Corpus) -> None:
    # The page lost the name's last part before the bracket (罗伯·(Robert Kasparian)); its short form spells the
    # same sounds as the Latin surname.
    intro = "被称为“芯片教父”的罗伯·(Robert Kasparian)在总部接受了专访。"
    view = "卡斯帕里安强调,芯片的下一场竞争在封装。"
    found = speakers(corpus, f"{intro}\n\n{view}\n")
    assert found == {view: "robert-kasparian"}


def test_a_quotation_signed_after_a_dash_is_the_signers_and_so_is_the_quotation_after_it(corpus: Corpus) -> None:
    signed = "“我们最好的模型,连一只猫都不如。它们不懂桌子上的杯子为什么会掉下去。” ——John Kasparian"
    after = "“我们现在的系统,在这方面连小狗都不如。”"
    found = speakers(corpus, f"他抛出了一个问题。\n\n{signed}\n\n{after}\n")
    assert found == {
        "“我们最好的模型,连一只猫都不如。": "john-kasparian",
        "它们不懂桌子上的杯子为什么会掉下去。”": "john-kasparian",
        after: "john-kasparian",
    }


def test_the_cause_a_person_gives_and_a_judgement_after_a_setting_are_theirs(corpus: Corpus) -> None:
    credit = "谈及公司如何追上对手,孙立将其归功于团队多年的基础研究。"
    future = "展望未来,他将明年视为芯片行业的分水岭:封装和互联都会全面爆发。"
    found = speakers(corpus, f"孙立表示,芯片短缺还会持续一年。\n\n{credit}\n\n{future}\n")
    assert found[credit] == "sun-li"
    assert found[future] == "sun-li"


def test_a_speakers_greeting_is_no_draft(corpus: Corpus) -> None:
    view = "我们认为芯片三年内一定能追上来,这是最关键的判断。"
    found = speakers(corpus, f"以下为孙立的演讲实录:\n\n各位朋友,大家下午好!\n\n{view}\n")
    assert found == {view: "sun-li"}


def test_an_adjective_and_the_character_after_it_are_no_name(corpus: Corpus) -> None:
    # 神不高兴所以下雪: 高兴 (glad) and 所 read as 高 and a given name took the sentence, and 他 after it, from the
    # interviewee.
    text = (
        "月光科技創始人邵明遠表示,模型的上限取決於數據。\n\n"
        "古人有一種神不高興所以下雪的說辭,他認為這就是最早的世界模型。\n\n"
        "他說,今天的大模型也是在給世界建模。\n"
    )
    found = speakers(corpus, text)
    assert found["古人有一種神不高興所以下雪的說辭,他認為這就是最早的世界模型。"] == "shao-mingyuan"
    assert found["他說,今天的大模型也是在給世界建模。"] == "shao-mingyuan"
    assert "gao-xingsuo" not in found.values()


def test_what_the_person_felt_spelled_out_after_shi_is_their_view(corpus: Corpus) -> None:
    text = (
        "月光科技創始人邵明遠表示,模型的上限取決於數據。\n\n"
        "回顧過去一年,他的感受是,行業的變化比想像中快得多。\n\n"
        "孫立最大的體會是團隊比技術更重要。\n"
    )
    found = speakers(corpus, text)
    assert found["回顧過去一年,他的感受是,行業的變化比想像中快得多。"] == "shao-mingyuan"
    assert found["孫立最大的體會是團隊比技術更重要。"] == "sun-li"


def test_a_way_of_putting_it_is_no_one_speaking(corpus: Corpus) -> None:
    # 简单来说 held 说: 简单来 (or 单来) was read as the name of someone saying it.
    text = "月光科技創始人邵明遠表示,模型的上限取決於數據。\n\n简单来说,清洗数据集是模型生产中最大的挑战。\n"
    found = speakers(corpus, text)
    assert found["简单来说,清洗数据集是模型生产中最大的挑战。"] == "shao-mingyuan"  # his view reasoned on


def test_a_company_the_glossary_names_is_no_person_though_it_reads_as_a_name(corpus: Corpus) -> None:
    # 谷歌 reads as a family name (谷) and a given name (歌), but the glossary has it as a company: no person's view.
    said = "但2017年谷歌提出了新的架构,才让人工智能重新回到大家的视野。"
    found = speakers(corpus, f"孙立表示,模型会降价。\n\n{said}\n")
    assert "gu-ge" not in found.values()


def test_looking_back_is_the_persons_account_but_a_list_of_what_they_looked_back_on_is_not(corpus: Corpus) -> None:
    # 回顾 beside 回忆: the person's reading of the past is their view; a list of topics (…,以及C。) is none.
    looked = "钱多多回顾了公司的发展历程,虽然公司成立很久,却只有很短的历史。"
    listed = "钱多多回顾了那四天的事件,公司的头两年,以及自己创业的心路历程。"
    found = speakers(corpus, f"{looked}\n\n孙立表示,模型会降价。\n\n{listed}\n")
    assert found.get(looked) == "qian-duoduo"
    assert listed not in found


def test_an_account_the_person_reveals_handed_over_by_a_dash_is_their_view(corpus: Corpus) -> None:
    # 揭示…——…: the dash hands over what the person revealed, as a colon does; the point right after it goes on.
    revealed = "赵一鸣进一步揭示了增长背后的逻辑——算力、数据与人才的三重叠加。"
    point = "第一,算力的边际效益已经放缓,重心正转向推理。"
    found = speakers(corpus, f"孙立表示,模型会降价。\n\n{revealed}{point}\n")
    assert found.get(revealed) == "zhao-yiming"
    assert found.get(point) == "zhao-yiming"


def test_known_for_is_no_one_speaking(corpus: Corpus) -> None:
    # 以…著称 (known for) held 称: the writer's portrait of the person, not their words.
    portrait = "钱多多以勤勉著称——每天清晨4点起床,6点准时到办公室。"
    found = speakers(corpus, f"钱多多表示,模型会降价。\n\n{portrait}\n")
    assert portrait not in found
    said = "钱多多离开公司,并称价格战不会持续。"  # 并称: and said
    assert speakers(corpus, f"钱多多表示,模型会降价。\n\n{said}\n").get(said) == "qian-duoduo"


def test_a_warning_is_the_persons_view(corpus: Corpus) -> None:
    # 警示 beside 警告: 他一再警示创业者… is the person's view.
    warned = "钱多多很反感跟风,他一再警示创业者跟风只会浪费机会。"
    found = speakers(corpus, f"钱多多表示,模型会降价。\n\n{warned}\n")
    assert found.get(warned) == "qian-duoduo"


def test_as_for_a_person_is_no_one_speaking(corpus: Corpus) -> None:
    # 对于某某来说 (as for 某某) held 说: 某某来 was read as the name of someone saying it.
    framed = "对于孙立来说,公司越做越大,让每个人用上好产品是他一直追求的目标。"
    found = speakers(corpus, f"{framed}\n")
    assert found.get(framed) != "sun-lilai"
    assert not any(speaker.endswith("lai") for speaker in found.values())


def test_a_quoted_answer_is_the_person_the_sentence_before_asks_or_introduces(corpus: Corpus) -> None:
    asked = speakers(corpus, "记者问钱多多,公司明年会不会上市。“不会。我们还不需要钱。”\n\n钱多多表示,模型还会降价。\n")
    assert asked["“不会。"] == asked["我们还不需要钱。”"] == "qian-duoduo"
    introduced = speakers(corpus, "钱多多表示,模型还会降价。\n\n钱多多笑了笑。“价格战对用户是好事。”\n")
    assert introduced["“价格战对用户是好事。”"] == "qian-duoduo"
    # 钱多多 is no subject here (钱多多的公司), and nothing asks him: the quotation is not his.
    other = speakers(corpus, "钱多多表示,模型还会降价。\n\n钱多多的公司在北京。“这个行业没有秘密。”一位投资人认为。\n")
    assert "“这个行业没有秘密。”" not in other
    # Words after the closing quote may name another speaker without a verb of speech: the quotation is left alone.
    named_after = speakers(
        corpus, "钱多多表示,模型还会降价。\n\n钱多多笑了笑。“这个行业没有秘密。”一位投资人评价道。\n"
    )
    assert "“这个行业没有秘密。”一位投资人评价道。" not in named_after


def test_a_news_time_word_between_the_name_and_the_verb_leaves_the_name(corpus: Corpus) -> None:
    lead = "据报道,星辰芯片执行长钱多多周三在纽约一场峰会上表示,中国在人工智能领域并不落后。"
    dated = "孙立6日表示,芯片出口限制不会持续。"
    found = speakers(corpus, f"{lead}\n\n{dated}\n")
    assert found == {lead: "qian-duoduo", dated: "sun-li"}


def test_the_writers_background_after_a_reported_view_is_no_draft(corpus: Corpus) -> None:
    # The writer's background in the paragraph of a reported view: a company's rank, a dated step a government took,
    # a document cited for figures. None is the view going on.
    text = (
        "钱多多说,中国拥有全球一半的AI研究人员。星辰芯片是全球市值最高的芯片公司,其芯片被广泛用于训练大模型。"
        "美国政府自2022年起限制星辰芯片向中国出售高端芯片。\n\n"
        "他指出,美国必须跑得更快。星辰芯片上月公布的财报显示,公司季度营收同比增长94%。\n"
    )
    assert speakers(corpus, text) == {
        "钱多多说,中国拥有全球一半的AI研究人员。": "qian-duoduo",
        "他指出,美国必须跑得更快。": "qian-duoduo",
    }


def test_a_speakers_filler_in_an_answer_is_no_draft(corpus: Corpus) -> None:
    text = (
        "以下为对话实录:\n\n主持人:你怎么看模型的未来?\n\n"
        "Paul Stone:这是一个非常有意思的问题。我觉得是这样的。模型会越来越便宜,三年内成本会降到现在的百分之一。\n\n"
        "主持人:那风险呢?\n\nPaul Stone:嗯,你说得对。让我想想。最大的风险是我们跑得太快,安全研究跟不上。\n\n"
        "主持人:公司成立两年了,你给自己打几分?\n\nPaul Stone:对,确实时间过得很快。我估计有个 70 分。\n"
    )
    assert speakers(corpus, text) == {
        "模型会越来越便宜,三年内成本会降到现在的百分之一。": "paul-stone",
        "最大的风险是我们跑得太快,安全研究跟不上。": "paul-stone",
        "我估计有个 70 分。": "paul-stone",
    }


def test_a_pronoun_comparing_by_an_instrument_and_a_first_feeling_are_the_persons(corpus: Corpus) -> None:
    # A summary of an interview in traditional characters: the interviewee is named only where the text tells of what he
    # felt first (某某的第一個感受是:…), then called 他, who compares by way of an instrument (他用…作比喻: / 他用…做對比:).
    text = (
        "這次訪談的對象是月光科技創辦人邵明遠。一年後再見,邵明遠的第一個感受是:「好像過了很久」。\n\n"
        "他用兩年前後的模型作比喻:兩年前模型連一篇文章都寫不好,現在能連續工作幾個小時。\n\n"
        "他用工程任務做對比:以前要一週的活,現在一個下午就能完成。\n"
    )
    found = speakers(corpus, text)
    assert found["一年後再見,邵明遠的第一個感受是:「好像過了很久」。"] == "shao-mingyuan"
    assert found["他用兩年前後的模型作比喻:兩年前模型連一篇文章都寫不好,現在能連續工作幾個小時。"] == "shao-mingyuan"
    assert found["他用工程任務做對比:以前要一週的活,現在一個下午就能完成。"] == "shao-mingyuan"


def test_a_turn_labelled_with_one_latin_word_over_a_first_person_answer_is_that_persons(corpus: Corpus) -> None:
    # A transcript whose guest goes by a one-word handle (a long one); a note near the top names the interviewer as the
    # author. The answers in the first person are the guest's, not the interviewer's.
    note = "本文是某某周刊的一篇文章,作者是钱多多,讲述了一个产品经理的故事。"
    first = "Moonwalker:最近我们发布了一个给老人用的语音助手,叫小月。"
    carried = "我们认为语音是老人用上大模型的唯一入口。"
    second = "Moonwalker:这个很有意思,我们本来以为价格最重要,后来发现耐心才是关键。"
    role = "Answer:我觉得明年会更好。"  # an English role word opens nobody's turn
    text = "\n\n".join(
        [note, "钱多多:你们最近在做什么?", first, carried, "钱多多:用户最在意什么?", second, "钱多多:明年呢?", role]
    )
    found = speakers(corpus, text + "\n")
    assert found == {first: "moonwalker", carried: "moonwalker", second: "moonwalker"}


def test_the_channel_a_person_wrote_in_without_shang_is_a_setting(corpus: Corpus) -> None:
    # 在其网志表示 / 在个人微博发文称: the blog or the post is where the person spoke, the name before it is the speaker's.
    blog = "据多家媒体报导,某市科技局局长钱多多13日在其網誌表示,本地研发的聊天应用已推出试用版,用户已达十万。"
    post = "孙立在个人微博发文称,芯片价格明年一定会上涨。"
    found = speakers(corpus, f"{blog}\n\n{post}\n")
    assert found == {blog: "qian-duoduo", post: "sun-li"}


def test_the_assessment_or_report_a_person_wrote_frames_their_view(corpus: Corpus) -> None:
    # 某某在评估中,将…列为… / 某某在报告中,…: the person's own assessment, framed as 在某某眼中, is; only before a comma,
    # so a name doing well in an assessment names no view.
    ranked = "分析师钱多多在评估中,将甲公司和乙公司并列为第一梯队,而丙公司则被认为落后约半年。"
    report = "孙立在报告中,把明年的芯片价格走势定为温和上涨。"
    done = "赵一鸣在评估中表现良好,顺利通过了考核。"
    found = speakers(corpus, f"{ranked}\n\n{report}\n\n{done}\n")
    assert found.get(ranked) == "qian-duoduo"
    assert found.get(report) == "sun-li"
    assert done not in found


def test_the_channel_after_a_platforms_name_is_a_setting(corpus: Corpus) -> None:
    # 在某平台直播间透露: the platform's name before the channel does not hide the speaker before 在.
    live = "某公司总裁孙立在星云直播间回应外界关注,首度透露集团的芯片战略:未来十年将重仓端侧模型。"
    video = "钱多多在火花视频号回应,芯片价格明年一定会上涨。"
    found = speakers(corpus, f"{live}\n\n{video}\n")
    assert found == {live: "sun-li", video: "qian-duoduo"}


def test_a_sentence_opening_with_a_name_in_quotes_is_no_quotation_for_the_next_sentences_speaker(
    corpus: Corpus,
) -> None:
    # 「小月」 names the app; the sentence is the writer's news, not words that 钱多多表示 then attributes.
    view = "钱多多表示,团队正在全速处理用户反馈。"
    news = "「小月」上架数天就登上应用商店免费榜的前列,现已登录各大平台。"
    found = speakers(corpus, f"钱多多认为,方言是老人用上大模型的关键。\n\n{news}{view}\n")
    assert news not in found
    assert found[view] == "qian-duoduo"
    # A quotation that closes at its end is still given to the person the next sentence names.
    quoted = speakers(corpus, "“方言是老人用上大模型的关键。我们会一直做下去。”钱多多表示,团队正在全速处理用户反馈。\n")
    assert quoted["“方言是老人用上大模型的关键。"] == "qian-duoduo"


def test_a_role_after_a_word_that_counts_a_group_is_nobodys_name(corpus: Corpus) -> None:
    # 不少高管 / 许多高官: 高 is a family name, but a counted group in a role is no person.
    group = "另外,不少高管认为,国内市场以定制化为主,因此大模型落地会比较困难。"
    officials = "许多高官表示,监管明年一定会收紧。"
    view = "钱多多认为,芯片价格明年一定会上涨。"
    found = speakers(corpus, f"{view}\n\n{group}\n\n{officials}\n")
    assert found == {view: "qian-duoduo"}


def test_ziji_in_the_sentence_after_a_person_recounts_is_that_persons_account(corpus: Corpus) -> None:
    # 钱多多也回顾了…历程。 says only what he went over; the next sentence, which names someone else first, carries his
    # account in clauses whose subject is 自己.
    account = "是孙立奠定了公司的技术路线,团队至今受用;当初自己力排众议推出产品,自己做投资的经验成了一把双刃剑。"
    found = speakers(corpus, f"钱多多认为,芯片明年会降价。\n\n钱多多也回顾了公司的创业历程。{account}\n")
    assert found[account] == "qian-duoduo"
    # Without the sentence that says he went back over it, the sentence is nobody's.
    assert account not in speakers(corpus, f"钱多多认为,芯片明年会降价。\n\n公司今年很忙。{account}\n")


def test_a_name_opening_the_title_is_the_person_he_refers_to(corpus: Corpus) -> None:
    # The name never stands before a verb of speech; the title opens with it, so 他 in the text is that person.
    text = (
        "赵一鸣此番在纽约的闭门对话,内容深度令人印象深刻。\n\n"
        "台上,身着黑色皮衣的赵一鸣,讲了一个跨越三十年的故事。\n\n"
        "但他预见了瓶颈,他指出:\n\n"
        "通用芯片的最大局限,在于它对复杂的问题往往效率不足。\n"
    )
    source = Source(id="new", title="赵一鸣纽约闭门演讲:芯片如何重塑生产方式", text=text)
    with_text = dataclasses.replace(corpus, sources={**corpus.sources, "new": source})
    found = {s.quote: s.speaker_id for s in suggest_claims(with_text, "new")}
    assert found["通用芯片的最大局限,在于它对复杂的问题往往效率不足。"] == "zhao-yiming"
    # Without the name in the title, 他 is nobody the text has named.
    untitled = dataclasses.replace(corpus, sources={**corpus.sources, "new": dataclasses.replace(source, title="t")})
    assert not suggest_claims(untitled, "new")
    # A role of two characters opening the title (高管) is no name, though 高 is a family name: two characters count
    # only when a colon or a space sets them off.
    role = "高管闭门会上,在场的高管,有人提问。\n\n但他预见了瓶颈,他指出:\n\n通用芯片的最大局限,在于效率不足。\n"
    roled = Source(id="new", title="高管闭门会:芯片如何重塑生产", text=role)
    assert not suggest_claims(dataclasses.replace(corpus, sources={**corpus.sources, "new": roled}), "new")


def test_a_name_opening_the_title_set_off_by_a_demonstrative_in_the_text_is_the_person_he_refers_to(
    corpus: Corpus,
) -> None:
    # The text writes the title's name before 他 only run into the words around it (当时某某已经…), and after it set off
    # only by the demonstrative after it (,某某这番话…), never before a verb of speech: the name is a word of its own,
    # so 他 in the text is that person.
    view = "他说这番话的完整语境是:“芯片的瓶颈不在设计,而在制造。”"
    text = f"当时赵一鸣已经喝了五杯红酒。{view}\n\n更有意思的是,赵一鸣这番话引发了争论。\n"

    def found(title: str) -> dict[str, str]:
        source = Source(id="new", title=title, text=text)
        with_text = dataclasses.replace(corpus, sources={**corpus.sources, "new": source})
        return {s.quote: s.speaker_id for s in suggest_claims(with_text, "new")}

    assert found("赵一鸣“芯片瓶颈论”背后的故事").get(view) == "zhao-yiming"
    assert view not in found("“芯片瓶颈论”背后的故事")


def test_zhe_wei_and_a_post_opening_a_clause_is_the_person_named_last(corpus: Corpus) -> None:
    # 这位 and a post (这位某公司CEO) opening a clause before the verb tells of the person the text named last, as 他
    # does; 这位 and a plain noun (这位记者) may be anyone.
    view = "视频里,这位芯片公司CEO端着酒杯,对着镜头说:“芯片的瓶颈不在设计,而在制造。”"
    lede = "赵一鸣表示,今年电池会降价。\n\n"
    assert speakers(corpus, f"{lede}{view}\n").get(view) == "zhao-yiming"
    plain = view.replace("芯片公司CEO", "年轻记者")
    assert speakers(corpus, f"{lede}{plain}\n").get(plain) != "zhao-yiming"


def test_zhe_wei_and_the_founder_of_something_is_the_person_named_last(corpus: Corpus) -> None:
    # 这位某某之父 (the father of a product or a field) is one person, the one the text named last, as 这位 and a post
    # is; 这位 and a plain noun (这位工程师) may be anyone.
    view = "这位电池之父曾预测电池会越来越贵,眼下又觉得价格三年内会降一半。"
    lede = "赵一鸣表示,今年电池会降价。\n\n"
    assert speakers(corpus, f"{lede}{view}\n").get(view) == "zhao-yiming"
    plain = view.replace("电池之父", "电池工程师")
    assert speakers(corpus, f"{lede}{plain}\n").get(plain) != "zhao-yiming"


def test_an_answer_handed_over_by_a_dash_is_the_persons_view(corpus: Corpus) -> None:
    # 某某给出…判断——…: the dash hands the judgement over as a colon does; without it (某某给出了自己的判断。) the sentence
    # only announces one.
    view = "但仔细想想,某公司CEO钱多多早已给出更清醒的判断 ——电池不是越大越好,够用就行。"
    assert speakers(corpus, f"{view}\n").get(view) == "qian-duoduo"
    announced = "但仔细想想,某公司CEO钱多多早已给出了自己的判断。"
    assert announced not in speakers(corpus, f"{announced}\n")


def test_an_answer_two_people_gave_together_is_the_first_named_ones(corpus: Corpus) -> None:
    # 某甲与某公司CEO某乙早已给出…判断——…: a joint view, drafted under the first person named, not the one nearest the verb.
    view = "但仔细想想,某大学教授赵一鸣与某公司CEO钱多多早已给出更清醒的判断 ——电池不是越大越好,够用就行。"
    assert speakers(corpus, f"{view}\n").get(view) == "zhao-yiming"


def test_a_transcript_note_naming_nobody_after_a_news_lead_is_the_talk_givers(corpus: Corpus) -> None:
    # "以下是演讲实录:" names nobody; the news lead above says who gave the talk, at a venue with 在 and no 上 and with
    # its title in 《》 (某某在2023某论坛发表题为《…》演讲), the reported views between: the transcript is theirs.
    view = "越来越多的人认可芯片革命正在到来,而这次革命是以算力为标志的。"
    text = (
        "5月6日,某公司董事长赵一鸣在2023某芯片论坛发表题为《芯片改变世界》演讲。\n\n"
        "赵一鸣指出,芯片会深度融合到实体经济当中去。\n\n"
        f"以下是演讲实录:\n\n尊敬的各位嘉宾,大家好!\n\n{view}\n"
    )
    assert speakers(corpus, text).get(view) == "zhao-yiming"


def test_first_person_speech_under_a_heading_is_the_talk_giver_the_title_names(corpus: Corpus) -> None:
    # The title says the article is 赵一鸣's talk; after the writer's intro, a heading over first-person speech that
    # names nobody opens the talk's text.
    speech = "我一直觉得,芯片的价格明年一定会降下来。"
    text = (
        "赵一鸣这人,真的挺有意思。\n\n"
        "前些天,他在一个论坛上聊了很多细节。赵一鸣也不把自己当天才。\n\n"
        "一、为什么做芯片?\n\n"
        "1.先做有用的东西\n\n"
        f"{speech}我们会先把成本做下来,再谈规模。\n"
    )
    source = Source(id="new", title="赵一鸣最新演讲:芯片会越来越便宜", text=text)
    found = {
        s.quote: s.speaker_id
        for s in suggest_claims(dataclasses.replace(corpus, sources={**corpus.sources, "new": source}), "new")
    }
    assert found[speech] == "zhao-yiming"
    # A title that names the person but no talk (赵一鸣谈…) hands nobody the unnamed first-person text.
    talkless = dataclasses.replace(source, title="赵一鸣的芯片公司:成本会越来越低")
    found = {
        s.quote: s.speaker_id
        for s in suggest_claims(dataclasses.replace(corpus, sources={**corpus.sources, "new": talkless}), "new")
    }
    assert speech not in found


@pytest.mark.parametrize(
    "title",
    [
        "赵一鸣院士在2024年某某科技大会上的演讲全文:芯片会越来越便宜",
        # …and with the pinyin notes a bad conversion left after some characters, which split its words.
        "赵一鸣院士在2024年某某科技大会(huì)上的演讲(jiǎng)全文:芯片会越来越便宜",
    ],
)
def test_a_title_saying_the_article_is_a_talk_given_at_an_event_names_the_talk_giver(
    corpus: Corpus, title: str
) -> None:
    # The title names the event of the talk (某某在…大会上的演讲全文), longer than a post before 演讲; under the editor's
    # note, the highlights' heading over first-person speech that names nobody opens the talk's text.
    speech = "我一直觉得,芯片的价格明年一定会降下来。"
    text = (
        "编者按:这篇文章是某大学教授赵一鸣在2024年某某科技大会上的演讲实录,他谈了芯片和数据。\n\n"
        "精彩观点:\n\n"
        f"{speech}我们会先把成本做下来,再谈规模。\n"
    )
    source = Source(id="new", title=title, text=text)
    found = {
        s.quote: s.speaker_id
        for s in suggest_claims(dataclasses.replace(corpus, sources={**corpus.sources, "new": source}), "new")
    }
    assert found[speech] == "zhao-yiming"


def test_a_talk_giver_whose_given_name_holds_a_function_word_is_named_by_the_title(corpus: Corpus) -> None:
    # 向 is a preposition the plain reading refuses in a name, but the text introduces 钱向东 after a post (院士钱向东), so
    # the title that opens with him names the talk's giver; his English name beside it sounds unlike his own, and his id
    # is still his own name's reading.
    speech = "我一直觉得,芯片的价格明年一定会降下来。"
    text = (
        "编者按:这篇文章是某大学教授、某院院士钱向东(Henry Chin)在2024年某某科技大会上的演讲实录。\n\n"
        "精彩观点:\n\n"
        f"{speech}我们会先把成本做下来,再谈规模。\n"
    )
    source = Source(id="new", title="钱向东院士在2024年某某科技大会上的演讲全文:芯片会越来越便宜", text=text)
    found = {
        s.quote: s.speaker_id
        for s in suggest_claims(dataclasses.replace(corpus, sources={**corpus.sources, "new": source}), "new")
    }
    assert found[speech] == "qian-xiangdong"


def test_a_quotation_a_pronoun_hands_over_by_a_colon_is_that_persons(corpus: Corpus) -> None:
    # 形容 is no verb of speech the rules know; 他 opening the sentence hands over the quotation by a colon.
    quoted = "他这样形容那几年:“公司没有做大,但是拆开看,我们经历了外人想象不到的困难。”"
    text = f"赵一鸣表示,芯片明年会降价。\n\n赵一鸣出生于1980年,毕业后加入一家芯片公司。{quoted}这段经历改变了他。\n"
    assert speakers(corpus, text)[quoted] == "zhao-yiming"
    # Words the clause says are someone else's (他想起父亲的话:…) are not his.
    father = "他想起父亲的话:“做芯片的人,一定要耐得住寂寞,十年才能做成一件事。”"
    found = speakers(corpus, f"赵一鸣表示,芯片明年会降价。\n\n赵一鸣出生于1980年。{father}\n")
    assert father not in found


def test_an_interview_between_the_name_and_the_verb_is_a_setting(corpus: Corpus) -> None:
    # The interview is named by its kind with no 上 / 中 after it (在会前媒体联访 / 在一次电视专访): the name before it speaks.
    joint = "赵一鸣在会前媒体联访表示,公司正在加速推出新一代芯片。"
    press = "赵一鸣在一次电视专访表示,国产算力三年内能追上来。"
    found = speakers(corpus, f"{joint}\n\n{press}\n")
    assert found[joint] == "zhao-yiming"
    assert found[press] == "zhao-yiming"


def test_he_inside_a_first_person_turn_is_the_person_the_turn_named_not_its_speaker(corpus: Corpus) -> None:
    # 赵一鸣 speaks as 我 in his turn; 他说 after he names another person is that person's saying.
    saying = "他说“慢就是快”,我们觉得这话很有道理。"
    text = (
        "问:你怎么看消费电子?\n\n"
        "赵一鸣:我觉得手机会是第一个装上大模型的终端。\n\n"
        f"赵一鸣:我和某公司的孙立平聊过天,我们劝他给产品加个语音功能。{saying}\n"
    )
    found = speakers(corpus, text)
    assert found[saying] == person_id_for("孙立平")
    assert found["赵一鸣:我觉得手机会是第一个装上大模型的终端。"] == "zhao-yiming"


def test_candidly_said_opening_a_later_clause_is_the_subjects_speech(corpus: Corpus) -> None:
    # 坦白说 runs on into what he owns up to (no comma after it): the sentence's subject speaks; set off by a comma, it
    # is the writer's aside.
    owned = "赵一鸣也不把自己当天才,坦白说最早做芯片的时候,其实觉得自己大概率会失败。"
    aside = "赵一鸣也不把自己当天才,坦白说,这家公司的芯片并不好。"
    found = speakers(corpus, f"赵一鸣表示,芯片会降价。\n\n{owned}\n\n{aside}\n")
    assert found[owned] == "zhao-yiming"
    assert aside not in found


def test_examples_of_the_words_a_subjectless_sentence_says_were_said_are_the_persons_named_last(
    corpus: Corpus,
) -> None:
    # …,说了不少…的话。 names nobody; the 比如… paragraph after it gives examples of the words of 赵一鸣, named last.
    example = "比如别追求名气,先想办法让自己变得有用;还有做产品前别套经验,先把问题拆开再说。"
    text = (
        "赵一鸣表示,芯片会降价。\n\n"
        "赵一鸣这次聊了很多细节。\n\n"
        "关于创业和工程师的建议,说了不少简单但很实用的话。\n\n"
        f"{example}\n"
    )
    assert speakers(corpus, text)[example] == "zhao-yiming"
    # After a sentence that says nothing was said, 比如… is the writer's own.
    plain = text.replace("关于创业和工程师的建议,说了不少简单但很实用的话。", "关于创业,市场上的经验很多。")
    assert example not in speakers(corpus, plain)


def test_his_words_handed_over_by_a_colon_and_a_judgement_he_bets_on_are_his(corpus: Corpus) -> None:
    # …是他那句话语: hands over the next paragraph only; 他押注了一个判断:… spells out his view; a paragraph that tells of
    # him as 他 after his words is the article's narration again.
    words = "未来的计算,将是百分之百的生成式。"
    bet = "但他押注了一个判断:未来的计算范式,将是多种计算力量协同作战。"
    text = (
        "孙立认为,芯片明年会降价。\n\n"
        "最令人深思的,是他那句充满预言色彩的话语:\n\n"
        f"{words}\n\n"
        "聆听完毕,我深感震撼,这是下一代生产方式。\n\n"
        "孙立指出:\n\n"
        "通用芯片的最大局限,在于它对复杂的问题往往效率不足。\n\n"
        "因此,他做了一件逆主流的事情:打造一个专门的计算加速器。\n\n"
        f"{bet}\n"
    )
    found = speakers(corpus, text)
    assert found[words] == found[bet] == "sun-li"
    assert "聆听完毕,我深感震撼,这是下一代生产方式。" not in found
    assert "因此,他做了一件逆主流的事情:打造一个专门的计算加速器。" not in found


def test_the_last_part_of_a_dotted_name_used_alone_is_that_person(corpus: Corpus) -> None:
    # The text writes 杰克·奥特森 once, then only 奥特森, which no rule reads as a name on its own (no family name, and
    # three transliteration characters are as often a company).
    quote = "奥特森在 X 上解释: “我们会卖芯片,会做机器人,会搞云服务。”"
    text = f"几年前,杰克·奥特森被捧成“新时代的发明家”。\n\n{quote}听上去像一个被债务压着的创业者,越讲越虚。\n"
    # The writer's comment after the closed quotation is no view of his.
    assert speakers(corpus, text) == {quote: "jieke-aotesen"}


def test_the_last_part_of_a_dotted_name_handing_over_a_quotation_without_a_speech_verb_is_that_person(
    corpus: Corpus,
) -> None:
    # 被问到…,某森拿自己开刀:“…”: no verb of speech, so the quotation goes to the person the sentence names, and the
    # last part alone (卡森, after 约翰·卡森 was introduced) names that person.
    said = "被问到哪个职业最受威胁,卡森拿自己开刀:“我受过工程训练,我学写软件的方式现在完全过时了。”"
    text = f"某公司首席执行官约翰·卡森这次讲了不少话。\n\n{said}\n"
    assert speakers(corpus, text).get(said) == person_id_for("约翰·卡森")


def test_what_someone_else_did_told_inside_a_guests_answer_is_no_view_of_the_guests(corpus: Corpus) -> None:
    view = "孙立:我们本来以为价格最重要。"
    narrated = "后来他自己就把这个功能给做了。"
    found_after = "实际做出来之后,我们发现了一些新的用法。"
    text = f"钱多多:用户最在意什么?\n\n{view}后来工程师问,能不能让用户先免费试用?\n\n{narrated}{found_after}\n"
    found = speakers(corpus, text)
    assert found == {view: "sun-li", found_after: "sun-li"}


def test_a_name_opening_the_title_set_off_by_a_day_word_in_the_text_is_the_person_he_refers_to(corpus: Corpus) -> None:
    # The text writes the name only before a day word (某某昨(12日)出席…) and before a verb that is no speech verb.
    text = (
        "某集团董事长赵一鸣昨(12日)出席论坛时谈到开源的意义。\n\n"
        "赵一鸣讨论了开源模型的影响。他说:“开源让更多公司用上了模型。”\n"
    )
    source = Source(id="new", title="赵一鸣谈开源:重点是让更多人用上", text=text)
    with_text = dataclasses.replace(corpus, sources={**corpus.sources, "new": source})
    found = {s.quote: s.speaker_id for s in suggest_claims(with_text, "new")}
    assert found["他说:“开源让更多公司用上了模型。”"] == "zhao-yiming"


def test_points_listed_after_a_paragraph_saying_he_shared_his_views_are_his(corpus: Corpus) -> None:
    # The interviewee is named in Latin letters after his post, then 他…分享了对…的看法; the list's heading names nobody.
    points = ["• 越开放,我们就能走得越远。", "• 商业限制成了开源推广的一个障碍。它会阻碍企业采用。"]
    text = (
        "在本次大会上,某媒体专访了某基金会总经理 Jack Miller(米乐)。他在采访中详细分享了对开源的看法。\n\n"
        "部分精彩观点如下:\n\n" + "\n\n".join(points) + "\n\n大会将于下月在深圳举办,门票已开售!\n"
    )
    found = speakers(corpus, text)
    assert found == {
        "• 越开放,我们就能走得越远。": "jack-miller",
        "• 商业限制成了开源推广的一个障碍。": "jack-miller",
        "它会阻碍企业采用。": "jack-miller",
    }
    # Without the sentence that says he shared his views, the list is nobody's.
    assert not speakers(corpus, text.replace("他在采访中详细分享了对开源的看法。", "现场很热闹。"))


def test_a_second_persons_statement_joined_by_a_semicolon_is_a_sentence_of_its_own_and_theirs(corpus: Corpus) -> None:
    first = "不仅如此,钱多多表示,公司所有产品未来将接入大模型,并会在评估后正式发布新功能;"
    second = "某集团 CTO 孙立称,大模型将向企业开放,企业可以训练自己的行业模型。"
    assert speakers(corpus, f"{first}{second}\n") == {first: "qian-duoduo", second: "sun-li"}
    # A semicolon between two clauses of one person's statement, or inside a quotation, cuts nothing.
    one = "钱多多表示,芯片明年会降价;价格战不会一直持续下去。"
    quoted = "钱多多说:“芯片明年会降价;孙立表示,价格战不会持续。”"
    assert speakers(corpus, f"{one}\n\n{quoted}\n") == {one: "qian-duoduo", quoted: "qian-duoduo"}


def test_a_post_and_name_after_a_semicolon_open_a_second_persons_statement_without_a_comma(corpus: Corpus) -> None:
    # 某大学教授某某建议通过…: the verb runs straight into what is said, a term in quotation marks inside it.
    first = "开幕式上,某研究院首席科学家钱多多提出,要先把数据中心的能耗降下来;"
    second = "某大学教授孙立建议通过“小步快跑”的办法推动模型在工厂落地。"
    assert speakers(corpus, f"{first}{second}\n") == {first: "qian-duoduo", second: "sun-li"}
    # No post before the name after the semicolon: one person's statement goes on.
    one = "钱多多提出,要先把能耗降下来;同时建议通过新办法推动模型落地。"
    assert speakers(corpus, f"{one}\n") == {one: "qian-duoduo"}


def test_a_scholars_view_in_a_cited_work_is_the_first_authors_and_the_survey_goes_on_in_the_writers_voice(
    corpus: Corpus,
) -> None:
    # A literature survey: the work's title, then where and when it came out in brackets, between the name and the verb.
    one = "钱多多在《机器与人的边界》(《某某论丛》2019年第3期)中认为,机器会替代更多重复的劳动。"
    # Two authors before the title with no 在: the first one named, not the last.
    two = "孙立、赵一鸣《算法与岗位》(《某某经济》2020年第5期)也指出,算法会让一些岗位消失。"
    # The survey's own sentence after them is the writer's, not a run of the authors' words.
    own = "当前,这一问题仍有较大争议。"
    assert speakers(corpus, f"{one}{two}{own}\n") == {one: "qian-duoduo", two: "sun-li"}


def test_a_time_clause_without_dang_after_the_name_leaves_the_name_to_the_verb(corpus: Corpus) -> None:
    # 某某勾勒…时指出: the name, what the person was doing, 时, then the speech verb; no 当 opens the clause.
    view = "钱多多勾勒未来的生活面貌时指出,再过几年,家里可能有一个小机器人;未来的企业也会有大量的数字员工。"
    said = "钱多多表示,芯片明年会降价。"
    assert speakers(corpus, f"{said}\n\n{view}\n") == {said: "qian-duoduo", view: "qian-duoduo"}
    # A time clause of another subject, the speaker named after it, leaves the verb to that speaker.
    other = "钱多多离开公司时,孙立表示,团队会继续做芯片。"
    assert speakers(corpus, f"{other}\n")[other] == "sun-li"


def test_a_talks_title_in_quotes_is_no_words_of_the_speakers(corpus: Corpus) -> None:
    titled = "钱多多以「芯片的未来」为题,分享公司在芯片领域的最新成果,探讨芯片如何重塑产业。"
    own = "钱多多用“一场马拉松”来形容大模型竞赛。"
    found = speakers(corpus, f"钱多多表示,芯片明年会降价。\n\n{titled}\n\n{own}\n")
    assert titled not in found
    assert found[own] == "qian-duoduo"


def test_what_a_crowd_thinks_of_the_one_addressed_is_the_grounds_of_a_question_no_view(corpus: Corpus) -> None:
    view = "钱多多:我觉得年纪会影响一个人的斗志。"
    grounds = "因为很多人觉得你越来越温和。"
    answer = "孙立:我觉得这肯定是一个原因,人到中年了,变得平和点了。"
    found = speakers(corpus, f"{view}这方面你有什么感受吗?{grounds}\n\n{answer}\n")
    assert found == {view: "qian-duoduo", answer: "sun-li"}
    # What a crowd thinks of 你们, in the guest's own account, is no question's grounds: the account goes on.
    own = "孙立:很多人觉得你们做不成,但我们做成了。"
    assert speakers(corpus, f"{own}\n")[own] == "sun-li"


def test_turns_labelled_by_the_short_labels_the_dialogue_defines(corpus: Corpus) -> None:
    # 记者某某(以下简称"钱") asks, 孙立(以下简称"孙") answers: 孙:… is 孙立's turn, 钱:… nobody's (the reporter's).
    opening = "孙立(以下简称“孙”):我们从来没想过要打价格战,这是意外。"
    answer = "孙:我们的原则是不亏本,也不追求高利润。"
    text = "\n\n".join(
        [
            "记者钱多多(以下简称“钱”):你们被称为价格战的发起者。",
            opening,
            "钱:我认为降价就是为了抢用户。",
            answer,
        ]
    )
    found = speakers(corpus, text + "\n")
    assert found == {opening: "sun-li", answer: "sun-li"}


def test_first_person_text_after_a_note_that_it_sums_up_a_persons_views_is_theirs(corpus: Corpus) -> None:
    # 以下内容是访谈中某某部分观点的汇总整理: the note names the person after the setting; what follows, in the first person
    # and not, is theirs. The lead names two people and gives no view.
    lead = "3月1日,某某大学教授钱多多与孙立进行了一次对谈,讨论大模型的未来。"
    note = "以下内容是访谈中孙立部分观点的汇总整理。"
    first = "我们对模型的推理过程其实了解很少。"
    second = "开源模型的关键在于让更多人看到它是怎么想的。"
    found = speakers(corpus, "\n\n".join([lead, note, first, second]) + "\n")
    assert found == {first: "sun-li", second: "sun-li"}


def test_a_person_introduced_by_a_post_then_reported_as_he_after_a_colon(corpus: Corpus) -> None:
    # 人文学者某某…:他观察到,… introduces the person the clause after the colon reports, though no verb follows the name;
    # the view ends on a question, after a clause that states what he saw.
    first = "人文学者孙立对于大模型的态度有些疑虑:他观察到,这一轮技术变革不同以往,裁员的比例在上升,人会不会变得无聊?"
    # A second person introduced by a post and a bracket (总裁某某(花名:…)) is who 他 is after that.
    second = "面对这些问题,某公司总裁钱多多(花名:小钱)则是个乐观派。"
    view = "相反,他认为,大模型反而能把人从无聊的工作中释放出来。"
    found = speakers(corpus, "\n\n".join([first, second + view]) + "\n")
    assert found == {first: "sun-li", view: "qian-duoduo"}


def test_a_name_wrapped_by_a_word_filter_is_read_as_the_name(corpus: Corpus) -> None:
    # A word filter writes 甲乙=丙 甲乙 around a character it flags: the rules read 丙, the quote keeps the page's text.
    intro = "某公司总裁钱甲乙=多 甲乙多(花名:小钱)是个乐观派。"
    view = "他认为,大模型反而能把人从无聊的工作中释放出来。"
    found = speakers(corpus, intro + view + "\n")
    assert found == {view: "qian-duoduo"}


def test_a_wire_reports_interview_time_and_answer_words_leave_the_name_to_the_verb(corpus: Corpus) -> None:
    # 某某受访表示 / 某某5日晚间表示 / 记者询问…,某某回答,…: the speaker is the name before 受访, the time, or 回答.
    interviewed = "针对公司将扩大投资,孙立受访表示,公司会建造更多的设施,且规模更大。"
    evening = "孙立5日晚间表示,公司的计算中心或许将设在南方,研发中心则可能靠近北方。"
    answered = "记者询问此次展会中最惊艳之处,孙立回答,最惊艳的是所有公司与伙伴的价值。"
    told = "孙立回答了记者的提问,随后离开会场。"  # 回答 with no words handed over is no speech
    found = speakers(corpus, "\n\n".join([interviewed, evening, answered, told]) + "\n")
    assert found == {interviewed: "sun-li", evening: "sun-li", answered: "sun-li"}


def test_banter_and_a_dated_lead_listing_the_topics_talked_about_are_no_views(corpus: Corpus) -> None:
    lead = (
        "9 月 11 日消息,某公司董事长孙立在最近一次和员工的交流中,再次谈及了业界对于大模型的认知误区,涵盖竞争、效率等。"
    )
    view = "孙立表示,大模型的天花板很高,现在离理想的情况还相差非常远。"
    joke = "孙立也向在场媒体道谢,并逗趣向其中一名记者说,「我现在要叫你老朋友,我们天天见面」,引发一阵笑声。"
    found = speakers(corpus, "\n\n".join([lead, view, joke]) + "\n")
    assert found == {view: "sun-li"}


def test_a_quoted_statement_that_carries_on_into_a_question_after_a_semicolon_is_a_view(corpus: Corpus) -> None:
    # The question only carries the statement on; a question alone after the quotation opens stays no view.
    stated = "“模型之间的差距是多维度的,一个维度是能力;另一个维度是成本,你付出的成本是多少?"
    rest = "有些模型推理很慢,体验还是不如最先进的模型。”孙立表示。"
    asked = "孙立反问:“你付出的成本是多少?”"
    found = speakers(corpus, stated + rest + "\n\n" + asked + "\n")
    assert found.get(stated) == "sun-li"
    assert asked not in found


def test_declining_to_say_is_no_view_unless_a_semicolon_joins_it_to_one(corpus: Corpus) -> None:
    declined = "媒体询问对于公司市值超过对手的看法,孙立则说,没有什么想法。"
    no_more = "孙立随后到门口向媒体表示,「我已经没有话要说了」。"
    joined = "孙立表示,芯片明年一定会降价,企业要早做准备;对于股价,他则表示,没有什么想法。"
    found = speakers(corpus, "\n\n".join([declined, no_more, joined]) + "\n")
    assert found == {joined: "sun-li"}


def test_a_sentence_framed_by_what_he_has_seen_is_his_view(corpus: Corpus) -> None:
    seen = "在他的实际观察中,几乎没有遇到企业因为大模型裁员的情况。"
    place = "在他的公司里,几乎没有人因为大模型被裁员。"  # where he works, not what he thinks
    # The sentence before names him (a post, then the name set off by a bracket) and reports nothing he said.
    found = speakers(corpus, "某公司总裁孙立(花名:小孙)则是个乐观派。" + seen + "\n\n" + place + "\n")
    assert found.get(seen) == "sun-li"
    assert place not in found


def test_a_family_name_in_real_use_outside_the_most_common_ones_starts_a_name(corpus: Corpus) -> None:
    # 萧, 赖 and 阎 are family names of 百家姓 that jieba's dictionary reads as a name when they stand alone.
    text = "萧明远指出,算力成本明年会减半。\n\n赖思齐表示,小模型会先在手机上落地。\n\n阎立新认为,开源模型会追上闭源模型。\n"
    assert speakers(corpus, text) == {
        "萧明远指出,算力成本明年会减半。": "xiao-mingyuan",
        "赖思齐表示,小模型会先在手机上落地。": "lai-siqi",
        "阎立新认为,开源模型会追上闭源模型。": "yan-lixin",
    }


def test_the_family_names_are_those_of_baijiaxing_that_the_dictionary_reads_as_a_name() -> None:
    # Re-derive the additions from the data: every 百家姓 character jieba tags nr on its own is a family name here.
    from knowledge.ingest.speakers import BAIJIAXING, SURNAMES
    from knowledge.search.lexicon import default_dictionary_path

    tags: dict[str, str] = {}
    with default_dictionary_path().open(encoding="utf-8") as dictionary:
        for line in dictionary:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) == 1:
                tags[parts[0]] = parts[2]
    named = {ch for ch in BAIJIAXING if tags.get(ch) == "nr"}
    assert len(named) > 100
    assert named <= SURNAMES
    assert {"萧", "赖", "阎"} <= named


def test_a_family_name_before_a_public_office_is_the_one_person_the_report_introduced_by_it(corpus: Corpus) -> None:
    # The report names him once after his office and a day word, then only as 赖副总统.
    opening = "副总统赖思齐今天出席年会开幕式。"
    later = "赖副总统表示,算力是小国的机会之窗,这点相当重要。"
    mayor = "李市长指出,城市需要自己的数据中心。"  # no 李 named in the text: nobody
    found = speakers(corpus, opening + "\n\n" + later + "\n\n" + mayor + "\n")
    assert found.get(later) == "lai-siqi"
    assert mayor not in found


def test_a_short_transliteration_before_its_latin_name_in_brackets_is_that_person(corpus: Corpus) -> None:
    # Three transliteration characters alone are as often a brand; the Latin name in brackets says it is a person,
    # and the report's day word after the brackets leaves the name to the verb.
    first = "某公司執行長奧蘭德（Tom Orland）6日表示，該公司不會要求政府提供任何擔保。"
    then = "奧蘭德強調，政府不應該挑選贏家或輸家。"
    brand = "特斯拉表示，新车型明年上市。"  # no Latin name in brackets: no person
    found = speakers(corpus, first + "\n\n" + then + "\n\n" + brand + "\n")
    assert found.get(first) == "tom-orland"
    assert found.get(then) == "tom-orland"
    assert brand not in found


def test_a_guest_labelled_by_the_first_name_of_a_full_latin_name_the_introduction_wrote_is_that_person(
    corpus: Corpus,
) -> None:
    intro = "我们邀请了某协议联合创始人 Tomas Verhoeven 进行了一场对谈。"
    turn = "Tomas:我的背景是机器学习,在进入区块链领域之前,我做了十年研究。"
    other = "Lena:我认为开源模型会越来越重要,因为大家都需要可控的模型。"  # no full name written: the label itself
    found = speakers(corpus, intro + "\n\n" + turn + "\n\n" + other + "\n")
    assert found.get(turn) == "tomas-verhoeven"
    assert found.get(other) == "lena"


def test_first_person_highlights_opening_an_interview_are_the_guests_not_the_hosts(corpus: Corpus) -> None:
    # Two labelled speakers: the host asks the questions; the unlabelled first-person paragraphs before the guest's
    # bio (the interview's highlights) are the guest's, the bio and what follows the dialogue are not.
    highlights = ["我们一直很重视数据的来源。", "事实本身不应被人独占。", "知识要能自由流动。"]
    bio = "Nora Quist是某搜索公司的创始人。"
    text = (
        f"{highlights[0]}\n\n{highlights[1]}{highlights[2]}\n\n{bio}\n\n"
        "Tom Hale:欢迎你来。你们怎么看版权?\n\n"
        "Nora Quist:谢谢邀请。我觉得版权要尊重。\n\n"
        "Tom Hale:那你们怎么标注来源?\n\n"
        "Nora Quist:我们会写明出处。\n"
    )
    found = speakers(corpus, text)
    assert all(found[sentence] == "nora-quist" for sentence in highlights)
    assert bio not in found


def test_first_person_paragraphs_opening_a_dialogue_where_nobody_asks_more_are_nobodys(corpus: Corpus) -> None:
    opening = "我们一直很重视数据的来源。"
    text = f"{opening}\n\nTom Hale:我觉得版权要尊重。\n\nNora Quist:我们会写明出处。\n"
    assert opening not in speakers(corpus, text)


def test_an_idiom_between_a_name_and_its_verb_is_no_part_of_the_name(corpus: Corpus) -> None:
    # 某某开宗明义指出: the idiom says how the person spoke; 明义 (明 is a family name too) is no person.
    view = "赵一鸣开宗明义指出,芯片补贴不是救济而是投资。"
    found = speakers(corpus, f"{view}\n")
    assert found.get(view) == "zhao-yiming"


def test_a_pronoun_after_a_description_is_the_subject_and_the_description_no_name(corpus: Corpus) -> None:
    # 曾身为创业家的他回忆: 他 is the person named before, and 为… no setting whose removal leaves a name (曾身).
    said = "曾身为工程师的他回忆,早年一块芯片就能做出一台样机。"
    found = speakers(corpus, f"赵一鸣指出,芯片补贴不是救济。{said}\n")
    assert found.get(said) == "zhao-yiming"


def test_an_appositive_after_the_name_and_a_comma_stands_between_it_and_the_verb(corpus: Corpus) -> None:
    # 某某,这位曾是…、后来成为…的官员认为:… : the appositive describes the person the name is.
    view = "某部部长赵一鸣,这位曾是工程师、后来成为芯片专家的官员认为:芯片补贴是一笔投资。"
    assert speakers(corpus, f"{view}\n").get(view) == "zhao-yiming"


def test_a_qa_labels_its_sides_by_who_asks_and_who_answers(corpus: Corpus) -> None:
    # 本刊问(以下简称问):… is the magazine's question, nobody's view; 赵一鸣答(以下简称答):… is 赵一鸣's answer.
    text = (
        "本刊问(以下简称问):芯片补贴的目标是什么?为什么政府要亲自来做?\n\n"
        "赵一鸣答(以下简称答):补贴是为了让企业敢于试错。其实企业最缺的是第一台样机。\n"
    )
    found = speakers(corpus, text)
    assert found.get("其实企业最缺的是第一台样机。") == "zhao-yiming"
    assert not any("亲自" in quote for quote in found)


def test_a_subheading_inside_the_one_guests_answer_does_not_end_it(corpus: Corpus) -> None:
    # A magazine's subheading between paragraphs of the only guest's answer: the first-person paragraph under it,
    # naming nobody, is the guest's answer going on.
    after = "我们希望企业自己建起护城河,而不是一直靠补贴。"
    text = f"问:芯片补贴的目标是什么?\n\n赵一鸣:补贴是为了让企业敢于试错。\n\n补贴之外的护城河\n\n{after}\n"
    assert speakers(corpus, text).get(after) == "zhao-yiming"


def test_an_adjective_between_a_pronoun_and_its_verb_tells_how_the_person_spoke(corpus: Corpus) -> None:
    # 他犀利指出,…: 犀利 says how 他 spoke; the view is the person named before (here under a subheading, so it is
    # read from the verb itself, not as the speech before going on).
    view = "他犀利指出,芯片差距的本质在于设计能力。"
    found = speakers(corpus, f"赵一鸣认为,芯片补贴是一笔投资。\n\n芯片差距的本质\n\n{view}\n")
    assert found.get(view) == "zhao-yiming"


def test_the_core_of_a_persons_views_on_a_field_after_a_colon_is_their_view(corpus: Corpus) -> None:
    # 某某的芯片观点核心在于:… sums up the person's views; a thing's core (芯片的核心在于:…) is nobody's.
    view = "赵一鸣的芯片观点核心在于:补贴应当只给自主研发。"
    thing = "芯片设计的核心在于:架构要简单。"
    assert speakers(corpus, f"{view}\n").get(view) == "zhao-yiming"
    assert thing not in speakers(corpus, f"赵一鸣出席了大会。{thing}\n")


def test_the_dates_of_a_timeline_a_person_gives_after_a_colon_are_their_view(corpus: Corpus) -> None:
    # 某某给出了多个具体的时间节点:2030年…, beside 给出了时间表:…: the dates are the person's prediction.
    view = "在这场对话中,赵一鸣给出了几个明确的时间节点:2028年芯片自给,2030年全面领先。"
    assert speakers(corpus, f"{view}\n").get(view) == "zhao-yiming"


def test_a_judgement_in_the_active_voice_with_a_comma_before_its_verb_is_the_subjects(corpus: Corpus) -> None:
    # 某某首先将…的核心问题,归结为“…”: a comma sets off the long object, and the judgement is still the subject's.
    view = "赵一鸣首先将芯片行业的核心问题,归结为“设计不足”和“产能过剩”。"
    assert speakers(corpus, f"{view}\n").get(view) == "zhao-yiming"


def test_the_stages_a_person_sorts_a_thing_into_are_their_view(corpus: Corpus) -> None:
    # 某某将…的发展划分为四个阶段 / 他把…概括为…: the framework is the subject's, as 将…归结为 is.
    view = "某研究院院长赵一鸣将芯片行业的演进划分为三个阶段。"
    assert speakers(corpus, f"{view}\n").get(view) == "zhao-yiming"
    summed = "赵一鸣把过去十年的算力竞争概括为一场成本之战。"
    assert speakers(corpus, f"{summed}\n").get(summed) == "zhao-yiming"
    # A company split into units is the person's act, no view.
    split = "赵一鸣将公司划分为六个事业部。"
    assert split not in speakers(corpus, f"{split}\n")


def test_stages_sorted_with_fen_wei_a_passive_description_and_a_changed_tune(corpus: Corpus) -> None:
    # 分为 sorts into stages as 划分为 does (a company split into units still no view); 被某某描述为 judges as 被某某
    # 形容为 does; 改口 before a colon hands over what the person now says.
    staged = "赵一鸣在会上发言。他将芯片的发展阶段分为三个时期,分别是模仿、追赶和领先。\n"
    assert speakers(corpus, staged).get("他将芯片的发展阶段分为三个时期,分别是模仿、追赶和领先。") == "zhao-yiming"
    split = "赵一鸣将公司分为六个事业部。"
    assert split not in speakers(corpus, f"{split}\n")
    passive = "新芯片被赵一鸣描述为比上一代有“更大的飞跃”。"
    assert speakers(corpus, f"{passive}\n").get(passive) == "zhao-yiming"
    now = "而最近他在播客中改口:“下一代芯片会让算力真正便宜下来。”"
    turned = f"某公司CEO赵一鸣去年曾说:“芯片是过剩的。”{now}\n"
    assert speakers(corpus, turned).get(now) == "zhao-yiming"


def test_an_occasion_after_yu_the_written_zai_sits_between_the_name_and_the_verb(corpus: Corpus) -> None:
    # 某某于致词中表示 writes 在 as 于: the occasion is no part of the name; the words after the verb are the person's.
    view = "赵一鸣于致词中表示,非常荣幸见证芯片协会打造智慧岛以及产业的再进化。"
    found = speakers(corpus, f"{view}从协会成立以来,与政府合作无间,不断推动芯片产业寻求解决方案。\n")
    assert found.get(view) == "zhao-yiming"
    assert found.get("从协会成立以来,与政府合作无间,不断推动芯片产业寻求解决方案。") == "zhao-yiming"


def test_looking_back_before_cheng_says_how_the_words_came_and_is_no_name(corpus: Corpus) -> None:
    # 某某在全员信中曾反思称,…: 曾反思 (曾 is a family name too) is no person; the words are the name's before it.
    view = "2024年3月,赵一鸣在全员信中曾反思称,过去两年公司的战线太长。"
    assert speakers(corpus, f"{view}\n").get(view) == "zhao-yiming"


def test_a_view_voiced_before_cheng_is_what_cheng_hands_over(corpus: Corpus) -> None:
    # 某某CEO赵一鸣发表观点称,…: the view is the one after 称, the person's.
    view = "近日出席某市芯片峰会期间,某公司CEO赵一鸣发表观点称,国产芯片将在三年内追上来。"
    assert speakers(corpus, f"{view}\n").get(view) == "zhao-yiming"


def test_biaoming_makes_a_stance_plain_but_not_an_identity(corpus: Corpus) -> None:
    # 某某再度表明…的决心: the person's stance; 某某表明身份 names no view.
    view = "时隔一年公开露面,赵一鸣再度表明公司在芯片赛道深耕的决心。"
    identity = "赵一鸣向门卫表明身份后进入了会场。"
    found = speakers(corpus, f"{view}\n\n{identity}\n")
    assert found.get(view) == "zhao-yiming"
    assert identity not in found


def test_xingrong_hands_over_a_description_but_not_as_an_adjective_or_beyond_words(corpus: Corpus) -> None:
    # 某某形容其…类似… / 某某形容项目进入…阶段: the person's description of a thing, a view; 难以形容 and 形容词 hand
    # over nothing.
    view = "赵一鸣形容新芯片的功耗与手机芯片相当。"
    stage = "赵一鸣形容项目已进入冲刺阶段。"
    beyond = "赵一鸣难以形容当时的心情。"
    adjective = "赵一鸣形容词用得很多。"
    found = speakers(corpus, f"{view}\n\n{stage}\n\n{beyond}\n\n{adjective}\n")
    assert found.get(view) == "zhao-yiming"
    assert found.get(stage) == "zhao-yiming"
    assert beyond not in found
    assert adjective not in found


def test_describing_before_a_comma_hands_over_a_view_and_describing_a_thing_names_nobody(corpus: Corpus) -> None:
    view = "赵一鸣描述,当人们脑中有很多想法,就需要更有秩序的方法来整理它们。"
    thing = "赵一鸣描述了新产品的外观。"
    found = speakers(corpus, f"{view}\n\n{thing}\n")
    assert found.get(view) == "zhao-yiming"
    assert thing not in found


def test_a_first_person_text_under_a_name_and_colon_title_is_the_writers(corpus: Corpus) -> None:
    # The title names the writer (某某:…) and the text never does: it speaks as 我 and introduces nobody else, so its
    # views, first-person or not, are the writer's.
    opening = "在我国,芯片的热潮比国外更盛。"
    view = "我认为,有必要冷静看待当前的芯片热。"
    text = f"如果要选今年的热词,芯片一定入选。{opening}\n\n我不是芯片设计者。{view}\n"

    def found(title: str, body: str) -> dict[str, str]:
        source = Source(id="new", title=title, text=body)
        with_text = dataclasses.replace(corpus, sources={"new": source})
        return {s.quote: s.speaker_id for s in suggest_claims(with_text, "new")}

    drafts = found("赵一鸣:对芯片热潮的几点思考", text)
    assert drafts.get(view) == "zhao-yiming"
    assert drafts.get(opening) == "zhao-yiming"
    # No name in the title, a title with no colon after the name, or a text in the third person: nobody.
    assert not found("对芯片热潮的几点思考", text)
    assert not found("赵一鸣谈芯片热潮的几点思考", text)
    assert not found(
        "赵一鸣:对芯片热潮的几点思考", text.replace("我不是芯片设计者。我认为", "业内人士不是芯片设计者,但认为")
    )
    # A text that names another person is a report, not the title's person's own writing.
    reported = f"{text}\n钱多多表示,芯片明年会降价。\n"
    assert found("赵一鸣:对芯片热潮的几点思考", reported).get(view) != "zhao-yiming"


def test_an_argument_without_i_under_a_name_and_colon_title_is_the_writers(corpus: Corpus) -> None:
    # An op-ed that never says 我: the title names its writer (某某:…), the text names nobody, quotes nothing, tells of
    # nobody as 他 and says nobody said or judged anything (深入观察便会发现 is the writer's own finding).
    view = "然而,深入观察便会发现,芯片行业的库存正在悄悄堆高。"
    text = f"眼下,芯片无疑是资本市场最热的题材。{view}这种繁荣,恰似沙上的楼阁。\n"

    def found(title: str, body: str) -> dict[str, str]:
        source = Source(id="new", title=title, text=body)
        with_text = dataclasses.replace(corpus, sources={"new": source})
        return {s.quote: s.speaker_id for s in suggest_claims(with_text, "new")}

    assert found("赵一鸣:芯片热潮终将退去", text).get(view) == "zhao-yiming"
    # A text that tells of someone as 他, quotes someone, or has anybody judge (业内人士认为) reports others: nobody's.
    assert not found("赵一鸣:芯片热潮终将退去", text.replace("眼下,", "他说,眼下"))
    assert not found("赵一鸣:芯片热潮终将退去", text.replace("这种繁荣", "“这种繁荣”"))
    assert not found("赵一鸣:芯片热潮终将退去", text.replace("眼下,", "业内人士认为,眼下"))


def test_an_argument_under_a_title_that_ends_with_its_writers_name_in_brackets_is_the_writers(corpus: Corpus) -> None:
    # An opinion page prints the columnist's name in brackets after the headline (芯片热潮的两种结局(某某)); the text
    # names nobody and argues alone: its views are that writer's. A bracketed aside that is no name stays nobody's.
    # A short term set off in quotation marks inside a clause (靠「芯片热」起家), a verb modifying a noun (反复强调的
    # 关键词) or inside one (分析师) has nobody speak.
    view = "然而,深入观察便会发现,芯片行业的库存正在悄悄堆高。"
    text = (
        f"眼下,芯片无疑是资本市场最热的题材,也是不必再去反复强调的关键词。{view}"
        "工程师与数据分析师都在追逐同一个故事。靠「芯片热」起家的繁荣,恰似沙上的楼阁。\n"
    )

    def found(title: str, body: str) -> dict[str, str]:
        source = Source(id="new", title=title, text=body)
        with_text = dataclasses.replace(corpus, sources={"new": source})
        return {s.quote: s.speaker_id for s in suggest_claims(with_text, "new")}

    assert found("芯片热潮的两种结局(赵一鸣)", text).get(view) == "zhao-yiming"
    assert found("芯片热潮的两种结局(赵一鸣)", text.replace("眼下,", "业内人士认为,眼下")).get(view) != "zhao-yiming"
    assert not found("芯片热潮的两种结局(图文)", text)
    # Words in quotation marks that make a sentence are someone's: no longer the writer arguing alone.
    quoted = text.replace("靠「芯片热」起家的繁荣", "「芯片热不会退,库存也不是问题。」这种说法")
    assert found("芯片热潮的两种结局(赵一鸣)", quoted).get(view) != "zhao-yiming"


def test_a_first_person_text_under_a_title_naming_the_persons_speech_is_theirs(corpus: Corpus) -> None:
    # The title names the speech after a comma (…峰会,某某演讲说了什么?) and the text, a repost of the speech, never
    # names its speaker: it speaks as 我 and introduces nobody else, so its views are that person's.
    view = "我们比任何时候都更需要把芯片做进每一台家电。"
    text = f"首先我要欢迎各位来到今年的芯片峰会。\n\n{view}\n"

    def found(title: str) -> dict[str, str]:
        source = Source(id="new", title=title, text=text)
        with_text = dataclasses.replace(corpus, sources={"new": source})
        return {s.quote: s.speaker_id for s in suggest_claims(with_text, "new")}

    assert found("某市芯片峰会,赵一鸣演讲说了什么?").get(view) == "zhao-yiming"
    assert found("赵一鸣的讲话:芯片进家电").get(view) == "zhao-yiming"
    # A title that names no speech (谈) is not the person's talk.
    assert view not in found("某市芯片峰会,赵一鸣谈芯片进家电")


def test_a_proposal_under_a_title_naming_a_members_speech_is_theirs(corpus: Corpus) -> None:
    # A session's printed speech under its title (某某委员的发言:…): the text never names her, says no 我 and states
    # what should be done, in the plain voice of a proposal; its points are hers.
    point = "一、 以补贴政策为抓手,破解芯片企业融资困难。"
    text = f"当前,芯片产业增长迅速,但仍存在部分问题。\n\n建议:\n\n{point}设立专项基金,支持中小企业研发。\n"

    def found(title: str) -> dict[str, str]:
        source = Source(id="new", title=title, text=text)
        with_text = dataclasses.replace(corpus, sources={"new": source})
        return {s.quote: s.speaker_id for s in suggest_claims(with_text, "new")}

    assert found("赵一鸣委员的发言:破解芯片企业融资困难").get(point) == "zhao-yiming"
    assert found("钱多常委的大会发言:破解芯片企业融资困难").get(point) == "qian-duo"
    # A title that names no speech, or no seat or post before it, is no member's printed speech.
    assert point not in found("赵一鸣委员谈破解芯片企业融资困难")
    assert point not in found("赵一鸣的观点:破解芯片企业融资困难")


def test_a_leaders_words_the_members_speech_cites_are_not_hers(corpus: Corpus) -> None:
    # The printed speech opens by citing a leader the text does not read as a name (某领导高度重视…,强调“…”): the words
    # in quotation marks are his, no view of hers. Her own sentence right after it still is.
    cited = "部门领导高度重视我国芯片产业发展,强调“要坚持自立自强,突出应用导向”。"
    own = "当前,芯片产业增长迅速,已经成为经济发展的新引擎。"
    text = f"{cited}{own}\n\n建议:\n\n一、 以补贴政策为抓手,破解芯片企业融资困难。\n"
    source = Source(id="new", title="赵一鸣委员的发言:破解芯片企业融资困难", text=text)
    with_text = dataclasses.replace(corpus, sources={"new": source})
    drafts = {s.quote: s.speaker_id for s in suggest_claims(with_text, "new")}
    assert drafts.get(own) == "zhao-yiming"
    assert cited not in drafts


def test_a_family_name_alone_before_a_verb_is_the_one_person_of_that_name(corpus: Corpus) -> None:
    # A report that names its official in full once and then by the family name alone (钱重申,…): the one person of
    # that family name the text names. With two of that family name, the bare one is nobody's.
    lede = "某市科技局局长钱多多昨日表示,芯片补贴明年加倍。\n\n"
    bare = "钱重申,补贴只发给自主研发的企业。"
    found = speakers(corpus, f"{lede}某市今年共建成三座算力中心。{bare}\n")
    assert found.get(bare) == "qian-duoduo"
    two = speakers(corpus, f"{lede}副局长钱一帆表示,细则下月公布。\n\n某市今年共建成三座算力中心。{bare}\n")
    assert two.get(bare) is None


def test_a_name_after_a_post_then_de_is_the_person_a_later_pronoun_is(corpus: Corpus) -> None:
    # 院长赵仲鸣的回应: the post marks where the name starts, so all three characters are the name (仲 is a family name
    # too), and 他 after the quotation that follows is that person.
    said = "“我特别喜欢这个回答,”他坦言,“芯片明年一定会降价。”"
    found = speakers(corpus, f"钱多多表示,算力会降价。\n\n某研究院院长赵仲鸣的积极响应。{said}\n")
    assert found.get(said) == "zhao-zhongming"


def test_a_name_after_a_post_then_a_clause_is_the_person_the_pronoun_after_it_is(corpus: Corpus) -> None:
    # 某公司CEO赵一鸣首当其冲,他在…会上表示,…: the post marks a name though no comma or 的 follows it, and 他 with a
    # setting before the verb is that person, not the speaker of the paragraph before.
    said = "某公司CEO赵一鸣首当其冲,他在财报电话会上表示,客户需求非常旺盛。"
    text = f"钱多多表示,市场存在泡沫。\n\n不过,更多人不以为然。{said}\n\n他认为,这是一个三年的周期。\n"
    found = speakers(corpus, text)
    assert found.get(said) == "zhao-yiming"
    assert found.get("他认为,这是一个三年的周期。") == "zhao-yiming"
    # Two posts and names before the pronoun: no telling which one it is, so none is learned from this.
    two = "某公司CEO赵一鸣和某基金创始人孙立首当其冲,他在财报电话会上表示,客户需求非常旺盛。"
    assert speakers(corpus, f"钱多多表示,市场存在泡沫。\n\n{two}\n").get(two) != "zhao-yiming"


def test_a_name_after_a_post_then_zai_is_the_person_a_later_pronoun_is(corpus: Corpus) -> None:
    # 尽管“网红医生”某医院感染科主任赵一鸣在现场泼了盆“冷水”:“…”他表示,…: the post marks a name that 在 (a setting)
    # follows, and 他 after the quotation is that person, not the speaker of the paragraph before.
    said = (
        "尽管“网红医生”某某大学附属某某医院感染科主任赵一鸣在现场给算力泼了盆“冷水”:“算力今天如日中天,但是我非常遗憾地"
        "告诉大家,这次是靠传统管理来实现的。”他表示,将来大模型可以改善公共卫生体系。"
    )
    assert speakers(corpus, f"钱多多表示,市场存在泡沫。\n\n{said}\n").get(said) == "zhao-yiming"
    # A body after a post's word (代表大会在…召开) is no name: 他 stays with the speaker before.
    met = "某省人民代表大会在北京召开。他表示,将来大模型可以改善公共卫生体系。"
    found = speakers(corpus, f"钱多多表示,市场存在泡沫。\n\n{met}\n")
    assert found.get("他表示,将来大模型可以改善公共卫生体系。") == "qian-duoduo"


def test_a_name_after_a_post_then_jiang_is_the_person_a_later_pronoun_is(corpus: Corpus) -> None:
    # 某实验室主任某某将…划分为…。…。他指出,…: the post marks a name that 将 follows (as 在 / 的 do), and 他 two sentences
    # on is that person, not the speaker of the paragraph before.
    text = (
        "钱多多表示,市场存在泡沫。\n\n"
        "某大学芯片实验室主任赵一鸣将于明年出席论坛。从早期的设计到制造,国内企业都在追赶。"
        "他指出,国产算力三年内能追上来。\n"
    )
    assert speakers(corpus, text).get("他指出,国产算力三年内能追上来。") == "zhao-yiming"


def test_a_lede_quotation_is_the_person_the_next_paragraph_opens_with_a_speech_verb(corpus: Corpus) -> None:
    # A quotation that is a paragraph of its own, naming nobody, after the writer's narrative; the next paragraph opens
    # with a sentence whose one named person speaks (谈及…,某某认为,…): the quotation is that person's, not nobody's.
    lede = "“今年上半年,我个人比较乐观地估计每家公司增长至少50%。”"
    text = (
        "钱多多表示,机器人行业今年发展很快。\n\n在政策的支持下,今年机器人出口增长超过了51%。\n\n"
        f"{lede}\n\n谈及何时迎来拐点,赵一鸣认为,机器人成功率达到80%就是突破。\n"
    )
    assert speakers(corpus, text).get(lede) == "zhao-yiming"
    # The next paragraph names two people: no telling whose the quotation is.
    two = text.replace("谈及何时迎来拐点,赵一鸣认为", "谈及钱多多的判断,赵一鸣认为")
    assert speakers(corpus, two).get(lede) is None


def test_a_lede_quotation_after_a_news_dateline_is_the_person_the_next_paragraph_names(corpus: Corpus) -> None:
    # 某新社北京3月3日电(记者 某某)“…。”: the agency's dateline opens the paragraph, yet the quotation after it is still
    # a lede of its own, the words of the person the next paragraph introduces.
    lede = "某新社北京3月3日电(记者 钱多多)“幻觉有利于文学创作,但在安全方面,幻觉确实会带来严重问题。”"
    text = (
        f"{lede}\n\n全国政协委员、某集团创始人赵一鸣近日在北京接受媒体采访时谈及幻觉的两面性。\n\n"
        "“大模型一旦胡乱编造信息,就会带来严重后果。”赵一鸣举例。\n"
    )
    assert speakers(corpus, text).get(lede) == "zhao-yiming"


def test_a_one_sentence_lede_quotation_after_a_sites_dateline_is_the_person_the_next_sentence_introduces(
    corpus: Corpus,
) -> None:
    # 某某网讯(记者 某某)“…。”: a site's dateline with no date, a quotation of one sentence, then in the same paragraph the
    # sentence that introduces the speaker after a post (COO) at an event named in quotes: the lede is that person's.
    lede = "某某网讯(记者 孙立 赵一鸣)“某地作为算力网络的枢纽,是大模型发展的底座。”"
    text = (
        f"{lede}3月5日,在“某某·某地”算力大会上,某某科技创始人兼COO钱多多作了题为《算力新时代》的主题演讲。\n\n"
        "钱多多说,明年的算力价格一定会降下来。\n"
    )
    assert speakers(corpus, text).get(lede) == "qian-duoduo"
    # A sentence after it that quotes words with a clause inside (“…,…”) may be someone else's speech: no telling.
    quoting = text.replace("在“某某·某地”算力大会上", "在一句“算力,就是生产力”的口号下")
    assert speakers(corpus, quoting).get(lede) is None


def test_a_name_inside_the_quotation_before_he_is_not_the_one_he_is(corpus: Corpus) -> None:
    # The speaker names someone inside his own quotation (我喜欢钱多多的回答): 他 after it is not that person.
    said = "“我特别喜欢钱多多的这个回答,”他坦言,“芯片明年一定会降价。”"
    found = speakers(corpus, f"钱多多表示,算力会降价。\n\n孙立表示赞同。{said}\n")
    assert found.get(said) == "sun-li"


def test_a_name_after_a_post_that_hands_over_a_quotation_by_a_colon_speaks_both_quotations(corpus: Corpus) -> None:
    # “…。” 创始人某某几乎无缝衔接,修正了问题的前提:“…”: no speech verb, but the sentence introduces the person after a
    # post and hands over a quotation; the quotation before it is theirs too, in straight quotes as in curly ones.
    # 几乎 is an adverb: the name is the two characters before it.
    first = "“首先,100亿不够。”"
    then = "某公司创始人孙立几乎无缝衔接,修正了问题的前提:“如果我只有100亿,我肯定会找更多的朋友一起做。”"
    for text in (f"{first}{then}", f"{first}{then}".replace("“", '" ').replace("”", '"')):
        found = speakers(corpus, f"{text}\n")
        assert [who for quote, who in found.items() if "首先,100亿不够" in quote] == ["sun-li"]
        assert [who for quote, who in found.items() if quote.startswith("某公司创始人孙立")] == ["sun-li"]


def test_a_view_he_or_she_hands_over_by_a_colon_after_a_short_verb_phrase_is_theirs(corpus: Corpus) -> None:
    # No verb of speech: 她 and a short verb phrase (只想泼冷水) hand over a view by a colon; the sentence after it goes on.
    voiced = "别人都在聊芯片会有多便宜,而她只想泼冷水:这些乐观的预测,正在误导投资者。"
    text = f"赵一鸣说,她是行业里最谨慎的人。{voiced}\n"
    assert speakers(corpus, text).get(voiced) == "zhao-yiming"
    # A count of things done (他做了三件事:…) is the writer's narration.
    done = "他做了三件事:裁员、降价、开源全部的模型。"
    assert done not in speakers(corpus, f"赵一鸣说,芯片会降价。\n\n去年公司很艰难。{done}\n")


def test_the_subject_after_its_organisation_and_post_speaks_the_verb_of_a_later_clause(corpus: Corpus) -> None:
    # 提出了质疑 hands over nothing; 认为 in the next clause has the sentence's subject, named after its post.
    lead = "某某创投合伙人钱多多近期对芯片领域提出了质疑,认为这些公司的估值虚高。"
    found = speakers(corpus, f"{lead}\n\n钱多多表示,算力会降价。\n")
    assert found.get(lead) == "qian-duoduo"


def test_the_latter_is_the_person_named_last_before_it(corpus: Corpus) -> None:
    # 后者 before the verb: the person the sentence named last (钱多多); the paper that points it out is no person.
    latter = "某报指出,他的批评是针对某公司首席执行官钱多多,后者曾公开表示芯片会取代一半的工作。"
    assert speakers(corpus, f"{latter}\n").get(latter) == "qian-duoduo"
    # 后者 after two things, no person: nobody.
    things = "比起开源和闭源,后者曾被认为更安全,业内普遍表示芯片会降价。"
    assert things not in speakers(corpus, f"{things}\n")


def test_no_name_starts_inside_a_dictionary_word(corpus: Corpus) -> None:
    # 形成 is a verb: 成 after 形 starts no family name, so "成鲜明" before 对比 is nobody; nor is 文小 in 网文小说 (网文 a
    # noun, 说 no verb here); after a post 成 does start one.
    contrast = "这一做法与同行的封闭路线形成鲜明对比,它为行业提供了另一条路。"
    novels = "他们的用户大多是网文小说爱好者,这是最重要的人群。"
    titled = "某公司董事长成立新指出,芯片明年会降价。"
    found = speakers(corpus, f"{contrast}\n\n{novels}\n\n{titled}\n")
    assert contrast not in found
    assert novels not in found
    assert found.get(titled) == "cheng-lixin"


def test_an_op_ed_a_person_wrote_in_a_paper_is_theirs_lead_and_full_text(corpus: Corpus) -> None:
    # 某某在《报》撰文称: the paper and 撰文 stand between the name and the verb; the full text printed after the lead,
    # in the first person and naming nobody, is the writer's.
    lead = "北京时间5月3日,某公司CEO赵一鸣在英国《环球商报》撰文称,开源是中国的优势。"
    body = ["去年,某模型发布后,股市下跌。", "对此,我深有体会。", "我相信开源社区的力量会越来越大。"]
    posted = "钱多多发文表示,算力的价格明年会减半。"
    text = f"{lead}\n\n以下是文章全文:\n\n{body[0]}\n\n{body[1]}{body[2]}\n\n{posted}\n"
    found = speakers(corpus, text)
    assert found.get(lead) == "zhao-yiming"
    assert all(found.get(sentence) == "zhao-yiming" for sentence in body[1:])
    assert found.get(posted) == "qian-duoduo"
    # Without a lead saying someone wrote it, "以下是文章全文:" hands the text to nobody.
    assert not speakers(corpus, f"以下是文章全文:\n\n{body[1]}{body[2]}\n")


def test_a_manner_adverbial_starts_at_a_word_not_inside_the_name(corpus: Corpus) -> None:
    # 相当坦诚地: the adverbial starts with the word 相当, so the name before it is 孙立, not 孙立相.
    candid = "对此,孙立相当坦诚地表示,国产芯片还差得远。"
    moved = "钱多多很感慨地说,创业最难的是找到对的人。"
    found = speakers(corpus, f"{candid}\n\n{moved}\n")
    assert found.get(candid) == "sun-li"
    assert found.get(moved) == "qian-duoduo"


def test_a_promise_before_a_comma_hands_over_what_was_promised(corpus: Corpus) -> None:
    promise = "孙立承诺,公司明年会开源全部模型。"
    thing = "孙立承诺了一笔投资。"  # a promise made, no words handed over
    found = speakers(corpus, f"{promise}\n\n{thing}\n")
    assert found.get(promise) == "sun-li"
    assert thing not in found


def test_a_short_transliteration_after_a_post_or_referred_to_as_he_is_a_person(corpus: Corpus) -> None:
    # Three transliteration characters alone are as often a brand (特斯拉); a post right before them, or 他 / 她
    # referring back to them, says they are a person's name.
    titled = "某公司首席执行官奥纳特表示,明年的模型会更便宜。"
    alone = "奥纳特认为,开源会追上闭源。"
    said = "埃塔曼表示,模型的价格会继续下降,这与他本人的判断一致。"
    then = "埃塔曼指出,算力仍然是瓶颈。他还说,数据比算力更稀缺。"
    found = speakers(corpus, "\n\n".join([titled, alone]) + "\n")
    assert found.get(titled) == "ao-nate"
    assert found.get(alone) == "ao-nate"
    found = speakers(corpus, f"{said}\n\n{then}\n")
    assert found.get(said) == "ai-taman"
    assert found.get(then.split("。")[0] + "。") == "ai-taman"
    # A brand said to speak, referred to as 它 or 他们, stays no person.
    brand = "特斯拉表示,新车型明年上市。它还称,价格会下降。\n\n特斯拉指出,他们会继续降价。\n"
    assert not speakers(corpus, brand)
    # 代表 before a country is a verb (to represent), not a post.
    assert not speakers(corpus, "这支球队代表卡塔尔出战。\n\n卡塔尔表示,将全力支持球队。\n")


def test_a_short_transliteration_referred_to_as_he_opening_the_next_paragraph_is_a_person(corpus: Corpus) -> None:
    # The view closes its paragraph; 他 opening the next paragraph (after a short setting) refers back to the name
    # as 他 in the same paragraph would.
    view = "埃塔曼则认为,小模型终将取代大模型。"
    then = "在这个问题上,他最看重的是成本,而不是参数的多少。"
    found = speakers(corpus, f"{view}\n\n{then}\n")
    assert found.get(view) == "ai-taman"
    # A brand said to speak, then 它 opening the next paragraph, stays no person.
    assert not speakers(corpus, "特斯拉则认为,新车型明年上市。\n\n在价格上,它还会继续降价。\n")


def test_he_said_inside_a_quotation_is_the_quoted_persons_words_not_the_attribution(corpus: Corpus) -> None:
    # The quotation reports what someone else said (他说…); the attribution after the closing quote names the speaker.
    before = "孙立表示,算力是最大的瓶颈。"
    quoted = "“我们谈过这件事,他说‘越快越好’,”钱多多表示,“越快越好。”"
    found = speakers(corpus, f"{before}\n\n{quoted}\n")
    assert found.get(quoted.split("“越快越好。”")[0] + "“越快越好。”") == "qian-duoduo"


def test_a_commentary_on_a_persons_quoted_words_is_the_writers_and_does_not_carry_on(corpus: Corpus) -> None:
    # The quoted words are named by a noun inside the writer's sentence (关于“…”的论断引发…): the sentence gives the
    # person's words, but what follows is the writer's comment, not the person's speech going on.
    named = "在论坛上,赵一鸣关于“闭源是一条死路”的论断引发行业深思。"
    comment = "这一现象确实为行业提供了独特优势,但断言胜负可能为时尚早。"
    # A speech verb before 的 modifies a noun (某某强调的口号), and words the writer reads a meaning from (口号表明…) are
    # the writer's reading.
    reading = "赵一鸣强调的“先落地”口号表明,商业化能力才是检验价值的终极标准。"
    # 正如某某所言,… cites the person's view.
    cited = "正如赵一鸣所言,企业落地需要解决三大问题。"
    again = "正如他所说,场景比模型更重要。"
    found = speakers(corpus, f"{named}{comment}\n\n{reading}\n\n{cited}\n\n{again}\n")
    assert found.get(named) == "zhao-yiming"
    assert comment not in found
    assert reading not in found
    assert found.get(cited) == "zhao-yiming"
    assert found.get(again) == "zhao-yiming"


def test_a_cited_view_after_a_conjunction_is_the_persons(corpus: Corpus) -> None:
    # 但诚如某院院长某某所言,…: a conjunction before 诚如 / 正如, and the person named only after a post, not yet known.
    cited = "但诚如某某大学金融研究院院长赵一鸣所言,疫情冲击了我们的生活,这一切都是大模型发展的结果。"
    found = speakers(corpus, f"钱多多表示,市场存在泡沫。\n\n{cited}\n")
    assert found.get(cited) == "zhao-yiming"


def test_a_transliteration_misspelt_in_its_middle_character_is_the_person_it_spells(corpus: Corpus) -> None:
    # The text writes 杰克·奥纳特 once, then 奥拉特 (one character of the middle wrong): 他 after it is that person,
    # not the person named before.
    text = (
        "某公司CEO杰克·奥纳特表示,模型会更便宜。\n\n"
        "孙立则认为,价格战不会持续。\n\n"
        "奥拉特随后走上台。他表示,开源会追上闭源。\n"
    )
    found = speakers(corpus, text)
    assert found.get("他表示,开源会追上闭源。") == found.get("某公司CEO杰克·奥纳特表示,模型会更便宜。")
    assert found.get("他表示,开源会追上闭源。") is not None


def test_a_transliteration_whose_first_character_spells_the_same_opening_sound_is_the_person(corpus: Corpus) -> None:
    # The text writes 杰克·阿纳特 once, then 奥纳特 (a and ao: the same name transliterated another way): the quotation
    # 奥纳特 hands over is that person's.
    first = "某公司CEO杰克·阿纳特表示,模型会更便宜。"
    memo = "12月1日,奥纳特向全体员工发出内部信:“我们正处于最关键的时刻。”"
    found = speakers(corpus, f"{first}\n\n孙立则认为,价格战不会持续。\n\n{memo}\n")
    assert found.get(memo) is not None
    assert found.get(memo) == found.get(first)
    # A first character of another sound (伊 yi, not a) is no spelling of the same name: 他 after it is not them.
    other = "伊纳特随后走上台。他表示,开源会追上闭源。"
    found = speakers(corpus, f"{first}\n\n孙立则认为,价格战不会持续。\n\n{other}\n")
    assert found.get("他表示,开源会追上闭源。") != found.get(first)


def test_a_short_transliteration_that_feels_or_answers_in_the_first_person_is_a_person(corpus: Corpus) -> None:
    # A company says (表示) but does not feel or sigh (感慨); nor does it answer a question as 我 under its label.
    sighed = "奥纳特感慨,模型现在太贵了,这是最大的问题。"
    answers = ["奥纳特:我们会开源一部分模型,这是最重要的决定。", "奥纳特:我觉得安全最重要。"]
    text = f"{sighed}\n\n问:你们明年会开源吗?\n\n{answers[0]}\n\n问:为什么?\n\n{answers[1]}\n"
    found = speakers(corpus, text)
    assert found.get(sighed) == "ao-nate"
    assert all(found.get(answer) == "ao-nate" for answer in answers)
    statement = "特斯拉:新车型明年上市,价格会下降。"  # a label over no first-person answer
    assert statement not in speakers(corpus, f"问:新车什么时候上市?\n\n{statement}\n")


def test_another_person_as_a_sentences_subject_takes_over_the_run_of_reported_speech(corpus: Corpus) -> None:
    # 孙立's reported view, then a sentence whose subject is 钱多多 (after a post) telling what he shared: the sentences
    # after it that name nobody carry on 钱多多's account, not 孙立's.
    text = (
        "钱多多表示,创业要先找场景。\n\n"
        "孙立指出,芯片明年会降价。某公司 CEO 钱多多分享了他们看到的变化,用户不再只要陪伴。"
        "现在落地的场景是角色扮演,这是最大的机会。\n"
    )
    assert speakers(corpus, text).get("现在落地的场景是角色扮演,这是最大的机会。") == "qian-duoduo"


def test_a_turn_labelled_with_a_company_then_a_name_is_that_persons(corpus: Corpus) -> None:
    # A roundtable's guests labelled "公司 名字:"; only the host's label is a bare name. Each answer is its guest's.
    text = (
        "赵一鸣:请各位介绍一下自己,以及公司最大的不同。\n\n"
        "星河动力 孙立:我是孙立。我们认为机器人必须软硬件一起设计,这才是落地的路。\n\n"
        "云帆科技集团 钱多多:我是钱多多。我希望机器人三年内走进家庭。\n"
    )
    found = speakers(corpus, text)
    assert found.get("我们认为机器人必须软硬件一起设计,这才是落地的路。") == "sun-li"
    assert found.get("我希望机器人三年内走进家庭。") == "qian-duoduo"
    # A company and a word that is no name (方案 opens with a family name's character) label nobody's turn.
    heading = "星河动力 方案:我们认为机器人明年上市,价格会下降。"
    assert person_id_for("方案") not in speakers(corpus, f"市场很热。\n\n{heading}\n").values()


def test_a_dotted_name_after_a_post_is_learned_whole_not_by_its_first_part(corpus: Corpus) -> None:
    # The post stands right before the dotted name's first part (CEO埃纳·罗斯克); 他 after it is the whole name.
    text = "身在海外的某公司创始人、CEO埃纳·罗斯克则以连线方式参会。他说,工厂的进展很顺利,为团队感到自豪。\n"
    found = speakers(corpus, text)
    assert found.get("他说,工厂的进展很顺利,为团队感到自豪。") == person_id_for("埃纳·罗斯克")


def test_he_is_the_person_named_as_the_subject_of_the_sentence_before(corpus: Corpus) -> None:
    # The name opens the sentence's subject after a relative clause (…的某某医生) or after a setting and a comma; 他
    # opening the next sentence is that person, not the one named in the paragraph before.
    text = (
        "钱多多表示,芯片明年会降价。\n\n"
        "在去年冬天成为网红的赵一鸣医生也受邀参加了大会,其身份为某医院主任。"
        "他直言,模型在看病上还帮不了太多忙。\n\n"
        "在过去一年的起伏中,孙立反复读了一本书。\n\n"
        "在他看来,创业就是不断解决问题的过程。\n"
    )
    found = speakers(corpus, text)
    assert found.get("他直言,模型在看病上还帮不了太多忙。") == "zhao-yiming"
    assert found.get("在他看来,创业就是不断解决问题的过程。") == "sun-li"


def test_a_two_character_name_before_the_adverb_zeng_is_not_read_with_it(corpus: Corpus) -> None:
    # 孙立曾是…: 曾 (once) is an adverb here, not the third character of the name, though it is a family name too;
    # 他 in the next paragraph is 孙立.
    text = (
        "某某大会上,某集团技术委员会主席孙立对芯片进行了反思。孙立曾是某集团CTO,也是他一手促成了芯片业务的壮大。\n\n"
        "他认为,芯片不只是单独学科的问题。\n"
    )
    assert speakers(corpus, text).get("他认为,芯片不只是单独学科的问题。") == "sun-li"


def test_a_turn_labelled_by_a_post_alone_is_the_person_the_text_introduced_with_it(corpus: Corpus) -> None:
    # The intro writes the post and the name together; the turns are labelled by the post alone.
    text = (
        "以下是数字经济及信息化局局长钱多多教授今日会见传媒的谈话内容:\n\n"
        "数字经济及信息化局局长:我们认为这个论坛非常重要。\n\n"
        "记者:局长,大模型什么时候给公众用?\n\n"
        "数字经济及信息化局局长:我们的大模型已经可以给全社会使用了。\n"
    )
    found = speakers(corpus, text)
    assert found.get("数字经济及信息化局局长:我们认为这个论坛非常重要。") == "qian-duoduo"
    assert found.get("数字经济及信息化局局长:我们的大模型已经可以给全社会使用了。") == "qian-duoduo"


def test_zhi_before_a_quotation_is_a_verb_of_speech(corpus: Corpus) -> None:
    # 指 "points out" hands over the words in quotation marks; 指标 / 手指 name nobody's saying.
    said = "被问到对手能否追上时,赵一鸣指「芯片没有秘密」,价格才是关键。"
    text = f"{said}\n\n这个指标很重要,能看出成本的变化。\n\n孙立用手指了指屏幕,模型跑得很快。\n"
    found = speakers(corpus, text)
    assert found.get(said) == "zhao-yiming"
    assert set(found) == {said}
    # The page cut the text's last sentence short after the quotation had closed: the quoted words are whole.
    cut = "被问到大厂能否拉开差距时,赵一鸣指「算法没有秘密」,如某公司的显卡技"
    assert speakers(corpus, f"{said}\n\n{cut}").get(cut) == "zhao-yiming"


def test_a_whole_quotation_before_the_next_one_the_page_cut_is_drafted(corpus: Corpus) -> None:
    # The page cut the text's last sentence where a second quotation had just opened: the first one, closed on its full
    # stop, is whole, a word quoted inside it and whom the words were told before the colon notwithstanding.
    lede = "赵一鸣去年谈到算力时说,价格才是关键。\n\n"
    cut = "赵一鸣告诉某周刊:「我认为那些谈论『过剩』的人,思维太过狭隘,只看眼前几个月的回报。」「我认为"
    assert speakers(corpus, lede + cut).get(cut) == "zhao-yiming"


def test_a_name_after_a_company_the_text_lists_opens_that_persons_paragraph(corpus: Corpus) -> None:
    # A summit report: the companies listed once, then one paragraph per speaker opened by company and name. The name
    # after a listed company is a person's, even with a character that is usually a function word (陈德里); the
    # sentences after the one that names them, with no verb, carry on their account.
    text = (
        "今天,星河动力、云帆科技、深海求索三家公司的负责人首次同台。\n\n"
        "云帆科技钱多多分享了机器人落地的路径,先进工厂,再进家庭。最大的挑战是数据太少。"
        "他举例说,一台机器人要学一千次才会拧螺丝。\n\n"
        "深海求索陈德里表示,长期主义是公司最大的优势。\n"
    )
    found = speakers(corpus, text)
    assert found.get("最大的挑战是数据太少。") == "qian-duoduo"
    assert found.get("他举例说,一台机器人要学一千次才会拧螺丝。") == "qian-duoduo"
    assert found.get("深海求索陈德里表示,长期主义是公司最大的优势。") == person_id_for("陈德里")


def test_giving_an_example_between_the_pronoun_and_the_verb_leaves_the_pronoun_to_be_read(corpus: Corpus) -> None:
    said = ["他举例说,去年的芯片价格已经降了一半。", "她打了个比方称,模型就像发电厂,谁都离不开。"]
    text = f"孙立有着漂亮的履历。\n\n{said[0]}\n\n钱多多也来了,她刚回国。\n\n{said[1]}\n"
    found = speakers(corpus, text)
    assert [found.get(s) for s in said] == ["sun-li", "qian-duoduo"]


def test_a_view_before_glad_to_tell_you_is_drafted_but_a_pleasantry_is_not(corpus: Corpus) -> None:
    view = "孙立表示,我们认为这个论坛非常重要,而且我很高兴告诉大家,明年论坛会在本市举行。"
    pleasantry = "钱多多表示,我很高兴来到这里,见到这么多朋友。"
    found = speakers(corpus, f"{view}\n\n{pleasantry}\n")
    assert found.get(view) == "sun-li"
    assert pleasantry not in found


def test_a_guest_saying_their_own_name_is_no_draft(corpus: Corpus) -> None:
    text = "孙立:我是孙立,星河动力的创始人。我们认为机器人必须软硬件一起设计。\n\n钱多多:我叫钱多多。我希望机器人走进家庭。\n"
    assert speakers(corpus, text) == {
        "我们认为机器人必须软硬件一起设计。": "sun-li",
        "我希望机器人走进家庭。": "qian-duoduo",
    }


def test_a_comparison_drawn_after_a_colon_is_the_persons_view(corpus: Corpus) -> None:
    view = "为说明算力的作用,某大学教授钱多多打了个生动的比方:算力是发动机,数据是燃油,缺一不可。"
    found = speakers(corpus, f"会议在本市举行。\n\n{view}\n")
    assert found.get(view) == "qian-duoduo"


def test_a_quotation_opening_a_paragraph_is_the_person_the_next_sentence_names(corpus: Corpus) -> None:
    quotation = "“芯片的上限是由工艺决定的。”"
    named = "为说明工艺的重要性,某研究院院长钱多多表示,工艺是地基,设计是楼房,地基不牢楼就不高。"
    text = (
        "某部门副部长孙立表示,国产芯片三年内能追上国际水平。\n\n"
        "他认为,价格战不会一直持续下去。\n\n"
        f"{quotation}{named}\n"
    )
    found = speakers(corpus, text)
    assert found.get("他认为,价格战不会一直持续下去。") == "sun-li"
    assert found.get(quotation) == "qian-duoduo"
    assert found.get(named) == "qian-duoduo"


def test_a_manner_adverbial_after_a_linking_adverb_leaves_the_name_to_be_read(corpus: Corpus) -> None:
    said = "孙立还乐观地表示,明年国产芯片的价格会降一半。"
    found = speakers(corpus, f"钱多多认为,大模型的价格战不会持续。\n\n{said}\n")
    assert found.get(said) == "sun-li"


def test_a_relayed_clause_with_its_own_subject_is_that_persons_view(corpus: Corpus) -> None:
    relayed = "他引述了孙立在一次采访中的话,孙立不仅承认了对手的实力,还预测追上只是时间问题。"
    own = "他认为,国产芯片三年内能追上国际水平。"
    found = speakers(corpus, f"钱多多在一次分享中谈到了芯片。\n\n{own}\n\n{relayed}\n")
    assert found.get(own) == "qian-duoduo"
    assert found.get(relayed) == "sun-li"


def test_the_paragraph_before_a_made_the_above_remarks_sentence_is_that_persons(corpus: Corpus) -> None:
    lead = "某芯片公司的创办人兼首席执行官ACME星期二表示,国产芯片三年内能追上国际水平,价格战不会一直持续下去。"
    found = speakers(corpus, f"{lead}\n\n孙立是在一次行业会议上作上述表示的。\n\n会议为期两天。\n")
    assert found.get(lead) == "sun-li"


def test_a_list_of_views_introduced_by_the_guests_given_name_is_that_guests(corpus: Corpus) -> None:
    # The intro names the guest in full after a post and a comma (嘉宾是某公司创始人,某某某。), then calls him by his given
    # name alone over the list of his views (那时某某就有一些犀利的观点,包括:).
    text = (
        "今天的节目,嘉宾是某科技创始人,严思远。\n\n"
        "回顾这次讨论,那时思远就有一些犀利的观察和观点,包括:\n\n"
        "* 国产芯片三年内一定能追上国际水平。\n\n"
        "* 大模型的价格战不会一直持续下去。\n\n"
        "在公司成立的那一年,他写过一篇文章。\n"
    )
    found = speakers(corpus, text)
    assert found.get("* 国产芯片三年内一定能追上国际水平。") == person_id_for("严思远")
    assert found.get("* 大模型的价格战不会一直持续下去。") == person_id_for("严思远")
    # A given name that is a word of the dictionary (明天 / 国家) is never read as one.
    text = text.replace("严思远", "严明天").replace("那时思远", "那时明天")
    assert "* 国产芯片三年内一定能追上国际水平。" not in speakers(corpus, text)


def test_a_long_attribution_after_a_closed_quotation_is_not_drafted_alone(corpus: Corpus) -> None:
    # The speaker's posts and the setting make the attribution longer than a short tail; it ends on its verb of saying.
    quotation = "“国产芯片三年内一定能追上国际水平,价格战不会一直持续下去。”"
    attribution = "全国人大代表、某某集团创始人钱多多在接受记者采访时说。"
    found = speakers(corpus, f"{quotation}{attribution}\n")
    assert found == {quotation + attribution: "qian-duoduo"}
    # A sentence after the quotation with a clause of its own is a sentence of its own.
    own = "某某集团创始人钱多多在接受记者采访时说,明年的价格会降到一半以下。"
    assert found != speakers(corpus, f"{quotation}{own}\n")
    assert speakers(corpus, f"{quotation}{own}\n").get(own) == "qian-duoduo"


def test_a_dotted_name_whose_first_part_ends_in_fu_is_learned_after_its_post(corpus: Corpus) -> None:
    # 夫 spells a syllable of foreign names as 斯 does (杰夫, 戈尔巴乔夫): the dotted name after the post is a person's, so
    # its view after 并认为 at the end of a long first clause, and 他 in the next sentence, are that person's, though no
    # speech verb follows the name itself (the setting before 谈及 is none the rules take off).
    text = (
        "某云公司创始人杰夫·蒙塔近日在一场晚宴间隙谈及开源模型时,将其比作早年的操作系统之争,"
        "并认为即便闭源公司一时领先,开源最终也会胜出。他强调,闭源公司的护城河正在变浅。\n"
    )
    found = speakers(corpus, text)
    first, second = text.strip().split("。", 1)
    assert found.get(first + "。") == person_id_for("杰夫·蒙塔")
    assert found.get(second) == person_id_for("杰夫·蒙塔")


def test_a_tv_scripts_sound_bite_is_the_speaker_named_after_the_post_and_a_blank(corpus: Corpus) -> None:
    # "POST NAME:「…」": the blank after the post marks where the name starts, so a short foreign name spelt in
    # transliteration characters is the speaker's; the bite is one paragraph (the narration after it is the writer's),
    # and the reporter's question in the same form is nobody's view.
    text = (
        "【某某电视台 5月3日讯】周二,多位科技公司负责人来到国会作证。\n\n"
        "某党参议员 赵一鸣:「我们必须先弄清楚模型的风险,再谈如何监管。」\n\n"
        "某某电视台记者 钱多多:「您认为今天的听证会能改变什么吗?」\n\n"
        "某党众议员 塔默:「监管来得太晚了,企业已经走在了前面。」\n\n"
        "这场听证会一共持续了三个多小时,双方各执一词。\n"
    )
    found = speakers(corpus, text)
    assert found.get("某党众议员 塔默:「监管来得太晚了,企业已经走在了前面。」") == person_id_for("塔默")
    assert found.get("某党参议员 赵一鸣:「我们必须先弄清楚模型的风险,再谈如何监管。」") == "zhao-yiming"
    assert "某某电视台记者 钱多多:「您认为今天的听证会能改变什么吗?」" not in found
    assert "这场听证会一共持续了三个多小时,双方各执一词。" not in found


def test_a_post_and_name_label_alone_on_its_line_hands_its_turn_to_the_paragraph_under_it(corpus: Corpus) -> None:
    # "POST NAME:" on a line of its own, no quotation after the colon: no sound bite, whose turn would end with the
    # label's own paragraph; the answer is the paragraph under it.
    answer = "我这次来的原因是,我们的模型上周刚发布,我觉得市场会很大。"
    text = f"某公司董事长 钱多多:\n\n{answer}\n\n他还强调,竞争很激烈。\n"
    found = speakers(corpus, text)
    assert found.get(answer) == "qian-duoduo"
    assert found.get("他还强调,竞争很激烈。") == "qian-duoduo"


def test_a_latin_name_after_an_abbreviated_title_in_brackets_is_the_persons_id(corpus: Corpus) -> None:
    # 参议员 is a post like 委员; the bracket holds the Latin name after "Sen." (longer than a role in brackets may
    # be): it is taken off before the verb and gives the id, as a bare Latin name in brackets does.
    text = "而参议员卡塔兰(Sen. Peter Kataran)则对记者表示,两党可以就芯片出口达成一致。\n"
    assert speakers(corpus, text) == {text.strip(): "peter-kataran"}


def test_a_latin_name_in_brackets_with_a_middle_initial_gives_the_persons_id(corpus: Corpus) -> None:
    # 罗思德 reads as a Chinese name, but the Latin name after it (a middle initial in it, with or without a space after
    # its dot) shares no sound with it: the person's id is the Latin name's, as it is without an initial.
    for latin, person in (("Peter J.Hollowell", "peter-j-hollowell"), ("Peter J. Hollowell", "peter-j-hollowell")):
        said = f"“有了大模型,企业可以打造更加灵活的供应链。”某集团创始人罗思德({latin})说。"
        assert speakers(corpus, f"{said}\n\n罗思德的这段话通过全息投影呈现。\n") == {said: person}


def test_two_characters_always_glued_to_the_same_character_are_no_name(corpus: Corpus) -> None:
    # 宋人 reads as a name (family name 宋), but the text writes it only inside the channel's name 新宋人, on every line:
    # the tail of a word, not the person who speaks.
    text = (
        "【新宋人电视台 5月3日讯】周二,多位科技公司负责人来到国会作证。\n\n"
        "该议员随后则对新宋人表示,两党可以就芯片出口达成一致。\n\n"
        "新宋人电视台记者 钱多多 国会报道\n"
    )
    sentence = "该议员随后则对新宋人表示,两党可以就芯片出口达成一致。"
    assert speakers(corpus, text).get(sentence) != person_id_for("宋人")
    # Written once, or where a word starts, the same two characters are still read as a name.
    assert speakers(corpus, "而对宋人表示,两党可以就芯片出口达成一致。\n") == {
        "而对宋人表示,两党可以就芯片出口达成一致。": person_id_for("宋人")
    }


def test_he_after_a_titled_name_in_the_same_sentence_is_that_person_not_the_one_named_before(corpus: Corpus) -> None:
    # The sentence introduces a new person with a title after the name (某某教授) and goes on with ",他认为,": 他 is
    # that person, though the text named another speaker before; the woman the text calls 她 stays herself.
    text = (
        "钱多多表示,今年的论坛有一半在谈大模型。\n\n"
        "论坛第一天,知名学者赵一鸣教授进行趋势分析,他认为,国产芯片三年内能追上来。\n\n"
        "钱多多提到,成本才是企业最关心的问题。她观察,这次论坛各界都在分享自己的做法。\n"
    )
    found = speakers(corpus, text)
    assert found.get("论坛第一天,知名学者赵一鸣教授进行趋势分析,他认为,国产芯片三年内能追上来。") == "zhao-yiming"
    assert found.get("她观察,这次论坛各界都在分享自己的做法。") == "qian-duoduo"


def test_observing_hands_over_a_view_only_before_a_comma(corpus: Corpus) -> None:
    # 观察 is a verb of seeing like 观察到: before a comma it hands over what was seen; "观察了市场" names nobody's view.
    found = speakers(corpus, "钱多多观察,国产芯片的价格三年内会降一半。\n\n钱多多观察了三年的市场。\n")
    assert found == {"钱多多观察,国产芯片的价格三年内会降一半。": "qian-duoduo"}


def test_counted_key_points_drawn_for_an_event_are_the_persons(corpus: Corpus) -> None:
    # 为这次论坛 is a setting between the name and the verb (as 对… / 向… are); 画出三大重点 counts the points the sentence
    # then starts to make (第一就是…).
    sentence = "钱多多为这次论坛画出三大重点,第一就是芯片出口管制对整个行业的影响。"
    assert speakers(corpus, f"{sentence}\n") == {sentence: "qian-duoduo"}


def test_own_words_after_the_clause_that_names_the_speaker_and_the_setting(corpus: Corpus) -> None:
    # 以「…」一席话 opens the clause after the one naming the speaker in a setting (某某在闭幕致词中,以「…」…): the words are
    # that person's.
    sentence = "论坛圆满闭幕,主办方董事长钱多多在闭幕致词中,以「希望每一家企业都能用好大模型」一席话,为论坛写下注解。"
    assert speakers(corpus, f"{sentence}\n") == {sentence: "qian-duoduo"}


def test_a_sound_bites_speaker_is_known_in_the_lede_before_the_bite(corpus: Corpus) -> None:
    # The lede names the senator by a short transliteration and sets the name off from the setting by a comma
    # (某某,向本台表示,…); the bite below gives the name after its post. The presenter's handover to the report is
    # nobody's view.
    text = (
        "某党参议员塔默,向本台表示,本次的听证会将帮助两党找到共识。下面来看记者从国会发回的报道。\n\n"
        "某党参议员 塔默:「监管来得太晚了,企业已经走在了前面。」\n"
    )
    found = speakers(corpus, text)
    assert found.get("某党参议员塔默,向本台表示,本次的听证会将帮助两党找到共识。") == person_id_for("塔默")
    assert "下面来看记者从国会发回的报道。" not in found


def test_a_presenters_handover_to_the_report_does_not_carry_on_the_view_before(corpus: Corpus) -> None:
    found = speakers(corpus, "钱多多表示,本次的听证会将帮助两党找到共识。下面来看记者从国会发回的报道。\n")
    assert found == {"钱多多表示,本次的听证会将帮助两党找到共识。": "qian-duoduo"}


def test_a_new_name_right_after_a_post_is_the_subject_of_a_later_opinion_verb(corpus: Corpus) -> None:
    # Nothing before 并指出 is a verb of speech, and the name is said nowhere else: the post (副总经理) marks where the
    # name starts, and the view after 并指出 is that person's.
    sentence = "某某科技副总经理严思远分享了公司从实验室走到工厂的五年历程,并指出行业各方面的人才都缺。"
    assert speakers(corpus, f"{sentence}\n") == {sentence: person_id_for("严思远")}


def test_a_named_persons_argument_by_an_instrument_handed_over_by_a_colon(corpus: Corpus) -> None:
    # 以…佐证观点: hands over the person's argument with a colon, no verb of speech, in a paragraph of its own.
    text = (
        "钱多多表示,芯片会降价。\n\n"
        "钱多多以历史案例佐证观点:2008年的过度投机只带来负面影响,而当年铺设的光纤至今还在用。\n"
    )
    found = speakers(corpus, text)
    assert found.get("钱多多以历史案例佐证观点:2008年的过度投机只带来负面影响,而当年铺设的光纤至今还在用。") == (
        "qian-duoduo"
    )


def test_a_name_after_its_post_in_a_time_clause_before_the_verb_is_the_speaker(corpus: Corpus) -> None:
    # 接受采访时 between the name and 表示: the post (理事长) before the name marks where the name starts.
    sentence = "某报5月8日消息,某某产业联盟理事长柯望川近日接受采访时表示,本地的算力建设不能只盯着规模。"
    assert speakers(corpus, f"{sentence}\n\n柯望川表示,算力要和应用一起规划。\n").get(sentence) == person_id_for(
        "柯望川"
    )


def test_a_paragraph_refuting_what_a_crowd_believes_carries_on_the_view_before(corpus: Corpus) -> None:
    # 外界似乎认为…,但…: the crowd's belief, set up to be refuted, is the speaker arguing on, not someone else's view.
    text = (
        "钱多多表示,芯片行业首先要明确方向。\n\n"
        "在先进制程之外,可以突破的环节还有很多。目前外界似乎认为芯片就等于光刻机,但光刻机只是整个链条的一环。\n\n"
        "发布会于下午结束。\n"
    )
    found = speakers(corpus, text)
    assert found.get("在先进制程之外,可以突破的环节还有很多。") == "qian-duoduo"
    assert found.get("目前外界似乎认为芯片就等于光刻机,但光刻机只是整个链条的一环。") == "qian-duoduo"
    assert "发布会于下午结束。" not in found


def test_the_speaker_talking_with_someone_is_the_subject_before_yu(corpus: Corpus) -> None:
    # "A与B对谈时表示": B is named nearest the verb, but the one who speaks is A, the subject before 与.
    text = (
        "5月3日,在东京举办的论坛上,某某公司创始人、董事长钱多多与某集团董事会主席弗朗索瓦·杜邦(François Dupont)"
        "对谈时表示,亚洲与欧洲的最大区别在于制造。\n\n他介绍说,制造驱动了亚洲的快速发展。\n"
    )
    found = speakers(corpus, text)
    assert set(found.values()) == {"qian-duoduo"}
    assert len(found) == 2


def test_the_speaker_who_made_the_judgement_above_while_talking_with_someone_is_the_subject_before_yu(
    corpus: Corpus,
) -> None:
    # "A与B对谈时做出上述判断": the act naming the words said before stands between 对谈时 and the verb; A still speaks.
    text = (
        "某某公司创始人钱多多表示,芯片明年会降价。\n\n"
        "5月3日,在东京举办的论坛上,某某公司创始人、董事长钱多多与某集团董事会主席弗朗索瓦·杜邦(François Dupont)"
        "对谈时做出上述判断。\n"
    )
    attributed = attribute(text, Names(corpus))
    assert [s.speaker.id if s.speaker else None for s in attributed] == ["qian-duoduo", "qian-duoduo"]


def test_the_lede_quotation_is_the_person_whose_sentence_after_it_made_the_judgement_above(corpus: Corpus) -> None:
    # “…我认为…。” then "…钱多多与某某对谈时做出上述判断。": the quotation, which no verb gave anyone, is the one who made it.
    text = (
        "“很多人都在谈论机器人,他们说可能还要三年,但要真正走进家庭,我认为还要十年以上。”\n\n"
        "5月3日,在东京举办的论坛上,某某公司创始人钱多多与某集团董事会主席弗朗索瓦·杜邦(François Dupont)"
        "对谈时做出上述判断。\n"
    )
    found = speakers(corpus, text)
    assert found["“很多人都在谈论机器人,他们说可能还要三年,但要真正走进家庭,我认为还要十年以上。”"] == "qian-duoduo"


def test_a_line_of_name_and_post_heads_the_paragraph_of_that_persons_remarks(corpus: Corpus) -> None:
    # A salon's summary: each speaker a line "NAME POST" (the name may be spaced out), then a paragraph with no verb
    # of saying. The paragraph right under it is that person's; the closing narration is nobody's.
    text = (
        "5月8日,第12期创新沙龙在线上举行,某大学教授柯望川主持。\n\n"
        "严 思 远 某某教育科技有限公司联合创始人\n\n"
        "大模型产业链涵盖多个层级,不同层级的机遇差异很大。应用层的公司需要共同努力。\n\n"
        "钱多多 某某数据科技有限公司创始人\n\n"
        "大模型的机遇在于成本不断下降。挑战在于其不可预测性,需要重新审视。\n\n"
        "沙龙最后,与会者合影留念。\n"
    )
    found = speakers(corpus, text)
    assert found.get("大模型产业链涵盖多个层级,不同层级的机遇差异很大。") == person_id_for("严思远")
    assert found.get("挑战在于其不可预测性,需要重新审视。") == "qian-duoduo"
    assert "沙龙最后,与会者合影留念。" not in found


def test_a_timeline_or_prediction_a_person_puts_forward_after_a_colon_is_theirs(corpus: Corpus) -> None:
    # 抛出…时间表: / 给出…预测: hands over the person's forecast, as 给出…判断: does.
    for said in (
        "在发布会上,钱多多抛出更激进的时间表:新火箭将在2030年前完成载人飞行。",
        "在发布会上,钱多多给出了一个大胆的预测:五年内机器人将走进千家万户。",
    ):
        assert speakers(corpus, said + "\n") == {said: "qian-duoduo"}, said
    # A timeline the writer lays out names nobody's view.
    assert speakers(corpus, "项目公布了时间表:新火箭将在2030年前完成载人飞行。\n") == {}


def test_counted_points_given_in_a_clause_opened_by_bing_are_the_sentences_subjects(corpus: Corpus) -> None:
    # "某某非常认同某某的想法,并从自身的角度谈论三点感触,第一点…": the clause after 并 has the sentence's subject, the
    # name that opens it, not the other person named inside the first clause.
    text = (
        "钱多多表示,感知智能是过去一年最重要的创新。\n\n"
        "严思非常认同钱多多的想法,并从自身的角度谈论三点感触,第一点是大家对认知智能的共识在加强。"
        "第二点是大家对场景的认知在加深。\n"
    )
    found = speakers(corpus, text)
    assert found.get("第二点是大家对场景的认知在加深。") == person_id_for("严思")


def test_a_local_time_before_the_day_between_name_and_verb_is_read_past(corpus: Corpus) -> None:
    # 当地时间8日 / 北京时间8日 between the name and the verb, as a wire report dates a foreign event.
    for said in (
        "某公司创始人钱多多当地时间8日在接受采访时预测,到2026年,AI可能会比最聪明的人类还要聪明。",
        "某公司创始人钱多多北京时间周三表示,AI可能会比最聪明的人类还要聪明。",
    ):
        assert speakers(corpus, said + "\n") == {said: "qian-duoduo"}, said


def test_a_foreign_name_without_a_dot_after_an_office_such_as_bureau_chief_is_read(corpus: Corpus) -> None:
    # 局长 / 署长 mark where a name spelt in sounds starts as 总裁 does (某机构前局长布里登斯廷指出).
    text = "钱多多透露,试飞已突破瓶颈。\n\n某机构前局长布里登斯廷指出,该计划面临重大技术缺口。\n"
    assert speakers(corpus, text).get("某机构前局长布里登斯廷指出,该计划面临重大技术缺口。") == person_id_for(
        "布里登斯廷"
    )


def test_a_second_persons_rebuttal_after_but_in_the_same_sentence_is_theirs(corpus: Corpus) -> None:
    # "某某透露,…,但某机构前局长某某指出,…": after 但 a subject and a verb of saying open another person's statement.
    text = "钱多多透露,新火箭的试飞已突破再入技术瓶颈,但某机构前局长严思远指出,该计划面临生命维持系统的重大技术缺口。\n"
    found = speakers(corpus, text)
    assert found.get("但某机构前局长严思远指出,该计划面临生命维持系统的重大技术缺口。") == person_id_for("严思远")
    # 但他也表示 goes on with the same person's statement: the sentence stays whole.
    same = "钱多多透露,新火箭的试飞已突破再入技术瓶颈,但他也表示,该计划仍面临重大技术缺口。"
    assert speakers(corpus, same + "\n") == {same: "qian-duoduo"}


def test_a_heading_of_post_name_colon_and_headline_heads_the_paragraph_of_that_persons_remarks(corpus: Corpus) -> None:
    # A roundup of several people's remarks: each a heading "POST NAME:HEADLINE" with no sentence in it, then a
    # paragraph of their words that names nobody. The paragraph right under it is that person's.
    text = (
        "今年大会期间,代表委员们围绕算力建言献策。\n\n"
        "全国人大代表 严思远:算力要下沉到县城\n\n"
        "这些年走访各地让我体会到,算力必须下沉到县城。中小企业用不起算力是当前最大的瓶颈。\n\n"
        "全国政协委员钱多多:数据要素亟待盘活\n\n"
        "数据要素的价值亟待充分挖掘。希望能通过良好的机制设计,让数据流动起来。\n"
    )
    found = speakers(corpus, text)
    assert found.get("中小企业用不起算力是当前最大的瓶颈。") == person_id_for("严思远")
    assert found.get("希望能通过良好的机制设计,让数据流动起来。") == "qian-duoduo"
    assert "今年大会期间,代表委员们围绕算力建言献策。" not in found


def test_the_headline_after_a_post_name_and_colon_in_a_roundup_is_that_persons_gist(corpus: Corpus) -> None:
    # The heading's headline (POST NAME:HEADLINE, no full stop) sums up the person's remarks under it: a draft of
    # theirs, the last one's too though the page cut the paragraph under it short.
    text = (
        "今年大会期间,代表委员们围绕算力建言献策。\n\n"
        "全国人大代表 严思远:算力要下沉到县城\n\n"
        "这些年走访各地让我体会到,算力必须下沉到县城。中小企业用不起算力是当前最大的瓶颈。\n\n"
        "全国政协委员 钱多多:数据要素亟待盘活,机制设计要跟上\n\n"
        "我们搭好了数据流通的公共底座,可以迅速地做到低门槛和比较\n"
    )
    found = speakers(corpus, text)
    assert found.get("全国人大代表 严思远:算力要下沉到县城") == person_id_for("严思远")
    assert found.get("全国政协委员 钱多多:数据要素亟待盘活,机制设计要跟上") == "qian-duoduo"


def test_a_name_colon_headline_heading_over_a_paragraph_that_introduces_the_person_is_their_gist(
    corpus: Corpus,
) -> None:
    # No post before the name (某某:城市交通需回归步行优先): the paragraph under the heading introduces the person with their
    # post, in a roundup where every section opens so. A headline that claims something (需 / 要 / 应 …) is the
    # person's gist; one that only names the topic (…的转折点) is no gist of the person's by this reading.
    text = (
        "孙立:城市交通的转折点\n\n"
        "某大学教授孙立指出,私家车虽非城市拥堵的唯一原因,却放大了原有问题。\n\n"
        "赵一鸣:城市交通需回归步行优先\n\n"
        "某公司董事长赵一鸣指出,外卖骑手的激增,让老城区的街道不堪重负。\n"
    )
    found = speakers(corpus, text)
    assert found.get("赵一鸣:城市交通需回归步行优先") == "zhao-yiming"
    # The topic's headline is still proposed, by the rule for the headlines of a report's parts (test_suggest: two or
    # more, each over a paragraph naming its person, are their views): to its own person, a draft the curator deletes.
    assert found.get("孙立:城市交通的转折点") == "sun-li"
    # One such heading alone heads no roundup: nothing is read into it.
    alone = "赵一鸣:城市交通需回归步行优先\n\n某公司董事长赵一鸣指出,外卖骑手的激增,让老城区的街道不堪重负。\n"
    assert "赵一鸣:城市交通需回归步行优先" not in speakers(corpus, alone)


def test_a_paragraph_naming_nobody_in_a_roundups_section_goes_on_with_the_headed_persons_talk(corpus: Corpus) -> None:
    # Under 某某:headline, the report of the person's talk runs on in a paragraph that names nobody and has no verb of
    # speech (未来城市需…): still that person's, until the next section's heading.
    text = (
        "孙立:城市交通的转折点\n\n"
        "某大学教授孙立指出,私家车虽非城市拥堵的唯一原因,却放大了原有问题。\n\n"
        "赵一鸣:城市交通需回归步行优先\n\n"
        "某公司董事长赵一鸣指出,外卖骑手的激增,让老城区的街道不堪重负。\n\n"
        "未来城市需从车辆优先改为行人优先,社区应成为生活中心,方便居民与公交衔接。\n"
    )
    found = speakers(corpus, text)
    assert found.get("未来城市需从车辆优先改为行人优先,社区应成为生活中心,方便居民与公交衔接。") == "zhao-yiming"
    # Without the roundup's headings, a paragraph naming nobody stays nobody's.
    plain = "某公司董事长赵一鸣指出,外卖骑手的激增,让老城区的街道不堪重负。\n\n未来城市需从车辆优先改为行人优先,社区应成为生活中心。\n"
    assert "未来城市需从车辆优先改为行人优先,社区应成为生活中心。" not in speakers(corpus, plain)


def test_a_posted_heading_with_a_latin_name_in_brackets_or_a_quoted_word_is_still_that_persons_gist(
    corpus: Corpus,
) -> None:
    # A roundup of chiefs' views on one question: the heading may carry the Latin form of the name in brackets before
    # the colon, and its headline may quote a word of the person's (「…」) inside it.
    text = (
        "以下是几位执行长对算力是否过剩的看法：\n\n"
        "某云公司执行长柯望川（Jane Doe）：算力市场正逢泡沫，但不会破裂\n\n"
        "柯望川表示，算力市场正处于泡沫之中。\n\n"
        "某芯片公司执行长严思远：过剩之说「完全错误」\n\n"
        "严思远告诉记者：「我认为那些谈论过剩的人，思维太过狭隘。」\n"
    )
    found = speakers(corpus, text)
    # Whichever id the person goes by (the Latin form here), the headline is theirs, as the report under it is.
    assert found.get("柯望川表示，算力市场正处于泡沫之中。") is not None
    assert (
        found.get("某云公司执行长柯望川（Jane Doe）：算力市场正逢泡沫，但不会破裂")
        == found["柯望川表示，算力市场正处于泡沫之中。"]
    )
    assert found.get("某芯片公司执行长严思远：过剩之说「完全错误」") == person_id_for("严思远")


def test_a_posted_heading_may_set_its_headline_off_by_a_comma(corpus: Corpus) -> None:
    # In a roundup of posted headings, one sets the headline off by a comma instead of a colon: still the person's gist.
    text = (
        "以下是几位创办人对算力是否过剩的看法：\n\n"
        "某云公司执行长严思远：算力市场正逢泡沫\n\n"
        "严思远表示，算力市场正处于泡沫之中。\n\n"
        "某电商公司共同创办人钱多多，表达对数据中心扩建的隐忧\n\n"
        "钱多多说：「我开始看见某种泡沫的开端。」\n"
    )
    found = speakers(corpus, text)
    assert found.get("某电商公司共同创办人钱多多，表达对数据中心扩建的隐忧") == "qian-duoduo"


def test_a_numbered_point_labelled_with_a_name_is_that_persons_and_only_that_point(corpus: Corpus) -> None:
    # A list of highlights, each numbered and labelled with a name and a colon (1.某某:…): the number is the list's, the
    # point is the named person's; a later point with no name (3.…) is the list's own, not the last person's turn.
    text = (
        "论坛上,某某研究院院长严思远与作家柯望川围绕算力做了分享。以下为嘉宾精彩观点:\n\n"
        "1.严思远:我认为算力必须下沉到县城,中小企业用不起算力是当前最大的瓶颈。\n\n"
        "2.柯望川:未来的小说可能由读者和模型一起写完,我们要学会与机器共处。\n\n"
        "3.开源模型降低了冷启动的成本,对创业者而言这并不丢人。\n"
    )
    found = speakers(corpus, text)
    assert found.get("1.严思远:我认为算力必须下沉到县城,中小企业用不起算力是当前最大的瓶颈。") == person_id_for(
        "严思远"
    )
    assert found.get("2.柯望川:未来的小说可能由读者和模型一起写完,我们要学会与机器共处。") == person_id_for("柯望川")
    assert "3.开源模型降低了冷启动的成本,对创业者而言这并不丢人。" not in found


def test_a_sentence_reporting_several_people_a_clause_each_gives_each_clause_to_its_person(corpus: Corpus) -> None:
    # 某甲指出,…;某乙提到…;某丙则聚焦…,呼吁…。 one sentence, three people: each clause after a semicolon opens with
    # another name, the last one the text names nowhere else, and is that person's view, not the first one's.
    text = (
        "论坛上,某某研究院院长严思远、某某科技创始人钱多多等嘉宾围绕技术瓶颈展开讨论。\n\n"
        "严思远指出,算力调度面临标准不统一、数据孤岛等问题;钱多多提到芯片散热的难度极大;"
        "柯望川则聚焦模型的推理成本,呼吁通过架构创新降低对算力的依赖。\n"
    )
    found = speakers(corpus, text)
    assert found.get("严思远指出,算力调度面临标准不统一、数据孤岛等问题;") == person_id_for("严思远")
    assert found.get("钱多多提到芯片散热的难度极大;") == "qian-duoduo"
    assert found.get("柯望川则聚焦模型的推理成本,呼吁通过架构创新降低对算力的依赖。") == person_id_for("柯望川")


def test_clauses_each_opening_with_posts_and_a_name_are_each_that_persons(corpus: Corpus) -> None:
    # 某某代表、某校校长某甲说,…;某某代表、某公司药剂师某乙希望…;某某代表、某所班长某丙希望…… one sentence, three
    # people: each clause opens with the person's posts (a first one set off by 、), then the name before the verb.
    text = (
        "会议期间,多位代表谈到了大模型。\n\n"
        "省人大代表、某某大学校长严思远说,该校正在筹建算力中心;"
        "省人大代表、某某医药公司某某药店总药剂师柯望川希望推动大模型深入药店的日常工作中;"
        "省人大代表、某某公路公司某某收费所班长洪启明希望加强对一线员工的大模型培训……\n"
    )
    found = speakers(corpus, text)
    assert found.get("省人大代表、某某大学校长严思远说,该校正在筹建算力中心;") == person_id_for("严思远")
    assert found.get(
        "省人大代表、某某医药公司某某药店总药剂师柯望川希望推动大模型深入药店的日常工作中;"
    ) == person_id_for("柯望川")
    assert found.get("省人大代表、某某公路公司某某收费所班长洪启明希望加强对一线员工的大模型培训……") == person_id_for(
        "洪启明"
    )


def test_clauses_each_opening_with_a_company_a_post_and_a_name_are_each_that_persons(corpus: Corpus) -> None:
    # 某公司董事长某甲关注…;某公司董事长某乙:聚焦…;某公司董事长某丙倡议…。 one sentence, three people: each clause opens
    # with a company and a post right before the person's name, whatever follows the name (a colon, a verb, none).
    text = (
        "某某科技董事长严思远、某某集团总裁柯望川、某某智能董事长洪启明今年都递交了议案。\n\n"
        "某某科技董事长严思远关注乡村养老、托育服务等;某某集团总裁柯望川:聚焦冷链物流,继续关注农产品流通;"
        "某某智能董事长洪启明倡议建立山区防汛机制。\n"
    )
    found = speakers(corpus, text)
    assert found.get("某某科技董事长严思远关注乡村养老、托育服务等;") == person_id_for("严思远")
    assert found.get("某某集团总裁柯望川:聚焦冷链物流,继续关注农产品流通;") == person_id_for("柯望川")
    assert found.get("某某智能董事长洪启明倡议建立山区防汛机制。") == person_id_for("洪启明")


def test_a_person_handing_in_proposals_and_what_they_cover_is_that_persons_view(corpus: Corpus) -> None:
    # 某某提交五份书面建议,重点围绕… / 某某向大会递交了三份议案,内容包括…: what the proposals a person hands in cover is the
    # person's stand; a count of proposals alone, with nothing of what they say, is none.
    covered = "某某科技董事长严思远提交五份书面建议,重点围绕乡村养老、托育服务、社区医疗等。"
    topics = "某某集团董事长柯望川向大会递交了三份议案,内容包括冷链物流、农产品流通以及山区防汛。"
    counted = "某某智能董事长洪启明提交了两份提案。"
    found = speakers(corpus, f"{covered}\n\n{topics}\n\n{counted}\n")
    assert found.get(covered) == person_id_for("严思远")
    assert found.get(topics) == person_id_for("柯望川")
    assert counted not in found


def test_a_post_and_name_set_off_by_a_comma_before_when_they_acted_is_the_verbs_subject(corpus: Corpus) -> None:
    # …的某公司董事长某某,去年两会递交三份议案,内容包括… / 某公司董事长某某,此次大会上表示,…: the comma sets off the person, and
    # only the time and the occasion stand between the name and the verb.
    proposals = "多年关注养老的某某集团董事长柯望川,去年两会递交三份议案,内容包括社区食堂、老年大学以及居家护理。"
    said = "某某科技董事长严思远,此次大会上表示,冷链物流是未来十年的关键。"
    found = speakers(corpus, f"{proposals}\n\n{said}\n")
    assert found.get(proposals) == person_id_for("柯望川")
    assert found.get(said) == person_id_for("严思远")


def test_an_officials_reply_reported_with_a_reply_verb_and_cheng_is_theirs(corpus: Corpus) -> None:
    # 某某局局长某甲回复称,… / 某某局副局长某乙回复时称,…: a meeting report's answers, each the official's own view.
    text = (
        "某某局局长洪启明回复称,当局已开展全局的审计,希望明年有不少于100个新政策。\n\n"
        "某某局副局长柯望川回复时称,部门正在加紧推进各项试点工作。\n"
    )
    found = speakers(corpus, text)
    assert found.get("某某局局长洪启明回复称,当局已开展全局的审计,希望明年有不少于100个新政策。") == person_id_for(
        "洪启明"
    )
    assert found.get("某某局副局长柯望川回复时称,部门正在加紧推进各项试点工作。") == person_id_for("柯望川")


def test_a_posts_holder_whose_past_the_sentence_tells_is_whom_he_refers_to_next(corpus: Corpus) -> None:
    # …联合创始人某某曾任职某公司,…。 names a person who has not spoken yet: 他认为 two sentences on is that person, not the
    # one who spoke in the paragraph before.
    text = (
        "某某科技创始人钱多多分享了创业故事。他表示,团队对未来充满信心。\n\n"
        "某某智能联合创始人柯望川曾任职某芯片公司,因不受重视而回国创业。他搭建了算力集群。"
        "他认为,公司的成长是行业发展的缩影。\n"
    )
    found = speakers(corpus, text)
    assert found.get("他认为,公司的成长是行业发展的缩影。") == person_id_for("柯望川")


def test_a_person_looking_back_over_a_past_opens_the_writers_story_of_it_not_a_view(corpus: Corpus) -> None:
    # 某某回顾了团队…的初心。 names what the person looked back on; the sentences after it (当时,… / 如今,…) tell that past in
    # the writer's words, and only 他展望:“…” is the person's.
    opening = "某某科技创始人严思远回顾了团队2015年研发巡检机器人的初心。"
    then = "当时,国外的机器人已能灵活运动,而国内团队希望让机器人走出实验室。"
    now = "如今,国内巡检机器人已跨越技术鸿沟,应用于电力巡检等场景。"
    said = "他展望:“未来,我们的机器人将能到达任何角落。”"
    found = speakers(corpus, opening + then + now + said + "\n")
    assert found.get(said) == person_id_for("严思远")
    assert opening not in found and then not in found and now not in found


def test_a_single_line_of_name_and_post_is_a_caption_and_heads_nothing(corpus: Corpus) -> None:
    # Once, a line of name and post may be a photo's caption: the paragraph under it is the article's.
    text = "钱多多 某某数据科技有限公司创始人\n\n大模型的机遇在于成本不断下降。挑战在于其不可预测性,需要重新审视。\n"
    assert speakers(corpus, text) == {}


def _titled_speakers(corpus: Corpus, title: str, text: str) -> dict[str, str]:
    source = Source(id="new", title=title, text=text)
    with_text = dataclasses.replace(corpus, sources={**corpus.sources, "new": source})
    return {s.quote: s.speaker_id for s in suggest_claims(with_text, "new")}


_SPEECH_LEDE = "5月8日,某省算力大会在某市举行。副省长钱多多致辞。某科学院院士柯望川围绕“算力的未来”作主题演讲。\n\n"
_FIRST_PERSON_SPEECH = (
    "我今天主要比较一下国内外的算力。目前国内算力发展迅速,仅智算中心就达到80个。\n\n"
    "但我要说的是,算力并不适合每个城市都去建。\n"
)


def test_a_first_person_speech_after_the_lede_is_the_titled_person_who_gave_it(corpus: Corpus) -> None:
    # The title names the speaker after a post and before a colon; the lede says that person gave a speech; the
    # first-person text right after it names nobody and has no verb of saying: it is that person's speech.
    found = _titled_speakers(corpus, "前沿|某科学院院士柯望川:算力的未来", _SPEECH_LEDE + _FIRST_PERSON_SPEECH)
    assert found.get("目前国内算力发展迅速,仅智算中心就达到80个。") == person_id_for("柯望川")
    assert found.get("但我要说的是,算力并不适合每个城市都去建。") == person_id_for("柯望川")


def test_a_first_person_text_is_nobodys_when_the_lede_does_not_say_the_titled_person_spoke(corpus: Corpus) -> None:
    lede = "5月8日,某省算力大会在某市举行。副省长钱多多致辞。某科学院院士柯望川出席。\n\n"
    found = _titled_speakers(corpus, "前沿|某科学院院士柯望川:算力的未来", lede + _FIRST_PERSON_SPEECH)
    assert "目前国内算力发展迅速,仅智算中心就达到80个。" not in found


def test_an_opening_quotation_is_the_person_whose_listed_posts_and_name_follow_it(corpus: Corpus) -> None:
    # “…。” then "POST、POST NAME…" with no verb of speech (率先抛出一个问题), the last post no title word (讲师): the list
    # of posts, one a title (院士), marks where the name starts; the quotation is that person's.
    text = (
        "10月22日,某计算机大会在某市举办,百余名专家学者展开深度研讨。\n\n"
        "“算力是一个老话题,也是一个新话题。”某科学院院士、某大学讲师柯望川率先抛出一个问题:"
        "算力会不会像电力那样普及?\n\n"
        "在柯望川看来,算力既是基础设施,又是一种生产工具。\n"
    )
    found = speakers(corpus, text)
    assert found.get("“算力是一个老话题,也是一个新话题。”") == person_id_for("柯望川")


def test_yiwei_before_a_comma_is_a_verb_of_thinking(corpus: Corpus) -> None:
    # 以为 as a rewriter writes 认为, handing over a view by a comma; "以为他会来" (mistaken belief) names no view.
    text = "钱多多表示,芯片会降价。\n\n他以为,国产算力三年内能追上来。\n\n大家都以为他会来。\n"
    found = speakers(corpus, text)
    assert found.get("他以为,国产算力三年内能追上来。") == "qian-duoduo"
    assert "大家都以为他会来。" not in found


def test_a_seat_after_a_named_person_leaves_the_name_to_the_verb(corpus: Corpus) -> None:
    # A report on a session writes 委员 / 代表 after the full name it has introduced (某某委员表示, …”某某代表说。);
    # 代表 alone before a verb (公司代表表示) still names nobody.
    text = (
        "全国政协委员、某科技公司创始人赵一鸣认为,算力是新的基础设施。\n\n"
        "赵一鸣委员表示,中小企业也应当用得起大模型。\n\n"
        "“开源会让成本降到十分之一。”赵一鸣委员说。\n\n"
        "全国人大代表钱多多指出,数据要先行开放。\n\n"
        "钱多多代表建议,各地要加快建设算力平台。\n\n"
        "某公司代表表示,产品下月上市。\n"
    )
    got = speakers(corpus, text)
    assert got["赵一鸣委员表示,中小企业也应当用得起大模型。"] == "zhao-yiming"
    assert got["“开源会让成本降到十分之一。”赵一鸣委员说。"] == "zhao-yiming"
    assert got["钱多多代表建议,各地要加快建设算力平台。"] == "qian-duoduo"
    assert "某公司代表表示,产品下月上市。" not in got


def test_a_member_named_once_with_the_seat_is_the_person_he_then_stands_for(corpus: Corpus) -> None:
    # A report on a session may name each member only once, by the full name and the seat (某某某委员…): the three
    # characters are that person, the 他 of the quotation after, not the last one and the seat (某委员).
    text = (
        "会议上,多位委员围绕算力展开讨论。\n\n"
        "欧建邦委员注意到各地都出台了规划。“窗口期不会太长。”他说,“我今年提交了一份提案。”\n\n"
        "钱胜龙委员以为,开源生态值得借鉴。\n"
    )
    got = speakers(corpus, text)
    assert got["“窗口期不会太长。”他说,“我今年提交了一份提案。”"] == "ou-jianbang"
    assert got["钱胜龙委员以为,开源生态值得借鉴。"] == "qian-shenglong"


def test_a_dotted_foreign_name_opening_the_subject_is_read_whole_not_as_its_first_part(corpus: Corpus) -> None:
    # 马克 before the dot reads as a Chinese name (马 a family name); the subject is the whole dotted name, the 他 after.
    text = "某公司的马克·伯格森也加入了这场竞赛,他相信这会开启一个新时代。\n"
    assert speakers(corpus, text) == {text.strip(): "make-bogesen"}


def test_fabiao_pinglun_before_a_comma_hands_over_what_was_said(corpus: Corpus) -> None:
    # 发表评论 / 发表意见 before a comma or a colon is a verb of speech; a commenter (发表评论的网友) says nothing.
    text = "当天,钱多多发表评论,支持开源路线。\n\n孙立发表意见:芯片明年会降价。\n\n发表评论的网友越来越多。\n"
    assert speakers(corpus, text) == {
        "当天,钱多多发表评论,支持开源路线。": "qian-duoduo",
        "孙立发表意见:芯片明年会降价。": "sun-li",
    }


def test_a_dotted_name_after_zhiyi_starts_after_it(corpus: Corpus) -> None:
    # 之一 closes the phrase the name is in apposition to (创始成员之一某某·某某): the first part is all three characters,
    # not its last two.
    text = "次日,创始成员之一安德鲁·卡森表示,支持开源路线。\n"
    assert speakers(corpus, text) == {text.strip(): "andelu-kasen"}


def test_a_later_clause_opening_with_a_bare_verb_of_speech_is_the_sentences_subjects(corpus: Corpus) -> None:
    # 某某宣布…,表示…: the name opens the subject, no verb of speech right after it; the bare 表示 is that person's.
    text = "钱多多谈到了算力。\n\n晚间,孙建宣布将出任公司的临时负责人,表示将进行调查。\n"
    assert speakers(corpus, text)["晚间,孙建宣布将出任公司的临时负责人,表示将进行调查。"] == "sun-jian"


def test_bochi_and_yugu_yuji_are_verbs_of_rebutting_and_estimating(corpus: Corpus) -> None:
    # 驳斥 beside 反驳, 预估 / 预计 beside 预测; the person they name is the 他 of the next sentence, not the one before.
    text = (
        "面对质疑,某公司董事长蔡一明回应道,“只有金融泡沫,没有技术泡沫。”\n\n"
        "对于外界的“泡沫论”,某公司创始人孙立驳斥称这种说法“不够聪明”。他指出,投入再大也不算泡沫。\n\n"
        "錢多多預估,在下一個時代,所有軟體都有機會被重寫一遍。\n\n"
        "他预计明年营收增长三成。\n\n"
        "预计到2030年,市场规模将达到一万亿元。\n\n"
        "不过,更多大佬却不以为然,纷纷出面驳斥“泡沫论”。\n"
    )
    found = speakers(corpus, text)
    assert found["对于外界的“泡沫论”,某公司创始人孙立驳斥称这种说法“不够聪明”。"] == "sun-li"
    assert found["他指出,投入再大也不算泡沫。"] == "sun-li"
    assert found["錢多多預估,在下一個時代,所有軟體都有機會被重寫一遍。"] == "qian-duoduo"
    assert found["他预计明年营收增长三成。"] == "qian-duoduo"
    # With no name before it the verb names nobody: a forecast of the writer's, a crowd's rebuttal.
    assert "预计到2030年,市场规模将达到一万亿元。" not in found
    assert "不过,更多大佬却不以为然,纷纷出面驳斥“泡沫论”。" not in found


def test_a_post_right_before_three_characters_that_read_as_a_name_marks_where_the_name_starts(corpus: Corpus) -> None:
    # 明 / 景 are family names too, so the last two characters alone (明华, 景明) read as a name; the post before the three
    # (董事长, a Taiwanese 技術長, 首席技术官) says the name is all three. A two-character name after a post stays two.
    text = (
        "某公司董事长王明华表示,芯片会降价。\n\n"
        "某院資通所技術長郭景明分析,目前在語言模型的應用,有較明確的共識。\n\n"
        "某公司首席技术官钱立群表示,明年会推出新模型。\n\n"
        "某大学教授赵强表示,开源会赢。\n"
    )
    found = speakers(corpus, text)
    assert found["某公司董事长王明华表示,芯片会降价。"] == "wang-minghua"
    assert found["某院資通所技術長郭景明分析,目前在語言模型的應用,有較明確的共識。"] == "guo-jingming"
    assert found["某公司首席技术官钱立群表示,明年会推出新模型。"] == "qian-liqun"
    assert found["某大学教授赵强表示,开源会赢。"] == "zhao-qiang"


def test_sentences_a_person_rests_a_claim_on_as_their_insight_are_theirs(corpus: Corpus) -> None:
    # 基于上述洞察,某某断言: what came before in the paragraph, naming nobody, is that person's insight; 基于上述原因 names
    # reasons, which may be the writer's facts.
    text = (
        "某公司CEO吴一凡表示,客户需求非常旺盛。\n\n"
        "除了需求侧的推动,模型能力的持续提升也在提升想象力。可适配的场景会越来越多,市场空间巨大。"
        "基于上述洞察,吴一凡断言,此前的投入计划可能增投。\n\n"
        "今年公司营收增长了三成。基于上述原因,吴一凡表示,明年还会招人。\n"
    )
    found = speakers(corpus, text)
    assert found["除了需求侧的推动,模型能力的持续提升也在提升想象力。"] == "wu-yifan"
    assert found["可适配的场景会越来越多,市场空间巨大。"] == "wu-yifan"
    assert found["基于上述洞察,吴一凡断言,此前的投入计划可能增投。"] == "wu-yifan"
    assert "今年公司营收增长了三成。" not in found


def test_a_lead_counting_the_topics_a_person_talked_about_names_no_view(corpus: Corpus) -> None:
    # 他谈到一些有趣的议题,比如…: the writer tells what the interview covered; with a verb of saying after the topics
    # (他认为…), or topics that are no count (他谈到,…的问题,比如…), the sentence is still the person's.
    text = (
        "最近在某大会上,赵一鸣接受了某杂志的采访,他谈到一些有趣的议题,比如早年他曾对大脑着迷,计算机可以模仿大脑。\n\n"
        "赵一鸣谈到几个问题,比如模型太贵,他认为会降价。\n\n"
        "他谈到,大模型的问题,比如幻觉,很快会解决。\n"
    )
    found = speakers(corpus, text)
    assert (
        "最近在某大会上,赵一鸣接受了某杂志的采访,他谈到一些有趣的议题,比如早年他曾对大脑着迷,计算机可以模仿大脑。"
        not in found
    )
    assert found["赵一鸣谈到几个问题,比如模型太贵,他认为会降价。"] == "zhao-yiming"
    assert found["他谈到,大模型的问题,比如幻觉,很快会解决。"] == "zhao-yiming"


def test_a_turn_labelled_by_a_post_glued_to_the_name_is_that_persons(corpus: Corpus) -> None:
    # A panel's transcript labels each turn "post name:" with no blank between them, longer than a name's label: the turn
    # is the person's whose name ends the label, not the previous turn's speaker's.
    text = (
        "主持人：两位怎么看个人智能体？\n\n"
        "某某科技首席执行官Mark Ellison：端侧模型会成为每台设备的标配，这是一个很大的机会。\n\n"
        "某某集团董事长兼CEO钱立群：混合式人工智能才是未来，个人智能体也要保护你的隐私。明年会有更多这样的产品。\n"
    )
    found = speakers(corpus, text)
    assert found["某某科技首席执行官Mark Ellison：端侧模型会成为每台设备的标配，这是一个很大的机会。"] == "mark-ellison"
    assert found["某某集团董事长兼CEO钱立群：混合式人工智能才是未来，个人智能体也要保护你的隐私。"] == "qian-liqun"
    assert found["明年会有更多这样的产品。"] == "qian-liqun"
    # A label that ends in no name after a post opens nobody's turn.
    assert speakers(corpus, "某某公司的三位联合创始人：都来自同一所大学，钱立群也在其中。\n") == {}


def test_first_person_remarks_under_a_heading_naming_the_person_are_theirs_until_the_next_part(corpus: Corpus) -> None:
    # A blogger's excerpts of a summit: the writer speaks as 我 above the heading; under "一、某某的发言" (its subheadings
    # numbered otherwise) the first person is the speaker's, until the next part "二、…": the writer's own thoughts, or
    # another person's remarks.
    text = (
        "上周有一场芯片峰会,几位创始人都出席了。\n\n"
        "内容很多,下面是我摘录的部分内容,我觉得很有启发。\n\n"
        "一、赵一鸣的发言\n\n"
        "1、公司的起源\n\n"
        "2019年,我们开始做芯片,我现在是公司的首席科学家。\n\n"
        "我们认为端侧模型三年内一定会成为手机的标配。\n\n"
        "二、我的几点感想\n\n"
        "我觉得这场峰会最大的收获,是看到了国产芯片的希望。\n\n"
        "三、钱多多的分享\n\n"
        "我们判断明年的算力价格一定会降一半。\n"
    )
    found = speakers(corpus, text)
    assert found["我们认为端侧模型三年内一定会成为手机的标配。"] == "zhao-yiming"
    assert found["我们判断明年的算力价格一定会降一半。"] == "qian-duoduo"
    assert "内容很多,下面是我摘录的部分内容,我觉得很有启发。" not in found
    assert "我觉得这场峰会最大的收获,是看到了国产芯片的希望。" not in found
    # A heading over a report of the remarks in the third person opens nothing: the writer's first person after it is
    # the writer's.
    reported = (
        "一、赵一鸣的发言\n\n赵一鸣在发言中回顾了公司的历史。\n\n我们觉得这场发言最重要的一点,是国产芯片的机会。\n"
    )
    assert "我们觉得这场发言最重要的一点,是国产芯片的机会。" not in speakers(corpus, reported)


def test_a_talk_under_a_speaker_box_is_the_boxed_persons(corpus: Corpus) -> None:
    # "主讲人介绍", then the speaker's name and post, a biography, the talk's title and a question: the first-person talk
    # under them is the speaker's; the biography is no view of theirs.
    talk = "我认为有三个方面推动了人工智能的进步。"
    text = (
        "某大学系列讲座开讲,某研究院副院长赵一鸣博士介绍了芯片的进展。\n\n"
        "主讲人介绍\n\n"
        "赵一鸣博士,某研究院副院长\n\n"
        "他长期从事芯片研究,对国产芯片的发展做出了重要贡献。\n\n"
        "芯片让生活更美好\n\n"
        "• 为什么这几年人工智能进步这么快?\n\n"
        f"{talk}\n\n"
        "第一个就是数据,我们有了前所未有的大数据。\n"
    )
    found = speakers(corpus, text)
    assert found[talk] == "zhao-yiming"
    assert found["第一个就是数据,我们有了前所未有的大数据。"] == "zhao-yiming"
    assert "他长期从事芯片研究,对国产芯片的发展做出了重要贡献。" not in found
    # The writer's own first person after the box, under the writer's narration rather than a heading or a question,
    # is the writer's.
    writer = (
        "主讲人介绍\n\n"
        "赵一鸣博士,某研究院副院长\n\n"
        "讲座结束后,同学们围着他问了很多问题。\n\n"
        "我觉得这场讲座最重要的一点,是让同学们看到了芯片行业的机会。\n"
    )
    assert speakers(corpus, writer) == {}


def test_a_guest_introduced_by_a_full_latin_name_is_then_called_by_the_first_name(corpus: Corpus) -> None:
    # A write-up introduces two guests by their full names and posts, then calls them Mark and Tom: "Mark 的判断是:…" is
    # Mark Ellison's, and 他 after a sentence Tom opens is Tom Baker, not the guest quoted before.
    text = (
        "台上两位嘉宾,一个是Mark Ellison,某公司的 CEO;另一个是Tom Baker,某实验室的创始人。\n\n"
        "Mark 的判断是:明年模型的推理成本一定会降一半。\n\n"
        "相比之下,Tom 依然显得更谨慎。他的判断是:模型三年内不会变得便宜。\n"
    )
    found = speakers(corpus, text)
    assert found["Mark 的判断是:明年模型的推理成本一定会降一半。"] == "mark-ellison"
    assert found["他的判断是:模型三年内不会变得便宜。"] == "tom-baker"
    # A first name two full names share (Sam Lee and Sam Ford) is neither.
    shared = "嘉宾是Sam Lee,某公司的 CEO,和Sam Ford,某基金的合伙人。\n\nSam 的判断是:明年模型的推理成本一定会降一半。\n"
    assert speakers(corpus, shared) == {}


def test_a_judgement_or_reason_handed_over_by_a_colon_ending_its_paragraph_is_the_paragraph_under_it(
    corpus: Corpus,
) -> None:
    # "他的理由非常简单,也非常危险:" / "某某给出过一个…的判断:" only characterise the view: the one paragraph under each spells it
    # out and is the person's; the paragraph after that (an unnamed engineer's words, the writer's narration) is not, and
    # the handing-over sentence itself is no draft.
    text = (
        "去年在某地,赵一鸣给出过一个让很多人倒吸冷气的判断:\n\n"
        "两年内,多个领域都会出现达到人类水平的通用模型。\n\n"
        "一年过去,时间已经走到今年。\n\n"
        "他的理由非常简单,也非常危险:\n\n"
        "模型已经在写代码、做研究,而我们正在用模型去加速下一代模型。\n\n"
        "在某公司内部,已经有工程师坦言:自己几乎不再写代码,而是审核模型写的代码。\n"
    )
    found = speakers(corpus, text)
    assert found == {
        "两年内,多个领域都会出现达到人类水平的通用模型。": "zhao-yiming",
        "模型已经在写代码、做研究,而我们正在用模型去加速下一代模型。": "zhao-yiming",
    }
    # Numbered points under it are each the person's, and a conclusion spelled out after its colon is a view.
    listed = (
        "赵一鸣表示,芯片明年会降价。\n\n"
        "他的理由有两条:\n\n"
        "1. 国产芯片的产能明年一定会翻倍。\n\n"
        "2. 模型的推理成本每年都会降一半。\n\n"
        "赵一鸣的结论是:明年是端侧模型最重要的一年。\n"
    )
    found = speakers(corpus, listed)
    assert found["1. 国产芯片的产能明年一定会翻倍。"] == "zhao-yiming"
    assert found["2. 模型的推理成本每年都会降一半。"] == "zhao-yiming"
    assert found["赵一鸣的结论是:明年是端侧模型最重要的一年。"] == "zhao-yiming"


def test_a_quotation_right_after_a_sentence_whose_subject_is_he_is_the_person_named_last(corpus: Corpus) -> None:
    # "同时,他也对同行释放出善意。“…。…”": no verb of saying, but 他 is the sentence's subject and the quotation, closing the
    # paragraph, is what he said; each of its sentences is his.
    text = (
        "赵一鸣表示,公司明年会推出新芯片。\n\n"
        "同时,他也对同行释放出善意。“现在我觉得大家要同舟共济。勇于踏上这条路的人我都鼓掌。”\n"
    )
    found = speakers(corpus, text)
    assert found["“现在我觉得大家要同舟共济。"] == "zhao-yiming"
    assert found["勇于踏上这条路的人我都鼓掌。”"] == "zhao-yiming"
    # Words he cites are someone else's, and 他们 is no one person.
    told = "赵一鸣表示,公司明年会推出新芯片。\n\n赵一鸣出生于1980年,毕业后做了十年芯片。\n\n"
    cited = f"{told}会后,他引用了一位前辈的话。“做芯片的人一定要耐得住寂寞,十年才能做成一件事。”\n"
    assert "“做芯片的人一定要耐得住寂寞,十年才能做成一件事。”" not in speakers(corpus, cited)
    plural = f"{told}他们也对同行释放出善意。“这个行业足够大,容得下所有人,竞争不是坏事。”\n"
    assert "“这个行业足够大,容得下所有人,竞争不是坏事。”" not in speakers(corpus, plural)


def test_a_stance_voiced_with_biaoda_is_the_persons_view(corpus: Corpus) -> None:
    # 表达 with the stance it voices (担忧 / 信心) reports a view, as 表示 does; 表达 before thanks, or the noun 表达, names none.
    text = (
        "钱多多对模型可能带来的安全风险表达了深切担忧。\n\n"
        "他也表达了对国产芯片明年追上来的信心。\n\n"
        "钱多多表达了对主办方和各位来宾的感谢。\n\n"
        "模型的表达能力越来越强,这是一个趋势。\n"
    )
    assert speakers(corpus, text) == {
        "钱多多对模型可能带来的安全风险表达了深切担忧。": "qian-duoduo",
        "他也表达了对国产芯片明年追上来的信心。": "qian-duoduo",
    }


def test_a_quotation_before_the_clause_naming_the_persons_speech_it_comes_from_is_theirs(corpus: Corpus) -> None:
    # “…,”近日据媒体报道,某某的一则内部讲话曝光。: no verb of saying, but the writer names whose speech the words are from.
    lede = "“外界对大模型有相当多的误解,”近日据媒体报道,赵一鸣的一则内部讲话曝光。"
    relayed = "“芯片一定会越来越便宜,”钱多多转述了赵一鸣的内部讲话。"
    commented = "“模型的差距会越来越大,”有网友评论说,这句话出自赵一鸣的演讲。"
    others = "钱多多表示,模型会降价。赵一鸣表示,芯片会降价。"
    found = speakers(corpus, f"{others}\n\n{lede}\n\n{relayed}\n\n{commented}\n")
    assert found[lede] == "zhao-yiming"
    # Another person named in the clause (who relays the speech), or a verb of saying in it (someone comments), leaves the
    # quotation to the rules that read them.
    assert found.get(relayed) != "zhao-yiming"
    assert commented not in found


def test_a_lead_closing_on_the_topics_the_talk_covered_names_no_view(corpus: Corpus) -> None:
    # "某某谈及三个认知误区,涵盖了A、B、C等热点话题。": the writer tells what the talk covered. A clause that states something
    # before the list (他谈到芯片明年会降价,…) is still the person's.
    lead = "在最近一次和员工交流中,赵一鸣谈及三个芯片认知误区,涵盖了芯片竞争、开源架构效率、端侧趋势等热点话题。"
    stated = "赵一鸣谈到芯片明年会降价,包括手机、汽车、电脑等领域。"
    found = speakers(corpus, f"{lead}\n\n{stated}\n")
    assert lead not in found
    assert found[stated] == "zhao-yiming"


def test_what_things_are_to_the_person_or_in_their_eyes_frames_their_view(corpus: Corpus) -> None:
    # 于他而言,… / 在某某眼里,… frame the person's judgement as 在他看来,… / 在某某眼中,… do.
    text = (
        "钱多多创办了一家做芯片的公司。\n\n"
        "2014年,站在台上的钱多多,想着公司的下一步。于他而言,上市并不代表公司的成功,而是一种幸运。\n\n"
        "在钱多多眼里,芯片是一个百年的大产业。\n\n"
        "对他们而言,上市只是开始。\n\n"  # several people: nobody's view
        "对于公司而言,今年的收入增长了三成。\n"
    )
    found = speakers(corpus, text)
    assert found["于他而言,上市并不代表公司的成功,而是一种幸运。"] == "qian-duoduo"
    assert found["在钱多多眼里,芯片是一个百年的大产业。"] == "qian-duoduo"
    assert "对他们而言,上市只是开始。" not in found
    assert "对于公司而言,今年的收入增长了三成。" not in found


def test_a_turn_labelled_by_a_name_and_its_title_is_that_persons(corpus: Corpus) -> None:
    # 某某教授:… opens 某某's turn, as 某某:… does; before, the turn stayed with the previous speaker.
    text = (
        "某某播客\n\n"
        "钱多多:我是一个外行,对AI有诸多疑问。我担忧过度依赖AI会让能力退化。\n\n"
        "赵一鸣教授:大模型彻底改变了语言处理,其核心能力在于生成。大模型的能力来自预训练数据。\n"
    )
    found = speakers(corpus, text)
    assert found["我担忧过度依赖AI会让能力退化。"] == "qian-duoduo"
    assert found["赵一鸣教授:大模型彻底改变了语言处理,其核心能力在于生成。"] == "zhao-yiming"
    assert found["大模型的能力来自预训练数据。"] == "zhao-yiming"


def test_a_title_after_a_word_that_is_no_name_labels_no_turn(corpus: Corpus) -> None:
    text = "钱多多:我是一个外行,对AI有诸多疑问。\n\n客座教授:这一问题没有标准答案。\n"
    assert speakers(corpus, text).get("客座教授:这一问题没有标准答案。") != "ke-zuo"


def test_a_speech_named_between_the_name_and_the_verb_leaves_the_name_whole(corpus: Corpus) -> None:
    # 致辞 / 发言 before 表示 is the speech the person gives, not the end of their name (宁致辞).
    found = speakers(
        corpus, "某大学教授郑一宁致辞表示,大模型把行业带入了一个新阶段。\n\n赵一鸣发言指出,算力仍然不足。\n"
    )
    assert found == {
        "某大学教授郑一宁致辞表示,大模型把行业带入了一个新阶段。": "zheng-yining",
        "赵一鸣发言指出,算力仍然不足。": "zhao-yiming",
    }


def test_a_meeting_held_or_attended_between_the_name_and_the_verb_leaves_the_name_speaking(corpus: Corpus) -> None:
    # 举行座谈会 / 出席论坛时 before the verb is the occasion, perhaps after the day (17日), not the subject's end.
    found = speakers(
        corpus,
        "某党委员郑一宁17日举行座谈会指出,算力仍然不够,盼有关部门成立算力平台。\n\n"
        "赵一鸣出席论坛时表示,大模型把行业带入了一个新阶段。\n\n"
        "钱多多召开记者会说,明年会推出新模型。\n",
    )
    assert found == {
        "某党委员郑一宁17日举行座谈会指出,算力仍然不够,盼有关部门成立算力平台。": "zheng-yining",
        "赵一鸣出席论坛时表示,大模型把行业带入了一个新阶段。": "zhao-yiming",
        "钱多多召开记者会说,明年会推出新模型。": "qian-duoduo",
    }


def test_explaining_before_a_comma_is_speech_but_what_a_thing_shows_is_not(corpus: Corpus) -> None:
    # 他进一步说明, (he went on to explain) hands over his words; 这说明, / 数据说明, (this shows) names no speaker.
    found = speakers(
        corpus,
        "钱多多表示,模型会越来越便宜。\n\n他进一步说明,若问为什么,大部分人会说是数据不够。\n\n"
        "这说明,问题还在数据。\n\n数据说明,模型并不可靠。\n",
    )
    assert found.get("他进一步说明,若问为什么,大部分人会说是数据不够。") == "qian-duoduo"
    assert "这说明,问题还在数据。" not in found
    assert "数据说明,模型并不可靠。" not in found


def test_a_quotation_before_a_sentence_opening_with_posts_and_a_name_is_that_persons(corpus: Corpus) -> None:
    text = "“我们追求的是可靠的系统。目前来说,还有很长的路要走。”中国工程院院士、某大学教授赵一鸣表示,大模型把行业带入了新阶段。\n"
    assert speakers(corpus, text) == {
        "“我们追求的是可靠的系统。": "zhao-yiming",
        "目前来说,还有很长的路要走。”": "zhao-yiming",
        "中国工程院院士、某大学教授赵一鸣表示,大模型把行业带入了新阶段。": "zhao-yiming",
    }


def test_a_sentence_that_only_names_who_spoke_the_quotation_before_it_is_no_draft(corpus: Corpus) -> None:
    # After the quotation, 在…活动上,某银行副行长钱多多说。 holds a setting, posts, the name and 说: nothing said. A
    # sentence with words of its own after the name (…钱多多说,模型会更便宜。) is still drafted.
    text = (
        "“转型势在必行。客户需求正在变化。”在某论坛承办的一场“银行大模型应用”活动上,某银行原执行董事、副行长钱多多说。\n\n"
        "“成本正在下降。”在同一场活动上,某银行行长赵一鸣说,模型会越来越便宜。\n"
    )
    found = speakers(corpus, text)
    assert found["“转型势在必行。"] == "qian-duoduo"
    assert not [quote for quote in found if quote.endswith("副行长钱多多说。")]
    assert found["在同一场活动上,某银行行长赵一鸣说,模型会越来越便宜。"] == "zhao-yiming"


def test_a_reporters_role_before_a_dotted_name_is_not_part_of_the_name(corpus: Corpus) -> None:
    # 记者 opens the paragraph before 汤姆·克雷恩: it marks where the name starts, as a title does.
    text = "论坛上高管们频频交锋。\n\n记者汤姆·克雷恩指出,本周高管们公开互相批评的频率前所未有。\n"
    found = speakers(corpus, text)
    assert found["记者汤姆·克雷恩指出,本周高管们公开互相批评的频率前所未有。"] == person_id_for("汤姆·克雷恩")


def test_a_dotted_names_whole_first_part_after_a_reporters_role_is_the_name(corpus: Corpus) -> None:
    # After 记者 the four characters 亚历山德 are the name's first part, not only its last two.
    text = "某刊记者亚历山德·莫顿观察到,与去年相比,今年展会人气明显回落。\n"
    found = speakers(corpus, text)
    assert found["某刊记者亚历山德·莫顿观察到,与去年相比,今年展会人气明显回落。"] == person_id_for("亚历山德·莫顿")


def test_a_post_the_text_introduced_a_name_with_names_that_person_as_the_subject(corpus: Corpus) -> None:
    # 某云公司联合创始人 stands alone before 建议: the text introduced that post with 汤姆·克雷恩 right after it, so the
    # words are his; the post alone, never introduced with a name, names nobody.
    text = (
        "出席会议的包括某芯片公司总裁钱多多,以及某云公司联合创始人汤姆·克雷恩。\n\n"
        "某云公司联合创始人则建议:“政策需平衡安全与发展,既保障安全,又促进技术布局。”\n\n"
        "某数据公司联合创始人则建议:“规则应当简单透明,便于企业遵守。”\n"
    )
    found = speakers(corpus, text)
    assert found["某云公司联合创始人则建议:“政策需平衡安全与发展,既保障安全,又促进技术布局。”"] == person_id_for(
        "汤姆·克雷恩"
    )
    assert "某数据公司联合创始人则建议:“规则应当简单透明,便于企业遵守。”" not in found


def test_a_turn_that_is_one_closed_quotation_does_not_run_on_into_the_writers_paragraph(corpus: Corpus) -> None:
    # 某集团董事长钱多多:“…。” quotes him; the quotation closes where the line ends, so the paragraph after it, with no
    # label and no quotation of his, is the writer's bridge to the next speaker, not his turn running on.
    text = (
        "某集团董事长钱多多:“模型会越来越便宜,这是一场革命。”\n\n"
        "虽然前景难以想象,但模型对生产方式的革新已经照进现实,企业家们对此也是谋定而后动。\n\n"
        "某公司总裁赵一鸣:“智能体要成为有情感、更安全的生活伙伴。”\n"
    )
    found = speakers(corpus, text)
    assert found["某集团董事长钱多多:“模型会越来越便宜,这是一场革命。”"] == "qian-duoduo"
    assert "虽然前景难以想象,但模型对生产方式的革新已经照进现实,企业家们对此也是谋定而后动。" not in found


def test_a_label_with_a_second_post_in_brackets_opens_that_persons_turn(corpus: Corpus) -> None:
    # 总裁(创始人)赵一鸣: the bracketed post sits between the first post and the name; the label is still a post and a name,
    # so the line is 赵一鸣's words, not the turn of the person labelled before.
    text = (
        "某集团董事长钱多多:“模型会越来越便宜,这是一场革命。”\n\n"
        "某公司总裁(创始人)赵一鸣:“智能体要成为有情感、更安全的生活伙伴。”\n"
    )
    found = speakers(corpus, text)
    assert found["某公司总裁(创始人)赵一鸣:“智能体要成为有情感、更安全的生活伙伴。”"] == "zhao-yiming"


def test_a_quotation_before_a_sentence_opening_with_an_office_and_a_name_is_that_persons(corpus: Corpus) -> None:
    # 副行长 is an office, not in the titles: the sentence still opens with the person's post and name, so the
    # quotation right before it is theirs, not the view's of the person named in the paragraph before.
    text = (
        "“市场正在变化。”在一场论坛上,某银行行长钱多多说。\n\n"
        "“模型让业务更快。部分部门主动试点。”某银行副行长赵一鸣认为,模型对小银行既是挑战也是机遇。\n"
    )
    found = speakers(corpus, text)
    assert found["“模型让业务更快。"] == "zhao-yiming"
    assert found["部分部门主动试点。”"] == "zhao-yiming"


def test_a_quotation_after_someones_view_is_the_person_named_first_in_the_sentence_after_it(corpus: Corpus) -> None:
    # The quotation opening the paragraph after 钱多多's points is first given to him, until the sentence right after
    # it opens with another person's posts and name.
    text = (
        "钱多多在会上提出三点建议:一是加快技术突破;二是推进应用落地。\n\n"
        "“我们追求的是可靠的系统。目前来说,还有很长的路要走。”中国工程院院士、某大学教授赵一鸣表示,大模型把行业带入了新阶段。\n"
    )
    found = speakers(corpus, text)
    assert found["“我们追求的是可靠的系统。"] == "zhao-yiming"
    assert found["目前来说,还有很长的路要走。”"] == "zhao-yiming"
    # A quotation closed after the view, then a sentence that names another person later on, stays the viewer's.
    text = (
        "钱多多在会上提出三点建议:一是加快技术突破;二是推进应用落地。\n\n"
        "“我们追求的是可靠的系统。目前来说,还有很长的路要走。”这番话让在场的赵一鸣印象很深。\n"
    )
    assert speakers(corpus, text).get("“我们追求的是可靠的系统。") == "qian-duoduo"


def test_a_bold_prediction_is_the_persons_and_how_it_was_received_is_the_writers(corpus: Corpus) -> None:
    # 大胆 between the setting and the verb is a manner, as 明确 is; the sentence after that tells how the words were
    # received (这一言论迅速引爆网络) is the writer's.
    found = speakers(corpus, "近日,赵一鸣在会上大胆预测:明年大模型会降价。这一言论迅速引爆网络,业内议论纷纷。\n")
    assert found == {"近日,赵一鸣在会上大胆预测:明年大模型会降价。": "zhao-yiming"}


def test_how_a_persons_ranking_or_report_was_received_is_the_writers(corpus: Corpus) -> None:
    # 这份排名迅速引发了关注 / 该报告引起热议: the reception of the person's ranking is the writer's telling, as that of a
    # view (这一言论…) is, not the ranking going on.
    ranked = "钱多多在评估中,将甲公司列为第一梯队,而乙公司则被认为落后约半年。"
    for reception in ("这份排名迅速引发了业内的广泛讨论。", "该报告引起了投资者的热议。"):
        found = speakers(corpus, f"{ranked}{reception}\n")
        assert found == {ranked: "qian-duoduo"}


def test_a_foreign_surname_that_reads_as_a_chinese_name_is_the_dotted_name_the_text_wrote(corpus: Corpus) -> None:
    # 钱斯克 after 埃隆·钱斯克 is the same foreign person (its first part spelt in transliteration characters), though
    # 钱斯克 alone would read as a Chinese family name and given name; a Chinese name after a dot word stays its own.
    text = (
        "近日,埃隆·钱斯克在会上预测:明年会实现通用智能。\n\n"
        "钱斯克强调,他们会超越所有对手。\n\n"
        "钱多多表示,电商还会增长。\n"
    )
    assert speakers(corpus, text) == {
        "近日,埃隆·钱斯克在会上预测:明年会实现通用智能。": "ailong-qiansike",
        "钱斯克强调,他们会超越所有对手。": "ailong-qiansike",
        "钱多多表示,电商还会增长。": "qian-duoduo",
    }


def titled_speakers(corpus: Corpus, title: str, text: str) -> dict[str, str]:
    source = Source(id="new", title=title, text=text)
    with_text = dataclasses.replace(corpus, sources={**corpus.sources, "new": source})
    return {s.quote: s.speaker_id for s in suggest_claims(with_text, "new")}


def test_a_quotation_paragraph_under_a_title_that_opens_with_a_name_is_that_persons(corpus: Corpus) -> None:
    # The text names nobody; the title opens with a name and a colon, bare or after a post: the paragraph that is one
    # quotation is that person's words.
    text = "近日,某论坛在北京举行。\n\n“大模型会像电一样普及。三年内每个企业都会用上。算力会越来越便宜。”\n"
    for title in ["赵一鸣:大模型三年内会普及", "某大学教授赵一鸣:大模型三年内会普及"]:
        found = titled_speakers(corpus, title, text)
        assert found.get("“大模型会像电一样普及。") == "zhao-yiming", title
        assert found.get("三年内每个企业都会用上。") == "zhao-yiming", title
    # Without a name in the title, or with two quotations in the paragraph, nobody is guessed.
    assert titled_speakers(corpus, "大模型三年内会普及", text) == {}
    two = "近日,某论坛在北京举行。\n\n“大模型会像电一样普及。三年内每个企业都会用上。”“算力会越来越便宜。”\n"
    assert titled_speakers(corpus, "赵一鸣:大模型三年内会普及", two) == {}


def test_a_name_giving_an_example_before_a_comma_is_a_speaker(corpus: Corpus) -> None:
    # 举例 alone before the comma hands over the person's example, as 举例说 does.
    text = (
        "但模型的安全问题依旧不容忽视。“有了数据之后,又确实存在一个严重问题。”赵一鸣举例,假如是医疗、法律等领域,"
        "这种不能出错,这时候错误就是非常严重的问题。\n\n"
        "“模型一旦胡乱编造信息,就会带来严重后果。”钱多多举例。\n\n"
        "举例来说,某某公司的模型去年降价了一半。\n\n"
        "钱多多举例子的时候提到了某某公司。\n"
    )
    found = speakers(corpus, text)
    assert found == {
        "“有了数据之后,又确实存在一个严重问题。”": "zhao-yiming",
        "赵一鸣举例,假如是医疗、法律等领域,这种不能出错,这时候错误就是非常严重的问题。": "zhao-yiming",
        "“模型一旦胡乱编造信息,就会带来严重后果。”钱多多举例。": "qian-duoduo",
    }


def test_a_quotation_whose_closing_mark_a_wrong_encoding_turned_into_question_and_exclamation_marks(
    corpus: Corpus,
) -> None:
    # 。” came out as "?!" with the characters after it garbled: the quotation still closed there, and the person the
    # sentence after it names said it, not the person of the paragraph before.
    text = (
        "“模型越来越多地走进我的生活。”全国人大代表、某某汽车董事长钱多多说,他坐自动驾驶的汽车上下班。\n\n"
        "“我深刻地感受到新时代的开始,国产品牌全面崛起的时代开始?!痹诒本┐韴F开放日,全国人大代表、某某集团创始人"
        "赵一鸣表示,某某将致力于成为硬核科技引领者。\n"
    )
    found = speakers(corpus, text)
    assert found["“我深刻地感受到新时代的开始,国产品牌全面崛起的时代开始?!"] == "zhao-yiming"
    # A quotation that closes keeps its marks: "?!" inside it is the speaker's own; so does text quoting nothing.
    assert reading("“真的会更便宜吗?!”钱多多反问道。") == "“真的会更便宜吗?!”钱多多反问道。"
    assert reading("真的会更便宜吗?!钱多多反问道。") == "真的会更便宜吗?!钱多多反问道。"
    assert reading("“时代开始?!痹诒本") == "“时代开始。”痹诒本"


def test_the_name_a_wrong_encoding_garbled_after_a_lost_closing_mark_is_read_back(corpus: Corpus) -> None:
    # The GBK bytes after the lost 。” were read one byte late (卞X for 錢): read back, the sentence after the quotation
    # names its speaker, not the person of the paragraph before.
    text = (
        "“模型越來越多地走進我的生活。”某某汽車董事長趙一鳴說。\n\n"
        "“模型會越來越便宜,價格戰不會持續很久?!卞X多多告訴記者,他每天都用模型寫代碼。\n"
    )
    found = speakers(corpus, text)
    assert found["“模型會越來越便宜,價格戰不會持續很久?!卞X多多告訴記者,他每天都用模型寫代碼。"] == "qian-duoduo"
    assert reading("“很久?!卞X多多告訴") == "“很久。” 钱多多告诉"
    # A run that does not read back as Chinese text (a Cyrillic letter) is left as the page has it.
    assert reading("“很久?!抱ㄔV多多") == "“很久。”抱ㄔV多多"


def test_a_study_the_person_did_with_its_finding_after_the_comma_is_the_persons_claim(corpus: Corpus) -> None:
    # 做过一项统计, then the finding: the person who did the study claims it. Named with nothing after it, the study is
    # only an act.
    text = (
        "某大学经济学教授钱多多曾做过一项统计,全国登记在册的300个职业中,未来十年将有三成被模型取代。\n\n"
        "某研究院院长赵一鸣做过一项调研。\n"
    )
    found = speakers(corpus, text)
    assert found == {
        "某大学经济学教授钱多多曾做过一项统计,全国登记在册的300个职业中,未来十年将有三成被模型取代。": "qian-duoduo"
    }


def test_a_dotted_names_last_part_after_a_latin_title_and_a_space_is_that_person(corpus: Corpus) -> None:
    # 比 cut the dotted name's last part (罗森 of 罗森比斯); the page writes the whole part alone after "CEO ", a Latin
    # title and a space: 他 after it is that person, not the one the paragraph before named.
    text = (
        "论坛上,赵一鸣、埃里克·罗森比斯等人先后发言。\n\n"
        "赵一鸣认为,模型价格还会下降。\n\n"
        "与之形成对比的是某实验室CEO 罗森比斯的谨慎判断,他认为“通用智能还要十年”。\n"
    )
    found = speakers(corpus, text)
    assert found["与之形成对比的是某实验室CEO 罗森比斯的谨慎判断,他认为“通用智能还要十年”。"] == "ailike-luosenbisi"


def test_unnamed_experts_views_end_the_named_persons_reported_speech(corpus: Corpus) -> None:
    # 专家认为 after a named person's report: unnamed experts' view, not the person's speech going on; an expert the text
    # names is that person.
    text = (
        "在日前召开的大会开幕式上,某某办公室副主任赵一鸣介绍,截至目前,已经有433款大模型完成备案。专家认为,"
        "大模型备案数量激增印证了研发能力的跃升。\n\n"
        "人工智能专家钱多多认为,价格战还会持续。\n"
    )
    assert speakers(corpus, text) == {
        "在日前召开的大会开幕式上,某某办公室副主任赵一鸣介绍,截至目前,已经有433款大模型完成备案。": "zhao-yiming",
        "人工智能专家钱多多认为,价格战还会持续。": "qian-duoduo",
    }


def test_a_view_the_quoted_people_share_as_one_counted_subject_is_no_one_persons(corpus: Corpus) -> None:
    # 三位嘉宾一致强调,… after each guest's reported view: the shared view is no one person's, not the last guest's speech
    # going on; a later sentence naming one of them is theirs again.
    shared = "三位嘉宾一致强调,好奇心与判断力是人类最不可替代的能力。"
    both = "两人都认为,开源模型终将赢下这场竞争。"
    text = (
        f"论坛上,赵一鸣预测三年内会出现百亿个智能体;钱多多认为价格战还会持续;{shared}\n\n"
        f"孙立表示,芯片会先降价。{both}\n"
    )
    found = speakers(corpus, text)
    assert shared not in found
    assert both not in found
    assert found.get("孙立表示,芯片会先降价。") == "sun-li"


def test_a_person_asked_a_question_answers_it_though_the_question_holds_quotation_marks(corpus: Corpus) -> None:
    # 被问及…时称: the one asked is the speaker; the question between the name and the verb may quote a word.
    found = speakers(
        corpus,
        "在某大会上,赵一鸣被问及见过最“疯狂”的创业者是谁时称,还是钱多多,很多创业者还是比较理性。\n\n"
        "孙立被记者问到明年的计划时表示,公司一定要先做好芯片。\n\n"
        "赵一鸣表示,芯片要自己做,这是最关键的。\n\n孙立表示,模型价格未来会越来越便宜。\n",
    )
    assert (
        found["在某大会上,赵一鸣被问及见过最“疯狂”的创业者是谁时称,还是钱多多,很多创业者还是比较理性。"]
        == "zhao-yiming"
    )
    assert found["孙立被记者问到明年的计划时表示,公司一定要先做好芯片。"] == "sun-li"


def test_a_word_counting_people_is_no_name_though_it_opens_with_a_family_name(corpus: Corpus) -> None:
    # 许多人预测: 许 is a family name, but 许多 counts people; many people's forecast is nobody's view.
    found = speakers(corpus, "许多人预测,模型的价格战将从根本上改变行业格局。\n\n赵一鸣表示,价格战一定不会持续。\n")
    assert found == {"赵一鸣表示,价格战一定不会持续。": "zhao-yiming"}


def test_a_recent_interview_between_the_name_and_the_verb_leaves_the_name_the_speaker(corpus: Corpus) -> None:
    # 最近 dates the interview as 近日 does, after a name in characters or a Latin name and its space.
    found = speakers(
        corpus,
        "孙立最近在接受采访时表示,价格战一定不会持续。\n\n"
        "某基金的创始合伙人 Larry Wang 最近在接受采访时表示,开源模型的未来最关键。\n",
    )
    assert found == {
        "孙立最近在接受采访时表示,价格战一定不会持续。": "sun-li",
        "某基金的创始合伙人 Larry Wang 最近在接受采访时表示,开源模型的未来最关键。": "larry-wang",
    }


def test_a_person_named_with_others_who_share_the_view_is_its_speaker(corpus: Corpus) -> None:
    # 某某等人认为: the others are unnamed; the view is the named person's.
    found = speakers(
        corpus,
        "孙立表示,模型会越来越便宜。\n\n孙立等人指出,价格战一定不会持续。\n\n"
        "某公司首席科学家 Kaoutar Benali 等人认为,真正的创新在于架构效率,这一点最关键。\n",
    )
    assert found["孙立等人指出,价格战一定不会持续。"] == "sun-li"
    assert found["某公司首席科学家 Kaoutar Benali 等人认为,真正的创新在于架构效率,这一点最关键。"] == "kaoutar-benali"


def test_a_latin_name_with_an_accented_letter_is_a_name_and_its_id_keeps_the_plain_letter(corpus: Corpus) -> None:
    found = speakers(corpus, "某基金负责人 José Marté 表示:“开源模型正在打破旧的格局,这一点最关键。”\n")
    assert set(found.values()) == {"jose-marte"}
    assert person_id_for("Matthieu Soulé") == "matthieu-soule"


def test_the_findings_a_person_presents_from_the_report_released_are_that_persons(corpus: Corpus) -> None:
    # 某某发布了《…报告》,从…来看,…: what the report finds, as the person who released it presents it.
    found = speakers(
        corpus,
        "某研究所所长赵一鸣在论坛上发布了《中国大模型地图研究报告》,从模型类型来看,国内通用类大模型正在持续拓展应用领域。\n\n"
        "某公司在会上发布了《行业白皮书》,报告显示,七成企业已经在用大模型。\n",
    )
    assert found == {
        "某研究所所长赵一鸣在论坛上发布了《中国大模型地图研究报告》,从模型类型来看,国内通用类大模型正在持续拓展应用领域。": "zhao-yiming"
    }


def test_she_after_a_sentence_naming_one_person_after_a_post_is_that_person(corpus: Corpus) -> None:
    # 副院长孙立谈论了…。她说,…: 谈论 is no verb of speech, yet the post marks where the name starts, and 她 is that person.
    found = speakers(
        corpus,
        "某研究院副院长孙立谈论了人工智能和社会科学研究的未来。她说,人工智能的发展导致社会科学研究的生态发生了重大变化。\n",
    )
    assert found == {"她说,人工智能的发展导致社会科学研究的生态发生了重大变化。": "sun-li"}


def test_a_question_mark_before_a_semicolon_is_a_broken_character_not_a_sentences_end() -> None:
    from knowledge.ingest.speakers import split_sentences

    # 規?;膷: a wrong encoding turned one character into "?;"; the sentence goes on after it.
    assert split_sentences("伴隨產業進入規?;膷湫码A段,數據為融入創造了空間。模型會怎樣?;沒人知道。") == [
        "伴隨產業進入規?;膷湫码A段,數據為融入創造了空間。",
        "模型會怎樣?;沒人知道。",
    ]
    assert split_sentences("模型會怎樣?沒人知道。") == ["模型會怎樣?", "沒人知道。"]


def test_two_question_marks_glued_between_characters_are_a_broken_character_not_a_sentences_end(
    corpus: Corpus,
) -> None:
    # 會非??焖: a wrong encoding turned one character into "??"; the view goes on after it and is drafted whole.
    said = "赵一鸣認為,這種突破會非??焖俚剡M入各行各業,帶來巨大價值。"
    assert split_sentences(f"{said}他補充道。") == [said, "他補充道。"]
    assert speakers(corpus, f"{said}\n") == {said: "zhao-yiming"}
    # A question's particle before them (真的嗎??) still ends the question.
    assert split_sentences("真的嗎??我不信。") == ["真的嗎??", "我不信。"]


def test_pointing_out_with_a_comma_after_it_hands_over_the_persons_view(corpus: Corpus) -> None:
    # 指明, beside 指出: before a comma it hands over the view; 为行业指明了方向 names nobody.
    found = speakers(
        corpus,
        "在论坛上,某学院院长孙立指明,如何释放模型的应用潜力,成为加速产业规模化的关键所在。\n",
    )
    assert found == {"在论坛上,某学院院长孙立指明,如何释放模型的应用潜力,成为加速产业规模化的关键所在。": "sun-li"}
    assert not speakers(corpus, "某机构院长孙立为行业指明了方向,模型的关键在于应用。\n")


def test_a_compound_family_name_with_a_given_name_of_two_is_one_name(corpus: Corpus) -> None:
    # 阳 is a family name too, but after 欧 it is the compound's second character: the name is all four.
    assert speakers(corpus, "校友会会长欧阳明远表示,算力会越来越便宜。\n") == {
        "校友会会长欧阳明远表示,算力会越来越便宜。": "ouyang-mingyuan"
    }
    # Introduced after a post, then 他 in the next sentence is the same four-character name.
    text = "某协会创始主席、某大学荣誉会长欧阳明远致欢迎辞,他对嘉宾的到来表示感谢。他指出,大模型正在重塑产业格局。\n"
    assert speakers(corpus, text) == {"他指出,大模型正在重塑产业格局。": "ouyang-mingyuan"}


def test_a_question_mark_before_the_rest_of_a_pinyin_note_ends_no_sentence(corpus: Corpus) -> None:
    # A spinner's copy: a wrong encoding turned a character and its note's opening bracket into ?, the note's syllables
    # and closing bracket follow; the sentence goes on.
    text = "張偉(wěi)表示,企業(yè)應(yīng)把精力放在應(yīng)用上,因?yàn)閰?shù)規(guī)模不是一切。\n"
    assert list(speakers(corpus, text).items()) == [(text.strip(), "zhang-wei")]
    # A real question mark before a bracket of the text's own stays a sentence's end.
    assert split_sentences("參數(shù)越多越好嗎?(記者注)他認(rèn)為並非如此。") == [
        "參數(shù)越多越好嗎?",
        "(記者注)他認(rèn)為並非如此。",
    ]


def test_a_readers_forum_names_each_contributor_alone_on_a_line_over_their_paragraphs(corpus: Corpus) -> None:
    # Three or more name lines, each over paragraphs that name nobody: a forum's contributors, not photos' captions.
    # A line may carry the place the contributor writes from, or spell the name out with a space.
    text = (
        "杭州周明远\n\n"
        "大模型能批改作业,但教育终究是人与人的事情,机器代替不了老师的陪伴。\n\n"
        "柯 澜\n\n"
        "机器没有情感,它读不懂一个孩子低头时的心事。\n\n"
        "俞和平\n\n"
        "课堂上最要紧的是提问的能力,这一点算法永远教不会。\n\n"
        "真正会被淘汰的,只是那些照本宣科的教学方式。\n"
    )
    found = speakers(corpus, text)
    assert found["大模型能批改作业,但教育终究是人与人的事情,机器代替不了老师的陪伴。"] == "zhou-mingyuan"
    assert found["机器没有情感,它读不懂一个孩子低头时的心事。"] == "ke-lan"
    assert found["课堂上最要紧的是提问的能力,这一点算法永远教不会。"] == "yu-heping"
    assert found["真正会被淘汰的,只是那些照本宣科的教学方式。"] == "yu-heping"


def test_a_person_introduced_with_a_title_after_the_name_is_then_the_family_name_and_that_title(
    corpus: Corpus,
) -> None:
    # 某研究所所长柯润生教授 once, then only 柯教授: the short form is that person.
    text = (
        "论坛的主持人,是某大学微电子研究所所长柯润生教授;他还作了题为《芯片的未来》的报告。\n\n"
        "柯教授指出,通用处理器的架构已经落后于算法的演进,专用芯片才是出路。\n"
    )
    found = speakers(corpus, text)
    assert found["柯教授指出,通用处理器的架构已经落后于算法的演进,专用芯片才是出路。"] == "ke-runsheng"


def test_a_person_who_would_rather_believe_something_holds_that_view(corpus: Corpus) -> None:
    # 愿意相信 (would rather believe), after 也 / 更, is the person's stance as 相信 alone is.
    text = "赵一鸣认为算力是瓶颈。\n\n柯润生也更愿意相信,通用智能是一种信念,它的边界一直在变。\n"
    found = speakers(corpus, text)
    assert found["柯润生也更愿意相信,通用智能是一种信念,它的边界一直在变。"] == "ke-runsheng"


def test_a_family_name_is_read_as_a_family_name() -> None:
    # 曾 / 单 / 解 as family names read Zeng / Shan / Xie, not their common readings ceng / dan / jie.
    assert person_id_for("曾一鸣") == "zeng-yiming"
    assert person_id_for("单立新") == "shan-lixin"
    assert person_id_for("解润生") == "xie-runsheng"
    assert person_id_for("赵一鸣") == "zhao-yiming"


def test_a_transliterated_foreign_name_reads_its_characters_as_transliterations() -> None:
    # 什 and 都 in a dotted foreign name are shi and du (the transliteration tables' readings), not shen and dou.
    assert person_id_for("卡什·莫都") == "kashi-modu"
    assert person_id_for("阿都·拉什德") == "adu-lashide"
    assert person_id_for("贝隆·卡洛斯") == "beilong-kaluosi"


def test_the_town_a_person_spoke_in_stands_between_the_name_and_the_verb(corpus: Corpus) -> None:
    # 某某在某镇告诉记者 / 某某在某市表示: the short place after 在 is where the person spoke, and the name before it speaks.
    text = (
        "港务局顾问柯润生在青岚镇告诉本报记者,冷链仓储的租金明年还会上涨。\n\n"
        "赵一鸣在临川表示,小型船厂应当联合起来采购钢材。\n"
    )
    found = speakers(corpus, text)
    assert found["港务局顾问柯润生在青岚镇告诉本报记者,冷链仓储的租金明年还会上涨。"] == "ke-runsheng"
    assert found["赵一鸣在临川表示,小型船厂应当联合起来采购钢材。"] == "zhao-yiming"


def test_already_between_the_name_and_the_verb_leaves_the_name_speaking(corpus: Corpus) -> None:
    # 已, the written short form of 已经, says when the person spoke (某某已多次表示 / 某某已在多个场合强调), not who.
    text = "赵一鸣已多次表示,港口的冷链仓储还要再扩一倍。\n\n柯润生已在不少行业会上强调要全面转向电动渔船。\n"
    found = speakers(corpus, text)
    assert found["赵一鸣已多次表示,港口的冷链仓储还要再扩一倍。"] == "zhao-yiming"
    assert found["柯润生已在不少行业会上强调要全面转向电动渔船。"] == "ke-runsheng"


def test_a_name_then_jiangdao_and_a_colon_hands_over_that_persons_words(corpus: Corpus) -> None:
    # 某某讲到:“…” is that person's speech, not the words of the speaker quoted in the paragraph before.
    text = (
        "赵一鸣在致辞中提到:“本省是重要的电子信息产业基地。”\n\n"
        "柯润生讲到:“芯片是信息产业的核心,是支撑经济社会发展的战略性产业。”\n"
    )
    found = speakers(corpus, text)
    assert found["柯润生讲到:“芯片是信息产业的核心,是支撑经济社会发展的战略性产业。”"] == "ke-runsheng"


def test_a_persons_answer_spelled_out_after_de_daan_shi_is_their_view(corpus: Corpus) -> None:
    # A writer's question, then 某某的答案是…: the answer is that person's view.
    text = "如何找到新的增长点?柯润生的答案是大力发展端侧智能,让算力走进每一台设备。\n"
    found = speakers(corpus, text)
    assert found["柯润生的答案是大力发展端侧智能,让算力走进每一台设备。"] == "ke-runsheng"


def test_a_pronoun_before_a_colon_is_the_person_named_earlier_in_its_sentence(corpus: Corpus) -> None:
    # 这个观点某某并不认可,他转发并配文称:“…”: 他 is the person the sentence just named, not the one quoted before.
    text = (
        "柯润生认为应用层大有可为。赵一鸣的观点是:算力太贵了,对小公司很不友好。\n\n"
        "这个观点柯润生显然并不认可,他转发并配文称:“一半的创业公司都在做应用了,投资人还这么悲观。”\n"
    )
    found = speakers(corpus, text)
    assert (
        found["这个观点柯润生显然并不认可,他转发并配文称:“一半的创业公司都在做应用了,投资人还这么悲观。”"]
        == "ke-runsheng"
    )


def test_a_quotation_after_a_colon_is_the_person_who_opens_the_clause_before_it(corpus: Corpus) -> None:
    # 某某的帖子发出不久,某某本人现身评论区:“…”: the second person, who opens the clause before the colon, speaks.
    text = (
        "柯润生认为应用层大有可为。赵一鸣认为算力是瓶颈。\n\n"
        "柯润生的帖子发出不到一小时,赵一鸣本人现身评论区:“九成的价值都是底座模型创造的,这样的公司有什么价值。”\n"
    )
    found = speakers(corpus, text)
    assert (
        found["柯润生的帖子发出不到一小时,赵一鸣本人现身评论区:“九成的价值都是底座模型创造的,这样的公司有什么价值。”"]
        == "zhao-yiming"
    )


def test_a_name_opening_the_sentence_then_a_short_verb_phrase_and_a_colon_hands_over_a_view(corpus: Corpus) -> None:
    # 某某随之泼来冷水:…: as 她只想泼冷水:… does, with the person's name in place of the pronoun.
    text = "柯润生认为应用层大有可为。赵一鸣认为算力是瓶颈。\n\n赵一鸣随之泼来冷水:对大模型不要有太高的期望就好。\n"
    found = speakers(corpus, text)
    assert found["赵一鸣随之泼来冷水:对大模型不要有太高的期望就好。"] == "zhao-yiming"


def test_a_subjectless_verb_of_speech_after_a_connective_goes_on_with_the_last_speaker(corpus: Corpus) -> None:
    # 并且指出,某某的说法…: the person who spoke before goes on; the name after the verb is what they speak of.
    text = "柯润生认为应用层大有可为。\n\n赵一鸣表示,对大模型不要有太高的期望。并且指出,柯润生的说法更适合海外市场。\n"
    found = speakers(corpus, text)
    assert found["并且指出,柯润生的说法更适合海外市场。"] == "zhao-yiming"


def test_a_three_character_name_after_a_post_stands_when_a_word_starts_right_after_it(corpus: Corpus) -> None:
    # 院士某某福分享…时说: 福分 is a word, but 分享 starts right after the three characters, so the name keeps its third.
    text = "院士赵一福分享手术机器人研发案例时说,机器人让手术更精准了,年轻医生做得更好。\n"
    found = speakers(corpus, text)
    assert found["院士赵一福分享手术机器人研发案例时说,机器人让手术更精准了,年轻医生做得更好。"] == "zhao-yifu"


def test_a_person_who_leans_more_to_one_choice_holds_that_view(corpus: Corpus) -> None:
    # 某某更倾向于…: the person's stance, as 看好 / 偏爱 are; 倾向于 alone (处理器倾向于…) stays a thing's tendency.
    text = "相比租车方案,柯润生更倾向于“移动的家”——一辆全家共用的车,既能降低成本,又能增加幸福感。\n"
    found = speakers(corpus, text)
    assert (
        found["相比租车方案,柯润生更倾向于“移动的家”——一辆全家共用的车,既能降低成本,又能增加幸福感。"] == "ke-runsheng"
    )


def test_what_bears_out_a_persons_core_view_hands_that_view_over(corpus: Corpus) -> None:
    # 这印证了他的核心观点——…: the view after the dash is the person's, though narration stood in between.
    text = (
        "赵一鸣认为算力是瓶颈。\n\n在信贷领域,模型准确率已经很高,但仍有三成模型因流程不匹配而闲置。\n\n"
        "这印证了他的核心观点——AI落地本质是战略思维的重构,需要同步完成组织架构的改造。\n"
    )
    found = speakers(corpus, text)
    assert found["这印证了他的核心观点——AI落地本质是战略思维的重构,需要同步完成组织架构的改造。"] == "zhao-yiming"


def test_a_name_holding_wei_that_labels_turns_is_a_persons(corpus: Corpus) -> None:
    # 为 is as often a preposition, so a name holding it (孙为 / 李为民) is read as one only where no preposition stands:
    # a turn's label at a paragraph's start, written after a post as well or labelling two turns.
    text = (
        "某某科技副总裁孙为日前接受了本报记者的专访。\n\n"
        "孙为表示,国产芯片的需求还远没有到顶。\n\n"
        "记者:贵公司主要做什么?\n\n"
        "孙为:我们做的是通用芯片,训练和推理都可以做。\n"
    )
    found = speakers(corpus, text)
    assert found["孙为表示,国产芯片的需求还远没有到顶。"] == "sun-wei"
    assert found["孙为:我们做的是通用芯片,训练和推理都可以做。"] == "sun-wei"
    text = "主持人:端侧模型什么时候落地?\n\n李为民:我认为手机会先装上大模型。\n\n主持人:价格战呢?\n\n李为民:我觉得价格战不会持续太久。\n"
    found = speakers(corpus, text)
    assert found["李为民:我认为手机会先装上大模型。"] == "li-weimin"
    assert found["李为民:我觉得价格战不会持续太久。"] == "li-weimin"
    # A preposition after a family name's character in the narrative is no name (王为大家…).
    assert "wang-wei" not in speakers(corpus, "国王为大家介绍了新产品。他认为明年会更好。\n").values()


def test_a_name_holding_zhong_that_labels_two_turns_is_a_persons(corpus: Corpus) -> None:
    # 中 is as often a postposition (在…中), so 张建中 is read as a name where none stands: two turns' labels.
    text = (
        "主持人:大模型会不会取代程序员?\n\n"
        "孙立:资本现在更看重应用层。\n\n"
        "张建中:我认为短期内不会,程序员的工作会从写代码变成审代码。\n\n"
        "主持人:那么测试呢?\n\n"
        "张建中:测试会最先被自动化。\n"
    )
    found = speakers(corpus, text)
    assert found["张建中:我认为短期内不会,程序员的工作会从写代码变成审代码。"] == "zhang-jianzhong"
    assert found["张建中:测试会最先被自动化。"] == "zhang-jianzhong"


def test_a_name_spelt_as_a_city_that_labels_a_turn_after_a_post_is_a_persons(corpus: Corpus) -> None:
    # 常州 / 高州 are cities in the dictionary, so such a name is never read as one in running text; a magazine interview
    # that introduces its guest after a post (教授、博士生导师某州) and labels the guest's turn with it (某州:…。) names a person,
    # and the paragraphs of the answer are theirs.
    text = (
        "针对这些问题,本刊日前专访了某某大学教授、博士生导师常州。\n\n"
        "本刊:开源模型的意义何在?\n\n"
        "常州:开源模型的崛起是一次基础层面的突破,这不仅是技术进步,更是影响力的跃升。\n\n"
        "开源让更多中小企业有机会参与到全球竞争中来。\n"
    )
    found = speakers(corpus, text)
    assert found["常州:开源模型的崛起是一次基础层面的突破,这不仅是技术进步,更是影响力的跃升。"] == "chang-zhou"
    assert found["开源让更多中小企业有机会参与到全球竞争中来。"] == "chang-zhou"
    # A city's body after a post's word (代表常州队出战 / 常州市) names no person: its label is nobody's.
    team = "本刊记者代表常州队出战。\n\n常州:新的产业园今年开工,总投资超过十亿元。\n"
    assert "chang-zhou" not in speakers(corpus, team).values()


def test_a_taiwanese_reports_bracketed_date_inside_today_is_a_time_word(corpus: Corpus) -> None:
    # 今(15)日 / 昨(14)日, the day's date in brackets inside 今日 / 昨日, stands between the name and the verb as 今日 does:
    # the name is the speaker, and 他 in the next sentence is that person.
    text = "某某集團董事長趙一鳴今（15）日表示，他將出席下週的大會。他並認為，AI發展才剛開始，潛力非常大。\n"
    found = speakers(corpus, text)
    assert found["他並認為，AI發展才剛開始，潛力非常大。"] == "zhao-yiming"
    assert speakers(corpus, "钱多多昨(14)日指出,芯片价格明年会继续下降。\n") == {
        "钱多多昨(14)日指出,芯片价格明年会继续下降。": "qian-duoduo"
    }


def test_a_verb_after_the_interview_it_was_said_in_has_the_sentences_subject(corpus: Corpus) -> None:
    # 某某今日出席…活动,接受媒体访问时指出,…: the clause has no subject of its own; the name opening the sentence speaks.
    text = "赵一鸣表示,今年的订单翻了一番。赵一鸣今日出席某某论坛开幕式活动,接受媒体访问时指出,产业正从专用AI走向通用AI。\n"
    found = speakers(corpus, text)
    assert found["赵一鸣今日出席某某论坛开幕式活动,接受媒体访问时指出,产业正从专用AI走向通用AI。"] == "zhao-yiming"


def test_a_second_persons_verb_of_opinion_after_a_comma_starts_their_own_statement(corpus: Corpus) -> None:
    # …并估算…,某某直言,…: the figure is the first person's, the answer to it the second's; 他认为 after a comma goes on.
    text = (
        "赵一鸣表示,订单翻了一番。"
        "某公司CEO钱多多提出希望每周能建成一座数据中心,并估算每座相当于五百亿元投资,赵一鸣直言,这个市场的规模可以想见。\n"
    )
    found = speakers(corpus, text)
    assert found["赵一鸣直言,这个市场的规模可以想见。"] == "zhao-yiming"
    assert split_sentences("钱多多表示,明年芯片会更便宜,他认为,价格战会结束。") == [
        "钱多多表示,明年芯片会更便宜,他认为,价格战会结束。"
    ]


def test_an_opening_speech_written_zhici_between_the_name_and_the_verb_is_a_setting(corpus: Corpus) -> None:
    # 致詞 / 致词, as a Taiwanese report writes 致辞, and the session it opens (开幕致词) stand between the name and the verb.
    text = (
        "某某展今日登場,某某公會理事長、某某公司董事長趙一鳴開幕致詞表示,台灣已是供應鏈中不可或缺的一環。\n\n"
        "趙一鳴致詞表示,所有重要公司都到齊了。\n"
    )
    found = speakers(corpus, text)
    assert found[
        "某某展今日登場,某某公會理事長、某某公司董事長趙一鳴開幕致詞表示,台灣已是供應鏈中不可或缺的一環。"
    ] == ("zhao-yiming")
    assert found["趙一鳴致詞表示,所有重要公司都到齊了。"] == "zhao-yiming"


def test_the_person_addressed_after_an_adverb_and_dui_is_not_the_speaker(corpus: Corpus) -> None:
    # 某某也对总统某某呼吁,…: 也 between the name and 对… leaves the speaker's name before it; the one addressed is not it.
    text = "赵一鸣表示,电力是算力的基础。面对缺电的课题,赵一鸣也对总统钱多多呼吁,政府要稳定供电。\n"
    found = speakers(corpus, text)
    assert found["面对缺电的课题,赵一鸣也对总统钱多多呼吁,政府要稳定供电。"] == "zhao-yiming"


def test_a_conversation_labelled_by_first_names_that_recur_is_read_turn_by_turn(corpus: Corpus) -> None:
    # A podcast's two hosts go by first names (晓雨 / 海风), which read as no family name and a given name; each label
    # opens two turns, so they are speakers' turns, not headlines. A role's label (主持人:) stays nobody's.
    first = "晓雨: 大家好。我觉得开源才是这一轮竞争的关键。"
    second = "海风: 没错,闭源模型的优势正在快速缩小。"
    third = "晓雨: 那未来两年谁会胜出?"
    fourth = "海风: 我认为最后一定是生态最好的那家公司。"
    host = "主持人: 我认为这个话题未来还会很重要。"
    found = speakers(corpus, "\n\n".join([first, second, third, fourth, host, host]) + "\n")
    assert found == {
        "我觉得开源才是这一轮竞争的关键。": "xiao-yu",
        second: "hai-feng",
        fourth: "hai-feng",
    }


def test_a_date_stamp_glued_before_a_conversations_first_label_is_no_part_of_it(corpus: Corpus) -> None:
    # The page glued the episode's date (3-14) to the first turn's label: 3-14晓雨: is 晓雨's turn all the same.
    first = "3-14晓雨: 大家好。我觉得开源才是这一轮竞争的关键。"
    second = "海风: 没错,闭源模型的优势正在快速缩小。"
    third = "晓雨: 那未来两年谁会胜出?"
    fourth = "海风: 我认为最后一定是生态最好的那家公司。"
    fifth = "晓雨: 我相信价格战最后会伤害所有人。"
    found = speakers(corpus, "\n\n".join([first, second, third, fourth, fifth]) + "\n")
    assert found == {
        "我觉得开源才是这一轮竞争的关键。": "xiao-yu",
        second: "hai-feng",
        fourth: "hai-feng",
        fifth: "xiao-yu",
    }


def test_he_in_a_turn_its_speakers_label_opens_is_the_person_the_turn_named(corpus: Corpus) -> None:
    # Nobody calls themselves 他 in their own turn: 他 is 赵一鸣, whom the turn named before, though no 我 stands before it.
    first = "钱多多: 以前的赵一鸣是个斗士,现在的他温和多了。他在发布会上抛出一个新说法,说开源是唯一的出路。"
    second = "孙立: 我认为这是很关键的转变。"
    found = speakers(corpus, "\n\n".join([first, second]) + "\n")
    assert found["他在发布会上抛出一个新说法,说开源是唯一的出路。"] == "zhao-yiming"
    assert found[second] == "sun-li"


def test_a_turns_speaker_goes_on_after_reporting_someone_elses_words(corpus: Corpus) -> None:
    # 钱多多 reports 赵一鸣's remark, then comments on it: the comment is 钱多多's, not 赵一鸣's words going on.
    first = "钱多多: 赵一鸣最近表示,开源是大模型唯一的出路。这可不是一句简单的客套话,背后是很关键的判断。"
    second = "孙立: 我认为这是很关键的转变。"
    found = speakers(corpus, "\n\n".join([first, second]) + "\n")
    assert found["钱多多: 赵一鸣最近表示,开源是大模型唯一的出路。"] == "zhao-yiming"
    assert found["这可不是一句简单的客套话,背后是很关键的判断。"] == "qian-duoduo"


def test_what_is_in_a_persons_mind_frames_their_view_as_in_their_eyes_does(corpus: Corpus) -> None:
    # 在某某心里, / 在某某心中, is 在某某眼中,: the person's view; 心里 before anything but a comma or a colon is a feeling.
    view = "不过,价格并不是重点,在孙立心里,开源才是这一轮竞争最重要的事。"
    other = "在钱多多心中,大模型的价格战最终一定会伤害所有人。"
    feeling = "赵一鸣心里很不是滋味,价格战最终一定会伤害所有人。"
    found = speakers(corpus, "\n\n".join([feeling, view, other]) + "\n")
    assert found == {view: "sun-li", other: "qian-duoduo"}


def test_revealing_before_a_comma_hands_over_the_persons_words(corpus: Corpus) -> None:
    # 曝出, before a comma is 透露,: what the person revealed; 曝出 before a noun (曝出了丑闻) names no view.
    view = "最近,孙立在直播中曝出,当初新产品的定价是自己随手决定的,结果亏损严重。"
    news = "钱多多所在的公司上周曝出了亏损严重的财报,未来一定会裁员。"
    found = speakers(corpus, "\n\n".join([news, view]) + "\n")
    assert found == {view: "sun-li"}


def test_the_points_listed_after_a_sentence_naming_the_interview_a_person_gave_are_theirs(corpus: Corpus) -> None:
    # 在…专访中,某某… names who gave the interview, though no verb of sharing views follows: "采访要点如下:" lists that
    # person's points.
    known = "某公司创始人孙立表示,公司不会参加价格战。"
    lead = "在上周接受某报专访时,孙立谈了公司这些年的发展历程。"
    first = "开源模型将会是未来十年最重要的趋势。"
    second = "价格战最终一定会伤害所有人。"
    found = speakers(corpus, "\n\n".join([known, lead, "采访要点如下:", first, second]) + "\n")
    assert {quote: found[quote] for quote in (first, second) if quote in found} == {first: "sun-li", second: "sun-li"}


def test_highlight_lines_without_a_full_stop_under_an_interviews_summary_are_its_points(corpus: Corpus) -> None:
    # 采访亮点如下: then short lines with no full stop: highlights, not headings; one that names the interviewee (孙立和钱多多
    # 的第一次见面…) is still one of them. The paragraph after the lines, with its full stop, is the writer's again.
    known = "某公司创始人孙立表示,公司不会参加价格战。"
    lead = "在上周接受某报专访时,孙立谈了公司这些年的发展历程。"
    first = "孙立和钱多多的第一次见面是公司创立最重要的时刻"
    second = "订阅模式只是当时最好的权宜之计"
    writer = "这篇专访一定会引发关于价格战的讨论。"
    found = speakers(corpus, "\n\n".join([known, lead, "采访亮点如下:", first, second, writer]) + "\n")
    assert {quote: found.get(quote) for quote in (first, second, writer)} == {
        first: "sun-li",
        second: "sun-li",
        writer: None,
    }


def test_a_novel_or_a_legend_is_no_one_speaking(corpus: Corpus) -> None:
    # 小说 (a novel) and 传说 (a legend) hold 说 but are nouns: the name before them (a writer's) says nothing.
    known = "钱多多表示,公司的新模型叫“深思”,它一定会改变行业。"
    named = "这个名字来自艾萨克·阿西莫夫科幻小说里的一个词,意为“机器之心”,是公司最重要的品牌。"
    legend = "在孙立传说中的那个夜晚,公司的核心代码全部写完了。"
    found = speakers(corpus, "\n\n".join([known, named, legend]) + "\n")
    assert named not in found and legend not in found


def test_he_carries_over_to_a_verb_after_a_bare_even_in_a_later_clause(corpus: Corpus) -> None:
    # 他…,甚至说…: the clause after 甚至 has 他 for its subject, the person named before (赵一鸣), not the turn's speaker.
    first = "孙立: 赵一鸣这个人很有意思。现在呢,他把所有精力都放在了新模型上,甚至说这是他见过最重要的机会。"
    second = "钱多多: 我认为这是很关键的转变。"
    found = speakers(corpus, "\n\n".join([first, second]) + "\n")
    assert found["现在呢,他把所有精力都放在了新模型上,甚至说这是他见过最重要的机会。"] == "zhao-yiming"


def test_a_sentence_telling_of_the_person_as_he_before_his_reported_words_is_no_account_of_his(corpus: Corpus) -> None:
    # 某某…。一方面,他是…者。他…呼吁…: the sentences between the naming and 他 reporting him are read as his account, but
    # one that tells of him as 他 (他是最坚定的…者) is the writer's description: nobody's draft.
    told = "一方面,他是行业里最坚定的开源支持者。"
    called = "去年,他联合多位创业者发表公开信,呼吁监管部门放慢脚步。"
    found = speakers(corpus, f"孙立表示,公司明年一定不会涨价。\n\n孙立对监管的态度充满了矛盾。{told}{called}\n")
    assert told not in found
    assert found.get(called) == "sun-li"


def test_a_pages_field_labels_that_recur_are_no_conversation(corpus: Corpus) -> None:
    # 来源: / 链接: over each item of a page recur as a podcast's first names do, but they are fields, not speakers.
    items = [
        "来源: 某某日报。价格战最终一定会伤害所有人。",
        "链接: 某某网。开源才是最重要的趋势。",
        "来源: 某某晚报。未来的模型一定会更便宜。",
        "链接: 某某站。这个市场的核心是生态。",
    ]
    assert speakers(corpus, "\n\n".join(items) + "\n") == {}


def test_a_chinese_name_with_its_family_name_romanised_otherwise_than_in_pinyin_keeps_its_own_reading(
    corpus: Corpus,
) -> None:
    # Ng, Tsai and Wong spell 吴, 蔡 and 黄 as Cantonese, Hokkien or Wade-Giles do: the English name in brackets is the
    # person's own, and the id stays the name in characters', as it does for 李某某(Kai-Fu Lee).
    for zh, latin in (("吴志安", "Peter Ng"), ("蔡明远", "Victor Tsai"), ("黄立群", "Simon Wong")):
        said = f"科学家{zh}({latin})今天在大学演讲时表示,人工智能就像当年的电力一样会改变每个行业。"
        text = f"{said}\n\n{zh[0]}博士指出,企业应当先从小项目做起。\n"
        assert speakers(corpus, text) == {
            said: person_id_for(zh),
            f"{zh[0]}博士指出,企业应当先从小项目做起。": person_id_for(zh),
        }


def test_a_name_holding_xiang_set_off_before_a_verb_of_speech_is_a_persons(corpus: Corpus) -> None:
    # 向 is as often a preposition, so a name holding it (刘向东) is read as one where a mark sets it off right before a
    # verb of speech (。刘向东说) and the text writes it more than once; a post the rules do not know (老总) does not matter.
    text = (
        "某某软件公司老总刘向东日前谈到了行业的变化。\n\n"
        "刘向东表示,大模型会让安全行业的需求翻一番。\n\n"
        "“我们会继续加大研发投入,明年的人手还要再扩充一倍。”刘向东说。\n"
    )
    found = speakers(corpus, text)
    assert found["刘向东表示,大模型会让安全行业的需求翻一番。"] == "liu-xiangdong"
    assert found["“我们会继续加大研发投入,明年的人手还要再扩充一倍。”刘向东说。"] == "liu-xiangdong"
    # A preposition and its object before the verb are no name (公司向外界表示).
    assert "si-xiangwai" not in speakers(corpus, "该公司向外界表示,新品下月上市。公司向外界说明了原因。\n").values()


def test_points_under_a_summary_of_a_speech_the_lede_names_are_the_speakers_with_their_sections(corpus: Corpus) -> None:
    # "演讲内容划重点:" names nobody, but names a speech the lede says a person gave (某某(Latin)在某大会上发表主题演讲),
    # with a biography between: the numbered points are that person's, and so are the paragraphs of running text
    # under each point, which spell it out, up to a paragraph that names someone else.
    text = (
        "日前,赵一鸣(Yiming Zhao)在第三届开发者大会上发表主题演讲,内容围绕智能体展开。\n\n"
        "赵一鸣是一位知名的计算机科学家。他曾在多家公司任职。\n\n"
        "演讲内容划重点:\n\n"
        "1、智能体会取代大部分网页应用。\n\n"
        "用户不再需要自己点击按钮,模型会替用户完成整套流程。\n\n"
        "2、评测比训练更稀缺。\n\n"
        "能准确衡量模型能力的团队会拿到最大的红利。\n\n"
        "钱多多则认为,评测只是短期问题。\n"
    )
    found = speakers(corpus, text)
    assert found["1、智能体会取代大部分网页应用。"] == "zhao-yiming"
    assert found["用户不再需要自己点击按钮,模型会替用户完成整套流程。"] == "zhao-yiming"
    assert found["能准确衡量模型能力的团队会拿到最大的红利。"] == "zhao-yiming"
    assert found["钱多多则认为,评测只是短期问题。"] == "qian-duoduo"


def test_a_setting_is_not_read_from_inside_a_name_holding_xiang(corpus: Corpus) -> None:
    # 向… is a setting too (向记者表示), but in "老总刘向东对某报记者表示" it would start inside the name and leave 刘 alone:
    # the setting that starts right after the name the text knows (对某报记者) is the one taken off.
    text = (
        "某某软件公司老总刘向东对某某日报记者表示,大模型会让安全行业的需求翻一番。\n\n"
        "“我们明年的人手还要再扩充一倍。”刘向东说。\n"
    )
    found = speakers(corpus, text)
    assert found["某某软件公司老总刘向东对某某日报记者表示,大模型会让安全行业的需求翻一番。"] == "liu-xiangdong"


def test_an_occasion_and_more_than_once_stand_between_a_pronoun_and_its_verb(corpus: Corpus) -> None:
    # 在公开场合 is a setting though no 上 / 中 ends it, and 不止一次 an adverb as 多次 is: 他 before them is the speaker.
    text = (
        "赵一鸣说,芯片是关键。\n\n"
        "等了十年的转折终于被赵一鸣等到了,他在公开场合提到,算力会在三年内过剩。\n\n"
        "等了十年的机会终于被赵一鸣抓住了,他不止一次提到,端侧模型会先落地。\n"
    )
    found = speakers(corpus, text)
    assert found["等了十年的转折终于被赵一鸣等到了,他在公开场合提到,算力会在三年内过剩。"] == "zhao-yiming"
    assert found["等了十年的机会终于被赵一鸣抓住了,他不止一次提到,端侧模型会先落地。"] == "zhao-yiming"


def test_what_drove_the_speaker_told_after_their_words_is_the_writers(corpus: Corpus) -> None:
    # After a person's reported words, a sentence with them as the object of what drove them (促使他…) or of where a trait
    # shows (体现在他…) is the writer's portrait, not their speech going on.
    text = (
        "赵一鸣在采访中回忆,那时他觉得大模型一定会改变软件行业。"
        "正是这种对技术的信仰,促使他辞去了大公司的职位。"
        "这种执着也体现在他对开源路线的坚持上。\n"
    )
    found = speakers(corpus, text)
    assert "正是这种对技术的信仰,促使他辞去了大公司的职位。" not in found
    assert "这种执着也体现在他对开源路线的坚持上。" not in found


def test_a_persons_argument_spelled_out_after_shi_and_a_comma_is_theirs(corpus: Corpus) -> None:
    # 某某的核心论点是,… hands the argument over by its comma as a colon does; 他 in the next sentence is that person.
    text = (
        "峰会上,某基金董事长钱立新与主持人进行了一场对话。\n\n"
        "钱立新的核心论点是,我们正处在一场根本性的算力迁移之中。\n\n"
        "他将这次迁移与电力的普及相提并论,认为每一次迁移都重塑了整个产业。\n"
    )
    found = speakers(corpus, text)
    assert found.get("钱立新的核心论点是,我们正处在一场根本性的算力迁移之中。") == "qian-lixin"
    assert found.get("他将这次迁移与电力的普及相提并论,认为每一次迁移都重塑了整个产业。") == "qian-lixin"


def test_a_first_person_quotation_naming_someone_after_a_preposition_is_the_reported_persons(corpus: Corpus) -> None:
    # The quotation after 某某表示,… names another person only as the object of 与: it is still the first one's words.
    text = (
        "孙大海表示,大模型会改变一切。对此,钱立新表示,他不想与孙大海争吵,但对方的批评完全是错误的。"
        "“我真的不想与孙大海发生矛盾,我喜欢这个家伙。但我认为他在这件事上完全错了。”\n"
    )
    found = speakers(corpus, text)
    assert found.get("“我真的不想与孙大海发生矛盾,我喜欢这个家伙。") == "qian-lixin"
    assert found.get("但我认为他在这件事上完全错了。”") == "qian-lixin"


def test_points_under_a_line_giving_the_angles_a_person_argues_from_are_theirs(corpus: Corpus) -> None:
    # 某某主要从以下几个方面阐述自己观点: names the angles before the verb; the numbered points under it are the person's.
    text = (
        "钱立新发表长文对此进行反驳。\n\n"
        "钱立新主要从以下几个方面阐述自己观点:\n\n"
        "第一,未来这个世界将会被软件重新定义,需要更多的工程师。\n\n"
        "第二,大模型爆发,对工程师人才的需求会越来越大。\n"
    )
    found = speakers(corpus, text)
    assert found.get("第一,未来这个世界将会被软件重新定义,需要更多的工程师。") == "qian-lixin"
    assert found.get("第二,大模型爆发,对工程师人才的需求会越来越大。") == "qian-lixin"


def test_a_quotation_paragraph_with_its_full_stop_after_the_closing_mark_is_the_person_quoted_before(
    corpus: Corpus,
) -> None:
    # “…”。 closes a quotation as “…。” does: the paragraph that is one quotation is the words of the person before it.
    text = (
        "近日,公司董事长钱立新在访谈中指出:“以后不会存在这种职业了,因为只要会说话,人人都会具备这种能力”。\n\n"
        "“未来的编程语言只会剩下两种,一种叫做英文,一种叫做中文”。\n\n"
        "针对此观点,网友们也是各执一词。\n"
    )
    found = speakers(corpus, text)
    assert found.get("“未来的编程语言只会剩下两种,一种叫做英文,一种叫做中文”。") == "qian-lixin"


def test_a_sentence_opening_with_but_has_its_subject_after_the_conjunction(corpus: Corpus) -> None:
    # 但某某多次批评…,称…: 但 turns from the sentence before; the name after it is who says what 称 hands over.
    text = "钱立新表示,大模型会改变一切。\n\n但钱立新在离职后多次批评该公司,称其偏离了最初的开源意图。\n"
    assert speakers(corpus, text).get("但钱立新在离职后多次批评该公司,称其偏离了最初的开源意图。") == "qian-lixin"


def test_an_interview_given_right_after_a_bracketed_latin_name_is_a_setting(corpus: Corpus) -> None:
    # 某某(Latin name)最近接受采访时回应了…,并称…: 接受采访时 with nothing between 接受 and 采访 is the setting.
    text = "某某科技集团首席执行官杰克·罗宾森(Jack Robinson)最近接受采访时回应了对手的批评,并称对手的评论是错误的。\n"
    found = speakers(corpus, text)
    assert found.get(text.strip()) == "jack-robinson"


def test_an_adverb_of_a_long_held_view_leaves_the_name_to_the_verb(corpus: Corpus) -> None:
    text = (
        "钱多多是一家基金的合伙人。\n\n"
        "无论是过去还是现在,钱多多始终坚信工具应该为人服务,而不是反过来。\n\n"
        "孙立一贯认为,开源模型最终会追上闭源模型。\n"
    )
    found = speakers(corpus, text)
    assert found["无论是过去还是现在,钱多多始终坚信工具应该为人服务,而不是反过来。"] == "qian-duoduo"
    assert found["孙立一贯认为,开源模型最终会追上闭源模型。"] == "sun-li"


def test_hoping_before_a_comma_hands_over_the_persons_view(corpus: Corpus) -> None:
    text = (
        "孙立表示,芯片和模型要一起往前走。\n\n"
        "他期許,上游做晶片,下游做應用,要一同推展新的商業模式。\n\n"
        "钱多多期望:三年内国产芯片能追上来。\n\n"
        "这款产品没有辜负用户的期望,销量很好。\n"
    )
    found = speakers(corpus, text)
    assert found["他期許,上游做晶片,下游做應用,要一同推展新的商業模式。"] == "sun-li"
    assert found["钱多多期望:三年内国产芯片能追上来。"] == "qian-duoduo"
    assert "这款产品没有辜负用户的期望,销量很好。" not in found


def test_counted_parts_opened_by_qi_yi_go_on_with_the_view_that_named_them(corpus: Corpus) -> None:
    text = (
        "孙立是一家公司的创始人。\n\n"
        "他认为,这个产业在本地具备多重优势。\n\n"
        "其一,在于技术先发优势。\n\n"
        "其二,在于人才储备充足。\n"
    )
    found = speakers(corpus, text)
    assert found["其一,在于技术先发优势。"] == "sun-li"
    assert found["其二,在于人才储备充足。"] == "sun-li"


def test_a_long_epithet_and_two_posts_before_the_name_in_a_when_clause(corpus: Corpus) -> None:
    # 创办人 is 创始人 as Taiwan's papers write it; 兼 joins a second post, and the name follows the last one.
    text = (
        "孫立是一家公司的創辦人。\n\n"
        "在業界打拚三十年,歷經多次起落的業界老將-某某集團創辦人兼某某電子董事長孫立日前接受本刊專訪時坦言,"
        "業績最多也不過是一成,但現在只要沾上邊就成飆股。\n"
    )
    found = speakers(corpus, text)
    assert (
        found[
            "在業界打拚三十年,歷經多次起落的業界老將-某某集團創辦人兼某某電子董事長孫立日前接受本刊專訪時坦言,"
            "業績最多也不過是一成,但現在只要沾上邊就成飆股。"
        ]
        == "sun-li"
    )


def test_the_preposition_yu_before_a_time_word_is_no_persons_name(corpus: Corpus) -> None:
    text = (
        "某省是产业大省,孙立是那里的一位企业家。\n\n"
        "作为产业大省的某省,于去年提出打造“全球创新高地”,这一目标非常关键。\n\n"
        "孙立认为,这个目标最终一定能实现。\n"
    )
    found = speakers(corpus, text)
    assert "作为产业大省的某省,于去年提出打造“全球创新高地”,这一目标非常关键。" not in found
    assert found["孙立认为,这个目标最终一定能实现。"] == "sun-li"


def test_an_attribution_with_its_day_and_occasion_after_a_quotation_stays_with_it() -> None:
    # The day and the occasion, each set off by a comma, then the posts and the name before 说: one sentence.
    sentence = (
        "“算力对我们未来的影响可能远远超出大家今天的想象。”1月15日,在某省人大会议“代表通道”集中采访活动上,"
        "某省人大代表、中国某某院院士、某某实验室主任孙立说。"
    )
    assert split_sentences(sentence) == [sentence]


def test_the_writers_first_person_reaction_to_the_reported_words_ends_the_run(corpus: Corpus) -> None:
    text = (
        "孙立是一家公司的创始人。\n\n"
        "孙立认为,技术应当服务于人的情感。这让我想起了他在过去多次强调的“让工作更轻松”这一理念。\n\n"
        "孙立在发言中还提到,我们要让技术赋能我们的情怀。这句话让我深感共鸣。"
        "在这个快速发展的时代,很多人只看到了技术的表面,却忽视了背后的关怀。\n"
    )
    found = speakers(corpus, text)
    assert found["孙立认为,技术应当服务于人的情感。"] == "sun-li"
    assert "这让我想起了他在过去多次强调的“让工作更轻松”这一理念。" not in found
    assert "这句话让我深感共鸣。" not in found
    assert "在这个快速发展的时代,很多人只看到了技术的表面,却忽视了背后的关怀。" not in found


def test_a_trait_the_writer_ascribes_to_him_between_his_words_is_no_view_of_his(corpus: Corpus) -> None:
    text = (
        "孙立认为,公司的互联网味道要稍微淡一些。\n\n"
        "孙立有此结论,和他另一个身份离不开。而从技术的理论出发,再循序渐进地回到记者的问题上,"
        "也是他与其他受访者截然不同的特点。在他的规划里,公司的战略核心是语音,这一点非常关键。"
        "在他看来,中国需要更多能爬山的公司。\n"
    )
    found = speakers(corpus, text)
    assert "而从技术的理论出发,再循序渐进地回到记者的问题上,也是他与其他受访者截然不同的特点。" not in found
    assert found["在他的规划里,公司的战略核心是语音,这一点非常关键。"] == "sun-li"


def test_what_the_persons_company_is_told_in_the_third_person_is_the_writers(corpus: Corpus) -> None:
    # Between the sentence naming the person and 他 reporting them, a sentence telling what their company is, as 其公司
    # (作为某领域服务商,其公司专注于…): the writer's background, no view of theirs. Their words around it stay theirs.
    said = "某公司董事长赵一鸣说,我国芯片产业正面临供给受限的挑战。"
    background = "作为算力调度服务商,其公司专注于算力网络和调度。"
    view = "面对这些问题,他认为,要加快芯片的自主研发。"
    found = speakers(corpus, f"{said}{background}{view}\n")
    assert found.get(said) == "zhao-yiming"
    assert found.get(view) == "zhao-yiming"
    assert background not in found


def test_a_numbered_question_label_carries_no_reported_view_on(corpus: Corpus) -> None:
    # The minutes number their questions (1、提问:…): the question is the asker's, not the chief's answer going on.
    text = (
        "某公司创始人钱多多认为,芯片的潮流不可阻挡。\n\n"
        "1、提问:您好。我们去年见面时聊得很开心,年轻人应该聚到一起去发光发热。\n"
    )
    found = speakers(corpus, text)
    assert found["某公司创始人钱多多认为,芯片的潮流不可阻挡。"] == "qian-duoduo"
    assert "我们去年见面时聊得很开心,年轻人应该聚到一起去发光发热。" not in found
    # A numbered point that argues on, with no label, still carries the view on.
    goes_on = text.replace("1、提问:您好。我们去年见面时聊得很开心,", "1、说到底,")
    assert speakers(corpus, goes_on).get("1、说到底,年轻人应该聚到一起去发光发热。") == "qian-duoduo"


def test_a_turn_labelled_by_a_family_name_and_zong_is_the_one_person_of_that_family_named(corpus: Corpus) -> None:
    # The minutes call the chief 钱总, the report above names him in full: his turns are his, not a stub 钱总's.
    text = (
        "某公司创始人钱多多认为,芯片的潮流不可阻挡。\n\n"
        "以下为座谈会纪要\n\n"
        "主持:欢迎各位来到这里。\n\n"
        "钱总:我认为开放合作是唯一的出路。我们一定会坚持下去。\n"
    )
    found = speakers(corpus, text)
    assert found["钱总:我认为开放合作是唯一的出路。"] == "qian-duoduo"
    # With two people of that family named, the label is nobody's in full.
    two = text.replace("认为,芯片", "和钱一鸣都认为,芯片")
    assert speakers(corpus, two).get("钱总:我认为开放合作是唯一的出路。") != "qian-duoduo"


def test_a_line_of_an_answer_that_points_back_and_goes_on_is_no_heading(corpus: Corpus) -> None:
    # The page lost the stop of a sentence inside the guest's answer and broke it over two lines: the turn runs on.
    text = (
        "Q:你怎么看这一波变化?\n\n"
        "钱多多:我想到了过去拍电影要胶片,现在手机就够了。\n\n"
        "这种技术带来的变化同样体现在芯片行业\n\n"
        "就像云计算降低了创业门槛一样,模型会让更多公司诞生。\n"
    )
    found = speakers(corpus, text)
    assert found["就像云计算降低了创业门槛一样,模型会让更多公司诞生。"] == "qian-duoduo"
    # A heading inside the answer that does not point back still ends the turn.
    heading = text.replace("这种技术带来的变化同样体现在芯片行业", "芯片行业的下一个十年")
    assert "就像云计算降低了创业门槛一样,模型会让更多公司诞生。" not in speakers(corpus, heading)


def test_answering_right_before_the_verb_of_speech_leaves_the_name_its_subject(corpus: Corpus) -> None:
    # 回答 / 回话 between the name and 指出 / 称 says how the words came; the answer is the person's.
    text = (
        "在提问环节,听众的问题集中在成本上。\n\n"
        "赵一鸣回答指出,算力的价格还会降,但不能只拿单个厂商来比。\n\n"
        "钱多多回话时称,小厂的机会在于把场景做深,而不是拼参数。\n"
    )
    found = speakers(corpus, text)
    assert found["赵一鸣回答指出,算力的价格还会降,但不能只拿单个厂商来比。"] == "zhao-yiming"
    assert found["钱多多回话时称,小厂的机会在于把场景做深,而不是拼参数。"] == "qian-duoduo"


def test_a_line_of_an_answer_in_the_first_person_that_announces_points_with_a_colon_is_no_heading(
    corpus: Corpus,
) -> None:
    # Inside a guest's answer, a short line in the first person with a clause before its colon hands over the
    # points that follow: the turn runs on through it and the points under it.
    text = (
        "Q:你怎么看这一波变化?\n\n"
        "钱多多:我想到了过去拍电影要胶片,现在手机就够了。\n\n"
        "我们的另一个发现是,大厂和小厂在落地上有两点不同:\n\n"
        "从速度看,小厂走得更快,大厂要等预算批下来才能动手。\n"
    )
    found = speakers(corpus, text)
    assert found["从速度看,小厂走得更快,大厂要等预算批下来才能动手。"] == "qian-duoduo"
    # A heading with no clause before its colon still ends the turn.
    heading = text.replace("我们的另一个发现是,大厂和小厂在落地上有两点不同:", "大厂和小厂的两点不同:")
    assert "从速度看,小厂走得更快,大厂要等预算批下来才能动手。" not in speakers(corpus, heading)


def test_a_line_of_an_answer_that_points_back_is_proposed_though_it_lost_its_stop(corpus: Corpus) -> None:
    text = (
        "Q:你怎么看这一波变化?\n\n"
        "钱多多:我想到了过去拍电影要胶片,现在手机就够了。\n\n"
        "这种技术带来的变化同样体现在芯片行业\n\n"
        "就像云计算降低了创业门槛一样,模型会让更多公司诞生。\n"
    )
    assert speakers(corpus, text).get("这种技术带来的变化同样体现在芯片行业") == "qian-duoduo"
    # A short line with no stop that does not point back is no draft (a heading, or a sentence cut short).
    other = text.replace("这种技术带来的变化同样体现在芯片行业", "芯片行业的变化体现在成本上")
    assert "芯片行业的变化体现在成本上" not in speakers(corpus, other)


def test_handles_alone_on_their_lines_label_turns_whose_points_are_tagged(corpus: Corpus) -> None:
    text = (
        "1. 某种新业务的价值\n\n"
        "Kiro\n\n"
        "观点: 新业务的机会在于直接处理原始数据,这比传统的做法更有价值。\n\n"
        "观点: 未来的竞争是模型和场景的竞争。\n\n"
        "2. 人的关键能力\n\n"
        "Kiro\n\n"
        "观点: 人的核心能力在于拆解复杂的任务。\n\n"
        "moBlue\n\n"
        "观点: 拆解的本质与分工的思想异曲同工。\n\n"
        "3. 新的协作方式\n\n"
        "moBlue\n\n"
        "观点: 机器正在从被动的工具转变为主动的伙伴。\n"
    )
    found = speakers(corpus, text)
    assert found["观点: 新业务的机会在于直接处理原始数据,这比传统的做法更有价值。"] == "kiro"
    assert found["观点: 未来的竞争是模型和场景的竞争。"] == "kiro"
    assert found["观点: 人的核心能力在于拆解复杂的任务。"] == "kiro"
    assert found["观点: 拆解的本质与分工的思想异曲同工。"] == "moblue"
    assert found["观点: 机器正在从被动的工具转变为主动的伙伴。"] == "moblue"


def test_a_group_chats_nickname_among_members_turns_opens_that_members_turn(corpus: Corpus) -> None:
    text = (
        "群里最近热议:\n\n"
        "孙总:现在的一些所谓的智能体,都还只是停留在工作流。离大家希望的目标还有很长的距离。\n\n"
        "立远:这家的做法已经具有初步自主解决问题的能力。但就路线而言,是具有相当自主性的。\n\n"
        "钱老师:从语言学观点看,都是在搭建语义的桥梁。这个一致,检索其实并没有达到。\n"
    )
    found = speakers(corpus, text)
    assert found["立远:这家的做法已经具有初步自主解决问题的能力。"] == "li-yuan"
    assert found["但就路线而言,是具有相当自主性的。"] == "li-yuan"


def test_an_adverb_of_urging_between_the_name_and_the_verb_keeps_the_speaker(corpus: Corpus) -> None:
    sentence = (
        "在今年召开的会议上,作为代表的孙立大力建议:本地要尽快制定在机器人领域的发展规划,其他代表也提出了类似的建议。"
    )
    assert speakers(corpus, f"{sentence}\n")[sentence] == "sun-li"
    other = "赵一鸣强烈呼吁,各方要尽快补上芯片的短板。"
    assert speakers(corpus, f"{other}\n")[other] == "zhao-yiming"


def test_a_count_of_times_between_the_name_and_the_verb_keeps_the_speaker(corpus: Corpus) -> None:
    # 连续两次 / 三次 / 第二次, beside 多次 / 再次: how often the person said it, not who.
    sentence = "上个月,某公司董事长孙立连续两次表态支持换电路线,又在业内掀起了讨论。"
    assert speakers(corpus, f"{sentence}\n")[sentence] == "sun-li"
    other = "赵一鸣三次表示,芯片的短板要尽快补上。"
    assert speakers(corpus, f"{other}\n")[other] == "zhao-yiming"
    third = "钱多多第二次强调,换电模式会越来越普及。"
    assert speakers(corpus, f"{third}\n")[third] == person_id_for("钱多多")


def test_a_name_after_a_post_with_a_space_before_its_comma_is_learned(corpus: Corpus) -> None:
    text = "星河科技创始人林文涛 ,跟其他研究者不同,没有海外经历。\n\n他表示,芯片会越来越便宜。\n"
    found = speakers(corpus, text)
    assert found["他表示,芯片会越来越便宜。"] == person_id_for("林文涛")  # the whole name, not 林文


def test_numbered_passages_the_writer_shares_from_a_person_are_that_persons(corpus: Corpus) -> None:
    text = (
        "星河科技创始人周启明,早年在一家工厂做过工程师。\n\n"
        "我觉得他的访谈很值得一读,我分享他说的几段话,供大家参考。\n\n"
        "(1)我们要做的不是应用,而是基础模型。\n\n"
        "(2)人才比资本更重要。我们的团队都是本地培养的。\n"
    )
    found = speakers(corpus, text)
    zhou = person_id_for("周启明")
    assert found["(1)我们要做的不是应用,而是基础模型。"] == zhou
    assert found["(2)人才比资本更重要。"] == zhou
    assert found["我们的团队都是本地培养的。"] == zhou
    assert "我觉得他的访谈很值得一读,我分享他说的几段话,供大家参考。" not in found  # the writer's, announcing them


def test_a_turn_label_with_two_long_posts_in_brackets_gives_the_answer_to_its_name(corpus: Corpus) -> None:
    text = (
        "人工智能产业的发展态势如何?\n\n"
        "林文涛(星河数字经济研究院产业发展部主任、未来城市与平台研究中心主任):大模型正在从实验室走向千行百业。"
        "算力成本持续降低,应用门槛越来越低。\n"
    )
    found = speakers(corpus, text)
    assert found["算力成本持续降低,应用门槛越来越低。"] == person_id_for("林文涛")


def test_an_explanation_handed_over_after_his_colon_is_the_persons(corpus: Corpus) -> None:
    said = "对此,他的解释是:「如果用幻灯片,大家都只顾着拍照了,相比之下我更希望大家能听我说话。」"
    text = (
        f"本场的第一场演讲由星河科技创始人赵一鸣带来。进入正题前,赵一鸣先告知了大家一个「坏消息」:本次的演讲全程无幻灯片。{said}\n\n"
        "赵一鸣指出,城市的创新要靠人才和资金。\n"
    )
    assert speakers(corpus, text)[said] == "zhao-yiming"


def test_a_family_name_alone_after_but_is_the_one_person_of_that_family(corpus: Corpus) -> None:
    # A paper names its person in full once, then by the family name alone, also right after 但 / 而.
    text = (
        "黄一鸣表示,人工智能的进步是全球性的。\n\n"
        "对于出口管制或会收紧,但黄认为,全球合作存在已久,相信会保持下去。\n\n"
        "市场忧虑需求放缓,而黄表示,新订单仍在增长。\n"
    )
    assert speakers(corpus, text) == {
        "黄一鸣表示,人工智能的进步是全球性的。": "huang-yiming",
        "对于出口管制或会收紧,但黄认为,全球合作存在已久,相信会保持下去。": "huang-yiming",
        "市场忧虑需求放缓,而黄表示,新订单仍在增长。": "huang-yiming",
    }


def test_points_out_without_quotation_marks_right_after_a_name(corpus: Corpus) -> None:
    # 指 after a name that is all of its clause hands over the clause after it; 指标 / 指向 hand over nothing.
    text = (
        "黄一鸣表示,人工智能的进步是全球性的。\n\n"
        "至于年轻人面临就业挑战,黄一鸣指人工智能带来的机遇非凡。\n\n"
        "这项指标指向市场的好转。\n"
    )
    assert speakers(corpus, text) == {
        "黄一鸣表示,人工智能的进步是全球性的。": "huang-yiming",
        "至于年轻人面临就业挑战,黄一鸣指人工智能带来的机遇非凡。": "huang-yiming",
    }


def test_a_view_after_a_greeting_in_the_same_sentence_is_the_speakers(corpus: Corpus) -> None:
    # The greeting frames the clauses before the view, not the view: 大家好 alone still says nothing.
    text = (
        "赵一鸣表示,行业的红利期已经过去。\n\n以下为赵一鸣演讲实录:\n\n"
        "大家好,非常高兴又来到这里,我觉得要讲清楚道理,还是要靠数据。\n\n大家好,很高兴又来到这里。\n"
    )
    assert speakers(corpus, text) == {
        "赵一鸣表示,行业的红利期已经过去。": "zhao-yiming",
        "大家好,非常高兴又来到这里,我觉得要讲清楚道理,还是要靠数据。": "zhao-yiming",
    }


def test_going_on_stage_between_the_name_and_the_verb(corpus: Corpus) -> None:
    text = "赵一鸣上台就表示要讲些实在的内容,引起一阵笑声。\n\n钱多多登台后指出,行业还处在早期。\n"
    assert speakers(corpus, text) == {
        "赵一鸣上台就表示要讲些实在的内容,引起一阵笑声。": "zhao-yiming",
        "钱多多登台后指出,行业还处在早期。": "qian-duoduo",
    }


def test_the_data_a_person_cites_between_the_name_and_the_verb_leaves_the_view_theirs(corpus: Corpus) -> None:
    # 援引数据指出 / 引用一份报告称: the person grounds the view in figures; the view is still theirs.
    cited = "论坛的发起者、某大学教授赵一鸣援引数据指出,本国生成式AI用户已达3.2亿,是十年前的6倍。"
    report = "孙立引用一份调查报告称,多数企业还没有准备好迎接智能体。"
    found = speakers(corpus, f"{cited}\n\n{report}\n")
    assert found.get(cited) == "zhao-yiming"
    assert found.get(report) == "sun-li"


def test_the_cases_a_person_cites_between_the_name_and_the_verb_leave_the_view_theirs(corpus: Corpus) -> None:
    # 援引案例指出 / 援引事例警示店主: cases ground the view as figures do; the view is still the person's.
    intro = "某大学教授孙立指出,外卖平台虽非小餐馆困境的起因,却加剧了原有的竞争。"
    cited = "他援引案例指出,某机构的调查发现只靠外卖的小店利润更低。"
    warned = "孙立援引几个事例警示店主,只靠外卖的小店更难留住熟客。"
    found = speakers(corpus, f"{intro}\n\n{cited}\n\n{warned}\n")
    assert found.get(cited) == "sun-li"
    assert found.get(warned) == "sun-li"


def test_tracing_a_thing_to_its_origin_is_the_persons_reading(corpus: Corpus) -> None:
    # 某某追溯…源于…: where the person says a thing comes from, and what follows from it, is the person's reading.
    intro = "某大学教授孙立指出,外卖平台虽非小餐馆困境的起因,却加剧了原有的竞争。"
    traced = "孙立追溯街边小吃摊源于早年的集市贸易,摊主缺少固定铺面,这个难题到今天仍未解决。"
    history = "孙立追溯了小镇三代人的搬迁历史。"  # no origin named: an account, no view
    found = speakers(corpus, f"{intro}\n\n{traced}\n\n{history}\n")
    assert found.get(traced) == "sun-li"
    assert history not in found


def test_a_verb_after_a_clause_opened_by_a_post_and_a_name_is_that_persons(corpus: Corpus) -> None:
    # The post and the name open the sentence, a clause of what the person did, then the verb that hands over the view
    # with no subject of its own (…副院长某某教授聚焦…,提出… / …副校长某某其后进行演讲,介绍…).
    proposed = "某大学教育研究院副院长钱多多教授聚焦课堂的新形态,提出学习从“知识传授”向“能力培养”演进的理论。"
    told = "某科技大学首席副校长孙立新其后进行演讲,介绍某某研发中心成立于2023年,专注开源大模型的研究和应用。"
    found = speakers(corpus, f"{proposed}\n\n{told}\n")
    assert found.get(proposed) == person_id_for("钱多多")
    assert found.get(told) == person_id_for("孙立新")


def test_a_person_who_alerts_people_voices_a_view(corpus: Corpus) -> None:
    # 警醒, beside 警示 / 告诫: the danger the person alerts others to is the view (某某警醒人们,…).
    alerted = "某某实验室创始人赵一鸣警醒人们,将安全与法律追问置于热情之前。"
    found = speakers(corpus, f"{alerted}\n\n这件事值得所有人警醒。\n")
    assert found.get(alerted) == "zhao-yiming"
    assert "这件事值得所有人警醒。" not in found


def test_a_name_set_off_before_an_appositive_that_says_who_the_person_is_is_learned(corpus: Corpus) -> None:
    # 「某某」钱多多,一位某大学…博士生…「…」他说。: the appositive introduces the person, 他 is that person, not the one
    # who spoke before.
    said = "上线后的第二天,「小鹿」钱多多,一位某大学计算机学院三年级博士生已经和同学着手这项工作,「我们其实是最早做这件事的团队。」他说。"
    text = f"孙立表示,检测机器写的文字是一个迫在眉睫的问题。\n\n{said}\n"
    assert speakers(corpus, text).get(said) == person_id_for("钱多多")


def test_a_paragraph_between_two_turns_of_the_same_guest_is_not_the_first_answer_running_on(corpus: Corpus) -> None:
    # The guest's next answer opens with its label again: the unlabelled paragraph before it is the reporter's lead-in,
    # not the answer before it running on.
    lead_in = "展会期间,主办方发布了年度合作报告,相关数据表明,尽管不确定性正在增加,但合作的意愿始终占据主流。"
    text = (
        "记者:你怎么看这次展会?\n\n"
        "钱多多:我觉得展会很重要,它让上下游的企业彼此认识。\n\n"
        f"{lead_in}\n\n"
        "钱多多:供应链的规模非常庞大,而且相互关联。\n"
    )
    found = speakers(corpus, text)
    assert lead_in not in found
    assert found.get("钱多多:供应链的规模非常庞大,而且相互关联。") == person_id_for("钱多多")


def test_a_dialogue_turn_by_a_name_the_text_wrote_after_a_post_though_its_family_name_is_rare(corpus: Corpus) -> None:
    # 禾 opens no common family name, but the text named the person after a post (董事长禾川): the label is that person.
    text = (
        "某某科技董事长禾川和投资人钱多多展开对话。\n\n"
        "钱多多:你这两年主要做什么?\n\n"
        "禾川:我觉得机器人的价格明年会降一半。\n"
    )
    assert speakers(corpus, text)["禾川:我觉得机器人的价格明年会降一半。"] == "he-chuan"


def test_a_one_word_latin_name_after_a_word_for_a_kind_of_person_is_that_persons(corpus: Corpus) -> None:
    # One Latin word is as often a product as a name, but after 开发者 (a kind of person) and named again it is a person's
    # pseudonym, and the quotation before it is theirs.
    text = (
        "独立开发者Kevin去年做了一款记账应用,试过三种收费方式。\n\n"
        "“订阅制最难推”,Kevin回忆说。\n\n"
        "后来Claude发布了新版本。\n"
    )
    assert speakers(corpus, text) == {"“订阅制最难推”,Kevin回忆说。": "kevin"}


def test_a_pronoun_after_the_name_that_opens_its_own_sentence_is_that_name_not_the_last_speaker(
    corpus: Corpus,
) -> None:
    # 孙立 said nothing before, so no rule knew the name; 他 in the sentence's later clause is its subject, not 钱多多.
    text = "“现在没人愿意投钱”,钱多多回忆说。\n\n孙立后来在几所大学开了公开课,在他看来,开源芯片会比开源模型走得更远。\n"
    assert speakers(corpus, text)["孙立后来在几所大学开了公开课,在他看来,开源芯片会比开源模型走得更远。"] == "sun-li"


def test_crying_out_a_view_is_a_verb_of_speech(corpus: Corpus) -> None:
    # 高呼 (and 疾呼) hands over what the person proclaimed, as 宣称 does, with no colon after it.
    text = (
        "“现在没人愿意投钱”,钱多多回忆说。\n\n"
        "看好机器人的不止钱多多,某公司CEO孙立在5月的发布会上高呼家用机器人的“元年”已经到来。\n"
    )
    assert (
        speakers(corpus, text)["看好机器人的不止钱多多,某公司CEO孙立在5月的发布会上高呼家用机器人的“元年”已经到来。"]
        == "sun-li"
    )


def test_beginning_to_urge_is_the_persons_urging(corpus: Corpus) -> None:
    # 开始 (began to) sits between the name and the verb, or before the means the person urged with (开始用…呼吁).
    text = "三年前,钱多多开始用一张手绘的路线图呼吁同行押注家用机器人。\n\n去年起,孙立开始呼吁行业放弃参数竞赛。\n"
    assert speakers(corpus, text) == {
        "三年前,钱多多开始用一张手绘的路线图呼吁同行押注家用机器人。": "qian-duoduo",
        "去年起,孙立开始呼吁行业放弃参数竞赛。": "sun-li",
    }


def test_a_sentence_that_lists_other_people_ends_the_run_of_reported_speech(corpus: Corpus) -> None:
    # 孙立 spoke; the next sentence lists others (如赵一鸣、钱多多等…, one of them known) in the writer's survey, and the one after it is the
    # writer's too, not 孙立's words going on.
    text = (
        "钱多多表示,算力不够。\n\n"
        "某公司CEO孙立在3月高呼家用机器人的时代到了。此后,如赵一鸣、钱多多等老一代企业家也陆续投了机器人公司。"
        "几家大型基金随之调整了未来三年的投资清单。\n"
    )
    assert "几家大型基金随之调整了未来三年的投资清单。" not in speakers(corpus, text)


def test_what_the_company_said_ends_the_run_of_its_chiefs_reported_speech(corpus: Corpus) -> None:
    # 该公司 (the company) as the subject of a verb of speech is the company's statement, not 孙立's words going on.
    text = (
        "孙立表示,养老机器人的价格三年内会降一半。"
        "该公司上周在声明中称,其第二座工厂已经动工,预计明年投产。"
        "这座工厂将带来很多就业机会。\n"
    )
    found = speakers(corpus, text)
    assert found.get("孙立表示,养老机器人的价格三年内会降一半。") == "sun-li"
    assert "该公司上周在声明中称,其第二座工厂已经动工,预计明年投产。" not in found
    assert "这座工厂将带来很多就业机会。" not in found


def test_a_name_after_a_post_that_gives_a_speech_is_a_person_he_later_refers_to(corpus: Corpus) -> None:
    # Named once after his post as giving the talk (由执行长某某发表演讲), never before a speech verb: 他 after his
    # name later is he, not the person named before him who did speak.
    opening = "某公司今天举行发布会,由执行长钱思齐发表演讲。"
    other = "总监赵一鸣指出,芯片明年会降价。"
    then = "开场前赵一鸣等人受访,钱思齐意外现身,他说,今年的发布会比去年更好看。"
    found = speakers(corpus, opening + "\n\n" + other + "\n\n" + then + "\n")
    assert found.get(other) == "zhao-yiming"
    assert found.get(then) == "qian-siqi"


def test_a_name_then_the_short_form_of_a_ministers_post_is_read_to_that_person(corpus: Corpus) -> None:
    # 政委, the short form of 政务委员, after the full name the report gave: the name before it speaks.
    line = "论坛邀请到政务委员钱思齐到场指导,钱思齐政委表示,政府正推动数据开放,这将带动新的产业。"
    assert speakers(corpus, line + "\n").get(line) == "qian-siqi"


def test_a_name_sharing_before_a_comma_hands_over_what_was_shared(corpus: Corpus) -> None:
    # A panel's turn as news writes it: 分享 then a comma, the words after it the person's.
    shared = "某公司副总经理钱思齐分享,两家公司自2010年合作至今,已从代工走向共同设计。"
    photo = "钱思齐分享了一张照片。"  # 分享 with its object: no words handed over
    found = speakers(corpus, shared + "\n\n" + photo + "\n")
    assert found.get(shared) == "qian-siqi"
    assert photo not in found


def test_a_name_holding_xiang_after_a_post_is_a_person_he_later_refers_to(corpus: Corpus) -> None:
    # 向 is as often a preposition, but right after a post (副总裁钱向东今天…) a name starts there.
    opening = "某公司副总裁钱向东今天出席论坛。"
    then = "他说,芯片明年会降价。"
    found = speakers(corpus, opening + "\n\n" + then + "\n")
    assert found.get(then) == "qian-xiangdong"


def test_a_setting_after_a_known_name_holding_xiang_leaves_the_name_whole(corpus: Corpus) -> None:
    # 向洋在会上 is no setting (向 + …): the setting starts at 在, right after the name the text knows.
    line = "某公司副总裁钱向洋在大会的全体会议上提出,芯片明年会降价。"
    assert speakers(corpus, line + "\n").get(line) == "qian-xiangyang"


def test_a_foreign_name_opening_with_a_family_names_character_is_read_whole(corpus: Corpus) -> None:
    # 吴 is a family name and 吴德林 reads as a Chinese name, but 德林格 runs on in transliteration characters: one
    # foreign name of four, not 吴德林 and a stray 格.
    text = (
        "在周末的直播中,吴德林格谈了自己对新技术的看法。他表示:「机器学习会让我们的生活变得更好,悲观的说法不负责任。」\n\n"
        "吴德林格补充道,「未来十年里,算法将大幅提高工厂的生产效率。」\n"
    )
    found = speakers(corpus, text)
    assert set(found.values()) == {"wu-delinge"}, found


def test_a_posted_name_label_with_its_latin_form_in_brackets_opens_that_persons_turn(corpus: Corpus) -> None:
    # A digest of a forum's speakers: post, name, the name's Latin form in brackets, then the colon, over the words.
    text = (
        "某智库主席钱瑞(Ray Qian):\n\n"
        "未来的网络世界必然有竞争,但会充满对抗吗?我认为不会。只有多边合作才是走向未来的正确方式。\n"
    )
    found = speakers(corpus, text)
    assert found and set(found.values()) == {"qian-rui"}, found


def test_a_chinese_name_whose_latin_form_opens_as_its_syllable_keeps_its_own_reading(corpus: Corpus) -> None:
    # Rua opens as 瑞 (rui) does: the English name beside it is the person's own, not a foreigner's spelt in sounds.
    text = "某智库主席钱瑞(Sam Rua)表示,多边合作才是网络世界走向未来的正确方式,对抗不会是主流。\n"
    assert set(speakers(corpus, text).values()) == {"qian-rui"}


def test_a_label_alone_of_a_post_and_a_name_with_an_unknown_family_name_opens_that_persons_turn(corpus: Corpus) -> None:
    # 亓 is no family name the rules know; the post before it and the colon after it mark the name.
    text = (
        "某协会全球副总裁亓峰:\n\n没有芯片的网络就是万物不互联。我们必须要做一些芯片研发的努力,在此我呼吁产学研融合。\n"
    )
    found = speakers(corpus, text)
    assert found and set(found.values()) == {"qi-feng"}, found


def test_zhi_right_after_a_clause_telling_when_the_person_spoke_hands_over_their_view(corpus: Corpus) -> None:
    # 指 after 某某在…致辞时,: the clause's subject points it out, as Hong Kong reports write it.
    text = (
        "钱一鸣在某大会致辞时,指某国发起的贸易战或会扼杀创新,危及全球科技发展。\n\n"
        "钱一鸣致辞时表示,会将人工智能发展为本地的核心产业。\n"
    )
    found = speakers(corpus, text)
    assert found.get("钱一鸣在某大会致辞时,指某国发起的贸易战或会扼杀创新,危及全球科技发展。") == "qian-yiming", found


def test_an_unnamed_company_introduced_with_you_speaks_for_nobody_the_text_names(corpus: Corpus) -> None:
    # 有…公司指 / 有…企业认为: a body the report leaves unnamed, not the person quoted before it.
    text = (
        "某集团董事长孙立:「我们的产品是生活必需品,关税的影响不大。」\n\n"
        "有一家参与峰会的本地初创公司指,政府在海外推广本地品牌,让他们出海更顺利。\n\n"
        "有参与峰会的科技企业认为,关税战对他们的影响不大。\n"
    )
    found = speakers(corpus, text)
    assert found == {"某集团董事长孙立:「我们的产品是生活必需品,关税的影响不大。」": "sun-li"}, found


def test_a_parliament_record_labels_turns_by_family_name_post_and_given_name(corpus: Corpus) -> None:
    # 赵委员一鸣 is 赵一鸣 (a member), 钱部长多多 is 钱多多 (a minister); the chair's bare post labels nobody.
    text = (
        "主席:好,我们请部长上台。\n\n"
        "赵委员一鸣:部长好。我想先请教,各部门已经开始用大模型写公文了吗?\n\n"
        "钱部长多多:报告委员,各部门很早就用大模型整理资料,效率提高了三成。\n\n"
        "赵委员一鸣:好,这是第一个问题。\n\n"
        "钱部长多多:以本部而言,所有同仁都上过课。\n"
    )
    found = speakers(corpus, text)
    assert found["钱部长多多:报告委员,各部门很早就用大模型整理资料,效率提高了三成。"] == "qian-duoduo"
    assert found["钱部长多多:以本部而言,所有同仁都上过课。"] == "qian-duoduo"
    assert "duo-duo" not in found.values() and "yi-ming" not in found.values()
    assert not any(quote.startswith("主席") for quote in found)
    # A minister of a family name saying something (孙部长表示:…) is no label of a given name 表示.
    assert "sun-biaoshi" not in speakers(corpus, "孙部长表示:模型要先用起来。\n\n孙部长表示:再谈监管。\n").values()


def test_the_two_sides_of_a_statement_with_no_subject_are_the_person_named_before(corpus: Corpus) -> None:
    text = (
        "赵一鸣认为对手很强。\n\n赵一鸣在某报写了文章,表达这层含义。一方面强调对手进步很快,我们如果继续懈怠,就会被甩开。"
        "另一方面,又说双方应该互相学习合作,如果不合作就会落后。\n"
    )
    found = speakers(corpus, text)
    assert found["一方面强调对手进步很快,我们如果继续懈怠,就会被甩开。"] == "zhao-yiming"
    assert found["另一方面,又说双方应该互相学习合作,如果不合作就会落后。"] == "zhao-yiming"


def test_a_reply_as_a_noun_before_the_words_is_the_named_persons(corpus: Corpus) -> None:
    # 有个回应 / 做了一个表态 hand over the words as 回应 / 表态 do.
    found = speakers(corpus, "最近钱多多有个回应,这种追赶不可能发生。\n\n孙立做了一个表态,开源模型会赢。\n")
    assert found == {
        "最近钱多多有个回应,这种追赶不可能发生。": "qian-duoduo",
        "孙立做了一个表态,开源模型会赢。": "sun-li",
    }


def test_a_persons_view_spelled_out_after_shi_as_a_clause_with_a_modal_verb(corpus: Corpus) -> None:
    assert speakers(corpus, "赵一鸣的观点是双方应该加强合作,共同推进研究。\n") == {
        "赵一鸣的观点是双方应该加强合作,共同推进研究。": "zhao-yiming"
    }
    # 是 judging the view itself states nobody's view.
    assert speakers(corpus, "赵一鸣的观点是可以理解的。\n\n赵一鸣的观点是不能成立的。\n") == {}


def test_faulting_someone_right_before_say_is_how_the_words_came(corpus: Corpus) -> None:
    text = "赵一鸣批评说,某公司的领导层让它逐步脱离了轨道。\n\n钱多多指责称,这些承诺越来越空洞。\n"
    assert speakers(corpus, text) == {
        "赵一鸣批评说,某公司的领导层让它逐步脱离了轨道。": "zhao-yiming",
        "钱多多指责称,这些承诺越来越空洞。": "qian-duoduo",
    }


def test_a_view_taken_up_from_another_after_but_is_that_other_persons_and_the_statement_before_stays(
    corpus: Corpus,
) -> None:
    text = "对于这个现象,赵一鸣称,现在大家能进入赛道,首先要感谢开源的生态,但他认同某公司创始人钱多多的观点:国内模型与国外的差距至少有两年。\n"
    assert speakers(corpus, text) == {
        "对于这个现象,赵一鸣称,现在大家能进入赛道,首先要感谢开源的生态,": "zhao-yiming",
        "但他认同某公司创始人钱多多的观点:国内模型与国外的差距至少有两年。": "qian-duoduo",
    }


def test_a_short_foreign_name_right_after_a_public_office_is_a_person(corpus: Corpus) -> None:
    # 原行长 then three transliteration characters: the office marks where the name starts, as a title does, so the
    # sentence and the 他说 after it are that person's, not the one quoted before.
    text = (
        "某大学校长孙立在某年会致辞中指出,技术是一场“认知的革命”。\n\n"
        "某论坛主席、某银行原行长奥里韦在2025某某年会提到,技术的崛起让我们见证了科技的不可预测性。\n\n"
        "“在这一领域,我们或许正面临最重要的挑战。”他说。\n"
    )
    found = speakers(corpus, text)
    assert (
        found.get("某论坛主席、某银行原行长奥里韦在2025某某年会提到,技术的崛起让我们见证了科技的不可预测性。")
        == "ao-liwei"
    ), found
    assert found.get("“在这一领域,我们或许正面临最重要的挑战。”他说。") == "ao-liwei", found


def test_a_date_with_its_month_between_the_name_and_the_setting_is_taken_off(corpus: Corpus) -> None:
    # 5月28日上午 dates the talk as 28日 alone would: the name before it is the speaker.
    text = "“今天,也许我们可以说要想赢先联网。”孙立5月28日上午在2018某某博览会发表演讲时说。\n"
    found = speakers(corpus, text)
    assert found == {"“今天,也许我们可以说要想赢先联网。”孙立5月28日上午在2018某某博览会发表演讲时说。": "sun-li"}, (
        found
    )


def test_a_latin_name_before_the_setting_of_what_its_person_did_is_a_person(corpus: Corpus) -> None:
    # Jane Doe在一期播客中批评…: no speech verb after the name, but 他 in the next sentence is that person.
    text = "某奖得主Jane Doe在一期播客中公开批评当前的主流技术路线。他指出,堆放大模型规模的路径根本走不通。\n"
    found = speakers(corpus, text)
    assert found.get("他指出,堆放大模型规模的路径根本走不通。") == "jane-doe", found


def test_criticising_is_a_verb_of_saying(corpus: Corpus) -> None:
    # 批评 after a name: what the person finds wrong is their view; 受到批评 (a noun) names nobody.
    text = (
        "某奖得主孙立在一期播客中公开批评当前扩规模的路线“根本不可能走得通”。\n\n"
        "这一做法受到了不少批评,行业仍在观望。\n"
    )
    found = speakers(corpus, text)
    assert found == {"某奖得主孙立在一期播客中公开批评当前扩规模的路线“根本不可能走得通”。": "sun-li"}, found


def test_questioning_is_a_verb_of_saying(corpus: Corpus) -> None:
    # 质疑 after a name: what the person doubts is their view; 面对质疑 or 引发质疑 (a noun) names nobody.
    text = (
        "某公司创始人孙立质疑对手是否真的自己训练了这个模型,但对手没有回应。\n\n"
        "这家公司面对外界的质疑,仍然坚持原来的路线。\n"
    )
    found = speakers(corpus, text)
    assert found == {"某公司创始人孙立质疑对手是否真的自己训练了这个模型,但对手没有回应。": "sun-li"}, found


def test_hitting_back_in_words_is_a_verb_of_saying_before_the_words(corpus: Corpus) -> None:
    # 暗怼 / 回怼 before a comma or a colon hands over the person's jab; 怼上了某某 (with its object) hands over nothing.
    text = (
        "孙立认为小模型会赢。\n\n"
        "批评者当中也有一向直言的赵一鸣,他在一次访谈时暗怼,“某些专家信口开河,没有下过地就别谈种地”。\n\n"
        "钱多多回怼:“模型不开源也能做好。”\n\n"
        "赵一鸣怼上了孙立,场面一度很尴尬。\n"
    )
    found = speakers(corpus, text)
    assert (
        found["批评者当中也有一向直言的赵一鸣,他在一次访谈时暗怼,“某些专家信口开河,没有下过地就别谈种地”。"]
        == "zhao-yiming"
    )
    assert found["钱多多回怼:“模型不开源也能做好。”"] == person_id_for("钱多多")
    assert "赵一鸣怼上了孙立,场面一度很尴尬。" not in found


def test_a_noun_like_speech_verb_with_de_and_a_noun_after_it_is_a_relative_clause(corpus: Corpus) -> None:
    # 某某坚持的路线则延续了…: the route the person holds to is what the writer tells of; nobody speaks there, nor in the
    # writer's advice after it.
    text = (
        "孙立认为,扩规模是通往通用智能的关键路径。\n\n"
        "孙立坚持的扩规模路线则延续了当前的主流范式,相关公司可能受益。投资者需密切关注双方的技术进展。\n"
    )
    found = speakers(corpus, text)
    assert found == {"孙立认为,扩规模是通往通用智能的关键路径。": "sun-li"}, found


def test_the_writer_reading_the_debate_is_no_sides_view(corpus: Corpus) -> None:
    # 这场辩论凸显了…: after one side's rebuttal, the debate as a whole is told from outside it.
    text = "孙立反驳称,扩规模是通往通用智能的关键路径,预测五年内就能实现。这场辩论凸显了技术路线的根本分歧。\n"
    found = speakers(corpus, text)
    assert found == {"孙立反驳称,扩规模是通往通用智能的关键路径,预测五年内就能实现。": "sun-li"}, found


def test_the_writers_examples_summed_with_dou_are_no_view(corpus: Corpus) -> None:
    # After a person's view, the company's products listed with 如…等 or A、B等 and summed with 都 illustrate it.
    text = (
        "孙立认为,智能的核心在于让机器学会理解。某公司的产品如语音助手、无人车等,都体现了这一理念。\n\n"
        "钱多多强调,算法是一切的基础。某公司的开放平台、智能大脑等,都是其在该领域的代表作。\n"
    )
    found = speakers(corpus, text)
    assert found == {
        "孙立认为,智能的核心在于让机器学会理解。": "sun-li",
        "钱多多强调,算法是一切的基础。": "qian-duoduo",
    }, found


def test_shuodao_before_a_stop_or_a_colon_hands_the_words_over_but_not_shuodaoli(corpus: Corpus) -> None:
    # 说道 closes or opens the quoted words as 说 does (「…」她说道。 / 他说道:“…”); 说道理 is arguing a point, no words given.
    closing = "赵一鸣表示,公司今年会发布两款芯片。「边缘设备上的小模型,明年就会普及」 他说道。"
    opening = "钱多多在论坛上说道:“算力的需求会越来越细分。”"
    reasoning = "孙小雨在会后跟同事们说道理。"
    found = speakers(corpus, f"{closing}\n\n{opening}\n\n{reasoning}\n")
    assert found.get("「边缘设备上的小模型,明年就会普及」 他说道。") == "zhao-yiming"
    assert found.get(opening) == "qian-duoduo"
    assert reasoning not in found


def test_jiang_before_a_colon_hands_over_the_words_in_either_script(corpus: Corpus) -> None:
    # 讲 is saying in the spoken register (某某讲:“…”), in traditional text written 講; before a colon or a comma it
    # hands the words over, and the name before it is not read as a three-character name ending in it.
    text = (
        "某月某日,某论坛在某地召开。\n\n"
        "孫立講:“集成電路是信息技術產業的核心,國家高度重視。”\n\n"
        "趙一鳴講:“我們每年還保持著大量的進口,這和發展方向還有差距。”\n"
    )
    assert speakers(corpus, text) == {
        "孫立講:“集成電路是信息技術產業的核心,國家高度重視。”": "sun-li",
        "趙一鳴講:“我們每年還保持著大量的進口,這和發展方向還有差距。”": "zhao-yiming",
    }


def test_a_digest_of_talks_gives_the_words_under_each_card_to_its_name(corpus: Corpus) -> None:
    # A digest of talks: each speaker's card is the name alone on its line (a Western name keeps its dot), one to three
    # post lines, then the gist of the talk with no verb of speech; three or more cards make the page such a digest.
    text = (
        "某月某日,某论坛在某地举办,中外大学校长围绕人工智能展开讨论。\n\n"
        "孙立\n\n某某大学党委书记\n\n中国某某学会副会长\n\n"
        "高水平大学在发展中形成新的形态,这是我们的共同任务。\n\n"
        "赵一鸣\n\n某某大学校长\n\n"
        "大学大力推进人工智能与教学的深度融合,探索新的路径。\n\n"
        "杰克•钱\n\n某某大学集团主席\n\n某某大学校长\n\n"
        "人工智能的应用必须注重道德规范,需平衡它的优势与风险。\n"
    )
    found = speakers(corpus, text)
    assert found.get("高水平大学在发展中形成新的形态,这是我们的共同任务。") == "sun-li"
    assert found.get("大学大力推进人工智能与教学的深度融合,探索新的路径。") == "zhao-yiming"
    assert found.get("人工智能的应用必须注重道德规范,需平衡它的优势与风险。") == person_id_for("杰克•钱")


def test_a_dotted_names_last_part_holding_li_is_read_whole_when_the_text_writes_it_alone(corpus: Corpus) -> None:
    # 里 ("inside") is a function word's character that also spells a foreign name's syllable (德里 / 里奇): the dotted
    # name's last part is read whole when the text writes that whole part alone later, before a title and a verb.
    text = (
        "某大学计算机系主任、某学会院士杰克·伍德里奇教授曾参与开发某项目。"
        "伍德里奇教授说,下一个挑战是让人工智能理解人的世界。\n"
    )
    found = speakers(corpus, text)
    assert found.get("伍德里奇教授说,下一个挑战是让人工智能理解人的世界。") == person_id_for("杰克·伍德里奇")


def test_a_name_after_posts_listed_with_a_pause_mark_speaks_in_the_later_clause(corpus: Corpus) -> None:
    # Two posts set off by 、 before the name (某院院士、某大学校长某某): the name follows the last, and the clause after
    # the comma (…,指出…) has it as its subject.
    text = (
        "某某科学院院士、某某大学校长赵一鸣探讨了对机器学习的认识,指出关键在于打开学科之间的边界。\n\n"
        "赵一鸣认为,机器学习是创新的加速器。\n"
    )
    found = speakers(corpus, text)
    assert (
        found["某某科学院院士、某某大学校长赵一鸣探讨了对机器学习的认识,指出关键在于打开学科之间的边界。"]
        == "zhao-yiming"
    )


def test_a_setting_before_a_named_post_leaves_the_subject_of_the_clause_before_the_verb(corpus: Corpus) -> None:
    # 在某环节, opens the sentence; the name after its post is the subject of the clause right before 并提出.
    text = "在主旨演讲环节,某某大学校长赵一鸣分享了机遇与挑战,并提出了发展倡议:将人工智能纳入通识教育,重构培养体系。\n"
    found = speakers(corpus, text)
    assert found[text.strip()] == "zhao-yiming"


def test_three_characters_after_a_post_are_one_name_though_the_last_two_read_as_one(corpus: Corpus) -> None:
    # 路远 reads as a name alone (路 is a family name too), but the post marks where the name starts and 分享 opens right
    # after the three; a one-character adverb after a name of two (孙明则分享) is not the name's.
    text = (
        "某某大学校长钱路远分享了机遇与挑战,并提出了发展倡议:将人工智能纳入通识教育。\n\n"
        "某某学院院长孙明则分享了实践经验,并提出了改革建议:重构人才培养体系。\n"
    )
    attributed = attribute(text, Names(corpus))
    assert [s.speaker.id if s.speaker else None for s in attributed] == ["qian-luyuan", "sun-ming"]


def test_this_and_a_noun_for_what_the_person_is_after_a_quotation_is_the_person_named_last(corpus: Corpus) -> None:
    # “…,”这位…富豪补充道: 这位 and what the person is, right after the quotation closes, is the person named last; 富豪 is
    # no name, though the dictionary tags it as one.
    text = "钱多多表示,芯片明年会降价。\n\n“而且价格会一落千丈,这是大家忽略的关键,”这位年过半百的富豪补充道。\n"
    attributed = attribute(text, Names(corpus))
    assert [s.speaker.id if s.speaker else None for s in attributed] == ["qian-duoduo"] * 2
    # A bare 这位 and what the person is, the unnamed source the text brought in, is not the person named last.
    unnamed = "钱多多表示,芯片明年会降价。\n\n一位创业者告诉我们,价格战不会停。这位不愿具名的企业家说,大家都在亏钱。\n"
    assert attribute(unnamed, Names(corpus))[-1].speaker is None


def test_this_and_a_post_in_a_firm_named_after_the_person_is_the_person_named_last(corpus: Corpus) -> None:
    # 这位钱多多资本的联合创始人: the person's own name inside the post, a firm named after them, is still them.
    text = "钱多多表示,芯片明年会降价。\n\n这位钱多多资本的联合创始人预言,即便如此,市场仍将保有可观购买需求。\n"
    attributed = attribute(text, Names(corpus))
    assert [s.speaker.id if s.speaker else None for s in attributed] == ["qian-duoduo", "qian-duoduo"]
    # Another person named in the post is not: 这位 may tell of someone else's partner.
    other = (
        "钱多多表示,芯片明年会降价。\n\n孙立说,明年会更好。\n\n这位钱多多资本的合伙人预言,市场仍将保有可观购买需求。\n"
    )
    assert attribute(other, Names(corpus))[-1].speaker is None


def test_a_quotation_after_a_persons_idea_judged_before_the_colon_is_theirs(corpus: Corpus) -> None:
    # 某某的想法则更为大胆:“…”: the idea is that person's, not the one who spoke in the paragraph before.
    text = (
        "钱多多认为,青年在制造行业中承担着无可替代的任务。\n\n"
        "科幻作家孙立的想法则更为激进:“今后,固有的职业分工将逐步淡化,甚至连工位都会取消。”\n"
    )
    found = speakers(corpus, text)
    assert found["科幻作家孙立的想法则更为激进:“今后,固有的职业分工将逐步淡化,甚至连工位都会取消。”"] == "sun-li"


def test_a_pronoun_past_a_sentence_that_names_no_one_is_the_person_the_paragraph_opened_with(corpus: Corpus) -> None:
    # 某某也在思考…。在…下,…。他认为,…: the sentence between names no one, so 他 is the person the paragraph opened with,
    # not the one who spoke in the paragraph before.
    text = (
        "钱多多表示,大学可能会虚拟化。\n\n"
        "某大学校长王大川也在琢磨学院的未来角色。在算力的驱动下,课堂不再是学习的唯一场所。他认为,这要求大学探索新模式。\n"
    )
    assert speakers(corpus, text)["他认为,这要求大学探索新模式。"] == "wang-dachuan"


def test_the_sentence_between_a_person_after_listed_posts_and_their_pronoun_is_theirs(corpus: Corpus) -> None:
    # Posts listed with 、 before the name, longer than one post: the paragraph still opens with the person, and the
    # sentence that names no one before 他认为 is their account.
    text = (
        "钱多多表示,大学可能会虚拟化。\n\n"
        "北方某某大学校长、某某科学院院士王大川也在琢磨学院的未来角色。在算力驱动下,课堂不再是学习的唯一场所。"
        "他认为,这要求大学探索新模式。\n"
    )
    assert speakers(corpus, text)["在算力驱动下,课堂不再是学习的唯一场所。"] == "wang-dachuan"


def test_a_view_cited_as_one_persons_and_others_of_their_kind_is_that_persons(corpus: Corpus) -> None:
    # 正如某某等业界领袖所强调的那样,…: the view after the comma is cited as the one person's the text names.
    text = "正如钱多多等业界领袖所强调的那样,算法绝非抢人岗位的对手,相反,职员反而将在工作中赢得主动。\n"
    assert speakers(corpus, text) == {text.strip(): "qian-duoduo"}


def test_a_part_of_an_events_programme_between_the_name_and_the_verb_is_a_setting(corpus: Corpus) -> None:
    # 在问答环节 with no 上 / 中 after it: when, in the event, the person spoke; the name before it speaks.
    text = "孙立在问答环节表示,大模型的价格还会下降。\n"
    assert speakers(corpus, text) == {text.strip(): "sun-li"}


def test_two_settings_in_a_row_leave_the_name_before_both_not_the_addressee(corpus: Corpus) -> None:
    # 某某在问答环节向总统某某表示: the setting 在… before the addressee's 向… goes too; the guest thanks the host.
    text = "美国总统张大海设宴款待企业领袖。\n\n某公司行政总裁刘明远在问答环节向张大海表示:“你的政策帮助了很多人。”\n"
    found = speakers(corpus, text)
    assert found["某公司行政总裁刘明远在问答环节向张大海表示:“你的政策帮助了很多人。”"] == "liu-mingyuan"


def test_praise_handed_over_in_quotation_marks_is_the_praisers_view(corpus: Corpus) -> None:
    # 某某赞扬“…” / 某某称赞:“…”: the words quoted are the person's; 盛赞 before its object hands over no words.
    text = (
        "美国总统张大海设宴款待企业领袖。\n\n"
        "某公司总裁刘明远赞扬“在政府上任几个月内,发展大幅加速”。某大学校长孙立称赞:“你释放了创新的活力。这是令人耳目一新的改变。”\n\n"
        "钱多多盛赞张大海的决定,随后离开了会场。\n"
    )
    assert speakers(corpus, text) == {
        "某公司总裁刘明远赞扬“在政府上任几个月内,发展大幅加速”。": "liu-mingyuan",
        "某大学校长孙立称赞:“你释放了创新的活力。": "sun-li",
        "这是令人耳目一新的改变。”": "sun-li",
    }


def test_a_manner_adverb_between_the_link_and_a_later_clauses_verb_leaves_the_sentences_subject(corpus: Corpus) -> None:
    # …,称赞某某…,并迅速意识到…: 迅速 says how soon; the one who realised is the sentence's subject, not the one praised.
    text = (
        "美国总统张大海设宴款待企业领袖。\n\n"
        "某公司行政总裁刘明远更不吝赞美之词,称赞张大海当选总统,并迅速意识到人工智能的重要性。\n"
    )
    found = speakers(corpus, text)
    assert (
        found["某公司行政总裁刘明远更不吝赞美之词,称赞张大海当选总统,并迅速意识到人工智能的重要性。"] == "liu-mingyuan"
    )


def test_a_full_latin_name_right_after_a_post_is_the_subject_a_later_clause_goes_on_with(corpus: Corpus) -> None:
    # 某公司行政总裁 Jane Doerr 更…,称赞某某…,并迅速意识到…: the Latin name after the post is the sentence's subject.
    text = (
        "美国总统张大海设宴款待企业领袖。\n\n"
        "某公司行政总裁 Jane Doerr 更不吝赞美之词,称赞张大海当选总统,并迅速意识到人工智能的重要性。\n"
    )
    found = speakers(corpus, text)
    assert (
        found["某公司行政总裁 Jane Doerr 更不吝赞美之词,称赞张大海当选总统,并迅速意识到人工智能的重要性。"]
        == "jane-doerr"
    )


def test_a_full_latin_name_after_a_post_is_the_subject_of_a_later_clauses_verb_of_saying(corpus: Corpus) -> None:
    # 坐在某某旁边的某公司总裁 Mark Sorensen 感谢某某…,表示…: the guest after the post says it, not the host thanked.
    text = (
        "美国总统张大海设宴款待企业领袖。\n\n"
        "坐在张大海旁边的某公司行政总裁 Mark Sorensen 感谢张大海安排这次活动,表示在场所有人都在进行“巨额投资”。\n"
    )
    found = speakers(corpus, text)
    assert (
        found["坐在张大海旁边的某公司行政总裁 Mark Sorensen 感谢张大海安排这次活动,表示在场所有人都在进行“巨额投资”。"]
        == "mark-sorensen"
    )


def test_a_manner_adverb_with_di_after_a_setting_leaves_the_name_before_both(corpus: Corpus) -> None:
    # 某某在公开场合含蓄地承认过,…: 含蓄地 says how the person admitted it; the setting before it goes too.
    text = "孙立在公开场合含蓄地承认过,模型的进步正在放缓。\n"
    assert speakers(corpus, text) == {text.strip(): "sun-li"}


def test_even_the_person_set_off_by_a_comma_is_the_subject_of_the_clause_that_says_it(corpus: Corpus) -> None:
    # 即便是某某,也在公开场合承认过,…: the person the sentence concedes admitted it.
    text = "即便是孙立,也在公开场合承认过,模型的进步正在放缓。\n"
    assert speakers(corpus, text) == {text.strip(): "sun-li"}


def test_a_full_latin_name_opening_the_sentence_is_the_subject_a_later_clause_goes_on_with(corpus: Corpus) -> None:
    # Jane Doerr则…毒舌,认为…: no verb of speech in the name's clause; the view after 认为 is still the person's.
    text = "Jane Doerr则一如既往地尖刻,认为眼下的聊天机器人不管如何堆料都难以具备真正的理解。\n"
    assert speakers(corpus, text) == {text.strip(): "jane-doerr"}


def test_a_latin_surname_with_a_capital_inside_it_is_part_of_the_full_name(corpus: Corpus) -> None:
    # Jane McArdle则…,认为…: McArdle is one surname, so the two words are a full name opening the sentence.
    text = "Jane McArdle则一如既往地尖刻,认为眼下的聊天机器人不管如何堆料都难以具备真正的理解。\n"
    assert speakers(corpus, text) == {text.strip(): "jane-mcardle"}


def test_lao_and_a_family_name_is_the_one_person_of_that_family_the_text_names(corpus: Corpus) -> None:
    # 老黄认为,…: the press's familiar name for 黄某某, named in full before.
    text = (
        "并非所有企业老板都这样笃定。\n\n"
        "当某公司CEO黄大伟前年被问到类似话题时,他毫不犹豫地回答:“那不现实。”\n\n"
        "老黄认为,AI离全面替代人工客服还有相当远的距离。\n"
    )
    assert speakers(corpus, text)["老黄认为,AI离全面替代人工客服还有相当远的距离。"] == "huang-dawei"
    # 老师 is a teacher, though 师 is a family name too: no 师某某 speaks.
    assert speakers(corpus, "师大伟是某公司的工程师。\n\n老师认为,这样的说法太保守。\n") == {}


def test_declaring_in_public_before_a_colon_hands_over_the_persons_words(corpus: Corpus) -> None:
    # 某某放话:“…” / 某某…语出惊人:…: the declaration is the person's view; 放话要收购 hands over no words.
    text = (
        "某公司的孙立放话:“早晚有一天AI会替我把CFO干得更出色。”\n\n"
        "执掌某大厂的CEO钱多多,在近期访谈中语出惊人:机器学习进步飞快,未来18个月内就能胜任专业工作。\n\n"
        "赵一鸣放话要收购这家公司。\n"
    )
    assert speakers(corpus, text) == {
        "某公司的孙立放话:“早晚有一天AI会替我把CFO干得更出色。”": "sun-li",
        "执掌某大厂的CEO钱多多,在近期访谈中语出惊人:机器学习进步飞快,未来18个月内就能胜任专业工作。": "qian-duoduo",
    }


def test_zao_jiu_before_the_verb_is_an_adverb_not_a_given_names_end(corpus: Corpus) -> None:
    # 某某早就指出 / 某·某某早就放话: 早就 says since when; 早 is not read into the name.
    text = "孙立早就指出,模型会越来越便宜。\n\n某公司的卡姆·洛特森早就放话:“早晚有一天AI会替我把CFO干得更出色。”\n"
    assert speakers(corpus, text) == {
        "孙立早就指出,模型会越来越便宜。": "sun-li",
        "某公司的卡姆·洛特森早就放话:“早晚有一天AI会替我把CFO干得更出色。”": "kamu-luotesen",
    }


def test_a_dotted_names_first_part_of_five_transliteration_characters_after_a_title_is_whole(corpus: Corpus) -> None:
    # CEO伊曼纽埃尔·某某 / 执行长克里斯托弗·某某: the title marks where the name starts, and five characters spelling a
    # foreign first name are not cut to four or two.
    text = (
        "某公司的CEO伊曼纽埃尔·奥斯特罗戈夫斯基表示,AI有本事干好我们每个人的活儿。\n\n"
        "某公司执行长克里斯托弗·兰德里表示,芯片还会更便宜。\n"
    )
    assert speakers(corpus, text) == {
        "某公司的CEO伊曼纽埃尔·奥斯特罗戈夫斯基表示,AI有本事干好我们每个人的活儿。": "yimanniuaier-aositeluogefusiji",
        "某公司执行长克里斯托弗·兰德里表示,芯片还会更便宜。": "kelisituofu-landeli",
    }


def test_a_name_after_a_post_with_its_latin_form_in_brackets_is_whole(corpus: Corpus) -> None:
    # 创办人多尔柏格(Jane Dolberg): 柏 is missing from the transliteration table, but the post and the bracketed Latin
    # name say the four characters are one person's; 多尔 alone is no name here.
    text = (
        "市长坐在圆桌中央,一边坐着某公司创办人多尔柏格(Jane Dolberg),另一边坐着市议长。\n\n"
        "多尔柏格说,来自不同行业的执行长难得碰一次面,“这样很好”。\n"
    )
    assert speakers(corpus, text) == {"多尔柏格说,来自不同行业的执行长难得碰一次面,“这样很好”。": "jane-dolberg"}


def test_the_feeling_a_person_said_it_with_is_no_name(corpus: Corpus) -> None:
    # 某某曾不甘心地说: 曾 is "once" and 不甘心地 the feeling; 曾不甘 is no name.
    text = "王大川曾不甘心地说,“我比孙立技术好,只是没有他命好”。\n"
    assert speakers(corpus, text) == {text.strip(): "wang-dachuan"}


def test_a_registry_alias_at_the_end_of_another_persons_full_name_is_not_that_alias(corpus: Corpus) -> None:
    # The registry knows 王小川 also as 小川; 某会长陈小川说 names someone else whose name ends so: the family name's
    # character right before the alias makes it a longer name, that person's, and 他 after it is them too.
    text = "“从行业角度看,大模型是又一次新的变化。”同一现场,某协会原会长陈小川说,多年前行业转变为数据处理行业。他认为,这是很大的变化。\n"
    found = speakers(corpus, text)
    assert set(found.values()) == {"chen-xiaochuan"}
    # The alias alone, or after a preposition, still names the registry's person.
    assert set(speakers(corpus, "王小川说,行业会变。\n\n和小川一样,小川认为,这是很大的变化。\n").values()) == {
        "wang-xiaochuan"
    }


def test_figures_a_named_person_shares_after_a_colon_are_theirs(corpus: Corpus) -> None:
    # 某某一连分享了几个数据:…: the figures after the colon, and the example the paragraph goes on with, are the named
    # person's; a company sharing figures is news, no one's view.
    text = (
        "在近日由某论坛主办的年会上,某银行副行长兼首席信息官钱多斌一连分享了几个数据:按公开信息披露,"
        "2024年大行科技投入超过1200亿元。以该行为例,每年科技资金投入始终保持在120亿元。\n\n"
        "某公司分享了几个数据:营收增长了三成。\n"
    )
    found = speakers(corpus, text)
    assert found == {
        "在近日由某论坛主办的年会上,某银行副行长兼首席信息官钱多斌一连分享了几个数据:按公开信息披露,"
        "2024年大行科技投入超过1200亿元。": "qian-duobin",
        "以该行为例,每年科技资金投入始终保持在120亿元。": "qian-duobin",
    }


def test_a_clause_joined_by_bing_after_a_person_named_after_a_post_is_theirs_past_a_saying_they_cite(
    corpus: Corpus,
) -> None:
    # …某科学院院士某某引用了一句名言,并表示,…: 并 ties the verb of speech to the person the post names, as a verb of
    # opinion would be; a saying quoted before the subject is what they cite, not who speaks.
    plain = "某某科学院院士孙立平引用了一位诗人的名句,并表示,机器对语言的掌握有望开启一个全新的未来。"
    cited = "“山高月小,水落石出”,北方大学校长钱多多引用古人的这句话,并表示,大模型的价值终将在应用中显现。"
    found = speakers(corpus, f"{plain}\n\n{cited}\n")
    assert found.get(plain) == "sun-liping"
    assert found.get(cited) == "qian-duoduo"


def test_a_quotation_mid_paragraph_is_the_persons_a_sentence_opening_with_ju_credits_next(corpus: Corpus) -> None:
    # “…。”据某组织副总干事某某介绍,…: 据 and the person, whatever their post is called, name the speaker first, as a
    # sentence opening with the name does; the quotation before it is theirs, after the writer's own sentence.
    quote = "“当前,机器正在与算法加快融合,并深度重构产业路径。”"
    text = f"今年恰逢大会举办十周年。{quote}据某某联盟副总干事王大川介绍,这类新突破将明显带动效率成倍提升。\n"
    assert speakers(corpus, text).get(quote) == "wang-dachuan"


def test_a_name_of_three_right_after_an_organisations_name_starts_where_the_organisation_ends(corpus: Corpus) -> None:
    # 某某师范大学钱宗文教授: 宗 is a family name too, but the organisation's name ending right before 钱 marks where the
    # name starts, as a post does (校长钱宗文), so the speaker is not cut to 宗文.
    text = "北方师范大学钱宗文教授提出,明年将是智慧教育的元年,课堂会从二元关系变成三元关系。\n"
    assert speakers(corpus, text) == {text.strip(): "qian-zongwen"}


def test_a_quotation_after_an_outlets_bracketed_tag_is_the_persons_the_next_paragraph_names(corpus: Corpus) -> None:
    # 【某网 栏目】“…。” then 某集团董事长某某曾说过这样一句话。: the tag is the lede's label, and the quotation the
    # person's, as it is when the paragraph opens with it.
    quote = "【某某网 行业】“未来是智能的时代,要么与机器同进化,要么被机器淘汰。”"
    credit = "某某集团董事局主席钱多多曾说过这样一句话。"
    found = speakers(corpus, f"{quote}\n\n{credit}\n\n这句话放在汽车行业也同样适用。\n")
    assert found.get(quote) == "qian-duoduo"


def test_an_example_a_person_gives_after_a_colon_is_their_argument(corpus: Corpus) -> None:
    # …董事长某某也举了个耐人寻味的例子:二三十年前,…: the example, handed over by the colon, is the person's.
    example = (
        "同时,某某集团董事长钱多多也举了个耐人寻味的例子:二三十年前,收音机是家电市场的核心,"
        "但价格战打到最后,却让企业无利可图。"
    )
    found = speakers(corpus, f"{example}\n\n钱多多提醒,技术不能因为内卷而被消耗殆尽。\n")
    assert found.get(example) == "qian-duoduo"


def test_figures_a_paragraph_credits_to_a_person_right_after_them_are_theirs(corpus: Corpus) -> None:
    # 这些数据是某协会会长某某在某大会上分享的。 opening the next paragraph: the figures before it are what the person
    # presented; the sentence without a figure stays the writer's.
    figures = "截至今年上半年,国内已有超过50个品牌的130多款车型标配了大模型,装配率接近16%。"
    text = (
        f"这句话放在汽车行业也同样适用。{figures}\n\n"
        "这些数据是某某汽车协会会长钱多多在9月21日举办的「某某智能汽车大会」上分享的。\n"
    )
    found = speakers(corpus, text)
    assert found.get(figures) == "qian-duoduo"
    assert "这句话放在汽车行业也同样适用。" not in found


def test_a_person_after_a_post_sharing_their_sides_plan_spelled_out_after_a_comma_is_its_speaker(
    corpus: Corpus,
) -> None:
    # 某大学校长某某分享了该校的“…”策略,自…起便…: the account the person shares is theirs, not the reported speech of the
    # person the sentence before named.
    shared = "南方理工大学校长钱锦光分享了该校的“必修先行”策略,自2022年起便将AI课程设为本科生必修课。"
    text = f"在实践方面,北方大学副校长孙立平介绍了该校的行动方案,全面重构教学与科研的全链条。{shared}\n"
    assert speakers(corpus, text).get(shared) == "qian-jinguang"


def test_a_name_before_a_head_of_states_office_is_read_whatever_its_family_name(corpus: Corpus) -> None:
    # 某某某主席向大会致贺信指出:“…”: a family name of 百家姓 the dictionary does not tag as a name (冀) is still a
    # person's before the office and what its holder does; the letter's words are theirs.
    text = "9月5日,冀振峰主席向世界智能大会致贺信指出:“当前,数字技术持续更新换代。各方应加强沟通与协作。”\n"
    found = speakers(corpus, text)
    assert set(found.values()) == {"ji-zhenfeng"}
    assert any(quote.startswith("9月5日,冀振峰主席") for quote in found)
    # A body's chair is no name: 董事会 holds a word of the dictionary.
    assert speakers(corpus, "董事会主席表示,明年要把研发投入翻一番,这是最关键的决定。\n") == {}


def test_a_given_name_whose_simplified_form_lies_outside_the_basic_block_is_still_read(corpus: Corpus) -> None:
    # 譞 simplifies to a character of Extension B; read so, the name was no name and the view went to the one before.
    found = speakers(
        corpus,
        "某基金合伙人钱立新也提到,大模型并没有脱离深度学习的框架。 孙譞也提到,新模型还不能称为理论上的颠覆。\n",
    )
    assert found["孙譞也提到,新模型还不能称为理论上的颠覆。"] == "sun-xuan"


def test_a_quotation_closed_by_who_voiced_it_on_the_topic_is_theirs_not_the_first_names(corpus: Corpus) -> None:
    # The name right before 就这个话题发表了看法 is the speaker, not the person the long description mentions first.
    found = speakers(
        corpus,
        "某大学副校长赵文静说,学生都在用这类工具。\n\n"
        "“未来新技术有可能会解决学习的效率问题。但是要注意,体质还是要通过锻炼来增强。”"
        "和赵文静一同前来报到的某某学校处长李明也就这一话题发表了自己的看法。\n",
    )
    assert found["“未来新技术有可能会解决学习的效率问题。"] == "li-ming"


def test_a_university_that_replies_is_no_person_named_after_its_last_characters(corpus: Corpus) -> None:
    # 江 is a family name's character and 大学 two more: the end of a body's name, not 江 and a given name.
    found = speakers(corpus, "对此,临江大学回应,虽然信中写明务必,但还是鼓励教师尽量在课上使用生成式AI。\n")
    assert found == {}


def test_a_given_name_that_is_a_word_ending_on_a_particles_character_is_read_where_a_sentence_starts(
    corpus: Corpus,
) -> None:
    # 里 is a particle's character (这里 / 眼里), but 孙 and 万里 opening a sentence before 解释称 are a person.
    found = speakers(
        corpus,
        "某基金合伙人钱立新也提到,大模型并没有脱离深度学习的框架。 孙万里解释称,从底层技术看,新模型的确没有很多创新。\n",
    )
    assert found["孙万里解释称,从底层技术看,新模型的确没有很多创新。"] == "sun-wanli"


def test_a_named_broker_analysing_ends_the_run_of_a_persons_reported_speech(corpus: Corpus) -> None:
    # 某某证券分析称 is the broker's view, not the words of the person whose view ran before it.
    found = speakers(
        corpus,
        "不过在王建国看来,新模型的效果到底如何是没有定论的。 "
        "某发证券分析称,新产品的概念价值更为突出,落地进度仍需跟踪。\n",
    )
    assert "某发证券分析称,新产品的概念价值更为突出,落地进度仍需跟踪。" not in found


def test_a_paragraph_judging_with_a_terse_should_carries_on_the_view_before_it(corpus: Corpus) -> None:
    # 应是 is 应该是 written short: the paragraph judges, names nobody, and goes on with the analyst's view.
    found = speakers(
        corpus,
        "某研究中心研究员周立新分析,高校近期常问如何教AI,端看以何种角色为目标。\n\n"
        "工程师需具备算法等常识,但若是学校想大范围铺开,应是站在学习者的角度让它更易用。\n",
    )
    assert found["工程师需具备算法等常识,但若是学校想大范围铺开,应是站在学习者的角度让它更易用。"] == "zhou-lixin"


def test_a_scholar_or_expert_before_a_three_character_name_marks_where_the_name_starts(corpus: Corpus) -> None:
    # 尚 is a family name too, but 学者 / 经济学家 right before 钱 marks where the name starts, as a post does.
    found = speakers(
        corpus,
        "知名学者钱尚明指出,算力价格明年还会下降一半。\n\n经济学家孙尚文认为,开源模型最终会赢下这场竞争。\n",
    )
    assert found == {
        "知名学者钱尚明指出,算力价格明年还会下降一半。": "qian-shangming",
        "经济学家孙尚文认为,开源模型最终会赢下这场竞争。": "sun-shangwen",
    }


def test_attacking_a_target_is_a_verb_of_the_persons_view_as_criticising_is(corpus: Corpus) -> None:
    # 抨击, beside 批评: what the person attacks, and how they call it, is their view of it.
    found = speakers(corpus, "昨天,评论家钱多多在社交平台上抨击了某公司不断炒作的大模型品牌。\n")
    assert found == {"昨天,评论家钱多多在社交平台上抨击了某公司不断炒作的大模型品牌。": "qian-duoduo"}


def test_a_whole_quotation_after_a_persons_quoted_words_is_theirs_though_it_names_someone(corpus: Corpus) -> None:
    # “…,”某某写道。“某某也这么干过吗?”: a name inside the quotation marks is someone the speaker talks about; the
    # speaker of a quotation is named outside it.
    text = (
        "“那家公司总在许下越来越多的诺言,可这些诺言一个也没有实现,”钱多多写道。“当年的孙大圣也这么干过吗?”\n\n"
        "孙大圣表示,这些承诺都能兑现。\n"
    )
    names = Names(corpus)
    names.collect(text)
    found = {s.text: s.speaker.zh if s.speaker else None for s in attribute(text, names)}
    assert found["“当年的孙大圣也这么干过吗?”"] == "钱多多"


def test_what_the_case_a_person_showed_shows_is_their_view(corpus: Corpus) -> None:
    # 某某展示的案例显示,…: the person chose the case to make the point after it; the point is theirs. A case nobody is
    # named as showing (报告的案例显示,…) stays the writer's.
    text = (
        "在农村,网购正在改变种地的方式。钱多多教授展示的案例显示,农户可以提前锁定化肥的价格。\n\n"
        "报告的案例显示,农户可以提前锁定化肥的价格。\n"
    )
    found = speakers(corpus, text)
    assert found.get("钱多多教授展示的案例显示,农户可以提前锁定化肥的价格。") == "qian-duoduo"
    assert "报告的案例显示,农户可以提前锁定化肥的价格。" not in found


def test_a_name_between_a_posts_blank_and_the_labels_colon_may_hold_a_conjunctions_character(corpus: Corpus) -> None:
    # 某集团董事长 钱和平:…: 和 is a conjunction too, but the blank after the post and the colon bound the name.
    text = "某协会会长、某集团董事长 钱和平:我觉得开源模型最终会赢下这场竞争,这个很重要。\n"
    assert speakers(corpus, text) == {text.strip(): "qian-heping"}


def test_a_turns_label_of_several_posts_chained_by_commas_still_opens_the_named_persons_turn(corpus: Corpus) -> None:
    # Three posts set apart by 、 take the label past thirty characters; the name after the last post still ends it.
    text = "全国政协委员、某某纺织集团党组书记、总经理、某某物流集团董事长 钱多多:数字化是纺织业升级的一个抓手,这个很重要。\n"
    assert speakers(corpus, text) == {text.strip(): "qian-duoduo"}


def test_a_name_after_an_analysts_job_and_before_its_latin_form_in_brackets_is_a_person(corpus: Corpus) -> None:
    # 分析师 is a job written before the name as a post is; the bracketed Latin name says who the characters spell.
    text = "某投资银行分析师帕克斯(Paul Weston)也说,这款新电池「比预想的好卖」,因为同类产品还要等两年。\n"
    assert speakers(corpus, text) == {
        "某投资银行分析师帕克斯(Paul Weston)也说,这款新电池「比预想的好卖」,因为同类产品还要等两年。": "paul-weston"
    }


def test_a_latin_name_in_brackets_whose_space_was_lost_still_names_the_person_after_a_post(corpus: Corpus) -> None:
    # (PaulWeston): two capitalised words run together are the first name and the surname, as (Paul Weston) would be.
    text = "某咨询公司分析师帕克斯(PaulWeston)解释,电池降价让车企重新算了一遍账。\n"
    assert speakers(corpus, text) == {
        "某咨询公司分析师帕克斯(PaulWeston)解释,电池降价让车企重新算了一遍账。": "paul-weston"
    }


def test_a_quotation_after_now_it_seems_goes_on_with_the_view_before_it(corpus: Corpus) -> None:
    # 现在看来 is "as it turns out now", no one's speech verb: the quoted words still go on with the analyst's view.
    view = "某券商分析师钱多多指出,去年大家都怕电池太贵,车卖不动。"
    quoted = "可现在看来,「车企的订单一直在涨,明年还会更多」。"
    assert speakers(corpus, f"{view}\n\n{quoted}\n") == {view: "qian-duoduo", quoted: "qian-duoduo"}


def test_a_quotation_is_credited_by_a_sentence_that_ends_on_the_verb_after_a_long_description_of_the_person(
    corpus: Corpus,
) -> None:
    # …的某某向记者坦言 。 names the speaker after what they did; ending on the verb (a space before the stop keeps it a
    # sentence of its own), it only credits the quotation.
    quote = "“做面包这件事,机器只能帮忙揉面。味道还得靠师傅自己调。”"
    credit = "开过三家面包店、写过《麦香》《晨光》两本食谱的钱多多向记者坦言 。"
    found = speakers(corpus, f"开头一段介绍。\n\n{quote}{credit}\n")
    assert found.get("“做面包这件事,机器只能帮忙揉面。") == "qian-duoduo"


def test_what_cannot_be_described_names_no_one_describing_it(corpus: Corpus) -> None:
    # 关系难以用…描述: 难以 before 描述 says it defies description; 关系难 is no name, and the view goes on.
    view = "在某中学校长钱多多看来,第一次登台的孩子都很紧张。"
    more = "师生的关系难以用几句话描述,孩子们“又怕又想上”,也最容易被台下的掌声带动。"
    found = speakers(corpus, f"{view}{more}\n")
    assert found.get(more) == "qian-duoduo"


def test_a_character_slipped_before_the_verb_from_the_word_after_it_is_no_part_of_the_name(corpus: Corpus) -> None:
    # 面 slipped over 表示 from 面对 after it: the name after the post is the three characters before it.
    slipped = "某市交通局副局长赵一鸣面表示,对市民出行的新变化,我们要及时调整公交线路,方便大家换乘。"
    assert speakers(corpus, slipped + "\n") == {slipped: "zhao-yiming"}
    # A name of three after the post that ends right at the verb keeps its last character (强 and 大 are a word too).
    whole = "某大学院长王一强表示,大家的出行习惯正在改变,公交线路也要跟着调整。"
    assert speakers(corpus, whole + "\n") == {whole: "wang-yiqiang"}


def test_an_address_given_before_a_colon_hands_over_its_words(corpus: Corpus) -> None:
    # 致辞: (致詞: in traditional characters) hands the address's words over the colon; before anything else it only
    # names the address.
    given = "某市文旅局副局长钱多多致辞:希望市民多走进博物馆,把家乡的老故事讲给孩子听。"
    written = "某市文旅局副局長錢多多女士致詞:希望市民多走進博物館,把家鄉的老故事講給孩子聽。"
    assert speakers(corpus, f"{given}\n\n{written}\n") == {given: "qian-duoduo", written: "qian-duoduo"}
    assert speakers(corpus, "某市文旅局副局长钱多多致辞并为志愿者颁奖。\n") == {}


def test_the_way_a_person_joined_between_the_name_and_the_verb_is_how_the_words_came(corpus: Corpus) -> None:
    # 通过视频 / 透過視頻 / 以书面形式: how the person joined, not part of a name.
    by_video = "某區衛生署副署長錢多多女士透過視頻致詞:呼籲市民按時接種疫苗,保護家中的長者。"
    in_writing = "某区卫生局副局长孙立以书面形式指出,市民要按时体检,早发现早治疗。"
    online = "某区卫生局局长赵一鸣通过视频表示,社区医院要延长周末的门诊时间。"
    found = speakers(corpus, f"{by_video}\n\n{in_writing}\n\n{online}\n")
    assert found == {by_video: "qian-duoduo", in_writing: "sun-li", online: "zhao-yiming"}


def test_honours_printed_after_a_name_are_no_part_of_the_attribution(corpus: Corpus) -> None:
    # SBS,JP / BBS、MH after the name or its 先生 / 女士: the person's medals, then the verb.
    honoured = "某區商會會長孫立先生SBS,JP致辭說:老街的茶樓越來越少,保育舊建築要趁早,不能再等。"
    bare = "某區街坊會會長錢多多BBS、MH表示,社區要多辦長者活動,讓老人家走出家門。"
    assert speakers(corpus, f"{honoured}\n\n{bare}\n") == {honoured: "sun-li", bare: "qian-duoduo"}


def test_words_handed_back_over_a_dash_to_the_person_who_said_thus_are_that_persons(corpus: Corpus) -> None:
    # …——不久前,某公司CEO某某如是说: 如是 ("thus") is how the person said the words before the dash, not the name's end.
    said = "慢慢发酵的面团才有麦香,谁也无法催促(cuīcù)这一过程的——不久前,某公司首席执行官赵一鸣如是说。"
    assert speakers(corpus, said + "\n") == {said: "zhao-yiming"}


def test_talking_of_it_written_tandao_is_a_verb_of_speech(corpus: Corpus) -> None:
    # 谈道 as 谈到 is often written: after the name, or after the quotation it closes.
    opens = "赵一鸣谈道,老城区的改造要先问居民的意见,这一点非常要紧。"
    closing = "改造不能只看楼有多新。”某研究院院长孙立谈道。"
    found = speakers(corpus, f"{opens}\n\n“旧房子里住着很多老人。{closing}\n")
    assert found.get(opens) == "zhao-yiming"
    assert found.get(closing) == "sun-li"


def test_a_pull_quote_whose_clauses_a_persons_quotation_below_repeats_is_theirs(corpus: Corpus) -> None:
    # The page lifts the quotation's clauses to the top, naming nobody, and credits the full quotation further down.
    pull = "“老街不是一片旧房子,街坊的记忆都留在这里,改造的时候要把烟火气留住。”"
    below = (
        "“城市更新说到底是为了人,这件事意义很大。老街不是一片旧房子,街坊的记忆都留在这里。"
        "改造的时候要把烟火气留住。”某研究院院长赵一鸣谈道。"
    )
    text = f"某论坛今天开幕。\n\n{pull}\n\n论坛上嘉宾们讨论了很多话题,气氛热烈。\n\n{below}\n"
    assert speakers(corpus, text).get(pull) == "zhao-yiming"
    # A quotation whose clauses the person below does not all say again stays nobody's.
    other = "“老街不是一片旧房子,租金却一年比一年高了。”"
    assert other not in speakers(corpus, text.replace(pull, other))


def test_a_rare_southern_family_name_outside_the_classic_list_starts_a_name(corpus: Corpus) -> None:
    # 禤 is written for nothing but a family name: the person with it and their posts before 看来 holds the view, and
    # the sentence that carries it on is theirs too.
    view = "在某港口集团信息部副主任禤明看来,调度模型需要一年时间打磨。"
    then = "一旦样本出现偏差,系统就会误判船期,这对码头来说代价巨大。"
    found = speakers(corpus, view + then + "\n")
    assert found.get(view) == "xuan-ming"
    assert found.get(then) == "xuan-ming"


def test_yi_before_a_talks_title_mark_is_a_preposition_not_a_third_character_of_the_name(corpus: Corpus) -> None:
    # 某某以《…》为题: 以 takes the talk's title; the name after the post is the two characters before it.
    talk = (
        "某国农业科学院院士、某某农业大学教授严青以《盐碱地与稻田的明天》为题作报告,"
        "认为耐盐的品种与省水的滴灌是眼下最要紧的两件事。"
    )
    assert speakers(corpus, f"{talk}\n").get(talk) == person_id_for("严青")


def test_a_turn_labelled_by_a_name_of_a_rare_family_the_guest_list_gives_after_a_post_is_that_guests(
    corpus: Corpus,
) -> None:
    # 衣 is no family name the rules know; the guest list writes 衣若川 right after a post, so the label is a person's,
    # though no turn follows that would make the dialogue plain.
    intro = "本场对谈由某学会顾问洪子墨主持,请来某云公司副总裁衣若川、某银行首席架构师柯望川两位嘉宾,下面是现场记录:"
    asked = "Q1: 两位怎么看明年线下门店的变化?"
    turn = "衣若川:怎样让顾客愿意回来、愿意多停留,是门店能否撑下去的底线。在这件事上,智能助手会彻底改写逛店的方式。"
    found = speakers(corpus, f"{intro}\n\n洪子墨:今天先谈算力。门店的每一次改造都绕不开它。\n\n{asked}\n\n{turn}\n")
    assert found.get("在这件事上,智能助手会彻底改写逛店的方式。") == person_id_for("衣若川")


def test_a_name_after_a_list_of_posts_whose_second_organisation_runs_long_is_the_sentences_subject(
    corpus: Corpus,
) -> None:
    # 某某院士、某某大学…学院院长某某…为题登台发言,认为…: the second post's organisation runs past a dozen characters.
    talk = (
        "某国农业科学院院士、某某农业大学食品科学与营养工程学院院长孙启航以《稻田与餐桌的距离》为题登台发言,"
        "认为粮食要想少浪费,收割、储存和运输三关都得把好。"
    )
    assert speakers(corpus, f"{talk}\n").get(talk) == person_id_for("孙启航")


def test_a_pronoun_after_a_persons_view_set_against_anothers_is_the_persons_own(corpus: Corpus) -> None:
    # 某甲的观点与某乙不同,在他看来…: 某乙 is only what 某甲's view is compared with; 他 is 某甲, and so is the next
    # sentence's 他.
    found = speakers(
        corpus,
        "某公司创始人钱海平曾在某大学做了十年研发。某实验室主任赵一鸣,此前在某大学任教。\n\n"
        "赵一鸣的看法与钱海平截然不同,在他看来,小模型的机会被低估了,开源也一定会赢。"
        "与之相比,他更看重数据,并认为数据质量才是关键。\n",
    )
    assert found == {
        "赵一鸣的看法与钱海平截然不同,在他看来,小模型的机会被低估了,开源也一定会赢。": "zhao-yiming",
        "与之相比,他更看重数据,并认为数据质量才是关键。": "zhao-yiming",
    }


def test_how_the_market_takes_a_thing_after_a_reported_view_is_the_writers(corpus: Corpus) -> None:
    # …仍受到资本的追捧 / …备受投资人关注: the writer telling how a thing is received, not the view reported before going on.
    for after in ("尽管如此,芯片行业的并购机会仍受到资本的追捧。", "不过,芯片行业的人才依然备受投资人关注。"):
        found = speakers(corpus, f"某公司联合创始人赵一鸣也指出,国内的芯片需要大量的投入才能追上。{after}\n")
        assert found == {"某公司联合创始人赵一鸣也指出,国内的芯片需要大量的投入才能追上。": "zhao-yiming"}


def test_a_prize_winners_name_after_de_zhu_starts_at_the_old_family_name_qiu(corpus: Corpus) -> None:
    # 得主 marks where the name starts, as a post does, though its second character (程) is a family name too; and 丘,
    # the older form of 邱, is a family name: the speaker is 丘程远, not 程远.
    text = "大会主席、某数学奖得主丘程远在致辞中表示,科学一定会走向开放。\n"
    assert speakers(corpus, text) == {"大会主席、某数学奖得主丘程远在致辞中表示,科学一定会走向开放。": "qiu-chengyuan"}


def test_a_degree_adverb_before_the_manner_of_speaking_is_no_part_of_the_name(corpus: Corpus) -> None:
    # 非常 / 十分 before 直白地 / 谨慎地 says how the person spoke; the name still ends before it.
    text = "赵一鸣在节目里非常直白地强调:芯片的尽头,是能源。\n\n钱多多十分谨慎地表示,价格战不会持续。\n"
    assert speakers(corpus, text) == {
        "赵一鸣在节目里非常直白地强调:芯片的尽头,是能源。": "zhao-yiming",
        "钱多多十分谨慎地表示,价格战不会持续。": "qian-duoduo",
    }


def test_a_foreign_name_of_three_characters_after_a_ministers_short_post_is_a_person(corpus: Corpus) -> None:
    # 财长 / 外长 are a minister's post as news writes it before the name: it marks where a transliterated name starts.
    text = "某国财长萨森特在接受采访时提到,对方已经研发出同等性能的芯片。\n\n外长鲁森特表示,谈判会继续。\n"
    assert speakers(corpus, text) == {
        "某国财长萨森特在接受采访时提到,对方已经研发出同等性能的芯片。": "sa-sente",
        "外长鲁森特表示,谈判会继续。": "lu-sente",
    }


def test_throwing_out_a_line_before_a_colon_hands_over_the_persons_words(corpus: Corpus) -> None:
    # 抛出一句: / 甩出一句话: hand the remark over the colon; 一上来就 says how soon, not who.
    text = "钱多多一上来就抛出一句:“价格战不会持续,利润才是核心。”\n\n孙立甩出一句话:“估值太高,我不会签字。”\n"
    assert speakers(corpus, text) == {
        "钱多多一上来就抛出一句:“价格战不会持续,利润才是核心。”": "qian-duoduo",
        "孙立甩出一句话:“估值太高,我不会签字。”": "sun-li",
    }


def test_a_later_clause_that_hands_words_over_by_a_colon_is_the_posted_subjects(corpus: Corpus) -> None:
    # The sentence opens with a post, then the name; the clause with the colon has no subject of its own.
    text = "某基金合伙人孙立在电话里听完汇报,上来就甩出一句:\n\n“估值太高,这笔投资我不会签字。”\n"
    assert speakers(corpus, text)["“估值太高,这笔投资我不会签字。”"] == "sun-li"


def test_a_company_name_holding_yong_before_a_post_and_a_name_is_no_instrument(corpus: Corpus) -> None:
    # 用 inside the company's name (程远用品) is no "using…" after a subject: the post's holder named last says the words.
    found = speakers(
        corpus,
        "“我看好这个市场。”当连续创业者、某某基金顾问、程远用品创始人钱立平说出这句话时,台下响起掌声。"
        "钱立平还认为,小公司仍有机会。\n",
    )
    assert found["当连续创业者、某某基金顾问、程远用品创始人钱立平说出这句话时,台下响起掌声。"] == "qian-liping"
    assert "cheng-yuan" not in found.values()


def test_ones_own_experience_told_at_length_is_an_instrument_before_the_verb(corpus: Corpus) -> None:
    # 以…经历 between the name and 指出 says how the person argues, however long the experience runs.
    found = speakers(
        corpus,
        "钱立平是一位连续创业者。钱立平以自己十几年里先后带过三支业余球队的经历指出,年轻人最缺的是一个耐心的教练。"
        "他认为,输球也是训练的一部分。\n",
    )
    assert found["钱立平以自己十几年里先后带过三支业余球队的经历指出,年轻人最缺的是一个耐心的教练。"] == "qian-liping"


def test_a_transcript_printed_on_one_line_gives_each_turn_to_its_label(corpus: Corpus) -> None:
    # The page lost its line breaks: each 某某: after a sentence's end still opens that person's turn, even where the
    # guest's name is a word of the dictionary (马力) that the label repeats, and the answer runs on unlabelled.
    found = speakers(
        corpus,
        "主持人孙海涛和技术副总裁马力聊了聊开源。下面是两人的问答:为什么要做开源?孙海涛:很多人担心开放会让对手受益,"
        "你怎么看?马力:首先从生意的角度,开放带来更多合作。我认为长期看大家都会受益,我们有信心把生态做大。"
        "孙海涛:那么成本呢?马力:成本一直在下降。我们的训练效率提高了很多。\n",
    )
    assert found["我认为长期看大家都会受益,我们有信心把生态做大。"] == "ma-li"
    assert found["我们的训练效率提高了很多。"] == "ma-li"


def test_an_honorific_before_a_latin_name_after_a_post_is_the_posts(corpus: Corpus) -> None:
    # Dr. between the post and the name is no part of the name: the person after it shows the figures.
    found = speakers(
        corpus,
        "会议第二天轮到医疗组。某医院影像科主任Dr. Jane Doe讲了一个病例:机器读片已经快过新手医生,"
        "“可签字的还得是人”。\n",
    )
    assert found == {
        "某医院影像科主任Dr. Jane Doe讲了一个病例:机器读片已经快过新手医生,“可签字的还得是人”。": "jane-doe"
    }


def test_an_unnamed_post_holder_of_a_named_company_ends_the_reported_run(corpus: Corpus) -> None:
    # 某某咨询的CEO is someone the text leaves unnamed: what they said is not the last named person's speech going on.
    found = speakers(
        corpus,
        "钱立平将行业分为三个阶段。某某咨询的总裁在一次论坛上说,新工具铺开的速度比所有人想的都慢。\n",
    )
    assert "某某咨询的总裁在一次论坛上说,新工具铺开的速度比所有人想的都慢。" not in found


def test_blasting_a_rival_in_public_is_the_persons_view(corpus: Corpus) -> None:
    # 炮轰, as 抨击, says what the person attacks and why: their view.
    found = speakers(corpus, "行业论坛昨日在杭州举行。钱立平在一档节目里炮轰同行的低价策略“只会把整个行业拖垮”。\n")
    assert found == {"钱立平在一档节目里炮轰同行的低价策略“只会把整个行业拖垮”。": "qian-liping"}


def test_might_be_called_after_a_name_is_no_speech_and_leaves_the_name_whole(corpus: Corpus) -> None:
    # 某某可以说是… describes the person; read as 说, the dotted name before it took 可以 as its last characters.
    text = "安德烈·马可可以说是老派钟表匠的代表,他修过的怀表数以千计。"
    for sentence in attribute(text, Names(corpus)):
        assert sentence.speaker is None or not sentence.speaker.zh.endswith("可以")


def test_a_post_holder_giving_a_talk_under_its_title_keeps_a_three_character_name(corpus: Corpus) -> None:
    # 华发 is a word of the dictionary: without the post and the talk reading 邵明华 as one name, 她 was 邵明.
    text = "园艺协会会长邵明华发表了题为《阳台上的菜园》的主旨演讲。她认为,阳台种菜值得在老小区推广。\n"
    assert speakers(corpus, text) == {"她认为,阳台种菜值得在老小区推广。": "shao-minghua"}


def test_a_round_up_of_positions_split_by_semicolons_gives_each_clause_its_name(corpus: Corpus) -> None:
    # Each clause after a semicolon opens with a bare name and a verb run straight into the view, no comma.
    text = "两位老师谈到作业量:孔一帆认为周末作业应该减半;钱立东强调家长不该代写作业;孙晓雯指出练字比抄写更有用。\n"
    assert speakers(corpus, text) == {
        "两位老师谈到作业量:孔一帆认为周末作业应该减半;": "kong-yifan",
        "钱立东强调家长不该代写作业;": "qian-lidong",
        "孙晓雯指出练字比抄写更有用。": "sun-xiaowen",
    }


def test_opposing_something_in_so_many_words_is_the_persons_view(corpus: Corpus) -> None:
    text = "社区开了一场讨论会——邵明华明确反对在楼道里堆放自行车,担心挡住消防通道。\n"
    assert speakers(corpus, text) == {
        "社区开了一场讨论会——邵明华明确反对在楼道里堆放自行车,担心挡住消防通道。": "shao-minghua"
    }


def test_feeling_it_deeply_then_a_quotation_after_the_comma_is_the_persons_view(corpus: Corpus) -> None:
    text = "花卉协会会长邵明华对此深有感触,“以前种一盆月季要等一个月,现在两周就开了。”\n\n那是让人深有感触的一幕。\n"
    assert speakers(corpus, text) == {
        "花卉协会会长邵明华对此深有感触,“以前种一盆月季要等一个月,现在两周就开了。”": "shao-minghua"
    }


def test_a_seat_ending_in_shi_marks_where_a_three_character_name_starts(corpus: Corpus) -> None:
    # 参事 / 理事 are a council's or a board's seat written before the holder's name; 事 is no family name, so the name is
    # the three characters after it, though their second (全 / 江) is a family name too: 孙全安, not 全安.
    text = "某市政府原参事孙全安则强调,城市更新必须先问居民。\n\n某协会理事钱江民指出,行业标准需要尽快统一。\n"
    assert speakers(corpus, text) == {
        "某市政府原参事孙全安则强调,城市更新必须先问居民。": "sun-quanan",
        "某协会理事钱江民指出,行业标准需要尽快统一。": "qian-jiangmin",
    }
    # 长 right after 理事 closes the post (理事长), not a compound family name's first character (长孙).
    chief = "某协会理事长孙立表示,行业标准需要尽快统一。"
    assert speakers(corpus, f"{chief}\n") == {chief: "sun-li"}


def test_a_name_holding_wei_after_a_chief_editors_post_is_a_speaker(corpus: Corpus) -> None:
    # 总编辑 / 主编 introduce a person as a title does: the three characters after them are a name though its given part
    # holds 为, which the plain reading takes for a preposition; the sentence after it carries the view on.
    text = (
        "某杂志社社长、总编辑孙为平认为,小城市的书店不仅是卖书的地方,更是居民交流的客厅。"
        "书店转型亦是文化消费升级的重要入口。\n\n某刊主编钱为东表示,纸质期刊必须找到新读者。\n"
    )
    found = speakers(corpus, text)
    assert (
        found.get("某杂志社社长、总编辑孙为平认为,小城市的书店不仅是卖书的地方,更是居民交流的客厅。") == "sun-weiping"
    ), found
    assert found.get("书店转型亦是文化消费升级的重要入口。") == "sun-weiping", found
    assert found.get("某刊主编钱为东表示,纸质期刊必须找到新读者。") == "qian-weidong", found


def test_a_dotted_name_after_a_board_post_speaks_in_an_exclusive_interview(corpus: Corpus) -> None:
    # 执行董事 is a post that marks where the name starts (no character of it is the name's), and 接受…专访时 is an
    # interview as 接受…采访时 is: the dotted name before it speaks, read whole.
    text = (
        "某联盟执行董事罗兰·贝克此前接受某报记者专访时说,小型工厂正在悄悄改用开源的排产软件。\n\n"
        "“这股风潮还会延续很多年。”罗兰·贝克说。\n"
    )
    found = speakers(corpus, text)
    assert (
        found["某联盟执行董事罗兰·贝克此前接受某报记者专访时说,小型工厂正在悄悄改用开源的排产软件。"] == "luolan-beike"
    )


def test_an_analyst_after_the_firm_is_the_dotted_name_not_the_firm(corpus: Corpus) -> None:
    # 分析师 is a calling, not the verb 分析: the firm before it (a transliteration read as a name) says nothing, and the
    # dotted name after it starts at the calling, its first part whole.
    text = "某期货公司昨天更新了报告。\n\n杰莫瑞分析师阿尔文·科斯塔指出,明年的铜价会先跌后涨。\n"
    assert speakers(corpus, text) == {"杰莫瑞分析师阿尔文·科斯塔指出,明年的铜价会先跌后涨。": "aerwen-kesita"}


def test_a_quotation_then_a_sentence_ending_in_ru_shi_shuo_is_the_named_persons(corpus: Corpus) -> None:
    # A news lede's quotation, then the sentence that credits it (…某公司首席增长官某某在某展会期间接受采访时如是说。): the
    # post before the name is one no title rule lists, but 如是说 says whose the words are.
    text = (
        "「明年会是家用机器人真正走进客厅的一年,价格将降到一半以下。」 青禾科技首席增长官罗星澜在第九届国际消费电子"
        "博览会 (2031 秋季展) 期间接受 《晨报》 记者采访时如是说。\n\n罗星澜透露,公司的两款新品将在年底上市。\n"
    )
    found = speakers(corpus, text)
    assert found.get("「明年会是家用机器人真正走进客厅的一年,价格将降到一半以下。」") == "luo-xinglan"


def test_a_view_framed_in_the_eyes_of_a_named_person_and_others_of_their_kind_is_the_named_persons(
    corpus: Corpus,
) -> None:
    # 在某某等行业观察者眼中,…: the writer gives the view to the one person named and the kind of people they stand for.
    text = (
        "白鹭物流副总裁贺明川表示,无人配送车今年已在十个城市试运行。\n\n"
        "而在贺明川等行业观察者眼中,无人配送真正的难点在于末端的楼宇和小区,而不是道路。\n"
    )
    found = speakers(corpus, text)
    assert found.get("而在贺明川等行业观察者眼中,无人配送真正的难点在于末端的楼宇和小区,而不是道路。") == "he-mingchuan"


def test_a_term_in_quotes_after_a_reported_view_is_not_that_persons_quotation(corpus: Corpus) -> None:
    # The paragraph after a person's reported view quotes nobody: it names a term in quotes (“某某技术”) that its clause
    # goes on about, the writer's narration.
    text = (
        "省农业厅副厅长邝立言介绍,今年全省已有三百个村试用了智能灌溉系统,节水效果明显。\n\n"
        "如今,“精准滴灌”已经走进了许多普通农户的田间地头。\n"
    )
    found = speakers(corpus, text)
    assert "如今,“精准滴灌”已经走进了许多普通农户的田间地头。" not in found
    assert found.get("省农业厅副厅长邝立言介绍,今年全省已有三百个村试用了智能灌溉系统,节水效果明显。") == "kuang-liyan"


def test_a_hong_kong_married_name_after_a_post_is_read_whole(corpus: Corpus) -> None:
    # A married name as Hong Kong writes it: the husband's family name, her own, then her given name. Read as three
    # characters after the post, the husband's family name was lost (lin-meihua for 陳林美華).
    text = (
        "某大學校長陳林美華以此為例指出,新技術的意義在于服務社會。\n\n"
        "據報道,研究院院長何葉麗萍表示,醫療數據的共享還要更謹慎。\n\n"
        "公司董事長王剛表示,今年的重點是海外市場。\n"  # a name of two after a post stays two
    )
    assert speakers(corpus, text) == {
        "某大學校長陳林美華以此為例指出,新技術的意義在于服務社會。": "chen-linmeihua",
        "據報道,研究院院長何葉麗萍表示,醫療數據的共享還要更謹慎。": "he-yeliping",
        "公司董事長王剛表示,今年的重點是海外市場。": "wang-gang",
    }
    # Three characters then the preposition 以 (主任某某某以…为题) are a name of three, no married name of four.
    assert new_name_ending("协会主任邬陈远以") != "邬陈远以"


def test_a_pronoun_after_a_keynote_is_the_name_after_the_last_post(corpus: Corpus) -> None:
    # The sentence before the pronoun gives a keynote and no speech verb: the name right after the post is who 他 is. A
    # post that ends a longer body's name (某委员会主任: 委员 is a post too) must not hide the post after it, and the
    # post marks where a name of three starts, though its second character is a family name too (邬贺远, not 邬贺).
    text = (
        "某市副市长钱多多在致辞中表示,城市正在迎来新的发展阶段。\n\n"
        "某科学院院士、某协会咨询委员会主任邬明远围绕“算力与转型”作了报告。他指出,算力是新的生产力。\n\n"
        "某学会专业委员会主任邬贺远以“数据要素”为题作报告。他认为,数据要素市场还在起步阶段。\n"
    )
    found = speakers(corpus, text)
    assert found["他指出,算力是新的生产力。"] == "wu-mingyuan"
    assert found["他认为,数据要素市场还在起步阶段。"] == "wu-heyuan"


def test_an_outlet_whose_name_opens_with_a_family_name_is_no_speaker(corpus: Corpus) -> None:
    # An agency's name of three ending in 社, its first character a family name's: an outlet, not a person to draft for.
    text = "钱多多在发布会上表示,新模型下月上线。\n\n彭博社分析指出,自新模型发布以来,该公司股价累计上涨 300%,成为最大赢家。\n"
    assert "peng-boshe" not in speakers(corpus, text).values()


def test_the_sentence_after_a_quotation_of_several_sentences_a_colon_handed_over_is_the_writers(corpus: Corpus) -> None:
    # The quotation opens after 告诉记者: and closes two sentences later; the description after it is the writer's.
    text = (
        "园艺协会会长邵明华告诉记者:“我种了十年月季,我认为土壤比肥料更要紧。以前一盆要养一个月,如今两周就开了。”"
        "借助温室里的传感器,花农可以随时查看每一盆花的湿度和温度。\n"
    )
    assert speakers(corpus, text) == {
        "园艺协会会长邵明华告诉记者:“我种了十年月季,我认为土壤比肥料更要紧。": "shao-minghua",
        "以前一盆要养一个月,如今两周就开了。”": "shao-minghua",
    }


def test_a_title_after_a_dotted_name_keeps_its_last_part_whole_though_it_holds_a_function_words_character(
    corpus: Corpus,
) -> None:
    # 里 ("inside") spells a syllable in 莫里斯; 教授 / 博士 right after the name marks where the name ends (no post
    # before it marks where it starts).
    text = (
        "电池领域最受尊敬的学者之一安娜·莫里斯教授告诉记者:“我认为固态电池还有很大的改进空间。”\n\n"
        "来自北欧的卡尔·比约恩博士表示,回收旧电池比开采新矿更划算。\n"
    )
    assert speakers(corpus, text) == {
        "电池领域最受尊敬的学者之一安娜·莫里斯教授告诉记者:“我认为固态电池还有很大的改进空间。”": "anna-molisi",
        "来自北欧的卡尔·比约恩博士表示,回收旧电池比开采新矿更划算。": "kaer-biyueen",
    }


def test_a_name_spelt_as_a_city_after_a_post_then_opening_a_sentence_before_a_speech_verb_is_a_person(
    corpus: Corpus,
) -> None:
    # 罗定 is a city in the dictionary; 研究员 before it and 指出 after it where a sentence starts make it a guest.
    text = "林业研究所研究员罗定作了题为《城市里的树》的报告。罗定指出,行道树的树种应当因地制宜。\n"
    assert speakers(corpus, text) == {"罗定指出,行道树的树种应当因地制宜。": "luo-ding"}


def test_a_dotted_names_first_part_spelt_in_sounds_after_a_role_noun_is_read_whole(corpus: Corpus) -> None:
    # 收藏家 / 经纪人 end in characters that spell no foreign sound: the first part is the whole run of transliteration
    # characters after them (奥卡拉 of 奥卡拉·维森), not its last two (卡拉), though the run is written nowhere else.
    text = "柏林的艺术品经纪人奥卡拉·维森说,他对这次拍卖的价格感到意外。\n"
    found = speakers(corpus, text)
    assert found["柏林的艺术品经纪人奥卡拉·维森说,他对这次拍卖的价格感到意外。"] == person_id_for("奥卡拉·维森")


def test_a_group_that_includes_one_named_person_gives_the_view_to_that_person(corpus: Corpus) -> None:
    # 包括某某在内的一批人都呼吁…: the one person named inside the group holds the view the group voices; the others are
    # unnamed, as with 某某等人认为.
    text = (
        "这项技术推广得很快。\n\n"
        "此前,包括某基金创始人汤姆·克雷恩在内的多位投资人都呼吁监管机构放慢审批节奏。\n\n"
        "包括钱多多在内的不少业内人士认为,这类产品的估值已经过高。\n"
    )
    found = speakers(corpus, text)
    assert found["此前,包括某基金创始人汤姆·克雷恩在内的多位投资人都呼吁监管机构放慢审批节奏。"] == person_id_for(
        "汤姆·克雷恩"
    )
    assert found["包括钱多多在内的不少业内人士认为,这类产品的估值已经过高。"] == "qian-duoduo"


def test_a_dotted_names_first_part_after_a_role_nouns_last_character_does_not_take_it(corpus: Corpus) -> None:
    # 持有者 / 经营者 end in 者, which spells no foreign sound: the dotted name starts after it (安娜·维森), though 有
    # before 者 cut the first part to 者安娜 and the text writes the name nowhere else.
    text = "这家画廊的持有者安娜·维森呼吁藏家们理性看待这一轮涨价。\n"
    found = speakers(corpus, text)
    assert found["这家画廊的持有者安娜·维森呼吁藏家们理性看待这一轮涨价。"] == person_id_for("安娜·维森")


def test_bulleted_points_right_after_a_persons_view_are_that_persons(corpus: Corpus) -> None:
    # The writer sets out the person's points as bullets under the paragraph ending in their view; the list the writer
    # hands over after them (此外,…:) and its bullets stay the writer's.
    text = (
        "资深策展人钱多多直言:“很多展览只是在堆砌屏幕。”在她看来,互动装置正在被滥用。\n\n"
        "• 观众需要的是安静看作品的空间,而不是更多的屏幕\n\n"
        "• 技术应当服务于作品本身的表达,而不是喧宾夺主\n\n"
        "此外,场馆的运营成本也在上涨:\n\n"
        "• 电费比三年前翻了一倍\n"
    )
    found = {s.text: s.speaker.zh if s.speaker else None for s in attribute(text, Names(corpus))}
    assert found["• 观众需要的是安静看作品的空间,而不是更多的屏幕"] == "钱多多"
    assert found["• 技术应当服务于作品本身的表达,而不是喧宾夺主"] == "钱多多"
    assert found["此外,场馆的运营成本也在上涨:"] is None
    assert found["• 电费比三年前翻了一倍"] is None


def test_a_deputy_title_after_a_name_of_two_keeps_its_fu_out_of_the_name(corpus: Corpus) -> None:
    # 副教授 (associate professor) after a name of two: 副 opens the title, so 他 in the next sentence is 韩松, not 韩松副.
    text = (
        "昨晚,学院邀请计算机学院韩松副教授作专题讲座。\n\n"
        "韩松副教授以扎实的功底,系统梳理了数据库技术的发展。他首先回顾了数据库的历史,剖析了数据治理将成为各行各业的基础工程。\n"
    )
    assert speakers(corpus, text) == {
        "他首先回顾了数据库的历史,剖析了数据治理将成为各行各业的基础工程。": "han-song",
    }


def test_an_honorific_before_a_latin_name_on_a_speaker_line_is_no_part_of_the_persons_id(corpus: Corpus) -> None:
    # A programme writes the guest as "Mr Tomas Brandt" on a line of its own, then calls him Brandt and 他: one person,
    # brandt's id without the honorific.
    text = (
        "Morning Session\n\n"
        "Mr Tomas Brandt\n\n"
        "Head of Research, Northwind Labs\n\n"
        "Brandt指出城市供暖系统的能耗仍有三成可以节省。他建议先从老旧管网的监测做起。\n"
    )
    assert speakers(corpus, text) == {
        "Brandt指出城市供暖系统的能耗仍有三成可以节省。": "tomas-brandt",
        "他建议先从老旧管网的监测做起。": "tomas-brandt",
    }
