"""The search index on disk: the lexical index and the claim vectors, saved once, checked when loaded.

Lexical index: ``lexical-index.npz`` (the ``LexicalIndex`` arrays, its vocabulary and claim ids), the
postings in ``lexical-post-docs.npy`` / ``lexical-post-vals.npy`` (memory-mapped when loaded) and
``lexical-index.json`` (format version, the key it was built for, the SHA-256 of each file). The
key hashes everything the index depends on: every claim's indexed fields, the registries' names, the
lexicon it was cut with, and the source of the modules that turn text into terms (so a change to the
tokenizer or the stop words is a new key, never a stale index). A header or checksum that does not add
up is logged and the index rebuilt; a damaged file is never used.

Beside it, ``claim-bags.npz``/``.json``: every claim's bag of terms, keyed like the index but without
the claims (code, lexicon, registries) and holding a hash per claim, so that when claims change only
those are read through the tokenizer again and the postings are rebuilt from the bags with numpy.

Claim vectors: see ``knowledge.search.vectors`` (same checks); the off-topic bank's vectors
(``offtopic-bank.npy``/``.json``, see ``knowledge.search.gate``) are saved beside them. The bundled knowledge base's vectors ship
with the package in ``knowledge/data/index`` (``lundao index build`` writes them); any other knowledge
base gets them in the index folder (``search.index_dir``, default ``<cache dir>/index``), reusing the
rows of unchanged claims from either place.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.cache import cache_dir, file_sha256
from knowledge.models import Corpus
from knowledge.search.concepts import registry_names
from knowledge.search.embedding import Embedder
from knowledge.search.gate import BANK_HEADER_FILE, NegativeBank
from knowledge.search.index import ClaimBags, LexicalIndex
from knowledge.search.vectors import (
    CLAIM_FIELDS,
    ClaimVectors,
    build_claim_vectors,
    claim_passage,
    content_hash,
    load_claim_vectors,
    save_claim_vectors,
    write_atomic,
)

log = logging.getLogger(__name__)

LEXICAL_FORMAT = 2
"""2: the postings in their own .npy files, memory-mapped when loaded."""
LEXICAL_FILE, LEXICAL_HEADER = "lexical-index.npz", "lexical-index.json"
POST_DOCS_FILE, POST_VALS_FILE = "lexical-post-docs.npy", "lexical-post-vals.npy"
BAGS_FILE, BAGS_HEADER = "claim-bags.npz", "claim-bags.json"
SHIPPED_INDEX_DIR = Path(__file__).resolve().parent.parent / "data" / "index"
"""Where the bundled knowledge base's claim vectors ship (package data)."""
MAX_EMBED_AT_START = 64
"""More claims than this without a vector: search starts lexical-only and says to run ``lundao index build``
(embedding takes 0.1-0.3 s a claim on 2 cores; a start must not wait minutes for it)."""
_SOURCES = ("text.py", "stop_words.py", "search/index.py", "search/concepts.py", "search/lexicon.py", "fold.py")
"""Modules whose code decides a claim's terms: their source is part of the lexical index's key."""


def default_index_dir() -> Path:
    return cache_dir() / "index"


def bags_key(corpus: Corpus) -> str:
    """What a claim's bag of terms depends on besides the claim: the code and the registries' names.

    Not the lexicon: it is made from all the claims' text, so it changes with any claim, while the words
    it adds or drops are substrings of the added or dropped text only. What can still move an unchanged
    claim's segmentation is the dictionary's total frequency (jieba weighs routes by it), on near-ties;
    its saved bag keeps the segmentation of when it was read until the code or the registries change."""
    digest = hashlib.sha256(f"claim-bags-v{LEXICAL_FORMAT}\n".encode())
    root = Path(__file__).resolve().parent.parent
    for name in _SOURCES:
        digest.update((root / name).read_bytes())
    for concept, spellings in sorted(registry_names(corpus).items()):
        digest.update("\x1f".join([concept, *sorted(spellings)]).encode() + b"\x1e")
    return digest.hexdigest()[:32]


def claim_bag_hashes(corpus: Corpus) -> list[str]:
    """Per claim, a hash of the fields its bag of terms is read from."""
    return [
        hashlib.sha256("\x1f".join((c.text, c.quote, c.en, c.speaker_id, *c.topic_ids)).encode()).hexdigest()[:20]
        for c in corpus.claims
    ]


def lexical_key(corpus: Corpus, lexicon_path: Path | None, hashes: Sequence[str] | None = None) -> str:
    """What the lexical index of ``corpus`` depends on, hashed: the bags' key, every claim, its id and source."""
    digest = hashlib.sha256(bags_key(corpus).encode())
    digest.update((lexicon_path.name if lexicon_path else "no-lexicon-cache").encode())
    for claim, bag_hash in zip(corpus.claims, hashes or claim_bag_hashes(corpus), strict=True):
        digest.update(f"{claim.id}\x1f{claim.source_id}\x1f{bag_hash}\x1e".encode())
    return digest.hexdigest()[:32]


def save_claim_bags(bags: ClaimBags, hashes: Sequence[str], key: str, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    out = io.BytesIO()
    np.savez(
        out,
        vocab=np.array(bags.vocab, dtype=str),
        start=bags.start,
        terms=bags.terms,
        weights=bags.weights,
        hashes=np.array(list(hashes), dtype=str),
    )
    data = out.getvalue()
    header = {"format": LEXICAL_FORMAT, "key": key, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    write_atomic(directory / BAGS_FILE, data)
    write_atomic(directory / BAGS_HEADER, json.dumps(header).encode())


def load_claim_bags(key: str, directory: Path) -> tuple[ClaimBags, list[str]] | None:
    """The saved per-claim bags (and the claim hashes they were read for) if made for ``key`` and whole."""
    arrays = _read_checked(directory / BAGS_HEADER, directory / BAGS_FILE, key)
    if arrays is None:
        return None
    bags = ClaimBags(arrays["vocab"].tolist(), arrays["start"], arrays["terms"], arrays["weights"])
    if len(bags.start) != len(arrays["hashes"]) + 1 or int(bags.start[-1]) != len(bags.terms):
        log.warning("saved claim bags in %s not used: their arrays do not add up", directory)
        return None
    return bags, arrays["hashes"].tolist()


def _read_checked(header_path: Path, data_path: Path, key: str) -> dict[str, np.ndarray] | None:
    """The arrays of a saved .npz whose header names ``key`` and whose bytes match its checksum."""
    if not header_path.exists():
        return None
    try:
        header = json.loads(header_path.read_text(encoding="utf-8"))
        if header.get("format") != LEXICAL_FORMAT or header.get("key") != key:
            return None  # another knowledge base or code: rebuilt and replaced, nothing wrong
        data = data_path.read_bytes()
        if len(data) != header["bytes"] or hashlib.sha256(data).hexdigest() != header["sha256"]:
            raise ValueError("checksum mismatch (truncated or damaged file)")
        with np.load(io.BytesIO(data), allow_pickle=False) as saved:
            return {name: saved[name] for name in saved.files}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        log.warning("saved %s not used, rebuilding: %s: %s", data_path, type(error).__name__, error)
        return None


def save_lexical_index(index: LexicalIndex, key: str, directory: Path) -> None:
    """The postings (nearly all of the index's bytes) go to their own .npy files, which loading maps
    instead of reading; the rest to the .npz. The header, written last, holds every file's checksum."""
    directory.mkdir(parents=True, exist_ok=True)
    filter_keys = list(index.filter_postings)
    arrays = {
        "doc_freq": index.doc_freq,
        "post_start": index.post_start,
        "vocab": np.array(list(index.vocab), dtype=str),
        "claim_ids": np.array(index.claim_ids, dtype=str),
        "filter_keys": np.array([f"{k}\x00{v}" for k, v in filter_keys], dtype=str),
        "filter_start": np.cumsum([0] + [len(index.filter_postings[k]) for k in filter_keys]).astype(np.int64),
        "filter_docs": (
            np.concatenate([index.filter_postings[k] for k in filter_keys]) if filter_keys else np.zeros(0, np.int32)
        ),
    }
    out = io.BytesIO()
    np.savez(out, **arrays)  # type: ignore[arg-type]
    data = out.getvalue()
    mapped: dict[str, dict[str, object]] = {}
    for name, file_name, values in (
        ("post_docs", POST_DOCS_FILE, index.post_docs),
        ("post_vals", POST_VALS_FILE, index.post_vals),
    ):
        buffer = io.BytesIO()
        np.save(buffer, np.ascontiguousarray(values), allow_pickle=False)
        write_atomic(directory / file_name, buffer.getvalue())
        mapped[name] = {"file": file_name, "sha256": hashlib.sha256(buffer.getvalue()).hexdigest()}
    header = {
        "format": LEXICAL_FORMAT,
        "key": key,
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
        "mapped": mapped,
    }
    write_atomic(directory / LEXICAL_FILE, data)
    write_atomic(directory / LEXICAL_HEADER, json.dumps(header).encode())


def load_lexical_index(key: str, directory: Path) -> LexicalIndex | None:
    """The saved index if it was built for ``key`` and is whole; None (logged when damaged) otherwise.

    The postings are read-only memory maps of their checked files: a query touches the pages of its own
    terms only (at 100k claims the postings are 160 MB, a query reads a few hundred KB of them)."""
    arrays = _read_checked(directory / LEXICAL_HEADER, directory / LEXICAL_FILE, key)
    if arrays is None:
        return None
    try:
        postings = _mapped_arrays(directory, json.loads((directory / LEXICAL_HEADER).read_text(encoding="utf-8")))
        vocab_terms = arrays["vocab"].tolist()
        filter_keys = [tuple(k.split("\x00", 1)) for k in arrays["filter_keys"].tolist()]
        start, docs = arrays["filter_start"], arrays["filter_docs"]
        if not len(postings["post_docs"]) == len(postings["post_vals"]) == int(arrays["post_start"][-1]):
            raise ValueError("the postings do not add up")
        return LexicalIndex(
            claim_ids=tuple(arrays["claim_ids"].tolist()),
            vocab={term: i for i, term in enumerate(vocab_terms)},
            doc_freq=arrays["doc_freq"],
            post_start=arrays["post_start"],
            post_docs=postings["post_docs"],
            post_vals=postings["post_vals"],
            filter_postings={(k[0], k[1]): docs[start[i] : start[i + 1]] for i, k in enumerate(filter_keys)},
        )
    except (OSError, KeyError, ValueError, IndexError, TypeError) as error:
        log.warning("saved lexical index in %s not used, rebuilding: %s: %s", directory, type(error).__name__, error)
        return None


def _mapped_arrays(directory: Path, header: dict[str, Any]) -> dict[str, np.ndarray]:
    """The header's memory-mapped arrays, each after its file's checksum (read in blocks, not kept)."""
    found: dict[str, np.ndarray] = {}
    for name in ("post_docs", "post_vals"):
        entry = header["mapped"][name]
        path = directory / Path(entry["file"]).name
        if file_sha256(path) != entry["sha256"]:
            raise ValueError(f"{path.name}: checksum mismatch (truncated or damaged file)")
        found[name] = np.load(path, mmap_mode="r", allow_pickle=False)
    return found


def claim_hashes(corpus: Corpus, embedder: Embedder, fields: Sequence[str] = CLAIM_FIELDS) -> tuple[str, ...]:
    return tuple(content_hash(embedder.name, claim_passage(c, fields)) for c in corpus.claims)


def shipped_vectors_problem(corpus: Corpus, embedder_name: str, directory: Path = SHIPPED_INDEX_DIR) -> str | None:
    """Why the shipped claim vectors do not fit ``corpus`` (None when they do), without embedding anything."""
    vectors = load_claim_vectors(directory, embedder_name)
    if vectors is None:
        return f"no usable claim vectors in {directory}"
    ids = tuple(c.id for c in corpus.claims)
    hashes = tuple(content_hash(embedder_name, claim_passage(c)) for c in corpus.claims)
    if vectors.ids != ids:
        return f"claims differ: {len(set(ids) ^ set(vectors.ids))} id(s) added or removed, or the order changed"
    changed = [i for i, (a, b) in enumerate(zip(vectors.hashes, hashes, strict=True)) if a != b]
    if changed:
        return f"{len(changed)} claim(s) changed since the vectors were built (first: {ids[changed[0]]})"
    return None


def load_or_build_vectors(
    corpus: Corpus,
    embedder: Embedder,
    index_dir: Path,
    *,
    shipped_dir: Path = SHIPPED_INDEX_DIR,
    max_embed: int | None = MAX_EMBED_AT_START,
) -> tuple[ClaimVectors | None, str]:
    """The claims' vectors (rows in ``corpus.claims`` order) and a note for the log.

    Saved vectors that match are loaded; otherwise the unchanged claims' rows are reused and only the
    others embedded, unless there are more than ``max_embed`` of them (None: no limit): then None."""
    ids = tuple(c.id for c in corpus.claims)
    hashes = claim_hashes(corpus, embedder)
    candidates: list[ClaimVectors] = []
    for directory in dict.fromkeys((shipped_dir, index_dir)):
        saved = load_claim_vectors(directory, embedder.name)
        if saved is not None and saved.ids == ids and saved.hashes == hashes:
            return saved, f"claim vectors loaded from {directory}"
        if saved is not None:
            candidates.append(saved)
    known = set().union(*(v.hashes for v in candidates)) if candidates else set()
    missing = sum(1 for h in hashes if h not in known)
    if max_embed is not None and missing > max_embed:
        return None, (
            f"{missing} claim(s) have no saved vector (more than {max_embed} to embed at start): "
            "run `lundao index build` once"
        )
    previous = _merged(candidates, embedder)
    vectors, embedded = build_claim_vectors(corpus.claims, embedder, previous)
    save_claim_vectors(vectors, index_dir)
    return vectors, f"claim vectors: {embedded} claim(s) embedded, saved in {index_dir}"


def _merged(candidates: list[ClaimVectors], embedder: Embedder) -> ClaimVectors | None:
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    rows: dict[str, np.ndarray] = {}
    for vectors in candidates:
        for digest, row in zip(vectors.hashes, vectors.matrix, strict=True):
            rows.setdefault(digest, row)
    order = list(rows)
    matrix = np.stack([rows[h] for h in order]) if order else np.zeros((0, embedder.dimension), np.float32)
    return ClaimVectors(embedder.name, tuple(order), tuple(order), matrix)


def shipped_bank_problem(embedder_name: str, directory: Path = SHIPPED_INDEX_DIR) -> str | None:
    """Why the shipped off-topic bank does not fit the bank's lines and ``embedder_name`` (None when it does)."""
    if NegativeBank.load(directory, embedder_name) is None:
        return f"no usable off-topic bank in {directory} (missing, damaged, or the bank's lines changed)"
    return None


def load_or_build_bank(
    embedder: Embedder, index_dir: Path | None, *, shipped_dir: Path = SHIPPED_INDEX_DIR
) -> tuple[NegativeBank | None, str]:
    """The off-topic bank for ``embedder`` and a note for the log, at start-up: the shipped one, else the
    one saved in ``index_dir``, else embedded once and saved there. None (the gate's z-score fallback)
    when it cannot be embedded."""
    for directory in dict.fromkeys((shipped_dir, index_dir)):
        if directory is not None and _saved_bank_embedder(directory) == embedder.name:  # another's: not a warning
            saved = NegativeBank.load(directory, embedder.name)
            if saved is not None:
                return saved, f"off-topic bank loaded from {directory}"
    try:
        bank = NegativeBank.load_or_build(embedder, index_dir)
    except Exception as error:  # the gate has a fallback; search must not go down for the bank
        return None, f"no off-topic bank ({type(error).__name__}: {error}): z-score gate"
    return bank, f"off-topic bank embedded ({len(bank.lines)} lines)" + (f", saved in {index_dir}" if index_dir else "")


def _saved_bank_embedder(directory: Path) -> str | None:
    try:
        header = json.loads((directory / BANK_HEADER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return header.get("embedder") if isinstance(header, dict) else None
