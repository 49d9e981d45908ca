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
        for i, w in enumerate(row):
            out[i] += w * value
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
