"""A parsed copy of the knowledge base, so that a start does not parse every claim's YAML again.

Parsing YAML is most of what loading a large knowledge base costs (6 s at 100k claims, with the cyclic
collector paused; the same corpus from this JSON copy: under 1 s). After ``load_corpus`` has read the
files and found no problem, the corpus is saved here (``<cache dir>/corpus/``, one file per knowledge
base folder), and the next ``load_corpus`` of the very same files reads it back instead.

The copy is keyed by the SHA-256 of every file the loader reads (claims, sources and their texts,
registries), the loader's code, the folder and the working folder (problem locations are shown
relative to it): any edit, added or removed file is a new key, and the files are read again. Only a
knowledge base that loaded without a single problem is saved, so a copy under the current key also says
that the knowledge base is servable: ``lundao run``'s master checks that (``saved_claim_count``) without
holding the corpus itself. The body is checked against its SHA-256 before use; a damaged or unreadable
copy is logged and ignored, never used. JSON, not pickle: a cache folder must not be able to run code.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from dataclasses import fields
from pathlib import Path
from typing import Any

from knowledge.cache import cache_dir, file_sha256, write_atomic
from knowledge.models import Claim, Corpus, Entity, Location, Person, Source, SourceMessage, Topic

log = logging.getLogger(__name__)

FORMAT = 1
_CODE = ("loader.py", "records.py", "models.py", "problems.py", "snapshot.py")
"""Modules whose code decides what a knowledge base loads as: part of the key."""
_PACKAGE = Path(__file__).resolve().parent


def knowledge_files(root: Path) -> list[Path]:
    """Every file ``read_corpus`` reads from ``root``, in a fixed order."""
    found = [root / name for name in ("people.yaml", "topics.yaml", "glossary.yaml")]
    for folder, pattern in (("sources", "*.yaml"), ("sources", "*.txt"), ("claims", "*.yaml")):
        found.extend(sorted((root / folder).glob(pattern)))
    return [path for path in found if path.is_file()]


def snapshot_key(root: Path) -> str:
    """A hash of everything the loaded corpus depends on (see the module's docstring)."""
    digest = hashlib.sha256(f"corpus-snapshot-v{FORMAT}\n{root.resolve()}\n{Path.cwd().resolve()}\n".encode())
    for name in _CODE:
        digest.update((_PACKAGE / name).read_bytes())
    for path in knowledge_files(root):
        digest.update(f"{path.relative_to(root)}\x00{file_sha256(path)}\n".encode())
    return digest.hexdigest()[:32]


def snapshot_path(root: Path) -> Path:
    folder_hash = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    return cache_dir() / "corpus" / f"{folder_hash}.json"


def save_snapshot(corpus: Corpus, root: Path, key: str) -> None:
    """Save ``corpus`` (loaded from ``root`` without problems, its files hashing to ``key``); a cache
    folder that cannot be written only costs the next start the YAML read."""
    body = json.dumps(
        {
            "sources": [_row(s) for s in corpus.sources.values()],
            "claims": [_row(c) for c in corpus.claims],
            "drafts": [_row(c) for c in corpus.drafts],
            "people": [_row(p) for p in corpus.people.values()],
            "topics": [_row(t) for t in corpus.topics.values()],
            "entities": [_row(e) for e in corpus.entities.values()],
            "root": corpus.root,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    header = {
        "format": FORMAT,
        "key": key,
        "claims": len(corpus.claims),
        "sha256": hashlib.sha256(body).hexdigest(),
        "bytes": len(body),
    }
    path = snapshot_path(root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(header).encode() + b"\n" + body)
    except OSError as error:  # a read-only cache (a container): said, not a problem
        log.info("parsed knowledge base not saved in %s: %s", path.parent, error)


def saved_claim_count(root: Path, key: str) -> int | None:
    """How many claims the saved copy for ``key`` holds (it loaded without problems), or None when there
    is none for ``key``. Reads the header line only: the body is checked when it is loaded."""
    header = _read_header(snapshot_path(root), key)
    return None if header is None else int(header["claims"])


def load_snapshot(root: Path, key: str) -> Corpus | None:
    """The corpus saved for ``key``, or None: none saved, another key, or damaged (logged)."""
    path = snapshot_path(root)
    if _read_header(path, key) is None:
        return None
    try:
        data = path.read_bytes()
        head, _, body = data.partition(b"\n")
        header = json.loads(head)
        if len(body) != header["bytes"] or hashlib.sha256(body).hexdigest() != header["sha256"]:
            raise ValueError("checksum mismatch (truncated or damaged file)")
        del data
        saved = json.loads(body)
        del body
        corpus = Corpus(
            sources={s.id: s for s in (_make(Source, r) for r in saved["sources"])},
            claims=tuple(_make(Claim, r) for r in saved["claims"]),
            people={p.id: p for p in (_make(Person, r) for r in saved["people"])},
            topics={t.id: t for t in (_make(Topic, r) for r in saved["topics"])},
            entities={e.id: e for e in (_make(Entity, r) for r in saved["entities"])},
            root=saved["root"],
            drafts=tuple(_make(Claim, r) for r in saved["drafts"]),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError) as error:
        log.warning(
            "parsed knowledge base in %s not used, reading the files: %s: %s", path, type(error).__name__, error
        )
        return None
    if len(corpus.claims) != header["claims"]:
        log.warning("parsed knowledge base in %s not used, reading the files: claim count mismatch", path)
        return None
    return corpus


def _read_header(path: Path, key: str) -> dict[str, Any] | None:
    try:
        with path.open("rb") as handle:
            header = json.loads(handle.readline())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        log.warning("parsed knowledge base in %s not used: %s: %s", path, type(error).__name__, error)
        return None
    if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("key") != key:
        return None  # another version of the files or of the code: read again and replaced, nothing wrong
    return header


_NESTED = {"tuple[SourceMessage, ...]": SourceMessage}
"""Fields that hold records of their own (a chat source's messages): saved as rows, restored as records."""


def _row(record: Source | SourceMessage | Claim | Person | Topic | Entity) -> list[Any]:
    """The record's fields in declaration order, as JSON values."""
    row: list[Any] = []
    for spec in fields(record):
        value = getattr(record, spec.name)
        if str(spec.type) in _NESTED:
            value = [_row(item) for item in value]
        elif isinstance(value, Location):
            value = [value.path, value.line]
        elif isinstance(value, dt.date):
            value = value.isoformat()
        row.append(value)
    return row


def _make(cls: Any, row: list[Any]) -> Any:
    """The record ``_row`` wrote: tuples, dates and locations restored from their declared types."""
    declared = fields(cls)
    if len(row) != len(declared):
        raise ValueError(f"a saved {cls.__name__} has {len(row)} fields, not {len(declared)}")
    values: list[Any] = []
    for spec, value in zip(declared, row, strict=True):
        kind = str(spec.type)
        if kind in _NESTED:
            value = tuple(_make(_NESTED[kind], item) for item in value)
        elif value is not None and kind.startswith("Location"):
            value = Location(value[0], value[1])
        elif value is not None and kind.startswith("dt.date"):
            value = dt.date.fromisoformat(value)
        elif kind.startswith("tuple"):
            value = tuple(value)
        values.append(value)
    return cls(*values)
