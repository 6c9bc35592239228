"""``lundao corpus pull``: the claims approved in Slack, from the database into the knowledge base's files.

Writes ``claims/slack.yaml`` (the claims), ``sources/slack.yaml`` (the source ``slack`` and a registry of
the messages they were saved from: channel, ts, permalink, author, who saved and approved them, the
message's text) and ``sources/slack.txt`` (the messages' texts, one paragraph each), and adds the new
speakers to ``people.yaml``, so the claims are reviewed and committed like any other; ``corpus check``
then checks each quote against its own message. Claims already in the files are kept as they are there
(they may have been edited in review): pulling again adds only what is new.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.team.service import author_person_id
from bot.team.store import TeamClaim, TeamStore

SOURCE_ID = "slack"
SOURCE_HEADER = {
    "id": SOURCE_ID,
    "title": "团队在 Slack 中的讨论",
    "title_is_editorial": True,
    "publisher": "Slack",
    "summary": "团队成员在 Slack 中保存、经策展人审核的观点（lundao corpus pull 写入）。",
    "summary_en": "Insights saved from the team's Slack discussions and approved by the curators (written by lundao corpus pull).",
}
CLAIMS_COMMENT = (
    "# Claims saved from Slack and approved there; written by `lundao corpus pull`, reviewed like any claim.\n"
)
SOURCE_COMMENT = (
    "# The Slack messages the claims of claims/slack.yaml were saved from; written by `lundao corpus pull`.\n"
)


@dataclass(frozen=True)
class Pulled:
    claims: int
    people: int
    kept: int


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def _dump(path: Path, comment: str, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(comment + text, encoding="utf-8")


def claim_entry(row: TeamClaim) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": row.claim_id,
        "text": row.text,
        "en": row.en,
        "quote": row.quote,
        "speaker": row.speaker_id or author_person_id(row.author_id),
        "topics": list(row.topics),
        "kind": "judgement",
        "digest": True,
    }
    if not row.en:
        entry["status"] = "draft"  # approved in Slack without a gloss: `corpus check` says what it still needs
    return entry


def message_entry(row: TeamClaim) -> dict[str, Any]:
    return {
        "claim": row.claim_id,
        "channel": row.channel_id,
        "ts": row.message_ts,
        "permalink": row.permalink,
        "author": row.author_id,
        "author_name": row.author_name,
        "saved_by": row.saved_by,
        "saved_at": row.saved_at.isoformat(),
        "approved_by": row.reviewed_by,
        "text": row.message_text,
    }


def pinyin_of(name: str) -> str:
    """``小明`` → ``Xiao Ming``; a name without Chinese characters is its own spelling."""
    if not re.search(r"[\u4e00-\u9fff]", name):
        return name
    from pypinyin import lazy_pinyin

    return " ".join(s.capitalize() for s in lazy_pinyin(name))


def _new_people(rows: list[TeamClaim], people_path: Path) -> list[dict[str, Any]]:
    known = {str(p.get("id")) for p in (_read(people_path).get("people") or []) if isinstance(p, dict)}
    added: dict[str, dict[str, Any]] = {}
    for row in rows:
        person_id = row.speaker_id or author_person_id(row.author_id)
        if person_id in known or person_id in added:
            continue
        name = row.author_name
        added[person_id] = {"id": person_id, "kind": "person", "zh": name, "en": name, "pinyin": pinyin_of(name)}
    return list(added.values())


def _append_people(path: Path, people: list[dict[str, Any]]) -> None:
    """Add ``people`` at the end of the registry's list as text: people.yaml is curated by hand, its comments stay."""
    current = path.read_text(encoding="utf-8")
    items = re.findall(r"^( *)- ", current, flags=re.MULTILINE)
    indent = items[-1] if items else ""  # the list's own indentation, whichever style the file uses
    block = yaml.safe_dump(people, allow_unicode=True, sort_keys=False, width=1000)
    lines = [f"{indent}# Speakers of claims saved from Slack (lundao corpus pull): add role and role_en."]
    lines += [indent + line for line in block.splitlines()]
    separator = "" if current.endswith("\n") else "\n"
    path.write_text(current + separator + "\n".join(lines) + "\n", encoding="utf-8")


def pull(store: TeamStore, root: Path) -> Pulled:
    """Write the approved claims not yet in ``root``'s files; what was added and kept."""
    claims_path, source_path = root / "claims" / f"{SOURCE_ID}.yaml", root / "sources" / f"{SOURCE_ID}.yaml"
    existing_claims = list(_read(claims_path).get("claims") or [])
    source = {**SOURCE_HEADER, **_read(source_path)}
    messages = list(source.get("messages") or [])
    have = {str(c.get("id")) for c in existing_claims if isinstance(c, dict)}
    rows = [r for r in store.approved() if r.claim_id not in have]
    people = _new_people(rows, root / "people.yaml")
    claims = existing_claims + [claim_entry(r) for r in rows]
    messages += [message_entry(r) for r in rows]
    if not claims:
        return Pulled(0, 0, 0)
    _dump(claims_path, CLAIMS_COMMENT, {"source": SOURCE_ID, "claims": claims})
    _dump(source_path, SOURCE_COMMENT, {**source, "messages": messages})
    texts = [str(m.get("text") or "").strip() for m in messages if isinstance(m, dict)]
    (root / "sources" / f"{SOURCE_ID}.txt").write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    if people:
        _append_people(root / "people.yaml", people)
    return Pulled(len(rows), len(people), len(existing_claims))


def run_pull(args: argparse.Namespace, root: Path) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from bot.db_migrate import upgrade_engine
    from bot.db_url import DatabaseURLError
    from bot.digest.store import make_engine
    from config.settings import SettingsError, load_settings

    try:
        engine = make_engine(load_settings().effective_database_url)
    except (SettingsError, DatabaseURLError) as exc:
        print(f"lundao corpus pull: {exc}", file=sys.stderr)
        return 2
    try:
        upgrade_engine(engine)  # a database no process has used yet has nothing to pull, and says so
        pulled = pull(TeamStore(engine), root)
    except SQLAlchemyError as exc:
        print(f"lundao corpus pull: cannot read the database: {type(exc).__name__}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    if not pulled.claims:
        print(f"lundao corpus pull: nothing new ({pulled.kept} claim(s) from Slack already in {root})")
        return 0
    print(
        f"lundao corpus pull: {pulled.claims} claim(s) written to claims/{SOURCE_ID}.yaml, their messages to "
        f"sources/{SOURCE_ID}.yaml, {pulled.people} new speaker(s) to people.yaml; run `lundao corpus check`"
    )
    return 0
