"""Structure around the body of a text dump: headline, standfirst, dateline, byline, breadcrumb
section and lead-image caption, found among the lines the classifier set aside."""

from __future__ import annotations

import re

from convert.article import Figure, Text
from . import meta as M
from . import rules as R
from .openers import COMMENT_SAYS
from .stopwords import words as word_list
from .runs import is_headline_case
from .lines import HEADLINE_MAX_WORDS, HEADLINE_MIN_WORDS, OPEN_REASONS, Line, echoes_title
from .timestamps import CLOCK, MODIFIED_WORDS
from ..lazyre import lazy
from ..ablation import rule

#: Headline score (:func:`_title_score`): a line scores TITLE_REPEATED when printed more than
#: once and TITLE_ECHO when the page's <title> holds TITLE_ECHO_SCORE_SHARE of it; up to
#: TITLE_NEAR_BODY - TITLE_NEAR_STEP * distance when at most TITLE_NEAR_LINES above the body;
#: TITLE_AFTER_GAP after a blank line; TITLE_TERMS * the share of its terms the body uses, less
#: TITLE_TERMS_BASE; less TITLE_SHORT_PENALTY for a single word printed once. Below
#: TITLE_MIN_SCORE it is not the headline.
TITLE_REPEATED = 2.0
TITLE_ECHO = 2.0
TITLE_ECHO_SCORE_SHARE = 0.3
TITLE_NEAR_LINES = 8
TITLE_NEAR_BODY = 1.5
TITLE_NEAR_STEP = 0.15
TITLE_AFTER_GAP = 0.3
TITLE_TERMS = 2.0
TITLE_TERMS_BASE = 0.5
TITLE_SHORT_WORDS = 3
TITLE_SHORT_PENALTY = 1.0
TITLE_MIN_SCORE = 1.0
#: Terms are words longer than TERM_MIN_CHARS letters (spaced scripts).
TERM_MIN_CHARS = 3
#: The headline's terms are compared with those of the body's first BODY_SAMPLE_LINES lines of
#: at least BODY_SAMPLE_WORDS words (their first BODY_SAMPLE_CHARS characters), up to
#: BODY_SAMPLE_TERMS terms.
BODY_SAMPLE_LINES = 12
BODY_SAMPLE_WORDS = 3
BODY_SAMPLE_CHARS = 2000
BODY_SAMPLE_TERMS = 300
#: A standfirst has at least STANDFIRST_MIN_WORDS words.
STANDFIRST_MIN_WORDS = 6
#: Metadata lines are read up to META_WINDOW lines into the body; a caption only up to
#: CAPTION_WINDOW lines (a later one belongs to another picture).
META_WINDOW = 12
CAPTION_WINDOW = 3

#: The first line of a dump stands for the page's <title> when no line scores as the headline
#: (WET records and innerText print it first), unless a rule named it a button: "Skip to
#: content", "Skip to main content", "Menu" are the page's first link, not its title.
FIRST_LINE_NOT_BUTTON = rule(
    "text-first-line-not-button",
    "the dump's first line is not taken for the page's <title> when it is a button or a "
    "software's notice ('Skip to content', 'Skip to main content', 'Menu')")
_BUTTON_REASONS = ("button", "software-notice", "ui-label")
_HEADER_REASONS = ("share-bar", "social-promo", "reading-time")
#: A widget's label, a software's notice or a share bar's label is never the headline, though
#: printed twice ("On this page" over a docs page's table of contents and beside it).
TITLE_NOT_WIDGET_LABEL = rule(
    "text-title-not-widget-label",
    "a line a rule named a widget's label, a software's notice or a share or follow bar's label "
    "('On this page', 'Table of contents', 'Share this') is never the headline, though it is "
    "printed twice near the body")
_WIDGET_REASONS = ("ui-label", "software-notice", "social-promo")
#: The body's first line is the headline the run swallowed when it has a headline's shape and a
#: byline or a dateline follows it within META_NEAR_LINES lines.
HEADLINE_ABOVE_META = rule(
    "text-headline-above-meta",
    "the body's first line, of a headline's length and ending no sentence, with a byline or a "
    "dateline right below it, is the headline the run swallowed, whatever its case ('Un "
    "telescopio chileno capta ...' over its standfirst and 'Santiago - 15 may 2024')")
META_NEAR_LINES = 3
#: A byline whose names were links the dump left out ("By and", "By  |"): never the headline.
TITLE_NOT_EMPTY_BYLINE = rule(
    "text-title-not-empty-byline",
    "a byline left without its names ('By and': the names were links the dump dropped) is "
    "never the headline, though printed twice near the body")
#: A line right under a bare clock ("16:42") heads an entry of a live blog or a news ticker,
#: not the page.
TITLE_NOT_AFTER_CLOCK = rule(
    "text-title-not-after-clock",
    "a line right under a bare clock ('16:42' / 'Rail disruption to continue into Monday') "
    "heads an entry of a live blog or a news ticker, never the page's headline")
_EMPTY_BYLINE = lazy(r"^(?:by|von|par|por)(?:\s+(?:and|und|et|y|&|,|\||·))*\s*$", re.I)
#: A line printed more than once scores as a headline repeated (as the page's <title>, as alt
#: text) only when no copy lies below the body: one there is the site's name in the footer.
TITLE_REPEAT_NOT_FOOTER = rule(
    "text-title-repeat-not-footer",
    "a line printed again below the body's last line (the site's name over the page and in "
    "its footer, 'Le Quotidien du Soir') earns no headline's bonus for being repeated")
#: A headline more than TITLE_NEAR_LINES above the body is near it when the lines between
#: are the header's furniture (see :func:`_title_score`).
TITLE_DISTANCE_SKIPS_FURNITURE = rule(
    "text-title-distance-skips-furniture",
    "the headline's distance from the body counts only the lines between them that no "
    "furniture rule named: a share bar, a dateline, a byline, a caption between a headline and "
    "its story do not set it apart from the story")

#: A forum thread's header under its title: "Thread starter Jane" / "Start date ..." (XenForo),
#: "Discussion in 'Storage' started by Jane" (older XenForo), "Started by Jane, ..." (vBulletin,
#: SMF).
THREAD_TITLE = rule(
    "text-thread-title",
    "the line right above a forum thread's header ('Thread starter Jane', 'Start date ...', "
    "'Discussion in ... started by Jane') is the thread's title: it outscores the post "
    "headers' labels printed with every post ('Reaction score', 'Messages')")
_THREAD_HEADER = lazy(r"^(?:thread starter|start date|started by|discussion in )", re.I)
#: The bonus of a line over a thread's header.
TITLE_THREAD = 3.0

#: A line with a byline or a dateline within META_NEAR_LINES lines below it scores
#: TITLE_META_BELOW more: the story's header sits under its headline, not under the site's
#: name printed again ("The Slow Reader" over a newsletter post, as in the page's <title>).
TITLE_OVER_META = rule(
    "text-title-over-meta",
    "a line with the story's byline or dateline right below it (a standfirst between them at "
    "most) scores as the headline above a line that only repeats the site's name, printed as "
    "the dump's first line and again over the post")
TITLE_META_BELOW = 1.0
#: ... when it has at least this many words (a desk's or a rank's label over a dateline,
#: "National Desk", has fewer).
TITLE_META_MIN_WORDS = 3
_LABEL_BY = lazy(r"\b(?:by|von|par|por)\s*:?$", re.I)

_UNSPACED = lazy(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f\u1000-\u109f]")
#: A person's name on a line of its own between the headline and the story is the byline
#: whose "By" the page left out (a name linked to the author's page, over or under the date).
BARE_BYLINE = rule(
    "text-bare-byline",
    "a person's name alone on a line between the headline and the story ('Hannah Whitfield' "
    "under the headline or beside the dateline, over the first paragraph) is the byline "
    "without its 'By': the article's author, not its first line")
#: A name: BARE_NAME_WORDS words, each capitalised (a particle, "van", "de", may be lower case),
#: letters only, no function word.
BARE_NAME_WORDS = (2, 4)
_NAME_WORD = lazy(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|van|von|de|der|den|da|del|di|du|la|le|bin|al)$")
#: The name lies within BARE_NAME_ABOVE lines above the body's first line or among the body's
#: first BARE_NAME_REACH lines, with a headline-shaped line or a dateline right above it and prose or a
#: dateline within BARE_NAME_REACH lines below it.
BARE_NAME_REACH = 3
BARE_NAME_ABOVE = 5
#: The headline above it has at least this many words (a menu's or a label's lines fewer) and a
#: function word (a row of buttons, "Facebook x.com LinkedIn Email", has none).
BARE_NAME_HEADLINE_WORDS = 4
#: The story's text searched for the name's words written in lower case.
BARE_NAME_TEXT_CHARS = 20000


def _part(u: Line) -> str:
    """What the line is around the body: the role this step gave it (headline, standfirst),
    else the metadata its furniture rule found in it (date, byline, caption, breadcrumb)."""
    return u.role or u.kind


def _first_body(units: list[Line]) -> int:
    for i, u in enumerate(units):
        if u.keep:
            return i
    return len(units)


def _terms(text: str) -> set[str]:
    """Content terms for comparing a headline with the body: longer words, or character
    pairs in scripts written without spaces."""
    terms = {w for w in word_list(text) if len(w) > TERM_MIN_CHARS and not _UNSPACED.search(w)}
    chars = _UNSPACED.findall(text)
    terms.update(a + b for a, b in zip(chars, chars[1:]))
    return terms


def _above_meta(units: list[Line], i: int) -> bool:
    """The line is a headline's length, ends no sentence, and a byline or a dateline follows
    within META_NEAR_LINES lines (a headline in sentence case, as other languages write it)."""
    u = units[i]
    return (HEADLINE_MIN_WORDS <= u.words <= HEADLINE_MAX_WORDS and not u.ends_sentence
            and not u.text.endswith(":") and not R.BULLET.match(u.text)
            and any(v.kind in ("byline", "date") for v in units[i + 1:i + 1 + META_NEAR_LINES]))


def _repeats_page_title(units: list[Line], i: int) -> bool:
    u, first = units[i], units[0]
    return (not first.keep and HEADLINE_MIN_WORDS <= u.words <= HEADLINE_MAX_WORDS
            and not u.ends_sentence and echoes_title(u, first))


def _title_score(units: list[Line], i: int, body: int, body_words: set[str],
                 copies_below: frozenset[str] = frozenset()) -> float:
    """How much a line before the body looks like the headline (negative: not at all)."""
    u = units[i]
    if u.kind or u.reason in (
            "cookie", "copyright", "button", "back-to-top", "separator", "clock", "app-promo", "teaser",
            "share-bar", "skip-link", "reading-time", "affiliate-disclosure",
            "time-stamped-teaser"):
        return -1.0
    if TITLE_NOT_WIDGET_LABEL and u.reason in _WIDGET_REASONS:
        return -1.0
    if TITLE_NOT_EMPTY_BYLINE and _EMPTY_BYLINE.match(u.text):
        return -1.0
    if TITLE_NOT_AFTER_CLOCK and i > 0 and CLOCK.match(units[i - 1].text):
        return -1.0
    if not (HEADLINE_MIN_WORDS <= u.words <= HEADLINE_MAX_WORDS) or (u.text.endswith(".") and not u.text.endswith("..")):
        return -1.0
    if R.UI_TAIL.search(u.text) or u.text.endswith(":"):
        return -1.0
    score = 0.0
    if THREAD_TITLE and i + 1 < len(units) and _THREAD_HEADER.match(units[i + 1].text) \
            and not _THREAD_HEADER.match(u.text):
        score += TITLE_THREAD
    if u.repeats > 1 and u.key not in copies_below:
        score += TITLE_REPEATED
    # (a headline opens with a capital or a digit: a tag list over the date, "mortal kombat
    # nintendo humor", does not; nor does a byline's label, "Written by", over the name)
    if TITLE_OVER_META and u.words >= TITLE_META_MIN_WORDS and (u.text[:1].isupper() or u.text[:1].isdigit()) \
            and not _LABEL_BY.search(u.text) and any(
                v.kind in ("byline", "date") and not v.role
                for v in units[i + 1:i + 1 + META_NEAR_LINES]):
        score += TITLE_META_BELOW
    if i > 0 and echoes_title(u, units[0], TITLE_ECHO_SCORE_SHARE):
        score += TITLE_ECHO
    dist = body - i
    if TITLE_DISTANCE_SKIPS_FURNITURE and dist > TITLE_NEAR_LINES:
        # (the lines of a story's header between the headline and the body, a share bar, a
        # dateline, a byline, a caption, a reading time, do not set the headline apart from the
        # story; a menu's buttons do)
        dist = 1 + sum(1 for v in units[i + 1:body] if not v.kind and v.reason not in _HEADER_REASONS)
    if 0 < dist <= TITLE_NEAR_LINES:
        score += TITLE_NEAR_BODY - dist * TITLE_NEAR_STEP
    if u.gap_before:
        score += TITLE_AFTER_GAP
    # A headline names what the article is about: its content words recur in the body.
    content = _terms(u.text)
    if content:
        score += TITLE_TERMS * len(content & body_words) / len(content) - TITLE_TERMS_BASE
    if u.words < TITLE_SHORT_WORDS and u.repeats < 2:
        score -= TITLE_SHORT_PENALTY
    if score < TITLE_MIN_SCORE:
        return -1.0
    return score


def _lower_word(word: str, text: str) -> bool:
    """Whether ``word`` (capitalised) is written in lower case as a word of ``text``."""
    low = word.lower()
    if low == word or not low.isalpha():
        return False
    start = text.find(low)
    while start >= 0:
        end = start + len(low)
        if (start == 0 or not text[start - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()):
            return True
        start = text.find(low, end)
    return False


DATELINE_FIRST_PUBLISHED = rule(
    "text-dateline-first-published",
    "a dateline whose 'Modified' or 'Updated' label comes after its first date ('Published: "
    "Mar 4, 2024 · Modified: Sep 12, 2024') gives the day of publication first, then the day "
    "of the change: the first date is not the change's")
_DIGIT = lazy(r"\d")


def _first_digit(text: str) -> int:
    m = _DIGIT.search(text)
    return m.start() if m else len(text)


def _bare_name(u: Line, marked: bool = False) -> bool:
    """The line is a person's name and nothing else (see :data:`BARE_BYLINE`); ``marked``:
    already marked as the byline."""
    lo, hi = BARE_NAME_WORDS
    parts = u.text.split()
    return (lo <= len(parts) <= hi and u.words == len(parts) and not u.unspaced
            and u.stop_density == 0 and u.repeats == 1 and not u.cells and not u.code
            and (marked or (u.reason in (*OPEN_REASONS, "") and not u.kind))
            and parts[0][:1].isupper() and parts[-1][:1].isupper()
            and all(_NAME_WORD.match(w) and not w.isupper() for w in parts))


def _mark_bare_byline(units: list[Line], body: int) -> None:
    """Mark as the byline a name alone on its line at the top of the story (see
    :data:`BARE_BYLINE`)."""
    near = units[max(0, body - BARE_NAME_ABOVE * 2):body + BARE_NAME_ABOVE * 2]
    if any(v.kind == "byline" or R.BYLINE.match(v.text) for v in near):
        return  # (the byline is there: a name alone is something else)
    kept = [u.index for u in units[body:] if u.keep][:BARE_NAME_REACH]
    text = " ".join(u.text for u in units[body:] if u.keep)[:BARE_NAME_TEXT_CHARS]
    for i in [*range(max(0, body - BARE_NAME_ABOVE), body), *kept]:
        u = units[i]
        if i == 0 or not _bare_name(u):
            continue
        above = units[i - 1]
        below = units[i + 1:i + 1 + BARE_NAME_REACH]
        if not (above.kind == "date" or (
                BARE_NAME_HEADLINE_WORDS <= above.words <= HEADLINE_MAX_WORDS and above.stop_density
                and not above.ends_sentence and not above.text.endswith(":"))):
            continue
        prose = next((v for v in below if v.keep and v.ends_sentence
                      and v.words >= STANDFIRST_MIN_WORDS), None)
        if prose is None and not any(v.kind == "date" for v in below):
            continue
        names = u.text.split()
        # (a bio opens with the name, "Jon is the presenter of ...": an author's box; a name's
        # words are never written in lower case in the story, a section's label's are:
        # "Air Fryer Recipes" over "these air fryer recipes deliver")
        if prose is not None and prose.text.split(" ", 1)[0] in names:
            continue
        if any(_lower_word(w, text) for w in names):
            continue
        u.keep, u.reason, u.kind = False, "byline", "byline"
        return


def structure(units: list[Line]) -> dict:
    """Step 7: title, standfirst, date, byline, section and lead image around the body."""
    out: dict = {}
    body = _first_body(units)
    if BARE_BYLINE and body < len(units):
        _mark_bare_byline(units, body)
        body = _first_body(units)
    head = range(min(body, len(units)))
    if 0 < body < len(units) - 1 and (_repeats_page_title(units, body)
                                      or is_headline_case(units[body])
                                      or (HEADLINE_ABOVE_META and _above_meta(units, body))):
        # The headline kept as the body's first line (the run swallowed it as a subheading):
        # it is the headline when it repeats the page's <title> printed first, or has a
        # headline's Title Case.
        head = range(body + 1)
    body_words: set[str] = set()
    # (the body's first dozen lines of some length: short labels kept inside the run say
    # little about what the article is about)
    for u in [v for v in units[body:] if v.keep and v.words >= BODY_SAMPLE_WORDS][:BODY_SAMPLE_LINES]:
        body_words.update(_terms(u.text[:BODY_SAMPLE_CHARS]))
        if len(body_words) > BODY_SAMPLE_TERMS:
            break
    # (the keys of the lines printed again below the body's last line: the site's name in the
    # footer, a menu printed twice, not a headline repeated as alt text or a page title)
    copies_below: frozenset[str] = frozenset()
    if TITLE_REPEAT_NOT_FOOTER:
        last = max((u.index for u in units if u.keep), default=len(units))
        copies_below = frozenset(u.key for u in units[last + 1:] if u.repeats > 1)
    best, best_score = None, 0.0
    for i in head:
        s = _title_score(units, i, body, body_words, copies_below)
        if s > best_score or (s == best_score and best is not None and s > 0
                              and units[i].key != units[best].key):
            best, best_score = i, s
    if best is None and units and units[0].words <= HEADLINE_MAX_WORDS and units[0].keep is False \
            and units[0].reason not in ("date", "breadcrumb", "cookie", "skip-link") \
            and not (FIRST_LINE_NOT_BUTTON and units[0].reason in _BUTTON_REASONS):
        best = 0 if body > 0 else None
    if best is not None:
        t = units[best]
        # The first occurrence is the headline; later copies are image alt text and teasers.
        first = next(u for u in units if u.key == t.key)
        out["title"] = first.text
        for u in units:
            if u.key == t.key:
                u.role, u.keep = "title", False
                u.reason = u.reason or "title"
        top = first.index
    else:
        top = 0
    # Standfirst: prose between the headline and the body, set apart from the body by
    # furniture (a repeated headline, a caption, a dateline) or by its missing full stop.
    if "title" in out:
        for u in units[top + 1:min(len(units), body + 1)]:
            if _part(u):
                continue
            if u.words >= STANDFIRST_MIN_WORDS and u.reason in (*OPEN_REASONS, "") \
                    and not R.BULLET.match(u.text):  # (a list item is not a standfirst)
                nxt = units[u.index + 1] if u.index + 1 < len(units) else None
                set_apart = nxt is not None and not nxt.keep and bool(_part(nxt))
                if set_apart or not u.ends_sentence:
                    out["subtitle"] = u.text
                    u.role, u.keep, u.reason = "subtitle", False, "standfirst"
                break
    body = _first_body(units)
    end = body + META_WINDOW
    for u in units[body:end]:
        if u.reason in ("comments", "related") or COMMENT_SAYS.match(u.text):
            end = u.index  # (a comment's date is not the article's)
            break
    window = [u for u in units[:body] if _part(u)] + [u for u in units[body:end] if _part(u)]
    for u in window:
        part = _part(u)
        if part == "date" and "published" not in out and "modified" not in out:
            value = M.parse_date(u.text)
            if value:
                mod = MODIFIED_WORDS.search(u.text)
                if DATELINE_FIRST_PUBLISHED and mod and mod.start() > _first_digit(u.text):
                    # (the change's day after the publication's: "Published: Mar 4, 2024 ·
                    # Modified: Sep 12, 2024")
                    out["published"] = value
                    changed = M.parse_date(u.text[mod.end():])
                    if changed:
                        out["modified"] = changed
                else:
                    out["modified" if mod else "published"] = value
        elif part == "byline" and "authors" not in out:
            out["authors"] = M.authors_from_byline(u.text) or (
                (u.text,) if u.reason == "byline" and _bare_name(u, marked=True) else ())
        elif part == "breadcrumb" and "section" not in out:
            section = M.breadcrumb_section(u.text, u.words)
            if section and section != out.get("title"):
                out["section"] = section
        elif part == "caption" and "lead_image" not in out and u.index < body + CAPTION_WINDOW:
            cap = M.split_caption(u.text)
            if cap:
                caption, credit = cap
                out["lead_image"] = Figure(
                    image=None,
                    caption=(Text(caption),) if caption else (),
                    credit=(Text(credit),) if credit else ())
    return out
