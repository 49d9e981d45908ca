"""Inference for the shipped linear models: plain Python over sparse feature dicts.

A model is a mapping ``{"classes": [...], "bias": [...], "weights": {feature: [...]}}`` with
one weight per class (a binary model has one class). The training script folds the feature
standardisation into the weights, so a feature that is absent counts as zero and inference is
one multiply-add per present feature and class.
"""

from __future__ import annotations

import math
from typing import Any, Mapping

__all__ = ["softmax_scores", "logistic_score"]


def _logits(model: Mapping[str, Any], features: Mapping[str, float]) -> list[float]:
    out = list(model["bias"])
    weights = model["weights"]
    for name, value in features.items():
        row = weights.get(name)
        if row is None or not value:
            continue
        # (the same additions in the same order as a += per class, without the indexing)
        out = [o + w * value for o, w in zip(out, row)]
    return out


def softmax_scores(model: Mapping[str, Any], features: Mapping[str, float]) -> dict[str, float]:
    """Class → probability (multinomial logistic regression)."""
    logits = _logits(model, features)
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    total = sum(exps)
    return {c: e / total for c, e in zip(model["classes"], exps)}


def logistic_score(model: Mapping[str, Any], features: Mapping[str, float]) -> float:
    """The probability of a binary logistic model (its single class)."""
    z = _logits(model, features)[0]
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)



def contributions(model: Mapping[str, Any], features: Mapping[str, float],
                  label: str | None = None) -> list[tuple[str, float]]:
    """What each feature adds to class ``label``'s logit (the binary model's single class
    when ``None``) over a typical page: weight × (value − the training mean), largest in
    magnitude first. A feature the page lacks counts too (its value is 0: "no date declared"
    speaks against an article). For a multinomial model the weight is taken relative to the
    mean over the classes, so a feature that pushes every class alike counts as zero."""
    classes = model["classes"]
    i = classes.index(label) if label is not None else 0
    multi = len(classes) > 1
    means = model.get("means", {})
    out = []
    for name, row in model["weights"].items():
        delta = features.get(name, 0.0) - means.get(name, 0.0)
        w = row[i] - sum(row) / len(row) if multi else row[i]
        if w and delta:
            out.append((name, w * delta))
    out.sort(key=lambda kv: -abs(kv[1]))
    return out
