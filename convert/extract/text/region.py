"""The article's region in a plain-text dump: the densest run of kept lines, and where it ends.

An article is one run of text; sidebars, teaser blocks, footers and comment threads sit around
it. The run is the span with the largest sum of kept words minus dropped lines (the Body Text
Extraction idea of Finn et al.). When the headline can be located (WET and ``get_text`` dumps
print the page's ``<title>`` first), the run is looked for below it first. The run ends at a
comments or related-links heading once it has had some body, at a bare "Comments" label that
comment headers follow, or at the first of the action bars printed under every comment; a run
that lies inside a comment thread (readers wrote more than the article) gives way to the run
above the thread. A comment count over the post's credit line ("4 Comments" / "Written on ...
by ...") is the post's header, not the thread's; a related-links box is weighed against the
text above the comments, not the thread below it. A blog's post navigation or post footer
("Previous post", "This entry was posted in ...") and the headings of link boxes ("Recent
Posts", "Topics:") end the post too; a related-links box is weighed against the prose below
it, not its own headlines. On a question-and-answer page (an answer count, "19 Answers") the
answers are the content: no comments heading or thread ends it. Paragraphs printed a second
time further down keep their first copy (:func:`drop_repeated_blocks`).
"""

from __future__ import annotations

from convert.extract.ablation import rule

from . import meta as M
from . import rules as R
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
#: Words of body needed before a comments heading may end the article.
MIN_COMMENT_CUT = 60
#: A comments label printed this many times or more labels each post or teaser ("Add a
#: comment", "12 comments"), not the heading of the page's comment thread.
PER_ITEM_REPEATS = 3
#: A short line read as a sentence (see :func:`_short_sentence`) has at least this many words,
#: and ends in one of _FULL_STOPS, before closing quotes and brackets.
SHORT_SENTENCE_WORDS = 2
_FULL_STOPS = tuple(".!?…。！？؟।")
_CLOSERS = "\"')]»”’」』"
_OPENERS = "\"'(«“‘「『¿¡"
#: Comment headers ending in a reply button (see :data:`rules.REPLY_TAIL`) that make a
#: comment thread without a heading.
THREAD_REPLIES = 3
#: ... or blog comment headers ("Maria says:" over the comment's date).
THREAD_SAYS = 2
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
#: A related-links label has at most this many words; a comments or related heading at most
#: CUT_MAX_WORDS.
RELATED_LABEL_WORDS = 8
CUT_MAX_WORDS = 10
#: A related-links box ends the article only when less than this share of the text seen so
#: far follows it; a bare label only once this share of the run is behind it.
RELATED_TAIL_SHARE = 0.5
BARE_LABEL_SHARE = 0.6
#: A bare comments label ("Comments") ends the article, however much text follows, when at
#: least LABEL_MARKS comment headers or footers follow it (see :func:`_comment_mark`).
LABEL_MARKS = 3
#: ... the first of them at most this many lines below the label.
LABEL_MARK_WINDOW = 12
CONFIRMED_LABEL = rule("text-confirmed-comments-label",
                       "a bare 'Comments' label followed by comment headers (a name and a date, "
                       "'X says:', a reply button) ends the article even when the thread is "
                       "longer than the article")
ACTION_MARKS = rule("text-comment-actions",
                    "short lines with a comment's action buttons ('Reply to This', 'Flag as "
                    "Inappropriate', 'up reply actions') printed three times or more mark a "
                    "comment thread without a heading")
RELATED_BEFORE_COMMENTS = rule(
    "text-related-before-comments",
    "a related-links box ends the article when little text follows it before the comments "
    "heading (the comment thread below it is not article text that follows the box)")
THREAD_WORDS = rule("text-thread-openers",
                    "more lines that open a comment thread: 'Discuss this post', '45 users "
                    "responded in ...', an article's last line ending 'There are 12 comments.'")
RELATED_WORDS = rule("text-related-openers",
                     "more labels that open a related-links box: 'More content from X:', "
                     "'Explore related content', 'Complete coverage'")
NO_FOOTER_ANCHOR = rule(
    "text-no-footer-anchor",
    "a line that repeats the first line (the page's <title>) word for word in the second half "
    "of the page is the site's name in the footer, not the headline above the article")
#: ... in the part of the page after this share of its lines.
ANCHOR_EXACT_SHARE = 0.5
POST_HEADER_COUNT = rule(
    "text-post-header-count",
    "a comment count ('4 Comments') over a post's credit line ('Written on August 9, 2012 "
    "by Jane Doe') belongs to the post's header above the article, not to the thread below")
#: The credit line follows the count within this many lines (a comment's own "Posted by: X at
#: <date>" follows the comment's text) and has at most CREDIT_MAX_WORDS words.
CREDIT_WINDOW = 1
CREDIT_MAX_WORDS = 16
ABOVE_REVIEWS = rule(
    "text-content-above-reviews",
    "when the densest run of text lies below a customer-reviews heading that reviews' "
    "furniture follows ('found this review helpful', 'I recommend this product'), the content "
    "is the best run above the heading")
FORUM_QUOTES = rule(
    "text-forum-quote-buttons",
    "a comments heading over posts that each carry a 'Quote' button is a forum thread's "
    "reply count: forum software quotes posts, blog comment forms do not, and a forum's "
    "replies are its content")
REVIEWS_CUT = rule(
    "text-reviews-heading",
    "a heading that opens the customer reviews ('Customer Reviews', 'Reviews (76)', 'Write a "
    "review', 'Based on 4567 reviews') ends the content, as a comments heading does: a product's "
    "page is its name, description and specifications, the reviews are its readers' comments")
POST_NAVIGATION = rule(
    "text-post-navigation",
    "a blog's post navigation ('Previous post', 'Next Article: <title>', 'Newer Post Older "
    "Post Home') and the other lines of a post's footer ('This entry was posted in ...', "
    "'Jump to comments', '100 of 253 comments loaded') below some of the post's text end the "
    "post, as a related-links heading does: what follows is the comments and the next "
    "post's teasers")
QA_ANSWERS = rule(
    "text-qa-answers",
    "on a question-and-answer page (an answer count over the answers: '19 Answers') the "
    "answers are the content: the comments under the question or an answer neither end it "
    "nor make it a comment thread")
#: The answer count is a line of at most this many words.
ANSWERS_MAX_WORDS = 4
ABOVE_THREAD = rule("text-article-above-thread",
                    "when the densest run of text lies inside a comment thread, the article is "
                    "the best run above the thread")
#: A comment's header or footer with its action buttons has at most this many words.
ACTION_MAX_WORDS = 15
#: Comment headers ending in a reply button have this many words; "says:" headers at most
#: SAYS_MAX_WORDS.
REPLY_HEADER_WORDS = (3, 12)
SAYS_MAX_WORDS = 6


def _run_score(u: Line) -> float:
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
    best, lo, hi = _best_span(units, 0)
    anchor = _title_anchor(units)
    anchored = False
    if anchor is not None and anchor > lo:
        b2, lo2, hi2 = _best_span(units, anchor + 1)
        if lo2 >= 0 and lo2 - anchor <= REGION_GAP and b2 >= ANCHORED_SHARE * best:
            best, lo, hi, anchored = b2, lo2, hi2, True
    if hi < 0:
        return
    qa = QA_ANSWERS and _answers_heading(units)
    if ABOVE_THREAD and not qa:
        # The densest run inside a comment thread longer than the article: the article is
        # the run above the thread (a short story whose readers wrote more than it).
        start, labelled = _thread_start(units)
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
        start = _reviews_start(units)
        if start is not None and lo >= start:
            b2, lo2, hi2 = _best_span(units, 0, start)
            if hi2 >= 0:
                for v in units[start:]:
                    if v.keep or v.reason in OPEN_REASONS:
                        drop(v, "reviews")
                best, lo, hi = b2, lo2, hi2
    cut = _cut_comments(units, lo, hi, qa)
    thread = _comment_thread(units, lo) if not qa else None
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
                and u.index not in menu and not _related_label(u):
            u.keep, u.reason = True, ""
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
        if j - i >= MENU_RUN:
            out.update(range(i, j))
        i = max(j, i + 1)
    return out


def _related_label(u: Line) -> bool:
    """A related-links label (see :data:`rules.RELATED_START`) inside the run heads a
    teaser box, not a section of the article."""
    return u.words <= RELATED_LABEL_WORDS and bool(
        R.RELATED_START.search(u.text) or (RELATED_WORDS and R.RELATED_OPENER.search(u.text)))


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


def _comments_heading(u: Line) -> bool:
    """A heading that opens the reader comments (:data:`rules.COMMENTS_START`, and with
    :data:`THREAD_WORDS` on, :data:`rules.THREAD_OPENER`), not a label printed on every post
    or teaser ("Add a comment", "12 comments")."""
    return bool(R.COMMENTS_START.search(u.text) or (
        THREAD_WORDS and R.THREAD_OPENER.search(u.text))) and not (
        u.repeats >= PER_ITEM_REPEATS and R.COMMENT_WORD.search(u.text))


LINK_BOXES = rule(
    "text-link-box-headings",
    "'Recent Posts', 'Recent Comments', 'Top Headlines', 'Most Popular Stories' and a bare "
    "'Topics:' or 'Tags:' over the post's tags head link boxes below the article: they end "
    "it as a related-links heading does")


def _related_heading(u: Line) -> bool:
    """A heading that opens a related-links box (:data:`rules.RELATED_START`, and with
    :data:`RELATED_WORDS` on, :data:`rules.RELATED_OPENER`; with :data:`LINK_BOXES` on,
    :data:`rules.LINK_BOX_HEADING`)."""
    return u.words <= RELATED_LABEL_WORDS and u.repeats < PER_ITEM_REPEATS and bool(
        R.RELATED_START.search(u.text) or (RELATED_WORDS and R.RELATED_OPENER.search(u.text))
        or (LINK_BOXES and R.LINK_BOX_HEADING.match(u.text)))


def _answers_heading(units: list[Line]) -> bool:
    """Whether the page counts the answers to a question (see :data:`QA_ANSWERS`)."""
    return any(u.words <= ANSWERS_MAX_WORDS and R.ANSWERS_HEADING.match(u.text) for u in units)


def _cut_comments(units: list[Line], lo: int, hi: int, qa: bool = False) -> int | None:
    """Reader comments and related links follow a heading ("12 Comments", "Leave a reply",
    "Related articles"); the article ends there, once it has had some body. On a
    question-and-answer page (``qa``) only a related-links heading ends it."""
    seen = 0.0
    total = sum(u.weight for u in units[lo:hi + 1] if u.keep)
    if RELATED_BEFORE_COMMENTS:
        # The text a related-links box is weighed against ends where the comments start:
        # a long thread below does not make the box part of the article.
        total = _text_before_comments(units, lo, hi, total)
    for i in range(lo, len(units)):
        u = units[i]
        if u.keep:
            seen += u.weight
        if u.words > CUT_MAX_WORDS or seen < MIN_COMMENT_CUT:
            continue
        if _related_heading(u):
            # A related-links box can also sit inside the article: it ends the article
            # only when little text follows it.
            tail = total - seen
            if TAIL_PROSE and tail >= RELATED_TAIL_SHARE * seen:
                tail = _prose_below(units, i, hi, total - seen)
            if tail >= RELATED_TAIL_SHARE * seen:
                continue
            reason = "related"
        elif POST_NAVIGATION and u.repeats < PER_ITEM_REPEATS and R.POST_NAV.match(u.text):
            reason = "post-navigation"
        elif REVIEWS_CUT and u.repeats < PER_ITEM_REPEATS and R.REVIEWS_START.search(u.text):
            reason = "reviews"
        elif _comments_heading(u):
            if qa:
                continue  # (the comments under the question, the answers below them)
            if FORUM_QUOTES and _quote_buttons(units, i) >= THREAD_REPLIES:
                continue  # a forum's replies: the thread is the page's content
            if POST_HEADER_COUNT and any(c.isdigit() for c in u.text) and _credit_below(units, i):
                continue  # the post's own header ("4 Comments" / "Written on ... by ...")
            reason = "comments"
        else:
            continue
        # A bare "Comments" or "Related" is also a menu, share-bar or inline link: it ends
        # the article only once most of the run is behind it (a count, "12 Comments" or
        # "Comments (12)", makes it a heading).
        if any(c.isdigit() for c in u.text) or u.words > 1 or seen >= BARE_LABEL_SHARE * total or (
                CONFIRMED_LABEL and reason == "comments" and R.COMMENT_WORD.search(u.text)
                and _marks_after(units, i) >= LABEL_MARKS):
            for v in units[i:]:
                if v.keep:
                    drop(v, reason)
            return i
    return None


TAIL_PROSE = rule(
    "text-related-tail-prose",
    "the text that keeps a related-links heading inside the article is prose (sentences, long "
    "lines, code): the headlines of the box itself do not count as text following it")


#: A kept line of at least this many words is prose whatever its end (a paragraph that ends
#: in a colon over a list or code).
TAIL_PROSE_WORDS = 30


def _prose_below(units: list[Line], i: int, hi: int, cap: float) -> float:
    """The kept words below ``units[i]`` to the run's end ``hi`` in prose (see
    :data:`TAIL_PROSE`): sentences, long lines and code, at most ``cap``."""
    out = 0.0
    for u in units[i + 1:hi + 1]:
        if u.keep and (u.code or u.words >= TAIL_PROSE_WORDS or (
                u.ends_sentence and u.words >= SHORT_WORDS)):
            out += u.weight
    return min(out, cap)


def _reviews_start(units: list[Line]) -> int | None:
    """The first customer-reviews heading (:data:`rules.REVIEWS_START`) that at least
    LABEL_MARKS lines of a review's furniture follow ('47 people found this review helpful',
    'Yes, I recommend this product', 'Rated 5.0 out of 5 stars')."""
    for i, u in enumerate(units):
        if u.words <= CUT_MAX_WORDS and u.repeats < PER_ITEM_REPEATS and R.REVIEWS_START.search(u.text):
            marks = sum(1 for v in units[i + 1:] if v.words <= CUT_MAX_WORDS and R.REVIEW_MARK.search(v.text))
            if marks >= LABEL_MARKS:
                return i
    return None


def _quote_buttons(units: list[Line], i: int) -> int:
    """How many lines below ``units[i]`` are a bare 'Quote' button (:data:`rules.QUOTE_BUTTON`)."""
    return sum(1 for u in units[i + 1:] if u.words <= 2 and R.QUOTE_BUTTON.match(u.text))


def _credit_below(units: list[Line], i: int) -> bool:
    """A post's credit line (a date and "by" a name: "Written on August 9, 2012 by Jane Doe",
    "By Jane Doe | 3 May 2012") within CREDIT_WINDOW lines below ``units[i]``."""
    for v in units[i + 1:i + 1 + CREDIT_WINDOW]:
        # (not "Add a Comment by X, July 24, 2012": a comment's header)
        if v.words <= CREDIT_MAX_WORDS and (R.BYLINE.match(v.text) or R.BY_NAME.search(v.text)) \
                and M.parse_date(v.text) and not R.COMMENT_WORD.search(v.text):
            return True
    return False


def _text_before_comments(units: list[Line], lo: int, hi: int, total: float) -> float:
    """The kept words of ``units[lo:hi+1]`` above the first comments heading that has
    MIN_COMMENT_CUT words of body above it (``total`` when there is none)."""
    seen = 0.0
    for u in units[lo:hi + 1]:
        if u.keep:
            seen += u.weight
        if seen >= MIN_COMMENT_CUT and u.words <= CUT_MAX_WORDS and u.words > 1 \
                and _comments_heading(u):
            return seen
    return total


def _comment_mark(u: Line, strict: bool = False) -> bool:
    """A comment's header or footer: the commenter's name with the date ("Posted by: Steve |
    September 13, 2012 at 05:15 AM", a line the date or byline rule took), "Maria says:", or
    a short line with a reply button ("John · 3 days ago · Reply", "Reply to This").
    ``strict``: not a bare date or byline line (the article's own are one of each)."""
    if u.words > ACTION_MAX_WORDS:
        return False
    return (not strict and u.kind in ("date", "byline")) or bool(
        R.REPLY_TAIL.search(u.text) or R.COMMENT_SAYS.match(u.text) or R.COMMENT_ACTION.search(u.text)
        # ("Comment #2 - Posted by: Kurt at November 10, 2012 5:55 PM")
        or (R.COMMENT_WORD.search(u.text) and M.parse_date(u.text)))


def _thread_start(units: list[Line]) -> tuple[int | None, bool]:
    """Where a comment thread starts, with no regard to the text above it, and whether a
    heading opens it: the first comments label that LABEL_MARKS comment headers follow, else
    the first of THREAD_REPLIES comment headers (see :func:`_comment_thread`)."""
    for i, u in enumerate(units):
        if u.words <= CUT_MAX_WORDS and u.repeats < PER_ITEM_REPEATS and R.COMMENT_WORD.search(u.text) \
                and _comments_heading(u) and _marks_after(units, i, strict=True) >= LABEL_MARKS:
            return i, True
    return _comment_thread(units, 0, min_seen=0), False


def _marks_after(units: list[Line], i: int, strict: bool = False) -> int:
    """How many comment headers or footers follow ``units[i]``, the first of them within
    LABEL_MARK_WINDOW lines (under the label, or under the first comment); else 0."""
    marks = [j for j in range(i + 1, len(units)) if _comment_mark(units[j], strict)]
    return len(marks) if marks and marks[0] - i <= LABEL_MARK_WINDOW else 0


def _comment_thread(units: list[Line], lo: int, min_seen: float = MIN_COMMENT_CUT) -> int | None:
    """Reader comments without a heading: three or more comment headers below the body that
    end in a reply button after the commenter's name and time ("John Smith · 3 days ago ·
    Reply") or "says:" over a date; the thread starts at the first one. (A bare "Reply" button after each post is
    left alone: forum threads, whose posts are the content, print one too.)"""
    marks = [i for i in range(lo, len(units))
             if REPLY_HEADER_WORDS[0] <= units[i].words <= REPLY_HEADER_WORDS[1] and R.REPLY_TAIL.search(units[i].text)]
    says = [i for i in range(lo, len(units) - 1) if units[i].words <= SAYS_MAX_WORDS
            and units[i + 1].kind == "date" and R.COMMENT_SAYS.match(units[i].text)]
    if ACTION_MARKS:
        # (the same action bar under every comment: "Reply to This Parent Share", "Flag as
        # Inappropriate"; the first comment above it is left, its start is not marked)
        actions = [i for i in range(lo, len(units)) if units[i].words <= ACTION_MAX_WORDS
                   and R.COMMENT_ACTION.search(units[i].text)]
        if len(actions) >= THREAD_REPLIES and (len(marks) < THREAD_REPLIES or actions[0] < marks[0]):
            marks = actions
    if len(marks) >= THREAD_REPLIES:
        start = marks[0] if len(says) < THREAD_SAYS else min(marks[0], says[0])
    elif len(says) >= THREAD_SAYS:
        start = says[0]
    else:
        return None
    seen = sum(u.weight for u in units[lo:start] if u.keep)
    return start if seen >= min_seen else None


AFTER_COPYRIGHT = rule(
    "text-after-copyright",
    "text kept below the footer's copyright line, in the second half of the page and with "
    "twice as much text kept above it, is what a page prints after its footer: "
    "policies and terms in closed dialogs, a consent dialog's text, a sitemap")
#: The copyright line lies after this share of the page's lines, and the text kept above it
#: is at least ABOVE_COPYRIGHT times the text kept below.
FOOTER_SHARE = 0.5
ABOVE_COPYRIGHT = 2.0


def drop_after_copyright(units: list[Line]) -> None:
    """Drop kept lines below the footer's copyright line (see :data:`AFTER_COPYRIGHT`)."""
    if not AFTER_COPYRIGHT:
        return
    start = int(FOOTER_SHARE * len(units))
    for i in range(start, len(units)):
        if units[i].reason == "copyright":
            below = [u for u in units[i + 1:] if u.keep]
            above = sum(u.weight for u in units[:i] if u.keep)
            if below and above >= ABOVE_COPYRIGHT * sum(u.weight for u in below):
                for u in below:
                    drop(u, "after-copyright")
            return


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
