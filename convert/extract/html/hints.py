"""Substring prefilters asked of many texts at once.

Several line rules run a regex only on the texts that hold one of its hints (a promo line holds
"follow", "@" or "newsletter"; a browser notice "browser" or "javascript"). Asked of each
paragraph in turn, each hint is one ``in`` call per paragraph: on a page of 50,000 short
paragraphs, and 21 hints, the calls cost more than the scanning. :func:`holding` answers for a
whole run of texts with one scan of their joined (folded) text per hint; :func:`hits` answers
for several groups of hints with one fold and join of the texts for them all, as the indices
of the texts that hold one (few: most texts hold none).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Callable, Sequence

#: Joins the folded texts: no hint holds it, so no hint is found across two texts.
_SEPARATOR = "\x00"
#: The folds that change an ASCII character into one ASCII character (A-Z to a-z), each on
#: its own: folding the joined texts of an ASCII run is folding each text.
_ASCII_FOLDS = (str.casefold, str.lower)


def holding(texts: Sequence[str], needles: Sequence[str],
            fold: Callable[[str], str] = str.casefold) -> list[bool]:
    """For each text, whether ``fold(text)`` holds one of ``needles`` (the same answer as
    ``any(n in fold(text) for n in needles)``, text by text). Each text is folded on its own
    (``lower`` reads a final sigma by what follows it), then the folded texts are joined."""
    found = [False] * len(texts)
    for i in hits(texts, (needles,), fold)[0]:
        found[i] = True
    return found


def hits(texts: Sequence[str], groups: Sequence[Sequence[str]],
         fold: Callable[[str], str] = str.casefold) -> list[set[int]]:
    """For each group of needles, the indices of the texts whose ``fold(text)`` holds one of
    the group's needles (:func:`holding`'s answer, as a set of the true ones)."""
    joined = _SEPARATOR.join(texts)
    if joined.isascii() and fold in _ASCII_FOLDS:
        # (ASCII text folds letter by letter, to the same length, the separator to itself:
        # the joined text is folded in one call instead of one per text)
        folded = texts
        joined = fold(joined)
    else:
        folded = list(map(fold, texts))
        joined = _SEPARATOR.join(folded)
    # Where each folded text starts in the joined text (its length and a separator after it:
    # summed in C).
    starts = list(accumulate(map((1).__add__, map(len, folded)), initial=0))
    last = len(folded) - 1
    out: list[set[int]] = []
    for needles in groups:
        # (a needle holding another is found wherever that one is: "mailing list", "mail")
        needles = [n for n in needles if not any(m in n and m != n for m in needles)]
        found: set[int] = set()
        for needle in needles:
            at = joined.find(needle)
            while at >= 0:
                i = bisect_right(starts, at) - 1
                found.add(i)
                # (one hit is enough for the text: go on from the next one)
                at = joined.find(needle, starts[i + 1]) if i < last else -1
        out.append(found)
    return out
