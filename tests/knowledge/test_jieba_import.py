"""jieba is imported without setuptools' pkg_resources (knowledge.jieba_import), and still works."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
import knowledge.text
from knowledge.jieba_import import jieba

assert "pkg_resources" not in sys.modules, "jieba's import pulled in pkg_resources"
# jieba's own data files open through its fallback, by path, whatever the working folder.
assert jieba._compat.get_module_res("dict.txt").readline().split()[0]
print(" ".join(jieba.Tokenizer().lcut("百模大战打响了")))
if {setuptools}:
    import pkg_resources  # the None entry is gone: other libraries import it as usual
    print("pkg_resources", pkg_resources.__name__)
"""


def test_jieba_is_imported_without_pkg_resources_and_segments(tmp_path: Path) -> None:
    has_setuptools = importlib.util.find_spec("pkg_resources") is not None
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(setuptools=has_setuptools)],
        cwd=tmp_path,  # not the checkout: the fallback must not depend on the working folder
        env={"PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    words = result.stdout.splitlines()[0].split()
    assert "".join(words) == "百模大战打响了" and len(words) >= 2
    assert ("pkg_resources pkg_resources" in result.stdout) is has_setuptools
