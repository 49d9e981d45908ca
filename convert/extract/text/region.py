"""The article's region in a plain-text dump: the densest run of kept lines.

An article is one run of text; sidebars, teaser blocks, footers and comment threads sit around
it. The run is the span with the largest sum of kept words minus dropped lines (the Body Text
Extraction idea of Finn et al.). When the headline can be located (WET and ``get_text`` dumps
print the page's ``<title>`` first), the run is looked for below it first. Where the run ends
(a comments, related-links or reviews heading, a comment thread) is :mod:`.endings`'s; a run
that lies inside a comment thread (readers wrote more than the article) gives way to the run
above the thread. Paragraphs printed a second time further down keep their first copy
(:func:`drop_repeated_blocks`).
"""

from __future__ import annotations

from convert.extract.ablation import rule

from . import rules as R
from .notices import MODIFIED_NOTE
from .openers import TEASER_LEAD_IN

from .endings import (answers_heading, comment_thread, cut_comments, related_label,
                      reviews_start, thread_start)
from .lines import (GOOD_WORDS, OPEN_REASONS, HEADLINE_MAX_WORDS, HEADLINE_MIN_WORDS, PAGE_TITLE_MIN_LINES,
                    SHORT_WORDS, Line, drop, echoes_title)

#: Kept lines farther than REGION_GAP from every run survive only when longer than this
#: many words and this share of the main run's words.
FAR_KEEP_WORDS = 40.0
FAR_KEEP_SHARE = 0.25
#: Prose closer than this many units to the main run joins it.
REGION_GAP = 6
#: The headline anchors the run when the ANCHOR_WINDOW lines below it keep GOOD_WORDS words.
ANCHOR_WINDOW = 15
#: Share of the page's best run that a run just below the headline must reach to win.
ANCHORED_SHARE = 0.1
#: A run of text apart from the main one is kept when it scores this share of the main run
#: and at least SECOND_RUN_MIN.
SECOND_RUN_SHARE = 0.3
SECOND_RUN_MIN = 40.0
#: Inside the main run, lines that only failed the length/density thresholds (or occur twice,
#: like a subheading repeated in a table of contents) and have at least this many words are
#: kept: headings, list items, table rows of the article.
INSIDE_SHORT_WORDS = 1
INSIDE_REASONS = ("short", "bad-density", "near-good", "repeated")
#: ... except lines in a run of at least MENU_RUN consecutive lines of fewer than MENU_WORDS
#: words that nothing kept: a menu or a footer's link list inside the run.
MENU_RUN = 3
MENU_WORDS = 3
#: A short line read as a sentence (see :func:`_short_sentence`) has at least this many words,
#: and ends in one of _FULL_STOPS, before closing quotes and brackets.
SHORT_SENTENCE_WORDS = 2
_FULL_STOPS = tuple(".!?…。！？؟।")
_CLOSERS = "\"')]»”’」』"
_OPENERS = "\"'(«“‘「『¿¡"
#: Kept lines that are not sentences (headlines, labels) count this share of their words.
UNFINISHED_SHARE = 0.5
#: Run scores: kept lines add their weight; lines that failed the thresholds (list items,
#: table rows, short labels) subtract a little, furniture found by a rule subtracts more.
RUN_OPEN_FACTOR, RUN_OPEN_BASE = 0.5, 1.0
RUN_RULE_FACTOR, RUN_RULE_BASE = 0.5, 1.0
#: A dropped line subtracts at most this many words' worth.
RUN_WEIGHT_CAP = 12.0
#: Clause punctuation marks that make a kept line read as a sentence.
SENTENCE_PUNCT = 2
NO_FOOTER_ANCHOR = rule(
    "text-no-footer-anchor",
    "a line that repeats the first line (the page's <title>) word for word in the second half "
    "of the page is the site's name in the footer, not the headline above the article")
#: ... in the part of the page after this share of its lines.
ANCHOR_EXACT_SHARE = 0.5
ABOVE_REVIEWS = rule(
    "text-content-above-reviews",
    "when the densest run of text lies below a customer-reviews heading that reviews' "
    "furniture follows ('found this review helpful', 'I recommend this product'), the content "
    "is the best run above the heading")
QA_ANSWERS = rule(
    "text-qa-answers",
    "on a question-and-answer page (an answer count over the answers: '19 Answers') the "
    "answers are the content: the comments under the question or an answer neither end it "
    "nor make it a comment thread")
ABOVE_THREAD = rule("text-article-above-thread",
                    "when the densest run of text lies inside a comment thread, the article is "
                    "the best run above the thread")


LEAD_IN_LISTS = rule(
    "text-lead-in-lists",
    "short lines under a line of the article (kept, or right below a kept line) that ends in "
    "a colon ('Key comparison categories:', 'Features include:') are that list's items: inside the article they neither break its "
    "run nor count as a menu, however short")
#: A lead-in has at most LEAD_IN_MAX_WORDS words; its items at most LIST_ITEM_MAX_WORDS each,
#: at least LIST_MIN_ITEMS of them in a row.
LEAD_IN_MAX_WORDS = 25
LIST_ITEM_MAX_WORDS = 12
LIST_MIN_ITEMS = 2
_ITEM_REASONS = ("short", "near-good", "bad-density")


LIST_AFTER_RUN = rule(
    "text-list-after-run",
    "the items of a list whose lead-in ends the article's run ('By the end of this program, "
    "you will be able to:') are the article's: the run takes them in")


def mark_lead_in_lists(units: list[Line]) -> None:
    """Mark the items of every list that a lead-in line opens (see :data:`LEAD_IN_LISTS`)."""
    for i, u in enumerate(units):
        # (the lead-in is a line the classifier kept, or follows one: "Playtime:" or "English
        # Reviews:" over a filter's options is a form's label, set aside with them)
        if not (u.keep or (i > 0 and units[i - 1].keep)) \
                or not u.text.rstrip("\u200b").endswith((":", "：")) or u.words > LEAD_IN_MAX_WORDS:
            continue
        j = i + 1
        # (the classifier may have kept the first items already: they are items too)
        while j < len(units) and (units[j].keep or units[j].reason in _ITEM_REASONS) \
                and units[j].words <= LIST_ITEM_MAX_WORDS:
            j += 1
        if j - i - 1 >= LIST_MIN_ITEMS:
            for v in units[i + 1:j]:
                v.listed = True


def _run_score(u: Line) -> float:
    if u.listed and not u.keep and u.reason in _ITEM_REASONS:
        return 0.0  # a list under its lead-in neither extends nor breaks the run
    if u.keep:
        if u.ends_sentence or u.clause_punct >= SENTENCE_PUNCT or u.unspaced:
            return u.weight
        return UNFINISHED_SHARE * u.weight
    if u.code:
        return 0.0  # a code listing inside an article neither extends nor breaks the run
    if u.cells and u.reason in ("short", "near-good", "bad-density"):
        return 0.0  # a data table inside an article neither extends nor breaks the run
    if u.reason in ("short", "near-good", "bad-density"):
        return -RUN_OPEN_FACTOR * min(u.weight, RUN_WEIGHT_CAP) - RUN_OPEN_BASE
    return -RUN_RULE_FACTOR * min(u.weight, RUN_WEIGHT_CAP) - RUN_RULE_BASE


def _best_span(units: list[Line], first: int, last: int | None = None) -> tuple[float, int, int]:
    """Kadane's maximum-sum span of :func:`_run_score` over ``units[first:last]``."""
    best = cur = 0.0
    lo = hi = -1
    start = first
    for i in range(first, len(units) if last is None else last):
        score = _run_score(units[i])
        if cur <= 0:
            cur, start = score, i
        else:
            cur += score
        if cur > best:
            best, lo, hi = cur, start, i
    return best, lo, hi


def _title_anchor(units: list[Line]) -> int | None:
    """Where the headline reappears, when the dump starts with the page's ``<title>``.

    WET and ``get_text`` dumps print the ``<title>`` ("Headline - Site") first; the line
    further down that repeats most of it is the headline above the article.
    """
    if len(units) < PAGE_TITLE_MIN_LINES or units[0].words > HEADLINE_MAX_WORDS or units[0].keep:
        return None
    for u in units[1:]:
        if NO_FOOTER_ANCHOR and u.key == units[0].key and u.index > ANCHOR_EXACT_SHARE * len(units):
            continue  # the site's name printed again in the footer, not the headline
        if HEADLINE_MIN_WORDS <= u.words <= HEADLINE_MAX_WORDS and echoes_title(u, units[0]):
            after = sum(v.weight for v in units[u.index + 1:u.index + 1 + ANCHOR_WINDOW] if v.keep)
            if after >= GOOD_WORDS:
                return u.index
    return None


def keep_main_run(units: list[Line]) -> None:
    """Step 6: the article is one run of text; kept lines far from the densest run are strays.

    The run is the span with the largest sum of kept words minus dropped words (the
    Body Text Extraction idea of Finn et al.). When the headline can be located, the run
    is looked for below it first: sidebars above an article are often longer than it.
    """
    if LEAD_IN_LISTS:
        mark_lead_in_lists(units)
    best, lo, hi = _best_span(units, 0)
    anchor = _title_anchor(units)
    anchored = False
    if anchor is not None and anchor > lo:
        b2, lo2, hi2 = _best_span(units, anchor + 1)
        if lo2 >= 0 and lo2 - anchor <= REGION_GAP and b2 >= ANCHORED_SHARE * best:
            best, lo, hi, anchored = b2, lo2, hi2, True
    if hi < 0:
        return
    qa = QA_ANSWERS and answers_heading(units)
    if ABOVE_THREAD and not qa:
        # The densest run inside a comment thread longer than the article: the article is
        # the run above the thread (a short story whose readers wrote more than it).
        start, labelled = thread_start(units)
        if start is not None and lo >= start:
            b2, lo2, hi2 = _best_span(units, 0, start)
            if hi2 >= 0 or labelled:
                # (under a comments heading nothing is the article: with no run above it,
                # the relaxed passes look for the article among the lines above)
                for v in units[start:]:
                    if v.keep or v.reason in OPEN_REASONS:
                        drop(v, "comments")
                if hi2 < 0:
                    return
                best, lo, hi = b2, lo2, hi2
    if ABOVE_REVIEWS:
        # The densest run inside the customer reviews (reviewers wrote more than the product's
        # description): the content is the best run above their heading.
        start = reviews_start(units)
        if start is not None and lo >= start:
            b2, lo2, hi2 = _best_span(units, 0, start)
            if hi2 >= 0:
                for v in units[start:]:
                    if v.keep or v.reason in OPEN_REASONS:
                        drop(v, "reviews")
                best, lo, hi = b2, lo2, hi2
    cut = cut_comments(units, lo, hi, qa)
    thread = comment_thread(units, lo) if not qa else None
    if thread is not None and (cut is None or thread < cut):
        cut = thread
        for v in units[thread:]:
            if v.keep:
                drop(v, "comments")
    if cut is not None:
        # The run ends with the last line kept on its own before the cut: short lines just
        # above a comments heading belong to the comments box ("Leave your opinion").
        hi = min(hi, cut - 1)
        while hi > lo and not units[hi].keep:
            hi -= 1
    # Paragraphs at the edges of the run that only failed the density test but are
    # sentences (a lede full of names and numbers, placeholder text) join it.
    while lo > 0 and _edge_sentence(units[lo - 1]):
        lo -= 1
        units[lo].keep, units[lo].reason = True, ""
    while hi + 1 < len(units) and (cut is None or hi + 1 < cut) and _edge_sentence(units[hi + 1]):
        hi += 1
        units[hi].keep, units[hi].reason = True, ""
    if LIST_AFTER_RUN and hi + 1 < len(units) and units[hi + 1].listed:
        # (a list under the run's last line: its items add nothing to the run's score, so the
        # run stopped at their lead-in or first items; "More world stories from NBC News:"
        # heads teasers, not a list of the article)
        lead = hi
        while lead > lo and units[lead].listed:
            lead -= 1
        if not (related_label(units[lead]) or R.UI_TAIL.search(units[lead].text)
                or TEASER_LEAD_IN.search(units[lead].text)):
            end = hi
            while end + 1 < len(units) and (cut is None or end + 1 < cut) and units[end + 1].listed:
                end += 1
            # (a footer's links right below the list pass for items: they stop it)
            menu = _menu_lines(units, hi + 1, end)
            while hi < end and hi + 1 not in menu:
                hi += 1
    spans = [(lo, hi)]
    # A second run of text as long as a good part of the main one is content too (a page
    # with an intro and a text further down); teaser blocks are much shorter than that.
    for first, last in ((anchor + 1 if anchored else 0, lo),
                        (hi + 1, len(units) if cut is None else hi + 1)):
        b, l2, h2 = _best_span(units, first, last)
        if h2 >= 0 and max(SECOND_RUN_MIN, SECOND_RUN_SHARE * best) <= b <= best:
            spans.append((l2, h2))
    # (inside the main run only: a second run keeps only its prose)
    a, b = spans[0]
    menu = _menu_lines(units, a, b)
    for u in units[a:b + 1]:
        if u.reason in INSIDE_REASONS and u.code:
            u.keep, u.reason = True, ""
        elif u.reason in INSIDE_REASONS and (u.words >= INSIDE_SHORT_WORDS or u.cells) and (
                not u.unspaced or u.clause_punct or u.weight >= SHORT_WORDS) \
                and (u.index not in menu or u.listed) and not related_label(u):
            u.keep, u.reason = True, ""
    if TABLES_BELOW:
        spans.extend(_tables_below(units, hi, len(units) if cut is None else cut))
    main_words = sum(u.weight for u in units[lo:hi + 1] if u.keep)
    for i, u in enumerate(units):
        if not u.keep or any(a <= i <= b for a, b in spans):
            continue
        dist = min(a - i if i < a else i - b for a, b in spans)
        if anchored and i < anchor:
            dist = REGION_GAP + 1  # (above the headline: teasers, not the article's lead)
        # Long prose far away is still content on pages with several text areas; a stray
        # teaser sentence is not.
        if dist > REGION_GAP and u.weight < max(FAR_KEEP_WORDS, FAR_KEEP_SHARE * main_words):
            drop(u, "far-from-body")


TABLES_BELOW = rule(
    "text-tables-below-run",
    "data tables right below the article's last paragraph (a training plan's weeks, a "
    "timetable, results), under their own headings and lead-ins, are the article's: their "
    "rows have too few function words to be kept as prose, and add nothing to the run")
#: A table is at least TABLE_MIN_ROWS consecutive lines with cells (tab-separated), at most
#: TABLE_GAP lines below the run or the table above it.
TABLE_MIN_ROWS = 3
TABLE_GAP = 6
#: Lines between the run and a table (or two tables) that are kept with it: headings and
#: lead-ins the classifier set aside for their length or density; other furniture there
#: (an ad label, a teaser) stays dropped, and a line no rule names the way the comments,
#: the footer or related links are named ends the search.
_GAP_PASS = ("button", "back-to-top", "teaser")


def _tables_below(units: list[Line], hi: int, end: int) -> list[tuple[int, int]]:
    """Keep the tables below the run that ends at ``units[hi]`` (see :data:`TABLES_BELOW`),
    up to ``units[end]`` (the comments); their spans."""
    spans: list[tuple[int, int]] = []
    i = hi + 1
    while i < end:
        j = i
        while j < end and j - i < TABLE_GAP and not units[j].cells and (
                units[j].reason in INSIDE_REASONS or units[j].reason in _GAP_PASS):
            j += 1
        k = j
        while k < end and units[k].cells and (units[k].keep or units[k].reason in INSIDE_REASONS):
            k += 1
        if k - j < TABLE_MIN_ROWS:
            break
        for u in units[i:k]:
            if u.reason in INSIDE_REASONS and u.words:
                u.keep, u.reason = True, ""
        spans.append((i, k - 1))
        i = k
    return spans


EDIT_LINKS_APART = rule(
    "text-edit-links-apart",
    "a link's label in brackets printed after every heading (a wiki's '[edit]') does not make "
    "the headings around it a menu inside the run: 'History' / '[edit]' / 'Early years' / "
    "'[edit]' are two headings of the article")


def bracketed_label(u: Line) -> bool:
    """A dropped line that is a short label in square brackets ("[edit]", "[edit source]")."""
    t = u.text
    return u.keep is False and t.startswith("[") and t.endswith("]") and 0 < u.words <= 3


def _menu_lines(units: list[Line], a: int, b: int) -> set[int]:
    """Lines in ``units[a:b+1]`` that sit in a run of at least MENU_RUN consecutive lines of
    fewer than MENU_WORDS words, none kept on its own merit: a menu, a footer's link list or
    a tag cloud that the main run spans ("Presse / Suche / Debatte / Artikel"). A one-word
    subheading or label of the article stands alone between paragraphs."""
    out: set[int] = set()
    i = a
    while i <= b:
        j = i
        while j <= b and not units[j].keep and units[j].words < MENU_WORDS and not units[j].cells:
            j += 1
        # (a label in brackets printed after every heading, a wiki's "[edit]", does not count:
        # "History" / "[edit]" / "Early years" / "[edit]" are two headings, not a menu)
        labels = sum(1 for u in units[i:j] if bracketed_label(u)) if EDIT_LINKS_APART else 0
        if j - i - labels >= MENU_RUN:
            out.update(range(i, j))
        i = max(j, i + 1)
    return out


def _edge_sentence(u: Line) -> bool:
    return (u.reason in ("bad-density", "near-good") and u.ends_sentence and u.clause_punct >= 1
            and u.weight >= GOOD_WORDS // 2) or _short_sentence(u)


def _short_sentence(u: Line) -> bool:
    """A line set aside only for being short that is a complete sentence: it ends in sentence
    punctuation, starts like a sentence and has function words ("Nobody was hurt.", "That
    may change soon."). Next to the article's run it is the article's (a one-line paragraph,
    a closing remark); a furniture rule that names a line has already dropped it."""
    t = u.text
    if u.reason != "short" or u.code or u.cells or u.words < SHORT_SENTENCE_WORDS:
        return False
    if not t.rstrip(_CLOSERS).endswith(_FULL_STOPS):
        return False
    if u.unspaced:
        return True
    first = t.lstrip(_OPENERS)[:1]
    return (first.isupper() or first.isdigit()) and u.stop_density > 0


AFTER_COPYRIGHT = rule(
    "text-after-copyright",
    "text kept below the footer's copyright line, in the second half of the page and with "
    "twice as much text kept above it, is what a page prints after its footer: "
    "policies and terms in closed dialogs, a consent dialog's text, a sitemap")
#: The copyright line lies after this share of the page's lines, and the text kept above it
#: is at least ABOVE_COPYRIGHT times the text kept below.
FOOTER_SHARE = 0.5
ABOVE_COPYRIGHT = 2.0


FOOTER_OPENERS = rule(
    "text-footer-openers",
    "the furniture that sits between the content and the footer opens the footer as the "
    "copyright line does: a sign-up form's messages ('Thank you for signing up!'), a form's "
    "consent notice, a software's notice to every reader, a blog's archive months, the "
    "footer's or the sidebar's landmark name ('Footer', 'Primary Sidebar'), a page-feedback "
    "question ('Was this page helpful?'), the page's note of its last change, a credit to "
    "the site's maker ('Powered by WordPress'), a 'Back to top' link; text "
    "kept below the first of them in the second half of the page, with twice as much text "
    "kept above, is the footer's (a line printed more than once, a label on every post, "
    "opens nothing)")
#: The furniture rules whose line opens the footer (after the copyright line's).
#: (Not a follow-us bar: "Follow us on Twitter" also stands between an article's paragraphs,
#: and where one opened the footer on a tune page, prose was kept right below it.)
_FOOTER_OPENERS = frozenset({"signup-notice", "form-consent", "software-notice", "archive-month",
                             "landmark-label", "feedback-prompt", "modified-note",
                             "site-credit", "back-to-top"})


def drop_after_copyright(units: list[Line]) -> None:
    """Drop kept lines below the footer's copyright line or another line that opens the
    footer (see :data:`AFTER_COPYRIGHT`, :data:`FOOTER_OPENERS`)."""
    if not AFTER_COPYRIGHT:
        return
    openers = _FOOTER_OPENERS if FOOTER_OPENERS else frozenset()
    start = int(FOOTER_SHARE * len(units))
    for i in range(start, len(units)):
        u = units[i]
        copyright = u.reason == "copyright"
        # (a label printed on every post, "Share on other sites", opens no footer)
        # (a page's note of its last change that is a dateline keeps the "date" reason)
        opener = u.reason in openers or (
            u.reason == "date" and "modified-note" in openers and MODIFIED_NOTE.search(u.text))
        if not (copyright or (opener and u.repeats <= 1)):
            continue
        below = [v for v in units[i + 1:] if v.keep]
        above = sum(v.weight for v in units[:i] if v.keep)
        if below and above >= ABOVE_COPYRIGHT * sum(v.weight for v in below):
            for v in below:
                drop(v, "after-copyright")
            return
        if copyright:
            return
        # Only the first opener is tried: with too much text below it, it is no footer's, and
        # the copyright line further down still decides. (Trying each opener in turn reaches
        # the lowest of a product page's review dates, read as archive months, and drops the
        # reviews above the footer: wcxb-dev 0185.)
        openers = frozenset()


REPEATED_BLOCK = rule("text-repeated-block",
                      "a run of paragraphs printed a second time (a print copy of the article "
                      "below the article, a teaser block repeated) keeps only its first copy")
#: The run has at least REPEATED_BLOCK_RUN kept lines of REPEATED_BLOCK_WORDS words or more,
#: each printed earlier on the page (a single repeated paragraph may be a pull quote).
REPEATED_BLOCK_RUN = 2
REPEATED_BLOCK_WORDS = 8


def drop_repeated_blocks(units: list[Line]) -> None:
    """Drop second copies of runs of kept paragraphs (see :data:`REPEATED_BLOCK`)."""
    if not REPEATED_BLOCK:
        return
    kept = [u for u in units if u.keep]
    first: dict[str, int] = {}
    again: list[bool] = []
    for k, u in enumerate(kept):
        long = u.words >= REPEATED_BLOCK_WORDS
        again.append(long and u.key in first)
        if long:
            first.setdefault(u.key, k)
    k = 0
    while k < len(kept):
        j = k
        while j < len(kept) and again[j]:
            j += 1
        # (the copy repeats an earlier block line for line, apart from it: one paragraph
        # printed several times in a row is the text's own, placeholder text for one)
        m = first[kept[k].key] if j > k else 0
        if j - k >= REPEATED_BLOCK_RUN and m + (j - k) <= k and \
                [u.key for u in kept[m:m + j - k]] == [u.key for u in kept[k:j]]:
            for u in kept[k:j]:
                drop(u, "repeated-block")
        k = max(j, k + 1)
