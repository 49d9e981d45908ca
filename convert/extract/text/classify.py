"""Step 5 of the text parser: classify lines as jusText does, by length and function-word
density relative to the page's own prose, then let short and borderline lines follow their
neighbours."""

from __future__ import annotations

from . import rules as R
from .furniture import is_code
from .lines import GOOD_WORDS, SHORT_WORDS, Line

#: Function-word density thresholds, as fractions of the page's own prose density.
DENSITY_HIGH = 0.6
DENSITY_LOW = 0.4
#: Below this page prose density, function words are taken to say nothing about the page.
UNKNOWN_DENSITY = 0.12
#: Fallback prose density when a page has too few long lines to measure its own.
DEFAULT_DENSITY = 0.36
#: The same for unspaced scripts (function characters per character), and the least a page's
#: own measure is taken to be.
DEFAULT_DENSITY_UNSPACED = 0.12
MIN_DENSITY_UNSPACED = 0.05
#: Unspaced lines measure the page's density from this many word-equivalents over SHORT_WORDS.
UNSPACED_MEASURE_EXTRA = 2
#: The relaxed retry lowers both density thresholds to this share.
RELAXED_DENSITY = 0.8
#: Unspaced scripts without function characters (Thai, Burmese, Khmer): a line this many
#: times GOOD_WORDS long is good.
UNSPACED_LONG = 1.5
#: Clause punctuation per word-equivalent that makes an unspaced line running text, and the
#: least that makes it borderline.
PUNCT_RATE_GOOD = 0.05
PUNCT_RATE_NEAR = 0.02
#: Clause punctuation marks that make a line read as a sentence.
SENTENCE_PUNCT = 2
#: A run of at least LIST_RUN bulleted lines averaging LIST_ITEM_WORDS words or more is a list.
LIST_RUN = 3
LIST_ITEM_WORDS = 4


def _prose_density(units: list[Line], unspaced: bool) -> float:
    """The page's own prose density: the median over its long, undecided lines."""
    vals = [u.stop_density for u in units
            if u.keep is None and u.unspaced == unspaced
            and u.weight >= (GOOD_WORDS if not unspaced else SHORT_WORDS + UNSPACED_MEASURE_EXTRA)]
    if len(vals) < 2:
        return DEFAULT_DENSITY if not unspaced else DEFAULT_DENSITY_UNSPACED
    vals.sort()
    import statistics  # (here: it imports fractions, decimal, random)
    ref = statistics.median(vals[len(vals) // 3:])
    if not unspaced and ref < UNKNOWN_DENSITY:
        # The page's prose has almost none of the function words: its language has no list
        # here (or it is placeholder text), and density says nothing.
        return 0.0
    return max(ref, MIN_DENSITY_UNSPACED) if unspaced else ref


def _klass(u: Line, ref: float, ref_cjk: float, relaxed: bool) -> str:
    """The line's class on its own: ``bad`` (furniture), ``short``, ``near-good`` or ``good``,
    by length and function-word density relative to the page's prose (``ref``; ``ref_cjk``
    for unspaced scripts), or by clause punctuation where density says nothing."""
    if u.keep is False:
        return "bad"
    unspaced = u.unspaced
    weight = u.weight
    short = SHORT_WORDS // 2 if relaxed else SHORT_WORDS
    if weight < short:
        return "short"
    if unspaced:
        if not u.has_stopchars:
            # Thai, Burmese, Khmer: neither function words nor much punctuation to count;
            # length is what is left.
            return "good" if weight >= UNSPACED_LONG * GOOD_WORDS else "near-good"
        # No function words to count reliably: clause punctuation marks running text.
        punct_rate = u.clause_punct / max(1.0, weight)
        dens = u.stop_density / ref_cjk if ref_cjk else 0.0
        if punct_rate >= PUNCT_RATE_GOOD:
            return "good" if weight >= GOOD_WORDS else "near-good"
        if relaxed or punct_rate > PUNCT_RATE_NEAR or dens >= DENSITY_HIGH:
            # Headlines carry function characters too; without punctuation, a line is
            # at best borderline.
            return "near-good"
        return "bad"
    if not ref:
        if u.ends_sentence or u.clause_punct >= SENTENCE_PUNCT:
            return "good" if weight >= GOOD_WORDS else "near-good"
        return "near-good" if u.clause_punct else "bad"
    rel = u.stop_density / ref
    high, low = (DENSITY_HIGH * RELAXED_DENSITY, DENSITY_LOW * RELAXED_DENSITY) if relaxed else (DENSITY_HIGH, DENSITY_LOW)
    if rel >= high:
        return "good" if weight >= GOOD_WORDS or (u.ends_sentence and u.clause_punct >= SENTENCE_PUNCT) \
            else "near-good"
    if rel >= low:
        return "near-good"
    return "bad"


def classify(units: list[Line], *, relaxed: bool) -> None:
    """Step 5: jusText-style classes, then context for short and borderline lines."""
    ref = _prose_density(units, False)
    ref_cjk = _prose_density(units, True)
    klass = [_klass(u, ref, ref_cjk, relaxed) for u in units]
    n = len(units)
    for u, k in zip(units, klass):
        if k in ("bad", "short", "near-good") and u.keep is None and is_code(u):
            u.code = True
    _promote_lists(units, klass)

    def neighbour(i: int, step: int, skip: tuple[str, ...]) -> str:
        """The class of the nearest line from ``i`` towards ``step`` not in ``skip``."""
        j = i + step
        while 0 <= j < n:
            if klass[j] not in skip:
                return klass[j]
            j += step
        return "bad"

    final = list(klass)
    for i, k in enumerate(klass):
        if k == "near-good":
            prev, nxt = neighbour(i, -1, ("short", "near-good")), neighbour(i, 1, ("short", "near-good"))
            final[i] = "good" if "good" in (prev, nxt) else "bad"
    klass = final[:]
    for i, k in enumerate(klass):
        if k == "short":
            prev, nxt = neighbour(i, -1, ("short",)), neighbour(i, 1, ("short",))
            final[i] = "good" if prev == "good" and nxt == "good" else "bad"
    for u, k, k0 in zip(units, final, klass):
        if u.keep is False:
            continue
        if k == "good":
            u.keep, u.reason = True, ""
        else:
            u.keep = False
            u.reason = {"short": "short", "bad": "bad-density"}.get(k0, "near-good")


def _promote_lists(units: list[Line], klass: list[str]) -> None:
    """A run of bulleted lines of several words each is a list in the text, not a menu: its
    items are short on their own but should follow the prose around them together."""
    i, n = 0, len(units)
    while i < n:
        j = i
        while j < n and R.BULLET.match(units[j].text) and units[j].keep is not False:
            j += 1
        if j - i >= LIST_RUN and sum(u.words for u in units[i:j]) >= LIST_ITEM_WORDS * (j - i):
            for k in range(i, j):
                if klass[k] == "short":
                    klass[k] = "near-good"
        i = max(j, i + 1)
