"""Pages that are a list of records (products, jobs, search results) rather than prose.

Each record is a few short lines with the same label in each ("Add to Cart", "View profile"),
a label equal but for the record's own numbers ("20 reviews / 5 average", "$7.95 - $179.95")
or a number in order ("1.", "2.", "#3"), or a title printed twice in every card (the image's
link text, then the heading); when such records span much more text than the prose
found, their region is the content (:func:`records`); records right below all the prose found
join it as a listing under its intro.
"""

from __future__ import annotations

from dataclasses import replace

from convert.extract.ablation import rule

from . import meta as M
from . import rules as R
from .openers import (COMMENT_SAYS, COMMENT_WORD, RELATED_OPENER, RELATED_START, REPLY_TAIL,
                      TEASER_LEAD_IN)
from .lines import RULE_MAX_WORDS, Line, drop, norm_key
from ... import regexcache
from .runs import is_headline_case

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


NUMBERED_LABELS = rule(
    "text-numbered-record-labels",
    "a record's label may carry the record's own numbers ('20 reviews / 5 average', "
    "'$24.99', '3 comments'): labels equal but for their numbers mark a list of records too")
INTRO_RECORDS = rule(
    "text-records-below-intro",
    "a list of records right below all the prose found is a listing under its intro (a "
    "category's description over its items): the records join the intro when they hold a "
    "few times its text, where records elsewhere must hold many times the prose to replace it")
#: ... a few times: this share of the intro's words; right below: the records' region starts
#: at most INTRO_GAP lines below the last line kept.
INTRO_SHARE = 2.0
INTRO_GAP = 3
TWIN_TITLES = rule(
    "text-twin-record-titles",
    "a card printed with its title twice (the image's link text, then the heading) marks a "
    "list of records too: short lines printed exactly twice whose first copies recur at a "
    "steady spacing")
#: A twin title has TWIN_WORDS[0] to TWIN_WORDS[1] words (single words are menu items).
TWIN_WORDS = (2, 25)
#: A twin's first copies are at least this many lines apart (a menu printed twice has its
#: items on consecutive lines).
TWIN_MIN_GAP = 2
DOMINANT_RECORDS = rule(
    "text-dominant-records",
    "records that hold many times the prose found are the page's content even when that "
    "prose lies elsewhere (an awards page's intro far above its hundreds of winners): both "
    "are kept, where smaller records away from the prose are teasers below an article")
#: ... many times: RECORD_DOMINANT times the prose's words.
RECORD_DOMINANT = 10.0
TITLE_RUNS = rule(
    "text-title-run-records",
    "a long run of headline-shaped lines (Title Case, no full stop: the recipes, articles or "
    "products a category page lists, one title to a line) is a list of records too, though "
    "no label repeats in it: it competes with the labelled records for the page's content, "
    "and replaces the prose found only where records would (several times its text)")
BRACKETED_TITLES = rule(
    "text-bracketed-titles",
    "a title that ends in a bracketed note ('Crispy Air Fryer Chicken Cutlets (Gluten Free)') "
    "is headline-shaped for a run of titles: its closing bracket ends no sentence")
TITLES_BELOW_INTRO = rule(
    "text-title-runs-below-intro",
    "a run of titles right below all the prose found (a category page's recipes under its "
    "two-paragraph intro) joins it when it holds about as much text as the intro, where "
    "labelled records must hold twice as much; not when a related-links label stands in the "
    "run ('Related posts:': the teasers under an article)")
#: ... about as much: this share of the intro's words.
TITLES_INTRO_SHARE = 0.75
#: A title run has at least TITLE_RUN_MIN headline-shaped lines, with at most TITLE_RUN_SLACK
#: other lines that are not sentences, of at most TITLE_SLACK_WORDS words, between two of them
#: ("839 Ratings", a title that is not Title Case enough: "Penne alla Vodka Recipe").
TITLE_RUN_MIN = 8
TITLE_RUN_SLACK = 2
TITLE_SLACK_WORDS = 20
#: A region with this many comment marks is a thread (see :func:`_thread_like`).
THREAD_MARKS = 3
#: Share of a numbered label's gaps that are steady (see :func:`_regular`).
REGULAR_SHARE = 0.5
#: Lines per record, at least, for a label with numbers.
NUMBERED_GAP = 2
#: A price: a currency sign before or after a number.
_PRICE = regexcache.compile(r"[$€£¥₹]\s?\d|\d\s?(?:€|£|zł|kr\b)")
#: A run of digits (with its decimal and thousands marks) in a label's key.
_NUMBER = regexcache.compile(r"\d+(?:[.,]\d+)*")


#: Furniture that stays dropped inside a list of records.
HARD_FURNITURE = frozenset({"separator", "button", "back-to-top", "cookie", "copyright", "app-promo",
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
    if NUMBERED_LABELS:
        for key, pos in _numbered_labels(units).items():
            where.setdefault(key, pos)
    for k, pos in enumerate(_numbered_runs(units)):
        where[f"\0numbered{k}"] = pos
    if TWIN_TITLES:
        for k, pos in enumerate(_twin_runs(units)):
            where[f"\0twins{k}"] = pos
    if TITLE_RUNS:
        for k, pos in enumerate(_title_runs(units)):
            where[f"\0titles{k}"] = pos
    best, span, label = 0.0, None, ""
    for key, pos in where.items():
        gaps = sorted(b - a for a, b in zip(pos, pos[1:]))
        gap = gaps[len(gaps) // 2]
        # (records numbered in order may be a line each)
        # (a label with the record's numbers may be half of a two-line record: "84 reviews" /
        # its title)
        least = 1 if key.startswith("\0") else NUMBERED_GAP if key.startswith("\1") else RECORD_GAP[0]
        if not least <= gap <= RECORD_GAP[1]:
            continue
        if key.startswith("\0"):
            # (a number opens its record: the region runs to the end of the last one)
            lo, hi = pos[0], min(len(units) - 1, pos[-1] + gap - 1)
        else:
            lo, hi = max(0, pos[0] - gap + 1), pos[-1]
        words = sum(u.weight for u in units[lo:hi + 1]
                    if u.keep or u.reason not in HARD_FURNITURE)
        if words > best:
            best, span, label = words, (lo, hi), key
    if span is None or best < RECORD_MIN_WORDS:
        return
    lo, hi = span
    share = INTRO_SHARE
    if TITLES_BELOW_INTRO and label.startswith("\0titles") and not _teaser_labels(units, lo, hi):
        share = TITLES_INTRO_SHARE
    intro = INTRO_RECORDS and best >= share * kept and _intro_above(units, lo) \
        and not _thread_like(units, lo, hi)
    if best < RECORD_SHARE * kept and not intro:
        return
    if intro:
        lo = min(u.index for u in units if u.keep)
    inside = sum(u.weight for u in units[lo:hi + 1] if u.keep)
    beside = False
    if kept >= RECORD_ALONE_WORDS and inside < RECORD_INSIDE_SHARE * kept:
        # (the records are elsewhere than the text found: teasers below an article, unless
        # they dwarf it: the prose is then the listing's intro, printed apart from it)
        if not (DOMINANT_RECORDS and best >= RECORD_DOMINANT * kept
                and not _thread_like(units, lo, hi)):
            return
        beside = True
    # (a card's title printed twice, in twin-title cards and in runs of titles alike)
    twins = label.startswith(("\0twins", "\0titles"))
    seen: set[str] = set()
    for u in units:
        if lo <= u.index <= hi:
            if twins and u.repeats == 2 and u.key in seen:
                continue  # (a card's title printed twice: its first copy is kept)
            seen.add(u.key)
            if u.reason not in HARD_FURNITURE and u.key and u.key not in R.BUTTON_PHRASES:
                u.keep, u.reason = True, ""
        elif u.keep and not beside:
            drop(u, "outside-records")


def _intro_above(units: list[Line], lo: int) -> bool:
    """Every kept line lies above ``units[lo]``, the last at most INTRO_GAP lines above."""
    last = max((u.index for u in units if u.keep), default=None)
    return last is not None and last < lo and lo - last <= INTRO_GAP


def _teaser_labels(units: list[Line], lo: int, hi: int) -> bool:
    """A related-links label stands in ``units[lo:hi+1]`` ("Related posts:", "You may also
    like")."""
    return any(u.words <= RECORD_LABEL_WORDS and (RELATED_START.search(u.text) or TEASER_LEAD_IN.search(
        u.text) or RELATED_OPENER.search(u.text)) for u in units[lo:hi + 1])


def _thread_like(units: list[Line], lo: int, hi: int) -> bool:
    """The region holds a comment thread's marks: at least THREAD_MARKS lines with a date or
    a byline, a reply button, "X says:" or a comments label (the records of a thread under
    an article, not a listing under its intro)."""
    marks = 0
    for u in units[lo:hi + 1]:
        if u.words <= RECORD_LABEL_WORDS * 2 and (u.kind in ("date", "byline") or REPLY_TAIL.search(
                u.text) or COMMENT_SAYS.match(u.text) or COMMENT_WORD.search(u.text)):
            marks += 1
            if marks >= THREAD_MARKS:
                return True
    return False


def _numbered_labels(units: list[Line]) -> dict[str, list[int]]:
    """Short lines that differ only in their numbers ("20 reviews / 5 average", "84 reviews /
    4.9 average"), printed on at least RECORD_MIN records: their positions by masked key."""
    where: dict[str, list[int]] = {}
    for u in units:
        # (not a comment's header: "Comment #3 - Posted by: X at <date>", "12 replies"; a
        # thread below an article numbers its comments too)
        if u.key and u.words <= RECORD_LABEL_WORDS and any(c.isdigit() for c in u.key) \
                and not u.kind and not COMMENT_WORD.search(u.text) and M.parse_date(u.text) is None:
            masked = norm_key(_NUMBER.sub("0", u.text))
            # (not a bare number, a vote count or a year; a price is a label: "$7.95 - $179.95")
            if any(c.isalpha() for c in masked) or _PRICE.search(u.text):
                where.setdefault("\1" + masked, []).append(u.index)
    return {k: pos for k, pos in where.items() if len(pos) >= RECORD_MIN and len(set(
        units[i].key for i in pos)) > 1 and _regular(pos)}


def _regular(pos: list[int]) -> bool:
    """Positions at a steady spacing: at least REGULAR_SHARE of the gaps within one line of
    the median gap (a label of every record, not a phrase with a number met here and there)."""
    gaps = sorted(b - a for a, b in zip(pos, pos[1:]))
    mid = gaps[len(gaps) // 2]
    return sum(1 for g in gaps if abs(g - mid) <= 1) >= REGULAR_SHARE * len(gaps)


def _twin_runs(units: list[Line]) -> list[list[int]]:
    """Where cards print their titles twice: the first copies of short lines printed exactly
    twice, in runs of at least RECORD_MIN at TWIN_MIN_GAP to RECORD_GAP[1] lines apart and a
    steady spacing (see :func:`_regular`)."""
    first: dict[str, int] = {}
    for u in units:
        if u.repeats == 2 and TWIN_WORDS[0] <= u.words <= TWIN_WORDS[1] and u.key \
                and u.key not in first and not u.code:
            first[u.key] = u.index
    runs: list[list[int]] = []
    cur: list[int] = []
    for i in sorted(first.values()):
        if cur and TWIN_MIN_GAP <= i - cur[-1] <= RECORD_GAP[1]:
            cur.append(i)
            continue
        if len(cur) >= RECORD_MIN and _regular(cur):
            runs.append(cur)
        cur = [i]
    if len(cur) >= RECORD_MIN and _regular(cur):
        runs.append(cur)
    return runs


def _title_line(u: Line) -> bool:
    if u.reason == "headline-list":
        return True
    if u.reason in HARD_FURNITURE or u.cells or u.code:
        return False
    if BRACKETED_TITLES and u.ends_sentence and u.text.endswith(")") and not _full_stop(u):
        # ("Sticky Air Fryer Chicken Thighs (Oven Option)": the closing bracket ends no sentence)
        return is_headline_case(replace(u, ends_sentence=False))
    return is_headline_case(u)


def _full_stop(u: Line) -> bool:
    """The line ends a sentence with a full stop, a question or an exclamation mark (a title
    may end in its closing bracket or quote: "... (Fresh Tomato and Garlic Sauce)")."""
    return u.text.rstrip(_CLOSERS).endswith(_STOPS)


_CLOSERS = ")]}\"'”’»"
_STOPS = (".", "!", "?", "…", "。", "！", "？")


def _title_runs(units: list[Line]) -> list[list[int]]:
    """Where a page lists records by their titles alone: the positions of the headline-shaped
    lines of each run of at least TITLE_RUN_MIN of them, at most TITLE_RUN_SLACK short other
    lines apart."""
    runs: list[list[int]] = []
    cur: list[int] = []
    slack = 0
    for u in units:
        if _title_line(u):
            cur.append(u.index)
            slack = 0
            continue
        if cur and slack < TITLE_RUN_SLACK and u.words <= TITLE_SLACK_WORDS \
                and not _full_stop(u) and u.reason not in HARD_FURNITURE:
            slack += 1
            continue
        if len(cur) >= TITLE_RUN_MIN:
            runs.append(cur)
        cur, slack = [], 0
    if len(cur) >= TITLE_RUN_MIN:
        runs.append(cur)
    return runs


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
