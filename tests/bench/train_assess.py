"""Train the page-type and confidence models shipped in ``convert/extract/assess/weights.json``.

    python -m tests.bench.train_assess [--corpus DIR] [--cache FILE] [--write]
                                       [--oof-types FILE.json]

Every page of the development corpus is parsed by the installed ``convert`` (HTML pages and
their text dumps), and the signals behind each verdict are recorded. The models are fitted on
the **tune** pages only: the ids in ``tests/bench/splits/<set>.check.txt`` are sealed and used
for the report alone.

* page type: multinomial logistic regression on ``wcxb-dev`` + ``wcxb-dev-extra`` labels, with
  the tune pages of ``readability`` and ``dragnet`` as extra articles. It reads the
  page-level signals only (``record["page"]``: what ``assess.page_type`` has before content
  extraction), never the extracted body's, so what it learns is what it is given in use;
* confidence: logistic regression of the page's shingle F1 (``../shared/bench/score.py`` against
  ``gold_text``), fitted as a soft label (each page counts as a positive with weight F1 and a
  negative with weight 1 - F1), so its output is a calibrated estimate of F1. Its page-type
  inputs on tune pages are out-of-fold predictions, as they will be on unseen pages.

Before fitting, the shipped models are reported on the check pages as the pages were parsed
(what users get). Needs numpy and scikit-learn (benchmark-only; never runtime dependencies). Deterministic:
fixed folds and solver, weights rounded to 6 significant digits.

What was tried and not adopted, with its numbers: ``tests/bench/page-type-experiments.md``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / ".." / "shared" / "corpus"
SPLITS = Path(__file__).resolve().parent / "splits"
WEIGHTS = REPO / "convert" / "extract" / "assess" / "weights.json"
TYPED_SETS = ("wcxb-dev", "wcxb-dev-extra")
ARTICLE_SETS = ("readability", "dragnet")
TEXT_ONLY_SETS = ("dumps",)
TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")


def check_ids(name: str) -> set[str]:
    path = SPLITS / f"{name}.check.txt"
    return {line.strip() for line in path.read_text().splitlines()
            if line.strip() and not line.startswith("#")}


def page_f1(score, gold: str, pred: str) -> float:  # noqa: ANN001
    tp, fp, fn = score.page_counts(gold, pred)
    p = score._page_precision(tp, fp, fn)
    r = score._page_recall(tp, fp, fn)
    return 2 * p * r / (p + r) if p + r else 0.0


def collect(corpus: Path) -> list[dict]:
    """One record per (page, kind): its set, id, split, label, F1 and signals."""
    import convert
    from convert.errors import DecruftError
    from convert.textutil import article_text
    from convert.extract.html import pipeline as html_pipeline
    from convert.extract.text import pipeline as text_pipeline
    from tests.bench.metrics import load_score
    score = load_score()

    seen: dict = {}
    real = html_pipeline.assess

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003
        verdict = real(*args, **kwargs)
        seen["signals"] = dict(verdict.signals)
        seen["page"] = dict(args[1])
        return verdict

    html_pipeline.assess = text_pipeline.assess = spy
    records = []
    for name in (*TYPED_SETS, *ARTICLE_SETS, *TEXT_ONLY_SETS):
        folder = corpus / name
        sealed = check_ids(name)
        for gold_path in sorted(folder.glob("*.json")):
            if gold_path.name.startswith("MANIFEST"):
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            pid = gold_path.stem
            label = gold.get("page_type") or ("article" if name in ARTICLE_SETS else None)
            for kind, suffix in (("html", ".html"), ("text", ".txt")):
                path = folder / (pid + suffix)
                if not path.exists():
                    continue
                seen.clear()
                try:
                    article = convert.parse(path.read_bytes(), kind=kind, location=str(path))
                    # The body as the benchmark scores it (figure captions left out).
                    text = article_text(article, captions=False)
                    if article.meta.subtitle:
                        text = article.meta.subtitle + "\n\n" + text
                except DecruftError:
                    text = ""
                if "signals" not in seen:
                    continue  # no body at all: nothing was judged
                f1 = page_f1(score, gold["gold_text"], text) if gold.get("gold_text") else None
                records.append({"set": name, "id": pid, "kind": kind, "check": pid in sealed,
                                "label": label, "f1": f1, "signals": seen["signals"],
                                "page": seen["page"]})
        print(f"{name}: {len(records)} pages judged so far", file=sys.stderr)
    return records


# --------------------------------------------------------------------------- fitting

#: Signals the page-type model does not read (its own output, for one).
TYPE_EXCLUDE: tuple[str, ...] = ("type:",)


def _page_features(signals: dict) -> dict:
    return {k: v for k, v in signals.items()
            if not k.startswith(TYPE_EXCLUDE)}


def _type_input(r: dict) -> dict:
    """The page-type model's input: the page-level signals alone (what
    :func:`convert.extract.assess.page_type` has before extraction), never the body's."""
    return _page_features(r["page"])


def _fold(scaler, clf, names: list[str], classes: list[str]) -> dict:  # noqa: ANN001
    """The fitted (scaler, logistic regression) as one sparse linear model on raw features."""
    import numpy as np
    coef = clf.coef_ / scaler.scale_
    bias = clf.intercept_ - coef @ scaler.mean_
    weights = {}
    for j, name in enumerate(names):
        row = [float(f"{v:.6g}") for v in coef[:, j]]
        if any(row):
            weights[name] = row
    # The training mean of each weighed feature: ``inspect`` explains a verdict by each
    # feature's weight × (value - mean), what it adds to the logit over a typical page.
    means = {name: float(f"{scaler.mean_[j]:.6g}") for j, name in enumerate(names)
             if name in weights}
    return {"classes": [str(c) for c in classes], "bias": [float(f"{v:.6g}") for v in np.atleast_1d(bias)],
            "weights": dict(sorted(weights.items())), "means": dict(sorted(means.items()))}


def fit_types(train: list[dict], c: float):  # noqa: ANN201
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler
    vec = DictVectorizer(sparse=False, sort=True)
    x = vec.fit_transform([_type_input(r) for r in train])
    y = [r["label"] for r in train]
    w = [r.get("weight", 1.0) for r in train]
    scaler = StandardScaler().fit(x, sample_weight=w)
    clf = LogisticRegression(C=c, max_iter=5000, solver="lbfgs")
    clf.fit(scaler.transform(x), y, sample_weight=w)
    return _fold(scaler, clf, list(vec.get_feature_names_out()), list(clf.classes_))


def fit_confidence(train: list[dict], c: float):  # noqa: ANN201
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler
    vec = DictVectorizer(sparse=False, sort=True)
    x = vec.fit_transform([r["signals"] for r in train])
    f1 = np.array([r["f1"] for r in train])
    scaler = StandardScaler().fit(x)
    xs = scaler.transform(x)
    clf = LogisticRegression(C=c, max_iter=5000, solver="lbfgs")
    clf.fit(np.vstack([xs, xs]), np.r_[np.ones(len(f1)), np.zeros(len(f1))],
            sample_weight=np.r_[f1, 1 - f1] + 1e-9)
    model = _fold(scaler, clf, list(vec.get_feature_names_out()), ["good"])
    # One class: the binary model's weights are those of the positive class.
    return model


def out_of_fold_types(train: list[dict], c: float, folds: int = 5) -> None:
    """Replace the ``type:*`` signals of tune pages by out-of-fold predictions."""
    from convert.extract.assess import linear
    for k in range(folds):
        part = [r for i, r in enumerate(train) if i % folds != k]
        model = fit_types([r for r in part if r["label"] in TYPES], c)
        for i, r in enumerate(train):
            if i % folds == k:
                probs = linear.softmax_scores(model, _type_input(r))
                for key in [s for s in r["signals"] if s.startswith("type:")]:
                    del r["signals"][key]
                r["signals"].update(("type:" + t, p) for t, p in probs.items())


# --------------------------------------------------------------------------- reporting

def spearman(a: list[float], b: list[float]) -> float:
    def ranks(v: list[float]) -> list[float]:
        order = sorted(range(len(v)), key=v.__getitem__)
        r = [0.0] * len(v)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2
            i = j + 1
        return r
    ra, rb = ranks(a), ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = math.sqrt(sum((x - ma) ** 2 for x in ra))
    vb = math.sqrt(sum((y - mb) ** 2 for y in rb))
    return cov / (va * vb) if va and vb else 0.0


def oof_type_report(tune: list[dict], c: float, folds: int = 5) -> float:
    """Out-of-fold page-type accuracy and confusion matrix of the labelled tune pages: each
    fold's pages judged by a model fitted on the other folds (what model selection reads,
    since the fitted model is near-perfect on its own training pages)."""
    models = []
    for k in range(folds):
        models.append(fit_types([r for i, r in enumerate(tune) if i % folds != k], c))
    judged = [(r, models[i % folds]) for i, r in enumerate(tune) if r["set"] in TYPED_SETS]
    return type_report(None, [r for r, _ in judged],
                       f"out-of-fold ({folds} folds) tune split of {' + '.join(TYPED_SETS)}",
                       models=[m for _, m in judged])


#: Repeated cross-validation: this many shuffled stratified splits of the tune pages into
#: :data:`FOLDS` folds (seeds 0 .. REPEATS-1). One fixed split moves by +-0.01 from one
#: shuffle to the next on 624 pages, as much as most candidate changes; the mean over
#: repeats is what model selection reads.
REPEATS = 5
FOLDS = 5


def repeated_oof(tune: list[dict], c: float, repeats: int = REPEATS, folds: int = FOLDS,
                 fit=None) -> tuple[float, float, dict]:  # noqa: ANN001
    """Out-of-fold page-type accuracy of the labelled tune pages over ``repeats`` shuffled
    stratified ``folds``-fold splits: (mean, standard deviation over the repeats, the
    confusion counts summed over them). ``fit(train, c)`` fits a model (:func:`fit_types`
    by default); the extra articles take part in the fits, only the typed sets are judged."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold
    from convert.extract.assess import OTHER_BELOW, linear
    fit = fit or fit_types
    labels = [r["label"] + ("" if r["set"] in TYPED_SETS else "+extra") for r in tune]
    accs = []
    matrix: dict = {}
    for seed in range(repeats):
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
        right = judged = 0
        for train_i, test_i in splitter.split(np.zeros(len(tune)), labels):
            model = fit([tune[i] for i in train_i], c)
            for i in test_i:
                r = tune[i]
                if r["set"] not in TYPED_SETS:
                    continue
                probs = linear.softmax_scores(model, _type_input(r))
                guess = max(probs, key=probs.__getitem__)
                if probs[guess] < OTHER_BELOW:
                    guess = "other"
                matrix[(r["label"], guess)] = matrix.get((r["label"], guess), 0) + 1
                right += guess == r["label"]
                judged += 1
        accs.append(right / judged)
    return float(np.mean(accs)), float(np.std(accs)), matrix


def print_repeated(tune: list[dict], c: float, title: str) -> float:
    mean, sd, matrix = repeated_oof(tune, c)
    print(f"\n{title}: repeated out-of-fold ({REPEATS} x {FOLDS} folds) page-type accuracy "
          f"{mean:.3f} +- {sd:.3f}")
    labels = list(TYPES) + ["other"]
    print("gold \\ predicted (summed over repeats) " + " ".join(f"{t[:5]:>5}" for t in labels))
    for t in TYPES:
        print(f"{t:16} " + " ".join(f"{matrix.get((t, p), 0):5d}" for p in labels))
    return mean


def oof_verdicts(tune: list[dict], c: float, folds: int = 5) -> dict[str, list]:
    """Each tune page's out-of-fold verdict ``[type, probability]`` by ``"<set>/<id>"`` (the
    folds of :func:`oof_type_report`; ``other`` below ``OTHER_BELOW``): what the classifier
    says of a page it was not fitted on, for ``run --oracle-type FILE.json``."""
    from convert.extract.assess import OTHER_BELOW, linear
    models = [fit_types([r for i, r in enumerate(tune) if i % folds != k], c)
              for k in range(folds)]
    out = {}
    for i, r in enumerate(tune):
        probs = linear.softmax_scores(models[i % folds], _type_input(r))
        best = max(probs, key=probs.__getitem__)
        out[f"{r['set']}/{r['id']}"] = [best if probs[best] >= OTHER_BELOW else "other",
                                        round(probs[best], 6)]
    return out


def type_report(model: dict | None, pages: list[dict], title: str,
                models: list[dict] | None = None) -> float:
    """Accuracy and confusion matrix of ``model`` (or of ``models``, one per page)."""
    from convert.extract.assess import OTHER_BELOW, linear
    labels = list(TYPES) + ["other"]
    matrix = {a: dict.fromkeys(labels, 0) for a in labels}
    right = 0
    for n, r in enumerate(pages):
        probs = linear.softmax_scores(models[n] if models else model, _type_input(r))
        guess = max(probs, key=probs.__getitem__)
        if probs[guess] < OTHER_BELOW:
            guess = "other"
        matrix[r["label"]][guess] += 1
        right += guess == r["label"]
    acc = right / len(pages)
    print(f"\n{title}: page-type accuracy {acc:.3f} ({right}/{len(pages)})")
    short = {t: t[:5] for t in labels}
    print("gold \\ predicted " + " ".join(f"{short[t]:>5}" for t in labels))
    for t in TYPES:
        print(f"{t:16} " + " ".join(f"{matrix[t][p]:5d}" for p in labels))
    return acc


def confidence_report(model: dict, pages: list[dict], title: str) -> None:
    from convert.extract.assess import linear
    scored = [(linear.logistic_score(model, r["signals"]), r["f1"]) for r in pages]
    rho = spearman([s for s, _ in scored], [f for _, f in scored])
    scored.sort()
    tenth = max(1, len(scored) // 10)
    low = sum(f for _, f in scored[:tenth]) / tenth
    rest = sum(f for _, f in scored[tenth:]) / (len(scored) - tenth)
    mean_c = sum(s for s, _ in scored) / len(scored)
    mean_f = sum(f for _, f in scored) / len(scored)
    print(f"{title}: n={len(scored)} Spearman {rho:.3f}; mean F1 lowest-scored 10 % "
          f"{low:.3f} vs rest {rest:.3f}; mean confidence {mean_c:.3f} vs mean F1 {mean_f:.3f}")


def shipped_report(records: list[dict]) -> None:
    """The shipped models (``weights.json``, as the pages were parsed) on the sealed check
    pages: what users get today, before any refit below."""
    shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    for kind in ("html", "text"):
        check = [r for r in records if r["kind"] == kind and r["check"]]
        typed = [r for r in check if r["label"] in TYPES and r["set"] in TYPED_SETS]
        if f"pagetype_{kind}" in shipped and typed:
            type_report(shipped[f"pagetype_{kind}"], typed,
                        f"[{kind}] SHIPPED model, check split of {' + '.join(TYPED_SETS)}")
        graded = [r for r in check if r["f1"] is not None]
        for name in (TYPED_SETS, ARTICLE_SETS, TEXT_ONLY_SETS):
            part = [r for r in graded if r["set"] in name]
            if part and f"confidence_{kind}" in shipped:
                confidence_report(shipped[f"confidence_{kind}"], part,
                                  f"[{kind}] SHIPPED confidence, check split of {' + '.join(name)}")


def weights_source(models: dict) -> str:
    """The weights file: JSON, one feature per line (reviewable diffs)."""
    lines = ["{"]
    for n, (name, model) in enumerate(models.items()):
        lines.append(f"  {json.dumps(name)}: {{")
        lines.append(f"    \"classes\": {json.dumps(model['classes'])},")
        lines.append(f"    \"bias\": {json.dumps(model['bias'])},")
        lines.append("    \"weights\": {")
        rows = [f"      {json.dumps(k)}: {json.dumps(v)}" for k, v in model["weights"].items()]
        lines.append(",\n".join(rows))
        lines.append("    }")
        lines.append("  }" + ("," if n < len(models) - 1 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- main

#: Chosen by 5-fold cross-validation on the tune pages (0.03-1 tried; 0.3 best, 0.1 close;
#: repeated folds, session 9: 0.1 / 0.3 / 1.0 within 0.003 of each other).
TYPE_C = 0.3
CONF_C = 0.05
#: Extra articles (readability, dragnet) weigh this much each, so the labelled types are not
#: drowned by them.
EXTRA_ARTICLE_WEIGHT = 0.25


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--cache", type=Path, help="read/write the collected signals here")
    ap.add_argument("--write", action="store_true", help="rewrite the shipped weights")
    ap.add_argument("--keep-types", action="store_true",
                    help="with --write: keep the shipped page-type models, refit confidence only")
    ap.add_argument("--oof-types", type=Path, metavar="FILE.json",
                    help="write the html tune pages' out-of-fold page types here "
                    "(for run --oracle-type FILE.json)")
    ap.add_argument("--type-c", type=float, default=TYPE_C)
    ap.add_argument("--conf-c", type=float, default=CONF_C)
    args = ap.parse_args(argv)
    if args.cache and args.cache.exists():
        records = json.loads(args.cache.read_text())
    else:
        records = collect(args.corpus)
        if args.cache:
            args.cache.write_text(json.dumps(records))
    shipped_report(records)

    models = {}
    for kind in ("html", "text"):
        pages = [r for r in records if r["kind"] == kind]
        typed = [r for r in pages if r["label"] in TYPES]
        for r in typed:
            r["weight"] = EXTRA_ARTICLE_WEIGHT if r["set"] in ARTICLE_SETS else 1.0
        tune = [r for r in typed if not r["check"]]
        models[f"pagetype_{kind}"] = fit_types(tune, args.type_c)
        oof_type_report(tune, args.type_c)
        print_repeated(tune, args.type_c, f"[{kind}] tune split of {' + '.join(TYPED_SETS)}")
        if args.oof_types and kind == "html":
            args.oof_types.write_text(json.dumps(oof_verdicts(tune, args.type_c), indent=0),
                                      encoding="utf-8")
        check = [r for r in typed if r["check"] and r["set"] in TYPED_SETS]
        type_report(models[f"pagetype_{kind}"], check,
                    f"[{kind}] check split of {' + '.join(TYPED_SETS)}")
        from convert.extract.assess import linear
        for r in pages:  # sealed pages get the shipped model's verdict, as in use
            if r["check"] or r["label"] not in TYPES:
                probs = linear.softmax_scores(models[f"pagetype_{kind}"], _type_input(r))
                for key in [s for s in r["signals"] if s.startswith("type:")]:
                    del r["signals"][key]
                r["signals"].update(("type:" + t, p) for t, p in probs.items())
        out_of_fold_types([r for r in tune], args.type_c)
        graded = [r for r in pages if r["f1"] is not None]
        models[f"confidence_{kind}"] = fit_confidence([r for r in graded if not r["check"]],
                                                      args.conf_c)
        for name in (TYPED_SETS, ARTICLE_SETS, TEXT_ONLY_SETS):
            part = [r for r in graded if r["check"] and r["set"] in name]
            if part:
                confidence_report(models[f"confidence_{kind}"], part,
                                  f"[{kind}] confidence, check split of {' + '.join(name)}")
    if args.write:
        if args.keep_types:
            shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))
            models.update((k, v) for k, v in shipped.items() if k.startswith("pagetype_"))
            models = {k: models[k] for k in shipped if k in models} | models
        WEIGHTS.write_text(weights_source(models), encoding="utf-8")
        print(f"wrote {WEIGHTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
