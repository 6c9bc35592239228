"""Pure tests of the Block Kit builders: content, escaping and Slack's limits, checked on the JSON."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import blocks as kit
from bot.i18n import Strings, keys
from knowledge.models import Corpus
from knowledge.search import Hit, SearchResult

ZH, EN = Strings("zh"), Strings("en")


def _texts(blocks: list[dict]) -> list[str]:
    """Every piece of text in the blocks, as Slack would read it."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(blocks)
    return found


def _buttons(blocks: list[dict]) -> list[dict]:
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


def _result(corpus: Corpus, ids: list[str], total: int | None = None, query: str = "q") -> SearchResult:
    hits = tuple(Hit(corpus.claim(i), 1.0) for i in ids)  # type: ignore[arg-type]
    return SearchResult(query, hits, total=len(hits) if total is None else total)


def test_escape_neutralises_slack_control_sequences() -> None:
    assert kit.escape("<!channel> & <@U123>") == "&lt;!channel&gt; &amp; &lt;@U123&gt;"


@given(st.text(max_size=400), st.integers(min_value=2, max_value=300))
@settings(max_examples=200, deadline=None)
def test_truncate_respects_the_limit_and_never_splits_an_entity(text: str, limit: int) -> None:
    escaped = kit.escape(text)
    cut = kit.truncate(escaped, limit)
    assert len(cut) <= limit
    if cut != escaped:
        body = cut[:-1]
        # Whatever survives is a prefix of the escaped text with only whole entities in it.
        assert escaped.startswith(body)
        tail = body[body.rfind("&") :] if "&" in body else ""
        assert not tail or ";" in tail


def test_claim_blocks_show_text_gloss_speaker_source_topics_and_buttons(tiny_corpus: Corpus) -> None:
    claim = tiny_corpus.claim("open-private-deploy")
    assert claim is not None
    blocks = kit.to_dicts(kit.claim_blocks(tiny_corpus, claim, ZH))
    text = "\n".join(_texts(blocks))
    source = tiny_corpus.source_of(claim)
    person = tiny_corpus.speaker_of(claim)
    for expected in (claim.text, claim.en, person.zh, person.en, person.role, source.title, "2024-01-02"):
        assert expected in text
    assert "<https://example.com/article?id=1&amp;lang=zh|" in text  # the link, its & escaped
    assert all(tiny_corpus.topics[t].zh in text for t in claim.topic_ids)
    buttons = _buttons(blocks)
    assert [b["action_id"] for b in buttons] == [kit.ACTION_SHARE, kit.ACTION_CONTEXT]
    assert all(json.loads(b["value"]) == {"c": claim.id} for b in buttons)


def test_english_ui_labels_but_claim_keeps_both_languages(tiny_corpus: Corpus) -> None:
    claim = tiny_corpus.claim("compute-shortage")
    assert claim is not None
    text = "\n".join(_texts(kit.to_dicts(kit.claim_blocks(tiny_corpus, claim, EN))))
    assert claim.text in text and claim.en in text
    assert "Compute" in text and "Analyst" in text
    assert EN("button_share") in text and ZH("button_share") not in text


def test_results_have_more_button_only_when_results_remain(tiny_corpus: Corpus) -> None:
    ids = ["open-catch-up", "open-community-speed", "open-private-deploy"]
    paged = kit.to_dicts(
        kit.results_blocks(
            tiny_corpus, _result(tiny_corpus, ids, total=5), ZH, query="开源", offset=0, command="/insight"
        )
    )
    more = [b for b in _buttons(paged) if b["action_id"] == kit.ACTION_MORE]
    assert len(more) == 1 and json.loads(more[0]["value"]) == {"q": "开源", "o": 3}
    last = kit.to_dicts(
        kit.results_blocks(
            tiny_corpus, _result(tiny_corpus, ids[:2], total=5), ZH, query="开源", offset=3, command="/insight"
        )
    )
    assert not [b for b in _buttons(last) if b["action_id"] == kit.ACTION_MORE]
    assert "4" in _texts(last)[0] and "5" in _texts(last)[0]  # numbered from the offset


def test_no_answer_says_so_with_suggestions_and_no_claim(tiny_corpus: Corpus) -> None:
    result = SearchResult("<!here> 量子", (), total=0, suggestions=("topic:开源", "<bad>"))
    blocks = kit.to_dicts(
        kit.results_blocks(tiny_corpus, result, ZH, query="<!here> 量子", offset=0, command="/insight")
    )
    text = "\n".join(_texts(blocks))
    assert "&lt;!here&gt; 量子" in text and "<!here>" not in text
    assert "topic:开源" in text and "&lt;bad&gt;" in text
    assert not any(c.text in text for c in tiny_corpus.claims)
    assert not _buttons(blocks)


@pytest.mark.parametrize("strings", [ZH, EN])
def test_no_answer_names_what_the_knowledge_base_has_never_heard_of_escaped(
    tiny_corpus: Corpus, strings: Strings
) -> None:
    query = "what about <!channel> DeepSeek R1"
    result = SearchResult(query, (), unknown=("<!channel> DeepSeek R1",))
    blocks = kit.to_dicts(kit.results_blocks(tiny_corpus, result, strings, query=query, offset=0, command="/insight"))
    text = "\n".join(_texts(blocks))
    assert "&lt;!channel&gt; DeepSeek R1" in text and "<!channel>" not in text
    plain = kit.to_dicts(
        kit.results_blocks(tiny_corpus, SearchResult(query, ()), strings, query=query, offset=0, command="/insight")
    )
    assert text != "\n".join(_texts(plain))  # the unknown name changes the answer, not only the echo


@pytest.mark.parametrize("strings", [ZH, EN])
def test_no_answer_says_which_kind_of_fact_no_claim_gives_and_escapes_the_query(
    tiny_corpus: Corpus, strings: Strings
) -> None:
    query = "<!channel> 张三的公司估值多少"
    texts = {}
    for lacking in ("", "money", "time", "bogus"):
        result = SearchResult(query, (), suggestions=("topic:开源",), lacking=lacking)
        blocks = kit.to_dicts(kit.results_blocks(tiny_corpus, result, strings, query=query, offset=0, command="/i"))
        texts[lacking] = "\n".join(_texts(blocks))
        assert "&lt;!channel&gt;" in texts[lacking] and "<!channel>" not in texts[lacking]
        assert "topic:开源" in texts[lacking]
    assert strings("fact_money") in texts["money"] and strings("fact_time") in texts["time"]
    assert texts["money"] != texts[""] and texts["time"] != texts["money"]
    assert texts["bogus"] == texts[""]  # a kind the bot has no words for reads as a plain "no answer"


def test_more_button_value_fits_2000_chars_even_for_hostile_queries() -> None:
    for query in ("开" * 5000, '"\\' * 3000, "\x01" * 3000, "a" * 1999):
        value = kit.more_button_value(query, 3)
        encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        assert len(encoded) <= kit.MAX_BUTTON_VALUE
        assert query.startswith(value["q"]) and value["o"] == 3


def test_long_query_is_cut_in_the_header_and_the_message_validates(tiny_corpus: Corpus) -> None:
    query = "开源" + "&<>" * 2000
    blocks = kit.results_blocks(
        tiny_corpus, _result(tiny_corpus, ["open-catch-up"], total=9), ZH, query=query, offset=0, command="/insight"
    )
    dicts = kit.to_dicts(blocks)  # slack_sdk validates every limit here
    assert all(len(t) <= kit.MAX_SECTION_TEXT for t in _texts(dicts))
    assert all(len(b["value"]) <= kit.MAX_BUTTON_VALUE for b in _buttons(dicts))
    assert "<>" not in _texts(dicts)[0]


def test_section_text_over_3000_chars_is_truncated(tiny_corpus: Corpus) -> None:
    claim = replace(tiny_corpus.claims[0], text="长" * 5000, en="long " * 1000)
    dicts = kit.to_dicts(kit.claim_blocks(tiny_corpus, claim, ZH))
    assert max(len(t) for t in _texts(dicts)) <= kit.MAX_SECTION_TEXT
    assert dicts[0]["text"]["text"].endswith("…")


def test_cap_keeps_at_most_50_blocks_and_the_trailing_more_button(tiny_corpus: Corpus) -> None:
    many = [kit.text_blocks(str(i))[0] for i in range(80)]
    more = kit.results_blocks(
        tiny_corpus, _result(tiny_corpus, ["open-catch-up"], total=3), ZH, query="q", offset=0, command="/i"
    )[-1]
    capped = kit.cap([*many, more])
    assert len(capped) == kit.MAX_BLOCKS and capped[-1] is more


def test_context_blocks_show_quote_and_surrounding_paragraph_escaped(tiny_corpus: Corpus) -> None:
    claim = tiny_corpus.claim("closed-reliability")
    assert claim is not None
    text = "\n".join(_texts(kit.to_dicts(kit.context_blocks(tiny_corpus, claim, ZH))))
    paragraph = tiny_corpus.source_of(claim).paragraph_around(claim.quote)
    assert paragraph is not None and "反面段落" in paragraph
    assert kit.escape(paragraph) in text.replace("\n>", "")
    assert "&lt;评估&gt;" in text and "<评估>" not in text


def test_context_blocks_say_when_the_paragraph_is_missing(tiny_corpus: Corpus) -> None:
    claim = replace(tiny_corpus.claims[0], quote="这句话不在原文里")
    text = "\n".join(_texts(kit.to_dicts(kit.context_blocks(tiny_corpus, claim, EN))))
    assert EN("context_missing") in text


def test_shared_blocks_credit_the_user_and_have_no_share_button(tiny_corpus: Corpus) -> None:
    claim = tiny_corpus.claims[0]
    dicts = kit.to_dicts(kit.shared_blocks(tiny_corpus, claim, ZH, "U0SHARER"))
    assert "<@U0SHARER>" in _texts(dicts)[0]
    assert kit.ACTION_SHARE not in [b["action_id"] for b in _buttons(dicts)]


def test_topics_and_home_count_claims_per_topic(tiny_corpus: Corpus) -> None:
    counts = {r.id: r.count for r in kit.topic_counts(tiny_corpus)}
    expected = {t: sum(t in c.topic_ids for c in tiny_corpus.claims) for t in tiny_corpus.topics}
    assert counts == expected
    view = kit.home_view(
        tiny_corpus,
        EN,
        today=tiny_corpus.claims[0],
        command="/insight",
        bot_name="lundao",
        page_size=3,
    ).to_dict()
    assert view["type"] == "home" and len(view["blocks"]) <= kit.MAX_HOME_BLOCKS
    text = "\n".join(_texts(view["blocks"]))
    assert f"— {expected['open-source']} · `topic:open-source`" in text
    assert "empty-topic" not in text  # topics without claims are not advertised
    assert tiny_corpus.claims[0].text in text and "/insight" in text


def test_topics_blocks_split_into_sections_within_limits() -> None:
    from knowledge.models import Claim, Topic

    topics = {f"t{i}": Topic(f"t{i}", "话题" * 40 + str(i), "Topic " * 20 + str(i)) for i in range(60)}
    claims = tuple(Claim(f"c{i}", "s", "x", "x", "x", "p", (f"t{i}",)) for i in range(60))
    corpus = Corpus({}, claims, {}, topics, {})
    dicts = kit.to_dicts(kit.topics_blocks(corpus, ZH))
    assert len(dicts) <= kit.MAX_BLOCKS and len(dicts) > 2
    assert all(len(t) <= kit.MAX_SECTION_TEXT for t in _texts(dicts))


def test_help_lists_examples_and_topics_with_the_configured_command(tiny_corpus: Corpus) -> None:
    text = "\n".join(
        _texts(kit.to_dicts(kit.help_blocks(tiny_corpus, ZH, command="/ask-lundao", bot_name="lundao", page_size=3)))
    )
    assert "/ask-lundao" in text and "/insight" not in text
    assert all(example in text for example in ZH.examples)
    assert "开源" in text and "算力" in text


@pytest.mark.parametrize("language", ["zh", "en"])
def test_both_languages_define_the_same_strings(language: str) -> None:
    assert keys(language) == keys("zh")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown UI language"):
        Strings("fr")


def test_links_percent_encode_a_pipe_in_the_url_and_replace_it_in_the_label() -> None:
    from bot.mrkdwn import link

    shown = link("https://example.com/a?x=1|2&y=<3>", "A | B <c> & d")
    assert shown == "<https://example.com/a?x=1%7C2&amp;y=&lt;3&gt;|A ¦ B &lt;c&gt; &amp; d>"
    # Exactly one "|": the one Slack splits url and label at.
    assert shown.count("|") == 1
    assert link(None, "A | B") == "A ¦ B" and link("", "<x>") == "&lt;x&gt;"


def test_a_string_missing_in_english_falls_back_to_chinese_and_a_missing_key_raises(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot import i18n

    english = dict(i18n._STRINGS["en"])
    del english["help_header"]
    monkeypatch.setitem(i18n._STRINGS, "en", english)
    assert Strings("en")("help_header") == ZH("help_header")
    with pytest.raises(KeyError):
        Strings("en")("no such key")


def test_the_digest_texts_are_the_digest_keys_of_the_one_table() -> None:
    from bot.digest.texts import text

    assert text("en", "header", date="2024-05-06") == EN("digest.header", date="2024-05-06")
    assert text("zh", "bad_time", value="x") == ZH("digest.bad_time", value="x")
