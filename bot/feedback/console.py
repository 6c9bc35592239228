"""The console's side of feedback: its hint in the greeting, ``gaps [DAYS]``, and the gaps written at the end.

``helpful N`` and ``unhelpful N`` are buttons like any other (``bot.console_text``); what is here needs
the feedback service itself, so the console works the same without it.
"""

from __future__ import annotations

from bot.blocks import to_dicts
from bot.console_text import mrkdwn_to_text, render_message
from bot.feedback.service import FeedbackService
from bot.feedback.texts import text
from bot.feedback_blocks import gaps_home_blocks

USAGE = "(usage: gaps [DAYS], e.g. gaps 7; default 30)"


class FeedbackConsole:
    """The console's feedback commands; ``feedback`` None: the console has none, and says so."""

    def __init__(self, feedback: FeedbackService | None, language: str):
        self.feedback = feedback
        self.language = language

    def hint(self) -> str:
        """What the greeting adds about feedback's commands ("" without feedback)."""
        return " " + text(self.language, "console_hint") if self.feedback is not None else ""

    def gaps(self, days: str) -> str:
        """The unanswered questions, as the curators' App Home shows them."""
        if self.feedback is None:
            return mrkdwn_to_text(text(self.language, "disabled"))
        if not days.isdigit() or not 1 <= int(days) <= 3660:
            return USAGE
        groups = self.feedback.gaps(days=int(days))
        blocks = to_dicts(gaps_home_blocks(groups, self.language, days=int(days)))
        return render_message("the curators' gaps", {"blocks": blocks}, [])

    def close(self) -> None:
        if self.feedback is not None:
            self.feedback.flush()  # the unanswered questions of this session are written before it ends
