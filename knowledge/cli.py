"""Knowledge-base commands of the ``lundao`` CLI: ``corpus check|stats|export|archive|add|suggest``.

They never import Slack (``corpus pull``, which reads the bot's database, is mounted by ``bot.cli``); ``bot.cli`` mounts them next to the bot's own commands. ``add`` and
``suggest`` live in ``knowledge.ingest.cli``, which imports its libraries only when they run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from knowledge.check import check_corpus, draft_notes
from knowledge.cleaning import CleaningRules, clean_text
from knowledge.ingest.cli import register as register_ingest
from knowledge.loader import KnowledgeBaseUnavailable, load_corpus_or_fail, read_yaml
from knowledge.models import Corpus
from knowledge.paraphrase import not_compared_note
from knowledge.problems import Problem


def register(subparsers: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """Add ``corpus`` and its actions; returns the actions, so ``bot.cli`` can mount ``pull`` (the database's)."""
    corpus = subparsers.add_parser("corpus", help="check, count, export or rebuild the knowledge base")
    corpus.add_argument("--data", type=Path, default=None, help="knowledge base folder (default: from the settings)")
    actions = corpus.add_subparsers(dest="corpus_command", metavar="ACTION")
    actions.required = True

    check = actions.add_parser("check", help="validate every file; one line per problem, exit 1 if any")
    check.set_defaults(handler=run_check)

    stats = actions.add_parser("stats", help="claims per source, topic and speaker")
    stats.add_argument("--json", action="store_true", help="print the counts as JSON")
    stats.set_defaults(handler=run_stats)

    export = actions.add_parser("export", help="the whole knowledge base as one JSON object")
    export.add_argument("--json", action="store_true", required=True, help="JSON output (the only format)")
    export.set_defaults(handler=run_export)

    archive = actions.add_parser("archive", help="rebuild the cleaned source texts from the seed articles")
    archive.add_argument("--seeds", type=Path, required=True, help="folder holding the seed articles")
    archive.add_argument("--check", action="store_true", help="only report texts that differ; write nothing")
    archive.set_defaults(handler=run_archive)

    register_ingest(actions, data_dir)
    return actions


def data_dir(args: argparse.Namespace) -> Path:
    """``--data`` if given, else the knowledge base the settings name (the one ``lundao run`` serves)."""
    if getattr(args, "data", None):
        return Path(args.data)
    from config.settings import SettingsError, resolve_knowledge_dir

    try:
        return resolve_knowledge_dir()
    except SettingsError as exc:
        raise KnowledgeBaseUnavailable(str(exc)) from None


def run_check(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    corpus, problems = check_corpus(data_dir(args))
    notes = draft_notes(corpus)
    stale = not_compared_note(corpus)
    notes += [stale] if stale else []
    for problem in problems:
        print(problem, file=out)
    for note in notes:
        print(note, file=out)
    drafts = len(corpus.drafts)
    to_review = f", {drafts} draft(s) to review" if drafts else ""
    if problems:
        print(f"corpus check: {len(problems)} problem(s){to_review}", file=out)
        return 1
    print(
        f"corpus check: ok ({len(corpus.claims)} claims, {len(corpus.sources)} sources, "
        f"{len(corpus.people)} speakers, {len(corpus.topics)} topics, {len(corpus.entities)} glossary entries)"
        f"{to_review}",
        file=out,
    )
    return 0


def corpus_stats(corpus: Corpus) -> dict[str, dict[str, int]]:
    return {
        "sources": dict(Counter(c.source_id for c in corpus.claims).most_common()),
        "topics": dict(Counter(t for c in corpus.claims for t in c.topic_ids).most_common()),
        "speakers": dict(Counter(c.speaker_id for c in corpus.claims).most_common()),
        "kinds": dict(Counter(c.kind for c in corpus.claims).most_common()),
        "drafts": dict(Counter(c.source_id for c in corpus.drafts).most_common()),
    }


def run_stats(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    corpus = load_corpus_or_fail(data_dir(args))
    stats = corpus_stats(corpus)
    if args.json:
        json.dump(
            {"claims": len(corpus.claims), "draft_claims": len(corpus.drafts), **stats},
            out,
            ensure_ascii=False,
            indent=2,
        )
        print(file=out)
        return 0
    digest = len(corpus.digest_claims())
    drafts = f"; {len(corpus.drafts)} draft(s) not served" if corpus.drafts else ""
    print(f"{len(corpus.claims)} claims ({digest} eligible for the daily insight){drafts}", file=out)
    names = {
        "sources": lambda k: corpus.sources[k].title,
        "drafts": lambda k: corpus.sources[k].title,
        "topics": lambda k: f"{corpus.topics[k].zh} / {corpus.topics[k].en}",
        "speakers": lambda k: f"{corpus.people[k].zh} / {corpus.people[k].en}",
        "kinds": lambda k: k,
    }
    for section, counts in stats.items():
        if not counts:
            continue
        print(f"\n{section}:", file=out)
        for key, count in counts.items():
            label = names[section](key)
            shown = key if label == key else f"{key}  {label}"
            print(f"  {count:4d}  {shown}", file=out)
    unused = sorted(set(corpus.topics) - set(stats["topics"]))
    if unused:
        print(f"\ntopics with no claim: {', '.join(unused)}", file=out)
    return 0


def export_document(corpus: Corpus) -> dict[str, Any]:
    """``{"sources", "claims", "people", "topics", "glossary"}``: every field of the claims and sources, plus the registries."""
    sources = [
        {
            "id": s.id,
            "title": s.title,
            "title_is_editorial": s.title_is_editorial,
            "publisher": s.publisher,
            "author": s.author,
            "date": s.date.isoformat() if s.date else None,
            "url": s.url,
            "via": s.via,
            "derived_from": s.derived_from,
            "summary": s.summary,
            "summary_en": s.summary_en,
            "text": s.text,
        }
        for s in corpus.sources.values()
    ]
    claims = [
        {
            "id": c.id,
            "source": c.source_id,
            "text": c.text,
            "en": c.en,
            "quote": c.quote,
            "speaker": c.speaker_id,
            "topics": list(c.topic_ids),
            "kind": c.kind,
            "digest": c.digest,
            "takeaway": c.takeaway,
        }
        for c in corpus.claims
    ]
    people = [
        {k: (list(v) if isinstance(v, tuple) else v) for k, v in vars(p).items() if k != "location"}
        for p in corpus.people.values()
    ]
    topics = [{"id": t.id, "zh": t.zh, "en": t.en, "aliases": list(t.aliases)} for t in corpus.topics.values()]
    glossary = [
        {"id": e.id, "name": e.name, "zh": e.zh, "aliases": list(e.aliases), "note": e.note}
        for e in corpus.entities.values()
    ]
    return {"sources": sources, "claims": claims, "people": people, "topics": topics, "glossary": glossary}


def run_export(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    corpus = load_corpus_or_fail(data_dir(args))
    json.dump(export_document(corpus), out, ensure_ascii=False, indent=1)
    print(file=out)
    return 0


def run_archive(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    root = data_dir(args)
    problems: list[Problem] = []
    status = 0
    for meta_path in sorted((root / "sources").glob("*.yaml")):
        meta = read_yaml(meta_path, root, problems)
        if not isinstance(meta, dict) or not meta.get("seed"):
            continue
        seed = args.seeds / str(meta["seed"])
        if not seed.exists():
            # A fresh clone has no seeds beside it: the archived text stays as it is, and that is not an error.
            print(f"{meta_path.name}: skipped, seed {seed} not found (its text is kept as archived)", file=out)
            continue
        cleaning = {k: v for k, v in (meta.get("cleaning") or {}).items() if k != "__line__"}
        if seed.suffix.lower() == ".txt":
            from knowledge.ingest.extract import markup_text

            # A text seed holding a page's markup is read as `corpus add` read it (its blocks as paragraphs).
            raw = markup_text(seed.read_text(encoding="utf-8"))
            cleaned = clean_text(raw, CleaningRules.from_mapping(cleaning))
        else:  # a saved web or Markdown page: its main text first, as `corpus add` read it
            from knowledge.ingest.add import rebuild_text

            cleaned = rebuild_text(seed, cleaning)
        target = meta_path.with_suffix(".txt")
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == cleaned:
            print(f"{target.name}: up to date", file=out)
        elif args.check:
            print(f"{target.name}: differs from what the cleaning rules give", file=out)
            status = 1
        else:
            target.write_text(cleaned, encoding="utf-8")
            print(f"{target.name}: written ({len(cleaned)} characters)", file=out)
    for problem in problems:
        print(problem, file=out)
    return 1 if problems else status
