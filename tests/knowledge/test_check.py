"""`lundao corpus check`: passes on a valid knowledge base, fails with a clear line on each defect."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from knowledge.check import check_corpus
from knowledge.loader import CorpusError, load_corpus
from tests.corpus_factory import CLAIMS, ENTITIES, PEOPLE, SAMPLE_SOURCE, TOPICS, claim, write_corpus


def run_check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(["corpus", "--data", str(root), "check"])
    lines = capsys.readouterr().out.strip().splitlines()
    return status, lines


def test_valid_corpus_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = run_check(write_corpus(tmp_path), capsys)
    assert status == 0
    assert lines[-1].startswith("corpus check: ok (3 claims, 1 sources")


# Each defect: how to break a valid corpus, and what the one line about it must say.
DEFECTS = {
    "missing field": (dict(claims=[claim(en=None), *CLAIMS[1:]]), "sample-compute-shortage", "'en' is missing"),
    "empty field": (
        dict(claims=[claim(text="  "), *CLAIMS[1:]]),
        "sample-compute-shortage",
        "'text' is missing or empty",
    ),
    "unknown field": (dict(claims=[claim(qoute="x"), *CLAIMS[1:]]), "sample-compute-shortage", "unknown field 'qoute'"),
    "bad kind": (dict(claims=[claim(kind="opinion"), *CLAIMS[1:]]), "sample-compute-shortage", "kind 'opinion'"),
    "bad digest flag": (dict(claims=[claim(digest="yes"), *CLAIMS[1:]]), "sample-compute-shortage", "true or false"),
    "duplicate id": (
        dict(claims=[*CLAIMS, claim(text="完全不同的另一句话,讲的是人才。", quote="第二段")]),
        "sample-compute-shortage",
        "duplicate claim id",
    ),
    "bad id": (dict(claims=[claim(id="Bad ID!"), *CLAIMS[1:]]), "Bad ID!", "lowercase slug"),
    "quote not verbatim": (
        dict(claims=[claim(quote="算力短缺是一个长期问题"), *CLAIMS[1:]]),
        "sample-compute-shortage",
        "quote not found verbatim",
    ),
    "unknown speaker": (
        dict(claims=[claim(speaker="nobody"), *CLAIMS[1:]]),
        "sample-compute-shortage",
        "unknown speaker 'nobody'",
    ),
    "unknown topic": (
        dict(claims=[claim(topics=["compute", "weather"]), *CLAIMS[1:]]),
        "sample-compute-shortage",
        "unknown topic 'weather'",
    ),
    "no topics": (dict(claims=[claim(topics=[]), *CLAIMS[1:]]), "sample-compute-shortage", "'topics' is missing"),
    "near duplicate": (
        dict(
            claims=[
                *CLAIMS,
                claim(id="sample-compute-shortage-again", text="算力短缺是长期的问题。", quote="GPU 到底多少算够"),
            ]
        ),
        "sample-compute-shortage-again",
        "near-duplicate statement of claim 'sample-compute-shortage'",
    ),
    "overlapping quotes": (
        dict(
            claims=[
                *CLAIMS,
                claim(id="sample-compute-everyone", text="全球创业者都要面对算力短缺。", quote="全球创业者都要面对。"),
            ]
        ),
        "sample-compute-everyone",
        "quote shares 100% of its passage with claim 'sample-compute-shortage'",
    ),
    "text runs past its quote": (
        dict(
            claims=[
                claim(text="算力短缺是长期问题,而 Infra 团队必须比模型团队还要强大。"),
                *CLAIMS[1:],
            ]
        ),
        "sample-compute-shortage",
        "text runs past its quote",
    ),
    "derived from no source": (dict(source={**SAMPLE_SOURCE, "derived_from": "elsewhere"}), "sample", "derived_from"),
    "bad status": (dict(claims=[claim(status="pending"), *CLAIMS[1:]]), "sample-compute-shortage", "status 'pending'"),
    "person without pinyin": (dict(people=[{**PEOPLE[0], "pinyin": None}, PEOPLE[1]]), "li-kaifu", "pinyin"),
    "duplicate topic": (dict(topics=[*TOPICS, TOPICS[0]]), "compute", "duplicate topic id"),
    "source without claims": (dict(claims=[]), "sample", "source has no claims"),
    "glossary alias clash": (
        dict(entities=[{"id": "gpu", "name": "GPU"}, {"id": "graphics", "name": "Graphics card", "aliases": ["gpu"]}]),
        "graphics",
        "also names 'gpu'",
    ),
}


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_each_defect_fails_with_one_clear_line(defect: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    changes, subject, message = DEFECTS[defect]
    root = write_corpus(tmp_path, **changes)
    status, lines = run_check(root, capsys)
    assert status == 1
    matching = [line for line in lines if subject in line and message in line]
    assert matching, f"no line about {subject!r} saying {message!r} in {lines}"
    # Each line names the file and the line number where the defect is.
    path, line_number = matching[0].split(":")[:2]
    assert path.endswith(".yaml")
    assert line_number.isdigit() and int(line_number) >= 1


def test_malformed_yaml_names_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_corpus(tmp_path)
    path = root / "claims" / "sample.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(4, "  - id: [unclosed")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out = run_check(root, capsys)
    assert status == 1
    assert any(line.startswith(f"{path}:") and "malformed YAML" in line for line in out), out
    reported_line = int(next(line for line in out if "malformed YAML" in line).split(":")[1])
    assert 5 <= reported_line <= 7


def test_load_corpus_raises_one_clear_error_not_a_traceback(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, claims=[claim(speaker="nobody"), *CLAIMS[1:]])
    with pytest.raises(CorpusError) as error:
        load_corpus(root)
    assert "unknown speaker 'nobody'" in str(error.value)
    assert "sample.yaml:" in str(error.value)


def test_claims_file_must_name_its_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_corpus(tmp_path)
    (root / "claims" / "sample.yaml").write_text(yaml.safe_dump({"claims": CLAIMS}), encoding="utf-8")
    status, lines = run_check(root, capsys)
    assert status == 1
    assert any("missing 'source:'" in line for line in lines)


def test_export_json_has_sources_with_text_and_claims_with_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_corpus(tmp_path)
    assert main(["corpus", "--data", str(root), "export", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in document["sources"]] == ["sample"]
    assert document["sources"][0]["text"].startswith("样例文章标题")
    assert document["sources"][0]["date"] == "2023-09-03"
    exported = {c["id"]: c for c in document["claims"]}
    assert set(exported) == {c["id"] for c in CLAIMS}
    first = exported["sample-open-source-cold-start"]
    assert first["source"] == "sample"
    assert first["takeaway"] == 8
    assert {"id", "text", "en", "quote", "speaker", "topics", "kind", "digest"} <= set(first)


def test_export_json_includes_every_registry_with_the_glossary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_corpus(tmp_path)
    assert main(["corpus", "--data", str(root), "export", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert {p["id"] for p in document["people"]} == {p["id"] for p in PEOPLE}
    assert {t["id"] for t in document["topics"]} == {t["id"] for t in TOPICS}
    assert [(e["id"], e["name"], e["aliases"]) for e in document["glossary"]] == [
        (e["id"], e["name"], e["aliases"]) for e in ENTITIES
    ]


def test_stats_counts_claims_per_source_topic_and_speaker(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_corpus(tmp_path)
    assert main(["corpus", "--data", str(root), "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["claims"] == 3
    assert stats["sources"] == {"sample": 3}
    assert stats["speakers"] == {"sample-press": 2, "li-kaifu": 1}
    assert stats["topics"] == {"compute": 1, "talent": 1, "open-source": 1}


def test_commands_on_a_broken_corpus_report_instead_of_crashing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_corpus(tmp_path)
    (root / "topics.yaml").write_text("topics:\n  - id: compute\n    zh: [\n", encoding="utf-8")
    assert main(["corpus", "--data", str(root), "stats"]) == 1
    err = capsys.readouterr().err
    assert "topics.yaml:" in err and "malformed YAML" in err


def test_check_reports_missing_knowledge_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = run_check(tmp_path / "nowhere", capsys)
    assert status == 1
    assert "knowledge base folder not found" in lines[0]


def test_bundled_corpus_passes_check() -> None:
    corpus, problems = check_corpus()
    assert problems == []
    assert len(corpus.claims) >= 150
    for source in corpus.sources.values():
        if source.derived_from is None:  # a digest of another source carries only what that one lacks
            assert sum(c.source_id == source.id for c in corpus.claims) >= 20, f"{source.id} is thin"
    # Every one of the 25 takeaways of seed 001 is on some claim; a takeaway of two views is on two.
    assert {c.takeaway for c in corpus.claims if c.takeaway is not None} == set(range(1, 26))


def test_a_takeaway_split_across_claims_is_not_a_defect(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = run_check(write_corpus(tmp_path, claims=[claim(takeaway=8), *CLAIMS[1:]]), capsys)
    assert status == 0, lines


def break_people_yaml(root: Path) -> Path:
    path = root / "people.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "    zh: [unclosed")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_broken_registry_is_reported_as_itself_not_as_its_consequences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_corpus(tmp_path)
    path = break_people_yaml(root)
    status, lines = run_check(root, capsys)
    assert status == 1
    assert lines[0].startswith(f"{path}:") and "malformed YAML" in lines[0]
    assert int(lines[0].split(":")[1]) >= 1
    assert not [line for line in lines if "unknown speaker" in line]


def test_a_broken_registry_is_the_first_problem_when_loading(tmp_path: Path) -> None:
    root = write_corpus(tmp_path, claims=[claim(topics=["weather"]), *CLAIMS[1:]])
    break_people_yaml(root)
    with pytest.raises(CorpusError) as error:
        load_corpus(root)
    first = error.value.problems[0]  # before claims/sample.yaml's unknown topic, which sorts first
    assert first.path.endswith("people.yaml") and first.line >= 1 and first.message.startswith("malformed YAML")
    assert str(error.value).startswith(str(first))
    assert not [p for p in error.value.problems if "unknown speaker" in p.message]


def test_a_paraphrase_of_the_quote_is_grounded(tmp_path: Path) -> None:
    paraphrase = claim(text="样例媒体认为,算力短缺是长期问题,全球创业者都需要面对。")
    root = write_corpus(tmp_path, claims=[paraphrase, *CLAIMS[1:]])
    _, problems = check_corpus(root)
    assert not [p for p in problems if "runs past" in p.message]
