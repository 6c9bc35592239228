"""``lundao corpus add`` and ``corpus suggest`` as the curator runs them: registered, lazy, and end to end."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from knowledge.loader import BUNDLED_DATA_DIR, read_corpus
from tests.knowledge.ingest.test_add import run_cli

INGEST_LIBRARIES = ("trafilatura", "pypinyin", "lxml", "knowledge.ingest.add", "knowledge.ingest.suggest")


def modules_loaded_by(*args: str) -> set[str]:
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['lundao', *{list(args)!r}]\n"
        "try:\n    runpy.run_module('bot.cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        f"print(' '.join(m for m in {INGEST_LIBRARIES!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(done.stdout.splitlines()[-1].split())


def test_the_other_corpus_actions_do_not_import_the_ingest_libraries() -> None:
    assert modules_loaded_by("corpus", "check") == set()
    assert modules_loaded_by("corpus", "add", "--help") == set()


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA_DIR, root)
    return root


def test_add_then_suggest_then_check_is_the_curators_path(kb: Path, tmp_path: Path) -> None:
    article = tmp_path / "talk.txt"
    article.write_text(
        "首页 > 资讯 > 正文\n"
        "发表于 2024-3-1 09:07 | 显示全部楼层\n"
        "周鸿祎认为,明年大模型的价格还会下降一半,应用公司会是最大的受益者。\n"
        "他表示,企业客户更看重安全和可控,而不是参数规模。\n"
        "分享到:\n",
        encoding="utf-8",
    )
    options = ["--id", "talk", "--title", "一次谈话", "--publisher", "某某网", "--date", "2024-03-01"]
    status, out, err = run_cli(["corpus", "--data", str(kb), "add", str(article), *options])
    assert status == 0, err
    assert "breadcrumb: 首页 > 资讯 > 正文" in out and "next: lundao corpus suggest talk" in out

    status, out, err = run_cli(["corpus", "--data", str(kb), "suggest", "talk"])
    assert status == 0, err
    drafts = yaml.safe_load((kb / "claims" / "talk.yaml").read_text(encoding="utf-8"))["claims"]
    assert {d["status"] for d in drafts} == {"draft"} and {d["speaker"] for d in drafts} == {"zhou-hongyi"}

    corpus, problems = read_corpus(kb)
    assert problems == [] and len(corpus.drafts) == len(drafts)
    assert not [c for c in corpus.claims if c.source_id == "talk"]  # nothing of it is served yet
    status, out, _ = run_cli(["corpus", "--data", str(kb), "check"])
    assert f"{len(drafts)} draft(s) to review" in out.splitlines()[-1]
    assert "talk-draft-01: draft, still needs: en" in out
