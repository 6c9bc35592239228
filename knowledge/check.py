"""``lundao corpus check``: every defect of the knowledge base, one line each; and what each draft still needs."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz

from knowledge.fold import fold, squash_space
from knowledge.loader import read_corpus
from knowledge.models import Claim, Corpus
from knowledge.paraphrase import distinct_from_problems, judged_distinct, paraphrase_problem, paraphrases
from knowledge.problems import ID_PATTERN, Problem, order_problems, reference_problems, unreadable_registries

# Two claims whose Chinese statements are this similar (rapidfuzz ratio, 0-100) say the same thing.
NEAR_DUPLICATE_RATIO = 90.0
# Two claims of one source whose quotes share this much of the shorter quote tell one passage twice
# (xixi-general-vs-vertical held all of xixi-big-model-inference-cost's quote). Measured on the
# bundled corpus: that was the only pair of overlapping quotes, so any share above 0 would do; half
# leaves room for two claims that share a connecting clause.
QUOTE_OVERLAP_SHARE = 0.5


def quote_problems(corpus: Corpus) -> list[Problem]:
    problems: list[Problem] = []
    squashed = {sid: squash_space(s.text) for sid, s in corpus.sources.items()}
    for claim in (*corpus.claims, *corpus.drafts):
        text = squashed.get(claim.source_id)
        if text is not None and squash_space(claim.quote) not in text:
            problems.append(
                Problem.at(claim.location, claim.id, f"quote not found verbatim in source {claim.source_id!r}")
            )
    return problems


def _quote_spans(corpus: Corpus) -> dict[str, tuple[int, int]]:
    """Where each claim's quote sits in its source's text (white space aside), if it is there."""
    texts = {sid: squash_space(s.text) for sid, s in corpus.sources.items()}
    spans: dict[str, tuple[int, int]] = {}
    for claim in corpus.claims:
        quote = squash_space(claim.quote)
        start = texts.get(claim.source_id, "").find(quote) if quote else -1
        if start >= 0:
            spans[claim.id] = (start, start + len(quote))
    return spans


def near_duplicate_problems(
    corpus: Corpus,
    threshold: float = NEAR_DUPLICATE_RATIO,
    overlap_share: float = QUOTE_OVERLAP_SHARE,
    vectors: dict[str, np.ndarray] | None = None,
) -> list[Problem]:
    """Claims that say the same: near-identical statements, quotes of one passage that overlap, or one
    point in other words (knowledge/paraphrase.py; ``vectors``: the shipped ones when None).

    A pair a curator listed in ``distinct_from`` is not raised for overlapping quotes or other words;
    near-identical statements always are."""
    problems: list[Problem] = []
    folded = [(c, fold(c.text), fold(c.quote)) for c in corpus.claims]
    spans = _quote_spans(corpus)
    distinct = judged_distinct(corpus.claims)
    reported: set[frozenset[str]] = set()
    for i, (a, text_a, quote_a) in enumerate(folded):
        for b, text_b, quote_b in folded[i + 1 :]:
            if a.id == b.id:
                continue  # reported as a duplicate id
            same_text = fuzz.ratio(text_a, text_b) >= threshold
            same_quote = quote_a == quote_b and a.source_id == b.source_id
            if same_text or same_quote:
                what = "statement" if same_text else "quote"
                problems.append(Problem.at(b.location, b.id, f"near-duplicate {what} of claim {a.id!r}"))
                reported.add(frozenset((a.id, b.id)))
            elif a.source_id == b.source_id and a.id in spans and b.id in spans:
                (start_a, end_a), (start_b, end_b) = spans[a.id], spans[b.id]
                shared = min(end_a, end_b) - max(start_a, start_b)
                shorter = min(end_a - start_a, end_b - start_b)
                if shared > 0 and shared >= overlap_share * shorter and frozenset((a.id, b.id)) not in distinct:
                    problems.append(
                        Problem.at(
                            b.location,
                            b.id,
                            f"quote shares {shared * 100 // shorter}% of its passage with claim {a.id!r}: "
                            "one point told twice? merge them, or give each its own sentences",
                        )
                    )
                    reported.add(frozenset((a.id, b.id)))
    problems += [
        paraphrase_problem(pair)
        for pair in paraphrases(corpus, vectors)
        if frozenset((pair.first.id, pair.second.id)) not in reported
    ]
    return problems


_CJK = re.compile(r"[\u4e00-\u9fff]")
# Words a claim's text adds to name who says it (张帆认为, 据极客公园观察): not content, never counted.
_ATTRIBUTION_WORDS = re.compile(
    r"认为|表示|指出|提到|谈到|强调|透露|坦言|直言|补充|总结|预测|判断|建议|提醒|相信|觉得|看来|发现|观察到?|回应|解释|介绍|"
    r"提出|称|说|据|在|的|了|和|与|是"
)
# A text whose content characters are more than this share absent from its quote says more than the
# quote: a neighbouring sentence, a caption or a comment crept in. Measured on the bundled corpus
# (texts without the speaker's names and org and the words above; a paraphrase reuses the quote's
# characters, an added sentence does not): before the audit fixes the median was 0.08 and 47 claims
# (9%) were above 0.35; read, each added something its quote does not say, as did most above 0.3.
# Of the 69 above 0.3, 48 got the neighbouring sentences into their quote (verbatim) and 21 had their
# text trimmed. After: median 0.06, highest 0.32. Short texts (under 12 content characters) are left alone.
UNGROUNDED_SHARE = 0.35
MIN_GROUNDED_CHARS = 12


def ungrounded_share(claim: Claim, corpus: Corpus) -> float:
    """The share of the text's Chinese characters that its quote does not hold (names and verbs aside)."""
    text = claim.text
    person = corpus.people.get(claim.speaker_id)
    if person is not None:
        for name in sorted((*person.names, *((person.org and [person.org]) or [])), key=len, reverse=True):
            text = text.replace(name, "")
    content = _CJK.findall(_ATTRIBUTION_WORDS.sub("", text))
    if len(content) < MIN_GROUNDED_CHARS:
        return 0.0
    quoted = set(_CJK.findall(claim.quote))
    return sum(1 for ch in content if ch not in quoted) / len(content)


def grounding_problems(corpus: Corpus, threshold: float = UNGROUNDED_SHARE) -> list[Problem]:
    """Texts that say more than their quote: lengthen the quote (verbatim) or trim the text."""
    problems: list[Problem] = []
    for claim in corpus.claims:
        share = ungrounded_share(claim, corpus)
        if share > threshold:
            problems.append(
                Problem.at(
                    claim.location,
                    claim.id,
                    f"text runs past its quote ({share:.0%} of its characters are not in the quote): "
                    "lengthen the quote or trim the text",
                )
            )
    return problems


def registry_problems(corpus: Corpus) -> list[Problem]:
    problems: list[Problem] = []
    for person in corpus.people.values():
        if not ID_PATTERN.match(person.id):
            problems.append(Problem.at(person.location, person.id, "person id must be a lowercase slug"))
        if person.kind == "person" and not person.pinyin:
            problems.append(Problem.at(person.location, person.id, "a person needs a pinyin name"))
    alias_owner: dict[str, str] = {}
    for entity in corpus.entities.values():
        for name in entity.names:
            key = fold(name)
            if key in alias_owner and alias_owner[key] != entity.id:
                problems.append(
                    Problem.at(entity.location, entity.id, f"alias {name!r} also names {alias_owner[key]!r}")
                )
            alias_owner.setdefault(key, entity.id)
    return problems


def coverage_problems(corpus: Corpus) -> list[Problem]:
    """Sources with no claims (drafts count: a source just added and suggested is being reviewed).

    A takeaway may be carried by several claims: a takeaway that states two views is split in two.
    """
    problems: list[Problem] = []
    per_source: dict[str, int] = defaultdict(int)
    for claim in (*corpus.claims, *corpus.drafts):
        per_source[claim.source_id] += 1
    for source in corpus.sources.values():
        if per_source[source.id] == 0:
            problems.append(Problem.at(source.location, source.id, "source has no claims"))
    return problems


def draft_speaker_problems(corpus: Corpus) -> list[Problem]:
    """An approved claim is served with its speaker's role: a draft person has none yet."""
    problems: list[Problem] = []
    for claim in corpus.claims:
        person = corpus.people.get(claim.speaker_id)
        if person is not None and person.status == "draft":
            problems.append(
                Problem.at(
                    claim.location,
                    claim.id,
                    f"speaker {person.id!r} is a draft in people.yaml: fill in role and role_en, then delete its status",
                )
            )
    return problems


_DRAFT_ID = re.compile(r"-draft-\d+$")


def still_needs(claim: Claim) -> list[str]:
    """What a draft lacks before it can be approved."""
    needs = []
    if not claim.en:
        needs.append("en")
    if not claim.topic_ids:
        needs.append("topics")
    if claim.text == claim.quote:
        needs.append("a concise text (text is the quote)")
    if _DRAFT_ID.search(claim.id):
        needs.append("an id")
    return needs


def draft_notes(corpus: Corpus) -> list[Problem]:
    """One note per draft claim and draft person: not failures, the curator's to-do list."""
    notes = []
    for claim in corpus.drafts:
        needs = still_needs(claim)
        then = "still needs: " + ", ".join(needs) if needs else "ready: set `status: approved`"
        notes.append(Problem.at(claim.location, claim.id, f"draft, {then}"))
    for person in corpus.people.values():
        if person.status == "draft":
            missing = [f for f in ("role", "role_en") if not getattr(person, f)]
            then = "still needs: " + ", ".join(missing) if missing else "ready: delete its status"
            notes.append(Problem.at(person.location, person.id, f"draft person, {then}"))
    return sorted(notes)


def message_problems(corpus: Corpus) -> list[Problem]:
    """A chat source's claims each come from one of its messages, quoted verbatim from that message's text."""
    problems: list[Problem] = []
    claims = [*corpus.claims, *corpus.drafts]
    for source in corpus.sources.values():
        if not source.messages:
            continue
        texts = {m.claim: m.text for m in source.messages}
        squashed_source = squash_space(source.text)
        for message in source.messages:
            if squash_space(message.text) not in squashed_source:
                problems.append(
                    Problem.at(message.location, message.claim, f"message text not in sources/{source.id}.txt")
                )
        for claim in claims:
            if claim.source_id != source.id:
                continue
            text = texts.get(claim.id)
            if text is None:
                problems.append(
                    Problem.at(claim.location, claim.id, f"no message of source {source.id!r} for this claim")
                )
            elif squash_space(claim.quote) not in squash_space(text):
                problems.append(Problem.at(claim.location, claim.id, "quote not found verbatim in its message's text"))
        known = {c.id for c in claims}
        for message in source.messages:
            if message.claim not in known:
                problems.append(Problem.at(message.location, message.claim, "message of a claim that does not exist"))
    return problems


def check_corpus(root: Path | str | None = None) -> tuple[Corpus, list[Problem]]:
    """Load and validate; returns the corpus and every problem found, sorted by file and line."""
    corpus, problems = read_corpus(root)
    problems += reference_problems(corpus, skip=unreadable_registries(problems))
    problems += quote_problems(corpus)
    problems += near_duplicate_problems(corpus)
    problems += distinct_from_problems(corpus)
    problems += grounding_problems(corpus)
    problems += registry_problems(corpus)
    problems += coverage_problems(corpus)
    problems += draft_speaker_problems(corpus)
    problems += message_problems(corpus)
    return corpus, order_problems(problems)
