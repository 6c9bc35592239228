"""Constants and helpers shared by several test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The checkout: tests are arranged like the source tree below it, so none counts its own depth."""

SHARED_DIR = Path(os.environ.get("LUNDAO_TEST_SHARED_DIR") or REPO_ROOT.parent / "shared")
"""The steering repo's shared/ folder (seeds, evaluation sets): beside the checkout when present (as in CI),
or wherever LUNDAO_TEST_SHARED_DIR says."""

SIGNING_SECRET = "test-signing-secret-0123456789"
"""The signing secret of the test app: requests signed with it pass Bolt's verification."""

ISOLATED_PREFIXES = ("SLACK_", "LUNDAO_")
"""Environment variables no test may inherit from the developer's shell."""

KEPT_PREFIXES = ("LUNDAO_TEST_",)
"""Settings of the test run itself (e.g. LUNDAO_TEST_POSTGRES_URL), not of the app: kept."""
