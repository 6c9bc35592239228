"""Search over the knowledge base: the API the bot and the CLI use (import from here, not the modules).

``SearchEngine.build(corpus)`` builds the index once; ``engine.search(query)`` answers with only
confident hits (an empty ``hits`` means "no good answer", with ``suggestions`` to offer instead).

Inside, the lunr way: ``lexicon`` (the tokenizer's dictionary, cached on disk) and ``concepts``
(registry names) feed ``index`` (``build_index`` → an immutable ``LexicalIndex`` of arrays),
``query`` analyses a query against it (filters, units, corrections), ``searcher`` scores and
explains (``SearchEngine``), ``results`` holds what it answers.
"""

from knowledge.search.index import LexicalIndex, build_index, claim_terms
from knowledge.search.query import MAX_QUERY_CHARS, QueryAnalyzer
from knowledge.search.results import Hit, SearchResult
from knowledge.search.searcher import SearchEngine

__all__ = [
    "MAX_QUERY_CHARS",
    "Hit",
    "LexicalIndex",
    "QueryAnalyzer",
    "SearchEngine",
    "SearchResult",
    "build_index",
    "claim_terms",
]
