"""Analysing a query: filters taken out and resolved, tokens grouped into weighted units, typos corrected.

1. The query goes through the same text pipeline as the claims (``knowledge.text``); ``by:``,
   ``topic:`` and ``source:`` filters are taken out first and resolved to registry ids.
2. Its tokens are grouped into *units*: a registry name (speaker, topic, glossary entity) found in
   it is one unit, every other token is one. Latin tokens that match nothing are corrected with
   rapidfuzz against the index's Latin vocabulary and the registries' names (typos like Lama2).
3. Each unit weighs what its rarest form weighs: IDF over the claims, times a damping for words
   that are common in Chinese at large (jieba's frequencies: 今天, 公司); a word the index has
   never seen weighs as much as the rarest word, since it is what makes a question off-topic.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from knowledge.models import Corpus
from knowledge.search.concepts import ENTITY, PERSON, TOPIC, ConceptMatcher, Mention
from knowledge.search.index import BIGRAM_SHARE, LexicalIndex
from knowledge.search.lexicon import NAME_FREQ, Lexicon
from knowledge.text import BIGRAM, TextPipeline, is_latin, stem_english

MAX_QUERY_CHARS = 500
"""A longer text is not a search; the rest is ignored (and the answer stays fast)."""
MAX_UNITS = 40
UNKNOWN_SHARE = 1.0
"""A word no claim contains weighs this share of the rarest word's weight: the stuff of off-topic questions."""
SINGLE_CHAR_DAMPING = 0.35
"""One Chinese character alone (值, 选, 够) says little; jieba leaves them where it found no word."""
SPECIFIC_DAMPING = 0.75
"""A shown claim must match at least one specific unit: a word rare in Chinese at large (开源, 出货量),
a Latin term or a registry name, not only everyday words that happen to be in some claim (明天, 机票)."""
_FILTER = re.compile(r"(?<!\S)(by|speaker|topic|source|from)\s*:\s*(\"[^\"]*\"|\S+)")
_FILTER_KEYS = {"by": "by", "speaker": "by", "topic": "topic", "source": "source", "from": "source"}


@dataclass
class Unit:
    """One thing the query asks about: a registry name or a word, with the terms that stand for it."""

    label: str
    members: dict[str, float]
    """term → factor (1, or the similarity of a fuzzy correction, or ``BIGRAM_SHARE`` for a character pair)."""
    weight: float = 0.0
    note: str = ""
    """The fuzzy correction made, for explanations (``Lama2→llama2 (91)``)."""
    specific: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    """The query with its filters taken out."""
    filters: dict[str, list[str]] = field(default_factory=dict)
    """``by``/``topic``/``source`` → the registry ids its filters resolved to."""
    problems: tuple[str, ...] = ()
    """Why a filter could not be used (``no speaker matches by:xyz``)."""


def general_damping(freq: int | None, total_freq: int) -> float:
    """1 for words rare in Chinese at large, down to 0.2 for the most common ones (今天, 公司).

    Not lower: in a question about this domain an everyday word (产品, 技术) is often the point,
    and the corpus IDF already discounts the words every claim uses."""
    if not freq:
        return 1.0
    general_idf = math.log(total_freq / freq)
    return min(1.0, max(0.2, (general_idf - 8.0) / 5.0))


def _fuzzy_cutoff(token: str) -> float:
    """About one edit: short tokens need a closer match than long ones."""
    return 90.0 if len(token) < 8 else 85.0


class QueryAnalyzer:
    """Turns query text into filters and weighted units against one index; read-only once built."""

    def __init__(
        self,
        corpus: Corpus,
        pipeline: TextPipeline,
        matcher: ConceptMatcher,
        index: LexicalIndex,
        lexicon: Lexicon,
        name_terms: set[str],
    ):
        self.corpus = corpus
        self.pipeline = pipeline
        self.matcher = matcher
        self.index = index
        self._lexicon = lexicon
        self._name_terms = name_terms
        self._latin_vocab = sorted({t for t in index.vocab if is_latin(t) and len(t) >= 4} | set(matcher.latin_keys()))

    # ---- term weights ------------------------------------------------------------------------

    def weight(self, term: str) -> float:
        """What matching ``term`` is worth: its IDF over the claims times its general-language damping."""
        return self.index.idf(term) * self.damping(term)

    def damping(self, term: str) -> float:
        if term[:1] == BIGRAM:
            return self.damping(term[1:])
        if term[:1] in (PERSON, TOPIC, ENTITY) or is_latin(term):
            return 1.0
        freq = self._lexicon.words.get(term)
        if freq == NAME_FREQ and term in self._name_terms:
            return 1.0  # a registry name the general dictionary does not know as common (开源, 钉钉)
        if freq is None and term not in self.index.vocab and len(term) > 1:
            # A run jieba's HMM glued together from unknown characters (算够, 会下): as common as its parts.
            return max(self.damping(ch) for ch in term)
        damping = general_damping(freq, self._lexicon.total_freq)
        return damping * SINGLE_CHAR_DAMPING if len(term) == 1 else damping

    # ---- units -------------------------------------------------------------------------------

    def units(self, text: str) -> list[Unit]:
        """The query's units, weighted, at most ``MAX_UNITS``; stop words and weightless units left out."""
        tokens = self.pipeline.tokens(text, normalized=True)
        mentions: list[Mention] = list(self.matcher.find(tokens))
        units: list[Unit] = []
        covered_until = 0
        by_span: dict[tuple[int, int], list[str]] = {}
        for m in mentions:
            by_span.setdefault((m.start, m.end), []).append(m.concept)
        span_at: dict[int, tuple[int, int]] = {}
        for start, end in sorted(by_span, key=lambda s: (s[0], -s[1])):
            span_at.setdefault(start, (start, end))
        i = 0
        while i < len(tokens):
            span = span_at.get(i)
            if span and span[0] >= covered_until:
                start, end = span
                members = dict.fromkeys(by_span[span], 1.0)
                members.update(dict.fromkeys(self.pipeline.expand(tokens[start:end]), 1.0))
                units.append(Unit("".join(tokens[start:end]), members))
                covered_until = end
                i = end
                continue
            token = tokens[i]
            i += 1
            members = dict.fromkeys(self.pipeline.expand([token]), 1.0)
            if not members:
                continue  # a stop word
            unit = Unit(token, members)
            if is_latin(token) and not any(t in self.index.vocab for t in members):
                self._correct(unit, stem_english(token))
            units.append(unit)
        vocab = self.index.vocab
        for unit in units[:MAX_UNITS]:
            for pair in self.pipeline.bigrams(unit.label, normalized=True):
                unit.members.setdefault(pair, BIGRAM_SHARE)
            known = [self.weight(t) * f for t, f in unit.members.items() if t in vocab]
            unit.specific = any(self.damping(t) >= SPECIFIC_DAMPING for t in unit.members if t in vocab)
            if known:
                unit.weight = max(known)
            else:  # never seen in any claim: this is what an off-topic question is made of
                unit.weight = UNKNOWN_SHARE * self.index.idf_max * min(self.damping(t) for t in unit.members)
        return [u for u in units[:MAX_UNITS] if u.weight > 0]

    def _correct(self, unit: Unit, token: str) -> None:
        """Fuzzy-correct a Latin token no claim contains (Lama2 → llama2, Hugingface → huggingface)."""
        if len(token) < 4 or not self._latin_vocab:
            return
        found = process.extractOne(token, self._latin_vocab, scorer=fuzz.ratio, score_cutoff=_fuzzy_cutoff(token))
        if not found:
            return
        match, similarity, _ = found
        factor = similarity / 100.0
        for concept in self.matcher.concepts_for(match):
            unit.members[concept] = factor
        if match in self.index.vocab:
            unit.members[match] = factor
        unit.note = f"{unit.label}→{match} ({similarity:.0f})"

    # ---- filters -----------------------------------------------------------------------------

    def parse_filters(self, text: str) -> ParsedQuery:
        """Take ``by:``/``topic:``/``source:`` out of ``text`` and resolve them (fuzzily) to ids."""
        filters: dict[str, list[str]] = {}
        problems: list[str] = []
        for match in _FILTER.finditer(text):
            key = _FILTER_KEYS[match.group(1)]
            value = match.group(2).strip('"').strip()
            if not value:
                continue
            resolved = self._resolve_filter(key, value)
            if resolved:
                filters.setdefault(key, []).extend(r for r in resolved if r not in filters.get(key, []))
            else:
                problems.append(f"no {'speaker' if key == 'by' else key} matches {key}:{value}")
        return ParsedQuery(_FILTER.sub(" ", text), filters, tuple(problems))

    def _resolve_filter(self, key: str, value: str) -> list[str]:
        if key == "source":
            ids = {s.lower(): s for s in self.corpus.sources}
            if value in ids:
                return [ids[value]]
            found = process.extractOne(value, list(ids), scorer=fuzz.ratio, score_cutoff=80)
            return [ids[found[0]]] if found else []
        prefix = PERSON if key == "by" else TOPIC
        joined = "".join(self.pipeline.tokens(value, normalized=True))
        concepts = sorted(c for c in self.matcher.concepts_for(joined) if c.startswith(prefix))
        if not concepts:
            candidates = [k for k, cs in self.matcher.keys.items() if any(c.startswith(prefix) for c in cs)]
            found = process.extractOne(joined, candidates, scorer=fuzz.ratio, score_cutoff=80) if joined else None
            if found:
                concepts = sorted(c for c in self.matcher.concepts_for(found[0]) if c.startswith(prefix))
        return [c[1:] for c in concepts]
