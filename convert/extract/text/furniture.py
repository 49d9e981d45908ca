"""Step 4 of the text parser: furniture that a line (or a short run of lines) gives away.

The vocabulary lives in :mod:`.rules`; here are the rules that apply it to the lines of a
dump: separators, icon runs, cookie/copyright/app-promo lines, teasers, buttons, language
switchers, clocks, datelines, bylines, captions, breadcrumbs, repeated lines, runs of teaser
headlines, share bars made from one template, and a consent dialog at the end of the page.
"""

from __future__ import annotations

from . import meta as M
from . import rules as R
from .lines import Line, drop

#: Rules that look at a whole line apply only to lines up to this long; longer lines are prose.
RULE_MAX_WORDS = 45
#: Lines up to this long that occur more than once are all furniture (teaser lists printed
#: twice, a headline repeated as alt text); longer repeated lines are judged as prose.
REPEAT_MAX_WORDS = 25
#: Share of code characters (braces, operators) that makes a line code.
CODE_CHAR_SHARE = 0.08
#: Runs of at least HEADLINE_RUN lines in Title Case (HEADLINE_CASE_SHARE of the longer
#: words capitalised) are lists of teaser links.
HEADLINE_RUN = 3
HEADLINE_CASE_SHARE = 0.8
#: Runs of at least TEMPLATE_RUN lines of 3 to TEMPLATE_MAX_WORDS words that differ in one
#: word only are links made from one template (share bars, menus).
TEMPLATE_RUN = 3
TEMPLATE_MAX_WORDS = 12
#: A consent dialog is looked for in the part of the page after this share of its lines.
CONSENT_TAIL_START = 0.5


def apply_rules(units: list[Line]) -> None:
    """Step 4: furniture that a single line gives away."""
    short_keys = {u.key for u in units if u.words <= RULE_MAX_WORDS}
    _drop_consent_tail(units)
    _drop_page_title(units)
    for u in units:
        if u.keep is False:
            continue
        t = u.text
        if R.SEPARATOR_ONLY.match(t) or not u.key:
            drop(u, "separator")
            continue
        low_t = t.lower()
        icons = len(R.ICON_TOKEN.findall(t)) if "icon" in low_t else 0
        if icons >= 3 and icons >= 0.25 * len(t.split()):
            drop(u, "icon-run")
            continue
        if u.words > RULE_MAX_WORDS:
            if R.TEASER.search(t[:200]):
                drop(u, "teaser")
            continue
        for name, rx in R.LINE_RULES:
            hints = R.LINE_RULE_HINT_RX.get(name)
            if hints and not hints.search(low_t):
                continue  # (a cheap test first: the rule cannot match without one of these)
            if rx.search(t):
                drop(u, name)
                break
        if u.keep is False:
            continue
        low = u.key
        if is_code(u):
            u.extra["code"] = True
            continue
        if low in R.BUTTON_PHRASES or (u.words <= 4 and all(w in R.BUTTON_WORDS for w in low.split())):
            drop(u, "button")
        elif (languages := len(R.LANGUAGE_TOKEN.findall(low_t))) >= 2 \
                and u.words <= 3 * languages + 2:
            drop(u, "language-switcher")
        elif R.CLOCK.match(t) or R.COUNTER.match(t) or R.RELATIVE_TIME.match(t):
            drop(u, "clock")
        elif u.words <= 40 and u.words > 3 and (
                (R.TIME_TAIL.search(t) and not u.ends_sentence) or
                (R.TIME_HEAD.match(t) and u.words <= 25)) and M.parse_date(t) is None:
            drop(u, "time-stamped-teaser")
        elif False:
            drop(u, "clock")
        elif M.is_date_line(t, u.words):
            drop(u, "date")
            u.role = "date"
        elif M.looks_like_breadcrumb(t, u.words):
            drop(u, "breadcrumb")
            u.role = "breadcrumb"
        elif M.split_caption(t) is not None and (u.words < 60):
            drop(u, "caption")
            u.role = "caption"
        elif M.is_byline(t, u.words):
            drop(u, "byline")
            u.role = "byline"
        elif u.repeats > 1 and u.words <= REPEAT_MAX_WORDS:
            drop(u, "repeated")
        elif u.words <= 25 and _near_duplicate(low, short_keys):
            drop(u, "repeated")
    if HEADLINE_RUN:
        _drop_headline_lists(units)
    _drop_labelled_teasers(units)
    if TEMPLATE_RUN:
        drop_templated_runs(units)


def _drop_labelled_teasers(units: list[Line]) -> None:
    """A teaser label on its own line ("Read also", "Lesen Sie auch") and the headlines it
    links on the next lines: headlines, not sentences."""
    for i, u in enumerate(units[:-1]):
        if u.reason != "button" and u.keep is not None or u.key not in R.TEASER_LABELS:
            continue
        j = i + 1
        # (the label's box may list several headlines, one to a line, no blank line between)
        while j < len(units) and units[j].keep is None and 3 <= units[j].words <= 20 and (
                not units[j].ends_sentence or units[j].text.endswith("?")) and (
                j == i + 1 or not units[j].gap_before):
            drop(units[j], "teaser")
            j += 1
        if j > i + 1:
            drop(u, "teaser")


def _drop_page_title(units: list[Line]) -> None:
    """The page's <title> printed first ("Headline - Site", WET and get_text dumps) when the
    headline reappears further down: the headline is there, the first line is furniture."""
    if len(units) < 3 or not 2 <= units[0].words <= 30:
        return
    head = units[0].key
    for u in units[1:]:
        if 2 <= u.words < units[0].words and u.key and u.key in head \
                and len(u.key) >= 0.4 * len(head):
            drop(units[0], "page-title")
            return


def _drop_consent_tail(units: list[Line]) -> None:
    """A consent dialog printed at the end of the page: from its heading (or from a long line
    explaining cookies) to the end, in the last part of the page."""
    n = len(units)
    for i in range(int(n * CONSENT_TAIL_START), n):
        u = units[i]
        if (u.words <= 8 and R.CONSENT_START.search(u.text)) or \
                (u.words > RULE_MAX_WORDS and len(R.CONSENT_WORDS.findall(u.text[:3000])) >= 3
                 and R.COOKIE.search(u.text[:3000])):
            for v in units[i:]:
                drop(v, "consent")
            return


def is_headline_case(u: Line) -> bool:
    """Title Case without a full stop: the shape of a teaser headline (in scripts with case)."""
    if u.words < 4 or u.words > 20 or u.ends_sentence and not u.text.endswith(("?", "!")):
        return False
    long_words = [w for w in u.text.split() if len(w) >= 4 and w[:1].isalpha()]
    if len(long_words) < 3:
        return False
    caps = sum(1 for w in long_words if w[:1].isupper())
    return caps >= HEADLINE_CASE_SHARE * len(long_words)


def _drop_headline_lists(units: list[Line]) -> None:
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
        if u.keep is not None or not 3 <= u.words <= TEMPLATE_MAX_WORDS or u.cells \
                or u.extra.get("unspaced") or u.key.count(" ") < 2 or R.BULLET.match(u.text):
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


def _near_duplicate(key: str, keys: set[str]) -> bool:
    """The line is another short line plus or minus one label word ("X" and "X FEATURE")."""
    parts = key.split(" ")
    if len(parts) < 3:
        return False
    return " ".join(parts[:-1]) in keys or " ".join(parts[1:]) in keys


def is_code(u: Line) -> bool:
    """Whether a line looks like program code (see :data:`rules.CODE_LINE`)."""
    t = u.text
    if len(t) > 400 or u.extra.get("unspaced"):
        return False
    if t.rstrip().endswith(R.CODE_LINE_END_CHARS) or R.CODE_LINE_START.match(t):
        return True  # (CODE_LINE, tested without a search through the whole line)
    return bool(R.CODE_PUNCT.search(t)) and len(R.CODE_CHARS.findall(t)) >= CODE_CHAR_SHARE * len(t)
