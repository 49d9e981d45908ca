"""Where a date sits: in another story's card, a sidebar, a comment, a list's item or a list
of sources, where it is not the page's (split out of :mod:`.dateline`, which reads the dates
this module lets through).

Measured and not adopted (issue #18, r-list13, 2026-12-08): ``card_run_date``, a date inside
one of a run of three or more sibling cards each titled by a linked heading (one per card, no
``<h1>`` in it), under a page ``<h1>`` outside the run, read as that item's, not the page's (a
podcast's episode list dated by its first episode). On the tune pages of every set it dropped
5 dates, all an item's on a hub, topic or teaser page (wcxb-dev 0485, 0729, 2955,
wcxb-dev-extra 1310, a trafilatura-eval carousel), none of them scored (no date in the gold):
tune date unchanged; on the check split wcxb-dev-extra's date fell 0.833 -> 0.810 (one page).
(Without the page-``<h1>`` condition it also undated two dragnet blog posts titled by a linked
``<h2>``.)
Adopted since as ``list_item_dates`` (r-meta14), narrower: the items are three or more
siblings of one tag and one class (or ``<li>``/``<article>``), each holding a heading and a
``<time>`` or a date-classed element, the ``<h1>`` in none; no page-``<h1>`` condition.
On the metadata harness (``tests.bench.meta_ablation``) it changes no title, byline or date
verdict on the tune or the check split of any set.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from convert.extract.ablation import rule
from convert.extract.lazyre import lazy
from .readers import reader_block

DATES_ELSEWHERE = rule(
    "dates_elsewhere", "a date in a related-post card, a sidebar widget or a comment is not "
    "the article's")
TEASER_LINK_DATE = rule(
    "teaser_link_date", "a date inside a link that also holds a headline (a carousel's or a "
    "list's teaser card) is that story's, not the page's")
#: A link holding this many characters besides its date is a teaser card, not a permalink.
TEASER_LINK_CHARS = 20
HEADLINE_HOLDER = rule(
    "headline_holder", "a block holding the page's <h1> is the article's layout "
    "('contentandsidebars'), not a sidebar or a related-posts card")
CITATION_DATES = rule(
    "citation_dates", "a citation's access date ('Retrieved 4 June 2021') and any date in a "
    "references or footnotes list are the sources' dates, never the page's")
LIST_ITEM_DATES = rule(
    "list_item_dates", "a date inside one of a list's headed items (a podcast's episodes, a "
    "blog's post cards, each with its own heading and day) is that item's, not the page's: "
    "the page is the list, dated by what it declares or by nothing")
LINKED_ITEM_DATES = rule(
    "linked_item_dates", "a list's items titled by a link rather than a heading, each with "
    "its day (a 'Trending' or 'Latest' bar of other stories, often above the article), are "
    "items of a list as headed ones are: their days are the linked stories'")
#: A list has at least this many headed items of one tag and class.
LIST_ITEMS_MIN = 3

#: class/id words of blocks holding other stories' or readers' dates, read at either end of a
#: class token ("related-posts", "jp-relatedposts", "comment-date"): inside it they name a
#: layout mode ("story-sidebar-mode-single"), and a page wrapper flags its layout in front
#: ("has-sidebar", "no-comments"). ("widget" is not one: page builders call every block a
#: widget, and ``<aside>`` holds some sites' whole article.)
_ELSEWHERE = lazy(r"related|sidebar|recent|popular|recommend|teaser|comment|disqus|"
                  r"replies", re.IGNORECASE)
#: class/id words (whole tokens or their ends) and ARIA roles of a list of notes or sources: a
#: date inside is a cited work's ("Wagner (2008)", "Retrieved 4 June 2021").
_NOTES = lazy(r"(?:^|[-_])(?:references?|reflist|footnotes?|endnotes?|citations?|"
              r"bibliography)$|^doc-(?:endnotes|footnote|bibliography|biblioentry)$",
              re.IGNORECASE)
_LAYOUT_FLAG = lazy(r"^(?:has|with|without|no|is|layout|page)[-_]|template|mode",
                    re.IGNORECASE)
_TOKEN_PARTS = lazy(r"[-_]+")
#: How far up a date's block of other stories is looked for.
ELSEWHERE_DEPTH = 6


def elsewhere(node: LexborNode | None) -> bool:
    """Whether ``node`` sits in a related-post card, a sidebar widget, a comment or a teaser
    link (a link holding another story's title and date), or a customer's review or a
    reader's comment (:func:`.readers.reader_block`)."""
    if reader_block(node):
        return True
    if not DATES_ELSEWHERE:
        return False
    date_chars = len(node.text(deep=True) or "") if node is not None else 0
    for _ in range(ELSEWHERE_DEPTH):
        if node is None or node.tag in ("body", "html", "main"):
            return False
        if LIST_ITEM_DATES and _listed_item(node):
            return True
        if node.tag == "article":
            return False
        if TEASER_LINK_DATE and node.tag == "a" and len(
                (node.text(deep=True) or "").strip()) > TEASER_LINK_CHARS + date_chars:
            return True
        attrs = node.attributes
        if CITATION_DATES and any(value and any(_NOTES.search(tok) for tok in value.split())
                                  for value in (attrs.get("class"), attrs.get("id"),
                                                attrs.get("role"))):
            return True
        for value in (attrs.get("class"), attrs.get("id")):
            if value and any(_names_elsewhere(tok) for tok in value.split()) and not (
                    HEADLINE_HOLDER and node.css_first("h1") is not None):
                return True
        node = node.parent
    return False


def _listed_item(node: LexborNode) -> bool:
    """Whether ``node`` is one of a list's items: it and at least :data:`LIST_ITEMS_MIN - 1`
    siblings of its tag and class (a class named, or list items and articles) each hold a
    heading and a date (an episode, a post card), and the page's ``<h1>`` is in none of them.
    (Unclassed ``<div>`` siblings are a layout's columns, not a list.)"""
    parent = node.parent
    tag, cls = node.tag, node.attributes.get("class")
    if parent is None or not cls and tag not in ("li", "article") or node.css_first(
            "h1") is not None or not _headed(node):
        return False
    items = 0
    child = parent.child
    while child is not None:
        if child.tag == tag and child.attributes.get("class") == cls and _headed(child):
            items += 1
            if items >= LIST_ITEMS_MIN:
                return True
        child = child.next
    return False


def _headed(node: LexborNode) -> bool:
    """Whether a list item holds a heading (or, with :data:`LINKED_ITEM_DATES`, a link) and a
    ``<time>`` or a date-classed element."""
    return node.css_first("h2, h3, h4, h5, h6" + (", a[href]" if LINKED_ITEM_DATES else "")
                          ) is not None and node.css_first(
        'time, [class*="date"], [class*="Date"]') is not None


def _names_elsewhere(token: str) -> bool:
    if not _ELSEWHERE.search(token) or _LAYOUT_FLAG.search(token):
        return False
    parts = [p for p in _TOKEN_PARTS.split(token) if p]
    return bool(parts) and bool(_ELSEWHERE.search(parts[0]) or _ELSEWHERE.search(parts[-1]))


