"""jieba, imported without setuptools' ``pkg_resources``.

jieba 0.42 imports ``pkg_resources`` only to open its own data files, and falls back to opening them by
path when that import fails. ``pkg_resources`` scans every installed distribution when imported: 0.12-0.17 s
of each process's start (``python -X importtime``), the largest single import on the way to ``lundao run``'s
first answer, for files lundao never asks jieba to open (the dictionary is read by path, see
``knowledge.search.lexicon``). A ``None`` in ``sys.modules`` makes that import raise ImportError (the import
system's documented behaviour), so jieba takes its fallback; the entry is removed straight after, so any other
library still imports ``pkg_resources`` normally.
"""

from __future__ import annotations

import sys
from typing import Any


def _import_jieba() -> Any:  # jieba has no type hints: Any, as a plain `import jieba` gives
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


jieba: Any = _import_jieba()
