"""Judging search results against phrases of the source articles (the evaluation protocol).

A result is relevant when its quote (or, failing that, its text) shares a run of at least
min(10, len(phrase)) characters with one of the phrases, both folded: NFKC, lower case, no white
space, punctuation or symbols. A case with no phrases is off-topic: it passes with no results.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

EVAL_FILE = Path(__file__).resolve().parent / "search_eval.yaml"


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] not in "PS")


def longest_common_run(a: str, b: str) -> int:
    best = 0
    previous = [0] * (len(b) + 1)
    for ca in a:
        current = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def is_relevant(quote: str, text: str, phrases: list[str]) -> bool:
    body = fold(quote or text)
    for phrase in phrases:
        folded = fold(phrase)
        if folded and longest_common_run(body, folded) >= min(10, len(folded)):
            return True
    return False


@dataclass(frozen=True)
class Figures:
    mrr5: float
    hit1: float
    hit3: float
    offtopic: float
    queries: int
    misses: tuple[str, ...]

    def __str__(self) -> str:
        return (
            f"MRR@5={self.mrr5:.3f} hit@1={self.hit1:.2f} hit@3={self.hit3:.2f} "
            f"offtopic={self.offtopic:.2f} queries={self.queries}"
        )


def load_cases(path: Path = EVAL_FILE, *, kind: str | None = None) -> list[dict]:
    """All cases, or only those of one ``kind`` ("natural": questions as people ask them; "keyword":
    the rest, written in the articles' own words)."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    if kind is None:
        return cases
    return [c for c in cases if c.get("kind", "keyword") == kind]


def score(cases: list[dict], results: list[list[tuple[str, str]]]) -> Figures:
    """``results[i]``: (quote, text) of what the search showed for case i, best first."""
    rr: list[float] = []
    hit1 = hit3 = off_ok = off_n = 0
    misses: list[str] = []
    for case, shown in zip(cases, results, strict=True):
        phrases = case.get("snippets") or []
        if not phrases:
            off_n += 1
            if shown:
                misses.append(f"off-topic answered: {case['query']!r}")
            else:
                off_ok += 1
            continue
        rank = next((i for i, (q, t) in enumerate(shown[:5], 1) if is_relevant(q, t, phrases)), 0)
        rr.append(1.0 / rank if rank else 0.0)
        hit1 += rank == 1
        hit3 += 1 <= rank <= 3
        if rank != 1:
            misses.append(f"rank {rank or '>5'}: {case['query']!r}")
    on = max(len(rr), 1)
    return Figures(sum(rr) / on, hit1 / on, hit3 / on, off_ok / off_n if off_n else 1.0, len(cases), tuple(misses))
