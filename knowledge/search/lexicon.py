"""The jieba dictionary the search uses: the corpus's own vocabulary, the registries, common words.

jieba's default dictionary (349k words) takes about 1.4 s and 85 MB to load, yet a word that
occurs in no claim cannot match anything. So the search's tokenizer loads only:

- the default dictionary's words that occur somewhere in the indexed text (with their frequencies,
  so segmentation is the same as with the full dictionary wherever it matters);
- the general-language common words (frequency ≥ ``COMMON_FREQ``), so a query's filler words
  (今天, 到底, 天气) are cut as words and can be recognised as common;
- every Chinese name and alias of the registries, with a high frequency so they stay whole.

Building it means reading the default dictionary once (~0.3 s). The result depends only on the
indexed text, so it is cached on disk under a hash of that text (``$LUNDAO_CACHE_DIR``, else
``$XDG_CACHE_HOME/lundao``, else ``~/.cache/lundao``); a stale cache cannot be used because its
name is the hash. Nothing is shipped generated, so a new claim never leaves a file out of date.
Each knowledge-base change leaves a new pair of files, so writing one evicts all but the
``MAX_CACHED_LEXICONS`` most recently used.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from knowledge.cache import cache_dir
from knowledge.jieba_import import jieba

COMMON_FREQ = 500
"""General-language words at least this frequent in jieba's dictionary (~12k words) are kept."""
NAME_FREQ = 20_000
"""Registry names get at least this frequency, enough to beat splitting them."""
MAX_WORD_CHARS = 8
MAX_CACHED_LEXICONS = 4
"""Lexicons (with their segmentations) kept in the cache folder; older ones are removed."""
_FORMAT = "lexicon-v2"
_TOTAL_HEADER = "#total "
"""First line of a cached lexicon: the default dictionary's total frequency (words follow, one a line)."""
_SEGMENTS_SUFFIX = ".segments.json"


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, int]
    """Word → frequency, for the tokenizer and for telling common words from rare ones."""
    total_freq: int
    """Sum of every frequency in jieba's default dictionary, counted as jieba counts it (each line,
    repeated words too): a word's frequency over this is its probability in Chinese at large."""


def default_dictionary_path() -> Path:
    return Path(jieba.__file__).resolve().parent / "dict.txt"


def _read_default_dictionary() -> Lexicon:
    words: dict[str, int] = {}
    total = 0
    with default_dictionary_path().open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split(" ", 2)
            if len(parts) >= 2 and parts[1].strip().isdigit():
                words[parts[0]] = freq = int(parts[1])
                total += freq
    return Lexicon(words, total)


def _substrings(texts: Iterable[str], max_len: int = MAX_WORD_CHARS) -> set[str]:
    """Every run of 1..max_len characters inside the distinct texts (Chinese words are that short)."""
    seen: set[str] = set()
    for text in set(texts):
        n = len(text)
        for i in range(n):
            end = min(n, i + max_len)
            for j in range(i + 1, end + 1):
                seen.add(text[i:j])
    return seen


def build_lexicon(texts: Iterable[str], names: Iterable[str]) -> Lexicon:
    """The tokenizer's words; ``texts`` are normalized indexed texts, ``names`` the registries'."""
    default = _read_default_dictionary()
    present = _substrings(_han_runs(texts))
    words = {w: f for w, f in default.words.items() if f >= COMMON_FREQ or w in present}
    for name in names:
        if name and " " not in name and any("\u3400" <= ch <= "\u9fff" for ch in name):
            words[name] = max(words.get(name, 0), NAME_FREQ)
    return Lexicon(words, default.total_freq)


_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def _han_runs(texts: Iterable[str]) -> Iterator[str]:
    for text in texts:
        yield from _HAN_RUN.findall(text)


@lru_cache(maxsize=1)
def normalizer_identity() -> str:
    """What decides ``knowledge.text.normalize``'s output, hashed: the code of the text and folding
    modules, the Unicode tables NFKC reads and OpenCC's version (``load_lexicon``'s ``prepared_by``)."""
    import unicodedata

    import opencc

    digest = hashlib.sha256(f"{unicodedata.unidata_version}\x00{getattr(opencc, '__version__', '?')}\x00".encode())
    root = Path(__file__).resolve().parent.parent
    for name in ("text.py", "fold.py"):
        digest.update((root / name).read_bytes())
    return digest.hexdigest()[:16]


def load_lexicon(
    texts: list[str],
    names: list[str],
    *,
    use_cache: bool = True,
    prepare: Callable[[str], str] | None = None,
    prepared_by: str = "",
) -> tuple[Lexicon, Path]:
    """``build_lexicon`` with an on-disk cache keyed by the hash of its inputs and jieba's dictionary.

    Returns the lexicon and the cache path (whose name is that hash) so the caller can keep other
    things that depend only on the same inputs beside it (see ``load_segments``).

    ``prepare``: what turns each of ``texts`` into the normalized text ``build_lexicon`` reads, applied
    only when the lexicon is built; the key is then the raw texts and ``prepared_by`` (an identity of
    that function's code). Normalizing 200k texts only to look the lexicon up cost a start at 100k
    claims 1.1 s and ~60 MB of heap it never gave back.
    """
    digest = hashlib.sha256()
    digest.update(_FORMAT.encode())
    digest.update(str(default_dictionary_path().stat().st_size).encode())
    digest.update(f"\x00prepared by {prepared_by}\x00".encode() if prepare is not None else b"")
    for part in (*sorted(set(texts)), "\x00names\x00", *sorted(set(names))):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    path = cache_dir() / f"{digest.hexdigest()[:32]}.lexicon"
    if use_cache:
        cached = _read_cached(path)
        if cached is not None:
            return cached, path
    lexicon = build_lexicon(texts if prepare is None else (prepare(t) for t in texts), names)
    if use_cache:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Write then rename, so a reader never sees half a file.
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
            ) as handle:
                handle.write(f"{_TOTAL_HEADER}{lexicon.total_freq}\n")
                handle.writelines(f"{w} {f}\n" for w, f in lexicon.words.items())
            os.replace(handle.name, path)
            evict_old_lexicons(path.parent)
        except OSError:
            pass  # a read-only home is no reason to fail the search; it is only slower to start
    return lexicon, path


def _read_cached(path: Path) -> Lexicon | None:
    """The lexicon saved at ``path``, or None when there is none yet or it is damaged."""
    try:
        words: dict[str, int] = {}
        with path.open(encoding="utf-8") as handle:
            header = handle.readline()
            if not header.startswith(_TOTAL_HEADER):
                return None
            total = int(header[len(_TOTAL_HEADER) :])
            for line in handle:
                word, _, freq = line.rstrip("\n").rpartition(" ")
                words[word] = int(freq)
        if not words or total <= 0:
            return None
        os.utime(path)  # used now: eviction keeps the most recently used
        return Lexicon(words, total)
    except (OSError, ValueError):
        return None


def evict_old_lexicons(folder: Path, keep: int = MAX_CACHED_LEXICONS) -> None:
    """Remove all but the ``keep`` most recently used lexicons in ``folder``, with their segmentations."""
    try:
        by_use = sorted(folder.glob("*.lexicon"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in by_use[keep:]:
        for path in (old, old.with_suffix(_SEGMENTS_SUFFIX)):
            with contextlib.suppress(OSError):  # another process holds it: the next write tries again
                path.unlink(missing_ok=True)


def load_segments(lexicon_path: Path) -> dict[str, tuple[str, ...]]:
    """The jieba segmentations saved by ``save_segments`` for this lexicon, or nothing."""
    try:
        data = json.loads(lexicon_path.with_suffix(_SEGMENTS_SUFFIX).read_text(encoding="utf-8"))
        return {run: tuple(words) for run, words in data.items()}
    except (OSError, ValueError, AttributeError, TypeError):
        return {}


def save_segments(lexicon_path: Path, segments: dict[str, tuple[str, ...]]) -> None:
    """Keep the segmentations beside their lexicon: the same lexicon and run always cut the same way."""
    path = lexicon_path.with_suffix(_SEGMENTS_SUFFIX)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as out:
            json.dump(segments, out, ensure_ascii=False)
        os.replace(out.name, path)
    except OSError:
        pass
