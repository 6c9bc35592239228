"""``lundao report gaps`` and ``lundao phrasings``: on the configured database (SQLite here, or DATABASE_URL)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bot.cli import main
from bot.db_migrate import migrated_engine
from bot.feedback.service import FeedbackService
from config.settings import load_settings
from knowledge.models import Corpus
from knowledge.search import SearchEngine


@pytest.fixture
def service(database_url: str, monkeypatch: pytest.MonkeyPatch) -> FeedbackService:
    if not database_url.startswith("sqlite"):
        monkeypatch.setenv("DATABASE_URL", database_url)
    else:
        monkeypatch.setenv("LUNDAO_DATA_DIR", database_url.removeprefix("sqlite:///").rsplit("/", 1)[0])
    return FeedbackService(migrated_engine(load_settings().effective_database_url))


@pytest.fixture(scope="module")
def engine(tiny_corpus: Corpus) -> SearchEngine:
    return SearchEngine.build(tiny_corpus)


def test_report_gaps_groups_counts_and_dates(service: FeedbackService, engine: SearchEngine, capsys) -> None:
    assert main(["report", "gaps"]) == 0
    assert "no unanswered questions in the last 30 days" in capsys.readouterr().out
    for query in ("量子纠缠的哲学意义", "量子纠缠 哲学意义", "今天天气怎么样"):
        service.note_unanswered(engine, query, None)
    service.record_vote(engine, query="今天天气怎么样", claim_id="compute-shortage", helpful=False, surface="results")
    assert service.flush()
    assert main(["report", "gaps", "--json", "--days", "7"]) == 0
    groups = json.loads(capsys.readouterr().out)
    assert [(g["count"], g["no_answer"], g["not_helpful"]) for g in groups] == [(2, 1, 1), (2, 2, 0)]
    assert groups[0]["not_helpful_claims"] == ["compute-shortage"]
    assert dt.datetime.fromisoformat(groups[1]["last_asked"]).date() == dt.datetime.now(dt.UTC).date()
    assert set(groups[1]["wordings"]) == {"量子纠缠的哲学意义", "量子纠缠 哲学意义"}
    assert main(["report", "gaps"]) == 0
    text = capsys.readouterr().out
    assert "量子纠缠" in text and "(also: " in text


def test_phrasings_list_and_remove(service: FeedbackService, engine: SearchEngine, capsys) -> None:
    service.learn(engine, query="开源追上闭源要多久", claim_id="open-catch-up")
    assert main(["phrasings", "list", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["claim"], row["text"], row["uses"]) == ("open-catch-up", "开源追上闭源要多久", 1)
    assert main(["phrasings", "remove", str(row["id"]), "999999"]) == 1
    captured = capsys.readouterr()
    assert "removed 1" in captured.out and "no learned phrasing with id 999999" in captured.err
    assert main(["phrasings", "list"]) == 0
    assert "no learned phrasings" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["report", "gaps", "--days", "0"], ["phrasings", "remove", "abc"]])
def test_bad_input_is_one_line_and_exit_2(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2 and "lundao" in capsys.readouterr().err


def test_an_unusable_database_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u:secret@127.0.0.1:1/x")
    assert main(["report", "gaps"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("lundao report gaps: cannot read the database") and "secret" not in err
