"""Reading the knowledge base from its data files.

``load_corpus()`` is the one entry point the bot and every command use. Files are read with
line numbers kept, so every problem names the file and line it comes from; nothing here lets a
YAML or type error escape as a traceback.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path

from knowledge.models import (
    APPROVED,
    CLAIM_KINDS,
    SPEAKER_KINDS,
    STATUSES,
    Claim,
    Corpus,
    Entity,
    Person,
    Source,
    SourceMessage,
    Topic,
)
from knowledge.problems import CorpusError, Problem, reference_problems, unreadable_registries
from knowledge.records import Record, display_path, id_of, read_yaml, records
from knowledge.snapshot import load_snapshot, save_snapshot, saved_claim_count, snapshot_key

__all__ = [
    "BUNDLED_DATA_DIR",
    "CorpusError",
    "KnowledgeBaseUnavailable",
    "load_corpus",
    "load_corpus_or_fail",
    "read_corpus",
    "read_yaml",
    "servable_claim_count",
]

BUNDLED_DATA_DIR = Path(__file__).resolve().parent / "data"
"""The knowledge base shipped with the package; ``config.settings.resolve_knowledge_dir`` says which one a command uses."""


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
    "derived_from",
    "messages",
}
_MESSAGE_FIELDS = {
    "claim",
    "channel",
    "ts",
    "permalink",
    "author",
    "author_name",
    "saved_by",
    "saved_at",
    "approved_by",
    "text",
}
_PERSON_FIELDS = {"id", "kind", "zh", "en", "pinyin", "role", "role_en", "org", "aliases", "status"}
_TOPIC_FIELDS = {"id", "zh", "en", "aliases"}
_ENTITY_FIELDS = {"id", "name", "aliases", "zh", "note"}
_CLAIM_FIELDS = {
    "id",
    "text",
    "en",
    "quote",
    "speaker",
    "topics",
    "kind",
    "digest",
    "takeaway",
    "status",
    "distinct_from",
}


def _load_sources(root: Path, problems: list[Problem]) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for meta_path in sorted((root / "sources").glob("*.yaml")):
        shown = display_path(meta_path, root)
        document = read_yaml(meta_path, root, problems)
        if document is None:
            continue
        if not isinstance(document, dict):
            problems.append(Problem(shown, 0, "", "expected a mapping of source metadata"))
            continue
        record = Record(document, shown, id_of(document) or meta_path.stem, problems)
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
            derived_from=record.text("derived_from", required=False),
            messages=_messages(document, shown, problems) if "messages" in document else (),
            location=record.location,
        )
    for text_path in sorted((root / "sources").glob("*.txt")):
        if not text_path.with_suffix(".yaml").exists():
            problems.append(Problem(display_path(text_path, root), 0, "", "cleaned text without a metadata .yaml"))
    for source in sources.values():
        if source.derived_from is not None and source.derived_from not in sources:
            problems.append(
                Problem.at(source.location, source.id, f"derived_from {source.derived_from!r} is no source")
            )
        elif source.derived_from == source.id:
            problems.append(Problem.at(source.location, source.id, "a source cannot be derived from itself"))
    return sources


def _messages(document: dict[str, object], shown: str, problems: list[Problem]) -> tuple[SourceMessage, ...]:
    """A chat source's messages (``sources/slack.yaml``, written by ``lundao corpus pull``)."""
    found: list[SourceMessage] = []
    for record in records(document, "messages", shown, problems, lambda item: str(item.get("claim") or "")):
        record.check_keys(_MESSAGE_FIELDS)
        claim, channel, ts, text = (record.text(k) for k in ("claim", "channel", "ts", "text"))
        if claim is None or channel is None or ts is None or text is None:
            continue
        permalink = record.text("permalink", required=False)
        found.append(SourceMessage(claim, channel, ts, text, permalink, location=record.location))
    return tuple(found)


def _load_people(root: Path, problems: list[Problem]) -> dict[str, Person]:
    path = root / "people.yaml"
    shown = display_path(path, root)
    people: dict[str, Person] = {}
    for record in records(read_yaml(path, root, problems), "people", shown, problems, id_of):
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
            status=record.choice("status", STATUSES, APPROVED),
            location=record.location,
        )
    return people


def _load_topics(root: Path, problems: list[Problem]) -> dict[str, Topic]:
    path = root / "topics.yaml"
    shown = display_path(path, root)
    topics: dict[str, Topic] = {}
    for record in records(read_yaml(path, root, problems), "topics", shown, problems, id_of):
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
    shown = display_path(path, root)
    entities: dict[str, Entity] = {}
    if not path.exists():
        return entities
    for record in records(read_yaml(path, root, problems), "entities", shown, problems, id_of):
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
    """Every claim, approved or draft: a draft may still lack ``en`` and ``topics``."""
    claims: list[Claim] = []
    for path in sorted((root / "claims").glob("*.yaml")):
        shown = display_path(path, root)
        document = read_yaml(path, root, problems)
        if document is None:
            continue
        source_id = document.get("source") if isinstance(document, dict) else None
        if not isinstance(source_id, str) or not source_id:
            problems.append(Problem(shown, 1, "", "missing 'source:' naming the source these claims come from"))
            continue
        if source_id != path.stem:
            problems.append(Problem(shown, 1, "", f"source {source_id!r} does not match the file name {path.stem!r}"))
        for record in records(document, "claims", shown, problems, id_of):
            record.check_keys(_CLAIM_FIELDS)
            status = record.choice("status", STATUSES, APPROVED)
            draft = status != APPROVED
            claim_id = record.text("id")
            text, quote = record.text("text"), record.text("quote")
            en = record.text("en", required=not draft) or ("" if draft else None)
            speaker = record.text("speaker")
            topics = record.texts("topics", required=not draft)
            kind = record.text("kind", required=False) or "judgement"
            if kind not in CLAIM_KINDS:
                record.problem(f"kind {kind!r} is not one of {', '.join(CLAIM_KINDS)}")
            digest = record.flag("digest", True)
            takeaway = record.integer("takeaway")
            distinct_from = record.texts("distinct_from")
            if None in (claim_id, text, en, quote, speaker) or not (topics or draft):
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
                    status=status,
                    distinct_from=distinct_from,
                    location=record.location,
                )
            )
    return claims


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Reading YAML makes millions of small objects and no garbage cycles: without this, the cyclic
    collector walks the growing heap again and again (20% of the load at 10k claims, more as it grows)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_corpus(root: Path | str | None = None) -> tuple[Corpus, list[Problem]]:
    """Read everything that can be read, and every problem met on the way (for ``corpus check``)."""
    with _cyclic_gc_paused():
        return _read_corpus(root)


def _read_corpus(root: Path | str | None) -> tuple[Corpus, list[Problem]]:
    root = Path(root) if root is not None else BUNDLED_DATA_DIR
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Problem(str(root), 0, "", "knowledge base folder not found"))
        return Corpus({}, (), {}, {}, {}, root=str(root)), problems
    claims = _load_claims(root, problems)
    corpus = Corpus(
        sources=_load_sources(root, problems),
        claims=tuple(c for c in claims if not c.is_draft),
        people=_load_people(root, problems),
        topics=_load_topics(root, problems),
        entities=_load_entities(root, problems),
        root=str(root),
        drafts=tuple(c for c in claims if c.is_draft),
    )
    return corpus, problems


def load_corpus(root: Path | str | None = None, *, snapshot: bool = True) -> Corpus:
    """Load the knowledge base, or raise CorpusError naming the first bad file and line.

    With ``snapshot``, the parsed copy saved by an earlier load of the very same files is read instead of
    the YAML when there is one (``knowledge.snapshot``), and a knowledge base read without problems is saved."""
    folder = Path(root) if root is not None else BUNDLED_DATA_DIR
    key = snapshot_key(folder) if snapshot and folder.is_dir() else None
    if key is not None:
        with _cyclic_gc_paused():  # as for the YAML: a million small objects and no cycles
            saved = load_snapshot(folder, key)
        if saved is not None:
            return saved
    corpus, problems = read_corpus(folder)
    problems = problems + reference_problems(corpus, skip=unreadable_registries(problems))
    if problems:
        raise CorpusError(problems)
    if key is not None:
        save_snapshot(corpus, folder, key)
    return corpus


def servable_claim_count(root: Path | str | None, error: Callable[[str], Exception]) -> int:
    """How many claims the knowledge base at ``root`` serves, or ``error`` (one line, as ``load_corpus_or_fail``).

    For a process that must refuse a broken knowledge base but not keep it (``lundao run``'s master): a
    parsed copy saved for the current files answers at the cost of hashing them; otherwise the files are
    read in a forked child, which saves that copy, so this process never holds the parsed claims."""
    folder = Path(root) if root is not None else BUNDLED_DATA_DIR
    if folder.is_dir():
        count = saved_claim_count(folder, snapshot_key(folder))
        if count is not None:
            return count
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_count_in_child, args=(folder, send), name="lundao-knowledge-check")
    child.start()
    send.close()
    try:
        ok, answer = receive.recv()
    except EOFError:
        ok, answer = False, "the knowledge base check stopped without an answer"
    child.join()
    if not ok:
        raise error(str(answer))
    return int(answer)


def _count_in_child(folder: Path, send: Connection) -> None:
    try:
        send.send((True, len(load_corpus_or_fail(folder, KnowledgeBaseUnavailable).claims)))
    except KnowledgeBaseUnavailable as exc:
        send.send((False, str(exc)))
    except Exception as exc:  # one line to the parent, which refuses with it
        send.send((False, f"the knowledge base cannot be loaded: {type(exc).__name__}: {exc}"))
    finally:
        send.close()


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
