"""Service and landing pages: every content section of the page, not one.

A landing page is a stack of headed sections (the offer, the features, how it works, the
prices, the questions), none outscoring the others, so the generic cascade keeps the one
with the most prose. In the strict pass's tree the page's chrome (navigation, header, footer,
asides, cookie and newsletter blocks) is already gone, so the service profile widens the
winner to its highest ancestor that is still mostly free of links: the page's sections
together (:func:`widen`). The pruning also drops what a reader opens (collapsed accordions, tabs,
FAQ answers), so the page's ``<main>`` -- or its body without its own header and footer --
is read again on the untouched parse (:func:`page_main`, :func:`main_blocks`), without the
navigation, asides, forms and cookie blocks inside it and with its collapsed panels.
"""

from __future__ import annotations

import re
from functools import lru_cache

from selectolax.lexbor import LexborNode

from convert.article import Block
from convert.extract.ablation import rule

from . import sifted
from ..dom import inside, is_hidden
from ..measure import link_density, text_len
from ...lazyre import lazy

__all__ = ["widen", "page_main", "main_blocks", "collapsed_panel", "SERVICE_PROFILE"]

SERVICE_PROFILE = rule("service_profile", "on a service or landing page the strict winner "
                       "widens to its highest nearly link-free ancestor (all the sections)")
PAGE_MAIN = rule("service_page_main", "on a service page the page's one <main> element, when "
                 "it holds clearly more than the cascade kept and is not a list of short links, "
                 "is the content (accordions and tabs the pruning drops included)")
PAGE_BODY = rule("service_page_body", "on a service page without a <main>, the body without "
                 "its header, footer, navigation and asides stands for it")
COLLAPSED_PANELS = rule("service_collapsed_panels", "in a service page's <main>, the hidden "
                        "content of a collapsed accordion, tab or FAQ panel is kept (a "
                        "reader opens it; the pruning and the builder drop hidden elements)")

#: An ancestor joins the content only while at most this share of its text is links
#: (section lists of a footer-like block are links).
MAX_LINK_DENSITY = 0.3
#: The wider region replaces the winner only when it holds this many times its text.
WIDEN_FACTOR = 1.3
#: The page's <main> has at least this many visible characters...
MIN_SECTION_CHARS = 150
#: ...and at most this share of it in short links (see :data:`LONG_LINK_WORDS`).
MAX_SECTION_LINKS = 0.3
#: A link with this many words is a card (a title and its description), not navigation: its
#: text counts as the main's own.
LONG_LINK_WORDS = 8


def widen(nodes: list[LexborNode]) -> LexborNode | None:
    """The highest nearly link-free ancestor of the winner ``nodes`` (in the pruned tree of
    the strict pass) holding clearly more text, or ``None``. Never the ``<body>``: what the
    pruning left directly in it (a site header's address line, a loose banner) belongs to no
    section."""
    if not nodes:
        return None
    length = sum(text_len(n) for n in nodes)
    best: LexborNode | None = None
    best_len = 0
    up = nodes[0].parent
    while up is not None and up.tag not in ("body", "html"):
        n = text_len(up)
        if n and link_density(up, n) <= MAX_LINK_DENSITY:
            best, best_len = up, n
        up = up.parent
    if best is None or best_len < WIDEN_FACTOR * max(length, 1):
        return None
    return best


def _short_link_share(node: LexborNode, length: int) -> float:
    """Share of the element's visible characters in links of fewer than
    :data:`LONG_LINK_WORDS` words."""
    links = 0
    for a in node.css("a"):
        text = a.text(deep=True)
        if len(text.split()) < LONG_LINK_WORDS:
            links += text_len(a)
    return links / length if length else 0.0


#: The page's ``<main>`` replaces the cascade's content when it holds this many times its
#: words.
MAIN_FACTOR = 1.3


def page_main(body: LexborNode) -> LexborNode | None:
    """The page's one ``<main>`` (or ``role=main``) element of the untouched parse when it is
    not mostly short links (see :data:`PAGE_MAIN`), else ``None``."""
    if not PAGE_MAIN:
        return None
    mains = body.css("main, [role=main]")
    if not mains:
        return body if PAGE_BODY else None
    unique = list({m.mem_id: m for m in mains}.values())
    top = [m for m in unique if not any(o.mem_id != m.mem_id and inside(m, o) for o in unique)]
    if len(top) != 1:
        return None
    main = top[0]
    # A <main> wrapping the site's footer or banner is the page wrapper, not its content (the
    # footer of an article or a section inside it is theirs).
    if main.css_first("[role=contentinfo], [role=banner]") is not None or any(
            _owner(f, main) for f in main.css("footer")):
        return None
    n = text_len(main)
    if n < MIN_SECTION_CHARS or _short_link_share(main, n) > MAX_SECTION_LINKS:
        return None
    return main


#: What a page's ``<main>`` may still hold that is no section of it.
_CHROME_TAGS = frozenset({"nav", "aside", "form", "dialog"})
#: The page's own header and footer (a <main> holding one is refused: see :func:`page_main`;
#: a body stands for the main only without them).
_PAGE_CHROME_TAGS = frozenset({"header", "footer"})
_CHROME_ROLES = frozenset({"navigation", "complementary", "search", "dialog", "alertdialog",
                           "menu", "menubar"})
_CHROME_WORDS = lazy(r"(?<![a-z])(?:nav|navbar|navigation|menu|breadcrumbs?|cookie|consent|"
                     r"newsletter|skip-?link|skip|modal|popup|social|share)(?![a-z])",
                     re.IGNORECASE)


def _chrome(node: LexborNode, page: LexborNode | None = None) -> bool:
    """Whether an element of a ``<main>`` (or of the body ``page`` standing for it) is no
    section of it."""
    if node.tag in _CHROME_TAGS:
        return True
    if page is not None and node.tag in _PAGE_CHROME_TAGS and _owner(node, page):
        return True
    attrs = node.attributes
    role = attrs.get("role")
    if role in _CHROME_ROLES or page and role in ("banner", "contentinfo"):
        return True
    words = ((attrs.get("class") or "") + " " + (attrs.get("id") or "")).replace("_", "-")
    return bool(words.strip()) and _chrome_words(words)


@lru_cache(maxsize=4096)
def _chrome_words(words: str) -> bool:
    """Whether a class/id string names chrome (:data:`_CHROME_WORDS`): asked for every
    element of a ``<main>``, twice, and class names repeat, so each string is searched once."""
    return bool(_CHROME_WORDS.search(words))


#: class/id words of a panel a reader opens (its hidden content is the page's).
_PANEL_WORDS = lazy(r"(?<![a-z])(?:accordion|accordions|collapse|collapsible|collapsed|panel|"
                    r"panels|faq|faqs|tab-?pane|tab-?panel|tab-?content|drawer|expand|"
                    r"expandable|expander|disclosure|reveal|answer|question)(?![a-z])",
                    re.IGNORECASE)


def _panel(node: LexborNode) -> bool:
    """Whether a hidden element is a collapsed panel (see :data:`COLLAPSED_PANELS`): it or
    its parent is named as one, or it is a tab panel."""
    if not COLLAPSED_PANELS or not is_hidden(node) or node.tag in _CHROME_TAGS:
        return False
    if node.attributes.get("role") == "tabpanel":
        return True
    for el in (node, node.parent):
        if el is None:
            continue
        attrs = el.attributes
        words = ((attrs.get("class") or "") + " " + (attrs.get("id") or "")).replace("_", "-")
        if words.strip() and _PANEL_WORDS.search(words):
            return True
    return False


def collapsed_panel(node: LexborNode) -> bool:
    """Whether a hidden element is a collapsed panel a reader opens (:func:`_panel`): what a
    listing's region and cards show too."""
    return _panel(node)


def main_blocks(main: LexborNode, builder,  # noqa: ANN001
                page: LexborNode | None = None) -> list[Block]:
    """The blocks of the page's ``<main>`` without the navigation, asides, forms and cookie or
    newsletter blocks inside it, and with its collapsed panels' content: an element holding
    some of either is built child by child. A body standing for the main (``page``, itself
    when ``main`` is the body) also leaves out its own header and footer (not an article's or
    a section's)."""
    if page is None and main.tag == "body":
        page = main
    held = sifted.holders(main, _SIFTED, lambda node: _chrome(node, page) or _panel(node))
    if main.mem_id not in held:
        return builder.blocks_of(main, 0)

    def judge(child: LexborNode) -> list[Block] | None:
        if _chrome(child, page):
            return sifted.LEAVE
        if _panel(child):
            return builder.blocks(child, 0)
        return sifted.LEAVE if is_hidden(child) else None

    return sifted.blocks_without(main, builder, held, judge)


#: The elements :func:`main_blocks` may leave out or open (chrome, collapsed panels).
_SIFTED = ("nav, aside, form, dialog, [role], [class], [id], [style], [hidden], [aria-hidden], "
           "header, footer")


def _owner(footer: LexborNode, main: LexborNode) -> bool:
    """Whether the ``footer`` belongs to ``main`` itself (no article or section between)."""
    up = footer.parent
    while up is not None and up.mem_id != main.mem_id:
        if up.tag in ("article", "section"):
            return False
        up = up.parent
    return True

