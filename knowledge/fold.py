"""Character-level folding of text for comparison, with no heavy dependency.

The checks, the models and the search's text pipeline compare strings "white space aside" or
"punctuation aside"; these are the one implementation of each, and importing them costs nothing
(no jieba, no OpenCC), so ``lundao corpus check`` stays light.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable


def squash_space(text: str) -> str:
    """The text with all white space removed: quotes are compared to sources this way."""
    return "".join(text.split())


def squash(text: str, normalize: Callable[[str], str] = str) -> str:
    """``normalize(text)`` with only letters and digits (CJK included) left."""
    return "".join(ch for ch in normalize(text) if ch.isalnum())


def fold(text: str) -> str:
    """NFKC and lower case, with punctuation, symbols and separators dropped: near-duplicate keys."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PSZ")
