"""Issue 11's figures for ``corpus add`` and ``corpus suggest`` on public articles nobody here wrote.

Reads the fixtures the way ``tests/knowledge/ingest/test_outside_articles.py`` does (``NAME.txt`` beside
``NAME.labels.yaml`` in the folder given, by default ``../shared/ingest-articles`` beside the checkout, whose
README says which are for development and which are held out) and prints, per article:
sentences kept / total, chrome lines dropped / total, labelled views proposed / total, proposed with
the right speaker / proposed, and the other drafts (ones that carry no labelled view). ``--why`` also lists each miss (a lost sentence, a kept chrome line, a
view not proposed or proposed with another speaker), to find the rule to fix.

It also prints the calibration figure on the project's own sources, which the rules may be tuned on:
of the approved claims whose speaker is a person, how many quotes ``suggest`` proposes and with the
right speaker (a claim counts as proposed when a draft holds the first 20 characters of its quote).

    .venv/bin/python bench/ingest_outside.py [DIR] [--why]
        (DIR defaults to $LUNDAO_TEST_ARTICLES, then to ../shared/ingest-articles)

The figures, with their date and command, go in ``bench/RESULTS_ingest.md``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.ingest.add import add_source  # noqa: E402
from knowledge.ingest.extract import markup_text  # noqa: E402
from knowledge.ingest.speakers import split_sentences  # noqa: E402
from knowledge.ingest.suggest import suggest_claims  # noqa: E402
from knowledge.loader import BUNDLED_DATA_DIR, load_corpus  # noqa: E402

MIN_CHROME_CHARS_AS_SUBSTRING = 10  # as in tests/knowledge/ingest/test_outside_articles.py


def squash(text: str) -> str:
    return "".join(text.split())


@dataclass
class Figures:
    name: str
    sentences: int = 0
    kept: int = 0
    chrome: int = 0
    dropped: int = 0
    views: int = 0
    proposed: int = 0
    right: int = 0
    others: int = 0
    misses: list[str] = field(default_factory=list)

    def row(self) -> str:
        return (
            f"{self.name:28s} kept {self.kept}/{self.sentences}  chrome dropped {self.dropped}/{self.chrome}  "
            f"views proposed {self.proposed}/{self.views}  right speaker {self.right}/{self.proposed}  "
            f"other drafts {self.others}"
        )


def measure(folder: Path, name: str, data_dir: Path) -> Figures:
    label = yaml.safe_load((folder / f"{name}.labels.yaml").read_text(encoding="utf-8"))
    add_source(
        folder / f"{name}.txt",
        data_dir=data_dir,
        source_id=name,
        title=label["title"] or name,
        publisher="fixture",
        date="2024-01-01",
    )
    written = (data_dir / "sources" / f"{name}.txt").read_text(encoding="utf-8")
    figures = Figures(name)
    chrome = {squash(line) for line in label["chrome"]}
    not_article = chrome | ({squash(label["title"])} if label["title"] else set())
    article_lines: list[str] = []
    # A page saved with its markup (<p>…</p>) is counted by its text, as `add` reads it.
    for line in markup_text((folder / f"{name}.txt").read_text(encoding="utf-8")).splitlines():
        line = line.strip(" \u00a0\u3000\t")
        if not line or squash(line) in not_article:
            continue
        article_lines.append(line)
        for sentence in split_sentences(line):
            if not re.search(r"\w", sentence):
                continue  # a table cell's border after the stop ("…。 |") is no sentence of the article
            figures.sentences += 1
            if squash(sentence) in squash(written):
                figures.kept += 1
            else:
                figures.misses.append(f"lost: {sentence}")
    figures.chrome = len(chrome)
    paragraphs = {squash(p) for p in written.split("\n\n")}
    for line in chrome:
        # A short chrome line ("0" comments) may also sit inside a sentence: it is kept only as a paragraph; a
        # longer one also when the written text holds it more often than the article's own lines do.
        article = squash("".join(article_lines))
        if line in paragraphs or (
            len(line) >= MIN_CHROME_CHARS_AS_SUBSTRING and squash(written).count(line) > article.count(line)
        ):
            figures.misses.append(f"chrome kept: {line}")
        else:
            figures.dropped += 1
    try:
        suggestions = suggest_claims(load_corpus(data_dir), name)
    except Exception as exc:  # a crash is a figure too: no view is proposed
        figures.misses.append(f"suggest failed: {exc!r}")
        suggestions = []
    for view in label["views"]:
        figures.views += 1
        matches = [s for s in suggestions if squash(view["key"]) in squash(s.quote)]
        if not matches:
            figures.misses.append(f"view not proposed ({view['speaker']}): {view['key']}")
            continue
        figures.proposed += 1
        if matches[0].speaker_id == view["speaker"]:
            figures.right += 1
        else:
            figures.misses.append(f"view given to {matches[0].speaker_id}, not {view['speaker']}: {view['key']}")
    keys = [squash(view["key"]) for view in label["views"]]
    for suggestion in suggestions:
        if not any(key in squash(suggestion.quote) for key in keys):
            figures.others += 1  # a draft that carries no labelled view: the curator deletes it
            figures.misses.append(f"other draft ({suggestion.speaker_id}): {suggestion.quote}")
    return figures


def own_sources() -> tuple[int, int, int]:
    """(approved claims with a person speaker, proposed, right speaker) over the bundled sources."""
    corpus = load_corpus()
    claims = proposed = right = 0
    for source_id in corpus.sources:
        try:
            suggestions = suggest_claims(corpus, source_id)
        except Exception as exc:  # a crash proposes nothing
            print(f"suggest {source_id} failed: {exc!r}", file=sys.stderr)
            suggestions = []
        for claim in corpus.claims:
            speaker = corpus.people.get(claim.speaker_id)
            if claim.source_id != source_id or claim.is_draft or speaker is None or speaker.kind != "person":
                continue
            claims += 1
            matches = [s for s in suggestions if squash(claim.quote)[:20] in squash(s.quote)]
            proposed += bool(matches)
            right += bool(matches) and matches[0].speaker_id == claim.speaker_id
    return claims, proposed, right


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("LUNDAO_TEST_ARTICLES")
    parser.add_argument(
        "folder",
        type=Path,
        nargs="?",
        default=Path(default) if default else ROOT.parent / "shared" / "ingest-articles",
        help="NAME.txt beside NAME.labels.yaml",
    )
    parser.add_argument("--why", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    claims, proposed, right = own_sources()
    print(f"{'own sources (calibration)':28s} claims proposed {proposed}/{claims}  right speaker {right}/{proposed}")
    names = sorted(p.stem for p in args.folder.glob("*.txt")) if args.folder else []
    if not names:
        print(f"{args.folder}: no NAME.txt fixtures", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        shutil.copytree(BUNDLED_DATA_DIR, data_dir)
        rows = [measure(args.folder, name, data_dir) for name in names]
    for figures in rows:
        print(figures.row())
        if args.why:
            for miss in figures.misses:
                print(f"    {miss}")
    views, proposed, right = (sum(getattr(f, k) for f in rows) for k in ("views", "proposed", "right"))
    print(f"{'all':28s} views proposed {proposed}/{views}  right speaker {right}/{proposed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
