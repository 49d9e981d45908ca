"""Vocabulary of the HTML extractor: tag sets, class/id word lists, regexes, named constants.

Logic lives in :mod:`.content`, :mod:`.dom` and :mod:`.metadata`; this module only names things,
so a heuristic can be read (and tuned) in one place. The word lists follow the spirit of
Readability.js's ``REGEXPS`` and trafilatura's ``xpaths.py``.
"""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- tags

#: Elements whose text is never content (scripts, styles, embedded documents, form controls).
DROP_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "applet", "canvas", "svg", "math", "input", "select", "option", "optgroup", "textarea",
    "button", "datalist", "dialog", "map", "audio", "video", "source", "track", "link", "meta",
    "head", "title", "base", "param", "progress", "meter", "-comment",
})

#: Elements that are page chrome by their very name (used by the strict pass only).
CHROME_TAGS = frozenset({"nav", "footer", "aside", "menu"})

#: Block-level elements: a ``div`` containing none of these reads as a paragraph.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul",
    "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "center", "summary", "menu",
    "picture", "body", "html", "listing", "xmp", "plaintext",
})

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

#: Inline formatting elements mapped to the AST inline that represents them.
EMPHASIS_TAGS = frozenset({"em", "i", "cite", "dfn", "var"})
STRONG_TAGS = frozenset({"strong", "b"})
STRIKE_TAGS = frozenset({"s", "del", "strike"})
CODE_TAGS = frozenset({"code", "kbd", "samp", "tt"})

#: Elements that hold paragraph-like text and seed the content score.
SCORE_TAGS = frozenset({"p", "pre", "td", "blockquote", "li", "dd", "section", "div", "article",
                        "main", "font", "span", "center"})

# --------------------------------------------------------------------------- class / id words

#: class/id/role words of page chrome: removed in the strict pass unless a POSITIVE word is
#: there too (as Readability's ``unlikelyCandidates`` / ``okMaybeItsACandidate``).
UNLIKELY = re.compile(
    r"-ad-|\bads?\b|ad-break|adsense|agegate|banner|breadcrumb|combx|comment|communit|consent|"
    r"cookie|cover-wrap|disqus|extra|foot|gdpr|header|hidden|legends|masthead|menu|"
    r"modal|navbar|newsletter|outbrain|overlay|pager|pagination|popup|promo|related|remark|"
    r"replies|rss|share|shoutbox|sidebar|skyscraper|social|sponsor|subscribe|"
    r"taboola|teaser|toolbar|tweet|twitter|widget|signup|login|paywall|recommend|"
    r"read-?more|more-stories|trending|most-popular|byline|author-?bio|tags?-?list|"
    r"print-?only|screen-reader|sr-only|visually-hidden|skip",
    re.IGNORECASE)
POSITIVE = re.compile(
    r"article|body|content|entry|hentry|h-entry|main|page|post|story|text|blog|prose|"
    r"markdown|instapaper_body|paragraph|column|shadow",
    re.IGNORECASE)
#: Words that lower a candidate's score (Readability's ``negative``).
NEGATIVE = re.compile(
    r"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|"
    r"footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|"
    r"skyscraper|sponsor|shopping|tags|tool|widget|teaser|recommend|newsletter|social|nav|"
    r"menu|breadcrumb|cookie|popup|modal|subscribe|signup|author",
    re.IGNORECASE)
#: NEGATIVE words that name layout machinery as often as chrome (Tailwind's
#: ``overflow-hidden``, ``lg:hidden`` twins, scroll containers): a block of real prose
#: carrying only these is not dropped for its class. ("widget" was tried too: Elementor wraps
#: content in ``elementor-widget-container``, but so are its author boxes; no net gain.)
WEAK_NEGATIVE = re.compile(r"hidden|scroll", re.IGNORECASE)

#: Roles that mark chrome whatever the tag.
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "menu",
                          "menubar", "search", "dialog", "alertdialog", "tablist", "alert"})

#: class names that hide an element visually (bootstrap, tailwind, WordPress).
HIDDEN_CLASS = re.compile(
    r"(?:^|\s)(?:hidden|hide|d-none|is-hidden|visually-hidden|sr-only|screen-reader-text|"
    r"screenreader|invisible|offscreen)(?:\s|$)", re.IGNORECASE)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

#: React's streaming SSR parks each finished chunk in ``<div hidden id="S:0">`` until a script
#: moves it into place: that content is the page, not hidden text.
STREAMED_ID = re.compile(r"^S:\d+$")

#: Classes naming a code block's language.
CODE_LANGUAGE = re.compile(
    r"(?:^|\s)(?:language|lang|highlight-source|brush:?|highlight)-?\s*([A-Za-z0-9_+#.-]+)",
    re.IGNORECASE)

#: Credit lines bound to a figure (class words and text prefixes).
CREDIT_CLASS = re.compile(r"credit|copyright|photographer|source|byline|attribution",
                          re.IGNORECASE)
CREDIT_TEXT = re.compile(
    r"^\s*(?:©|\(c\)|copyright\b|(?:photo(?:graph)?s?|pictures?|image|illustration|foto|"
    r"bild|credit|source|quelle|crédit|fuente|zdjęcie)\s*(?:by\b|:|/))", re.IGNORECASE)

# --------------------------------------------------------------------------- text

#: Text of a block that is boilerplate whatever its container (short lines only).
BOILERPLATE_TEXT = re.compile(
    r"^(?:share( this)?( article| post| story)?|tweet|print|email|advertisement|"
    r"anzeige|werbung|publicidad|publicité|related( articles| posts| stories)?|"
    r"read more|weiterlesen|mehr zum thema|you may also like|recommended( for you)?|"
    r"sign up|subscribe( now)?|log ?in|skip to (main )?content|back to top|"
    r"follow us|all rights reserved.*|cookie settings|accept( all)?( cookies)?|"
    r"gefällt mir|like this|teilen mit|share this|reklama|kommentieren|kommentare|"
    r"bild anzeigen|anzeigen|mehr|more|lire la suite|leer más|czytaj dalej|"
    r"loading\.*|wird geladen\.*|(?:\d+\s+)?(?:comments?|kommentare|likes?))\W*$",
    re.IGNORECASE)
#: A teaser line pointing to another article ("Read also: ...", "Lea también: ...").
READ_ALSO = re.compile(
    r"^\W*(?:read (?:also|more)|see also|also read|related|lesen sie (?:auch|mehr)|"
    r"mehr zum thema|auch interessant|lea (?:también|más)|lee también|véase también|"
    r"czytaj (?:też|także|więcej)|zobacz (?:też|także)|lire aussi|à lire aussi|voir aussi|"
    r"leia (?:também|mais)|veja também|leggi anche|vedi anche|lea)\s*[:：»>-]",
    re.IGNORECASE)

#: A consent / cookie notice line: never article text (short blocks only).
CONSENT_TEXT = re.compile(
    r"\b(?:we|this (?:site|website)|our (?:site|website|partners))\b[^.]{0,60}\buses? cookies\b|"
    r"\bcookie (?:policy|settings|preferences|consent|notice|banner)\b|"
    r"\b(?:accept|agree to|consent to)\b[^.]{0,40}\bcookies\b|"
    r"\bwir verwenden cookies\b|\bdiese (?:web)?seite verwendet cookies\b|"
    r"\bnous utilisons des cookies\b|\butilizamos cookies\b",
    re.IGNORECASE)
#: Blocks longer than this are never taken for a consent notice.
CONSENT_MAX_CHARS = 400

COMMA = re.compile(r"[,，、،]")

# --------------------------------------------------------------------------- URLs

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "ftp", "tel", "news", "irc", "xmpp"})
SAFE_DATA_IMAGE = re.compile(r"^data:image/(?:png|gif|jpe?g|webp|avif);", re.IGNORECASE)
#: Attributes holding an image URL, best first (lazy-loading libraries put the real one aside).
IMAGE_SRC_ATTRS = ("data-src", "data-lazy-src", "data-original", "data-srcset", "data-lazy",
                   "data-url", "data-hi-res-src", "src")
PLACEHOLDER_IMAGE = re.compile(r"^data:|blank\.gif|spacer\.gif|pixel\.gif|1x1|placeholder|"
                               r"transparent\.(?:gif|png)|lazy[-_]?load", re.IGNORECASE)

# --------------------------------------------------------------------------- constants

#: A text block shorter than this does not seed a content score.
MIN_PARAGRAPH_CHARS = 25
#: How many ancestors receive a paragraph's score (Readability uses 3 up to 5).
SCORE_ANCESTORS = 5
#: A sibling of the winner joins it when its score is at least this share of the winner's.
SIBLING_SHARE = 0.2
#: The strict pass is retried with relaxed rules when it keeps fewer characters than this...
MIN_ARTICLE_CHARS = 250
#: ...or less than this share of the page's visible paragraph text.
MIN_ARTICLE_SHARE = 0.3
#: Deeper than this, the AST builder flattens a subtree to its text instead of recursing.
MAX_DEPTH = 120
#: Colspan/rowspan are clamped to this (a span bomb must not allocate a huge table).
MAX_SPAN = 1000

#: The winner moves up to an ancestor holding at least this many other strong candidates
#: (Readability's ``MINIMUM_TOPCANDIDATES``).
MIN_SHARED_CANDIDATES = 3


# --------------------------------------------------------------------------- fast matching

class _Folded:
    """An ``IGNORECASE`` pattern that first tries ASCII text lower-cased against a
    case-sensitive twin (5-7x faster: ``IGNORECASE`` folds every character of every branch
    tried, and the class/id alternations above are searched hundreds of times a page).

    Exact by construction: the twin only answers "no match" (ASCII text, and only for a
    pattern whose every character test reads the same on lower-cased text, see
    :func:`_foldable`); a hit is re-run with the original pattern from the position the twin
    found, so callers get the very match object they got before. Everything else
    (``pattern``, ``flags``, ...) is the original's."""

    __slots__ = ("_re", "_fast")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self._re = rx
        self._fast = re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)

    def search(self, text: str, *span: int) -> re.Match[str] | None:
        if span or not text.isascii():
            return self._re.search(text, *span)
        m = self._fast.search(text.lower())
        # The leftmost match starts at the same place in both (only the branch taken there
        # may differ), so the original needs to look from there on only.
        return None if m is None else self._re.search(text, m.start())

    def match(self, text: str, *span: int) -> re.Match[str] | None:
        if span or not text.isascii():
            return self._re.match(text, *span)
        return None if self._fast.match(text.lower()) is None else self._re.match(text)

    def fullmatch(self, text: str, *span: int) -> re.Match[str] | None:
        if span or not text.isascii():
            return self._re.fullmatch(text, *span)
        return None if self._fast.fullmatch(text.lower()) is None else self._re.fullmatch(text)

    def sub(self, repl, text: str, count: int = 0) -> str:  # noqa: ANN001
        if text.isascii() and self._fast.search(text.lower()) is None:
            return text
        return self._re.sub(repl, text, count)

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self._re, name)

    def __repr__(self) -> str:
        return repr(self._re)


# Characters other than ASCII letters that IGNORECASE matches with an ASCII letter
# (dotted/dotless i, long s, Kelvin sign): a pattern holding them is left alone.
_ASCII_FOLDING = frozenset((0x130, 0x131, 0x17F, 0x212A))


def _char_ok(code: int) -> bool:
    return not (65 <= code <= 90) and code not in _ASCII_FOLDING


def _range_ok(lo: int, hi: int) -> bool:
    """A range whose every upper-case ASCII letter has its lower-case one in it too."""
    return all(lo <= c + 32 <= hi for c in range(max(lo, 65), min(hi, 90) + 1)) and not any(
        lo <= c <= hi for c in _ASCII_FOLDING)


def _foldable(tree) -> bool:  # noqa: ANN001
    """Whether every character test of a parsed pattern gives the same answer on an ASCII
    character under ``IGNORECASE`` as on that character lower-cased without it."""
    from re import _constants as C  # noqa: N812

    for op, av in tree:
        if op in (C.LITERAL, C.NOT_LITERAL):
            if not _char_ok(av):
                return False
        elif op is C.IN:
            for item_op, item in av:
                if item_op is C.LITERAL and not _char_ok(item) or (
                        item_op is C.RANGE and not _range_ok(*item)):
                    return False
                if item_op not in (C.LITERAL, C.RANGE, C.NEGATE, C.CATEGORY):
                    return False
        elif op is C.BRANCH:
            if not all(_foldable(branch) for branch in av[1]):
                return False
        elif op is C.SUBPATTERN:
            if av[2] & re.IGNORECASE or not _foldable(av[3]):  # (?-i:...) turns case back on
                return False
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if not _foldable(av[2]):
                return False
        elif op in (C.ASSERT, C.ASSERT_NOT):
            if not _foldable(av[1]):
                return False
        elif op is C.ATOMIC_GROUP:
            if not _foldable(av):
                return False
        elif op is C.GROUPREF_EXISTS:
            if not _foldable(av[1]) or av[2] is not None and not _foldable(av[2]):
                return False
        elif op not in (C.AT, C.ANY, C.CATEGORY, C.GROUPREF):
            return False
    return True


def _fold_patterns(names: dict) -> None:
    from re import _parser

    for name, value in list(names.items()):
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str) and (
                value.flags & re.IGNORECASE):
            try:
                ok = _foldable(_parser.parse(value.pattern, value.flags & ~re.IGNORECASE))
            except Exception:  # an unknown construct: keep the plain pattern
                ok = False
            if ok and not re.compile(value.pattern, value.flags & ~re.IGNORECASE).flags & (
                    re.IGNORECASE):
                names[name] = _Folded(value)


# Every case-insensitive pattern above (and any added later) gets the fast path.
_fold_patterns(globals())
