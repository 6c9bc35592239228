"""The search engine: a weighted inverted index over claims, a confidence threshold, filters.

How a query is answered:

1. The query goes through the same text pipeline as the claims (``knowledge.text``); ``by:``,
   ``topic:`` and ``source:`` filters are taken out first.
2. Its tokens are grouped into *units*: a registry name (speaker, topic, glossary entity) found in
   it is one unit, every other token is one. Latin tokens that match nothing are corrected with
   rapidfuzz against the index's Latin vocabulary and the registries' names (typos like Lama2).
3. Each unit weighs what its rarest form weighs: IDF over the claims, times a damping for words
   that are common in Chinese at large (jieba's frequencies: 今天, 公司); a word the index has
   never seen weighs as much as the rarest word, since it is what makes a question off-topic.
4. Claims are scored BM25-style over their fields (text, quote, English gloss, speaker, topics,
   glossary entities they mention, and the pairs of adjacent Chinese characters, which back up
   words wherever jieba cut the claim's characters differently from the query's); a claim is shown only when it covers enough of the query's
   weight (``MIN_COVERAGE``) with enough evidence (``MIN_EVIDENCE``). Otherwise the result is
   empty and carries suggestions.
5. The best few are reranked with rapidfuzz on characters (word order, phrases).
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from knowledge.models import Claim, Corpus
from knowledge.search.concepts import (
    ENTITY,
    PERSON,
    TOPIC,
    ConceptMatcher,
    Mention,
    registry_names,
)
from knowledge.search.lexicon import NAME_FREQ, load_lexicon, load_segments, save_segments
from knowledge.text import (
    BIGRAM,
    STOP_WORDS,
    TextPipeline,
    clean_query,
    is_latin,
    normalize,
    squash,
    stem_english,
)

K1, B = 1.2, 0.75
FIELD_WEIGHTS = {"text": 1.0, "quote": 0.6, "en": 1.0}
SPEAKER_WEIGHT = 3.0
"""The claim's own speaker counts more than a name merely mentioned in its text."""
MAIN_TOPIC_WEIGHT, OTHER_TOPIC_WEIGHT = 2.0, 1.0
UNKNOWN_SHARE = 1.0
"""A word no claim contains weighs this share of the rarest word's weight: the stuff of off-topic questions."""
SINGLE_CHAR_DAMPING = 0.35
"""One Chinese character alone (值, 选, 够) says little; jieba leaves them where it found no word."""
MIN_COVERAGE = 0.5
FULL_COVERAGE = 0.9
SPECIFIC_DAMPING = 0.75
"""A shown claim must match at least one specific unit: a word rare in Chinese at large (开源, 出货量),
a Latin term or a registry name, not only everyday words that happen to be in some claim (明天, 机票)."""
"""Share of the query's weight a claim must match to be shown at all."""
MIN_EVIDENCE = 0.2
"""...and the matched weight must reach this share of the rarest word's weight."""
BIGRAM_SHARE = 0.8
"""Character pairs back up words (see ``TextPipeline.bigrams``): a claim's pairs count half as much
as its words, and a query word matched only through its pairs earns this share of its credit."""
RERANK_DEPTH = 50
MAX_QUERY_CHARS = 500
"""A longer text is not a search; the rest is ignored (and the answer stays fast)."""
MAX_UNITS = 40
JIEBA_TOTAL_FREQ = 60_101_967
"""Sum of the frequencies in jieba 0.42's dictionary: turns a frequency into general-language IDF."""
_FILTER = re.compile(r"(?<!\S)(by|speaker|topic|source|from)\s*:\s*(\"[^\"]*\"|\S+)")
_FILTER_KEYS = {"by": "by", "speaker": "by", "topic": "topic", "source": "source", "from": "source"}


@dataclass(frozen=True)
class Hit:
    claim: Claim
    score: float
    why: tuple[str, ...] = ()
    """Human-readable reasons it matched (for --explain)."""


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...]
    """Confident matches only, best first, after ``offset``; empty when there is no good answer."""
    total: int = 0
    """How many confident matches exist in all (for "More" paging)."""
    suggestions: tuple[str, ...] = ()
    """When nothing matched: topics or speakers worth trying, as display strings (``topic:开源``)."""
    filters: dict[str, str] = field(default_factory=dict)
    """Filters parsed out of the query (by:, topic:, source:), resolved to ids (comma-separated)."""
    problems: tuple[str, ...] = ()
    """Why a filter could not be used (``no speaker matches by:xyz``); safe to show, not escaped."""


@dataclass
class _Unit:
    label: str
    members: dict[str, float]
    """term → factor (1, or the similarity of a fuzzy correction)."""
    weight: float = 0.0
    note: str = ""
    specific: bool = False


def _general_damping(freq: int | None) -> float:
    """1 for words rare in Chinese at large, down to 0.2 for the most common ones (今天, 公司).

    Not lower: in a question about this domain an everyday word (产品, 技术) is often the point,
    and the corpus IDF already discounts the words every claim uses."""
    if not freq:
        return 1.0
    general_idf = math.log(JIEBA_TOTAL_FREQ / freq)
    return min(1.0, max(0.2, (general_idf - 8.0) / 5.0))


def _fuzzy_cutoff(token: str) -> float:
    """About one edit: short tokens need a closer match than long ones."""
    return 90.0 if len(token) < 8 else 85.0


class SearchEngine:
    """Build once with ``SearchEngine.build(corpus)``; ``search`` and ``related`` are read-only."""

    def __init__(
        self,
        corpus: Corpus,
        pipeline: TextPipeline,
        matcher: ConceptMatcher,
        general_freq: dict[str, int],
        name_terms: set[str],
    ):
        self.corpus = corpus
        self.pipeline = pipeline
        self.matcher = matcher
        self._general_freq = general_freq
        self._name_terms = name_terms
        self._claims = corpus.claims
        self._index_claims()

    @classmethod
    def build(cls, corpus: Corpus, *, use_cache: bool = True) -> SearchEngine:
        names = registry_names(corpus)
        texts = [normalize(t) for c in corpus.claims for t in (c.text, c.quote)]
        flat_names = [normalize(n) for spellings in names.values() for n in spellings]
        lexicon, lexicon_path = load_lexicon(texts, flat_names, use_cache=use_cache)
        pipeline = TextPipeline(lexicon)
        if use_cache:
            pipeline.segments.update(load_segments(lexicon_path))
        known_runs = len(pipeline.segments)
        matcher = ConceptMatcher(pipeline, names)
        name_terms = {t for n in flat_names for t in pipeline.tokens(n, normalized=True)}
        engine = cls(corpus, pipeline, matcher, lexicon, name_terms)
        if use_cache and len(pipeline.segments) > known_runs:
            save_segments(lexicon_path, pipeline.segments)
        return engine

    # ---- index -------------------------------------------------------------------------------

    def _claim_bag(self, claim: Claim) -> Counter[str]:
        bag: Counter[str] = Counter()
        for field_name, text in (("text", claim.text), ("quote", claim.quote), ("en", claim.en)):
            weight = FIELD_WEIGHTS[field_name]
            tokens = self.pipeline.tokens(text)
            for term in self.pipeline.expand(tokens):
                bag[term] += weight
            for mention in self.matcher.find(tokens):
                bag[mention.concept] += weight
            for pair in self.pipeline.bigrams(text):
                bag[pair] += weight * BIGRAM_SHARE
        bag[PERSON + claim.speaker_id] += SPEAKER_WEIGHT
        for i, topic in enumerate(claim.topic_ids):
            bag[TOPIC + topic] += MAIN_TOPIC_WEIGHT if i == 0 else OTHER_TOPIC_WEIGHT
        return bag

    def _index_claims(self) -> None:
        vocab: dict[str, int] = {}
        doc_terms: list[array] = []
        doc_tfs: list[array] = []
        lengths = np.zeros(len(self._claims), dtype=np.float32)
        for i, claim in enumerate(self._claims):
            bag = self._claim_bag(claim)
            ids = array("i", (vocab.setdefault(term, len(vocab)) for term in bag))
            doc_terms.append(ids)
            doc_tfs.append(array("f", bag.values()))
            lengths[i] = sum(bag.values())
        n_docs = len(self._claims)
        avg_len = float(lengths.mean()) if n_docs else 1.0
        counts = np.zeros(len(vocab), dtype=np.int64)
        for ids in doc_terms:
            counts[np.frombuffer(ids, dtype=np.int32)] += 1
        # Postings sorted by term: one flat array of claim numbers and one of BM25 term scores.
        all_terms = (
            np.concatenate([np.frombuffer(a, dtype=np.int32) for a in doc_terms]) if n_docs else np.zeros(0, np.int32)
        )
        all_tfs = (
            np.concatenate([np.frombuffer(a, dtype=np.float32) for a in doc_tfs]) if n_docs else np.zeros(0, np.float32)
        )
        all_docs = (
            np.repeat(np.arange(n_docs, dtype=np.int32), [len(a) for a in doc_terms])
            if n_docs
            else np.zeros(0, np.int32)
        )
        norm = K1 * (1 - B + B * lengths / max(avg_len, 1e-9))
        values = all_tfs * (K1 + 1) / (all_tfs + norm[all_docs])
        order = np.argsort(all_terms, kind="stable")
        self._post_docs = all_docs[order]
        self._post_vals = values[order].astype(np.float32)
        self._post_start = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self._vocab = vocab
        self._df = counts
        self._n = n_docs
        self._idf_max = math.log(1 + (n_docs + 0.5) / 1.5) if n_docs else 1.0
        self._latin_vocab = sorted({t for t in vocab if is_latin(t) and len(t) >= 4} | set(self.matcher.latin_keys()))
        self._squashed = [squash(c.text + c.quote) for c in self._claims]
        self._claim_pos = {c.id: i for i, c in enumerate(self._claims)}
        self._topic_counts = Counter(t for c in self._claims for t in c.topic_ids)
        # Claim numbers per speaker, topic and source, so a filter costs no pass over the claims.
        by_value: dict[tuple[str, str], list[int]] = {}
        for i, c in enumerate(self._claims):
            by_value.setdefault(("by", c.speaker_id), []).append(i)
            by_value.setdefault(("source", c.source_id), []).append(i)
            for t in c.topic_ids:
                by_value.setdefault(("topic", t), []).append(i)
        self._filter_postings = {k: np.asarray(v, dtype=np.int32) for k, v in by_value.items()}

    def _postings(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        tid = self._vocab.get(term)
        if tid is None:
            return None
        start, end = self._post_start[tid], self._post_start[tid + 1]
        return self._post_docs[start:end], self._post_vals[start:end]

    def idf(self, term: str) -> float:
        tid = self._vocab.get(term)
        if tid is None:
            return 0.0
        df = float(self._df[tid])
        return math.log(1 + (self._n - df + 0.5) / (df + 0.5))

    def _damping(self, term: str) -> float:
        if term[:1] == BIGRAM:
            return self._damping(term[1:])
        if term[:1] in (PERSON, TOPIC, ENTITY) or is_latin(term):
            return 1.0
        freq = self._general_freq.get(term)
        if freq == NAME_FREQ and term in self._name_terms:
            return 1.0  # a registry name the general dictionary does not know as common (开源, 钉钉)
        if freq is None and term not in self._vocab and len(term) > 1:
            # A run jieba's HMM glued together from unknown characters (算够, 会下): as common as its parts.
            return max(self._damping(ch) for ch in term)
        damping = _general_damping(freq)
        return damping * SINGLE_CHAR_DAMPING if len(term) == 1 else damping

    # ---- query analysis ----------------------------------------------------------------------

    def _units(self, text: str) -> list[_Unit]:
        tokens = self.pipeline.tokens(text, normalized=True)
        mentions: list[Mention] = list(self.matcher.find(tokens))
        units: list[_Unit] = []
        covered_until = 0
        by_span: dict[tuple[int, int], list[str]] = {}
        for m in mentions:
            by_span.setdefault((m.start, m.end), []).append(m.concept)
        i = 0
        spans = sorted(by_span, key=lambda s: (s[0], -s[1]))
        span_at = {}
        for start, end in spans:
            span_at.setdefault(start, (start, end))
        while i < len(tokens):
            span = span_at.get(i)
            if span and span[0] >= covered_until:
                start, end = span
                members = dict.fromkeys(by_span[span], 1.0)
                members.update(dict.fromkeys(self.pipeline.expand(tokens[start:end]), 1.0))
                units.append(_Unit("".join(tokens[start:end]), members))
                covered_until = end
                i = end
                continue
            token = tokens[i]
            i += 1
            members = dict.fromkeys(self.pipeline.expand([token]), 1.0)
            if not members:
                continue  # a stop word
            unit = _Unit(token, members)
            if is_latin(token) and not any(t in self._vocab for t in members):
                self._correct(unit, stem_english(token))
            units.append(unit)
        for unit in units[:MAX_UNITS]:
            for pair in self.pipeline.bigrams(unit.label, normalized=True):
                unit.members.setdefault(pair, BIGRAM_SHARE)
            known = [self.idf(t) * self._damping(t) * f for t, f in unit.members.items() if t in self._vocab]
            unit.specific = any(self._damping(t) >= SPECIFIC_DAMPING for t in unit.members if t in self._vocab)
            if known:
                unit.weight = max(known)
            else:  # never seen in any claim: this is what an off-topic question is made of
                unit.weight = UNKNOWN_SHARE * self._idf_max * min(self._damping(t) for t in unit.members)
        return [u for u in units[:MAX_UNITS] if u.weight > 0]

    def _correct(self, unit: _Unit, token: str) -> None:
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
        if match in self._vocab:
            unit.members[match] = factor
        unit.note = f"{unit.label}→{match} ({similarity:.0f})"

    # ---- filters -----------------------------------------------------------------------------

    def _parse_filters(self, text: str) -> tuple[str, dict[str, list[str]], list[str]]:
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
        rest = _FILTER.sub(" ", text)
        return rest, filters, problems

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

    def _filter_mask(self, filters: dict[str, list[str]]) -> np.ndarray | None:
        if not filters:
            return None
        mask = np.ones(self._n, dtype=bool)
        for key, values in filters.items():
            part = np.zeros(self._n, dtype=bool)
            for value in values:
                found = self._filter_postings.get((key, value))
                if found is not None:
                    part[found] = True
            mask &= part
        return mask

    # ---- search ------------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 5, offset: int = 0, explain: bool = False) -> SearchResult:
        """Confident hits for ``query``; ``explain`` fills each hit's ``why`` (slower: re-reads the claims)."""
        limit, offset = max(0, int(limit)), max(0, int(offset))
        text = clean_query(query or "")[:MAX_QUERY_CHARS]
        rest, filters, problems = self._parse_filters(text)
        shown_filters = {k: ",".join(v) for k, v in filters.items()}
        if problems:
            return SearchResult(query, (), 0, self._suggest([]), shown_filters, tuple(problems))
        mask = self._filter_mask(filters)
        units = self._units(rest) if rest.strip() else []
        if not units:
            if mask is None:
                return SearchResult(query, (), 0, self._suggest([]), shown_filters)
            # Filters alone: list what they select, in the knowledge base's order.
            chosen = np.flatnonzero(mask)
            hits = tuple(
                Hit(self._claims[i], 1.0, ("matches the filters " + _describe(shown_filters),))
                for i in chosen[offset : offset + limit]
            )
            return SearchResult(query, hits, len(chosen), () if len(chosen) else self._suggest([]), shown_filters)

        scores = np.zeros(self._n, dtype=np.float32)
        covered = np.zeros(self._n, dtype=np.float32)
        anchored = np.zeros(self._n, dtype=bool)
        matched_units = np.zeros(self._n, dtype=np.int32)
        total_weight = sum(u.weight for u in units)
        for unit in units:
            # A claim covers a unit by as much as the weight of the form it contains: the whole
            # word or name fully, a sub-word (模型 of 开源模型) only as much as that sub-word weighs.
            credit = np.zeros(self._n, dtype=np.float32)
            for term, factor in unit.members.items():
                postings = self._postings(term)
                if postings is None:
                    continue
                docs, vals = postings
                w = self.idf(term) * self._damping(term) * factor
                scores[docs] += np.float32(w) * vals
                credit[docs] = np.maximum(credit[docs], np.float32(min(w, unit.weight)))
            covered += credit
            matched_units += credit > 0
            if unit.specific:
                anchored |= credit > 0
        coverage = covered / np.float32(total_weight)
        # Everyday words only, but all of them and more than one (连接 决策): that is specific too.
        anchored |= (coverage >= FULL_COVERAGE) & (matched_units >= 2)
        if mask is not None:
            anchored |= mask  # a filter already says what the question is about (topic:开源 社区)
        eligible = (coverage >= MIN_COVERAGE) & (covered >= np.float32(MIN_EVIDENCE * self._idf_max)) & anchored
        if mask is not None:
            eligible &= mask
        chosen = np.flatnonzero(eligible)
        if len(chosen) == 0:
            return SearchResult(query, (), 0, self._suggest(units, scores), shown_filters)
        final = scores[chosen] * coverage[chosen]
        depth = max(RERANK_DEPTH, offset + limit)
        if len(chosen) > depth:
            top = np.argpartition(-final, depth - 1)[:depth]
            chosen, final = chosen[top], final[top]
        squashed_query = squash(rest)
        reranked: list[tuple[float, int]] = []
        for pos, base in zip(chosen.tolist(), final.tolist(), strict=True):
            similarity = fuzz.partial_ratio(squashed_query, self._squashed[pos]) / 100.0 if squashed_query else 0.0
            reranked.append((base * (1.0 + 0.3 * similarity * similarity), pos))
        reranked.sort(key=lambda item: (-item[0], item[1]))
        scale = total_weight * (K1 + 1)
        hits = tuple(
            Hit(
                self._claims[pos],
                round(score / scale, 4),
                self._why(units, pos, float(coverage[pos])) if explain else (),
            )
            for score, pos in reranked[offset : offset + limit]
        )
        return SearchResult(query, hits, len(np.flatnonzero(eligible)), (), shown_filters)

    def _why(self, units: list[_Unit], pos: int, coverage: float) -> tuple[str, ...]:
        claim = self._claims[pos]
        fields = {
            name: set(self.pipeline.expand(self.pipeline.tokens(text)))
            for name, text in (("text", claim.text), ("quote", claim.quote), ("en", claim.en))
        }
        reasons: list[str] = []
        for unit in units:
            where: list[str] = []
            for term in unit.members:
                if term == PERSON + claim.speaker_id:
                    where.append("speaker")
                elif term[:1] == TOPIC and term[1:] in claim.topic_ids:
                    where.append("topic " + term[1:])
                elif term[:1] in (PERSON, TOPIC, ENTITY):
                    postings = self._postings(term)
                    if postings is not None and _contains(postings[0], pos):
                        where.append("mentions " + self.matcher.display.get(term, term[1:]))
                else:
                    where.extend(name for name, terms in fields.items() if term in terms)
            note = f" [fuzzy {unit.note}]" if unit.note else ""
            found = ", ".join(dict.fromkeys(where)) if where else "not matched"
            reasons.append(f"{unit.label} (weight {unit.weight:.2f}){note}: {found}")
        reasons.append(f"covers {coverage:.0%} of the query's weight")
        return tuple(reasons)

    def _suggest(self, units: list[_Unit], scores: np.ndarray | None = None) -> tuple[str, ...]:
        """Topics or speakers worth trying: those the query named, else those of its near misses."""
        picks: list[str] = []
        for unit in units:
            for term in unit.members:
                if term[:1] in (PERSON, TOPIC):
                    picks.append(term)
        if scores is not None and len(picks) < 3:
            near = np.argsort(-scores)[:10]
            near = [int(i) for i in near if scores[i] > 0]
            votes = Counter(TOPIC + t for i in near for t in self._claims[i].topic_ids[:1])
            picks.extend(t for t, _ in votes.most_common(3))
        if len(picks) < 3:
            picks.extend(TOPIC + t for t, _ in self._topic_counts.most_common(3))
        shown: list[str] = []
        for concept in dict.fromkeys(picks):
            if concept[:1] == PERSON and concept[1:] in self.corpus.people:
                shown.append("by:" + self.corpus.people[concept[1:]].zh)
            elif concept[:1] == TOPIC and concept[1:] in self.corpus.topics:
                shown.append("topic:" + self.corpus.topics[concept[1:]].zh)
        return tuple(dict.fromkeys(shown))[:3]

    def related(self, claim_id: str, *, limit: int = 3) -> list[Hit]:
        """Claims most like a given one (shared rare words, entities, topics), never the claim itself."""
        pos = self._claim_pos.get(claim_id)
        if pos is None or limit <= 0:
            return []
        bag = self._claim_bag(self._claims[pos])
        bag.pop(PERSON + self._claims[pos].speaker_id, None)  # same speaker alone is not "related"
        weighted = sorted(
            ((self.idf(t) * self._damping(t) * tf, t) for t, tf in bag.items() if t not in STOP_WORDS),
            reverse=True,
        )[:30]
        scores = np.zeros(self._n, dtype=np.float32)
        for w, term in weighted:
            postings = self._postings(term)
            if postings is not None:
                scores[postings[0]] += np.float32(w) * postings[1]
        scores[pos] = 0
        order = [int(i) for i in np.argsort(-scores, kind="stable")[:limit] if scores[i] > 0]
        top = float(scores[order[0]]) if order else 1.0
        return [
            Hit(self._claims[i], round(float(scores[i]) / top, 4), ("shares rare words and topics",)) for i in order
        ]


def _contains(sorted_docs: np.ndarray, pos: int) -> bool:
    """Postings hold claim numbers in ascending order: a binary search, not a scan."""
    at = int(np.searchsorted(sorted_docs, pos))
    return at < len(sorted_docs) and int(sorted_docs[at]) == pos


def _describe(filters: dict[str, str]) -> str:
    return " ".join(f"{k}:{v}" for k, v in filters.items())
