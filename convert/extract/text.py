"""Recover the article from a whole-page plain-text dump.

The cascade, in the order :func:`parse_text` runs it:

1. decode and normalise (line breaks, NFC, XML-unsafe characters);
2. guess the language (script, else function-word lists), which picks the function words;
3. segment into units, rejoining sentences a ``get_text`` dump broke at inline links
   (:mod:`.textlines`);
4. drop furniture by named rules: icon runs, cookie/copyright/app-promo lines, teasers,
   buttons, language switchers, clocks, lines printed more than once (:mod:`.textrules`);
5. classify what is left by length and function-word density relative to the page's own
   prose, then let short and borderline lines follow their neighbours (as jusText does);
6. keep the densest run of article text, end it at comments or related links, and drop
   stray prose far from it (:mod:`.textregion`);
   A page that is a list of records (products, jobs, search results: a few short lines each,
   with a label such as "Add to Cart" in every record) keeps the records' region instead
   when it holds several times the text found as prose (:func:`_records`);
7. read the structure around the body: title, standfirst, dateline, byline, breadcrumb,
   lead-image caption and credit (:mod:`.textstructure`, :mod:`.textmeta`);
8. build blocks: paragraphs, level-2 headings, lists, code blocks.

Every dropped line is logged at DEBUG on ``convert.extract`` with the rule that dropped it.
"""

from __future__ import annotations

import logging
import statistics

from ..article import (Article, CodeBlock, Heading, List, ListItem, Meta, Paragraph, Source,
                       Text)
from ..errors import InputError
from . import textmeta as M
from . import textrules as R
from .decode import decode
from .stopwords import guess_language, stopwords_for, words as word_list
from .textlines import (GOOD_WORDS, SHORT_WORDS, Line, drop, measure, normalize, segment,
                        stopchars_for)
from .textregion import keep_main_run
from .textstructure import structure

log = logging.getLogger("convert.extract")


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
#: Runs of at least TEMPLATE_RUN lines of 3 to TEMPLATE_MAX_WORDS words that differ in one
#: word only are links made from one template (share bars, menus).
TEMPLATE_RUN = 3
TEMPLATE_MAX_WORDS = 12
#: Function-word density thresholds, as fractions of the page's own prose density.
DENSITY_HIGH = 0.6
DENSITY_LOW = 0.4
#: Below this page prose density, function words are taken to say nothing about the page.
UNKNOWN_DENSITY = 0.12
#: Fallback prose density when a page has too few long lines to measure its own.
DEFAULT_DENSITY = 0.36
#: A page of at most this many lines with no furniture is kept whole.
TINY_PAGE_LINES = 6
#: A consent dialog is looked for in the part of the page after this share of its lines.
CONSENT_TAIL_START = 0.5
#: Below this many words of body, the classifier retries with relaxed thresholds.
MIN_BODY_WORDS = 25


def parse_text(data: bytes | str, *, location: str | None = None) -> Article:
    """Parse a plain-text dump of a web page into an :class:`Article`.

    Raises :class:`InputError` when the input is empty or nothing article-like is found.
    """
    if isinstance(data, bytes):
        text, encoding = decode(data)
    else:
        text, encoding = data, None
    text = normalize(text)
    if not text.strip():
        raise InputError("empty input: no text to extract")
    lang = guess_language(text)
    stop = stopwords_for(lang)
    units = segment(text, stop)
    measure(units, stop, stopchars_for(lang))
    _apply_rules(units)
    _classify(units, relaxed=False)
    keep_main_run(units)
    if sum(u.words for u in units if u.keep) < MIN_BODY_WORDS:
        for u in units:
            if u.reason in ("short", "bad-density", "near-good", "far-from-body"):
                u.keep, u.reason = None, ""
        _classify(units, relaxed=True)
    if sum(u.words for u in units if u.keep) < MIN_BODY_WORDS:
        _first_copies(units)
    if not any(u.keep for u in units):
        _shape_only(units)
    if not any(u.keep for u in units):
        _tiny_page(units)
    if RECORD_MIN:
        _records(units)
    meta = structure(units)
    blocks = _blocks(units)
    if not blocks:
        raise InputError("nothing article-like found: only menus, links or short lines")
    for u in units:
        if not u.keep:
            log.debug("drop [%s] %.80s", u.reason or "unclassified", u.text)
    body_text = " ".join(u.text for u in units if u.keep)
    language = guess_language(body_text) or lang
    furniture = [u.text for u in units if not u.keep and u.words <= RULE_MAX_WORDS]
    site = M.site_from_furniture(furniture, set(word_list(body_text))) \
        or M.site_from_title_line(units[0].text, meta.get("title")) \
        or M.site_from_copyright(furniture)
    return Article(
        meta=Meta(language=language, site_name=site,
                  source=Source(location=location, kind="text", encoding=encoding), **meta),
        blocks=tuple(blocks))


# --------------------------------------------------------------------------- rules

def _apply_rules(units: list[Line]) -> None:
    """Step 4: furniture that a single line gives away."""
    short_keys = {u.key for u in units if u.words <= RULE_MAX_WORDS}
    _drop_consent_tail(units)
    for u in units:
        if u.keep is False:
            continue
        t = u.text
        if R.SEPARATOR_ONLY.match(t) or not u.key:
            drop(u, "separator")
            continue
        tokens = t.split()
        low_t = t.lower()
        icons = len(R.ICON_TOKEN.findall(t)) if "icon" in low_t else 0
        if icons >= 3 and icons >= 0.25 * len(tokens):
            drop(u, "icon-run")
            continue
        if u.words > RULE_MAX_WORDS:
            if R.TEASER.search(t[:200]):
                drop(u, "teaser")
            continue
        for name, rx in R.LINE_RULES:
            hints = R.LINE_RULE_HINTS.get(name)
            if hints and not any(h in low_t for h in hints):
                continue  # (a cheap test first: the rule cannot match without one of these)
            if rx.search(t):
                drop(u, name)
                break
        if u.keep is False:
            continue
        low = u.key
        if _is_code(u):
            u.extra["code"] = True
            continue
        if low in R.BUTTON_PHRASES or (u.words <= 4 and all(w in R.BUTTON_WORDS for w in low.split())):
            drop(u, "button")
        elif sum(1 for w in t.lower().split() if w.strip("|/·,") in R.LANGUAGE_NAMES) >= 2 \
                and u.words <= 3 * sum(1 for w in t.lower().split()
                                       if w.strip("|/·,") in R.LANGUAGE_NAMES) + 2:
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
    if TEMPLATE_RUN:
        _drop_templated_runs(units)


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


def _is_headline_case(u: Line) -> bool:
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
                         and _is_headline_case(units[j])):
            j += 1
        if j - i >= HEADLINE_RUN:
            for u in units[i:j]:
                drop(u, "headline-list")
        i = max(j, i + 1)


def _skeletons(key: str) -> set[str]:
    """The line's key with each of its words in turn replaced by a wildcard."""
    parts = key.split(" ")
    return {" ".join(parts[:k] + ["*"] + parts[k + 1:]) for k in range(len(parts))}


def _drop_templated_runs(units: list[Line]) -> None:
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


# --------------------------------------------------------------------------- classification

def _prose_density(units: list[Line], unspaced: bool) -> float:
    """The page's own prose density: the median over its long, undecided lines."""
    vals = [u.stop_density for u in units
            if u.keep is None and bool(u.extra.get("unspaced")) == unspaced
            and u.weight >= (GOOD_WORDS if not unspaced else SHORT_WORDS + 2)]
    if len(vals) < 2:
        return DEFAULT_DENSITY if not unspaced else 0.12
    vals.sort()
    ref = statistics.median(vals[len(vals) // 3:])
    if not unspaced and ref < UNKNOWN_DENSITY:
        # The page's prose has almost none of the function words: its language has no list
        # here (or it is placeholder text), and density says nothing.
        return 0.0
    return max(ref, 0.05) if unspaced else ref


def _klass(u: Line, ref: float, ref_cjk: float, relaxed: bool) -> str:
    if u.keep is False:
        return "bad"
    unspaced = bool(u.extra.get("unspaced"))
    weight = u.weight
    short = SHORT_WORDS // 2 if relaxed else SHORT_WORDS
    if weight < short:
        return "short"
    if unspaced:
        if not u.extra.get("stopchars"):
            # Thai, Burmese, Khmer: neither function words nor much punctuation to count;
            # length is what is left.
            return "good" if weight >= 1.5 * GOOD_WORDS else "near-good"
        # No function words to count reliably: clause punctuation marks running text.
        punct_rate = u.clause_punct / max(1.0, weight)
        dens = u.stop_density / ref_cjk if ref_cjk else 0.0
        if punct_rate >= 0.05:
            return "good" if weight >= GOOD_WORDS else "near-good"
        if relaxed or punct_rate > 0.02 or dens >= DENSITY_HIGH:
            # Headlines carry function characters too; without punctuation, a line is
            # at best borderline.
            return "near-good"
        return "bad"
    if not ref:
        if u.ends_sentence or u.clause_punct >= 2:
            return "good" if weight >= GOOD_WORDS else "near-good"
        return "near-good" if u.clause_punct else "bad"
    rel = u.stop_density / ref
    high, low = (DENSITY_HIGH * 0.8, DENSITY_LOW * 0.8) if relaxed else (DENSITY_HIGH, DENSITY_LOW)
    if rel >= high:
        return "good" if weight >= GOOD_WORDS or (u.ends_sentence and u.clause_punct >= 2) \
            else "near-good"
    if rel >= low:
        return "near-good"
    return "bad"


def _classify(units: list[Line], *, relaxed: bool) -> None:
    """Step 5: jusText-style classes, then context for short and borderline lines."""
    ref = _prose_density(units, False)
    ref_cjk = _prose_density(units, True)
    klass = [_klass(u, ref, ref_cjk, relaxed) for u in units]
    n = len(units)
    for u, k in zip(units, klass):
        if k in ("bad", "short", "near-good") and u.keep is None and _is_code(u):
            u.extra["code"] = True
    _promote_lists(units, klass)

    def neighbour(i: int, step: int, skip: tuple[str, ...]) -> str:
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




def _is_code(u: Line) -> bool:
    """Whether a line looks like program code (see :data:`textrules.CODE_LINE`)."""
    t = u.text
    if len(t) > 400 or u.extra.get("unspaced"):
        return False
    if R.CODE_LINE.search(t):
        return True
    return len(R.CODE_CHARS.findall(t)) >= CODE_CHAR_SHARE * len(t) and any(c in t for c in ";{}()=")


def _first_copies(units: list[Line]) -> None:
    """Last resort for pages printed twice (a desktop and a mobile layout in one dump): when
    dropping every repeated line leaves no body, the first copy of each is judged again."""
    seen: set[str] = set()
    for u in units:
        if u.reason in ("short", "bad-density", "near-good", "far-from-body") or (
                u.reason == "repeated" and u.key not in seen):
            u.keep, u.reason = None, ""
        seen.add(u.key)
    _classify(units, relaxed=True)
    keep_main_run(units)


#: Furniture that stays dropped inside a list of records.
HARD_FURNITURE = frozenset({"separator", "icon-run", "button", "cookie", "copyright", "app-promo",
                            "consent", "language-switcher", "templated", "breadcrumb"})


def _records(units: list[Line]) -> None:
    """Listing, product-grid and search-result pages have no prose to speak of: their content
    is a list of records, each printed as a few short lines with the same label in each
    ("Add to Cart", "View profile", "Reply"). When such a label occurs at least RECORD_MIN
    times and the region it spans holds much more text than the prose found, the region is
    the content: its lines are kept except buttons and other hard furniture."""
    kept = sum(u.weight for u in units if u.keep)
    where: dict[str, list[int]] = {}
    for u in units:
        if u.key and u.words <= RECORD_LABEL_WORDS and u.repeats >= RECORD_MIN:
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
    if kept >= RECORD_ALONE_WORDS and inside < 0.5 * kept:
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


def _shape_only(units: list[Line]) -> None:
    """Last resort for text in no listed language (or very short pages): keep sentence-shaped
    lines that no rule dropped."""
    for u in units:
        if u.reason in ("short", "bad-density", "near-good", "far-from-body", "") and \
                u.weight >= SHORT_WORDS // 2 and (u.ends_sentence or u.clause_punct >= 1):
            u.keep, u.reason = True, ""


def _tiny_page(units: list[Line]) -> None:
    """A page of a few lines on which no furniture rule fired is all content (a stub, a test
    page); a few lines of which some are furniture (a menu, a cookie line) are not."""
    open_reasons = ("short", "bad-density", "near-good", "far-from-body")
    if len(units) <= TINY_PAGE_LINES and all(u.reason in open_reasons for u in units):
        for u in units:
            u.keep, u.reason = True, ""


def _promote_lists(units: list[Line], klass: list[str]) -> None:
    """A run of bulleted lines of several words each is a list in the text, not a menu: its
    items are short on their own but should follow the prose around them together."""
    i, n = 0, len(units)
    while i < n:
        j = i
        while j < n and R.BULLET.match(units[j].text) and units[j].keep is not False:
            j += 1
        if j - i >= 3 and sum(u.words for u in units[i:j]) >= 4 * (j - i):
            for k in range(i, j):
                if klass[k] == "short":
                    klass[k] = "near-good"
        i = max(j, i + 1)


# --------------------------------------------------------------------------- blocks

def _is_heading(units: list[Line], i: int) -> bool:
    u = units[i]
    if u.words > 14 or u.ends_sentence or u.clause_punct > 1:
        return False
    if u.text.endswith((":", "：")) and u.words > 3:
        return False  # the lead-in of a list
    nxt = units[i + 1] if i + 1 < len(units) else None
    return nxt is not None and bool(nxt.keep) and nxt.words > u.words


def _blocks(units: list[Line]) -> list:
    """Step 8: kept lines become paragraphs, level-2 headings, lists and code blocks."""
    blocks: list = []
    items: list[str] = []
    code: list[str] = []

    def flush() -> None:
        if items:
            blocks.append(List(items=tuple(
                ListItem(blocks=(Paragraph(children=(Text(t),)),)) for t in items)))
            items.clear()
        if code:
            blocks.append(CodeBlock(text="\n".join(code)))
            code.clear()

    for i, u in enumerate(units):
        if not u.keep:
            continue
        if u.extra.get("code"):
            if items:
                flush()
            code.append(u.text)
            continue
        bullet = R.BULLET.match(u.text)
        if bullet and not u.text[:1].isdigit():
            if code:
                flush()
            items.append(u.text[bullet.end():])
            continue
        flush()
        if _is_heading(units, i):
            blocks.append(Heading(level=2, children=(Text(u.text),)))
        else:
            blocks.append(Paragraph(children=(Text(u.text),)))
    flush()
    return blocks
