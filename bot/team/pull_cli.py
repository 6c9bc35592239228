"""``lundao corpus pull``, mounted beside the knowledge base's own ``corpus`` actions by ``bot.cli``.

Only argparse here: ``lundao corpus check`` registers it too and must stay light; the database and
the writer (``bot.team.pull``) are imported when ``pull`` runs.
"""

from __future__ import annotations

import argparse


def register_actions(actions: argparse._SubParsersAction) -> None:
    pull = actions.add_parser(
        "pull", help="write the claims approved in Slack (the database) into claims/slack.yaml, for review"
    )
    pull.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bot.team.pull import run_pull
    from knowledge.cli import data_dir

    return run_pull(args, data_dir(args))
