"""What kind of page this is, and how far to trust the extraction.

Two small learned models judge every parsed page from cheap signals:

* the **page type** (:data:`PAGE_TYPES`): a multinomial logistic regression over the page's
  declarations (JSON-LD ``@type``, ``og:type``), its URL shape, its markup (tag counts, class
  words such as ``price`` or ``reply``, currency signs) — :mod:`.html_signals`,
  :mod:`.url_signals`; for a text dump, its lines (:mod:`.text_signals`);
* the **confidence**: a logistic model of the extraction's expected shingle F1 over the
  body's shape (length, share of the page's text kept, link density, block kinds —
  :mod:`.body_signals`), how the content cascade won, the metadata found and the page type.

Both are trained by ``tests/bench/train_assess.py`` on the tune pages of the development
corpus (never the sealed check split) and shipped as plain numbers in ``weights.json``;
inference is a few hundred multiply-adds in pure Python (:mod:`.linear`), deterministic.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from convert.article import Block
from convert.extract import record
from convert.extract.ablation import rule

from . import linear
from .body_signals import body_signals

__all__ = ["PAGE_TYPES", "Assessment", "assess", "page_type", "explain", "OTHER_BELOW"]

#: The page types, in the order of the issue that defines them. ``other`` is given when no
#: learned type is likely enough (:data:`OTHER_BELOW`).
PAGE_TYPES = ("article", "forum", "product", "collection", "listing", "documentation",
              "service", "other")
#: Below this probability for the likeliest type the page is ``other``.
OTHER_BELOW = 0.35

RESULTS_PAGES = rule("results_pages", "a page that says it is a list of results (declared a "
                     "SearchResultsPage or three job postings, episodes, events...; headed "
                     "'Search results for', '248 results', 'Current openings' over a run of "
                     "links; a podcast series' episode cards) is a listing, whatever the "
                     "model, fitted on few such pages, reads in its summaries")
#: The probability given to a listing read from its results marks (at least; the model's own
#: when higher): what a listing profile needs to run.
RESULTS_PROBABILITY = 0.5
#: The types a results mark overrides (a listing or collection needs none; the listing
#: profile reads both).
_NOT_RESULTS = frozenset({"listing", "collection"})


@dataclass(frozen=True, slots=True)
class Assessment:
    """The verdict on one page, and the signals behind it (for ``inspect`` and training)."""

    page_type: str | None = None
    page_type_probability: float | None = None
    confidence: float | None = None
    signals: Mapping[str, float] = field(default_factory=dict)


@functools.cache
def _models() -> Mapping[str, Any]:
    """The shipped weights (``weights.json``), read on first use."""
    return json.loads((Path(__file__).parent / "weights.json").read_text(encoding="utf-8"))


def page_type(kind: str, page: Mapping[str, float]) -> tuple[str | None, float | None,
                                                           dict[str, float]]:
    """The page's type from its page-level signals alone — ``page`` is what
    :func:`.html_signals.html_signals` (``kind`` ``html``) or
    :func:`.text_signals.dump_signals` (``text``) found before any content extraction, so a
    caller can pick an extraction profile by it. Returns (type, its probability, every
    learned type's probability); the type is ``other`` when no learned type reaches
    :data:`OTHER_BELOW`, and ``(None, None, {})`` when no model ships for ``kind``."""
    global _LAST_TYPE
    # The HTML pipeline asks about one page's signals three times (to pick a profile, to
    # judge its related-links tail, in :func:`assess`): the last answer is kept, keyed by
    # the model and the signals themselves in their order (the model adds them up in that
    # order).
    type_model = _models().get(f"pagetype_{kind}")
    if type_model is None:
        return None, None, {}
    key = (type_model, tuple(page.items()))
    last_key, last = _LAST_TYPE
    if key == last_key:
        return last[0], last[1], dict(last[2])
    probs = linear.softmax_scores(type_model, page)
    best = max(probs, key=probs.__getitem__)
    probability = probs[best]
    answer = ("other" if probability < OTHER_BELOW else best), probability, probs
    if RESULTS_PAGES and best not in _NOT_RESULTS and _results(page):
        answer = "listing", max(probs.get("listing", 0.0), RESULTS_PROBABILITY), probs
    _LAST_TYPE = (key, (answer[0], answer[1], dict(probs)))  # (one assignment: thread-safe)
    return answer


def _results(page: Mapping[str, float]) -> bool:
    """Whether the page marks itself as a list of results (:mod:`.results_marks`)."""
    return any(name.startswith("results:") for name in page)


#: The last :func:`page_type` answer and its key (see there).
_LAST_TYPE: tuple = ((), None)


def assess(kind: str, page: Mapping[str, float], blocks: Iterable[Block],
           extra: Mapping[str, float] | None = None) -> Assessment:
    """Judge a page of ``kind`` (``html`` or ``text``) from its page signals, its extracted
    ``blocks`` and ``extra`` signals of the extraction (cascade, metadata found). The page
    type reads ``page`` alone (:func:`page_type`); the confidence reads everything."""
    models = _models()
    signals = dict(page)
    kind_of_page, probability, probs = page_type(kind, page)
    signals.update(("type:" + k, v) for k, v in probs.items())
    page_chars = int(round(math.expm1(page.get("page:text", 0.0))))
    signals.update(body_signals(blocks, page_chars))
    signals.update(extra or {})
    conf_model = models.get(f"confidence_{kind}")
    confidence = linear.logistic_score(conf_model, signals) if conf_model else None
    verdict = Assessment(kind_of_page, _round(probability), _round(confidence), signals)
    rec = record.current()
    if rec is not None:
        rec.assessment = explain(kind, verdict, page)
    return verdict


#: How many signals ``inspect`` lists behind each verdict.
TOP_SIGNALS = 12


def explain(kind: str, verdict: Assessment, page: Mapping[str, float],
            top: int = TOP_SIGNALS) -> dict[str, Any]:
    """The verdict with the signals behind it, for ``decruft inspect``: every type's
    probability, and for the type and the confidence the ``top`` signals that moved them
    most — each signal's value, the model's weight and what it added to the score over a
    typical training page (weight × (value − mean), :func:`.linear.contributions`); and
    ``type_rule`` when a rule, not the model, gave the type (``results_pages``)."""
    models = _models()
    out: dict[str, Any] = {"kind": kind, "page_type": verdict.page_type,
                           "page_type_probability": verdict.page_type_probability,
                           "type_probabilities": {}, "type_signals": [],
                           "confidence": verdict.confidence, "confidence_signals": []}
    type_model = models.get(f"pagetype_{kind}")
    if type_model is not None:
        probs = linear.softmax_scores(type_model, page)
        best = max(probs, key=probs.__getitem__)
        out["type_probabilities"] = {k: round(v, 3) for k, v in
                                     sorted(probs.items(), key=lambda kv: -kv[1])}
        out["type_signals"] = _rows(type_model, page, best, top)
        marks = sorted(name for name in page if name.startswith("results:"))
        if verdict.page_type == "listing" and best not in _NOT_RESULTS and marks and RESULTS_PAGES:
            # The model's probabilities above are not what typed the page: say what did.
            out["type_rule"] = {"rule": "results_pages", "signals": marks}
    conf_model = models.get(f"confidence_{kind}")
    if conf_model is not None:
        out["confidence_signals"] = _rows(conf_model, verdict.signals, None, top)
    return out


def _rows(model: Mapping[str, Any], features: Mapping[str, float], label: str | None,
          top: int) -> list[dict[str, Any]]:
    i = model["classes"].index(label) if label is not None else 0
    rows = []
    for name, effect in linear.contributions(model, features, label)[:top]:
        row = model["weights"][name]
        weight = row[i] - sum(row) / len(row) if len(row) > 1 else row[i]
        rows.append({"signal": name, "value": round(features.get(name, 0.0), 3),
                     "weight": round(weight, 3), "effect": round(effect, 3)})
    return rows


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
