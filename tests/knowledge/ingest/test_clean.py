"""The generic page rules: chrome lines and junk spans go, every sentence of the article stays."""

from __future__ import annotations

import pytest

from knowledge.cleaning import CleaningRules, clean_text
from knowledge.ingest.clean import chrome_rule, clean_page

ARTICLE = [
    "李开复认为,Infra 团队必须比模型团队更强。",
    "他表示,做过大模型 Infra 的人比做大模型的人更贵、更稀缺。",
]


def page(*chrome_before: str, chrome_after: tuple[str, ...] = ()) -> str:
    return "\n".join([*chrome_before, *ARTICLE, *chrome_after]) + "\n"


def assert_article_only(raw: str, **kwargs: str) -> None:
    result = clean_page(raw, **kwargs)
    assert result.text == "\n\n".join(ARTICLE) + "\n"
    assert clean_text(raw, result.rules) == result.text  # the written rules give the same text


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("首页 > 科技 > 正文", "breadcrumb"),
        ("当前位置:首页 > 人物", "breadcrumb"),
        ("找回密码", "login or register"),
        ("立即注册", "login or register"),
        ("QQ登录", "login or register"),
        ("发表于 2023-8-8 09:07 | 显示全部楼层 |阅读模式", "forum post header"),
        ("查看: 516|回复: 0", "forum post header"),
        ("[复制链接]", "forum post header"),
        ("积分 1024", "user rank"),
        ("注册会员", "login or register"),
        ("高级会员", "user rank"),
        ("分享到:", "share or footer link"),
        ("微信扫一扫,分享给好友吧。", "call to action"),  # chrome even with its full stop
        ("我们的产品:给自己产品做个广告,点击进来看看。", "call to action"),
        ("出自:https://mp.weixin.qq.com/s/abcdefghijklmnopqrstuvwxyz0123456789", "byline"),  # long only by its URL
        ("上一篇:大模型的 2024", "share or footer link"),
        ("责任编辑:张岩", "byline"),
        ("作者 | 袁宁", "byline"),
        ("from:某某网 一篇文章的标题", "byline"),
        ("2024-04-08 10:39", "date line"),
        ("科技   2024-11-16 08:46   北京", "date line"),
        ("▲ 王小川 | 图源:36氪", "image caption or placeholder"),
        ("某某指导某某攀岩,图片来源:「某某网」拍摄", "image caption or placeholder"),
        ("图 | 视觉中国", "image caption or placeholder"),
        ("broken image", "image caption or placeholder"),
        ("[图片]", "image caption or placeholder"),
        ("*图片来源网络侵删", "image caption or placeholder"),
        ("产业经济 科技业界 3C数码 文化传媒 移动智能 家电行业 AI大模型 汽车出行 热点资讯", "site menu"),
        ("首页 | 资讯 | 人物 | 专题", "site menu"),
        ("cover of episode 7. 大模型还能卷多久?赵一鸣谈价格战和开源的未来", "image's alternative text"),  # > 40
        ("logo of podcast 某某访谈", "image's alternative text"),
        ("Topics", "widget label"),
        ("Chapters", "widget label"),
        ("2024年3月1日赵一鸣,某协会副会长,某某科技创始人。", "dateline with a bio"),
        # Long only by the article's title glued after the trail; its label makes it a breadcrumb.
        ("您的位置: 某某资讯-科技 > 人物专访 > 正文页 专访赵一鸣:大模型创业公司的下一步会在哪里", "breadcrumb"),
        ("日期:2024-03-01来源: 作者:editor浏览:", "page's field line"),
        ("发布时间:2024-03-01 来源:某某网", "page's field line"),
        # A paper's filing stamp: when the piece was filed, its writer and its paper.
        ("发稿时间:2023-05-09 17:42:10 作者:孙立 来源: 某某晨报", "page's field line"),
        ("发稿日期:2023-05-09 来源:某某晨报", "page's field line"),
        # A site's summary box with the filing stamp glued after its headline-like text.
        (
            "核心提示:某市举办机器人创新周 产学研携手共探新路发稿时间:2023-05-09 17:42:10 作者:孙立 来源:某某晨报",
            "site's summary box with the page's field line glued on",
        ),
        (
            "导读:三家车企联手试水无人驾驶 日期:2023-05-09 来源:某某网",
            "site's summary box with the page's field line glued on",
        ),
        # A counter of views alone on its line, its number lost in the copy or kept with its unit.
        ("浏览热度: °", "page's view counter"),
        ("阅读量:3.2万", "page's view counter"),
        # The category and the origin as fields, and a date whose time of day holds colons, then a read count.
        ("类别:人物专访  出处:某某网  发布于:2024-03-01 09:15:20 | 12 次阅读", "page's field line"),
        # The section the site files the piece under, as one of the fields.
        ("作者:钱多    栏目:科技    来源:某某网    发布时间:2019-05-06 08:40", "page's field line"),
        ("频道:财经 编辑:孙立", "page's field line"),
        ("http://example-news.cn", "bare web address"),
        ("https://example-news.cn/ai/2024/0301.html", "bare web address"),
        # A site's bare domain, no scheme and no www.
        ("ExampleNews.com", "bare web address"),
        ("example-news.com.cn", "bare web address"),
        ("图片摄制|赵一鸣", "credit line"),
        ("图文丨钱多 孙立", "credit line"),
        ("某某建站系统 - 让建站更简单!", "site builder's slogan"),
        # An embedded post's signature: a dash, the author, the handle in brackets and the day it was posted.
        ("— Ada Quill (@ada_quill)2024年3月1日", "embedded social post's signature"),
        ("— Ada Quill (@ada_quill) March 1, 2024", "embedded social post's signature"),
        # What was on show, as a bare noun phrase: the photo's caption.
        ("博览会上展出的仿生机械臂。", "photo caption"),
        ("现场展示的巡检机器人", "photo caption"),
    ],
)
def test_chrome_lines_are_named_by_their_rule(line: str, rule: str | None) -> None:
    assert chrome_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "周鸿祎谈到,用户需要登录才能使用的产品,门槛太高。",
        "2023 年,OpenAI 引领了科技圈久违的兴奋。",
        "推理成本 > 训练成本,这是今年的新变化。",
        "作者认为,这一判断还需要时间验证,因为市场还在变化之中,很多公司还没有找到自己的位置。",
        "用户扫一扫就能付款,这是移动支付的起点。",
        "他说,点击率并不是衡量模型好坏的指标。",
        "图片生成模型的来源:开源社区",
        "多模态:图片、视频和语音",
        "Scaling Law 依然有效",
        "第一 第二 第三",
        "2024年3月1日,赵一鸣在发布会上表示,公司的创始人团队不会变。",  # a dated sentence, not a bio
        "Cover of the book, 一本书的封面,是他亲手设计的。",
        "Topics 模块上线后,用户的停留时间翻了一倍。",
        "时间:他认为这是最稀缺的资源",  # one label only: a heading of the article
        "详情见 http://example-news.cn",
        "图文并茂|赵一鸣的新书",
        "他们把建站系统卖给了三千家中小企业。",
        "——赵一鸣(@赵一鸣)在帖子里这样写道,这是他第一次公开回应。",
        "这是博览会上展出的仿生机械臂。",
        "会上展出的产品有三百多件。",
        "他在会上展示的数据表明,成本下降了一半。",
    ],
)
def test_article_sentences_are_never_chrome(line: str) -> None:
    assert chrome_rule(line) is None


def test_discuz_forum_chrome_and_jammer_are_dropped() -> None:
    raw = (
        "找回密码\n 我要注册\n\nQQ登录\n\n只需一步,快速开始\n\n查看: 516|回复: 0\n\n标题\n\n[复制链接]\n"
        "发表于 2023-8-8 09:07 | 显示全部楼层 |阅读模式\n"
        f"  {ARTICLE[0]}2 O8 }}( [5 N+ U9 c8 u7 g% e\n"
        "( e* H8 f6 L1 b' Q! T3 t5 h\u00a0\u00a0d& A! Y8 f! ]$ D5 K% M6 i\n"
        f"+ J7 U& o9 W: U$ e6 Q2 T  {ARTICLE[1]}' Y* [- h& v' q5 ]\n"
    )
    result = clean_page(raw, title="标题")
    assert result.rules.discuz_jammer
    assert_article_only(raw, title="标题")
    assert {"login or register", "forum post header", "Discuz jammer", "title (kept in the metadata)"} <= set(
        result.counts()
    )


def test_image_names_and_cdn_urls_with_tokens_are_dropped_from_inside_lines() -> None:
    raw = (
        f"{ARTICLE[0]}202387113047070.jpg\n"
        f"https://mmbiz.qpic.cn/abc/640?wx_fmt=png&tp=webp IMG_1234{ARTICLE[1]}\n"
        "![](http://image.uc.cn/s/wemedia/a.jpg)\n"
    )
    result = clean_page(raw)
    assert_article_only(raw)
    assert result.counts()["image file name"] == 1


def test_a_plain_link_in_the_article_stays() -> None:
    line = "李开复认为,详情见 https://01.ai 的公告。"
    assert clean_page(line + "\n").text == line + "\n"


def test_repeated_title_and_site_lines_before_the_article_are_dropped() -> None:
    raw = page("某某网移动版", "大模型的 2024", "大模型的 2024", chrome_after=("大模型的 2024",))
    result = clean_page(raw, title="大模型的 2024")
    assert result.counts()["title (kept in the metadata)"] == 3
    assert result.counts()["before the article starts"] == 1
    assert_article_only(raw, title="大模型的 2024")


@pytest.mark.parametrize(
    "deck",
    [
        # A deck under the headline: who spoke on what, a colon, then the gist in clauses.
        "李开复谈Infra团队:做大模型Infra的人更贵,也更稀缺",
        # A subheading stating the gist (X是Y).
        "Infra团队是大模型公司的核心竞争力",
    ],
)
def test_a_deck_or_subheading_right_over_the_first_paragraph_restating_it_stays(deck: str) -> None:
    # The line right above the first paragraph that states the text's gist, in words the text uses, is the article's;
    # the site's name and a caption's name above it are still chrome.
    raw = page("某某网科技", "李开复", deck)
    result = clean_page(raw)
    assert result.text == "\n\n".join([deck, *ARTICLE]) + "\n"
    before = {d.text for d in result.dropped if d.rule == "before the article starts"}
    assert before == {"某某网科技", "李开复"}


def test_a_line_over_the_first_paragraph_that_restates_nothing_of_it_is_still_before_the_article() -> None:
    raw = page("某某网科技", "今日天气是多云转晴天气", "栏目:人物专访,深度报道")
    result = clean_page(raw)
    assert result.text == "\n\n".join(ARTICLE) + "\n"


def test_a_title_that_ends_with_a_question_mark_is_not_where_the_article_starts() -> None:
    # The feed's source line, its date and a photo caption sit between the title and the text; the title
    # ends like a sentence, but it is the title, so those short lines are still before the article.
    title = "大模型的下一站在哪里?"
    raw = page(title, "某某网科技", "03/15", "李开复")
    result = clean_page(raw, title=title)
    before = {d.text for d in result.dropped if d.rule == "before the article starts"}
    assert before == {"某某网科技", "李开复"}  # 03/15 goes by its own rule
    assert_article_only(raw, title=title)


def test_what_follows_an_end_marker_is_not_the_article() -> None:
    raw = page(chrome_after=("相关阅读", "某公司发布新一代模型。", "另一家公司的年度盘点。"))
    result = clean_page(raw)
    assert result.rules.keep_until
    assert_article_only(raw)


def test_a_you_might_like_heading_in_traditional_characters_ends_the_article() -> None:
    # A widget's heading over other articles (你可能會有興趣的文章), then their titles and teasers: not the article's.
    for marker in ["你可能會有興趣的文章", "您可能感兴趣的新闻"]:
        raw = page(chrome_after=(marker, "某國大團結 某某協定", "某年某月,某峰會終於通過了某項協議草案。…"))
        result = clean_page(raw)
        assert result.rules.keep_until, marker
        assert_article_only(raw)


def test_a_link_to_the_whole_piece_and_a_more_stories_heading_end_the_article() -> None:
    # A link to the whole piece in brackets (【點擊看完整全文】), then the outlet's "more of our stories" heading over
    # their headlines (some with a colon, as a quoted title has) and the page's time stamp: none the article's.
    for link, marker in (("【點擊看完整全文】", "更多某報報導"), ("【阅读全文】", "更多新闻")):
        raw = page(
            chrome_after=(
                link,
                marker,
                "某公司董事长赵一鸣:存储芯片缺货到后年",
                "独家/十年来第一次 某某大老:对手还差得远",
                "更新時間|2030.01.02 11:31 某地時間",
            )
        )
        result = clean_page(raw)
        assert result.rules.keep_until, marker
        assert_article_only(raw)


def test_headings_inside_the_article_stay() -> None:
    raw = "\n".join([ARTICLE[0], "01", "大模型没有垄断", ARTICLE[1]]) + "\n"
    assert clean_page(raw).text == "\n\n".join([ARTICLE[0], "01", "大模型没有垄断", ARTICLE[1]]) + "\n"


def test_label_lines_after_the_last_text_are_footer() -> None:
    raw = page(chrome_after=("张岩", "2026全國兩會專題"))
    assert_article_only(raw)


def test_rules_are_written_only_when_used() -> None:
    result = clean_page("\n".join(ARTICLE) + "\n")
    assert result.rules_mapping().keys() == {"notes"}
    assert result.dropped == []
    assert CleaningRules.from_mapping(result.rules_mapping()) == result.rules


JAMMED = [  # a forum page whose every other line carries Discuz's jammer text
    "  前言:大模型的一年。! T3 t5 h\u00a0\u00a0d& A! Y8",
    "( e* H8 f6 L1 b' Q! T3 t5 h\u00a0\u00a0d& A! Y8 f! ]$ D5 K% M6 i",
    "+ J7 U& o9 W: U$ e6 Q2 T  第二段也是文章的一部分。",
    "' S9 Q7 A6 Q8 e/ I! E' v",
]


def test_a_jammer_run_glued_to_latin_text_is_dropped_and_written_as_a_span() -> None:
    glued = "8 @5 u3 l; g7 p/ Q. z; O$ y% O/ o"
    raw = "\n".join([*JAMMED, f"访问量的环比增长仅有 2.8%;{glued}", *JAMMED]) + "\n"
    result = clean_page(raw)
    assert "访问量的环比增长仅有 2.8%;\n" in result.text
    assert "@5" not in result.text
    assert clean_text(raw, result.rules) == result.text


def test_a_jammer_run_glued_to_the_start_of_a_line_is_dropped_and_written_as_a_span() -> None:
    # The run's last token touches the text, with no two-space indent between them, so strip_jammer left it, and a
    # quotation's opening mark hid behind it.
    glued = "3 K0 r5 D( q/ @* W1 e5 _4 Z"
    raw = "\n".join([*JAMMED, f"{glued}“我们的系统能在几秒内读完报告。”某医院信息处副处长王大明介绍。", *JAMMED]) + "\n"
    result = clean_page(raw)
    assert "\n“我们的系统能在几秒内读完报告。”某医院信息处副处长王大明介绍。\n" in result.text
    assert "K0" not in result.text
    assert clean_text(raw, result.rules) == result.text


def test_latin_words_at_the_start_of_a_line_are_not_a_glued_jammer() -> None:
    line = "GPT-4 o1 R1 v3 a b c等模型都在用。"
    raw = "\n".join([*JAMMED, line, *JAMMED]) + "\n"
    assert line in clean_page(raw).text


def test_latin_words_at_the_end_of_a_line_are_not_a_glued_jammer() -> None:
    line = "他们用的是 GPT-4 o1 R1 v3 a b c。"
    raw = "\n".join([*JAMMED, line, *JAMMED]) + "\n"
    assert line in clean_page(raw).text


def test_the_publishers_watermark_after_a_paragraph_is_dropped_but_not_its_name_in_text() -> None:
    raw = "雷峰网了解到,模型价格在下降。雷峰网\n他表示,这会持续下去。雷峰网(公众号:雷峰网)\n"
    result = clean_page(raw, publisher="雷峰网")
    assert result.text == "雷峰网了解到,模型价格在下降。\n\n他表示,这会持续下去。\n"
    assert result.counts()["publisher's watermark"] == 2
    assert clean_text(raw, result.rules) == result.text


def test_a_forum_signature_and_reply_box_after_the_post_are_not_the_article() -> None:
    raw = page(
        chrome_after=(
            "某某社区 为职场人打造专业的产品、运营、交互体系知识库",
            "您需要登录后才可以回帖 登录 | 我要注册",
            "Powered by Discuz!",
        )
    )
    result = clean_page(raw)
    assert result.rules.keep_until
    assert_article_only(raw)


def test_half_width_punctuation_after_a_closing_quote_does_not_switch_the_jammer_on() -> None:
    # strip_jammer would take these marks as a jammer run; a real run holds letters or digits.
    lines = [ARTICLE[0], "以下是对话实录(部分问答进行了删减):", "为什么“应用来了”?", "主题为什么是“应用”?", ARTICLE[1]]
    result = clean_page("\n".join(lines) + "\n")
    assert not result.rules.discuz_jammer
    assert result.text == "\n\n".join(lines) + "\n"


def test_a_teaser_cut_with_an_ellipsis_above_the_full_article_is_dropped() -> None:
    teaser = ARTICLE[0] + ARTICLE[1][:12] + "..."
    raw = page("互联网2024-05-10", teaser)
    result = clean_page(raw)
    assert [d.text for d in result.dropped if d.rule.startswith("teaser")] == [teaser]
    assert_article_only(raw)


def test_an_ellipsis_line_that_the_article_does_not_repeat_stays() -> None:
    line = "他停了一下,接着说:这件事我们想了很久……"
    raw = "\n".join([ARTICLE[0], line, ARTICLE[1]]) + "\n"
    assert clean_page(raw).text == "\n\n".join([ARTICLE[0], line, ARTICLE[1]]) + "\n"


def test_the_last_line_of_a_page_cut_short_after_the_text_stays_but_a_footer_label_after_an_end_marker_goes() -> None:
    cut = "骆某上午听您大会的演"
    assert clean_page(page(chrome_after=(cut,))).text == "\n\n".join([*ARTICLE, cut]) + "\n"
    assert_article_only(page(chrome_after=("张岩", "2026全國兩會專題")))


def test_a_feeds_fold_line_and_a_reposts_hand_over_line_are_chrome() -> None:
    # The fold as a feed prints it and as a synonym spinner scrambles it; the repost line in both scripts.
    raw = "\n".join([ARTICLE[0], "展开剩余72%", "张开剩余15%", ARTICLE[1]]) + "\n"
    assert_article_only(raw)
    assert_article_only(page("推荐语:", "以下内容转载自:"))
    assert chrome_rule("以下內容轉載自:") is not None
    assert chrome_rule("以下内容转载自某某科技") is not None
    assert chrome_rule("以下内容是他在会上的讲话。") is None  # a sentence of the article


def test_a_short_line_under_an_image_is_its_caption_but_a_numbered_heading_is_not() -> None:
    raw = "\n".join([ARTICLE[0], "![]()", "某公司CEO赵一鸣博士", ARTICLE[1]]) + "\n"
    result = clean_page(raw)
    assert [d.text for d in result.dropped if d.rule == "caption under an image"] == ["某公司CEO赵一鸣博士"]
    assert_article_only(raw)
    heading = "二、算力的价格"
    kept = clean_page("\n".join([ARTICLE[0], "![](https://x.cn/a.png)", heading, ARTICLE[1]]) + "\n").text
    assert heading in kept


def test_a_sites_keyword_or_tag_line_is_chrome_even_when_long() -> None:
    line = "【某某网之“行业观察”收录关键词:人工智能  大模型  芯片  机器人  智能驾驶  开源生态  】"
    assert len(line) > 40
    assert chrome_rule(line) == "keyword or tag line"
    assert chrome_rule("标签: 大模型 开源 算力") == "keyword or tag line"
    assert chrome_rule("今年行业的关键词:降本、开源和出海。") is None  # a sentence of the article


def test_a_screenshot_name_with_spaces_and_dots_on_a_line_of_its_own_is_dropped() -> None:
    raw = f"{ARTICLE[0]}\n\n截图2024-05-06 10.20.30.png\n\n{ARTICLE[1]}\n"
    result = clean_page(raw)
    assert_article_only(raw)
    assert result.counts()["image file name line"] == 1


def test_a_people_card_between_widget_labels_is_dropped_but_a_lone_label_closes_nothing() -> None:
    card = "People\n赵一鸣\n某某节目的主持人,常年关注人工智能行业,每周分享一期深度访谈。\n孙立\nTopics\n"
    raw = card + "\n".join(ARTICLE) + "\n"
    result = clean_page(raw)
    assert_article_only(raw)
    assert result.counts()["people card (names and bios between widget labels)"] == 3
    # Without a label that closes the card, the lines after "People" are the article's.
    kept = clean_page("People\n" + "\n".join(ARTICLE) + "\n")
    assert kept.text == "\n\n".join(ARTICLE) + "\n"


def test_a_caption_line_with_a_full_stop_is_chrome_but_a_sentence_about_the_scene_is_not() -> None:
    assert chrome_rule("峰会现场。") == "photo caption"
    assert chrome_rule("嘉宾合影。") == "photo caption"
    assert chrome_rule("图为赵一鸣在发布会上演示新产品。") == "photo caption"
    assert chrome_rule("峰会现场座无虚席。") is None  # a sentence: a verb after the scene
    assert chrome_rule("峰会现场,赵一鸣表示同意。") is None
    assert chrome_rule("峰会现场") is None  # without a full stop it may be a section heading


def test_a_picture_librarys_credit_on_a_line_of_its_own_is_chrome_but_a_sentence_about_it_is_not() -> None:
    # Where the photo was, the page left the credit of the library it came from (某报媒资库 / 某社图库).
    assert chrome_rule("某某晚报媒资库") == "photo caption"
    assert chrome_rule("某某社图库") == "photo caption"
    assert chrome_rule("某某报業媒資庫") == "photo caption"  # traditional characters, read simplified
    assert chrome_rule("赵一鸣说,公司的媒资库已有十万张图片。") is None


def test_a_bare_dash_or_stars_on_a_line_of_their_own_are_chrome_but_a_signed_dash_is_not() -> None:
    # A list saved from a page leaves a dash between its items (- alone), or stars between parts (* * *): no text.
    assert chrome_rule("-") == "bare separator"
    assert chrome_rule("* * *") == "bare separator"
    assert chrome_rule("——赵一鸣") is None  # a quotation's signature
    assert chrome_rule("-5%") is None


def test_a_bare_border_bar_on_a_line_of_its_own_is_chrome() -> None:
    # A layout table's border left alone under the text (| / ｜): no text of the article; a figure after a bar is text.
    assert chrome_rule("|") == "bare separator"
    assert chrome_rule("｜") == "bare separator"
    assert chrome_rule("| 5% |") is None


def test_a_lone_question_mark_on_a_line_of_its_own_is_chrome_but_a_question_is_not() -> None:
    # A picture or a character the page could not show, left as a question mark alone on its line: no text.
    assert chrome_rule("?") == "lost picture or character"
    assert chrome_rule("？") == "lost picture or character"
    assert chrome_rule("\ufffd") == "lost picture or character"
    assert chrome_rule("为什么?") is None
    raw = f"{ARTICLE[0]}\n\n  ?\n\n{ARTICLE[1]}\n"
    result = clean_page(raw)
    assert result.text == "\n\n".join(ARTICLE) + "\n"
    assert clean_text(raw, result.rules) == result.text


def test_a_posts_ip_place_and_time_stamp_is_chrome_but_a_sentence_about_it_is_not() -> None:
    # A platform prints over a post where the account posted from and when: no sentence of the article.
    assert chrome_rule("IP属地 中国·上海 某某财经周刊 时间:2024-03-05 10:11:12") == "post's place and time stamp"
    assert chrome_rule("IP属地:广东 2024-03-05") == "post's place and time stamp"
    assert chrome_rule("IP属地显示在2024-03-05改为上海,引发讨论。") is None


def test_a_sites_stamp_and_a_reporters_line_are_chrome() -> None:
    assert chrome_rule("某某在线(www.example.cn)©") == "site stamp"
    assert chrome_rule("版权归某某网 ©2024") == "site stamp"
    assert chrome_rule("登录 www.example.cn,即可体验新版本。") is None  # running text
    assert chrome_rule("◎记者 赵一鸣 钱多多") == "reporters' byline"
    assert chrome_rule("本报记者孙立 实习生 周小舟") == "reporters' byline"
    assert chrome_rule("记者手记") is None  # a heading: 手记 is no name
    # The writers' credit with 作者 and a blank, no colon: names only.
    assert chrome_rule("作者 孙立 周小舟") == "reporters' byline"
    assert chrome_rule("作者 钱多多") == "reporters' byline"
    assert chrome_rule("作者简介") is None  # a heading, no blank after 作者
    assert chrome_rule("作者 孙立认为这种做法不妥。") is None  # a sentence


def test_a_reporters_line_naming_the_outlet_and_the_dateline_is_chrome() -> None:
    # The outlet before the roles and the city with 报道 after the names (某某日报记者赵某某、实习生钱某某上海报道).
    assert chrome_rule("某某科技日报记者赵一鸣、实习生钱多多上海报道") == "reporters' byline"
    assert chrome_rule("本报记者孙立 深圳报道") == "reporters' byline"
    assert_article_only(page("某某科技日报记者赵一鸣、实习生钱多多上海报道"))
    # A sentence about a report is the article's.
    assert chrome_rule("记者赵一鸣的报道引发了广泛讨论。") is None
    assert chrome_rule("据某某日报记者赵一鸣报道,芯片明年降价。") is None


def test_a_short_sentence_that_retells_the_sentence_beside_it_is_a_caption() -> None:
    text = "会前,某大学教授赵一鸣在实验室里,向机器人如此提问。"
    caption = "赵一鸣在实验室里向机器人提问。"
    raw = "\n\n".join([ARTICLE[0], text, caption, ARTICLE[1]]) + "\n"
    result = clean_page(raw)
    assert [d.text for d in result.dropped] == [caption]
    assert result.text == "\n\n".join([ARTICLE[0], text, ARTICLE[1]]) + "\n"
    # A one-sentence paragraph that says something new stays, and so does a heading that repeats the text's words.
    for line in ("赵一鸣随后向机器人追问了第二个问题。", "赵一鸣在实验室里向机器人提问"):
        raw = "\n\n".join([ARTICLE[0], text, line, ARTICLE[1]]) + "\n"
        assert line in clean_page(raw).text


def test_a_recommendation_box_up_to_the_recommenders_card_is_dropped_but_a_label_without_a_card_is_not() -> None:
    box = (
        "推荐语\n"
        "一场关于端侧模型的深度交流,看懂明年的芯片格局。\n"
        "核心内容:\n"
        "1. 赵一鸣谈端侧芯片的能效竞赛\n"
        "2. 钱多多复盘开源模型的商业化\n"
        "孙立\n"
        "某某科技创始人/某某云最具价值专家\n"
    )
    raw = box + "\n".join(ARTICLE) + "\n"
    result = clean_page(raw)
    assert result.text == "\n\n".join(ARTICLE) + "\n"
    assert result.counts()["recommendation box (label to the recommender's card)"] == 7
    # No recommender's card closes it: the lines after the label are kept.
    open_label = "推荐语\n一场关于端侧模型的深度交流,看懂明年的芯片格局。\n" + "\n".join(ARTICLE) + "\n"
    assert "看懂明年的芯片格局" in clean_page(open_label).text


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("首页|新闻|评论|专题|数据|大模型|行业观察", "site menu"),  # bars without spaces
        ("资讯｜人物｜深度｜活动", "site menu"),
        ("某某大会开幕:赵一鸣谈端侧模型的前景(图1)", "numbered photo caption"),
        ("嘉宾在论坛上合影（图 2）", "numbered photo caption"),
        # a spinner's pinyin after characters, in traditional characters: the ad is the same ad
        ("我們的產(chǎn)品:給自己產(chǎn)品做個廣告,點(diǎn)擊進(jìn)來看看。", "call to action"),
        ("理财就上某某网,稳健,透明,省心,助您把握每一次机会!", "call to action"),  # an advert's slogan
        ("我们强调安全,可靠,高效,帮您降低成本。", None),  # a sentence, with its full stop
    ],
)
def test_menus_with_bars_numbered_captions_and_spun_ads_are_chrome(line: str, rule: str | None) -> None:
    assert chrome_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "他把模型分成了AI/ML/NLP/CV四类。",
        "赵一鸣说,端侧模型的成本(图1所示)还会下降。",
        "如图所示,调用量每个季度翻一番(图1)。",  # a sentence of the article, ending with its full stop
        "我們的產(chǎn)品會在明年上市。",
    ],
)
def test_text_with_bars_figures_or_pinyin_notes_is_not_chrome(line: str) -> None:
    assert chrome_rule(line) is None


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("2024-05-12 10:31 来源:某某网 打印本页", "print and close controls"),
        ("【打印】【关闭】", "print and close controls"),
        ("2024年5月12日 09:00 来源: 某某网 作者: 某某 【字号 大 中 小】 【打印】 【关闭】", "print and close controls"),
        ("2024-05-12 10:31 来源:某某日报客户端", "date and source line"),
        ("news.example.com.cn 2024-05-11 某某网 字号:放大 正常", "print and close controls"),
        ("科技要闻", "section label"),
        ("人物专访", "section label"),
        ("(编辑 赵一鸣)", "editor's credit"),
        ("（责任编辑 钱多多）", "editor's credit"),
        ("责编 孙立", "editor's credit"),
        ("赵一鸣向学生介绍何谓大模型。（钱多多摄）", "photo caption with its credit"),
        ("赵一鸣(左)与孙立在展台交流。(记者 钱多多 摄)", "photo caption with its credit"),
        # The credit may name the outlet that sent the picture before the photographer (某某网发 某某 摄).
        ("某市市长赵一鸣在座谈会上讲话。(某某网发 钱多多 摄)", "photo caption with its credit"),
        ("孙立在展台前讲解。(某某社发 钱多多摄)", "photo caption with its credit"),
    ],
)
def test_print_controls_section_labels_and_editors_credits_are_chrome(line: str, rule: str) -> None:
    assert chrome_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "赵一鸣说,他会把这份报告打印出来,带回公司。",
        "大模型的新闻",  # names no column: a heading of the article
        "编辑部的故事",
        "他说这张照片是他自己拍的(自己摄)。",
        "2024-05-12,赵一鸣在发布会上表示,来源于开源社区的模型最多。",
    ],
)
def test_text_about_printing_news_or_editing_is_not_chrome(line: str) -> None:
    assert chrome_rule(line) is None


def test_a_name_alone_between_paragraphs_that_tell_of_the_person_is_a_caption() -> None:
    raw = (
        "赵一鸣认为,端侧模型会先在手机上落地。\n"
        "赵一鸣\n"  # the caption under his photo
        "过去二十年里,赵一鸣参与创办了三家公司,他最早做的是搜索。\n"
        "钱多多\n"  # a bare name after the article: its editor
    )
    result = clean_page(raw)
    assert result.text == (
        "赵一鸣认为,端侧模型会先在手机上落地。\n\n过去二十年里,赵一鸣参与创办了三家公司,他最早做的是搜索。\n"
    )
    assert clean_text(raw, result.rules) == result.text


@pytest.mark.parametrize(
    "raw",
    [
        # The label over an answer in the first person, once.
        "主持人请赵一鸣谈谈端侧模型。\n赵一鸣\n我觉得手机会是第一个装上大模型的终端。\n钱多多也提到了赵一鸣的观点。\n",
        # The label after a question.
        "端侧模型什么时候落地?\n赵一鸣\n明年,赵一鸣的团队就会交付。\n",
        # A label that recurs.
        "主持人请两位谈谈开源。\n赵一鸣\n开源会赢。\n钱多多\n闭源更赚钱。\n赵一鸣\n但生态在开源这边。\n",
    ],
)
def test_a_speakers_name_label_in_a_transcript_stays(raw: str) -> None:
    kept = clean_page(raw).text
    assert "\n赵一鸣\n" in "\n" + kept.replace("\n\n", "\n")


def test_a_pictures_credit_alone_in_brackets_is_chrome() -> None:
    assert chrome_rule("（圖／取自某百科）") is not None
    assert chrome_rule("（示意图／某通讯社）") is not None
    assert chrome_rule("(资料照片/某某新闻网)") is not None
    assert chrome_rule("(注:以上数据来自公司财报)") is None  # a note of the article
    assert_article_only(page("（示意圖／某通訊社）"))


def test_a_subheading_and_the_text_cut_short_under_it_at_the_pages_end_stay() -> None:
    heading, cut = "海外市场需「重新开始」", "海外业务包括东南亚地区、拉美和中东地"
    assert clean_page(page(chrome_after=(heading, cut))).text == "\n\n".join([*ARTICLE, heading, cut]) + "\n"
    assert_article_only(page(chrome_after=("张岩", "2026全國兩會專題")))  # a footer's labels still go
    # The text cut short in the middle of a name the article spelt out before, with no comma yet.
    named = "某某研究院副院长钱多多表示,算力仍然不够。"
    heading, cut = "培养更多跨领域人才", "某某研究院副"
    raw = page(chrome_after=(named, heading, cut))
    assert clean_page(raw).text == "\n\n".join([*ARTICLE, named, heading, cut]) + "\n"


def test_a_chrome_line_with_a_colon_after_the_text_does_not_make_the_lines_before_it_text() -> None:
    # 来源:某某之家 holds a colon, yet it is the byline, not the article's last line: "+1" (a button) before it is chrome.
    assert_article_only(page(chrome_after=("+1", "来源:某某之家", "延展资讯")))


def test_a_reposts_note_on_its_source_and_leave_is_chrome() -> None:
    note = "某某网注:本文来源于微信公众号某某周刊(ID:mouzhou),作者 | 钱多,编辑 | 孙立,某某网经授权发布。"
    assert chrome_rule(note) == "repost's source note"
    assert chrome_rule("本文轉載自某某日報,已獲授權。") == "repost's source note"  # traditional characters too
    assert chrome_rule("本文来源于一次闭门会议上的讨论。") is None  # the article telling where its story comes from
    # the leave to reprint named with whom it comes from, before the full stop
    assert chrome_rule("本文经某某新媒体(公众号ID:mouxin)授权转载,转载请联系出处。") == "repost's source note"
    assert chrome_rule("本文经专家审阅后认为,模型的授权方式需要改变。") is None  # no leave to reprint
    assert_article_only(page(note))


def test_a_line_announcing_the_letter_attached_below_stays_though_it_comes_before_the_text() -> None:
    dek = "附孙立公开信全文,附某某对孙立的专访"
    raw = "\n".join(["某某科技", dek, *ARTICLE]) + "\n"
    assert clean_page(raw).text == "\n\n".join([dek, *ARTICLE]) + "\n"
    assert clean_page("\n".join(["附錄下載", *ARTICLE]) + "\n").text == "\n\n".join(ARTICLE) + "\n"  # no attachment


@pytest.mark.parametrize(
    "line",
    [
        "date 2024-03-02 消息人士说，赵一鸣告诉员工，明年要推出新芯片。（某社資料照）",
        "赵一鸣在发布会上展示新款机器人。（资料图）",
        "孙立在工厂里查看生产线。(图源:某某科技)",
        "(资料图片)",  # the file photo's credit alone, spelt with 图片
        "(资料图片仅供参考)",  # the file photo's credit with the note that it only illustrates
        "（配图仅供参考）",  # that note alone
    ],
)
def test_a_caption_ending_with_a_pictures_credit_in_brackets_is_chrome(line: str) -> None:
    assert chrome_rule(line) == "photo caption with a picture's credit"


def test_a_sentence_that_mentions_a_file_photo_is_not_chrome() -> None:
    assert chrome_rule("赵一鸣说,那张资料照是十年前在工厂里拍的。") is None
    assert (
        chrome_rule("赵一鸣翻出一张旧照片（资料照）,说这是他的第一间办公室,那时候团队只有五个人,大家都睡在公司。")
        is None
    )


@pytest.mark.parametrize("line", ["《机器之心》剧照", "电影《某某》海报", "某某App截图"])
def test_a_still_a_poster_or_a_screenshot_named_on_a_line_of_its_own_is_a_caption(line: str) -> None:
    assert chrome_rule(line) == "photo caption"


@pytest.mark.parametrize(
    "line",
    [
        "内容来源:某某访谈节目。 责编 | 钱多多 排版 | 小孙 第 123 篇好文:5000字 | 12分钟阅读",
        "来源:某某公众号 作者 | 赵一鸣 编辑 | 孙立",
    ],
)
def test_a_line_of_source_and_editing_credits_is_chrome(line: str) -> None:
    assert chrome_rule(line) is not None
    # The column's label under it goes too, and the editor's note heading over the first paragraph stays.
    raw = f"{line}\n行业观察\n小编说:\n" + "\n".join(ARTICLE) + "\n"
    assert clean_page(raw).text == "\n\n".join(["小编说:", *ARTICLE]) + "\n"


def test_a_one_word_summary_heading_right_over_the_first_paragraph_is_the_articles() -> None:
    # 摘要 alone on its line over the writer's summary names that paragraph: a heading of the article, as the summary is.
    summary = "在上周召开的某论坛上,几位学者讨论了小模型的落地难题,认为后年会大规模普及。"
    body = "“我觉得后年会是小模型的一年。”某大学教授赵一鸣这样说道。"
    raw = f"某某学习网 首页 专题\n测试标题\n摘要\n\n{summary}\n\n{body}\n"
    assert clean_page(raw, title="测试标题").text == f"摘要\n\n{summary}\n\n{body}\n"


def test_a_sentence_naming_its_source_and_author_is_not_a_credits_line() -> None:
    assert chrome_rule("这份报告的来源:某研究院,作者:赵一鸣,他们调查了三百家公司。") is None


def test_a_section_heading_numbered_in_chinese_right_over_the_first_paragraph_is_the_articles() -> None:
    raw = "https://example.com/news/20240301/123\n三、芯片的下一步\n\n" + "\n".join(ARTICLE) + "\n"
    assert clean_page(raw).text == "\n\n".join(["三、芯片的下一步", *ARTICLE]) + "\n"


@pytest.mark.parametrize("heading", ["一. 前言", "二．芯片的下一步", "三 . 结语"])
def test_a_section_heading_numbered_in_chinese_with_a_full_stop_right_over_the_first_paragraph_is_the_articles(
    heading: str,
) -> None:
    # A full stop after the numeral (一. / 二．) numbers the part as 、 does.
    raw = f"https://example.com/news/20240301/123\n{heading}\n\n" + "\n".join(ARTICLE) + "\n"
    assert clean_page(raw).text == "\n\n".join([heading, *ARTICLE]) + "\n"


@pytest.mark.parametrize("line", ["更多科技新闻请关注:某某网科技频道", "更多精彩內容請關註某某號"])
def test_a_line_asking_the_reader_to_follow_the_site_for_more_is_chrome(line: str) -> None:
    assert chrome_rule(line) == "call to action"
    assert clean_page(page(chrome_after=(line,))).text == "\n\n".join(ARTICLE) + "\n"


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("图注:某某公司副总裁赵一鸣在发布会上", "image caption or placeholder"),
        ("format-png", "image caption or placeholder"),
        ("欢迎光临某某科技资讯网!", "site's welcome line"),
        # …as an item of the header's list, and with pinyin notes a bad conversion left after some characters.
        ("• 歡迎光臨某某資訊網(wǎng)!", "site's welcome line"),
        ("联系我们 网站地图", "site's footer links"),
        ("您的位置:首页 > 科技 > 正文 > 赵一鸣:芯片还差三步,谈什么领先?", "breadcrumb"),
        # A label that addresses the reader and says "current" (您的当前位置:), the title with a comma glued on.
        ("您的当前位置:首页 >某某编辑 >赵一鸣:芯片是主旋律,对全球产业的影响深远 正文", "breadcrumb"),
        ("网站首页> 媒体报道>赵一鸣出席2025某某人工智能大会暨某某高级别论坛开幕式并致辞", "breadcrumb"),
        ("首页 > 科技频道 > 赵一鸣:芯片还差三步,国产大模型的下一程要靠生态和开放", "breadcrumb"),
        ("正在阅读:赵一鸣谈“价格战”:大模型行业洗牌不可避免!", "banner naming the article being read"),
        ("正在閱讀:趙一鳴談大模型", "banner naming the article being read"),
        ("(原标题:■ 记者手记 大模型成为“热词” 创新活力扑面来)", "original headline in brackets"),
        ("（原標(biāo)題:趙一鳴談大模型）", "original headline in brackets"),
        (
            "2025-03-01 来源:https://example.com/a/1  浏览:  关键词:赵一鸣:芯片还差三步,谈什么领先?",
            "date and field line",
        ),
        ("以下内容来自某某公众号,仅供学习交流,若有侵权请联系删除", "repost's takedown note"),
        ("某某大學 某大", "photo's place tag with its short form"),
        ("赵一鸣。资料图片", "photo caption with the picture's kind after the full stop"),
        ("趙一鳴在發佈會上介紹《某某規劃》。某某處圖片", "photo caption with the picture's kind after the full stop"),
        ("第 12 期,發刊日期:2024/05/01", "issue number and date"),
        ("第3期 | 出刊日期:2023年7月9日", "issue number and date"),
        # A periodical's stamp with its title and volume, the issue's span of dates in brackets after it.
        ("湖畔园艺通讯第二卷第 17 期（2019.04.08-2019.04.21）", "issue number and date"),
        ("某某观察 第十一期 2022年9月5日至9月18日", "issue number and date"),
        # The giver and kind in brackets after the stop, after a long caption listing people's posts.
        (
            "某某集团董事长赵一鸣、副总裁钱二与来访的某某研究所代表团在会议室门前合影留念。(某某办图片)",
            "photo caption with a picture's credit",
        ),
        # Opened by the caption's triangle, a comma inside: still the picture's.
        (
            "▲赵一鸣在某某委员会的会上,谈到了大模型的算力。资料图片",
            "photo caption with the picture's kind after the full stop",
        ),
        (
            "转载本文是为了传递更多信息。如侵犯了您的权益或出处有误,请与本站联系,我们会尽快更正。",
            "repost's plea to be told of a wrong source",
        ),
        # A market widget's quote line: an asset and its ticker, price, change and change in per cent.
        ("某某币ABC 4321.05 -1,234.50 -3.21%", "market quote"),
    ],
)
def test_captions_site_lines_and_a_reposts_takedown_note_are_chrome(line: str, rule: str) -> None:
    assert chrome_rule(line) == rule
    assert_article_only(page(line))


def test_a_sentence_naming_an_issue_and_its_dates_is_no_stamp() -> None:
    # Words and a stop around the issue: the article telling of it, not the masthead.
    assert chrome_rule("她的文章登在第二卷第 17 期(2019.04.08-2019.04.21)上,读者来信不断。") is None
    assert chrome_rule("读者最爱的是第十一期,2022年9月5日至9月18日在各地发行。") is None


def test_a_lines_opening_repeated_after_a_blank_is_no_place_tag() -> None:
    assert chrome_rule("我们今天 我们") is None


def test_a_bulleted_summary_over_the_first_paragraph_is_the_articles() -> None:
    summary = ["核心观点:", "■ 国产芯片三年内能追上国际水平", "■ 大模型的价格战不会一直持续下去"]
    raw = page("分享到朋友圈", *summary)
    assert clean_page(raw).text == "\n\n".join([*summary, *ARTICLE]) + "\n"


def test_a_long_bulleted_menu_item_with_no_sentence_mark_ends_the_menu_over_the_article() -> None:
    # A site's menu of bulleted links (• 首页 …) ends with an item as long as a point (• 芯片短视频创作热门-芯片社区), but
    # like the links above it, it holds no mark of a sentence: the menu's, not the article's list.
    menu = ["• 首页", "• 芯片工具", "• 芯片资讯", "  芯片视频", "  芯片绘画", "• 芯片短视频创作热门-芯片社区"]
    assert_article_only(page(*menu))
    # A point of the article's own list holds a sentence's marks, and no short link is above it.
    summary = ["核心观点:", "■ 国产芯片三年内能追上国际水平", "■ 大模型的价格战,不会一直持续下去"]
    assert clean_page(page("分享到朋友圈", *summary)).text == "\n\n".join([*summary, *ARTICLE]) + "\n"


def test_a_long_field_of_an_info_bar_laid_out_as_bullets_divided_by_bars_is_over_the_article() -> None:
    # A site's info bar as a bulleted list whose items bullets holding only a bar divide: its long field (who sent the
    # piece, eight characters or more) is the bar's, not a point of the article's list.
    bar = [
        "  • 2024/03/01",
        "  • |",
        "  • 第12期",
        "  • |",
        "  • 稿件来源:某某大学信息工程研究中心",
        "  • |",
        "  • 点击:321",
    ]
    assert_article_only(page(*bar))
    # The article's own bulleted points, with no bars between them, stay.
    summary = ["核心观点:", "■ 国产芯片三年内能追上国际水平", "■ 大模型的价格战,不会一直持续下去"]
    assert clean_page(page("分享到朋友圈", *summary)).text == "\n\n".join([*summary, *ARTICLE]) + "\n"


def test_a_deck_printed_several_times_above_the_article_keeps_one_copy() -> None:
    # The deck restating the text's words (大模型的人更贵) printed in the header, the share card and over the text: one
    # copy is the article's.
    deck = "做大模型的人更贵也更稀缺"
    raw = "\n".join(["某某谈算力团队", deck, "2024/03/01", "收藏", deck, "", deck, "", *ARTICLE]) + "\n"
    result = clean_page(raw, title="某某谈算力团队")
    assert result.text == "\n\n".join([deck, *ARTICLE]) + "\n"
    assert clean_text(raw, result.rules) == result.text
    # A site's line printed twice that restates nothing of the text is still over the article.
    assert_article_only(page("某某科技新闻网站首页", "某某科技新闻网站首页"))


def test_a_menu_run_together_on_one_long_line_and_the_bullets_under_it_are_over_the_article() -> None:
    # The site's channels glued into one line of fifty characters or more with no punctuation, then a bulleted list of
    # regions: no line of it is where the article starts, so all of it is above the article.
    glued = "芯片在线算力荟萃模型网谈探索创新热点追踪读者来信新锐观点地方风采行业观察调查新讯视窗关注民生关于我们联系我们 站内搜索"
    regions = ["  • 东城", "  • 西城", "  • 海淀", "  • 朝阳", "  • 丰台"]
    assert_article_only(page(glued, *regions))


def test_a_line_with_a_persons_post_and_name_that_the_lead_writes_is_a_caption() -> None:
    lead = "在昨天的论坛上,某某科技CEO赵一鸣发表演讲。以下内容为现场发言实录:"
    speech = "大家好!我们认为芯片三年内能追上来,这是我们这几年最大的判断。"
    raw = f"{lead}\n某某科技CEO 赵一鸣\n{speech}\n"
    result = clean_page(raw)
    assert result.text == f"{lead}\n\n{speech}\n"
    assert [d.rule for d in result.dropped] == ["caption that is a person's post and name"]


@pytest.mark.parametrize(
    "post",
    [
        "全国人大代表",
        "某省政协委员",
        "中国科学院院士",
        "某市科技创新委员会主任",
        # The head of an association or a chamber, after two bodies set off by 、.
        "某某贸易促进会汽车分会、某某商会汽车商会会长 ",
        "某某人工智能学会理事长",
        # Three posts set off by 、, a chairman's, a vice-head's and a professor's.
        "某某创投董事长、某某企业家协会副会长、某某大学教授",
    ],
)
def test_a_line_with_a_deputys_or_academicians_post_and_name_that_the_lead_writes_is_a_caption(post: str) -> None:
    lead = f"今年两会上,{post}赵一鸣提交了三份建议,聚焦算力网络建设和数据要素流通。"
    said = "赵一鸣指出,算力网络是新型基础设施的关键一环,建议加快跨区域调度。"
    result = clean_page(f"{lead}\n{post}赵一鸣\n{said}\n")
    assert result.text == f"{lead}\n\n{said}\n"
    assert [d.rule for d in result.dropped] == ["caption that is a person's post and name"]


@pytest.mark.parametrize(
    "note",
    [
        "本文為《星辰對話》訪談的摘要整理。",
        "本文根据赵一鸣在峰会上的演讲整理,有删节。",
        "(本文为某播客节目的摘要整理)",
        # Where the text was excerpted from, with no 本文 and no full stop.
        "节选自第三届某某未来教育论坛",
        "摘自某某大会主题演讲",
    ],
)
def test_the_editors_note_on_how_the_text_was_compiled_is_chrome(note: str) -> None:
    assert chrome_rule(note) == "editor's note on how the text was compiled"
    assert_article_only(page(note))
    # The article's own sentence about what it covers stays.
    assert chrome_rule("本文为大家梳理三种整理数据的方法,包括清洗和标注。") is None
    # So does a line choosing for oneself (选自己…), no excerpt.
    assert chrome_rule("选自己喜欢的方向去做") is None


@pytest.mark.parametrize("separator", [" - ", "_", " | "])
def test_the_title_with_the_sites_name_after_it_is_the_title(separator: str) -> None:
    # A page's <title> line repeats the headline with the site's name, before the article and after it; the headline
    # is long enough (and holds commas) that no other rule took it for chrome.
    title = "李开复:大模型的价格战还会持续三年,开源模型最终会赢下这场竞争,创业公司要找准场景"
    line = f"{title}{separator}某某科技网"
    assert_article_only(page(line, chrome_after=(line,)), title=title)
    # Text after the title that is more than a name is not the site's.
    kept = f"{title} - 他在会上这样说,台下掌声不断。"
    assert kept in clean_page(page(kept), title=title).text


def test_a_portals_generated_summary_box_is_chrome_but_the_articles_own_bulleted_summary_stays() -> None:
    # The portal's box: its label, a lead that tells what the article is, and bullets (an emoji, a heading, then a verb
    # that tells what the article does: 介绍了 / 讲述了 / 作者分享了).
    box = [
        "文章摘要",
        "本文是某某周刊的一篇文章,作者是钱多多,讲述了一个产品经理的故事。",
        "• 🎨 产品创新:介绍了一款给老人用的语音助手,通过方言识别,让老人也能用上大模型。",
        "• 💡 行业进展:作者分享了语音模型在方言上的进展,强调数据的重要性。",
    ]
    result = clean_page(page(*box))
    assert result.text == "\n\n".join(ARTICLE) + "\n"
    assert {d.rule for d in result.dropped} == {"portal's generated summary box"}
    # The article's own points under a summary label state views, not what the article does: they stay.
    own = ["摘要:", "• 国产芯片三年内能追上国际水平,价格战不会一直持续下去。", "• 大模型应用的关键是找准场景。"]
    assert clean_page(page("分享到朋友圈", *own)).text == "\n\n".join([*own, *ARTICLE]) + "\n"


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("北京示意圖。(圖：Some Stock)", "photo caption with a picture's credit"),
        ("会场一角。(图/视觉中国)", "photo caption with a picture's credit"),
        ("某某公司的送货机器人。(示意圖/取自某圖庫)", "photo caption with a picture's credit"),
        ("会上展出的芯片。(资料图/某通讯社)", "photo caption with a picture's credit"),
        ("马上注册,结交更多好友,享用更多功能,让你轻松玩转社区。", "call to action"),
        ("芯片的下一场战争:算力与封装如何改写格局 芯片 封装 算力 第1张", "image's alternative text"),
        ("×", "close button"),
    ],
)
def test_a_credited_caption_a_register_nag_a_gallerys_alt_text_and_a_close_mark_are_chrome(
    line: str, rule: str
) -> None:
    assert chrome_rule(line) == rule
    assert_article_only(page(line))


def test_a_latin_widget_line_between_login_lines_is_chrome() -> None:
    raw = page("找回密码", "Sign in with Twitter", "What's new today?", "微信登录")
    assert_article_only(raw)
    # An English sentence of the article, between lines of text, stays.
    quoted = "He said: the future is generated."
    assert quoted in clean_page(f"{ARTICLE[0]}\n{quoted}\n{ARTICLE[1]}\n").text


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # A caption of one sentence, then the picture's credit after its full stop: an agency, where it was copied
        # from, the credits of text and picture; an image widget's Latin word may follow.
        ("某某昨天出席论坛谈芯片。某新社", "photo caption with its credit after the full stop"),
        ("某某昨天出席论坛谈芯片。翻攝自《某某台》 zoomin", "photo caption with its credit after the full stop"),
        ("某某在会场发表演说。文/钱多多 图/某某社", "photo caption with its credit after the full stop"),
        # The agency's credit set off by a slash or a backslash after the stop, the caption marked 图: (圖: as a paper in
        # traditional characters writes it).
        ("圖:某某在展台前試戴新款眼鏡。\\某新社", "photo caption with its credit after the full stop"),
        ("图:某某昨天出席论坛谈芯片。/某新社", "photo caption with its credit after the full stop"),
        # A forum's board names set apart by wide gaps, however many.
        (
            "linux   Redis   NGINX   其他框架   web工具   tornado   NoSql   Bootstrap   peewee   bottle   Jquery",
            "run of tag or board names",
        ),
        ("在线观看某某影片-某某高清视频-某某一区二区-某某中文在线视频", "keyword line joined by hyphens"),
        # The same bait joined by bars, phrases longer than a menu's items and the line longer than a menu.
        (
            "某某影片免费|某某无码一区二区|某某高清视频在线播放|某某中文在线视频观看|某某久久精品视频网站|天天看某某高清在线",
            "keyword line joined by bars",
        ),
        # The same bait joined by commas (a spam site's copy of an article opens with it).
        ("某某小说,中文字幕专区,某某综合,某某久久精品视频,天天看某某高清99", "keyword line joined by commas"),
        ("發布日期:2024-01-05 閱讀次數:", "page's field line"),
        # The font-size control among the fields, and pinyin notes a bad conversion left after some characters.
        ("字體: 放大字體  縮小字體 發(fā)布日期:2024-01-05  來源:某某網(wǎng)  瀏覽次數(shù):318", "page's field line"),
        ("字体:大 中 小 来源:某某网", "page's field line"),
    ],
)
def test_a_caption_credited_after_its_stop_a_wide_gapped_tag_run_a_hyphened_keyword_line_and_a_date_field_are_chrome(
    line: str, rule: str
) -> None:
    assert chrome_rule(line) == rule
    assert_article_only(page(line))


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # A caption whose credit after the full stop is the bare name of an agency in brackets, in either script.
        ("赵一鸣在晚宴上发表演讲。(某社)", "photo caption with its credit after the full stop"),
        ("錢多多週二在台北出席論壇。（Reuters）", "photo caption with its credit after the full stop"),
        # A site's headings over its lists of links.
        ("分享文章:", "site's list heading"),
        ("最新文章：", "site's list heading"),
        ("相關新聞:", "site's list heading"),
        ("经济新闻精选:", "site's list heading"),
        ("热点文章推荐：", "site's list heading"),
        # A link to the site's special topic, a list item or not.
        ("- 专题:2030某某大会", "link to a special topic"),
        ("专题：某某论坛", "link to a special topic"),
        # A link to another part of the site's series: its section label, the part's number, a slash, its headline.
        ("人物篇 2/谁都需要陪伴!某某闯进新市场,上百个数字分身上线", "link to another part of a series"),
        ("產業篇4／晶片之外還有什麼", "link to another part of a series"),
        # Where the facts come from, the whole line in brackets.
        ("<資料來源:某某社>", "source line in brackets"),
        ("（消息来源：某某网）", "source line in brackets"),
    ],
)
def test_a_caption_with_an_agency_after_its_stop_a_list_heading_and_a_bracketed_source_line_are_chrome(
    line: str, rule: str
) -> None:
    assert chrome_rule(line) == rule
    assert_article_only(page(line))


def test_sentences_like_a_caption_with_an_agency_after_its_stop_stay() -> None:
    # A sentence with clauses, figures or a verb of saying before the agency is the article's; so are a wire story's
    # close, a part's number, a note in brackets and a turn's label.
    for line in [
        "他认为芯片明年会降价,价格战不会持续。(某社)",
        "公司股价周一上涨3%。(某社)",
        "赵一鸣表示明年会降价。(某社)",
        "公司周一宣布裁员。(完)",
        "芯片的下一步。(上)",
        "(注:以上数据来自公司财报)",
        "主持人:",
        # A heading that is no list's word stays, and so does a sentence that names a special topic.
        "他说新闻:",
        "专题:这次大会讨论了芯片,也讨论了模型。",
        # A sentence that counts the parts of a series, with its full stop, stays.
        "人物篇 2/3的篇幅都在讲芯片。",
    ]:
        assert chrome_rule(line) is None, line


def test_sentences_like_those_chrome_lines_stay() -> None:
    # A paragraph that ends with an agency as its last word after a sentence of more than one is no caption; a
    # sentence with a hyphenated range, or words set apart by single spaces, stays.
    for line in [
        "他认为芯片明年会降价。价格战不会持续,某新社",
        "他认为 AI 会让 3-5 年内的工作方式彻底改变,企业要早做准备。",
        "李开复 认为 今年 是 大模型 应用 的 元年",
        # Clauses joined by commas that lost their stop are still a sentence: their words (我们 / 会 / 的) say so.
        "他说,我们会先做产品,再谈融资,不要焦虑,慢慢来",
        "模型,算力,数据,人才的竞争,都在加速",
        # A title with a column's name before a bar and a colon after the name stays.
        "深度|赵一鸣:大模型|算力|数据|人才,一个都不能少",
    ]:
        assert chrome_rule(line) is None, line


def test_a_summary_line_that_repeats_the_paragraph_under_it_is_chrome_and_the_paragraph_stays() -> None:
    lead = "在时代的拐点上,选择往往比努力更重要。这场对话谈了芯片,也谈了模型。"
    raw = "\n".join([f"摘要:{lead}", lead, *ARTICLE]) + "\n"
    result = clean_page(raw)
    assert result.text == "\n\n".join([lead, *ARTICLE]) + "\n"
    assert {d.rule for d in result.dropped} == {"site's summary line repeating the paragraph under it"}


def test_an_authors_credit_with_a_bar_and_the_authors_posts_is_a_byline_however_long() -> None:
    # The author's posts make the line long; a spinner writes the label 作家.
    for line in [
        "作者| 孙立,某某学会人工智能伦理专业委员会副主任委员,某某大学计算机学院教授",
        "作家| 孙立,某某学会人工智能伦理专业委员会副主任委员,某某大学计算机学院教授",
    ]:
        assert chrome_rule(line) == "byline", line
    # A sentence after the bar is the article's.
    assert chrome_rule("作家|孙立认为,芯片价格明年会下降,企业要早做准备,这是某某学会的共识。") is None


def test_a_credit_with_its_label_after_the_bar_is_chrome() -> None:
    # Name first, label last (a magazine's credits block), in either script.
    for line in [
        "王小明 | 撰文",
        "赵一| 编辑",
        "陈可欣|責任編輯",
        "某某科技、某某周刊,标题为编者所拟 |来源",
        "某某在线 | 來源",
    ]:
        assert chrome_rule(line) == "credit line with its label last", line
    # A sentence with a bar in it stays the article's.
    assert chrome_rule("他说,产品和编辑 | 这两件事要分开看。") is None
    assert chrome_rule("模型的来源与训练数据同样重要") is None


def test_a_blogs_comment_form_a_hosting_disclaimer_and_a_messenger_ad_are_chrome() -> None:
    assert chrome_rule("发表评论") == "comment form"
    assert chrome_rule("您的电子邮件地址不会被公开。 必填项已用 * 标注") == "comment form"
    disclaimer = (
        "本站文章由网友自行上传,用户自发贡献的内容不代表本站立场。本站仅提供信息存储空间服务,不承担相关法律责任。"
        "如有侵权请发邮件至 someone@example.com 举报,查实后立即删除。"
    )
    assert chrome_rule(disclaimer) == "site's disclaimer"
    assert chrome_rule("免费领取副业资料 添加 微信:abc_123  备注:资料") == "ad with a messenger id"
    # The article's own sentences about such things stay.
    for line in [
        "他在发表评论时说,大模型的价格还会再降。",
        "孙立表示,用户最关心的是自己的邮箱地址会不会被公开,公司为此加了一道审核。",
        "他们在微信里讨论了一整晚,第二天就决定做开源。",
    ]:
        assert chrome_rule(line) is None, line


def test_a_platforms_disclaimer_and_a_line_that_the_views_are_the_writers_alone_are_chrome() -> None:
    for line in [
        "本文为某某号作者或机构在某某新闻上传并发布,仅代表该作者或机构观点,不代表某某新闻的观点和立场,某某新闻仅提供信息发布平台。",
        "本文所包含的觀點僅代表作者個人看法,不代表某某網的觀點。在某某網上獲取的所有信息均不應被視為投資建議。",
        "本文仅代表作者观点,与本站无关。",
    ]:
        assert chrome_rule(line) == "site's disclaimer", line
        assert_article_only(page(chrome_after=(line,)))
    # An article's sentences on whose views something gives stay.
    for line in [
        "赵一鸣说,这份报告仅代表作者个人看法,公司并未表态。",
        "本文作者赵一鸣认为,这些观点仅代表少数人。",
        "他强调,平台仅提供信息,不做判断。",
    ]:
        assert chrome_rule(line) is None, line


def test_a_text_wrapped_at_a_fixed_width_is_joined_back_into_its_paragraphs_and_every_sentence_stays() -> None:
    # A forum mirror broke each paragraph at 60 columns (30 wide characters), mid-sentence; the short line after a
    # break would otherwise look like chrome before the article.
    raw = "\n".join(
        [
            "论坛首页",
            "作者: 某网友",
            "某某科技董事长周明远今天出席年会开幕式致词表示,算力就是竞",
            "争力,模型需要大量芯片,",
            "对于制造业很强的地区是好事。",
            "周明远说,过去五年来公司培育了约一万名工程师,他们可以为产",
            "业的未来做出贡献,这点相当重要。",
            "他表示,政府过去推动了人工智能行动计划,开放试验场域,松绑",
            "法令,希望借由人工智能协助产业,这项计划已经完成,为产业打",
            "下了基础。",
        ]
    )
    result = clean_page(raw + "\n")
    assert result.rules.wrap_width is not None
    assert result.text.split("\n\n") == [
        "某某科技董事长周明远今天出席年会开幕式致词表示,算力就是竞争力,模型需要大量芯片,",
        "对于制造业很强的地区是好事。",
        "周明远说,过去五年来公司培育了约一万名工程师,他们可以为产业的未来做出贡献,这点相当重要。",
        "他表示,政府过去推动了人工智能行动计划,开放试验场域,松绑法令,希望借由人工智能协助产业,这项计划已经完成,为产业打下了基础。\n",
    ]
    assert clean_text(raw, CleaningRules.from_mapping(result.rules_mapping())) == result.text


def test_short_lines_ending_mid_sentence_are_not_taken_for_a_wrapped_text() -> None:
    # Labels and headings of unlike widths end without a full stop too: no wrap, each line stays its own.
    raw = "\n".join(
        ["1.媒体来源:", "某某社", "一、背景", "李开复认为,Infra 团队必须比模型团队更强。", "他表示,算力很贵"]
    )
    assert clean_page(raw + "\n").rules.wrap_width is None


def test_headings_of_one_width_over_long_paragraphs_are_not_taken_for_a_wrapped_text() -> None:
    # Four headings end without a full stop at about one width, but the paragraphs under them are far wider: the page
    # was not wrapped, and no heading joins the paragraph under it.
    paragraph = "他表示," + "大模型的竞争才刚刚开始,谁能把成本降下来谁就能赢得更多用户," * 3 + "这是他的判断。"
    headings = [
        "甲公司:持续领跑云服务,亲自挂帅最大的人工智能项目",
        "乙公司崛起:开源模型的对手和百花齐放的企业模型",
        "丙公司生态推演:巨头是重要玩家,但不止是巨头的游戏",
        "丁公司的新路:所有人的朋友,也可能是所有人的对手",
    ]
    raw = "\n".join(line for heading in headings for line in (heading, paragraph)) + "\n"
    result = clean_page(raw)
    assert result.rules.wrap_width is None
    assert all(heading + "他表示" not in result.text for heading in headings)
    assert all(heading in result.text.split("\n\n") for heading in headings[1:])


def test_a_page_file_name_or_relative_path_alone_on_a_line_is_chrome() -> None:
    # A template's leftover: a page's file name, or a relative path to one, long enough to pass for a paragraph.
    path = "../../../some_core/some_tpl_static/wap/tpl_news_article_view2.html"
    assert chrome_rule("index.html") == chrome_rule(path) == "page's file name or path"
    assert_article_only(page("index.html", path))
    # A sentence that names a file is the article's.
    assert chrome_rule("他把首页改成了 index.html。") is None
    assert chrome_rule("index.html 是网站的首页") is None


def test_the_title_with_a_figure_number_is_an_image_caption() -> None:
    # A page captions its pictures with the article's title and the figure's number (标题图1 / 标题(图2)).
    title = "赵一鸣谈芯片:价格战之后,开源会追上闭源"
    raw = "\n".join([title, ARTICLE[0], f"{title}图1", "", ARTICLE[1], f"{title}(图 2)"]) + "\n"
    assert_article_only(raw, title=title)
    # A sentence that starts with the title's words and goes on is the article's.
    sentence = f"{title}图1的说法引发了讨论。"
    assert sentence in clean_page("\n".join([title, ARTICLE[0], sentence, ARTICLE[1]]) + "\n", title=title).text


def test_a_heading_naming_the_background_right_over_the_first_paragraph_is_the_articles() -> None:
    # 访谈背景:… labels what the part under it is about: the article's, though short and before the first paragraph.
    heading = "访谈背景:某模型引发的芯片讨论热潮"
    assert (
        clean_page("\n".join(["发布时间:", heading, *ARTICLE]) + "\n").text == "\n\n".join([heading, *ARTICLE]) + "\n"
    )
    # A page's field line there (文章来源:…) is not.
    assert_article_only(page("发布时间:", "文章来源:某某科技"))


def test_a_timelines_dated_heading_right_over_the_first_paragraph_is_the_articles() -> None:
    # A timeline heads each part with a few words and its day (起因:3月2日); the first, over the first paragraph, is
    # the article's like the ones after it, not a line before the article.
    first, second, third = "起因:3月2日", "转折:3月3日下午", "结局:3月5日"
    lines = ["某公司风波始末", first, ARTICLE[0], second, ARTICLE[1], third, "最后,双方达成和解,公司恢复了运营。"]
    assert clean_page("\n".join(lines) + "\n", title="某公司风波始末").text.startswith(f"{first}\n\n")
    # Alone, with no later heading dated so, such a line there is not kept for its shape.
    assert not clean_page(
        "\n".join(["某公司风波始末", first, *ARTICLE]) + "\n", title="某公司风波始末"
    ).text.startswith(first)


def test_a_heading_saying_where_the_telling_starts_right_over_the_first_paragraph_is_the_articles() -> None:
    # 从“某某”说起 heads the article's first part, under the poster's name and time: the article's, though short.
    heading = "从“一句玩笑”说起"
    assert (
        clean_page("\n".join(["用户_1234", "3小时前", heading, *ARTICLE]) + "\n").text
        == "\n\n".join([heading, *ARTICLE]) + "\n"
    )
    # A site's label there is not.
    assert_article_only(page("用户_1234", "3小时前", "芯片 对话"))


def test_a_bare_heading_naming_the_background_right_over_the_first_paragraph_is_the_articles() -> None:
    # The same heading with no colon and nothing after it (活动背景 / 会议背景) is the article's too.
    heading = "会议背景"
    assert (
        clean_page("\n".join(["发布时间:", heading, *ARTICLE]) + "\n").text == "\n\n".join([heading, *ARTICLE]) + "\n"
    )
    # A short line that only ends in such a word after a longer name is not (某某科技公司的合作背景).
    assert_article_only(page("发布时间:", "某某科技有限公司合作背景"))


def test_a_line_of_dates_a_site_and_a_byline_is_a_date_line_however_long() -> None:
    # Two dates, a time and a site's byline glued together: longer than a short line, yet no sentence.
    line = "date 2024-03-01 某某财经网编译记者赵一鸣 2024-03-01 12:50"
    assert len(line) > 40
    assert chrome_rule(line) == "date line"
    assert_article_only(page(line))
    # A dated sentence is the article's.
    assert chrome_rule("2024-03-01 赵一鸣表示,芯片明年会降价到一半以下,他很有把握。") is None


@pytest.mark.parametrize(
    "line",
    [
        "暂无访问",
        "暂无评论",
        "还没有评论,快来抢沙发!",
        "暂无浏览记录",
        "还没有评论,快来抢沙发吧!",
        "暂无留言,快来评论吧",
    ],
)
def test_a_widgets_empty_state_is_chrome(line: str) -> None:
    assert chrome_rule(line) == "widget's empty state"
    assert_article_only(page(chrome_after=(line,)))
    assert chrome_rule("暂无评论功能的网站,用户反馈更少。") is None


def test_a_summary_line_above_the_article_is_the_sites_even_when_the_lead_does_not_repeat_it() -> None:
    # A portal prints its own summary of the article (摘要:…) above the text: chrome, whether or not the lead repeats it;
    # the page's date line under it is before the article too.
    summary = "摘要:这场对话谈了芯片的未来,也谈了模型的价格。"
    result = clean_page("\n".join([summary, "2024-05-03 10:20", *ARTICLE]) + "\n")
    assert result.text == "\n\n".join(ARTICLE) + "\n"
    assert "site's summary line above the article" in {d.rule for d in result.dropped}
    # A paper's abstract, over its keywords, is the author's; so is a 摘要: line inside the article.
    paper = ["摘要:本文讨论大模型的训练成本,并给出一种估算方法。", "关键词:大模型;训练成本", *ARTICLE]
    assert paper[0] in clean_page("\n".join(paper) + "\n").text
    inside = [ARTICLE[0], summary, ARTICLE[1]]
    assert summary in clean_page("\n".join(inside) + "\n").text


def test_a_line_telling_who_gave_a_talk_in_the_paragraph_befores_words_is_a_caption() -> None:
    told = "某某科技董事长兼CEO赵一鸣以视频连线的方式为大会助阵。他说,芯片三年内能追上来。"
    other = "另一位嘉宾钱多多则来到了现场。她认为,开源会赢。"
    caption = "某某科技董事长兼CEO赵一鸣则以视频连线的方式发表讲话"
    raw = "\n\n".join([ARTICLE[0], told, caption, other, ARTICLE[1]]) + "\n"
    result = clean_page(raw)
    assert [d.text for d in result.dropped] == [caption]
    assert result.text == "\n\n".join([ARTICLE[0], told, other, ARTICLE[1]]) + "\n"
    # A heading over the paragraph that tells of the talk shares its words with the paragraph after it: it stays.
    heading = "某某科技董事长赵一鸣发表主题演讲"
    raw = "\n\n".join([ARTICLE[0], other, heading, told, ARTICLE[1]]) + "\n"
    assert heading in clean_page(raw).text


def test_a_lists_inline_bullets_go_on_lines_of_their_own() -> None:
    # A saver ran a page's paragraphs and its " * " list into one line: each item from its bullet to the first sentence
    # end a blank follows (the lost line break), the intro before the first and the text after the last on lines too.
    intro = "节目回顾了那次对话。那时嘉宾就有一些观点,包括:"
    items = ["* 芯片三年内能追上。", "* 价格战不会持续,开源会赢。模型会越来越便宜。"]
    after = "在公司成立的那年,他写过一篇文章。"
    result = clean_page(" ".join([intro, *items, after]) + "\n")
    assert result.text == "\n\n".join([intro, *items, after]) + "\n"
    assert clean_text(" ".join([intro, *items, after]) + "\n", result.rules) == result.text
    assert result.rules_mapping()["isolate_spans"]
    # One bullet, or a star inside a sentence (3 * 4 = 12), is no list to split.
    one = f"{intro} {items[0]} {after}\n"
    assert clean_page(one).text == one
    formula = "他算了一下: 3 * 4 = 12,再乘以 2 * 5,就是一百二十。\n"
    assert clean_page(formula).text == formula


def test_a_date_with_its_fields_set_off_by_bars_is_chrome_however_wide_its_blanks() -> None:
    # The blanks around the bars make the line longer than the short lines' rules read (分享到 among them).
    line = "2024年05月06日 10:20 | 作者:王小明 | 来源:某某新闻网 分享到:"
    assert chrome_rule(line) == "date and field line"
    assert_article_only(page(line))
    # A dated sentence with one colon is the article's.
    assert chrome_rule("2024年05月06日 10:20 | 赵一鸣说:芯片明年会降价到一半以下") is None


def test_a_heading_ending_in_a_colon_over_the_articles_first_lines_is_the_articles() -> None:
    # A roundtable's guest list under its heading (对话嘉宾(以姓氏笔画为序):): the first guest's line, long with his posts,
    # is where the article starts, and the heading right over it introduces it. (Guests' lines all short, before the
    # first paragraph, are not reached by this rule.)
    heading = "对话嘉宾(以姓氏笔画为序):"
    guests = [
        "王   明 某某大学公共管理学院长聘副教授 某某大学省部共建人工智能协同创新中心研究员 某某研究院兼职研究员",
        "钱多多 某某科技有限公司创始人",
    ]
    raw = "\n\n".join(["首页 > 杂志 > 2025年第5期", heading, *guests, *ARTICLE]) + "\n"
    result = clean_page(raw)
    assert result.text == "\n\n".join([heading, *guests, *ARTICLE]) + "\n"
    # A widget's short label right over the article is not such a heading.
    assert_article_only(page("猜你喜欢:"))
    # Nor is a bracketed note alone with its colon, a text generator's leftover right over the first paragraph.
    assert_article_only(page("(由几段文字组成):"))


def test_a_guest_list_of_short_lines_under_its_heading_before_the_first_paragraph_is_the_articles() -> None:
    # A magazine's round-table (in traditional characters): under its heading, each guest's name, spaced out to line
    # up, and post on a short line of its own, all before the first turn. A title passed in leaves them all before the
    # article's first paragraph, where short lines are the page's; these are the article's.
    title = "算力之爭,誰來定義下一代計算?"
    heading = "對話嘉賓(按姓氏筆畫排序):"
    guests = ["王　明　某某科技董事長", "孫　立　某某資本合夥人", "錢多多　某某大學教授"]
    raw = "\n\n".join(["首頁 > 雜誌 > 某年第9期", title, heading, *guests, *ARTICLE]) + "\n"
    result = clean_page(raw, title=title)
    assert result.text == "\n\n".join([heading, *guests, *ARTICLE]) + "\n"
    assert clean_text(raw, result.rules) == result.text
    # …and so is the article's first section heading between the last guest and the first paragraph.
    raw = "\n\n".join([title, heading, *guests, "算力之爭", *ARTICLE]) + "\n"
    assert clean_page(raw, title=title).text == "\n\n".join([heading, *guests, "算力之爭", *ARTICLE]) + "\n"
    # One name line under a colon is no list: a widget's label and a caption stay the page's.
    raw = "\n\n".join([title, "本期封面人物介紹如下:", "王　明　某某科技董事長", *ARTICLE]) + "\n"
    assert clean_page(raw, title=title).text == "\n\n".join(ARTICLE) + "\n"


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # A picture's credit under it: a few words, a blank, 图 / 摄影, a slash and where it came from.
        ("赵一鸣 图/受访者提供", "picture's credit"),
        ("大会现场 摄影/某某网", "picture's credit"),
        # …or a few words, a blank, and who gave the picture run into 供图, no slash.
        ("湖畔新修的观鸟栈道  讲解员供图", "picture's credit"),
        ("智能温室的一角 某合作社供图", "picture's credit"),
        # A breadcrumb whose separators the page's encoding turned into question marks between blanks.
        ("首页  ?  科技  ?  科技要闻", "breadcrumb"),
        ("首頁 ? 財經 ? 要聞", "breadcrumb"),
        # A spam site's bait, seven phrases joined by commas, some with 在 / 综合 in them.
        (
            "某某六月,某某自拍,久久精品影院,某某综合在线观看,某某无码在线,2019精品视频,精品第一页在线",
            "keyword line joined by commas",
        ),
    ],
)
def test_a_picture_credit_a_breadcrumb_with_lost_separators_and_a_long_keyword_line_are_chrome(
    line: str, rule: str
) -> None:
    assert chrome_rule(line) == rule
    assert_article_only(page(line))


@pytest.mark.parametrize(
    "line",
    [
        # A photographer's credit under the picture, a line of its own: the name (or names), then 摄 / 供图.
        "赵一鸣 摄",
        "钱多多摄",
        "记者 赵一鸣 钱多多 摄",
        # The outlet's name before 记者, in either script.
        "某城晚报记者 赵一鸣 摄",
        "某城晚報記者 趙一鳴 攝",
    ],
)
def test_a_photographers_credit_alone_is_chrome(line: str) -> None:
    assert chrome_rule(line) == "picture's credit"
    assert_article_only(page(line))


@pytest.mark.parametrize(
    "line",
    [
        "日韩国产精品午夜在线观看,某某一区二区三区影院,成人无码免费视频网站",
        "国产精品久久久久影院,日韩AV无码专区,某某午夜福利视频",
        # A phrase with 的 in it (…免费观看的AV网站): still bait, by its two bait words.
        "某某国产精品蜜桃,可以直接免费观看的AV网站,某某高清免费完整版,某某免费影片",
    ],
)
def test_a_spam_sites_bait_of_few_long_phrases_is_chrome(line: str) -> None:
    # Three or four phrases only, but two or more hold the bait's own words (无码 / 一区二区 / 午夜福利 / 国产精品 ...).
    assert chrome_rule(line) == "keyword line joined by commas"
    assert_article_only(page(line))


@pytest.mark.parametrize(
    "line",
    [
        "精品课程在线观看,优质内容免费学习,一起成长",
        "中国精品制造,一区一策,在线观看人数突破百万",
        "国产精品牌崛起,成人教育市场扩大,午夜经济活跃",
        "他说,国产精品牌的口碑在上升,在线观看人数也翻了一番",
    ],
)
def test_a_short_comma_list_with_a_bait_word_or_less_stays(line: str) -> None:
    assert chrome_rule(line) is None


@pytest.mark.parametrize("line", ["赵一鸣拍摄", "他在现场摄", "我们 摄"])
def test_lines_like_a_photographers_credit_stay(line: str) -> None:
    assert chrome_rule(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "赵一鸣说 图/文是两回事,我们一起看。",
        "首页?",
        "他在北京,在上海,在广州,在深圳,在杭州,在成都,在武汉。",
        "他去过北京,上海,广州,深圳,杭州,成都,武汉,都是他的市场",
    ],
)
def test_sentences_like_a_credit_a_breadcrumb_or_a_keyword_line_stay(line: str) -> None:
    assert chrome_rule(line) is None


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("(某某日报)", "outlet's name in brackets"),
        ("（某某晚报）", "outlet's name in brackets"),
        ("Loading...", "loading placeholder"),
        ("加载中…", "loading placeholder"),
        (
            "作者 | 發布日期 2025 年 01 月 02 日 8:30 | 分類 AI , 職場 line share Linkedin share follow us in feedly",
            "share buttons",
        ),
    ],
)
def test_a_bracketed_outlet_a_loading_placeholder_and_share_buttons_are_chrome(line: str, rule: str) -> None:
    assert chrome_rule(line) == rule
    assert_article_only(page(line))


def test_sentences_like_a_bracketed_outlet_or_share_buttons_stay() -> None:
    # A note in brackets names no outlet; a sentence that mentions one share button, or ends with a full stop, stays.
    for line in [
        "(注:以上数据来自某某日报)",
        "(完)",
        "赵一鸣说,他每天都会在 LinkedIn share 一篇文章。",
        "Loading 速度是这款芯片的短板,赵一鸣表示明年会改进。",
    ]:
        assert chrome_rule(line) is None, line


@pytest.mark.parametrize(
    "line",
    [
        "请更新您的浏览器",
        "您使用的瀏覽器版本較舊,已不再受支援。建議您更新瀏覽器版本,以獲得最佳使用體驗。",
        "本网站使用Cookie,继续浏览即表示您同意我们的隐私权政策。",
        "我們已更新隱私權政策,請點擊了解詳情。",
        "Please upgrade your browser to continue.",
        "We use cookies to improve your experience. By continuing you agree to our use of cookies.",
    ],
)
def test_a_sites_notice_on_the_readers_browser_or_cookies_is_chrome_even_with_full_stops(line: str) -> None:
    assert chrome_rule(line) == "site's notice to the reader (browser, cookies, privacy, edition)"
    # Above the article, the notice is not where it starts: the section label after it is still the page's.
    assert_article_only(page(line, "财经"))


def test_sentences_on_browsers_cookies_or_privacy_stay() -> None:
    # The article's sentences address no reader, or give a person's words.
    for line in [
        "某公司宣布将逐步淘汰第三方Cookie,以保护用户隐私。",
        "赵一鸣表示,建议您更新浏览器,以免受到攻击。",
        "新版浏览器不再支持旧插件,开发者需要尽快迁移。",
        "你可以在隐私政策里找到答案,赵一鸣说。",
    ]:
        assert chrome_rule(line) is None, line


def test_a_teaser_with_its_summary_label_glued_on_and_the_logo_under_it_are_chrome() -> None:
    # The portal's summary box: its label glued to the article's opening, cut with an ellipsis; the site's logo text
    # under it is still before the article.
    assert_article_only(page("摘要李开复认为,Infra 团队必须比模型团队更强。他表示……", "somesite"))
    # A line ending with an ellipsis that repeats nothing of the text is no teaser.
    result = clean_page(page("摘要某某大会今天开幕,来自各地的嘉宾齐聚一堂……"))
    assert result.text.startswith("摘要某某大会今天开幕")


def test_a_caption_right_under_a_picture_on_a_page_of_blank_separated_paragraphs_is_chrome() -> None:
    caption = "某公司新总部将落于某园区,在此之前选址一直是各方焦点,一旦建成,可见工作机会增加。"
    raw = f"某某网\n\n{ARTICLE[0]}\n\n总部_2024-05-19_某某摄影_ (8).jpg\n{caption}\n\n{ARTICLE[1]}\n"
    result = clean_page(raw)
    assert result.text == "\n\n".join(ARTICLE) + "\n"
    assert clean_text(raw, result.rules) == result.text
    # A page that runs its paragraphs line after line keeps the one under the picture.
    line_after_line = (
        f"{ARTICLE[0]}\n总部_2024-05-19_某某摄影_ (8).jpg\n{caption}\n{ARTICLE[1]}\n第三段话在这里,明年再说。\n"
    )
    assert caption in clean_page(line_after_line).text
    # So does a page of blank-separated paragraphs with a person's words right under the picture.
    said = "赵一鸣表示,新总部一旦建成,可见工作机会增加。"
    assert said in clean_page(raw.replace(caption, said)).text


def test_a_news_sites_banners_above_the_article_are_chrome() -> None:
    # A wire service's page: a privacy banner, a cookie notice, the prompts for its editions in other languages, an app
    # button and an app line, then the section label; the notices end with full stops or question marks, so none of them
    # may be taken for the article's first paragraph.
    banners = (
        "我們已更新隱私權政策,請點擊了解詳情。",
        "本網站使用Cookie,繼續瀏覽即表示您同意我們使用Cookie。",
        "您是否要前往日文版?",
        "Would you like to switch to the English edition?",
        "下載",
        "下載某某社App,隨時掌握新聞",
        "科技",
    )
    assert_article_only(page(*banners))
    for line in ["用户可切换至英文版界面。", "他下载了这个App。", "赵一鸣说,你可以切换到英文版试试。"]:
        assert chrome_rule(line) is None, line


def test_a_search_box_with_its_terms_is_chrome_however_long() -> None:
    # A spam portal writes out its search box: the label, then junk terms set apart by wide gaps, longer than a short
    # line and with no full stop, so it had become the article's first paragraph.
    search = "快捷搜索:  as  www.example.cn  xxx  88952634+  bitcoin bear  bear market  S`(  crypto marke"
    assert_article_only(page(search, "某某网首页"))
    assert chrome_rule("热门搜索:  大模型  芯片  人工智能") == "site's search box and its terms"
    # A portal's trending bar of paid search terms, a word and a blank before its label.
    for bar in ["推广 热搜: 青岛  二手叉车  办公家具  钢结构厂房  不锈钢水箱", "今日热搜:  咖啡机  露营帐篷  电动牙刷"]:
        assert chrome_rule(bar) == "site's search box and its terms", bar
    # A sentence about searching, its words spaced out, stays text.
    for line in ["他说:  我们要搜索  更多的  数据。", "搜索:大模型", "百度搜索:  用户的需求  正在变化,  这是趋势"]:
        assert chrome_rule(line) is None, line


def test_a_byline_of_several_labels_joined_by_a_mark_is_chrome_anywhere() -> None:
    # "访谈、撰文:" / "文、图:" join the labels of one byline; under the lede, where no line is before the article, the
    # byline rule alone must drop it.
    for byline in ["访谈、撰文:钱多多 孙立", "文、图:钱多多", "采访/整理:孙立"]:
        raw = f"{ARTICLE[0]}\n\n{byline}\n\n{ARTICLE[1]}\n"
        assert chrome_rule(byline) == "byline", byline
        assert_article_only(raw)
    # A picture's label alone (图:…) is still a caption's, and a sentence that starts with such words stays text.
    assert chrome_rule("图:钱多多") != "byline"
    assert chrome_rule("文、图、声音,都是模型要理解的东西。") is None


def test_an_interviewers_short_question_after_its_label_is_no_byline() -> None:
    # 记者:…? opens like a byline but asks a question: the interview's turn, kept; a byline never asks.
    for question in ["记者:为什么大公司这么容易把赚钱放在第一位?", "记者:芯片还会涨价吗?"]:
        assert chrome_rule(question) is None, question
    assert chrome_rule("记者:钱多多") == "byline"


def test_an_interviewers_label_alone_on_its_line_is_no_byline() -> None:
    # The interview puts each turn's words on the line after its label: 记者: names nobody, so it is no credit.
    assert chrome_rule("记者:") is None
    assert chrome_rule("记者 :") is None
    assert chrome_rule("记者:钱多多") == "byline"


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("某协会会长、某公司董事长赵一鸣。图片来源:受访者提供。", "photo caption with its source after the full stop"),
        ("文/钱多多 由某某杂志授权转载", "reprint licence"),
        ("本文导览", "table of contents label"),
        ("文章目录", "table of contents label"),
        ("- ·某地发布新规,明年起全面推行", "related-links item"),
    ],
)
def test_a_captions_source_a_reprint_licence_a_contents_label_and_related_links_are_chrome(
    line: str, rule: str
) -> None:
    assert chrome_rule(line) == rule
    # Between two paragraphs of the article, where no rule for lines before or after the text reaches it.
    assert_article_only("\n".join([ARTICLE[0], line, ARTICLE[1]]) + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "他说,这张图片来源:网络。其实不对。",  # two sentences of the article, the first not a caption
        "目录是这本书最难写的部分。",
        "- 模型的能力来自数据。",  # the article's own list: one mark
        "他强调,这份报告经各方授权转载后引起了讨论。",
    ],
)
def test_sentences_holding_a_credit_a_contents_word_or_a_list_mark_stay(line: str) -> None:
    assert chrome_rule(line) is None


@pytest.mark.parametrize(
    "line",
    [
        # A caption of one sentence, then who gave or took the picture before 供图 / 摄 after its full stop.
        "某某论坛上,某大学教授赵一鸣致辞。某某学会 供图",
        "钱多多在发布会上介绍新产品。孙立 摄",
        # The agency and the photographer's role before the name.
        "3月2日,钱多多在某某大会上致辞。某某社记者 孙立 摄",
        "钱多多在发布会上介绍新产品。记者 孙立 摄",
        # The body that gave the picture before a bare 提供, in either script.
        "某某展览开幕典礼。某某协会提供",
        "某某展覽開幕典禮。某某協會提供",
        # The role before the name, the name run into 摄 with no blank, after a picture's marker.
        "▲某某公司创始人钱多多作主题报告。某某融媒记者 孙立摄",
        # No role and no blank: a name with its family name run into 摄, in either script.
        "某某部长钱多多于校长会议专题演讲。孙小立摄",
        "某某部長錢多多於校長會議專題演講。孫小立攝",
        # The credit written as a sentence of its own, with its own full stop, the giver in Latin letters or Han.
        "某某董事长钱多多今天主持开幕式。ABC提供。",
        "某某董事長錢多多今天主持開幕式。某某協會提供。",
        "钱多多在发布会上介绍新产品。孙立 摄。",
    ],
)
def test_a_caption_with_who_gave_the_picture_after_its_stop_is_chrome(line: str) -> None:
    assert chrome_rule(line) == "photo caption with its credit after the full stop"
    assert_article_only(page(line))


def test_a_sentence_ending_in_a_shot_taken_stays() -> None:
    for line in [
        "他认为芯片明年会降价。这张照片由他拍摄",
        "他说模型会更便宜。我们一起去拍摄",
        "他认为芯片明年会降价。数据由某公司提供",
        "他说模型会更便宜。我们免费提供",
        "他说明年再来。于是拍摄",
        "他说明年再来。高空航摄",
        "他认为芯片明年会降价。数据由某公司提供。",
        "他说模型会更便宜。我们免费提供。",
        "他说模型会更便宜。价格明年下降。某某提供。",
    ]:
        assert chrome_rule(line) is None, line


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # Who holds the rights and under which licence the page runs.
        ("著作权归作者所有。商业转载请联系作者获得授权,非商业转载请注明出处。", "rights or licence notice"),
        ("本文版权归原作者所有", "rights or licence notice"),
        ("本作品采用知识共享署名-非商业性使用 4.0 国际许可协议进行许可。", "rights or licence notice"),
        ("© 某某网 All Rights Reserved", "site stamp"),
        ("All Rights Reserved", "rights or licence notice"),
        ("本文采用 CC BY-NC-SA 4.0 协议", "rights or licence notice"),
        # A site's footer claiming the pieces it marks as its own, numbered and cut off before its end.
        (
            "② 凡本网标明“来源:某某科技网”的文字与图片,版权均归本网所有,未经书面许可,任何单位不得",
            "rights or licence notice",
        ),
        ("凡署名为本报记者的稿件,著作权属于本报所有。", "rights or licence notice"),
        # A link to the site's page on an event, and a link to the story's video.
        ("2024某某人工智能大会专题", "event's topic link"),
        ("【视频】某某谈大模型的未来", "video link"),
        ("视频:某某谈大模型", "video link"),
        ("点击观看完整视频", "video link"),
    ],
)
def test_a_rights_notice_an_events_topic_link_and_a_video_link_are_chrome(line: str, rule: str) -> None:
    assert chrome_rule(line) == rule
    assert_article_only(page(line))


def test_sentences_on_rights_events_and_video_stay() -> None:
    for line in [
        "首页的推荐位>搜索结果,他说这是用户习惯的变化。",
        "正在阅读这篇报告的读者会发现:模型更便宜了。",
        "(原标题里的说法是,模型会更便宜。)他补充道。",
        "他认为AI生成内容的版权归使用者所有。",
        "文章指出,版权归属仍有争议。",
        "他说,这批老照片的版权属于摄影师本人所有。",
        "他在论坛上说,本次大会专题讨论了算力。",
        "视频生成模型明年会更便宜。",
        "视频:他说明年会更好。",
    ]:
        assert chrome_rule(line) is None, line


def test_a_byline_with_its_date_and_topic_set_off_by_bars_is_chrome() -> None:
    # Too long for the short lines' rules, but a byline label, a date and fields between bars: no sentence.
    assert chrome_rule("本文作者: 钱某某 | 2021-03-02 09:15 | 专题:2021 某某全球智能大会 |") is not None
    assert chrome_rule("作者在文中写道,2021-03-02 的会上 | 大家 | 都同意这一点。") is None


def test_a_posts_field_line_with_its_comment_count_set_off_by_bars_is_chrome() -> None:
    # The site's address, the date and time and the author, the count of comments and the link to them, between bars:
    # no byline's label, too long for the short lines' rules, and no sentence.
    line = "www.example.net | 2024-03-05 09:12:30  某某观察 | 12条评论 | 查看/发表评论"
    assert chrome_rule(line) == "post's field line with its comments"
    assert_article_only(page(line))
    # A sentence that counts comments, with a date, stays.
    assert chrome_rule("2024-03-05 那篇文章 | 收到了 12条评论 | 大家都同意这一点。") is None


def test_a_columns_line_about_itself_is_chrome() -> None:
    # A repost opens with the column's line saying what it shares: the column's, not the article's.
    line = "X Notes 是某某资本分享行业观察的栏目。"
    assert chrome_rule(line) == "column's line about itself"
    assert_article_only(page(line))
    # A sentence of the article about someone's column stays.
    for sentence in ["这是他在报上分享读书心得的专栏。", "他说,那是某某报打造的栏目。"]:
        assert chrome_rule(sentence) is None, sentence


def test_a_dashed_subtitle_under_the_title_is_kept_and_a_next_issue_notice_is_dropped() -> None:
    # A paper's column: the title, its second line opened by a dash, then the notice of the next issue's topic (run
    # on over a second line ending in a question mark), then the contributors.
    page = (
        "第05版:科技周刊\n\n"
        "机器能不能批改作文\n"
        "——大模型真能“读懂”学生吗?(下)\n"
        "下期话题:寒假里的孩子们\n"
        "每天该看几小时屏幕?\n\n"
        "柯润生\n\n"
        "我试过让大模型批改作文,它挑出的错别字很准,但读不出孩子文字里的情绪。\n"
    )
    result = clean_page(page, title="机器能不能批改作文")
    assert "——大模型真能“读懂”学生吗?(下)" in result.text
    assert "下期话题" not in result.text
    assert "每天该看几小时屏幕?" not in result.text
    assert "柯润生" in result.text
    assert "我试过让大模型批改作文" in result.text


def test_a_papers_header_block_over_its_headline_repeated_with_a_column_tag_is_the_articles() -> None:
    # A paper's piece: the page's title, then the print header (the paper's name and date, the kicker), then the
    # headline again with the column's tag in brackets after it. The headline so tagged is the text's, not a page's
    # line before it, and so are the short lines between the title and it.
    title = "机器人进了后厨,厨师们慌了吗?"
    header = [
        "某某晚报2031-05-06",
        "第七届某某餐饮博览会上机器人备受关注",
        "机器人进了后厨,厨师们慌了吗?(观察·某某新动向)",
    ]
    raw = "\n\n".join([title, *header, *ARTICLE]) + "\n"
    result = clean_page(raw, title=title)
    assert result.text == "\n\n".join([*header, *ARTICLE]) + "\n"
    assert clean_text(raw, result.rules) == result.text
    # With a site's line among them (a breadcrumb), the lines are the page's, as without the tagged headline.
    raw = "\n\n".join([title, "首页 > 生活 > 正文", *header[:2], *ARTICLE]) + "\n"
    assert clean_page(raw, title=title).text == "\n\n".join(ARTICLE) + "\n"
    raw = "\n\n".join([title, "首页 > 生活 > 正文", *header, *ARTICLE]) + "\n"
    assert "某某晚报2031-05-06" not in clean_page(raw, title=title).text


def test_a_kicker_right_over_the_title_is_kept_and_a_label_over_it_is_dropped() -> None:
    # A paper's headline in two lines: the kicker (two phrases joined by a comma) right over the title, the site's
    # font-size label over it.
    page = (
        "作者:柯润生 来源:某某日报 发布时间:2024/3/5 10:11:12\n"
        "选择字号:\n"
        "某博物馆举办剪纸展览,学者畅谈传承\n"
        "剪纸能否留住年轻观众\n\n"
        "我带孩子去看过剪纸展,他盯着那幅十二生肖看了很久,却说不出是怎么剪的。\n"
    )
    result = clean_page(page, title="剪纸能否留住年轻观众")
    assert "某博物馆举办剪纸展览,学者畅谈传承" in result.text
    assert clean_text(page, result.rules) == result.text  # the written rules give the same text
    assert "选择字号" not in result.text
    assert "我带孩子去看过剪纸展" in result.text
    # The same line with the article's text right under it, not the title, is still before the article.
    page = "某博物馆举办剪纸展览,学者畅谈传承\n作者:柯润生\n\n我带孩子去看过剪纸展,他看得很入迷。\n"
    assert "剪纸展览" not in clean_page(page, title="剪纸能否留住年轻观众").text


def test_a_sites_policy_on_the_pieces_it_reprints_is_chrome() -> None:
    assert chrome_rule("2.某某科技网遵循行业规范,任何转载的稿件都会明确标注作者和来源") is not None
    assert chrome_rule("3.某某網遵循行業規範,任何轉載的文章都會註明來源") is not None


def test_a_caption_of_two_posts_joined_by_a_comma_and_a_name_that_the_lead_writes_is_chrome() -> None:
    # 某集团党组成员、副总经理某某 under a photo, once, the lead writing the same words inside a sentence.
    page = (
        "某某论坛在京举行。某某集团有限公司党组成员、副总经理钱立新出席论坛并致辞。\n\n"
        "某某集团有限公司党组成员、副总经理钱立新\n\n"
        "钱立新表示,安全必须与大模型的能力同步进阶,这是行业的共识。\n"
    )
    result = clean_page(page)
    assert "\n某某集团有限公司党组成员、副总经理钱立新\n" not in f"\n{result.text}\n"
    assert "钱立新表示,安全必须与大模型的能力同步进阶,这是行业的共识。" in result.text


def test_a_sites_or_brokers_disclaimer_footer_is_chrome() -> None:
    # Its heading alone, the site denying that what it shows is advice and warranting nothing, the item sending the
    # reader to the authority's word, and a repost's labelled disclaimer, in simplified or traditional characters.
    footer = (
        "溫馨提示:",
        "1.本平台所刊載之行情資料僅供參考,不構成任何投資建議,亦不保證其準確性。",
        "2.各項費率請以交易所公告為準。",
        "免责声明:本文系转载,不代表本站立场,文中内容仅供读者参考,如有疑问请与原作者联系,本站对其真实性不作任何保证。",
    )
    assert clean_page(page(chrome_after=footer)).text == "\n\n".join(ARTICLE) + "\n"


@pytest.mark.parametrize(
    "line",
    [
        "他说,公司不保证每一款产品的准确性都能达到百分之百。",
        "赵一鸣表示,具体上市时间请以官方公告为准。",
        "该公司在公告中称,其发布的数据完整可靠。",
        "某公司在用户协议中写明,不保证模型生成内容的准确性。",
    ],
)
def test_a_persons_words_on_warranties_or_notices_are_no_disclaimer(line: str) -> None:
    assert chrome_rule(line) is None


def test_a_speakers_label_a_report_repeats_over_their_words_stays() -> None:
    # A news report quoting one person several times puts the same label (post, name, colon) over each answer: it
    # repeats as chrome does, but it is the article's; a repeated line that labels nothing is still dropped.
    label = "某公司首席执行官 钱多多:"
    answers = ["我这次来的原因是,我们的模型上周刚发布。", "国际交流是一件好事,我相信事情会逐渐恢复正常。"]
    raw = "\n\n".join(["钱多多昨天抵达北京,谈到市场,他毫不吝啬赞扬。", label, answers[0], label, answers[1]]) + "\n"
    result = clean_page(raw)
    assert result.text.count(label) == 2
    assert "repeated line" not in result.counts()
    shared = "分享到微信朋友圈"
    raw = "\n\n".join([*ARTICLE[:1], shared, ARTICLE[1], shared]) + "\n"
    assert shared not in clean_page(raw).text


@pytest.mark.parametrize(
    "line",
    [
        # A caption of a few words (who the picture shows), no sentence, a blank, then the reporter who took it, the
        # outlet before the role and a slash before 摄, or neither.
        "某某研究院院长、某公司创始人钱多多 某某报财经记者赵一鸣/摄",
        "钱多多在论坛现场 记者 赵一鸣 摄",
        # The caption quotes the session's name, a colon and a question mark inside the quotes.
        "某某论坛年会分论坛“AI:发展与安全如何兼顾?” 记者 赵一鸣 摄",
    ],
)
def test_a_caption_with_the_reporters_credit_after_a_blank_is_chrome(line: str) -> None:
    assert chrome_rule(line) == "photo caption with its credit after a blank"
    assert_article_only(page(line))
    # A sentence of the article that tells of a reporter taking pictures stays.
    told = "钱多多笑着说,欢迎大家来拍摄 记者赵一鸣也来了。"
    assert chrome_rule(told) is None


def test_an_english_notice_that_the_browser_lacks_the_script_and_offers_another_edition_is_chrome() -> None:
    # In English, longer than a Chinese notice may be; the site names itself in the edition it offers.
    line = (
        "Your browser does not appear to support Traditional Chinese. Would you like to go to "
        "Some Daily’s English website, “Some Daily Global” ?"
    )
    assert len(line) > 120
    assert chrome_rule(line) == "site's notice to the reader (browser, cookies, privacy, edition)"
    assert chrome_rule("Would you like to go to Some Daily’s Japanese edition?") is not None
    assert_article_only(page(line, "财经"))
    # An English sentence of the article about going somewhere stays.
    assert chrome_rule("He said you could go to the museum’s English tour, which opens next week.") is None


def test_a_request_to_agree_to_the_privacy_rules_before_a_feature_is_chrome() -> None:
    line = "請同意我們的隱私權規範,才能啟用朗讀文章的功能。"
    assert chrome_rule(line) == "site's notice to the reader (browser, cookies, privacy, edition)"
    raw = f"{ARTICLE[0]}\n\n{line}\n\n{ARTICLE[1]}\n"
    assert_article_only(raw)
    # A sentence of the article on privacy rules stays.
    assert chrome_rule("某公司修订了隐私权规范,用户数据将保存在本地。") is None


def test_a_line_in_japanese_on_a_chinese_page_is_chrome() -> None:
    line = "このページは簡体字版です。日本語版「サンプル新聞」に移動しますか。"
    assert chrome_rule(line) == "line in Japanese (the site's prompt for another edition)"
    assert_article_only(page(line, "财经"))
    # A Chinese sentence quoting a Japanese word or a katakana name stays.
    for kept in ["赵一鸣说,日语里“ありがとう”是谢谢的意思,这个词他最常用。", "某公司推出了名为“サンプル”的新产品。"]:
        assert chrome_rule(kept) is None, kept


def test_a_notices_heading_alone_on_its_line_is_chrome() -> None:
    for line in ["特此声明", "特此声明:", "温馨提示"]:
        assert chrome_rule(line) == "notice's heading", line
        assert_article_only(page(chrome_after=(line,)))
    # A sentence of the article that makes a statement stays.
    assert chrome_rule("公司随后发文称,特此声明该产品并未停售。") is None


def test_a_speakers_handle_over_the_first_point_and_the_numbered_topic_over_it_stay() -> None:
    raw = (
        "1. 某种新业务的价值\n\n"
        "Kiro\n\n"
        "观点: 新业务的机会在于直接处理原始数据,这比传统的做法更有价值。\n\n"
        "2. 人的关键能力\n\n"
        "Kiro\n\n"
        "观点: 人的核心能力在于拆解复杂的任务。\n"
    )
    cleaned = clean_page(raw).text
    assert "1. 某种新业务的价值" in cleaned
    assert cleaned.count("Kiro") == 2
    # A label before the article that recurs nowhere on the page is still before the article.
    once = "某某网\n\n观点: 新业务的机会在于直接处理原始数据,这比传统的做法更有价值。\n"
    assert "某某网" not in clean_page(once).text


def test_a_deck_of_speakers_headlines_over_the_first_paragraph_is_the_articles() -> None:
    deck = [
        "年度论坛专题座谈分享",
        "主题:本地产业的展望",
        "主持人:孙立",
        "与谈人:赵一鸣",
        "孙立:本地应聚焦制造业的智能应用",
        "赵一鸣:本地应该扮演区域服务的领航者角色",
    ]
    raw = (
        "\n".join(deck) + "\n"
        "智能技术是产业发展的大趋势。孙立呼吁,发展技术要以人为本;赵一鸣则建议,政府应集中力量发展产业。\n"
    )
    cleaned = clean_page(raw).text
    for line in deck:
        assert line in cleaned, line
    # One headline is no deck: the lines over the first paragraph are still the page's.
    once = "某某网首页\n孙立:本地应聚焦制造业的智能应用\n智能技术是产业发展的大趋势。孙立呼吁,发展技术要以人为本。\n"
    assert "某某网首页" not in clean_page(once).text


def test_a_speakers_headline_over_the_first_section_is_the_articles_when_later_sections_have_one_too() -> None:
    # A roundup whose every speaker's section opens with "name:gist": the first such heading sits over the first
    # paragraph, short and with no stop, and read as the page's lines before the article.
    raw = (
        "孙立:城市交通的转折点\n\n"
        "某大学教授孙立指出,私家车虽非城市拥堵的唯一原因,却放大了原有问题。\n"
        "他强调,交通的关键在于以人为本。\n"
        "赵一鸣:城市交通需回归步行优先\n\n"
        "某公司董事长赵一鸣指出,外卖骑手的激增,让老城区的街道不堪重负。\n"
    )
    cleaned = clean_page(raw).text
    assert cleaned.startswith("孙立:城市交通的转折点\n\n某大学教授孙立指出")
    assert "赵一鸣:城市交通需回归步行优先" in cleaned
    # No later section under a speaker's headline: a name and a colon over the first paragraph stay the page's line.
    once = "孙立:城市交通的转折点\n\n某大学教授孙立指出,私家车虽非城市拥堵的唯一原因,却放大了原有问题。\n"
    assert not clean_page(once).text.startswith("孙立:")


def test_a_contact_footer_of_bare_labels_and_numbers_after_the_article_is_chrome() -> None:
    # The labels end in a colon with nothing after it: no text, so the article ends before them.
    assert_article_only(
        page(chrome_after=("联系我们", "投稿方式 :", "热线:", "(010) 1234 5678", "传 真:", "(010) 1234 5679", "SMS:"))
    )


def test_a_speakers_label_over_the_last_turn_stays() -> None:
    raw = "王强:你怎么看?\n\n李明:\n\n我认为这个行业还很早。\n"
    assert "李明:" in clean_page(raw).text


def test_a_caption_written_twice_over_and_once_more_beside_it_is_chrome() -> None:
    caption = "某公司创始人兼总裁王某首度访问本市。"
    assert_article_only(page(f"{caption} {caption}", caption))


def test_a_short_exclamation_written_twice_stays() -> None:
    raw = "王强表示,这是我们团队最好的一年。\n\n好!好!\n\n他说,明年还会更好。\n"
    assert "好!好!" in clean_page(raw).text


def test_a_line_crediting_who_produced_the_piece_is_chrome() -> None:
    assert_article_only(page("今天的内容由某某传媒和某某财经联合出品。"))
    assert chrome_rule("这部电影由某某影业出品。") is None  # a sentence of the article, not the page's credit


def test_a_prompt_to_download_the_sites_app_for_its_phones_is_chrome() -> None:
    assert_article_only(page(chrome_after=("最新消息请下载某某新闻网 iPhone/ iPad/ Android/",)))


def test_a_caption_opened_by_a_white_triangle_is_chrome_but_a_sentence_after_one_is_not() -> None:
    # A photo's caption under it, opened by △ as others open it by ▲: the person's post and name, or what it shows.
    assert_article_only(page(chrome_after=("△某某市科技局局长赵一鸣", "△本地首个开源模型:某某 V2模型")))
    raw = "\n".join([ARTICLE[0], "△某某公司总裁孙立", ARTICLE[1]]) + "\n"
    assert_article_only(raw)
    # A list item marked by △ that says a sentence is the article's.
    item = "△第一,模型的能力还要再提升一个数量级。"
    assert chrome_rule(item) is None


def test_a_short_last_line_after_the_pages_photo_captions_is_one_more_caption_not_text_cut_short() -> None:
    # Captions with their credits under the text, then one whose credit the page left off: the picture's, too.
    captions = ("嘉宾合照。(记者 赵一鸣摄)", "孙立在会上致辞。(记者 赵一鸣摄)", "一等奖得主")
    assert_article_only(page(chrome_after=captions))
    # Right after the article's last line, the page's last line is still its text cut short.
    cut = "骆某上午听您大会的演"
    assert clean_page(page(chrome_after=(cut,))).text == "\n\n".join([*ARTICLE, cut]) + "\n"


@pytest.mark.parametrize(
    "line",
    [
        # Who stands where in the picture, in brackets after each name ((左) / (右二) / (左起)), no sentence.
        "某某资本合伙人钱多多(左)和某某科技董事长赵一鸣(右)",
        "钱多多（左二）与赵一鸣在签约仪式上",
    ],
)
def test_a_caption_that_places_the_people_in_the_picture_is_chrome(line: str) -> None:
    assert chrome_rule(line) == "photo caption placing its people"
    assert_article_only(page(line))
    # A sentence of the article that tells of a left and a right side stays.
    assert chrome_rule("钱多多(左)和赵一鸣(右)随后在论坛上谈到了算力的价格,他们都认为价格还会下降。") is None


@pytest.mark.parametrize(
    "line", ["某某公司执行长钱多多演讲。孙小立", "某某公司執行長錢多多演講。孫立", "钱多多在开幕式上致辞。 赵一鸣"]
)
def test_a_caption_with_its_photographers_bare_name_after_the_stop_is_chrome(line: str) -> None:
    assert chrome_rule(line) == "photo caption with its photographer's bare name after the full stop"
    assert_article_only(page(line))


def test_a_sentence_then_a_word_that_is_no_bare_name_stays() -> None:
    for line in [
        "他认为芯片明年会降价。王者",  # a verb of saying before it
        "芯片明年会降价,成本也会下降。钱多多",  # a clause: the article's text
        "钱多多说芯片明年会降价。赵一鸣",  # a verb of saying
        "芯片明年会降价。他说",
        "芯片明年会降价。张某在",
    ]:
        assert chrome_rule(line) is None, line


def test_an_interview_whose_first_turn_is_the_reporters_label_on_its_own_line_keeps_every_label() -> None:
    # 记者: opens the page over the first question and labels the later questions too: the interview's, not chrome.
    page = (
        "某议员:推动科技发展\n"
        "记者:\n"
        "本周我们请到了议员钱某某先生。您这两天有没有去大会现场?\n"
        "钱某某:\n"
        "没有去,因为议会的会议一直在开,但我相信大会办得很成功。\n"
        "记者:\n"
        "那您觉得这座城市的吸引力在哪里?\n"
        "钱某某:\n"
        "我觉得是法治和人才,这两样别的地方很难复制。\n"
    )
    result = clean_page(page, title="某议员:推动科技发展")
    assert result.text.count("记者:") == 2, result.dropped


def test_a_web_address_after_a_short_label_is_a_link_line() -> None:
    # A site's accounts listed at the page's foot, each a label, a colon and an address: no sentence.
    assert chrome_rule("Photogram:https://www.photogram.example/some.page/") == "labelled web address"
    assert chrome_rule("官网: www.example.org") == "labelled web address"
    assert chrome_rule("他说:https://example.org 是他最常用的网站。") is None


def test_lines_each_numbered_one_after_the_article_are_link_boxes() -> None:
    # Every related-link box starts its own list at 1: an article's list counts on.
    page = (
        "某市今年将投入更多资金支持科技企业,推动人工智能成为核心产业。\n\n"
        "有初创公司负责人认为,政府在海外推广本地品牌,让他们出海更顺利。\n\n"
        "  1. 更多\n\n"
        "  1. 更多\n\n"
        "  1. 某某案 某甲、某乙、某丙、某丁等人被判刑后提出上诉 律师称会继续为他们争取改判\n"
    )
    result = clean_page(page)
    assert "某某案" not in result.text, result.text
    listed = (
        "团队认为要做好三件事。\n\n1. 先把数据整理好\n\n2. 再训练模型\n\n3. 最后上线\n\n"
        "他们说,这三件事做完之后,产品才算真正可以交给客户使用。\n"
    )
    assert "1. 先把数据整理好" in clean_page(listed).text


def test_a_date_glued_to_the_sites_address_and_name_is_a_stamp_line() -> None:
    # A channel, a date and time, then the site's address and name run together: no sentence.
    assert chrome_rule("智能设备 2025-03-30 03:01www.example.com某某设备网") == "date and site address line"
    assert chrome_rule("2025年3月30日,他在www.example.com上发布了新的模型。") is None


def test_a_prompt_to_subscribe_to_or_follow_the_sites_channel_for_more_is_chrome() -> None:
    assert chrome_rule(">>>订阅某某 VideoSite 频道,查看更多美食、生活资讯影片。") is not None
    assert chrome_rule("追踪某某社交媒体,获得更多生活资讯:") is not None
    assert chrome_rule("关注这个领域的人越来越多,获得更多资金的公司也越来越多。") is None


def test_a_transcript_printed_as_table_rows_loses_its_row_numbers_and_cell_borders() -> None:
    # Each turn closes with the cell's border and the row's number sits on a line of its own: the table's, not the text.
    turns = [
        "王代表某某:(9时15分)好,谢谢主持人,是不是请部长上台?",
        "主持人:好,请部长。",
        "张部长某某:各位好,我们今年已经在三个城市试点了智能客服。",
        "王代表某某:试点的效果如何?",
    ]
    raw = "\n".join(line for i, turn in enumerate(turns) for line in (f"{i} |", f"{turn} |")) + "\n"
    result = clean_page(raw)
    assert [p.strip() for p in result.text.split("\n") if p.strip()] == turns
    # A line or two that closes with a bar on an ordinary page stays as it is.
    plain = "\n".join([ARTICLE[0], "某某 | 某某", ARTICLE[1]]) + "\n"
    assert "某某 | 某某" in clean_page(plain).text


def test_a_field_line_with_comment_and_view_counts_set_off_by_spaces_is_chrome() -> None:
    line = "某某资讯网  8条评论  1203次浏览  2019年04月12日 星期五 09:15"
    assert chrome_rule(line) is not None
    assert_article_only(page(line))
    # A sentence that counts comments and readings keeps its words.
    assert chrome_rule("这篇文章2019年04月12日发出后,收到8条评论、1203次浏览。") is None


@pytest.mark.parametrize("line", ["更加詳細情況,請關注本站最新動態。", "敬请继续关注本网后续报道"])
def test_a_line_asking_the_reader_to_follow_the_site_itself_is_chrome(line: str) -> None:
    assert chrome_rule(line) == "call to action"
    assert_article_only(page(chrome_after=(line,)))


def test_the_site_naming_itself_alone_on_a_line_is_chrome() -> None:
    # 本站 alone between two paragraphs: a picture's credit or a link's label, not a sentence.
    page = (
        "某公司日前举办发布会,宣布新系统全量推送,这是其大模型首次量产上车。\n\n"
        "本站\n\n"
        "据该公司第一季度财务数据显示,总交付量较去年同期增长近两成。\n"
    )
    assert "本站" not in clean_page(page).text
    assert chrome_rule("本站") == "site naming itself"
    assert chrome_rule("本站将于下月起改版。") is None


def test_a_summary_line_over_a_body_labelled_zhengwen_is_the_articles_own_part() -> None:
    # 摘要: / 线索: / 正文:: the page lays the article out in labelled parts, its summary one of them.
    page = (
        "某某财经资讯\n\n"
        "2025-01-02\n\n"
        "摘要:两位研究者就大模型能否实现通用智能展开公开辩论。其中一位认为扩规模的路线根本走不通。\n\n"
        "线索:本次辩论揭示了技术发展的两条核心路径及其潜在投资影响。\n\n"
        "正文:2025年1月,一位研究者在一期播客中公开批评当前人工智能领域的主流技术路线。\n"
    )
    assert "其中一位认为扩规模的路线根本走不通。" in clean_page(page).text
    # Without the body's label, the 摘要: line above the article is the portal's summary.
    assert "其中一位认为" not in clean_page(page.replace("正文:", "")).text


def test_a_post_two_speakers_share_in_a_digest_of_talks_stays() -> None:
    # A digest of talks gives each speaker a card: the name, the post lines, then the talk's words with no verb. Two
    # speakers may hold the same post, so its line repeats as chrome does, but it is the article's; a repeated line
    # under no name stays chrome.
    post = "中国某某学会副会长"
    cards = [
        "某月某日,某论坛在某地举办。嘉宾们围绕主题发表演讲,分享了看法。",
        ["钱多多", "某某大学党委书记", post],
        "高水平大学在发展中形成新的形态,这是我们的共同任务。",
        ["赵一鸣", "某某大学校长", post, "某某科学院院士"],
        "人工智能有力推动科研范式发生深刻变革,正在重塑科研方式。",
    ]
    raw = "\n\n".join("\n".join(c) if isinstance(c, list) else c for c in cards) + "\n"
    result = clean_page(raw)
    assert result.text.count(post) == 2
    assert "repeated line" not in result.counts()
    shared = "分享到微信朋友圈"
    raw = "\n\n".join([*ARTICLE[:1], shared, ARTICLE[1], shared]) + "\n"
    assert shared not in clean_page(raw).text


def test_a_pictures_source_line_made_long_by_latin_credits_is_chrome() -> None:
    line = "图片来源:Jane Roe / Some Agency / Photo Library"
    assert len(line) > 40
    assert chrome_rule(line) == "image caption or placeholder"
    assert_article_only(page(line))
    # A sentence that tells where a picture came from holds a comma or a stop of its own: the article's.
    assert chrome_rule("图片来源:某某在采访中说,这张照片是他十年前在实验室里亲手拍下的,那时团队只有五个人。") is None


def test_lines_broken_at_the_space_beside_a_latin_word_mid_sentence_are_joined_back() -> None:
    # A page whose lines break at no one width but at the space mixed text sets beside a Latin word, mid-sentence
    # (…。而 Jane / Doe 则指出,…): each sentence is one line again, the space kept; a heading stays its own line, and
    # so does the line that ends its sentence.
    raw = "\n".join(
        [
            "Jane Doe 给出了一个判断:后年,无人机赛道会出现一次估值层面的大回调。尽管 Vela",
            "等产品颇受追捧,但 Jane 觉得,创业者的热情会很快冷却,行业会重新评估这一切。而 John",
            "Roe 则指出,无人机赛道是明显的大厂天下,握有渠道和制造能力的 Acme、Globex",
            "以及一些家电企业将拿下主要份额。",
            "观点二:资金的被动追逐",
            "在二级市场,一种奇怪的风气正在扩散,而且越来越多的散户开始模仿。Jane",
            "透露,不少机构即便读不透财报,也只好买进新概念的份额,这让 AI",
            "资本更加集中。",
        ]
    )
    result = clean_page(raw + "\n")
    assert result.text.split("\n\n") == [
        "Jane Doe 给出了一个判断:后年,无人机赛道会出现一次估值层面的大回调。尽管 Vela 等产品颇受追捧,但 Jane 觉得,"
        "创业者的热情会很快冷却,行业会重新评估这一切。而 John Roe 则指出,无人机赛道是明显的大厂天下,握有渠道和制造能力的 "
        "Acme、Globex 以及一些家电企业将拿下主要份额。",
        "观点二:资金的被动追逐",
        "在二级市场,一种奇怪的风气正在扩散,而且越来越多的散户开始模仿。Jane 透露,不少机构即便读不透财报,"
        "也只好买进新概念的份额,这让 AI 资本更加集中。\n",
    ]
    assert clean_text(raw, CleaningRules.from_mapping(result.rules_mapping())) == result.text


def test_short_lines_ending_in_a_latin_name_are_not_taken_for_lines_broken_at_a_space() -> None:
    # A speakers' card: each name on a line of its own, the post under it; no sentence was broken, nothing joins.
    raw = "\n".join(["嘉宾:", "Jane Doe", "某公司 CEO", "John Roe", "某基金合伙人", "Ann Poe", "某实验室研究员 Alex"])
    assert clean_page(raw + "\n").rules.join_at_latin is False


def test_a_guest_label_alone_over_guests_lines_inside_the_article_is_its_heading() -> None:
    # 嘉宾: with nothing after the colon, over guests' lines (a name and a post each) after the article's intro: the
    # heading of the round-table's guest list, the article's; a credit names someone after the label.
    raw = "\n".join(
        [
            "在算力成本持续下降的背景下,三位来自芯片、医疗与教育前线的嘉宾进行了一场直率交流。",
            "",
            "嘉宾:",
            "",
            "钱多多 某某大学常务副院长(规划发展)、统计学系教授",
            "",
            "孙立 某某资本董事总经理",
            "",
            "钱多多:",
            "",
            "我觉得最大的变化是算力变便宜了,年轻人可以更早开始创业。",
        ]
    )
    assert "嘉宾:" in clean_page(raw + "\n").text.split("\n\n")
    assert "嘉宾:某某" not in clean_page("嘉宾:某某\n\n" + raw + "\n").text


def test_a_guest_label_alone_over_guests_with_their_posts_in_brackets_is_its_heading() -> None:
    # 嘉宾: over guests' lines written as a name with the post in brackets after it (钱多多(某某商务局副局长)): the
    # heading of the round-table's guest list, the article's, as with a blank between name and post.
    raw = "\n".join(
        [
            "在房租持续上涨的背景下,本期邀请几位行内人,一起聊聊小店怎样撑下去。",
            "",
            "嘉宾:",
            "",
            "钱多多(某某市某某商务局副局长)",
            "",
            "孙立(店主、面点师)",
            "",
            "钱多多:我觉得最大的变化是房租变贵了,小店得更早开始算账。",
        ]
    )
    assert "嘉宾:" in clean_page(raw + "\n").text.split("\n\n")
    # A name with a short note in brackets (孙立(左)) is a caption's, not a guest's post: the label stays a byline's.
    caption = raw.replace("孙立(店主、面点师)", "孙立(左)")
    assert "嘉宾:" not in clean_page(caption + "\n").text.split("\n\n")


def test_a_guest_label_over_school_heads_and_party_secretaries_is_the_articles_heading() -> None:
    # A school's head (原校长 / 荣誉校长) or a party secretary is a guest's post as much as a dean or a professor is.
    raw = "\n".join(
        [
            "在生源持续减少的背景下,三位来自小学与教研一线的嘉宾聊了聊乡村学校的出路。",
            "主持人:",
            "孙立 某某师范大学文学院教授",
            "嘉宾:",
            "钱多多 某某县教师进修学校党委书记",
            "赵一鸣 某某第五小学原校长",
            "周小舟 某某外国语学校荣誉校长、首任校长",
            "孙立:各位同行,下午好!刚才的分享很有启发,我想先抛出一个问题。",
        ]
    )
    assert "嘉宾:" in clean_page(raw + "\n").text.split("\n\n")


def test_a_caption_ending_in_a_news_agencys_credit_and_photographer_is_chrome() -> None:
    # ▲某某出席 2017 年某论坛,AGENCY/Jane Roe: the Latin credit takes it past a short line, but it is the picture's.
    line = "▲某某出席 2017 年某某世界经济论坛年会开幕式,NEWSWIRE/Jane Roe"
    assert len(line) > 40
    assert chrome_rule(line) == "photo caption with a news agency's credit"
    assert_article_only(page(line))
    # A sentence naming products with a slash is the article's: no agency and photographer's full name after its comma.
    assert chrome_rule("我们对比了市面上的几款大模型,包括GPT/Claude") is None


def test_a_line_naming_a_display_area_of_an_event_the_text_writes_is_a_caption() -> None:
    # 「某某大会」展示区 on a line of its own, the event named in the running text: the photo's caption, no heading.
    before = "截至今年上半年,国内已有超过五十个品牌的车型标配了大模型。"
    after = "这些数据是某某协会会长赵一鸣在9月21日举办的「某某智能汽车大会」上分享的。"
    result = clean_page(f"{before}\n「某某智能汽车大会」展示区\n{after}\n")
    assert result.text == f"{before}\n\n{after}\n"
    assert [d.rule for d in result.dropped] == ["caption naming a display area the text writes"]
    # An area the text never names otherwise is left alone.
    alone = f"{before}\n「某某论坛」展示区\n{after}\n"
    assert "展示区" in clean_page(alone).text


def test_a_site_header_of_blank_separated_channels_ending_on_the_link_home_is_chrome() -> None:
    # The site's long name as its first item takes the bar past a menu's short items; the link home ends it.
    header = "某某省教育和科研信息网 教育新闻 高校动态 教育信息化 下一代网络 EDUNET 返回首页"
    assert chrome_rule(header) == "site header"
    assert_article_only(page(header))
    # A sentence that mentions going home is text.
    assert chrome_rule("他点了一下返回首页,页面就空白了。") is None


def test_a_screenshot_caption_with_its_source_after_the_full_stop_is_chrome() -> None:
    caption = "有网友称“第一批用AI写作业的学生已经出现了”。某某社区平台截图"
    assert chrome_rule(caption) == "screenshot caption with its source after the full stop"
    assert_article_only(page(caption))
    # A sentence on taking a screenshot holds a verb or a measure word before it.
    assert chrome_rule("有网友称“答案很准”。他随手发了一张截图") is None


def test_reporters_credits_run_on_each_with_its_outlet_are_chrome() -> None:
    # Two outlets' reporters on one line, the last name cut short by the page: the story's credits.
    credits = "某江日报全媒体记者 王小明 某江网记者 李"
    assert chrome_rule(credits) == "reporters' byline"
    assert_article_only(page(credits))
    # A sentence about reporters holds a verb between them.
    assert chrome_rule("某某报记者张三采访了记者李四") is None


def test_a_line_naming_who_gave_an_address_with_no_verb_before_it_is_a_caption() -> None:
    # 致辞 right after the post and the name, with no 发表 / 作 before it, under the paragraph that tells of the address.
    told = "某某研究院院长孙立在致辞中表示,算力价格明年还会下降一半。他期待开源模型最终赢下这场竞争。"
    caption = "某某研究院院长孙立致辞"
    raw = "\n\n".join([ARTICLE[0], told, caption, ARTICLE[1]]) + "\n"
    result = clean_page(raw)
    assert [d.text for d in result.dropped] == [caption]
    assert result.text == "\n\n".join([ARTICLE[0], told, ARTICLE[1]]) + "\n"
    # A heading over the paragraph that tells of the address shares its words with the paragraph after it: it stays.
    raw = "\n\n".join([ARTICLE[0], caption, told, ARTICLE[1]]) + "\n"
    assert caption in clean_page(raw).text


def test_a_line_telling_who_gave_a_lecture_in_the_paragraph_befores_words_is_a_caption() -> None:
    # A lecture (讲座) is a talk too: 作专题讲座 under the paragraph that lists who lectured is the photo's caption.
    told = "培训安排很紧凑,某科室研究员钱多多、某中心主任孙立先后作专题讲座。"
    caption = "某科室研究员钱多多作专题讲座"
    after = "孙立主任认为,开源模型最终会赢下这场竞争。"
    raw = "\n\n".join([ARTICLE[0], told, caption, after, ARTICLE[1]]) + "\n"
    result = clean_page(raw)
    assert [d.text for d in result.dropped] == [caption]
    assert result.text == "\n\n".join([ARTICLE[0], told, after, ARTICLE[1]]) + "\n"


def test_a_line_telling_only_the_scenes_mood_with_no_stop_is_a_caption() -> None:
    # 某某展会现场氛围喜庆 alone, no stop: the photo of the scene, as 论坛现场。 is; the article's sentence about the mood stays.
    caption = "展会现场氛围喜庆"
    told = "展会现场气氛喜庆,到场观众三百有余。"
    raw = "\n\n".join([ARTICLE[0], caption, told, ARTICLE[1]]) + "\n"
    result = clean_page(raw)
    assert [d.text for d in result.dropped] == [caption]
    assert result.text == "\n\n".join([ARTICLE[0], told, ARTICLE[1]]) + "\n"


def test_the_headline_printed_again_as_a_part_of_the_title_is_kept_with_its_kicker() -> None:
    # The page's title joins the kicker-less headline and its deck; over the text the headline stands again, junk in
    # brackets set inside its words, under its kicker: both lines are the article's, not a site's lines before it.
    raw = "\n".join(
        [
            "老街面包房开到第十年 夜班师傅换了新人",
            "清晨四(🍞)点的烤箱总是最先热起来",
            "老街面包(🥐)房开到第十年",
            "老街拐角的面包房今年满十岁了。店里的烤箱每天凌晨就开始忙,第一炉面包六点出炉。",
            "店主赵一鸣说,十年里最难的是找到肯上夜班的师傅。",
        ]
    )
    result = clean_page(raw, title="老街面包房开到第十年 夜班师傅换了新人")
    text = result.text
    assert clean_text(raw, result.rules) == text  # the written rules give the same text
    assert "清晨四(🍞)点的烤箱总是最先热起来" in text
    assert "老街面包(🥐)房开到第十年" in text


def test_a_spam_sites_header_of_search_words_above_the_title_is_chrome() -> None:
    # Phrases joined by commas, no stop, over the page's title at its top: the site's search words, not the article.
    header = "周末去哪儿玩攻略大全,家常菜谱做法大全图解,二手自行车交易平台,宠物猫狗领养信息汇总"
    raw = "\n".join([header, "", "大模型人才之争", "", *ARTICLE]) + "\n"
    assert_article_only(raw, title="大模型人才之争")


def test_a_talks_caption_over_the_lede_whose_speakers_posts_the_text_retells_is_chrome() -> None:
    # 某某在某论坛上作报告。 over the lede, the person's posts and name written again below: the photo's caption.
    caption = "某农学院副院长、某种子公司首席顾问、某协会理事钱多多在第三届果树论坛上作报告。"
    lede = "上周,第三届果树论坛在某县召开,与会者讨论了苹果新品种的推广。"
    quoted = "“新品种更耐寒,三年就能挂果。”某农学院副院长、某种子公司首席顾问、某协会理事钱多多表示。"
    raw = "\n\n".join(["苹果新品种上山", caption, lede, quoted]) + "\n"
    result = clean_page(raw, title="苹果新品种上山")
    assert result.text == f"{lede}\n\n{quoted}\n"
    assert clean_text(raw, result.rules) == result.text


def test_a_caption_opened_by_the_triangle_may_say_what_the_picture_shows_before_its_credit() -> None:
    # Two sentences, the second 图为…, then who gave the picture: the triangle marks it as the picture's.
    line = "▲新修的湖边步道成了附近居民的好去处。图为几位老人清晨在步道上打太极。受访者供图"
    assert chrome_rule(line) == "photo caption with its credit after the full stop"
    # Without the triangle, two sentences before a credit-like tail stay the article's.
    assert chrome_rule("新修的湖边步道成了附近居民的好去处。几位老人清晨在步道上打太极。受访者供图") is None


def test_a_dated_wire_caption_of_a_crowd_attending_is_the_pictures() -> None:
    assert chrome_rule("9月14日,与会嘉宾参加“城市与河流”平行论坛。") == "photo caption"
    assert chrome_rule("11月2日,观众在博物馆新馆内参观。") == "photo caption"
    # A sentence with speech in it, a view after a comma, or another subject: the report's.
    assert chrome_rule("11月2日,观众在博物馆新馆内参观并表示很震撼。") is None
    assert chrome_rule("9月14日,与会嘉宾认为,河流治理要靠数据。") is None
    assert chrome_rule("9月14日,某研究院发布了新的河流模型。") is None


def test_an_alt_text_glued_over_a_caption_of_the_scene_goes_with_it() -> None:
    para = "这场讨论持续了一个下午,双方都没有让步。"
    page = f"{para}\n\n{para}再补一句。\n\n城市河流沙龙\n滨江会议中心沙龙现场\n\n\n{para}又一句。\n\n最后一段,大家散场回家。\n"
    kept = clean_page(page).text
    assert "城市河流沙龙" not in kept and "沙龙现场" not in kept
    assert "最后一段,大家散场回家。" in kept
    # The scene alone under a blank line is a heading, and a label over a paragraph is the text's.
    alone = page.replace("城市河流沙龙\n", "")
    assert "滨江会议中心沙龙现场" in clean_page(alone).text
    heading = page.replace("滨江会议中心沙龙现场", "双方的分歧在哪里")
    assert "城市河流沙龙" in clean_page(heading).text


def test_a_second_deck_line_with_a_speakers_colon_under_the_title_is_kept() -> None:
    # A paper's two-part headline: the title, then its second deck line (a phrase, a space, who speaks and a colon
    # before their gist) right over the first paragraph, with no blank line between.
    page = (
        "山城科技节闭幕 市长寄语青年\n"
        "河畔论坛落幕 某集团:開放合作共同繁荣\n"
        "【某报专讯】第三届山城科技节昨天在河畔会展中心闭幕,三天里共有两万名市民入场参观。\n"
        "主办方介绍,明年的科技节将增设青少年编程展区。\n"
    )
    result = clean_page(page, title="山城科技节闭幕 市长寄语青年")
    assert "河畔论坛落幕 某集团:開放合作共同繁荣" in result.text
    assert "山城科技节闭幕 市长寄语青年" not in result.text
    assert "第三届山城科技节昨天" in result.text


def test_a_persons_words_as_a_headline_after_the_text_are_a_related_articles_headline() -> None:
    # The site lists another story under the text, headlined with a name the article writes, a colon and their words.
    related = "李开复:算力价格明年还会再降一半"
    assert_article_only(page(chrome_after=(related,)))
    # In a transcript, whose turns open with a name and a colon, a last turn with no stop is the text cut short.
    turns = ["李开复:Infra 团队必须比模型团队更强。", "孙立:我同意这一点。", "李开复:算力价格明年还会再降"]
    assert clean_page("\n".join(turns) + "\n").text == "\n\n".join(turns) + "\n"
    # A last line naming nobody the article wrote stays the text cut short.
    cut = "赵一鸣:算力价格明年还会再降一半"
    assert clean_page(page(chrome_after=(cut,))).text == "\n\n".join([*ARTICLE, cut]) + "\n"


@pytest.mark.parametrize("line", ["时间:2023-11-02    来源:    人气:", "日期:2023-11-02 人气:58 来源:本站"])
def test_a_field_line_with_a_popularity_count_blank_or_not_is_chrome(line: str) -> None:
    # 人气 is a site's name for the view count beside the date and the source, its value often left blank.
    assert chrome_rule(line) is not None
    assert_article_only(page(line))
    # A sentence about a shop's popularity keeps its words.
    assert chrome_rule("这家小店的人气:一到周末就排起长队。") is None


@pytest.mark.parametrize("line", ["东方晚报首席记者 吴大海 实习生 陈立", "东方晚报首席记者吴大海 实习生陈立"])
def test_reporters_after_their_outlet_and_rank_with_no_dateline_are_a_byline(line: str) -> None:
    # The outlet (and 首席, the reporter's rank) before the roles and names: still the story's credits, no sentence.
    assert chrome_rule(line) == "reporters' byline"
    assert_article_only(page(line))
    # A sentence that says what a reporter did keeps its words.
    assert chrome_rule("东方晚报记者吴大海昨天走访了三家养老院") is None


def test_a_kicker_ending_in_a_dash_right_over_the_title_is_kept() -> None:
    # A two-part headline: the kicker runs on into the title with a dash (当…——), then the title line; the site's title
    # with its name over both.
    page = (
        "老城区停车难怎么破|某某生活网\n\n"
        "  当车位成了“抢手货”——\n\n"
        "  老城区停车难怎么破\n\n"
        "我家楼下的小巷每天晚上七点以后就停满了车,来晚了只能绕着街区转圈。\n"
    )
    result = clean_page(page, title="老城区停车难怎么破")
    assert "当车位成了“抢手货”——" in result.text
    assert clean_text(page, result.rules) == result.text  # the written rules give the same text
    assert "某某生活网" not in result.text
    # The same line with the article's text right under it, not the title, is still before the article.
    page = "当车位成了“抢手货”——\n作者:某某\n\n我家楼下的小巷每天晚上七点以后就停满了车。\n"
    assert "抢手货" not in clean_page(page, title="老城区停车难怎么破").text
