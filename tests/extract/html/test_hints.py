"""hints.holding: one scan of many texts per hint answers as a scan of each text does."""

from __future__ import annotations

import random

import pytest

from convert.extract.html import patterns as P
from convert.extract.html.furniture_patterns import PROMO_HINTS
from convert.extract.html.hints import holding


@pytest.mark.parametrize("needles, fold", [(PROMO_HINTS, str.casefold),
                                           (P.NOTICE_HINTS, str.lower)])
def test_holding_is_each_text_scanned_alone(needles, fold):
    rng = random.Random(14)
    pieces = ["Follow", "us", "on", "Twitter", "the", "council", "www.example.com", "@x",
              "BROWSER", "Java", "Script", "javascript", "best", "viewed", "Flash", "ΣΑΣ",
              "Straße", "\n", "", "\x00", "sign", "mail", "ing", "list"]
    texts = ["", "Follow us", "JavaScript is disabled", "nothing here", "ΣΑΣ browser"]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
              for _ in range(2000)]
    # (a hint split between two texts is in neither)
    texts += ["brow", "ser", "java", "script"]
    expected = [any(n in fold(t) for n in needles) for t in texts]
    assert holding(texts, needles, fold) == expected
    assert holding([], needles, fold) == []
