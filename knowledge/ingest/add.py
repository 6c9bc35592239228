"""``lundao corpus add``: a saved article becomes ``sources/ID.txt`` and ``sources/ID.yaml``.

Every input is checked before anything is written; a bad one gives one line (IngestError) and
leaves the knowledge base as it was. The metadata file records the cleaning rules that were
applied, so ``corpus archive`` rebuilds the same text from the same seed.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from knowledge.cleaning import CleaningRules, clean_text
from knowledge.ingest.clean import CleanResult, Dropped, clean_page
from knowledge.ingest.extract import IngestError, extract_text, read_article

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LETTER = re.compile(r"[\w\u3400-\u9fff]")
EXAMPLES_PER_RULE = 3
_WEB_SUFFIXES = (".html", ".htm")


@dataclass
class AddReport:
    """What ``add_source`` wrote and what it dropped, for the curator to review."""

    source_id: str
    text_path: Path
    meta_path: Path
    characters: int
    paragraphs: int
    dropped: list[Dropped] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"{self.text_path}: written ({self.characters} characters, {self.paragraphs} paragraphs)",
            f"{self.meta_path}: written (metadata and the cleaning rules applied)",
        ]
        if not self.dropped:
            out.append("dropped: nothing")
            return out
        by_rule: dict[str, list[str]] = {}
        for item in self.dropped:
            by_rule.setdefault(item.rule, []).append(item.text)
        out.append(f"dropped {len(self.dropped)} piece(s) that are not the article:")
        for rule, texts in sorted(by_rule.items(), key=lambda kv: -len(kv[1])):
            examples = " | ".join(_shorten(t) for t in texts[:EXAMPLES_PER_RULE])
            out.append(f"  {len(texts):4d}  {rule}: {examples}")
        out.append(
            f"to change what was dropped, edit `cleaning:` in {self.meta_path.name} and rebuild with `corpus archive`"
        )
        return out


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_date(value: str) -> dt.date:
    """A YYYY-MM-DD date; IngestError naming the value otherwise."""
    value = (value or "").strip()
    if not _ISO_DATE.match(value):
        raise IngestError(f"--date {value!r} is not a date; write it as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise IngestError(f"--date {value!r} is not a date on the calendar") from None


def _validate(data_dir: Path, source_id: str, title: str, publisher: str, url: str | None) -> None:
    if not _ID.match(source_id or ""):
        raise IngestError(f"--id {source_id!r} must be a lowercase slug (a-z, 0-9 and single hyphens)")
    if not (title or "").strip():
        raise IngestError("--title is empty")
    if not (publisher or "").strip():
        raise IngestError("--publisher is empty")
    if url is not None and not re.match(r"^https?://\S+$", url):
        raise IngestError(f"--url {url!r} is not a web address (http:// or https://)")
    sources = data_dir / "sources"
    if not sources.is_dir():
        raise IngestError(f"{sources}: no sources folder; is --data the knowledge base?")
    for existing in (
        sources / f"{source_id}.yaml",
        sources / f"{source_id}.txt",
        data_dir / "claims" / f"{source_id}.yaml",
    ):
        if existing.exists():
            raise IngestError(f"source id {source_id!r} exists ({existing}); choose another --id")


def metadata_document(
    source_id: str,
    seed: str,
    title: str,
    publisher: str,
    date: dt.date,
    author: str | None,
    url: str | None,
    cleaning: dict[str, Any],
) -> dict[str, Any]:
    """The source's metadata file, with only the fields today's loader accepts."""
    return {
        "id": source_id,
        "seed": seed,
        "title": title.strip(),
        "publisher": publisher.strip(),
        "author": author.strip() if author and author.strip() else None,
        "date": date,
        "url": url,
        "cleaning": cleaning,
    }


def rebuild_text(seed: Path, cleaning: dict[str, Any]) -> str:
    """The archived text from a seed and its ``cleaning:`` rules (a web page's main text is extracted first).

    ``corpus archive`` should call this for seeds that are web pages; for text seeds it equals
    ``clean_text(seed text, rules)``.
    """
    raw = extract_text(seed.read_bytes(), seed.name)
    rules = CleaningRules.from_mapping({k: v for k, v in cleaning.items() if k != "__line__"})
    return clean_text(raw, rules)


def _write_both(text_path: Path, text: str, meta_path: Path, meta: str) -> None:
    """Write both files or neither: each goes to a temporary name first."""
    tmp_text, tmp_meta = text_path.with_suffix(".txt.tmp"), meta_path.with_suffix(".yaml.tmp")
    try:
        tmp_text.write_text(text, encoding="utf-8")
        tmp_meta.write_text(meta, encoding="utf-8")
        os.replace(tmp_text, text_path)
        os.replace(tmp_meta, meta_path)
    except OSError as exc:
        for path in (tmp_text, tmp_meta, text_path):
            path.unlink(missing_ok=True)
        raise IngestError(f"cannot write {text_path.parent}: {exc.strerror or exc}") from None


def add_source(
    file: Path | str,
    *,
    data_dir: Path,
    source_id: str,
    title: str,
    publisher: str,
    date: str,
    author: str | None = None,
    url: str | None = None,
) -> AddReport:
    """Clean ``file`` into the knowledge base at ``data_dir`` as source ``source_id``; IngestError on bad input."""
    file, data_dir = Path(file), Path(data_dir)
    _validate(data_dir, source_id, title, publisher, url)
    when = parse_date(date)
    raw = read_article(file)
    result: CleanResult = clean_page(raw, title=title, publisher=publisher)
    if not _LETTER.search(result.text):
        raise IngestError(f"{file}: no main text (nothing is left once the site around the article is dropped)")
    cleaning = result.rules_mapping()
    if file.suffix.lower() in _WEB_SUFFIXES:
        import trafilatura

        cleaning.setdefault("notes", []).insert(
            0, f"the seed is a web page: its main text was extracted with trafilatura {trafilatura.__version__} first"
        )
    meta = metadata_document(source_id, file.name, title, publisher, when, author, url, cleaning)
    header = f"# Source metadata written by `lundao corpus add {file.name}`; format in ../README.md\n"
    meta_text = header + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    sources = data_dir / "sources"
    text_path, meta_path = sources / f"{source_id}.txt", sources / f"{source_id}.yaml"
    _write_both(text_path, result.text, meta_path, meta_text)
    paragraphs = sum(1 for p in result.text.split("\n\n") if p.strip())
    return AddReport(source_id, text_path, meta_path, len(result.text), paragraphs, result.dropped)
