"""Regression gate: shingle F1 / snippet F1 of the HTML extractor on a fixed dev-set sample.

Like trafilatura's ``tests/eval_gate.py``: a fixed, seeded sample of the shared corpus (every
k-th page of each set, sorted by id) must not score lower than the value measured when the
gate was set, minus a small margin. Skips when the corpus (``../shared/corpus`` next to the
repo, or ``$DECRUFT_CORPUS``) or its scorer (``../shared/bench/score.py``) is absent.

To re-measure after a deliberate change: ``DECRUFT_GATE_PRINT=1 pytest -s tests/extract/html/test_gate.py``.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from convert.extract.html import parse_html
from convert.textutil import article_text

CORPUS = Path(os.environ.get("DECRUFT_CORPUS",
                             Path(__file__).parents[3] / ".." / "shared" / "corpus"))
SCORE_PY = CORPUS.parent / "bench" / "score.py"

#: (set, pages in the sample, measured value, metric); measured on 2026-11-30.
GATES = {
    "wcxb-dev": (100, 0.873, "shingle"),
    "readability": (40, 0.974, "shingle"),
    "trafilatura-eval": (60, 0.917, "snippets"),
}
MARGIN = 0.01


def _score_module():
    if not SCORE_PY.exists():
        pytest.skip(f"scorer not found: {SCORE_PY}")
    spec = importlib.util.spec_from_file_location("decruft_gate_score", SCORE_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sample(set_name: str, size: int) -> list[dict]:
    folder = CORPUS / set_name
    golds = []
    for path in sorted(folder.glob("*.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if isinstance(gold, dict) and "id" in gold and (folder / f"{gold['id']}.html").exists():
            golds.append(gold)
    step = max(1, len(golds) // size)
    return golds[::step][:size]


def _extract(set_name: str, page_id: str) -> str:
    path = CORPUS / set_name / f"{page_id}.html"
    try:
        return article_text(parse_html(path.read_bytes(), location=str(path)))
    except Exception:  # an error is an empty prediction, as in the benchmark
        return ""


@pytest.mark.parametrize("set_name", sorted(GATES))
def test_gate(set_name):
    if not (CORPUS / set_name).is_dir():
        pytest.skip(f"corpus not found: {CORPUS / set_name}")
    score = _score_module()
    size, measured, metric = GATES[set_name]
    golds = sample(set_name, size)
    assert len(golds) == size
    preds = [_extract(set_name, g["id"]) for g in golds]
    if metric == "shingle":
        value = score.score_shingles([g.get("gold_text") or "" for g in golds], preds,
                                     n_bootstrap=0)["f1"]
    else:
        items = [(g.get("must_contain") or [], g.get("must_not_contain") or []) for g in golds]
        value = score.score_snippets(items, preds)["f1"]
    if os.environ.get("DECRUFT_GATE_PRINT"):
        print(f"\n{set_name}: {metric} F1 {value:.4f} on {size} pages")
    assert value >= measured - MARGIN, f"{set_name} {metric} F1 {value:.3f} < gate {measured:.3f}"


#: Metadata on the same readability + wcxb-dev samples, pooled: (field, scorer, measured).
META_GATES = (("title", "title_exact", 0.785), ("byline", "byline_lenient", 0.913),
              ("date", "date_same_day", 0.842))


def _meta(set_name: str, page_id: str) -> dict:
    path = CORPUS / set_name / f"{page_id}.html"
    try:
        meta = parse_html(path.read_bytes(), location=str(path)).meta
    except Exception:
        return {}
    # As the benchmark reports them (tests/bench/worker.py): names joined, published first.
    return {"title": meta.title, "byline": " and ".join(meta.authors) or None,
            "date": meta.published or meta.modified}


@pytest.mark.parametrize("field,scorer,measured", META_GATES)
def test_metadata_gate(field, scorer, measured):
    sets = ("readability", "wcxb-dev")
    if not all((CORPUS / s).is_dir() for s in sets):
        pytest.skip(f"corpus not found: {CORPUS}")
    check = getattr(_score_module(), scorer)
    pairs = []
    for set_name in sets:
        for gold in sample(set_name, GATES[set_name][0]):
            want = gold.get(field) or (gold.get("author") if field == "byline" else None)
            if want:
                pairs.append((want, _meta(set_name, gold["id"]).get(field)))
    value = sum(1 for want, got in pairs if check(want, got)) / len(pairs)
    if os.environ.get("DECRUFT_GATE_PRINT"):
        print(f"\n{field}: {scorer} {value:.4f} on {len(pairs)} pages")
    assert value >= measured - MARGIN, f"{field} {scorer} {value:.3f} < gate {measured:.3f}"
