"""Experiment (issue #13): would choosing the cascade's winner differently pay?

    python -m tests.bench.rerank collect --cache F [--sets ...] [--split tune|check]
                                          [--k 5] [--alts raw|disjoint] [--no-moves] [--jobs 2]
    python -m tests.bench.rerank headroom --cache F
    python -m tests.bench.rerank model --cache F

``collect`` parses every page of the sets with gold text through the installed ``convert``,
first as shipped, recording the ranked candidates of every pass (the benchmark hook
:data:`convert.extract.html.content.RERANK`, a function per pass level handed to
:func:`convert.extract.html.scoring.pick`, empty in use); then once per alternative, with
that candidate forced to the front of the ranking in the *accepted* pass, the rest of the
pipeline unchanged (``pick``'s moves, siblings, cleaning, later passes, profiles). Each run
keeps the page's shingle counts (``../shared/bench/score.py``, the benchmark's text: body
without captions, standfirst first) and the forced candidate's features (score, rank, ratio
to the best, length, share of the page, link density, paragraphs, list items, depth, tag,
inside <article>/<main>, holds the <h1>, under the headline, marked as the article, class
weight, commas, inside / around the best). Alternatives: ``raw`` ranks 1 .. k-1;
``disjoint`` the best candidates neither inside nor around one listed before (another region
of the page, not a wrapper of the same one); ``--no-moves`` takes the forced candidate as it
is (``pick``'s seven moving rules off in the forced runs; rank 0 unmoved is then an
alternative too). ``headroom`` prints the oracle: each page takes the best of the shipped
run and its first n alternatives; ``model`` fits an out-of-fold logistic model (5 folds
grouped by page, tune pages only) of "this alternative beats the shipped winner by > 0.02
page F1", which overrides the shipped winner only when it reaches a threshold.

Measured on 2026-12-07 (main 04da22f). Set F1 as the benchmark aggregates it (mean P, mean
R); pages whose content is not a cascade winner (fallback page, no content: 3 of 420 dragnet
tune pages, 1 of 91 readability, 2 of 352 wcxb-dev, 3 of 264 wcxb-dev-extra) are left out, so "shipped" is not the benchmark's
set number (dragnet tune 0.946 with them). The shipped runs reproduce the saved benchmark's
page F1 exactly (1118 of 1118 tune pages).

Oracle headroom on the **tune** pages (shipped → best of shipped + first n alternatives):

==========================  =====  =======  ======  ======  ======  ==============  ============
raw ranks, pick's moves on  pages  shipped  n = 2   n = 3   n = 5   pages gaining   P < 0.3
==========================  =====  =======  ======  ======  ======  ==============  ============
dragnet                     417    0.9493   0.9509  0.9514  0.9514  27              1 → 1
readability                 90     0.9661   0.9659  0.9659  0.9659  3               0 → 0
wcxb-dev (all types)        350    0.8936   0.8963  0.8964  0.8975  15              11 → 10
wcxb-dev articles           208    0.9607   0.9622  0.9623  0.9623  6               0 → 0
wcxb-dev-extra (all types)  261    0.8405   0.8429  0.8449  0.8452  20              18 → 18
wcxb-dev-extra articles     70     0.9549   0.9557  0.9580  0.9588  3               1 → 1
==========================  =====  =======  ======  ======  ======  ==============  ============

(pages gaining: the best alternative beats the shipped page F1 by more than 0.01.) The other
ways of choosing alternatives, same pages, dragnet / readability / wcxb-dev articles at n = 5:
``disjoint`` 0.9510 / 0.9655 / 0.9620; ``--no-moves`` (shipped + ranks 0-4 unmoved)
0.9550 / 0.9672 / 0.9676; ``disjoint --no-moves`` 0.9528 / 0.9665 / 0.9659.

**Every variant's oracle gains under 0.01 on dragnet tune** (+0.002 as the brief defines it,
+0.006 at most): the stop condition of the experiment. The top candidates are mostly the
winner's own wrappers (``holds_best``), which the moves and the siblings bring back to the
same content; where a different region wins, it is rarely better. The one dragnet tune page
with P < 0.3 among cascade winners scores 0 with every candidate (its gold is not the page's
main text); the other two are pages with no cascade winner.

The model anyway (tune, out of fold; shipped → with the model, pages overridden):
raw ranks, 4402 alternatives of 1118 pages, 131 positives: at C = 0.1 and thresholds 0.3 to
0.9 it overrides at most one page per set and changes no set's F1 by 0.0001; at C = 1,
t = 0.3 it loses (wcxb-dev-extra 0.8405 → 0.8377, 13 pages). ``--no-moves`` (3 sets, 180
positives): C = 1, t = 0.5: dragnet 0.9493 → 0.9496 (3 pages), readability 0.9661 → 0.9658,
wcxb-dev 0.8936 → 0.8919; t = 0.3 loses on all three. Nothing to adopt, so no check run of a
model and no shipped weights.

The **check** pages of dragnet, aggregates only, once, as the size of what a re-ranker could
ever reach there (180 pages with a cascade winner): shipped 0.9289; oracle raw with moves
0.9379 at n = 2..5, P < 0.3 pages 3 → 2; oracle ``--no-moves`` 0.9455 (n = 2), 0.9495
(n = 5), P < 0.3 pages 3 → 1. The gap between the splits is headroom that exists only on the
pages the rules were not fitted to: on tune the hand rules already pick the best candidate
nearly everywhere (47 dragnet tune alternatives gain over 0.02 against 324 that lose), so
there is nothing there for a learned re-ranker to learn these failures from.
Needs numpy and scikit-learn (benchmark-only).
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import sys
from pathlib import Path

from .metrics import load_score
from .train_assess import CORPUS, check_ids, page_f1

SETS = ("readability", "wcxb-dev", "wcxb-dev-extra", "dragnet")
#: Candidates of the accepted pass whose forced runs are measured (ranks 0 .. K-1).
K = 5
_TAGS = ("div", "article", "section", "main", "td", "body", "span", "li")


def _features(ranked: list, k: int) -> dict[str, float]:  # noqa: ANN001
    """What the pipeline already knows of the ``k``-th ranked candidate of a pass."""
    from convert.extract.html.articlemarks import marked_article, under_headline
    from convert.extract.html.dom import inside
    from convert.extract.html.measure import class_weight, commas, text_len
    cand, best = ranked[k], ranked[0]
    node = cand.node
    body, depth, in_article, in_main = node, 0, False, False
    up = node.parent
    while up is not None and up.tag not in ("html", "-document", "#document"):
        depth += 1
        in_article |= up.tag == "article"
        in_main |= up.tag == "main" or up.attributes.get("role") == "main"
        body = up
        up = up.parent
    page = max(text_len(body), 1)
    length = max(cand.length or text_len(node), 1)
    text = node.text(deep=True)
    words = max(len(text.split()), 1)
    paragraphs = len(node.css("p"))
    items = len(node.css("li"))
    f = {"rank": float(k), "log_score": math.log1p(max(cand.score, 0.0)),
         "score_ratio": cand.score / best.score if best.score > 0 else 0.0,
         "log_len": math.log1p(length), "len_ratio": length / max(best.length, 1),
         "share": length / page, "density": cand.density,
         "log_paragraphs": math.log1p(paragraphs), "log_items": math.log1p(items),
         "p_per_kchar": 1000 * paragraphs / length, "depth": float(depth),
         "in_article": float(in_article), "in_main": float(in_main),
         "has_h1": float(node.css_first("h1") is not None),
         "under_headline": float(under_headline([node])),
         "marked_article": float(marked_article([node])),
         "class_weight": class_weight(node) / 25.0,
         "commas_per_word": commas(text) / words,
         "holds_best": float(k > 0 and inside(best.node, node)),
         "inside_best": float(k > 0 and inside(node, best.node)),
         "n_ranked": math.log1p(len(ranked))}
    for tag in _TAGS:
        f["tag:" + tag] = float(node.tag == tag)
    return f


#: The rules of :func:`.scoring.pick` that move the winner after the ranking (``--no-moves``
#: switches them off in the forced runs: the forced candidate is taken as it is).
_MOVES = ("STRONG_CANDIDATES", "SAME_CLASS_PARTS", "ENCLOSING_ARTICLE", "PARENT_CLIMB",
          "HEADED_ARTICLE", "LONE_CHILD_UP")


def _alternatives(ranked: list, k: int, alts: str, moves: bool) -> list[int]:  # noqa: ANN001
    """Indices into ``ranked`` of the candidates forced to the front (0 always first, for
    its features). ``raw``: ranks 0 .. k-1. ``disjoint``: the best candidates each neither
    inside nor around one listed before (another region of the page, not a wrapper of the
    same one), up to k of them."""
    from convert.extract.html.dom import inside
    if alts == "raw":
        return list(range(min(k, len(ranked))))
    out = [0]
    for i in range(1, len(ranked)):
        if len(out) >= k:
            break
        node = ranked[i].node
        if not any(inside(node, ranked[j].node) or inside(ranked[j].node, node) for j in out):
            out.append(i)
    return out


def _page_runs(args: tuple[str, str, int, str, bool]) -> dict | None:
    """The page's forced runs: rank 0 (as shipped) to ``k``-1, each with its text and the
    features of the candidate forced to the front of the accepted pass."""
    html_path, gold_text, k, alts, moves = args
    import convert
    from convert.errors import DecruftError
    from convert.extract.html import content as C
    from convert.textutil import article_text
    state: dict = {}
    real = C.find_content

    def run(hooks: dict) -> str:
        calls = [0]

        def spy(*a, **kw):  # noqa: ANN002, ANN003, ANN202
            calls[0] += 1
            if calls[0] > 1:  # a type profile's own runs on parts of the page: as shipped
                return real(*a, **kw)
            C.RERANK.update(hooks)
            try:
                tree, found = real(*a, **kw)
            finally:
                C.RERANK.clear()
            state["level"] = found.level if found is not None else None
            state["winner"] = found.winner if found is not None else ""
            return tree, found
        C.find_content = spy
        try:
            article = convert.parse(Path(html_path).read_bytes(), kind="html",
                                    location=html_path)
        except DecruftError:
            return ""
        finally:
            C.find_content = real
        text = article_text(article, captions=False)
        sub = article.meta.subtitle
        return sub + "\n\n" + text if sub else text

    ranked_at: dict[int, list] = {}

    def recorder(level: int):  # noqa: ANN202
        def record(ranked: list) -> list:
            picks = _alternatives(ranked, k, alts, moves)
            ranked_at[level] = [(i, _features(ranked, i)) for i in picks]
            return ranked
        return record

    from convert.extract.html import scoring as S
    from convert.extract.html.measure import LEVELS
    base = run({level: recorder(level) for level in LEVELS})
    level = state.get("level")
    if level is None or level not in ranked_at:
        return None  # no cascade winner (fallback page, or none found)
    runs = [{"k": 0, "pos": 0, "text": base, "winner": state["winner"],
             "feats": ranked_at[level][0][1]}]
    saved = {name: getattr(S, name) for name in _MOVES}
    for pos, (i, feats) in enumerate(ranked_at[level]):
        if i == 0 and moves:
            continue

        def force(ranked: list, i: int = i) -> list:
            return [ranked[i]] + ranked[:i] + ranked[i + 1:]
        if not moves:
            for name in _MOVES:
                setattr(S, name, False)
        try:
            text = run({level: force})
        finally:
            for name, value in saved.items():
                setattr(S, name, value)
        runs.append({"k": i, "pos": pos, "text": text, "winner": state.get("winner", ""),
                     "level": state.get("level"), "feats": feats})
    return {"level": level, "runs": runs}


def collect(corpus: Path, sets: list[str], k: int, jobs: int, split: str, alts: str = "raw",
            moves: bool = True) -> list[dict]:
    score = load_score(corpus.parent / "bench" / "score.py")
    todo = []
    for name in sets:
        sealed = check_ids(name)
        for gold_path in sorted((corpus / name).glob("*.json")):
            if gold_path.name.startswith("MANIFEST"):
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            html = gold_path.with_suffix(".html")
            check = gold_path.stem in sealed
            if not gold.get("gold_text") or not html.exists() or (split == "tune" and check) \
                    or (split == "check" and not check):
                continue
            todo.append((name, gold_path.stem, check, gold.get("page_type") or "article",
                         gold["gold_text"], str(html)))
    args = [(html, gold_text, k, alts, moves) for _, _, _, _, gold_text, html in todo]
    if jobs > 1:
        from multiprocessing import Pool
        with Pool(jobs) as pool:
            results = pool.map(_page_runs, args, chunksize=4)
    else:
        results = [_page_runs(a) for a in args]
    pages = []
    for (name, pid, check, ptype, gold_text, _), res in zip(todo, results):
        if res is None:
            continue
        for r in res["runs"]:
            r["counts"] = score.page_counts(gold_text, r["text"])
            r["f1"] = page_f1(score, gold_text, r["text"])
            del r["text"]
        pages.append({"set": name, "id": pid, "check": check, "type": ptype, **res})
    return pages


def _agg(score, counts: list) -> float:  # noqa: ANN001
    return score.aggregate(counts)["f1"]


def headroom(pages: list[dict], score) -> None:  # noqa: ANN001
    groups: dict[str, list[dict]] = {}
    for p in pages:
        groups.setdefault(p["set"], []).append(p)
        if p["set"].startswith("wcxb") and p["type"] == "article":
            groups.setdefault(p["set"] + " articles", []).append(p)
    print(f"{'set':28} {'pages':>5} {'k=0':>6} " + " ".join(f"{'best' + str(n):>6}" for n in (2, 3, 5))
          + "  pages improved (K=5) / P<0.3 before->after")
    for name, group in sorted(groups.items()):
        row = [_agg(score, [p["runs"][0]["counts"] for p in group])]
        for n in (2, 3, 5):
            row.append(_agg(score, [max([r for r in p["runs"] if r["pos"] < n], key=lambda r: r["f1"])["counts"]
                                    for p in group]))
        better = sum(1 for p in group if max(r["f1"] for r in p["runs"]) > p["runs"][0]["f1"] + 0.01)
        low0 = sum(1 for p in group if score._page_precision(*p["runs"][0]["counts"]) < 0.3)
        low5 = sum(1 for p in group
                   if score._page_precision(*max(p["runs"], key=lambda r: r["f1"])["counts"]) < 0.3)
        print(f"{name:28} {len(group):5} " + " ".join(f"{v:6.4f}" for v in row)
              + f"  {better} / {low0}->{low5}")


#: Features whose difference from the shipped winner's (rank 0) the model also reads.
_DELTAS = ("log_score", "log_len", "share", "density", "log_paragraphs", "depth", "in_article",
           "under_headline", "marked_article", "has_h1", "class_weight", "commas_per_word",
           "p_per_kchar")
#: An alternative whose forced run gains more page F1 than this is a positive.
_GAIN = 0.02


def model(pages: list[dict], score, folds: int = 5) -> None:  # noqa: ANN001
    """Out-of-fold (folds grouped by page) logistic model of "this alternative beats the
    shipped winner": each page takes its most probable alternative when the probability
    reaches a threshold, else keeps the shipped winner. Tune pages only."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler
    pages = [p for p in pages if not p["check"]]
    names = sorted({n for p in pages for r in p["runs"] for n in r["feats"]})
    rows, labels, weights, where = [], [], [], []
    for pi, p in enumerate(pages):
        base = p["runs"][0]
        for ri, r in enumerate(p["runs"][1:], 1):
            gain = r["f1"] - base["f1"]
            rows.append([r["feats"].get(n, 0.0) for n in names]
                        + [r["feats"].get(n, 0.0) - base["feats"].get(n, 0.0) for n in _DELTAS])
            labels.append(gain > _GAIN)
            # (a large loss or gain matters more than a tie)
            weights.append(max(abs(gain), _GAIN))
            where.append((pi, ri))
    x, y, w = np.array(rows), np.array(labels), np.array(weights)
    fold = np.array([pi % folds for pi, _ in where])
    print(f"{len(pages)} tune pages, {len(y)} alternatives, {int(y.sum())} gain over {_GAIN}")
    for c in (0.1, 1.0):
        prob = np.zeros(len(y))
        for f in range(folds):
            train = fold != f
            scaler = StandardScaler().fit(x[train])
            clf = LogisticRegression(C=c, max_iter=2000).fit(
                scaler.transform(x[train]), y[train], sample_weight=w[train])
            prob[~train] = clf.predict_proba(scaler.transform(x[~train]))[:, 1]
        best: dict[int, tuple[float, int]] = {}
        for (pi, ri), pr in zip(where, prob):
            if pr > best.get(pi, (0.0, 0))[0]:
                best[pi] = (pr, ri)
        for t in (0.3, 0.5, 0.7, 0.9):
            cells = []
            for name in sorted({p["set"] for p in pages}):
                before, after, moved = [], [], 0
                for pi, p in enumerate(pages):
                    if p["set"] != name:
                        continue
                    pr, ri = best.get(pi, (0.0, 0))
                    moved += pr >= t
                    before.append(p["runs"][0]["counts"])
                    after.append(p["runs"][ri if pr >= t else 0]["counts"])
                cells.append(f"{name} {_agg(score, before):.4f}->{_agg(score, after):.4f} "
                             f"({moved})")
            print(f"C={c} t={t}: " + "; ".join(cells))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=("collect", "headroom", "model"))
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--sets", nargs="+", default=list(SETS))
    ap.add_argument("--split", choices=("tune", "check", "all"), default="tune")
    ap.add_argument("--k", type=int, default=K)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--alts", choices=("raw", "disjoint"), default="raw")
    ap.add_argument("--no-moves", action="store_true")
    ap.add_argument("--cache", type=Path, required=True)
    args = ap.parse_args(argv)
    score = load_score(args.corpus.parent / "bench" / "score.py")
    if args.what == "collect":
        pages = collect(args.corpus, args.sets, args.k, args.jobs, args.split, args.alts,
                        not args.no_moves)
        args.cache.write_bytes(pickle.dumps(pages))
        print(f"{len(pages)} pages", file=sys.stderr)
        return 0
    pages = pickle.loads(args.cache.read_bytes())
    if args.what == "headroom":
        headroom(pages, score)
    else:
        model(pages, score)
    return 0


if __name__ == "__main__":
    sys.exit(main())
