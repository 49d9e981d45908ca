"""Finding the main content: prune, score, pick, merge siblings, clean.

The cascade (run by :func:`find_content`, each pass on a fresh copy of the page's one parse):

1. **strict**: drop never-content elements, hidden elements, chrome tags (nav, footer, aside)
   and elements whose class/id/role reads as chrome (unless it also reads as content);
2. **relaxed**: keep class/id chrome words (sites misname their content wrappers);
3. **loose**: keep chrome tags too.

A pass is accepted when its content is long enough in absolute terms and against the page's
own visible text; otherwise the next pass runs and the longest result wins (Readability's
flag-relaxing retry); blocks dropped as named boilerplate (related posts, share bars) still count
as found, a winner inside such a block gives way, and the loose pass must find more than the text
of the nav/footer/aside it keeps. Scoring is Readability's: every paragraph-like block gives
``1 + commas + min(len/100, 3)`` to its ancestors (parent full, grandparent half, then
``1/(3·level)``), candidates start from a tag and class/id weight and end scaled by
``1 - link density``. Siblings of the winner that score well, or read as prose, join it, as
does a lead wrapper (one or two paragraphs) right above it; siblings named as boilerplate never do.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Callable

from selectolax.lexbor import LexborHTMLParser, LexborNode

from convert.extract import record
from convert.extract.ablation import rule
from . import patterns as P
from .articlemarks import article_like, marked_article, under_headline
from .chrome import in_named_chrome
from .cleaning import clean
from .dom import copier, inside, parse, strip_elements
from .figures import with_figures
from .measure import LEVELS, LOOSE, RELAXED, STRICT, Candidate, PASS_NAMES as _PASS_NAMES, describe, label, measuring, text_len
from .prune import PASS_DROP, outside_article, prune, strip
from .scoring import enclosing_region, pick, score
from .siblings import siblings
from .thresholds import (
    EXTEND_MIN_CHARS, EXTEND_SAMPLES, EXTEND_SAMPLE_CHARS, EXTEND_SHARE, FALLBACK_GAIN,
    FALLBACK_MIN_PAGE_CHARS, MIN_ARTICLE_CHARS, MIN_ARTICLE_SHARE, NOSCRIPT_MIN_MARKUP,
    NOSCRIPT_MIN_TEXT, NOSCRIPT_SHELL_FACTOR, NOSCRIPT_SHELL_MIN_TEXT, PAGE_CHARS_CAP,
    PASS_GAIN_FACTOR, RELAXED_SCORE_FACTOR,
    SIDE_BLOCK_FACTOR, SIDE_BLOCK_SHARE, WEAKER_SCORE_SHARE,
)
from ..lazyre import lazy

log = logging.getLogger("convert.extract")

RELAX = rule("relax", "a pass keeping too little of the page is retried with relaxed pruning")
SIDE_BLOCK = rule("side_block", "an earlier winner that is a small non-article block gives way "
                  "to a much longer region found by a later pass")
WEAKER_PASS = rule("weaker_pass", "a later pass's winner scoring under half the earlier one's "
                   "does not replace it")
COMMENTS_NO_GAIN = rule("comments_no_gain", "reader comments kept by a later pass are no gain "
                        "over an article")
LOOSE_CORE = rule("loose_core", "the loose pass must find more than the nav/footer/aside text "
                  "it keeps")
NOSCRIPT = rule("noscript", "<noscript> markup outweighing the visible page is parsed as the page")
NOSCRIPT_SHELL = rule("noscript_shell", "<noscript> markup under the length the noscript rule "
                      "wants is still parsed as the page when the visible page is an empty "
                      "shell beside it (a script-built forum's crawler view of a short thread)")
ARTICLE_STAYS = rule("article_stays", "a strict winner under the page's headline is replaced "
                     "by a later pass only with more of the same container")
ARTICLE_ANCHOR = rule("article_anchor", "a strict winner marked up as the article (<article>, "
                      "hentry, microdata) stays like one under the page's headline")
PAGE_FALLBACK = rule("page_fallback", "when every pass found only a scrap of a page with "
                     "text, the strictly pruned page (its <main>, else the body) is the content")
ENCLOSING_REGION = rule("enclosing_region", "the strict winner widens to a link-free headed "
                        "region on landing pages")


#: Benchmark hook (:mod:`tests.bench.rerank`): a function per pass level reordering the
#: ranked candidates before the winner is taken (:func:`.scoring.pick`). Empty in use.
RERANK: dict[int, Callable[[list[Candidate]], list[Candidate]]] = {}


@dataclass
class Content:
    """The winning nodes (in document order) and what the decision was based on."""

    nodes: list[LexborNode]
    length: int
    level: int
    notes: list[str] = field(default_factory=list)
    score: float = 0.0
    #: Characters of named boilerplate blocks (related posts, share bars) cleaned out: still
    #: counted when judging whether the pass found enough of the page, so dropping them does
    #: not send the cascade on to a looser pass.
    chrome: int = 0
    #: The winner sits inside a named boilerplate block (related pages, comments): a later
    #: pass finding another, longer region replaces it.
    in_chrome: bool = False
    #: Characters of reader-comment sections kept by a relaxed or loose pass (the strict pass
    #: prunes them by name): not a gain over an earlier winner that is an article.
    comments: int = 0
    #: Characters outside chrome tags (nav, footer, aside) kept by the loose pass: what it
    #: found beyond them (the whole length unless given).
    core: int | None = None
    #: The winning element as the debug log names it (``div#main.post``): the same in every
    #: pass when the passes found the same container.
    winner: str = ""

    def __post_init__(self) -> None:
        if self.core is None:
            self.core = self.length


def profiled_content(nodes: list[LexborNode], notes: list[str]) -> Content:
    """The :class:`Content` of a page a type profile extracted (:mod:`.profiles`): its
    elements as the winner, measured as the cascade measures its own."""
    rec = record.current()
    if rec is not None:
        rec.chosen = "profile"
        rec.notes.extend(notes)
    return Content(list(nodes), sum(text_len(n) for n in nodes), STRICT, list(notes),
                   winner=describe(nodes[0]) if nodes else "")


def visible_text_len(tree: LexborHTMLParser) -> int:
    """Visible characters of the page's ``<body>`` (0 without one)."""
    body = tree.body
    return text_len(body) if body is not None else 0


def extract_pass(tree: LexborHTMLParser, level: int, stripped: bool = True,
                 body_chars: int | None = None) -> Content | None:
    """One pass of the cascade on a fresh copy of the page, ``stripped`` of never-content
    elements as :func:`find_content` gives it (else they are stripped here first): prune at
    ``level``, score the paragraphs,
    pick the winner (:func:`.scoring.pick`), add its siblings and the figures beside it, widen
    it to the enclosing region on link-free landing pages (strict pass only), then clean it
    conditionally. Returns the content with what :func:`find_content` needs to compare passes
    (length, score, named boilerplate removed, comment and chrome-tag characters), or ``None``
    when the page has no body or no text. ``body_chars``: the body's visible characters as
    given, when known (see :func:`.prune.prune`)."""
    prune(tree, level, stripped, body_chars)
    body = tree.body
    if body is None:
        return None
    # Nothing changes the tree from here until the cleaning's removals, at its very end.
    with measuring(body):
        candidates = score(body)
        if not candidates:
            length = text_len(body)
            return Content([body], length, level, ["no scored paragraphs: whole body"]) if length else None
        top, notes = pick(body, candidates, RERANK.get(level))
        nodes = siblings(top, candidates) if top.node.tag != "body" else [top.node]
        # Only where the strict rules removed the chrome: in later passes the region would take
        # in the comment threads and "more articles" blocks that chrome names had marked.
        region = enclosing_region(nodes, body) if level == STRICT and ENCLOSING_REGION else None
        if region is not None:
            notes.append(f"widened to {describe(region)}: the winner is one block of a "
                         f"link-free page")
            nodes = [region]
        if nodes[0].tag != "body":
            nodes, added = with_figures(nodes)
            if added:
                notes.append(f"added {added} figure(s) beside the winner")
        chrome = clean(nodes, level, candidates)
    length = sum(text_len(n) for n in nodes)
    rec = record.current()
    if rec is not None:
        rec.candidates(sorted((c for c in candidates.values() if c.length),
                              key=lambda c: c.score, reverse=True)[:10])
        rec.winner(nodes, top, notes)
    notes.append(f"winner {describe(top.node)} score {top.score:.1f} with "
                 f"{len(nodes) - 1} sibling(s), {length} chars after cleaning "
                 f"({chrome} of named boilerplate)")
    core = length - _chrome_tag_chars(nodes) if level >= LOOSE and LOOSE_CORE else length
    comments = _comment_chars(nodes) if level >= RELAXED and COMMENTS_NO_GAIN else 0
    return Content(nodes, length, level, notes, top.score, chrome, in_named_chrome(top.node),
                   comments, core, describe(top.node))


_CHROME_TAG_SELECTOR = ",".join(sorted(P.CHROME_TAGS | {"header"}))


def _comment_chars(nodes: list[LexborNode]) -> int:
    """Characters inside reader-comment sections (outermost ones only) under the nodes."""
    total = 0
    for root in nodes:
        outer: list[LexborNode] = []
        for node in root.css("[class],[id]"):
            if outer and inside(node, outer[-1]):
                continue
            words = label(node)
            if words and P.COMMENTS.search(words) and not P.POSITIVE.search(words):
                outer.append(node)
                total += text_len(node)
    return total


def _chrome_tag_chars(nodes: list[LexborNode]) -> int:
    """Characters inside chrome tags (outermost ones only) under the nodes: those the strict
    pass prunes (a ``<header>`` only outside the article)."""
    total = 0
    for root in nodes:
        outer: list[LexborNode] = []
        for node in root.css(_CHROME_TAG_SELECTOR):
            if node.tag == "header" and not outside_article(node):
                continue
            if not outer or not inside(node, outer[-1]):
                outer.append(node)
                total += text_len(node)
    return total


def _weaker(new: Content, old: Content) -> bool:
    # A negative score comes from chrome class words, which the relaxed passes no longer
    # trust: it says nothing about the text, so it is not compared.
    return WEAKER_PASS and 0 < new.score < WEAKER_SCORE_SHARE * old.score


def _side_block(new: Content, old: Content, page_len: int) -> bool:
    """Whether the earlier winner was a side block (a sidebar's rules, a promo box) that won
    only because the strict rules removed the real content's container (a comment thread that
    *is* the page, on a forum): a later pass found a much longer, *different* region. (A later
    region that contains the earlier one is judged by :func:`_extends` and :func:`_weaker`.)"""
    return (SIDE_BLOCK and old.length < SIDE_BLOCK_SHARE * page_len and not article_like(old.nodes)
            and new.length >= SIDE_BLOCK_FACTOR * old.length and not _extends(new, old))


_NOSCRIPT = lazy(r"<(/?)noscript\b", re.IGNORECASE)


def _unwrap_noscript(html: str, page: LexborHTMLParser) -> tuple[str, bool]:
    """Pages that render with scripts and give crawlers the article inside ``<noscript>``
    (Discourse forums, some SPAs): when the noscript text outweighs the visible text, parse
    it as markup (a shorter one only when it outweighs an empty shell, ``noscript_shell``). ``page`` is an untouched parse of ``html``; returns the markup to use and
    whether it changed."""
    if not NOSCRIPT:
        return html, False
    raw = [n.text(deep=True) for n in page.css("body noscript")]
    size = sum(len(r) for r in raw)
    # (a smaller one only beside an empty shell, NOSCRIPT_SHELL)
    shell = size < NOSCRIPT_MIN_MARKUP
    if shell and not (NOSCRIPT_SHELL and size >= NOSCRIPT_SHELL_MIN_TEXT):
        return html, False
    # The parser keeps noscript content as raw markup: count the text it would show.
    noscript = 0
    for markup in raw:
        inner = LexborHTMLParser(markup)
        inner.strip_tags(list(P.DROP_TAGS - {"-comment"}))
        noscript += visible_text_len(inner)
    if noscript < NOSCRIPT_MIN_TEXT:
        if not (NOSCRIPT_SHELL and noscript >= NOSCRIPT_SHELL_MIN_TEXT):
            return html, False
        shell = True
    probe = copier(page, html)()
    probe.strip_tags(list(P.DROP_TAGS - {"-comment"}))
    visible = visible_text_len(probe)
    if noscript <= (NOSCRIPT_SHELL_FACTOR if shell else 1) * visible:
        return html, False
    log.debug("noscript holds %d chars against %d visible: parsing it as markup", noscript,
              visible)
    return _NOSCRIPT.sub(lambda m: f"<{m.group(1)}div data-noscript", html), True


def _text_of(content: Content) -> str:
    return " ".join(" ".join(n.text(deep=True).split()) for n in content.nodes)


def _extends(new: Content, old: Content) -> bool:
    """Whether a relaxed pass found *more of the same* article rather than another region:
    most samples of the old text reappear in the new one."""
    old_text = _text_of(old)
    new_text = _text_of(new)
    if len(old_text) < EXTEND_MIN_CHARS:
        return True
    step = max(1, (len(old_text) - EXTEND_SAMPLE_CHARS) // EXTEND_SAMPLES)
    samples = [old_text[i:i + EXTEND_SAMPLE_CHARS]
               for i in range(0, len(old_text) - EXTEND_SAMPLE_CHARS, step)][:EXTEND_SAMPLES]
    return sum(1 for sample in samples if sample in new_text) >= EXTEND_SHARE * len(samples)


#: Names of a story's own container (``#articlebody``, ``.post-content``, ``.entry``): a
#: short story so named is short, not a scrap of a page of cards. (Not "content", "text"
#: or "body": layout utilities use them too.)
_STORY_NAME = lazy(r"article|story|post|entry", re.IGNORECASE)


def _page_fallback(copy, body_chars: int | None = None  # noqa: ANN001
                   ) -> tuple[LexborHTMLParser, Content] | None:
    """Landing, listing and product pages made of many short blocks (cards, feature rows,
    buttons) have no paragraph to win: every pass finds a scrap (a button's label, a price
    note, a consent bar). The page itself, pruned of chrome, is then the content: its
    ``<main>`` when it has one with text, else the body. (Not cleaned: a grid of product
    cards reads as link lists, and it is what such a page holds.) The strict pruning is
    relaxed when it leaves too little, as in the cascade."""
    for level in (STRICT, RELAXED):
        tree = copy()
        prune(tree, level, stripped=True, body_chars=body_chars)
        body = tree.body
        if body is None:
            return None
        root = body
        for main in tree.css("main, [role=main]"):
            if text_len(main) >= MIN_ARTICLE_CHARS:
                root = main
                break
        length = text_len(root)
        if length >= MIN_ARTICLE_CHARS:
            return tree, Content([root], length, level, ["fallback: the pruned page"], 0.0,
                                 winner=describe(root))
    return None


#: What the page-level measures drop beyond the passes' :data:`.prune.PASS_DROP`.
_PASS_DROP_NAMES = frozenset(PASS_DROP.split(","))
_HEAD_TAGS = (P.DROP_TAGS - {"-comment"}) - _PASS_DROP_NAMES
#: (A few names: one selector walk of them costs less than a Python step per node.)
_HEAD_SELECTOR = ",".join(sorted(_HEAD_TAGS))


def _strip_for_passes(tree: LexborHTMLParser) -> None:
    strip_elements(tree, _PASS_DROP_NAMES)


def _body_title_chars(tree: LexborHTMLParser) -> int:
    """Visible characters of ``<title>`` elements in the body (a stray ``<title>`` is parsed
    where it stands): the page's visible text leaves them out."""
    body = tree.body
    if body is None:
        return 0
    return sum(text_len(t) for t in body.css("title"))


def page_for_readers(html: str) -> LexborHTMLParser:
    """A new parse of ``html`` as :func:`find_content` leaves the caller's parse of it with
    ``keep_page=True`` (for a reader after the cascade, when the caller did not keep it):
    without never-content elements and the head, unless ``<noscript>`` markup is parsed as
    the page (then as it was)."""
    page = parse(html)
    if _unwrap_noscript(html, page)[1]:
        return page
    strip_elements(page, _PASS_DROP_NAMES)
    strip(page, _HEAD_SELECTOR)
    return page


def find_content(html: str, page: LexborHTMLParser | None = None, keep_page: bool = True,
                 consume_page: bool = False) -> tuple[LexborHTMLParser, Content | None]:
    """Run the cascade; return the tree the winning nodes live in and the winner.

    ``page`` is the caller's parse of ``html`` (parsed here when not given): the passes work
    on copies of it, and it is left without never-content elements and the head, as the
    page-level readers after the cascade want it (unless ``<noscript>`` markup had to be
    parsed as the page: then it is left as it was; :func:`page_for_readers` parses it so
    again). ``keep_page=False``: no reader wants it after the cascade (the caller drops it),
    so its head is not stripped. ``consume_page`` (with ``keep_page=False``, for a huge
    page; ``page`` must be a parse of ``html`` as it is): the first pass works on ``page``
    itself, the later ones on new parses of ``html`` (see :func:`.dom.copier`)."""
    if page is None:
        page = parse(html)
    html, changed = _unwrap_noscript(html, page)
    if changed:
        page = parse(html)
    # Every pass starts by stripping the never-content elements (scripts, styles, embeds,
    # forms' controls): strip them once here and give each pass a copy of what is left
    # (a copy costs about half a parse, and copies the smaller tree).
    strip_elements(page, _PASS_DROP_NAMES)
    copy = copier(page, html, _strip_for_passes,
                  consume=consume_page and not keep_page and record.current() is None)
    # (every copy's body holds what the page's does: its length is measured once here)
    body_chars = visible_text_len(page)
    page_len = body_chars - _body_title_chars(page)
    rec = record.current()
    if rec is not None:
        rec.html, rec.page_chars = html, page_len
    best: tuple[LexborHTMLParser, Content] | None = None
    anchored = ""
    for level in LEVELS:
        # A pass's tree that did not win is freed before the next copy is made (its nodes
        # hold it too): at most two trees besides the page's are alive, not three.
        tree = content = None
        if rec is None:
            tree = copy()
            content = extract_pass(tree, level, body_chars=body_chars)
        else:
            # The recorder numbers the elements of the whole page in document order (the
            # inspect report maps them onto a parse of ``html``): it gets a fresh parse,
            # which the pass strips itself.
            tree = parse(html)
            rec.begin_pass(_PASS_NAMES[level], tree)
            content = extract_pass(tree, level, stripped=False)
        if content is None:
            log.debug("pass %s: nothing found", _PASS_NAMES[level])
            continue
        if rec is not None:
            from .explain import judge_pass
            rec.end_pass(**judge_pass(content, best and best[1], page_len))
        for note in content.notes:
            log.debug("pass %s: %s", _PASS_NAMES[level], note)
        # A relaxed pass wins only by finding more of the same article (not another region).
        # The loose pass keeps nav, footer and aside: it must find more than their text.
        # Reader comments are no gain over an article (they are kept out by default).
        gain = content.length if best is None or best[1].length < MIN_ARTICLE_CHARS \
            else content.core - (content.comments if article_like(best[1].nodes) else 0)
        if anchored and content.winner != anchored:
            # The story under its headline stays: a later pass may find more of the same
            # container, not trade it for a wrapper of the busy page around it.
            log.debug("pass %s: winner %s is not the story's %s: kept the story",
                      _PASS_NAMES[level], content.winner, anchored)
        elif best is None or gain > best[1].length * PASS_GAIN_FACTOR and (
                best[1].length < MIN_ARTICLE_CHARS or best[1].in_chrome
                or _side_block(content, best[1], page_len)
                or _extends(content, best[1]) and not _weaker(content, best[1])
                or best[1].nodes[0].tag == "body"
                and content.score >= RELAXED_SCORE_FACTOR * best[1].score):
            best = (tree, content)
        found = content.length + content.chrome
        if not RELAX or content.length >= MIN_ARTICLE_CHARS and found >= MIN_ARTICLE_SHARE * min(
                page_len, PAGE_CHARS_CAP) and not content.in_chrome:
            break
        if (ARTICLE_STAYS and level == STRICT and best[1] is content
                and content.length >= MIN_ARTICLE_CHARS and not content.in_chrome
                and (under_headline(content.nodes) or ARTICLE_ANCHOR and marked_article(content.nodes))):
            anchored = content.winner
        log.debug("pass %s kept %d of %d visible chars: relaxing", _PASS_NAMES[level],
                  content.length, page_len)
    tree = content = None  # (the fallback copies the page again)
    if PAGE_FALLBACK and page_len >= FALLBACK_MIN_PAGE_CHARS and (
            best is None or best[1].length < MIN_ARTICLE_CHARS and not article_like(best[1].nodes)
            and not _STORY_NAME.search(best[1].winner)):
        fallback = _page_fallback(copy, body_chars)
        found = best[1].length if best is not None else 0
        if fallback is not None and fallback[1].length >= max(FALLBACK_GAIN * found,
                                                               MIN_ARTICLE_CHARS):
            log.debug("every pass found a scrap: the pruned page (%d chars) is the content",
                      fallback[1].length)
            best = fallback
    if not changed and keep_page:
        # The caller's parse, now as the page-level readers want it: without the head either.
        strip(page, _HEAD_SELECTOR)
    if best is None:
        return page, None
    log.debug("chose the %s pass (%d chars)", _PASS_NAMES[best[1].level], best[1].length)
    if rec is not None:
        rec.chosen = _PASS_NAMES[best[1].level]
    return best
