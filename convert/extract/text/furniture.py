"""Step 4 of the text parser: furniture rules, in one table.

:data:`RULES` lists every rule that drops furniture from a dump, in the order
:func:`apply_rules` tries them. A :class:`LineRule` judges one line at a time (separators,
cookie/copyright/app-promo lines, login and comment forms, teasers, buttons, widget labels, share labels,
clocks, archive months, tag lists, datelines, breadcrumbs, captions, bylines, repeated lines); a :class:`PageRule` looks at runs
of lines (a consent dialog at the end of the page, the page's ``<title>`` printed first, runs
of teaser headlines, a slideshow's captions and an author's box below the article, share bars
made from one template; see :mod:`.runs`). A dropped line
records the rule's ``reason`` (its name unless said otherwise), which the debug log prints;
:func:`rule` looks a rule up by name and ``apply_rules(units, skip=...)`` runs the table
without some of them. The vocabulary the rules use lives in :mod:`.rules`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from convert.extract import ablation
from . import meta as M, rules as R, runs
from .notices import (ACCOUNT_FORM, BACK_TO_TOP, COMMENT_FORM, CONSENT_PURPOSES, COOKIE,
                      COOKIE_BANNER_WORDS, COPYRIGHT, FEEDBACK_PROMPT, FORM_CONSENT, LANDMARK_LABEL,
                      MODIFIED_NOTE, SIGNUP_NOTICE, AFFILIATE_DISCLOSURE, SITE_CREDIT, SITE_VOICE, SOCIAL_PROMO,
                      SOFTWARE_NOTICE)
from .lines import RULE_MAX_WORDS, Line, MetaKind
from .promos import _app_promo
from .timestamps import CLOCK, RELATIVE_TIME
from ..lazyre import LazyPattern, lazy

#: Lines up to this long that occur more than once are all furniture (teaser lists printed
#: twice, a headline repeated as alt text); longer repeated lines are judged as prose.
REPEAT_MAX_WORDS = 25
#: A short line is also a repeat when it is another short line plus or minus one label word,
#: if it has at least this many words.
NEAR_REPEAT_MIN_WORDS = 3
#: A line of at most this many words that names cookies is a banner's label or button
#: ("Cookie settings", "Accept all cookies"); a longer one must use a banner's vocabulary.
COOKIE_LABEL_WORDS = 5
#: A cookie notice longer than RULE_MAX_WORDS (a paragraph of a consent dialog) has at most
#: COOKIE_NOTICE_MAX_WORDS words and at least COOKIE_NOTICE_TERMS distinct words of a banner's
#: vocabulary.
COOKIE_NOTICE_MAX_WORDS = 250
COOKIE_NOTICE_TERMS = 3
#: A form's consent notice has at most this many words (longer text is the page's own terms).
FORM_CONSENT_MAX_WORDS = 90
#: A site credit has at most this many words.
SITE_CREDIT_MAX_WORDS = 12
#: A page's note of its last change has at most this many words.
MODIFIED_NOTE_MAX_WORDS = 30
#: ... and lies below this share of the page's units.
MODIFIED_NOTE_SHARE = 0.5
#: A software's notice has at most this many words.
SOFTWARE_NOTICE_MAX_WORDS = 30
#: A comment form's message has at most this many words.
COMMENT_FORM_MAX_WORDS = 30
#: A share or follow bar's label has at most this many words.
SOCIAL_MAX_WORDS = 15
#: A login or registration form's field or message has at most this many words.
FORM_MAX_WORDS = 14
#: A sign-up form's message has at most this many words (the welcome mail's pitch after it).
SIGNUP_NOTICE_MAX_WORDS = 40
#: On a line longer than RULE_MAX_WORDS, a teaser prefix is looked for in this many characters.
TEASER_HEAD_CHARS = 200
#: A line of at most this many words, all button words, is a button.
BUTTON_MAX_WORDS = 4
#: A teaser with a time stamp has more than TIMED_TEASER_WORDS[0] and at most
#: TIMED_TEASER_WORDS[1] words; one that opens with the time at most TIME_HEAD_MAX_WORDS.
TIMED_TEASER_WORDS = (3, 40)
TIME_HEAD_MAX_WORDS = 25
#: Share of code characters (braces, operators) that makes a line code.
CODE_CHAR_SHARE = 0.08
#: Lines longer than this many characters are never taken for code.
CODE_MAX_CHARS = 400


@dataclass(frozen=True, slots=True)
class PageView:
    """What a line rule may know about the page beyond the line itself."""

    #: the keys of every line of at most RULE_MAX_WORDS words
    short_keys: frozenset[str]
    #: how many units the page has
    size: int = 0


@dataclass(frozen=True, slots=True)
class LineRule:
    """A rule that judges one undecided line: when ``test`` holds, the line is dropped."""

    #: the rule's name, unique in :data:`RULES`
    name: str
    #: ``test(line, lower_cased_text, page)``: whether the rule applies; ``None`` when
    #: ``pattern`` says it
    test: Callable[[Line, str, PageView], object] | None
    #: why the rule exists (the kind of line it catches, and why that is furniture)
    doc: str
    #: the rule applies when this pattern occurs in the line (instead of ``test``)
    pattern: re.Pattern[str] | LazyPattern | None = None
    #: ``on_text(text, words)``: whether the rule applies (instead of ``test``; the line
    #: functions of :mod:`.meta` have this shape)
    on_text: Callable[[str, int], object] | None = None
    #: a pattern the lower-cased line must contain for ``test`` to hold (a cheap test first);
    #: applied to lines up to RULE_MAX_WORDS words
    hint: re.Pattern[str] | LazyPattern | None = None
    #: also tried on lines longer than RULE_MAX_WORDS (which no other rule judges)
    long_lines: bool = False
    #: the metadata the line carries, recorded in :attr:`Line.kind` for the structure step
    kind: MetaKind = ""
    #: the line is not furniture: it is marked as code and no later rule judges it
    exempts: bool = False
    #: the reason recorded on a dropped line (the name when empty)
    reason: str = ""


@dataclass(frozen=True, slots=True)
class PageRule:
    """A rule that looks at runs of lines; ``apply`` drops what it finds."""

    name: str
    apply: Callable[[list[Line]], None]
    doc: str
    #: the reason the rule records on the lines it drops (the name when empty)
    reason: str = ""


def _hint(*words: str) -> LazyPattern:
    """One pattern for substrings without one of which a rule cannot match."""
    return lazy("|".join(map(re.escape, words)))


#: Words without one of which no form notice matches (tested first: the rule also judges long
#: lines, where the hints of :class:`LineRule` are not applied).
_CONSENT_HINT = _hint("agree", "consent", "acknowledge", "authori", "accept", "recaptcha",
                      "this ad")


def _cookie_banner(u: Line, low: str, page: PageView) -> bool:
    return bool(COOKIE.search(u.text)) and (
        u.words <= COOKIE_LABEL_WORDS or bool(COOKIE_BANNER_WORDS.search(u.text)))


def _cookie_notice(u: Line, low: str, page: PageView) -> bool:
    if not RULE_MAX_WORDS < u.words <= COOKIE_NOTICE_MAX_WORDS or not COOKIE.search(u.text):
        return False
    terms = {m.lower() for m in COOKIE_BANNER_WORDS.findall(u.text)}
    return len(terms) >= COOKIE_NOTICE_TERMS and bool(SITE_VOICE.search(u.text))


TEASER_LABEL_WORDS = ablation.rule(
    "text-teaser-label-words",
    "a teaser label with a few words of its own before the separator ('Lire aussi notre "
    "décryptage : ...', 'Read also our explainer: ...') at the line's start is a teaser too")


def _teaser(u: Line, low: str, page: PageView) -> object:
    head = u.text[:TEASER_HEAD_CHARS] if u.words > RULE_MAX_WORDS else u.text
    return R.TEASER.search(head) or (TEASER_LABEL_WORDS and R.TEASER_LEAD_WORDS.match(head))


def _button(u: Line, low: str, page: PageView) -> bool:
    key = u.key
    return key in R.BUTTON_PHRASES or (
        u.words <= BUTTON_MAX_WORDS and all(w in R.BUTTON_WORDS for w in key.split()))


def _timed_teaser(u: Line, low: str, page: PageView) -> bool:
    t = u.text
    lo, hi = TIMED_TEASER_WORDS
    return lo < u.words <= hi and bool(
        (R.TIME_TAIL.search(t) and not u.ends_sentence) or
        (R.TIME_HEAD.match(t) and u.words <= TIME_HEAD_MAX_WORDS)) and M.parse_date(t) is None


def _repeated(u: Line, low: str, page: PageView) -> bool:
    if u.words > REPEAT_MAX_WORDS:
        return False
    return u.repeats > 1 or _near_duplicate(u.key, page.short_keys)


def _near_duplicate(key: str, keys: Collection[str]) -> bool:
    """The line is another short line plus or minus one label word ("X" and "X FEATURE")."""
    parts = key.split(" ")
    if len(parts) < NEAR_REPEAT_MIN_WORDS:
        return False
    return " ".join(parts[:-1]) in keys or " ".join(parts[1:]) in keys


LABEL_ROWS = ablation.rule(
    "text-label-rows",
    "a line that is two or more widget labels printed side by side ('Print Recipe Pin Recipe', "
    "'Jump to Recipe Print Recipe') is a row of buttons, as each label alone is one")


def _label_row(ws: list[str], first: bool = True) -> bool:
    """Whether the words ``ws`` are two or more labels of :data:`rules.UI_LABELS` in a row."""
    if not ws:
        return not first
    return len(ws) <= 2 * BUTTON_MAX_WORDS and any(
        " ".join(ws[:k]) in R.UI_LABELS and (k < len(ws) or not first) and _label_row(ws[k:], False)
        for k in range(1, min(len(ws), BUTTON_MAX_WORDS) + 1))


def is_code(u: Line) -> bool:
    """Whether a line looks like program code (see :data:`rules.CODE_LINE`) or shows markup
    (:data:`rules.MARKUP`)."""
    t = u.text
    if len(t) > CODE_MAX_CHARS or u.unspaced:
        return False
    if t.rstrip().endswith(R.CODE_LINE_END_CHARS) or R.CODE_LINE_START.match(t):
        return True  # (CODE_LINE, tested without a search through the whole line)
    if "<" in t or "](" in t:
        if R.MARKUP.search(t):
            return True
    if "(" in t:
        # A count or a year in brackets ("October 2012 (19)", "Comments (3)") is a label of
        # an archive list or a menu, not a call: its brackets are not code characters.
        t = R.BRACKETED_COUNT.sub("", t)
    return bool(R.CODE_PUNCT.search(t)) and len(R.CODE_CHARS.findall(t)) >= CODE_CHAR_SHARE * len(t)


#: Every furniture rule, in the order :func:`apply_rules` tries them. A line is judged by the
#: line rules until one applies; page rules run over the whole page at their place.
RULES: tuple[LineRule | PageRule, ...] = (
    PageRule("consent", runs.drop_consent_tail,
             "A consent dialog printed at the end of the page, from its heading (or from a long "
             "line about cookies in the site's voice) to the end."),
    PageRule("page-title", runs.drop_page_title,
             "The page's <title> printed first ('Headline - Site') when the headline follows."),
    LineRule("separator", lambda u, low, page: not u.code and (
        R.SEPARATOR_ONLY.match(u.text) or not u.key),
             "A line of separators or bullets only, or without a word: layout, not text.",
             long_lines=True),
    LineRule("code", lambda u, low, page: is_code(u),
             "A line of program code fails the prose tests but belongs to the article: it is "
             "marked as code, and the rules below do not judge it.", exempts=True),
    LineRule("cookie", _cookie_banner,
             "Cookie and consent banners: a line that names cookies (or consent, GDPR) and is "
             "either a short label ('Cookie settings') or uses the banner's vocabulary ('we use "
             "cookies', 'accept', 'privacy policy', 'your browser'). Prose that merely "
             "mentions cookies ('She baked cookies for the fair') is not a banner.",
             hint=_hint("cookie", "gdpr", "consent", "datenschutz", "kekse", "galletas")),
    LineRule("cookie-notice", _cookie_notice,
             "A paragraph of a cookie notice or consent dialog, too long for the 'cookie' rule "
             "('We and our partners use cookies to ... You can manage your preferences ...'): "
             "it names cookies, uses several words of a banner's vocabulary, and the site "
             "speaks of itself ('we', 'our site'); prose about cookies is written about "
             "browsers and advertisers, not in the site's voice.",
             hint=_hint("cookie", "gdpr", "consent", "datenschutz", "kekse", "galletas"),
             long_lines=True, reason="cookie"),
    LineRule("consent-purposes", lambda u, low, page: u.words <= COOKIE_NOTICE_MAX_WORDS
             and CONSENT_PURPOSES.search(u.text),
             "The standard text of the IAB consent framework's dialog ('We and our partners "
             "process data to provide:', 'Store and/or access information on a device', 'Use "
             "precise geolocation data', 'List of IAB Vendors'), the same on every site that "
             "prints it: a consent dialog, never the page's text.",
             hint=_hint("partners", "store and/or", "geolocation", "scan device", "iab vendors",
                        "limited data", "profiles for"),
             long_lines=True),
    LineRule("form-consent", lambda u, low, page: u.words <= FORM_CONSENT_MAX_WORDS
             and _CONSENT_HINT.search(low) is not None and FORM_CONSENT.search(u.text),
             "A form's consent or disclosure notice ('By clicking Submit, you agree to our "
             "Privacy Policy', 'By providing my email, I am consenting to receive ...', "
             "'protected by reCAPTCHA', 'You're seeing this ad based on ...'): printed by a "
             "sign-up, comment or contact form or an ad slot, never the page's own text. The "
             "reader's consent must follow the action in the sentence: 'by clicking the text' "
             "in a how-to is not a notice.",
             long_lines=True),
    LineRule("software-notice", lambda u, low, page: u.words <= SOFTWARE_NOTICE_MAX_WORDS
             and SOFTWARE_NOTICE.search(u.text),
             "A fixed message of forum, Q&A or shop software to every reader ('You are using "
             "an out of date browser', 'This browser is no longer supported.', 'You must log in "
             "or register to reply here.', 'To learn more, see our tips on writing great "
             "answers.') or an option of its sort "
             "menu ('Date modified (newest first)', 'Price, low to high'): the same on every "
             "site that runs the software, never the page's text.",
             hint=_hint("browser", "microsoft edge", "skip to", "log in", "login", "logged in",
                        "sign in", "member", "account", "answer", "opinion", "first", "to high",
                        "to low", "new to", "old to", "a-z", "z-a", "loading", "javascript"),
             long_lines=True),
    LineRule("affiliate-disclosure", lambda u, low, page: u.words <= FORM_CONSENT_MAX_WORDS
             and AFFILIATE_DISCLOSURE.search(u.text),
             "A site's disclosure of its affiliate links in its own voice, at the line's start "
             "('This post may contain affiliate links.', 'As an Amazon Associate I earn from "
             "qualifying purchases.'): printed on every post, never the post's text.",
             hint=_hint("affiliate", "commission", "associate"), long_lines=True),
    # (both before "ui-label", which also drops a feedback question but opens nothing)
    LineRule("landmark-label", lambda u, low, page: u.words <= 3
             and LANDMARK_LABEL.fullmatch(u.key),
             "The name of the footer's or the sidebar's landmark printed as a line ('Footer', "
             "'Footer navigation', 'Primary Sidebar'): a screen reader's heading, never the "
             "page's text; where it stands the footer or the sidebar starts.",
             hint=_hint("footer", "sidebar")),
    LineRule("feedback-prompt", lambda u, low, page: u.words <= 8
             and FEEDBACK_PROMPT.fullmatch(u.key),
             "A page-feedback widget's question ('Was this page helpful?'): printed once, "
             "under the page's text, never the text itself.",
             hint=_hint("helpful", "useful")),
    # (printed once and not a lead-in: "Powered by Zapier" on each card of a feature grid,
    # "Powered by MDX:" over a feature's description are the page's)
    LineRule("site-credit", lambda u, low, page: u.words <= SITE_CREDIT_MAX_WORDS
             and u.repeats <= 1 and not u.text.rstrip().endswith(":")
             and SITE_CREDIT.search(u.text),
             "The footer's credit to the site's maker or software ('Powered by WordPress', "
             "'Designed by Elegant Themes'), printed once: never the page's text; it opens the "
             "footer.",
             hint=_hint("powered by", "design", "site by", "theme by", "built with")),
    LineRule("back-to-top", lambda u, low, page: u.key in BACK_TO_TOP,
             "The link back to the page's top ('Back to top'): a button; printed once, it "
             "stands where the page's text ends.", hint=_hint("top")),
    LineRule("copyright", None,
             "Copyright and 'all rights reserved' lines of the footer.", pattern=COPYRIGHT,
             hint=_hint("©", "(c)", "copyright", "rights", "droits", "rechte", "derechos",
                        "direitos", "diritti", "prawa", "版")),
    LineRule("account-form", lambda u, low, page: u.words <= FORM_MAX_WORDS
             and ACCOUNT_FORM.search(u.text),
             "The fields and messages of a login or registration form printed into the page "
             "('Create a Password', 'Forgot your username or password?'): a short line that "
             "names a password, a username or an e-mail address (code is exempt above).",
             hint=_hint("passwor", "username", "user name", "mail address", "confirm",
                        "forgot your", "remember me", "required fields", "benutzername",
                        "mot de passe", "contraseña", "hasło")),
    LineRule("signup-notice", lambda u, low, page: u.words <= SIGNUP_NOTICE_MAX_WORDS
             and SIGNUP_NOTICE.search(u.text),
             "A message of a sign-up form, printed for each of the form's states though a "
             "reader sees one at most ('Thank you for signing up!', 'Check your inbox for your "
             "welcome email.', 'You've been successfully signed up!', 'Already have an "
             "account? Log in'): never the page's text.",
             hint=_hint("thank", "success", "subscribed", "signed up", "on the list", "check your",
                        "confirm your", "verify your", "sent you", "already"),
             long_lines=True),
    LineRule("teaser", _teaser,
             "A link to another article behind a label ('Read more: ...', 'Related: ...'); on "
             "a long line, only a label at its start counts.",
             hint=_hint(":", "：", "|", "»", "›", ">"), long_lines=True),
    LineRule("app-promo", _app_promo,
             "App-promotion and subscription nags.",
             hint=_hint("app", "google play", "subscribe", "sign up", "newsletter")),
    LineRule("button", _button,
             "A button or a box label ('Read more', 'Share', 'Add to cart')."),
    LineRule("ui-label", lambda u, low, page: u.key in R.UI_LABELS or (
        u.words <= BUTTON_MAX_WORDS and u.key and all(w in R.UI_WORDS for w in u.key.split()))
        or R.UI_LABEL_PATTERN.fullmatch(u.key) or (LABEL_ROWS and _label_row(u.key.split())),
             "A widget's label printed by forum, shop, Q&A and docs software ('Click to "
             "expand...', 'View all', 'Loading...', 'Table of contents', 'Improve this answer', "
             "'Reply Quote Like', 'Save Share'): a button, not the page's text."),
    LineRule("clock", lambda u, low, page: CLOCK.match(u.text) or R.COUNTER.match(u.text)
             or RELATIVE_TIME.match(u.text),
             "A bare clock or duration, a counter ('12 comments'), a relative time ('3 hours "
             "ago'): labels of a menu or a media player."),
    LineRule("comment-form", lambda u, low, page: u.words <= COMMENT_FORM_MAX_WORDS
             and COMMENT_FORM.search(u.text),
             "A comment form's messages ('Your comment could not be posted', 'Notify me of "
             "follow-up comments', a CAPTCHA's instructions): below the article, never in it.",
             hint=_hint("comment", "captcha", "letters and numbers", "notify me")),
    LineRule("social-promo", lambda u, low, page: u.words <= SOCIAL_MAX_WORDS
             and SOCIAL_PROMO.match(u.text),
             "A share or follow bar's label ('Share this', 'Follow us on Twitter', 'Connect "
             "with us:'): a promotion of the site, never the article's text.",
             hint=_hint("share", "follow", "like us", "connect with", "find us", "join us")),
    # (after the English rules above, whose reasons they keep: these add other languages)
    LineRule("share-bar", lambda u, low, page: u.words <= 5 and R.SHARE_BAR.fullmatch(u.key),
             "A share bar's line in French, German, Spanish, Italian, Portuguese, Polish, Dutch "
             "or English ('Partager sur Facebook', 'Auf X teilen', 'Copiar enlace', 'Envoyer "
             "par e-mail'): printed above and below the story, never its text; inside the run "
             "a line printed twice would join it again."),
    LineRule("skip-link", lambda u, low, page: u.words <= 6 and R.SKIP_LINK.fullmatch(u.key),
             "The link to the page's content printed first ('Aller au contenu principal', "
             "'Zum Inhalt springen', 'Saltar al contenido'): a button, never the title."),
    LineRule("reading-time", lambda u, low, page: u.words <= 6
             and R.READING_TIME.fullmatch(u.text.strip()),
             "A story's reading time alone on a line ('4 min read', 'Lecture 4 min.', "
             "'Lesezeit: 3 Min.'): a label of its header, never its text (a bare '15 mins', a "
             "recipe's time, stays).", hint=_hint("min", "lecture", "lectura", "lettura", "leitura",
                                                  "lesezeit", "lesedauer", "leestijd")),
    LineRule("archive-month", None,
             "A month of a blog's archive list ('► August 2012 (37)'): a month and a year "
             "alone on a line are never the article's text.", pattern=R.ARCHIVE_MONTH),
    LineRule("tag-list", None,
             "A list of tags or categories behind its label ('Tags: ...', 'Filed under: ...'):"
             " links to other pages of the site.", pattern=R.TAG_LIST, hint=_hint(":")),
    LineRule("time-stamped-teaser", _timed_teaser,
             "A headline with a clock time at its end or start and no date: an item of a news "
             "list."),
    LineRule("date", None,
             "A dateline: the structure step reads the article's date from it.",
             on_text=M.is_date_line, kind="date"),
    # (after "date": a note that is a dateline, "Last updated: May 2, 2024", stays one and
    # gives the structure step its date; the region step reads both as opening the footer)
    # (in the page's second half only: a shop's listing prints its own "Last updated on ..."
    # among the item's details)
    LineRule("modified-note", lambda u, low, page: u.words <= MODIFIED_NOTE_MAX_WORDS
             and u.index >= MODIFIED_NOTE_SHARE * page.size and MODIFIED_NOTE.search(u.text),
             "A page's note of its last change ('This page was last edited on 2 April 2024, "
             "at 13:18', 'Last modified on ... by ... contributors'): printed once, under the "
             "page's text, never the text itself.",
             hint=_hint("last modified", "last updated", "last reviewed", "last edited"),
             long_lines=True),
    LineRule("breadcrumb", None,
             "A breadcrumb trail: the structure step reads the section from it.",
             on_text=M.looks_like_breadcrumb, kind="breadcrumb"),
    LineRule("caption", lambda u, low, page: M.split_caption(u.text) is not None,
             "A photo caption or credit: the structure step makes the lead image of it.",
             kind="caption"),
    LineRule("byline", None,
             "A 'By ...' line: the structure step reads the authors from it.",
             on_text=M.is_byline, kind="byline"),
    LineRule("repeated", _repeated,
             "A short line printed more than once (teaser lists printed twice, a headline "
             "repeated as alt text), or another short line plus one label word."),
    PageRule("headline-list", runs.drop_headline_lists,
             "Three or more Title Case lines in a row: a list of links to other articles."),
    PageRule("labelled-teaser", runs.drop_labelled_teasers,
             "A teaser label on a line of its own ('Read also') and the headlines below it.",
             reason="teaser"),
    PageRule("gallery", runs.drop_galleries,
             "A slideshow printed into the page: three or more photo captions in a row, each "
             "ending in a bracketed credit ('... (AP Photo/Jane Doe)'), with only short lines "
             "(slide titles, counters) between them."),
    PageRule("author-bio", runs.drop_author_boxes,
             "An author's box below the article: 'About the author' or 'About Jane Doe', the "
             "name again and the bio ('Jane Doe is a reporter ...'), or the box on one line."),
    PageRule("templated", runs.drop_templated_runs,
             "Lines that differ in one word only ('Share on X', 'Share on Y'): a share bar or "
             "a menu made from one template."),
)

_BY_NAME = {r.name: r for r in RULES}
#: Whether each rule is on in this process: the benchmark's rule ablation switches a rule off
#: as ``text-<name>`` (see :mod:`convert.extract.ablation`).
_ON = {r.name: ablation.rule(f"text-{r.name}", r.doc) for r in RULES}


def rule(name: str) -> LineRule | PageRule:
    """The rule of :data:`RULES` called ``name`` (``KeyError`` if there is none)."""
    return _BY_NAME[name]


def apply_rules(units: list[Line], *, skip: Collection[str] = ()) -> None:
    """Step 4: run :data:`RULES` in order over the page, without the rules named in ``skip``."""
    page = PageView(frozenset(u.key for u in units if u.words <= RULE_MAX_WORDS), len(units))
    active = [r for r in RULES if r.name not in skip and _ON[r.name]]
    i = 0
    while i < len(active):
        step = active[i]
        if isinstance(step, PageRule):
            step.apply(units)
            i += 1
            continue
        j = i
        while j < len(active) and isinstance(active[j], LineRule):
            j += 1
        _judge_lines(units, active[i:j], page)  # type: ignore[arg-type]
        i = j


def _judge_lines(units: list[Line], rules: list[LineRule], page: PageView) -> None:
    """Try ``rules`` in order on every undecided line until one applies."""
    # (each rule as a tuple of what the loop reads: this loop runs for every rule and line)
    plan = [(r.hint.search if r.hint else None, r.test, r.pattern.search if r.pattern else None,
             r.on_text, r.exempts, r.reason or r.name, r.kind) for r in rules]
    long_plan = [(None, *p[1:]) for p, r in zip(plan, rules) if r.long_lines]
    for u in units:
        # (a line the segmenter read as data, a JSON document's brace or key, is code)
        if u.keep is False or u.code:
            continue
        t = u.text
        low = t.lower()
        for hint, test, search, on_text, exempts, reason, kind in \
                long_plan if u.words > RULE_MAX_WORDS else plan:
            if hint is not None and not hint(low):
                continue
            if test is not None:
                hit = test(u, low, page)
            elif search is not None:
                hit = search(t)
            else:
                hit = on_text(t, u.words)  # type: ignore[misc]
            if hit:
                if exempts:
                    u.code = True
                else:
                    u.keep, u.reason = False, reason
                    if kind:
                        u.kind = kind
                break
