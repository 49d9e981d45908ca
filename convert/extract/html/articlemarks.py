"""Whether the cascade's winner reads as an article page's body: marked up as the article
(``<article>``, a microformat ``hentry`` post, the microdata ``articleBody``), or sitting under
the page's own headline. :mod:`.content` asks these before relaxing a pass or replacing a
winner: a winner that reads as the article stays, however much else the page holds.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from convert.extract.ablation import rule
from .prune import in_article, outside_article
from .thresholds import HEADLINE_LEVELS, HEADLINE_MIN_WORDS, STAY_MIN_WORDS, STAY_TITLE_SHARE
from ..lazyre import lazy

HENTRY = rule("hentry", "a winner in a microformat blog post (hentry) reads as an article")
SCHEMA_ARTICLE = rule("schema_article", "a winner that is or holds the microdata articleBody, or "
                      "sits in a schema.org Article, reads as an article")


def article_like(nodes: list[LexborNode]) -> bool:
    """Whether the winner reads as an article page's body: an ``<article>``/``<main>`` (or
    inside one), a microformat or microdata post, or under the page's headline: an ``<h1>``
    of two words or more that the ``<title>`` repeats, held by the winner, its parent or
    grandparent. (A sidebar's rules or a promo box does not; forums and builders put
    ``<h1>`` on their side boxes too.)"""
    title = None
    for node in nodes:
        if node.tag in ("article", "main") or not outside_article(node):
            return True
        if HENTRY and _in_post_entry(node):
            return True
        if SCHEMA_ARTICLE and _in_schema_article(node):
            return True
        if title is None:
            title = _page_title(node)
        if not title:
            continue
        up = node
        for _ in range(HEADLINE_LEVELS):
            if up is None or up.tag in ("body", "html"):
                break
            for h1 in up.css("h1"):
                words = h1.text(deep=True).split()
                if len(words) >= HEADLINE_MIN_WORDS and " ".join(words).casefold() in title:
                    return True
            up = up.parent
    return False


def marked_article(nodes: list[LexborNode]) -> bool:
    """Whether the winner is marked up as the article: an ``<article>`` (or inside one), a
    microformat post (``hentry``) or the microdata article. (Not a ``<main>``: landing and
    shop pages wrap all their blocks in one.)"""
    node = nodes[0]
    return (node.tag == "article" or in_article(node) or HENTRY and _in_post_entry(node)
            or SCHEMA_ARTICLE and _in_schema_article(node))


def under_headline(nodes: list[LexborNode]) -> bool:
    """Whether the winner sits under the page's own headline: a heading (``<h1>``-``<h3>``;
    older blogs title posts with ``<h2>``/``<h3>``) of at least :data:`STAY_MIN_WORDS` words
    making up most of the ``<title>`` (so not the site's name), held by the winner, its parent
    or grandparent. Such a winner is the story however much else the page holds (a headline
    list, a comment thread, a sidebar of widgets): relaxing would only climb to their wrapper."""
    node = nodes[0]
    title = _page_title(node)
    if not title:
        return False
    up = node
    for _ in range(HEADLINE_LEVELS):
        if up is None or up.tag in ("body", "html"):
            return False
        if holds_headline(up, title):
            return True
        up = up.parent
    return False


def holds_headline(node: LexborNode, title: str | None = None) -> bool:
    """Whether the element holds the page's own headline: a heading (``<h1>``-``<h3>``) of at
    least :data:`STAY_MIN_WORDS` words making up most of the ``<title>`` (``title``: the
    page's, case-folded, looked up when not given)."""
    if title is None:
        title = _page_title(node)
    if not title:
        return False
    for heading in node.css("h1, h2, h3"):
        text = " ".join(heading.text(deep=True).split()).casefold()
        if (len(text.split()) >= STAY_MIN_WORDS and text in title
                and len(text) >= STAY_TITLE_SHARE * len(title)):
            return True
    return False


_SCHEMA_ARTICLE = lazy(r"schema\.org/(?:\w*Article|BlogPosting|Report)\b", re.IGNORECASE)


def _in_schema_article(node: LexborNode) -> bool:
    """Whether the element is, holds or sits (up to :data:`HEADLINE_LEVELS` levels) in the
    article the page declares in microdata: ``itemprop="articleBody"``, or an
    ``itemtype`` of ``schema.org/NewsArticle``, ``BlogPosting`` and kin."""
    if node.css_first("[itemprop=articleBody]") is not None:
        return True
    for _ in range(HEADLINE_LEVELS + 1):
        if node is None or node.tag in ("body", "html"):
            return False
        attrs = node.attributes
        if attrs.get("itemprop") == "articleBody" or _SCHEMA_ARTICLE.search(
                attrs.get("itemtype") or ""):
            return True
        node = node.parent
    return False


_POST_ENTRY = lazy(r"(?:^|\s)(?:hentry|h-entry)(?:\s|$)")


def _in_post_entry(node: LexborNode) -> bool:
    """Whether the element or an ancestor up to :data:`HEADLINE_LEVELS` levels is marked as a
    blog post by the microformat class (``hentry``, ``h-entry``), the ``<article>`` of older
    blog themes."""
    for _ in range(HEADLINE_LEVELS):
        if node is None or node.tag in ("body", "html"):
            return False
        if _POST_ENTRY.search(node.attributes.get("class") or ""):
            return True
        node = node.parent
    return False


def _page_title(node: LexborNode) -> str:
    """The document's ``<title>`` text, whitespace-squashed and case-folded ("" if none)."""
    while node.parent is not None:
        node = node.parent
    found = node.css_first("title")
    return " ".join(found.text().split()).casefold() if found is not None else ""
