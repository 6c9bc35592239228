"""Scoring and explaining: the search engine the bot and the CLI call.

How a query is answered, once ``QueryAnalyzer`` has made it filters and weighted units:

1. Claims are scored BM25-style over the index's postings (see ``knowledge.search.index``); a
   claim is shown only when it covers enough of the query's weight (``MIN_COVERAGE``) with enough
   evidence (``MIN_EVIDENCE``) and matches something specific. Otherwise the result is empty and
   carries suggestions.
2. The best few are reranked with rapidfuzz on characters (word order, phrases).
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from rapidfuzz import fuzz

from knowledge.models import Corpus
from knowledge.search.concepts import ENTITY, PERSON, TOPIC, ConceptMatcher, registry_names
from knowledge.search.index import K1, LexicalIndex, build_index, claim_bag
from knowledge.search.lexicon import load_lexicon, load_segments, save_segments
from knowledge.search.query import MAX_QUERY_CHARS, QueryAnalyzer, Unit
from knowledge.search.results import Hit, SearchResult
from knowledge.text import STOP_WORDS, TextPipeline, clean_query, normalize, squash

MIN_COVERAGE = 0.5
"""Share of the query's weight a claim must match to be shown at all."""
FULL_COVERAGE = 0.9
MIN_EVIDENCE = 0.2
"""...and the matched weight must reach this share of the rarest word's weight."""
RERANK_DEPTH = 50


class SearchEngine:
    """Build once with ``SearchEngine.build(corpus)``; ``search`` and ``related`` are read-only."""

    def __init__(self, corpus: Corpus, analyzer: QueryAnalyzer):
        self.corpus = corpus
        self.analyzer = analyzer
        self.pipeline: TextPipeline = analyzer.pipeline
        self.matcher: ConceptMatcher = analyzer.matcher
        self.index: LexicalIndex = analyzer.index
        self._claims = corpus.claims
        self._n = len(self._claims)
        self._squashed = [squash(c.text + c.quote) for c in self._claims]
        self._claim_pos = {c.id: i for i, c in enumerate(self._claims)}
        self._topic_counts = Counter(t for c in self._claims for t in c.topic_ids)

    @classmethod
    def build(cls, corpus: Corpus, *, use_cache: bool = True) -> SearchEngine:
        """Tokenizer, registry matcher and index for ``corpus`` (the tokenizer's dictionary cached on disk)."""
        names = registry_names(corpus)
        texts = [normalize(t) for c in corpus.claims for t in (c.text, c.quote)]
        flat_names = [normalize(n) for spellings in names.values() for n in spellings]
        lexicon, lexicon_path = load_lexicon(texts, flat_names, use_cache=use_cache)
        pipeline = TextPipeline(lexicon.words)
        if use_cache:
            pipeline.segments.update(load_segments(lexicon_path))
        known_runs = len(pipeline.segments)
        matcher = ConceptMatcher(pipeline, names)
        name_terms = {t for n in flat_names for t in pipeline.tokens(n, normalized=True)}
        index = build_index(corpus.claims, pipeline, matcher)
        engine = cls(corpus, QueryAnalyzer(corpus, pipeline, matcher, index, lexicon, name_terms))
        if use_cache and len(pipeline.segments) > known_runs:
            save_segments(lexicon_path, pipeline.segments)
        return engine

    def _filter_mask(self, filters: dict[str, list[str]]) -> np.ndarray | None:
        if not filters:
            return None
        mask = np.ones(self._n, dtype=bool)
        for key, values in filters.items():
            part = np.zeros(self._n, dtype=bool)
            for value in values:
                found = self.index.filter_postings.get((key, value))
                if found is not None:
                    part[found] = True
            mask &= part
        return mask

    def search(self, query: str, *, limit: int = 5, offset: int = 0, explain: bool = False) -> SearchResult:
        """Confident hits for ``query``; ``explain`` fills each hit's ``why`` (slower: re-reads the claims)."""
        limit, offset = max(0, int(limit)), max(0, int(offset))
        text = clean_query(query or "")[:MAX_QUERY_CHARS]
        parsed = self.analyzer.parse_filters(text)
        rest, filters = parsed.text, parsed.filters
        shown_filters = {k: ",".join(v) for k, v in filters.items()}
        if parsed.problems:
            return SearchResult(query, (), 0, self._suggest([]), shown_filters, parsed.problems)
        mask = self._filter_mask(filters)
        units = self.analyzer.units(rest) if rest.strip() else []
        if not units:
            if mask is None:
                return SearchResult(query, (), 0, self._suggest([]), shown_filters)
            # Filters alone: list what they select, in the knowledge base's order.
            selected = np.flatnonzero(mask)
            hits = tuple(
                Hit(self._claims[i], 1.0, ("matches the filters " + _describe(shown_filters),))
                for i in selected[offset : offset + limit]
            )
            return SearchResult(query, hits, len(selected), () if len(selected) else self._suggest([]), shown_filters)

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
                postings = self.index.postings(term)
                if postings is None:
                    continue
                docs, vals = postings
                w = self.analyzer.weight(term) * factor
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
        evidence = np.float32(MIN_EVIDENCE * self.index.idf_max)
        eligible = (coverage >= MIN_COVERAGE) & (covered >= evidence) & anchored
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

    def _why(self, units: list[Unit], pos: int, coverage: float) -> tuple[str, ...]:
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
                    if self.index.contains(term, pos):
                        where.append("mentions " + self.matcher.display.get(term, term[1:]))
                else:
                    where.extend(name for name, terms in fields.items() if term in terms)
            note = f" [fuzzy {unit.note}]" if unit.note else ""
            found = ", ".join(dict.fromkeys(where)) if where else "not matched"
            reasons.append(f"{unit.label} (weight {unit.weight:.2f}){note}: {found}")
        reasons.append(f"covers {coverage:.0%} of the query's weight")
        return tuple(reasons)

    def _suggest(self, units: list[Unit], scores: np.ndarray | None = None) -> tuple[str, ...]:
        """Topics or speakers worth trying: those the query named, else those of its near misses."""
        picks: list[str] = []
        for unit in units:
            for term in unit.members:
                if term[:1] in (PERSON, TOPIC):
                    picks.append(term)
        if scores is not None and len(picks) < 3:
            near = [int(i) for i in np.argsort(-scores)[:10] if scores[i] > 0]
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
        bag = claim_bag(self._claims[pos], self.pipeline, self.matcher)
        bag.pop(PERSON + self._claims[pos].speaker_id, None)  # same speaker alone is not "related"
        weighted = sorted(
            ((self.analyzer.weight(t) * tf, t) for t, tf in bag.items() if t not in STOP_WORDS),
            reverse=True,
        )[:30]
        scores = np.zeros(self._n, dtype=np.float32)
        for w, term in weighted:
            postings = self.index.postings(term)
            if postings is not None:
                scores[postings[0]] += np.float32(w) * postings[1]
        scores[pos] = 0
        order = [int(i) for i in np.argsort(-scores, kind="stable")[:limit] if scores[i] > 0]
        top = float(scores[order[0]]) if order else 1.0
        return [
            Hit(self._claims[i], round(float(scores[i]) / top, 4), ("shares rare words and topics",)) for i in order
        ]


def _describe(filters: dict[str, str]) -> str:
    return " ".join(f"{k}:{v}" for k, v in filters.items())
