"""Slack mrkdwn helpers: escaping, cutting without breaking markup, links. No Slack SDK, no search.

Everything echoed into Slack goes through ``escape`` (a query like ``<!channel>`` is shown, never
executed), and every ``<url|label>`` is built by ``link``, so there is one rule for each.
"""

from __future__ import annotations


def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn gives meaning to (``<!channel>``, links, entities)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str | None, label: str) -> str:
    """``<url|label>``, both escaped; just the escaped label when there is no url.

    Slack ends the url at the first ``|``, so a ``|`` in the url is percent-encoded (``%7C`` is the
    same url) and a ``|`` in the label, which has no escape, is shown as ``¦``.
    """
    shown = escape(label).replace("|", "¦")
    if not url:
        return shown
    return f"<{escape(url).replace('|', '%7C')}|{shown}>"


def truncate(text: str, limit: int, ellipsis: str = "…") -> str:
    """At most ``limit`` characters, never cutting an escape entity (``&amp;``) or a ``<link|label>`` in half."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - len(ellipsis))]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:] and len(cut) - amp <= 5:
        cut = cut[:amp]
    opening = cut.rfind("<")
    if opening != -1 and ">" not in cut[opening:]:
        cut = cut[:opening]
    return cut + ellipsis


def truncate_plain(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
