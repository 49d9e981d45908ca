"""The standfirst (dek, subtitle): the summary line under the headline, found near it.

:mod:`convert.extract.html.meta` uses :func:`standfirst` for ``Meta.subtitle``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from convert.extract.ablation import rule
from convert.extract.dates import text_date
from ..dom import node_text, word_key
from ...lazyre import lazy
from .title import _echoes

STANDFIRST_HEADLINE = rule("standfirst_headline", "a standfirst is read only under an <h1> "
                           "that is the page's headline, not a blog's name over its tagline")

SITE_TAGLINE = rule("site_tagline", "an element named as the site's or blog's description "
                    "(site-description, banner-description, blog_description) is its tagline, "
                    "never the post's standfirst")

WRAPPED_HEADLINE = rule("wrapped_headline", "a headline alone in its own wrapper "
                        "(<div class=headline><h1>…</h1></div>) is followed by its wrapper's "
                        "next siblings: the standfirst is looked for there")

#: class/id of the site's tagline under its name (WordPress' ``site-description``, TypePad's
#: ``banner-description``, ``blog_description``): "description" alone
#: reads as a standfirst, these never do.
_SITE_TAGLINE = lazy(r"(?:site|blog|banner)[-_]?(?:description|desc|tagline|slogan)|"
                     r"(?<![a-z])(?:tagline|slogan)(?![a-z])", re.IGNORECASE)

_STANDFIRST_CLASS = lazy(
    r"standfirst|\bdek\b|[-_]dek\b|subtitle|sub-title|subhead|sub-head|subheadline|"
    r"summary|\blede\b|[-_]lede\b|\bintro\b|[-_]intro\b|excerpt|strapline|kicker-text|"
    r"description|teaser-text|article-lead|lead-text|\blead\b",
    re.IGNORECASE)
LOCAL_STANDFIRST = rule("local_standfirst", "a standfirst named in French, Spanish, Italian, "
                        "Portuguese or German (chapo, entradilla, sommario, linha-fina, "
                        "vorspann) reads as one")
#: The standfirst's names in French (``chapo``, ``chapeau``), Spanish (``entradilla``,
#: ``subtitulo``, ``sumario``), Italian (``sommario``, ``catenaccio``), Portuguese
#: (``linha-fina``, ``subtitulo``) and German (``vorspann``, ``unterzeile``) templates.
_LOCAL_STANDFIRST = lazy(
    r"(?<![a-z])(?:chapo|chapeau|entradilla|subt[ií]tulo|sumario|sommario|catenaccio|"
    r"linha-?fina|vorspann|unterzeile)(?![a-z])", re.IGNORECASE)
_STANDFIRST_NOT = lazy(r"byline|author|date|time|meta|caption|credit|share|nav|breadcrumb|"
                       r"comment|related|promo|newsletter", re.IGNORECASE)
#: A standfirst is one or two sentences: shorter than this many characters...
STANDFIRST_MAX = 400
#: ...and at least this long.
STANDFIRST_MIN = 20
#: Element siblings right after the headline read as candidates...
FOLLOWING_READ = 3
#: ...and elements of its header block (a bound on a header that holds a whole page).
ZONE_READ = 40


def standfirst(tree: LexborHTMLParser, title: str | None, descriptions: list[str],
               titles: list[str] = (), site_name: str | None = None,
               h1s: list[LexborNode] | None = None) -> str | None:
    """The standfirst (dek, subtitle) under the headline, from a visible element only.

    Looked for in the headline's header block (its ``<header>``/``<hgroup>``, or its parent
    when that is small) and among the elements right after the ``<h1>``: an element whose
    class reads as a standfirst, an ``<h2>``/``<p>`` directly after the ``<h1>`` inside a
    header, or an element repeating the page's declared description. ``titles`` are the
    declared titles and the ``<title>``: an ``<h1>`` that is not the chosen ``title`` and
    that they do not echo (a blog's name, which its titles carry only as "Blog Name: Post
    title" or not at all) heads the site's tagline, not a standfirst. ``h1s``: the page's
    ``<h1>`` elements, when the caller found them."""
    h1 = _headline(tree, title, h1s)
    if h1 is None:
        return None
    if STANDFIRST_HEADLINE and titles and title:
        heading = node_text(h1)
        if word_key(heading) != word_key(title) and not _echoes(
                heading, [t for t in titles if t], site_name):
            return None
    desc_keys = {word_key(d) for d in descriptions if len(d) >= STANDFIRST_MIN}
    zone = _header_zone(h1)
    # Elements right after the headline (the next few element siblings).
    following: list[LexborNode] = []
    sib = _after_headline(h1, title)
    while sib is not None and len(following) < FOLLOWING_READ:
        if not (sib.tag or "-").startswith("-"):
            if node_text(sib):
                following.append(sib)
        sib = sib.next
    candidates = list(following)
    if zone is not None:
        candidates += [n for n in zone.css("p, h2, h3, div, span")[:ZONE_READ]]
    real_header = zone is not None and zone.tag in ("header", "hgroup")
    for i, node in enumerate(candidates):
        text = node_text(node)
        if not (STANDFIRST_MIN <= len(text) <= STANDFIRST_MAX) or node.tag == "h1":
            continue
        if node.css_first("h1, p + p, li, time, img, figure") is not None or _linked(
                node, text):
            continue
        if _READ_TIME.search(text) or text_date(text) or _in_figure(node):
            # A dateline, a reading time or a picture's caption is not a standfirst.
            continue
        label = " ".join(v for v in (node.attributes.get("class"), node.attributes.get("id"),
                                     node.attributes.get("itemprop")) if v)
        if label and _STANDFIRST_NOT.search(label):
            continue
        if SITE_TAGLINE and label and _SITE_TAGLINE.search(label):
            continue
        if label and (_STANDFIRST_CLASS.search(label) or LOCAL_STANDFIRST and _LOCAL_STANDFIRST.search(label)):
            return text
        if node.tag == "p" and _next_element(node) is not None and _next_element(
                node).tag == "p" and not real_header:
            # The first of a run of paragraphs is the body's lede, not a standfirst.
            continue
        if word_key(text) in desc_keys:
            return text
        if real_header and i == 0 and following and node.tag in ("h2", "p"):
            return text
    return None


#: How many wrappers holding nothing but the headline are climbed to find what follows it.
WRAPPER_LEVELS = 2


def _after_headline(h1: LexborNode, title: str | None) -> LexborNode | None:
    """The node after the headline: its next sibling, or, when the headline is the only text
    of its wrapper (a ``<div class="headline">`` around the ``<h1>``, the standfirst in the
    next ``<div>``), the wrapper's next sibling. Only under an ``<h1>`` that is the chosen
    title: a blog's name alone in its banner is followed by the blog's tagline."""
    node = h1
    key = word_key(node_text(h1))
    if WRAPPED_HEADLINE and title and key == word_key(title) and not _links_home(h1):
        for _ in range(WRAPPER_LEVELS):
            if _next_text_element(node) is not None:
                break
            parent = node.parent
            if parent is None or parent.tag in ("body", "html", "article", "main", "header",
                                                "hgroup") or word_key(node_text(parent)) != key:
                break
            node = parent
    return node.next


def _links_home(h1: LexborNode) -> bool:
    """The headline is one link to the site's front page: the site's name in its banner (a
    title taken from it is the site's too), its wrapper followed by the site's tagline."""
    link = h1.css_first("a[href]")
    if link is None or word_key(node_text(link)) != word_key(node_text(h1)):
        return False
    return urlsplit(link.attributes.get("href") or "").path in ("", "/")


def _next_text_element(node: LexborNode) -> LexborNode | None:
    """The next element sibling holding text (:func:`_next_element` takes an empty one too:
    a wrapper followed only by an empty ``<div>`` still holds the headline alone)."""
    sib = node.next
    while sib is not None:
        if not (sib.tag or "-").startswith("-") and node_text(sib):
            return sib
        sib = sib.next
    return None


_READ_TIME = lazy(r"\b\d+\s*(?:min(?:ute)?s?|minuten?)\b\s*(?:read|lesezeit|de lecture)?",
                  re.IGNORECASE)


#: How far up a candidate's ``<figure>``/``<figcaption>`` is looked for.
FIGURE_DEPTH = 6


def _in_figure(node: LexborNode) -> bool:
    parent = node
    for _ in range(FIGURE_DEPTH):
        if parent is None:
            return False
        if parent.tag in ("figure", "figcaption"):
            return True
        parent = parent.parent
    return False


def _next_element(node: LexborNode) -> LexborNode | None:
    sib = node.next
    while sib is not None and (sib.tag or "-").startswith("-"):
        sib = sib.next
    return sib


#: A text more than this share of which is link text is navigation or a teaser, not a
#: standfirst.
LINKED_SHARE = 0.3


def _linked(node: LexborNode, text: str) -> bool:
    links = sum(len(node_text(a)) for a in node.css("a"))
    return links > LINKED_SHARE * len(text)


#: ``<h1>`` elements read for the one matching the title.
H1S_READ = 5


def _headline(tree: LexborHTMLParser, title: str | None,
              h1s: list[LexborNode] | None = None) -> LexborNode | None:
    h1s = (tree.css("h1") if h1s is None else h1s)[:H1S_READ]
    if not h1s:
        return None
    if title:
        key = word_key(title)
        for h1 in h1s:
            if word_key(node_text(h1)) == key:
                return h1
    return h1s[0]


#: The headline's parent is its header block when it holds fewer characters than this.
HEADER_ZONE_CHARS = 1200
#: How far up the headline's ``<header>``/``<hgroup>`` is looked for.
HEADER_ZONE_LEVELS = 3


def _header_zone(h1: LexborNode) -> LexborNode | None:
    node = h1.parent
    for _ in range(HEADER_ZONE_LEVELS):
        if node is None or node.tag in ("body", "html", "article", "main"):
            break
        if node.tag in ("header", "hgroup"):
            return node
        node = node.parent
    parent = h1.parent
    if parent is not None and parent.tag in ("div", "header", "hgroup") and len(
            node_text(parent)) < HEADER_ZONE_CHARS:
        return parent
    return None


# --------------------------------------------------------------------------- driver
