"""Growing the knowledge base: add an article (``corpus add``) and draft claims from it (``corpus suggest``).

``extract`` reads a saved page, ``clean`` drops what is not the article with rules that hold for any
page, ``add`` writes the source files, ``suggest`` ranks the sentences that carry a claim.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.ingest.add import AddReport, add_source
    from knowledge.ingest.clean import CleanResult, Dropped, clean_page
    from knowledge.ingest.extract import IngestError, read_article
    from knowledge.ingest.suggest import Suggestion, suggest_claims, write_drafts

# Each public name and its module, imported on first use: ``lundao corpus check`` imports
# ``knowledge.ingest.cli`` to list ``add`` and ``suggest`` and must not pay for pypinyin or trafilatura.
_HOME = {
    "AddReport": "add",
    "add_source": "add",
    "CleanResult": "clean",
    "Dropped": "clean",
    "clean_page": "clean",
    "IngestError": "extract",
    "read_article": "extract",
    "Suggestion": "suggest",
    "suggest_claims": "suggest",
    "write_drafts": "suggest",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)


__all__ = [
    "AddReport",
    "CleanResult",
    "Dropped",
    "IngestError",
    "Suggestion",
    "add_source",
    "clean_page",
    "read_article",
    "suggest_claims",
    "write_drafts",
]
