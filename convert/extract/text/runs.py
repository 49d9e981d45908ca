"""Furniture that only a run of lines (or the page as a whole) gives away.

Each function here is the action of one page rule in :data:`.furniture.RULES`: a consent
dialog at the end of the page, the page's ``<title>`` printed first, runs of teaser headlines,
a teaser label and the headlines under it, share bars made from one template, a slideshow of
captions below an article, and an author's box below it.
"""

from __future__ import annotations

from convert.extract.ablation import rule

from . import rules as R
from .notices import CONSENT_START, CONSENT_WORDS, COOKIE, SITE_VOICE
from .lines import (HEADLINE_MAX_WORDS, HEADLINE_MIN_WORDS, PAGE_TITLE_MIN_LINES, RULE_MAX_WORDS,
                    Line, drop, echoes_title)

#: A consent dialog is looked for in the part of the page after this share of its lines.
CONSENT_TAIL_START = 0.5
#: A consent dialog opens with a heading of at most this many words, or with a long line
#: using at least CONSENT_MIN_WORDS of its words (and a cookie) in its first CONSENT_SCAN_CHARS.
CONSENT_HEADING_MAX_WORDS = 8
CONSENT_MIN_WORDS = 3
CONSENT_SCAN_CHARS = 3000
CONSENT_VOICE = rule(
    "text-consent-site-voice",
    "a long line that opens a consent dialog is written in the site's voice ('We use cookies "
    "...', 'our partners'); documentation that explains cookies to a programmer ('To set "
    "cookies you can use the set_cookie method') does not end the page")
#: Runs of at least HEADLINE_RUN lines in Title Case (HEADLINE_CASE_SHARE of the
#: HEADLINE_CASE_MIN_LONG or more words of HEADLINE_LONG_WORD letters capitalised) are lists of
#: teaser links; a teaser headline has HEADLINE_CASE_WORDS words.
HEADLINE_RUN = 3
HEADLINE_CASE_SHARE = 0.8
HEADLINE_CASE_WORDS = (4, 20)
HEADLINE_CASE_MIN_LONG = 3
HEADLINE_LONG_WORD = 4
#: The headlines a teaser label heads have this many words.
LABELLED_TEASER_WORDS = (3, 20)
#: Runs of at least TEMPLATE_RUN lines of TEMPLATE_MIN_WORDS to TEMPLATE_MAX_WORDS words that
#: differ in one word only are links made from one template (share bars, menus).
TEMPLATE_RUN = 3
TEMPLATE_MIN_WORDS = 3
TEMPLATE_MAX_WORDS = 12


def drop_consent_tail(units: list[Line]) -> None:
    """A consent dialog printed at the end of the page: from its heading (or from a long line
    explaining cookies) to the end, in the last part of the page."""
    n = len(units)
    for i in range(int(n * CONSENT_TAIL_START), n):
        u = units[i]
        head = u.text[:CONSENT_SCAN_CHARS]
        if (u.words <= CONSENT_HEADING_MAX_WORDS and CONSENT_START.search(u.text)) or \
                (u.words > RULE_MAX_WORDS and len(CONSENT_WORDS.findall(head)) >= CONSENT_MIN_WORDS
                 and COOKIE.search(head) and (not CONSENT_VOICE or SITE_VOICE.search(head))):
            for v in units[i:]:
                drop(v, "consent")
            return


def drop_page_title(units: list[Line]) -> None:
    """The page's <title> printed first ("Headline - Site", WET and get_text dumps) when the
    headline reappears further down: the headline is there, the first line is furniture."""
    first = units[0] if len(units) >= PAGE_TITLE_MIN_LINES else None
    if first is None or not HEADLINE_MIN_WORDS <= first.words <= HEADLINE_MAX_WORDS:
        return
    for u in units[1:]:
        if HEADLINE_MIN_WORDS <= u.words < first.words and echoes_title(u, first):
            drop(first, "page-title")
            return


def is_headline_case(u: Line) -> bool:
    """Title Case without a full stop: the shape of a teaser headline (in scripts with case)."""
    lo, hi = HEADLINE_CASE_WORDS
    if u.words < lo or u.words > hi or u.ends_sentence and not u.text.endswith(("?", "!")):
        return False
    long_words = [w for w in u.text.split() if len(w) >= HEADLINE_LONG_WORD and w[:1].isalpha()]
    if len(long_words) < HEADLINE_CASE_MIN_LONG:
        return False
    caps = sum(1 for w in long_words if w[:1].isupper())
    return caps >= HEADLINE_CASE_SHARE * len(long_words)


def drop_headline_lists(units: list[Line]) -> None:
    """Three or more Title Case lines in a row are a list of links to other articles."""
    i, n = 0, len(units)
    while i < n:
        j = i
        while j < n and (units[j].keep is None and not units[j].cells
                         and is_headline_case(units[j])):
            j += 1
        if j - i >= HEADLINE_RUN:
            for u in units[i:j]:
                drop(u, "headline-list")
        i = max(j, i + 1)


def drop_labelled_teasers(units: list[Line]) -> None:
    """A teaser label on its own line ("Read also", "Lesen Sie auch") and the headlines it
    links on the next lines: headlines, not sentences."""
    lo, hi = LABELLED_TEASER_WORDS
    for i, u in enumerate(units[:-1]):
        if u.reason != "button" and u.keep is not None or u.key not in R.TEASER_LABELS:
            continue
        j = i + 1
        # (the label's box may list several headlines, one to a line, no blank line between)
        while j < len(units) and units[j].keep is None and lo <= units[j].words <= hi and (
                not units[j].ends_sentence or units[j].text.endswith("?")) and (
                j == i + 1 or not units[j].gap_before):
            drop(units[j], "teaser")
            j += 1
        if j > i + 1:
            drop(u, "teaser")


def _skeletons(key: str) -> set[str]:
    """The line's key with each of its words in turn replaced by a wildcard."""
    parts = key.split(" ")
    return {" ".join(parts[:k] + ["*"] + parts[k + 1:]) for k in range(len(parts))}


def drop_templated_runs(units: list[Line]) -> None:
    """Consecutive lines that differ in a single word ("Click to share on Twitter", "... on
    Facebook", "... on Reddit") are one template filled in for each link: a share bar or a
    menu, whatever the language."""
    i, n = 0, len(units)
    while i < n:
        u = units[i]
        if u.keep is not None or not TEMPLATE_MIN_WORDS <= u.words <= TEMPLATE_MAX_WORDS \
                or u.cells or u.unspaced or u.key.count(" ") < TEMPLATE_MIN_WORDS - 1 \
                or R.BULLET.match(u.text):
            i += 1  # (bulleted items are a list in the text, however alike)
            continue
        if not (i + 1 < n and units[i + 1].words == u.words):
            i += 1
            continue
        common = _skeletons(u.key)
        j = i + 1
        while j < n and units[j].keep is None and units[j].words == u.words and not units[j].cells \
                and units[j].key.count(" ") == u.key.count(" "):
            shared = common & _skeletons(units[j].key)
            if not shared:
                break
            common = shared
            j += 1
        if j - i >= TEMPLATE_RUN:
            for v in units[i:j]:
                drop(v, "templated")
        i = max(j, i + 1)


#: An author's box: the bio follows its label within ABOUT_WINDOW lines, after at most that
#: many short lines (the name, an avatar's alt text) of fewer than ABOUT_NAME_WORDS words.
ABOUT_WINDOW = 4
ABOUT_NAME_WORDS = 4
#: The label has at most this many words; a bio at most BIO_MAX_WORDS (a longer text under
#: "About ..." is a section of the page).
ABOUT_LABEL_WORDS = 6
BIO_MAX_WORDS = 120
#: The box follows at least ABOVE_PROSE_LINES sentences of ABOVE_PROSE_WORDS words or more
#: (on a page with no article above it, "About Jane Doe" is what the page is about).
ABOVE_PROSE_LINES = 2
ABOVE_PROSE_WORDS = 18


def drop_author_boxes(units: list[Line]) -> None:
    """An author's box below the article: its label ("About the author", "About Jane Doe"),
    the name printed again, and the bio ("Jane Doe is a reporter who ..."); or the whole box
    on one line ("About the author: Jane Doe is ...")."""
    n = len(units)
    prose = 0  # paragraphs above: an author's box sits below an article
    for i, u in enumerate(units):
        above = prose
        if u.words >= ABOVE_PROSE_WORDS and u.ends_sentence:
            prose += 1
        if u.keep is not None or above < ABOVE_PROSE_LINES:
            continue
        if R.ABOUT_AUTHOR_INLINE.match(u.text):
            if u.words <= BIO_MAX_WORDS:
                drop(u, "author-bio")
            continue
        if u.words > ABOUT_LABEL_WORDS:
            continue
        named = R.ABOUT_NAME.match(u.text)
        if not (named or R.ABOUT_AUTHOR.match(u.text)):
            continue
        first = named.group("name").split()[0] if named else None
        short: list[Line] = []
        for v in units[i + 1:min(n, i + 1 + ABOUT_WINDOW)]:
            if v.words < ABOUT_NAME_WORDS:
                short.append(v)
                continue
            if v.keep is None and v.words <= BIO_MAX_WORDS and (v.text.startswith(first) if first else R.BIO_START.match(v.text)):
                for w in (u, *short, v):
                    drop(w, "author-bio")
            break


#: A gallery: at least GALLERY_RUN captions ending in a bracketed credit, one after the other
#: (lines of fewer than GALLERY_GAP_WORDS words between them: a slide's title, a counter).
GALLERY_RUN = 3
GALLERY_GAP_WORDS = 8
#: ... dropped below an article of at least GALLERY_ARTICLE_LINES paragraphs of
#: ABOVE_PROSE_WORDS words or more (a photo post whose captions are its text keeps them).
GALLERY_ARTICLE_LINES = 3


def drop_galleries(units: list[Line]) -> None:
    """A slideshow printed into the page: a run of photo captions, each ending in a credit
    ("... (AP Photo/Jane Doe)"). One caption between paragraphs is the caption rule's."""
    n = len(units)
    i = 0
    prose = 0  # paragraphs above: a gallery below an article is not the article
    while i < n:
        u = units[i]
        if u.keep is not None or not R.CREDIT_TAIL_BRACKETED.search(u.text):
            if u.words >= ABOVE_PROSE_WORDS and u.ends_sentence:
                prose += 1
            i += 1
            continue
        caps = [i]
        j = i + 1
        while j < n:
            v = units[j]
            if v.keep is None and R.CREDIT_TAIL_BRACKETED.search(v.text):
                caps.append(j)
            elif v.words >= GALLERY_GAP_WORDS:
                break
            j += 1
        if len(caps) >= GALLERY_RUN and prose >= GALLERY_ARTICLE_LINES:
            for k in range(caps[0], caps[-1] + 1):
                if units[k].keep is None:
                    drop(units[k], "gallery")
                    units[k].kind = "caption"
        i = max(j, i + 1)
