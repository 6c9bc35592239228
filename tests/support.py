"""Constants and helpers shared by several test modules (fixtures live in conftest.py)."""

from __future__ import annotations

SIGNING_SECRET = "test-signing-secret-0123456789"
"""The signing secret of the test app: requests signed with it pass Bolt's verification."""

ISOLATED_PREFIXES = ("SLACK_", "LUNDAO_")
"""Environment variables no test may inherit from the developer's shell."""

KEPT_PREFIXES = ("LUNDAO_TEST_",)
"""Settings of the test run itself (e.g. LUNDAO_TEST_POSTGRES_URL), not of the app: kept."""
