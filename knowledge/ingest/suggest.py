"""``lundao corpus suggest``: rank the sentences of a source that carry a claim, as draft claims.

A sentence is a candidate when a named person says it: a name before a speech verb
(周鸿祎表示 / 在李彦宏看来 / “…”王小川告诉记者), a pronoun after one (他表示), a quotation or reported
speech that continues one, a dialogue line (张鹏:…), or a speech transcript introduced by
"以下是…演讲全文". Candidates are ranked by what makes a claim worth keeping: an opinion verb,
numbers, judgement words. Each draft keeps its sentence verbatim as ``quote`` and ``text``,
takes topics from the nearest existing claims (``knowledge.search``), leaves ``en`` empty and
carries ``status: draft``; a speaker the registry lacks gets a draft person with pypinyin's name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pypinyin import lazy_pinyin

from knowledge.ingest.extract import IngestError
from knowledge.models import Corpus, Person

DRAFT = "draft"
# Verbs that introduce what a person says or thinks; 看来 and 眼中 follow the name (在X看来, X眼中).
SPEECH_VERBS = (
    "认为", "表示", "指出", "提到", "谈到", "强调", "透露", "告诉", "坦言", "直言", "披露", "介绍", "回应",
    "解释", "预测", "判断", "建议", "提醒", "相信", "觉得", "看来", "眼中", "谈及", "提出", "补充", "总结",
    "称", "说",
)  # fmt: skip
OPINION_VERBS = ("认为", "指出", "强调", "坦言", "直言", "相信", "觉得", "看来", "眼中", "判断", "预测")
_VERB = re.compile("|".join(sorted(SPEECH_VERBS, key=len, reverse=True)))
# Common family names; a name candidate must start with one (复姓 first).
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "宇文", "长孙")
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
    "金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂"
    "章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解"
    "牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎"
    "甄丛仲虞敖巩明佘池查麻苑迟邝傅"
)
# Characters that never sit in a person's name as written in these articles.
_NOT_IN_NAME = set(
    "他她它我你们的了是在和与及也都还就这那其此该有被把对向从等说时中上下后前里个位名为而并但或又再已将会要能"
)
_ADVERBS = re.compile(
    r"(?:还|也|则|更|就|曾|又|再次|进一步|同时|此前|最后|首先|直接|坦率地|明确|公开|都|亦|便|一再|多次|反复)$"
)
_SETTING = re.compile(
    r"(?:在[^,，。:：]{1,25}?(?:中|上|时|里|后|前)|对[^,，。:：]{1,15}|向[^,，。:：]{1,15}|接受[^,，。:：]{1,20}?采访时?|据|在)$"
)
# A manner adverbial between the name and the verb (李彦宏很感慨地说 / 很感慨的说) is at most this long.
_MANNER_CHARS = 6
_PRONOUN = re.compile(r"(?:他|她)$")
_DIALOGUE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4})\s*[:：]")
_TRANSCRIPT = re.compile(r"^以下(?:是|为)(?P<rest>.{2,40}?)(?:的)?(?:演讲|发言|讲话|分享|对话|访谈|实录|全文|观点)")
_FIRST_PERSON = re.compile(r"我认为|我觉得|我相信|我想|我的判断|我的观点|在我看来")
_NUMBER = re.compile(r"\d|[一二三四五六七八九十百千万亿]+(?:倍|成|个|%|亿|万)|百分之")
_JUDGEMENT = re.compile(
    r"一定|必须|应该|不会|不能|最|关键|核心|唯一|本质|其实|浪费|机会|价值|趋势|未来|将会|需要|只有|才能|绝对|很难|难以|"
    r"不是.+而是|问题|风险|意味着|决定|重要|优势|门槛|壁垒"
)
_FRAMING = re.compile(
    r"大家好|谢谢|很高兴|借此机会|分享.{0,12}(?:思考|体会|经验|观点|看法)|演讲的主题|题目叫|^以下(?:是|为)|整理[:：]?$|欢迎"
)
_ENDS_SENTENCE = re.compile(r"[。!?！？…;；][”’」』\"')）】]*$")
_OPEN_QUOTES, _CLOSE_QUOTES = "“「『", "”」』"
_SENTENCE_END = "。!?！？…"
_CLOSERS = "”’」』\"')）】"
MIN_SCORE = 2
# The longest "王小川告诉某某科技。" that is glued to the quotation before it.
_ATTRIBUTION_TAIL = 20
# A quotation introduced by a colon or comma is speech ("金句频出:「…」"); one inside running text is a term.
_SPEECH_QUOTE = re.compile(r"[:：,，]\s*[“「『]")


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


@dataclass
class _Speaker:
    zh: str
    person: Person | None = None

    @property
    def id(self) -> str:
        return self.person.id if self.person else person_id_for(self.zh)


@dataclass
class _Sentence:
    text: str
    speaker: _Speaker | None = None
    how: str = ""
    opinion_verb: bool = False
    extra: list[str] = field(default_factory=list)


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, each with its closing quotes; nothing is lost or changed."""
    out: list[str] = []
    start, i, n = 0, 0, len(paragraph)
    while i < n:
        if paragraph[i] in _SENTENCE_END:
            j = i + 1
            while j < n and (paragraph[j] in _SENTENCE_END or paragraph[j] in _CLOSERS):
                j += 1
            out.append(paragraph[start:j])
            start = i = j
            continue
        i += 1
    if paragraph[start:].strip():
        out.append(paragraph[start:])
    glued: list[str] = []
    for sentence in (s.strip() for s in out if s.strip()):
        # "“…。”王小川告诉记者。": the attribution after a closing quote belongs to the quotation.
        if glued and glued[-1][-1] in _CLOSE_QUOTES and len(sentence) <= _ATTRIBUTION_TAIL and _VERB.search(sentence):
            glued[-1] += sentence
        else:
            glued.append(sentence)
    return glued


def _family_and_given(zh: str) -> tuple[str, str]:
    for compound in COMPOUND_SURNAMES:
        if zh.startswith(compound) and len(zh) > len(compound):
            return compound, zh[len(compound) :]
    return zh[:1], zh[1:]


def pinyin_name(zh: str) -> str:
    """ "周鸿祎" → "Zhou Hongyi": family name first, given name as one word."""
    family, given = _family_and_given(zh)
    parts = ["".join(lazy_pinyin(family)).capitalize(), "".join(lazy_pinyin(given)).capitalize()]
    return " ".join(p for p in parts if p)


def person_id_for(zh: str) -> str:
    return "-".join(pinyin_name(zh).lower().split())


class _Names:
    """Who the text names: registry people first, then Chinese names that stand before a speech verb."""

    def __init__(self, corpus: Corpus):
        self.by_name: dict[str, Person] = {}
        for person in corpus.people.values():
            if person.kind != "person":
                continue
            for name in person.names:
                if re.search(r"[\u4e00-\u9fff]", name) and len(name) >= 2:
                    self.by_name[name] = person
        self._longest_first = sorted(self.by_name, key=len, reverse=True)
        self.found: dict[str, _Speaker] = {}

    def speaker(self, zh: str) -> _Speaker:
        if zh not in self.found:
            self.found[zh] = _Speaker(zh, self.by_name.get(zh))
        return self.found[zh]

    def name_ending(self, prefix: str) -> str | None:
        """The person's name that ``prefix`` ends with, if any."""
        for name in self._longest_first:
            if prefix.endswith(name):
                return name
        for name in sorted(self.found, key=len, reverse=True):
            if prefix.endswith(name):
                return name
        return new_name_ending(prefix)

    def collect(self, text: str) -> None:
        """Learn the names that stand before a speech verb anywhere in ``text``, so earlier mentions count."""
        for paragraph in text.split("\n\n"):
            for sentence in split_sentences(paragraph):
                _attribution(sentence, self, None)

    def mentioned(self, text: str) -> str | None:
        """The first known name in ``text``."""
        best: tuple[int, str] | None = None
        for name in [*self._longest_first, *self.found]:
            at = text.find(name)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, name)
        return best[1] if best else None


def _plausible_name(candidate: str) -> bool:
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", candidate) or any(ch in _NOT_IN_NAME for ch in candidate):
        return False
    family, given = _family_and_given(candidate)
    return (family in SURNAMES or family in COMPOUND_SURNAMES) and 1 <= len(given) <= 2


def new_name_ending(prefix: str) -> str | None:
    """A Chinese personal name (family name + one or two characters) at the end of ``prefix``."""
    three, two = prefix[-3:], prefix[-2:]
    # "董事长张勇": 长 could be a family name, but a common family name right after it is the real start.
    if _plausible_name(three) and three[1] not in SURNAMES:
        return three
    if _plausible_name(two):
        return two
    if _plausible_name(three):
        return three
    return None


def _without_manner(prefix: str, names: _Names) -> str:
    """``prefix`` without the shortest "…地/…的" adverbial after which a name ends, if there is one."""
    for size in range(2, _MANNER_CHARS + 1):
        adverbial = prefix[-size:]
        if (
            adverbial[-1] in "地的"
            and re.fullmatch(r"[\u4e00-\u9fff]+", adverbial)
            and names.name_ending(prefix[:-size])
        ):
            return prefix[:-size]
    return prefix


def _attribution(sentence: str, names: _Names, last: _Speaker | None) -> tuple[_Speaker | None, str, bool]:
    """Who the sentence says is speaking (name or pronoun before a speech verb), how, and with which verb."""
    for match in _VERB.finditer(sentence):
        verb = match.group(0)
        prefix = sentence[: match.start()]
        if verb in ("说", "称") and re.match(r"[明为作道呼号赞]", sentence[match.end() : match.end() + 1]):
            continue  # 说明, 称为, 称作: not speech
        for _ in range(3):
            stripped = _ADVERBS.sub("", prefix)
            stripped = _SETTING.sub("", stripped)
            if not names.name_ending(stripped):
                stripped = _without_manner(stripped, names)
            if stripped == prefix:
                break
            prefix = stripped
        name = names.name_ending(prefix)
        if name:
            return names.speaker(name), f"{name} {verb}", verb in OPINION_VERBS
        if _PRONOUN.search(prefix) and last is not None:
            return last, f"{prefix[-1]}({last.zh}) {verb}", verb in OPINION_VERBS
    dialogue = _DIALOGUE.match(sentence)
    if dialogue:
        name = dialogue.group("name")
        if name in names.by_name or name in names.found or _plausible_name(name):
            return names.speaker(name), f"{name}: (dialogue)", False
    return None, "", False


def _quote_depth(text: str, depth: int) -> int:
    for ch in text:
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES and depth > 0:
            depth -= 1
    return depth


def attribute(text: str, names: _Names) -> list[_Sentence]:
    """Every sentence of the text with the speaker it is attributed to (None for the article's own voice)."""
    sentences: list[_Sentence] = []
    last: _Speaker | None = None
    transcript: _Speaker | None = None
    for paragraph in (p.strip() for p in text.split("\n\n")):
        if not paragraph:
            continue
        intro = _TRANSCRIPT.match(paragraph)
        if intro:
            name = names.mentioned(intro.group("rest")) or next(
                (
                    intro.group("rest")[i : i + n]
                    for n in (3, 2)
                    for i in range(len(intro.group("rest")))
                    if _plausible_name(intro.group("rest")[i : i + n])
                ),
                None,
            )
            transcript = names.speaker(name) if name else transcript
        depth, quote_speaker, reported = 0, None, None
        pending: list[_Sentence] = []
        for raw in split_sentences(paragraph):
            item = _Sentence(raw)
            speaker, how, opinion = _attribution(raw, names, last)
            before = depth
            depth = _quote_depth(raw, depth)
            if speaker is None:
                # "…:「…」" after a known name: the quotation is that person's.
                mentioned = names.mentioned(raw)
                speech = _SPEECH_QUOTE.search(raw)
                if mentioned and speech and speech.start() > raw.find(mentioned):
                    speaker, how = names.speaker(mentioned), f"{mentioned} (quoted)"
            if speaker is not None:
                item.speaker, item.how, item.opinion_verb = speaker, how, opinion
                names_first = raw.startswith((speaker.zh, "他", "她"))
                if pending and (names_first or any(q in raw for q in _CLOSE_QUOTES)):
                    for earlier in pending:
                        earlier.speaker, earlier.how = speaker, f"{speaker.zh} (quote before the attribution)"
                pending = []
                last = reported = speaker
                quote_speaker = speaker if depth > 0 else None
            elif before > 0:
                if quote_speaker is not None:
                    item.speaker, item.how = quote_speaker, f"{quote_speaker.zh} (inside the quotation)"
                else:
                    pending.append(item)
            elif raw[0] in _OPEN_QUOTES and depth > 0:
                pending.append(item)  # a quotation whose speaker may be named after it
            elif reported is not None and not names.mentioned(raw):
                item.speaker, item.how = reported, f"{reported.zh} (reported speech goes on)"
            elif transcript is not None and not intro:
                item.speaker, item.how = transcript, f"{transcript.zh} (speech transcript)"
            elif raw[0] in _OPEN_QUOTES:
                pending = [item]  # a whole quotation: "“…。”李彦宏认为,…" names its speaker next
            else:
                pending = []
            if depth == 0:
                quote_speaker = None
            sentences.append(item)
    return sentences


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


def _score(item: _Sentence) -> tuple[int, list[str]]:
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
    if re.search(r"[?？][”」』]*$", text) and not re.search(r"[。!！]", text):
        score -= 3  # a question alone states nothing
    return score, reasons


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


def suggest_claims(
    corpus: Corpus, source_id: str, *, engine: Any = None, min_score: int = MIN_SCORE
) -> list[Suggestion]:
    """The sentences of ``source_id`` that carry a named person's claim, best first."""
    source = corpus.sources.get(source_id)
    if source is None:
        raise IngestError(f"no source {source_id!r} in the knowledge base; add it first with `corpus add`")
    names = _Names(corpus)
    names.collect(source.text)
    suggestions: list[Suggestion] = []
    seen: set[str] = set()
    for item in attribute(source.text, names):
        if item.speaker is None or _FRAMING.search(item.text) or item.text in seen:
            continue
        if not _ENDS_SENTENCE.search(item.text):  # a heading, or a sentence the page cut short
            continue
        score, reasons = _score(item)
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


def person_stub(zh: str) -> dict[str, Any]:
    """A draft person for a speaker the registry lacks; the curator fills in the role."""
    name = pinyin_name(zh)
    return {
        "id": person_id_for(zh),
        "kind": "person",
        "status": DRAFT,
        "zh": zh,
        "en": name,
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
            stubs += _indented_item(person_stub(suggestion.speaker_zh))
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
