"""The ``lundao`` console script: one parser, each command group registered by the module that owns it."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Modules that add commands; each has register(subparsers). Imported lazily per run so that
# `lundao corpus check` never pays for (or depends on) the Slack side.
COMMAND_MODULES: tuple[str, ...] = ("knowledge.cli", "bot.digest.cli", "knowledge.search_cli", "bot.app_cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lundao",
        description="论道 lundao: the team's curated knowledge of the large-model industry, in Slack and here.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `lundao corpus export --json | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
