"""The ``lundao`` console script: commands registered by name, each module imported only when its command runs.

``lundao --help`` lists the commands from the table below without importing any of them, and
``lundao corpus check`` imports the knowledge base's modules only: never Slack's web client, the
database or the search stack (numpy, jieba, OpenCC), which cost more than the check itself.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NamedTuple

MAX_PROBLEMS_SHOWN = 20
"""A command that cannot load the knowledge base shows this many of its problems; `corpus check` shows all."""


class Command(NamedTuple):
    module: str
    """Module whose ``register(subparsers)`` adds this command (and may add its siblings)."""
    help: str


COMMANDS: dict[str, Command] = {
    "corpus": Command("knowledge.cli", "check, count, export or rebuild the knowledge base"),
    "digest": Command("bot.digest.cli", "preview, post or list the insight of the day"),
    "db": Command("bot.db_migrate", "the database schema: upgrade it, or show its revision"),
    "search": Command(
        "knowledge.search_cli", "search the claims (with no QUERY: one query per line from standard input)"
    ),
    "index": Command("knowledge.search_cli", "build or check the saved search index (claim vectors)"),
    "report": Command("bot.report_cli", "reports for curators: the questions nobody could answer"),
    "phrasings": Command("bot.report_cli", "list or remove the phrasings learned from users"),
    "run": Command(
        "bot.app_cli", "serve Slack: Socket Mode if SLACK_APP_TOKEN is set, else HTTP on $PORT at /slack/events"
    ),
    "console": Command("bot.app_cli", "a prompt that runs the Slack app against a fake Slack"),
    "ask": Command("bot.app_cli", "ask one question as `/insight QUERY` would, and print the answer"),
}


EXTENSIONS: dict[str, str] = {"corpus": "bot.team.pull_cli"}
"""Bot-side actions of a knowledge command (``corpus pull`` reads the bot's database): module whose
``register_actions`` adds them to the command's actions."""


def day_count(value: str) -> int:
    """An argparse type for a number of days (or rows) a command is given: a whole number from 1 to 3660."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if not 1 <= number <= 3660:
        raise argparse.ArgumentTypeError(f"must be between 1 and 3660, not {number}")
    return number


def _version() -> str:
    """The installed distribution's version (what `pip install` recorded), not a second copy in the code."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lundao")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown (not installed)"


class _VersionAction(argparse.Action):
    """``--version``, reading the installed version only when asked: importlib.metadata's import and lookup
    take ~60 ms, which argparse's own version action would spend on every command's start."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(
            option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0, help="show the version and exit"
        )

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"lundao {_version()}")
        parser.exit()


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; only ``command``'s module is imported, every other command is listed by name and help."""
    parser = argparse.ArgumentParser(
        prog="lundao",
        description="论道 lundao: the team's curated knowledge of the large-model industry, in Slack and here.",
    )
    parser.add_argument("--version", action=_VersionAction)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = COMMANDS[command].module if command in COMMANDS else None
    for name, entry in COMMANDS.items():
        if entry.module != chosen:
            subparsers.add_parser(name, help=entry.help, add_help=False)
    if chosen is not None:
        actions = importlib.import_module(chosen).register(subparsers)
        if command in EXTENSIONS:
            importlib.import_module(EXTENSIONS[command]).register_actions(actions)
    return parser


def _command_name(argv: Sequence[str]) -> str | None:
    """The first argument that is not an option: the command (there are no options before it but -h)."""
    return next((arg for arg in argv if not arg.startswith("-")), None)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = _command_name(argv)
    parser = build_parser(command)
    if command is not None and command not in COMMANDS:
        parser.print_help(sys.stderr)
        print(f"\nlundao: unknown command {command!r}", file=sys.stderr)
        return 2
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    from knowledge.loader import KnowledgeBaseUnavailable  # light: YAML and the models

    try:
        return int(handler(args) or 0)
    except KnowledgeBaseUnavailable as exc:
        for problem in exc.problems[:MAX_PROBLEMS_SHOWN]:
            print(problem, file=sys.stderr)
        print(f"lundao {command}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `lundao corpus export --json | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
