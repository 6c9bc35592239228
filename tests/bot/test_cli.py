"""The ``lundao`` entry point: commands found by name, imported only when they run, one knowledge base for all."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import COMMANDS, main
from config.settings import load_settings, resolve_knowledge_dir
from knowledge.loader import BUNDLED_DATA_DIR
from tests.corpus_factory import write_corpus

HEAVY_MODULES = ("slack_sdk.web.client", "slack_bolt", "sqlalchemy", "jieba", "numpy", "opencc", "knowledge.search")


def modules_loaded_by(*args: str) -> set[str]:
    """The heavy modules imported by ``lundao ARGS`` run in a fresh interpreter."""
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['lundao', *{list(args)!r}]\n"
        "try:\n    runpy.run_module('bot.cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        f"print(' '.join(m for m in {HEAVY_MODULES!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(done.stdout.splitlines()[-1].split())


def test_help_lists_every_command_without_importing_one() -> None:
    probe = (
        "import sys\nfrom bot.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith(('knowledge', 'bot.', 'config', 'slack')))))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    *help_lines, loaded = done.stdout.splitlines()
    listed = {line.split()[0] for line in help_lines if line.startswith("    ") and not line.startswith("     ")}
    assert listed == set(COMMANDS)
    assert loaded.split() == ["bot.cli"]


def test_the_version_is_read_only_when_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"lundao {version('lundao')}\n"
    # Every other command's start skips importlib.metadata (~60 ms with the lookup).
    probe = "import sys\nfrom bot.cli import build_parser\nbuild_parser('console')\nprint('importlib.metadata' in sys.modules)\n"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_corpus_check_imports_neither_slack_nor_the_database_nor_the_search_stack() -> None:
    # numpy it may: the near-duplicate check reads the shipped claim vectors (~35 ms to import).
    assert modules_loaded_by("corpus", "check") - {"numpy"} == set()


def test_search_imports_neither_slack_nor_the_database() -> None:
    assert modules_loaded_by("search", "开源") & {"slack_sdk.web.client", "slack_bolt", "sqlalchemy"} == set()


@pytest.mark.parametrize("module", sorted({c.module for c in COMMANDS.values()}))
def test_each_module_registers_exactly_the_commands_the_table_gives_it(module: str) -> None:
    import importlib

    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers()
    importlib.import_module(module).register(subparsers)
    registered = {action.dest: action.help for action in subparsers._choices_actions}
    assert registered == {name: c.help for name, c in COMMANDS.items() if c.module == module}


def test_an_unknown_command_prints_the_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert "frobnicate" in err and all(name in err for name in COMMANDS)


def test_no_command_prints_the_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "corpus" in capsys.readouterr().out


def test_the_knowledge_base_comes_from_the_environment_then_the_settings_file_then_the_bundle(tmp_path: Path) -> None:
    settings_file = tmp_path / "settings.yaml"
    settings_file.write_text(f"knowledge_dir: {tmp_path / 'from-file'}\n", encoding="utf-8")
    empty_settings = tmp_path / "none.yaml"
    empty_settings.write_text("{}\n", encoding="utf-8")

    assert resolve_knowledge_dir({}, empty_settings) == BUNDLED_DATA_DIR
    assert resolve_knowledge_dir({}, settings_file) == tmp_path / "from-file"
    env = {"LUNDAO_KNOWLEDGE_DIR": str(tmp_path / "from-env")}
    assert resolve_knowledge_dir(env, settings_file) == tmp_path / "from-env"
    for environ in ({}, env):  # `lundao run` serves the one `lundao corpus check` checks
        assert load_settings(environ, settings_file).knowledge_dir == resolve_knowledge_dir(environ, settings_file)


def test_corpus_check_and_search_use_the_knowledge_dir_of_the_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_corpus(tmp_path / "kb")
    settings_file = tmp_path / "settings.yaml"
    settings_file.write_text(f"knowledge_dir: {root}\n", encoding="utf-8")
    monkeypatch.setenv("LUNDAO_SETTINGS", str(settings_file))

    assert main(["corpus", "check"]) == 0
    assert "(3 claims, 1 sources" in capsys.readouterr().out
    assert main(["search", "--json", "--limit", "1", "冷启动"]) == 0
    assert '"sample-open-source-cold-start"' in capsys.readouterr().out


def test_a_broken_knowledge_base_stops_a_command_with_its_problems_and_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_corpus(tmp_path)
    (root / "people.yaml").write_text("people: [oops", encoding="utf-8")
    assert main(["search", "--data", str(root), "开源"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert any("people.yaml" in line and "malformed YAML" in line for line in err[:-1])
    assert err[-1].startswith("lundao search: the knowledge base cannot be loaded") and "lundao corpus check" in err[-1]
