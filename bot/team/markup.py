"""A Slack message's text as a person reads it in Slack: the quote a saved claim keeps.

Slack sends ``<@U123>``, ``<#C123|general>``, ``<https://x.com|the page>``, ``<!here>`` and HTML
entities; a reader sees ``@Wang``, ``#general``, ``the page (https://x.com)``, ``@here`` and ``<&>``.
The quote is checked verbatim against this text, in the database and after ``lundao corpus pull``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_USER = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")
_CHANNEL = re.compile(r"<#([CGD][A-Z0-9]+)(?:\|([^>]*))?>")
_LINK = re.compile(r"<((?:https?|mailto):[^|>]+)\|([^>]*)>")
_BARE_LINK = re.compile(r"<((?:https?|mailto):[^>]+)>")
_SPECIAL = re.compile(r"<!(here|channel|everyone)(?:\|[^>]*)?>")
_SUBTEAM = re.compile(r"<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>")
_DATE = re.compile(r"<!date\^[^|>]*\|([^>]*)>")


def _link(match: re.Match[str]) -> str:
    url, label = match.group(1), match.group(2)
    # Slack links what was typed as a bare address (b.cn, a@b.cn): the reader saw only that.
    bare = re.sub(r"^(?:mailto:|https?://)", "", url).rstrip("/")
    return label if label in (url, bare) else f"{label} ({url})"


def mentioned_users(text: str) -> list[str]:
    """The user ids mentioned in ``text``, once each, in order (to look their names up)."""
    return list(dict.fromkeys(m.group(1) for m in _USER.finditer(text)))


def readable(text: str, names: Mapping[str, str] | None = None) -> str:
    """``text`` as Slack shows it; ``names``: user id → display name (unknown ids stay ``@U…``)."""
    names = names or {}
    text = _USER.sub(lambda m: "@" + (names.get(m.group(1)) or m.group(2) or m.group(1)), text)
    text = _CHANNEL.sub(lambda m: "#" + (m.group(2) or m.group(1)), text)
    text = _LINK.sub(_link, text)
    text = _BARE_LINK.sub(lambda m: m.group(1).removeprefix("mailto:"), text)
    text = _SPECIAL.sub(lambda m: "@" + m.group(1), text)
    text = _SUBTEAM.sub(lambda m: m.group(1) or "@group", text)
    text = _DATE.sub(lambda m: m.group(1), text)
    # Entities last: "&lt;@U1&gt;" was typed as text, not a mention.
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()
