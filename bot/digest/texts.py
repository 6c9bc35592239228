"""The digest's user-facing strings: the ``digest.`` keys of the app's one table (``bot.i18n``)."""

from __future__ import annotations

from bot.i18n import Strings

__all__ = ["text"]


def text(language: str, key: str, **values: object) -> str:
    return Strings(language)(f"digest.{key}", **values)
