"""Where the article's run of text ends in a plain-text dump: comments, related links, reviews.

The run (see :mod:`.region`) ends at a comments or related-links heading once it has had some
body, at a bare "Comments" label that comment headers follow, or at the first of the action
bars printed under every comment. A comment count over the post's credit line ("4 Comments" /
"Written on ... by ...") is the post's header, not the thread's; a related-links box is
weighed against the text above the comments, not the thread below it. A blog's post
navigation or post footer ("Previous post", "This entry was posted in ...") and the headings
of link boxes ("Recent Posts", "Topics:") end the post too; a related-links box is weighed
against the prose below it, not its own headlines. On a question-and-answer page (an answer
count, "19 Answers") the answers are the content: no comments heading or thread ends it.
"""

from __future__ import annotations

from convert.extract.ablation import rule

from . import meta as M
from . import rules as R
from .openers import (ANSWERS_HEADING, COMMENTS_START, COMMENT_ACTION, COMMENT_SAYS, COMMENT_WORD,
                      LINK_BOX_HEADING, POST_NAV, QUOTE_BUTTON, RELATED_OPENER, RELATED_START,
                      REPLY_TAIL, REVIEWS_START, REVIEW_MARK, THREAD_OPENER)
from .lines import SHORT_WORDS, Line, drop

#: Words of body needed before a comments heading may end the article.
MIN_COMMENT_CUT = 60
#: A comments label printed this many times or more labels each post or teaser ("Add a
#: comment", "12 comments"), not the heading of the page's comment thread.
PER_ITEM_REPEATS = 3
#: Comment headers ending in a reply button (see :data:`openers.REPLY_TAIL`) that make a
#: comment thread without a heading.
THREAD_REPLIES = 3
#: ... or blog comment headers ("Maria says:" over the comment's date).
THREAD_SAYS = 2
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
POST_HEADER_COUNT = rule(
    "text-post-header-count",
    "a comment count ('4 Comments') over a post's credit line ('Written on August 9, 2012 "
    "by Jane Doe') belongs to the post's header above the article, not to the thread below")
#: The credit line follows the count within this many lines (a comment's own "Posted by: X at
#: <date>" follows the comment's text) and has at most CREDIT_MAX_WORDS words.
CREDIT_WINDOW = 1
CREDIT_MAX_WORDS = 16
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
#: The answer count is a line of at most this many words.
ANSWERS_MAX_WORDS = 4
#: A comment's header or footer with its action buttons has at most this many words.
ACTION_MAX_WORDS = 15
#: Comment headers ending in a reply button have this many words; "says:" headers at most
#: SAYS_MAX_WORDS.
REPLY_HEADER_WORDS = (3, 12)
SAYS_MAX_WORDS = 6


def related_label(u: Line) -> bool:
    """A related-links label (see :data:`openers.RELATED_START`) inside the run heads a
    teaser box, not a section of the article."""
    return u.words <= RELATED_LABEL_WORDS and bool(
        RELATED_START.search(u.text) or (RELATED_WORDS and RELATED_OPENER.search(u.text)))


def _comments_heading(u: Line) -> bool:
    """A heading that opens the reader comments (:data:`openers.COMMENTS_START`, and with
    :data:`THREAD_WORDS` on, :data:`openers.THREAD_OPENER`), not a label printed on every post
    or teaser ("Add a comment", "12 comments")."""
    return bool(COMMENTS_START.search(u.text) or (
        THREAD_WORDS and THREAD_OPENER.search(u.text))) and not (
        u.repeats >= PER_ITEM_REPEATS and COMMENT_WORD.search(u.text))


LABEL_OPENS_SECTION = rule(
    "text-label-opens-section",
    "a one-word comments label whose next line opens with the same word ('Response' / "
    "'Response instances are returned by calls to fetch().') heads a section of the article "
    "about that thing: the comments under a label do not start by naming it")


def _opens_next(units: list[Line], i: int) -> bool:
    """``units[i]`` is one word and the next line of text opens with it."""
    word = units[i].text.strip().rstrip(":")
    if units[i].words != 1 or not word:
        return False
    nxt = next((v for v in units[i + 1:i + 3] if v.words), None)
    return nxt is not None and nxt.text.split(" ", 1)[0] == word and nxt.words > 1


LINK_BOXES = rule(
    "text-link-box-headings",
    "'Recent Posts', 'Recent Comments', 'Top Headlines', 'Most Popular Stories' and a bare "
    "'Topics:' or 'Tags:' over the post's tags head link boxes below the article: they end "
    "it as a related-links heading does")


def _related_heading(u: Line) -> bool:
    """A heading that opens a related-links box (:data:`openers.RELATED_START`, and with
    :data:`RELATED_WORDS` on, :data:`openers.RELATED_OPENER`; with :data:`LINK_BOXES` on,
    :data:`openers.LINK_BOX_HEADING`)."""
    return u.words <= RELATED_LABEL_WORDS and u.repeats < PER_ITEM_REPEATS and bool(
        RELATED_START.search(u.text) or (RELATED_WORDS and RELATED_OPENER.search(u.text))
        or (LINK_BOXES and LINK_BOX_HEADING.match(u.text)))


def answers_heading(units: list[Line]) -> bool:
    """Whether the page counts the answers to a question (see :data:`.region.QA_ANSWERS`)."""
    return any(u.words <= ANSWERS_MAX_WORDS and ANSWERS_HEADING.match(u.text) for u in units)


def cut_comments(units: list[Line], lo: int, hi: int, qa: bool = False) -> int | None:
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
        elif POST_NAVIGATION and u.repeats < PER_ITEM_REPEATS and POST_NAV.match(u.text):
            reason = "post-navigation"
        elif REVIEWS_CUT and u.repeats < PER_ITEM_REPEATS and REVIEWS_START.search(u.text):
            reason = "reviews"
        elif _comments_heading(u):
            if qa:
                continue  # (the comments under the question, the answers below them)
            if FORUM_QUOTES and _quote_buttons(units, i) >= THREAD_REPLIES:
                continue  # a forum's replies: the thread is the page's content
            if POST_HEADER_COUNT and any(c.isdigit() for c in u.text) and _credit_below(units, i):
                continue  # the post's own header ("4 Comments" / "Written on ... by ...")
            if LABEL_OPENS_SECTION and _opens_next(units, i):
                continue  # a section of the article ("Response" / "Response instances are ...")
            reason = "comments"
        else:
            continue
        # A bare "Comments" or "Related" is also a menu, share-bar or inline link: it ends
        # the article only once most of the run is behind it (a count, "12 Comments" or
        # "Comments (12)", makes it a heading).
        if any(c.isdigit() for c in u.text) or u.words > 1 or seen >= BARE_LABEL_SHARE * total or (
                CONFIRMED_LABEL and reason == "comments" and COMMENT_WORD.search(u.text)
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


def reviews_start(units: list[Line]) -> int | None:
    """The first customer-reviews heading (:data:`openers.REVIEWS_START`) that at least
    LABEL_MARKS lines of a review's furniture follow ('47 people found this review helpful',
    'Yes, I recommend this product', 'Rated 5.0 out of 5 stars')."""
    for i, u in enumerate(units):
        if u.words <= CUT_MAX_WORDS and u.repeats < PER_ITEM_REPEATS and REVIEWS_START.search(u.text):
            marks = sum(1 for v in units[i + 1:] if v.words <= CUT_MAX_WORDS and REVIEW_MARK.search(v.text))
            if marks >= LABEL_MARKS:
                return i
    return None


def _quote_buttons(units: list[Line], i: int) -> int:
    """How many lines below ``units[i]`` are a bare 'Quote' button (:data:`openers.QUOTE_BUTTON`)."""
    return sum(1 for u in units[i + 1:] if u.words <= 2 and QUOTE_BUTTON.match(u.text))


def _credit_below(units: list[Line], i: int) -> bool:
    """A post's credit line (a date and "by" a name: "Written on August 9, 2012 by Jane Doe",
    "By Jane Doe | 3 May 2012") within CREDIT_WINDOW lines below ``units[i]``."""
    for v in units[i + 1:i + 1 + CREDIT_WINDOW]:
        # (not "Add a Comment by X, July 24, 2012": a comment's header)
        if v.words <= CREDIT_MAX_WORDS and (R.BYLINE.match(v.text) or R.BY_NAME.search(v.text)) \
                and M.parse_date(v.text) and not COMMENT_WORD.search(v.text):
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
        REPLY_TAIL.search(u.text) or COMMENT_SAYS.match(u.text) or COMMENT_ACTION.search(u.text)
        # ("Comment #2 - Posted by: Kurt at November 10, 2012 5:55 PM")
        or (COMMENT_WORD.search(u.text) and M.parse_date(u.text)))


def thread_start(units: list[Line]) -> tuple[int | None, bool]:
    """Where a comment thread starts, with no regard to the text above it, and whether a
    heading opens it: the first comments label that LABEL_MARKS comment headers follow, else
    the first of THREAD_REPLIES comment headers (see :func:`comment_thread`)."""
    for i, u in enumerate(units):
        if u.words <= CUT_MAX_WORDS and u.repeats < PER_ITEM_REPEATS and COMMENT_WORD.search(u.text) \
                and _comments_heading(u) and _marks_after(units, i, strict=True) >= LABEL_MARKS:
            return i, True
    return comment_thread(units, 0, min_seen=0), False


def _marks_after(units: list[Line], i: int, strict: bool = False) -> int:
    """How many comment headers or footers follow ``units[i]``, the first of them within
    LABEL_MARK_WINDOW lines (under the label, or under the first comment); else 0."""
    marks = [j for j in range(i + 1, len(units)) if _comment_mark(units[j], strict)]
    return len(marks) if marks and marks[0] - i <= LABEL_MARK_WINDOW else 0


def comment_thread(units: list[Line], lo: int, min_seen: float = MIN_COMMENT_CUT) -> int | None:
    """Reader comments without a heading: three or more comment headers below the body that
    end in a reply button after the commenter's name and time ("John Smith · 3 days ago ·
    Reply") or "says:" over a date; the thread starts at the first one. (A bare "Reply" button after each post is
    left alone: forum threads, whose posts are the content, print one too.)"""
    marks = [i for i in range(lo, len(units))
             if REPLY_HEADER_WORDS[0] <= units[i].words <= REPLY_HEADER_WORDS[1] and REPLY_TAIL.search(units[i].text)]
    says = [i for i in range(lo, len(units) - 1) if units[i].words <= SAYS_MAX_WORDS
            and units[i + 1].kind == "date" and COMMENT_SAYS.match(units[i].text)]
    if ACTION_MARKS:
        # (the same action bar under every comment: "Reply to This Parent Share", "Flag as
        # Inappropriate"; the first comment above it is left, its start is not marked)
        actions = [i for i in range(lo, len(units)) if units[i].words <= ACTION_MAX_WORDS
                   and COMMENT_ACTION.search(units[i].text)]
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
