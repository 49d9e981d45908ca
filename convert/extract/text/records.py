"""Pages that are a list of records (products, jobs, search results) rather than prose.

Each record is a few short lines with the same label in each ("Add to Cart", "View profile")
or a number in order ("1.", "2.", "#3"); when such records span much more text than the prose
found, their region is the content (:func:`records`).
"""

from __future__ import annotations

from . import rules as R
from .lines import RULE_MAX_WORDS, Line, drop

#: A label printed on at least RECORD_MIN records (of at most RECORD_LABEL_WORDS words) marks
#: a list of records; it replaces the prose found when its region holds RECORD_SHARE times
#: as much text and at least RECORD_MIN_WORDS words.
RECORD_MIN = 5
RECORD_LABEL_WORDS = 6
RECORD_SHARE = 5.0
RECORD_MIN_WORDS = 60
#: Lines per record (the label's median spacing) for a list of records.
RECORD_GAP = (3, 40)
#: Records replace text found elsewhere on the page only when it is shorter than this; else
#: they must contain most of it (and then extend it).
RECORD_ALONE_WORDS = 50
#: Most: at least this share of the text found lies inside the records' region (else the
#: records are teasers below an article).
RECORD_INSIDE_SHARE = 0.5


#: Furniture that stays dropped inside a list of records.
HARD_FURNITURE = frozenset({"separator", "button", "cookie", "copyright", "app-promo",
                            "consent", "templated", "breadcrumb"})


def records(units: list[Line]) -> None:
    """Listing, product-grid and search-result pages have no prose to speak of: their content
    is a list of records, each printed as a few short lines with the same label in each
    ("Add to Cart", "View profile", "Reply"). When such a label occurs at least RECORD_MIN
    times and the region it spans holds much more text than the prose found, the region is
    the content: its lines are kept except buttons and other hard furniture."""
    kept = sum(u.weight for u in units if u.keep)
    where: dict[str, list[int]] = {}
    for u in units:
        if u.key and u.words <= RECORD_LABEL_WORDS and u.repeats >= RECORD_MIN \
                and u.key not in R.AD_LABELS:
            where.setdefault(u.key, []).append(u.index)
    for k, pos in enumerate(_numbered_runs(units)):
        where[f"\0numbered{k}"] = pos
    best, span = 0.0, None
    for key, pos in where.items():
        gaps = sorted(b - a for a, b in zip(pos, pos[1:]))
        gap = gaps[len(gaps) // 2]
        # (records numbered in order may be a line each)
        if not (1 if key.startswith("\0") else RECORD_GAP[0]) <= gap <= RECORD_GAP[1]:
            continue
        if key.startswith("\0"):
            # (a number opens its record: the region runs to the end of the last one)
            lo, hi = pos[0], min(len(units) - 1, pos[-1] + gap - 1)
        else:
            lo, hi = max(0, pos[0] - gap + 1), pos[-1]
        words = sum(u.weight for u in units[lo:hi + 1]
                    if u.keep or u.reason not in HARD_FURNITURE)
        if words > best:
            best, span = words, (lo, hi)
    if span is None or best < RECORD_SHARE * kept or best < RECORD_MIN_WORDS:
        return
    lo, hi = span
    inside = sum(u.weight for u in units[lo:hi + 1] if u.keep)
    if kept >= RECORD_ALONE_WORDS and inside < RECORD_INSIDE_SHARE * kept:
        return  # the records are elsewhere than the text found (teasers below an article)
    for u in units:
        if lo <= u.index <= hi:
            if u.reason not in HARD_FURNITURE and u.key and u.key not in R.BUTTON_PHRASES:
                u.keep, u.reason = True, ""
        elif u.keep:
            drop(u, "outside-records")


def _numbered_runs(units: list[Line]) -> list[list[int]]:
    """Where records are numbered in order ("1. ...", "2. ...", "#3"): the positions of each
    run of at least RECORD_MIN consecutive numbers, at most RECORD_GAP[1] lines apart."""
    runs: list[list[int]] = []
    cur: list[int] = []
    last_n = 0
    for u in units:
        if u.words > RULE_MAX_WORDS:
            continue
        m = R.ORDINAL.match(u.text)
        if not m:
            continue
        n = int(m.group(1) or m.group(2))
        if cur and n == last_n + 1 and u.index - cur[-1] <= RECORD_GAP[1]:
            cur.append(u.index)
        else:
            if len(cur) >= RECORD_MIN:
                runs.append(cur)
            cur = [u.index] if n == 1 else []
        last_n = n
    if len(cur) >= RECORD_MIN:
        runs.append(cur)
    return runs
