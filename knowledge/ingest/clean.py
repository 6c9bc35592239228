"""Generic cleaning for any saved page: find what is not the article and turn it into cleaning rules.

``clean_page`` decides, line by line, what is site chrome (navigation, breadcrumbs, login and
register lines, forum post headers, user ranks, share buttons, bylines, date lines, repeated
titles, a feed's fold "展开剩余NN%", a repost's "以下内容转载自:", the caption under an image, an image's alt text,
a podcast site's widget labels and people card, a date glued to a bio, a caption line even with a full stop (图为… /
论坛现场。, or a short sentence that retells the sentence beside it), a site's © or www. stamp, the reporters' line,
a labelled breadcrumb with the title glued on, a page's field line (时间:… 来源:… 作者:…), a bare web address, a
credit after a vertical bar (摄影|某某), a site builder's slogan, print and close controls (打印本页 / 【打印】【关闭】), a
dated source line, a section label (科技要闻), an editor's credit ((编辑 某某)), a caption that is only a person's name, a
bare name after the text, a caption ending with its photographer's credit (（某某摄）), a picture's credit alone in
brackets (（图／取自某百科）), a caption with its source after 图 and a colon (某地示意图。(图:某图库)), a portal's generated
summary box (文章摘要, a lead and bullets telling what the article does), its summary line above the article (摘要:…), a forum's register nag (马上注册,…享用更多功能。),
a gallery's alt text (… 第1张), a lone close mark (×), a Latin sign-in widget's line between chrome lines, a caption
with who gave the picture after its full stop (…。某某 供图), a rights or licence notice (本文版权归原作者所有 / CC BY-NC-SA
4.0), a link to a site's event page (…大会专题) and a video link ([视频]…)), which
spans are junk (image file names, CDN URLs with tokens), whether the Discuz! jammer is present and whether the text was
wrapped at a fixed width (a forum mirror's lines broken mid-sentence, joined back into paragraphs). It writes every decision down as :class:`knowledge.cleaning.CleaningRules`
and builds the text with :func:`knowledge.cleaning.clean_text`, so ``corpus archive`` rebuilds
exactly the same text from the same seed, and the curator can edit the rules and run it again.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from knowledge.cleaning import (
    CleaningRules,
    breaks_at_latin_words,
    clean_text,
    join_latin_breaks,
    join_wrapped,
    strip_jammer,
    wrap_width,
)
from knowledge.ingest.speakers import (
    COMPOUND_SURNAMES,
    PINYIN_NOTE,
    SPEECH_VERBS,
    SURNAMES,
    TITLE_BEFORE,
    simplified,
    speaks_first_person,
)

_BLANK = " \t\u00a0\u3000"
# A sentence ends with one of these, perhaps followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[。!?!?…;;](?:[”’」』\"')）】]*)$")
_ANY_PUNCT = re.compile(r"[,，。、:：;；!！?？…]")
# Punctuation of running text: a line whose only punctuation is the list comma 、 is a label or a
# slogan ("为职场人打造专业的产品、运营、交互体系知识库"), not the article's last line.
_TEXT_PUNCT = re.compile(r"[,，。:：;；!！?？…]")
# A jammer run glued to the Latin text before it ("…仅有 2.8%;8 @5 u3 l; g7 p/ Q. z; O$ y% O/ o"), which
# strip_jammer leaves alone because it cannot tell where the text ends: the glued token is taken to be
# one character, and at least three of the run's tokens must hold a symbol (words and numbers do not).
_GLUED_JAMMER = re.compile(r"(?<=[!-~])(?P<run>[!-~](?:[ \u00a0]+[!-~]{1,2}){5,})[ \u00a0]*$")
_MIN_SYMBOL_TOKENS = 3
# A jammer run glued to the start of the text after it ("3 K0 r5 D( q/ @* W1 e5 _4 Z“我们的…"), with no two-space indent
# between them, which strip_jammer leaves alone: runs of one or two printable ASCII characters parted by single spaces,
# the last touching a character that is not ASCII; as at the end, at least three of its tokens must hold a symbol.
_GLUED_JAMMER_START = re.compile(r"^[ \u00a0]*(?P<run>[!-~]{1,2}(?:[ \u00a0]+[!-~]{1,2}){5,})(?=[^\x00-\x7f\u00a0])")
_MIN_JAMMED_LINES, _MIN_JAMMED_SHARE = 3, 0.1
# A page printed as a table's rows (a transcript whose turns each close with the cell's border "… |", the row's number
# on a line of its own between them: "3 |"): the row numbers and the borders are the table's, not the text. Read as a
# table only when most of its lines close with a border and several are bare row numbers, so a stray "a | b |" stays.
_ROW_NUMBER_LINE = rf"^[{_BLANK}]*\d{{1,4}}[{_BLANK}]*[|｜][{_BLANK}]*$"
_ROW_BORDER = rf"[{_BLANK}]*[|｜][{_BLANK}]*$"
_MIN_TABLE_ROWS, _MIN_BORDERED_SHARE = 3, 0.8
# Chrome is short: a line longer than this is never dropped by a line rule.
_SHORT = 40
# A speaker's label on a line of its own, a post (and the company before it), a name and a colon (某公司首席执行官 某某:),
# over the words it hands over: a report that quotes one person several times repeats it, as chrome repeats, but it is
# the article's (the answer under it is that person's).
_SPEAKER_LABEL = re.compile(
    rf"^[^,，。:：;；!！?？“”「」『』]{{0,20}}?{TITLE_BEFORE}[{_BLANK}]*[\u4e00-\u9fff·]{{2,8}}[{_BLANK}]*[:：]$"
)

_IMAGE_NAME = r"(?<![\w/.-])[\w-]{1,80}\.(?:jpe?g|png|gif|webp|bmp)(?:\?[^\s]*)?(?![\w])"
# A line that holds only a file name with spaces and dots in it, as screenshots are named (截屏2024-01-02 10.20.30.png,
# Screen Shot 2024-01-02 at 10.20.30.png): the name above misses it, since it stops at a space or a dot.
_IMAGE_NAME_LINE = r"^[ \t]*[\w][\w .()（）-]{0,80}\.(?:jpe?g|png|gif|webp|bmp)[ \t]*$"
_CAMERA_NAME = r"(?<![A-Za-z0-9_])(?:IMG|DSC|DSCN|P)_\d{3,}(?!\d)"
_MARKDOWN_IMAGE = r"!\[[^\]\n]*\]\([^)\n]*\)"
# A URL to an image, or with a query (CDN links carry tokens: ?x-oss-process=…, &sign=…, wx_fmt=…).
_CDN_URL = r"https?://[^\s)）\]\"'<>]+?(?:\.(?:jpe?g|png|gif|webp|bmp)\b|\?)[^\s)）\]\"'<>]*"

SPAN_RULES: dict[str, str] = {
    "markdown image": _MARKDOWN_IMAGE,
    "image or CDN URL": _CDN_URL,
    "image file name line": _IMAGE_NAME_LINE,
    "image file name": _IMAGE_NAME,
    "camera file name": _CAMERA_NAME,
}

_BREADCRUMB_SEP = "[>›»＞→]"
_BREADCRUMB = re.compile(rf"^[^。!?！？]{{0,40}}?{_BREADCRUMB_SEP}[^。!?！？]*$")
_BREADCRUMB_HOME = re.compile(r"首页|主页|当前位置|您的位置|你的位置|正文|Home|网$|^[^>›»＞→]*网\s*" + _BREADCRUMB_SEP)
_LOGIN = re.compile(
    r"登录|登陆|注册|找回密码|忘记密码|只需一步|快速开始|Sign in|Log in|Sign up|Login|Register", re.IGNORECASE
)
_POST_HEADER = re.compile(
    r"发表于|显示全部楼层|阅读模式|只看该作者|倒序浏览|电梯直达|复制链接|本帖最后由|使用道具|收藏本帖"
    r"|上一主题|下一主题|返回列表|^(?:楼主|沙发|板凳|地板|\d+\s*#|\d+楼)$|查看\s*[:：]\s*\d+|回复\s*[:：]\s*\d+"
)
_USER_RANK = re.compile(
    r"^(?:(?:积分|帖子|主题|精华|金币|威望|贡献|UID|听众|收听|好友|在线时间|注册时间|最后登录)\s*[:：]?\s*[\d\s小时-]*)+$"
    r"|^(?:注册会员|高级会员|中级会员|初级会员|新手上路|论坛元老|金牌会员|银牌会员|版主|超级版主|管理员|禁止发言|Rank:\s*\d+)$"
)
_SHARE = re.compile(
    r"分享到|分享至|分享海报|扫一扫|扫描二维码|长按识别|随意打赏|^打赏$|^收藏$|^点赞|^在看$|^转发$|上一篇|下一篇"
    r"|^(?:相关|推荐|热门|延伸)(?:阅读|文章|推荐)|^评论|^評論|举报|返回顶部|返回首页|提交建议|版权声明|免责声明"
    r"|申请入驻|申請入駐|阅读原文|点击查看|点击进来|关注我们|^\d+\s*/\s*\d+$|^[+＋]\s*收藏本文$|收藏本文"
    r"|转载请|投稿|版权所有|^©|Copyright|本版积分规则|Archiver|手机版|小黑屋"
)
# A feed's fold ("展开剩余93%", scrambled by a synonym spinner into "张开剩余93%", "展开全文", or a link to the whole
# piece in brackets: 【点击看完整全文】) and a repost's hand-over line ("以下内容转载自:", 以下文章來源於…): the page's
# controls and credits, not the article.
_FOLD_OR_REPOST = re.compile(
    r"^(?:[展张]开剩余\s*\d{1,3}\s*%|展开全文|(?:点击)?展开阅读全文)$"
    r"|^[【\[]\s*(?:点击|点我)?(?:看|查看|阅读|观看)?(?:完整全文|全文|完整内容)\s*[】\]]$"
    r"|^以下(?:内容|內容|文章)?(?:转载|轉載|来源|來源|转自|轉自|摘自|选自|選自|节选|節選)(?:自|于|於)?\s*[:：]?\s*\S{0,20}$"
)
# A photo's caption with its credit (▲ 王小川 | 图源:36氪, 某某在现场,图片来源:「某某」拍摄) or an image's
# placeholder left by the page's saver (broken image, [图片]): the picture is not the article.
_IMAGE_CAPTION = re.compile(
    r"图片?(?:来源|来自|源|由)\s*[:：|｜丨]|^(?:图|摄影|摄|供图|配图|题图|图注|图说)\s*[:：|｜丨]|^▲"
    r"|^(?:broken image|image|picture|photo|图片|\[图片\]|【图片】|【资料图】|\[image\])$"
    # An image's format token left where the picture was (format-jpg / image_png).
    r"|^(?:format|image|img|pic)[-_.]?(?:jpe?g|png|gif|webp|bmp)$"
    # A repost's note that its pictures came off the web, to be taken down if they infringe, in its short form
    # (*图片来源网络侵删 / 图片来自网络): the pictures', not the article's.
    r"|^[*※]?\s*图片?(?:来源|来自|源)于?(?:网络|互联网)[,，、]?\s*(?:侵删)?[。.]?$"
    # A caption opened by the white triangle some pages put where others put ▲ (△某某局局长某某 / △某某模型:某某V1),
    # with no sentence's end: a list item marked by △ says a sentence and stays.
    r"|^△[^。!?！？;；]{1,40}$",
    re.IGNORECASE,
)
# Where the picture came from on a line of its own, its label first and only the credits after it, no sentence's
# punctuation (图片来源:Jane Roe / Some Agency / Photo Library): Latin names and slashes take it past a short line.
_LONG_PICTURE_SOURCE = re.compile(r"^图片?(?:来源|来自|源)\s*[:：|｜丨][^。,，;；:：!！?？“”「」]+$")
# A site's menu: four or more short items side by side (产业经济 科技业界 3C数码 … 热点资讯), no punctuation.
# A photo's caption written as a line of its own, even with a full stop: "图为…" (the picture shows …), or a bare
# noun phrase naming the scene (论坛现场。 / 嘉宾合影。): no verb, so no sentence of the article.
_CAPTION_LINE = re.compile(
    r"^图为[^。!?！？]{2,28}[。.]?$|^[^\s,，。、:：;；!！?？“”「」]{1,12}(?:现场|合影|留影)[。.]$"
    # The scene and only its mood, no stop (展馆现场气氛活跃 / 晚会现场氛围喜庆): the photo's, as 论坛现场。 is.
    r"|^[^\s,，。、:：;；!！?？“”「」]{1,12}现场(?:气氛|氛围)[^\s,，。、:：;；!！?？“”「」]{1,4}$"
    # A film's still, a poster or a screenshot named on a line of its own (《某片》剧照 / 某App截图).
    r"|^[^\s,，。、:：;；!！?？“”「」]{1,20}(?:剧照|海报|截图)$"
    # A picture library's credit where the photo was (某报媒资库 / 某社图库 / 某网资料图): the picture's, not the article's.
    r"|^[^\s,，。、:：;；!！?？“”「」]{1,12}(?:媒资库|图库|图片库|资料图)$"
    # What was on show, named as a bare noun phrase (展会上展出的某型无人机。 / 现场展示的机器人): the verb only qualifies
    # the thing shown, so the line says nothing and is the photo's.
    r"|^[^\s,，。、:：;；!！?？“”「」是有将把被]{0,12}(?:展出|展示|陈列|亮相)的[^\s,，。、:：;；!！?？“”「」的是有]{1,10}[。.]?$"
    # A wire photo's caption, dated and telling only that a crowd at the event attended or toured it (6月2日,与会嘉宾参加
    # “某某”分论坛。 / 5月3日,观众在展馆内参观。): the date, a comma, the crowd, one clause with no speech in it. The
    # report's own sentences name who spoke; this line only says what the picture shows.
    r"|^\d{1,2}月\d{1,2}日[,，](?![^。]*(?:表示|说|认为|指出|称|强调|介绍))(?:参会|与会|参展)?(?:嘉宾|代表|观众|来宾|参观者"
    r"|与会者|参会者|市民|游客|学生)们?(?:在|参加|出席|参观|观看|体验)[^。,，!！?？;；:：]{1,30}[。.]$"
)
# A line of a dash, a bullet or stars alone (- / — / * * * / ·), left between a list's items: no text of the article.
# So is a table's or a layout's border left alone under the text (| / ｜ / ¦).
_BARE_SEPARATOR = re.compile(r"^[-—–_*·•=~#|｜¦\s]{1,12}$")
# A site's stamp on its copy (某某网(www.example.cn)©): a copyright sign or a web address on a short line of its
# own, with no running text.
_SITE_STAMP = re.compile(r"[©®Ⓒ]|(?<![\w.])www\.[\w-]+(?:\.[\w-]+)+")
# A site's header: its name and three or more channels set apart by blanks, ending on the link home (某某网 教育 科技 …
# 返回首页), no sentence's punctuation: the page's top bar, though its first item is a long name.
_HEADER_HOME = re.compile(
    r"^[^\s。,，;；:：!！?？“”「」]{1,16}(?:\s+[^\s。,，;；:：!！?？“”「」]{1,16}){3,}\s*返回(?:首页|主页)$"
)
# Items may be set apart by a bar without spaces too (首页|新闻|视频|专访), not by a slash (AI/ML is text).
_MENU = re.compile(r"^[\w\u4e00-\u9fff]{2,6}(?:(?:\s*[|｜/·]?\s+|\s*[|｜]\s*)[\w\u4e00-\u9fff]{2,6}){3,}$")
# A picture's caption that places its people, a position in brackets after a name (某某(左)和某某(右) / 某某（左二）与某某在
# 签约仪式上 / (左起)): where someone stands is the picture's, and a line with no stop and no clause is no sentence.
_PLACED_CAPTION = re.compile(r"[(（](?:前排|后排)?[左右中](?:[一二三四五六七八九]|\d|起)?[)）]")
# A picture's caption numbered by the page (某某在会上发言(图1)): the line ends with the figure's number.
_NUMBERED_CAPTION = re.compile(r"[(（]图\s*\d{1,2}[)）]$")
# A picture's credit alone in brackets, its kind, a slash and where it came from (（图／取自维基百科） / （示意图／某通讯社）
# / (资料照片/某某摄)): the picture's, not the article's.
# The kinds of picture a credit names before its source (示意图/某图库, 资料照/某社).
_PICTURE_KIND = r"(?:示意图|资料图|资料照片?|截图|图片?|照片|摄影)"
_BRACKETED_CREDIT = re.compile(
    rf"^[(（]\s*(?:{_PICTURE_KIND}|翻摄|图文|图源)\s*[／/|｜丨:：]\s*[^()（）。,，]{{1,24}}[)）]$"
)
# A photo's caption of one sentence with where the picture came from after its full stop (某某董事长某某。图片来源:受访者提供。):
# the picture's, though it holds two full stops.
_CAPTION_THEN_SOURCE = re.compile(
    r"^[^。!?！？:：“”「」]{2,40}[。.]\s*图片?(?:来源|来自|源)\s*[:：]\s*[^。,，!?！？]{1,16}[。.]?$"
)
# The kinds of picture a caption ends in after its full stop (资料图片 / 图片 / 照片 …).
_CAPTION_END_KIND = r"(?:资料图片|资料照片?|资料图|图片|照片)"
# A photo's caption of one sentence, then after its full stop only who gave the picture and its kind, no stop after it
# (某某。资料图片 / 某某在会上发言。某某局图片): a paragraph of the article never ends in a picture's kind left hanging;
# a sentence about a picture (…。这是一张图片) holds a verb or a measure word before it.
_KIND_AFTER_CAPTION = re.compile(
    r"^[^。!?！？,，;；:：“”「」『』]{2,60}[。.]\s*(?![^。]*[是的这那一张了])[\u4e00-\u9fff]{0,8}?"
    rf"{_CAPTION_END_KIND}$"
)
# A photo's caption with, after its full stop, who gave the picture and its kind in brackets (某某与某某合影。(某某局图片)):
# the picture's credit, however long the caption that lists its people's posts. A sentence that points to a picture
# (…。(见下方图片)) holds a verb or a pointer before the kind.
_BRACKETED_KIND_AFTER_CAPTION = re.compile(
    r"^[^。!?！？,，;；:：“”「」『』]{2,80}[。.]\s*[(（](?![^)）]*[是的这那一张了见附如下上])[\u4e00-\u9fff]{1,8}?"
    rf"{_CAPTION_END_KIND}[)）]$"
)
# A photo's caption opened by the caption's triangle and ending, after its full stop, in only the picture's kind
# (▲某某在会上,谈到某事。资料图片): the triangle marks it as the picture's, so a comma inside does not make it text.
_MARKED_KIND_AFTER_CAPTION = re.compile(
    rf"^[▲△]\s*[^。!?！？“”「」]{{2,80}}[。.]\s*[\u4e00-\u9fff]{{0,8}}?{_CAPTION_END_KIND}$"
)
# A screenshot's caption: a sentence, quotes and all, then after its full stop only where the screenshot came from and
# 截图 (…说“…”。某某平台截图): a paragraph never ends on a screenshot's credit with no stop; taking one (他截了图 /
# 一张截图) holds a verb or a measure word.
_SCREENSHOT_AFTER_CAPTION = re.compile(
    r"^[^。!?！？]{2,60}[。.]\s*(?![^。]*[是的这那一张了他她])[\u4e00-\u9fff]{1,8}?(?:截图|截屏)$"
)
# A photo's place tag: a place's name, a blank, and its short form made of its own characters in order (某某大学 某大 /
# 政府总部 政总): a tag on a picture, no sentence, since a sentence never repeats its words in shorthand after a blank.
_NAME_WITH_SHORT_FORM = re.compile(r"^(?P<name>[\u4e00-\u9fff]{3,10})[ \u3000]+(?P<short>[\u4e00-\u9fff]{2,4})$")


def _short_form_of(short: str, name: str) -> bool:
    """Whether ``short`` is made of ``name``'s characters in their order, the first one first, skipping some between
    (a name's mere opening after a blank, 我们今天 我们, is a stammer, not a short form)."""
    rest = iter(name)
    return short[0] == name[0] and not name.startswith(short) and all(c in rest for c in short)


# A repost's credit line: the writer after 文/ and the licence to reprint (文/某某 由某刊授权转载), or the licence alone.
_REPRINT_LICENCE = re.compile(r"^(?:(?:文|作者|撰文)\s*[/／]\s*[^\s/／。,，]{1,12}\s*)?(?:由|经)\S{1,20}?授权转载$")
# Who holds the rights to the page and under which licence it runs (本文版权归原作者所有 / 本作品采用知识共享署名 4.0 国际
# 许可协议进行许可 / All Rights Reserved / CC BY-NC-SA 4.0): the site's notice, not the article. The line opens with the
# work it speaks of, or names the licence in its own words; an article's sentence on who owns AI output (他认为生成内容
# 的版权归使用者) opens otherwise.
_RIGHTS_NOTICE = re.compile(
    r"^(?=本文|本作品|本站|本网|文章|著作权|版权)[^。]{0,24}?(?:著作权归(?!属)|版权归(?!属)|许可协议|知识共享|版权属于)"
    r"|All Rights Reserved|(?<![A-Za-z])CC\s?BY(?:-(?:NC|SA|ND))*(?:\s*\d\.\d)?(?![A-Za-z])"
    # A site's footer claiming the rights to the pieces it marks as its own, perhaps a numbered item and cut off before
    # its end (② 凡标明出自本站的作品,其版权一律归本站所有 未经许可…): the site names itself (本网 / 本站) as the
    # owner; an article's sentence on who owns a work names the owner otherwise.
    r"|(?:版权|著作权)[^。,，]{0,3}?(?:归|属)于?(?:本站|本网|本刊|本报|本平台|本社)所有"
)
# A link to the page the site keeps on an event (2024世界人工智能大会专题), a line of its own with no punctuation.
_EVENT_TOPIC_LINK = re.compile(r"^[^\s。,，:：;；!！?？“”「」]{0,20}(?:大会|峰会|论坛|博览会|展会|年会)专题$")
# A link to the video of the story, a line of its own ([视频]某某谈… / 视频:某某谈… / 点击观看视频).
_VIDEO_LINK = re.compile(r"^(?:[【\[(（]\s*视频\s*[】\])）]|视频\s*[:：|｜]|(?:点击)?(?:观看|播放)(?:完整)?视频)")
# A table of contents' label on a line of its own (本文导览 / 文章目录 / 目录): the page's navigation, not a sentence.
_CONTENTS_LABEL = re.compile(r"^(?:本文|文章)?(?:导览|目录|目次)$")
# A related-links item: a list dash and a link's bullet doubled (- ·某条新闻的标题). The article's own lists use one mark.
_DOUBLE_BULLET_LINK = re.compile(r"^[-*]\s*[·•]\s*\S")
# The registration number every Chinese site prints in its footer; such a line is never the article.
_ICP = re.compile(r"ICP\s*备|ICP证|公网安备")
# Ads and share prompts: chrome even when they end with a full stop ("微信扫一扫,分享给好友吧。").
_CALL_TO_ACTION = re.compile(
    r"^(?:微信)?扫一扫|分享给(?:好友|朋友)吧|点击(?:进来|这里|此处)(?:看看|查看|阅读|了解)|给自己(?:的)?产品做个广告|^长按(?:识别|关注)"
    # A promotion line on its own (更多资讯请关注:某网专区 / 更多精彩请关注某号): the site's, not the article's.
    r"|^更多[^。,，]{0,12}?请(?:关注|访问|登录|登陆)"
    # A prompt to subscribe to or follow the site's channel or accounts for more (>>>订阅某某频道,查看更多…影片。 /
    # 追踪某某社交媒体,获得更多…资讯:), link marks before it or not: the site's, even with its full stop.
    r"|^[>》»]*\s*(?:订阅|关注|追踪|追随)[^。,，]{0,24}?(?:频道|社交媒体|社群|公众号|账号|帐号)\s*[,，]\s*(?:查看|获得|获取|了解|收看|看)更多"
    # A short line that asks the reader to follow the site itself for more (更加详细情况,请关注本站最新动态。 / 敬请继续关注本网):
    # the site's sign-off, even with its comma and full stop; a person's words name what to follow, not "this site".
    r"|请(?:继续|持续)?关注本(?:站|网站?|平台|频道)"
    # A forum's nag to register, with what the member gets (马上注册,结交更多好友,享用更多功能。): even with its full stop.
    r"|^(?:马上|立即|免费|现在)注册[^。]{0,30}?(?:更多功能|更多好友|玩转|享用|享受|解锁)"
    # A prompt to get the site's app (下载某某App / 立即下载客户端,随时看新闻): the site's, not the article's.
    r"|^(?:立即|马上|免费|点击|扫码)?下载[^。,，]{0,12}?(?:App|APP|app|客户端|应用程序)"
    # …and one that asks the reader to get it for the news first (第一手消息请下载某网 iPhone/ Android/), naming the
    # phones it runs on.
    r"|^[^。,，]{0,12}?请下载[^。,，]{0,16}?(?:App|APP|app|客户端|iPhone|iPad|Android|安卓|苹果)"
    # An advert's slogan: a run of praise words, then what it does for the reader (炒股就看某某,权威,专业,及时,助您把握
    # 机会!), with no full stop: the site's, not the article's.
    r"|^[^。,，]{1,16}[,，](?:[^。,，]{1,4}[,，]){2,}(?:助|帮|为|让|带)您[^。,，!?！？]{1,16}[!！]?$"
)
_URL = re.compile(r"https?://\S+")
# A line in Japanese on a Chinese page (このページは…です。日本語版に移動しますか。): the site's prompt for its edition in
# another language, told by its kana: at least 5 hiragana, and kana a quarter of the line's letters or more. A Japanese
# word quoted in a Chinese sentence is far below that share.
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
_KANA = re.compile(r"[\u3041-\u30ff]")
_MIN_HIRAGANA = 5
_KANA_SHARE = 0.25
# A site's keyword or tag line (【某某网收录关键词:人工智能  大模型 …】 / 标签: …), long or not; never a sentence.
_KEYWORDS = re.compile(
    r"^[【\[(（]?[^。,，]{0,30}?(?:关键词|关键字|标签|Tags?|Keywords?)\s*[:：][^。,，、]*$", re.IGNORECASE
)
_BYLINE_LABEL = (
    r"(?:[Ff]rom|[Ss]ource|[Vv]ia|出品|作者|编辑|编审|责任编辑|責任編輯|来源|來源|出自|原文链接|原文|撰文|文|采访|访谈|整理|校对|排版|审核"
    r"|题图|头图|记者|策划|嘉宾|对话|编译|主编|发布)"
)
# A byline: one label, or several joined by 、 or a slash, the picture's among them (访谈、撰文:某某 某某 / 文、图:某某), then a
# bar or a colon.
_JOINED_LABEL = rf"(?:{_BYLINE_LABEL}|图|摄影)"
_BYLINE = re.compile(
    rf"^(?:{_BYLINE_LABEL}|{_JOINED_LABEL}(?:\s*[、/／&]\s*{_JOINED_LABEL})+)\s*[|｜丨:：]"
    r"|^\S{0,8}(?:记者|编辑)\s*[|｜丨:：]|^本文(?:来自|转载自|来源|首发|作者)"
)
# The reporters of a story, a line of their own, with or without a mark before it (◎记者 张某 李某 / 本报记者 王某某
# 实习生 赵某): roles and names only, each name starting with a family name.
_REPORTER_ROLE = r"(?:本报|本台|本刊|特约|见习)?(?:记者|通讯员|实习生|摄影|摄像)"
_REPORTER_NAME = rf"(?:{'|'.join(COMPOUND_SURNAMES)}|[{''.join(sorted(SURNAMES))}])[\u4e00-\u9fff]{{1,2}}"
# Reporters named one after another, each perhaps with a role (记者张某 实习生李某 / 记者张某、李某).
_REPORTER_LIST = rf"{_REPORTER_ROLE}\s*{_REPORTER_NAME}(?:[\s、]+(?:{_REPORTER_ROLE}\s*)?{_REPORTER_NAME})*"
_REPORTERS = re.compile(rf"^[^\w\s]?\s*{_REPORTER_LIST}$")
# The writers' credit with 作者 and a blank but no colon, then names only, each starting with a family name (作者 张某 李某):
# the story's byline, no sentence. The blank is asked for, so a heading run on from 作者 (作者简介) stays.
_AUTHORS_BLANK = re.compile(rf"^作者\s+{_REPORTER_NAME}(?:[\s、]+{_REPORTER_NAME}){{0,3}}$")
# The same reporters' line with the outlet before it and the dateline after (某某日报记者张某、实习生李某北京报道 /
# 本报记者王某 深圳报道): no punctuation of a sentence, ending in 报道.
_DATELINED_REPORTERS = re.compile(rf"^[^\s。,，:：;；!！?？]{{0,12}}?{_REPORTER_LIST}\s*[\u4e00-\u9fff]{{0,6}}报道$")
# Two or more reporters' credits run on, each with its outlet before the role (某某日报全媒体记者 某某 某某网记者 某某), the
# last name perhaps cut short by the page: the story's credits, no sentence (an outlet's name ends in 报 / 网 / 社 / 台 …).
_OUTLET = r"[\u4e00-\u9fff]{1,8}?(?:报|网|社|台|刊|新闻)(?:全媒体|融媒体|特约|见习|首席)?"
_OUTLETS_REPORTERS = re.compile(
    rf"^(?:{_OUTLET}{_REPORTER_ROLE}\s*{_REPORTER_NAME}\s*)+{_OUTLET}{_REPORTER_ROLE}\s*"
    rf"(?:{_REPORTER_NAME}|[{''.join(sorted(SURNAMES))}])$"
)
# The same reporters' line with the outlet and the reporter's rank before it and no dateline (某某新闻首席记者 张某 实习生 李某):
# still roles and names only, the story's credits.
_OUTLET_REPORTERS = re.compile(rf"^{_OUTLET}{_REPORTER_LIST}$")
# A picture's caption that ends with its photographer's credit in brackets (某某向学生介绍人工智能。(记者 某某摄)). The
# outlet that sent the picture may come before the name with 发 (…。(某某网发 某某 摄)): still the picture's credit.
_CREDITED_CAPTION = re.compile(
    rf"[(（]\s*(?:(?:本报|特约)?(?:记者|摄影|图)\s*|{_OUTLET}发\s*)?{_REPORTER_NAME}(?:\s*[、/／]\s*{_REPORTER_NAME})*\s*(?:摄|摄影|供图)\s*[)）]$"
)
# A picture's caption that ends with the picture's credit in brackets, a file photo or where it came from (某某在会上发言。
# (某社资料照) / …(资料图) / …(图源:某网)), or that credit alone (（资料图片）): the picture's, not the article's, though the
# caption is a sentence. The note that the picture only illustrates may follow the file photo's credit or stand for it
# ((资料图片仅供参考) / (图片仅供参考)): the picture's note to the reader, not the article's.
_CAPTION_WITH_CREDIT = re.compile(
    r"[(（]\s*[^()（）。,，]{0,8}?(?:(?:资料照片?|资料图片?|档案照|供图|图源\s*[:：/／]?[^()（）。,，]{0,16})(?:[,，]?\s*仅供参考)?"
    r"|(?:图片|照片|配图)\s*仅供参考)\s*[)）]$"
    # Or, after the caption's full stop, the picture's source after 图 and a colon or a slash (某地示意图。(图:某图库)),
    # or after the picture's kind (某某机器人。(示意图/取自某图库) / …。(资料图/某社)).
    rf"|[。.]\s*[(（]\s*{_PICTURE_KIND}\s*[:：/／|｜]\s*[^()（）。,，]{{1,24}}[)）]$"
)
# A picture's caption without a sentence's end whose last words, after a comma, are a news agency's credit in capitals,
# a slash and its photographer's full name (某某出席某论坛,AGENCY/Jane Roe): the picture's, not the article's.
_AGENCY_CREDITED_CAPTION = re.compile(
    r"^[^。!！?？;；:：“”「」]{2,60}?[,，]\s*[A-Z]{2,}\s*[/／]\s*[A-Z][a-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){1,3}$"
)
# A picture's caption of one sentence with the picture's credit after its full stop, unbracketed: a news agency
# (…出席活动。某新社), where it was copied from (…。翻摄自《某台》), or the credits of text and picture (…。文/某某 图/某社);
# an image widget's Latin word may follow (… zoomin). A paragraph of the article never ends with such a credit.
# The agency may be set off by a slash or a backslash (…出席活动。\某新社 / …。/某新社), as papers in traditional
# characters credit their pictures.
_CREDIT_AFTER_STOP = re.compile(
    r"[。.]\s*(?:(?:[\\/／]\s*)?[\u4e00-\u9fff]{1,4}社|(?:翻摄|取|截|撷取)自\s*《[^》]{1,20}》"
    r"|(?:(?:文|撰文|编辑|记者)\s*[/／]\s*[^\s/／。,，]{1,12}\s*)?(?:图|图片|摄影|摄)\s*[/／]\s*[^\s/／。,，]{1,12}"
    # …or who gave or took the picture, before 供图 / 摄 (…致辞。某某学会 供图 / …。某某 摄), perhaps named with the agency
    # and the role before the name (…。某某社记者 某某 摄). After the role the name may run into 摄 (…。某某融媒记者 某某摄):
    # the role says a credit starts there, which a blank has to say when no role does (…,我们一起去拍摄 stays).
    r"|[^\s/／。,，:：“”]{2,12}\s*供图|[\u4e00-\u9fff]{0,6}?(?:记者|通讯员|摄影师?)\s*[\u4e00-\u9fff]{2,4}\s*摄"
    r"|[\u4e00-\u9fff]{2,4}\s+摄"
    # …or a name that starts with a family name run straight into 摄 with no role and no blank (…演讲。某某某摄): after
    # the stop it is the whole clause, and a shot's own verb before 摄 (…。于是拍摄 / …。高空航摄) is the article's.
    rf"|{_REPORTER_NAME}(?<![拍航翻偷跟抓])摄"
    # …or the body that gave the picture before a bare 提供 (…开幕典礼。某协会提供); a pronoun, a modal or 由 before it
    # (…。我们免费提供 / …。数据由某公司提供) is the article's own clause.
    r"|[^\s/／。,，:：“”我你他她它们将可能不也都还就免费由]{2,8}\s*提供)"
    # The credit may close with a full stop of its own (…开讲。某协会提供。 / …。某某摄。), written as a sentence.
    r"(?:\s*[A-Za-z]{2,12})?[。.]?$"
)
# A picture's caption of a few words, no sentence, a blank, then who took it, a reporter with the outlet before the role
# (…创始人某某 某报某某记者某某/摄 / 某某在会上 记者 某某 摄): the picture's; a paragraph never ends so. The caption may
# quote an event's or a session's name, its own marks inside the quotes (某论坛分论坛“AI:如何…?” 记者 某某 摄).
_CREDIT_AFTER_CAPTION = re.compile(
    r"^(?:[^。!?！？;；“”「」『』]|“[^“”。]{1,30}”|「[^「」。]{1,30}」){2,40}?\s+[\u4e00-\u9fff]{0,12}?(?:记者|通讯员|摄影师?)\s*[\u4e00-\u9fff]{2,4}\s*[/／]?\s*摄$"
)
# A picture's credit under it, a line of its own: what it shows in a few words, a blank, then 图 and a slash and where it came
# from (某某 图/受访者提供 / 会场 摄影/某某): no sentence.
_CREDIT_LINE = re.compile(
    r"^[^\s。,，:：;；!！?？“”「」『』]{1,12}\s+(?:图|图片|摄影|摄|供图)\s*[/／]\s*[^\s/／。,，]{1,12}$"
)
# A picture's caption of a few words, no sentence, a blank, then who gave the picture before 供图 (某园区一角 受访者供图 /
# 某某展台 某公司供图): the picture's credit under it, as the slash form above is; a paragraph never ends so.
_CAPTION_THEN_GIVER = re.compile(r"^[^\s。,，:：;；!！?？“”「」『』]{2,16}\s+[^\s/／。,，:：;；“”]{1,10}供图$")
# A photographer's credit alone on a line under the picture: a name or a few, perhaps after 记者, then 摄 / 供图 (某某 摄 /
# 记者 某某 某某 摄 / 某某摄): no sentence. The outlet's name may stand before 记者 (某某晚报记者 某某 摄): it ends in 报 / 网 /
# 社 / 台 / 刊 / 新闻, so a line of the article does not read as one.
_PHOTOGRAPHER_LINE = re.compile(
    rf"^(?:(?:本报|本台|特约|{_OUTLET})?记者\s*)?(?P<names>[\u4e00-\u9fff]{{2,4}}(?:\s*[、\s]\s*[\u4e00-\u9fff]{{2,4}}){{0,2}})\s*(?:摄|供图)$"
)
# A picture's caption of one sentence with no clause in it and the bare name of where the picture came from in brackets
# after its full stop (某某在晚宴上发表演讲。(某社) / …。(Reuters)). A sentence of the article with such a credit has its
# clauses, its figures or its verb of saying (…上涨3%。(某社) / 他表示…。(某社) stay), and a wire story's close ((完) /
# (待续)) or a part's number ((上)) is no credit.
_BARE_CREDIT_AFTER_STOP = re.compile(
    r"^[^,，、;；:：“”「」『』\"'()（）\d]{4,}[。.]\s*[(（]\s*(?!(?:全文)?完|未完|待续|续|上|中|下)"
    r"(?:[\u4e00-\u9fff]{1,6}|[A-Za-z][A-Za-z .&-]{1,24})\s*[)）]$"
)
# A picture's caption of one short sentence with no clause in it, then its photographer's bare name after the full stop,
# no 摄 and no stop after it (某公司执行长某某演讲。钱多多): a paragraph of the article never ends in a name left hanging.
_NAME_AFTER_CAPTION = re.compile(rf"^[^,，、;；:：“”「」『』\"'()（）]{{4,40}}[。.]\s*(?P<name>{_REPORTER_NAME})$")
# A site's heading over a list of links, a line of its own (分享文章: / 最新文章: / 相关新闻:), or with the list's word
# after its kind of news (某某新闻精选: / 热点文章推荐:): the page's, not the article's.
_LIST_HEADING = re.compile(
    r"^(?:(?:分享|最新|最近|热门|相关|推荐|精选|延伸|更多)(?:文章|新闻|资讯|报道|内容|阅读|动态)?"
    r"|[\u4e00-\u9fff]{0,4}(?:文章|新闻|资讯|报道)(?:精选|推荐|排行|速递))\s*[:：]$"
)
# A link to a site's special topic, a list item or a line of its own (- 专题:某某大会): the page's, not the article's.
_TOPIC_LINK = re.compile(r"^(?:[-*·•]\s*)?专题\s*[:：]\s*[^\s。,，;；!！?？“”「」『』]{1,24}$")
# A link to another part of the site's series, its section label ending in 篇, the part's number, a slash, then that part's
# headline (企业篇 3/某某闯入某经济,数百分身上线): the page's list of links, not the article; a sentence (…。) stays.
_SERIES_PART_LINK = re.compile(r"^[\u4e00-\u9fff]{1,6}篇\s*\d{1,2}\s*[/／]\s*[^\s/／][^。/／]{1,60}$")
# Where the article's facts come from, the whole line in brackets (<资料来源:某社> / (消息来源:某网) / 【来源:某报】): the
# page's credit, not the article.
_BRACKETED_SOURCE = re.compile(
    r"^[<＜〈《【\[(（]\s*(?:资料|消息|新闻|文章|内容|数据|图片|图文)?来源\s*[:：]"
    r"[^<>＜＞〈〉《》【】\[\]()（）]{1,40}[>＞〉》】\])）]$"
)
# An outlet's name alone in brackets on a line of its own ((某某日报) / （某某晚报） / (某某网)): the source a government
# site prints under a reprint, not the article's; a note in brackets ((注:…), (完), (上)) names no outlet.
_BRACKETED_OUTLET = re.compile(r"^[(（]\s*[\u4e00-\u9fff]{1,12}(?:日报|晚报|报|网|社|台)\s*[)）]$")
# The site naming itself alone on a line (本站 / 本网 / 本站原创): a picture's credit or a link's label the page left
# between paragraphs, never a sentence of the article, which says more than "this site".
_SITE_ITSELF = re.compile(r"^(?:本站|本网|本网站)(?:原创|讯|稿|图|图片|供图|配图)?$")
# A market widget's quote line, an asset's name with its ticker, then its price, its change and the change in per cent
# (某某币ABC 123.45 -6.78 -1.23%): figures without a verb, never a sentence of the article.
_MARKET_QUOTE = re.compile(
    r"^[\u4e00-\u9fff]{1,8}\s*[A-Z]{2,6}\s+[-+]?[\d,]+(?:\.\d+)?\s+[-+]?[\d,]+(?:\.\d+)?\s+[-+]?\d+(?:\.\d+)?%$"
)
# A script's placeholder left in the saved page (Loading... / 加载中…): the page's, not the article's.
# The signature under a social post embedded in the page (— Some Name (@handle) and the day it was posted): the
# embed's credit, written with a dash before the author and the handle in brackets, never a sentence of the article.
_POST_SIGNATURE = re.compile(
    r"^[—–-]{1,2}\s*[^()（）@。,，:：;；!！?？“”]{1,40}?\s*[(（]\s*@[A-Za-z0-9_]{1,30}\s*[)）]\s*"
    r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})?\s*$"
)
_LOADING = re.compile(r"^(?:Loading|加载中|載入中|正在加载|正在載入)\s*(?:\.{2,}|…+)?$", re.IGNORECASE)
# A site's notice to the reader, even with its full stops: the browser is too old (您使用的浏览器版本较旧,…建议您更新浏览器。 /
# 请更新您的浏览器 / Please upgrade your browser), or the site uses cookies or has a privacy policy to agree to (本网站使用
# Cookie,继续浏览即表示您同意… / 我们已更新隐私权政策,请点击了解). Each addresses the reader (您 / 你 / 请 / your), which a
# sentence of the article about browsers or cookies (某公司将逐步淘汰第三方Cookie。) does not.
_READER_ADDRESSED = re.compile(r"您|你|请|点击|\byou(?:r)?\b", re.IGNORECASE)
_READER_NOTICE = re.compile(
    r"(?:更新|升级|更换|换用|下载)(?:您的|你的)?(?:新版|最新版?的?)?浏览器"
    r"|浏览器(?:的)?(?:版本)?[^。,，]{0,4}?(?:较旧|过旧|过低|太旧|太低|过时|已?不再|不受|不支持|不兼容)"
    # 隐私权规范 is 隐私权政策 as Taiwan's sites write it (请同意我们的隐私权规范,才能启用…功能).
    r"|cookies?|隐私(?:权)?(?:政策|声明|条款|规范)"
    # …or offers the site's edition in another language (您是否要前往日文版? / 切换至英文网站).
    r"|(?:切换|前往|转到|进入|访问|浏览)(?:至|到)?[^。,，]{0,6}?(?:英文|日文|中文|韩文|繁体|简体|English|日本語|日本语)"
    r"(?:版|网站|网页|页面)|(?:switch|go)\s+to\s+(?:the\s+|our\s+)?(?:English|Chinese|Japanese|Korean)\s+(?:edition|version|site)"
    r"|(?:update|upgrade)\s+(?:to\s+)?(?:your|a\s+(?:newer|modern))\s+browser|browser\s+is\s+(?:out\s*of\s*date|outdated|not\s+supported)"
    # …or says the reader's browser does not show the page's script (Your browser does not appear to support
    # Traditional Chinese), or names the site in the edition it offers (go to Some Agency's English website).
    r"|browser\s+(?:does\s*n[o']t|doesn[’']t)\s+(?:appear\s+to\s+|seem\s+to\s+)?support"
    r"|(?:switch|go)\s+to\s+(?:[\w.&-]+\s+){0,2}[\w.&-]+[’']s\s+(?:English|Chinese|Japanese|Korean)\s+(?:edition|version|site|website)",
    re.IGNORECASE,
)
# A person's words that mention such things (某某表示,建议您更新浏览器。) are the article's; "继续浏览即表示您同意" is the notice's.
_SOMEONE_SAYS = re.compile(r"(?<![即就])表示|认为|指出|强调|说")
# What such a notice asks of the reader or tells them: to agree, to read on, to update, to switch.
_NOTICE_ASKS = re.compile(
    r"同意|接受|继续(?:浏览|使用|访问)|了解(?:更多|详情)|更新|升级|体验|支持|支援|前往|切换|是否"
    r"|accept|agree|consent|continu|learn\s+more|update|upgrade|support|switch|go\s+to|visit",
    re.IGNORECASE,
)
# A share or follow button's words (line share, Linkedin share, follow us, in feedly): two or more on a line with no full
# stop make it the page's buttons, whatever fields (author, date, categories) the page glued before them.
_SHARE_BUTTON = re.compile(
    r"(?<![A-Za-z])(?:(?:line|linkedin|facebook|twitter|plurk|weibo|wechat|telegram|whatsapp|email)\s*share"
    r"|follow\s*us|feedly)(?![A-Za-z])",
    re.IGNORECASE,
)
_MIN_SHARE_BUTTONS = 2
# A run of tags or board names set apart by wide gaps (two blanks or more), five items or more and no punctuation of
# text (linux   MongoDB   Redis   其他Web框架   web工具 …): a forum's navigation, however long the run.
_TAG_RUN = re.compile(r"^[^\s,，。:：;；!！?？]{1,16}(?:[ \t\u00a0\u3000]{2,}[^\s,，。:：;；!！?？]{1,16}){4,}$")
# A site's search box written out as a line: its label (快捷搜索: / 热门搜索: / 大家都在搜:) and the search terms it offers,
# three or more set apart by wide gaps (two blanks or more), none with a sentence's punctuation, however long the line.
# The label may have a word before it, perhaps after a blank (推广 热搜: / 今日 热搜:), as a portal's trending bar of paid
# search terms reads.
_SEARCH_TERM = r"[^\s。,，;；!！?？“”「」『』]+(?: [^\s。,，;；!！?？“”「」『』]+)*"
_SEARCH_BOX = re.compile(
    rf"^(?:[\u4e00-\u9fff]{{1,4}}[ \u3000]?)?(?:搜索|热搜|大家都在搜)(?:词|热词|关键词)?\s*[:：]\s*{_SEARCH_TERM}"
    rf"(?:[ \t\u00a0\u3000]{{2,}}{_SEARCH_TERM}){{2,}}\s*$"
)
# A spam site's keyword line: four or more phrases joined by hyphens, each with Chinese in it and no blank or
# punctuation of text (某某在线观看-某某视频-…): the site's bait, never a sentence.
_HYPHENED_KEYWORDS = re.compile(
    r"^(?:[^\s\-。,，:：;；!！?？]*[\u4e00-\u9fff][^\s\-。,，:：;；!！?？]*-){3,}[^\s\-。,，:：;；!！?？]*[\u4e00-\u9fff][^\s\-。,，:：;；!！?？]*$"
)
# The same bait joined by bars (某某在线观看|某某高清视频|…), four phrases or more, however long each is (a site menu's
# items are short): the site's bait, never a sentence.
_BARRED_KEYWORDS = re.compile(
    r"^(?:[^\s|｜。,，:：;；!！?？]*[\u4e00-\u9fff][^\s|｜。,，:：;；!！?？]*[|｜]){3,}[^\s|｜。,，:：;；!！?？]*[\u4e00-\u9fff][^\s|｜。,，:：;；!！?？]*$"
)
# The same bait joined by commas: five or more short phrases, each with Chinese in it, no blank, quote or other
# punctuation of text, no sentence's end, and none of the words a sentence's clauses are built with (的 / 是 / 了 / a
# pronoun ...), so a clause list that lost its stop (他说,我们会,…) stays text.
_COMMA_KEYWORD_PHRASE = r"[^\s,，、。:：;；!！?？“”「」『』\"'()（）《》的了是在把被将会我你他她它们这那]{2,16}"
_COMMA_KEYWORDS = re.compile(rf"^{_COMMA_KEYWORD_PHRASE}(?:[,，]{_COMMA_KEYWORD_PHRASE}){{4,}}$")
# Seven phrases or more may hold the words a clause is built with but a pronoun, 的, 了 and 是 (…综合在线观看,…无免费码在线,…):
# a sentence that long with none of those four and no stop is bait too.
_LONG_KEYWORD_PHRASE = r"[^\s,，、。:：;；!！?？“”「」『』\"'()（）《》的了是我你他她它们这那]{2,16}"
_LONG_COMMA_KEYWORDS = re.compile(rf"^{_LONG_KEYWORD_PHRASE}(?:[,，]{_LONG_KEYWORD_PHRASE}){{6,}}$")
# Fewer phrases, three or four, when two or more of them hold the bait's own words (…一区二区…,…无码…): a spam site's
# bait too, where a sentence that lost its stop may hold one such word (国产精品牌 / 在线观看人数) but not two.
# Such a phrase may hold 的 (…可以直接免费观看的AV网站,…): two bait words in two phrases mark the line, not its grammar.
_BAIT_PHRASE = r"[^\s,，、。:：;；!！?？“”「」『』\"'()（）《》了是我你他她它们这那]{2,16}"
_SHORT_COMMA_KEYWORDS = re.compile(rf"^{_BAIT_PHRASE}(?:[,，]{_BAIT_PHRASE}){{2,}}$")
_BAIT_WORDS = re.compile(
    r"无码|一区二区|午夜福利|国产精品|久久精品|久久久|(?<![A-Za-z])AV(?![A-Za-z])|在线观看|免费视频|福利视频|偷拍|自拍"
)
# The alternative text of a gallery's picture, as a theme writes it: the title, tags, then the picture's number (… 第1张).
_GALLERY_ALT = re.compile(r"\s第\s*\d{1,3}\s*张$")
# A dialog's close mark alone on a line (×): the page's control.
_CLOSE_MARK = re.compile(r"^[×✕✖╳]$")
# A picture or a character the page could not show, left as a question mark (or the replacement mark) alone on its
# line: no text of the article, where a question always holds words before its mark.
_LOST_GLYPH = re.compile(r"^[?？\ufffd]{1,3}$")
# A repost's line of credits (内容来源:某节目。 责编 | 某某 排版 | 某某 第 123 篇:5000字 | 12分钟阅读): two or more credit
# fields, set off by a bar or stamped with the reading time, though it holds a full stop and is long.
_CREDIT_FIELD = re.compile(r"(?:来源|作者|责编|责任编辑|编辑|排版|校对|美编|审核|出品|策划|撰文)\s*[|｜丨:：]")
_CREDIT_BAR = re.compile(
    r"(?:责编|责任编辑|编辑|排版|校对|美编|审核|作者)\s*[|｜丨]|\d+\s*字\s*[|｜丨]?\s*\d+\s*分钟阅读"
)
_DATE = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
_DATE_LINE = re.compile(
    rf"^(?:\S{{1,10}}\s+){{0,2}}{_DATE}(?:\s+\S{{1,12}}){{0,3}}$|(?:发布|发表|更新)(?:时间|于)\s*[:：]?\s*\d"
)
# A newsletter's or journal's issue number with its date of issue (第 12 期,发刊日期:2024/05/01): the masthead's, no
# sentence of the article; only the whole line, so a sentence telling when an issue came out stays. The stamp may lead
# with the periodical's title and volume (某刊第二卷第 3 期), number in Chinese numerals, and give the span of days the
# issue covers (a second date, full or month and day only), bare or in brackets: still no word or stop of a sentence.
_ISSUE_NUMBER = r"[\d一二三四五六七八九十百零〇]+"
_DATE_SPAN = rf"{_DATE}(?:\s*[-–—~～至到]\s*(?:{_DATE}|\d{{1,2}}\s*[-/.月]\s*\d{{1,2}}\s*日?))?"
_ISSUE_DATE = re.compile(
    rf"^(?:[^\s,，。;；:：!！?？、()（）]{{2,20}}\s*)?(?:第\s*{_ISSUE_NUMBER}\s*卷\s*[,，]?\s*)?第\s*{_ISSUE_NUMBER}\s*期\s*"
    rf"(?:[,，|｜丨·]?\s*(?:(?:发刊|出刊|发行|出版|刊出)?(?:日期|时间)\s*[:：]?\s*)?{_DATE_SPAN}|[(（]\s*{_DATE_SPAN}\s*[)）])$"
)
# A widget with nothing to show yet (暂无访问 / 暂无评论 / 还没有评论): a view counter's or a comment box's empty state,
# with its call to comment first, with or without 吧 (还没有评论,快来抢沙发吧!).
_EMPTY_WIDGET = re.compile(
    r"^(?:暂无|暂时没有|还没有|尚无)(?:人)?(?:访问|浏览|评论|回复|留言|点赞|收藏|阅读|访客)(?:记录|数据)?[,，!！。.]?"
    r"(?:快来抢沙发|快来评论)?吧?[!！。.]?$"
)
# A date with at most two words before it and three after (a site's name, a byline, a second date or a time).
_DATES_AND_WORDS = re.compile(rf"^(?:\S{{1,10}}\s+){{0,2}}{_DATE}(?:\s+\S{{1,12}}){{0,3}}$")
# An image's alternative text that the page's saver wrote out as a line (cover of episode 12. …, logo of podcast …).
_ALT_TEXT = re.compile(
    r"^(?:cover|logo|image|photo|picture|avatar|thumbnail|icon|banner|poster)\s+(?:of|for)\s", re.IGNORECASE
)
# The labels of a podcast or video site's tabs and cards, a line of their own: the page's widgets, not its text.
_WIDGET_LABEL = re.compile(
    r"^(?:People|Topics|Chapters|Transcript|Show ?notes|Episodes?|Guests?|Hosts?|Speakers?|Tags|Comments?)$",
    re.IGNORECASE,
)
# A card of the people on the show: its label, then names and one-line bios until the next widget label.
_PEOPLE_LABEL = re.compile(r"^(?:People|Guests?|Hosts?|Speakers?)$", re.IGNORECASE)
_CARD_LINES = 8
# A date glued to a person's name and titles (2024年3月1日张某,某协会副会长,某公司创始人。): the page's dateline and
# the speaker's bio, no sentence of the article.
_TITLE_WORD = r"(?:创始人|主席|董事长|总裁|CEO|首席[\u4e00-\u9fff]{1,4}官|教授|院长|总经理|合伙人|总编辑|主编|研究员)"
_DATED_BIO = re.compile(
    rf"^{_DATE}\s*[\u4e00-\u9fff]{{2,4}}[,，][^。!?！？]{{0,40}}?{_TITLE_WORD}[^。!?！？,，]{{0,12}}[。.]?$"
)
# A line crediting who produced the piece (今天的内容由某台和某网联合出品。 / 本期节目由某公司制作): the outlet's credit,
# not the article's text; only the whole line, so a sentence telling that a film was produced by someone stays.
_PRODUCED_BY = re.compile(
    r"^(?:今天|今日|本期|本次|本篇|本文|以下)的?(?:内容|节目|文章|视频|栏目)?由[^。,，;；!！?？]{1,40}?"
    r"(?:联合|共同)?(?:出品|制作|呈现|策划)[。.!！]?$"
)
# The shortest sentence whose writing twice in a row on one line marks a caption (not 好!好! or 对。对。).
_DOUBLED_MIN = 10
# A short label with nothing after its colon (热线: / 传 真: / SMS:): a form's field, as a contact footer lists them over
# its numbers. Its colon is no text: after the article's last line of text it is the footer's, not the article's end.
# (A speaker's label over a turn has the turn's text after it, which still ends the article further down.)
_BARE_LABEL = re.compile(r"^[^,，。;；!！?？…:：]{1,12}[:：]$")
# After a line like these the page lists other articles or its footer: the article has ended.
_END_MARKER = re.compile(
    r"^您需要登录后才可以回帖|^Powered by Discuz"
    r"|^(?:相关阅读|推荐阅读|相关文章|热门文章|猜你喜欢|延伸阅读|往期回顾|往期推荐|[-—–©\s]*(?:THE\s+)?END[-—–\s]*)$"
    # A heading over more of the outlet's stories (更多某报报导 / 更多新闻), the list of their headlines and the page's
    # time stamp under it.
    r"|^更多[\u4e00-\u9fff]{0,6}(?:报道|报导|新闻|文章|好文)$"
    # A widget's heading over other articles the reader might like (你可能会有兴趣的文章 / 您可能感兴趣的新闻).
    r"|^(?:你|您)?可能(?:会有兴趣|会感兴趣|感兴趣)的?(?:文章|新闻|内容|报道)?$"
)

LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("fold or repost line", _FOLD_OR_REPOST),
    ("breadcrumb", _BREADCRUMB),
    ("login or register", _LOGIN),
    ("forum post header", _POST_HEADER),
    ("user rank", _USER_RANK),
    ("share or footer link", _SHARE),
    ("byline", _BYLINE),
    ("image caption or placeholder", _IMAGE_CAPTION),
    ("date line", _DATE_LINE),
    ("issue number and date", _ISSUE_DATE),
)


@dataclass(frozen=True)
class Dropped:
    """One piece of the page that is not in the article, and the rule that dropped it."""

    rule: str
    text: str


@dataclass
class CleanResult:
    text: str
    rules: CleaningRules
    dropped: list[Dropped] = field(default_factory=list)

    def counts(self) -> Counter[str]:
        return Counter(d.rule for d in self.dropped)

    def rules_mapping(self) -> dict[str, Any]:
        """The rules as the ``cleaning:`` mapping of a source's metadata file (only what is set)."""
        rules = self.rules
        out: dict[str, Any] = {}
        if rules.discuz_jammer:
            out["discuz_jammer"] = True
        if rules.wrap_width:
            out["wrap_width"] = rules.wrap_width
        if rules.join_at_latin:
            out["join_at_latin"] = True
        if rules.keep_until:
            out["keep_until"] = rules.keep_until
        for key in ("drop_spans", "isolate_spans", "drop_lines", "notes"):
            value = getattr(rules, key)
            if value:
                out[key] = list(value)
        return out


# A list whose " * " bullets a page's saver ran into one line with the text around them (…的观点,包括: * 第一点。 * 第二点。
# 下一段…): each item goes on a line of its own, from its bullet to the first sentence end a blank follows (where the
# page's line break was) or to the next bullet, so the text before the first item and after the last is a line too.
# Only a bullet right after a sentence end or a colon and a blank is one (a * b in a formula is not).
_INLINE_BULLET = re.compile(
    r"(?<=[。!?！？…;；:：”’」』]\s)\*\s+(?:(?!\s\*\s)[^\n])+?"
    r"(?:[。!?！？…][”’」』]*(?=\s)|(?=\s+\*\s)|(?=[ \t\u00a0\u3000]*(?:\n|$)))"
)
_MIN_INLINE_BULLETS = 2


def _inline_bullets(text: str) -> str | None:
    """The rule that puts a list's inline bullets on lines of their own, when a line of the page holds two or more."""
    if any(len(_INLINE_BULLET.findall(line)) >= _MIN_INLINE_BULLETS for line in text.split("\n")):
        return _INLINE_BULLET.pattern
    return None


# A breadcrumb after its label (当前位置: 首页 > 某栏目 > 文章页 标题…): the label makes it the page's trail even
# when the article's title, glued to its end, makes the line long. The label may address the reader (您的当前位置:).
# A breadcrumb from the home page whose separators the page's encoding lost, so they came out as question marks set
# off by blanks (首页 ? 财经 ? 财经要闻): no sentence has a question mark with a blank on both sides between short words.
_LOST_SEPARATOR_BREADCRUMB = re.compile(
    r"^(?:首页|主页|Home)(?:\s+[?？]\s+[^\s?？。,，!！]{1,12}){1,6}$", re.IGNORECASE
)
_LABELLED_BREADCRUMB = re.compile(
    rf"^(?:(?:您|你)?的?(?:当前|當前)位置|您的位置|你的位置|您现在的位置|所在位置)\s*[:：](?:[^,，。!?！？]*{_BREADCRUMB_SEP}[^,，。!?！？]*$"
    # With two steps or more, the article's title glued to its end may hold a comma or a question mark
    # (您的位置:首页 > 栏目 > 某某:AI还没越过这道墙,谈什么智能?).
    rf"|(?:[^。!?！？>›»＞→]{{1,12}}{_BREADCRUMB_SEP}){{2,}}[^。]*$)"
)
# A breadcrumb from the home page with two steps or more and the article's title glued to its end (网站首页> 栏目>某某出席
# 某某大会开幕式并致辞): the page's trail though the title makes the line long; a sentence never starts at 首页 with >.
_HOME_BREADCRUMB = re.compile(
    rf"^(?:网站|本站)?(?:首页|主页|Home)\s*{_BREADCRUMB_SEP}(?:\s*[^。!?！？>›»＞→]{{1,12}}?\s*{_BREADCRUMB_SEP})+[^。]*$",
    re.IGNORECASE,
)
# A page's banner naming the article the reader is on (正在阅读:某某谈“某事”:某某不可忽视!): the page's, though the title
# after it ends like a sentence.
_NOW_READING = re.compile(r"^(?:您|你)?(?:正在|当前)(?:阅读|浏览)\s*[:：][^。]{1,60}$")
# A page's counter of views or heat on a line of its own (浏览热度: 1024° / 阅读量:3.2万 / 人气:88), its number perhaps lost
# in the copy (浏览热度: °): a label of the counter, a colon, then digits, blanks and units only, never a word of text.
_COUNTER_ALONE = re.compile(
    r"^(?:(?:浏览|阅读|点击|访问)(?:热度|量|数|次数|人数)?|热度|人气)\s*[:：]\s*[\d\s,.，万千kK+次°℃]*$"
)
# The story's original headline noted in brackets on a line of its own ((原标题:■ 记者手记 某某成为“热词”)): the editor's
# note on a reprint, not the article.
_ORIGINAL_TITLE = re.compile(r"^[(（【\[]\s*原(?:标题|题)\s*[:：][^()（）【】\[\]]{1,60}[)）】\]]$")
# A page's field line: two or more labels with a colon each and short values (时间:2024-01-02 来源: 作者:admin 点击:),
# the values possibly empty where the page left them blank. The font-size control is one of them, by either name (字号: 大 中
# 小 / 字体: 放大字体 缩小字体). So are the category and where the piece came from (类别:访谈 出处:网络 发布于:…), and a value
# may be a date with its time of day, colons and all (发布于:2024-01-02 09:30:15 | 12 次阅读). A paper's site stamps when
# the piece was filed (发稿时间:2024-01-02 08:15:00 作者:某某 来源:某报), one more name for the date. So is the section the
# site files the piece under (作者:某某 栏目:新闻 来源:某网 发布时间:…), a label among the others. A site's view count may be
# labelled 人气 (popularity) instead of 点击 (时间:2024-01-02 来源: 人气:), blank or not.
_META_LABEL = (
    r"(?:时间|日期|发布时间|发布日期|发稿时间|发稿日期|更新时间|更新日期|来源|作者|编辑|责任编辑|点击|浏览|阅读|阅读量|阅读次数|点击次数|浏览次数"
    r"|字号|字体|类别|分类|出处|发布于|栏目|频道|人气)"
)
_META_FIELDS = re.compile(rf"^(?:\s*{_META_LABEL}\s*[:：](?:{_DATE}|[^:：。,，!?！？]){{0,24}}?){{2,}}\s*$")
# A site's summary box over the article with the page's field line glued after it (核心提示:标题式的一句话发稿时间:2024-01-02
# 08:15:00 作者:某某 来源:某报): the label, a headline-like text with no sentence's end, then two labelled fields or more
# at the line's end. The box and the stamp are the site's; the article under it tells the same in full.
_SUMMARY_WITH_FIELDS = re.compile(
    r"^(?:核心提示|内容提要|提要|摘要|导读|导语)\s*[:：][^。!?！？]{1,60}?"
    rf"(?:{_META_LABEL}\s*[:：](?:{_DATE}|[^:：。,，!?！？]){{0,24}}?\s*){{2,}}$"
)
# A line that is a web address and nothing else: a link the page printed, not a sentence.
# A page's field line that opens with the date (2024-05-12 来源:https://… 浏览: 关键词:某标题,…?): the date, then
# two or more labelled fields, the keywords perhaps repeating the title with its punctuation; no full stop. A bar may set
# the fields off from the date (2024年03月05日 09:05 | 作者:某某 | 来源:某网 分享到:), where the blanks around the bars make
# the line too long for the short lines' rules (分享到 among them).
_DATED_FIELDS = re.compile(rf"^{_DATE}\s*(?:[|｜丨]\s*)?(?:{_META_LABEL}|关键词|关键字|标签)\s*[:：][^。]*$")
# A post's stamp of where its account posted from and when (IP属地 某地 某刊 时间:2024-01-02 09:30:15), as a platform prints
# over the text: the place the poster's address is in, then the account and the date, no sentence of the article.
_IP_PLACE_STAMP = re.compile(rf"^IP\s*属地\s*[:：]?[^。!?！？,，]{{0,40}}?{_DATE}\s*$")
_FIELD_LABEL = re.compile(rf"(?:{_META_LABEL}|关键词|关键字|标签)\s*[:：]")
# A subtitle's opening dash (——…), as a paper prints the headline's second line.
_SUBTITLE = re.compile(r"^(?:——|──|--)\s*[^\s—─-]")
# A paper's second deck line in its two-part headline shape: a phrase, a space, who speaks, a colon, their gist.
_SECOND_DECK = re.compile(r"^[\u4e00-\u9fff]{2,12}\s+[\u4e00-\u9fff]{2,6}[:：][\u4e00-\u9fff]{4,20}$")
# A headline's kicker, the line a paper prints right over the title (某馆举办某展览,学者畅谈传承): two phrases of four
# characters or more joined by a comma, no other punctuation; a short label or a greeting (您好,…) is shorter.
_KICKER = re.compile(r"^[^,，。:：;；!！?？…“”「」|｜]{4,20}[,，][^,，。:：;；!！?？…“”「」|｜]{4,20}$")
# So is a kicker that runs on into the title with a dash at its end (当某事成了“某某”——): the headline's first part, cut
# at the dash where the title line goes on.
_DASHED_KICKER = re.compile(r"^[^。!！?？|｜]{4,24}(?:——|—|--)$")
# A column's notice of the next issue's topic (下期话题:… / 下期预告:…), a line of its own: the paper's, not the article's.
_NEXT_ISSUE = re.compile(r"^(?:下期|下一期|下周)(?:话题|话题预告|预告|主题|讨论|议题|看点)\s*[:：]")
# A site's welcome line in its header (欢迎来到某某网! / 欢迎光临某某商城), perhaps as an item of the header's list
# (• 欢迎光临某某网!): the site's, not the article's.
_WELCOME = re.compile(r"^(?:[•·]\s*)?欢迎(?:来到|光临|访问|莅临)[^。,，:：]{1,24}[!！。.]?$")
# A footer's links side by side (关于我们 客户服务 / 联系我们|网站地图): one or more of the site's pages, nothing else.
_SITE_LINKS = re.compile(
    r"^(?:(?:关于我们|联系我们|客户服务|客服中心|网站地图|网站导航|加入我们|人才招聘|隐私政策|隐私条款|用户协议|服务条款"
    r"|帮助中心|意见反馈|广告服务|广告合作|商务合作|友情链接|法律声明)[\s|｜/·]*)+$"
)
# A site's address in a line, with its scheme or www. (…03:01www.example.com…): its letters end where a character does.
_SITE_ADDRESS = re.compile(r"(?:https?://|www\.)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/?")
# A web address alone on a line after a short label and a colon (SomeSite:https://… / 官网: www.…): a link to the
# site's account or page, no sentence; the label holds no sentence mark, and a byline's label (出自: / 来源:) keeps its rule.
_LABELLED_URL = re.compile(r"^[^\s:：。,，!！?？]{1,16}\s*[:：]\s*(?:https?://|www\.)[^\s\u4e00-\u9fff]+$")
# A repost's disclaimer (以下内容转载自某号,仅作学术分享,如有侵权请留言删除): the page's, though it runs on with commas.
_TAKEDOWN = re.compile(r"(?:如有|若有|若涉及|如涉及)侵权[^。]{0,12}?删除")
# A repost's plea to be told of a wrong source or a right infringed (转载本文是为了传递更多信息。如侵犯了您的权益,请与本站联系,
# 我们会尽快删除。): the site speaks of itself to the reader and of what it reposted, never a sentence of the article.
_REPOST_PLEA = re.compile(
    r"^(?:转载|转发)[^。]{0,8}?(?:出于|是为了?|旨在)[^。]{0,4}?传递更多信息"
    r"|侵[犯权][^。]{0,16}?(?:请|敬请)?(?:与|联系)(?:本站|本网|本平台)[^。]{0,12}?(?:更正|删除)"
)
# A web address alone on a line, with its scheme or www., or a site's bare domain (ExampleNews.com / example-news.com.cn):
# the site's stamp, no sentence of the article.
_BARE_URL = re.compile(
    r"^(?:(?:https?://|www\.)[^\s\u4e00-\u9fff]+"
    r"|[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|net|org|cn|tw|hk|io|ai|cc|me|info)(?:\.[a-z]{2})?/?)$"
)
# A web page's file name or relative path alone on a line (index.html / ../../tpl/wap/page.html): a template's leftover.
_PAGE_FILE = re.compile(r"^(?:\.{1,2}/|/)*(?:[\w.-]+/)*[\w-]+\.(?:s?html?|php|aspx?|jsp|js|css)$", re.ASCII)
# A credit with a vertical bar: a short label about the picture or the text, then names only (摄影|张某,
# 图文丨李某 王某), however the label is worded (a synonym spinner turns 摄影 into 摄映).
_BAR_CREDIT = re.compile(
    rf"^[\u4e00-\u9fff]{{0,4}}[图摄文编撰][\u4e00-\u9fff]{{0,3}}\s*[|｜丨]\s*{_REPORTER_NAME}(?:[\s、]+{_REPORTER_NAME})*$"
)
# The author's credit set off by a bar, a name and the author's posts after it, however long (作者| 某某,某学会副主任委员,
# 某大学教授), with the label as a spinner writes it too (作家|).
_AUTHOR_BAR = re.compile(rf"^(?:作者|作家|撰文)\s*[|｜丨]\s*{_REPORTER_NAME}(?:\s*[,，、]\s*[^。!?！？|｜丨]+)?$")
# A credit written the other way round, the names or the outlet first and the label after the bar (某某 | 撰文 / 某某| 编辑 /
# 某某科技、某某,标题为编者所拟 |来源): no sentence ends in a bar and a byline's label.
_LABEL_LAST_CREDIT = re.compile(rf"^[^。!?！？|｜丨]{{1,40}}?\s*[|｜丨]\s*{_BYLINE_LABEL}$")
# A view counter (459次浏览 / 浏览 459 次 / 阅读 1.2万).
_VIEW_COUNT = re.compile(
    r"\d+(?:\.\d+)?\s*[万千]?\s*次?(?:浏览|阅读|查看|点击)|(?:浏览|阅读|查看|点击)(?:量|数|次数)?\s*[:：]?\s*\d"
)
# A post's field line set off by bars: its date and the count of its comments or a link to them (www.example.com |
# 2025-02-14 22:20:57 某某 | 0条评论 | 查看/发表评论): the page's, though no byline's label is in it.
_COMMENT_COUNT = re.compile(r"\d+\s*条评论|(?:查看|发表)\s*[/／]?\s*(?:发表)?评论")
# A column's line about itself at the top of a repost (某某Talk 是某某基金分享认知的栏目。): what the column shares, not the
# article; a sentence about someone's column (他的专栏 / 这是…) opens with who or what it points at, not the column's name.
_COLUMN_ABOUT_ITSELF = re.compile(
    r"^(?!这|那|它|他|她|其)[^。,，:：;；“”]{1,20}是[^。,，:：;；“”]{0,12}(?:分享|推出|打造|发布|聚焦|关注|解读|记录)"
    r"[^。,，:：;；“”]{0,12}的(?:栏目|专栏)[。.]?$"
)
# A blog's comment form (发表回复 / 发表评论 / 您的邮箱地址不会被公开。 必填项已用 * 标注): the template's, never the article.
_COMMENT_FORM = re.compile(
    r"^(?:发表回复|发表评论|留下评论|取消回复|写下你的评论)$|(?:邮箱|电子邮件)地址不会被公开|必填项已用\s*\*\s*标注"
)
# A user-posted site's disclaimer (本文内容由互联网用户自发贡献,…本站仅提供信息存储空间服务,不拥有所有权,不承担相关法律责任。
# 如发现…请发送邮件至…举报): the site's, however long.
# So is a platform's that it only publishes (…仅代表该作者或机构观点,…仅提供信息发布平台。), and a site's line that the
# article's views are its writer's alone (本文所包含的观点仅代表作者个人看法,不代表本站的观点。): 本文 and 作者 both name the
# page, where an article's sentence on someone's views names that person.
_HOSTING_DISCLAIMER = re.compile(
    r"仅提供信息(?:存储(?:空间)?服务|发布平台)|(?:互联网)?用户自发贡献[^。]{0,20}?(?:观点|内容)"
    r"|^本文[^。,，]{0,20}?仅代表(?:该|本文)?作者[^。,，]{0,8}?(?:观点|看法|立场)"
)
# A site's or a broker's disclaimer on what it shows, however long: one labelled so (免责声明:本文为转载,…不代表本网观点),
# or the site speaking of itself (本网 / 本站 / 本公司 / 本平台) to deny that what it shows is its view or advice, or to
# warrant nothing (本公司所提供之报价资讯不代表…,且不保证此资料之正确性及完整性). A company's terms an article reports
# (某公司在协议中写明,不保证生成内容的准确性。) name no 本站.
_OWN_DISCLAIMER = re.compile(
    r"^(?:\d{1,2}\s*[.、．]\s*)?(?:免责声明|免责申明|特别声明|风险提示)\s*[:：]"
    r"|(?:本网|本站|本公司|本平台)[^。]{0,40}?(?:不代表|不保证|不构成|不承担|不作任何保证)"
)
# A notice's item that sends the reader to the authority's word (相关资讯请以主管机关公告为准 / 请以官网公布为限): one
# sentence, no one's saying, the notice's.
_DEFER_TO_NOTICE = re.compile(
    r"^(?:\d{1,2}\s*[.、．]\s*)?[^。,，]{0,24}?请以[^。,，]{0,12}?(?:公告|公布|官网|官方)为(?:准|限)[。.]?$"
)
# A notice's heading alone on its line (贴心提醒: / 温馨提示: / 风险提示 / 特此声明), over the site's disclaimer, not the
# article's.
_NOTICE_HEADING = re.compile(r"^(?:贴心提醒|温馨提醒|温馨提示|风险提示|免责声明|特别声明|特此声明|重要提示)\s*[:：]?$")
# A site's policy on the pieces it reprints (…遵循行业规范,任何转载的稿件都会明确标注作者和来源): the site's, however
# numbered.
_REPRINT_POLICY = re.compile(
    r"转载的?(?:稿件|文章|内容|作品)[^。]{0,12}?(?:标注|注明|标明)[^。]{0,6}?(?:作者|来源|出处)"
)
# An ad that gives a messenger id to add (…免费带项目 添加 微信:abc123 备注:项目): no sentence of the article.
_CONTACT_AD = re.compile(r"(?:加|添加)\s*(?:微信|微信号|VX|vx|wx|WX|QQ)\s*[:：]?\s*[A-Za-z0-9][A-Za-z0-9_-]{4,}")
# The slogan of a site-building package left in a page's header (某某建站系统 - 打造…): the template's, not the article's.
_SITE_BUILDER = re.compile(r"建站系统|内容管理系统|网站管理系统|网站内容系统")


# A page's print and close controls, on the date and source line or alone (2024-05-12 10:31 来源:某某网 打印本页 /
# 【打印】【关闭】 / 字号:大 中 小): the page's tools, never the article. The font-size selector may name its buttons by
# what they do rather than by size (字号:放大 正常 / 字号:缩小 默认 放大): two such button words after the label.
_PRINT_CONTROLS = re.compile(
    r"打印本页|打印此文|打印文章|关闭窗口|[【\[](?:打印|关闭|收藏|纠错|字号)[^】\]]{0,6}[】\]]|字号\s*[:：]?\s*[大中小]\s*[大中小]\s*[大中小]"
    r"|字号\s*[:：]?\s*(?:放大|缩小|正常|默认|标准)\s*(?:放大|缩小|正常|默认|标准)"
)
# A date, then the source or the author with a colon and nothing of the text (2024-05-12 10:31 来源:某某网).
_DATED_SOURCE = re.compile(
    rf"^{_DATE}\s*(?:[\u4e00-\u9fff]{{0,4}}\s*)?(?:来源|作者|编辑|责任编辑|发布)\s*[:：][^。,，!?！？]*$"
)
# A site's section label standing alone (科技要闻 / 人物专访 / 财经快讯): the column the page files the article under.
_SECTION_LABEL = re.compile(
    r"^(?:(?![的之和与])[\u4e00-\u9fff]){0,4}(?:要闻|新闻|快讯|资讯|专访|头条|动态|热点|专题|频道|栏目)$"
)
# A repost's note on where the article comes from and that it runs with leave (某媒体注:本文来源于某公众号,作者|某某,
# 某媒体经授权发布。 / 本文转载自某网,已获授权 / 本文经某媒体(公众号ID:abc)授权转载,转载请联系出处。): the page's credit,
# not the article, though it ends with a full stop.
_REPOST_NOTE = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,6}(?:注|按)\s*[:：]\s*)?本文(?:来源于|来源自|来自|转载自|转自|原载于|首发于|经授权|经[^。!?！？,，]{1,40}?授权(?:转载|发布))"
    r"(?=.*(?:授权|转载|作者|编辑))[^。!?！？]*[。]?$"
)
# The editor's note on how the text was made from another (本文为某访谈的摘要整理。 / 本文根据某某的演讲整理,有删节。):
# the page's, though it ends with a full stop.
_COMPILED_NOTE = re.compile(
    r"^[(（【\[]?\s*(?:[\u4e00-\u9fff]{0,6}(?:注|按)\s*[:：]\s*)?本文(?:为|系|是|根据|依据|整理自|摘编自|编译自|节选自|摘自)"
    r"[^。!?！？]{0,60}?(?:摘要|摘编|整理|编译|节选|改写|精编)(?:而成|而来|成文)?(?:[,，][^。!?！？]{0,20})?\s*[。.]?\s*[)）】\]]?$"
    # …or a line that only says where the text was excerpted from, no 本文 and no sentence (节选自某届某论坛 / 摘自某大会
    # 主题演讲); 选自己… is choosing for oneself, no excerpt.
    r"|^[(（【\[]?\s*(?:节选|節選|摘选|摘選|摘编|摘編|选|選|摘)自(?!己)[^。!?！？,，:：“”「」]{2,40}[)）】\]]?$"
)
# A line that announces what the article attaches below (附某某公开信全文 / 附演讲实录): the article's own words, short as
# it is.
_ATTACHMENT = re.compile(r"^附(?:上|录)?[^。!?！？]{1,30}?(?:全文|实录|原文|演讲|讲话|公开信|内部信)")
# The editor's credit, in brackets or not, with or without a colon ((编辑 王某) / 【责任编辑:王某】 / 责编 王某).
_EDITOR_CREDIT = re.compile(
    rf"^[(（【\[]?\s*(?:责任编辑|责编|编辑|编审|值班编辑|实习编辑|校对|审校|审核)\s*[:：|｜丨]?\s*{_REPORTER_NAME}"
    rf"(?:[\s、]+{_REPORTER_NAME})*\s*[)）】\]]?$"
)


# What a page's <title> puts after the article's title: a separator and the site's name, no sentence punctuation in it.
# A figure's number, as a caption made of the title ends (图1 / (图2) / 图 3).
_FIGURE_NUMBER = re.compile(r"^[(（]?图\s*\d{1,2}[)）]?$")
_SITE_AFTER_TITLE = re.compile(r"^[-_|｜–—·]{1,2}[^,，。!！?？;；:：]{1,20}$")
# What a paper's headline, repeated in the text, puts after the title: its column's tag in brackets (标题(观察·某某新动向)),
# a few words and no sentence punctuation; two characters or more, so a part's mark (标题(下)) is none.
_COLUMN_TAG = re.compile(r"^[(（][^()（）,，。!！?？;；:：]{2,16}[)）]$")
# The print header's lines between the page's title and the headline so tagged: the paper's name and date, the kicker.
_HEADER_LINES = 3


# Three or more phrases joined by commas, no stop nor quotation, longer than a kicker over the title is.
_KEYWORD_HEADER = re.compile(
    r"^(?=.{41,})[^,，。!！?？;；:：“”「」]{2,30}(?:[,，][^,，。!！?？;；:：“”「」]{2,30}){2,}$"
)
# Brackets holding no character, letter or digit (一个(♦)字): junk a spam site sets inside words, an emoji mostly.
_BRACKETED_JUNK = re.compile(r"[(（][^\u4e00-\u9fffA-Za-z0-9()（）]{1,4}[)）]")
# A part of the title printed again as the headline over the text is at least this long, and has a kicker at most over it.
_HEADLINE_PART_CHARS = 8
_KICKER_AND_HEADLINE = 2


def _squash(text: str) -> str:
    return "".join(text.split())


def is_article_paragraph(line: str) -> bool:
    """A line of running text: it ends a sentence, holds a full stop, or is long."""
    return bool(_SENTENCE_END.search(line)) or "。" in line or len(line) >= 50


# A name alone on its line at the head of a speaker's card, Chinese (2-4 characters) or a Western name written in
# Chinese with its dot (某某•某某).
_CARD_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}[·•・][\u4e00-\u9fff]{1,8}")
# A card holds a few post lines between the name and the talk's words.
_CARD_POSTS = 4


def _post_in_a_speakers_card(i: int, stripped: list[str]) -> bool:
    """Whether line ``i`` is one of the post lines of a speaker's card in a digest of talks: a name alone on its line,
    one to a few post lines with no sentence in them, then the talk's paragraph under them. Two speakers may
    hold the same post (中国某某学会副会长 under each name), so the line repeats as chrome does, but it is the article's."""
    if not stripped[i] or _TEXT_PUNCT.search(stripped[i]) or len(stripped[i]) > _SHORT:
        return False
    top = i
    while top > 0 and stripped[top - 1] and not _TEXT_PUNCT.search(stripped[top - 1]) and i - top < _CARD_POSTS:
        top -= 1
    name = simplified(stripped[top])
    if top == i or not (_looks_like_a_name(name) or _CARD_NAME.fullmatch(name)):
        return False
    end = i + 1
    while end < len(stripped) and stripped[end] and not _TEXT_PUNCT.search(stripped[end]):
        end += 1
    under = next((line for line in stripped[end:] if line), "")  # the words, right under the card or after a blank
    return end - top <= _CARD_POSTS + 1 and is_article_paragraph(under)


def _labels_words_under_it(i: int, stripped: list[str]) -> bool:
    """Whether line ``i`` is a speaker's label (``_SPEAKER_LABEL``) with a line of running text right under it."""
    under = next((line for line in stripped[i + 1 :] if line), "")
    return bool(_SPEAKER_LABEL.match(simplified(stripped[i]))) and is_article_paragraph(under)


def chrome_rule(line: str) -> str | None:
    """The name of the line rule that marks ``line`` (stripped) as chrome, if any.

    The rules read the line in simplified characters without a spinner's pinyin notes, as the page means it."""
    line = simplified(PINYIN_NOTE.sub("", line))
    if _ICP.search(line) and len(line) <= 2 * _SHORT:
        return "site footer"
    if _CALL_TO_ACTION.search(line) and len(line) <= _SHORT:
        return "call to action"
    if _MENU.match(line) and len(line) <= 2 * _SHORT:
        return "site menu"
    if _HEADER_HOME.match(line) and len(line) <= 2 * _SHORT:
        return "site header"
    if _KEYWORDS.match(line) and len(line) <= 2 * _SHORT:
        return "keyword or tag line"
    if _ALT_TEXT.match(line) and len(line) <= 2 * _SHORT and "。" not in line and not _SENTENCE_END.search(line):
        return "image's alternative text"
    if _GALLERY_ALT.search(line) and len(line) <= 3 * _SHORT and "。" not in line:
        return "image's alternative text"
    if _WIDGET_LABEL.match(line):
        return "widget label"
    if _BARE_SEPARATOR.match(line):
        return "bare separator"
    if _CLOSE_MARK.match(line):
        return "close button"
    if _LOST_GLYPH.match(line):
        return "lost picture or character"
    if _DATED_BIO.match(line) and len(line) <= 2 * _SHORT:
        return "dateline with a bio"
    if _CAPTION_THEN_SOURCE.match(line):
        return "photo caption with its source after the full stop"
    if _KIND_AFTER_CAPTION.match(line):
        return "photo caption with the picture's kind after the full stop"
    if _MARKED_KIND_AFTER_CAPTION.match(line):
        return "photo caption with the picture's kind after the full stop"
    if _SCREENSHOT_AFTER_CAPTION.match(line):
        return "screenshot caption with its source after the full stop"
    if (tag := _NAME_WITH_SHORT_FORM.match(line)) and _short_form_of(tag.group("short"), tag.group("name")):
        return "photo's place tag with its short form"
    if _REPRINT_LICENCE.match(line) and len(line) <= 2 * _SHORT:
        return "reprint licence"
    if _PRODUCED_BY.match(line):
        return "producer's credit"
    if _CONTENTS_LABEL.match(line):
        return "table of contents label"
    if _DOUBLE_BULLET_LINK.match(line) and len(line) <= 2 * _SHORT and "。" not in line:
        return "related-links item"
    if _CAPTION_LINE.match(line):
        return "photo caption"
    if _BRACKETED_CREDIT.match(line):
        return "picture's credit in brackets"
    if _PLACED_CAPTION.search(line) and len(line) <= 2 * _SHORT and not re.search(r"[。.!！?？,，;；:：]\s*\S", line):
        return "photo caption placing its people"
    if _NUMBERED_CAPTION.search(line) and len(line) <= 2 * _SHORT:
        return "numbered photo caption"
    if _CREDITED_CAPTION.search(line) and len(line) <= 2 * _SHORT:
        return "photo caption with its credit"
    if _CAPTION_WITH_CREDIT.search(line) and len(line) <= 3 * _SHORT:
        return "photo caption with a picture's credit"
    if _BRACKETED_KIND_AFTER_CAPTION.match(line):
        return "photo caption with a picture's credit"
    if _AGENCY_CREDITED_CAPTION.match(line):
        return "photo caption with a news agency's credit"
    if _CREDIT_LINE.match(line):
        return "picture's credit"
    if _CAPTION_THEN_GIVER.match(line):
        return "picture's credit"
    if (photographer := _PHOTOGRAPHER_LINE.match(line)) and not re.search(
        r"[我你他她它们在拍]", photographer.group("names")
    ):
        return "picture's credit"
    if (
        _CREDIT_AFTER_STOP.search(line)
        and len(line) <= 3 * _SHORT
        # One sentence of caption before the credit, the credit's own closing stop not counted; a caption the picture's
        # triangle opens (▲某某在会场。图为某某发言。某某供图) may hold three, as its 图为… sentence says what is shown.
        and 1
        <= len(re.findall(r"[。!?！？]", re.sub(r"[。.]$", "", line)))
        <= (3 if line.startswith(("▲", "△")) else 1)
    ):
        return "photo caption with its credit after the full stop"
    if _BARE_CREDIT_AFTER_STOP.match(line) and len(line) <= 2 * _SHORT and not any(v in line for v in SPEECH_VERBS):
        return "photo caption with its credit after the full stop"
    if _CREDIT_AFTER_CAPTION.match(line):
        return "photo caption with its credit after a blank"
    if (
        (named := _NAME_AFTER_CAPTION.match(line))
        and not re.search(r"[我你他她它们在拍说讲是了的]", named.group("name"))
        and not any(v in line for v in SPEECH_VERBS)
    ):
        return "photo caption with its photographer's bare name after the full stop"
    if _LIST_HEADING.match(line):
        return "site's list heading"
    if _TOPIC_LINK.match(line):
        return "link to a special topic"
    if _SERIES_PART_LINK.match(line):
        return "link to another part of a series"
    if _BRACKETED_SOURCE.match(line):
        return "source line in brackets"
    if _BRACKETED_OUTLET.match(line):
        return "outlet's name in brackets"
    if _SITE_ITSELF.match(line):
        return "site naming itself"
    if _LOADING.match(line):
        return "loading placeholder"
    if _POST_SIGNATURE.match(line):
        return "embedded social post's signature"
    if _MARKET_QUOTE.match(line):
        return "market quote"
    if (
        _READER_NOTICE.search(line)
        and _READER_ADDRESSED.search(line)
        and _NOTICE_ASKS.search(line)
        # An English notice, with no Chinese character, takes about twice the characters of a Chinese one.
        and len(line) <= (3 if re.search(r"[\u4e00-\u9fff]", line) else 6) * _SHORT
        and not _SOMEONE_SAYS.search(line)
    ):
        return "site's notice to the reader (browser, cookies, privacy, edition)"
    letters = re.sub(r"[\W\d_]", "", line)
    if len(_HIRAGANA.findall(line)) >= _MIN_HIRAGANA and len(_KANA.findall(line)) >= _KANA_SHARE * len(letters):
        return "line in Japanese (the site's prompt for another edition)"
    if len(_SHARE_BUTTON.findall(line)) >= _MIN_SHARE_BUTTONS and not re.search(r"[。!?！？]", line):
        return "share buttons"
    if _TAG_RUN.match(line):
        return "run of tag or board names"
    if _SEARCH_BOX.match(line):
        return "site's search box and its terms"
    if _HYPHENED_KEYWORDS.match(line):
        return "keyword line joined by hyphens"
    if _BARRED_KEYWORDS.match(line):
        return "keyword line joined by bars"
    if (_COMMA_KEYWORDS.match(line) or _LONG_COMMA_KEYWORDS.match(line)) and all(
        re.search(r"[\u4e00-\u9fff]", part) for part in re.split("[,，]", line)
    ):
        return "keyword line joined by commas"
    if _SHORT_COMMA_KEYWORDS.match(line) and sum(bool(_BAIT_WORDS.search(p)) for p in re.split("[,，]", line)) >= 2:
        return "keyword line joined by commas"
    if _SITE_STAMP.search(line) and len(line) <= _SHORT and not _TEXT_PUNCT.search(line):
        return "site stamp"
    reporters = (
        _REPORTERS.match(line)
        or _DATELINED_REPORTERS.match(line)
        or _OUTLETS_REPORTERS.match(line)
        or _OUTLET_REPORTERS.match(line)
        or _AUTHORS_BLANK.match(line)
    )
    if reporters and len(line) <= _SHORT:
        return "reporters' byline"
    if _LABELLED_BREADCRUMB.match(line) and len(line) <= 2 * _SHORT:
        return "breadcrumb"
    if _LOST_SEPARATOR_BREADCRUMB.match(line):
        return "breadcrumb"
    if _HOME_BREADCRUMB.match(line) and len(line) <= 2 * _SHORT:
        return "breadcrumb"
    if _NOW_READING.match(line):
        return "banner naming the article being read"
    if _ORIGINAL_TITLE.match(line):
        return "original headline in brackets"
    if _COUNTER_ALONE.match(line):
        return "page's view counter"
    if _META_FIELDS.match(line):
        return "page's field line"
    if _SUMMARY_WITH_FIELDS.match(line):
        return "site's summary box with the page's field line glued on"
    if _IP_PLACE_STAMP.match(line):
        return "post's place and time stamp"
    if _BARE_URL.match(line):
        return "bare web address"
    if _LABELLED_URL.match(line) and not _BYLINE.search(line):
        return "labelled web address"
    if _PAGE_FILE.match(line):
        return "page's file name or path"
    if _BAR_CREDIT.match(line):
        return "credit line"
    if _AUTHOR_BAR.match(line) and len(line) <= 3 * _SHORT:
        return "byline"
    if _LABEL_LAST_CREDIT.match(line):
        return "credit line with its label last"
    if _COMMENT_FORM.search(line) and len(line) <= _SHORT:
        return "comment form"
    if _REPRINT_POLICY.search(simplified(line)) and len(line) <= 3 * _SHORT:
        return "site's reprint policy"
    if _HOSTING_DISCLAIMER.search(line) and len(line) <= 6 * _SHORT:
        return "site's disclaimer"
    if _OWN_DISCLAIMER.search(line) and len(line) <= 6 * _SHORT and not _SOMEONE_SAYS.search(line):
        return "site's disclaimer"
    if _DEFER_TO_NOTICE.match(line) and not _SOMEONE_SAYS.search(line):
        return "notice's item deferring to the authority"
    if _NOTICE_HEADING.match(line):
        return "notice's heading"
    if _CONTACT_AD.search(line) and len(line) <= 2 * _SHORT and "。" not in line:
        return "ad with a messenger id"
    if _WELCOME.match(line):
        return "site's welcome line"
    if _NEXT_ISSUE.match(line) and len(line) <= _SHORT:
        return "next issue's topic"
    if _SITE_LINKS.match(line):
        return "site's footer links"
    if _TAKEDOWN.search(line) and len(line) <= 2 * _SHORT:
        return "repost's takedown note"
    if _REPOST_PLEA.search(line) and len(line) <= 3 * _SHORT:
        return "repost's plea to be told of a wrong source"
    if _SITE_BUILDER.search(line) and len(line) <= _SHORT and "。" not in line:
        return "site builder's slogan"
    if _PRINT_CONTROLS.search(line) and len(line) <= 3 * _SHORT and "。" not in line:
        return "print and close controls"
    if _DATED_SOURCE.match(line) and len(line) <= 2 * _SHORT:
        return "date and source line"
    if _DATED_FIELDS.match(line) and len(_FIELD_LABEL.findall(line)) >= 2 and len(_URL.sub("", line)) <= 3 * _SHORT:
        return "date and field line"
    if _SECTION_LABEL.match(line):
        return "section label"
    if _RIGHTS_NOTICE.search(line) and len(line) <= 3 * _SHORT:
        return "rights or licence notice"
    if _EVENT_TOPIC_LINK.match(line):
        return "event's topic link"
    if _VIDEO_LINK.match(line) and len(line) <= _SHORT and not line.endswith("。"):
        return "video link"
    if _EDITOR_CREDIT.match(line) and not _BYLINE.search(line):
        return "editor's credit"
    if _REPOST_NOTE.match(line) and len(line) <= 3 * _SHORT:
        return "repost's source note"
    if _COMPILED_NOTE.match(line) and len(line) <= 3 * _SHORT:
        return "editor's note on how the text was compiled"
    if len(_CREDIT_FIELD.findall(line)) >= 2 and _CREDIT_BAR.search(line) and len(line) <= 3 * _SHORT:
        return "source and credits line"
    if (
        _BYLINE.search(line)
        and re.search(_DATE, line)
        and len(re.findall(r"[|｜丨]", line)) >= 2
        and not _SENTENCE_END.search(line)
        and len(line) <= 3 * _SHORT
    ):
        # A byline with its fields set off by bars (本文作者: 某某 | 2018-07-06 17:08 | 专题:某峰会 |): too long for
        # the short lines' rules, and no sentence.
        return "byline with its fields"
    if (
        _COMMENT_COUNT.search(line)
        and re.search(_DATE, line)
        and len(re.findall(r"[|｜丨]", line)) >= 2
        and not _SENTENCE_END.search(line)
        and len(line) <= 3 * _SHORT
    ):
        return "post's field line with its comments"
    # The same field line set off by spaces, not bars (某某网  16条评论  459次浏览  2017年11月03日 星期五 22:31): a count
    # of comments and one of views beside a date are the page's counters, no sentence.
    if (
        _COMMENT_COUNT.search(line)
        and _VIEW_COUNT.search(line)
        and re.search(_DATE, line)
        and not _SENTENCE_END.search(line)
        and len(line) <= 3 * _SHORT
    ):
        return "post's field line with its comment and view counts"
    if _COLUMN_ABOUT_ITSELF.match(line):
        return "column's line about itself"
    if _EMPTY_WIDGET.match(line):
        return "widget's empty state"
    if len(line) > _SHORT and _DATES_AND_WORDS.match(line) and not _TEXT_PUNCT.search(re.sub(_DATE, "", line)):
        # Longer than a short line by a second date (date 2024-03-01 某某网编译某某 2024-03-01 12:50): no sentence.
        return "date line"
    if (
        re.search(_DATE, line)
        and _SITE_ADDRESS.search(line)
        and not _TEXT_PUNCT.search(_SITE_ADDRESS.sub("", re.sub(_DATE, "", line)))
        and len(line) <= 3 * _SHORT
    ):
        # A date and the site's address glued to its channel and name (某频道 2025-01-02 03:04www.example.com某某网):
        # the page's stamp line, no sentence.
        return "date and site address line"
    if _LONG_PICTURE_SOURCE.match(line) and len(line) <= 2 * _SHORT:
        return "image caption or placeholder"
    if len(_URL.sub("", line)) > _SHORT or "。" in line:
        return None
    for name, pattern in LINE_RULES:
        if not pattern.search(line):
            continue
        if name == "breadcrumb" and not (_BREADCRUMB_HOME.search(line) or len(re.findall(_BREADCRUMB_SEP, line)) >= 2):
            continue
        if name == "login or register" and _SENTENCE_END.search(line):
            continue
        # 记者:为什么…? is an interviewer's question under its turn label, not a credit: a byline never asks.
        if name == "byline" and re.search(r"[?？]\s*$", line):
            continue
        # 记者: alone on its line, nothing after the colon, is an interview's turn label whose question is the next
        # line: a byline names its reporter after the label.
        if name == "byline" and re.fullmatch(r"记者\s*[:：]", line.strip()):
            continue
        return name
    return None


def _line_pattern(line: str) -> str:
    # re.escape also escapes spaces, which regular expressions do not need; the rules stay readable.
    return re.escape(line).replace("\\ ", " ")


def _watermark(publisher: str) -> str:
    """The publisher's name stamped after a paragraph's last sentence (。雷峰网, 。雷峰网(公众号:雷峰网))."""
    name = re.escape(publisher.strip())
    return rf"(?<=[。!?！？」”]){name}(?:[(（]公众号[:：]{name}[)）])?(?=[{_BLANK}]*$)"


def _glued_jammer(line: str) -> str | None:
    match = _GLUED_JAMMER.search(line)
    if match is None:
        return None
    tokens = match.group("run").split()
    return match.group("run") if sum(1 for t in tokens if not t.isalnum()) >= _MIN_SYMBOL_TOKENS else None


def _glued_jammer_start(line: str) -> str | None:
    match = _GLUED_JAMMER_START.match(line)
    if match is None:
        return None
    tokens = match.group("run").split()
    return match.group(0) if sum(1 for t in tokens if not t.isalnum()) >= _MIN_SYMBOL_TOKENS else None


def _jammer_evidence(line: str) -> bool:
    """Whether strip_jammer takes a jammer run from ``line``, not just the half-width punctuation that ends it.

    A page that writes its sentences with half-width punctuation after a closing quote or bracket
    ("为什么主题定为“应用来了”?", "…删减):") loses that mark to strip_jammer; a real jammer run holds a
    letter or a digit ("( e* H8 f6 L1").
    """
    kept = strip_jammer(line)
    if kept == line:
        return False
    removed = _removed_part(line, kept) if kept is not None else line
    return bool(re.search(r"[A-Za-z0-9]", removed))


def _removed_part(line: str, kept: str) -> str:
    """What strip_jammer took from ``line``: a prefix, a suffix or both."""
    at = line.find(kept.strip(_BLANK))
    if at < 0 or not kept.strip(_BLANK):
        return line.strip(_BLANK)
    return " ".join(p.strip(_BLANK) for p in (line[:at], line[at + len(kept.strip(_BLANK)) :]) if p.strip(_BLANK))


# A teaser repeats the article's opening and stops with an ellipsis ("…在那晚的分歧以后,二人终..."): it is a
# summary the site shows above the text, and the article follows it in full.
_TEASER_END = re.compile(r"(?:\.{3,}|…+)$")
_MIN_TEASER_CHARS = 20


# The label a portal prints before its teaser, which the saved page may glue to it (摘要某某是…这一……, 导读:…).
_TEASER_LABEL = re.compile(r"^(?:文章|内容|AI)?(?:摘要|导读|导语|提要|简介)\s*[:：]?\s*")


def _next_issue_topic_runs_on(i: int, lines: list[str]) -> bool:
    """Whether the line is the next issue's topic run on from a notice (下期话题:老师和家长们 then 一天要打几次卡?): a
    short line ending in a question mark, right after a notice line whose topic ends in no punctuation."""
    before = next((lines[j] for j in range(i - 1, -1, -1) if lines[j]), "")
    return (
        bool(_NEXT_ISSUE.match(before))
        and not _TEXT_PUNCT.search(before[_NEXT_ISSUE.match(before).end() :])  # type: ignore[union-attr]
        and len(lines[i]) <= _SHORT
        and bool(re.search(r"[?？]$", lines[i]))
    )


def _is_teaser(line: str, after: list[str]) -> bool:
    end = _TEASER_END.search(line)
    if end is None:
        return False
    opening = _squash(line[: end.start()])
    if (label := _TEASER_LABEL.match(simplified(opening))) and opening[label.end() :] in _squash("".join(after)):
        opening = opening[label.end() :]
    return len(opening) >= _MIN_TEASER_CHARS and opening in _squash("".join(after))


_CAPTION_CHARS = 30


def _is_caption_under_image(i: int, lines: list[str], image_lines: set[int]) -> bool:
    """A short line with no punctuation of running text right under a line that held only an image (blank
    lines between allowed), and no numbered heading: the picture's caption ("零一万物CEO李某某博士")."""
    line = lines[i]
    if len(line) > _CAPTION_CHARS or _TEXT_PUNCT.search(line) or re.match(r"[\d一二三四五六七八九十]+\s*[、.．]", line):
        return False
    above = i - 1
    while above >= 0 and not lines[above] and above not in image_lines:
        above -= 1
    return above in image_lines


# A page that sets its paragraphs apart with blank lines prints a picture's caption right under the picture, with no blank
# line between them (a figure's caption), however long and even as a sentence: "某地新总部将落于某园区,…可见工作机会增加。"
# under the photo's file name. Most of its other lines must have a blank line under them, so a page that runs its
# paragraphs line after line (a picture, then the next paragraph) keeps them; a caption is one sentence with no quotation
# and no verb of saying.
_GLUED_CAPTION_CHARS = 3 * _SHORT
_BLANK_SEPARATED_SHARE, _MIN_SEPARATED_LINES = 0.8, 3


def _caption_glued_under_image(i: int, lines: list[str], image_lines: set[int]) -> bool:
    line = lines[i]
    if (
        i == 0
        or i - 1 not in image_lines
        or lines[i - 1]  # the image line holds more than the picture
        or (i + 1 < len(lines) and lines[i + 1])
        or len(line) > _GLUED_CAPTION_CHARS
        or len(re.findall(r"[。!?！？]", line)) > 1
        or re.search(r"[“”「」『』\"]", line)
        or any(v in simplified(line) for v in SPEECH_VERBS)
    ):
        return False
    others = [j for j, text in enumerate(lines[:-1]) if text and j != i and j not in image_lines]
    separated = sum(1 for j in others if not lines[j + 1])
    return separated >= _MIN_SEPARATED_LINES and separated >= _BLANK_SEPARATED_SHARE * len(others)


# A picture's alt text and its caption glued together between blank lines on a page that sets its paragraphs apart with
# blank lines (某会AI辩论 over 某论坛圆桌辩论现场): two short lines with no punctuation, the second naming the scene as a
# bare noun phrase. A heading stands alone; one that names only the scene (峰会现场) keeps its line when no label is
# glued over it.
_SCENE = re.compile(r"^[^\s,，。、:：;；!！?？“”「」]{1,12}(?:现场|合影|留影|一角|全景)$")


def _scene_caption_pair(i: int, lines: list[str]) -> bool:
    at = i if i + 1 < len(lines) and lines[i + 1] and _SCENE.match(lines[i + 1]) else i - 1
    if at < 0 or at + 1 >= len(lines) or not _SCENE.match(lines[at + 1]):
        return False
    pair = lines[at : at + 2]
    if (
        any(not line or len(line) > _CAPTION_CHARS or _TEXT_PUNCT.search(line) for line in pair)
        or (at > 0 and lines[at - 1])
        or (at + 2 < len(lines) and lines[at + 2])
    ):
        return False
    others = [j for j, text in enumerate(lines[:-1]) if text and j not in (at, at + 1)]
    separated = sum(1 for j in others if not lines[j + 1])
    return separated >= _MIN_SEPARATED_LINES and separated >= _BLANK_SEPARATED_SHARE * len(others)


# A caption that tells again, in fewer words, what a sentence right beside it says (the text: "会前,某某在实验室里,
# 向机器人如此提问。", under the photo: "某某在实验室里向机器人提问。"): the words of a short line of one sentence are, in order,
# those of a sentence of the line before or after, with a few left out of it (a comma, an adverb).
_RETOLD_CHARS, _RETOLD_MIN_CORE, _RETOLD_SLACK = 30, 8, 4
_CORE = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]")


def _tightest_window(short: str, long: str) -> int | None:
    """The length of the shortest run of ``long`` that holds the characters of ``short`` in order, if any."""
    best: int | None = None
    for start in (i for i, ch in enumerate(long) if ch == short[0]):
        at = start
        for ch in short[1:]:
            at = long.find(ch, at + 1)
            if at < 0:
                return best
        if best is None or at - start + 1 < best:
            best = at - start + 1
    return best


def _doubled_half(line: str) -> str | None:
    """The sentence ``line`` writes twice in a row (某某首度来港。 某某首度来港。), if it is only that sentence twice."""
    squashed = re.sub(r"\s+", "", line)
    half = squashed[: len(squashed) // 2]
    if len(squashed) % 2 or len(half) < _DOUBLED_MIN or squashed != half * 2 or not _SENTENCE_END.search(half):
        return None
    return half


def _doubled_caption(i: int, lines: list[str]) -> bool:
    """A line that is one sentence written twice over, or that sentence alone right beside such a line: a gallery's
    caption, which the page printed once per picture (and once more under the gallery). No paragraph of an article
    writes one sentence twice in a row."""
    if _doubled_half(lines[i]):
        return True
    squashed = re.sub(r"\s+", "", lines[i])
    neighbours = [
        next((lines[j] for j in range(i - 1, -1, -1) if lines[j]), ""),
        next((lines[j] for j in range(i + 1, len(lines)) if lines[j]), ""),
    ]
    return any(_doubled_half(n) == squashed for n in neighbours if n)


def _retells_a_neighbour(i: int, lines: list[str]) -> bool:
    """A short line of one sentence, ending with a full stop, whose words a longer sentence of the nearest line before
    or after holds nearly in a row: the caption of the photo beside that paragraph."""
    line = lines[i]
    core = _CORE.sub("", line)
    if len(line) > _RETOLD_CHARS or len(core) < _RETOLD_MIN_CORE or line[0] in '“「『"' or not line.endswith("。"):
        return False  # a heading (no full stop) may well repeat the words of the paragraph under it
    if re.search(r"[。!?！？…]", line.rstrip("。.!！?？…")):
        return False  # more than one sentence
    neighbours = [
        next((lines[j] for j in range(i - 1, -1, -1) if lines[j]), ""),
        next((lines[j] for j in range(i + 1, len(lines)) if lines[j]), ""),
    ]
    for neighbour in neighbours:
        for sentence in re.split(r"(?<=[。!?！？…])", neighbour):
            window = _tightest_window(core, _CORE.sub("", sentence))
            if window is not None and len(_CORE.sub("", sentence)) > len(core) and window <= len(core) + _RETOLD_SLACK:
                return True
    return False


# A sentence telling who gave a talk where (某大学院长某某在某论坛上作报告。): the photo's caption, when it stands over
# the lede and the text below writes the person's posts and name again, nearly word for word.
_TALK_WHERE = re.compile(
    r"^(?P<who>[^,，。;；:：!！?？“”「」『』]{10,80}?)在[^,，。;；:：!！?？“”「」『』]{2,30}?"
    r"(?:发表|作|做)了?[^,，。]{0,4}?(?:演讲|讲话|致辞|发言|报告)。$"
)
_TALK_WHO_CHARS = 10  # the posts and name retold below are at least this long
_TALK_RETOLD_LINES = 6  # and stand within these many lines under the caption
_TALK_RETOLD_SHARE = 0.8  # the share of them a line below writes in a row


def _talk_caption_retold_below(i: int, lines: list[str]) -> bool:
    """Whether line ``i`` is one sentence telling that a person gave a talk somewhere, whose words before 在 (the
    person's posts and name) a line of the next few writes again: a photo's caption, the text tells of the talk."""
    talk = _TALK_WHERE.match(simplified(PINYIN_NOTE.sub("", lines[i])))
    if talk is None or len(_squash(talk.group("who"))) < _TALK_WHO_CHARS:
        return False
    who = _squash(talk.group("who"))
    below = [simplified(PINYIN_NOTE.sub("", line)) for line in lines[i + 1 :] if line][:_TALK_RETOLD_LINES]
    # Nearly all of it in a row: a garbled quotation mark glued to the posts may cost a character or two of them.
    return any(_longest_common_run(who, _squash(line)) >= _TALK_RETOLD_SHARE * len(who) for line in below)


def _people_card(lines: list[str]) -> set[int]:
    """The lines of a card of people (a People / Guests label, names and their one-line bios) that another widget
    label closes within a few lines; a label that nothing closes marks no card."""
    card: set[int] = set()
    for i, line in enumerate(lines):
        if not _PEOPLE_LABEL.match(line):
            continue
        inside = [j for j in range(i + 1, len(lines)) if lines[j]][: _CARD_LINES + 1]
        end = next((j for j in inside if _WIDGET_LABEL.match(lines[j])), None)
        if end is not None:
            card.update(j for j in inside if j < end)
    return card


# A host site's recommendation box above a reposted article: its label on a line of its own, the recommendation, the
# points it lists, then the recommender's card (a name on its line, a title line under it). Without the card that
# closes it within a few lines, the label marks no box.
_RECOMMENDATION_LABEL = re.compile(r"^(?:推荐语|推荐理由|编辑推荐|小编推荐)[:：]?$")
_BOX_LINES = 10
_CARD_TITLE = re.compile(rf"{_TITLE_WORD}|专家|作者|编辑")


def _looks_like_a_name(line: str) -> bool:
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", line):
        return False
    return line[:2] in COMPOUND_SURNAMES or line[0] in SURNAMES


# A line numbered 1 (1. 某某 / 1、某某), as a list's first item is.
_NUMBERED_ONE = re.compile(r"^1\s*[.、．]\s*\S")


def _lists_of_one(lines: list[str]) -> set[int]:
    """Lines each numbered 1 one after another with no sentence mark at their end (1. 更多 / 1. 某某案 某某、…): a page's
    link boxes, each a list of its own; an article's numbered list counts on (1. / 2.), never starts over at every
    item."""
    nonblank = [j for j, line in enumerate(lines) if line]
    found: set[int] = set()
    for one, other in itertools.pairwise(nonblank):
        if all(_NUMBERED_ONE.match(lines[j]) and not _SENTENCE_END.search(lines[j]) for j in (one, other)):
            found.update((one, other))
    return found


def _recommendation_box(lines: list[str]) -> set[int]:
    """The lines of a recommendation box: from its label to the recommender's title line that closes it."""
    box: set[int] = set()
    for i, line in enumerate(lines):
        if not _RECOMMENDATION_LABEL.match(line):
            continue
        inside = [j for j in range(i + 1, len(lines)) if lines[j]][: _BOX_LINES + 1]
        for name_at, title_at in itertools.pairwise(inside):
            title = lines[title_at]
            if (
                _looks_like_a_name(lines[name_at])
                and len(title) <= _SHORT
                and not _TEXT_PUNCT.search(title)
                and _CARD_TITLE.search(title)
            ):
                box.update(range(i, title_at + 1))
                break
    return box


def _name_caption(i: int, lines: list[str]) -> bool:
    """A person's name alone on a line, once on the page, between paragraphs of the article that tell of that person:
    the caption of their photo. A speaker's label is not: it recurs, it answers a question or a colon, or the answer
    under it speaks in the first person (the reading of ``knowledge.ingest.speakers``)."""
    line = simplified(lines[i])
    if not _looks_like_a_name(line) or sum(1 for other in lines if simplified(other) == line) > 1:
        return False
    before = next((lines[j] for j in range(i - 1, -1, -1) if lines[j]), "")
    after = next((lines[j] for j in range(i + 1, len(lines)) if lines[j]), "")
    if not before or re.search(r"[?？:：]\s*$", before) or not _SENTENCE_END.search(before):
        return False
    if not is_article_paragraph(after) or speaks_first_person(simplified(after)):
        return False
    return any(line in simplified(other) for j, other in enumerate(lines) if j != i)


# An item of a bulleted list (■ 某某观点 / ● …): a statement the article lists, a menu's link never is (it has fewer
# characters of text); and the heading that opens such a list (观点提要: / 核心观点:).
_BULLETS = "■□●○◆◇•▪▫·\\-–"
_BULLET_ITEM = re.compile(rf"^[{_BULLETS}]\s*(?:[^\s\u4e00-\u9fff]*[\u4e00-\u9fff]){{8}}")
_POINTS_HEADING = re.compile(r"^(?:观点提要|内容提要|要点|本文要点|核心观点|主要观点|核心提示|导读|摘要)\s*[:：]$")


# A deck under the headline or a subheading over the lede: who spoke on what, a colon, then the gist in clauses
# (某某谈…:…更具优势,能…), or a statement of it (某某是…的核心技术).
_DECK = re.compile(
    r"^[^\s:：,，。!！?？;；“”「」『』|｜/／]{2,24}[:：][^\s:：。!！?？;；|｜/／]{4,40}[,，][^\s:：。!！?？;；|｜/／]{2,30}$"
    r"|^[\u4e00-\u9fffA-Za-z0-9]{3,20}是[\u4e00-\u9fffA-Za-z0-9]{4,24}$"
)
_DECK_SHARED = 4  # characters in a row the deck and the text under it both write


def _deck_over_lede(i: int, lines: list[str], first: int) -> bool:
    """Whether line ``i`` is the last line above the first paragraph and reads as the article's deck or subheading:
    the gist stated (_DECK) in words the first paragraphs write too, four characters in a row."""
    if i >= first or any(lines[j] for j in range(i + 1, first)) or not _DECK.match(simplified(lines[i])):
        return False
    deck = re.sub(r"\s", "", simplified(lines[i]))
    text = re.sub(r"\s", "", simplified("".join(lines[first : first + 8])))
    runs = (deck[k : k + _DECK_SHARED] for k in range(len(deck) - _DECK_SHARED + 1))
    return any(re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]+", run) and run in text for run in runs)


# A menu's item holds no mark of a sentence (• 某某创作热门-某社区), however many characters it has.
_SENTENCE_MARK = re.compile(r"[,，。:：;；!！?？、“”「」]")
_MENU_LOOKBACK = 10  # lines above a bulleted item read to find the menu it ends


def _in_a_menu(i: int, lines: list[str]) -> bool:
    """Whether bulleted line ``i``, with no mark of a sentence, ends a site's menu: the lines above it, up to a bulleted
    link too short to be a point (• 首页), are all short and hold no mark of a sentence either."""
    if _SENTENCE_MARK.search(lines[i]):
        return False
    above = [simplified(lines[j]) for j in range(max(0, i - _MENU_LOOKBACK), i) if lines[j]]
    for line in reversed(above):
        if _SENTENCE_MARK.search(line) or len(line) > _SHORT:
            return False
        if re.match(rf"[{_BULLETS}]", line) and not _BULLET_ITEM.match(line):
            return True
    return False


# A site's menu whose links the page ran together on one line (某某在线某某荟萃某某网谈…关于我们联系我们): fifty Chinese
# characters or more in a row with no mark of punctuation and no blank, perhaps a last link or two set off by a blank
# (…联系我们 站内搜索). Running text that long always holds a comma or a stop, so above the first paragraph such a line
# is the menu, not where the article starts.
_GLUED_MENU = re.compile(r"^[\u4e00-\u9fff]{50,}(?:[ \u3000]+[\u4e00-\u9fff]{1,12})*$")


# A bullet with only a bar after it (• |): a site's info bar (date, issue, section, who sent it, views) laid out as a list
# whose items the bars divide; an article's list never sets bars between its points.
_BULLETED_BAR = re.compile(rf"^[{_BULLETS}]\s*[|｜丨]$")


def _in_a_barred_row(i: int, lines: list[str]) -> bool:
    """Whether bulleted line ``i`` sits right next to (blank lines aside) a bullet holding only a bar: an info bar's field."""
    before = next((lines[j] for j in range(i - 1, -1, -1) if lines[j]), "")
    after = next((lines[j] for j in range(i + 1, len(lines)) if lines[j]), "")
    return bool(_BULLETED_BAR.match(before) or _BULLETED_BAR.match(after))


def _listed_point(i: int, lines: list[str]) -> bool:
    """A bulleted item of the article's list, or the heading right over such an item."""
    line = simplified(lines[i])
    if _BULLET_ITEM.match(line):
        return not _in_a_menu(i, lines) and not _in_a_barred_row(i, lines)
    after = next((lines[j] for j in range(i + 1, len(lines)) if lines[j]), "")
    return bool(_POINTS_HEADING.match(line) and _BULLET_ITEM.match(simplified(after)))


# A portal's generated summary box above the article: its label on a line of its own (文章摘要 / AI摘要), then lines that
# tell what the article is or does, not what anyone thinks: a lead (本文是…的一篇文章,…讲述了…) and bullets whose text,
# after an emoji and a heading, opens with such a verb (• 🎨 产品创新:介绍了… / • 💡 …:作者分享了…).
_SUMMARY_LABEL = re.compile(r"^(?:文章|内容|全文|AI|智能)?(?:摘要|总结|概要)[:：]?$", re.IGNORECASE)
_TELLS_OF_ARTICLE = r"(?:本文|文章|该文|全文|作者)?(?:主要)?(?:介绍|讲述|讲|分享|探讨|分析|阐述|回顾|总结|描述|解读|揭示|展示|讨论|梳理|记录)了"
_SUMMARY_LEAD = re.compile(rf"^(?:本文|文章|该文|全文)[^。!?！？]{{0,60}}?{_TELLS_OF_ARTICLE}")
_SUMMARY_BULLET = re.compile(
    rf"^[{_BULLETS}*]\s*[^\u4e00-\u9fffA-Za-z0-9]*\s*(?:[^,，。:：;；]{{1,16}}[:：]\s*)?{_TELLS_OF_ARTICLE}"
)


def _summary_box(lines: list[str]) -> set[int]:
    """The lines of a generated summary box: its label and the lead and bullets under it that tell of the article,
    up to the first line that does not. A label with no such line under it marks no box."""
    box: set[int] = set()
    for i, line in enumerate(lines):
        if not _SUMMARY_LABEL.match(line):
            continue
        told = []
        for j in range(i + 1, len(lines)):
            below = simplified(lines[j])
            if not below:
                continue
            if not (_SUMMARY_LEAD.match(below) or _SUMMARY_BULLET.match(below)):
                break
            told.append(j)
        if told:
            box.update([i, *told])
    return box


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _latin_widget(i: int, lines: list[str]) -> bool:
    """A short line of a Chinese page with no Chinese in it, between two lines a chrome rule marks (找回密码 / Sign in
    with Twitter / What's happening? / 微信登录): a sign-in widget's text, though it ends like a sentence."""
    line = lines[i]
    if not line or len(line) > _SHORT or _CJK.search(line):
        return False
    before = next((lines[j] for j in range(i - 1, -1, -1) if lines[j]), "")
    after = next((lines[j] for j in range(i + 1, len(lines)) if lines[j]), "")
    return bool(before and after and chrome_rule(before) and chrome_rule(after))


# A person's post and name alone on a line (某某公司CEO 张某 / 全国人大代表张某 / 某省政协委员李某 / 中国科学院院士王某 /
# 某市某委员会主任赵某): the caption of their photo, no sentence.
# The head of an association or a chamber (某某商会会长 某某 / 某某学会理事长 某某) is a post as much as a chairman is.
# A person may hold up to three posts set off by 、 before the last (某创投董事长、某协会副会长、某大学教授某某).
_TITLED_NAME = re.compile(
    rf"^(?:[^\s,，。、:：;；!！?？“”「」()（）]{{1,20}}?、){{0,3}}[^\s,，。、:：;；!！?？“”「」()（）]{{0,16}}?(?:{_TITLE_WORD}|代表|委员|院士|主任|会长|理事长|秘书长)\s*(?P<name>{_REPORTER_NAME})$"
)


def _titled_name_caption(i: int, lines: list[str]) -> bool:
    """A post and a name on a line of its own, once on the page, that the page's running text (its title or its lead)
    writes as well, inside a longer line: the caption of that person's photo, not a speaker's label (which recurs)."""
    line = simplified(lines[i])
    if not _TITLED_NAME.match(line):
        return False
    key = _squash(line)
    if sum(1 for other in lines if _squash(simplified(other)) == key) > 1:
        return False
    return any(key in _squash(simplified(other)) and _squash(simplified(other)) != key for other in lines)


# A photo's caption naming the display area it shows (「某某大会」展示区 / 某公司展台), no other words: the event or the
# exhibitor's name, quoted or not, then the area.
_AREA_CAPTION = re.compile(
    r"^[「“『《]?(?P<what>[^\s,，。、:：;；!！?？“”「」『』《》]{2,30}?)[」”』》]?\s*(?:展示区|展区|展台|展位|展厅)$"
)


def _area_caption(i: int, lines: list[str]) -> bool:
    """A line that only names a display area, whose event or exhibitor the page's running text writes inside a longer
    line: the caption of the photo of that area, not a heading (which names a part of the article)."""
    area = _AREA_CAPTION.match(simplified(lines[i]))
    if area is None:
        return False
    what = _squash(area.group("what"))
    return any(
        what in _squash(simplified(other)) and len(_squash(other)) > len(_squash(lines[i]))
        for j, other in enumerate(lines)
        if j != i
    )


# A photo's caption that tells who gives a talk (某公司CEO某某通过视频发表主题演讲 / 某某发表讲话): no punctuation, the
# talk at its end. A lecture is a talk too (某科室研究员某某作专题讲座).
_TALK_CAPTION = re.compile(
    r"^(?P<who>[^,，。、;；:：!！?？…“”「」『』()（）]{4,36}?)(?:发表|作|做)了?[^,，。]{0,4}?(?:演讲|讲话|致辞|发言|报告|讲座)$"
    # Or the address alone right after the post and the name, no verb before it (某机构院长某某致辞): 致辞 is a noun and
    # a verb both, and the neighbours' words still tell a caption from a heading.
    r"|^(?P<addresser>[^,，。、;；:：!！?？…“”「」『』()（）]{4,36}?)致辞$"
)
_TALK_CAPTION_RUN = 5


def _longest_common_run(a: str, b: str) -> int:
    """The length of the longest run of characters ``a`` and ``b`` both hold."""
    best, row = 0, [0] * (len(b) + 1)
    for ch in a:
        diagonal = 0
        for j, other in enumerate(b, start=1):
            diagonal, row[j] = row[j], (diagonal + 1 if ch == other else 0)
            best = max(best, row[j])
    return best


def _talk_caption(i: int, lines: list[str]) -> bool:
    """A line without punctuation telling who gave a talk, whose words before the talk (the person's post and name,
    how they took part) the paragraph right before it writes, in a run longer than any the paragraph after it shares:
    the caption of the photo under the paragraph that tells of the talk. A heading over the paragraph that tells of it
    shares more with the paragraph after it, and stays."""
    caption = _TALK_CAPTION.match(simplified(lines[i]))
    if caption is None:
        return False
    who = _squash(caption.group("who") or caption.group("addresser"))
    before = next((lines[j] for j in range(i - 1, -1, -1) if lines[j]), "")
    after = next((lines[j] for j in range(i + 1, len(lines)) if lines[j]), "")
    shared_before = _longest_common_run(who, _squash(simplified(before)))
    return shared_before >= _TALK_CAPTION_RUN and shared_before > _longest_common_run(who, _squash(simplified(after)))


# A site's summary line above the article (摘要:… / 导读:…), the label and then, word for word, the paragraph that
# follows it: the site's copy of the lead, whose paragraph stays.
_SUMMARY_LINE = re.compile(r"^(?:摘要|导读|导语|内容提要|提要|简介)\s*[:：]\s*(?P<text>\S.*)$")
_MIN_SUMMARY_CHARS = 20


def _summary_repeating_next(i: int, lines: list[str]) -> bool:
    """A labelled summary line whose text the next line of the page starts with, at least a sentence of it."""
    match = _SUMMARY_LINE.match(simplified(lines[i]))
    if match is None:
        return False
    told = _squash(match.group("text"))
    after = next((lines[j] for j in range(i + 1, len(lines)) if lines[j]), "")
    return len(told) >= _MIN_SUMMARY_CHARS and _squash(simplified(after)).startswith(told)


# A portal's own summary of the article printed above it (摘要:…), the label and its colon then the text; not a paper's
# abstract, which its keywords follow (关键词:…).
_SITE_SUMMARY = re.compile(r"^摘要\s*[:：]\s*\S")
_PAPER_KEYWORDS = re.compile(r"^(?:【\s*)?关键[词字](?:\s*】)?\s*[:：]?")


# The label of the article's body (正文:…): a page that labels its body so lays the article out in labelled parts, its
# 摘要: among them, the writer's own summary.
_BODY_LABEL = re.compile(r"^正文\s*[:：]\s*\S")


def _site_summary(i: int, lines: list[str]) -> bool:
    """A 摘要: line with no paper's keywords line among the two lines under it, nor a line below that labels the body
    正文: (the caller takes it only above the article: inside the text a 摘要: line is the article's)."""
    if not _SITE_SUMMARY.match(simplified(lines[i])):
        return False
    below = [line for line in lines[i + 1 :] if line][:2]
    if any(_BODY_LABEL.match(simplified(line)) for line in lines[i + 1 :]):
        return False
    return not any(_PAPER_KEYWORDS.match(simplified(line)) for line in below)


_CUT_TEXT_CHARS = 15
# A last line cut short in the middle of a name the article spelt out before (…某某研究院所长… / 某某研究): at least this
# long, so a footer's short label or a site's name that the text also cites is not taken for it.
_CUT_NAME_CHARS = 5
# A heading that names what the part under it is about (访谈背景:… / 本文主题:… / 引言:…, or bare: 活动背景): the
# article's, unlike a page's field line (来源:… / 栏目:…).
# So is one that says where the telling starts (从“某某”说起 / 从一次对话谈起), a site's label never does.
_PART_HEADING = re.compile(
    r"^[\u4e00-\u9fff]{0,4}(?:背景|主题|话题|议题|缘起|前言|引言|序言)(?:\s*[:：]\s*\S|$)"
    r"|^从[^,，。:：!！?？]{1,20}(?:说起|谈起|讲起)$"
)
_LIST_INTRO = re.compile(r"^(?:[^:：\u4e00-\u9fff]*[\u4e00-\u9fff]){6}[^:：]*[:：]$")
# A line that is nothing but a bracketed note and its colon ((由几段文字组成):), a text generator's leftover over the article,
# introduces no list: a list's heading names it outside its brackets (对话嘉宾(以姓氏笔画为序):).
_BRACKETED_NOTE_LABEL = re.compile(r"^[(（][^()（）:：]{1,20}[)）]\s*[:：]$")
# A timeline's section heading: a few words, a colon and the day it tells of (某事开始:11月17日 / 某事:3月2日晚), which the
# article's later headings repeat in shape; over the first paragraph it is the first of them, not a site's dateline.
_DATED_HEADING = re.compile(
    r"^[^\s,，。:：;；!！?？]{1,12}[:：]\s*(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:凌晨|早上|上午|中午|下午|傍晚|晚间|晚上|晚)?$"
)
_DATED_HEADINGS_AFTER = 2  # the later headings so dated that make the one over the first paragraph the first of them
# A section heading numbered in Chinese numerals (三、行业的拐点, or with a full stop after the numeral: 一. 前言), which a
# site's menu or label never is.
_NUMBERED_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．]\s*\S")
# A topic numbered in digits (1. 某某与价值), over a speaker's label that opens the page's first point.
_DIGIT_HEADING = re.compile(r"^\d{1,2}\s*[、.．]\s*[^\d\s]")
# A speaker's label alone on a line (a handle or a name): short, with no sentence's punctuation.
_LABEL_LINE = 12
# A guest's line in a round-table's list: a name of two to four characters, perhaps spaced out to line up (王　明), a
# blank, then the guest's post (某某科技董事长), with no sentence in it. A school's head (某中学原校长) or a party
# secretary (某学院党委书记) is a guest's post as much as a dean is, on a round-table of teachers.
_GUEST_POST = rf"(?:{_TITLE_WORD}|校长|书记)"
_GUEST_LINE = re.compile(
    rf"^[\u4e00-\u9fff](?:[ \u3000]*[\u4e00-\u9fff]){{1,3}}[ \u3000]+[^\s。,，;；!！?？:：]{{0,30}}{_GUEST_POST}[^\s。,，;；!！?？:：]{{0,12}}$"
    # A guest's line may give the post in brackets after the name instead (某某(某某局某某司司长) / 某某(店主、面点师)): the
    # brackets set it off as a post, whatever its last word; four characters or more, so a caption's note (某某(左)) is none.
    r"|^[\u4e00-\u9fff]{2,4}[(（][^\s。,，;；!！?？:：()（）]{4,40}[)）]$"
)
_MIN_GUESTS = 2
_HEADING_UNDER_GUESTS_CHARS = 20


# A byline's label alone, nothing after its colon (嘉宾: / 对话嘉宾:): over guests' lines it heads the list, no credit.
_BARE_GUEST_LABEL = re.compile(r"^[^\s:：]{0,6}嘉宾\s*[:：]$")


def _heads_guest_lines(i: int, stripped: list[str]) -> bool:
    """Whether the guest label alone on line ``i`` (嘉宾:) stands over two or more guests' lines, a name and a post
    each (``_GUEST_LINE``), wherever in the article: the heading of a round-table's guest list is the article's, as
    the list under it is."""
    if not _BARE_GUEST_LABEL.match(simplified(stripped[i])):
        return False
    under = [line for line in stripped[i + 1 :] if line][:_MIN_GUESTS]
    return len(under) == _MIN_GUESTS and all(_GUEST_LINE.match(simplified(line)) for line in under)


def _guest_list(stripped: list[str], first: int) -> set[int]:
    """The lines of a round-table's guest list right before the article's first paragraph: a heading ending in a colon
    (对话嘉宾(按姓氏笔画排序):) and under it only guests' lines, a name and a post each (``_GUEST_LINE``), two or more,
    perhaps with a short section heading of the article's between the last guest and the first paragraph.
    Every line short and no sentence, they would otherwise read as the page's lines before the article."""
    above = [j for j in range(first) if stripped[j]]
    # The article's first section heading may stand between the list and the first paragraph (一场关于算力的对话).
    heading = (
        above[-1:]
        if above
        and len(stripped[above[-1]]) <= _HEADING_UNDER_GUESTS_CHARS
        and not _TEXT_PUNCT.search(stripped[above[-1]])
        and not _GUEST_LINE.match(simplified(stripped[above[-1]]))
        else []
    )
    guests: list[int] = []
    for j in reversed(above[: len(above) - len(heading)]):
        line = simplified(stripped[j])
        if _GUEST_LINE.match(line):
            guests.append(j)
        elif _LIST_INTRO.match(line) and len(guests) >= _MIN_GUESTS:
            return {j, *guests, *heading}
        else:
            break
    return set()


# A speaker's headline in a deck over the article: the name, a colon, then the gist of the person's view.
_NAMED_HEADLINE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4})[:：]\s*[^\s:：]")
_MIN_NAMED_HEADLINES = 2


def _named_deck(stripped: list[str], first: int) -> set[int]:
    """The lines of a deck right over the first paragraph (a run of lines with no blank between them, the paragraph
    under it) that holds two or more speakers' headlines (某某:台湾应聚焦…), each naming a person the article goes on to
    name: the event, the topic, the host and guests and the headlines are the article's, not the page's lines before it."""
    run: list[int] = []
    j = first - 1
    while j >= 0 and stripped[j]:
        run.append(j)
        j -= 1
    below = "\n".join(stripped[first:])
    named = [
        i
        for i in run
        if (m := _NAMED_HEADLINE.match(simplified(stripped[i])))
        and simplified(stripped[i])[: m.end("name")] in simplified(below)
    ]
    return set(run) if len(named) >= _MIN_NAMED_HEADLINES else set()


# A headline in a person's words (某某:某事只是时间问题), at most this long: no stop, no comma, the name before a colon.
_RELATED_HEADLINE_CHARS = 40
_NO_RUNNING_PUNCT = re.compile(r"[,，、;；。!！?？…“”「」]")


def _related_headline_after_text(stripped: list[str], nonblank_at: list[int]) -> int | None:
    """The page's last line when it is the headline of a related article the site lists under the text: a person's name,
    a colon and their words in a headline's shape (某某:某事只是时间问题), no stop and no comma, right after a line of
    text that ends in a stop, the name one the article writes above, and no other line of the page opens with a name
    and a colon (a transcript's turns, or a roundup's named headlines, whose last may be cut short)."""
    if len(nonblank_at) < 2:
        return None
    at, before = nonblank_at[-1], nonblank_at[-2]
    line = simplified(stripped[at])
    headline = _NAMED_HEADLINE.match(line)
    if (
        headline is None
        or len(line) > _RELATED_HEADLINE_CHARS
        or _NO_RUNNING_PUNCT.search(line)
        or not _looks_like_a_name(headline.group("name"))
        or not _SENTENCE_END.search(stripped[before])
    ):
        return None
    name = headline.group("name")
    above = [simplified(stripped[j]) for j in nonblank_at[:-1]]
    if not any(name in text for text in above) or any(_NAMED_HEADLINE.match(text) for text in above):
        return None
    return at


def _named_section_heading(i: int, stripped: list[str], first: int) -> bool:
    """Whether line ``i``, the last line over the first paragraph, is a speaker's headline (某某:城市交通的转折点) opening
    the first of the article's sections, as a later line of the article opens another: each headline's name is named
    in the first line of text under it. A roundup of several people's talks heads each with one."""
    if i != max((j for j in range(first) if stripped[j]), default=-1):
        return False

    def opens_section(k: int) -> bool:
        m = _NAMED_HEADLINE.match(simplified(stripped[k]))
        if m is None or _SENTENCE_END.search(stripped[k]) or chrome_rule(stripped[k]):
            return False
        under = next((line for line in stripped[k + 1 :] if line), "")
        return m.group("name") in simplified(under)

    return opens_section(i) and any(opens_section(k) for k in range(first + 1, len(stripped)) if stripped[k])


# A deck the page prints more than once above the first paragraph (in its header, its share card and over the text), in
# a headline's shape (no stop, no blank), restating the first paragraphs' words six characters in a row: the article's
# deck, not the site's; the site's own lines (its name, a section) do not restate the text so.
_DECK_COPY = re.compile(r"^[^\s。!！?？:：|｜]{8,40}$")
_DECK_COPY_SHARED = 6


def _repeated_deck(stripped: list[str], first: int, is_title: Callable[[str], bool]) -> dict[int, bool]:
    """The copies above ``first`` of a deck printed more than once, each with whether it is the last (the one kept)."""
    text = re.sub(r"\s", "", simplified("".join(stripped[first : first + 8])))
    copies: dict[str, list[int]] = {}
    for i in range(first):
        line = stripped[i]
        if line and _DECK_COPY.match(line) and not is_title(line) and not chrome_rule(line):
            copies.setdefault(line, []).append(i)
    return {
        i: i == at[-1]
        for line, at in copies.items()
        if len(at) >= 2 and _longest_common_run(simplified(line), text) >= _DECK_COPY_SHARED
        for i in at
    }


def _cut_after_a_subheading(lines: list[str], nonblank_at: list[int], text_lines: set[int]) -> bool:
    """Whether the page's last line is its text cut short under a subheading: the line before it is a short heading
    no rule marks, right after a line of text, and the last line runs on with the commas of running text (、 / ,),
    as a footer label or a site's name does not, or stops in the middle of a name the text spelt out before (the
    text above holds the last line with more characters run on after it)."""
    if len(nonblank_at) < 3 or nonblank_at[-3] not in text_lines:
        return False
    heading, tail = lines[nonblank_at[-2]], lines[nonblank_at[-1]]
    if len(heading) > _SHORT or _SENTENCE_END.search(heading) or chrome_rule(heading) or chrome_rule(tail):
        return False
    if _SENTENCE_END.search(tail):
        return False
    if len(tail) >= _CUT_TEXT_CHARS and re.search(r"[、,，]", tail):
        return True
    above = "\n".join(lines[i] for i in nonblank_at[:-2])
    return len(tail) >= _CUT_NAME_CHARS and bool(re.search(re.escape(tail) + r"[\u4e00-\u9fff]", above))


def clean_page(raw: str, *, title: str | None = None, publisher: str | None = None) -> CleanResult:
    """Find the chrome and junk of a page, write it down as rules, and give the cleaned article."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    dropped: list[Dropped] = []
    spans: list[str] = []
    span_rules = dict(SPAN_RULES)
    if publisher and publisher.strip():
        span_rules["publisher's watermark"] = _watermark(publisher)
    # Lines that hold nothing but an image (a Markdown image, an image URL or file name): the short line under
    # one is its caption.
    image_lines = {
        i
        for i, line in enumerate(text.split("\n"))
        if line.strip(_BLANK) and not re.sub("|".join(f"(?:{p})" for p in SPAN_RULES.values()), "", line).strip(_BLANK)
    }
    nonblank_raw = [line for line in text.split("\n") if line.strip(_BLANK)]
    row_numbers = sum(1 for line in nonblank_raw if re.match(_ROW_NUMBER_LINE, line))
    bordered = sum(1 for line in nonblank_raw if re.search(_ROW_BORDER, line))
    if row_numbers >= _MIN_TABLE_ROWS and bordered >= _MIN_BORDERED_SHARE * len(nonblank_raw):
        span_rules["table's row number"] = _ROW_NUMBER_LINE
        span_rules["table's cell border"] = _ROW_BORDER
    for name, pattern in span_rules.items():
        found = re.findall(pattern, text, flags=re.MULTILINE)
        if found:
            spans.append(pattern)
            dropped.extend(Dropped(name, span) for span in found)
            text = re.sub(pattern, "", text, flags=re.MULTILINE)

    lines = text.split("\n")
    # The jammer is on when it touches several lines of the page; a stray Latin tail must not switch it on.
    nonblank = [line for line in lines if line.strip(_BLANK)]
    jammed = sum(1 for line in nonblank if _jammer_evidence(line))
    use_jammer = jammed >= _MIN_JAMMED_LINES and jammed >= _MIN_JAMMED_SHARE * len(nonblank)
    if use_jammer:
        kept_lines: list[str] = []
        for line in lines:
            kept = strip_jammer(line)
            if kept is None:
                dropped.append(Dropped("Discuz jammer", line.strip(_BLANK)))
                continue
            if kept.strip(_BLANK) != line.strip(_BLANK):
                dropped.append(Dropped("Discuz jammer", _removed_part(line, kept)))
            elif glued := _glued_jammer(kept):
                # Written as a span of its own: the archive applies spans before the jammer rule.
                spans.append(re.escape(glued) + rf"[{_BLANK}]*$")
                dropped.append(Dropped("Discuz jammer", glued))
                kept = kept[: kept.rindex(glued)]
            if (glued_start := _glued_jammer_start(kept)) and line.startswith(glued_start):
                # A span too, anchored at the line's start, so the archive takes it before strip_jammer reads the line.
                spans.append(rf"^{re.escape(glued_start)}")
                dropped.append(Dropped("Discuz jammer", glued_start.strip(_BLANK)))
                kept = kept[len(glued_start) :]
            kept_lines.append(kept)
        lines = kept_lines
    # A mirror that wrapped the text at a fixed width broke its paragraphs mid-sentence: each is one line again, so
    # a line that goes on with the line above is neither chrome nor a paragraph of its own.
    width = wrap_width(lines)
    if width:
        lines, origin = join_wrapped(lines, width)
        image_lines = {i for i, start in enumerate(origin) if start in image_lines}
    # A page broken at the space beside a Latin word on lines of no one width: each sentence is one line again.
    join_at_latin = not width and breaks_at_latin_words(lines)
    if join_at_latin:
        lines, origin = join_latin_breaks(lines)
        image_lines = {i for i, start in enumerate(origin) if start in image_lines}

    isolate: tuple[str, ...] = ()
    if bullets := _inline_bullets("\n".join(lines)):
        # As ``clean_text`` does it: after the wrap is undone, before the line rules, so they read the items' lines.
        isolate = (bullets,)
        lines = re.sub(bullets, lambda m: "\n" + m.group(0).strip() + "\n", "\n".join(lines)).split("\n")
        image_lines = set()  # the lines moved: an image line is no longer where it was
    stripped = [line.strip(_BLANK) for line in lines]
    title_key = _squash(title) if title else None

    def is_title_line(line: str) -> bool:
        # The title, or the title with the site's name after a separator (标题 - 某某网 / 标题_某某网), as a page's
        # <title> repeats it.
        if not title_key:
            return False
        squashed = _squash(line)
        return squashed == title_key or (
            squashed.startswith(title_key) and bool(_SITE_AFTER_TITLE.match(squashed[len(title_key) :]))
        )

    def is_title_caption(line: str) -> bool:
        # The title with a figure's number after it (标题图1 / 标题(图2)): a picture's caption a page made of its title.
        if not title_key:
            return False
        squashed = _squash(line)
        return squashed.startswith(title_key) and bool(_FIGURE_NUMBER.match(squashed[len(title_key) :]))

    # The title line is not where the article starts, even when it ends like a sentence ("…为何能击败美国?"):
    # the source and date lines and the photo caption between it and the text are still before the article.
    paragraphs = [
        i for i, line in enumerate(stripped) if line and is_article_paragraph(line) and not is_title_line(line)
    ]
    # A long run of phrases joined by commas with no stop, above the page's title near the top of the page (某某在线,
    # 某某视频,某某网站,…): a spam site's header of search words, not the article, which starts under its title.
    top = [i for i, line in enumerate(stripped) if line][:_HEADER_LINES]
    title_on_top = next((i for i in top if is_title_line(stripped[i])), None)
    site_header = {
        i
        for i in top
        if title_on_top is not None and i < title_on_top and _KEYWORD_HEADER.match(simplified(stripped[i]))
    }
    paragraphs = [i for i in paragraphs if i not in site_header]
    # A chrome line that holds a full stop (内容来源:某节目。 责编 | …) is not where the article starts either.
    # Nor is a portal's summary of it above it (摘要:…), which the lead need not repeat, nor a teaser that repeats the
    # opening and stops with an ellipsis: the site's logo or section label under it is still before the article.
    first = next(
        (
            i
            for i in paragraphs
            if not chrome_rule(stripped[i])
            and not _latin_widget(i, stripped)
            and not _site_summary(i, stripped)
            and not _is_teaser(stripped[i], stripped[i + 1 :])
            and not _next_issue_topic_runs_on(i, stripped)
            and not _doubled_caption(i, stripped)
            and not _GLUED_MENU.match(simplified(stripped[i]))
            and not _talk_caption_retold_below(i, stripped)
        ),
        len(stripped),
    )
    # A subtitle right under the title, opened by a dash (——某某真能取代教师吗?), is the headline's second line: the
    # article starts there, with the notices between it and the text dropped on their own.
    titled_at = [i for i, line in enumerate(stripped) if line and is_title_line(line)]
    if titled_at:
        under = next((j for j in range(titled_at[0] + 1, len(stripped)) if stripped[j]), None)
        if (
            under is not None
            and under < first
            and _SUBTITLE.match(stripped[under])
            and len(stripped[under]) <= _SHORT
            and not chrome_rule(stripped[under])
        ):
            first = under
    # A paper's second deck line right under the title and right over the first paragraph, in its two-part headline
    # shape (某会开幕 某集团:开放共赢): a phrase, a space, then who speaks and a colon before their gist. The article's
    # deck, as its later subheadings are; a site's label lines (来源:… / 时间:…) have no phrase and space before the label.
    if titled_at:
        under = next((j for j in range(titled_at[0] + 1, len(stripped)) if stripped[j]), None)
        over = next((j for j in range(under + 1, len(stripped)) if stripped[j]), None) if under is not None else None
        if (
            under is not None
            and under < first
            and over == first
            and _SECOND_DECK.match(stripped[under])
            and not chrome_rule(stripped[under])
        ):
            first = under
    # The headline repeated right over the first paragraph with its column's tag in brackets (标题(观察·某某新动向)) ends
    # a paper's print header under the page's title: it and the few short lines between (某某晚报2031-05-06, the kicker
    # over the headline) are the article's, not a site's lines before it, unless a chrome rule marks one of them.
    if titled_at:
        between = [j for j in range(titled_at[0] + 1, first) if stripped[j]]
        tail = _squash(stripped[between[-1]])[len(title_key or "") :] if between else ""
        if (
            between
            and _squash(stripped[between[-1]]).startswith(title_key or "")
            and _COLUMN_TAG.match(tail)
            and not _FIGURE_NUMBER.match(tail)
            and len(between) <= _HEADER_LINES + 1
            and all(len(stripped[j]) <= _SHORT and not chrome_rule(stripped[j]) for j in between)
        ):
            first = between[0]
    # The headline printed again over the first paragraph as a part of the page's title (title 刊头某某主标题 副题, then
    # 主标题 over the text), junk a spam site set in it in brackets aside (主(♦)标题): the article's headline, and the
    # short line over it, its kicker, too, unless a chrome rule marks one of them.
    if titled_at and title_key:
        between = [j for j in range(titled_at[0] + 1, first) if stripped[j]]
        headline = _squash(_BRACKETED_JUNK.sub("", stripped[between[-1]])) if between else ""
        if (
            len(headline) >= _HEADLINE_PART_CHARS
            and headline != title_key
            and headline in title_key
            and len(between) <= _KICKER_AND_HEADLINE
            and all(len(stripped[j]) <= _SHORT and not chrome_rule(stripped[j]) for j in between)
        ):
            first = between[0]
    # The article ends with its last line of text (one with punctuation, perhaps cut short), not with
    # its last full paragraph: section headings before a cut-short last line are the article's.
    # A line a chrome rule marks (来源:某某网 after the text) is not the article's last line, though it holds a colon.
    texty = [
        i
        for i, line in enumerate(stripped)
        if i >= first and line and _TEXT_PUNCT.search(line) and not chrome_rule(line) and not _BARE_LABEL.match(line)
    ]
    last = max([*paragraphs[-1:], *texty[-1:]], default=-1)

    keep_until = None
    for i in range(first + 1, len(stripped)):
        if _END_MARKER.match(simplified(stripped[i])):
            keep_until = rf"^[{_BLANK}]*{re.escape(stripped[i])}[{_BLANK}]*$"
            dropped.extend(Dropped("after the article's end", s) for s in stripped[i:] if s)
            stripped = stripped[:i]
            last = max((p for p in [*paragraphs, *texty] if p < i), default=-1)
            break

    drop_lines: dict[str, None] = {}
    seen_short: set[str] = set()
    nonblank_at = [i for i, line in enumerate(stripped) if line]
    # When the page runs to its end with no end marker, its last line right after a line of text is that text cut
    # short by the page ("…听您百度世界大会的演"), unless a chrome rule marks it. (Before an end marker, a last
    # label-like line is the forum's signature.)
    # A line before it that a chrome rule marks is no text (a photo's caption with its credit, …。(记者 某某摄)): the
    # short line after a run of them is one more caption whose credit the page left off (一等奖得主), not text cut short.
    after_text = (
        len(nonblank_at) >= 2
        and nonblank_at[-2] in {*paragraphs, *texty}
        and not chrome_rule(stripped[nonblank_at[-2]])
    )
    cut_short = nonblank_at[-1] if after_text and keep_until is None else None
    if cut_short is not None and len(stripped[cut_short]) <= 3 and _looks_like_a_name(simplified(stripped[cut_short])):
        cut_short = None  # a bare name after the article's last line is its editor's, not its text cut short
    related = _related_headline_after_text(stripped, nonblank_at) if keep_until is None else None
    if cut_short is not None and cut_short == related:
        cut_short = None  # a headline of another article, whole, not the text cut short
    if (
        cut_short is None
        and keep_until is None
        and _cut_after_a_subheading(stripped, nonblank_at, {*paragraphs, *texty})
    ):
        # The page cut the text short in the first paragraph under a subheading: both are the article's.
        cut_short = nonblank_at[-1]
        last = max(last, cut_short)
    decks = _repeated_deck(stripped, first, is_title_line) if first < len(stripped) else {}
    for deck in dict.fromkeys(stripped[i] for i in decks):
        # Its earlier copies go, its last stays: a span, as the rules' drop_lines would take every copy.
        line = rf"^[{_BLANK}]*{re.escape(deck)}[{_BLANK}]*$"
        spans.append(rf"{line}(?=[\s\S]*{line})")
    card = _people_card(stripped)
    guest_list = _guest_list(stripped, first) | _named_deck(stripped, first)
    box = _recommendation_box(stripped)
    summary_box = _summary_box(stripped)
    ones = _lists_of_one(stripped)
    for i, line in enumerate(stripped):
        if not line:
            continue
        is_title = is_title_line(line)
        rule = "title (kept in the metadata)" if is_title else chrome_rule(line)
        if rule == "byline" and _heads_guest_lines(i, stripped):
            rule = None
        if rule is None and is_title_caption(line):
            rule = "image caption made of the title and a figure number"
        if rule is None and i in card:
            rule = "people card (names and bios between widget labels)"
        if rule is None and i in box:
            rule = "recommendation box (label to the recommender's card)"
        if rule is None and i in ones:
            rule = "link boxes, each a list numbered 1"
        if rule is None and i in summary_box:
            rule = "portal's generated summary box"
        if rule is None and _summary_repeating_next(i, stripped):
            rule = "site's summary line repeating the paragraph under it"
        if rule is None and i < first and _site_summary(i, stripped):
            rule = "site's summary line above the article"
        if rule is None and _latin_widget(i, stripped):
            rule = "sign-in widget's text between chrome lines"
        if rule is None and _next_issue_topic_runs_on(i, stripped):
            rule = "next issue's topic"
        if rule is None and _is_teaser(line, stripped[i + 1 :]):
            rule = "teaser (the article's opening, cut with …)"
        if rule is None and _is_caption_under_image(i, stripped, image_lines):
            rule = "caption under an image"
        if rule is None and _caption_glued_under_image(i, stripped, image_lines):
            rule = "caption right under an image, on a page of blank-separated paragraphs"
        if rule is None and _doubled_caption(i, stripped):
            rule = "caption written twice over"
        if rule is None and _scene_caption_pair(i, stripped):
            rule = "picture's alt text and its caption of the scene, glued together"
        if rule is None and _retells_a_neighbour(i, stripped):
            rule = "caption retelling the text beside it"
        if rule is None and _name_caption(i, stripped):
            rule = "caption that is a person's name"
        if rule is None and _titled_name_caption(i, stripped):
            rule = "caption that is a person's post and name"
        if rule is None and _area_caption(i, stripped):
            rule = "caption naming a display area the text writes"
        if rule is None and i == related:
            rule = "related article's headline after the text"
        if rule is None and i in site_header:
            rule = "site's header of search words above the title"
        if rule is None and i < first and _talk_caption_retold_below(i, stripped):
            rule = "caption of a talk over the lede, its speaker's posts and name retold below"
        if rule is None and _talk_caption(i, stripped):
            rule = "caption telling who gave a talk, the paragraph before's words"
        if rule is None and i < first and _GLUED_MENU.match(simplified(line)):
            rule = "site menu run together above the article"
        if rule is None and i in decks:
            if not decks[i]:
                dropped.append(Dropped("deck printed again above the article", line))
            continue
        if rule is None and not is_article_paragraph(line) and i != cut_short:
            # The editor's note heading right over the first paragraph (小编说: / 编者按:) hands it over, and a numbered
            # section heading there (七、某某的时代: the page's excerpt starts in the article's seventh part) opens it:
            # both the article's.
            # So is a heading that labels the article's part as its background or theme (访谈背景:某事引发的热潮).
            # So is a line that ends in a colon and introduces the list right under it (对话嘉宾(以姓氏笔画为序): over the
            # guests' names and posts): six characters or more before its colon, longer than a widget's label (当前位置:).
            before_first = [j for j in nonblank_at if j < first]
            # A speaker's label right over the first paragraph (a handle or name alone on its line, which labels more
            # of the page's points further down) is the article's, and so is the numbered heading over that label.
            # The label may end in its colon (记者: over the interviewer's first question): still no sentence.
            labelled = (
                len(before_first) >= 1
                and len(stripped[before_first[-1]]) <= _LABEL_LINE
                and not _TEXT_PUNCT.search(re.sub(r"\s*[:：]$", "", stripped[before_first[-1]]))
                and stripped[before_first[-1]] in stripped[first + 1 :]
            )
            if labelled and i == before_first[-1]:
                continue
            over = before_first[-2] if labelled and len(before_first) >= 2 else before_first[-1] if before_first else -1
            # A summary's one-word heading alone on its line (摘要) over the first paragraph names the writer's summary
            # that opens the article; a generated box telling of the article is dropped as one above.
            summary_heading = _SUMMARY_LABEL.match(simplified(line)) and i not in summary_box
            hands_over = (
                re.search(r"(?:说|按)[:：]$", simplified(line))
                or _NUMBERED_HEADING.match(line)
                or (labelled and _DIGIT_HEADING.match(line))
                or _PART_HEADING.match(simplified(line))
                or (_LIST_INTRO.match(simplified(line)) and not _BRACKETED_NOTE_LABEL.match(line))
                or summary_heading
                or (
                    _DATED_HEADING.match(simplified(line))
                    and sum(bool(_DATED_HEADING.match(simplified(later))) for later in stripped[first:])
                    >= _DATED_HEADINGS_AFTER
                )
            ) and i == over
            listed = _listed_point(i, stripped) or _deck_over_lede(i, stripped, first)
            # The headline's kicker right over the title line is the article's, as the dashed subtitle under it is.
            over_title = next((j for j in nonblank_at if j > i), None) in titled_at
            kicker = over_title and bool(_KICKER.match(simplified(line)) or _DASHED_KICKER.match(simplified(line)))
            if (
                i < first
                and len(line) <= _SHORT
                and not _ATTACHMENT.match(simplified(line))
                and not hands_over
                and not listed
                and not kicker
                and i not in guest_list
                and not _named_section_heading(i, stripped, first)
            ):
                rule = "before the article starts"
            elif i > last and len(line) <= 30 and (not _TEXT_PUNCT.search(line) or _BARE_LABEL.match(line)):
                rule = "after the article ends"
            elif (
                len(line) >= 6
                and line in seen_short
                and not _labels_words_under_it(i, stripped)
                and not _post_in_a_speakers_card(i, stripped)
            ):
                rule = "repeated line"
            seen_short.add(line)
        if rule is not None:
            dropped.append(Dropped(rule, line))
            drop_lines[_line_pattern(line)] = None

    notes = ["written by `lundao corpus add` with the generic page rules; edit and run it again to change them"]
    rules = CleaningRules(
        discuz_jammer=use_jammer,
        wrap_width=width,
        join_at_latin=join_at_latin,
        drop_spans=tuple(spans),
        isolate_spans=isolate,
        drop_lines=tuple(drop_lines),
        keep_until=keep_until,
        notes=tuple(notes),
    )
    return CleanResult(text=clean_text(raw, rules), rules=rules, dropped=dropped)
