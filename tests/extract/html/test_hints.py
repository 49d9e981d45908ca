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


def test_hits_answers_each_group_as_holding_does():
    # One fold and join for several groups of hints: each group's set is the texts holding
    # it (empty groups and empty runs of texts too).
    from convert.extract.html.hints import hits

    rng = random.Random(15)
    pieces = ["Please", "enable", "JavaScript", "cookies", "Cookie", "consent", "browser",
              "the", "river", "\x00", "", "best viewed"]
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(500)]
    groups = (P.NOTICE_HINTS, P.CONSENT_HINTS, ())
    found = hits(texts, groups, str.lower)
    assert len(found) == 3
    for needles, got in zip(groups, found):
        assert got == {i for i, held in enumerate(holding(texts, needles, str.lower)) if held}
        assert got == {i for i, t in enumerate(texts) if any(n in t.lower() for n in needles)}
    assert hits([], groups) == [set(), set(), set()]


@pytest.mark.parametrize("needles, fold", [(PROMO_HINTS, str.casefold),
                                           (P.NOTICE_HINTS, str.lower)])
def test_an_ascii_run_folded_at_once_answers_as_each_text(needles, fold):
    # (an all-ASCII run is folded in one call, not text by text: same answer)
    rng = random.Random(15)
    pieces = ["Follow", "us", "on", "Twitter", "the", "council", "WWW.EXAMPLE.COM", "@x",
              "BROWSER", "Java", "Script", "javascript", "Best", "Viewed", "\n", "", "\x00",
              "SIGN", "mail", "ing", "list"]
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
             for _ in range(2000)] + ["brow", "ser", "JAVA", "SCRIPT"]
    assert "".join(texts).isascii()
    expected = [any(n in fold(t) for n in needles) for t in texts]
    assert holding(texts, needles, fold) == expected
