"""Where settings and data live: LUNDAO_SETTINGS, the SQLite default outside the cwd, DATABASE_URL's one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from config.settings import SettingsError, load_settings
from tests.corpus_factory import write_tiny_corpus

ROOT = Path(__file__).resolve().parents[2]


def test_the_sqlite_default_is_in_the_data_home_whatever_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    urls = set()
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        monkeypatch.chdir(tmp_path / folder)
        urls.add(load_settings({"XDG_DATA_HOME": str(tmp_path / "data-home")}).effective_database_url)
    assert urls == {f"sqlite:///{tmp_path / 'data-home' / 'lundao' / 'lundao.sqlite3'}"}


def test_without_xdg_the_default_is_under_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert load_settings({}).data_dir == tmp_path / ".local" / "share" / "lundao"


def test_data_dir_in_a_settings_file_is_relative_to_that_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings_file = tmp_path / "etc" / "lundao.yaml"
    settings_file.parent.mkdir()
    settings_file.write_text("data_dir: state\nlanguage: en\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    settings = load_settings({"LUNDAO_SETTINGS": str(settings_file)})
    assert settings.language == "en" and settings.data_dir == tmp_path / "etc" / "state"
    assert load_settings({"LUNDAO_SETTINGS": str(settings_file), "LUNDAO_DATA_DIR": "rel"}).data_dir == tmp_path / "rel"


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("mysql://u:secret@db/x", "MySQL"),
        ("postgresql+psycopg2://u:secret@db/x", "pip install 'psycopg2-binary'"),
        ("nonsense", "not a URL"),
    ],
)
def test_a_database_url_lundao_cannot_use_is_one_line_without_the_password(url: str, says: str) -> None:
    with pytest.raises(SettingsError) as error:
        load_settings({"DATABASE_URL": url}).effective_database_url  # noqa: B018
    message = str(error.value)
    assert says in message and "\n" not in message and "secret" not in message


def test_herokus_postgres_url_uses_the_installed_driver() -> None:
    url = load_settings({"DATABASE_URL": "postgres://u:p@db.example:5432/x"}).effective_database_url
    assert url == "postgresql+psycopg://u:p@db.example:5432/x"


def test_lundao_run_refuses_an_unusable_database_url_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    monkeypatch.setenv("DATABASE_URL", "mysql://u:secret@db/x")
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("lundao run: DATABASE_URL names a MySQL database") and "\n" not in err


def test_digest_history_from_another_folder_reads_the_same_database_and_leaves_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LUNDAO_KNOWLEDGE_DIR", str(write_tiny_corpus(tmp_path / "kb")))
    for folder in ("first", "second"):
        (tmp_path / folder).mkdir()
        monkeypatch.chdir(tmp_path / folder)
        assert main(["digest", "history"]) == 0
        assert os.listdir(tmp_path / folder) == []
    data_home = Path(os.environ["XDG_DATA_HOME"]) / "lundao"
    assert (data_home / "lundao.sqlite3").exists()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("lundao ") and out.split()[1][0].isdigit()


@pytest.mark.parametrize("mode", ["http", "socket"])
def test_lundao_run_refuses_an_empty_knowledge_base_in_either_mode(
    mode: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fake_slack: object,
) -> None:
    from tests.corpus_factory import write_corpus

    monkeypatch.setenv("LUNDAO_KNOWLEDGE_DIR", str(write_corpus(tmp_path / "kb", claims=[])))
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_API_BASE_URL", fake_slack.api_url)  # type: ignore[attr-defined]
    monkeypatch.setenv("LUNDAO_DIGEST_ENABLED", "false")
    if mode == "http":
        monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    else:
        monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1")
    assert main(["run"]) == 2  # before gunicorn starts, or before the WebSocket opens
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == "lundao run: the knowledge base has no claims: nothing to serve (run `lundao corpus check`)"


def test_the_sqlite_default_is_settled_without_importing_sqlalchemy(tmp_path: Path) -> None:
    # `lundao run`'s master reads the URL before it binds the port: the default needs no SQLAlchemy (0.3 s),
    # a URL given still gets its one-line check (test above), which does.
    probe = (
        "import sys\n"
        "from config.settings import load_settings\n"
        "print(load_settings({'XDG_DATA_HOME': sys.argv[1]}).effective_database_url)\n"
        "assert 'sqlalchemy' not in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("sqlite:///") and str(tmp_path) in result.stdout
