"""The near-duplicate check's paraphrase rule: one point told twice in other words, found with the
shipped claim vectors (written here by hand: the embedder is not the point) and the claims' wording."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bot.cli import main
from knowledge.claim_passages import claim_passage, content_hash
from knowledge.loader import read_corpus
from knowledge.paraphrase import PARAPHRASE_SCORE, TOPIC_WEIGHT, Wording
from knowledge.search.vectors import ClaimVectors, save_claim_vectors
from tests.corpus_factory import CLAIMS, claim, write_corpus

SOURCE_TEXT = """样例文章标题

第一段:算力短缺是个长期问题,全球创业者都要面对。

第二段:李开复认为,Infra 团队必须比模型团队还要强大。

第三段:开源模型降低了冷启动的成本,对创业者这并不丢人。

小标题:H100 短缺将持续到 2025 年

第四段:英伟达的 H100 供不应求的局面会持续到 2025 年,创业公司普遍租不到卡,只能排队等待云厂商的配额。

第五段:创业公司买不到足够的 GPU,这个局面短期内不会改变。

第六段:另一方面,数据标注的外包价格今年下降了一半。

第七段:算力一直不够用,这不是一两年能缓解的,创业团队只能省着用。
"""

# A restatement of sample-compute-shortage from another sentence of the article.
PARAPHRASE = claim(
    id="sample-gpu-scarce-for-long",
    text="创业公司长期买不到足够的 GPU,算力短缺短期内不会改变。",
    en="Startups cannot buy enough GPUs, and the compute shortage will not change soon.",
    quote="创业公司买不到足够的 GPU,这个局面短期内不会改变。",
)
# A section title, then its paragraph saying that and more: the title's claim is held in the other.
LONGER = claim(
    id="sample-h100-until-2025",
    text="英伟达 H100 供不应求会持续到 2025 年,创业公司租不到卡,只能排队等云厂商的配额。",
    en="Nvidia's H100 shortage will last until 2025; startups cannot rent cards and queue for cloud quotas.",
    quote="英伟达的 H100 供不应求的局面会持续到 2025 年,创业公司普遍租不到卡,只能排队等待云厂商的配额。",
)
CONTAINED = claim(
    id="sample-h100-short-2025",
    text="H100 短缺将持续到 2025 年。",
    en="The H100 shortage will last until 2025.",
    quote="H100 短缺将持续到 2025 年",
)
# Same subject as sample-compute-shortage (compute, startups), a different fact.
DISTINCT = claim(
    id="sample-labelling-price-halved",
    text="数据标注的外包价格今年下降了一半。",
    en="Outsourced data labelling prices halved this year.",
    quote="数据标注的外包价格今年下降了一半。",
)


# sample-compute-shortage's point in other words: one character pair (算力) in common with it.
REWORDED = claim(
    id="sample-cards-short-for-years",
    text="算力一直不够用,一两年内缓解不了。",
    en="Compute has been short all along and it will not ease within a year or two.",
    quote="算力一直不够用,这不是一两年能缓解的",
)


def write_with_vectors(root: Path, claims: list[dict[str, Any]], near: dict[tuple[str, str], float]) -> Path:
    """A corpus whose shipped vectors make each pair in ``near`` this close (cosine), every other pair apart."""
    write_corpus(root, claims=claims, source_text=SOURCE_TEXT)
    corpus, problems = read_corpus(root)
    assert not problems
    ids = [c.id for c in corpus.claims]
    matrix = np.eye(len(ids), dtype=np.float32)
    for (first, second), cosine in near.items():
        row = ids.index(second)
        matrix[row] = 0
        matrix[row, ids.index(first)] = cosine
        matrix[row, row] = math.sqrt(1 - cosine**2)
    hashes = tuple(content_hash("test-vectors", claim_passage(c)) for c in corpus.claims)
    save_claim_vectors(ClaimVectors("test-vectors", tuple(ids), hashes, matrix), root / "index")
    return root


def check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(["corpus", "--data", str(root), "check"])
    return status, capsys.readouterr().out.strip().splitlines()


@pytest.mark.parametrize(
    ("injected", "first", "second"),
    [
        (PARAPHRASE, "sample-compute-shortage", "sample-gpu-scarce-for-long"),
        (CONTAINED, "sample-h100-until-2025", "sample-h100-short-2025"),
    ],
    ids=["paraphrase", "containment"],
)
def test_one_point_told_twice_is_one_line_naming_both(
    injected: dict[str, Any], first: str, second: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = [*CLAIMS, LONGER, injected]
    root = write_with_vectors(tmp_path, claims, {(first, second): 0.95})
    status, lines = check(root, capsys)
    assert status == 1
    flagged = [line for line in lines if "same point" in line]
    assert len(flagged) == 1, lines
    path, line_number, rest = flagged[0].split(":", 2)
    assert Path(path) == root / "claims" / "sample.yaml" and line_number.isdigit()
    text = Path(path).read_text(encoding="utf-8").splitlines()
    assert text[int(line_number) - 1].endswith(f"id: {second}")
    assert rest.startswith(f" {second}: may make the same point as claim {first!r}")
    assert f"distinct_from: [{first}]" in rest


def test_a_distinct_claim_on_the_same_subject_is_not_flagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As close in meaning as the duplicates above, but sharing no rare wording.
    root = write_with_vectors(
        tmp_path, [*CLAIMS, DISTINCT], {("sample-compute-shortage", "sample-labelling-price-halved"): 0.95}
    )
    status, lines = check(root, capsys)
    assert status == 0, lines


def test_distinct_from_records_a_curators_judgement(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    judged = {**PARAPHRASE, "distinct_from": ["sample-compute-shortage"]}
    root = write_with_vectors(tmp_path, [*CLAIMS, judged], {("sample-compute-shortage", judged["id"]): 0.95})
    status, lines = check(root, capsys)
    assert status == 0, lines


@pytest.mark.parametrize(
    ("listed", "message"),
    [
        ("sample-no-such-claim", "distinct_from names unknown claim 'sample-no-such-claim'"),
        ("sample-gpu-scarce-for-long", "distinct_from names the claim itself"),
    ],
)
def test_distinct_from_must_name_another_claim(
    listed: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_corpus(tmp_path, claims=[*CLAIMS, {**PARAPHRASE, "distinct_from": [listed]}], source_text=SOURCE_TEXT)
    status, lines = check(root, capsys)
    assert status == 1
    assert any("claims/sample.yaml:" in line and message in line for line in lines), lines


def test_claims_without_a_current_vector_are_not_compared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_with_vectors(tmp_path, [*CLAIMS, PARAPHRASE], {("sample-compute-shortage", PARAPHRASE["id"]): 0.95})
    claims_file = root / "claims" / "sample.yaml"
    # Edited after `lundao index build`: its saved vector is another text's, so it is left out.
    claims_file.write_text(claims_file.read_text(encoding="utf-8").replace("算力短缺短期内", "算力紧张短期内"), "utf-8")
    status, lines = check(root, capsys)
    assert status == 0, lines
    # Said, not hidden: the curator is told to rebuild the vectors (a note, not a failure).
    assert any(
        "1 claim(s) not compared for paraphrases" in line and "(first: sample-gpu-scarce-for-long)" in line
        for line in lines
    ), lines
    # A knowledge base that ships no vectors is not compared, and not nagged.
    no_index = write_corpus(tmp_path / "no-index", claims=[*CLAIMS, PARAPHRASE], source_text=SOURCE_TEXT)
    status, lines = check(no_index, capsys)
    assert status == 0 and len(lines) == 1, lines


@pytest.mark.parametrize(("topics", "flagged"), [(["compute"], True), (["compute", "talent"], False)])
def test_the_topics_a_curator_gave_both_count_when_the_words_differ(
    topics: list[str], flagged: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A restatement that shares almost no wording: meaning alone puts it just under the line, so what
    # decides is whether the curator filed it under the same topics (compute) or under others as well.
    injected = {**REWORDED, "topics": topics}
    claims = [*CLAIMS, injected]
    corpus, problems = read_corpus(write_corpus(tmp_path / "probe", claims=claims, source_text=SOURCE_TEXT))
    assert not problems
    wording = Wording.of(corpus).overlap("sample-compute-shortage", REWORDED["id"])
    assert wording < PARAPHRASE_SCORE - 1  # the words alone do not carry it, even at a cosine of 1
    cosine = PARAPHRASE_SCORE - wording - 0.9 * TOPIC_WEIGHT
    root = write_with_vectors(tmp_path / "kb", claims, {("sample-compute-shortage", REWORDED["id"]): cosine})
    status, lines = check(root, capsys)
    assert (status == 1) is flagged, lines
    assert (
        any(f"{REWORDED['id']}: may make the same point as claim 'sample-compute-shortage'" in line for line in lines)
        is flagged
    )
