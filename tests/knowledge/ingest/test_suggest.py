"""``corpus suggest``: who says each sentence, and the draft files it writes."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
import yaml

from knowledge.ingest.extract import IngestError
from knowledge.ingest.speakers import person_id_for, pinyin_name, split_sentences
from knowledge.ingest.suggest import suggest_claims, write_drafts
from knowledge.loader import BUNDLED_DATA_DIR, load_corpus
from knowledge.models import Corpus, Source


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


def with_text(corpus: Corpus, text: str) -> Corpus:
    return dataclasses.replace(corpus, sources={**corpus.sources, "new": Source(id="new", title="t", text=text)})


def speakers(corpus: Corpus, text: str) -> dict[str, str]:
    return {s.quote: s.speaker_id for s in suggest_claims(with_text(corpus, text), "new")}


@pytest.mark.parametrize(
    ("zh", "name", "person_id"),
    [
        ("周鸿祎", "Zhou Hongyi", "zhou-hongyi"),
        ("李彦宏", "Li Yanhong", "li-yanhong"),
        ("欧阳明辉", "Ouyang Minghui", "ouyang-minghui"),
    ],
)
def test_a_new_speaker_is_named_in_pinyin_family_name_first(zh: str, name: str, person_id: str) -> None:
    assert pinyin_name(zh) == name
    assert person_id_for(zh) == person_id


def test_sentences_keep_their_closing_quotes_and_every_character() -> None:
    paragraph = "他说:「做垂直大模型。」「不要等。」这是一句没有句号的"
    sentences = split_sentences(paragraph)
    assert sentences == ["他说:「做垂直大模型。」", "「不要等。」", "这是一句没有句号的"]
    assert "".join(sentences) == paragraph


def test_registry_people_and_new_names_before_a_speech_verb(corpus: Corpus) -> None:
    found = speakers(
        corpus, "王小川表示,医疗是大模型最重要的方向。\n\n360 集团创始人周鸿祎认为,垂直大模型才是创业者的机会。\n"
    )
    assert found == {
        "王小川表示,医疗是大模型最重要的方向。": "wang-xiaochuan",
        "360 集团创始人周鸿祎认为,垂直大模型才是创业者的机会。": "zhou-hongyi",
    }


def test_two_speakers_in_one_article_keep_their_own_sentences(corpus: Corpus) -> None:
    text = (
        "李开复认为,Infra 团队必须比模型团队更强。他还指出,做过 Infra 的人更稀缺。\n\n"
        "在王小川看来,医疗才是大模型最重要的机会。\n\n"
        "“我们一定要做出自己的基础模型。”周鸿祎告诉记者。\n"
    )
    assert speakers(corpus, text) == {
        "李开复认为,Infra 团队必须比模型团队更强。": "li-kaifu",
        "他还指出,做过 Infra 的人更稀缺。": "li-kaifu",
        "在王小川看来,医疗才是大模型最重要的机会。": "wang-xiaochuan",
        "“我们一定要做出自己的基础模型。”周鸿祎告诉记者。": "zhou-hongyi",
    }


def test_the_articles_own_voice_is_not_put_in_a_persons_mouth(corpus: Corpus) -> None:
    text = (
        "2024 年,大模型公司的估值普遍回落了 30%。\n\n"
        "这一变化的背后,有王小川早前对行业走势的预判。\n\n"
        "GPT-5 提供了很好的示范。\n"
    )
    assert speakers(corpus, text) == {}


def test_a_speech_transcript_is_its_speakers(corpus: Corpus) -> None:
    text = "以下是周鸿祎这次讲话的整理:\n\n大家好,很高兴来到这里。\n\n我觉得模型的价格会一路降下去。\n\n为什么?\n"
    assert speakers(corpus, text) == {"我觉得模型的价格会一路降下去。": "zhou-hongyi"}


def test_thanks_signing_off_a_long_announcement_leave_it_a_draft(corpus: Corpus) -> None:
    # …,谢谢。 closing a quoted announcement (今天我们宣布,…将在这里建成…,谢谢。): the announcement is the sentence; thanks
    # alone or opening the sentence are still no view.
    announced = (
        "某公司总裁赵一鸣:“今天我们宣布,某公司和本地政府将在这里建造第一台超级计算机,为本地的产业提供算力,谢谢。”"
    )
    thanks = "赵一鸣表示,谢谢大家今天来到这里。"
    found = speakers(corpus, f"{announced}\n\n{thanks}\n")
    assert found.get(announced) == "zhao-yiming"
    assert thanks not in found


def test_advice_not_to_say_thanks_is_a_view_not_thanks(corpus: Corpus) -> None:
    # 不要对机器说谢谢 talks about thanking, the speaker's advice on it, not thanks the speaker gives; thanks given stay none.
    advice = "柯望川曾告诉大家,不要对机器人说谢谢,它们只是工具。"
    thanks = "柯望川表示,谢谢各位今天来到这里。"
    found = speakers(corpus, f"{advice}\n\n{thanks}\n")
    assert found.get(advice) == person_id_for("柯望川")
    assert thanks not in found


def test_sharing_ones_views_announces_them_unless_a_speech_verb_spells_them_out(corpus: Corpus) -> None:
    # 分享了…看法 only announces the view; after a speech verb of its own in the same sentence (,他认为,…) the view is
    # there, the sentence a draft.
    spelt = "在会上他分享了对芯片行业的看法,他认为,国产算力三年内就能追上来。"
    announced = "在会上他分享了对芯片行业的看法。"
    text = f"某大会邀请了某集团董事长赵一鸣出席。{spelt}\n\n赵一鸣表示,价格战不会持续太久。\n\n{announced}\n"
    found = speakers(corpus, text)
    assert found.get(spelt) == "zhao-yiming"
    assert announced not in found


def test_drafts_are_ranked_verbatim_and_need_an_english_gloss(corpus: Corpus) -> None:
    text = "周鸿祎表示,今天天气不错。\n\n周鸿祎认为,大模型一定会在 5 年内改变所有行业。\n"
    drafts = suggest_claims(with_text(corpus, text), "new")
    assert [d.quote for d in drafts] == ["周鸿祎认为,大模型一定会在 5 年内改变所有行业。", "周鸿祎表示,今天天气不错。"]
    claim = drafts[0].as_claim("new-draft-01")
    assert claim["status"] == "draft" and claim["en"] == "" and claim["text"] == claim["quote"]


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA_DIR, root)
    (root / "sources" / "talk.txt").write_text(
        "周鸿祎认为,垂直大模型是创业者的金光大道。\n\n王小川表示,医疗是最重要的方向。\n", encoding="utf-8"
    )
    (root / "sources" / "talk.yaml").write_text(
        "id: talk\ntitle: t\npublisher: p\ndate: 2024-01-01\n", encoding="utf-8"
    )
    return root


def test_drafts_and_draft_people_are_written_for_review(kb: Path) -> None:
    corpus = load_corpus(kb)
    people_before = (kb / "people.yaml").read_text(encoding="utf-8")
    claims_path, added = write_drafts(kb, "talk", suggest_claims(corpus, "talk"))
    document = yaml.safe_load(claims_path.read_text(encoding="utf-8"))
    assert document["source"] == "talk"
    assert {c["speaker"] for c in document["claims"]} == {"zhou-hongyi", "wang-xiaochuan"}
    assert all(c["status"] == "draft" and c["en"] == "" for c in document["claims"])
    text = "".join(corpus.sources["talk"].text.split())
    assert all("".join(c["quote"].split()) in text for c in document["claims"])
    assert added == ["zhou-hongyi"]
    people_after = (kb / "people.yaml").read_text(encoding="utf-8")
    assert people_after.startswith(people_before)
    stub = next(p for p in yaml.safe_load(people_after)["people"] if p["id"] == "zhou-hongyi")
    assert stub == {
        "id": "zhou-hongyi",
        "kind": "person",
        "status": "draft",
        "zh": "周鸿祎",
        "en": "Zhou Hongyi",
        "pinyin": "Zhou Hongyi",
        "role": None,
        "role_en": None,
        "org": None,
        "aliases": [],
    }


def test_suggest_never_overwrites_claims(kb: Path) -> None:
    corpus = load_corpus(kb)
    suggestions = suggest_claims(corpus, "talk")
    write_drafts(kb, "talk", suggestions)
    with pytest.raises(IngestError, match="exists"):
        write_drafts(kb, "talk", suggestions)


def test_an_unknown_source_is_one_clear_error(corpus: Corpus) -> None:
    with pytest.raises(IngestError, match="no source 'nope'"):
        suggest_claims(corpus, "nope")


def test_the_suggest_command_writes_drafts_with_topics_from_the_nearest_claims(kb: Path) -> None:
    from tests.knowledge.ingest.test_add import run_cli

    status, out, err = run_cli(["corpus", "--data", str(kb), "suggest", "talk", "--json"])
    assert status == 0, err
    document = json.loads(out)
    topics = yaml.safe_load((kb / "topics.yaml").read_text(encoding="utf-8"))["topics"]
    assert document["new_people"] == ["zhou-hongyi"]
    vertical = next(d for d in document["drafts"] if d["speaker"] == "zhou-hongyi")
    assert "vertical-models" in vertical["topics"]
    assert all(set(d["topics"]) <= {t["id"] for t in topics} for d in document["drafts"])
    status, out, err = run_cli(["corpus", "--data", str(kb), "suggest", "talk"])
    assert status == 1 and out == "" and len(err.splitlines()) == 1 and "exists" in err


@pytest.mark.parametrize(
    ("zh", "name", "person_id"),
    [("蒂姆·罗森", "Dimu Luosen", "dimu-luosen"), ("米娅‧范", "Miya Fan", "miya-fan")],
)
def test_a_foreign_name_with_a_middle_dot_is_named_part_by_part(zh: str, name: str, person_id: str) -> None:
    assert (pinyin_name(zh), person_id_for(zh)) == (name, person_id)


def test_a_sentence_that_only_names_what_the_person_went_on_to_describe_is_no_draft(corpus: Corpus) -> None:
    text = (
        "赵一鸣认为,开源模型会赢。同时,他也清晰描绘了创业公司在全球竞赛中的独特优势与发展路径。\n\n"
        "他还在會上回顧了過去十年的行業現狀。\n"  # traditional characters: read simplified
    )
    found = speakers(corpus, text)
    assert found == {"赵一鸣认为,开源模型会赢。": "zhao-yiming"}


def test_the_writers_wish_to_the_reader_is_no_view(corpus: Corpus) -> None:
    # …,希望对你有所启发。 closes the writer's intro: the name in it is whom the intro is about, not a speaker.
    wish = "这是近半年,赵一鸣少有的一次复盘,希望对你有所启发。"
    found = speakers(corpus, f"赵一鸣表示,芯片会降价。\n\n{wish}\n")
    assert wish not in found
    assert found["赵一鸣表示,芯片会降价。"] == "zhao-yiming"


def test_a_statement_ending_on_a_question_the_speaker_puts_to_themselves_is_a_view(corpus: Corpus) -> None:
    # 我 asks (…,我到底图什么?): a rhetorical question of the speaker's own after the statement; one that asks the
    # listener (…,我们该听你的吗?) stays a question.
    own = "赵一鸣:大家都没有从更长远的角度去想这件事,我到底在忙些什么?"
    asked = "赵一鸣:大家都没有从更长远的角度去想这件事,我们要听你的吗?"
    found = speakers(corpus, f"{own}\n\n{asked}\n")
    assert found[own] == "zhao-yiming"
    assert asked not in found


def test_the_texts_last_sentence_cut_short_after_a_quotation_and_a_particle_is_no_draft(corpus: Corpus) -> None:
    # “…”的传 at the text's end: the page cut the sentence itself short after 的, no attribution left for a name.
    cut = "他表示,新技术也倒逼教师放下“以讲为主,以考促学”的传"
    found = speakers(corpus, f"赵一鸣认为,模型价格还会下降。\n\n{cut}\n")
    assert found == {"赵一鸣认为,模型价格还会下降。": "zhao-yiming"}


def test_a_sentence_after_a_quotation_giving_the_persons_background_then_he_said_is_no_draft(corpus: Corpus) -> None:
    # Post, name and background in one clause, then 他…时说。: who spoke, nothing said; the quotation is the draft, its
    # closing mark whole or lost to "?!" by a wrong encoding.
    quote = "“模型对就业的冲击正在从低技能岗位扩散到高技能岗位。”"
    lost = "“模型对就业的冲击正在从低技能岗位扩散到高技能岗位?!"
    said = "某大学副校长赵一鸣长期从事劳动经济学的研究,他在接受记者采访时说。"
    assert speakers(corpus, f"{quote}{said}\n") == {quote: "zhao-yiming"}
    assert speakers(corpus, f"{lost}{said}\n") == {lost: "zhao-yiming"}


def test_a_statement_ending_on_how_could_it_be_is_a_view(corpus: Corpus) -> None:
    # 怎么会…呢? answers itself (it is not): the statement before it is the speaker's view; a plain question is not.
    rhetorical = "他说,我们正处在建设一个规模巨大的新产业的初期,怎么会是一场泡沫呢?"
    asked = "他问,下一代模型什么时候发布?"
    found = speakers(corpus, f"赵一鸣认为,算力还远远不够。\n\n{rhetorical}\n\n{asked}\n")
    assert found[rhetorical] == "zhao-yiming"
    assert asked not in found


def test_a_question_put_to_the_guest_is_no_draft_but_a_statement_ending_on_its_own_question_is(corpus: Corpus) -> None:
    text = (
        "孙立:最近大家都在讨论开源和闭源之争,您怎么看?\n\n"  # the interviewer's question, long before its tag
        "赵一鸣:开源一定会赢,模型已经不是壁垒,但是超级应用还没出现,那怎么办?\n"
    )
    found = speakers(corpus, text)
    assert "孙立:最近大家都在讨论开源和闭源之争,您怎么看?" not in found
    assert found["赵一鸣:开源一定会赢,模型已经不是壁垒,但是超级应用还没出现,那怎么办?"] == "zhao-yiming"


def test_a_short_answer_that_only_points_back_is_no_draft(corpus: Corpus) -> None:
    # An interview's answer: two short sentences that only point back at what was just said are no views read alone.
    view = "钱多多:泡沫分两种,一种是技术还没有价值,另一种是估值过高了。"
    text = f"{view}芯片属于后者。\n\n如果把泡沫定义为估值过高,那确实是有可能的。这一点可以讨论。\n"
    found = speakers(corpus, text)
    assert found.get(view) == "qian-duoduo"
    assert found.get("如果把泡沫定义为估值过高,那确实是有可能的。") == "qian-duoduo"
    assert "芯片属于后者。" not in found
    assert "这一点可以讨论。" not in found
    # A longer sentence that points back states its view.
    longer = "这一点决定了国产芯片三年内一定能追上国际水平。"
    assert speakers(corpus, f"{view}\n\n{longer}\n").get(longer) == "qian-duoduo"


def test_a_sentence_that_only_names_the_next_point_is_no_draft(corpus: Corpus) -> None:
    # A speaker's argument turning to its next point (先聚焦于…。 / 再看…。) holds no view; one with a verdict after a
    # comma does.
    view = "钱多多表示,芯片行业的库存正在悄悄堆高。"
    turns = ["先聚焦于库存问题。", "再看利润与股价的关系。", "接下来谈谈人才。"]
    verdict = "再看利润,就更不乐观了。"
    found = speakers(corpus, "".join([view, *turns, verdict]) + "\n")
    assert found.get(view) == "qian-duoduo"
    assert found.get(verdict) == "qian-duoduo"
    assert not any(turn in found for turn in turns)


def test_a_turn_that_only_nods_or_greets_is_no_draft(corpus: Corpus) -> None:
    # A dialogue's small talk (又见面了! / Kevin! / 对! / 没错。), also in a bad conversion's pinyin notes (沒(méi)錯(cuò)),
    # holds no view; a nod with words after it does.
    view = "孙立:对,芯片明年一定会降价。"
    small = ["孙立:Kevin!", "又見(jiàn)面了!", "钱多多:欢迎欢迎!", "孙立:对!", "钱多多:沒(méi)錯(cuò)。"]
    text = "\n\n".join(["孙立:你觉得芯片会降价吗?", view, *small]) + "\n"
    found = speakers(corpus, text)
    assert found.get(view) == "sun-li"
    assert not any(line in found for line in small)


def test_a_foreign_name_with_its_latin_form_in_brackets_gets_the_latin_id_and_a_stub_of_it(kb: Path) -> None:
    # 马塔克 reads as a Chinese name (family name 马), but the text writes the Latin name beside it and no word of that
    # name sounds like its syllables: the drafts and the new person's stub take the Latin name's id, the characters
    # stay its name. A Chinese name with its English form (赵一鸣(Yiming Zhao)) keeps its pinyin.
    (kb / "sources" / "talk.txt").write_text(
        "某公司的马塔克(Peter Mattock)认为,芯片三年内会降价一半。\n\n"
        "赵一鸣(Yiming Zhao)表示,医疗是大模型最重要的方向。\n",
        encoding="utf-8",
    )
    corpus = load_corpus(kb)
    suggestions = suggest_claims(corpus, "talk")
    assert {s.speaker_zh: s.speaker_id for s in suggestions} == {"马塔克": "peter-mattock", "赵一鸣": "zhao-yiming"}
    _, added = write_drafts(kb, "talk", suggestions)
    assert sorted(added) == ["peter-mattock", "zhao-yiming"]
    people = {p["id"]: p for p in yaml.safe_load((kb / "people.yaml").read_text(encoding="utf-8"))["people"]}
    assert (people["peter-mattock"]["zh"], people["peter-mattock"]["en"]) == ("马塔克", "Peter Mattock")
    assert (people["zhao-yiming"]["zh"], people["zhao-yiming"]["en"]) == ("赵一鸣", "Zhao Yiming")


def test_a_sentence_that_only_names_what_a_person_talked_about_is_no_draft(corpus: Corpus) -> None:
    # A verb of talking about and a noun phrase (…阐述了…的价值。 / 对…的意义做了解释。) names the topic; the view follows,
    # and 他 after it is still that person. The sentence after one naming the topic (…谈到了…的变化。) does not carry
    # that person's speech on. A noun that is a view itself (…提出了不同的思考。) still opens the view.
    text = (
        "某研究所研究员钱多多从学科交叉的角度阐述了大模型的价值。他指出,大模型是多学科交叉的产物。\n\n"
        "某大学教授赵一鸣在演讲中对“大模型热”背后的意义做了解释。\n\n"
        "此外,钱多多和赵一鸣还谈到了融资环境的变化。自去年起,地方政府纷纷布局。\n\n"
        "在数据上,孙立提出了不同的思考。在他看来,团队应该有长期主义精神。\n"
    )
    found = speakers(corpus, text)
    assert found == {
        "他指出,大模型是多学科交叉的产物。": "qian-duoduo",
        "在数据上,孙立提出了不同的思考。": "sun-li",
        "在他看来,团队应该有长期主义精神。": "sun-li",
    }


def test_statements_ending_on_a_question_set_against_them_by_but_are_a_view(corpus: Corpus) -> None:
    # "…是一个老话题,也是一个新话题,但什么是算力?": the statements stand, the question opened by 但 asks what they
    # leave open; one put to the listener (…,但你怎么看?) stays a question.
    own = "赵一鸣:算力是一个老话题,也是一个新话题,但到底什么是算力?"
    asked = "赵一鸣:算力是一个老话题,也是一个新话题,但你们怎么看这件事?"
    found = speakers(corpus, f"{own}\n\n{asked}\n")
    assert found.get(own) == "zhao-yiming"
    assert asked not in found


def test_statements_ending_on_a_long_doubt_set_against_them_by_but_are_a_view(corpus: Corpus) -> None:
    # "…一个人就可以写一百首歌曲,但是不是就真的能够写出一首有价值、有意义的歌曲呢?": the doubt after 但, long as it is,
    # answers no against what the statements allow; the statements stand. A long question after 但 that doubts nothing
    # stays a question.
    own = "赵一鸣:工具也是一样的,它可以把成本大幅压低,一个人就可以写一百首歌曲,但是不是就真的能够写出一首有价值、有意义的歌曲呢?"
    asked = "赵一鸣:工具也是一样的,它可以把成本大幅压低,一个人就可以写一百首歌曲,但到底什么样的歌曲才算是有价值有意义的歌曲呢?"
    found = speakers(corpus, f"{own}\n\n{asked}\n")
    assert found.get(own) == "zhao-yiming"
    assert asked not in found


def test_a_numbered_subheading_over_running_text_is_no_point_but_a_short_numbered_claim_is(corpus: Corpus) -> None:
    # Under a talk, "1、公司的起源" names the part below it (running text, no item of the list): no draft. A numbered point
    # that states something (1、开源一定会赢) stays one, though its explanation follows.
    text = (
        "演讲人:赵一鸣(某某科技首席科学家)\n\n"
        "1、公司的起源\n\n"
        "2019年,我们开始做芯片,我们认为芯片一定会降价。\n\n"
        "2、开源一定会赢\n\n"
        "我们判断,闭源模型的优势最多还能维持两年。\n"
    )
    found = {s.quote for s in suggest_claims(with_text(corpus, text), "new")}
    assert "1、公司的起源" not in found
    assert "2、开源一定会赢" in found
    assert "2019年,我们开始做芯片,我们认为芯片一定会降价。" in found


def test_the_writer_announcing_what_the_article_does_is_no_draft(corpus: Corpus) -> None:
    # "本文将深入探讨…" after a person's reported view is the article's plan, not that person's words going on.
    text = "赵一鸣表示,公司不会出售给任何人。这一表态引发了广泛讨论。本文将深入探讨这一事件的前因后果。\n"
    found = speakers(corpus, text)
    assert found.get("赵一鸣表示,公司不会出售给任何人。") == "zhao-yiming"
    assert "本文将深入探讨这一事件的前因后果。" not in found


def test_a_numbered_question_over_another_heading_is_no_point(corpus: Corpus) -> None:
    # "一、为什么不开源" over a heading of its own (no running text right under it) names the part that answers it.
    text = (
        "演讲人:赵一鸣(某某科技首席科学家)\n\n"
        "一、为什么要自己做芯片\n\n"
        "外面买到的芯片不够用\n\n"
        "2019年,我们开始做芯片,我们认为芯片一定会降价。\n"
    )
    found = {s.quote for s in suggest_claims(with_text(corpus, text), "new")}
    assert "一、为什么要自己做芯片" not in found
    assert "2019年,我们开始做芯片,我们认为芯片一定会降价。" in found


def test_a_sentence_that_only_praises_the_view_a_person_put_forward_is_no_draft(corpus: Corpus) -> None:
    # "在某领域,某某提出了引人深思的观点。" gives the writer's word on a view and none of it; the view follows (他认为,…).
    text = (
        "在软件开发领域,赵一鸣提出了引人深思的观点。他认为,写代码的重要性会下降,但工程师的需求会增加。\n\n"
        "在数据上,钱多多提出了不同的思考。在她看来,数据的质量比数量更重要。\n"
    )
    found = speakers(corpus, text)
    assert "在软件开发领域,赵一鸣提出了引人深思的观点。" not in found
    assert found["他认为,写代码的重要性会下降,但工程师的需求会增加。"] == "zhao-yiming"
    assert found["在数据上,钱多多提出了不同的思考。"] == "qian-duoduo"


def test_a_sentence_that_says_what_the_words_said_reveal_is_no_draft(corpus: Corpus) -> None:
    # "这番话不仅道出了…,更揭示了…。" after a person's words is the writer's verdict on them, none of them.
    verdict = "这番话不仅道出了国产芯片的底气所在,更揭示了未来竞争的态势。"
    found = speakers(corpus, f"赵一鸣表示,国产芯片三年内能追上来。{verdict}\n")
    assert found["赵一鸣表示,国产芯片三年内能追上来。"] == "zhao-yiming"
    assert verdict not in found
    # A sentence of the person's own that starts with the words said before (这句话我说过很多次,…) is still theirs.
    own = "这句话我说过很多次,芯片一定会降价。"
    assert speakers(corpus, f"赵一鸣表示,国产芯片三年内能追上来。{own}\n").get(own) == "zhao-yiming"


def test_a_reported_doubt_in_two_questions_of_whether_is_the_persons_view(corpus: Corpus) -> None:
    # "他观察到,…在上升,这可能会带来冲击——…是否会逐渐淡化?" states before it asks; the question of whether that carries it on
    # (另一方面,…是否也会…?) is the other half of the same doubt, reported.
    first = "学者钱多多对此有些疑虑:他观察到,这一轮技术变革不同以往,裁员的比例在上升,这可能带来冲击——人的创造力是否会逐渐钝化?"
    second = "另一方面,人的欲望极易被满足,是否也会极度的无聊?"
    found = speakers(corpus, f"{first}{second}\n")
    assert found[first] == "qian-duoduo"
    assert found[second] == "qian-duoduo"
    # The writer's question after a view that is no question (他认为,…。 then 那么,…是否…?) stays a question.
    writer = "赵一鸣认为,模型会取代很多工作。那么,人类是否还有自己的价值?"
    assert "那么,人类是否还有自己的价值?" not in speakers(corpus, f"{writer}\n")


def test_a_stance_stated_over_two_clauses_before_a_question_to_the_listener_is_a_view(corpus: Corpus) -> None:
    # "我觉得…,…,你说…?": the speaker's own stance opens the sentence and is stated before the question, which only
    # invites assent.
    stance = "我觉得渔船换电其实不难,关键是码头肯先建电桩,你说是不是该早点动手?"
    found = speakers(corpus, f"赵一鸣说,港口的生意还得靠冷链。{stance}\n")
    assert found.get(stance) == "zhao-yiming"
    # A question with only a topic before it (我觉得这个问题,你怎么看?) still asks.
    asked = "我觉得这个问题,你怎么看?"
    assert asked not in speakers(corpus, f"赵一鸣说,港口的生意还得靠冷链。{asked}\n")


def test_open_questions_handed_to_the_listener_to_think_over_are_no_draft(corpus: Corpus) -> None:
    # "你可以想象一下,哪些…,哪些…。": every clause after the invitation asks which or what; nothing is stated.
    lead = "赵一鸣说,港口的生意还得靠冷链。"
    ponder = "照这个思路,你可以想象一下,哪些渔港会先换电,哪些渔港还要再等。"
    assert ponder not in speakers(corpus, f"{lead}{ponder}\n")
    # A statement among the clauses says something and stays.
    stated = "你想想,冷库的生意有多大,十年后还会翻一倍。"
    assert speakers(corpus, f"{lead}{stated}\n").get(stated) == "zhao-yiming"


def test_a_sentence_that_only_hands_over_the_points_below_is_no_draft(corpus: Corpus) -> None:
    text = (
        "赵一鸣指出,算力网络是新型基础设施的关键一环。\n\n"
        "针对智算中心用电成本高、调度难等问题,赵一鸣呼吁:\n\n"
        "降低用电成本:建议对智算中心实行阶梯优惠电价,三年内把电费降低两成。\n\n"
        "他还提出:\n\n"
        "统一调度平台:建设全国算力调度平台,让西部算力服务东部需求。\n"
    )
    found = speakers(corpus, text)
    assert "针对智算中心用电成本高、调度难等问题,赵一鸣呼吁:" not in found
    assert "他还提出:" not in found
    assert found["降低用电成本:建议对智算中心实行阶梯优惠电价,三年内把电费降低两成。"] == "zhao-yiming"
    # A view before the colon is still a draft (从速度看,进步堪称“爆发式”: hands over a list after it).
    assert "赵一鸣指出,算力网络是新型基础设施的关键一环。" in found


def test_a_sentence_that_names_the_list_it_hands_over_is_no_draft(corpus: Corpus) -> None:
    # 某某提出…的“三步方法论”: names the list under it, none of its points.
    intro = "面对这轮变革,赵一鸣提出企业落地大模型的“三步方法论”:"
    point = "1. 先选场景——从客服这样数据多、容错高的场景做起,三个月内见到效果。"
    text = f"赵一鸣指出,大模型正在重塑企业的竞争力。\n\n{intro}\n\n{point}\n\n2. 再建团队。\n"
    found = speakers(corpus, text)
    assert intro not in found
    assert found[point] == "zhao-yiming"


def test_the_speaker_naming_the_topic_of_the_talk_is_no_draft(corpus: Corpus) -> None:
    # In a talk's transcript, the speaker naming what the talk is on (我今天分享的话题也聚焦芯片,主题是《…》) frames it,
    # as 演讲的主题 does; the view after it is a draft.
    topic = "这个论坛是全国芯片交流的平台,我今天分享的话题也聚焦芯片,主题是《芯片改变世界》。"
    view = "赵一鸣表示,芯片会在十年内彻底改变制造业。"
    found = speakers(corpus, f"以下是赵一鸣的演讲实录:\n\n{topic}\n\n{view}\n")
    assert found.get(view) == "zhao-yiming"
    assert topic not in found


def test_a_sentence_that_only_names_the_topics_a_person_gave_views_on_is_no_draft(corpus: Corpus) -> None:
    text = (
        "某公司创始人钱多多认为,芯片的潮流不可阻挡,开放合作才是出路。\n\n"
        "在这场座谈中,钱多多谈到了不同城市的特点,同时还对教育、芯片、年轻人创业等话题发表了看法。\n"
    )
    quotes = set(speakers(corpus, text))
    assert "某公司创始人钱多多认为,芯片的潮流不可阻挡,开放合作才是出路。" in quotes
    assert not any("等话题发表了看法" in q for q in quotes)


def test_a_hosts_welcome_is_no_draft(corpus: Corpus) -> None:
    text = (
        "某公司创始人钱多多认为,芯片的潮流不可阻挡,开放合作才是出路。\n\n"
        "钱多多:感谢各位同学光临公司,我们非常荣幸今天在这里接待你们。开放合作一定是唯一的出路。\n"
    )
    found = speakers(corpus, text)
    assert not any("光临" in q for q in found)
    assert found["开放合作一定是唯一的出路。"] == "qian-duoduo"


def test_each_headline_of_a_deck_of_speakers_headlines_is_that_persons_view(corpus: Corpus) -> None:
    text = (
        "主题:本地产业的展望\n\n"
        "孙立:本地应该聚焦制造业的智能应用\n\n"
        "赵一鸣:本地应该扮演区域服务的领航者角色\n\n"
        "孙立表示,对于这个大趋势,本地未来绝对有很大的机会。赵一鸣则建议,政府应集中力量发展产业。\n"
    )
    found = speakers(corpus, text)
    assert found["孙立:本地应该聚焦制造业的智能应用"] == "sun-li"
    assert found["赵一鸣:本地应该扮演区域服务的领航者角色"] == "zhao-yiming"


def test_each_speakers_headline_over_the_part_that_tells_their_talk_is_that_persons_view(corpus: Corpus) -> None:
    # A report in parts, each headed by a speaker's name, a colon and the gist of their talk with no full stop, the
    # paragraph under it naming that person: the headline is the person's view, as in a deck of them.
    text = (
        "某某峰会近日召开,多位学者为乡村振兴出谋划策。\n\n"
        "孙立:用好电商,关键是让农产品走出大山\n\n"
        "某某大学副校长孙立在主题发言中谈到了农产品销售的难处。\n\n"
        "赵一鸣:应该通过培训让更多农户在转型中受益\n\n"
        "某某研究院理事长赵一鸣在主题发言中,提到了电商向偏远村庄延伸的问题。\n"
    )
    found = speakers(corpus, text)
    assert found.get("孙立:用好电商,关键是让农产品走出大山") == "sun-li"
    assert found.get("赵一鸣:应该通过培训让更多农户在转型中受益") == "zhao-yiming"
    # A lone such line, its part not about the person it names, is no headline of theirs: nothing to draft.
    lone = "孙立:应该通过培训让更多农户在转型中受益\n\n某某峰会近日召开,学者们出谋划策。\n"
    assert speakers(corpus, lone) == {}


def test_a_talks_title_in_book_marks_with_a_colon_in_it_is_still_the_setting_before_the_verb(corpus: Corpus) -> None:
    # 某某在题为《甲:乙》的主题报告中表示,…: the colon is the talk title's, inside its 《》, not one that hands over words.
    said = "某某大学副校长孙立在题为《电商:农产品的新出路》的主题报告中表示,电商一定会带动农产品销售。"
    assert speakers(corpus, said + "\n") == {said: "sun-li"}


def test_a_clear_no_or_yes_to_the_question_the_sentence_puts_is_the_persons_view(corpus: Corpus) -> None:
    # 在…是否会…的问题上,某某给出了坚决的否定回答。 the answer's way (no) is said, with the question it answers: a view,
    # though no colon spells it out; an answer of no stated way (给出了自己的答案。) only announces one.
    no = "在提高门槛是否会挤垮小商户的问题上,某某研究所研究员孙立给出了坚决的否定回答。"
    assert speakers(corpus, no + "\n") == {no: "sun-li"}
    announced = "在提高门槛是否会挤垮小商户的问题上,某某研究所研究员孙立给出了自己的回答。"
    assert speakers(corpus, announced + "\n") == {}


def test_what_a_person_said_in_a_welcome_address_is_a_draft() -> None:
    # 欢迎 names the setting here (在欢迎致辞中表示,…): the words after the speech verb are the person's, not a greeting.
    corpus = load_corpus()
    text = "钱多多在欢迎致辞中表示,人工智能将在未来三年重塑每一个行业,创业者必须抓住这个窗口。\n\n欢迎大家来到论坛。\n"
    with_text = dataclasses.replace(corpus, sources={**corpus.sources, "new": Source(id="new", title="t", text=text)})
    assert [s.quote for s in suggest_claims(with_text, "new")] == [
        "钱多多在欢迎致辞中表示,人工智能将在未来三年重塑每一个行业,创业者必须抓住这个窗口。"
    ]


def test_welcoming_an_idea_or_as_an_attitude_is_a_stance_not_a_greeting(corpus: Corpus) -> None:
    # 以欢迎的姿态拥抱… / 我很欢迎这个提议: where the speaker stands on something; 欢迎这位嘉宾 is still a greeting.
    attitude = "赵一鸣说,要以欢迎的姿态拥抱这类新工具,它将为农业带来更多的便利。"
    idea = "孙立表示,我很欢迎这个提议,它能让小公司也用上算力。"
    greeting = "钱多多表示,欢迎这位嘉宾来到论坛,今天的话题非常重要。"
    found = speakers(corpus, f"{attitude}\n\n{idea}\n\n{greeting}\n")
    assert found.get(attitude) == "zhao-yiming"
    assert found.get(idea) == "sun-li"
    assert greeting not in found


def test_a_question_the_speaker_answers_at_once_in_a_few_words_is_one_draft_with_its_answer() -> None:
    # 出路在哪里?做细分的工具。 the short answer alone says little and the question alone nothing: together they are the view.
    corpus = load_corpus()
    text = "钱多多谈到,「小公司的出路在哪里?做细分的工具。大厂不会为几千个用户专门开发。」\n"
    with_text = dataclasses.replace(corpus, sources={**corpus.sources, "new": Source(id="new", title="t", text=text)})
    quotes = [s.quote for s in suggest_claims(with_text, "new")]
    assert "钱多多谈到,「小公司的出路在哪里?做细分的工具。" in quotes
    assert "做细分的工具。" not in quotes


def test_a_hosts_turn_that_ends_inviting_the_guest_to_talk_is_no_draft() -> None:
    # The host recalls how they met, then hands the floor over (…,不如谈谈你们的新产品。): running the talk, no view.
    corpus = load_corpus()
    text = (
        "钱多多:我们第一次见面是在一场黑客松上,你那时还在读博士,现在已经带着两百人的团队了,不如谈谈你们今年的新产品。\n\n"
        "孙立:今年我们主要做养老机器人,我认为这个市场五年内会超过千亿。\n"
    )
    with_text = dataclasses.replace(corpus, sources={**corpus.sources, "new": Source(id="new", title="t", text=text)})
    assert [s.speaker_id for s in suggest_claims(with_text, "new")] == ["sun-li"]


def test_a_short_statement_ending_on_the_question_it_leads_to_by_so_is_a_view(corpus: Corpus) -> None:
    # "…这个词把人带偏了,所以什么是智能?": the statement stands, the question follows from it by 所以; one put to the
    # listener (…,所以你们怎么看?) stays a question.
    own = "赵一鸣:“算力”这词让人误会了,所以什么是算力?"
    asked = "赵一鸣:“算力”这词让人误会了,所以你们怎么看?"
    found = speakers(corpus, f"{own}\n\n{asked}\n")
    assert found.get(own) == "zhao-yiming"
    assert asked not in found


def test_the_question_a_rebuttal_opens_its_quoted_words_with_is_the_persons_view(corpus: Corpus) -> None:
    # "某某驳斥称:“…将取代…?": the speaker puts the claim as a question only to reject it; the same question after a
    # plain 称 asks, and states nothing.
    rebuttal = "3 月 9 日,赵一鸣撰文驳斥称:“网店将取代菜市场?"
    rest = "以后不用出门买菜了吗?我认为,菜市场二十年内不会消失。”"
    assert speakers(corpus, f"{rebuttal}{rest}\n").get(rebuttal) == "zhao-yiming"
    asked = rebuttal.replace("驳斥称", "称")
    assert asked not in speakers(corpus, f"{asked}{rest}\n")


def test_a_single_name_colon_headline_over_that_persons_reported_speech_is_their_view(corpus: Corpus) -> None:
    # "某某:…" with no full stop, over a paragraph that reports 某某's speech (…某某表示,…) in words the headline restates:
    # the gist of what they said. Over a paragraph that only names them (某某的公司…), or whose reported words it does not
    # echo, it is a heading still.
    headline = "赵一鸣:芯片的价格三年内会降一半"
    reported = "在某论坛上,某公司董事长赵一鸣表示,今后芯片的价格三年内会降一半,因为产能正在翻倍。"
    assert speakers(corpus, f"{headline}\n\n{reported}\n").get(headline) == "zhao-yiming"
    assert headline not in speakers(corpus, f"{headline}\n\n赵一鸣的公司今年刚刚上市,产能正在翻倍。\n")
    other = "在某论坛上,某公司董事长赵一鸣表示,产能正在翻倍,工厂也在扩建。"
    assert headline not in speakers(corpus, f"{headline}\n\n{other}\n")


def test_a_headline_with_a_persons_comment_after_a_colon_over_their_turn_is_their_view(corpus: Corpus) -> None:
    # A write-up's line over a guest's turn: the name, 评论 and what is commented on, a colon, then the comment, with no
    # full stop. The guest's judgement, as the turn under it is.
    headline = "赵一鸣评论公司向海外转型:较晚,但已成功"
    turn = "赵一鸣:我觉得这个时间不会太远,我们一直在准备。"
    found = speakers(corpus, f"{headline}\n\n{turn}\n")
    assert found.get(headline) == "zhao-yiming"
    assert found.get(turn) == "zhao-yiming"


def test_a_sentence_that_only_says_the_person_once_said_the_quotation_before_is_no_draft(corpus: Corpus) -> None:
    # “…。” then 某集团董事长某某曾说过这样一句话。: the saying is the quotation; the sentence after only credits it.
    quote = "“未来是智能的时代,要么与机器同进化,要么被机器淘汰。”"
    credit = "某某集团董事局主席钱多多曾说过这样一句话。"
    found = speakers(corpus, f"{quote}\n\n{credit}\n\n这句话放在汽车行业也同样适用。\n")
    assert found == {quote: "qian-duoduo"}


def test_a_closing_wish_that_others_share_their_experience_does_not_frame_the_view_before_it() -> None:
    # 分享经验 after 期待大家 is the speaker's wish for others, not the speaker announcing a talk: the view stands.
    text = (
        "某区管委会副主任周立新表示,本次展会的召开将有效促进区域数字经济行业的融合升级,做到人才互通、平台共建,"
        "“期待大家以后多多关注开发区的建设,分享经验,共创未来。”\n"
    )
    corpus = load_corpus()
    with_text = dataclasses.replace(corpus, sources={**corpus.sources, "new": Source(id="new", title="t", text=text)})
    assert [s.speaker_id for s in suggest_claims(with_text, "new")] == ["zhou-lixin"]


def test_a_quoted_question_right_after_the_same_persons_attributed_quotation_is_their_jab(corpus: Corpus) -> None:
    # “…,”某某写道。“…吗?”: the second quotation carries on the words the verb gave to the person, a question they put to
    # make their point, not one asked of anyone; a question asked of the listener (你 / 您) is still a question.
    text = (
        "“某公司总在许下越来越多的诺言,可这些诺言一个也没有实现,”钱多多写道。“当年的那些江湖郎中也这么干过吗?”\n\n"
        "“某公司总在发布越来越多的预测,可这些预测一个也没有验证,”孙立写道。“你们也相信这些预测吗?”\n"
    )
    quotes = speakers(corpus, text)
    assert quotes.get("“当年的那些江湖郎中也这么干过吗?”") == "qian-duoduo"
    assert "“你们也相信这些预测吗?”" not in quotes


def test_a_quotation_after_reported_speech_goes_to_the_adviser_named_next(corpus: Corpus) -> None:
    said = speakers(
        corpus,
        "春季花卉展昨日在湖边公园开幕。\n\n"
        "赵一鸣介绍,今年的展区比往年大了一倍,新添了一片郁金香花田。"
        "“花开得早,游客来得也早,我们得提前备好人手。”"
        "花卉展组委会首席顾问钱二伟表示,周末的客流预计会超过三万人次。",
    )
    assert said["“花开得早,游客来得也早,我们得提前备好人手。”"] == "qian-erwei"
    assert said["赵一鸣介绍,今年的展区比往年大了一倍,新添了一片郁金香花田。"] == "zhao-yiming"


def test_a_latin_name_after_a_post_and_before_jiu_is_whom_he_refers_to_next(corpus: Corpus) -> None:
    said = speakers(
        corpus,
        "某大学图书馆馆长孙明远介绍了新馆的建设进度。他说,新馆明年春天开放。\n\n"
        "围绕城市阅读空间的话题,某读书会执行主任Jane Doe就社区书店的前景发表看法。"
        "他表示,社区书店的价值在于陪伴,但租金上涨也是书店经营中的一大难题,应该从城市规划的角度寻找出路。",
    )
    view = "他表示,社区书店的价值在于陪伴,但租金上涨也是书店经营中的一大难题,应该从城市规划的角度寻找出路。"
    assert said[view] == "jane-doe"
