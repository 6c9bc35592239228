"""Data files read with their line numbers, and typed accessors that report problems instead of raising.

``read_yaml`` parses a file (a syntax error becomes one ``Problem`` with its line); ``Record`` wraps
one mapping of a registry or claims file; ``records`` gives the list under a key as records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from knowledge.models import Location
from knowledge.problems import Problem

LINE_KEY = "__line__"


# libyaml's parser is several times faster than PyYAML's pure-Python one (start-up reads ~500
# claims); both are safe loaders and both report marks with line numbers.
_BaseSafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseSafeLoader):  # type: ignore[misc,valid-type]
    """A safe loader that remembers the line where each mapping starts."""


def _construct_mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    # Keys are whatever YAML makes of them (a date, a number): the records check they are known strings.
    mapping: dict[Any, Any] = _BaseSafeLoader.construct_mapping(loader, node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping_with_line)


def display_path(path: Path, root: Path) -> str:
    """The path as a person at this shell would type it: relative to the working folder if inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def read_yaml(path: Path, root: Path, problems: list[Problem]) -> Any:
    """Parse one YAML file; a syntax error becomes one problem with its line, not an exception."""
    shown = display_path(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(shown, 0, "", f"cannot read file: {exc}"))
        return None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 0
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        detail = f"{context}, {reason}" if context else str(reason)
        problems.append(Problem(shown, line, "", f"malformed YAML: {detail}"))
        return None


class Record:
    """One mapping from a data file, with typed accessors that report problems instead of raising."""

    def __init__(self, data: dict[str, Any], path: str, subject: str, problems: list[Problem]):
        self.data = data
        self.location = Location(path, int(data.get(LINE_KEY, 0)))
        self.subject = subject
        self.problems = problems

    def problem(self, message: str) -> None:
        self.problems.append(Problem.at(self.location, self.subject, message))

    def check_keys(self, allowed: set[str]) -> None:
        for key in self.data:
            if key != LINE_KEY and key not in allowed:
                self.problem(f"unknown field {key!r} (allowed: {', '.join(sorted(allowed))})")

    def text(self, key: str, *, required: bool = True) -> str | None:
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(f"field {key!r} is missing or empty")
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.problem(f"field {key!r} must be text, not {type(value).__name__}")
            return None
        return value.strip()

    def texts(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem(f"field {key!r} is missing or empty")
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.problem(f"field {key!r} must be a list of text")
            return ()
        out: list[str] = []
        for item in value:
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                item = str(item)
            if not isinstance(item, str) or not item.strip():
                self.problem(f"field {key!r} has an empty or non-text item {item!r}")
                continue
            out.append(item.strip())
        if required and not out:
            self.problem(f"field {key!r} is missing or empty")
        return tuple(out)

    def flag(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            self.problem(f"field {key!r} must be true or false, not {value!r}")
            return default
        return value

    def choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        value = self.data.get(key)
        if value is None:
            return default
        if value not in choices:
            self.problem(f"{key} {value!r} is not one of {', '.join(choices)}")
            return default
        return str(value)

    def integer(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(f"field {key!r} must be a whole number, not {value!r}")
            return None
        return value

    def date(self, key: str) -> dt.date | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.problem(f"field {key!r} must be a date YYYY-MM-DD, not {value!r}")
            return None


def records(
    document: Any, key: str, path: str, problems: list[Problem], subject: Callable[[dict[str, Any]], str]
) -> list[Record]:
    """The list under ``key`` of a registry or claims file, each item as a Record."""
    if document is None:
        return []
    if not isinstance(document, dict) or not isinstance(document.get(key), list):
        line = document.get(LINE_KEY, 0) if isinstance(document, dict) else 0
        problems.append(Problem(path, int(line), "", f"expected a mapping with a list under {key!r}"))
        return []
    records = []
    for index, item in enumerate(document[key]):
        if not isinstance(item, dict):
            problems.append(Problem(path, 0, "", f"{key} item {index + 1} is not a mapping: {item!r}"))
            continue
        records.append(Record(item, path, subject(item) or f"{key}[{index + 1}]", problems))
    return records


def id_of(item: dict[str, Any]) -> str:
    value = item.get("id")
    return str(value) if value is not None else ""
