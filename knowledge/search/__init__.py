"""Search over the knowledge base: the API the bot and the CLI use.

``SearchEngine.build(corpus)`` builds the index once; ``engine.search(query)`` answers with only
confident hits (an empty ``hits`` means "no good answer", with ``suggestions`` to offer instead).
"""

from knowledge.search.engine import Hit, SearchEngine, SearchResult

__all__ = ["Hit", "SearchEngine", "SearchResult"]
