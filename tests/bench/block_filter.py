"""Experiment (issue #13): does a learned block filter beat the hand rules?

    python -m tests.bench.block_filter [--corpus DIR] [--cache FILE] [--model lr|gbt]

Every page of the sets with gold text (readability, wcxb-dev, wcxb-dev-extra, dragnet) is
parsed by the installed ``convert``; each top-level block of the result (sections and divs
opened) gets the features the pipeline could compute cheaply on its output — kind, length,
link share, position, share of the body, sentence ending, case and digit ratios, separators,
its neighbours' link share and length — and a label: at least half of its 4-word shingles are
in the gold text. A classifier (logistic regression, or gradient-boosted trees) is fitted on
the **tune** pages of all sets and, as a filter *after* the hand-written cascade, drops the
blocks it gives a keep-probability under a threshold. The threshold is chosen on the tune
pages' out-of-fold predictions (5 folds by page); the sealed check pages are scored once.

Measured on 2026-12-07 (main d1677b3; 40,660 tune blocks, 74 % kept by the gold), mean page
shingle F1 before → after the filter:

=========================  ================  ================  ================  ===============
tune, out of fold          readability       wcxb-dev          wcxb-dev-extra    dragnet
=========================  ================  ================  ================  ===============
logistic, t = 0.10         0.9617 → 0.9598   0.8575 → 0.8567   0.7932 → 0.7907   0.9307 → 0.9306
trees (150, depth 3), 0.10 0.9617 → 0.9452   0.8575 → 0.8476   0.7932 → 0.7831   0.9307 → 0.9282
check, logistic, t = 0.10  0.9813 → 0.9809   0.8600 → 0.8597   0.7791 → 0.7731   0.9175 → 0.9176
=========================  ================  ================  ================  ===============

Every threshold from 0.10 to 0.30 lowers every set, for both models: on top of the cascade's
rules the blocks left are ones these features cannot tell apart, so no learned filter ships.
(What a learned scorer *replacing* the cascade's candidate scoring would do is not measured:
that needs the cascade's per-candidate features exported, not its output's.) Needs numpy and
scikit-learn (benchmark-only).
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import re
import sys
from pathlib import Path

from .metrics import load_score
from .train_assess import CORPUS, check_ids, page_f1

SETS = ("readability", "wcxb-dev", "wcxb-dev-extra", "dragnet")
#: The last character of a block that ends a sentence.
_END = re.compile(r"[.!?:;\"”’)]\s*$")


def _link_chars(block) -> int:  # noqa: ANN001
    """Characters of text inside links, anywhere in ``block``."""
    from convert import article as A
    total = 0

    def inlines(items, inside: bool) -> None:  # noqa: ANN001
        nonlocal total
        for x in items:
            if isinstance(x, A.Text):
                total += len(x.text) if inside else 0
            elif hasattr(x, "children"):
                inlines(x.children, inside or isinstance(x, A.Link))

    def blocks(b) -> None:  # noqa: ANN001
        if hasattr(b, "children"):
            inlines(b.children, False)
        for attr in ("items", "blocks"):
            for c in getattr(b, attr, ()) or ():
                blocks(c)
        if isinstance(b, A.Table):
            for row in b.head + b.body:
                for cell in row.cells:
                    blocks(cell)

    blocks(block)
    return total


def _units(blocks):  # noqa: ANN001, ANN202
    for b in blocks:
        if type(b).__name__ in ("Div", "Section") and getattr(b, "blocks", None):
            yield from _units(b.blocks)
        else:
            yield b


def collect(corpus: Path) -> list[dict]:
    """One record per page: its set, split, gold, standfirst and labelled blocks."""
    import convert
    from convert.errors import DecruftError
    from convert.textutil import block_texts
    score = load_score(corpus.parent / "bench" / "score.py")
    pages = []
    for name in SETS:
        sealed = check_ids(name)
        for gold_path in sorted((corpus / name).glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            html = gold_path.with_suffix(".html")
            if gold_path.name.startswith("MANIFEST") or not gold.get("gold_text") \
                    or not html.exists():
                continue
            try:
                article = convert.parse(html.read_bytes(), kind="html", location=str(html))
            except DecruftError:
                continue
            wanted = score.shingles(gold["gold_text"])
            blocks = []
            for b in _units(article.blocks):
                text = "\n\n".join(block_texts([b], captions=False))
                if not text.strip():
                    continue
                have = score.shingles(text)
                inside = sum(min(n, wanted.get(k, 0)) for k, n in have.items())
                blocks.append({"kind": type(b).__name__, "text": text,
                               "links": _link_chars(b),
                               "items": len(getattr(b, "items", ()) or ()),
                               "label": inside / max(sum(have.values()), 1)})
            pages.append({"set": name, "check": gold_path.stem in sealed,
                          "gold": gold["gold_text"], "subtitle": article.meta.subtitle or "",
                          "blocks": blocks})
        print(f"{name}: {len(pages)} pages so far", file=sys.stderr)
    return pages


def features(page: dict) -> list[dict[str, float]]:
    """Each block's features (what the pipeline could compute on its output)."""
    blocks = page["blocks"]
    n = len(blocks)
    total = sum(len(b["text"]) for b in blocks) or 1
    out, before = [], 0
    for i, b in enumerate(blocks):
        text = b["text"]
        size, words = len(text), len(text.split())
        f = {"kind:" + b["kind"]: 1.0, "log_chars": math.log1p(size),
             "log_words": math.log1p(words), "links": b["links"] / max(size, 1),
             "position": i / max(n - 1, 1), "first": float(i == 0), "last": float(i == n - 1),
             "before": before / total, "share": size / total,
             "sentence_end": float(bool(_END.search(text))),
             "upper": sum(c.isupper() for c in text) / max(size, 1),
             "digits": sum(c.isdigit() for c in text) / max(size, 1),
             "separators": min(text.count("|") + text.count("•") + text.count("·"), 5),
             "short": float(words < 8), "items": math.log1p(b["items"]),
             "commas": text.count(",") / max(words, 1), "page_chars": math.log1p(total),
             "page_blocks": math.log1p(n),
             "copyright": float("©" in text or "copyright" in text.lower())}
        before += size
        for step, side in ((-1, "prev"), (1, "next")):
            if 0 <= i + step < n:
                other = blocks[i + step]
                f[side + "_links"] = other["links"] / max(len(other["text"]), 1)
                f[side + "_log_chars"] = math.log1p(len(other["text"]))
                f[side + "_heading"] = float(other["kind"] == "Heading")
        out.append(f)
    return out


def _matrix(pages: list[dict]):  # noqa: ANN202
    rows, keep, weight, where = [], [], [], []
    for p, page in enumerate(pages):
        for b, f in enumerate(features(page)):
            rows.append(f)
            keep.append(page["blocks"][b]["label"] >= 0.5)
            weight.append(math.log1p(len(page["blocks"][b]["text"])))
            where.append((p, b))
    return rows, keep, weight, where


def _filtered_f1(score, pages: list[dict], probs, where, threshold: float) -> dict:  # noqa: ANN001
    """Mean page F1 per set without / with the filter."""
    dropped = {pb for pb, pr in zip(where, probs) if pr < threshold}
    per_set: dict[str, list[tuple[float, float]]] = {}
    for p, page in enumerate(pages):
        lead = page["subtitle"] + "\n\n" if page["subtitle"] else ""
        texts = [b["text"] for b in page["blocks"]]
        kept = [t for b, t in enumerate(texts) if (p, b) not in dropped] or texts
        per_set.setdefault(page["set"], []).append(
            (page_f1(score, page["gold"], lead + "\n\n".join(texts)),
             page_f1(score, page["gold"], lead + "\n\n".join(kept))))
    return {s: (sum(a for a, _ in v) / len(v), sum(b for _, b in v) / len(v))
            for s, v in per_set.items()}


def main(argv: list[str] | None = None) -> int:
    import numpy as np
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--cache", type=Path, help="read/write the collected blocks here")
    ap.add_argument("--model", choices=("lr", "gbt"), default="lr")
    args = ap.parse_args(argv)
    if not all((args.corpus / s).is_dir() for s in SETS):
        print(f"corpus sets not found under {args.corpus}: nothing to measure")
        return 0
    if args.cache and args.cache.exists():
        pages = pickle.loads(args.cache.read_bytes())
    else:
        pages = collect(args.corpus)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(pages))
    score = load_score(args.corpus.parent / "bench" / "score.py")
    if score is None:
        print("the shared scorer (bench/score.py beside the corpus) is absent: nothing to measure")
        return 0
    tune = [p for p in pages if not p["check"]]
    check = [p for p in pages if p["check"]]
    vec = DictVectorizer(sparse=False)
    rows, keep, weight, where = _matrix(tune)
    x, y, w = vec.fit_transform(rows), np.array(keep), np.array(weight)
    crows, _, _, cwhere = _matrix(check)
    xc = vec.transform(crows)

    def fit_predict(train, test):  # noqa: ANN001, ANN202
        scaler = StandardScaler().fit(x[train])
        model = (LogisticRegression(C=1.0, max_iter=3000) if args.model == "lr" else
                 GradientBoostingClassifier(max_depth=3, n_estimators=150, random_state=0))
        model.fit(scaler.transform(x[train]), y[train], sample_weight=w[train])
        return model.predict_proba(scaler.transform(test))[:, 1]

    page_of = np.array([p for p, _ in where])
    oof = np.empty(len(y))
    for k in range(5):
        held = page_of % 5 == k
        oof[held] = fit_predict(~held, x[held])
    print(f"{len(y)} tune blocks, {y.mean():.1%} kept by the gold; model {args.model}")
    best, best_gain = 0.1, -1.0
    for t in (0.1, 0.15, 0.2, 0.25, 0.3):
        r = _filtered_f1(score, tune, oof, where, t)
        gain = sum(b - a for a, b in r.values()) / len(r)
        print(f"tune out of fold, t={t:.2f}: " + "  ".join(
            f"{s} {a:.4f} -> {b:.4f}" for s, (a, b) in r.items()))
        if gain > best_gain:
            best, best_gain = t, gain
    r = _filtered_f1(score, check, fit_predict(np.ones(len(y), bool), xc), cwhere, best)
    print(f"check, t={best:.2f}: " + "  ".join(
        f"{s} {a:.4f} -> {b:.4f}" for s, (a, b) in r.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
