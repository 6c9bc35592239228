"""The suite leaves nothing behind and inherits nothing: see the autouse fixtures in conftest.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support import ISOLATED_PREFIXES, KEPT_PREFIXES

ROOT = Path(__file__).resolve().parent.parent


def leaked_variables() -> list[str]:
    return sorted(
        name
        for name in os.environ
        if name.startswith(ISOLATED_PREFIXES)
        and not name.startswith(KEPT_PREFIXES)
        and name not in ("LUNDAO_CACHE_DIR", "LUNDAO_EMBEDDER")
    )


INNER_TEST = "test_no_slack_or_lundao_variable_reaches_a_test"


def test_no_slack_or_lundao_variable_reaches_a_test() -> None:
    assert leaked_variables() == []


def test_caches_go_to_the_runs_temporary_folder(cache_dir: Path) -> None:
    from knowledge.search.lexicon import cache_dir as lexicon_cache_dir

    assert lexicon_cache_dir() == cache_dir
    assert Path.home() / ".cache" not in cache_dir.parents


def test_a_developers_variables_are_removed(tmp_path: Path) -> None:
    """Run the check above in a pytest whose shell has Slack and lundao variables set."""
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-from-the-shell",
        "LUNDAO_LANGUAGE": "en",
        "LUNDAO_KNOWLEDGE_DIR": str(tmp_path),
        "HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"{__file__}::{INNER_TEST}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (tmp_path / ".cache").exists()
