"""Reading the knowledge base from its data files.

``load_corpus()`` is the one entry point the bot and every command use. Files are read with
line numbers kept, so every problem names the file and line it comes from; nothing here lets a
YAML or type error escape as a traceback.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from knowledge.models import (
    CLAIM_KINDS,
    SPEAKER_KINDS,
    Claim,
    Corpus,
    Entity,
    Location,
    Person,
    Source,
    Topic,
)
from knowledge.problems import CorpusError, Problem, reference_problems

_LINE_KEY = "__line__"


BUNDLED_DATA_DIR = Path(__file__).resolve().parent / "data"
"""The knowledge base shipped with the package; ``config.settings.resolve_knowledge_dir`` says which one a command uses."""


# libyaml's parser is several times faster than PyYAML's pure-Python one (start-up reads ~500
# claims); both are safe loaders and both report marks with line numbers.
_BaseSafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseSafeLoader):  # type: ignore[misc,valid-type]
    """A safe loader that remembers the line where each mapping starts."""


def _construct_mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    # Keys are whatever YAML makes of them (a date, a number): the records check they are known strings.
    mapping: dict[Any, Any] = _BaseSafeLoader.construct_mapping(loader, node, deep=True)
    mapping[_LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping_with_line)


def _display(path: Path, root: Path) -> str:
    """The path as a person at this shell would type it: relative to the working folder if inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def read_yaml(path: Path, root: Path, problems: list[Problem]) -> Any:
    """Parse one YAML file; a syntax error becomes one problem with its line, not an exception."""
    shown = _display(path, root)
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


class _Record:
    """One mapping from a data file, with typed accessors that report problems instead of raising."""

    def __init__(self, data: dict[str, Any], path: str, subject: str, problems: list[Problem]):
        self.data = data
        self.location = Location(path, int(data.get(_LINE_KEY, 0)))
        self.subject = subject
        self.problems = problems

    def problem(self, message: str) -> None:
        self.problems.append(Problem.at(self.location, self.subject, message))

    def check_keys(self, allowed: set[str]) -> None:
        for key in self.data:
            if key != _LINE_KEY and key not in allowed:
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


def _records(
    document: Any, key: str, path: str, problems: list[Problem], subject: Callable[[dict[str, Any]], str]
) -> list[_Record]:
    """The list under ``key`` of a registry or claims file, each item as a _Record."""
    if document is None:
        return []
    if not isinstance(document, dict) or not isinstance(document.get(key), list):
        line = document.get(_LINE_KEY, 0) if isinstance(document, dict) else 0
        problems.append(Problem(path, int(line), "", f"expected a mapping with a list under {key!r}"))
        return []
    records = []
    for index, item in enumerate(document[key]):
        if not isinstance(item, dict):
            problems.append(Problem(path, 0, "", f"{key} item {index + 1} is not a mapping: {item!r}"))
            continue
        records.append(_Record(item, path, subject(item) or f"{key}[{index + 1}]", problems))
    return records


def _id_of(item: dict[str, Any]) -> str:
    value = item.get("id")
    return str(value) if value is not None else ""


_SOURCE_FIELDS = {
    "id",
    "seed",
    "title",
    "title_is_editorial",
    "publisher",
    "author",
    "date",
    "url",
    "via",
    "summary",
    "summary_en",
    "cleaning",
}
_PERSON_FIELDS = {"id", "kind", "zh", "en", "pinyin", "role", "role_en", "org", "aliases"}
_TOPIC_FIELDS = {"id", "zh", "en", "aliases"}
_ENTITY_FIELDS = {"id", "name", "aliases", "zh", "note"}
_CLAIM_FIELDS = {"id", "text", "en", "quote", "speaker", "topics", "kind", "digest", "takeaway"}


def _load_sources(root: Path, problems: list[Problem]) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for meta_path in sorted((root / "sources").glob("*.yaml")):
        shown = _display(meta_path, root)
        document = read_yaml(meta_path, root, problems)
        if document is None:
            continue
        if not isinstance(document, dict):
            problems.append(Problem(shown, 0, "", "expected a mapping of source metadata"))
            continue
        record = _Record(document, shown, _id_of(document) or meta_path.stem, problems)
        record.check_keys(_SOURCE_FIELDS)
        source_id = record.text("id")
        title = record.text("title")
        if source_id and source_id != meta_path.stem:
            record.problem(f"id {source_id!r} does not match the file name {meta_path.stem!r}")
        text_path = meta_path.with_suffix(".txt")
        try:
            text = text_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            record.problem(f"cannot read the cleaned text {text_path.name}: {exc}")
            continue
        if not text.strip():
            record.problem(f"the cleaned text {text_path.name} is empty")
        if source_id is None or title is None:
            continue
        if source_id in sources:
            record.problem(f"duplicate source id {source_id!r}")
            continue
        sources[source_id] = Source(
            id=source_id,
            title=title,
            text=text,
            publisher=record.text("publisher", required=False),
            author=record.text("author", required=False),
            date=record.date("date"),
            url=record.text("url", required=False),
            summary=record.text("summary", required=False),
            summary_en=record.text("summary_en", required=False),
            title_is_editorial=record.flag("title_is_editorial", False),
            via=record.text("via", required=False),
            seed=record.text("seed", required=False),
            location=record.location,
        )
    for text_path in sorted((root / "sources").glob("*.txt")):
        if not text_path.with_suffix(".yaml").exists():
            problems.append(Problem(_display(text_path, root), 0, "", "cleaned text without a metadata .yaml"))
    return sources


def _load_people(root: Path, problems: list[Problem]) -> dict[str, Person]:
    path = root / "people.yaml"
    shown = _display(path, root)
    people: dict[str, Person] = {}
    for record in _records(read_yaml(path, root, problems), "people", shown, problems, _id_of):
        record.check_keys(_PERSON_FIELDS)
        person_id, zh, en = record.text("id"), record.text("zh"), record.text("en")
        kind = record.text("kind") or "person"
        if kind not in SPEAKER_KINDS:
            record.problem(f"kind {kind!r} is not one of {', '.join(SPEAKER_KINDS)}")
        if person_id is None or zh is None or en is None:
            continue
        if person_id in people:
            record.problem(f"duplicate person id {person_id!r}")
            continue
        people[person_id] = Person(
            id=person_id,
            kind=kind,
            zh=zh,
            en=en,
            pinyin=record.text("pinyin", required=False),
            role=record.text("role", required=False),
            role_en=record.text("role_en", required=False),
            org=record.text("org", required=False),
            aliases=record.texts("aliases"),
            location=record.location,
        )
    return people


def _load_topics(root: Path, problems: list[Problem]) -> dict[str, Topic]:
    path = root / "topics.yaml"
    shown = _display(path, root)
    topics: dict[str, Topic] = {}
    for record in _records(read_yaml(path, root, problems), "topics", shown, problems, _id_of):
        record.check_keys(_TOPIC_FIELDS)
        topic_id, zh, en = record.text("id"), record.text("zh"), record.text("en")
        if topic_id is None or zh is None or en is None:
            continue
        if topic_id in topics:
            record.problem(f"duplicate topic id {topic_id!r}")
            continue
        topics[topic_id] = Topic(topic_id, zh, en, record.texts("aliases"), location=record.location)
    return topics


def _load_entities(root: Path, problems: list[Problem]) -> dict[str, Entity]:
    path = root / "glossary.yaml"
    shown = _display(path, root)
    entities: dict[str, Entity] = {}
    if not path.exists():
        return entities
    for record in _records(read_yaml(path, root, problems), "entities", shown, problems, _id_of):
        record.check_keys(_ENTITY_FIELDS)
        entity_id, name = record.text("id"), record.text("name")
        if entity_id is None or name is None:
            continue
        if entity_id in entities:
            record.problem(f"duplicate glossary id {entity_id!r}")
            continue
        entities[entity_id] = Entity(
            id=entity_id,
            name=name,
            aliases=record.texts("aliases"),
            zh=record.text("zh", required=False),
            note=record.text("note", required=False),
            location=record.location,
        )
    return entities


def _load_claims(root: Path, problems: list[Problem]) -> list[Claim]:
    claims: list[Claim] = []
    for path in sorted((root / "claims").glob("*.yaml")):
        shown = _display(path, root)
        document = read_yaml(path, root, problems)
        if document is None:
            continue
        source_id = document.get("source") if isinstance(document, dict) else None
        if not isinstance(source_id, str) or not source_id:
            problems.append(Problem(shown, 1, "", "missing 'source:' naming the source these claims come from"))
            continue
        if source_id != path.stem:
            problems.append(Problem(shown, 1, "", f"source {source_id!r} does not match the file name {path.stem!r}"))
        for record in _records(document, "claims", shown, problems, _id_of):
            record.check_keys(_CLAIM_FIELDS)
            claim_id = record.text("id")
            text, en, quote = record.text("text"), record.text("en"), record.text("quote")
            speaker = record.text("speaker")
            topics = record.texts("topics", required=True)
            kind = record.text("kind", required=False) or "judgement"
            if kind not in CLAIM_KINDS:
                record.problem(f"kind {kind!r} is not one of {', '.join(CLAIM_KINDS)}")
            digest = record.flag("digest", True)
            takeaway = record.integer("takeaway")
            if None in (claim_id, text, en, quote, speaker) or not topics:
                continue
            claims.append(
                Claim(
                    id=claim_id,  # type: ignore[arg-type]
                    source_id=source_id,
                    text=text,  # type: ignore[arg-type]
                    en=en,  # type: ignore[arg-type]
                    quote=quote,  # type: ignore[arg-type]
                    speaker_id=speaker,  # type: ignore[arg-type]
                    topic_ids=topics,
                    kind=kind,
                    digest=digest,
                    takeaway=takeaway,
                    location=record.location,
                )
            )
    return claims


def read_corpus(root: Path | str | None = None) -> tuple[Corpus, list[Problem]]:
    """Read everything that can be read, and every problem met on the way (for ``corpus check``)."""
    root = Path(root) if root is not None else BUNDLED_DATA_DIR
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Problem(str(root), 0, "", "knowledge base folder not found"))
        return Corpus({}, (), {}, {}, {}, root=str(root)), problems
    corpus = Corpus(
        sources=_load_sources(root, problems),
        claims=tuple(_load_claims(root, problems)),
        people=_load_people(root, problems),
        topics=_load_topics(root, problems),
        entities=_load_entities(root, problems),
        root=str(root),
    )
    return corpus, problems


def load_corpus(root: Path | str | None = None) -> Corpus:
    """Load the knowledge base, or raise CorpusError naming the first bad file and line."""
    corpus, problems = read_corpus(root)
    problems = problems + reference_problems(corpus)
    if problems:
        raise CorpusError(problems)
    return corpus


class KnowledgeBaseUnavailable(Exception):
    """A command cannot run because its knowledge base does not load: a one-line message and the problems.

    ``lundao`` prints the first problems, one per line, then the message, and exits with status 1.
    """

    def __init__(self, message: str, problems: Sequence[Problem] = ()):
        super().__init__(message)
        self.problems = tuple(problems)


def load_corpus_or_fail(root: Path | str | None, error: Callable[[str], Exception] | None = None) -> Corpus:
    """What every command does with a knowledge base it cannot load: stop, saying why.

    Raises ``error`` (a command's own one-line error type) with a message naming the first problem,
    how many more there are, and what to run to see them all; by default ``KnowledgeBaseUnavailable``,
    which also carries every problem.
    """
    try:
        return load_corpus(root)
    except CorpusError as exc:
        message = f"the knowledge base cannot be loaded: {exc} (run `lundao corpus check` for every problem)"
        raise (error(message) if error else KnowledgeBaseUnavailable(message, exc.problems)) from None
