"""The one text pipeline shared by the search index and the queries.

Everything that turns text into search terms lives here, so a claim and a query that say the
same thing in different ways (full-width, traditional, Kangxi radicals, upper case, Slack markup)
end up as the same terms:

1. ``strip_slack_markup``: ``<@U123>``, ``<!channel>`` go; ``<https://x|label>`` keeps its label.
2. ``normalize``: NFKC (full-width forms, Kangxi radicals ⼤→大), lower case, traditional to
   simplified (OpenCC t2s), control characters dropped.
3. ``TextPipeline.tokens``: Chinese runs are cut by one jieba tokenizer (precise mode, HMM for
   unknown words) whose dictionary is built from the corpus's own vocabulary and registries;
   Latin runs are kept whole (``gpt-4`` stays one token, written compactly as ``gpt4``).
4. ``TextPipeline.terms``: the tokens plus jieba's search-mode sub-words (``李开复`` also yields
   ``开复`` when that is a word), stop words dropped, English words stemmed (Snowball).
"""

from __future__ import annotations

import html
import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from io import BytesIO

import opencc
import snowballstemmer

from knowledge import fold
from knowledge.jieba_import import jieba
from knowledge.stop_words import STOP_WORDS

# jieba logs "Building prefix dict..." at DEBUG to stderr; the CLI's stdout/stderr must stay clean.
jieba.setLogLevel(logging.WARNING)

_SLACK_LINK = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
# CJK unified ideographs (basic + extension A) and Latin/digit runs; everything else separates tokens.
_RUN = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff]+)|([a-z0-9]+(?:[-.+_'\u2019][a-z0-9]+)*\+*)")
# An English possessive or contraction's "'s" (Dify's founder, OpenAI’s plan, what's): the word is the name or
# the question word before it, so "dify's" meets "dify" instead of becoming an unknown "difys".
_POSSESSIVE = re.compile(r"['\u2019]s$")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


MAX_MEMO_RUNS = 50_000
"""Bound of the jieba memo (``TextPipeline.segments``): about ten times the bundled corpus's 5,283 runs.

Queries add their runs too, so the bound is what keeps a long-running ``lundao run`` flat: at 500,000
the memo grew by ~0.44 MB per 1,000 distinct queries for hours (bench/query_memory.py, issue 10).
"""
BIGRAM = "\u00b2"
"""Prefix of character-pair terms (``²月活``), so they never collide with a word of the same characters."""
_t2s_lock = threading.Lock()


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def strip_slack_markup(text: str) -> str:
    """Slack's wire format to the words a person meant: mentions and specials go, link labels stay."""

    def replace(match: re.Match[str]) -> str:
        target, label = match.group(1), match.group(2)
        if label is not None and target[:1] not in "@!#":
            return f" {label} "  # a link with a label: the label is what was written
        if target.startswith("#") and label:
            return f" {label} "  # a channel reference: its name
        return " "  # user/channel ids, <!channel>, <!here>, bare links: nothing to search for

    text = _SLACK_LINK.sub(replace, text)
    return html.unescape(text) if "&" in text else text


def normalize(text: str) -> str:
    """NFKC, lower case, traditional to simplified, control characters out; white space kept."""
    if not text:
        return ""
    text = _CONTROL.sub(" ", text)
    text = unicodedata.normalize("NFKC", text).lower()
    if _HAN.search(text):
        with _t2s_lock:  # the OpenCC converter is one C++ object; do not share it across threads at once
            text = _t2s().convert(text)
    return text


def clean_query(text: str) -> str:
    """What the search sees of something a person typed in Slack or a shell."""
    return normalize(strip_slack_markup(text))


def compact_latin(token: str) -> str:
    """``kai-fu`` → ``kaifu``, ``gpt-4`` → ``gpt4``, ``gpt-3.5`` keeps its dot (3.5 is not 35), ``dify's`` →
    ``dify``."""
    return without_possessive(token).replace("-", "").replace("_", "").replace("'", "").replace("\u2019", "")


def without_possessive(word: str) -> str:
    """``dify's`` / ``Dify’s`` → the word before the ``'s``; other words as they are."""
    return _POSSESSIVE.sub("", word)


@lru_cache(maxsize=65_536)
def stem_english(token: str) -> str:
    """English words to their Snowball stem (robots, robotics → robot; labeling, labeled → label).

    Only alphabetic words longer than three letters: names and versions (gpt4, llama2, ai) stay as
    they are. Index and query go through the same function, so the stem only has to be consistent.
    Memoised: the pure-Python stemmer is slow and a corpus repeats its words.
    """
    if len(token) > 3 and token.isalpha() and token.isascii():
        return _english_stemmer().stemWord(token)
    return token


@lru_cache(maxsize=1)
def _english_stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


def is_latin(token: str) -> bool:
    return bool(token) and token[0].isascii()


def squash(text: str) -> str:
    """Normalized text with only letters, digits and CJK left: for character-level comparison."""
    return fold.squash(text, normalize)


class TextPipeline:
    """Normalisation and tokenisation with one jieba tokenizer, initialised once from ``words``.

    ``words`` maps each dictionary word to its frequency (see ``knowledge.search.lexicon``); the
    registries' names are in it with high frequencies so names and terms stay whole.
    """

    def __init__(self, words: Mapping[str, int]):
        self.tokenizer = jieba.Tokenizer()
        data = "".join(f"{w} {max(int(f), 1)}\n" for w, f in words.items() if w and " " not in w)
        # gen_pfdict reads the same "word freq" lines as a dictionary file, without a temp file or
        # jieba's on-disk cache; setting the fields is what Tokenizer.initialize does after it.
        self.tokenizer.FREQ, self.tokenizer.total = self.tokenizer.gen_pfdict(BytesIO(data.encode("utf-8")))
        self.tokenizer.initialized = True
        # Chinese run → its words. jieba is the slow part of indexing; runs repeat (names, set
        # phrases), and the engine saves this memo next to the lexicon so a restart skips jieba.
        self.segments: dict[str, tuple[str, ...]] = {}

    def _segment(self, run: str) -> tuple[str, ...]:
        words = self.segments.get(run)
        if words is None:
            if len(self.segments) >= MAX_MEMO_RUNS:
                self.segments.clear()
            words = tuple(w for w in self.tokenizer.cut(run, HMM=True) if w.strip())
            self.segments[run] = words
        return words

    def tokens(self, text: str, *, normalized: bool = False) -> list[str]:
        """The precise-mode token sequence: CJK words and whole Latin tokens (compacted), in order."""
        if not normalized:
            text = normalize(text)
        out: list[str] = []
        for match in _RUN.finditer(text):
            han, latin = match.group(1), match.group(2)
            if han:
                out.extend(self._segment(han))
            elif latin:
                token = compact_latin(latin)
                if token:
                    out.append(token)
        return out

    def expand(self, tokens: Iterable[str]) -> Iterator[str]:
        """Search-mode terms for a token sequence: jieba's sub-words of long words, stop words out."""
        freq = self.tokenizer.FREQ
        for token in tokens:
            if is_latin(token):
                if token in STOP_WORDS:  # before stemming: does → doe, compared → compar
                    continue
                term = stem_english(token)
                if term not in STOP_WORDS:
                    yield term
                continue
            if len(token) > 2:
                for i in range(len(token) - 1):
                    gram = token[i : i + 2]
                    if freq.get(gram) and gram not in STOP_WORDS:
                        yield gram
            if len(token) > 3:
                for i in range(len(token) - 2):
                    gram = token[i : i + 3]
                    if freq.get(gram) and gram not in STOP_WORDS:
                        yield gram
            if token not in STOP_WORDS:
                yield token

    def bigrams(self, text: str, *, normalized: bool = False) -> Iterator[str]:
        """Every pair of adjacent Chinese characters in ``text``, marked with ``BIGRAM``.

        jieba cuts the same characters differently in different contexts (月活 alone, 的月 + 活首
        inside 的月活首次); character pairs do not depend on the cut, so a query word still finds
        the claims where the segmenter glued it to its neighbours.
        """
        if not normalized:
            text = normalize(text)
        for match in _RUN.finditer(text):
            han = match.group(1)
            if han:
                for i in range(len(han) - 1):
                    yield BIGRAM + han[i : i + 2]

    def terms(self, text: str, *, normalized: bool = False) -> list[str]:
        return list(self.expand(self.tokens(text, normalized=normalized)))
