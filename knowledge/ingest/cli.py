"""``lundao corpus add`` and ``lundao corpus suggest``: mount with ``register(actions, data_dir)``.

``actions`` is the sub-parser set of ``lundao corpus`` (the one ``knowledge.cli.register`` makes);
``data_dir(args)`` names the knowledge base, as for the other actions. Registering imports nothing
heavy: trafilatura, pypinyin and the search index are imported when ``add`` or ``suggest`` runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TextIO

from knowledge.loader import BUNDLED_DATA_DIR

DataDir = Callable[[argparse.Namespace], Path]


def data_dir_or_bundled(args: argparse.Namespace) -> Path:
    """``--data`` if given, else the bundled knowledge base (``lundao`` passes its settings-aware resolver)."""
    return Path(args.data) if getattr(args, "data", None) else BUNDLED_DATA_DIR


def register(actions: argparse._SubParsersAction, data_dir: DataDir = data_dir_or_bundled) -> None:
    add = actions.add_parser("add", help="add a saved article (.txt, .md, .html) as a new source")
    add.add_argument("file", type=Path, help="the saved article")
    add.add_argument("--id", required=True, dest="source_id", help="the new source's id (a lowercase slug)")
    add.add_argument("--title", required=True, help="the article's title")
    add.add_argument("--publisher", required=True, help="who published it (e.g. 极客公园)")
    add.add_argument("--date", required=True, help="publication date, YYYY-MM-DD")
    add.add_argument("--author", default=None, help="the author, if the article names one")
    add.add_argument("--url", default=None, help="where the article was read")
    add.set_defaults(handler=partial(run_add, data_dir=data_dir))

    suggest = actions.add_parser("suggest", help="write draft claims for a source from its sentences")
    suggest.add_argument("source_id", metavar="ID", help="the source's id")
    suggest.add_argument("--json", action="store_true", help="print the drafts as JSON")
    suggest.set_defaults(handler=partial(run_suggest, data_dir=data_dir))


def run_add(
    args: argparse.Namespace,
    out: TextIO | None = None,
    err: TextIO | None = None,
    data_dir: DataDir = data_dir_or_bundled,
) -> int:
    from knowledge.ingest.add import add_source
    from knowledge.ingest.extract import IngestError

    out, err = out or sys.stdout, err or sys.stderr
    try:
        report = add_source(
            args.file,
            data_dir=data_dir(args),
            source_id=args.source_id,
            title=args.title,
            publisher=args.publisher,
            date=args.date,
            author=args.author,
            url=args.url,
        )
    except IngestError as exc:
        print(f"corpus add: {exc}; nothing written", file=err)
        return 1
    for line in report.lines():
        print(line, file=out)
    print(f"next: lundao corpus suggest {args.source_id}", file=out)
    return 0


def run_suggest(
    args: argparse.Namespace,
    out: TextIO | None = None,
    err: TextIO | None = None,
    data_dir: DataDir = data_dir_or_bundled,
) -> int:
    from knowledge.ingest.extract import IngestError
    from knowledge.ingest.suggest import suggest_claims, write_drafts
    from knowledge.loader import load_corpus
    from knowledge.problems import CorpusError

    out, err = out or sys.stdout, err or sys.stderr
    root = data_dir(args)
    try:
        claims_path = root / "claims" / f"{args.source_id}.yaml"
        if claims_path.exists():  # before loading: a file of drafts is the usual reason to be here twice
            raise IngestError(f"{claims_path} exists; move it away to suggest again")
        try:
            corpus = load_corpus(root)
        except CorpusError as exc:
            raise IngestError(f"the knowledge base has problems ({exc}); run `lundao corpus check`") from None
        from knowledge.search import SearchEngine  # the index is only needed once the inputs are good

        if args.source_id not in corpus.sources:
            raise IngestError(f"no source {args.source_id!r}; add it first with `lundao corpus add`")
        suggestions = suggest_claims(corpus, args.source_id, engine=SearchEngine.build(corpus))
        claims_path, added = write_drafts(root, args.source_id, suggestions)
    except IngestError as exc:
        print(f"corpus suggest: {exc}; nothing written", file=err)
        return 1
    if args.json:
        drafts = [
            {**s.as_claim(f"{args.source_id}-draft-{n:02d}"), "score": s.score, "why": list(s.reasons)}
            for n, s in enumerate(suggestions, start=1)
        ]
        json.dump(
            {"claims_file": str(claims_path), "drafts": drafts, "new_people": added}, out, ensure_ascii=False, indent=1
        )
        print(file=out)
        return 0
    print(f"{claims_path}: {len(suggestions)} draft claim(s), best first", file=out)
    for n, s in enumerate(suggestions[:10], start=1):
        print(f"  {n:2d}. [{s.score}] {s.speaker_zh}: {s.quote[:60]}", file=out)
    if added:
        print(f"people.yaml: draft speaker(s) added: {', '.join(added)} (fill in their roles)", file=out)
    print("next: edit the drafts, set `status: approved`, then `lundao corpus check`", file=out)
    return 0
