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

from . import linear
from .body_signals import body_signals

__all__ = ["PAGE_TYPES", "Assessment", "assess", "OTHER_BELOW"]

#: The page types, in the order of the issue that defines them. ``other`` is given when no
#: learned type is likely enough (:data:`OTHER_BELOW`).
PAGE_TYPES = ("article", "forum", "product", "collection", "listing", "documentation",
              "service", "other")
#: Below this probability for the likeliest type the page is ``other``.
OTHER_BELOW = 0.35


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


def assess(kind: str, page: Mapping[str, float], blocks: Iterable[Block],
           extra: Mapping[str, float] | None = None) -> Assessment:
    """Judge a page of ``kind`` (``html`` or ``text``) from its page signals, its extracted
    ``blocks`` and ``extra`` signals of the extraction (cascade, metadata found)."""
    models = _models()
    type_model = models.get(f"pagetype_{kind}")
    signals = dict(page)
    page_type = probability = None
    if type_model is not None:
        probs = linear.softmax_scores(type_model, page)
        page_type = max(probs, key=probs.__getitem__)
        probability = probs[page_type]
        if probability < OTHER_BELOW:
            page_type = "other"
        signals.update(("type:" + k, v) for k, v in probs.items())
    page_chars = int(round(math.expm1(page.get("page:text", 0.0))))
    signals.update(body_signals(blocks, page_chars))
    signals.update(extra or {})
    conf_model = models.get(f"confidence_{kind}")
    confidence = linear.logistic_score(conf_model, signals) if conf_model else None
    return Assessment(page_type, _round(probability), _round(confidence), signals)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
