"""Scoring a tool's benchmark results: per page once, then per split by aggregation.

Every number comes from the shared scorer (``../shared/bench/score.py``): shingle counts per
page (``page_counts``) are computed once per tool and set and aggregated per split with
``aggregate`` — exactly what ``score_shingles`` does on that subset —, snippets and metadata
with ``score_snippets`` / ``score_metadata`` on the subset.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCORE_PY = REPO / ".." / "shared" / "bench" / "score.py"


def load_score(path: Path = SCORE_PY):
    """Import the shared scorer by path, or ``None`` when it is absent."""
    path = Path(os.environ.get("DECRUFT_SCORE_PY", path))
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("decruft_bench_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def load_gold(corpus: Path, kind: str, limit: int | None) -> list[dict]:
    """The gold of every page of ``corpus`` that has the input ``kind`` needs, by id."""
    suffix = ".html" if kind == "html" else ".txt"
    golds = []
    for path in sorted(corpus.glob("*.json")):
        if path.name.startswith("MANIFEST"):
            continue
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if not isinstance(gold, dict) or "id" not in gold:
            continue
        if (corpus / f"{gold['id']}{suffix}").exists():
            golds.append(gold)
    return golds[:limit] if limit else golds


def as_list(value) -> list[str]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def gold_meta(gold: dict) -> dict:
    return {"title": gold.get("title"), "byline": gold.get("byline") or gold.get("author"),
            "date": gold.get("date")}


def page_scores(score, golds: list[dict], result: dict) -> dict[str, dict]:
    """Per page: the prediction, shingle counts/P/R/F1 where there is gold text, snippet
    counts where there are snippets, metadata verdicts where the tool gives metadata."""
    res = result.get("results", {})
    pages: dict[str, dict] = {}
    for g in golds:
        out = res.get(g["id"], {})
        pred = out.get("text") or ""
        page = {"text": pred, "cpu": out.get("cpu", 0.0), "error": out.get("error"),
                "meta": {k: out.get(k) for k in ("title", "byline", "date") if k in out}}
        if g.get("gold_text"):
            counts = score.page_counts(g["gold_text"], pred)
            agg = score.aggregate([counts])
            page.update(counts=counts, f1=agg["f1"], p=agg["precision"], r=agg["recall"])
        must, must_not = as_list(g.get("must_contain")), as_list(g.get("must_not_contain"))
        if must or must_not:
            page["snippets"] = score.snippet_counts(must, must_not, pred)
        if page["meta"]:
            gm = gold_meta(g)
            tests = {"title": score.title_exact, "byline": score.byline_lenient,
                     "date": score.date_same_day}
            page["meta_ok"] = {k: test(gm[k], page["meta"].get(k)) for k, test in tests.items()
                               if score.norm_ws(str(gm[k]) if gm[k] else "")}
        pages[g["id"]] = page
    return pages


def summarize(score, golds: list[dict], pages: dict[str, dict], result: dict) -> dict:
    """All metrics of one tool on the pages ``golds`` (a split of a set)."""
    sel = [pages[g["id"]] for g in golds]
    row: dict = {"n": len(golds), "empty": sum(1 for p in sel if not p["text"].strip()),
                 "errors": sum(1 for p in sel if p["error"])}
    counted = [(g["id"], p) for g, p in zip(golds, sel) if "counts" in p]
    if counted:
        agg = score.aggregate([p["counts"] for _, p in counted])
        row.update(P=agg["precision"], R=agg["recall"], F1=agg["f1"])
        row["page_f1"] = {pid: (p["f1"], p["p"], p["r"]) for pid, p in counted}
    snip = [(g, p) for g, p in zip(golds, sel) if "snippets" in p]
    if snip:
        s = score.score_snippets([(as_list(g.get("must_contain")), as_list(g.get("must_not_contain")))
                                  for g, _ in snip], [p["text"] for _, p in snip])
        row.update(snipF1=s["f1"], found=s["must_found"], leaked=s["must_not_leaked"])
    #: The set's headline score: shingle F1 where it has gold text, else snippet F1.
    row["score"] = row.get("F1", row.get("snipF1"))
    if any(p["meta"] for p in sel):
        gm = [gold_meta(g) for g in golds]
        pm = [{k: p["meta"].get(k) for k in ("title", "byline", "date")} for p in sel]
        m = score.score_metadata(gm, pm)
        row.update(title=m.get("title_exact"), byline=m.get("byline_lenient"),
                   date=m.get("date_same_day"))
        if any(v for g in gm for v in g.values()):
            row["meta_pairs"] = (gm, pm)
    row["cpu_ms"] = 1000 * sum(p["cpu"] for p in sel) / len(sel) if sel else 0.0
    done = len(result.get("results", {}))
    row["pages_s"] = done / result["wall"] if result.get("wall") else 0.0
    row["rss_mb"] = result.get("rss_mb", 0.0)
    return row
