"""``corpus add`` on the project's own seeds: real articles nobody here wrote, with their sites' chrome.

Each seed was curated by hand into ``sources/ID.txt`` with rules of its own (``sources/ID.yaml``).
``add`` knows none of those rules: with only the generic page rules it must keep every sentence the
curated archive keeps and leave nothing the archive dropped. Seed 004 is a Discuz forum copy full of
scraping noise (jammer text, signatures, reply box); seed 003 carries an ad and share prompts; seed 002
the publisher's watermark. The seeds are in the steering repo's shared/ folder, beside the checkout in CI.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from knowledge.ingest.add import add_source, rebuild_text
from knowledge.ingest.speakers import split_sentences
from knowledge.loader import BUNDLED_DATA_DIR
from tests.support import SHARED_DIR

SEEDS = SHARED_DIR / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seeds are not beside this checkout")

SOURCES = ["xixi-lundao", "alibaba-ecosystem", "llm-2024-startups", "five-worldviews"]
# In seed 000 the photo "IMG_256" runs into its caption "8 23 号" (23 August): no generic rule can tell
# where the file name ends, so the caption's "8" goes with it. The curated archive keeps the caption.
CAPTION_IN_A_FILE_NAME = "8 23 号,西溪论道参会者合影"


def squash(text: str) -> str:
    return "".join(text.split())


def sentences(text: str) -> list[str]:
    return [s for line in text.splitlines() for s in split_sentences(line.strip()) if squash(s)]


def metadata(source_id: str) -> dict:
    return yaml.safe_load((BUNDLED_DATA_DIR / "sources" / f"{source_id}.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def added(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the knowledge base with each seed added again, as ``new-ID``, by the generic rules alone."""
    root = tmp_path_factory.mktemp("kb") / "data"
    shutil.copytree(BUNDLED_DATA_DIR, root)
    for source_id in SOURCES:
        meta = metadata(source_id)
        add_source(
            SEEDS / meta["seed"],
            data_dir=root,
            source_id=f"new-{source_id}",
            title=str(meta["title"]),
            publisher=str(meta["publisher"]),
            date="2024-01-01",
        )
    return root


@pytest.mark.parametrize("source_id", SOURCES)
def test_add_keeps_every_sentence_the_curated_archive_keeps(source_id: str, added: Path) -> None:
    archive = (BUNDLED_DATA_DIR / "sources" / f"{source_id}.txt").read_text(encoding="utf-8")
    written = squash((added / "sources" / f"new-{source_id}.txt").read_text(encoding="utf-8"))
    title = squash(str(metadata(source_id)["title"]))  # `add` keeps the title in the metadata, not the text
    missing = [s for s in sentences(archive) if squash(s) not in written]
    assert [s for s in missing if squash(s) not in (title, squash(CAPTION_IN_A_FILE_NAME))] == []


@pytest.mark.parametrize("source_id", SOURCES)
def test_add_leaves_nothing_the_curated_archive_dropped(source_id: str, added: Path) -> None:
    archive = squash((BUNDLED_DATA_DIR / "sources" / f"{source_id}.txt").read_text(encoding="utf-8"))
    written = (added / "sources" / f"new-{source_id}.txt").read_text(encoding="utf-8")
    assert [s for s in sentences(written) if squash(s) not in archive] == []


def test_the_forum_copy_is_read_as_a_forum_page(added: Path) -> None:
    """Seed 004: the jammer is recognised, and the post ends at the forum's reply box."""
    meta = yaml.safe_load((added / "sources" / "new-five-worldviews.yaml").read_text(encoding="utf-8"))
    assert meta["cleaning"]["discuz_jammer"] is True
    assert "您需要登录后才可以回帖" in meta["cleaning"]["keep_until"]


@pytest.mark.parametrize("source_id", SOURCES)
def test_the_rules_add_wrote_rebuild_its_text(source_id: str, added: Path) -> None:
    meta = yaml.safe_load((added / "sources" / f"new-{source_id}.yaml").read_text(encoding="utf-8"))
    written = (added / "sources" / f"new-{source_id}.txt").read_text(encoding="utf-8")
    assert rebuild_text(SEEDS / meta["seed"], meta["cleaning"]) == written
