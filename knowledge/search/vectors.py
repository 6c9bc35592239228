"""Claim vectors: one embedding per claim, cosine top-k, and a checked file cache.

Saved as two files in a directory: ``claim-vectors.npy`` (float32, one row per claim) and
``claim-vectors.json``, the header: format version, embedder name, dimension, a hash of the whole
knowledge base's passages, the claim ids, one content hash per claim and the SHA-256 of the .npy
bytes. Loading checks all of it; anything that does not add up (truncated or edited file, another
embedder or format) is reported and ignored, never used. A knowledge base that changed keeps the rows
of the claims whose passage did not change: only the new or edited claims are embedded again.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from knowledge.cache import file_sha256, write_atomic
from knowledge.claim_passages import CLAIM_FIELDS, HEADER_FILE, MATRIX_FILE, claim_passage, content_hash
from knowledge.models import Claim
from knowledge.search.embedding import Embedder

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
EMBED_BATCH = 64
"""Claims per embedder call: bounds memory for large knowledge bases, and progress is loggable."""


def knowledge_hash(hashes: Sequence[str]) -> str:
    """One hash of the knowledge base as the embedder sees it: claim passages, in order."""
    return hashlib.sha256("\n".join(hashes).encode()).hexdigest()[:20]


@dataclass(frozen=True)
class ClaimVectors:
    embedder_name: str
    ids: tuple[str, ...]
    hashes: tuple[str, ...]
    matrix: np.ndarray
    """(len(ids), dimension) float32, rows L2-normalised."""

    @property
    def kb_hash(self) -> str:
        return knowledge_hash(self.hashes)

    @property
    def dimension(self) -> int:
        return int(self.matrix.shape[1])

    def cosines(self, query_vector: np.ndarray) -> np.ndarray:
        """Cosine of every claim with one L2-normalised query vector, in claim order.

        numpy's own loop, not BLAS: OpenBLAS splits a matrix-vector product over every core, its threads
        spin while they wait, and on a shared machine (or beside the server's other request threads) one
        descheduled thread holds up the rest. bench/cosine_bench.py at 100k claims, 2 cores at load ~3.5:
        BLAS on its default 2 threads wall p50 16.0 / p99 34.5 ms for 8.0 / 14.8 ms of CPU; this, one
        thread, 6.2 / 17.2 ms for 4.5 / 8.5 ms of CPU (BLAS held to one thread costs the same CPU, 4.4 ms).
        The values agree to float32 rounding."""
        return np.einsum("ij,j->i", self.matrix, np.asarray(query_vector, dtype=np.float32).reshape(-1))

    def top_k(self, query_vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """(claim position, cosine) of the ``k`` nearest claims, best first; ties by position."""
        scores = self.cosines(query_vector)
        k = min(max(0, k), len(scores))
        if k == 0:
            return []
        part = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        order = sorted(part.tolist(), key=lambda i: (-float(scores[i]), i))
        return [(i, float(scores[i])) for i in order]


def build_claim_vectors(
    claims: Sequence[Claim],
    embedder: Embedder,
    previous: ClaimVectors | None = None,
    *,
    fields: Sequence[str] = CLAIM_FIELDS,
) -> tuple[ClaimVectors, int]:
    """Vectors for ``claims``, reusing ``previous`` rows whose content hash still matches.

    Returns the vectors and how many claims were embedded (0 when nothing changed)."""
    passages = [claim_passage(c, fields) for c in claims]
    hashes = [content_hash(embedder.name, p) for p in passages]
    matrix = np.zeros((len(claims), embedder.dimension), dtype=np.float32)
    reusable: dict[str, int] = {}
    if previous is not None and previous.embedder_name == embedder.name and previous.dimension == embedder.dimension:
        reusable = {h: i for i, h in enumerate(previous.hashes)}
    missing: list[int] = []
    for row, digest in enumerate(hashes):
        old = reusable.get(digest)
        if old is None:
            missing.append(row)
        else:
            matrix[row] = previous.matrix[old]  # type: ignore[union-attr]
    for start in range(0, len(missing), EMBED_BATCH):
        rows = missing[start : start + EMBED_BATCH]
        matrix[rows] = embedder.embed_passages([passages[r] for r in rows])
    vectors = ClaimVectors(embedder.name, tuple(c.id for c in claims), tuple(hashes), matrix)
    return vectors, len(missing)


def save_claim_vectors(vectors: ClaimVectors, directory: Path) -> None:
    """Write matrix then header, each atomically: a crash leaves the old pair or a mismatch load rejects."""
    directory.mkdir(parents=True, exist_ok=True)
    buffer = _npy_bytes(vectors.matrix)
    header = {
        "format": FORMAT_VERSION,
        "embedder": vectors.embedder_name,
        "dimension": vectors.dimension,
        "kb_hash": vectors.kb_hash,
        "count": len(vectors.ids),
        "matrix_sha256": hashlib.sha256(buffer).hexdigest(),
        "ids": list(vectors.ids),
        "hashes": list(vectors.hashes),
    }
    write_atomic(directory / MATRIX_FILE, buffer)
    write_atomic(directory / HEADER_FILE, json.dumps(header, ensure_ascii=False).encode("utf-8"))


def load_claim_vectors(directory: Path, embedder_name: str) -> ClaimVectors | None:
    """The saved vectors if they are whole and made by ``embedder_name`` in this format, else None.

    The matrix is a read-only memory map of the checked file."""
    header_path, matrix_path = directory / HEADER_FILE, directory / MATRIX_FILE
    if not header_path.exists() and not matrix_path.exists():
        return None
    try:
        header = json.loads(header_path.read_text(encoding="utf-8"))
        problem = _header_problem(header, embedder_name)
        if problem is None and file_sha256(matrix_path) != header["matrix_sha256"]:
            problem = "checksum mismatch (truncated or damaged file)"
        if problem is None:
            # Mapped, not read: no second copy while loading (154 MB at 100k claims), and the pages are
            # the page cache's, shared by every worker that maps the same file. The file is only ever
            # replaced (os.replace), never rewritten in place, so a mapping stays valid.
            matrix = np.load(matrix_path, mmap_mode="r", allow_pickle=False)
            if matrix.dtype != np.float32 or matrix.shape != (header["count"], header["dimension"]):
                problem = f"matrix shape {matrix.shape} {matrix.dtype} does not match its header"
        if problem is None:
            vectors = ClaimVectors(embedder_name, tuple(header["ids"]), tuple(header["hashes"]), matrix)
            if vectors.kb_hash != header["kb_hash"] or len(vectors.ids) != len(vectors.hashes):
                problem = "header ids and hashes do not add up"
            else:
                return vectors
    except (OSError, ValueError, KeyError, TypeError) as error:
        problem = f"{type(error).__name__}: {error}"
    log.warning("saved claim vectors in %s not used, rebuilding: %s", directory, problem)
    return None


def load_or_build(
    claims: Sequence[Claim],
    embedder: Embedder,
    directory: Path | None,
    *,
    fields: Sequence[str] = CLAIM_FIELDS,
) -> tuple[ClaimVectors, int]:
    """Saved vectors when they match the claims; otherwise build (re-embedding only what changed) and save.

    Returns the vectors and how many claims were embedded now."""
    previous = load_claim_vectors(directory, embedder.name) if directory is not None else None
    vectors, embedded = build_claim_vectors(claims, embedder, previous, fields=fields)
    if directory is not None and (previous is None or embedded or previous.hashes != vectors.hashes):
        save_claim_vectors(vectors, directory)
    return vectors, embedded


def _header_problem(header: object, embedder_name: str) -> str | None:
    if not isinstance(header, dict):
        return "header is not an object"
    if header.get("format") != FORMAT_VERSION:
        return f"format {header.get('format')!r}, expected {FORMAT_VERSION}"
    if header.get("embedder") != embedder_name:
        return f"made by embedder {header.get('embedder')!r}, not {embedder_name!r}"
    return None


def _npy_bytes(matrix: np.ndarray) -> bytes:
    out = io.BytesIO()
    np.save(out, np.ascontiguousarray(matrix, dtype=np.float32), allow_pickle=False)
    return out.getvalue()
